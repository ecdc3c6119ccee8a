//! The file format: connection hardening, the embedded migrations and the checks every file
//! passes before Candor uses it.
//!
//! Following SQLite's "application file format" practice, a project file carries Candor's
//! [`APPLICATION_ID`] and its schema version in `user_version`. Migrations are append-only and
//! each runs in one transaction. Files come from other people, so every connection is opened
//! defensively (no triggers, no views, no untrusted schema functions) and a file is used only
//! once its schema is exactly the one our migrations produce for its version.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use crate::error::{Result, StoreError};

/// Candor's mark in the SQLite header (`PRAGMA application_id`): "CAND".
pub const APPLICATION_ID: i32 = 0x4341_4E44;

/// The migrations, oldest first; migration `n` (0-based) takes a file to version `n + 1`.
/// Append-only: a released migration is never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_review.sql"),
    include_str!("migrations/0003_removals.sql"),
    include_str!("migrations/0004_source_versions.sql"),
];

/// The newest project-format version this build reads and writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Tables SQLite itself may add (`ANALYZE`) that hold planner statistics only; tolerated.
const TOLERATED: &[&str] = &["sqlite_stat1", "sqlite_stat4"];

/// How long a write waits for another Candor process holding the file.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The flags every connection uses: no URI interpretation of file names, no implicit creation.
pub(crate) fn open_flags() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

/// Hardens a fresh connection before anything reads the file.
pub(crate) fn harden(conn: &Connection) -> rusqlite::Result<()> {
    let settings = [
        (DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true),
        (DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false),
        (DbConfig::SQLITE_DBCONFIG_DQS_DDL, false),
        (DbConfig::SQLITE_DBCONFIG_DQS_DML, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_FKEY, true),
        // Until the file is verified, closing must not checkpoint a WAL into it.
        (DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true),
    ];
    for (setting, on) in settings {
        conn.set_db_config(setting, on)?;
    }
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.pragma_update(None, "cell_size_check", true)?;
    // Removed sources and replaced autosaves are overwritten, not left in free pages of a
    // file that may be sent to someone.
    conn.pragma_update(None, "secure_delete", true)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(())
}

/// Applies the migrations a file at version `from` lacks, each in its own transaction.
pub(crate) fn migrate(conn: &Connection, from: u32) -> rusqlite::Result<()> {
    for version in from..SCHEMA_VERSION {
        migrate_one(conn, version)?;
    }
    Ok(())
}

/// Takes a file from version `from` to `from + 1` in one transaction.
fn migrate_one(conn: &Connection, from: u32) -> rusqlite::Result<()> {
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Exclusive)?;
    if let Some(sql) = MIGRATIONS.get(from as usize) {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", i64::from(from) + 1)?;
    tx.commit()
}

/// The first 100 bytes of a file: SQLite's header.
pub(crate) const HEADER_LEN: usize = 100;

/// Judges a file by its SQLite header before SQLite opens it, so that a foreign or too-new
/// file is refused without SQLite touching it (e.g. rolling back a journal next to it).
pub(crate) fn check_header(path: &Path, header: &[u8]) -> Result<()> {
    let not_ours = |reason: &str| StoreError::NotACandorProject {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    if header.is_empty() {
        return Err(not_ours("the file is empty"));
    }
    if header.len() < HEADER_LEN || !header.starts_with(b"SQLite format 3\0") {
        return Err(not_ours("it is not an SQLite database"));
    }
    let field = |at: usize| {
        i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    check_application_id(path, i64::from(field(68)))?;
    check_version(path, i64::from(field(60)))?;
    Ok(())
}

fn check_application_id(path: &Path, id: i64) -> Result<()> {
    if id == i64::from(APPLICATION_ID) {
        return Ok(());
    }
    let reason = if id == 0 {
        "it is an SQLite database without Candor's mark".to_owned()
    } else {
        let id = id & 0xFFFF_FFFF;
        format!("it is an SQLite database of another program, application id {id:#010x}")
    };
    Err(StoreError::NotACandorProject { path: path.to_owned(), reason })
}

fn check_version(path: &Path, found: i64) -> Result<u32> {
    match u32::try_from(found) {
        Ok(version) if version <= SCHEMA_VERSION => Ok(version),
        Ok(_) => {
            Err(StoreError::TooNew { path: path.to_owned(), found, supported: SCHEMA_VERSION })
        }
        Err(_) => Err(StoreError::Damaged {
            path: path.to_owned(),
            detail: format!("its format version {found} is invalid"),
        }),
    }
}

/// Verifies an opened file before use and returns its schema version. Reads only: a file
/// that fails is left exactly as it was.
///
/// Order: Candor's mark, the version, the schema (compared with what our migrations produce
/// for that version), then `PRAGMA quick_check` — the schema first, because checking rows
/// evaluates the schema's CHECK constraints, and those must be ours.
pub(crate) fn verify(conn: &Connection, path: &Path) -> Result<u32> {
    let sql = |e| StoreError::sqlite(path, e);
    let id: i64 =
        conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| {
            match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotACandorProject {
                    path: path.to_owned(),
                    reason: "it is not an SQLite database".to_owned(),
                },
                _ => sql(e),
            }
        })?;
    check_application_id(path, id)?;
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sql)?;
    let version = check_version(path, found)?;

    let expected = expected_schema(path, version)?;
    let actual = read_schema(conn).map_err(sql)?;
    if let Some(detail) = schema_difference(expected, &actual) {
        return Err(StoreError::UnexpectedSchema { path: path.to_owned(), detail });
    }

    let problems = check(conn, "quick_check").map_err(sql)?;
    if !problems.is_empty() {
        return Err(StoreError::Damaged { path: path.to_owned(), detail: problems.join("; ") });
    }
    Ok(version)
}

