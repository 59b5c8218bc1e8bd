//! English time expressions: "on 15 March", "March 15, 2024", "last week", "in recent years",
//! "two years ago".

use super::{counted, day_number, year_word, Expr, Unit, Vocabulary};
use crate::article::date::MONTHS;

pub(super) const VOCABULARY: Vocabulary = Vocabulary {
    expression,
    leading: &[
        "which", "that", "who", "has", "have", "had", "been", "witnessed", "seen", "saw",
        "experienced", "suffered", "faced", "undergone", "endured", "there", "were", "was", "is",
        "are", "amid", "after", "following",
    ],
    trailing: &["in", "over", "during", "the", "since", "of", "and", "as"],
    delivery: &[
        "provision", "delivery", "deliveries", "shipment", "shipments", "donation", "donations",
        "delivered", "supplied", "shipped", "donated",
    ],
    aid_things: &[
        "aid", "assistance", "wheat", "grain", "fertilizer", "fertiliser", "food", "supplies",
        "fuel", "medicine", "medicines", "vaccines", "equipment", "relief",
    ],
    not_yet: &[
        "will", "would", "pledged", "promised", "plans", "planned", "intends", "to", "future",
        "upcoming", "pledge", "promise",
    ],
    label_end: Some(("as", "such")),
    connectives: &[
        "but", "and", "yet", "even", "also", "so", "still", "then", "however", "meanwhile",
        "since", "when", "as", "late", "early",
    ],
    event_nouns: &[
        "coup", "coups", "putsch", "attack", "attacks", "election", "elections", "visit", "visits",
        "summit", "talks", "clashes", "fighting", "offensive", "violence", "instability", "unrest",
        "protest", "protests", "strike", "strikes", "ambush", "massacre", "war", "conflict",
        "crisis", "withdrawal", "deployment", "sanctions", "agreement", "deal", "accord",
        "ceasefire", "referendum", "deliveries", "delivery", "rebellion", "insurgency", "mutiny",
        "killings", "bombing", "bombings", "kidnapping", "kidnappings", "famine", "drought",
        "floods", "invasion", "takeover", "uprising", "negotiations", "meeting", "meetings",
    ],
    verbs: &[
        "is", "are", "was", "were", "has", "have", "had", "been", "did", "set", "drawn", "drew",
        "taken", "took", "made", "held", "led", "met", "began", "begun", "saw", "seen", "sent",
        "struck", "fought", "won", "lost", "put", "left", "became", "become", "grew", "grown",
        "gave", "given", "came", "come", "went", "gone", "broke", "broken", "chose", "chosen",
        "fell", "fallen", "rose", "risen", "spoke", "spoken", "wrote", "written", "fled", "hit",
        "cut", "shot", "sold", "bought", "brought", "built", "kept", "paid", "told", "said",
        "found", "got", "ran", "stood", "swept", "spread", "overthrew", "overthrown",
    ],
    speech: &["say", "saying", "denied", "claimed", "warned", "quoted"],
};

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
        _ => counted(w, &WORDS),
    }
}

/// "March", "mar", "Sept": a month's name or its abbreviation.
fn month_word(w: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || (w.len() >= 3 && m.to_lowercase().starts_with(w) && w.len() <= 4)
        })
        .map(|i| i as u8 + 1)
}

fn unit_word(w: &str) -> Option<Unit> {
    Some(match w {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        _ => return None,
    })
}

fn expression<'a>(at: &'a dyn Fn(usize) -> &'a str) -> Option<(usize, Expr)> {
    // Absolute: "in 2022", "since 2021", "in March 2023", "on 15 March 2024", "March 15, 2024".
    if matches!(at(0), "in" | "during" | "since") {
        if let Some(year) = year_word(at(1)) {
            return Some((2, Expr::Year { year, since: at(0) == "since" }));
        }
        if let (Some(month), Some(year)) = (month_word(at(1)), year_word(at(2))) {
            return Some((3, Expr::Month { year, month }));
        }
    }
    if at(0) == "on" {
        let day_month = match (day_number(at(1)), month_word(at(2))) {
            (Some(d), Some(m)) => Some((d, m)),
            _ => month_word(at(1)).zip(day_number(at(2))).map(|(m, d)| (d, m)),
        };
        if let Some((day, month)) = day_month {
            let year = year_word(at(3));
            return Some((if year.is_some() { 4 } else { 3 }, Expr::Day { day, month, year }));
        }
    }
    let expr = match (at(0), at(1), at(2), at(3)) {
        ("yesterday", ..) => (1, Expr::DaysBefore(1)),
        ("today", ..) => (1, Expr::DaysBefore(0)),
        ("on" | "last", w, ..) if WEEKDAYS.contains(&w) => {
            let weekday = WEEKDAYS.iter().position(|x| *x == w)? as u8;
            (2, Expr::Weekday { weekday, last: at(0) == "last" })
        }
        ("last", "week", ..) => (2, Expr::LastWeek),
        ("last", "month", ..) => (2, Expr::LastMonth),
        ("last", "year", ..) => (2, Expr::LastYear),
        ("earlier", "this", "year", _) => (3, Expr::EarlierThisYear),
        ("earlier", "this", "month", _) => (3, Expr::EarlierThisMonth),
        ("in" | "over", "recent", unit, _) => (3, Expr::Recent(plural_unit(unit)?)),
        ("in" | "over", "the", "past" | "last", "few" | "several") => {
            (5, Expr::Recent(plural_unit(at(4)).filter(|u| *u != Unit::Day)?))
        }
        (n, unit, "ago", _) => (3, Expr::Ago(number_word(n)?, unit_word(unit)?)),
        _ => return None,
    };
    Some(expr)
}

/// "years", "months", "weeks": a plural unit of a stretch of recent time.
fn plural_unit(w: &str) -> Option<Unit> {
    unit_word(w).filter(|_| w.ends_with('s'))
}
