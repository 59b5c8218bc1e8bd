//! A person's corrections to the statements the extractor found: change the speaker, the
//! category or the target, delete a false statement, add a missed one. Corrections are a log
//! (undo is dropping the last entry) applied on top of an analysis, so every view and export
//! that reads the analysis shows them, marked `corrected`.
//!
//! A correction names its statement by where the statement's cue starts in the text (in code
//! points), which stays true for the same article text whatever else changes: the log can be
//! stored per article and re-applied after a reload or an import.

use serde::{Deserialize, Serialize};

use super::statements::CueKind;
use super::{
    Actor, Analysis, Category, Confidence, DateBasis, MentionForm, Pattern, Span, SpeakerBasis,
    Statement,
};

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
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

/// The analysis with `corrections` applied in order. Corrections that name no statement (the
/// text changed, say) are skipped and counted in the second value.
pub fn apply(analysis: &Analysis, text: &str, corrections: &[Correction]) -> (Analysis, usize) {
    let mut a = analysis.clone();
    let mut skipped = 0;
    for c in corrections {
        let at = match c {
            Correction::Speaker { at, .. }
            | Correction::Category { at, .. }
            | Correction::Target { at, .. }
            | Correction::Delete { at } => Some(*at),
            Correction::Add { .. } => None,
        };
        let index = at.and_then(|at| a.statements.iter().position(|s| key(s) == at));
        match (c, index) {
            (Correction::Speaker { speaker, .. }, Some(i)) => {
                let actor = actor_named(&mut a, speaker);
                let s = &mut a.statements[i];
                s.speaker = actor;
                s.speaker_name = a.actors[actor].name.clone();
                s.corrected = true;
            }
            (Correction::Category { category, .. }, Some(i)) => {
                set_category(&mut a.statements[i], *category);
                a.statements[i].corrected = true;
            }
            (Correction::Target { target, .. }, Some(i)) => {
                let t = target.as_ref().map(|name| actor_named(&mut a, name));
                let s = &mut a.statements[i];
                s.target = t;
                s.target_name = t.map(|t| a.actors[t].name.clone());
                s.target_inferred = false;
                s.corrected = true;
            }
            (Correction::Delete { .. }, Some(i)) => {
                a.statements.remove(i);
            }
            (Correction::Add { start, end, speaker, category }, _) => {
                match added(&mut a, text, *start, *end, speaker, *category) {
                    Some(s) => {
                        let at = a.statements.partition_point(|x| {
                            x.content_span.start_byte <= s.content_span.start_byte
                        });
                        a.statements.insert(at, s);
                    }
                    None => skipped += 1,
                }
            }
            _ => skipped += 1,
        }
    }
    for s in &mut a.sentences {
        s.statements.clear();
    }
    for (i, s) in a.statements.iter().enumerate() {
        a.sentences[s.sentence].statements.push(i);
    }
    (a, skipped)
}

fn set_category(s: &mut Statement, category: Category) {
    s.category = category;
    s.category_label = category.label();
    s.cameo = category.cameo();
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
    let byte = |c: usize| {
        text.char_indices()
            .nth(c)
            .map(|(b, _)| b)
            .or((c == text.chars().count()).then_some(text.len()))
    };
    let (sb, eb) = (byte(start)?, byte(end)?);
    if sb >= eb || speaker.trim().is_empty() {
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
        category_label: category.label(),
        cameo: category.cameo(),
        tone: category.tone(),
        date: a.article_date,
        date_basis: DateBasis::of_article(a.article_date),
        themes: a.sentences[sentence]
            .theme_counts
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(t, _)| a.themes[t].id.clone())
            .collect(),
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
        let add = Correction::Add {
            start: 0,
            end: first.cue_span.start_char.saturating_sub(1).max(1),
            speaker: "A reader".into(),
            category: Category::Neutral,
        };
        let (b, skipped) = apply(&a, &text, &[add]);
        assert_eq!((skipped, b.statements.len()), (0, 11));
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
            Correction::Speaker { at: lavrov2, speaker: "Abdoulaye Diop".into() },
            Correction::Category { at: first, category: Category::Cooperate },
            Correction::Target { at: first, target: Some("Wagner Group".into()) },
            Correction::Delete { at: key(&a.statements[9]) },
        ];
        let (c, skipped) = apply(&a, &text, &log);
        assert_eq!(skipped, 0);
        assert_eq!(c.statements.len(), 9);
        assert_eq!(c.statements[7].speaker_name, "Abdoulaye Diop");
        assert!(c.statements[7].corrected && !c.statements[6].corrected);
        assert_eq!(
            (c.statements[0].category, c.statements[0].category_label),
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
        let log = vec![Correction::Add {
            start,
            end,
            speaker: "MENAFN".into(),
            category: Category::Neutral,
        }];
        let (c, skipped) = apply(&a, &text, &log);
        assert_eq!(skipped, 0);
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
        more.push(Correction::Category { at: start, category: Category::Praise });
        assert_eq!(apply(&a, &text, &more).0.statements[10].category, Category::Praise);
    }

    #[test]
    fn corrections_that_no_longer_apply_are_counted_not_fatal() {
        let (a, text) = seed();
        let log = vec![
            Correction::Delete { at: 3 },
            Correction::Add { start: 10, end: 5, speaker: "X".into(), category: Category::Neutral },
            Correction::Add {
                start: 0,
                end: 999_999,
                speaker: "X".into(),
                category: Category::Neutral,
            },
            Correction::Speaker { at: 999_999, speaker: "X".into() },
        ];
        let (c, skipped) = apply(&a, &text, &log);
        assert_eq!((skipped, c.statements.len()), (4, 10));
    }

    #[test]
    fn the_log_is_json() {
        let log = vec![
            Correction::Delete { at: 5 },
            Correction::Category { at: 7, category: Category::Aid },
        ];
        let json = serde_json::to_string(&log).unwrap();
        assert_eq!(json, r#"[{"op":"delete","at":5},{"op":"category","at":7,"category":"aid"}]"#);
        assert_eq!(serde_json::from_str::<Vec<Correction>>(&json).unwrap(), log);
    }
}
