//! Test helpers shared by the source importers' tests: the shared corpus and outlines.

use std::fmt::Write;
use std::path::PathBuf;

use candor_model::SourceContent;

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
