//! The interface language: one signal for the whole app, chosen from the URL (`?ui=fr`), else
//! the user's saved choice, else the browser's preferred languages, else English. The app
//! bar's switch changes it, and keeps the choice in the URL (a shared link opens in the same
//! language) and in localStorage (the next visit does too).
//!
//! The words are `crate::locale`'s; this module only knows which language is on. Views read
//! the language inside their reactive closures ([`tr`], [`fill`], [`count`], or [`t`] for a
//! label that is nothing but a key), so switching re-renders the words and nothing else: the
//! articles, their analyses, the selection and the scroll stay as they were.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use leptos::prelude::*;

use super::{storage, url};
use crate::locale::{self, Language};

static UI: OnceLock<RwSignal<Language>> = OnceLock::new();

/// The language as a plain number too, for the panic screen, which must not touch the
/// reactive system it may have interrupted.
static PLAIN: AtomicUsize = AtomicUsize::new(0);

fn signal() -> RwSignal<Language> {
    *UI.get_or_init(|| {
        let lang = initial();
        apply(lang);
        RwSignal::new(lang)
    })
}

fn initial() -> Language {
    if let Some(l) = url::get("ui").as_deref().and_then(Language::from_tag) {
        return l;
    }
    if let Some(l) = storage::load_ui_language() {
        return l;
    }
    let navigator = window().navigator();
    let tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .collect();
    locale::preferred(tags.iter().map(String::as_str))
}

/// The page's own language attribute and the panic screen follow the interface.
fn apply(lang: Language) {
    PLAIN.store(lang.index(), Ordering::Relaxed);
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
}

/// Chooses the interface language before the app mounts, so the page's `lang` and the panic
/// screen are right from the start.
pub fn init() {
    signal();
}

/// The interface language (tracked: a closure that calls it re-runs on a switch).
pub fn lang() -> Language {
    signal().get()
}

/// The interface language, for code outside the reactive system (the panic hook).
pub fn lang_plain() -> Language {
    Language::ALL.get(PLAIN.load(Ordering::Relaxed)).copied().unwrap_or_default()
}

/// Switches the interface to `lang`, keeping the choice in the URL and in storage.
pub fn switch(lang: Language) {
    apply(lang);
    url::set("ui", Some(lang.tag()), false);
    storage::save_ui_language(lang);
    signal().set(lang);
}

/// A label that is only a key: a closure for a text node or an attribute.
pub fn t(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || locale::text(lang(), key)
}

/// The text of `key` in the interface language.
pub fn tr(key: &'static str) -> &'static str {
    locale::text(lang(), key)
}

/// The text of `key` with its placeholders filled.
pub fn fill(key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    locale::fill(lang(), key, args)
}

/// The singular or plural of `key` for `n`, with `{n}` formatted for the language.
pub fn count(key: &'static str, n: usize, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    locale::count(lang(), key, n, args)
}

/// The app bar's language switch.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let options = Language::ALL.map(|l| {
        view! { <option value=l.tag() lang=l.tag() selected=move || lang() == l>{l.native_name()}</option> }
    });
    view! {
        <label class="ui-language">
            <select
                class="ui-language-select"
                aria-label=t("bar.language")
                title=t("bar.language")
                on:change=move |ev| {
                    if let Some(l) = Language::from_tag(&event_target_value(&ev)) {
                        switch(l);
                    }
                }
            >
                {options}
            </select>
        </label>
    }
}
