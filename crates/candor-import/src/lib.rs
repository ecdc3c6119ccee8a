//! Readers: bytes and text become Candor's document model.
//!
//! Companion documents are Markdown with YAML front matter ([`parse_companion`]). Technical
//! sources — Markdown model cards, HTML, PDF, DOCX, CycloneDX and SPDX AI-BOMs — become a
//! [`SourceContent`](candor_model::SourceContent) ([`import_source`]). Readers are pure
//! functions: they never touch files, never fail on odd content (problems become
//! diagnostics), fail with a clear [`ImportError`] on unreadable input, and never panic.

mod bom;
mod docx;
mod facts;
mod front_matter;
mod html_source;
mod markdown;
mod markdown_source;
mod risk_block;
mod sanitize;
mod source;
#[cfg(test)]
mod test_support;
mod yaml;

pub use markdown::parse_companion;
pub use sanitize::sanitize_html;
pub use source::{
    ImportError, MAX_SOURCE_BYTES, detect_format, import_source, import_source_with_progress,
};
