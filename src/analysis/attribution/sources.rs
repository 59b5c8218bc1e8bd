//! Stage 3: sources. What a noun phrase in a speaker's place names: an actor the text names
//! (a person, country or institution from [`actors`](super::super::actors)), a pronoun, a
//! name nobody introduced ("Amnesty International said"), or a description with no name
//! ("a spokesman for the rebels", "residents", "the ministry", "a statement") from the
//! source nouns of `data/sources.txt`.
//!
//! The head of an English noun phrase is its last word before any prepositional phrase or
//! participle ("critics *of the deal*", "senators *holding hearings*"), so the phrase is
//! read up to there and its last word decides.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::super::actors::{ActorKind, Actors, Gender, MentionForm};
use super::super::language::Language;
use super::super::lexicon;
use super::super::text::Document;

/// What kind of thing a source noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounKind {
    /// One person by what they do ("an official").
    Role,
    /// People spoken of together ("residents").
    People,
    /// An institution or organised group ("the ministry").
    Body,
    /// A text ("the statement", "media reports").
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceNoun {
    pub kind: NounKind,
    pub many: bool,
    pub gender: Gender,
}

/// The compiled-in lexicon of each language: (file name, text).
const FILES: [(&str, &str); 2] = [
    ("sources.txt", include_str!("../data/sources.txt")),
    ("fr/sources.txt", include_str!("../data/fr/sources.txt")),
];

fn nouns(language: Language) -> &'static HashMap<&'static str, SourceNoun> {
    static NOUNS: [OnceLock<HashMap<&'static str, SourceNoun>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    NOUNS[language.index()].get_or_init(|| {
        let (file, text) = FILES[language.index()];
        parse(file, text).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Parses a source-noun lexicon (`form | kind | number | gender`).
pub fn parse(
    file: &'static str,
    text: &'static str,
) -> Result<HashMap<&'static str, SourceNoun>, lexicon::LexiconError> {
    let mut out = HashMap::new();
    for row in lexicon::parse(file, text, 4..=4)? {
        let form = row.required(0, "noun")?;
        let kind = row.choice(
            1,
            "kind",
            &[
                ("role", NounKind::Role),
                ("people", NounKind::People),
                ("body", NounKind::Body),
                ("document", NounKind::Document),
            ],
        )?;
        let many = row.choice(2, "number", &[("one", false), ("many", true)])?;
        let gender = row.choice(
            3,
            "gender",
            &[("male", Gender::Male), ("female", Gender::Female), ("any", Gender::Unknown)],
        )?;
        if out.insert(form, SourceNoun { kind, many, gender }).is_some() {
            return Err(row.error(format!("\"{form}\" is listed twice")));
        }
    }
    Ok(out)
}

/// The source noun `lower` is in the document's language, if any.
pub fn source_noun(doc: &Document, lower: &str) -> Option<SourceNoun> {
    nouns(doc.language).get(lower).copied()
}

/// What a speaker's noun phrase names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A mention of a known actor.
    Mention(usize),
    /// "he", "she", "it", "they" (word index).
    Pronoun(usize),
    /// Capitalised words nobody introduced (word range), perhaps with a country before them.
    Named { words: Range<usize>, country: Option<usize> },
    /// A description with a source noun: the words that name it, its noun, its country.
    Described {
        words: Range<usize>,
        /// The source noun's word ("spokesman" in "a spokesman for the rebels").
        head: usize,
        noun: SourceNoun,
        country: Option<usize>,
        indefinite: bool,
    },
}

/// A participle after a noun ends its head ("officials speaking", "des responsables
/// interrogés").
fn participle(doc: &Document, lower: &str) -> bool {
    lower.chars().count() > 4 && doc.grammar().participle_endings.iter().any(|e| lower.ends_with(e))
}

/// A possessive ending ("Mali's"), which makes a word a modifier.
fn possessive(doc: &Document, w: usize) -> bool {
    let l = &doc.words[w].lower;
    l.ends_with("'s") || doc.text[doc.words[w].bytes.end..].starts_with(['\'', '\u{2019}'])
}

