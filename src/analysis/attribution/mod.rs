//! Reported speech: who said which sentence. The stages, each in its module:
//! 1. [`quotes`]: quotation spans, across sentences and paragraphs;
//! 2. [`cues`]: the cue lexicon (`data/cues.txt`) with the frame each cue takes;
//! 3. [`sources`]: what a speaker's noun phrase names (actor, pronoun, uncatalogued name,
//!    description such as "a spokesman" from `data/sources.txt`);
//! 4. [`clause`]: the subject of a cue, before it or inverted after it;
//! 5. `assemble`: per sentence, every cue with its speaker and content ("according to",
//!    nominal claims and dash attributions too), over the actors of `cast`;
//! 6. `coref`: across sentences, pronouns go to the nearest compatible speaker or subject, a
//!    description ("a spokesman said", "the envoy said") becomes the person named near it,
//!    and the sentences of a quotation that have no cue of their own take its speaker.
//!
//! This module holds the types every stage shares and [`attribute`], which runs them.
//!
//! Each [`Attribution`] records the [`Pattern`] that found it and how its speaker was
//! resolved, so a reader can be told why and how sure. Categories, targets and dates are
//! added by [`statements`](super::statements).

mod assemble;
mod cast;
pub mod clause;
mod conjugation;
mod coref;
pub mod cues;
mod labels;
pub mod quotes;
pub mod sources;

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use super::actors::{ActorKind, Actors, MentionForm};
use super::statements::{Category, CueKind};
use super::text::Document;
use cast::{surname, Cast};
use quotes::Quotes;

/// Which pattern of news writing found a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// `X said (that) …`
    SpeakerCue,
    /// `…, X said.`
    ContentSpeakerCue,
    /// `…, said X.` or `"…," said X.`
    Inverted,
    /// `"…," X said.`
    QuoteSpeakerCue,
    /// `According to X, …` / `…, according to X.`
    AccordingTo,
    /// `X's claim that …`, `claims from X that …`
    Nominal,
    /// `X did this and said that …`: the second verb of the sentence's subject.
    SharedSubject,
    /// `"…" — X`
    Dash,
    /// `… was confirmed by X`, `…, annoncée par X`: a reporting verb in the passive, its agent
    /// the source.
    Passive,
    /// A sentence of a quotation whose attribution is in another sentence.
    QuoteContinued,
    /// A paragraph that is only a quotation: the last speaker goes on.
    QuoteParagraph,
    /// A paragraph of an interview or transcript opening with its speaker's name and a colon.
    Label,
    /// Added by a reader's correction.
    Corrected,
}

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerBasis {
    /// Named where the statement is.
    Named,
    /// A pronoun, resolved to the nearest compatible speaker or subject.
    Pronoun,
    /// A title or description resolved to a person named near it.
    Description,
    /// A description with no name ("a spokesman", "residents", "the ministry").
    Unnamed,
    /// Carried over from another sentence (a quotation's attribution, the last speaker).
    CarriedOver,
}

/// How sure the pattern and the speaker's resolution are, together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    /// The confidence with this [`key`](Confidence::key).
    pub fn from_key(s: &str) -> Option<Confidence> {
        [Confidence::Low, Confidence::Medium, Confidence::High]
            .into_iter()
            .find(|c| c.key() == s.trim())
    }

    /// The lowercase word for it (JSON, exports, the card).
    pub fn key(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    /// The key of its name in the message table (`crate::locale`).
    pub fn label_key(self) -> &'static str {
        match self {
            Confidence::Low => "confidence.low",
            Confidence::Medium => "confidence.medium",
            Confidence::High => "confidence.high",
        }
    }
}

impl Pattern {
    pub const ALL: [Pattern; 13] = [
        Pattern::SpeakerCue,
        Pattern::ContentSpeakerCue,
        Pattern::Inverted,
        Pattern::QuoteSpeakerCue,
        Pattern::AccordingTo,
        Pattern::Nominal,
        Pattern::SharedSubject,
        Pattern::Dash,
        Pattern::Passive,
        Pattern::QuoteContinued,
        Pattern::QuoteParagraph,
        Pattern::Label,
        Pattern::Corrected,
    ];

