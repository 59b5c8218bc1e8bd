//! Which words of a text belong to a proper name: an institution the gazetteer knows
//! ("Security Council", "Conseil de sécurité"), or a run of two or more capitalised words,
//! joined perhaps by "of", "for", "the", "and" ("Stabilization Mission", "Office for the
//! Coordination of Humanitarian Affairs").
//!
//! Themes read this so that a common word inside a name is not a theme hit: "Security Council"
//! names a body, it does not talk about security. Kept apart from `actors/`, which decides
//! who a name is; this only says where names are, and knows nothing of themes.
//!
//! Four guards keep ordinary text ordinary: one capitalised word is not a run, and a
//! sentence's first word joins one only with a capitalised word right after it ("Security
//! Council met", not "Aid for Gaza"); a sentence whose every word is capitalised is a
//! title-case heading, not a name; the name of a text ("the Juba Peace Agreement", "the
//! Declaration of Commitment to Protect Civilians") is not a body's name: its words say what
//! the text is about; and neither is a person's title with their name ("Foreign Minister Ana
//! Lopes"): a role, whose words say what the person does.

use super::actors::{Actor, ActorKind, Mention};
use super::text::Document;

/// For each word of `doc`, whether it lies inside a proper name.
pub fn name_words(doc: &Document, actors: &[Actor], mentions: &[Mention]) -> Vec<bool> {
    let mut inside = vec![false; doc.words.len()];
    for m in mentions {
        if actors.get(m.actor).is_some_and(|a| a.kind == ActorKind::Institution) {
            inside[m.words.clone()].iter_mut().for_each(|w| *w = true);
        }
    }
    for sentence in &doc.sentences {
        let words = doc.words_in(sentence.clone());
        if heading(doc, words.clone()) {
            continue;
        }
        let mut i = words.start;
        while i < words.end {
            // A sentence's first word is capitalised whatever it is: it starts a name only
            // when the next word is capitalised too ("Security Council met"), not through a
            // joiner ("Aid for Gaza was blocked", "Mercenaries of the Wagner Group…").
            if i == words.start && i + 1 < words.end && !doc.capitalised(i + 1) {
                i += 1;
                continue;
            }
            match run(doc, i, words.end) {
                Some((end, is_body)) => {
                    if is_body {
                        inside[i..end].iter_mut().for_each(|w| *w = true);
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    inside
}

/// The run of two or more capitalised words starting at word `i`: where it ends, and whether
/// it names a body (not a text). Joiners only between two capitalised words; nothing but
/// spaces or a hyphen between words.
fn run(doc: &Document, i: usize, end: usize) -> Option<(usize, bool)> {
    if !doc.capitalised(i) {
        return None;
    }
    let joiners = doc.grammar().name_joiners;
    let (mut j, mut last, mut count) = (i + 1, i + 1, 1);
    while j < end {
        let gap = doc.gap_before(j).trim();
        if !(gap.is_empty() || gap == "-") {
            break;
        }
        if doc.capitalised(j) {
            count += 1;
            j += 1;
            last = j;
        } else if joiners.contains(&doc.words[j].lower.as_str()) {
            j += 1;
        } else {
            break;
        }
    }
    let text_names = doc.grammar().text_names;
    let names_a_text = (i..last).any(|w| text_names.contains(&doc.words[w].lower.as_str()));
    (count >= 2).then_some((last, !names_a_text && !holds_title(doc, i..last)))
}

/// The words hold a person's title ("Foreign Minister Ana Lopes", "Army Gen. Lee"): a role
/// and a name, not a body's name; the role's words say what the person does.
fn holds_title(doc: &Document, words: std::ops::Range<usize>) -> bool {
    let lowers: Vec<&str> = words.map(|w| doc.words[w].lower.trim_end_matches('.')).collect();
    doc.grammar().titles.iter().any(|t| {
        let n = t.split(' ').count();
        lowers.windows(n).any(|run| run.iter().copied().eq(t.split(' ')))
    })
}

/// Every word of the sentence is capitalised but for joiners: a title-case heading.
fn heading(doc: &Document, words: std::ops::Range<usize>) -> bool {
    let joiners = doc.grammar().name_joiners;
    words.len() >= 3
        && words.clone().all(|w| {
            doc.capitalised(w)
                || joiners.contains(&doc.words[w].lower.as_str())
                || !doc.word_text(w).chars().any(char::is_alphabetic)
        })
}
