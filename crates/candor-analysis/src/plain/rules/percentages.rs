//! Percentages and probabilities that do not say what they are a share of.

use std::ops::Range;

use super::super::Finding;
use super::super::tokens::Sentence;
use super::Rule;
use super::words::phrase_at;
use crate::Language;

#[rustfmt::skip]
const PERCENT_WORDS: &[&str] = &[
    "per cent", "percent", "percentage points", "percentage point", "prozent", "prozentpunkte",
    "prozentpunkten", "pour cent", "points de pourcentage", "points de pour cent",
];
const PROBABILITY_WORDS: &[&str] =
    &["probability", "chance", "likelihood", "wahrscheinlichkeit", "probabilité"];
/// Words after a percentage that say what it is of.
const EN_AFTER: &[&str] = &["of", "out", "among", "across", "on", "per", "for", "in"];
const DE_AFTER: &[&str] = &[
    "der",
    "des",
    "aller",
    "von",
    "unter",
    "bei",
    "pro",
    "je",
    "in",
    "im",
    "für",
    "auf",
    "aus",
    "davon",
    "unserer",
    "unseres",
    "ihrer",
    "ihres",
    "seiner",
    "seines",
    "dieser",
    "dieses",
    "jener",
    "sämtlicher",
];
const FR_AFTER: &[&str] =
    &["des", "de", "du", "d'un", "d'une", "sur", "parmi", "par", "pour", "dans", "en", "d'entre"];
/// Nouns that name a share, so "the share of X was 20%" says what it is of.
#[rustfmt::skip]
const SHARE_NOUNS: &[&str] = &[
    "share", "proportion", "percentage", "fraction", "part", "rate", "anteil", "prozentsatz",
    "quote", "pourcentage", "taux",
];

pub(super) fn check(s: &Sentence<'_>, language: Language, out: &mut Vec<Finding>) {
    let w = &s.words;
    let mut shares: Vec<(usize, usize, Range<usize>)> = Vec::new();
    for i in 0..w.len() {
        if !w[i].number {
            continue;
        }
        let after = s.after(i);
        let trimmed = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        if trimmed.starts_with('%') {
            let end = w[i].range.end + (after.len() - trimmed.len()) + 1;
            shares.push((i, i, w[i].range.start..end));
        } else if let Some(n) = phrase_at(s, i + 1, PERCENT_WORDS) {
            shares.push((i, i + n, w[i].range.start..w[i + n].range.end));
        } else if probability(s, i) {
            shares.push((i, i, w[i].range.clone()));
        }
    }
    // Figures in one sentence explain each other: "from 10% to 4% of all replies".
    if shares.is_empty()
        || shares.iter().any(|(first, last, _)| says_of_what(s, *first, *last, language))
    {
        return;
    }
    let range = shares[0].2.clone();
    let figure = &s.unit[range.clone()];
    out.push(
        Finding::new(
            Rule::PercentageWithoutReference,
            range,
            match language {
                Language::De => format!(
                    "„{figure}“ wovon? Der Satz sagt nicht, worauf sich der Anteil bezieht."
                ),
                Language::Fr => format!(
                    "« {figure} » de quoi ? La phrase ne dit pas sur quoi porte ce chiffre."
                ),
                _ => format!(
                    "“{figure}” of what? The sentence does not say what this is a share of."
                ),
            },
        )
        .hint(match language {
            Language::De => {
                "Nennen Sie die Bezugsgröße: „20 % der Antworten“, „in 20 von 100 Versuchen“."
            }
            Language::Fr => "Précisez la base : « 20 % des réponses », « dans 20 essais sur 100 ».",
            _ => "Say what it is of: “20% of the answers”, “in 20 out of 100 attempts”.",
        }),
    );
}

/// A decimal between 0 and 1 in a sentence about a probability ("a probability of 0.2").
fn probability(s: &Sentence<'_>, i: usize) -> bool {
    let value: Option<f64> = s.words[i].text.replace(',', ".").parse().ok();
    value.is_some_and(|v| v > 0.0 && v < 1.0)
        && s.words.iter().any(|t| PROBABILITY_WORDS.iter().any(|p| t.lower.starts_with(p)))
}

