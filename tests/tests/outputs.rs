//! Exported files checked by independent tools: poppler (tagged, title, language, text),
//! the PyPI `pdfua` checker for PDF/UA-1, axe-core in headless Chromium for the HTML and the
//! embeddable risk cards, and the PyPI `jsonschema` validator for the risk JSON.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use candor_core::{ExportRequest, PdfStandard, export_document, load_document};
use candor_tests::{checkers_dir, fixture_documents, has_program, python, require_tool, run};

struct Exported {
    _dir: tempfile::TempDir,
    pdf: PathBuf,
    ua: PathBuf,
    html: PathBuf,
    risk_json: PathBuf,
    risk_html: PathBuf,
    /// Whether the document has risk cards.
    has_risks: bool,
    title: String,
    lang: String,
}

/// Exports every fixture without errors to a tagged PDF, a PDF/UA-1 file and HTML.
fn export_clean_fixtures() -> Vec<Exported> {
    let mut all = Vec::new();
    for path in fixture_documents("documents") {
        let loaded = load_document(&path).unwrap();
        if loaded.document.has_errors() {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let pdf = dir.path().join(format!("{stem}.pdf"));
        let ua = dir.path().join(format!("{stem}-ua.pdf"));
        let html = dir.path().join(format!("{stem}.html"));
        let risk_json = dir.path().join(format!("{stem}-risks.json"));
        let risk_html = dir.path().join(format!("{stem}-risks.html"));
        let tagged = ExportRequest {
            document: path.clone().into(),
            pdf: Some(pdf.clone()),
            html: Some(html.clone()),
            risk_json: Some(risk_json.clone()),
            risk_html: Some(risk_html.clone()),
            ..Default::default()
        };
        let report = export_document(&tagged, &mut ()).unwrap();
        assert!(!report.has_errors(), "{}: {:?}", path.display(), report.diagnostics);
        let strict = ExportRequest {
            document: path.clone().into(),
            pdf: Some(ua.clone()),
            pdf_standard: PdfStandard::Ua1,
            ..Default::default()
        };
        let report = export_document(&strict, &mut ()).unwrap();
        assert!(!report.has_errors(), "{}: {:?}", path.display(), report.diagnostics);
        let meta = &loaded.document.value.meta;
        all.push(Exported {
            _dir: dir,
            pdf,
            ua,
            html,
            risk_json,
            risk_html,
            has_risks: !candor_render::collect_risks(&loaded.document.value).is_empty(),
            title: meta.title.clone(),
            lang: meta.lang.to_string(),
        });
    }
    assert!(all.len() >= 5, "too few clean fixtures");
    all
}

fn args<'a>(items: &'a [&'a OsStr]) -> &'a [&'a OsStr] {
    items
}

#[test]
fn pdfs_are_tagged_with_title_language_and_text() {
    if !require_tool("poppler-utils (pdfinfo)", has_program("pdfinfo")) {
        return;
    }
    let checker = checkers_dir().join("pdf_check.py");
    for e in export_clean_fixtures() {
        for pdf in [&e.pdf, &e.ua] {
            let result = run(
                &python(),
                args(&[
                    checker.as_os_str(),
                    pdf.as_os_str(),
                    OsStr::new("--title"),
                    OsStr::new(&e.title),
                    OsStr::new("--lang"),
                    OsStr::new(&e.lang),
                ]),
            );
            assert!(result.success, "{}:\n{}", pdf.display(), result.output);
        }
    }
}

#[test]
fn pdf_ua_exports_pass_the_independent_checker() {
    if !require_tool("the pdfua checker (.venv)", python().exists()) {
        return;
    }
    let checker = checkers_dir().join("pdfua_check.py");
    let exported = export_clean_fixtures();
    let mut argv: Vec<&OsStr> = vec![checker.as_os_str()];
    argv.extend(exported.iter().map(|e| e.ua.as_os_str()));
    let result = run(&python(), &argv);
    assert!(result.success, "PDF/UA-1 findings:\n{}", result.output);
}

#[test]
fn html_exports_have_no_axe_violations() {
    let node_modules = checkers_dir().join("node_modules");
    if !require_tool(
        "axe-core and Chromium",
        node_modules.exists() && Path::new("/usr/bin/chromium").exists(),
    ) {
        return;
    }
    let checker = checkers_dir().join("axe_check.mjs");
    let exported = export_clean_fixtures();
    let mut argv: Vec<&OsStr> = vec![checker.as_os_str()];
    argv.extend(exported.iter().map(|e| e.html.as_os_str()));
    let result = run(Path::new("node"), &argv);
    assert!(result.success, "axe-core violations:\n{}", result.output);
}

#[test]
fn risk_json_exports_match_the_committed_schema() {
    if !require_tool("the jsonschema checker (.venv)", python().exists()) {
        return;
    }
    let checker = checkers_dir().join("schema_check.py");
    let schema = candor_tests::repo_root().join("schemas/risk-cards.schema.json");
    let exported = export_clean_fixtures();
    assert!(exported.iter().filter(|e| e.has_risks).count() >= 2, "too few fixtures with risks");
    let mut argv: Vec<&OsStr> = vec![checker.as_os_str(), schema.as_os_str()];
    argv.extend(exported.iter().map(|e| e.risk_json.as_os_str()));
    let result = run(&python(), &argv);
    assert!(result.success, "risk JSON does not match the schema:\n{}", result.output);
}

/// The fragment is meant for someone else's page: it is checked inside a plain host page
/// with its own `h1` and `main`, in the light and the dark colour scheme.
#[test]
fn embeddable_risk_cards_have_no_axe_violations() {
    let node_modules = checkers_dir().join("node_modules");
    if !require_tool(
        "axe-core and Chromium",
        node_modules.exists() && Path::new("/usr/bin/chromium").exists(),
    ) {
        return;
    }
    let exported = export_clean_fixtures();
    let hosts = tempfile::tempdir().unwrap();
    let mut pages = Vec::new();
    for e in exported.iter().filter(|e| e.has_risks) {
        let fragment = std::fs::read_to_string(&e.risk_html).unwrap();
        assert!(fragment.starts_with("<section class=\"candor-risks\""), "{fragment}");
        let page = hosts.path().join(e.risk_html.file_name().unwrap());
        std::fs::write(
            &page,
            format!(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>A provider's product page</title>\n</head>\n<body>\n<main>\n<h1>Our model</h1>\n{fragment}</main>\n</body>\n</html>\n"
            ),
        )
        .unwrap();
        pages.push(page);
    }
    let checker = checkers_dir().join("axe_check.mjs");
    let mut argv: Vec<&OsStr> = vec![checker.as_os_str()];
    argv.extend(pages.iter().map(|p| p.as_os_str()));
    let result = run(Path::new("node"), &argv);
    assert!(result.success, "axe-core violations in the risk fragments:\n{}", result.output);
}

#[test]
fn exports_are_byte_identical_across_runs() {
    let first = export_clean_fixtures();
    let second = export_clean_fixtures();
    for (a, b) in first.iter().zip(&second) {
        for (x, y) in [
            (&a.pdf, &b.pdf),
            (&a.ua, &b.ua),
            (&a.html, &b.html),
            (&a.risk_json, &b.risk_json),
            (&a.risk_html, &b.risk_html),
        ] {
            assert_eq!(
                std::fs::read(x).unwrap(),
                std::fs::read(y).unwrap(),
                "{} differs",
                x.display()
            );
        }
    }
}

#[test]
fn ua1_refuses_an_image_without_alt_text_naming_it() {
    let path = candor_tests::fixture("pdf-ua/missing-alt.md");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let request = ExportRequest {
        document: path.clone().into(),
        pdf: Some(out.clone()),
        pdf_standard: PdfStandard::Ua1,
        ..Default::default()
    };
    let report = export_document(&request, &mut ()).unwrap();
    let problem =
        report.diagnostics.iter().find(|d| d.code == "pdf-ua/missing-alt").expect("no diagnostic");
    assert!(problem.message.contains("bars.png"), "{}", problem.message);
    let at = candor_core::LineIndex::new(&report.text).line_col(problem.span.start);
    assert_eq!(at.line, 10);
    assert!(!out.exists(), "a PDF was written despite errors");

    // Without PDF/UA-1 the same document exports, with a warning.
    let tagged = ExportRequest { pdf_standard: PdfStandard::Tagged, ..request };
    let report = export_document(&tagged, &mut ()).unwrap();
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    assert!(out.exists());
}

/// The example project with a branding (logo with metadata, a colour too light to publish),
/// exported to PDF/UA-1 and HTML: both still pass the independent checkers, and the light
/// colour is replaced by an accessible one.
#[test]
fn branded_exports_pass_pdf_ua_and_axe() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("branded.candor");
    candor_core::create_example_project(&project, "2026-03-01T09:00:00Z").unwrap();
    let change = candor_core::BrandingChange {
        organisation: Some("Acme Health & Care".into()),
        primary: Some("#7a1f5c".into()),
        accent: Some("#7fb3ff".into()),
        font: Some("inter".into()),
        logo: Some(candor_tests::fixture("branding/logo.png")),
        remove_logo: false,
    };
    let branding = candor_core::set_branding(&project, &change).unwrap();
    assert_eq!(branding.diagnostics.len(), 1, "{:?}", branding.diagnostics);
    let used = branding.accent_used.clone().unwrap();
    assert_ne!(used, "#7fb3ff");
    let ua = dir.path().join("branded-ua.pdf");
    let html = dir.path().join("branded.html");
    let request = ExportRequest {
        document: candor_core::DocumentSource::Project {
            project: project.clone(),
            id: "aurora-2-what-you-should-know".into(),
        },
        pdf: Some(ua.clone()),
        html: Some(html.clone()),
        pdf_standard: PdfStandard::Ua1,
        ..Default::default()
    };
    let report = export_document(&request, &mut ()).unwrap();
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    assert!(report.diagnostics.iter().any(|d| d.code == "brand/low-contrast"));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains(&format!("--link: {used};")) && !page.contains("#7fb3ff"));
    assert!(page.contains("alt=\"Acme Health &amp; Care\""));
    assert!(!page.contains("secret-metadata"));

    if require_tool("the pdfua checker (.venv)", python().exists()) {
        let checker = checkers_dir().join("pdfua_check.py");
        let result = run(&python(), args(&[checker.as_os_str(), ua.as_os_str()]));
        assert!(result.success, "PDF/UA-1 findings:\n{}", result.output);
    }
    let node_modules = checkers_dir().join("node_modules");
    if require_tool(
        "axe-core and Chromium",
        node_modules.exists() && Path::new("/usr/bin/chromium").exists(),
    ) {
        let checker = checkers_dir().join("axe_check.mjs");
        let result = run(Path::new("node"), args(&[checker.as_os_str(), html.as_os_str()]));
        assert!(result.success, "axe-core violations:\n{}", result.output);
    }
}

