//! A generated corpus of diplomatic news prose for benchmarks: varied sentences (introductions
//! with roles, reported and direct speech, pronouns, metonyms, the writer's own voice, dates,
//! theme vocabulary) assembled by a seeded xorshift generator, so a run is reproducible from
//! its seed.

use article_explorer::article::{Article, Date};

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Mali", "Malian", "Bamako"),
    ("Russia", "Russian", "Moscow"),
    ("France", "French", "Paris"),
    ("Niger", "Nigerien", "Niamey"),
    ("Burkina Faso", "Burkinabe", "Ouagadougou"),
    ("China", "Chinese", "Beijing"),
    ("Senegal", "Senegalese", "Dakar"),
    ("Algeria", "Algerian", "Algiers"),
    ("Turkey", "Turkish", "Ankara"),
];
const GIVEN: &[&str] = &[
    "Amadou", "Fatoumata", "Ibrahim", "Olga", "Pierre", "Aminata", "Wang", "Moussa", "Irina",
    "Karim",
];
const FAMILY: &[&str] = &[
    "Traoré", "Keita", "Petrova", "Dubois", "Coulibaly", "Sow", "Yi", "Maïga", "Volkova", "Benali",
];
const ROLES: &[&str] = &[
    "Foreign Minister", "Defense Minister", "Prime Minister", "President", "Ambassador",
    "Trade Minister",
];
const CUES: &[&str] = &[
    "emphasized", "underscored", "stressed", "highlighted", "reaffirmed", "said", "noted",
    "commended", "urged", "condemned", "welcomed", "warned",
];
const OBJECTS: &[&str] = &[
    "the importance of security cooperation",
    "the need for humanitarian aid to displaced civilians",
    "the expansion of trade and economic partnership",
    "the role of the army in protecting the territory",
    "the sanctions imposed by the regional bloc",
    "the strategic partnership between the two nations",
    "the delivery of wheat and fertilizer",
    "the coup and the political instability in the Sahel region",
    "investment in mining and energy infrastructure",
    "the transition toward elections and constitutional order",
];
const TIMES: &[&str] =
    &["", " on Monday", " yesterday", " last week", " in recent years", " last year", " in 2022"];
const VOICE: &[&str] = &[
    "The ongoing collaboration underscores the importance of regional stability.",
    "Analysts say the prospects for mutually beneficial cooperation remain uncertain.",
    "The talks took place amid growing concern over food security.",
    "Both delegations met for several hours behind closed doors.",
];

/// Articles of about `article_bytes` each, `total_bytes` in all.
pub fn generate(seed: u64, total_bytes: usize, article_bytes: usize) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    let mut articles = Vec::new();
    let mut total = 0;
    while total < total_bytes {
        let mut paragraphs = Vec::new();
        let mut size = 0;
        while size < article_bytes {
            let (country, demonym, capital) =
                COUNTRIES[(rng.next() % COUNTRIES.len() as u64) as usize];
            let (other, _, other_capital) =
                COUNTRIES[(rng.next() % COUNTRIES.len() as u64) as usize];
            let name = format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY));
            let surname = name.split(' ').nth(1).unwrap_or_default().to_string();
            let role = rng.pick(ROLES);
            let intro = if rng.next().is_multiple_of(2) {
                format!("{country}'s {role}, {name},")
            } else {
                format!("{demonym} {role} {name}")
            };
            let mut p = format!(
                "During talks in {other_capital}, {intro} {} {} with {other}{}. {surname} {} that {capital} would support {}. ",
                rng.pick(CUES), rng.pick(OBJECTS), rng.pick(TIMES), rng.pick(CUES), rng.pick(OBJECTS)
            );
            p.push_str(&format!("He also {} {}. ", rng.pick(CUES), rng.pick(OBJECTS)));
            p.push_str(&format!("\"We will not abandon {other},\" {surname} said. "));
            p.push_str(rng.pick(VOICE));
            size += p.len();
            paragraphs.push(p);
        }
        total += size;
        articles.push(Article {
            id: format!("generated-{}", articles.len()),
            title: None,
            source: Some("BENCH".into()),
            date: Date::new(2024, 3, 18),
            url: None,
            language: Some("en".into()),
            license: None,
            paragraphs,
        });
    }
    articles
}
