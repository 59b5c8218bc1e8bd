//! What a file, a response or a pasted text holds: articles to analyse, an index of articles
//! to fetch, or a statements file to open as it was analysed. The one entry point of the
//! app's loads and of the bad-input catalogue. The article readers (`article`) and the
//! statements reader (`export::statements::read`) know nothing of each other; this module
//! tells them apart by the first bytes, so an article is never taken for a statements file
//! (one needs `"format": "article-explorer/statements"`, rows or the CSV header).
//!
//! [`Kept`] is an opened input as the browser keeps it for "Recent" (`app::recent`), in a
//! form this module opens again.

use serde::{Deserialize, Serialize};

use crate::article::{self, Article, ArticleError, Input};
use crate::export::statements::read::{self, Reopened};
use crate::export::statements::StatementRow;

/// What an opened input holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    /// Articles, a corpus, or an index (`article::read_input`).
    Input(Input),
    /// A statements file: per article, the article of its statements' sentences and its rows.
    Statements(Vec<Reopened>),
}

/// Opens a file or a response body: `article::text_of`'s checks, then [`open_text`].
pub fn open_bytes(bytes: &[u8], name: Option<&str>) -> Result<Opened, ArticleError> {
    open_text(article::text_of(bytes)?, name)
}

/// Opens a text: a statements file if it is one ([`read::form`]), else any input the article
/// readers read.
pub fn open_text(text: &str, name: Option<&str>) -> Result<Opened, ArticleError> {
    if text.len() > article::MAX_BYTES {
        return Err(ArticleError::TooLarge { bytes: text.len() });
    }
    match read::read(text) {
        Some(reopened) => reopened.map(Opened::Statements),
        None => article::read_input(text, name).map(Opened::Input),
    }
}

/// What the browser keeps of an opened input, for "Recent": its key, what to list it by, and
/// the input again as text [`open_text`] reads back (the articles as the project's JSON, or
/// a statements file as its JSON document), so it reopens as it was opened, offline too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    /// One entry per article (`article:ID`), per corpus (`corpus:N:FIRST:LAST`) or per
    /// statements file (`statements:N:FIRST:LAST`): opening it again replaces the entry.
    pub key: String,
    /// The first article's headline (derived from source and date when it has none).
    pub title: String,
    pub articles: usize,
    /// A statements file (shown as its statements' sentences).
    pub statements: bool,
    /// When it was kept, in milliseconds since 1970 (the browser's clock).
    pub kept_at: f64,
    /// The address it was fetched from, if it came from one (the service worker keeps a copy
    /// of that answer, which forgetting the entry removes too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    /// The size of `text`, in bytes.
    #[serde(default)]
    pub bytes: usize,
    /// The input, as [`Kept::reopen`] reads it. The browser keeps it apart from the rest, so
    /// listing what is kept does not read every text.
    #[serde(default)]
    pub text: String,
}

impl Kept {
    /// The entry for `articles` (with their statement rows, for a statements file).
    pub fn of(articles: &[Article], rows: Option<&[Vec<StatementRow>]>, kept_at: f64) -> Kept {
        // Compact: a statements file opened as CSV is smaller than its rows as JSON, and the
        // entry must reopen whatever its size ([`Kept::reopen`] sets no limit).
        let text = match rows {
            Some(rows) => rows.iter().flatten().map(|r| json_of(r) + "\n").collect(),
            None if articles.len() == 1 => json_of(&articles[0]),
            None => json_of(&articles),
        };
        let first = articles.first().map_or("", |a| a.id.as_str());
        let last = articles.last().map_or("", |a| a.id.as_str());
        let key = match (rows.is_some(), articles.len()) {
            (false, 1) => format!("article:{first}"),
            (false, n) => format!("corpus:{n}:{first}:{last}"),
            (true, n) => format!("statements:{n}:{first}:{last}"),
        };
        Kept {
            key,
            title: articles.first().map(|a| a.headline().text().to_string()).unwrap_or_default(),
            articles: articles.len(),
            statements: rows.is_some(),
            kept_at,
            src: None,
            bytes: text.len(),
            text,
        }
    }

    /// The input again, as it was opened. No size limit: it was within the limit when it
    /// was opened, and its JSON may be larger than the file it came from.
    pub fn reopen(&self) -> Result<Opened, ArticleError> {
        match read::read(&self.text) {
            Some(reopened) => reopened.map(Opened::Statements),
            None => article::read_input_unlimited(&self.text, None).map(Opened::Input),
        }
    }
}

fn json_of<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("articles serialise")
}
