use std::path::PathBuf;

use super::*;
use crate::{RemovalRequest, create_project, import_files, put_document, record_removal};

const CARD_V1: &str = "# Example-1 model card

## Model details

- **Developed by:** Example Labs
- **License:** Apache 2.0

Example-1 has 7B parameters and was trained on 2 trillion tokens.

## Risks

### Cyber security

Our ransomware uplift study found that 12% of attempts succeeded with the model.

### Bias

The model reproduces stereotypes about some groups.

## Safeguards

A classifier blocks harmful requests.
";

/// The new version: the cyber figure changed, the bias passage is gone.
const CARD_V2: &str = "# Example-1 model card

## Model details

- **Developed by:** Example Labs
- **License:** Apache 2.0

Example-1 has 7B parameters and was trained on 2 trillion tokens.

## Risks

### Cyber security

Our ransomware uplift study found that 15% of attempts succeeded with the model.

### Bias

## Safeguards

A classifier blocks harmful requests.
";

const DOC: &str = "---
title: Example-1 explained
lang: en
sources:
  - id: card
    file: card.md
  - id: missing
---

Example-1 has 7 billion parameters ([card](source:card#sec-model-details-p3)).

It was trained on 9 trillion tokens ([card](source:card#sec-model-details-p3)).

In tests, 12% of attacks succeeded ([card](source:card#sec-cyber-security-p1)).

Some answers repeat stereotypes ([card](source:card#sec-bias-p1)).

It was made by a team of 40 people in 2 trillion steps.

```risk
id: cyber
category: cyber-offence
title: Helping attackers
what_could_happen: Someone could use it to attack computers.
sources: [card#sec-cyber-security-p1]
```
";

struct Fixture {
    _dir: tempfile::TempDir,
    project: PathBuf,
    card: PathBuf,
    source: String,
    doc: String,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.candor");
    create_project(&project).unwrap();
    let card = dir.path().join("card.md");
    std::fs::write(&card, CARD_V1).unwrap();
    let imported =
        import_files(&project, std::slice::from_ref(&card), "2026-05-01T08:00:00Z", &mut ())
            .unwrap()
            .remove(0)
            .unwrap();
    let doc = put_document(&project, None, DOC, "", "2026-05-01T09:00:00Z").unwrap();
    Fixture {
        _dir: dir,
        project,
        card,
        source: imported.summary.id.clone(),
        doc: doc.as_str().to_owned(),
    }
}

#[test]
fn the_report_lists_every_kind_of_gap() {
    let f = fixture();
    let report = gap_report(&f.project, &f.doc, None).unwrap();
    assert_eq!(report.format, GAPS_FORMAT);
    assert_eq!(report.title, "Example-1 explained");

    // The three specified risks without a card, and bias, which the source discusses.
    let risks: Vec<(&str, bool)> =
        report.risks.iter().map(|r| (r.category.as_str(), r.specified)).collect();
    assert_eq!(
        risks,
        [
            ("cbrn", true),
            ("loss-of-control", true),
            ("harmful-manipulation", true),
            ("non-discrimination", false)
        ]
    );
    let bias = &report.risks[3];
    assert_eq!(bias.discussed_in, ["Example-1 model card: “Bias”"]);

    let [source] = report.sources.as_slice() else { panic!("{:?}", report.sources) };
    assert_eq!((source.source.as_str(), source.file.as_str()), ("card", "card.md"));
    let drawn: Vec<&str> =
        source.sections.iter().filter(|s| s.drawn_on).map(|s| s.id.as_str()).collect();
    assert_eq!(
        drawn,
        [
            "sec-example-1-model-card",
            "sec-model-details",
            "sec-risks",
            "sec-cyber-security",
            "sec-bias"
        ],
        "headings over cited subsections count as drawn on"
    );
    let gaps: Vec<&str> =
        source.sections.iter().filter(|s| s.is_gap()).map(|s| s.id.as_str()).collect();
    assert_eq!(gaps, ["sec-safeguards"], "the classifier section is about a safety measure");
    assert!(source.fields_left_out.iter().any(|f| f.label.to_lowercase().contains("licen")));

    let codes = |items: &[GapItem]| items.iter().map(|i| i.code.clone()).collect::<Vec<_>>();
    assert_eq!(codes(&report.figures), ["figure/contradicts"], "9, not 2 trillion tokens");
    assert_eq!(report.figures[0].quote, "9 trillion tokens");
    assert_eq!(report.figures[0].line, 12);
    assert_eq!(codes(&report.missing_sources), ["source/not-imported"]);
    assert!(report.stale.is_empty(), "one version only");
    assert_eq!(report.counts.specified_risks, 3);
    assert_eq!(report.counts.figures, 1);

    // `candor check` says the same, as notes on the source's front-matter entry.
    let checked =
        crate::check_project(&f.project, Some(&f.doc), &crate::CheckOptions::default()).unwrap();
    let diagnostics = &checked[0].report.diagnostics;
    let coverage: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.code.starts_with("coverage/"))
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(coverage, ["coverage/risk-sections-not-used", "coverage/fields-left-out"]);
    let sections = diagnostics.iter().find(|d| d.code == "coverage/risk-sections-not-used");
    assert!(sections.is_some_and(|d| d.message.contains("“Safeguards”")));
    assert!(diagnostics.iter().any(|d| d.code == "figure/contradicts"));
}

#[test]
fn stale_citations_carry_both_texts_until_confirmed() {
    let f = fixture();
    std::fs::write(&f.card, CARD_V2).unwrap();
    crate::update_source(&f.project, &f.source, &f.card, "2026-05-02T08:00:00Z").unwrap();
    let report = gap_report(&f.project, &f.doc, None).unwrap();
    let stale: Vec<(&str, &str)> = report
        .stale
        .iter()
        .map(|s| (s.citation.citation.as_str(), s.citation.change.as_str()))
        .collect();
    assert_eq!(
        stale,
        [
            ("card#sec-cyber-security-p1", "changed"),
            ("card#sec-bias-p1", "removed"),
            ("card#sec-cyber-security-p1", "changed"),
        ],
        "the sentence and the risk card both cite the changed passage"
    );
    let changed = &report.stale[0].citation;
    assert!(
        changed.old_text.contains("12%") && changed.new_text.as_deref().unwrap().contains("15%")
    );
    assert_eq!(report.stale[0].line, 14);
    assert_eq!(report.stale[1].citation.new_text, None);
    let text = report.to_text();
    assert!(text.contains("Before: Our ransomware uplift study found that 12%"), "{text}");
    assert!(text.contains("Now:    (removed)"), "{text}");

    let me = candor_store::Person { name: "Sam".into(), ..Default::default() };
    crate::confirm_citations(
        &f.project,
        &f.doc,
        None,
        Some("card#sec-cyber-security-p1"),
        &me,
        "2026-05-02T09:00:00Z",
    )
    .unwrap();
    let report = gap_report(&f.project, &f.doc, None).unwrap();
    let left: Vec<&str> = report.stale.iter().map(|s| s.citation.citation.as_str()).collect();
    assert_eq!(left, ["card#sec-bias-p1"]);

    // A citation only in the editor's text can be confirmed from that text.
    let without =
        DOC.replace("Some answers repeat stereotypes ([card](source:card#sec-bias-p1)).", "");
    put_document(&f.project, Some(&f.doc), &without, "", "2026-05-02T10:00:00Z").unwrap();
    let only = Some("card#sec-bias-p1");
    let now = "2026-05-02T11:00:00Z";
    assert!(crate::confirm_citations(&f.project, &f.doc, None, only, &me, now).is_err());
    assert_eq!(crate::confirm_citations(&f.project, &f.doc, Some(DOC), only, &me, now).unwrap(), 1);
    assert!(gap_report(&f.project, &f.doc, Some(DOC)).unwrap().stale.is_empty());
}

#[test]
fn what_the_removals_log_records_is_not_a_gap() {
    let f = fixture();
    let before = gap_report(&f.project, &f.doc, None).unwrap();
    let me =
        candor_store::Person { name: "Sam".into(), role: "Policy".into(), ..Default::default() };
    record_removal(
        &f.project,
        &RemovalRequest {
            document: &f.doc,
            what: "How the classifier works",
            why: "security",
            reason: "Attackers could use it to get around the classifier.",
            source: Some("card"),
            passage: Some("sec-safeguards-p1"),
        },
        &me,
        "2026-05-01T10:00:00Z",
    )
    .unwrap();
    let after = gap_report(&f.project, &f.doc, None).unwrap();
    assert_eq!(before.counts.risk_sections, 1);
    assert_eq!(after.counts.risk_sections, 0);
    let safeguards = after.sources[0].sections.iter().find(|s| s.id == "sec-safeguards").unwrap();
    assert!(safeguards.left_out_on_purpose && !safeguards.is_gap());
    assert!(after.to_text().contains("Left out on purpose (removals log): 1"));
}

#[test]
fn the_editor_text_is_reported_without_saving_it() {
    let f = fixture();
    let edited = DOC.replace("9 trillion tokens", "2 trillion tokens");
    let report = gap_report(&f.project, &f.doc, Some(&edited)).unwrap();
    assert!(report.figures.is_empty(), "{:?}", report.figures);
    let saved = gap_report(&f.project, &f.doc, None).unwrap();
    assert_eq!(saved.figures.len(), 1);
}

#[test]
fn the_pdf_is_tagged_deterministic_and_survives_markdown_in_quotes() {
    let f = fixture();
    let odd = DOC.replace(
        "It was made by",
        "A *starred* [link] `code` #tag | pipe $x$ @cite <b> {x} made by",
    );
    put_document(&f.project, Some(&f.doc), &odd, "", "2026-05-01T11:00:00Z").unwrap();
    let pdf = gap_report_file(&f.project, &f.doc, None, GapFormat::Pdf, "2026-05-03").unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(
        gap_report_file(&f.project, &f.doc, None, GapFormat::Pdf, "2026-05-03").unwrap(),
        pdf,
        "deterministic"
    );
    let markdown =
        gap_report(&f.project, &f.doc, None).unwrap().to_markdown("p.candor", "2026-05-03");
    let parsed = candor_import::parse_companion(&markdown);
    let errors: Vec<_> =
        parsed.diagnostics.iter().filter(|d| d.severity == candor_model::Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:?}\n{markdown}");
    let out = f.project.with_file_name("gaps.pdf");
    save_gap_report(&f.project, &f.doc, None, GapFormat::Pdf, &out, "2026-05-03").unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), pdf);
}

#[test]
fn ids_are_code_spans_without_escapes() {
    assert_eq!(code("card#sec-1-p2"), "`card#sec-1-p2`");
    let f = fixture();
    std::fs::write(&f.card, CARD_V2).unwrap();
    crate::update_source(&f.project, &f.source, &f.card, "2026-05-02T08:00:00Z").unwrap();
    let markdown = gap_report(&f.project, &f.doc, None).unwrap().to_markdown("p", "2026-05-03");
    assert!(markdown.contains("- Line 14, `card#sec-cyber-security-p1`:"), "{markdown}");
}

#[test]
fn markdown_syntax_is_escaped() {
    assert_eq!(escape("a *b* [c](d) `e` #f\ng"), "a \\*b\\* \\[c\\](d) \\`e\\` \\#f g");
}
