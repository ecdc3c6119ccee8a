//! Metadata written as labelled fields in the text ("**Developed by:** BigScience",
//! "Model Release Date: July 23, 2024", a "### Model date" section), for every importer.
//! Values already known (from front matter or `<meta>` tags) are never replaced.

use candor_model::{Passage, PassageKind, Section, SourceMetadata};

use super::first_date;

/// Only the start of a long document is searched for unlabelled mentions ("Published by
/// Anthropic · version 3.1").
const EARLY_PASSAGES: usize = 20;

/// One-word labels ("Developer:", "Date:") count only this near the start.
const GENERIC_PASSAGES: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Provider,
    Model,
    Version,
    Date,
    Licence,
}

/// Labels, lowercase, and the field each names. Labels starting with "model " may be
/// written without a colon ("**Model Developers** Meta"); the others need one.
const LABELS: &[(&str, Field)] = &[
    ("developed by", Field::Provider),
    ("model developers", Field::Provider),
    ("model developer", Field::Provider),
    ("model creator", Field::Provider),
    ("model provider", Field::Provider),
    ("created by", Field::Provider),
    ("published by", Field::Provider),
    ("provider", Field::Provider),
    ("developer", Field::Provider),
    ("developers", Field::Provider),
    ("organization", Field::Provider),
    ("organisation", Field::Provider),
    ("authors", Field::Provider),
    ("author", Field::Provider),
    ("model name", Field::Model),
    ("model id", Field::Model),
    ("model version", Field::Version),
    ("version", Field::Version),
    ("model release date", Field::Date),
    ("release date estimate", Field::Date),
    ("release date", Field::Date),
    ("model date", Field::Date),
    ("date of release", Field::Date),
    ("publication date", Field::Date),
    ("published", Field::Date),
    ("last updated", Field::Date),
    ("effective date", Field::Date),
    ("date", Field::Date),
    ("model license", Field::Licence),
    ("model licence", Field::Licence),
    ("license", Field::Licence),
    ("licence", Field::Licence),
];

/// Fills the metadata fields still empty from labelled text in the passages and from
/// sections titled like a field.
pub(crate) fn fill_metadata(meta: &mut SourceMetadata, sections: &[Section], passages: &[Passage]) {
    for (index, passage) in passages.iter().enumerate() {
        if !matches!(
            passage.kind,
            PassageKind::Paragraph | PassageKind::ListItem | PassageKind::Field
        ) {
            continue;
        }
        if let Some((label, field, value)) = labelled(&passage.text) {
            // "developer: …" deep in a document is a definition, not the card's field.
            if index < GENERIC_PASSAGES || label.contains(' ') {
                set(meta, field, &value);
            }
        }
    }
    // "### Model date" followed by "February 2019, trained on …".
    for (index, section) in sections.iter().enumerate() {
        let title = section.title.trim_end_matches([':', '.']).to_lowercase();
        let Some(&(_, field)) = LABELS.iter().find(|(label, _)| *label == title) else {
            continue;
        };
        // Only a short first passage is the value ("February 2019, trained on …" holds a
        // date; "The following license applies to …" is no licence name).
        if let Some(first) = passages.iter().find(|p| p.section == Some(index))
            && (matches!(field, Field::Date | Field::Version)
                || first.text.split_whitespace().count() <= 8)
        {
            set(meta, field, &first.text);
        }
    }
    for passage in passages.iter().take(EARLY_PASSAGES) {
        unlabelled(meta, &passage.text);
    }
}

/// "Label: value" or, for "model …" labels, "Label value".
fn labelled(text: &str) -> Option<(&'static str, Field, String)> {
    let lower = text.to_lowercase();
    LABELS.iter().find_map(|&(label, field)| {
        let rest = lower.strip_prefix(label)?;
        let value_at = text.len() - rest.len();
        let value = text.get(value_at..)?;
        let trimmed = value.trim_start();
        if let Some(v) = trimmed.strip_prefix(':') {
            return Some((label, field, v.trim().to_owned()));
        }
        let colonless = label.starts_with("model ")
            || (field == Field::Version
                && trimmed
                    .trim_start_matches(['v', 'V'])
                    .starts_with(|c: char| c.is_ascii_digit()));
        (colonless && value.starts_with(char::is_whitespace))
            .then(|| (label, field, trimmed.to_owned()))
    })
}

/// "Published by Anthropic · version 3.1 · effective 2026-04-02" in the opening text.
fn unlabelled(meta: &mut SourceMetadata, text: &str) {
    let lower = text.to_lowercase();
    for phrase in ["published by ", "developed by ", "released by "] {
        if meta.provider.is_none()
            && let Some(at) = lower.find(phrase)
            && let Some(value) = text.get(at + phrase.len()..)
        {
            set(meta, Field::Provider, value);
        }
    }
    if meta.version.is_none()
        && let Some(at) = lower.find("version ")
        && let Some(value) = text.get(at + "version ".len()..)
        && value.starts_with(|c: char| c.is_ascii_digit())
    {
        set(meta, Field::Version, value);
    }
    let dated = ["effective", "published", "released", "updated", "release date"];
    if meta.date.is_none() && dated.iter().any(|w| lower.contains(w)) {
        meta.date = first_date(text);
    }
}

fn set(meta: &mut SourceMetadata, field: Field, value: &str) {
    let slot = match field {
        Field::Provider => &mut meta.provider,
        Field::Model => &mut meta.model,
        Field::Version => &mut meta.version,
        Field::Date => &mut meta.date,
        Field::Licence => &mut meta.licence,
    };
    if slot.is_some() {
        return;
    }
    *slot = match field {
        Field::Date => first_date(value),
        Field::Version => version(value),
        // Names start with a capital or a digit ("Meta", "01.AI"), not "from the …".
        Field::Provider => short(value, 60, 6)
            .filter(|v| v.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())),
        Field::Model => short(value, 60, 8),
        // "RAIL License v1.0 (link)" is a name; "Use of X is governed by the X Community
        // License" is a sentence naming one.
        Field::Licence
            if [" is ", " are ", " by ", " under "].iter().any(|w| value.contains(w)) =>
        {
            named_licence(value).or_else(|| short(value, 80, 10))
        }
        Field::Licence => short(value, 80, 10),
    };
}

