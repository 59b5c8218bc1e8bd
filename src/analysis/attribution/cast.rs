//! The actors as the attribution sees them: the analysis's actors plus the sources it creates
//! (descriptions such as "a spokesman", names nobody introduced), each once by name, with what
//! pronouns need to know of them (kind of noun, number, gender).

use std::collections::HashMap;
use std::ops::Range;

use super::super::actors::{Actor, ActorKind, Actors, Gender, MentionForm};
use super::super::text::Document;
use super::sources::{self, NounKind, SourceNoun};

/// What is known of an actor for pronouns: kind of noun, number, gender.
#[derive(Debug, Clone, Copy)]
pub(super) struct Traits {
    pub(super) noun: NounKind,
    pub(super) many: bool,
    pub(super) gender: Gender,
}

/// The actors as the attribution sees them: the analysis's actors, plus the sources it
/// creates (descriptions, uncatalogued names), each once by name.
pub(super) struct Cast<'a> {
    pub(super) actors: &'a mut Actors,
    pub(super) by_name: HashMap<String, usize>,
    /// People by the last word of their name.
    pub(super) by_surname: HashMap<String, usize>,
    pub(super) names: sources::Names,
    /// The source noun of each described actor ("spokesman").
    pub(super) heads: HashMap<usize, String>,
    pub(super) traits: HashMap<usize, Traits>,
}

impl Cast<'_> {
    pub(super) fn traits(&self, a: usize) -> Traits {
        if let Some(t) = self.traits.get(&a) {
            return *t;
        }
        let actor = &self.actors.actors[a];
        match actor.kind {
            ActorKind::Person => {
                Traits { noun: NounKind::Role, many: false, gender: actor.gender() }
            }
            _ => Traits { noun: NounKind::Body, many: false, gender: Gender::Unknown },
        }
    }

    pub(super) fn add(
        &mut self,
        name: String,
        kind: ActorKind,
        country: Option<usize>,
        traits: Option<Traits>,
    ) -> usize {
        let key = name.to_lowercase();
        if let Some(&a) = self.by_name.get(&key) {
            return a;
        }
        let mut actor = Actor::person(&name);
        actor.kind = kind;
        actor.country = country;
        self.actors.actors.push(actor);
        let a = self.actors.actors.len() - 1;
        self.by_name.insert(key, a);
        if kind == ActorKind::Person {
            let last = surname(&self.actors.actors[a].name).to_string();
            self.by_surname.entry(last).or_insert(a);
        }
        if let Some(t) = traits {
            self.traits.insert(a, t);
        }
        a
    }

    /// The actor of an uncatalogued name: a known person by surname, else a new actor.
    pub(super) fn named(
        &mut self,
        doc: &Document,
        words: Range<usize>,
        country: Option<usize>,
    ) -> usize {
        let name = sources::words_text(doc, words.clone());
        if let Some(&a) = self.by_name.get(&name.to_lowercase()) {
            return a;
        }
        // A surname alone ("Keita said") is the person of that surname; a full name is only
        // when its given name could be theirs (same initial: "Sergei" for "Sergey"), not
        // another of the family ("Oumar Maïga" is not "Fatoumata Maïga").
        if let Some(&p) = self.by_surname.get(surname(&name)) {
            let initial = |n: &str| n.chars().next().map(|c| c.to_lowercase().to_string());
            let known = &self.actors.actors[p].name;
            let alone = !name.contains(' ');
            if alone || known.contains(' ') && initial(&name) == initial(known) {
                return p;
            }
        }
        let kind = sources::named_kind(doc, words);
        self.add(name, kind, country, None)
    }

    pub(super) fn described(
        &mut self,
        doc: &Document,
        words: Range<usize>,
        noun: SourceNoun,
        country: Option<usize>,
    ) -> usize {
        let mut name = sources::words_text(doc, words.clone());
        // "the government in Khartoum" is Sudan's: say so when the words do not.
        if let Some(c) = country {
            let bytes = doc.words[words.start].bytes.start..doc.words[words.end - 1].bytes.end;
            let named = self.actors.mentions[self.actors.in_range(&bytes)].iter().any(|m| {
                m.actor == c
                    && matches!(m.form, MentionForm::Name | MentionForm::Demonym)
                    && m.span.end_byte <= bytes.end
            });
            if !named {
                name = format!("{name} ({})", self.actors.actors[c].name);
            }
        }
        let kind = match noun.kind {
            NounKind::Body => ActorKind::Institution,
            NounKind::Document => ActorKind::Document,
            NounKind::Role | NounKind::People => ActorKind::Group,
        };
        self.add(
            name,
            kind,
            country,
            Some(Traits { noun: noun.kind, many: noun.many, gender: noun.gender }),
        )
    }
}

/// The last word of a name ("Keita", "Bashir" of "Omar al-Bashir").
pub(super) fn surname(name: &str) -> &str {
    name.rsplit([' ', '-']).next().unwrap_or(name)
}
