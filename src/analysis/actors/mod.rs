//! Actors: the countries, institutions and people an article talks about, and every mention of
//! them, resolved to one canonical actor.
//!
//! - Countries and institutions come from the gazetteer (`data/gazetteer.txt`): names and
//!   aliases ("Russian Federation"), metonyms ("Moscow", "Kremlin") and demonyms ("Malian").
//!   One Aho–Corasick pass finds them all, case-sensitively, on word boundaries.
//! - People are never listed anywhere: they are found in each article from how it introduces
//!   them ("Mali's Foreign Minister, Abdoulaye Diop", "Russian Foreign Minister Sergey Lavrov",
//!   "Under Secretary Victoria Nuland", "Sergey Lavrov, Russia's foreign minister"), with their
//!   role and country.
//! - Later mentions resolve to them: the surname or full name, a title ("the minister"), and
//!   pronouns ("he", "she", "they") by the nearest compatible sentence subject.
//!
//! The sentence subject (the actor a clause is about, before its verb) is computed here because
//! pronouns need it; the statement extractor uses the same notion for speakers.
//!
//! This file holds the types, the order of the steps (`find_actors_knowing`) and the word-level
//! lookups the steps share (gazetteer mentions, titles, names, a person created or updated);
//! `introductions.rs` finds people from how the text introduces them; `resolve.rs` resolves the
//! later mentions (names, surnames of known people, titles, pronouns) and each sentence's
//! subject.

mod introductions;
mod resolve;

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use super::gazetteer::gazetteer;
use super::grammar::{is_capitalised, strip_possessive, Grammar, Pronoun};
use super::spelling;
use super::text::{Document, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Country,
    Institution,
    Person,
    /// People the text describes without naming them: "residents", "a spokesman", "analysts".
    Group,
    /// A text that states something: "the communiqué", "media reports".
    Document,
}

impl ActorKind {
    pub const ALL: [ActorKind; 5] = [
        ActorKind::Country,
        ActorKind::Institution,
        ActorKind::Person,
        ActorKind::Group,
        ActorKind::Document,
    ];

    /// The lowercase word for it, as the analysis JSON and the statement rows write it.
    pub fn key(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Institution => "institution",
            ActorKind::Person => "person",
            ActorKind::Group => "group",
            ActorKind::Document => "document",
        }
    }

    /// The kind with this key.
    pub fn from_key(s: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.key() == s.trim())
    }
}

/// Not serialised: an analysis read back (in the app, from its worker) has every actor's as
/// unknown, which only the analysis itself reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

/// One actor, with what the article says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Actor {
    pub kind: ActorKind,
    /// Canonical name: the gazetteer's for countries and institutions, the full name as the
    /// article introduces it for people.
    pub name: String,
    /// A person's role as introduced ("Foreign Minister").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// A person's country (an index into the actors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<usize>,
    /// How many mentions resolve to this actor.
    pub mentions: usize,
    #[serde(skip)]
    gender: Gender,
}

/// How a mention names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// The actor's name or an alias ("Mali", "Russian Federation").
    Name,
    /// A place or seat standing for a country ("Moscow", "the Kremlin").
    Metonym,
    /// "Malian", "Russians".
    Demonym,
    /// A person introduced with their role ("Mali's Foreign Minister, Abdoulaye Diop").
    Introduction,
    /// A person's full name after the introduction.
    FullName,
    /// A person's surname ("Diop").
    Surname,
    /// A title standing for a person ("the minister").
    Title,
    /// "he", "his", "she", "they"…
    Pronoun,
    /// A description with no name ("a spokesman for the rebels", "residents").
    Description,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Mention {
    /// Index into the actors.
    pub actor: usize,
    pub form: MentionForm,
    pub sentence: usize,
    pub span: Span,
    /// Followed by a possessive 's ("Russia's role").
    pub possessive: bool,
    /// Inside a person's introduction ("Mali's" in "Mali's Foreign Minister, Abdoulaye Diop").
    pub nested: bool,
    /// Indices of the document words it covers.
    #[serde(skip)]
    pub words: Range<usize>,
}

/// The actors of one document and their mentions in text order.
#[derive(Debug, Clone, Default)]
pub struct Actors {
    pub actors: Vec<Actor>,
    pub mentions: Vec<Mention>,
    /// For each sentence, the mention that is its subject, if any.
    pub subjects: Vec<Option<usize>>,
}

impl Actor {
    /// What the text tells of the actor's gender (from titles and pronouns).
    pub fn gender(&self) -> Gender {
        self.gender
    }

    /// An actor of a statements file opened again (`export::statements::rebuild`): what the
    /// rows say of it, and nothing of its gender.
    pub fn new(kind: ActorKind, name: &str, role: Option<String>, country: Option<usize>) -> Actor {
        Actor { kind, name: name.to_string(), role, country, mentions: 0, gender: Gender::Unknown }
    }

