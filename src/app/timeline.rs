//! The statements timeline (its table is `table.rs`): an SVG drawn from
//! [`analysis::timeline::layout`](crate::analysis::timeline::layout), filters, lanes by country
//! or speaker, zoom, and selection linked with the reader.
//!
//! URL parameters: `lanes=speaker`, `view=table`, `speaker=`, `country=`, `category=`,
//! `theme=`, `from=` / `to=` (days, `YYYY-MM-DD`), `hide=` (lanes, separated by `|`) (filters),
//! `zoom=` (pixels per day).
//!
//! Many lanes: each is at least [`MIN_LANE_W`] wide and the drawing scrolls sideways past the
//! panel; a lane's name is cut to its width (the full name in its tooltip) and its × hides it.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::corrections::CorrectionEditor;
use super::exports::ExportMenu;
use super::i18n::{fill, lang, t, tr};
use super::relations::RelationsView;
use super::state::Ws;
use super::table::StatementTable;
use super::url;
use crate::analysis::table;
use crate::analysis::timeline::{self, Event, Filter, Item, LaneMode, Scale};
use crate::analysis::{Category, Confidence, Tone};
use crate::article::Date;
use crate::locale;

/// Height of the lane names above the drawing, in SVG units.
const HEADER_H: f64 = 26.0;

/// Width of the drawing in SVG units (scaled to the panel); narrower on a phone.
fn drawing_width() -> f64 {
    let w = window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1200.0);
    if w < 600.0 {
        360.0
    } else {
        540.0
    }
}

/// The narrowest a lane gets, in SVG units: a card still shows a name and a few words.
const MIN_LANE_W: f64 = 120.0;
/// The least vertical room between two drawn axis or event labels, in SVG units.
const LABEL_GAP: f64 = 14.0;
/// Separates hidden lanes in the `hide=` parameter (lane names hold commas: "Washington, D.C.").
const HIDE_SEP: char = '|';

/// Room for the date axis labels: "15 janv. 2024" is the longest.
const AXIS_W: f64 = 92.0;
const EVENT_COL: f64 = 12.0;

fn tone_colour(t: Tone) -> &'static str {
    match t {
        Tone::Cooperative => "#009E73",
        Tone::Neutral => "#7a7a7a",
        Tone::Conflictual => "#D55E00",
    }
}

/// The category's marker: an SVG path centred on (0, 0), about 10 units wide.
fn category_shape(c: Category) -> &'static str {
    match c {
        Category::Praise => "M0,-5 L1.5,-1.5 L5,-1.5 L2.2,0.8 L3.2,4.5 L0,2.3 L-3.2,4.5 L-2.2,0.8 L-5,-1.5 L-1.5,-1.5 Z",
        Category::Cooperate => "M-4.5,-4.5 H4.5 V4.5 H-4.5 Z",
        Category::Aid => "M-1.6,-5 H1.6 V-1.6 H5 V1.6 H1.6 V5 H-1.6 V1.6 H-5 V-1.6 H-1.6 Z",
        Category::Appeal => "M0,-5 L5,4.5 H-5 Z",
        Category::Criticize => "M-5,-3 L-3,-5 L0,-2 L3,-5 L5,-3 L2,0 L5,3 L3,5 L0,2 L-3,5 L-5,3 L-2,0 Z",
        Category::Reject => "M-5,-1.8 H5 V1.8 H-5 Z",
        Category::Neutral => "M0,-5 A5,5 0 1,1 0,5 A5,5 0 1,1 0,-5 Z",
    }
}

fn read_mode() -> LaneMode {
    if url::get("lanes").as_deref() == Some("speaker") {
        LaneMode::Speaker
    } else {
        LaneMode::Country
    }
}

fn read_filter() -> Filter {
    let get = |k: &str| url::get(k).filter(|v| !v.is_empty());
    let day = |k: &str| get(k).and_then(|v| Date::parse_iso(&v).ok());
    Filter {
        speaker: get("speaker"),
        country: get("country"),
        category: get("category").and_then(|c| Category::from_key(&c)),
        theme: get("theme"),
        confident_only: get("confident").as_deref() == Some("1"),
        from: day("from"),
        to: day("to"),
        hidden_lanes: get("hide")
            .map(|h| h.split(HIDE_SEP).filter(|s| !s.is_empty()).map(str::to_string).collect())
            .unwrap_or_default(),
        lane_mode: read_mode(),
    }
}

