//! The legend: every theme with its hit count (toggle, "only", all / none), the hit
//! navigation, and the keyboard-shortcut list it opens.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::i18n::{count, fill, lang, t, tr};
use super::{visible_position, Ctx};
use crate::analysis::corpus::themes_across;
use crate::locale;

/// The keyboard shortcuts, opened with `?` (or the legend's link), closed with Esc.
#[component]
pub(super) fn KeyHelp(open: RwSignal<bool>) -> impl IntoView {
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
                super::super::scroll::reveal_and_focus(&b, super::super::scroll::Place::Nearest);
            }
        } else if !is_open && was_open == Some(true) {
            if let Some(el) = opener.get_value().filter(|el| el.is_connected()) {
                super::super::scroll::focus(&el);
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
pub(super) fn Legend(ctx: Ctx) -> impl IntoView {
    // In a corpus, each theme also says its hits across all the articles.
    let total = ctx.ws.articles.with_value(Vec::len);
    let across = Memo::new(move |_| {
        ctx.ws.analyses.with(|v| themes_across(&v.iter().map(|a| a.0.as_ref()).collect::<Vec<_>>()))
    });
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
                    let id = theme.id.clone();
                    let in_corpus = (total > 1).then(|| {
                        let (all, articles) = across.with(|x| {
                            x.iter().find(|t| t.id == id).map_or((0, 0), |t| (t.hits, t.articles))
                        });
                        let words = fill(
                            "legend.across",
                            &[
                                ("hits", &count("legend.hits", all as usize, &[])),
                                ("articles", &locale::number(lang(), articles)),
                                ("total", &locale::number(lang(), total)),
                            ],
                        );
                        view! { <span class="across">{words}</span> }
                    });
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
                            {in_corpus}
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
        // Before the analysis arrives there are no hits to count yet, not zero of them.
        if !ctx.ws.analyst.analysed() {
            return String::new();
        }
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

/// A key's name as the help shows it: a key of the table for the keys that have names in
/// words (Tab, Enter, Space, Esc), the symbols as they are.
fn key_name(k: &'static str) -> &'static str {
    if k.starts_with("keys.") {
        tr(k)
    } else {
        k
    }
}
