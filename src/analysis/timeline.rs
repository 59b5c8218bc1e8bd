//! The statements timeline as data: items from one or more analysed articles, lanes (by country
//! or by speaker), filters, and a vertical layout on a real date axis.
//!
//! Time runs downwards. The axis is linear in days between the dates that carry items, but a
//! day with statements opens into a band with one row per statement in reading order (each in
//! its speaker's lane), so ten statements made on one day are ten cards in the order they were
//! reported, not one point. Referenced past events are
//! fuzzy ranges on the same axis. The view draws what [`layout`] returns; it computes nothing.

use serde::Serialize;

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

/// Which of the labels at heights `ys` to draw so that no two drawn ones are closer than
/// `gap`. Labels marked `first` (a statement day's date) are placed before the others (the
/// ticks between): from the top down, a label is kept when it clears every kept one. Zoomed
/// out, year ticks and event labels would otherwise print over each other.
pub fn readable(ys: &[f64], first: &[bool], gap: f64) -> Vec<bool> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    let rank = |i: usize| !first.get(i).copied().unwrap_or(false);
    order.sort_by(|&a, &b| rank(a).cmp(&rank(b)).then(ys[a].total_cmp(&ys[b])).then(a.cmp(&b)));
    let mut keep = vec![false; ys.len()];
    // Kept heights in hundredths of a unit, ordered, to find the nearest in O(log n).
    let mut kept = std::collections::BTreeSet::new();
    let key = |y: f64| (y * 100.0).round() as i64;
    let room = (gap * 100.0).round() as i64;
    for i in order {
        let y = key(ys[i]);
        let clear = room == 0 || kept.range(y - room + 1..y + room).next().is_none();
        if clear {
            keep[i] = true;
            kept.insert(y);
        }
    }
    keep
}

/// Sizes of the drawing, in CSS pixels.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Vertical pixels per day between dated bands (zoom changes this).
    pub px_per_day: f64,
    /// Height of one statement card, gap included.
    pub card: f64,
    /// Smallest gap between two consecutive dated bands.
    pub min_gap: f64,
    /// Space above the first band.
    pub top: f64,
}

impl Default for Scale {
    fn default() -> Scale {
        Scale { px_per_day: 0.0, card: 76.0, min_gap: 28.0, top: 24.0 }
    }
}

/// A tick on the date axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    pub y: f64,
    /// The tick's date (`None`: the band of undated statements).
    pub date: Option<Date>,
    /// What the tick marks: a band's day, or a calendar day, month or year.
    pub unit: TickUnit,
    /// A day that carries statements (its band), rather than a calendar tick.
    pub band: bool,
}

/// The unit of the axis's calendar ticks, chosen from the span shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TickUnit {
    Day,
    Month,
    Year,
}

impl TickUnit {
    /// The key of the axis's description in the message table ("a day axis").
    pub fn label_key(self) -> &'static str {
        match self {
            TickUnit::Day => "timeline.axis_day",
            TickUnit::Month => "timeline.axis_month",
            TickUnit::Year => "timeline.axis_year",
        }
    }
}

