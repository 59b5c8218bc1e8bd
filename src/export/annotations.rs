//! W3C Web Annotations (www.w3.org/TR/annotation-model) for an article: one Annotation per
//! theme hit (motivation `tagging`, a TextualBody naming the theme) and per statement
//! (motivation `describing`: who said it, the category, the target), each targeting the text
//! with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (Unicode code
//! points, end exclusive), in an AnnotationCollection. The user's themes travel with it under
//! `ae:userThemes`, so an import can restore them.
//!
//! An import finds an annotation's text again with [`anchor`] (`analysis::quote`, which
//! corrections re-anchor by too): the quote first (with its prefix and suffix to choose among
//! repeats), the position only as a hint, so annotations survive edits to the text around
//! them.

use serde_json::{json, Value};

use crate::analysis::corrections::Correction;
pub use crate::analysis::quote::anchor;
use crate::analysis::themes::validate;
use crate::analysis::{Analysis, ThemeDef};
use crate::article::Article;
use crate::locale::{self, Language};

/// Characters of context kept in `prefix` and `suffix`.
const CONTEXT: usize = 32;

/// The annotation collection of one article, as JSON-LD.
pub fn web_annotations(
    article: &Article,
    analysis: &Analysis,
    user_themes: &[ThemeDef],
    corrections: &[Correction],
) -> Value {
    let text: Vec<char> = article.paragraphs.join("\n\n").chars().collect();
    let source = article
        .url
        .clone()
        .unwrap_or_else(|| format!("urn:article-explorer:article:{}", article.id));
    let target = |start: usize, end: usize| {
        json!({
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": text[start..end].iter().collect::<String>(),
                    "prefix": text[start.saturating_sub(CONTEXT)..start].iter().collect::<String>(),
                    "suffix": text[end..(end + CONTEXT).min(text.len())].iter().collect::<String>(),
                },
                { "type": "TextPositionSelector", "start": start, "end": end }
            ]
        })
    };
    let mut items = Vec::new();
    for (n, hit) in analysis.theme_hits.iter().enumerate() {
        let theme = &analysis.themes[hit.theme];
        items.push(json!({
            "id": format!("urn:article-explorer:{}:theme-hit:{}", article.id, n + 1),
            "type": "Annotation",
            "motivation": "tagging",
            "body": [{
                "type": "TextualBody",
                "purpose": "tagging",
                "value": theme.name,
                "ae:theme": theme.id,
                "ae:term": hit.term,
            }],
            "target": target(hit.span.start_char, hit.span.end_char),
        }));
    }
    for (n, s) in analysis.statements.iter().enumerate() {
        let speaker = &analysis.actors[s.speaker];
        let who = match (&speaker.role, speaker.country) {
            (Some(role), Some(c)) => {
                format!("{} ({role}, {})", speaker.name, analysis.actors[c].name)
            }
            (Some(role), None) => format!("{} ({role})", speaker.name),
            _ => speaker.name.clone(),
        };
        let about = s.target_name.as_ref().map(|t| format!(", about {t}")).unwrap_or_default();
        let sentence = &analysis.sentences[s.sentence].span;
        items.push(json!({
            "id": format!("urn:article-explorer:{}:statement:{}", article.id, n + 1),
            "type": "Annotation",
            "motivation": "describing",
            "body": [
                {
                    "type": "TextualBody",
                    "purpose": "describing",
                    "value": format!("{who} {}: {}{about}", s.cue, s.category_label),
                },
                { "type": "TextualBody", "purpose": "classifying", "value": s.category_label, "ae:cameo": s.cameo },
                {
                    "type": "TextualBody",
                    "purpose": "tagging",
                    "value": s.speaker_name,
                    "ae:role": "speaker",
                },
            ],
            "target": target(sentence.start_char, sentence.end_char),
            "ae:date": s.date.map(|d| d.to_string()),
            "ae:corrected": s.corrected,
        }));
    }
    json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", { "ae": "urn:article-explorer:ns#" }],
        "id": format!("urn:article-explorer:{}:annotations", article.id),
        "type": "AnnotationCollection",
        "label": format!("Article Explorer annotations of {}", article.headline().text()),
        "total": items.len(),
        "ae:articleId": article.id,
        "ae:userThemes": user_themes,
        "ae:corrections": corrections,
        "first": { "type": "AnnotationPage", "items": items },
    })
}

