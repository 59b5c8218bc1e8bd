//! The statement table: the statements the timeline's filters keep, sortable by column, a
//! page at a time on a long article. The whole row selects its statement (the number is its
//! keyboard control); the sentence, the column people read, comes right after the speaker and
//! wraps; a corpus's table says which article each statement comes from.

use std::sync::Arc;

use leptos::prelude::*;

use super::i18n::{count, fill, lang, t, tr};
use super::state::Ws;
use crate::analysis::table::{self, SortKey};
use crate::analysis::timeline::{self, Event, Filter, Item};
use crate::locale;

/// Rows of the statement table shown at first, and added by "Show more": a 5 MB article has
/// ~50,000 statements, which as table rows would take the page minutes to build.
const TABLE_PAGE: usize = 500;

#[component]
pub fn StatementTable(
    ws: Ws,
    data: Memo<Arc<(Vec<Item>, Vec<Event>)>>,
    filter: RwSignal<Filter>,
) -> impl IntoView {
    let sort = RwSignal::new((SortKey::Order, true));
    let sentence_text = move |item: &Item| -> String {
        ws.shown.with(|v| {
            ws.pages.with_untracked(|pages| {
                let s = &v[item.article].0.sentences[item.sentence].span;
                pages[item.article].text[s.start_byte..s.end_byte].to_string()
            })
        })
    };
    let header = move |key: SortKey, label: &'static str| {
        let label = move || if label == "#" { "#" } else { tr(label) };
        let state = move || {
            let (k, asc) = sort.get();
            if k != key {
                "none"
            } else if asc {
                "ascending"
            } else {
                "descending"
            }
        };
        view! {
            <th scope="col" aria-sort=state>
                <button class="sort" on:click=move |_| sort.update(|(k, asc)| if *k == key { *asc = !*asc } else { *k = key; *asc = true })>{label}</button>
            </th>
        }
    };
    // The rows in table order; a long article's table shows them a page at a time.
    let order = Memo::new(move |_| {
        let (key, asc) = sort.get();
        data.with(|d| filter.with(|f| table::order(&d.0, f, key, asc, lang())))
    });
    let shown = RwSignal::new(TABLE_PAGE);
    // A corpus's table says which article each statement comes from.
    let corpus = ws.articles.with_value(|a| a.len() > 1);
    let article_label = move |k: usize, lang| {
        ws.articles.with_value(|a| {
            a.get(k).map(|a| timeline::snippet(a.headline_in(lang).text(), 48)).unwrap_or_default()
        })
    };
    let rows = move || {
        let d = data.get();
        let lang = lang();
        order
            .get()
            .into_iter()
            .take(shown.get())
            .map(|i| {
                let item = d.0[i].clone();
                let key = (item.article, item.statement);
                let sentence = sentence_text(&item);
                let selected = move || ws.selected.get() == Some(key);
                view! {
                    // The whole row selects its statement; the number is its keyboard control.
                    <tr class:selected=selected data-item=i on:click=move |_| ws.select_shown(Some(key))>
                        <td><button class="link" aria-label=fill("table.show_statement", &[("n", &(i + 1))])>{i + 1}</button></td>
                        {corpus.then(|| view! { <td class="article-col">{article_label(item.article, lang)}</td> })}
                        <td>{item.speaker.clone()}{(!item.co_speakers.is_empty()).then(|| format!(" {}", fill("table.with", &[("names", &item.co_speakers.join(", "))])))}</td>
                        <td class="sentence">{sentence}</td>
                        <td>{item.role.clone().unwrap_or_default()}</td>
                        <td>{timeline::lane_label(lang, &item.country)}</td>
                        <td>{item.cue.clone()}{item.negated.then(|| tr("timeline.not_mark"))}{item.corrected.then(|| tr("timeline.corrected_mark"))}</td>
                        <td><span class=format!("tone tone-{}", item.tone.key())>{tr(item.category.label_key())}</span></td>
                        <td>{item.target.clone().unwrap_or_default()}</td>
                        <td>{item.date.map(|d| d.short_in(lang)).unwrap_or_default()}</td>
                        <td class=format!("confidence confidence-{}", item.confidence.key())>{item.confidence_label(lang)}<span class="why">{item.why(lang)}</span></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <table class="statements">
            <caption class="sr-only">{t("table.caption")}</caption>
            <thead>
                <tr>
                    {header(SortKey::Order, "#")}
                    {corpus.then(|| view! { <th scope="col">{t("table.article")}</th> })}
                    {header(SortKey::Speaker, "table.speaker")}
                    <th scope="col">{t("table.sentence")}</th>
                    <th scope="col">{t("table.role")}</th>
                    {header(SortKey::Country, "table.country")}
                    <th scope="col">{t("table.cue")}</th>
                    {header(SortKey::Category, "table.category")}
                    {header(SortKey::Target, "table.target")}
                    {header(SortKey::Date, "table.date")}
                    <th scope="col">{t("table.attribution")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {move || {
            let total = order.with(Vec::len);
            let now = shown.get().min(total);
            (now < total).then(|| view! {
                <p class="more-rows">
                    {fill("table.shown", &[("shown", &locale::number(lang(), now)), ("total", &locale::number(lang(), total))])}" "
                    <button class="chip" on:click=move |_| shown.update(|n| *n += TABLE_PAGE)>{count("table.show_more", TABLE_PAGE.min(total - now), &[])}</button>
                </p>
            })
        }}
    }
}
