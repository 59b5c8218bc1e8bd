//! A statements file opened again (`open`, `export::statements::{read, rebuild}`): the rows
//! it was written from come back as they were, from each of its three forms; a corpus opens
//! with the same timeline and relations; bad rows name their line.

use article_explorer::analysis::corpus::{analyze_corpus, Cast};
use article_explorer::analysis::text::Document;
use article_explorer::analysis::{relations, timeline, Analysis, SpeakerBasis, ThemeSet};
use article_explorer::article::{self, Article, ArticleError, Input};
use article_explorer::export::statements::read::Reopened;
use article_explorer::export::statements::{self, rebuild::rebuild, StatementRow};
use article_explorer::open::{open_text, Opened};

fn themes() -> ThemeSet {
    ThemeSet::with_builtins(Vec::new()).unwrap()
}

fn analysed(articles: &[Article]) -> Vec<Analysis> {
    let docs: Vec<Document> = articles.iter().map(Document::new).collect();
    analyze_corpus(
        &articles.iter().collect::<Vec<_>>(),
        &docs.iter().collect::<Vec<_>>(),
        &themes(),
    )
}

fn rows_of(articles: &[Article], analyses: &[Analysis]) -> Vec<StatementRow> {
    statements::statement_rows(
        &articles.iter().collect::<Vec<_>>(),
        &analyses.iter().collect::<Vec<_>>(),
    )
}

fn reopened(text: &str) -> Vec<Reopened> {
    match open_text(text, None) {
        Ok(Opened::Statements(r)) => r,
        other => panic!("not opened as a statements file: {other:?}"),
    }
}

/// The articles and analyses a statements file opens as.
fn rebuilt(text: &str) -> (Vec<Article>, Vec<Analysis>) {
    let reopened = reopened(text);
    let analyses = reopened
        .iter()
        .map(|r| rebuild(&r.article, &Document::new(&r.article), &r.rows, &themes()))
        .collect();
    (reopened.into_iter().map(|r| r.article).collect(), analyses)
}

/// A row without what depends on where its sentence is in the text.
fn placeless(row: &StatementRow) -> StatementRow {
    StatementRow { sentence_start: 0, sentence_end: 0, ..row.clone() }
}

fn example_corpus() -> Vec<Article> {
    let text = include_str!("../public/examples/sahel-russia-2007-2024.json");
    match article::read_input(text, None).unwrap() {
        Input::Articles(a) => a,
        other => panic!("{other:?}"),
    }
}

fn jsonl(rows: &[StatementRow]) -> String {
    rows.iter().map(|r| serde_json::to_string(r).unwrap() + "\n").collect()
}

#[test]
fn the_rows_come_back_from_each_form_of_the_file() {
    let articles = example_corpus();
    let rows = rows_of(&articles, &analysed(&articles));
    assert!(rows.len() > 50, "{}", rows.len());
    for (form, text) in [
        ("json", statements::statements_json(&rows)),
        ("jsonl", jsonl(&rows)),
        ("csv", statements::statements_csv(&rows)),
    ] {
        let (articles2, analyses2) = rebuilt(&text);
        let again = rows_of(&articles2, &analyses2);
        assert_eq!(again.len(), rows.len(), "{form}");
        for (a, b) in rows.iter().zip(&again) {
            assert_eq!(placeless(a), placeless(b), "{form}");
            let text2 =
                articles2.iter().find(|x| x.id == b.article_id).unwrap().paragraphs.join("\n\n");
            let shown: String = text2
                .chars()
                .skip(b.sentence_start)
                .take(b.sentence_end - b.sentence_start)
                .collect();
            assert_eq!(
                shown, b.sentence,
                "{form}: the offsets point at the sentence in the new text"
            );
        }
    }
}

#[test]
fn an_opened_corpus_has_the_timeline_and_relations_it_was_written_with() {
    let articles = example_corpus();
    let analyses = analysed(&articles);
    let (_, analyses2) = rebuilt(&statements::statements_json(&rows_of(&articles, &analyses)));
    let views = |analyses: &[Analysis]| {
        let refs: Vec<&Analysis> = analyses.iter().collect();
        let cast = Cast::build(&refs);
        let (items, _) = timeline::collect_with(&refs, &cast);
        let speakers: Vec<String> = items.iter().map(|i| i.speaker.clone()).collect();
        let pairs = relations::pairs(&refs, &cast);
        let dyad = relations::default_dyad(&pairs, &cast).map(|d| relations::format_dyad(&cast, d));
        let series = dyad.as_ref().map(|d| {
            let s = relations::series(&refs, &cast, relations::parse_dyad(&cast, d).unwrap());
            format!("{:?} {:?} {:?}", s.period, s.buckets, s.undated)
        });
        (speakers, pairs.len(), dyad, series)
    };
    let (before, after) = (views(&analyses), views(&analyses2));
    assert!(before.2.is_some());
    assert_eq!(after.0, before.0, "the timeline's speakers");
    assert_eq!(after.1, before.1, "the number of pairs");
    assert_eq!(after.2, before.2, "the default dyad");
    assert_eq!(after.3, before.3, "its series");
}

