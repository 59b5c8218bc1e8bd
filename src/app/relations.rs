//! The relations view: two parties (a dyad) and how they speak of each other over time, a
//! bar per period and direction coloured by its mean tone, with a table alternative and the
//! statements of a period listed, each opening its sentence in the reader. Everything shown
//! is computed by `analysis::relations`; this module draws it and keeps `?dyad=a,b`.
//!
//! Keyboard: the chart is one tab stop; ←/→ move between the periods that have statements,
//! Home/End to the first and last, Enter or Space lists a period's statements.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::i18n::{count, fill, lang, t, tr};
use super::state::Ws;
use super::url;
use crate::analysis::corpus::cast::slug;
use crate::analysis::relations::{self, Dyad, Series};
use crate::analysis::{Analysis, Tone};
use crate::export;

/// The drawing: width, the most a bar reaches from the axis, the room above and below.
const W: f64 = 420.0;
const HALF: f64 = 64.0;
const TOP: f64 = 22.0;
const LABEL_ROOM: f64 = 60.0;
const H: f64 = TOP + 2.0 * HALF + 34.0;

fn refs(v: &[super::state::Shared]) -> Vec<&Analysis> {
    v.iter().map(|a| a.0.as_ref()).collect()
}

fn tone_class(t: Option<Tone>) -> &'static str {
    match t {
        Some(Tone::Cooperative) => "rel-bar-cooperative",
        Some(Tone::Conflictual) => "rel-bar-conflictual",
        _ => "rel-bar-neutral",
    }
}

