//! Abbreviations used before the document says what they stand for.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use super::super::Finding;
use super::super::tokens::Sentence;
use super::{Rule, UnitFacts};
use crate::Language;
use crate::glossary::Glossary;

/// Abbreviations every reader knows, and units.
#[rustfmt::skip]
const WELL_KNOWN: &[&str] = &[
    "EU", "UK", "US", "USA", "UN", "UNO", "PDF", "HTML", "URL", "AI", "KI", "IA", "UE", "OK", "FAQ",
    "GB", "MB", "KB", "TB", "PB", "GHz", "MHz", "kWh", "MWh", "GWh", "TWh", "MW", "GW", "CO2", "AM",
    "PM", "TV", "ID", "IT", "PC", "E-Mail", "WWW", "HTTP", "HTTPS", "CET", "CEST", "UTC", "GMT",
    "EUR", "USD", "GBP", "CHF", "NB", "PS", "FAQs", "PDFs", "URLs",
];
/// All-capital words that are emphasis, not abbreviations.
#[rustfmt::skip]
const EMPHASIS: &[&str] = &[
    "NOT", "NO", "NEVER", "ALWAYS", "ONLY", "MUST", "DO", "DON'T", "ALL", "AND", "OR", "WARNING",
    "IMPORTANT", "NOTE", "NICHT", "KEIN", "KEINE", "NIE", "NIEMALS", "NUR", "IMMER", "ACHTUNG",
    "HINWEIS", "WICHTIG", "PAS", "NE", "JAMAIS", "TOUJOURS", "SEULEMENT", "ATTENTION",
    "AVERTISSEMENT", "NON",
];
#[rustfmt::skip]
const ROMAN: &[&str] = &[
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XX", "XL",
    "LX", "CD", "CM", "MC", "DC", "MM", "MD", "DL", "LI", "XC", "CC", "CCC", "MCM",
];
/// Phrases after an abbreviation that define it ("RLHF stands for …").
#[rustfmt::skip]
const DEFINERS: &[&str] = &[
    "stands for", "short for", "means", "steht für", "kurz für", "bedeutet", "signifie", "désigne",
];

/// One use of an abbreviation in a unit.
#[derive(Debug, Clone)]
pub(crate) struct AbbreviationUse {
    pub abbreviation: String,
    pub range: Range<usize>,
    /// The use is its definition: "long form (ABBR)" or "ABBR (long form)".
    pub defines: bool,
}

