//! Printing for people: diagnostics, progress, tables.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use candor_core::{Diagnostic, LineIndex, Progress};

/// `file:line:col: severity[code]: message`, one per line on stderr, hints indented below.
pub fn print_diagnostics(file: &Path, text: &str, diagnostics: &[Diagnostic]) {
    let index = LineIndex::new(text);
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    for d in diagnostics {
        let at = index.line_col(d.span.start);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            file.display(),
            at.line,
            at.column,
            d.severity.as_str(),
            d.code,
            d.message
        );
        for hint in &d.hints {
            let _ = writeln!(out, "  hint: {hint}");
        }
    }
}

/// Diagnostics as JSON values with line and column.
pub fn diagnostics_json(file: &Path, text: &str, diagnostics: &[Diagnostic]) -> serde_json::Value {
    let index = LineIndex::new(text);
    diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(d.span.start);
            serde_json::json!({
                "file": file.display().to_string(),
                "line": at.line,
                "column": at.column,
                "severity": d.severity.as_str(),
                "code": d.code,
                "message": d.message,
                "hints": d.hints,
                "fix": d.fix.as_ref().map(|f| serde_json::json!({
                    "label": f.label,
                    "start": f.span.start,
                    "end": f.span.end,
                    "replacement": f.replacement,
                })),
            })
        })
        .collect()
}

/// A progress line on stderr, redrawn in place when stderr is a terminal.
pub struct StderrProgress {
    terminal: bool,
}

impl StderrProgress {
    pub fn new() -> Self {
        Self { terminal: std::io::stderr().is_terminal() }
    }

    /// Clears the progress line.
    pub fn finish(&self) {
        if self.terminal {
            eprint!("\r\x1b[2K");
        }
    }
}

impl Progress for StderrProgress {
    fn step(&mut self, step: u32, total: u32, what: &str) {
        if self.terminal {
            let width = 24;
            let filled = if total == 0 { width } else { (step as usize * width) / total as usize };
            eprint!(
                "\r\x1b[2K[{}{}] {step}/{total} {what}",
                "#".repeat(filled),
                " ".repeat(width - filled.min(width))
            );
        }
    }
}

/// Prints JSON to stdout.
pub fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// The text of `file` (`-`: standard input), refused with its size when larger than `limit`
/// bytes; `what` names the content for that message ("a glossary").
pub fn read_limited(file: &Path, limit: u64, what: &str) -> anyhow::Result<String> {
    use std::io::Read;
    if file == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().take(limit + 1).read_to_string(&mut text)?;
        if text.len() as u64 > limit {
            anyhow::bail!("standard input is too large for {what} (at most {limit} bytes)");
        }
        return Ok(text);
    }
    let size =
        std::fs::metadata(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?.len();
    if size > limit {
        anyhow::bail!(
            "{}: {size} bytes is too large for {what} (at most {limit} bytes)",
            file.display()
        );
    }
    std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))
}

/// Prints the outcome of replacing a project's own entries from `file` (glossary terms, risk
/// categories): how many were saved, or every problem with its line. Exit 1 on problems.
pub fn report_saved<P: std::fmt::Display>(
    project: &Path,
    file: &Path,
    outcome: Result<usize, Vec<P>>,
    what: &str,
) -> ExitCode {
    match outcome {
        Ok(entries) => {
            let plural = if entries == 1 { "y" } else { "ies" };
            println!("{}: {entries} {what} entr{plural} saved", project.display());
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{}:{p}", file.display());
            }
            eprintln!("{}: nothing was changed", project.display());
            ExitCode::from(1)
        }
    }
}
