//! Figures written in companion text: shares ("20%", "20 Prozent", "1 in 5", "20 von 100"),
//! sizes with a unit ("7 billion parameters", "15T tokens", "3.8 × 10^25 FLOP", "50 MWh",
//! "300 t CO2e"), durations ("3 months"), counts of things ("over 100 languages") and dates
//! ("March 2026", "2026-03-01").
//!
//! A number counts as a figure only when a unit or its form says what it measures: bare
//! numbers ("section 7.1", "step 3", "in 2024", "GPT-4", "version 2.1") are never read.
//! Each figure carries the precision it is written with ("7 billion" is 7 ± 0.5 billion)
//! and the hedge before it ("about", "more than"), so the checker can compare it with the
//! source's figures as loosely as the text itself claims.

use std::ops::Range;

use candor_model::FactKind;

/// The languages whose number conventions the reader knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    En,
    De,
    Fr,
}

impl Lang {
    pub fn from_tag(tag: &str) -> Lang {
        match tag {
            "de" => Lang::De,
            "fr" => Lang::Fr,
            _ => Lang::En,
        }
    }
}

/// How a figure is qualified by the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hedge {
    Exact,
    /// "about", "around", "roughly", "nearly", "etwa", "environ", "~".
    About,
    /// "more than", "over", "at least", "mehr als", "plus de", ">", "100+".
    AtLeast,
    /// "less than", "under", "up to", "weniger als", "moins de", "<".
    AtMost,
}

/// A figure in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Figure {
    pub kind: FactKind,
    /// The normalised unit, as the importer names it ("%", "parameters", "FLOP", "kWh",
    /// "tCO2e", "hours", "date", "languages").
    pub unit: &'static str,
    /// The value (or the low end of a range), in `unit`; durations in hours; dates as
    /// `yyyymmdd` with `dd = 00` when no day is written.
    pub low: f64,
    pub high: f64,
    /// Half a step of the last digit written, in `unit` (0 for dates).
    pub precision: f64,
    pub hedge: Hedge,
    /// "N in M": (N, M).
    pub frequency: Option<(f64, f64)>,
    /// Byte range in the text read.
    pub range: Range<usize>,
}

const HEDGES: &[(&str, Hedge)] = &[
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("nearly", Hedge::About),
    ("almost", Hedge::About),
    ("approximately", Hedge::About),
    ("approx.", Hedge::About),
    ("some", Hedge::About),
    ("close to", Hedge::About),
    ("an estimated", Hedge::About),
    ("estimated", Hedge::About),
    ("more than", Hedge::AtLeast),
    ("over", Hedge::AtLeast),
    ("above", Hedge::AtLeast),
    ("at least", Hedge::AtLeast),
    ("exceeding", Hedge::AtLeast),
    ("less than", Hedge::AtMost),
    ("fewer than", Hedge::AtMost),
    ("under", Hedge::AtMost),
    ("below", Hedge::AtMost),
    ("up to", Hedge::AtMost),
    ("at most", Hedge::AtMost),
    ("etwa", Hedge::About),
    ("ungefähr", Hedge::About),
    ("rund", Hedge::About),
    ("circa", Hedge::About),
    ("ca.", Hedge::About),
    ("fast", Hedge::About),
    ("knapp", Hedge::About),
    ("gut", Hedge::About),
    ("mehr als", Hedge::AtLeast),
    ("über", Hedge::AtLeast),
    ("mindestens", Hedge::AtLeast),
    ("weniger als", Hedge::AtMost),
    ("unter", Hedge::AtMost),
    ("bis zu", Hedge::AtMost),
    ("höchstens", Hedge::AtMost),
    ("environ", Hedge::About),
    ("près de", Hedge::About),
    ("presque", Hedge::About),
    ("quelque", Hedge::About),
    ("plus de", Hedge::AtLeast),
    ("au moins", Hedge::AtLeast),
    ("moins de", Hedge::AtMost),
    ("jusqu'à", Hedge::AtMost),
    ("jusqu’à", Hedge::AtMost),
];

/// Words before a number that make it a label, not a quantity ("Section 3 in 10 …").
const LABELS: &[&str] = &[
    "section",
    "sec.",
    "chapter",
    "table",
    "figure",
    "fig.",
    "page",
    "p.",
    "pp.",
    "appendix",
    "version",
    "step",
    "no.",
    "article",
    "art.",
    "§",
    "#",
    "abschnitt",
    "kapitel",
    "tabelle",
    "abbildung",
    "seite",
    "anhang",
    "schritt",
    "nr.",
    "artikel",
    "chapitre",
    "tableau",
    "annexe",
    "étape",
    "n°",
];

/// (words, kind, unit, factor to the unit, may follow describing words).
type UnitRow = (&'static [&'static str], FactKind, &'static str, f64, bool);

