//! The relations view's core (`analysis::relations`): dyads, their series by period and tone,
//! and the URL form, on invented corpora (every person here is fictional).

#[path = "support/corpus.rs"]
mod support;
use support::corpus;

use article_explorer::analysis::relations::{self, Dyad, Period, StatementRef};
use article_explorer::analysis::{Analysis, Category};
use article_explorer::article::Date;

const SAHEL: &[(&str, &str)] = &[
    ("2023-01-10", "Malian Foreign Minister Abdou Sakona praised Russia for its support. Sakona said Moscow was a reliable partner."),
    ("2023-03-02", "Russian Foreign Minister Sergey Lavrenko criticised France over its record in Mali. Lavrenko also urged Mali to hold elections."),
    ("2023-09-20", "Sakona thanked Russia for the grain. The Kremlin welcomed Mali's decision to leave the bloc."),
];

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

#[test]
fn the_most_frequent_pair_is_the_default_dyad() {
    let (analyses, cast) = corpus(SAHEL);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let pairs = relations::pairs(&refs, &cast);
    let names: Vec<(String, String, usize)> = pairs
        .iter()
        .map(|p| (cast.actors[p.dyad.a].name.clone(), cast.actors[p.dyad.b].name.clone(), p.count))
        .collect();
    assert_eq!((pairs[0].forward, pairs[0].both_ways()), (3, true));
    // Mali → Russia three times (Sakona twice, then once more by surname), Russia → Mali twice
    // (the minister's appeal, the Kremlin's praise); Russia → France once.
    assert_eq!(names[0], ("Mali".into(), "Russia".into(), 5), "{names:?}");
    assert!(names.contains(&("France".into(), "Russia".into(), 1)), "{names:?}");
    assert_eq!(relations::format_dyad(&cast, pairs[0].dyad), "mali,russia");
}

#[test]
fn a_series_counts_each_direction_per_month_with_its_tone() {
    let (analyses, cast) = corpus(SAHEL);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let dyad = relations::parse_dyad(&cast, "mali,russia").unwrap();
    let s = relations::series(&refs, &cast, dyad);
    assert_eq!(s.period, Period::Month);
    // January to September 2023: nine months, the empty ones included.
    assert_eq!(s.buckets.len(), 9);
    assert_eq!((s.buckets[0].start, s.buckets[0].end), (d("2023-01-01"), d("2023-01-31")));
    let counts: Vec<(usize, usize)> =
        s.buckets.iter().map(|b| (b.forward.len(), b.backward.len())).collect();
    assert_eq!(counts, [(2, 0), (0, 0), (0, 1), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0), (1, 1)]);
    let praise = Category::Praise.goldstein();
    let cooperate = Category::Cooperate.goldstein();
    assert_eq!(s.buckets[0].forward_tone, Some((praise + cooperate) / 2.0));
    assert_eq!(s.buckets[0].backward_tone, None);
    assert_eq!(s.buckets[2].backward_tone, Some(Category::Appeal.goldstein()));
    assert_eq!(
        s.buckets[0].statements(),
        [StatementRef { article: 0, statement: 0 }, StatementRef { article: 0, statement: 1 }]
    );
    assert_eq!(s.total(), 5);
    assert_eq!(s.max_count(), 2);
}

#[test]
fn the_dyad_in_the_other_order_swaps_the_directions() {
    let (analyses, cast) = corpus(SAHEL);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let ab = relations::series(&refs, &cast, relations::parse_dyad(&cast, "mali,russia").unwrap());
    let ba = relations::series(&refs, &cast, relations::parse_dyad(&cast, "Russia,MALI").unwrap());
    for (x, y) in ab.buckets.iter().zip(&ba.buckets) {
        assert_eq!((&x.forward, &x.backward), (&y.backward, &y.forward));
    }
}

