//! The download buttons: each export is computed by `crate::export` from the current analyses
//! and handed to the browser as a file (a Blob behind a temporary link).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::workspace::Ws;
use crate::analysis::timeline::LaneMode;
use crate::analysis::Analysis;
use crate::article::Article;
use crate::export;

/// Offers `content` as a file named `name`.
fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "the browser refused to build the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "the browser refused to offer the file")?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a").map_err(|_| "no document")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

#[derive(Clone, Copy)]
enum Kind {
    Csv,
    Json,
    TimelineJs,
    Annotations,
    Html,
}

#[component]
pub fn ExportMenu(ws: Ws) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let run = move |kind: Kind| {
        let articles: Vec<std::sync::Arc<Article>> = ws.articles.get_value();
        let analyses = ws.analyses.get_untracked();
        let arts: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
        let anas: Vec<&Analysis> = analyses.iter().map(|a| a.0.as_ref()).collect();
        let k = ws.current.get_untracked();
        let stem = if arts.len() == 1 { arts[0].id.clone() } else { "corpus".to_string() };
        let (name, mime, content) = match kind {
            Kind::Csv => (format!("{stem}-statements.csv"), "text/csv;charset=utf-8", export::statements_csv(&export::statement_rows(&arts, &anas))),
            Kind::Json => (format!("{stem}-statements.json"), "application/json", export::statements_json(&export::statement_rows(&arts, &anas))),
            Kind::TimelineJs => (format!("{stem}-timelinejs.json"), "application/json", export::timelinejs::timelinejs(&arts, &anas, LaneMode::Country)),
            Kind::Annotations => {
                let user = ws.user_themes.get_untracked();
                let json = export::annotations::web_annotations(arts[k], anas[k], &user);
                (format!("{}-annotations.jsonld", arts[k].id), "application/ld+json", serde_json::to_string_pretty(&json).unwrap_or_default())
            }
            Kind::Html => {
                let ids: Vec<String> = anas[k].themes.iter().map(|t| t.id.clone()).collect();
                let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                let active = crate::analysis::themes::parse_selection(ws.themes_param.get_untracked().as_deref(), &refs);
                (format!("{}-annotated.html", arts[k].id), "text/html;charset=utf-8", export::html::annotated_html(arts[k], anas[k], &active))
            }
        };
        error.set(download(&name, mime, &content).err());
    };
    view! {
        <div class="exports" role="group" aria-label="Download">
            <span>"Download: "</span>
            <button class="chip" on:click=move |_| run(Kind::Csv) title="Statements as CSV (RFC 4180)">"CSV"</button>
            <button class="chip" on:click=move |_| run(Kind::Json) title="Statements as JSON">"JSON"</button>
            <button class="chip" on:click=move |_| run(Kind::TimelineJs) title="The timeline for TimelineJS3">"TimelineJS"</button>
            <button class="chip" on:click=move |_| run(Kind::Annotations) title="Theme highlights and statements as W3C Web Annotations">"Annotations"</button>
            <button class="chip" on:click=move |_| run(Kind::Html) title="The annotated article as a self-contained HTML page">"HTML"</button>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{format!("The download failed: {e}")}</p> })}
        </div>
    }
}
