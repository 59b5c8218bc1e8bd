//! Reader for the project's own article JSON.
//!
//! ```json
//! { "id": "mali-russia-2024-03-18", "title": "…", "source": "MENAFN", "date": "2024-03-18",
//!   "url": "https://…", "language": "en", "license": "CC BY 4.0", "paragraphs": ["…", "…"] }
//! ```
//! Only the text is required, as `paragraphs` (a list of strings) or `body` (one string,
//! paragraphs separated by blank lines). Unknown fields are ignored so newer files still load.
//! The schema is `public/schema/article.schema.json`; the README documents each field.

use serde::Deserialize;

use super::{text::split_paragraphs, Article, ArticleError, Date, Parts};

/// The file as written, before validation. Every field is optional here so that absence is
/// reported by [`read_json`] in the product's words rather than serde's.
#[derive(Deserialize)]
struct RawArticle {
    id: Option<String>,
    title: Option<String>,
    source: Option<String>,
    date: Option<String>,
    url: Option<String>,
    language: Option<String>,
    #[serde(alias = "licence")]
    license: Option<String>,
    paragraphs: Option<Vec<String>>,
    body: Option<String>,
}

/// Reads one article in the project's JSON format.
pub fn read_json(input: &str) -> Result<Article, ArticleError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    from_raw(parse(input)?)
}

/// Reads a corpus: a JSON array of articles in the project's format (or a single article).
/// An error in one article names it by its position: `[2].date`.
pub fn read_json_corpus(input: &str) -> Result<Vec<Article>, ArticleError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if !input.trim_start().starts_with('[') {
        return read_json(input).map(|a| vec![a]);
    }
    let mut de = serde_json::Deserializer::from_str(input);
    let raws: Vec<RawArticle> = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_data() {
            let (line, column) = (inner.line(), inner.column());
            ArticleError::WrongType { path, line, column, reason: plain_types(&reason(&inner)) }
        } else {
            syntax_error(&inner)
        }
    })?;
    de.end().map_err(|e| syntax_error(&e))?;
    if raws.is_empty() {
        return Err(ArticleError::NoArticles);
    }
    raws.into_iter()
        .enumerate()
        .map(|(i, raw)| from_raw(raw).map_err(|e| e.in_article(i)))
        .collect()
}

fn from_raw(raw: RawArticle) -> Result<Article, ArticleError> {
    let date = match raw.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(
            Date::parse_iso(d)
                .map_err(|reason| ArticleError::InvalidValue { path: "date".into(), reason })?,
        ),
    };
    let paragraphs = match (raw.paragraphs, raw.body) {
        (Some(_), Some(_)) => return Err(ArticleError::BothBodyAndParagraphs),
        (Some(paragraphs), None) => paragraphs,
        (None, Some(body)) => split_paragraphs(&body),
        (None, None) => return Err(ArticleError::MissingText),
    };
    Article::from_parts(Parts {
        id: raw.id,
        title: raw.title,
        source: raw.source,
        date,
        url: raw.url,
        language: raw.language,
        license: raw.license,
        paragraphs,
    })
}

fn parse(input: &str) -> Result<RawArticle, ArticleError> {
    // serde would read a struct from an array too; an article must be an object.
    if input.trim_start().chars().next().is_some_and(|c| c != '{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(input) {
            Ok(_) => ArticleError::NotAnObject { found: describe_top_level(input) },
            Err(e) => syntax_error(&e),
        });
    }
    let mut de = serde_json::Deserializer::from_str(input);
    let raw = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if !inner.is_data() {
            syntax_error(&inner)
        } else if path == "." {
            let (line, column) = (inner.line(), inner.column());
            ArticleError::BadObject { line, column, reason: reason(&inner) }
        } else {
            let (line, column) = (inner.line(), inner.column());
            ArticleError::WrongType { path, line, column, reason: plain_types(&reason(&inner)) }
        }
    })?;
    // Trailing content after the object is an error, as with serde_json::from_str.
    de.end().map_err(|e| syntax_error(&e))?;
    Ok(raw)
}

