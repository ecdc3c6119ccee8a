#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::collections::HashSet;
use std::path::PathBuf;

use candor_model::{Block, Document, Inline, LinkTarget, Severity, SourceFormat, Warned};
use candor_render::{Images, PdfStandard};
use candor_store::SourceSummary;

use super::*;
use crate::{DocumentSource, EXAMPLE_SOURCE, ExportRequest, export_document, get_document};

const TODAY: Date = Date { year: 2026, month: 3, day: 1 };
const IDS: [&str; 4] =
    ["model-report-summary", "framework-summary", "risk-summary", "incident-notice"];

/// A source as the project would store it, imported from bytes.
fn stored(id: &str, file: &str, format: SourceFormat, bytes: &[u8]) -> StoredSource {
    let content = candor_import::import_source(format, bytes).unwrap().value;
    let title = content.metadata.title.clone().unwrap_or_else(|| file.to_owned());
    StoredSource {
        summary: SourceSummary {
            id: id.to_owned(),
            file_name: file.to_owned(),
            format,
            title,
            imported_at: "2026-03-01T00:00:00Z".into(),
            byte_size: bytes.len() as u64,
            sha256: candor_store::sha256_hex(bytes),
            sections: content.sections.len() as u32,
            passages: content.passages.len() as u32,
            pages: content.pages,
        },
        content,
    }
}

fn aurora() -> StoredSource {
    stored(
        "aurora-2-model-report",
        "aurora-2-model-report.md",
        SourceFormat::Markdown,
        EXAMPLE_SOURCE.as_bytes(),
    )
}

/// Parses a starter's text: it must have no errors, and every warning is guidance.
fn checked(text: &str) -> Warned<Document> {
    let doc = candor_import::parse_companion(text);
    let errors: Vec<_> = doc.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    assert!(
        doc.diagnostics.iter().all(|d| d.code == "guidance/remaining"),
        "{:?}",
        doc.diagnostics
    );
    assert!(doc.diagnostics.len() >= 3, "too little guidance:\n{text}");
    doc
}

fn typesets(doc: &Document) {
    let pdf = candor_render::export_pdf(doc, &Images::new(), PdfStandard::Ua1).unwrap();
    assert!(pdf.diagnostics.iter().all(|d| d.severity != Severity::Error), "{:?}", pdf.diagnostics);
    assert!(pdf.value.unwrap().starts_with(b"%PDF-"));
}

/// Every `source:` link in the text, as (source, passage).
fn links(doc: &Document) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut blocks: Vec<&Block> = doc.blocks.iter().collect();
    let mut inlines: Vec<&Inline> = Vec::new();
    while let Some(block) = blocks.pop() {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                inlines.extend(content);
            }
            Block::List { items, .. } => blocks.extend(items.iter().flat_map(|i| i.blocks.iter())),
            Block::BlockQuote { blocks: inner, .. } => blocks.extend(inner),
            _ => {}
        }
    }
    while let Some(inline) = inlines.pop() {
        if let Inline::Link { target: LinkTarget::Source { link }, .. } = inline {
            found.push((link.source.clone(), link.passage.clone().unwrap_or_default()));
        }
    }
    found
}

/// Every citation points at a passage that exists in the cited source.
fn citations_resolve(doc: &Document, sources: &[&StoredSource]) -> usize {
    let links = links(doc);
    for (source, passage) in &links {
        let s = sources.iter().find(|s| s.summary.id == *source).unwrap();
        assert!(
            s.content.passages.iter().any(|p| p.id == *passage),
            "{source}#{passage} does not exist"
        );
    }
    links.len()
}

#[test]
fn every_starter_is_listed_once_with_a_sentence() {
    let list = starters();
    let ids: Vec<&str> = list.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, IDS);
    for s in &list {
        assert!(s.description.ends_with('.') && s.description.len() < 200, "{}", s.description);
        assert!(!s.title.is_empty());
    }
    let json = serde_json::to_value(&list[0]).unwrap();
    assert_eq!(json["id"], "model-report-summary");
}

