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
    /// The comment this one answers.
    pub reply_to: Option<&'a str>,
    /// For a suggestion: the text proposed instead of the anchored range.
    pub suggestion: Option<&'a str>,
    pub author_role: &'a str,
    pub author_email: &'a str,
}

impl<'a> NewComment<'a> {
    /// A plain comment: no reply, no suggestion, no role or e-mail.
    pub fn new(
        id: &'a str,
        document: &'a str,
        version: u32,
        anchor: Anchor,
        author: &'a str,
        body: &'a str,
        created_at: &'a str,
    ) -> Self {
        NewComment {
            id,
            document,
            version,
            anchor,
            author,
            body,
            created_at,
            reply_to: None,
            suggestion: None,
            author_role: "",
            author_email: "",
        }
    }
}

/// What the author decided about a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Accepted,
    Rejected,
}

impl Decision {
    pub fn id(self) -> &'static str {
        match self {
            Decision::Accepted => "accepted",
            Decision::Rejected => "rejected",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [Decision::Accepted, Decision::Rejected].into_iter().find(|d| d.id() == text)
    }
}

/// The commented text of a range anchor with a little of what surrounds it, kept so that the
/// comment can be found again after the text was edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub text: String,
    pub before: String,
    pub after: String,
}

/// How many characters of context a quote keeps on each side.
pub const QUOTE_CONTEXT_CHARS: usize = 32;

impl Quote {
    /// The quote of `span` in `text` (which must hold it on character boundaries).
    pub fn of(text: &str, span: Span) -> Quote {
        let before: String = {
            let head = &text[..span.start];
            let skip = head.chars().count().saturating_sub(QUOTE_CONTEXT_CHARS);
            head.chars().skip(skip).collect()
        };
        Quote {
            text: text[span.start..span.end].to_owned(),
            before,
            after: text[span.end..].chars().take(QUOTE_CONTEXT_CHARS).collect(),
        }
    }
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
    pub reply_to: Option<String>,
    /// For range anchors: the commented text and its context.
    pub quote: Option<Quote>,
    pub suggestion: Option<String>,
    pub decision: Option<Decision>,
    pub decided_at: Option<String>,
    pub author_role: String,
    pub author_email: String,
}

const COMMENT_COLUMNS: &str = "id, document_id, version, anchor_start, anchor_end, \
                               anchor_source, anchor_passage, author, body, created_at, resolved_at, \
                               reply_to, quote, quote_before, quote_after, suggestion, decision, \
                               decided_at, author_role, author_email";

/// A comment row as SQLite gives it, before it is checked.
struct RawComment {
    id: String,
    document: String,
    version: i64,
    start: Option<i64>,
    end: Option<i64>,
    source: Option<String>,
    passage: Option<String>,
    author: String,
    body: String,
    created_at: String,
    resolved_at: Option<String>,
    reply_to: Option<String>,
    quote: Option<String>,
    quote_before: Option<String>,
    quote_after: Option<String>,
    suggestion: Option<String>,
    decision: Option<String>,
    decided_at: Option<String>,
    author_role: String,
    author_email: String,
}

fn raw_comment(r: &Row<'_>) -> rusqlite::Result<RawComment> {
    Ok(RawComment {
        id: r.get(0)?,
        document: r.get(1)?,
        version: r.get(2)?,
        start: r.get(3)?,
        end: r.get(4)?,
        source: r.get(5)?,
        passage: r.get(6)?,
        author: r.get(7)?,
        body: r.get(8)?,
        created_at: r.get(9)?,
        resolved_at: r.get(10)?,
        reply_to: r.get(11)?,
        quote: r.get(12)?,
        quote_before: r.get(13)?,
        quote_after: r.get(14)?,
        suggestion: r.get(15)?,
        decision: r.get(16)?,
        decided_at: r.get(17)?,
        author_role: r.get(18)?,
        author_email: r.get(19)?,
    })
}

