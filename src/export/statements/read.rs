//! Which text is a statements file, and its rows grouped by article.
//!
//! A statements file is what the exports write (`statements_json`, `statements_csv`) and what
//! `analyze --jsonl` / `--csv` writes for a corpus too large for the browser. It is told by
//! its first bytes, before any article reader runs:
//!
//! | form | told by |
//! |---|---|
//! | JSON document | an object whose `format` is `article-explorer/statements` (its `version` at most [`VERSION`]) |
//! | JSON Lines | a first line that is an object with `article_id`, `speaker` and `sentence` |
//! | CSV | a header line (after an optional byte-order mark) that starts `number,article_id,` |
//!
//! Every row is checked as it is read: a category that is not a key, a date that is not
//! `YYYY-MM-DD`, an empty sentence or speaker is an error naming the row's line
//! ([`ArticleError::BadStatement`]), so a hand-edited file fails where it was edited. The
//! columns added after the first version may be missing; a file without them reads.

use serde::{Deserialize, Deserializer};

use super::StatementRow;
use crate::analysis::Category;
use crate::article::{Article, ArticleError, Date, Parts};

/// The `format` of the JSON document.
pub const FORMAT: &str = "article-explorer/statements";
/// The newest version of the JSON document this code reads.
pub const VERSION: u64 = 1;

/// The statements of one article of a statements file: the article made of their sentences
/// (one paragraph each, in the order of the original text), and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Reopened {
    pub article: Article,
    pub rows: Vec<StatementRow>,
}

/// The form of a statements file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Json,
    JsonLines,
    Csv,
}

/// The form of `text` if it is a statements file, by its first bytes.
pub fn form(text: &str) -> Option<Form> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.starts_with("number,article_id,") {
        return Some(Form::Csv);
    }
    let trimmed = text.trim_start();
    let first_line = trimmed.lines().next()?;
    if !first_line.starts_with('{') {
        return None;
    }
    // The exports write `format` first; 300 bytes leave room for other writers' spacing.
    let head = &trimmed[..floor_char_boundary(trimmed, 300)];
    if head.contains("\"format\"") && head.contains(&format!("\"{FORMAT}\"")) {
        return Some(Form::Json);
    }
    // Parsed only when it names a row's field: an article on one line (up to 20 MB) is not
    // read twice to learn it is no row.
    let is_row = first_line.contains("\"article_id\"")
        && serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(first_line)
            .is_ok_and(|o| {
                ["article_id", "speaker", "sentence"].iter().all(|k| o.contains_key(*k))
            });
    is_row.then_some(Form::JsonLines)
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `text` read as a statements file, or `None` when it is not one ([`form`]). A byte-order
/// mark before it (Notepad, PowerShell) is no part of it, whatever its form.
pub fn read(text: &str) -> Option<Result<Vec<Reopened>, ArticleError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = match form(text)? {
        Form::Json => json_rows(text),
        Form::JsonLines => json_lines_rows(text),
        Form::Csv => csv_rows(text),
    };
    Some(rows.and_then(group))
}

fn json_rows(text: &str) -> Result<Vec<StatementRow>, ArticleError> {
    // The version first: a newer file's rows may hold what this code does not know, and its
    // reader should hear "newer", not "bad row".
    #[derive(Deserialize)]
    struct Head {
        #[serde(default)]
        version: u64,
    }
    #[derive(Deserialize)]
    struct Doc {
        statements: Vec<Checked>,
    }
    let fail = |e: serde_json::Error| {
        if e.is_data() {
            ArticleError::BadStatement { line: e.line(), reason: reason(&e.to_string()) }
        } else {
            crate::article::json::syntax_error(&e)
        }
    };
    let head: Head = serde_json::from_str(text).map_err(fail)?;
    if head.version > VERSION {
        return Err(ArticleError::StatementsVersion { version: head.version, reads: VERSION });
    }
    let doc: Doc = serde_json::from_str(text).map_err(fail)?;
    Ok(doc.statements.into_iter().map(|c| c.0).collect())
}

fn json_lines_rows(text: &str) -> Result<Vec<StatementRow>, ArticleError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: Checked = serde_json::from_str(line).map_err(|e| ArticleError::BadStatement {
            line: i + 1,
            reason: reason(&e.to_string()),
        })?;
        rows.push(row.0);
    }
    Ok(rows)
}

