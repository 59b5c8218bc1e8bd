//! The components: the page frame, the loading state, the article and the load failure.

use leptos::prelude::*;

use super::load::{self, LoadError};
use crate::article::{Article, Headline};

/// The whole app: reads `?src=` (default: the seed article), loads it and shows it.
///
/// `?debug=panic` panics on purpose, so the crash screen can be checked in any deployment.
#[component]
pub fn App() -> impl IntoView {
    if super::query_param("debug").as_deref() == Some("panic") {
        panic!("deliberate panic requested with ?debug=panic");
    }
    let src = super::query_param("src")
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| load::DEFAULT_SRC.to_string());
    let shown_src = src.clone();
    let article = LocalResource::new(move || load::load_article(src.clone()));
    view! {
        <header class="app-bar">
            <a class="brand" href="./">"Article Explorer"</a>
        </header>
        <main class="page" aria-live="polite" aria-busy=move || article.get().is_none().to_string()>
            {move || match article.get() {
                None => view! { <Loading src=shown_src.clone() /> }.into_any(),
                Some(Ok(article)) => view! { <ArticleView article /> }.into_any(),
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

/// One article: headline, source, date, link to the original, paragraphs.
#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let headline = article.headline();
    let derived = matches!(headline, Headline::Derived(_));
    let date = article.date.map(|d| view! { <time datetime=d.to_string()>{d.long()}</time> });
    let source = article.source.clone().map(|s| view! { <span class="source">{s}</span> });
    let original = article.url.clone().map(|url| {
        view! { <a class="original" href=url target="_blank" rel="noopener noreferrer">"Original article"</a> }
    });
    let paragraphs = article
        .paragraphs
        .into_iter()
        .enumerate()
        .map(|(i, text)| view! { <p id=format!("p{}", i + 1)>{text}</p> })
        .collect_view();
    view! {
        <article class="article" lang=article.language>
            <header class="article-head">
                <h1 class:derived=derived>{headline.text().to_string()}</h1>
                {derived.then(|| view! {
                    <p class="headline-note">"Published without a headline; shown by its source and date."</p>
                })}
                <p class="meta">{source}{date}{original}</p>
            </header>
            <div class="article-body">{paragraphs}</div>
        </article>
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
