//! Fetching an article the user asked for (`?src=`) and turning the answer into an
//! [`Article`], or into a [`LoadError`] that names the URL and the cause.

use std::fmt;

use gloo_net::http::Request;

use crate::article::{self, Article, ArticleError};

/// The article opened when the page has no `?src=`: the seed, served from `public/articles/`.
pub const DEFAULT_SRC: &str = "articles/mali-russia-2024-03-18.json";

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

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::BadUrl { src, reason } => write!(f, "Cannot open \"{src}\": {reason}"),
            LoadError::Network { url, reason } => write!(
                f,
                "Could not load {url}: the request failed ({reason}). Check the address and your \
                 connection; another site's file also needs that server to allow cross-origin requests (CORS)"
            ),
            LoadError::Http { url, status, status_text } => {
                let text = if status_text.is_empty() { http_reason(*status) } else { status_text };
                write!(f, "Could not load {url}: the server answered HTTP {status} {text}")
            }
            LoadError::Article { url, error } => write!(f, "Could not read {url}. {error}"),
        }
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

/// Resolves `src` against the page (so relative paths work) and accepts only http(s).
pub fn resolve(src: &str) -> Result<String, LoadError> {
    let bad = |reason: &str| LoadError::BadUrl { src: src.to_string(), reason: reason.to_string() };
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .ok_or_else(|| bad("the page has no location to resolve it against"))?;
    let url = web_sys::Url::new_with_base(src.trim(), &base)
        .map_err(|_| bad("it is not a valid web address"))?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        other => Err(bad(&format!("only http and https addresses can be loaded, not {other}"))),
    }
}

/// Fetches `src` and reads it as one article (project JSON or dateline text, detected) or as
/// a corpus (a JSON array of articles).
pub async fn load_articles(src: String) -> Result<Vec<Article>, LoadError> {
    let url = resolve(&src)?;
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|e| LoadError::Network { url: src.clone(), reason: e.to_string() })?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: src,
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let body = response
        .text()
        .await
        .map_err(|e| LoadError::Network { url: src.clone(), reason: e.to_string() })?;
    article::read_all(&body, Some(&src)).map_err(|error| LoadError::Article { url: src, error })
}
