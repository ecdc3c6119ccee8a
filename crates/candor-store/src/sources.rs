//! Imported sources: original bytes, their SHA-256, and the extracted content.

use candor_model::{SourceContent, SourceFormat};
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use crate::error::Result;
use crate::input::sha256_hex;
use crate::project::Project;
use crate::search;

/// A source to add: the caller has imported `bytes` into `content`.
#[derive(Debug, Clone, Copy)]
pub struct NewSource<'a> {
    /// A short slug the caller chooses, unique in the project (e.g. `gpt-4o-system-card`).
    pub id: &'a str,
    /// The file's name as the user knows it (no folder).
    pub file_name: &'a str,
    pub format: SourceFormat,
    /// The original bytes, kept unchanged.
    pub bytes: &'a [u8],
    /// ISO 8601, given by the caller.
    pub imported_at: &'a str,
    /// Defaults to the title found in `content`, else the file name.
    pub title: Option<&'a str>,
    pub content: &'a SourceContent,
}

/// A source as listed: everything but the bytes and the content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceSummary {
    pub id: String,
    pub file_name: String,
    pub format: SourceFormat,
    pub title: String,
    pub imported_at: String,
    pub byte_size: u64,
    /// SHA-256 of the original bytes, 64 lowercase hex digits.
    pub sha256: String,
    pub sections: u32,
    pub passages: u32,
    pub pages: Option<u32>,
}

/// A source with its decoded content.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSource {
    pub summary: SourceSummary,
    pub content: SourceContent,
}

const SUMMARY_COLUMNS: &str = "id, file_name, format, title, imported_at, byte_size, sha256, \
                               section_count, passage_count, page_count";

/// A summary row as SQLite gives it, before it is checked.
type RawSummary = (String, String, String, String, String, i64, String, i64, i64, Option<i64>);

fn raw_summary(row: &Row<'_>) -> rusqlite::Result<RawSummary> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
        row.get(8)?,
        row.get(9)?,
    ))
}

impl Project {
    /// Checks a source to store; its summary, its content as JSON and its size.
    pub(crate) fn checked_source(
        &self,
        new: &NewSource<'_>,
    ) -> Result<(SourceSummary, String, i64)> {
        self.check_id("source", new.id)?;
        self.check_time("import time", new.imported_at)?;
        if new.file_name.trim().is_empty() {
            return Err(self.invalid("a source needs a file name"));
        }
        let content = new.content;
        if let Some(fact) = content.facts.iter().find(|f| !f.value.is_finite()) {
            return Err(self.invalid(format!(
                "the fact '{}' in passage '{}' has no finite value",
                fact.text, fact.passage
            )));
        }
        let json = serde_json::to_string(content)
            .map_err(|e| self.invalid(format!("the source content cannot be stored: {e}")))?;
        let title = new
            .title
            .or(content.metadata.title.as_deref())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(new.file_name)
            .to_owned();
        let count = |what: &str, n: usize| {
            u32::try_from(n).map_err(|_| self.invalid(format!("too many {what} ({n})")))
        };
        let summary = SourceSummary {
            id: new.id.to_owned(),
            file_name: new.file_name.to_owned(),
            format: new.format,
            title,
            imported_at: new.imported_at.to_owned(),
            byte_size: new.bytes.len() as u64,
            sha256: sha256_hex(new.bytes),
            sections: count("sections", content.sections.len())?,
            passages: count("passages", content.passages.len())?,
            pages: content.pages,
        };
        let byte_size = self.to_i64("the file", new.bytes.len())?;

        Ok((summary, json, byte_size))
    }

