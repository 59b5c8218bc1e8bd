//! How theme hits lay over the text, for a reader to draw them: each paragraph cut into runs
//! (stretches covered by the same set of hits, so overlapping hits of several themes need no
//! nested markup), and the hits grouped by span for next/previous navigation.

use serde::Serialize;

use super::{Analysis, ThemeHit, ThemeSummary};
use crate::locale::{self, Language};

/// A stretch of one paragraph covered by the same hits (none, for plain text), inside one
/// sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    /// Byte offsets within the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// Indices into [`Analysis::theme_hits`], in theme order.
    pub hits: Vec<usize>,
    /// The (first) statement made in the sentence this run is in, if any: a reader wraps a
    /// statement's sentence so it can be selected and linked to the timeline.
    pub statement: Option<usize>,
}

impl Run {
    /// The themes of the run's hits, each once, ascending (the hits are in theme order).
    pub fn themes(&self, analysis: &Analysis) -> Vec<usize> {
        let mut themes: Vec<usize> =
            self.hits.iter().map(|&h| analysis.theme_hits[h].theme).collect();
        themes.dedup();
        themes
    }
}

/// The runs of paragraph `p`, covering its whole text in order; runs never cross the edge of
/// a sentence that holds a statement.
pub fn paragraph_runs(analysis: &Analysis, p: usize) -> Vec<Run> {
    let Some(paragraph) = analysis.paragraphs.get(p) else {
        return Vec::new();
    };
    let base = paragraph.span.start_byte;
    let len = paragraph.span.end_byte - base;
    // Hits are in text order and never cross a paragraph break: the paragraph's hits are one
    // contiguous slice, found by binary search (a scan of every hit per paragraph made long
    // articles quadratic).
    let all = &analysis.theme_hits;
    let first = all.partition_point(|h| h.span.paragraph < p);
    let last = first + all[first..].partition_point(|h| h.span.paragraph <= p);
    let hits: Vec<(usize, &ThemeHit)> = all[first..last]
        .iter()
        .enumerate()
        .map(|(i, h)| (first + i, h))
        .filter(|(_, h)| h.span.start_byte < paragraph.span.end_byte && h.span.end_byte > base)
        .collect();
    let mut cuts: Vec<usize> = vec![0, len];
    for (_, h) in &hits {
        cuts.push(h.span.start_byte.saturating_sub(base).min(len));
        cuts.push((h.span.end_byte - base).min(len));
    }
    // (start, end, statement) of the statement sentences, within the paragraph.
    let statement_sentences: Vec<(usize, usize, usize)> = (paragraph.first_sentence
        ..paragraph.end_sentence)
        .filter_map(|s| {
            let sentence = &analysis.sentences[s];
            let first = *sentence.statements.first()?;
            Some((sentence.span.start_byte - base, sentence.span.end_byte - base, first))
        })
        .collect();
    for &(start, end, _) in &statement_sentences {
        cuts.push(start);
        cuts.push(end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (start, end) = (w[0], w[1]);
            let mut covering: Vec<usize> = hits
                .iter()
                .filter(|(_, h)| h.span.start_byte <= base + start && base + end <= h.span.end_byte)
                .map(|(i, _)| *i)
                .collect();
            covering.sort_by_key(|&i| analysis.theme_hits[i].theme);
            let statement = statement_sentences
                .iter()
                .find(|&&(s, e, _)| s <= start && end <= e)
                .map(|&(_, _, st)| st);
            Run { start, end, hits: covering, statement }
        })
        .collect()
}

/// Hits that share one span: what "next hit" moves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HitGroup {
    pub paragraph: usize,
    /// Byte offsets in the document text.
    pub start_byte: usize,
    pub end_byte: usize,
    /// Indices into [`Analysis::theme_hits`].
    pub hits: Vec<usize>,
    /// The themes of those hits, ascending.
    pub themes: Vec<usize>,
}

