//! French verb forms for the cue lexicon: from an infinitive, the forms a news report uses in
//! the third person (present, imperfect, simple past, future) and the past participles
//! (which are a verb only after an auxiliary: "a déclaré", "s'est félicité").
//!
//! Written here rather than taken from a crate: the crates that conjugate French carry the
//! whole language's tables (hundreds of kilobytes in the wasm module) for the hundred verbs
//! of reported speech, whose irregular ones fit in [`IRREGULAR`].

/// The forms of a French verb: (finite forms, past participles).
pub fn french_forms(verb: &str) -> (Vec<String>, Vec<String>) {
    if let Some((_, finite, participles)) = IRREGULAR.iter().find(|(v, _, _)| *v == verb) {
        let own = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        return (own(finite), own(participles));
    }
    if let Some(stem) = verb.strip_suffix("er") {
        return first_group(stem);
    }
    if let Some(stem) = verb.strip_suffix("ir") {
        let finite = ["it", "issent", "issait", "issaient", "irent", "ira", "iront"];
        let participles = ["i", "ie", "is", "ies"];
        return (join(stem, &finite), join(stem, &participles));
    }
    if let Some(stem) = verb.strip_suffix("re") {
        let finite = ["", "ent", "ait", "aient", "it", "irent", "ra", "ront"];
        let participles = ["u", "ue", "us", "ues"];
        return (join(stem, &finite), join(stem, &participles));
    }
    (vec![verb.to_string()], Vec::new())
}

fn join(stem: &str, endings: &[&str]) -> Vec<String> {
    endings.iter().map(|e| format!("{stem}{e}")).collect()
}

/// Verbs in -eler and -eter that take a grave accent rather than doubling ("martèle").
const GRAVE_ELER: &[&str] = &["martel", "gel", "pel", "achet", "modèl", "démantel", "halet"];

/// A verb in -er: "déclarer" gives déclare, déclarent, déclarait, déclara, déclarera, … and
/// déclaré, déclarée, déclarés, déclarées; with the spelling changes of -cer ("annonçait"),
/// -ger ("exigeait"), -eler/-eter ("rappelle", "martèle"), e/é + consonant ("soulève",
/// "réitère") and -yer ("appuie").
fn first_group(stem: &str) -> (Vec<String>, Vec<String>) {
    // Before a or o: "annonç-", "exige-".
    let hard = if let Some(s) = stem.strip_suffix('c') {
        format!("{s}ç")
    } else if stem.ends_with('g') {
        format!("{stem}e")
    } else {
        stem.to_string()
    };
    // Before a silent e (present, future): "rappell-", "martèl-", "soulèv-", "réitèr-", "appui-".
    let soft = soft_stem(stem);
    let mut finite = vec![
        format!("{soft}e"),
        format!("{soft}es"),
        format!("{soft}ent"),
        format!("{hard}ait"),
        format!("{hard}aient"),
        format!("{hard}a"),
        format!("{stem}èrent"),
        format!("{stem}era"),
        format!("{stem}eront"),
    ];
    if soft != stem {
        finite.extend([format!("{soft}era"), format!("{soft}eront")]);
    }
    let participles = join(stem, &["é", "ée", "és", "ées"]);
    finite.dedup();
    (finite, participles)
}

fn soft_stem(stem: &str) -> String {
    if let Some(s) = stem.strip_suffix('y') {
        return format!("{s}i");
    }
    if stem.ends_with("el") || stem.ends_with("et") {
        if GRAVE_ELER.contains(&stem) {
            return grave(stem);
        }
        let last = stem.chars().last().unwrap_or('l');
        return format!("{stem}{last}");
    }
    grave(stem)
}

/// The e or é before the stem's final consonant(s) made è ("soulev" → "soulèv", "réitér" →
/// "réitèr"), when that vowel is the stem's last: otherwise the stem as it is.
fn grave(stem: &str) -> String {
    let chars: Vec<char> = stem.chars().collect();
    let mut i = chars.len();
    while i > 0 && !"aeéèêiouy".contains(chars[i - 1]) {
        i -= 1;
    }
    // One consonant (or a consonant and l/r: "sevr", "répét") after the vowel.
    let consonants = chars.len() - i;
    let liquid = consonants == 2 && matches!(chars[chars.len() - 1], 'l' | 'r');
    if i == 0 || consonants == 0 || consonants > 1 && !liquid || !matches!(chars[i - 1], 'e' | 'é')
    {
        return stem.to_string();
    }
    // "ajout", "indiqu", "précis": only e/é right before the consonants changes, and not a
    // diphthong ("eu", "ei" never reach here since u/i are vowels).
    if i >= 2 && "aeiou".contains(chars[i - 2]) {
        return stem.to_string();
    }
    let mut out: String = chars[..i - 1].iter().collect();
    out.push('è');
    out.extend(&chars[i..]);
    out
}

