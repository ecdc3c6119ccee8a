#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use candor_model::LanguageTag;
use candor_store::{Person, RemovalGround};

use super::*;
use crate::{
    DocumentSource, ExportRequest, PublishRequest, create_project, publish, put_document,
    send_for_review,
};

const WHAT: &str = "ZEBRAWHAT the exact jailbreak prompts of the red team";
const REASON: &str = "QUOKKAREASON they would teach attackers";

const TEXT: &str = "---\ntitle: Risks of Example-1\nlang: en\nversion: \"1.0\"\ndate: 2026-05-01\n---\n\n# What it is\n\nExample-1 writes text.\n\n# What we left out\n\n```candor-removals\n```\n";

const DOC: &str = "risks-of-example-1";

fn me() -> Person {
    Person { name: "Sam Author".into(), role: "Policy".into(), email: String::new() }
}

fn setup(dir: &Path) -> PathBuf {
    let project = dir.join("p.candor");
    create_project(&project).unwrap();
    let id = put_document(&project, None, TEXT, "first draft", "2026-05-01T09:00:00Z").unwrap();
    assert_eq!(id.as_str(), DOC);
    project
}

fn request<'a>(what: &'a str, why: &'a str, reason: &'a str) -> RemovalRequest<'a> {
    RemovalRequest { document: DOC, what, why, reason, source: None, passage: None }
}

#[test]
fn the_statement_counts_and_names_grounds_in_the_documents_language() {
    use RemovalGround::*;
    let en = LanguageTag::default();
    assert_eq!(statement(&[], &en), None);
    assert_eq!(
        statement(&[Security, Commercial, Security], &en).unwrap(),
        "Some information was left out of this summary to protect security or commercially \
         sensitive information (3 items). The reasons are recorded and available to the \
         supervisory authorities on request."
    );
    let one = statement(&[Other], &en).unwrap();
    assert!(
        one.starts_with(
            "Some information was left out of this summary for other reasons (1 item)."
        ),
        "{one}"
    );
    let all = statement(&[PersonalData, Other, Commercial, Security], &en).unwrap();
    assert!(
        all.contains(
            "to protect security, commercially sensitive information or personal data, or for \
             other reasons (4 items)"
        ),
        "{all}"
    );
    let de = statement(&[Security, Commercial], &LanguageTag::parse("de-AT").unwrap()).unwrap();
    assert!(
        de.contains("um die Sicherheit oder Geschäftsgeheimnisse zu schützen (2 Angaben)"),
        "{de}"
    );
    assert!(de.contains("Aufsichtsbehörden"), "{de}");
    let fr = statement(&[PersonalData], &LanguageTag::parse("fr").unwrap()).unwrap();
    assert!(fr.contains("afin de protéger des données personnelles (1 élément)"), "{fr}");
}

#[test]
fn removals_are_recorded_listed_withdrawn_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let project = setup(dir.path());
    let now = "2026-05-02T09:00:00Z";
    let item = record_removal(&project, &request(WHAT, "security", REASON), &me(), now).unwrap();
    assert_eq!((item.why.as_str(), item.decided_by.as_str()), ("security", "Sam Author"));
    assert!(item.active && item.withdrawn_at.is_none());
    assert_eq!(list_removals(&project, DOC).unwrap(), std::slice::from_ref(&item));

    let withdrawn = withdraw_removal(&project, &item.id, "2026-05-03T09:00:00Z").unwrap();
    assert!(!withdrawn.active);
    assert_eq!(withdrawn.withdrawn_at.as_deref(), Some("2026-05-03T09:00:00Z"));
    assert!(withdraw_removal(&project, &item.id, "2026-05-04T09:00:00Z").is_err());

    let bad = |r: RemovalRequest<'_>| record_removal(&project, &r, &me(), now).unwrap_err();
    assert!(bad(request(WHAT, "secret", REASON)).to_string().contains("security, commercial"));
    assert!(matches!(bad(request(" ", "security", REASON)), Error::Review { .. }));
    assert!(matches!(bad(request(WHAT, "other", "")), Error::Review { .. }));
    assert!(matches!(
        bad(RemovalRequest { document: "nope", ..request(WHAT, "security", REASON) }),
        Error::UnknownDocument { .. }
    ));
    assert!(matches!(
        bad(RemovalRequest { source: Some("nope"), ..request(WHAT, "security", REASON) }),
        Error::UnknownSource { .. }
    ));
    assert!(matches!(
        bad(RemovalRequest { passage: Some("p1"), ..request(WHAT, "security", REASON) }),
        Error::Review { .. }
    ));
    assert!(matches!(list_removals(&project, "nope"), Err(Error::UnknownDocument { .. })));
    assert_eq!(list_removals(&project, DOC).unwrap().len(), 1);
}

