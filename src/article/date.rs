//! Calendar dates (no time, no zone): what an article's dateline and metadata carry.
//!
//! Written by hand rather than taken from jiff or chrono: the product needs only civil dates
//! (parse, compare, print, count days), and the date crates bring time-zone data and
//! formatting machinery that would weigh more in the wasm build than this whole file.

use std::fmt;

use crate::locale::Language;

/// A proleptic Gregorian calendar date, always valid once constructed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

pub(crate) const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

impl Date {
    /// A date from its parts, or `None` when the month or day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD`, also accepting an ISO 8601 date-time (`2024-03-18T09:30:00Z`),
    /// whose time part is ignored. The error says what was wrong, for the user to read.
    pub fn parse_iso(s: &str) -> Result<Date, String> {
        let s = s.trim();
        let date_part = match s.char_indices().nth(10) {
            Some((i, 'T' | 't' | ' ')) => &s[..i],
            _ => s,
        };
        let b = date_part.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(format!("expected a date like 2024-03-18, found \"{}\"", ellipsize(s, 40)));
        }
        let num = |r: std::ops::Range<usize>| date_part[r].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (num(0..4) as i32, num(5..7) as u8, num(8..10) as u8);
        Date::new(year, month, day).ok_or_else(|| {
            if !(1..=12).contains(&month) {
                format!("{date_part} has no month {month}")
            } else {
                format!("{} {year} has no day {day}", MONTHS[month as usize - 1])
            }
        })
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// The same day `months` later (or earlier), clamped to the month's last day.
    pub fn add_months(self, months: i32) -> Date {
        let total = self.year * 12 + i32::from(self.month) - 1 + months;
        let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
        Date { year, month, day: self.day.min(days_in_month(year, month)) }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        (self.to_days() + 3).rem_euclid(7) as u8
    }

    /// The first and last day of the month.
    pub fn month_bounds(year: i32, month: u8) -> Option<(Date, Date)> {
        Some((Date::new(year, month, 1)?, Date::new(year, month, days_in_month(year, month))?))
    }

    /// `18 March 2024`: how the app prints a date for people (in English).
    pub fn long(self) -> String {
        self.long_in(Language::English)
    }

    /// `18 March 2024`, `18 mars 2024`: the date for people reading `lang`.
    pub fn long_in(self, lang: Language) -> String {
        crate::locale::date(lang, self.year, self.month, self.day)
    }

    /// `18 Mar 2024`, `18 mars 2024`: the compact form of the timeline.
    pub fn short_in(self, lang: Language) -> String {
        crate::locale::short_date(lang, self.year, self.month, self.day)
    }
}

/// `2024-03-18`, the form the JSON formats use.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Read back as [`Date::parse_iso`] reads it (the analysis crossing to the app's main thread).
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).map_err(serde::de::Error::custom)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// At most `max` characters of `s`, with an ellipsis when cut; for quoting input in messages.
pub(crate) fn ellipsize(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_dates_and_datetimes() {
        for (input, want) in [
            ("2024-03-18", (2024, 3, 18)),
            (" 2024-03-18 ", (2024, 3, 18)),
            ("2024-02-29", (2024, 2, 29)),
            ("2000-02-29", (2000, 2, 29)),
            ("2024-03-18T09:30:00Z", (2024, 3, 18)),
            ("2024-03-18 09:30", (2024, 3, 18)),
        ] {
            let d = Date::parse_iso(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!((d.year(), d.month(), d.day()), want, "{input}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date_with_a_reason() {
        for (input, reason) in [
            ("March 18, 2024", "expected a date like 2024-03-18, found \"March 18, 2024\""),
            ("2024-3-18", "expected a date like 2024-03-18"),
            ("", "expected a date like 2024-03-18, found \"\""),
            ("2023-02-29", "February 2023 has no day 29"),
            ("1900-02-29", "February 1900 has no day 29"),
            ("2024-13-01", "2024-13-01 has no month 13"),
            ("2024-04-31", "April 2024 has no day 31"),
            ("2024-00-10", "has no month 0"),
            ("2024-01-00", "January 2024 has no day 0"),
            ("２０２４-03-18", "expected a date like 2024-03-18"),
        ] {
            let err = Date::parse_iso(input).expect_err(input);
            assert!(err.contains(reason), "{input}: {err}");
        }
    }

    #[test]
    fn day_arithmetic() {
        let d = Date::new(2024, 3, 18).unwrap();
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.weekday(), 0, "18 March 2024 was a Monday");
        assert_eq!(d.add_days(-18).to_string(), "2024-02-29");
        assert_eq!(d.add_months(-12).to_string(), "2023-03-18");
        assert_eq!(Date::new(2024, 3, 31).unwrap().add_months(-1).to_string(), "2024-02-29");
        assert_eq!(Date::new(2024, 1, 15).unwrap().add_months(-13).to_string(), "2022-12-15");
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
    }

    #[test]
    fn prints_iso_and_long_forms() {
        let d = Date::new(2024, 3, 8).unwrap();
        assert_eq!(d.to_string(), "2024-03-08");
        assert_eq!(d.long(), "8 March 2024");
        assert!(Date::new(2024, 3, 8) < Date::new(2024, 3, 18));
    }
}
