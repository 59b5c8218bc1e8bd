//! Stage 1: quotations. Where the quoted words are, across sentences and paragraphs.
//!
//! A quotation opens with `"`, `“`, `«` or `„` and closes with the matching mark (a straight
//! `"` closes a straight one). News prose leaves a quotation that runs over several
//! paragraphs open at the end of each and reopens it at the start of the next: such a
//! paragraph-initial opening continues the quotation before it, so every part has the same
//! [`Quote::chain`]. A quotation still open at the end of a paragraph that the next does not
//! continue ends there. Single quotation marks are apostrophes as often as quotes, so they
//! never open a quotation (a quote inside a quote is part of the outer one).

use std::ops::Range;

use super::super::text::Document;

/// One quotation, as written within one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the marks.
    pub inner: Range<usize>,
    /// Its first part: the same for every part of a quotation that runs over paragraphs.
    pub chain: usize,
    /// Words inside.
    pub words: usize,
}

impl Quote {
    /// Whether the quoted words overlap the byte range `r`.
    pub fn overlaps(&self, r: &Range<usize>) -> bool {
        self.inner.start < r.end && r.start < self.inner.end
    }
}

/// The quotations of a document, and for each sentence how it stands to them.
#[derive(Debug, Clone, Default)]
pub struct Quotes {
    pub quotes: Vec<Quote>,
    /// Per sentence: the quotations it overlaps, in order.
    pub in_sentence: Vec<Vec<usize>>,
    /// Per sentence: how many of its words are inside a quotation.
    pub quoted_words: Vec<usize>,
}

fn closer(open: char) -> char {
    match open {
        '\u{201c}' | '\u{201e}' => '\u{201d}',
        '\u{ab}' => '\u{bb}',
        _ => '"',
    }
}

impl Quotes {
    pub fn find(doc: &Document) -> Quotes {
        let mut quotes: Vec<Quote> = Vec::new();
        // The quotation left open at the end of the previous paragraph.
        let mut dangling: Option<usize> = None;
        for para in &doc.paragraphs {
            let text = &doc.text[para.clone()];
            let mut open: Option<(usize, char)> = None;
            let mut first = true;
            for (i, c) in text.char_indices() {
                match open {
                    None if matches!(c, '"' | '\u{201c}' | '\u{ab}' | '\u{201e}') => {
                        open = Some((para.start + i + c.len_utf8(), c));
                    }
                    // Writers mix marks (“…"): any closing mark closes.
                    Some((start, o))
                        if c == closer(o) || (o != '\u{ab}' && matches!(c, '"' | '\u{201d}')) =>
                    {
                        push(
                            &mut quotes,
                            doc,
                            start..para.start + i,
                            first.then_some(dangling).flatten(),
                        );
                        first = false;
                        open = None;
                    }
                    _ => {}
                }
                if !c.is_whitespace() && open.is_none() {
                    first = false;
                }
            }
            let continued = first.then_some(dangling).flatten();
            dangling = None;
            if let Some((start, _)) = open {
                let end = para.start + text.trim_end().len();
                dangling = Some(push(&mut quotes, doc, start..end.max(start), continued));
            }
        }
        let mut in_sentence = vec![Vec::new(); doc.sentences.len()];
        let mut quoted_words = vec![0; doc.sentences.len()];
        for (q, quote) in quotes.iter().enumerate() {
            let words = doc.words_in(quote.inner.clone());
            for w in words {
                if let Some(s) = doc.sentence_at(doc.words[w].bytes.start) {
                    quoted_words[s] += 1;
                    if in_sentence[s].last() != Some(&q) {
                        in_sentence[s].push(q);
                    }
                }
            }
        }
        Quotes { quotes, in_sentence, quoted_words }
    }

    /// Whether byte `at` is inside a quotation.
    pub fn contains(&self, at: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.inner.end <= at);
        self.quotes.get(i).is_some_and(|q| q.inner.start <= at)
    }

    /// Whether a quotation of sentence `s` overlaps the byte range `r` (what was said is,
    /// wholly or partly, quoted words).
    pub fn overlaps(&self, s: usize, r: &Range<usize>) -> bool {
        self.in_sentence[s].iter().any(|&q| self.quotes[q].overlaps(r))
    }
}

/// Adds a quotation; returns its index.
fn push(
    quotes: &mut Vec<Quote>,
    doc: &Document,
    inner: Range<usize>,
    continues: Option<usize>,
) -> usize {
    let i = quotes.len();
    let chain = continues.map_or(i, |c| quotes[c].chain);
    let words = doc.words_in(inner.clone()).len();
    quotes.push(Quote { inner, chain, words });
    i
}
