//! The view's state in the page URL, so a link reproduces it: reading and writing query
//! parameters with the History API (back and forward restore earlier states).

use leptos::prelude::*;

/// The value of query parameter `name` in the page's URL, if present.
pub fn get(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// Sets (or, with `None`, removes) query parameter `name`, keeping the others. `push` adds a
/// history entry (a user's choice, which Back should undo); otherwise the entry is replaced.
pub fn set(name: &str, value: Option<&str>, push: bool) {
    set_all(&[(name, value.map(str::to_string))], push);
}

/// Sets or removes several parameters as one change: one history entry at most.
pub fn set_all(pairs: &[(&str, Option<String>)], push: bool) {
    let location = window().location();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default())
    else {
        return;
    };
    for (name, value) in pairs {
        match value {
            Some(v) => params.set(name, v),
            None => params.delete(name),
        }
    }
    // Commas read better unescaped in a shared link: ?themes=economy,humanitarian
    let query = String::from(params.to_string()).replace("%2C", ",");
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url =
        if query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{query}{hash}") };
    if url == format!("{path}{}{hash}", location.search().unwrap_or_default()) {
        return;
    }
    let Ok(history) = window().history() else {
        return;
    };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Calls `f` whenever the user goes back or forward in history.
pub fn on_history_change(f: impl Fn() + 'static) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| f());
    on_cleanup(move || handle.remove());
}
