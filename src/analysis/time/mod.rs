//! Time: expressions like "yesterday", "on Monday", "last year" or "in recent years" resolved
//! against the article's date, and the past events the text refers to ("coups in recent
//! years", aid already delivered), each with a date range that says how fuzzy it is.
//!
//! Each language reads its own words (`en.rs`: "last week", "two years ago"; `fr.rs`: "la
//! semaine dernière", "il y a deux ans", "le 1er mars") into one [`Expr`], which
//! [`resolve`] alone places on the calendar, so the date arithmetic is written once. The
//! words events are labelled by (what introduces a clause, what a delivery of aid looks
//! like) are each language's [`Vocabulary`] too.

use std::ops::Range;

use serde::Serialize;

use super::language::Language;
use super::text::{Document, Span};
use crate::article::Date;
use crate::locale;

mod en;
mod fr;

/// A span of calendar time. `fuzzy` when the text gives no exact bounds ("in recent years").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DateRange {
    pub start: Date,
    pub end: Date,
    pub fuzzy: bool,
}

/// A time expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct TimeExpression {
    pub text: String,
    pub sentence: usize,
    pub span: Span,
    pub range: DateRange,
    /// A single day ("yesterday", "on Monday"): can date a statement. Otherwise a period
    /// ("last year", "in recent years"): refers to events before the article.
    pub point: bool,
    #[serde(skip)]
    pub words: Range<usize>,
}

/// Something the text refers to as having happened before the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ReferencedEvent {
    /// What happened, in the text's words ("political instability and coups").
    pub label: String,
    pub sentence: usize,
    /// The span of `label`.
    pub span: Span,
    /// The words that place it in the past ("in recent years", "provision of").
    pub cue: String,
    pub range: DateRange,
    /// How the range was chosen, for people to judge it.
    pub basis: EventBasis,
}

/// How a past event's range was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventBasis {
    /// Dated by a period expression (its words), counted back from the article date.
    CountedBack { words: String },
    /// Aid spoken of as already delivered: the text gives no date, so up to a year before.
    Delivered,
}

impl EventBasis {
    /// The basis in `lang`'s words, for the event's tooltip and the exports.
    pub fn describe(&self, lang: Language) -> String {
        match self {
            EventBasis::CountedBack { words } => {
                locale::fill(lang, "event.counted_back", &[("words", words)])
            }
            EventBasis::Delivered => locale::text(lang, "event.delivered").to_string(),
        }
    }
}

/// What an expression says, whatever the language's words for it: each language's matcher
/// (`en.rs`, `fr.rs`) reads words into an `Expr`, and [`resolve`] places it on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expr {
    /// "in 2022" (`since`: "since 2021", up to the article).
    Year {
        year: i32,
        since: bool,
    },
    /// "in March 2023".
    Month {
        year: i32,
        month: u8,
    },
    /// "on 15 March", "on 15 March 2024" (a day without a year is the latest one not after
    /// the article).
    Day {
        day: u8,
        month: u8,
        year: Option<i32>,
    },
    /// Days before the article: 0 "today", 1 "yesterday", 2 "the day before yesterday".
    DaysBefore(u8),
    /// "on Monday" (the latest Monday up to the article), "last Monday" (`last`: never the
    /// article's own day). 0 = Monday.
    Weekday {
        weekday: u8,
        last: bool,
    },
    LastWeek,
    LastMonth,
    LastYear,
    EarlierThisYear,
    EarlierThisMonth,
    /// "in recent years", "in the past few months": a fuzzy stretch back from the article.
    Recent(Unit),
    /// "two years ago".
    Ago(i32, Unit),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// An expression's range and whether it is a single day (which can date a statement), or