/// The head of the noun phrase `chain`: its words up to the first preposition or post-noun
/// participle, after "one of", "some of" and leading determiners.
pub fn head(doc: &Document, chain: Range<usize>) -> Range<usize> {
    let g = doc.grammar();
    let mut a = chain.start;
    // "One of the rebel groups", "some of the soldiers": the phrase after "of".
    if a + 2 < chain.end
        && g.partitive.contains(&doc.words[a].lower.as_str())
        && g.of.contains(&doc.words[a + 1].lower.as_str())
    {
        a += 2;
    }
    let mut b = a;
    while b < chain.end {
        let lower = doc.words[b].lower.as_str();
        // Inside a name: "Ministry of Foreign Affairs", "Justice and Equality Movement".
        // (Not after the phrase's first word alone: it may be capitalised as the
        // sentence's first word, "Posters in Bamako".)
        let caps_around = b > a + 1
            && doc.capitalised(b - 1)
            && source_noun(doc, &doc.words[b - 1].lower).is_none()
            && b + 1 < chain.end
            && doc.capitalised(b + 1);
        if b > a && g.prepositions.contains(&lower) && !caps_around {
            break;
        }
        if b > a
            && participle(doc, lower)
            && !doc.capitalised(b)
            && source_noun(doc, &doc.words[b - 1].lower).is_some()
        {
            break;
        }
        b += 1;
    }
    while a < b && g.determiners.contains(&doc.words[a].lower.as_str()) && b - a > 1 {
        a += 1;
    }
    a..b
}

/// What the noun phrase `chain` names as a speaker, if it can speak.
pub fn resolve(
    doc: &Document,
    actors: &Actors,
    names: &Names,
    chain: Range<usize>,
) -> Option<Source> {
    // A prepositional phrase is no subject ("In a phone call on Saturday"), unless a name
    // starts with the word ("Under Secretary Victoria Nuland").
    if chain.is_empty() {
        return None;
    }
    let g = doc.grammar();
    let first = doc.words[chain.start].lower.as_str();
    // (French "de nombreux habitants", "des responsables": a determiner, not a preposition.)
    let determiner = g.noun_first && g.determiners.contains(&first);
    if g.prepositions.contains(&first) && !determiner {
        let at = doc.words[chain.start].bytes.clone();
        if !actors.mentions[actors.in_range(&at)].iter().any(|m| m.span.start_byte == at.start) {
            return None;
        }
    }
    // A person introduced by the whole phrase: "Minister of Foreign Affairs NAME".
    let whole =
        actors.in_range(&(doc.words[chain.start].bytes.start..doc.words[chain.end - 1].bytes.end));
    if let Some(m) = whole.clone().find(|&m| {
        let x = &actors.mentions[m];
        x.form == MentionForm::Introduction && x.words == chain && !x.nested && !x.possessive
    }) {
        return Some(Source::Mention(m));
    }
    let h = head(doc, chain.clone());
    if h.is_empty() {
        return None;
    }
    let last = h.end - 1;
    let pronoun = g.subject_pronouns.contains(&doc.words[last].lower.as_str());
    if pronoun && (!doc.capitalised(last) || h.len() == 1) {
        return Some(Source::Pronoun(last));
    }
    // From the phrase's start: "the Secretary" is a title mention that starts at "the".
    let mentions =
        actors.in_range(&(doc.words[chain.start].bytes.start..doc.words[last].bytes.end));
    // The country may be named in the first prepositional phrase ("the government in Khartoum").
    let named_end = name_words(doc, h.clone(), chain.end).end;
    let country_mentions =
        actors.in_range(&(doc.words[h.start].bytes.start..doc.words[named_end - 1].bytes.end));
    let country = country_mentions.clone().find_map(|m| {
        let mention = &actors.mentions[m];
        (actors.actors[mention.actor].kind == ActorKind::Country).then_some(mention.actor)
    });
    // A mention that ends the head, as long as it is no modifier ("Malian", "Mali's").
    // A name may end before a hyphenated lowercase part ("Ki-moon").
    let hyphen_tail = doc.gap_before(last) == "-" && !doc.capitalised(last);
    let ending = mentions.clone().rev().find(|&m| {
        let mention = &actors.mentions[m];
        (mention.words.end == h.end || hyphen_tail && mention.words.end == last) && !mention.nested
    });
    if let Some(m) = ending {
        let mention = &actors.mentions[m];
        // A country's name right after a capitalised word nobody introduced is part of a
        // person's name, not the country ("Issa Togo" is not Togo).
        let start = mention.words.start;
        let in_name = mention.form == MentionForm::Name
            && actors.actors[mention.actor].kind == ActorKind::Country
            && start > h.start
            && doc.capitalised(start - 1)
            && doc.gap_before(start).trim().is_empty()
            && actors.in_range(&doc.words[start - 1].bytes).is_empty();
        if in_name {
            return Some(Source::Named { words: start - 1..mention.words.end, country: None });
        }
        if mention.form != MentionForm::Demonym && !mention.possessive {
            return Some(Source::Mention(m));
        }
    }
    // The head noun: last in English ("Malian officials"), first in French ("des
    // responsables maliens").
    // An adjective may come first in French too ("un ancien responsable", "la même source").
    let noun_at = if g.noun_first {
        (h.start..h.end.min(h.start + 3))
            .find(|&k| source_noun(doc, &doc.words[k].lower).is_some())
            .unwrap_or(h.start)
    } else {
        last
    };
    let lower = doc.words[noun_at].lower.as_str();
    if let Some(noun) =
        source_noun(doc, lower).filter(|_| !doc.capitalised(noun_at) || noun_at == h.start)
    {
        let indefinite =
            chain.start < h.start && g.indefinite.contains(&doc.words[h.start - 1].lower.as_str());
        // A document's author: "Russia's statement", "a report from Amnesty International".
        if noun.kind == NounKind::Document {
            let owner = mentions.clone().rev().find(|&m| {
                let mention = &actors.mentions[m];
                mention.possessive && mention.words.end < h.end && !mention.nested
            });
            if let Some(m) = owner {
                return Some(Source::Mention(m));
            }
            if let Some(author) = author(doc, actors, names, h.end, chain.end) {
                return Some(author);
            }
        }
        let words = name_words(doc, h.clone(), chain.end);
        return Some(Source::Described { words, head: noun_at, noun, country, indefinite });
    }
    // "un ancien guide touristique a indiqué": one person the text introduces by a noun the
    // lexicon lacks, with an indefinite article and at most three lowercase words. Only where
    // the noun comes first: in English the phrase before a cue that is also a noun ("a
    // recent report …") would be read as "a recent" speaking.
    let article =
        (g.noun_first && chain.start < h.start).then(|| doc.words[h.start - 1].lower.as_str());
    let lowercase = (h.start..h.end).all(|k| !doc.capitalised(k) && !possessive(doc, k));
    if let Some(a) = article.filter(|a| g.indefinite.contains(a)) {
        if lowercase && h.len() <= 3 && mentions.is_empty() {
            // "un" is masculine, "une" feminine.
            let gender = match g.indefinite.iter().position(|x| *x == a) {
                Some(0) => Gender::Male,
                Some(1) => Gender::Female,
                _ => Gender::Unknown,
            };
            let noun = SourceNoun { kind: NounKind::Role, many: false, gender };
            let head = h.start;
            let words = name_words(doc, h.clone(), chain.end);
            return Some(Source::Described { words, head, noun, country, indefinite: true });
        }
    }
    // Capitalised words at the end of the head that no mention covers: an uncatalogued name.
    if doc.capitalised(last) && !possessive(doc, last) {
        let mut start = last;
        while start > h.start
            && (doc.capitalised(start - 1) || g.of.contains(&doc.words[start - 1].lower.as_str()))
            && !possessive(doc, start - 1)
        {
            start -= 1;
        }
        // A country or name covering part of it belongs to it ("U.S. Africa Command").
        if g.of.contains(&doc.words[start].lower.as_str()) {
            start += 1;
        }
        // One capitalised word opening the sentence is a common noun as often as a name
        // ("Posters in Bamako …"); it is a name when the text capitalises it elsewhere too,
        // and an acronym is a name.
        let opens_sentence = doc.opens_sentence(start);
        let acronym = doc.word_text(start).chars().all(|c| c.is_uppercase());
        if start + 1 == h.end
            && opens_sentence
            && !acronym
            && !names.contains(doc, doc.word_text(start))
        {
            return None;
        }
        if start + 1 == h.end && g.calendar.contains(&doc.words[start].lower.as_str()) {
            return None;
        }
        return Some(Source::Named { words: start..h.end, country });
    }
    None
}

