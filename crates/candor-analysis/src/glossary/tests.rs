#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use super::*;

const BUILT_IN: [Language; 3] = [Language::En, Language::De, Language::Fr];

/// The matched text of each match, with the id of its entry.
fn found<'a>(glossary: &'a Glossary, text: &'a str, language: Language) -> Vec<(&'a str, &'a str)> {
    glossary
        .find_terms(text, language)
        .into_iter()
        .map(|m| (glossary.entries()[m.entry].id.as_str(), &text[m.range]))
        .collect()
}

fn errors(text: &str) -> Vec<GlossaryError> {
    Glossary::parse(text).err().unwrap_or_default()
}

// --- The built-in data ------------------------------------------------------------------------

#[test]
fn builtin_data_parses() {
    if let Err(errors) = Glossary::parse(BUILTIN) {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("assets/glossary/terms.txt has errors:\n{}", list.join("\n"));
    }
    assert_eq!(
        Glossary::builtin().entries().len(),
        Glossary::parse(BUILTIN).unwrap().entries().len()
    );
}

#[test]
fn builtin_has_at_least_160_entries_with_unique_ids() {
    let entries = Glossary::builtin().entries();
    assert!(entries.len() >= 160, "only {} entries", entries.len());
    let mut ids = std::collections::HashSet::new();
    for entry in entries {
        assert!(ids.insert(entry.id.as_str()), "duplicate id {}", entry.id);
    }
}

#[test]
fn every_builtin_entry_has_english_german_and_french_with_a_definition() {
    for entry in Glossary::builtin().entries() {
        for language in BUILT_IN {
            let term = entry.term(language);
            let term = term.unwrap_or_else(|| panic!("[{}] lacks {}", entry.id, language.code()));
            assert!(!term.definition.trim().is_empty(), "[{}] {}", entry.id, language.code());
            let words = term.definition.split_whitespace().count();
            assert!(words <= 40, "[{}] {}: definition of {words} words", entry.id, language.code());
        }
    }
}

#[test]
fn at_least_110_builtin_entries_have_a_plain_wording_in_every_language() {
    let glossary = Glossary::builtin();
    let with_plain = glossary
        .entries()
        .iter()
        .filter(|e| BUILT_IN.iter().all(|&l| e.term(l).is_some_and(|t| t.plain.is_some())))
        .count();
    assert!(with_plain >= 110, "only {with_plain} entries have a plain wording in en, de and fr");
}

#[test]
fn no_builtin_form_belongs_to_two_entries_of_one_language() {
    // A form in two entries would make a match ambiguous.
    let mut owner: HashMap<(Language, String), &str> = HashMap::new();
    let mut clashes = Vec::new();
    for entry in Glossary::builtin().entries() {
        for term in &entry.terms {
            for form in term.forms() {
                let all_caps = !form.chars().any(char::is_lowercase);
                let key = if all_caps { form.to_owned() } else { form.to_lowercase() };
                let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
                let first = owner.insert((term.language, key), &entry.id);
                if let Some(first) = first.filter(|&first| first != entry.id) {
                    let language = term.language.code();
                    clashes.push(format!("{language} \"{form}\": [{first}] and [{}]", entry.id));
                }
            }
        }
    }
    assert!(clashes.is_empty(), "forms in two entries:\n{}", clashes.join("\n"));
}

#[test]
fn every_builtin_form_finds_itself() {
    let glossary = Glossary::builtin();
    for (at, entry) in glossary.entries().iter().enumerate() {
        for term in &entry.terms {
            for form in term.forms() {
                let text = format!("Here: {form}.");
                let matches = glossary.find_terms(&text, term.language);
                let hit = matches.iter().any(|m| m.entry == at && &text[m.range.clone()] == form);
                assert!(hit, "{} \"{form}\" of [{}] is not found", term.language.code(), entry.id);
            }
        }
    }
}

// --- Finding terms ----------------------------------------------------------------------------

#[test]
fn finds_english_terms_longest_first_in_text_order() {
    let glossary = Glossary::builtin();
    let text = "The large language model was fine-tuned, then we ran a benchmark.";
    assert_eq!(
        found(glossary, text, Language::En),
        [
            ("large-language-model", "large language model"),
            ("fine-tuning", "fine-tuned"),
            ("benchmark", "benchmark")
        ]
    );
    // "general-purpose AI model with systemic risk" beats its shorter beginnings.
    let text = "A general-purpose AI model with systemic risk needs a safety framework.";
    assert_eq!(
        found(glossary, text, Language::En),
        [
            ("gpai-systemic-risk", "general-purpose AI model with systemic risk"),
            ("safety-and-security-framework", "safety framework")
        ]
    );
}

