//! Fetching an article the user asked for (`?src=`) and turning the answer into
//! [`Article`]s (one, a corpus, an index's, or a statements file's with their rows), or into
//! a [`LoadError`] that names the URL and the cause. Also files dropped on the page and
//! pasted text.

use std::fmt;

use gloo_net::http::Request;

use leptos::prelude::*;

use super::i18n::tr;
use crate::article::{self, Article, ArticleError, Input};
use crate::export::statements::read::Reopened;
use crate::export::statements::StatementRow;
use crate::locale;
use crate::open::{self, Kept, Opened};

/// The article opened when the page has no `?src=`: the seed, served from `public/articles/`.
pub const DEFAULT_SRC: &str = "articles/mali-russia-2024-03-18.json";

/// The examples the app bar offers: (message key of its name, `?src=` and other parameters).
/// The corpus (`public/examples/`, public-domain reports with their sources and licences)
/// opens on its relations.
pub const EXAMPLES: [(&str, &str); 2] = [
    ("examples.seed", "?src=articles/mali-russia-2024-03-18.json"),
    ("examples.corpus", "?src=examples/sahel-russia-2007-2024.json&view=relations"),
];

/// Why an article could not be opened. Each variant carries the URL so the message names it.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// `src` is not an address the app will fetch (unparseable, or not http/https).
    BadUrl { src: String, reason: String },
    /// The request never got an answer (offline, DNS, CORS refused…).
    Network { url: String, reason: String },
    /// The server answered with an error status.
    Http { url: String, status: u16, status_text: String },
    /// The answer came, but is not a readable article.
    Article { url: String, error: ArticleError },
}

/// The message in the interface language of the moment (the reasons were worded in the
/// language of the moment the load failed).
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = super::i18n::lang_plain();
        let fill = |key, args: &[(&str, &dyn fmt::Display)]| locale::fill(lang, key, args);
        f.write_str(&match self {
            LoadError::BadUrl { src, reason } => {
                fill("load.bad_url", &[("src", src), ("reason", reason)])
            }
            LoadError::Network { url, reason } => {
                fill("load.network", &[("url", url), ("reason", reason)])
            }
            LoadError::Http { url, status, status_text } => {
                let text = if status_text.is_empty() { http_reason(*status) } else { status_text };
                fill("load.http", &[("url", url), ("status", status), ("text", &text)])
            }
            LoadError::Article { url, error } => {
                fill("load.article", &[("url", url), ("error", &error.message(lang))])
            }
        })
    }
}

fn http_reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Resolves `src` against `base` (the page, or an index's own URL) and accepts only http(s).
pub fn resolve_against(src: &str, base: &str) -> Result<String, LoadError> {
    let bad = |reason: &str| LoadError::BadUrl { src: src.to_string(), reason: reason.to_string() };
    let url = web_sys::Url::new_with_base(src.trim(), base)
        .map_err(|_| bad(tr("load.not_an_address")))?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        other => Err(bad(&super::i18n::fill("load.not_http", &[("protocol", &other)]))),
    }
}

/// Resolves `src` against the page (so relative paths work) and accepts only http(s).
pub fn resolve(src: &str) -> Result<String, LoadError> {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).ok_or_else(|| {
        LoadError::BadUrl { src: src.to_string(), reason: tr("load.no_location").into() }
    })?;
    resolve_against(src, &base)
}

/// What a load brought: the articles, and the index entries that failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub failures: Vec<LoadError>,
    /// For a statements file, each article's rows: the workspace rebuilds its analyses from
    /// them rather than analysing the articles (`export::statements::rebuild`).
    pub statements: Option<Vec<Vec<StatementRow>>>,
    pub origin: Origin,
}

/// Where a load came from, which decides whether "Recent" keeps it.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// The seed or an example, which ship with the app.
    Shipped,
    /// Fetched from this address (resolved).
    Url(String),
    File,
    Pasted,
    /// Reopened from "Recent", under this key.
    Recent(String),
}

impl Loaded {
    fn articles(articles: Vec<Article>) -> Loaded {
        Loaded { articles, failures: Vec::new(), statements: None, origin: Origin::Shipped }
    }

    fn reopened(reopened: Vec<Reopened>) -> Loaded {
        let (articles, rows) = reopened.into_iter().map(|r| (r.article, r.rows)).unzip();
        Loaded { articles, failures: Vec::new(), statements: Some(rows), origin: Origin::Shipped }
    }

    fn opened(
        opened: Opened,
        origin: Origin,
        shown: &str,
        index: &'static str,
    ) -> Result<Loaded, LoadError> {
        let loaded = match opened {
            Opened::Input(Input::Articles(articles)) => Loaded::articles(articles),
            Opened::Statements(reopened) => Loaded::reopened(reopened),
            Opened::Input(Input::Index(_)) => {
                return Err(LoadError::BadUrl { src: shown.to_string(), reason: tr(index).into() })
            }
        };
        Ok(Loaded { origin, ..loaded })
    }

