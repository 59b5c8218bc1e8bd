//! The density strip: where the active themes occur, paragraph by paragraph; a column jumps
//! to its paragraph.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::article_body::ArticleBody;
use super::super::i18n::{lang, t};
use super::Ctx;
use crate::analysis::highlight;

/// Where each active theme occurs, paragraph by paragraph (grouped into at most
/// [`STRIP_COLUMNS`] columns on long articles); a column jumps to its first paragraph.
#[component]
pub(super) fn DensityStrip(ctx: Ctx) -> impl IntoView {
    let columns =
        Memo::new(move |_| ctx.analysis.with(|a| highlight::density(&a.0, STRIP_COLUMNS)));
    let strip = move || {
        let active = ctx.active.get();
        let lang = lang();
        columns.with(|columns| {
            ctx.analysis.with(|a| {
                let themes = &a.0.themes;
                let rows: Vec<usize> =
                    (0..themes.len()).filter(|&t| active.get(t).copied().unwrap_or(false)).collect();
                let strip = highlight::strip(lang, columns, themes, &rows);
                let cells = strip.columns.into_iter().map(|c| {
                    let (first, title) = (c.first, c.label.clone());
                    view! {
                        <g class="col" role="button" tabindex="0" aria-label=c.label
                            on:click=move |_| jump_to_paragraph(ctx.text, first)
                            on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); jump_to_paragraph(ctx.text, first) }>
                            <title>{title}</title>
                            <rect class="cell" x=c.x y="0" width=c.width height=highlight::STRIP_H></rect>
                        </g>
                    }
                });
                let bars = strip.bars.into_iter().map(|b| view! {
                    <path d=b.path fill=themes[b.theme].colour.clone() fill-opacity=b.opacity></path>
                });
                // The bars over the columns, letting their clicks through (style/reader.css).
                view! { {cells.collect_view()}<g class="bars">{bars.collect_view()}</g> }
            })
        })
    };
    view! {
        <figure class="density">
            <svg viewBox="0 0 1000 40" preserveAspectRatio="none" role="group" aria-label=t("strip.label")>
                {strip}
            </svg>
            <figcaption>{t("strip.caption")}</figcaption>
        </figure>
    }
}

/// Columns of the density strip at most; a long article's paragraphs are grouped.
const STRIP_COLUMNS: usize = 120;

fn jump_to_paragraph(text: ArticleBody, p: usize) {
    text.ensure(p);
    let Some(el) = document()
        .get_element_by_id(&format!("p{}", p + 1))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    super::super::scroll::reveal_and_focus(&el, super::super::scroll::Place::Start);
    super::flash(&el);
}