#[test]
fn an_unknown_starter_is_an_error() {
    let e = new_document_text("memo", &[], TODAY).unwrap_err();
    assert!(matches!(e, Error::UnknownStarter { ref id } if id == "memo"));
    assert_eq!(e.code(), crate::ErrorCode::UnknownId);
}

#[test]
fn every_starter_without_sources_checks_and_typesets() {
    for id in IDS {
        let text = new_document_text(id, &[], TODAY).unwrap();
        let doc = checked(&text);
        assert!(text.contains("date: 2026-03-01"), "{text}");
        assert!(text.contains("# How to report a concern or an incident"), "{id}");
        assert!(text.contains("Give a real contact"), "{id}");
        // Nothing is invented: no provider, model or source is named.
        assert!(doc.value.meta.provider.is_none() && doc.value.meta.model.is_none(), "{id}");
        assert!(doc.value.meta.sources.is_empty());
        assert!(text.contains("Not found in the chosen sources"), "{id}");
        assert!(links(&doc.value).is_empty());
        typesets(&doc.value);
    }
}

#[test]
fn risk_starters_have_the_four_specified_risks_and_an_overview() {
    for id in ["model-report-summary", "risk-summary"] {
        let text = new_document_text(id, &[], TODAY).unwrap();
        let doc = checked(&text).value;
        let categories: HashSet<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Risk { risk, .. } => Some(risk.category.id()),
                _ => None,
            })
            .collect();
        let specified: HashSet<&str> =
            ["cbrn", "loss-of-control", "cyber-offence", "harmful-manipulation"].into();
        assert_eq!(categories, specified, "{id}");
        assert!(
            doc.blocks
                .iter()
                .any(|b| matches!(b, Block::Generated { name, .. } if name == "risk-overview"))
        );
        // Guidance asks for natural frequencies with their range.
        assert!(text.contains("about 3 in 100") && text.contains("range"), "{id}");
        // The rendered draft shows no guidance.
        let html = candor_render::write_html(&doc, &Images::new(), &Default::default());
        assert!(!html.contains("Name each kind of serious risk"), "{id}");
    }
}

#[test]
fn placeholders_in_risk_blocks_are_errors_once_uncommented() {
    let text = new_document_text("risk-summary", &[], TODAY).unwrap();
    // An author who removes the `# ` of each field line but forgets to replace a placeholder.
    let keys = [
        "what_could_happen:",
        "likelihood:",
        "estimate:",
        "range:",
        "per:",
        "basis:",
        "severity:",
        "who_is_affected:",
        "mitigations:",
        "- kind:",
        "what_we_did:",
        "effect:",
        "what_you_can_do:",
        "sources:",
    ];
    let mut in_risk = false;
    let mut uncommented = String::new();
    for line in text.lines() {
        in_risk = if line == "```risk" { true } else { in_risk && line != "```" };
        let field =
            line.strip_prefix("# ").filter(|r| keys.iter().any(|k| r.trim_start().starts_with(k)));
        uncommented.push_str(if in_risk { field.unwrap_or(line) } else { line });
        uncommented.push('\n');
    }
    let doc = candor_import::parse_companion(&uncommented);
    let codes: HashSet<&str> = doc
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code.as_str())
        .collect();
    assert!(
        codes.contains("risk/invalid-probability") || codes.contains("risk/wrong-type"),
        "{codes:?}"
    );
    assert!(codes.contains("risk/unknown-severity"), "{codes:?}");
}

