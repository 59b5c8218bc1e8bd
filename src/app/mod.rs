//! The browser shell: Leptos components and browser glue only. It fetches, reads the URL and
//! shows what the core computed; it never analyses text itself.
//!
//! - [`load`]: fetching `?src=` and mapping every failure to a message;
//! - [`panic`]: the panic hook that replaces a dead app with an error message;
//! - [`view`]: the components.

pub mod load;
mod panic;
pub mod view;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the panic hook and mounts [`view::App`] into `#app` (replacing its placeholder),
/// or into `<body>` when the page has no such element.
pub fn start() {
    panic::install_hook();
    let document = document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_text_content(None);
            mount_to(root.unchecked_into(), view::App).forget();
        }
        None => mount_to_body(view::App),
    }
}

/// The value of query parameter `name` in the page's URL, if present.
pub fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}
