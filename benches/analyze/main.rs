//! `cargo bench --bench analyze`: native analysis throughput on a generated ~1 MB corpus
//! (see corpus.rs; the seed is printed), as many short articles and as one long article.
//! Prints MB/s; nothing is asserted.

mod corpus;

use std::time::Instant;

use article_explorer::analysis::{analyze, ThemeSet};
use article_explorer::article::Article;

const SEED: u64 = 0x5eed_2024_0318;

fn run(label: &str, articles: &[Article], themes: &ThemeSet) {
    let bytes: usize =
        articles.iter().map(|a| a.paragraphs.iter().map(String::len).sum::<usize>()).sum();
    let mut best = f64::MAX;
    let mut statements = 0;
    for _ in 0..5 {
        let start = Instant::now();
        statements = articles.iter().map(|a| analyze(a, themes).statements.len()).sum();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1_000_000.0;
    println!(
        "{label:<28} {mb:>6.2} MB  best of 5: {:>7.1} ms  {:>6.1} MB/s  ({} statements)",
        best * 1000.0,
        mb / best,
        statements
    );
}

fn main() {
    let themes = ThemeSet::with_builtins(Vec::new()).expect("built-in themes compile");
    println!("corpus seed {SEED:#x}");
    run("200 articles of ~5 KB", &corpus::generate(SEED, 1_000_000, 5_000), &themes);
    run("one article of ~1 MB", &corpus::generate(SEED, 1_000_000, 1_000_000), &themes);
}
