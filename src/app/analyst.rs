//! The page's side of the analysis worker (`jobs`, `src/worker`): starts the worker, sends it
//! the workspace's articles and each change of themes or language, and turns its messages
//! into signals the workspace reads: where the analysis stands ([`Status`]), the latest
//! complete analyses, and search hits.
//!
//! The articles go as `protocol::open_messages` makes them (a long text in parts), written
//! one a task from the task after the one that paints the text, and posted, first, once the
//! worker is `ready`. Messages are read with `jobs::protocol::read`: one of another version or shape is logged
//! to the console and ignored. Only the replies of the latest job count. A worker that fails
//! (a `failed` message, its `error` event, or no `ready` within [`START_LIMIT_MS`]) leaves
//! the text and the analyses already shown in place, and [`Analyst::retry`] starts a new one
//! with the same articles. A workspace closed (a newer load) terminates its worker, which
//! stops the older analysis at once.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use super::i18n::fill;
use crate::analysis::corpus::Stage;
use crate::analysis::search::CorpusHit;
use crate::analysis::{Analysis, Language};
use crate::jobs::protocol::{self, FromWorker, ProtocolError, ToWorker};
use crate::jobs::{Corpus, Themes};

/// The worker's script, beside index.html.
const SCRIPT: &str = "./worker-loader.js";
/// How long a worker may take to say `ready` before it counts as failed.
pub const START_LIMIT_MS: u64 = 60_000;

/// Where the analysis stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Sent; the worker has not reported yet.
    Waiting,
    /// `done` of `total` articles through `stage`.
    Working { stage: Stage, done: usize, total: usize },
    /// The analyses shown are the latest job's.
    Finished,
    /// The worker failed; the message says why, in the interface's words.
    Failed(String),
}

impl Status {
    /// Whether an analysis is on its way.
    pub fn busy(&self) -> bool {
        matches!(self, Status::Waiting | Status::Working { .. })
    }
}

/// What the handle keeps between messages.
struct Inner {
    worker: Option<Worker>,
    ready: bool,
    /// Messages to post once the worker is ready and the corpus is sent: the corpus's
    /// (`open_queue`, first), then the others.
    open_queue: Vec<String>,
    queue: Vec<String>,
    /// Whether the corpus's messages are still being written (a part a task).
    opening: bool,
    /// The last job number given, and the latest analysis and search jobs.
    next: u64,
    analysis_job: u64,
    search_job: u64,
    /// The corpus's messages and the latest analyse message, sent again by a retry.
    open: Vec<String>,
    last: Option<String>,
    /// The number of articles, and the latest job's analyses as they arrive.
    count: usize,
    arriving: Vec<Option<Analysis>>,
    /// Keep the worker's handlers alive as long as the worker.
    _handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

/// A handle on one workspace's analysis worker (Copy, for closures and effects).
#[derive(Clone, Copy)]
pub struct Analyst {
    inner: StoredValue<Inner, LocalStorage>,
    pub status: RwSignal<Status>,
    /// The latest job's analyses once all arrived.
    pub results: RwSignal<Option<Vec<Arc<Analysis>>>>,
    /// The latest search's hits.
    pub hits: RwSignal<Vec<CorpusHit>>,
}

impl Analyst {
    /// Starts a worker on `corpus` and its first analysis with `themes`.
    pub fn open(corpus: Corpus, themes: Themes) -> Analyst {
        let analyst = Analyst {
            inner: StoredValue::new_local(Inner {
                worker: None,
                ready: false,
                open_queue: Vec::new(),
                queue: Vec::new(),
                opening: true,
                next: 0,
                analysis_job: 0,
                search_job: 0,
                open: Vec::new(),
                last: None,
                count: corpus.articles.len(),
                arriving: Vec::new(),
                _handlers: Vec::new(),
            }),
            status: RwSignal::new(Status::Waiting),
            results: RwSignal::new(None),
            hits: RwSignal::new(Vec::new()),
        };
        let job = analyst.job(true);
        analyst.start();
        analyst.write_open(protocol::open_messages(job, corpus, themes).into_iter());
        on_cleanup(move || analyst.stop());
        analyst
    }

