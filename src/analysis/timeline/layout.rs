//! The timeline's vertical layout: time runs downwards on a real date axis, each day with
//! statements opening into a band of cards in reading order; ticks, labels that have room,
//! the stretch of the drawing near the view, and the lanes' geometry across it.

use serde::Serialize;

use super::{lane_key, Event, Filter, Item, LaneMode};
use crate::article::Date;
use crate::locale::{self, Language};

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
    /// How many more events this bar stands for: past [`MAX_EVENT_COLUMNS`] overlapping
    /// events, the others of the last column are drawn as one bar over all their dates.
    pub more: usize,
}

impl PlacedEvent {
    /// Whether the bar is in `column` and overlaps `y0..y1`.
    fn meets(&self, column: usize, y0: f64, y1: f64) -> bool {
        self.column == column && self.y0 < y1 && y0 < self.y1
    }

    /// Takes in `more` events over `y0..y1`: the bar grows over them.
    fn absorb(&mut self, more: usize, y0: f64, y1: f64) {
        self.more += more;
        (self.y0, self.y1) = (self.y0.min(y0), self.y1.max(y1));
    }

    /// The bar's tooltip: its event's, and how many more it stands for.
    pub fn title(&self, events: &[Event], lang: Language) -> String {
        let mut title = events[self.event].title(lang);
        if self.more > 0 {
            title.push_str(&locale::count(lang, "timeline.event_more", self.more, &[]));
        }
        title
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    pub height: f64,
    pub ticks: Vec<Tick>,
    pub items: Vec<PlacedItem>,
    pub events: Vec<PlacedEvent>,
    /// The calendar ticks' unit.
    pub unit: TickUnit,
    /// The vertical scale used: the zoom's, or the one that fits the span (what a zoom step
    /// starts from).
    pub px_per_day: f64,
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
    let placed_events = place_events(events, filter, |d| map(&anchor_y, d));
    Layout { height: y + scale.top, ticks, items: placed, events: placed_events, unit, px_per_day }
}

fn band_of(days: &[Option<Date>], d: Date) -> Option<usize> {
    days.iter().position(|x| *x == Some(d))
}

/// The events `filter` keeps as bars on the axis (`y` of a date), overlapping ones side by side
/// in at most [`MAX_EVENT_COLUMNS`] columns. An event that finds no free column joins the last
/// column's bar it overlaps, which grows over both (and takes in the last column's bars it
/// then overlaps): a long text's thousands of overlapping events are a few bars, not
/// thousands drawn over one another.
fn place_events(events: &[Event], filter: &Filter, y: impl Fn(Date) -> f64) -> Vec<PlacedEvent> {
    let mut placed: Vec<PlacedEvent> = Vec::new();
    for (e, ev) in events.iter().enumerate().filter(|(_, ev)| filter.keeps_event(ev)) {
        let (y0, y1) = (y(ev.start), y(ev.end).max(y(ev.start) + 6.0));
        match (0..MAX_EVENT_COLUMNS).find(|&c| !placed.iter().any(|p| p.meets(c, y0, y1))) {
            Some(column) => placed.push(PlacedEvent { event: e, y0, y1, column, more: 0 }),
            None => {
                let last = MAX_EVENT_COLUMNS - 1;
                let Some(mut at) = placed.iter().position(|p| p.meets(last, y0, y1)) else {
                    continue;
                };
                placed[at].absorb(1, y0, y1);
                // Grown, it may now overlap other bars of the column: one bar for all of them.
                while let Some(other) = {
                    let bar = &placed[at];
                    (0..placed.len()).find(|&k| k != at && placed[k].meets(last, bar.y0, bar.y1))
                } {
                    let gone = placed.remove(other);
                    at -= usize::from(other < at);
                    placed[at].absorb(1 + gone.more, gone.y0, gone.y1);
                }
            }
        }
    }
    placed
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

/// Height of the lane names above the drawing, in SVG units.
pub const HEADER_H: f64 = 26.0;
/// Room for the date axis labels: "15 janv. 2024" is the longest.
pub const AXIS_W: f64 = 92.0;
/// Width of one column of event bars.
pub const EVENT_COL: f64 = 12.0;
/// The narrowest a lane gets: a card still shows a name and a few words.
pub const MIN_LANE_W: f64 = 120.0;
/// The drawing's width when the panel is narrower than [`NARROW_SCREEN`] CSS pixels (a phone),
/// and otherwise; the SVG is scaled to the panel.
pub const NARROW_WIDTH: f64 = 360.0;
pub const WIDE_WIDTH: f64 = 540.0;
pub const NARROW_SCREEN: f64 = 600.0;

/// Where the parts of the drawing sit across it, in SVG units: the date axis, a column per
/// overlapping event bar, then the lanes side by side. With many lanes the drawing is wider
/// than the panel (each lane at least [`MIN_LANE_W`]) and scrolls sideways.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The width the panel shows without scrolling.
    pub panel_width: f64,
    /// The whole drawing's width.
    pub width: f64,
    /// Where the first lane starts.
    pub lanes_x: f64,
    pub lane_w: f64,
}

impl Frame {
    /// The frame for `lanes` lanes beside `layout`'s event columns, on a screen `screen_px`
    /// CSS pixels wide.
    pub fn new(screen_px: f64, layout: &Layout, lanes: usize) -> Frame {
        let panel_width = if screen_px < NARROW_SCREEN { NARROW_WIDTH } else { WIDE_WIDTH };
        let event_cols = layout.events.iter().map(|e| e.column + 1).max().unwrap_or(0) as f64;
        let lanes_x = AXIS_W + event_cols * EVENT_COL + 6.0;
        let n = lanes.max(1) as f64;
        let width = panel_width.max(lanes_x + n * MIN_LANE_W);
        Frame { panel_width, width, lanes_x, lane_w: (width - lanes_x) / n }
    }

