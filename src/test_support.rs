//! Helpers for the crate's unit tests.

use crate::analysis::{analyze, Analysis, ThemeSet};
use crate::article::{text::read_text, Article};

/// The seed article, read from its raw text, and its analysis with the built-in themes.
pub fn seed() -> (Article, Analysis) {
    let text = include_str!("../public/articles/mali-russia-2024-03-18.txt");
    let article = read_text(text, Some("mali-russia-2024-03-18")).expect("the seed reads");
    let analysis =
        analyze(&article, &ThemeSet::with_builtins(Vec::new()).expect("built-in themes compile"));
    (article, analysis)
}
