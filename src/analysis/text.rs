//! The article as one text: paragraphs, sentences, words, and offsets into it.
//!
//! The document text is the article's paragraphs joined by a blank line (`"\n\n"`). Every
//! [`Span`] gives its position in that text twice, as byte offsets (for slicing in Rust) and as
//! Unicode code-point offsets (what W3C TextPositionSelector and JavaScript-side tools count),
//! and names its paragraph.
//!
//! Sentences come from UAX #29 (`unicode-segmentation`) plus a tailoring layer for what the
//! standard itself says it cannot see: abbreviations and titles ("Mr.", "Gen.", "Lt. Col.",
//! "U.S.", "No. 2", "e.g."), initials ("John F. Kennedy"), and a quotation closed by its attribution (`“…” Lavrov said.`).
//! A quotation of several sentences is several sentences, as a reader counts them.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::grammar::Grammar;
use super::language::Language;
use crate::article::Article;

/// A stretch of the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Index of the paragraph the span starts in.
    pub paragraph: usize,
    /// Byte offsets into the document text (UTF-8), start inclusive, end exclusive.
    pub start_byte: usize,
    pub end_byte: usize,
    /// Unicode code-point offsets into the document text, start inclusive, end exclusive.
    pub start_char: usize,
    pub end_char: usize,
}

impl Span {
    pub fn bytes(&self) -> Range<usize> {
        self.start_byte..self.end_byte
    }
}

/// A word of the text (UAX #29 word boundaries), with its lowercase form and stem.
#[derive(Debug, Clone)]
pub struct Word {
    /// Byte range in the document text.
    pub bytes: Range<usize>,
    /// Lowercase, with typographic apostrophes made plain (`Mali’s` gives `mali's`).
    pub lower: String,
    /// Snowball (Porter2) English stem of `lower`.
    pub stem: String,
}

/// The document text of an article and its paragraphs, without sentences or words: what the
/// app's main thread keeps of an article (offsets into the text, the words a correction is
/// made on), while its analysis worker keeps the [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    /// Byte range of each paragraph in `text`.
    pub paragraphs: Vec<Range<usize>>,
    /// The language the text is read in.
    pub language: Language,
}

impl Page {
    /// The article's paragraphs joined by a blank line, read in `language`.
    pub fn of(article: &Article, language: Language) -> Page {
        let text = article.paragraphs.join("\n\n");
        let mut paragraphs = Vec::with_capacity(article.paragraphs.len());
        let mut start = 0;
        for p in &article.paragraphs {
            paragraphs.push(start..start + p.len());
            start += p.len() + 2;
        }
        Page { text, paragraphs, language }
    }

    /// The [`Span`] of each paragraph, its code-point offsets counted once across the text.
    pub fn paragraph_spans(&self) -> Vec<Span> {
        let mut chars = 0;
        let mut end = 0;
        self.paragraphs
            .iter()
            .enumerate()
            .map(|(paragraph, p)| {
                chars += self.text[end..p.start].chars().count();
                let start_char = chars;
                chars += self.text[p.clone()].chars().count();
                end = p.end;
                Span {
                    paragraph,
                    start_byte: p.start,
                    end_byte: p.end,
                    start_char,
                    end_char: chars,
                }
            })
            .collect()
    }
}

/// The article's text, split and indexed once for every analysis step.
pub struct Document {
    pub text: String,
    /// Byte range of each paragraph in `text`.
    pub paragraphs: Vec<Range<usize>>,
    /// Byte range of each sentence in `text`, in reading order, never crossing a paragraph.
    pub sentences: Vec<Range<usize>>,
    /// Paragraph index of each sentence.
    pub sentence_paragraph: Vec<usize>,
    /// Every word, in order.
    pub words: Vec<Word>,
    /// The language the text is read in (its stems, grammar and lexicons).
    pub language: Language,
    chars: CharIndex,
}

impl Document {
    /// The article read in its own language ([`super::language::of_article`]).
    pub fn new(article: &Article) -> Document {
        Document::in_language(article, super::language::of_article(article).0)
    }

