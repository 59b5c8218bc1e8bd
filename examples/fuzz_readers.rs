//! A long fuzz run of the readers alone, not part of the test suite: `cargo run --profile fuzz
//! --example fuzz_readers -- [INPUTS] [SEED]` mutates valid inputs of every format the app
//! reads (the project's JSON, a corpus, an index, schema.org JSON-LD, raw text with a
//! dateline, statements files as JSON, JSON Lines and CSV) byte by byte and field by field,
//! opens each with `open::open_bytes` (a statements file is also rebuilt), and counts
//! panics and articles that break the `Article` invariant (ARCHITECTURE.md: at least one
//! non-empty trimmed paragraph, a non-empty id, a URL that is http(s) or none). Without the
//! analysis behind them the readers take a million inputs in seconds. Prints the counts, the
//! time and the first failing inputs.

#[path = "../tests/support/rng.rs"]
mod rng;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use article_explorer::analysis::text::Document;
use article_explorer::analysis::ThemeSet;
use article_explorer::article::{Article, Input};
use article_explorer::export::statements::rebuild::rebuild;
use article_explorer::open::{open_bytes, Opened};
use rng::Rng;

/// Valid inputs of each format (invented text), the starting points of the mutations.
const SEEDS: &[&str] = &[
    r#"{"id": "a-1", "title": "Ministers meet", "source": "TEST", "date": "2024-03-18", "url": "https://example.org/a", "language": "en", "paragraphs": ["The minister said the talks went well.", "Trade grew."]}"#,
    r#"{"body": "Line one.\n\nLine two, with «quotes» and “curly” ones.", "date": "2023-12-31"}"#,
    r#"[{"id": "x", "body": "One."}, {"id": "y", "paragraphs": ["Two.", " ", "Three."], "date": "2024-02-29"}]"#,
    r#"["articles/a.json", "https://example.org/b.json"]"#,
    r#"{"articles": ["a.json", "b.json"]}"#,
    r#"{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "A visit", "datePublished": "2024-03-18T09:00:00Z", "url": "https://example.org/c", "publisher": {"@type": "Organization", "name": "TEST"}, "articleBody": "The envoy arrived. He met the press."}"#,
    r#"{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": ["NewsArticle"], "headline": "G", "articleBody": ["P one.", "P two."], "inLanguage": "fr"}]}"#,
    "date 2024-03-18 (TEST) The minister said the talks went well.\n\nTrade grew.",
    "BAMAKO, March 18 (TEST) - The minister said the talks went well.",
    "18 mars 2024 (TEST) Le ministre a déclaré que les discussions avançaient.",
    // Statements files: JSON Lines of rows, the JSON document, the CSV.
    concat!(r#"{"number": 1, "article_id": "t-1", "article_headline": "Talks", "article_headline_derived": false, "article_source": "TEST", "article_url": "https://example.org/t", "article_date": "2025-02-03", "speaker": "Ada Obi", "role": "Foreign Minister", "country": "Chad", "cue": "praised", "category": "praise", "category_label": "praise or endorse", "cameo": "05", "tone": "cooperative", "target": "Niger", "date": "2025-02-03", "date_basis": "the article's date", "direct": false, "negated": false, "content": "the accord with Niger", "sentence": "Chad's Foreign Minister, Ada Obi, praised the accord with Niger.", "sentence_start": 0, "sentence_end": 64, "themes": "diplomacy", "corrected": false, "co_speakers": "", "attribution": "speaker, then reporting verb; speaker named in the sentence", "confidence": "high", "corpus_speaker": "Ada Obi", "corpus_target": "Niger", "corpus_country": "Chad", "article_language": "en", "article_license": "", "speaker_kind": "person", "target_kind": "country", "target_country": "Niger", "pattern": "speaker_cue", "speaker_basis": "named"}"#, "\n", r#"{"number": 2, "article_id": "t-1", "article_headline": "Talks", "article_headline_derived": false, "article_source": "TEST", "article_url": "https://example.org/t", "article_date": "2025-02-03", "speaker": "Ada Obi", "role": "Foreign Minister", "country": "Chad", "cue": "criticised", "category": "criticize", "category_label": "praise or endorse", "cameo": "05", "tone": "cooperative", "target": "Niger", "date": "2025-02-03", "date_basis": "the article's date", "direct": false, "negated": false, "content": "the accord with Niger", "sentence": "Chad's Foreign Minister, Ada Obi, criticised the accord with Niger.", "sentence_start": 0, "sentence_end": 64, "themes": "diplomacy", "corrected": false, "co_speakers": "", "attribution": "speaker, then reporting verb; speaker named in the sentence", "confidence": "high", "corpus_speaker": "Ada Obi", "corpus_target": "Niger", "corpus_country": "Chad", "article_language": "en", "article_license": "", "speaker_kind": "person", "target_kind": "country", "target_country": "Niger", "pattern": "speaker_cue", "speaker_basis": "named"}"#),
    concat!(r#"{"format": "article-explorer/statements", "version": 1, "statements": ["#, r#"{"number": 1, "article_id": "t-1", "article_headline": "Talks", "article_headline_derived": false, "article_source": "TEST", "article_url": "https://example.org/t", "article_date": "2025-02-03", "speaker": "Ada Obi", "role": "Foreign Minister", "country": "Chad", "cue": "praised", "category": "praise", "category_label": "praise or endorse", "cameo": "05", "tone": "cooperative", "target": "Niger", "date": "2025-02-03", "date_basis": "the article's date", "direct": false, "negated": false, "content": "the accord with Niger", "sentence": "Chad's Foreign Minister, Ada Obi, praised the accord with Niger.", "sentence_start": 0, "sentence_end": 64, "themes": "diplomacy", "corrected": false, "co_speakers": "", "attribution": "speaker, then reporting verb; speaker named in the sentence", "confidence": "high", "corpus_speaker": "Ada Obi", "corpus_target": "Niger", "corpus_country": "Chad", "article_language": "en", "article_license": "", "speaker_kind": "person", "target_kind": "country", "target_country": "Niger", "pattern": "speaker_cue", "speaker_basis": "named"}"#, "]}"),
    "number,article_id,article_headline,article_headline_derived,article_source,article_url,article_date,speaker,role,country,cue,category,category_label,cameo,tone,target,date,date_basis,direct,negated,content,sentence,sentence_start,sentence_end,themes,corrected,co_speakers,attribution,confidence,corpus_speaker,corpus_target,corpus_country\n1,t-2,Talks,false,TEST,,2025-02-03,Ada Obi,,Chad,said,neutral,neutral statement,01,neutral,,2025-02-03,the article's date,false,false,the talks went well,\"Ada Obi said the talks went well, \"\"for now\"\".\",0,40,,false,,,high,Ada Obi,,Chad\n",
];

/// Values that stress what a field accepts.
const VALUES: &[&str] = &[
    "\"\"",
    "\" \"",
    "null",
    "0",
    "-1",
    "1e309",
    "true",
    "[]",
    "{}",
    "[[]]",
    "\"2024-02-30\"",
    "\"0000-01-01\"",
    "\"9999-12-31T23:59:60Z\"",
    "\"javascript:alert(1)\"",
    "\"//evil\"",
    "\"https://\"",
    "\"http://x\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\u{202e}\"",
    "\"a\\nb\"",
    "\"<script>x</script>\"",
    "[\"\", \" \", \"\\n\"]",
    "[1, 2]",
    "\"𝕏\"",
    "\"é\\u0301\"",
];

const KEYS: &[&str] = &[
    "id", "title", "source", "date", "url", "language", "paragraphs", "body", "@type", "headline",
    "articleBody", "datePublished", "inLanguage", "publisher", "@graph", "articles", "article_id",
    "speaker", "sentence", "cue", "content", "category", "target", "sentence_start", "pattern",
    "speaker_kind", "co_speakers", "version", "statements",
];

fn mutate(rng: &mut Rng, seed: &str) -> Vec<u8> {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        match rng.below(8) {
            // A byte changed, inserted or removed.
            0 if !bytes.is_empty() => {
                let i = rng.below(bytes.len() as u64) as usize;
                bytes[i] = rng.next() as u8;
            }
            1 => {
                let i = rng.below(bytes.len() as u64 + 1) as usize;
                const SPECIAL: &[u8] = b"{}[]\",:\\ \n\x00\xff";
                bytes.insert(i, SPECIAL[rng.below(SPECIAL.len() as u64) as usize]);
            }
            2 if !bytes.is_empty() => {
                let i = rng.below(bytes.len() as u64) as usize;
                bytes.remove(i);
            }
            // Cut short.
            3 => {
                let cut = rng.below(bytes.len() as u64 + 1) as usize;
                bytes.truncate(cut);
            }
            // A field's value replaced by a hostile one.
            4 | 5 => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let key = format!("\"{}\": ", rng.pick(KEYS));
                if let Some(at) = text.find(&key) {
                    let start = at + key.len();
                    let end = value_end(&text, start);
                    bytes = format!("{}{}{}", &text[..start], rng.pick(VALUES), &text[end..])
                        .into_bytes();
                }
            }
            // A field added, perhaps twice.
            6 => {
                if let Some(at) = bytes.iter().position(|&b| b == b'{') {
                    let field = format!("\"{}\": {}, ", rng.pick(KEYS), rng.pick(VALUES));
                    bytes.splice(at + 1..at + 1, field.into_bytes());
                }
            }
            // Nesting and repetition.
            _ => {
                let n = rng.below(50) as usize;
                let mut wrapped = "[".repeat(n).into_bytes();
                wrapped.extend_from_slice(&bytes);
                wrapped.extend("]".repeat(n).into_bytes());
                bytes = wrapped;
            }
        }
    }
    bytes
}

