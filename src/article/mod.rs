//! The data: the [`Article`] model and the readers that turn inputs into it.
//!
//! Readers, one module each:
//! - [`json`]: the project's own article JSON (documented in the README, schema in
//!   `public/schema/article.schema.json`);
//! - [`jsonld`]: schema.org `NewsArticle` / `Article` JSON-LD as news sites publish it;
//! - [`text`]: raw text with a dateline, like the seed (` date 2024-03-18 (MENAFN) During…`).
//!
//! [`read_bytes`] checks size and encoding and [`read_input`] picks the reader for an input
//! (also recognising a corpus, and an index of article URLs for the app to fetch). Every reader either returns a valid article (at least
//! one non-empty paragraph, a real date if any, only http(s) links) or a specific
//! [`ArticleError`]. Pure Rust: nothing here knows about the browser.

pub mod date;
mod error;
pub mod json;
pub mod jsonld;
pub mod text;

pub use date::Date;
pub use error::{ArticleError, FileKind};

use serde::Serialize;

use crate::locale::{self, Language};

/// One news article, normalised: whatever the input format, this is what the rest of the
/// program sees. Serialises to the project's article JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Article {
    /// Stable identifier: given by the input, or derived from its name or content.
    pub id: String,
    /// The headline as published; `None` when the input has none (see [`Article::headline`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who published it (an agency or outlet), e.g. `MENAFN`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where it was published; always an `http:` or `https:` URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 language tag, e.g. `en`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The terms it may be reused under, as the input states them ("Public domain", "CC BY
    /// 4.0", or a licence's URL); shown beside the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// The text, one entry per paragraph, each trimmed and non-empty; never empty itself.
    pub paragraphs: Vec<String>,
}

/// What to show as the article's headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Headline {
    /// The headline the article was published with.
    Published(String),
    /// No headline was published; this one is made from source and date, and the UI says so.
    Derived(String),
}

impl Headline {
    pub fn text(&self) -> &str {
        match self {
            Headline::Published(s) | Headline::Derived(s) => s,
        }
    }
}

impl Article {
    /// The published headline, or one derived from source and date (never an invented title).
    pub fn headline(&self) -> Headline {
        self.headline_in(Language::English)
    }

    /// [`Article::headline`], derived in `lang`'s words ("Rapport de RFI du 18 mars 2024").
    pub fn headline_in(&self, lang: Language) -> Headline {
        if let Some(title) = &self.title {
            return Headline::Published(title.clone());
        }
        Headline::Derived(match (&self.source, self.date) {
            (Some(source), Some(date)) => locale::fill(
                lang,
                "headline.source_date",
                &[("source", source), ("date", &date.long_in(lang))],
            ),
            (Some(source), None) => locale::fill(lang, "headline.source", &[("source", source)]),
            (None, Some(date)) => {
                locale::fill(lang, "headline.date", &[("date", &date.long_in(lang))])
            }
            (None, None) => locale::text(lang, "headline.untitled").to_string(),
        })
    }

    /// Builds an article from reader output, normalising the text and checking the invariants
    /// every reader shares: paragraphs trimmed and non-empty, at least one of them, only
    /// http(s) URLs, a non-empty id (derived from source, date and text when absent).
    pub(crate) fn from_parts(parts: Parts) -> Result<Article, ArticleError> {
        let paragraphs: Vec<String> = parts
            .paragraphs
            .into_iter()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        if paragraphs.is_empty() {
            return Err(ArticleError::Empty);
        }
        let non_blank =
            |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let url = non_blank(parts.url);
        if let Some(url) = &url {
            check_url(url)?;
        }
        let (title, source, language) =
            (non_blank(parts.title), non_blank(parts.source), non_blank(parts.language));
        let id = non_blank(parts.id)
            .unwrap_or_else(|| derive_id(source.as_deref(), parts.date, &paragraphs));
        let license = non_blank(parts.license);
        Ok(Article { id, title, source, date: parts.date, url, language, license, paragraphs })
    }
}

