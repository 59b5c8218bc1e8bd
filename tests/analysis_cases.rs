//! Table tests for the analysis on short texts: reported and direct speech, cues, pronoun and
//! title resolution, metonyms and demonyms, and sentences that must not become statements.
//! Nothing here names the seed's people in the code under test: every person is found from
//! the text of the case.

use article_explorer::analysis::{self, Category, MentionForm, ThemeSet};
use article_explorer::article::text::read_text;

/// (speaker, cue, content, category, target) of each statement in `text`, dated 2024-03-18.
fn statements(text: &str) -> Vec<(String, String, String, Category, String)> {
    let article = read_text(&format!("date 2024-03-18 (TEST) {text}"), None).unwrap();
    let a = analysis::analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
    a.statements
        .iter()
        .map(|s| {
            (
                s.speaker_name.clone(),
                s.cue.clone(),
                s.content.clone(),
                s.category,
                s.target_name.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String, String, Category, String) {
    let mut all = statements(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.remove(0)
}

#[test]
fn reported_speech_cues() {
    use Category::*;
    let intro = "Russian Foreign Minister Sergey Lavrov arrived in Bamako. ";
    let cases: &[(&str, &str, &str, Category, &str)] = &[
        (
            "Lavrov emphasized that Moscow wants to strengthen its partnership with Mali.",
            "emphasized",
            "Moscow wants to strengthen its partnership with Mali",
            Cooperate,
            "Mali",
        ),
        (
            "Lavrov underscored the success of joint operations.",
            "underscored",
            "the success of joint operations",
            Praise,
            "",
        ),
        (
            "Lavrov reaffirmed Russia's readiness to supply wheat to Mali.",
            "reaffirmed",
            "Russia's readiness to supply wheat to Mali",
            Aid,
            "Mali",
        ),
        (
            "Lavrov condemned the sanctions imposed by Washington.",
            "condemned",
            "the sanctions imposed by Washington",
            Criticize,
            "United States",
        ),
        (
            "Lavrov urged ECOWAS to lift its sanctions.",
            "urged",
            "ECOWAS to lift its sanctions",
            Appeal,
            "ECOWAS",
        ),
        (
            "Lavrov also called for dialogue with Niger.",
            "called for",
            "dialogue with Niger",
            Appeal,
            "Niger",
        ),
        ("Lavrov denied any role in the coup.", "denied", "any role in the coup", Reject, ""),
        (
            "Lavrov told reporters that Moscow would send instructors.",
            "told reporters",
            "Moscow would send instructors",
            Neutral,
            "",
        ),
        (
            "Lavrov expressed concern over the attacks in Mali.",
            "expressed concern",
            "over the attacks in Mali",
            Criticize,
            "Mali",
        ),
        (
            "Lavrov has repeatedly warned France against interference.",
            "warned",
            "France against interference",
            Criticize,
            "France",
        ),
    ];
    for (sentence, cue, content, category, target) in cases {
        let got = one(&format!("{intro}{sentence}"));
        assert_eq!(
            got,
            (
                "Sergey Lavrov".into(),
                cue.to_string(),
                content.to_string(),
                *category,
                target.to_string()
            ),
            "{sentence}"
        );
    }
}

#[test]
fn direct_quotes() {
    let intro = "Russian Foreign Minister Sergey Lavrov arrived in Bamako. ";
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "\"We will not abandon Mali,\" Lavrov said.",
            "Sergey Lavrov",
            "said",
            "We will not abandon Mali",
        ),
        (
            "\u{201c}We will not abandon Mali,\u{201d} he said.",
            "Sergey Lavrov",
            "said",
            "We will not abandon Mali",
        ),
        (
            "\"We are ready to help,\" Lavrov added.",
            "Sergey Lavrov",
            "added",
            "We are ready to help",
        ),
        ("\"Aid is on its way,\" said Lavrov.", "Sergey Lavrov", "said", "Aid is on its way"),
        (
            "\u{201c}The partnership is strong\u{201d} \u{2014} Sergey Lavrov.",
            "Sergey Lavrov",
            "quotation marks",
            "The partnership is strong",
        ),
        (
            "According to Lavrov, Russia will deliver more wheat.",
            "Sergey Lavrov",
            "According to",
            "Russia will deliver more wheat",
        ),
        (
            "Russia will deliver more wheat, according to Lavrov.",
            "Sergey Lavrov",
            "according to",
            "Russia will deliver more wheat",
        ),
    ];
    for (sentence, speaker, cue, content) in cases {
        let (s, c, q, _, _) = one(&format!("{intro}{sentence}"));
        assert_eq!((s.as_str(), c.as_str(), q.as_str()), (*speaker, *cue, *content), "{sentence}");
    }
}

#[test]
fn people_are_introduced_in_many_ways() {
    let cases: &[(&str, &str)] = &[
        (
            "Mali's Foreign Minister, Abdoulaye Diop, stressed the need for dialogue.",
            "Abdoulaye Diop",
        ),
        ("Under Secretary Victoria Nuland stressed the need for elections.", "Victoria Nuland"),
        (
            "Sergey Lavrov, Russia's foreign minister, stressed the need for dialogue.",
            "Sergey Lavrov",
        ),
        (
            "The Foreign Minister of Mali, Abdoulaye Diop, stressed the need for dialogue.",
            "Abdoulaye Diop",
        ),
        ("Interim President Assimi Goïta stressed the need for dialogue.", "Assimi Goïta"),
        ("Abdoulaye Diop stressed the need for dialogue.", "Abdoulaye Diop"),
        ("Mr. Diop stressed the need for dialogue.", "Diop"),
        ("Jean-Yves Le Drian stressed the need for dialogue.", "Jean-Yves Le Drian"),
    ];
    for (text, speaker) in cases {
        assert_eq!(one(text).0, *speaker, "{text}");
    }
}

#[test]
fn roles_and_countries_of_people() {
    let article = read_text("date 2024-03-18 (T) Sergey Lavrov, Russia's foreign minister, met Under Secretary Victoria Nuland. Mali's Foreign Minister, Abdoulaye Diop, was there.", None).unwrap();
    let a = analysis::analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
    let people: Vec<(String, String, String)> = a
        .actors
        .iter()
        .filter(|x| x.kind == analysis::ActorKind::Person)
        .map(|p| {
            (
                p.name.clone(),
                p.role.clone().unwrap_or_default(),
                p.country.map(|c| a.actors[c].name.clone()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("Sergey Lavrov".into(), "Foreign Minister".into(), "Russia".into()),
            ("Victoria Nuland".into(), "Under Secretary".into(), String::new()),
            ("Abdoulaye Diop".into(), "Foreign Minister".into(), "Mali".into()),
        ]
    );
}

#[test]
fn pronouns_and_titles_resolve_to_the_nearest_compatible_subject() {
    let cases: &[(&str, &[&str])] = &[
        // "He" after a sentence whose subject is Diop, though Lavrov is named in it.
        ("Following talks with Russian Foreign Minister Sergey Lavrov, Mali's Foreign Minister, Abdoulaye Diop, praised Russia. He stressed the need for trade.", &["Abdoulaye Diop", "Abdoulaye Diop"]),
        // A possessive is not a subject: "Diop's" leaves Lavrov as the subject.
        ("Russian Foreign Minister Sergey Lavrov met Mali's Foreign Minister, Abdoulaye Diop. Lavrov echoed Diop's views. Additionally, he reiterated support for Mali.", &["Sergey Lavrov", "Sergey Lavrov"]),
        // "she" skips a man.
        ("Under Secretary Victoria Nuland met Mr. Diop in Bamako. Mr. Diop praised the talks. She urged the junta to hold elections.", &["Diop", "Victoria Nuland"]),
        ("Under Secretary Victoria Nuland arrived in Bamako. The Secretary stressed the need for elections.", &["Victoria Nuland"]),
        ("Mali's Foreign Minister, Abdoulaye Diop, arrived in Moscow. The minister praised Russia's support.", &["Abdoulaye Diop"]),
        // "they" is a country or institution, never a person.
        ("ECOWAS responded quickly. Mali's Foreign Minister, Abdoulaye Diop, arrived. They urged calm.", &["ECOWAS"]),
    ];
    for (text, speakers) in cases {
        let got: Vec<String> = statements(text).into_iter().map(|s| s.0).collect();
        assert_eq!(got, *speakers, "{text}");
    }
}

#[test]
fn metonyms_and_demonyms_speak_for_their_country() {
    let cases: &[(&str, &str, &str)] = &[
        ("The Kremlin said it would send instructors to Bamako.", "Kremlin", "Mali"),
        ("Moscow denied the accusations from Paris.", "Russia", "France"),
        ("Washington condemned the decision by Bamako.", "United States", "Mali"),
        (
            "Malian officials welcomed the arrival of Russian instructors.",
            "Malian officials",
            "Russia",
        ),
        ("The United Nations called for calm in the Sahel.", "United Nations", ""),
    ];
    for (text, speaker, target) in cases {
        let (s, _, _, _, t) = one(text);
        assert_eq!((s.as_str(), t.as_str()), (*speaker, *target), "{text}");
    }
}

#[test]
fn sentences_that_are_not_statements() {
    let cases = [
        // The writer's own voice: the subject is not an actor.
        "The ongoing collaboration between Mali and Russia underscores the importance of strategic partnerships.",
        "As both nations continue to strengthen their ties, the prospects remain promising.",
        // A participle is not a reporting verb.
        "While acknowledging the strides made in the region, the report was published.",
        // A noun that looks like a cue.
        "The highlights of the visit were many.",
        // A pronoun with nothing to refer to.
        "He stressed the need for peace.",
        // An actor that is the object, not the subject.
        "Posters in Bamako praised Russia.",
    ];
    for text in cases {
        assert!(statements(text).is_empty(), "{text}: {:?}", statements(text));
    }
}

#[test]
fn negated_statements_are_kept_as_neutral() {
    let article = read_text(
        "date 2024-03-18 (T) Mali's Foreign Minister, Abdoulaye Diop, did not criticize Russia.",
        None,
    )
    .unwrap();
    let a = analysis::analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
    assert_eq!(a.statements.len(), 1);
    assert!(a.statements[0].negated);
    assert_eq!(a.statements[0].category, Category::Neutral);
}

#[test]
fn statement_dates_follow_the_text() {
    let article = read_text("date 2024-03-18 (T) Russian Foreign Minister Sergey Lavrov arrived. On Friday, Lavrov stressed the need for talks. Lavrov said yesterday that aid would come. Lavrov praised Mali.", None).unwrap();
    let a = analysis::analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
    let dates: Vec<String> = a.statements.iter().map(|s| s.date.unwrap().to_string()).collect();
    assert_eq!(dates, ["2024-03-15", "2024-03-17", "2024-03-18"]);
    assert_eq!(a.statements[1].date_basis.describe(), "\"yesterday\" in the sentence");
}

#[test]
fn user_themes_go_through_the_same_matcher() {
    let article = read_text(
        "date 2024-03-18 (T) Russia delivered wheat and fertilizers. Grain prices fell.",
        None,
    )
    .unwrap();
    let user = analysis::ThemeDef {
        id: "agri".into(),
        name: "Agriculture".into(),
        colour: "#336699".into(),
        terms: vec!["fertilizer".into(), "grain*".into(), "wheat".into()],
        builtin: false,
    };
    let a = analysis::analyze(&article, &ThemeSet::with_builtins(vec![user]).unwrap());
    let agri = a.themes.iter().position(|t| t.id == "agri").unwrap();
    assert_eq!(a.themes[agri].hits, 3);
    assert!(!a.themes[agri].builtin);
    let humanitarian = a.themes.iter().position(|t| t.id == "humanitarian").unwrap();
    let both = a
        .theme_hits
        .iter()
        .filter(|h| h.theme == agri)
        .filter(|h| a.theme_hits.iter().any(|o| o.theme == humanitarian && o.span == h.span))
        .count();
    assert_eq!(both, 3, "wheat, fertilizers and grain are in both themes, and both are kept");
    assert_eq!(a.mentions.iter().filter(|m| m.form == MentionForm::Name).count(), 1);
}

/// A person's country from the institution their role names: before the title ("Kremlin
/// spokesman") or after it ("the commander of U.S. Africa Command"). Invented people.
#[test]
fn countries_of_people_from_their_institutions() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "Kremlin spokesman Dmitry Orlovsky said the talks were useful.",
            "Dmitry Orlovsky",
            "Russia",
        ),
        (
            "Africom director Paul Dorsetti said the jets had arrived.",
            "Paul Dorsetti",
            "United States",
        ),
        (
            "The jets had arrived, said Alan Pikester, the commander of U.S. Africa Command.",
            "Alan Pikester",
            "United States",
        ),
        (
            "The jets had arrived, said General Alan Pikester, the commander of U.S. Africa Command.",
            "Alan Pikester",
            "United States",
        ),
        (
            "Malian Foreign Minister Amara Keitane said the talks were useful.",
            "Amara Keitane",
            "Mali",
        ),
    ];
    for (text, name, country) in cases {
        let article = read_text(&format!("date 2024-03-18 (TEST) {text}"), None).unwrap();
        let a = analysis::analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
        let person = a
            .actors
            .iter()
            .find(|x| x.name == *name)
            .unwrap_or_else(|| panic!("{text}: {:?}", a.actors));
        let c = person.country.map(|c| a.actors[c].name.as_str());
        assert_eq!(c, Some(*country), "{text}: {:?}", a.actors);
        assert_eq!(a.statements.len(), 1, "{text}");
        assert_eq!(analysis::speaker_country(&a.actors, a.statements[0].speaker), Some(*country));
    }
}
