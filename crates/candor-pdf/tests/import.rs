//! The importer on a generated fixture (exact assertions) and on the corpus PDFs.

#[path = "support/recovery.rs"]
mod recovery;

use std::path::{Path, PathBuf};

use candor_model::{PassageKind, SourceContent};
use candor_pdf::PdfError;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn structure() -> SourceContent {
    let warned = candor_pdf::import(&fixture("structure.pdf")).expect("structure.pdf imports");
    assert!(warned.diagnostics.is_empty(), "{:?}", warned.diagnostics);
    warned.value
}

#[test]
fn metadata_comes_from_the_info_dictionary() {
    let content = structure();
    assert_eq!(content.metadata.title.as_deref(), Some("A Small Test Report"));
    assert_eq!(content.metadata.provider.as_deref(), Some("Candor Test Lab"));
    assert_eq!(content.metadata.date.as_deref(), Some("2024-05-17"));
    assert_eq!(content.pages, Some(3));
}

#[test]
fn headings_have_numbers_levels_and_pages() {
    let content = structure();
    let outline: Vec<(u8, Option<&str>, &str, Option<u32>)> = content
        .sections
        .iter()
        .map(|s| (s.level, s.number.as_deref(), s.title.as_str(), s.page))
        .collect();
    assert_eq!(
        outline,
        [
            (1, Some("1"), "Introduction", Some(1)),
            (2, Some("1.1"), "Background", Some(1)),
            (1, Some("2"), "Method", Some(2)),
            (2, Some("2.1"), "Measures", Some(2)),
            (1, Some("3"), "Results", Some(3)),
        ]
    );
    assert_eq!(content.sections[1].parent, Some(0));
    assert_eq!(content.sections[1].id, "sec-1-1");
}

#[test]
fn paragraphs_join_lines_and_hyphenated_words() {
    let content = structure();
    let intro = &content.passages[0];
    assert_eq!(intro.id, "sec-1-p1");
    assert_eq!(intro.page, Some(1));
    assert_eq!(
        intro.text,
        "This report tests the PDF importer. Its evaluation covers headings, pages and lists. \
         The team did red-teaming last year; this line makes the word known with its hyphen. \
         Then the red-teaming results were read again."
    );
}

#[test]
fn list_items_are_detected_and_wrapped_items_joined() {
    let content = structure();
    let items: Vec<&str> = content
        .passages
        .iter()
        .filter(|p| p.kind == PassageKind::ListItem)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "First item of the list.",
            "Second item, which is long enough to wrap onto a second line in this narrow page so the join is tested.",
        ]
    );
}

#[test]
fn running_headers_footers_and_page_numbers_are_removed() {
    let content = structure();
    for p in &content.passages {
        assert!(!p.text.contains("Candor test document"), "{p:?}");
        assert!(!p.text.contains("Draft"), "{p:?}");
        assert!(p.text.parse::<u32>().is_err(), "bare page number kept: {p:?}");
        assert!(p.page.is_some());
    }
}

#[test]
fn two_columns_read_left_column_first() {
    let content = structure();
    let results: Vec<&str> =
        content.passages.iter().filter(|p| p.section == Some(4)).map(|p| p.text.as_str()).collect();
    assert_eq!(
        results,
        [
            "Left column first paragraph, which should be read before anything in the right column.",
            "Left column second paragraph ends the left column.",
            "Right column paragraph comes after the whole left column.",
        ]
    );
    assert!(content.passages.iter().filter(|p| p.section == Some(4)).all(|p| p.page == Some(3)));
}

#[test]
fn importing_twice_gives_the_same_ids() {
    assert_eq!(structure(), structure());
}

#[test]
fn a_password_protected_pdf_is_encrypted() {
    assert!(matches!(candor_pdf::import(&fixture("encrypted.pdf")), Err(PdfError::Encrypted)));
}

#[test]
fn a_pdf_encrypted_without_a_user_password_imports() {
    let content = candor_pdf::import(&fixture("owner-only.pdf")).expect("imports").value;
    assert_eq!(content.sections.len(), 5);
    assert_eq!(content.passages[0].text, structure().passages[0].text);
}

// --- the corpus -------------------------------------------------------------------------

const CORPUS: [(&str, u32); 3] = [
    ("fmti-indicators.pdf", 26),
    ("llama-2-responsible-use-guide.pdf", 24),
    ("owasp-llm-ai-security-governance-checklist-v1.1.pdf", 32),
];

