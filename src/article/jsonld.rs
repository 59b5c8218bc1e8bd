//! Reader for schema.org `NewsArticle` / `Article` JSON-LD as news sites publish it in their
//! pages: `headline`, `datePublished`, `articleBody`, `publisher.name`, `url`, `inLanguage`
//! (and `@id`, `identifier`), alone, inside a `@graph`, or as an array of them.
//!
//! Values may be strings or the nested forms sites use (`publisher: {"name": …}`, `author`
//! lists, `{"@value": …}`); what the model has no field for (author, images) is ignored.

use serde_json::Value;

use super::text::split_paragraphs;
use super::{Article, ArticleError, Date, Parts};

/// The schema.org types read as articles.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "Report", "ScholarlyArticle",
];

/// Whether a parsed JSON value looks like JSON-LD (has `@context`, `@type` or `@graph`).
pub fn is_jsonld(v: &Value) -> bool {
    match v {
        Value::Object(o) => {
            o.contains_key("@context") || o.contains_key("@type") || o.contains_key("@graph")
        }
        Value::Array(a) => a.first().is_some_and(is_jsonld),
        _ => false,
    }
}

/// The articles in a JSON-LD document, in document order.
pub fn read_jsonld(v: &Value) -> Result<Vec<Article>, ArticleError> {
    let mut nodes = Vec::new();
    collect(v, &mut nodes);
    if nodes.is_empty() {
        let types = found_types(v);
        return Err(ArticleError::InvalidValue {
            path: "@type".into(),
            reason: format!(
                "this JSON-LD has no NewsArticle or Article (found {})",
                if types.is_empty() { "no @type".to_string() } else { types.join(", ") }
            ),
        });
    }
    nodes
        .iter()
        .enumerate()
        .map(|(i, n)| article(n).map_err(|e| if nodes.len() > 1 { e.in_article(i) } else { e }))
        .collect()
}

fn types(v: &Value) -> Vec<&str> {
    match &v["@type"] {
        Value::String(s) => vec![s
            .trim_start_matches("schema:")
            .trim_start_matches("http://schema.org/")
            .trim_start_matches("https://schema.org/")],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn found_types(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut visit = |n: &Value| out.extend(types(n).into_iter().map(str::to_string));
    match v {
        Value::Array(a) => a.iter().for_each(&mut visit),
        Value::Object(_) => {
            visit(v);
            if let Some(g) = v["@graph"].as_array() {
                g.iter().for_each(visit);
            }
        }
        _ => {}
    }
    out.sort();
    out.dedup();
    out
}

fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        Value::Object(o) => {
            if types(v).iter().any(|t| ARTICLE_TYPES.contains(t)) {
                out.push(v);
            }
            if let Some(g) = o.get("@graph") {
                collect(g, out);
            }
        }
        _ => {}
    }
}

/// A text value: a string, `{"@value": …}`, `{"name": …}`, or the first of a list.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("@value").or_else(|| o.get("name")).and_then(text),
        Value::Array(a) => a.iter().find_map(text),
        _ => None,
    }
}

fn article(n: &Value) -> Result<Article, ArticleError> {
    let body =
        text(&n["articleBody"]).or_else(|| text(&n["text"])).ok_or(ArticleError::InvalidValue {
            path: "articleBody".into(),
            reason: "the NewsArticle has no articleBody, so there is no text to read".into(),
        })?;
    let date = match text(&n["datePublished"]).or_else(|| text(&n["dateCreated"])) {
        None => None,
        Some(d) => Some(Date::parse_iso(&d).map_err(|reason| ArticleError::InvalidValue {
            path: "datePublished".into(),
            reason,
        })?),
    };
    let url =
        text(&n["url"]).or_else(|| text(&n["mainEntityOfPage"]).filter(|u| u.starts_with("http")));
    Article::from_parts(Parts {
        id: text(&n["identifier"]).or_else(|| text(&n["@id"]).filter(|id| !id.starts_with("http"))),
        title: text(&n["headline"]).or_else(|| text(&n["name"])),
        source: text(&n["publisher"]).or_else(|| text(&n["sourceOrganization"])),
        date,
        url,
        language: text(&n["inLanguage"]),
        license: text(&n["license"]),
        paragraphs: split_paragraphs(&body.replace("\r\n", "\n")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Vec<Article>, ArticleError> {
        read_jsonld(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn news_sites_json_ld() {
        let a = read(
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Mali and Russia",
                "datePublished":"2024-03-18T09:00:00+00:00","articleBody":"First.\n\nSecond.",
                "publisher":{"@type":"Organization","name":"MENAFN"},"author":[{"@type":"Person","name":"A"}],
                "url":"https://example.org/a","inLanguage":"en"}"#,
        )
        .unwrap();
        assert_eq!(a.len(), 1);
        let a = &a[0];
        assert_eq!(
            (a.title.as_deref(), a.source.as_deref(), a.language.as_deref()),
            (Some("Mali and Russia"), Some("MENAFN"), Some("en"))
        );
        assert_eq!(a.date, Date::new(2024, 3, 18));
        assert_eq!(a.paragraphs, ["First.", "Second."]);
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn graphs_and_arrays() {
        let graph = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
            {"@type":["NewsArticle"],"headline":"H","articleBody":"Body."}]}"#;
        assert_eq!(read(graph).unwrap()[0].title.as_deref(), Some("H"));
        let list = r#"[{"@type":"NewsArticle","articleBody":"One."},{"@type":"Article","articleBody":"Two.","publisher":"AFP"}]"#;
        let both = read(list).unwrap();
        assert_eq!((both.len(), both[1].source.as_deref()), (2, Some("AFP")));
    }

    #[test]
    fn what_is_missing_is_said() {
        assert_eq!(
            read(r#"{"@context":"https://schema.org","@type":"WebPage","name":"x"}"#).unwrap_err().to_string(),
            "Field `@type` is not valid: this JSON-LD has no NewsArticle or Article (found WebPage)"
        );
        assert_eq!(
            read(r#"{"@type":"NewsArticle","headline":"H"}"#).unwrap_err().to_string(),
            "Field `articleBody` is not valid: the NewsArticle has no articleBody, so there is no text to read"
        );
        assert!(read(r#"{"@type":"NewsArticle","articleBody":"x","datePublished":"last week"}"#)
            .unwrap_err()
            .to_string()
            .contains("datePublished"));
        assert!(matches!(
            read(
                r#"[{"@type":"NewsArticle","articleBody":"x"},{"@type":"NewsArticle","articleBody":""}]"#
            ),
            Err(ArticleError::InArticle { index: 1, .. })
        ));
    }
}
