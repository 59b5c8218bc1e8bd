//! The workspace's state, apart from its components (as Leptos's examples keep it): the
//! loaded articles and their text, the analyses the worker makes and the corrections laid on
//! them, the corpus's cast, the user's themes, the selected statement, the article shown and
//! the find box (whose words the worker searches for). [`Ws`] is Copy; every view of the
//! workspace takes it.
//!
//! URL parameters kept here: `statement` (the selected statement: `c1096`, its cue's code
//! point in its article, or an older 1-based number across the corpus), `article` (the article
//! shown, 1-based, for corpora); the theme selection (`themes`) is
//! the reader's, the filters and lanes the timeline's.

use std::sync::Arc;

use leptos::prelude::*;

use super::analyst::Analyst;
use super::i18n::{count, fill};
use super::{storage, url};
use crate::analysis::corpus::Cast;
use crate::analysis::corrections::{self, Correction, Edit, StatementLink};
use crate::analysis::language;
use crate::analysis::text::Page;
use crate::analysis::themes::ThemeDef;
use crate::analysis::{Analysis, Language, Span};
use crate::article::Article;
use crate::export::statements::StatementRow;
use crate::jobs::{Corpus, Themes};

/// Search hits listed at most, and the characters of context each side of one.
pub const SEARCH_LIMIT: usize = 200;
const SEARCH_CONTEXT: usize = 48;

