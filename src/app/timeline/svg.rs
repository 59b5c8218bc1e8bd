//! The timeline's drawing: lanes, the date axis, event bars and statement cards, placed by
//! [`timeline::layout`] and [`Frame`]; only the stretch near the view is drawn. And its legend.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::timeline::{self, Event, Frame, Item, Scale, HEADER_H};
use crate::analysis::{Category, Confidence, Tone};
use crate::app::i18n::{fill, lang, t, tr};
use crate::app::state::Ws;
use crate::locale;

/// The least vertical room between two drawn axis or event labels, in SVG units.
const LABEL_GAP: f64 = 14.0;

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

#[component]
pub(super) fn TimelineSvg(
    ws: Ws,
    data: Memo<Arc<(Vec<Item>, Vec<Event>)>>,
    lanes: Memo<Vec<String>>,
    layout: Memo<timeline::Layout>,
    selected_item: Memo<Option<usize>>,
    screen_px: f64,
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
        // Wider than the panel when the lanes need it: the drawing then scrolls sideways.
        let frame = Frame::new(screen_px, &l, lane_names.len());
        let Frame { panel_width, width, lanes_x, lane_w } = frame;
        let d = data.get();
        let header_h = HEADER_H;
        let height = l.height + header_h;
        let lane_heads = lane_names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let x = frame.lane_x(i);
                let full = timeline::lane_label(lang, name);
                let shown = timeline::snippet(&full, frame.lane_name_chars());
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
                        <line x1=timeline::AXIS_W - 6.0 x2=width y1=y y2=y></line>
                        {room.then(|| view! { <text x=timeline::AXIS_W - 10.0 y=y + 4.0 text-anchor="end" transform=move || format!("translate({},0)", scroll_x.get())>{t.label(lang)}</text> })}
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
                        let x = Frame::event_x(p.column);
                        let (y0, y1) = (p.y0 + header_h, p.y1 + header_h);
                        // The bar drawn only within the window: a fuzzy bar's dashed outline
                        // over a long timeline's whole height (millions of dashes) would take
                        // the browser minutes to raster.
                        let bar0 = y0.max(lo + header_h - 40.0);
                        let bar1 = y1.min(hi + header_h + 40.0).max(bar0);
                        let title = p.title(&d.1, lang);
                        let label = timeline::snippet(&e.label, 48);
                        let aria = title.clone();
                        view! {
                            <g class="event" role="img" aria-label=aria>
                                <title>{title}</title>
                                <rect class=if e.fuzzy { "event-bar fuzzy" } else { "event-bar" } x=x + 2.0 y=bar0 width=timeline::EVENT_COL - 4.0 height=(bar1 - bar0).max(4.0) rx="3"></rect>
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
                let x = frame.lane_x(p.lane) + 3.0;
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
                        on:click=move |_| ws.select_shown(Some(key))
                        on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); ws.select_shown(Some(key)) }
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
pub(super) fn TimelineLegend() -> impl IntoView {
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
