//! The blocks of a `candor-glossary` block: the terms a document uses, with their meaning.

use candor_model::{Block, Inline, LanguageTag, ListItem, Span};

/// A list of `(term, definition)` pairs as a bulleted list ("**term**: definition"), or a
/// sentence saying there are none. `lang` picks the words of that sentence.
pub fn glossary_blocks(terms: &[(String, String)], lang: &LanguageTag, span: Span) -> Vec<Block> {
    let text = |t: &str| Inline::Text { text: t.to_owned(), span: Span::default() };
    if terms.is_empty() {
        let none = match lang.as_str().split(['-', '_']).next().unwrap_or("") {
            "de" => "Dieses Dokument verwendet keine Begriffe aus dem Glossar.",
            "fr" => "Ce document n'utilise aucun terme du glossaire.",
            _ => "This document uses no terms from the glossary.",
        };
        return vec![Block::Paragraph { content: vec![text(none)], span }];
    }
    let items = terms
        .iter()
        .map(|(term, definition)| ListItem {
            checked: None,
            blocks: vec![Block::Paragraph {
                content: vec![
                    Inline::Strong { content: vec![text(term)] },
                    text(&format!(": {definition}")),
                ],
                span,
            }],
            span,
        })
        .collect();
    vec![Block::List { start: None, items, span }]
}