/// The capitalised words a text uses inside sentences (not as a sentence's first word): names,
/// as opposed to common nouns capitalised only because they open a sentence.
/// Computed on first use: most texts never ask.
#[derive(Debug, Default)]
pub struct Names(std::cell::OnceCell<std::collections::HashSet<String>>);

impl Names {
    pub fn contains(&self, doc: &Document, word: &str) -> bool {
        self.0
            .get_or_init(|| {
                let mut set = std::collections::HashSet::new();
                for range in &doc.sentences {
                    let words = doc.words_in(range.clone());
                    for w in words.start + 1..words.end {
                        if doc.capitalised(w) {
                            set.insert(doc.word_text(w).to_string());
                        }
                    }
                }
                set
            })
            .contains(word)
    }
}

/// The author of a document from `of`/`from`/`by` + a name right after its head.
fn author(doc: &Document, actors: &Actors, names: &Names, at: usize, end: usize) -> Option<Source> {
    let g = doc.grammar();
    if at + 1 >= end || !g.author_of.contains(&doc.words[at].lower.as_str()) {
        return None;
    }
    let mut e = at + 1;
    while e < end && !g.prepositions.contains(&doc.words[e].lower.as_str()) {
        e += 1;
    }
    match resolve(doc, actors, names, at + 1..e)? {
        s @ (Source::Mention(_) | Source::Named { .. }) => Some(s),
        _ => None,
    }
}