#[test]
fn a_person_is_a_party_of_their_own() {
    let (analyses, cast) = corpus(SAHEL);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let dyad = relations::parse_dyad(&cast, "abdou-sakona,russia").unwrap();
    let s = relations::series(&refs, &cast, dyad);
    assert_eq!(s.total(), 3);
    assert!(s.buckets.iter().all(|b| b.backward.is_empty()));
}

#[test]
fn a_short_span_is_counted_by_week_and_bad_dyads_are_none() {
    let (analyses, cast) = corpus(&[
        ("2024-03-06", "Malian Foreign Minister Abdou Sakona praised Russia for its support."),
        ("2024-03-20", "Sakona thanked Russia for the grain."),
    ]);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let dyad = relations::parse_dyad(&cast, "mali,russia").unwrap();
    let s = relations::series(&refs, &cast, dyad);
    assert_eq!(s.period, Period::Week);
    // Weeks from Monday 4 March to Monday 18 March.
    let starts: Vec<Date> = s.buckets.iter().map(|b| b.start).collect();
    assert_eq!(starts, [d("2024-03-04"), d("2024-03-11"), d("2024-03-18")]);
    assert_eq!(
        s.buckets[0].label(Period::Week, article_explorer::locale::Language::English),
        "week of 4 Mar 2024"
    );
    assert_eq!(relations::parse_dyad(&cast, "mali,mali"), None);
    assert_eq!(relations::parse_dyad(&cast, "mali"), None);
    assert_eq!(relations::parse_dyad(&cast, "mali,atlantis"), None);
    assert_eq!(relations::parse_dyad(&cast, "mali,russia"), Some(Dyad { a: dyad.a, b: dyad.b }));
}

#[test]
fn tone_words() {
    use article_explorer::locale::Language::*;
    assert_eq!(relations::tone_label(3.4, English), "+3.4 (cooperative)");
    assert_eq!(relations::tone_label(-2.0, French), "-2,0 (conflictuel)");
    assert_eq!(relations::tone_label(0.0, English), "0.0 (neutral)");
}

#[test]
fn the_series_exports_as_csv_and_json() {
    use article_explorer::export::relations::{series_csv, series_json};
    let (analyses, cast) = corpus(SAHEL);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let s = relations::series(&refs, &cast, relations::parse_dyad(&cast, "mali,russia").unwrap());
    let csv = series_csv(&cast, &s);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "a,b,period_start,period_end,a_to_b,b_to_a,a_to_b_tone,b_to_a_tone");
    assert_eq!(lines[1], "Mali,Russia,2023-01-01,2023-01-31,2,0,3.70,");
    assert_eq!(lines[3], "Mali,Russia,2023-03-01,2023-03-31,0,1,,3.00");
    assert_eq!(lines.len(), 10);
    let articles = support::articles(SAHEL);
    let json: serde_json::Value =
        serde_json::from_str(&series_json(&articles.iter().collect::<Vec<_>>(), &refs, &cast, &s))
            .unwrap();
    assert_eq!(json["format"], "article-explorer/relations");
    assert_eq!(
        (json["a"].as_str(), json["b"].as_str(), json["period"].as_str()),
        (Some("Mali"), Some("Russia"), Some("month"))
    );
    let first = &json["periods"][0];
    assert_eq!(first["a_to_b"], 2);
    assert_eq!(first["statements"][0]["article"], "t0");
    assert_eq!(first["statements"][0]["direction"], "a_to_b");
    assert!(first["statements"][0]["statement"].as_str().unwrap().starts_with('c'));
}

