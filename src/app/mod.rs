//! The browser shell: Leptos components and browser glue only. It fetches, reads the URL and
//! shows what the core computed; it never analyses text itself.
//!
//! - [`load`]: fetching `?src=` and mapping every failure to a message;
//! - [`offline`]: the service worker (offline use) and the "New version" notice;
//! - [`recent`]: what the user opened, kept in IndexedDB; [`recent_menu`]: the "Recent" menu;
//! - [`panic`]: the panic hook that replaces a dead app with an error message;
//! - [`url`]: view state in the URL (query parameters, history);
//! - [`scroll`]: showing and focusing an element without scrolling an embed's host page;
//! - [`embed`]: iframe embedding (compact layout, height reports, host commands);
//! - [`storage`]: the user's themes, corrections and interface language in localStorage;
//! - [`i18n`]: the interface language (URL, storage, browser preference) and its switch;
//! - [`view`]: the page frame, loading and failure states;
//! - [`state`]: the workspace's state ([`state::Ws`]): articles, analyses, corrections, selection;
//! - [`workspace`]: the layout of the reader and the timeline;
//!   [`analyst`]: the analysis worker that makes the analyses (`crate::jobs`);
//! - [`reader`]: the article with highlights, legend, navigation, density strip and search;
//! - [`user_themes`]: the user's themes and the built-in ones (off for good, copy to edit);
//! - [`timeline`]: the statements timeline, with filters and lanes; [`table`]: its table;
//! - [`exports`]: the download and import buttons (the formats are `crate::export`'s);
//! - [`corrections`]: the statement editor (corrections are `analysis::corrections`).

mod analysis_status;
mod analyst;
mod article_body;
mod corrections;
mod dom_text;
pub mod embed;
mod exports;
pub mod i18n;
pub mod load;
mod offline;
mod panic;
pub mod reader;
mod recent;
mod recent_menu;
mod relations;
mod scroll;
mod state;
mod storage;
mod table;
pub mod timeline;
pub mod url;
mod user_themes;
pub mod view;
pub mod workspace;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the panic hook and mounts [`view::App`] into `#app` (replacing its placeholder),
/// or into `<body>` when the page has no such element.
pub fn start() {
    panic::install_hook();
    i18n::init();
    // The analysis worker's module compiles while the first article loads.
    analyst::prewarm();
    let document = document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_text_content(None);
            mount_to(root.unchecked_into(), view::App).forget();
        }
        None => mount_to_body(view::App),
    }
}
