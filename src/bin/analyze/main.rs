//! `cargo run --bin analyze -- FILE [--statements | --timelinejs]`: analyses an article file (project JSON,
//! raw text with a dateline, or a corpus: a JSON array of articles) natively and prints the
//! analysis as JSON (an array of analyses for a corpus), the same data the app shows. `--statements` prints a readable table of the statements instead;
//! `--timelinejs` the TimelineJS3 JSON the app's "TimelineJS" download gives (lanes by country). `--themes FILE`
//! adds user themes from a JSON list of `{id, name, colour, terms}`. `--cast` prints a
//! corpus's one cast of actors and its dyads, the most statements first
//! (`{"cast": […], "pairs": […]}`), as the relations view uses them.
//!
//! `analyze --jsonl FILE [--csv]` (`-` reads standard input) is the batch mode for large
//! corpora: JSON Lines in, the statements as JSON Lines (or CSV) out, on every core
//! ([`batch`]).

// Batch mode is native only (rayon): the wasm build never compiles this binary's batch.
#[cfg(not(target_arch = "wasm32"))]
mod batch;

use std::process::ExitCode;

use article_explorer::analysis::timeline::LaneMode;
use article_explorer::analysis::{self, ThemeDef, ThemeSet};
use article_explorer::article;
use article_explorer::export::timelinejs;
use article_explorer::locale::Language;

const USAGE: &str = "usage: analyze FILE [--statements | --timelinejs | --cast] [--themes THEMES.json]\n       analyze --jsonl FILE|- [--csv] [--themes THEMES.json]";

/// Exit codes: 0 done, 1 nothing could be done (the message says why), 2 a batch finished but
/// some of its records could not be read (each named on standard error).
fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        Err(message) => {
            eprintln!("analyze: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `Ok(false)`: a batch in which some records failed.
fn run() -> Result<bool, String> {
    let mut file = None;
    let mut table = false;
    let mut timelinejs = false;
    let mut cast = false;
    let mut jsonl = false;
    let mut csv = false;
    let mut themes_file = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--statements" => table = true,
            "--timelinejs" => timelinejs = true,
            "--cast" => cast = true,
            "--jsonl" => jsonl = true,
            "--csv" => csv = true,
            "--themes" => themes_file = Some(args.next().ok_or("--themes needs a file")?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(true);
            }
            _ if file.is_none() => file = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let file = file.ok_or(USAGE)?;
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let user: Vec<ThemeDef> = match &themes_file {
        Some(path) => serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?,
        None => Vec::new(),
    };
    let themes = ThemeSet::with_builtins(user).map_err(|e| e.to_string())?;
    #[cfg(target_arch = "wasm32")]
    if jsonl {
        return Err("--jsonl is native only".into());
    }
    #[cfg(not(target_arch = "wasm32"))]
    if jsonl {
        let format = if csv { batch::Format::Csv } else { batch::Format::Jsonl };
        let input: Box<dyn std::io::BufRead> = if file == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            let f = std::fs::File::open(&file).map_err(|e| format!("{file}: {e}"))?;
            Box::new(std::io::BufReader::with_capacity(1 << 20, f))
        };
        let summary =
            batch::run(input, std::io::stdout().lock(), std::io::stderr().lock(), &themes, format)
                .map_err(|e| e.to_string())?;
        eprintln!(
            "analyze: {} articles, {} statements, {} failed",
            summary.articles, summary.statements, summary.failed
        );
        return Ok(summary.failed == 0);
    }
    if csv {
        return Err("--csv goes with --jsonl".into());
    }
    let input = read(&file)?;
    let articles = article::read_all(&input, Some(&file)).map_err(|e| format!("{file}: {e}"))?;
    // A corpus file is read as one corpus: its articles share one cast of people.
    let analyses = analysis::corpus::analyze_articles(&articles, &themes);
    if cast {
        let refs: Vec<&analysis::Analysis> = analyses.iter().collect();
        let cast = analysis::corpus::Cast::build(&refs);
        let pairs: Vec<serde_json::Value> = analysis::relations::pairs(&refs, &cast)
            .iter()
            .map(|p| {
                let name = |i: usize| cast.actors[i].name.clone();
                serde_json::json!({"a": name(p.dyad.a), "b": name(p.dyad.b), "statements": p.count})
            })
            .collect();
        let doc = serde_json::json!({"cast": cast, "pairs": pairs});
        println!("{}", serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?);
    } else if timelinejs {
        let articles: Vec<&article::Article> = articles.iter().collect();
        let analyses: Vec<&analysis::Analysis> = analyses.iter().collect();
        println!(
            "{}",
            timelinejs::timelinejs(&articles, &analyses, LaneMode::Country, Language::English)
        );
    } else if table {
        for (k, analysis) in analyses.iter().enumerate() {
            if analyses.len() > 1 {
                println!("article {}: {}", k + 1, articles[k].headline().text());
            }
            print_table(analysis);
        }
    } else if let [one] = analyses.as_slice() {
        println!("{}", serde_json::to_string_pretty(one).map_err(|e| e.to_string())?);
    } else {
        println!("{}", serde_json::to_string_pretty(&analyses).map_err(|e| e.to_string())?);
    }
    Ok(true)
}

fn print_table(analysis: &analysis::Analysis) {
    for (i, s) in analysis.statements.iter().enumerate() {
        let target = s.target_name.as_deref().unwrap_or("-");
        let date = s.date.map(|d| d.to_string()).unwrap_or_default();
        println!(
            "{:>2}  {:<16} {:<22} {:<28} -> {:<10} {:<10} [{}]  {}",
            i + 1,
            s.speaker_name,
            format!("{} ({:?})", s.cue, s.speaker_form).to_lowercase(),
            s.category_label,
            target,
            date,
            s.themes.join(","),
            s.content
        );
    }
    for e in &analysis.events {
        println!(
            "event: {} [{} .. {}{}] ({})",
            e.label,
            e.range.start,
            e.range.end,
            if e.range.fuzzy { ", fuzzy" } else { "" },
            e.cue
        );
    }
}
