//! Shared fixtures for the unit tests.

use candor_model::{Fact, FactKind, PassageKind, SourceBuilder, SourceContent, SourceFormat};

use crate::sources::NewSource;

pub(crate) const T0: &str = "2026-03-01T09:00:00Z";
pub(crate) const T1: &str = "2026-03-01T10:00:00Z";
pub(crate) const T2: &str = "2026-03-01T11:00:00Z";
pub(crate) const T3: &str = "2026-03-01T12:00:00Z";

/// A small model report: two sections, a few passages, a fact.
pub(crate) fn report() -> SourceContent {
    let mut b = SourceBuilder::new();
    b.metadata().title = Some("Frontier Model Report".into());
    b.passage(
        PassageKind::Paragraph,
        "This report describes the modèle and its evaluations.",
        Some(1),
    );
    b.section(1, None, "7 Risks", Some(3));
    b.section(2, None, "7.3 Risk estimates", Some(4));
    b.passage(
        PassageKind::Paragraph,
        "We estimate the risk of misuse for cyber offence as low, at about 2% of attempts.",
        Some(4),
    );
    b.passage(PassageKind::ListItem, "Evaluations were run by an external red team.", Some(5));
    b.section(1, None, "8 Training data", Some(6));
    b.passage(
        PassageKind::Paragraph,
        "The model was trained on 15T tokens of public text.",
        Some(6),
    );
    b.set_pages(9);
    let mut content = b.finish();
    content.facts.push(Fact {
        kind: FactKind::Percentage,
        value: 0.02,
        unit: "%".into(),
        text: "2%".into(),
        sentence: "We estimate the risk … at about 2% of attempts.".into(),
        passage: "sec-7-3-p1".into(),
    });
    content
}

pub(crate) fn new_source<'a>(
    id: &'a str,
    bytes: &'a [u8],
    content: &'a SourceContent,
) -> NewSource<'a> {
    NewSource {
        id,
        file_name: "report.pdf",
        format: SourceFormat::Pdf,
        bytes,
        imported_at: T0,
        title: None,
        content,
    }
}
