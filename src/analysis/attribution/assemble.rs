//! Stage 5a: the assembly of one sentence. Every cue outside quotation marks with its speaker
//! (the subject before it, a name in apposition, the subject after it when inverted) and its
//! content (the clause after it, or the words before the attribution); "according to X",
//! nominal claims ("X's claim that"), and quotations attributed with a dash.

use std::ops::Range;

use super::super::actors::MentionForm;
use super::super::language::Language;
use super::super::statements::CueKind;
use super::super::text::Document;
use super::cast::Cast;
use super::clause::{self, Subject};
use super::coref::pronoun_antecedent;
use super::cues::{self, Frame};
use super::quotes::Quotes;
use super::sources::{self, NounKind, Source};
use super::{Attribution, Pattern, SpeakerBasis};

/// A speaker found for a cue, before pronouns are resolved.
pub(super) struct Found {
    pub(super) speakers: Vec<(usize, Range<usize>, MentionForm, SpeakerBasis)>,
    pub(super) indefinite: bool,
}

/// Every cue of sentence `s` with its speaker and content.
pub(super) fn sentence(
    doc: &Document,
    quotes: &Quotes,
    cast: &mut Cast<'_>,
    s: usize,
    out: &mut Vec<Attribution>,
    indefinite: &mut Vec<usize>,
) {
    let range = doc.sentences[s].clone();
    // The writer's own question ("Will France keep its sanctions?") reports nobody.
    let text = doc.text[range.clone()].trim_end();
    if text.ends_with('?') && !quotes.contains(range.start + text.len() - 1) {
        return;
    }
    let words = doc.words_in(range.clone());
    let table = cues::table(doc.language);
    let english = doc.language == Language::English;
    let first_new = out.len();
    let mut w = words.start;
    while w < words.end {
        let lower = doc.words[w].lower.as_str();
        // Most words start nothing: one hash look-up each, before anything dearer.
        let interesting = table.starts_cue(lower)
            || english && (lower == "quoted" || lower == "in")
            || w == words.start && doc.grammar().according_initial.contains(&lower)
            || according_starts(doc, lower)
            || is_report_noun(doc, lower);
        if !interesting || quotes.contains(doc.words[w].bytes.start) {
            w += 1;
            continue;
        }
        // "Pour le ministre, la trêve tiendra": the source before the comma.
        if w == words.start && doc.grammar().according_initial.contains(&lower) {
            let comma = (w + 2..(w + 9).min(words.end)).find(|&k| doc.gap_before(k).contains(','));
            if let Some(c) = comma {
                let plain = (w + 2..c).all(|k| doc.gap_before(k).trim().is_empty());
                let found = plain
                    .then(|| source_phrase(doc, quotes, cast, s, w..w + 1, w + 1..c, out))
                    .flatten();
                if let Some(a) = found {
                    out.push(a);
                    w = c;
                    continue;
                }
            }
        }
        if let Some(after) = according_at(doc, w, words.end) {
            let source = clause::phrase_after(doc, after, words.end);
            if let Some(a) =
                source.and_then(|src| source_phrase(doc, quotes, cast, s, w..after, src, out))
            {
                out.push(a);
            }
            w = after;
            continue;
        }
        if english && lower == "in" {
            if let Some((cue, src)) = in_the_words_of(doc, w, words.end) {
                if let Some(a) = source_phrase(doc, quotes, cast, s, cue.clone(), src, out) {
                    out.push(a);
                }
                w = cue.end;
                continue;
            }
        }
        if let Some(a) = nominal(doc, cast, s, w, words.end) {
            out.push(a);
            w += 1;
            continue;
        }
        // "was confirmed by X" before the active reading: French "a été confirmé" is finite.
        if let Some((cue, cue_words, source)) = passive_agent(doc, w, words.clone()) {
            let source = agent_phrase(doc, cast, source, words.end);
            if let Some(mut a) =
                source_phrase(doc, quotes, cast, s, cue_words.clone(), source.clone(), out)
            {
                a.pattern = Pattern::Passive;
                a.cue_kind = CueKind::Verb;
                a.cue_category = cue.category;
                out.push(a);
            }
            w = source.end;
            continue;
        }
        let Some((cue, cue_words)) = verb_cue_at(doc, w, words.clone()) else {
            w += 1;
            continue;
        };
        verb_statements(doc, quotes, cast, s, (cue, &cue_words), first_new, out, indefinite);
        w = cue_words.end;
    }
    if out.len() == first_new {
        if let Some(a) = dash(doc, quotes, cast, s) {
            out.push(a);
        }
    }
}

