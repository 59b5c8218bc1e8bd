//! The statements timeline as data: items from one or more analysed articles, lanes (by country
//! or by speaker), filters, and a vertical layout on a real date axis.
//!
//! Time runs downwards. The axis is linear in days between the dates that carry items, but a
//! day with statements opens into a band with one row per statement in reading order (each in
//! its speaker's lane), so ten statements made on one day are ten cards in the order they were
//! reported, not one point. Referenced past events are
//! fuzzy ranges on the same axis. The view draws what [`layout`] returns; it computes nothing.
//!
//! - this module: items and events from analyses, lanes, and the [`Filter`];
//! - [`layout`](mod@layout): the vertical layout, its ticks, the stretch near the view, and the
//!   lanes' geometry across the drawing;
//! - [`params`]: the timeline's view in the page URL, read and written.

use serde::Serialize;

mod layout;
pub mod params;
pub use layout::*;

use super::corpus::Cast;
use super::{ActorKind, Analysis, Category, Confidence, Pattern, ReferencedEvent, SpeakerBasis};
use super::{Statement, Tone};
use crate::article::Date;
use crate::locale::{self, Language};

/// How statements are grouped into lanes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LaneMode {
    /// By the speaker's country (a person's country, or the country or institution itself).
    #[default]
    Country,
    /// By speaker.
    Speaker,
}

/// The lane of sources the text does not name and whose country it does not give.
pub const UNNAMED_LANE: &str = "Unnamed sources";
/// The lane of people of no known country.
pub const OTHER_LANE: &str = "Other";

/// A lane's name for people reading `lang`: the two lanes the timeline names itself in its
/// own words, every other lane (a country, a speaker) as the text names it.
pub fn lane_label(lang: Language, lane: &str) -> String {
    match lane {
        UNNAMED_LANE => locale::text(lang, "timeline.lane_unnamed").to_string(),
        OTHER_LANE => locale::text(lang, "timeline.lane_other").to_string(),
        _ => lane.to_string(),
    }
}

/// One statement on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// Index of the article in the corpus, and of the statement in its analysis.
    pub article: usize,
    pub statement: usize,
    pub date: Option<Date>,
    pub speaker: String,
    pub role: Option<String>,
    /// The speaker's country (or the speaker itself for a country or institution).
    pub country: String,
    pub cue: String,
    pub snippet: String,
    pub category: Category,
    pub tone: Tone,
    pub target: Option<String>,
    pub themes: Vec<String>,
    pub sentence: usize,
    /// Changed or added by a reader's correction.
    pub corrected: bool,
    /// Said with a negation ("did not criticise").
    pub negated: bool,
    /// The other speakers of a joint subject.
    pub co_speakers: Vec<String>,
    /// Why the analysis attributes it so ([`Statement::why`]), and how sure it is.
    pub pattern: Pattern,
    pub speaker_basis: SpeakerBasis,
    pub confidence: Confidence,
}

/// A past event on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub article: usize,
    pub label: String,
    pub start: Date,
    pub end: Date,
    pub fuzzy: bool,
    pub basis: super::time::EventBasis,
}

/// All items and events of a corpus, in corpus and reading order, its speakers named by the
/// corpus's cast.
pub fn collect(analyses: &[&Analysis]) -> (Vec<Item>, Vec<Event>) {
    collect_with(analyses, &Cast::build(analyses))
}

/// [`collect`] with the corpus's cast already built (the app keeps it): each speaker,
/// co-speaker and target by its cast name, a speaker's role and lane (country) from the
/// cast, so a person named in several articles is one speaker in one lane.
pub fn collect_with(analyses: &[&Analysis], cast: &Cast) -> (Vec<Item>, Vec<Event>) {
    let mut items = Vec::new();
    let mut events = Vec::new();
    // The same event referred to again (same words, same dates) is one bar.
    let mut seen = std::collections::HashSet::new();
    for (k, a) in analyses.iter().enumerate() {
        for (i, s) in a.statements.iter().enumerate() {
            items.push(item(a, cast, k, i, s));
        }
        for e in &a.events {
            let e: &ReferencedEvent = e;
            let key = (e.label.to_ascii_lowercase(), e.range.start, e.range.end, e.range.fuzzy);
            if seen.insert(key) {
                events.push(Event {
                    article: k,
                    label: e.label.clone(),
                    start: e.range.start,
                    end: e.range.end,
                    fuzzy: e.range.fuzzy,
                    basis: e.basis.clone(),
                });
            }
        }
    }
    (items, events)
}

