//! Plain-language wording of risk figures: probabilities become natural frequencies
//! ("about 20 in 100"), never bare percentages, and uncertainty is always put into words.
//!
//! The wording of each language lives in one [`Wording`] table; a document whose language
//! has no table yet falls back to English (and the HTML writer marks such text `lang="en"`).

use std::fmt;

use candor_model::{CalibratedWord, Effect, Estimate, LanguageTag, Likelihood};

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
pub struct EffectText {
    pub before: NaturalFrequency,
    pub after: NaturalFrequency,
    /// "fell from about 20 in 100 attempts to about 4 in 100".
    pub change: String,
    /// "about 5 times less often"; `None` when nothing changed or one side is zero.
    pub relative: Option<String>,
    /// The whole sentence: "Share of attempts that succeeded fell from … (about 5 times less
    /// often)."
    pub sentence: String,
}

/// The whole sentence.
impl fmt::Display for EffectText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sentence)
    }
}

/// A likelihood in words; every part that was given is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LikelihoodText {
    /// The calibrated phrase, lowercase: "unlikely".
    pub word: String,
    /// "about 20 in 100 attempts by a skilled attacker" (only for a numeric estimate).
    pub frequency: Option<String>,
    /// "between about 10 and 30 in 100", or the calibrated word's own range when only a word
    /// was given ("less than 33 in 100").
    pub range: Option<String>,
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

/// Describes a mitigation's effect; `per` is what one "try" is ("attempt by a skilled
/// attacker"), named after the first figure.
pub fn describe_effect(effect: &Effect, per: Option<&str>) -> EffectText {
    ENGLISH.effect(effect, per)
}

/// Describes a likelihood: calibrated word, natural frequency, range and basis.
pub fn describe_likelihood(l: &Likelihood) -> LikelihoodText {
    ENGLISH.likelihood(l)
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
/// Largest icon array drawn; finer figures are given in words only.
const MAX_ICONS: u64 = 1000;

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

/// The one denominator that suits all of `ps`, so that they can be compared.
fn shared_denominator(ps: &[f64]) -> u64 {
    ps.iter().map(|&p| denominator_for(clamp_probability(p))).max().unwrap_or(MIN_DENOMINATOR)
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

/// A language Candor can word risk figures and page labels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    English,
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
        }
    }
}

/// Languages with wording, by primary language subtag. Add a row and a `Wording` to add one.
const LANGUAGES: &[(&str, Language)] = &[("en", Language::English)];

/// The risk wording of one language. Templates name their parts in braces (`{count}`).
pub(crate) struct Wording {
    /// Digit group separator for large numbers ("1,000").
    group_separator: &'static str,
    about: &'static str,
    exactly: &'static str,
    with_unit: &'static str,
    range: &'static str,
    range_same: &'static str,
    range_defined: &'static str,
    less_than: &'static str,
    more_than: &'static str,
    basis: &'static str,
    fell: &'static str,
    rose: &'static str,
    stayed: &'static str,
    sentence: &'static str,
    sentence_relative: &'static str,
    no_measure: &'static str,
    times_less: &'static str,
    half_as_often: &'static str,
    fraction_less: &'static str,
    little_less: &'static str,
    times_more: &'static str,
    twice_as_often: &'static str,
    fraction_more: &'static str,
    little_more: &'static str,
    /// Fractions from a tenth up, with their values, for changes under a factor of two.
    fractions: &'static [(f64, &'static str)],
    not_stated: &'static str,
    icon_array: &'static str,
    word: fn(CalibratedWord) -> &'static str,
    /// The plural of a unit phrase such as "attempt by a skilled attacker".
    plural: fn(&str) -> String,
}

