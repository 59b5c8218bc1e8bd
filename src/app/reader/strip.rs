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
    let view_columns = move || {
        let active = ctx.active.get();
        let lang = lang();
        columns.with(|columns| {
            ctx.analysis.with(|a| {
                let themes = &a.0.themes;
                let rows: Vec<usize> = (0..themes.len()).filter(|&t| active.get(t).copied().unwrap_or(false)).collect();
                let row_h = 40.0 / rows.len().max(1) as f64;
                let max = columns.iter().flat_map(|c| rows.iter().map(|&t| c.counts[t])).max().unwrap_or(0).max(1);
                let total = columns.iter().map(|c| c.chars).sum::<usize>().max(1) as f64;
                let mut x = 0.0;
                columns
                    .iter()
                    .map(|c| {
                        let w = c.chars as f64 / total * 1000.0;
                        let x0 = x;
                        x += w;
                        let label = highlight::column_label(lang, c, themes, &rows);
                        let bars = rows
                            .iter()
                            .enumerate()
                            .filter(|(_, &t)| c.counts[t] > 0)
                            .map(|(r, &t)| {
                                let opacity = 0.25 + 0.75 * f64::from(c.counts[t]) / f64::from(max);
                                view! { <rect x=x0 + 1.0 y=r as f64 * row_h width=(w - 2.0).max(1.0) height=row_h fill=themes[t].colour.clone() fill-opacity=opacity></rect> }
                            })
                            .collect_view();
                        let first = c.first;
                        let title = label.clone();
                        view! {
                            <g class="col" role="button" tabindex="0" aria-label=label
                                on:click=move |_| jump_to_paragraph(ctx.text, first)
                                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); jump_to_paragraph(ctx.text, first) }>
                                <title>{title}</title>
                                <rect class="cell" x=x0 y="0" width=w height="40"></rect>
                                {bars}
                            </g>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <figure class="density">
            <svg viewBox="0 0 1000 40" preserveAspectRatio="none" role="group" aria-label=t("strip.label")>
                {view_columns}
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
