//! The statements timeline panel: its head (count, panes), the filters, the lane and zoom
//! tools, and one of three panes: the drawing (`svg.rs`), the table (`../table.rs`) or the
//! relations of a dyad (`../relations.rs`). Selection is linked with the reader.
//!
//! What the URL holds (`view=`, `lanes=`, the filters, `hide=`, `zoom=`) is read and written
//! by [`timeline::params`](crate::analysis::timeline::params); the layout and the drawing's
//! geometry are [`timeline::layout`] and [`timeline::Frame`]. The panel keeps the state and
//! draws.
//!
//! Many lanes: each is at least [`timeline::MIN_LANE_W`] wide and the drawing scrolls
//! sideways past the panel; a lane's name is cut to its width (the full name in its tooltip)
//! and its × hides it.

mod filters;
mod svg;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::corrections::CorrectionEditor;
use super::exports::ExportMenu;
use super::i18n::{fill, lang, t};
use super::relations::RelationsView;
use super::state::Ws;
use super::table::StatementTable;
use super::url;
use crate::analysis::timeline::params::{self, Pane};
use crate::analysis::timeline::{self, Filter, LaneMode, Scale, HEADER_H};
use crate::locale;
use filters::{Filters, HiddenChips};
use svg::{TimelineLegend, TimelineSvg};

fn read_filter() -> Filter {
    Filter::from_params(url::get)
}

fn read_pane() -> Pane {
    Pane::from_param(url::get("view").as_deref())
}

/// Changes the filter as `change` says, writes it to the URL (a history entry: Back undoes
/// it) and shows it: the one way a control changes the filter.
fn change_filter(filter: RwSignal<Filter>, change: impl FnOnce(&mut Filter)) {
    let mut f = filter.get_untracked();
    change(&mut f);
    url::set_all(&f.params(), true);
    filter.set(f);
}

