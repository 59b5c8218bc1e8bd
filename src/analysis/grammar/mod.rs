//! The closed-class words of each language the analysis reads: the words every stage
//! reads a clause by (determiners, prepositions, pronouns, auxiliaries, subordinators), the
//! titles and honorifics that introduce people, and the tailoring of sentence ends.
//!
//! One [`Grammar`] per [`Language`], reached through [`Document::grammar`]: the stages ask it
//! "is this word a preposition here?" and never compare a word with an English literal, so
//! a second language is a second table, not a second copy of the stages. Open-class words
//! (reporting verbs, source nouns, theme terms, names) are data files (`data/`, `data/fr/`).
//!
//! [`Document::grammar`]: super::text::Document::grammar

mod en;
mod fr;

use std::collections::HashMap;
use std::sync::OnceLock;

use super::language::Language;

/// A pronoun as the actor analysis and the coreference read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    His,
    She,
    Her,
    They,
    Their,
    /// A possessive whose owner's gender the word does not tell (French "son", "sa", "ses").
    Its,
}

/// The word lists of one language. Every list holds lowercase words as the tokenizer gives
/// them (`Word::lower`); multi-word entries are words separated by single spaces.
pub struct Grammar {
    pub language: Language,
    /// Words after which a full stop does not end the sentence (case-sensitive, with the stop).
    pub abbreviations: &'static [&'static str],
    /// Verbs of a short clause that attributes the quotation before it (`“…” Lavrov said.`).
    pub attribution_verbs: &'static [&'static str],
    /// Roles that introduce a person; the longest match wins.
    pub titles: &'static [&'static str],
    /// Words before a title that belong to the role ("Deputy", "Interim").
    pub role_modifiers: &'static [&'static str],
    /// Titles that introduce a person and a gender but are no role ("mr").
    pub honorifics: &'static [&'static str],
    /// Titles that tell a man and a woman.
    pub male_titles: &'static [&'static str],
    pub female_titles: &'static [&'static str],
    /// Lowercase words allowed inside a name ("bin", "de").
    pub name_particles: &'static [&'static str],
    /// Capitalised words that never start or continue a name.
    pub not_names: &'static [&'static str],
    /// Words that make a name an organisation rather than a person.
    pub organisation_words: &'static [&'static str],
    /// Words between a clause boundary and its subject.
    pub clause_fillers: &'static [&'static str],
    /// Words between a subject and its verb (auxiliaries, adverbs, negation).
    pub verb_fillers: &'static [&'static str],
    /// The ending of an adverb that may stand between a subject and its verb ("-ly"), with
    /// the words of that ending that are none ("only").
    pub adverb_ending: &'static str,
    pub adverb_exceptions: &'static [&'static str],
    /// Words that end a clause before its subject (subordinators, relatives, conjunctions).
    pub boundaries: &'static [&'static str],
    /// Relative pronouns that open a clause about a person or thing (", who said"), and the
    /// one whose clause sits between a subject and its verb ("Officials who spoke … said").
    pub relatives: &'static [&'static str],
    pub person_relative: &'static str,
    /// The conjunction that joins subjects ("and"), and those that join two verbs of one subject.
    pub and: &'static str,
    pub coordinators: &'static [&'static str],
    /// Words that open a contrasting clause with a subject of its own ("while", "but").
    pub contrast: &'static [&'static str],
    /// The complementiser ("that") and the participles that introduce content ("saying").
    pub that: &'static [&'static str],
    pub saying: &'static [&'static str],
    /// Negation between a subject and its verb.
    pub negation: &'static [&'static str],
    /// Words of a time phrase between a cue and its content ("said on Friday that").
    pub time_words: &'static [&'static str],
    /// Words of the circumstances of a saying ("in a statement", "at a press conference").
    pub circumstances: &'static [&'static str],
    /// Possessive determiners and the pronoun each stands for.
    pub possessives: &'static [(&'static str, &'static str)],
    /// Subject pronouns a speaker may be named by ("he", "they").
    pub subject_pronouns: &'static [&'static str],
    /// Pronouns of the actor analysis, by kind.
    pub pronouns: &'static [(&'static str, Pronoun)],
    /// Prepositions that end a noun phrase's head.
    pub prepositions: &'static [&'static str],
    /// Prepositions that join a name's parts ("Ministry of Foreign Affairs") or a role and
    /// its country ("Foreign Minister of Mali").
    pub of: &'static [&'static str],
    /// Words that join capitalised words of one name.
    pub name_joiners: &'static [&'static str],
    /// Last words of the name of a text rather than a body ("Peace Agreement", "Declaration"):
    /// its words still speak of what it is about (`analysis::names`).
    pub text_names: &'static [&'static str],
    /// Determiners and quantifiers before a head noun.
    pub determiners: &'static [&'static str],
    /// The definite article(s) and the indefinite ones.
    pub definite: &'static [&'static str],
    pub indefinite: &'static [&'static str],
    /// Quantifiers of "one of the X" and the word after them.
    pub partitive: &'static [&'static str],
    /// Prepositions that name a document's author ("a report from X").
    pub author_of: &'static [&'static str],
    /// Words after which a clause's first prepositional phrase still names a described source.
    pub source_complements: &'static [&'static str],
    /// Days and months, capitalised in English, never speakers.
    pub calendar: &'static [&'static str],
    /// Phrases that name the source of what the sentence says ("according to").
    pub according: &'static [&'static str],
    /// The adjective of a source the text already gave: "the same source", "la même source".
    pub same: &'static [&'static str],
    /// Nouns that report speech when a source owns them and "that" follows ("claim").
    pub report_nouns: &'static [&'static str],
    /// Prepositions that give such a noun its owner ("claims from X").
    pub report_owner: &'static [&'static str],
    /// Words before a verb form that make it no finite verb ("to", "the").
    pub not_before_verb: &'static [&'static str],
    /// Auxiliaries that make a participle passive ("was welcomed").
    pub passive: &'static [&'static str],
    /// The preposition of a passive's agent ("confirmed by X", "confirmé par X").
    pub agent: &'static [&'static str],
    /// Nouns of the people of an organisation ("members of X", "les combattants de X"): what
    /// follows them with "of" is an organisation, not a person.
    pub member_nouns: &'static [&'static str],
    /// Prepositions that name a source only at a sentence's start, before a comma: "Pour le
    /// ministre, …" ("in the minister's view"); elsewhere they are plain prepositions.
    pub according_initial: &'static [&'static str],
    /// Words after which a verb of saying puts its subject after it: "ce qu'ont indiqué les
    /// ministres", "comme l'a rappelé le président" (object pronouns between are skipped).
    pub inverting: &'static [&'static str],
    /// Object pronouns that may stand between those words and the verb ("l'", "le").
    pub object_clitics: &'static [&'static str],
    /// Auxiliaries of a compound past that make a participle finite ("a déclaré"); empty
    /// where participles are finite verbs by themselves.
    pub perfect: &'static [&'static str],
    /// The head noun of a phrase comes first, adjectives after it ("un responsable malien").
    pub noun_first: bool,
    /// A role written after a name is shown capitalised ("Foreign Minister"); French keeps
    /// roles in lowercase, as it writes them.
    pub capitalise_roles: bool,
    /// Endings of a participle after a noun, which end the noun's head ("officials speaking").
    pub participle_endings: &'static [&'static str],
    /// A subject pronoun joined to its verb by a hyphen after it ("a-t-il dit", "dit-elle").
    pub inverted_clitics: &'static [&'static str],
}

