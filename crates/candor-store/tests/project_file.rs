//! The project file on disk: creation, reopening, WAL, and untrusted files — foreign,
//! newer, damaged or altered — refused with a clear error and left byte-for-byte unchanged.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::fs;
use std::path::{Path, PathBuf};

use candor_model::{PassageKind, SourceBuilder, SourceContent, SourceFormat};
use candor_store::{
    APPLICATION_ID, NewSource, Project, SCHEMA_VERSION, StoreError, VersionKind, sha256_hex,
};
use rusqlite::Connection;
use tempfile::TempDir;

const T0: &str = "2026-03-01T09:00:00Z";
const T1: &str = "2026-03-01T10:00:00Z";

fn content() -> SourceContent {
    let mut b = SourceBuilder::new();
    b.metadata().title = Some("System card".into());
    b.section(1, None, "4 Evaluations", Some(2));
    b.passage(PassageKind::Paragraph, "Red-team evaluations found no severe risk.", Some(2));
    b.passage(PassageKind::Paragraph, "Training used 15T tokens.", Some(3));
    b.finish()
}

/// A project with a source and a document of three versions; closed on return.
fn make_project(path: &Path) {
    let mut p = Project::create(path).unwrap();
    let content = content();
    p.add_source(&NewSource {
        id: "card",
        file_name: "card.pdf",
        format: SourceFormat::Pdf,
        bytes: b"%PDF-1.7 the original",
        imported_at: T0,
        title: None,
        content: &content,
    })
    .unwrap();
    p.create_document("companion", "Companion", "# One\n", T0, "").unwrap();
    p.save_version("companion", "# Two\n", T1, "", VersionKind::Save).unwrap();
    p.save_version("companion", "# Two\n", T1, "pdf", VersionKind::Export).unwrap();
}

/// A project big enough that its middle pages are table and index pages.
fn make_big_project(path: &Path) {
    let mut p = Project::create(path).unwrap();
    for d in 0..200 {
        let id = format!("doc-{d}");
        p.create_document(&id, "Doc", &format!("{d} {}", "text ".repeat(80)), T0, "").unwrap();
        p.save_version(&id, &format!("{d} {}", "more ".repeat(80)), T1, "", VersionKind::Save)
            .unwrap();
    }
}

fn digest(path: &Path) -> String {
    sha256_hex(&fs::read(path).unwrap())
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn project_path() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review copy.candor");
    (dir, path)
}

/// Opens `path`, expects an error, and checks the file and its folder are unchanged.
fn open_rejected(path: &Path) -> StoreError {
    let dir = path.parent().unwrap();
    let (before, files) = (digest(path), listing(dir));
    let err = Project::open(path).unwrap_err();
    assert_eq!(digest(path), before, "the file was changed: {err}");
    assert_eq!(listing(dir), files, "files were left next to it: {err}");
    assert!(err.to_string().contains("review copy.candor"), "the message names the file: {err}");
    assert_eq!(err.path(), path);
    err
}