/// Every file under `dir`, as text (PDFs as the words Candor's PDF reader finds, and their
/// raw bytes).
fn everything_written(dir: &Path) -> String {
    let mut all = String::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) == Some("candor") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            if path.extension().and_then(|e| e.to_str()) == Some("pdf") {
                all.push_str(&pdf_text(&bytes));
            }
            all.push_str(&String::from_utf8_lossy(&bytes));
            all.push('\n');
        }
    }
    all
}

#[test]
fn nothing_of_the_log_reaches_an_export_but_the_statement_does() {
    let dir = tempfile::tempdir().unwrap();
    let project = setup(dir.path());
    let now = "2026-05-02T09:00:00Z";
    record_removal(&project, &request(WHAT, "security", REASON), &me(), now).unwrap();
    let second = record_removal(
        &project,
        &request("ZEBRAWHAT second: the cost of training", "commercial", "QUOKKAREASON price"),
        &me(),
        "2026-05-02T10:00:00Z",
    )
    .unwrap();
    record_removal(
        &project,
        &request("ZEBRAWHAT third", "other", "QUOKKAREASON withdrawn later"),
        &me(),
        "2026-05-02T11:00:00Z",
    )
    .unwrap();
    let third = list_removals(&project, DOC).unwrap().pop().unwrap();
    withdraw_removal(&project, &third.id, "2026-05-02T12:00:00Z").unwrap();
    assert_eq!(second.why, "commercial");

    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let export = ExportRequest {
        document: DocumentSource::Project { project: project.clone(), id: DOC.into() },
        pdf: Some(out.join("doc.pdf")),
        html: Some(out.join("doc.html")),
        typst_source: Some(out.join("typst")),
        risk_json: Some(out.join("risks.json")),
        risk_html: Some(out.join("risks.html")),
        ..ExportRequest::default()
    };
    let report = crate::export_document(&export, &mut ()).unwrap();
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let bundle = out.join("bundle");
    let published = publish(
        &PublishRequest {
            project: project.clone(),
            document: DOC.into(),
            out: bundle.clone(),
            force: Some("test".into()),
        },
        &me(),
        "2026-05-03T09:00:00Z",
    )
    .unwrap();
    assert!(published.refused.is_empty(), "{:?}", published.refused);

    let written = everything_written(&out);
    for secret in ["ZEBRAWHAT", "QUOKKAREASON", "jailbreak", "cost of training"] {
        assert!(!written.contains(secret), "`{secret}` leaked into an export");
    }
    // Two active removals (the third was withdrawn), on two grounds.
    let html = std::fs::read_to_string(out.join("doc.html")).unwrap();
    assert!(
        html.contains(
            "Some information was left out of this summary to protect security or commercially \
             sensitive information (2 items)."
        ),
        "{html}"
    );
    let pdf = pdf_text(&std::fs::read(out.join("doc.pdf")).unwrap());
    assert!(pdf.contains("left out of this summary"), "{pdf}");
    let bundled = std::fs::read_to_string(bundle.join(format!("{DOC}.html"))).unwrap();
    assert!(bundled.contains("(2 items)"));

    // A review copy is the project file: it carries the log (see the module documentation).
    let copy = dir.path().join("copy.candor");
    send_for_review(&project, DOC, "Ana Ruiz", &copy, &me(), "2026-05-04T09:00:00Z").unwrap();
    let carried = list_removals(&copy, DOC).unwrap();
    assert_eq!(carried.len(), 3);
    assert!(carried.iter().any(|r| r.what == WHAT && r.reason == REASON));
    // … but removals are the author's: a copy refuses new ones.
    let refused = record_removal(&copy, &request(WHAT, "security", REASON), &me(), now);
    assert!(refused.unwrap_err().to_string().contains("review copy"));
}

#[test]
fn without_removals_or_a_project_the_block_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let project = setup(dir.path());
    let html = dir.path().join("none.html");
    let export = ExportRequest {
        document: DocumentSource::Project { project: project.clone(), id: DOC.into() },
        html: Some(html.clone()),
        ..ExportRequest::default()
    };
    let report = crate::export_document(&export, &mut ()).unwrap();
    assert!(report.diagnostics.iter().all(|d| d.code != "generated/needs-project"));
    assert!(!std::fs::read_to_string(&html).unwrap().contains("left out of this summary"));

    let file = dir.path().join("doc.md");
    std::fs::write(&file, TEXT).unwrap();
    let export = ExportRequest {
        document: DocumentSource::File(file),
        html: Some(dir.path().join("file.html")),
        ..ExportRequest::default()
    };
    let report = crate::export_document(&export, &mut ()).unwrap();
    assert!(report.diagnostics.iter().any(|d| d.code == "generated/needs-project"));
}

/// The words of a PDF, read back with Candor's own PDF reader.
fn pdf_text(pdf: &[u8]) -> String {
    let imported = candor_import::import_source(candor_model::SourceFormat::Pdf, pdf).unwrap();
    let content = imported.value;
    let sections = content.sections.iter().map(|s| s.title.clone());
    let passages = content.passages.iter().map(|p| p.text.clone());
    sections.chain(passages).collect::<Vec<_>>().join(" ")
}
