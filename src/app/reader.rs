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

use super::article_body::ArticleBody;
use super::dom_text;
use super::i18n::lang;
use super::i18n::{count, fill, t, tr};
use super::url;
use super::user_themes::UserThemes;
use super::workspace::{Shared, Ws};
use crate::analysis::highlight::{self, HitGroup};
use crate::analysis::language;
use crate::analysis::search::{search, SearchHit};
use crate::analysis::text::Document;
use crate::analysis::themes;
use crate::article::{Article, Headline};
use crate::locale::{self, Language};

/// Everything the reader's parts share.
#[derive(Clone, Copy)]
struct Ctx {
    ws: Ws,
    analysis: Memo<Shared>,
    groups: Memo<Arc<Vec<HitGroup>>>,
    active: Memo<Vec<bool>>,
    current: RwSignal<Option<usize>>,
    status: RwSignal<String>,
    /// The keyboard-shortcut help panel is open.
    help: RwSignal<bool>,
    /// On a phone, the legend, search and themes are open (else only the bar that opens
    /// them and the hit navigation show, so the article starts on the first screen).
    tools: RwSignal<bool>,
    /// The article text, which gives paragraphs their marks lazily on long articles.
    text: ArticleBody,
    /// Bumped each time the text is (re)filled, so what points into it runs again.
    filled: RwSignal<u32>,
    /// The text is long: its paragraphs get their marks lazily (`long` class, style/reader.css).
    long: RwSignal<bool>,
}

impl Ctx {
    fn theme_ids(&self) -> Vec<String> {
        self.analysis.with(|a| a.0.themes.iter().map(|t| t.id.clone()).collect())
    }

    /// Makes `active` the selection, as a new history entry.
    fn select(&self, active: &[bool]) {
        let ids = self.theme_ids();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        url::set("themes", themes::format_selection(active, &refs).as_deref(), true);
        self.ws.themes_param.set(url::get("themes"));
    }

    fn step(&self, forward: bool) {
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
pub fn Reader(ws: Ws, k: usize, article: Arc<Article>, doc: Arc<Document>) -> impl IntoView {
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
    let original = article.url.clone().map(|href| {
        view! { <a class="original" href=href target="_blank" rel="noopener noreferrer">{t("reader.original")}</a> }
    });
    // The language the text is read in, for the browser (hyphenation, screen readers).
    let language = doc.language.tag();
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
                    <p class="notice" role="status">{n}
                        <button class="link" on:click=move |_| notice.set(None)>{t("common.dismiss")}</button>
                    </p>
                })}
                <Legend ctx />
                <Search doc=doc.clone() text=ctx.text />
                <UserThemes ws doc_language=doc.language />
            </aside>
            <div class="reader-main">
                <DensityStrip ctx />
                <article class="article" lang=language>
                    <header class="article-head">
                        <h1 class:derived=derived>{headline_text}</h1>
                        {derived.then(|| view! {
                            <p class="headline-note">{t("reader.derived_headline_note")}</p>
                        })}
                        <p class="meta">{source}{date}{original}</p>
                        <p class=move || format!("print-key{}", on_classes())>
                            <span>{t("reader.print_key")}</span>{print_key}
                        </p>
                        <LanguagePicker ws k article=article.clone() doc=doc.clone() />
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

/// Marks the selected statement's sentence, scrolls it into view and flashes it.
fn selected_statement_effect(ctx: Ctx, k: usize, body: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let selected = ctx.ws.selected.get();
        ctx.filled.track();
        let Some(body) = body.get() else { return };
        if let Ok(old) = body.query_selector_all(".stmt.selected") {
            for i in 0..old.length() {
                if let Some(el) = old.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.class_list().remove_1("selected");
                }
            }
        }
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
        if let Ok(old) = body.query_selector_all("mark.current") {
            for i in 0..old.length() {
                if let Some(el) = old.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.class_list().remove_1("current");
                }
            }
        }
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
fn visible_position(ctx: Ctx, start: Option<usize>) -> (usize, usize) {
    let active = ctx.active.get_untracked();
    ctx.groups.with_untracked(|gs| {
        let visible: Vec<&HitGroup> = gs
            .iter()
            .filter(|g| g.themes.iter().any(|&t| active.get(t).copied().unwrap_or(false)))
            .collect();
        let position =
            start.and_then(|s| visible.iter().position(|g| g.start_byte == s)).map_or(0, |p| p + 1);
        (position, visible.len())
    })
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

/// The keyboard shortcuts, opened with `?` (or the legend's link), closed with Esc.
#[component]
fn KeyHelp(open: RwSignal<bool>) -> impl IntoView {
    let keys: [(&str, &'static str); 10] = [
        ("n  j  ]", "keys.next"),
        ("p  k  [", "keys.previous"),
        ("keys.tab_key", "keys.tab"),
        ("keys.enter_key", "keys.enter"),
        ("keys.space_key", "keys.space"),
        ("+  \u{2212}", "keys.zoom"),
        ("\u{2190} \u{2191} \u{2192} \u{2193}", "keys.scroll"),
        ("Ctrl+V", "keys.paste"),
        ("?", "keys.help"),
        ("keys.esc_key", "keys.escape"),
    ];
    let close = NodeRef::<leptos::html::Button>::new();
    // Opening moves focus to Close; closing (Esc or Close) gives it back to what had it.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open && was_open != Some(true) {
            opener.set_value(document().active_element().and_then(|e| e.dyn_into().ok()));
            if let Some(b) = close.get() {
                super::scroll::reveal_and_focus(&b, super::scroll::Place::Nearest);
            }
        } else if !is_open && was_open == Some(true) {
            if let Some(el) = opener.get_value().filter(|el| el.is_connected()) {
                super::scroll::focus(&el);
            }
        }
        is_open
    });
    view! {
        <div class="key-help" role="dialog" aria-modal="false" aria-labelledby="key-help-title" hidden=move || !open.get()>
            <h2 id="key-help-title">{t("keys.title")}</h2>
            <dl>
                {keys.into_iter().map(|(k, what)| view! { <dt><kbd>{move || key_name(k)}</kbd></dt><dd>{t(what)}</dd> }).collect_view()}
            </dl>
            <button node_ref=close class="chip" on:click=move |_| open.set(false)>{t("common.close")}</button>
        </div>
    }
}