    /// A person named by a reader (a correction): no role or country known.
    pub fn person(name: &str) -> Actor {
        Actor {
            kind: ActorKind::Person,
            name: name.to_string(),
            role: None,
            country: None,
            mentions: 0,
            gender: Gender::Unknown,
        }
    }
}

impl Actors {
    /// The indices of the mentions that start inside a byte range (mentions are in text order).
    pub fn in_range(&self, bytes: &Range<usize>) -> Range<usize> {
        let first = self.mentions.partition_point(|m| m.span.start_byte < bytes.start);
        let last = self.mentions.partition_point(|m| m.span.start_byte < bytes.end);
        first..last.max(first)
    }
}

// ---------------------------------------------------------------------------------------------
// Finding actors

/// Finds the actors of a document and resolves every mention.
pub fn find_actors(doc: &Document) -> Actors {
    find_actors_knowing(doc, &[])
}

/// The spelling keys of the surnames of the people among `actors`.
pub(crate) fn surname_keys(actors: &[Actor]) -> Vec<String> {
    actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| spelling::surname_key(&a.name))
        .collect()
}

/// A person other articles of a corpus introduced, whom this one may name by surname alone
/// ("Lavrenko said" with no introduction in this article).
#[derive(Debug, Clone, PartialEq)]
pub struct KnownPerson {
    /// The full name as introduced elsewhere.
    pub name: String,
    pub gender: Gender,
}

/// [`find_actors`], also finding the `known` people this document names by surname (or a
/// spelling of it) without introducing them. Such a person gets the surname as written here
/// and no role or country: those belong to the article that states them (the corpus's cast,
/// `analysis::corpus`, carries them over). With no known people this is `find_actors`.
pub fn find_actors_knowing(doc: &Document, known: &[KnownPerson]) -> Actors {
    let mut found = Finder {
        doc,
        actors: Vec::new(),
        entry_actor: Vec::new(),
        mentions: Vec::new(),
        by_word: vec![Vec::new(); doc.words.len()],
    };
    found.gazetteer_mentions();
    found.introductions();
    let first_known = found.actors.len();
    found.known_people(known);
    found.name_mentions();
    found.drop_unmentioned(first_known);
    found.title_mentions();
    found.mentions.sort_by_key(|m| (m.span.start_byte, std::cmp::Reverse(m.span.end_byte)));
    found.reindex();
    let subjects = found.pronouns_and_subjects();
    let mut actors = found.actors;
    let mentions = found.mentions;
    for m in &mentions {
        actors[m.actor].mentions += 1;
    }
    Actors { actors, mentions, subjects }
}

struct Finder<'d> {
    doc: &'d Document,
    actors: Vec<Actor>,
    /// Gazetteer entry -> actor index, for entries met so far.
    entry_actor: Vec<(usize, usize)>,
    mentions: Vec<Mention>,
    /// For each word, the mentions covering it (kept by [`Finder::add`], so lookups by word
    /// stay constant-time on long articles).
    by_word: Vec<Vec<usize>>,
}

