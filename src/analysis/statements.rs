//! Reported statements: who said what, about whom, when, and what kind of act it was.
//!
//! A statement needs a speaker in subject position (a named actor, or a pronoun or title
//! resolved to one by [`actors`](super::actors)) and a reporting cue: a finite reporting verb
//! from `data/cues.txt` ("emphasized", "told", "expressed appreciation"), "according to X", or
//! quotation marks with an attribution (`"…," he said`, `"…" — Lavrov`). A sentence whose
//! subject is not an actor ("The ongoing collaboration … underscores …") is the writer's own
//! voice and yields no statement.
//!
//! Each statement gets a category in the spirit of CAMEO, with a cooperation/conflict tone:
//! from the cue when the cue says it ("commended" is praise), otherwise from what was said
//! (content rules below), and a date: the day a time expression in the sentence names, or the
//! article's date.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use super::actors::{clause_initial, predicate_after, ActorKind, Actors, MentionForm};
use super::text::{Document, Span};
use super::time::TimeExpression;
use crate::article::Date;

/// What kind of act a statement is (after CAMEO's top-level event codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Praise,
    Cooperate,
    Aid,
    Appeal,
    Criticize,
    Reject,
    Neutral,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Praise,
        Category::Cooperate,
        Category::Aid,
        Category::Appeal,
        Category::Criticize,
        Category::Reject,
        Category::Neutral,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Praise => "praise or endorse",
            Category::Cooperate => "express intent to cooperate",
            Category::Aid => "pledge or provide aid",
            Category::Appeal => "appeal or demand",
            Category::Criticize => "criticise or accuse",
            Category::Reject => "reject or deny",
            Category::Neutral => "neutral statement",
        }
    }

    /// The CAMEO root code this category corresponds to.
    pub fn cameo(self) -> &'static str {
        match self {
            Category::Neutral => "01",
            Category::Appeal => "02",
            Category::Cooperate => "03",
            Category::Praise => "05",
            Category::Aid => "07",
            Category::Criticize => "11",
            Category::Reject => "12",
        }
    }

    pub fn tone(self) -> Tone {
        match self {
            Category::Praise | Category::Cooperate | Category::Aid => Tone::Cooperative,
            Category::Appeal | Category::Neutral => Tone::Neutral,
            Category::Criticize | Category::Reject => Tone::Conflictual,
        }
    }

    /// The lowercase key used in JSON, URLs and the cue lexicon (`praise`, `aid`…).
    pub fn key(self) -> &'static str {
        match self {
            Category::Praise => "praise",
            Category::Cooperate => "cooperate",
            Category::Aid => "aid",
            Category::Appeal => "appeal",
            Category::Criticize => "criticize",
            Category::Reject => "reject",
            Category::Neutral => "neutral",
        }
    }

    /// The category with this key (case-insensitive).
    pub fn from_key(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key().eq_ignore_ascii_case(s.trim()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Cooperative,
    Neutral,
    Conflictual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// A reporting verb or verb phrase.
    Verb,
    /// "according to X".
    AccordingTo,
    /// Quotation marks attributed with a dash.
    Quotation,
    /// Added by a reader's correction.
    Added,
}

/// One reported statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// The sentence it is in.
    pub sentence: usize,
    /// The speaker: an index into the actors, and its canonical name.
    pub speaker: usize,
    pub speaker_name: String,
    /// How the sentence names the speaker ("He" as a pronoun, "Diop" as a surname…).
    pub speaker_form: MentionForm,
    pub speaker_span: Span,
    pub cue: String,
    pub cue_kind: CueKind,
    pub cue_span: Span,
    /// What was said: the quotation when there is one, else the reported clause.
    pub content: String,
    pub content_span: Span,
    /// Quoted words (direct speech) rather than reported ones.
    pub direct: bool,
    /// Said with a negation ("did not criticise"); the category is then neutral.
    pub negated: bool,
    /// Whom or what the statement is about, when the text makes it clear.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_name: Option<String>,
    /// The target was carried over from the same speaker's previous statement ("this
    /// cooperation") rather than named in this one.
    pub target_inferred: bool,
    pub category: Category,
    pub category_label: &'static str,
    pub cameo: &'static str,
    pub tone: Tone,
    /// When it was said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub date_basis: String,
    /// Ids of the themes in its sentence.
    pub themes: Vec<String>,
    /// Changed or added by a reader's correction.
    pub corrected: bool,
}

