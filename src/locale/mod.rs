//! The languages the product speaks, and the interface's words in each of them.
//!
//! One [`Language`] type serves both jobs it has: the language an article is *read* in (the
//! analysis's grammar, lexicons and stemmer hang off it, see `analysis::language`) and the
//! language the *interface* speaks to its user. This module owns the second: every label,
//! message, error, key help, export heading and screen-reader text the app shows is a key of
//! one table, `messages.txt`, with one line per language. A test checks that every key has
//! every language and the same `{placeholders}` in each, and that every key the app asks for
//! is in the table, so a missing translation is a failing test rather than a blank label.
//!
//! Numbers and dates are formatted here too, per language (`1,234` / `1 234`, `18 March
//! 2024` / `18 mars 2024`), so a view never assembles one itself.
//!
//! The table is parsed once, on first use, from the text compiled into the module: about 24 KB
//! of text (8 KB gzip) in the wasm build, no i18n crate (fluent's runtime and parser would
//! weigh more than the whole table, for plurals two languages need as one rule each).

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::sync::OnceLock;

use serde::Serialize;

/// A language the product reads articles in and speaks to its user in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, Default)]
pub enum Language {
    /// Serialised as its BCP 47 tag, as the article JSON writes it.
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "fr")]
    French,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::French];

    /// The BCP 47 primary tag (`en`, `fr`).
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "Français",
        }
    }

    /// The language of a BCP 47 tag or a plain name ("fr", "fr-FR", "en_GB", "French",
    /// "français"); `None` for a language the product does not speak.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim().to_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" | "eng" | "english" | "anglais" => Some(Language::English),
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Language::French),
            _ => None,
        }
    }

    /// Index into per-language tables (`[T; 2]`), in the order of [`Language::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The interface language for a browser's preferences (`navigator.languages`, most preferred
/// first): the first one the product speaks, else English.
pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Language {
    tags.into_iter().find_map(Language::from_tag).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// The message table

const MESSAGES: &str = include_str!("messages.txt");

/// Key → the text in each language (in [`Language::ALL`] order).
type Table = HashMap<&'static str, [&'static str; 2]>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(MESSAGES).map(|(t, _)| t).unwrap_or_default())
}

/// The table's keys in file order and their texts; an error names the line of a malformed
/// entry (a language line before any key, an unknown language, a key given twice).
fn parse(source: &'static str) -> Result<(Table, Vec<&'static str>), String> {
    let mut table = Table::new();
    let mut order = Vec::new();
    let mut key: Option<&'static str> = None;
    for (n, line) in source.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with(' ') {
            if table.insert(trimmed, [""; 2]).is_some() {
                return Err(format!("line {}: key {trimmed} given twice", n + 1));
            }
            order.push(trimmed);
            key = Some(trimmed);
            continue;
        }
        let k = key.ok_or_else(|| format!("line {}: a text before any key", n + 1))?;
        let (tag, text) = trimmed.split_once(' ').unwrap_or((trimmed, ""));
        // A text that begins or ends with a space is written in quotes: `fr " : "`.
        let text = match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
            Some(quoted) => quoted,
            None => text,
        };
        let lang = Language::ALL
            .into_iter()
            .find(|l| l.tag() == tag)
            .ok_or_else(|| format!("line {}: unknown language {tag:?}", n + 1))?;
        table.get_mut(k).expect("key inserted above")[lang.index()] = text;
    }
    Ok((table, order))
}

/// The text of `key` in `lang` (English when the table lacks it there, the key itself when
/// the table lacks it altogether; the tests make sure neither happens).
pub fn text(lang: Language, key: &'static str) -> &'static str {
    lookup(lang, key).unwrap_or(key)
}

fn lookup(lang: Language, key: &str) -> Option<&'static str> {
    let texts = table().get(key)?;
    Some(if texts[lang.index()].is_empty() { texts[0] } else { texts[lang.index()] })
}

/// The text of `key` with its `{name}` placeholders replaced by `args`.
pub fn fill(lang: Language, key: &'static str, args: &[(&str, &dyn fmt::Display)]) -> String {
    substitute(text(lang, key), args)
}

fn substitute(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) => {
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => {
                        let _ = write!(out, "{value}");
                    }
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `key.one` or `key.other` by the language's plural rule for `n` (French counts 0 and 1 as
/// singular, English only 1), with `{n}` the number formatted for the language.
pub fn count(lang: Language, key: &str, n: usize, args: &[(&str, &dyn fmt::Display)]) -> String {
    let singular = match lang {
        Language::English => n == 1,
        Language::French => n <= 1,
    };
    let form = format!("{key}.{}", if singular { "one" } else { "other" });
    let shown = number(lang, n);
    let mut all: Vec<(&str, &dyn fmt::Display)> = vec![("n", &shown)];
    all.extend_from_slice(args);
    substitute(lookup(lang, &form).unwrap_or(key), &all)
}

/// A whole number as the language writes it: `12,345` in English, `12 345` in French (with
/// the narrow no-break space French typography puts between groups of three).
pub fn number(lang: Language, n: usize) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Language::English => ',',
        Language::French => '\u{202f}',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A number with one decimal as the language writes it: `2.5` / `2,5`.
pub fn decimal(lang: Language, x: f64) -> String {
    let s = format!("{x:.1}");
    match lang {
        Language::English => s,
        Language::French => s.replace('.', ","),
    }
}

/// `18 March 2024` / `18 mars 2024` (French writes the first of the month `1er`). The
/// module takes the parts rather than `article::date::Date` so it depends on nothing else in
/// the crate; `Date::long_in` is the call to use.
pub fn date(lang: Language, year: i32, month: u8, day: u8) -> String {
    let name = text(lang, MONTHS[usize::from(month.clamp(1, 12)) - 1]);
    match (lang, day) {
        (Language::French, 1) => format!("1er {name} {year}"),
        _ => format!("{day} {name} {year}"),
    }
}

/// `18 Mar 2024` / `18 mars 2024`: the compact form of the timeline's cards and axis.
pub fn short_date(lang: Language, year: i32, month: u8, day: u8) -> String {
    format!("{day} {} {year}", month_short(lang, month))
}

/// `March` / `mars`: a month's name (`month` 1–12).
pub fn month_name(lang: Language, month: u8) -> &'static str {
    text(lang, MONTHS[usize::from(month.clamp(1, 12)) - 1])
}

/// `Mar` / `mars`: a month's short name (`month` 1–12).
pub fn month_short(lang: Language, month: u8) -> &'static str {
    text(lang, MONTHS_SHORT[usize::from(month.clamp(1, 12)) - 1])
}

const MONTHS: [&str; 12] = [
    "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8",
    "month.9", "month.10", "month.11", "month.12",
];
const MONTHS_SHORT: [&str; 12] = [
    "month_short.1", "month_short.2", "month_short.3", "month_short.4", "month_short.5",
    "month_short.6", "month_short.7", "month_short.8", "month_short.9", "month_short.10",
    "month_short.11", "month_short.12",
];

#[cfg(test)]
mod tests;
