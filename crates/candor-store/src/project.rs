//! A project: one open `.candor` file.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Result, StoreError};
use crate::schema;

/// An open project file. Reads take `&self`; every write takes `&mut self` and runs in one
/// transaction, so a failed write leaves nothing behind.
pub struct Project {
    conn: Connection,
    /// The file, or `None` for an in-memory project.
    file: Option<PathBuf>,
    /// How errors name the project: the file, or `:memory:`.
    label: PathBuf,
}

impl std::fmt::Debug for Project {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Project").field("path", &self.label).finish_non_exhaustive()
    }
}

impl Project {
    /// Creates a new, empty project file; refuses to overwrite anything at `path`.
    pub fn create(path: impl AsRef<Path>) -> Result<Project> {
        let path = path.as_ref();
        for suffix in ["-wal", "-journal"] {
            let sidecar = sidecar(path, suffix);
            if sidecar.exists() {
                return Err(StoreError::AlreadyExists { path: sidecar });
            }
        }
        create_new(path)?;
        let made = (|| {
            let conn = Connection::open_with_flags(path, schema::open_flags())
                .map_err(|e| StoreError::sqlite(path, e))?;
            schema::harden(&conn).map_err(|e| StoreError::sqlite(path, e))?;
            // Migrated before switching to WAL: Candor's mark lands in the main file at once.
            schema::migrate(&conn, 0).map_err(|e| StoreError::sqlite(path, e))?;
            Project::finish(conn, path)
        })();
        if made.is_err() {
            // Only what was made here: the file and SQLite's side files (checked absent above).
            for suffix in ["", "-wal", "-journal"] {
                let _ = std::fs::remove_file(sidecar(path, suffix));
            }
        }
        made
    }

    /// Opens an existing project file, from Candor or from anyone else.
    ///
    /// The file is treated as untrusted: it is opened defensively and used only if it carries
    /// Candor's mark, is not newer than this Candor, has exactly the schema Candor writes, and
    /// passes SQLite's quick check. A file that fails is not changed. An older file is then
    /// migrated to the current format, one transaction per step.
    pub fn open(path: impl AsRef<Path>) -> Result<Project> {
        let path = path.as_ref();
        let io = |source| StoreError::Io { path: path.to_owned(), source };
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            return Err(StoreError::NotACandorProject {
                path: path.to_owned(),
                reason: "it is a folder".to_owned(),
            });
        }
        let mut header = Vec::with_capacity(schema::HEADER_LEN);
        File::open(path)
            .and_then(|f| f.take(schema::HEADER_LEN as u64).read_to_end(&mut header))
            .map_err(io)?;
        schema::check_header(path, &header)?;

        let sql = |e| StoreError::sqlite(path, e);
        let wal_existed = sidecar(path, "-wal").exists();
        let conn = Connection::open_with_flags(path, schema::open_flags()).map_err(sql)?;
        schema::harden(&conn).map_err(sql)?;
        let version = match schema::verify(&conn, path) {
            Ok(version) => version,
            Err(e) => {
                // A WAL that SQLite made just now is empty: closing may remove it (and the
                // index file) without writing to the file. A WAL that was there is left alone.
                if !wal_existed {
                    let _ = conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false);
                }
                return Err(e);
            }
        };
        schema::migrate(&conn, version).map_err(sql)?;
        Project::finish(conn, path)
    }

    /// A project that lives in memory only (tests, previews).
    pub fn in_memory() -> Result<Project> {
        let label = PathBuf::from(":memory:");
        let sql = |e| StoreError::sqlite(&label, e);
        let flags = schema::open_flags() | OpenFlags::SQLITE_OPEN_CREATE;
        let conn = Connection::open_with_flags(":memory:", flags).map_err(sql)?;
        schema::harden(&conn).map_err(sql)?;
        schema::migrate(&conn, 0).map_err(sql)?;
        Ok(Project { conn, file: None, label })
    }

    /// The verified, migrated connection of a file becomes a project: WAL, full sync.
    fn finish(conn: Connection, path: &Path) -> Result<Project> {
        let sql = |e| StoreError::sqlite(path, e);
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0)).map_err(sql)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(sql)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false).map_err(sql)?;
        Ok(Project { conn, file: Some(path.to_owned()), label: path.to_owned() })
    }

    /// The project file, or `None` for an in-memory project.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Runs SQLite's full `PRAGMA integrity_check`; a problem is [`StoreError::Damaged`].
    pub fn integrity_check(&self) -> Result<()> {
        let problems = schema::check(&self.conn, "integrity_check").map_err(self.sql())?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Damaged { path: self.label.clone(), detail: problems.join("; ") })
        }
    }

    /// Writes a compact, self-contained copy of the project (one file, no WAL) to `path`,
    /// e.g. to send for review; refuses to overwrite anything.
    pub fn copy_to(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let Some(target) = path.to_str() else {
            return Err(StoreError::Invalid {
                path: path.to_owned(),
                message: "Candor can only write copies to paths that are valid UTF-8".to_owned(),
            });
        };
        create_new(path)?;
        let copied = self.conn.execute("VACUUM INTO ?1", [target]);
        if let Err(e) = copied {
            let _ = std::fs::remove_file(path);
            return Err(StoreError::sqlite(path, e));
        }
        Ok(())
    }

    /// The connection, for reads.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Begins a write transaction (immediate: it waits for other writers up front).
    pub(crate) fn begin(&self) -> Result<Transaction<'_>> {
        Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate).map_err(self.sql())
    }

    /// Turns an SQLite error into a [`StoreError`] naming this project.
    pub(crate) fn sql(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        |e| StoreError::sqlite(&self.label, e)
    }

    pub(crate) fn not_found(&self, what: &'static str, id: &str) -> StoreError {
        StoreError::NotFound { path: self.label.clone(), what, id: id.to_owned() }
    }

    pub(crate) fn duplicate(&self, what: &'static str, id: &str) -> StoreError {
        StoreError::Duplicate { path: self.label.clone(), what, id: id.to_owned() }
    }

    pub(crate) fn invalid(&self, message: impl Into<String>) -> StoreError {
        StoreError::Invalid { path: self.label.clone(), message: message.into() }
    }

    pub(crate) fn damaged(&self, detail: impl Into<String>) -> StoreError {
        StoreError::Damaged { path: self.label.clone(), detail: detail.into() }
    }
}

/// `path` with `suffix` appended: SQLite's side files (`-wal`, `-shm`, `-journal`).
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Creates an empty file at `path`, atomically refusing if anything is there.
fn create_new(path: &Path) -> Result<()> {
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            Err(StoreError::AlreadyExists { path: path.to_owned() })
        }
        Err(source) => Err(StoreError::Io { path: path.to_owned(), source }),
    }
}