#[test]
fn the_text_is_the_statements_sentences_in_their_order_each_once() {
    let text = r#"{"id": "t0", "date": "2024-05-02", "paragraphs": [
        "Niger's Foreign Minister, Ali Maiga, praised the talks on Tuesday. The weather was fine.",
        "Maiga said the talks went well. He added that more would follow, and the envoy agreed."]}"#;
    let articles = vec![article::read(text, None).unwrap()];
    let rows = rows_of(&articles, &analysed(&articles));
    assert!(rows.len() >= 3, "{rows:#?}");
    let (reopened, analyses) = rebuilt(&statements::statements_json(&rows));
    assert_eq!(
        reopened[0].paragraphs,
        [
            "Niger's Foreign Minister, Ali Maiga, praised the talks on Tuesday.",
            "Maiga said the talks went well.",
            "He added that more would follow, and the envoy agreed."
        ]
    );
    assert_eq!(reopened[0].date, articles[0].date);
    let a = &analyses[0];
    let s = &a.statements[2];
    let text = reopened[0].paragraphs.join("\n\n");
    assert_eq!(&text[s.cue_span.bytes()], "added");
    assert_eq!(a.actors[s.speaker].name, "Ali Maiga");
    assert_eq!(a.actors[s.speaker].role.as_deref(), Some("Foreign Minister"));
    let country = a.actors[s.speaker].country.map(|c| a.actors[c].name.as_str());
    assert_eq!(country, Some("Niger"));
    assert_eq!(s.speaker_basis, SpeakerBasis::Pronoun);
    assert_eq!(s.why(), rows[2].attribution);
}

#[test]
fn a_file_written_before_the_later_columns_still_opens() {
    let articles = example_corpus();
    let rows = rows_of(&articles, &analysed(&articles));
    let old: String = rows
        .iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).unwrap();
            for later in [
                "article_language", "article_license", "speaker_kind", "target_kind", "pattern",
                "speaker_basis",
            ] {
                v.as_object_mut().unwrap().remove(later);
            }
            v.to_string() + "\n"
        })
        .collect();
    let (articles2, analyses2) = rebuilt(&old);
    let again = rows_of(&articles2, &analyses2);
    for (a, b) in rows.iter().zip(&again) {
        assert_eq!(b.pattern, a.pattern, "the pattern read back from the attribution's words");
        assert_eq!(b.speaker_basis, a.speaker_basis);
        assert_eq!(b.attribution, a.attribution);
        assert_eq!((&b.speaker, &b.country, &b.category), (&a.speaker, &a.country, &a.category));
    }
}

#[test]
fn articles_and_corpora_are_not_taken_for_statements_files() {
    for text in [
        r#"{"id": "a", "paragraphs": ["Mali's Foreign Minister said so."]}"#,
        r#"[{"id": "a", "paragraphs": ["One."]}, {"id": "b", "paragraphs": ["Two."]}]"#,
        "{\"title\": \"format: article-explorer/statements\", \"body\": \"Text.\"}",
        "number,article_id\nThis text starts like a CSV header but is not one.",
        "BAMAKO, 2 May 2024 (TEST) - The minister said the talks went well.",
    ] {
        assert!(
            matches!(
                open_text(text, None),
                Ok(Opened::Input(_)) | Err(ArticleError::Syntax { .. })
            ),
            "{text}"
        );
    }
}

