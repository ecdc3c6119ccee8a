//! Whether a document of a project is true to its sources: the sources its front matter
//! names are imported, its citations resolve, and its figures are found in what it cites
//! (`candor_analysis::check_faithfulness`).

use std::path::Path;

use candor_analysis::{CitedSource, check_faithfulness};
use candor_model::{Diagnostic, Document};
use candor_store::StoredSource;

use crate::{Error, open_project};

/// Every faithfulness diagnostic of `doc` (read from `text`), against the sources imported
/// into `project`.
pub(crate) fn check_sources(
    doc: &Document,
    text: &str,
    project: &Path,
) -> Result<Vec<Diagnostic>, Error> {
    if doc.meta.sources.is_empty() {
        return Ok(Vec::new());
    }
    let store = open_project(project)?;
    let map = |e| Error::store(project, e);
    let imported = store.sources().map_err(map)?;
    let mut diagnostics = Vec::new();
    let mut loaded: Vec<(String, StoredSource)> = Vec::new();
    for declared in &doc.meta.sources {
        let found = imported.iter().find(|s| {
            s.id == declared.id || declared.file.as_deref().is_some_and(|f| f == s.file_name)
        });
        let Some(found) = found else {
            let names: Vec<String> =
                imported.iter().map(|s| format!("`{}` ({})", s.id, s.file_name)).collect();
            let hint = if names.is_empty() {
                "Import the file first (Import…, or candor import P.candor FILE).".to_owned()
            } else {
                format!(
                    "Import the file, or correct the id or file name. This project has: {}.",
                    names.join(", ")
                )
            };
            diagnostics.push(
                Diagnostic::error(
                    "source/not-imported",
                    declared.span,
                    format!(
                        "The source `{}`{} is not imported into this project, so nothing citing it can be checked.",
                        declared.id,
                        declared.file.as_deref().map(|f| format!(" ({f})")).unwrap_or_default()
                    ),
                )
                .with_hint(hint),
            );
            continue;
        };
        if let Some(source) = store.source(&found.id).map_err(map)? {
            loaded.push((declared.id.clone(), source));
        }
    }
    let cited: Vec<CitedSource<'_>> =
        loaded.iter().map(|(id, s)| CitedSource { id, content: &s.content }).collect();
    diagnostics.extend(check_faithfulness(doc, text, &cited));
    Ok(diagnostics)
}
