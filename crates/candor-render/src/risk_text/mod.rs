//! Plain-language wording of risk figures: probabilities become natural frequencies
//! ("about 20 in 100"), never bare percentages, and uncertainty is always put into words.
//!
//! Rounding rules (docs/risk-cards.md states them for authors):
//! - A probability becomes "about COUNT in OUT_OF" with OUT_OF the smallest of 100, 1,000,
//!   10,000, … at which COUNT is a whole number of at least 1 (for p > 0), below OUT_OF (for
//!   p < 1) and within 10% of the exact value. 0 and 1 are "0 in 100" and "100 in 100".
//! - Figures that are compared share one OUT_OF: an estimate and its range, a mitigation's
//!   before and after, and — up to 1,000 — all the figures of one document
//!   ([`comparison_denominator`]).
//! - A probability of at most a half also gets "about 1 in N" (N read from the figure as shown,
//!   to two significant digits) when 1/N is within 5% of it.
//! - The calibrated word is that of the figure as shown, so that "about 10 in 100" always
//!   reads "unlikely", never "very unlikely" (which means 10 in 100 or less).
//!
//! The wording of each language lives in one [`Wording`] table (`languages.rs`); a document
//! whose language has none falls back to English, marked `lang="en"` in HTML.

mod languages;

use std::fmt;

use candor_model::{CalibratedWord, Effect, Estimate, LanguageTag, Likelihood};

pub(crate) use languages::Wording;
use languages::{ENGLISH, FRENCH, GERMAN};

/// A probability written as "about COUNT in OUT_OF".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NaturalFrequency {
    pub count: u64,
    pub out_of: u64,
}

impl NaturalFrequency {
    /// Whether the figure is exact by nature (never, always) rather than an estimate.
    fn is_exact(self) -> bool {
        self.count == 0 || self.count == self.out_of
    }
}

impl fmt::Display for NaturalFrequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&ENGLISH.frequency(*self))
    }
}

/// A before/after comparison in words; both figures share one denominator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EffectText {
    pub before: NaturalFrequency,
    pub after: NaturalFrequency,
    /// "fell from about 20 in 100 attempts to about 4 in 100".
    pub change: String,
    /// "about 5 times less often"; `None` when nothing changed or one side is zero.
    pub relative: Option<String>,
    /// The whole sentence: "Share of attempts that succeeded fell from … (about 5 times less
    /// often)."
    pub sentence: String,
    /// Which way the figure moved.
    pub direction: Direction,
}

/// The whole sentence.
impl fmt::Display for EffectText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sentence)
    }
}

/// Which way a before/after figure moved, once rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Fell,
    Rose,
    Same,
}

impl Direction {
    pub fn id(self) -> &'static str {
        match self {
            Direction::Fell => "fell",
            Direction::Rose => "rose",
            Direction::Same => "same",
        }
    }
}

/// A likelihood in words; every part that was given is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LikelihoodText {
    /// The calibrated phrase, lowercase: "unlikely".
    pub word: String,
    /// "about 20 in 100 attempts by a skilled attacker" (only for a numeric estimate).
    pub frequency: Option<String>,
    /// The estimate as a count (only for a numeric estimate).
    pub natural: Option<NaturalFrequency>,
    /// "about 1 in 5", when that is a fair reading of the estimate.
    pub one_in: Option<String>,
    /// "between about 10 and 30 in 100", or the calibrated word's own range when only a word
    /// was given ("less than 33 in 100").
    pub range: Option<String>,
    /// The range as counts out of the same denominator as the estimate.
    pub range_counts: Option<(NaturalFrequency, NaturalFrequency)>,
    /// "Where the figure comes from: Red-team evaluation, February 2026".
    pub basis: Option<String>,
    /// (highlighted, total) figures of an icon array; only for a numeric estimate.
    pub icon_array: Option<(u32, u32)>,
}

/// `p` as a natural frequency with a reader-friendly denominator.
///
/// The denominator is the smallest of 100, 1 000, 10 000, … at which the count is a whole
/// number of at least 1 (when `p > 0`), below the denominator (when `p < 1`) and within 10%
/// of the exact value. 10 is never used, so that most figures in a document share "in 100"
/// and icon arrays keep 100 figures. Values outside 0..=1 are clamped; NaN counts as 0.
pub fn natural_frequency(p: f64) -> NaturalFrequency {
    let p = clamp_probability(p);
    frequency_at(p, denominator_for(p))
}

/// Describes a mitigation's effect in English; `per` is what one "try" is ("attempt by a
/// skilled attacker"), named after the first figure.
#[cfg(test)]
fn describe_effect(effect: &Effect, per: Option<&str>) -> EffectText {
    ENGLISH.effect(effect, per, MIN_DENOMINATOR)
}