/// Every theme with its hit count: toggle, "only", all/none, and hit navigation.
#[component]
fn Legend(ctx: Ctx) -> impl IntoView {
    let items = move || {
        ctx.analysis.with(|a| {
            a.0.themes
                .iter()
                .enumerate()
                .map(|(i, theme)| {
                    let (hits, builtin) = (theme.hits, theme.builtin);
                    let name = theme.name_in(lang());
                    let pressed = move || ctx.active.get().get(i).copied().unwrap_or(false);
                    let only_label = fill("legend.only_label", &[("theme", &name)]);
                    view! {
                        <li class=format!("legend-item on-{i}") class:off=move || !pressed() data-theme=theme.id.clone()>
                            <button
                                class="toggle"
                                aria-pressed=move || pressed().to_string()
                                on:click=move |_| {
                                    let mut next = ctx.active.get_untracked();
                                    if let Some(x) = next.get_mut(i) {
                                        *x = !*x;
                                    }
                                    ctx.select(&next);
                                }
                            >
                                <span class=format!("swatch hl a-{i}") aria-hidden="true"></span>
                                <span class="name">{name.clone()}{(!builtin).then_some(" \u{2605}")}</span>
                                <span class="count" aria-label=count("legend.hits", hits as usize, &[])>{locale::number(lang(), hits as usize)}</span>
                            </button>
                            <button
                                class="only"
                                aria-label=only_label
                                title=t("legend.only_title")
                                on:click=move |_| {
                                    let n = ctx.active.get_untracked().len();
                                    ctx.select(&(0..n).map(|k| k == i).collect::<Vec<_>>());
                                }
                            >
                                {t("legend.only")}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let all = move |on: bool| {
        let n = ctx.active.get_untracked().len();
        ctx.select(&vec![on; n]);
    };
    let counter = move || {
        let current =
            ctx.current.get().and_then(|c| ctx.groups.with(|g| g.get(c).map(|g| g.start_byte)));
        ctx.active.track();
        let (position, total) = visible_position(ctx, current);
        if position == 0 {
            count("legend.hits", total, &[])
        } else {
            format!("{} / {}", locale::number(lang(), position), locale::number(lang(), total))
        }
    };
    view! {
        <section class="legend" aria-labelledby="legend-title">
            <div class="legend-head">
                <h2 id="legend-title">{t("legend.title")}</h2>
                <span class="legend-all">
                    <button class="link" on:click=move |_| all(true)>{t("legend.all")}</button>
                    " \u{b7} "
                    <button class="link" on:click=move |_| all(false)>{t("legend.none")}</button>
                </span>
            </div>
            <ul class="legend-list" id="legend-list">{items}</ul>
            <div class="hit-nav" role="group" aria-label=t("legend.hit_navigation")>
                <button on:click=move |_| ctx.step(false) aria-keyshortcuts="p" title=t("legend.previous_title")>{t("legend.previous")}</button>
                <span class="hit-count">{counter}</span>
                <button on:click=move |_| ctx.step(true) aria-keyshortcuts="n" title=t("legend.next_title")>{t("legend.next")}</button>
            </div>
            <p class="keys">
                {t("legend.keys")} <kbd>"n"</kbd> {t("legend.keys_next")} <kbd>"p"</kbd> {t("legend.keys_previous")}
                <button class="link" on:click=move |_| ctx.help.set(true) aria-keyshortcuts="?">{t("legend.all_keys")}</button>
            </p>
        </section>
    }
}

/// Where each active theme occurs, paragraph by paragraph (grouped into at most
/// [`STRIP_COLUMNS`] columns on long articles); a column jumps to its first paragraph.
#[component]
fn DensityStrip(ctx: Ctx) -> impl IntoView {
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

/// Matches the search lists at most.
const SEARCH_LIMIT: usize = 200;

/// A key's name as the help shows it: a key of the table for the keys that have names in
/// words (Tab, Enter, Space, Esc), the symbols as they are.
fn key_name(k: &'static str) -> &'static str {
    if k.starts_with("keys.") {
        tr(k)
    } else {
        k
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
    super::scroll::reveal_and_focus(&el, super::scroll::Place::Start);
    flash(&el);
}

fn flash(el: &web_sys::Element) {
    let _ = el.class_list().remove_1("flash");
    let _ = el.get_bounding_client_rect(); // restart the animation
    let _ = el.class_list().add_1("flash");
}

/// Find a word or phrase: keyword-in-context results; selecting one selects it in the text.
#[component]
fn Search(doc: Arc<Document>, text: ArticleBody) -> impl IntoView {
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
        super::scroll::reveal(&el, super::scroll::Place::Center);
    }
}

/// "Analysed as [English ▾] — detected from the text": the language the analysis reads the
/// article in, and the reader's choice of another.
#[component]
fn LanguagePicker(ws: Ws, k: usize, article: Arc<Article>, doc: Arc<Document>) -> impl IntoView {
    let reading = doc.language;
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
