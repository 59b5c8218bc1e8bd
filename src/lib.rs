//! Article Explorer: read diplomatic news closely.
//!
//! The crate is a pure core and a thin browser shell (see ARCHITECTURE.md):
//! - [`article`]: the Article model and its readers;
//! - [`analysis`]: what the product finds in an article;
//! - [`export`]: analysis results in open formats, and statements files read back;
//! - [`jobs`]: the analysis as the app's worker runs it, and the messages to and from it;
//! - [`open`]: what an opened input holds (articles, an index, or a statements file);
//! - [`locale`]: the languages, and the interface's words, numbers and dates in each;
//! - `app` (wasm32 only): the Leptos components and browser glue;
//! - `worker` (wasm32 only): the analysis worker's browser glue over [`jobs`].
//!
//! The core modules never import browser crates, so `cargo test` runs them natively.

pub mod analysis;
pub mod article;
pub mod export;
pub mod jobs;
pub mod locale;
pub mod open;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod worker;

#[cfg(test)]
mod test_support;
