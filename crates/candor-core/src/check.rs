//! Checking documents: every problem of the document itself, the plain-language rules with
//! the project's glossary, and readability — for `candor check` and the editor.

use std::path::Path;
use std::sync::Arc;

use candor_analysis::glossary::{Glossary, GlossaryError};
use candor_model::{Diagnostic, Document, LanguageTag};

use crate::export::{ExportReport, sort};
use crate::{Error, get_document, list_documents, load_document, load_images, open_project};

/// The project setting that holds the project's own glossary entries (glossary text format).
const GLOSSARY_SETTING: &str = "glossary";

/// The most a project's own glossary may hold (about 5,000 entries).
pub const MAX_GLOSSARY_BYTES: u64 = 2 * 1024 * 1024;

/// How to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Check as if the document were written in this language (a BCP 47 tag such as `de`),
    /// whatever its header says.
    pub language: Option<String>,
}

/// One checked document of a project.
#[derive(Debug)]
pub struct CheckedDocument {
    pub id: String,
    pub title: String,
    pub report: ExportReport,
}

/// Checks a Markdown file with the built-in glossary.
pub fn check_file(path: &Path, options: &CheckOptions) -> Result<ExportReport, Error> {
    let loaded = load_document(path)?;
    let (_, image_problems) = load_images(&loaded.document.value, path);
    let mut diagnostics = loaded.document.diagnostics;
    diagnostics.extend(image_problems);
    checked(loaded.text, loaded.document.value, diagnostics, builtin(), options)
}

/// Checks the latest version of every document of a project (or only `only`), with the
/// project's glossary.
pub fn check_project(
    project: &Path,
    only: Option<&str>,
    options: &CheckOptions,
) -> Result<Vec<CheckedDocument>, Error> {
    let glossary = project_glossary(project)?;
    let taxonomy = crate::project_taxonomy(project)?;
    let mut out = Vec::new();
    let documents = list_documents(project)?;
    if let Some(id) = only
        && !documents.iter().any(|d| d.id.as_str() == id)
    {
        return Err(Error::UnknownDocument { project: project.to_owned(), id: id.to_owned() });
    }
    for summary in documents.iter().filter(|d| only.is_none_or(|id| d.id.as_str() == id)) {
        let text = get_document(project, summary.id.as_str(), None)?;
        let mut parsed = candor_import::parse_companion(&text);
        parsed.value.taxonomy = Some(Arc::clone(&taxonomy));
        let id = Some(summary.id.as_str());
        let sources = crate::faithfulness::check_sources(&parsed.value, &text, project, id)?;
        parsed.diagnostics.extend(sources);
        let report =
            checked(text, parsed.value, parsed.diagnostics, Arc::clone(&glossary), options)?;
        out.push(CheckedDocument {
            id: summary.id.as_str().to_owned(),
            title: summary.title.clone(),
            report,
        });
    }
    Ok(out)
}

fn checked(
    text: String,
    mut document: Document,
    mut diagnostics: Vec<Diagnostic>,
    glossary: Arc<Glossary>,
    options: &CheckOptions,
) -> Result<ExportReport, Error> {
    if let Some(tag) = &options.language {
        document.meta.lang = LanguageTag::parse(tag)
            .map_err(|message| Error::InvalidLanguage { tag: tag.clone(), message })?;
    }
    diagnostics.extend(candor_analysis::check_plain_language(&document, &text, glossary));
    diagnostics.extend(candor_analysis::check_risks(&document, &text));
    diagnostics.extend(crate::accessibility::check_document_accessibility(&document));
    sort(&mut diagnostics);
    let readability = Some(candor_analysis::document_readability(&document));
    Ok(ExportReport { text, diagnostics, written: Vec::new(), readability })
}

fn builtin() -> Arc<Glossary> {
    Arc::new(Glossary::builtin().clone())
}

/// The built-in glossary with the project's own entries laid over it. Entries that no longer
/// parse (written by a newer Candor, say) are left out rather than failing every check.
pub fn project_glossary(project: &Path) -> Result<Arc<Glossary>, Error> {
    let text = project_glossary_text(project)?;
    Ok(match Glossary::parse(&text) {
        Ok(own) => Arc::new(Glossary::builtin().merged(&own)),
        Err(_) => builtin(),
    })
}

/// The project's own glossary entries, as written (empty when there are none).
pub fn project_glossary_text(project: &Path) -> Result<String, Error> {
    let stored =
        open_project(project)?.setting(GLOSSARY_SETTING).map_err(|e| Error::store(project, e))?;
    Ok(stored.unwrap_or_default())
}

/// Replaces the project's own glossary entries. Text that does not parse is refused with its
/// problems (line numbers and what is wrong) and nothing is changed.
pub fn set_project_glossary(
    project: &Path,
    text: &str,
) -> Result<Result<usize, Vec<GlossaryError>>, Error> {
    if text.len() as u64 > MAX_GLOSSARY_BYTES {
        let size = text.len() as u64;
        return Err(Error::TooLarge { path: project.to_owned(), size, limit: MAX_GLOSSARY_BYTES });
    }
    let parsed = match Glossary::parse(text) {
        Ok(g) => g,
        Err(problems) => return Ok(Err(problems)),
    };
    let mut store = open_project(project)?;
    let value = if text.trim().is_empty() { None } else { Some(text) };
    store.set_setting(GLOSSARY_SETTING, value).map_err(|e| Error::store(project, e))?;
    Ok(Ok(parsed.entries().len()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::{create_project, preview_html};

    const DOC: &str = "---\ntitle: T\nlang: en\n---\n\nWe fine-tuned the model.\n\n## Words\n\n```candor-glossary\n```\n";

    #[test]
    fn the_glossary_block_lists_the_terms_used_with_the_projects_wording() {
        let html = preview_html(DOC, None).unwrap();
        assert!(
            html.contains("<strong>fine-tuning</strong>: Training an existing model"),
            "{html}"
        );
        assert!(!html.contains("red-teaming"), "terms the document does not use are left out");

        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.candor");
        create_project(&project).unwrap();
        let own = "[fine-tuning]\nen: fine-tuning | fine-tuned\nen.def: Teaching the model one more job.\n";
        assert_eq!(set_project_glossary(&project, own).unwrap().unwrap(), 1);
        let html = preview_html(DOC, Some(&project)).unwrap();
        assert!(
            html.contains("<strong>fine-tuning</strong>: Teaching the model one more job."),
            "{html}"
        );
    }

    #[test]
    fn a_bad_or_huge_glossary_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.candor");
        create_project(&project).unwrap();
        let good = "[x]\nen: frobnicator\nen.def: A checker.\n";
        set_project_glossary(&project, good).unwrap().unwrap();
        let problems = set_project_glossary(&project, "[y]\nen: thing\n").unwrap().unwrap_err();
        assert!(problems[0].to_string().starts_with("line "), "{problems:?}");
        let huge = "#".repeat(MAX_GLOSSARY_BYTES as usize + 1);
        assert!(matches!(set_project_glossary(&project, &huge), Err(Error::TooLarge { .. })));
        assert_eq!(project_glossary_text(&project).unwrap(), good);
    }
}
