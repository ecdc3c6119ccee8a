//! `candor new`, `candor import`, `candor sources`, `candor show`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use candor_analysis::Disclosure;
use candor_core::{ImportedSource, now_utc};

use crate::output::{StderrProgress, print_json};

pub fn new(project: &Path, example: bool) -> anyhow::Result<ExitCode> {
    if example {
        candor_core::create_example_project(project, &now_utc())?;
        println!(
            "created {} with the bundled example: the source `{}` (a fictional model report) and its public summary; `candor doc list` shows it",
            project.display(),
            candor_core::EXAMPLE_SOURCE_ID
        );
    } else {
        candor_core::create_project(project)?;
        println!("created {}", project.display());
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(project: &Path, files: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut progress = StderrProgress::new();
    let outcomes = candor_core::import_files(project, files, &now_utc(), &mut progress);
    progress.finish();
    let outcomes = outcomes?;
    let failed = outcomes.iter().filter(|o| o.is_err()).count();
    if json {
        let list: Vec<serde_json::Value> = outcomes
            .iter()
            .zip(files)
            .map(|(outcome, file)| match outcome {
                Ok(s) => serde_json::json!({
                    "file": file.display().to_string(),
                    "source": s.summary,
                    "facts": s.facts,
                    "disclosure": s.disclosure,
                    "already_present": s.already_present,
                    "warnings": s.warnings,
                }),
                Err(e) => serde_json::json!({
                    "file": file.display().to_string(),
                    "error": { "code": e.code().as_str(), "message": e.to_string() },
                }),
            })
            .collect();
        print_json(&list)?;
    } else {
        for outcome in &outcomes {
            match outcome {
                Ok(s) => println!("{}", summary_line(s)),
                Err(e) => eprintln!("candor: {e}"),
            }
        }
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// One line per imported file: sections, passages, pages, facts, fields disclosed.
fn summary_line(s: &ImportedSource) -> String {
    let file = s.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let verb = if s.already_present { "already in the project as" } else { "imported as" };
    let pages = s.summary.pages.map(|p| format!(", {p} pages")).unwrap_or_default();
    let mut line = format!(
        "{file}: {verb} `{}` ({}): {} sections, {} passages{pages}, {} facts; fields disclosed: {}",
        s.summary.id,
        s.summary.format.name(),
        s.summary.sections,
        s.summary.passages,
        s.facts,
        s.disclosure
    );
    if !s.warnings.is_empty() {
        line.push_str(&format!("; {} warning(s)", s.warnings.len()));
    }
    line
}

pub fn list(project: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let sources = candor_core::list_sources(project)?;
    if json {
        print_json(&sources)?;
        return Ok(ExitCode::SUCCESS);
    }
    if sources.is_empty() {
        println!("{} has no sources yet; add some with `candor import`", project.display());
    }
    for s in &sources {
        let pages = s.pages.map(|p| format!(", {p} pages")).unwrap_or_default();
        println!(
            "{}  {} — {} ({}, {} sections, {} passages{pages})",
            s.id,
            s.title,
            s.file_name,
            s.format.name(),
            s.sections,
            s.passages
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn show(project: &Path, id: &str, fields: bool, json: bool) -> anyhow::Result<ExitCode> {
    let view = candor_core::show_source(project, id)?;
    let source = &view.source;
    if json {
        print_json(&serde_json::json!({
            "source": source.summary,
            "content": source.content,
            "disclosure": view.disclosure,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} ({}, {})",
        source.summary.title,
        source.summary.file_name,
        source.summary.format.name()
    );
    if fields {
        for entry in &view.disclosure {
            let mark = match entry.status {
                Disclosure::Disclosed => "disclosed    ",
                Disclosure::NotDisclosed => "NOT disclosed",
                Disclosure::Unknown => "unknown      ",
            };
            let number = entry.field.number.map(|n| format!(" {n}")).unwrap_or_default();
            let passage = entry.passage.as_deref().map(|p| format!("  [{p}]")).unwrap_or_default();
            println!(
                "  {mark}  {}{number} · {}: {}{passage}",
                entry.field.framework.short_name(),
                entry.field.group,
                entry.field.label
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let content = &source.content;
    if content.sections.is_empty() {
        println!("  (no sections; {} passages)", content.passages.len());
    }
    for section in &content.sections {
        let indent = "  ".repeat(usize::from(section.level));
        let number = section.number.as_deref().map(|n| format!("{n} ")).unwrap_or_default();
        let page = section.page.map(|p| format!("  p. {p}")).unwrap_or_default();
        println!("{indent}{number}{}  [{}]{page}", section.title, section.id);
    }
    Ok(ExitCode::SUCCESS)
}

/// `candor import P.candor FILE --update SOURCE-ID`.
pub fn update(project: &Path, id: &str, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let [file] = files else {
        eprintln!("candor import --update: give exactly one file, the new version of `{id}`");
        return Ok(ExitCode::from(2));
    };
    let imported = candor_core::update_source(project, id, file, &now_utc())?;
    println!(
        "{}: `{id}` updated from {} ({} passages); documents citing passages that changed will say so",
        project.display(),
        file.display(),
        imported.summary.passages
    );
    for w in &imported.warnings {
        eprintln!("{}: {w}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `candor confirm P.candor --doc ID [--citation SOURCE#PASSAGE]`.
pub fn confirm(
    project: &Path,
    doc: &str,
    citation: Option<&str>,
    as_name: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let me = candor_core::default_config_dir().and_then(|d| candor_core::load_identity(&d));
    let by = candor_core::acting(me.as_ref(), as_name)?;
    let n = candor_core::confirm_citations(project, doc, None, citation, &by, &now_utc())?;
    println!("confirmed {n} citation(s) of `{doc}` against the current sources");
    Ok(ExitCode::SUCCESS)
}

/// How `candor gaps` writes its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GapsFormat {
    Text,
    Json,
    Pdf,
}

/// `candor gaps P.candor --doc ID [--format text|json|pdf] [--out FILE]`.
pub fn gaps(
    project: &Path,
    doc: &str,
    format: GapsFormat,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let format = match format {
        GapsFormat::Text => candor_core::GapFormat::Text,
        GapsFormat::Json => candor_core::GapFormat::Json,
        GapsFormat::Pdf => candor_core::GapFormat::Pdf,
    };
    match out {
        Some(out) => {
            candor_core::save_gap_report(project, doc, None, format, out, &now_utc())?;
            println!("wrote {}", out.display());
        }
        None if format == candor_core::GapFormat::Pdf => {
            anyhow::bail!("a PDF needs a file to go to: add --out REPORT.pdf");
        }
        None => {
            use std::io::Write as _;
            let bytes = candor_core::gap_report_file(project, doc, None, format, &now_utc())?;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