const UNITS: &[UnitRow] = {
    use FactKind::*;
    &[
        (&["percentage", "points"], Percentage, "percentage points", 0.01, false),
        (&["percentage", "point"], Percentage, "percentage points", 0.01, false),
        (&["prozentpunkte"], Percentage, "percentage points", 0.01, false),
        (&["prozentpunkten"], Percentage, "percentage points", 0.01, false),
        (&["points", "de", "pourcentage"], Percentage, "percentage points", 0.01, false),
        (&["per", "cent"], Percentage, "%", 0.01, false),
        (&["percent"], Percentage, "%", 0.01, false),
        (&["prozent"], Percentage, "%", 0.01, false),
        (&["pour", "cent"], Percentage, "%", 0.01, false),
        (&["pourcent"], Percentage, "%", 0.01, false),
        (&["parameters"], Parameters, "parameters", 1.0, true),
        (&["parameter"], Parameters, "parameters", 1.0, true),
        (&["parametern"], Parameters, "parameters", 1.0, true),
        (&["params"], Parameters, "parameters", 1.0, true),
        (&["paramètres"], Parameters, "parameters", 1.0, true),
        (&["tokens"], Tokens, "tokens", 1.0, true),
        (&["token"], Tokens, "tokens", 1.0, true),
        (&["jetons"], Tokens, "tokens", 1.0, true),
        (&["floating", "point", "operations"], Flops, "FLOP", 1.0, true),
        (&["flops"], Flops, "FLOP", 1.0, true),
        (&["flop"], Flops, "FLOP", 1.0, true),
        (&["rechenoperationen"], Flops, "FLOP", 1.0, true),
        (&["opérations"], Flops, "FLOP", 1.0, true),
        (&["wh"], Energy, "kWh", 1e-3, false),
        (&["kwh"], Energy, "kWh", 1.0, false),
        (&["mwh"], Energy, "kWh", 1e3, false),
        (&["gwh"], Energy, "kWh", 1e6, false),
        (&["twh"], Energy, "kWh", 1e9, false),
        (&["kilowatt", "hours"], Energy, "kWh", 1.0, false),
        (&["megawatt", "hours"], Energy, "kWh", 1e3, false),
        (&["kilowattstunden"], Energy, "kWh", 1.0, false),
        (&["megawattstunden"], Energy, "kWh", 1e3, false),
        (&["gpu", "hours"], Duration, "GPU hours", 1.0, true),
        (&["gpu", "stunden"], Duration, "GPU hours", 1.0, true),
        (&["heures", "gpu"], Duration, "GPU hours", 1.0, true),
        (&["hours"], Duration, "hours", 1.0, false),
        (&["hour"], Duration, "hours", 1.0, false),
        (&["stunden"], Duration, "hours", 1.0, false),
        (&["heures"], Duration, "hours", 1.0, false),
        (&["days"], Duration, "hours", 24.0, false),
        (&["tage"], Duration, "hours", 24.0, false),
        (&["tagen"], Duration, "hours", 24.0, false),
        (&["jours"], Duration, "hours", 24.0, false),
        (&["weeks"], Duration, "hours", 168.0, false),
        (&["wochen"], Duration, "hours", 168.0, false),
        (&["semaines"], Duration, "hours", 168.0, false),
        (&["months"], Duration, "hours", 730.5, false),
        (&["monate"], Duration, "hours", 730.5, false),
        (&["monaten"], Duration, "hours", 730.5, false),
        (&["mois"], Duration, "hours", 730.5, false),
        (&["years"], Duration, "hours", 8766.0, false),
        (&["jahre"], Duration, "hours", 8766.0, false),
        (&["jahren"], Duration, "hours", 8766.0, false),
        (&["ans"], Duration, "hours", 8766.0, false),
        (&["années"], Duration, "hours", 8766.0, false),
        (&["languages"], Count, "languages", 1.0, false),
        (&["sprachen"], Count, "languages", 1.0, false),
        (&["langues"], Count, "languages", 1.0, false),
        (&["gpus"], Count, "GPUs", 1.0, true),
        (&["gpu"], Count, "GPUs", 1.0, true),
        // "256 graphics chips": the plain words for GPUs.
        (&["chips"], Count, "GPUs", 1.0, true),
        (&["steps"], Count, "steps", 1.0, true),
        (&["participants"], Count, "participants", 1.0, false),
        (&["prompts"], Count, "prompts", 1.0, false),
        (&["questions"], Count, "questions", 1.0, false),
        (&["examples"], Count, "examples", 1.0, false),
        (&["images"], Count, "images", 1.0, false),
        (&["documents"], Count, "documents", 1.0, false),
        (&["countries"], Count, "countries", 1.0, false),
        (&["annotators"], Count, "annotators", 1.0, false),
        (&["layers"], Count, "layers", 1.0, false),
    ]
};

/// Masses that make a CO2-equivalent unit, in tonnes.
const MASSES: &[(&str, f64)] =
    &[("t", 1.0), ("tons", 1.0), ("tonnes", 1.0), ("tonnen", 1.0), ("kt", 1e3), ("kg", 1e-3)];

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("mars", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("décembre", 12),
];