/// The words that name a described source: its head and, for a short one, the first
/// prepositional phrase ("spokesman for the rebels", "critics of the deal").
fn name_words(doc: &Document, h: Range<usize>, end: usize) -> Range<usize> {
    let g = doc.grammar();
    let mut e = h.end;
    if e < end && g.source_complements.contains(&doc.words[e].lower.as_str()) {
        let mut k = e + 1;
        while k < end && k < e + 7 && !g.prepositions.contains(&doc.words[k].lower.as_str()) {
            k += 1;
        }
        if k > e + 1 {
            e = k;
        }
    }
    h.start..e
}

/// The display name of a source's words: as written, without leading determiners.
pub fn words_text(doc: &Document, words: Range<usize>) -> String {
    let text = &doc.text[doc.words[words.start].bytes.start..doc.words[words.end - 1].bytes.end];
    let text = text.strip_suffix("'s").or_else(|| text.strip_suffix("\u{2019}s")).unwrap_or(text);
    text.to_string()
}

/// The kind of actor an uncatalogued name is.
pub fn named_kind(doc: &Document, words: Range<usize>) -> ActorKind {
    let acronym = |w: usize| {
        let t = doc.word_text(w);
        t.chars().count() >= 2
            && t.chars().all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
    };
    let org = words.clone().any(|w| {
        doc.grammar().organisation_words.contains(&doc.words[w].lower.as_str()) || acronym(w)
    });
    if org || words.len() > 4 {
        ActorKind::Institution
    } else {
        ActorKind::Person
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_source_nouns_parse() {
        let en = nouns(Language::English);
        assert!(en.len() > 100);
        let get = |l: Language, w: &str| nouns(l).get(w).copied();
        assert_eq!(
            get(Language::English, "spokeswoman").map(|s| (s.kind, s.many, s.gender)),
            Some((NounKind::Role, false, Gender::Female))
        );
        assert_eq!(
            get(Language::English, "residents").map(|s| (s.kind, s.many)),
            Some((NounKind::People, true))
        );
        assert_eq!(get(Language::English, "ministry").map(|s| s.kind), Some(NounKind::Body));
        assert_eq!(get(Language::English, "communiqué").map(|s| s.kind), Some(NounKind::Document));
        assert_eq!(get(Language::English, "collaboration"), None);
        assert!(nouns(Language::French).len() > 80);
        assert_eq!(
            get(Language::French, "porte-parole").map(|s| (s.kind, s.many)),
            Some((NounKind::Role, false))
        );
        assert_eq!(
            get(Language::French, "habitants").map(|s| (s.kind, s.many)),
            Some((NounKind::People, true))
        );
        assert_eq!(get(Language::French, "communiqué").map(|s| s.kind), Some(NounKind::Document));
        assert_eq!(get(Language::French, "collaboration"), None);
    }

    #[test]
    fn a_mistyped_source_line_names_its_line() {
        let bad: &[(&'static str, &str)] = &[
            (
                "spokesman | rol | one | male\n",
                "sources.txt:1: unknown kind \"rol\" (one of: role, people, body, document)",
            ),
            (
                "aide | role | single | any\n",
                "sources.txt:1: unknown number \"single\" (one of: one, many)",
            ),
            (
                "aide | role | one | any\naide | role | one | any\n",
                "sources.txt:2: \"aide\" is listed twice",
            ),
        ];
        for (text, want) in bad {
            assert_eq!(
                parse("sources.txt", text).err().map(|e| e.to_string()).as_deref(),
                Some(*want)
            );
        }
    }

    #[test]
    fn heads_stop_at_prepositions_and_participles() {
        let article = crate::article::text::read_text(
            "date 2025-06-12 (T) Critics of the deal in Bamako say no. Senators holding hearings said yes. One of the rebel groups said so. The Ministry of Foreign Affairs said so.",
            None,
        )
        .unwrap();
        let doc = Document::new(&article);
        let head_text = |s: usize, len: usize| {
            let first = doc.words_in(doc.sentences[s].clone()).start;
            let h = head(&doc, first..first + len);
            doc.words[h].iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ")
        };
        assert_eq!(head_text(0, 6), "critics");
        assert_eq!(head_text(1, 3), "senators");
        assert_eq!(head_text(2, 5), "rebel groups");
        // Inside a capitalised name a preposition is part of it (not after its first word).
        assert_eq!(head_text(3, 5), "ministry");
    }
}
