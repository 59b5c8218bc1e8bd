//! A person's corrections to the statements the extractor found: change the speaker, the
//! category or the target, delete a false statement, add a missed one. Corrections are a log
//! (undo is dropping the last entry) applied on top of an analysis, so every view and export
//! that reads the analysis shows them, marked `corrected`.
//!
//! A correction names its statement by where the statement's cue starts in the text (in code
//! points), which stays true for the same article text whatever else changes: the log can be
//! stored per article and re-applied after a reload or an import. It also keeps its
//! [`Quote`]: the cue (an added statement's words) with the rest of its sentence around it. When
//! the article's text has changed (a corrected wire story, a paragraph added), the quote finds
//! the statement again (`quote::Quote::find`: at least half of the sentence still around the
//! cue); a correction it cannot place is an orphan, listed for the reader with what it did
//! ([`Correction::describe`]) and kept in the log, never dropped silently.

use serde::{Deserialize, Serialize};

use super::quote::Quote;
use super::statements::CueKind;
use super::{
    Actor, Analysis, Category, Confidence, DateBasis, MentionForm, Pattern, Span, SpeakerBasis,
    Statement,
};
use crate::locale::{self, Language};

/// One correction: what it changes, and the words it was made on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    #[serde(flatten)]
    pub edit: Edit,
    /// The statement's cue in its sentence (an added statement's words in theirs) when the
    /// correction was made; logs written before quotes were kept have none, and find their
    /// statement by position alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
}

impl Edit {
    /// The code point the edit names its statement by, for all but an added statement.
    pub fn at(&self) -> Option<usize> {
        match *self {
            Edit::Speaker { at, .. }
            | Edit::Category { at, .. }
            | Edit::Target { at, .. }
            | Edit::Delete { at } => Some(at),
            Edit::Add { .. } => None,
        }
    }
}

impl From<Edit> for Correction {
    /// A correction without a quote: found by its position alone.
    fn from(edit: Edit) -> Correction {
        Correction { edit, quote: None }
    }
}

/// What a correction changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// The statement whose cue starts at code point `at` was said by `speaker` (an actor's
    /// name, or a new name).
    Speaker {
        at: usize,
        speaker: String,
    },
    Category {
        at: usize,
        category: Category,
    },
    /// `None` removes the target.
    Target {
        at: usize,
        target: Option<String>,
    },
    Delete {
        at: usize,
    },
    /// A statement the extractor missed: the text `start..end` (code points), said by `speaker`.
    Add {
        start: usize,
        end: usize,
        speaker: String,
        category: Category,
    },
}

/// The code point where a statement's cue starts: how corrections name statements.
pub fn key(statement: &Statement) -> usize {
    statement.cue_span.start_char
}

/// How a link (`?statement=`) names a statement. [`StatementLink::At`] is the stable form the
/// app writes: `c812`, the statement whose cue starts at code point 812 (as corrections name
/// it), which stays true when statements are added or deleted before it. A bare number is
/// the older form and the embed's: the n-th statement in reading order (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementLink {
    At(usize),
    Ordinal(usize),
}

impl StatementLink {
    /// The link of `statement`: `c` and its cue's code point.
    pub fn of(statement: &Statement) -> String {
        format!("c{}", key(statement))
    }

    /// Reads a `statement=` value; `None` for anything else.
    pub fn parse(value: &str) -> Option<StatementLink> {
        let value = value.trim();
        match value.strip_prefix('c') {
            Some(at) => at.parse().ok().map(StatementLink::At),
            None => value.parse().ok().filter(|n| *n > 0).map(StatementLink::Ordinal),
        }
    }

    /// The statement of `analysis` this link names, if it is there.
    pub fn find(self, analysis: &Analysis) -> Option<usize> {
        match self {
            StatementLink::At(at) => analysis.statements.iter().position(|s| key(s) == at),
            StatementLink::Ordinal(n) => (n <= analysis.statements.len()).then(|| n - 1),
        }
    }
}

