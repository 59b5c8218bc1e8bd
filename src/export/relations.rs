//! A dyad's series (`analysis::relations`) as files: CSV, one row per period, and JSON with
//! each period's statements named so they can be found again (article id and the statement's
//! link, `c1096`, as the app's `?statement=` writes it).

use serde::Serialize;

use crate::analysis::corpus::Cast;
use crate::analysis::corrections::StatementLink;
use crate::analysis::relations::{Period, Series, StatementRef};
use crate::analysis::Analysis;
use crate::article::Article;

/// One period of the series, as both files write it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodRow {
    pub period_start: String,
    pub period_end: String,
    pub a_to_b: usize,
    pub b_to_a: usize,
    /// Mean tone on the −10…+10 scale, empty when the direction has no statement.
    pub a_to_b_tone: Option<f64>,
    pub b_to_a_tone: Option<f64>,
}

fn rows(series: &Series) -> Vec<PeriodRow> {
    let round = |t: Option<f64>| t.map(|t| (t * 100.0).round() / 100.0);
    series
        .buckets
        .iter()
        .map(|b| PeriodRow {
            period_start: b.start.to_string(),
            period_end: b.end.to_string(),
            a_to_b: b.forward.len(),
            b_to_a: b.backward.len(),
            a_to_b_tone: round(b.forward_tone),
            b_to_a_tone: round(b.backward_tone),
        })
        .collect()
}

/// The series as CSV, one row per period with the two parties named in its first columns
/// (`a`, `b`; `a_to_b` is A's statements about B), UTF-8 with a byte-order mark and CRLF, as
/// the statements CSV.
pub fn series_csv(cast: &Cast, series: &Series) -> String {
    let (a, b) = (&cast.actors[series.dyad.a].name, &cast.actors[series.dyad.b].name);
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // The csv crate writes no flattened structs, so the parties go before the period's fields.
    let header = ["a", "b", "period_start", "period_end", "a_to_b", "b_to_a"];
    let tones = ["a_to_b_tone", "b_to_a_tone"];
    writer.write_record(header.iter().chain(&tones)).expect("writing to memory cannot fail");
    let tone = |t: Option<f64>| t.map(|t| format!("{t:.2}")).unwrap_or_default();
    for p in rows(series) {
        let (ab, ba) = (p.a_to_b.to_string(), p.b_to_a.to_string());
        let record = [a.as_str(), b, &p.period_start, &p.period_end, &ab, &ba];
        let (tab, tba) = (tone(p.a_to_b_tone), tone(p.b_to_a_tone));
        writer.write_record(record.iter().chain(&[tab.as_str(), &tba])).expect("in memory");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    format!("\u{feff}{}", String::from_utf8(bytes).expect("the CSV writer writes UTF-8"))
}

/// The series as JSON: `{"format": "article-explorer/relations", "version": 1, "a": …,
/// "b": …, "period": "month", "periods": [{…, "statements": [{"article": id, "statement":
/// "c1096", "direction": "a_to_b"}]}], "undated": n}`.
pub fn series_json(
    articles: &[&Article],
    analyses: &[&Analysis],
    cast: &Cast,
    series: &Series,
) -> String {
    #[derive(Serialize)]
    struct Named {
        article: String,
        statement: String,
        direction: &'static str,
    }
    #[derive(Serialize)]
    struct PeriodDoc {
        #[serde(flatten)]
        row: PeriodRow,
        statements: Vec<Named>,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        format: &'static str,
        version: u32,
        a: &'a str,
        b: &'a str,
        period: Period,
        periods: Vec<PeriodDoc>,
        undated: usize,
    }
    let name = |r: &StatementRef, direction| {
        let id = articles.get(r.article).map(|a| a.id.clone()).unwrap_or_default();
        let link = analyses
            .get(r.article)
            .and_then(|a| a.statements.get(r.statement))
            .map(StatementLink::of)
            .unwrap_or_default();
        Named { article: id, statement: link, direction }
    };
    let periods = rows(series)
        .into_iter()
        .zip(&series.buckets)
        .map(|(row, b)| PeriodDoc {
            row,
            statements: b
                .forward
                .iter()
                .map(|r| name(r, "a_to_b"))
                .chain(b.backward.iter().map(|r| name(r, "b_to_a")))
                .collect(),
        })
        .collect();
    let doc = Doc {
        format: "article-explorer/relations",
        version: 1,
        a: &cast.actors[series.dyad.a].name,
        b: &cast.actors[series.dyad.b].name,
        period: series.period,
        periods,
        undated: series.undated.len(),
    };
    serde_json::to_string_pretty(&doc).expect("a series serialises")
}