#[component]
pub fn RelationsView(ws: Ws) -> impl IntoView {
    let param = RwSignal::new(url::get("dyad"));
    url::on_history_change(move || param.set(url::get("dyad")));
    let pairs = Memo::new(move |_| {
        let cast = ws.cast.get();
        ws.shown.with(|v| relations::pairs(&refs(v), &cast.0))
    });
    let dyad = Memo::new(move |_| {
        let cast = ws.cast.get();
        let asked = param.get().and_then(|p| relations::parse_dyad(&cast.0, &p));
        asked.or_else(|| pairs.with(|p| relations::default_dyad(p, &cast.0)))
    });
    let series = Memo::new(move |_| {
        let cast = ws.cast.get();
        let d = dyad.get()?;
        Some(ws.shown.with(|v| relations::series(&refs(v), &cast.0, d)))
    });
    // The period whose statements are listed.
    let picked = RwSignal::new(None::<usize>);
    // A statement selected elsewhere (the reader, the timeline) picks its period, also when
    // the series it is in arrives after it was selected (a link opened: the selection is
    // known when the reader's analysis is, the series a task later).
    Effect::new(move |_| {
        let Some((a, s)) = ws.selected.get() else { return };
        let at = relations::StatementRef { article: a, statement: s };
        let found = series.with(|s| s.as_ref().and_then(|s| relations::bucket_of(s, at)));
        if found.is_some() {
            picked.set(found);
        }
    });
    let set_dyad = move |d: Dyad| {
        let value = ws.cast.with_untracked(|c| relations::format_dyad(&c.0, d));
        url::set("dyad", Some(&value), true);
        param.set(Some(value));
        picked.set(None);
    };
    let name = move |i: usize| {
        ws.cast.with(|c| c.0.actors.get(i).map(|a| a.name.clone()).unwrap_or_default())
    };

    let choose = move || {
        let Some(d) = dyad.get() else { return ().into_any() };
        let choices = ws.cast.with(|c| pairs.with(|p| relations::party_choices(p, &c.0)));
        let select = move |side: bool, current: usize| {
            let options = choices
                .iter()
                .map(|&i| {
                    let n = name(i);
                    let value = slug(&n);
                    view! { <option value=value selected=i == current>{n}</option> }
                })
                .collect_view();
            let label = if side { t("relations.party_a") } else { t("relations.party_b") };
            view! {
                <label>{label}" "
                    <select class=if side { "rel-a" } else { "rel-b" } on:change=move |ev| {
                        let chosen = ws.cast.with_untracked(|c| c.0.find(&event_target_value(&ev)));
                        let Some(x) = chosen else { return };
                        let other = if side { d.b } else { d.a };
                        if x == other {
                            set_dyad(Dyad { a: d.b, b: d.a });
                        } else if side {
                            set_dyad(Dyad { a: x, b: d.b });
                        } else {
                            set_dyad(Dyad { a: d.a, b: x });
                        }
                    }>{options}</select>
                </label>
            }
        };
        view! {
            <div class="rel-choose">
                {select(true, d.a)}
                <button class="chip rel-swap" title=t("relations.swap_title") aria-label=t("relations.swap_title")
                    on:click=move |_| set_dyad(Dyad { a: d.b, b: d.a })>"\u{21c4}"</button>
                {select(false, d.b)}
            </div>
        }
        .into_any()
    };

    let summary = move || {
        let (Some(d), Some(s)) = (dyad.get(), series.get()) else { return String::new() };
        let lang = lang();
        let period = match s.period {
            relations::Period::Month => tr("relations.by_month"),
            relations::Period::Week => tr("relations.by_week"),
        };
        let span = match (s.buckets.first(), s.buckets.last()) {
            (Some(f), Some(l)) => fill(
                "relations.span",
                &[
                    ("from", &f.label(s.period, lang)),
                    ("to", &l.label(s.period, lang)),
                    ("period", &period),
                ],
            ),
            _ => String::new(),
        };
        let forward: usize = s.buckets.iter().map(|b| b.forward.len()).sum();
        let backward: usize = s.buckets.iter().map(|b| b.backward.len()).sum();
        let mut out = fill(
            "relations.summary",
            &[
                ("a", &name(d.a)),
                ("b", &name(d.b)),
                ("ab", &count("workspace.statements", forward, &[])),
                ("ba", &count("workspace.statements", backward, &[])),
            ],
        );
        if !span.is_empty() {
            out.push(' ');
            out.push_str(&span);
        }
        if !s.undated.is_empty() {
            out.push(' ');
            out.push_str(&count("relations.undated", s.undated.len(), &[]));
        }
        out
    };

    let chart = move || {
        let (Some(d), Some(s)) = (dyad.get(), series.get()) else { return ().into_any() };
        view! { <Chart s d name picked /> }.into_any()
    };
    let table = move || {
        let (Some(d), Some(s)) = (dyad.get(), series.get()) else { return ().into_any() };
        let lang = lang();
        let rows = s
            .buckets
            .iter()
            .enumerate()
            .filter(|(_, b)| !b.forward.is_empty() || !b.backward.is_empty())
            .map(|(i, b)| {
                let tone = |x: Option<f64>| x.map(|x| relations::tone_label(x, lang)).unwrap_or_default();
                let label = b.label(s.period, lang);
                view! {
                    <tr class:picked=move || picked.get() == Some(i)>
                        <th scope="row"><button class="link" on:click=move |_| picked.set(Some(i))>{label}</button></th>
                        <td>{b.forward.len()}</td><td>{tone(b.forward_tone)}</td>
                        <td>{b.backward.len()}</td><td>{tone(b.backward_tone)}</td>
                    </tr>
                }
            })
            .collect_view();
        let (a, b) = (name(d.a), name(d.b));
        let ab = fill("relations.direction", &[("from", &a), ("to", &b)]);
        let ba = fill("relations.direction", &[("from", &b), ("to", &a)]);
        let tone_ab = fill("relations.tone_of", &[("direction", &ab)]);
        let tone_ba = fill("relations.tone_of", &[("direction", &ba)]);
        view! {
            <details class="rel-table-wrap">
                <summary>{t("relations.table")}</summary>
                <table class="rel-table">
                    <caption>{t("relations.table_caption")}</caption>
                    <thead><tr><th scope="col">{t("relations.period")}</th><th scope="col">{ab}</th><th scope="col">{tone_ab}</th><th scope="col">{ba}</th><th scope="col">{tone_ba}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        }
        .into_any()
    };

    let listing = move || {
        let (Some(i), Some(s)) = (picked.get(), series.get()) else {
            return view! { <p class="rel-hint">{t("relations.pick_hint")}</p> }.into_any();
        };
        let Some(bucket) = s.buckets.get(i).cloned() else { return ().into_any() };
        let lang = lang();
        let listed =
            ws.cast.with(|c| ws.shown.with(|v| relations::listing(&refs(v), &c.0, &bucket)));
        let heading = fill(
            "relations.period_heading",
            &[
                ("period", &bucket.label(s.period, lang)),
                ("count", &count("workspace.statements", listed.len(), &[])),
            ],
        );
        let items = listed
            .into_iter()
            .map(|l| {
                let key = (l.at.article, l.at.statement);
                let current = move || ws.selected.get() == Some(key);
                let date = l.date.map(|d| d.short_in(lang)).unwrap_or_default();
                let who = fill("relations.direction", &[("from", &l.speaker), ("to", &l.target)]);
                let category = tr(l.category.label_key());
                let tone = relations::tone_label(l.tone, lang);
                let content = crate::analysis::timeline::snippet(&l.content, 140);
                view! {
                    <li>
                        <button class="rel-statement" aria-current=move || current().then_some("true")
                            on:click=move |_| ws.select_shown(Some(key))>
                            <span class="date">{date}</span>" "
                            <strong>{who}</strong>" "
                            <span class="rel-category">{category}" · "{tone}</span>
                            <span class="rel-content">{l.cue}": \u{201c}"{content}"\u{201d}"</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="rel-list" aria-live="polite">
                <h3>{heading}</h3>
                <ol>{items}</ol>
            </section>
        }
        .into_any()
    };

    let error = RwSignal::new(None::<String>);
    let download = move |json: bool| {
        let (Some(d), Some(s)) = (dyad.get_untracked(), series.get_untracked()) else { return };
        let cast = ws.cast.get_untracked();
        let stem = relations::format_dyad(&cast.0, d).replace(',', "-");
        let result = if json {
            let articles = ws.articles.get_value();
            let arts: Vec<&crate::article::Article> = articles.iter().map(|a| a.as_ref()).collect();
            // `shown`, which the cast and the series were made from.
            let content = ws
                .shown
                .with_untracked(|v| export::relations::series_json(&arts, &refs(v), &cast.0, &s));
            super::exports::download(
                &format!("relations-{stem}.json"),
                "application/json",
                &content,
            )
        } else {
            let content = export::relations::series_csv(&cast.0, &s);
            super::exports::download(
                &format!("relations-{stem}.csv"),
                "text/csv;charset=utf-8",
                &content,
            )
        };
        error.set(result.err());
    };

    view! {
        <div class="relations">
            {move || if pairs.with(Vec::is_empty) {
                view! { <p class="rel-empty">{t("relations.none")}</p> }.into_any()
            } else {
                view! {
                    <div>
                        {choose}
                        <p class="rel-summary">{summary}</p>
                        {chart}
                        <p class="rel-legend" aria-hidden="true">
                            <span class="swatch rel-bar-cooperative"></span>{t("relations.tone_cooperative")}
                            <span class="swatch rel-bar-neutral"></span>{t("relations.tone_neutral")}
                            <span class="swatch rel-bar-conflictual"></span>{t("relations.tone_conflictual")}
                        </p>
                        {table}
                        {listing}
                        <p class="rel-export">
                            <button class="chip" on:click=move |_| download(false)>{t("relations.export_csv")}</button>
                            <button class="chip" on:click=move |_| download(true)>{t("relations.export_json")}</button>
                            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
                        </p>
                    </div>
                }.into_any()
            }}
        </div>
    }
}

/// The bar chart of a series: A → B above the axis, B → A below.
#[component]
fn Chart(
    s: Series,
    d: Dyad,
    name: impl Fn(usize) -> String + Copy + Send + Sync + 'static,
    picked: RwSignal<Option<usize>>,
) -> impl IntoView {
    let lang = lang();
    let bars = relations::chart(&s, W, HALF, LABEL_ROOM);
    let axis = TOP + HALF;
    let with_statements: Vec<usize> = s
        .buckets
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.forward.is_empty() || !b.backward.is_empty())
        .map(|(i, _)| i)
        .collect();
    // The one tab stop: the picked period, else the first with statements.
    let first = with_statements.first().copied();
    let stop = move || picked.get().or(first);
    let with_statements = StoredValue::new(with_statements);
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let focus = move |i: usize| {
        picked.set(Some(i));
        if let Some(el) = svg
            .get_untracked()
            .and_then(|s| s.query_selector(&format!("[data-bucket=\"{i}\"]")).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
        {
            let _ = el.focus();
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent, i: usize| {
        let list = with_statements.get_value();
        let pos = list.iter().position(|&x| x == i);
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => pos.and_then(|p| list.get(p + 1)).copied(),
            "ArrowLeft" | "ArrowUp" => {
                pos.and_then(|p| p.checked_sub(1)).and_then(|p| list.get(p)).copied()
            }
            "Home" => list.first().copied(),
            "End" => list.last().copied(),
            "Enter" | " " => {
                ev.prevent_default();
                picked.set(Some(i));
                None
            }
            _ => return,
        };
        if let Some(n) = next {
            ev.prevent_default();
            focus(n);
        }
    };
    let (a, b) = (name(d.a), name(d.b));
    let ab = fill("relations.direction", &[("from", &a), ("to", &b)]);
    let ba = fill("relations.direction", &[("from", &b), ("to", &a)]);
    let chart_label = fill("relations.chart_label", &[("a", &a), ("b", &b)]);
    // The period labels under the axis, apart from the bars: a label is wider than its bar and
    // must not take the clicks of the next period.
    let ticks = bars
        .iter()
        .filter(|bar| bar.labelled)
        .map(|bar| {
            let short = s.buckets[bar.bucket].short_label(s.period, lang);
            view! { <text class="rel-tick" x=bar.x y=TOP + 2.0 * HALF + 16.0>{short}</text> }
        })
        .collect_view();
    let groups = bars
        .into_iter()
        .map(|bar| {
            let bucket = &s.buckets[bar.bucket];
            let i = bar.bucket;
            let (nf, nb) = (bucket.forward.len(), bucket.backward.len());
            let tone = |x: Option<f64>| x.map(|x| relations::tone_label(x, lang)).unwrap_or_else(|| "—".into());
            let label = fill(
                "relations.bar_label",
                &[
                    ("period", &bucket.label(s.period, lang)),
                    ("ab", &ab),
                    ("n_ab", &nf),
                    ("tone_ab", &tone(bucket.forward_tone)),
                    ("ba", &ba),
                    ("n_ba", &nb),
                    ("tone_ba", &tone(bucket.backward_tone)),
                ],
            );
            let empty = nf + nb == 0;
            let inner = (bar.width - 2.0).max(1.0);

            view! {
                <g class="rel-period" class:picked=move || picked.get() == Some(i) data-bucket=i
                    role=(!empty).then_some("button") aria-label=(!empty).then_some(label.clone())
                    tabindex=move || (!empty).then(|| if stop() == Some(i) { "0" } else { "-1" })
                    on:click=move |_| if !empty { picked.set(Some(i)) }
                    on:keydown=move |ev| on_key(ev, i)>
                    <title>{label.clone()}</title>
                    <rect class="rel-hit" x=bar.x y=TOP width=bar.width height=2.0 * HALF></rect>
                    {(nf > 0).then(|| view! { <rect class=format!("rel-bar {}", tone_class(bar.forward_tone)) x=bar.x + 1.0 y=axis - bar.forward width=inner height=bar.forward></rect> })}
                    {(nb > 0).then(|| view! { <rect class=format!("rel-bar {}", tone_class(bar.backward_tone)) x=bar.x + 1.0 y=axis width=inner height=bar.backward></rect> })}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="rel-chart" node_ref=svg viewBox=format!("0 0 {W} {H}") role="group" aria-label=chart_label>
            <text class="rel-dir" x="0" y="14">{format!("\u{2191} {ab}")}</text>
            <text class="rel-dir" x="0" y=H - 4.0>{format!("\u{2193} {ba}")}</text>
            <line class="rel-axis" x1="0" x2=W y1=axis y2=axis></line>
            {groups}
            <g class="rel-ticks" aria-hidden="true">{ticks}</g>
        </svg>
    }
}