fn alter(path: &Path, sql: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn a_created_project_reopens_with_everything() {
    let (dir, path) = project_path();
    make_project(&path);
    assert_eq!(listing(dir.path()), ["review copy.candor"], "closing folds the WAL in");
    let header = fs::read(&path).unwrap();
    assert_eq!((header[18], header[19]), (2, 2), "WAL mode is recorded in the header");
    assert_eq!(&header[68..72], b"CAND");

    let p = Project::open(&path).unwrap();
    assert_eq!(p.path(), Some(path.as_path()));
    p.integrity_check().unwrap();
    assert_eq!(p.sources().unwrap()[0].title, "System card");
    assert_eq!(p.source("card").unwrap().unwrap().content, content());
    assert_eq!(p.original_bytes("card").unwrap().unwrap(), b"%PDF-1.7 the original");
    assert_eq!(p.versions("companion").unwrap().len(), 3);
    assert_eq!(p.search_passages("red team", 5).unwrap()[0].passage_id, "sec-4-p1");
}

#[test]
fn files_use_wal_and_two_openers_share_the_file() {
    let (dir, path) = project_path();
    make_project(&path);
    let mut app = Project::open(&path).unwrap();
    let cli = Project::open(&path).unwrap();
    app.autosave("companion", "# Two and more\n", T1).unwrap();
    assert!(dir.path().join("review copy.candor-wal").exists());
    let mode: String = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(cli.autosave_state("companion").unwrap().unwrap().text, "# Two and more\n");
}

#[test]
fn create_never_overwrites() {
    let (dir, path) = project_path();
    fs::write(&path, b"precious").unwrap();
    let err = Project::create(&path).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    assert!(err.to_string().contains("already exists"));
    assert_eq!(fs::read(&path).unwrap(), b"precious");
    assert_eq!(listing(dir.path()), ["review copy.candor"]);

    let other = dir.path().join("p.candor");
    make_project(&other);
    let before = digest(&other);
    assert!(matches!(Project::create(&other), Err(StoreError::AlreadyExists { .. })));
    assert_eq!(digest(&other), before);
}

#[test]
fn files_that_are_not_sqlite_are_not_projects() {
    let (_dir, path) = project_path();
    let mut truncated_header = b"SQLite format 3\0".to_vec();
    truncated_header.resize(60, 0);
    for bytes in [&b"%PDF-1.7\n%binary"[..], b"", &truncated_header, &[0xFFu8; 8192]] {
        fs::write(&path, bytes).unwrap();
        let err = open_rejected(&path);
        assert!(matches!(err, StoreError::NotACandorProject { .. }), "{err}");
    }
    assert!(open_rejected(&path).to_string().contains("not a Candor project file"));
}

#[test]
fn sqlite_files_of_other_programs_are_not_projects() {
    let (_dir, path) = project_path();
    alter(&path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');");
    let err = open_rejected(&path);
    assert!(err.to_string().contains("without Candor's mark"), "{err}");

    fs::remove_file(&path).unwrap();
    alter(&path, "PRAGMA application_id = 1234; CREATE TABLE t (x);");
    let err = open_rejected(&path);
    assert!(matches!(err, StoreError::NotACandorProject { .. }), "{err}");
    assert!(err.to_string().contains("another program"), "{err}");
}

#[test]
fn missing_files_and_folders_are_clear_errors() {
    let (dir, path) = project_path();
    let err = Project::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    assert!(err.to_string().contains("review copy.candor"));
    assert!(!path.exists(), "opening never creates a file");
    let err = Project::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::NotACandorProject { .. }), "{err}");
}

#[test]
fn a_file_from_a_newer_candor_is_not_migrated_or_written() {
    let (_dir, path) = project_path();
    make_project(&path);
    alter(&path, &format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1));
    let err = open_rejected(&path);
    match &err {
        StoreError::TooNew { found, supported, .. } => {
            assert_eq!((*found, *supported), (i64::from(SCHEMA_VERSION) + 1, SCHEMA_VERSION));
        }
        other => panic!("{other}"),
    }
    assert!(err.to_string().contains("update Candor"), "{err}");
}

#[test]
fn a_newer_version_still_in_the_wal_is_caught_by_sqlite() {
    let (dir, path) = project_path();
    make_project(&path);
    // The newer Candor's last write is still in the WAL: the header on disk looks current.
    let conn = Connection::open(&path).unwrap();
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = {}",
        SCHEMA_VERSION + 1
    ))
    .unwrap();
    drop(conn);
    let wal = dir.path().join("review copy.candor-wal");
    let wal_before = digest(&wal);
    let err = open_rejected(&path);
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert_eq!(digest(&wal), wal_before, "the WAL is not checkpointed into the file");
}

#[test]
fn altered_schemas_are_refused_and_never_run() {
    let alterations = [
        (
            "CREATE TRIGGER wipe AFTER INSERT ON document_version BEGIN DELETE FROM source; END;",
            "unexpected trigger 'wipe'",
        ),
        ("CREATE VIEW everything AS SELECT * FROM source;", "unexpected view 'everything'"),
        ("ALTER TABLE source ADD COLUMN extra TEXT;", "table 'source' was changed"),
        ("CREATE TABLE extra (x);", "unexpected table 'extra'"),
        ("CREATE INDEX sneaky ON document (title);", "unexpected index 'sneaky'"),
        ("DROP INDEX comment_by_document;", "index 'comment_by_document' is missing"),
        ("CREATE TEMP TABLE t (x); DROP TABLE setting;", "table 'setting' is missing"),
    ];
    for (sql, detail) in alterations {
        let (_dir, path) = project_path();
        make_project(&path);
        alter(&path, sql);
        let err = open_rejected(&path);
        assert!(matches!(err, StoreError::UnexpectedSchema { .. }), "{sql}: {err}");
        assert!(err.to_string().contains(detail), "{sql}: {err}");
        assert!(err.to_string().contains("altered outside Candor"), "{err}");
    }
}

