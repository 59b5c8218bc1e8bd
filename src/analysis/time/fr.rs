//! French time expressions: « le 18 mars 2024 », « le 1er mars », « lundi », « lundi
//! dernier », « hier », « la semaine dernière », « l'an dernier », « ces dernières années »,
//! « il y a deux ans ». Words arrive lowercased, with elided articles split off (« l' »).

use super::{counted, day_number, year_word, Expr, Unit, Vocabulary};

pub(super) const VOCABULARY: Vocabulary = Vocabulary {
    expression,
    leading: &[
        "qui", "que", "qu'", "a", "ont", "avait", "avaient", "été", "connu", "vu", "subi",
        "traversé", "vécu", "enregistré", "il", "y", "eu", "est", "sont", "était", "étaient",
        "après", "malgré", "depuis", "en", "au", "cours", "de", "des", "la", "le", "les", "l'",
    ],
    trailing: &[
        "en", "au", "cours", "pendant", "durant", "depuis", "de", "des", "du", "d'", "la", "le",
        "les", "l'", "et", "ces", "comme",
    ],
    delivery: &[
        "livraison", "livraisons", "livré", "livrée", "livrés", "livrées", "fourniture",
        "fournitures", "fourni", "fournie", "fournis", "fournies", "don", "dons", "expédié",
        "expédiée", "expédiés", "expédiées", "acheminé", "acheminée", "acheminés", "acheminées",
        "acheminement", "offert", "offerte", "offerts", "offertes",
    ],
    aid_things: &[
        "aide", "aides", "assistance", "blé", "céréales", "engrais", "vivres", "nourriture",
        "denrées", "carburant", "médicaments", "vaccins", "équipements", "matériel", "secours",
    ],
    not_yet: &[
        "va", "vont", "sera", "seront", "serait", "seraient", "pourrait", "pourraient", "promis",
        "promet", "promettent", "prévoit", "prévoient", "prévu", "prévue", "compte", "future",
        "futures", "futur", "prochaine", "prochaines", "prochain", "prochains", "pour", "envisage",
    ],
    label_end: None,
    connectives: &[
        "mais", "et", "pourtant", "même", "aussi", "donc", "encore", "puis", "cependant",
        "lorsque", "quand", "alors", "tard", "tôt",
    ],
    event_nouns: &[
        "coup", "coups", "putsch", "attaque", "attaques", "attentat", "attentats", "élection",
        "élections", "visite", "visites", "sommet", "pourparlers", "négociations", "affrontements",
        "combats", "offensive", "violences", "instabilité", "troubles", "manifestation",
        "manifestations", "grève", "grèves", "embuscade", "massacre", "guerre", "conflit", "crise",
        "retrait", "déploiement", "sanctions", "accord", "cessez-le-feu", "référendum",
        "livraison", "livraisons", "rébellion", "insurrection", "mutinerie", "enlèvement",
        "enlèvements", "famine", "sécheresse", "inondations", "invasion", "soulèvement", "réunion",
        "rencontre",
    ],
    verbs: &[
        "a", "ont", "avait", "avaient", "eu", "été", "fait", "pris", "mis", "dit", "vu", "connu",
        "subi", "vécu", "mort", "morts", "tué", "tués", "fui", "perdu", "rendu", "venu", "venus",
        "parti", "partis", "ouvert", "offert", "permis", "conduit", "détruit", "produit", "reste",
        "restent", "demeure", "demeurent",
    ],
    speech: &["savoir", "dire", "annoncé", "démenti", "affirmant", "déclarant"],
};

const WEEKDAYS: [&str; 7] =
    ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

const MONTHS: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
];

/// "mars", "févr", "sept": a month's name, or its abbreviation (without its stop).
fn month_word(w: &str) -> Option<u8> {
    let unaccented = |s: &str| s.replace(['é', 'è'], "e").replace('û', "u");
    let w = unaccented(w);
    MONTHS
        .iter()
        .position(|m| {
            let m = unaccented(m);
            m == w || (w.chars().count() >= 3 && m.starts_with(&w) && w.chars().count() <= 5)
        })
        .map(|i| i as u8 + 1)
}

/// "18", "1er": a day of the month.
fn day_word(w: &str) -> Option<u8> {
    match w {
        "1er" | "premier" => Some(1),
        _ => day_number(w),
    }
}

