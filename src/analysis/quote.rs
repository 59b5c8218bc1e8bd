//! Finding a passage again in a text that may have changed, by its words and the words around
//! it (the W3C TextQuoteSelector's `exact`, `prefix` and `suffix`), a position serving only
//! as a hint. Two users: the annotation import (`export::annotations`), which takes the best
//! place `exact` occurs whatever its context, and corrections (`corrections`), which name
//! their statement by its cue in its sentence and accept a place only when enough of that
//! sentence is still around it: a correction is better listed as no longer matching than
//! applied to another statement that happens to use the same verb.
//!
//! Offsets are Unicode code points, as the selectors count.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A passage and the words around it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// A place a quote was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    start: usize,
    end: usize,
    /// How many characters of the prefix (read backwards) and suffix agree there.
    agreeing: usize,
}

impl Quote {
    /// The quote of `target` (bytes of `text`) inside `within` (its sentence, say): the words
    /// of `within` before and after it are its prefix and suffix.
    pub fn around(text: &str, within: Range<usize>, target: Range<usize>) -> Quote {
        let start = target.start.clamp(within.start, within.end);
        let end = target.end.clamp(start, within.end);
        Quote {
            exact: text[start..end].to_string(),
            prefix: text[within.start..start].to_string(),
            suffix: text[end..within.end].to_string(),
        }
    }

    /// Where the quote is in `chars` (a text's characters) as a code-point range: at `hint`
    /// when it is still there unchanged, else at the place `exact` occurs where the most
    /// words of its prefix and suffix are still before and after it (nearest `hint` on a tie),
    /// if that is at least half of them.
    pub fn find(&self, chars: &[char], hint: Option<usize>) -> Option<Range<usize>> {
        if let Some(at) = hint.filter(|&at| self.is_at(chars, at)) {
            return Some(at..at + self.exact.chars().count());
        }
        let needle: Vec<char> = self.exact.chars().collect();
        let (before, after) = (words(&self.prefix), words(&self.suffix));
        let total = before.len() + after.len();
        // A replaced word may be longer than the one it replaces.
        const SLACK: usize = 16;
        let reach = (self.prefix.chars().count() + SLACK, self.suffix.chars().count() + SLACK);
        let mut best: Option<(usize, usize, usize)> = None; // (words agreeing, distance, start)
        for start in occurrences(chars, &needle) {
            let end = start + needle.len();
            let around_before: String =
                chars[start.saturating_sub(reach.0)..start].iter().collect();
            let around_after: String =
                chars[end..(end + reach.1).min(chars.len())].iter().collect();
            let agreeing =
                agree(&before, &words(&around_before)) + agree(&after, &words(&around_after));
            let distance = hint.map_or(0, |h| h.abs_diff(start));
            if best.is_none_or(|(a, d, _)| agreeing > a || (agreeing == a && distance < d)) {
                best = Some((agreeing, distance, start));
            }
        }
        let (agreeing, _, start) = best?;
        (agreeing * 2 >= total).then_some(start..start + needle.len())
    }

    /// Whether the quote, its prefix and its suffix are at `at` exactly.
    fn is_at(&self, chars: &[char], at: usize) -> bool {
        let matches = |from: usize, s: &str| {
            let n = s.chars().count();
            from + n <= chars.len() && chars[from..from + n].iter().copied().eq(s.chars())
        };
        let before = self.prefix.chars().count();
        at >= before
            && matches(at - before, &self.prefix)
            && matches(at, &self.exact)
            && matches(at + self.exact.chars().count(), &self.suffix)
    }
}

/// The words of `text` (runs of letters and digits), in order.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

/// How many of the `old` words are among the `new` ones, each new word counted once.
fn agree(old: &[&str], new: &[&str]) -> usize {
    let mut left: Vec<&str> = new.to_vec();
    old.iter()
        .filter(|w| match left.iter().position(|n| n == *w) {
            Some(i) => {
                left.swap_remove(i);
                true
            }
            None => false,
        })
        .count()
}

/// The code points where `needle` starts in `chars`.
fn occurrences<'a>(chars: &'a [char], needle: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    let last = (chars.len() + 1).saturating_sub(needle.len().max(1));
    (0..last).filter(move |&i| !needle.is_empty() && chars[i..i + needle.len()] == *needle)
}

