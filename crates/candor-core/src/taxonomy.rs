//! A project's own risk categories and mitigation kinds, laid over the built-in taxonomy.

use std::path::Path;
use std::sync::Arc;

use candor_model::{MAX_TAXONOMY_BYTES, Taxonomy, TaxonomyError};

use crate::{Error, open_project};

/// The project setting that holds the project's own entries (taxonomy text format).
const TAXONOMY_SETTING: &str = "taxonomy";

/// The built-in taxonomy with the project's own entries laid over it. Entries that no longer
/// parse (written by a newer Candor, say) are left out rather than failing every check.
pub fn project_taxonomy(project: &Path) -> Result<Arc<Taxonomy>, Error> {
    let text = project_taxonomy_text(project)?;
    let own = if text.trim().is_empty() { None } else { Taxonomy::parse(&text).ok() };
    Ok(Arc::new(match own {
        Some(own) => Taxonomy::builtin().merged(&own),
        None => Taxonomy::builtin().clone(),
    }))
}

/// The project's own categories and kinds, as written (empty when there are none).
pub fn project_taxonomy_text(project: &Path) -> Result<String, Error> {
    let stored =
        open_project(project)?.setting(TAXONOMY_SETTING).map_err(|e| Error::store(project, e))?;
    Ok(stored.unwrap_or_default())
}

/// Replaces the project's own categories and kinds. Text that does not parse is refused with
/// its problems (line numbers and what is wrong) and nothing is changed; on success, the
/// number of entries.
pub fn set_project_taxonomy(
    project: &Path,
    text: &str,
) -> Result<Result<usize, Vec<TaxonomyError>>, Error> {
    if text.len() > MAX_TAXONOMY_BYTES {
        let (size, limit) = (text.len() as u64, MAX_TAXONOMY_BYTES as u64);
        return Err(Error::TooLarge { path: project.to_owned(), size, limit });
    }
    let parsed = match Taxonomy::parse(text) {
        Ok(t) => t,
        Err(problems) => return Ok(Err(problems)),
    };
    let mut store = open_project(project)?;
    let value = if text.trim().is_empty() { None } else { Some(text) };
    store.set_setting(TAXONOMY_SETTING, value).map_err(|e| Error::store(project, e))?;
    Ok(Ok(parsed.categories().len() + parsed.mitigations().len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::create_project;

    #[test]
    fn own_categories_are_kept_in_the_project_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.candor");
        create_project(&project).unwrap();
        let builtin = Taxonomy::builtin().categories().len();
        assert_eq!(project_taxonomy(&project).unwrap().categories().len(), builtin);
        let own = "[category election-integrity]\nen: Interfering with elections\n";
        assert_eq!(set_project_taxonomy(&project, own).unwrap(), Ok(1));
        assert_eq!(project_taxonomy_text(&project).unwrap(), own);
        let merged = project_taxonomy(&project).unwrap();
        assert_eq!(merged.categories().len(), builtin + 1);
        // Bad text is refused with its line, and the stored entries stay.
        let problems = set_project_taxonomy(&project, "[category Bad]\n").unwrap().unwrap_err();
        assert_eq!(problems[0].line, 1);
        assert_eq!(project_taxonomy_text(&project).unwrap(), own);
        let huge = "#".repeat(MAX_TAXONOMY_BYTES + 1);
        assert!(matches!(set_project_taxonomy(&project, &huge), Err(Error::TooLarge { .. })));
        assert_eq!(set_project_taxonomy(&project, "").unwrap(), Ok(0));
        assert_eq!(project_taxonomy_text(&project).unwrap(), "");
    }
}