impl Correction {
    /// `edit` with the quote of what it names in `analysis` (of `text`, the document text):
    /// the statement's cue in its sentence, or the added words in theirs. No quote when the
    /// edit names nothing there.
    pub fn quoted(edit: Edit, analysis: &Analysis, text: &str) -> Correction {
        let quote = match (&edit, edit.at()) {
            (_, Some(at)) => analysis
                .statements
                .iter()
                .find(|s| key(s) == at)
                .map(|s| quote_of(analysis, text, s)),
            (Edit::Add { start, end, .. }, None) => {
                bytes_of(text, *start, *end).and_then(|words| {
                    let sentence = analysis.sentences.iter().find(|s| {
                        s.span.start_byte <= words.start && words.end <= s.span.end_byte
                    })?;
                    Some(Quote::around(text, sentence.span.bytes(), words))
                })
            }
            (_, None) => None,
        };
        Correction { edit, quote }
    }

    /// What the correction does and where, in `lang`'s words, for the list of corrections
    /// that no longer match: "speaker set to Ali Maiga, on “said” in “Maiga said the talks…”".
    pub fn describe(&self, lang: Language) -> String {
        let fill = |key, args: &[(&str, &dyn std::fmt::Display)]| locale::fill(lang, key, args);
        let what = match &self.edit {
            Edit::Speaker { speaker, .. } => fill("corrections.did.speaker", &[("name", speaker)]),
            Edit::Category { category, .. } => fill(
                "corrections.did.category",
                &[("category", &locale::text(lang, category.label_key()))],
            ),
            Edit::Target { target: Some(t), .. } => fill("corrections.did.target", &[("name", t)]),
            Edit::Target { target: None, .. } => fill("corrections.did.no_target", &[]),
            Edit::Delete { .. } => fill("corrections.did.delete", &[]),
            Edit::Add { speaker, .. } => fill("corrections.did.add", &[("name", speaker)]),
        };
        match &self.quote {
            Some(q) => {
                let sentence = format!("{}{}{}", q.prefix, q.exact, q.suffix);
                let sentence = super::timeline::snippet(sentence.trim(), 90);
                let words = super::timeline::snippet(&q.exact, 40);
                fill(
                    "corrections.did.where",
                    &[("what", &what), ("words", &words), ("sentence", &sentence)],
                )
            }
            None => {
                let at = match self.edit {
                    Edit::Add { start, .. } => start,
                    _ => self.edit.at().unwrap_or_default(),
                };
                fill("corrections.did.at", &[("what", &what), ("at", &at)])
            }
        }
    }
}

/// The bytes of the code points `start..end` of `text`, if they are in it and not empty.
fn bytes_of(text: &str, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    let byte = |c: usize| {
        text.char_indices()
            .nth(c)
            .map(|(b, _)| b)
            .or_else(|| (c == text.chars().count()).then_some(text.len()))
    };
    let (sb, eb) = (byte(start)?, byte(end)?);
    (sb < eb).then_some(sb..eb)
}

/// The text's characters, collected the first time a correction needs to be found again.
struct Chars<'t> {
    text: &'t str,
    chars: Option<Vec<char>>,
}

impl Chars<'_> {
    fn get(&mut self) -> &[char] {
        self.chars.get_or_insert_with(|| self.text.chars().collect())
    }
}

