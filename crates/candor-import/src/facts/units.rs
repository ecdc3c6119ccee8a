//! Unit phrases after a number: what they measure, the normalised unit and the factor to it.

use candor_model::FactKind;

use super::{Text, is_space};

/// Units that need special handling by the scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Percent,
    Other,
}

/// A unit found after a number.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct UnitMatch {
    pub unit: Unit,
    pub kind: FactKind,
    /// The normalised unit ("%", "parameters", "kWh", "tCO2e", "GPU hours", "GPUs").
    pub name: String,
    /// Multiply the written value by this to get the value in `name`.
    pub factor: f64,
}

fn unit(kind: FactKind, name: &str, factor: f64) -> UnitMatch {
    UnitMatch { unit: Unit::Other, kind, name: name.to_owned(), factor }
}

/// A unit phrase: its words, lowercase, and what it means. `strong` units may have up to
/// two describing words between the number and the unit ("15 trillion training tokens").
struct Phrase {
    words: &'static [&'static str],
    kind: FactKind,
    name: &'static str,
    factor: f64,
    strong: bool,
}

const fn p(
    words: &'static [&'static str],
    kind: FactKind,
    name: &'static str,
    factor: f64,
    strong: bool,
) -> Phrase {
    Phrase { words, kind, name, factor, strong }
}

use FactKind::{Count, Duration, Energy, Flops, Parameters, Percentage, Tokens};

