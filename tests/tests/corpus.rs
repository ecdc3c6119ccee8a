//! The real published documents of the shared corpus through the importers: every file
//! imports (the malformed JSON fails clearly), and the outlines of several are snapshotted.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::fmt::Write;

use candor_import::{ImportError, detect_format, import_source};
use candor_model::SourceContent;
use candor_tests::corpus_dir;

fn import(name: &str) -> Result<SourceContent, ImportError> {
    let dir = corpus_dir().unwrap();
    let bytes = std::fs::read(dir.join(name)).unwrap();
    let format =
        detect_format(name, &bytes).unwrap_or_else(|| panic!("{name}: format not detected"));
    import_source(format, &bytes).map(|w| w.value)
}

#[test]
fn every_corpus_file_imports() {
    let Some(dir) = corpus_dir() else { return };
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "MANIFEST.md")
        .collect();
    names.sort();
    assert!(names.len() >= 27, "corpus incomplete: {names:?}");
    for name in names {
        match import(&name) {
            Ok(content) => {
                assert!(!content.passages.is_empty(), "{name}: no passages");
            }
            Err(e) if name.contains("INVALID-JSON") => {
                let message = e.to_string();
                assert!(message.contains("line 8"), "{name}: {message}");
            }
            Err(e) => panic!("{name}: {e}"),
        }
    }
}

/// The outline and counts of a source, as a reader would scan them.
fn outline(content: &SourceContent) -> String {
    let mut out = String::new();
    let m = &content.metadata;
    let _ = writeln!(out, "title: {:?}", m.title);
    let _ = writeln!(
        out,
        "provider: {:?}, model: {:?}, version: {:?}, date: {:?}, licence: {:?}",
        m.provider, m.model, m.version, m.date, m.licence
    );
    let _ = writeln!(
        out,
        "sections: {}, passages: {}, tables: {}, facts: {}, pages: {:?}",
        content.sections.len(),
        content.passages.len(),
        content.tables.len(),
        content.facts.len(),
        content.pages
    );
    for s in content.sections.iter().take(40) {
        let number = s.number.as_deref().map(|n| format!("{n} ")).unwrap_or_default();
        let page = s.page.map(|p| format!(" (p. {p})")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}{number}{} [{}]{page}",
            "  ".repeat(usize::from(s.level)),
            s.title,
            s.id
        );
    }
    if let Some(bom) = &content.bom {
        let _ = writeln!(out, "bom: {} with {} components", bom.spec, bom.components.len());
        for c in bom.components.iter().take(10) {
            let _ = writeln!(
                out,
                "  {:?} {} {:?} licences {:?}",
                c.kind, c.name, c.version, c.licences
            );
        }
    }
    out
}

#[test]
fn outlines_match_snapshots() {
    if corpus_dir().is_none() {
        return;
    }
    for name in [
        "bloom-model-card.md",
        "llama-3.1-model-card.md",
        "gemma-7b-hf-model-card.md",
        "safety-framework-card-anthropic-rsp.html",
        "llama-3.3-model-card.pandoc-conversion.docx",
        "fmti-indicators.pdf",
        "llama-2-responsible-use-guide.pdf",
        "cyclonedx-1.6-valid-machine-learning.json",
        "spdx3-ai-simplehtr-example.json",
    ] {
        let content = import(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        insta::assert_snapshot!(format!("outline-{name}"), outline(&content));
    }
}

#[test]
fn the_docx_conversion_has_the_outline_of_its_markdown_original() {
    if corpus_dir().is_none() {
        return;
    }
    let titles = |c: &SourceContent| c.sections.iter().map(|s| s.title.clone()).collect::<Vec<_>>();
    let docx = import("llama-3.3-model-card.pandoc-conversion.docx").unwrap();
    let markdown = import("llama-3.3-model-card.md").unwrap();
    assert_eq!(titles(&docx), titles(&markdown));
}