    /// Where lane `lane` starts.
    pub fn lane_x(&self, lane: usize) -> f64 {
        self.lanes_x + lane as f64 * self.lane_w
    }

    /// The x of event column `column`.
    pub fn event_x(column: usize) -> f64 {
        AXIS_W + column as f64 * EVENT_COL
    }

    /// How many characters of a lane's name fit above it, beside its × (about 7 units a
    /// character at 12px bold; the × takes the last 18 units).
    pub fn lane_name_chars(&self) -> usize {
        ((self.lane_w - 30.0) / 7.0).max(4.0) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{analysed, A, B, C};
    use super::super::{collect, lanes};
    use super::*;
    use crate::analysis::Analysis;

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
        // Every kept event is drawn once: as a bar or among a last-column bar's `more`.
        let kept = events.iter().filter(|e| Filter::default().keeps_event(e)).count();
        assert_eq!(l.events.iter().map(|e| 1 + e.more).sum::<usize>(), kept);
    }

    #[test]
    fn overlapping_events_beyond_the_columns_join_the_last_columns_bar() {
        let event = |from: &str, to: &str| Event {
            article: 0,
            label: format!("talks of {from}"),
            start: Date::parse_iso(from).unwrap(),
            end: Date::parse_iso(to).unwrap(),
            fuzzy: false,
            basis: crate::analysis::time::EventBasis::Delivered,
        };
        // A day is one unit of `y`.
        let day0 = Date::parse_iso("2024-01-01").unwrap();
        let y = |d: Date| (d.to_days() - day0.to_days()) as f64;
        // (events, each bar's (first event, column, more, y0, y1))
        type Bar = (usize, usize, usize, f64, f64);
        let cases: Vec<(Vec<Event>, Vec<Bar>)> = vec![
            // Apart: one column.
            (
                vec![event("2024-01-01", "2024-01-10"), event("2024-02-01", "2024-02-10")],
                vec![(0, 0, 0, 0.0, 9.0), (1, 0, 0, 31.0, 40.0)],
            ),
            // Six over one another: four columns, the last bar standing for three, over all
            // their dates.
            (
                vec![
                    event("2024-01-01", "2024-01-31"),
                    event("2024-01-05", "2024-01-31"),
                    event("2024-01-10", "2024-01-31"),
                    event("2024-01-15", "2024-01-31"),
                    event("2024-01-20", "2024-02-29"),
                    event("2024-01-25", "2024-03-15"),
                ],
                vec![
                    (0, 0, 0, 0.0, 30.0),
                    (1, 1, 0, 4.0, 30.0),
                    (2, 2, 0, 9.0, 30.0),
                    (3, 3, 2, 14.0, 74.0),
                ],
            ),
            // Three columns taken throughout; two apart in the last, then one over both: it
            // joins the first, which grows over the second and takes it in.
            (
                vec![
                    event("2024-01-01", "2024-02-10"),
                    event("2024-01-01", "2024-02-10"),
                    event("2024-01-01", "2024-02-10"),
                    event("2024-01-01", "2024-01-11"),
                    event("2024-01-21", "2024-01-31"),
                    event("2024-01-06", "2024-01-26"),
                ],
                vec![
                    (0, 0, 0, 0.0, 40.0),
                    (1, 1, 0, 0.0, 40.0),
                    (2, 2, 0, 0.0, 40.0),
                    (3, 3, 2, 0.0, 30.0),
                ],
            ),
        ];
        for (events, bars) in &cases {
            let placed = place_events(events, &Filter::default(), y);
            let got: Vec<Bar> =
                placed.iter().map(|p| (p.event, p.column, p.more, p.y0, p.y1)).collect();
            assert_eq!(&got, bars);
        }
        let (events, _) = &cases[1];
        let placed = place_events(events, &Filter::default(), y);
        assert_eq!(
            placed[3].title(events, Language::English),
            "Referred to: talks of 2024-01-15 (15 Jan 2024 – 31 Jan 2024). spoken of as already \
             delivered; the text gives no date, so up to a year before the article. And 2 more \
             referred-to events over these dates"
        );
        assert_eq!(placed[0].title(events, Language::English), events[0].title(Language::English));
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
        let lanes3 = super::super::lanes(&all3, LaneMode::Country);
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
        assert_eq!((near.px_per_day, far.px_per_day), (1.0, 4.0), "a zoom is the scale used");
        let fitted =
            layout(&all3, &lanes3, LaneMode::Country, &[], &Filter::default(), Scale::default());
        // A and C are 137 days apart: the fitted scale gives the span its 160 px.
        assert_eq!(fitted.px_per_day, AUTO_SPAN_PX / 137.0);
    }

