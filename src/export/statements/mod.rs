//! The statements as flat rows, the one shape every statement export starts from, and the
//! way back: a statements file opened again as articles with their analyses.
//!
//! - [`statement_rows`], [`statements_csv`] (RFC 4180, via the csv crate) and
//!   [`statements_json`]: what the app's downloads and `analyze --jsonl`/`--csv` write;
//! - [`read`]: which text is a statements file (the JSON document, JSON Lines of rows, the CSV)
//!   and its rows grouped by article;
//! - [`rebuild`]: an article of its statements' sentences and its [`Analysis`] from the rows,
//!   so a corpus analysed in batch opens in the app without being analysed again.

pub mod read;
pub mod rebuild;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::article::{Article, Headline};

/// One statement as a flat row. The columns after `corpus_country` came later: a file without
/// them still reads ([`read`]), each taken as empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementRow {
    /// 1-based position in the corpus, in reading order.
    pub number: usize,
    pub article_id: String,
    pub article_headline: String,
    /// The article had no headline: `article_headline` was made from its source and date.
    pub article_headline_derived: bool,
    pub article_source: String,
    pub article_url: String,
    /// The article's publication date, `YYYY-MM-DD`, or empty.
    pub article_date: String,
    pub speaker: String,
    pub role: String,
    pub country: String,
    pub cue: String,
    pub category: String,
    pub category_label: String,
    pub cameo: String,
    pub tone: String,
    pub target: String,
    /// `YYYY-MM-DD`, or empty when the article has no date.
    pub date: String,
    pub date_basis: String,
    pub direct: bool,
    pub negated: bool,
    pub content: String,
    pub sentence: String,
    /// Code-point offsets of the sentence in the article's text (paragraphs joined by a blank
    /// line), as W3C TextPositionSelector counts.
    pub sentence_start: usize,
    pub sentence_end: usize,
    pub themes: String,
    /// Changed or added by a reader's correction.
    pub corrected: bool,
    /// The other speakers of a joint subject, separated by "; ".
    pub co_speakers: String,
    /// Why the analysis attributes it so, and how sure it is (high, medium, low).
    pub attribution: String,
    pub confidence: String,
    /// The speaker, target and speaker's country as the corpus's one cast names them
    /// (`analysis::corpus::Cast`): one name for a person across articles and spellings, the
    /// country from whichever article states it. For one article, mostly `speaker`'s.
    pub corpus_speaker: String,
    pub corpus_target: String,
    pub corpus_country: String,
    /// The language the article was read in (`en`, `fr`), its licence, and the speaker's and
    /// target's kinds (`person`, `country`…): with the pattern and speaker basis (`speaker_cue`,
    /// `pronoun`), what a statements file needs to be opened again as it was.
    #[serde(default)]
    pub article_language: String,
    #[serde(default)]
    pub article_license: String,
    #[serde(default)]
    pub speaker_kind: String,
    #[serde(default)]
    pub target_kind: String,
    /// The target's country, as `country` is the speaker's.
    #[serde(default)]
    pub target_country: String,
    #[serde(default)]
    pub pattern: String,
    #[serde(default)]
    pub speaker_basis: String,
}

/// The statements of a corpus as rows, in reading order.
pub fn statement_rows(articles: &[&Article], analyses: &[&Analysis]) -> Vec<StatementRow> {
    let cast = crate::analysis::corpus::Cast::build(analyses);
    let mut rows = Vec::new();
    for (k, (article, a)) in articles.iter().zip(analyses).enumerate() {
        let text = article.paragraphs.join("\n\n");
        for s in &a.statements {
            let speaker = &a.actors[s.speaker];
            let sentence = &a.sentences[s.sentence].span;
            let country = crate::analysis::speaker_country(&a.actors, s.speaker)
                .unwrap_or_default()
                .to_string();
            let corpus_speaker = cast.of(k, s.speaker);
            rows.push(StatementRow {
                number: rows.len() + 1,
                article_id: article.id.clone(),
                article_headline: article.headline().text().to_string(),
                article_headline_derived: matches!(article.headline(), Headline::Derived(_)),
                article_source: article.source.clone().unwrap_or_default(),
                article_url: article.url.clone().unwrap_or_default(),
                article_date: article.date.map(|d| d.to_string()).unwrap_or_default(),
                speaker: speaker.name.clone(),
                role: speaker.role.clone().unwrap_or_default(),
                country,
                cue: s.cue.clone(),
                category: s.category.key().to_string(),
                category_label: s.category_label.to_string(),
                cameo: s.cameo.to_string(),
                tone: s.tone.key().to_string(),
                target: s.target_name.clone().unwrap_or_default(),
                date: s.date.map(|d| d.to_string()).unwrap_or_default(),
                date_basis: s.date_basis.describe(),
                direct: s.direct,
                negated: s.negated,
                content: s.content.clone(),
                sentence: text[sentence.start_byte..sentence.end_byte].to_string(),
                sentence_start: sentence.start_char,
                sentence_end: sentence.end_char,
                themes: s.themes.join(";"),
                corrected: s.corrected,
                co_speakers: s.co_speaker_names.join("; "),
                attribution: s.why(),
                confidence: s.confidence.key().to_string(),
                corpus_speaker: cast.name_or(k, s.speaker, &speaker.name),
                corpus_target: s.target.map_or_else(String::new, |t| cast.name_or(k, t, "")),
                corpus_country: corpus_speaker
                    .and_then(|c| cast.speaker_country(c))
                    .unwrap_or_default()
                    .to_string(),
                article_language: a.language.tag().to_string(),
                article_license: article.license.clone().unwrap_or_default(),
                speaker_kind: speaker.kind.key().to_string(),
                target_kind: s.target.map_or("", |t| a.actors[t].kind.key()).to_string(),
                target_country: s
                    .target
                    .and_then(|t| crate::analysis::speaker_country(&a.actors, t))
                    .unwrap_or_default()
                    .to_string(),
                pattern: s.pattern.id().to_string(),
                speaker_basis: s.speaker_basis.id().to_string(),
            });
        }
    }
    rows
}