impl Finder<'_> {
    fn add(&mut self, m: Mention) {
        for w in m.words.clone() {
            self.by_word[w].push(self.mentions.len());
        }
        self.mentions.push(m);
    }

    fn reindex(&mut self) {
        self.by_word.iter_mut().for_each(Vec::clear);
        for (i, m) in self.mentions.iter().enumerate() {
            for w in m.words.clone() {
                self.by_word[w].push(i);
            }
        }
    }

    /// The mentions covering word `w`.
    fn at_word(&self, w: usize) -> impl Iterator<Item = &Mention> {
        self.by_word.get(w).into_iter().flatten().map(|&i| &self.mentions[i])
    }

    fn mention(
        &self,
        actor: usize,
        form: MentionForm,
        bytes: Range<usize>,
        possessive: bool,
    ) -> Mention {
        let words = self.doc.words_in(bytes.clone());
        Mention {
            actor,
            form,
            sentence: self.doc.sentence_at(bytes.start).unwrap_or(0),
            span: self.doc.span(bytes),
            possessive,
            nested: false,
            words,
        }
    }

    fn actor_for_entry(&mut self, e: usize) -> usize {
        if let Some(&(_, a)) = self.entry_actor.iter().find(|(entry, _)| *entry == e) {
            return a;
        }
        let entry = &gazetteer(self.doc.language).entries[e];
        let country = entry.country.as_ref().and_then(|c| {
            let ce = gazetteer(self.doc.language)
                .entries
                .iter()
                .position(|x| x.kind == ActorKind::Country && x.name == *c)?;
            Some(self.actor_for_entry(ce))
        });
        self.actors.push(Actor {
            kind: entry.kind,
            name: entry.display.clone(),
            role: None,
            country,
            mentions: 0,
            gender: Gender::Unknown,
        });
        self.entry_actor.push((e, self.actors.len() - 1));
        self.actors.len() - 1
    }

    fn gazetteer_mentions(&mut self) {
        let g = gazetteer(self.doc.language);
        let text = &self.doc.text;
        for m in g.matcher.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let rest = &text[m.end()..];
            let after_s = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("\u{2019}s"));
            let possessive =
                after_s.is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric));
            let (e, form) = g.patterns[m.pattern().as_usize()];
            let actor = self.actor_for_entry(e);
            let mention = self.mention(actor, form, m.start()..m.end(), possessive);
            self.add(mention);
        }
    }

    /// The gazetteer mention (country or institution) covering exactly words `range`.
    fn gaz_mention_ending_at(&self, word_end: usize) -> Option<&Mention> {
        let last = word_end.checked_sub(1)?;
        self.at_word(last).find(|m| {
            m.words.end == word_end
                && m.form != MentionForm::Introduction
                && self.actors[m.actor].kind != ActorKind::Person
        })
    }

    /// The country a gazetteer mention starting at `word` names: a country, or the country of
    /// an institution of one country ("of U.S. Africa Command"), with the mention's end word.
    fn country_starting_at(&self, word: usize) -> Option<(usize, usize)> {
        self.at_word(word).filter(|m| m.words.start == word).find_map(|m| {
            let a = &self.actors[m.actor];
            match a.kind {
                ActorKind::Country => Some((m.actor, m.words.end)),
                ActorKind::Institution => a.country.map(|c| (c, m.words.end)),
                _ => None,
            }
        })
    }

    fn gaz_mention_starting_at(&self, word: usize) -> Option<&Mention> {
        self.at_word(word)
            .find(|m| m.words.start == word && self.actors[m.actor].kind == ActorKind::Country)
    }

    /// The longest title starting at word `i`, as (end word, lowercase title words).
    fn title_at(&self, i: usize, end: usize) -> Option<(usize, &'static str)> {
        let words = &self.doc.words;
        let mut best: Option<(usize, &'static str)> = None;
        for (title, parts) in self.doc.grammar().titles_starting_with(&words.get(i)?.lower) {
            if i + parts.len() > end {
                continue;
            }
            let matches = parts.iter().enumerate().all(|(k, p)| {
                let w = &words[i + k];
                let gap = self.doc.gap_before(i + k).trim();
                (w.lower == *p || capital_without_accent(&w.lower, p))
                    && (k == 0 || gap.is_empty() || gap == "-" || gap == ".")
            });
            if matches && best.is_none_or(|(e, _)| i + parts.len() > e) {
                best = Some((i + parts.len(), title));
            }
        }
        best
    }

    /// A name of up to four capitalised words starting at word `i` (particles allowed inside):
    /// (end word, name text, possessive).
    fn name_at(&self, i: usize, end: usize) -> Option<(usize, String, bool)> {
        let doc = self.doc;
        let mut j = i;
        let mut count = 0;
        let mut possessive = false;
        while j < end && count < 4 {
            let text = doc.word_text(j);
            let (bare, poss) = strip_possessive(text);
            let gap = doc.gap_before(j);
            if j > i && !(gap.trim().is_empty() || gap.trim() == "-") {
                break;
            }
            let lower = bare.to_lowercase();
            let particle = j > i
                && doc.grammar().name_particles.contains(&lower.as_str())
                && j + 1 < end
                && is_capitalised(doc.word_text(j + 1));
            // "Ki-moon": a lowercase part after a hyphen belongs to the name.
            let hyphenated =
                j > i && gap == "-" && count > 0 && bare.chars().all(char::is_alphabetic);
            let name_word = hyphenated
                || is_capitalised(bare)
                    && !doc.grammar().not_names.contains(&lower.as_str())
                    && self.title_at(j, end).is_none()
                    && self.gaz_mention_starting_at(j).is_none()
                    && !self.at_word(j).any(|m| m.words.start == j);
            if !(name_word || particle) {
                break;
            }
            j += 1;
            count += usize::from(!particle);
            if poss {
                possessive = true;
                break;
            }
        }
        if count == 0 {
            return None;
        }
        let start = doc.words[i].bytes.start;
        let last = doc.word_text(j - 1);
        let end_byte = doc.words[j - 1].bytes.start + strip_possessive(last).0.len();
        Some((j, doc.text[start..end_byte].to_string(), possessive))
    }

    /// The person called `name`, created or updated with what this introduction adds.
    fn person(
        &mut self,
        name: &str,
        role: Option<String>,
        country: Option<usize>,
        gender: Gender,
    ) -> usize {
        let surname = name.rsplit(' ').next().unwrap_or(name);
        let existing = self.actors.iter().position(|a| {
            // The same name, or a surname alone and a full name with that surname.
            a.kind == ActorKind::Person
                && (a.name == name
                    || (a.name.rsplit(' ').next() == Some(surname)
                        && a.name.contains(' ') != name.contains(' ')))
        });
        match existing {
            Some(p) => {
                let a = &mut self.actors[p];
                if name.len() > a.name.len() {
                    a.name = name.to_string();
                }
                a.role = a.role.take().or(role);
                a.country = a.country.or(country);
                if a.gender == Gender::Unknown {
                    a.gender = gender;
                }
                p
            }
            None => {
                self.actors.push(Actor {
                    kind: ActorKind::Person,
                    name: name.to_string(),
                    role,
                    country,
                    mentions: 0,
                    gender,
                });
                self.actors.len() - 1
            }
        }
    }
}

