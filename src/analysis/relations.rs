//! How two parties speak of each other over time: a *dyad* (two actors or countries, both
//! directions) as a series of periods, each with its statements from one to the other and the
//! mean tone of each direction, the way GDELT charts a dyad from machine-coded events, but
//! from statements one can click through to their sentence.
//!
//! A statement belongs to a dyad (A, B) in the direction A → B when its speaker counts for A
//! and its target for B ([`parties`]: an actor counts for itself and for its country, so a
//! Malian minister speaks for Mali), and neither counts for both. A statement with no target
//! belongs to no dyad. Its date is the statement's ([`Statement::date`]: the day it was said,
//! else its article's); undated statements are counted apart.
//!
//! The tone of a statement is its category's place on a cooperation–conflict scale,
//! [`Category::goldstein`] (−10 … +10, after the Goldstein scale's values for the CAMEO root
//! codes; the README lists them); a period's tone is the mean over its statements.
//!
//! Periods are calendar months, or weeks (Monday to Sunday) when the dyad's statements span
//! at most 26 weeks; every period from the first statement's to the last's is in the series,
//! empty ones too, so the chart's axis is time.

use serde::Serialize;

use super::corpus::{cast, Cast};
use super::{Analysis, Category, Statement, Tone};
use crate::article::Date;
use crate::locale::{self, Language};

/// A statement of the corpus: its article and its index in that article's analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct StatementRef {
    pub article: usize,
    pub statement: usize,
}

/// Two parties (cast actors), in the order the user put them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dyad {
    pub a: usize,
    pub b: usize,
}

/// A pair of parties and how many statements pass between them (both directions).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairCount {
    pub dyad: Dyad,
    pub count: usize,
    /// Of them, from A to B (the rest are from B to A).
    pub forward: usize,
}

impl PairCount {
    /// Both parties speak of the other.
    pub fn both_ways(&self) -> bool {
        self.forward > 0 && self.forward < self.count
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Week,
    Month,
}

/// One period of a dyad's series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    pub start: Date,
    /// The period's last day.
    pub end: Date,
    /// Statements from A to B, and from B to A, in corpus order.
    pub forward: Vec<StatementRef>,
    pub backward: Vec<StatementRef>,
    /// Mean tone of each direction; `None` when it has no statement.
    pub forward_tone: Option<f64>,
    pub backward_tone: Option<f64>,
}

/// A dyad's statements by period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub dyad: Dyad,
    pub period: Period,
    pub buckets: Vec<Bucket>,
    /// The dyad's statements with no date, left out of the periods.
    pub undated: Vec<StatementRef>,
}

/// The parties an actor counts for: itself, and its country when it has one.
pub fn parties(cast: &Cast, actor: usize) -> [Option<usize>; 2] {
    let country = cast.actors.get(actor).and_then(|a| a.country).filter(|&c| c != actor);
    [Some(actor), country]
}

