//! Stage 2: reporting cues. The lexicon (`data/cues.txt`: words, category, frame) and where a
//! cue stands in a sentence as a finite verb.
//!
//! A cue's verb is matched by its inflections (generated from the base form, so one line
//! covers "say", "says", "saying"; irregular forms have lines of their own), never by stem:
//! "reporters" and "reportedly" share the stem of "report" but are no verbs. The words after
//! the verb are matched by stem ("concerns", "concern"). Its *frame* says
//! what follows it and so where the content is (see the data file): `said that …`,
//! `told reporters that …`, `urged an end to …`, `released a statement saying …`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::super::fnv::Fnv;
use super::super::language::Language;
use super::super::lexicon;
use super::super::statements::Category;
use super::super::text::Document;

/// What a cue takes after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// A clause or a quotation; may follow a quotation inverted (`"…," said X`).
    Speech,
    /// An audience, then the clause.
    Tell,
    /// A noun phrase or clause.
    Object,
    /// A document, then "saying" or "that".
    Statement,
    /// A position, which is speech only when a clause or quotation follows ("agreed that …",
    /// "refused: \"…\""), not an act ("agreed to meet", "refused the offer").
    Stance,
}

#[derive(Debug)]
pub struct Cue {
    /// The verb's inflections, lowercase ("add", "adds", "added", "adding").
    pub verb_forms: Vec<String>,
    /// Forms that are a verb only after an auxiliary (French past participles: "déclaré").
    pub participles: Vec<String>,
    /// The words that must follow, as stems ("appreci" for "express appreciation").
    pub rest: Vec<String>,
    /// `None` for `content`: decided by what was said.
    pub category: Option<Category>,
    pub frame: Frame,
}

/// The cues, and verb form -> the cues it can start.
pub struct CueTable {
    pub cues: Vec<Cue>,
    by_form: HashMap<String, Vec<usize>, Fnv>,
}

/// The compiled-in lexicon of each language: (file name, text).
const FILES: [(&str, &str); 2] = [
    ("cues.txt", include_str!("../data/cues.txt")),
    ("fr/cues.txt", include_str!("../data/fr/cues.txt")),
];

/// The cue lexicon of a language.
pub fn table(language: Language) -> &'static CueTable {
    static TABLES: [OnceLock<CueTable>; 2] = [OnceLock::new(), OnceLock::new()];
    TABLES[language.index()].get_or_init(|| {
        let (file, text) = FILES[language.index()];
        parse_in(language, file, text).unwrap_or_else(|e| panic!("{e}"))
    })
}

const FRAMES: &[(&str, Frame)] = &[
    ("speech", Frame::Speech),
    ("tell", Frame::Tell),
    ("object", Frame::Object),
    ("statement", Frame::Statement),
    ("stance", Frame::Stance),
];

/// Parses an English cue lexicon in the data-file format (`words | category | frame`).
pub fn parse(text: &'static str) -> Result<CueTable, lexicon::LexiconError> {
    parse_in(Language::English, "cues.txt", text)
}

/// Parses a cue lexicon of `language`.
pub fn parse_in(
    language: Language,
    file: &'static str,
    text: &'static str,
) -> Result<CueTable, lexicon::LexiconError> {
    let stemmer = rust_stemmers::Stemmer::create(language.stemmer());
    let stem = |w: &str| stemmer.stem(w).into_owned();
    // `content`, or one of the categories by its key.
    let categories: Vec<(&str, Option<Category>)> = std::iter::once(("content", None))
        .chain(Category::ALL.into_iter().map(|c| (c.key(), Some(c))))
        .collect();
    let mut cues = Vec::new();
    for row in lexicon::parse(file, text, 3..=3)? {
        let words = row.required(0, "cue words")?;
        let category = row.choice(1, "category", &categories)?;
        let frame = row.choice(2, "frame", FRAMES)?;
        let mut words = words.split_whitespace();
        let verb = words.next().unwrap_or_default();
        if !verb.chars().all(|c| c.is_lowercase()) {
            return Err(row.error(format!("the verb \"{verb}\" must be lowercase letters")));
        }
        let (verb_forms, participles) = match language {
            Language::English => (inflections(verb), Vec::new()),
            Language::French => super::conjugation::french_forms(verb),
        };
        let rest = words.map(stem).collect();
        cues.push(Cue { verb_forms, participles, rest, category, frame });
    }
    let mut by_form: HashMap<String, Vec<usize>, Fnv> = HashMap::default();
    for (i, cue) in cues.iter().enumerate() {
        for form in cue.verb_forms.iter().chain(&cue.participles) {
            let cues = by_form.entry(form.clone()).or_default();
            if cues.last() != Some(&i) {
                cues.push(i);
            }
        }
    }
    Ok(CueTable { cues, by_form })
}

