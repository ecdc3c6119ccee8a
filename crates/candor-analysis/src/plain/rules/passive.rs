//! Passive voice: a form of *be* / *werden* / *être* with a past participle.

use super::super::Finding;
use super::super::tokens::Sentence;
use super::Rule;
use super::words::{clause_breaks, de_participle, en_participle, fr_participle};
use crate::Language;

#[rustfmt::skip]
const EN_BE: &[&str] = &[
    "am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't",
];
/// Words that may stand between *be* and the participle ("was not yet fully tested").
#[rustfmt::skip]
const EN_BETWEEN: &[&str] = &[
    "not", "never", "also", "then", "still", "already", "often", "always", "usually", "only",
    "further", "now", "later", "first", "again", "just", "all", "both", "each", "either", "neither",
    "thus", "therefore", "yet", "since", "n't", "no", "longer", "being", "been", "be",
    "subsequently", "typically", "generally", "rarely", "sometimes",
];

#[rustfmt::skip]
const DE_WERDEN: &[&str] = &[
    "werde", "wirst", "wird", "werden", "werdet", "wurde", "wurdest", "wurden", "wurdet", "worden",
    "würde", "würden", "würdest", "würdet",
];

#[rustfmt::skip]
const FR_ETRE: &[&str] = &[
    "suis", "es", "est", "sommes", "êtes", "sont", "étais", "était", "étions", "étiez", "étaient",
    "été", "être", "serai", "seras", "sera", "serons", "serez", "seront", "serais", "serait",
    "serions", "seriez", "seraient", "sois", "soit", "soyons", "soyez", "soient", "fus", "fut",
    "furent", "fût", "étant",
];
#[rustfmt::skip]
const FR_BETWEEN: &[&str] = &[
    "ne", "n'", "pas", "plus", "jamais", "toujours", "déjà", "également", "aussi", "bien",
    "souvent", "ensuite", "encore", "tous", "toutes", "tout", "d'abord", "alors", "donc", "enfin",
    "guère", "désormais", "systématiquement",
];
const FR_REFLEXIVE: &[&str] = &["se", "me", "te", "nous", "vous", "s'", "m'", "t'"];

pub(super) fn check(s: &Sentence<'_>, language: Language, out: &mut Vec<Finding>) {
    let found = match language {
        Language::En => english(s),
        Language::De => german(s),
        Language::Fr => french(s),
        _ => None,
    };
    if let Some((first, last)) = found {
        let phrase = &s.unit[s.words_range(first, last)];
        out.push(
            Finding::new(
                Rule::Passive,
                s.words_range(first, last),
                format!("“{phrase}” is passive: it does not say who does this."),
            )
            .hint(match language {
                Language::De => "Sagen Sie, wer handelt: „Wir haben das Modell geprüft“ statt „Das Modell wurde geprüft“.",
                Language::Fr => "Dites qui agit : « Nous avons testé le modèle » plutôt que « Le modèle a été testé ».",
                _ => "Say who acts: “We tested the model” rather than “The model was tested”.",
            }),
        );
    }
}

/// The first and last word of the first passive construction.
fn english(s: &Sentence<'_>) -> Option<(usize, usize)> {
    let w = &s.words;
    for i in 0..w.len() {
        if !EN_BE.contains(&w[i].lower.as_str()) {
            continue;
        }
        // "to be" after "used" means "accustomed"; "be" after modal verbs is fine to check.
        let mut j = i + 1;
        while j < w.len()
            && j <= i + 4
            && (EN_BETWEEN.contains(&w[j].lower.as_str()) || is_ly_adverb(&w[j].lower))
        {
            if !s.between(j - 1, j).trim().is_empty() {
                break;
            }
            j += 1;
        }
        if j < w.len() && s.between(j - 1, j).trim().is_empty() && en_participle(&w[j].lower) {
            // "is used to" + verb: "accustomed to", not passive ("It is used to translate" is).
            return Some((i, j));
        }
    }
    None
}