/// Verbs of the third group (and irregular ones) among the reporting verbs:
/// (infinitive, finite forms, past participles).
#[allow(clippy::type_complexity)]
const IRREGULAR: &[(&str, &[&str], &[&str])] = &[
    (
        "dire",
        &["dit", "disent", "disait", "disaient", "dirent", "dira", "diront"],
        &["dit", "dite", "dits", "dites"],
    ),
    (
        "écrire",
        &["écrit", "écrivent", "écrivait", "écrivaient", "écrivit", "écrira"],
        &["écrit", "écrite", "écrits", "écrites"],
    ),
    (
        "reconnaître",
        &["reconnaît", "reconnait", "reconnaissent", "reconnaissait", "reconnut", "reconnaîtra"],
        &["reconnu", "reconnue", "reconnus", "reconnues"],
    ),
    (
        "admettre",
        &["admet", "admettent", "admettait", "admit", "admettra"],
        &["admis", "admise", "admises"],
    ),
    (
        "promettre",
        &["promet", "promettent", "promettait", "promit", "promettra"],
        &["promis", "promise", "promises"],
    ),
    ("mettre", &["met", "mettent", "mettait", "mit", "mettra"], &["mis", "mise", "mises"]),
    (
        "démentir",
        &["dément", "démentent", "démentait", "démentit", "démentira"],
        &["démenti", "démentie", "démentis"],
    ),
    (
        "prévenir",
        &["prévient", "préviennent", "prévenait", "prévint", "préviendra"],
        &["prévenu", "prévenue", "prévenus"],
    ),
    (
        "soutenir",
        &["soutient", "soutiennent", "soutenait", "soutint", "soutiendra"],
        &["soutenu", "soutenue", "soutenus"],
    ),
    (
        "maintenir",
        &["maintient", "maintiennent", "maintenait", "maintint", "maintiendra"],
        &["maintenu", "maintenue", "maintenus"],
    ),
    (
        "poursuivre",
        &["poursuit", "poursuivent", "poursuivait", "poursuivit", "poursuivra"],
        &["poursuivi", "poursuivie", "poursuivis"],
    ),
    (
        "faire",
        &["fait", "font", "faisait", "faisaient", "fit", "fera", "feront"],
        &["fait", "faite", "faits"],
    ),
    (
        "conclure",
        &["conclut", "concluent", "concluait", "conclura"],
        &["conclu", "conclue", "conclus"],
    ),
    ("exclure", &["exclut", "excluent", "excluait", "exclura"], &["exclu", "exclue", "exclus"]),
    ("croire", &["croit", "croient", "croyait", "croyaient", "crut"], &["cru"]),
    (
        "prendre",
        &["prend", "prennent", "prenait", "prenaient", "prit", "prendra"],
        &["pris", "prise", "prises"],
    ),
    (
        "offrir",
        &["offre", "offrent", "offrait", "offrit", "offrira"],
        &["offert", "offerte", "offerts"],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_forms_table() {
        // (infinitive, forms that must be there, participles that must be there)
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "déclarer",
                &["déclare", "déclarent", "déclarait", "déclara", "déclarera"],
                &["déclaré", "déclarée"],
            ),
            ("annoncer", &["annonce", "annonçait", "annonça"], &["annoncé"]),
            ("exiger", &["exige", "exigeait", "exigea"], &["exigé", "exigées"]),
            ("rappeler", &["rappelle", "rappellent", "rappelait"], &["rappelé"]),
            ("marteler", &["martèle", "martelait"], &["martelé"]),
            ("rejeter", &["rejette", "rejetait"], &["rejeté"]),
            ("réitérer", &["réitère", "réitérait"], &["réitéré"]),
            ("relever", &["relève", "relevait"], &["relevé"]),
            ("appuyer", &["appuie", "appuyait"], &["appuyé"]),
            ("avertir", &["avertit", "avertissent", "avertissait"], &["averti", "avertie"]),
            ("répondre", &["répond", "répondent", "répondait"], &["répondu"]),
            ("dire", &["dit", "disent", "disait"], &["dit", "dite"]),
            ("reconnaître", &["reconnaît", "reconnait"], &["reconnu"]),
        ];
        for (verb, finite, participles) in cases {
            let (f, p) = french_forms(verb);
            for want in *finite {
                assert!(f.iter().any(|x| x == want), "{verb}: {want} not in {f:?}");
            }
            for want in *participles {
                assert!(p.iter().any(|x| x == want), "{verb}: {want} not in {p:?}");
            }
        }
        // No wrong accent where the vowel is not the stem's last: "ajouter", "indiquer".
        assert!(french_forms("ajouter").0.contains(&"ajoute".to_string()));
        assert!(french_forms("indiquer").0.contains(&"indique".to_string()));
        assert!(french_forms("préciser").0.contains(&"précise".to_string()));
        assert!(french_forms("estimer").0.contains(&"estime".to_string()));
        assert!(french_forms("regretter").0.contains(&"regrette".to_string()));
        assert!(french_forms("révéler").0.contains(&"révèle".to_string()));
    }
}
