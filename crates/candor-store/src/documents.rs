//! Companion documents: full version history (never rewritten) and autosave.

use std::fmt;

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::error::Result;
use crate::input::sha256_hex;
use crate::project::Project;

/// The id of a companion document, chosen by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct DocumentId(String);

impl DocumentId {
    pub fn new(id: impl Into<String>) -> Self {
        DocumentId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for DocumentId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Why a version was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VersionKind {
    /// The author saved explicitly.
    Save,
    /// The document was exported (PDF, HTML…); the exported text is kept.
    Export,
    /// An earlier version was restored ([`Project::restore`]).
    Restore,
    /// The text came from a file (e.g. `candor doc put`).
    Import,
}

impl VersionKind {
    /// The word stored in the file.
    pub fn id(self) -> &'static str {
        match self {
            VersionKind::Save => "save",
            VersionKind::Export => "export",
            VersionKind::Restore => "restore",
            VersionKind::Import => "import",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Save, Self::Export, Self::Restore, Self::Import].into_iter().find(|k| k.id() == text)
    }
}

/// One version of a document, without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionSummary {
    /// 1 for the first version, then counting up.
    pub number: u32,
    pub at: String,
    pub kind: VersionKind,
    pub note: String,
    /// For [`VersionKind::Restore`]: the version whose text was restored.
    pub restored_from: Option<u32>,
    pub byte_size: u64,
    /// SHA-256 of the text, 64 lowercase hex digits.
    pub sha256: String,
}

/// A document as listed, with its latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentSummary {
    pub id: DocumentId,
    pub title: String,
    pub created_at: String,
    pub latest: VersionSummary,
}

/// A document with the text of its latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredDocument {
    pub id: DocumentId,
    pub title: String,
    pub created_at: String,
    pub version: VersionSummary,
    pub text: String,
}

/// Unsaved work found after a crash: the working text autosaved after the latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AutosaveState {
    pub at: String,
    /// The version the working text was based on (the latest version).
    pub based_on: u32,
    pub text: String,
}

const VERSION_COLUMNS: &str = "number, at, kind, note, restored_from, byte_size, sha256";

/// A version row as SQLite gives it, before it is checked.
type RawVersion = (i64, String, String, String, Option<i64>, i64, String);

fn raw_version(row: &Row<'_>, first: usize) -> rusqlite::Result<RawVersion> {
    Ok((
        row.get(first)?,
        row.get(first + 1)?,
        row.get(first + 2)?,
        row.get(first + 3)?,
        row.get(first + 4)?,
        row.get(first + 5)?,
        row.get(first + 6)?,
    ))
}

impl Project {
    /// Creates a document with its first version (kind [`VersionKind::Save`]).
    pub fn create_document(
        &mut self,
        id: &str,
        title: &str,
        text: &str,
        at: &str,
        note: &str,
    ) -> Result<DocumentId> {
        self.check_id("document", id)?;
        self.check_time("creation time", at)?;
        let tx = self.begin()?;
        if document_exists(&tx, id).map_err(self.sql())? {
            return Err(self.duplicate("document", id));
        }
        tx.execute(
            "INSERT INTO document (id, title, created_at) VALUES (?1, ?2, ?3)",
            params![id, title.trim(), at],
        )
        .map_err(self.sql())?;
        self.insert_version(&tx, id, 1, text, at, note, VersionKind::Save, None)?;
        tx.commit().map_err(self.sql())?;
        Ok(DocumentId::new(id))
    }

    /// Saves `text` as a new version (every explicit save and every export is one) and
    /// clears the document's autosave.
    pub fn save_version(
        &mut self,
        doc: &str,
        text: &str,
        at: &str,
        note: &str,
        kind: VersionKind,
    ) -> Result<VersionSummary> {
        self.check_time("save time", at)?;
        if kind == VersionKind::Restore {
            return Err(self.invalid("restore a version with `restore`, which records its origin"));
        }
        let tx = self.begin()?;
        let number = self.next_version(&tx, doc)?;
        let version = self.insert_version(&tx, doc, number, text, at, note, kind, None)?;
        tx.commit().map_err(self.sql())?;
        Ok(version)
    }

