//! An analysis rebuilt from a statements file's rows, without analysing again.
//!
//! The rows say who said what, to whom, when, with which cue, pattern and confidence, as
//! the full analysis found it with the whole article in view (pronouns, earlier sentences).
//! What they cannot carry is the rest of the article: the rebuilt article is its statements'
//! sentences, one paragraph each ([`super::read`]), and this module lays the rows over it:
//!
//! - actors, one per name, of the kind the row gives (older files: the gazetteer's kind,
//!   else a person), with the speaker's role and country;
//! - each statement's cue, content and speaker found in its sentence's text by their words
//!   (the first occurrence; the sentence itself when the content is not written there as it
//!   is), so the reader highlights and selects them as usual;
//! - the themes of the current theme set, found again in the sentences (a user's new theme
//!   lights up an opened statements file as it does an article), and the time expressions
//!   and events of the sentences.
//!
//! So the timeline, table, relations view and exports work on an opened file unchanged. Its
//! links (`?statement=c…`) count in the rebuilt text, not the original article.

use std::collections::HashMap;
use std::ops::Range;

use super::StatementRow;
use crate::analysis::actors::{Actor, ActorKind, Actors, Mention, MentionForm};
use crate::analysis::gazetteer;
use crate::analysis::statements::{self, CueKind};
use crate::analysis::text::Document;
use crate::analysis::{
    attribution, time, Analysis, Category, Confidence, DateBasis, Language, Layout, Pattern,
    SpeakerBasis, Statement, ThemeSet,
};
use crate::article::{Article, Date};

/// The analysis of `article` (a [`super::read::Reopened`] article, read as `doc`) that its
/// `rows` describe, with `themes` found again in its sentences.
pub fn rebuild(
    article: &Article,
    doc: &Document,
    rows: &[StatementRow],
    themes: &ThemeSet,
) -> Analysis {
    // A row is placed in its sentence; a text with no sentence at all (only punctuation,
    // say) has nowhere to place one.
    let rows = if doc.sentences.is_empty() { &[] } else { rows };
    let mut cast = Cast::new(doc);
    // Speakers first: the row of a person's own statement says their role and country, which
    // a row naming them as a target or co-speaker does not.
    for row in rows {
        cast.speaker(row);
    }
    // Where the last cue placed in each paragraph ends: two statements of one sentence with
    // the same verb ("X said A, while Y said B") get the first and the second "said".
    let mut after: HashMap<usize, usize> = HashMap::new();
    // Each sentence is one paragraph of the rebuilt text (`read::article_of`).
    let mut paragraph_of: HashMap<&str, usize> = HashMap::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        paragraph_of.entry(&doc.text[p.clone()]).or_insert(i);
    }
    let placed: Vec<Placed> = rows
        .iter()
        .map(|row| {
            let paragraph = paragraph_of.get(row.sentence.trim()).copied().unwrap_or_default();
            place(doc, &mut cast, &mut after, paragraph, row)
        })
        .collect();
    let mut actors = cast.into_actors(doc);
    let layout = Layout::new(doc, themes, &actors);
    let sentence_themes = layout.sentence_themes();
    let statements =
        rows.iter().zip(placed).map(|(row, p)| statement(doc, row, p, &sentence_themes)).collect();
    for m in &actors.mentions {
        actors.actors[m.actor].mentions += 1;
    }
    let times = time::time_expressions(doc, article.date);
    let events = time::referenced_events(doc, &times, article.date);
    layout.finish(article, doc, actors, statements, times, events)
}

/// Where a row's statement lies in the rebuilt text, and its actors.
struct Placed {
    sentence: usize,
    speaker: usize,
    speaker_bytes: Range<usize>,
    cue_bytes: Range<usize>,
    content_bytes: Range<usize>,
    target: Option<usize>,
    co_speakers: Vec<usize>,
}