/// The fields a reader collected, before [`Article::from_parts`] checks and normalises them.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub id: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<Date>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub license: Option<String>,
    pub paragraphs: Vec<String>,
}

/// Only web links are kept: a `javascript:` or `data:` URL in an article is refused, so the UI
/// can never be made to run or open one; so is a web link without a host after its `://`
/// ("https:://x", "http:s://x", found by `examples/fuzz_readers.rs`).
fn check_url(url: &str) -> Result<(), ArticleError> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest.and_then(|r| r.chars().next()) {
        Some(c) if c.is_alphanumeric() || c == '[' => Ok(()),
        _ => Err(ArticleError::InvalidValue {
            path: "url".into(),
            reason: format!(
                "expected an http:// or https:// address, found \"{}\"",
                date::ellipsize(url, 60)
            ),
        }),
    }
}

/// `menafn-2024-03-18` when source and date are known, else a hash of the text, so the same
/// article gets the same id on every load (corrections and exports are keyed by it).
fn derive_id(source: Option<&str>, date: Option<Date>, paragraphs: &[String]) -> String {
    if let (Some(source), Some(date)) = (source, date) {
        let slug: String = source
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect();
        let slug = slug.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
        if !slug.is_empty() {
            return format!("{slug}-{date}");
        }
    }
    // FNV-1a, 64 bits: stable across builds and platforms, unlike std's randomised hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in paragraphs.join("\n\n").bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("article-{h:016x}")
}

/// Reads an article in whichever supported format `input` is in: JSON when it starts with
/// `{` or `[` (after whitespace), refused as a web page when it starts with `<` (a server's
/// HTML error or fallback page must not be shown as article text), raw text otherwise. `name` is the file or URL name it came
/// from, used as the id of a raw-text article (`mali-russia-2024-03-18.txt` gives
/// `mali-russia-2024-03-18`).
pub fn read(input: &str, name: Option<&str>) -> Result<Article, ArticleError> {
    let trimmed = input.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        json::read_json(input)
    } else if trimmed.starts_with('<') {
        Err(ArticleError::Html)
    } else {
        text::read_text(input, name.map(file_stem))
    }
}

/// Reads one or more articles: a JSON array is a corpus, anything else one article (see
/// [`read`]).
pub fn read_all(input: &str, name: Option<&str>) -> Result<Vec<Article>, ArticleError> {
    let trimmed = input.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('[') {
        json::read_json_corpus(input)
    } else {
        read(input, name).map(|a| vec![a])
    }
}

/// The largest input read, checked before parsing.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// What an input holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One article or a corpus.
    Articles(Vec<Article>),
    /// An index: article URLs (relative ones are relative to the index) to fetch and read.
    Index(Vec<String>),
}

/// Reads a file or a response body: [`text_of`], then [`read_input`].
pub fn read_bytes(bytes: &[u8], name: Option<&str>) -> Result<Input, ArticleError> {
    read_input(text_of(bytes)?, name)
}

/// The text of a file or a response body: refuses what is too large, empty, binary (an image,
/// a PDF: named by its kind) or not UTF-8.
pub fn text_of(bytes: &[u8]) -> Result<&str, ArticleError> {
    if bytes.len() > MAX_BYTES {
        return Err(ArticleError::TooLarge { bytes: bytes.len() });
    }
    if bytes.is_empty() {
        return Err(ArticleError::EmptyFile);
    }
    if let Some(kind) = FileKind::sniff(bytes) {
        return Err(ArticleError::NotText { kind });
    }
    std::str::from_utf8(bytes).map_err(|e| ArticleError::NotUtf8 { byte: e.valid_up_to() })
}

