//! Candor's use cases, shared by the desktop app and the `candor` command line.
//!
//! This crate does all file I/O: it reads documents and images, calls the readers and
//! renderers, and writes outputs atomically. It reports progress to a caller-supplied
//! [`Progress`] sink and fails with an [`Error`] carrying an [`ErrorCode`] that user
//! interfaces can branch on.

mod document;
mod error;
mod export;
mod progress;

pub use document::{LoadedDocument, MAX_DOCUMENT_BYTES, load_document, load_images};
pub use error::{Error, ErrorCode};
pub use export::{ExportReport, ExportRequest, check_document, export_document};
pub use progress::Progress;

pub use candor_model::{Diagnostic, LineIndex, Severity};
pub use candor_render::PdfStandard;
