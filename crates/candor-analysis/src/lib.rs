//! Checks on the document model: what a source discloses, and (in later modules) readability,
//! plain-language lints, coverage and consistency.
//!
//! This crate reads values of `candor-model` and returns data about them. It is pure: no I/O,
//! no clock, no heavy dependency, no panics on odd content. It does not parse file formats
//! (that is `candor-import`) and does not render anything (that is `candor-render`).
//!
//! - [`disclosure_map`] marks every field of the EU Model Documentation Form and of the
//!   Hugging Face model card ([`TRANSPARENCY_FIELDS`]) as disclosed, not disclosed or
//!   unknown for one imported source, with the passage that shows it;
//!   [`DisclosureSummary`] counts it per framework for one-line summaries.

mod disclosure;

pub use disclosure::{
    BomSignal, Disclosure, DisclosureCounts, DisclosureSummary, Evidence, FieldDisclosure,
    Framework, TRANSPARENCY_FIELDS, TransparencyField, disclosure_map, transparency_field,
};
