//! The timeline's view in the page URL, so a link reproduces it: which pane (`view=`), the
//! lanes (`lanes=speaker`), the filters (`speaker=`, `country=`, `category=`, `theme=`,
//! `confident=1`, `from=` / `to=` as `YYYY-MM-DD`, `hide=` lanes separated by `|`) and the
//! zoom (`zoom=`, pixels per day).
//!
//! The shell reads and writes the query string (the browser encodes it); this module owns what
//! the values mean, both ways, so every reader and writer of a parameter agrees. A value that
//! does not parse reads as absent: a hand-edited link opens on the unfiltered view.

use super::{Filter, LaneMode};
use crate::analysis::Category;
use crate::article::Date;

/// Separates hidden lanes in `hide=` (lane names hold commas: "Washington, D.C.").
pub const HIDE_SEP: char = '|';

/// The zoom's bounds, in pixels per day: from a century on a screen to an hour a card.
pub const ZOOM_MIN: f64 = 0.0005;
pub const ZOOM_MAX: f64 = 400.0;

/// What the panel shows (`view=`): the timeline, its table, or the relations of a dyad.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    Timeline,
    Table,
    Relations,
}

impl Pane {
    pub fn from_param(value: Option<&str>) -> Pane {
        match value {
            Some("table") => Pane::Table,
            Some("relations") => Pane::Relations,
            _ => Pane::Timeline,
        }
    }

    /// The value of `view=`; the timeline, the default, has none.
    pub fn param(self) -> Option<&'static str> {
        match self {
            Pane::Timeline => None,
            Pane::Table => Some("table"),
            Pane::Relations => Some("relations"),
        }
    }
}

/// One filter the user sets from a control, with the parameter that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Speaker,
    Country,
    Category,
    Theme,
    Confident,
    From,
    To,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Speaker,
        Field::Country,
        Field::Category,
        Field::Theme,
        Field::Confident,
        Field::From,
        Field::To,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Field::Speaker => "speaker",
            Field::Country => "country",
            Field::Category => "category",
            Field::Theme => "theme",
            Field::Confident => "confident",
            Field::From => "from",
            Field::To => "to",
        }
    }
}

impl Filter {
    /// The filter a URL holds, `get` giving each parameter's value.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Filter {
        let mut filter = Filter {
            lane_mode: if get("lanes").as_deref() == Some("speaker") {
                LaneMode::Speaker
            } else {
                LaneMode::Country
            },
            hidden_lanes: get("hide")
                .map(|h| h.split(HIDE_SEP).filter(|s| !s.is_empty()).map(str::to_string).collect())
                .unwrap_or_default(),
            ..Filter::default()
        };
        for field in Field::ALL {
            if let Some(value) = get(field.key()) {
                filter.set(field, &value);
            }
        }
        filter
    }

    /// Sets `field` from a control's value, as its parameter would: an empty value (a
    /// select's "All", a cleared date) or one that does not parse clears it.
    pub fn set(&mut self, field: Field, value: &str) {
        let text = (!value.is_empty()).then(|| value.to_string());
        match field {
            Field::Speaker => self.speaker = text,
            Field::Country => self.country = text,
            Field::Theme => self.theme = text,
            Field::Category => self.category = Category::from_key(value),
            Field::Confident => self.confident_only = value == "1",
            Field::From => self.from = Date::parse_iso(value).ok(),
            Field::To => self.to = Date::parse_iso(value).ok(),
        }
    }

    /// Shows or hides a lane (of the current mode), last hidden last.
    pub fn hide_lane(&mut self, lane: &str, hide: bool) {
        self.hidden_lanes.retain(|l| l != lane);
        if hide {
            self.hidden_lanes.push(lane.to_string());
        }
    }

    /// Changes the lane mode; hidden lanes are lanes of one mode, so a new mode shows every
    /// lane again.
    pub fn set_mode(&mut self, mode: LaneMode) {
        if mode != self.lane_mode {
            self.hidden_lanes.clear();
        }
        self.lane_mode = mode;
    }

    /// Every parameter of the filter with its value, `None` for those to remove: written back,
    /// they give the same filter with [`Filter::from_params`].
    pub fn params(&self) -> Vec<(&'static str, Option<String>)> {
        let mut out: Vec<(&'static str, Option<String>)> = Field::ALL
            .into_iter()
            .map(|field| {
                let value = match field {
                    Field::Speaker => self.speaker.clone(),
                    Field::Country => self.country.clone(),
                    Field::Theme => self.theme.clone(),
                    Field::Category => self.category.map(|c| c.key().to_string()),
                    Field::Confident => self.confident_only.then(|| "1".to_string()),
                    Field::From => self.from.map(|d| d.to_string()),
                    Field::To => self.to.map(|d| d.to_string()),
                };
                (field.key(), value)
            })
            .collect();
        let joined = self.hidden_lanes.join(&HIDE_SEP.to_string());
        out.push(("hide", (!joined.is_empty()).then_some(joined)));
        out.push(("lanes", (self.lane_mode == LaneMode::Speaker).then(|| "speaker".to_string())));
        out
    }
}

