//! The reader's article text: puts an analysis's paragraphs into the article body as HTML the
//! core made ([`export::html::reader_paragraph`]), and keeps long articles responsive by giving
//! marks only to what is near the viewport.
//!
//! The first ~60 KB of text get their marks at once (every article people read day to day,
//! the seed included, is shorter). A longer text is grouped in chunks of 16 paragraphs
//! (`<div class="chunk">`), and the chunks past the first ~60 KB start as plain text, so the
//! page has its full height and find-in-page and selection work; such a chunk gets its marks
//! when it comes within 1,500 px of the viewport (one IntersectionObserver target per chunk,
//! not per paragraph: with 12,000 paragraphs per-paragraph targets cost ~85 ms a frame), and a
//! paragraph gets them at once when something needs them first: hit navigation, a selected
//! statement, a search result, the density strip, printing. Chunks also get
//! `content-visibility: auto` (style/reader.css), so the browser styles and lays out only what
//! is near the screen when a theme is toggled or the page scrolls.
//!
//! A long text is also written in parts: the chunks marked at once in the first task, the rest
//! ~256 KB a task after it, so a 5 MB article's first screen paints without waiting for the
//! browser to parse all of it, and no task parses more than a part. Whatever needs a paragraph
//! not yet written (`ensure`) writes up to it first.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::Analysis;
use crate::article::Article;
use crate::export::{escape_html, html::reader_paragraph};
use crate::locale::Language;

/// Text given its marks at once; the rest waits until it nears the viewport.
const EAGER_BYTES: usize = 60_000;
/// Paragraphs per lazily marked chunk.
const CHUNK: usize = 16;
/// How far beyond the viewport, in CSS pixels, a chunk gets its marks (and a marked one is
/// marked anew by a later analysis).
const NEAR_PX: f64 = 1500.0;
/// Text written per task after the first part.
const PART_BYTES: usize = 256_000;