static ENGLISH: Wording = Wording {
    group_separator: ",",
    about: "about {count} in {out_of}",
    exactly: "{count} in {out_of}",
    with_unit: "{frequency} {unit}",
    range: "between about {low} and {high} in {out_of}",
    range_same: "the lowest and the highest estimate are both {frequency}",
    range_defined: "between {low} and {high} in {out_of}",
    less_than: "less than {count} in {out_of}",
    more_than: "more than {count} in {out_of}",
    basis: "Where the figure comes from: {basis}",
    fell: "fell from {before} to {after}",
    rose: "rose from {before} to {after}",
    stayed: "did not change: {before} before and after",
    sentence: "{measure} {change}.",
    sentence_relative: "{measure} {change} ({relative}).",
    no_measure: "The figure",
    times_less: "about {factor} times less often",
    half_as_often: "about half as often",
    fraction_less: "about {fraction} less often",
    little_less: "a little less often",
    times_more: "about {factor} times as often",
    twice_as_often: "about twice as often",
    fraction_more: "about {fraction} more often",
    little_more: "a little more often",
    fractions: &[
        (0.1, "a tenth"),
        (0.2, "a fifth"),
        (0.25, "a quarter"),
        (1.0 / 3.0, "a third"),
        (0.4, "two fifths"),
        (0.5, "half"),
        (2.0 / 3.0, "two thirds"),
        (0.75, "three quarters"),
    ],
    not_stated: "not stated",
    icon_array: "{filled} of {total} squares are filled in",
    word: CalibratedWord::phrase,
    plural: english_plural,
};

impl Wording {
    pub(crate) fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
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