/// What an annotation file brings back for an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub user_themes: Vec<ThemeDef>,
    /// Restored only when the file was made for this article (same id).
    pub corrections: Vec<Correction>,
    pub anchored: usize,
    /// The quotes of annotations that no longer anchor in the text, listed for the user.
    pub orphans: Vec<String>,
    /// The file was made for another article.
    pub other_article: bool,
}

impl Imported {
    /// What the import did, for the user reading `lang`: what was found, added and restored
    /// from `file`, and the quotes no longer found in the text (the first 12). `added` is the
    /// number of themes the app added (those the user did not have).
    pub fn summary(&self, lang: Language, file: &str, added: usize) -> String {
        let mut out = locale::fill(
            lang,
            "import.summary",
            &[
                ("file", &file),
                ("found", &locale::count(lang, "import.found", self.anchored, &[])),
                ("themes", &locale::count(lang, "import.themes", added, &[])),
                (
                    "corrections",
                    &locale::count(lang, "import.corrections", self.corrections.len(), &[]),
                ),
            ],
        );
        if self.other_article {
            out.push(' ');
            out.push_str(locale::text(lang, "import.other_article"));
        }
        if !self.orphans.is_empty() {
            let quote = |o: &String| locale::fill(lang, "common.quoted", &[("text", o)]);
            let list: Vec<String> = self.orphans.iter().take(12).map(quote).collect();
            let more = if self.orphans.len() > 12 { "\u{2026}" } else { "" };
            out.push(' ');
            out.push_str(&locale::count(
                lang,
                "import.orphans",
                self.orphans.len(),
                &[("quotes", &format!("{}{more}", list.join(", ")))],
            ));
        }
        out
    }
}

