//! The harness of the attribution table tests (`attribution_cases.rs`, and the French
//! `attribution_cases_fr.rs`): a case is a short invented text behind a test dateline, and
//! what it must give is, for each statement, its sentence's first three words and its speaker.
// Each test crate that includes this module uses part of it.
#![allow(dead_code)]

use article_explorer::analysis::{self, ThemeSet};
use article_explorer::article::{text::read_text, Article};

/// The article of a case: `text` behind a dateline of 12 June 2025.
pub fn article(text: &str) -> Article {
    read_text(&format!("date 2025-06-12 (TEST) {text}"), None).unwrap()
}

pub fn analyse(text: &str) -> analysis::Analysis {
    analysis::analyze(&article(text), &ThemeSet::with_builtins(Vec::new()).unwrap())
}

/// For each statement of `text`: (first three words of its sentence, speaker name).
pub fn who_said(text: &str) -> Vec<(String, String)> {
    statements_of(text, &analyse(text))
}

/// [`who_said`] of an analysis already made of `text`.
pub fn statements_of(text: &str, a: &analysis::Analysis) -> Vec<(String, String)> {
    let doc = article(text).paragraphs.join("\n\n");
    a.statements
        .iter()
        .map(|s| {
            let span = &a.sentences[s.sentence].span;
            let sentence = &doc[span.start_byte..span.end_byte];
            let start: String = sentence.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            (start, s.speaker_name.clone())
        })
        .collect()
}

/// Each case's statements are exactly those given.
pub fn check(cases: &[(&str, &[(&str, &str)])]) {
    for (text, want) in cases {
        assert_eq!(who_said(text), owned(want), "{text}");
    }
}

pub fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}
