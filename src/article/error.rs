//! Why an input could not become an [`Article`](super::Article): typed, specific, and worded
//! for the person who has to fix the file (which field, what was wrong, where in the JSON).

use std::fmt;

use crate::locale::{self, Language};

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
    /// A binary file (an image, a PDF, an archive), told by its first bytes.
    NotText { kind: FileKind },
    /// A statements file (`export::statements::read`) with a row that cannot be read or holds
    /// a value that is not allowed; `line` is where the row is in the file.
    BadStatement { line: usize, reason: String },
    /// A statements file of a newer version than this code reads.
    StatementsVersion { version: u64, reads: u64 },
    /// A statements file without a statement.
    NoStatements,
    /// The error of one article in a corpus (0-based position).
    InArticle { index: usize, error: Box<ArticleError> },
}

impl ArticleError {
    /// This error, as the error of the article at `index` in a corpus.
    pub fn in_article(self, index: usize) -> ArticleError {
        ArticleError::InArticle { index, error: Box::new(self) }
    }
}

impl ArticleError {
    /// The message for a person reading `lang` (`Display` is the English one). The reasons
    /// serde_json gives stay in English: they quote the parser.
    pub fn message(&self, lang: Language) -> String {
        let fill = |key, args: &[(&str, &dyn fmt::Display)]| locale::fill(lang, key, args);
        match self {
            ArticleError::Syntax { line, column, reason } => fill(
                "article_error.syntax",
                &[("line", line), ("column", column), ("reason", reason)],
            ),
            ArticleError::NotAnObject { found } => {
                fill("article_error.not_an_object", &[("found", found)])
            }
            ArticleError::WrongType { path, line, column, reason } => fill(
                "article_error.wrong_type",
                &[("path", path), ("line", line), ("column", column), ("reason", reason)],
            ),
            ArticleError::BadObject { line, column, reason } => fill(
                "article_error.bad_object",
                &[("line", line), ("column", column), ("reason", reason)],
            ),
            ArticleError::MissingText => fill("article_error.missing_text", &[]),
            ArticleError::BothBodyAndParagraphs => fill("article_error.both", &[]),
            ArticleError::InvalidValue { path, reason } => {
                fill("article_error.invalid_value", &[("path", path), ("reason", reason)])
            }
            ArticleError::Html => fill("article_error.html", &[]),
            ArticleError::Empty => fill("article_error.empty", &[]),
            ArticleError::NoArticles => fill("article_error.no_articles", &[]),
            ArticleError::TooLarge { bytes } => fill(
                "article_error.too_large",
                &[
                    ("size", &locale::decimal(lang, *bytes as f64 / 1_048_576.0)),
                    ("max", &(super::MAX_BYTES / 1_048_576)),
                ],
            ),
            ArticleError::NotUtf8 { byte } => fill("article_error.not_utf8", &[("byte", byte)]),
            ArticleError::EmptyFile => fill("article_error.empty_file", &[]),
            ArticleError::NotText { kind } => {
                fill("article_error.not_text", &[("kind", &locale::text(lang, kind.key()))])
            }
            ArticleError::BadStatement { line, reason } => {
                fill("article_error.bad_statement", &[("line", line), ("reason", reason)])
            }
            ArticleError::StatementsVersion { version, reads } => {
                fill("article_error.statements_version", &[("version", version), ("reads", reads)])
            }
            ArticleError::NoStatements => fill("article_error.no_statements", &[]),
            ArticleError::InArticle { index, error } => fill(
                "article_error.in_article",
                &[("n", &(index + 1)), ("error", &error.message(lang))],
            ),
        }
    }
}

/// The binary files people open by mistake, by their signature (first bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
    /// A ZIP archive, which is also what Word (.docx) and Excel (.xlsx) files are.
    Zip,
    Gzip,
}

impl FileKind {
    /// The kind of file `bytes` start like, if it is one of these.
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        const SIGNATURES: [(&[u8], FileKind); 8] = [
            (b"\x89PNG\r\n\x1a\n", FileKind::Png),
            (b"\xff\xd8\xff", FileKind::Jpeg),
            (b"GIF87a", FileKind::Gif),
            (b"GIF89a", FileKind::Gif),
            (b"%PDF-", FileKind::Pdf),
            (b"PK\x03\x04", FileKind::Zip),
            (b"\x1f\x8b", FileKind::Gzip),
            (b"RIFF", FileKind::Webp),
        ];
        let (_, kind) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig))?;
        // RIFF is also WAV and AVI: only a WebP image says WEBP at byte 8.
        (*kind != FileKind::Webp || bytes.get(8..12) == Some(b"WEBP")).then_some(*kind)
    }

    /// The message-table key naming this kind ("an image (PNG)").
    pub fn key(self) -> &'static str {
        match self {
            FileKind::Png => "file_kind.png",
            FileKind::Jpeg => "file_kind.jpeg",
            FileKind::Gif => "file_kind.gif",
            FileKind::Webp => "file_kind.webp",
            FileKind::Pdf => "file_kind.pdf",
            FileKind::Zip => "file_kind.zip",
            FileKind::Gzip => "file_kind.gzip",
        }
    }
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::English))
    }
}

impl std::error::Error for ArticleError {}
