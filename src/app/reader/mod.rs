//! The reader: the article with its theme highlights, the legend (toggle, "only"), hit
//! navigation, the density strip, the search box and the user's own themes.
//!
//! Highlighting: the article is rendered once per analysis as paragraphs of runs
//! ([`highlight::paragraph_runs`]); a run covered by hits is a `<mark class="hl th-0 th-3">`
//! (the markup comes from the core; `article_body` puts it in, lazily on long articles).
//! Which themes show is a class on the container (`on-0 on-3`), so toggling a theme changes
//! one attribute and never rebuilds the article's DOM; the colours and underline patterns come
//! from `style/reader.css` and the theme colours set as CSS variables (CSSOM, so a strict
//! Content-Security-Policy allows them). We chose marks over the CSS Custom Highlight API
//! because marks can be hovered, focused and announced to screen readers, which highlight
//! ranges cannot.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

mod legend;
mod search;
mod strip;

use legend::{KeyHelp, Legend};
use search::Search;
use strip::DensityStrip;

use super::article_body::ArticleBody;
use super::i18n::lang;
use super::i18n::{count, fill, t, tr};
use super::state::{Shared, Ws};
use super::user_themes::UserThemes;
use crate::analysis::highlight::{self, HitGroup};
use crate::analysis::language;
use crate::analysis::text::Page;
use crate::analysis::themes;
use crate::article::{Article, Headline};
use crate::locale::Language;

/// Everything the reader's parts share.
#[derive(Clone, Copy)]
pub(super) struct Ctx {
    pub(super) ws: Ws,
    pub(super) analysis: Memo<Shared>,
    pub(super) groups: Memo<Arc<Vec<HitGroup>>>,
    pub(super) active: Memo<Vec<bool>>,
    pub(super) current: RwSignal<Option<usize>>,
    pub(super) status: RwSignal<String>,
    /// The keyboard-shortcut help panel is open.
    pub(super) help: RwSignal<bool>,
    /// On a phone, the legend, search and themes are open (else only the bar that opens
    /// them and the hit navigation show, so the article starts on the first screen).
    pub(super) tools: RwSignal<bool>,
    /// The article text, which gives paragraphs their marks lazily on long articles.
    pub(super) text: ArticleBody,
    /// Bumped each time the text is (re)filled, so what points into it runs again.
    pub(super) filled: RwSignal<u32>,
    /// The text is long: its paragraphs get their marks lazily (`long` class, style/reader.css).
    pub(super) long: RwSignal<bool>,
}

impl Ctx {
    pub(super) fn theme_ids(&self) -> Vec<String> {
        self.analysis.with(|a| a.0.themes.iter().map(|t| t.id.clone()).collect())
    }

    /// Makes `active` the selection, as a new history entry.
    pub(super) fn select(&self, active: &[bool]) {
        let ids = self.theme_ids();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        self.ws.set_themes_param(themes::format_selection(active, &refs), true);
    }

    pub(super) fn step(&self, forward: bool) {
        let next = self.groups.with(|g| {
            highlight::step(g, &self.active.get_untracked(), self.current.get_untracked(), forward)
        });
        match next {
            Some(i) => self.current.set(Some(i)),
            None => self.status.set(tr("reader.no_hits").into()),
        }
    }
}