/// A value that is actually written: not blank, not "[More Information Needed]", not a
/// template placeholder.
fn written(value: &str) -> Option<&str> {
    let v = value.trim();
    let placeholder = v.is_empty()
        || v.contains("{{")
        || v.to_lowercase().contains("more information needed")
        || v.eq_ignore_ascii_case("n/a")
        || v.eq_ignore_ascii_case("none")
        || v.eq_ignore_ascii_case("unknown");
    (!placeholder).then_some(v)
}

/// The value up to the first bracket, separator or sentence end, if it is short.
fn short(value: &str, max_chars: usize, max_words: usize) -> Option<String> {
    let v = written(value)?;
    let cut = [" (", " [", ";", ",", " · ", " - ", " – ", " — ", ". ", " to ", " and is ", " is "]
        .iter()
        .filter_map(|sep| v.find(sep))
        .min()
        .unwrap_or(v.len());
    let v = v[..cut].trim().trim_end_matches(['.', ':']).trim();
    let ok = !v.is_empty()
        && v.chars().count() <= max_chars
        && v.split_whitespace().count() <= max_words;
    ok.then(|| v.to_owned())
}

/// "the Llama 3.2 Community License" in "Use of Llama 3.2 is governed by the Llama 3.2
/// Community License (a custom …)": capitalised words before "License".
fn named_licence(value: &str) -> Option<String> {
    let v = written(value)?;
    let words: Vec<&str> = v.split_whitespace().collect();
    let at = words.iter().position(|w| {
        let w = w.trim_end_matches([',', '.', ';', ')']);
        matches!(w, "License" | "Licence" | "LICENSE" | "Agreement")
    })?;
    let mut start = at;
    while start > 0
        && at - start < 6
        && words[start - 1].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    {
        start -= 1;
    }
    let name = words[start..=at].join(" ");
    (start < at).then(|| name.trim_end_matches([',', '.', ';', ')']).to_owned())
}

/// The first word, if it looks like a version ("1.0.0", "v2", "3.1").
fn version(value: &str) -> Option<String> {
    let v = written(value)?;
    let word = v.split_whitespace().next()?.trim_end_matches([',', '.', ';', ':', ')']);
    let digits = word.trim_start_matches(['v', 'V']);
    (digits.starts_with(|c: char| c.is_ascii_digit()) && word.chars().count() <= 20)
        .then(|| word.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(text: &str, section: Option<usize>) -> Passage {
        Passage {
            id: "p".into(),
            kind: PassageKind::Paragraph,
            section,
            text: text.into(),
            page: None,
        }
    }

    fn meta_of(texts: &[&str]) -> SourceMetadata {
        let passages: Vec<_> = texts.iter().map(|t| passage(t, None)).collect();
        let mut meta = SourceMetadata::default();
        fill_metadata(&mut meta, &[], &passages);
        meta
    }

    #[test]
    fn labelled_fields() {
        let meta = meta_of(&[
            "Developed by: BigScience (website)",
            "Version: 1.0.0",
            "Release Date Estimate: Monday, 11.July.2022",
            "License: RAIL License v1.0 (link)",
            "Model name: Example-1",
        ]);
        assert_eq!(meta.provider.as_deref(), Some("BigScience"));
        assert_eq!(meta.version.as_deref(), Some("1.0.0"));
        assert_eq!(meta.date.as_deref(), Some("11.July.2022"));
        assert_eq!(meta.licence.as_deref(), Some("RAIL License v1.0"));
        assert_eq!(meta.model.as_deref(), Some("Example-1"));
    }

    #[test]
    fn colonless_model_labels_and_first_value_wins() {
        let meta = meta_of(&[
            "Model Developers Meta",
            "Developers may fine-tune Llama 2 models for languages beyond English.",
            "Model Release Date: July 23, 2024.",
            "Developed by: Someone else",
        ]);
        assert_eq!(meta.provider.as_deref(), Some("Meta"));
        assert_eq!(meta.date.as_deref(), Some("July 23, 2024"));
    }

    #[test]
    fn placeholders_are_not_values() {
        let meta = meta_of(&[
            "Developed by: [More Information Needed]",
            "License: {{ license | default(\"[More Information Needed]\", true)}}",
        ]);
        assert_eq!(meta.provider, None);
        assert_eq!(meta.licence, None);
    }

    #[test]
    fn sections_named_like_fields() {
        let sections = vec![Section {
            id: "sec-model-date".into(),
            level: 3,
            number: None,
            title: "Model date".into(),
            parent: None,
            page: None,
        }];
        let passages = vec![passage(
            "February 2019, trained on data that cuts off at the end of 2017.",
            Some(0),
        )];
        let mut meta = SourceMetadata::default();
        fill_metadata(&mut meta, &sections, &passages);
        assert_eq!(meta.date.as_deref(), Some("February 2019"));
    }

    #[test]
    fn unlabelled_mentions_in_the_opening() {
        let meta =
            meta_of(&["Published by Anthropic · version 3.1 · effective 2026-04-02 · canonical"]);
        assert_eq!(meta.provider.as_deref(), Some("Anthropic"));
        assert_eq!(meta.version.as_deref(), Some("3.1"));
        assert_eq!(meta.date.as_deref(), Some("2026-04-02"));
    }
}