/// Longer phrases first where one starts another.
const PHRASES: &[Phrase] = &[
    p(&["percentage", "points"], Percentage, "percentage points", 0.01, false),
    p(&["percentage", "point"], Percentage, "percentage points", 0.01, false),
    p(&["per", "cent"], Percentage, "%", 0.01, false),
    p(&["percent"], Percentage, "%", 0.01, false),
    p(&["parameters"], Parameters, "parameters", 1.0, true),
    p(&["parameter"], Parameters, "parameters", 1.0, true),
    p(&["params"], Parameters, "parameters", 1.0, true),
    p(&["param"], Parameters, "parameters", 1.0, true),
    p(&["weights"], Parameters, "parameters", 1.0, false),
    p(&["petaflop/s", "days"], Flops, "FLOP", 8.64e19, true),
    p(&["petaflop/s", "day"], Flops, "FLOP", 8.64e19, true),
    p(&["pf", "days"], Flops, "FLOP", 8.64e19, true),
    p(&["petaflop", "days"], Flops, "FLOP", 8.64e19, true),
    p(&["floating", "point", "operations"], Flops, "FLOP", 1.0, true),
    p(&["flops"], Flops, "FLOP", 1.0, true),
    p(&["flop"], Flops, "FLOP", 1.0, true),
    p(&["tokens"], Tokens, "tokens", 1.0, true),
    p(&["token"], Tokens, "tokens", 1.0, true),
    p(&["wh"], Energy, "kWh", 1e-3, false),
    p(&["kwh"], Energy, "kWh", 1.0, false),
    p(&["mwh"], Energy, "kWh", 1e3, false),
    p(&["gwh"], Energy, "kWh", 1e6, false),
    p(&["twh"], Energy, "kWh", 1e9, false),
    p(&["watt", "hours"], Energy, "kWh", 1e-3, false),
    p(&["kilowatt", "hours"], Energy, "kWh", 1.0, false),
    p(&["kilowatt", "hour"], Energy, "kWh", 1.0, false),
    p(&["megawatt", "hours"], Energy, "kWh", 1e3, false),
    p(&["megawatt", "hour"], Energy, "kWh", 1e3, false),
    p(&["gigawatt", "hours"], Energy, "kWh", 1e6, false),
    p(&["gigawatt", "hour"], Energy, "kWh", 1e6, false),
    p(&["gpu", "hours"], Duration, "GPU hours", 1.0, true),
    p(&["gpu", "hour"], Duration, "GPU hours", 1.0, true),
    p(&["gpu", "hrs"], Duration, "GPU hours", 1.0, true),
    p(&["gpu", "days"], Duration, "GPU hours", 24.0, true),
    p(&["gpu", "years"], Duration, "GPU hours", 8766.0, true),
    p(&["tpu", "hours"], Duration, "TPU hours", 1.0, true),
    p(&["tpu", "days"], Duration, "TPU hours", 24.0, true),
    p(&["tpuv3", "hours"], Duration, "TPU hours", 1.0, true),
    p(&["accelerator", "hours"], Duration, "accelerator hours", 1.0, true),
    p(&["chip", "hours"], Duration, "accelerator hours", 1.0, true),
    p(&["node", "hours"], Duration, "node hours", 1.0, true),
    p(&["hours"], Duration, "hours", 1.0, false),
    p(&["hour"], Duration, "hours", 1.0, false),
    p(&["hrs"], Duration, "hours", 1.0, false),
    p(&["days"], Duration, "hours", 24.0, false),
    p(&["day"], Duration, "hours", 24.0, false),
    p(&["weeks"], Duration, "hours", 168.0, false),
    p(&["week"], Duration, "hours", 168.0, false),
    p(&["months"], Duration, "months", 1.0, false),
    p(&["month"], Duration, "months", 1.0, false),
    p(&["years"], Duration, "years", 1.0, false),
    p(&["year"], Duration, "years", 1.0, false),
    p(&["attention", "heads"], Count, "attention heads", 1.0, false),
    p(&["gpus"], Count, "GPUs", 1.0, true),
    p(&["gpu"], Count, "GPUs", 1.0, false),
    p(&["tpus"], Count, "TPUs", 1.0, true),
    p(&["chips"], Count, "chips", 1.0, true),
    p(&["accelerators"], Count, "accelerators", 1.0, true),
    p(&["nodes"], Count, "nodes", 1.0, false),
    p(&["layers"], Count, "layers", 1.0, false),
    p(&["heads"], Count, "heads", 1.0, false),
    p(&["experts"], Count, "experts", 1.0, false),
    p(&["languages"], Count, "languages", 1.0, false),
    p(&["samples"], Count, "samples", 1.0, false),
    p(&["examples"], Count, "examples", 1.0, false),
    p(&["images"], Count, "images", 1.0, false),
    p(&["documents"], Count, "documents", 1.0, false),
    p(&["words"], Count, "words", 1.0, false),
    p(&["pages"], Count, "pages", 1.0, false),
    p(&["sentences"], Count, "sentences", 1.0, false),
    p(&["characters"], Count, "characters", 1.0, false),
    p(&["people"], Count, "people", 1.0, false),
    p(&["participants"], Count, "participants", 1.0, false),
    p(&["annotators"], Count, "annotators", 1.0, false),
    p(&["raters"], Count, "raters", 1.0, false),
    p(&["users"], Count, "users", 1.0, false),
    p(&["prompts"], Count, "prompts", 1.0, false),
    p(&["questions"], Count, "questions", 1.0, false),
    p(&["conversations"], Count, "conversations", 1.0, false),
    p(&["tasks"], Count, "tasks", 1.0, false),
    p(&["benchmarks"], Count, "benchmarks", 1.0, false),
    p(&["datasets"], Count, "datasets", 1.0, false),
    p(&["models"], Count, "models", 1.0, false),
    p(&["checkpoints"], Count, "checkpoints", 1.0, false),
    p(&["steps"], Count, "steps", 1.0, false),
    p(&["epochs"], Count, "epochs", 1.0, false),
    p(&["countries"], Count, "countries", 1.0, false),
    p(&["categories"], Count, "categories", 1.0, false),
    p(&["evaluations"], Count, "evaluations", 1.0, false),
    p(&["employees"], Count, "employees", 1.0, false),
    p(&["researchers"], Count, "researchers", 1.0, false),
    p(&["queries"], Count, "queries", 1.0, false),
    p(&["responses"], Count, "responses", 1.0, false),
    p(&["files"], Count, "files", 1.0, false),
];