/// All hit groups in reading order (a longer span before a shorter one at the same start).
pub fn hit_groups(analysis: &Analysis) -> Vec<HitGroup> {
    let mut groups: Vec<HitGroup> = Vec::new();
    let mut order: Vec<usize> = (0..analysis.theme_hits.len()).collect();
    order.sort_by_key(|&i| {
        let s = &analysis.theme_hits[i].span;
        (s.start_byte, std::cmp::Reverse(s.end_byte), analysis.theme_hits[i].theme)
    });
    for i in order {
        let h = &analysis.theme_hits[i];
        match groups.last_mut() {
            Some(g) if g.start_byte == h.span.start_byte && g.end_byte == h.span.end_byte => {
                g.hits.push(i);
                if !g.themes.contains(&h.theme) {
                    g.themes.push(h.theme);
                }
            }
            _ => groups.push(HitGroup {
                paragraph: h.span.paragraph,
                start_byte: h.span.start_byte,
                end_byte: h.span.end_byte,
                hits: vec![i],
                themes: vec![h.theme],
            }),
        }
    }
    for g in &mut groups {
        g.themes.sort_unstable();
    }
    groups
}

impl HitGroup {
    /// Whether the group is shown: one of its themes is active.
    pub fn visible(&self, active: &[bool]) -> bool {
        self.themes.iter().any(|&t| active.get(t).copied().unwrap_or(false))
    }
}

/// The group to move to from `current` (an index into `groups`, or none yet), stepping
/// forward or back among groups with at least one active theme, wrapping around.
pub fn step(
    groups: &[HitGroup],
    active: &[bool],
    current: Option<usize>,
    forward: bool,
) -> Option<usize> {
    let visible = |g: &HitGroup| g.visible(active);
    let n = groups.len();
    if n == 0 {
        return None;
    }
    let start = match (current, forward) {
        (Some(c), true) => c + 1,
        (Some(c), false) => c + n - 1,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    (0..n)
        .map(|k| if forward { (start + k) % n } else { (start + n - k) % n })
        .find(|&i| visible(&groups[i]))
}

/// "Hit 3 of 40": the 1-based position of the group starting at byte `start` among the
/// visible groups (0 when none starts there), and how many are visible. One pass, no list:
/// a long article has a hundred thousand groups.
pub fn visible_position(
    groups: &[HitGroup],
    active: &[bool],
    start: Option<usize>,
) -> (usize, usize) {
    let (mut position, mut total) = (0, 0);
    for g in groups.iter().filter(|g| g.visible(active)) {
        total += 1;
        if position == 0 && start == Some(g.start_byte) {
            position = total;
        }
    }
    (position, total)
}

/// One column of a density strip: consecutive paragraphs and their hits per theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DensityColumn {
    /// Paragraphs `first..end`.
    pub first: usize,
    pub end: usize,
    /// Their length in characters (the column's width).
    pub chars: usize,
    /// Hits per theme, aligned with [`Analysis::themes`].
    pub counts: Vec<u32>,
}

/// What a column says to a screen reader and in its tooltip: "Paragraphs 3–5: Economy 2,
/// Security 1", counting the themes of `rows` (the active ones).
pub fn column_label(
    lang: Language,
    column: &DensityColumn,
    themes: &[ThemeSummary],
    rows: &[usize],
) -> String {
    let summary: Vec<String> = rows
        .iter()
        .filter(|&&t| column.counts[t] > 0)
        .map(|&t| format!("{} {}", themes[t].name_in(lang), column.counts[t]))
        .collect();
    let place = if column.end - column.first == 1 {
        locale::fill(lang, "strip.paragraph", &[("n", &(column.first + 1))])
    } else {
        locale::fill(
            lang,
            "strip.paragraphs",
            &[("first", &(column.first + 1)), ("last", &column.end)],
        )
    };
    let hits = if summary.is_empty() {
        locale::text(lang, "strip.no_hits").to_string()
    } else {
        summary.join(", ")
    };
    format!("{place}{}{hits}", locale::text(lang, "common.colon"))
}