/// A fixture document published from a project after approval: the bundle's PDF has a
/// structure tree with headings and the document's language (`pdfinfo -struct`), passes the
/// PyPI `pdfua` checker and the built-in checks, and its HTML — with a part marked
/// `<div lang="fr">` — passes axe-core.
#[test]
fn a_published_bundle_passes_the_accessibility_checkers() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("a11y.candor");
    candor_core::create_project(&project).unwrap();
    let text =
        std::fs::read_to_string(candor_tests::fixture("accessibility/published.md")).unwrap();
    let now = "2026-04-20T09:00:00Z";
    let id = candor_core::put_document(&project, None, &text, "first", now).unwrap();
    let id = id.as_str().to_owned();
    let reviewer = candor_core::Person {
        name: "Ana Ruiz".into(),
        role: "Legal".into(),
        email: "ana@example.org".into(),
    };
    candor_core::approve(&project, &id, &reviewer, now).unwrap();
    let out = dir.path().join("bundle");
    let request = candor_core::PublishRequest {
        project: project.clone(),
        document: id.clone(),
        out: out.clone(),
        force: None,
    };
    let published = candor_core::publish(&request, &reviewer, now).unwrap();
    assert!(
        published.refused.is_empty(),
        "{:?} {:?}",
        published.refused,
        published.report.diagnostics
    );
    assert!(
        !published.report.diagnostics.iter().any(|d| d.code.starts_with("a11y/")),
        "{:?}",
        published.report.diagnostics
    );
    let pdf = out.join(format!("{id}.pdf"));
    let html = out.join(format!("{id}.html"));
    let bytes = std::fs::read(&pdf).unwrap();
    let found = candor_core::check_pdf_accessibility(&bytes);
    assert!(found.is_empty(), "built-in checks: {found:?}");
    assert!(std::fs::read_to_string(&html).unwrap().contains("<div lang=\"fr\">"));

    if require_tool("poppler-utils (pdfinfo)", has_program("pdfinfo")) {
        let result = run(Path::new("pdfinfo"), args(&[OsStr::new("-struct"), pdf.as_os_str()]));
        assert!(result.success, "{}", result.output);
        let tree = result.output;
        for element in ["Document", "H1", "H2", "H3", "Table", "TH", "Link"] {
            assert!(
                tree.lines().any(|l| l.trim_start().starts_with(element)),
                "no {element} in the structure tree:\n{tree}"
            );
        }
        let info = run(Path::new("pdfinfo"), args(&[pdf.as_os_str()]));
        assert!(info.output.contains("Tagged:          yes"), "{}", info.output);
        // pdfinfo prints no catalog /Lang; the XMP it prints carries the document's language.
        let meta = run(Path::new("pdfinfo"), args(&[OsStr::new("-meta"), pdf.as_os_str()]));
        assert!(
            meta.output.contains("<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li>"),
            "{}",
            meta.output
        );
        assert!(meta.output.contains("<pdfuaid:part>1</pdfuaid:part>"), "{}", meta.output);
    }
    if require_tool("the pdfua checker (.venv)", python().exists()) {
        let checker = checkers_dir().join("pdfua_check.py");
        let result = run(&python(), args(&[checker.as_os_str(), pdf.as_os_str()]));
        assert!(result.success, "PDF/UA-1 findings:\n{}", result.output);
        let checker = checkers_dir().join("pdf_check.py");
        let result = run(
            &python(),
            args(&[
                checker.as_os_str(),
                pdf.as_os_str(),
                OsStr::new("--lang"),
                OsStr::new("en-GB"),
            ]),
        );
        assert!(result.success, "{}", result.output);
    }
    let node_modules = checkers_dir().join("node_modules");
    if require_tool(
        "axe-core and Chromium",
        node_modules.exists() && Path::new("/usr/bin/chromium").exists(),
    ) {
        let checker = checkers_dir().join("axe_check.mjs");
        let result = run(Path::new("node"), args(&[checker.as_os_str(), html.as_os_str()]));
        assert!(result.success, "axe-core violations:\n{}", result.output);
    }
}
