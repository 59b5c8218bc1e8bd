//! The analysis worker's messages and work (`jobs`): messages cross as JSON and come back
//! equal; messages of another version or shape are refused with a reason; the work done a
//! step at a time is the analysis done at once; searches and languages on the open corpus.

use article_explorer::analysis::corpus::{analyze_corpus, Stage};
use article_explorer::analysis::search::search_corpus;
use article_explorer::analysis::text::{Document, Page};
use article_explorer::analysis::{Analysis, Language, ThemeDef, ThemeSet};
use article_explorer::article::{self, Article, Input};
use article_explorer::export::statements;
use article_explorer::jobs::protocol::{read, write};
use article_explorer::jobs::{Analyst, Corpus, FromWorker, ProtocolError, Themes, ToWorker};

fn articles_of(text: &str) -> Vec<Article> {
    match article::read_input(text, None).unwrap() {
        Input::Articles(a) => a,
        other => panic!("{other:?}"),
    }
}

fn example_corpus() -> Vec<Article> {
    articles_of(include_str!("../public/examples/sahel-russia-2007-2024.json"))
}

fn seed() -> Article {
    articles_of(include_str!("../public/articles/mali-russia-2024-03-18.json")).remove(0)
}

fn corpus(articles: Vec<Article>) -> Corpus {
    let languages = articles.iter().map(|a| Document::new(a).language).collect();
    Corpus { articles, languages, statements: None }
}

fn at_once(articles: &[Article], themes: &ThemeSet) -> Vec<Analysis> {
    let docs: Vec<Document> = articles.iter().map(Document::new).collect();
    analyze_corpus(&articles.iter().collect::<Vec<_>>(), &docs.iter().collect::<Vec<_>>(), themes)
}

/// Runs a job to its end, with the progress reported before each step.
fn run(analyst: &Analyst, themes: &Themes) -> (Vec<Analysis>, Vec<(Stage, usize, usize)>) {
    let mut work = analyst.work(themes);
    let mut progress = vec![work.progress()];
    while work.step(analyst) {
        progress.push(work.progress());
    }
    (work.finish(), progress)
}

fn json(a: &Analysis) -> String {
    serde_json::to_string(a).unwrap()
}

