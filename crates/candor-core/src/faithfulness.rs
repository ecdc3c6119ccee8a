//! Whether a document of a project is true to its sources: the sources its front matter
//! names are imported, its citations resolve, and its figures are found in what it cites
//! (`candor_analysis::check_faithfulness`).

use std::collections::BTreeMap;
use std::path::Path;

use candor_analysis::{CitedSource, PassageChange, SourceCoverage, check_faithfulness};
use candor_model::{
    CitedSourceInfo, CitedSources, Diagnostic, Document, Fix, PassagePlace, SourceLink, Span,
};
use candor_store::StoredSource;
use serde::Serialize;
#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::{Error, open_project};

/// Every faithfulness diagnostic of `doc` (read from `text`), against the sources imported
/// into `project`.
pub(crate) fn check_sources(
    doc: &Document,
    text: &str,
    project: &Path,
    document_id: Option<&str>,
) -> Result<Vec<Diagnostic>, Error> {
    Ok(read_sources(doc, text, project, document_id)?.diagnostics)
}

/// What reading a document against its sources found.
#[derive(Debug, Default)]
pub(crate) struct SourceReading {
    /// Every faithfulness and coverage diagnostic.
    pub diagnostics: Vec<Diagnostic>,
    /// What the citations point to (for printing section and page numbers and the list of
    /// sources).
    pub cited: CitedSources,
    /// Citations of passages that changed in a newer version of their source.
    pub stale: Vec<StaleCitation>,
    /// How the document covers each source it names and the project has.
    pub coverage: Vec<CoveredSource>,
}

/// One imported source a document names, and how the document covers it.
#[derive(Debug, Clone)]
pub(crate) struct CoveredSource {
    /// The id as the document cites it.
    pub declared: String,
    pub title: String,
    pub file: String,
    pub coverage: SourceCoverage,
}

/// A citation whose passage is different in the source's current version: changed, gone,
/// or moved to another id with the same text. Changed and gone ones are listed until the
/// author confirms them ([`confirm_citations`]); moved ones until the link is corrected.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct StaleCitation {
    /// The link as written: `SOURCE#PASSAGE` (what [`confirm_citations`] takes).
    pub citation: String,
    /// The source as the document cites it, and the passage it cites.
    pub source: String,
    pub passage: String,
    /// `changed`, `removed` or `moved`.
    pub change: String,
    /// The passage's text in the version the author cited.
    pub old_text: String,
    /// Its text now, and its id now; `None` when it is gone.
    pub new_text: Option<String>,
    pub new_passage: Option<String>,
    /// Byte offsets of the citing link (or risk card) in the document.
    pub start: u32,
    pub end: u32,
}

impl StaleCitation {
    fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The warning the editor and `candor check` show for it.
    fn diagnostic(&self, text: &str) -> Diagnostic {
        let span = self.span();
        match (self.change.as_str(), &self.new_passage, &self.new_text) {
            ("moved", Some(new), _) => {
                let passage = &self.passage;
                let mut d = Diagnostic::warning(
                    "source/passage-moved",
                    span,
                    format!(
                        "In the new version of the source the passage `{passage}` is now `{new}`; its text did not change."
                    ),
                )
                .with_hint("Point the link at the new id so that it shows the right section and page.");
                let at = text
                    .get(span.start..span.end)
                    .and_then(|t| find_id(t, passage))
                    .map(|i| span.start + i);
                if let Some(at) = at {
                    d = d.with_fix(Fix {
                        label: format!("Cite `{new}`"),
                        span: Span::new(at, at + passage.len()),
                        replacement: new.clone(),
                    });
                }
                d
            }
            ("changed", _, Some(new_text)) => Diagnostic::warning(
                "source/changed-since-cited",
                span,
                format!(
                    "The source changed since this was written. Before: “{}” Now: “{}”",
                    shorten(&self.old_text),
                    shorten(new_text)
                ),
            )
            .with_hint("Check the sentence against the new text, then confirm the citation (Gaps and changes in the app, or candor confirm)."),
            _ => Diagnostic::warning(
                "source/changed-since-cited",
                span,
                format!(
                    "The passage this cites is no longer in the source. It said: “{}”",
                    shorten(&self.old_text)
                ),
            )
            .with_hint("Cite another passage that supports the sentence, or change the sentence; then confirm the citation if it still holds."),
        }
    }
}