    /// Makes a new version whose text is that of version `number` (history is never
    /// rewritten) and clears the document's autosave.
    pub fn restore(&mut self, doc: &str, number: u32, at: &str) -> Result<VersionSummary> {
        self.check_time("restore time", at)?;
        let tx = self.begin()?;
        let next = self.next_version(&tx, doc)?;
        let text: Option<String> = tx
            .query_row(
                "SELECT text FROM document_version WHERE document_id = ?1 AND number = ?2",
                params![doc, number],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())?;
        let Some(text) = text else {
            return Err(self.not_found("version", &format!("{doc} version {number}")));
        };
        let version =
            self.insert_version(&tx, doc, next, &text, at, "", VersionKind::Restore, Some(number))?;
        tx.commit().map_err(self.sql())?;
        Ok(version)
    }

    /// Every version of a document, oldest first.
    pub fn versions(&self, doc: &str) -> Result<Vec<VersionSummary>> {
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM document_version WHERE document_id = ?1 ORDER BY number"
        );
        let raw: Vec<RawVersion> = self
            .conn()
            .prepare_cached(&sql)
            .and_then(|mut stmt| stmt.query_map([doc], |r| raw_version(r, 0))?.collect())
            .map_err(self.sql())?;
        if raw.is_empty() {
            return Err(self.not_found("document", doc));
        }
        raw.into_iter().map(|r| self.version(doc, r)).collect()
    }

    /// The text of one version; `None` if the document or the version does not exist.
    pub fn version_text(&self, doc: &str, number: u32) -> Result<Option<String>> {
        self.conn()
            .query_row(
                "SELECT text FROM document_version WHERE document_id = ?1 AND number = ?2",
                params![doc, number],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())
    }

    /// Every document with its latest version, oldest document first.
    pub fn documents(&self) -> Result<Vec<DocumentSummary>> {
        let sql = format!(
            "SELECT d.id, d.title, d.created_at, {VERSION_COLUMNS} \
             FROM document AS d JOIN document_version AS v ON v.document_id = d.id \
             AND v.number = (SELECT max(number) FROM document_version WHERE document_id = d.id) \
             ORDER BY d.created_at, d.id"
        );
        let raw: Vec<(String, String, String, RawVersion)> = self
            .conn()
            .prepare_cached(&sql)
            .and_then(|mut stmt| {
                stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, raw_version(r, 3)?)))?
                    .collect()
            })
            .map_err(self.sql())?;
        raw.into_iter()
            .map(|(id, title, created_at, version)| {
                Ok(DocumentSummary {
                    latest: self.version(&id, version)?,
                    id: DocumentId(id),
                    title,
                    created_at,
                })
            })
            .collect()
    }

    /// A document with the text of its latest version; `None` if there is none.
    pub fn document(&self, doc: &str) -> Result<Option<StoredDocument>> {
        let sql = format!(
            "SELECT d.title, d.created_at, v.text, {VERSION_COLUMNS} \
             FROM document AS d JOIN document_version AS v ON v.document_id = d.id \
             WHERE d.id = ?1 ORDER BY v.number DESC LIMIT 1"
        );
        let raw: Option<(String, String, String, RawVersion)> = self
            .conn()
            .query_row(&sql, [doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, raw_version(r, 3)?)))
            .optional()
            .map_err(self.sql())?;
        let Some((title, created_at, text, version)) = raw else { return Ok(None) };
        Ok(Some(StoredDocument {
            id: DocumentId::new(doc),
            title,
            created_at,
            version: self.version(doc, version)?,
            text,
        }))
    }

    /// Renames a document (titles are not versioned).
    pub fn set_document_title(&mut self, doc: &str, title: &str) -> Result<()> {
        let tx = self.begin()?;
        let changed = tx
            .execute("UPDATE document SET title = ?2 WHERE id = ?1", params![doc, title.trim()])
            .map_err(self.sql())?;
        if changed == 0 {
            return Err(self.not_found("document", doc));
        }
        tx.commit().map_err(self.sql())
    }

    /// Keeps the working text of a document without making a version; replaces the previous
    /// autosave. The next save, export or restore clears it.
    pub fn autosave(&mut self, doc: &str, text: &str, at: &str) -> Result<()> {
        self.check_time("autosave time", at)?;
        let tx = self.begin()?;
        let latest = self.next_version(&tx, doc)? - 1;
        tx.execute(
            "INSERT INTO autosave (document_id, based_on, at, text) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (document_id) DO UPDATE SET \
             based_on = excluded.based_on, at = excluded.at, text = excluded.text",
            params![doc, latest, at, text],
        )
        .map_err(self.sql())?;
        tx.commit().map_err(self.sql())
    }

    /// The autosaved working text, if it is newer than the latest version and differs from
    /// it: the work to recover after a crash.
    pub fn autosave_state(&self, doc: &str) -> Result<Option<AutosaveState>> {
        let row: Option<(i64, String, String)> = self
            .conn()
            .query_row(
                "SELECT a.based_on, a.at, a.text FROM autosave AS a \
                 JOIN document_version AS v ON v.document_id = a.document_id \
                 AND v.number = (SELECT max(number) FROM document_version \
                 WHERE document_id = a.document_id) \
                 WHERE a.document_id = ?1 AND a.based_on = v.number AND a.text <> v.text",
                [doc],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(self.sql())?;
        let Some((based_on, at, text)) = row else { return Ok(None) };
        let based_on = u32::try_from(based_on)
            .map_err(|_| self.damaged(format!("the autosave of document '{doc}' is invalid")))?;
        Ok(Some(AutosaveState { at, based_on, text }))
    }

    /// Drops the autosaved working text of a document (e.g. the author declined recovery).
    pub fn discard_autosave(&mut self, doc: &str) -> Result<()> {
        let tx = self.begin()?;
        tx.execute("DELETE FROM autosave WHERE document_id = ?1", [doc]).map_err(self.sql())?;
        tx.commit().map_err(self.sql())
    }

    /// The number the next version of `doc` gets; `NotFound` if there is no such document.
    fn next_version(&self, conn: &Connection, doc: &str) -> Result<u32> {
        let latest: Option<i64> = conn
            .query_row(
                "SELECT max(number) FROM document_version WHERE document_id = ?1",
                [doc],
                |r| r.get(0),
            )
            .map_err(self.sql())?;
        let Some(latest) = latest else { return Err(self.not_found("document", doc)) };
        u32::try_from(latest)
            .ok()
            .and_then(|n| n.checked_add(1))
            .ok_or_else(|| self.damaged(format!("document '{doc}' has an invalid version number")))
    }

    #[allow(clippy::too_many_arguments)]
    fn insert_version(
        &self,
        conn: &Connection,
        doc: &str,
        number: u32,
        text: &str,
        at: &str,
        note: &str,
        kind: VersionKind,
        restored_from: Option<u32>,
    ) -> Result<VersionSummary> {
        let version = VersionSummary {
            number,
            at: at.to_owned(),
            kind,
            note: note.trim().to_owned(),
            restored_from,
            byte_size: text.len() as u64,
            sha256: sha256_hex(text.as_bytes()),
        };
        conn.execute(
            "INSERT INTO document_version \
             (document_id, number, at, kind, note, restored_from, byte_size, sha256, text) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                doc,
                number,
                version.at,
                kind.id(),
                version.note,
                restored_from,
                self.to_i64("the text", text.len())?,
                version.sha256,
                text,
            ],
        )
        .map_err(self.sql())?;
        conn.execute("DELETE FROM autosave WHERE document_id = ?1", [doc]).map_err(self.sql())?;
        Ok(version)
    }

    /// Checks a version row read from the file (which may come from anyone).
    fn version(&self, doc: &str, raw: RawVersion) -> Result<VersionSummary> {
        let (number, at, kind, note, restored_from, size, sha256) = raw;
        let bad = |what: &str| {
            self.damaged(format!("a version of document '{doc}' has an invalid {what}"))
        };
        Ok(VersionSummary {
            number: u32::try_from(number).map_err(|_| bad("number"))?,
            at,
            kind: VersionKind::parse(&kind).ok_or_else(|| bad("kind"))?,
            note,
            restored_from: restored_from
                .map(u32::try_from)
                .transpose()
                .map_err(|_| bad("restored version"))?,
            byte_size: u64::try_from(size).map_err(|_| bad("size"))?,
            sha256,
        })
    }
}

