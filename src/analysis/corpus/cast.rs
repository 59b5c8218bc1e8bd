//! One cast of actors for a corpus: the actors of every article's analysis merged, so that a
//! person is one actor however many articles name them and however each spells them.
//!
//! The rules, in order (each has a table test with invented articles, `tests/corpus_cast.rs`):
//! 1. A country is one actor by its canonical name (the gazetteer's, the same in every
//!    language); an institution by the spelling key of its name ([`spelling::key`] on each
//!    word), so "Front de Libération" and "Front de libération" are one.
//! 2. People with full names are one person when their surnames are one word written two ways
//!    ([`spelling::same_word`]), their given names agree ([`spelling::same_given`]: "Sergey"
//!    and "Sergei", "S." and "Sergey") and their countries do not differ.
//! 3. A person named by surname alone is the one full-named person of that surname (and no
//!    other country); with none, the people of that surname alone are one; with two, it stays
//!    apart (which one is meant is not known).
//! 4. An unnamed speaker described by a role and a country ("the Russian foreign minister")
//!    is the one person of the cast with that role and that country; with two, it stays
//!    apart.
//!
//! Descriptions otherwise ("residents", "a spokesman") and documents stay one per article:
//! the residents of one report are not those of the next.
//!
//! A merged actor's name is its most mentioned full spelling; `variants` lists every spelling
//! the articles use (the name first; a bare surname the name ends with is none). Its role and country come from the latest dated article that states one
//! (a later article can report a new office), and `role_article` says which.

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::actors::ActorKind;
use crate::analysis::{spelling, Analysis};
use crate::article::Date;

/// One actor of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CastActor {
    pub kind: ActorKind,
    pub name: String,
    /// Every spelling the articles use, the most mentioned first (the name among them).
    pub variants: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The article that states the role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_article: Option<usize>,
    /// The country it belongs to or speaks for: an index into the cast.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<usize>,
    /// The articles that name it, in corpus order.
    pub articles: Vec<usize>,
    pub mentions: usize,
}

/// The cast of a corpus, and which cast actor each article's actor is.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Cast {
    pub actors: Vec<CastActor>,
    /// `members[article][actor]`: the cast actor of an article's actor.
    #[serde(skip)]
    members: Vec<Vec<usize>>,
}

/// One article's actor, as the merge sees it.
struct Entry {
    article: usize,
    kind: ActorKind,
    name: String,
    role: Option<String>,
    /// The article's country actor of it.
    country: Option<usize>,
    country_name: Option<String>,
    mentions: usize,
    date: Option<Date>,
}

impl Entry {
    fn words(&self) -> Vec<String> {
        self.name.split([' ', '-']).filter(|w| !w.is_empty()).map(spelling::key).collect()
    }