/// The density strip as drawn, in a 1000 × [`STRIP_H`] box: a column per [`DensityColumn`]
/// (as wide as its text, what a click or a key selects) and the bars of the active themes as a
/// few paths, one per theme and shade, not a rectangle per bar: a long article's strip is
/// then a few hundred elements, not a thousand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Strip {
    pub columns: Vec<StripColumn>,
    pub bars: Vec<StripBars>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StripColumn {
    pub x: f64,
    pub width: f64,
    /// The column's first paragraph (where it jumps to).
    pub first: usize,
    /// What it says to a screen reader and in its tooltip ([`column_label`]).
    pub label: String,
}

/// The bars of one theme at one shade: SVG path data, a rectangle per bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StripBars {
    /// Index into the analysis's themes.
    pub theme: usize,
    /// From 0.4375 (the fewest hits) to 1.0 (the strip's most), in [`SHADES`] steps.
    pub opacity: f64,
    pub path: String,
}

/// The strip's height, in its own units.
pub const STRIP_H: f64 = 40.0;
/// Shades of a theme's bars, by hits against the strip's most.
pub const SHADES: u32 = 4;

/// The strip of `columns` for the themes `rows` (the active ones, a row each, in order).
pub fn strip(
    lang: Language,
    columns: &[DensityColumn],
    themes: &[ThemeSummary],
    rows: &[usize],
) -> Strip {
    let row_h = STRIP_H / rows.len().max(1) as f64;
    let most = columns.iter().flat_map(|c| rows.iter().map(|&t| c.counts[t])).max().unwrap_or(0);
    let total = columns.iter().map(|c| c.chars).sum::<usize>().max(1) as f64;
    // (row, shade) → path; rows in order, shades light to dark.
    let mut paths = vec![String::new(); rows.len() * SHADES as usize];
    let mut x = 0.0;
    let mut out = Vec::with_capacity(columns.len());
    for c in columns {
        let width = c.chars as f64 / total * 1000.0;
        for (r, &t) in rows.iter().enumerate().filter(|(_, &t)| c.counts[t] > 0) {
            // 1..=SHADES: the share of the most hits, rounded up.
            let shade = (c.counts[t] * SHADES).div_ceil(most.max(1)).clamp(1, SHADES);
            let path = &mut paths[r * SHADES as usize + shade as usize - 1];
            let (bx, by, bw) = (x + 1.0, r as f64 * row_h, (width - 2.0).max(1.0));
            path.push_str(&format!("M{bx:.2} {by:.2}h{bw:.2}v{row_h:.2}h{:.2}Z", -bw));
        }
        out.push(StripColumn {
            x,
            width,
            first: c.first,
            label: column_label(lang, c, themes, rows),
        });
        x += width;
    }
    let bars = paths
        .into_iter()
        .enumerate()
        .filter(|(_, path)| !path.is_empty())
        .map(|(k, path)| {
            let shade = (k as u32 % SHADES) + 1;
            let opacity = 0.25 + 0.75 * f64::from(shade) / f64::from(SHADES);
            StripBars { theme: rows[k / SHADES as usize], opacity, path }
        })
        .collect();
    Strip { columns: out, bars }
}

