//! `cargo bench --bench analyze`: native analysis throughput on a generated ~1 MB corpus
//! (see corpus.rs; the seed is printed), as many short articles and as one long article.
//! and on the development set of real news (`tests/fixtures/eval-dev`, repeated to ~1 MB).
//! Prints MB/s; nothing is asserted.
//!
//! It also times opening a statements file again (`open::open_text` and
//! `export::statements::rebuild`, what the app does with a file `analyze --jsonl` wrote): the
//! 200 articles' rows as JSON Lines.
//!
//! `cargo bench --bench analyze -- --write DIR` also writes the generated inputs that
//! `scripts/bench` gives the browser: `corpus-1mb.json` (the 200 articles, a JSON array),
//! `corpus-500.json` (about 500 articles of 5 KB),
//! `article-1mb.json` and `article-5mb.json` (one long article each), in the project's article
//! JSON, and `seed.txt` with the generator seed.
//!
//! `cargo bench --bench analyze -- --write-jsonl FILE MB` writes a generated corpus of about
//! MB megabytes as JSON Lines (one article a line), the input of `analyze --jsonl`, and exits.
//!
//! `cargo bench --bench analyze -- --batch FILE` runs the `analyze --jsonl` binary on FILE
//! (such a JSON Lines corpus) on one core and on every core, output discarded, and prints the
//! throughput and the most memory the process held (VmHWM, Linux), then exits.

mod corpus;

use std::time::Instant;

use article_explorer::analysis::{analyze, ThemeSet};
use article_explorer::article::Article;

const SEED: u64 = 0x5eed_2024_0318;

/// Runs `work` five times on `articles` and prints the best time and throughput, and what
/// the last run counted (`what`).
fn measure(label: &str, articles: &[Article], what: &str, work: impl Fn() -> usize) {
    let bytes: usize =
        articles.iter().map(|a| a.paragraphs.iter().map(String::len).sum::<usize>()).sum();
    let mut best = f64::MAX;
    let mut counted = 0;
    for _ in 0..5 {
        let start = Instant::now();
        counted = work();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1_000_000.0;
    println!(
        "{label:<28} {mb:>6.2} MB  best of 5: {:>7.1} ms  {:>6.1} MB/s  ({counted} {what})",
        best * 1000.0,
        mb / best
    );
}

fn run(label: &str, articles: &[Article], themes: &ThemeSet) {
    measure(label, articles, "statements", || {
        articles.iter().map(|a| analyze(a, themes).statements.len()).sum()
    });
}

/// [`run`] for the articles read as one corpus (`analysis::corpus`: the people each introduces
/// known in the others, a second analysis of those that name one, then the merged cast).
fn run_corpus(label: &str, articles: &[Article], themes: &ThemeSet) {
    use article_explorer::analysis::corpus::{analyze_articles, Cast};
    measure(label, articles, "actors in the cast", || {
        let analyses = analyze_articles(articles, themes);
        Cast::build(&analyses.iter().collect::<Vec<_>>()).actors.len()
    });
}

/// Writes the benchmark inputs for the browser into `dir`.
fn write_inputs(dir: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let write = |name: &str, json: Result<String, serde_json::Error>| {
        std::fs::write(format!("{dir}/{name}"), json.expect("articles serialise"))
    };
    write("corpus-1mb.json", serde_json::to_string(&corpus::generate(SEED, 1_000_000, 5_000)))?;
    write("corpus-500.json", serde_json::to_string(&corpus::generate(SEED, 2_500_000, 5_000)))?;
    let one = |bytes| corpus::generate(SEED, bytes, bytes).remove(0);
    write("article-1mb.json", serde_json::to_string(&one(1_000_000)))?;
    write("article-5mb.json", serde_json::to_string(&one(5_000_000)))?;
    std::fs::write(format!("{dir}/seed.txt"), format!("{SEED:#x}\n"))
}

/// Writes about `mb` megabytes of generated articles to `path`, one JSON article a line.
fn write_jsonl(path: &str, mb: usize) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let (mut written, mut seed) = (0, SEED);
    while written < mb * 1_000_000 {
        // 10 MB at a time, each batch from its own seed, so memory stays small.
        for article in corpus::generate(seed, 10_000_000, 5_000) {
            let line = serde_json::to_string(&article).expect("articles serialise");
            written += line.len() + 1;
            writeln!(out, "{line}")?;
        }
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
    }
    out.flush()
}

/// Times `analyze --jsonl path` with `threads` rayon threads (0: every core): (seconds, peak
/// resident MB).
fn batch(path: &str, threads: usize) -> (f64, f64) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_analyze"));
    cmd.args(["--jsonl", path])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if threads > 0 {
        cmd.env("RAYON_NUM_THREADS", threads.to_string());
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("the analyze binary runs");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    loop {
        if let Some(kb) = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_string();
            line.split_whitespace().nth(1)?.parse().ok()
        }) {
            peak_kb = peak_kb.max(kb);
        }
        if child.try_wait().expect("waiting on analyze").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    (start.elapsed().as_secs_f64(), peak_kb as f64 / 1024.0)
}

