//! The reader's article text: puts an analysis's paragraphs into the article body as HTML the
//! core made ([`export::html::reader_paragraph`]), and keeps long articles responsive by giving
//! marks only to what is near the viewport.
//!
//! The first ~60 KB of text get their marks at once (every article people read day to day,
//! the seed included, is shorter). Past that a paragraph starts as plain text, so the page has
//! its full height, find-in-page and selection work, and it gets its marks when it comes
//! within 1,500 px of the viewport (an IntersectionObserver), or when something needs its
//! marks first: hit navigation, a selected statement, a search result, the density strip,
//! printing. Long bodies also get `content-visibility: auto` per paragraph (style/reader.css),
//! so the browser styles and lays out only what is on screen when a theme is toggled or the
//! page scrolls.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::Analysis;
use crate::article::Article;
use crate::export::{escape_html, html::reader_paragraph};

/// Text given its marks at once; the rest waits until it nears the viewport.
const EAGER_BYTES: usize = 60_000;
/// How far beyond the viewport a paragraph gets its marks.
const MARGIN: &str = "1500px 0px";

struct State {
    article: Arc<Article>,
    analysis: Option<Arc<Analysis>>,
    /// Paragraphs still shown as plain text.
    pending: Vec<bool>,
    observer: Option<web_sys::IntersectionObserver>,
    /// Keeps the observer's callback alive as long as the observer.
    _callback: Option<Closure<dyn FnMut(js_sys::Array)>>,
}

/// A handle on one reader's article body (Copy, for closures and effects).
#[derive(Clone, Copy)]
pub struct ArticleBody(StoredValue<State, LocalStorage>);

fn paragraph_element(p: usize) -> Option<web_sys::Element> {
    document().get_element_by_id(&format!("p{}", p + 1))
}

impl ArticleBody {
    pub fn new(article: Arc<Article>) -> ArticleBody {
        ArticleBody(StoredValue::new_local(State {
            article,
            analysis: None,
            pending: Vec::new(),
            observer: None,
            _callback: None,
        }))
    }

    /// Replaces the body's content with `analysis`'s paragraphs, `<p id="p1">`, `<p id="p2">`…
    pub fn fill(self, body: &web_sys::Element, analysis: Arc<Analysis>) {
        self.0.update_value(|s| {
            if let Some(old) = s.observer.take() {
                old.disconnect();
            }
            let mut html = String::new();
            let mut eager = EAGER_BYTES;
            s.pending.clear();
            for (p, text) in s.article.paragraphs.iter().enumerate() {
                let now = eager > 0;
                eager = eager.saturating_sub(text.len());
                html.push_str(&format!("<p id=\"p{}\" tabindex=\"-1\">", p + 1));
                html.push_str(&if now {
                    reader_paragraph(text, &analysis, p)
                } else {
                    escape_html(text)
                });
                html.push_str("</p>");
                s.pending.push(!now);
            }
            body.set_inner_html(&html);
            let long = s.pending.iter().any(|&p| p);
            let _ = body.class_list().toggle_with_force("long", long);
            s.analysis = Some(analysis);
            if long {
                self.observe(s, body);
            }
        });
    }

    fn observe(self, s: &mut State, body: &web_sys::Element) {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            for entry in entries.iter() {
                let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                if !entry.is_intersecting() {
                    continue;
                }
                let id = entry.target().id();
                if let Some(p) = id.strip_prefix('p').and_then(|n| n.parse::<usize>().ok()) {
                    self.ensure(p.saturating_sub(1));
                }
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(MARGIN);
        let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) else {
            // No observer: give every paragraph its marks now rather than none.
            s.pending.iter_mut().for_each(|p| *p = false);
            return;
        };
        let children = body.children();
        for (p, &pending) in s.pending.iter().enumerate() {
            if let (true, Some(el)) = (pending, children.item(p as u32)) {
                observer.observe(&el);
            }
        }
        s.observer = Some(observer);
        s._callback = Some(callback);
    }

    /// Gives paragraph `p` its marks if it is still plain text.
    pub fn ensure(self, p: usize) {
        self.0.update_value(|s| {
            if !s.pending.get(p).copied().unwrap_or(false) {
                return;
            }
            let (Some(analysis), Some(el)) = (&s.analysis, paragraph_element(p)) else { return };
            el.set_inner_html(&reader_paragraph(&s.article.paragraphs[p], analysis, p));
            s.pending[p] = false;
            if let Some(observer) = &s.observer {
                observer.unobserve(&el);
            }
        });
    }

    /// Gives every paragraph its marks (before printing).
    pub fn ensure_all(self) {
        let n = self.0.with_value(|s| s.pending.len());
        (0..n).for_each(|p| self.ensure(p));
    }
}