/// The reporting verb starting at word `w` of the sentence `words`, as a finite verb, with
/// the words it covers (an audience after "told"; a stance only before a clause).
fn verb_cue_at(
    doc: &Document,
    w: usize,
    words: Range<usize>,
) -> Option<(&'static cues::Cue, Range<usize>)> {
    let (cue, mut cue_words) = cues::table(doc.language)
        .at(doc, w, words.end)
        .filter(|(cue, _)| cues::finite(doc, w, words.start, cue))
        .or_else(|| {
            (doc.language == Language::English)
                .then(|| cues::quoted_as_saying(doc, w, words.start, words.end))
                .flatten()
        })?;
    if cue.frame == Frame::Tell {
        cue_words.end = audience_end(doc, cue_words.end, words.end);
    }
    // A stance is speech only with a clause or quotation after it ("agreed that").
    if cue.frame == Frame::Stance {
        let e = cue_words.end;
        let clause = e < words.end
            && (doc.grammar().that.contains(&doc.words[e].lower.as_str())
                || doc.gap_before(e).contains([':', '"', '\u{201c}', '\u{ab}']));
        if !clause {
            return None;
        }
    }
    Some((cue, cue_words))
}

/// A verb of saying in the passive with its agent, at word `w`: `(the) decision was
/// confirmed on Friday by X`, `…, annoncée par une source`. The participle follows a passive
/// auxiliary (adverbs allowed between) or opens a participial phrase after a comma; the agent
/// comes within six words, in the same clause. Returns the cue, its words (from the
/// auxiliary) and the agent's phrase.
fn passive_agent(
    doc: &Document,
    w: usize,
    words: Range<usize>,
) -> Option<(&'static cues::Cue, Range<usize>, Range<usize>)> {
    let g = doc.grammar();
    let (cue, found) = cues::table(doc.language).at(doc, w, words.end)?;
    // Verbs of saying only: "was announced by X" reports X's words, "was welcomed by X" an
    // act (see the table tests' not-statements).
    if !matches!(cue.frame, Frame::Speech | Frame::Statement) {
        return None;
    }
    // Between an auxiliary and its participle only adverbs stand, so a word in -ment there
    // is one (French nouns in -ment never stand there; `Grammar::adverb` has no French ending
    // because they stand everywhere else).
    let adverb = |l: &str| g.adverb(l) || l.len() > 6 && l.ends_with("ment");
    let mut aux = w;
    while aux > words.start && aux + 3 > w && adverb(&doc.words[aux - 1].lower) {
        aux -= 1;
    }
    let start = if aux > words.start && g.passive.contains(&doc.words[aux - 1].lower.as_str()) {
        // "a été", "has been": the auxiliary's own auxiliary belongs to the cue too.
        let mut s = aux - 1;
        if s > words.start && g.perfect.contains(&doc.words[s - 1].lower.as_str()) {
            s -= 1;
        }
        s
    } else if w > words.start && doc.gap_before(w).contains(',') {
        w
    } else {
        return None;
    };
    let by = (found.end..(found.end + 6).min(words.end))
        .take_while(|&k| !doc.gap_before(k).contains([',', ';', ':']) || k == found.end)
        .find(|&k| g.agent.contains(&doc.words[k].lower.as_str()))?;
    let source = clause::phrase_after(doc, by + 1, words.end)?;
    Some((cue, start..by + 1, source))
}

