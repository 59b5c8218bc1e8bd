//! Finding a word or phrase in an article, with keyword-in-context results: the words around
//! each hit, as Voyant's Contexts and concordancers show them.
//!
//! Matching is by words, case-insensitively: the query's words must follow one another in the
//! text (spaces and line breaks between them, nothing else), and the last query word may be the
//! start of a longer word, so results appear while the user is still typing ("whe" finds
//! "wheat").

use serde::{Deserialize, Serialize};

use super::text::{words_in, Document, Span};

/// One hit with its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub span: Span,
    /// Up to `context` characters before the hit, cut at a word boundary.
    pub before: String,
    pub matched: String,
    pub after: String,
}

/// The hits of `query` in the document, in reading order; at most `limit` of them.
pub fn search(doc: &Document, query: &str, context: usize, limit: usize) -> Vec<SearchHit> {
    // The query is cut into words as the document's are ("l'armée" is two words in French).
    let query: Vec<String> = words_in(query, doc.language).into_iter().map(|w| w.lower).collect();
    let Some((last, init)) = query.split_last() else {
        return Vec::new();
    };
    let n = query.len();
    let mut out = Vec::new();
    for i in 0..doc.words.len().saturating_sub(n - 1) {
        let matches = init.iter().enumerate().all(|(k, q)| doc.words[i + k].lower == *q)
            && doc.words[i + n - 1].lower.starts_with(last.as_str())
            && (1..n).all(|k| doc.gap_before(i + k).trim().is_empty());
        if !matches {
            continue;
        }
        let (start, end) = (doc.words[i].bytes.start, doc.words[i + n - 1].bytes.end);
        let paragraph = &doc.paragraphs[doc.span(start..end).paragraph];
        out.push(SearchHit {
            span: doc.span(start..end),
            before: context_before(&doc.text[paragraph.start..start], context),
            matched: doc.text[start..end].to_string(),
            after: context_after(&doc.text[end..paragraph.end], context),
        });
        if out.len() == limit {
            break;
        }
    }
    out
}

/// A hit in an article of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusHit {
    /// The article's index in the corpus.
    pub article: usize,
    pub hit: SearchHit,
}

/// The hits of `query` in every document of a corpus, in corpus and reading order; at most
/// `limit` in all.
pub fn search_corpus(
    docs: &[&Document],
    query: &str,
    context: usize,
    limit: usize,
) -> Vec<CorpusHit> {
    let mut out = Vec::new();
    for (article, doc) in docs.iter().enumerate() {
        if out.len() == limit {
            break;
        }
        let hits = search(doc, query, context, limit - out.len());
        out.extend(hits.into_iter().map(|hit| CorpusHit { article, hit }));
    }
    out
}

fn context_before(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let cut = text.char_indices().nth(count - max).map_or(0, |(i, _)| i);
    let tail = &text[cut..];
    // Start at a word boundary.
    let tail = tail.find(char::is_whitespace).map_or(tail, |i| &tail[i..]);
    format!("…{}", tail.trim_start())
}

fn context_after(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let head = &text[..cut];
            let head = head.rfind(char::is_whitespace).map_or(head, |i| &head[..i]);
            format!("{}…", head.trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::read_text;

    fn hits(text: &str, query: &str) -> Vec<(String, String, String)> {
        let doc = Document::new(&read_text(text, None).unwrap());
        search(&doc, query, 20, 100).into_iter().map(|h| (h.before, h.matched, h.after)).collect()
    }

    fn h(b: &str, m: &str, a: &str) -> (String, String, String) {
        (b.into(), m.into(), a.into())
    }

    #[test]
    fn a_french_query_is_cut_as_the_french_text_is() {
        let text = "Selon l'armée, le calme est revenu dans la région de l’Est.";
        assert_eq!(hits(text, "l'armée"), [h("Selon ", "l'armée", ", le calme est…")]);
        assert_eq!(hits(text, "l'est"), [h("…dans la région de ", "l’Est", ".")]);
    }

    #[test]
    fn search_table() {
        let text = "Russia sent Wheat and fertilizer to Mali.\n\nMore wheat arrived in the Sahel region last week.";
        assert_eq!(
            hits(text, "wheat"),
            [
                h("Russia sent ", "Wheat", " and fertilizer to…"),
                h("More ", "wheat", " arrived in the…")
            ]
        );
        assert_eq!(hits(text, "WHE"), hits(text, "wheat"), "case-insensitive, prefix while typing");
        assert_eq!(
            hits(text, "sahel region"),
            [h("…arrived in the ", "Sahel region", " last week.")]
        );
        assert_eq!(
            hits(text, "  wheat  arrived "),
            [h("More ", "wheat arrived", " in the Sahel…")]
        );
        assert!(hits(text, "mali more").is_empty(), "not across paragraphs or punctuation");
        assert!(hits(text, "").is_empty() && hits(text, "?!").is_empty());
        assert!(hits(text, "eat").is_empty(), "words, not substrings");
    }

    #[test]
    fn a_corpus_is_searched_article_by_article_up_to_the_limit() {
        let docs: Vec<Document> =
            ["Grain for Mali. More grain.", "No match here.", "The grain arrived."]
                .iter()
                .map(|t| Document::new(&read_text(t, None).unwrap()))
                .collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let found: Vec<(usize, String)> = search_corpus(&refs, "grain", 10, 100)
            .into_iter()
            .map(|h| (h.article, h.hit.matched))
            .collect();
        assert_eq!(found, [(0, "Grain".into()), (0, "grain".into()), (2, "grain".into())]);
        assert_eq!(search_corpus(&refs, "grain", 10, 2).len(), 2);
        assert!(search_corpus(&refs, "  ", 10, 5).is_empty());
    }
}
