//! Table tests for the attribution engine, one table per pattern of news writing. Every
//! sentence here is invented for the test (no article's wording), and every person in it is
//! found from the text of the case.

use article_explorer::analysis::{Confidence, Pattern, SpeakerBasis};

#[path = "support/cases.rs"]
mod cases;
use cases::{analyse, check};

#[test]
fn direct_quotation_layouts() {
    check(&[
        // "…," X said.  /  "…," said X.  /  X said: "…"  /  "…" X told reporters.
        ("\"The border stays open,\" Amara Keita said.", &[("\"The border stays", "Amara Keita")]),
        ("\"The border stays open,\" said Amara Keita.", &[("\"The border stays", "Amara Keita")]),
        ("Amara Keita said: \"The border stays open.\"", &[("Amara Keita said:", "Amara Keita")]),
        (
            "\u{201c}We want calm\u{201d} Amara Keita told reporters.",
            &[("\u{201c}We want calm\u{201d}", "Amara Keita")],
        ),
        // Guillemets.
        ("«Nous restons» said Amara Keita.", &[("«Nous restons» said", "Amara Keita")]),
        // A quotation split by its attribution: both halves are the speaker's.
        (
            "\"The talks failed,\" Amara Keita said. \"We will try again.\"",
            &[("\"The talks failed,\"", "Amara Keita"), ("\"We will try", "Amara Keita")],
        ),
        // Each sentence of a long quotation is a statement of its speaker.
        (
            "\"We waited. Nobody came. We left,\" said Amara Keita.",
            &[
                ("\"We waited.", "Amara Keita"),
                ("Nobody came.", "Amara Keita"),
                ("We left,\" said", "Amara Keita"),
            ],
        ),
    ]);
}

#[test]
fn quotations_over_paragraphs_continue_their_speaker() {
    check(&[
        // A quotation left open at a paragraph's end and reopened at the next.
        (
            "Amara Keita said: \"We waited for weeks.\n\n\"Then the convoy came.\"",
            &[("Amara Keita said:", "Amara Keita"), ("\"Then the convoy", "Amara Keita")],
        ),
        // A paragraph that is only a quotation continues the last speaker.
        (
            "Amara Keita says the roads are closed.\n\n\"Nobody can reach the market now.\"",
            &[("Amara Keita says", "Amara Keita"), ("\"Nobody can reach", "Amara Keita")],
        ),
        // A second quotation later in the paragraph, with no attribution of its own.
        (
            "\"We refuse,\" said Amara Keita. \"We have said so for a year.\"",
            &[("\"We refuse,\" said", "Amara Keita"), ("\"We have said", "Amara Keita")],
        ),
    ]);
}

#[test]
fn quotation_marks_alone_make_no_statement() {
    check(&[
        // Scare quotes around a term.
        ("The so-called \"peace plan\" was shelved in May.", &[]),
        // A quotation paragraph with no speaker before it.
        ("Heavy rain fell on the capital.\n\n\"The river is rising fast.\"", &[]),
    ]);
}

#[test]
fn indirect_speech_layouts() {
    check(&[
        ("Amara Keita said the border would reopen.", &[("Amara Keita said", "Amara Keita")]),
        // Cue at the end of a long sentence.
        (
            "The border would reopen after the rainy season, Amara Keita said on Friday.",
            &[("The border would", "Amara Keita")],
        ),
        // Inverted after a comma.
        (
            "The border would reopen soon, said Amara Keita, the customs chief.",
            &[("The border would", "Amara Keita")],
        ),
        // told + audience.
        ("Amara Keita told journalists the road was safe.", &[("Amara Keita told", "Amara Keita")]),
        // according to, at the start and at the end.
        ("According to Amara Keita, the road was safe.", &[("According to Amara", "Amara Keita")]),
        ("The road was safe, according to Amara Keita.", &[("The road was", "Amara Keita")]),
        // A relative clause between subject and verb.
        (
            "Amara Keita, who arrived on Monday, said the road was safe.",
            &[("Amara Keita, who", "Amara Keita")],
        ),
        // A second verb of the same subject.
        (
            "Amara Keita opened the bridge and warned that floods were coming.",
            &[("Amara Keita opened", "Amara Keita")],
        ),
        // Verbs followed by a noun phrase.
        ("Amara Keita urged an end to the blockade.", &[("Amara Keita urged", "Amara Keita")]),
        ("Amara Keita called for new elections.", &[("Amara Keita called", "Amara Keita")]),
        ("Amara Keita accused the rebels of looting.", &[("Amara Keita accused", "Amara Keita")]),
        ("Amara Keita ruled out new talks.", &[("Amara Keita ruled", "Amara Keita")]),
        // A statement released by an institution.
        (
            "The embassy released a statement saying the staff were safe.",
            &[("The embassy released", "embassy")],
        ),
        // Progressive and perfect forms.
        ("Amara Keita is calling for calm.", &[("Amara Keita is", "Amara Keita")]),
        ("Amara Keita has repeatedly denied the reports.", &[("Amara Keita has", "Amara Keita")]),
        // A claim owned by a speaker.
        (
            "Rebels rejected Amara Keita's claim that the town was calm.",
            &[("Rebels rejected Amara", "Rebels"), ("Rebels rejected Amara", "Amara Keita")],
        ),
    ]);
}

