//! The analysis of the seed article, exactly: what a correct explorer must find in it
//! (see ../shared/DESIGN.md, "The seed article, as the first real case").

use std::path::Path;

use article_explorer::analysis::{
    self, ActorKind, Analysis, Category, MentionForm, ThemeSet, Tone,
};
use article_explorer::article::{self, Article, Date};

fn seed() -> (Article, Analysis) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("public/articles/mali-russia-2024-03-18.json");
    let article = article::read(&std::fs::read_to_string(path).unwrap(), None).unwrap();
    let analysis = analysis::analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
    (article, analysis)
}

fn text(article: &Article) -> String {
    article.paragraphs.join("\n\n")
}

#[test]
fn sentences_and_paragraphs() {
    let (article, a) = seed();
    assert_eq!(a.paragraphs.len(), 6);
    assert_eq!(a.sentences.len(), 12);
    let t = text(&article);
    let starts: Vec<&str> = a
        .sentences
        .iter()
        .map(|s| t[s.span.start_byte..s.span.end_byte].split(' ').next().unwrap())
        .collect();
    assert_eq!(
        starts,
        [
            "During", "Diop", "Following", "He", "While", "He", "Lavrov", "Additionally,", "Diop",
            "He", "The", "As"
        ]
    );
    let per_paragraph: Vec<usize> =
        a.paragraphs.iter().map(|p| p.end_sentence - p.first_sentence).collect();
    assert_eq!(per_paragraph, [2; 6]);
}

#[test]
fn the_two_speakers_are_found_from_the_text() {
    let (_, a) = seed();
    let people: Vec<_> = a.actors.iter().filter(|x| x.kind == ActorKind::Person).collect();
    assert_eq!(people.len(), 2);
    let country = |p: &analysis::Actor| a.actors[p.country.unwrap()].name.clone();
    assert_eq!(
        (people[0].name.as_str(), people[0].role.as_deref(), country(people[0]).as_str()),
        ("Abdoulaye Diop", Some("Foreign Minister"), "Mali")
    );
    assert_eq!(
        (people[1].name.as_str(), people[1].role.as_deref(), country(people[1]).as_str()),
        ("Sergey Lavrov", Some("Foreign Minister"), "Russia")
    );
}

#[test]
fn ten_statements_eight_by_diop_two_by_lavrov_in_reading_order() {
    let (article, a) = seed();
    let t = text(&article);
    assert_eq!(a.statements.len(), 10);
    let speakers: Vec<&str> = a.statements.iter().map(|s| s.speaker_name.as_str()).collect();
    let (d, l) = ("Abdoulaye Diop", "Sergey Lavrov");
    assert_eq!(speakers, [d, d, d, d, d, d, l, l, d, d]);
    let sentences: Vec<usize> = a.statements.iter().map(|s| s.sentence).collect();
    assert_eq!(
        sentences,
        (0..10).collect::<Vec<_>>(),
        "one statement in each of the first ten sentences"
    );
    let cues: Vec<&str> = a.statements.iter().map(|s| s.cue.as_str()).collect();
    assert_eq!(
        cues,
        [
            "underscored", "emphasized", "commended", "highlighted", "stressed", "emphasized",
            "echoed", "reiterated", "expressed appreciation", "lauded"
        ]
    );
    // Each statement's speaker mention is in its own sentence.
    for s in &a.statements {
        let sentence = &a.sentences[s.sentence].span;
        assert!(
            sentence.start_byte <= s.speaker_span.start_byte
                && s.cue_span.end_byte <= sentence.end_byte
        );
        assert!(t[s.content_span.start_byte..s.content_span.end_byte] == s.content);
    }
}

#[test]
fn the_four_pronoun_statements_resolve_to_the_right_person() {
    let (_, a) = seed();
    let pronoun: Vec<(&str, &str, &str)> = a
        .statements
        .iter()
        .filter(|s| s.speaker_form == MentionForm::Pronoun)
        .map(|s| {
            (s.cue.as_str(), s.content.split(' ').take(3).last().unwrap(), s.speaker_name.as_str())
        })
        .collect();
    assert_eq!(
        pronoun,
        [
            ("highlighted", "results", "Abdoulaye Diop"),
            ("emphasized", "for", "Abdoulaye Diop"),
            ("reiterated", "to", "Sergey Lavrov"),
            ("lauded", "of", "Abdoulaye Diop"),
        ]
    );
}

#[test]
fn the_writers_closing_sentences_are_not_statements() {
    let (_, a) = seed();
    assert!(a.sentences[10].statements.is_empty(), "The ongoing collaboration … underscores …");
    assert!(a.sentences[11].statements.is_empty(), "As both nations continue …");
}

#[test]
fn moscow_is_russia() {
    let (article, a) = seed();
    let t = text(&article);
    let moscow: Vec<_> =
        a.mentions.iter().filter(|m| &t[m.span.start_byte..m.span.end_byte] == "Moscow").collect();
    assert_eq!(moscow.len(), 3);
    for m in moscow {
        assert_eq!((a.actors[m.actor].name.as_str(), m.form), ("Russia", MentionForm::Metonym));
    }
    let malian =
        a.mentions.iter().find(|m| &t[m.span.start_byte..m.span.end_byte] == "Malian").unwrap();
    assert_eq!((a.actors[malian.actor].name.as_str(), malian.form), ("Mali", MentionForm::Demonym));
}