fn place(
    doc: &Document,
    cast: &mut Cast,
    after: &mut HashMap<usize, usize>,
    paragraph: usize,
    row: &StatementRow,
) -> Placed {
    let para = doc.paragraphs[paragraph].clone();
    let find = |words: &str| find_in(&doc.text, &para, words);
    let speaker = cast.speaker(row);
    let content_bytes = find(&row.content).unwrap_or_else(|| para.clone());
    // A cue that is no words of the sentence (a quotation's continuation, a dash, a label, a
    // reader's addition) is its content, as the analysis has it.
    let from = after.get(&paragraph).copied().unwrap_or(para.start);
    let cue_bytes = find_in(&doc.text, &(from..para.end), &row.cue)
        .or_else(|| find(&row.cue))
        .unwrap_or_else(|| content_bytes.clone());
    after.insert(paragraph, cue_bytes.end);
    let speaker_bytes = find(&row.speaker)
        .or_else(|| row.speaker.split_whitespace().last().and_then(find))
        .unwrap_or(cue_bytes.start..cue_bytes.start);
    cast.mention(speaker, speaker_bytes.clone());
    let target = cast.target(row);
    if let Some(bytes) = target.and_then(|_| find_in(&doc.text, &content_bytes, &row.target)) {
        cast.mention(target.unwrap_or_default(), bytes);
    }
    let co_speakers = co_speaker_names(row).map(|n| cast.actor(n, None, "", "")).collect();
    let sentence = doc.sentence_at(cue_bytes.start).unwrap_or_else(|| {
        doc.sentence_paragraph.partition_point(|&p| p < paragraph).min(doc.sentences.len() - 1)
    });
    Placed { sentence, speaker, speaker_bytes, cue_bytes, content_bytes, target, co_speakers }
}

/// The names in the row's `co_speakers` column.
fn co_speaker_names(row: &StatementRow) -> impl Iterator<Item = &str> {
    row.co_speakers.split("; ").map(str::trim).filter(|n| !n.is_empty())
}

/// The bytes of the first occurrence of `words` inside `within`.
fn find_in(text: &str, within: &Range<usize>, words: &str) -> Option<Range<usize>> {
    let words = words.trim();
    if words.is_empty() {
        return None;
    }
    let at = within.start + text[within.clone()].find(words)?;
    Some(at..at + words.len())
}

fn statement(
    doc: &Document,
    row: &StatementRow,
    p: Placed,
    sentence_themes: &[Vec<String>],
) -> Statement {
    // The row was checked when read (`read::Checked`); a hand-made caller's bad key reads as
    // neutral rather than failing here.
    let category = Category::from_key(&row.category).unwrap_or(Category::Neutral);
    let (pattern, speaker_basis) = attribution_of(row);
    let confidence = Confidence::from_key(&row.confidence)
        .unwrap_or_else(|| attribution::confidence(pattern, speaker_basis));
    let date = Date::parse_iso(&row.date).ok();
    Statement {
        sentence: p.sentence,
        speaker: p.speaker,
        speaker_name: row.speaker.clone(),
        speaker_form: match speaker_basis {
            SpeakerBasis::Pronoun => MentionForm::Pronoun,
            SpeakerBasis::Description => MentionForm::Title,
            SpeakerBasis::Unnamed => MentionForm::Description,
            SpeakerBasis::Named | SpeakerBasis::CarriedOver => MentionForm::Name,
        },
        speaker_span: doc.span(p.speaker_bytes),
        co_speaker_names: co_speaker_names(row).map(str::to_string).collect(),
        co_speakers: p.co_speakers,
        cue: row.cue.clone(),
        cue_kind: match pattern {
            Pattern::AccordingTo => CueKind::AccordingTo,
            Pattern::Dash => CueKind::Quotation,
            Pattern::Corrected => CueKind::Added,
            _ => CueKind::Verb,
        },
        cue_span: doc.span(p.cue_bytes),
        content: row.content.clone(),
        content_span: doc.span(p.content_bytes),
        direct: row.direct,
        negated: row.negated,
        target: p.target,
        target_name: (!row.target.is_empty()).then(|| row.target.clone()),
        target_inferred: false,
        category,
        category_label: category.label().into(),
        cameo: category.cameo().into(),
        tone: category.tone(),
        date,
        date_basis: DateBasis::from_description(&row.date_basis)
            .unwrap_or_else(|| DateBasis::of_article(date)),
        themes: sentence_themes.get(p.sentence).cloned().unwrap_or_default(),
        pattern,
        speaker_basis,
        confidence,
        corrected: row.corrected,
    }
}

