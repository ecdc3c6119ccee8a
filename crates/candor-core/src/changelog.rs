//! The `candor-changelog` generated block: the noted versions of a project's document.

use std::path::Path;

use candor_model::{Date, Diagnostic, Document};
use candor_render::ChangelogEntry;
use candor_store::VersionKind;

use crate::Error;

/// Replaces each `candor-changelog` block with the versions of the document that carry a note,
/// newest first: the version its front matter (`version:`) gave then, or the version number;
/// the day it was saved; the note. Notes Candor writes itself (exports) are left out.
///
/// The history lives in a project: a document outside one gets a `generated/needs-project`
/// warning and the block is left out. With a project but no document id (the live preview
/// of a text) the block is left out silently.
pub(crate) fn expand_changelog_blocks(
    doc: &mut Document,
    project: Option<&Path>,
    document_id: Option<&str>,
) -> Result<Vec<Diagnostic>, Error> {
    if !crate::export::has_generated(doc, "changelog") {
        return Ok(Vec::new());
    }
    let entries = match (project, document_id) {
        (Some(path), Some(id)) => Some(entries(path, id)?),
        _ => None,
    };
    let left_out = crate::export::replace_generated(doc, "changelog", |lang, span| {
        entries.as_ref().map(|e| candor_render::changelog_blocks(e, lang, span))
    });
    if project.is_some() {
        return Ok(Vec::new());
    }
    Ok(left_out
        .into_iter()
        .map(|span| {
            Diagnostic::warning(
                "generated/needs-project",
                span,
                "The `candor-changelog` block lists the versions of a document, which only a project keeps; it is left out.",
            )
            .with_hint("Put the document into a project and export from it: candor doc put P.candor DOC.md --note \"…\"")
        })
        .collect())
}

/// The noted versions of document `id`, newest first.
fn entries(project_path: &Path, id: &str) -> Result<Vec<ChangelogEntry>, Error> {
    let project = crate::open_project(project_path)?;
    let map = |e| Error::store(project_path, e);
    let versions = project.versions(id).map_err(map)?;
    let mut entries = Vec::new();
    for version in versions.iter().rev() {
        if version.note.is_empty() || version.kind == VersionKind::Export {
            continue;
        }
        let text = project.version_text(id, version.number).map_err(map)?.unwrap_or_default();
        let named = candor_import::parse_companion(&text).value.meta.version;
        entries.push(ChangelogEntry {
            version: named
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| version.number.to_string()),
            date: version.at.get(..10).and_then(|day| Date::parse(day).ok()),
            note: version.note.clone(),
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use crate::{DocumentSource, ExportRequest};

    #[test]
    fn the_exported_html_lists_the_noted_versions_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.candor");
        crate::create_project(&project).unwrap();
        let text = |version: &str| {
            format!(
                "---\ntitle: Doc\nlang: en\nversion: \"{version}\"\n---\n\n# Changes\n\n```candor-changelog\n```\n"
            )
        };
        let id = crate::put_document(
            &project,
            None,
            &text("1.0"),
            "First published.",
            "2026-02-01T09:00:00Z",
        )
        .unwrap();
        crate::put_document(&project, Some(id.as_str()), &text("1.1"), "", "2026-02-10T09:00:00Z")
            .unwrap();
        crate::put_document(
            &project,
            Some(id.as_str()),
            &text("1.2"),
            "Added the risk of harmful manipulation.",
            "2026-03-01T09:00:00Z",
        )
        .unwrap();
        let html = dir.path().join("out.html");
        let request = ExportRequest {
            document: DocumentSource::Project { project: project.clone(), id: id.to_string() },
            html: Some(html.clone()),
            ..ExportRequest::default()
        };
        let report = crate::export_document(&request, &mut ()).unwrap();
        assert!(!report.has_errors(), "{:?}", report.diagnostics);
        let html = std::fs::read_to_string(&html).unwrap();
        let newest = html.find("Version 1.2 — 1 March 2026:").unwrap_or_else(|| panic!("{html}"));
        let oldest = html.find("Version 1.0 — 1 February 2026:").unwrap();
        assert!(newest < oldest);
        assert!(html.contains("Added the risk of harmful manipulation."));
        assert!(!html.contains("Version 1.1"), "a version without a note is not listed");
        assert!(!html.contains("exported to"));

        // Outside a project: a warning, and the block is left out.
        let file = dir.path().join("doc.md");
        std::fs::write(&file, text("1.0")).unwrap();
        let request = ExportRequest {
            document: DocumentSource::File(file),
            html: Some(dir.path().join("file.html")),
            ..ExportRequest::default()
        };
        let report = crate::export_document(&request, &mut ()).unwrap();
        assert!(report.diagnostics.iter().any(|d| d.code == "generated/needs-project"));
        let html = std::fs::read_to_string(dir.path().join("file.html")).unwrap();
        assert!(!html.contains("Version 1.0 —"));
    }
}