    fn countries_agree(&self, other: &Entry) -> bool {
        match (&self.country_name, &other.country_name) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

impl Cast {
    /// Merges the actors of a corpus's analyses (in corpus order).
    pub fn build(analyses: &[&Analysis]) -> Cast {
        let mut entries = Vec::new();
        let mut first_entry = Vec::with_capacity(analyses.len());
        for (k, a) in analyses.iter().enumerate() {
            first_entry.push(entries.len());
            for actor in &a.actors {
                entries.push(Entry {
                    article: k,
                    kind: actor.kind,
                    name: actor.name.clone(),
                    role: actor.role.clone(),
                    country: actor.country,
                    country_name: actor
                        .country
                        .and_then(|c| a.actors.get(c))
                        .map(|c| c.name.clone()),
                    mentions: actor.mentions,
                    date: a.article_date,
                });
            }
        }
        let mut sets = Sets::new(entries.len());
        merge_named(&entries, &mut sets);
        merge_people(&entries, &mut sets);
        merge_descriptions(&entries, &mut sets);
        assemble(&entries, &first_entry, analyses, &mut sets)
    }

    /// The cast actor of actor `actor` of article `article`.
    pub fn of(&self, article: usize, actor: usize) -> Option<usize> {
        self.members.get(article)?.get(actor).copied()
    }

    /// The cast's name of actor `actor` of article `article`, or `written` (the article's
    /// own name for it) when the cast does not have it.
    pub fn name_or(&self, article: usize, actor: usize, written: &str) -> String {
        self.of(article, actor).map_or_else(|| written.to_string(), |c| self.actors[c].name.clone())
    }

    /// The country an actor speaks for, by the rule of [`crate::analysis::speaker_country`]:
    /// a country itself; a person's or institution's country; an institution of no one
    /// country for itself.
    pub fn speaker_country(&self, actor: usize) -> Option<&str> {
        let a = self.actors.get(actor)?;
        match (a.kind, a.country) {
            (ActorKind::Country, _) => Some(&a.name),
            (_, Some(c)) => self.actors.get(c).map(|c| c.name.as_str()),
            (ActorKind::Institution, None) => Some(&a.name),
            _ => None,
        }
    }

    /// The actor of this name or variant (case-insensitive), or of this [`slug`].
    pub fn find(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.actors.iter().position(|a| {
            slug(&a.name) == slug(name) || a.variants.iter().any(|v| v.eq_ignore_ascii_case(name))
        })
    }
}

/// A name as the URL writes it: lowercase, words joined by `-` ("sergey-lavrenko").
pub fn slug(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
    words.join("-")
}

/// Rule 1: countries by name, institutions by their words' spelling keys.
fn merge_named(entries: &[Entry], sets: &mut Sets) {
    let mut seen: HashMap<(u8, String), usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let key = match e.kind {
            ActorKind::Country => (0, e.name.clone()),
            ActorKind::Institution => (1, e.words().join(" ")),
            _ => continue,
        };
        match seen.get(&key) {
            Some(&j) => sets.union(j, i),
            None => {
                seen.insert(key, i);
            }
        }
    }
}

/// Rules 2 and 3: people by surname, given name and country.
///
/// Linear in the people but for the people of one surname: entries are grouped by their
/// surname's spelling key, keys one letter apart are found within keys of one length (the
/// only ones [`spelling::same_word`] can join), and only entries of joinable keys are compared.
fn merge_people(entries: &[Entry], sets: &mut Sets) {
    struct Person {
        entry: usize,
        surname: String,
        /// The given name's spelling key; `None` for a surname alone.
        given: Option<String>,
    }
    let people: Vec<Person> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == ActorKind::Person)
        .filter_map(|(i, e)| {
            let mut words = e.words();
            let surname = words.pop()?;
            let given = (!words.is_empty()).then(|| words.swap_remove(0));
            Some(Person { entry: i, surname, given })
        })
        .collect();
    // Surname key -> the people of that key; and for each key, the keys it joins.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, p) in people.iter().enumerate() {
        by_key.entry(p.surname.as_str()).or_default().push(n);
    }
    let mut keys: Vec<&str> = by_key.keys().copied().collect();
    keys.sort_unstable_by_key(|k| (k.chars().count(), *k));
    let mut joins: HashMap<&str, Vec<&str>> = HashMap::new();
    for (n, a) in keys.iter().enumerate() {
        joins.entry(a).or_default().push(a);
        let len = a.chars().count();
        for b in keys[n + 1..].iter().take_while(|b| b.chars().count() == len) {
            if spelling::same_word(a, b) {
                joins.entry(a).or_default().push(b);
                joins.entry(b).or_default().push(a);
            }
        }
    }
    let candidates = |p: &Person| -> Vec<usize> {
        joins[p.surname.as_str()].iter().flat_map(|k| by_key[k].iter().copied()).collect()
    };
    // Rule 2: full names.
    for (n, p) in people.iter().enumerate() {
        let Some(given) = &p.given else { continue };
        for m in candidates(p).into_iter().filter(|&m| m < n) {
            let q = &people[m];
            let agree = q.given.as_ref().is_some_and(|g| spelling::same_given_key(given, g))
                && entries[p.entry].countries_agree(&entries[q.entry]);
            if agree {
                sets.union(q.entry, p.entry);
            }
        }
    }
    // Rule 3: a surname alone.
    for (n, p) in people.iter().enumerate().filter(|(_, p)| p.given.is_none()) {
        let e = &entries[p.entry];
        let found = candidates(p);
        let mut holders: Vec<usize> = found
            .iter()
            .map(|&m| &people[m])
            .filter(|q| q.given.is_some() && e.countries_agree(&entries[q.entry]))
            .map(|q| sets.find(q.entry))
            .collect();
        holders.sort_unstable();
        holders.dedup();
        match holders.as_slice() {
            [one] => sets.union(*one, p.entry),
            [] => {
                for &m in found.iter().filter(|&&m| m < n && people[m].given.is_none()) {
                    if e.countries_agree(&entries[people[m].entry]) {
                        sets.union(people[m].entry, p.entry);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Rule 4: "the Russian foreign minister" as the one person with that role and country.
fn merge_descriptions(entries: &[Entry], sets: &mut Sets) {
    // Country -> its people's (entry, lowercase role).
    let mut roles: HashMap<&str, Vec<(usize, String)>> = HashMap::new();
    for (j, p) in entries.iter().enumerate().filter(|(_, p)| p.kind == ActorKind::Person) {
        if let (Some(country), Some(role)) = (&p.country_name, &p.role) {
            roles.entry(country.as_str()).or_default().push((j, role.to_lowercase()));
        }
    }
    for (i, e) in entries.iter().enumerate() {
        let (ActorKind::Group, Some(country)) = (e.kind, &e.country_name) else { continue };
        let Some(people) = roles.get(country.as_str()) else { continue };
        let described = e.name.to_lowercase();
        let mut holders: Vec<usize> = people
            .iter()
            .filter(|(_, r)| described.ends_with(r.as_str()) && described.len() > r.len())
            .map(|&(j, _)| sets.find(j))
            .collect();
        holders.sort_unstable();
        holders.dedup();
        if let [one] = holders.as_slice() {
            sets.union(*one, i);
        }
    }
}

/// The cast actors from the merged sets, in order of first appearance.
fn assemble(
    entries: &[Entry],
    first_entry: &[usize],
    analyses: &[&Analysis],
    sets: &mut Sets,
) -> Cast {
    let mut index_of_root: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..entries.len() {
        let root = sets.find(i);
        let g = *index_of_root.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let group_of = |i: usize, sets: &mut Sets| index_of_root[&sets.find(i)];
    let mut actors = Vec::with_capacity(groups.len());
    for members in &groups {
        let person = members.iter().any(|&i| entries[i].kind == ActorKind::Person);
        let kind = if person { ActorKind::Person } else { entries[members[0]].kind };
        let mut spellings: Vec<(String, usize)> = Vec::new();
        for &i in members {
            let e = &entries[i];
            if person && e.kind != ActorKind::Person {
                continue;
            }
            match spellings.iter_mut().find(|(s, _)| *s == e.name) {
                Some((_, n)) => *n += e.mentions.max(1),
                None => spellings.push((e.name.clone(), e.mentions.max(1))),
            }
        }
        if spellings.is_empty() {
            spellings.push((entries[members[0]].name.clone(), 1));
        }
        let words = |s: &str| s.split(' ').count();
        let name = spellings
            .iter()
            .enumerate()
            .max_by_key(|(k, (s, n))| (words(s) > 1, *n, std::cmp::Reverse(*k)))
            .map(|(_, (s, _))| s.clone())
            .unwrap_or_default();
        // The name first, then the other spellings by mentions; a surname alone that the
        // name ends with is no other spelling.
        spellings.sort_by_key(|(s, n)| (*s != name, std::cmp::Reverse(*n)));
        spellings
            .retain(|(s, _)| *s == name || s.contains(' ') || !name.ends_with(&format!(" {s}")));
        let latest = |has: &dyn Fn(&Entry) -> bool| {
            members
                .iter()
                .filter(|&&i| has(&entries[i]))
                .max_by_key(|&&i| (entries[i].date, entries[i].article))
                .copied()
        };
        let role_from = latest(&|e: &Entry| e.role.is_some());
        let country_from = latest(&|e: &Entry| e.country.is_some());
        let mut articles: Vec<usize> = members.iter().map(|&i| entries[i].article).collect();
        articles.dedup();
        actors.push(CastActor {
            kind,
            name,
            variants: spellings.into_iter().map(|(s, _)| s).collect(),
            role: role_from.and_then(|i| entries[i].role.clone()),
            role_article: role_from.map(|i| entries[i].article),
            country: country_from,
            articles,
            mentions: members.iter().map(|&i| entries[i].mentions).sum(),
        });
    }
    // Countries as cast indices: the group of the article's country actor.
    for a in &mut actors {
        if let Some(i) = a.country {
            let e = &entries[i];
            let country_entry = first_entry[e.article] + e.country.unwrap_or(0);
            a.country = Some(group_of(country_entry, sets));
        }
    }
    let members = analyses
        .iter()
        .enumerate()
        .map(|(k, an)| (0..an.actors.len()).map(|i| group_of(first_entry[k] + i, sets)).collect())
        .collect();
    Cast { actors, members }
}

/// Disjoint sets of entries (union by smaller index, path halving).
struct Sets(Vec<usize>);

impl Sets {
    fn new(n: usize) -> Sets {
        Sets((0..n).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.0[hi] = lo;
    }
}