/// The reader for article `k` of the workspace.
#[component]
pub fn Reader(ws: Ws, k: usize, article: Arc<Article>, page: Arc<Page>) -> impl IntoView {
    let analysis = Memo::new(move |_| ws.analyses.with(|v| v[k].clone()));
    let groups = Memo::new(move |_| Arc::new(analysis.with(|a| highlight::hit_groups(&a.0))));
    let themes_param = ws.themes_param;
    let active = Memo::new(move |_| {
        let ids = analysis.with(|a| a.0.themes.iter().map(|t| t.id.clone()).collect::<Vec<_>>());
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        themes_param.with(|p| themes::parse_selection(p.as_deref(), &refs))
    });
    let ctx = Ctx {
        ws,
        analysis,
        groups,
        active,
        current: RwSignal::new(None),
        status: RwSignal::new(String::new()),
        help: RwSignal::new(false),
        tools: RwSignal::new(false),
        text: ArticleBody::new(article.clone()),
        filled: RwSignal::new(0),
        long: RwSignal::new(false),
    };
    let notice = ws.notice;
    // A new analysis has new hits: forget the current one.
    Effect::new(move |_| {
        analysis.track();
        ctx.current.set(None);
    });
    // A new selection of themes makes the last announcement ("No hits…") stale.
    Effect::new(move |_| {
        active.track();
        ctx.status.set(String::new());
    });

    let root = NodeRef::<leptos::html::Div>::new();
    // Theme colours as CSS variables (--c0, --c1…), read by style/reader.css.
    Effect::new(move |_| {
        let colours: Vec<String> =
            analysis.with(|a| a.0.themes.iter().map(|t| t.colour.clone()).collect());
        if let Some(el) = root.get() {
            let style = web_sys::HtmlElement::style(&el);
            for (i, c) in colours.iter().enumerate() {
                let _ = style.set_property(&format!("--c{i}"), c);
            }
        }
    });

    let body = NodeRef::<leptos::html::Div>::new();
    current_hit_effect(ctx, body);
    selected_statement_effect(ctx, k, body);
    keyboard_shortcuts(ctx);

    let headline = article.headline();
    let headline_article = article.clone();
    let headline_text = move || headline_article.headline_in(lang()).text().to_string();
    let derived = matches!(headline, Headline::Derived(_));
    let date = article
        .date
        .map(|d| view! { <time datetime=d.to_string()>{move || d.long_in(lang())}</time> });
    let source = article.source.clone().map(|s| view! { <span class="source">{s}</span> });
    let license = article.license.clone().map(|l| {
        view! { <span class="license" title=t("reader.license")>{l}</span> }
    });
    let original = article.url.clone().map(|href| {
        view! { <a class="original" href=href target="_blank" rel="noopener noreferrer">{t("reader.original")}</a> }
    });
    // The language the text is read in, for the browser (hyphenation, screen readers).
    let language = page.language.tag();
    // ` on-0 on-3…`: the classes that show the active themes' highlights (style/highlights.css).
    let on_classes = move || -> String {
        active
            .get()
            .iter()
            .enumerate()
            .filter(|(_, &a)| a)
            .map(|(i, _)| format!(" on-{i}"))
            .collect()
    };
    let body_class = move || {
        let long = if ctx.long.get() { " long" } else { "" };
        format!("article-body{}{long}", on_classes())
    };
    // The key to the highlights on paper (the legend is not printed): each active theme's name
    // in its own tint and underline.
    let print_key = move || {
        let on = active.get();
        analysis.with(|a| {
            a.0.themes
                .iter()
                .enumerate()
                .filter(|(i, _)| on.get(*i).copied().unwrap_or(false))
                .map(|(i, theme)| view! { <mark class=format!("hl a-{i}")>{theme.name_in(lang())}</mark> })
                .collect_view()
        })
    };
    Effect::new(move |_| {
        let a = analysis.get();
        let lang = lang();
        if let Some(el) = body.get() {
            ctx.long.set(ctx.text.fill(&el, a.0.clone(), lang));
            ctx.filled.update(|n| *n += 1);
        }
    });
    let print = window_event_listener(leptos::ev::beforeprint, move |_| ctx.text.ensure_all());
    on_cleanup(move || print.remove());

    view! {
        <div class="reader" node_ref=root>
            <aside class="reader-side" class:tools-closed=move || !ctx.tools.get() aria-label=t("reader.tools")>
                <button class="tools-toggle" aria-expanded=move || ctx.tools.get().to_string() aria-controls="legend-list" on:click=move |_| ctx.tools.update(|o| *o = !*o)>
                    {move || {
                        let (on, total) = (ctx.active.with(|a| a.iter().filter(|&&x| x).count()), ctx.active.with(Vec::len));
                        fill("reader.tools_toggle", &[("on", &on), ("total", &total)])
                    }}
                </button>
                {move || notice.get().map(|n| view! {
                    <p class="notice" role="status">{n}" "
                        <button class="link" on:click=move |_| notice.set(None)>{t("common.dismiss")}</button>
                    </p>
                })}
                <Legend ctx />
                <Search ws k text=ctx.text />
                <UserThemes ws doc_language=page.language />
            </aside>
            <div class="reader-main">
                <DensityStrip ctx />
                <article class="article" lang=language>
                    <header class="article-head">
                        <h1 class:derived=derived>{headline_text}</h1>
                        {derived.then(|| view! {
                            <p class="headline-note">{t("reader.derived_headline_note")}</p>
                        })}
                        <p class="meta">{source}{date}{original}{license}</p>
                        {ws.reopened.then(|| view! {
                            <p class="reopened-note" role="note">{move || {
                                let n = analysis.with(|a| a.0.statements.len());
                                count("reader.reopened", n, &[])
                            }}</p>
                        })}
                        <p class=move || format!("print-key{}", on_classes())>
                            <span>{t("reader.print_key")}</span>{print_key}
                        </p>
                        <LanguagePicker ws k article=article.clone() page=page.clone() />
                    </header>
                    <div
                        class=body_class
                        node_ref=body
                        on:mouseover=move |ev| show_tip(ctx, &ev)
                        on:focusin=move |ev| show_tip(ctx, &ev)
                        on:mouseout=move |_| hide_tip()
                        on:focusout=move |_| hide_tip()
                        on:click=move |ev| select_sentence(ws, k, &ev)
                        on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { select_sentence(ws, k, &ev) }
                    >
                    </div>
                </article>
            </div>
            <div id="hl-tip" class="tip" role="tooltip" hidden></div>
            <KeyHelp open=ctx.help />
            <p class="sr-only" aria-live="polite">{move || ctx.status.get()}</p>
        </div>
    }
}

