//! Helpers shared by the readers' unit tests: diagnostics positions, the shared corpus,
//! outlines.

use std::fmt::Write;
use std::path::PathBuf;

use candor_model::{Diagnostic, LineCol, LineIndex, SourceContent};

/// (code, line, column) of each diagnostic, positions taken in `text`.
pub(crate) fn located(text: &str, diagnostics: Vec<Diagnostic>) -> Vec<(String, usize, usize)> {
    let index = LineIndex::new(text);
    diagnostics
        .into_iter()
        .map(|d| {
            let LineCol { line, column } = index.line_col(d.span.start);
            (d.code, line, column)
        })
        .collect()
}

/// The expectation of exactly one diagnostic.
pub(crate) fn one(code: &str, line: usize, column: usize) -> Vec<(String, usize, usize)> {
    vec![(code.to_owned(), line, column)]
}

/// The shared corpus folder, or `None` (with a notice) when this checkout has none. On CI
/// (env `CI` set) a missing corpus fails the test instead.
pub(crate) fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(std::env::var_os("CI").is_none(), "the shared corpus is missing at {}", dir.display());
    eprintln!("NOTICE: no shared corpus at {}; corpus tests skipped", dir.display());
    None
}

/// Reads a corpus file, or `None` when the corpus is absent.
pub(crate) fn corpus_text(name: &str) -> Option<String> {
    let dir = corpus()?;
    match std::fs::read_to_string(dir.join(name)) {
        Ok(text) => Some(text),
        Err(e) => panic!("cannot read corpus file {name}: {e}"),
    }
}

/// The outline a reader sees: metadata, then one line per section, indented by level,
/// with its number and passage count.
pub(crate) fn outline(content: &SourceContent) -> String {
    let mut out = String::new();
    let m = &content.metadata;
    let _ = writeln!(
        out,
        "title: {:?}\nprovider: {:?}\nmodel: {:?}\nversion: {:?}\ndate: {:?}\nlicence: {:?}",
        m.title, m.provider, m.model, m.version, m.date, m.licence
    );
    let _ = writeln!(
        out,
        "{} sections, {} passages, {} tables",
        content.sections.len(),
        content.passages.len(),
        content.tables.len()
    );
    for (i, s) in content.sections.iter().enumerate() {
        let n = content.passages.iter().filter(|p| p.section == Some(i)).count();
        let number = s.number.as_deref().map(|n| format!("{n} ")).unwrap_or_default();
        let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
        let _ = writeln!(out, "{indent}{number}{} ({n})", s.title);
    }
    out
}

/// Section titles, in order.
pub(crate) fn titles(content: &SourceContent) -> Vec<&str> {
    content.sections.iter().map(|s| s.title.as_str()).collect()
}

/// Reads a corpus file's bytes, or `None` when the corpus is absent.
pub(crate) fn corpus_bytes(name: &str) -> Option<Vec<u8>> {
    let dir = corpus()?;
    match std::fs::read(dir.join(name)) {
        Ok(bytes) => Some(bytes),
        Err(e) => panic!("cannot read corpus file {name}: {e}"),
    }
}
