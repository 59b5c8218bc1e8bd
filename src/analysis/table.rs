//! The statement table as the views show it: which timeline items a filter keeps, in the order
//! of a column, and the choices each timeline filter offers. Kept in the core so the ordering
//! (ties in reading order; categories by their name in the reader's language) is tested
//! natively, and the table and filter components only draw what this computes.

use super::timeline::{self, Filter, Item};
use super::{Category, ThemeSummary};
use crate::locale::{self, Language};

/// The column a table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Reading order (the corpus's articles in turn).
    Order,
    Speaker,
    Country,
    Category,
    Target,
    Date,
}

/// The indices of the `items` that `filter` keeps, sorted by `key` (descending unless
/// `ascending`); equal values stay in reading order either way. Categories sort by their name
/// in `lang`, so the French table is in French alphabetical order.
pub fn order(
    items: &[Item],
    filter: &Filter,
    key: SortKey,
    ascending: bool,
    lang: Language,
) -> Vec<usize> {
    let mut kept: Vec<usize> = (0..items.len()).filter(|&i| filter.keeps(&items[i])).collect();
    // The categories' places in `lang`'s alphabetical order, worked out once, not per comparison.
    let mut by_name = Category::ALL;
    by_name.sort_by_cached_key(|c| collation_key(locale::text(lang, c.label_key())));
    let category = |i: usize| by_name.iter().position(|&c| c == items[i].category);
    let target = |i: usize| items[i].target.as_deref().unwrap_or("");
    kept.sort_by(|&a, &b| {
        let (x, y) = (&items[a], &items[b]);
        let by_key = match key {
            SortKey::Order => std::cmp::Ordering::Equal,
            SortKey::Speaker => x.speaker.cmp(&y.speaker),
            SortKey::Country => x.country.cmp(&y.country),
            SortKey::Category => category(a).cmp(&category(b)),
            SortKey::Target => target(a).cmp(target(b)),
            SortKey::Date => x.date.cmp(&y.date),
        };
        let by_key = if ascending || key == SortKey::Order { by_key } else { by_key.reverse() };
        let reading = if ascending || key != SortKey::Order { a.cmp(&b) } else { b.cmp(&a) };
        by_key.then(reading)
    });
    kept
}

/// A key that sorts words as a dictionary does in English and French: lowercase, accents
/// after the letter they sit on ("éloge" between "déclaration" and "intention", not after
/// "rejet", as byte order would put it).
fn collation_key(text: &str) -> (String, String) {
    let folded = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            c => c,
        })
        .collect();
    (folded, text.to_string())
}

/// What each timeline filter offers: every value the items have, in order of first
/// appearance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterOptions {
    pub speakers: Vec<String>,
    /// Lane keys of the country filter (`timeline::lane_label` words them).
    pub countries: Vec<String>,
    /// Ids of the themes some item is about.
    pub themes: Vec<String>,
}

pub fn filter_options(items: &[Item]) -> FilterOptions {
    fn add(list: &mut Vec<String>, value: &str) {
        if !list.iter().any(|v| v == value) {
            list.push(value.to_string());
        }
    }
    let mut options = FilterOptions::default();
    for item in items {
        add(&mut options.speakers, &item.speaker);
        add(&mut options.countries, &item.country);
        for theme in &item.themes {
            add(&mut options.themes, theme);
        }
    }
    options
}

/// One choice of a filter's select: the value it sets, and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// What each filter's select offers, worded in the reader's language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    pub speakers: Vec<Choice>,
    pub countries: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub themes: Vec<Choice>,
}

