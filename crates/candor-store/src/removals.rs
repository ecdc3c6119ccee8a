//! The removals log: content deliberately left out of a document's public version (the Code
//! of Practice allows leaving out security-sensitive or commercially sensitive content),
//! with what was left out, why, who decided and when. The log stays in the project file and
//! is never exported; a removal is never deleted, only withdrawn.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::error::Result;
use crate::project::Project;
use crate::review::Person;

/// Why something was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalGround {
    Security,
    Commercial,
    PersonalData,
    Other,
}

impl RemovalGround {
    pub const ALL: [RemovalGround; 4] = [
        RemovalGround::Security,
        RemovalGround::Commercial,
        RemovalGround::PersonalData,
        RemovalGround::Other,
    ];

    /// The word stored in the file.
    pub fn id(self) -> &'static str {
        match self {
            RemovalGround::Security => "security",
            RemovalGround::Commercial => "commercial",
            RemovalGround::PersonalData => "personal-data",
            RemovalGround::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.id() == text)
    }
}

/// One deliberate omission from a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    pub id: String,
    pub document: String,
    /// What was left out, in the author's words.
    pub what: String,
    pub why: RemovalGround,
    /// The reason in the author's words.
    pub reason: String,
    pub decided_by: Person,
    pub decided_at: String,
    /// The source the left-out content comes from, if any.
    pub source: Option<String>,
    /// The passage of `source` it comes from, if any.
    pub passage: Option<String>,
    /// When the removal was withdrawn (it no longer holds); `None` while it is active.
    pub withdrawn_at: Option<String>,
}

