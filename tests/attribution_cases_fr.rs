//! Table tests for French articles: the language, the tokenizer, the sentence tailoring and
//! each French pattern of reported speech. Every sentence is invented for the test (no
//! article's wording); every person in it is found from the text of the case.

use article_explorer::analysis::text::{split_sentences_in, words_in, Document};
use article_explorer::analysis::{self, grammar::Grammar, Language};

#[path = "support/cases.rs"]
mod cases;
use cases::{analyse, article, owned, statements_of};

/// Each case is read as French and its statements are exactly those given.
fn check(cases: &[(&str, &[(&str, &str)])]) {
    for (text, want) in cases {
        let a = analyse(text);
        assert_eq!(a.language, Language::French, "{text}");
        assert_eq!(statements_of(text, &a), owned(want), "{text}");
    }
}

#[test]
fn french_words_split_elisions_and_keep_compounds() {
    let words = |t: &str| -> Vec<String> {
        words_in(t, Language::French).into_iter().map(|w| w.lower).collect()
    };
    assert_eq!(words("l'armée d’après lui"), ["l'", "armée", "d'", "après", "lui"]);
    assert_eq!(words("qu'il a dit aujourd'hui"), ["qu'", "il", "a", "dit", "aujourd'hui"]);
    assert_eq!(
        words("le porte-parole du vice-président"),
        ["le", "porte-parole", "du", "vice-président"]
    );
    // An inverted pronoun is a word of its own.
    assert_eq!(words("a-t-il ajouté, dit-elle"), ["a", "t", "il", "ajouté", "dit", "elle"]);
    // English keeps UAX #29 words.
    let en: Vec<String> =
        words_in("well-known", Language::English).into_iter().map(|w| w.lower).collect();
    assert_eq!(en, ["well", "known"]);
}

#[test]
fn french_sentences_keep_titles_and_attributions() {
    let g = Grammar::of(Language::French);
    let sentences = |p: &str| -> Vec<String> {
        split_sentences_in(p, g).into_iter().map(|r| p[r].to_string()).collect()
    };
    let cases: &[(&str, &[&str])] = &[
        ("M. Traoré est arrivé. Il a parlé.", &["M. Traoré est arrivé.", "Il a parlé."]),
        (
            "Mme Diallo et MM. Koné et Sow sont là. Fin.",
            &["Mme Diallo et MM. Koné et Sow sont là.", "Fin."],
        ),
        // A quotation closed by its inverted attribution stays one sentence with it.
        ("« Nous partons. » a-t-il dit. Ensuite.", &["« Nous partons. » a-t-il dit.", "Ensuite."]),
        // A cut marked in a quotation goes on with what follows it.
        (
            "« Partez ! [...] Nous restons » a dit Ali Koné.",
            &["« Partez !", "[...] Nous restons » a dit Ali Koné."],
        ),
    ];
    for (p, want) in cases {
        assert_eq!(sentences(p), *want, "{p}");
    }
}

#[test]
fn the_language_is_declared_or_detected() {
    let mut a = article("Le ministre a déclaré que la frontière restait ouverte.");
    assert_eq!(Document::new(&a).language, Language::French);
    a.language = Some("en".into());
    assert_eq!(Document::new(&a).language, Language::English);
    assert_eq!(Document::in_language(&a, Language::French).language, Language::French);
}

#[test]
fn speaker_then_verb_with_its_auxiliary() {
    check(&[
        (
            "Amadou Sangaré a déclaré que la frontière restait ouverte.",
            &[("Amadou Sangaré a", "Amadou Sangaré")],
        ),
        // Present tense, and an adverb between.
        (
            "Amadou Sangaré affirme également que les discussions avancent.",
            &[("Amadou Sangaré affirme", "Amadou Sangaré")],
        ),
        // A reflexive verb: "s'est félicité".
        (
            "Amadou Sangaré s'est félicité de la reprise des échanges.",
            &[("Amadou Sangaré s'est", "Amadou Sangaré")],
        ),
        // "de son côté" between subject and verb, and an appositive between commas.
        (
            "Amadou Sangaré, visiblement ému, a de son côté dénoncé une provocation.",
            &[("Amadou Sangaré, visiblement", "Amadou Sangaré")],
        ),
        // A past participle with no auxiliary is no verb: "la décision annoncée".
        ("La décision annoncée hier surprend les observateurs.", &[]),
        // "aurait déclaré" is hearsay, not a statement.
        ("Amadou Sangaré aurait déclaré qu'il partirait.", &[]),
    ]);
}

