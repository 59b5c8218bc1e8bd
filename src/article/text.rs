//! Reader for raw text with a dateline, as agencies and aggregators deliver it:
//!
//! ```text
//!  date 2024-03-18 (MENAFN) During a press conference, Mali's Foreign Minister…
//!
//! Following discussions with…
//! ```
//! The dateline (an optional `date` keyword, an ISO date, an optional `(SOURCE)` and an optional
//! dash or colon) gives the date and source and is removed from the text. Paragraphs are split
//! on blank lines; single line breaks inside a paragraph become spaces. Text without a dateline
//! is read as an undated article.

use super::{Article, ArticleError, Date, Parts};

/// Reads raw text. `id` is usually the file name's stem; without it one is derived.
pub fn read_text(input: &str, id: Option<&str>) -> Result<Article, ArticleError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let (dateline, body) = split_dateline(input)?;
    Article::from_parts(Parts {
        id: id.map(Into::into),
        source: dateline.source,
        date: dateline.date,
        paragraphs: split_paragraphs(body),
        ..Parts::default()
    })
}

#[derive(Debug, Default, PartialEq)]
struct Dateline {
    date: Option<Date>,
    source: Option<String>,
}

/// Splits the leading dateline, if any, from the body that follows it.
fn split_dateline(input: &str) -> Result<(Dateline, &str), ArticleError> {
    let start = input.trim_start();
    let after_keyword = match start.get(..4) {
        Some(k) if k.eq_ignore_ascii_case("date") => start[4..].trim_start(),
        _ => start,
    };
    // A dateline starts with something shaped like a date; anything else is plain text.
    let token_end = after_keyword.find(char::is_whitespace).unwrap_or(after_keyword.len());
    let token = after_keyword[..token_end].trim_end_matches([':', ',']);
    let token_end = token.len();
    let looks_like_date = token.len() >= 8
        && token.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && token.as_bytes()[4] == b'-';
    if !looks_like_date {
        return Ok((Dateline::default(), input));
    }
    let date = Date::parse_iso(token)
        .map_err(|reason| ArticleError::InvalidValue { path: "dateline".into(), reason })?;
    let mut rest = after_keyword[token_end..].trim_start();
    let mut source = None;
    if let Some(inner) = rest.strip_prefix('(') {
        match inner.find(')') {
            Some(close) if close <= 80 && !inner[..close].contains('\n') => {
                source = Some(inner[..close].trim().to_string());
                rest = inner[close + 1..].trim_start();
            }
            _ => {}
        }
    }
    for dash in ["--", "-", "–", "—", ":"] {
        if let Some(r) = rest.strip_prefix(dash) {
            rest = r.trim_start();
            break;
        }
    }
    Ok((Dateline { date: Some(date), source }, rest))
}

/// Paragraphs separated by blank (or whitespace-only) lines; line breaks inside a paragraph
/// become single spaces. Shared with the JSON reader's `body` field.
pub(crate) fn split_paragraphs(body: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = |s| Date::parse_iso(s).ok();
        let src = |s: &str| Some(s.to_string());
        let cases = [
            (
                " date 2024-03-18 (MENAFN) During a press",
                d("2024-03-18"),
                src("MENAFN"),
                "During a press",
            ),
            ("2024-03-18 (Reuters) - Bamako said", d("2024-03-18"), src("Reuters"), "Bamako said"),
            ("DATE 2024-03-18: Text", d("2024-03-18"), None, "Text"),
            ("2024-03-18T08:00Z — Text", d("2024-03-18"), None, "Text"),
            ("2024-03-18 (unclosed paren text", d("2024-03-18"), None, "(unclosed paren text"),
            ("Dated text without a dateline.", None, None, "Dated text without a dateline."),
            ("1999 was a year.", None, None, "1999 was a year."),
        ];
        for (input, date, source, body) in cases {
            let (dl, rest) = split_dateline(input).unwrap();
            assert_eq!((dl.date, dl.source, rest), (date, source, body), "{input:?}");
        }
    }

    #[test]
    fn a_bad_date_in_the_dateline_is_an_error() {
        assert_eq!(
            split_dateline("date 2024-02-30 (AFP) Text").unwrap_err(),
            ArticleError::InvalidValue {
                path: "dateline".into(),
                reason: "February 2024 has no day 30".into()
            }
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_join_wrapped_lines() {
        let text = "One\r\nstill one.\r\n\r\n\r\n  \t\nTwo.\n\n\n\nThree.\n";
        assert_eq!(split_paragraphs(text), ["One still one.", "Two.", "Three."]);
        assert!(split_paragraphs(" \n\n ").is_empty());
    }

    #[test]
    fn empty_and_dateline_only_texts_are_refused() {
        assert_eq!(read_text("", None).unwrap_err(), ArticleError::Empty);
        assert_eq!(read_text(" date 2024-03-18 (MENAFN) ", None).unwrap_err(), ArticleError::Empty);
    }
}
