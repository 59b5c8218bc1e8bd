//! Themes: the built-in lexicons (`data/themes.txt`), user-defined themes, and finding every
//! theme term in an article in one multi-pattern pass.
//!
//! Matching works on word stems: the article's words and each term's words go through the
//! same tokenizer and Snowball stemmer of the document's language ([`text::words_in`]), the article becomes one string of
//! stems (` dure press confer mali ...`), and a single Aho–Corasick automaton finds every
//! term in it, overlapping matches included. The spaces around each stem make every match
//! start and end on a word boundary; a prefix term (`econom*`) simply has no closing space.
//! A user's prefix term is matched a second time against the string of lowercase words, so
//! it finds every word that starts with it ("cooperat*": "cooperation", whose stem is
//! "cooper") as well as every stem (the built-in lexicons write theirs against stems). Matches map back to byte spans of the original text.

use std::fmt;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

use super::language::Language;
use super::text::{self, Document, Span};
use crate::locale;

/// One theme: what the user sees in the legend, and the terms that make it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeDef {
    /// Short stable key, used in URLs (`?themes=economy`).
    pub id: String,
    pub name: String,
    /// `#rrggbb`.
    pub colour: String,
    /// Words or phrases, or prefixes ending in `*`.
    pub terms: Vec<String>,
    /// Built into the app (not defined by the user).
    #[serde(default)]
    pub builtin: bool,
}

/// Why a theme definition was refused; worded for the person typing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeError {
    EmptyName,
    BadColour {
        colour: String,
    },
    DuplicateId {
        id: String,
    },
    NoTerms {
        theme: String,
    },
    /// `reason` is a key of the message table (`theme_error.term_empty`…).
    BadTerm {
        term: String,
        reason: &'static str,
    },
    TooMany,
}

/// Themes a reader can hold at once (built-in and the user's); the stylesheet has this many
/// colour slots.
pub const MAX_THEMES: usize = 16;

impl ThemeError {
    /// The message for a person reading `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            ThemeError::EmptyName => locale::text(lang, "theme_error.empty_name").to_string(),
            ThemeError::BadColour { colour } => {
                locale::fill(lang, "theme_error.bad_colour", &[("colour", colour)])
            }
            ThemeError::DuplicateId { id } => {
                locale::fill(lang, "theme_error.duplicate", &[("name", id)])
            }
            ThemeError::NoTerms { theme } => {
                locale::fill(lang, "theme_error.no_terms", &[("theme", theme)])
            }
            ThemeError::BadTerm { term, reason } => locale::fill(
                lang,
                "theme_error.bad_term",
                &[("term", term), ("reason", &locale::text(lang, reason))],
            ),
            ThemeError::TooMany => {
                locale::fill(lang, "theme_error.too_many", &[("max", &MAX_THEMES)])
            }
        }
    }
}

impl fmt::Display for ThemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::English))
    }
}

impl std::error::Error for ThemeError {}

/// The built-in English themes, parsed from `data/themes.txt` (compiled into the binary).
pub fn builtin_themes() -> Vec<ThemeDef> {
    builtin_themes_in(Language::English)
}

/// A built-in theme's name in `language` ("Economy", "Économie"), for an interface in that
/// language whatever language the article is read in; `None` for a user's theme.
pub fn builtin_name(id: &str, language: Language) -> Option<&'static str> {
    static NAMES: [std::sync::OnceLock<Vec<(String, String)>>; 2] =
        [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    let names = NAMES[language.index()]
        .get_or_init(|| builtin_themes_in(language).into_iter().map(|t| (t.id, t.name)).collect());
    names.iter().find(|(i, _)| i == id).map(|(_, n)| n.as_str())
}

/// The built-in themes of a language: `data/themes.txt`, `data/fr/themes.txt`. Both have the
/// same ids and colours in the same order (a test checks), so a URL's `themes=` and a user's
/// choices mean the same in either language.
pub fn builtin_themes_in(language: Language) -> Vec<ThemeDef> {
    let text = match language {
        Language::English => include_str!("data/themes.txt"),
        Language::French => include_str!("data/fr/themes.txt"),
    };
    let mut themes: Vec<ThemeDef> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix("==") {
            let mut parts = header.split('|').map(str::trim);
            let (id, name, colour) = (parts.next(), parts.next(), parts.next());
            themes.push(ThemeDef {
                id: id.unwrap_or_default().to_string(),
                name: name.unwrap_or_default().to_string(),
                colour: colour.unwrap_or_default().to_string(),
                terms: Vec::new(),
                builtin: true,
            });
        } else if let Some(theme) = themes.last_mut() {
            theme.terms.push(line.to_string());
        }
    }
    themes
}