/// Each statement with a target as (reference, speaker, target) in cast actors.
fn directed<'a>(
    analyses: &'a [&'a Analysis],
    cast: &'a Cast,
) -> impl Iterator<Item = (StatementRef, &'a Statement, usize, usize)> + 'a {
    analyses.iter().enumerate().flat_map(move |(k, a)| {
        a.statements.iter().enumerate().filter_map(move |(i, s)| {
            let speaker = cast.of(k, s.speaker)?;
            let target = cast.of(k, s.target?)?;
            Some((StatementRef { article: k, statement: i }, s, speaker, target))
        })
    })
}

/// The direction of a statement between A and B: `Some(true)` from A to B, `Some(false)`
/// from B to A.
fn direction(cast: &Cast, speaker: usize, target: usize, d: Dyad) -> Option<bool> {
    let (ps, pt) = (parties(cast, speaker), parties(cast, target));
    let has = |p: &[Option<usize>; 2], x: usize| p.contains(&Some(x));
    let ab = has(&ps, d.a) && has(&pt, d.b);
    let ba = has(&ps, d.b) && has(&pt, d.a);
    let both_sides = has(&ps, d.a) && has(&ps, d.b) || has(&pt, d.a) && has(&pt, d.b);
    match (ab, ba) {
        _ if both_sides => None,
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Every pair of parties with statements between them, the most statements first (ties by
/// the parties' names). The first is the corpus's default dyad.
pub fn pairs(analyses: &[&Analysis], cast: &Cast) -> Vec<PairCount> {
    // (both directions, from the lower index to the higher)
    let mut counts: std::collections::HashMap<(usize, usize), (usize, usize)> = Default::default();
    for (_, _, speaker, target) in directed(analyses, cast) {
        let (ps, pt) = (parties(cast, speaker), parties(cast, target));
        for a in ps.into_iter().flatten() {
            for b in pt.into_iter().flatten() {
                let d = Dyad { a: a.min(b), b: a.max(b) };
                if a == b {
                    continue;
                }
                if let Some(forward) = direction(cast, speaker, target, d) {
                    let c = counts.entry((d.a, d.b)).or_default();
                    c.0 += 1;
                    c.1 += usize::from(forward);
                }
            }
        }
    }
    let name = |i: usize| cast.actors[i].name.to_lowercase();
    let mut out: Vec<PairCount> = counts
        .into_iter()
        .map(|((a, b), (count, low_to_high))| {
            if name(a) <= name(b) {
                PairCount { dyad: Dyad { a, b }, count, forward: low_to_high }
            } else {
                PairCount { dyad: Dyad { a: b, b: a }, count, forward: count - low_to_high }
            }
        })
        .collect();
    out.sort_by(|x, y| {
        y.count
            .cmp(&x.count)
            .then_with(|| (name(x.dyad.a), name(x.dyad.b)).cmp(&(name(y.dyad.a), name(y.dyad.b))))
    });
    out
}

/// The dyad a corpus opens on, the first that exists of: the most frequent pair of two
/// countries that speak of each other, of any two parties that do, of two countries, of any
/// two parties (`pairs` as [`pairs`] orders them). A relation is first of all two-way. The
/// party that speaks more of the other is A.
pub fn default_dyad(pairs: &[PairCount], cast: &Cast) -> Option<Dyad> {
    let country = |i: usize| cast.actors[i].kind == super::ActorKind::Country;
    let countries = |p: &&PairCount| country(p.dyad.a) && country(p.dyad.b);
    let two_way = |p: &&PairCount| p.both_ways();
    pairs
        .iter()
        .find(|p| countries(p) && two_way(p))
        .or_else(|| pairs.iter().find(two_way))
        .or_else(|| pairs.iter().find(countries))
        .or_else(|| pairs.first())
        .map(|p| {
            // The side that speaks more goes first, so its statements are above the axis.
            if 2 * p.forward >= p.count {
                p.dyad
            } else {
                Dyad { a: p.dyad.b, b: p.dyad.a }
            }
        })
}

/// The dyad's series (see the module doc for what counts and how periods are chosen).
pub fn series(analyses: &[&Analysis], cast: &Cast, dyad: Dyad) -> Series {
    let mut dated: Vec<(Date, bool, StatementRef, Category)> = Vec::new();
    let mut undated = Vec::new();
    for (r, s, speaker, target) in directed(analyses, cast) {
        let Some(forward) = direction(cast, speaker, target, dyad) else { continue };
        match s.date {
            Some(d) => dated.push((d, forward, r, s.category)),
            None => undated.push(r),
        }
    }
    let (Some(first), Some(last)) =
        (dated.iter().map(|x| x.0).min(), dated.iter().map(|x| x.0).max())
    else {
        return Series { dyad, period: Period::Month, buckets: Vec::new(), undated };
    };
    let period =
        if last.to_days() - first.to_days() <= 26 * 7 { Period::Week } else { Period::Month };
    let mut buckets = Vec::new();
    let mut start = period_start(first, period);
    while start <= last {
        let next = match period {
            Period::Week => start.add_days(7),
            Period::Month => start.add_months(1),
        };
        buckets.push(Bucket {
            start,
            end: next.add_days(-1),
            forward: Vec::new(),
            backward: Vec::new(),
            forward_tone: None,
            backward_tone: None,
        });
        start = next;
    }
    let mut tones: Vec<[Vec<f64>; 2]> = vec![[Vec::new(), Vec::new()]; buckets.len()];
    for (date, forward, r, category) in dated {
        let b = buckets.partition_point(|b| b.end < date);
        let bucket = &mut buckets[b];
        if forward {
            bucket.forward.push(r)
        } else {
            bucket.backward.push(r)
        }
        tones[b][usize::from(!forward)].push(category.goldstein());
    }
    for (bucket, [f, bk]) in buckets.iter_mut().zip(&tones) {
        bucket.forward_tone = mean(f);
        bucket.backward_tone = mean(bk);
    }
    Series { dyad, period, buckets, undated }
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// The first day of the period `d` is in.
fn period_start(d: Date, period: Period) -> Date {
    match period {
        Period::Week => d.add_days(-i64::from(d.weekday())),
        Period::Month => d.add_days(1 - i64::from(d.day())),
    }
}

impl Bucket {
    /// Both directions' statements, in corpus order.
    pub fn statements(&self) -> Vec<StatementRef> {
        let mut all: Vec<StatementRef> =
            self.forward.iter().chain(&self.backward).copied().collect();
        all.sort_unstable();
        all
    }

    /// The period in words: "March 2024", or for a week "week of 4 Mar 2024".
    pub fn label(&self, period: Period, lang: Language) -> String {
        match period {
            Period::Month => {
                format!("{} {}", locale::month_name(lang, self.start.month()), self.start.year())
            }
            Period::Week => {
                locale::fill(lang, "relations.week_of", &[("date", &self.start.short_in(lang))])
            }
        }
    }

    /// The period in short words, as the chart's axis labels it: "Mar 2024", or a week's
    /// first day "4 Mar 2024".
    pub fn short_label(&self, period: Period, lang: Language) -> String {
        match period {
            Period::Month => {
                format!("{} {}", locale::month_short(lang, self.start.month()), self.start.year())
            }
            Period::Week => self.start.short_in(lang),
        }
    }

    /// The tone of both directions together.
    pub fn tone(&self) -> Option<f64> {
        let n = self.forward.len() + self.backward.len();
        let sum = self.forward_tone.unwrap_or(0.0) * self.forward.len() as f64
            + self.backward_tone.unwrap_or(0.0) * self.backward.len() as f64;
        (n > 0).then(|| sum / n as f64)
    }
}

impl Series {
    /// The most statements in one direction of one period (the chart's scale).
    pub fn max_count(&self) -> usize {
        self.buckets.iter().map(|b| b.forward.len().max(b.backward.len())).max().unwrap_or(0)
    }

    /// Statements in the periods, both directions.
    pub fn total(&self) -> usize {
        self.buckets.iter().map(|b| b.forward.len() + b.backward.len()).sum()
    }
}

/// The dyad of a URL's `dyad=mali,russia`: two parties of the cast by name or slug.
pub fn parse_dyad(cast: &Cast, param: &str) -> Option<Dyad> {
    let (a, b) = param.split_once(',')?;
    let (a, b) = (cast.find(a)?, cast.find(b)?);
    (a != b).then_some(Dyad { a, b })
}

/// The URL's form of a dyad: `mali,russia`.
pub fn format_dyad(cast: &Cast, d: Dyad) -> String {
    format!("{},{}", cast::slug(&cast.actors[d.a].name), cast::slug(&cast.actors[d.b].name))
}

/// A tone in words for `lang`, with its sign: "+2.5 (cooperative)".
pub fn tone_label(tone: f64, lang: Language) -> String {
    let key = match tone_of(tone) {
        Tone::Cooperative => "relations.tone_cooperative",
        Tone::Conflictual => "relations.tone_conflictual",
        Tone::Neutral => "relations.tone_neutral",
    };
    let sign = if tone > 0.0 { "+" } else { "" };
    format!("{sign}{} ({})", locale::decimal(lang, tone), locale::text(lang, key))
}

/// A mean tone as one of the three tones (for colour): cooperative at +1 and above,
/// conflictual at −1 and below.
pub fn tone_of(mean: f64) -> Tone {
    if mean >= 1.0 {
        Tone::Cooperative
    } else if mean <= -1.0 {
        Tone::Conflictual
    } else {
        Tone::Neutral
    }
}

/// One period's bars in the chart: A → B above the axis, B → A below it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub bucket: usize,
    pub x: f64,
    pub width: f64,
    /// Heights of the two bars (0 for none).
    pub forward: f64,
    pub backward: f64,
    pub forward_tone: Option<Tone>,
    pub backward_tone: Option<Tone>,
    /// Whether the period's label has room under the chart (the first period always does).
    pub labelled: bool,
}

/// The chart's bars for a drawing `width` wide whose bars reach at most `half` from the axis;
/// a label needs `label_room` of width.
pub fn chart(series: &Series, width: f64, half: f64, label_room: f64) -> Vec<Bar> {
    let n = series.buckets.len().max(1) as f64;
    let step = width / n;
    let max = series.max_count().max(1) as f64;
    // Label every k-th period, k the smallest that leaves each label its room.
    let every = (label_room / step).ceil().max(1.0) as usize;
    series
        .buckets
        .iter()
        .enumerate()
        .map(|(i, b)| Bar {
            bucket: i,
            x: i as f64 * step,
            width: step,
            forward: half * b.forward.len() as f64 / max,
            backward: half * b.backward.len() as f64 / max,
            forward_tone: b.forward_tone.map(tone_of),
            backward_tone: b.backward_tone.map(tone_of),
            labelled: i % every == 0,
        })
        .collect()
}

/// A statement of a period, as its list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listed {
    pub at: StatementRef,
    /// From A to B (else B to A).
    pub forward: bool,
    pub date: Option<Date>,
    pub speaker: String,
    pub target: String,
    pub cue: String,
    pub content: String,
    pub category: Category,
    pub tone: f64,
}

/// The statements of `bucket`, in corpus order, with the cast's names.
pub fn listing(analyses: &[&Analysis], cast: &Cast, bucket: &Bucket) -> Vec<Listed> {
    let mut out: Vec<Listed> = Vec::new();
    for (refs, forward) in [(&bucket.forward, true), (&bucket.backward, false)] {
        for r in refs {
            let Some(s) = analyses.get(r.article).and_then(|a| a.statements.get(r.statement))
            else {
                continue;
            };
            out.push(Listed {
                at: *r,
                forward,
                date: s.date,
                speaker: cast.name_or(r.article, s.speaker, &s.speaker_name),
                target: s.target.map_or_else(String::new, |t| {
                    cast.name_or(r.article, t, s.target_name.as_deref().unwrap_or_default())
                }),
                cue: s.cue.clone(),
                content: s.content.clone(),
                category: s.category,
                tone: s.category.goldstein(),
            });
        }
    }
    out.sort_by_key(|l| l.at);
    out
}

/// The period holding statement `at`, if the series has it.
pub fn bucket_of(series: &Series, at: StatementRef) -> Option<usize> {
    series.buckets.iter().position(|b| b.forward.contains(&at) || b.backward.contains(&at))
}

/// The parties offered for a dyad: every actor in some pair, the most statements first.
pub fn party_choices(pairs: &[PairCount], cast: &Cast) -> Vec<usize> {
    let mut totals: Vec<(usize, usize)> = Vec::new();
    for p in pairs {
        for x in [p.dyad.a, p.dyad.b] {
            match totals.iter_mut().find(|(a, _)| *a == x) {
                Some((_, n)) => *n += p.count,
                None => totals.push((x, p.count)),
            }
        }
    }
    totals.sort_by(|(a, n), (b, m)| {
        m.cmp(n).then_with(|| cast.actors[*a].name.cmp(&cast.actors[*b].name))
    });
    totals.into_iter().map(|(a, _)| a).collect()
}
