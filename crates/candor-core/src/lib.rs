//! Candor's use cases, shared by the desktop app and the `candor` command line.
//!
//! This crate does all file I/O: it reads documents, images and sources, opens project
//! files, calls the readers, analyses and renderers, and writes outputs atomically. It reports progress to a caller-supplied
//! [`Progress`] sink and fails with an [`Error`] carrying an [`ErrorCode`] that user
//! interfaces can branch on.
//!
//! New documents start from a starter ([`starters()`], [`new_document`]), pre-filled from the
//! project's sources; [`create_example_project`] makes a project to try Candor with.

mod accessibility;
mod branding;
mod changelog;
mod check;
mod clock;
mod diff;
mod document;
mod error;
mod example;
mod export;
mod faithfulness;
mod gaps;
mod passage_diff;
mod preview;
mod progress;
mod project;
mod publish;
mod recent;
mod removals;
mod review;
mod starters;
mod taxonomy;
mod views;
mod workspace;

pub use accessibility::{check_document_accessibility, check_pdf_accessibility};
pub use branding::{
    BrandingChange, LogoInfo, ProjectBranding, project_branding, project_logo, set_branding,
};
pub use check::{
    CheckOptions, CheckedDocument, MAX_GLOSSARY_BYTES, check_file, check_project, project_glossary,
    project_glossary_text, set_project_glossary,
};
pub use clock::now_utc;
pub use diff::{DiffLineItem, DiffPartItem, DiffRowItem, DiffRunItem, VersionDiff, diff_versions};
pub use document::{LoadedDocument, MAX_DOCUMENT_BYTES, load_document, load_images};
pub use error::{Error, ErrorCode};
pub use example::{
    EXAMPLE_DOCUMENT, EXAMPLE_SOURCE, EXAMPLE_SOURCE_FILE, EXAMPLE_SOURCE_ID,
    create_example_project,
};
pub use export::{DocumentSource, ExportReport, ExportRequest, check_document, export_document};
pub use faithfulness::{StaleCitation, confirm_citations};
pub use gaps::{
    FieldGap, GAPS_FORMAT, GapCounts, GapFormat, GapItem, GapReport, RiskGap, SectionGap,
    SourceGaps, StaleItem, gap_report, gap_report_file, save_gap_report,
};
pub use passage_diff::{PassageDiff, passage_diff};
pub use preview::{PreviewPage, PreviewSession, PreviewUpdate, preview_html};
pub use progress::Progress;
pub use project::{
    ImportedSource, SourceView, create_project, document_history, get_document, import_files,
    list_documents, list_sources, open_project, put_document, restore_version, show_source,
    update_source,
};
pub use publish::{
    MANIFEST_FORMAT, Manifest, ManifestApproval, ManifestDocument, ManifestFile, ManifestOverride,
    ManifestSource, PublishReport, PublishRequest, publish, verify_bundle,
};
pub use recent::{MAX_RECENT, forget_project, recent_projects, remember_project};
pub use removals::{
    REMOVAL_GROUNDS, RemovalItem, RemovalRequest, list_removals, record_removal, withdraw_removal,
};
pub use review::{
    ApprovalItem, CommentItem, CommentRequest, CopyMark, DecisionOutcome, Identity, Location,
    MergeReport, MergedCopy, ReviewStatus, Target, acting, add_comment, approve,
    decide_suggestions, default_config_dir, load_identity, merge_review_copies, resolve_comment,
    review_sheet, review_status, save_identity, save_review_sheet, send_for_review,
};
pub use starters::{StarterInfo, new_document, new_document_text, starters};
pub use taxonomy::{project_taxonomy, project_taxonomy_text, set_project_taxonomy};
pub use views::{
    DisclosureRow, DocumentItem, EditingDocument, FixItem, ImportOutcome, OutlineEntry,
    PassageItem, ProblemItem, ProjectOverview, RecentProject, RiskVocabulary, ScoreCard, ScoreLine,
    ScoreValue, SearchHit, SourceItem, SourceReader, VersionItem, VocabularyEntry, risk_vocabulary,
};
pub use workspace::{
    autosave_document, document_file_stem, import_outcomes, open_for_editing, problem_items,
    project_name, project_overview, save_version, save_version_as, search_sources, source_reader,
    versions,
};

pub use candor_model::{Diagnostic, LineIndex, Severity};
pub use candor_render::PdfStandard;
pub use candor_store::{Person, StatusChange};
