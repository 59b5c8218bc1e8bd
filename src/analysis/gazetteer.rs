//! The gazetteer (`data/gazetteer.txt`): countries and institutions by name, alias, metonym
//! and demonym, and an institution's country. One Aho–Corasick automaton finds them all; the
//! actor analysis ([`actors`](super::actors)) turns its matches into mentions. People are
//! never listed: they are found in each article from how it introduces them.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::actors::{ActorKind, MentionForm};
use super::lexicon;

pub(crate) struct Entry {
    pub(crate) kind: ActorKind,
    pub(crate) name: String,
    /// The country an institution belongs to ("the Kremlin": Russia).
    pub(crate) country: Option<String>,
}

pub(crate) struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    pub(crate) matcher: AhoCorasick,
    /// For each pattern: (entry, form).
    pub(crate) patterns: Vec<(usize, MentionForm)>,
}

/// The gazetteer, compiled once.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let mut entries = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let rows =
            lexicon::parse_compiled("gazetteer.txt", include_str!("data/gazetteer.txt"), 2..=6);
        for row in &rows {
            let kind = row
                .choice(
                    0,
                    "kind",
                    &[("country", ActorKind::Country), ("institution", ActorKind::Institution)],
                )
                .unwrap_or_else(|e| panic!("{e}"));
            let name = row.required(1, "name").unwrap_or_else(|e| panic!("{e}"));
            let country = Some(row.fields[5]).filter(|c| !c.is_empty()).map(str::to_string);
            let e = entries.len();
            entries.push(Entry { kind, name: name.to_string(), country });
            let lists =
                [(2, MentionForm::Name), (3, MentionForm::Metonym), (4, MentionForm::Demonym)];
            for form_text in std::iter::once((name, MentionForm::Name))
                .chain(lists.iter().flat_map(|&(i, form)| row.list(i).map(move |t| (t, form))))
            {
                let (form_text, form) = form_text;
                if !keys.iter().any(|k| k == form_text) {
                    keys.push(form_text.to_string());
                    patterns.push((e, form));
                }
            }
        }
        for (row, entry) in rows.iter().zip(&entries) {
            if let Some(c) = &entry.country {
                let line = row.line;
                assert!(
                    entries.iter().any(|x| x.kind == ActorKind::Country && x.name == *c),
                    "gazetteer.txt:{line}: unknown country \"{c}\""
                );
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // Builds in well under half the DFA's time (start-up), and searches these short
            // stem patterns as fast (cargo bench --bench analyze prints both).
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&keys)
            .expect("gazetteer names are short literal strings");
        Gazetteer { entries, matcher, patterns }
    })
}