/// Where the JSON value starting at `start` ends, roughly (the next comma or closing bracket
/// outside a string); good enough to replace values in the seeds.
fn value_end(text: &str, start: usize) -> usize {
    let (mut depth, mut in_string, mut escaped) = (0i32, false, false);
    for (i, c) in text[start..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '[' | '{' if !in_string => depth += 1,
            ']' | '}' if !in_string && depth == 0 => return start + i,
            ']' | '}' if !in_string => depth -= 1,
            ',' if !in_string && depth == 0 => return start + i,
            _ => {}
        }
    }
    text.len()
}

/// What is wrong with an article the reader accepted, if anything.
fn broken(a: &Article) -> Option<String> {
    if a.id.trim().is_empty() {
        return Some("empty id".into());
    }
    if a.paragraphs.is_empty() {
        return Some("no paragraph".into());
    }
    if let Some(p) = a.paragraphs.iter().find(|p| p.is_empty() || p.trim() != p.as_str()) {
        return Some(format!("paragraph not trimmed or empty: {p:?}"));
    }
    let web = |u: &str| {
        let u = u.to_ascii_lowercase();
        let rest = u.strip_prefix("https://").or_else(|| u.strip_prefix("http://"));
        rest.is_some_and(|r| !r.is_empty() && !r.starts_with([':', '/']))
    };
    if let Some(u) = a.url.as_ref().filter(|u| !web(u)) {
        return Some(format!("url {u:?}"));
    }
    None
}

