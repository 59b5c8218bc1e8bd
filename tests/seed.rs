//! The seed article (`public/articles/mali-russia-2024-03-18.*`), read natively, and the JSON
//! Schema checked against the reader so the documented format and the code never drift.

use std::path::Path;

use article_explorer::article::{self, Date, Headline};

const SEED_ID: &str = "mali-russia-2024-03-18";

fn read_file(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed_from_text() -> article::Article {
    article::text::read_text(
        &read_file("public/articles/mali-russia-2024-03-18.txt"),
        Some(SEED_ID),
    )
    .expect("the seed text reads")
}

#[test]
fn the_raw_text_reader_reads_the_seed() {
    let a = seed_from_text();
    assert_eq!(a.date, Date::new(2024, 3, 18));
    assert_eq!(a.source.as_deref(), Some("MENAFN"));
    assert_eq!(a.paragraphs.len(), 6);
    assert!(a.paragraphs[0].starts_with("During a press conference, Mali's Foreign Minister"));
    assert!(a.paragraphs[5]
        .ends_with("the prospects for mutually beneficial cooperation remain promising."));
    assert!(
        a.paragraphs.iter().all(|p| !p.contains("MENAFN") && !p.contains("2024-03-18")),
        "no dateline left in the body"
    );
    assert_eq!(a.title, None, "the seed has no headline");
    assert_eq!(a.headline(), Headline::Derived("MENAFN report of 18 March 2024".into()));
}

/// `public/articles/<seed>.json` must be exactly what the text reader makes of the seed text.
/// Regenerate it with `UPDATE_SEED=1 cargo test --test seed`.
#[test]
fn the_seed_json_is_the_seed_text_read() {
    let from_text = seed_from_text();
    let json_path = "public/articles/mali-russia-2024-03-18.json";
    if std::env::var_os("UPDATE_SEED").is_some() {
        let json = serde_json::to_string_pretty(&from_text).unwrap() + "\n";
        std::fs::write(Path::new(env!("CARGO_MANIFEST_DIR")).join(json_path), json).unwrap();
    }
    let from_json = article::json::read_json(&read_file(json_path)).expect("the seed JSON reads");
    assert_eq!(from_json, from_text);
    assert_eq!(
        article::read(&read_file(json_path), Some(json_path)).unwrap(),
        from_text,
        "detected as JSON"
    );
}

/// The repository's copy of the seed text is the one in `../shared/seed/` (when that exists).
#[test]
fn the_seed_text_is_the_shared_original() {
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/mali-russia-2024-03-18.txt");
    if let Ok(original) = std::fs::read_to_string(shared) {
        assert_eq!(read_file("public/articles/mali-russia-2024-03-18.txt"), original);
    }
}

/// Inputs the schema and the reader must judge alike. (A few checks need more than a schema can
/// say, such as 2023-02-29 or a list of blank paragraphs; those are tested with the reader.)
#[test]
fn the_schema_agrees_with_the_reader() {
    let schema: serde_json::Value =
        serde_json::from_str(&read_file("public/schema/article.schema.json")).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("article.schema.json", schema).unwrap();
    let index = compiler.compile("article.schema.json", &mut schemas).unwrap();

    let seed = read_file("public/articles/mali-russia-2024-03-18.json");
    let cases: Vec<(&str, bool)> = vec![
        (&seed, true),
        (r#"{"body": "Text."}"#, true),
        (
            r#"{"paragraphs": ["A."], "title": null, "date": "2024-03-18T10:00:00Z", "url": "https://x.org/a", "extra": 1}"#,
            true,
        ),
        (r#"{"title": "No text"}"#, false),
        (r#"{"body": "a", "paragraphs": ["b"]}"#, false),
        (r#"{"paragraphs": "a"}"#, false),
        (r#"{"paragraphs": ["a", 3]}"#, false),
        (r#"{"paragraphs": []}"#, false),
        (r#"{"body": ""}"#, false),
        (r#"{"body": "a", "title": 5}"#, false),
        (r#"{"body": "a", "date": "March 18"}"#, false),
        (r#"{"body": "a", "url": "javascript:alert(1)"}"#, false),
        (r#"[{"body": "a"}]"#, false),
    ];
    for (input, valid) in cases {
        let value: serde_json::Value = serde_json::from_str(input).unwrap();
        let schema_ok = schemas.validate(&value, index).is_ok();
        let reader_ok = article::json::read_json(input).is_ok();
        assert_eq!((schema_ok, reader_ok), (valid, valid), "{input}");
    }
}
