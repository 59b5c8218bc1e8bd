//! Small invented corpora for the corpus tests: (date, text) articles in the project's JSON,
//! analysed as one corpus with the built-in themes, and their cast.

use article_explorer::analysis::corpus::{analyze_corpus, Cast};
use article_explorer::analysis::text::Document;
use article_explorer::analysis::{Analysis, ThemeSet};
use article_explorer::article::{self, Article};

/// The (date, text) articles in the project's JSON, read: ids `t0`, `t1`…
pub fn articles(texts: &[(&str, &str)]) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(k, (date, text))| {
            let json =
                serde_json::json!({"id": format!("t{k}"), "date": date, "paragraphs": [text]});
            article::read(&json.to_string(), None).unwrap()
        })
        .collect()
}

pub fn corpus(texts: &[(&str, &str)]) -> (Vec<Analysis>, Cast) {
    let articles = articles(texts);
    let docs: Vec<Document> = articles.iter().map(Document::new).collect();
    let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
    let analyses = analyze_corpus(
        &articles.iter().collect::<Vec<_>>(),
        &docs.iter().collect::<Vec<_>>(),
        &themes,
    );
    let cast = Cast::build(&analyses.iter().collect::<Vec<_>>());
    (analyses, cast)
}
