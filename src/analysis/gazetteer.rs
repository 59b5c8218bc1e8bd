//! The gazetteer (`data/gazetteer.txt`): countries and institutions by name, alias, metonym
//! and demonym, and an institution's country. One Aho–Corasick automaton finds them all; the
//! actor analysis ([`actors`](super::actors)) turns its matches into mentions. People are
//! never listed: they are found in each article from how it introduces them.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::actors::{ActorKind, MentionForm};
use super::language::Language;
use super::lexicon;

pub(crate) struct Entry {
    pub(crate) kind: ActorKind,
    /// The canonical (English) name, which other lines refer to.
    pub(crate) name: String,
    /// The name an actor shows in this language's articles: given after `=` in the language's
    /// own file ("United Nations = Nations unies"), else the canonical name.
    pub(crate) display: String,
    /// The country an institution belongs to ("the Kremlin": Russia).
    pub(crate) country: Option<String>,
}

pub(crate) struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    pub(crate) matcher: AhoCorasick,
    /// For each pattern: (entry, form).
    pub(crate) patterns: Vec<(usize, MentionForm)>,
}

/// The gazetteer of a language, compiled once: every name of `data/gazetteer.txt`, and for
/// French also those of `data/fr/gazetteer.txt` (French names of the same actors, under the
/// same canonical names, so one actor is one actor in either language's articles).
pub(crate) fn gazetteer(language: Language) -> &'static Gazetteer {
    static GAZETTEERS: [OnceLock<Gazetteer>; 2] = [OnceLock::new(), OnceLock::new()];
    GAZETTEERS[language.index()].get_or_init(|| {
        let mut files = vec![("gazetteer.txt", include_str!("data/gazetteer.txt"))];
        if language == Language::French {
            files.push(("fr/gazetteer.txt", include_str!("data/fr/gazetteer.txt")));
        }
        build(&files)
    })
}

/// The kind of the country or institution the gazetteer of `language` calls `name` (its
/// canonical or shown name), if it knows one.
pub(crate) fn kind_of(language: Language, name: &str) -> Option<ActorKind> {
    let entries = &gazetteer(language).entries;
    entries.iter().find(|e| e.name == name || e.display == name).map(|e| e.kind)
}

/// Compiles gazetteer files; a later file's line for a canonical name already listed adds its
/// forms to that actor. French demonyms are written in lowercase ("malien", "maliennes") and
/// match capitalised too, as nouns of people ("les Maliens").
fn build(files: &[(&'static str, &'static str)]) -> Gazetteer {
    let mut entries: Vec<Entry> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut patterns = Vec::new();
    let mut add = |keys: &mut Vec<String>, text: String, e: usize, form: MentionForm| {
        if !keys.iter().any(|k| *k == text) {
            keys.push(text);
            patterns.push((e, form));
        }
    };
    let mut checks = Vec::new();
    for &(file, text) in files {
        let rows = lexicon::parse_compiled(file, text, 2..=6);
        for row in &rows {
            let kind = row
                .choice(
                    0,
                    "kind",
                    &[("country", ActorKind::Country), ("institution", ActorKind::Institution)],
                )
                .unwrap_or_else(|e| panic!("{e}"));
            // "Russia = Russie": the canonical name, and the name this file's language shows.
            let field = row.required(1, "name").unwrap_or_else(|e| panic!("{e}"));
            let (name, own) = match field.split_once('=') {
                Some((name, own)) => (name.trim(), Some(own.trim())),
                None => (field, None),
            };
            let country = Some(row.fields[5]).filter(|c| !c.is_empty()).map(str::to_string);
            let e = match entries.iter().position(|x| x.name == name) {
                Some(e) => {
                    if let Some(own) = own {
                        entries[e].display = own.to_string();
                    }
                    e
                }
                None => {
                    let display = own.unwrap_or(name).to_string();
                    entries.push(Entry {
                        kind,
                        name: name.to_string(),
                        display,
                        country: country.clone(),
                    });
                    entries.len() - 1
                }
            };
            if let Some(c) = country {
                checks.push((file, row.line, c));
            }
            add(&mut keys, name.to_string(), e, MentionForm::Name);
            if let Some(own) = own {
                add(&mut keys, own.to_string(), e, MentionForm::Name);
            }
            for (i, form) in
                [(2, MentionForm::Name), (3, MentionForm::Metonym), (4, MentionForm::Demonym)]
            {
                for t in row.list(i) {
                    add(&mut keys, t.to_string(), e, form);
                    let lowercase_demonym = form == MentionForm::Demonym
                        && t.chars().next().is_some_and(char::is_lowercase);
                    if lowercase_demonym {
                        let mut c = t.chars();
                        let capital =
                            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str());
                        add(&mut keys, capital.unwrap_or_default(), e, form);
                    }
                }
            }
        }
    }
    for (file, line, c) in checks {
        assert!(
            entries.iter().any(|x| x.kind == ActorKind::Country && x.name == *c),
            "{file}:{line}: unknown country \"{c}\""
        );
    }
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        // Builds in well under half the DFA's time (start-up), and searches these short
        // literal patterns as fast (cargo bench --bench analyze prints both).
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&keys)
        .expect("gazetteer names are short literal strings");
    Gazetteer { entries, matcher, patterns }
}