/// Whether a document with this id exists.
fn document_exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM document WHERE id = ?1)", [id], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreError;
    use crate::test_support::{T0, T1, T2, T3};

    fn project_with_doc() -> Project {
        let mut p = Project::in_memory().unwrap();
        let id =
            p.create_document("card", " Model card ", "# Draft 1\n", T0, "first draft").unwrap();
        assert_eq!(id.as_str(), "card");
        p
    }

    fn kinds(p: &Project) -> Vec<(u32, VersionKind, Option<u32>)> {
        p.versions("card").unwrap().iter().map(|v| (v.number, v.kind, v.restored_from)).collect()
    }

    #[test]
    fn saves_and_exports_are_versions() {
        let mut p = project_with_doc();
        let v2 =
            p.save_version("card", "# Draft 2\n", T1, "  tightened  ", VersionKind::Save).unwrap();
        assert_eq!((v2.number, v2.note.as_str()), (2, "tightened"));
        assert_eq!(v2.sha256, sha256_hex(b"# Draft 2\n"));
        assert_eq!(v2.byte_size, 10);
        // Saving the same text again is still a version: every explicit save counts.
        p.save_version("card", "# Draft 2\n", T2, "", VersionKind::Export).unwrap();
        p.save_version("card", "# From file\n", T3, "", VersionKind::Import).unwrap();
        assert_eq!(
            kinds(&p),
            [
                (1, VersionKind::Save, None),
                (2, VersionKind::Save, None),
                (3, VersionKind::Export, None),
                (4, VersionKind::Import, None),
            ]
        );
        let doc = p.document("card").unwrap().unwrap();
        assert_eq!((doc.title.as_str(), doc.created_at.as_str()), ("Model card", T0));
        assert_eq!((doc.version.number, doc.text.as_str()), (4, "# From file\n"));
        assert_eq!(p.version_text("card", 1).unwrap().as_deref(), Some("# Draft 1\n"));
        assert_eq!(p.version_text("card", 9).unwrap(), None);
        assert_eq!(p.versions("card").unwrap()[0].note, "first draft");
    }

    #[test]
    fn restoring_adds_a_version_and_keeps_history() {
        let mut p = project_with_doc();
        p.save_version("card", "# Draft 2\n", T1, "", VersionKind::Save).unwrap();
        let before: Vec<_> = p.versions("card").unwrap();
        let restored = p.restore("card", 1, T2).unwrap();
        assert_eq!(
            (restored.number, restored.kind, restored.restored_from),
            (3, VersionKind::Restore, Some(1))
        );
        assert_eq!(restored.sha256, before[0].sha256);
        assert_eq!(p.document("card").unwrap().unwrap().text, "# Draft 1\n");
        assert_eq!(&p.versions("card").unwrap()[..2], &before[..]);
        assert_eq!(p.version_text("card", 2).unwrap().as_deref(), Some("# Draft 2\n"));

        let err = p.restore("card", 7, T3).unwrap_err();
        assert!(matches!(err, StoreError::NotFound { what: "version", .. }), "{err}");
        assert!(matches!(p.restore("nope", 1, T3), Err(StoreError::NotFound { .. })));
        assert_eq!(p.versions("card").unwrap().len(), 3);
        assert!(matches!(
            p.save_version("card", "x", T3, "", VersionKind::Restore),
            Err(StoreError::Invalid { .. })
        ));
    }

    #[test]
    fn documents_are_listed_with_their_latest_version() {
        let mut p = project_with_doc();
        p.create_document("faq", "FAQ", "Q?", T1, "").unwrap();
        p.save_version("card", "# Draft 2\n", T2, "", VersionKind::Save).unwrap();
        p.set_document_title("faq", "Questions").unwrap();
        let docs = p.documents().unwrap();
        let listed: Vec<_> =
            docs.iter().map(|d| (d.id.as_str(), d.title.as_str(), d.latest.number)).collect();
        assert_eq!(listed, [("card", "Model card", 2), ("faq", "Questions", 1)]);
        assert!(p.document("missing").unwrap().is_none());
        assert!(matches!(p.versions("missing"), Err(StoreError::NotFound { .. })));
        assert!(matches!(p.set_document_title("missing", "x"), Err(StoreError::NotFound { .. })));
        assert!(matches!(
            p.save_version("missing", "x", T3, "", VersionKind::Save),
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            p.create_document("faq", "Again", "", T3, ""),
            Err(StoreError::Duplicate { what: "document", .. })
        ));
        assert!(matches!(
            p.create_document("a b", "", "", T3, ""),
            Err(StoreError::Invalid { .. })
        ));
        assert!(matches!(
            p.create_document("c", "", "", "later", ""),
            Err(StoreError::Invalid { .. })
        ));
        assert_eq!(p.documents().unwrap().len(), 2);
    }

    #[test]
    fn autosave_is_recovered_until_the_next_save() {
        let mut p = project_with_doc();
        assert_eq!(p.autosave_state("card").unwrap(), None);
        p.autosave("card", "# Draft 1 and a half\n", T1).unwrap();
        p.autosave("card", "# Draft 1 and three quarters\n", T2).unwrap();
        let state = p.autosave_state("card").unwrap().unwrap();
        assert_eq!(
            state,
            AutosaveState {
                at: T2.into(),
                based_on: 1,
                text: "# Draft 1 and three quarters\n".into()
            }
        );
        let rows: i64 =
            p.conn().query_row("SELECT count(*) FROM autosave", [], |r| r.get(0)).unwrap();
        assert_eq!(rows, 1, "one autosave row per document");
        assert_eq!(p.versions("card").unwrap().len(), 1, "autosave makes no version");

        p.save_version("card", &state.text, T3, "recovered", VersionKind::Save).unwrap();
        assert_eq!(p.autosave_state("card").unwrap(), None);

        // Working text identical to the latest version: nothing to recover.
        p.autosave("card", "# Draft 1 and three quarters\n", T3).unwrap();
        assert_eq!(p.autosave_state("card").unwrap(), None);
        // A restore is a new version too, and clears the autosave.
        p.autosave("card", "changed", T3).unwrap();
        assert!(p.autosave_state("card").unwrap().is_some());
        p.restore("card", 1, T3).unwrap();
        assert_eq!(p.autosave_state("card").unwrap(), None);
        p.autosave("card", "changed", T3).unwrap();
        p.discard_autosave("card").unwrap();
        assert_eq!(p.autosave_state("card").unwrap(), None);
        assert!(matches!(p.autosave("missing", "x", T3), Err(StoreError::NotFound { .. })));
        assert_eq!(p.autosave_state("missing").unwrap(), None);
    }

    #[test]
    fn version_kinds_have_stable_ids() {
        for kind in
            [VersionKind::Save, VersionKind::Export, VersionKind::Restore, VersionKind::Import]
        {
            assert_eq!(VersionKind::parse(kind.id()), Some(kind));
        }
        assert_eq!(VersionKind::parse("draft"), None);
    }
}