/// The names of month `m` (1–12) in every language read, as lowercase words.
pub(super) fn month_names(m: u32) -> Vec<&'static str> {
    MONTHS.iter().filter(|&&(_, n)| n == m).map(|&(name, _)| name).collect()
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|t| t.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|t| t.chars().next_back())
}

fn skip_spaces(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i).filter(|&c| is_space(c)) {
        i += c.len_utf8();
    }
    i
}

/// The word (letters, digits, `₂`, `'`) starting at `i`, lowercase, and the index after it.
fn word_at(text: &str, i: usize) -> (String, usize) {
    let mut j = i;
    let mut w = String::new();
    while let Some(c) = char_at(text, j).filter(|&c| c.is_alphanumeric() || c == '₂') {
        w.extend(c.to_lowercase());
        j += c.len_utf8();
    }
    (w.replace('₂', "2"), j)
}

/// Up to `max` words after `i`, separated by spaces or single hyphens: (word, end).
fn words_after(text: &str, i: usize, max: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut j = i;
    while out.len() < max {
        let mut k = skip_spaces(text, j);
        // '7 billion "parameters"': quotation marks around the unit.
        while let Some(q @ ('"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')) = char_at(text, k)
        {
            k += q.len_utf8();
        }
        if k == j && char_at(text, k) == Some('-') {
            k += 1;
        } else if k == j && !out.is_empty() {
            break;
        }
        let (w, end) = word_at(text, k);
        if w.is_empty() {
            break;
        }
        out.push((w, end));
        j = end;
    }
    out
}

/// Every figure in `text`, in order.
pub(super) fn figures(text: &str, lang: Lang) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    // Bare numbers just read, which a range ("10–20%", "7 to 8 billion") or a list ("7, 13
    // and 70 billion parameters") may take up.
    let mut pending: Vec<Pending> = Vec::new();
    // Bare decimals that may be scores ("scored 45.3"), unless a unit takes them up.
    let mut scores: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = char_at(text, i) else { break };
        if let Some(date) = date_at(text, i) {
            i = date.range.end;
            out.push(date);
            pending.clear();
            continue;
        }
        if !(c.is_ascii_digit() && starts_number(text, i)) {
            i += c.len_utf8();
            continue;
        }
        match figure_at(text, i, lang) {
            Read::Figure(mut f, mantissa_scale) => {
                let listed = if f.frequency.is_none() {
                    take_up(text, &pending, &mut f, mantissa_scale)
                } else {
                    Vec::new()
                };
                f.hedge = match (hedge_before(text, f.range.start), f.hedge) {
                    (Hedge::Exact, h) => h,
                    (h, _) => h,
                };
                i = f.range.end.max(i + 1);
                pending.clear();
                scores.retain(|s| s.range.start < f.range.start);
                for l in &listed {
                    scores.retain(|s| s.range.start != l.range.start);
                }
                if !label_before(text, f.range.start) {
                    out.extend(listed);
                    out.push(f);
                }
            }
            Read::Bare(bare) => {
                if let Some(score) = score_at(text, &bare) {
                    scores.push(score);
                }
                i = bare.end.max(i + 1);
                pending.push(bare);
            }
            Read::Nothing(end) => {
                pending.clear();
                i = end.max(i + 1);
            }
        }
    }
    out.extend(scores);
    out.sort_by_key(|f| f.range.start);
    out
}

/// A bare number: no unit (yet).
#[derive(Debug, Clone, Copy)]
struct Pending {
    mantissa: f64,
    decimals: u32,
    /// The magnitude written with it ("billion"), 1 without.
    scale: f64,
    start: usize,
    end: usize,
}

/// The bare numbers before `f` that it gives its unit: the one it ends a range with (`f`
/// is widened), or the others of a list (returned as figures of their own).
fn take_up(text: &str, pending: &[Pending], f: &mut Figure, mantissa_scale: f64) -> Vec<Figure> {
    let Some(last) = pending.last().copied() else { return Vec::new() };
    let Some(between) = text.get(last.end..f.range.start) else { return Vec::new() };
    let scaled = |p: &Pending| -> Option<f64> {
        let year = p.scale == 1.0
            && p.decimals == 0
            && (1900.0..=2100.0).contains(&p.mantissa)
            && text.get(p.start..p.end).is_some_and(|t| t.len() == 4);
        if year {
            return None;
        }
        if p.scale == 1.0 {
            Some(p.mantissa * mantissa_scale)
        } else if (p.scale - mantissa_scale).abs() <= mantissa_scale * 1e-9 {
            Some(p.mantissa * p.scale)
        } else {
            None
        }
    };
    if joined_as_range(text, last.start, between) {
        if let Some(low) = scaled(&last)
            && low <= f.low
        {
            f.low = low;
            f.range.start = last.start;
            f.precision = f.precision.max(half_step(last.decimals) * mantissa_scale);
        }
        return Vec::new();
    }
    if !joined_as_list(between) {
        return Vec::new();
    }
    // Walk back along the list: "7 billion, 13 billion and 70 billion parameters".
    let mut listed = Vec::new();
    let mut next_start = f.range.start;
    for p in pending.iter().rev() {
        let joined = text.get(p.end..next_start).is_some_and(joined_as_list);
        let Some(value) = scaled(p).filter(|_| joined) else { break };
        let mut item = f.clone();
        item.low = value;
        item.high = value;
        item.precision = half_step(p.decimals) * mantissa_scale.max(p.scale);
        item.hedge = hedge_before(text, p.start);
        item.range = p.start..p.end;
        listed.push(item);
        next_start = p.start;
    }
    listed.reverse();
    listed
}