    #[test]
    fn the_frame_gives_each_lane_room_and_scrolls_past_the_panel() {
        let empty = Layout {
            height: 0.0,
            ticks: Vec::new(),
            items: Vec::new(),
            events: Vec::new(),
            unit: TickUnit::Day,
            px_per_day: 1.0,
        };
        let two = Frame::new(1280.0, &empty, 2);
        assert_eq!((two.panel_width, two.width), (WIDE_WIDTH, WIDE_WIDTH), "two lanes fit");
        assert_eq!(two.lanes_x, AXIS_W + 6.0);
        assert_eq!(two.lane_x(1), two.lanes_x + two.lane_w);
        assert!((two.lane_x(2) - two.width).abs() < 1e-9, "the lanes end at the edge");
        let phone = Frame::new(390.0, &empty, 5);
        assert_eq!(phone.panel_width, NARROW_WIDTH);
        assert_eq!(phone.lane_w, MIN_LANE_W, "five lanes do not fit a phone: each keeps its least");
        assert!(phone.width > phone.panel_width);
        assert_eq!(phone.lane_name_chars(), 12);
        // Two overlapping events take two columns before the lanes.
        let bar = |column| PlacedEvent { event: column, y0: 0.0, y1: 10.0, column, more: 0 };
        let events = Layout { events: vec![bar(0), bar(1)], ..empty };
        let beside = Frame::new(1280.0, &events, 2);
        assert_eq!(beside.lanes_x, two.lanes_x + 2.0 * EVENT_COL);
        assert_eq!(Frame::event_x(1), AXIS_W + EVENT_COL);
        assert_eq!(Frame::new(1280.0, &events, 0).lane_w, WIDE_WIDTH - beside.lanes_x);
    }
}
