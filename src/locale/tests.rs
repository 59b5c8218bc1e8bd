use std::collections::BTreeSet;

use super::*;

fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.insert(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

#[test]
fn the_table_parses_and_every_key_has_every_language_with_the_same_placeholders() {
    let (table, order) = parse(MESSAGES).expect("messages.txt parses");
    assert!(order.len() > 300, "{} keys", order.len());
    let mut problems = Vec::new();
    for key in &order {
        let texts = table[key];
        for lang in Language::ALL {
            if texts[lang.index()].trim().is_empty() {
                problems.push(format!("{key}: no {} text", lang.tag()));
            }
        }
        let english = placeholders(texts[0]);
        for lang in &Language::ALL[1..] {
            let other = placeholders(texts[lang.index()]);
            if other != english {
                problems.push(format!("{key}: {} has {other:?}, en has {english:?}", lang.tag()));
            }
        }
        // A count has both forms.
        if let Some(base) = key.strip_suffix(".one") {
            if !table.contains_key(format!("{base}.other").as_str()) {
                problems.push(format!("{key}: no {base}.other"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn malformed_tables_are_refused_with_the_line() {
    assert_eq!(parse("  en Hello\n").unwrap_err(), "line 1: a text before any key");
    assert_eq!(parse("a.b\n  de Hallo\n").unwrap_err(), "line 2: unknown language \"de\"");
    assert_eq!(parse("a.b\n  en x\na.b\n").unwrap_err(), "line 3: key a.b given twice");
}

/// Every key the code asks for: a string literal of key shape (`name.name`, lowercase, digits
/// and underscores) whose first part is one of the table's namespaces, in any source file
/// outside this module.
fn keys_in_source() -> Vec<(String, String)> {
    let (table, _) = parse(MESSAGES).unwrap();
    let namespaces: BTreeSet<&str> = table.keys().filter_map(|k| k.split('.').next()).collect();
    let mut found = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            if !path.ends_with("locale") {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for literal in source.split('"').skip(1).step_by(2) {
            let shaped = literal.contains('.')
                && literal.split('.').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                });
            let namespace = literal.split('.').next().unwrap_or("");
            if shaped && namespaces.contains(namespace) {
                found.push((path.display().to_string(), literal.to_string()));
            }
        }
    }
    found
}

#[test]
fn every_key_the_code_asks_for_is_in_the_table() {
    let (table, _) = parse(MESSAGES).unwrap();
    let found = keys_in_source();
    assert!(found.len() > 200, "the scan finds the keys ({} found)", found.len());
    let missing: Vec<_> = found
        .iter()
        .filter(|(_, key)| {
            !table.contains_key(key.as_str()) && !table.contains_key(format!("{key}.one").as_str())
        })
        .collect();
    assert!(missing.is_empty(), "keys not in messages.txt: {missing:#?}");
}

#[test]
fn every_key_in_the_table_is_used() {
    let (_, order) = parse(MESSAGES).unwrap();
    let used: BTreeSet<String> = keys_in_source().into_iter().map(|(_, k)| k).collect();
    let unused: Vec<&&str> = order
        .iter()
        .filter(|k| {
            let base = k.strip_suffix(".one").or_else(|| k.strip_suffix(".other")).unwrap_or(k);
            // Month names are looked up by number.
            !used.contains(base) && !k.starts_with("month")
        })
        .collect();
    assert!(unused.is_empty(), "keys nothing asks for: {unused:#?}");
}

#[test]
fn texts_fill_placeholders_and_count_by_each_languages_plural_rule() {
    use Language::{English, French};
    assert_eq!(text(English, "legend.title"), "Themes");
    assert_eq!(text(French, "legend.title"), "Thèmes");
    assert_eq!(
        fill(
            French,
            "reader.hit_status",
            &[("position", &2), ("total", &9), ("themes", &"Économie")]
        ),
        "Occurrence 2 sur 9\u{202f}: Économie"
    );
    let cases: &[(Language, usize, &str)] = &[
        (English, 0, "0 hits"),
        (English, 1, "1 hit"),
        (English, 2, "2 hits"),
        (English, 12345, "12,345 hits"),
        (French, 0, "0 occurrence"),
        (French, 1, "1 occurrence"),
        (French, 2, "2 occurrences"),
        (French, 12345, "12\u{202f}345 occurrences"),
    ];
    for &(lang, n, expected) in cases {
        assert_eq!(count(lang, "legend.hits", n, &[]), expected, "{lang:?} {n}");
    }
    // A text in quotes keeps its spaces.
    assert_eq!(text(English, "common.colon"), ": ");
    assert_eq!(text(French, "common.colon"), "\u{202f}: ");
    // A key the table lacks shows as itself rather than as nothing.
    assert_eq!(text(English, "no.such_key"), "no.such_key");
}

#[test]
fn numbers_and_dates_per_language() {
    use Language::{English, French};
    let numbers: &[(usize, &str, &str)] = &[
        (0, "0", "0"),
        (999, "999", "999"),
        (1000, "1,000", "1\u{202f}000"),
        (1234567, "1,234,567", "1\u{202f}234\u{202f}567"),
    ];
    for &(n, en, fr) in numbers {
        assert_eq!(number(English, n), en);
        assert_eq!(number(French, n), fr);
    }
    assert_eq!(decimal(English, 20.45), "20.4");
    assert_eq!(decimal(French, 2.5), "2,5");
    assert_eq!(date(English, 2024, 3, 18), "18 March 2024");
    assert_eq!(date(French, 2024, 3, 18), "18 mars 2024");
    assert_eq!(date(French, 2024, 8, 1), "1er août 2024");
    assert_eq!(date(English, 2024, 8, 1), "1 August 2024");
    assert_eq!(short_date(English, 2024, 2, 5), "5 Feb 2024");
    assert_eq!(short_date(French, 2024, 2, 5), "5 févr. 2024");
}

#[test]
fn the_browsers_first_spoken_preference_wins() {
    let cases: &[(&[&str], Language)] = &[
        (&["fr-FR", "en-US"], Language::French),
        (&["en-GB", "fr"], Language::English),
        (&["de-DE", "fr-CH", "en"], Language::French),
        (&["de", "es"], Language::English),
        (&[], Language::English),
    ];
    for &(tags, expected) in cases {
        assert_eq!(preferred(tags.iter().copied()), expected, "{tags:?}");
    }
}