/// The paragraphs as at most `max_columns` columns of about equal length (one column per
/// paragraph when there are few), so a strip stays readable and cheap on a long article.
pub fn density(analysis: &Analysis, max_columns: usize) -> Vec<DensityColumn> {
    let n = analysis.paragraphs.len();
    let len = |p: &super::Paragraph| p.span.end_char - p.span.start_char;
    let total: usize = analysis.paragraphs.iter().map(len).sum();
    let target = if n <= max_columns { 0 } else { total.div_ceil(max_columns.max(1)) };
    let mut columns: Vec<DensityColumn> = Vec::new();
    for (i, p) in analysis.paragraphs.iter().enumerate() {
        let start_new = match columns.last() {
            None => true,
            Some(c) => c.chars >= target,
        };
        if start_new {
            columns.push(DensityColumn {
                first: i,
                end: i,
                chars: 0,
                counts: vec![0; analysis.themes.len()],
            });
        }
        let c = columns.last_mut().expect("a column was just pushed");
        c.end = i + 1;
        c.chars += len(p);
        for (sum, &k) in c.counts.iter_mut().zip(&p.theme_counts) {
            *sum += k;
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, ThemeDef, ThemeSet};
    use crate::article::text::read_text;

    fn analysis(text: &str, themes: &[(&str, &[&str])]) -> Analysis {
        let defs = themes
            .iter()
            .map(|(id, terms)| ThemeDef {
                id: id.to_string(),
                name: id.to_string(),
                colour: "#000000".into(),
                terms: terms.iter().map(|t| t.to_string()).collect(),
                builtin: false,
            })
            .collect();
        analyze(&read_text(text, None).unwrap(), &ThemeSet::new(defs).unwrap())
    }

    #[test]
    fn a_hits_position_counts_the_visible_groups_only() {
        let a = analysis(
            "Grain came by sea. The grain deal and the port deal were signed.",
            &[("food", &["grain"]), ("trade", &["deal"])],
        );
        let groups = hit_groups(&a);
        let starts: Vec<usize> = groups.iter().map(|g| g.start_byte).collect();
        assert_eq!(starts, [0, 23, 29, 47]);
        // (active themes, the group asked about, expected)
        let cases: [(&[bool], Option<usize>, (usize, usize)); 5] = [
            (&[true, true], Some(29), (3, 4)),
            (&[false, true], Some(29), (1, 2)),
            (&[false, true], Some(47), (2, 2)),
            // A group of a theme switched off, or no group: no position.
            (&[false, true], Some(0), (0, 2)),
            (&[true, false], None, (0, 2)),
        ];
        for (active, start, expected) in cases {
            assert_eq!(visible_position(&groups, active, start), expected, "{active:?} {start:?}");
        }
    }

    #[test]
    fn runs_split_overlapping_hits_without_nesting() {
        let a = analysis(
            "Security cooperation grew.\n\nAid came.",
            &[("s", &["security cooperation"]), ("d", &["cooperation"]), ("h", &["aid"])],
        );
        let text = "Security cooperation grew.";
        let runs = paragraph_runs(&a, 0);
        let pieces: Vec<(&str, usize)> =
            runs.iter().map(|r| (&text[r.start..r.end], r.hits.len())).collect();
        assert_eq!(pieces, [("Security ", 1), ("cooperation", 2), (" grew.", 0)]);
        let second: Vec<(usize, usize, usize)> =
            paragraph_runs(&a, 1).iter().map(|r| (r.start, r.end, r.hits.len())).collect();
        assert_eq!(second, [(0, 3, 1), (3, 9, 0)], "offsets are within the paragraph");
        assert!(paragraph_runs(&a, 2).is_empty());
        assert!(paragraph_runs(&a, 0).iter().all(|r| r.statement.is_none()));
    }

    #[test]
    fn statement_sentences_are_whole_runs() {
        let text = "Aid came. Mali's Foreign Minister, Abdoulaye Diop, praised the aid. Then rain.";
        let a = analysis(text, &[("h", &["aid"])]);
        let runs = paragraph_runs(&a, 0);
        let statement: Vec<&str> =
            runs.iter().filter(|r| r.statement == Some(0)).map(|r| &text[r.start..r.end]).collect();
        assert_eq!(statement.concat(), "Mali's Foreign Minister, Abdoulaye Diop, praised the aid.");
        assert_eq!(statement[statement.len() - 2], "aid", "the hit inside is still its own run");
        assert_eq!(runs.iter().map(|r| &text[r.start..r.end]).collect::<String>(), text);
    }

    #[test]
    fn density_columns_bin_long_articles() {
        let text = (0..50)
            .map(|i| if i % 10 == 0 { "Aid came here." } else { "Nothing here." })
            .collect::<Vec<_>>()
            .join("\n\n");
        let a = analysis(&text, &[("h", &["aid"])]);
        let one_each = density(&a, 100);
        assert_eq!(one_each.len(), 50);
        assert_eq!((one_each[10].first, one_each[10].end, one_each[10].counts[0]), (10, 11, 1));
        let binned = density(&a, 5);
        assert_eq!(binned.len(), 5);
        assert_eq!(
            binned.iter().map(|c| (c.first, c.end, c.counts[0])).collect::<Vec<_>>(),
            [(0, 10, 1), (10, 20, 1), (20, 30, 1), (30, 40, 1), (40, 50, 1)]
        );
        assert_eq!(binned.iter().map(|c| c.chars).sum::<usize>(), 5 * 14 + 45 * 13);
    }

    #[test]
    fn the_strip_draws_each_theme_and_shade_as_one_path() {
        // Four paragraphs of 10, 20, 10 and 10 characters.
        let a = analysis(
            "Aid, aid..\n\nTrade came twice: trade.\n\nNo hits..\n\nAid; aid; aid; aid",
            &[("h", &["aid"]), ("e", &["trade"])],
        );
        let columns = density(&a, 10);
        assert_eq!(
            columns.iter().map(|c| c.counts.clone()).collect::<Vec<_>>(),
            [vec![2, 0], vec![0, 2], vec![0, 0], vec![4, 0]]
        );
        let s = strip(Language::English, &columns, &a.themes, &[0, 1]);
        let xs: Vec<(f64, f64)> = s.columns.iter().map(|c| (c.x, c.width)).collect();
        let total: usize = columns.iter().map(|c| c.chars).sum();
        let w = |chars: usize| chars as f64 / total as f64 * 1000.0;
        assert_eq!(xs[1], (w(columns[0].chars), w(columns[1].chars)));
        assert!((xs.iter().map(|c| c.1).sum::<f64>() - 1000.0).abs() < 1e-9);
        assert_eq!(s.columns[2].label, "Paragraph 3: no hits");
        assert_eq!(s.columns[3].first, 3);
        // Two hits of the most four: shade 2 of 4; four: the darkest. Theme 0's two bars are
        // two paths (two shades), theme 1's one bar a third, in the lower row.
        let bars: Vec<(usize, f64, usize)> =
            s.bars.iter().map(|b| (b.theme, b.opacity, b.path.matches('M').count())).collect();
        assert_eq!(bars, [(0, 0.625, 1), (0, 1.0, 1), (1, 0.625, 1)]);
        assert!(s.bars[2].path.contains(" 20.00h"), "{}", s.bars[2].path);
        // One theme on: one row, the full height.
        let one = strip(Language::English, &columns, &a.themes, &[1]);
        assert_eq!(one.bars.len(), 1);
        let (x, bw) = (xs[1].0 + 1.0, xs[1].1 - 2.0);
        assert_eq!(one.bars[0].path, format!("M{x:.2} 0.00h{bw:.2}v40.00h{:.2}Z", -bw));
    }

    #[test]
    fn groups_and_stepping_follow_reading_order_and_active_themes() {
        let a = analysis(
            "Aid and trade. Trade, then aid.",
            &[("h", &["aid"]), ("e", &["trade"]), ("x", &["aid"])],
        );
        let groups = hit_groups(&a);
        let spans: Vec<(usize, Vec<usize>)> =
            groups.iter().map(|g| (g.start_byte, g.themes.clone())).collect();
        assert_eq!(spans, [(0, vec![0, 2]), (8, vec![1]), (15, vec![1]), (27, vec![0, 2])]);
        let all = [true, true, true];
        assert_eq!(step(&groups, &all, None, true), Some(0));
        assert_eq!(step(&groups, &all, Some(3), true), Some(0), "wraps");
        assert_eq!(step(&groups, &all, Some(0), false), Some(3));
        let trade_only = [false, true, false];
        assert_eq!(step(&groups, &trade_only, Some(0), true), Some(1));
        assert_eq!(step(&groups, &trade_only, Some(2), true), Some(1));
        assert_eq!(step(&groups, &[false; 3], None, true), None);
    }
}