impl FilterOptions {
    /// The choices in `lang`: speakers as named, countries as their lanes are named, every
    /// category, and those of `themes` (the analysis's legend, in its order) that some item
    /// is about, by their names in `lang`.
    pub fn choices(&self, lang: Language, themes: &[ThemeSummary]) -> Choices {
        let choice = |value: &str, label: String| Choice { value: value.to_string(), label };
        Choices {
            speakers: self.speakers.iter().map(|s| choice(s, s.clone())).collect(),
            countries: self
                .countries
                .iter()
                .map(|c| choice(c, timeline::lane_label(lang, c)))
                .collect(),
            categories: Category::ALL
                .into_iter()
                .map(|c| choice(c.key(), locale::text(lang, c.label_key()).to_string()))
                .collect(),
            themes: themes
                .iter()
                .filter(|t| self.themes.contains(&t.id))
                .map(|t| choice(&t.id, t.name_in(lang)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::timeline::collect;
    use crate::analysis::{analyze, Analysis, ThemeSet};
    use crate::article::text::read_text;

    fn items() -> Vec<Item> {
        let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
        let texts = [
            "date 2024-01-15 (T) Russian Foreign Minister Ivan Petrov pledged aid to Mali. Petrov criticised the sanctions.",
            "date 2023-11-02 (T) Mali's Foreign Minister, Amara Keita, praised Russia. Keita welcomed the wheat.",
        ];
        let all: Vec<Analysis> =
            texts.iter().map(|t| analyze(&read_text(t, None).unwrap(), &themes)).collect();
        collect(&all.iter().collect::<Vec<_>>()).0
    }

    #[test]
    fn columns_sort_with_ties_in_reading_order() {
        let items = items();
        assert_eq!(items.len(), 4);
        let all = Filter::default();
        let en = Language::English;
        assert_eq!(order(&items, &all, SortKey::Order, true, en), [0, 1, 2, 3]);
        assert_eq!(order(&items, &all, SortKey::Order, false, en), [3, 2, 1, 0]);
        // Two statements each: ties keep reading order in both directions.
        assert_eq!(order(&items, &all, SortKey::Speaker, true, en), [2, 3, 0, 1]);
        assert_eq!(order(&items, &all, SortKey::Speaker, false, en), [0, 1, 2, 3]);
        assert_eq!(order(&items, &all, SortKey::Date, true, en), [2, 3, 0, 1]);
        // Categories by their name in the reader's language.
        let categories = |lang| -> Vec<Category> {
            order(&items, &all, SortKey::Category, true, lang)
                .iter()
                .map(|&i| items[i].category)
                .collect()
        };
        let names = |lang, cs: Vec<Category>| -> Vec<&'static str> {
            cs.into_iter().map(|c| locale::text(lang, c.label_key())).collect()
        };
        assert_eq!(
            names(Language::English, categories(Language::English)),
            [
                "criticise or accuse", "pledge or provide aid", "praise or endorse",
                "praise or endorse"
            ]
        );
        // In French, "éloge" sorts among the e's, not after "promesse" as bytes would have it.
        assert_eq!(
            names(Language::French, categories(Language::French)),
            [
                "critique ou accusation",
                "éloge ou soutien",
                "éloge ou soutien",
                "promesse ou fourniture d’aide"
            ]
        );
        assert!(collation_key("éloge") < collation_key("intention"));
        assert!(collation_key("déclaration") < collation_key("éloge"));
        // The filter applies first.
        let russia = Filter { country: Some("Russia".into()), ..Filter::default() };
        assert_eq!(order(&items, &russia, SortKey::Date, false, en), [0, 1]);
    }

    #[test]
    fn filters_offer_every_value_once_in_order_of_appearance() {
        let options = filter_options(&items());
        assert_eq!(options.speakers, ["Ivan Petrov", "Amara Keita"]);
        assert_eq!(options.countries, ["Russia", "Mali"]);
        assert!(options.themes.contains(&"humanitarian".to_string()), "{:?}", options.themes);
        assert_eq!(filter_options(&[]), FilterOptions::default());
    }

    #[test]
    fn choices_are_worded_in_the_readers_language() {
        let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
        let text = "date 2024-01-15 (T) Russian Foreign Minister Ivan Petrov pledged aid to Mali. An unnamed official said the grain would arrive.";
        let a = analyze(&read_text(text, None).unwrap(), &themes);
        let items = collect(&[&a]).0;
        let options = filter_options(&items);
        let fr = options.choices(Language::French, &a.themes);
        let value = |c: &Choice| c.value.clone();
        assert_eq!(fr.speakers.iter().map(value).collect::<Vec<_>>(), options.speakers);
        assert_eq!(fr.categories.len(), Category::ALL.len());
        assert_eq!(
            fr.categories[0].label,
            locale::text(Language::French, Category::ALL[0].label_key())
        );
        // The lane the timeline names itself is named in French; its value stays the key.
        let unnamed = fr.countries.iter().find(|c| c.value == timeline::UNNAMED_LANE);
        assert_eq!(
            unnamed.map(|c| c.label.as_str()),
            Some(timeline::lane_label(Language::French, timeline::UNNAMED_LANE).as_str())
        );
        assert_ne!(
            timeline::lane_label(Language::French, timeline::UNNAMED_LANE),
            timeline::UNNAMED_LANE
        );
        // Only the themes some statement is about, by their French names, in legend order.
        let about: Vec<String> = fr.themes.iter().map(value).collect();
        assert!(about.iter().all(|id| options.themes.contains(id)));
        assert_eq!(about.len(), options.themes.len());
        let humanitarian = fr.themes.iter().find(|c| c.value == "humanitarian").unwrap();
        assert_ne!(humanitarian.label, "Humanitarian");
    }
}
