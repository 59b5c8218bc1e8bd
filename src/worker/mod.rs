//! The analysis worker's browser glue (wasm32 only; the module `src/bin/worker.rs` starts):
//! reads the page's messages ([`jobs::protocol`](crate::jobs::protocol)), keeps the open
//! articles as a [`jobs::Analyst`](crate::jobs::Analyst), and runs each job a step at a time,
//! giving the event loop back about every [`SLICE_MS`] so that a newer job, or a search,
//! is read between steps. A job a newer one replaced stops at its next step.
//!
//! A panic is said to the page as a `failed` message before the module aborts; the page also
//! sees the worker's `error` event.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::jobs::protocol::{self, FromWorker, Themes, ToWorker};
use crate::jobs::Analyst;

/// Work done between two returns to the event loop, in milliseconds.
const SLICE_MS: f64 = 20.0;

thread_local! {
    static ANALYST: RefCell<Option<Rc<RefCell<Analyst>>>> = const { RefCell::new(None) };
    /// The newest analysis job: an older one stops.
    static LATEST: Cell<u64> = const { Cell::new(0) };
    /// The `text` parts of the corpus an `open` of job `.0` is about to send.
    static PARTS: RefCell<(u64, Vec<(usize, Vec<String>)>)> = const { RefCell::new((0, Vec::new())) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &FromWorker) {
    let _ = scope().post_message(&JsValue::from_str(&protocol::write(message)));
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Starts the worker: its panic message, its message handler, and `ready`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("the analysis stopped on an error in the explorer ({info})");
        post(&FromWorker::Failed { job: Some(LATEST.with(Cell::get)), message });
    }));
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    post(&FromWorker::Ready);
}

fn on_message(ev: MessageEvent) {
    let request = match ev.data().as_string().map(|t| protocol::read::<ToWorker>(&t)) {
        Some(Ok(request)) => request,
        Some(Err(e)) => return warn(&e.to_string()),
        None => return warn("a message that is not text"),
    };
    match request {
        ToWorker::Text { job, article, paragraphs } => PARTS.with(|p| {
            let mut p = p.borrow_mut();
            // Parts of an older open that never came are dropped.
            if p.0 != job {
                *p = (job, Vec::new());
            }
            p.1.push((article, paragraphs));
        }),
        ToWorker::Open { job, mut corpus, themes } => {
            LATEST.with(|l| l.set(job));
            let parts = PARTS.with(|p| {
                let (of, parts) = std::mem::take(&mut *p.borrow_mut());
                if of == job {
                    parts
                } else {
                    Vec::new()
                }
            });
            let opened =
                protocol::join_text(&mut corpus, parts).and_then(|()| Analyst::open(corpus));
            match opened {
                Ok(analyst) => {
                    ANALYST.with(|a| *a.borrow_mut() = Some(Rc::new(RefCell::new(analyst))));
                    wasm_bindgen_futures::spawn_local(analyse(job, themes));
                }
                Err(message) => post(&FromWorker::Failed { job: Some(job), message }),
            }
        }
        ToWorker::Analyse { job, themes, languages } => {
            LATEST.with(|l| l.set(job));
            let Some(analyst) = analyst() else {
                return post(&FromWorker::Failed { job: Some(job), message: NOTHING_OPEN.into() });
            };
            let read = analyst.borrow_mut().set_languages(&languages);
            match read {
                Ok(()) => wasm_bindgen_futures::spawn_local(analyse(job, themes)),
                Err(message) => post(&FromWorker::Failed { job: Some(job), message }),
            }
        }
        ToWorker::Search { job, query, context, limit } => {
            let hits = analyst().map(|a| a.borrow().search(&query, context, limit));
            post(&FromWorker::Found { job, hits: hits.unwrap_or_default() });
        }
    }
}

const NOTHING_OPEN: &str = "no articles were opened in the analysis worker";

fn analyst() -> Option<Rc<RefCell<Analyst>>> {
    ANALYST.with(|a| a.borrow().clone())
}

fn warn(why: &str) {
    web_sys::console::warn_1(&format!("Article Explorer's analysis worker ignored {why}").into());
}

fn superseded(job: u64) -> bool {
    LATEST.with(Cell::get) != job
}

/// Runs job `job` over the open articles: progress between steps, then each article's
/// analysis in a message of its own, then `done`.
async fn analyse(job: u64, themes: Themes) {
    let Some(analyst) = analyst() else { return };
    let mut work = analyst.borrow().work(&themes);
    let mut slice = now();
    loop {
        if superseded(job) {
            return;
        }
        let more = work.step(&analyst.borrow());
        let due = now() - slice > SLICE_MS;
        if due || !more {
            let (stage, done, total) = work.progress();
            post(&FromWorker::Progress { job, stage, done, total });
        }
        if !more {
            break;
        }
        if due {
            next_task().await;
            slice = now();
        }
    }
    for (article, analysis) in work.finish().into_iter().enumerate() {
        for message in protocol::pack(job, article, analysis) {
            post(&message);
        }
    }
    post(&FromWorker::Done { job });
}

/// Resolves in a task of its own, after the messages already queued: a message channel's
/// round trip, which browsers do not clamp as they clamp nested `setTimeout(0)` to 4 ms.
async fn next_task() {
    let Ok(channel) = web_sys::MessageChannel::new() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
    });
    let _ = channel.port2().post_message(&JsValue::NULL);
    let _ = JsFuture::from(promise).await;
    channel.port1().set_onmessage(None);
}