impl Tick {
    /// The tick's words in `lang`: `18 Mar 2024` for a day, `Mar 2024` for a month, `2024`
    /// for a year, "Undated" for the band of undated statements.
    pub fn label(&self, lang: Language) -> String {
        let Some(d) = self.date else { return locale::text(lang, "timeline.undated").to_string() };
        match self.unit {
            TickUnit::Year => d.year().to_string(),
            TickUnit::Month => format!("{} {}", locale::month_short(lang, d.month()), d.year()),
            TickUnit::Day => d.short_in(lang),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacedItem {
    /// Index into the items given to [`layout`].
    pub item: usize,
    pub lane: usize,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacedEvent {
    /// Index into the events given to [`layout`].
    pub event: usize,
    pub y0: f64,
    pub y1: f64,
    /// Column among overlapping events.
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    pub height: f64,
    pub ticks: Vec<Tick>,
    pub items: Vec<PlacedItem>,
    pub events: Vec<PlacedEvent>,
    /// The calendar ticks' unit.
    pub unit: TickUnit,
}

/// Event bars side by side at most, so the statement lanes keep their room.
pub const MAX_EVENT_COLUMNS: usize = 4;

/// Height given to the whole date span (bands aside) when no zoom is set.
pub const AUTO_SPAN_PX: f64 = 160.0;

/// Lays out the items that `filter` keeps (with their lanes) and all events.
pub fn layout(
    items: &[Item],
    lanes: &[String],
    mode: LaneMode,
    events: &[Event],
    filter: &Filter,
    scale: Scale,
) -> Layout {
    let kept: Vec<usize> = (0..items.len()).filter(|&i| filter.keeps(&items[i])).collect();
    // Days with items, in date order; undated items go last.
    let mut days: Vec<Option<Date>> = kept.iter().map(|&i| items[i].date).collect();
    days.sort_by_key(|d| (d.is_none(), *d));
    days.dedup();
    let lane_of = |i: usize| lanes.iter().position(|l| l == lane_key(&items[i], mode)).unwrap_or(0);
    // Each day's band: one row per statement of that day.
    let band_rows: Vec<usize> =
        days.iter().map(|d| kept.iter().filter(|&&i| items[i].date == *d).count()).collect();
    // Anchor dates: band days and event bounds, so the axis covers every event.
    let mut anchors: Vec<Date> = days.iter().flatten().copied().collect();
    for e in events.iter().filter(|e| filter.keeps_event(e)) {
        anchors.push(e.start);
        anchors.push(e.end);
    }
    anchors.sort();
    anchors.dedup();
    let span_days = match (anchors.first(), anchors.last()) {
        (Some(a), Some(b)) => (b.to_days() - a.to_days()).max(1),
        _ => 1,
    };
    // Without a zoom set, about 160 px for the whole span between bands.
    let px_per_day =
        if scale.px_per_day > 0.0 { scale.px_per_day } else { AUTO_SPAN_PX / span_days as f64 };
    // y of each anchor: gaps proportional to days, bands opened for statement days.
    let mut y = scale.top;
    let mut anchor_y: Vec<(Date, f64, f64)> = Vec::new(); // (date, top, bottom)
    for (k, &d) in anchors.iter().enumerate() {
        if k > 0 {
            let gap = (d.to_days() - anchors[k - 1].to_days()) as f64 * px_per_day;
            y += gap.max(if band_of(&days, d).is_some() { scale.min_gap } else { 0.0 });
        }
        let height = band_of(&days, d).map_or(0.0, |b| band_rows[b] as f64 * scale.card);
        anchor_y.push((d, y, y + height));
        y += height;
    }
    let mut placed = Vec::new();
    let mut ticks = Vec::new();
    for (b, day) in days.iter().enumerate() {
        let top = match day {
            Some(d) => anchor_y.iter().find(|(a, _, _)| a == d).map_or(y, |(_, t, _)| *t),
            None => {
                y += scale.min_gap;
                let t = y;
                y += band_rows[b] as f64 * scale.card;
                t
            }
        };
        ticks.push(Tick { y: top, date: *day, unit: TickUnit::Day, band: true });
        for (row, &i) in kept.iter().filter(|&&i| items[i].date == *day).enumerate() {
            placed.push(PlacedItem { item: i, lane: lane_of(i), y: top + row as f64 * scale.card });
        }
    }
    // Calendar ticks between bands, in a unit chosen from the span.
    let unit = if span_days > 730 {
        TickUnit::Year
    } else if span_days > 62 {
        TickUnit::Month
    } else {
        TickUnit::Day
    };
    if let (Some(first), Some(last)) = (anchors.first(), anchors.last()) {
        let mut d = match unit {
            TickUnit::Year => Date::new(first.year() + 1, 1, 1),
            TickUnit::Month => Date::month_bounds(first.year(), first.month())
                .map(|(start, _)| start.add_months(1)),
            TickUnit::Day => Some(first.add_days(1)),
        };
        let step_days = (span_days / 12).max(1);
        while let Some(t) = d.filter(|t| t < last) {
            if !days.contains(&Some(t)) {
                ticks.push(Tick { y: map(&anchor_y, t), date: Some(t), unit, band: false });
            }
            d = Some(match unit {
                TickUnit::Year => t.add_months(12),
                TickUnit::Month => t.add_months(1),
                TickUnit::Day => t.add_days(step_days),
            });
        }
    }
    ticks.sort_by(|a, b| a.y.total_cmp(&b.y));
    // Events: their range on the axis; overlapping ones side by side.
    let mut placed_events: Vec<PlacedEvent> = Vec::new();
    for (e, ev) in events.iter().enumerate().filter(|(_, ev)| filter.keeps_event(ev)) {
        let (y0, y1) =
            (map(&anchor_y, ev.start), map(&anchor_y, ev.end).max(map(&anchor_y, ev.start) + 6.0));
        // At most MAX_EVENT_COLUMNS side by side; more overlapping events share the last.
        let column = (0..MAX_EVENT_COLUMNS)
            .find(|c| !placed_events.iter().any(|p| p.column == *c && p.y0 < y1 && y0 < p.y1))
            .unwrap_or(MAX_EVENT_COLUMNS - 1);
        placed_events.push(PlacedEvent { event: e, y0, y1, column });
    }
    Layout { height: y + scale.top, ticks, items: placed, events: placed_events, unit }
}

fn band_of(days: &[Option<Date>], d: Date) -> Option<usize> {
    days.iter().position(|x| *x == Some(d))
}

/// The y of any date: interpolated between anchors (a band's date maps to its top).
fn map(anchors: &[(Date, f64, f64)], d: Date) -> f64 {
    let Some(first) = anchors.first() else {
        return 0.0;
    };
    if d <= first.0 {
        return first.1;
    }
    for w in anchors.windows(2) {
        let ((a, _, a_bottom), (b, b_top, _)) = (w[0], w[1]);
        if d == b {
            return b_top;
        }
        if a < d && d < b {
            let t = (d.to_days() - a.to_days()) as f64 / (b.to_days() - a.to_days()) as f64;
            return a_bottom + t * (b_top - a_bottom);
        }
    }
    anchors.last().map_or(0.0, |l| l.2)
}

/// Extra drawing kept above and below the visible part, and the step the visible part moves
/// by, in px: a long timeline draws only the cards near the view, and redraws only when the
/// view has moved a step.
pub const VIEW_MARGIN: f64 = 800.0;
pub const VIEW_STEP: f64 = 400.0;

/// The vertical stretch of the drawing to draw when `top..top + height` is visible: widened by
/// [`VIEW_MARGIN`] and rounded out to [`VIEW_STEP`]s, so scrolling a little changes nothing.
pub fn view_window(top: f64, height: f64) -> (f64, f64) {
    let lo = ((top - VIEW_MARGIN) / VIEW_STEP).floor() * VIEW_STEP;
    let hi = ((top + height + VIEW_MARGIN) / VIEW_STEP).ceil() * VIEW_STEP;
    (lo.max(0.0), hi)
}

impl Layout {
    /// The items whose cards (of height `card`) and the events whose bars reach into
    /// `lo..hi`, in layout order.
    pub fn in_window(&self, lo: f64, hi: f64, card: f64) -> (Vec<&PlacedItem>, Vec<&PlacedEvent>) {
        let items = self.items.iter().filter(|p| p.y + card >= lo && p.y <= hi).collect();
        let events = self.events.iter().filter(|e| e.y1 >= lo && e.y0 <= hi).collect();
        (items, events)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, ThemeSet};
    use crate::article::text::read_text;

    fn analysed(texts: &[&str]) -> Vec<Analysis> {
        let themes = ThemeSet::with_builtins(Vec::new()).unwrap();
        texts.iter().map(|t| analyze(&read_text(t, None).unwrap(), &themes)).collect()
    }

    const A: &str = "date 2023-11-02 (T) Mali's Foreign Minister, Abdoulaye Diop, praised Russia. Diop stressed the need for wheat.";
    const B: &str = "date 2024-01-15 (T) Russian Foreign Minister Sergey Lavrov pledged aid to Mali. Lavrov said ties were strong.";
    const C: &str = "date 2024-03-18 (T) Mali's Foreign Minister, Abdoulaye Diop, welcomed the aid. Russian Foreign Minister Sergey Lavrov echoed him. Coups shook the region in recent years.";

    #[test]
    fn a_long_timeline_draws_only_what_is_near_the_view() {
        // 400 statements on one day: a column of cards 400 cards tall.
        let mut text = String::from("date 2024-03-18 (T) ");
        for _ in 0..200 {
            text.push_str("Mali's Foreign Minister, Abdoulaye Diop, praised Russia. Diop stressed the need for wheat.\n\n");
        }
        let all = analysed(&[&text]);
        let refs: Vec<&Analysis> = all.iter().collect();
        let (items, events) = collect(&refs);
        assert_eq!(items.len(), 400);
        let lanes = lanes(&items, LaneMode::Country);
        let scale = Scale::default();
        let l = layout(&items, &lanes, LaneMode::Country, &events, &Filter::default(), scale);
        // A 600 px view in the middle: its cards and those within the margin, nothing else.
        let top = (l.height / 2.0 / VIEW_STEP).floor() * VIEW_STEP + 1.0;
        let (lo, hi) = view_window(top, 600.0);
        assert!(lo <= top - VIEW_MARGIN && hi >= top + 600.0 + VIEW_MARGIN);
        assert!(hi - lo <= 600.0 + 2.0 * VIEW_MARGIN + 2.0 * VIEW_STEP);
        let (shown, _) = l.in_window(lo, hi, scale.card);
        let expected = l.items.iter().filter(|p| p.y + scale.card >= lo && p.y <= hi).count();
        assert_eq!(shown.len(), expected);
        assert!(
            shown.len() < 60 && shown.len() as f64 >= (hi - lo) / scale.card - 2.0,
            "{}",
            shown.len()
        );
        assert!(shown.iter().all(|p| p.y + scale.card >= top - VIEW_MARGIN - VIEW_STEP
            && p.y <= top + 600.0 + VIEW_MARGIN + VIEW_STEP));
        // Scrolling less than a step keeps the same window; the top of the page starts at 0.
        assert_eq!(view_window(top + 1.0, 600.0).0, lo);
        assert_eq!(view_window(0.0, 600.0).0, 0.0);
        // The whole drawing in view: everything.
        assert_eq!(l.in_window(0.0, l.height, scale.card).0.len(), 400);
        // Events: the same one referred to again is one bar; many distinct overlapping events
        // share at most MAX_EVENT_COLUMNS columns.
        let mut again = String::from("date 2024-03-18 (T) ");
        for _ in 0..30 {
            again.push_str("Coups shook the region in recent years.\n\n");
        }
        for year in 2000..2020 {
            again.push_str(&format!("Floods of {year} hit the region in {year}.\n\n"));
        }
        let all = analysed(&[&again]);
        let (items, events) = collect(&[&all[0]]);
        assert_eq!(
            events.iter().filter(|e| e.label == "Coups shook the region").count(),
            1,
            "{events:?}"
        );
        let l = layout(&items, &[], LaneMode::Country, &events, &Filter::default(), scale);
        assert!(l.events.iter().all(|e| e.column < MAX_EVENT_COLUMNS));
    }

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
    fn labels_that_would_collide_are_thinned() {
        let none = [false; 5];
        assert_eq!(
            readable(&[0.0, 5.0, 14.0, 20.0, 40.0], &none, 14.0),
            [true, false, true, false, true]
        );
        assert_eq!(readable(&[], &[], 14.0), Vec::<bool>::new());
        assert_eq!(readable(&[3.0, 3.0], &[false, false], 0.0), [true, true]);
        // Given out of order, decided top down.
        assert_eq!(readable(&[40.0, 5.0, 0.0], &none, 14.0), [true, false, true]);
        // A statement day's date goes first: the year tick just above it gives way.
        assert_eq!(readable(&[0.0, 6.0, 30.0], &[false, true, false], 14.0), [false, true, true]);
    }

    #[test]
    fn layout_spreads_days_on_a_real_axis_and_keeps_reading_order() {
        let all = analysed(&[A, B, C]);
        let refs: Vec<&Analysis> = all.iter().collect();
        let (items, events) = collect(&refs);
        let lanes = lanes(&items, LaneMode::Country);
        let l = layout(
            &items,
            &lanes,
            LaneMode::Country,
            &events,
            &Filter::default(),
            Scale { px_per_day: 2.0, ..Scale::default() },
        );
        let bands: Vec<(String, f64)> =
            l.ticks.iter().filter(|t| t.band).map(|t| (t.label(Language::English), t.y)).collect();
        assert_eq!(
            bands.iter().map(|b| b.0.as_str()).collect::<Vec<_>>(),
            ["2 Nov 2023", "15 Jan 2024", "18 Mar 2024"]
        );
        assert!(bands.windows(2).all(|w| w[0].1 < w[1].1));
        // The axis is linear in days between bands: Nov 2 -> Jan 15 is 74 days, Jan 15 -> Mar 18 is 63.
        let card = Scale::default().card;
        let gap1 = bands[1].1 - (bands[0].1 + 2.0 * card);
        let gap2 = bands[2].1 - (bands[1].1 + 2.0 * card);
        assert!((gap1 / gap2 - 74.0 / 63.0).abs() < 0.01, "{gap1} {gap2}");
        // Same-day statements: one card each, in reading order, in their lane.
        let day3: Vec<(usize, f64)> =
            l.items.iter().filter(|p| items[p.item].article == 2).map(|p| (p.lane, p.y)).collect();
        assert_eq!(
            day3,
            [(0, bands[2].1), (1, bands[2].1 + card)],
            "each in its lane, one row each in reading order"
        );
        let diop_day1: Vec<f64> =
            l.items.iter().filter(|p| items[p.item].article == 0).map(|p| p.y).collect();
        assert_eq!(diop_day1, [bands[0].1, bands[0].1 + card]);
        // The event ("in recent years", from 2019) starts above the first statement.
        assert!(l.events[0].y0 < bands[0].1 && l.events[0].y1 >= bands[2].1 - 1.0);
        assert_eq!(l.unit, TickUnit::Year);
        assert!(l.ticks.iter().any(|t| !t.band && t.label(Language::English) == "2020"));
        let french: Vec<String> =
            l.ticks.iter().filter(|t| t.band).map(|t| t.label(Language::French)).collect();
        assert_eq!(french, ["2 nov. 2023", "15 janv. 2024", "18 mars 2024"]);
    }

    #[test]
    fn one_day_articles_and_zoom() {
        let all = analysed(&[C]);
        let refs: Vec<&Analysis> = all.iter().collect();
        let (items, _) = collect(&refs);
        let lanes = lanes(&items, LaneMode::Speaker);
        let l =
            layout(&items, &lanes, LaneMode::Speaker, &[], &Filter::default(), Scale::default());
        assert_eq!(l.ticks.iter().filter(|t| t.band).count(), 1);
        assert_eq!(l.items.iter().map(|p| p.lane).collect::<Vec<_>>(), [0, 1]);
        let (all3, _) = collect(&analysed(&[A, C]).iter().collect::<Vec<_>>());
        let lanes3 = super::lanes(&all3, LaneMode::Country);
        let near = layout(
            &all3,
            &lanes3,
            LaneMode::Country,
            &[],
            &Filter::default(),
            Scale { px_per_day: 1.0, ..Scale::default() },
        );
        let far = layout(
            &all3,
            &lanes3,
            LaneMode::Country,
            &[],
            &Filter::default(),
            Scale { px_per_day: 4.0, ..Scale::default() },
        );
        assert!(far.height > near.height + 3.0 * 130.0 - 1.0, "zooming in stretches the gaps");
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
