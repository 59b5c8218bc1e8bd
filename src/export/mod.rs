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
///
/// The text between two such characters is copied whole: this writes a long article's text
/// into the reader, where one `push` per character was most of the time.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // An ASCII byte is a whole character, so both slices fall on character boundaries.
        out.push_str(&text[copied..at]);
        out.push_str(entity);
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
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
        // Text around and between the escapes, in any script, is kept as it is.
        for (text, escaped) in [
            ("", ""),
            ("plain", "plain"),
            ("Bamako & Moscou", "Bamako &amp; Moscou"),
            ("«\u{a0}non\u{a0}» <b>", "«\u{a0}non\u{a0}» &lt;b&gt;"),
            ("x>", "x&gt;"),
            ("<", "&lt;"),
        ] {
            assert_eq!(escape_html(text), escaped, "{text}");
        }
    }
}