/// Reads `doc` (from `text`) against the sources imported into `project`: faithfulness,
/// stale citations and coverage. `document_id` names the stored document, whose confirmed
/// citations and removals log count; `None` for a file outside the project.
pub(crate) fn read_sources(
    doc: &Document,
    text: &str,
    project: &Path,
    document_id: Option<&str>,
) -> Result<SourceReading, Error> {
    if doc.meta.sources.is_empty() {
        return Ok(SourceReading::default());
    }
    let store = open_project(project)?;
    let map = |e| Error::store(project, e);
    let imported = store.sources().map_err(map)?;
    let mut diagnostics = Vec::new();
    let mut loaded: Vec<(String, StoredSource, Span)> = Vec::new();
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
            loaded.push((declared.id.clone(), source, declared.span));
        }
    }
    let cited: Vec<CitedSource<'_>> =
        loaded.iter().map(|(id, s, _)| CitedSource { id, content: &s.content }).collect();
    diagnostics.extend(check_faithfulness(doc, text, &cited));
    let (confirmed, removals) = match document_id {
        Some(id) => (store.citation_checks(id).map_err(map)?, store.removals(id).map_err(map)?),
        None => (Vec::new(), Vec::new()),
    };
    let mut stale = Vec::new();
    let mut coverage = Vec::new();
    for (declared, source, declared_span) in &loaded {
        let found = stale_citations(doc, &store, project, declared, source, &confirmed)?;
        diagnostics.extend(found.iter().map(|s| s.diagnostic(text)));
        stale.extend(found);
        let removed: Vec<&str> = removals
            .iter()
            .filter(|r| r.is_active())
            .filter(|r| {
                r.source.as_deref().is_some_and(|s| s == declared || s == source.summary.id)
            })
            .filter_map(|r| r.passage.as_deref())
            .collect();
        let covered = CoveredSource {
            declared: declared.clone(),
            title: source_title(source),
            file: source.summary.file_name.clone(),
            coverage: candor_analysis::source_coverage(doc, declared, &source.content, &removed),
        };
        diagnostics.extend(coverage_diagnostics(&covered, doc, *declared_span));
        coverage.push(covered);
    }
    let info =
        CitedSources { sources: loaded.iter().map(|(id, s, _)| source_info(id, s)).collect() };
    Ok(SourceReading { diagnostics, cited: info, stale, coverage })
}

fn source_title(source: &StoredSource) -> String {
    source.content.metadata.title.clone().unwrap_or_else(|| source.summary.title.clone())
}

/// Notes on the front matter's entry for a source: the sections about risks the document
/// does not draw on, and the disclosed fields it leaves out (the gap report lists both in
/// full).
fn coverage_diagnostics(covered: &CoveredSource, doc: &Document, at: Span) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let taxonomy = doc.taxonomy();
    let lang = &doc.meta.lang;
    let coverage = &covered.coverage;
    let sections: Vec<String> = coverage
        .risk_sections_not_drawn_on()
        .map(|s| {
            let about: Vec<&str> = s
                .risks
                .iter()
                .filter_map(|id| taxonomy.categories().iter().find(|c| &c.id == id))
                .chain(
                    s.mitigations
                        .iter()
                        .filter_map(|id| taxonomy.mitigations().iter().find(|m| &m.id == id)),
                )
                .map(|e| e.name(lang))
                .collect();
            format!("“{}” ({})", s.name(), about.join("; "))
        })
        .collect();
    if !sections.is_empty() {
        out.push(
            Diagnostic::info(
                "coverage/risk-sections-not-used",
                at,
                format!(
                    "The summary cites nothing from {} {} of {} about risks or safety measures: {}.",
                    sections.len(),
                    if sections.len() == 1 { "section" } else { "sections" },
                    covered.title,
                    sections.join(", ")
                ),
            )
            .with_hint("Read them in the source and cite what the summary relies on, or record a deliberate omission in the removals log. The gap report (candor gaps, or Gaps in the app) lists them."),
        );
    }
    let fields: Vec<String> = coverage
        .gaps_in_fields()
        .map(|f| match f.number {
            Some(n) => format!("{} ({} {n})", f.label, f.framework.short_name()),
            None => format!("{} ({})", f.label, f.framework.short_name()),
        })
        .collect();
    if !fields.is_empty() {
        out.push(
            Diagnostic::info(
                "coverage/fields-left-out",
                at,
                format!(
                    "{} discloses {} {} the summary does not cite: {}.",
                    covered.title,
                    fields.len(),
                    if fields.len() == 1 { "item" } else { "items" },
                    fields.join(", ")
                ),
            )
            .with_hint("Not every item belongs in a summary for the public. The gap report lists each with the passage that discloses it."),
        );
    }
    out
}