/// The element an event happened on, or its closest ancestor, matching `selector`.
fn target_closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
}

/// A click (or Enter) on a statement's sentence selects that statement.
fn select_sentence(ws: Ws, k: usize, ev: &web_sys::Event) {
    let Some(el) = target_closest(ev, ".stmt") else {
        return;
    };
    if let Some(s) = el.get_attribute("data-st").and_then(|v| v.parse::<usize>().ok()) {
        ws.select(Some((k, s)));
    }
}

/// Takes `class` off every element under `root` that matches `selector`.
fn drop_class(root: &web_sys::Element, selector: &str, class: &str) {
    if let Ok(found) = root.query_selector_all(selector) {
        for i in 0..found.length() {
            if let Some(el) = found.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.class_list().remove_1(class);
            }
        }
    }
}

/// Marks the selected statement's sentence, scrolls it into view and flashes it.
fn selected_statement_effect(ctx: Ctx, k: usize, body: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let selected = ctx.ws.selected.get();
        ctx.filled.track();
        let Some(body) = body.get() else { return };
        drop_class(&body, ".stmt.selected", "selected");
        let Some((_, statement)) = selected.filter(|(a, _)| *a == k) else { return };
        let paragraph = ctx.analysis.with_untracked(|a| {
            let a = &a.0;
            a.statements.get(statement).map(|s| a.sentences[s.sentence].paragraph)
        });
        if let Some(p) = paragraph {
            ctx.text.ensure(p);
        }
        if let Ok(Some(el)) = body.query_selector(&format!(".stmt[data-st=\"{statement}\"]")) {
            let _ = el.class_list().add_1("selected");
            super::scroll::reveal(&el, super::scroll::Place::Center);
            flash(&el);
        }
    });
}

/// Outlines the current hit's marks, scrolls it into view, focuses it and announces it.
fn current_hit_effect(ctx: Ctx, body: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let current = ctx.current.get();
        ctx.filled.track();
        let Some(body) = body.get() else { return };
        drop_class(&body, "mark.current", "current");
        let Some(g) = current.and_then(|c| ctx.groups.with_untracked(|gs| gs.get(c).cloned()))
        else {
            return;
        };
        ctx.text.ensure(g.paragraph);
        let Ok(marks) = body.query_selector_all(&format!("#p{} mark.hl", g.paragraph + 1)) else {
            return;
        };
        let mut first: Option<web_sys::HtmlElement> = None;
        for i in 0..marks.length() {
            let Some(el) = marks.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            let num = |name: &str| {
                el.get_attribute(name).and_then(|v| v.parse::<usize>().ok()).unwrap_or(0)
            };
            if num("data-s") >= g.start_byte && num("data-e") <= g.end_byte {
                let _ = el.class_list().add_1("current");
                first.get_or_insert(el);
            }
        }
        if let Some(el) = first {
            super::scroll::reveal_and_focus(&el, super::scroll::Place::Center);
        }
        let (position, total) = visible_position(ctx, Some(g.start_byte));
        let names = ctx.analysis.with_untracked(|a| {
            g.themes.iter().map(|&t| a.0.themes[t].name_in(lang())).collect::<Vec<_>>().join(", ")
        });
        ctx.status.set(fill(
            "reader.hit_status",
            &[("position", &position), ("total", &total), ("themes", &names)],
        ));
    });
}

