//! The development set of real news (`tests/fixtures/eval-dev/`, copied from
//! `../shared/eval/dev/` with its README: sources, URLs and licences, public domain) scored
//! by its own scorer (`score.py`, by sentence and speaker), held at a floor: the micro-averaged
//! F1 and precision over all sixteen texts must not fall below what the engine reached.
//! python3 runs the scorer, as it runs in `scripts/test`.

use std::path::Path;
use std::process::Command;

use article_explorer::analysis::{self, ThemeSet};
use article_explorer::article::text::read_text;

/// Reached on 2026-12-01: P 0.933, R 0.913, F1 0.923 (126 of 138, 135 predicted).
const F1_FLOOR: f64 = 0.92;
const PRECISION_FLOOR: f64 = 0.92;

#[test]
fn dev_set_micro_f1_holds_its_floor() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval-dev");
    let out = std::env::temp_dir().join(format!("eval-dev-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let (mut predicted, mut gold, mut correct) = (0u32, 0u32, 0u32);
    let mut files = 0;
    for n in 1..=16 {
        let txt = dir.join(format!("{n:02}.txt"));
        let raw = std::fs::read_to_string(&txt).unwrap();
        let article = read_text(&raw, None).unwrap();
        let a = analysis::analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
        let json = out.join(format!("{n:02}.json"));
        std::fs::write(&json, serde_json::to_string(&a).unwrap()).unwrap();
        let run = Command::new("python3")
            .arg(dir.join("score.py"))
            .arg(dir.join(format!("{n:02}.gold.json")))
            .arg(&json)
            .arg(&txt)
            .output()
            .expect("python3 runs the scorer");
        assert!(
            run.status.success(),
            "score.py failed on {n:02}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let stdout = String::from_utf8_lossy(&run.stdout);
        let line = stdout.lines().find(|l| l.starts_with("predicted=")).expect("a summary line");
        let field = |key: &str| -> u32 {
            line.split_whitespace()
                .find_map(|kv| kv.strip_prefix(key))
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{key} in {line}"))
        };
        predicted += field("predicted=");
        gold += field("gold=");
        correct += field("correct=");
        files += 1;
    }
    let _ = std::fs::remove_dir_all(&out);
    assert_eq!((files, gold), (16, 138), "the whole set was scored");
    let p = f64::from(correct) / f64::from(predicted);
    let r = f64::from(correct) / f64::from(gold);
    let f1 = 2.0 * p * r / (p + r);
    println!(
        "dev set: predicted={predicted} gold={gold} correct={correct} P={p:.3} R={r:.3} F1={f1:.3}"
    );
    assert!(f1 >= F1_FLOOR, "dev F1 {f1:.3} fell below {F1_FLOOR} (P {p:.3}, R {r:.3})");
    assert!(p >= PRECISION_FLOOR, "dev precision {p:.3} fell below {PRECISION_FLOOR}");
}