/// An analysis shared by the views; equal when it is the same computation.
#[derive(Clone)]
pub struct Shared(pub Arc<Analysis>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The corpus's cast, shared by the views; equal when it is the same computation.
#[derive(Clone)]
pub struct SharedCast(pub Arc<Cast>);

impl PartialEq for SharedCast {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The stable link of statement `(article, statement)` of `list` (`analyses` or `shown`),
/// which finds it again after statements are added or deleted before it.
fn link_in(list: Memo<Vec<Shared>>, (a, s): (usize, usize)) -> Option<(usize, StatementLink)> {
    list.with_untracked(|v| {
        v.get(a)?.0.statements.get(s).map(|st| (a, StatementLink::At(corrections::key(st))))
    })
}

/// `source`, one task later (see [`Ws::shown`]).
fn one_task_later<T: Clone + PartialEq + Send + Sync + 'static>(source: Memo<T>) -> Memo<T> {
    let later = RwSignal::new(source.get_untracked());
    Effect::new(move |_| {
        let value = source.get();
        set_timeout(move || drop(later.try_set(value)), std::time::Duration::ZERO);
    });
    Memo::new(move |_| later.get())
}

/// State shared by the reader and the timeline.
#[derive(Clone, Copy)]
pub struct Ws {
    pub articles: StoredValue<Vec<Arc<Article>>>,
    /// Each article's text, read in its language; replaced when the reader picks another.
    pub pages: RwSignal<Vec<Arc<Page>>>,
    /// One analysis per article, with the article's corrections applied: the text alone
    /// until the worker's first analysis arrives, then the latest (it is made again when the
    /// user's themes or an article's language change).
    pub analyses: Memo<Vec<Shared>>,
    /// `analyses` one task later: what the timeline panel draws (its items, table, relations
    /// and filters, with `cast`), so a long article's analysis arriving is two tasks, the
    /// reader's then the panel's. What acts on the analyses (corrections, exports, selection
    /// by link) reads `analyses`.
    pub shown: Memo<Vec<Shared>>,
    /// The analysis worker, and where its analysis stands.
    pub analyst: Analyst,
    /// One cast of actors across the corrected analyses (`analysis::corpus::Cast`): of
    /// `shown`, which it goes with.
    pub cast: Memo<SharedCast>,
    /// Each article's corrections, in the order they were made.
    pub corrections: RwSignal<Vec<Vec<Correction>>>,
    /// For each article, the corrections of its log that no longer match its text (indices).
    pub orphans: Memo<Vec<Vec<usize>>>,
    /// Articles whose last save failed: their log here holds more than the browser kept, so
    /// it is not replaced by the stored one before the next change.
    unsaved: StoredValue<Vec<bool>>,
    /// The article shown in the reader.
    pub current: RwSignal<usize>,
    /// The selected statement: (article, statement in its analysis).
    pub selected: RwSignal<Option<(usize, usize)>>,
    pub user_themes: RwSignal<Vec<ThemeDef>>,
    /// Ids of the built-in themes the user switched off for good.
    pub builtins_off: RwSignal<Vec<String>>,
    /// The theme selection as the URL's `themes` holds it; changed through
    /// [`Ws::set_themes_param`] only.
    pub themes_param: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<String>>,
    /// The find box's words, kept across articles (a corpus is searched whole).
    pub find: RwSignal<String>,
    /// A hit in another article the reader is to select once it shows that article.
    pub pending_find: RwSignal<Option<(usize, Span)>>,
    /// The articles came from a statements file: each is its statements' sentences, and its
    /// analysis was rebuilt from the file's rows, not made here.
    pub reopened: bool,
}

impl Ws {
    /// Whether what is shown is not yet the latest analysis: the worker is at work, or the
    /// panel has not caught up with the reader (the workspace is `aria-busy` meanwhile).
    pub fn busy(self) -> bool {
        self.analyst.status.with(|s| s.busy())
            || self.shown.with(|shown| self.analyses.with(|now| shown != now))
    }

    /// Reads article `k` again in `language` (the reader's choice over the declared or
    /// detected one); its analysis follows.
    pub fn set_language(&self, k: usize, language: Language) {
        let Some(article) = self.articles.with_value(|a| a.get(k).cloned()) else { return };
        if self.pages.with_untracked(|d| d.get(k).map(|d| d.language)) == Some(language) {
            return;
        }
        let page = Arc::new(Page::of(&article, language));
        self.pages.update(|d| d[k] = page);
    }

    /// Adds a correction to the shown article, with the quote of the words it is made on
    /// (so it finds its statement again if the text changes), and saves its log.
    pub fn correct(&self, edit: Edit) {
        let k = self.current.get_untracked();
        let c = self.analyses.with_untracked(|v| {
            self.pages.with_untracked(|d| Correction::quoted(edit, &v[k].0, &d[k].text))
        });
        self.change_corrections(|log| log.push(c));
    }

    /// Takes back the shown article's last correction.
    pub fn undo(&self) {
        self.change_corrections(|log| {
            log.pop();
        });
    }

    /// Takes a correction that no longer matches out of the shown article's log.
    pub fn forget(&self, c: &Correction) {
        self.change_corrections(|log| {
            if let Some(n) = log.iter().position(|x| x == c) {
                log.remove(n);
            }
        });
    }

    /// Replaces the shown article's corrections (an import).
    pub fn set_corrections(&self, log: Vec<Correction>) {
        self.change_corrections(|l| *l = log);
    }

    /// Changes the shown article's corrections and saves them. The change is made on the log
    /// as stored, so an edit made meanwhile in another tab of this article is kept (the last
    /// writer writes both).
    fn change_corrections(&self, change: impl FnOnce(&mut Vec<Correction>)) {
        let k = self.current.get_untracked();
        let stored = self.unsaved.with_value(|u| !u[k]).then(|| self.stored_log(k)).flatten();
        self.keeping_selection(|| {
            self.corrections.update(|all| {
                if let Some(stored) = stored {
                    all[k] = stored;
                }
                change(&mut all[k]);
            });
        });
        self.save_corrections(k);
    }

    /// Runs `change` (of corrections) and keeps the selected statement selected: a statement
    /// added or deleted renumbers the others, so it is found again by its link.
    fn keeping_selection(&self, change: impl FnOnce()) {
        let selected = self.selected_link();
        change();
        let found = selected.and_then(|l| self.find(l));
        if found != self.selected.get_untracked() {
            self.select(found);
        }
    }

    /// Article `k`'s log as the browser keeps it now, if it can be read.
    fn stored_log(&self, k: usize) -> Option<Vec<Correction>> {
        let id = self.articles.with_value(|a| corrections_id(&a[k], self.reopened));
        storage::stored_corrections(&id)
    }

    /// Another tab changed the stored corrections under `key`: the article they belong to
    /// takes them.
    fn storage_changed(&self, key: &str) {
        let count = self.articles.with_value(Vec::len);
        for k in 0..count {
            let id = self.articles.with_value(|a| corrections_id(&a[k], self.reopened));
            if storage::is_corrections_key(key, &id) && self.unsaved.with_value(|u| !u[k]) {
                if let Some(log) = self.stored_log(k) {
                    if self.corrections.with_untracked(|all| all[k] != log) {
                        self.keeping_selection(|| self.corrections.update(|all| all[k] = log));
                    }
                }
            }
        }
    }

    /// The selected statement as (article, its stable link).
    fn selected_link(&self) -> Option<(usize, StatementLink)> {
        link_in(self.analyses, self.selected.get_untracked()?)
    }

    /// The statement `link` names in article `a` of the latest analyses.
    fn find(&self, (a, link): (usize, StatementLink)) -> Option<(usize, usize)> {
        self.analyses.with_untracked(|v| link.find(&v.get(a)?.0)).map(|s| (a, s))
    }

    fn save_corrections(&self, k: usize) {
        let id = self.articles.with_value(|a| corrections_id(&a[k], self.reopened));
        let log = self.corrections.with_untracked(|all| all[k].clone());
        let saved = storage::save_corrections(&id, &log);
        self.unsaved.update_value(|u| u[k] = saved.is_err());
        if let Err(e) = saved {
            self.notice.set(Some(fill("corrections.not_saved", &[("error", &e)])));
        }
    }

    /// All statements of the corpus in order, as (article, statement).
    pub fn statement_keys(&self) -> Vec<(usize, usize)> {
        self.analyses.with(|v| {
            v.iter()
                .enumerate()
                .flat_map(|(k, a)| (0..a.0.statements.len()).map(move |s| (k, s)))
                .collect()
        })
    }

    /// Selects a statement (from the timeline, the table or its sentence): shows its article
    /// and records it in the URL.
    pub fn select(&self, key: Option<(usize, usize)>) {
        if let Some((article, _)) = key {
            if self.current.get_untracked() != article {
                self.current.set(article);
            }
        }
        self.selected.set(key);
        // The stable link (where its cue starts), so adding a statement does not send an old
        // link to another one; the article parameter says in which article of a corpus.
        let link = key.and_then(|(a, s)| {
            self.analyses.with_untracked(|v| v.get(a)?.0.statements.get(s).map(StatementLink::of))
        });
        url::set("statement", link.as_deref(), true);
        self.sync_article_param();
    }

    /// [`Ws::select`] for a statement as the panel numbers it: `shown` may be a task behind
    /// `analyses` (a click that came in before it caught up), so the statement is found again
    /// in `analyses` by its link.
    pub fn select_shown(&self, key: Option<(usize, usize)>) {
        self.select(key.and_then(|k| link_in(self.shown, k)).and_then(|l| self.find(l)));
    }

    fn sync_article_param(&self) {
        let many = self.articles.with_value(Vec::len) > 1;
        let current = (self.current.get_untracked() + 1).to_string();
        url::set("article", many.then_some(current.as_str()), false);
    }

    /// Makes `param` the theme selection (`themes`, ids joined by commas; `None`: the
    /// default), in the URL (a new history entry when `push`) and for the views: the one
    /// place the two change.
    pub fn set_themes_param(&self, param: Option<String>, push: bool) {
        url::set("themes", param.as_deref(), push);
        self.themes_param.set(param);
    }

    /// Reads the URL's statement and article into the signals (on load, back and forward).
    fn read_url(&self) {
        let count = self.articles.with_value(Vec::len);
        let article = url::get("article")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| (1..=count).contains(n))
            .map(|n| n - 1);
        // `c812` names a statement of the article by its cue; a bare number (older links, the
        // embed's data-statement) counts statements across the corpus in reading order.
        let selected = match url::get("statement").as_deref().and_then(StatementLink::parse) {
            Some(StatementLink::Ordinal(n)) => self.statement_keys().get(n - 1).copied(),
            Some(link) => self.find((article.unwrap_or(0), link)),
            None => None,
        };
        if let Some(a) = selected.map(|s| s.0).or(article) {
            self.current.set(a);
        }
        self.selected.set(selected);
        self.themes_param.set(url::get("themes"));
    }
}