fn item(a: &Analysis, cast: &Cast, article: usize, statement: usize, s: &Statement) -> Item {
    let speaker = &a.actors[s.speaker];
    let merged = cast.of(article, s.speaker).map(|c| (c, &cast.actors[c]));
    // A person of no known country is "Other"; a source the text does not name ("residents",
    // "a statement") of no known country has a lane of its own.
    let unnamed = matches!(speaker.kind, ActorKind::Group | ActorKind::Document);
    let fallback = if unnamed { UNNAMED_LANE } else { OTHER_LANE };
    let country = match merged {
        Some((c, _)) => cast.speaker_country(c),
        None => super::speaker_country(&a.actors, s.speaker),
    };
    Item {
        article,
        statement,
        date: s.date,
        speaker: merged.map_or_else(|| speaker.name.clone(), |(_, m)| m.name.clone()),
        role: merged.map_or_else(|| speaker.role.clone(), |(_, m)| m.role.clone()),
        country: country.unwrap_or(fallback).to_string(),
        cue: s.cue.clone(),
        snippet: snippet(&s.content, 90),
        category: s.category,
        tone: s.tone,
        target: s.target.zip(s.target_name.as_deref()).map(|(t, n)| cast.name_or(article, t, n)),
        themes: s.themes.clone(),
        sentence: s.sentence,
        corrected: s.corrected,
        negated: s.negated,
        co_speakers: s
            .co_speakers
            .iter()
            .zip(&s.co_speaker_names)
            .map(|(&c, n)| cast.name_or(article, c, n))
            .collect(),
        pattern: s.pattern,
        speaker_basis: s.speaker_basis,
        confidence: s.confidence,
    }
}

impl Item {
    /// What the card and the table say of the attribution beyond speaker and cue: negation,
    /// co-speakers, and the reason with its confidence ("not; with X; reporting verb …
    /// (confidence: medium)").
    pub fn attribution_note(&self, lang: Language) -> String {
        let mut parts = Vec::new();
        if self.negated {
            parts.push(locale::text(lang, "timeline.negated").to_string());
        }
        if !self.co_speakers.is_empty() {
            let with = self.co_speakers.join(", ");
            parts.push(locale::fill(lang, "timeline.with", &[("names", &with)]));
        }
        parts.push(locale::fill(
            lang,
            "timeline.why_confidence",
            &[("why", &self.why(lang)), ("confidence", &self.confidence_label(lang))],
        ));
        parts.join(locale::text(lang, "common.semicolon"))
    }

    /// Which pattern found the statement and how its speaker was resolved, in words.
    pub fn why(&self, lang: Language) -> String {
        super::statements::why(lang, self.pattern, self.speaker_basis)
    }

    /// How sure the attribution is, in words (high, medium, low).
    pub fn confidence_label(&self, lang: Language) -> &'static str {
        locale::text(lang, self.confidence.label_key())
    }

    /// What a card says to a screen reader and in its tooltip: its visible text first
    /// (speaker, cue, snippet), then what the card shows only as shape and colour.
    pub fn card_label(&self, lang: Language) -> String {
        let corrected =
            if self.corrected { locale::text(lang, "timeline.corrected_mark") } else { "" };
        let date = self.date.map(|d| format!(", {}", d.short_in(lang))).unwrap_or_default();
        format!(
            "{} {}{} {}. {} ({}){}. {}.",
            self.speaker,
            self.cue,
            corrected,
            self.snippet,
            locale::text(lang, self.category.label_key()),
            locale::text(lang, self.tone.label_key()),
            date,
            self.attribution_note(lang),
        )
    }
}

impl Event {
    /// The event bar's tooltip: "Referred to: the coup (1 Jan 2020 – 31 Dec 2020,
    /// approximate). …".
    pub fn title(&self, lang: Language) -> String {
        let approximate = if self.fuzzy { locale::text(lang, "timeline.approximate") } else { "" };
        locale::fill(
            lang,
            "timeline.event_title",
            &[
                ("label", &self.label),
                ("start", &self.start.short_in(lang)),
                ("end", &self.end.short_in(lang)),
                ("approximate", &approximate),
                ("basis", &self.basis.describe(lang)),
            ],
        )
    }
}

/// At most `max` characters of `text`, cut at a word, with an ellipsis when cut.
pub fn snippet(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let head = &text[..cut];
            let head = head.rfind(' ').map_or(head, |i| &head[..i]);
            format!("{}\u{2026}", head.trim_end_matches([',', ';', ':', ' ']))
        }
    }
}

/// The lane key of an item.
pub fn lane_key(item: &Item, mode: LaneMode) -> &str {
    match mode {
        LaneMode::Country => &item.country,
        LaneMode::Speaker => &item.speaker,
    }
}

/// The lanes, in order of first appearance (so the first speaker's side comes first).
pub fn lanes(items: &[Item], mode: LaneMode) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let key = lane_key(item, mode);
        if !out.iter().any(|l| l == key) {
            out.push(key.to_string());
        }
    }
    out
}