/// Where a quote (exact, prefix, suffix) lies in `text`, in code points: among the places
/// where `exact` occurs, the one whose prefix and suffix agree best, and nearest to
/// `position_hint` on a tie. `None` when the quote is nowhere (an orphaned annotation).
pub fn anchor(
    text: &str,
    exact: &str,
    prefix: &str,
    suffix: &str,
    position_hint: Option<usize>,
) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    best(&chars, exact, prefix, suffix, position_hint).map(|f| (f.start, f.end))
}

fn best(
    chars: &[char],
    exact: &str,
    prefix: &str,
    suffix: &str,
    position_hint: Option<usize>,
) -> Option<Found> {
    let needle: Vec<char> = exact.chars().collect();
    if needle.is_empty() || chars.len() < needle.len() {
        return None;
    }
    let (prefix, suffix): (Vec<char>, Vec<char>) =
        (prefix.chars().collect(), suffix.chars().collect());
    let agree_back = |a: &[char], b: &[char]| {
        a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count()
    };
    let agree_fwd = |a: &[char], b: &[char]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let mut best: Option<(Found, usize)> = None; // (place, distance from the hint)
    for start in occurrences(chars, &needle) {
        let end = start + needle.len();
        let before = &chars[start.saturating_sub(prefix.len())..start];
        let after = &chars[end..(end + suffix.len()).min(chars.len())];
        let agreeing = agree_back(before, &prefix) + agree_fwd(after, &suffix);
        let distance = position_hint.map_or(0, |h| h.abs_diff(start));
        let better = match best {
            None => true,
            Some((f, d)) => agreeing > f.agreeing || (agreeing == f.agreeing && distance < d),
        };
        if better {
            best = Some((Found { start, end, agreeing }, distance));
        }
    }
    best.map(|(f, _)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_quotes_are_told_apart_and_missing_ones_orphaned() {
        let text = "Aid came in May. Then aid came again in June.";
        assert_eq!(anchor(text, "aid", "Then ", " came again", None), Some((22, 25)));
        assert_eq!(anchor(text, "Aid", "", " came in", Some(30)), Some((0, 3)));
        assert_eq!(anchor(text, "wheat", "", "", Some(3)), None);
        assert_eq!(anchor("", "x", "", "", None), None);
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_quote_is_found_where_enough_of_its_sentence_still_is() {
        let text = "The envoy said the port would reopen. The mayor said the road was shut.";
        let said = text.find("said the road").unwrap();
        let q = Quote::around(text, 38..text.len(), said..said + 4);
        assert_eq!((q.prefix.as_str(), q.exact.as_str()), ("The mayor ", "said"));
        // Unchanged: found at its place.
        assert_eq!(q.find(&chars(text), Some(said)), Some(said..said + 4));
        // A paragraph added before it: found again, further on.
        let moved = format!("A new first sentence. {text}");
        assert_eq!(q.find(&chars(&moved), Some(said)), Some(said + 22..said + 26));
        // A word of its own sentence changed: most of the sentence is still around it.
        let edited = text.replace("was shut", "was closed");
        assert_eq!(q.find(&chars(&edited), Some(said)), Some(said..said + 4));
        // Its sentence gone: the other "said" is not taken for it.
        let cut = "The envoy said the port would reopen.";
        assert_eq!(q.find(&chars(cut), Some(said)), None);
    }

    #[test]
    fn one_changed_word_costs_one_word_and_a_short_context_must_agree() {
        let text = "The minister said on Tuesday that the talks had failed.";
        let said = text.find("said").unwrap();
        let q = Quote::around(text, 0..text.len(), said..said + 4);
        let edited = text.replace("Tuesday", "Wednesday");
        assert_eq!(q.find(&chars(&edited), Some(said)), Some(said..said + 4));
        // "He said." cut: "She said." elsewhere is not it.
        let text = "He said. The talks went on.";
        let q = Quote::around(text, 0..8, 3..7);
        assert_eq!(q.find(&chars("The talks went on. She said."), Some(3)), None);
    }

    #[test]
    fn text_in_other_scripts_counts_code_points() {
        let text = "Посол сказал «да». Мэр сказал «нет».";
        let start = text.rfind("сказал").unwrap();
        let q = Quote::around(
            text,
            text.find("Мэр").unwrap()..text.len(),
            start..start + "сказал".len(),
        );
        let at = text[..start].chars().count();
        assert_eq!(q.find(&chars(text), None), Some(at..at + 6));
    }
}
