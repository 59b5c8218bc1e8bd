//! Reported speech: who said which sentence. The stages, each in its module:
//! 1. [`quotes`]: quotation spans, across sentences and paragraphs;
//! 2. [`cues`]: the cue lexicon (`data/cues.txt`) with the frame each cue takes;
//! 3. [`sources`]: what a speaker's noun phrase names (actor, pronoun, uncatalogued name,
//!    description such as "a spokesman" from `data/sources.txt`);
//! 4. [`clause`]: the subject of a cue, before it or inverted after it;
//! 5. this module: the assembly. Per sentence, every cue with its speaker and content; then
//!    the sentences of a quotation that have no cue of their own take its speaker; pronouns
//!    go to the nearest compatible speaker or subject; a description ("a spokesman said")
//!    followed by the named person ("NAME said") becomes that person.
//!
//! Each [`Attribution`] records the [`Pattern`] that found it and how its speaker was
//! resolved, so a reader can be told why and how sure. Categories, targets and dates are
//! added by [`statements`](super::statements).

pub mod clause;
pub mod cues;
pub mod quotes;
pub mod sources;

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use super::actors::{Actor, ActorKind, Actors, Gender, MentionForm};
use super::statements::{Category, CueKind};
use super::text::Document;
use clause::Subject;
use cues::Frame;
use quotes::Quotes;
use sources::{NounKind, Source, SourceNoun};

/// Which pattern of news writing found a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
    /// A sentence of a quotation whose attribution is in another sentence.
    QuoteContinued,
    /// A paragraph that is only a quotation: the last speaker goes on.
    QuoteParagraph,
    /// Added by a reader's correction.
    Corrected,
}

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    /// The lowercase word for it (JSON, exports, the card).
    pub fn key(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

impl Pattern {
    /// The pattern in words, for the card's tooltip, the table and the exports.
    pub fn describe(self) -> &'static str {
        match self {
            Pattern::SpeakerCue => "speaker, then reporting verb",
            Pattern::ContentSpeakerCue => "statement, then speaker and reporting verb",
            Pattern::Inverted => "reporting verb followed by the speaker",
            Pattern::QuoteSpeakerCue => "quotation, then speaker and reporting verb",
            Pattern::AccordingTo => "\"according to\" the source",
            Pattern::Nominal => "a claim or statement attributed by a noun",
            Pattern::SharedSubject => "second verb of the sentence's subject",
            Pattern::Dash => "quotation attributed with a dash",
            Pattern::QuoteContinued => "sentence of a quotation attributed in another sentence",
            Pattern::QuoteParagraph => "quotation paragraph continuing the last speaker",
            Pattern::Corrected => "added by a reader",
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
            | Pattern::Corrected => Confidence::High,
            Pattern::QuoteContinued | Pattern::Nominal | Pattern::SharedSubject => {
                Confidence::Medium
            }
            Pattern::QuoteParagraph => Confidence::Low,
        }
    }
}

impl SpeakerBasis {
    pub fn describe(self) -> &'static str {
        match self {
            SpeakerBasis::Named => "speaker named in the sentence",
            SpeakerBasis::Pronoun => "pronoun resolved to the nearest speaker",
            SpeakerBasis::Description => "description resolved to a person named nearby",
            SpeakerBasis::Unnamed => "speaker not named",
            SpeakerBasis::CarriedOver => "speaker carried over from another sentence",
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

/// What is known of an actor for pronouns: kind of noun, number, gender.
#[derive(Debug, Clone, Copy)]
struct Traits {
    noun: NounKind,
    many: bool,
    gender: Gender,
}

/// The actors as the attribution sees them: the analysis's actors, plus the sources it
/// creates (descriptions, uncatalogued names), each once by name.
struct Cast<'a> {
    actors: &'a mut Actors,
    by_name: HashMap<String, usize>,
    /// People by the last word of their name.
    by_surname: HashMap<String, usize>,
    names: sources::Names,
    /// The source noun of each described actor ("spokesman").
    heads: HashMap<usize, String>,
    traits: HashMap<usize, Traits>,
}

impl Cast<'_> {
    fn traits(&self, a: usize) -> Traits {
        if let Some(t) = self.traits.get(&a) {
            return *t;
        }
        let actor = &self.actors.actors[a];
        match actor.kind {
            ActorKind::Person => {
                Traits { noun: NounKind::Role, many: false, gender: actor.gender() }
            }
            _ => Traits { noun: NounKind::Body, many: false, gender: Gender::Unknown },
        }
    }

