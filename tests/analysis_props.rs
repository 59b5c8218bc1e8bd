//! Property tests: the readers and the analysis never panic, and every offset they give lies on
//! a char boundary and agrees with its code-point count, whatever the input (combining marks,
//! emoji, right-to-left text, NUL, very long lines, and fragments of real diplomatic prose
//! shuffled together). 10,000 cases by default; `PROPTEST_CASES` overrides.

use article_explorer::analysis::{self, Analysis, Span, ThemeSet};
use article_explorer::article::{self, Article};
use proptest::prelude::*;

#[path = "support/fragments.rs"]
mod fragments;
use fragments::FRAGMENTS;

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|parts| parts.join(" "))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => fragments(),
        2 => any::<String>(),
        1 => "\\PC{0,400}",
        1 => prop::collection::vec(prop::sample::select(FRAGMENTS), 1..8)
            .prop_map(|parts| parts.concat().repeat(200)),
    ]
}

fn check_span(text: &str, span: &Span, what: &str) {
    assert!(span.start_byte <= span.end_byte && span.end_byte <= text.len(), "{what}: {span:?}");
    assert!(
        text.is_char_boundary(span.start_byte) && text.is_char_boundary(span.end_byte),
        "{what}: {span:?}"
    );
    assert_eq!(text[..span.start_byte].chars().count(), span.start_char, "{what}");
    assert_eq!(
        span.end_char - span.start_char,
        text[span.start_byte..span.end_byte].chars().count(),
        "{what}"
    );
}

fn check(article: &Article, a: &Analysis) {
    let text = article.paragraphs.join("\n\n");
    for s in &a.sentences {
        check_span(&text, &s.span, "sentence");
        assert!(s.span.start_byte < s.span.end_byte, "no empty sentence");
    }
    for h in &a.theme_hits {
        check_span(&text, &h.span, "theme hit");
    }
    for m in &a.mentions {
        check_span(&text, &m.span, "mention");
        assert!(m.actor < a.actors.len());
    }
    for st in &a.statements {
        for (span, what) in
            [(&st.speaker_span, "speaker"), (&st.cue_span, "cue"), (&st.content_span, "content")]
        {
            check_span(&text, span, what);
        }
        assert_eq!(text[st.content_span.start_byte..st.content_span.end_byte], st.content);
        assert!(st.speaker < a.actors.len() && st.target.is_none_or(|t| t < a.actors.len()));
    }
    for e in &a.events {
        check_span(&text, &e.span, "event");
        assert!(e.range.start <= e.range.end);
    }
    serde_json::to_string(a).expect("the analysis serialises");
}

fn builtin_themes() -> &'static ThemeSet {
    static THEMES: std::sync::OnceLock<ThemeSet> = std::sync::OnceLock::new();
    THEMES.get_or_init(|| ThemeSet::with_builtins(Vec::new()).unwrap())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn analysis_never_panics_and_offsets_hold(text in any_text()) {
        let themes = builtin_themes();
        // Through the reader, as the app does; inputs it refuses are fine, panics are not.
        if let Ok(article) = article::read(&text, Some("input.txt")) {
            let a = analysis::analyze(&article, themes);
            check(&article, &a);
        }
        // And straight into the analysis, paragraphs as generated.
        let article = Article { id: "p".into(), title: None, source: None, date: article::Date::new(2024, 3, 18), url: None, language: None, license: None, paragraphs: text.split("\n\n").map(str::to_string).filter(|p| !p.is_empty()).collect() };
        if !article.paragraphs.is_empty() {
            let a = analysis::analyze(&article, themes);
            check(&article, &a);
        }
    }

    #[test]
    fn json_reader_never_panics(text in any_text()) {
        let _ = article::json::read_json(&text);
        let _ = article::json::read_json(&format!("{{\"body\": {}}}", serde_json::to_string(&text).unwrap()));
    }

    #[test]
    fn user_theme_terms_never_panic(term in any_text()) {
        let def = analysis::ThemeDef { id: "u".into(), name: "U".into(), colour: "#000000".into(), terms: vec![term.clone()], builtin: false };
        if let Ok(set) = ThemeSet::with_builtins(vec![def]) {
            let article = article::text::read_text("Mali and Russia discussed aid.", None).unwrap();
            check(&article, &analysis::analyze(&article, &set));
        }
    }
}