#[test]
fn the_chart_scales_bars_and_thins_labels_and_the_list_names_by_the_cast() {
    use article_explorer::analysis::Tone;
    let (analyses, cast) = corpus(SAHEL);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let s = relations::series(&refs, &cast, relations::parse_dyad(&cast, "mali,russia").unwrap());
    // Nine months across 90 units: 10 a period; a label needs 25, so every third is labelled.
    let bars = relations::chart(&s, 90.0, 40.0, 25.0);
    assert_eq!(bars.len(), 9);
    assert_eq!(
        (bars[0].x, bars[0].width, bars[0].forward, bars[0].backward),
        (0.0, 10.0, 40.0, 0.0)
    );
    assert_eq!(bars[8].forward, 20.0);
    assert_eq!(bars[0].forward_tone, Some(Tone::Cooperative));
    let labelled: Vec<usize> = bars.iter().filter(|b| b.labelled).map(|b| b.bucket).collect();
    assert_eq!(labelled, [0, 3, 6]);
    // September: Sakona by surname (named by the cast in full) and the Kremlin.
    let listed = relations::listing(&refs, &cast, &s.buckets[8]);
    let who: Vec<(&str, &str, bool)> =
        listed.iter().map(|l| (l.speaker.as_str(), l.target.as_str(), l.forward)).collect();
    assert_eq!(who, [("Abdou Sakona", "Russia", true), ("Kremlin", "Mali", false)]);
    assert_eq!(relations::bucket_of(&s, listed[1].at), Some(8));
    let pairs = relations::pairs(&refs, &cast);
    let choices: Vec<&str> = relations::party_choices(&pairs, &cast)
        .iter()
        .map(|&a| cast.actors[a].name.as_str())
        .collect();
    assert_eq!(&choices[..2], ["Russia", "Mali"]);
}

#[test]
fn the_default_dyad_is_the_most_frequent_pair_of_countries() {
    let (analyses, cast) = corpus(&[
        ("2023-01-10", "Russian Foreign Minister Sergey Lavrenko praised Mali. Lavrenko criticised France. Lavrenko thanked Mali again."),
        ("2023-02-10", "Malian Foreign Minister Abdou Sakona thanked Russia for its help."),
    ]);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let pairs = relations::pairs(&refs, &cast);
    let first =
        (cast.actors[pairs[0].dyad.a].name.as_str(), cast.actors[pairs[0].dyad.b].name.as_str());
    // A person's pair can be the most frequent, but the corpus opens on two countries.
    assert_eq!(first, ("Mali", "Russia"));
    // Russia speaks of Mali twice, Mali of Russia once: Russia is A.
    let d = relations::default_dyad(&pairs, &cast).unwrap();
    assert_eq!(relations::format_dyad(&cast, d), "russia,mali");
    assert_eq!(relations::default_dyad(&[], &cast), None);
}

#[test]
fn a_two_way_pair_comes_before_a_more_frequent_one_way_pair() {
    let (analyses, cast) = corpus(&[
        ("2023-01-10", "Russian Foreign Minister Sergey Lavrenko criticised France. Lavrenko condemned France again. Lavrenko also accused France of lying."),
        ("2023-02-10", "Malian Foreign Minister Abdou Sakona thanked Russia for its help. Lavrenko praised Mali."),
    ]);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let pairs = relations::pairs(&refs, &cast);
    let top = &pairs[0];
    assert_eq!(relations::format_dyad(&cast, top.dyad), "france,russia");
    assert!(!top.both_ways());
    // Alone, the one-way pair opens with its speaker first.
    let one_way = relations::default_dyad(&pairs[..1], &cast).unwrap();
    assert_eq!(relations::format_dyad(&cast, one_way), "russia,france");
    let d = relations::default_dyad(&pairs, &cast).unwrap();
    assert_eq!(relations::format_dyad(&cast, d), "mali,russia");
}

#[test]
fn periods_in_short_words_for_the_axis() {
    use article_explorer::locale::Language::*;
    let (analyses, cast) = corpus(SAHEL);
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let s = relations::series(&refs, &cast, relations::parse_dyad(&cast, "mali,russia").unwrap());
    assert_eq!(s.buckets[0].short_label(s.period, English), "Jan 2023");
    assert_eq!(s.buckets[0].label(s.period, English), "January 2023");
    assert_eq!(s.buckets[2].short_label(Period::Week, French), "1 mars 2023");
}
