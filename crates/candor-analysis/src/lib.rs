//! Checks on the document model: what a source discloses, how readable a companion document
//! is, and what in it a member of the public will struggle with.
//!
//! This crate reads values of `candor-model` and returns data about them. It is pure: no I/O,
//! no clock, no heavy dependency, no panics on odd content. It does not parse file formats
//! (that is `candor-import`) and does not render anything (that is `candor-render`).
//!
//! - [`disclosure_map`] marks every field of the EU Model Documentation Form and of the
//!   Hugging Face model card ([`TRANSPARENCY_FIELDS`]) as disclosed, not disclosed or
//!   unknown for one imported source, with the passage that shows it;
//!   [`DisclosureSummary`] counts it per framework for one-line summaries.
//! - [`readability`] scores a text with the formulas of its [`Language`] (Flesch, Flesch–
//!   Kincaid, Amstad, Wiener Sachtextformel, Kandel–Moles, Fernández-Huerta, Szigriszt-Pazos,
//!   Gulpease, Flesch–Douma, Brouwer) and LIX and RIX for every language;
//!   [`document_readability`] does so per paragraph, per section and for a whole document.
//! - [`PlainLanguageChecker`] runs the plain-language [`Rule`]s (long sentences, passive voice,
//!   jargon, undefined abbreviations, vague qualifiers, percentages without a reference class,
//!   …) and remembers per paragraph what it found, so re-checking after an edit is cheap.
//! - [`check_risks`] checks risk blocks against the taxonomy (categories, mitigation kinds,
//!   every specified systemic risk covered), against themselves and against the text around
//!   them.
//! - [`source_coverage`] tells which sections of a source a document draws on, which of them
//!   are about risks or mitigations, and which disclosed fields the document leaves out.
//! - [`glossary::Glossary`] holds the built-in AI and EU AI Act terms (en, de, fr) and a
//!   project's own; [`glossary_terms_used`] lists those a document uses.
//! - [`check_brand_colours`] checks brand colours against the template backgrounds by WCAG 2.2
//!   ([`contrast_ratio`]) and proposes the nearest accessible alternative.

mod contrast;
mod coverage;
mod diff;
mod disclosure;
mod faithfulness;
pub mod glossary;
mod plain;
mod readability;
mod risks;
mod source_changes;

pub use contrast::{
    Backdrop, BrandCheck, BrandColour, ColourUse, ContrastFailure, Rgb, accessible_alternative,
    check_brand_colours, contrast_ratio, relative_luminance,
};
pub use coverage::{FieldLeftOut, SectionCoverage, SourceCoverage, source_coverage};
pub use diff::{DiffLine, DiffPart, DiffRow, DiffRun, TextDiff, diff_text};
pub use disclosure::{
    BomSignal, Disclosure, DisclosureCounts, DisclosureSummary, Evidence, FieldDisclosure,
    Framework, TRANSPARENCY_FIELDS, TransparencyField, disclosure_map, transparency_field,
};
pub use faithfulness::{CitedSource, check_faithfulness};
pub use plain::{Audience, PlainLanguageChecker, Rule, check_plain_language, glossary_terms_used};
pub use readability::{
    DocumentReadability, Formula, Language, PartReadability, Readability, Score, TextStats,
    document_readability, readability,
};
pub use risks::check_risks;
pub use source_changes::{PassageChange, source_changes};
