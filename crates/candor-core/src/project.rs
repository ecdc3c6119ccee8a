//! Projects: one `.candor` file holding the sources and the companion documents.

use std::path::{Path, PathBuf};

use candor_analysis::{DisclosureSummary, FieldDisclosure, disclosure_map};
use candor_model::{SourceFormat, slug};
use candor_store::{
    DocumentId, DocumentSummary, NewSource, Project, SourceSummary, StoredDocument, StoredSource,
    VersionKind, VersionSummary,
};

use crate::document::read_limited;
use crate::{Error, Progress};

/// Creates an empty project file; refuses to overwrite anything.
pub fn create_project(path: &Path) -> Result<(), Error> {
    Project::create(path).map(|_| ()).map_err(|e| Error::store(path, e))
}

/// Opens a project file, checking it as untrusted (see candor-store).
pub fn open_project(path: &Path) -> Result<Project, Error> {
    Project::open(path).map_err(|e| Error::store(path, e))
}

/// What importing one file produced.
#[derive(Debug, Clone)]
pub struct ImportedSource {
    pub file: PathBuf,
    pub summary: SourceSummary,
    pub facts: usize,
    pub disclosure: DisclosureSummary,
    /// Problems found in the file's content (it was imported anyway).
    pub warnings: Vec<String>,
    /// The same bytes were already in the project; nothing was added.
    pub already_present: bool,
}

/// Imports files into a project, each on its own: a file that cannot be read or imported
/// leaves the project as it was and does not stop the others.
pub fn import_files(
    project_path: &Path,
    files: &[PathBuf],
    now: &str,
    progress: &mut dyn Progress,
) -> Result<Vec<Result<ImportedSource, Error>>, Error> {
    let mut project = open_project(project_path)?;
    let total = files.len() as u32;
    let mut outcomes = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        if progress.cancelled() {
            return Err(Error::Cancelled);
        }
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        progress.step(i as u32 + 1, total, &format!("importing {name}"));
        let mut on_page = |page: u32, pages: u32| {
            // The bar follows the pages of a long file.
            let what = format!("importing {name} (file {} of {total}), page {page}", i + 1);
            progress.step(page, pages, &what);
        };
        outcomes.push(import_one(&mut project, project_path, file, &name, now, &mut on_page));
    }
    Ok(outcomes)
}

fn import_one(
    project: &mut Project,
    project_path: &Path,
    file: &Path,
    name: &str,
    now: &str,
    on_page: &mut dyn FnMut(u32, u32),
) -> Result<ImportedSource, Error> {
    let bytes = read_limited(file, candor_import::MAX_SOURCE_BYTES as u64)?;
    let sha = candor_store::sha256_hex(&bytes);
    if let Some(existing) =
        project.source_by_sha256(&sha).map_err(|e| Error::store(project_path, e))?
    {
        let stored = project
            .source(&existing.id)
            .map_err(|e| Error::store(project_path, e))?
            .ok_or_else(|| Error::NotFound { path: project_path.join(&existing.id) })?;
        return Ok(summarise(file, stored, Vec::new(), true));
    }
    let format = candor_import::detect_format(name, &bytes).ok_or_else(|| Error::Import {
        path: file.to_owned(),
        message: "Candor cannot tell what kind of file this is; it reads PDF, DOCX, HTML, Markdown and CycloneDX or SPDX JSON".into(),
    })?;
    let imported = candor_import::import_source_with_progress(format, &bytes, on_page)
        .map_err(|e| Error::Import { path: file.to_owned(), message: e.to_string() })?;
    let warnings: Vec<String> = imported.diagnostics.iter().map(|d| d.message.clone()).collect();
    let id = unique_source_id(project, project_path, name, format)?;
    project
        .add_source(&NewSource {
            id: &id,
            file_name: name,
            format,
            bytes: &bytes,
            imported_at: now,
            title: None,
            content: &imported.value,
        })
        .map_err(|e| Error::store(project_path, e))?;
    let stored = project
        .source(&id)
        .map_err(|e| Error::store(project_path, e))?
        .ok_or_else(|| Error::NotFound { path: project_path.join(&id) })?;
    Ok(summarise(file, stored, warnings, false))
}

