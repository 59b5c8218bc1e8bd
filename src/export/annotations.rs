//! W3C Web Annotations (www.w3.org/TR/annotation-model) for an article: one Annotation per
//! theme hit (motivation `tagging`, a TextualBody naming the theme) and per statement
//! (motivation `describing`: who said it, the category, the target), each targeting the text
//! with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (Unicode code
//! points, end exclusive), in an AnnotationCollection. The user's themes travel with it under
//! `ae:userThemes`, so an import can restore them.
//!
//! [`anchor`] finds an annotation's text again: the quote first (with its prefix and suffix to
//! choose among repeats), the position only as a hint, so annotations survive edits to the
//! text around them.

use serde_json::{json, Value};

use crate::analysis::{Analysis, ThemeDef};
use crate::article::Article;

/// Characters of context kept in `prefix` and `suffix`.
const CONTEXT: usize = 32;

/// The annotation collection of one article, as JSON-LD.
pub fn web_annotations(article: &Article, analysis: &Analysis, user_themes: &[ThemeDef]) -> Value {
    let text: Vec<char> = article.paragraphs.join("\n\n").chars().collect();
    let source = article.url.clone().unwrap_or_else(|| format!("urn:article-explorer:article:{}", article.id));
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
            (Some(role), Some(c)) => format!("{} ({role}, {})", speaker.name, analysis.actors[c].name),
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
        "first": { "type": "AnnotationPage", "items": items },
    })
}

/// Where a quote (exact, prefix, suffix) lies in `text`, in code points: among the places
/// where `exact` occurs, the one whose prefix and suffix agree best, and nearest to
/// `position_hint` on a tie. `None` when the quote is nowhere (an orphaned annotation).
pub fn anchor(text: &str, exact: &str, prefix: &str, suffix: &str, position_hint: Option<usize>) -> Option<(usize, usize)> {
    if exact.is_empty() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let needle: Vec<char> = exact.chars().collect();
    let (prefix, suffix): (Vec<char>, Vec<char>) = (prefix.chars().collect(), suffix.chars().collect());
    let agree = |a: &[char], b: &[char]| a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let agree_fwd = |a: &[char], b: &[char]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let mut best: Option<(usize, usize, usize)> = None; // (score, distance, start)
    if chars.len() < needle.len() {
        return None;
    }
    for start in 0..=chars.len() - needle.len() {
        if chars[start..start + needle.len()] != needle[..] {
            continue;
        }
        let end = start + needle.len();
        let before = &chars[start.saturating_sub(prefix.len())..start];
        let after = &chars[end..(end + suffix.len()).min(chars.len())];
        let score = agree(before, &prefix) + agree_fwd(after, &suffix);
        let distance = position_hint.map_or(0, |h| h.abs_diff(start));
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || (score == s && distance < d),
        };
        if better {
            best = Some((score, distance, start));
        }
    }
    best.map(|(_, _, start)| (start, start + needle.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, ThemeSet};
    use crate::article::text::read_text;

    fn seed() -> (Article, Analysis) {
        let text = include_str!("../../public/articles/mali-russia-2024-03-18.txt");
        let article = read_text(text, Some("mali-russia-2024-03-18")).unwrap();
        let analysis = analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
        (article, analysis)
    }

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
        let v = web_annotations(&article, &analysis, &[]);
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
        let v = web_annotations(&article, &analysis, &[]);
        let text = article.paragraphs.join("\n\n");
        let edited = format!("An editor's note added at the top.\n\n{text}");
        let shift = "An editor's note added at the top.\n\n".chars().count();
        for item in v["first"]["items"].as_array().unwrap() {
            let (exact, prefix, suffix, start, end) = selectors(item);
            assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), exact);
            assert_eq!(anchor(&text, &exact, &prefix, &suffix, Some(start)), Some((start, end)), "{exact}");
            // The position is stale after the edit; the quote still finds the right place.
            assert_eq!(anchor(&edited, &exact, &prefix, &suffix, Some(start)), Some((start + shift, end + shift)), "{exact}");
        }
    }

    #[test]
    fn repeated_quotes_are_told_apart_and_missing_ones_orphaned() {
        let text = "Aid came in May. Then aid came again in June.";
        assert_eq!(anchor(text, "aid", "Then ", " came again", None), Some((22, 25)));
        assert_eq!(anchor(text, "Aid", "", " came in", Some(30)), Some((0, 3)));
        assert_eq!(anchor(text, "wheat", "", "", Some(3)), None);
        assert_eq!(anchor("", "x", "", "", None), None);
    }
}