/// A bare decimal read as a score ("scored 45.3", "68.9, against 63.4"): not a name's
/// number ("Llama 3.1"), a label ("section 7.1") or a magnitude.
fn score_at(text: &str, p: &Pending) -> Option<Figure> {
    if p.decimals == 0 || p.scale != 1.0 || label_before(text, p.start) {
        return None;
    }
    let before = text[..p.start].trim_end_matches(is_space);
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let name = word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let after = char_at(text, p.end);
    if name
        || after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '%' | '×' | '^'))
        || text[p.end..].trim_start_matches(is_space).starts_with(['%', '×'])
    {
        return None;
    }
    let mut fig = figure(
        FactKind::Count,
        SCORE,
        p.mantissa,
        half_step(p.decimals),
        hedge_before(text, p.start),
        p.start..p.end,
    );
    fig.high = p.mantissa;
    Some(fig)
}

/// The unit of a bare decimal read as a score.
pub(super) const SCORE: &str = "score";

/// What was read at a digit.
enum Read {
    /// A figure, and the factor from the written mantissa to its unit.
    Figure(Figure, f64),
    /// A number without a unit.
    Bare(Pending),
    /// Something that is not a quantity ("80GB", "3rd", "1.2.3"), ending at the index.
    Nothing(usize),
}

/// "10–20%", "7 to 8 billion", "between 10 and 20%".
fn joined_as_range(text: &str, start: usize, between: &str) -> bool {
    let t = between.trim_matches(is_space);
    if matches!(t, "-" | "–" | "—" | "to" | "bis" | "à") {
        return true;
    }
    let before = text[..start].trim_end_matches(is_space).to_lowercase();
    matches!(t, "and" | "und" | "et")
        && ["between", "zwischen", "entre"].iter().any(|w| before.ends_with(w))
}

/// "7, 13 and 70 billion", "7 billion or 13 billion".
fn joined_as_list(between: &str) -> bool {
    let t = between.trim_matches(is_space);
    let t = t.strip_prefix(',').map_or(t, |r| r.trim_start_matches(is_space));
    matches!(t, "" | "and" | "or" | "und" | "oder" | "et" | "ou") && !between.trim().is_empty()
}

/// Whether a digit at `i` starts a number (not the inside of "A100", "GPT-4", "v1.2").
fn starts_number(text: &str, i: usize) -> bool {
    match char_before(text, i) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('.' | ',') => !char_before(text, i - 1).is_some_and(|c| c.is_alphanumeric()),
        Some('-' | '–') => !char_before(text, i - 1).is_some_and(char::is_alphabetic),
        _ => true,
    }
}

fn half_step(decimals: u32) -> f64 {
    0.5 * 10f64.powi(-(decimals.min(12) as i32))
}

/// A number with group and decimal separators as `lang` writes them:
/// (value, decimals, integer digits, end).
fn number_at(text: &str, start: usize, lang: Lang) -> Option<(f64, u32, usize, usize)> {
    let digits_end = |from: usize| {
        let mut j = from;
        while char_at(text, j).is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
        }
        j
    };
    let first = digits_end(start);
    let mut digits = text[start..first].to_owned();
    let mut i = first;
    let (group, decimal) = match lang {
        Lang::En => (',', '.'),
        Lang::De => ('.', ','),
        Lang::Fr => ('.', ','),
    };
    if first - start <= 3 {
        while let Some(sep) = char_at(text, i) {
            let ok_sep = sep == group || matches!(sep, '\u{a0}' | '\u{202f}' | '\u{2009}');
            let from = i + sep.len_utf8();
            let end = digits_end(from);
            if !(ok_sep && end == from + 3) {
                break;
            }
            digits.push_str(&text[from..end]);
            i = end;
        }
    }
    let int_digits = digits.len();
    let mut decimals = 0;
    if char_at(text, i) == Some(decimal) && char_at(text, i + 1).is_some_and(|c| c.is_ascii_digit())
    {
        let end = digits_end(i + 1);
        // "1.2.3" is a version or a section number.
        if char_at(text, end) == Some(decimal)
            && char_at(text, end + 1).is_some_and(|c| c.is_ascii_digit())
        {
            return None;
        }
        digits.push('.');
        digits.push_str(&text[i + 1..end]);
        decimals = (end - i - 1) as u32;
        i = end;
    }
    let value: f64 = digits.parse().ok()?;
    value.is_finite().then_some((value, decimals, int_digits, i))
}