/// The regular inflections of an English verb: base, third person, past, present participle
/// ("deny": denies, denied, denying; "admit": admits, admitted, admitting).
pub fn inflections(verb: &str) -> Vec<String> {
    let mut forms = vec![verb.to_string()];
    let chars: Vec<char> = verb.chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiou".contains(c);
    if let Some(stem) = verb.strip_suffix('y').filter(|_| n > 1 && !vowel(chars[n - 2])) {
        forms.extend([format!("{stem}ies"), format!("{stem}ied"), format!("{verb}ing")]);
    } else if let Some(stem) = verb.strip_suffix('e').filter(|_| !verb.ends_with("ee")) {
        forms.extend([format!("{verb}s"), format!("{verb}d"), format!("{stem}ing")]);
    } else {
        let sibilant = ["s", "x", "z", "ch", "sh"].iter().any(|e| verb.ends_with(e));
        forms.push(if sibilant { format!("{verb}es") } else { format!("{verb}s") });
        if verb.ends_with("ee") {
            forms.extend([format!("{verb}d"), format!("{verb}ing")]);
        } else {
            forms.extend([format!("{verb}ed"), format!("{verb}ing")]);
        }
        // A short final stressed syllable doubles its consonant: "admitted", "planned".
        let cvc = n >= 3
            && !vowel(chars[n - 1])
            && !"wxy".contains(chars[n - 1])
            && vowel(chars[n - 2])
            && !vowel(chars[n - 3]);
        if cvc
            && (n <= 4
                || [
                    "admit", "commit", "submit", "regret", "refer", "prefer", "omit", "permit",
                    "rebut", "control", "compel", "propel", "dispel", "expel",
                ]
                .contains(&verb))
        {
            let last = chars[n - 1];
            forms.extend([format!("{verb}{last}ed"), format!("{verb}{last}ing")]);
        }
    }
    forms
}

/// Words a noun of a multi-word cue may have before it ("issued a joint statement").
const NOUN_GAP: usize = 2;

impl CueTable {
    /// Whether `lower` can start a cue (one hash look-up: the test made for every word).
    pub fn starts_cue(&self, lower: &str) -> bool {
        self.by_form.contains_key(lower)
    }

