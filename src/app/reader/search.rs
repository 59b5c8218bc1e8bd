//! Find a word or phrase: keyword-in-context results from `analysis::search`; selecting one
//! selects it in the text. In a corpus the search runs over every article (the query is the
//! workspace's, so it stays when the reader changes article): hits are grouped under their
//! article, and a hit in another article opens it and selects the words there.

use leptos::prelude::*;

use super::super::article_body::ArticleBody;
use super::super::dom_text;
use super::super::i18n::{count, fill, lang, t};
use super::super::state::{Ws, SEARCH_LIMIT};
use crate::analysis::search::CorpusHit;
use crate::analysis::Span;

/// Find a word or phrase: keyword-in-context results; selecting one selects it in the text.
#[component]
pub(super) fn Search(ws: Ws, k: usize, text: ArticleBody) -> impl IntoView {
    let query = ws.find;
    let many = ws.articles.with_value(Vec::len) > 1;
    // The workspace has the worker search for its find box's words (`Ws::new`).
    let results = ws.analyst.hits;
    // A hit chosen in another article: select it once this article's text is in.
    Effect::new(move |_| {
        let Some((a, span)) = ws.pending_find.get() else { return };
        if a != k {
            return;
        }
        ws.pending_find.set(None);
        request_animation_frame(move || select_hit(ws, k, text, span));
    });
    let summary = move || {
        let q = query.get();
        let n = results.with(Vec::len);
        let articles = results.with(|r| {
            let mut a: Vec<usize> = r.iter().map(|h| h.article).collect();
            a.dedup();
            a.len()
        });
        match n {
            _ if q.trim().is_empty() => String::new(),
            0 => fill("search.none", &[("query", &q.trim())]),
            SEARCH_LIMIT => count("search.limit", SEARCH_LIMIT, &[]),
            n if many => {
                let in_articles = count("search.in_articles", articles, &[]);
                format!("{} {in_articles}", count("search.matches", n, &[]))
            }
            n => count("search.matches", n, &[]),
        }
    };
    let list = move || {
        let mut last = None;
        results
            .get()
            .into_iter()
            .map(|hit: CorpusHit| {
                // A heading before the first hit of each article, in a corpus.
                let heading = (many && last != Some(hit.article)).then(|| {
                    let article = ws.articles.with_value(|a| a[hit.article].clone());
                    let date = article.date.map(|d| d.short_in(lang())).unwrap_or_default();
                    let headline = article.headline_in(lang()).text().to_string();
                    view! { <li class="kwic-article" aria-current=(hit.article == k).then_some("true")>{date}" \u{b7} "{headline}</li> }
                });
                last = Some(hit.article);
                let (article, span) = (hit.article, hit.hit.span);
                view! {
                    {heading}
                    <li>
                        <button class="kwic" on:click=move |_| {
                            if article == k {
                                select_hit(ws, k, text, span);
                            } else {
                                ws.pending_find.set(Some((article, span)));
                                ws.current.set(article);
                                ws.select(None);
                            }
                        }>
                            <span class="before">{hit.hit.before}</span>
                            <b class="match">{hit.hit.matched}</b>
                            <span class="after">{hit.hit.after}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let title = if many { t("search.title_corpus") } else { t("search.title") };
    view! {
        <section class="search" aria-labelledby="search-title">
            <h2 id="search-title">{title}</h2>
            <input
                type="search"
                placeholder=t("search.placeholder")
                aria-label=title
                on:input=move |ev| query.set(event_target_value(&ev))
                prop:value=move || query.get()
            />
            <p class="search-summary" aria-live="polite">{summary}</p>
            <ol class="kwic-list">{list}</ol>
        </section>
    }
}

/// Selects a hit of article `k` (shown) in its text.
fn select_hit(ws: Ws, k: usize, text: ArticleBody, span: Span) {
    let base = ws.pages.with_untracked(|d| {
        d.get(k).and_then(|page| page.paragraphs.get(span.paragraph)).map_or(0, |r| r.start)
    });
    text.ensure(span.paragraph);
    select_in_text(span.paragraph, span.start_byte - base, span.end_byte - base);
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
