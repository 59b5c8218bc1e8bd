//! What the product finds in an article: sentences and their offsets, themes, actors, reported
//! statements, dates and referenced events. Pure functions from an
//! [`Article`](crate::article::Article) to an [`Analysis`]; no browser crates.
//!
//! The steps, each in its module, run in this order over one [`text::Document`]:
//! 1. [`text`]: paragraphs, sentences (UAX #29 plus tailoring), words with stems, offsets;
//! 2. [`actors`]: countries, institutions and people, and every mention resolved to one;
//!    [`names`]: which words lie inside a proper name;
//! 3. [`themes`]: every theme term, in one Aho–Corasick pass over the stems (a common word
//!    inside a name is no hit);
//! 4. [`time`]: time expressions resolved against the article date, and referenced events;
//! 5. [`attribution`]: who said which sentence (quotations, cues, sources, clause grammar,
//!    assembly), and [`statements`]: what each is about, when, with category and tone.
//!
//! For readers of the result: [`highlight`] lays theme hits over paragraphs as runs and groups
//! them for navigation; [`search`] finds a word or phrase with its context.
//!
//! Offsets: every [`Span`] points into the document text, which is the article's paragraphs
//! joined by a blank line (`"\n\n"`), in bytes and in Unicode code points.

pub mod actors;
pub mod attribution;
pub mod corpus;
pub mod corrections;
pub mod fnv;
pub mod gazetteer;
pub mod grammar;
pub mod highlight;
pub mod language;
pub mod lexicon;
pub mod names;
pub mod quote;
pub mod relations;
pub mod search;
pub mod spelling;
pub mod statements;
pub mod table;
pub mod text;
pub mod themes;
pub mod time;
pub mod timeline;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Date};
pub use actors::{Actor, ActorKind, Mention, MentionForm};
pub use attribution::{Confidence, Pattern, SpeakerBasis};
pub use language::Language;
pub use statements::{Category, DateBasis, Statement, Tone};
pub use text::Span;
pub use themes::{ThemeDef, ThemeHit, ThemeSet};
pub use time::{DateRange, ReferencedEvent, TimeExpression};

/// Everything the analysis found in one article. Serialises to the analysis JSON that the
/// `analyze` command prints and the app shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub article_id: String,
    /// The language the article was read in (`en`, `fr`).
    pub language: Language,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_date: Option<Date>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// The themes matched, in legend order; `theme` fields and count arrays index into it.
    pub themes: Vec<ThemeSummary>,
    pub theme_hits: Vec<ThemeHit>,
    pub actors: Vec<Actor>,
    pub mentions: Vec<Mention>,
    pub statements: Vec<Statement>,
    pub time_expressions: Vec<TimeExpression>,
    pub events: Vec<ReferencedEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    /// Indices of its sentences: `first_sentence..end_sentence`.
    pub first_sentence: usize,
    pub end_sentence: usize,
    /// Hits per theme, aligned with [`Analysis::themes`].
    pub theme_counts: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub paragraph: usize,
    pub span: Span,
    /// Hits per theme, aligned with [`Analysis::themes`].
    pub theme_counts: Vec<u32>,
    /// Indices of the statements made in it.
    pub statements: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeSummary {
    pub id: String,
    pub name: String,
    pub colour: String,
    pub builtin: bool,
    /// Number of hits in the article.
    pub hits: u32,
}

impl ThemeSummary {
    /// The theme's name for an interface in `language`: a built-in theme's name in that
    /// language, a user's theme as its user named it.
    pub fn name_in(&self, language: Language) -> String {
        let builtin = self.builtin.then(|| themes::builtin_name(&self.id, language)).flatten();
        builtin.map_or_else(|| self.name.clone(), str::to_string)
    }
}

impl Analysis {
    /// The analysis of an article not analysed yet: its paragraphs, nothing found in them. The
    /// app shows the text with it while its worker analyses the article.
    pub fn text_only(article: &Article, page: &text::Page) -> Analysis {
        let paragraphs = page
            .paragraph_spans()
            .into_iter()
            .map(|span| Paragraph {
                span,
                first_sentence: 0,
                end_sentence: 0,
                theme_counts: Vec::new(),
            })
            .collect();
        Analysis {
            article_id: article.id.clone(),
            language: page.language,
            article_date: article.date,
            paragraphs,
            sentences: Vec::new(),
            themes: Vec::new(),
            theme_hits: Vec::new(),
            actors: Vec::new(),
            mentions: Vec::new(),
            statements: Vec::new(),
            time_expressions: Vec::new(),
            events: Vec::new(),
        }
    }
}

/// Analyses an article with the given themes (usually [`ThemeSet::with_builtins`]).
pub fn analyze(article: &Article, themes: &ThemeSet) -> Analysis {
    analyze_document(article, &text::Document::new(article), themes)
}

/// [`analyze`] on a document already built from the article, for callers that keep it (the
/// app searches it and re-analyses it when the user's themes change).
pub fn analyze_document(article: &Article, doc: &text::Document, themes: &ThemeSet) -> Analysis {
    analyze_knowing(article, doc, themes, &[])
}

