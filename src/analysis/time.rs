//! Time: expressions like "yesterday", "on Monday", "last year" or "in recent years" resolved
//! against the article's date, and the past events the text refers to ("coups in recent
//! years", aid already delivered), each with a date range that says how fuzzy it is.

use std::ops::Range;

use serde::Serialize;

use super::text::{Document, Span};
use crate::article::date::MONTHS;
use crate::article::Date;

/// A span of calendar time. `fuzzy` when the text gives no exact bounds ("in recent years").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateRange {
    pub start: Date,
    pub end: Date,
    pub fuzzy: bool,
}

/// A time expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    pub basis: String,
}

const WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn number_word(w: &str) -> Option<i32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    match w {
        "a" | "an" => Some(1),
        "few" | "several" => Some(3),
        _ => WORDS
            .iter()
            .position(|n| *n == w)
            .map(|i| i as i32 + 1)
            .or_else(|| w.parse().ok().filter(|n| (1..=100).contains(n))),
    }
}

fn month_word(w: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || (w.len() >= 3 && m.to_lowercase().starts_with(w) && w.len() <= 4)
        })
        .map(|i| i as u8 + 1)
}

fn year_word(w: &str) -> Option<i32> {
    (w.len() == 4).then(|| w.parse().ok()).flatten().filter(|y| (1900..=2100).contains(y))
}