/// The rows as CSV (RFC 4180: a header line, fields quoted when they hold a comma, a quote or a
/// line break, quotes doubled), UTF-8 with a byte-order mark: without it Excel reads the file
/// as the system's legacy code page and garbles every curly quote, accent and non-Latin name
/// (the csv crate and other RFC 4180 readers skip the mark). An article id a spreadsheet
/// would read as a number or a date (`007`, `2024-03-18`) is written as the text formula
/// `="007"`, so it stays text; other ids are written as they are.
pub fn statements_csv(rows: &[StatementRow]) -> String {
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for row in rows {
        let row = StatementRow { article_id: id_as_text(&row.article_id), ..row.clone() };
        // Serialising plain strings, numbers and booleans into memory cannot fail.
        writer.serialize(row).expect("a statement row serialises");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    let csv = String::from_utf8(bytes).expect("the CSV writer writes the UTF-8 it is given");
    format!("\u{feff}{csv}")
}

/// `id`, or `="id"` when a spreadsheet would take it for a number or a date: only digits and
/// the separators of numbers and dates (`.`, `-`, `/`, `,`, `:`, `e`).
fn id_as_text(id: &str) -> String {
    let numeric = id.chars().any(|c| c.is_ascii_digit())
        && id.chars().all(|c| c.is_ascii_digit() || ".-/,:eE+ ".contains(c));
    if numeric {
        format!("=\"{id}\"")
    } else {
        id.to_string()
    }
}

/// The rows as JSON: `{"format": "article-explorer/statements", "version": 1, "statements": […]}`.
pub fn statements_json(rows: &[StatementRow]) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        format: &'static str,
        version: u32,
        statements: &'a [StatementRow],
    }
    let doc = Doc { format: "article-explorer/statements", version: 1, statements: rows };
    serde_json::to_string_pretty(&doc).expect("statement rows serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::seed;

    #[test]
    fn csv_round_trips_through_the_csv_reader() {
        let (article, analysis) = seed();
        let mut rows = statement_rows(&[&article], &[&analysis]);
        assert_eq!(rows.len(), 10);
        // Awkward content: quotes, commas, line breaks, non-Latin text.
        rows[0].content = "He said \"no\", then\r\nleft; «Bamako» — Бамако, 巴马科, باماكو".into();
        rows[1].speaker = "Diop, \"the minister\"".into();
        let csv = statements_csv(&rows);
        assert!(csv.starts_with(
            "\u{feff}number,article_id,article_headline,article_headline_derived,article_source,article_url,article_date,speaker,role,"
        ));
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let heads: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(heads[0], "number", "the byte-order mark is not part of the first name");
        let col = |name: &str| heads.iter().position(|h| h == name).unwrap();
        let back: Vec<Vec<String>> =
            reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
        assert_eq!(back.len(), 10);
        assert_eq!(back[0][col("content")], rows[0].content);
        assert_eq!(back[1][col("speaker")], rows[1].speaker);
        assert_eq!(back[7][col("speaker")], "Sergey Lavrov");
        assert_eq!(back[7][col("cue")], "reiterated");
        // The seed has no headline: the one shown is derived, and marked so.
        assert_eq!(back[0][col("article_headline")], "MENAFN report of 18 March 2024");
        assert_eq!(back[0][col("article_headline_derived")], "true");
        assert_eq!(back[0][col("article_source")], "MENAFN");
        assert_eq!(back[0][col("article_date")], "2024-03-18");
        assert_eq!(back[0][col("article_id")], "mali-russia-2024-03-18");
    }

    #[test]
    fn ids_a_spreadsheet_would_take_for_numbers_stay_text() {
        for (id, written) in [
            ("007", "=\"007\""),
            ("2024-03-18", "=\"2024-03-18\""),
            ("1e5", "=\"1e5\""),
            ("mali-2024", "mali-2024"),
            ("e", "e"),
        ] {
            assert_eq!(id_as_text(id), written, "{id}");
        }
    }

    #[test]
    fn json_lists_the_rows() {
        let (article, analysis) = seed();
        let rows = statement_rows(&[&article], &[&analysis]);
        let v: serde_json::Value = serde_json::from_str(&statements_json(&rows)).unwrap();
        assert_eq!(v["format"], "article-explorer/statements");
        assert_eq!(v["statements"].as_array().unwrap().len(), 10);
        assert_eq!(v["statements"][7]["speaker"], "Sergey Lavrov");
        assert_eq!(v["statements"][7]["category"], "aid");
        assert_eq!(v["statements"][7]["date"], "2024-03-18");
        let text = article.paragraphs.join("\n\n");
        let (s, e) = (rows[7].sentence_start, rows[7].sentence_end);
        assert_eq!(text.chars().skip(s).take(e - s).collect::<String>(), rows[7].sentence);
    }
}