#[test]
fn bad_rows_name_their_line() {
    let articles = example_corpus();
    let rows = rows_of(&articles, &analysed(&articles))[..3].to_vec();
    let mut bad = rows.clone();
    bad[1].category = "hostile".into();
    let message = |text: &str| open_text(text, None).unwrap_err().to_string();
    let expected = "The statements file cannot be read at line 2: `category` is \"hostile\", not one of praise, cooperate, aid, appeal, criticize, reject, neutral";
    assert_eq!(message(&jsonl(&bad)), expected);
    assert_eq!(message(&statements::statements_csv(&bad)), expected);
    let json = message(&statements::statements_json(&bad));
    assert!(json.starts_with("The statements file cannot be read at line "), "{json}");
    assert!(
        json.ends_with("not one of praise, cooperate, aid, appeal, criticize, reject, neutral"),
        "{json}"
    );

    let mut bad = rows.clone();
    bad[2].date = "2024-13-40".into();
    assert!(message(&jsonl(&bad))
        .starts_with("The statements file cannot be read at line 3: `date` is \"2024-13-40\": "));
    let mut bad = rows.clone();
    bad[0].sentence = " ".into();
    assert_eq!(
        message(&jsonl(&bad)),
        "The statements file cannot be read at line 1: `sentence` is empty"
    );
    let truncated = &jsonl(&rows)[..jsonl(&rows).len() - 40];
    assert!(message(truncated)
        .starts_with("The statements file cannot be read at line 3: EOF while parsing"));
    let mut no_speaker = serde_json::to_value(&rows[0]).unwrap();
    no_speaker.as_object_mut().unwrap().remove("speaker");
    let with_sentence = format!("{}\n{no_speaker}\n", serde_json::to_string(&rows[0]).unwrap());
    assert_eq!(
        message(&with_sentence),
        "The statements file cannot be read at line 2: missing field `speaker`"
    );

    assert_eq!(
        message(r#"{"format": "article-explorer/statements", "version": 2, "statements": []}"#),
        "This statements file is of version 2, made by a newer explorer; this one reads version 1"
    );
    assert_eq!(
        message(r#"{"format": "article-explorer/statements", "version": 1, "statements": []}"#),
        "The statements file holds no statements"
    );
    // A newer version is said first, whatever its rows hold.
    let mut newer: serde_json::Value =
        serde_json::from_str(&statements::statements_json(&rows)).unwrap();
    newer["version"] = 2.into();
    newer["statements"][0]["category"] = "a-new-category".into();
    assert_eq!(
        message(&newer.to_string()),
        "This statements file is of version 2, made by a newer explorer; this one reads version 1"
    );
    // A byte-order mark (Notepad, PowerShell) before JSON Lines or JSON is no part of it.
    for text in [jsonl(&rows), statements::statements_json(&rows)] {
        assert_eq!(reopened(&format!("\u{feff}{text}"))[0].rows.len(), 3);
    }
    let csv = statements::statements_csv(&rows);
    let header_only = csv.lines().next().unwrap().to_string() + "\r\n";
    assert_eq!(message(&header_only), "The statements file holds no statements");
}

#[test]
fn what_the_browser_keeps_opens_again_as_it_was() {
    use article_explorer::open::Kept;
    let corpus = example_corpus();
    let one = &corpus[..1];
    for (articles, rows, key) in [
        (one.to_vec(), None, format!("article:{}", one[0].id)),
        (corpus.clone(), None, format!("corpus:19:{}:{}", corpus[0].id, corpus[18].id)),
    ] {
        let kept = Kept::of(&articles, rows, 1.7e12);
        assert_eq!(kept.key, key);
        assert_eq!(kept.title, articles[0].headline().text());
        match kept.reopen() {
            Ok(Opened::Input(Input::Articles(back))) => assert_eq!(back, articles),
            other => panic!("{other:?}"),
        }
    }
    let rows = rows_of(&corpus, &analysed(&corpus));
    let reopened = reopened(&statements::statements_json(&rows));
    let articles: Vec<Article> = reopened.iter().map(|r| r.article.clone()).collect();
    let grouped: Vec<Vec<StatementRow>> = reopened.iter().map(|r| r.rows.clone()).collect();
    let kept = Kept::of(&articles, Some(&grouped), 1.7e12);
    assert!(kept.key.starts_with("statements:19:") && kept.statements);
    match kept.reopen() {
        Ok(Opened::Statements(back)) => assert_eq!(back, reopened),
        other => panic!("{other:?}"),
    }
    // The entry itself is JSON (IndexedDB keeps it as a string).
    let json = serde_json::to_string(&kept).unwrap();
    assert_eq!(serde_json::from_str::<Kept>(&json).unwrap(), kept);
}

#[test]
fn every_rebuilt_statement_has_its_own_link() {
    // Two speakers with one verb in one sentence, and a quotation continued in the next
    // paragraph (its cue is no words of its sentence).
    let text = r#"{"id": "t0", "date": "2024-05-02", "paragraphs": [
        "Chad's Foreign Minister, Idris Kamoun, said the talks went well, while Niger's Prime Minister, Ali Maiga, said they had failed.",
        "\"We will meet again,\" Kamoun said. \"The date is not set.",
        "\"It will be soon.\""]}"#;
    let articles = vec![article::read(text, None).unwrap()];
    let analyses = analysed(&articles);
    let rows = rows_of(&articles, &analyses);
    assert!(rows.len() >= 4, "{rows:#?}");
    let (_, rebuilt) = rebuilt(&statements::statements_json(&rows));
    // The links (`c…`, the cue's code point) of an analysis's statements, each once?
    let apart = |a: &Analysis| {
        let keys: Vec<usize> =
            a.statements.iter().map(article_explorer::analysis::corrections::key).collect();
        let mut once = keys.clone();
        once.sort();
        once.dedup();
        (once.len() == keys.len(), keys)
    };
    assert!(apart(&analyses[0]).0, "the analysis keys its statements apart");
    let (distinct, keys) = apart(&rebuilt[0]);
    assert!(distinct, "{keys:?}");
    assert_eq!(rebuilt[0].statements[1].speaker_name, "Ali Maiga");
}