struct State {
    article: Arc<Article>,
    analysis: Option<Arc<Analysis>>,
    /// The interface language its statement sentences' titles are in.
    lang: Language,
    /// Paragraphs still shown as plain text.
    pending: Vec<bool>,
    /// The element the paragraphs are put into, by the last full fill.
    filled: Option<web_sys::Element>,
    /// Paragraphs written into it so far (the rest follow, a part a task).
    written: usize,
    /// Counts full fills, so the parts of an older one stop.
    generation: u64,
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
            lang: Language::default(),
            pending: Vec::new(),
            filled: None,
            written: 0,
            generation: 0,
            observer: None,
            _callback: None,
        }))
    }

    /// Puts `analysis`'s paragraphs into the body, `<p id="p1">`, `<p id="p2">`…; true when the
    /// text is long (in chunks, some waiting for their marks), which the reader marks with the
    /// body's `long` class.
    ///
    /// The first fill writes the text (a long one in parts). A later one into the same body
    /// (the analysis after the text alone, another analysis, a correction, another language)
    /// rewrites only the paragraphs that show marks, and leaves the plain text waiting for its
    /// marks as it is: a 5 MB article is not parsed again, and nothing the reader is looking at
    /// moves. Marked chunks far from the viewport go back to plain text, to be marked again
    /// when they near it, so that a text marked all through (printed, or read to its end) is
    /// not marked again all at once.
    pub fn fill(self, body: &web_sys::Element, analysis: Arc<Analysis>, lang: Language) -> bool {
        let (mut long, mut full) = (false, false);
        self.0.update_value(|s| {
            s.lang = lang;
            long = s.article.paragraphs.iter().map(String::len).sum::<usize>() > EAGER_BYTES;
            s.analysis = Some(analysis);
            if s.filled.as_ref().is_some_and(|el| el.is_same_node(Some(body))) {
                return Self::refill(s, body, long);
            }
            if let Some(old) = s.observer.take() {
                old.disconnect();
            }
            full = true;
            s.pending = Self::plan(&s.article, long);
            s.filled = Some(body.clone());
            s.generation += 1;
            // Short: all of it; long: the chunks marked at once.
            let first = if long {
                s.pending.iter().position(|&p| p).unwrap_or(s.pending.len())
            } else {
                s.pending.len()
            };
            body.set_inner_html(&Self::html(s, 0..first, long));
            s.written = first;
            if s.pending.iter().any(|&p| p) {
                self.observe(s, body);
            }
        });
        if full {
            self.write_later();
        }
        long
    }

    /// [`ArticleBody::fill`] into the body already written: each marked paragraph of a short
    /// text, of the chunks marked at once and of chunks near the viewport marked anew; other
    /// marked chunks written plain again and observed.
    fn refill(s: &mut State, body: &web_sys::Element, long: bool) {
        // The paragraphs of `range` that show marks, marked anew.
        let remark = |s: &State, range: std::ops::Range<usize>| {
            for p in range.filter(|&p| !s.pending[p]) {
                Self::mark(s, p);
            }
        };
        if !long {
            return remark(s, 0..s.written);
        }
        // The chunks written plain at first (the others are marked at once, near or far).
        let lazy = Self::plan(&s.article, long);
        let view = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
        let children = body.children();
        for chunk in 0..s.written.div_ceil(CHUNK) {
            let range = chunk * CHUNK..((chunk + 1) * CHUNK).min(s.written);
            if range.clone().all(|p| s.pending[p]) {
                continue;
            }
            let Some(el) = children.item(chunk as u32) else { continue };
            let rect = el.get_bounding_client_rect();
            let near = rect.bottom() > -NEAR_PX && rect.top() < view + NEAR_PX;
            if lazy[range.start] && !near && s.observer.is_some() {
                range.clone().for_each(|p| s.pending[p] = true);
                el.set_outer_html(&Self::html(s, range, true));
                if let (Some(observer), Some(new)) = (&s.observer, children.item(chunk as u32)) {
                    observer.observe(&new);
                }
            } else {
                remark(s, range);
            }
        }
    }

    /// Which paragraphs start as plain text: a long text's chunks after the first
    /// [`EAGER_BYTES`] (decided per chunk, so a chunk is either all marked or all waiting).
    fn plan(article: &Article, long: bool) -> Vec<bool> {
        let mut eager = EAGER_BYTES;
        let mut now = true;
        let mut pending = Vec::with_capacity(article.paragraphs.len());
        for (p, text) in article.paragraphs.iter().enumerate() {
            if long && p % CHUNK == 0 {
                now = eager > 0;
            }
            eager = eager.saturating_sub(text.len());
            pending.push(!now);
        }
        pending
    }

    /// The HTML of paragraphs `range` (whole chunks of a long text): each marked now or plain
    /// as `s.pending` says, a long text's in `<div class="chunk">`s. Lazy chunks are observed
    /// once written.
    fn html(s: &State, range: std::ops::Range<usize>, long: bool) -> String {
        let n = s.article.paragraphs.len();
        let mut html = String::new();
        for p in range {
            let text = &s.article.paragraphs[p];
            if long && p % CHUNK == 0 {
                let lazy = if s.pending[p] { " lazy" } else { "" };
                html.push_str(&format!("<div class=\"chunk{lazy}\" data-first=\"{p}\">"));
            }
            // The first paragraph's paint is what `scripts/bench` times as "text on screen".
            let timing = if p == 0 { " elementtiming=\"article-text\"" } else { "" };
            html.push_str(&format!("<p id=\"p{}\" tabindex=\"-1\"{timing}>", p + 1));
            match &s.analysis {
                Some(a) if !s.pending[p] => html.push_str(&reader_paragraph(text, a, p, s.lang)),
                _ => html.push_str(&escape_html(text)),
            }
            html.push_str("</p>");
            if long && (p % CHUNK == CHUNK - 1 || p + 1 == n) {
                html.push_str("</div>");
            }
        }
        html
    }

    /// Writes the next part of the text in a later task, and so on until all is written.
    fn write_later(self) {
        let Some(generation) = self.0.try_with_value(|s| s.generation) else { return };
        set_timeout(
            move || {
                let more = self.0.try_update_value(|s| {
                    if s.generation != generation || s.written >= s.article.paragraphs.len() {
                        return false;
                    }
                    Self::write_part(s, s.written + 1);
                    s.written < s.article.paragraphs.len()
                });
                if more == Some(true) {
                    self.write_later();
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Appends whole chunks, at least [`PART_BYTES`] of text and at least up to paragraph
    /// `upto - 1`, and observes the lazy ones among them.
    fn write_part(s: &mut State, upto: usize) {
        let n = s.article.paragraphs.len();
        let (start, mut end, mut bytes) = (s.written, s.written, 0);
        while end < n && (end < upto || bytes < PART_BYTES) {
            let chunk_end = (end + CHUNK).min(n);
            bytes += s.article.paragraphs[end..chunk_end].iter().map(String::len).sum::<usize>();
            end = chunk_end;
        }
        let Some(body) = s.filled.clone() else { return };
        let _ = body.insert_adjacent_html("beforeend", &Self::html(s, start..end, true));
        s.written = end;
        // The chunks just written are the body's last children.
        let (Some(observer), children) = (&s.observer, body.children()) else { return };
        let added = (end - start).div_ceil(CHUNK) as u32;
        for i in children.length().saturating_sub(added)..children.length() {
            if let Some(chunk) = children.item(i).filter(|c| c.class_list().contains("lazy")) {
                observer.observe(&chunk);
            }
        }
    }

    fn observe(self, s: &mut State, body: &web_sys::Element) {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            for entry in entries.iter() {
                let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                if !entry.is_intersecting() {
                    continue;
                }
                let target = entry.target();
                let first =
                    target.get_attribute("data-first").and_then(|n| n.parse::<usize>().ok());
                if let Some(first) = first {
                    (first..first + CHUNK).for_each(|p| self.ensure(p));
                    if let Some(observer) = self.0.with_value(|s| s.observer.clone()) {
                        observer.unobserve(&target);
                    }
                }
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(&format!("{NEAR_PX}px 0px"));
        let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) else {
            // No observer: give every paragraph its marks now rather than none.
            for p in 0..s.pending.len() {
                if s.pending[p] {
                    // Written plain, or marked once written.
                    Self::mark(s, p);
                    s.pending[p] = false;
                }
            }
            return;
        };
        if let Ok(chunks) = body.query_selector_all(".chunk.lazy") {
            for i in 0..chunks.length() {
                if let Some(el) = chunks.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    observer.observe(&el);
                }
            }
        }
        s.observer = Some(observer);
        s._callback = Some(callback);
    }

    /// Gives paragraph `p` its marks if it is still plain text, writing the text up to it
    /// first if it is not written yet.
    pub fn ensure(self, p: usize) {
        self.0.update_value(|s| {
            if p >= s.written && p < s.article.paragraphs.len() {
                Self::write_part(s, p + 1);
            }
            if !s.pending.get(p).copied().unwrap_or(false) {
                return;
            }
            if Self::mark(s, p) {
                s.pending[p] = false;
            }
        });
    }

    /// Writes paragraph `p`'s marks of the current analysis into its element; false when
    /// either is not there.
    fn mark(s: &State, p: usize) -> bool {
        let (Some(analysis), Some(el)) = (&s.analysis, paragraph_element(p)) else { return false };
        el.set_inner_html(&reader_paragraph(&s.article.paragraphs[p], analysis, p, s.lang));
        true
    }

    /// Writes all of the text and gives every paragraph its marks (before printing).
    pub fn ensure_all(self) {
        let n = self.0.with_value(|s| s.pending.len());
        self.0.update_value(|s| Self::write_part(s, n));
        (0..n).for_each(|p| self.ensure(p));
    }
}