/// Runs `PRAGMA integrity_check` or `quick_check`; returns the problems found (none: ok).
pub(crate) fn check(conn: &Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}(20)"))?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut problems = Vec::new();
    for row in rows {
        let row = row?;
        if row != "ok" {
            problems.push(row);
        }
    }
    Ok(problems)
}

/// One row of `sqlite_schema`, keyed by (type, name).
type Schema = BTreeMap<(String, String), (String, Option<String>)>;

fn read_schema(conn: &Connection) -> rusqlite::Result<Schema> {
    let mut stmt = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema")?;
    let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))))?;
    let mut schema = Schema::new();
    for row in rows {
        let (key, value): ((String, String), _) = row?;
        if key.0 == "table" && TOLERATED.contains(&key.1.as_str()) {
            continue;
        }
        schema.insert(key, value);
    }
    Ok(schema)
}

/// What differs between the expected and the actual schema, for people (at most a few items).
fn schema_difference(expected: &Schema, actual: &Schema) -> Option<String> {
    let mut items = Vec::new();
    for ((kind, name), value) in actual {
        match expected.get(&(kind.clone(), name.clone())) {
            None => items.push(format!("unexpected {kind} '{name}'")),
            Some(want) if want != value => items.push(format!("{kind} '{name}' was changed")),
            Some(_) => {}
        }
    }
    for (kind, name) in expected.keys() {
        if !actual.contains_key(&(kind.clone(), name.clone())) {
            items.push(format!("{kind} '{name}' is missing"));
        }
    }
    if items.is_empty() {
        return None;
    }
    let more = items.len().saturating_sub(3);
    items.truncate(3);
    let mut detail = items.join(", ");
    if more > 0 {
        detail.push_str(&format!(" and {more} more"));
    }
    Some(detail)
}

/// The schema after each migration (index = version), built once from an in-memory database.
fn expected_schema(path: &Path, version: u32) -> Result<&'static Schema> {
    static SCHEMAS: OnceLock<Result<Vec<Schema>, String>> = OnceLock::new();
    let schemas = SCHEMAS.get_or_init(|| build_schemas().map_err(|e| e.to_string()));
    match schemas {
        Ok(all) => all.get(version as usize).ok_or_else(|| StoreError::TooNew {
            path: path.to_owned(),
            found: i64::from(version),
            supported: SCHEMA_VERSION,
        }),
        Err(message) => Err(StoreError::Invalid {
            path: path.to_owned(),
            message: format!("Candor could not build its own schema to compare with: {message}"),
        }),
    }
}