#[test]
fn an_analysis_crosses_as_a_message_and_reads_back_as_it_was_written() {
    let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
    let analysis = at_once(&[seed()], &themes).remove(0);
    assert_eq!(analysis.statements.len(), 10);
    // A short analysis crosses in one message.
    assert_eq!(article_explorer::jobs::protocol::pack(7, 0, analysis.clone()).len(), 1);
    let sent = FromWorker::Analysed { job: 7, article: 0, analysis: analysis.clone() };
    let text = write(&sent);
    assert!(
        text.starts_with(r#"{"v":2,"body":{"analysed":{"job":7,"article":0,"#),
        "{}",
        &text[..80]
    );
    match read::<FromWorker>(&text).unwrap() {
        FromWorker::Analysed { job: 7, article: 0, analysis: back } => {
            // Everything the analysis JSON holds is back (a person's gender, which only the
            // analysis reads, is not part of it).
            assert_eq!(json(&back), json(&analysis));
            assert_eq!(back.statements, analysis.statements);
            assert_eq!(back.statements[0].category_label, analysis.statements[0].category_label);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn each_request_reads_back_as_it_was_written() {
    let user = vec![ThemeDef {
        id: "ports".into(),
        name: "Ports".into(),
        colour: "#aa5500".into(),
        terms: vec!["harbour".into(), "dock".into()],
        builtin: false,
    }];
    let themes = Themes { user, builtins_off: vec!["security".into()] };
    for request in [
        ToWorker::Open { job: 1, corpus: corpus(vec![seed()]), themes: themes.clone() },
        ToWorker::Analyse { job: 2, themes, languages: vec![Language::French] },
        ToWorker::Search { job: 3, query: "wheat".into(), context: 48, limit: 200 },
    ] {
        assert_eq!(read::<ToWorker>(&write(&request)).unwrap(), request);
    }
}

#[test]
fn a_message_of_another_version_or_shape_is_refused_with_its_reason() {
    let cases: [(&str, ProtocolError); 8] = [
        (r#"{"v":3,"body":"ready"}"#, ProtocolError::Version { found: 3 }),
        // A newer version's body is not read before its version is known.
        (r#"{"v":3,"body":{"teleport":{}}}"#, ProtocolError::Version { found: 3 }),
        (r#"{"v":2,"body":{"teleport":{}}}"#, ProtocolError::Shape("unknown variant `teleport`, expected one of `ready`, `progress`, `analysed`, `more`, `done`, `found`, `failed` at line 1 column 25".into())),
        (r#"{"v":2,"body":"teleport"}"#, ProtocolError::Shape("unknown variant `teleport`, expected one of `ready`, `progress`, `analysed`, `more`, `done`, `found`, `failed` at line 1 column 24".into())),
        (r#"{"v":2,"body":{"done":{}}}"#, ProtocolError::Shape("missing field `job` at line 1 column 24".into())),
        // Version 1's shape: the kind beside the fields.
        (r#"{"v":2,"body":{"kind":"done","job":1}}"#, ProtocolError::Shape("unknown variant `kind`, expected one of `ready`, `progress`, `analysed`, `more`, `done`, `found`, `failed` at line 1 column 21".into())),
        (r#"{"body":"ready"}"#, ProtocolError::Shape("missing field `v` at line 1 column 16".into())),
        ("ready", ProtocolError::Shape("expected value at line 1 column 1".into())),
    ];
    for (text, error) in cases {
        assert_eq!(read::<FromWorker>(text), Err(error), "{text}");
    }
    assert_eq!(
        ProtocolError::Version { found: 1 }.to_string(),
        "a message of version 1, where this app reads version 2"
    );
}

/// public/worker-loader.js writes the `failed` message of a worker that cannot start by hand
/// (no Rust runs yet): it must be the message `protocol::write` makes.
#[test]
fn the_loaders_failed_message_is_the_protocols() {
    let loader = include_str!("../public/worker-loader.js");
    let written = write(&FromWorker::Failed { job: None, message: "MESSAGE".into() });
    let (before, after) = written.split_once(r#""MESSAGE""#).unwrap();
    let expected = format!("postMessage('{before}' + JSON.stringify(message) + '{after}');");
    assert!(loader.contains(&expected), "the loader should post {expected}");
}

#[test]
fn a_corpus_message_that_does_not_add_up_is_refused() {
    let mut c = corpus(vec![seed(), seed()]);
    c.languages.pop();
    assert_eq!(Analyst::open(c.clone()).err().unwrap(), "1 languages for 2 articles");
    c.languages.push(Language::English);
    c.statements = Some(vec![Vec::new()]);
    assert_eq!(Analyst::open(c.clone()).err().unwrap(), "1 lists of statements for 2 articles");
    c.statements = None;
    c.articles[1].paragraphs.clear();
    assert_eq!(Analyst::open(c).err().unwrap(), "article 2 has no text");
}

#[test]
fn the_work_a_step_at_a_time_is_the_corpus_analysed_at_once() {
    let articles = example_corpus();
    let n = articles.len();
    let analyst = Analyst::open(corpus(articles.clone())).unwrap();
    let (stepped, progress) = run(&analyst, &Themes::default());
    let once = at_once(&articles, &ThemeSet::with_builtins(Vec::new()).unwrap());
    assert_eq!(
        stepped.iter().map(json).collect::<Vec<_>>(),
        once.iter().map(json).collect::<Vec<_>>()
    );
    // Each article read alone, then each looked at again knowing the corpus's people (the
    // progress before each step, so the last step's is not there).
    let reading: Vec<usize> =
        progress.iter().filter(|p| p.0 == Stage::Reading).map(|p| p.1).collect();
    let linking: Vec<usize> =
        progress.iter().filter(|p| p.0 == Stage::Linking).map(|p| p.1).collect();
    assert_eq!(reading, (0..=n).collect::<Vec<_>>());
    assert_eq!(linking, (0..n).collect::<Vec<_>>());
    assert!(progress.iter().all(|p| p.2 == n));
}

#[test]
fn one_article_is_one_step() {
    let analyst = Analyst::open(corpus(vec![seed()])).unwrap();
    let (analyses, progress) = run(&analyst, &Themes::default());
    assert_eq!(progress, vec![(Stage::Reading, 0, 1)]);
    assert_eq!(analyses[0].statements.len(), 10);
}

#[test]
fn a_users_theme_and_a_theme_switched_off_are_the_works() {
    let user = vec![ThemeDef {
        id: "grain".into(),
        name: "Grain".into(),
        colour: "#aa5500".into(),
        terms: vec!["wheat".into()],
        builtin: false,
    }];
    let analyst = Analyst::open(corpus(vec![seed()])).unwrap();
    let ids = |themes: Themes| -> Vec<String> {
        run(&analyst, &themes).0[0].themes.iter().map(|t| t.id.clone()).collect()
    };
    let all = ids(Themes::default());
    let first = all[0].clone();
    let mine = ids(Themes { user, builtins_off: vec![first.clone()] });
    assert!(mine.contains(&"grain".to_string()), "{mine:?}");
    assert!(!mine.contains(&first), "{mine:?}");
}

#[test]
fn a_statements_file_is_rebuilt_a_step_at_a_time() {
    let articles = example_corpus();
    let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
    let analyses = at_once(&articles, &themes);
    let rows = statements::statement_rows(
        &articles.iter().collect::<Vec<_>>(),
        &analyses.iter().collect::<Vec<_>>(),
    );
    let reopened =
        match article_explorer::open::open_text(&statements::statements_json(&rows), None) {
            Ok(article_explorer::open::Opened::Statements(r)) => r,
            other => panic!("{other:?}"),
        };
    let direct: Vec<String> = reopened
        .iter()
        .map(|r| {
            json(&statements::rebuild::rebuild(
                &r.article,
                &Document::new(&r.article),
                &r.rows,
                &themes,
            ))
        })
        .collect();
    let c = Corpus {
        languages: reopened.iter().map(|r| Document::new(&r.article).language).collect(),
        statements: Some(reopened.iter().map(|r| r.rows.clone()).collect()),
        articles: reopened.into_iter().map(|r| r.article).collect(),
    };
    let n = c.articles.len();
    let (stepped, progress) = run(&Analyst::open(c).unwrap(), &Themes::default());
    assert_eq!(stepped.iter().map(json).collect::<Vec<_>>(), direct);
    assert_eq!(progress.len(), n);
    assert_eq!(stepped.iter().map(|a| a.statements.len()).sum::<usize>(), rows.len());
}

#[test]
fn a_search_runs_over_the_open_corpus_and_a_language_reads_an_article_again() {
    let articles = example_corpus();
    let mut analyst = Analyst::open(corpus(articles.clone())).unwrap();
    let docs: Vec<Document> = articles.iter().map(Document::new).collect();
    let expected = search_corpus(&docs.iter().collect::<Vec<_>>(), "wagner", 48, 200);
    assert!(expected.len() > 3, "{}", expected.len());
    assert_eq!(analyst.search("wagner", 48, 200), expected);
    let mut languages: Vec<Language> = docs.iter().map(|d| d.language).collect();
    languages[0] = Language::French;
    analyst.set_languages(&languages).unwrap();
    assert_eq!(run(&analyst, &Themes::default()).0[0].language, Language::French);
    assert_eq!(
        analyst.set_languages(&languages[1..]).unwrap_err(),
        format!("{} languages for {} articles", languages.len() - 1, articles.len())
    );
}

#[test]
fn the_text_only_analysis_has_the_analysis_paragraph_spans() {
    let articles = example_corpus();
    let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
    for (a, full) in articles.iter().zip(at_once(&articles, &themes)) {
        let page = Page::of(a, full.language);
        let text_only = Analysis::text_only(a, &page);
        let spans = |x: &Analysis| x.paragraphs.iter().map(|p| p.span).collect::<Vec<_>>();
        assert_eq!(spans(&text_only), spans(&full), "{}", a.id);
        assert!(text_only.statements.is_empty() && text_only.sentences.is_empty());
        assert_eq!(page.text, Document::new(a).text);
    }
}

#[test]
fn a_long_analysis_crosses_in_parts_and_is_whole_again() {
    // The seed's paragraphs 400 times: about 4,000 statements, more than one part of each list.
    let mut article = seed();
    let paragraphs = article.paragraphs.clone();
    article.paragraphs = (0..400).flat_map(|_| paragraphs.clone()).collect();
    let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
    let analysis = at_once(&[article], &themes).remove(0);
    assert_eq!(analysis.statements.len(), 4000);
    let messages = article_explorer::jobs::protocol::pack(3, 0, analysis.clone());
    let texts: Vec<String> = messages.iter().map(write).collect();
    assert!(texts.len() >= 10, "{}", texts.len());
    // Each message stays small enough for the page to read in a short task.
    let longest = texts.iter().map(String::len).max().unwrap();
    assert!(longest < 600_000, "{longest}");
    let mut back = None;
    for text in &texts {
        match read::<FromWorker>(text).unwrap() {
            FromWorker::Analysed { job: 3, article: 0, analysis } => back = Some(analysis),
            FromWorker::More { job: 3, article: 0, more } => {
                article_explorer::jobs::protocol::unpack(back.as_mut().unwrap(), more)
            }
            other => panic!("{other:?}"),
        }
    }
    // Whole again, but for what the page never reads.
    let mut expected = analysis;
    expected.mentions.clear();
    expected.time_expressions.clear();
    assert_eq!(json(&back.unwrap()), json(&expected));
}

#[test]
fn a_long_text_crosses_to_the_worker_in_parts_and_is_whole_again() {
    // A long article between two short ones: only the long one is sent in parts.
    let mut long = seed();
    let paragraphs = long.paragraphs.clone();
    long.paragraphs = (0..1200).flat_map(|_| paragraphs.clone()).collect();
    let sent = corpus(vec![seed(), long, seed()]);
    let themes = Themes::default();
    let messages = article_explorer::jobs::protocol::open_messages(5, sent.clone(), themes);
    let texts: Vec<String> = messages.iter().map(write).collect();
    assert!(texts.len() > 5, "{}", texts.len());
    assert!(texts.iter().all(|t| t.len() < 400_000), "{:?}", texts.iter().map(String::len).max());
    let mut parts = Vec::new();
    let mut opened = None;
    for text in &texts {
        match read::<ToWorker>(text).unwrap() {
            ToWorker::Text { job: 5, article, paragraphs } => {
                assert_eq!(article, 1);
                assert!(opened.is_none(), "every part comes before the open");
                parts.push((article, paragraphs));
            }
            ToWorker::Open { job: 5, corpus, .. } => opened = Some(corpus),
            other => panic!("{other:?}"),
        }
    }
    let mut back = opened.unwrap();
    article_explorer::jobs::protocol::join_text(&mut back, parts).unwrap();
    assert_eq!(back, sent);
    // A part for an article the corpus does not have is refused.
    let mut short = corpus(vec![seed()]);
    assert_eq!(
        article_explorer::jobs::protocol::join_text(&mut short, vec![(3, vec!["x".into()])]),
        Err("text for article 4 of 1".into())
    );
}