#[test]
fn the_example_source_prefills_every_starter() {
    let source = aurora();
    for id in IDS {
        let text = new_document_text(id, std::slice::from_ref(&source), TODAY).unwrap();
        let doc = checked(&text);
        let meta = &doc.value.meta;
        assert_eq!(meta.provider.as_deref(), Some("Northlight AI"), "{id}");
        assert_eq!(meta.model.as_deref(), Some("Aurora-2"), "{id}");
        assert_eq!(meta.sources.len(), 1);
        assert_eq!(meta.sources[0].id, "aurora-2-model-report");
        assert_eq!(meta.sources[0].title.as_deref(), Some("Aurora-2 Model Report"));
        assert_eq!(meta.sources[0].file.as_deref(), Some("aurora-2-model-report.md"));
        assert!(citations_resolve(&doc.value, &[&source]) >= 1, "{id}");
        typesets(&doc.value);
    }
    let text =
        new_document_text("model-report-summary", std::slice::from_ref(&source), TODAY).unwrap();
    for expected in [
        "title: \"Aurora-2: what you should know\"",
        "# What Aurora-2 is",
        "Aurora-2 is an AI model made by Northlight AI ([Aurora-2 Model Report, section 1](source:aurora-2-model-report#sec-1-p2); [Aurora-2 Model Report, section 1](source:aurora-2-model-report#sec-1-p1)).",
        "It was released on 10 February 2026 ([Aurora-2 Model Report, section 1](source:aurora-2-model-report#sec-1-p4)).",
        "It has about 34 billion parameters ([Aurora-2 Model Report, section 1](source:aurora-2-model-report#sec-1-p7)).",
        "It is shared under this licence: Aurora-2 Community Licence 1.0 ([Aurora-2 Model Report, section 1](source:aurora-2-model-report#sec-1-p10)).",
        "> In the provider's words: “Aurora-2 is intended for drafting and summarising text,",
        "(source:aurora-2-model-report#sec-2-1-p1)",
        "(source:aurora-2-model-report#sec-2-2-p1)",
        "# sources: [aurora-2-model-report#PASSAGE]",
        "This summary explains the following documents:\n\n- Aurora-2 Model Report\n",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(!text.contains("Not found in the chosen sources: the model's name"), "{text}");
    // The report's contact is offered to the author inside guidance, never put in the text.
    assert!(
        text.contains("A chosen source gives this contact (source aurora-2-model-report, passage sec-8-p1):\n\"Anyone can report a concern"),
        "{text}"
    );
    let text = new_document_text("incident-notice", std::slice::from_ref(&source), TODAY).unwrap();
    assert!(text.contains("The incident involved Aurora-2, made by Northlight AI ("), "{text}");
    assert!(text.contains("title: \"Notice of a serious incident involving Aurora-2\""));
    let text = new_document_text("framework-summary", &[source], TODAY).unwrap();
    assert!(text.contains("Aurora-2 Model Report is published by Northlight AI"), "{text}");
    assert!(text.contains("This summary explains version 2.0"), "{text}");
}

#[test]
fn values_read_naturally() {
    assert_eq!(date_preposition("10 February 2026"), "on");
    assert_eq!(date_preposition("July 23, 2024"), "on");
    assert_eq!(date_preposition("2026-04-02"), "on");
    assert_eq!(date_preposition("February 2019"), "in");
    assert_eq!(parameter_words(34e9), "34 billion");
    assert_eq!(parameter_words(3.8e9), "3.8 billion");
    assert_eq!(parameter_words(1.3e12), "1.3 trillion");
    assert_eq!(parameter_words(124e6), "124 million");
    assert_eq!(parameter_words(5_000.0), "5000");
    assert_eq!(join_and(&["a".into(), "b".into(), "c".into()]), "a, b and c");
    assert_eq!(shorten("Alpha beta. Gamma delta epsilon.", 20), "Alpha beta.");
    assert_eq!(shorten("One. Two three four.", 10), "One. Two…");
    assert_eq!(shorten("alpha beta gamma delta", 12), "alpha beta…");
    assert!(!real("[More Information Needed]") && !real("other") && real("MIT"));
}

#[test]
fn the_same_source_twice_is_declared_once() {
    let source = aurora();
    let text = new_document_text("risk-summary", &[source.clone(), source], TODAY).unwrap();
    assert_eq!(checked(&text).value.meta.sources.len(), 1);
}

#[test]
fn markup_in_source_values_is_shown_as_written() {
    let mut source = aurora();
    source.content.metadata.provider =
        Some("Evil <script>*Corp*</script> [x](javascript:y) \"q\"".into());
    source.content.metadata.model = Some("M_1 `code` # {#id}".into());
    let text = new_document_text("model-report-summary", &[source], TODAY).unwrap();
    let doc = checked(&text).value;
    assert_eq!(
        doc.meta.provider.as_deref(),
        Some("Evil <script>*Corp*</script> [x](javascript:y) \"q\"")
    );
    let html = candor_render::write_html(&doc, &Images::new(), &Default::default());
    assert!(!html.contains("<script>") && !html.contains("href=\"javascript"), "{html}");
    assert!(html.contains("What M_1 `code` # {#id} is"), "{html}");
}

#[test]
fn a_document_is_created_in_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.candor");
    crate::create_example_project(&path, "2026-03-01T10:00:00Z").unwrap();
    let sources = vec!["aurora-2-model-report".to_owned()];
    let id = new_document(&path, "risk-summary", &sources, "2026-03-05T10:00:00Z").unwrap();
    assert_eq!(id.as_str(), "aurora-2-the-risks-in-brief");
    let text = get_document(&path, id.as_str(), None).unwrap();
    assert!(text.contains("date: 2026-03-05") && text.contains("source:aurora-2-model-report#"));
    let e = new_document(&path, "risk-summary", &["nope".into()], "2026-03-05T10:00:00Z");
    assert!(matches!(e, Err(Error::UnknownSource { .. })));
    let e = new_document(&path, "nope", &[], "2026-03-05T10:00:00Z");
    assert!(matches!(e, Err(Error::UnknownStarter { .. })));
    let e = new_document(&path, "risk-summary", &[], "yesterday");
    assert!(matches!(e, Err(Error::InvalidDate { .. })));
    assert_eq!(crate::list_documents(&path).unwrap().len(), 2);
}