    /// The article read in `language`, whatever it declares (the reader's override).
    pub fn in_language(article: &Article, language: Language) -> Document {
        let grammar = Grammar::of(language);
        let Page { text, paragraphs, .. } = Page::of(article, language);
        let mut sentences = Vec::new();
        let mut sentence_paragraph = Vec::new();
        for (i, range) in paragraphs.iter().enumerate() {
            for s in split_sentences_in(&text[range.clone()], grammar) {
                sentences.push(range.start + s.start..range.start + s.end);
                sentence_paragraph.push(i);
            }
        }
        let words = words_in(&text, language);
        let chars = CharIndex::new(&text);
        Document { text, paragraphs, sentences, sentence_paragraph, words, language, chars }
    }

    /// The word lists of the document's language.
    pub fn grammar(&self) -> &'static Grammar {
        Grammar::of(self.language)
    }

    /// The [`Span`] of a byte range of the text (both ends on char boundaries).
    pub fn span(&self, bytes: Range<usize>) -> Span {
        let paragraph = self
            .paragraphs
            .partition_point(|p| p.end < bytes.start)
            .min(self.paragraphs.len().saturating_sub(1));
        Span {
            paragraph,
            start_byte: bytes.start,
            end_byte: bytes.end,
            start_char: self.chars.char_offset(&self.text, bytes.start),
            end_char: self.chars.char_offset(&self.text, bytes.end),
        }
    }

    /// The sentence containing byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// Indices of the words that overlap a byte range.
    pub fn words_in(&self, bytes: Range<usize>) -> Range<usize> {
        let first = self.words.partition_point(|w| w.bytes.end <= bytes.start);
        let last = self.words.partition_point(|w| w.bytes.start < bytes.end);
        first..last.max(first)
    }

    /// The original text of word `i`.
    pub fn word_text(&self, i: usize) -> &str {
        &self.text[self.words[i].bytes.clone()]
    }

    /// Whether word `i` starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.word_text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether word `i` is the first word of its sentence.
    pub fn opens_sentence(&self, i: usize) -> bool {
        self.sentence_at(self.words[i].bytes.start)
            .is_some_and(|s| self.words_in(self.sentences[s].clone()).start == i)
    }

    /// The text between word `i - 1` and word `i` (from the sentence start for the first word).
    pub fn gap_before(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.words[i - 1].bytes.end };
        &self.text[start..self.words[i].bytes.start]
    }
}

/// The words of `text`, by UAX #29 word boundaries, lowercased and stemmed. The one tokenizer
/// for article text and for theme terms, so both sides of a match are normalised alike.
///
/// French adds three rules to UAX #29: an elided article or conjunction is a word of its own
/// ("l'armée" is "l'" and "armée"); a hyphenated compound is one word ("porte-parole"),
/// except an inverted subject pronoun ("a-t-il" stays "a", "t", "il"); and the stems are the
/// French Snowball stems.
pub fn words_in(text: &str, language: Language) -> Vec<Word> {
    let stemmer = rust_stemmers::Stemmer::create(language.stemmer());
    // News prose repeats its vocabulary: stem each distinct word once.
    let mut stems: std::collections::HashMap<String, String, super::fnv::Fnv> =
        std::collections::HashMap::default();
    let mut stem_of = |lower: &str| -> String {
        if let Some(stem) = stems.get(lower) {
            return stem.clone();
        }
        let stem = stemmer.stem(lower).into_owned();
        stems.insert(lower.to_string(), stem.clone());
        stem
    };
    let raw = text.unicode_word_indices().map(|(at, w)| at..at + w.len());
    let ranges: Vec<Range<usize>> = match language {
        Language::English => raw.collect(),
        Language::French => french_words(text, raw),
    };
    ranges
        .into_iter()
        .map(|bytes| {
            let w = &text[bytes.clone()];
            let lower =
                if w.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'' || b.is_ascii_digit()) {
                    w.to_string()
                } else {
                    w.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")
                };
            // An elided word is its own stem ("l'", "qu'").
            let stem = if lower.ends_with('\'') { lower.clone() } else { stem_of(&lower) };
            Word { bytes, lower, stem }
        })
        .collect()
}

/// Elided words French writes joined to the next by an apostrophe.
const ELISIONS: &[&str] =
    &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];