/// The abbreviations of a unit's sentences, in order.
pub(super) fn collect(sentences: &[Sentence<'_>]) -> Vec<AbbreviationUse> {
    let mut out = Vec::new();
    for s in sentences {
        for (i, word) in s.words.iter().enumerate() {
            // "CBRN-Risiken", "GPT-4": the capitals before a hyphen.
            let mut offset = 0;
            for part in word.text.split('-') {
                let start = word.range.start + offset;
                offset += part.len() + 1;
                let Some(abbreviation) = candidate(part) else { continue };
                if emphasis(s, i) {
                    continue;
                }
                let range = start..start + part.len();
                let defines = defined_here(s, i, &range);
                out.push(AbbreviationUse { abbreviation, range, defines });
            }
        }
    }
    out
}

/// The abbreviation a word is, if it is one: two or more capitals, no run of lower-case
/// letters (a plural "s" aside: "LLMs" is "LLM").
fn candidate(part: &str) -> Option<String> {
    let base = part
        .strip_suffix('s')
        .filter(|b| b.chars().last().is_some_and(char::is_uppercase))
        .unwrap_or(part);
    let capitals = base.chars().filter(|c| c.is_uppercase()).count();
    if capitals < 2 || !base.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut run = 0;
    for c in base.chars() {
        run = if c.is_lowercase() { run + 1 } else { 0 };
        if run >= 2 {
            return None;
        }
    }
    if base.chars().any(|c| !c.is_alphanumeric())
        || WELL_KNOWN.contains(&base)
        || WELL_KNOWN.contains(&part)
        || ROMAN.contains(&base)
        || EMPHASIS.contains(&base)
    {
        return None;
    }
    Some(base.to_owned())
}

/// All-capital words next to each other are shouting, not abbreviations ("DO NOT SHARE").
fn emphasis(s: &Sentence<'_>, i: usize) -> bool {
    let caps = |k: usize| {
        s.words.get(k).is_some_and(|w| {
            w.text.chars().count() >= 2
                && w.text.chars().all(|c| !c.is_lowercase())
                && w.text.chars().any(char::is_alphabetic)
                && EMPHASIS.contains(&w.text)
        })
    };
    caps(i) || (i > 0 && caps(i - 1)) || caps(i + 1)
}

fn defined_here(s: &Sentence<'_>, i: usize, range: &Range<usize>) -> bool {
    let before = &s.unit[s.range.start..range.start];
    let after = &s.unit[range.end..s.range.end];
    // "long form (ABBR)": at least two words before the bracket.
    if before.trim_end().ends_with('(')
        && (after.starts_with(')') || after.starts_with(',') || after.starts_with(';'))
        && i >= 2
    {
        return true;
    }
    // "ABBR (long form)": words inside the bracket.
    if let Some(inside) = after.trim_start().strip_prefix('(') {
        let inside = inside.split(')').next().unwrap_or("");
        if inside.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() >= 2 {
            return true;
        }
    }
    // "ABBR stands for …", "ABBR, short for …".
    let rest = after.trim_start_matches([',', ' ', '–', '—', ':']).to_lowercase();
    DEFINERS.iter().any(|d| rest.starts_with(d))
        || after.trim_start().starts_with(['–', '—', ':']) && !rest.is_empty()
}

/// Reports the first use of each abbreviation that comes before its definition.
pub(super) fn first_uses(
    facts: &[Arc<UnitFacts>],
    language: Option<Language>,
    glossary: &Glossary,
    out: &mut Vec<(usize, Finding)>,
) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (unit, facts) in facts.iter().enumerate() {
        for a in &facts.abbreviations {
            if !seen.insert(a.abbreviation.as_str()) || a.defines {
                continue;
            }
            let abbr = &a.abbreviation;
            let long = language.and_then(|l| long_form(glossary, abbr, l));
            let mut finding = Finding::new(
                Rule::UndefinedAbbreviation,
                a.range.clone(),
                match language {
                    Some(Language::De) => format!("„{abbr}“ wird hier zum ersten Mal verwendet, aber nicht erklärt."),
                    Some(Language::Fr) => format!("« {abbr} » apparaît ici pour la première fois sans être expliqué."),
                    _ => format!("“{abbr}” is used here for the first time without saying what it stands for."),
                },
            )
            .hint(match language {
                Some(Language::De) => "Schreiben Sie beim ersten Mal die lange Form mit der Abkürzung in Klammern.",
                Some(Language::Fr) => "À la première occurrence, écrivez la forme complète suivie de l'abréviation entre parenthèses.",
                _ => "Write the long form the first time, with the abbreviation in brackets.",
            });
            if let Some(long) = long {
                let range = a.range.start..a.range.start + abbr.len();
                finding = finding.fix(
                    format!("Write “{long} ({abbr})”"),
                    range,
                    format!("{long} ({abbr})"),
                );
            }
            out.push((unit, finding));
        }
    }
}

/// The glossary's long form of an abbreviation: the headword of the entry it is a form of.
fn long_form(glossary: &Glossary, abbreviation: &str, language: Language) -> Option<String> {
    let found = glossary.find_terms(abbreviation, language);
    let m = found.first().filter(|m| m.range == (0..abbreviation.len()))?;
    let term = glossary.term(m.entry, language)?;
    // The headword ("reinforcement learning from human feedback"), or, where the headword is
    // the abbreviation itself ("CBRN"), the plain wording.
    let spelled_out = |t: &str| !t.contains(abbreviation) && t.chars().any(char::is_lowercase);
    [Some(term.term.as_str()), term.plain.as_deref()]
        .into_iter()
        .flatten()
        .find(|t| spelled_out(t))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::sentences;
    use super::*;

    fn uses(text: &str) -> Vec<(String, bool)> {
        collect(&sentences(text)).into_iter().map(|a| (a.abbreviation, a.defines)).collect()
    }

    #[test]
    fn abbreviations_and_their_definitions() {
        assert_eq!(uses("We use RLHF."), [("RLHF".to_owned(), false)]);
        assert_eq!(
            uses("Reinforcement learning from human feedback (RLHF) helps."),
            [("RLHF".to_owned(), true)]
        );
        assert_eq!(
            uses("RLHF (reinforcement learning from human feedback) helps."),
            [("RLHF".to_owned(), true)]
        );
        assert_eq!(uses("Large models (LLMs) write."), [("LLM".to_owned(), true)]);
        assert!(uses("The EU and the UN use PDF files. Chapter III. DO NOT share it.").is_empty());
        assert_eq!(uses("CBRN-Risiken"), [("CBRN".to_owned(), false)]);
        assert!(uses("OpenAI and DeepMind").is_empty());
    }
}
