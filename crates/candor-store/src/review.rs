//! Review: approvals of exact versions, the history of each document's status, and the
//! review copies sent to reviewers.

use rusqlite::types::FromSql;
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use crate::error::Result;
use crate::project::Project;

/// Where a document stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentStatus {
    Draft,
    InReview,
    Approved,
    Published,
}

impl DocumentStatus {
    pub const ALL: [DocumentStatus; 4] = [
        DocumentStatus::Draft,
        DocumentStatus::InReview,
        DocumentStatus::Approved,
        DocumentStatus::Published,
    ];

    /// The word stored in the file.
    pub fn id(self) -> &'static str {
        match self {
            DocumentStatus::Draft => "draft",
            DocumentStatus::InReview => "in-review",
            DocumentStatus::Approved => "approved",
            DocumentStatus::Published => "published",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.id() == text)
    }
}

/// Who did something: a reviewer's or author's identity as they gave it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Person {
    pub name: String,
    pub role: String,
    pub email: String,
}

/// An approval of one version of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approval {
    pub id: String,
    pub document: String,
    pub version: u32,
    /// SHA-256 of the approved text: the approval holds for that text only.
    pub sha256: String,
    pub reviewer: Person,
    pub at: String,
}

/// One change of a document's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub seq: u32,
    pub at: String,
    pub status: DocumentStatus,
    /// The version the change was about.
    pub version: u32,
    pub by: Person,
    pub note: String,
}

/// A review copy sent from this project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewCopy {
    pub id: String,
    pub document: String,
    /// The version the reviewer was sent.
    pub version: u32,
    pub reviewer: String,
    pub sent_at: String,
    /// When it was last merged back, if ever.
    pub merged_at: Option<String>,
}

type RawApproval = (String, String, i64, String, String, String, String, String);
type RawChange = (i64, String, String, i64, String, String, String, String);
type RawCopy = (String, String, i64, String, String, Option<String>);

impl Project {
    /// Every row `sql` finds for `doc` (its only parameter), each turned by `row`.
    fn rows_for<T>(
        &self,
        sql: &str,
        doc: &str,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        self.conn()
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_map([doc], row)?.collect())
            .map_err(self.sql())
    }
}