/// A term ready to match: its stems, and whether the last one is a prefix; and its words as
/// typed, lowercased, which a prefix term is matched against too.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CompiledTerm {
    stems: Vec<String>,
    prefix: bool,
    lowers: Vec<String>,
}

/// Checks one term and turns it into stems. Terms are plain text: regex metacharacters have no
/// special meaning; only a final `*` does.
fn compile_term(term: &str, language: Language) -> Result<CompiledTerm, ThemeError> {
    let bad = |reason| ThemeError::BadTerm { term: term.to_string(), reason };
    let trimmed = term.trim();
    if trimmed.is_empty() {
        return Err(bad("theme_error.term_empty"));
    }
    if trimmed.chars().count() > 100 {
        return Err(bad("theme_error.term_long"));
    }
    let (body, prefix) = match trimmed.strip_suffix('*') {
        Some(body) => (body.trim_end(), true),
        None => (trimmed, false),
    };
    if body.contains('*') {
        return Err(bad("theme_error.term_star"));
    }
    let words = text::words_in(body, language);
    if words.is_empty() {
        return Err(bad("theme_error.term_no_letters"));
    }
    if words.len() > 8 {
        return Err(bad("theme_error.term_words"));
    }
    if prefix && body.ends_with(|c: char| !c.is_alphanumeric()) {
        return Err(bad("theme_error.term_star_end"));
    }
    let last = words.len() - 1;
    let lowers = words.iter().map(|w| w.lower.clone()).collect();
    let stems = words
        .into_iter()
        .enumerate()
        // A prefix is matched against stems as typed: stemming "econom" could cut it further.
        .map(|(i, w)| if prefix && i == last { w.lower } else { w.stem })
        .collect();
    Ok(CompiledTerm { stems, prefix, lowers })
}

/// A term written as a name ("Africa Corps", "MINUSMA"): its first letter is a capital.
fn is_name_term(term: &str) -> bool {
    term.trim_start().chars().next().is_some_and(char::is_uppercase)
}

/// `#rrggbb`: the only colour form themes use (it is written into CSS and SVG as is).
pub fn is_hex_colour(c: &str) -> bool {
    let b = c.as_bytes();
    b.len() == 7 && b[0] == b'#' && b[1..].iter().all(u8::is_ascii_hexdigit)
}

/// Checks a user's theme before it is saved: name, colour, at least one term, each term valid.
pub fn validate(def: &ThemeDef) -> Result<(), ThemeError> {
    if def.name.trim().is_empty() || def.id.trim().is_empty() {
        return Err(ThemeError::EmptyName);
    }
    if !is_hex_colour(&def.colour) {
        return Err(ThemeError::BadColour { colour: def.colour.clone() });
    }
    if def.terms.iter().all(|t| t.trim().is_empty()) {
        return Err(ThemeError::NoTerms { theme: def.name.clone() });
    }
    for term in def.terms.iter().filter(|t| !t.trim().is_empty()) {
        compile_term(term, Language::English)?;
    }
    Ok(())
}

