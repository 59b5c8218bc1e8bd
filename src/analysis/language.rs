//! The languages the analysis reads, and which one an article is in.
//!
//! An article names its language (`language` in the project JSON, `inLanguage` in JSON-LD);
//! when it does not, or names one the analysis has no lexicons for, the text decides: a
//! stop-word score over its first words. A score is enough to tell English from French news
//! prose (each language's dozen commonest function words make up a fifth of its running
//! text and are rare in the other), and it costs no tables in the wasm module, where a
//! general detector (whatlang's trigram profiles of 69 languages) would add its tables for
//! a choice between two.
//!
//! Everything that differs by language hangs off [`Language`]: the stemmer, the grammar's
//! word lists ([`super::grammar`]) and the lexicons (`data/` for English, `data/fr/` for
//! French).

use serde::Serialize;

pub use crate::locale::Language;

/// Where an article's language came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageBasis {
    /// The article's own metadata named it.
    Declared,
    /// Detected from the text.
    Detected,
    /// The reader chose it.
    Chosen,
}

impl Language {
    /// The Snowball algorithm for this language's stems.
    pub fn stemmer(self) -> rust_stemmers::Algorithm {
        match self {
            Language::English => rust_stemmers::Algorithm::English,
            Language::French => rust_stemmers::Algorithm::French,
        }
    }
}

/// Function words frequent in one language's news prose and rare in the other's.
const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "said", "by", "as",
    "are", "has", "have", "from", "it", "its", "this", "were", "be", "their", "which",
];
const FRENCH_MARKERS: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "que", "qui", "dans", "pour",
    "par", "sur", "au", "aux", "avec", "pas", "ne", "il", "elle", "été", "cette", "ces", "son",
    "sa", "ses", "selon", "a", "ont",
];

/// The words looked at: the first this many are plenty for news prose.
const DETECT_WORDS: usize = 400;

/// The language of a text by its function words: French when its French markers outnumber
/// its English ones, English otherwise (also for a text with neither).
pub fn detect(text: &str) -> Language {
    let (mut en, mut fr) = (0usize, 0usize);
    let words =
        text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(DETECT_WORDS);
    for w in words {
        let lower = w.to_lowercase();
        en += usize::from(ENGLISH_MARKERS.contains(&lower.as_str()));
        // "l'armée", "d'après", "qu'il": an elided article or conjunction is French.
        fr += usize::from(FRENCH_MARKERS.contains(&lower.as_str()));
        fr += usize::from(matches!(lower.as_str(), "l" | "d" | "qu"));
    }
    if fr > en {
        Language::French
    } else {
        Language::English
    }
}

/// An article's language: the one it declares if the analysis knows it, else detected from
/// its paragraphs.
pub fn of_article(article: &crate::article::Article) -> (Language, LanguageBasis) {
    if let Some(l) = article.language.as_deref().and_then(Language::from_tag) {
        return (l, LanguageBasis::Declared);
    }
    let mut sample = String::new();
    for p in &article.paragraphs {
        sample.push_str(p);
        sample.push(' ');
        if sample.len() > 4000 {
            break;
        }
    }
    (detect(&sample), LanguageBasis::Detected)
}

/// Where the language an article is read in came from, as the reader shows it: the article's
/// own (declared or detected), or the reader's choice when it differs.
pub fn basis_of(article: &crate::article::Article, reading: Language) -> LanguageBasis {
    match of_article(article) {
        (own, basis) if own == reading => basis,
        _ => LanguageBasis::Chosen,
    }
}

impl LanguageBasis {
    /// The basis in words, after the language's name ("English, detected"): a key of the
    /// interface's message table (`crate::locale`).
    pub fn key(self) -> &'static str {
        match self {
            LanguageBasis::Declared => "language.declared",
            LanguageBasis::Detected => "language.detected",
            LanguageBasis::Chosen => "language.chosen",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_names() {
        let cases: &[(&str, Option<Language>)] = &[
            ("en", Some(Language::English)),
            ("en-GB", Some(Language::English)),
            ("fr", Some(Language::French)),
            ("fr-FR", Some(Language::French)),
            ("fr_CA", Some(Language::French)),
            ("French", Some(Language::French)),
            ("français", Some(Language::French)),
            (" FR ", Some(Language::French)),
            ("de", None),
            ("", None),
        ];
        for (tag, want) in cases {
            assert_eq!(Language::from_tag(tag), *want, "{tag:?}");
        }
    }

    #[test]
    fn detection_table() {
        let cases: &[(&str, Language)] = &[
            ("The minister said the talks had gone well.", Language::English),
            ("Le ministre a déclaré que les discussions s'étaient bien passées.", Language::French),
            (
                "Selon lui, l'armée est prête à reprendre le contrôle de la région.",
                Language::French,
            ),
            ("Officials in Bamako said on Monday that it was ready.", Language::English),
            // A possessive's "s" is no elision.
            ("Mali's economic ties, economically.", Language::English),
            // Names alone decide nothing: English by default.
            ("Bamako, Niamey, Ouagadougou.", Language::English),
            ("", Language::English),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), *want, "{text}");
        }
    }

    #[test]
    fn a_declared_language_wins_over_the_text() {
        let mut article = crate::article::text::read_text(
            "date 2025-01-02 (T) Le ministre a déclaré que tout allait bien.",
            None,
        )
        .unwrap();
        assert_eq!(of_article(&article), (Language::French, LanguageBasis::Detected));
        article.language = Some("en".into());
        assert_eq!(of_article(&article), (Language::English, LanguageBasis::Declared));
        article.language = Some("de".into());
        assert_eq!(of_article(&article), (Language::French, LanguageBasis::Detected));
        assert_eq!(basis_of(&article, Language::French), LanguageBasis::Detected);
        assert_eq!(basis_of(&article, Language::English), LanguageBasis::Chosen);
    }
}
