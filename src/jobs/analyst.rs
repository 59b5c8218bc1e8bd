//! The worker's side of the work: the open articles read as documents, their analysis one
//! article per step, and searches over them.

use std::cell::OnceCell;

use crate::analysis::corpus::{CorpusWork, Stage};
use crate::analysis::search::{search_corpus, CorpusHit};
use crate::analysis::text::Document;
use crate::analysis::{Analysis, Language, ThemeSet};
use crate::article::Article;
use crate::export::statements::rebuild::rebuild;
use crate::export::statements::StatementRow;

use super::protocol::{Corpus, Themes};

/// The articles the worker works on, each read as a [`Document`] once, when its first step
/// (or a search) needs it: opening a big corpus reports progress from its first article.
pub struct Analyst {
    articles: Vec<Article>,
    languages: Vec<Language>,
    docs: Vec<OnceCell<Document>>,
    /// A statements file's rows, per article.
    rows: Option<Vec<Vec<StatementRow>>>,
}

impl Analyst {
    /// Reads the corpus's articles, or says what its message lacks ([`Corpus::check`]).
    pub fn open(corpus: Corpus) -> Result<Analyst, String> {
        corpus.check()?;
        let docs = corpus.articles.iter().map(|_| OnceCell::new()).collect();
        Ok(Analyst {
            articles: corpus.articles,
            languages: corpus.languages,
            docs,
            rows: corpus.statements,
        })
    }

    /// Article `k`'s document, read now if it was not yet.
    fn doc(&self, k: usize) -> &Document {
        self.docs[k].get_or_init(|| Document::in_language(&self.articles[k], self.languages[k]))
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Reads again each article whose language `languages` changes.
    pub fn set_languages(&mut self, languages: &[Language]) -> Result<(), String> {
        if languages.len() != self.len() {
            return Err(format!("{} languages for {} articles", languages.len(), self.len()));
        }
        for (k, l) in languages.iter().enumerate() {
            if self.languages[k] != *l {
                self.languages[k] = *l;
                self.docs[k] = OnceCell::new();
            }
        }
        Ok(())
    }

    /// The analysis of every article with `themes`, to run with [`Work::step`]. A user's theme
    /// that does not compile is left out (the page refuses it before it is saved).
    pub fn work(&self, themes: &Themes) -> Work {
        let themes = themes.set().unwrap_or_else(|_| {
            ThemeSet::with_builtins_except(Vec::new(), &themes.builtins_off)
                .expect("the built-in themes compile")
        });
        let kind = match &self.rows {
            Some(_) => Kind::Rebuild(Vec::with_capacity(self.len())),
            None => Kind::Corpus(CorpusWork::new(self.len())),
        };
        Work { themes, kind, total: self.len() }
    }

    /// The hits of `query` across the articles, in corpus and reading order.
    pub fn search(&self, query: &str, context: usize, limit: usize) -> Vec<CorpusHit> {
        let docs: Vec<&Document> = (0..self.len()).map(|k| self.doc(k)).collect();
        search_corpus(&docs, query, context, limit)
    }
}

/// One analysis of the open articles, a step at a time: a corpus analysed as one
/// ([`CorpusWork`]), or a statements file's analyses rebuilt from its rows.
pub struct Work {
    themes: ThemeSet,
    kind: Kind,
    total: usize,
}

enum Kind {
    Corpus(CorpusWork),
    /// The analyses rebuilt so far.
    Rebuild(Vec<Analysis>),
}

impl Work {
    /// Does one article's step; false once nothing is left to do.
    pub fn step(&mut self, analyst: &Analyst) -> bool {
        match &mut self.kind {
            Kind::Corpus(work) => {
                work.step(|k| (&analyst.articles[k], analyst.doc(k)), &self.themes)
            }
            Kind::Rebuild(done) => {
                let (k, rows) = (done.len(), analyst.rows.as_deref().unwrap_or_default());
                if let (Some(article), Some(r)) = (analyst.articles.get(k), rows.get(k)) {
                    done.push(rebuild(article, analyst.doc(k), r, &self.themes));
                }
                done.len() < self.total
            }
        }
    }

    /// Where the work stands: its stage, the articles done in it, and the articles in all.
    pub fn progress(&self) -> (Stage, usize, usize) {
        match &self.kind {
            Kind::Corpus(work) => {
                let (stage, done) = work.progress();
                (stage, done, self.total)
            }
            Kind::Rebuild(done) => (Stage::Reading, done.len(), self.total),
        }
    }

    /// The analyses, in article order.
    pub fn finish(self) -> Vec<Analysis> {
        match self.kind {
            Kind::Corpus(work) => work.finish(),
            Kind::Rebuild(done) => done,
        }
    }
}
