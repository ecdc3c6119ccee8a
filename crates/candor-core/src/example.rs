//! The bundled example project: a fictional model report and a finished companion document
//! that explains it, for trying Candor without documents of one's own.

use std::path::Path;

use candor_model::SourceFormat;
use candor_store::NewSource;

use crate::{Error, create_project, open_project, put_document};

/// The fictional Aurora-2 Model Report (Markdown).
pub const EXAMPLE_SOURCE: &str =
    include_str!("../../../examples/example-project/aurora-2-model-report.md");

/// Its file name, which is also where its source id comes from.
pub const EXAMPLE_SOURCE_FILE: &str = "aurora-2-model-report.md";

/// The source's id in the example project; the companion document cites it.
pub const EXAMPLE_SOURCE_ID: &str = "aurora-2-model-report";

/// The finished public summary of the Aurora-2 Model Report.
pub const EXAMPLE_DOCUMENT: &str =
    include_str!("../../../examples/example-project/aurora-2-public-summary.md");

/// Creates a project at `path` holding the example source and the companion document that
/// explains it; refuses to overwrite anything. `now` (ISO 8601) is recorded as the import
/// and creation time. If a step fails, the half-made project file is removed.
pub fn create_example_project(path: &Path, now: &str) -> Result<(), Error> {
    create_project(path)?;
    let filled = fill(path, now);
    if filled.is_err() {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(Path::new(&name));
        }
    }
    filled
}

fn fill(path: &Path, now: &str) -> Result<(), Error> {
    let imported = candor_import::import_source(SourceFormat::Markdown, EXAMPLE_SOURCE.as_bytes())
        .map_err(|e| Error::Import { path: EXAMPLE_SOURCE_FILE.into(), message: e.to_string() })?;
    let mut project = open_project(path)?;
    project
        .add_source(&NewSource {
            id: EXAMPLE_SOURCE_ID,
            file_name: EXAMPLE_SOURCE_FILE,
            format: SourceFormat::Markdown,
            bytes: EXAMPLE_SOURCE.as_bytes(),
            imported_at: now,
            title: None,
            content: &imported.value,
        })
        .map_err(|e| Error::store(path, e))?;
    drop(project);
    put_document(path, None, EXAMPLE_DOCUMENT, "the bundled example", now)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

    use std::collections::HashSet;

    use candor_model::{Block, Inline, LinkTarget, SourceLink};

    use super::*;
    use crate::{DocumentSource, ExportRequest, PdfStandard, export_document, list_documents};

    const NOW: &str = "2026-03-02T09:00:00Z";

    /// Every `source:` link of the document: in the text and in risk blocks.
    fn citations(doc: &candor_model::Document) -> Vec<SourceLink> {
        let mut links = Vec::new();
        let mut blocks: Vec<&Block> = doc.blocks.iter().collect();
        let mut inlines: Vec<&Inline> = Vec::new();
        while let Some(block) = blocks.pop() {
            match block {
                Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                    inlines.extend(content);
                }
                Block::List { items, .. } => {
                    blocks.extend(items.iter().flat_map(|i| i.blocks.iter()));
                }
                Block::BlockQuote { blocks: inner, .. } => blocks.extend(inner),
                Block::Table { table, .. } => {
                    for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                        inlines.extend(&cell.content);
                    }
                }
                Block::Risk { risk, .. } => links.extend(risk.sources.iter().cloned()),
                _ => {}
            }
        }
        while let Some(inline) = inlines.pop() {
            match inline {
                Inline::Link { target: LinkTarget::Source { link }, content, .. } => {
                    links.push(link.clone());
                    inlines.extend(content);
                }
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Strikethrough { content }
                | Inline::Link { content, .. } => inlines.extend(content),
                _ => {}
            }
        }
        links
    }

    #[test]
    fn every_citation_of_the_example_resolves() {
        let source =
            candor_import::import_source(SourceFormat::Markdown, EXAMPLE_SOURCE.as_bytes())
                .unwrap();
        assert!(source.diagnostics.is_empty(), "{:?}", source.diagnostics);
        let passages: HashSet<&str> = source
            .value
            .passages
            .iter()
            .map(|p| p.id.as_str())
            .chain(source.value.sections.iter().map(|s| s.id.as_str()))
            .collect();
        let doc = candor_import::parse_companion(EXAMPLE_DOCUMENT);
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
        let links = citations(&doc.value);
        assert!(links.len() >= 30, "only {} citations", links.len());
        for link in &links {
            assert_eq!(link.source, EXAMPLE_SOURCE_ID);
            let passage = link.passage.as_deref().unwrap();
            assert!(
                passages.contains(passage),
                "no passage or section {passage} in the example source"
            );
        }
        // The risk cards cover the four specified systemic risks, with an overview and a
        // section on reporting concerns.
        let categories: HashSet<&str> = doc
            .value
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Risk { risk, .. } => Some(risk.category.id()),
                _ => None,
            })
            .collect();
        let specified: HashSet<&str> =
            ["cbrn", "loss-of-control", "cyber-offence", "harmful-manipulation"].into();
        assert_eq!(categories, specified);
        assert!(EXAMPLE_DOCUMENT.contains("```candor-risk-overview"));
        assert!(EXAMPLE_DOCUMENT.contains("# How to report a concern"));
        assert!(
            EXAMPLE_SOURCE.contains("Fictional example") && EXAMPLE_DOCUMENT.contains("made-up")
        );
        let meta = &source.value.metadata;
        assert_eq!(meta.model.as_deref(), Some("Aurora-2"));
        assert_eq!(meta.provider.as_deref(), Some("Northlight AI"));
    }

    #[test]
    fn the_example_project_exports_to_pdf_ua_and_html() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("example.candor");
        create_example_project(&path, NOW).unwrap();
        let sources = crate::list_sources(&path).unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0].id, EXAMPLE_SOURCE_ID);
        let documents = list_documents(&path).unwrap();
        assert_eq!(documents.len(), 1);
        let id = documents[0].id.to_string();
        assert_eq!(documents[0].title, "Aurora-2: what you should know");
        for (name, standard) in [("tagged", PdfStandard::Tagged), ("ua-1", PdfStandard::Ua1)] {
            let pdf = dir.path().join(format!("summary-{name}.pdf"));
            let html = dir.path().join(format!("summary-{name}.html"));
            let request = ExportRequest {
                document: DocumentSource::Project { project: path.clone(), id: id.clone() },
                pdf: Some(pdf.clone()),
                html: Some(html.clone()),
                pdf_standard: standard,
                ..Default::default()
            };
            let report = export_document(&request, &mut ()).unwrap();
            // Notes only: a summary for the public leaves some technical items out.
            let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
            assert_eq!(codes, ["coverage/fields-left-out"], "{name}: {:?}", report.diagnostics);
            assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
            let page = std::fs::read_to_string(&html).unwrap();
            assert!(page.contains("Helping attackers break into computer systems"));
        }
        // Never over an existing file.
        assert!(create_example_project(&path, NOW).is_err());
        assert_eq!(list_documents(&path).unwrap().len(), 1);
    }
}
