use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use candor_model::{Block, Diagnostic, Document, Severity, Warned};
use candor_render::{HtmlOptions, Images, PdfStandard};

use crate::{Error, LoadedDocument, Progress, load_document, load_images};

/// Where the companion document to export comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentSource {
    /// A Markdown file; images are read relative to its folder.
    File(PathBuf),
    /// The latest version of a document in a project; images are read relative to the
    /// project file's folder, and the export is recorded as a version.
    Project { project: PathBuf, id: String },
    /// The working text of a document of a project, as an editor holds it: exported as it is,
    /// and recorded as a version only when the export succeeds.
    Draft { project: PathBuf, id: String, text: String },
}

impl Default for DocumentSource {
    fn default() -> Self {
        DocumentSource::File(PathBuf::new())
    }
}

impl From<PathBuf> for DocumentSource {
    fn from(path: PathBuf) -> Self {
        DocumentSource::File(path)
    }
}

impl DocumentSource {
    /// The file diagnostics refer to: the Markdown file, or the project file.
    pub fn path(&self) -> &Path {
        match self {
            DocumentSource::File(path) => path,
            DocumentSource::Project { project, .. } | DocumentSource::Draft { project, .. } => {
                project
            }
        }
    }

    /// The project and document id, for a document of a project.
    fn project_document(&self) -> Option<(&Path, &str)> {
        match self {
            DocumentSource::File(_) => None,
            DocumentSource::Project { project, id } | DocumentSource::Draft { project, id, .. } => {
                Some((project, id))
            }
        }
    }
}

/// What to export, and where.
#[derive(Debug, Clone, Default)]
pub struct ExportRequest {
    pub document: DocumentSource,
    pub pdf: Option<PathBuf>,
    pub html: Option<PathBuf>,
    pub pdf_standard: PdfStandard,
    /// Also write the generated typst project (main.typ, template, images) into this folder.
    pub typst_source: Option<PathBuf>,
    /// Write the risks as JSON (`schemas/risk-cards.schema.json`) here.
    pub risk_json: Option<PathBuf>,
    /// Write the risks as an embeddable HTML fragment with scoped styles here.
    pub risk_html: Option<PathBuf>,
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
    /// How readable the document is (measured by `check`; exports leave it out).
    pub readability: Option<candor_analysis::DocumentReadability>,
}

impl ExportReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Reads a document and reports every problem in it, writing nothing (see [`check_file`]).
pub fn check_document(path: &Path) -> Result<ExportReport, Error> {
    crate::check_file(path, &crate::CheckOptions::default())
}

/// Exports a document. A document with errors is not exported: the report lists them
/// and nothing is written. Outputs are written atomically; an existing file is replaced
/// only by a complete new one.
pub fn export_document(
    request: &ExportRequest,
    progress: &mut dyn Progress,
) -> Result<ExportReport, Error> {
    let total = 2
        + u32::from(request.pdf.is_some())
        + u32::from(request.html.is_some())
        + u32::from(request.risk_json.is_some() || request.risk_html.is_some());
    progress.step(1, total, "reading the document");
    let loaded = match &request.document {
        DocumentSource::File(path) => load_document(path)?,
        DocumentSource::Project { project, id } => {
            let text = crate::get_document(project, id, None)?;
            let document = candor_import::parse_companion(&text);
            LoadedDocument { path: project.clone(), text, document }
        }
        DocumentSource::Draft { project, id, text } => {
            // The document must exist: the export is recorded as one of its versions.
            crate::get_document(project, id, None)?;
            let document = candor_import::parse_companion(text);
            LoadedDocument { path: project.clone(), text: text.clone(), document }
        }
    };
    let LoadedDocument { text, document, .. } = loaded;
    let project = request.document.project_document();
    let Prepared { document, images, diagnostics } = prepare(
        document,
        &text,
        project.map(|(p, _)| p),
        project.map(|(_, id)| id),
        Some(request.document.path()),
    )?;
    let doc = &document;
    let mut report = ExportReport { text, diagnostics, written: Vec::new(), readability: None };
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
            .map_err(|source| Error::Render { path: request.document.path().to_owned(), source })?;
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
        outputs.push((html_path.clone(), html(doc, &images).into_bytes()));
    }
    if request.risk_json.is_some() || request.risk_html.is_some() {
        progress.step(step, total, "writing the risk cards");
        step += 1;
    }
    if let Some(path) = &request.risk_json {
        outputs.push((path.clone(), risk_json(doc).into_bytes()));
    }
    if let Some(path) = &request.risk_html {
        outputs.push((path.clone(), candor_render::write_risk_fragment(doc).into_bytes()));
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
    if let Some((project, id)) = request.document.project_document() {
        let names: Vec<String> = report
            .written
            .iter()
            .filter(|p| request.typst_source.as_ref().is_none_or(|dir| !p.starts_with(dir)))
            .map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
            .collect();
        record_export(project, id, &report.text, &names.join(", "))?;
    }
    sort(&mut report.diagnostics);
    Ok(report)
}

