//! What the desktop window asks of a project: its overview, a source opened in the reader,
//! a search of every source, and a document opened for editing, autosaved and versioned.

use std::path::Path;

use candor_analysis::disclosure_map;
use candor_store::VersionKind;

use crate::project::open_project;
use crate::views::{
    DocumentItem, EditingDocument, ImportOutcome, OutlineEntry, PassageItem, ProblemItem,
    ProjectOverview, SearchHit, SourceItem, SourceReader, VersionItem,
};
use crate::{Error, ImportedSource};

/// The sources and documents of a project.
pub fn project_overview(project_path: &Path) -> Result<ProjectOverview, Error> {
    let project = open_project(project_path)?;
    let map = |e| Error::store(project_path, e);
    let sources = project.sources().map_err(map)?;
    let documents = project.documents().map_err(map)?;
    Ok(ProjectOverview {
        name: project_name(project_path),
        path: project_path.display().to_string(),
        sources: sources.iter().map(SourceItem::from).collect(),
        documents: documents.iter().map(DocumentItem::from).collect(),
    })
}

/// The file name of a project without `.candor`.
pub fn project_name(project_path: &Path) -> String {
    project_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| project_path.display().to_string())
}

/// A source with its outline, passages and disclosure map.
pub fn source_reader(project_path: &Path, id: &str) -> Result<SourceReader, Error> {
    let view = crate::show_source(project_path, id)?;
    let content = &view.source.content;
    let meta = &content.metadata;
    let mut metadata: Vec<(String, String)> = [
        ("Title", &meta.title),
        ("Provider", &meta.provider),
        ("Model", &meta.model),
        ("Version", &meta.version),
        ("Date", &meta.date),
        ("Licence", &meta.licence),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.as_ref().map(|v| (label.to_owned(), v.clone())))
    .collect();
    metadata.extend(meta.extra.iter().cloned());
    Ok(SourceReader {
        source: SourceItem::from(&view.source.summary),
        metadata,
        outline: content
            .sections
            .iter()
            .map(|s| OutlineEntry {
                id: s.id.clone(),
                level: s.level,
                number: s.number.clone(),
                title: s.title.clone(),
                page: s.page,
            })
            .collect(),
        passages: content
            .passages
            .iter()
            .map(|p| PassageItem {
                id: p.id.clone(),
                kind: serde_plain_kind(p.kind),
                section: p.section.and_then(|s| u32::try_from(s).ok()),
                text: p.text.clone(),
                page: p.page,
            })
            .collect(),
        disclosure: disclosure_map(content).iter().map(Into::into).collect(),
    })
}

fn serde_plain_kind(kind: candor_model::PassageKind) -> String {
    use candor_model::PassageKind as K;
    match kind {
        K::Paragraph => "paragraph",
        K::ListItem => "list-item",
        K::Table => "table",
        K::Caption => "caption",
        K::Footnote => "footnote",
        K::Code => "code",
        K::Quote => "quote",
        K::Field => "field",
    }
    .to_owned()
}

/// Passages of every source of the project that contain all the words of `query`, best first.
pub fn search_sources(
    project_path: &Path,
    query: &str,
    limit: usize,
) -> Result<Vec<SearchHit>, Error> {
    let project = open_project(project_path)?;
    let hits = project.search_passages(query, limit).map_err(|e| Error::store(project_path, e))?;
    Ok(hits.iter().map(SearchHit::from).collect())
}

/// A document's working text: unsaved work autosaved after its latest version if there is
/// some (after a crash), else the latest version.
pub fn open_for_editing(project_path: &Path, id: &str) -> Result<EditingDocument, Error> {
    let project = open_project(project_path)?;
    let map = |e| Error::store(project_path, e);
    let doc = project.document(id).map_err(map)?.ok_or_else(|| Error::UnknownDocument {
        project: project_path.to_owned(),
        id: id.to_owned(),
    })?;
    let autosaved = project.autosave_state(id).map_err(map)?;
    let (text, recovered_from) = match autosaved {
        Some(state) => (state.text, Some(state.at)),
        None => (doc.text, None),
    };
    Ok(EditingDocument {
        id: doc.id.as_str().to_owned(),
        title: doc.title,
        text,
        latest_version: doc.version.number,
        recovered_from,
    })
}