/// Imports `file` as a new version of source `id`: the content it replaces is kept, and every
/// document citing a passage that changed or went is told so until its author confirms.
pub fn update_source(
    project_path: &Path,
    id: &str,
    file: &Path,
    now: &str,
) -> Result<ImportedSource, Error> {
    let mut project = open_project(project_path)?;
    let map = |e| Error::store(project_path, e);
    if project.source(id).map_err(map)?.is_none() {
        return Err(Error::UnknownSource { project: project_path.to_owned(), id: id.to_owned() });
    }
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let bytes = read_limited(file, candor_import::MAX_SOURCE_BYTES as u64)?;
    let format = candor_import::detect_format(&name, &bytes).ok_or_else(|| Error::Import {
        path: file.to_owned(),
        message: "Candor cannot tell what kind of file this is; it reads PDF, DOCX, HTML, Markdown and CycloneDX or SPDX JSON".into(),
    })?;
    let imported = candor_import::import_source(format, &bytes)
        .map_err(|e| Error::Import { path: file.to_owned(), message: e.to_string() })?;
    let warnings: Vec<String> = imported.diagnostics.iter().map(|d| d.message.clone()).collect();
    project
        .update_source(&NewSource {
            id,
            file_name: &name,
            format,
            bytes: &bytes,
            imported_at: now,
            title: None,
            content: &imported.value,
        })
        .map_err(|e| match e {
            candor_store::StoreError::Invalid { message, .. } => {
                Error::Import { path: file.to_owned(), message }
            }
            e => Error::store(project_path, e),
        })?;
    let stored = project
        .source(id)
        .map_err(map)?
        .ok_or_else(|| Error::NotFound { path: project_path.join(id) })?;
    Ok(summarise(file, stored, warnings, false))
}

fn summarise(
    file: &Path,
    stored: StoredSource,
    warnings: Vec<String>,
    already: bool,
) -> ImportedSource {
    let map = disclosure_map(&stored.content);
    ImportedSource {
        file: file.to_owned(),
        facts: stored.content.facts.len(),
        disclosure: DisclosureSummary::of(&map),
        summary: stored.summary,
        warnings,
        already_present: already,
    }
}

/// A short id from the file name (`llama-3-1-model-card`), unique in the project.
fn unique_source_id(
    project: &Project,
    project_path: &Path,
    name: &str,
    format: SourceFormat,
) -> Result<String, Error> {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let base = match slug(stem) {
        s if s.is_empty() => format.id().to_owned(),
        s => s,
    };
    let taken: Vec<String> = project
        .sources()
        .map_err(|e| Error::store(project_path, e))?
        .into_iter()
        .map(|s| s.id)
        .collect();
    Ok(unused_id(base, &taken))
}

/// `base`, or `base-2`, `base-3`, … whichever is not taken yet.
fn unused_id(base: String, taken: &[String]) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Every source of a project.
pub fn list_sources(project_path: &Path) -> Result<Vec<SourceSummary>, Error> {
    open_project(project_path)?.sources().map_err(|e| Error::store(project_path, e))
}

/// One source with its content and disclosure map.
#[derive(Debug, Clone)]
pub struct SourceView {
    pub source: StoredSource,
    pub disclosure: Vec<FieldDisclosure>,
}

/// A source of a project, with its disclosure map.
pub fn show_source(project_path: &Path, id: &str) -> Result<SourceView, Error> {
    let project = open_project(project_path)?;
    let source =
        project.source(id).map_err(|e| Error::store(project_path, e))?.ok_or_else(|| {
            Error::UnknownSource { project: project_path.to_owned(), id: id.to_owned() }
        })?;
    let disclosure = disclosure_map(&source.content);
    Ok(SourceView { source, disclosure })
}

