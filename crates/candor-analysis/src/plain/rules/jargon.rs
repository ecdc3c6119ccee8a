//! Technical terms from the glossary, used without an explanation.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use super::super::Finding;
use super::super::prose::Unit;
use super::super::tokens::Sentence;
use super::{Rule, UnitFacts};
use crate::Language;
use crate::glossary::Glossary;

/// What may follow a term to explain it.
#[rustfmt::skip]
const EN_AFTER: &[&str] = &[
    "(", ", that is", ", i.e.", ", which means", ", meaning", ", or ", ":", " –", " —", " - ",
    " which is", ", which is", " is a ", " is the ", " means",
];
#[rustfmt::skip]
const DE_AFTER: &[&str] = &[
    "(", ", d. h.", ", d.h.", ", das heißt", ", also", ":", " –", " —", " - ", " ist ein",
    " ist eine", " bedeutet", " heißt",
];
#[rustfmt::skip]
const FR_AFTER: &[&str] = &[
    "(", ", c'est-à-dire", ", c’est-à-dire", ", à savoir", " :", ":", " –", " —", " - ", " est un ",
    " est une ", " désigne", " signifie", ", soit",
];
/// Explanations that may come later in the sentence than right after the term.
#[rustfmt::skip]
const LATER_MARKERS: &[&str] = &[
    ", that is", ", i.e.", ", which means", ", meaning", "d. h.", "d.h.", "das heißt",
    "c'est-à-dire", "c’est-à-dire", "à savoir",
];
/// What may come before a term to introduce it.
const EN_BEFORE: &[&str] = &["called", "known as", "so-called", "termed", "named"];
const DE_BEFORE: &[&str] = &[
    "sogenannte",
    "sogenannten",
    "sogenannter",
    "sogenanntes",
    "genannt",
    "genannte",
    "genannten",
    "bezeichnet als",
    "so genannte",
    "so genannten",
];
#[rustfmt::skip]
const FR_BEFORE: &[&str] = &[
    "appelé", "appelée", "appelés", "appelées", "dit", "dite", "dits", "dites", "nommé", "nommée",
    "qu'on appelle", "que l'on appelle",
];

/// One use of a glossary term that has a plain alternative.
#[derive(Debug, Clone)]
pub(crate) struct TermUse {
    pub entry: usize,
    pub range: Range<usize>,
    pub explained: bool,
}

pub(super) fn collect(
    text: &str,
    sentences: &[Sentence<'_>],
    language: Language,
    glossary: &Glossary,
) -> Vec<TermUse> {
    let (after, before) = match language {
        Language::De => (DE_AFTER, DE_BEFORE),
        Language::Fr => (FR_AFTER, FR_BEFORE),
        _ => (EN_AFTER, EN_BEFORE),
    };
    glossary
        .find_terms(text, language)
        .into_iter()
        .filter_map(|m| {
            let term = glossary.term(m.entry, language)?;
            let plain = term.plain.as_deref()?;
            let sentence = sentences
                .iter()
                .find(|s| s.range.start <= m.range.start && m.range.end <= s.range.end);
            let sentence_text = sentence.map_or(text, |s| s.text());
            let following = &text[m.range.end..];
            // The last few words before the term, for "called …", "so-called …".
            let preceding = &text[..m.range.start];
            let from = preceding.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
            let preceding = preceding[from..].to_lowercase();
            let preceding =
                preceding.trim_end().trim_end_matches(['«', '“', '"', '„', ' ', '\u{a0}']);
            // "… traten Halluzinationen auf, d. h. …": an explanation later in the sentence.
            let rest_of_sentence =
                sentence.map_or(following, |s| &text[m.range.end..s.range.end.max(m.range.end)]);
            let explained = after.iter().any(|a| following.starts_with(a))
                || LATER_MARKERS.iter().any(|m| rest_of_sentence.contains(m))
                || before.iter().any(|b| preceding.ends_with(b))
                || contains_plain(sentence_text, plain);
            Some(TermUse { entry: m.entry, range: m.range, explained })
        })
        .collect()
}

/// Whether the sentence gives the plain alternative (ignoring case).
fn contains_plain(sentence: &str, plain: &str) -> bool {
    let plain = plain.to_lowercase();
    !plain.is_empty() && sentence.to_lowercase().contains(&plain)
}

/// Reports the first use of each term when it is not explained there.
pub(super) fn first_uses(
    units: &[Unit],
    facts: &[Arc<UnitFacts>],
    language: Language,
    glossary: &Glossary,
    out: &mut Vec<(usize, Finding)>,
) {
    let mut seen = HashSet::new();
    for (unit, facts) in facts.iter().enumerate() {
        for t in &facts.terms {
            if !seen.insert(t.entry) || t.explained {
                continue;
            }
            let Some(term) = glossary.term(t.entry, language) else { continue };
            let Some(plain) = term.plain.as_deref() else { continue };
            let written = &units[unit].text[t.range.clone()];
            let finding = Finding::new(
                Rule::Jargon,
                t.range.clone(),
                match language {
                    Language::De => format!("„{written}“ ist ein Fachbegriff. Erklären Sie ihn beim ersten Mal oder schreiben Sie einfacher: „{plain}“."),
                    Language::Fr => format!("« {written} » est un terme technique. Expliquez-le la première fois ou dites plus simplement : « {plain} »."),
                    _ => format!("“{written}” is a technical term. Explain it the first time, or say it plainly: “{plain}”."),
                },
            )
            .hint(term.definition.clone())
            .fix(
                match language {
                    Language::De => format!("„({plain})“ ergänzen"),
                    Language::Fr => format!("Ajouter « ({plain}) »"),
                    _ => format!("Add “({plain})”"),
                },
                t.range.clone(),
                format!("{written} ({plain})"),
            );
            out.push((unit, finding));
        }
    }
}
