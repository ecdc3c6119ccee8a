//! Whether a document of a project is true to its sources: the sources its front matter
//! names are imported, its citations resolve, and its figures are found in what it cites
//! (`candor_analysis::check_faithfulness`).

use std::path::Path;

use candor_analysis::{CitedSource, check_faithfulness};
use std::collections::BTreeMap;

use candor_analysis::PassageChange;
use candor_model::{
    Block, CitedSourceInfo, CitedSources, Diagnostic, Document, Inline, LinkTarget, PassagePlace,
    SourceLink, Span,
};
use candor_store::StoredSource;

use crate::{Error, open_project};

/// Every faithfulness diagnostic of `doc` (read from `text`), against the sources imported
/// into `project`.
pub(crate) fn check_sources(
    doc: &Document,
    text: &str,
    project: &Path,
    document_id: Option<&str>,
) -> Result<Vec<Diagnostic>, Error> {
    Ok(read_sources(doc, text, project, document_id)?.0)
}

/// The faithfulness diagnostics of `doc`, and what its citations point to (for printing
/// section and page numbers and the list of sources).
pub(crate) fn read_sources(
    doc: &Document,
    text: &str,
    project: &Path,
    document_id: Option<&str>,
) -> Result<(Vec<Diagnostic>, CitedSources), Error> {
    if doc.meta.sources.is_empty() {
        return Ok((Vec::new(), CitedSources::default()));
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
    let confirmed = match document_id {
        Some(id) => store.citation_checks(id).map_err(map)?,
        None => Vec::new(),
    };
    for (declared, source) in &loaded {
        diagnostics
            .extend(stale_citations(doc, text, &store, project, declared, source, &confirmed)?);
    }
    let info = CitedSources { sources: loaded.iter().map(|(id, s)| source_info(id, s)).collect() };
    Ok((diagnostics, info))
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
/// current file; a passage that only moved gets a fix that points the link at its new id.
fn stale_citations(
    doc: &Document,
    text: &str,
    store: &candor_store::Project,
    project: &Path,
    declared: &str,
    source: &StoredSource,
    confirmed: &[candor_store::CitationCheck],
) -> Result<Vec<Diagnostic>, Error> {
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
    for (link, span) in source_links(&doc.blocks) {
        let (true, Some(passage)) = (link.source == declared, link.passage.as_deref()) else {
            continue;
        };
        let Some(change) = changes.iter().find(|c| c.old_id() == passage) else { continue };
        let is_confirmed = confirmed
            .iter()
            .any(|c| c.source == *id && c.passage == passage && c.sha256 == source.summary.sha256);
        match change {
            PassageChange::Same { new, .. } if new == passage => {}
            PassageChange::Same { new, .. } => {
                let at = text
                    .get(span.start..span.end)
                    .and_then(|t| t.find(&format!("#{passage}")))
                    .map(|i| span.start + i + 1);
                let mut d = Diagnostic::warning(
                    "source/passage-moved",
                    span,
                    format!(
                        "In the new version of the source the passage `{passage}` is now `{new}`; its text did not change."
                    ),
                )
                .with_hint("Point the link at the new id so that it shows the right section and page.");
                if let Some(at) = at {
                    d = d.with_fix(candor_model::Fix {
                        label: format!("Cite `{new}`"),
                        span: candor_model::Span::new(at, at + passage.len()),
                        replacement: new.clone(),
                    });
                }
                out.push(d);
            }
            _ if is_confirmed => {}
            PassageChange::Changed { old_text, new_text, .. } => out.push(
                Diagnostic::warning(
                    "source/changed-since-cited",
                    span,
                    format!(
                        "The source changed since this was written. Before: “{}” Now: “{}”",
                        shorten(old_text),
                        shorten(new_text)
                    ),
                )
                .with_hint("Check the sentence against the new text, then confirm the citation (candor sources confirm, or Confirm in the app)."),
            ),
            PassageChange::Removed { old_text, .. } => out.push(
                Diagnostic::warning(
                    "source/changed-since-cited",
                    span,
                    format!(
                        "The passage this cites is no longer in the source. It said: “{}”",
                        shorten(old_text)
                    ),
                )
                .with_hint("Cite another passage that supports the sentence, or change the sentence."),
            ),
        }
    }
    Ok(out)
}

/// Every `source:` link of the document with its span, in reading order.
fn source_links(blocks: &[Block]) -> Vec<(&SourceLink, Span)> {
    fn inlines<'a>(content: &'a [Inline], out: &mut Vec<(&'a SourceLink, Span)>) {
        for inline in content {
            match inline {
                Inline::Link { target: LinkTarget::Source { link }, content, span, .. } => {
                    out.push((link, *span));
                    inlines(content, out);
                }
                Inline::Link { content, .. }
                | Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Strikethrough { content } => inlines(content, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                inlines(content, &mut out);
            }
            Block::BlockQuote { blocks, .. } => stack.extend(blocks.iter().rev()),
            Block::List { items, .. } => {
                stack.extend(items.iter().rev().flat_map(|i| i.blocks.iter().rev()));
            }
            Block::Table { table, .. } => {
                for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                    inlines(&cell.content, &mut out);
                }
            }
            Block::Risk { risk, span } => out.extend(risk.sources.iter().map(|l| (l, *span))),
            _ => {}
        }
    }
    out
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
/// `only` (`SOURCE#PASSAGE` as the document writes it). Returns how many were confirmed.
pub fn confirm_citations(
    project: &Path,
    doc: &str,
    only: Option<&str>,
    by: &candor_store::Person,
    now: &str,
) -> Result<usize, Error> {
    let text = crate::get_document(project, doc, None)?;
    let parsed = candor_import::parse_companion(&text).value;
    let mut store = open_project(project)?;
    let map = |e| Error::store(project, e);
    let imported = store.sources().map_err(map)?;
    let wanted = only.map(SourceLink::parse).transpose().map_err(|message| Error::Review {
        path: project.to_owned(),
        message: format!("`{}`: {message}", only.unwrap_or_default()),
    })?;
    let mut confirmed = 0;
    for (link, _) in source_links(&parsed.blocks) {
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
        confirm_citations(&project, doc.as_str(), None, &me, "2026-05-02T09:00:00Z").unwrap();
        let after = codes(&project, doc.as_str());
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].0, "source/passage-moved");
        assert!(
            confirm_citations(&project, doc.as_str(), Some("r#nope"), &me, "2026-05-02T09:00:00Z")
                .is_err()
        );
    }
}
