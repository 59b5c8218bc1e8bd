//! `analyze --jsonl FILE` (`-` for standard input): batch analysis for corpora too large for
//! the browser. The input is JSON Lines, one article object per line in the project's format
//! (a file holding one JSON array, a corpus, is read whole); the output is the statements as JSON Lines, or CSV with `--csv`: the rows of the
//! app's statement exports (`export::statement_rows`), numbered across the whole input.
//!
//! Streaming: lines are read in chunks of [`CHUNK`] and each chunk is analysed on every core
//! (rayon; `RAYON_NUM_THREADS` caps the threads), then written in input order, so memory stays
//! flat however long the input. A bad record is reported on standard error with its line
//! number and skipped; the others are still analysed, and [`Summary::failed`] lets the caller
//! exit non-zero. Each line is independent, so a larger engine can run this once per
//! partition (README, "Batch analysis").

use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use article_explorer::analysis::{self, ThemeSet};
use article_explorer::article::{self, Article, Input};
use article_explorer::export::{self, StatementRow};

/// Lines analysed together: enough to keep every core busy, few enough to keep memory flat.
const CHUNK: usize = 512;

/// How often a long run reports its progress on standard error.
const PROGRESS_EVERY: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
}

/// What a run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub articles: usize,
    pub statements: usize,
    /// Records that could not be read (each reported on standard error).
    pub failed: usize,
}

/// Reads `input`, analyses every article with `themes`, writes the statements to `out` and the
/// problems and progress to `log`.
pub fn run(
    mut input: impl BufRead,
    out: impl Write,
    mut log: impl Write,
    themes: &ThemeSet,
    format: Format,
) -> io::Result<Summary> {
    let mut sink = Sink::new(out, format);
    let mut summary = Summary::default();
    let (started, mut reported) = (Instant::now(), Instant::now());
    let mut line_no = 0;
    let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(CHUNK);
    loop {
        let mut line = Vec::new();
        let read = input.read_until(b'\n', &mut line)?;
        if read > 0 {
            line_no += 1;
            if line_no == 1 && first_char(&line) == Some(b'[') {
                // A corpus file (one JSON array): read whole, then as its articles.
                input.read_to_end(&mut line)?;
                let results = match article::read_bytes(&line, None) {
                    Ok(Input::Articles(articles)) => {
                        articles.into_par_iter().map(|a| Ok(rows(&a, themes))).collect()
                    }
                    Ok(Input::Index(_)) => vec![Err(NOT_AN_ARTICLE.to_string())],
                    Err(e) => vec![Err(e.to_string())],
                };
                write_results(
                    &mut sink,
                    &mut log,
                    &mut summary,
                    results.into_iter().map(|r| (1, r)),
                )?;
                break;
            }
            if first_char(&line).is_some() {
                chunk.push((line_no, line));
            }
        }
        if chunk.len() == CHUNK || (read == 0 && !chunk.is_empty()) {
            let results: Vec<(usize, Result<Vec<StatementRow>, String>)> =
                chunk.par_drain(..).map(|(n, bytes)| (n, analyse_line(&bytes, themes))).collect();
            write_results(&mut sink, &mut log, &mut summary, results.into_iter())?;
            if reported.elapsed() >= PROGRESS_EVERY {
                progress(&mut log, &summary, started)?;
                reported = Instant::now();
            }
        }
        if read == 0 {
            break;
        }
    }
    sink.finish()?;
    Ok(summary)
}

const NOT_AN_ARTICLE: &str = "an index of URLs, not an article: fetch its articles first";
const NOT_AN_OBJECT: &str =
    "not a JSON object: JSON Lines input holds one article object ({\"paragraphs\": […]} or {\"body\": …}) a line";

/// The statement rows of one line's article, or why it could not be read.
fn analyse_line(bytes: &[u8], themes: &ThemeSet) -> Result<Vec<StatementRow>, String> {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    if first_char(bytes) != Some(b'{') {
        return Err(NOT_AN_OBJECT.to_string());
    }
    match article::read_bytes(bytes, None).map_err(|e| e.to_string())? {
        Input::Articles(articles) => Ok(articles.iter().flat_map(|a| rows(a, themes)).collect()),
        Input::Index(_) => Err(NOT_AN_ARTICLE.to_string()),
    }
}

fn rows(article: &Article, themes: &ThemeSet) -> Vec<StatementRow> {
    let analysis = analysis::analyze(article, themes);
    export::statement_rows(&[article], &[&analysis])
}