impl Project {
    /// Records an approval of `version` of `doc`; the version must have the text `sha256`
    /// names. An approval with the same id already here is left alone (returns `false`), so
    /// taking in a returned copy twice changes nothing.
    pub fn add_approval(&mut self, approval: &Approval) -> Result<bool> {
        self.check_id("approval", &approval.id)?;
        self.check_time("approval time", &approval.at)?;
        if approval.reviewer.name.trim().is_empty() {
            return Err(self.invalid("an approval needs the reviewer's name"));
        }
        let tx = self.begin()?;
        let exists: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM approval WHERE id = ?1)",
                [&approval.id],
                |r| r.get(0),
            )
            .map_err(self.sql())?;
        if exists {
            return Ok(false);
        }
        let sha: Option<String> = tx
            .query_row(
                "SELECT sha256 FROM document_version WHERE document_id = ?1 AND number = ?2",
                params![approval.document, approval.version],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())?;
        match sha {
            None => {
                return Err(self.not_found(
                    "version",
                    &format!("{} version {}", approval.document, approval.version),
                ));
            }
            Some(sha) if sha != approval.sha256 => {
                return Err(self.invalid(format!(
                    "approval '{}' is for other text than version {} of '{}'",
                    approval.id, approval.version, approval.document
                )));
            }
            Some(_) => {}
        }
        tx.execute(
            "INSERT INTO approval (id, document_id, version, sha256, reviewer, role, email, at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                approval.id,
                approval.document,
                approval.version,
                approval.sha256,
                approval.reviewer.name.trim(),
                approval.reviewer.role.trim(),
                approval.reviewer.email.trim(),
                approval.at
            ],
        )
        .map_err(self.sql())?;
        tx.commit().map_err(self.sql())?;
        Ok(true)
    }

    /// Every approval of a document, oldest first.
    pub fn approvals(&self, doc: &str) -> Result<Vec<Approval>> {
        let raw: Vec<RawApproval> = self.rows_for(
            "SELECT id, document_id, version, sha256, reviewer, role, email, at FROM approval \
             WHERE document_id = ?1 ORDER BY at, id",
            doc,
            eight_columns,
        )?;
        raw.into_iter()
            .map(|(id, document, version, sha256, name, role, email, at)| {
                let version = u32::try_from(version)
                    .map_err(|_| self.damaged(format!("approval '{id}' is invalid")))?;
                Ok(Approval {
                    id,
                    document,
                    version,
                    sha256,
                    reviewer: Person { name, role, email },
                    at,
                })
            })
            .collect()
    }

    /// Records a change of `doc`'s status about `version`; returns it with its sequence
    /// number.
    pub fn add_status_change(
        &mut self,
        doc: &str,
        status: DocumentStatus,
        version: u32,
        by: &Person,
        note: &str,
        at: &str,
    ) -> Result<StatusChange> {
        self.check_time("status change time", at)?;
        let tx = self.begin()?;
        let exists: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM document_version WHERE document_id = ?1 AND number = ?2)",
                params![doc, version],
                |r| r.get(0),
            )
            .map_err(self.sql())?;
        if !exists {
            return Err(self.not_found("version", &format!("{doc} version {version}")));
        }
        let seq: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM status_change WHERE document_id = ?1",
                [doc],
                |r| r.get(0),
            )
            .map_err(self.sql())?;
        tx.execute(
            "INSERT INTO status_change (document_id, seq, at, status, version, by_name, by_role, \
             by_email, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                doc,
                seq,
                at,
                status.id(),
                version,
                by.name.trim(),
                by.role.trim(),
                by.email.trim(),
                note
            ],
        )
        .map_err(self.sql())?;
        tx.commit().map_err(self.sql())?;
        Ok(StatusChange {
            seq: u32::try_from(seq).unwrap_or(u32::MAX),
            at: at.to_owned(),
            status,
            version,
            by: Person {
                name: by.name.trim().to_owned(),
                role: by.role.trim().to_owned(),
                email: by.email.trim().to_owned(),
            },
            note: note.to_owned(),
        })
    }

    /// Every status change of a document, oldest first.
    pub fn status_history(&self, doc: &str) -> Result<Vec<StatusChange>> {
        let raw: Vec<RawChange> = self.rows_for(
            "SELECT seq, at, status, version, by_name, by_role, by_email, note \
             FROM status_change WHERE document_id = ?1 ORDER BY seq",
            doc,
            eight_columns,
        )?;
        raw.into_iter()
            .map(|(seq, at, status, version, name, role, email, note)| {
                let bad = || self.damaged(format!("status change {seq} of '{doc}' is invalid"));
                Ok(StatusChange {
                    seq: u32::try_from(seq).map_err(|_| bad())?,
                    at,
                    status: DocumentStatus::parse(&status).ok_or_else(bad)?,
                    version: u32::try_from(version).map_err(|_| bad())?,
                    by: Person { name, role, email },
                    note,
                })
            })
            .collect()
    }

    /// Records a review copy sent for `copy.version` of `copy.document`.
    pub fn add_review_copy(&mut self, copy: &ReviewCopy) -> Result<()> {
        self.check_id("review copy", &copy.id)?;
        self.check_time("sending time", &copy.sent_at)?;
        let tx = self.begin()?;
        let exists: bool = tx
            .query_row("SELECT EXISTS (SELECT 1 FROM review_copy WHERE id = ?1)", [&copy.id], |r| {
                r.get(0)
            })
            .map_err(self.sql())?;
        if exists {
            return Err(self.duplicate("review copy", &copy.id));
        }
        tx.execute(
            "INSERT INTO review_copy (id, document_id, version, reviewer, sent_at, merged_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, NULL)",
            params![copy.id, copy.document, copy.version, copy.reviewer.trim(), copy.sent_at],
        )
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => {
                self.not_found("version", &format!("{} version {}", copy.document, copy.version))
            }
            _ => self.sql()(e),
        })?;
        tx.commit().map_err(self.sql())
    }

    /// The review copies sent for a document, oldest first.
    pub fn review_copies(&self, doc: &str) -> Result<Vec<ReviewCopy>> {
        let raw: Vec<RawCopy> = self.rows_for(
            "SELECT id, document_id, version, reviewer, sent_at, merged_at FROM review_copy \
             WHERE document_id = ?1 ORDER BY sent_at, id",
            doc,
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )?;
        raw.into_iter()
            .map(|(id, document, version, reviewer, sent_at, merged_at)| {
                let version = u32::try_from(version)
                    .map_err(|_| self.damaged(format!("review copy '{id}' is invalid")))?;
                Ok(ReviewCopy { id, document, version, reviewer, sent_at, merged_at })
            })
            .collect()
    }

    /// Notes that a review copy was merged back at `at`.
    pub fn mark_copy_merged(&mut self, id: &str, at: &str) -> Result<()> {
        self.check_time("merging time", at)?;
        let tx = self.begin()?;
        let changed = tx
            .execute("UPDATE review_copy SET merged_at = ?2 WHERE id = ?1", params![id, at])
            .map_err(self.sql())?;
        if changed == 0 {
            return Err(self.not_found("review copy", id));
        }
        tx.commit().map_err(self.sql())
    }
}

