//! Stage 5b: across sentences. Pronouns go to the nearest compatible speaker or sentence
//! subject; a description ("a spokesman said", "the envoy said") becomes the person named
//! next to it; sentences of a quotation with no cue of their own take its speaker, and a
//! paragraph that opens with an unattributed quotation continues the last speaker.

use std::collections::HashMap;
use std::ops::Range;

use super::super::actors::{Actor, ActorKind, Gender, MentionForm};
use super::super::statements::CueKind;
use super::super::text::Document;
use super::assemble::trim;
use super::cast::Cast;
use super::quotes::Quotes;
use super::sources::{self, NounKind};
use super::{Attribution, Pattern, SpeakerBasis};

/// The nearest speaker or sentence subject before sentence `s` that the pronoun at word `pw`
/// can stand for; failing that, what the actor analysis resolved it to.
pub(super) fn pronoun_antecedent(
    doc: &Document,
    cast: &Cast<'_>,
    s: usize,
    pw: usize,
    out: &[Attribution],
) -> Option<usize> {
    // A possessive stands for its pronoun ("in his words").
    let lower = doc.grammar().pronoun_of_possessive(doc.words[pw].lower.as_str());
    let fits = |a: usize| {
        let t = cast.traits(a);
        let person = matches!(t.noun, NounKind::Role) && !t.many;
        let thing = !person && !t.many && t.noun != NounKind::People;
        match lower {
            "he" => person && t.gender != Gender::Female,
            "she" => person && t.gender != Gender::Male,
            "it" => thing,
            // French genders things too: "il" is a man or a masculine body ("le
            // gouvernement"), "elle" a woman or a feminine one ("la junte").
            "il" | "lui" => (person || thing) && t.gender != Gender::Female,
            "elle" => (person || thing) && t.gender != Gender::Male,
            // "son", "sa", "ses": the owner's gender is not in the word.
            "son" => person || thing,
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

/// "a spokesman said …" followed within two sentences by a person named for the first time
/// as a speaker ("NAME said"), or "the foreign minister says …" followed by "Foreign Minister
/// NAME told …": the description was that person.
pub(super) fn name_descriptions(
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
        // "the same source" is the statement before's (`same_source`), not a person's.
        let phrase = &doc.words[doc.words_in(a.speaker_span.clone())];
        if phrase.iter().any(|w| doc.grammar().same.contains(&w.lower.as_str())) {
            continue;
        }
        let definite =
            phrase.first().is_some_and(|w| doc.grammar().definite.contains(&w.lower.as_str()));
        // "the Minister of Mines and Energy" names its office: a person of another office
        // ("Minister of Foreign Affairs") is someone else.
        let g = doc.grammar();
        let office = phrase.iter().position(|w| {
            g.prepositions.contains(&w.lower.as_str()) && g.name_joiners.contains(&w.lower.as_str())
        });
        // (A country is no office: "the ambassador of Russia" is Russia's ambassador.)
        let office = office.filter(|&k| k > 0 && k + 1 < phrase.len()).and_then(|k| {
            let words = doc.words_in(a.speaker_span.clone());
            let bytes = doc.words[words.start + k].bytes.start..doc.words[words.end - 1].bytes.end;
            let country = cast.actors.mentions[cast.actors.in_range(&bytes)]
                .iter()
                .any(|m| cast.actors.actors[m.actor].kind == ActorKind::Country);
            (!country).then(|| doc.text[bytes].to_lowercase())
        });
        let has_role = |actor: &Actor| {
            actor.role.as_ref().is_some_and(|r| {
                let r = r.to_lowercase();
                r.split([' ', '-']).any(|w| w == head)
                    && office.as_ref().is_none_or(|o| r.contains(o.as_str()))
            })
        };
        let any_person = indefinite.contains(&i);
        let s = a.sentence;
        let later = out[i + 1..]
            .iter()
            .take_while(|b| b.sentence <= s + 2)
            .filter(|b| b.sentence > s)
            .find(|b| {
                let actor = &cast.actors.actors[b.speaker];
                // A person of another country than the description's is someone else.
                let other_country = matches!(
                    (actor.country, cast.actors.actors[a.speaker].country),
                    (Some(x), Some(y)) if x != y
                );
                actor.kind == ActorKind::Person
                    && b.basis == SpeakerBasis::Named
                    && (any_person || has_role(actor))
                    && !other_country
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
        // "the minister said" where the text gave no one that role: the one person it named
        // without a role in the last ten sentences, if there is just one and it has been
        // what a sentence is about (a speaker, or a clause's subject), not only mentioned.
        let spoke = |p: usize| {
            out[..i].iter().any(|b| b.speaker == p && b.basis == SpeakerBasis::Named)
                || cast.actors.subjects[s.saturating_sub(10)..s]
                    .iter()
                    .flatten()
                    .any(|&m| cast.actors.mentions[m].actor == p)
        };
        let lone = || {
            let since = doc.sentences[s.saturating_sub(10)].start;
            let here = cast.actors.in_range(&(since..doc.sentences[s].start));
            let roleless = cast.actors.mentions[here].iter().map(|m| m.actor).filter(|&p| {
                let actor = &cast.actors.actors[p];
                actor.kind == ActorKind::Person && actor.role.is_none()
            });
            only(roleless).filter(|&p| spoke(p))
        };
        let country = cast.actors.actors[a.speaker].country;
        let same_country = |p: usize| {
            let theirs = cast.actors.actors[p].country;
            country.is_none() || theirs.is_none() || theirs == country
        };
        let person = later.map(|b| b.speaker).or_else(|| {
            if any_person {
                return None;
            }
            let with_role = earlier()
                .filter(|&p| country.is_none() || cast.actors.actors[p].country == country);
            with_role.or_else(|| definite.then(lone).flatten().filter(|&p| same_country(p)))
        });
        if let Some(person) = person {
            let description = out[i].speaker;
            out[i].speaker = person;
            out[i].basis = SpeakerBasis::Description;
            // "The minister said … He added …": the pronoun stood for the description, so
            // it stands for the person too.
            for b in &mut out[i + 1..] {
                let follows = matches!(b.basis, SpeakerBasis::Pronoun | SpeakerBasis::CarriedOver);
                if b.speaker == description && follows && b.sentence <= s + 3 {
                    b.speaker = person;
                }
            }
        }
    }
}

/// The one actor `actors` yields (however often), or `None` for none or several.
fn only(mut actors: impl Iterator<Item = usize>) -> Option<usize> {
    let first = actors.next()?;
    actors.all(|a| a == first).then_some(first)
}

/// "the same source said", "la même source indique": the speaker of the statement before.
pub(super) fn same_source(doc: &Document, out: &mut [Attribution]) {
    let same = doc.grammar().same;
    for i in 0..out.len() {
        if out[i].basis != SpeakerBasis::Unnamed {
            continue;
        }
        let words = doc.words_in(out[i].speaker_span.clone());
        if !doc.words[words].iter().any(|w| same.contains(&w.lower.as_str())) {
            continue;
        }
        let s = out[i].sentence;
        let before = out
            .iter()
            .filter(|b| b.sentence < s && !b.content.is_empty())
            .max_by_key(|b| (b.sentence, b.cue_words.start));
        if let Some(before) = before {
            let (speaker, basis) = (before.speaker, before.basis);
            out[i].speaker = speaker;
            out[i].basis =
                if basis == SpeakerBasis::Named { SpeakerBasis::CarriedOver } else { basis };
        }
    }
}

/// "the group said", "the bloc said": the organisation the text last introduced with that
/// noun, in apposition ("Ansar Dine, an Islamist militant group,") or before its name ("the
/// regional bloc ECOWAS"), within ten sentences.
pub(super) fn name_bodies(doc: &Document, cast: &mut Cast<'_>, out: &mut [Attribution]) {
    for a in out.iter_mut() {
        if a.basis != SpeakerBasis::Unnamed
            || cast.traits(a.speaker).noun != NounKind::Body
            || cast.traits(a.speaker).many
        {
            continue;
        }
        let first = doc.words_in(a.speaker_span.clone()).start;
        let definite = doc
            .words
            .get(first)
            .is_some_and(|w| doc.grammar().definite.contains(&w.lower.as_str()));
        let Some(head) = cast.heads.get(&a.speaker).cloned() else { continue };
        // "the French military" is named well enough by its country.
        if !definite || cast.actors.actors[a.speaker].country.is_some() {
            continue;
        }
        let s = a.sentence;
        let from = doc.words_in(doc.sentences[s.saturating_sub(10)].clone()).start;
        let to = doc.words_in(doc.sentences[s].clone()).start;
        let lowercase = |k: usize| !doc.capitalised(k);
        let named = (from..to)
            .rev()
            .filter(|&k| doc.words[k].lower == head && lowercase(k))
            .find_map(|k| introduced_name(doc, k, from));
        // Else the one organisation the text named (a capitalised name, not a country) as
        // what a sentence was about in the last ten: "Ansar Dine threatened … The group said".
        if named.is_none() {
            let bodies = cast.actors.subjects[s.saturating_sub(10)..=s]
                .iter()
                .flatten()
                .map(|&m| &cast.actors.mentions[m])
                .filter(|m| m.span.start_byte < a.speaker_span.start)
                .map(|m| m.actor)
                .filter(|&p| {
                    let actor = &cast.actors.actors[p];
                    matches!(actor.kind, ActorKind::Institution | ActorKind::Group)
                        && actor.name.starts_with(char::is_uppercase)
                });
            if let Some(body) = only(bodies) {
                a.speaker = body;
                a.basis = SpeakerBasis::Description;
            }
            continue;
        }
        if let Some(words) = named {
            let covering = cast.actors.in_range(
                &(doc.words[words.start].bytes.start..doc.words[words.end - 1].bytes.end),
            );
            let actor = cast.actors.mentions[covering]
                .iter()
                .find(|m| m.words == words && cast.actors.actors[m.actor].kind != ActorKind::Person)
                .map(|m| m.actor)
                .unwrap_or_else(|| {
                    // Introduced as an organisation, it is one, whatever its name looks like.
                    let known = cast
                        .by_name
                        .contains_key(&sources::words_text(doc, words.clone()).to_lowercase());
                    let actor = cast.named(doc, words, None);
                    if !known {
                        cast.actors.actors[actor].kind = ActorKind::Institution;
                    }
                    actor
                });
            if cast.actors.actors[actor].kind != ActorKind::Person {
                a.speaker = actor;
                a.basis = SpeakerBasis::Description;
            }
        }
    }
}

/// The name a noun at word `k` introduces: "NAME, an armed group" (the name before the
/// appositive's comma) or "the armed group NAME" (the name right after it).
fn introduced_name(doc: &Document, k: usize, first: usize) -> Option<Range<usize>> {
    let g = doc.grammar();
    let caps = |w: usize| doc.capitalised(w);
    let run_from = |start: usize| {
        let mut e = start;
        while e < doc.words.len()
            && e < start + 6
            && (e == start || doc.gap_before(e).trim().is_empty())
            && (caps(e)
                || doc.grammar().name_joiners.contains(&doc.words[e].lower.as_str())
                    && e + 1 < doc.words.len()
                    && caps(e + 1))
        {
            e += 1;
        }
        (e > start).then_some(start..e)
    };
    // "the armed group NAME".
    if k + 1 < doc.words.len() && doc.gap_before(k + 1).trim().is_empty() && caps(k + 1) {
        return run_from(k + 1);
    }
    // "NAME, an armed group": back over the appositive's lowercase words to its comma.
    let mut j = k;
    while j > first && k - j < 5 && doc.gap_before(j).trim().is_empty() && !caps(j - 1) {
        j -= 1;
    }
    if j == first
        || !(g.indefinite.contains(&doc.words[j].lower.as_str())
            || g.definite.contains(&doc.words[j].lower.as_str()))
        || doc.gap_before(j).trim() != ","
        || !caps(j - 1)
    {
        return None;
    }
    let mut start = j - 1;
    // Back over the name's words; "of" and "for" join two capitalised words, but not the
    // sentence's first word ("Fighters of NAME").
    while start > first && start + 6 > j && doc.gap_before(start).trim().is_empty() {
        let prev = start - 1;
        let joiner = g.name_joiners.contains(&doc.words[prev].lower.as_str())
            && prev > first
            && caps(prev - 1)
            && !doc.opens_sentence(prev - 1);
        if !(caps(prev) || joiner) {
            break;
        }
        start -= 1;
    }
    while !caps(start) && start < j - 1 {
        start += 1;
    }
    Some(start..j)
}

/// Sentences of a quotation with no cue of their own take the speaker of the quotation (or
/// of the quotation before it in the paragraph); a paragraph that opens with an unattributed
/// quotation continues the last speaker of the paragraph before.
pub(super) fn continue_quotes(doc: &Document, quotes: &Quotes, out: &mut Vec<Attribution>) {
    // The speaker of each quotation chain, from the statements whose content it is.
    let mut chain_speaker: HashMap<usize, usize> = HashMap::new();
    for (i, a) in out.iter().enumerate() {
        for &q in &quotes.in_sentence[a.sentence] {
            if a.direct && quotes.quotes[q].overlaps(&a.content) {
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
