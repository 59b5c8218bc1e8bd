//! A panic never leaves a blank page: the hook logs it and replaces the app with a message.
//!
//! Release builds abort after the hook runs, so the message is the last thing the app does;
//! it is written with plain DOM calls (as text, never HTML) because the reactive system may be
//! in the middle of an update.

use std::panic;

pub fn install_hook() {
    panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Article Explorer panicked: {message}").into());
        show(&message);
    }));
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app").or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("failure crash");
    let _ = panel.set_attribute("role", "alert");
    let heading = document.create_element("h1").ok();
    let detail = document.create_element("p").ok();
    let hint = document.create_element("p").ok();
    if let (Some(heading), Some(detail), Some(hint)) = (heading, detail, hint) {
        let lang = super::i18n::lang_plain();
        heading.set_text_content(Some(crate::locale::text(lang, "panic.title")));
        detail.set_text_content(Some(message));
        detail.set_class_name("detail");
        hint.set_text_content(Some(crate::locale::text(lang, "panic.hint")));
        let _ = panel.append_child(&heading);
        let _ = panel.append_child(&detail);
        let _ = panel.append_child(&hint);
    }
    root.set_text_content(None);
    let _ = root.append_child(&panel);
}