#[test]
fn inverted_after_a_quotation() {
    check(&[
        (
            "« Nous resterons », a déclaré Amadou Sangaré.",
            &[("« Nous resterons", "Amadou Sangaré")],
        ),
        // "a-t-il dit": the pronoun goes to the speaker named before.
        (
            "Amadou Sangaré est arrivé lundi. « Nous resterons », a-t-il dit.",
            &[("« Nous resterons", "Amadou Sangaré")],
        ),
        (
            "Fatima Coulibaly est arrivée lundi. « Rien n'est réglé », estime-t-elle.",
            &[("« Rien n'est", "Fatima Coulibaly")],
        ),
    ]);
}

#[test]
fn selon_and_d_apres_name_the_source() {
    check(&[
        (
            "Selon Amadou Sangaré, la frontière restera ouverte.",
            &[("Selon Amadou Sangaré,", "Amadou Sangaré")],
        ),
        (
            "La frontière restera ouverte, d'après Amadou Sangaré.",
            &[("La frontière restera", "Amadou Sangaré")],
        ),
        // "selon lui": the pronoun goes to the last speaker.
        (
            "Amadou Sangaré a parlé aux journalistes. Selon lui, rien ne change.",
            &[("Selon lui, rien", "Amadou Sangaré")],
        ),
    ]);
}

#[test]
fn titles_and_descriptions_in_french() {
    check(&[
        // A title, a demonym and the name: "le ministre malien des Affaires étrangères X".
        (
            "Le ministre malien des Affaires étrangères, Amadou Sangaré, a salué l'accord.",
            &[("Le ministre malien", "Amadou Sangaré")],
        ),
        // A source without a name: the noun comes first, the adjective after it.
        (
            "Des responsables maliens ont indiqué que les vols reprendraient.",
            &[("Des responsables maliens", "responsables maliens")],
        ),
        // A country by its French name and its capital.
        ("La Russie a dénoncé des sanctions injustes.", &[("La Russie a", "Russie")]),
        ("Moscou a rejeté ces accusations.", &[("Moscou a rejeté", "Russie")]),
        // An institution by its French name.
        (
            "L'Union africaine a appelé au dialogue entre les parties.",
            &[("L'Union africaine a", "Union africaine")],
        ),
    ]);
}

#[test]
fn interview_labels_and_questions() {
    check(&[
        // A paragraph labelled with its speaker's name: each sentence is theirs.
        (
            "Fatima Coulibaly est ministre.\n\nQue pensez-vous de l'accord ?\n\nFatima Coulibaly : Il est bon. Nous le signerons.",
            &[("Fatima Coulibaly :", "Fatima Coulibaly"), ("Nous le signerons.", "Fatima Coulibaly")],
        ),
        // "Q :" is no speaker; the writer's question reports nobody.
        ("Q : La France maintient-elle sa position ?", &[]),
    ]);
}

#[test]
fn french_themes_match_french_stems() {
    let a =
        analyse("La coopération sécuritaire et l'aide humanitaire progressent, selon les experts.");
    let ids: Vec<&str> = a.theme_hits.iter().map(|h| a.themes[h.theme].id.as_str()).collect();
    assert!(ids.contains(&"security"), "{ids:?}");
    assert!(ids.contains(&"humanitarian"), "{ids:?}");
    // The built-in themes have the same ids and colours in both languages.
    let en = analysis::themes::builtin_themes_in(Language::English);
    let fr = analysis::themes::builtin_themes_in(Language::French);
    let key = |t: &analysis::ThemeDef| (t.id.clone(), t.colour.clone());
    assert_eq!(en.iter().map(key).collect::<Vec<_>>(), fr.iter().map(key).collect::<Vec<_>>());
    assert_ne!(en[0].name, fr[0].name);
}

#[test]
fn descriptions_that_point_back_to_someone_named() {
    check(&[
        // The country's adjective follows the role, then the name in apposition; an unaccented
        // capital ("Etat") is the title's "État".
        (
            "Le chef de l'Etat sénégalais, Ousmane Faye, a salué la médiation.",
            &[("Le chef de", "Ousmane Faye")],
        ),
        // "le ministre" when the text named one person, without a role, before.
        (
            "Moussa Kanouté a reçu la presse à Niamey. Le ministre nigérien affirme que la route est sûre.",
            &[("Le ministre nigérien", "Moussa Kanouté")],
        ),
        // Two people named without a role: "le ministre" stays unnamed.
        (
            "Moussa Kanouté a reçu la presse. Awa Cissé a visité le marché. Le ministre affirme que la route est sûre.",
            &[("Le ministre affirme", "ministre")],
        ),
        // A spokesman of one country is not the other country's head of state named next.
        (
            "Un porte-parole de l'armée tchadienne a annoncé la prise de la ville. Le chef de l'État nigérien, Ali Baraka, a fait savoir que rien n'était décidé.",
            &[("Un porte-parole de", "porte-parole de l'armée tchadienne"), ("Le chef de", "Ali Baraka")],
        ),
        // "la même source": the source of the statement before.
        (
            "Un responsable local a indiqué que le pont était coupé. La même source précise que les secours arrivent.",
            &[("Un responsable local", "responsable local"), ("La même source", "responsable local")],
        ),
    ]);
}