    fn add(
        &mut self,
        name: String,
        kind: ActorKind,
        country: Option<usize>,
        traits: Option<Traits>,
    ) -> usize {
        let key = name.to_lowercase();
        if let Some(&a) = self.by_name.get(&key) {
            return a;
        }
        let mut actor = Actor::person(&name);
        actor.kind = kind;
        actor.country = country;
        self.actors.actors.push(actor);
        let a = self.actors.actors.len() - 1;
        self.by_name.insert(key, a);
        if kind == ActorKind::Person {
            let last = surname(&self.actors.actors[a].name).to_string();
            self.by_surname.entry(last).or_insert(a);
        }
        if let Some(t) = traits {
            self.traits.insert(a, t);
        }
        a
    }

    /// The actor of an uncatalogued name: a known person by surname, else a new actor.
    fn named(&mut self, doc: &Document, words: Range<usize>, country: Option<usize>) -> usize {
        let name = sources::words_text(doc, words.clone());
        if let Some(&a) = self.by_name.get(&name.to_lowercase()) {
            return a;
        }
        // A surname alone ("Keita said") is the person of that surname.
        if let Some(&p) = self.by_surname.get(surname(&name)) {
            return p;
        }
        let kind = sources::named_kind(doc, words);
        self.add(name, kind, country, None)
    }

    fn described(
        &mut self,
        doc: &Document,
        words: Range<usize>,
        noun: SourceNoun,
        country: Option<usize>,
    ) -> usize {
        let mut name = sources::words_text(doc, words.clone());
        // "the government in Khartoum" is Sudan's: say so when the words do not.
        if let Some(c) = country {
            let bytes = doc.words[words.start].bytes.start..doc.words[words.end - 1].bytes.end;
            let named = self.actors.mentions[self.actors.in_range(&bytes)].iter().any(|m| {
                m.actor == c
                    && matches!(m.form, MentionForm::Name | MentionForm::Demonym)
                    && m.span.end_byte <= bytes.end
            });
            if !named {
                name = format!("{name} ({})", self.actors.actors[c].name);
            }
        }
        let kind = match noun.kind {
            NounKind::Body => ActorKind::Institution,
            NounKind::Document => ActorKind::Document,
            NounKind::Role | NounKind::People => ActorKind::Group,
        };
        self.add(
            name,
            kind,
            country,
            Some(Traits { noun: noun.kind, many: noun.many, gender: noun.gender }),
        )
    }
}

/// The last word of a name ("Keita", "Bashir" of "Omar al-Bashir").
fn surname(name: &str) -> &str {
    name.rsplit([' ', '-']).next().unwrap_or(name)
}

/// A speaker found for a cue, before pronouns are resolved.
struct Found {
    speakers: Vec<(usize, Range<usize>, MentionForm, SpeakerBasis)>,
    indefinite: bool,
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
        sentence(doc, &quotes, &mut cast, s, &mut out, &mut indefinite);
    }
    name_descriptions(doc, &cast, &mut out, &indefinite);
    continue_quotes(doc, &quotes, &mut out);
    out.sort_by_key(|a| (a.sentence, a.cue_words.start));
    out
}