/// Reads any supported input, detecting its format: the project's JSON (an article or an array
/// of them), schema.org JSON-LD, an index of URLs (a JSON array of strings, or `{"articles":
/// [urls]}`), or raw text with a dateline. An HTML page is refused.
pub fn read_input(input: &str, name: Option<&str>) -> Result<Input, ArticleError> {
    if input.len() > MAX_BYTES {
        return Err(ArticleError::TooLarge { bytes: input.len() });
    }
    read_input_unlimited(input, name)
}

/// [`read_input`] without the size limit, for what was within it when first read (an input
/// the browser kept, `open::Kept`, whose JSON may be larger than its file).
pub fn read_input_unlimited(input: &str, name: Option<&str>) -> Result<Input, ArticleError> {
    let trimmed = input.trim_start_matches('\u{feff}').trim_start();
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return read(input, name).map(|a| Input::Articles(vec![a]));
    }
    // JSON: look at its shape first (this also reports syntax errors with their position).
    let value: serde_json::Value = match serde_json::from_str(trimmed) {
        Ok(v) => v,
        // Not JSON (or nested deeper than serde_json's limit of 128): say where.
        Err(e) => return Err(json::syntax_error(&e)),
    };
    if let Some(urls) = index_urls(&value) {
        return Ok(Input::Index(urls));
    }
    if jsonld::is_jsonld(&value) {
        return jsonld::read_jsonld(&value).map(Input::Articles);
    }
    json::read_json_corpus(input).map(Input::Articles)
}

/// The URLs of an index: a non-empty JSON array of strings, or `{"articles": [strings]}`.
fn index_urls(v: &serde_json::Value) -> Option<Vec<String>> {
    let list = match v {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => o.get("articles")?.as_array()?,
        _ => return None,
    };
    let urls: Vec<String> =
        list.iter().map(|x| x.as_str().map(str::to_string)).collect::<Option<_>>()?;
    (!urls.is_empty()).then_some(urls)
}