/// French words from UAX #29's: elisions split off, hyphenated compounds joined.
fn french_words(text: &str, raw: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in raw {
        let w = &text[r.clone()];
        let mut start = r.start;
        // "l'armée", "qu'il", "d’après": the elided word keeps its apostrophe.
        if let Some(i) = w.find(['\'', '\u{2019}']) {
            let head = &w[..i];
            let apostrophe = w[i..].chars().next().map_or(1, char::len_utf8);
            if i + apostrophe < w.len() && ELISIONS.contains(&head.to_lowercase().as_str()) {
                out.push(r.start..r.start + i + apostrophe);
                start = r.start + i + apostrophe;
            }
        }
        let part = start..r.end;
        // A compound: joined by a bare hyphen to the word before, both alphabetic, and not
        // an inverted pronoun ("-t-il", "-elle").
        let joined = out.last().is_some_and(|prev| {
            let gap = &text[prev.end..part.start];
            let here = &text[part.clone()];
            let prev_text = &text[prev.clone()];
            gap == "-"
                && !prev_text.ends_with(['\'', '\u{2019}'])
                && prev_text.chars().all(char::is_alphabetic)
                && here.chars().all(char::is_alphabetic)
                && !CLITICS.contains(&here.to_lowercase().as_str())
        });
        match out.last_mut() {
            Some(prev) if joined => prev.end = part.end,
            _ => out.push(part),
        }
    }
    out
}

/// Subject pronouns after a hyphen, inverted ("dit-il", "a-t-elle"), and the euphonic "t".
const CLITICS: &[&str] = &["t", "il", "elle", "ils", "elles", "on", "je", "nous", "vous"];

/// Byte-to-code-point offsets in O(1) plus a short scan: a checkpoint every 256 bytes.
struct CharIndex {
    ascii: bool,
    checkpoints: Vec<usize>,
}

const CHECKPOINT: usize = 256;

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex { ascii: true, checkpoints: Vec::new() };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut chars = 0;
        for (i, b) in text.bytes().enumerate() {
            if i % CHECKPOINT == 0 {
                checkpoints.push(chars);
            }
            if (b & 0xC0) != 0x80 {
                chars += 1;
            }
        }
        CharIndex { ascii: false, checkpoints }
    }

    fn char_offset(&self, text: &str, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let block = byte / CHECKPOINT;
        let Some(&base) = self.checkpoints.get(block) else {
            return text.chars().count();
        };
        base + text.as_bytes()[block * CHECKPOINT..byte]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
    }
}

/// Sentence byte ranges within one paragraph of English, trimmed of surrounding whitespace.
pub fn split_sentences(paragraph: &str) -> Vec<Range<usize>> {
    split_sentences_in(paragraph, Grammar::of(Language::English))
}

/// Sentence byte ranges within one paragraph, trimmed of surrounding whitespace, with the
/// tailoring of `grammar`'s language.
pub fn split_sentences_in(paragraph: &str, grammar: &Grammar) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pending: Option<Range<usize>> = None;
    for (at, seg) in paragraph.split_sentence_bound_indices() {
        let range = match pending.take() {
            Some(p) => p.start..at + seg.len(),
            None => at..at + seg.len(),
        };
        let text = &paragraph[range.clone()];
        let next = &paragraph[range.end..];
        if next.trim().is_empty() || !continues(text, next, grammar) {
            out.push(range);
        } else {
            pending = Some(range);
        }
    }
    if let Some(p) = pending {
        out.push(p);
    }
    out.into_iter()
        .filter_map(|r| {
            let s = &paragraph[r.clone()];
            let start = r.start + (s.len() - s.trim_start().len());
            let end = r.start + s.trim_end().len();
            (start < end).then_some(start..end)
        })
        .collect()
}