fn csv_rows(text: &str) -> Result<Vec<StatementRow>, ArticleError> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.deserialize::<Checked>() {
        let row = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            let reason = match e.kind() {
                csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
                _ => e.to_string(),
            };
            ArticleError::BadStatement { line, reason: reason_of_csv(&reason) }
        })?;
        rows.push(row.0);
    }
    Ok(rows)
}

/// serde_json's message without the " at line L column C" it appends (the line is given
/// separately).
fn reason(message: &str) -> String {
    message.rfind(" at line ").map_or(message, |i| &message[..i]).to_string()
}

/// The csv crate's message for a field, without its "field N: " prefix.
fn reason_of_csv(message: &str) -> String {
    match message.split_once(": ") {
        Some((head, rest)) if head.starts_with("field ") => rest.to_string(),
        _ => message.to_string(),
    }
}

/// A row whose values were checked as it was read.
struct Checked(StatementRow);

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Checked, D::Error> {
        use serde::de::Error;
        let row = StatementRow::deserialize(d)?;
        if Category::from_key(&row.category).is_none() {
            let keys: Vec<&str> = Category::ALL.iter().map(|c| c.key()).collect();
            return Err(D::Error::custom(format!(
                "`category` is {:?}, not one of {}",
                row.category,
                keys.join(", ")
            )));
        }
        for (field, value) in [("date", &row.date), ("article_date", &row.article_date)] {
            if !value.is_empty() {
                Date::parse_iso(value)
                    .map_err(|e| D::Error::custom(format!("`{field}` is {value:?}: {e}")))?;
            }
        }
        for (field, value) in [
            ("article_id", &row.article_id),
            ("speaker", &row.speaker),
            ("sentence", &row.sentence),
        ] {
            if value.trim().is_empty() {
                return Err(D::Error::custom(format!("`{field}` is empty")));
            }
        }
        Ok(Checked(row))
    }
}

/// The rows grouped by article, in order of each article's first row; each article made of
/// its rows' sentences, in the order of the original text, each sentence once.
fn group(rows: Vec<StatementRow>) -> Result<Vec<Reopened>, ArticleError> {
    if rows.is_empty() {
        return Err(ArticleError::NoStatements);
    }
    let mut groups: Vec<Vec<StatementRow>> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for mut row in rows {
        row.article_id = id_from_text(&row.article_id);
        let k = *index.entry(row.article_id.clone()).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[k].push(row);
    }
    groups
        .into_iter()
        .enumerate()
        .map(|(k, rows)| match article_of(&rows) {
            Ok(article) => Ok(Reopened { article, rows }),
            Err(e) => Err(e.in_article(k)),
        })
        .collect()
}

/// The article a group's rows come from: its metadata from the first row, its text the
/// rows' sentences.
fn article_of(rows: &[StatementRow]) -> Result<Article, ArticleError> {
    let first = &rows[0];
    let mut sentences: Vec<(usize, &str)> =
        rows.iter().map(|r| (r.sentence_start, r.sentence.trim())).collect();
    sentences.sort();
    let mut paragraphs: Vec<String> = Vec::new();
    for (_, s) in sentences {
        if !paragraphs.iter().any(|p| p == s) {
            paragraphs.push(s.to_string());
        }
    }
    let given = |s: &str| (!s.trim().is_empty()).then(|| s.to_string());
    Article::from_parts(Parts {
        id: Some(first.article_id.clone()),
        title: (!first.article_headline_derived).then(|| given(&first.article_headline)).flatten(),
        source: given(&first.article_source),
        // Checked when the row was read.
        date: Date::parse_iso(&first.article_date).ok(),
        url: given(&first.article_url),
        language: given(&first.article_language),
        license: given(&first.article_license),
        paragraphs,
    })
}

/// An id as the CSV export writes one a spreadsheet would take for a number (`="007"`), as
/// it was.
fn id_from_text(id: &str) -> String {
    id.strip_prefix("=\"").and_then(|s| s.strip_suffix('"')).unwrap_or(id).to_string()
}
