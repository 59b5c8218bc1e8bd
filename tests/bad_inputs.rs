//! The catalogue of bad and odd inputs (`tests/fixtures/bad/catalogue.json`) through the native
//! readers (`open::open_bytes`, as the app opens files; statements files among them): each refused input gives its specific message, each odd but valid one reads (and
//! analyses without panicking). The browser runs the same catalogue in
//! `tests/e2e/bad-inputs.spec.ts`.

use std::path::Path;

use article_explorer::analysis::text::Document;
use article_explorer::analysis::{analyze, ThemeSet};
use article_explorer::article::Input;
use article_explorer::export::statements::rebuild::rebuild;
use article_explorer::open::{open_bytes, Opened};

fn generate(kind: &str) -> Vec<u8> {
    match kind {
        "fifty-megabytes" => vec![b'a'; 50 * 1024 * 1024],
        "nesting-10000" => format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
        "paragraph-5mb" => {
            let sentence =
                "Moscow pledged humanitarian aid and wheat to Bamako while talks continued ";
            let mut s = String::from("date 2024-03-18 (TEST) ");
            while s.len() < 5 * 1024 * 1024 {
                s.push_str(sentence);
            }
            s.into_bytes()
        }
        other => panic!("unknown generator {other}"),
    }
}

#[test]
fn every_catalogued_input_gets_its_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let catalogue: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("catalogue.json")).unwrap())
            .unwrap();
    let entries = catalogue["inputs"].as_array().unwrap();
    assert!(entries.len() >= 30, "at least 30 bad inputs");
    let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
    let mut wrong = Vec::new();
    for entry in entries {
        let (name, bytes) = match (entry["file"].as_str(), entry["generate"].as_str()) {
            (Some(f), _) => (f.to_string(), std::fs::read(dir.join(f)).unwrap()),
            (None, Some(g)) => (g.to_string(), generate(g)),
            _ => panic!("entry without file or generator: {entry}"),
        };
        let result = open_bytes(&bytes, Some(&name));
        match (entry["error"].as_str(), entry["paragraphs"].as_u64()) {
            (Some(message), _) => match result {
                Err(e) if e.to_string().contains(message) => {}
                other => {
                    wrong.push(format!("{name}: expected an error with {message:?}, got {other:?}"))
                }
            },
            (None, Some(n)) => match result {
                Ok(Opened::Input(Input::Articles(articles)))
                    if articles[0].paragraphs.len() as u64 == n =>
                {
                    let a = analyze(&articles[0], &themes);
                    assert!(!a.sentences.is_empty(), "{name}");
                }
                Ok(Opened::Statements(files)) if files[0].article.paragraphs.len() as u64 == n => {
                    let article = &files[0].article;
                    let a = rebuild(article, &Document::new(article), &files[0].rows, &themes);
                    assert_eq!(a.statements.len(), files[0].rows.len(), "{name}");
                }
                other => wrong.push(format!("{name}: expected {n} paragraphs, got {other:?}")),
            },
            _ => panic!("entry without an outcome: {entry}"),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