/// Describes a likelihood in English: calibrated word, natural frequency, range and basis.
#[cfg(test)]
fn describe_likelihood(l: &Likelihood) -> LikelihoodText {
    ENGLISH.likelihood(l, MIN_DENOMINATOR)
}

/// The denominator that all of a document's figures share, so that risks can be compared:
/// the largest any one of them needs, but no more than 1,000. A figure that needs a finer one
/// (rarer than about 1 in 1,000) keeps its own.
pub(crate) fn comparison_denominator(figures: impl IntoIterator<Item = f64>) -> u64 {
    figures
        .into_iter()
        .filter(|p| p.is_finite())
        .map(|p| denominator_for(clamp_probability(p)))
        .filter(|&d| d <= MAX_ICONS)
        .max()
        .unwrap_or(MIN_DENOMINATOR)
}

/// The denominator at which all of `figures` can be shown, and at least `at_least`.
pub(crate) fn comparison_denominator_at_least(figures: &[f64], at_least: u64) -> u64 {
    let finite: Vec<f64> = figures.iter().copied().filter(|p| p.is_finite()).collect();
    shared_denominator(&finite, at_least)
}

/// The probability Candor works with: clamped to 0..=1, NaN as 0 (no panic on bad input;
/// the reader reports such values).
fn clamp_probability(p: f64) -> f64 {
    if p.is_nan() { 0.0 } else { p.clamp(0.0, 1.0) }
}

const MIN_DENOMINATOR: u64 = 100;
/// One in a million million; tinier probabilities show as 1 in this.
const MAX_DENOMINATOR: u64 = 1_000_000_000_000;
/// How far a rounded count may be from the exact value, relative to it.
const MAX_ROUNDING_ERROR: f64 = 0.1;
/// How far "1 in N" may be from the exact value, relative to it.
const MAX_ONE_IN_ERROR: f64 = 0.05;
/// Largest icon array drawn; finer figures are given in words only.
pub(crate) const MAX_ICONS: u64 = 1000;

fn denominator_for(p: f64) -> u64 {
    let mut d = MIN_DENOMINATOR;
    while d < MAX_DENOMINATOR && !fits(p, d) {
        d *= 10;
    }
    d
}

fn fits(p: f64, d: u64) -> bool {
    if p <= 0.0 || p >= 1.0 {
        return true;
    }
    let exact = p * d as f64;
    let count = exact.round();
    count >= 1.0 && count < d as f64 && (count - exact).abs() <= MAX_ROUNDING_ERROR * exact
}

/// The one denominator that suits all of `ps` and is at least `at_least`.
fn shared_denominator(ps: &[f64], at_least: u64) -> u64 {
    ps.iter().map(|&p| denominator_for(clamp_probability(p))).fold(at_least, u64::max)
}

fn frequency_at(p: f64, out_of: u64) -> NaturalFrequency {
    let p = clamp_probability(p);
    // `p * out_of` is at most 1e12, well inside the range where f64 holds whole numbers.
    let mut count = (p * out_of as f64).round() as u64;
    if p > 0.0 {
        count = count.max(1);
    }
    if p < 1.0 {
        count = count.min(out_of - 1);
    }
    NaturalFrequency { count, out_of }
}

/// N for "about 1 in N", read from the figure as shown (so both agree), with N rounded to
/// two significant digits; only when that is within 5% of the figure and it is at most a
/// half.
fn one_in(shown: NaturalFrequency) -> Option<u64> {
    if shown.count < 2 || shown.count * 2 > shown.out_of {
        return None;
    }
    let p = shown.count as f64 / shown.out_of as f64;
    let exact = 1.0 / p;
    let magnitude = 10f64.powi((exact.log10().floor() as i32 - 1).max(0));
    let n = (exact / magnitude).round() * magnitude;
    let error = (1.0 / n - p).abs();
    (n >= 2.0 && error <= MAX_ONE_IN_ERROR * p).then_some(n as u64)
}

/// The probability a natural frequency shows.
fn shown(f: NaturalFrequency) -> f64 {
    f.count as f64 / f.out_of as f64
}

/// A language Candor can word risk figures and page labels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    English,
    German,
    French,
}

impl Language {
    /// The language for `tag`, and whether Candor has wording for it (else English).
    pub(crate) fn for_tag(tag: &LanguageTag) -> (Self, bool) {
        let found = LANGUAGES.iter().find(|(code, _)| *code == tag.language());
        match found {
            Some(&(_, language)) => (language, true),
            None => (Language::English, false),
        }
    }

    pub(crate) fn wording(self) -> &'static Wording {
        match self {
            Language::English => &ENGLISH,
            Language::German => &GERMAN,
            Language::French => &FRENCH,
        }
    }
}

