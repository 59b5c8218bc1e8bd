//! Stage 4: the clause grammar around a cue. Where its subject is (the noun phrase before
//! it, or after it when inverted), without a parser: news attribution clauses are short and
//! regular, so reading outwards from the cue over a few kinds of words is enough.
//!
//! Before a cue: fillers ("also", "has", "reportedly"), then an optional appositive or
//! relative clause between commas (", the ministry's spokesman,", ", who arrived Monday,"),
//! then the subject phrase back to the clause boundary: punctuation, a subordinator ("that",
//! "as", "while") or the sentence start. Joint subjects split at "and".

use std::ops::Range;

use super::super::text::Document;

/// The longest subject phrase read back from a cue, in words.
const MAX_SUBJECT: usize = 20;

/// The subject of a cue, read back from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The subject phrases, lead first: one, or several joined by "and".
    pub parts: Vec<Range<usize>>,
    /// A name between commas right before the cue (", Abubaka Noor, said").
    pub appositive: Option<Range<usize>>,
    /// Words between the subject and the cue (fillers), for negation.
    pub between: Range<usize>,
    /// The clause before the cue had no subject of its own but a coordinating "and"
    /// ("… has provided support and has warned"): the subject is the sentence's.
    pub shared: bool,
}

/// A gap inside a phrase: spaces, a hyphen, an apostrophe, an abbreviation's stop.
fn plain(gap: &str) -> bool {
    gap.trim().is_empty() || ["-", "'", "\u{2019}", "."].contains(&gap) || gap.trim_end() == "."
}

/// An inverted subject pronoun joined to the verb by hyphens (French): after the cue
/// ("déclare-t-il", "dit-elle") or after its auxiliary ("a-t-il déclaré"). `cue_end` is the
/// word after the cue's words; `end` the sentence's end word.
pub fn inverted_clitic(doc: &Document, cue: usize, cue_end: usize, end: usize) -> Option<usize> {
    let clitics = doc.grammar().inverted_clitics;
    let clitic = |k: usize| clitics.contains(&doc.words[k].lower.as_str());
    let hyphen = |k: usize| doc.gap_before(k) == "-";
    // After: "dit-il", "ajoute-t-elle".
    let mut k = cue + 1;
    if k < end && hyphen(k) && doc.words[k].lower == "t" {
        k += 1;
    }
    if k < end && k <= cue_end && hyphen(k) && clitic(k) {
        return Some(k);
    }
    // Before, after the auxiliary: "a-t-il déclaré", "ont-ils affirmé".
    let k = cue.checked_sub(1)?;
    (k > 0 && clitic(k) && hyphen(k) && doc.gap_before(cue).trim().is_empty()).then_some(k)
}

/// The first word of the verb group of the cue at `cue`: back over the fillers joined to it
/// (auxiliaries, adverbs, negation: "has also said", "a déclaré"), to the sentence's first
/// word `first` at most.
pub fn verb_group_start(doc: &Document, cue: usize, first: usize) -> usize {
    let g = doc.grammar();
    let mut k = cue;
    while k > first && plain(doc.gap_before(k)) && {
        let l = doc.words[k - 1].lower.as_str();
        g.verb_fillers.contains(&l) || g.adverb(l)
    } {
        k -= 1;
    }
    k
}

/// The subject of the cue at word `cue`, in the sentence whose first word is `first`.
pub fn subject_before(doc: &Document, cue: usize, first: usize) -> Option<Subject> {
    let g = doc.grammar();
    let mut k = verb_group_start(doc, cue, first);
    let between = k..cue;
    if k == first {
        return None;
    }
    // "… and has warned": a second verb of the same subject.
    if plain(doc.gap_before(k)) && g.coordinators.contains(&doc.words[k - 1].lower.as_str()) {
        return Some(Subject { parts: Vec::new(), appositive: None, between, shared: true });
    }
    // A parenthesis before the cue: "U.S. Africa Command (AFRICOM) says".
    if doc.gap_before(k).trim() == ")" {
        let mut j = k - 1;
        while j > first && !doc.gap_before(j).contains('(') {
            j -= 1;
        }
        if j == first || k - j > 4 || !plain(doc.gap_before(j).trim_end_matches('(')) {
            return None;
        }
        k = j;
    } else if doc.gap_before(k).trim() == "," {
        // Back to the opening comma: ", who …," or ", NAME,".
        let mut j = k - 1;
        while j > first && plain(doc.gap_before(j)) && k - j <= 10 {
            j -= 1;
        }
        if j == first || doc.gap_before(j).trim() != "," {
            return None;
        }
        let appositive = (!g.relatives.contains(&doc.words[j].lower.as_str())).then_some(j..k);
        let mut subject = phrase_before(doc, j, first)?;
        subject.appositive = appositive;
        subject.between = between;
        return Some(subject);
    } else if !plain(doc.gap_before(k)) {
        return None;
    }
    let mut subject = phrase_before(doc, k, first)?;
    subject.between = between;
    Some(subject)
}

