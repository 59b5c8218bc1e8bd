use super::*;
use crate::article::text::read_text;

fn doc(text: &str) -> Document {
    Document::new(&read_text(text, None).unwrap())
}

/// Each text holds one time expression, with these words, resolved to this range.
fn assert_resolve(
    make: fn(&str) -> Document,
    date: Option<Date>,
    cases: &[(&str, &str, &str, &str, bool)],
) {
    for (text, expr, start, end, fuzzy) in cases {
        let found = time_expressions(&make(text), date);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let e = &found[0];
        assert_eq!(
            (e.text.as_str(), e.range.start.to_string(), e.range.end.to_string(), e.range.fuzzy),
            (*expr, start.to_string(), end.to_string(), *fuzzy),
            "{text}"
        );
    }
}

/// Each text refers to these past events (labels), all before the article's date.
fn assert_events(make: fn(&str) -> Document, date: Option<Date>, cases: &[(&str, &[&str])]) {
    for (text, want) in cases {
        let d = make(text);
        let events = referenced_events(&d, &time_expressions(&d, date), date);
        let labels: Vec<&str> = events.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, *want, "{text}");
        assert!(events.iter().all(|e| e.range.start < date.unwrap()));
    }
}

#[test]
fn expressions_resolve_against_the_article_date() {
    // 18 March 2024 was a Monday.
    let date = Date::new(2024, 3, 18);
    let cases: &[(&str, &str, &str, &str, bool)] = &[
        ("He spoke yesterday.", "yesterday", "2024-03-17", "2024-03-17", false),
        ("He spoke on Monday.", "on Monday", "2024-03-18", "2024-03-18", false),
        ("He spoke on Friday.", "on Friday", "2024-03-15", "2024-03-15", false),
        ("He spoke last Monday.", "last Monday", "2024-03-11", "2024-03-11", false),
        ("It happened last week.", "last week", "2024-03-11", "2024-03-17", false),
        ("It happened last month.", "last month", "2024-02-01", "2024-02-29", false),
        ("It happened last year.", "last year", "2023-01-01", "2023-12-31", false),
        ("It happened in 2021.", "in 2021", "2021-01-01", "2021-12-31", false),
        ("Ties grew since 2021.", "since 2021", "2021-01-01", "2024-03-18", false),
        ("Coups in recent years.", "in recent years", "2019-03-18", "2024-03-18", true),
        (
            "It began in the past few years.",
            "in the past few years",
            "2019-03-18",
            "2024-03-18",
            true,
        ),
        ("It began two years ago.", "two years ago", "2021-09-18", "2022-09-18", true),
        ("They met on 15 March.", "on 15 March", "2024-03-15", "2024-03-15", false),
        ("They met on December 2.", "on December 2", "2023-12-02", "2023-12-02", false),
        ("They met on 2 May 2019.", "on 2 May 2019", "2019-05-02", "2019-05-02", false),
    ];
    assert_resolve(doc, date, cases);
}

#[test]
fn relative_expressions_need_an_article_date() {
    assert!(time_expressions(&doc("He spoke yesterday, in recent years."), None).is_empty());
    assert_eq!(time_expressions(&doc("It happened in 2021."), None).len(), 1);
}

#[test]
fn referenced_events_are_labelled_from_their_clause() {
    let date = Date::new(2024, 3, 18);
    let cases: &[(&str, &[&str])] = &[
        ("The Sahel region, which has witnessed political instability and coups in recent years, is calm.", &["political instability and coups"]),
        ("In recent years, the region has seen three coups.", &["the region has seen three coups"]),
        ("He cited the provision of humanitarian aid such as wheat and fertilizer as examples.", &["provision of humanitarian aid such as wheat and fertilizer"]),
        ("Russia delivered wheat to Mali.", &["delivered wheat to Mali"]),
        ("Russia pledged the delivery of wheat.", &[]),
        ("Moscow will send aid.", &[]),
        // A fragment is no event: a label that starts with its verb lost its subject…
        ("A task force, set up last month, met.", &[]),
        ("The decision, which drew protests last week, stands.", &[]),
        // …and what is left of a connective and a time word says nothing.
        ("Even as late as last year, the border was open.", &[]),
        // What someone said is a statement, not an event.
        ("The envoy said last week that the talks had stalled.", &[]),
        // Opening connectives go.
        ("But the army pulled its troops out last year.", &["the army pulled its troops out"]),
        // Referred to again, dated another way, it is one event.
        (
            "Clashes erupted in the north last week. Clashes erupted in the north in recent days.",
            &["Clashes erupted in the north"],
        ),
        // The same words on dates apart are two events.
        (
            "Elections were held in 2018. Elections were held in 2023.",
            &["Elections were held", "Elections were held"],
        ),
    ];
    assert_events(doc, date, cases);
}