/// The row's pattern and speaker basis: its `pattern` and `speaker_basis` columns, or, in a
/// file written before they existed, the pair its `attribution` words describe.
fn attribution_of(row: &StatementRow) -> (Pattern, SpeakerBasis) {
    if let (Some(p), Some(b)) =
        (Pattern::from_id(&row.pattern), SpeakerBasis::from_id(&row.speaker_basis))
    {
        return (p, b);
    }
    Pattern::ALL
        .into_iter()
        .flat_map(|p| SpeakerBasis::ALL.into_iter().map(move |b| (p, b)))
        .find(|&(p, b)| statements::why(Language::English, p, b) == row.attribution)
        .unwrap_or((Pattern::SpeakerCue, SpeakerBasis::Named))
}

/// The actors of the rebuilt article, one per name, and their mentions.
struct Cast<'d> {
    doc: &'d Document,
    actors: Vec<Actor>,
    /// For each actor, whether the text names it as an analysis would (see `actor`).
    named: Vec<bool>,
    by_name: HashMap<String, usize>,
    mentions: Vec<(usize, Range<usize>)>,
}

impl<'d> Cast<'d> {
    fn new(doc: &'d Document) -> Cast<'d> {
        Cast {
            doc,
            actors: Vec::new(),
            named: Vec::new(),
            by_name: HashMap::new(),
            mentions: Vec::new(),
        }
    }

    /// The row's speaker.
    fn speaker(&mut self, row: &StatementRow) -> usize {
        let kind = ActorKind::from_key(&row.speaker_kind);
        self.actor(&row.speaker, kind, &row.role, &row.country)
    }

    /// The row's target, if it has one.
    fn target(&mut self, row: &StatementRow) -> Option<usize> {
        let kind = ActorKind::from_key(&row.target_kind);
        (!row.target.trim().is_empty())
            .then(|| self.actor(&row.target, kind, "", &row.target_country))
    }

    /// The actor named `name`, added the first time with `kind`, `role` and the country named
    /// `country`. A file written before the kinds were: the gazetteer's kind, else an
    /// institution when it is its own country (as `speaker_country` writes one of no
    /// country), else a person.
    fn actor(&mut self, name: &str, kind: Option<ActorKind>, role: &str, country: &str) -> usize {
        let (name, country) = (name.trim(), country.trim());
        if let Some(&i) = self.by_name.get(name) {
            return i;
        }
        let known = gazetteer::kind_of(self.doc.language, name);
        let kind = kind.or(known).unwrap_or(if country == name {
            ActorKind::Institution
        } else {
            ActorKind::Person
        });
        let country = (!country.is_empty() && country != name && kind != ActorKind::Country)
            .then(|| self.actor(country, Some(ActorKind::Country), "", ""));
        let role = (!role.trim().is_empty()).then(|| role.trim().to_string());
        // Named in the text as an analysis names it: people, countries, and the institutions
        // the gazetteer knows (whose names hold no theme hits, `names::name_words`); a
        // description ("the government") is not.
        self.named.push(match kind {
            ActorKind::Person | ActorKind::Country => true,
            ActorKind::Institution => known.is_some(),
            ActorKind::Group | ActorKind::Document => false,
        });
        self.actors.push(Actor::new(kind, name, role, country));
        self.by_name.insert(name.to_string(), self.actors.len() - 1);
        self.actors.len() - 1
    }

    /// A place where `actor` is named, if it is an actor the analysis gives mentions.
    fn mention(&mut self, actor: usize, bytes: Range<usize>) {
        if self.named[actor] && !bytes.is_empty() {
            self.mentions.push((actor, bytes));
        }
    }

    /// The actors and their mentions in text order, each place once.
    fn into_actors(mut self, doc: &Document) -> Actors {
        self.mentions.sort_by_key(|(a, b)| (b.start, b.end, *a));
        self.mentions.dedup_by_key(|(_, b)| b.start);
        let mentions = self
            .mentions
            .into_iter()
            .map(|(actor, bytes)| {
                let span = doc.span(bytes.clone());
                Mention {
                    actor,
                    form: MentionForm::Name,
                    sentence: doc.sentence_at(bytes.start).unwrap_or_default(),
                    span,
                    possessive: false,
                    nested: false,
                    words: doc.words_in(bytes),
                }
            })
            .collect();
        Actors { actors: self.actors, mentions, subjects: vec![None; doc.sentences.len()] }
    }
}