#[test]
fn sources_without_names() {
    check(&[
        ("Residents said the shelling went on all night.", &[("Residents said the", "Residents")]),
        ("Some analysts say the deal will not last.", &[("Some analysts say", "analysts")]),
        (
            "Critics of the new mining code say it favours foreign firms.",
            &[("Critics of the", "Critics of the new mining code")],
        ),
        (
            "A diplomatic source said the meeting was postponed.",
            &[("A diplomatic source", "diplomatic source")],
        ),
        (
            "\"We are afraid,\" said one elderly woman. \"We have no water,\" she said.",
            &[("\"We are afraid,\"", "elderly woman"), ("\"We have no", "elderly woman")],
        ),
        // A document's author.
        (
            "A report from the Sahel Monitoring Institute alleged that villages were burned.",
            &[("A report from", "Sahel Monitoring Institute")],
        ),
        // A government named by its seat: the country is added to its name.
        (
            "The government in Bamako says the vote will go ahead.",
            &[("The government in", "government in Bamako (Mali)")],
        ),
        // Institutions of a country, in its lane.
        ("The Kremlin said the talks were useful.", &[("The Kremlin said", "Kremlin")]),
        (
            "The State Department said the embassy would stay open.",
            &[("The State Department", "State Department")],
        ),
        // An uncatalogued organisation.
        (
            "The Sahel Farmers Union said the harvest had failed.",
            &[("The Sahel Farmers", "Sahel Farmers Union")],
        ),
    ]);
}

#[test]
fn joint_subjects_give_each_speaker_a_statement() {
    let a = analyse("Amara Keita and Ousmane Diallo stressed the need for dialogue.");
    let speakers: Vec<&str> = a.statements.iter().map(|s| s.speaker_name.as_str()).collect();
    assert_eq!(speakers, ["Amara Keita", "Ousmane Diallo"]);
    assert_eq!(a.statements[0].co_speaker_names, ["Ousmane Diallo"]);
    assert_eq!(a.statements[1].co_speaker_names, ["Amara Keita"]);
}

#[test]
fn pronouns_go_to_the_nearest_speaker() {
    check(&[
        // A pronoun after a quotation goes to the nearest attribution, not an older subject.
        (
            "Foreign Minister Amara Keita spoke first. \"We are ready,\" Keita said.\n\n\"We are not,\" envoy Ousmane Diallo said. \"Not yet,\" he said.",
            &[
                ("\"We are ready,\"", "Amara Keita"),
                ("\"We are not,\"", "Ousmane Diallo"),
                ("\"Not yet,\" he", "Ousmane Diallo"),
            ],
        ),
        // "it" for an institution.
        (
            "The junta said elections would be held. It says the date is not fixed.",
            &[("The junta said", "junta"), ("It says the", "junta")],
        ),
    ]);
}

#[test]
fn a_description_then_the_name_is_one_person() {
    check(&[(
        "A spokesman for the ministry said the talks would resume. Amara Keita said the date was set.",
        &[("A spokesman for", "Amara Keita"), ("Amara Keita said", "Amara Keita")],
    )]);
    let a = analyse("A spokesman for the ministry said the talks would resume. Amara Keita said the date was set.");
    assert_eq!(a.statements[0].speaker_basis, SpeakerBasis::Description);
    assert_eq!(a.statements[0].confidence, Confidence::Low);
}