    /// Its name in the analysis JSON and the statement rows (`speaker_cue`): the message key
    /// without its `pattern.` prefix.
    pub fn id(self) -> &'static str {
        &self.key()["pattern.".len()..]
    }

    /// The pattern with this [`id`](Pattern::id).
    pub fn from_id(s: &str) -> Option<Pattern> {
        Pattern::ALL.into_iter().find(|p| p.id() == s.trim())
    }

    /// The key of the pattern's description in the message table (`crate::locale`), for
    /// the card's tooltip, the table and the exports.
    pub fn key(self) -> &'static str {
        match self {
            Pattern::SpeakerCue => "pattern.speaker_cue",
            Pattern::ContentSpeakerCue => "pattern.content_speaker_cue",
            Pattern::Inverted => "pattern.inverted",
            Pattern::QuoteSpeakerCue => "pattern.quote_speaker_cue",
            Pattern::AccordingTo => "pattern.according_to",
            Pattern::Nominal => "pattern.nominal",
            Pattern::SharedSubject => "pattern.shared_subject",
            Pattern::Dash => "pattern.dash",
            Pattern::Passive => "pattern.passive",
            Pattern::QuoteContinued => "pattern.quote_continued",
            Pattern::QuoteParagraph => "pattern.quote_paragraph",
            Pattern::Label => "pattern.label",
            Pattern::Corrected => "pattern.corrected",
        }
    }

    fn confidence(self) -> Confidence {
        match self {
            Pattern::SpeakerCue
            | Pattern::Inverted
            | Pattern::QuoteSpeakerCue
            | Pattern::ContentSpeakerCue
            | Pattern::AccordingTo
            | Pattern::Dash
            | Pattern::Label
            | Pattern::Corrected => Confidence::High,
            Pattern::QuoteContinued
            | Pattern::Nominal
            | Pattern::SharedSubject
            | Pattern::Passive => Confidence::Medium,
            Pattern::QuoteParagraph => Confidence::Low,
        }
    }
}

impl SpeakerBasis {
    pub const ALL: [SpeakerBasis; 5] = [
        SpeakerBasis::Named,
        SpeakerBasis::Pronoun,
        SpeakerBasis::Description,
        SpeakerBasis::Unnamed,
        SpeakerBasis::CarriedOver,
    ];

    /// Its name in the analysis JSON and the statement rows (`carried_over`).
    pub fn id(self) -> &'static str {
        &self.key()["basis.".len()..]
    }

    /// The basis with this [`id`](SpeakerBasis::id).
    pub fn from_id(s: &str) -> Option<SpeakerBasis> {
        SpeakerBasis::ALL.into_iter().find(|b| b.id() == s.trim())
    }

    /// The key of the basis's description in the message table (`crate::locale`).
    pub fn key(self) -> &'static str {
        match self {
            SpeakerBasis::Named => "basis.named",
            SpeakerBasis::Pronoun => "basis.pronoun",
            SpeakerBasis::Description => "basis.description",
            SpeakerBasis::Unnamed => "basis.unnamed",
            SpeakerBasis::CarriedOver => "basis.carried_over",
        }
    }

    fn confidence(self) -> Confidence {
        match self {
            SpeakerBasis::Named | SpeakerBasis::Unnamed | SpeakerBasis::CarriedOver => {
                Confidence::High
            }
            SpeakerBasis::Pronoun => Confidence::Medium,
            SpeakerBasis::Description => Confidence::Low,
        }
    }
}

/// The confidence of a pattern with a speaker basis: the weaker of the two.
pub fn confidence(pattern: Pattern, basis: SpeakerBasis) -> Confidence {
    pattern.confidence().min(basis.confidence())
}

/// One attributed sentence, before category, target and date.
#[derive(Debug, Clone)]
pub struct Attribution {
    pub sentence: usize,
    pub speaker: usize,
    /// Bytes of the words naming the speaker in this sentence (empty when carried over).
    pub speaker_span: Range<usize>,
    pub form: MentionForm,
    /// The cue's words; empty for a quotation's continuation.
    pub cue_words: Range<usize>,
    pub cue_category: Option<Category>,
    pub cue_kind: CueKind,
    /// Bytes of what was said.
    pub content: Range<usize>,
    pub direct: bool,
    pub negated: bool,
    pub pattern: Pattern,
    pub basis: SpeakerBasis,
    /// The other speakers of a joint subject ("X and Y said").
    pub co_speakers: Vec<usize>,
}

/// Finds the attributed sentences of a document. New actors for sources the text describes
/// without a name are added to `actors`.
pub fn attribute(doc: &Document, actors: &mut Actors) -> Vec<Attribution> {
    let quotes = Quotes::find(doc);
    let by_name =
        actors.actors.iter().enumerate().map(|(i, a)| (a.name.to_lowercase(), i)).collect();
    let mut by_surname = HashMap::new();
    for (i, a) in actors.actors.iter().enumerate().filter(|(_, a)| a.kind == ActorKind::Person) {
        by_surname.entry(surname(&a.name).to_string()).or_insert(i);
    }
    let names = sources::Names::default();
    let mut cast =
        Cast { actors, by_name, by_surname, names, heads: HashMap::new(), traits: HashMap::new() };
    let mut out: Vec<Attribution> = Vec::new();
    let mut indefinite: Vec<usize> = Vec::new();
    for s in 0..doc.sentences.len() {
        assemble::sentence(doc, &quotes, &mut cast, s, &mut out, &mut indefinite);
    }
    labels::labelled_paragraphs(doc, &mut cast, &mut out);
    coref::name_descriptions(doc, &cast, &mut out, &indefinite);
    coref::name_bodies(doc, &mut cast, &mut out);
    coref::same_source(doc, &mut out);
    coref::continue_quotes(doc, &quotes, &mut out);
    // Leads ("X said:") have done their work: what they announced is attributed.
    out.retain(|a| !(a.cue_kind == CueKind::Verb && a.content.is_empty()));
    out.sort_by_key(|a| (a.sentence, a.cue_words.start));
    out
}
