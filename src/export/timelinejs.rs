//! The timeline as TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html): a title
//! slide, one event per dated statement (grouped by country or speaker, in reading order) and
//! one per referenced past event, as a range. TimelineJS renders `text` as HTML, so every
//! string from an article is escaped.

use serde::Serialize;

use super::escape_html;
use crate::analysis::timeline::{self, LaneMode};
use crate::analysis::Analysis;
use crate::article::{Article, Date};
use crate::locale::{self, Language};

#[derive(Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TlDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TlDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    unique_id: String,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct TlDate {
    year: i32,
    month: u8,
    day: u8,
}

fn tl_date(d: Date) -> TlDate {
    TlDate { year: d.year(), month: d.month(), day: d.day() }
}

/// TimelineJS3 JSON for a corpus, its own words (title, dates, categories, groups) in
/// `lang`. Statements without a date are left out (TimelineJS needs one); `mode` chooses the
/// groups.
pub fn timelinejs(
    articles: &[&Article],
    analyses: &[&Analysis],
    mode: LaneMode,
    lang: Language,
) -> String {
    let tr = |key| locale::text(lang, key);
    let (items, events) = timeline::collect(analyses);
    let title_text = match articles {
        [one] => match one.headline_in(lang) {
            // A derived headline already names the date.
            crate::article::Headline::Derived(t) => escape_html(&t),
            crate::article::Headline::Published(t) => format!(
                "{}{}",
                escape_html(&t),
                one.date.map(|d| format!(", {}", d.long_in(lang))).unwrap_or_default()
            ),
        },
        many => locale::count(lang, "workspace.articles", many.len(), &[]),
    };
    let title = Slide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: Text {
            headline: tr("timelinejs.title").into(),
            text: locale::fill(lang, "timelinejs.text", &[("title", &title_text)]),
        },
        group: None,
        unique_id: "title".into(),
    };
    let texts: Vec<String> = articles.iter().map(|a| a.paragraphs.join("\n\n")).collect();
    let mut slides = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let Some(date) = item.date else { continue };
        let target = item
            .target
            .as_ref()
            .map(|t| format!(" \u{2192} {}", escape_html(t)))
            .unwrap_or_default();
        slides.push(Slide {
            start_date: Some(tl_date(date)),
            end_date: None,
            display_date: Some(date.long_in(lang)),
            text: Text {
                headline: format!(
                    "{}: {}{}",
                    escape_html(&item.speaker),
                    escape_html(&item.cue),
                    if item.corrected { tr("timelinejs.corrected") } else { "" }
                ),
                text: format!(
                    "<p>{}</p><p><small>{}{}{}</small></p>",
                    escape_html(&texts[item.article][span_bytes(analyses, item)]),
                    escape_html(tr(item.category.label_key())),
                    target,
                    item.role
                        .as_ref()
                        .map(|r| format!(" \u{b7} {}", escape_html(r)))
                        .unwrap_or_default()
                ),
            },
            group: Some(timeline::lane_label(lang, timeline::lane_key(item, mode))),
            unique_id: format!("statement-{}", n + 1),
        });
    }
    for (n, e) in events.iter().enumerate() {
        slides.push(Slide {
            start_date: Some(tl_date(e.start)),
            end_date: Some(tl_date(e.end)),
            display_date: Some(format!(
                "{}{} \u{2013} {}",
                if e.fuzzy { tr("timelinejs.about") } else { "" },
                e.start.long_in(lang),
                e.end.long_in(lang)
            )),
            text: Text {
                headline: locale::fill(
                    lang,
                    "timelinejs.referred",
                    &[("label", &escape_html(&e.label))],
                ),
                text: format!("<p><small>{}</small></p>", escape_html(&e.basis.describe(lang))),
            },
            group: Some(tr("timelinejs.events_group").into()),
            unique_id: format!("event-{}", n + 1),
        });
    }
    serde_json::to_string_pretty(&Timeline { title, events: slides })
        .expect("the timeline serialises")
}

/// The byte range of an item's sentence in its article's text.
fn span_bytes(analyses: &[&Analysis], item: &timeline::Item) -> std::ops::Range<usize> {
    let s = &analyses[item.article].sentences[item.sentence].span;
    s.start_byte..s.end_byte
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, ThemeSet};
    use crate::article::text::read_text;

    #[test]
    fn matches_the_documented_shape() {
        let (article, analysis) = crate::test_support::seed();
        let json = timelinejs(&[&article], &[&analysis], LaneMode::Country, Language::English);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(v["title"]["text"]["headline"].is_string());
        let events = v["events"].as_array().unwrap();
        assert_eq!(events.len(), 12, "10 statements and 2 referenced events");
        for e in events {
            assert!(
                e["start_date"]["year"].is_i64()
                    && e["start_date"]["month"].is_u64()
                    && e["start_date"]["day"].is_u64()
            );
            assert!(e["text"]["headline"].is_string() && e["text"]["text"].is_string());
            assert!(e["unique_id"].is_string() && e["group"].is_string());
        }
        assert_eq!(events[7]["text"]["headline"], "Sergey Lavrov: reiterated");
        assert_eq!(events[7]["group"], "Russia");
        // Its own words follow the interface language; the article's words stay as written.
        let french: serde_json::Value = serde_json::from_str(&timelinejs(
            &[&article],
            &[&analysis],
            LaneMode::Country,
            Language::French,
        ))
        .unwrap();
        assert_eq!(french["title"]["text"]["headline"], "Qui a dit quoi");
        assert_eq!(french["events"][7]["display_date"], "18 mars 2024");
        assert_eq!(french["events"][7]["text"]["headline"], "Sergey Lavrov: reiterated");
        assert_eq!(french["events"][11]["group"], "Évènements évoqués");
        assert_eq!(events[7]["start_date"]["year"], 2024);
        assert!(events[7]["text"]["text"]
            .as_str()
            .unwrap()
            .contains("he reiterated Moscow&#39;s dedication"));
        assert_eq!(events[10]["end_date"]["year"], 2024);
        assert_eq!(events[10]["group"], "Referred-to events");
        let ids: std::collections::HashSet<&str> =
            events.iter().map(|e| e["unique_id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), 12, "unique ids");
    }

    #[test]
    fn article_text_is_escaped() {
        let article = read_text("date 2024-03-18 (X) Mali's Foreign Minister, Abdoulaye Diop, praised <script>alert(1)</script> Russia.", None).unwrap();
        let analysis = analyze(&article, &ThemeSet::with_builtins(Vec::new()).unwrap());
        let json = timelinejs(&[&article], &[&analysis], LaneMode::Speaker, Language::English);
        assert!(!json.contains("<script>"));
        assert!(json.contains("&lt;script&gt;"));
    }
}