impl Project {
    /// Adds a comment to a version of a document, in one transaction. For a range anchor the
    /// commented text and its context are kept with it ([`Quote`]).
    pub fn add_comment(&mut self, new: &NewComment<'_>) -> Result<Comment> {
        self.check_id("comment", new.id)?;
        self.check_time("comment time", new.created_at)?;
        if new.body.trim().is_empty() && new.suggestion.is_none() {
            return Err(self.invalid("a comment needs some text"));
        }
        if new.suggestion.is_some() && !matches!(new.anchor, Anchor::Range { .. }) {
            return Err(self.invalid("a suggestion replaces a range of the text; give one"));
        }
        let tx = self.begin()?;
        let exists: bool = tx
            .query_row("SELECT EXISTS (SELECT 1 FROM comment WHERE id = ?1)", [new.id], |r| {
                r.get(0)
            })
            .map_err(self.sql())?;
        if exists {
            return Err(self.duplicate("comment", new.id));
        }
        if let Some(parent) = new.reply_to {
            let found: bool = tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM comment WHERE id = ?1 AND document_id = ?2)",
                    params![parent, new.document],
                    |r| r.get(0),
                )
                .map_err(self.sql())?;
            if !found {
                return Err(self.not_found("comment", parent));
            }
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
        let quote = match &new.anchor {
            Anchor::Range { span } => {
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
                Some(Quote::of(&text, *span))
            }
            _ => None,
        };
        let comment = Comment {
            id: new.id.to_owned(),
            document: DocumentId::new(new.document),
            version: new.version,
            anchor: new.anchor.clone(),
            author: new.author.trim().to_owned(),
            body: new.body.to_owned(),
            created_at: new.created_at.to_owned(),
            resolved_at: None,
            reply_to: new.reply_to.map(str::to_owned),
            quote,
            suggestion: new.suggestion.map(str::to_owned),
            decision: None,
            decided_at: None,
            author_role: new.author_role.trim().to_owned(),
            author_email: new.author_email.trim().to_owned(),
        };
        self.insert_comment(&tx, &comment)?;
        tx.commit().map_err(self.sql())?;
        Ok(comment)
    }

    fn insert_comment(&self, tx: &rusqlite::Transaction<'_>, c: &Comment) -> Result<()> {
        let (start, end, source, passage) = match &c.anchor {
            Anchor::Document => (None, None, None, None),
            Anchor::Range { span } => (
                Some(self.to_i64("the range", span.start)?),
                Some(self.to_i64("the range", span.end)?),
                None,
                None,
            ),
            Anchor::Passage { source, passage } => {
                (None, None, Some(source.as_str()), Some(passage.as_str()))
            }
        };
        let quote = c.quote.as_ref();
        tx.execute(
            &format!(
                "INSERT INTO comment ({COMMENT_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, \
                 ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
            ),
            params![
                c.id,
                c.document.as_str(),
                c.version,
                start,
                end,
                source,
                passage,
                c.author,
                c.body,
                c.created_at,
                c.resolved_at,
                c.reply_to,
                quote.map(|q| q.text.as_str()),
                quote.map(|q| q.before.as_str()),
                quote.map(|q| q.after.as_str()),
                c.suggestion,
                c.decision.map(Decision::id),
                c.decided_at,
                c.author_role,
                c.author_email
            ],
        )
        .map_err(self.sql())?;
        Ok(())
    }

    /// Takes in a comment made elsewhere (a returned review copy), keeping its id, text and
    /// state. A comment already here is left as it is, so taking in the same copy twice
    /// changes nothing; returns whether it was added. The comment's version must exist here
    /// with the text it was made on.
    pub fn take_in_comment(&mut self, c: &Comment) -> Result<bool> {
        self.check_id("comment", &c.id)?;
        let tx = self.begin()?;
        let exists: bool = tx
            .query_row("SELECT EXISTS (SELECT 1 FROM comment WHERE id = ?1)", [&c.id], |r| r.get(0))
            .map_err(self.sql())?;
        if exists {
            return Ok(false);
        }
        let text: Option<String> = tx
            .query_row(
                "SELECT text FROM document_version WHERE document_id = ?1 AND number = ?2",
                params![c.document.as_str(), c.version],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())?;
        let Some(text) = text else {
            return Err(self.not_found("version", &format!("{} version {}", c.document, c.version)));
        };
        if let Anchor::Range { span } = c.anchor {
            let fits = span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
                && c.quote.as_ref().is_some_and(|q| q.text == text[span.start..span.end]);
            if !fits {
                return Err(self.invalid(format!(
                    "comment '{}' does not fit version {} of '{}'",
                    c.id, c.version, c.document
                )));
            }
        }
        self.insert_comment(&tx, c)?;
        tx.commit().map_err(self.sql())?;
        Ok(true)
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

    /// One comment by id.
    pub fn find_comment(&self, id: &str) -> Result<Option<Comment>> {
        let sql = format!("SELECT {COMMENT_COLUMNS} FROM comment WHERE id = ?1");
        let raw = self
            .conn()
            .prepare_cached(&sql)
            .and_then(|mut stmt| stmt.query_row([id], raw_comment).optional())
            .map_err(self.sql())?;
        raw.map(|r| self.comment(r)).transpose()
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

    /// Records the author's decision on a suggestion (which also resolves it).
    pub fn decide_suggestion(&mut self, id: &str, decision: Decision, at: &str) -> Result<()> {
        self.check_time("decision time", at)?;
        let tx = self.begin()?;
        let changed = tx
            .execute(
                "UPDATE comment SET decision = ?2, decided_at = ?3, resolved_at = ?3 \
                 WHERE id = ?1 AND suggestion IS NOT NULL",
                params![id, decision.id(), at],
            )
            .map_err(self.sql())?;
        if changed == 0 {
            return Err(self.not_found("suggestion", id));
        }
        tx.commit().map_err(self.sql())
    }

    /// Checks a comment row read from the file (which may come from anyone).
    fn comment(&self, raw: RawComment) -> Result<Comment> {
        let bad = || self.damaged(format!("comment '{}' is invalid", raw.id));
        let anchor = match (raw.start, raw.end, raw.source.clone(), raw.passage.clone()) {
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
        let quote = match (raw.quote, raw.quote_before, raw.quote_after) {
            (Some(text), Some(before), Some(after)) => Some(Quote { text, before, after }),
            (None, None, None) => None,
            _ => return Err(bad()),
        };
        let decision = match raw.decision.as_deref() {
            None => None,
            Some(d) => Some(Decision::parse(d).ok_or_else(bad)?),
        };
        Ok(Comment {
            version: u32::try_from(raw.version).map_err(|_| bad())?,
            id: raw.id,
            document: DocumentId::new(raw.document),
            anchor,
            author: raw.author,
            body: raw.body,
            created_at: raw.created_at,
            resolved_at: raw.resolved_at,
            reply_to: raw.reply_to,
            quote,
            suggestion: raw.suggestion,
            decision,
            decided_at: raw.decided_at,
            author_role: raw.author_role,
            author_email: raw.author_email,
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
        NewComment::new(id, "card", 1, anchor, "Reviewer", "Say who ran the evaluations.", T1)
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