/// Whether the sentence candidate `text` must be joined with what follows (`next`).
fn continues(text: &str, next: &str, grammar: &Grammar) -> bool {
    let trimmed = text.trim_end();
    let last_word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    let last_word = last_word.trim_start_matches(['(', '"', '\u{201c}', '\'', '\u{ab}']);
    // An abbreviation or title: "Lt. Col. Goïta", "Dr. Smith", "No. 2".
    if grammar.abbreviations.contains(&last_word) {
        return true;
    }
    // An initial: "John F. Kennedy", "A. Diop".
    let mut chars = last_word.chars();
    if let (Some(c), Some('.'), None) = (chars.next(), chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    // Dotted letters: "U.S.", "a.m." followed by a lowercase word.
    let dotted = last_word.len() >= 4
        && last_word.ends_with('.')
        && last_word.split('.').filter(|p| !p.is_empty()).all(|p| p.chars().count() == 1);
    if dotted && next.trim_start().chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    // A cut marked in a quotation, "[...]" or "[…]", goes on with what follows it.
    if ["[...]", "[\u{2026}]", "(...)", "(\u{2026})"].iter().any(|cut| trimmed.ends_with(cut)) {
        return true;
    }
    // A closed quotation followed by its attribution: `“Aid is coming.” Lavrov said.`
    trimmed.ends_with(['"', '\u{201d}', '\u{bb}']) && is_attribution(next, grammar)
}

/// A short clause like "Lavrov said." or "he added" that attributes the quotation before it.
fn is_attribution(next: &str, grammar: &Grammar) -> bool {
    let clause = next.trim_start();
    let end = clause.find(['.', '!', '?']).unwrap_or(clause.len());
    let words: Vec<&str> = clause[..end].split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words.iter().any(|w| grammar.attribution_verbs.contains(&w.trim_matches(',')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(p: &str) -> Vec<&str> {
        split_sentences(p).into_iter().map(|r| &p[r]).collect()
    }

    #[test]
    fn sentence_splitting_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two! Three?", &["One.", "Two!", "Three?"]),
            (
                "Mr. Smith met Dr. Jones. They talked.",
                &["Mr. Smith met Dr. Jones.", "They talked."],
            ),
            (
                "Gen. Goïta and Lt. Col. Maïga spoke. Then they left.",
                &["Gen. Goïta and Lt. Col. Maïga spoke.", "Then they left."],
            ),
            (
                "The U.S. Secretary spoke. Then he left.",
                &["The U.S. Secretary spoke.", "Then he left."],
            ),
            ("U.S. officials said so. Fine.", &["U.S. officials said so.", "Fine."]),
            ("It ranked No. 2 in Africa. Next.", &["It ranked No. 2 in Africa.", "Next."]),
            (
                "Some items, e.g. wheat, arrived. More later.",
                &["Some items, e.g. wheat, arrived.", "More later."],
            ),
            (
                "Inflation hit 3.5 percent. Prices rose.",
                &["Inflation hit 3.5 percent.", "Prices rose."],
            ),
            (
                "John F. Kennedy spoke. Others listened.",
                &["John F. Kennedy spoke.", "Others listened."],
            ),
            // Each sentence of a quotation is a sentence (a reader counts them so).
            (
                "\"We will help. We are ready,\" he said. Then he left.",
                &["\"We will help.", "We are ready,\" he said.", "Then he left."],
            ),
            (
                "\u{201c}Aid is coming. Soon.\u{201d} Lavrov said. Next.",
                &["\u{201c}Aid is coming.", "Soon.\u{201d} Lavrov said.", "Next."],
            ),
            ("No full stop at the end", &["No full stop at the end"]),
            ("  Leading and trailing spaces.   ", &["Leading and trailing spaces."]),
            ("Unclosed \"quote. Runs on.", &["Unclosed \"quote.", "Runs on."]),
        ];
        for (input, want) in cases {
            assert_eq!(sentences(input), *want, "{input}");
        }
    }

    #[test]
    fn spans_give_bytes_and_code_points() {
        let article =
            crate::article::text::read_text("Goïta said: « Bamako ». Done.\n\nÉtat.", None)
                .unwrap();
        let doc = Document::new(&article);
        assert_eq!(doc.text, "Goïta said: « Bamako ». Done.\n\nÉtat.");
        let at = doc.text.find("Bamako").unwrap();
        let span = doc.span(at..at + 6);
        assert_eq!((span.start_byte, span.start_char), (16, 14));
        assert_eq!(span.end_char - span.start_char, 6);
        let etat = doc.text.find("État").unwrap();
        assert_eq!(doc.span(etat..etat + 1).paragraph, 1);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentence_paragraph, [0, 0, 1]);
    }

    #[test]
    fn char_offsets_agree_with_counting_past_checkpoints() {
        let text = "é".repeat(300) + "x" + &"😀".repeat(100);
        let idx = CharIndex::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.char_offset(&text, byte), text[..byte].chars().count());
        }
    }

    #[test]
    fn words_are_lowercased_and_stemmed() {
        let article =
            crate::article::text::read_text("Mali\u{2019}s economic ties, economically.", None)
                .unwrap();
        let doc = Document::new(&article);
        let words: Vec<(&str, &str)> =
            doc.words.iter().map(|w| (w.lower.as_str(), w.stem.as_str())).collect();
        assert_eq!(
            words,
            [
                ("mali's", "mali"),
                ("economic", "econom"),
                ("ties", "tie"),
                ("economically", "econom")
            ]
        );
    }
}