fn first_char(line: &[u8]) -> Option<u8> {
    let line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
    line.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// Writes results in input order: rows renumbered across the whole input, problems to `log`.
fn write_results(
    sink: &mut Sink<impl Write>,
    log: &mut impl Write,
    summary: &mut Summary,
    results: impl Iterator<Item = (usize, Result<Vec<StatementRow>, String>)>,
) -> io::Result<()> {
    for (line, result) in results {
        match result {
            Ok(rows) => {
                summary.articles += 1;
                for mut row in rows {
                    summary.statements += 1;
                    row.number = summary.statements;
                    sink.write(&row)?;
                }
            }
            Err(message) => {
                summary.failed += 1;
                writeln!(log, "analyze: line {line}: {message}")?;
            }
        }
    }
    Ok(())
}

fn progress(log: &mut impl Write, summary: &Summary, started: Instant) -> io::Result<()> {
    let rate = summary.articles as f64 / started.elapsed().as_secs_f64().max(1e-9);
    writeln!(
        log,
        "analyze: {} articles, {} statements, {} failed ({rate:.0} articles/s)",
        summary.articles, summary.statements, summary.failed
    )
}

/// Where rows go: JSON Lines, or CSV with one header line.
enum Sink<W: Write> {
    Jsonl(io::BufWriter<W>),
    Csv(csv::Writer<W>),
}

impl<W: Write> Sink<W> {
    fn new(out: W, format: Format) -> Sink<W> {
        match format {
            Format::Jsonl => Sink::Jsonl(io::BufWriter::new(out)),
            Format::Csv => Sink::Csv(csv::WriterBuilder::new().from_writer(out)),
        }
    }

    fn write(&mut self, row: &StatementRow) -> io::Result<()> {
        match self {
            Sink::Jsonl(w) => {
                serde_json::to_writer(&mut *w, row)?;
                w.write_all(b"\n")
            }
            Sink::Csv(w) => w.serialize(row).map_err(io::Error::other),
        }
    }

    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Jsonl(mut w) => w.flush(),
            Sink::Csv(mut w) => w.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{"id": "a", "date": "2024-05-02", "paragraphs": ["Niger's Foreign Minister, Ali Maiga, praised the talks. Maiga said the talks went well."]}"#;
    const TWO: &str = r#"{"id": "b", "date": "2024-05-03", "body": "Chad's Prime Minister, Idriss Koulamallah, criticised the plan."}"#;

    fn batch(input: &str, format: Format) -> (Summary, String, String) {
        let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
        let (mut out, mut log) = (Vec::new(), Vec::new());
        let summary = run(input.as_bytes(), &mut out, &mut log, &themes, format).unwrap();
        (summary, String::from_utf8(out).unwrap(), String::from_utf8(log).unwrap())
    }

    #[test]
    fn json_lines_in_statements_out_bad_lines_named_and_skipped() {
        let input = format!("{ONE}\n\n{{\"id\": \"broken\",}}\n{TWO}\r\nsome stray words\n");
        let (summary, out, log) = batch(&input, Format::Jsonl);
        assert_eq!(summary, Summary { articles: 2, statements: 3, failed: 2 });
        let rows: Vec<serde_json::Value> =
            out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let ids: Vec<(&str, u64)> = rows
            .iter()
            .map(|r| (r["article_id"].as_str().unwrap(), r["number"].as_u64().unwrap()))
            .collect();
        assert_eq!(ids, [("a", 1), ("a", 2), ("b", 3)], "numbered across the input");
        assert_eq!(rows[2]["speaker"], "Idriss Koulamallah");
        let problems: Vec<&str> = log.lines().collect();
        assert!(problems[0].starts_with("analyze: line 3: The JSON is malformed"), "{log}");
        assert!(problems[1].starts_with("analyze: line 5: not a JSON object"), "{log}");
    }

    #[test]
    fn a_corpus_file_and_csv() {
        let (summary, out, _) = batch(&format!("[{ONE},\n{TWO}]"), Format::Csv);
        assert_eq!(summary, Summary { articles: 2, statements: 3, failed: 0 });
        let mut lines = out.lines();
        assert!(lines.next().unwrap().starts_with("number,article_id,article_headline,"));
        assert_eq!(lines.count(), 3);
    }

    #[test]
    fn more_lines_than_a_chunk_keep_their_order() {
        let input: String = (0..CHUNK + 7)
            .map(|i| format!("{{\"id\": \"n{i}\", \"body\": \"Chad's Prime Minister, Idriss Koulamallah, criticised the plan.\"}}\n"))
            .collect();
        let (summary, out, _) = batch(&input, Format::Jsonl);
        assert_eq!(summary.articles, CHUNK + 7);
        let ids: Vec<String> = out
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["article_id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(ids, (0..CHUNK + 7).map(|i| format!("n{i}")).collect::<Vec<_>>());
    }
}