/// The shared corpus, or None (with a notice) when it is absent; absent under CI fails.
fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but the corpus is missing: {}",
        dir.display()
    );
    println!("NOTICE: {} is absent; corpus tests skipped", dir.display());
    None
}

#[test]
fn corpus_pdfs_import_with_pages_on_everything() {
    let Some(dir) = corpus() else { return };
    for (name, pages) in CORPUS {
        let bytes = std::fs::read(dir.join(name)).expect("corpus file");
        let content = candor_pdf::import(&bytes).unwrap_or_else(|e| panic!("{name}: {e}")).value;
        assert_eq!(content.pages, Some(pages), "{name}");
        assert!(content.sections.len() >= 15, "{name}: {} sections", content.sections.len());
        assert!(content.passages.len() >= 100, "{name}: {} passages", content.passages.len());
        assert!(content.metadata.date.is_some(), "{name}");
        for s in &content.sections {
            assert!(s.page.is_some_and(|p| (1..=pages).contains(&p)), "{name}: {s:?}");
        }
        for p in &content.passages {
            assert!(p.page.is_some_and(|n| (1..=pages).contains(&n)), "{name}: {p:?}");
        }
    }
}

/// The first sections of the OWASP checklist, as a reader sees them in the PDF.
#[test]
fn owasp_outline_snapshot() {
    let Some(dir) = corpus() else { return };
    let bytes = std::fs::read(dir.join("owasp-llm-ai-security-governance-checklist-v1.1.pdf"))
        .expect("corpus file");
    let content = candor_pdf::import(&bytes).expect("imports").value;
    assert_eq!(
        content.metadata.title.as_deref(),
        Some("LLM AI Cybersecurity & Governance Checklist")
    );
    let outline: Vec<String> = content
        .sections
        .iter()
        .take(12)
        .map(|s| {
            format!(
                "{}{} [p{}]",
                "  ".repeat(usize::from(s.level - 1)),
                s.title,
                s.page.unwrap_or(0)
            )
        })
        .collect();
    let expected = [
        "    Revision History [p2]",
        "Overview [p5]",
        "  Responsible and Trustworthy Artificial Intelligence [p6]",
        "  Who is This For? [p7]",
        "  Why a Checklist? [p7]",
        "  Not Comprehensive [p7]",
        "  Large Language Model Challenges [p7]",
        "  LLM Threat Categories [p8]",
        "  Artificial Intelligence Security and Privacy Training [p9]",
        "  Incorporate LLM Security and governance with Existing, Established Practices and Controls [p9]",
        "  Fundamental Security Principles [p9]",
        "  Risk [p10]",
    ];
    assert_eq!(outline, expected);
}

/// Word recovery against pdftotext: at least 95 % of its words on every corpus PDF, both
/// in the raw reading-order text and in the imported passages and headings.
#[test]
fn corpus_word_recovery_is_at_least_95_percent() {
    let Some(dir) = corpus() else { return };
    for (name, _) in CORPUS {
        let path = dir.join(name);
        let Some(reference) = recovery::pdftotext(&path) else {
            assert!(std::env::var_os("CI").is_none(), "CI is set but pdftotext cannot be run");
            println!("NOTICE: pdftotext is not installed; word recovery not measured");
            return;
        };
        let bytes = std::fs::read(&path).expect("corpus file");
        let text = candor_pdf::extract_text(&bytes).expect("extracts");
        let raw = recovery::recovery(&reference, &text);
        let content = candor_pdf::import(&bytes).expect("imports").value;
        let mut imported: Vec<&str> = content.sections.iter().map(|s| s.title.as_str()).collect();
        imported.extend(content.sections.iter().filter_map(|s| s.number.as_deref()));
        imported.extend(content.passages.iter().map(|p| p.text.as_str()));
        imported.extend(content.metadata.title.as_deref());
        let structured = recovery::recovery(&reference, &imported.join("\n"));
        println!(
            "{name}: raw text {:.1} %, imported content {:.1} %",
            raw * 100.0,
            structured * 100.0
        );
        assert!(raw >= 0.95, "{name}: raw text recovers {:.1} % of pdftotext's words", raw * 100.0);
        assert!(
            structured >= 0.95,
            "{name}: content recovers {:.1} % of pdftotext's words",
            structured * 100.0
        );
    }
}