fn magnitude_word(word: &str, lang: Lang) -> Option<f64> {
    match (word, lang) {
        ("thousand" | "tausend" | "mille", _) => Some(1e3),
        ("million" | "millions" | "millionen" | "mio", _) => Some(1e6),
        ("billion" | "billions", Lang::En) | ("bn", _) => Some(1e9),
        ("milliarde" | "milliarden" | "mrd" | "milliard" | "milliards", _) => Some(1e9),
        ("billion" | "billionen" | "billions", _) => Some(1e12),
        ("trillion" | "trillions", Lang::En) => Some(1e12),
        _ => None,
    }
}

fn figure_at(text: &str, start: usize, lang: Lang) -> Read {
    let Some((mantissa, decimals, int_digits, mut end)) = number_at(text, start, lang) else {
        let mut j = start;
        while char_at(text, j).is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',') {
            j += 1;
        }
        return Read::Nothing(j);
    };
    let mut value = mantissa;
    let mut scale = 1.0;
    let mut magnitude = false;
    let mut hedge = Hedge::Exact;
    // Exponents: "1e25", "3.8 × 10^25", "10^25", "10²⁵".
    if let Some((e, after)) = exponent(text, end, mantissa, decimals) {
        let bare_ten = e.1;
        scale = 10f64.powi(e.0);
        value = if bare_ten { scale } else { mantissa * scale };
        end = after;
        magnitude = true;
        if bare_ten {
            // "10^25" is written exactly.
            return finish_unit(text, start..end, value, 0.0, scale, hedge);
        }
    }
    // Glued letters: "7B", "15T", "50MWh", or something else ("80GB", "3rd").
    if !magnitude && char_at(text, end).is_some_and(char::is_alphanumeric) {
        let (glued, after) = word_at(text, end);
        let original = &text[end..after];
        let factor = match original {
            "K" | "k" => Some(1e3),
            "M" => Some(1e6),
            "B" | "b" | "Bn" | "bn" => Some(1e9),
            "T" => Some(1e12),
            _ => None,
        };
        if let Some(f) = factor {
            value = mantissa * f;
            scale = f;
            end = after;
            magnitude = true;
        } else if let Some((kind, unit, f)) = glued_unit(&glued) {
            let precision = half_step(decimals) * f;
            let fig = figure(kind, unit, mantissa * f, precision, hedge, start..after);
            return Read::Figure(fig, f);
        } else {
            return Read::Nothing(after);
        }
    }
    if !magnitude {
        let at = if char_at(text, end) == Some('-') { end + 1 } else { skip_spaces(text, end) };
        let (w, after) = word_at(text, at);
        if let Some(m) = magnitude_word(&w, lang) {
            value = mantissa * m;
            scale = m;
            end = if char_at(text, after) == Some('.') && matches!(w.as_str(), "mio" | "mrd") {
                after + 1
            } else {
                after
            };
            magnitude = true;
        }
    }
    if char_at(text, end) == Some('+') && !char_at(text, end + 1).is_some_and(char::is_alphanumeric)
    {
        end += 1;
        hedge = Hedge::AtLeast;
    }
    let mut precision = half_step(decimals) * scale;
    // "15,000 prompts", "1,000 people": round numbers are read as rounded to their last
    // digit that is not zero ("15,000" is 15,000 ± 500; "252,000" is not 237,000).
    if !magnitude && decimals == 0 && int_digits >= 4 && mantissa % 100.0 == 0.0 {
        let mut step = 1.0;
        while mantissa % (step * 10.0) == 0.0 && step < 1e15 {
            step *= 10.0;
        }
        precision = precision.max(step / 2.0);
    }
    // Natural frequencies: "1 in 5", "20 out of 100", "20 von 100", "1 sur 10".
    if !magnitude && let Some(read) = frequency(text, start, end, mantissa, lang) {
        return read;
    }
    finish_unit(text, start..end, value, precision, scale, hedge)
}

fn finish_unit(
    text: &str,
    read: Range<usize>,
    value: f64,
    precision: f64,
    scale: f64,
    hedge: Hedge,
) -> Read {
    let (start, end) = (read.start, read.end);
    let after = skip_spaces(text, end);
    if char_at(text, after) == Some('%') && after - end <= 3 {
        let fig = figure(
            FactKind::Percentage,
            "%",
            value * 0.01,
            precision * 0.01,
            hedge,
            start..after + 1,
        );
        return Read::Figure(fig, scale * 0.01);
    }
    let words = words_after(text, end, 5);
    if let Some((kind, unit, factor, used)) = unit_words(&words) {
        let unit_end = words[used - 1].1;
        let fig = figure(kind, unit, value * factor, precision * factor, hedge, start..unit_end);
        return Read::Figure(fig, scale * factor);
    }
    Read::Bare(Pending {
        mantissa: value / scale.max(f64::MIN_POSITIVE),
        decimals: decimals_of(&text[start..end]),
        scale,
        start,
        end,
    })
}