/// `None` when it needs the article's date and there is none.
fn resolve(expr: Expr, date: Option<Date>) -> Option<(DateRange, bool)> {
    let exact = |start: Date, end: Date| DateRange { start, end, fuzzy: false };
    let fuzzy = |start: Date, end: Date| DateRange { start, end, fuzzy: true };
    // Absolute expressions first: they need no article date.
    match expr {
        Expr::Year { year, since: false } => {
            return Some((exact(Date::new(year, 1, 1)?, Date::new(year, 12, 31)?), false))
        }
        Expr::Year { year, since: true } => {
            let end = date.unwrap_or(Date::new(year, 12, 31)?);
            return Some((exact(Date::new(year, 1, 1)?, end), false));
        }
        Expr::Month { year, month } => {
            let (start, end) = Date::month_bounds(year, month)?;
            return Some((exact(start, end), false));
        }
        Expr::Day { day, month, year } => {
            let year = match year {
                Some(y) => y,
                None => infer_year(date?, month, day)?,
            };
            let d = Date::new(year, month, day)?;
            return Some((exact(d, d), true));
        }
        _ => {}
    }
    let d = date?;
    let range = match expr {
        Expr::DaysBefore(n) => {
            let day = d.add_days(-i64::from(n));
            return Some((exact(day, day), true));
        }
        Expr::Weekday { weekday, last } => {
            let mut back = (i64::from(d.weekday()) - i64::from(weekday)).rem_euclid(7);
            if last && back == 0 {
                back = 7;
            }
            return Some((exact(d.add_days(-back), d.add_days(-back)), true));
        }
        Expr::LastWeek => {
            let monday = d.add_days(-i64::from(d.weekday()) - 7);
            exact(monday, monday.add_days(6))
        }
        Expr::LastMonth => {
            let prev = d.add_months(-1);
            let (start, end) = Date::month_bounds(prev.year(), prev.month())?;
            exact(start, end)
        }
        Expr::LastYear => exact(Date::new(d.year() - 1, 1, 1)?, Date::new(d.year() - 1, 12, 31)?),
        Expr::EarlierThisYear => exact(Date::new(d.year(), 1, 1)?, d),
        Expr::EarlierThisMonth => exact(Date::new(d.year(), d.month(), 1)?, d),
        Expr::Recent(unit) => match unit {
            Unit::Year => fuzzy(d.add_months(-60), d),
            Unit::Month => fuzzy(d.add_months(-6), d),
            Unit::Week => fuzzy(d.add_days(-35), d),
            Unit::Day => fuzzy(d.add_days(-7), d),
        },
        Expr::Ago(n, unit) => {
            let days = i64::from(n);
            match unit {
                Unit::Day => return Some((exact(d.add_days(-days), d.add_days(-days)), true)),
                Unit::Week => fuzzy(d.add_days(-7 * days - 3), d.add_days(-7 * days + 3)),
                Unit::Month => fuzzy(d.add_months(-n).add_days(-15), d.add_months(-n).add_days(15)),
                Unit::Year => fuzzy(d.add_months(-12 * n - 6), d.add_months(-12 * n + 6)),
            }
        }
        Expr::Year { .. } | Expr::Month { .. } | Expr::Day { .. } => return None,
    };
    Some((range, false))
}

/// A four-digit year in the range news writes about.
fn year_word(w: &str) -> Option<i32> {
    (w.len() == 4).then(|| w.parse().ok()).flatten().filter(|y| (1900..=2100).contains(y))
}

/// A count of 1 to 100: one of a language's number words for 1–12 (`words`), or digits.
fn counted(w: &str, words: &[&str; 12]) -> Option<i32> {
    words
        .iter()
        .position(|n| *n == w)
        .map(|i| i as i32 + 1)
        .or_else(|| w.parse().ok().filter(|n| (1..=100).contains(n)))
}

/// A day of the month written as digits.
fn day_number(w: &str) -> Option<u8> {
    w.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

/// The words of one language that time expressions and past events are read by.
struct Vocabulary {
    /// Reads the expression starting at the current word: (length in words, what it says).
    expression: for<'a> fn(&'a dyn Fn(usize) -> &'a str) -> Option<(usize, Expr)>,
    /// Words that introduce what a clause says happened, stripped from an event label's start.
    leading: &'static [&'static str],
    /// Words stripped from an event label's end.
    trailing: &'static [&'static str],
    /// Words that say something was handed over, and what aid looks like.
    delivery: &'static [&'static str],
    aid_things: &'static [&'static str],
    /// Words that make a delivery future or hypothetical rather than past.
    not_yet: &'static [&'static str],
    /// The word that ends a delivery's label ("as"), unless the word before it is
    /// `label_end_after` ("such as").
    label_end: Option<(&'static str, &'static str)>,
    /// Connectives and adverbs that open a clause without being part of what happened
    /// ("but", "even", "also"), stripped from a label's start.
    connectives: &'static [&'static str],
    /// Nouns that name an event by themselves ("coups", "elections", "clashes"): a label
    /// without a verb is an event only with one of them.
    event_nouns: &'static [&'static str],
    /// Verb forms the participle endings of the grammar miss: auxiliaries and irregular
    /// pasts ("was", "had", "met", "drawn").
    verbs: &'static [&'static str],
    /// Verbs of saying beyond the grammar's attribution verbs ("savoir" in "a fait savoir").
    speech: &'static [&'static str],
}