fn doc_fr(text: &str) -> Document {
    let article = read_text(text, None).unwrap();
    Document::in_language(&article, Language::French)
}

#[test]
fn french_expressions_resolve_against_the_article_date() {
    // 18 March 2024 was a Monday.
    let date = Date::new(2024, 3, 18);
    let cases: &[(&str, &str, &str, &str, bool)] = &[
        ("Il s'est exprimé hier.", "hier", "2024-03-17", "2024-03-17", false),
        ("Il l'a dit avant-hier.", "avant-hier", "2024-03-16", "2024-03-16", false),
        ("Il l'a dit aujourd'hui.", "aujourd'hui", "2024-03-18", "2024-03-18", false),
        ("Le ministre a parlé vendredi.", "vendredi", "2024-03-15", "2024-03-15", false),
        ("Le ministre a parlé lundi.", "lundi", "2024-03-18", "2024-03-18", false),
        ("Le ministre a parlé lundi dernier.", "lundi dernier", "2024-03-11", "2024-03-11", false),
        ("Les pourparlers ont repris le 15 mars.", "le 15 mars", "2024-03-15", "2024-03-15", false),
        ("Ils se sont vus le 1er décembre.", "le 1er décembre", "2023-12-01", "2023-12-01", false),
        ("Ils se sont vus le 2 mai 2019.", "le 2 mai 2019", "2019-05-02", "2019-05-02", false),
        (
            "Ils se sont vus le mardi 12 mars.",
            "le mardi 12 mars",
            "2024-03-12",
            "2024-03-12",
            false,
        ),
        (
            "Tout a changé la semaine dernière.",
            "la semaine dernière",
            "2024-03-11",
            "2024-03-17",
            false,
        ),
        ("Tout a changé le mois dernier.", "le mois dernier", "2024-02-01", "2024-02-29", false),
        ("Tout a changé l'an dernier.", "l'an dernier", "2023-01-01", "2023-12-31", false),
        ("Tout a changé l'année passée.", "l'année passée", "2023-01-01", "2023-12-31", false),
        ("Le traité date de 2021, en 2021.", "en 2021", "2021-01-01", "2021-12-31", false),
        ("Les liens se resserrent depuis 2021.", "depuis 2021", "2021-01-01", "2024-03-18", false),
        ("Tout s'est joué en février 2023.", "en février 2023", "2023-02-01", "2023-02-28", false),
        (
            "Des coups d'État ces dernières années.",
            "ces dernières années",
            "2019-03-18",
            "2024-03-18",
            true,
        ),
        (
            "La région a souffert au cours des derniers mois.",
            "au cours des derniers mois",
            "2023-09-18",
            "2024-03-18",
            true,
        ),
        ("Tout a commencé il y a deux ans.", "il y a deux ans", "2021-09-18", "2022-09-18", true),
        (
            "Tout a commencé il y a trois jours.",
            "il y a trois jours",
            "2024-03-15",
            "2024-03-15",
            false,
        ),
        (
            "Le prix a doublé plus tôt cette année.",
            "plus tôt cette année",
            "2024-01-01",
            "2024-03-18",
            false,
        ),
    ];
    assert_resolve(doc_fr, date, cases);
}

#[test]
fn french_days_date_statements_and_periods_refer_to_past_events() {
    let date = Date::new(2024, 3, 18);
    let d = doc_fr("Le ministre a parlé lundi dernier. Le Sahel, qui a connu des coups d'État ces dernières années, reste fragile.");
    let found = time_expressions(&d, date);
    assert_eq!(found.iter().map(|e| e.point).collect::<Vec<_>>(), [true, false]);
    let cases: &[(&str, &[&str])] = &[
        (
            "Le Sahel, qui a connu des coups d'État ces dernières années, reste fragile.",
            &["coups d'État"],
        ),
        ("La Russie a livré du blé au Mali.", &["livré du blé au Mali"]),
        ("La Russie a promis la livraison de blé.", &[]),
        ("Moscou va fournir une aide.", &[]),
        // Fragments are no events; opening connectives go.
        ("Une cellule, créée le mois dernier, a siégé.", &[]),
        ("Mais l'armée a retiré ses troupes l'an dernier.", &["l'armée a retiré ses troupes"]),
        ("Des affrontements ces dernières semaines ont inquiété.", &["affrontements"]),
        // A noun ending like a participle ("armée") does not start a label as its verb would.
        ("L'armée malienne a reculé l'an dernier.", &["armée malienne a reculé"]),
    ];
    assert_events(doc_fr, date, cases);
}

#[test]
fn an_english_text_is_not_read_with_french_words_nor_the_reverse() {
    let date = Date::new(2024, 3, 18);
    assert!(time_expressions(&doc("He spoke hier and lundi."), date).is_empty());
    assert!(time_expressions(&doc_fr("Il a parlé yesterday."), date).is_empty());
}
