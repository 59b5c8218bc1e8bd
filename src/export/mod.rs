//! Analysis results in open formats, for the tools people already use. Pure functions from
//! articles and their analyses to text; no browser crates (the app only offers the downloads).
//!
//! - [`statement_rows`]: the statements as flat rows, the one shape every statement export
//!   starts from;
//! - [`statements_csv`] (RFC 4180, via the csv crate) and [`statements_json`];
//! - [`timelinejs`]: TimelineJS3 JSON, so a newsroom can open the timeline in TimelineJS;
//! - [`annotations`]: W3C Web Annotations (JSON-LD) for theme hits and statements, with both
//!   TextQuoteSelector and TextPositionSelector, and re-anchoring them on a text;
//! - [`html`]: a self-contained annotated HTML page of an article, without scripts.

pub mod annotations;
pub mod html;
pub mod relations;
pub mod statements;
pub mod timelinejs;

pub use statements::{statement_rows, statements_csv, statements_json, StatementRow};

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, for HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escaping() {
        assert_eq!(
            escape_html("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