#[test]
fn capitals_only_forms_match_only_in_capitals() {
    let glossary = Glossary::builtin();
    assert_eq!(
        found(glossary, "Our LLM uses RLHF.", Language::En),
        [("large-language-model", "LLM"), ("rlhf", "RLHF")]
    );
    // "flop" and "llm" are not the abbreviations; "LLMs" is not all capitals, so any case.
    assert!(found(glossary, "The launch was a flop; llm rlhf.", Language::En).is_empty());
    assert_eq!(found(glossary, "several llms", Language::En), [("large-language-model", "llms")]);
    // Other forms ignore case, with Unicode lowercasing.
    assert_eq!(
        found(glossary, "LARGE LANGUAGE MODEL", Language::En),
        [("large-language-model", "LARGE LANGUAGE MODEL")]
    );
    assert_eq!(found(glossary, "ÜBERANPASSUNG", Language::De), [("overfitting", "ÜBERANPASSUNG")]);
}

#[test]
fn matches_whole_words_only() {
    let glossary = Glossary::builtin();
    // "tokens" inside "tokensmith", "bias" inside "biassed2" and "LLM" inside "LLM3" are no terms.
    assert!(found(glossary, "tokensmith biasx LLM3 xLLM", Language::En).is_empty());
    // Hyphens and apostrophes may touch a term; they are not letters.
    assert_eq!(found(glossary, "(LLM-based)", Language::En), [("large-language-model", "LLM")]);
    assert_eq!(
        found(glossary, "l'IA générative", Language::Fr),
        [("generative-ai", "IA générative")]
    );
    // A hyphenated term is one term; its parts written apart are not it.
    assert_eq!(found(glossary, "red-teaming", Language::En), [("red-teaming", "red-teaming")]);
    assert!(found(glossary, "fine tuned", Language::En).is_empty());
    // Line breaks and repeated spaces inside a term are fine.
    assert_eq!(found(glossary, "large\n  language model", Language::En).len(), 1);
}

#[test]
fn finds_german_inflected_forms() {
    let glossary = Glossary::builtin();
    let text = "Das Modell wurde mit synthetischen Daten feinabgestimmt; die feinabgestimmten \
                Modelle bestanden die Benchmarks des Red Teams.";
    assert_eq!(
        found(glossary, text, Language::De),
        [
            ("synthetic-data", "synthetischen Daten"),
            ("fine-tuning", "feinabgestimmt"),
            ("fine-tuning", "feinabgestimmten"),
            ("benchmark", "Benchmarks"),
            ("red-teaming", "Red Teams")
        ]
    );
    let text = "Der Anbieter eines KI-Modells mit allgemeinem Verwendungszweck meldet dem KI-Büro.";
    assert_eq!(
        found(glossary, text, Language::De),
        [
            ("provider", "Anbieter"),
            ("general-purpose-ai-model", "KI-Modells mit allgemeinem Verwendungszweck"),
            ("ai-office", "KI-Büro")
        ]
    );
}

#[test]
fn finds_french_terms_after_elision() {
    let glossary = Glossary::builtin();
    let text =
        "L'hallucination et l’injection de prompt sont des risques du grand modèle de langage.";
    assert_eq!(
        found(glossary, text, Language::Fr),
        [
            ("hallucination", "hallucination"),
            ("prompt-injection", "injection de prompt"),
            ("large-language-model", "grand modèle de langage")
        ]
    );
    // The typographic apostrophe inside a term matches the plain one of the glossary.
    assert_eq!(found(glossary, "un modèle d’IA", Language::Fr), [("ai-model", "modèle d’IA")]);
}

#[test]
fn languages_are_kept_apart() {
    let glossary = Glossary::builtin();
    assert!(found(glossary, "Feinabstimmung", Language::En).is_empty());
    assert!(found(glossary, "fine-tuning", Language::Es).is_empty());
}

#[test]
fn odd_input_does_not_panic() {
    let glossary = Glossary::builtin();
    let texts = [
        "",
        " ",
        "é",
        "ß",
        "İİİ LLM",
        "\u{feff}large\u{2028}language\u{a0}model",
        "fine-",
        "-tuning",
        "l'",
        "’’’",
        "🤖 LLM🤖LLM",
        "Σ ΣΑΣ ς",
        "a\u{301}ccent",
        "large language",
    ];
    for text in texts {
        for language in Language::ALL {
            for m in glossary.find_terms(text, language) {
                assert!(text.get(m.range.clone()).is_some(), "{text:?} {:?}", m.range);
            }
        }
    }
    let long = "The fine-tuned LLM was red-teamed. ".repeat(20_000);
    assert_eq!(glossary.find_terms(&long, Language::En).len(), 60_000);
}

// --- Parsing ----------------------------------------------------------------------------------

const PROJECT: &str = "\
# Our own terms.
[fine-tuning]
en: fine-tuning | fine-tuned
en.plain: extra training
en.def: Our own definition.