/// Stores a companion document's text: a new document (id from the title) or, with `id`,
/// a new version of an existing one. Returns the document's id.
pub fn put_document(
    project_path: &Path,
    id: Option<&str>,
    text: &str,
    note: &str,
    now: &str,
) -> Result<DocumentId, Error> {
    let mut project = open_project(project_path)?;
    let parsed = candor_import::parse_companion(text);
    let title = parsed.value.meta.title.clone();
    let map = |e| Error::store(project_path, e);
    match id {
        Some(id) => {
            let doc = DocumentId::new(id);
            let Some(before) = project.document(doc.as_str()).map_err(map)? else {
                return Err(Error::UnknownDocument {
                    project: project_path.to_owned(),
                    id: id.to_owned(),
                });
            };
            project
                .save_version(doc.as_str(), text, now, note, VersionKind::Import)
                .map_err(map)?;
            let nobody = candor_store::Person::default();
            let sha = &before.version.sha256;
            crate::review::record_edit(&mut project, project_path, id, sha, &nobody, now)?;
            Ok(doc)
        }
        None => {
            let base = match slug(&title) {
                s if s.is_empty() => "document".to_owned(),
                s => s,
            };
            let taken: Vec<String> =
                project.documents().map_err(map)?.into_iter().map(|d| d.id.to_string()).collect();
            let id = unused_id(base, &taken);
            let shown = if title.is_empty() { id.clone() } else { title };
            project.create_document(&id, &shown, text, now, note).map_err(map)
        }
    }
}

/// A document's text: the latest version, or version `number`.
pub fn get_document(project_path: &Path, id: &str, number: Option<u32>) -> Result<String, Error> {
    let project = open_project(project_path)?;
    let doc = DocumentId::new(id);
    let map = |e| Error::store(project_path, e);
    let unknown = || Error::UnknownDocument { project: project_path.to_owned(), id: id.to_owned() };
    match number {
        Some(n) => project.version_text(doc.as_str(), n).map_err(map)?.ok_or_else(|| {
            Error::UnknownVersion { project: project_path.to_owned(), id: id.to_owned(), number: n }
        }),
        None => project
            .document(doc.as_str())
            .map_err(map)?
            .map(|d: StoredDocument| d.text)
            .ok_or_else(unknown),
    }
}

/// Every document of a project.
pub fn list_documents(project_path: &Path) -> Result<Vec<DocumentSummary>, Error> {
    open_project(project_path)?.documents().map_err(|e| Error::store(project_path, e))
}

/// Every version of a document, oldest first.
pub fn document_history(project_path: &Path, id: &str) -> Result<Vec<VersionSummary>, Error> {
    let project = open_project(project_path)?;
    let doc = DocumentId::new(id);
    if project.document(doc.as_str()).map_err(|e| Error::store(project_path, e))?.is_none() {
        return Err(Error::UnknownDocument { project: project_path.to_owned(), id: id.to_owned() });
    }
    project.versions(doc.as_str()).map_err(|e| Error::store(project_path, e))
}

/// Makes version `number` the latest again, as a new version.
pub fn restore_version(
    project_path: &Path,
    id: &str,
    number: u32,
    now: &str,
) -> Result<VersionSummary, Error> {
    let mut project = open_project(project_path)?;
    let doc = DocumentId::new(id);
    let map = |e| Error::store(project_path, e);
    if project.version_text(doc.as_str(), number).map_err(map)?.is_none() {
        return Err(Error::UnknownVersion {
            project: project_path.to_owned(),
            id: id.to_owned(),
            number,
        });
    }
    let before = project.document(doc.as_str()).map_err(map)?.map(|d| d.version.sha256);
    let restored = project.restore(doc.as_str(), number, now).map_err(map)?;
    if let Some(sha) = before {
        let nobody = candor_store::Person::default();
        crate::review::record_edit(&mut project, project_path, id, &sha, &nobody, now)?;
    }
    Ok(restored)
}
