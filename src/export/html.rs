//! A self-contained annotated HTML page of an article, for archiving and printing: the text
//! with its theme highlights (colour and border style, a title naming the themes), a legend,
//! and the statements as a table. No scripts, no external resources; every string from the
//! article is escaped.

use std::fmt::Write;

use super::{escape_html, statement_rows};
use crate::analysis::{highlight, Analysis};
use crate::article::Article;

const BORDERS: [&str; 7] = ["solid", "dashed", "dotted", "double", "solid", "dashed", "dotted"];

/// The page for one article. Only themes with `active[i]` true are highlighted (all when
/// `active` is shorter than the theme list).
pub fn annotated_html(article: &Article, analysis: &Analysis, active: &[bool]) -> String {
    let on = |t: usize| active.get(t).copied().unwrap_or(true);
    let mut css = String::from(
        "body{font:17px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}\
         h1{line-height:1.2}.meta,.legend,table{font:14px/1.4 system-ui,sans-serif}\
         mark{background:none;color:inherit;padding-bottom:1px}\
         table{border-collapse:collapse;width:100%;margin-top:2rem}td,th{border-bottom:1px solid #ccc;padding:4px;text-align:left;vertical-align:top}\
         .legend span{display:inline-block;margin-right:1rem}\
         @media print{body{margin:0}mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}}",
    );
    for (i, t) in analysis.themes.iter().enumerate().filter(|(i, _)| on(*i)) {
        let colour = if crate::analysis::themes::is_hex_colour(&t.colour) {
            t.colour.as_str()
        } else {
            "#888888"
        };
        let _ = write!(
            css,
            ".t{i}{{background-color:{colour}33;border-bottom:2px {} {colour}}}",
            BORDERS[i % BORDERS.len()]
        );
    }
    let mut body = String::new();
    let headline = article.headline();
    let _ = write!(body, "<h1>{}</h1><p class=\"meta\">", escape_html(headline.text()));
    if let Some(source) = &article.source {
        let _ = write!(body, "{} ", escape_html(source));
    }
    if let Some(date) = article.date {
        let _ = write!(body, "\u{b7} {} ", date.long());
    }
    if let Some(url) = &article.url {
        let _ = write!(body, "\u{b7} <a href=\"{}\">original</a>", escape_html(url));
    }
    body.push_str("</p><p class=\"legend\">");
    for (i, t) in analysis.themes.iter().enumerate().filter(|(i, _)| on(*i)) {
        let _ = write!(
            body,
            "<span><mark class=\"t{i}\">{}</mark> {}</span>",
            escape_html(&t.name),
            t.hits
        );
    }
    body.push_str("</p>");
    for (p, text) in article.paragraphs.iter().enumerate() {
        body.push_str("<p>");
        for run in highlight::paragraph_runs(analysis, p) {
            let piece = escape_html(&text[run.start..run.end]);
            let mut themes: Vec<usize> =
                run.hits.iter().map(|&h| analysis.theme_hits[h].theme).filter(|&t| on(t)).collect();
            themes.dedup();
            match themes.first() {
                None => body.push_str(&piece),
                Some(&first) => {
                    let names: Vec<&str> =
                        themes.iter().map(|&t| analysis.themes[t].name.as_str()).collect();
                    let _ = write!(
                        body,
                        "<mark class=\"t{first}\" title=\"{}\">{piece}</mark>",
                        escape_html(&names.join(", "))
                    );
                }
            }
        }
        body.push_str("</p>");
    }
    body.push_str("<table><caption>Statements</caption><tr><th>#</th><th>Speaker</th><th>Cue</th><th>Category</th><th>Target</th><th>Date</th><th>Sentence</th></tr>");
    for row in statement_rows(&[article], &[analysis]) {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            row.number,
            escape_html(&row.speaker),
            escape_html(&format!("{}{}", row.cue, if row.corrected { " (corrected)" } else { "" })),
            escape_html(&row.category_label),
            escape_html(&row.target),
            escape_html(&row.date),
            escape_html(&row.sentence)
        );
    }
    body.push_str("</table><p class=\"meta\">Annotated with Article Explorer.</p>");
    let lang = article
        .language
        .as_deref()
        .filter(|l| l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or("en");
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{css}</style></head><body>{body}</body></html>\n",
        escape_html(headline.text())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, ThemeSet};
    use crate::article::text::read_text;

    #[test]
    fn the_page_has_the_text_highlights_and_statements_and_no_script() {
        let (article, analysis) = crate::test_support::seed();
        let html = annotated_html(&article, &analysis, &[]);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.to_lowercase().contains("<script"));
        assert_eq!(html.matches("<tr><td>").count(), 10);
        assert!(html.contains("<mark class=\"t3\" title=\"Humanitarian aid\">wheat</mark>"));
        assert!(html.contains("Sergey Lavrov"));
        let only_economy =
            annotated_html(&article, &analysis, &[false, false, true, false, false, false, false]);
        assert!(!only_economy.contains("title=\"Humanitarian aid\""));
        assert!(only_economy.contains("title=\"Economy and trade\""));
    }

    #[test]
    fn html_in_an_article_stays_text() {
        let article = read_text("date 2024-03-18 (<b>X</b>) Mali's Foreign Minister, Abdoulaye Diop, praised <img src=x onerror=alert(1)> aid.", None).unwrap();
        let analysis = analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
        let html = annotated_html(&article, &analysis, &[]);
        assert!(!html.contains("<img") && !html.contains("<b>X"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }
}