/// Words that never describe a unit ("8 of the parameters" is not "8 parameters").
const STOP: &[&str] = &[
    "a", "about", "all", "an", "and", "are", "as", "at", "be", "between", "by", "each", "for",
    "from", "in", "into", "is", "it", "its", "less", "more", "no", "not", "of", "on", "or", "our",
    "over", "per", "than", "that", "the", "their", "these", "this", "those", "to", "under", "was",
    "we", "were", "which", "with",
];

/// Masses that make a CO2-equivalent unit, in tonnes.
const MASSES: &[(&str, f64)] = &[
    ("t", 1.0),
    ("ton", 1.0),
    ("tons", 1.0),
    ("tonne", 1.0),
    ("tonnes", 1.0),
    ("kt", 1e3),
    ("kg", 1e-3),
    ("kilograms", 1e-3),
    ("g", 1e-6),
    ("grams", 1e-6),
    ("lbs", 4.535_923_7e-4),
    ("lb", 4.535_923_7e-4),
    ("pounds", 4.535_923_7e-4),
];

/// A unit written together with the number: "10MWh", "539tCO2eq".
pub(super) fn glued_unit(token: &str) -> Option<UnitMatch> {
    let lower = normalise(token);
    if let Some(m) = PHRASES
        .iter()
        .find(|p| p.words.len() == 1 && p.words[0] == lower && matches!(p.kind, FactKind::Energy))
    {
        return Some(unit(m.kind, m.name, m.factor));
    }
    MASSES.iter().find_map(|&(mass, factor)| {
        let rest = lower.strip_prefix(mass)?;
        matches!(rest, "co2" | "co2e" | "co2eq").then(|| unit(FactKind::Co2e, "tCO2e", factor))
    })
}

/// The unit written after a number ending at `i`: "%", or words such as "GPU hours".
/// Describing words may stand before a unit that clearly takes them ("15T training
/// tokens"), or before any unit after a number with a magnitude ("25M generated
/// examples").
pub(super) fn after(t: &Text<'_>, i: usize, magnitude: bool) -> Option<(UnitMatch, usize)> {
    let j = t.skip_spaces(i, 1);
    if t.at(j) == Some('%') {
        return Some((percent(), j + 1));
    }
    let words = tokens(t, i, 6);
    if words.is_empty() {
        return None;
    }
    let texts: Vec<&str> = words.iter().map(|w| w.0.as_str()).collect();
    for skip in 0..=2 {
        if skip > 0 {
            let described = texts[..skip.min(texts.len())]
                .iter()
                .all(|w| !STOP.contains(w) && !w.chars().all(|c| c.is_ascii_digit()));
            if !described {
                return None;
            }
        }
        let rest = texts.get(skip..)?;
        if let Some((m, used)) = phrase(rest, skip > 0 && !magnitude) {
            let end = words[skip + used - 1].2;
            // "a 41-year-old", "18–25-year-olds": an age, not a duration.
            let old = texts.get(skip + used).is_some_and(|w| w.starts_with("old"));
            if m.kind == FactKind::Duration && old {
                return None;
            }
            return Some((m, end));
        }
    }
    None
}

/// Whether a unit counts hardware ("GPUs", "nodes"): the only unit a product of numbers
/// ("32 x 8 x A100 GPUs") is read in.
pub(super) fn is_hardware(m: &UnitMatch) -> bool {
    m.kind == FactKind::Count
        && matches!(m.name.as_str(), "GPUs" | "TPUs" | "chips" | "accelerators" | "nodes")
}

fn percent() -> UnitMatch {
    UnitMatch {
        unit: Unit::Percent,
        kind: FactKind::Percentage,
        name: "%".to_owned(),
        factor: 0.01,
    }
}

