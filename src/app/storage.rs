//! What the app keeps in the browser (localStorage): the user's themes and the built-in ones
//! they switched off, each article's
//! corrections (keyed by the article's id), and the interface language. A corrupted entry is set aside under a backup key
//! and reported, never a crash and never silently lost.
//!
//! Two `web_sys::Storage` calls do the job, so no storage crate is pulled in for them.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::i18n::fill;
use crate::analysis::corrections::Correction;
use crate::analysis::ThemeDef;
use crate::locale::Language;

const USER_THEMES: &str = "article-explorer.user-themes.v1";
const UI_LANGUAGE: &str = "article-explorer.ui-language.v1";
const BUILTINS_OFF: &str = "article-explorer.builtin-themes-off.v1";

fn corrections_key(article_id: &str) -> String {
    format!("article-explorer.corrections.v1.{article_id}")
}

/// The value saved under `key`, and a notice when it could not be read (it is then moved to
/// `key.unreadable`).
fn load<T: DeserializeOwned + Default>(key: &str, what: &'static str) -> (T, Option<String>) {
    let Some(storage) = storage() else { return (T::default(), None) };
    let Ok(Some(raw)) = storage.get_item(key) else { return (T::default(), None) };
    match serde_json::from_str::<T>(&raw) {
        Ok(value) => (value, None),
        Err(e) => {
            let backup = format!("{key}.unreadable");
            let _ = storage.set_item(&backup, &raw);
            let _ = storage.remove_item(key);
            let what = super::i18n::tr(what);
            (
                T::default(),
                Some(fill(
                    "storage.unreadable",
                    &[("what", &what), ("reason", &e), ("backup", &backup)],
                )),
            )
        }
    }
}

fn save<T: Serialize>(key: &str, value: &T, what: &'static str) -> Result<(), String> {
    let storage = storage().ok_or_else(|| super::i18n::tr("storage.disabled").to_string())?;
    let json = serde_json::to_string(value).map_err(|e| e.to_string())?;
    storage.set_item(key, &json).map_err(|_| {
        let what = super::i18n::tr(what);
        fill("storage.refused", &[("what", &what)])
    })
}

/// An article's saved corrections, and a notice when they could not be read.
pub fn load_corrections(article_id: &str) -> (Vec<Correction>, Option<String>) {
    load(&corrections_key(article_id), "storage.saved_corrections")
}

/// An article's corrections as stored now (none saved: an empty log), or `None` when the
/// browser keeps nothing or the entry cannot be read (then the log in memory stands).
pub fn stored_corrections(article_id: &str) -> Option<Vec<Correction>> {
    let raw = storage()?.get_item(&corrections_key(article_id)).ok()?;
    match raw {
        None => Some(Vec::new()),
        Some(raw) => serde_json::from_str(&raw).ok(),
    }
}

/// Whether `key` (of a storage event) holds the corrections of the article `article_id`.
pub fn is_corrections_key(key: &str, article_id: &str) -> bool {
    key == corrections_key(article_id)
}

pub fn save_corrections(article_id: &str, log: &[Correction]) -> Result<(), String> {
    if log.is_empty() {
        if let Some(s) = storage() {
            let _ = s.remove_item(&corrections_key(article_id));
        }
        return Ok(());
    }
    save(&corrections_key(article_id), &log, "storage.your_corrections")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved user themes, and a notice for the user when the saved value could not be read.
pub fn load_user_themes() -> (Vec<ThemeDef>, Option<String>) {
    let (themes, notice): (Vec<ThemeDef>, _) = load(USER_THEMES, "storage.saved_themes");
    let valid = themes
        .into_iter()
        .filter(|t| crate::analysis::themes::validate(t).is_ok())
        .map(|t| ThemeDef { builtin: false, ..t })
        .collect();
    (valid, notice)
}

/// Saves the user themes; the error is a message for the user (storage full or disabled).
pub fn save_user_themes(themes: &[ThemeDef]) -> Result<(), String> {
    save(USER_THEMES, &themes, "storage.your_themes")
}

/// The ids of the built-in themes the user switched off, and a notice when the saved value
/// could not be read.
pub fn load_builtins_off() -> (Vec<String>, Option<String>) {
    load(BUILTINS_OFF, "storage.saved_themes")
}

pub fn save_builtins_off(ids: &[String]) -> Result<(), String> {
    save(BUILTINS_OFF, &ids, "storage.your_themes")
}

/// The interface language the user chose on an earlier visit.
pub fn load_ui_language() -> Option<Language> {
    Language::from_tag(&storage()?.get_item(UI_LANGUAGE).ok()??)
}

/// Keeps the user's interface language for the next visit (silently: the URL keeps it too).
pub fn save_ui_language(lang: Language) {
    if let Some(s) = storage() {
        let _ = s.set_item(UI_LANGUAGE, lang.tag());
    }
}