#[component]
pub fn TimelinePanel(ws: Ws) -> impl IntoView {
    let data = Memo::new(move |_| {
        let cast = ws.cast.get();
        let (items, events) = ws.analyses.with(|v| {
            timeline::collect_with(&v.iter().map(|s| s.0.as_ref()).collect::<Vec<_>>(), &cast.0)
        });
        Arc::new((items, events))
    });
    let pane = RwSignal::new(Pane::from_url());
    let table = Memo::new(move |_| pane.get() == Pane::Table);
    let relations = Memo::new(move |_| pane.get() == Pane::Relations);
    let filter = RwSignal::new(read_filter());
    // The lane mode is the filter's (hidden lanes are lanes of one mode): one owner, not two.
    let mode = Memo::new(move |_| filter.with(|f| f.lane_mode));
    let zoom = RwSignal::new(
        url::get("zoom").and_then(|z| z.parse::<f64>().ok()).filter(|z| *z > 0.0).unwrap_or(0.0),
    );
    url::on_history_change(move || {
        pane.set(Pane::from_url());
        filter.set(read_filter());
    });
    let width = drawing_width();
    // The lanes shown: every lane of the statements but the hidden ones.
    let all_lanes = Memo::new(move |_| data.with(|d| timeline::lanes(&d.0, mode.get())));
    let lanes = Memo::new(move |_| {
        let hidden = filter.with(|f| f.hidden_lanes.clone());
        all_lanes.get().into_iter().filter(|l| !hidden.contains(l)).collect::<Vec<_>>()
    });
    let hide_lane = move |lane: String, hide: bool| {
        let mut hidden = filter.with_untracked(|f| f.hidden_lanes.clone());
        hidden.retain(|l| *l != lane);
        if hide {
            hidden.push(lane);
        }
        let joined = hidden.join(&HIDE_SEP.to_string());
        url::set("hide", (!joined.is_empty()).then_some(joined.as_str()), true);
        filter.set(read_filter());
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
                    Scale { px_per_day: z, ..Scale::default() },
                )
            })
        })
    });
    let selected_item = Memo::new(move |_| {
        let sel = ws.selected.get()?;
        data.with(|d| d.0.iter().position(|i| (i.article, i.statement) == sel))
    });

    let set_filter = move |key: &'static str, value: String| {
        url::set(key, (!value.is_empty()).then_some(value.as_str()), true);
        filter.set(read_filter());
    };
    let options = move |values: Vec<(String, String)>, current: Option<String>| {
        values
            .into_iter()
            .map(|(value, label)| {
                let selected = current.as_deref() == Some(value.as_str());
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let filters = move || {
        let f = filter.get();
        let lang = lang();
        let offered = data.with(|d| table::filter_options(&d.0));
        let speakers: Vec<(String, String)> =
            offered.speakers.into_iter().map(|s| (s.clone(), s)).collect();
        let countries: Vec<(String, String)> = offered
            .countries
            .into_iter()
            .map(|c| {
                let label = timeline::lane_label(lang, &c);
                (c, label)
            })
            .collect();
        let categories: Vec<(String, String)> = Category::ALL
            .into_iter()
            .map(|c| (c.key().to_string(), tr(c.label_key()).to_string()))
            .collect();
        let theme_names: Vec<(String, String)> = ws.analyses.with(|v| {
            v.first()
                .map(|a| a.0.themes.iter().map(|th| (th.id.clone(), th.name_in(lang))).collect())
                .unwrap_or_default()
        });
        let themes: Vec<(String, String)> =
            theme_names.into_iter().filter(|(id, _)| offered.themes.contains(id)).collect();
        view! {
            <div class="tl-filters">
                <label>{tr("table.speaker")} <select on:change=move |ev| set_filter("speaker", event_target_value(&ev))>
                    <option value="">{tr("common.all")}</option>{options(speakers, f.speaker.clone())}</select></label>
                <label>{tr("table.country")} <select on:change=move |ev| set_filter("country", event_target_value(&ev))>
                    <option value="">{tr("common.all")}</option>{options(countries, f.country.clone())}</select></label>
                <label>{tr("table.category")} <select on:change=move |ev| set_filter("category", event_target_value(&ev))>
                    <option value="">{tr("common.all")}</option>{options(categories, f.category.map(|c| c.key().to_string()))}</select></label>
                <label>{tr("timeline.theme")} <select on:change=move |ev| set_filter("theme", event_target_value(&ev))>
                    <option value="">{tr("common.all")}</option>{options(themes, f.theme.clone())}</select></label>
                <label>{tr("timeline.from")} <input type="date" class="tl-from" prop:value=f.from.map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| set_filter("from", event_target_value(&ev)) /></label>
                <label>{tr("timeline.to")} <input type="date" class="tl-to" prop:value=f.to.map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| set_filter("to", event_target_value(&ev)) /></label>
                <label class="tl-confident" title=tr("timeline.confident_title")>
                    <input type="checkbox" checked=f.confident_only
                        on:change=move |ev| set_filter("confident", if event_target_checked(&ev) { "1".to_string() } else { String::new() }) />
                    {tr("timeline.confident")}
                </label>
            </div>
        }
    };
    let kept_count = move || {
        let f = filter.get();
        data.with(|d| (d.0.iter().filter(|i| f.keeps(i)).count(), d.0.len()))
    };
    let set_mode = move |m: LaneMode| {
        url::set("lanes", (m == LaneMode::Speaker).then_some("speaker"), true);
        // Hidden lanes are lanes of one mode: a new mode starts with every lane.
        url::set("hide", None, false);
        filter.set(read_filter());
    };
    // The lanes the user hid, each a chip that shows it again.
    let hidden_chips = move || {
        let hidden = filter.with(|f| f.hidden_lanes.clone());
        (!hidden.is_empty()).then(|| {
            let lang = lang();
            let chips = hidden
                .into_iter()
                .map(|lane| {
                    let name = timeline::lane_label(lang, &lane);
                    let label = fill("timeline.show_lane", &[("lane", &name)]);
                    view! { <button class="chip" aria-label=label on:click=move |_| hide_lane(lane.clone(), false)>{name}" +"</button> }
                })
                .collect_view();
            view! { <span class="tl-hidden" role="group" aria-label=tr("timeline.hidden_lanes")>{tr("timeline.hidden_lanes")}" "{chips}</span> }
        })
    };
    let set_pane = move |p: Pane| {
        pane.set(p);
        url::set("view", p.param(), true);
    };
    let zoom_by = move |factor: f64| {
        let current = if zoom.get_untracked() > 0.0 {
            zoom.get_untracked()
        } else {
            auto_px_per_day(&data.get_untracked().1, &data.get_untracked().0)
        };
        let next = (current * factor).clamp(0.0005, 400.0);
        zoom.set(next);
        url::set("zoom", Some(&format!("{next:.4}")), false);
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
            {move || (!relations.get()).then(filters)}
            // Hidden lanes filter the table too, so their chips show in both views.
            {move || (!relations.get()).then(hidden_chips)}
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
                    view! { <TimelineSvg ws data lanes layout selected_item width viewport scroll_x hide /> }.into_any()
                }}
            </div>
            {move || (!relations.get()).then(|| view! { <TimelineLegend /> })}
            <CorrectionEditor ws />
            <ExportMenu ws />
        </section>
    }
}

