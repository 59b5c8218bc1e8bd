//! The analysis core compiled on its own to WebAssembly for `scripts/bench` (built by
//! `cargo build -p wasm-analyze --target wasm32-unknown-unknown --release`, bound with
//! wasm-bindgen): `analyze_corpus` reads a corpus or article JSON and analyses every article,
//! the same calls the app makes, and reports what it found so the page can check the work
//! was done. The timing is taken by the page around the call. Nothing of Leptos is used.
//!
//! Natively this crate is empty (it exists only for the wasm32 target).

#[cfg(target_arch = "wasm32")]
mod bench {
    use article_explorer::analysis::{analyze, ThemeSet};
    use article_explorer::article::{read_input, Input};
    use wasm_bindgen::prelude::*;

    /// Reads `json` (one article or a corpus), analyses every article with the built-in
    /// themes, and returns `[articles, sentences, theme hits, actors, statements]`, or an
    /// error message.
    #[wasm_bindgen]
    pub fn analyze_corpus(json: &str) -> Result<Vec<u32>, String> {
        let themes = ThemeSet::with_builtins(Vec::new()).map_err(|e| e.to_string())?;
        let articles = match read_input(json, None).map_err(|e| e.to_string())? {
            Input::Articles(articles) => articles,
            Input::Index(_) => return Err("an index, not articles".into()),
        };
        let mut counts = [articles.len() as u32, 0, 0, 0, 0];
        for article in &articles {
            let a = analyze(article, &themes);
            counts[1] += a.sentences.len() as u32;
            counts[2] += a.theme_hits.len() as u32;
            counts[3] += a.actors.len() as u32;
            counts[4] += a.statements.len() as u32;
        }
        Ok(counts.to_vec())
    }
}
