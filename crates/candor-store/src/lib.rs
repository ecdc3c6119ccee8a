//! The project file: one SQLite file (`.candor`) per project, holding every imported source
//! (original bytes, SHA-256, extracted content, a full-text index of its passages), every
//! companion document with its full version history and autosave, the settings (branding)
//! and the review: comments and suggestions, approvals of exact versions, status history and
//! the review copies sent out — and the removals log (what was deliberately left out of a
//! document's public version, and why), which never leaves the project file.
//!
//! The file follows SQLite's "application file format" practice: Candor's
//! [`APPLICATION_ID`], the schema version in `user_version` ([`SCHEMA_VERSION`]), append-only
//! migrations embedded in this crate, WAL mode, foreign keys on, and every write in one
//! transaction. Project files arrive from other people, so [`Project::open`] treats every
//! file as untrusted: SQLite's defensive mode, `trusted_schema` off, triggers and views
//! disabled, and the schema compared with the one Candor's migrations produce before
//! anything else is read. A file that fails a check is left exactly as it was.
//!
//! This crate must not read the clock or make ids (callers pass times and ids in), must not
//! know file formats beyond its own (sources arrive already imported), and must not panic
//! on any file.

mod comments;
mod documents;
mod error;
mod input;
mod project;
mod removals;
mod review;
mod schema;
mod search;
mod settings;
mod source_versions;
mod sources;
#[cfg(test)]
mod test_support;

pub use comments::{Anchor, Comment, Decision, NewComment, QUOTE_CONTEXT_CHARS, Quote};
pub use documents::{
    AutosaveState, DocumentId, DocumentSummary, StoredDocument, VersionKind, VersionSummary,
};
pub use error::{Result, StoreError};
pub use input::sha256_hex;
pub use project::Project;
pub use removals::{Removal, RemovalGround};
pub use review::{Approval, DocumentStatus, Person, ReviewCopy, StatusChange};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use search::PassageHit;
pub use settings::{Branding, Colour, Logo};
pub use source_versions::{CitationCheck, SourceVersion};
pub use sources::{NewSource, SourceSummary, StoredSource};
