//! Versions of a source: importing a new version of a source keeps the content it replaces,
//! and authors confirm that a citation still holds against the new version.

use candor_model::SourceContent;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::error::Result;
use crate::project::Project;
use crate::search;
use crate::sources::{NewSource, SourceSummary, write_source_row};

/// An earlier version of a source, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceVersion {
    /// 1 for the first content replaced, then counting up.
    pub number: u32,
    /// When a newer version replaced it.
    pub replaced_at: String,
    pub file_name: String,
    pub sha256: String,
}

/// An author's word that a citation still holds against one version of its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationCheck {
    pub document: String,
    pub source: String,
    pub passage: String,
    /// SHA-256 of the source file it was checked against.
    pub sha256: String,
    pub confirmed_by: String,
    pub confirmed_at: String,
}

impl Project {
    /// Replaces the content of source `new.id` with a new version of the file, keeping the
    /// content it had as an earlier version, in one transaction. The same file again is
    /// refused.
    pub fn update_source(&mut self, new: &NewSource<'_>) -> Result<SourceSummary> {
        let (summary, json, byte_size) = self.checked_source(new)?;
        let tx = self.begin()?;
        let current: Option<(String, String, String)> = tx
            .query_row(
                "SELECT file_name, sha256, content FROM source WHERE id = ?1",
                [new.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(self.sql())?;
        let Some((old_file, old_sha, old_content)) = current else {
            return Err(self.not_found("source", new.id));
        };
        if old_sha == summary.sha256 {
            return Err(
                self.invalid(format!("this file is the version of '{}' already imported", new.id))
            );
        }
        let number: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM source_version WHERE source_id = ?1",
                [new.id],
                |r| r.get(0),
            )
            .map_err(self.sql())?;
        tx.execute(
            "INSERT INTO source_version (source_id, number, replaced_at, file_name, sha256, content) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![new.id, number, new.imported_at, old_file, old_sha, old_content],
        )
        .map_err(self.sql())?;
        write_source_row(
            &tx,
            "UPDATE source SET file_name = ?2, format = ?3, title = ?4, imported_at = ?5, \
             byte_size = ?6, sha256 = ?7, section_count = ?8, passage_count = ?9, page_count = ?10, \
             content = ?11, original = ?12 WHERE id = ?1",
            &summary,
            byte_size,
            &json,
            new.bytes,
        )
        .map_err(self.sql())?;
        search::unindex_passages(&tx, new.id).map_err(self.sql())?;
        search::index_passages(&tx, new.id, new.content).map_err(self.sql())?;
        tx.commit().map_err(self.sql())?;
        Ok(summary)
    }

    /// The earlier versions of a source, oldest first.
    pub fn source_versions(&self, id: &str) -> Result<Vec<SourceVersion>> {
        let raw: Vec<(i64, String, String, String)> = self
            .conn()
            .prepare_cached(
                "SELECT number, replaced_at, file_name, sha256 FROM source_version \
                 WHERE source_id = ?1 ORDER BY number",
            )
            .and_then(|mut stmt| {
                stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                    .collect()
            })
            .map_err(self.sql())?;
        raw.into_iter()
            .map(|(number, replaced_at, file_name, sha256)| {
                let number = u32::try_from(number)
                    .map_err(|_| self.damaged(format!("a version of source '{id}' is invalid")))?;
                Ok(SourceVersion { number, replaced_at, file_name, sha256 })
            })
            .collect()
    }

    /// The content of earlier version `number` of a source.
    pub fn source_version_content(&self, id: &str, number: u32) -> Result<Option<SourceContent>> {
        let json: Option<String> = self
            .conn()
            .query_row(
                "SELECT content FROM source_version WHERE source_id = ?1 AND number = ?2",
                params![id, number],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())?;
        json.map(|j| {
            serde_json::from_str(&j)
                .map_err(|_| self.damaged(format!("version {number} of source '{id}' is invalid")))
        })
        .transpose()
    }

    /// Records that a citation of `doc` still holds against the source file `check.sha256`.
    pub fn confirm_citation(&mut self, check: &CitationCheck) -> Result<()> {
        self.check_time("confirmation time", &check.confirmed_at)?;
        let tx = self.begin()?;
        tx.execute(
            "INSERT OR REPLACE INTO citation_check (document_id, source_id, passage_id, sha256, \
             confirmed_by, confirmed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                check.document,
                check.source,
                check.passage,
                check.sha256,
                check.confirmed_by.trim(),
                check.confirmed_at
            ],
        )
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => {
                self.invalid(format!("cannot confirm a citation of '{}'", check.document))
            }
            _ => self.sql()(e),
        })?;
        tx.commit().map_err(self.sql())
    }

    /// Every confirmation recorded for a document.
    pub fn citation_checks(&self, doc: &str) -> Result<Vec<CitationCheck>> {
        self.conn()
            .prepare_cached(
                "SELECT source_id, passage_id, sha256, confirmed_by, confirmed_at \
                 FROM citation_check WHERE document_id = ?1 ORDER BY confirmed_at",
            )
            .and_then(|mut stmt| {
                stmt.query_map([doc], |r| {
                    Ok(CitationCheck {
                        document: doc.to_owned(),
                        source: r.get(0)?,
                        passage: r.get(1)?,
                        sha256: r.get(2)?,
                        confirmed_by: r.get(3)?,
                        confirmed_at: r.get(4)?,
                    })
                })?
                .collect()
            })
            .map_err(self.sql())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreError;
    use crate::test_support::{T0, T1, T2};

    fn content(text: &str) -> SourceContent {
        let mut c = SourceContent::default();
        c.passages.push(candor_model::Passage {
            id: "p1".into(),
            kind: candor_model::PassageKind::Paragraph,
            section: None,
            text: text.into(),
            page: None,
        });
        c
    }

    fn new<'a>(bytes: &'a [u8], content: &'a SourceContent, at: &'a str) -> NewSource<'a> {
        NewSource {
            id: "report",
            file_name: "report.md",
            format: candor_model::SourceFormat::Markdown,
            title: None,
            imported_at: at,
            bytes,
            content,
        }
    }

    #[test]
    fn a_new_version_keeps_the_old_content() {
        let mut p = Project::in_memory().unwrap();
        let (v1, v2) = (content("It refused 96% of requests."), content("It refused 91%."));
        p.add_source(&new(b"one", &v1, T0)).unwrap();
        let summary = p.update_source(&new(b"two", &v2, T1)).unwrap();
        assert_eq!(summary.sha256, crate::sha256_hex(b"two"));
        let versions = p.source_versions("report").unwrap();
        assert_eq!(versions.len(), 1);
        assert_eq!(versions[0].sha256, crate::sha256_hex(b"one"));
        assert_eq!(p.source_version_content("report", 1).unwrap().unwrap(), v1);
        assert_eq!(p.source("report").unwrap().unwrap().content, v2);
        // The same file again, or an unknown id, is refused and changes nothing.
        assert!(matches!(p.update_source(&new(b"two", &v2, T2)), Err(StoreError::Invalid { .. })));
        let other = NewSource { id: "nope", ..new(b"three", &v2, T2) };
        assert!(matches!(p.update_source(&other), Err(StoreError::NotFound { .. })));
        assert_eq!(p.source_versions("report").unwrap().len(), 1);
        // Removing the source removes its history too.
        p.remove_source("report").unwrap();
        assert!(p.source_versions("report").unwrap().is_empty());
    }

    #[test]
    fn confirmations_are_kept_per_source_version() {
        let mut p = Project::in_memory().unwrap();
        p.create_document("card", "Card", "Text.", T0, "").unwrap();
        let check = CitationCheck {
            document: "card".into(),
            source: "report".into(),
            passage: "p1".into(),
            sha256: "a".repeat(64),
            confirmed_by: "Ana".into(),
            confirmed_at: T1.into(),
        };
        p.confirm_citation(&check).unwrap();
        p.confirm_citation(&check).unwrap();
        assert_eq!(p.citation_checks("card").unwrap(), std::slice::from_ref(&check));
        let missing = CitationCheck { document: "none".into(), ..check };
        assert!(p.confirm_citation(&missing).is_err());
    }
}
