//! PDF sources: reads a PDF's text layer into a [`SourceContent`] — text in reading order
//! (two-column pages read column by column), page numbers on every section and passage,
//! headings from font size and from numbering ("7.3.2 Title"), paragraphs and list items
//! joined across lines, hyphenated line ends joined, running headers and footers removed —
//! and its metadata (title, author, creation date).
//!
//! This crate owns PDF parsing (through hayro), layout analysis and the [`Limits`] that keep
//! hostile files cheap: everything is checked before hayro decodes a byte. It does not
//! extract facts (candor-import does), read files, render, or run OCR: a scanned PDF
//! without a text layer imports as pages without passages, with a warning.

mod accessibility;
mod document;
mod glyphs;
mod layout;
mod limits;
mod metadata;
mod structure;

use candor_model::{SourceContent, Warned};

pub use accessibility::{
    MAX_DEPTH, MAX_NODES, MAX_OPS_PER_PAGE, PdfStructure, pdf_structure, pdf_structure_with,
};
pub use limits::Limits;

/// Why a PDF cannot be imported.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The file is encrypted with a password.
    #[error("the PDF is encrypted")]
    Encrypted,
    /// The file would take too much memory or work.
    #[error("{0}")]
    TooLarge(String),
    /// The file is not a readable PDF.
    #[error("{0}")]
    Malformed(String),
}

/// Imports a PDF within the default [`Limits`].
pub fn import(bytes: &[u8]) -> Result<Warned<SourceContent>, PdfError> {
    import_with(bytes, &Limits::default())
}

/// Imports a PDF within `limits`.
pub fn import_with(bytes: &[u8], limits: &Limits) -> Result<Warned<SourceContent>, PdfError> {
    document::import(bytes, limits, &mut |_, _| {})
}

/// Imports a PDF within the default [`Limits`], calling `on_page(page, pages)` as each page
/// is read (for progress bars on long files).
pub fn import_with_progress(
    bytes: &[u8],
    on_page: &mut dyn FnMut(u32, u32),
) -> Result<Warned<SourceContent>, PdfError> {
    document::import(bytes, &Limits::default(), on_page)
}

/// The PDF's text in reading order, one line per line and a form feed after each page,
/// with nothing removed (running headers and page numbers included): what word-recovery
/// measurements and timings compare with `pdftotext`.
pub fn extract_text(bytes: &[u8]) -> Result<String, PdfError> {
    document::text(bytes, &Limits::default())
}