/// The zoom in `zoom=`, pixels per day; `None` (absent, unreadable, or not above 0) lets the
/// layout fit the span.
pub fn zoom_from_param(value: Option<&str>) -> Option<f64> {
    value.and_then(|z| z.parse::<f64>().ok()).filter(|z| z.is_finite() && *z > 0.0)
}

/// The value of `zoom=` for `px_per_day`: four decimals, enough for a century's span.
pub fn zoom_param(px_per_day: f64) -> String {
    format!("{px_per_day:.4}")
}

/// The zoom after one step by `factor` from `current` (`None`: the layout's fitted scale,
/// `fitted`), kept within [`ZOOM_MIN`]..=[`ZOOM_MAX`].
pub fn zoomed(current: Option<f64>, fitted: f64, factor: f64) -> f64 {
    (current.unwrap_or(fitted) * factor).clamp(ZOOM_MIN, ZOOM_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn a_link_reads_as_its_filter_and_writes_back_the_same() {
        let link = [
            ("speaker", "Maria Lindqvist"),
            ("country", "Norway"),
            ("category", "criticize"),
            ("theme", "security"),
            ("confident", "1"),
            ("from", "2024-02-01"),
            ("to", "2024-02-29"),
            ("hide", "Washington, D.C.|Other"),
            ("lanes", "speaker"),
        ];
        let f = Filter::from_params(query(&link));
        assert_eq!(f.speaker.as_deref(), Some("Maria Lindqvist"));
        assert_eq!(f.category, Some(Category::Criticize));
        assert!(f.confident_only);
        assert_eq!(f.from, Date::new(2024, 2, 1));
        assert_eq!(f.hidden_lanes, ["Washington, D.C.", "Other"]);
        assert_eq!(f.lane_mode, LaneMode::Speaker);
        let written: Vec<(&str, String)> =
            f.params().into_iter().filter_map(|(k, v)| Some((k, v?))).collect();
        let again = Filter::from_params(|k| {
            written.iter().find(|(key, _)| *key == k).map(|(_, v)| v.clone())
        });
        assert_eq!(again, f);
    }

    #[test]
    fn what_does_not_parse_reads_as_absent() {
        let link = [
            ("category", "shouting"),
            ("from", "last spring"),
            ("to", "2024-13-40"),
            ("confident", "yes"),
            ("speaker", ""),
            ("hide", "||"),
            ("lanes", "country"),
        ];
        assert_eq!(Filter::from_params(query(&link)), Filter::default());
        // The default filter writes every parameter away.
        assert!(Filter::default().params().iter().all(|(_, v)| v.is_none()));
    }

    #[test]
    fn controls_set_fields_and_lanes() {
        let mut f = Filter::default();
        f.set(Field::Country, "Chad");
        f.set(Field::To, "2023-06-30");
        assert_eq!((f.country.as_deref(), f.to), (Some("Chad"), Date::new(2023, 6, 30)));
        f.set(Field::Country, "");
        f.set(Field::To, "");
        assert_eq!(f, Filter::default());
        f.hide_lane("Chad", true);
        f.hide_lane("Niger", true);
        f.hide_lane("Chad", true);
        assert_eq!(f.hidden_lanes, ["Niger", "Chad"], "hidden again moves last");
        f.hide_lane("Niger", false);
        assert_eq!(f.hidden_lanes, ["Chad"]);
        f.set_mode(LaneMode::Country);
        assert_eq!(f.hidden_lanes, ["Chad"], "the same mode keeps them");
        f.set_mode(LaneMode::Speaker);
        assert!(f.hidden_lanes.is_empty(), "another mode shows every lane");
    }

    #[test]
    fn panes_and_zoom() {
        for pane in [Pane::Timeline, Pane::Table, Pane::Relations] {
            assert_eq!(Pane::from_param(pane.param()), pane);
        }
        assert_eq!(Pane::from_param(Some("map")), Pane::Timeline);
        assert_eq!(zoom_from_param(Some("2.5000")), Some(2.5));
        for bad in ["0", "-3", "NaN", "inf", "wide"] {
            assert_eq!(zoom_from_param(Some(bad)), None, "{bad}");
        }
        assert_eq!(zoom_param(1.0 / 3.0), "0.3333");
        assert_eq!(zoomed(None, 3.0, 2.0), 6.0, "the first step starts from what is shown");
        assert_eq!(zoomed(Some(300.0), 3.0, 2.0), ZOOM_MAX);
        assert_eq!(zoomed(Some(0.0006), 3.0, 0.5), ZOOM_MIN);
    }
}