/// (1-based position of the hit starting at `start` among the visible hits, their number).
pub(super) fn visible_position(ctx: Ctx, start: Option<usize>) -> (usize, usize) {
    let active = ctx.active.get_untracked();
    ctx.groups.with_untracked(|gs| highlight::visible_position(gs, &active, start))
}

/// n / j / ] for the next hit, p / k / [ for the previous one, unless the user is typing.
fn keyboard_shortcuts(ctx: Ctx) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing =
            ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.closest("[contenteditable]").ok().flatten().is_some()
            });
        if typing {
            return;
        }
        match ev.key().as_str() {
            "n" | "j" | "]" => {
                ev.prevent_default();
                ctx.step(true);
            }
            "p" | "k" | "[" => {
                ev.prevent_default();
                ctx.step(false);
            }
            "?" => {
                ev.prevent_default();
                ctx.help.update(|h| *h = !*h);
            }
            "Escape" => {
                hide_tip();
                ctx.help.set(false);
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

fn tip_element() -> Option<web_sys::HtmlElement> {
    document().get_element_by_id("hl-tip")?.dyn_into().ok()
}

/// Shows which active themes a highlight belongs to and the term it matched.
fn show_tip(ctx: Ctx, ev: &web_sys::Event) {
    let Some(mark) = target_closest(ev, "mark.hl") else {
        return;
    };
    let Some(tip) = tip_element() else { return };
    let active = ctx.active.get_untracked();
    let hits: Vec<usize> = mark
        .get_attribute("data-h")
        .unwrap_or_default()
        .split(' ')
        .filter_map(|h| h.parse().ok())
        .collect();
    let lines: Vec<String> = ctx.analysis.with_untracked(|a| {
        hits.iter()
            .filter_map(|&h| a.0.theme_hits.get(h))
            .filter(|h| active.get(h.theme).copied().unwrap_or(false))
            .map(|h| {
                format!(
                    "{}{}\u{201c}{}\u{201d}",
                    a.0.themes[h.theme].name_in(lang()),
                    tr("common.colon"),
                    h.term
                )
            })
            .collect()
    });
    if lines.is_empty() {
        tip.set_hidden(true);
        return;
    }
    tip.set_text_content(Some(&lines.join(" \u{b7} ")));
    let rect = mark.get_bounding_client_rect();
    let scroll_y = window().scroll_y().unwrap_or(0.0);
    let scroll_x = window().scroll_x().unwrap_or(0.0);
    let style = web_sys::HtmlElement::style(&tip);
    let _ = style.set_property("top", &format!("{}px", rect.bottom() + scroll_y + 6.0));
    let _ = style.set_property("left", &format!("{}px", (rect.left() + scroll_x).max(8.0)));
    tip.set_hidden(false);
}

fn hide_tip() {
    if let Some(tip) = tip_element() {
        tip.set_hidden(true);
    }
}

pub(super) fn flash(el: &web_sys::Element) {
    let _ = el.class_list().remove_1("flash");
    let _ = el.get_bounding_client_rect(); // restart the animation
    let _ = el.class_list().add_1("flash");
}

/// "Analysed as [English ▾] — detected from the text": the language the analysis reads the
/// article in, and the reader's choice of another.
#[component]
fn LanguagePicker(ws: Ws, k: usize, article: Arc<Article>, page: Arc<Page>) -> impl IntoView {
    let reading = page.language;
    let basis = language::basis_of(&article, reading).key();
    let options = Language::ALL.map(|l| {
        view! { <option value=l.tag() selected=l == reading>{l.native_name()}</option> }
    });
    let change = move |ev: leptos::ev::Event| {
        if let Some(l) = Language::from_tag(&event_target_value(&ev)) {
            ws.set_language(k, l);
        }
    };
    view! {
        <p class="language">
            <label>{t("reader.analysed_as")}" "
                <select class="language-select" on:change=change aria-describedby="language-basis">{options}</select>
            </label>
            " "<span id="language-basis" class="language-basis">{t(basis)}</span>
        </p>
    }
}
