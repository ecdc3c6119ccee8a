//! Candor's use cases, shared by the desktop app and the `candor` command line.
//!
//! This crate does all file I/O: it reads documents, images and sources, opens project
//! files, calls the readers, analyses and renderers, and writes outputs atomically. It reports progress to a caller-supplied
//! [`Progress`] sink and fails with an [`Error`] carrying an [`ErrorCode`] that user
//! interfaces can branch on.

mod clock;
mod document;
mod error;
mod export;
mod progress;
mod project;

pub use clock::now_utc;
pub use document::{LoadedDocument, MAX_DOCUMENT_BYTES, load_document, load_images};
pub use error::{Error, ErrorCode};
pub use export::{DocumentSource, ExportReport, ExportRequest, check_document, export_document};
pub use progress::Progress;
pub use project::{
    ImportedSource, SourceView, create_project, document_history, get_document, import_files,
    list_documents, list_sources, open_project, put_document, restore_version, show_source,
};

pub use candor_model::{Diagnostic, LineIndex, Severity};
pub use candor_render::PdfStandard;