/// `mali-russia-2024-03-18` from `articles/mali-russia-2024-03-18.txt?x=1`.
fn file_stem(name: &str) -> &str {
    let name = name.split(['?', '#']).next().unwrap_or(name);
    let base = name.rsplit('/').next().unwrap_or(name);
    base.rsplit_once('.').map_or(base, |(stem, _)| stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: Option<&str>, source: Option<&str>, date: Option<&str>) -> Article {
        Article::from_parts(Parts {
            title: title.map(Into::into),
            source: source.map(Into::into),
            date: date.map(|d| Date::parse_iso(d).unwrap()),
            paragraphs: vec!["Text.".into()],
            ..Parts::default()
        })
        .unwrap()
    }

    #[test]
    fn headline_is_published_or_derived_from_source_and_date() {
        let cases = [
            (
                Some("Mali and Russia"),
                Some("MENAFN"),
                Some("2024-03-18"),
                Headline::Published("Mali and Russia".into()),
            ),
            (
                None,
                Some("MENAFN"),
                Some("2024-03-18"),
                Headline::Derived("MENAFN report of 18 March 2024".into()),
            ),
            (None, Some("MENAFN"), None, Headline::Derived("MENAFN report".into())),
            (None, None, Some("2024-03-18"), Headline::Derived("Report of 18 March 2024".into())),
            (None, None, None, Headline::Derived("Untitled article".into())),
            (Some("  "), Some("AFP"), None, Headline::Derived("AFP report".into())),
        ];
        for (title, source, date, want) in cases {
            assert_eq!(article(title, source, date).headline(), want);
        }
    }

    #[test]
    fn ids_are_derived_stably() {
        assert_eq!(article(None, Some("MENAFN"), Some("2024-03-18")).id, "menafn-2024-03-18");
        assert_eq!(
            article(None, Some("Le Monde (Paris)"), Some("2024-03-18")).id,
            "le-monde-paris-2024-03-18"
        );
        let hashed = article(None, None, None).id;
        assert!(hashed.starts_with("article-") && hashed.len() == 24, "{hashed}");
        assert_eq!(hashed, article(Some("x"), None, None).id, "same text, same id");
    }

    #[test]
    fn read_detects_the_format() {
        let json = read("\u{feff} {\"body\": \"From JSON.\"}", None).unwrap();
        assert_eq!(json.paragraphs, ["From JSON."]);
        let text = read("date 2024-03-18 (AFP) From text.", Some("dir/story.txt")).unwrap();
        assert_eq!((text.id.as_str(), text.source.as_deref()), ("story", Some("AFP")));
        for html in ["<!DOCTYPE html><html>", "  <html><body>404</body></html>", "<p>hi</p>"] {
            assert_eq!(read(html, None).unwrap_err(), ArticleError::Html, "{html}");
        }
        assert_eq!(read("", None).unwrap_err(), ArticleError::Empty);
        assert!(matches!(read("[1,", None).unwrap_err(), ArticleError::Syntax { .. }));
    }

    #[test]
    fn inputs_are_detected() {
        let articles = |i: Input| match i {
            Input::Articles(a) => a,
            Input::Index(_) => panic!("not an index"),
        };
        assert_eq!(articles(read_input("{\"body\": \"x\"}", None).unwrap()).len(), 1);
        assert_eq!(
            articles(read_input("[{\"body\": \"x\"}, {\"body\": \"y\"}]", None).unwrap()).len(),
            2
        );
        let ld = read_input(
            r#"{"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": "LD."}"#,
            None,
        )
        .unwrap();
        assert_eq!(articles(ld)[0].paragraphs, ["LD."]);
        assert_eq!(
            read_input("[\"a.json\", \"b/c.txt\"]", None).unwrap(),
            Input::Index(vec!["a.json".into(), "b/c.txt".into()])
        );
        assert_eq!(
            read_input("{\"articles\": [\"a.json\"]}", None).unwrap(),
            Input::Index(vec!["a.json".into()])
        );
        assert_eq!(
            articles(read_input("date 2024-03-18 (AFP) Text.", Some("t.txt")).unwrap())[0].id,
            "t"
        );
        assert!(matches!(read_input("{\"body\": \"x\",}", None), Err(ArticleError::Syntax { .. })));
    }

    #[test]
    fn bytes_are_checked_before_parsing() {
        assert_eq!(read_bytes(b"", None).unwrap_err(), ArticleError::EmptyFile);
        assert_eq!(
            read_bytes(b"Caf\xe9 au lait", None).unwrap_err(),
            ArticleError::NotUtf8 { byte: 3 }
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(
            read_bytes(png, Some("photo.json")).unwrap_err().to_string(),
            "This is an image (PNG), not an article: open the article's JSON, JSON-LD or text file"
        );
        assert_eq!(
            read_bytes(b"%PDF-1.7\n%\xe2\xe3", None).unwrap_err(),
            ArticleError::NotText { kind: FileKind::Pdf }
        );
        // RIFF without WEBP is not called an image; text starting like a signature is text.
        assert!(matches!(
            read_bytes(b"RIFF\0\0\0\0WAVE\xff", None),
            Err(ArticleError::NotUtf8 { .. })
        ));
        assert!(read_bytes(b"GIF8 and PK are words, not signatures.", None).is_ok());
        let big = vec![b' '; MAX_BYTES + 1];
        assert_eq!(
            read_bytes(&big, None).unwrap_err().to_string(),
            "The file is 20.0 MB; the explorer reads files up to 20 MB"
        );
        assert!(read_bytes("date 2024-03-18 (X) Text with \u{0} inside.".as_bytes(), None).is_ok());
    }

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("articles/mali-russia-2024-03-18.txt"), "mali-russia-2024-03-18");
        assert_eq!(file_stem("https://x.org/a/b.json?v=2#top"), "b");
        assert_eq!(file_stem("plain"), "plain");
    }
}
