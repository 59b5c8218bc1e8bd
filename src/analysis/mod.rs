//! What the product finds in an article: sentences and their offsets, themes, actors, reported
//! statements and the timeline. Pure functions from an [`Article`](crate::article::Article) to
//! an analysis; no browser crates.

pub mod text;
pub mod themes;
pub mod actors;
pub mod time;
