//! Embedding in another page with an iframe: `?embed=1` gives a compact layout (no app bar, a
//! link to the full explorer), the page reports its height to the host, and the host can send
//! a small set of commands. Messages (see README, "Embedding") are JSON objects with a `type`:
//!
//! - to the host: `{"type": "article-explorer:height", "height": 1234}` whenever it changes;
//! - from the host: `{"type": "article-explorer:select-statement", "statement": 8}` (1-based),
//!   `{"type": "article-explorer:set-themes", "themes": ["economy", "humanitarian"]}`,
//!   `{"type": "article-explorer:load", "src": "articles/other.json"}`.
//!
//! Anything else is ignored, and so is every message from an origin other than `?origin=`
//! when the host passes it.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::url;

pub fn is_embed() -> bool {
    url::get("embed").as_deref() == Some("1")
}

/// A command from the host page, once validated.
#[derive(Debug, Clone, PartialEq)]
pub enum HostCommand {
    SelectStatement(usize),
    SetThemes(Vec<String>),
    Load(String),
}

/// The command a message carries, if it is one of ours and well formed.
pub fn parse_command(data: &serde_json::Value) -> Option<HostCommand> {
    match data.get("type")?.as_str()? {
        "article-explorer:select-statement" => {
            let n = data.get("statement")?.as_u64()?;
            (1..=1_000_000).contains(&n).then_some(HostCommand::SelectStatement(n as usize))
        }
        "article-explorer:set-themes" => {
            let list = data.get("themes")?.as_array()?;
            let ids: Option<Vec<String>> = list
                .iter()
                .map(|t| {
                    t.as_str()
                        .filter(|s| {
                            s.len() <= 80 && s.chars().all(|c| c.is_alphanumeric() || c == '-')
                        })
                        .map(str::to_string)
                })
                .collect();
            ids.filter(|ids| ids.len() <= 32).map(HostCommand::SetThemes)
        }
        "article-explorer:load" => {
            let src = data.get("src")?.as_str()?;
            (!src.trim().is_empty() && src.len() <= 2048)
                .then(|| HostCommand::Load(src.to_string()))
        }
        _ => None,
    }
}

/// The commands the host sent, for the views to act on (`load` is handled by the app).
pub fn host_commands() -> RwSignal<Option<HostCommand>> {
    match use_context::<RwSignal<Option<HostCommand>>>() {
        Some(s) => s,
        None => {
            let s = RwSignal::new(None);
            provide_context(s);
            s
        }
    }
}

/// In embed mode: listens for host commands (calling `on_load` for `load`, publishing the
/// others through [`host_commands`]) and reports the page's height to the host.
pub fn listen_for_host(on_load: impl Fn(String) + 'static) {
    let commands = host_commands();
    if !is_embed() {
        return;
    }
    let allowed = url::get("origin");
    let handle = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        if allowed.as_ref().is_some_and(|o| *o != ev.origin()) {
            return;
        }
        let Some(json) = js_sys::JSON::stringify(&ev.data()).ok().and_then(|s| s.as_string())
        else {
            return;
        };
        let Ok(data) = serde_json::from_str::<serde_json::Value>(&json) else { return };
        match parse_command(&data) {
            Some(HostCommand::Load(src)) => on_load(src),
            Some(other) => commands.set(Some(other)),
            None => {}
        }
    });
    on_cleanup(move || handle.remove());
    report_height();
}

/// Posts the document's height to the parent whenever it changes.
fn report_height() {
    let Some(parent) = window().parent().ok().flatten() else { return };
    let target = url::get("origin").unwrap_or_else(|| "*".to_string());
    let last = std::cell::Cell::new(0i32);
    let post = move || {
        let height = document().document_element().map_or(0, |e| e.scroll_height());
        if height != last.get() {
            last.set(height);
            let message = js_sys::Object::new();
            let _ =
                js_sys::Reflect::set(&message, &"type".into(), &"article-explorer:height".into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = parent.post_message(&message, &target);
        }
    };
    let callback = Closure::<dyn FnMut()>::new(post);
    if let (Ok(observer), Some(body)) =
        (web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()), document().body())
    {
        observer.observe(&body);
        // The observer lives as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
}

/// The current view's URL without the embedding parameters.
pub fn full_explorer_url() -> String {
    let location = window().location();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default())
    else {
        return "./".into();
    };
    params.delete("embed");
    params.delete("origin");
    let query = String::from(params.to_string()).replace("%2C", ",");
    format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        if query.is_empty() { "" } else { "?" },
        query
    )
}

/// The snippet a host page pastes to embed the current view.
pub fn snippet() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let full = full_explorer_url();
    let sep = if full.contains('?') { "&" } else { "?" };
    format!(
        "<iframe src=\"{origin}{full}{sep}embed=1\" title=\"Article Explorer\" loading=\"lazy\" style=\"width:100%;height:640px;border:0\"></iframe>\n\
<script>\n\
addEventListener('message', function (e) {{\n\
  if (e.origin !== '{origin}' || !e.data || e.data.type !== 'article-explorer:height') return;\n\
  document.querySelectorAll('iframe').forEach(function (f) {{ if (f.contentWindow === e.source) f.style.height = e.data.height + 'px'; }});\n\
}});\n\
</script>"
    )
}
