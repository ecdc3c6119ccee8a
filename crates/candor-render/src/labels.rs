//! The fixed words Candor prints around the author's text (field labels, dates), by
//! document language. English is complete; other languages fall back to it until translated.

use candor_model::{Date, LanguageTag};

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
    pub risk: &'static str,
    pub category: &'static str,
    pub likelihood: &'static str,
    pub severity: &'static str,
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
    /// Text alternative of an icon array, with `{filled}` and `{total}`.
    pub icons_filled: &'static str,
    pub task_not_done: &'static str,
    pub severity_words: [&'static str; 4],
    months: [&'static str; 12],
}

const ENGLISH: Labels = Labels {
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
    risk: "Risk",
    category: "Area",
    likelihood: "Likelihood",
    severity: "Severity",
    not_stated: "not stated",
    task_done: "Done",
    icons_filled: "{filled} of the {total} dots are filled in.",
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
};

impl Labels {
    /// The labels for a document language.
    pub fn for_language(_lang: &LanguageTag) -> &'static Labels {
        &ENGLISH
    }

    /// A date in words, e.g. "1 March 2026".
    pub fn date(&self, date: Date) -> String {
        let month =
            self.months.get(usize::from(date.month).saturating_sub(1)).copied().unwrap_or("");
        format!("{} {month} {}", date.day, date.year)
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