fn says_of_what(s: &Sentence<'_>, first: usize, last: usize, language: Language) -> bool {
    let w = &s.words;
    let after_words = match language {
        Language::De => DE_AFTER,
        Language::Fr => FR_AFTER,
        _ => EN_AFTER,
    };
    let lower = |k: usize| w.get(k).map_or("", |t| t.lower.as_str());
    if let Some(next) = w.get(last + 1) {
        let gap = s.between(last, last + 1);
        let joined = !gap.contains([',', ';', '.', ':', ')']);
        let word = next.lower.as_str();
        let then = lower(last + 2);
        let known = after_words.contains(&word)
            || (language == Language::Fr && word.starts_with("d'") && word != "d'ici");
        // "in 2024" names a time; "sur ce critère", "par rapport à" name no whole.
        let time = matches!(word, "in" | "im" | "for" | "en" | "dans" | "für")
            && w.get(last + 2).is_none_or(|t| t.number || t.lower.len() < 2);
        let not_whole = (word == "sur"
            && !(w.get(last + 2).is_some_and(|t| t.number)
                || matches!(then, "les" | "l'ensemble" | "des")))
            || (word == "par" && then == "rapport");
        // "20% share of the prompts", "20 % der Antworten".
        let share_of =
            SHARE_NOUNS.contains(&word) && matches!(then, "of" | "der" | "des" | "de" | "du");
        if joined && ((known && !time && !not_whole) || share_of) {
            return true;
        }
    }
    // "Of the 1,200 prompts, 4% …", "Von 500 Testfragen …", "Sur les 400 questions …".
    let before = &w[..first];
    if before.first().is_some_and(|t| {
        matches!(t.lower.as_str(), "of" | "among" | "von" | "unter" | "sur" | "parmi" | "out")
    }) && before.len() >= 2
    {
        return true;
    }
    // "The share of refused prompts was 20%", "Der Anteil falscher Antworten", "la probabilité
    // qu'une réponse …": a share named before the figure, with what it is of.
    before.iter().enumerate().any(|(k, t)| {
        let share = SHARE_NOUNS.contains(&t.lower.as_str())
            || PROBABILITY_WORDS.iter().any(|p| t.lower.starts_with(p));
        let next = lower(k + 1);
        let next_is_number = w.get(k + 1).is_some_and(|t| t.number)
            || w.get(k + 2).is_some_and(|t| t.number && k + 2 == first);
        share
            && !next_is_number
            && (matches!(
                next,
                "of" | "der"
                    | "des"
                    | "de"
                    | "du"
                    | "von"
                    | "aller"
                    | "that"
                    | "dass"
                    | "que"
                    | "qu'une"
                    | "qu'un"
            ) || language == Language::De
                && t.text.chars().next().is_some_and(char::is_uppercase)
                && w.get(k + 1).is_some_and(|n| {
                    !n.number
                        && n.text.chars().next().is_some_and(char::is_lowercase)
                        && !matches!(
                            n.lower.as_str(),
                            "liegt"
                                | "lag"
                                | "beträgt"
                                | "betrug"
                                | "ist"
                                | "war"
                                | "sank"
                                | "stieg"
                                | "von"
                                | "bei"
                                | "um"
                                | "auf"
                        )
                }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(text: &str, language: Language) -> bool {
        super::super::fires(check, text, language)
    }

    #[test]
    fn shares_need_their_whole() {
        assert!(hit("Harmful answers fell by 20%.", Language::En));
        assert!(hit("The risk is 5 per cent.", Language::En));
        assert!(!hit("20% of the answers were wrong.", Language::En));
        assert!(!hit("The share of refused prompts fell to 4%.", Language::En));
        assert!(hit("Das Risiko sank um 20 %.", Language::De));
        assert!(!hit("20 % der Antworten waren falsch.", Language::De));
        assert!(hit("Le risque a baissé de 20 %.", Language::Fr));
        assert!(!hit("20 % des réponses étaient fausses.", Language::Fr));
    }
}
