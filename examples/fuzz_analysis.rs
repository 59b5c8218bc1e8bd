//! A long fuzz run, not part of the test suite: `cargo run --profile fuzz --example fuzz_analysis --
//! [INPUTS] [SEED]` feeds the readers and the analysis generated inputs (shuffled fragments of
//! diplomatic prose and adversarial Unicode, random bytes, random JSON-ish text) and counts
//! panics and invalid offsets. Prints the count, the time and the first failing inputs.

#[path = "../tests/support/fragments.rs"]
mod fragments;
#[path = "../tests/support/rng.rs"]
mod rng;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use article_explorer::analysis::{analyze, ThemeSet};
use article_explorer::article::{read_bytes, Input};
use rng::Rng;

fn input(rng: &mut Rng) -> Vec<u8> {
    match rng.below(10) {
        // Shuffled fragments, the most productive kind.
        0..=5 => {
            let n = rng.below(60);
            (0..n)
                .map(|_| rng.pick(fragments::FRAGMENTS))
                .collect::<Vec<_>>()
                .join(" ")
                .into_bytes()
        }
        // Random bytes (mostly not UTF-8).
        6 => (0..rng.below(300)).map(|_| rng.next() as u8).collect(),
        // Random code points.
        7 => (0..rng.below(200))
            .filter_map(|_| char::from_u32(rng.below(0x3_0000) as u32))
            .collect::<String>()
            .into_bytes(),
        // JSON-ish: the project's and JSON-LD shapes with fragment values.
        _ => {
            let f = |rng: &mut Rng| serde_json::to_string(rng.pick(fragments::FRAGMENTS)).unwrap();
            let body: Vec<String> = (0..rng.below(8)).map(|_| f(rng)).collect();
            let doc = match rng.below(3) {
                0 => format!(
                    "{{\"title\": {}, \"date\": {}, \"paragraphs\": [{}]}}",
                    f(rng),
                    f(rng),
                    body.join(",")
                ),
                1 => format!(
                    "{{\"@type\": \"NewsArticle\", \"headline\": {}, \"articleBody\": {}}}",
                    f(rng),
                    body.join(" ")
                ),
                _ => format!("[{{\"body\": {}}}, {}]", f(rng), body.join(",")),
            };
            // Sometimes cut it short.
            let cut = if rng.below(4) == 0 {
                rng.below(doc.len() as u64 + 1) as usize
            } else {
                doc.len()
            };
            doc.as_bytes()[..cut].to_vec()
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let total: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0x5eed_f022);
    let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
    let mut rng = Rng(seed);
    std::panic::set_hook(Box::new(|_| {}));
    let (mut panics, mut analysed, mut bad_offsets) = (0u64, 0u64, 0u64);
    let mut examples: Vec<String> = Vec::new();
    let start = Instant::now();
    for _ in 0..total {
        let bytes = input(&mut rng);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let mut bad = 0;
            if let Ok(Input::Articles(articles)) = read_bytes(&bytes, Some("fuzz.txt")) {
                for a in &articles {
                    let text = a.paragraphs.join("\n\n");
                    let r = analyze(a, &themes);
                    let spans = r
                        .sentences
                        .iter()
                        .map(|s| s.span)
                        .chain(r.theme_hits.iter().map(|h| h.span))
                        .chain(r.mentions.iter().map(|m| m.span));
                    bad += spans
                        .filter(|s| {
                            !(s.end_byte <= text.len()
                                && text.is_char_boundary(s.start_byte)
                                && text.is_char_boundary(s.end_byte))
                        })
                        .count();
                }
                return (1, bad);
            }
            (0, bad)
        }));
        match outcome {
            Ok((n, bad)) => {
                analysed += n;
                bad_offsets += bad as u64;
            }
            Err(_) => {
                panics += 1;
                if examples.len() < 5 {
                    examples.push(String::from_utf8_lossy(&bytes).chars().take(300).collect());
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{total} inputs (seed {seed:#x}) in {secs:.1} s: {analysed} read as articles and analysed, {panics} panics, {bad_offsets} offsets off a char boundary");
    for e in examples {
        println!("panicked on: {e:?}");
    }
    if panics > 0 || bad_offsets > 0 {
        std::process::exit(1);
    }
}
