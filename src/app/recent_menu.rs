//! The app bar's "Recent" menu: what `recent` keeps, newest first, each reopened by its link
//! (`?recent=KEY`) and forgotten by its button, and the storage the browser gives the
//! explorer. Entries that could not be read were set aside; their notices show here.

use leptos::prelude::*;

use super::i18n::{fill, lang, t};
use super::recent;
use crate::article::Date;
use crate::locale::{self, Language};
use crate::open::Kept;

/// What the menu shows, read again each time `version` changes.
#[derive(Clone, Default)]
struct Listing {
    kept: Vec<Kept>,
    notices: Vec<String>,
    usage: Option<(f64, f64)>,
    problem: Option<String>,
}

#[component]
pub fn RecentMenu(version: RwSignal<u32>) -> impl IntoView {
    let listing = RwSignal::new(Listing::default());
    Effect::new(move |_| {
        version.track();
        leptos::task::spawn_local(async move {
            let read = recent::list().await;
            let usage = recent::usage().await;
            // A set-aside entry is reported by the read that moved it: its notice stays
            // through later reads.
            let mut notices = listing.with_untracked(|l| l.notices.clone());
            listing.set(match read {
                Ok((kept, mut found)) => {
                    notices.append(&mut found);
                    Listing { kept, notices, usage, problem: None }
                }
                Err(problem) => {
                    Listing { notices, usage, problem: Some(problem), ..Listing::default() }
                }
            });
        });
    });
    let entries = move || {
        listing
            .with(|l| l.kept.clone())
            .into_iter()
            .map(|k| {
                let href =
                    format!("?recent={}", String::from(js_sys::encode_uri_component(&k.key)));
                let entry = k.clone();
                let forget = move |_| {
                    let entry = entry.clone();
                    leptos::task::spawn_local(async move {
                        match recent::forget(&entry).await {
                            Ok(()) => version.update(|v| *v += 1),
                            Err(problem) => listing.update(|l| l.problem = Some(problem)),
                        }
                    });
                };
                let title = k.title.clone();
                let meta = move || describe(&k, lang());
                view! {
                    <li>
                        <a href=href>{title}</a>
                        <span class="recent-meta">{meta}</span>
                        <button class="link" on:click=forget>{t("recent.forget")}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="recent bar-menu">
            <summary>{t("recent.menu")} {move || listing.with(|l| (!l.kept.is_empty()).then(|| format!(" ({})", l.kept.len())))}</summary>
            <div class="recent-panel">
                {move || listing.with(|l| l.kept.is_empty()).then(|| view! { <p class="hint">{t("recent.empty")}</p> })}
                <ul>{entries}</ul>
                {move || listing.with(|l| l.notices.clone()).into_iter().map(|n| view! { <p class="notice" role="status">{n}</p> }).collect_view()}
                {move || listing.with(|l| l.problem.clone()).map(|p| view! { <p class="form-error">{p}</p> })}
                {move || listing.with(|l| l.usage).map(|(used, quota)| view! {
                    <p class="recent-usage">{move || fill("recent.usage", &[("used", &size(used, lang())), ("quota", &size(quota, lang()))])}</p>
                })}
            </div>
        </details>
    }
}

/// "3 articles · 45 KB · kept 2 Mar 2025".
fn describe(k: &Kept, lang: Language) -> String {
    let what = if k.statements {
        locale::text(lang, "recent.statements").to_string()
    } else {
        locale::count(lang, "recent.articles", k.articles, &[])
    };
    let day = js_sys::Date::new(&k.kept_at.into());
    let kept =
        Date::new(day.get_full_year() as i32, day.get_month() as u8 + 1, day.get_date() as u8)
            .map(|d| d.short_in(lang))
            .unwrap_or_default();
    format!(
        "{what} · {} · {}",
        size(k.bytes as f64, lang),
        locale::fill(lang, "recent.kept_on", &[("date", &kept)])
    )
}

/// A size in bytes as KB, MB or GB, in `lang`'s number format.
fn size(bytes: f64, lang: Language) -> String {
    let (value, unit) = match bytes {
        b if b >= 1e9 => (b / 1e9, "GB"),
        b if b >= 1e6 => (b / 1e6, "MB"),
        b => ((b / 1e3).max(0.1), "KB"),
    };
    let unit = if lang == Language::French { unit.replace('B', "o") } else { unit.to_string() };
    format!("{}\u{a0}{unit}", locale::decimal(lang, value))
}