/// Opening the statement rows of `articles` again, as JSON Lines: reading, grouping and
/// rebuilding every article's analysis.
fn run_reopen(label: &str, articles: &[Article], themes: &ThemeSet) {
    use article_explorer::analysis::text::Document;
    use article_explorer::export::statements::{rebuild::rebuild, statement_rows};
    use article_explorer::open::{open_text, Opened};
    let analyses: Vec<_> = articles.iter().map(|a| analyze(a, themes)).collect();
    let rows =
        statement_rows(&articles.iter().collect::<Vec<_>>(), &analyses.iter().collect::<Vec<_>>());
    let jsonl: String =
        rows.iter().map(|r| serde_json::to_string(r).expect("rows serialise") + "\n").collect();
    let mut best = f64::MAX;
    let mut best_read = f64::MAX;
    let mut rebuilt = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let Ok(Opened::Statements(files)) = open_text(&jsonl, None) else {
            panic!("the rows open as a statements file")
        };
        best_read = best_read.min(start.elapsed().as_secs_f64());
        rebuilt = files
            .iter()
            .map(|f| {
                rebuild(&f.article, &Document::new(&f.article), &f.rows, themes).statements.len()
            })
            .sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{label:<28} {:>6.2} MB  best of 5: {:>7.1} ms  {:>6.0} statements/s  ({rebuilt} statements; reading the file {:.1} ms of it)",
        jsonl.len() as f64 / 1e6,
        best * 1000.0,
        rebuilt as f64 / best,
        best_read * 1000.0
    );
}

/// The page's side of the worker protocol: the long article's analysis packed into messages
/// (`jobs::protocol::pack`), written, and read back one message at a time as the page reads
/// them. Prints the time of all of them and of the slowest one (one task on the page).
fn run_messages(label: &str, article: &Article, themes: &ThemeSet) {
    use article_explorer::jobs::protocol::{pack, read, write, FromWorker};
    let texts: Vec<String> = pack(1, 0, analyze(article, themes)).iter().map(write).collect();
    let (mut best, mut slowest) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        let (mut all, mut most) = (0.0f64, 0.0f64);
        for text in &texts {
            let start = Instant::now();
            read::<FromWorker>(text).expect("a message reads back");
            let took = start.elapsed().as_secs_f64();
            all += took;
            most = most.max(took);
        }
        best = best.min(all);
        slowest = slowest.min(most);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{label:<28} {:>6.2} MB  best of 5: {:>7.1} ms read  ({} messages, the slowest {:.1} ms)",
        bytes as f64 / 1e6,
        best * 1000.0,
        texts.len(),
        slowest * 1000.0
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--batch") {
        let path = args.get(i + 1).expect("--batch needs a JSON Lines file");
        let mb = std::fs::metadata(path).expect("the corpus exists").len() as f64 / 1e6;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        for (label, threads) in [("one core", 1), ("every core", 0)] {
            let (secs, peak) = batch(path, threads);
            println!(
                "analyze --jsonl, {label:<10} ({cores} available): {mb:.1} MB in {secs:.1} s, {:.2} MB/s, peak {peak:.0} MB resident",
                mb / secs
            );
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--write-jsonl") {
        let path = args.get(i + 1).expect("--write-jsonl needs a file");
        let mb = args.get(i + 2).and_then(|m| m.parse().ok()).expect("--write-jsonl needs MB");
        write_jsonl(path, mb).expect("corpus written");
        println!("{mb} MB of JSON Lines written to {path}");
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--write") {
        let dir = args.get(i + 1).expect("--write needs a directory");
        write_inputs(dir).expect("bench inputs written");
        println!("bench inputs written to {dir}");
    }
    // Start-up: compiling the lexicons (themes here; the gazetteer and cues on first use,
    // measured as the first analysis of a one-line article minus a second one).
    let start = Instant::now();
    let themes = ThemeSet::with_builtins(Vec::new()).expect("built-in themes compile");
    let compile = start.elapsed();
    let tiny = corpus::generate(SEED, 1, 1);
    let first = Instant::now();
    analyze(&tiny[0], &themes);
    let first = first.elapsed();
    let second = Instant::now();
    analyze(&tiny[0], &themes);
    let second = second.elapsed();
    println!(
        "start-up: themes compiled in {:.2} ms; first analysis {:.2} ms, then {:.2} ms",
        compile.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3,
        second.as_secs_f64() * 1e3
    );
    println!("corpus seed {SEED:#x}");
    let many = corpus::generate(SEED, 1_000_000, 5_000);
    run("200 articles of ~5 KB", &many, &themes);
    run_corpus("the same, as one corpus", &many, &themes);
    run_reopen("their statements reopened", &many, &themes);
    let long = corpus::generate(SEED, 1_000_000, 1_000_000);
    run("one article of ~1 MB", &long, &themes);
    run_messages("its analysis as messages", &long[0], &themes);
    // Real text: the development set of news (tests/fixtures/eval-dev), 16 short articles,
    // repeated to ~1 MB so the timing is above the clock's noise.
    let dev = dev_set();
    let copies = 1_000_000
        / dev
            .iter()
            .map(|a| a.paragraphs.iter().map(String::len).sum::<usize>())
            .sum::<usize>()
            .max(1);
    // Each copy its own id, so a statements file of them groups into as many articles.
    let repeated: Vec<Article> = (0..copies.max(1))
        .flat_map(|k| dev.iter().map(move |a| Article { id: format!("{}-{k}", a.id), ..a.clone() }))
        .collect();
    run(&format!("dev set of real news x{copies}"), &repeated, &themes);
    run_reopen("their statements reopened", &repeated, &themes);
}

/// The development set's texts, read as the app reads raw text.
fn dev_set() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/eval-dev");
    (1..=16)
        .filter_map(|n| std::fs::read_to_string(format!("{dir}/{n:02}.txt")).ok())
        .filter_map(|raw| article_explorer::article::text::read_text(&raw, None).ok())
        .collect()
}