/// Where every passage and section of `source` is: "7.3 Evaluation", page 12.
fn source_info(id: &str, source: &StoredSource) -> CitedSourceInfo {
    let content = &source.content;
    let section_name = |index: usize| {
        content.sections.get(index).map(|s| match &s.number {
            Some(n) => format!("{n} {}", s.title),
            None => s.title.clone(),
        })
    };
    let mut places = BTreeMap::new();
    for (index, section) in content.sections.iter().enumerate() {
        let page = content.passages.iter().find(|p| p.section == Some(index)).and_then(|p| p.page);
        places.insert(section.id.clone(), PassagePlace { section: section_name(index), page });
    }
    for passage in &content.passages {
        places.insert(
            passage.id.clone(),
            PassagePlace { section: passage.section.and_then(section_name), page: passage.page },
        );
    }
    let meta = &content.metadata;
    CitedSourceInfo {
        id: id.to_owned(),
        title: meta.title.clone().unwrap_or_else(|| source.summary.title.clone()),
        file: source.summary.file_name.clone(),
        version: meta.version.clone(),
        date: meta.date.clone(),
        sha256: source.summary.sha256.clone(),
        places,
    }
}

/// Citations of `source` (named `declared` in the document) whose passage changed or went
/// since the version before the current one, unless the author confirmed them against the
/// current file, and those whose passage only moved to another id.
fn stale_citations(
    doc: &Document,
    store: &candor_store::Project,
    project: &Path,
    declared: &str,
    source: &StoredSource,
    confirmed: &[candor_store::CitationCheck],
) -> Result<Vec<StaleCitation>, Error> {
    let map = |e| Error::store(project, e);
    let id = &source.summary.id;
    let Some(previous) = store.source_versions(id).map_err(map)?.pop() else {
        return Ok(Vec::new());
    };
    let Some(old) = store.source_version_content(id, previous.number).map_err(map)? else {
        return Ok(Vec::new());
    };
    let changes = candor_analysis::source_changes(&old, &source.content);
    let mut out = Vec::new();
    for (link, span) in doc.source_links() {
        let (true, Some(passage)) = (link.source == declared, link.passage.as_deref()) else {
            continue;
        };
        let Some(change) = changes.iter().find(|c| c.old_id() == passage) else { continue };
        let is_confirmed = confirmed
            .iter()
            .any(|c| c.source == *id && c.passage == passage && c.sha256 == source.summary.sha256);
        let (kind, old_text, new_text, new_passage) = match change {
            PassageChange::Same { new, .. } if new == passage => continue,
            PassageChange::Same { new, .. } => {
                let text = source
                    .content
                    .passages
                    .iter()
                    .find(|p| &p.id == new)
                    .map(|p| p.text.clone())
                    .unwrap_or_default();
                ("moved", text.clone(), Some(text), Some(new.clone()))
            }
            _ if is_confirmed => continue,
            PassageChange::Changed { new, old_text, new_text, .. } => {
                ("changed", old_text.clone(), Some(new_text.clone()), Some(new.clone()))
            }
            PassageChange::Removed { old_text, .. } => ("removed", old_text.clone(), None, None),
        };
        out.push(StaleCitation {
            citation: format!("{declared}#{passage}"),
            source: declared.to_owned(),
            passage: passage.to_owned(),
            change: kind.to_owned(),
            old_text,
            new_text,
            new_passage,
            start: u32::try_from(span.start).unwrap_or(u32::MAX),
            end: u32::try_from(span.end).unwrap_or(u32::MAX),
        });
    }
    Ok(out)
}

