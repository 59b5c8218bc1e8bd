//! Find a word or phrase: keyword-in-context results from `analysis::search`; selecting one
//! selects it in the text.

use std::sync::Arc;

use leptos::prelude::*;

use super::super::article_body::ArticleBody;
use super::super::dom_text;
use super::super::i18n::{count, fill, t};
use crate::analysis::search::{search, SearchHit};
use crate::analysis::text::Document;

/// Matches the search lists at most.
const SEARCH_LIMIT: usize = 200;

/// Find a word or phrase: keyword-in-context results; selecting one selects it in the text.
#[component]
pub(super) fn Search(doc: Arc<Document>, text: ArticleBody) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let results = {
        let doc = doc.clone();
        Memo::new(move |_| {
            let q = query.get();
            if q.trim().is_empty() {
                Vec::new()
            } else {
                search(&doc, &q, 48, SEARCH_LIMIT)
            }
        })
    };
    let summary = move || {
        let q = query.get();
        match results.with(Vec::len) {
            _ if q.trim().is_empty() => String::new(),
            0 => fill("search.none", &[("query", &q.trim())]),
            SEARCH_LIMIT => count("search.limit", SEARCH_LIMIT, &[]),
            n => count("search.matches", n, &[]),
        }
    };
    let list = move || {
        let doc = doc.clone();
        results
            .get()
            .into_iter()
            .map(|hit: SearchHit| {
                let span = hit.span;
                let base = doc.paragraphs.get(span.paragraph).map_or(0, |r| r.start);
                view! {
                    <li>
                        <button class="kwic" on:click=move |_| {
                            text.ensure(span.paragraph);
                            select_in_text(span.paragraph, span.start_byte - base, span.end_byte - base)
                        }>
                            <span class="before">{hit.before}</span>
                            <b class="match">{hit.matched}</b>
                            <span class="after">{hit.after}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="search" aria-labelledby="search-title">
            <h2 id="search-title">{t("search.title")}</h2>
            <input
                type="search"
                placeholder=t("search.placeholder")
                aria-label=t("search.title")
                on:input=move |ev| query.set(event_target_value(&ev))
                prop:value=move || query.get()
            />
            <p class="search-summary" aria-live="polite">{summary}</p>
            <ol class="kwic-list">{list}</ol>
        </section>
    }
}

/// Selects bytes `start..end` of paragraph `p`'s text where it is rendered, and scrolls there.
fn select_in_text(p: usize, start: usize, end: usize) {
    let Some(para) = document().get_element_by_id(&format!("p{}", p + 1)) else {
        return;
    };
    let text = para.text_content().unwrap_or_default();
    if end > text.len()
        || start > end
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return;
    }
    // DOM ranges count UTF-16 code units.
    let u16_start = text[..start].encode_utf16().count() as u32;
    let u16_end = text[..end].encode_utf16().count() as u32;
    let (Some((start_node, start_offset)), Some((end_node, end_offset))) =
        (dom_text::position(&para, u16_start), dom_text::position(&para, u16_end))
    else {
        return;
    };
    let Ok(range) = document().create_range() else {
        return;
    };
    let _ = range.set_start(&start_node, start_offset);
    let _ = range.set_end(&end_node, end_offset);
    if let Ok(Some(selection)) = window().get_selection() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
    if let Some(el) = start_node.parent_element() {
        super::super::scroll::reveal(&el, super::super::scroll::Place::Center);
    }
}