/// What the user filters on; `None` lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub speaker: Option<String>,
    pub country: Option<String>,
    pub category: Option<Category>,
    pub theme: Option<String>,
    /// Only statements whose attribution is sure ([`Confidence::High`]).
    pub confident_only: bool,
    /// Only what lies in these days (both included): dated statements, and events whose
    /// range meets them. An undated statement is left out once a bound is set.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Lanes the user hid (lane keys under `lane_mode`): their statements are left out.
    pub hidden_lanes: Vec<String>,
    pub lane_mode: LaneMode,
}

impl Filter {
    pub fn keeps(&self, item: &Item) -> bool {
        let dated = self.from.is_none() && self.to.is_none()
            || item.date.is_some_and(|d| self.within(d, d));
        self.speaker.as_ref().is_none_or(|s| *s == item.speaker)
            && self.country.as_ref().is_none_or(|c| *c == item.country)
            && self.category.is_none_or(|c| c == item.category)
            && self.theme.as_ref().is_none_or(|t| item.themes.contains(t))
            && (!self.confident_only || item.confidence == Confidence::High)
            && dated
            && !self.hidden_lanes.iter().any(|l| l == lane_key(item, self.lane_mode))
    }

    /// The event's range meets the date range.
    pub fn keeps_event(&self, event: &Event) -> bool {
        self.within(event.start, event.end)
    }

    /// `[start, end]` meets `[from, to]`.
    fn within(&self, start: Date, end: Date) -> bool {
        self.from.is_none_or(|f| end >= f) && self.to.is_none_or(|t| start <= t)
    }
}
#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::{analyze, ThemeSet};
    use crate::article::text::read_text;

    pub(crate) fn analysed(texts: &[&str]) -> Vec<Analysis> {
        let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
        texts.iter().map(|t| analyze(&read_text(t, None).unwrap(), &themes)).collect()
    }

    pub(crate) const A: &str = "date 2023-11-02 (T) Mali's Foreign Minister, Abdoulaye Diop, praised Russia. Diop stressed the need for wheat.";
    pub(crate) const B: &str = "date 2024-01-15 (T) Russian Foreign Minister Sergey Lavrov pledged aid to Mali. Lavrov said ties were strong.";
    pub(crate) const C: &str = "date 2024-03-18 (T) Mali's Foreign Minister, Abdoulaye Diop, welcomed the aid. Russian Foreign Minister Sergey Lavrov echoed him. Coups shook the region in recent years.";

    #[test]
    fn lanes_filters_and_reading_order() {
        let all = analysed(&[A, B, C]);
        let refs: Vec<&Analysis> = all.iter().collect();
        let (items, events) = collect(&refs);
        assert_eq!(items.len(), 6);
        assert_eq!(lanes(&items, LaneMode::Country), ["Mali", "Russia"]);
        assert_eq!(lanes(&items, LaneMode::Speaker), ["Abdoulaye Diop", "Sergey Lavrov"]);
        let russia = Filter { country: Some("Russia".into()), ..Filter::default() };
        assert_eq!(items.iter().filter(|i| russia.keeps(i)).count(), 3);
        let praise = Filter { category: Some(Category::Praise), ..Filter::default() };
        assert_eq!(items.iter().filter(|i| praise.keeps(i)).count(), 2);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].label, "Coups shook the region");
        // A date range keeps the dated statements and the events that meet it.
        let winter =
            Filter { from: Date::new(2023, 12, 1), to: Date::new(2024, 2, 1), ..Filter::default() };
        assert_eq!(items.iter().filter(|i| winter.keeps(i)).count(), 2, "only B's two");
        assert!(winter.keeps_event(&events[0]), "recent years meet the winter");
        let before = Filter { to: Date::new(2018, 1, 1), ..Filter::default() };
        assert!(!before.keeps_event(&events[0]));
        assert_eq!(items.iter().filter(|i| before.keeps(i)).count(), 0);
        // A hidden lane's statements are left out, in the mode it was hidden in.
        let no_mali = Filter { hidden_lanes: vec!["Mali".into()], ..Filter::default() };
        assert_eq!(items.iter().filter(|i| no_mali.keeps(i)).count(), 3);
        let no_lavrov = Filter {
            hidden_lanes: vec!["Sergey Lavrov".into()],
            lane_mode: LaneMode::Speaker,
            ..Filter::default()
        };
        assert!(items.iter().filter(|i| no_lavrov.keeps(i)).all(|i| i.speaker == "Abdoulaye Diop"));
    }

    #[test]
    fn snippets_cut_at_words() {
        assert_eq!(snippet("short", 10), "short");
        assert_eq!(
            snippet("the positive impact of military cooperation", 20),
            "the positive impact\u{2026}"
        );
    }
}