/// Keeps the working text of a document in the project without making a version.
pub fn autosave_document(
    project_path: &Path,
    id: &str,
    text: &str,
    now: &str,
) -> Result<(), Error> {
    let mut project = open_project(project_path)?;
    project.autosave(id, text, now).map_err(|e| match e {
        candor_store::StoreError::NotFound { .. } => {
            Error::UnknownDocument { project: project_path.to_owned(), id: id.to_owned() }
        }
        e => Error::store(project_path, e),
    })
}

/// Saves the working text as a new version with a note; the title follows the text's header.
pub fn save_version(
    project_path: &Path,
    id: &str,
    text: &str,
    note: &str,
    now: &str,
) -> Result<VersionItem, Error> {
    save_version_as(project_path, id, text, note, now, &candor_store::Person::default())
}

/// [`save_version`] by a known person: when the edit clears an approval, the status history
/// says who made it.
pub fn save_version_as(
    project_path: &Path,
    id: &str,
    text: &str,
    note: &str,
    now: &str,
    by: &candor_store::Person,
) -> Result<VersionItem, Error> {
    let mut project = open_project(project_path)?;
    let map = |e| Error::store(project_path, e);
    let Some(before) = project.document(id).map_err(map)? else {
        return Err(Error::UnknownDocument { project: project_path.to_owned(), id: id.to_owned() });
    };
    let version = project.save_version(id, text, now, note, VersionKind::Save).map_err(map)?;
    crate::review::record_edit(&mut project, project_path, id, &before.version.sha256, by, now)?;
    let title = candor_import::parse_companion(text).value.meta.title;
    if !title.trim().is_empty() {
        project.set_document_title(id, title.trim()).map_err(map)?;
    }
    Ok(VersionItem::from(&version))
}

/// Every version of a document, newest first.
pub fn versions(project_path: &Path, id: &str) -> Result<Vec<VersionItem>, Error> {
    let mut list: Vec<VersionItem> =
        crate::document_history(project_path, id)?.iter().map(VersionItem::from).collect();
    list.reverse();
    Ok(list)
}

/// The outcome of importing files, one entry per file, for the window.
pub fn import_outcomes(
    files: &[std::path::PathBuf],
    outcomes: Vec<Result<ImportedSource, Error>>,
) -> Vec<ImportOutcome> {
    files
        .iter()
        .zip(outcomes)
        .map(|(file, outcome)| {
            let file_name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| file.display().to_string());
            match outcome {
                Ok(imported) => ImportOutcome {
                    file_name,
                    source: Some(SourceItem::from(&imported.summary)),
                    already_present: imported.already_present,
                    error: None,
                    warnings: imported.warnings,
                },
                Err(e) => ImportOutcome {
                    file_name,
                    source: None,
                    already_present: false,
                    error: Some(e.to_string()),
                    warnings: Vec::new(),
                },
            }
        })
        .collect()
}

/// Diagnostics placed by line and column, errors first, then in document order.
pub fn problem_items(text: &str, diagnostics: &[candor_model::Diagnostic]) -> Vec<ProblemItem> {
    let index = candor_model::LineIndex::new(text);
    let mut items: Vec<(u8, ProblemItem)> = diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(d.span.start);
            let rank = match d.severity {
                candor_model::Severity::Error => 0,
                candor_model::Severity::Warning => 1,
                _ => 2,
            };
            let item = ProblemItem {
                severity: d.severity.as_str().to_owned(),
                code: d.code.clone(),
                message: d.message.clone(),
                hints: d.hints.clone(),
                line: at.line as u32,
                column: at.column as u32,
                start: d.span.start as u32,
                end: d.span.end as u32,
                fix: d.fix.as_ref().map(|f| crate::FixItem {
                    label: f.label.clone(),
                    start: f.span.start as u32,
                    end: f.span.end as u32,
                    replacement: f.replacement.clone(),
                }),
            };
            (rank, item)
        })
        .collect();
    items.sort_by_key(|(rank, item)| (*rank, item.start));
    items.into_iter().map(|(_, item)| item).collect()
}

/// A file name for an export of the document: its title made safe, else its id.
pub fn document_file_stem(text: &str, id: &str) -> String {
    let title = candor_import::parse_companion(text).value.meta.title;
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == ' ' { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let stem: String = stem.chars().take(80).collect();
    if stem.is_empty() { id.to_owned() } else { stem }
}