    pub(crate) fn word(&self, word: CalibratedWord) -> &'static str {
        (self.word)(word)
    }

    /// The visible sentence and text alternative of an icon array.
    pub(crate) fn icon_array(&self, filled: u32, total: u32) -> String {
        fill(
            self.icon_array,
            &[("filled", &self.number(filled.into())), ("total", &self.number(total.into()))],
        )
    }

    pub(crate) fn effect(&self, effect: &Effect, per: Option<&str>) -> EffectText {
        let (b, a) = (clamp_probability(effect.before), clamp_probability(effect.after));
        let out_of = shared_denominator(&[b, a]);
        let (before, after) = (frequency_at(b, out_of), frequency_at(a, out_of));
        let before_text = self.with_unit(self.frequency(before), per);
        let after_text = self.frequency(after);
        let parts = [("before", before_text.as_str()), ("after", after_text.as_str())];
        let (change, relative) = if before.count == after.count {
            (fill(self.stayed, &parts), None)
        } else if after.count < before.count {
            (fill(self.fell, &parts), (a > 0.0).then(|| self.less_often(a / b)))
        } else {
            (fill(self.rose, &parts), (b > 0.0).then(|| self.more_often(a / b)))
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
        EffectText { before, after, change, relative, sentence }
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

    pub(crate) fn likelihood(&self, l: &Likelihood) -> LikelihoodText {
        let estimate = match l.estimate {
            Estimate::Probability(p) if p.is_finite() => Some(p.clamp(0.0, 1.0)),
            _ => None,
        };
        let word = match l.estimate {
            Estimate::Probability(_) if estimate.is_none() => self.not_stated.to_owned(),
            e => self.word(e.word()).to_owned(),
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
        let out_of = shared_denominator(&figures);

        let frequency = estimate
            .map(|p| self.with_unit(self.frequency(frequency_at(p, out_of)), l.per.as_deref()));
        let range_text = match (range, l.estimate) {
            (Some((lo, hi)), _) => Some(self.range(lo, hi, out_of)),
            (None, Estimate::Word(w)) => Some(self.defined_range(w)),
            (None, Estimate::Probability(_)) => None,
        };
        let basis = l
            .basis
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(|b| fill(self.basis, &[("basis", b)]));
        let icon_array = estimate.filter(|_| out_of <= MAX_ICONS).map(|p| {
            let f = frequency_at(p, out_of);
            // Both are at most MAX_ICONS.
            (f.count as u32, f.out_of as u32)
        });
        LikelihoodText { word, frequency, range: range_text, basis, icon_array }
    }

    fn range(&self, lo: f64, hi: f64, out_of: u64) -> String {
        let (low, high) = (frequency_at(lo, out_of), frequency_at(hi, out_of));
        if low.count == high.count {
            return fill(self.range_same, &[("frequency", &self.frequency(low))]);
        }
        fill(
            self.range,
            &[
                ("low", &self.number(low.count)),
                ("high", &self.number(high.count)),
                ("out_of", &self.number(out_of)),
            ],
        )
    }

    /// The IPCC range of a calibrated word, in words: "less than 33 in 100".
    fn defined_range(&self, word: CalibratedWord) -> String {
        let (lo, hi) = word.range();
        let out_of = shared_denominator(&[lo, hi]);
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

/// Words that end the head noun of an English unit phrase ("attempt BY a skilled attacker").
const ENGLISH_BOUNDARIES: &[&str] = &[
    "about", "against", "at", "by", "during", "for", "from", "in", "into", "of", "on", "over",
    "per", "that", "through", "to", "under", "using", "when", "where", "which", "who", "with",
    "without",
];

/// "attempt by a skilled attacker" -> "attempts by a skilled attacker"; "a conversation" ->
/// "conversations". A leading article goes; the head noun (the last word before the first
/// preposition or relative word) takes the plural.
fn english_plural(phrase: &str) -> String {
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    if words.len() > 1
        && matches!(words[0].to_lowercase().as_str(), "a" | "an" | "one" | "each" | "every" | "per")
    {
        words.remove(0);
    }
    let boundary = words
        .iter()
        .position(|w| ENGLISH_BOUNDARIES.contains(&w.to_lowercase().as_str()))
        .unwrap_or(words.len());
    let Some(mut head) = boundary.checked_sub(1) else {
        return words.join(" ");
    };
    // A participle after the noun is not the head: "conversation designed to manipulate".
    while head > 0 && {
        let w = words[head].to_lowercase();
        w.ends_with("ed") || w.ends_with("ing")
    } {
        head -= 1;
    }
    let plural = english_plural_word(words[head]);
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    out[head] = plural;
    out.join(" ")
}

fn english_plural_word(word: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("person", "people"),
        ("child", "children"),
        ("man", "men"),
        ("woman", "women"),
        ("query", "queries"),
    ];
    let lower = word.to_lowercase();
    if let Some((_, plural)) = IRREGULAR.iter().find(|(s, _)| *s == lower) {
        return if word.starts_with(char::is_uppercase) {
            capitalise(plural)
        } else {
            (*plural).to_owned()
        };
    }
    let ends = |s: &str| lower.ends_with(s);
    if ends("ss") || ends("sh") || ends("ch") || ends("x") || ends("z") {
        return format!("{word}es");
    }
    if ends("s") {
        return word.to_owned(); // already plural ("attempts")
    }
    let mut chars = lower.chars().rev();
    if let (Some('y'), Some(before)) = (chars.next(), chars.next())
        && !"aeiou".contains(before)
        && before.is_ascii_alphabetic()
    {
        return format!("{}ies", &word[..word.len() - 1]);
    }
    // Only Latin letters take an "s"; anything else (digits, other scripts) stays as it is.
    if word.chars().last().is_some_and(|c| c.is_ascii_alphabetic()) {
        format!("{word}s")
    } else {
        word.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nf(count: u64, out_of: u64) -> NaturalFrequency {
        NaturalFrequency { count, out_of }
    }

    #[test]
    fn rounding_edge_cases() {
        assert_eq!(natural_frequency(0.0), nf(0, 100));
        assert_eq!(natural_frequency(0.0).to_string(), "0 in 100");
        assert_eq!(natural_frequency(1.0), nf(100, 100));
        assert_eq!(natural_frequency(1.0).to_string(), "100 in 100");
        assert_eq!(natural_frequency(0.004), nf(4, 1000));
        assert_eq!(natural_frequency(0.333), nf(33, 100));
        // 0.999 must not round to "100 in 100": that would read as certain.
        assert_eq!(natural_frequency(0.999), nf(999, 1000));
        assert_eq!(natural_frequency(0.999).to_string(), "about 999 in 1,000");
        assert_eq!(natural_frequency(0.2).to_string(), "about 20 in 100");
        // 1.5 in 100 would round to 2, a third off; 15 in 1000 is right.
        assert_eq!(natural_frequency(0.015), nf(15, 1000));
        assert_eq!(natural_frequency(0.0014), nf(14, 10_000));
        assert_eq!(natural_frequency(0.005), nf(5, 1000));
    }

    #[test]
    fn odd_inputs_never_panic() {
        assert_eq!(natural_frequency(f64::NAN), nf(0, 100));
        assert_eq!(natural_frequency(-3.0), nf(0, 100));
        assert_eq!(natural_frequency(7.0), nf(100, 100));
        assert_eq!(natural_frequency(f64::INFINITY), nf(100, 100));
        assert_eq!(natural_frequency(1e-300), nf(1, MAX_DENOMINATOR));
        let almost = natural_frequency(1.0 - 1e-15);
        assert_eq!(almost, nf(MAX_DENOMINATOR - 1, MAX_DENOMINATOR));
        assert_eq!(natural_frequency(f64::MIN_POSITIVE).count, 1);
    }

    #[test]
    fn positive_probabilities_never_show_as_zero_or_certain() {
        for i in 1..10_000 {
            let p = f64::from(i) / 10_000.0;
            let f = natural_frequency(p);
            assert!(f.count >= 1 && f.count < f.out_of, "{p}: {f:?}");
            let shown = f.count as f64 / f.out_of as f64;
            assert!((shown - p).abs() <= 0.1 * p + 1e-12, "{p}: {f:?}");
        }
    }

    #[test]
    fn large_numbers_are_grouped() {
        assert_eq!(ENGLISH.number(999), "999");
        assert_eq!(ENGLISH.number(1000), "1,000");
        assert_eq!(ENGLISH.number(1_000_000), "1,000,000");
        assert_eq!(natural_frequency(0.00002).to_string(), "about 2 in 100,000");
    }

    fn effect(before: f64, after: f64) -> Effect {
        Effect { before, after, measure: "share of attempts that succeeded".into() }
    }

    #[test]
    fn effects_share_a_denominator() {
        let t = describe_effect(&effect(0.2, 0.04), Some("attempt by a skilled attacker"));
        assert_eq!(
            t.change,
            "fell from about 20 in 100 attempts by a skilled attacker to about 4 in 100"
        );
        assert_eq!(t.relative.as_deref(), Some("about 5 times less often"));
        assert_eq!(
            t.sentence,
            "Share of attempts that succeeded fell from about 20 in 100 attempts by a skilled \
             attacker to about 4 in 100 (about 5 times less often)."
        );
        let t = describe_effect(&effect(0.2, 0.004), None);
        assert_eq!(t.change, "fell from about 200 in 1,000 to about 4 in 1,000");
        assert_eq!(t.relative.as_deref(), Some("about 50 times less often"));
        assert_eq!(t.before.out_of, t.after.out_of);
    }

    #[test]
    fn effect_directions() {
        let t = describe_effect(&effect(0.04, 0.2), Some("attempt"));
        assert_eq!(t.change, "rose from about 4 in 100 attempts to about 20 in 100");
        assert_eq!(t.relative.as_deref(), Some("about 5 times as often"));
        let t = describe_effect(&effect(0.2, 0.199), None);
        assert_eq!(t.change, "did not change: about 20 in 100 before and after");
        assert_eq!(t.relative, None);
        let t = describe_effect(&effect(0.2, 0.0), None);
        assert_eq!(t.change, "fell from about 20 in 100 to 0 in 100");
        assert_eq!(t.relative, None);
        assert_eq!(
            t.sentence,
            "Share of attempts that succeeded fell from about 20 in 100 to 0 in 100."
        );
        let t = describe_effect(&effect(0.0, 0.3), None);
        assert_eq!(t.relative, None);
        let t = describe_effect(&effect(0.2, 0.15), None);
        assert_eq!(t.relative.as_deref(), Some("about a quarter less often"));
        let t = describe_effect(&effect(0.2, 0.1), None);
        assert_eq!(t.relative.as_deref(), Some("about half as often"));
        let t = describe_effect(&effect(0.3, 0.4), None);
        assert_eq!(t.relative.as_deref(), Some("about a third more often"));
        let t = describe_effect(&effect(0.2, 0.39), None);
        assert_eq!(t.relative.as_deref(), Some("about twice as often"));
        let t =
            describe_effect(&Effect { before: f64::NAN, after: 2.0, measure: " ".into() }, None);
        assert_eq!(t.sentence, "The figure rose from 0 in 100 to 100 in 100.");
    }

    fn likelihood(estimate: Estimate, range: Option<(f64, f64)>) -> Likelihood {
        Likelihood {
            estimate,
            range,
            per: Some("attempt by a skilled attacker".into()),
            basis: Some("Red-team evaluation, February 2026".into()),
        }
    }

    #[test]
    fn likelihood_with_range() {
        let t = describe_likelihood(&likelihood(Estimate::Probability(0.2), Some((0.1, 0.3))));
        assert_eq!(t.word, "unlikely");
        assert_eq!(t.frequency.as_deref(), Some("about 20 in 100 attempts by a skilled attacker"));
        assert_eq!(t.range.as_deref(), Some("between about 10 and 30 in 100"));
        assert_eq!(
            t.basis.as_deref(),
            Some("Where the figure comes from: Red-team evaluation, February 2026")
        );
        assert_eq!(t.icon_array, Some((20, 100)));
        // The range sets the shared denominator.
        let t = describe_likelihood(&likelihood(Estimate::Probability(0.02), Some((0.004, 0.05))));
        assert_eq!(
            t.frequency.as_deref(),
            Some("about 20 in 1,000 attempts by a skilled attacker")
        );
        assert_eq!(t.range.as_deref(), Some("between about 4 and 50 in 1,000"));
        assert_eq!(t.icon_array, Some((20, 1000)));
    }

    #[test]
    fn range_edges() {
        let t = describe_likelihood(&likelihood(Estimate::Probability(0.2), Some((0.2, 0.2))));
        assert_eq!(
            t.range.as_deref(),
            Some("the lowest and the highest estimate are both about 20 in 100")
        );
        // Swapped bounds are put in order; bounds beyond 0..1 are clamped.
        let t = describe_likelihood(&likelihood(Estimate::Probability(0.5), Some((0.7, 0.3))));
        assert_eq!(t.range.as_deref(), Some("between about 30 and 70 in 100"));
        let t = describe_likelihood(&likelihood(Estimate::Probability(0.5), Some((f64::NAN, 0.3))));
        assert_eq!(t.range, None);
        let t = describe_likelihood(&likelihood(Estimate::Probability(f64::NAN), None));
        assert_eq!(t.word, "not stated");
        assert_eq!((t.frequency, t.icon_array), (None, None));
        // Too fine for an icon array: words only.
        let t = describe_likelihood(&likelihood(Estimate::Probability(0.00002), None));
        assert_eq!(t.icon_array, None);
        assert_eq!(
            t.frequency.as_deref(),
            Some("about 2 in 100,000 attempts by a skilled attacker")
        );
    }

    #[test]
    fn a_word_alone_gets_its_calibrated_range() {
        let mut l = likelihood(Estimate::Word(CalibratedWord::Unlikely), None);
        l.basis = None;
        let t = describe_likelihood(&l);
        assert_eq!(t.word, "unlikely");
        assert_eq!(t.range.as_deref(), Some("less than 33 in 100"));
        assert_eq!((t.frequency, t.basis, t.icon_array), (None, None, None));
        let range = |w| describe_likelihood(&likelihood(Estimate::Word(w), None)).range.unwrap();
        assert_eq!(range(CalibratedWord::VirtuallyCertain), "more than 99 in 100");
        assert_eq!(range(CalibratedWord::Likely), "more than 66 in 100");
        assert_eq!(range(CalibratedWord::AboutAsLikelyAsNot), "between 33 and 66 in 100");
        assert_eq!(range(CalibratedWord::ExceptionallyUnlikely), "less than 1 in 100");
    }

    #[test]
    fn unit_phrases_take_the_plural() {
        assert_eq!(
            english_plural("attempt by a skilled attacker"),
            "attempts by a skilled attacker"
        );
        assert_eq!(english_plural("a conversation with a user"), "conversations with a user");
        assert_eq!(english_plural("query"), "queries");
        assert_eq!(english_plural("day"), "days");
        assert_eq!(english_plural("person"), "people");
        assert_eq!(english_plural("search"), "searches");
        assert_eq!(english_plural("attempts"), "attempts");
        assert_eq!(english_plural("by a user"), "by a user");
        assert_eq!(english_plural("试"), "试");
        assert_eq!(english_plural("2026"), "2026");
        assert_eq!(
            english_plural("conversation designed to manipulate"),
            "conversations designed to manipulate"
        );
    }

    #[test]
    fn templates_fill_in_one_pass() {
        assert_eq!(fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]), "{b} and x");
        assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
    }
}