    /// Writes the corpus's messages one a task, from the task after this one: a long text is
    /// not written out for the worker before it paints, nor in one long task after.
    fn write_open(self, mut rest: std::vec::IntoIter<ToWorker>) {
        set_timeout(
            move || {
                let Some(message) = rest.next() else { return };
                let (text, last) = (protocol::write(&message), rest.len() == 0);
                let open = self.inner.try_update_value(|i| {
                    i.open.push(text.clone());
                    i.open_queue.push(text);
                    i.opening = !last;
                });
                if open.is_some() {
                    self.flush();
                    if !last {
                        self.write_open(rest);
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Analyses the articles again with `themes`, read in `languages`.
    pub fn analyse(self, themes: Themes, languages: Vec<Language>) {
        let job = self.job(true);
        let text = protocol::write(&ToWorker::Analyse { job, themes, languages });
        self.inner.update_value(|i| i.last = Some(text.clone()));
        self.status.set(Status::Waiting);
        self.send(text);
    }

    /// Whether an analysis has arrived (until then the workspace shows the text alone).
    pub fn analysed(self) -> bool {
        self.results.with(Option::is_some)
    }

    /// Searches the articles; the hits arrive in [`Analyst::hits`]. An empty query has none,
    /// at once, and the replies to the searches before it are dropped (they would list hits
    /// under an empty box).
    pub fn search(self, query: String, context: usize, limit: usize) {
        let job = self.job(false);
        if query.trim().is_empty() {
            return self.hits.set(Vec::new());
        }
        self.send(protocol::write(&ToWorker::Search { job, query, context, limit }));
    }

    /// A new worker with the same articles and the latest themes.
    pub fn retry(self) {
        self.stop();
        // The latest job is sent again, and its analyses arrive again.
        self.inner.update_value(|i| {
            i.arriving = vec![None; i.count];
            i.open_queue = i.open.clone();
            i.queue = i.last.iter().cloned().collect();
        });
        self.status.set(Status::Waiting);
        self.start();
    }

    /// A new job number: of an analysis (which replaces the one before) or of a search.
    fn job(self, analysis: bool) -> u64 {
        let mut job = 0;
        self.inner.update_value(|i| {
            i.next += 1;
            job = i.next;
            if analysis {
                i.analysis_job = job;
                i.arriving = vec![None; i.count];
            } else {
                i.search_job = job;
            }
        });
        job
    }

    fn send(self, text: String) {
        self.inner.update_value(|i| i.queue.push(text));
        self.flush();
    }

    /// Posts what can go: nothing before the worker is ready, the corpus's messages first,
    /// the others once the corpus is all sent.
    fn flush(self) {
        self.inner.update_value(|i| {
            let Some(w) = i.worker.as_ref().filter(|_| i.ready) else { return };
            let post = |text: String| drop(w.post_message(&JsValue::from_str(&text)));
            i.open_queue.drain(..).for_each(post);
            if !i.opening {
                i.queue.drain(..).for_each(post);
            }
        });
    }

    fn start(self) {
        let (worker, early) = match SPARE.with(|s| s.borrow_mut().take()) {
            Some(spare) => (spare.worker, Some((spare.inbox, spare.error))),
            None => match new_worker() {
                Ok(w) => (w, None),
                Err(e) => return self.fail(&e),
            },
        };
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            self.read(ev.unchecked_into::<MessageEvent>().data().as_string());
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            self.fail(&error_of(&ev));
        });
        let on_message_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            ignore(&ProtocolError::Shape("a message the browser could not read".into()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_message_error.as_ref().unchecked_ref()));
        self.inner.update_value(|i| {
            i.worker = Some(worker);
            i.ready = false;
            i._handlers = vec![on_message, on_error, on_message_error];
        });
        // What a spare worker said before this handle took it, as if said now.
        if let Some((inbox, error)) = early {
            for text in inbox.take() {
                self.read(Some(text));
            }
            if let Some(why) = error.take() {
                self.fail(&why);
            }
        }
        let started = self.inner.with_value(|i| i.next);
        set_timeout(
            move || {
                let waiting = self.inner.try_with_value(|i| !i.ready && i.next == started);
                if waiting == Some(true) && self.status.get_untracked() == Status::Waiting {
                    self.fail(&fill(
                        "analysis.no_start",
                        &[("s", &(START_LIMIT_MS / 1000).to_string())],
                    ));
                }
            },
            std::time::Duration::from_millis(START_LIMIT_MS),
        );
    }

    /// Reads one message of the worker's.
    fn read(self, text: Option<String>) {
        match text.map(|t| protocol::read::<FromWorker>(&t)) {
            Some(Ok(message)) => self.receive(message),
            Some(Err(e)) => ignore(&e),
            None => ignore(&ProtocolError::Shape("not text".into())),
        }
    }

    fn stop(self) {
        self.inner.try_update_value(|i| {
            if let Some(w) = i.worker.take() {
                w.terminate();
            }
            i.ready = false;
            i.open_queue.clear();
            i.queue.clear();
        });
    }

    fn fail(self, why: &str) {
        self.stop();
        if !matches!(self.status.get_untracked(), Status::Failed(_)) {
            self.status.set(Status::Failed(why.to_string()));
        }
    }

    fn receive(self, message: FromWorker) {
        // A message already on its way when the workspace closed finds nothing to update.
        let Some((analysis_job, search_job)) =
            self.inner.try_with_value(|i| (i.analysis_job, i.search_job))
        else {
            return;
        };
        match message {
            FromWorker::Ready => {
                self.inner.update_value(|i| i.ready = true);
                self.flush();
            }
            FromWorker::Progress { job, stage, done, total } if job == analysis_job => {
                self.status.set(Status::Working { stage, done, total });
            }
            FromWorker::Analysed { job, article, analysis } if job == analysis_job => {
                self.inner.update_value(|i| {
                    if let Some(slot) = i.arriving.get_mut(article) {
                        *slot = Some(analysis);
                    }
                });
            }
            FromWorker::More { job, article, more } if job == analysis_job => {
                self.inner.update_value(|i| {
                    if let Some(Some(analysis)) = i.arriving.get_mut(article) {
                        protocol::unpack(analysis, more);
                    }
                });
            }
            FromWorker::Done { job } if job == analysis_job => {
                let all = self.inner.try_update_value(|i| {
                    std::mem::take(&mut i.arriving).into_iter().collect::<Option<Vec<_>>>()
                });
                match all.flatten() {
                    Some(all) => {
                        self.results.set(Some(all.into_iter().map(Arc::new).collect()));
                        self.status.set(Status::Finished);
                    }
                    None => self.fail("an article's analysis did not arrive"),
                }
            }
            FromWorker::Found { job, hits } if job == search_job => self.hits.set(hits),
            FromWorker::Failed { job, message } if job.is_none_or(|j| j == analysis_job) => {
                self.fail(&message)
            }
            // A reply to a job a newer one replaced.
            _ => {}
        }
    }
}

/// A worker started with the page, before any article is read, so that its module compiles
/// while the first article loads; the first workspace takes it (`prewarm`).
struct Spare {
    worker: Worker,
    /// Its messages and its error until it is taken.
    inbox: Rc<RefCell<Vec<String>>>,
    error: Rc<RefCell<Option<String>>>,
    _handlers: [Closure<dyn FnMut(web_sys::Event)>; 2],
}

thread_local! {
    static SPARE: RefCell<Option<Spare>> = const { RefCell::new(None) };
}

/// Starts the worker the first workspace will take, at once (called by `app::start`).
pub fn prewarm() {
    let Ok(worker) = new_worker() else { return };
    let inbox = Rc::new(RefCell::new(Vec::new()));
    let error = Rc::new(RefCell::new(None));
    let (i, e) = (inbox.clone(), error.clone());
    let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Some(text) = ev.unchecked_into::<MessageEvent>().data().as_string() {
            i.borrow_mut().push(text);
        }
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        e.borrow_mut().get_or_insert_with(|| error_of(&ev));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    SPARE.with(|s| {
        *s.borrow_mut() = Some(Spare { worker, inbox, error, _handlers: [on_message, on_error] })
    });
}

fn new_worker() -> Result<Worker, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    Worker::new_with_options(SCRIPT, &options).map_err(|e| format!("{e:?}"))
}

/// What a worker's `error` event says.
fn error_of(ev: &web_sys::Event) -> String {
    ev.dyn_ref::<web_sys::ErrorEvent>()
        .map(|e| e.message())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "its script could not be loaded".into())
}

fn ignore(why: &ProtocolError) {
    web_sys::console::warn_1(
        &format!("Article Explorer ignored a message from its analysis worker: {why}").into(),
    );
}
