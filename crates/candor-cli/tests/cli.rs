//! The `candor` binary, run for real in a temporary folder.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;
use std::process::{Command, Output};

fn candor(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_candor")).args(args).current_dir(dir).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const GOOD: &str = "---\ntitle: A small document\nlang: de-AT\ndate: 2026-03-01\nversion: \"2\"\n---\n\n# Überblick\n\nEin kurzer Text über Straßenverkehrsordnungsänderungen.\n";

#[test]
fn export_writes_pdf_and_html() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.md"), GOOD).unwrap();
    let out =
        candor(&["export", "doc.md", "--pdf", "out/doc.pdf", "--html", "out/doc.html"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(dir.path().join("out/doc.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let html = std::fs::read_to_string(dir.path().join("out/doc.html")).unwrap();
    assert!(html.contains("lang=\"de-AT\""), "{html}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("doc.pdf") && stdout.contains("doc.html"), "{stdout}");
}

#[test]
fn export_pdf_ua() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.md"), GOOD).unwrap();
    let out =
        candor(&["export", "doc.md", "--pdf", "ua.pdf", "--pdf-standard", "ua-1"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(dir.path().join("ua.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("pdfuaid"), "no PDF/UA identification in the XMP metadata");
}

#[test]
fn errors_are_reported_as_file_line_col_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = "---\ntitle: Bad\nlang: en\ndate: 2026-02-30\n---\n\nText.\n";
    std::fs::write(dir.path().join("bad.md"), bad).unwrap();
    let out = candor(&["check", "bad.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("bad.md:4:7: error[front-matter/invalid-date]:"), "{err}");

    let out = candor(&["export", "bad.md", "--pdf", "bad.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("bad.pdf").exists());
}

#[test]
fn check_json_lists_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.md"), "---\ntitle: T\nlang: en\nfoo: 1\n---\n\nText.\n")
        .unwrap();
    let out = candor(&["check", "doc.md", "--json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"code\": \"front-matter/unknown-key\""), "{stdout}");
    assert!(stdout.contains("\"line\": 4"), "{stdout}");
}

#[test]
fn check_summarises_readability_against_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "---\ntitle: T\nlang: en\nreading_level: 6\ndate: 2026-03-01\n---\n\n# What it is\n\n\
               The model writes text. You ask it a question and it answers.\n\n# Risks\n\n\
               Comprehensive evaluation methodologies necessitate multidimensional quantification \
               of systemic vulnerabilities attributable to autonomous capabilities.\n";
    std::fs::write(dir.path().join("doc.md"), doc).unwrap();
    let out = candor(&["check", "doc.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("readability (en): Flesch Reading Ease"), "{stdout}");
    assert!(stdout.contains("for a target of 6: above the target"), "{stdout}");
    assert!(stdout.contains("  What it is: Flesch Reading Ease"), "{stdout}");
    assert!(stdout.contains("  Risks: Flesch Reading Ease"), "{stdout}");
}

#[test]
fn usage_and_io_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = candor(&["export"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let out = candor(&["export", "missing.md", "--pdf", "x.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.md: no such file"), "{}", stderr(&out));
    std::fs::write(dir.path().join("doc.md"), GOOD).unwrap();
    let out = candor(&["export", "doc.md"], dir.path());
    assert_eq!(out.status.code(), Some(2), "export without an output must be a usage error");
    std::fs::write(dir.path().join("binary.md"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let out = candor(&["check", "binary.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
}

#[test]
fn a_failed_write_keeps_the_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.md"), GOOD).unwrap();
    // The output path is a directory: the write fails, nothing else is touched.
    std::fs::create_dir(dir.path().join("taken.pdf")).unwrap();
    std::fs::write(dir.path().join("keep.html"), "old").unwrap();
    let out =
        candor(&["export", "doc.md", "--pdf", "taken.pdf", "--html", "keep.html"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("taken.pdf"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.path().join("keep.html")).unwrap(), "old");
}

#[test]
fn same_input_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.md"), GOOD).unwrap();
    for name in ["a", "b"] {
        let out = candor(
            &[
                "export",
                "doc.md",
                "--pdf",
                &format!("{name}.pdf"),
                "--html",
                &format!("{name}.html"),
            ],
            dir.path(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let read = |n: &str| std::fs::read(dir.path().join(n)).unwrap();
    assert_eq!(read("a.pdf"), read("b.pdf"));
    assert_eq!(read("a.html"), read("b.html"));
}

const CARD: &str = "---\nlicense: apache-2.0\n---\n# Example-1 model card\n\n## Model Details\n\n- **Developed by:** Example AI\n- **Model type:** language model with 7B parameters\n\n## Uses\n\nWrites text. It scored 66.6% on a test.\n";

const BOM: &str = r#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
"components": [{"type": "machine-learning-model", "bom-ref": "m", "name": "example-1", "version": "1.0"}]}"#;

#[test]
fn project_workflow() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("card.md"), CARD).unwrap();
    std::fs::write(p.join("bom.json"), BOM).unwrap();
    std::fs::write(p.join("doc.md"), GOOD).unwrap();
    let ok = |args: &[&str]| {
        let out = candor(args, p);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    ok(&["new", "p.candor"]);
    let out = candor(&["new", "p.candor"], p);
    assert_eq!(out.status.code(), Some(2), "an existing project must not be overwritten");

    let imported = ok(&["import", "p.candor", "card.md", "bom.json"]);
    assert!(imported.contains("card.md: imported as `card`"), "{imported}");
    assert!(
        imported.contains("passages")
            && imported.contains("facts")
            && imported.contains("fields disclosed"),
        "{imported}"
    );
    let again = ok(&["import", "p.candor", "card.md"]);
    assert!(again.contains("already in the project"), "{again}");

    let listed = ok(&["sources", "p.candor", "--json"]);
    assert!(listed.contains("\"id\": \"card\"") && listed.contains("\"id\": \"bom\""), "{listed}");
    let outline = ok(&["show", "p.candor", "card"]);
    assert!(
        outline.contains("Model Details") && outline.contains("[sec-model-details]"),
        "{outline}"
    );
    let fields = ok(&["show", "p.candor", "card", "--fields"]);
    assert!(fields.contains("disclosed") && fields.contains("Licence"), "{fields}");
    let json = ok(&["show", "p.candor", "card", "--json"]);
    assert!(json.contains("\"passages\"") && json.contains("\"disclosure\""), "{json}");

    let id = ok(&["doc", "put", "p.candor", "doc.md", "--note", "first"]).trim().to_owned();
    assert_eq!(id, "a-small-document");
    ok(&["doc", "put", "p.candor", "doc.md", "--id", &id, "--note", "second"]);
    let listed = ok(&["doc", "list", "p.candor"]);
    assert!(listed.contains(&id) && listed.contains("version 2"), "{listed}");
    ok(&["export", "p.candor", &id, "--html", "out.html"]);
    assert!(p.join("out.html").exists());
    ok(&["doc", "restore", "p.candor", &id, "1"]);
    let history = ok(&["doc", "history", "p.candor", &id]);
    assert!(
        history.contains("export") && history.contains("restore (from version 1)"),
        "{history}"
    );
    assert_eq!(ok(&["doc", "get", "p.candor", &id, "--version", "1"]), GOOD);

    let out = candor(&["doc", "get", "p.candor", "missing"], p);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no document `missing`"), "{}", stderr(&out));
}

#[test]
fn a_malformed_source_names_the_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("bad.json"),
        "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.6\",\n}\n",
    )
    .unwrap();
    assert!(candor(&["new", "p.candor"], p).status.success());
    let before = std::fs::read(p.join("p.candor")).unwrap();
    let out = candor(&["import", "p.candor", "bad.json"], p);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad.json") && stderr(&out).contains("line 3"),
        "{}",
        stderr(&out)
    );
    let listed = candor(&["sources", "p.candor", "--json"], p);
    assert_eq!(String::from_utf8_lossy(&listed.stdout).trim(), "[]");
    assert_eq!(std::fs::read(p.join("p.candor")).unwrap().len(), before.len());
}

#[test]
fn a_file_that_is_not_a_project_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("fake.candor"), "not a database at all").unwrap();
    let out = candor(&["sources", "fake.candor"], p);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("fake.candor"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(p.join("fake.candor")).unwrap(), "not a database at all");
}

#[test]
fn a_bom_block_says_what_the_model_is_built_from() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let bom = r#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
"metadata": {"component": {"type": "machine-learning-model", "bom-ref": "m", "name": "example-1"}},
"components": [
  {"type": "data", "bom-ref": "d", "name": "web-text", "licenses": [{"license": {"id": "CC-BY-4.0"}}]},
  {"type": "library", "bom-ref": "l", "name": "pytorch", "version": "2.1", "licenses": [{"license": {"id": "BSD-3-Clause"}}]}
]}"#;
    std::fs::write(p.join("example-bom.json"), bom).unwrap();
    let doc = "---\ntitle: Parts\nlang: en\nsources:\n  - id: parts\n    file: example-bom.json\n---\n\n# What it is made of\n\n```candor-bom\nsource: parts\n```\n";
    std::fs::write(p.join("doc.md"), doc).unwrap();
    assert!(candor(&["new", "p.candor"], p).status.success());
    assert!(candor(&["import", "p.candor", "example-bom.json"], p).status.success());
    let out = candor(&["doc", "put", "p.candor", "doc.md"], p);
    let id = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let out = candor(&["export", "p.candor", &id, "--html", "parts.html", "--pdf", "parts.pdf"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(p.join("parts.html")).unwrap();
    assert!(html.contains("example-1 is built from these parts"), "{html}");
    assert!(html.contains("pytorch 2.1 (BSD-3-Clause)") && html.contains("web-text"), "{html}");

    // Outside a project the block cannot be filled: a clear error, nothing written.
    let out = candor(&["export", "doc.md", "--html", "file.html"], p);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("generated/needs-project"), "{}", stderr(&out));
    assert!(!p.join("file.html").exists());
}

#[test]
fn an_oversized_source_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert!(candor(&["new", "p.candor"], p).status.success());
    // A sparse 201 MiB file: nothing is read beyond the size check.
    let file = std::fs::File::create(p.join("huge.pdf")).unwrap();
    file.set_len(201 * 1024 * 1024).unwrap();
    let out = candor(&["import", "p.candor", "huge.pdf"], p);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("huge.pdf") && err.contains("at most"), "{err}");
    let listed = candor(&["sources", "p.candor", "--json"], p);
    assert_eq!(String::from_utf8_lossy(&listed.stdout).trim(), "[]");
}

#[test]
fn export_json_lists_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.md"), GOOD).unwrap();
    let out = candor(&["export", "doc.md", "--html", "doc.html", "--json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"written\"") && stdout.contains("doc.html"), "{stdout}");
    assert!(stdout.contains("\"diagnostics\": []"), "{stdout}");
}

#[test]
fn starters_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let out = candor(&["starters"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for id in ["model-report-summary", "framework-summary", "risk-summary", "incident-notice"] {
        assert!(stdout.contains(id), "{stdout}");
    }
    let out = candor(&["starters", "--json"], dir.path());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 4);
    assert_eq!(list[2]["id"], "risk-summary");
    assert!(list[2]["description"].as_str().unwrap().ends_with('.'));
}

#[test]
fn the_example_project_and_a_document_from_a_starter() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let out = candor(&["new", "ex.candor", "--example"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    // Never over an existing file.
    let again = candor(&["new", "ex.candor", "--example"], p);
    assert_eq!(again.status.code(), Some(2));
    let listed = candor(&["doc", "list", "ex.candor"], p);
    let docs = String::from_utf8_lossy(&listed.stdout);
    assert!(
        docs.starts_with("aurora-2-what-you-should-know  Aurora-2: what you should know"),
        "{docs}"
    );
    let out = candor(
        &[
            "export",
            "ex.candor",
            "aurora-2-what-you-should-know",
            "--pdf",
            "ex.pdf",
            "--pdf-standard",
            "ua-1",
        ],
        p,
    );
    assert!(out.status.success(), "{}", stderr(&out));

    // A new document from a starter and the example's source: only its id on stdout.
    let out = candor(
        &[
            "doc",
            "new",
            "ex.candor",
            "--starter",
            "risk-summary",
            "--source",
            "aurora-2-model-report",
        ],
        p,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert_eq!(id, "aurora-2-the-risks-in-brief");
    let text = candor(&["doc", "get", "ex.candor", &id], p);
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert!(text.contains("model: \"Aurora-2\"") && text.contains("```guidance"), "{text}");
    // Guidance is a warning: the draft checks and exports, with one warning per block.
    std::fs::write(p.join("draft.md"), &text).unwrap();
    let out = candor(&["check", "draft.md"], p);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "warning[guidance/remaining]: Guidance for the author is still in the document (line "
        ),
        "{err}"
    );
    assert!(!err.contains("error["), "{err}");
    let out = candor(&["export", "ex.candor", &id, "--html", "draft.html"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(p.join("draft.html")).unwrap();
    assert!(!html.contains("Keep this whole document to one page"), "guidance was published");

    let out = candor(&["doc", "new", "ex.candor", "--starter", "incident-notice", "--json"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["id"], "notice-of-a-serious-incident");
    assert_eq!(json["starter"], "incident-notice");

    let out = candor(&["doc", "new", "ex.candor", "--starter", "memo"], p);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no starter `memo`"), "{}", stderr(&out));
    let out =
        candor(&["doc", "new", "ex.candor", "--starter", "risk-summary", "--source", "nope"], p);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no source `nope`"), "{}", stderr(&out));
}

#[test]
fn check_json_has_plain_language_findings_fixes_and_readability() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "---\ntitle: T\nlang: en\n---\n\n# Risks\n\nThe model was fine-tuned on 1,000 prompts and 10 000 images.\n";
    std::fs::write(dir.path().join("doc.md"), doc).unwrap();
    let out = candor(&["check", "doc.md", "--format", "json"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings and notes do not fail a check: {}",
        stderr(&out)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["documents"][0];
    let codes: Vec<&str> = first["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for code in ["plain/passive", "plain/jargon", "plain/mixed-number-format"] {
        assert!(codes.contains(&code), "{code} missing: {codes:?}");
    }
    let mixed = first["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "plain/mixed-number-format")
        .unwrap();
    assert_eq!(mixed["fix"]["replacement"], "10,000");
    assert_eq!(first["readability"]["whole"]["language"], "en");
    assert!(first["readability"]["whole"]["stats"]["words"].as_u64().unwrap() > 10);
    // --lang checks as another language: German rules and formulas.
    let out = candor(&["check", "doc.md", "--format", "json", "--lang", "de"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"][0]["readability"]["whole"]["language"], "de");
    let out = candor(&["check", "doc.md", "--lang", "not a tag!"], dir.path());
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("not a language code"), "{}", stderr(&out));
}

#[test]
fn check_a_project_with_its_own_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert!(candor(&["new", "p.candor"], p).status.success());
    std::fs::write(
        p.join("doc.md"),
        "---\ntitle: T\nlang: en\n---\n\nThe frobnicator checks every answer.\n",
    )
    .unwrap();
    let put = candor(&["doc", "put", "p.candor", "doc.md"], p);
    assert!(put.status.success(), "{}", stderr(&put));
    let id = String::from_utf8_lossy(&put.stdout).trim().to_owned();

    std::fs::write(p.join("bad.txt"), "[frobnicator]\nen: frobnicator\nen.plain: answer checker\n")
        .unwrap();
    let out = candor(&["glossary", "p.candor", "--set", "bad.txt"], p);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("line"), "{}", stderr(&out));

    let good = "[frobnicator]\nen: frobnicator\nen.plain: answer checker\nen.def: A program that reads each answer before you see it.\n";
    std::fs::write(p.join("terms.txt"), good).unwrap();
    let out = candor(&["glossary", "p.candor", "--set", "terms.txt"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&candor(&["glossary", "p.candor"], p).stdout), good);

    let out = candor(&["check", "p.candor", "--format", "json"], p);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"][0]["id"], id.as_str());
    let jargon = json["documents"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "plain/jargon");
    assert!(
        jargon.is_some_and(|d| d["message"].as_str().unwrap().contains("answer checker")),
        "{json}"
    );

    let out = candor(&["check", "p.candor", "--doc", "nope"], p);
    assert_ne!(out.status.code(), Some(0));
}

const RISKS: &str = "---\ntitle: Risiken\nlang: de\nmodel: Beispiel-1\n---\n\n# Risiken\n\n```candor-risk-overview\n```\n\n```risk\nid: angriffe\ncategory: cyber-offence\ntitle: Hilfe bei Angriffen\nlikelihood:\n  estimate: 0.2\n  range: [0.1, 0.3]\nmitigations:\n  - kind: input-output-filtering\n    what_we_did: Ein Filter.\n    effect: {before: 0.2, after: 0.04, measure: Anteil erfolgreicher Versuche}\n```\n";

#[test]
fn export_writes_the_risks_as_json_and_as_an_embeddable_fragment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.md"), RISKS).unwrap();
    let out = candor(
        &["export", "doc.md", "--risk-json", "risks.json", "--risk-html", "risks.html"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // The three specified risks without a card are warnings, not errors.
    assert_eq!(stderr(&out).matches("risk/specified-risk-not-covered").count(), 3);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("risks.json")).unwrap())
            .unwrap();
    assert_eq!(json["format"], "candor-risk-cards/1");
    let card = &json["risks"][0];
    assert_eq!(card["likelihood"]["summary"], "Unwahrscheinlich: etwa 20 von 100 (etwa 1 von 5).");
    assert_eq!(card["mitigations"][0]["effect"]["after_count"], 4);
    assert_eq!(json["coverage"]["covered"].as_array().unwrap().len(), 1);
    let html = std::fs::read_to_string(dir.path().join("risks.html")).unwrap();
    assert!(html.starts_with("<section class=\"candor-risks\" lang=\"de\""), "{html}");
    assert!(html.contains("<h2 id=\"candor-risks-title\">Risiken von Beispiel-1</h2>"), "{html}");
    // Every style rule is scoped to the fragment.
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    for rule in style.lines().filter(|l| l.ends_with('{') && !l.starts_with('@')) {
        let rule = rule.trim();
        assert!(rule.starts_with(".candor-risks"), "unscoped rule: {rule}");
    }
    assert!(!html.contains("<script") && !html.contains("url("));
    // An unknown category is an error: nothing is written.
    let bad = RISKS.replace("cyber-offence", "cyber-offense");
    std::fs::write(dir.path().join("bad.md"), bad).unwrap();
    let out = candor(&["export", "bad.md", "--risk-json", "bad.json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Did you mean `cyber-offence`?"), "{}", stderr(&out));
    assert!(!dir.path().join("bad.json").exists());
}

#[test]
fn a_project_adds_its_own_risk_categories() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert!(candor(&["new", "p.candor"], p).status.success());
    let out = candor(&["taxonomy", "--list", "--json"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list["categories"].as_array().unwrap().len(), 33);
    std::fs::write(p.join("bad.txt"), "[category Bad]\n").unwrap();
    let out = candor(&["taxonomy", "p.candor", "--set", "bad.txt"], p);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.txt:line 1:"), "{}", stderr(&out));
    let own = "[category election-integrity]\nen: Interfering with elections\nde: Einmischung in Wahlen\n";
    std::fs::write(p.join("own.txt"), own).unwrap();
    assert!(candor(&["taxonomy", "p.candor", "--set", "own.txt"], p).status.success());
    assert_eq!(String::from_utf8_lossy(&candor(&["taxonomy", "p.candor"], p).stdout), own);
    let out = candor(&["taxonomy", "--list", "p.candor", "--lang", "de"], p);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Einmischung in Wahlen"));
}

#[test]
fn diff_shows_two_versions_word_by_word() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert!(candor(&["new", "p.candor"], p).status.success());
    let v1 = "---\ntitle: Diffed\nlang: en\n---\n\nThe risk is low.\n\nKept line.\n";
    let v2 = "---\ntitle: Diffed\nlang: en\n---\n\nThe risk is very high.\n\nKept line.\n";
    std::fs::write(p.join("v1.md"), v1).unwrap();
    std::fs::write(p.join("v2.md"), v2).unwrap();
    let out = candor(&["doc", "put", "p.candor", "v1.md"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let out = candor(&["doc", "put", "p.candor", "v2.md", "--id", &id, "--note", "Raised"], p);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = candor(&["diff", "p.candor", "--doc", &id, "1", "2"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("The risk is [-low-]{+very high+}."), "{stdout}");
    assert!(!stdout.contains("\x1b["), "no colour when stdout is not a terminal");

    let out = candor(&["diff", "p.candor", "--doc", &id, "1", "2", "--format", "side-by-side"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let row = stdout.lines().find(|l| l.contains("{+very high+}")).unwrap();
    assert!(row.contains("[-low-]") && row.contains(" │ "), "{stdout}");
    assert!(stdout.lines().all(|l| l.chars().count() <= 80), "{stdout}");

    let out = candor(&["diff", "p.candor", "--doc", &id, "1", "2", "--format", "json"], p);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["words_added"], 2);
    assert_eq!(json["words_removed"], 1);
    assert_eq!(json["to"]["note"], "Raised");

    let out = candor(&["diff", "p.candor", "--doc", &id, "1", "9"], p);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!("`{id}` has no version 9")), "{}", stderr(&out));
}

#[test]
fn brand_sets_checks_and_shows_the_branding() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert!(candor(&["new", "p.candor", "--example"], p).status.success());
    let out = candor(&["brand", "p.candor"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("organisation: (not set)"));

    let logo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/branding/logo.png");
    let logo = logo.to_str().unwrap();
    let out = candor(
        &[
            "brand",
            "p.candor",
            "--organisation",
            "Acme",
            "--primary",
            "#123456",
            "--accent",
            "#ffcc00",
            "--font",
            "inter",
            "--logo",
            logo,
        ],
        p,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("organisation: Acme") && stdout.contains("primary:      #123456"),
        "{stdout}"
    );
    assert!(stdout.contains("accent:       #ffcc00 (too little contrast;"), "{stdout}");
    assert!(stdout.contains("logo:         600×160 pixels"), "{stdout}");
    assert!(stderr(&out).contains("warning[brand/low-contrast]"), "{}", stderr(&out));

    // Exported with the branding; bad values change nothing and exit 2.
    let out =
        candor(&["export", "p.candor", "aurora-2-what-you-should-know", "--html", "o.html"], p);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(p.join("o.html")).unwrap();
    assert!(html.contains("--brand-primary: #123456;") && html.contains("alt=\"Acme\""));
    for bad in [&["--primary", "blue"][..], &["--font", "papyrus"], &["--logo", "missing.png"]] {
        let mut argv = vec!["brand", "p.candor"];
        argv.extend_from_slice(bad);
        let out = candor(&argv, p);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(!stderr(&out).is_empty());
    }
    let out = candor(&["brand", "p.candor", "--no-logo", "--organisation", ""], p);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("logo:         (not set)") && stdout.contains("primary:      #123456"));
}

/// `candor` with its own preferences folder (the reviewer's identity lives there).
fn candor_as(args: &[&str], dir: &Path, config: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(args)
        .current_dir(dir)
        .env("CANDOR_CONFIG_DIR", config)
        .output()
        .unwrap()
}

const REVIEWED: &str = "---\ntitle: Risks of Example-1\nlang: en\nversion: \"1.0\"\ndate: 2026-05-01\n---\n\n# What it is\n\nExample-1 writes text. It was tested by experts before release.\n\n# Risks\n\nAttackers succeeded in about 20 in 100 attempts.\n";

#[test]
fn two_reviewers_copies_merge_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let author = p.join("author-prefs");
    let ok = |out: Output| {
        assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    ok(candor(&["new", "p.candor"], p));
    std::fs::write(p.join("doc.md"), REVIEWED).unwrap();
    ok(candor(&["doc", "put", "p.candor", "doc.md"], p));
    let doc = "risks-of-example-1";
    // Without an identity, review steps say how to set one.
    let out = candor_as(&["review", "approve", "p.candor", "--doc", doc], p, &author);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("candor review whoami --name"), "{}", stderr(&out));
    ok(candor_as(&["review", "whoami", "--name", "Sam Author", "--role", "Policy"], p, &author));
    assert_eq!(ok(candor_as(&["review", "whoami"], p, &author)).trim(), "Sam Author, Policy");

    for (reviewer, copy) in [("Ana Ruiz", "ana.candor"), ("Ben Okafor", "ben.candor")] {
        ok(candor_as(
            &["review", "send", "p.candor", "--doc", doc, "--reviewer", reviewer, "--out", copy],
            p,
            &author,
        ));
    }
    let ana = ["--as", "Ana Ruiz"];
    ok(candor(
        &[
            &[
                "review",
                "comment",
                "ana.candor",
                "--doc",
                doc,
                "--at",
                "tested by experts",
                "--text",
                "Which experts?",
            ][..],
            &ana[..],
        ]
        .concat(),
        p,
    ));
    ok(candor(
        &[
            &[
                "review",
                "comment",
                "ana.candor",
                "--doc",
                doc,
                "--at",
                "writes text",
                "--text",
                "Plainer.",
                "--suggest",
                "writes letters and summaries",
            ][..],
            &ana[..],
        ]
        .concat(),
        p,
    ));
    ok(candor(&[&["review", "approve", "ana.candor", "--doc", doc][..], &ana[..]].concat(), p));
    let ben = ["--as", "Ben Okafor"];
    ok(candor(
        &[
            &[
                "review",
                "comment",
                "ben.candor",
                "--doc",
                doc,
                "--at",
                "about 20 in 100",
                "--text",
                "Give the range.",
            ][..],
            &ben[..],
        ]
        .concat(),
        p,
    ));
    // Ambiguous words are refused with a way out.
    let out = candor(
        &[
            &["review", "comment", "ben.candor", "--doc", doc, "--at", "Example-1", "--text", "x"]
                [..],
            &ben[..],
        ]
        .concat(),
        p,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("occurs 2 times"), "{}", stderr(&out));

    // The author edits meanwhile, then merges both copies.
    let edited = REVIEWED
        .replace("# What it is\n", "# What it is\n\nA short summary first.\n")
        .replace("about 20 in 100", "about 18 in 100");
    std::fs::write(p.join("doc.md"), edited).unwrap();
    ok(candor(&["doc", "put", "p.candor", "doc.md", "--id", doc], p));
    let merged =
        ok(candor_as(&["review", "merge", "p.candor", "ana.candor", "ben.candor"], p, &author));
    assert!(merged.contains("ana.candor (Ana Ruiz): 2 comment(s) added, 0 already here; 1 approval(s) added, 1 for an earlier version"), "{merged}");
    assert!(merged.contains("ben.candor (Ben Okafor): 1 comment(s) added, 0 already here; 0 approval(s) added; 1 comment(s) on words no longer in the text"), "{merged}");
    let again =
        ok(candor_as(&["review", "merge", "p.candor", "ana.candor", "ben.candor"], p, &author));
    assert!(again.contains("0 comment(s) added, 2 already here"), "{again}");

    let status: serde_json::Value =
        serde_json::from_str(&ok(candor(&["review", "status", "p.candor", "--json"], p))).unwrap();
    let s = &status[0];
    assert_eq!(s["status"], "in-review");
    assert_eq!(s["comments"].as_array().unwrap().len(), 3, "nothing lost");
    let text = ok(candor(&["review", "status", "p.candor"], p));
    assert!(text.contains("on “about 20 in 100” (no longer in the text)"), "{text}");

    ok(candor(&["review", "sheet", "p.candor", "--doc", doc, "--out", "sheet.pdf"], p));
    assert!(std::fs::read(p.join("sheet.pdf")).unwrap().starts_with(b"%PDF-"));
    ok(candor_as(&["review", "accept", "p.candor", "--doc", doc, "--all"], p, &author));
    let latest = ok(candor(&["doc", "get", "p.candor", doc], p));
    assert!(latest.contains("Example-1 writes letters and summaries."), "{latest}");

    // Publishing: refused until approved, then a bundle with a manifest.
    let out = candor_as(&["publish", "p.candor", "--doc", doc, "--out", "bundle"], p, &author);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not approved"), "{}", stderr(&out));
    ok(candor(&[&["review", "approve", "p.candor", "--doc", doc][..], &ana[..]].concat(), p));
    ok(candor_as(&["publish", "p.candor", "--doc", doc, "--out", "bundle"], p, &author));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p.join("bundle/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["approvals"][0]["reviewer"], "Ana Ruiz");
    assert_eq!(manifest["files"].as_array().unwrap().len(), 3);
    let first = std::fs::read(p.join("bundle/manifest.json")).unwrap();
    ok(candor_as(&["publish", "p.candor", "--doc", doc, "--out", "bundle"], p, &author));
    assert_eq!(std::fs::read(p.join("bundle/manifest.json")).unwrap(), first);
}

#[test]
fn removals_are_logged_in_the_project_and_only_stated_in_exports() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let prefs = p.join("prefs");
    let ok = |out: Output| {
        assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    ok(candor(&["new", "p.candor"], p));
    let text = format!("{REVIEWED}\n# What we left out\n\n```candor-removals\n```\n");
    std::fs::write(p.join("doc.md"), text).unwrap();
    ok(candor(&["doc", "put", "p.candor", "doc.md"], p));
    let doc = "risks-of-example-1";
    let add = |what: &str, why: &str| {
        candor_as(
            &[
                "removals",
                "p.candor",
                "--doc",
                doc,
                "--add",
                "--what",
                what,
                "--why",
                why,
                "--reason",
                "SECRETREASON",
                "--as",
                "Sam Author",
            ],
            p,
            &prefs,
        )
    };
    let added = ok(add("SECRETWHAT the red-team prompts", "security"));
    assert!(added.contains("recorded removal") && added.contains("Sam Author"), "{added}");
    ok(add("SECRETWHAT training cost", "commercial"));
    let out = add("x", "because");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));

    let listed = ok(candor(&["removals", "p.candor", "--doc", doc, "--json"], p));
    let items: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["why"], "security");
    let first = items[0]["id"].as_str().unwrap().to_owned();
    let withdrawn = ok(candor(&["removals", "p.candor", "--withdraw", &first], p));
    assert!(withdrawn.contains("withdrew"), "{withdrawn}");
    let listed = ok(candor(&["removals", "p.candor", "--doc", doc], p));
    assert!(listed.contains("2 removals") && listed.contains("1 active"), "{listed}");
    assert!(listed.contains("what: SECRETWHAT training cost"), "{listed}");

    ok(candor(&["export", "p.candor", doc, "--html", "out.html"], p));
    let html = std::fs::read_to_string(p.join("out.html")).unwrap();
    assert!(!html.contains("SECRET"), "the log leaked into the export");
    assert!(html.contains("commercially sensitive information (1 item)"), "{html}");
}

#[test]
fn gaps_are_reported_as_text_json_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let ok = |args: &[&str]| {
        let out = candor(args, p);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    std::fs::write(
        p.join("card.md"),
        "# Card\n\n## Risks\n\nOur ransomware study found 12% of attempts succeeded.\n\n## Size\n\nIt has 7B parameters.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("doc.md"),
        "---\ntitle: Gaps\nlang: en\nsources:\n  - id: card\n    file: card.md\n---\n\nIt has 9B parameters ([card](source:card#sec-size-p1)).\n",
    )
    .unwrap();
    ok(&["new", "p.candor"]);
    ok(&["import", "p.candor", "card.md"]);
    let id = ok(&["doc", "put", "p.candor", "doc.md"]).trim().to_owned();

    let text = ok(&["gaps", "p.candor", "--doc", &id]);
    assert!(text.starts_with("Gap report: Gaps"), "{text}");
    assert!(text.contains("Cyber attacks (one of the four specified risks)"), "{text}");
    assert!(text.contains("discussed in Card: “Risks”"), "{text}");
    assert!(text.contains("9B parameters"), "{text}");

    let json = ok(&["gaps", "p.candor", "--doc", &id, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], "candor-gaps/1");
    assert_eq!(value["counts"]["figures"], 1);
    assert_eq!(value["figures"][0]["code"], "figure/contradicts");

    let out = candor(&["gaps", "p.candor", "--doc", &id, "--format", "pdf"], p);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--out"), "{}", stderr(&out));
    ok(&["gaps", "p.candor", "--doc", &id, "--format", "pdf", "--out", "gaps.pdf"]);
    assert!(std::fs::read(p.join("gaps.pdf")).unwrap().starts_with(b"%PDF-"));

    let out = candor(&["gaps", "p.candor", "--doc", "nope"], p);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("nope"), "{}", stderr(&out));
}