/// A parsed document made ready to typeset, as exporting and previewing both need it.
pub(crate) struct Prepared {
    /// The document with its generated blocks filled in.
    pub document: Document,
    pub images: Images,
    /// The problems found in parsing, in generated blocks and in images; not sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the document against the project's taxonomy and checks its risks, fills in generated
/// blocks (`candor-bom` needs the `project` the document belongs to, `candor-changelog` also
/// its `document_id`) and loads the images relative to the folder of `images_beside`; without
/// it no image is read. `text` is what `parsed` was read from.
pub(crate) fn prepare(
    parsed: Warned<Document>,
    text: &str,
    project: Option<&Path>,
    document_id: Option<&str>,
    images_beside: Option<&Path>,
) -> Result<Prepared, Error> {
    let Warned { value: mut document, mut diagnostics } = parsed;
    if let Some(project) = project {
        document.taxonomy = Some(crate::project_taxonomy(project)?);
    }
    // On the text as written, before Candor's own blocks are filled in.
    diagnostics.extend(candor_analysis::check_risks(&document, text));
    if let Some(project) = project {
        let reading = crate::faithfulness::read_sources(&document, text, project, document_id)?;
        let cited = reading.cited;
        diagnostics.extend(reading.diagnostics);
        if !cited.sources.is_empty() {
            document.cited = Some(std::sync::Arc::new(cited));
        }
    }
    diagnostics.extend(expand_bom_blocks(&mut document, project)?);
    expand_glossary_blocks(&mut document, project)?;
    diagnostics.extend(crate::changelog::expand_changelog_blocks(
        &mut document,
        project,
        document_id,
    )?);
    diagnostics.extend(crate::removals::expand_removals_blocks(
        &mut document,
        project,
        document_id,
    )?);
    let mut images = match images_beside {
        Some(path) => {
            let (images, problems) = load_images(&document, path);
            diagnostics.extend(problems);
            images
        }
        None => Images::new(),
    };
    // A project's branding (files outside a project keep Candor's own look).
    if let Some(project) = project {
        let (branding, problems) = crate::branding::render_branding(project)?;
        images.set_branding(branding);
        diagnostics.extend(problems);
    }
    Ok(Prepared { document, images, diagnostics })
}

/// The risks of a prepared document as JSON, as `export --risk-json` writes it.
pub(crate) fn risk_json(doc: &Document) -> String {
    let report = candor_render::risk_report(doc);
    // Serialising plain structs of strings and numbers cannot fail; an empty object is
    // still valid JSON should it ever.
    let mut json = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_owned());
    json.push('\n');
    json
}

/// The self-contained HTML page of a prepared document, as `export --html` writes it.
pub(crate) fn html(doc: &Document, images: &Images) -> String {
    candor_render::write_html(doc, images, &HtmlOptions::default())
}

/// Replaces each `candor-glossary` block with the glossary entries (the project's, over the
/// built-in ones) of the terms the document uses, in the document's language.
fn expand_glossary_blocks(doc: &mut Document, project: Option<&Path>) -> Result<(), Error> {
    if !has_generated(doc, "glossary") {
        return Ok(());
    }
    let glossary = match project {
        Some(path) => crate::project_glossary(path)?,
        None => std::sync::Arc::new(candor_analysis::glossary::Glossary::builtin().clone()),
    };
    let used = candor_analysis::glossary_terms_used(doc, &glossary);
    let language = candor_analysis::Language::from_tag(doc.meta.lang.as_str());
    let terms: Vec<(String, String)> = used
        .iter()
        .filter_map(|&e| language.and_then(|l| glossary.term(e, l)))
        .map(|t| (t.term.clone(), t.definition.clone()))
        .collect();
    replace_generated(doc, "glossary", |lang, span| {
        Some(candor_render::glossary_blocks(&terms, lang, span))
    });
    Ok(())
}

