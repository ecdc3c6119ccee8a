//! Helpers shared by the readers' unit tests.

use candor_model::{Diagnostic, LineCol, LineIndex};

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