#[test]
fn categories_targets_and_dates() {
    let (_, a) = seed();
    use Category::*;
    let categories: Vec<Category> = a.statements.iter().map(|s| s.category).collect();
    assert_eq!(
        categories,
        [Praise, Praise, Praise, Praise, Appeal, Appeal, Aid, Aid, Praise, Praise]
    );
    assert!(a.statements.iter().all(|s| s.tone != Tone::Conflictual));
    let targets: Vec<&str> =
        a.statements.iter().map(|s| s.target_name.as_deref().unwrap_or("-")).collect();
    assert_eq!(
        targets,
        [
            "Russia", "Russia", "Russia", "Russia", "Russia", "Russia", "Mali", "Mali", "Russia",
            "Russia"
        ]
    );
    let inferred: Vec<usize> = a
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.target_inferred)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        inferred,
        [3, 5],
        "\"this cooperation\" and \"comprehensive relations\" name no one"
    );
    assert!(a.statements.iter().all(
        |s| s.date == Date::new(2024, 3, 18) && s.date_basis.describe() == "the article's date"
    ));
}

#[test]
fn statement_themes_are_sensible() {
    let (_, a) = seed();
    let themes = |i: usize| a.statements[i].themes.iter().map(String::as_str).collect::<Vec<_>>();
    assert!(
        themes(7).contains(&"humanitarian"),
        "he reiterated Moscow's dedication to providing humanitarian aid"
    );
    assert!(
        themes(0).contains(&"military") && themes(0).contains(&"security"),
        "military cooperation … security"
    );
    assert!(themes(4).contains(&"economy"), "expanding economic ties");
    assert!(themes(5).contains(&"economy"), "trade and economic partnership");
    assert!(themes(8).contains(&"regional"), "the Sahel region … coups");
    assert!(themes(6).contains(&"military"), "military assistance");
}

#[test]
fn theme_hits_and_counts_agree() {
    let (article, a) = seed();
    let t = text(&article);
    let economy = a.themes.iter().position(|th| th.id == "economy").unwrap();
    let economic: Vec<&str> = a
        .theme_hits
        .iter()
        .filter(|h| h.theme == economy)
        .map(|h| &t[h.span.start_byte..h.span.end_byte])
        .collect();
    assert!(economic.iter().filter(|w| **w == "economic").count() >= 3, "{economic:?}");
    assert!(!economic.contains(&"importance"));
    for (i, theme) in a.themes.iter().enumerate() {
        let by_sentence: u32 = a.sentences.iter().map(|s| s.theme_counts[i]).sum();
        let by_paragraph: u32 = a.paragraphs.iter().map(|p| p.theme_counts[i]).sum();
        assert_eq!((by_sentence, by_paragraph), (theme.hits, theme.hits), "{}", theme.id);
    }
    let humanitarian = a.themes.iter().find(|th| th.id == "humanitarian").unwrap();
    assert!(humanitarian.hits >= 4);
}

#[test]
fn referenced_past_events_come_before_the_article() {
    let (_, a) = seed();
    let events: Vec<(&str, String, bool)> = a
        .events
        .iter()
        .map(|e| (e.label.as_str(), e.range.start.to_string(), e.range.fuzzy))
        .collect();
    assert_eq!(
        events,
        [
            ("political instability and coups", "2019-03-18".to_string(), true),
            (
                "provision of humanitarian aid such as wheat and fertilizer",
                "2023-03-18".to_string(),
                true
            ),
        ]
    );
}

#[test]
fn every_span_points_at_its_text_in_bytes_and_code_points() {
    let (article, a) = seed();
    let t = text(&article);
    let mut spans: Vec<analysis::Span> = a.sentences.iter().map(|s| s.span).collect();
    spans.extend(a.theme_hits.iter().map(|h| h.span));
    spans.extend(a.mentions.iter().map(|m| m.span));
    spans.extend(a.statements.iter().flat_map(|s| [s.speaker_span, s.cue_span, s.content_span]));
    spans.extend(a.events.iter().map(|e| e.span));
    for s in spans {
        assert!(
            s.start_byte <= s.end_byte
                && t.is_char_boundary(s.start_byte)
                && t.is_char_boundary(s.end_byte)
        );
        assert_eq!(t[..s.start_byte].chars().count(), s.start_char);
        assert_eq!(t[..s.end_byte].chars().count(), s.end_char);
    }
}

#[test]
fn the_analysis_serialises_to_json() {
    let (_, a) = seed();
    let json: serde_json::Value = serde_json::to_value(&a).unwrap();
    assert_eq!(json["statements"][7]["speaker_name"], "Sergey Lavrov");
    assert_eq!(json["statements"][7]["speaker_form"], "pronoun");
    assert_eq!(json["statements"][7]["category"], "aid");
    assert_eq!(json["statements"][7]["date"], "2024-03-18");
    assert_eq!(json["events"][0]["range"]["start"], "2019-03-18");
}