/// The words of a passive's agent: a person the text introduces there with a role ("par le
/// président du comité, NAME"), else the phrase up to a preposition or a time word ("by X on
/// Friday").
fn agent_phrase(doc: &Document, cast: &Cast<'_>, phrase: Range<usize>, end: usize) -> Range<usize> {
    let g = doc.grammar();
    let from = doc.words[phrase.start].bytes.start;
    let to = doc.words[end - 1].bytes.end;
    let introduced = cast.actors.mentions[cast.actors.in_range(&(from..to))].iter().find(|m| {
        m.form == MentionForm::Introduction
            && (phrase.start..phrase.start + 2).contains(&m.words.start)
            && cast.actors.actors[m.actor].kind == super::super::actors::ActorKind::Person
    });
    if let Some(m) = introduced {
        return m.words.clone();
    }
    // "par le président du comité, NAME." / "by the council's head, NAME,": the name in
    // apposition names the agent.
    let mut n = phrase.end;
    while n < end
        && n < phrase.end + 4
        && doc.capitalised(n)
        && (n == phrase.end) == (doc.gap_before(n).trim() == ",")
    {
        n += 1;
    }
    let closed = n == end || doc.gap_before(n).trim().starts_with([',', '.', ';']);
    if n > phrase.end + 1 && closed {
        return phrase.end..n;
    }
    let stop = (phrase.start + 1..phrase.end).find(|&k| {
        let l = doc.words[k].lower.as_str();
        g.prepositions.contains(&l) && !g.of.contains(&l) || g.time_words.contains(&l)
    });
    phrase.start..stop.unwrap_or(phrase.end)
}

