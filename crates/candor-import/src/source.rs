//! Technical sources: bytes of any supported format become one [`SourceContent`].

use candor_model::{SourceContent, SourceFormat, Warned};

/// Why a file could not be imported. Nothing is half-imported: an error means no source.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// The file is not what its format requires (malformed JSON, XML, ZIP, PDF…).
    #[error("{message} (line {line}, column {column})")]
    Malformed { line: usize, column: usize, message: String },
    /// The file is damaged or unreadable in a way that has no position.
    #[error("{0}")]
    Unreadable(String),
    /// The file is encrypted or password-protected.
    #[error("the file is encrypted; save an unprotected copy and import that")]
    Encrypted,
    /// The file would take more memory or work than Candor allows (e.g. a zip bomb).
    #[error("{0}")]
    TooLarge(String),
    /// The format is recognised but this kind of file is not supported.
    #[error("{0}")]
    Unsupported(String),
}

/// Largest source file Candor imports.
pub const MAX_SOURCE_BYTES: usize = 200 * 1024 * 1024;

/// Guesses the format from the file name and the first bytes.
pub fn detect_format(file_name: &str, bytes: &[u8]) -> Option<SourceFormat> {
    let lower = file_name.to_ascii_lowercase();
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(b"%PDF-") || lower.ends_with(".pdf") {
        return Some(SourceFormat::Pdf);
    }
    if head.starts_with(b"PK\x03\x04") || lower.ends_with(".docx") {
        return Some(SourceFormat::Docx);
    }
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if lower.ends_with(".json") || trimmed.starts_with('{') {
        if text.contains("CycloneDX") || text.contains("bomFormat") {
            return Some(SourceFormat::CycloneDx);
        }
        if text.contains("spdx") || text.contains("SPDX") {
            return Some(SourceFormat::Spdx);
        }
        return lower.ends_with(".json").then_some(SourceFormat::CycloneDx);
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return Some(SourceFormat::Html);
    }
    let lead = trimmed.get(..trimmed.len().min(64)).unwrap_or("").to_ascii_lowercase();
    if lead.starts_with("<!doctype html") || lead.starts_with("<html") {
        return Some(SourceFormat::Html);
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".txt") {
        return Some(SourceFormat::Markdown);
    }
    std::str::from_utf8(bytes).is_ok().then_some(SourceFormat::Markdown)
}

/// Imports a source of the given format. Odd content gives diagnostics; only an unreadable
/// file is an error.
pub fn import_source(
    format: SourceFormat,
    bytes: &[u8],
) -> Result<Warned<SourceContent>, ImportError> {
    import_source_with_progress(format, bytes, &mut |_, _| {})
}

/// [`import_source`], calling `on_page(page, pages)` while a paged format (PDF) is read.
pub fn import_source_with_progress(
    format: SourceFormat,
    bytes: &[u8],
    on_page: &mut dyn FnMut(u32, u32),
) -> Result<Warned<SourceContent>, ImportError> {
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(ImportError::TooLarge(format!(
            "the file is {} bytes; Candor imports files of at most {MAX_SOURCE_BYTES} bytes",
            bytes.len()
        )));
    }
    let mut imported = match format {
        SourceFormat::Markdown => crate::markdown_source::import(text(bytes)?),
        SourceFormat::Html => crate::html_source::import(text(bytes)?),
        SourceFormat::Pdf => candor_pdf::import_with_progress(bytes, on_page).map_err(pdf_error)?,
        SourceFormat::Docx => crate::docx::import(bytes)?,
        SourceFormat::CycloneDx => crate::bom::import_cyclonedx(text(bytes)?)?,
        SourceFormat::Spdx => crate::bom::import_spdx(text(bytes)?)?,
    };
    imported.value.facts = crate::facts::extract(&imported.value.passages);
    Ok(imported)
}

fn text(bytes: &[u8]) -> Result<&str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        ImportError::Malformed { line, column, message: "the file is not UTF-8 text".into() }
    })
}

fn pdf_error(e: candor_pdf::PdfError) -> ImportError {
    match e {
        candor_pdf::PdfError::Encrypted => ImportError::Encrypted,
        candor_pdf::PdfError::TooLarge(m) => ImportError::TooLarge(m),
        other => ImportError::Unreadable(other.to_string()),
    }
}
