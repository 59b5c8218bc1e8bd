//! A corpus read as one: the articles' analyses, and one cast of actors across them.
//!
//! Each article is analysed alone first, exactly as a single article is. Then the people the
//! articles introduce with a full name are *known* to the corpus, and an article that names one
//! of them by surname alone without introducing them ("Lavrenko said", the introduction being
//! in last week's report) is analysed again knowing them ([`analyze_corpus`]). Last, the
//! [`cast`] merges the actors of every article into one list: one person under every spelling
//! of their name, their role and country from the article that states them.
//!
//! The analysis of a single article never changes: with one article there is no one to know.

pub mod cast;

pub use cast::{Cast, CastActor};

use super::actors::{ActorKind, KnownPerson};
use super::text::Document;
use super::themes::ThemeSet;
use super::{analyze_document, analyze_knowing, spelling, Analysis};
use crate::article::Article;

/// The people the analyses introduce with a role and a full name (two words or more), once
/// each by spelling: the ones another article may call by surname alone. A name the text
/// gives without a role is not enough ("West African" read as a name is no one to know).
pub fn known_people(analyses: &[&Analysis]) -> Vec<KnownPerson> {
    let mut known: Vec<(String, KnownPerson)> = Vec::new();
    for a in analyses {
        for actor in a.actors.iter().filter(|x| x.kind == ActorKind::Person) {
            if !actor.name.contains(' ') || actor.role.is_none() {
                continue;
            }
            let key: Vec<String> = actor.name.split(' ').map(spelling::key).collect();
            let key = key.join(" ");
            if known.iter().all(|(k, _)| *k != key) {
                known.push((key, KnownPerson { name: actor.name.clone(), gender: actor.gender() }));
            }
        }
    }
    known.into_iter().map(|(_, p)| p).collect()
}

/// Whether `doc` has a capitalised word that may be a known person's surname which its own
/// analysis did not make a person: the articles worth analysing again.
/// `known_surnames`: the spelling keys of the known people's surnames.
fn names_someone_known(doc: &Document, analysis: &Analysis, known_surnames: &[String]) -> bool {
    let own = super::actors::surname_keys(&analysis.actors);
    let wanted: Vec<&String> =
        known_surnames.iter().filter(|k| !own.iter().any(|o| spelling::same_word(o, k))).collect();
    !wanted.is_empty()
        && (0..doc.words.len()).any(|w| {
            let word = doc.word_text(w);
            super::grammar::is_capitalised(word) && {
                let key = spelling::key(super::grammar::strip_possessive(word).0);
                wanted.iter().any(|k| spelling::same_word(k, &key))
            }
        })
}

/// Analyses every article of a corpus (`docs[k]` is `articles[k]` read in its language): each
/// alone, then again, knowing the people the others introduced, each that names one of them
/// by surname only. The result is in article order.
pub fn analyze_corpus(
    articles: &[&Article],
    docs: &[&Document],
    themes: &ThemeSet,
) -> Vec<Analysis> {
    let mut work = CorpusWork::new(articles.len());
    while work.step(|k| (articles[k], docs[k]), themes) {}
    work.finish()
}

/// [`analyze_corpus`] one article at a time, for a caller that reports progress or gives up
/// between steps (the app's analysis worker): first each article alone ([`Stage::Reading`]),
/// then, in a corpus of two or more, each again that names someone another introduced
/// ([`Stage::Linking`]).
#[derive(Debug)]
pub struct CorpusWork {
    analyses: Vec<Analysis>,
    count: usize,
    /// The people known across the corpus and their surnames' keys, once every article has
    /// been read alone.
    known: Option<(Vec<KnownPerson>, Vec<String>)>,
    /// The next article of the current stage.
    next: usize,
}

/// The two stages of [`CorpusWork`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Each article analysed alone.
    Reading,
    /// The people one article introduces looked for in the others.
    Linking,
}

impl CorpusWork {
    pub fn new(count: usize) -> CorpusWork {
        CorpusWork { analyses: Vec::with_capacity(count), count, known: None, next: 0 }
    }

    /// Does one article's step; false once nothing is left to do.
    /// `article(k)`: article `k` and its document, asked for only when its step comes (so a
    /// caller may read each document then).
    pub fn step<'a>(
        &mut self,
        article: impl Fn(usize) -> (&'a Article, &'a Document),
        themes: &ThemeSet,
    ) -> bool {
        let k = self.next;
        match &self.known {
            None if k < self.count => {
                let (a, d) = article(k);
                self.analyses.push(analyze_document(a, d, themes));
                self.next += 1;
            }
            None if self.count < 2 => return false,
            None => {
                let known = known_people(&self.analyses.iter().collect::<Vec<_>>());
                let surnames = known.iter().map(|k| spelling::surname_key(&k.name)).collect();
                self.known = Some((known, surnames));
                self.next = 0;
                return true;
            }
            Some(_) if k >= self.count => return false,
            Some((known, surnames)) => {
                let (a, d) = article(k);
                if names_someone_known(d, &self.analyses[k], surnames) {
                    self.analyses[k] = analyze_knowing(a, d, themes, known);
                }
                self.next += 1;
            }
        }
        self.next < self.count || self.known.is_none() && self.count >= 2
    }

    /// Where the work stands: its stage and the articles done in it.
    pub fn progress(&self) -> (Stage, usize) {
        match self.known {
            None => (Stage::Reading, self.next),
            Some(_) => (Stage::Linking, self.next),
        }
    }

    /// The analyses, in article order (complete once [`CorpusWork::step`] returned false).
    pub fn finish(self) -> Vec<Analysis> {
        self.analyses
    }
}

/// [`analyze_corpus`] for articles read in their own languages.
pub fn analyze_articles(articles: &[Article], themes: &ThemeSet) -> Vec<Analysis> {
    let docs: Vec<Document> = articles.iter().map(Document::new).collect();
    analyze_corpus(&articles.iter().collect::<Vec<_>>(), &docs.iter().collect::<Vec<_>>(), themes)
}

/// A theme across a corpus: its hits in all, and in how many articles.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ThemeAcross {
    pub id: String,
    pub hits: u32,
    pub articles: usize,
}

/// Each theme's hits across the analyses, by theme id (an English and a French article share
/// their built-in themes' ids), in the order the themes first appear.
pub fn themes_across(analyses: &[&Analysis]) -> Vec<ThemeAcross> {
    let mut out: Vec<ThemeAcross> = Vec::new();
    for a in analyses {
        for t in &a.themes {
            let i = match out.iter().position(|x| x.id == t.id) {
                Some(i) => i,
                None => {
                    out.push(ThemeAcross { id: t.id.clone(), hits: 0, articles: 0 });
                    out.len() - 1
                }
            };
            out[i].hits += t.hits;
            out[i].articles += usize::from(t.hits > 0);
        }
    }
    out
}
