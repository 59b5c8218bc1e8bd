//! What a file, a response or a pasted text holds: articles to analyse, an index of articles
//! to fetch, or a statements file to open as it was analysed. The one entry point of the
//! app's loads and of the bad-input catalogue. The article readers (`article`) and the
//! statements reader (`export::statements::read`) know nothing of each other; this module
//! tells them apart by the first bytes, so an article is never taken for a statements file
//! (one needs `"format": "article-explorer/statements"`, rows or the CSV header).

use crate::article::{self, ArticleError, Input};
use crate::export::statements::read::{self, Reopened};

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