/// The subject phrase ending before word `end`, back to its clause boundary.
fn phrase_before(doc: &Document, end: usize, first: usize) -> Option<Subject> {
    if end == first {
        return None;
    }
    let g = doc.grammar();
    // ", who said …": the subject is the phrase before the relative pronoun.
    if doc.words[end - 1].lower == g.person_relative {
        return (end - 1 > first && doc.gap_before(end - 1).trim() == ",")
            .then(|| phrase_before(doc, end - 1, first))
            .flatten();
    }
    if g.boundaries.contains(&doc.words[end - 1].lower.as_str()) {
        return None;
    }
    let mut j = end - 1;
    while j > first && end - j < MAX_SUBJECT {
        let gap = doc.gap_before(j);
        // A list of subjects: "X, Y and Z said".
        // Each item is short: a comma after a clause ("…in the region, and ISIS claims") is no list.
        let listed = gap.trim() == ","
            && doc.words[j..end].iter().any(|w| w.lower == g.and)
            && !g.boundaries.contains(&doc.words[j - 1].lower.as_str())
            && item_before(doc, j, first) <= LIST_ITEM;
        if !plain(gap) && !listed {
            break;
        }
        let prev = doc.words[j - 1].lower.as_str();
        if g.boundaries.contains(&prev) {
            // "Officials who spoke on condition of anonymity said": the phrase before "who".
            if prev == g.person_relative && j - 1 > first && plain(doc.gap_before(j - 1)) {
                return phrase_before(doc, j - 1, first);
            }
            break;
        }
        j -= 1;
    }
    if end - j >= MAX_SUBJECT {
        return None;
    }
    Some(Subject {
        parts: split_and(doc, j..end),
        appositive: None,
        between: end..end,
        shared: false,
    })
}

/// The longest item of a list of subjects, in words.
const LIST_ITEM: usize = 6;

/// How many words stand between the comma before word `j` and the comma or sentence start
/// before them.
fn item_before(doc: &Document, j: usize, first: usize) -> usize {
    let mut k = j - 1;
    while k > first && !doc.gap_before(k).contains(',') && j - k <= LIST_ITEM {
        k -= 1;
    }
    j - k
}

/// Splits a subject at "and", unless "and" joins the capitalised words of one name
/// ("Justice and Equality Movement") or of what a name's "of" / "for" governs ("Under
/// Secretary for Trade and Financial Affairs NAME", "Ministry of Mines and Energy").
fn split_and(doc: &Document, chain: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = chain.start;
    let caps = |w: usize| doc.capitalised(w);
    for w in chain.clone() {
        if w > start && doc.gap_before(w).trim() == "," {
            parts.push(start..w);
            start = w;
        }
        if doc.words[w].lower == doc.grammar().and && w + 1 < chain.end {
            if w == start {
                // ", and Z": the list's last part.
                start = w + 1;
                continue;
            }
            if caps(w - 1) && caps(w + 1) && w - start == 1 {
                continue;
            }
            // The capitalised words before "and" follow a name's "of" or "for" (in the
            // subject, or right before it: the subject may start after the preposition).
            let mut b = w - 1;
            while b > 0 && b + 1 > start && caps(b) {
                b -= 1;
            }
            let joiner = doc.words[b].lower.as_str();
            let inside_name = b + 1 < w
                && b > 0
                && caps(b - 1)
                && caps(w + 1)
                && doc.gap_before(b).trim().is_empty()
                && doc.gap_before(b + 1).trim().is_empty()
                && doc.grammar().name_joiners.contains(&joiner)
                && joiner != doc.grammar().and;
            if inside_name {
                continue;
            }
            parts.push(start..w);
            start = w + 1;
        }
    }
    parts.push(start..chain.end);
    parts
}

/// The phrase after word `at` up to the next comma, stop or quotation (at most 12 words):
/// the subject of an inverted cue, or the source after "according to".
pub fn phrase_after(doc: &Document, at: usize, end: usize) -> Option<Range<usize>> {
    let g = doc.grammar();
    let starts_clause = |w: usize| {
        let l = doc.words[w].lower.as_str();
        g.boundaries.contains(&l) || g.prepositions.contains(&l)
    };
    if at >= end || starts_clause(at) {
        return None;
    }
    let mut e = at;
    while e < end && e < at + 12 && (e == at || plain(doc.gap_before(e))) {
        e += 1;
    }
    (e > at).then_some(at..e)
}