fn subject_start(f: &Finder<'_>, subject: Option<usize>) -> usize {
    subject.map_or(0, |m| f.mentions[m].span.start_byte)
}

fn gender_of(grammar: &Grammar, title: &str) -> Gender {
    match grammar.title_gender(title) {
        Some(true) => Gender::Male,
        Some(false) => Gender::Female,
        None => Gender::Unknown,
    }
}

/// `word` (lowercased) is `expected` written with its first letter's accent dropped, as French
/// often writes capitals: "Etat" for "État", "Ecole" for "École".
fn capital_without_accent(word: &str, expected: &str) -> bool {
    let mut e = expected.chars();
    let mut w = word.chars();
    let base = match e.next() {
        Some('é' | 'è' | 'ê' | 'ë') => 'e',
        Some('à' | 'â') => 'a',
        Some('î' | 'ï') => 'i',
        Some('ô') => 'o',
        Some('û' | 'ù') => 'u',
        _ => return false,
    };
    w.next() == Some(base) && w.as_str() == e.as_str()
}

/// "foreign minister" as written after a name becomes "Foreign Minister" for display (French
/// roles keep their lowercase, as French writes them).
fn capitalise_role(grammar: &Grammar, role: &str) -> String {
    if !grammar.capitalise_roles {
        return role.to_string();
    }
    role.split(' ')
        .map(|w| {
            if grammar.name_joiners.contains(&w) {
                return w.to_string();
            }
            let mut c = w.chars();
            c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the words `range` stand where a clause's subject stands: at the start of a clause
/// (after the sentence start or a comma, with only fillers like "the" or "also" between) and
/// followed by a lowercase word that can be the verb (after fillers like "also", "has").
pub(crate) fn is_subject_position(doc: &Document, range: &Range<usize>) -> bool {
    clause_initial(doc, range.start) && predicate_after(doc, range.end).is_some()
}

/// True when word `w` starts a clause.
pub(crate) fn clause_initial(doc: &Document, w: usize) -> bool {
    let Some(s) = doc.sentence_at(doc.words[w].bytes.start) else {
        return false;
    };
    let first = doc.words_in(doc.sentences[s].clone()).start;
    let mut k = w;
    while k > first {
        let gap = doc.gap_before(k);
        if gap.contains([',', ';', ':', '\u{2014}', '\u{2013}', '"', '\u{201c}', '\u{201d}', '(']) {
            return true;
        }
        if !doc.grammar().clause_fillers.contains(&doc.words[k - 1].lower.as_str()) {
            return false;
        }
        k -= 1;
    }
    true
}

/// The word after `end` that can be the verb of a subject ending there: skips a closing
/// appositive comma, a ", who … ," clause and fillers like "also" or "has".
pub(crate) fn predicate_after(doc: &Document, end: usize) -> Option<usize> {
    let s = doc.sentence_at(doc.words.get(end.checked_sub(1)?)?.bytes.start)?;
    let last = doc.words_in(doc.sentences[s].clone()).end;
    let mut k = end;
    if k < last
        && doc.gap_before(k).trim() == ","
        && doc.grammar().relatives.contains(&doc.words[k].lower.as_str())
    {
        // ", who arrived on Monday, said": skip to the closing comma.
        k += 1;
        while k < last && doc.gap_before(k).trim() != "," {
            k += 1;
        }
    }
    while k < last {
        let gap = doc.gap_before(k).trim();
        if !(gap.is_empty() || (k == end && gap == ",")) {
            return None;
        }
        let w = &doc.words[k];
        if doc.grammar().verb_fillers.contains(&w.lower.as_str()) {
            k += 1;
            continue;
        }
        let text = doc.word_text(k);
        return (!is_capitalised(text) && w.lower.chars().next().is_some_and(char::is_alphabetic))
            .then_some(k);
    }
    None
}