/// Every cue of sentence `s` with its speaker and content.
fn sentence(
    doc: &Document,
    quotes: &Quotes,
    cast: &mut Cast<'_>,
    s: usize,
    out: &mut Vec<Attribution>,
    indefinite: &mut Vec<usize>,
) {
    let range = doc.sentences[s].clone();
    let words = doc.words_in(range.clone());
    let table = cues::table();
    let first_new = out.len();
    let mut w = words.start;
    while w < words.end {
        let lower = doc.words[w].lower.as_str();
        // Most words start nothing: one hash look-up each, before anything dearer.
        let interesting = table.starts_cue(lower)
            || lower == "according"
            || lower == "quoted"
            || is_report_noun(lower);
        if !interesting || quotes.contains(doc.words[w].bytes.start) {
            w += 1;
            continue;
        }
        if lower == "according" && w + 2 < words.end && doc.words[w + 1].lower == "to" {
            if let Some(a) = according_to(doc, quotes, cast, s, w, out) {
                out.push(a);
            }
            w += 2;
            continue;
        }
        if let Some(a) = nominal(doc, cast, s, w, words.end) {
            out.push(a);
            w += 1;
            continue;
        }
        let Some((cue, mut cue_words)) = table
            .at(doc, w, words.end)
            .filter(|_| cues::finite(doc, w, words.start))
            .or_else(|| cues::quoted_as_saying(doc, w, words.start, words.end))
        else {
            w += 1;
            continue;
        };
        if cue.frame == Frame::Tell {
            cue_words.end = audience_end(doc, cue_words.end, words.end);
        }
        // A stance is speech only with a clause or quotation after it ("agreed that").
        if cue.frame == Frame::Stance {
            let e = cue_words.end;
            let clause = e < words.end
                && (doc.words[e].lower == "that"
                    || doc.gap_before(e).contains([':', '"', '\u{201c}', '\u{ab}']));
            if !clause {
                w = cue_words.end;
                continue;
            }
        }
        let embedded = out[first_new..]
            .iter()
            .any(|a| !a.direct && a.content.contains(&doc.words[w].bytes.start));
        if let Some((found, pattern, subject_words, between)) =
            speaker_of(doc, quotes, cast, s, w, &cue_words, cue.frame, out)
        {
            // A report inside another's reported clause is part of it, unless a new clause
            // with its own subject starts ("…, while X urged …").
            let own_clause = subject_words.start > words.start && {
                let gap = doc.gap_before(subject_words.start);
                gap.contains([',', ';']) || {
                    let prev = subject_words.start - 1;
                    ["while", "as", "whereas", "but"].contains(&doc.words[prev].lower.as_str())
                        && doc.gap_before(prev).contains([',', ';'])
                }
            };
            if !embedded || own_clause {
                let content =
                    content_of(doc, quotes, s, &cue_words, cue.frame, pattern, &subject_words);
                // "The envoy responded quickly.": a cue with nothing said is no statement.
                let said = doc.words[doc.words_in(content.clone())]
                    .iter()
                    .any(|x| !TIME_WORDS.contains(&x.lower.as_str()) && !clause::adverb(&x.lower));
                if !said {
                    w = cue_words.end;
                    continue;
                }
                let negated = doc.words[between]
                    .iter()
                    .any(|x| ["not", "never", "n't"].contains(&x.lower.as_str()));
                let all: Vec<usize> = found.speakers.iter().map(|x| x.0).collect();
                for (speaker, span, form, basis) in found.speakers {
                    if out[first_new..].iter().any(|a| a.speaker == speaker) {
                        continue;
                    }
                    if found.indefinite {
                        indefinite.push(out.len());
                    }
                    let direct = quotes.in_sentence[s].iter().any(|&q| {
                        let inner = &quotes.quotes[q].inner;
                        inner.start < content.end && content.start < inner.end
                    });
                    out.push(Attribution {
                        sentence: s,
                        speaker,
                        speaker_span: span,
                        form,
                        cue_words: cue_words.clone(),
                        cue_category: cue.category,
                        cue_kind: CueKind::Verb,
                        content: content.clone(),
                        direct,
                        negated,
                        pattern,
                        basis,
                        co_speakers: all.iter().copied().filter(|&x| x != speaker).collect(),
                    });
                }
            }
        }
        w = cue_words.end;
    }
    if out.len() == first_new {
        if let Some(a) = dash(doc, quotes, cast, s) {
            out.push(a);
        }
    }
}

/// The speaker of the cue at `w`: its subject before it, or after it when inverted.
#[allow(clippy::too_many_arguments)]
fn speaker_of(
    doc: &Document,
    quotes: &Quotes,
    cast: &mut Cast<'_>,
    s: usize,
    w: usize,
    cue_words: &Range<usize>,
    frame: Frame,
    out: &[Attribution],
) -> Option<(Found, Pattern, Range<usize>, Range<usize>)> {
    let words = doc.words_in(doc.sentences[s].clone());
    let after_quote = doc.gap_before(w).contains(['"', '\u{201d}', '\u{bb}']);
    if let Some(subject) = clause::subject_before(doc, w, words.start) {
        let at = doc.words[w].bytes.start;
        let quote_before = quotes.in_sentence[s].iter().any(|&q| quotes.quotes[q].inner.start < at);
        let Subject { parts, appositive, between, shared } = subject;
        if shared {
            // The sentence's subject, if it comes before.
            let m = cast.actors.subjects.get(s).copied().flatten()?;
            let mention = &cast.actors.mentions[m];
            if mention.words.start >= w {
                return None;
            }
            let speaker = mention.actor;
            let found = Found {
                speakers: vec![(speaker, mention.span.bytes(), mention.form, SpeakerBasis::Named)],
                indefinite: false,
            };
            return Some((found, Pattern::SharedSubject, mention.words.clone(), between));
        }
        let chain = parts.first()?.start..parts.last()?.end;
        let pattern = if quote_before && after_quote
            || quote_before
                && chain.start > words.start
                && doc.gap_before(chain.start).contains(['"', '\u{201d}'])
        {
            Pattern::QuoteSpeakerCue
        } else if chain.start > words.start && ends_attribution(doc, cue_words.end, words.end) {
            Pattern::ContentSpeakerCue
        } else {
            Pattern::SpeakerCue
        };
        // A name in apposition is the most specific: ", Abubaka Noor, said" (a description
        // there, ", a spokesman for the group,", says less than the name before it).
        if let Some(app) = appositive
            .filter(|a| doc.word_text(a.start).chars().next().is_some_and(char::is_uppercase))
        {
            if let Some(found) = found_for(doc, cast, s, vec![app.clone()], out) {
                if found.speakers.iter().all(|x| x.3 == SpeakerBasis::Named) {
                    return Some((found, pattern, chain.start..app.end, between));
                }
            }
        }
        if let Some(found) = found_for(doc, cast, s, parts, out) {
            return Some((found, pattern, chain, between));
        }
    }
    // Inverted: `"…," said X` or `…, said X, TITLE.`
    let gap = doc.gap_before(w);
    if frame == Frame::Speech && w > words.start && (after_quote || gap.contains(',')) {
        let phrase = clause::phrase_after(doc, cue_words.end, words.end)?;
        let found = found_for(doc, cast, s, vec![phrase.clone()], out)?;
        return Some((found, Pattern::Inverted, phrase, w..w));
    }
    None
}

