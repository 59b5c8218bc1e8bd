//! The word lists of the actor analysis: titles and roles that introduce a person, role
//! modifiers, honorifics, name particles, words that are never names, words that make a name
//! an organisation, and the fillers between a clause's start, its subject and its verb.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Roles that introduce a person, as lowercase word sequences; the longest match wins.
pub(crate) const TITLES: &[&str] = &[
    "foreign minister",
    "minister of foreign affairs",
    "foreign affairs minister",
    "defense minister",
    "defence minister",
    "minister of defense",
    "minister of defence",
    "prime minister",
    "premier",
    "president",
    "vice president",
    "secretary of state",
    "secretary general",
    "under secretary of state",
    "under secretary",
    "undersecretary",
    "assistant secretary of state",
    "assistant secretary",
    "deputy foreign minister",
    "deputy minister",
    "deputy prime minister",
    "minister",
    "ambassador",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "envoy",
    "special envoy",
    "special representative",
    "chancellor",
    "king",
    "queen",
    "emir",
    "crown prince",
    "general",
    "gen",
    "colonel",
    "col",
    "lt col",
    "lieutenant colonel",
    "captain",
    "capt",
    "chairman",
    "chairwoman",
    "chairperson",
    "commissioner",
    "director",
    "director general",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "foreign secretary",
    "home secretary",
    "interior minister",
    "finance minister",
    "economy minister",
    "trade minister",
    "head of state",
    "leader",
    "pope",
    "sheikh",
    "secretary",
    "high representative",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// The titles starting with `first`, each with its words, from a table built once.
pub(crate) fn titles_starting_with(
    first: &str,
) -> impl Iterator<Item = (&'static str, &'static [&'static str])> {
    /// First word -> (title, its words).
    type Table = HashMap<&'static str, Vec<(&'static str, Vec<&'static str>)>>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = Table::new();
        for title in TITLES {
            let parts: Vec<&'static str> = title.split(' ').collect();
            table.entry(parts[0]).or_default().push((title, parts));
        }
        table
    });
    table.get(first).into_iter().flatten().map(|(t, parts)| (*t, parts.as_slice()))
}

/// Words that may precede a title and belong to the role ("Deputy", "Interim President").
pub(crate) const ROLE_MODIFIERS: &[&str] =
    &["deputy", "acting", "interim", "transitional", "former", "outgoing", "junta"];

/// Honorifics: they introduce a person and a gender but are not a role.
pub(crate) const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr"];

/// Lowercase words allowed inside a name ("Ould", "bin", "de").
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "van", "von", "al", "bin", "ibn", "ould", "ag", "el", "le", "la", "di",
    "du", "dos",
];

/// Capitalised words that never start or continue a name.
pub(crate) const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "he", "she", "they", "it", "this", "that", "these", "his", "her", "their",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "and", "but", "on", "in", "at", "of", "for", "with", "during", "after",
    "before", "following", "while", "as", "additionally", "however", "meanwhile",
];

/// Words that make capitalised words (a name nobody introduced) an organisation rather than a person.
pub(crate) const ORGANISATION_WORDS: &[&str] = &[
    "ministry", "office", "council", "department", "agency", "government", "committee",
    "parliament", "assembly", "army", "forces", "bank", "union", "organization", "organisation",
    "group", "party", "court", "commission", "house", "embassy", "service", "news", "press",
    "company", "corporation", "institute", "university", "fund", "programme", "program",
    "alliance", "coalition", "front", "movement", "state", "states", "republic", "kingdom",
    "federation", "authority", "authorities", "command", "international", "mission", "watch",
    "project", "center", "centre", "foundation", "network", "association", "society", "force",
    "corps", "league", "board", "treasury", "senate", "congress",
];

/// Words between a clause boundary and its subject that do not stop it being the subject.
pub(crate) const CLAUSE_FILLERS: &[&str] = &[
    "the", "and", "but", "so", "then", "also", "meanwhile", "however", "additionally", "moreover",
    "furthermore", "later", "earlier", "separately", "now", "yet",
];

/// Words between a subject and its verb ("Diop also said", "Lavrov has repeatedly stressed"),
/// for the actor analysis's sentence subjects and the attribution's clause grammar alike.
pub(crate) const VERB_FILLERS: &[&str] = &[
    "also", "further", "again", "once", "repeatedly", "strongly", "publicly", "reportedly",
    "firmly", "earlier", "later", "has", "have", "had", "was", "were", "is", "are", "will",
    "would", "then", "previously", "subsequently", "recently", "additionally", "explicitly",
    "clearly", "separately", "personally", "openly", "directly", "warmly", "swiftly", "quickly",
    "notably", "did", "does", "do", "not", "never", "n't", "too", "now", "still", "already",
    "could", "can", "may", "might", "should", "must", "shall", "yet", "even", "only", "first",
    "however", "meanwhile", "allegedly",
];

pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word without a possessive ending, and whether it had one.
pub(crate) fn strip_possessive(word: &str) -> (&str, bool) {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (word, false)
}
