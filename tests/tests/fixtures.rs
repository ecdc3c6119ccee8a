//! Every fixture document through the whole pipeline, compared with committed snapshots of
//! what Candor generates: the diagnostics, the typst source and the HTML.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;

use candor_core::{LineIndex, check_document, load_document, load_images};
use candor_tests::fixture_documents;

fn name_of(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

#[test]
fn diagnostics_match_snapshots() {
    let documents = fixture_documents("documents");
    assert!(documents.len() >= 8, "fixture documents are missing");
    for path in documents {
        let report = check_document(&path).unwrap();
        let index = LineIndex::new(&report.text);
        let lines: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| {
                let at = index.line_col(d.span.start);
                let hints: String = d.hints.iter().map(|h| format!("\n    hint: {h}")).collect();
                format!(
                    "{}:{}: {}[{}]: {}{hints}",
                    at.line,
                    at.column,
                    d.severity.as_str(),
                    d.code,
                    d.message
                )
            })
            .collect();
        insta::assert_snapshot!(format!("diagnostics-{}", name_of(&path)), lines.join("\n"));
    }
}

#[test]
fn typst_source_matches_snapshots() {
    for path in fixture_documents("documents") {
        let loaded = load_document(&path).unwrap();
        let (images, _) = load_images(&loaded.document.value, &path);
        let project = candor_render::typst_project(&loaded.document.value, &images);
        let (name, main) = &project.files[0];
        assert_eq!(name, "main.typ");
        insta::assert_snapshot!(format!("typst-{}", name_of(&path)), String::from_utf8_lossy(main));
    }
}

#[test]
fn html_matches_snapshots() {
    for path in fixture_documents("documents") {
        let loaded = load_document(&path).unwrap();
        let (images, _) = load_images(&loaded.document.value, &path);
        let html = candor_render::write_html(&loaded.document.value, &images, &Default::default());
        insta::assert_snapshot!(format!("html-{}", name_of(&path)), html);
    }
}

#[test]
fn every_fixture_typesets() {
    // Documents without errors compile to PDF; this catches generated typst that fails.
    for path in fixture_documents("documents") {
        let loaded = load_document(&path).unwrap();
        let (images, _) = load_images(&loaded.document.value, &path);
        let world = candor_render::typst_world(&loaded.document.value, &images);
        if let Err(e) = candor_render::compile(&world) {
            panic!("{}: {e}", path.display());
        }
    }
}
