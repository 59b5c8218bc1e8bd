//! Bringing an element into view without moving anything the app does not own.
//!
//! `Element::scrollIntoView` and a plain `focus()` scroll every scrolling ancestor, and from
//! inside an iframe they scroll the host page too: an embed would drag the newsroom's page to
//! itself on load (`?statement=`) and on every host command. So the app never calls them: [`reveal`]
//! scrolls the element's scrolling ancestors inside this document and this document's window
//! (in an embed, the frame's own); [`focus`] focuses without scrolling. An embed sized to its
//! content has nothing of its own to scroll but its boxes (the timeline); one given a fixed
//! height scrolls inside itself.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Where in the visible box the element should come to rest.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// At the top (a paragraph to read from).
    Start,
    /// In the middle (a hit or a statement among others).
    Center,
    /// As little movement as shows it whole (a card already nearly in view).
    Nearest,
}

/// The new scroll offset that shows the span `[start, start + size)` of content in a box
/// scrolled to `offset` and `view` long, placed as `place` asks.
fn offset_for(place: Place, offset: f64, view: f64, start: f64, size: f64) -> f64 {
    let target = match place {
        Place::Start => start,
        Place::Center => start + size / 2.0 - view / 2.0,
        Place::Nearest if start < offset || size > view => start,
        Place::Nearest if start + size > offset + view => start + size - view,
        Place::Nearest => offset,
    };
    target.max(0.0)
}

/// Scrolls `el` into view: each scrolling ancestor in this document, then this document's
/// window (an embed's own frame). Never the host page of an embed.
pub fn reveal(el: &Element, place: Place) {
    let mut node = el.parent_element();
    while let Some(parent) = node {
        if scrolls(&parent) {
            let (outer, inner) = (parent.get_bounding_client_rect(), el.get_bounding_client_rect());
            let top = f64::from(parent.scroll_top()) + inner.top() - outer.top();
            let h = f64::from(parent.client_height());
            parent.set_scroll_top(offset_for(
                place,
                f64::from(parent.scroll_top()),
                h,
                top,
                inner.height(),
            ) as i32);
            let left = f64::from(parent.scroll_left()) + inner.left() - outer.left();
            let w = f64::from(parent.client_width());
            let x =
                offset_for(Place::Nearest, f64::from(parent.scroll_left()), w, left, inner.width());
            parent.set_scroll_left(x as i32);
        }
        node = parent.parent_element();
    }
    // Inside an iframe this is the frame's own window: scrolling it never moves the host.
    let window = leptos::prelude::window();
    let (y, h) = (window.scroll_y().unwrap_or(0.0), window_height(&window));
    let rect = el.get_bounding_client_rect();
    let options = web_sys::ScrollToOptions::new();
    options.set_top(offset_for(place, y, h, y + rect.top(), rect.height()));
    window.scroll_to_with_scroll_to_options(&options);
}

/// Focuses `el` without scrolling anything (call [`reveal`] first to show it).
pub fn focus(el: &HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// [`reveal`], then [`focus`], for an element that is an `HtmlElement`.
pub fn reveal_and_focus(el: &Element, place: Place) {
    reveal(el, place);
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        focus(el);
    }
}

fn window_height(window: &web_sys::Window) -> f64 {
    window.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
}

/// `el` is a box whose content scrolls (overflow auto or scroll, with more content than room).
fn scrolls(el: &Element) -> bool {
    let overflows =
        el.scroll_height() > el.client_height() || el.scroll_width() > el.client_width();
    overflows
        && leptos::prelude::window().get_computed_style(el).ok().flatten().is_some_and(|style| {
            let y = style.get_property_value("overflow-y").unwrap_or_default();
            let x = style.get_property_value("overflow-x").unwrap_or_default();
            [y, x].iter().any(|v| v == "auto" || v == "scroll")
        })
}