/// Whether `doc` has a top-level ```` ```candor-NAME ```` block.
pub(crate) fn has_generated(doc: &Document, name: &str) -> bool {
    doc.blocks.iter().any(|b| matches!(b, Block::Generated { name: n, .. } if n == name))
}

/// Replaces each top-level ```` ```candor-NAME ```` block with the blocks `fill` makes for
/// it (from the document's language and the block's span); a block `fill` has nothing for
/// is left out. Returns the spans of the blocks left out, in reverse document order.
pub(crate) fn replace_generated(
    doc: &mut Document,
    name: &str,
    mut fill: impl FnMut(&candor_model::LanguageTag, candor_model::Span) -> Option<Vec<Block>>,
) -> Vec<candor_model::Span> {
    let mut left_out = Vec::new();
    for i in (0..doc.blocks.len()).rev() {
        if !matches!(&doc.blocks[i], Block::Generated { name: n, .. } if n == name) {
            continue;
        }
        let span = doc.blocks[i].span();
        match fill(&doc.meta.lang, span) {
            Some(blocks) => {
                doc.blocks.splice(i..=i, blocks);
            }
            None => {
                doc.blocks.remove(i);
                left_out.push(span);
            }
        }
    }
    left_out
}

/// Replaces each `candor-bom` block with what the AI-BOM it names says, in plain words.
/// The BOM is the project source with the front-matter source's id or file name.
fn expand_bom_blocks(doc: &mut Document, project: Option<&Path>) -> Result<Vec<Diagnostic>, Error> {
    let wanted: Vec<usize> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Generated { name, .. } if name == "bom"))
        .map(|(i, _)| i)
        .collect();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let mut problems = Vec::new();
    let project = match project {
        Some(path) => Some((path, crate::open_project(path)?)),
        None => None,
    };
    for &i in wanted.iter().rev() {
        let Block::Generated { source: Some(id), span, .. } = &doc.blocks[i] else { continue };
        let (id, span) = (id.clone(), *span);
        let Some((project_path, project)) = &project else {
            problems.push(
                Diagnostic::error(
                    "generated/needs-project",
                    span,
                    format!("The `candor-bom` block presents the imported source `{id}`, which only a project holds."),
                )
                .with_hint("Import the AI-BOM into a project and export from it: candor export P.candor DOCUMENT-ID"),
            );
            continue;
        };
        let declared = doc.meta.sources.iter().find(|s| s.id == id);
        let file = declared.and_then(|s| s.file.clone());
        let summaries = project.sources().map_err(|e| Error::store(project_path, e))?;
        let found = summaries
            .iter()
            .find(|s| s.id == id)
            .or_else(|| summaries.iter().find(|s| file.as_deref() == Some(s.file_name.as_str())));
        let stored = match found {
            Some(s) => project.source(&s.id).map_err(|e| Error::store(project_path, e))?,
            None => None,
        };
        match stored.as_ref().and_then(|s| s.content.bom.as_ref().map(|b| (s, b))) {
            Some((stored, bom)) => {
                let blocks =
                    candor_render::bom_blocks(bom, &stored.summary.title, &doc.meta.lang, span);
                doc.blocks.splice(i..=i, blocks);
            }
            None => problems.push(
                Diagnostic::error(
                    "generated/bom-not-found",
                    span,
                    match stored {
                        Some(_) => format!(
                            "The source `{id}` is not an AI bill of materials (CycloneDX or SPDX)."
                        ),
                        None => format!(
                            "The project has no source `{id}`{}.",
                            file.map(|f| format!(" or file `{f}`")).unwrap_or_default()
                        ),
                    },
                )
                .with_hint("`candor sources P.candor` lists the project's sources and their ids."),
            ),
        }
    }
    Ok(problems)
}

/// Every export is a version: the exported text is kept with a note naming the outputs.
fn record_export(project_path: &Path, id: &str, text: &str, outputs: &str) -> Result<(), Error> {
    let mut project = crate::open_project(project_path)?;
    let note = format!("exported to {outputs}");
    project
        .save_version(id, text, &crate::now_utc(), &note, candor_store::VersionKind::Export)
        .map(|_| ())
        .map_err(|e| Error::store(project_path, e))
}

fn check_cancelled(progress: &dyn Progress) -> Result<(), Error> {
    if progress.cancelled() { Err(Error::Cancelled) } else { Ok(()) }
}

pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
}

/// Writes to a temporary file beside `path`, then renames it over `path`.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
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