#[test]
fn not_statements() {
    check(&[
        // Meetings and visits with no reported content.
        ("Amara Keita met the delegation in Niamey on Monday.", &[]),
        ("Amara Keita visited the camp and discussed security.", &[]),
        // Hearsay and passives.
        ("The colonel is said to be in hiding.", &[]),
        ("The plan was welcomed by the delegates.", &[]),
        // Nouns that look like cues.
        ("The reporters waited outside.", &[]),
        ("The claims could not be verified.", &[]),
        ("He reportedly left the capital.", &[]),
        // A participle is no reporting verb, a preposition's object no subject.
        ("Speaking on state radio, the announcement was repeated.", &[]),
    ]);
}

#[test]
fn each_statement_says_how_it_was_found() {
    let a = analyse("\"The border stays open,\" said Amara Keita. \"Trade goes on.\"\n\nShe said the port was calm.");
    let found: Vec<(Pattern, SpeakerBasis)> =
        a.statements.iter().map(|s| (s.pattern, s.speaker_basis)).collect();
    assert_eq!(
        found,
        [
            (Pattern::Inverted, SpeakerBasis::Named),
            (Pattern::QuoteContinued, SpeakerBasis::CarriedOver),
            (Pattern::SpeakerCue, SpeakerBasis::Pronoun),
        ]
    );
    assert_eq!(a.statements[0].confidence, Confidence::High);
    assert_eq!(a.statements[2].confidence, Confidence::Medium);
    assert_eq!(
        article_explorer::locale::text(
            article_explorer::locale::Language::English,
            Pattern::Inverted.key()
        ),
        "reporting verb followed by the speaker"
    );
}

#[test]
fn dates_come_from_the_saying_not_the_content() {
    let a = analyse("Amara Keita said on Tuesday that the convoy had left on Sunday.");
    assert_eq!(a.statements[0].date.unwrap().to_string(), "2025-06-10");
    let a = analyse("Amara Keita said the convoy had left on Sunday.");
    assert_eq!(a.statements[0].date.unwrap().to_string(), "2025-06-12");
}

#[test]
fn lanes_and_exports_show_the_new_speakers() {
    use article_explorer::analysis::timeline::{collect, Filter};
    let text = "The Kremlin said the talks were useful. Residents said the market had reopened. \
                Malian officials said the road was safe. Amara Keita and Ousmane Diallo stressed \
                the need for dialogue. He said the date was set.";
    let a = analyse(text);
    let (items, _) = collect(&[&a]);
    let lanes: Vec<(&str, &str)> =
        items.iter().map(|i| (i.speaker.as_str(), i.country.as_str())).collect();
    assert_eq!(
        lanes,
        [
            ("Kremlin", "Russia"),
            ("Residents", "Unnamed sources"),
            ("Malian officials", "Mali"),
            ("Amara Keita", "Other"),
            ("Ousmane Diallo", "Other"),
            ("Ousmane Diallo", "Other"),
        ]
    );
    assert_eq!(items[3].co_speakers, ["Ousmane Diallo"]);
    assert_eq!(
        items[5].attribution_note(article_explorer::locale::Language::English),
        "speaker, then reporting verb; pronoun resolved to the nearest speaker (confidence: medium)"
    );
    assert_eq!(
        items[5].attribution_note(article_explorer::locale::Language::French),
        "locuteur, puis verbe de parole\u{202f}; pronom rapporté au locuteur le plus proche (confiance\u{202f}: moyenne)"
    );
    // "Confident attributions only" hides the pronoun's statement.
    let confident = Filter { confident_only: true, ..Filter::default() };
    assert_eq!(items.iter().filter(|i| confident.keeps(i)).count(), 5);
    // The exports carry co-speakers, the reason and the confidence.
    let article = cases::article(text);
    let rows = article_explorer::export::statement_rows(&[&article], &[&a]);
    assert_eq!(rows[3].co_speakers, "Ousmane Diallo");
    assert_eq!(rows[0].country, "Russia");
    assert_eq!(rows[5].confidence, "medium");
    let csv = article_explorer::export::statements_csv(&rows);
    assert!(csv.lines().next().unwrap().ends_with(
        ",corrected,co_speakers,attribution,confidence,corpus_speaker,corpus_target,corpus_country,\
         article_language,article_license,speaker_kind,target_kind,target_country,pattern,speaker_basis"
    ));
}