// --- the shared corpus -------------------------------------------------------------------

/// The shared corpus folder, or `None` (with a notice) when this checkout has none. On CI
/// (env `CI` set) a missing corpus fails the test instead. (The same rule as the readers'
/// corpus helpers in candor-import's `test_support`.)
fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(std::env::var_os("CI").is_none(), "the shared corpus is missing at {}", dir.display());
    eprintln!("NOTICE: no shared corpus at {}; corpus tests skipped", dir.display());
    None
}

/// Makes a document from a starter and corpus sources in a real project, checks it and
/// exports it to PDF from the project (which expands `candor-bom` blocks). Returns its text.
fn from_corpus(dir: &std::path::Path, starter: &str, files: &[&str]) -> String {
    let project = dir.join(format!("{starter}-{}.candor", files[0]));
    crate::create_project(&project).unwrap();
    let paths: Vec<PathBuf> = files.iter().map(|f| dir.join(f)).collect();
    let imported = crate::import_files(&project, &paths, "2026-03-01T00:00:00Z", &mut ()).unwrap();
    let ids: Vec<String> = imported.into_iter().map(|r| r.unwrap().summary.id).collect();
    let id = new_document(&project, starter, &ids, "2026-03-01T12:00:00Z").unwrap();
    let text = get_document(&project, id.as_str(), None).unwrap();
    let doc = checked(&text);
    let stored: Vec<StoredSource> = {
        let p = crate::open_project(&project).unwrap();
        ids.iter().map(|i| p.source(i).unwrap().unwrap()).collect()
    };
    let refs: Vec<&StoredSource> = stored.iter().collect();
    citations_resolve(&doc.value, &refs);
    let pdf = dir.join(format!("{id}.pdf"));
    let request = ExportRequest {
        document: DocumentSource::Project { project, id: id.to_string() },
        pdf: Some(pdf.clone()),
        ..Default::default()
    };
    let report = export_document(&request, &mut ()).unwrap();
    assert!(!report.has_errors(), "{starter} {files:?}: {:?}", report.diagnostics);
    assert!(std::fs::read(pdf).unwrap().starts_with(b"%PDF-"));
    text
}

fn assert_has(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "missing {e:?} in\n{text}");
    }
}

