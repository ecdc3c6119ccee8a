//! What can go wrong with a project file.

use std::path::{Path, PathBuf};

use rusqlite::ffi::ErrorCode;

/// A failure of the project file; every message names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not a Candor project: not SQLite at all, or SQLite made by another program.
    #[error("{}: not a Candor project file ({reason}); open a .candor file made by Candor", path.display())]
    NotACandorProject { path: PathBuf, reason: String },
    /// The file was made by a newer Candor; it was neither changed nor migrated.
    #[error(
        "{}: made by a newer version of Candor (project format {found}, this version reads up to {supported}); update Candor to open it",
        path.display()
    )]
    TooNew { path: PathBuf, found: i64, supported: u32 },
    /// The file is damaged (SQLite's checks fail or stored data does not decode).
    #[error("{}: the project file is damaged ({detail}); open a backup, or ask the sender for a new copy", path.display())]
    Damaged { path: PathBuf, detail: String },
    /// The file's tables, indexes, triggers or views differ from what Candor writes.
    #[error(
        "{}: the project file was altered outside Candor ({detail}); it is not opened, to keep you safe; ask the sender for an unaltered copy",
        path.display()
    )]
    UnexpectedSchema { path: PathBuf, detail: String },
    /// A file already exists where a new project (or a copy) would be written.
    #[error("{}: a file already exists there; choose another name or move that file away", path.display())]
    AlreadyExists { path: PathBuf },
    /// A record with this id is already in the project.
    #[error("{}: a {what} with the id '{id}' already exists; choose another id", path.display())]
    Duplicate { path: PathBuf, what: &'static str, id: String },
    /// A record the operation needs is not in the project.
    #[error("{}: no {what} '{id}' in this project", path.display())]
    NotFound { path: PathBuf, what: &'static str, id: String },
    /// A value passed in is not acceptable (an empty id, a malformed time, a bad colour…).
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    /// SQLite reported an error (disk full, file locked by another program…).
    #[error("{}: {source}{}", path.display(), hint(source))]
    Sqlite { path: PathBuf, source: rusqlite::Error },
    /// The file could not be read, created or removed.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

/// The result of every store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// The project file the error is about (`:memory:` for in-memory projects).
    pub fn path(&self) -> &Path {
        match self {
            StoreError::NotACandorProject { path, .. }
            | StoreError::TooNew { path, .. }
            | StoreError::Damaged { path, .. }
            | StoreError::UnexpectedSchema { path, .. }
            | StoreError::AlreadyExists { path }
            | StoreError::Duplicate { path, .. }
            | StoreError::NotFound { path, .. }
            | StoreError::Invalid { path, .. }
            | StoreError::Sqlite { path, .. }
            | StoreError::Io { path, .. } => path,
        }
    }

    /// Wraps an SQLite error; corruption becomes [`StoreError::Damaged`].
    pub(crate) fn sqlite(path: &Path, source: rusqlite::Error) -> Self {
        match source.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                StoreError::Damaged { path: path.to_owned(), detail: source.to_string() }
            }
            _ => StoreError::Sqlite { path: path.to_owned(), source },
        }
    }
}

/// What the user can do about an SQLite error, where there is something to say.
fn hint(error: &rusqlite::Error) -> &'static str {
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "; another program is writing to the project: wait for it to finish and try again"
        }
        Some(ErrorCode::DiskFull) => "; the disk is full: free some space and try again",
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => {
            "; check that the file and its folder can be written, or save a copy elsewhere"
        }
        _ => "",
    }
}