/// The analysis with `corrections` applied in order, and the indices of those that no longer
/// match (the text changed, say): an orphan changes nothing and stays in the log.
///
/// A correction finds its statement at its position when its quote is still there (or it has
/// none), else where its quote is now; an added statement likewise finds its words.
pub fn apply(
    analysis: &Analysis,
    text: &str,
    corrections: &[Correction],
) -> (Analysis, Vec<usize>) {
    let mut a = analysis.clone();
    let mut chars = Chars { text, chars: None };
    let mut orphans = Vec::new();
    for (n, c) in corrections.iter().enumerate() {
        let index =
            c.edit.at().and_then(|at| statement_of(&a, text, &mut chars, at, c.quote.as_ref()));
        match (&c.edit, index) {
            (Edit::Speaker { speaker, .. }, Some(i)) => {
                let actor = actor_named(&mut a, speaker);
                let s = &mut a.statements[i];
                s.speaker = actor;
                s.speaker_name = a.actors[actor].name.clone();
                s.corrected = true;
            }
            (Edit::Category { category, .. }, Some(i)) => {
                set_category(&mut a.statements[i], *category);
                a.statements[i].corrected = true;
            }
            (Edit::Target { target, .. }, Some(i)) => {
                let t = target.as_ref().map(|name| actor_named(&mut a, name));
                let s = &mut a.statements[i];
                s.target = t;
                s.target_name = t.map(|t| a.actors[t].name.clone());
                s.target_inferred = false;
                s.corrected = true;
            }
            (Edit::Delete { .. }, Some(i)) => {
                a.statements.remove(i);
            }
            (Edit::Add { start, end, speaker, category }, _) => {
                let words = words_of(text, &mut chars, *start, *end, c.quote.as_ref());
                let made = words
                    .and_then(|(start, end)| added(&mut a, text, start, end, speaker, *category));
                match made {
                    Some(s) => {
                        let at = a.statements.partition_point(|x| {
                            x.content_span.start_byte <= s.content_span.start_byte
                        });
                        a.statements.insert(at, s);
                    }
                    None => orphans.push(n),
                }
            }
            _ => orphans.push(n),
        }
    }
    for s in &mut a.sentences {
        s.statements.clear();
    }
    for (i, s) in a.statements.iter().enumerate() {
        a.sentences[s.sentence].statements.push(i);
    }
    (a, orphans)
}

/// The statement a correction made at code point `at` with `quote` names now.
fn statement_of(
    a: &Analysis,
    text: &str,
    chars: &mut Chars,
    at: usize,
    quote: Option<&Quote>,
) -> Option<usize> {
    let here = a.statements.iter().position(|s| key(s) == at);
    let Some(quote) = quote else { return here };
    let unchanged = here.is_some_and(|i| quote_of(a, text, &a.statements[i]) == *quote);
    if unchanged {
        return here;
    }
    let now = quote.find(chars.get(), Some(at))?.start;
    a.statements.iter().position(|s| key(s) == now)
}

/// The code points an added statement's words are at now: where they were if they are still
/// there (or, without a quote, wherever that is), else where its quote finds them; `None`
/// when the quote is nowhere, so the correction is an orphan rather than a statement made on
/// whatever text now sits at its old place.
fn words_of(
    text: &str,
    chars: &mut Chars,
    start: usize,
    end: usize,
    quote: Option<&Quote>,
) -> Option<(usize, usize)> {
    let Some(quote) = quote else { return Some((start, end)) };
    if bytes_of(text, start, end).is_some_and(|b| text[b] == quote.exact) {
        return Some((start, end));
    }
    quote.find(chars.get(), Some(start)).map(|r| (r.start, r.end))
}

/// The quote a correction of statement `s` keeps: its cue in its sentence.
fn quote_of(a: &Analysis, text: &str, s: &Statement) -> Quote {
    Quote::around(text, a.sentences[s.sentence].span.bytes(), s.cue_span.bytes())
}

fn set_category(s: &mut Statement, category: Category) {
    s.category = category;
    s.category_label = category.label().into();
    s.cameo = category.cameo().into();
    s.tone = category.tone();
}

/// The actor called `name` (case-insensitively), or a new person with that name.
fn actor_named(a: &mut Analysis, name: &str) -> usize {
    let name = name.trim();
    if let Some(i) = a.actors.iter().position(|x| x.name.eq_ignore_ascii_case(name)) {
        return i;
    }
    a.actors.push(Actor::person(name));
    a.actors.len() - 1
}