/// Reads an annotation collection exported by [`web_annotations`] and re-anchors it on
/// `article`. The error is a message for the user reading `lang`.
pub fn import(json: &str, article: &Article, lang: Language) -> Result<Imported, String> {
    let v: Value = serde_json::from_str(json)
        .map_err(|e| locale::fill(lang, "import.not_json", &[("reason", &e)]))?;
    if v["type"] != "AnnotationCollection" {
        return Err(locale::text(lang, "import.not_a_collection").into());
    }
    let text = article.paragraphs.join("\n\n");
    let other_article = v["ae:articleId"].as_str() != Some(article.id.as_str());
    let user_themes: Vec<ThemeDef> =
        serde_json::from_value::<Vec<ThemeDef>>(v["ae:userThemes"].clone())
            .unwrap_or_default()
            .into_iter()
            .filter(|t| validate(t).is_ok())
            .map(|t| ThemeDef { builtin: false, ..t })
            .collect();
    let corrections = if other_article {
        Vec::new()
    } else {
        serde_json::from_value(v["ae:corrections"].clone()).unwrap_or_default()
    };
    let (mut anchored, mut orphans) = (0, Vec::new());
    for item in v["first"]["items"].as_array().map(Vec::as_slice).unwrap_or_default() {
        let selectors =
            item["target"]["selector"].as_array().map(Vec::as_slice).unwrap_or_default();
        let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector");
        let hint = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .and_then(|s| s["start"].as_u64())
            .map(|n| n as usize);
        let Some(q) = quote else { continue };
        let field = |k: &str| q[k].as_str().unwrap_or_default();
        match anchor(&text, field("exact"), field("prefix"), field("suffix"), hint) {
            Some(_) => anchored += 1,
            None => orphans.push(field("exact").to_string()),
        }
    }
    Ok(Imported { user_themes, corrections, anchored, orphans, other_article })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::seed;

    fn selectors(item: &Value) -> (String, String, String, usize, usize) {
        let sel = &item["target"]["selector"];
        (
            sel[0]["exact"].as_str().unwrap().to_string(),
            sel[0]["prefix"].as_str().unwrap().to_string(),
            sel[0]["suffix"].as_str().unwrap().to_string(),
            sel[1]["start"].as_u64().unwrap() as usize,
            sel[1]["end"].as_u64().unwrap() as usize,
        )
    }

    #[test]
    fn the_collection_has_one_annotation_per_hit_and_statement() {
        let (article, analysis) = seed();
        let v = web_annotations(&article, &analysis, &[], &[]);
        assert_eq!(v["type"], "AnnotationCollection");
        assert_eq!(v["@context"][0], "http://www.w3.org/ns/anno.jsonld");
        let items = v["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), analysis.theme_hits.len() + 10);
        let lavrov = &items[analysis.theme_hits.len() + 7];
        assert_eq!(lavrov["motivation"], "describing");
        assert!(lavrov["body"][0]["value"].as_str().unwrap().starts_with("Sergey Lavrov (Foreign Minister, Russia) reiterated: pledge or provide aid, about Mali"));
        assert_eq!(items[0]["body"][0]["purpose"], "tagging");
    }

    #[test]
    fn selectors_re_anchor_on_the_seed_and_after_an_edit() {
        let (article, analysis) = seed();
        let v = web_annotations(&article, &analysis, &[], &[]);
        let text = article.paragraphs.join("\n\n");
        let edited = format!("An editor's note added at the top.\n\n{text}");
        let shift = "An editor's note added at the top.\n\n".chars().count();
        for item in v["first"]["items"].as_array().unwrap() {
            let (exact, prefix, suffix, start, end) = selectors(item);
            assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), exact);
            assert_eq!(
                anchor(&text, &exact, &prefix, &suffix, Some(start)),
                Some((start, end)),
                "{exact}"
            );
            // The position is stale after the edit; the quote still finds the right place.
            assert_eq!(
                anchor(&edited, &exact, &prefix, &suffix, Some(start)),
                Some((start + shift, end + shift)),
                "{exact}"
            );
        }
    }

    #[test]
    fn import_restores_themes_and_corrections_and_lists_orphans() {
        let (article, analysis) = seed();
        let theme = ThemeDef {
            id: "agri".into(),
            name: "Agriculture".into(),
            colour: "#336699".into(),
            terms: vec!["wheat".into()],
            builtin: false,
        };
        let text = article.paragraphs.join("\n\n");
        let delete = crate::analysis::corrections::Edit::Delete {
            at: crate::analysis::corrections::key(&analysis.statements[9]),
        };
        let log = vec![Correction::quoted(delete, &analysis, &text)];
        let json =
            web_annotations(&article, &analysis, std::slice::from_ref(&theme), &log).to_string();
        let back = import(&json, &article, Language::English).unwrap();
        assert_eq!(
            (back.user_themes, back.corrections.clone(), back.orphans.len(), back.other_article),
            (vec![theme], log, 0, false)
        );
        assert_eq!(back.anchored, analysis.theme_hits.len() + 10);
        // The same file on an edited text: what was cut is listed, the rest re-anchors.
        let mut edited = article.clone();
        edited.paragraphs[4] = "Diop spoke about other things.".into();
        let again = import(&json, &edited, Language::English).unwrap();
        assert!(again.orphans.iter().any(|o| o == "wheat"));
        assert!(again.anchored > 0 && again.anchored + again.orphans.len() == back.anchored);
        assert!(import("{", &article, Language::English)
            .unwrap_err()
            .starts_with("This is not a JSON annotation file"));
        assert!(import("{\"type\": \"Annotation\"}", &article, Language::English).is_err());
    }
}