/// The end of the audience after "told": up to three words before "that" or the next
/// lowercase word ("told reporters that", "told VOA News on Friday").
fn audience_end(doc: &Document, at: usize, end: usize) -> usize {
    let mut e = at;
    while e < end && e < at + 3 && doc.gap_before(e).trim().is_empty() {
        let l = doc.words[e].lower.as_str();
        let caps = doc.word_text(e).chars().next().is_some_and(char::is_uppercase);
        if l == "that" || (e > at && !caps) || TIME_WORDS.contains(&l) {
            break;
        }
        e += 1;
    }
    e
}

/// Whether only the circumstances of the saying follow the cue ("…, X said on Friday in a
/// statement."), so what was said came before it.
fn ends_attribution(doc: &Document, from: usize, end: usize) -> bool {
    const CIRCUMSTANCES: &[&str] = &[
        "in", "a", "an", "the", "at", "statement", "interview", "briefing", "conference", "press",
        "news", "phone", "call", "post", "speech",
    ];
    doc.words[from..end].iter().all(|x| {
        let l = x.lower.as_str();
        TIME_WORDS.contains(&l) || CIRCUMSTANCES.contains(&l) || clause::adverb(l)
    })
}

/// Resolves subject phrases to speakers; `None` unless every part can speak.
fn found_for(
    doc: &Document,
    cast: &mut Cast<'_>,
    s: usize,
    parts: Vec<Range<usize>>,
    out: &[Attribution],
) -> Option<Found> {
    let mut speakers = Vec::new();
    let mut indefinite = false;
    // Where a comma ends a part: only such a part may be a fronted phrase.
    let comma_after: Vec<bool> = (0..parts.len())
        .map(|k| parts.get(k + 1).is_some_and(|next| doc.gap_before(next.start).contains(',')))
        .collect();
    for (k, part) in parts.into_iter().enumerate() {
        let Some(source) = sources::resolve(doc, cast.actors, &cast.names, part.clone()) else {
            // A fronted phrase before a list ("In a call on Saturday, X and Y said") is
            // no speaker; any other part that cannot speak means this is no subject.
            if speakers.is_empty() && comma_after[k] {
                continue;
            }
            return None;
        };
        let span = doc.words[part.start].bytes.start..doc.words[part.end - 1].bytes.end;
        let (speaker, form, basis) = match source {
            // A pronoun goes to the nearest speaker, which the actor analysis does not know.
            Source::Mention(m) if cast.actors.mentions[m].form == MentionForm::Pronoun => {
                let pw = cast.actors.mentions[m].words.start;
                (
                    pronoun_antecedent(doc, cast, s, pw, out)?,
                    MentionForm::Pronoun,
                    SpeakerBasis::Pronoun,
                )
            }
            Source::Mention(m) => {
                let mention = &cast.actors.mentions[m];
                let basis = match mention.form {
                    MentionForm::Pronoun => SpeakerBasis::Pronoun,
                    MentionForm::Title => SpeakerBasis::Description,
                    _ => SpeakerBasis::Named,
                };
                (mention.actor, mention.form, basis)
            }
            Source::Pronoun(pw) => {
                let speaker = pronoun_antecedent(doc, cast, s, pw, out)?;
                (speaker, MentionForm::Pronoun, SpeakerBasis::Pronoun)
            }
            Source::Named { words, country } => {
                (cast.named(doc, words, country), MentionForm::Name, SpeakerBasis::Named)
            }
            Source::Described { words, head, noun, country, indefinite: ind } => {
                indefinite |= ind && noun.kind == NounKind::Role;
                let actor = cast.described(doc, words, noun, country);
                cast.heads.entry(actor).or_insert_with(|| doc.words[head].lower.clone());
                (actor, MentionForm::Description, SpeakerBasis::Unnamed)
            }
        };
        speakers.push((speaker, span, form, basis));
    }
    (!speakers.is_empty()).then_some(Found { speakers, indefinite })
}