    /// The cue starting at word `w` (the longest), with the words it covers; `end` is the
    /// sentence's end word.
    pub fn at(
        &'static self,
        doc: &Document,
        w: usize,
        end: usize,
    ) -> Option<(&'static Cue, Range<usize>)> {
        let mut best: Option<(&'static Cue, Range<usize>)> = None;
        for cue in
            self.by_form.get(&doc.words[w].lower).into_iter().flatten().map(|&i| &self.cues[i])
        {
            let Some(covered) = follow(doc, w + 1, end, &cue.rest) else { continue };
            if best.as_ref().is_none_or(|(b, r)| {
                covered > r.end || (covered == r.end && b.rest.len() < cue.rest.len())
            }) {
                best = Some((cue, w..covered));
            }
        }
        best
    }
}

/// Matches the stems `rest` from word `k`; returns the end word.
fn follow(doc: &Document, mut k: usize, end: usize, rest: &[String]) -> Option<usize> {
    for stem in rest {
        let noun = stem.len() >= 4;
        let limit = if noun { NOUN_GAP } else { 0 };
        let mut skipped = 0;
        loop {
            if k >= end || !doc.gap_before(k).trim().is_empty() {
                return None;
            }
            if doc.words[k].stem == *stem {
                k += 1;
                break;
            }
            if skipped == limit {
                return None;
            }
            skipped += 1;
            k += 1;
        }
    }
    Some(k)
}

/// `X was quoted (by an outlet) as saying …`: the wire services' passive of reported speech,
/// whose speaker is the passive's subject. The cue covers "quoted … saying".
pub fn quoted_as_saying(
    doc: &Document,
    w: usize,
    first: usize,
    end: usize,
) -> Option<(&'static Cue, Range<usize>)> {
    static QUOTED: OnceLock<Cue> = OnceLock::new();
    if doc.words[w].lower != "quoted"
        || w == first
        || !doc.grammar().passive.contains(&doc.words[w - 1].lower.as_str())
    {
        return None;
    }
    let as_at = (w + 1..end.min(w + 8)).find(|&k| doc.words[k].lower == "as")?;
    let saying = as_at + 1;
    (saying < end && doc.words[saying].lower == "saying").then(|| {
        let cue = QUOTED.get_or_init(|| Cue {
            verb_forms: vec!["quoted".into()],
            participles: Vec::new(),
            rest: Vec::new(),
            category: None,
            frame: Frame::Speech,
        });
        (cue, w..saying + 1)
    })
}

/// Whether word `w`, a form of `cue`, is a finite verb (or a progressive or perfect one)
/// here, not a participle, infinitive, noun or passive. `first` is the sentence's first word.
pub fn finite(doc: &Document, w: usize, first: usize, cue: &Cue) -> bool {
    match doc.language {
        Language::English => finite_english(doc, w, first),
        Language::French => finite_french(doc, w, first, cue),
    }
}

/// French: a past participle is a verb after an auxiliary ("a déclaré", "ont-ils affirmé",
/// "s'est félicité"; "est" only with a reflexive, else it is a passive or a state); another
/// form is one unless an article, preposition or passive stands before it.
fn finite_french(doc: &Document, w: usize, first: usize, cue: &Cue) -> bool {
    let g = doc.grammar();
    let lower = doc.words[w].lower.as_str();
    if doc.capitalised(w) && w > first {
        return false;
    }
    let mut k = w;
    let mut aux = None;
    while k > first {
        let gap = doc.gap_before(k);
        if !(gap.trim().is_empty() || gap == "-") {
            break;
        }
        let p = doc.words[k - 1].lower.as_str();
        if g.perfect.contains(&p) {
            aux = Some(k - 1);
            break;
        }
        // Fillers first: "de son côté", "l'a dit" hold words that are also determiners.
        if g.verb_fillers.contains(&p) || g.inverted_clitics.contains(&p) {
            k -= 1;
            continue;
        }
        if g.passive.contains(&p) || g.not_before_verb.contains(&p) {
            return false;
        }
        break;
    }
    match aux {
        Some(a) if ["est", "sont", "était"].contains(&doc.words[a].lower.as_str()) => {
            a > first && ["s'", "se"].contains(&doc.words[a - 1].lower.as_str())
        }
        Some(_) => true,
        None => {
            !cue.participles.iter().any(|p| p == lower) || cue.verb_forms.iter().any(|f| f == lower)
        }
    }
}

fn finite_english(doc: &Document, w: usize, first: usize) -> bool {
    let g = doc.grammar();
    let lower = doc.words[w].lower.as_str();
    if doc.capitalised(w) && w > first {
        return false;
    }
    let prev = (w > first && doc.gap_before(w).trim().is_empty()).then(|| {
        let mut k = w - 1;
        // Adverbs between: "has heatedly denied", "is also calling".
        while k > first && (doc.words[k].lower.ends_with("ly") || doc.words[k].lower == "also") {
            k -= 1;
        }
        doc.words[k].lower.as_str()
    });
    if lower.ends_with("ing") {
        // Only progressive: "is calling for", "are denying".
        return prev.is_some_and(|p| ["is", "are", "was", "were", "am"].contains(&p));
    }
    if let Some(p) = prev {
        if g.not_before_verb.contains(&p) {
            return false;
        }
        if g.passive.contains(&p) && lower.ends_with('d') {
            return false;
        }
    }
    // "said to be": hearsay, not a statement.
    if doc.words.get(w + 1).is_some_and(|n| n.lower == "to")
        && doc.words.get(w + 2).is_some_and(|n| n.lower == "be" || n.lower == "have")
        && prev.is_some_and(|p| g.passive.contains(&p))
    {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_lexicon_parses_and_covers_the_common_cues() {
        let t = table(Language::English);
        assert!(t.cues.len() > 140);
        for form in [
            "said", "says", "told", "added", "denied", "denies", "claimed", "urged", "insisted",
            "warned", "according",
        ] {
            if form != "according" {
                assert!(t.starts_cue(form), "{form}");
            }
        }
        // No stem matching: nouns and adverbs that share a stem with a verb are no cues.
        for form in ["reporters", "reportedly", "statements", "claimant", "according"] {
            assert!(!t.starts_cue(form), "{form}");
        }
    }

    #[test]
    fn inflections_table() {
        let cases: &[(&str, &[&str])] = &[
            ("say", &["say", "says", "sayed", "saying"]),
            ("deny", &["deny", "denies", "denied", "denying"]),
            ("urge", &["urge", "urges", "urged", "urging"]),
            ("stress", &["stress", "stresses", "stressed", "stressing"]),
            ("admit", &["admit", "admits", "admitted", "admitting", "admited", "admiting"]),
            ("agree", &["agree", "agrees", "agreed", "agreeing"]),
        ];
        for (verb, want) in cases {
            let mut got = inflections(verb);
            got.sort();
            let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
            want.sort();
            assert_eq!(got, want, "{verb}");
        }
    }

    #[test]
    fn a_mistyped_lexicon_line_names_its_line() {
        let bad: &[(&'static str, &str)] = &[
            ("say | contnet | speech\n", "cues.txt:1: unknown category \"contnet\" (one of: content, praise, cooperate, aid, appeal, criticize, reject, neutral)"),
            ("# c\nsay | content | speach\n", "cues.txt:2: unknown frame \"speach\" (one of: speech, tell, object, statement, stance)"),
            ("Say | content | speech\n", "cues.txt:1: the verb \"Say\" must be lowercase letters"),
            ("say | content\n", "cues.txt:1: 2 fields, expected 3 separated by |"),
        ];
        for (text, want) in bad {
            assert_eq!(parse(text).err().map(|e| e.to_string()).as_deref(), Some(*want));
        }
    }

    #[test]
    fn multi_word_cues_take_a_noun_after_up_to_two_words() {
        let article = crate::article::text::read_text(
            "date 2025-06-12 (T) They shared their deep concerns. They called for calm. They called the envoy for talks.",
            None,
        )
        .unwrap();
        let doc = Document::new(&article);
        let cue_at = |word: &str, nth: usize| {
            let w =
                doc.words.iter().enumerate().filter(|(_, x)| x.lower == word).nth(nth).unwrap().0;
            let end = doc
                .words_in(doc.sentences[doc.sentence_at(doc.words[w].bytes.start).unwrap()].clone())
                .end;
            table(Language::English).at(&doc, w, end).map(|(c, r)| (c.category, r.len()))
        };
        assert_eq!(cue_at("shared", 0), Some((Some(Category::Criticize), 4)));
        assert_eq!(cue_at("called", 0), Some((Some(Category::Appeal), 2)));
        // A particle must follow at once: "called the envoy for" is no "call for".
        assert_eq!(cue_at("called", 1), None);
    }
}
