use std::path::PathBuf;

/// A stable code for each kind of failure, for user interfaces to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    NotFound,
    Unreadable,
    InvalidInput,
    TooLarge,
    WriteFailed,
    RenderFailed,
    /// A project file is not a Candor project, is damaged, or is from a newer Candor.
    ProjectUnusable,
    /// A source file could not be imported.
    ImportFailed,
    /// A source, document or version id does not exist in the project.
    UnknownId,
    Cancelled,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not-found",
            ErrorCode::Unreadable => "unreadable",
            ErrorCode::InvalidInput => "invalid-input",
            ErrorCode::TooLarge => "too-large",
            ErrorCode::WriteFailed => "write-failed",
            ErrorCode::RenderFailed => "render-failed",
            ErrorCode::ProjectUnusable => "project-unusable",
            ErrorCode::ImportFailed => "import-failed",
            ErrorCode::UnknownId => "unknown-id",
            ErrorCode::Cancelled => "cancelled",
        }
    }
}

/// A failure of a use case. Problems in the document's content are diagnostics instead.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file that was asked for does not exist.
    #[error("{}: no such file", path.display())]
    NotFound { path: PathBuf },
    /// A file exists but cannot be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    /// A document is not UTF-8 text.
    #[error("{}: the file is not UTF-8 text (byte {offset} is invalid); save it as UTF-8", path.display())]
    NotText { path: PathBuf, offset: usize },
    /// A file is larger than Candor accepts.
    #[error("{}: the file is {size} bytes; Candor reads documents of at most {limit} bytes", path.display())]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    /// An output could not be written; nothing was left half-written.
    #[error("{}: cannot write the file: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    /// Typesetting failed.
    #[error("{}: {source}", path.display())]
    Render { path: PathBuf, source: candor_render::RenderError },
    /// The project file refused an operation or cannot be used.
    #[error("{source}")]
    Store { path: PathBuf, source: candor_store::StoreError },
    /// A source file could not be imported; the project is unchanged.
    #[error("{}: {message}", path.display())]
    Import { path: PathBuf, message: String },
    /// The project has no source with this id.
    #[error("{}: there is no source `{id}` in this project (`candor sources` lists them)", project.display())]
    UnknownSource { project: PathBuf, id: String },
    /// The project has no document with this id.
    #[error("{}: there is no document `{id}` in this project (`candor doc list` lists them)", project.display())]
    UnknownDocument { project: PathBuf, id: String },
    /// The document has no such version.
    #[error("{}: the document `{id}` has no version {number} (`candor doc history` lists them)", project.display())]
    UnknownVersion { project: PathBuf, id: String, number: u32 },
    /// There is no starter with this id.
    #[error("there is no starter `{id}` (`candor starters` lists them)")]
    UnknownStarter { id: String },
    /// A date is not a day of the calendar written as YYYY-MM-DD.
    #[error("`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01")]
    InvalidDate { text: String },
    /// A language tag given by the caller is not one.
    #[error("{message}")]
    InvalidLanguage { tag: String, message: String },
    /// The caller cancelled the work.
    #[error("cancelled")]
    Cancelled,
    /// A review step cannot be done as asked (not a review copy, text not found, a
    /// suggestion that no longer fits, no approval to publish …); nothing was changed.
    #[error("{}: {message}", path.display())]
    Review { path: PathBuf, message: String },
    /// A review step needs to know who is acting.
    #[error(
        "say who you are first: candor review whoami --name \"Your Name\" [--role ROLE] [--email ADDRESS], or pass --as NAME"
    )]
    NoIdentity,
    /// A branding value cannot be used (a colour not written #rrggbb, a font that is not
    /// bundled, a logo that is not a usable picture); nothing was changed.
    #[error("{}: {message}", path.display())]
    Branding { path: PathBuf, message: String },
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Read { .. } => ErrorCode::Unreadable,
            Error::NotText { .. } => ErrorCode::InvalidInput,
            Error::TooLarge { .. } => ErrorCode::TooLarge,
            Error::Write { .. } => ErrorCode::WriteFailed,
            Error::Render { .. } => ErrorCode::RenderFailed,
            Error::Store { source, .. } => match source {
                candor_store::StoreError::NotFound { .. } => ErrorCode::NotFound,
                candor_store::StoreError::Io { .. } => ErrorCode::Unreadable,
                _ => ErrorCode::ProjectUnusable,
            },
            Error::Import { .. } => ErrorCode::ImportFailed,
            Error::UnknownSource { .. }
            | Error::UnknownDocument { .. }
            | Error::UnknownVersion { .. }
            | Error::UnknownStarter { .. } => ErrorCode::UnknownId,
            Error::InvalidDate { .. }
            | Error::InvalidLanguage { .. }
            | Error::Review { .. }
            | Error::NoIdentity
            | Error::Branding { .. } => ErrorCode::InvalidInput,
            Error::Cancelled => ErrorCode::Cancelled,
        }
    }

    pub(crate) fn store(path: &std::path::Path, source: candor_store::StoreError) -> Self {
        Error::Store { path: path.to_owned(), source }
    }

    pub(crate) fn read(path: &std::path::Path, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound { path: path.to_owned() }
        } else {
            Error::Read { path: path.to_owned(), source }
        }
    }
}