/// Where `#id` is written in `text` as a whole id (not the start of a longer one: `#…-p1`
/// is not in `#…-p12`): the offset of the id itself.
fn find_id(text: &str, id: &str) -> Option<usize> {
    let needle = format!("#{id}");
    text.match_indices(&needle).map(|(i, _)| i + 1).find(|&at| {
        !text[at + id.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_')
    })
}

/// At most 200 characters of a passage, for a message.
fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(200).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// Confirms, as `by`, that the citations of document `doc` still hold against the current
/// version of their sources: every citation of a source that has earlier versions, or only
/// `only` (`SOURCE#PASSAGE` as the document writes it). The citations are read from `text`
/// (the editor's unsaved text) when given, else from the latest version. Returns how many
/// were confirmed.
pub fn confirm_citations(
    project: &Path,
    doc: &str,
    text: Option<&str>,
    only: Option<&str>,
    by: &candor_store::Person,
    now: &str,
) -> Result<usize, Error> {
    let text = match text {
        Some(text) => text.to_owned(),
        None => crate::get_document(project, doc, None)?,
    };
    let parsed = candor_import::parse_companion(&text).value;
    let mut store = open_project(project)?;
    let map = |e| Error::store(project, e);
    let imported = store.sources().map_err(map)?;
    let wanted = only.map(SourceLink::parse).transpose().map_err(|message| Error::Review {
        path: project.to_owned(),
        message: format!("`{}`: {message}", only.unwrap_or_default()),
    })?;
    let mut confirmed = 0;
    for (link, _) in parsed.source_links() {
        let Some(passage) = link.passage.as_deref() else { continue };
        if wanted.as_ref().is_some_and(|w| w != link) {
            continue;
        }
        let declared = parsed.meta.sources.iter().find(|s| s.id == link.source);
        let Some(source) = imported.iter().find(|s| {
            s.id == link.source
                || declared.is_some_and(|d| {
                    d.id == s.id || d.file.as_deref().is_some_and(|f| f == s.file_name)
                })
        }) else {
            continue;
        };
        if store.source_versions(&source.id).map_err(map)?.is_empty() {
            continue;
        }
        store
            .confirm_citation(&candor_store::CitationCheck {
                document: doc.to_owned(),
                source: source.id.clone(),
                passage: passage.to_owned(),
                sha256: source.sha256.clone(),
                confirmed_by: by.name.clone(),
                confirmed_at: now.to_owned(),
            })
            .map_err(map)?;
        confirmed += 1;
    }
    if confirmed == 0 && only.is_some() {
        return Err(Error::Review {
            path: project.to_owned(),
            message: format!(
                "`{doc}` does not cite `{}` in a source with a newer version",
                only.unwrap_or_default()
            ),
        });
    }
    Ok(confirmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_found_whole() {
        let card = "sources: [r#sec-a-p12, r#sec-a-p1]";
        assert_eq!(find_id(card, "sec-a-p1"), card.rfind("sec-a-p1"));
        assert_eq!(find_id(card, "sec-a-p12"), card.find("sec-a-p12"));
        assert_eq!(find_id("[x](source:r#sec-a-p1)", "sec-a-p1"), Some(13));
        assert_eq!(find_id("r#sec-a-p1x", "sec-a-p1"), None);
    }
    use crate::{CheckOptions, check_project, create_project, import_files, put_document};

    const V1: &str = "# Evaluation\n\nThe model refused 96% of harmful requests in testing.\n\nAn outside lab reviewed the results.\n\nThe tests ran in March 2026 on the released model.\n";
    const V2: &str = "# Evaluation\n\nThe model refused 91% of harmful requests in testing.\n\nThe tests ran in March 2026 on the released model.\n";

    fn codes(project: &Path, doc: &str) -> Vec<(String, Option<String>)> {
        let checked = check_project(project, Some(doc), &CheckOptions::default()).unwrap();
        checked[0]
            .report
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("source/"))
            .map(|d| (d.code.clone(), d.fix.as_ref().map(|f| f.replacement.clone())))
            .collect()
    }

    #[test]
    fn citations_of_a_changed_source_are_flagged_until_confirmed() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.candor");
        create_project(&project).unwrap();
        let v1 = dir.path().join("report.md");
        std::fs::write(&v1, V1).unwrap();
        let imported =
            import_files(&project, std::slice::from_ref(&v1), "2026-05-01T08:00:00Z", &mut ())
                .unwrap()
                .remove(0)
                .unwrap();
        let id = imported.summary.id.clone();
        let doc_text = "---\ntitle: T\nlang: en\nsources:\n  - id: r\n    file: report.md\n---\n\nIt refused 96% of harmful requests ([report](source:r#sec-evaluation-p1)). A lab checked ([report](source:r#sec-evaluation-p2)). The tests ran in March 2026 ([report](source:r#sec-evaluation-p3)).\n";
        let doc = put_document(&project, None, doc_text, "", "2026-05-01T09:00:00Z").unwrap();
        assert!(codes(&project, doc.as_str()).is_empty(), "nothing before the update");

        std::fs::write(&v1, V2).unwrap();
        crate::update_source(&project, &id, &v1, "2026-05-02T08:00:00Z").unwrap();
        let found = codes(&project, doc.as_str());
        assert_eq!(
            found,
            [
                ("source/changed-since-cited".to_owned(), None),
                ("source/changed-since-cited".to_owned(), None),
                ("source/passage-moved".to_owned(), Some("sec-evaluation-p2".to_owned())),
            ],
            "{found:?}"
        );
        // Confirming answers the changed and removed ones; a moved id is fixed, not confirmed.
        let me = candor_store::Person { name: "Sam".into(), ..Default::default() };
        confirm_citations(&project, doc.as_str(), None, None, &me, "2026-05-02T09:00:00Z").unwrap();
        let after = codes(&project, doc.as_str());
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].0, "source/passage-moved");
        assert!(
            confirm_citations(
                &project,
                doc.as_str(),
                None,
                Some("r#nope"),
                &me,
                "2026-05-02T09:00:00Z"
            )
            .is_err()
        );
    }
}