/// The unit a table column header gives its cells: "Accuracy (%)", "Time (GPU hours)",
/// "Carbon Emitted (tCO2eq)", "Params", "Token count". A unit in brackets wins; words
/// outside brackets count only for parameters and tokens at the start or end of the header
/// ("Time-to-first-token (sec)" is in seconds).
pub(super) fn in_header(header: &str) -> Option<UnitMatch> {
    if header.contains('%') || header.to_lowercase().contains("(percent") {
        return Some(percent());
    }
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '₂' || c == '/'))
            .filter(|w| !w.is_empty())
            .map(normalise)
            .collect()
    };
    if let (Some(open), Some(close)) = (header.rfind('('), header.rfind(')'))
        && open < close
    {
        let inside = words(&header[open + 1..close]);
        let inside: Vec<&str> = inside.iter().map(String::as_str).collect();
        return (0..inside.len()).find_map(|k| phrase(&inside[k..], false).map(|(m, _)| m));
    }
    let outside = words(header);
    // "7B Params" names a model whose scores the column holds.
    if outside.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let outside: Vec<&str> = outside.iter().map(String::as_str).collect();
    let wanted =
        |m: &UnitMatch| matches!(m.kind, FactKind::Parameters | FactKind::Tokens | FactKind::Flops);
    if let Some((m, _)) = phrase(&outside, false).filter(|(m, _)| wanted(m)) {
        return Some(m);
    }
    let last = outside.len().checked_sub(1)?;
    phrase(&outside[last..], false).map(|(m, _)| m).filter(wanted)
}

/// A unit phrase at the start of `words`, and how many words it uses.
fn phrase(words: &[&str], described: bool) -> Option<(UnitMatch, usize)> {
    if let Some(found) = co2(words) {
        return Some(found);
    }
    PHRASES.iter().find_map(|p| {
        let n = p.words.len();
        let matches = words.len() >= n && words[..n] == *p.words;
        (matches && (p.strong || !described)).then(|| (unit(p.kind, p.name, p.factor), n))
    })
}

/// "t CO2eq", "tons of CO2 equivalent", "metric tons CO2e", "kg CO2-eq", "tCO2e".
fn co2(words: &[&str]) -> Option<(UnitMatch, usize)> {
    let mut k = 0;
    if words.first() == Some(&"metric") {
        k += 1;
    }
    let first = words.get(k)?;
    if let Some(m) = glued_unit(first) {
        return Some((m, k + 1));
    }
    let &(_, factor) = MASSES.iter().find(|(m, _)| m == first)?;
    k += 1;
    if words.get(k) == Some(&"of") {
        k += 1;
    }
    match *words.get(k)? {
        "co2e" | "co2eq" => k += 1,
        "co2" => {
            k += 1;
            if matches!(words.get(k), Some(&("eq" | "e" | "equivalent" | "equivalents"))) {
                k += 1;
            }
        }
        "carbon" if words.get(k + 1) == Some(&"dioxide") => {
            k += 2;
            if matches!(words.get(k), Some(&("equivalent" | "equivalents"))) {
                k += 1;
            }
        }
        _ => return None,
    }
    Some((unit(FactKind::Co2e, "tCO2e", factor), k))
}

/// Lowercase, with the subscript two of "CO₂" as a plain digit.
fn normalise(word: &str) -> String {
    word.chars().flat_map(char::to_lowercase).map(|c| if c == '₂' { '2' } else { c }).collect()
}

/// Up to `max` words after `i`: (normalised text, start, end). Words are separated by
/// spaces or hyphens only; any other punctuation ends the phrase.
fn tokens(t: &Text<'_>, i: usize, max: usize) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut j = i;
    while out.len() < max {
        let gap_start = j;
        while j - gap_start < 3 && t.at(j).is_some_and(|c| is_space(c) || matches!(c, '-' | '‐'))
        {
            j += 1;
        }
        if j == gap_start {
            break;
        }
        let start = j;
        while t.at(j).is_some_and(|c| c.is_alphanumeric() || c == '₂' || c == '/') {
            j += 1;
        }
        if j == start {
            break;
        }
        out.push((normalise(t.slice(start, j)), start, j));
    }
    out
}