fn is_ly_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && !matches!(
            word,
            "only"
                | "early"
                | "family"
                | "supply"
                | "reply"
                | "apply"
                | "likely"
                | "unlikely"
                | "fly"
                | "july"
                | "italy"
        )
}

/// A werden-form and a participle in one clause: the participle ends the clause ("wurde mit
/// Daten trainiert") or stands right before the werden-form ("…, weil es geprüft wurde").
fn german(s: &Sentence<'_>) -> Option<(usize, usize)> {
    for (start, end) in clause_breaks(s) {
        let clause = start..end;
        let werden: Vec<usize> =
            clause.clone().filter(|&i| DE_WERDEN.contains(&s.words[i].lower.as_str())).collect();
        if werden.is_empty() {
            continue;
        }
        for &at in &werden {
            // Participle directly before the werden-form: "geprüft wurde", "entfernt werden".
            if at > start && de_participle(s.words[at - 1].text) {
                return Some((at - 1, at));
            }
        }
        // Main clause: the participle closes the clause after the werden-form.
        let last = end - 1;
        let first = werden[0];
        if last > first {
            let word = s.words[last].text;
            if de_participle(word) {
                return Some((first, last));
            }
            // "… wird geprüft werden", "… ist geprüft worden": participle before a final auxiliary.
            if matches!(s.words[last].lower.as_str(), "werden" | "worden" | "sein")
                && last > first + 1
                && de_participle(s.words[last - 1].text)
            {
                return Some((first, last));
            }
        }
    }
    None
}

fn french(s: &Sentence<'_>) -> Option<(usize, usize)> {
    let w = &s.words;
    for i in 0..w.len() {
        let word = w[i].lower.as_str();
        if !FR_ETRE.contains(&word) {
            continue;
        }
        // Pronominal verbs ("se sont améliorés") are not passive.
        if i > 0 && FR_REFLEXIVE.contains(&w[i - 1].lower.as_str()) {
            continue;
        }
        let mut j = i + 1;
        while j < w.len()
            && j <= i + 4
            && (FR_BETWEEN.contains(&w[j].lower.as_str())
                || (w[j].lower.ends_with("ment") && w[j].lower.len() > 6))
        {
            j += 1;
        }
        // "a été" is itself the perfect of être: look past it ("a été entraîné").
        if j < w.len() && w[j].lower == "été" {
            j += 1;
        }
        if j < w.len() && fr_participle(&w[j].lower) && s.between(j - 1, j).trim().is_empty() {
            // "L'équipe a été claire" (adjective) is caught by fr_participle's exclusions.
            return Some((i, j));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(text: &str, language: Language) -> bool {
        super::super::fires(check, text, language)
    }

    #[test]
    fn english_passives_and_near_misses() {
        assert!(hit("The model was trained on public data.", Language::En));
        assert!(hit("The results have been carefully reviewed.", Language::En));
        assert!(hit("Private data is not collected.", Language::En));
        assert!(hit("The weights were withheld.", Language::En));
        assert!(!hit("The model is available in three sizes.", Language::En));
        assert!(!hit("We trained the model.", Language::En));
        assert!(!hit("The team is concerned about misuse.", Language::En));
    }

    #[test]
    fn german_passives_and_near_misses() {
        assert!(hit("Das Modell wurde mit Daten aus dem Internet trainiert.", Language::De));
        assert!(hit("Wir prüfen, ob die Daten entfernt wurden.", Language::De));
        assert!(hit("Die Antworten müssen geprüft werden.", Language::De));
        assert!(!hit("Das Team wird das Modell prüfen.", Language::De));
        assert!(!hit("Die Antworten werden besser.", Language::De));
    }

    #[test]
    fn french_passives_and_near_misses() {
        assert!(hit("Le modèle a été entraîné sur des données publiques.", Language::Fr));
        assert!(hit("Les réponses sont vérifiées par des experts.", Language::Fr));
        assert!(!hit("Le modèle est disponible en trois tailles.", Language::Fr));
        assert!(!hit("Le modèle est sorti en mars.", Language::Fr));
        assert!(!hit("Le modèle s'est amélioré.", Language::Fr));
    }
}
