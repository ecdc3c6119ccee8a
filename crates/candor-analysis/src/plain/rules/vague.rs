//! Qualifiers that promise something without saying what ("appropriate", "significant").

use super::super::Finding;
use super::super::tokens::Sentence;
use super::Rule;
use super::words::{contains_marker, phrase_at};
use crate::Language;

#[rustfmt::skip]
const EN: &[&str] = &[
    "state of the art", "state-of-the-art", "as appropriate", "where appropriate",
    "where necessary", "if necessary", "as necessary", "as needed", "acceptable", "adequate",
    "adequately", "appropriate", "reasonable", "robust", "robustly", "significant", "significantly",
    "substantial", "sufficient", "meaningful", "meaningfully",
];
#[rustfmt::skip]
const DE: &[&str] = &[
    "stand der technik", "soweit erforderlich", "falls erforderlich", "wenn erforderlich",
    "soweit notwendig", "gegebenenfalls", "ggf", "angemessen", "angemessene", "angemessenen",
    "angemessener", "angemessenes", "ausreichend", "ausreichende", "ausreichenden", "ausreichender",
    "ausreichendes", "erheblich", "erhebliche", "erheblichen", "erheblicher", "erhebliches",
    "signifikant", "signifikante", "signifikanten", "signifikanter", "signifikantes", "vertretbar",
    "vertretbare", "vertretbaren", "vertretbarer", "vertretbares", "robust", "robuste", "robusten",
    "robuster", "robustes", "wesentlich", "wesentliche", "wesentlichen", "wesentlicher",
    "wesentliches",
];
#[rustfmt::skip]
const FR: &[&str] = &[
    "état de l'art", "le cas échéant", "si nécessaire", "au besoin", "en tant que de besoin",
    "acceptable", "acceptables", "approprié", "appropriée", "appropriés", "appropriées", "adéquat",
    "adéquate", "adéquats", "adéquates", "raisonnable", "raisonnables", "robuste", "robustes",
    "significatif", "significative", "significatifs", "significatives", "significativement",
    "suffisant", "suffisante", "suffisants", "suffisantes", "substantiel", "substantielle",
    "substantiels", "substantielles",
];

/// What makes the qualifier concrete: an explanation in the same sentence.
#[rustfmt::skip]
const EN_EXPLAINED: &[&str] = &[
    ":", "meaning", "that is", "i.e.", "such as", "for example", "e.g.", "namely", "defined as",
    "which means", "in other words", "specifically",
];
#[rustfmt::skip]
const DE_EXPLAINED: &[&str] = &[
    ":", "d. h.", "d.h.", "das heißt", "nämlich", "zum beispiel", "z. b.", "z.b.", "wie etwa",
    "beispielsweise", "bedeutet", "heißt", "konkret",
];
#[rustfmt::skip]
const FR_EXPLAINED: &[&str] = &[
    ":", "c'est-à-dire", "c’est-à-dire", "à savoir", "par exemple", "notamment", "signifie", "soit",
    "comme", "autrement dit", "concrètement",
];

pub(super) fn check(s: &Sentence<'_>, language: Language, out: &mut Vec<Finding>) {
    let (list, explained) = match language {
        Language::En => (EN, EN_EXPLAINED),
        Language::De => (DE, DE_EXPLAINED),
        Language::Fr => (FR, FR_EXPLAINED),
        _ => return,
    };
    // A number or an explanation makes it concrete.
    if s.words.iter().any(|w| w.number || w.text.chars().any(|c| c.is_ascii_digit()))
        || contains_marker(s, explained)
    {
        return;
    }
    for i in 0..s.words.len() {
        let Some(n) = phrase_at(s, i, list) else { continue };
        // "ggf." is one word "ggf" before its stop.
        let range = s.words_range(i, i + n - 1);
        let word = &s.unit[range.clone()];
        out.push(
            Finding::new(
                Rule::VagueQualifier,
                range,
                match language {
                    Language::De => format!("„{word}“ sagt nicht, was genau gemeint ist."),
                    Language::Fr => format!("« {word} » ne dit pas ce que cela veut dire concrètement."),
                    _ => format!("“{word}” does not say what it means in practice."),
                },
            )
            .hint(match language {
                Language::De => "Nennen Sie eine Zahl, eine Schwelle oder ein Beispiel: „vertretbar, d. h. unter 1 von 1.000 Antworten“.",
                Language::Fr => "Donnez un chiffre, un seuil ou un exemple : « acceptable, c'est-à-dire moins d'une réponse sur 1 000 ».",
                _ => "Give a number, a threshold or an example: “acceptable, that is fewer than 1 in 1,000 answers”.",
            }),
        );
        return;
    }
}
