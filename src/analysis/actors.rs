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

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use super::gazetteer::gazetteer;
use super::grammar::{is_capitalised, strip_possessive, Grammar, Pronoun};
use super::spelling;
use super::text::{Document, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Unknown,
    Male,
    Female,
}

/// One actor, with what the article says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

    /// Capitalised names the text gives after "members of" and the like: organisations.
    fn member_organisations(&self) -> Vec<String> {
        let doc = self.doc;
        let g = doc.grammar();
        let mut out = Vec::new();
        for k in 0..doc.words.len().saturating_sub(2) {
            let members = g.member_nouns.contains(&doc.words[k].lower.as_str())
                && g.of.contains(&doc.words[k + 1].lower.as_str());
            if members && is_capitalised(doc.word_text(k + 2)) {
                let end = (k + 2..doc.words.len().min(k + 6))
                    .take_while(|&e| {
                        is_capitalised(doc.word_text(e))
                            && (e == k + 2 || doc.gap_before(e).trim().is_empty())
                    })
                    .last()
                    .map_or(k + 3, |e| e + 1);
                out.push(
                    doc.text[doc.words[k + 2].bytes.start..doc.words[end - 1].bytes.end]
                        .to_string(),
                );
            }
        }
        out
    }

    /// People introduced with a role, before or after their name.
    fn introductions(&mut self) {
        let doc = self.doc;
        let organisations = self.member_organisations();
        let mut intros: Vec<Mention> = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let words = doc.words_in(sentence.clone());
            let end = words.end;
            let mut i = words.start;
            while i < end {
                // Role modifiers belong to the role: "Interim President Assimi Goïta".
                let mut t = i;
                while t < end && doc.grammar().role_modifiers.contains(&doc.words[t].lower.as_str())
                {
                    t += 1;
                }
                let Some((title_end, title)) = self.title_at(t, end) else {
                    i += 1;
                    continue;
                };
                let honorific = doc.grammar().honorifics.contains(&title);
                let title_text = doc.text
                    [doc.words[i].bytes.start..doc.words[title_end - 1].bytes.end]
                    .to_string();
                let role = (!honorific).then(|| title_text.clone());
                let gender = gender_of(doc.grammar(), title);
                // Country before the role: "Mali's Foreign Minister", "Russian Foreign Minister".
                let before = self
                    .gaz_mention_ending_at(i)
                    .filter(|m| {
                        (m.possessive
                            || m.form == MentionForm::Demonym
                            || m.form == MentionForm::Name)
                            && doc.gap_before(i).trim().is_empty()
                    })
                    .map(|m| (m.actor, m.span.start_byte));
                let mut country = before
                    .map(|(a, _)| a)
                    .filter(|&a| self.actors[a].kind == ActorKind::Country)
                    .or_else(|| self.country_in_modifiers(i, s));
                let mut after = title_end;
                // Where adjectives follow the noun, the country's does too: "le chef de l'État
                // nigérien, NAME", "le président ivoirien NAME".
                if doc.grammar().noun_first {
                    if let Some(m) = self
                        .gaz_mention_starting_at(after)
                        .filter(|m| m.form == MentionForm::Demonym && m.words.end <= end)
                    {
                        country = country.or(Some(m.actor));
                        after = m.words.end;
                    }
                }
                // Country after the role: "Foreign Minister of Mali, Abdoulaye Diop".
                if after + 1 < end && doc.grammar().of.contains(&doc.words[after].lower.as_str()) {
                    if let Some((c, end_word)) = self.country_starting_at(after + 1) {
                        country = country.or(Some(c));
                        after = end_word;
                    }
                }
                // A role's complement before the name: "Under Secretary for Trade and
                // Financial Affairs NAME", "Minister of Foreign Affairs NAME".
                if let Some((name_start, name_end)) = self.complement_then_name(after, end) {
                    let complement = &doc.text
                        [doc.words[after].bytes.start..doc.words[name_start - 1].bytes.end];
                    let role = role.map(|r| format!("{r} {complement}"));
                    let name = doc.text
                        [doc.words[name_start].bytes.start..doc.words[name_end - 1].bytes.end]
                        .to_string();
                    let person = self.person(&name, role, country, gender);
                    let start = before.map_or(doc.words[i].bytes.start, |(_, b)| b);
                    let mut m = self.mention(
                        person,
                        MentionForm::Introduction,
                        start..doc.words[name_end - 1].bytes.end,
                        false,
                    );
                    m.sentence = s;
                    intros.push(m);
                    i = name_end;
                    continue;
                }
                let gap = doc.gap_before(after.min(end.saturating_sub(1))).trim();
                let comma = after < end && gap == ",";
                // "Mr. Diop", "Gen. Goïta": the abbreviation's stop is no separator.
                let joined =
                    gap.is_empty() || (gap == "." && doc.words[title_end - 1].lower.len() <= 4);
                let name_after =
                    if after < end && (joined || comma) { self.name_at(after, end) } else { None };
                let accept_after = name_after.as_ref().is_some_and(|(e, name, _)| {
                    is_capitalised(doc.word_text(t))
                        || comma
                        || name.contains(' ')
                        || *e > after + 1
                });
                if let (true, Some((name_end, name, possessive))) = (accept_after, name_after) {
                    let person = self.person(&name, role, country, gender);
                    let start = before.map_or(doc.words[i].bytes.start, |(_, b)| b);
                    let end_byte = doc.words[name_end - 1].bytes.start
                        + strip_possessive(doc.word_text(name_end - 1)).0.len();
                    let mut m = self.mention(
                        person,
                        MentionForm::Introduction,
                        start..end_byte,
                        possessive,
                    );
                    m.sentence = s;
                    intros.push(m);
                    i = name_end;
                    continue;
                }
                // The name before the role: "Sergey Lavrov, Russia's foreign minister".
                if !honorific {
                    if let Some(m) =
                        self.appositive_intro(i, title_end, before, &title_text, country, gender, s)
                    {
                        intros.push(m);
                    }
                }
                i = title_end;
            }
        }
        let mut intro_words = vec![false; doc.words.len()];
        for m in &intros {
            intro_words[m.words.clone()].iter_mut().for_each(|x| *x = true);
        }
        // People named without a role, as the subject of a clause: "Abdoulaye Diop said".
        for sentence in &doc.sentences {
            let words = doc.words_in(sentence.clone());
            let mut i = words.start;
            while i < words.end {
                let taken = self.at_word(i).next().is_some()
                    || intro_words.get(i).copied().unwrap_or(false);
                let candidate =
                    !taken && is_capitalised(doc.word_text(i)) && clause_initial(doc, i);
                match candidate.then(|| self.name_at(i, words.end)).flatten() {
                    Some((end, name, possessive))
                        if name.split(' ').count() >= 2
                            && !possessive
                            && !doc.words[i..end].iter().any(|w| {
                                doc.grammar().organisation_words.contains(&w.lower.as_str())
                            })
                            && predicate_after(doc, end).is_some() =>
                    {
                        let person = self.person(&name, None, None, Gender::Unknown);
                        // "Les membres de NAME …" elsewhere: NAME is an organisation.
                        if organisations.contains(&name) {
                            self.actors[person].kind = ActorKind::Institution;
                        }
                        let bytes = doc.words[i].bytes.start..doc.words[end - 1].bytes.end;
                        intros.push(self.mention(person, MentionForm::Introduction, bytes, false));
                        i = end;
                    }
                    _ => i += 1,
                }
            }
        }
        // Gazetteer mentions inside an introduction stay, marked as nested.
        for p in &intros {
            let inside: Vec<usize> =
                p.words.clone().flat_map(|w| self.by_word[w].clone()).collect();
            for i in inside {
                let m = &mut self.mentions[i];
                if p.span.start_byte <= m.span.start_byte && m.span.end_byte <= p.span.end_byte {
                    m.nested = true;
                }
            }
        }
        for m in intros {
            self.add(m);
        }
    }

    /// A country named among the capitalised words right before a title: "Russian Foreign
    /// Ministry spokeswoman", "Russia's UN ambassador" (up to four words back).
    fn country_in_modifiers(&self, title: usize, s: usize) -> Option<usize> {
        let doc = self.doc;
        let first = doc.words_in(doc.sentences[s].clone()).start;
        let mut k = title;
        while k > first && title - k < 4 && doc.gap_before(k).trim().is_empty() {
            k -= 1;
            if let Some(m) = self.at_word(k).find(|m| {
                self.actors[m.actor].kind == ActorKind::Country
                    && matches!(m.form, MentionForm::Demonym | MentionForm::Name)
            }) {
                return Some(m.actor);
            }
            // "Kremlin spokesman", "Africom director": an institution of one country.
            if let Some(c) = self.at_word(k).find_map(|m| {
                let a = &self.actors[m.actor];
                (a.kind == ActorKind::Institution && m.form == MentionForm::Name)
                    .then_some(a.country)
                    .flatten()
            }) {
                return Some(c);
            }
            let w = doc.word_text(k);
            if !is_capitalised(w) && self.at_word(k).next().is_none() {
                return None;
            }
        }
        None
    }

    /// "NAME, [the|COUNTRY's|DEMONYM] TITLE": a name of two or more words right before a comma.
    #[allow(clippy::too_many_arguments)]
    fn appositive_intro(
        &mut self,
        title_start: usize,
        title_end: usize,
        before: Option<(usize, usize)>,
        title_text: &str,
        country: Option<usize>,
        gender: Gender,
        s: usize,
    ) -> Option<Mention> {
        let doc = self.doc;
        let sentence = doc.sentences[s].clone();
        let first_word = doc.words_in(sentence).start;
        // Skip back over "the" or the country word to the comma.
        let mut k = before.map_or(title_start, |(_, b)| doc.words_in(b..b + 1).start);
        if k > first_word
            && doc.grammar().definite.contains(&doc.words[k - 1].lower.as_str())
            && doc.gap_before(k).trim().is_empty()
        {
            k -= 1;
        }
        if k == first_word || doc.gap_before(k).trim() != "," {
            return None;
        }
        // The name: capitalised words ending right before the comma, after any title
        // ("General Alan Pike, the commander of…" names Alan Pike).
        let mut n = k;
        while n > first_word
            && n + 4 > k
            && is_capitalised(doc.word_text(n - 1))
            && self.title_at(n - 1, k).is_none()
            && !doc.grammar().not_names.contains(&doc.words[n - 1].lower.as_str())
            && self.gaz_mention_ending_at(n).is_none()
            && (n == k || doc.gap_before(n).trim().is_empty())
        {
            n -= 1;
        }
        let known = |this: &Self, w: &str| {
            this.actors.iter().any(|a| a.kind == ActorKind::Person && a.name.ends_with(w))
        };
        if n == k || (k - n < 2 && !known(self, doc.word_text(n))) {
            return None;
        }
        // After the title: end of sentence, a comma, or "of COUNTRY".
        let mut country = country;
        let mut end_word = title_end;
        if title_end + 1 < doc.words.len()
            && doc.grammar().of.contains(&doc.words[title_end].lower.as_str())
        {
            // "the commander of U.S. Africa Command": an institution's country.
            if let Some((c, end)) = self.country_starting_at(title_end + 1) {
                country = country.or(Some(c));
                end_word = end;
            }
        }
        let name = doc.text[doc.words[n].bytes.start..doc.words[k - 1].bytes.end].to_string();
        let person =
            self.person(&name, Some(capitalise_role(doc.grammar(), title_text)), country, gender);
        let mut m = self.mention(
            person,
            MentionForm::Introduction,
            doc.words[n].bytes.start..doc.words[end_word - 1].bytes.end,
            false,
        );
        m.sentence = s;
        Some(m)
    }

    /// Full names and surnames of known people outside their introductions.
    fn name_mentions(&mut self) {
        let doc = self.doc;
        // Surname -> (person, given names). Two people may share a surname; a bare surname
        // then means the one mentioned most recently.
        let mut by_surname: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        for (i, a) in self.actors.iter().enumerate().filter(|(_, a)| a.kind == ActorKind::Person) {
            let mut parts: Vec<String> = a.name.split([' ', '-']).map(str::to_string).collect();
            let surname = parts.pop().unwrap_or_default();
            by_surname.entry(surname).or_default().push((i, parts));
        }
        let mut last_seen: Vec<Option<usize>> = vec![None; self.actors.len()];
        let mut found = Vec::new();
        for w in 0..doc.words.len() {
            if let Some(intro) = self.at_word(w).find(|m| m.form == MentionForm::Introduction) {
                last_seen[intro.actor] = Some(w);
                continue;
            }
            let (bare, possessive) = strip_possessive(doc.word_text(w));
            let Some(candidates) = by_surname.get(bare) else {
                continue;
            };
            let full_name = |given: &[String]| {
                !given.is_empty()
                    && w >= given.len()
                    && given
                        .iter()
                        .enumerate()
                        .all(|(k, g)| doc.word_text(w - given.len() + k) == g)
            };
            let (person, given) = candidates
                .iter()
                .find(|(_, given)| full_name(given))
                .or_else(|| candidates.iter().max_by_key(|(p, _)| last_seen[*p]))
                .expect("a surname in the table has a person");
            let (start_word, form) = if full_name(given) {
                (w - given.len(), MentionForm::FullName)
            } else {
                // Another given name right before: another person of that family ("Oumar
                // Maïga" is not "Fatoumata Maïga"), unless the initials agree (a spelling
                // variant, "Sergei" for "Sergey").
                let other_given = w > 0
                    && doc.gap_before(w).trim().is_empty()
                    && is_capitalised(doc.word_text(w - 1))
                    && !doc.opens_sentence(w - 1)
                    && given
                        .first()
                        .is_some_and(|g| g.chars().next() != doc.word_text(w - 1).chars().next());
                if other_given {
                    continue;
                }
                (w, MentionForm::Surname)
            };
            let end_byte = doc.words[w].bytes.start + bare.len();
            found.push(self.mention(
                *person,
                form,
                doc.words[start_word].bytes.start..end_byte,
                possessive,
            ));
            last_seen[*person] = Some(w);
        }
        for m in found {
            self.add(m);
        }
    }

    /// The capitalised complement of a title ending at word `at`: "of Mines and Energy" in
    /// "the Minister of Mines and Energy" (its text, joiners included).
    fn title_complement(&self, at: usize, end: usize) -> Option<&str> {
        let doc = self.doc;
        let g = doc.grammar();
        let first = doc.words.get(at)?.lower.as_str();
        let opens = g.prepositions.contains(&first) && g.name_joiners.contains(&first);
        if !opens
            || at + 1 >= end
            || !is_capitalised(doc.word_text(at + 1))
            || self.country_starting_at(at + 1).is_some()
        {
            return None;
        }
        let mut e = at + 1;
        while e < end && doc.gap_before(e).trim().is_empty() {
            let joiner = g.name_joiners.contains(&doc.words[e].lower.as_str())
                && e + 1 < end
                && is_capitalised(doc.word_text(e + 1));
            if !(is_capitalised(doc.word_text(e)) || joiner) {
                break;
            }
            e += 1;
        }
        Some(&doc.text[doc.words[at].bytes.start..doc.words[e - 1].bytes.end])
    }

    /// After a title at word `at`: "for" / "of" and a capitalised complement whose last two
    /// words are a name followed by the verb ("for Trade and Financial Affairs Mark Dellow
    /// said"): the name's words. The complement keeps at least one capitalised word of its
    /// own, and joiners ("and", "of", "the") may stand inside it.
    fn complement_then_name(&self, at: usize, end: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let g = doc.grammar();
        let first = doc.words.get(at)?.lower.as_str();
        let opens = g.prepositions.contains(&first) && g.name_joiners.contains(&first);
        if !opens || at + 4 > end || !doc.gap_before(at).trim().is_empty() {
            return None;
        }
        let mut e = at + 1;
        let mut capitalised = 0;
        while e < end && e < at + 10 && doc.gap_before(e).trim().is_empty() {
            let w = doc.word_text(e);
            if is_capitalised(w) && !g.not_names.contains(&doc.words[e].lower.as_str()) {
                capitalised += 1;
            } else if !(g.name_joiners.contains(&doc.words[e].lower.as_str())
                && e + 1 < end
                && is_capitalised(doc.word_text(e + 1)))
            {
                break;
            }
            e += 1;
        }
        let name = e.checked_sub(2)?..e;
        let name_words = name.clone().all(|w| {
            is_capitalised(doc.word_text(w))
                && self.gaz_mention_starting_at(w).is_none()
                && !g.organisation_words.contains(&doc.words[w].lower.as_str())
        });
        let verb_after =
            predicate_after(doc, e).is_some() || doc.gap_before(e.min(end - 1)).trim() == ",";
        (capitalised >= 3 && name.start > at + 1 && name_words && verb_after && e < end)
            .then_some((name.start, name.end))
    }

    /// The known people this text names by a surname no person of its own has: each becomes
    /// a person named by that surname as written here. A surname two known people share is
    /// left alone (which of them is meant is not known), and so is one this text also writes
    /// in lowercase (a word before it is a name: "power", "young").
    fn known_people(&mut self, known: &[KnownPerson]) {
        let doc = self.doc;
        let surname_key = spelling::surname_key;
        let own = surname_keys(&self.actors);
        let capitalised: Vec<(usize, String)> = if known.is_empty() {
            Vec::new()
        } else {
            (0..doc.words.len())
                .filter(|&w| is_capitalised(doc.word_text(w)))
                .map(|w| (w, spelling::key(strip_possessive(doc.word_text(w)).0)))
                .collect()
        };
        let lowercase: std::collections::HashSet<String> = if known.is_empty() {
            Default::default()
        } else {
            (0..doc.words.len())
                .filter(|&w| doc.word_text(w).starts_with(char::is_lowercase))
                .map(|w| spelling::key(&doc.words[w].lower))
                .collect()
        };
        for k in known {
            let key = surname_key(&k.name);
            let ambiguous =
                known.iter().filter(|o| spelling::same_word(&surname_key(&o.name), &key)).count()
                    > 1;
            let common = lowercase.contains(&key);
            if key.chars().count() < 3
                || ambiguous
                || common
                || own.iter().any(|o| spelling::same_word(o, &key))
            {
                continue;
            }
            let given = k.name.split(' ').next().filter(|_| k.name.contains(' '));
            let written = capitalised.iter().find_map(|(w, word_key)| {
                let w = *w;
                let (bare, _) = strip_possessive(doc.word_text(w));
                let named = spelling::same_word(word_key, &key)
                    && !doc.grammar().not_names.contains(&doc.words[w].lower.as_str())
                    && self.at_word(w).next().is_none()
                    && (!doc.opens_sentence(w) || is_subject_position(doc, &(w..w + 1)));
                // "Oumar Keita" when the known one is "Amara Keita": another person.
                let other_given = w > 0
                    && doc.gap_before(w).trim().is_empty()
                    && is_capitalised(doc.word_text(w - 1))
                    && !doc.opens_sentence(w - 1)
                    && given.is_none_or(|g| !spelling::same_given(g, doc.word_text(w - 1)));
                (named && !other_given).then(|| bare.to_string())
            });
            if let Some(surname) = written {
                if self.actors.iter().all(|a| a.name != surname) {
                    self.actors.push(Actor {
                        kind: ActorKind::Person,
                        name: surname,
                        role: None,
                        country: None,
                        mentions: 0,
                        gender: k.gender,
                    });
                }
            }
        }
    }

    /// Removes the actors from `first` on that no mention names (known people whose surname
    /// only appeared where another rule already read the word), renumbering the mentions.
    fn drop_unmentioned(&mut self, first: usize) {
        if first == self.actors.len() {
            return;
        }
        let mut keep = vec![true; self.actors.len()];
        for (i, k) in keep.iter_mut().enumerate().skip(first) {
            *k = self.mentions.iter().any(|m| m.actor == i);
        }
        let mut new_index = Vec::with_capacity(keep.len());
        let mut next = 0;
        for &k in &keep {
            new_index.push(next);
            next += usize::from(k);
        }
        let mut i = 0;
        self.actors.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        for m in &mut self.mentions {
            m.actor = new_index[m.actor];
        }
    }

    /// "the minister", "the Secretary": the latest person before it whose role ends that way.
    fn title_mentions(&mut self) {
        let doc = self.doc;
        let mut found = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let words = doc.words_in(sentence.clone());
            for i in words.clone() {
                if !doc.grammar().definite.contains(&doc.words[i].lower.as_str())
                    || i + 1 >= words.end
                {
                    continue;
                }
                let Some((end, title)) = self.title_at(i + 1, words.end) else {
                    continue;
                };
                if doc.grammar().honorifics.contains(&title) || self.at_word(i + 1).next().is_some()
                {
                    continue;
                }
                // Followed by a name, it is an introduction, handled already.
                if end < words.end
                    && is_capitalised(doc.word_text(end))
                    && doc.gap_before(end).trim().is_empty()
                {
                    continue;
                }
                let head = title.rsplit(' ').next().unwrap_or(title);
                let at = doc.words[i].bytes.start;
                // "the Minister of Mines and Energy" names its office: only a person whose
                // role holds those words is meant.
                let office = self.title_complement(end, words.end).map(|c| c.to_lowercase());
                let person = self
                    .mentions
                    .iter()
                    .filter(|m| m.span.start_byte < at)
                    .filter(|m| {
                        let a = &self.actors[m.actor];
                        a.kind == ActorKind::Person
                            && a.role.as_ref().is_some_and(|r| {
                                let r = r.to_lowercase();
                                r.split([' ', '-']).any(|w| w == head)
                                    && office.as_ref().is_none_or(|o| r.contains(o.as_str()))
                            })
                    })
                    .max_by_key(|m| m.span.start_byte)
                    .map(|m| m.actor);
                if let Some(person) = person {
                    let (_, possessive) = strip_possessive(doc.word_text(end - 1));
                    let end_byte = doc.words[end - 1].bytes.start
                        + strip_possessive(doc.word_text(end - 1)).0.len();
                    let mut m = self.mention(person, MentionForm::Title, at..end_byte, possessive);
                    m.sentence = s;
                    found.push(m);
                }
            }
        }
        for m in found {
            self.add(m);
        }
    }

    /// Resolves pronouns sentence by sentence and records each sentence's subject.
    fn pronouns_and_subjects(&mut self) -> Vec<Option<usize>> {
        let doc = self.doc;
        let mut subjects: Vec<Option<usize>> = vec![None; doc.sentences.len()];
        // Actors that were sentence subjects, most recent last.
        let mut history: Vec<usize> = Vec::new();
        // The named mentions, sorted by position: each sentence's are a contiguous run.
        let named_count = self.mentions.len();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let words = doc.words_in(sentence.clone());
            let mut pronouns: Vec<(usize, Pronoun)> = words
                .clone()
                .filter_map(|w| doc.grammar().pronoun(&doc.words[w].lower).map(|p| (w, p)))
                .filter(|(w, _)| self.at_word(*w).next().is_none())
                .collect();
            // The subject: the first clause-initial mention or pronoun followed by a predicate.
            let first = self.mentions[..named_count]
                .partition_point(|m| m.span.start_byte < sentence.start);
            let last =
                self.mentions[..named_count].partition_point(|m| m.span.start_byte < sentence.end);
            let named = (first..last).find(|&i| {
                let m = &self.mentions[i];
                !m.nested && !m.possessive && is_subject_position(doc, &m.words)
            });
            let pronoun_subject = pronouns
                .iter()
                .position(|&(w, p)| p.can_be_subject() && is_subject_position(doc, &(w..w + 1)));
            let named_first = match (named, pronoun_subject) {
                (Some(n), Some(p)) => self.mentions[n].words.start < pronouns[p].0,
                (Some(_), None) => true,
                _ => false,
            };
            let mut subject_actor = None;
            if named_first {
                let n = named.unwrap_or_default();
                subjects[s] = Some(n);
                subject_actor = Some(self.mentions[n].actor);
            } else if let Some(p) = pronoun_subject {
                let (w, kind) = pronouns.remove(p);
                if let Some(actor) = self.resolve_pronoun(w, kind, &history, None) {
                    subjects[s] = Some(self.mentions.len() - 1);
                    subject_actor = Some(actor);
                }
            }
            let subject_at = subject_start(self, subjects[s]);
            for (w, kind) in pronouns {
                let current = subject_actor.filter(|_| doc.words[w].bytes.start > subject_at);
                self.resolve_pronoun(w, kind, &history, current);
            }
            if let Some(a) = subject_actor {
                history.push(a);
            }
        }
        // Keep text order; subjects point at mentions, so remap them after sorting.
        let mut order: Vec<usize> = (0..self.mentions.len()).collect();
        order.sort_by_key(|&i| {
            (self.mentions[i].span.start_byte, std::cmp::Reverse(self.mentions[i].span.end_byte))
        });
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut sorted: Vec<Option<Mention>> = self.mentions.drain(..).map(Some).collect();
        self.mentions =
            order.iter().map(|&old| sorted[old].take().expect("each mention moves once")).collect();
        subjects.into_iter().map(|s| s.map(|old| new_index[old])).collect()
    }

    /// Resolves the pronoun at word `w` to the current subject or the nearest compatible earlier
    /// one, and records it as a mention of that actor (the last mention).
    fn resolve_pronoun(
        &mut self,
        w: usize,
        kind: Pronoun,
        history: &[usize],
        current: Option<usize>,
    ) -> Option<usize> {
        let actor = self.antecedent(kind, history, current)?;
        self.learn_gender(actor, kind);
        let bytes = self.doc.words[w].bytes.clone();
        let m = self.mention(actor, MentionForm::Pronoun, bytes, kind.possessive());
        self.add(m);
        Some(actor)
    }

    fn antecedent(
        &self,
        kind: Pronoun,
        history: &[usize],
        current: Option<usize>,
    ) -> Option<usize> {
        current
            .into_iter()
            .chain(history.iter().rev().copied())
            .find(|&a| kind.fits(&self.actors[a]))
    }

    fn learn_gender(&mut self, actor: usize, kind: Pronoun) {
        let a = &mut self.actors[actor];
        if a.kind == ActorKind::Person && a.gender == Gender::Unknown {
            a.gender = match kind {
                Pronoun::He | Pronoun::His => Gender::Male,
                Pronoun::She | Pronoun::Her => Gender::Female,
                _ => Gender::Unknown,
            };
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

trait PronounFits {
    fn can_be_subject(self) -> bool;
    fn possessive(self) -> bool;
    fn fits(self, actor: &Actor) -> bool;
}

impl PronounFits for Pronoun {
    fn can_be_subject(self) -> bool {
        matches!(self, Pronoun::He | Pronoun::She | Pronoun::They)
    }

    fn possessive(self) -> bool {
        matches!(self, Pronoun::His | Pronoun::Their | Pronoun::Her | Pronoun::Its)
    }

    fn fits(self, actor: &Actor) -> bool {
        match self {
            Pronoun::He | Pronoun::His => {
                actor.kind == ActorKind::Person && actor.gender != Gender::Female
            }
            Pronoun::She | Pronoun::Her => {
                actor.kind == ActorKind::Person && actor.gender != Gender::Male
            }
            Pronoun::They | Pronoun::Their => actor.kind != ActorKind::Person,
            Pronoun::Its => true,
        }
    }
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