fn build_schemas() -> rusqlite::Result<Vec<Schema>> {
    let conn =
        Connection::open_with_flags(":memory:", open_flags() | OpenFlags::SQLITE_OPEN_CREATE)?;
    harden(&conn)?;
    let mut schemas = vec![read_schema(&conn)?];
    for version in 0..SCHEMA_VERSION {
        migrate_one(&conn, version)?;
        schemas.push(read_schema(&conn)?);
    }
    Ok(schemas)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Project;

    #[test]
    fn migrations_from_scratch_mark_the_file() {
        let p = Project::in_memory().unwrap();
        let conn = p.conn();
        let id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!((id, version), (APPLICATION_ID, SCHEMA_VERSION));
        assert_eq!(&0x4341_4E44_i32.to_be_bytes(), b"CAND");
        let fks: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(fks);
        p.integrity_check().unwrap();
        // Running the migrations again from the file's version does nothing.
        migrate(conn, SCHEMA_VERSION).unwrap();
        assert!(
            schema_difference(
                expected_schema(Path::new("x"), SCHEMA_VERSION).unwrap(),
                &read_schema(conn).unwrap()
            )
            .is_none()
        );
    }

    #[test]
    fn the_schema_is_what_the_migrations_say() {
        // A change here (e.g. a new SQLite building FTS5's tables differently) changes what
        // files Candor accepts: look before updating the list.
        let schema = expected_schema(Path::new("x"), SCHEMA_VERSION).unwrap();
        let names: Vec<String> =
            schema.keys().map(|(kind, name)| format!("{kind} {name}")).collect();
        assert_eq!(
            names,
            [
                "index approval_by_document",
                "index comment_by_document",
                "index removal_by_document",
                "index source_by_sha256",
                "index sqlite_autoindex_approval_1",
                "index sqlite_autoindex_autosave_1",
                "index sqlite_autoindex_citation_check_1",
                "index sqlite_autoindex_comment_1",
                "index sqlite_autoindex_document_1",
                "index sqlite_autoindex_document_version_1",
                "index sqlite_autoindex_removal_1",
                "index sqlite_autoindex_review_copy_1",
                "index sqlite_autoindex_setting_1",
                "index sqlite_autoindex_source_1",
                "index sqlite_autoindex_source_version_1",
                "index sqlite_autoindex_status_change_1",
                "table approval",
                "table autosave",
                "table citation_check",
                "table comment",
                "table document",
                "table document_version",
                "table passage_search",
                "table passage_search_config",
                "table passage_search_content",
                "table passage_search_data",
                "table passage_search_docsize",
                "table passage_search_idx",
                "table removal",
                "table review_copy",
                "table setting",
                "table source",
                "table source_version",
                "table status_change",
            ]
        );
        assert!(expected_schema(Path::new("x"), 0).unwrap().is_empty());
    }

    #[test]
    fn hardened_connections_run_no_triggers_or_views() {
        let conn = Connection::open_in_memory().unwrap();
        harden(&conn).unwrap();
        conn.execute_batch(
            "CREATE TABLE a (x); CREATE TABLE log (x); \
             CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO log VALUES (new.x); END; \
             CREATE VIEW v AS SELECT * FROM a; INSERT INTO a VALUES (1);",
        )
        .unwrap();
        let logged: i64 = conn.query_row("SELECT count(*) FROM log", [], |r| r.get(0)).unwrap();
        assert_eq!(logged, 0, "the trigger did not run");
        assert!(conn.query_row("SELECT count(*) FROM v", [], |r| r.get::<_, i64>(0)).is_err());
        assert!(
            conn.execute_batch("PRAGMA writable_schema = ON; DELETE FROM sqlite_schema").is_err()
        );
    }

    #[test]
    fn differences_are_named() {
        let expected = expected_schema(Path::new("x"), SCHEMA_VERSION).unwrap();
        let mut actual = expected.clone();
        actual.insert(("trigger".into(), "evil".into()), ("source".into(), Some("…".into())));
        actual.remove(&("table".into(), "setting".into()));
        if let Some(v) = actual.get_mut(&("table".into(), "source".into())) {
            v.1 = Some("CREATE TABLE source (id)".into());
        }
        assert_eq!(
            schema_difference(expected, &actual).unwrap(),
            "table 'source' was changed, unexpected trigger 'evil', table 'setting' is missing"
        );
    }

    #[test]
    fn headers_are_judged_before_sqlite_reads_the_file() {
        let path = Path::new("p.candor");
        let mut header = vec![0u8; HEADER_LEN];
        header[..16].copy_from_slice(b"SQLite format 3\0");
        let kind = |h: &[u8]| match check_header(path, h) {
            Ok(()) => "ok".to_owned(),
            Err(StoreError::NotACandorProject { reason, .. }) => reason,
            Err(StoreError::TooNew { found, .. }) => format!("too new: {found}"),
            Err(e) => e.to_string(),
        };
        assert_eq!(kind(&[]), "the file is empty");
        assert_eq!(kind(b"%PDF-1.7"), "it is not an SQLite database");
        assert_eq!(kind(&header[..50]), "it is not an SQLite database");
        assert_eq!(kind(&header), "it is an SQLite database without Candor's mark");
        header[68..72].copy_from_slice(&0x0F00_BA11_i32.to_be_bytes());
        assert!(kind(&header).contains("another program, application id 0x0f00ba11"));
        header[68..72].copy_from_slice(b"CAND");
        assert_eq!(kind(&header), "ok");
        header[60..64].copy_from_slice(&(SCHEMA_VERSION as i32 + 1).to_be_bytes());
        assert_eq!(kind(&header), format!("too new: {}", SCHEMA_VERSION + 1));
        header[60..64].copy_from_slice(&(-1i32).to_be_bytes());
        assert!(kind(&header).contains("format version -1 is invalid"));
    }
}
