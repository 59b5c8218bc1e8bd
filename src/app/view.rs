//! The page frame: the app bar, the loading state, the workspace (reader and timeline) once
//! the articles are in, or the load failure.

use leptos::prelude::*;

use super::i18n::{fill, t, LanguageSwitch};
use super::load::{self, LoadError, Loaded, Origin};
use super::recent_menu::RecentMenu;
use super::workspace::Workspace;

/// The whole app: reads `?src=` (default: the seed article), loads it and shows it; a file
/// dropped on the page, chosen with "Open file…" or pasted replaces it. When a new load fails
/// while articles are open, they stay open and the error shows above them.
///
/// `?debug=panic` panics on purpose, so the crash screen can be checked in any deployment.
#[component]
pub fn App() -> impl IntoView {
    if super::url::get("debug").as_deref() == Some("panic") {
        panic!("deliberate panic requested with ?debug=panic");
    }
    let src = super::url::get("src")
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| load::DEFAULT_SRC.to_string());
    let state = RwSignal::new(None::<Result<Loaded, LoadError>>);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let problem = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    let embed = super::embed::is_embed();
    let new_version = super::offline::register();
    // "Recent": bumped when an entry is kept or forgotten, so the menu reads the list again.
    let recent_version = RwSignal::new(0u32);
    let not_kept = RwSignal::new(None::<String>);
    let accept = move |result: Result<Loaded, LoadError>| {
        let open = matches!(state.get_untracked(), Some(Ok(_)));
        match result {
            Ok(loaded) => {
                problem.set(None);
                not_kept.set(None);
                state.set(Some(Ok(loaded)));
                // Kept in "Recent" after the text paints: writing a long input out again for
                // the browser's store is no part of showing it.
                set_timeout(
                    move || {
                        state.with_untracked(|s| {
                            if let Some(Ok(loaded)) = s {
                                keep(loaded, not_kept, recent_version);
                            }
                        })
                    },
                    std::time::Duration::ZERO,
                );
            }
            Err(e) if open => problem.set(Some(e.to_string())),
            Err(e) => state.set(Some(Err(e))),
        }
    };
    let load_src = move |src: String| {
        leptos::task::spawn_local(async move { accept(load::load(src, progress).await) });
    };
    match super::url::get("recent") {
        Some(key) => leptos::task::spawn_local(async move { accept(load::load_recent(key).await) }),
        None => load_src(src.clone()),
    }
    let from_file = move |file: web_sys::File| {
        super::url::set("src", None, true);
        super::url::set("recent", None, false);
        leptos::task::spawn_local(async move { accept(load::load_file(file).await) });
    };
    super::embed::listen_for_host(move |src| {
        super::url::set("src", Some(&src), false);
        load_src(src);
    });
    drop_and_paste(dragging, from_file, move |text| {
        super::url::set("src", None, true);
        super::url::set("recent", None, false);
        accept(load::load_text(&text));
    });
    let shown_src = src.clone();
    let file_input = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            from_file(file);
        }
        input.set_value("");
    };
    view! {
        {(!embed).then(|| view! {
            <header class="app-bar">
                <a class="brand" href="./">"Article Explorer"</a>
                <span class="open-hint">
                    <label class="open-file">{t("bar.open_file")}
                        <input type="file" class="sr-only" accept=".json,.jsonld,.jsonl,.txt,.csv,application/json,text/plain,text/csv" on:change=file_input />
                    </label>
                    <span class="open-more">{t("bar.open_hint")}</span>
                </span>
                <RecentMenu version=recent_version />
                <details class="examples bar-menu">
                    <summary>{t("examples.menu")}</summary>
                    <ul>
                        {load::EXAMPLES.iter().map(|(key, href)| view! { <li><a href=*href>{t(key)}</a></li> }).collect_view()}
                    </ul>
                </details>
                <LanguageSwitch />
                {move || new_version.get().map(|waiting| view! {
                    <p class="new-version" role="status">{t("offline.new_version")}" "
                        <button class="chip" on:click=move |_| waiting.reload_on_new_version()>{t("offline.reload")}</button>
                    </p>
                })}
            </header>
        })}
        {move || problem.get().map(|p| view! {
            <p class="load-problem" role="alert">{p}
                {t("load.still_open")}
                <button class="link" on:click=move |_| problem.set(None)>{t("common.dismiss")}</button>
            </p>
        })}
        {move || not_kept.get().map(|p| view! {
            <p class="load-problem" role="alert">{p}" "
                <button class="link" on:click=move |_| not_kept.set(None)>{t("common.dismiss")}</button>
            </p>
        })}
        <main
            class=move || match (matches!(state.get(), Some(Ok(_))), embed) {
                (true, true) => "page wide embed",
                (true, false) => "page wide",
                _ => "page",
            }
            aria-busy=move || state.with(Option::is_none).to_string()
        >
            {move || match state.get() {
                None => view! { <Loading src=shown_src.clone() progress /> }.into_any(),
                Some(Ok(loaded)) => {
                    let failures = loaded.failures.clone();
                    view! {
                        {(!failures.is_empty()).then(|| view! { <IndexFailures failures loaded=loaded.articles.len() /> })}
                        <Workspace articles=loaded.articles statements=loaded.statements />
                    }
                    .into_any()
                }
                Some(Err(error)) => view! { <LoadFailure error /> }.into_any(),
            }}
        </main>
        <div class="drop-target" class:active=move || dragging.get() aria-hidden="true">
            <p>{t("bar.drop")}</p>
        </div>
    }
}

