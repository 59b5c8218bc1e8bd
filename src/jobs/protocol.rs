//! The messages between the app's page and its analysis worker, as JSON text.
//!
//! Every message is `{"v": VERSION, "body": {"<kind>": {...}}}` (a message without data, as
//! `"ready"`, is its kind alone): serde's external tagging, which names the variant before its
//! fields, so a reader reads them once and straight into their types (an internally or
//! adjacently tagged body is read into a buffered copy first, or may be, which costs the page
//! half its time on a long article's messages, and the code for both ways). Either side
//! reads a message with [`read`], which refuses one of another version or of the wrong shape
//! with a [`ProtocolError`] the receiver logs, and then ignores the message: a page and a
//! worker of two deployments (a cached worker, a page not reloaded) never act on each
//! other's messages. [`write`] is the one way to make a message.
//!
//! Jobs are numbered by the page. A reply names its job, and the page takes only the replies
//! of its latest one; the worker gives up a job as soon as it sees a newer one.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::analysis::corpus::Stage;
use crate::analysis::search::CorpusHit;
use crate::analysis::themes::{ThemeDef, ThemeError, ThemeSet};
use crate::analysis::{
    Analysis, Language, Paragraph, ReferencedEvent, Sentence, Statement, ThemeHit,
};
use crate::article::Article;
use crate::export::statements::StatementRow;

/// The version of the messages; a message of another is refused.
pub const VERSION: u32 = 2;

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToWorker {
    /// Paragraphs of article `article` of job `job`'s corpus, ahead of its `open`, in order:
    /// a long text crosses in parts ([`open_messages`]), so the page writes each in a short
    /// task. The worker puts them before the paragraphs the `open` holds ([`join_text`]).
    Text { job: u64, article: usize, paragraphs: Vec<String> },
    /// The articles to work on from now on, analysed at once with `themes`.
    Open { job: u64, corpus: Corpus, themes: Themes },
    /// The open articles analysed again: other themes, or an article read in another
    /// language (`languages[k]` for article `k`).
    Analyse { job: u64, themes: Themes, languages: Vec<Language> },
    /// The words `query` in every open article, at most `limit` hits with `context`
    /// characters each side.
    Search { job: u64, query: String, context: usize, limit: usize },
}

/// What the worker tells the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FromWorker {
    /// The worker started and reads messages of [`VERSION`].
    Ready,
    /// `done` of `total` articles through `stage` of job `job`.
    Progress { job: u64, stage: Stage, done: usize, total: usize },
    /// Article `article`'s analysis, final for job `job`, as [`pack`] sends it: without its
    /// long lists when they are long, which follow in `more` messages. Each article comes in
    /// messages of its own, so the page reads them in short tasks.
    Analysed { job: u64, article: usize, analysis: Analysis },
    /// More of article `article`'s long lists, appended in order ([`unpack`]).
    More { job: u64, article: usize, more: More },
    /// Every article of job `job` was sent.
    Done { job: u64 },
    /// The hits of a search.
    Found { job: u64, hits: Vec<CorpusHit> },
    /// Job `job` (or the worker, when `None`) could not go on; `message` says why in words.
    Failed { job: Option<u64>, message: String },
}

/// A part of one of an analysis's long lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum More {
    Paragraphs(Vec<Paragraph>),
    Sentences(Vec<Sentence>),
    ThemeHits(Vec<ThemeHit>),
    Statements(Vec<Statement>),
    Events(Vec<ReferencedEvent>),
}

/// Items of each long list per message: about 250 to 500 KB of JSON, which the page reads in
/// one task of well under 50 ms (about 40 ms on the bench machine at twice these).
const PARAGRAPHS_PER_PART: usize = 1_500;
const SENTENCES_PER_PART: usize = 3_000;
const HITS_PER_PART: usize = 3_000;
const STATEMENTS_PER_PART: usize = 300;
const EVENTS_PER_PART: usize = 1_000;

/// Text per [`ToWorker::Text`] message, about.
const TEXT_PART_BYTES: usize = 256_000;

/// The messages that open `corpus` in the worker: each long article's paragraphs in
/// [`ToWorker::Text`] parts of about [`TEXT_PART_BYTES`], then the `open` with the rest.
pub fn open_messages(job: u64, mut corpus: Corpus, themes: Themes) -> Vec<ToWorker> {
    let mut out = Vec::new();
    for (article, a) in corpus.articles.iter_mut().enumerate() {
        let mut rest = std::mem::take(&mut a.paragraphs);
        loop {
            let (mut end, mut bytes) = (0, 0);
            while end < rest.len() && bytes < TEXT_PART_BYTES {
                bytes += rest[end].len();
                end += 1;
            }
            // The last part stays in the `open` (an article there always has text).
            if end == rest.len() {
                break;
            }
            let tail = rest.split_off(end);
            out.push(ToWorker::Text { job, article, paragraphs: rest });
            rest = tail;
        }
        a.paragraphs = rest;
    }
    out.push(ToWorker::Open { job, corpus, themes });
    out
}

/// Puts the [`ToWorker::Text`] parts received, `(article, paragraphs)` in order, before the
/// paragraphs of `corpus`'s articles: the corpus the page opened. A part for an article the
/// corpus lacks is an error.
pub fn join_text(corpus: &mut Corpus, parts: Vec<(usize, Vec<String>)>) -> Result<(), String> {
    let mut before: Vec<Vec<String>> = vec![Vec::new(); corpus.articles.len()];
    for (article, mut paragraphs) in parts {
        let n = corpus.articles.len();
        let slot = before
            .get_mut(article)
            .ok_or_else(|| format!("text for article {} of {n}", article + 1))?;
        slot.append(&mut paragraphs);
    }
    for (a, mut text) in corpus.articles.iter_mut().zip(before) {
        if !text.is_empty() {
            text.append(&mut a.paragraphs);
            a.paragraphs = text;
        }
    }
    Ok(())
}

