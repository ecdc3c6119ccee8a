//! Comparing two versions of a document, word by word.

use std::path::Path;

use candor_analysis::{DiffLine, DiffRow, DiffRun, diff_text};
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::{Error, VersionItem};

/// How version `from` of a document differs from version `to`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct VersionDiff {
    /// The document's id.
    pub document: String,
    pub from: VersionItem,
    pub to: VersionItem,
    /// The text of `to`, with what `from` had in between: equal, deleted and inserted runs.
    pub runs: Vec<DiffRunItem>,
    /// Both versions line by line, side by side.
    pub rows: Vec<DiffRowItem>,
    pub words_added: u32,
    pub words_removed: u32,
    /// The two texts are the same.
    pub identical: bool,
}

/// A stretch of text in a [`VersionDiff`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DiffRunItem {
    /// `equal`, `deleted` or `inserted`.
    pub kind: String,
    pub text: String,
}

/// One row of the side-by-side form: the older version left, the newer right; a side is
/// missing where lines were only removed or only added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DiffRowItem {
    pub left: Option<DiffLineItem>,
    pub right: Option<DiffLineItem>,
}

/// One line of one side, without its line break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DiffLineItem {
    /// The line's number in its version, from 1.
    pub number: u32,
    /// The line in pieces; `changed` marks words removed (left) or added (right).
    pub parts: Vec<DiffPartItem>,
    pub changed: bool,
}

/// A piece of a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DiffPartItem {
    pub text: String,
    pub changed: bool,
}

/// Compares version `from` of document `id` with version `to` (either may be the older).
pub fn diff_versions(
    project_path: &Path,
    id: &str,
    from: u32,
    to: u32,
) -> Result<VersionDiff, Error> {
    let versions = crate::document_history(project_path, id)?;
    let find = |number: u32| {
        versions.iter().find(|v| v.number == number).ok_or_else(|| Error::UnknownVersion {
            project: project_path.to_owned(),
            id: id.to_owned(),
            number,
        })
    };
    let (from_version, to_version) = (find(from)?, find(to)?);
    let old = crate::get_document(project_path, id, Some(from))?;
    let new = crate::get_document(project_path, id, Some(to))?;
    let diff = diff_text(&old, &new);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(VersionDiff {
        document: id.to_owned(),
        from: VersionItem::from(from_version),
        to: VersionItem::from(to_version),
        identical: diff.is_identical(),
        runs: diff.runs.iter().map(run_item).collect(),
        rows: diff.rows.iter().map(row_item).collect(),
        words_added: count(diff.words_added),
        words_removed: count(diff.words_removed),
    })
}

fn run_item(run: &DiffRun) -> DiffRunItem {
    let kind = match run {
        DiffRun::Equal(_) => "equal",
        DiffRun::Deleted(_) => "deleted",
        DiffRun::Inserted(_) => "inserted",
    };
    DiffRunItem { kind: kind.to_owned(), text: run.text().to_owned() }
}

fn row_item(row: &DiffRow) -> DiffRowItem {
    let line = |l: &DiffLine| DiffLineItem {
        number: u32::try_from(l.number).unwrap_or(u32::MAX),
        parts: l
            .parts
            .iter()
            .map(|p| DiffPartItem { text: p.text.clone(), changed: p.changed })
            .collect(),
        changed: l.changed,
    };
    DiffRowItem { left: row.left.as_ref().map(line), right: row.right.as_ref().map(line) }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn compares_two_versions_of_a_project_document() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.candor");
        crate::create_project(&project).unwrap();
        let v1 = "---\ntitle: Doc\nlang: en\n---\n\nThe risk is low.\n";
        let v2 = "---\ntitle: Doc\nlang: en\n---\n\nThe risk is very high.\n";
        let at = "2026-03-01T10:00:00Z";
        let id = crate::put_document(&project, None, v1, "first", at).unwrap();
        crate::put_document(&project, Some(id.as_str()), v2, "raised", at).unwrap();

        let diff = diff_versions(&project, id.as_str(), 1, 2).unwrap();
        assert!(!diff.identical);
        assert_eq!((diff.from.number, diff.to.number), (1, 2));
        assert_eq!((diff.words_added, diff.words_removed), (2, 1));
        let changed: Vec<(&str, &str)> = diff
            .runs
            .iter()
            .filter(|r| r.kind != "equal")
            .map(|r| (r.kind.as_str(), r.text.as_str()))
            .collect();
        assert_eq!(changed, [("deleted", "low"), ("inserted", "very high")]);
        let row = diff.rows.iter().find(|r| r.left.as_ref().is_some_and(|l| l.changed)).unwrap();
        assert_eq!(row.left.as_ref().unwrap().number, 6);
        assert!(serde_json::to_string(&diff).unwrap().contains("\"kind\":\"inserted\""));

        assert!(diff_versions(&project, id.as_str(), 2, 2).unwrap().identical);
        let err = diff_versions(&project, id.as_str(), 1, 9).unwrap_err();
        assert!(matches!(err, Error::UnknownVersion { number: 9, .. }));
        assert!(err.to_string().contains(&format!("`{id}` has no version 9")), "{err}");
        let err = diff_versions(&project, "nope", 1, 2).unwrap_err();
        assert!(matches!(err, Error::UnknownDocument { .. }), "{err}");
    }
}
