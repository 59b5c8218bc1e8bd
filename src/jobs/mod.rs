//! The analysis as the app runs it off the main thread: the messages between the page and
//! its worker ([`protocol`]), and the worker's side of the work ([`Analyst`]).
//!
//! The page (`app::analyst`) keeps the articles' text and shows it at once; the worker
//! (`worker`, a second wasm module built from `src/bin/worker.rs`) keeps each article's
//! [`Document`](crate::analysis::text::Document), analyses the corpus one article per step,
//! reports progress between steps, gives up a job a newer one replaced, and answers searches.
//! Both sides are thin browser glue over this module, which is pure and tested natively.

pub mod analyst;
pub mod protocol;

pub use analyst::{Analyst, Work};
pub use protocol::{Corpus, FromWorker, More, ProtocolError, Themes, ToWorker, VERSION};