/// The nearest speaker or sentence subject before sentence `s` that the pronoun at word `pw`
/// can stand for; failing that, what the actor analysis resolved it to.
fn pronoun_antecedent(
    doc: &Document,
    cast: &Cast<'_>,
    s: usize,
    pw: usize,
    out: &[Attribution],
) -> Option<usize> {
    let lower = doc.words[pw].lower.as_str();
    let fits = |a: usize| {
        let t = cast.traits(a);
        let person = matches!(t.noun, NounKind::Role) && !t.many;
        match lower {
            "he" => person && t.gender != Gender::Female,
            "she" => person && t.gender != Gender::Male,
            "it" => !person && !t.many && t.noun != NounKind::People,
            _ => !person,
        }
    };
    let paragraph = doc.sentence_paragraph[s];
    // Statements are in reading order: stop at the first one out of reach (linear overall).
    let window =
        || out.iter().rev().take_while(|a| doc.sentence_paragraph[a.sentence] + 3 > paragraph);
    let speaker = window().find(|a| fits(a.speaker)).map(|a| (a.sentence, a.speaker));
    let at = doc.words[pw].bytes.start;
    let subject = (s.saturating_sub(6)..=s).rev().find_map(|t| {
        let m = cast.actors.subjects.get(t).copied().flatten()?;
        let mention = &cast.actors.mentions[m];
        let a = mention.actor;
        (fits(a) && mention.form != MentionForm::Pronoun && mention.span.end_byte <= at)
            .then_some((t, a))
    });
    match (speaker, subject) {
        (Some(sp), Some(sub)) => Some(if sub.0 > sp.0 { sub.1 } else { sp.1 }),
        (Some(sp), None) => Some(sp.1),
        (None, Some(sub)) => Some(sub.1),
        (None, None) => {
            // What the actor analysis resolved it to, or the first fitting actor named
            // earlier in the sentence ("X met Y, at which time he called for …").
            let here = cast.actors.in_range(&(at..at + 1));
            if let Some(m) =
                cast.actors.mentions[here].iter().find(|m| m.form == MentionForm::Pronoun)
            {
                if fits(m.actor) {
                    return Some(m.actor);
                }
            }
            let sentence = doc.sentences[s].start..at;
            cast.actors.mentions[cast.actors.in_range(&sentence)]
                .iter()
                .find(|m| !m.possessive && m.form != MentionForm::Pronoun && fits(m.actor))
                .map(|m| m.actor)
        }
    }
}

/// What was said: the clause after the cue (after an audience for `tell`, after the
/// document for `statement`), or before the speaker when the attribution ends the sentence.
fn content_of(
    doc: &Document,
    quotes: &Quotes,
    s: usize,
    cue_words: &Range<usize>,
    frame: Frame,
    pattern: Pattern,
    subject: &Range<usize>,
) -> Range<usize> {
    let range = doc.sentences[s].clone();
    let words = doc.words_in(range.clone());
    // A quotation of the sentence (not a scare quote) is the content when there is one.
    let quote = quotes.in_sentence[s].iter().map(|&q| &quotes.quotes[q]).find(|q| q.words >= 4);
    let before = match pattern {
        Pattern::Inverted => Some(range.start..doc.words[cue_words.start].bytes.start),
        Pattern::ContentSpeakerCue | Pattern::QuoteSpeakerCue => {
            Some(range.start..doc.words[subject.start].bytes.start)
        }
        _ => None,
    };
    if let Some(q) = quote {
        if before.as_ref().is_none_or(|b| q.inner.start < b.end) {
            // Only the part in this sentence: a quotation may run over several.
            return trim(doc, q.inner.start.max(range.start)..q.inner.end.min(range.end));
        }
    }
    if let Some(b) = before {
        return trim(doc, b);
    }
    let mut k = cue_words.end;
    // "said on Friday that …": the time belongs to the saying, not to what was said.
    if let Some(t) = (k..words.end.min(k + 4)).find(|&t| doc.words[t].lower == "that") {
        if doc.words[k..t].iter().all(|x| TIME_WORDS.contains(&x.lower.as_str())) {
            k = t + 1;
        }
    }
    // The audience is in the cue's words already ("told reporters"); a longer audience or
    // a document ends at "that" / "saying", if near.
    if matches!(frame, Frame::Tell | Frame::Statement) {
        if let Some(t) = (k..words.end.min(k + 12)).find(|&t| {
            ["that", "saying", "declaring", "stating", "announcing"]
                .contains(&doc.words[t].lower.as_str())
        }) {
            k = t + 1;
        }
    }
    if k >= words.end {
        return range.end..range.end;
    }
    trim(doc, doc.words[k].bytes.start..range.end)
}