#[test]
fn more_subject_layouts() {
    check(&[
        // A relative clause without commas, and one after a comma.
        (
            "Officials who spoke on condition of anonymity said the convoy was attacked.",
            &[("Officials who spoke", "Officials")],
        ),
        ("The talks failed, said Amara Keita, who left early.", &[("The talks failed,", "Amara Keita")]),
        // A list of subjects.
        (
            "The mayor, the governor and the police chief said the curfew would end.",
            &[("The mayor, the", "mayor"), ("The mayor, the", "governor"), ("The mayor, the", "police chief")],
        ),
        // A fronted phrase before a joint subject is no speaker.
        (
            "In a call on Monday, Amara Keita and Ousmane Diallo stressed the need for calm.",
            &[("In a call", "Amara Keita"), ("In a call", "Ousmane Diallo")],
        ),
        // A comma after a whole clause starts no list.
        (
            "Trade has fallen sharply across the whole border region, and analysts say it will fall further.",
            &[("Trade has fallen", "analysts")],
        ),
        // A name that opens the sentence, known from elsewhere in the text.
        (
            "The delegation was led by Amara Keita. Keita said the border would reopen.",
            &[("Keita said the", "Keita")],
        ),
        // Mixed quotation marks still close.
        (
            "\u{201c}We are ready. We will help,\" said Amara Keita.",
            &[("\u{201c}We are ready.", "Amara Keita"), ("We will help,\"", "Amara Keita")],
        ),
    ]);
}

#[test]
fn stances_are_speech_only_with_a_clause() {
    check(&[
        ("The junta agreed that elections would be held in May.", &[("The junta agreed", "junta")]),
        ("The junta agreed to meet the mediators.", &[]),
        ("The junta refused to release the prisoners.", &[]),
    ]);
}

#[test]
fn titles_and_descriptions_find_their_person() {
    check(&[
        // "the envoy" goes back to the person last named with that role.
        (
            "Russian envoy Pavel Orlov arrived in Niamey. The Russian envoy said the visit was a success.",
            &[("The Russian envoy", "Pavel Orlov")],
        ),
        // A possessive country and a title: the description is the person named next.
        (
            "Ghana's foreign minister says the talks will go on. Foreign Minister Kofi Mensah told reporters the date was set.",
            &[("Ghana's foreign minister", "Kofi Mensah"), ("Foreign Minister Kofi", "Kofi Mensah")],
        ),
    ]);
}

#[test]
fn a_country_before_a_title_is_the_persons_country() {
    use article_explorer::analysis::timeline::collect;
    let a = analyse(
        "Russian Foreign Ministry spokeswoman Maria Orlova said the talks failed. \
         Russia's UN ambassador Pavel Orlov told reporters the mission must leave.",
    );
    let (items, _) = collect(&[&a]);
    let lanes: Vec<(&str, &str)> =
        items.iter().map(|i| (i.speaker.as_str(), i.country.as_str())).collect();
    assert_eq!(lanes, [("Maria Orlova", "Russia"), ("Pavel Orlov", "Russia")]);
}

#[test]
fn wire_service_layouts() {
    check(&[
        // The passive of the wire services.
        (
            "Amara Keita was quoted by a news agency as saying the border would reopen.",
            &[("Amara Keita was", "Amara Keita")],
        ),
        // A document that "reads", only with what it reads.
        (
            "The communiqué read: \"The vote will go ahead.\"",
            &[("The communiqué read:", "communiqué")],
        ),
        ("The minister read the names aloud.", &[]),
        // Circumstances between subject and verb.
        (
            "Amara Keita, speaking at a news conference in Dakar, said the talks had stalled.",
            &[("Amara Keita, speaking", "Amara Keita")],
        ),
        (
            "In a statement, the ministry said the talks had stalled.",
            &[("In a statement,", "ministry")],
        ),
        ("Sources told reporters the convoy had left.", &[("Sources told reporters", "Sources")]),
    ]);
}