#[test]
fn corpus_sources_prefill_the_starters() {
    let Some(corpus) = corpus() else { return };
    let dir = tempfile::tempdir().unwrap();
    for file in [
        "llama-3.1-model-card.md",
        "gemma-7b-hf-model-card.md",
        "cyclonedx-mlbom-gpt-4o.json",
        "safety-framework-card-anthropic-rsp.html",
    ] {
        std::fs::copy(corpus.join(file), dir.path().join(file)).unwrap();
    }
    let dir = dir.path();

    let llama = from_corpus(dir, "model-report-summary", &["llama-3.1-model-card.md"]);
    assert_has(
        &llama,
        &[
            "provider: \"Meta\"",
            "  - id: llama-3-1-model-card\n    title: \"Llama 3.1 model card\"\n    file: \"llama-3.1-model-card.md\"",
            "# What the model is\n\nIt was made by Meta ([Llama 3.1 model card, “Model Information”](source:llama-3-1-model-card#sec-model-information-p2)).",
            "It was released on July 23, 2024 ([Llama 3.1 model card, “Model Information”](source:llama-3-1-model-card#sec-model-information-p7)).",
            "It comes in 3 sizes: about 8 billion, 70 billion and 405 billion parameters",
            "(source:llama-3-1-model-card#sec-model-information-p4)",
            "It is shared under this licence: Llama 3.1 Community License (",
            "> In the provider's words: “Intended Use Cases Llama 3.1 is intended for commercial and research use",
            "(source:llama-3-1-model-card#sec-intended-use-p1)",
            "(source:llama-3-1-model-card#sec-intended-use-p2)",
            "Not found in the chosen sources: the model's name.",
            "A chosen source gives this contact (source llama-3-1-model-card, passage sec-model-information-p10)",
        ],
    );

    let gemma = from_corpus(dir, "risk-summary", &["gemma-7b-hf-model-card.md"]);
    assert_has(
        &gemma,
        &[
            "title: \"Gemma: the risks in brief\"",
            "provider: \"Google\"",
            "model: \"Gemma\"",
            "# Gemma in brief",
            // Cited from "Model Page: Gemma" and "Authors: Google", not "License: gemma".
            "Gemma is an AI model made by Google ([Gemma Model Card](source:gemma-7b-hf-model-card#sec-gemma-model-card-p1); [Gemma Model Card](source:gemma-7b-hf-model-card#sec-gemma-model-card-p9)).",
            "It comes in 2 sizes: about 7 billion and 2 billion parameters",
            "(source:gemma-7b-hf-model-card#sec-gemma-model-card-p2)",
            "# sources: [gemma-7b-hf-model-card#PASSAGE]",
        ],
    );

    let bom = from_corpus(dir, "model-report-summary", &["cyclonedx-mlbom-gpt-4o.json"]);
    assert_has(
        &bom,
        &[
            "provider: \"OpenAI Inc\"",
            "model: \"gpt-4o\"",
            "gpt-4o is an AI model made by OpenAI Inc (",
            "## What gpt-4o is built from",
            "```candor-bom\nsource: cyclonedx-mlbom-gpt-4o\n```",
            "# sources: [SOURCE#PASSAGE]",
        ],
    );
    // A BOM's timestamp is not a release date.
    assert!(!bom.contains("It was released on"), "{bom}");

    let rsp = from_corpus(dir, "framework-summary", &["safety-framework-card-anthropic-rsp.html"]);
    assert_has(
        &rsp,
        &[
            "title: \"Responsible Scaling Policy: a summary for the public\"",
            "provider: \"Anthropic\"",
            "Responsible Scaling Policy is published by Anthropic (",
            "This summary explains version 3.1, dated 2026-04-02 (",
            "(source:safety-framework-card-anthropic-rsp#sec-responsible-scaling-policy-p1)",
        ],
    );

    // Several sources at once, one of them an AI-BOM: the model's name and its provider
    // come from the same source, other values from the first source that discloses them,
    // and the BOM gets its block.
    let both = from_corpus(
        dir,
        "incident-notice",
        &["llama-3.1-model-card.md", "cyclonedx-mlbom-gpt-4o.json"],
    );
    assert_has(
        &both,
        &[
            "provider: \"OpenAI Inc\"",
            "model: \"gpt-4o\"",
            "The incident involved gpt-4o, made by OpenAI Inc (",
            "```candor-bom\nsource: cyclonedx-mlbom-gpt-4o\n```",
        ],
    );
}