fn vocabulary(lang: Language) -> &'static Vocabulary {
    match lang {
        Language::English => &en::VOCABULARY,
        Language::French => &fr::VOCABULARY,
    }
}

/// Finds the time expressions of a document. Without an article date only absolute ones
/// ("in 2022", "on 15 March 2024") can be placed.
pub fn time_expressions(doc: &Document, article_date: Option<Date>) -> Vec<TimeExpression> {
    let vocabulary = vocabulary(doc.language);
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let words = doc.words_in(sentence.clone());
        let mut i = words.start;
        while i < words.end {
            let at = |k: usize| -> &str {
                if i + k < words.end {
                    doc.words[i + k].lower.as_str()
                } else {
                    ""
                }
            };
            let found = (vocabulary.expression)(&at)
                .and_then(|(len, expr)| Some((len, resolve(expr, article_date)?)));
            match found {
                Some((len, (range, point))) => {
                    let bytes = doc.words[i].bytes.start..doc.words[i + len - 1].bytes.end;
                    out.push(TimeExpression {
                        text: doc.text[bytes.clone()].to_string(),
                        sentence: s,
                        span: doc.span(bytes),
                        range,
                        point,
                        words: i..i + len,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// The year of a day-and-month with no year: the article's, or the one before when that would
/// put it after the article.
fn infer_year(article: Date, month: u8, day: u8) -> Option<i32> {
    let this = Date::new(article.year(), month, day)?;
    Some(if this > article { article.year() - 1 } else { article.year() })
}

/// The events the text refers to as past: clauses dated by a period expression, and aid
/// spoken of as already delivered.
pub fn referenced_events(
    doc: &Document,
    expressions: &[TimeExpression],
    article_date: Option<Date>,
) -> Vec<ReferencedEvent> {
    let vocabulary = vocabulary(doc.language);
    let mut events = Vec::new();
    for e in
        expressions.iter().filter(|e| !e.point && article_date.is_none_or(|d| e.range.start < d))
    {
        let Some(words) = event_words(doc, e).and_then(|w| meaningful(doc, vocabulary, w)) else {
            continue;
        };
        let bytes = doc.words[words.start].bytes.start..doc.words[words.end - 1].bytes.end;
        let label = &doc.text[bytes.clone()];
        // Referred to again (the same words, dates that meet): one event. The same words on
        // dates apart ("Elections were held in 2018… in 2023") are two.
        let same = |x: &ReferencedEvent| {
            x.label.to_lowercase() == label.to_lowercase()
                && x.range.start <= e.range.end
                && e.range.start <= x.range.end
        };
        if events.iter().any(same) {
            continue;
        }
        events.push(ReferencedEvent {
            label: doc.text[bytes.clone()].to_string(),
            sentence: e.sentence,
            span: doc.span(bytes),
            cue: e.text.clone(),
            range: e.range,
            basis: EventBasis::CountedBack { words: e.text.clone() },
        });
    }
    let Some(date) = article_date else {
        return events;
    };
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let words = doc.words_in(sentence.clone());
        for t in words.clone() {
            if !vocabulary.delivery.contains(&doc.words[t].lower.as_str()) {
                continue;
            }
            let clause = clause_of(doc, t, &words);
            let not_yet = |w: &super::text::Word| vocabulary.not_yet.contains(&w.lower.as_str());
            if doc.words[clause.start..t].iter().any(not_yet) {
                continue;
            }
            // The label: from the trigger to a comma, "as" (not "such as") or ten words.
            let mut end = t + 1;
            while end < clause.end && end - t < 10 {
                let w = doc.words[end].lower.as_str();
                if vocabulary
                    .label_end
                    .is_some_and(|(stop, unless)| w == stop && doc.words[end - 1].lower != unless)
                {
                    break;
                }
                end += 1;
            }
            let aid = |w: &super::text::Word| vocabulary.aid_things.contains(&w.lower.as_str());
            if !doc.words[t..end].iter().any(aid) {
                continue;
            }
            let bytes = doc.words[t].bytes.start..doc.words[end - 1].bytes.end;
            if events.iter().any(|e: &ReferencedEvent| {
                e.span.start_byte < bytes.end && bytes.start < e.span.end_byte
            }) {
                continue;
            }
            events.push(ReferencedEvent {
                label: doc.text[bytes.clone()].to_string(),
                sentence: s,
                span: doc.span(bytes),
                cue: doc.word_text(t).to_string(),
                range: DateRange {
                    start: date.add_months(-12),
                    end: date.add_days(-1),
                    fuzzy: true,
                },
                basis: EventBasis::Delivered,
            });
        }
    }
    events.sort_by_key(|e| e.span.start_byte);
    events
}

/// The label words `words` as an event, or `None` when they are a fragment rather than
/// something that happened: the opening connectives go ("But Paris pulled…" is "Paris
/// pulled…"); what is left must not start with a verb (its subject was lost: "set up",
/// "drawn international outrage"), and must hold a verb ("the region has seen three coups")
/// or an event noun ("political instability and coups"), in at least two words unless that
/// word is an event noun. Words someone said ("X said he was concerned", "comme le ministre
/// l'a dit") are a statement, which the timeline shows as one, not an event.
fn meaningful(
    doc: &Document,
    vocabulary: &Vocabulary,
    words: Range<usize>,
) -> Option<Range<usize>> {
    let grammar = doc.grammar();
    let lower = |i: usize| doc.words[i].lower.as_str();
    let mut start = words.start;
    while start < words.end
        && (vocabulary.connectives.contains(&lower(start))
            || grammar.coordinators.contains(&lower(start)))
    {
        start += 1;
    }
    let words = start..words.end;
    // A participle ending makes a verb only after an auxiliary in a language that has them
    // (French "a attaqué"; "armée", "sécurité" and "société" end the same way), anywhere in
    // English ("attacked").
    let is_verb = |i: usize| {
        let w = lower(i);
        let after_auxiliary = grammar.perfect.is_empty()
            || (i > words.start && grammar.perfect.contains(&lower(i - 1)));
        !doc.capitalised(i)
            && (vocabulary.verbs.contains(&w)
                || grammar.perfect.contains(&w)
                || (after_auxiliary
                    && grammar
                        .participle_endings
                        .iter()
                        .any(|e| w.len() >= e.len() + 3 && w.ends_with(e))))
    };
    let event_noun = |i: usize| vocabulary.event_nouns.contains(&lower(i));
    if words.is_empty() || (is_verb(words.start) && !event_noun(words.start)) {
        return None;
    }
    let speech = |i: usize| {
        grammar.attribution_verbs.contains(&lower(i)) || vocabulary.speech.contains(&lower(i))
    };
    if words.clone().any(speech) {
        return None;
    }
    let has_event_noun = words.clone().any(event_noun);
    let has_verb = words.clone().any(is_verb);
    (has_event_noun || (has_verb && words.len() >= 2)).then_some(words)
}

/// The words of the clause (between commas) around word `w`, within `sentence`.
fn clause_of(doc: &Document, w: usize, sentence: &Range<usize>) -> Range<usize> {
    let breaks = |k: usize| doc.gap_before(k).contains([',', ';', ':', '\u{2014}']);
    let mut start = w;
    while start > sentence.start && !breaks(start) {
        start -= 1;
    }
    let mut end = w + 1;
    while end < sentence.end && !breaks(end) {
        end += 1;
    }
    start..end
}

/// The words naming the event a period expression dates: the rest of its clause, without the
/// relative pronoun and verb that introduce it; the next clause when nothing is left.
fn event_words(doc: &Document, e: &TimeExpression) -> Option<Range<usize>> {
    let vocabulary = vocabulary(doc.language);
    let sentence = doc.words_in(doc.sentences[e.sentence].clone());
    let clause = clause_of(doc, e.words.start, &sentence);
    let trim = |mut r: Range<usize>| {
        while r.start < r.end && vocabulary.leading.contains(&doc.words[r.start].lower.as_str()) {
            r.start += 1;
        }
        while r.start < r.end && vocabulary.trailing.contains(&doc.words[r.end - 1].lower.as_str())
        {
            r.end -= 1;
        }
        r
    };
    let before = trim(clause.start..e.words.start);
    if !before.is_empty() {
        return Some(before);
    }
    let after = trim(e.words.end..clause.end);
    if !after.is_empty() {
        return Some(after);
    }
    (clause.end < sentence.end)
        .then(|| trim(clause_of(doc, clause.end, &sentence)))
        .filter(|r| !r.is_empty())
}

#[cfg(test)]
mod tests;
