//! The fixed words Candor prints around the author's text (field labels, dates), by
//! document language: English, German and French; other languages fall back to English.

use candor_model::{Date, LanguageTag};

use crate::risk_text::Language;

/// The words for one language.
#[derive(Debug, Clone, Copy)]
pub struct Labels {
    pub model: &'static str,
    pub provider: &'static str,
    pub version: &'static str,
    pub published: &'static str,
    pub audience: &'static str,
    /// Page footer, with `{n}` and `{total}`.
    pub page_of: &'static str,
    pub what_could_happen: &'static str,
    pub how_likely: &'static str,
    pub how_serious: &'static str,
    pub who_is_affected: &'static str,
    pub what_was_done: &'static str,
    pub what_you_can_do: &'static str,
    pub sources: &'static str,
    pub source_passage: &'static str,
    /// Before a section of a cited source ("section 7.3 Evaluation").
    pub source_section: &'static str,
    /// Before a page number ("page 12").
    pub source_page: &'static str,
    /// The list of cited documents at the end.
    pub sources_documents: &'static str,
    /// "version {version}".
    pub source_version: &'static str,
    /// "file {file}, SHA-256 {sha}".
    pub source_file: &'static str,
    pub risk: &'static str,
    pub category: &'static str,
    pub likelihood: &'static str,
    pub severity: &'static str,
    /// Column of the risk overview listing the mitigations.
    pub mitigations: &'static str,
    pub not_stated: &'static str,
    pub task_done: &'static str,
    /// Opening of a `candor-bom` block, with `{model}`, `{source}` and `{spec}`.
    pub bom_intro: &'static str,
    pub bom_models: &'static str,
    pub bom_datasets: &'static str,
    pub bom_software: &'static str,
    pub bom_other: &'static str,
    pub bom_nothing: &'static str,
    pub licence_not_stated: &'static str,
    /// "and {n} more".
    pub and_more: &'static str,
    pub trained_on: &'static str,
    pub tested_on: &'static str,
    pub task_not_done: &'static str,
    pub severity_words: [&'static str; 4],
    months: [&'static str; 12],
    /// After the day in a date ("1. März 2026").
    day_suffix: &'static str,
    /// The first day of a month ("1er" in French).
    first_day: &'static str,
}

static ENGLISH: Labels = Labels {
    model: "Model",
    provider: "Provider",
    version: "Version",
    published: "Published",
    audience: "Written for",
    page_of: "Page {n} of {total}",
    what_could_happen: "What could happen",
    how_likely: "How likely it is",
    how_serious: "How serious it would be",
    who_is_affected: "Who could be affected",
    what_was_done: "What the provider did about it",
    what_you_can_do: "What you can do",
    sources: "Sources",
    source_passage: "passage",
    source_section: "section",
    source_page: "page",
    sources_documents: "The documents cited",
    source_version: "version {version}",
    source_file: "file {file}, SHA-256 {sha}",
    risk: "Risk",
    category: "Area",
    likelihood: "Likelihood",
    severity: "Severity",
    mitigations: "What was done",
    not_stated: "not stated",
    task_done: "Done",
    bom_intro: "According to its AI bill of materials ({source}, {spec}), {model} is built from these parts:",
    bom_models: "Models it builds on",
    bom_datasets: "Data",
    bom_software: "Main software",
    bom_other: "Other parts",
    bom_nothing: "The AI bill of materials lists no parts besides the model itself.",
    licence_not_stated: "licence not stated",
    and_more: "and {n} more",
    trained_on: "used for training",
    tested_on: "used for testing",
    task_not_done: "Not done",
    severity_words: ["low", "moderate", "high", "critical"],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    day_suffix: "",
    first_day: "1",
};

static GERMAN: Labels = Labels {
    model: "Modell",
    provider: "Anbieter",
    version: "Version",
    published: "Veröffentlicht",
    audience: "Geschrieben für",
    page_of: "Seite {n} von {total}",
    what_could_happen: "Was passieren könnte",
    how_likely: "Wie wahrscheinlich es ist",
    how_serious: "Wie schwer es wäre",
    who_is_affected: "Wer betroffen sein könnte",
    what_was_done: "Was der Anbieter dagegen getan hat",
    what_you_can_do: "Was Sie tun können",
    sources: "Quellen",
    source_passage: "Abschnitt",
    source_section: "Abschnitt",
    source_page: "Seite",
    sources_documents: "Die zitierten Dokumente",
    source_version: "Version {version}",
    source_file: "Datei {file}, SHA-256 {sha}",
    risk: "Risiko",
    category: "Bereich",
    likelihood: "Wahrscheinlichkeit",
    severity: "Schwere",
    mitigations: "Was getan wurde",
    not_stated: "nicht angegeben",
    task_done: "Erledigt",
    bom_intro: "Laut seiner KI-Stückliste ({source}, {spec}) besteht {model} aus diesen Teilen:",
    bom_models: "Modelle, auf denen es aufbaut",
    bom_datasets: "Daten",
    bom_software: "Wichtigste Software",
    bom_other: "Weitere Teile",
    bom_nothing: "Die KI-Stückliste nennt außer dem Modell selbst keine Teile.",
    licence_not_stated: "Lizenz nicht angegeben",
    and_more: "und {n} weitere",
    trained_on: "zum Trainieren verwendet",
    tested_on: "zum Testen verwendet",
    task_not_done: "Nicht erledigt",
    severity_words: ["gering", "mittel", "hoch", "kritisch"],
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    day_suffix: ".",
    first_day: "1.",
};

static FRENCH: Labels = Labels {
    model: "Modèle",
    provider: "Fournisseur",
    version: "Version",
    published: "Publié le",
    audience: "Écrit pour",
    page_of: "Page {n} sur {total}",
    what_could_happen: "Ce qui pourrait arriver",
    how_likely: "Quelle est la probabilité",
    how_serious: "Quelle serait la gravité",
    who_is_affected: "Qui pourrait être touché",
    what_was_done: "Ce que le fournisseur a fait",
    what_you_can_do: "Ce que vous pouvez faire",
    sources: "Sources",
    source_passage: "passage",
    source_section: "section",
    source_page: "page",
    sources_documents: "Les documents cités",
    source_version: "version {version}",
    source_file: "fichier {file}, SHA-256 {sha}",
    risk: "Risque",
    category: "Domaine",
    likelihood: "Probabilité",
    severity: "Gravité",
    mitigations: "Ce qui a été fait",
    not_stated: "non indiqué",
    task_done: "Fait",
    bom_intro: "Selon sa nomenclature d’IA ({source}, {spec}), {model} est fait de ces éléments\u{a0}:",
    bom_models: "Modèles sur lesquels il s’appuie",
    bom_datasets: "Données",
    bom_software: "Logiciels principaux",
    bom_other: "Autres éléments",
    bom_nothing: "La nomenclature d’IA ne cite aucun élément en dehors du modèle lui-même.",
    licence_not_stated: "licence non indiquée",
    and_more: "et {n} de plus",
    trained_on: "utilisé pour l’entraînement",
    tested_on: "utilisé pour les tests",
    task_not_done: "Pas fait",
    severity_words: ["faible", "modérée", "élevée", "critique"],
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    day_suffix: "",
    first_day: "1er",
};

impl Labels {
    /// The labels for a document language.
    pub fn for_language(lang: &LanguageTag) -> &'static Labels {
        match Language::for_tag(lang).0 {
            Language::English => &ENGLISH,
            Language::German => &GERMAN,
            Language::French => &FRENCH,
        }
    }

    /// A date in words, e.g. "1 March 2026".
    pub fn date(&self, date: Date) -> String {
        let month =
            self.months.get(usize::from(date.month).saturating_sub(1)).copied().unwrap_or("");
        let day = if date.day == 1 {
            self.first_day.to_owned()
        } else {
            format!("{}{}", date.day, self.day_suffix)
        };
        format!("{day} {month} {}", date.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words() {
        let labels = Labels::for_language(&LanguageTag::default());
        assert_eq!(labels.date(Date { year: 2026, month: 3, day: 1 }), "1 March 2026");
    }
}