/// Digits after the decimal point of a number as written ("45.3" -> 1; "1,000" -> 0).
fn decimals_of(written: &str) -> u32 {
    let digits: String =
        written.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',')).collect();
    let digits = digits.trim_end_matches(['.', ',']);
    match digits.rsplit_once(['.', ',']) {
        Some((_, tail)) if tail.len() != 3 || digits.contains('.') && !digits.contains(',') => {
            tail.len() as u32
        }
        _ => 0,
    }
}

fn figure(
    kind: FactKind,
    unit: &'static str,
    value: f64,
    precision: f64,
    hedge: Hedge,
    range: Range<usize>,
) -> Figure {
    Figure { kind, unit, low: value, high: value, precision, hedge, frequency: None, range }
}

/// A unit written right after the number: (kind, unit, factor, words used).
fn unit_words(words: &[(String, usize)]) -> Option<(FactKind, &'static str, f64, usize)> {
    let w: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
    if let Some(found) = co2(&w) {
        return Some(found);
    }
    // "2 milliards de jetons".
    let lead = usize::from(w.first() == Some(&"de"));
    // "15 trillion training tokens": up to two describing words before a strong unit.
    for skip in lead..=(lead + 2).min(w.len()) {
        if skip > lead && w[lead..skip].iter().any(|d| is_function_word(d)) {
            break;
        }
        for &(phrase, kind, unit, factor, strong) in UNITS {
            let n = phrase.len();
            if (skip == lead || strong) && w.len() >= skip + n && w[skip..skip + n] == *phrase {
                return Some((kind, unit, factor, skip + n));
            }
        }
    }
    None
}

fn is_function_word(w: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "a", "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "it", "of", "on",
        "or", "than", "that", "the", "to", "was", "were", "with", "der", "die", "das", "und",
        "von", "mit", "den", "des", "le", "la", "les", "de", "du", "et", "en", "sur",
    ];
    FUNCTION.contains(&w) || w.chars().any(|c| c.is_ascii_digit())
}

fn glued_unit(word: &str) -> Option<(FactKind, &'static str, f64)> {
    for (name, factor) in [("wh", 1e-3), ("kwh", 1.0), ("mwh", 1e3), ("gwh", 1e6), ("twh", 1e9)] {
        if word == name {
            return Some((FactKind::Energy, "kWh", factor));
        }
    }
    MASSES.iter().find_map(|&(mass, factor)| {
        let rest = word.strip_prefix(mass)?;
        matches!(rest, "co2" | "co2e" | "co2eq").then_some((FactKind::Co2e, "tCO2e", factor))
    })
}

/// "t CO2e", "tonnes of CO2", "kg CO₂-eq".
fn co2(w: &[&str]) -> Option<(FactKind, &'static str, f64, usize)> {
    let first = w.first()?;
    if let Some((kind, unit, factor)) = glued_unit(first).filter(|g| g.0 == FactKind::Co2e) {
        return Some((kind, unit, factor, 1));
    }
    let &(_, factor) = MASSES.iter().find(|(m, _)| m == first)?;
    let mut k = 1;
    if matches!(w.get(k), Some(&("of" | "de" | "an"))) {
        k += 1;
    }
    let co2 = w.get(k)?;
    if !co2.starts_with("co2") {
        return None;
    }
    k += 1;
    if matches!(w.get(k), Some(&("e" | "eq" | "equivalent" | "äquivalent" | "équivalent"))) {
        k += 1;
    }
    Some((FactKind::Co2e, "tCO2e", factor, k))
}

/// "× 10^25", "x 10²⁵", "e25" after a mantissa, or a bare "10^25": ((exponent, bare), end).
fn exponent(text: &str, end: usize, mantissa: f64, decimals: u32) -> Option<((i32, bool), usize)> {
    match char_at(text, end) {
        Some('e' | 'E') => {
            let mut j = end + 1;
            let negative = char_at(text, j) == Some('-');
            if matches!(char_at(text, j), Some('+' | '-')) {
                j += 1;
            }
            let (w, after) = word_at(text, j);
            if w.is_empty() || w.len() > 3 || !w.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let e: i32 = w.parse().ok()?;
            return Some(((if negative { -e } else { e }, false), after));
        }
        Some('^' | '⁰'..='⁹' | '¹' | '²' | '³') if mantissa == 10.0 && decimals == 0 => {
            return power(text, end).map(|(e, after)| ((e, true), after));
        }
        _ => {}
    }
    let j = skip_spaces(text, end);
    if !matches!(char_at(text, j), Some('×' | 'x' | 'X' | '*' | '·')) {
        return None;
    }
    let k = skip_spaces(text, j + char_at(text, j)?.len_utf8());
    if !text.get(k..)?.starts_with("10") {
        return None;
    }
    power(text, k + 2).map(|(e, after)| ((e, false), after))
}