impl Removal {
    pub fn is_active(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}

type RawRemoval = (
    String,
    String,
    String,
    String,
    String,
    (String, String, String),
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

const COLUMNS: &str = "id, document_id, what, why, reason, decided_by, decided_by_role, \
                       decided_by_email, decided_at, source_id, passage_id, withdrawn_at";

impl Project {
    /// Records a removal from `removal.document`. The document (and the source, if one is
    /// named) must exist; the removal must be new and active.
    pub fn add_removal(&mut self, removal: &Removal) -> Result<()> {
        self.check_id("removal", &removal.id)?;
        self.check_time("decision time", &removal.decided_at)?;
        if removal.what.trim().is_empty() {
            return Err(self.invalid("a removal needs a description of what was left out"));
        }
        if removal.decided_by.name.trim().is_empty() {
            return Err(self.invalid("a removal needs the name of who decided it"));
        }
        if removal.withdrawn_at.is_some() {
            return Err(self.invalid("a new removal cannot already be withdrawn"));
        }
        if removal.passage.is_some() && removal.source.is_none() {
            return Err(self.invalid("a removal can name a passage only together with its source"));
        }
        let tx = self.begin()?;
        let exists = |sql: &str, id: &str| -> Result<bool> {
            tx.query_row(sql, [id], |r| r.get(0)).map_err(self.sql())
        };
        if exists("SELECT EXISTS (SELECT 1 FROM removal WHERE id = ?1)", &removal.id)? {
            return Err(self.duplicate("removal", &removal.id));
        }
        if !exists("SELECT EXISTS (SELECT 1 FROM document WHERE id = ?1)", &removal.document)? {
            return Err(self.not_found("document", &removal.document));
        }
        if let Some(source) = &removal.source
            && !exists("SELECT EXISTS (SELECT 1 FROM source WHERE id = ?1)", source)?
        {
            return Err(self.not_found("source", source));
        }
        tx.execute(
            &format!(
                "INSERT INTO removal ({COLUMNS}) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL)"
            ),
            params![
                removal.id,
                removal.document,
                removal.what.trim(),
                removal.why.id(),
                removal.reason.trim(),
                removal.decided_by.name.trim(),
                removal.decided_by.role.trim(),
                removal.decided_by.email.trim(),
                removal.decided_at,
                removal.source,
                removal.passage,
            ],
        )
        .map_err(self.sql())?;
        tx.commit().map_err(self.sql())
    }

    /// Every removal from a document, withdrawn ones included, oldest first (those decided
    /// at the same time in the order they were recorded).
    pub fn removals(&self, doc: &str) -> Result<Vec<Removal>> {
        let raw: Vec<RawRemoval> = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM removal WHERE document_id = ?1 ORDER BY decided_at, rowid"
            ))
            .and_then(|mut stmt| {
                stmt.query_map([doc], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        (r.get(5)?, r.get(6)?, r.get(7)?),
                        r.get(8)?,
                        r.get(9)?,
                        r.get(10)?,
                        r.get(11)?,
                    ))
                })?
                .collect()
            })
            .map_err(self.sql())?;
        raw.into_iter()
            .map(|(id, document, what, why, reason, by, decided_at, source, passage, withdrawn)| {
                let why = RemovalGround::parse(&why)
                    .ok_or_else(|| self.damaged(format!("removal '{id}' is invalid")))?;
                let (name, role, email) = by;
                Ok(Removal {
                    id,
                    document,
                    what,
                    why,
                    reason,
                    decided_by: Person { name, role, email },
                    decided_at,
                    source,
                    passage,
                    withdrawn_at: withdrawn,
                })
            })
            .collect()
    }

    /// Withdraws a removal at `at`: it stays in the log but no longer counts. Returns the
    /// document it belonged to.
    pub fn withdraw_removal(&mut self, id: &str, at: &str) -> Result<String> {
        self.check_time("withdrawal time", at)?;
        let tx = self.begin()?;
        let found: Option<(String, Option<String>)> = tx
            .query_row("SELECT document_id, withdrawn_at FROM removal WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(self.sql())?;
        let document = match found {
            None => return Err(self.not_found("removal", id)),
            Some((_, Some(when))) => {
                return Err(self.invalid(format!("removal '{id}' was already withdrawn at {when}")));
            }
            Some((document, None)) => document,
        };
        tx.execute("UPDATE removal SET withdrawn_at = ?2 WHERE id = ?1", params![id, at])
            .map_err(self.sql())?;
        tx.commit().map_err(self.sql())?;
        Ok(document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreError;
    use crate::test_support::{T0, T1, T2};

    fn removal(id: &str) -> Removal {
        Removal {
            id: id.into(),
            document: "card".into(),
            what: "The exact red-team prompts".into(),
            why: RemovalGround::Security,
            reason: "They would teach misuse.".into(),
            decided_by: Person {
                name: "Ana".into(),
                role: "Legal".into(),
                email: "a@example.org".into(),
            },
            decided_at: T1.into(),
            source: None,
            passage: None,
            withdrawn_at: None,
        }
    }

    #[test]
    fn grounds_round_trip() {
        for g in RemovalGround::ALL {
            assert_eq!(RemovalGround::parse(g.id()), Some(g));
        }
        assert_eq!(RemovalGround::parse("secret"), None);
    }

    #[test]
    fn removals_are_recorded_listed_and_withdrawn() {
        let mut p = Project::in_memory().unwrap();
        p.create_document("card", "Card", "Text.", T0, "").unwrap();
        let first = removal("r1");
        p.add_removal(&first).unwrap();
        let second = Removal {
            id: "r2".into(),
            why: RemovalGround::Commercial,
            decided_at: T2.into(),
            ..removal("r2")
        };
        p.add_removal(&second).unwrap();
        assert!(matches!(p.add_removal(&first), Err(StoreError::Duplicate { .. })));
        assert_eq!(p.removals("card").unwrap(), [first.clone(), second.clone()]);
        assert!(p.removals("other").unwrap().is_empty());

        assert_eq!(p.withdraw_removal("r1", T2).unwrap(), "card");
        let listed = p.removals("card").unwrap();
        assert_eq!(listed[0].withdrawn_at.as_deref(), Some(T2));
        assert!(!listed[0].is_active() && listed[1].is_active());
        assert!(matches!(p.withdraw_removal("r1", T2), Err(StoreError::Invalid { .. })));
        assert!(matches!(p.withdraw_removal("nope", T2), Err(StoreError::NotFound { .. })));
        assert!(matches!(p.withdraw_removal("r2", "yesterday"), Err(StoreError::Invalid { .. })));
    }

    #[test]
    fn removals_are_checked() {
        let mut p = Project::in_memory().unwrap();
        p.create_document("card", "Card", "Text.", T0, "").unwrap();
        let invalid = |p: &mut Project, r: Removal| {
            assert!(matches!(p.add_removal(&r), Err(StoreError::Invalid { .. })), "{r:?}");
        };
        invalid(&mut p, Removal { what: "  ".into(), ..removal("a") });
        invalid(&mut p, Removal { id: "a b".into(), ..removal("a") });
        invalid(&mut p, Removal { decided_at: "soon".into(), ..removal("a") });
        invalid(&mut p, Removal { withdrawn_at: Some(T2.into()), ..removal("a") });
        invalid(&mut p, Removal { passage: Some("p1".into()), ..removal("a") });
        let mut nobody = removal("a");
        nobody.decided_by.name = " ".into();
        invalid(&mut p, nobody);
        let elsewhere = Removal { document: "nope".into(), ..removal("a") };
        assert!(matches!(p.add_removal(&elsewhere), Err(StoreError::NotFound { .. })));
        let unknown = Removal { source: Some("src".into()), ..removal("a") };
        assert!(matches!(p.add_removal(&unknown), Err(StoreError::NotFound { .. })));
        assert!(p.removals("card").unwrap().is_empty());
    }

    #[test]
    fn a_removal_can_point_at_a_source_passage() {
        let mut p = Project::in_memory().unwrap();
        p.create_document("card", "Card", "Text.", T0, "").unwrap();
        let content = crate::test_support::report();
        p.add_source(&crate::test_support::new_source("src", b"%PDF", &content)).unwrap();
        let r = Removal { source: Some("src".into()), passage: Some("p2".into()), ..removal("a") };
        p.add_removal(&r).unwrap();
        assert_eq!(p.removals("card").unwrap(), [r]);
    }

    #[test]
    fn a_damaged_row_is_an_error() {
        let mut p = Project::in_memory().unwrap();
        p.create_document("card", "Card", "Text.", T0, "").unwrap();
        p.add_removal(&removal("r1")).unwrap();
        // A file edited outside Candor could hold anything the CHECKs allow; simulate a row
        // written by a future version with another ground by lifting the check.
        let conn = p.conn();
        conn.execute_batch("PRAGMA ignore_check_constraints = ON").unwrap();
        conn.execute("UPDATE removal SET why = 'secret'", []).unwrap();
        assert!(matches!(p.removals("card"), Err(StoreError::Damaged { .. })));
    }
}
