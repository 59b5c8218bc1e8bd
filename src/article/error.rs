//! Why an input could not become an [`Article`](super::Article): typed, specific, and worded
//! for the person who has to fix the file (which field, what was wrong, where in the JSON).

use std::fmt;

/// Everything that can be wrong with an article input. `Display` gives the sentence shown to
/// the user; the variants let tests and callers tell the cases apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticleError {
    /// The input is not JSON at all (or is truncated): serde_json's reason and its position.
    Syntax { line: usize, column: usize, reason: String },
    /// The JSON is well formed but the top level is not an article object.
    NotAnObject { found: String },
    /// A field has the wrong JSON type. `path` is like `paragraphs[2]`.
    WrongType { path: String, line: usize, column: usize, reason: String },
    /// The object itself is wrong (e.g. a field given twice).
    BadObject { line: usize, column: usize, reason: String },
    /// Neither `paragraphs` nor `body` is there: the article has no text field.
    MissingText,
    /// Both `paragraphs` and `body` were given, so which one is the text is ambiguous.
    BothBodyAndParagraphs,
    /// A field has the right type but a value the reader cannot accept.
    InvalidValue { path: String, reason: String },
    /// The input is a web page (HTML), typically a server's error or fallback page.
    Html,
    /// There is no text left once blank paragraphs are set aside.
    Empty,
    /// A corpus (a JSON array) with no article in it.
    NoArticles,
    /// The input is larger than [`MAX_BYTES`](super::MAX_BYTES).
    TooLarge { bytes: usize },
    /// The bytes are not UTF-8; `byte` is where the first invalid sequence starts.
    NotUtf8 { byte: usize },
    /// A file of 0 bytes.
    EmptyFile,
    /// The error of one article in a corpus (0-based position).
    InArticle { index: usize, error: Box<ArticleError> },
}

impl ArticleError {
    /// This error, as the error of the article at `index` in a corpus.
    pub fn in_article(self, index: usize) -> ArticleError {
        ArticleError::InArticle { index, error: Box::new(self) }
    }
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleError::Syntax { line, column, reason } => {
                write!(f, "The JSON is malformed at line {line}, column {column}: {reason}")
            }
            ArticleError::NotAnObject { found } => write!(
                f,
                "An article must be a JSON object with `paragraphs` or `body`; this file holds {found}"
            ),
            ArticleError::WrongType { path, line, column, reason } => write!(
                f,
                "Field `{path}` has the wrong type (line {line}, column {column}): {reason}"
            ),
            ArticleError::BadObject { line, column, reason } => {
                write!(f, "The article object is not valid (line {line}, column {column}): {reason}")
            }
            ArticleError::MissingText => write!(
                f,
                "The article has no text: it needs `paragraphs` (a list of strings) or `body` (a string), or, as schema.org NewsArticle JSON-LD, an `articleBody`"
            ),
            ArticleError::BothBodyAndParagraphs => write!(
                f,
                "The article has both `paragraphs` and `body`; give the text in only one of them"
            ),
            ArticleError::InvalidValue { path, reason } => {
                write!(f, "Field `{path}` is not valid: {reason}")
            }
            ArticleError::Html => write!(
                f,
                "This is an HTML web page, not an article: expected article JSON or plain text with a dateline"
            ),
            ArticleError::Empty => write!(f, "The article has no text: every paragraph is empty"),
            ArticleError::NoArticles => write!(f, "The list holds no articles"),
            ArticleError::TooLarge { bytes } => write!(
                f,
                "The file is {:.1} MB; the explorer reads files up to {} MB",
                *bytes as f64 / 1_048_576.0,
                super::MAX_BYTES / 1_048_576
            ),
            ArticleError::NotUtf8 { byte } => write!(
                f,
                "The file is not UTF-8 text (an invalid byte sequence at byte {byte}); save it as UTF-8 and try again"
            ),
            ArticleError::EmptyFile => write!(f, "The file is empty (0 bytes)"),
            ArticleError::InArticle { index, error } => write!(f, "Article {} of the list: {error}", index + 1),
        }
    }
}

impl std::error::Error for ArticleError {}