/// Words of a time phrase between a cue and its "that" ("said on Friday that").
const TIME_WORDS: &[&str] = &[
    "on", "last", "this", "earlier", "late", "early", "yesterday", "today", "tonight", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year",
    "morning", "afternoon", "evening", "night", "again", "also",
];

/// Trims spaces, a leading "that", quotation marks and trailing punctuation.
fn trim(doc: &Document, mut r: Range<usize>) -> Range<usize> {
    let junk = |c: char| {
        c.is_whitespace() || ",;:.!?\"\u{201c}\u{201d}\u{ab}\u{bb}-\u{2014}\u{2013}".contains(c)
    };
    let s = &doc.text[r.clone()];
    r.start += s.len() - s.trim_start_matches(junk).len();
    if doc.text[r.clone()].starts_with("that ") {
        r.start += 5;
    }
    let s = &doc.text[r.clone()];
    r.end = r.start + s.trim_end_matches(junk).len();
    r
}

/// `According to X, …` and `…, according to X.`
fn according_to(
    doc: &Document,
    quotes: &Quotes,
    cast: &mut Cast<'_>,
    s: usize,
    w: usize,
    out: &[Attribution],
) -> Option<Attribution> {
    let range = doc.sentences[s].clone();
    let words = doc.words_in(range.clone());
    let phrase = clause::phrase_after(doc, w + 2, words.end)?;
    let found = found_for(doc, cast, s, vec![phrase.clone()], out)?;
    let (speaker, span, form, basis) = found.speakers.into_iter().next()?;
    let content = if w == words.start {
        let after = phrase.end.min(words.end - 1);
        trim(doc, doc.words[after].bytes.start.min(range.end)..range.end)
    } else {
        trim(doc, range.start..doc.words[w].bytes.start)
    };
    let direct = quotes.in_sentence[s].iter().any(|&q| {
        quotes.quotes[q].inner.start < content.end && content.start < quotes.quotes[q].inner.end
    });
    Some(Attribution {
        sentence: s,
        speaker,
        speaker_span: span,
        form,
        cue_words: w..w + 2,
        cue_category: None,
        cue_kind: CueKind::AccordingTo,
        content,
        direct,
        negated: false,
        pattern: Pattern::AccordingTo,
        basis,
        co_speakers: Vec::new(),
    })
}

/// Nouns that report speech when a source owns them and "that" follows
/// ("X's claim that …", "claims from X that …").
const REPORT_NOUNS: &[&str] = &[
    "claim", "claims", "allegation", "allegations", "assertion", "assertions", "accusation",
    "accusations", "warning", "warnings", "insistence", "denial", "denials", "pledge", "promise",
    "assurance", "assurances",
];

fn is_report_noun(lower: &str) -> bool {
    static NOUNS: std::sync::OnceLock<std::collections::HashSet<&'static str, super::fnv::Fnv>> =
        std::sync::OnceLock::new();
    NOUNS.get_or_init(|| REPORT_NOUNS.iter().copied().collect()).contains(lower)
}

/// A nominal report at word `w`: `X's claim that …` or `claims from|by X that …`.
fn nominal(
    doc: &Document,
    cast: &mut Cast<'_>,
    s: usize,
    w: usize,
    end: usize,
) -> Option<Attribution> {
    if !is_report_noun(&doc.words[w].lower) {
        return None;
    }
    let first = doc.words_in(doc.sentences[s].clone()).start;
    // The owner: a possessive right before ("Bashir's claim"), or "from|by X" right after.
    let (owner, that_from) = if w > first
        && doc.words[w - 1].lower.ends_with("'s")
        && doc.gap_before(w).trim().is_empty()
    {
        let mut k = w - 1;
        while k > first
            && doc.gap_before(k).trim().is_empty()
            && doc.word_text(k - 1).chars().next().is_some_and(char::is_uppercase)
        {
            k -= 1;
        }
        (k..w, w + 1)
    } else if w + 2 < end && ["from", "by"].contains(&doc.words[w + 1].lower.as_str()) {
        let mut e = w + 2;
        while e < end
            && doc.gap_before(e).trim().is_empty()
            && doc.words[e].lower != "that"
            && e < w + 8
        {
            e += 1;
        }
        (w + 2..e, e)
    } else {
        return None;
    };
    if that_from >= end || doc.words[that_from].lower != "that" || owner.is_empty() {
        return None;
    }
    // A possessive owner is a mention ending right before the noun ("Bashir's claim").
    let possessed = (owner.end == w).then(|| {
        cast.actors
            .mentions
            .iter()
            .rev()
            .find(|m| m.words.end == w && !m.nested && m.form != MentionForm::Pronoun)
    });
    if let Some(Some(m)) = possessed {
        let (speaker, form) = (m.actor, m.form);
        return Some(nominal_attribution(
            doc,
            s,
            w,
            that_from,
            end,
            doc.words[owner.start].bytes.start..m.span.end_byte,
            speaker,
            form,
        ));
    }
    let caps = |k: usize| doc.word_text(k).chars().next().is_some_and(char::is_uppercase);
    let source = if owner.end == w && owner.clone().all(caps) {
        Source::Named { words: owner.clone(), country: None }
    } else {
        sources::resolve(doc, cast.actors, &cast.names, owner.clone())?
    };
    let (speaker, form) = match source {
        Source::Mention(m) => (cast.actors.mentions[m].actor, cast.actors.mentions[m].form),
        Source::Named { words, country } => (cast.named(doc, words, country), MentionForm::Name),
        _ => return None,
    };
    if form == MentionForm::Pronoun {
        return None;
    }
    let span = doc.words[owner.start].bytes.start..doc.words[owner.end - 1].bytes.end;
    Some(nominal_attribution(doc, s, w, that_from, end, span, speaker, form))
}