#[test]
fn planner_statistics_are_tolerated() {
    let (_dir, path) = project_path();
    make_project(&path);
    alter(&path, "ANALYZE;");
    let p = Project::open(&path).unwrap();
    assert_eq!(p.versions("companion").unwrap().len(), 3);
}

#[test]
fn a_file_with_flipped_bytes_is_damaged() {
    let (_dir, path) = project_path();
    make_big_project(&path);
    let mut bytes = fs::read(&path).unwrap();
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let middle = bytes.len() / page_size / 2;
    for b in &mut bytes[middle * page_size..(middle + 1) * page_size] {
        *b ^= 0xFF;
    }
    fs::write(&path, &bytes).unwrap();
    let err = open_rejected(&path);
    assert!(matches!(err, StoreError::Damaged { .. }), "{err}");
    assert!(err.to_string().contains("damaged"), "{err}");
}

#[test]
fn a_truncated_file_is_damaged() {
    let (_dir, path) = project_path();
    make_big_project(&path);
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = open_rejected(&path);
    assert!(matches!(err, StoreError::Damaged { .. }), "{err}");
}

#[test]
fn a_version_zero_candor_file_is_migrated() {
    let (_dir, path) = project_path();
    alter(&path, &format!("PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 0;"));
    let mut p = Project::open(&path).unwrap();
    p.create_document("d", "D", "text", T0, "").unwrap();
    drop(p);
    let conn = Connection::open(&path).unwrap();
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    drop(conn);
    assert_eq!(Project::open(&path).unwrap().documents().unwrap().len(), 1);
}

#[test]
fn a_copy_is_one_self_contained_project() {
    let (dir, path) = project_path();
    make_project(&path);
    let mut p = Project::open(&path).unwrap();
    p.save_version("companion", "# Three\n", T1, "", VersionKind::Save).unwrap();
    let copy = dir.path().join("copy.candor");
    p.copy_to(&copy).unwrap();
    assert!(!dir.path().join("copy.candor-wal").exists());
    let q = Project::open(&copy).unwrap();
    assert_eq!(q.document("companion").unwrap().unwrap().text, "# Three\n");
    assert_eq!(q.search_passages("tokens", 5).unwrap().len(), 1);
    assert!(matches!(p.copy_to(&copy), Err(StoreError::AlreadyExists { .. })));
    assert!(matches!(p.copy_to(&path), Err(StoreError::AlreadyExists { .. })));
}

#[test]
fn a_tampered_search_index_is_damaged() {
    let (_dir, path) = project_path();
    make_project(&path);
    alter(&path, "UPDATE passage_search_data SET block = x'FFFFFFFF00' WHERE id > 1;");
    let err = open_rejected(&path);
    assert!(matches!(err, StoreError::Damaged { .. }), "{err}");
}

#[test]
fn a_removed_source_leaves_no_trace_in_the_file() {
    let (_dir, path) = project_path();
    make_project(&path);
    let mut b = SourceBuilder::new();
    b.passage(PassageKind::Paragraph, "The codename is quuxplatypus.", None);
    let secret = b.finish();
    let mut p = Project::open(&path).unwrap();
    p.add_source(&NewSource {
        id: "secret",
        file_name: "quuxplatypus.md",
        format: SourceFormat::Markdown,
        bytes: b"The codename is quuxplatypus.",
        imported_at: T1,
        title: Some("quuxplatypus"),
        content: &secret,
    })
    .unwrap();
    drop(p);
    let contains = |bytes: &[u8]| bytes.windows(12).any(|w| w == b"quuxplatypus");
    assert!(contains(&fs::read(&path).unwrap()));
    let mut p = Project::open(&path).unwrap();
    p.remove_source("secret").unwrap();
    assert!(p.search_passages("quuxplatypus", 5).unwrap().is_empty());
    drop(p);
    assert!(!contains(&fs::read(&path).unwrap()), "the removed text is still in the file");
}