impl Grammar {
    pub fn of(language: Language) -> &'static Grammar {
        match language {
            Language::English => &en::ENGLISH,
            Language::French => &fr::FRENCH,
        }
    }

    /// The titles starting with `first`, each with its words, from a table built once.
    pub fn titles_starting_with(
        &'static self,
        first: &str,
    ) -> impl Iterator<Item = (&'static str, &'static [&'static str])> {
        /// First word -> (title, its words).
        type Table = HashMap<&'static str, Vec<(&'static str, Vec<&'static str>)>>;
        static TABLES: [OnceLock<Table>; 2] = [OnceLock::new(), OnceLock::new()];
        let table = TABLES[self.language.index()].get_or_init(|| {
            let mut table = Table::new();
            for title in self.titles {
                let parts: Vec<&'static str> = title.split(' ').collect();
                table.entry(parts[0]).or_default().push((title, parts));
            }
            table
        });
        table.get(first).into_iter().flatten().map(|(t, parts)| (*t, parts.as_slice()))
    }

    /// Whether `lower` is an adverb that may stand between a subject and its verb.
    pub fn adverb(&self, lower: &str) -> bool {
        !self.adverb_ending.is_empty()
            && lower.len() > self.adverb_ending.len() + 2
            && lower.ends_with(self.adverb_ending)
            && !self.adverb_exceptions.contains(&lower)
    }

    /// The subject pronoun a possessive stands for ("his" → "he"), or the word itself.
    pub fn pronoun_of_possessive<'a>(&self, lower: &'a str) -> &'a str {
        self.possessives.iter().find(|(p, _)| *p == lower).map_or(lower, |(_, s)| s)
    }

    pub fn is_possessive(&self, lower: &str) -> bool {
        self.possessives.iter().any(|(p, _)| *p == lower)
    }

    pub fn pronoun(&self, lower: &str) -> Option<Pronoun> {
        self.pronouns.iter().find(|(p, _)| *p == lower).map(|(_, k)| *k)
    }

    /// The gender a title tells.
    pub fn title_gender(&self, title: &str) -> Option<bool> {
        if self.male_titles.contains(&title) {
            Some(true)
        } else if self.female_titles.contains(&title) {
            Some(false)
        } else {
            None
        }
    }
}

