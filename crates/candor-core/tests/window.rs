#![allow(clippy::unwrap_used)]
//! The use cases the desktop window relies on, against real project files.

use candor_core::{
    DocumentSource, ExportRequest, PdfStandard, autosave_document, create_project,
    document_history, export_document, open_for_editing, project_overview, put_document,
    save_version, source_reader, versions,
};

const DOC: &str = "---\ntitle: Draft test\nlang: en\ndate: 2026-03-01\n---\n\n# What it is\n\nA program that writes text.\n";
const NOW: &str = "2026-03-01T10:00:00Z";

fn project_with_document() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.candor");
    create_project(&project).unwrap();
    let id = put_document(&project, None, DOC, "first", NOW).unwrap();
    (dir, project, id.as_str().to_owned())
}

#[test]
fn exporting_a_draft_records_exactly_the_exported_text() {
    let (dir, project, id) = project_with_document();
    let edited = DOC.replace("writes text", "writes careful text");
    let html = dir.path().join("out.html");
    let request = ExportRequest {
        document: DocumentSource::Draft {
            project: project.clone(),
            id: id.clone(),
            text: edited.clone(),
        },
        html: Some(html.clone()),
        pdf_standard: PdfStandard::Tagged,
        ..ExportRequest::default()
    };
    let report = export_document(&request, &mut ()).unwrap();
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    assert!(std::fs::read_to_string(&html).unwrap().contains("careful text"));
    let history = document_history(&project, &id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].kind.id(), "export");
    assert_eq!(candor_core::get_document(&project, &id, None).unwrap(), edited);
}

#[test]
fn a_draft_with_errors_is_not_exported_and_changes_nothing() {
    let (dir, project, id) = project_with_document();
    let broken = DOC.replace("date: 2026-03-01", "date: the first of March");
    let html = dir.path().join("out.html");
    let request = ExportRequest {
        document: DocumentSource::Draft { project: project.clone(), id: id.clone(), text: broken },
        html: Some(html.clone()),
        ..ExportRequest::default()
    };
    let report = export_document(&request, &mut ()).unwrap();
    assert!(report.has_errors());
    assert!(!html.exists());
    assert_eq!(document_history(&project, &id).unwrap().len(), 1);
    assert_eq!(candor_core::get_document(&project, &id, None).unwrap(), DOC);
}

#[test]
fn autosaved_work_is_recovered_and_cleared_by_a_version() {
    let (_dir, project, id) = project_with_document();
    let working = format!("{DOC}\nMore words.\n");
    autosave_document(&project, &id, &working, NOW).unwrap();
    let opened = open_for_editing(&project, &id).unwrap();
    assert_eq!(opened.text, working);
    assert_eq!(opened.recovered_from.as_deref(), Some(NOW));

    let retitled = working.replace("title: Draft test", "title: Renamed");
    let v = save_version(&project, &id, &retitled, "a note", NOW).unwrap();
    assert_eq!((v.number, v.kind.as_str(), v.note.as_str()), (2, "save", "a note"));
    let opened = open_for_editing(&project, &id).unwrap();
    assert_eq!(opened.recovered_from, None);
    assert_eq!(opened.title, "Renamed", "the title follows the header");
    let listed = versions(&project, &id).unwrap();
    assert_eq!(listed.iter().map(|v| v.number).collect::<Vec<_>>(), [2, 1], "newest first");
    assert_eq!(project_overview(&project).unwrap().documents[0].title, "Renamed");
}

#[test]
fn unknown_ids_are_errors_with_a_code() {
    let (_dir, project, _id) = project_with_document();
    let e = autosave_document(&project, "nope", "x", NOW).unwrap_err();
    assert_eq!(e.code().as_str(), "unknown-id");
    let e = source_reader(&project, "nope").unwrap_err();
    assert_eq!(e.code().as_str(), "unknown-id");
    let e = open_for_editing(&project, "nope").unwrap_err();
    assert_eq!(e.code().as_str(), "unknown-id");
}