#[test]
fn passives_name_their_agent() {
    check(&[
        // "a été (adverbe) confirmé … par X".
        (
            "La libération des otages a été officiellement confirmée mardi par Ali Koné.",
            &[("La libération des", "Ali Koné")],
        ),
        // A participial phrase after a comma, and a role with the name in apposition.
        (
            "La nouvelle, annoncée par un responsable local, a surpris.",
            &[("La nouvelle, annoncée", "responsable local")],
        ),
        (
            "La trêve a été confirmée par le président du conseil régional, Awa Traoré.",
            &[("La trêve a", "Awa Traoré")],
        ),
        // A passive without an agent reports nobody.
        ("La trêve a été confirmée mardi.", &[]),
    ]);
}

#[test]
fn a_pronoun_after_a_description_follows_it_to_the_person() {
    check(&[(
        "Moussa Kanouté a reçu la presse à Niamey. Le ministre affirme que la route est sûre. Il reconnaît que des abus ont eu lieu.",
        &[("Le ministre affirme", "Moussa Kanouté"), ("Il reconnaît que", "Moussa Kanouté")],
    )]);
}

#[test]
fn a_person_introduced_by_a_noun_the_lexicon_lacks() {
    check(&[
        (
            "Un ancien pêcheur a indiqué : « Le fleuve a baissé. » Il a ajouté que les prix montaient.",
            &[("Un ancien pêcheur", "ancien pêcheur"), ("» Il a", "ancien pêcheur")],
        ),
        (
            "Une jeune commerçante a affirmé que le marché restait fermé.",
            &[("Une jeune commerçante", "jeune commerçante")],
        ),
        // A definite or plural phrase needs its noun in the lexicon.
        ("Le pêcheur a indiqué que le fleuve baissait.", &[]),
    ]);
}

#[test]
fn the_subject_comes_after_the_verb_after_qu_and_comme() {
    check(&[
        (
            "C'est ce qu'ont indiqué les chefs d'état-major de la région.",
            &[("C'est ce qu'ont", "chefs d'état-major")],
        ),
        (
            "La trêve tiendra, comme l'a rappelé le ministre malien de la Défense.",
            &[("La trêve tiendra,", "ministre malien de la Défense")],
        ),
        // "qu'" before the subject: the ordinary order.
        ("Awa Traoré a répété qu'elle resterait à Gao.", &[("Awa Traoré a", "Awa Traoré")]),
    ]);
}

#[test]
fn pour_x_and_organisations_named_by_their_members() {
    check(&[
        // "Pour X, …" at a sentence's start names X's view; elsewhere "pour" is a preposition.
        ("Pour le ministre malien, la trêve tiendra.", &[("Pour le ministre", "ministre malien")]),
        ("Pour Moscou, l'accord reste valable.", &[("Pour Moscou, l'accord", "Russie")]),
        ("Pour libérer le nord, les soldats avancent.", &[]),
        ("Pour la première fois, les soldats avancent.", &[]),
        // "avancer" reports only with "que": "les soldats avancent" is a movement.
        ("Le porte-parole a avancé que la trêve tiendrait.", &[("Le porte-parole a", "porte-parole")]),
        // A name after "les membres de" is an organisation, which "l'organisation" then names
        // (two cues of one sentence: its threat and what it affirms).
        (
            "Les membres de Jama Kalif ont brûlé le marché. Jama Kalif avait menacé la ville ; l'organisation affirme que le marché était impie.",
            &[("Jama Kalif avait", "Jama Kalif"), ("Jama Kalif avait", "Jama Kalif")],
        ),
    ]);
}

#[test]
fn a_french_prefix_matches_words_and_stems() {
    let set = analysis::ThemeSet::new(vec![analysis::ThemeDef {
        id: "c".into(),
        name: "Coopération".into(),
        colour: "#123456".into(),
        terms: vec!["coopér*".into(), "sécur*".into()],
        builtin: false,
    }])
    .unwrap();
    let a = article("La coopération et la sécurité progressent ; les forces coopèrent.");
    let doc = Document::in_language(&a, Language::French);
    let found: Vec<&str> = set.find(&doc, &[]).iter().map(|h| &doc.text[h.span.bytes()]).collect();
    // "coopér*" as typed finds "coopération"; "coopèrent" (è) starts otherwise and its stem
    // "cooper" does not start with "coopér".
    assert_eq!(found, ["coopération", "sécurité"]);
}
