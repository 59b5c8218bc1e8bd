//! What the app keeps in the browser (localStorage): the user's themes. A corrupted entry is
//! set aside under a backup key and reported, never a crash and never silently lost.
//!
//! Two `web_sys::Storage` calls do the job, so no storage crate is pulled in for them.

use crate::analysis::ThemeDef;

const USER_THEMES: &str = "article-explorer.user-themes.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved user themes, and a notice for the user when the saved value could not be read.
pub fn load_user_themes() -> (Vec<ThemeDef>, Option<String>) {
    let Some(storage) = storage() else {
        return (Vec::new(), None);
    };
    let Ok(Some(raw)) = storage.get_item(USER_THEMES) else {
        return (Vec::new(), None);
    };
    match serde_json::from_str::<Vec<ThemeDef>>(&raw) {
        Ok(themes) => {
            let valid: Vec<ThemeDef> = themes
                .into_iter()
                .filter(|t| crate::analysis::themes::validate(t).is_ok())
                .map(|t| ThemeDef { builtin: false, ..t })
                .collect();
            (valid, None)
        }
        Err(e) => {
            let backup = format!("{USER_THEMES}.unreadable");
            let _ = storage.set_item(&backup, &raw);
            let _ = storage.remove_item(USER_THEMES);
            (Vec::new(), Some(format!("Your saved themes could not be read ({e}); they were set aside in localStorage under \"{backup}\" and the app starts without them.")))
        }
    }
}

/// Saves the user themes; the error is a message for the user (storage full or disabled).
pub fn save_user_themes(themes: &[ThemeDef]) -> Result<(), String> {
    let storage =
        storage().ok_or("This browser does not allow saving (localStorage is disabled)")?;
    let json = serde_json::to_string(themes).map_err(|e| e.to_string())?;
    storage.set_item(USER_THEMES, &json).map_err(|_| {
        "The browser refused to save your themes (storage full or disabled)".to_string()
    })
}
