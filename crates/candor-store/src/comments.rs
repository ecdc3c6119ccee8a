//! Review comments on a version of a companion document.

use candor_model::Span;
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use crate::documents::DocumentId;
use crate::error::Result;
use crate::project::Project;

/// What a comment is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Anchor {
    /// The document as a whole.
    Document,
    /// A byte range of the commented version's text.
    Range { span: Span },
    /// A passage of a source (`source:SOURCE#PASSAGE`).
    Passage { source: String, passage: String },
}

/// A comment to add.
#[derive(Debug, Clone)]
pub struct NewComment<'a> {
    /// Chosen by the caller, unique in the project.
    pub id: &'a str,
    pub document: &'a str,
    /// The version the reviewer read.
    pub version: u32,
    pub anchor: Anchor,
    pub author: &'a str,
    pub body: &'a str,
    /// ISO 8601, given by the caller.
    pub created_at: &'a str,
}

/// A stored comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub id: String,
    pub document: DocumentId,
    pub version: u32,
    pub anchor: Anchor,
    pub author: String,
    pub body: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
}

const COMMENT_COLUMNS: &str = "id, document_id, version, anchor_start, anchor_end, \
                               anchor_source, anchor_passage, author, body, created_at, resolved_at";

type RawComment = (
    String,
    String,
    i64,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
);

fn raw_comment(r: &Row<'_>) -> rusqlite::Result<RawComment> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
    ))
}

