//! The Candor document model: companion documents, imported sources, risk entries, the
//! risk taxonomy, spans and diagnostics.
//!
//! This crate owns the *shape* of the data every other crate exchanges. It does no I/O and
//! knows nothing about Markdown, typst, HTML or SQLite: parsers build these values,
//! renderers and checks read them.

mod diagnostic;
mod document;
mod language;
mod risk;
mod source;
mod source_builder;
mod span;
mod taxonomy;

pub use diagnostic::{Diagnostic, Fix, Severity, Warned};
pub use document::{
    Alignment, Block, CitedSourceInfo, CitedSources, Date, Document, Footnote, Image, Inline,
    LinkTarget, ListItem, Metadata, PassagePlace, RawHtml, SourceLink, SourceRef, Table, TableCell,
    plain_text, source_links_in,
};
pub use language::LanguageTag;
pub use risk::{
    CalibratedWord, Effect, Estimate, Likelihood, Mitigation, RiskEntry, SeverityLevel,
};
pub use source::{
    Bom, BomComponent, ComponentKind, Fact, FactKind, Passage, PassageKind, Section, SourceContent,
    SourceFormat, SourceMetadata, SourceTable,
};
pub use source_builder::{
    SourceBuilder, collapse_whitespace, from_superscript, slug, split_numbering,
};
pub use span::{LineCol, LineIndex, Span};
pub use taxonomy::{
    CategoryGroup, EntryText, MAX_TAXONOMY_BYTES, MitigationKind, RiskCategory, Taxonomy,
    TaxonomyEntry, TaxonomyError, edit_distance, term_words,
};