/// Whether a word starts with a capital letter.
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list is lowercase (the tokenizer's `lower`), except abbreviations, which are
    /// compared as written.
    #[test]
    fn word_lists_are_lowercase_and_titles_unique() {
        for lang in Language::ALL {
            let g = Grammar::of(lang);
            assert_eq!(g.language, lang);
            let lists = [
                g.titles, g.role_modifiers, g.honorifics, g.name_particles, g.not_names,
                g.organisation_words, g.clause_fillers, g.verb_fillers, g.boundaries, g.relatives,
                g.coordinators, g.contrast, g.that, g.saying, g.negation, g.time_words,
                g.circumstances, g.subject_pronouns, g.prepositions, g.of, g.determiners,
                g.definite, g.indefinite, g.calendar, g.according, g.report_nouns,
                g.not_before_verb, g.passive, g.perfect,
            ];
            for list in lists {
                for w in list {
                    assert_eq!(*w, w.to_lowercase(), "{lang:?}: {w}");
                    assert_eq!(*w, w.trim(), "{lang:?}: {w:?}");
                }
            }
            let mut titles: Vec<&str> = g.titles.to_vec();
            titles.sort_unstable();
            titles.dedup();
            assert_eq!(titles.len(), g.titles.len(), "{lang:?}: a title is listed twice");
        }
    }

    #[test]
    fn adverbs_by_their_ending() {
        let en = Grammar::of(Language::English);
        assert!(en.adverb("strongly"));
        assert!(!en.adverb("only"));
        // French adverbs in -ment share the ending with nouns ("gouvernement"): listed instead.
        let fr = Grammar::of(Language::French);
        assert!(!fr.adverb("gouvernement"));
        assert!(fr.verb_fillers.contains(&"également"));
    }

    #[test]
    fn possessives_stand_for_pronouns() {
        let en = Grammar::of(Language::English);
        assert_eq!(en.pronoun_of_possessive("his"), "he");
        assert_eq!(en.pronoun_of_possessive("their"), "they");
        let fr = Grammar::of(Language::French);
        assert_eq!(fr.pronoun_of_possessive("leur"), "ils");
        assert_eq!(fr.pronoun(&"elle".to_string()), Some(Pronoun::She));
    }
}
