//! HTML made from an analysis, every string from the article escaped:
//! - [`reader_paragraph`]: the reader's markup for one paragraph (marks and statement
//!   sentences), which the app sets as the paragraph's HTML: one string the browser parses is
//!   far cheaper than one framework view per mark on long articles;
//! - [`annotated_html`]: a self-contained annotated page of an article, for archiving and
//!   printing: the text with its theme highlights (colour and border style, a title naming the
//!   themes), a legend, and the statements as a table. No scripts, no external resources.

use std::fmt::Write;

use super::{escape_html, statement_rows};
use crate::analysis::{highlight, Analysis, Category};
use crate::article::Article;
use crate::locale::{self, Language};

const BORDERS: [&str; 7] = ["solid", "dashed", "dotted", "double", "solid", "dashed", "dotted"];

/// The page for one article, its own words (headings, legend, table) in `ui`. Only themes
/// with `active[i]` true are highlighted (all when `active` is shorter than the theme list).
pub fn annotated_html(
    article: &Article,
    analysis: &Analysis,
    active: &[bool],
    ui: Language,
) -> String {
    let tr = |key| locale::text(ui, key);
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
    let headline = article.headline_in(ui);
    let _ = write!(body, "<h1>{}</h1><p class=\"meta\">", escape_html(headline.text()));
    if let Some(source) = &article.source {
        let _ = write!(body, "{} ", escape_html(source));
    }
    if let Some(date) = article.date {
        let _ = write!(body, "\u{b7} {} ", date.long_in(ui));
    }
    if let Some(url) = &article.url {
        let _ = write!(body, "\u{b7} <a href=\"{}\">{}</a>", escape_html(url), tr("html.original"));
    }
    body.push_str("</p><p class=\"legend\">");
    for (i, t) in analysis.themes.iter().enumerate().filter(|(i, _)| on(*i)) {
        let _ = write!(
            body,
            "<span><mark class=\"t{i}\">{}</mark> {}</span>",
            escape_html(&t.name_in(ui)),
            locale::number(ui, t.hits as usize)
        );
    }
    body.push_str("</p>");
    for (p, text) in article.paragraphs.iter().enumerate() {
        body.push_str("<p>");
        for run in highlight::paragraph_runs(analysis, p) {
            let piece = escape_html(&text[run.start..run.end]);
            let mut themes = run.themes(analysis);
            themes.retain(|&t| on(t));
            match themes.first() {
                None => body.push_str(&piece),
                Some(&first) => {
                    let names: Vec<String> =
                        themes.iter().map(|&t| analysis.themes[t].name_in(ui)).collect();
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
    let _ = write!(body, "<table><caption>{}</caption><tr><th>#</th>", tr("table.caption_print"));
    for key in ["table.speaker", "table.cue", "table.category", "table.target", "table.date"] {
        let _ = write!(body, "<th>{}</th>", tr(key));
    }
    let _ = write!(body, "<th>{}</th></tr>", tr("table.sentence"));
    for row in statement_rows(&[article], &[analysis]) {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            row.number,
            escape_html(&row.speaker),
            escape_html(&if row.corrected {
                locale::fill(ui, "table.corrected_cue", &[("cue", &row.cue)])
            } else {
                row.cue.clone()
            }),
            escape_html(Category::from_key(&row.category).map_or("", |c| tr(c.label_key()))),
            escape_html(&row.target),
            escape_html(&row.date),
            escape_html(&row.sentence)
        );
    }
    let _ = write!(body, "</table><p class=\"meta\">{}</p>", tr("html.annotated_with"));
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

/// The inside of paragraph `p` as the reader shows it: its runs as text, or as a
/// `mark.hl` naming its themes (`th-i` for each, `a-i`, `b-j`… placing up to four in the paint
/// layers of style/highlights.css) with its byte range in the document (`data-s`, `data-e`)
/// and hit indices (`data-h`); the runs of a sentence that holds a statement wrapped in a
/// focusable `span.stmt` carrying the statement's index (`data-st`).
pub fn reader_paragraph(text: &str, analysis: &Analysis, p: usize, ui: Language) -> String {
    let Some(paragraph) = analysis.paragraphs.get(p) else { return String::new() };
    let base = paragraph.span.start_byte;
    let runs = highlight::paragraph_runs(analysis, p);
    let mut out = String::with_capacity(text.len() * 2);
    let mut open: Option<usize> = None;
    for run in &runs {
        if open != run.statement {
            if open.is_some() {
                out.push_str("</span>");
            }
            if let Some(st) = run.statement {
                let speaker = analysis.statements.get(st).map_or("", |s| s.speaker_name.as_str());
                let title = locale::fill(ui, "html.statement_title", &[("speaker", &speaker)]);
                let _ = write!(
                    out,
                    "<span class=\"stmt\" data-st=\"{st}\" tabindex=\"0\" title=\"{}\">",
                    escape_html(&title)
                );
            }
            open = run.statement;
        }
        let piece = escape_html(&text[run.start..run.end]);
        if run.hits.is_empty() {
            out.push_str(&piece);
            continue;
        }
        let themes = run.themes(analysis);
        out.push_str("<mark class=\"hl");
        for t in &themes {
            let _ = write!(out, " th-{t}");
        }
        for (t, layer) in themes.iter().zip(["a", "b", "c", "d"]) {
            let _ = write!(out, " {layer}-{t}");
        }
        let _ = write!(
            out,
            "\" data-s=\"{}\" data-e=\"{}\" data-h=\"",
            base + run.start,
            base + run.end
        );
        for (i, h) in run.hits.iter().enumerate() {
            let _ = write!(out, "{}{h}", if i == 0 { "" } else { " " });
        }
        let _ = write!(out, "\" tabindex=\"-1\" aria-describedby=\"hl-tip\">{piece}</mark>");
    }
    if open.is_some() {
        out.push_str("</span>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, ThemeSet};
    use crate::article::text::read_text;

    #[test]
    fn the_page_has_the_text_highlights_and_statements_and_no_script() {
        let (article, analysis) = crate::test_support::seed();
        let html = annotated_html(&article, &analysis, &[], Language::English);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.to_lowercase().contains("<script"));
        assert_eq!(html.matches("<tr><td>").count(), 10);
        assert!(html.contains("<mark class=\"t3\" title=\"Humanitarian aid\">wheat</mark>"));
        assert!(html.contains("Sergey Lavrov"));
        let only_economy = annotated_html(
            &article,
            &analysis,
            &[false, false, true, false, false, false, false],
            Language::English,
        );
        assert!(!only_economy.contains("title=\"Humanitarian aid\""));
        assert!(only_economy.contains("title=\"Economy and trade\""));
    }

    /// The text of some markup: tags dropped, the five escapes undone.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn reader_paragraphs_keep_the_text_and_mark_every_hit_run() {
        let (article, analysis) = crate::test_support::seed();
        let mut statements = 0;
        for (p, text) in article.paragraphs.iter().enumerate() {
            let html = reader_paragraph(text, &analysis, p, Language::English);
            assert_eq!(text_of(&html), *text, "paragraph {p}");
            let marked = highlight::paragraph_runs(&analysis, p)
                .iter()
                .filter(|r| !r.hits.is_empty())
                .count();
            assert_eq!(html.matches("<mark class=\"hl").count(), marked, "paragraph {p}");
            assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
            statements += html.matches("<span class=\"stmt\"").count();
        }
        // Ten statements in ten sentences, none sharing a sentence.
        assert_eq!(statements, 10);
        let first = reader_paragraph(&article.paragraphs[0], &analysis, 0, Language::English);
        assert!(first.contains("data-st=\"0\" tabindex=\"0\" title=\"Statement by Abdoulaye Diop: select to show it on the timeline\">"), "{first}");
    }

    #[test]
    fn html_in_an_article_stays_text() {
        let article = read_text("date 2024-03-18 (<b>X</b>) Mali's Foreign Minister, Abdoulaye Diop, praised <img src=x onerror=alert(1)> aid.", None).unwrap();
        let analysis = analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
        let html = annotated_html(&article, &analysis, &[], Language::English);
        assert!(!html.contains("<img") && !html.contains("<b>X"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        let paragraph = reader_paragraph(&article.paragraphs[0], &analysis, 0, Language::English);
        assert!(!paragraph.contains("<img") && !paragraph.contains("<b>"), "{paragraph}");
        assert_eq!(text_of(&paragraph), article.paragraphs[0]);
    }
}