pub(crate) fn syntax_error(e: &serde_json::Error) -> ArticleError {
    ArticleError::Syntax { line: e.line(), column: e.column(), reason: reason(e) }
}

/// serde_json's message without the " at line L column C" it appends (given separately).
fn reason(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

/// "an array", "a string"…: what the top level of a non-object JSON document is.
fn describe_top_level(input: &str) -> String {
    match input.trim_start().chars().next() {
        Some('[') => "an array".into(),
        Some('"') => "a string".into(),
        Some('t' | 'f') => "a boolean".into(),
        Some('n') => "null".into(),
        _ => "a number".into(),
    }
}

/// serde's "invalid type: integer `3`, expected a sequence" in words a JSON author uses.
fn plain_types(reason: &str) -> String {
    reason
        .replace("a sequence", "a list")
        .replace("expected struct RawArticle", "expected an object")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_full_article() {
        let a = read_json(
            r#"{"id":"x1","title":"T","source":"AFP","date":"2024-03-18T10:00:00Z",
                "url":"https://example.org/a","language":"fr","paragraphs":[" One. ","","Two."],
                "tags":["ignored"]}"#,
        )
        .unwrap();
        assert_eq!(a.id, "x1");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.date, Date::new(2024, 3, 18));
        assert_eq!(a.language.as_deref(), Some("fr"));
        assert_eq!(a.paragraphs, ["One.", "Two."], "trimmed, empty ones dropped");
    }

    #[test]
    fn body_is_split_on_blank_lines() {
        let a = read_json(r#"{"body":"First line\nstill first.\n\n \nSecond."}"#).unwrap();
        assert_eq!(a.paragraphs, ["First line still first.", "Second."]);
        assert!(a.id.starts_with("article-"));
    }

    /// Bad inputs, each with the exact error the user will read.
    #[test]
    fn bad_inputs_give_specific_errors() {
        use ArticleError::*;
        let syntax = |line, column, reason: &str| Syntax { line, column, reason: reason.into() };
        let wrong = |path: &str, line, column, reason: &str| WrongType {
            path: path.into(),
            line,
            column,
            reason: reason.into(),
        };
        let invalid =
            |path: &str, reason: &str| InvalidValue { path: path.into(), reason: reason.into() };
        let cases: Vec<(&str, &str, ArticleError)> = vec![
            ("empty input", "", syntax(1, 0, "EOF while parsing a value")),
            ("truncated", "{\"paragraphs\": [\"a\"", syntax(1, 19, "EOF while parsing a list")),
            ("trailing comma", "{\"paragraphs\": [\"a\"],}", syntax(1, 22, "trailing comma")),
            ("single quotes", "{'paragraphs': []}", syntax(1, 2, "key must be a string")),
            ("trailing garbage", "{\"body\": \"a\"} x", syntax(1, 15, "trailing characters")),
            ("array", "[{\"body\":\"a\"}]", NotAnObject { found: "an array".into() }),
            ("string", "\"hello\"", NotAnObject { found: "a string".into() }),
            ("no text", "{\"title\": \"t\"}", MissingText),
            ("both texts", "{\"body\": \"a\", \"paragraphs\": [\"b\"]}", BothBodyAndParagraphs),
            (
                "paragraphs not a list",
                "{\"paragraphs\": \"a\"}",
                wrong("paragraphs", 1, 18, "invalid type: string \"a\", expected a list"),
            ),
            (
                "paragraph not a string",
                "{\n\"paragraphs\": [\"a\", 3]\n}",
                wrong("paragraphs[1]", 2, 21, "invalid type: integer `3`, expected a string"),
            ),
            (
                "title a number",
                "{\"title\": 5, \"body\": \"a\"}",
                wrong("title", 1, 11, "invalid type: integer `5`, expected a string"),
            ),
            (
                "date a number",
                "{\"date\": 20240318, \"body\": \"a\"}",
                wrong("date", 1, 17, "invalid type: integer `20240318`, expected a string"),
            ),
            (
                "date not a date",
                "{\"date\": \"yesterday\", \"body\": \"a\"}",
                invalid("date", "expected a date like 2024-03-18, found \"yesterday\""),
            ),
            (
                "impossible date",
                "{\"date\": \"2023-02-29\", \"body\": \"a\"}",
                invalid("date", "February 2023 has no day 29"),
            ),
            (
                "javascript url",
                "{\"url\": \"javascript:alert(1)\", \"body\": \"a\"}",
                invalid(
                    "url",
                    "expected an http:// or https:// address, found \"javascript:alert(1)\"",
                ),
            ),
            (
                "data url",
                "{\"url\": \"data:text/html,<b>\", \"body\": \"a\"}",
                invalid(
                    "url",
                    "expected an http:// or https:// address, found \"data:text/html,<b>\"",
                ),
            ),
            (
                "a web link without a host",
                "{\"url\": \"https:://example.org\", \"body\": \"a\"}",
                invalid(
                    "url",
                    "expected an http:// or https:// address, found \"https:://example.org\"",
                ),
            ),
            (
                "a scheme split in two",
                "{\"url\": \"http:s://example.org\", \"body\": \"a\"}",
                invalid(
                    "url",
                    "expected an http:// or https:// address, found \"http:s://example.org\"",
                ),
            ),
            ("only blank paragraphs", "{\"paragraphs\": [\"\", \"  \\n \"]}", Empty),
            ("empty body", "{\"body\": \"\"}", Empty),
            (
                "duplicate field",
                "{\"body\": \"a\", \"body\": \"b\"}",
                BadObject { line: 1, column: 20, reason: "duplicate field `body`".into() },
            ),
            ("number", "42", NotAnObject { found: "a number".into() }),
            ("bad array", "[1,", syntax(1, 3, "EOF while parsing a value")),
        ];
        for (name, input, want) in cases {
            assert_eq!(read_json(input).expect_err(name), want, "{name}");
        }
    }

    #[test]
    fn corpora_are_arrays_of_articles() {
        let corpus = read_json_corpus(
            r#"[{"id":"a","body":"One."},{"id":"b","date":"2024-01-02","paragraphs":["Two."]}]"#,
        )
        .unwrap();
        assert_eq!(corpus.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(read_json_corpus(r#"{"body":"Single."}"#).unwrap().len(), 1);
        assert_eq!(read_json_corpus("[]").unwrap_err(), ArticleError::NoArticles);
        assert_eq!(
            read_json_corpus(r#"[{"body":"a"},{"body":"b","date":"soon"}]"#).unwrap_err().to_string(),
            "Article 2 of the list: Field `date` is not valid: expected a date like 2024-03-18, found \"soon\""
        );
        assert_eq!(
            read_json_corpus(r#"[{"body":"a"},{"body":3}]"#).unwrap_err().to_string(),
            "Field `[1].body` has the wrong type (line 1, column 23): invalid type: integer `3`, expected a string"
        );
        assert!(matches!(read_json_corpus("[{\"body\":\"a\"},"), Err(ArticleError::Syntax { .. })));
    }

    #[test]
    fn messages_name_the_field_and_position() {
        let err = read_json("{\n\"paragraphs\": [\"a\", 3]\n}").unwrap_err();
        assert_eq!(
            err.to_string(),
            "Field `paragraphs[1]` has the wrong type (line 2, column 21): invalid type: integer `3`, expected a string"
        );
        let err = read_json("{\"body\": \"a\",}").unwrap_err();
        assert_eq!(err.to_string(), "The JSON is malformed at line 1, column 14: trailing comma");
    }
}