#[allow(clippy::too_many_arguments)]
fn nominal_attribution(
    doc: &Document,
    s: usize,
    w: usize,
    that: usize,
    end: usize,
    speaker_span: Range<usize>,
    speaker: usize,
    form: MentionForm,
) -> Attribution {
    let range = doc.sentences[s].clone();
    let stop = (that + 1..end)
        .find(|&k| doc.gap_before(k).contains(','))
        .map_or(range.end, |k| doc.words[k].bytes.start);
    let content = trim(doc, doc.words[that + 1].bytes.start..stop);
    Attribution {
        sentence: s,
        speaker,
        speaker_span,
        form,
        cue_words: w..w + 1,
        cue_category: None,
        cue_kind: CueKind::Verb,
        content,
        direct: false,
        negated: false,
        pattern: Pattern::Nominal,
        basis: SpeakerBasis::Named,
        co_speakers: Vec::new(),
    }
}

/// `"…" — Name`: a quotation attributed with a dash.
fn dash(doc: &Document, quotes: &Quotes, cast: &mut Cast<'_>, s: usize) -> Option<Attribution> {
    let range = doc.sentences[s].clone();
    let q = quotes.in_sentence[s].first().map(|&q| quotes.quotes[q].inner.clone())?;
    let rest = &doc.text[q.end.min(range.end)..range.end];
    let rest_trim = rest.trim_start_matches(['"', '\u{201d}', '\u{bb}', ',', ' ']);
    if !rest_trim.starts_with(['\u{2014}', '\u{2013}', '-']) {
        return None;
    }
    let dash_end = range.end - rest_trim.len() + rest_trim.chars().next().map_or(0, char::len_utf8);
    let words = doc.words_in(dash_end..range.end);
    if words.is_empty() {
        return None;
    }
    let found = found_for(doc, cast, s, vec![words.clone()], &[])?;
    let (speaker, span, form, basis) = found.speakers.into_iter().next()?;
    Some(Attribution {
        sentence: s,
        speaker,
        speaker_span: span,
        form,
        cue_words: words.start..words.start,
        cue_category: None,
        cue_kind: CueKind::Quotation,
        content: trim(doc, q),
        direct: true,
        negated: false,
        pattern: Pattern::Dash,
        basis,
        co_speakers: Vec::new(),
    })
}

/// "a spokesman said …" followed within two sentences by a person named for the first time
/// as a speaker ("NAME said"), or "the foreign minister says …" followed by "Foreign Minister
/// NAME told …": the description was that person.
fn name_descriptions(
    doc: &Document,
    cast: &Cast<'_>,
    out: &mut [Attribution],
    indefinite: &[usize],
) {
    // Where each actor is first mentioned (mentions are in text order).
    let mut first_at = vec![usize::MAX; cast.actors.actors.len()];
    for m in &cast.actors.mentions {
        first_at[m.actor] = first_at[m.actor].min(m.span.start_byte);
    }
    for i in 0..out.len() {
        let a = &out[i];
        if a.basis != SpeakerBasis::Unnamed
            || cast.traits(a.speaker).noun != NounKind::Role
            || cast.traits(a.speaker).many
        {
            continue;
        }
        let Some(head) = cast.heads.get(&a.speaker) else { continue };
        let has_role = |actor: &Actor| {
            actor
                .role
                .as_ref()
                .is_some_and(|r| r.to_lowercase().split([' ', '-']).any(|w| w == head))
        };
        let any_person = indefinite.contains(&i);
        let s = a.sentence;
        let later = out[i + 1..]
            .iter()
            .take_while(|b| b.sentence <= s + 2)
            .filter(|b| b.sentence > s)
            .find(|b| {
                let actor = &cast.actors.actors[b.speaker];
                actor.kind == ActorKind::Person
                    && b.basis == SpeakerBasis::Named
                    && (any_person || has_role(actor))
                    && first_at.get(b.speaker).is_none_or(|&f| f >= doc.sentences[s].start)
            });
        // "the envoy said": the person last named with that role, within ten sentences.
        let earlier = || {
            let since = doc.sentences[s.saturating_sub(10)].start;
            let here = cast.actors.in_range(&(since..doc.sentences[s].start));
            cast.actors.mentions[here].iter().rev().map(|m| m.actor).find(|&p| {
                cast.actors.actors[p].kind == ActorKind::Person && has_role(&cast.actors.actors[p])
            })
        };
        let country = cast.actors.actors[a.speaker].country;
        let person = later.map(|b| b.speaker).or_else(|| {
            (!any_person)
                .then(earlier)
                .flatten()
                .filter(|&p| country.is_none() || cast.actors.actors[p].country == country)
        });
        if let Some(person) = person {
            out[i].speaker = person;
            out[i].basis = SpeakerBasis::Description;
        }
    }
}