// ---------------------------------------------------------------------------------------------
// The cue lexicon

#[derive(Debug)]
struct Cue {
    /// Stems the verb can take ("add" and "ad", from "added").
    verb_stems: Vec<String>,
    /// The word that must follow, as a stem ("appreci" for "express appreciation").
    object: Option<String>,
    /// `None` for `content`: decided by what was said.
    category: Option<Category>,
}

#[cfg(test)]
fn cues() -> &'static [Cue] {
    &cue_table().0
}

/// The cues, and for each verb stem the cues it can start.
/// The cues, and verb stem -> the cues it can start.
type CueTable = (Vec<Cue>, HashMap<String, Vec<usize>>);

fn cue_table() -> &'static CueTable {
    static TABLE: OnceLock<CueTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let cues = parse_cues();
        let mut by_stem: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, cue) in cues.iter().enumerate() {
            for stem in &cue.verb_stems {
                by_stem.entry(stem.clone()).or_default().push(i);
            }
        }
        (cues, by_stem)
    })
}

fn parse_cues() -> Vec<Cue> {
    {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let stem = |w: &str| stemmer.stem(w).into_owned();
        include_str!("data/cues.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|line| {
                let (words, category) = line.split_once('|')?;
                let mut words = words.split_whitespace();
                let verb = words.next()?;
                // Every inflection's stem: Porter2 gives "add" but "ad" for "added".
                let e = if verb.ends_with('e') { "" } else { "e" };
                let mut verb_stems: Vec<String> = [
                    verb.to_string(),
                    format!("{verb}s"),
                    format!("{verb}{e}d"),
                    format!("{}ing", verb.trim_end_matches('e')),
                ]
                .iter()
                .map(|f| stem(f))
                .collect();
                if let Some(stripped) = verb.strip_suffix('y') {
                    verb_stems.push(stem(&format!("{stripped}ied")));
                }
                verb_stems.sort();
                verb_stems.dedup();
                Some(Cue {
                    verb_stems,
                    object: words.next().map(stem),
                    category: Category::from_key(category),
                })
            })
            .collect()
    }
}