fn number_word(w: &str) -> Option<i32> {
    const WORDS: [&str; 12] = [
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze",
    ];
    match w {
        "une" => Some(1),
        "quelques" | "plusieurs" => Some(3),
        _ => counted(w, &WORDS),
    }
}

fn unit_word(w: &str) -> Option<Unit> {
    Some(match w {
        "jour" | "jours" => Unit::Day,
        "semaine" | "semaines" => Unit::Week,
        "mois" => Unit::Month,
        "an" | "ans" | "année" | "années" => Unit::Year,
        _ => return None,
    })
}

/// « dernier », « dernière », « passé », « passée »: the one before the article's.
fn last_word(w: &str) -> bool {
    matches!(w, "dernier" | "dernière" | "passé" | "passée")
}

fn expression<'a>(at: &'a dyn Fn(usize) -> &'a str) -> Option<(usize, Expr)> {
    // A date: « le 18 mars 2024 », « le lundi 18 mars », « 18 mars », « le 1er mars ».
    let skip_le = usize::from(at(0) == "le");
    let skip_day = skip_le + usize::from(WEEKDAYS.contains(&at(skip_le)));
    if let (Some(day), Some(month)) = (day_word(at(skip_day)), month_word(at(skip_day + 1))) {
        let year = year_word(at(skip_day + 2));
        let len = skip_day + 2 + usize::from(year.is_some());
        return Some((len, Expr::Day { day, month, year }));
    }
    // « en 2022 », « depuis 2021 », « en mars 2023 », « depuis mars 2023 ».
    if matches!(at(0), "en" | "durant" | "pendant" | "depuis") {
        let since = at(0) == "depuis";
        if let Some(year) = year_word(at(1)) {
            return Some((2, Expr::Year { year, since }));
        }
        if let (Some(month), Some(year), false) = (month_word(at(1)), year_word(at(2)), since) {
            return Some((3, Expr::Month { year, month }));
        }
    }
    let expr = match (at(0), at(1), at(2), at(3)) {
        ("hier", ..) => (1, Expr::DaysBefore(1)),
        ("avant-hier", ..) => (1, Expr::DaysBefore(2)),
        ("aujourd'hui", ..) => (1, Expr::DaysBefore(0)),
        // « lundi dernier », « ce lundi », « lundi ».
        ("ce", w, ..) if WEEKDAYS.contains(&w) => (2, weekday(w, false)?),
        (w, next, ..) if WEEKDAYS.contains(&w) => {
            let last = last_word(next);
            (1 + usize::from(last), weekday(w, last)?)
        }
        // « la semaine dernière », « le mois dernier », « l'an dernier », « l'année passée ».
        ("la" | "le" | "l'", unit, last, _) if last_word(last) => match unit_word(unit)? {
            Unit::Week => (3, Expr::LastWeek),
            Unit::Month => (3, Expr::LastMonth),
            Unit::Year => (3, Expr::LastYear),
            Unit::Day => return None,
        },
        // « plus tôt cette année », « plus tôt ce mois-ci ».
        ("plus", "tôt", "cette", "année") => (4, Expr::EarlierThisYear),
        ("plus", "tôt", "ce", "mois" | "mois-ci") => (4, Expr::EarlierThisMonth),
        // « ces dernières années », « ces derniers mois », « ces dernières semaines ».
        ("ces", "derniers" | "dernières", unit, _) => (3, Expr::Recent(plural_unit(unit)?)),
        // « au cours des dernières années », « au cours des derniers mois ».
        ("au", "cours", "des", "derniers" | "dernières") => (5, Expr::Recent(plural_unit(at(4))?)),
        // « depuis quelques années », « depuis plusieurs mois ».
        ("depuis", "quelques" | "plusieurs", unit, _) => (3, Expr::Recent(plural_unit(unit)?)),
        // « il y a deux ans », « il y a trois jours ».
        ("il", "y", "a", n) => (5, Expr::Ago(number_word(n)?, unit_word(at(4))?)),
        _ => return None,
    };
    Some(expr)
}

fn weekday(w: &str, last: bool) -> Option<Expr> {
    let weekday = WEEKDAYS.iter().position(|x| *x == w)? as u8;
    Some(Expr::Weekday { weekday, last })
}

/// « années », « mois », « semaines »: a plural unit of a stretch of recent time.
fn plural_unit(w: &str) -> Option<Unit> {
    unit_word(w).filter(|u| *u != Unit::Day && (w.ends_with('s') || *u == Unit::Month))
}