/// "^25", "^{25}", "^-4" or superscript digits after a "10".
fn power(text: &str, i: usize) -> Option<(i32, usize)> {
    let mut j = i;
    let mut digits = String::new();
    if char_at(text, j) == Some('^') {
        j += 1;
        let braced = char_at(text, j) == Some('{');
        if braced {
            j += 1;
        }
        if let Some(c @ ('-' | '−' | '+')) = char_at(text, j) {
            if c != '+' {
                digits.push('-');
            }
            j += c.len_utf8();
        }
        while let Some(c) = char_at(text, j).filter(|c| c.is_ascii_digit()) {
            digits.push(c);
            j += 1;
        }
        if braced {
            if char_at(text, j) != Some('}') {
                return None;
            }
            j += 1;
        }
    } else {
        while let Some(c) = char_at(text, j) {
            let Some(d) = candor_model::from_superscript(c) else { break };
            if d != '+' {
                digits.push(d);
            }
            j += c.len_utf8();
        }
    }
    let count = digits.trim_start_matches('-').len();
    if !(1..=3).contains(&count) {
        return None;
    }
    digits.parse().ok().map(|e| (e, j))
}

fn frequency(text: &str, start: usize, end: usize, n: f64, lang: Lang) -> Option<Read> {
    let words = words_after(text, end, 3);
    let joiner = match words.as_slice() {
        [(a, _), (b, e), ..] if a == "out" && b == "of" => *e,
        [(a, _), (b, e), ..] if (a == "in" || a == "of") && b == "every" => *e,
        [(a, e), ..] if matches!(a.as_str(), "in" | "von" | "sur" | "auf") => *e,
        _ => return None,
    };
    let at = skip_spaces(text, joiner);
    if !char_at(text, at).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let (m, decimals, _, after) = number_at(text, at, lang)?;
    // "10 in 2024" is a year, not a frequency.
    let year = (1900.0..=2100.0).contains(&m) && text[at..after].len() == 4;
    if year
        || decimals > 0
        || m < 2.0
        || n > m
        || char_at(text, after).is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let mut fig = figure(FactKind::Percentage, "%", n / m, 0.0, Hedge::Exact, start..after);
    fig.frequency = Some((n, m));
    Some(Read::Figure(fig, 1.0 / m))
}

/// The hedge written right before `start`.
fn hedge_before(text: &str, start: usize) -> Hedge {
    let before = text[..start].trim_end_matches(is_space);
    match before.chars().next_back() {
        Some('~' | '≈' | '∼') => return Hedge::About,
        Some('>' | '≥') => return Hedge::AtLeast,
        Some('<' | '≤') => return Hedge::AtMost,
        _ => {}
    }
    let lower = before.to_lowercase();
    for &(word, hedge) in HEDGES {
        if let Some(rest) = lower.strip_suffix(word)
            && !rest.chars().next_back().is_some_and(char::is_alphanumeric)
        {
            return hedge;
        }
    }
    Hedge::Exact
}

fn label_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(is_space).to_lowercase();
    LABELS.iter().any(|label| {
        before.strip_suffix(label).is_some_and(|rest| {
            !label.chars().next().is_some_and(char::is_alphanumeric)
                || !rest.chars().next_back().is_some_and(char::is_alphanumeric)
        })
    })
}