    /// Adds a source and indexes its passages for search, in one transaction.
    pub fn add_source(&mut self, new: &NewSource<'_>) -> Result<SourceSummary> {
        let (summary, json, byte_size) = self.checked_source(new)?;
        let content = new.content;
        let tx = self.begin()?;
        let exists: bool = tx
            .query_row("SELECT EXISTS (SELECT 1 FROM source WHERE id = ?1)", [new.id], |r| r.get(0))
            .map_err(self.sql())?;
        if exists {
            return Err(self.duplicate("source", new.id));
        }
        write_source_row(
            &tx,
            "INSERT INTO source (id, file_name, format, title, imported_at, byte_size, sha256, \
             section_count, passage_count, page_count, content, original) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            &summary,
            byte_size,
            &json,
            new.bytes,
        )
        .map_err(self.sql())?;
        search::index_passages(&tx, new.id, content).map_err(self.sql())?;
        tx.commit().map_err(self.sql())?;
        Ok(summary)
    }

    /// Every source, oldest import first.
    pub fn sources(&self) -> Result<Vec<SourceSummary>> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM source ORDER BY imported_at, id");
        let raw: Vec<RawSummary> = self
            .conn()
            .prepare_cached(&sql)
            .and_then(|mut stmt| stmt.query_map([], raw_summary)?.collect())
            .map_err(self.sql())?;
        raw.into_iter().map(|r| self.summary(r)).collect()
    }

    /// The source with this id, content decoded; `None` if there is none.
    pub fn source(&self, id: &str) -> Result<Option<StoredSource>> {
        let sql = format!("SELECT {SUMMARY_COLUMNS}, content FROM source WHERE id = ?1");
        let row = self
            .conn()
            .query_row(&sql, [id], |r| Ok((raw_summary(r)?, r.get::<_, String>(10)?)))
            .optional()
            .map_err(self.sql())?;
        let Some((raw, json)) = row else { return Ok(None) };
        let summary = self.summary(raw)?;
        let content = serde_json::from_str(&json).map_err(|e| {
            self.damaged(format!("the content of source '{}' does not decode: {e}", summary.id))
        })?;
        Ok(Some(StoredSource { summary, content }))
    }

    /// The first source (oldest import) whose original bytes have this SHA-256, to detect
    /// re-imports of the same file.
    pub fn source_by_sha256(&self, sha256: &str) -> Result<Option<SourceSummary>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM source WHERE sha256 = ?1 ORDER BY imported_at, id LIMIT 1"
        );
        let raw = self
            .conn()
            .query_row(&sql, [sha256.to_ascii_lowercase()], raw_summary)
            .optional()
            .map_err(self.sql())?;
        raw.map(|r| self.summary(r)).transpose()
    }

    /// The original bytes of a source, checked against their recorded SHA-256.
    pub fn original_bytes(&self, id: &str) -> Result<Option<Vec<u8>>> {
        let row: Option<(Vec<u8>, String)> = self
            .conn()
            .query_row("SELECT original, sha256 FROM source WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(self.sql())?;
        let Some((bytes, sha256)) = row else { return Ok(None) };
        if sha256_hex(&bytes) != sha256 {
            return Err(self
                .damaged(format!("the stored bytes of source '{id}' do not match their SHA-256")));
        }
        Ok(Some(bytes))
    }

    /// Removes a source and its search entries, in one transaction.
    pub fn remove_source(&mut self, id: &str) -> Result<()> {
        let tx = self.begin()?;
        tx.execute("DELETE FROM source_version WHERE source_id = ?1", [id]).map_err(self.sql())?;
        let removed = tx.execute("DELETE FROM source WHERE id = ?1", [id]).map_err(self.sql())?;
        if removed == 0 {
            return Err(self.not_found("source", id));
        }
        search::unindex_passages(&tx, id).map_err(self.sql())?;
        tx.commit().map_err(self.sql())
    }

    /// Checks a summary row read from the file (which may come from anyone).
    fn summary(&self, raw: RawSummary) -> Result<SourceSummary> {
        let (id, file_name, format, title, imported_at, size, sha256, sections, passages, pages) =
            raw;
        let bad = |what: &str| self.damaged(format!("source '{id}' has an invalid {what}"));
        Ok(SourceSummary {
            format: SourceFormat::parse(&format).ok_or_else(|| bad("format"))?,
            byte_size: u64::try_from(size).map_err(|_| bad("size"))?,
            sections: u32::try_from(sections).map_err(|_| bad("section count"))?,
            passages: u32::try_from(passages).map_err(|_| bad("passage count"))?,
            pages: pages.map(u32::try_from).transpose().map_err(|_| bad("page count"))?,
            id,
            file_name,
            title,
            imported_at,
            sha256,
        })
    }
}