/// The articles an opened input holds (not an index's URLs).
fn articles_of(opened: &Opened) -> Option<Vec<&Article>> {
    match opened {
        Opened::Input(Input::Articles(a)) => Some(a.iter().collect()),
        Opened::Statements(files) => Some(files.iter().map(|f| &f.article).collect()),
        Opened::Input(Input::Index(_)) => None,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let inputs: u64 = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    let seed: u64 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(0x5eed_2024);
    let mut rng = Rng(seed.max(1));
    // Only the first panic's message is printed; the rest are counted.
    let hook = std::panic::take_hook();
    let seen = std::sync::atomic::AtomicBool::new(false);
    std::panic::set_hook(Box::new(move |info| {
        if !seen.swap(true, std::sync::atomic::Ordering::Relaxed) {
            hook(info);
        }
    }));
    let themes = ThemeSet::with_builtins(Vec::new()).expect("the built-in themes compile");
    let start = Instant::now();
    let (mut panics, mut invalid, mut accepted, mut refused) = (0u64, 0u64, 0u64, 0u64);
    let mut first: Vec<String> = Vec::new();
    for _ in 0..inputs {
        let start_from = SEEDS[rng.below(SEEDS.len() as u64) as usize];
        let bytes = mutate(&mut rng, start_from);
        // A statements file is also rebuilt, as the app does with what it opens.
        let open = || {
            let opened = open_bytes(&bytes, Some("fuzz.json"));
            if let Ok(Opened::Statements(files)) = &opened {
                for f in files {
                    rebuild(&f.article, &Document::new(&f.article), &f.rows, &themes);
                }
            }
            opened
        };
        match catch_unwind(AssertUnwindSafe(open)) {
            Err(_) => {
                panics += 1;
                if first.len() < 5 {
                    first.push(format!("panic: {:?}", String::from_utf8_lossy(&bytes)));
                }
            }
            Ok(Ok(opened)) if articles_of(&opened).is_some() => {
                accepted += 1;
                for a in articles_of(&opened).unwrap_or_default() {
                    if let Some(why) = broken(a) {
                        invalid += 1;
                        if first.len() < 5 {
                            first.push(format!("{why}: {:?}", String::from_utf8_lossy(&bytes)));
                        }
                    }
                }
            }
            Ok(Ok(_)) => accepted += 1,
            Ok(Err(_)) => refused += 1,
        }
    }
    println!(
        "{inputs} inputs (seed {seed:#x}) in {:.1} s: {accepted} read, {refused} refused with a message, {panics} panics, {invalid} invalid articles",
        start.elapsed().as_secs_f64()
    );
    for f in &first {
        println!("  {f}");
    }
    if panics + invalid > 0 {
        std::process::exit(1);
    }
}