#[component]
pub fn TimelinePanel(ws: Ws) -> impl IntoView {
    let data = Memo::new(move |_| {
        let cast = ws.cast.get();
        let (items, events) = ws.shown.with(|v| {
            timeline::collect_with(&v.iter().map(|s| s.0.as_ref()).collect::<Vec<_>>(), &cast.0)
        });
        Arc::new((items, events))
    });
    let pane = RwSignal::new(read_pane());
    let table = Memo::new(move |_| pane.get() == Pane::Table);
    let relations = Memo::new(move |_| pane.get() == Pane::Relations);
    let filter = RwSignal::new(read_filter());
    // The lane mode is the filter's (hidden lanes are lanes of one mode): one owner, not two.
    let mode = Memo::new(move |_| filter.with(|f| f.lane_mode));
    let zoom = RwSignal::new(params::zoom_from_param(url::get("zoom").as_deref()));
    url::on_history_change(move || {
        pane.set(read_pane());
        filter.set(read_filter());
    });
    let screen_px = window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1200.0);
    // The lanes shown: every lane of the statements but the hidden ones.
    let all_lanes = Memo::new(move |_| data.with(|d| timeline::lanes(&d.0, mode.get())));
    let lanes = Memo::new(move |_| {
        let hidden = filter.with(|f| f.hidden_lanes.clone());
        all_lanes.get().into_iter().filter(|l| !hidden.contains(l)).collect::<Vec<_>>()
    });
    let hide_lane = move |lane: String, hide: bool| {
        change_filter(filter, |f| f.hide_lane(&lane, hide));
        // The control that was pressed is gone: focus goes to the chip that shows the lane
        // again (after hiding) or to the timeline (after showing), not to the page body.
        request_animation_frame(move || {
            let target = if hide { ".tl-hidden button:last-of-type" } else { ".tl-scroll" };
            if let Some(el) = document()
                .query_selector(target)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                super::scroll::focus(&el);
            }
        });
    };
    let layout = Memo::new(move |_| {
        let f = filter.get();
        let z = zoom.get();
        data.with(|d| {
            lanes.with(|l| {
                timeline::layout(
                    &d.0,
                    l,
                    mode.get(),
                    &d.1,
                    &f,
                    Scale { px_per_day: z.unwrap_or(0.0), ..Scale::default() },
                )
            })
        })
    });
    let selected_item = Memo::new(move |_| {
        let sel = ws.selected.get()?;
        data.with(|d| d.0.iter().position(|i| (i.article, i.statement) == sel))
    });

    let kept_count = move || {
        let f = filter.get();
        data.with(|d| (d.0.iter().filter(|i| f.keeps(i)).count(), d.0.len()))
    };
    let set_mode = move |m: LaneMode| change_filter(filter, |f| f.set_mode(m));
    let set_pane = move |p: Pane| {
        pane.set(p);
        url::set("view", p.param(), true);
    };
    let zoom_by = move |factor: f64| {
        let fitted = layout.with_untracked(|l| l.px_per_day);
        let next = params::zoomed(zoom.get_untracked(), fitted, factor);
        zoom.set(Some(next));
        url::set("zoom", Some(&params::zoom_param(next)), false);
    };
    let scroller = NodeRef::<leptos::html::Div>::new();
    // The visible part of the drawing (scroll top, height), so a long timeline draws only the
    // cards near it.
    // In SVG units: the drawing is scaled to the panel's width.
    let viewport = RwSignal::new((
        0.0,
        window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(1000.0),
    ));
    let units_per_px = move || {
        scroller
            .get_untracked()
            .and_then(|s| s.query_selector(".tl-canvas").ok().flatten())
            .and_then(|canvas| {
                let units = canvas.get_attribute("data-width")?.parse::<f64>().ok()?;
                let px = canvas.get_bounding_client_rect().width();
                (px > 0.0).then(|| units / px)
            })
            .unwrap_or(1.0)
    };
    // How far the drawing is scrolled sideways, in SVG units: the date labels move along, so
    // they stay on screen when many lanes scroll past the panel.
    let scroll_x = RwSignal::new(0.0);
    let on_scroll = move || {
        if let Some(s) = scroller.get_untracked() {
            let k = units_per_px();
            viewport.set((f64::from(s.scroll_top()) * k, f64::from(s.client_height()) * k));
            let x = f64::from(s.scroll_left()) * k;
            if x != scroll_x.get_untracked() {
                scroll_x.set(x);
            }
        }
    };
    // Keep the selected item in view in the timeline: scroll to where the layout put its card
    // (drawn or not), then let the browser bring the drawn card fully into view.
    Effect::new(move |_| {
        let Some(i) = selected_item.get() else { return };
        if table.get() {
            return;
        }
        let Some(s) = scroller.get() else { return };
        if let Some(y) =
            layout.with_untracked(|l| l.items.iter().find(|p| p.item == i).map(|p| p.y))
        {
            let k = units_per_px();
            let (top, height) = (f64::from(s.scroll_top()) * k, f64::from(s.client_height()) * k);
            let y = y + HEADER_H;
            let card = Scale::default().card;
            if y < top || y + card > top + height {
                s.set_scroll_top(((y - (height - card) / 2.0).max(0.0) / k) as i32);
                on_scroll();
            }
        }
        request_animation_frame(move || {
            if let Some(el) = scroller
                .get_untracked()
                .and_then(|s| s.query_selector(&format!("[data-item=\"{i}\"]")).ok().flatten())
            {
                super::scroll::reveal(&el, super::scroll::Place::Nearest);
            }
        });
    });

    view! {
        <section class="timeline-panel" class:pane-relations=move || relations.get() aria-labelledby="tl-title">
            <div class="tl-head">
                <h2 id="tl-title">{t("timeline.title")}</h2>
                <span class="tl-count">{move || { let (k, n) = kept_count(); if k == n { locale::number(lang(), n) } else { fill("timeline.kept", &[("kept", &locale::number(lang(), k)), ("total", &locale::number(lang(), n))]) } }}</span>
                <div class="tabs" role="group" aria-label=t("timeline.view")>
                    <button aria-pressed=move || (pane.get() == Pane::Timeline).to_string() on:click=move |_| set_pane(Pane::Timeline)>{t("timeline.timeline")}</button>
                    <button aria-pressed=move || table.get().to_string() on:click=move |_| set_pane(Pane::Table)>{t("timeline.table")}</button>
                    <button aria-pressed=move || relations.get().to_string() on:click=move |_| set_pane(Pane::Relations)>{t("timeline.relations")}</button>
                </div>
            </div>
            {move || (!relations.get()).then(|| view! { <Filters ws data filter /> })}
            // Hidden lanes filter the table too, so their chips show in both views.
            {move || (!relations.get()).then(|| view! { <HiddenChips filter show=Callback::new(move |lane| hide_lane(lane, false)) /> })}
            <div class="tl-tools" class:hidden=move || table.get() || relations.get()>
                <span role="group" aria-label=t("timeline.lanes")>{t("timeline.lanes_label")}
                    <button class="chip" aria-pressed=move || (mode.get() == LaneMode::Country).to_string() on:click=move |_| set_mode(LaneMode::Country)>{t("timeline.by_country")}</button>
                    <button class="chip" aria-pressed=move || (mode.get() == LaneMode::Speaker).to_string() on:click=move |_| set_mode(LaneMode::Speaker)>{t("timeline.by_speaker")}</button>
                </span>
                <span role="group" aria-label=t("timeline.zoom")>
                    <button class="chip" title=t("timeline.zoom_out_title") aria-label=t("timeline.zoom_out") on:click=move |_| zoom_by(0.5)>"\u{2212}"</button>
                    <button class="chip" title=t("timeline.zoom_in_title") aria-label=t("timeline.zoom_in") on:click=move |_| zoom_by(2.0)>"+"</button>
                </span>
            </div>
            <div
                class="tl-scroll"
                node_ref=scroller
                tabindex="0"
                aria-label=t("timeline.scroll_label")
                on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                    "+" | "=" => { ev.prevent_default(); zoom_by(2.0) }
                    "-" | "_" => { ev.prevent_default(); zoom_by(0.5) }
                    _ => {}
                }
                on:wheel=move |ev: web_sys::WheelEvent| if ev.ctrl_key() { ev.prevent_default(); zoom_by(if ev.delta_y() < 0.0 { 1.25 } else { 0.8 }) }
                on:scroll=move |_| on_scroll()
            >
                {move || if relations.get() {
                    view! { <RelationsView ws /> }.into_any()
                } else if table.get() {
                    view! { <StatementTable ws data filter /> }.into_any()
                } else {
                    let hide = Callback::new(move |lane: String| hide_lane(lane, true));
                    view! { <TimelineSvg ws data lanes layout selected_item screen_px viewport scroll_x hide /> }.into_any()
                }}
            </div>
            {move || (!relations.get()).then(|| view! { <TimelineLegend /> })}
            <CorrectionEditor ws />
            <ExportMenu ws />
        </section>
    }
}