/// A statement for the text `start..end` (code points), or `None` when that is not text of one
/// sentence.
fn added(
    a: &mut Analysis,
    text: &str,
    start: usize,
    end: usize,
    speaker: &str,
    category: Category,
) -> Option<Statement> {
    let std::ops::Range { start: sb, end: eb } = bytes_of(text, start, end)?;
    if speaker.trim().is_empty() {
        return None;
    }
    let sentence =
        a.sentences.iter().position(|s| s.span.start_byte <= sb && eb <= s.span.end_byte)?;
    let paragraph = a.sentences[sentence].paragraph;
    let span = Span { paragraph, start_byte: sb, end_byte: eb, start_char: start, end_char: end };
    let actor = actor_named(a, speaker);
    let mut s = Statement {
        sentence,
        speaker: actor,
        speaker_name: a.actors[actor].name.clone(),
        speaker_form: MentionForm::Name,
        speaker_span: span,
        co_speakers: Vec::new(),
        co_speaker_names: Vec::new(),
        cue: "added by a reader".into(),
        cue_kind: CueKind::Added,
        cue_span: span,
        content: text[sb..eb].to_string(),
        content_span: span,
        direct: false,
        negated: false,
        target: None,
        target_name: None,
        target_inferred: false,
        category,
        category_label: category.label().into(),
        cameo: category.cameo().into(),
        tone: category.tone(),
        date: a.article_date,
        date_basis: DateBasis::of_article(a.article_date),
        themes: super::themes_of(&a.sentences[sentence].theme_counts, &a.themes),
        pattern: Pattern::Corrected,
        speaker_basis: SpeakerBasis::Named,
        confidence: Confidence::High,
        corrected: true,
    };
    set_category(&mut s, category);
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> (Analysis, String) {
        let (article, analysis) = crate::test_support::seed();
        (analysis, article.paragraphs.join("\n\n"))
    }

    #[test]
    fn statement_links_survive_an_added_statement() {
        let (a, text) = seed();
        let link = StatementLink::of(&a.statements[7]);
        assert_eq!(link, format!("c{}", a.statements[7].cue_span.start_char));
        let parsed = StatementLink::parse(&link).unwrap();
        assert_eq!(parsed.find(&a), Some(7));
        assert_eq!(StatementLink::parse("3").unwrap().find(&a), Some(2));
        for bad in ["", "0", "c", "cx", "-1", "3.5"] {
            assert_eq!(StatementLink::parse(bad), None, "{bad:?}");
        }
        assert_eq!(StatementLink::parse("99").unwrap().find(&a), None);
        assert_eq!(StatementLink::At(1).find(&a), None);
        // A statement added before it renumbers it; its link still names it.
        let first = &a.statements[0];
        let add = Correction::from(Edit::Add {
            start: 0,
            end: first.cue_span.start_char.saturating_sub(1).max(1),
            speaker: "A reader".into(),
            category: Category::Neutral,
        });
        let (b, orphans) = apply(&a, &text, &[add]);
        assert_eq!((orphans.len(), b.statements.len()), (0, 11));
        let now = parsed.find(&b).unwrap();
        assert_eq!(now, 8, "renumbered: the old ordinal would name another statement");
        assert_eq!(b.statements[now].cue, a.statements[7].cue);
        assert_eq!(b.statements[now].sentence, a.statements[7].sentence);
    }

    #[test]
    fn corrections_apply_in_order_and_mark_what_they_touch() {
        let (a, text) = seed();
        let lavrov2 = key(&a.statements[7]);
        let first = key(&a.statements[0]);
        let log = vec![
            Correction::from(Edit::Speaker { at: lavrov2, speaker: "Abdoulaye Diop".into() }),
            Correction::from(Edit::Category { at: first, category: Category::Cooperate }),
            Correction::from(Edit::Target { at: first, target: Some("Wagner Group".into()) }),
            Correction::from(Edit::Delete { at: key(&a.statements[9]) }),
        ];
        let (c, orphans) = apply(&a, &text, &log);
        assert!(orphans.is_empty());
        assert_eq!(c.statements.len(), 9);
        assert_eq!(c.statements[7].speaker_name, "Abdoulaye Diop");
        assert!(c.statements[7].corrected && !c.statements[6].corrected);
        assert_eq!(
            (c.statements[0].category, c.statements[0].category_label.as_ref()),
            (Category::Cooperate, "express intent to cooperate")
        );
        assert_eq!(c.statements[0].target_name.as_deref(), Some("Wagner Group"));
        assert!(c.actors.iter().any(|x| x.name == "Wagner Group"));
        assert!(c.sentences[9].statements.is_empty(), "the deleted statement's sentence has none");
        assert_eq!(c.sentences[7].statements, [7]);
        // Undo: the log without its last entry.
        let (undone, _) = apply(&a, &text, &log[..3]);
        assert_eq!(undone.statements.len(), 10);
    }

    #[test]
    fn a_missed_statement_is_added_in_reading_order() {
        let (a, text) = seed();
        let sentence = "As both nations continue to strengthen their ties, the prospects for mutually beneficial cooperation remain promising.";
        let start = text[..text.find(sentence).unwrap()].chars().count();
        let end = start + sentence.chars().count();
        let log = vec![Correction::from(Edit::Add {
            start,
            end,
            speaker: "MENAFN".into(),
            category: Category::Neutral,
        })];
        let (c, orphans) = apply(&a, &text, &log);
        assert!(orphans.is_empty());
        assert_eq!(c.statements.len(), 11);
        assert_eq!(c.statements[10].content, sentence);
        assert_eq!(
            (c.statements[10].speaker_name.as_str(), c.statements[10].sentence),
            ("MENAFN", 11)
        );
        assert_eq!(c.sentences[11].statements, [10]);
        assert!(c.statements[10].corrected);
        // Corrections of an added statement find it by its start.
        let mut more = log.clone();
        more.push(Correction::from(Edit::Category { at: start, category: Category::Praise }));
        assert_eq!(apply(&a, &text, &more).0.statements[10].category, Category::Praise);
    }

    #[test]
    fn corrections_that_no_longer_apply_are_listed_not_fatal() {
        let (a, text) = seed();
        let log = vec![
            Correction::from(Edit::Delete { at: 3 }),
            Correction::from(Edit::Add {
                start: 10,
                end: 5,
                speaker: "X".into(),
                category: Category::Neutral,
            }),
            Correction::from(Edit::Add {
                start: 0,
                end: 999_999,
                speaker: "X".into(),
                category: Category::Neutral,
            }),
            Correction::from(Edit::Speaker { at: 999_999, speaker: "X".into() }),
        ];
        let (c, orphans) = apply(&a, &text, &log);
        assert_eq!((orphans, c.statements.len()), (vec![0, 1, 2, 3], 10));
    }

    #[test]
    fn the_log_is_json() {
        let log = vec![
            Correction::from(Edit::Delete { at: 5 }),
            Correction::from(Edit::Category { at: 7, category: Category::Aid }),
        ];
        let json = serde_json::to_string(&log).unwrap();
        assert_eq!(json, r#"[{"op":"delete","at":5},{"op":"category","at":7,"category":"aid"}]"#);
        assert_eq!(serde_json::from_str::<Vec<Correction>>(&json).unwrap(), log);
    }

    /// An invented article and its analysis.
    fn invented(paragraphs: &[&str]) -> (Analysis, String) {
        let json = serde_json::json!({"id": "t", "date": "2025-03-04", "paragraphs": paragraphs});
        let article = crate::article::read(&json.to_string(), None).unwrap();
        let analysis = crate::analysis::analyze(
            &article,
            &crate::analysis::ThemeSet::with_builtins(Vec::new()).unwrap(),
        );
        (analysis, article.paragraphs.join("\n\n"))
    }

    #[test]
    fn corrections_find_their_statements_again_after_the_text_changed() {
        let (a, text) = invented(&[
            "The envoy said the port would reopen. The mayor said the road was shut.",
            "Trade resumed on Monday.",
        ]);
        assert_eq!(a.statements.len(), 2, "{:?}", a.statements);
        let (envoy, mayor) = (key(&a.statements[0]), key(&a.statements[1]));
        let trade = text.find("Trade").unwrap();
        let start = text[..trade].chars().count();
        let log = vec![
            Correction::quoted(Edit::Speaker { at: mayor, speaker: "Ada Obi".into() }, &a, &text),
            Correction::quoted(
                Edit::Add {
                    start,
                    end: start + 24,
                    speaker: "A reader".into(),
                    category: Category::Neutral,
                },
                &a,
                &text,
            ),
            Correction::quoted(Edit::Delete { at: envoy }, &a, &text),
        ];
        assert!(log.iter().all(|c| c.quote.is_some()));
        let (c, orphans) = apply(&a, &text, &log);
        assert!(orphans.is_empty());
        assert_eq!(c.statements.len(), 2);

        // A paragraph added before, the envoy's sentence cut, a word of the mayor's changed.
        let (b, text2) = invented(&[
            "A note was added first.",
            "The mayor said the road was closed.",
            "Trade resumed on Monday.",
        ]);
        let (c, orphans) = apply(&b, &text2, &log);
        assert_eq!(orphans, [2], "the deleted statement's sentence is gone");
        let mayor_now = c.statements.iter().find(|s| s.cue == "said").unwrap();
        assert_eq!((mayor_now.speaker_name.as_str(), mayor_now.corrected), ("Ada Obi", true));
        let added = c.statements.iter().find(|s| s.pattern == Pattern::Corrected).unwrap();
        assert_eq!(added.content, "Trade resumed on Monday.");
        assert_eq!(
            log[2].describe(Language::English),
            "statement deleted, on \u{201c}said\u{201d} in \u{201c}The envoy said the port would reopen.\u{201d}"
        );
        assert_eq!(
            log[2].describe(Language::French),
            "déclaration supprimée, sur « said » dans « The envoy said the port would reopen. »"
        );
        // Without quotes (an older log), only what is still at its place is found.
        let bare: Vec<Correction> = log.iter().map(|c| Correction::from(c.edit.clone())).collect();
        assert_eq!(apply(&b, &text2, &bare).1.len(), 3);
        assert_eq!(
            bare[0].describe(Language::English),
            format!("speaker set to Ada Obi, at character {mayor}")
        );
    }

    #[test]
    fn a_quote_is_not_taken_for_another_sentence_with_the_same_cue() {
        let (a, text) =
            invented(&["The envoy said the port would reopen. The mayor said the road was shut."]);
        let log = [Correction::quoted(
            Edit::Category { at: key(&a.statements[1]), category: Category::Reject },
            &a,
            &text,
        )];
        let (b, text2) = invented(&[
            "The envoy said the port would reopen. The governor said nothing new today.",
        ]);
        let (c, orphans) = apply(&b, &text2, &log);
        assert_eq!(orphans, [0]);
        assert!(c.statements.iter().all(|s| !s.corrected));
    }

    #[test]
    fn an_added_statement_whose_words_are_gone_is_an_orphan_not_a_fragment() {
        let (a, text) =
            invented(&["The envoy said the port would reopen.", "Trade resumed on Monday."]);
        let start = text[..text.find("Trade").unwrap()].chars().count();
        let add = Edit::Add {
            start,
            end: start + 24,
            speaker: "A reader".into(),
            category: Category::Neutral,
        };
        let log = [Correction::quoted(add, &a, &text)];
        let (b, text2) = invented(&[
            "The envoy said the port would reopen within the next two months at the latest.",
        ]);
        let (c, orphans) = apply(&b, &text2, &log);
        assert_eq!(orphans, [0]);
        assert!(c.statements.iter().all(|s| s.pattern != Pattern::Corrected));
    }

    #[test]
    fn logs_with_and_without_quotes_read() {
        let json = r#"[{"op":"delete","at":5,"quote":{"exact":"said","prefix":"He ","suffix":" no."}},{"op":"delete","at":9}]"#;
        let log: Vec<Correction> = serde_json::from_str(json).unwrap();
        assert_eq!(log[0].quote.as_ref().unwrap().prefix, "He ");
        assert_eq!(log[1], Correction::from(Edit::Delete { at: 9 }));
        assert_eq!(serde_json::to_string(&log).unwrap(), json);
    }
}