/// The first eight columns of a row, as a tuple.
#[allow(clippy::type_complexity)]
fn eight_columns<A, B, C, D, E, F, G, H>(r: &Row<'_>) -> rusqlite::Result<(A, B, C, D, E, F, G, H)>
where
    A: FromSql,
    B: FromSql,
    C: FromSql,
    D: FromSql,
    E: FromSql,
    F: FromSql,
    G: FromSql,
    H: FromSql,
{
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreError;
    use crate::VersionKind;
    use crate::test_support::{T0, T1, T2};

    fn person(name: &str) -> Person {
        Person { name: name.into(), role: "Legal".into(), email: "a@example.org".into() }
    }

    #[test]
    fn approvals_hold_for_their_exact_text_and_come_in_once() {
        let mut p = Project::in_memory().unwrap();
        p.create_document("card", "Card", "First text.", T0, "").unwrap();
        let sha = crate::sha256_hex(b"First text.");
        let approval = Approval {
            id: "a1".into(),
            document: "card".into(),
            version: 1,
            sha256: sha.clone(),
            reviewer: person("Ana"),
            at: T1.into(),
        };
        assert!(p.add_approval(&approval).unwrap());
        assert!(!p.add_approval(&approval).unwrap(), "the same approval twice changes nothing");
        let wrong = Approval { id: "a2".into(), sha256: "0".repeat(64), ..approval.clone() };
        assert!(matches!(p.add_approval(&wrong), Err(StoreError::Invalid { .. })));
        let missing = Approval { id: "a3".into(), version: 9, ..approval.clone() };
        assert!(matches!(p.add_approval(&missing), Err(StoreError::NotFound { .. })));
        assert_eq!(p.approvals("card").unwrap(), [approval]);
    }

    #[test]
    fn status_changes_are_numbered_and_kept() {
        let mut p = Project::in_memory().unwrap();
        p.create_document("card", "Card", "Text.", T0, "").unwrap();
        p.save_version("card", "Text, edited.", T1, "", VersionKind::Save).unwrap();
        let a =
            p.add_status_change("card", DocumentStatus::InReview, 1, &person("Ana"), "sent", T1);
        let b = p.add_status_change("card", DocumentStatus::Approved, 2, &person("Ben"), "", T2);
        assert_eq!((a.unwrap().seq, b.unwrap().seq), (1, 2));
        let history = p.status_history("card").unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[1].status, DocumentStatus::Approved);
        assert_eq!(history[1].by.name, "Ben");
        assert!(matches!(
            p.add_status_change("card", DocumentStatus::Draft, 7, &person("Ana"), "", T2),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn review_copies_are_recorded_and_marked_merged() {
        let mut p = Project::in_memory().unwrap();
        p.create_document("card", "Card", "Text.", T0, "").unwrap();
        let copy = ReviewCopy {
            id: "copy-1".into(),
            document: "card".into(),
            version: 1,
            reviewer: "Ana".into(),
            sent_at: T1.into(),
            merged_at: None,
        };
        p.add_review_copy(&copy).unwrap();
        assert!(matches!(p.add_review_copy(&copy), Err(StoreError::Duplicate { .. })));
        p.mark_copy_merged("copy-1", T2).unwrap();
        assert_eq!(p.review_copies("card").unwrap()[0].merged_at.as_deref(), Some(T2));
        assert!(matches!(p.mark_copy_merged("nope", T2), Err(StoreError::NotFound { .. })));
    }
}
