//! The workspace's layout: the reader and the timeline side by side on wide screens and
//! stacked on a phone, the list of a corpus's articles, the analysis status, the embed bar and
//! the printed statement table. Its state is [`Ws`] (`state.rs`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::analysis_status::AnalysisStatus;
use super::embed::HostCommand;
use super::i18n::{fill, lang, t, tr};
use super::reader::Reader;
use super::state::Ws;
use super::timeline::TimelinePanel;
use super::url;
use crate::analysis::{Analysis, Category};
use crate::article::Article;
use crate::export::statements::StatementRow;

/// Corpora of up to this many articles show their list of articles open.
const SWITCHER_OPEN_UP_TO: usize = 8;

/// Points the "Open in full explorer" link at the view as it is now.
fn refresh_href(ev: &web_sys::Event) {
    if let Some(a) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        let _ = a.set_attribute("href", &super::embed::full_explorer_url());
    }
}

/// The loaded articles side by side with their timeline. `statements`, for a statements file,
/// holds each article's rows: the analyses are rebuilt from them rather than made.
#[component]
pub fn Workspace(
    articles: Vec<Article>,
    statements: Option<Vec<Vec<StatementRow>>>,
) -> impl IntoView {
    let ws = Ws::new(articles, statements);

    // Commands from a host page (embed mode).
    let commands = super::embed::host_commands();
    Effect::new(move |_| match commands.get() {
        Some(HostCommand::SelectStatement(n)) => {
            if let Some(key) = ws.statement_keys().get(n - 1) {
                ws.select(Some(*key));
            }
        }
        Some(HostCommand::SetThemes(ids)) => {
            ws.set_themes_param(Some(ids.join(",")), true);
        }
        _ => {}
    });
    let switcher = move || {
        let count = ws.articles.with_value(Vec::len);
        (count > 1).then(|| {
            let rows = (0..count)
                .map(|i| {
                    let article = ws.articles.with_value(|a| a[i].clone());
                    let source = article.source.clone().unwrap_or_default();
                    let date = article.date;
                    let headline = move || article.headline_in(lang()).text().to_string();
                    let date = move || date.map(|d| d.short_in(lang())).unwrap_or_default();
                    let statements = move || ws.analyses.with(|v| v[i].0.statements.len());
                    view! {
                        <li>
                            <button
                                class="article-choice"
                                aria-current=move || (ws.current.get() == i).then_some("true")
                                on:click=move |_| {
                                    // Another article: the selection (and its link) was of this one.
                                    ws.current.set(i);
                                    ws.select(None);
                                }
                            >
                                <span class="date">{date}</span>
                                <span class="source">{source}</span>
                                <span class="headline">{headline}</span>
                                <span class="count">{move || super::i18n::count("workspace.statements", statements(), &[])}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                // A long list starts folded, so the reader's text is on the first screen.
                <details class="switcher" open=count <= SWITCHER_OPEN_UP_TO>
                    <summary>{move || super::i18n::count("workspace.articles", count, &[])}</summary>
                    <ol>{rows}</ol>
                </details>
            }
        })
    };
    let embed_bar = super::embed::is_embed().then(|| {
        view! {
            <p class="embed-bar">
                // The link is made when it is used, so it carries what changed inside the embed.
                <a href=super::embed::full_explorer_url() target="_blank" rel="noopener"
                    on:click=move |ev| refresh_href(&ev) on:auxclick=move |ev| refresh_href(&ev) on:contextmenu=move |ev| refresh_href(&ev) on:focus=move |ev| refresh_href(&ev) on:mouseenter=move |ev| refresh_href(&ev)
                >{t("workspace.open_full")}</a>
            </p>
        }
    });
    let reader = move || {
        let k = ws.current.get();
        let article = ws.articles.with_value(|a| a.get(k).cloned());
        let page = ws.pages.with(|d| d.get(k).cloned());
        match (article, page) {
            (Some(article), Some(page)) => view! { <Reader ws k article page /> }.into_any(),
            _ => ().into_any(),
        }
    };
    // The statement table printed under the article, built only when the page is printed.
    let printing = RwSignal::new(false);
    let before = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let print_table = move || {
        printing.get().then(|| {
            let rows = ws.articles.with_value(|arts| {
                ws.analyses.with(|v| {
                    let arts: Vec<&Article> = arts.iter().map(|a| a.as_ref()).collect();
                    let anas: Vec<&Analysis> = v.iter().map(|a| a.0.as_ref()).collect();
                    crate::export::statement_rows(&arts, &anas)
                })
            });
            view! {
                <table class="print-statements">
                    <caption>{t("table.caption_print")}</caption>
                    <thead><tr><th>"#"</th><th>{t("table.speaker")}</th><th>{t("table.cue")}</th><th>{t("table.category")}</th><th>{t("table.target")}</th><th>{t("table.date")}</th><th>{t("table.sentence")}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! {
                            <tr>
                                <td>{r.number}</td>
                                <td>{r.speaker}</td>
                                <td>{if r.corrected { fill("table.corrected_cue", &[("cue", &r.cue)]) } else { r.cue.clone() }}</td>
                                <td>{Category::from_key(&r.category).map_or("", |c| tr(c.label_key()))}</td>
                                <td>{r.target}</td>
                                <td>{r.date}</td>
                                <td>{r.sentence}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })
    };
    view! {
        {embed_bar}
        <AnalysisStatus ws />
        // Busy while the worker analyses: assistive technology waits, and so do the specs.
        <div aria-busy=move || ws.busy().then_some("true") class=format!("workspace{}", match url::get("show").as_deref() {
            Some("timeline") => " show-timeline",
            Some("reader") => " show-reader",
            _ => "",
        })>
            <div class="workspace-reader">
                {switcher}
                {reader}
            </div>
            <TimelinePanel ws />
        </div>
        {print_table}
    }
}