/// Keeps what was opened from a file, a paste or an address in "Recent". A file or a paste
/// then gets its address (`?recent=KEY`), so a reload, or a visit offline, reopens it. When
/// the browser refuses, the articles stay open and the message says so.
fn keep(loaded: &Loaded, problem: RwSignal<Option<String>>, version: RwSignal<u32>) {
    if matches!(loaded.origin, Origin::Shipped | Origin::Recent(_)) || super::embed::is_embed() {
        return;
    }
    let kept = loaded.kept(js_sys::Date::now());
    let addressed = matches!(loaded.origin, Origin::File | Origin::Pasted);
    leptos::task::spawn_local(async move {
        match super::recent::keep(&kept).await {
            Ok(()) => {
                if addressed {
                    super::url::set("recent", Some(&kept.key), false);
                }
                version.update(|v| *v += 1);
            }
            Err(reason) => problem.set(Some(fill("recent.not_kept", &[("reason", &reason)]))),
        }
    });
}

/// The articles of an index that could not be loaded, each with its reason.
#[component]
fn IndexFailures(failures: Vec<LoadError>, loaded: usize) -> impl IntoView {
    let total = failures.len() + loaded;
    view! {
        <section class="index-failures" role="status">
            <p>{move || fill("load.index_failures", &[("loaded", &loaded), ("total", &total)])}</p>
            <ul>{failures.into_iter().map(|f| view! { <li class="failed">{move || { super::i18n::lang(); f.to_string() }}</li> }).collect_view()}</ul>
        </section>
    }
}

/// Page-wide drag-and-drop of files and paste of text (outside form fields).
fn drop_and_paste(
    dragging: RwSignal<bool>,
    on_file: impl Fn(web_sys::File) + Clone + 'static,
    on_text: impl Fn(String) + 'static,
) {
    let over = window_event_listener(leptos::ev::dragover, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev: web_sys::DragEvent| {
        // Leaving the window (not just moving between elements) has no related target.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            on_file.clone()(file);
        }
    });
    let paste = window_event_listener(leptos::ev::paste, move |ev: web_sys::ClipboardEvent| {
        let in_field = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.closest("[contenteditable]").ok().flatten().is_some()
            });
        if in_field {
            return;
        }
        if let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .filter(|t| !t.trim().is_empty())
        {
            ev.prevent_default();
            on_text(text);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
        paste.remove();
    });
}

#[component]
fn Loading(src: String, progress: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
    view! {
        <p class="status loading">
            <span class="spinner" aria-hidden="true"></span>
            {t("load.loading")} <code>{src}</code> "…"
            {move || progress.get().map(|(done, total)| view! { <span class="progress">{fill("load.progress", &[("done", &done), ("total", &total)])}</span> })}
        </p>
    }
}

#[component]
fn LoadFailure(error: LoadError) -> impl IntoView {
    view! {
        <section class="failure" role="alert">
            <h1>{t("load.failed_title")}</h1>
            <p class="detail">{move || { super::i18n::lang(); error.to_string() }}</p>
            <p><a href="./">{t("load.open_default")}</a></p>
        </section>
    }
}