/// Sentences of a quotation with no cue of their own take the speaker of the quotation (or
/// of the quotation before it in the paragraph); a paragraph that opens with an unattributed
/// quotation continues the last speaker of the paragraph before.
fn continue_quotes(doc: &Document, quotes: &Quotes, out: &mut Vec<Attribution>) {
    // The speaker of each quotation chain, from the statements whose content it is.
    let mut chain_speaker: HashMap<usize, usize> = HashMap::new();
    for (i, a) in out.iter().enumerate() {
        for &q in &quotes.in_sentence[a.sentence] {
            let inner = &quotes.quotes[q].inner;
            if a.direct && inner.start < a.content.end && a.content.start < inner.end {
                chain_speaker.entry(quotes.quotes[q].chain).or_insert(i);
            }
        }
    }
    let attributed: std::collections::HashSet<usize> = out.iter().map(|a| a.sentence).collect();
    // The direct statements of each paragraph, in reading order (indices into `out`), and
    // the last statement of each paragraph.
    let mut direct_in: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut last_in: HashMap<usize, usize> = HashMap::new();
    for (i, a) in out.iter().enumerate() {
        let p = doc.sentence_paragraph[a.sentence];
        if a.direct {
            direct_in.entry(p).or_default().push(i);
        }
        last_in.insert(p, i);
    }
    let mut added = Vec::new();
    for s in 0..doc.sentences.len() {
        if attributed.contains(&s) || quotes.in_sentence[s].is_empty() {
            continue;
        }
        // Mostly quoted, and not a scare quote: a whole sentence, or three words or more.
        let n = doc.words_in(doc.sentences[s].clone()).len();
        let quoted = quotes.quoted_words[s];
        if !(quoted == n || quoted >= 3 && quoted * 10 >= n * 7) {
            continue;
        }
        let q = quotes.in_sentence[s][0];
        let quote = &quotes.quotes[q];
        let paragraph = doc.sentence_paragraph[s];
        let direct = direct_in.get(&paragraph).map_or(&[][..], Vec::as_slice);
        let split = direct.partition_point(|&i| out[i].sentence < s);
        let (from, pattern) = if let Some(&i) = chain_speaker.get(&quote.chain) {
            (Some(i), Pattern::QuoteContinued)
        } else if let Some(&i) = split.checked_sub(1).and_then(|k| direct.get(k)) {
            (Some(i), Pattern::QuoteContinued)
        } else if let Some(&i) = direct.get(split) {
            (Some(i), Pattern::QuoteContinued)
        } else {
            let para_start = doc.paragraphs[paragraph].start;
            let opens = doc.text[para_start..quote.inner.start]
                .trim()
                .chars()
                .all(|c| "\"\u{201c}\u{ab}\u{201e}".contains(c));
            // Only from the paragraph right before: a quotation further on needs its own.
            let last = paragraph.checked_sub(1).and_then(|p| last_in.get(&p).copied());
            (last.filter(|_| opens), Pattern::QuoteParagraph)
        };
        let Some(i) = from else { continue };
        let a = &out[i];
        let range = doc.sentences[s].clone();
        added.push(Attribution {
            sentence: s,
            speaker: a.speaker,
            speaker_span: range.start..range.start,
            form: a.form,
            cue_words: doc.words_in(range.clone()).start..doc.words_in(range.clone()).start,
            cue_category: None,
            cue_kind: CueKind::Quotation,
            content: trim(doc, quote.inner.start.max(range.start)..quote.inner.end.min(range.end)),
            direct: true,
            negated: false,
            pattern,
            basis: SpeakerBasis::CarriedOver,
            co_speakers: a.co_speakers.clone(),
        });
    }
    out.extend(added);
}