[house-model]
en: Atlas | Atlas model
en.def: The model this document is about.
";

#[test]
fn parses_a_project_glossary_with_any_languages() {
    let glossary = Glossary::parse(PROJECT).unwrap();
    assert_eq!(glossary.entries().len(), 2);
    let atlas = glossary.entry("house-model").unwrap();
    assert_eq!(atlas.terms.len(), 1);
    let term = &atlas.terms[0];
    assert_eq!(
        (term.term.as_str(), term.variants.as_slice()),
        ("Atlas", ["Atlas model".to_owned()].as_slice())
    );
    assert_eq!(term.plain, None);
    assert_eq!(
        glossary.term(1, Language::En).unwrap().definition,
        "The model this document is about."
    );
    assert!(glossary.term(1, Language::De).is_none());
    assert!(glossary.term(7, Language::En).is_none());
    assert!(Glossary::parse("").unwrap().entries().is_empty());
}

#[test]
fn reports_problems_with_line_numbers() {
    let text = "\
en: before any entry
[Fine Tuning]
en: x
en.def: y
[ok]
en: | models
en.def: d
[ok]
en: a
en.def: b
[no-def]
de: Wort
[plain-only]
fr.plain: simple
fr.def: d
[unknown]
xx: what
en.note: what
en a term
[]
[empty]
[variants]
en: model | models, , AI models
en.def: d
en.def: again
";
    let errors = errors(text);
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [1, 2, 6, 8, 12, 14, 17, 18, 19, 20, 21, 23, 25], "{errors:#?}");
    let message = |line: usize| errors.iter().find(|e| e.line == line).unwrap().to_string();
    assert!(message(1).starts_with("line 1: this line comes before the first entry"));
    assert!(message(2).contains("\"Fine Tuning\" may only use lower-case letters"));
    assert!(message(6).contains("need the English term before them"));
    assert!(message(8).contains("[ok] is already defined on line 5"));
    assert!(message(12).contains("has no German definition"));
    assert!(message(14).contains("no French term"));
    assert!(message(17).contains("unknown key \"xx\""));
    assert!(message(18).contains("unknown key \"en.note\""));
    assert!(message(19).contains("neither an entry heading"));
    assert!(message(20).contains("id is empty"));
    assert!(message(21).contains("[empty] has no term"));
    assert!(message(23).contains("empty variant"));
    assert!(message(25).contains("already given on line 24"));
}

#[test]
fn reports_forms_that_cannot_be_matched() {
    let found = errors("[x]\nen: (model) | ok\nen.def: d\n");
    assert_eq!(found.len(), 1);
    assert!(found[0].to_string().starts_with("line 2: the English form \"(model)\""));
    let found = errors("[x\nen: a\nen.def: b\n");
    assert_eq!(found[0].line, 1);
    assert!(found[0].message.contains("must end with ]"));
}

// --- Merging ----------------------------------------------------------------------------------

#[test]
fn merged_replaces_given_languages_and_appends_new_entries() {
    let builtin = Glossary::builtin();
    let project = Glossary::parse(PROJECT).unwrap();
    let merged = builtin.merged(&project);
    assert_eq!(merged.entries().len(), builtin.entries().len() + 1);

    let fine = merged.entry("fine-tuning").unwrap();
    let english = fine.term(Language::En).unwrap();
    assert_eq!(english.definition, "Our own definition.");
    assert_eq!(english.plain.as_deref(), Some("extra training"));
    // German and French stay as built in.
    assert_eq!(fine.term(Language::De), builtin.entry("fine-tuning").unwrap().term(Language::De));
    assert!(fine.term(Language::Fr).is_some());

    // The replaced English forms are what the search now knows: "fine-tunes" was built in only.
    assert_eq!(
        found(&merged, "fine-tunes and fine-tuned", Language::En),
        [("fine-tuning", "fine-tuned")]
    );
    // The new entry is last and searchable.
    assert_eq!(merged.entries().last().unwrap().id, "house-model");
    assert_eq!(found(&merged, "the Atlas model", Language::En), [("house-model", "Atlas model")]);
    assert!(merged.find_terms("the Atlas model", Language::De).is_empty());
}

#[test]
fn merged_adds_a_language_an_entry_lacked() {
    let base = Glossary::parse("[a]\nen: alpha\nen.def: first\n").unwrap();
    let project = Glossary::parse("[a]\nde: Alpha-Wert\nde.def: erster\n").unwrap();
    let merged = base.merged(&project);
    let entry = merged.entry("a").unwrap();
    assert_eq!(entry.terms.len(), 2);
    assert_eq!(found(&merged, "ein Alpha-Wert", Language::De), [("a", "Alpha-Wert")]);
}
