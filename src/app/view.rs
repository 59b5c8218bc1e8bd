//! The page frame: the app bar, the loading state, the workspace (reader and timeline) once
//! the articles are in, or the load failure.

use leptos::prelude::*;

use super::load::{self, LoadError};
use super::workspace::Workspace;

/// The whole app: reads `?src=` (default: the seed article), loads it and shows it.
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
    let shown_src = src.clone();
    let article = LocalResource::new(move || load::load_articles(src.clone()));
    view! {
        <header class="app-bar">
            <a class="brand" href="./">"Article Explorer"</a>
        </header>
        <main
            class=move || if matches!(article.get(), Some(Ok(_))) { "page wide" } else { "page" }
            aria-busy=move || article.get().is_none().to_string()
        >
            {move || match article.get() {
                None => view! { <Loading src=shown_src.clone() /> }.into_any(),
                Some(Ok(articles)) => view! { <Workspace articles /> }.into_any(),
                Some(Err(error)) => view! { <LoadFailure error /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn Loading(src: String) -> impl IntoView {
    view! {
        <p class="status loading">
            <span class="spinner" aria-hidden="true"></span>
            "Loading " <code>{src}</code> "…"
        </p>
    }
}

#[component]
fn LoadFailure(error: LoadError) -> impl IntoView {
    view! {
        <section class="failure" role="alert">
            <h1>"This article could not be opened"</h1>
            <p class="detail">{error.to_string()}</p>
            <p><a href="./">"Open the default article"</a></p>
        </section>
    }
}