/// [`analyze_document`] for an article of a corpus, which may name by surname alone the
/// `known` people other articles introduced ([`corpus::analyze_corpus`]).
pub fn analyze_knowing(
    article: &Article,
    doc: &text::Document,
    themes: &ThemeSet,
    known: &[actors::KnownPerson],
) -> Analysis {
    let mut actors = actors::find_actors_knowing(doc, known);
    let layout = Layout::new(doc, themes, &actors);
    let times = time::time_expressions(doc, article.date);
    let events = time::referenced_events(doc, &times, article.date);
    let statements = statements::find_statements(
        doc,
        &mut actors,
        &times,
        &layout.sentence_themes(),
        article.date,
    );
    layout.finish(article, doc, actors, statements, times, events)
}

/// The part of an analysis the theme set decides: the hits, laid over the document's
/// paragraphs and sentences, and each theme's summary. Built from the actors (a theme word
/// inside a name is no hit) before the statements, which carry their sentence's themes, and
/// then finished with them. [`analyze_knowing`] and a statements file opened again
/// ([`crate::export::statements::rebuild`]) both build their analyses so.
pub struct Layout {
    hits: Vec<ThemeHit>,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    summaries: Vec<ThemeSummary>,
}

impl Layout {
    pub fn new(doc: &text::Document, themes: &ThemeSet, actors: &actors::Actors) -> Layout {
        let hits = themes.find(doc, &names::name_words(doc, &actors.actors, &actors.mentions));
        let n_themes = themes.defs_in(doc.language).len();
        let mut sentences: Vec<Sentence> = doc
            .sentences
            .iter()
            .zip(&doc.sentence_paragraph)
            .map(|(range, &paragraph)| Sentence {
                paragraph,
                span: doc.span(range.clone()),
                theme_counts: vec![0; n_themes],
                statements: Vec::new(),
            })
            .collect();
        let mut paragraphs: Vec<Paragraph> = doc
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, range)| Paragraph {
                span: doc.span(range.clone()),
                first_sentence: doc.sentence_paragraph.partition_point(|&p| p < i),
                end_sentence: doc.sentence_paragraph.partition_point(|&p| p <= i),
                theme_counts: vec![0; n_themes],
            })
            .collect();
        let mut summaries: Vec<ThemeSummary> = themes
            .defs_in(doc.language)
            .iter()
            .map(|d| ThemeSummary {
                id: d.id.clone(),
                name: d.name.clone(),
                colour: d.colour.clone(),
                builtin: d.builtin,
                hits: 0,
            })
            .collect();
        for hit in &hits {
            sentences[hit.sentence].theme_counts[hit.theme] += 1;
            paragraphs[hit.span.paragraph].theme_counts[hit.theme] += 1;
            summaries[hit.theme].hits += 1;
        }
        Layout { hits, paragraphs, sentences, summaries }
    }

    /// The ids of the themes each sentence holds.
    pub fn sentence_themes(&self) -> Vec<Vec<String>> {
        self.sentences.iter().map(|s| themes_of(&s.theme_counts, &self.summaries)).collect()
    }

    /// The analysis, with each statement listed in its sentence.
    pub fn finish(
        mut self,
        article: &Article,
        doc: &text::Document,
        actors: actors::Actors,
        statements: Vec<Statement>,
        time_expressions: Vec<TimeExpression>,
        events: Vec<ReferencedEvent>,
    ) -> Analysis {
        for (i, st) in statements.iter().enumerate() {
            self.sentences[st.sentence].statements.push(i);
        }
        Analysis {
            article_id: article.id.clone(),
            language: doc.language,
            article_date: article.date,
            paragraphs: self.paragraphs,
            sentences: self.sentences,
            themes: self.summaries,
            theme_hits: self.hits,
            actors: actors.actors,
            mentions: actors.mentions,
            statements,
            time_expressions,
            events,
        }
    }
}

/// The ids of the themes with hits in `counts` (a sentence's or a paragraph's, aligned with
/// `themes`).
pub fn themes_of(counts: &[u32], themes: &[ThemeSummary]) -> Vec<String> {
    counts.iter().zip(themes).filter(|(&n, _)| n > 0).map(|(_, t)| t.id.clone()).collect()
}

/// The country a statement's speaker speaks for, as its lanes and exports show it: a country
/// itself; a person's, group's, document's or institution's country when the text gives one;
/// an institution of no one country (the African Union) stands for itself. `None` for a
/// person or unnamed source whose country is unknown.
pub fn speaker_country(actors: &[Actor], speaker: usize) -> Option<&str> {
    let a = actors.get(speaker)?;
    match (a.kind, a.country) {
        (ActorKind::Country, _) => Some(&a.name),
        (_, Some(c)) => actors.get(c).map(|c| c.name.as_str()),
        (ActorKind::Institution, None) => Some(&a.name),
        _ => None,
    }
}
