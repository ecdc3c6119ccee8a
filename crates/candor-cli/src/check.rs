//! `candor check` (every problem and the readability of a document or of a project's
//! documents) and `candor glossary` (a project's own glossary terms).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use candor_core::{CheckOptions, ExportReport, Severity};

use crate::output::{diagnostics_json, print_diagnostics, print_json};

/// How `candor check` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn check(
    target: &Path,
    only: Option<&str>,
    language: Option<String>,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let options = CheckOptions { language };
    let project = target.extension().is_some_and(|e| e == "candor");
    let reports: Vec<(PathBuf, Option<String>, ExportReport)> = if project {
        candor_core::check_project(target, only, &options)?
            .into_iter()
            .map(|d| {
                (PathBuf::from(format!("{}#{}", target.display(), d.id)), Some(d.id), d.report)
            })
            .collect()
    } else {
        if only.is_some() {
            eprintln!(
                "candor check: --doc names a document of a project; {} is a Markdown file",
                target.display()
            );
            return Ok(ExitCode::from(2));
        }
        vec![(target.to_owned(), None, candor_core::check_file(target, &options)?)]
    };
    let failed = reports.iter().any(|(_, _, r)| r.has_errors());
    match format {
        Format::Json => print_json(&serde_json::json!({
            "documents": reports.iter().map(|(label, id, r)| serde_json::json!({
                "file": label.display().to_string(),
                "id": id,
                "errors": count(r, Severity::Error),
                "warnings": count(r, Severity::Warning),
                "notes": count(r, Severity::Info),
                "diagnostics": diagnostics_json(label, &r.text, &r.diagnostics),
                "readability": r.readability,
            })).collect::<Vec<_>>(),
        }))?,
        Format::Text => {
            if reports.is_empty() {
                eprintln!("{}: the project has no documents yet", target.display());
            }
            for (label, _, report) in &reports {
                print_diagnostics(label, &report.text, &report.diagnostics);
                if let Some(readability) = &report.readability {
                    print_readability(label, readability);
                }
                eprintln!(
                    "{}: {} error(s), {} warning(s), {} note(s)",
                    label.display(),
                    count(report, Severity::Error),
                    count(report, Severity::Warning),
                    count(report, Severity::Info)
                );
            }
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn count(report: &ExportReport, severity: Severity) -> usize {
    report.diagnostics.iter().filter(|d| d.severity == severity).count()
}

/// The readability summary: the whole document, then each section.
fn print_readability(label: &Path, r: &candor_analysis::DocumentReadability) {
    let scores = |readability: &candor_analysis::Readability| {
        readability
            .scores
            .iter()
            .map(|s| format!("{} {:.1}", s.formula.name(), s.value))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let stats = &r.whole.stats;
    if stats.words == 0 {
        return;
    }
    let language = r.whole.language.map_or("any language", |l| l.code());
    println!(
        "{}: readability ({language}): {} — {} words in {} sentences",
        label.display(),
        scores(&r.whole),
        stats.words,
        stats.sentences
    );
    if let Some(target) = r.target_grade
        && let Some(grade) = r.whole.grade()
    {
        let verdict = if grade <= f64::from(target) { "met" } else { "above the target" };
        println!("  reading level: grade {grade:.1} for a target of {target}: {verdict}");
    }
    for section in r.sections.iter().filter(|s| s.readability.stats.words > 0) {
        let label =
            if section.label.is_empty() { "(before the first heading)" } else { &section.label };
        let over = match (section.readability.grade(), r.target_grade) {
            (Some(g), Some(t)) if g > f64::from(t) => "  ← above the target",
            _ => "",
        };
        println!("  {label}: {}{over}", scores(&section.readability));
    }
}

/// `candor glossary P.candor`: prints the project's own entries; with `--set FILE`
/// replaces them (checked first; nothing changes when the file has problems).
pub fn glossary(project: &Path, set: Option<&Path>) -> anyhow::Result<ExitCode> {
    let Some(file) = set else {
        let text = candor_core::project_glossary_text(project)?;
        if text.trim().is_empty() {
            eprintln!(
                "{}: no project glossary entries; the built-in glossary applies",
                project.display()
            );
        } else {
            print!("{text}");
        }
        return Ok(ExitCode::SUCCESS);
    };
    let text = crate::output::read_limited(file, candor_core::MAX_GLOSSARY_BYTES, "a glossary")?;
    let outcome = candor_core::set_project_glossary(project, &text)?;
    Ok(crate::output::report_saved(project, file, outcome, "glossary"))
}