/// A user's theme from what they typed: a name, a colour and terms separated by commas or
/// new lines. The id is made from the name ("Food prices" gives `food-prices`) and must not
/// be taken by another theme in `others` (`replacing` is the id of the theme being edited).
pub fn user_theme(
    name: &str,
    colour: &str,
    terms: &str,
    others: &[ThemeDef],
    replacing: Option<&str>,
) -> Result<ThemeDef, ThemeError> {
    let id: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let def = ThemeDef {
        id,
        name: name.trim().to_string(),
        colour: colour.trim().to_lowercase(),
        terms: terms
            .split([',', '\n', ';'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        builtin: false,
    };
    validate(&def)?;
    let rest = || others.iter().filter(|o| Some(o.id.as_str()) != replacing);
    if rest().any(|o| o.id == def.id || o.name.eq_ignore_ascii_case(&def.name)) {
        return Err(ThemeError::DuplicateId { id: def.name.clone() });
    }
    if replacing.is_none() && others.len() >= MAX_THEMES {
        return Err(ThemeError::TooMany);
    }
    Ok(def)
}

/// An editable copy of built-in theme `id`: the user's own theme, with the built-in's colour
/// and its terms, those of `language` (the article's) first, then the other languages' (it
/// takes the built-in's place for every article), named "{name} (copy)" in `ui` (numbered
/// when that name or its id is taken). `None` for an id that is no built-in theme.
pub fn copy_builtin(
    id: &str,
    language: Language,
    ui: Language,
    others: &[ThemeDef],
) -> Option<Result<ThemeDef, ThemeError>> {
    let builtin = builtin_themes_in(language).into_iter().find(|t| t.id == id)?;
    // The article's language's terms first, then the other languages' (the copy replaces the
    // built-in for every article, whatever language it is read in).
    let mut terms = builtin.terms.clone();
    for other in Language::ALL.into_iter().filter(|&l| l != language) {
        if let Some(t) = builtin_themes_in(other).into_iter().find(|t| t.id == id) {
            terms.extend(t.terms.into_iter().filter(|x| !builtin.terms.contains(x)));
        }
    }
    let name = builtin_name(id, ui).unwrap_or(&builtin.name);
    for n in 1..=MAX_THEMES + 1 {
        let copy_name = match n {
            1 => locale::fill(ui, "themes.copy_name", &[("name", &name)]),
            n => locale::fill(ui, "themes.copy_name_n", &[("name", &name), ("n", &n)]),
        };
        match user_theme(&copy_name, &builtin.colour, &terms.join("\n"), others, None) {
            Err(ThemeError::DuplicateId { .. }) => continue,
            result => return Some(result),
        }
    }
    Some(Err(ThemeError::TooMany))
}

/// Which themes are active, from a URL parameter like `economy,humanitarian`: `None` (no
/// parameter) means all; unknown ids are ignored.
pub fn parse_selection(param: Option<&str>, ids: &[&str]) -> Vec<bool> {
    match param {
        None => vec![true; ids.len()],
        Some(list) => {
            let wanted: Vec<&str> = list.split(',').map(str::trim).collect();
            ids.iter().map(|id| wanted.contains(id)).collect()
        }
    }
}

/// The URL parameter for a selection: `None` when every theme is active.
pub fn format_selection(active: &[bool], ids: &[&str]) -> Option<String> {
    if active.iter().all(|&a| a) {
        return None;
    }
    Some(
        ids.iter().zip(active).filter(|(_, &a)| a).map(|(id, _)| *id).collect::<Vec<_>>().join(","),
    )
}

/// A set of themes, compiled into one matcher per language on first use: the built-in themes
/// of the document's language (when the set has them) and the user's, whose terms are
/// stemmed as that language stems.
pub struct ThemeSet {
    /// The user's themes, or every theme of a set made without the built-ins.
    user: Vec<ThemeDef>,
    builtins: bool,
    /// Ids of the built-in themes the user switched off.
    off: Vec<String>,
    compiled: [std::sync::OnceLock<Compiled>; 2],
}

/// The themes of one language and their matchers.
struct Compiled {
    defs: Vec<ThemeDef>,
    /// Every term over the string of the document's stems.
    stems: Matcher,
    /// The user's prefix terms again over the string of its lowercase words: a prefix they
    /// type matches every word that starts with it ("cooperat*": "cooperation", whose stem is
    /// "cooper"), as well as every stem. The built-in lexicons write their prefixes against
    /// stems (see `data/fr/themes.txt`), so they need no second pass, and an analysis without
    /// user prefixes makes none.
    words: Matcher,
}

/// One automaton and, for each of its patterns, the (theme, term) pairs it stands for and
/// its prefix flag.
struct Matcher {
    automaton: AhoCorasick,
    patterns: Vec<(Vec<(usize, usize)>, bool)>,
}

impl Matcher {
    /// `keys` as an automaton: each key, with the (theme, term) pairs and prefix flag.
    fn new(entries: Vec<(String, (usize, usize), bool)>) -> Matcher {
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<(Vec<(usize, usize)>, bool)> = Vec::new();
        for (key, (t, i), prefix) in entries {
            match keys.iter().position(|k| *k == key) {
                Some(p) if !patterns[p].0.iter().any(|&(th, _)| th == t) => {
                    patterns[p].0.push((t, i))
                }
                Some(_) => {}
                None => {
                    keys.push(key);
                    patterns.push((vec![(t, i)], prefix));
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // Builds in well under half the DFA's time (start-up), and searches these short
            // stem patterns as fast (cargo bench --bench analyze prints both).
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&keys)
            .expect("theme patterns are short literal strings");
        Matcher { automaton, patterns }
    }

    /// Every match in `haystack` (whose words start at `starts`) as (theme, term, first word,
    /// last word).
    fn scan(&self, haystack: &str, starts: &[usize], out: &mut Vec<(usize, usize, usize, usize)>) {
        for m in self.automaton.find_overlapping_iter(haystack) {
            let (owners, prefix) = &self.patterns[m.pattern().as_usize()];
            let first = starts.partition_point(|&s| s < m.start() + 1);
            let last_pos = if *prefix { m.end() - 1 } else { m.end() - 2 };
            let last = starts.partition_point(|&s| s <= last_pos).saturating_sub(1);
            if first >= starts.len() || last < first {
                continue;
            }
            out.extend(owners.iter().map(|&(theme, term)| (theme, term, first, last)));
        }
    }
}

/// One occurrence of a theme term in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeHit {
    /// Index into [`ThemeSet::defs`] (and the analysis's `themes`).
    pub theme: usize,
    /// The term as written in the theme.
    pub term: String,
    /// Index of the sentence holding the hit.
    pub sentence: usize,
    pub span: Span,
}

/// Every theme valid, no id twice.
fn check(defs: &[ThemeDef]) -> Result<(), ThemeError> {
    for (t, def) in defs.iter().enumerate() {
        validate(def)?;
        if defs[..t].iter().any(|d| d.id == def.id) {
            return Err(ThemeError::DuplicateId { id: def.id.clone() });
        }
    }
    Ok(())
}

impl Compiled {
    /// Compiles checked themes for one language.
    fn new(defs: Vec<ThemeDef>, language: Language) -> Compiled {
        let mut stems = Vec::new();
        let mut words = Vec::new();
        for (t, def) in defs.iter().enumerate() {
            for (i, term) in def.terms.iter().enumerate().filter(|(_, t)| !t.trim().is_empty()) {
                // Checked already: a term valid in one language is valid in all.
                let Ok(compiled) = compile_term(term, language) else { continue };
                let close = if compiled.prefix { "" } else { " " };
                stems.push((
                    format!(" {}{close}", compiled.stems.join(" ")),
                    (t, i),
                    compiled.prefix,
                ));
                if compiled.prefix && !def.builtin {
                    words.push((format!(" {}", compiled.lowers.join(" ")), (t, i), true));
                }
            }
        }
        Compiled { defs, stems: Matcher::new(stems), words: Matcher::new(words) }
    }
}

impl ThemeSet {
    /// Checks the themes, to be compiled for each language on use; a duplicate id is refused.
    pub fn new(defs: Vec<ThemeDef>) -> Result<ThemeSet, ThemeError> {
        check(&defs)?;
        Ok(ThemeSet { user: defs, builtins: false, off: Vec::new(), compiled: Default::default() })
    }

    /// The built-in themes (of each document's language) followed by the user's.
    pub fn with_builtins(user: Vec<ThemeDef>) -> Result<ThemeSet, ThemeError> {
        ThemeSet::with_builtins_except(user, &[])
    }

    /// [`ThemeSet::with_builtins`] without the built-in themes whose ids are in `off` (the
    /// ones a user switched off). Their ids stay reserved: no user theme may take one, so
    /// switching a built-in back on never clashes.
    pub fn with_builtins_except(
        user: Vec<ThemeDef>,
        off: &[String],
    ) -> Result<ThemeSet, ThemeError> {
        let user: Vec<ThemeDef> =
            user.into_iter().map(|d| ThemeDef { builtin: false, ..d }).collect();
        let mut all = builtin_themes();
        all.extend(user.iter().cloned());
        check(&all)?;
        Ok(ThemeSet { user, builtins: true, off: off.to_vec(), compiled: Default::default() })
    }

    fn compiled(&self, language: Language) -> &Compiled {
        self.compiled[language.index()].get_or_init(|| {
            let mut defs = if self.builtins { builtin_themes_in(language) } else { Vec::new() };
            defs.retain(|d| !self.off.contains(&d.id));
            defs.extend(self.user.iter().cloned());
            Compiled::new(defs, language)
        })
    }

    /// The themes as an English document sees them.
    pub fn defs(&self) -> &[ThemeDef] {
        self.defs_in(Language::English)
    }

    /// The themes as a document in `language` sees them (built-in names in that language).
    pub fn defs_in(&self, language: Language) -> &[ThemeDef] {
        &self.compiled(language).defs
    }

    /// Every hit in the document, in text order. Overlapping hits of different themes are all
    /// kept; within one theme a hit inside a longer one ("aid" in "humanitarian aid") is not
    /// counted again. `in_name` tells, per word, whether it lies inside a proper name
    /// ([`names::name_words`](super::names::name_words)): a term written in lowercase does
    /// not count there ("Security Council" is no security hit); a term written as a name
    /// ("Africa Corps") counts everywhere.
    pub fn find(&self, doc: &Document, in_name: &[bool]) -> Vec<ThemeHit> {
        self.compiled(doc.language).find(doc, in_name)
    }
}

/// The document as one string of its words in one form (stems, or lowercase words), each
/// between spaces, and where each word starts in it. Punctuation between two words breaks a
/// phrase ("humanitarian. Aid" is no hit), as does a paragraph break; spaces and hyphens do
/// not ("socio-economic").
fn haystack<'d>(
    doc: &'d Document,
    form: impl Fn(&'d text::Word) -> &'d str,
) -> (String, Vec<usize>) {
    let mut haystack = String::with_capacity(doc.text.len() + doc.words.len() + 1);
    let mut starts = Vec::with_capacity(doc.words.len());
    haystack.push(' ');
    for (i, w) in doc.words.iter().enumerate() {
        if i > 0 {
            let prev = &doc.words[i - 1];
            let gap = &doc.text[prev.bytes.end..w.bytes.start];
            // The stop of a dotted abbreviation ("U.S. aid") is part of the word.
            let gap = match gap.strip_prefix('.') {
                Some(rest) if prev.lower.contains('.') => rest,
                _ => gap,
            };
            if gap.chars().any(|c| (!c.is_whitespace() && c != '-') || c == '\n') {
                haystack.push_str("\u{1} ");
            }
        }
        starts.push(haystack.len());
        haystack.push_str(form(w));
        haystack.push(' ');
    }
    (haystack, starts)
}

impl Compiled {
    fn find(&self, doc: &Document, in_name: &[bool]) -> Vec<ThemeHit> {
        // (theme, term, first word, last word)
        let mut raw: Vec<(usize, usize, usize, usize)> = Vec::new();
        let (stems, starts) = haystack(doc, |w| &w.stem);
        self.stems.scan(&stems, &starts, &mut raw);
        if !self.words.patterns.is_empty() {
            let (words, starts) = haystack(doc, |w| &w.lower);
            self.words.scan(&words, &starts, &mut raw);
        }
        raw.sort_by_key(|&(theme, _, first, last)| (first, std::cmp::Reverse(last), theme));
        raw.dedup();
        let mut hits: Vec<ThemeHit> = Vec::with_capacity(raw.len());
        // Per theme, the furthest word any kept hit reaches: a hit ending before it is nested.
        let mut reach: Vec<Option<usize>> = vec![None; self.defs.len()];
        for (theme, term, first, last) in raw {
            if reach[theme].is_some_and(|r| last <= r) {
                continue;
            }
            let named = in_name.get(first).copied().unwrap_or(false);
            if named && !is_name_term(&self.defs[theme].terms[term]) {
                continue;
            }
            reach[theme] = Some(last);
            let bytes = doc.words[first].bytes.start..doc.words[last].bytes.end;
            let sentence = doc.sentence_at(bytes.start).unwrap_or(0);
            hits.push(ThemeHit {
                theme,
                term: self.defs[theme].terms[term].clone(),
                sentence,
                span: doc.span(bytes),
            });
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::read_text;

    fn theme(id: &str, terms: &[&str]) -> ThemeDef {
        ThemeDef {
            id: id.into(),
            name: id.into(),
            colour: "#123456".into(),
            terms: terms.iter().map(|t| t.to_string()).collect(),
            builtin: false,
        }
    }

    /// (theme id, matched text) for each hit.
    fn hits(defs: Vec<ThemeDef>, text: &str) -> Vec<(String, String)> {
        let set = ThemeSet::new(defs).unwrap();
        let doc = Document::new(&read_text(text, None).unwrap());
        let actors = crate::analysis::actors::find_actors(&doc);
        let in_name = crate::analysis::names::name_words(&doc, &actors.actors, &actors.mentions);
        set.find(&doc, &in_name)
            .into_iter()
            .map(|h| (set.defs()[h.theme].id.clone(), doc.text[h.span.bytes()].to_string()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn matching_table() {
        type Case<'a> = (Vec<ThemeDef>, &'a str, Vec<(&'a str, &'a str)>);
        let cases: Vec<Case> = vec![
            // Stemming: one entry, several forms; case-insensitive.
            (
                vec![theme("s", &["sanction"])],
                "Sanctions were sanctioned.",
                vec![("s", "Sanctions"), ("s", "sanctioned")],
            ),
            // A prefix covers economy / economic / economically.
            (
                vec![theme("e", &["econom*"])],
                "The economy, economic ties, economically.",
                vec![("e", "economy"), ("e", "economic"), ("e", "economically")],
            ),
            // A prefix matches every word that starts with it, whatever its stem: "cooperation"
            // stems to "cooper", "fertilizer" to "fertil".
            (
                vec![theme("c", &["cooperat*", "fertili*"])],
                "Cooperation grew, cooperative farms bought fertilizer; they cooperated.",
                vec![
                    ("c", "Cooperation"),
                    ("c", "cooperative"),
                    ("c", "fertilizer"),
                    ("c", "cooperated"),
                ],
            ),
            // A multi-word prefix: the words as typed, the last one a prefix.
            (
                vec![theme("f", &["food pric*"])],
                "Food prices rose; food pricing too. Food, prices.",
                vec![("f", "Food prices"), ("f", "food pricing")],
            ),
            // Word boundaries: "aid" is not in "said" or "Aida".
            (vec![theme("h", &["aid"])], "He said Aida got aid.", vec![("h", "aid")]),
            // Multi-word terms, across spaces but never across punctuation.
            (
                vec![theme("h", &["humanitarian aid"])],
                "Humanitarian  aid, humanitarian. Aid, humanitarian, aid",
                vec![("h", "Humanitarian  aid")],
            ),
            // Nested hit of the same theme is not counted twice; another theme's is kept.
            (
                vec![theme("h", &["aid", "humanitarian aid"]), theme("x", &["aid"])],
                "humanitarian aid",
                vec![("h", "humanitarian aid"), ("x", "aid")],
            ),
            // Overlapping hits of different themes both stay.
            (
                vec![theme("s", &["security cooperation"]), theme("d", &["cooperation"])],
                "security cooperation",
                vec![("s", "security cooperation"), ("d", "cooperation")],
            ),
            // Not across paragraphs either.
            (vec![theme("h", &["humanitarian aid"])], "Humanitarian\n\naid", vec![]),
            // Hyphenated words split like the text: socio-economic.
            (
                vec![theme("e", &["socio-economic"])],
                "socio-economic development",
                vec![("e", "socio-economic")],
            ),
            // Regex metacharacters are plain text.
            (vec![theme("r", &["U.S. aid (new)"])], "U.S. aid new", vec![("r", "U.S. aid new")]),
            // Typographic apostrophe in text, plain in the term.
            (
                vec![theme("c", &["coup d'état"])],
                "the coup d\u{2019}état",
                vec![("c", "coup d\u{2019}état")],
            ),
            // A common word inside a name is no hit: an institution the gazetteer knows…
            (
                vec![theme("s", &["security"])],
                "The Security Council met as security worsened.",
                vec![("s", "security")],
            ),
            // …or any run of capitalised words, joiners allowed ("of", "for", "the").
            (
                vec![theme("h", &["humanitarian", "stabiliz*"]), theme("p", &["peace"])],
                "The Office for the Coordination of Humanitarian Affairs and the Peace Stabilization Mission asked for peace and humanitarian access.",
                vec![("p", "peace"), ("h", "humanitarian")],
            ),
            // One capitalised word is no name: a sentence's first word is a hit; and a
            // person's title is a role, not a body's name.
            (
                vec![theme("s", &["security"]), theme("d", &["foreign minister"])],
                "Security forces left. Security Minister Ana Lopes met Foreign Minister Li Wei at the Security Bureau.",
                vec![("s", "Security"), ("s", "Security"), ("d", "Foreign Minister")],
            ),
            // A sentence's first word joins a name only with a capitalised word right after it.
            (
                vec![theme("h", &["aid"]), theme("m", &["mercenar*"])],
                "Aid for Gaza was blocked. Mercenaries of the Harbour Legion left.",
                vec![("h", "Aid"), ("m", "Mercenaries")],
            ),
            // A title-case heading is not a name.
            (
                vec![theme("s", &["security"])],
                "Security Fears Grow In The North",
                vec![("s", "Security")],
            ),
            // The name of a text (an agreement, a declaration) speaks of what it is about.
            (
                vec![theme("d", &["peace", "ceasefire"]), theme("s", &["security"])],
                "They signed the Lakeside Peace Agreement and the Ceasefire Declaration at the Security Forum.",
                vec![("d", "Peace"), ("d", "Ceasefire")],
            ),
            // A term written as a name counts, inside a longer name or alone.
            (
                vec![theme("m", &["Harbour Legion", "mercenar*"])],
                "The Harbour Legion Command hired mercenaries; the Harbour Legion denied it.",
                vec![("m", "Harbour Legion"), ("m", "mercenaries"), ("m", "Harbour Legion")],
            ),
            // French capitalises an institution's first word only: the gazetteer knows it.
            (
                vec![theme("s", &["sécurité"])],
                "Le Conseil de sécurité de l'ONU a parlé de la sécurité des civils.",
                vec![("s", "sécurité")],
            ),
        ];
        for (defs, text, want) in cases {
            assert_eq!(hits(defs, text), pairs(&want), "{text}");
        }
    }

    #[test]
    fn bad_terms_are_refused_with_a_reason() {
        let cases = [
            ("", "is empty"),
            ("   ", "is empty"),
            ("?!.", "has no letters or digits to match"),
            ("$^[]()", "has no letters or digits to match"),
            ("ec*nomy", "has a * that is not at the end"),
            ("*", "has no letters or digits to match"),
            ("aid-*", "must end in a letter or digit before the *"),
            ("a b c d e f g h i", "has more than 8 words"),
        ];
        for (term, reason) in cases {
            match compile_term(term, Language::English) {
                Err(ThemeError::BadTerm { reason: r, .. }) => {
                    let r = locale::text(Language::English, r);
                    assert!(r.starts_with(reason), "{term:?}: {r}")
                }
                other => panic!("{term:?}: {other:?}"),
            }
        }
        assert!(matches!(validate(&theme("x", &[" ", ""])), Err(ThemeError::NoTerms { .. })));
        assert!(matches!(
            validate(&ThemeDef { colour: "red".into(), ..theme("x", &["a"]) }),
            Err(ThemeError::BadColour { .. })
        ));
        assert!(matches!(
            ThemeSet::with_builtins(vec![theme("economy", &["x"])]),
            Err(ThemeError::DuplicateId { .. })
        ));
    }

    #[test]
    fn user_themes_from_what_was_typed() {
        let builtins = builtin_themes();
        let t =
            user_theme(" Food prices ", "#AA3300", "wheat, grain*\nfertili*;  ", &builtins, None)
                .unwrap();
        assert_eq!(
            (t.id.as_str(), t.name.as_str(), t.colour.as_str()),
            ("food-prices", "Food prices", "#aa3300")
        );
        assert_eq!(t.terms, ["wheat", "grain*", "fertili*"]);
        assert!(!t.builtin);
        let taken = user_theme("Economy", "#aa3300", "x", &builtins, None).unwrap_err();
        assert_eq!(taken.to_string(), "There is already a theme called \"Economy\"");
        let mut with = builtins.clone();
        with.push(t.clone());
        assert!(
            user_theme("Food prices", "#000000", "bread", &with, Some("food-prices")).is_ok(),
            "editing keeps its own name"
        );
        assert_eq!(
            user_theme("", "#000000", "x", &builtins, None).unwrap_err(),
            ThemeError::EmptyName
        );
        assert_eq!(
            user_theme("?!", "#000000", "x", &builtins, None).unwrap_err(),
            ThemeError::EmptyName
        );
        assert!(matches!(
            user_theme("X", "#000000", " , ;", &builtins, None),
            Err(ThemeError::NoTerms { .. })
        ));
        assert!(
            user_theme("X", "#000000", "a(b", &builtins, None).is_ok(),
            "metacharacters are plain text"
        );
        assert!(matches!(
            user_theme("X", "#000000", "$$$", &builtins, None),
            Err(ThemeError::BadTerm { .. })
        ));
        let full: Vec<ThemeDef> =
            (0..MAX_THEMES).map(|i| ThemeDef { id: format!("t{i}"), ..t.clone() }).collect();
        assert_eq!(
            user_theme("One more", "#000000", "x", &full, None).unwrap_err(),
            ThemeError::TooMany
        );
    }

    #[test]
    fn selections_round_trip_through_the_url() {
        let ids = ["security", "economy", "humanitarian"];
        assert_eq!(parse_selection(None, &ids), [true, true, true]);
        assert_eq!(parse_selection(Some("economy,humanitarian"), &ids), [false, true, true]);
        assert_eq!(parse_selection(Some(""), &ids), [false, false, false]);
        assert_eq!(parse_selection(Some("economy,nonsense"), &ids), [false, true, false]);
        assert_eq!(format_selection(&[true, true, true], &ids), None);
        assert_eq!(
            format_selection(&[false, true, true], &ids).as_deref(),
            Some("economy,humanitarian")
        );
        assert_eq!(format_selection(&[false, false, false], &ids).as_deref(), Some(""));
    }

    /// The built-in themes hit in `text` (English, or French when it reads as French).
    fn builtin_hits(text: &str) -> Vec<String> {
        let set = ThemeSet::with_builtins(Vec::new()).unwrap();
        let doc = Document::new(&read_text(text, None).unwrap());
        let actors = crate::analysis::actors::find_actors(&doc);
        let in_name = crate::analysis::names::name_words(&doc, &actors.actors, &actors.mentions);
        let mut ids: Vec<String> = set
            .find(&doc, &in_name)
            .iter()
            .map(|h| set.defs_in(doc.language)[h.theme].id.clone())
            .collect();
        ids.dedup();
        ids
    }

    /// The vocabulary of the beat (Russia, the Sahel, the UN), in invented sentences: each
    /// must light up exactly these built-in themes.
    #[test]
    fn beat_vocabulary_table() {
        let cases: [(&str, &[&str]); 16] = [
            ("The council voted new sanctions after a veto was threatened.", &["diplomacy"]),
            ("The resolution passed and a ceasefire began.", &["diplomacy"]),
            ("Peacekeepers of MINUSMA left the base.", &["security"]),
            ("The junta extended the transition by two years.", &["regional", "governance"]),
            ("The Alliance of Sahel States met in the capital.", &["regional"]),
            ("Mercenaries of a private military company arrived.", &["military"]),
            ("Fighters of the Africa Corps guarded the mine.", &["military", "economy"]),
            ("Islamist militants and jihadists ambushed a convoy.", &["security"]),
            ("Soldiers seized power in a putsch on Sunday.", &["military", "regional"]),
            ("The firm won a mining licence and a lithium concession.", &["economy"]),
            ("A nuclear power plant deal was signed.", &["economy"]),
            ("Drought and cholera hit the refugee camp.", &["humanitarian"]),
            (
                "The interim authorities issued a decree dissolving political parties.",
                &["governance"],
            ),
            (
                "La junte a signé un accord minier et un accord de paix.",
                &["regional", "economy", "diplomacy"],
            ),
            (
                "Des islamistes ont tendu une embuscade près du camp de réfugiés.",
                &["security", "humanitarian"],
            ),
            ("Les mutins ont annoncé la prise du pouvoir.", &["military", "regional"]),
        ];
        let mut wrong = Vec::new();
        for (text, want) in cases {
            let mut got = builtin_hits(text);
            got.sort();
            got.dedup();
            let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
            want.sort();
            if got != want {
                wrong.push(format!("{text}: got {got:?}, want {want:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn a_builtin_switched_off_is_gone_and_a_copy_is_the_users_own() {
        let doc = Document::new(&read_text("Trade and aid grew.", None).unwrap());
        let off = ThemeSet::with_builtins_except(Vec::new(), &["economy".to_string()]).unwrap();
        let ids: Vec<&str> = off.defs().iter().map(|d| d.id.as_str()).collect();
        assert!(!ids.contains(&"economy") && ids.contains(&"humanitarian"), "{ids:?}");
        let found: Vec<&str> =
            off.find(&doc, &[]).iter().map(|h| off.defs()[h.theme].id.as_str()).collect();
        assert_eq!(found, ["humanitarian"]);

        let mut others = builtin_themes();
        let copy =
            copy_builtin("economy", Language::English, Language::French, &others).unwrap().unwrap();
        assert_eq!(copy.name, "Économie et commerce (copie)");
        assert_eq!(copy.id, "économie-et-commerce-copie");
        assert!(!copy.builtin);
        assert_eq!(copy.colour, "#009e73");
        let english = &builtin_themes()[2].terms;
        assert_eq!(&copy.terms[..english.len()], &english[..], "the article's language first");
        assert!(copy.terms.contains(&"économ*".to_string()), "then the French terms");
        // A second copy gets a number; an unknown id is no built-in.
        others.push(copy.clone());
        let second = copy_builtin("economy", Language::English, Language::French, &others);
        assert_eq!(second.unwrap().unwrap().name, "Économie et commerce (copie 2)");
        assert!(copy_builtin("nope", Language::English, Language::English, &others).is_none());
        // A name that differs only in case still takes the id: the next number is used.
        let mut lower = others.clone();
        lower.pop();
        lower.push(ThemeDef { name: "économie et commerce (copie)".into(), ..copy.clone() });
        let third = copy_builtin("economy", Language::English, Language::French, &lower);
        assert_eq!(third.unwrap().unwrap().name, "Économie et commerce (copie 2)");
        // The copy in place of the built-in finds what it found.
        let set = ThemeSet::with_builtins_except(vec![copy], &["economy".to_string()]).unwrap();
        let found: Vec<&str> =
            set.find(&doc, &[]).iter().map(|h| set.defs()[h.theme].name.as_str()).collect();
        assert_eq!(found, ["Économie et commerce (copie)", "Humanitarian aid"]);
        // Ids of built-ins stay reserved while they are off.
        let clash = ThemeDef { builtin: false, ..builtin_themes()[2].clone() };
        assert!(ThemeSet::with_builtins_except(vec![clash], &["economy".to_string()]).is_err());
    }

    #[test]
    fn the_builtin_lexicons_compile_and_cover_the_required_themes() {
        let set = ThemeSet::with_builtins(Vec::new()).unwrap();
        let ids: Vec<&str> = set.defs().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "security", "military", "economy", "humanitarian", "diplomacy", "regional",
                "governance"
            ]
        );
        assert!(set.defs().iter().all(|d| d.builtin && d.terms.len() >= 10));
    }
}
