//! Stage 5c: speaker labels. An interview or a transcript gives each answer a paragraph that
//! opens with its speaker's name and a colon ("Jane Doe: We are ready." — French sets a space
//! before the colon: "Jane Doe : Nous sommes prêts."). Every sentence of such a paragraph is
//! the labelled speaker's, with no reporting verb.
//!
//! A label is a name the text introduces or one of at least two capitalised words; a single
//! letter ("Q:", "R :") or a word like "Note:" or "Photo:" is no speaker.

use super::super::actors::{ActorKind, MentionForm};
use super::super::statements::CueKind;
use super::super::text::Document;
use super::assemble::trim;
use super::cast::Cast;
use super::sources::{self, Source};
use super::{Attribution, Pattern, SpeakerBasis};

/// The longest label, in words.
const MAX_LABEL: usize = 5;

/// Attributes every sentence of a labelled paragraph that has no statement yet.
/// `out` is in reading order, and stays so.
pub(super) fn labelled_paragraphs(doc: &Document, cast: &mut Cast<'_>, out: &mut Vec<Attribution>) {
    let mut found = Vec::new();
    let attributed = |s: usize| {
        let i = out.partition_point(|a| a.sentence < s);
        out.get(i).is_some_and(|a| a.sentence == s)
    };
    for p in 0..doc.paragraphs.len() {
        let first = doc.sentence_paragraph.partition_point(|&q| q < p);
        let end = doc.sentence_paragraph.partition_point(|&q| q <= p);
        if first == end {
            continue;
        }
        let Some((speaker, label, after)) = label(doc, cast, first) else { continue };
        for s in first..end {
            if attributed(s) {
                continue;
            }
            let range = doc.sentences[s].clone();
            let start = if s == first { after } else { range.start };
            let content = trim(doc, start.min(range.end)..range.end);
            if content.is_empty() {
                continue;
            }
            found.push(Attribution {
                sentence: s,
                speaker,
                speaker_span: if s == first { label.clone() } else { range.start..range.start },
                form: MentionForm::Name,
                cue_words: 0..0,
                cue_category: None,
                cue_kind: CueKind::Quotation,
                content,
                direct: true,
                negated: false,
                pattern: Pattern::Label,
                basis: if s == first { SpeakerBasis::Named } else { SpeakerBasis::CarriedOver },
                co_speakers: Vec::new(),
            });
        }
    }
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|a| a.sentence);
    }
}

/// The speaker of a label opening sentence `s`: (actor, label bytes, byte after the colon).
fn label(
    doc: &Document,
    cast: &mut Cast<'_>,
    s: usize,
) -> Option<(usize, std::ops::Range<usize>, usize)> {
    let words = doc.words_in(doc.sentences[s].clone());
    let mut e = words.start;
    while e < words.end && e < words.start + MAX_LABEL {
        let gap = doc.gap_before(e);
        if e > words.start && !gap.trim().is_empty() {
            break;
        }
        e += 1;
        let after = &doc.text[doc.words[e - 1].bytes.end..];
        if let Some(rest) = after.strip_prefix(':').or_else(|| after.strip_prefix(" :")) {
            if !rest.starts_with(char::is_whitespace) {
                return None;
            }
            let colon = doc.text.len() - rest.len();
            let phrase = words.start..e;
            let g = doc.grammar();
            let name_word = |w: usize| {
                doc.capitalised(w) || g.name_particles.contains(&doc.words[w].lower.as_str())
            };
            if doc.word_text(phrase.start).chars().count() < 2 || !phrase.clone().all(name_word) {
                return None;
            }
            let actor = match sources::resolve(doc, cast.actors, &cast.names, phrase.clone())? {
                Source::Mention(m) => {
                    let a = cast.actors.mentions[m].actor;
                    (cast.actors.actors[a].kind == ActorKind::Person).then_some(a)?
                }
                Source::Named { words, country } if words.len() >= 2 => {
                    cast.named(doc, words, country)
                }
                _ => return None,
            };
            let bytes = doc.words[phrase.start].bytes.start..doc.words[phrase.end - 1].bytes.end;
            return Some((actor, bytes, colon));
        }
    }
    None
}