    /// What "Recent" keeps of it.
    pub fn kept(&self, now: f64) -> Kept {
        let src = match &self.origin {
            Origin::Url(url) => Some(url.clone()),
            _ => None,
        };
        Kept { src, ..Kept::of(&self.articles, self.statements.as_deref(), now) }
    }
}

/// Whether `src` is the seed's or an example's address, which ship with the app.
fn shipped(src: &str) -> bool {
    src == DEFAULT_SRC
        || EXAMPLES
            .iter()
            .any(|(_, href)| href.trim_start_matches("?src=").split('&').next() == Some(src.trim()))
}

/// Fetches `url` (already resolved; `shown` is how the user wrote it) and reads it. Refuses a
/// body announced larger than the limit before downloading it.
async fn fetch_input(url: &str, shown: &str) -> Result<Opened, LoadError> {
    let network =
        |e: gloo_net::Error| LoadError::Network { url: shown.to_string(), reason: e.to_string() };
    let response = Request::get(url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: shown.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let announced = response.headers().get("content-length").and_then(|l| l.parse::<usize>().ok());
    if let Some(bytes) = announced.filter(|&b| b > article::MAX_BYTES) {
        return Err(LoadError::Article {
            url: shown.to_string(),
            error: ArticleError::TooLarge { bytes },
        });
    }
    let body = response.binary().await.map_err(network)?;
    open::open_bytes(&body, Some(shown))
        .map_err(|error| LoadError::Article { url: shown.to_string(), error })
}

/// Fetches `src` and reads it: one article, a corpus, or an index whose articles are fetched
/// concurrently (relative URLs against the index), `progress` counting (done, total). An
/// index keeps going past a failed article; it fails only when none loads.
pub async fn load(
    src: String,
    progress: RwSignal<Option<(usize, usize)>>,
) -> Result<Loaded, LoadError> {
    let url = resolve(&src)?;
    let origin = if shipped(&src) { Origin::Shipped } else { Origin::Url(url.clone()) };
    match fetch_input(&url, &src).await? {
        Opened::Input(Input::Index(entries)) => {
            let total = entries.len();
            progress.set(Some((0, total)));
            let fetches = entries.into_iter().map(|entry| {
                let base = url.clone();
                async move {
                    let result = match resolve_against(&entry, &base) {
                        Ok(u) => fetch_input(&u, &entry).await,
                        Err(e) => Err(e),
                    };
                    progress.update(|p| {
                        if let Some((done, _)) = p {
                            *done += 1;
                        }
                    });
                    result
                }
            });
            let mut loaded = Loaded { origin, ..Loaded::articles(Vec::new()) };
            for result in futures::future::join_all(fetches).await {
                match result {
                    Ok(Opened::Input(Input::Articles(mut a))) => loaded.articles.append(&mut a),
                    Ok(Opened::Input(Input::Index(_))) => loaded.failures.push(LoadError::BadUrl {
                        src: src.clone(),
                        reason: tr("load.nested_index").into(),
                    }),
                    Ok(Opened::Statements(_)) => loaded.failures.push(LoadError::BadUrl {
                        src: src.clone(),
                        reason: tr("load.statements_in_index").into(),
                    }),
                    Err(e) => loaded.failures.push(e),
                }
            }
            progress.set(None);
            if loaded.articles.is_empty() {
                return Err(loaded
                    .failures
                    .into_iter()
                    .next()
                    .unwrap_or(LoadError::Article { url: src, error: ArticleError::NoArticles }));
            }
            Ok(loaded)
        }
        opened => Loaded::opened(opened, origin, &src, "load.nested_index"),
    }
}

/// Reads a dropped or chosen file.
pub async fn load_file(file: web_sys::File) -> Result<Loaded, LoadError> {
    let name = file.name();
    let fail = |error| LoadError::Article { url: name.clone(), error };
    if file.size() > article::MAX_BYTES as f64 {
        return Err(fail(ArticleError::TooLarge { bytes: file.size() as usize }));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|_| {
        LoadError::Network { url: name.clone(), reason: tr("load.unreadable_file").into() }
    })?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let opened = open::open_bytes(&bytes, Some(&name)).map_err(fail)?;
    Loaded::opened(opened, Origin::File, &name, "load.index_dropped")
}

/// Reads pasted text (an article as JSON or text, or a corpus).
pub fn load_text(text: &str) -> Result<Loaded, LoadError> {
    let fail = |error| LoadError::Article { url: tr("load.pasted").into(), error };
    let opened = open::open_text(text, Some("pasted")).map_err(fail)?;
    Loaded::opened(opened, Origin::Pasted, tr("load.pasted"), "load.index_pasted")
}

/// Reopens what "Recent" kept under `key`.
pub async fn load_recent(key: String) -> Result<Loaded, LoadError> {
    let gone = |reason: String| LoadError::BadUrl { src: key.clone(), reason };
    let kept = super::recent::get(&key).await.map_err(&gone)?;
    let kept = kept.ok_or_else(|| gone(tr("recent.gone").into()))?;
    let opened =
        kept.reopen().map_err(|error| LoadError::Article { url: kept.title.clone(), error })?;
    Loaded::opened(opened, Origin::Recent(key.clone()), &key, "load.index_dropped")
}