/// What the panel shows (`view=`): the timeline, its table, or the relations of a dyad.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pane {
    Timeline,
    Table,
    Relations,
}

impl Pane {
    fn from_url() -> Pane {
        match url::get("view").as_deref() {
            Some("table") => Pane::Table,
            Some("relations") => Pane::Relations,
            _ => Pane::Timeline,
        }
    }

    fn param(self) -> Option<&'static str> {
        match self {
            Pane::Timeline => None,
            Pane::Table => Some("table"),
            Pane::Relations => Some("relations"),
        }
    }
}

/// The scale the layout picks when not zoomed (so zoom steps start from what is shown).
fn auto_px_per_day(events: &[Event], items: &[Item]) -> f64 {
    let dates =
        items.iter().filter_map(|i| i.date).chain(events.iter().flat_map(|e| [e.start, e.end]));
    let (min, max) =
        dates.fold((i64::MAX, i64::MIN), |(lo, hi), d| (lo.min(d.to_days()), hi.max(d.to_days())));
    timeline::AUTO_SPAN_PX / (max - min).max(1) as f64
}

#[component]
fn TimelineSvg(
    ws: Ws,
    data: Memo<Arc<(Vec<Item>, Vec<Event>)>>,
    lanes: Memo<Vec<String>>,
    layout: Memo<timeline::Layout>,
    selected_item: Memo<Option<usize>>,
    width: f64,
    viewport: RwSignal<(f64, f64)>,
    scroll_x: RwSignal<f64>,
    hide: Callback<String>,
) -> impl IntoView {
    // The stretch of the drawing near the view: only its cards and event bars are drawn.
    let window = Memo::new(move |_| {
        let (top, height) = viewport.get();
        timeline::view_window(top - HEADER_H, height)
    });
    move || {
        let l = Arc::new(layout.get());
        let lane_names = lanes.get();
        let lang = lang();
        let event_cols = l.events.iter().map(|e| e.column + 1).max().unwrap_or(0) as f64;
        let lanes_x = AXIS_W + event_cols * EVENT_COL + 6.0;
        let n_lanes = lane_names.len().max(1) as f64;
        // Wider than the panel when the lanes need it: the drawing then scrolls sideways.
        let panel_width = width;
        let width = width.max(lanes_x + n_lanes * MIN_LANE_W);
        let lane_w = (width - lanes_x) / n_lanes;
        let d = data.get();
        let header_h = HEADER_H;
        let height = l.height + header_h;
        let lane_heads = lane_names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let x = lanes_x + i as f64 * lane_w;
                let full = timeline::lane_label(lang, name);
                // About 7 units a character at 12px bold; the × takes the last 18 units.
                let shown = timeline::snippet(&full, ((lane_w - 30.0) / 7.0).max(4.0) as usize);
                let (lane, lane_key) = (name.clone(), name.clone());
                let hide_label = fill("timeline.hide_lane", &[("lane", &full)]);
                let hide_title = hide_label.clone();
                view! {
                    <g class="lane">
                        <title>{full.clone()}</title>
                        <rect class="lane-bg" x=x y=header_h width=lane_w - 4.0 height=l.height></rect>
                        <text class="lane-name" x=x + 6.0 y="17">{shown}</text>
                        <text class="lane-hide" x=x + lane_w - 16.0 y="17" role="button" tabindex="0" aria-label=hide_label
                            on:click=move |_| hide.run(lane.clone())
                            on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); hide.run(lane_key.clone()) }
                        ><title>{hide_title}</title>"\u{d7}"</text>
                    </g>
                }
            })
            .collect_view();
        // Zoomed out, labels would print over each other: only those with room are drawn.
        let tick_ys: Vec<f64> = l.ticks.iter().map(|t| t.y).collect();
        let bands: Vec<bool> = l.ticks.iter().map(|t| t.band).collect();
        let ticks = l
            .ticks
            .iter()
            .zip(timeline::readable(&tick_ys, &bands, LABEL_GAP))
            .map(|(t, room)| {
                let y = t.y + header_h;
                view! {
                    <g class=if t.band { "tick band" } else { "tick" }>
                        <line x1=AXIS_W - 6.0 x2=width y1=y y2=y></line>
                        {room.then(|| view! { <text x=AXIS_W - 10.0 y=y + 4.0 text-anchor="end" transform=move || format!("translate({},0)", scroll_x.get())>{t.label(lang)}</text> })}
                    </g>
                }
            })
            .collect_view();
        // Event labels likewise, by event (index into the events).
        let event_ys: Vec<f64> = l.events.iter().map(|e| e.y0).collect();
        let mut event_room = vec![false; d.1.len()];
        for (p, room) in l.events.iter().zip(timeline::readable(&event_ys, &[], LABEL_GAP)) {
            event_room[p.event] = room;
        }
        let events = {
            let (l, d) = (l.clone(), d.clone());
            let event_room = Arc::new(event_room);
            move || {
                let (lo, hi) = window.get();
                l.in_window(lo, hi, 0.0)
                    .1
                    .into_iter()
                    .map(|p| {
                        let e = &d.1[p.event];
                        let x = AXIS_W + p.column as f64 * EVENT_COL;
                        let (y0, y1) = (p.y0 + header_h, p.y1 + header_h);
                        // The bar drawn only within the window: a fuzzy bar's dashed outline
                        // over a long timeline's whole height (millions of dashes) would take
                        // the browser minutes to raster.
                        let bar0 = y0.max(lo + header_h - 40.0);
                        let bar1 = y1.min(hi + header_h + 40.0).max(bar0);
                        let title = e.title(lang);
                        let label = timeline::snippet(&e.label, 48);
                        let aria = title.clone();
                        view! {
                            <g class="event" role="img" aria-label=aria>
                                <title>{title}</title>
                                <rect class=if e.fuzzy { "event-bar fuzzy" } else { "event-bar" } x=x + 2.0 y=bar0 width=EVENT_COL - 4.0 height=(bar1 - bar0).max(4.0) rx="3"></rect>
                                {event_room[p.event].then(|| view! { <text class="event-label" x=lanes_x + 4.0 y=y0 + 12.0>{format!("\u{21b3} {label}")}</text> })}
                            </g>
                        }
                    })
                    .collect_view()
            }
        };
        let card_h = Scale::default().card - 8.0;
        // Keyed, so cards that stay near the view keep their nodes (and focus) as it moves.
        let items = {
            let (l, d) = (l.clone(), d.clone());
            let each = move || {
                let (lo, hi) = window.get();
                l.in_window(lo, hi, Scale::default().card)
                    .0
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            };
            let card = move |p: timeline::PlacedItem| {
                let item = &d.0[p.item];
                let i = p.item;
                let x = lanes_x + p.lane as f64 * lane_w + 3.0;
                let y = p.y + header_h + 4.0;
                let w = lane_w - 10.0;
                let key = (item.article, item.statement);
                // The accessible name starts with the card's visible text, then adds what the
                // card shows only as shape and colour.
                let label = item.card_label(lang);
                let colour = tone_colour(item.tone);
                let shape = category_shape(item.category);
                let (speaker, cue, snippet) =
                    (item.speaker.clone(), item.cue.clone(), item.snippet.clone());
                let corrected = item.corrected;
                let negated = item.negated;
                let unsure = item.confidence != Confidence::High;
                let aria = label.clone();
                view! {
                    <g
                        class="item"
                        class:selected=move || selected_item.get() == Some(i)
                        data-item=i
                        data-lane=lane_names.get(p.lane).cloned().unwrap_or_default()
                        data-category=item.category.key()
                        role="button"
                        tabindex="0"
                        aria-label=aria
                        aria-pressed=move || (selected_item.get() == Some(i)).to_string()
                        on:click=move |_| ws.select(Some(key))
                        on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); ws.select(Some(key)) }
                    >
                        <title>{label}</title>
                        <rect class="card" x=x y=y width=w height=card_h rx="5" style:stroke=colour></rect>
                        <path d=shape transform=format!("translate({},{})", x + 11.0, y + 12.0) fill=colour></path>
                        <foreignObject x=x + 20.0 y=y + 2.0 width=w - 24.0 height=card_h - 4.0>
                            <div class="card-text">
                                <span class="card-head">
                                    <b>{speaker}</b>" " <span class="cue">{cue}</span>
                                    {corrected.then(|| view! { <span class="corrected-mark">{tr("timeline.corrected_mark")}</span> })}
                                    {negated.then(|| view! { <span class="negated-mark">{tr("timeline.not_mark")}</span> })}
                                    {unsure.then(|| view! { <span class="unsure-mark">" ?"</span> })}
                                </span>
                                " "<span class="snippet">{snippet}</span>
                            </div>
                        </foreignObject>
                    </g>
                }
            };
            view! { <For each key=|p: &timeline::PlacedItem| p.item children=card /> }
        };
        // Before the first analysis arrives there is nothing to filter yet.
        let empty_key = if ws.analyst.analysed() { "timeline.empty" } else { "timeline.pending" };
        let empty = l.items.is_empty().then(|| view! { <text class="empty" x=lanes_x + 6.0 y=header_h + 40.0>{tr(empty_key)}</text> });
        // The drawing is `height` units tall (hundreds of thousands on a long article): a
        // canvas that tall holds an SVG only as tall as the window near the view, moved along
        // with it, so the browser never paints (or rasters) more than that.
        let part = move || {
            let (lo, hi) = window.get();
            let hi = hi.min(height);
            let lo = lo.min(hi);
            (lo, hi - lo)
        };
        view! {
            <div class="tl-canvas" data-height=height data-width=width style:width=format!("{}%", width / panel_width * 100.0) style:aspect-ratio=format!("{width} / {height}")>
            <svg
                class="timeline"
                viewBox=move || { let (lo, h) = part(); format!("0 {lo} {width} {h}") }
                width=width
                height=move || part().1
                style:top=move || format!("{}%", part().0 / height * 100.0)
                style:height=move || format!("{}%", part().1 / height * 100.0)
                role="group"
                aria-label=locale::text(lang, l.unit.label_key())
            >
                {lane_heads}
                {ticks}
                {events}
                {items}
                {empty}
            </svg>
            </div>
        }
    }
}

#[component]
fn TimelineLegend() -> impl IntoView {
    let categories = Category::ALL
        .into_iter()
        .map(|c| {
            view! {
                <li>
                    <svg viewBox="-6 -6 12 12" width="12" height="12" aria-hidden="true"><path d=category_shape(c) fill="currentColor"></path></svg>
                    " " {t(c.label_key())}
                </li>
            }
        })
        .collect_view();
    let tones = [Tone::Cooperative, Tone::Neutral, Tone::Conflictual]
        .into_iter()
        .map(|tone| {
            view! {
                <li>
                    <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill=tone_colour(tone)></rect></svg>
                    " " {t(tone.label_key())}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="tl-legend">
            <ul aria-label=t("timeline.shapes")>{categories}</ul>
            <ul aria-label=t("timeline.colours")>{tones}
                <li><svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true"><rect class="event-bar fuzzy" x="3" width="6" height="12" rx="2"></rect></svg>" "{t("timeline.event_legend")}</li>
            </ul>
        </div>
    }
}