/// The id an article's corrections are kept under. A statements file's article is not the
/// text the article's own corrections point into, so it keeps its own.
fn corrections_id(article: &Article, reopened: bool) -> String {
    if reopened {
        format!("statements:{}", article.id)
    } else {
        article.id.clone()
    }
}

impl Ws {
    /// The workspace's state for `articles` (and, for a statements file, their rows): the
    /// text at once, the analysis worker started on them, the user's themes and corrections
    /// from storage, the URL's selection, and the effects that keep them in step.
    pub fn new(articles: Vec<Article>, statements: Option<Vec<Vec<StatementRow>>>) -> Ws {
        let reopened = statements.is_some();
        let pages: Vec<Arc<Page>> =
            articles.iter().map(|a| Arc::new(Page::of(a, language::of_article(a).0))).collect();
        let articles: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
        let (saved, mut notice) = storage::load_user_themes();
        let user_themes = RwSignal::new(saved);
        let (off, problem) = storage::load_builtins_off();
        notice = notice.or(problem);
        let builtins_off = RwSignal::new(off);
        let logs: Vec<Vec<Correction>> = articles
            .iter()
            .map(|a| {
                let (log, problem) = storage::load_corrections(&corrections_id(a, reopened));
                notice = notice.take().or(problem);
                log
            })
            .collect();
        let corrections = RwSignal::new(logs);
        // The text is shown at once with no analysis; the worker's arrive in `base`. A corpus is
        // analysed as one there (a person another article introduced is known), and a statements
        // file's analyses are rebuilt from its rows.
        let text_only: Vec<Shared> = articles
            .iter()
            .zip(&pages)
            .map(|(a, p)| Shared(Arc::new(Analysis::text_only(a, p))))
            .collect();
        let themes = move || Themes { user: user_themes.get(), builtins_off: builtins_off.get() };
        let corpus = Corpus {
            articles: articles.iter().map(|a| a.as_ref().clone()).collect(),
            languages: pages.iter().map(|p| p.language).collect(),
            statements,
        };
        let analyst = Analyst::open(corpus, themes());
        let base = Memo::new(move |_| {
            analyst.results.with(|r| match r {
                Some(all) => all.iter().cloned().map(Shared).collect::<Vec<_>>(),
                None => text_only.clone(),
            })
        });
        let articles = StoredValue::new(articles);
        let pages = RwSignal::new(pages);
        // Other themes, or an article read in another language: analysed again.
        Effect::new(move |first: Option<()>| {
            let (themes, languages) =
                (themes(), pages.with(|p| p.iter().map(|p| p.language).collect()));
            if first.is_some() {
                analyst.analyse(themes, languages);
            }
        });
        // Each article's corrected analysis, and which of its corrections no longer match.
        let applied = Memo::new(move |_| {
            base.with(|base| {
                corrections.with(|logs| {
                    pages.with(|pages| {
                        base.iter()
                            .zip(logs)
                            .zip(pages)
                            .map(|((b, log), d)| {
                                // The text alone has no statements to correct: a log waits for
                                // the analysis rather than counting as orphaned.
                                if log.is_empty() || !analyst.analysed() {
                                    (b.clone(), Vec::new())
                                } else {
                                    let (a, orphans) = corrections::apply(&b.0, &d.text, log);
                                    (Shared(Arc::new(a)), orphans)
                                }
                            })
                            .collect::<Vec<_>>()
                    })
                })
            })
        });
        let analyses = Memo::new(move |_| {
            applied.with(|v| v.iter().map(|(a, _)| a.clone()).collect::<Vec<_>>())
        });
        let orphans = Memo::new(move |_| {
            applied.with(|v| v.iter().map(|(_, o)| o.clone()).collect::<Vec<_>>())
        });
        let count_articles = articles.with_value(Vec::len);
        let shown = one_task_later(analyses);
        let cast = Memo::new(move |_| {
            shown.with(|v| {
                SharedCast(Arc::new(Cast::build(
                    &v.iter().map(|a| a.0.as_ref()).collect::<Vec<_>>(),
                )))
            })
        });
        let ws = Ws {
            articles,
            pages,
            analyses,
            shown,
            analyst,
            cast,
            corrections,
            orphans,
            unsaved: StoredValue::new(vec![false; count_articles]),
            current: RwSignal::new(0),
            selected: RwSignal::new(None),
            user_themes,
            builtins_off,
            themes_param: RwSignal::new(url::get("themes")),
            notice: RwSignal::new(notice),
            find: RwSignal::new(String::new()),
            pending_find: RwSignal::new(None),
            reopened,
        };
        // Saved corrections that no longer match the text (the article changed) are said, not
        // hidden; the corrections panel lists them.
        Effect::new(move |previous: Option<usize>| {
            let skipped: usize = orphans.with(|v| v.iter().map(Vec::len).sum());
            if skipped > previous.unwrap_or(0) {
                ws.notice.set(Some(count("corrections.skipped", skipped, &[])));
            }
            skipped
        });
        // Corrections another tab saved for an article open here.
        let changed =
            window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
                if let Some(key) = ev.key() {
                    ws.storage_changed(&key);
                }
            });
        on_cleanup(move || changed.remove());
        // The find box's words, searched for by the worker in every article; the hits arrive
        // in `analyst.hits`.
        Effect::new(move |_| analyst.search(ws.find.get(), SEARCH_CONTEXT, SEARCH_LIMIT));
        ws.read_url();
        url::on_history_change(move || ws.read_url());
        // The first analysis selects the statement the URL names, which the text alone lacked.
        Effect::new(move |done: Option<bool>| {
            let arrived = analyst.analysed();
            if arrived && done != Some(true) {
                ws.read_url();
            }
            arrived || done == Some(true)
        });
        ws
    }
}