/// Finds the time expressions of a document. Without an article date only absolute ones
/// ("in 2022", "on 15 March 2024") can be placed.
pub fn time_expressions(doc: &Document, article_date: Option<Date>) -> Vec<TimeExpression> {
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
            let found = match_expression(&at, article_date);
            match found {
                Some((len, range, point)) => {
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

/// The expression starting at the current word: (length in words, range, is a single day).
fn match_expression<'a>(
    at: &dyn Fn(usize) -> &'a str,
    date: Option<Date>,
) -> Option<(usize, DateRange, bool)> {
    let exact = |start: Date, end: Date| DateRange { start, end, fuzzy: false };
    let fuzzy = |start: Date, end: Date| DateRange { start, end, fuzzy: true };
    let day = |d: Date| Some((exact(d, d), true));
    // Absolute: "in 2022", "since 2021", "in March 2023", "on 15 March 2024", "March 15, 2024".
    if matches!(at(0), "in" | "during" | "since") {
        if let Some(y) = year_word(at(1)) {
            let start = Date::new(y, 1, 1)?;
            let end = if at(0) == "since" {
                date.unwrap_or(Date::new(y, 12, 31)?)
            } else {
                Date::new(y, 12, 31)?
            };
            return Some((2, exact(start, end), false));
        }
        if let (Some(m), Some(y)) = (month_word(at(1)), year_word(at(2))) {
            let (start, end) = Date::month_bounds(y, m)?;
            return Some((3, exact(start, end), false));
        }
    }
    if at(0) == "on" {
        if let (Ok(d), Some(m)) = (at(1).parse::<u8>(), month_word(at(2))) {
            let (y, len) = match year_word(at(3)) {
                Some(y) => (y, 4),
                None => (infer_year(date?, m, d)?, 3),
            };
            return Some((len, exact(Date::new(y, m, d)?, Date::new(y, m, d)?), true));
        }
        if let (Some(m), Ok(d)) = (month_word(at(1)), at(2).parse::<u8>()) {
            let (y, len) = match year_word(at(3)) {
                Some(y) => (y, 4),
                None => (infer_year(date?, m, d)?, 3),
            };
            return Some((len, exact(Date::new(y, m, d)?, Date::new(y, m, d)?), true));
        }
    }
    // Everything below is relative to the article's date.
    let d = date?;
    match (at(0), at(1), at(2), at(3)) {
        ("yesterday", ..) => return day(d.add_days(-1)).map(|(r, p)| (1, r, p)),
        ("today", ..) => return day(d).map(|(r, p)| (1, r, p)),
        ("on" | "last", w, ..) if WEEKDAYS.contains(&w) => {
            let target = WEEKDAYS.iter().position(|x| *x == w)? as i64;
            let mut back = (i64::from(d.weekday()) - target).rem_euclid(7);
            if at(0) == "last" && back == 0 {
                back = 7;
            }
            return Some((2, exact(d.add_days(-back), d.add_days(-back)), true));
        }
        ("last", "week", ..) => {
            let monday = d.add_days(-i64::from(d.weekday()) - 7);
            return Some((2, exact(monday, monday.add_days(6)), false));
        }
        ("last", "month", ..) => {
            let prev = d.add_months(-1);
            let (start, end) = Date::month_bounds(prev.year(), prev.month())?;
            return Some((2, exact(start, end), false));
        }
        ("last", "year", ..) => {
            return Some((
                2,
                exact(Date::new(d.year() - 1, 1, 1)?, Date::new(d.year() - 1, 12, 31)?),
                false,
            ))
        }
        ("earlier", "this", "year", _) => {
            return Some((3, exact(Date::new(d.year(), 1, 1)?, d), false))
        }
        ("earlier", "this", "month", _) => {
            return Some((3, exact(Date::new(d.year(), d.month(), 1)?, d), false))
        }
        ("in", "recent", "years", _) | ("over", "recent", "years", _) => {
            return Some((3, fuzzy(d.add_months(-60), d), false))
        }
        ("in", "recent", "months", _) | ("over", "recent", "months", _) => {
            return Some((3, fuzzy(d.add_months(-6), d), false))
        }
        ("in" | "over", "the", "past" | "last", "few")
        | ("in" | "over", "the", "past" | "last", "several") => {
            return match at(4) {
                "years" => Some((5, fuzzy(d.add_months(-60), d), false)),
                "months" => Some((5, fuzzy(d.add_months(-6), d), false)),
                "weeks" => Some((5, fuzzy(d.add_days(-35), d), false)),
                _ => None,
            };
        }
        (n, unit, "ago", _) => {
            let n = number_word(n)?;
            let range = match unit {
                "day" | "days" => exact(d.add_days(-i64::from(n)), d.add_days(-i64::from(n))),
                "week" | "weeks" => {
                    fuzzy(d.add_days(-7 * i64::from(n) - 3), d.add_days(-7 * i64::from(n) + 3))
                }
                "month" | "months" => {
                    fuzzy(d.add_months(-n).add_days(-15), d.add_months(-n).add_days(15))
                }
                "year" | "years" => fuzzy(d.add_months(-12 * n - 6), d.add_months(-12 * n + 6)),
                _ => return None,
            };
            return Some((3, range, matches!(unit, "day" | "days")));
        }
        _ => {}
    }
    None
}

/// The year of a day-and-month with no year: the article's, or the one before when that would
/// put it after the article.
fn infer_year(article: Date, month: u8, day: u8) -> Option<i32> {
    let this = Date::new(article.year(), month, day)?;
    Some(if this > article { article.year() - 1 } else { article.year() })
}

/// Words that introduce what a clause says happened, stripped from an event label's start.
const LEADING: &[&str] = &[
    "which", "that", "who", "has", "have", "had", "been", "witnessed", "seen", "saw",
    "experienced", "suffered", "faced", "undergone", "endured", "there", "were", "was", "is",
    "are", "amid", "after", "following",
];
/// Words stripped from an event label's end.
const TRAILING: &[&str] = &["in", "over", "during", "the", "since", "of", "and", "as"];

/// Words that say something was handed over, and what aid looks like.
const DELIVERY: &[&str] = &[
    "provision", "delivery", "deliveries", "shipment", "shipments", "donation", "donations",
    "delivered", "supplied", "shipped", "donated",
];
const AID_THINGS: &[&str] = &[
    "aid", "assistance", "wheat", "grain", "fertilizer", "fertiliser", "food", "supplies", "fuel",
    "medicine", "medicines", "vaccines", "equipment", "relief",
];
/// Words that make a delivery future or hypothetical rather than past.
const NOT_YET: &[&str] = &[
    "will", "would", "pledged", "promised", "plans", "planned", "intends", "to", "future",
    "upcoming", "pledge", "promise",
];

/// The events the text refers to as past: clauses dated by a period expression, and aid
/// spoken of as already delivered.
pub fn referenced_events(
    doc: &Document,
    expressions: &[TimeExpression],
    article_date: Option<Date>,
) -> Vec<ReferencedEvent> {
    let mut events = Vec::new();
    for e in
        expressions.iter().filter(|e| !e.point && article_date.is_none_or(|d| e.range.start < d))
    {
        let Some(words) = event_words(doc, e) else {
            continue;
        };
        let bytes = doc.words[words.start].bytes.start..doc.words[words.end - 1].bytes.end;
        events.push(ReferencedEvent {
            label: doc.text[bytes.clone()].to_string(),
            sentence: e.sentence,
            span: doc.span(bytes),
            cue: e.text.clone(),
            range: e.range,
            basis: format!("\"{}\", counted back from the article date", e.text),
        });
    }
    let Some(date) = article_date else {
        return events;
    };
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let words = doc.words_in(sentence.clone());
        for t in words.clone() {
            if !DELIVERY.contains(&doc.words[t].lower.as_str()) {
                continue;
            }
            let clause = clause_of(doc, t, &words);
            if doc.words[clause.start..t].iter().any(|w| NOT_YET.contains(&w.lower.as_str())) {
                continue;
            }
            // The label: from the trigger to a comma, "as" (not "such as") or ten words.
            let mut end = t + 1;
            while end < clause.end && end - t < 10 {
                let w = doc.words[end].lower.as_str();
                if w == "as" && doc.words[end - 1].lower != "such" {
                    break;
                }
                end += 1;
            }
            if !doc.words[t..end].iter().any(|w| AID_THINGS.contains(&w.lower.as_str())) {
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
                range: DateRange { start: date.add_months(-12), end: date.add_days(-1), fuzzy: true },
                basis: "spoken of as already delivered; the text gives no date, so up to a year before the article".into(),
            });
        }
    }
    events.sort_by_key(|e| e.span.start_byte);
    events
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
    let sentence = doc.words_in(doc.sentences[e.sentence].clone());
    let clause = clause_of(doc, e.words.start, &sentence);
    let trim = |mut r: Range<usize>| {
        while r.start < r.end && LEADING.contains(&doc.words[r.start].lower.as_str()) {
            r.start += 1;
        }
        while r.start < r.end && TRAILING.contains(&doc.words[r.end - 1].lower.as_str()) {
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
mod tests {
    use super::*;
    use crate::article::text::read_text;

    fn doc(text: &str) -> Document {
        Document::new(&read_text(text, None).unwrap())
    }

    #[test]
    fn expressions_resolve_against_the_article_date() {
        // 18 March 2024 was a Monday.
        let date = Date::new(2024, 3, 18);
        let cases: &[(&str, &str, &str, &str, bool)] = &[
            ("He spoke yesterday.", "yesterday", "2024-03-17", "2024-03-17", false),
            ("He spoke on Monday.", "on Monday", "2024-03-18", "2024-03-18", false),
            ("He spoke on Friday.", "on Friday", "2024-03-15", "2024-03-15", false),
            ("He spoke last Monday.", "last Monday", "2024-03-11", "2024-03-11", false),
            ("It happened last week.", "last week", "2024-03-11", "2024-03-17", false),
            ("It happened last month.", "last month", "2024-02-01", "2024-02-29", false),
            ("It happened last year.", "last year", "2023-01-01", "2023-12-31", false),
            ("It happened in 2021.", "in 2021", "2021-01-01", "2021-12-31", false),
            ("Ties grew since 2021.", "since 2021", "2021-01-01", "2024-03-18", false),
            ("Coups in recent years.", "in recent years", "2019-03-18", "2024-03-18", true),
            (
                "It began in the past few years.",
                "in the past few years",
                "2019-03-18",
                "2024-03-18",
                true,
            ),
            ("It began two years ago.", "two years ago", "2021-09-18", "2022-09-18", true),
            ("They met on 15 March.", "on 15 March", "2024-03-15", "2024-03-15", false),
            ("They met on December 2.", "on December 2", "2023-12-02", "2023-12-02", false),
            ("They met on 2 May 2019.", "on 2 May 2019", "2019-05-02", "2019-05-02", false),
        ];
        for (text, expr, start, end, fuzzy) in cases {
            let found = time_expressions(&doc(text), date);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let e = &found[0];
            assert_eq!(
                (
                    e.text.as_str(),
                    e.range.start.to_string(),
                    e.range.end.to_string(),
                    e.range.fuzzy
                ),
                (*expr, start.to_string(), end.to_string(), *fuzzy),
                "{text}"
            );
        }
    }

    #[test]
    fn relative_expressions_need_an_article_date() {
        assert!(time_expressions(&doc("He spoke yesterday, in recent years."), None).is_empty());
        assert_eq!(time_expressions(&doc("It happened in 2021."), None).len(), 1);
    }

    #[test]
    fn referenced_events_are_labelled_from_their_clause() {
        let date = Date::new(2024, 3, 18);
        let cases: &[(&str, &[&str])] = &[
            ("The Sahel region, which has witnessed political instability and coups in recent years, is calm.", &["political instability and coups"]),
            ("In recent years, the region has seen three coups.", &["the region has seen three coups"]),
            ("He cited the provision of humanitarian aid such as wheat and fertilizer as examples.", &["provision of humanitarian aid such as wheat and fertilizer"]),
            ("Russia delivered wheat to Mali.", &["delivered wheat to Mali"]),
            ("Russia pledged the delivery of wheat.", &[]),
            ("Moscow will send aid.", &[]),
        ];
        for (text, want) in cases {
            let d = doc(text);
            let events = referenced_events(&d, &time_expressions(&d, date), date);
            let labels: Vec<&str> = events.iter().map(|e| e.label.as_str()).collect();
            assert_eq!(labels, *want, "{text}");
            assert!(events.iter().all(|e| e.range.start < date.unwrap()));
        }
    }
}