/// The messages that carry `analysis` to the page: [`FromWorker::Analysed`] and as many
/// [`FromWorker::More`] as its long lists need. What the page never reads is not sent: the
/// mentions and the time expressions (the statements carry their dates), about a fifth of a
/// long article's analysis.
pub fn pack(job: u64, article: usize, mut analysis: Analysis) -> Vec<FromWorker> {
    analysis.mentions = Vec::new();
    analysis.time_expressions = Vec::new();
    let mut out = Vec::new();
    let paragraphs = split_off(&mut analysis.paragraphs, PARAGRAPHS_PER_PART);
    let sentences = split_off(&mut analysis.sentences, SENTENCES_PER_PART);
    let hits = split_off(&mut analysis.theme_hits, HITS_PER_PART);
    let statements = split_off(&mut analysis.statements, STATEMENTS_PER_PART);
    let events = split_off(&mut analysis.events, EVENTS_PER_PART);
    out.push(FromWorker::Analysed { job, article, analysis });
    let more = |m| FromWorker::More { job, article, more: m };
    out.extend(paragraphs.into_iter().map(More::Paragraphs).map(more));
    out.extend(sentences.into_iter().map(More::Sentences).map(more));
    out.extend(hits.into_iter().map(More::ThemeHits).map(more));
    out.extend(statements.into_iter().map(More::Statements).map(more));
    out.extend(events.into_iter().map(More::Events).map(more));
    out
}

/// A list longer than `per` items, taken out of its analysis in parts of `per`; a shorter one
/// stays.
fn split_off<T>(list: &mut Vec<T>, per: usize) -> Vec<Vec<T>> {
    let mut parts = Vec::new();
    if list.len() > per {
        while !list.is_empty() {
            let at = per * ((list.len() - 1) / per);
            parts.push(list.split_off(at));
        }
        parts.reverse();
    }
    parts
}

/// Appends a [`More`] to the analysis it belongs to.
pub fn unpack(analysis: &mut Analysis, more: More) {
    match more {
        More::Paragraphs(mut v) => analysis.paragraphs.append(&mut v),
        More::Sentences(mut v) => analysis.sentences.append(&mut v),
        More::ThemeHits(mut v) => analysis.theme_hits.append(&mut v),
        More::Statements(mut v) => analysis.statements.append(&mut v),
        More::Events(mut v) => analysis.events.append(&mut v),
    }
}

/// The articles the worker works on, as the page read them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
    /// The language each article is read in.
    pub languages: Vec<Language>,
    /// For a statements file, each article's rows: its analysis is rebuilt from them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statements: Option<Vec<Vec<StatementRow>>>,
}

impl Corpus {
    /// What a page's message cannot hold: one language and (for a statements file) one list
    /// of rows per article, and articles with text.
    pub fn check(&self) -> Result<(), String> {
        let n = self.articles.len();
        if self.languages.len() != n {
            return Err(format!("{} languages for {n} articles", self.languages.len()));
        }
        if let Some(rows) = &self.statements {
            if rows.len() != n {
                return Err(format!("{} lists of statements for {n} articles", rows.len()));
            }
        }
        match self.articles.iter().position(|a| a.paragraphs.is_empty()) {
            Some(k) => Err(format!("article {} has no text", k + 1)),
            None => Ok(()),
        }
    }
}

/// The themes to find: the built-in ones but those switched off, and the user's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Themes {
    pub user: Vec<ThemeDef>,
    pub builtins_off: Vec<String>,
}

impl Themes {
    /// The theme set, or its error when a user's theme does not compile.
    pub fn set(&self) -> Result<ThemeSet, ThemeError> {
        ThemeSet::with_builtins_except(self.user.clone(), &self.builtins_off)
    }
}

#[derive(Serialize, Deserialize)]
struct Message<T> {
    v: u32,
    body: T,
}

/// Just the version of a message, read when the message itself cannot be.
#[derive(Deserialize)]
struct Versioned {
    v: u32,
}

/// Why a message was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProtocolError {
    /// A message of another version of the app.
    Version { found: u32 },
    /// Not a message of this version: not JSON, no `v`, or a body of the wrong shape.
    Shape(String),
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolError::Version { found } => {
                write!(f, "a message of version {found}, where this app reads version {VERSION}")
            }
            ProtocolError::Shape(why) => write!(f, "a message of the wrong shape ({why})"),
        }
    }
}

/// The message of `body`, as JSON text.
pub fn write<T: Serialize>(body: &T) -> String {
    serde_json::to_string(&Message { v: VERSION, body }).expect("messages serialise")
}

/// Reads a message, or says why it is refused.
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, ProtocolError> {
    match serde_json::from_str::<Message<T>>(text) {
        Ok(m) if m.v == VERSION => Ok(m.body),
        Ok(m) => Err(ProtocolError::Version { found: m.v }),
        Err(e) => match serde_json::from_str::<Versioned>(text) {
            Ok(m) if m.v != VERSION => Err(ProtocolError::Version { found: m.v }),
            _ => Err(ProtocolError::Shape(e.to_string())),
        },
    }
}