/// A date at `i`: "March 2026", "March 3, 2026", "3 March 2026", "3. März 2026",
/// "2026-03-03".
fn date_at(text: &str, i: usize) -> Option<Figure> {
    if char_before(text, i).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let c = char_at(text, i)?;
    let year_at = |j: usize| -> Option<(u32, usize)> {
        let j = skip_spaces(text, j);
        let (w, end) = word_at(text, j);
        let y: u32 = w.parse().ok().filter(|_| w.len() == 4)?;
        (1900..=2100).contains(&y).then_some((y, end))
    };
    let month_at = |j: usize| -> Option<(u32, usize)> {
        let (w, mut end) = word_at(text, j);
        let &(_, m) = MONTHS.iter().find(|(name, _)| *name == w)?;
        if char_at(text, end) == Some('.') {
            end += 1;
        }
        Some((m, end))
    };
    let date = |y: u32, m: u32, d: u32, end: usize| Figure {
        kind: FactKind::Date,
        unit: "date",
        low: f64::from(y * 10_000 + m * 100 + d),
        high: f64::from(y * 10_000 + m * 100 + d),
        precision: 0.0,
        hedge: Hedge::Exact,
        frequency: None,
        range: i..end,
    };
    if c.is_alphabetic() {
        let (m, end) = month_at(i)?;
        // "March 3, 2026" or "March 2026".
        let j = skip_spaces(text, end);
        let (w, after_day) = word_at(text, j);
        if let Ok(d) = w.parse::<u32>()
            && (1..=31).contains(&d)
            && w.len() <= 2
        {
            let k = if char_at(text, after_day) == Some(',') { after_day + 1 } else { after_day };
            if let Some((y, e)) = year_at(k) {
                return Some(date(y, m, d, e));
            }
        }
        let (y, e) = year_at(end)?;
        return Some(date(y, m, 0, e));
    }
    if !c.is_ascii_digit() {
        return None;
    }
    let (w, end) = word_at(text, i);
    // "2026-03-01".
    if w.len() == 4
        && char_at(text, end) == Some('-')
        && let Some(rest) = text.get(end + 1..end + 6)
        && rest.len() == 5
        && rest.as_bytes()[2] == b'-'
    {
        let m: u32 = rest[..2].parse().ok()?;
        let d: u32 = rest[3..].parse().ok()?;
        let y: u32 = w.parse().ok()?;
        let after = end + 6;
        if (1..=12).contains(&m)
            && (1..=31).contains(&d)
            && (1900..=2100).contains(&y)
            && !char_at(text, after).is_some_and(char::is_alphanumeric)
        {
            return Some(date(y, m, d, after));
        }
        return None;
    }
    // "3 March 2026", "3. März 2026".
    let d: u32 = w.parse().ok().filter(|_| w.len() <= 2)?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let j = if char_at(text, end) == Some('.') { end + 1 } else { end };
    let k = skip_spaces(text, j);
    if k == j {
        return None;
    }
    let (m, after_month) = month_at(k)?;
    let (y, e) = year_at(after_month)?;
    Some(date(y, m, d, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(FactKind, f64, &'static str, String, Hedge)> {
        figures(text, Lang::En)
            .into_iter()
            .map(|f| (f.kind, f.low, f.unit, text[f.range].to_owned(), f.hedge))
            .collect()
    }

    #[test]
    fn shares_sizes_and_dates() {
        use FactKind::*;
        let found = read(
            "About 1 in 5 answers, 20% of tests, 7 billion parameters, 15T training tokens, \
             3.8 × 10^25 FLOP, 10^25 FLOP, more than 100 languages, released March 2026.",
        );
        let kinds: Vec<_> = found.iter().map(|f| (f.0, f.3.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (Percentage, "1 in 5"),
                (Percentage, "20%"),
                (Parameters, "7 billion parameters"),
                (Tokens, "15T training tokens"),
                (Flops, "3.8 × 10^25 FLOP"),
                (Flops, "10^25 FLOP"),
                (Count, "100 languages"),
                (Date, "March 2026"),
            ]
        );
        assert_eq!(found[0].4, Hedge::About);
        assert!((found[0].1 - 0.2).abs() < 1e-12);
        assert!((found[2].1 - 7e9).abs() < 1.0);
        assert!((found[4].1 - 3.8e25).abs() / 3.8e25 < 1e-12);
        assert_eq!(found[6].4, Hedge::AtLeast);
        assert_eq!(found[7].1, 20_260_300.0);
    }

    #[test]
    fn labels_versions_and_bare_numbers_are_not_figures() {
        for text in [
            "See section 7.1 and table 3.",
            "GPT-4 and Llama 3 were released in 2024.",
            "Version 2.1.3 is out; step 2 in 5 minutes",
            "It uses 80GB of memory and came 3rd.",
            "",
            "NaN% inf in 1e999999 99999999999999999999999999999999999999999999%",
        ] {
            let found: Vec<_> =
                read(text).into_iter().filter(|f| f.0 != FactKind::Duration).collect();
            assert!(found.iter().all(|f| f.1.is_finite()), "{text}: {found:?}");
            if !text.contains("99999") {
                assert!(found.is_empty(), "{text}: {found:?}");
            }
        }
    }

    #[test]
    fn german_and_french_conventions() {
        let de =
            figures("Etwa 7 Milliarden Parameter und 12,5 % der Antworten, 20 von 100.", Lang::De);
        assert_eq!(de.len(), 3);
        assert!((de[0].low - 7e9).abs() < 1.0);
        assert_eq!(de[0].hedge, Hedge::About);
        assert!((de[1].low - 0.125).abs() < 1e-12);
        assert!((de[2].low - 0.2).abs() < 1e-12);
        let fr = figures("environ 2 billions de jetons", Lang::Fr);
        assert!(fr.is_empty() || (fr[0].low - 2e12).abs() < 1.0);
    }

    #[test]
    fn ranges_take_the_unit_of_their_end() {
        let f = figures("between 10–20% of cases", Lang::En);
        assert_eq!(f.len(), 1);
        assert!((f[0].low - 0.1).abs() < 1e-12 && (f[0].high - 0.2).abs() < 1e-12);
    }
}
