//! The download buttons: each export is computed by `crate::export` from the current analyses
//! and handed to the browser as a file (a Blob behind a temporary link). And the import of an
//! annotation file, which restores the user's themes and the article's corrections.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::i18n::{fill, lang, t, tr};
use super::state::Ws;
use crate::analysis::timeline::LaneMode;
use crate::analysis::Analysis;
use crate::article::Article;
use crate::export;

/// Offers `content` as a file named `name`.
pub(super) fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| tr("export.no_blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| tr("export.no_url"))?;
    let a: web_sys::HtmlAnchorElement =
        document().create_element("a").map_err(|_| tr("export.no_document"))?.unchecked_into();
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
    // Nothing to export before the first analysis arrives.
    let pending = move || !ws.analyst.analysed();
    let run = move |kind: Kind| {
        let articles: Vec<std::sync::Arc<Article>> = ws.articles.get_value();
        let analyses = ws.analyses.get_untracked();
        let arts: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
        let anas: Vec<&Analysis> = analyses.iter().map(|a| a.0.as_ref()).collect();
        let k = ws.current.get_untracked();
        let stem = if arts.len() == 1 { arts[0].id.clone() } else { "corpus".to_string() };
        let (name, mime, content) = match kind {
            Kind::Csv => (
                format!("{stem}-statements.csv"),
                "text/csv;charset=utf-8",
                export::statements_csv(&export::statement_rows(&arts, &anas)),
            ),
            Kind::Json => (
                format!("{stem}-statements.json"),
                "application/json",
                export::statements_json(&export::statement_rows(&arts, &anas)),
            ),
            Kind::TimelineJs => (
                format!("{stem}-timelinejs.json"),
                "application/json",
                export::timelinejs::timelinejs(&arts, &anas, LaneMode::Country, lang()),
            ),
            Kind::Annotations => {
                let user = ws.user_themes.get_untracked();
                let log = ws.corrections.with_untracked(|all| all[k].clone());
                let json = export::annotations::web_annotations(arts[k], anas[k], &user, &log);
                (
                    format!("{}-annotations.jsonld", arts[k].id),
                    "application/ld+json",
                    serde_json::to_string_pretty(&json).unwrap_or_default(),
                )
            }
            Kind::Html => {
                let ids: Vec<String> = anas[k].themes.iter().map(|t| t.id.clone()).collect();
                let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                let active = crate::analysis::themes::parse_selection(
                    ws.themes_param.get_untracked().as_deref(),
                    &refs,
                );
                (
                    format!("{}-annotated.html", arts[k].id),
                    "text/html;charset=utf-8",
                    export::html::annotated_html(arts[k], anas[k], &active, lang()),
                )
            }
        };
        error.set(
            download(&name, mime, &content).err().map(|e| fill("export.failed", &[("error", &e)])),
        );
    };
    let import = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => {
                    error.set(Some(tr("export.unreadable").into()));
                    return;
                }
            };
            let k = ws.current.get_untracked();
            let article = ws.articles.with_value(|a| a[k].clone());
            match export::annotations::import(&text, &article, lang()) {
                Err(e) => error.set(Some(e)),
                Ok(imported) => {
                    error.set(None);
                    // Themes first (they change the analysis), then the corrections.
                    let mut themes = ws.user_themes.get_untracked();
                    let mut added = 0;
                    for t in imported.user_themes.clone() {
                        if !themes.iter().any(|x| x.id == t.id) {
                            themes.push(t);
                            added += 1;
                        }
                    }
                    if added > 0 {
                        let _ = super::storage::save_user_themes(&themes);
                        ws.user_themes.set(themes);
                    }
                    let summary = imported.summary(lang(), &file.name(), added);
                    if !imported.other_article {
                        ws.set_corrections(imported.corrections);
                    }
                    ws.notice.set(Some(summary));
                }
            }
        });
    };
    view! {
        <div class="exports" role="group" aria-label=t("export.download")>
            <span>{t("export.download_label")}</span>
            <button class="chip" disabled=pending on:click=move |_| run(Kind::Csv) title=t("export.csv_title")>"CSV"</button>
            <button class="chip" disabled=pending on:click=move |_| run(Kind::Json) title=t("export.json_title")>"JSON"</button>
            <button class="chip" disabled=pending on:click=move |_| run(Kind::TimelineJs) title=t("export.timelinejs_title")>"TimelineJS"</button>
            <button class="chip" disabled=pending on:click=move |_| run(Kind::Annotations) title=t("export.annotations_title")>{t("export.annotations")}</button>
            <button class="chip" disabled=pending on:click=move |_| run(Kind::Html) title=t("export.html_title")>"HTML"</button>
            <details class="embed-snippet">
                <summary class="chip">{t("export.embed")}</summary>
                <p class="hint">{t("export.embed_hint")}</p>
                <textarea readonly rows="9" aria-label=t("export.embed_snippet") prop:value=move || { ws.selected.track(); ws.themes_param.track(); super::embed::snippet() }></textarea>
            </details>
            <label class="chip import">{t("export.import")}
                <input type="file" accept=".jsonld,.json,application/ld+json,application/json" class="sr-only" on:change=import />
            </label>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        </div>
    }
}
