//! Readability of a companion document: per paragraph, per section and for the whole text.

use candor_model::{Block, Document, Span, plain_text};
use serde::Serialize;

use super::{Language, Readability, TextStats};

/// A paragraph (or heading, list item, risk card) or a section, with its readability.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartReadability {
    /// The heading of a section; the first words of a paragraph.
    pub label: String,
    pub span: Span,
    pub readability: Readability,
}

/// The readability of a whole document and of its parts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentReadability {
    pub whole: Readability,
    /// Sections begin at each heading; text before the first heading is a section of its own.
    pub sections: Vec<PartReadability>,
    pub paragraphs: Vec<PartReadability>,
    /// The school grade the header asks for (`reading_level`), if any.
    pub target_grade: Option<u8>,
}

/// Measures every paragraph, heading, list item, quotation and risk card of `doc` in the
/// document's language (from its `lang`; languages without formulas get LIX and RIX). Code,
/// tables, raw HTML, generated blocks and guidance for the author are not reader text.
pub fn document_readability(doc: &Document) -> DocumentReadability {
    let language = Language::from_tag(doc.meta.lang.as_str());
    let mut units: Vec<Unit> = Vec::new();
    collect(&doc.blocks, &mut units);

    let mut whole = TextStats::default();
    let mut sections: Vec<(String, Span, TextStats)> = Vec::new();
    let mut paragraphs = Vec::with_capacity(units.len());
    for unit in &units {
        let stats = TextStats::of(&unit.text, language);
        whole.add(&stats);
        match (&unit.heading, sections.last_mut()) {
            (true, _) | (false, None) => {
                let label = if unit.heading { unit.text.clone() } else { String::new() };
                sections.push((label, unit.span, stats));
            }
            (false, Some(section)) => {
                section.1.end = unit.span.end;
                section.2.add(&stats);
            }
        }
        if stats.words > 0 {
            paragraphs.push(PartReadability {
                label: first_words(&unit.text),
                span: unit.span,
                readability: Readability::from_stats(stats, language),
            });
        }
    }
    DocumentReadability {
        whole: Readability::from_stats(whole, language),
        sections: sections
            .into_iter()
            .map(|(label, span, stats)| PartReadability {
                label,
                span,
                readability: Readability::from_stats(stats, language),
            })
            .collect(),
        paragraphs,
        target_grade: doc.meta.reading_level,
    }
}

struct Unit {
    text: String,
    span: Span,
    heading: bool,
}

fn collect(blocks: &[Block], out: &mut Vec<Unit>) {
    for block in blocks {
        match block {
            Block::Heading { content, span, .. } => {
                out.push(Unit { text: plain_text(content), span: *span, heading: true });
            }
            Block::Paragraph { content, span } => {
                out.push(Unit { text: plain_text(content), span: *span, heading: false });
            }
            Block::List { items, .. } => {
                for item in items {
                    collect(&item.blocks, out);
                }
            }
            Block::BlockQuote { blocks, .. } => collect(blocks, out),
            Block::Risk { risk, span } => {
                let mut parts = vec![ensure_stop(&risk.title)];
                parts.extend(risk.what_could_happen.iter().map(|t| ensure_stop(t)));
                parts.extend(risk.who_is_affected.iter().map(|t| ensure_stop(t)));
                parts.extend(risk.mitigations.iter().map(|m| ensure_stop(&m.what_we_did)));
                parts.extend(risk.what_you_can_do.iter().map(|t| ensure_stop(t)));
                out.push(Unit { text: parts.join(" "), span: *span, heading: false });
            }
            _ => {}
        }
    }
}

/// A field of a risk card is shown as its own line: it ends a sentence even without a stop.
fn ensure_stop(text: &str) -> String {
    let text = text.trim();
    match text.chars().last() {
        Some('.' | '!' | '?' | '…') | None => text.to_owned(),
        Some(_) => format!("{text}."),
    }
}

fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    let mut label = words.join(" ");
    if text.split_whitespace().count() > 8 {
        label.push('…');
    }
    label
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::Formula;
    use candor_model::Inline;

    fn doc(text: &str) -> Document {
        // The analysis crate does not parse Markdown; build the model by hand.
        let para = |t: &str, start: usize| Block::Paragraph {
            content: vec![Inline::Text { text: t.to_owned(), span: Span::default() }],
            span: Span { start, end: start + t.len() },
        };
        let heading = |t: &str, start: usize| Block::Heading {
            level: 1,
            id: None,
            content: vec![Inline::Text { text: t.to_owned(), span: Span::default() }],
            span: Span { start, end: start + t.len() },
        };
        let mut d = Document::default();
        d.meta.lang = candor_model::LanguageTag::parse("en").unwrap();
        d.meta.reading_level = Some(9);
        d.blocks = vec![
            para("An introduction before any heading.", 0),
            heading("What it is", 40),
            para(text, 60),
            heading("Risks", 200),
            para("It can be wrong. Check what it says.", 210),
        ];
        d
    }

    #[test]
    fn sections_begin_at_headings_and_add_up_to_the_whole() {
        let d = doc("The model writes text. It answers questions.");
        let r = document_readability(&d);
        assert_eq!(r.sections.len(), 3);
        assert_eq!(r.sections[1].label, "What it is");
        assert_eq!(r.paragraphs.len(), 5);
        let sum: u32 = r.sections.iter().map(|s| s.readability.stats.words).sum();
        assert_eq!(sum, r.whole.stats.words);
        assert_eq!(r.target_grade, Some(9));
        assert!(r.whole.score(Formula::FleschKincaidGrade).is_some());
        assert_eq!(r.sections[1].span, Span { start: 40, end: 60 + 44 });
    }
}
