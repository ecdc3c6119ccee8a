//! The blocks of a `candor-changelog` block: the noted versions of a document, newest first.

use candor_model::{Block, Date, Inline, LanguageTag, ListItem, Span};

use crate::labels::Labels;

/// One line of a changelog: a version of the document with a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangelogEntry {
    /// The version as the document's front matter (`version:`) named it then, or the
    /// number of the stored version.
    pub version: String,
    /// The day the version was made.
    pub date: Option<Date>,
    /// What changed, in the author's words.
    pub note: String,
}

/// The entries, in the order given, as a bulleted list ("**Version 1.2 — 1 March 2026:**
/// Added …"), or a sentence saying there are none. `lang` picks the words and the date format.
pub fn changelog_blocks(entries: &[ChangelogEntry], lang: &LanguageTag, span: Span) -> Vec<Block> {
    let text = |t: &str| Inline::Text { text: t.to_owned(), span: Span::default() };
    let language = lang.as_str().split(['-', '_']).next().unwrap_or("");
    if entries.is_empty() {
        let none = match language {
            "de" => "Für dieses Dokument sind noch keine Änderungen verzeichnet.",
            "fr" => "Aucune modification n'est encore enregistrée pour ce document.",
            _ => "No changes to this document have been recorded yet.",
        };
        return vec![Block::Paragraph { content: vec![text(none)], span }];
    }
    let labels = Labels::for_language(lang);
    // French sets a space before a colon.
    let colon = if language == "fr" { "\u{a0}:" } else { ":" };
    let items = entries
        .iter()
        .map(|entry| {
            let mut heading = format!("{} {}", labels.version, entry.version);
            if let Some(date) = entry.date {
                heading.push_str(" — ");
                heading.push_str(&labels.date(date));
            }
            heading.push_str(colon);
            ListItem {
                checked: None,
                blocks: vec![Block::Paragraph {
                    content: vec![
                        Inline::Strong { content: vec![text(&heading)] },
                        text(&format!(" {}", entry.note)),
                    ],
                    span,
                }],
                span,
            }
        })
        .collect();
    vec![Block::List { start: None, items, span }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(blocks: &[Block]) -> String {
        format!("{blocks:?}")
    }

    #[test]
    fn entries_in_words_per_language() {
        let entries = [ChangelogEntry {
            version: "1.2".into(),
            date: Some(Date { year: 2026, month: 3, day: 1 }),
            note: "Added the risk of harmful manipulation.".into(),
        }];
        let en = flat(&changelog_blocks(&entries, &LanguageTag::default(), Span::default()));
        assert!(en.contains("Version 1.2 — 1 March 2026:"), "{en}");
        assert!(en.contains(" Added the risk of harmful manipulation."), "{en}");
        let de = LanguageTag::parse("de").unwrap_or_default();
        let de = flat(&changelog_blocks(&entries, &de, Span::default()));
        assert!(de.contains("März 2026:"), "{de}");
        let none = flat(&changelog_blocks(&[], &LanguageTag::default(), Span::default()));
        assert!(none.contains("No changes"), "{none}");
    }
}