/// The cue starting at word `w`: (cue, words it covers).
fn cue_at(doc: &Document, w: usize, end: usize) -> Option<(&'static Cue, Range<usize>)> {
    let word = &doc.words[w];
    let (cues, by_stem) = cue_table();
    let mut best: Option<(&'static Cue, Range<usize>)> = None;
    for cue in by_stem.get(&word.stem).into_iter().flatten().map(|&i| &cues[i]) {
        match &cue.object {
            Some(object)
                if w + 1 < end
                    && doc.words[w + 1].stem == *object
                    && doc.gap_before(w + 1).trim().is_empty() =>
            {
                return Some((cue, w..w + 2))
            }
            Some(_) => {}
            None => best = best.or(Some((cue, w..w + 1))),
        }
    }
    best
}

/// Whether word `w` is used as a finite verb here, not as a participle, infinitive or noun.
fn finite(doc: &Document, w: usize, sentence_start: usize) -> bool {
    let lower = doc.words[w].lower.as_str();
    let text = doc.word_text(w);
    if lower.ends_with("ing") || text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if w > sentence_start {
        let prev = doc.words[w - 1].lower.as_str();
        if [
            "to", "the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those",
            "of", "and",
        ]
        .contains(&prev)
            && doc.gap_before(w).trim().is_empty()
        {
            return false;
        }
    }
    true
}

// ---------------------------------------------------------------------------------------------
// Content rules: what was said decides the category of a neutral cue

const CRITICIZE: &[&str] = &[
    "condemn", "accus", "critic", "denounc", "threat", "violat", "aggress", "interfer", "hostil",
    "destabil", "blame", "attack", "oppos", "illeg", "unaccept",
];
const AID: &[&str] = &[
    "aid", "assist", "humanitarian", "donat", "deliveri", "wheat", "grain", "fertil", "food",
    "relief", "vaccin", "medicin",
];
const APPEAL: &[&str] =
    &["need", "must", "should", "urg", "import", "necess", "requir", "demand", "call"];
const PRAISE: &[&str] = &[
    "posit", "bolster", "success", "effect", "tangibl", "result", "signific", "achiev", "appreci",
    "valu", "welcom", "benefici", "commend", "progress", "fruit", "excel", "grate", "thank",
];
const COOPERATE: &[&str] = &[
    "cooper", "collabor", "partner", "tie", "relat", "commit", "strengthen", "expand", "agreement",
    "dialogu", "support", "dedic",
];

fn has_stem(words: &[super::text::Word], list: &[&str]) -> bool {
    words.iter().any(|w| {
        list.iter().any(|p| if p.len() < 5 { w.stem == *p } else { w.stem.starts_with(p) })
    })
}

/// The category of a statement from what it says, strongest signal first.
fn content_category(words: &[super::text::Word]) -> Category {
    [
        (CRITICIZE, Category::Criticize),
        (AID, Category::Aid),
        (APPEAL, Category::Appeal),
        (PRAISE, Category::Praise),
        (COOPERATE, Category::Cooperate),
    ]
    .into_iter()
    .find(|(list, _)| has_stem(words, list))
    .map_or(Category::Neutral, |(_, c)| c)
}

// ---------------------------------------------------------------------------------------------
// Extraction

/// Quotations in a sentence, as byte ranges of their inner text.
fn quotations(text: &str, sentence: &Range<usize>) -> Vec<Range<usize>> {
    let s = &text[sentence.clone()];
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in s.char_indices() {
        match (open, c) {
            (None, '"' | '\u{201c}') => open = Some((i + c.len_utf8(), c)),
            (Some((start, '"')), '"') | (Some((start, '\u{201c}')), '\u{201d}') => {
                out.push(sentence.start + start..sentence.start + i);
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Trims spaces, a leading "that" and trailing punctuation from a content byte range.
fn trim_content(doc: &Document, mut r: Range<usize>) -> Range<usize> {
    let text = &doc.text;
    let s = &text[r.clone()];
    r.start +=
        s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':').len();
    if text[r.clone()].starts_with("that ") {
        r.start += 5;
    }
    let s = &text[r.clone()];
    r.end = r.start
        + s.trim_end_matches(|c: char| c.is_whitespace() || ".!?,;\"\u{201d}".contains(c)).len();
    r.clone()
}

/// How many words before a cue its subject may start.
const SUBJECT_WINDOW: usize = 40;

/// Nouns for people who speak for a country ("Malian officials", "Russian diplomats").
const GROUP_NOUNS: &[&str] = &[
    "officials", "official", "authorities", "diplomats", "diplomat", "leaders", "government",
    "ministry", "sources", "spokesperson", "spokesman", "spokeswoman", "negotiators", "delegation",
    "military", "army", "junta",
];

/// A quotation's inner text without surrounding spaces and the comma before its closing mark.
fn trim_quote(doc: &Document, mut r: Range<usize>) -> Range<usize> {
    let s = &doc.text[r.clone()];
    r.start += s.len() - s.trim_start().len();
    r.end = r.start
        + doc.text[r.clone()].trim_end_matches(|c: char| c.is_whitespace() || c == ',').len();
    r
}

/// A statement found in a sentence, before it is measured and classified.
struct Found {
    speaker_mention: usize,
    /// Empty for a quotation attributed with a dash.
    cue_words: Range<usize>,
    /// `None`: decided by the content.
    cue_category: Option<Category>,
    cue_kind: CueKind,
    content: Range<usize>,
    negated: bool,
}

/// Finds the statements of a document.
pub fn find_statements(
    doc: &Document,
    actors: &Actors,
    times: &[TimeExpression],
    sentence_themes: &[Vec<String>],
    article_date: Option<Date>,
) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let words = doc.words_in(sentence.clone());
        let quotes = quotations(&doc.text, sentence);
        let in_quote = |b: usize| quotes.iter().any(|q| q.start <= b && b < q.end);
        let in_sentence = actors.in_range(sentence);
        let mentions: Vec<usize> = in_sentence
            .clone()
            .filter(|&m| {
                !actors.mentions[m].nested && !in_quote(actors.mentions[m].span.start_byte)
            })
            .collect();
        let mut found: Vec<Found> = Vec::new();
        // Reporting verbs with their subject.
        let mut w = words.start;
        while w < words.end {
            if in_quote(doc.words[w].bytes.start) {
                w += 1;
                continue;
            }
            let Some((cue, cue_words)) =
                cue_at(doc, w, words.end).filter(|_| finite(doc, w, words.start))
            else {
                w += 1;
                continue;
            };
            // Only mentions ending shortly before the cue can be its subject (a few fillers or a
            // ", who …," clause between): look at those, so a long sentence stays linear.
            let upto = mentions.partition_point(|&m| actors.mentions[m].words.start < w);
            let from = mentions[..upto]
                .partition_point(|&m| actors.mentions[m].words.start + SUBJECT_WINDOW < w);
            let before = mentions[from..upto].iter().copied().find(|&m| {
                let mention = &actors.mentions[m];
                // "Malian officials said": a demonym and a group noun speak for the country.
                let end = match mention.form {
                    MentionForm::Demonym
                        if GROUP_NOUNS.contains(
                            &doc.words.get(mention.words.end).map_or("", |x| x.lower.as_str()),
                        ) =>
                    {
                        mention.words.end + 1
                    }
                    _ => mention.words.end,
                };
                !mention.possessive
                    && end <= w
                    && predicate_after(doc, end) == Some(w)
                    && clause_initial(doc, mention.words.start)
            });
            // Inverted after a quotation: `"…," said Lavrov.`
            let after = || {
                let gap = doc.gap_before(w);
                (gap.contains(['"', '\u{201d}']))
                    .then(|| {
                        let at = mentions
                            .partition_point(|&m| actors.mentions[m].words.start < cue_words.end);
                        mentions
                            .get(at)
                            .copied()
                            .filter(|&m| actors.mentions[m].words.start == cue_words.end)
                    })
                    .flatten()
            };
            if let Some(speaker) = before.or_else(after) {
                let between = actors.mentions[speaker].words.end.min(w)..w;
                let negated = doc.words[between]
                    .iter()
                    .any(|x| ["not", "never", "n't"].contains(&x.lower.as_str()));
                let content = match quotes.first() {
                    Some(q) => q.clone(),
                    None => {
                        doc.words[cue_words.end.min(words.end - 1)].bytes.start.min(sentence.end)
                            ..sentence.end
                    }
                };
                let content = if cue_words.end >= words.end && quotes.is_empty() {
                    sentence.end..sentence.end
                } else {
                    content
                };
                found.push(Found {
                    speaker_mention: speaker,
                    cue_words: cue_words.clone(),
                    cue_category: cue.category,
                    cue_kind: CueKind::Verb,
                    content,
                    negated,
                });
            }
            w = cue_words.end;
        }
        // "According to X, …" and "… , according to X."
        for w in words.clone() {
            if doc.words[w].lower == "according"
                && w + 2 < words.end
                && doc.words[w + 1].lower == "to"
            {
                let at = mentions.partition_point(|&m| actors.mentions[m].words.start < w + 2);
                let named = mentions.get(at).filter(|&&m| actors.mentions[m].words.start == w + 2);
                if let Some(&speaker) = named {
                    let m = &actors.mentions[speaker];
                    let content = if doc.words[w].bytes.start <= sentence.start + 1 {
                        m.span.end_byte..sentence.end
                    } else {
                        sentence.start..doc.words[w].bytes.start
                    };
                    found.push(Found {
                        speaker_mention: speaker,
                        cue_words: w..w + 2,
                        cue_category: None,
                        cue_kind: CueKind::AccordingTo,
                        content,
                        negated: false,
                    });
                }
            }
        }
        // `"…" — Name`: a quotation attributed with a dash.
        if found.is_empty() {
            if let Some(q) = quotes.first() {
                let rest = &doc.text[q.end..sentence.end];
                let rest = rest.trim_start_matches(['"', '\u{201d}', ',', ' ']);
                if rest.starts_with(['\u{2014}', '\u{2013}', '-']) {
                    let dash_end =
                        sentence.end - rest.len() + rest.chars().next().map_or(0, char::len_utf8);
                    if let Some(&speaker) = mentions.iter().find(|&&m| {
                        actors.mentions[m].span.start_byte > q.end
                            && doc.text[dash_end..actors.mentions[m].span.start_byte]
                                .trim()
                                .is_empty()
                    }) {
                        let dash = doc.words_in(q.end..dash_end);
                        found.push(Found {
                            speaker_mention: speaker,
                            cue_words: dash.start..dash.start,
                            cue_category: None,
                            cue_kind: CueKind::Quotation,
                            content: q.clone(),
                            negated: false,
                        });
                    }
                }
            }
        }
        for Found { speaker_mention, cue_words, cue_category, cue_kind, content, negated } in found
        {
            let m = &actors.mentions[speaker_mention];
            let speaker = m.actor;
            let direct = quotes.contains(&content);
            let content =
                if direct { trim_quote(doc, content) } else { trim_content(doc, content) };
            let content_words = doc.words_in(content.clone());
            let content_stems = &doc.words[content_words.clone()];
            let mut category = match cue_category {
                None => content_category(content_stems),
                Some(Category::Cooperate) if has_stem(content_stems, AID) => Category::Aid,
                Some(c) => c,
            };
            if negated {
                category = Category::Neutral;
            }
            let (cue_text, cue_span) = if cue_words.is_empty() {
                ("quotation marks".to_string(), doc.span(content.clone()))
            } else {
                let bytes =
                    doc.words[cue_words.start].bytes.start..doc.words[cue_words.end - 1].bytes.end;
                (doc.text[bytes.clone()].to_string(), doc.span(bytes))
            };
            let (target, target_inferred) =
                match target_of(actors, in_sentence.clone(), speaker, &content) {
                    Some(t) => (Some(t), false),
                    None => (
                        out.iter().rev().find(|p| p.speaker == speaker).and_then(|p| p.target),
                        true,
                    ),
                };
            let target_inferred = target_inferred && target.is_some();
            let time = times.iter().find(|t| t.sentence == s && t.point);
            let (date, date_basis) = match time {
                Some(t) => (Some(t.range.start), format!("\"{}\" in the sentence", t.text)),
                None => (
                    article_date,
                    if article_date.is_some() {
                        "the article's date".to_string()
                    } else {
                        "no date in the article".to_string()
                    },
                ),
            };
            out.push(Statement {
                sentence: s,
                speaker,
                speaker_name: actors.actors[speaker].name.clone(),
                speaker_form: m.form,
                speaker_span: m.span,
                cue: cue_text,
                cue_kind,
                cue_span,
                content: doc.text[content.clone()].to_string(),
                content_span: doc.span(content),
                direct,
                negated,
                target,
                target_name: target.map(|t| actors.actors[t].name.clone()),
                target_inferred,
                category,
                category_label: category.label(),
                cameo: category.cameo(),
                tone: category.tone(),
                date,
                date_basis,
                themes: sentence_themes.get(s).cloned().unwrap_or_default(),
                corrected: false,
            });
        }
    }
    out
}

/// The actor a statement is about: the first country or institution named in what was said
/// that is not the speaker's own side; failing that, another person.
fn target_of(
    actors: &Actors,
    candidates: Range<usize>,
    speaker: usize,
    content: &Range<usize>,
) -> Option<usize> {
    let own_country = actors.actors[speaker].country;
    let inside: Vec<usize> = actors.mentions[candidates]
        .iter()
        .filter(|m| content.start <= m.span.start_byte && m.span.end_byte <= content.end)
        .map(|m| m.actor)
        .filter(|&a| a != speaker && Some(a) != own_country)
        .collect();
    let kind = |a: usize| actors.actors[a].kind;
    inside.iter().copied().find(|&a| kind(a) != ActorKind::Person).or_else(|| {
        inside
            .iter()
            .copied()
            .find(|&a| actors.actors[a].country != own_country || own_country.is_none())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_stems_cover_inflections() {
        let stems = |verb: &str| {
            cues()
                .iter()
                .find(|c| c.verb_stems.contains(&verb.to_string()) && c.object.is_none())
                .is_some()
        };
        for stem in [
            "emphas", "underscor", "reiter", "echo", "laud", "ad", "add", "said", "told", "tell",
            "deni", "note",
        ] {
            assert!(stems(stem), "{stem}");
        }
    }

    #[test]
    fn every_cue_category_parses() {
        let lines = include_str!("data/cues.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(cues().len(), lines);
        assert!(cues().iter().filter(|c| c.category.is_none()).count() > 20);
    }
}
