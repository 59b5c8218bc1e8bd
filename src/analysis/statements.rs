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

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

use super::actors::{ActorKind, Actors, MentionForm};
use super::attribution::{self, Confidence, Pattern, SpeakerBasis};
use super::text::{Document, Span};
use super::time::TimeExpression;
use crate::article::Date;
use crate::locale::{self, Language};

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

    /// The category in English words ("praise or endorse"), as the exports write it.
    pub fn label(self) -> &'static str {
        locale::text(Language::English, self.label_key())
    }

    /// The key of the category's words in the message table (`crate::locale`).
    pub fn label_key(self) -> &'static str {
        match self {
            Category::Praise => "category.praise",
            Category::Cooperate => "category.cooperate",
            Category::Aid => "category.aid",
            Category::Appeal => "category.appeal",
            Category::Criticize => "category.criticize",
            Category::Reject => "category.reject",
            Category::Neutral => "category.neutral",
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

    /// The category's place on a cooperation–conflict scale from −10 to +10: the Goldstein
    /// scale's value for its CAMEO code (root codes; praise is CAMEO 051). The relations view
    /// averages it per period (`analysis::relations`); the README lists the values.
    pub fn goldstein(self) -> f64 {
        match self {
            Category::Neutral => 0.0,
            Category::Appeal => 3.0,
            Category::Cooperate => 4.0,
            Category::Praise => 3.4,
            Category::Aid => 7.0,
            Category::Criticize => -2.0,
            Category::Reject => -4.0,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Cooperative,
    Neutral,
    Conflictual,
}

impl Tone {
    /// The lowercase word for it (JSON, CSS classes, labels).
    pub fn key(self) -> &'static str {
        match self {
            Tone::Cooperative => "cooperative",
            Tone::Neutral => "neutral",
            Tone::Conflictual => "conflictual",
        }
    }

    /// The key of the tone's name in the message table (`crate::locale`).
    pub fn label_key(self) -> &'static str {
        match self {
            Tone::Cooperative => "tone.cooperative",
            Tone::Neutral => "tone.neutral",
            Tone::Conflictual => "tone.conflictual",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Statement {
    /// The sentence it is in.
    pub sentence: usize,
    /// The speaker: an index into the actors, and its canonical name.
    pub speaker: usize,
    pub speaker_name: String,
    /// How the sentence names the speaker ("He" as a pronoun, "Diop" as a surname…).
    pub speaker_form: MentionForm,
    pub speaker_span: Span,
    /// The other speakers of a joint subject ("X and Y said"), each also given a statement
    /// of its own: actor indices and names.
    pub co_speakers: Vec<usize>,
    pub co_speaker_names: Vec<String>,
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
    /// [`Category::label`] and [`Category::cameo`] (owned once read back from JSON).
    pub category_label: Cow<'static, str>,
    pub cameo: Cow<'static, str>,
    pub tone: Tone,
    /// When it was said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub date_basis: DateBasis,
    /// Ids of the themes in its sentence.
    pub themes: Vec<String>,
    /// Which pattern of news writing found it, how its speaker was resolved, and how sure
    /// the two are together (the weaker of them).
    pub pattern: Pattern,
    pub speaker_basis: SpeakerBasis,
    pub confidence: Confidence,
    /// Changed or added by a reader's correction.
    pub corrected: bool,
}

impl Statement {
    /// Why the analysis thinks so, in words: the pattern that found the statement and how its
    /// speaker was resolved ("reporting verb followed by the speaker; speaker named in the
    /// sentence"). Shown on the card, in the table and in the exports.
    pub fn why(&self) -> String {
        why(Language::English, self.pattern, self.speaker_basis)
    }
}

/// A pattern and a speaker basis in `lang`'s words, joined.
pub fn why(lang: Language, pattern: Pattern, basis: SpeakerBasis) -> String {
    format!(
        "{}{}{}",
        locale::text(lang, pattern.key()),
        locale::text(lang, "common.semicolon"),
        locale::text(lang, basis.key())
    )
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
// From attributions to statements

/// Finds the statements of a document: the attributed sentences
/// ([`attribution`](super::attribution)), each with category, target and date. Sources the
/// text describes without naming them are added to `actors`.
pub fn find_statements(
    doc: &Document,
    actors: &mut Actors,
    times: &[TimeExpression],
    sentence_themes: &[Vec<String>],
    article_date: Option<Date>,
) -> Vec<Statement> {
    let found = attribution::attribute(doc, actors);
    let actors = &*actors;
    let mut out: Vec<Statement> = Vec::with_capacity(found.len());
    for a in found {
        let s = a.sentence;
        let content = a.content.clone();
        let content_words = doc.words_in(content.clone());
        let content_stems = &doc.words[content_words];
        let mut category = match a.cue_category {
            None => content_category(content_stems),
            Some(Category::Cooperate) if has_stem(content_stems, AID) => Category::Aid,
            Some(c) => c,
        };
        if a.negated {
            category = Category::Neutral;
        }
        let (cue_text, cue_span) = if a.cue_words.is_empty() {
            // No reporting verb of its own: a dash attribution, or a sentence that goes on
            // with a quotation attributed elsewhere.
            let cue = match a.pattern {
                Pattern::QuoteContinued | Pattern::QuoteParagraph => "quotation, continued",
                Pattern::Label => "speaker label",
                _ => "quotation marks",
            };
            (cue.to_string(), doc.span(content.clone()))
        } else {
            let bytes =
                doc.words[a.cue_words.start].bytes.start..doc.words[a.cue_words.end - 1].bytes.end;
            (doc.text[bytes.clone()].to_string(), doc.span(bytes))
        };
        let speaker = a.speaker;
        let in_sentence = actors.in_range(&doc.sentences[s]);
        let (target, target_inferred) = match target_of(actors, in_sentence, speaker, &content) {
            Some(t) => (Some(t), false),
            None => (out.iter().rev().find(|p| p.speaker == speaker).and_then(|p| p.target), true),
        };
        let target_inferred = target_inferred && target.is_some();
        let (date, date_basis) = date_of(times, s, &content, article_date);
        let co_speaker_names =
            a.co_speakers.iter().map(|&c| actors.actors[c].name.clone()).collect();
        out.push(Statement {
            sentence: s,
            speaker,
            speaker_name: actors.actors[speaker].name.clone(),
            speaker_form: a.form,
            speaker_span: doc.span(a.speaker_span.clone()),
            co_speakers: a.co_speakers,
            co_speaker_names,
            cue: cue_text,
            cue_kind: a.cue_kind,
            cue_span,
            content: doc.text[content.clone()].to_string(),
            content_span: doc.span(content),
            direct: a.direct,
            negated: a.negated,
            target,
            target_name: target.map(|t| actors.actors[t].name.clone()),
            target_inferred,
            category,
            category_label: category.label().into(),
            cameo: category.cameo().into(),
            tone: category.tone(),
            date,
            date_basis,
            themes: sentence_themes.get(s).cloned().unwrap_or_default(),
            pattern: a.pattern,
            speaker_basis: a.basis,
            confidence: attribution::confidence(a.pattern, a.basis),
            corrected: false,
        });
    }
    out
}

/// When a statement was made: a day named in its sentence outside what was said (a
/// briefing on one day about an event on another is dated by the briefing), else the
/// article's date.
fn date_of(
    times: &[TimeExpression],
    s: usize,
    content: &Range<usize>,
    article_date: Option<Date>,
) -> (Option<Date>, DateBasis) {
    // Time expressions are in sentence order: the sentence's are one run.
    let from = times.partition_point(|t| t.sentence < s);
    let to = times.partition_point(|t| t.sentence <= s);
    let in_sentence: Vec<&TimeExpression> = times[from..to].iter().filter(|t| t.point).collect();
    let outside = in_sentence.iter().find(|t| {
        let at = t.span.start_byte;
        !(content.start <= at && at < content.end)
    });
    match (outside, article_date) {
        (Some(t), _) => (Some(t.range.start), DateBasis::InSentence { words: t.text.clone() }),
        (None, None) => (None, DateBasis::NoDate),
        (None, Some(d)) if content.is_empty() || in_sentence.is_empty() => {
            (Some(d), DateBasis::ArticleDate)
        }
        (None, Some(d)) => (Some(d), DateBasis::ArticleDateOverContent),
    }
}

/// Why a statement has its date: a fact, put in words by [`DateBasis::describe`] where the
/// data leaves the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum DateBasis {
    /// A day named in the sentence, outside what was said ("on Tuesday").
    InSentence { words: String },
    /// The article's date: the sentence names no day.
    ArticleDate,
    /// The article's date: the days the sentence names are inside what was said.
    ArticleDateOverContent,
    /// Neither the sentence nor the article has a date.
    NoDate,
}

impl DateBasis {
    pub fn describe(&self) -> String {
        match self {
            DateBasis::InSentence { words } => format!("\"{words}\" in the sentence"),
            DateBasis::ArticleDate => "the article's date".to_string(),
            DateBasis::ArticleDateOverContent => {
                "the article's date (the dates in the sentence are in what was said)".to_string()
            }
            DateBasis::NoDate => "no date in the article".to_string(),
        }
    }

    /// The basis [`describe`](DateBasis::describe) worded so, read back (a statements file
    /// opened again); `None` for other words.
    pub fn from_description(s: &str) -> Option<DateBasis> {
        let fixed = [DateBasis::ArticleDate, DateBasis::ArticleDateOverContent, DateBasis::NoDate];
        if let Some(basis) = fixed.into_iter().find(|b| b.describe() == s) {
            return Some(basis);
        }
        let words = s.strip_prefix('"')?.strip_suffix("\" in the sentence")?;
        Some(DateBasis::InSentence { words: words.to_string() })
    }

    /// The basis of a statement dated by its article alone (a reader's added statement).
    pub fn of_article(date: Option<Date>) -> DateBasis {
        if date.is_some() {
            DateBasis::ArticleDate
        } else {
            DateBasis::NoDate
        }
    }
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
