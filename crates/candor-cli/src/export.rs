//! `candor export`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use candor_core::{DocumentSource, ExportRequest, PdfStandard};

use crate::output::{StderrProgress, diagnostics_json, print_diagnostics, print_json};

/// What `candor export` writes.
pub struct Outputs {
    pub pdf: Option<PathBuf>,
    pub html: Option<PathBuf>,
    pub pdf_standard: PdfStandard,
    pub typst_source: Option<PathBuf>,
    pub risk_json: Option<PathBuf>,
    pub risk_html: Option<PathBuf>,
}

pub fn export(
    outputs: Outputs,
    document: PathBuf,
    id: Option<String>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let Outputs { pdf, html, pdf_standard, typst_source, risk_json, risk_html } = outputs;
    if [&pdf, &html, &typst_source, &risk_json, &risk_html].iter().all(|o| o.is_none()) {
        eprintln!(
            "candor export: say what to write with --pdf OUT.pdf, --html OUT.html, --risk-json OUT.json or --risk-html OUT.html"
        );
        return Ok(ExitCode::from(2));
    }
    let source = match id {
        Some(id) => DocumentSource::Project { project: document.clone(), id },
        None if document.extension().is_some_and(|e| e == "candor") => {
            eprintln!(
                "candor export: {} is a project; name the document to export: candor export {} DOCUMENT-ID (`candor doc list` shows the ids)",
                document.display(),
                document.display()
            );
            return Ok(ExitCode::from(2));
        }
        None => DocumentSource::File(document.clone()),
    };
    let request = ExportRequest {
        document: source,
        pdf,
        html,
        pdf_standard,
        typst_source,
        risk_json,
        risk_html,
    };
    let mut progress = StderrProgress::new();
    let report = candor_core::export_document(&request, &mut progress);
    progress.finish();
    let report = report?;
    if json {
        print_json(&serde_json::json!({
            "written": report.written.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "diagnostics": diagnostics_json(&document, &report.text, &report.diagnostics),
        }))?;
        return Ok(if report.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }
    print_diagnostics(&document, &report.text, &report.diagnostics);
    if report.has_errors() {
        eprintln!("candor: {} was not exported because of the errors above", document.display());
        return Ok(ExitCode::from(1));
    }
    let in_typst_dir =
        |p: &Path| request.typst_source.as_deref().is_some_and(|dir| p.starts_with(dir));
    for path in report.written.iter().filter(|p| !in_typst_dir(p)) {
        println!("wrote {}", path.display());
    }
    if let Some(dir) = &request.typst_source {
        println!("wrote the typst project to {}", dir.display());
    }
    Ok(ExitCode::SUCCESS)
}