impl Project {
    /// Adds a comment to a version of a document, in one transaction.
    pub fn add_comment(&mut self, new: &NewComment<'_>) -> Result<Comment> {
        self.check_id("comment", new.id)?;
        self.check_time("comment time", new.created_at)?;
        if new.body.trim().is_empty() {
            return Err(self.invalid("a comment needs some text"));
        }
        let (start, end, source, passage) = match &new.anchor {
            Anchor::Document => (None, None, None, None),
            Anchor::Range { span } => (Some(span.start), Some(span.end), None, None),
            Anchor::Passage { source, passage } => {
                (None, None, Some(source.as_str()), Some(passage.as_str()))
            }
        };
        let tx = self.begin()?;
        let exists: bool = tx
            .query_row("SELECT EXISTS (SELECT 1 FROM comment WHERE id = ?1)", [new.id], |r| {
                r.get(0)
            })
            .map_err(self.sql())?;
        if exists {
            return Err(self.duplicate("comment", new.id));
        }
        let text: Option<String> = tx
            .query_row(
                "SELECT text FROM document_version WHERE document_id = ?1 AND number = ?2",
                params![new.document, new.version],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())?;
        let Some(text) = text else {
            return Err(
                self.not_found("version", &format!("{} version {}", new.document, new.version))
            );
        };
        if let Anchor::Range { span } = &new.anchor {
            let fits = span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end);
            if !fits {
                return Err(self.invalid(format!(
                    "the range {}..{} is not within version {} of '{}' ({} bytes)",
                    span.start,
                    span.end,
                    new.version,
                    new.document,
                    text.len()
                )));
            }
        }
        let start = start.map(|n| self.to_i64("the range", n)).transpose()?;
        let end = end.map(|n| self.to_i64("the range", n)).transpose()?;
        tx.execute(
            "INSERT INTO comment (id, document_id, version, anchor_start, anchor_end, \
             anchor_source, anchor_passage, author, body, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                new.id,
                new.document,
                new.version,
                start,
                end,
                source,
                passage,
                new.author.trim(),
                new.body,
                new.created_at
            ],
        )
        .map_err(self.sql())?;
        tx.commit().map_err(self.sql())?;
        Ok(Comment {
            id: new.id.to_owned(),
            document: DocumentId::new(new.document),
            version: new.version,
            anchor: new.anchor.clone(),
            author: new.author.trim().to_owned(),
            body: new.body.to_owned(),
            created_at: new.created_at.to_owned(),
            resolved_at: None,
        })
    }

    /// The comments on a document (all versions), oldest first.
    pub fn comments(&self, doc: &str) -> Result<Vec<Comment>> {
        let sql = format!(
            "SELECT {COMMENT_COLUMNS} FROM comment WHERE document_id = ?1 ORDER BY created_at, id"
        );
        let raw: Vec<RawComment> = self
            .conn()
            .prepare_cached(&sql)
            .and_then(|mut stmt| stmt.query_map([doc], raw_comment)?.collect())
            .map_err(self.sql())?;
        raw.into_iter().map(|r| self.comment(r)).collect()
    }

    /// Marks a comment resolved at `at`.
    pub fn resolve_comment(&mut self, id: &str, at: &str) -> Result<()> {
        self.check_time("resolution time", at)?;
        let tx = self.begin()?;
        let changed = tx
            .execute("UPDATE comment SET resolved_at = ?2 WHERE id = ?1", params![id, at])
            .map_err(self.sql())?;
        if changed == 0 {
            return Err(self.not_found("comment", id));
        }
        tx.commit().map_err(self.sql())
    }

    /// Checks a comment row read from the file (which may come from anyone).
    fn comment(&self, raw: RawComment) -> Result<Comment> {
        let (id, document, version, start, end, source, passage, author, body, created, resolved) =
            raw;
        let bad = || self.damaged(format!("comment '{id}' is invalid"));
        let anchor = match (start, end, source, passage) {
            (None, None, None, None) => Anchor::Document,
            (Some(s), Some(e), None, None) => Anchor::Range {
                span: Span::new(
                    usize::try_from(s).map_err(|_| bad())?,
                    usize::try_from(e).map_err(|_| bad())?,
                ),
            },
            (None, None, Some(source), Some(passage)) => Anchor::Passage { source, passage },
            _ => return Err(bad()),
        };
        Ok(Comment {
            version: u32::try_from(version).map_err(|_| bad())?,
            id,
            document: DocumentId::new(document),
            anchor,
            author,
            body,
            created_at: created,
            resolved_at: resolved,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreError;
    use crate::VersionKind;
    use crate::test_support::{T0, T1, T2, T3};

    fn new(id: &str, anchor: Anchor) -> NewComment<'_> {
        NewComment {
            id,
            document: "card",
            version: 1,
            anchor,
            author: "Reviewer",
            body: "Say who ran the evaluations.",
            created_at: T1,
        }
    }

    #[test]
    fn comments_are_added_listed_and_resolved() {
        let mut p = Project::in_memory().unwrap();
        p.create_document("card", "Card", "Évaluations ran.", T0, "").unwrap();
        p.save_version("card", "Evaluations ran.", T0, "", VersionKind::Save).unwrap();
        let range = Anchor::Range { span: Span::new(0, 13) };
        let c1 = p.add_comment(&new("c1", range)).unwrap();
        let passage = Anchor::Passage { source: "frontier".into(), passage: "sec-7-3-p1".into() };
        p.add_comment(&NewComment { version: 2, created_at: T2, ..new("c2", passage) }).unwrap();
        p.add_comment(&NewComment { created_at: T3, ..new("c3", Anchor::Document) }).unwrap();
        p.resolve_comment("c1", T3).unwrap();
        let listed = p.comments("card").unwrap();
        assert_eq!(listed.len(), 3);
        assert_eq!(listed[0], Comment { resolved_at: Some(T3.into()), ..c1 });
        assert_eq!(listed[1].version, 2);
        assert!(matches!(listed[1].anchor, Anchor::Passage { .. }));
        assert_eq!(listed[2].anchor, Anchor::Document);
        assert!(p.comments("other").unwrap().is_empty());
    }

    #[test]
    fn bad_comments_are_refused() {
        let mut p = Project::in_memory().unwrap();
        p.create_document("card", "Card", "Évaluations ran.", T0, "").unwrap();
        p.add_comment(&new("c1", Anchor::Document)).unwrap();
        let cases = [
            new("c1", Anchor::Document),
            new("c2", Anchor::Range { span: Span::new(0, 99) }),
            new("c2", Anchor::Range { span: Span::new(5, 2) }),
            // Inside the two-byte "É".
            new("c2", Anchor::Range { span: Span::new(1, 4) }),
            NewComment { body: "  ", ..new("c2", Anchor::Document) },
            NewComment { version: 5, ..new("c2", Anchor::Document) },
            NewComment { document: "none", ..new("c2", Anchor::Document) },
        ];
        let errors: Vec<String> = cases
            .iter()
            .map(|c| match p.add_comment(c) {
                Err(StoreError::Duplicate { .. }) => "duplicate".to_owned(),
                Err(StoreError::Invalid { .. }) => "invalid".to_owned(),
                Err(StoreError::NotFound { .. }) => "not found".to_owned(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            errors,
            ["duplicate", "invalid", "invalid", "invalid", "invalid", "not found", "not found"]
        );
        assert!(matches!(p.resolve_comment("c9", T1), Err(StoreError::NotFound { .. })));
        assert_eq!(p.comments("card").unwrap().len(), 1);
    }
}