/// Languages with wording, by primary language subtag. Add a row and a `Wording` to add one.
const LANGUAGES: &[(&str, Language)] =
    &[("en", Language::English), ("de", Language::German), ("fr", Language::French)];

impl Wording {
    pub(crate) fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.group_separator);
            }
            out.push(c);
        }
        out
    }

    pub(crate) fn frequency(&self, f: NaturalFrequency) -> String {
        let template = if f.is_exact() { self.exactly } else { self.about };
        fill(template, &[("count", &self.number(f.count)), ("out_of", &self.number(f.out_of))])
    }

    fn with_unit(&self, frequency: String, per: Option<&str>) -> String {
        match per.map(str::trim).filter(|p| !p.is_empty()) {
            Some(per) => {
                fill(self.with_unit, &[("frequency", &frequency), ("unit", &(self.plural)(per))])
            }
            None => frequency,
        }
    }

    /// The calibrated word as readers see it, lowercase.
    pub(crate) fn word(&self, word: CalibratedWord) -> &'static str {
        let index = CalibratedWord::ALL.iter().position(|w| *w == word).unwrap_or(0);
        self.words[index]
    }

    /// The visible sentence and text alternative of an icon array.
    pub(crate) fn icon_array(&self, filled: u32, total: u32) -> String {
        fill(
            self.icon_array,
            &[("filled", &self.number(filled.into())), ("total", &self.number(total.into()))],
        )
    }

    /// "about 1 in 5".
    fn one_in_text(&self, n: u64) -> String {
        fill(self.one_in, &[("n", &self.number(n))])
    }

    /// Describes a mitigation's effect; both figures share a denominator of at least
    /// `at_least`.
    pub(crate) fn effect(&self, effect: &Effect, per: Option<&str>, at_least: u64) -> EffectText {
        let (b, a) = (clamp_probability(effect.before), clamp_probability(effect.after));
        let out_of = shared_denominator(&[b, a], at_least);
        let (before, after) = (frequency_at(b, out_of), frequency_at(a, out_of));
        let before_text = self.with_unit(self.frequency(before), per);
        let after_text = self.frequency(after);
        let parts = [("before", before_text.as_str()), ("after", after_text.as_str())];
        let (change, relative, direction) = if before.count == after.count {
            (fill(self.stayed, &parts), None, Direction::Same)
        } else if after.count < before.count {
            (fill(self.fell, &parts), (a > 0.0).then(|| self.less_often(a / b)), Direction::Fell)
        } else {
            (fill(self.rose, &parts), (b > 0.0).then(|| self.more_often(a / b)), Direction::Rose)
        };
        let measure = effect.measure.trim();
        let measure =
            if measure.is_empty() { self.no_measure.to_owned() } else { capitalise(measure) };
        let sentence = match &relative {
            Some(relative) => fill(
                self.sentence_relative,
                &[("measure", &measure), ("change", &change), ("relative", relative)],
            ),
            None => fill(self.sentence, &[("measure", &measure), ("change", &change)]),
        };
        EffectText { before, after, change, relative, sentence, direction }
    }

    /// `ratio` = after / before, between 0 and 1 (exclusive).
    fn less_often(&self, ratio: f64) -> String {
        if ratio <= 0.5 {
            let factor = round_factor(1.0 / ratio);
            if factor <= 2 {
                return self.half_as_often.to_owned();
            }
            return fill(self.times_less, &[("factor", &self.number(factor))]);
        }
        let drop = 1.0 - ratio;
        if drop < 0.05 {
            return self.little_less.to_owned();
        }
        match self.nearest_fraction(drop) {
            Some((value, _)) if value >= 0.5 => self.half_as_often.to_owned(),
            Some((_, name)) => fill(self.fraction_less, &[("fraction", name)]),
            None => self.little_less.to_owned(),
        }
    }

    /// `ratio` = after / before, above 1.
    fn more_often(&self, ratio: f64) -> String {
        let rise = ratio - 1.0;
        if rise < 0.05 {
            return self.little_more.to_owned();
        }
        if ratio >= 2.0 || rise > 0.875 {
            let factor = round_factor(ratio);
            if factor <= 2 {
                return self.twice_as_often.to_owned();
            }
            return fill(self.times_more, &[("factor", &self.number(factor))]);
        }
        match self.nearest_fraction(rise) {
            Some((_, name)) => fill(self.fraction_more, &[("fraction", name)]),
            None => self.little_more.to_owned(),
        }
    }

    fn nearest_fraction(&self, x: f64) -> Option<(f64, &'static str)> {
        self.fractions.iter().copied().min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs()))
    }

    /// Describes a likelihood; the estimate and its range share a denominator of at least
    /// `at_least`.
    pub(crate) fn likelihood(&self, l: &Likelihood, at_least: u64) -> LikelihoodText {
        let estimate = match l.estimate {
            Estimate::Probability(p) if p.is_finite() => Some(p.clamp(0.0, 1.0)),
            _ => None,
        };
        let range = l
            .range
            .filter(|(lo, hi)| lo.is_finite() && hi.is_finite())
            .map(|(lo, hi)| (lo.min(hi).clamp(0.0, 1.0), lo.max(hi).clamp(0.0, 1.0)));

        // The estimate and the range share one denominator so that they can be compared.
        let mut figures: Vec<f64> = estimate.into_iter().collect();
        if let Some((lo, hi)) = range {
            figures.extend([lo, hi]);
        }
        let out_of = shared_denominator(&figures, at_least);

        let natural = estimate.map(|p| frequency_at(p, out_of));
        // The word goes with the figure as shown: "about 10 in 100" is never "very unlikely"
        // (less than 10 in 100) because the exact value was 0.0999.
        let word = match (l.estimate, natural) {
            (Estimate::Probability(_), None) => self.not_stated.to_owned(),
            (Estimate::Probability(_), Some(f)) => {
                self.word(CalibratedWord::for_probability(shown(f))).to_owned()
            }
            (Estimate::Word(w), _) => self.word(w).to_owned(),
        };
        let frequency = natural.map(|f| self.with_unit(self.frequency(f), l.per.as_deref()));
        let range_counts =
            range.map(|(lo, hi)| (frequency_at(lo, out_of), frequency_at(hi, out_of)));
        let range_text = match (range_counts, l.estimate) {
            (Some((low, high)), _) => Some(self.range(low, high)),
            (None, Estimate::Word(w)) => Some(self.defined_range(w)),
            (None, Estimate::Probability(_)) => None,
        };
        let basis = l
            .basis
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(|b| fill(self.basis, &[("basis", b)]));
        let icon_array = natural.filter(|_| out_of <= MAX_ICONS).map(|f| {
            // Both are at most MAX_ICONS.
            (f.count as u32, f.out_of as u32)
        });
        // "1 in 5" only adds something when the count is not already 1.
        let one_in = natural.and_then(one_in).map(|n| self.one_in_text(n));
        LikelihoodText {
            word,
            frequency,
            natural,
            one_in,
            range: range_text,
            range_counts,
            basis,
            icon_array,
        }
    }

    fn range(&self, low: NaturalFrequency, high: NaturalFrequency) -> String {
        if low.count == high.count {
            return fill(self.range_same, &[("frequency", &self.frequency(low))]);
        }
        fill(
            self.range,
            &[
                ("low", &self.number(low.count)),
                ("high", &self.number(high.count)),
                ("out_of", &self.number(low.out_of)),
            ],
        )
    }

    /// The IPCC range of a calibrated word, in words: "less than 33 in 100".
    pub(crate) fn defined_range(&self, word: CalibratedWord) -> String {
        let (lo, hi) = word.range();
        let out_of = shared_denominator(&[lo, hi], MIN_DENOMINATOR);
        let (low, high) = (frequency_at(lo, out_of), frequency_at(hi, out_of));
        let n = |f: NaturalFrequency| self.number(f.count);
        let out = self.number(out_of);
        if lo <= 0.0 {
            fill(self.less_than, &[("count", &n(high)), ("out_of", &out)])
        } else if hi >= 1.0 {
            fill(self.more_than, &[("count", &n(low)), ("out_of", &out)])
        } else {
            fill(self.range_defined, &[("low", &n(low)), ("high", &n(high)), ("out_of", &out)])
        }
    }

    /// "A, B and C"; "A, B and C; D and E" would be ambiguous, so items that hold a comma
    /// are separated by semicolons: "A, B and C; D; E and F".
    pub(crate) fn list(&self, items: &[&str]) -> String {
        let separator = if items.iter().any(|i| i.contains(',')) { "; " } else { ", " };
        match items {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{}{}{last}", rest.join(separator), self.and),
        }
    }
}

/// A factor as readers take it in: whole below 10, two significant digits above.
fn round_factor(f: f64) -> u64 {
    if !f.is_finite() || f > 1e15 {
        return 1_000_000_000_000_000;
    }
    if f < 10.0 {
        return f.round() as u64;
    }
    let magnitude = 10f64.powi(f.log10().floor() as i32 - 1);
    ((f / magnitude).round() * magnitude) as u64
}

/// Replaces `{name}` in `template` in one pass, so braces in the values stay as they are.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            values.iter().find(|(k, _)| *k == &after[..close]).map(|(_, v)| (close, v))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
