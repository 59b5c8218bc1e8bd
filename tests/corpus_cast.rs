//! One cast across a corpus (`analysis::corpus`): table tests on invented articles. Every
//! person here is fictional; each case is a small corpus in the project's JSON.

#[path = "support/corpus.rs"]
mod support;
use support::corpus;

use article_explorer::analysis::corpus::Cast;
use article_explorer::analysis::{ActorKind, Analysis};

/// A corpus of (date, text) articles, analysed as a corpus.

/// The cast's name of each statement's speaker, article by article.
fn speakers(analyses: &[Analysis], cast: &Cast) -> Vec<Vec<String>> {
    analyses
        .iter()
        .enumerate()
        .map(|(k, a)| {
            a.statements
                .iter()
                .map(|s| cast.actors[cast.of(k, s.speaker).unwrap()].name.clone())
                .collect()
        })
        .collect()
}

fn person<'c>(cast: &'c Cast, name: &str) -> &'c article_explorer::analysis::corpus::CastActor {
    let i = cast.find(name).unwrap_or_else(|| panic!("no {name} in {:?}", cast.actors));
    &cast.actors[i]
}

#[test]
fn a_person_introduced_in_one_article_is_named_by_surname_in_the_next() {
    let (analyses, cast) = corpus(&[
        ("2023-01-10", "Russian Foreign Minister Sergey Lavrenko said Moscow would keep its instructors in Mali."),
        ("2023-02-14", "Lavrenko said the partnership with Bamako was strong. He added that France had failed."),
    ]);
    assert_eq!(speakers(&analyses, &cast), [vec!["Sergey Lavrenko"], vec!["Sergey Lavrenko"; 2]]);
    let p = person(&cast, "Sergey Lavrenko");
    assert_eq!(p.kind, ActorKind::Person);
    assert_eq!(p.articles, [0, 1]);
    assert_eq!(p.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(p.role_article, Some(0));
    assert_eq!(cast.speaker_country(cast.find("Sergey Lavrenko").unwrap()), Some("Russia"));
    assert_eq!(p.variants, ["Sergey Lavrenko"]);
}

#[test]
fn alone_the_surname_article_is_analysed_as_before() {
    let (analyses, _) =
        corpus(&[("2023-02-14", "Lavrenko said the partnership with Bamako was strong.")]);
    assert!(analyses[0].statements.is_empty(), "{:?}", analyses[0].statements);
}

#[test]
fn spellings_of_one_name_are_one_actor_with_its_variants() {
    let cases: &[(&str, &str, &str)] = &[
        // transliteration of the surname
        (
            "Russian envoy Vassily Valenzia told the council that the sanctions were unjust.",
            "Russian envoy Vassily Valenzya said the mission had failed.",
            "Vassily Valenzia",
        ),
        // of the given name
        (
            "Russian Deputy Minister Sergey Borovkin said the deal was ready.",
            "Russian Deputy Minister Sergei Borovkin said the deal was signed.",
            "Sergey Borovkin",
        ),
        // a French spelling with a diaeresis
        (
            "Malian Prime Minister Choguel Maïgane said the transition would last.",
            "Malian Prime Minister Choguel Maigane said elections would wait.",
            "Choguel Maïgane",
        ),
    ];
    for (first, second, name) in cases {
        let (analyses, cast) = corpus(&[("2023-01-10", first), ("2023-06-10", second)]);
        let names = speakers(&analyses, &cast);
        assert_eq!(names, [vec![name.to_string()], vec![name.to_string()]], "{second}");
        let p = person(&cast, name);
        assert_eq!(p.variants.len(), 2, "{:?}", p.variants);
        assert_eq!(p.articles, [0, 1]);
    }
}

#[test]
fn people_who_only_share_a_surname_stay_apart() {
    let (analyses, cast) = corpus(&[
        ("2023-01-10", "Senegal's Foreign Minister, Awa Dialloba, welcomed the talks."),
        ("2023-02-10", "Mali's Trade Minister, Amadou Dialloba, praised the grain offer."),
        ("2023-03-10", "Dialloba said the talks had stalled."),
    ]);
    let names = speakers(&analyses, &cast);
    assert_eq!(names[0], ["Awa Dialloba"]);
    assert_eq!(names[1], ["Amadou Dialloba"]);
    // Two known people of that surname: the third article's is neither of them.
    assert!(names[2].is_empty(), "{names:?}");
    assert_ne!(cast.find("Awa Dialloba"), cast.find("Amadou Dialloba"));
}

#[test]
fn a_role_and_country_stand_for_the_one_person_who_holds_them() {
    let (analyses, cast) = corpus(&[
        ("2023-01-10", "Russian Foreign Minister Sergey Lavrenko said Moscow would stay."),
        (
            "2023-05-02",
            "The Russian foreign minister told reporters that the sanctions had failed.",
        ),
    ]);
    assert_eq!(speakers(&analyses, &cast)[1], ["Sergey Lavrenko"]);
}

#[test]
fn the_latest_article_that_states_a_role_gives_it() {
    let (_, cast) = corpus(&[
        ("2022-01-10", "Russian Deputy Foreign Minister Ivan Petrovsky said talks would go on."),
        ("2024-03-10", "Russian Foreign Minister Ivan Petrovsky said the talks were over."),
        ("2023-03-10", "Petrovsky said Moscow was patient."),
    ]);
    let p = person(&cast, "Ivan Petrovsky");
    assert_eq!(p.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(p.role_article, Some(1));
    assert_eq!(p.articles, [0, 1, 2]);
}

#[test]
fn countries_and_institutions_are_one_actor_across_articles() {
    let (_, cast) = corpus(&[
        ("2023-01-10", "The Kremlin said Russia would help Mali."),
        ("2023-02-10", "Moscow said Mali had asked for help. The Kremlin said nothing more."),
    ]);
    let count = |name: &str| cast.actors.iter().filter(|a| a.name == name).count();
    assert_eq!(count("Russia"), 1, "{:?}", cast.actors);
    assert_eq!(count("Mali"), 1);
    let russia = cast.find("russia").unwrap();
    assert_eq!(cast.actors[russia].articles, [0, 1]);
}

#[test]
fn each_theme_is_counted_across_the_articles() {
    use article_explorer::analysis::corpus::themes_across;
    let (analyses, _) = corpus(&[
        ("2023-01-10", "Russia pledged wheat and fertilizer to Mali."),
        ("2023-02-10", "The junta postponed the elections."),
        ("2023-03-10", "More wheat arrived by ship."),
    ]);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let across = themes_across(&refs);
    let aid = across.iter().find(|t| t.id == "humanitarian").unwrap();
    let per_article: u32 = analyses
        .iter()
        .map(|a| a.themes.iter().find(|t| t.id == "humanitarian").map_or(0, |t| t.hits))
        .sum();
    assert_eq!((aid.hits, per_article), (3, 3));
    assert_eq!(aid.articles, 2, "{across:?}");
}

#[test]
fn the_statement_rows_carry_the_corpus_names() {
    let texts = [
        ("2023-01-10", "Russian Foreign Minister Sergey Lavrenko said Moscow would keep its instructors in Mali."),
        ("2023-02-14", "Lavrenko said the partnership with Bamako was strong."),
    ];
    let (analyses, _) = corpus(&texts);
    let articles = support::articles(&texts);
    let rows = article_explorer::export::statement_rows(
        &articles.iter().collect::<Vec<_>>(),
        &analyses.iter().collect::<Vec<_>>(),
    );
    let second = &rows[1];
    // As the second article writes it, and as the corpus knows him.
    assert_eq!((second.speaker.as_str(), second.country.as_str()), ("Lavrenko", ""));
    assert_eq!(
        (
            second.corpus_speaker.as_str(),
            second.corpus_country.as_str(),
            second.corpus_target.as_str()
        ),
        ("Sergey Lavrenko", "Russia", "Mali")
    );
}