/// Runs `sql`, an INSERT or UPDATE of one `source` row, with the row's values as ?1 to ?12:
/// id, file name, format, title, import time, size, SHA-256, section, passage and page
/// counts, the content as JSON and the original bytes.
pub(crate) fn write_source_row(
    tx: &rusqlite::Transaction<'_>,
    sql: &str,
    summary: &SourceSummary,
    byte_size: i64,
    json: &str,
    original: &[u8],
) -> rusqlite::Result<usize> {
    tx.prepare_cached(sql)?.execute(params![
        summary.id,
        summary.file_name,
        summary.format.id(),
        summary.title,
        summary.imported_at,
        byte_size,
        summary.sha256,
        summary.sections,
        summary.passages,
        summary.pages,
        json,
        original,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreError;
    use crate::test_support::{T1, new_source, report};

    fn count(p: &Project, table: &str) -> i64 {
        p.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn a_source_round_trips() {
        let mut p = Project::in_memory().unwrap();
        let content = report();
        let bytes = b"%PDF-1.7 original bytes";
        let summary = p.add_source(&new_source("frontier", bytes, &content)).unwrap();
        assert_eq!(summary.title, "Frontier Model Report");
        assert_eq!(summary.byte_size, bytes.len() as u64);
        assert_eq!(summary.sha256, sha256_hex(bytes));
        assert_eq!((summary.sections, summary.passages, summary.pages), (3, 4, Some(9)));
        assert_eq!(p.sources().unwrap(), vec![summary.clone()]);

        let stored = p.source("frontier").unwrap().unwrap();
        assert_eq!(stored.summary, summary);
        assert_eq!(stored.content, content);
        assert_eq!(p.original_bytes("frontier").unwrap().unwrap(), bytes);
        assert!(p.source("other").unwrap().is_none());
        assert!(p.original_bytes("other").unwrap().is_none());
        assert_eq!(count(&p, "passage_search"), 4);
    }

    #[test]
    fn titles_default_to_the_content_then_the_file_name() {
        let mut p = Project::in_memory().unwrap();
        let mut content = SourceContent::default();
        let s = p.add_source(&new_source("a", b"x", &content)).unwrap();
        assert_eq!(s.title, "report.pdf");
        content.metadata.title = Some("  ".into());
        let s =
            p.add_source(&NewSource { title: Some("Given"), ..new_source("b", b"y", &content) });
        assert_eq!(s.unwrap().title, "Given");
    }

    #[test]
    fn identical_bytes_are_found_by_their_hash() {
        let mut p = Project::in_memory().unwrap();
        let content = report();
        p.add_source(&new_source("first", b"same bytes", &content)).unwrap();
        let later = NewSource { imported_at: T1, ..new_source("again", b"same bytes", &content) };
        p.add_source(&later).unwrap();
        let hash = sha256_hex(b"same bytes");
        assert_eq!(p.source_by_sha256(&hash).unwrap().unwrap().id, "first");
        assert_eq!(p.source_by_sha256(&hash.to_uppercase()).unwrap().unwrap().id, "first");
        assert!(p.source_by_sha256(&sha256_hex(b"other")).unwrap().is_none());
        assert!(p.source_by_sha256("not a hash").unwrap().is_none());
    }

    #[test]
    fn duplicate_ids_and_bad_input_are_refused_without_changes() {
        let mut p = Project::in_memory().unwrap();
        let content = report();
        p.add_source(&new_source("s", b"one", &content)).unwrap();
        let err = p.add_source(&new_source("s", b"two", &content)).unwrap_err();
        assert!(matches!(err, StoreError::Duplicate { what: "source", .. }), "{err}");
        assert!(err.to_string().contains("'s' already exists"), "{err}");
        for bad in [
            new_source("has space", b"x", &content),
            NewSource { imported_at: "now", ..new_source("t", b"x", &content) },
            NewSource { file_name: " ", ..new_source("t", b"x", &content) },
        ] {
            assert!(matches!(p.add_source(&bad), Err(StoreError::Invalid { .. })));
        }
        let mut nan = report();
        nan.facts[0].value = f64::NAN;
        assert!(matches!(
            p.add_source(&new_source("nan", b"x", &nan)),
            Err(StoreError::Invalid { .. })
        ));
        assert_eq!(p.original_bytes("s").unwrap().unwrap(), b"one");
        assert_eq!(count(&p, "source"), 1);
        assert_eq!(count(&p, "passage_search"), 4);
    }

    #[test]
    fn a_failing_add_leaves_no_partial_rows() {
        let mut p = Project::in_memory().unwrap();
        // Room for the source row (its bytes take a few pages) but not for its passages:
        // the write fails after the source row went in, and must take it back out.
        let mut content = report();
        let long = "word ".repeat(400);
        for i in 0..60 {
            content.passages.push(candor_model::Passage {
                id: format!("extra-{i}"),
                kind: candor_model::PassageKind::Paragraph,
                section: None,
                text: long.clone(),
                page: None,
            });
        }
        let pages: i64 = p.conn().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
        p.conn().pragma_update(None, "max_page_count", pages + 40).unwrap();
        let bytes = vec![7u8; 4096 * 20];
        let err = p.add_source(&new_source("big", &bytes, &content)).unwrap_err();
        assert!(err.to_string().contains("full"), "{err}");
        assert_eq!(count(&p, "source"), 0);
        assert_eq!(count(&p, "passage_search"), 0);
        assert!(p.search_passages("risk", 10).unwrap().is_empty());
        // The source row alone fits: the failure came after it was written.
        p.add_source(&new_source("alone", &bytes, &SourceContent::default())).unwrap();
        p.remove_source("alone").unwrap();

        p.conn().pragma_update(None, "max_page_count", 1_000_000).unwrap();
        p.add_source(&new_source("big", &bytes, &content)).unwrap();
        assert_eq!(count(&p, "passage_search"), 64);
    }

    #[test]
    fn removing_a_source_removes_its_passages() {
        let mut p = Project::in_memory().unwrap();
        let content = report();
        p.add_source(&new_source("a", b"a", &content)).unwrap();
        p.add_source(&new_source("b", b"b", &content)).unwrap();
        p.remove_source("a").unwrap();
        assert_eq!(p.sources().unwrap().len(), 1);
        let hits = p.search_passages("risk", 10).unwrap();
        assert!(hits.iter().all(|h| h.source_id == "b") && !hits.is_empty());
        assert!(matches!(p.remove_source("a"), Err(StoreError::NotFound { .. })));
        assert_eq!(p.sources().unwrap()[0].id, "b");
    }

    #[test]
    fn damaged_rows_are_errors_not_panics() {
        let mut p = Project::in_memory().unwrap();
        let content = report();
        p.add_source(&new_source("s", b"bytes", &content)).unwrap();
        p.conn().execute("UPDATE source SET content = '{not json', format = 'pdf'", []).unwrap();
        assert!(matches!(p.source("s"), Err(StoreError::Damaged { .. })));
        p.conn().execute("UPDATE source SET original = x'00'", []).unwrap();
        assert!(matches!(p.original_bytes("s"), Err(StoreError::Damaged { .. })));
        p.conn().execute("UPDATE source SET format = 'wordperfect'", []).unwrap();
        assert!(matches!(p.sources(), Err(StoreError::Damaged { .. })));
    }
}