/// The statements of the verb cue at `cue_words`: one per speaker of its subject, unless the
/// cue is reported inside an earlier statement of the sentence or nothing is said.
#[allow(clippy::too_many_arguments)]
fn verb_statements(
    doc: &Document,
    quotes: &Quotes,
    cast: &mut Cast<'_>,
    s: usize,
    (cue, cue_words): (&'static cues::Cue, &Range<usize>),
    first_new: usize,
    out: &mut Vec<Attribution>,
    indefinite: &mut Vec<usize>,
) {
    let words = doc.words_in(doc.sentences[s].clone());
    let g = doc.grammar();
    let w = cue_words.start;
    let embedded =
        out[first_new..].iter().any(|a| !a.direct && a.content.contains(&doc.words[w].bytes.start));
    if let Some((found, pattern, subject_words, between)) =
        speaker_of(doc, quotes, cast, s, w, cue_words, cue.frame, out)
    {
        // A report inside another's reported clause is part of it, unless a new clause
        // with its own subject starts ("…, while X urged …").
        let own_clause = subject_words.start > words.start && {
            let gap = doc.gap_before(subject_words.start);
            gap.contains([',', ';']) || {
                let prev = subject_words.start - 1;
                doc.grammar().contrast.contains(&doc.words[prev].lower.as_str())
                    && doc.gap_before(prev).contains([',', ';'])
            }
        };
        if !embedded || own_clause {
            let content = content_of(doc, quotes, s, cue_words, cue.frame, pattern, &subject_words);
            // "The envoy responded quickly.": a cue with nothing said is no statement.
            let said = doc.words[doc.words_in(content.clone())]
                .iter()
                .any(|x| !g.time_words.contains(&x.lower.as_str()) && !g.adverb(&x.lower));
            // "X told reporters:" closing a paragraph leads into the quotation after it: kept
            // for `coref` to carry over, then dropped (see `attribute`).
            let sentence_end = doc.sentences[s].end;
            let cue_end = doc.words[cue_words.end - 1].bytes.end;
            let lead = doc.text[cue_end..sentence_end].trim_start().starts_with(':');
            if !said && !lead {
                return;
            }
            let negated = doc.words[between].iter().any(|x| g.negation.contains(&x.lower.as_str()));
            let all: Vec<usize> = found.speakers.iter().map(|x| x.0).collect();
            for (speaker, span, form, basis) in found.speakers {
                if out[first_new..].iter().any(|a| a.speaker == speaker) {
                    continue;
                }
                if found.indefinite {
                    indefinite.push(out.len());
                }
                let direct = quotes.overlaps(s, &content);
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
}

/// The speaker of the cue at `w`: its subject before it, or after it when inverted.
#[allow(clippy::too_many_arguments)]
pub(super) fn speaker_of(
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
    // Where the verb group starts: the cue, or its auxiliary ("», a déclaré").
    let group = clause::verb_group_start(doc, w, words.start);
    let after_quote = doc.gap_before(group).contains(['"', '\u{201d}', '\u{bb}']);
    // "« … », a-t-il dit", "estime-t-elle": the pronoun joined to the verb is its subject.
    if let Some(p) = clause::inverted_clitic(doc, w, cue_words.end, words.end) {
        let found = found_for(doc, cast, s, vec![p..p + 1], out)?;
        return Some((found, Pattern::Inverted, p..p + 1, w..w));
    }
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
        if let Some(app) = appositive.filter(|a| doc.capitalised(a.start)) {
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
    // Inverted: `"…," said X` or `…, said X, TITLE.`; French also after "qu'" and "comme":
    // "c'est ce qu'ont indiqué les ministres", "comme l'a rappelé le président".
    let gap = doc.gap_before(group);
    let g = doc.grammar();
    let mut before = group;
    while before > words.start && g.object_clitics.contains(&doc.words[before - 1].lower.as_str()) {
        before -= 1;
    }
    let inverting =
        before > words.start && g.inverting.contains(&doc.words[before - 1].lower.as_str());
    if frame == Frame::Speech
        && group > words.start
        && (after_quote || gap.contains(',') || inverting)
    {
        let phrase = clause::phrase_after(doc, cue_words.end, words.end)?;
        let found = found_for(doc, cast, s, vec![phrase.clone()], out)?;
        return Some((found, Pattern::Inverted, phrase, w..w));
    }
    None
}

/// The end of the audience after "told": up to three words before "that" or the next
/// lowercase word ("told reporters that", "told VOA News on Friday").
pub(super) fn audience_end(doc: &Document, at: usize, end: usize) -> usize {
    let g = doc.grammar();
    let mut e = at;
    while e < end && e < at + 3 && doc.gap_before(e).trim().is_empty() {
        let l = doc.words[e].lower.as_str();
        let caps = doc.capitalised(e);
        if g.that.contains(&l) || (e > at && !caps) || g.time_words.contains(&l) {
            break;
        }
        e += 1;
    }
    e
}

/// Whether only the circumstances of the saying follow the cue ("…, X said on Friday in a
/// statement."), so what was said came before it.
pub(super) fn ends_attribution(doc: &Document, from: usize, end: usize) -> bool {
    let g = doc.grammar();
    doc.words[from..end].iter().all(|x| {
        let l = x.lower.as_str();
        g.time_words.contains(&l) || g.circumstances.contains(&l) || g.adverb(l)
    })
}

/// Resolves subject phrases to speakers; `None` unless every part can speak.
pub(super) fn found_for(
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

/// What was said: the clause after the cue (after an audience for `tell`, after the
/// document for `statement`), or before the speaker when the attribution ends the sentence.
pub(super) fn content_of(
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
    let g = doc.grammar();
    let mut k = cue_words.end;
    // "said on Friday that …": the time belongs to the saying, not to what was said.
    if let Some(t) =
        (k..words.end.min(k + 4)).find(|&t| g.that.contains(&doc.words[t].lower.as_str()))
    {
        if doc.words[k..t].iter().all(|x| g.time_words.contains(&x.lower.as_str())) {
            k = t + 1;
        }
    }
    // The audience is in the cue's words already ("told reporters"); a longer audience or
    // a document ends at "that" / "saying", if near.
    if matches!(frame, Frame::Tell | Frame::Statement) {
        if let Some(t) =
            (k..words.end.min(k + 12)).find(|&t| g.saying.contains(&doc.words[t].lower.as_str()))
        {
            k = t + 1;
        }
    }
    if k >= words.end {
        return range.end..range.end;
    }
    trim(doc, doc.words[k].bytes.start..range.end)
}

/// Trims spaces, a leading "that", quotation marks and trailing punctuation.
pub(super) fn trim(doc: &Document, mut r: Range<usize>) -> Range<usize> {
    let junk = |c: char| {
        c.is_whitespace() || ",;:.!?\"\u{201c}\u{201d}\u{ab}\u{bb}-\u{2014}\u{2013}".contains(c)
    };
    let s = &doc.text[r.clone()];
    r.start += s.len() - s.trim_start_matches(junk).len();
    // A leading complementiser: "that …", "que …", "qu'il …".
    let first = doc.words_in(r.clone()).start;
    if first < doc.words.len()
        && doc.words[first].bytes.start == r.start
        && doc.grammar().that.contains(&doc.words[first].lower.as_str())
    {
        let next = doc.words.get(first + 1).map_or(r.end, |w| w.bytes.start);
        r.start = next.min(r.end);
    }
    let s = &doc.text[r.clone()];
    r.end = r.start + s.trim_end_matches(junk).len();
    r
}

/// `According to X, …` and `…, according to X.`
/// `in the words of X`, `in X's words`, `in his words`: the cue's words and the source's.
pub(super) fn in_the_words_of(
    doc: &Document,
    w: usize,
    end: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let lower = |k: usize| doc.words.get(k).filter(|_| k < end).map_or("", |x| x.lower.as_str());
    if lower(w + 1) == "the" && lower(w + 2) == "words" && lower(w + 3) == "of" {
        let src = clause::phrase_after(doc, w + 4, end)?;
        return Some((w..w + 4, src));
    }
    // "in his words", "in the envoy's words": up to three words, then "words".
    let words_at = (w + 2..(w + 5).min(end)).find(|&k| lower(k) == "words")?;
    let owner = w + 1..words_at;
    let last = doc.words[words_at - 1].lower.as_str();
    let possessive = doc.grammar().is_possessive(last) && owner.len() == 1 || last.ends_with("'s");
    possessive.then_some((w..words_at + 1, owner))
}

/// A source named in a phrase of its own (`according to X`, `in X's words`): the content is
/// the rest of the sentence after the phrase when it opens the sentence, else before it.
pub(super) fn source_phrase(
    doc: &Document,
    quotes: &Quotes,
    cast: &mut Cast<'_>,
    s: usize,
    cue: Range<usize>,
    phrase: Range<usize>,
    out: &[Attribution],
) -> Option<Attribution> {
    let range = doc.sentences[s].clone();
    let words = doc.words_in(range.clone());
    let w = cue.start;
    let g = doc.grammar();
    let lone = phrase.len() == 1 && !doc.capitalised(phrase.start);
    let pronoun_source = lone && {
        let l = doc.words[phrase.start].lower.as_str();
        g.is_possessive(l) || g.pronoun(l).is_some()
    };
    let (speaker, span, form, basis) = if pronoun_source {
        let speaker = pronoun_antecedent(doc, cast, s, phrase.start, out)?;
        (
            speaker,
            doc.words[phrase.start].bytes.clone(),
            MentionForm::Pronoun,
            SpeakerBasis::Pronoun,
        )
    } else if let Some(m) = cast.actors.mentions[cast
        .actors
        .in_range(&(doc.words[phrase.start].bytes.start..doc.words[phrase.end - 1].bytes.end))]
    .iter()
    .find(|m| m.possessive && m.words.end == phrase.end && m.form != MentionForm::Pronoun)
    {
        // "in the minister's words": the possessive mention.
        (m.actor, m.span.bytes(), m.form, SpeakerBasis::Named)
    } else {
        let found = found_for(doc, cast, s, vec![phrase.clone()], out)?;
        found.speakers.into_iter().next()?
    };
    let content = if w == words.start {
        let after = phrase.end.max(cue.end).min(words.end - 1);
        trim(doc, doc.words[after].bytes.start.min(range.end)..range.end)
    } else {
        trim(doc, range.start..doc.words[w].bytes.start)
    };
    let direct = quotes.overlaps(s, &content);
    Some(Attribution {
        sentence: s,
        speaker,
        speaker_span: span,
        form,
        cue_words: cue,
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

/// Whether `lower` is a noun that reports speech when a source owns it and "that" follows
/// ("X's claim that …", "claims from X that …"): a hash look-up, made for every word.
pub(super) fn is_report_noun(doc: &Document, lower: &str) -> bool {
    type Set = std::collections::HashSet<&'static str, super::super::fnv::Fnv>;
    static NOUNS: [std::sync::OnceLock<Set>; 2] =
        [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    NOUNS[doc.language.index()]
        .get_or_init(|| doc.grammar().report_nouns.iter().copied().collect())
        .contains(lower)
}

/// Whether `lower` can start a phrase that names a source ("according", "selon").
fn according_starts(doc: &Document, lower: &str) -> bool {
    doc.grammar().according.iter().any(|p| p.split(' ').next() == Some(lower))
}

/// The word after an "according to" phrase starting at word `w`, if one does.
fn according_at(doc: &Document, w: usize, end: usize) -> Option<usize> {
    doc.grammar().according.iter().find_map(|p| {
        let mut k = w;
        for part in p.split(' ') {
            if k >= end
                || doc.words[k].lower != part
                || k > w && !doc.gap_before(k).trim().is_empty()
            {
                return None;
            }
            k += 1;
        }
        (k < end).then_some(k)
    })
}

/// A nominal report at word `w`: `X's claim that …` or `claims from|by X that …`.
pub(super) fn nominal(
    doc: &Document,
    cast: &mut Cast<'_>,
    s: usize,
    w: usize,
    end: usize,
) -> Option<Attribution> {
    if !is_report_noun(doc, &doc.words[w].lower) {
        return None;
    }
    let first = doc.words_in(doc.sentences[s].clone()).start;
    // The owner: a possessive right before ("Bashir's claim"), or "from|by X" right after.
    let (owner, that_from) = if w > first
        && doc.words[w - 1].lower.ends_with("'s")
        && doc.gap_before(w).trim().is_empty()
    {
        let mut k = w - 1;
        while k > first && doc.gap_before(k).trim().is_empty() && doc.capitalised(k - 1) {
            k -= 1;
        }
        (k..w, w + 1)
    } else if w + 2 < end && doc.grammar().report_owner.contains(&doc.words[w + 1].lower.as_str()) {
        let mut e = w + 2;
        while e < end
            && doc.gap_before(e).trim().is_empty()
            && !doc.grammar().that.contains(&doc.words[e].lower.as_str())
            && e < w + 8
        {
            e += 1;
        }
        (w + 2..e, e)
    } else {
        return None;
    };
    if that_from >= end
        || !doc.grammar().that.contains(&doc.words[that_from].lower.as_str())
        || owner.is_empty()
    {
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
    let caps = |k: usize| doc.capitalised(k);
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
pub(super) fn nominal_attribution(
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
pub(super) fn dash(
    doc: &Document,
    quotes: &Quotes,
    cast: &mut Cast<'_>,
    s: usize,
) -> Option<Attribution> {
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
