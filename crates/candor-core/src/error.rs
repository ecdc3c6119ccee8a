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
    /// The caller cancelled the work.
    #[error("cancelled")]
    Cancelled,
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
            Error::Cancelled => ErrorCode::Cancelled,
        }
    }

    pub(crate) fn read(path: &std::path::Path, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound { path: path.to_owned() }
        } else {
            Error::Read { path: path.to_owned(), source }
        }
    }
}