#[test]
fn the_group_is_the_organisation_introduced_with_that_noun() {
    check(&[
        (
            "Fighters of Harakat Sahel, an armed group active near the border, attacked a convoy. The group said it had seized two trucks.",
            &[("The group said", "Harakat Sahel")],
        ),
        (
            "The regional bloc WAEMU met in Dakar. The bloc said sanctions would stay.",
            &[("The bloc said", "WAEMU")],
        ),
        // Without such an introduction the description stays.
        ("The group said it had seized two trucks.", &[("The group said", "group")]),
    ]);
}

#[test]
fn in_the_words_of() {
    check(&[
        (
            "In the words of Amara Keita, the border is a wound that will not close.",
            &[("In the words", "Amara Keita")],
        ),
        (
            "Amara Keita spoke for an hour. In his words, the talks are over.",
            &[("In his words,", "Amara Keita")],
        ),
        // "in other words" is the writer's.
        ("In other words, the talks are over.", &[]),
    ]);
}

#[test]
fn a_lead_with_a_colon_announces_the_quotation_after_it() {
    check(&[
        (
            "Amara Keita told reporters:\n\n\"The border will reopen. Trade will resume.\"",
            &[("\"The border will", "Amara Keita"), ("Trade will resume.\"", "Amara Keita")],
        ),
        // Without a quotation after it, a lead is no statement.
        ("Amara Keita told reporters:\n\nThe border will reopen.", &[]),
    ]);
}

#[test]
fn the_same_source_is_the_source_before() {
    cases::check(&[(
        "A hospital official said the ward was full. The same source added that more beds were coming.",
        &[("A hospital official", "hospital official"), ("The same source", "hospital official")],
    )]);
}

#[test]
fn a_passive_names_its_agent() {
    cases::check(&[
        (
            "The ceasefire was confirmed on Tuesday by Amadou Keita.",
            &[("The ceasefire was", "Amadou Keita")],
        ),
        (
            "The deal was announced by the head of the regional council, Fatou Diallo, in Bamako.",
            &[("The deal was", "Fatou Diallo")],
        ),
        ("The ceasefire was confirmed on Tuesday.", &[]),
    ]);
}

#[test]
fn two_people_of_one_family_stay_two() {
    cases::check(&[(
        "Fatima Keita, a doctor, said the clinic was full. \"We need beds,\" said Omar Keita, a nurse.",
        &[("Fatima Keita, a", "Fatima Keita"), ("\"We need beds,\"", "Omar Keita")],
    )]);
}

#[test]
fn the_group_is_the_organisation_its_members_name() {
    cases::check(&[(
        "Fighters of Jama Kalif burned the market. Jama Kalif had threatened the town. The group said the market was impious.",
        &[("Jama Kalif had", "Jama Kalif"), ("The group said", "Jama Kalif")],
    )]);
}

/// Offices with a complement: "Under Secretary for Trade and Financial Affairs NAME" is one
/// person (not two joint speakers split at "and"), "Minister of Foreign Affairs NAME" opening a
/// sentence is that person, and "the Minister of Mines and Energy" is not the Minister of
/// Foreign Affairs introduced before.
#[test]
fn offices_with_a_complement() {
    check(&[
        (
            "\"The fines will stay,\" Treasury Undersecretary for Trade and Financial Affairs Mark Dellow said.",
            &[("\"The fines will", "Mark Dellow")],
        ),
        (
            "Minister of Foreign Affairs Amara Keitane said the talks were useful.",
            &[("Minister of Foreign", "Amara Keitane")],
        ),
        (
            "Minister of Foreign Affairs Amara Keitane said the talks were useful. The Minister of Mines and Energy said output would rise.",
            &[
                ("Minister of Foreign", "Amara Keitane"),
                ("The Minister of", "Minister of Mines and Energy"),
            ],
        ),
        // The same office named again is the person who holds it.
        (
            "Minister of Mines and Energy Paul Ondiba said output would rise. The Minister of Mines and Energy later said exports would fall.",
            &[
                ("Minister of Mines", "Paul Ondiba"),
                ("The Minister of", "Paul Ondiba"),
            ],
        ),
    ]);
}
