use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use candor_model::{Diagnostic, Severity};
use candor_render::{HtmlOptions, PdfStandard};

use crate::{Error, Progress, load_document, load_images};

/// What to export, and where.
#[derive(Debug, Clone, Default)]
pub struct ExportRequest {
    pub document: PathBuf,
    pub pdf: Option<PathBuf>,
    pub html: Option<PathBuf>,
    pub pdf_standard: PdfStandard,
    /// Also write the generated typst project (main.typ, template, images) into this folder.
    pub typst_source: Option<PathBuf>,
}

/// The outcome of an export or a check.
#[derive(Debug, Clone)]
pub struct ExportReport {
    /// The document text, for turning spans into lines and columns.
    pub text: String,
    /// Every problem found, in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// Files written, in the order they were written.
    pub written: Vec<PathBuf>,
}

impl ExportReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Reads a document and reports every problem in it, writing nothing.
pub fn check_document(path: &Path) -> Result<ExportReport, Error> {
    let loaded = load_document(path)?;
    let (_, image_problems) = load_images(&loaded.document.value, path);
    let mut diagnostics = loaded.document.diagnostics;
    diagnostics.extend(image_problems);
    sort(&mut diagnostics);
    Ok(ExportReport { text: loaded.text, diagnostics, written: Vec::new() })
}

/// Exports a document. A document with errors is not exported: the report lists them
/// and nothing is written. Outputs are written atomically; an existing file is replaced
/// only by a complete new one.
pub fn export_document(
    request: &ExportRequest,
    progress: &mut dyn Progress,
) -> Result<ExportReport, Error> {
    let total = 2 + u32::from(request.pdf.is_some()) + u32::from(request.html.is_some());
    progress.step(1, total, "reading the document");
    let loaded = load_document(&request.document)?;
    let doc = &loaded.document.value;
    let (images, image_problems) = load_images(doc, &request.document);
    let mut diagnostics = loaded.document.diagnostics.clone();
    diagnostics.extend(image_problems);
    let mut report = ExportReport { text: loaded.text.clone(), diagnostics, written: Vec::new() };
    if report.has_errors() {
        sort(&mut report.diagnostics);
        return Ok(report);
    }
    check_cancelled(progress)?;

    // Render everything first, then write: a failure leaves no partial set of outputs.
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut step = 2;
    if let Some(pdf_path) = &request.pdf {
        progress.step(step, total, "typesetting the PDF");
        step += 1;
        let rendered = candor_render::export_pdf(doc, &images, request.pdf_standard)
            .map_err(|source| Error::Render { path: request.document.clone(), source })?;
        report.diagnostics.extend(rendered.diagnostics);
        match rendered.value {
            Some(pdf) => outputs.push((pdf_path.clone(), pdf)),
            None => {
                sort(&mut report.diagnostics);
                return Ok(report);
            }
        }
        check_cancelled(progress)?;
    }
    if let Some(html_path) = &request.html {
        progress.step(step, total, "writing the HTML");
        step += 1;
        let options = HtmlOptions::default();
        outputs.push((
            html_path.clone(),
            candor_render::write_html(doc, &images, &options).into_bytes(),
        ));
    }
    if let Some(dir) = &request.typst_source {
        for (name, bytes) in candor_render::typst_project(doc, &images).files {
            outputs.push((dir.join(name), bytes));
        }
    }
    progress.step(step, total, "saving");
    for (path, bytes) in outputs {
        write_atomically(&path, &bytes)?;
        report.written.push(path);
    }
    sort(&mut report.diagnostics);
    Ok(report)
}

fn check_cancelled(progress: &dyn Progress) -> Result<(), Error> {
    if progress.cancelled() { Err(Error::Cancelled) } else { Ok(()) }
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
}

/// Writes to a temporary file beside `path`, then renames it over `path`.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let failed = |source| Error::Write { path: path.to_owned(), source };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(failed)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = dir.join(format!(".{name}.candor-tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&temp);
        return Err(failed(e));
    }
    Ok(())
}
