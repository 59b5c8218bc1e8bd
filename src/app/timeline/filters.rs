//! The timeline's filters (speaker, country, category, theme, dates, sure attributions only)
//! and the chips of the lanes the user hid. What each select offers is
//! [`table::FilterOptions::choices`]; what a control sets is [`Filter::set`].

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::table::{self, Choice};
use crate::analysis::timeline::params::Field;
use crate::analysis::timeline::{self, Event, Filter, Item};
use crate::app::i18n::{fill, lang, tr};
use crate::app::state::Ws;

#[component]
pub(super) fn Filters(
    ws: Ws,
    data: Memo<Arc<(Vec<Item>, Vec<Event>)>>,
    filter: RwSignal<Filter>,
) -> impl IntoView {
    let set =
        move |field: Field, value: String| super::change_filter(filter, |f| f.set(field, &value));
    let select = move |field: Field, label: &'static str, choices: Vec<Choice>, current: String| {
        let options = choices
            .into_iter()
            .map(|c| {
                let selected = c.value == current;
                view! { <option value=c.value selected=selected>{c.label}</option> }
            })
            .collect_view();
        view! {
            <label>{tr(label)} <select on:change=move |ev| set(field, event_target_value(&ev))>
                <option value="">{tr("common.all")}</option>{options}</select></label>
        }
    };
    move || {
        let f = filter.get();
        let lang = lang();
        let choices = ws.shown.with(|v| {
            let legend = v.first().map(|a| a.0.themes.as_slice()).unwrap_or_default();
            data.with(|d| table::filter_options(&d.0)).choices(lang, legend)
        });
        let day = |d: Option<crate::article::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let category = f.category.map(|c| c.key().to_string()).unwrap_or_default();
        view! {
            <div class="tl-filters">
                {select(Field::Speaker, "table.speaker", choices.speakers, f.speaker.clone().unwrap_or_default())}
                {select(Field::Country, "table.country", choices.countries, f.country.clone().unwrap_or_default())}
                {select(Field::Category, "table.category", choices.categories, category)}
                {select(Field::Theme, "timeline.theme", choices.themes, f.theme.clone().unwrap_or_default())}
                <label>{tr("timeline.from")} <input type="date" class="tl-from" prop:value=day(f.from)
                    on:change=move |ev| set(Field::From, event_target_value(&ev)) /></label>
                <label>{tr("timeline.to")} <input type="date" class="tl-to" prop:value=day(f.to)
                    on:change=move |ev| set(Field::To, event_target_value(&ev)) /></label>
                <label class="tl-confident" title=tr("timeline.confident_title")>
                    <input type="checkbox" checked=f.confident_only
                        on:change=move |ev| set(Field::Confident, if event_target_checked(&ev) { "1".to_string() } else { String::new() }) />
                    {tr("timeline.confident")}
                </label>
            </div>
        }
    }
}

/// The lanes the user hid, each a chip that shows it again.
#[component]
pub(super) fn HiddenChips(filter: RwSignal<Filter>, show: Callback<String>) -> impl IntoView {
    move || {
        let hidden = filter.with(|f| f.hidden_lanes.clone());
        (!hidden.is_empty()).then(|| {
            let lang = lang();
            let chips = hidden
                .into_iter()
                .map(|lane| {
                    let name = timeline::lane_label(lang, &lane);
                    let label = fill("timeline.show_lane", &[("lane", &name)]);
                    view! { <button class="chip" aria-label=label on:click=move |_| show.run(lane.clone())>{name}" +"</button> }
                })
                .collect_view();
            view! { <span class="tl-hidden" role="group" aria-label=tr("timeline.hidden_lanes")>{tr("timeline.hidden_lanes")}" "{chips}</span> }
        })
    }
}
