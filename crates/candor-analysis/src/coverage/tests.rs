use candor_model::{SourceFormat, Taxonomy};

use super::*;

const CARD: &str = "# Example-1 model card

## Model details

- **Developed by:** Example Labs
- **License:** Apache 2.0

Example-1 has 7B parameters.

## Training data

The model was trained on 2 trillion tokens of public web text.

## Risks

### Cyber security

Our ransomware uplift study found no meaningful uplift for attackers.

### Bias

The model reproduces stereotypes about some groups.

### Safeguards

We trained a classifier that blocks harmful requests.

```
ransomware --example
```

## Changelog

Version 2: added the ransomware uplift study.

## Benchmarks

| Benchmark | Score |
|---|---|
| MMLU | 66.7 |
";

fn card() -> SourceContent {
    candor_import::import_source(SourceFormat::Markdown, CARD.as_bytes())
        .map(|w| w.value)
        .unwrap_or_default()
}

fn coverage(body: &str) -> SourceCoverage {
    let md = format!("---\ntitle: T\nlang: en\nsources:\n  - id: card\n---\n\n{body}");
    let doc = candor_import::parse_companion(&md).value;
    source_coverage(&doc, "card", &card(), &[])
}

fn drawn_on(c: &SourceCoverage) -> Vec<&str> {
    c.sections.iter().filter(|s| s.drawn_on).map(|s| s.id.as_str()).collect()
}

#[test]
fn the_fixture_has_the_expected_sections() {
    let ids: Vec<_> = card().sections.iter().map(|s| s.id.clone()).collect();
    assert_eq!(
        ids,
        [
            "sec-example-1-model-card",
            "sec-model-details",
            "sec-training-data",
            "sec-risks",
            "sec-cyber-security",
            "sec-bias",
            "sec-safeguards",
            "sec-changelog",
            "sec-benchmarks"
        ]
    );
}

#[test]
fn sections_are_drawn_on_through_passages_tables_and_sections() {
    // The title heading holds no passage of its own: citing anything under it draws on it.
    let c = coverage("It has 7B parameters ([card](source:card#sec-model-details-p3)).\n");
    assert_eq!(drawn_on(&c), ["sec-example-1-model-card", "sec-model-details"]);
    let details = &c.sections[1];
    assert_eq!((details.passages, details.cited_passages), (3, 1));

    // "Risks" is only a heading over its subsections: citing one of them draws on it too.
    let c = coverage("Stereotypes ([card](source:card#sec-bias-p1)).\n");
    assert_eq!(drawn_on(&c), ["sec-example-1-model-card", "sec-risks", "sec-bias"]);

    // A section link draws on the section and its subsections.
    let c = coverage("See the risks ([card](source:card#sec-risks)).\n");
    assert_eq!(
        drawn_on(&c),
        [
            "sec-example-1-model-card",
            "sec-risks",
            "sec-cyber-security",
            "sec-bias",
            "sec-safeguards"
        ]
    );

    // A table id draws on the section holding the table.
    let table = card().tables[0].id.clone();
    let c = coverage(&format!("It scored 66.7 ([card](source:card#{table})).\n"));
    assert_eq!(drawn_on(&c), ["sec-example-1-model-card", "sec-benchmarks"]);

    // A whole-source link draws on no section; other sources' links count for nothing.
    let c = coverage("See [the card](source:card) and [this](source:other#sec-risks).\n");
    assert!(drawn_on(&c).is_empty());
    assert!(c.cited_whole);
}

#[test]
fn risk_cards_and_footnotes_draw_on_what_they_cite() {
    let c = coverage(
        "It was tested.[^1]\n\n[^1]: See [the study](source:card#sec-cyber-security-p1).\n\n```risk\nid: bias\ncategory: non-discrimination\ntitle: Unfair pictures of people\nsources: [card#sec-bias-p1]\n```\n",
    );
    assert_eq!(
        drawn_on(&c),
        ["sec-example-1-model-card", "sec-risks", "sec-cyber-security", "sec-bias"]
    );
}

#[test]
fn sections_about_risks_and_mitigations_are_marked() {
    let c = coverage("Nothing cited.\n");
    let about: Vec<(&str, Vec<&str>, Vec<&str>)> = c
        .sections
        .iter()
        .filter(|s| s.about_risks())
        .map(|s| {
            (
                s.id.as_str(),
                s.risks.iter().map(String::as_str).collect(),
                s.mitigations.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        about,
        [
            ("sec-cyber-security", vec!["cyber-offence"], vec!["quantitative-guarantees"]),
            ("sec-bias", vec!["non-discrimination"], vec![]),
            ("sec-safeguards", vec![], vec!["input-output-filtering"]),
        ],
        "code blocks do not count: the safeguards' `ransomware` example is not a cyber risk"
    );
    assert_eq!(c.risks_discussed, ["cyber-offence", "non-discrimination"]);
    assert_eq!(c.risk_sections_not_drawn_on().count(), 3);

    let c = coverage("The model can be biased ([card](source:card#sec-bias-p1)).\n");
    let left: Vec<_> = c.risk_sections_not_drawn_on().map(|s| s.id.as_str()).collect();
    assert_eq!(left, ["sec-cyber-security", "sec-safeguards"]);
}

#[test]
fn a_project_taxonomy_adds_terms() {
    let project = Taxonomy::parse("[category cbrn]\nterms: stereotypes\nen: Weapons\n").unwrap();
    let md = "---\ntitle: T\nlang: en\n---\n\nText.\n";
    let mut doc = candor_import::parse_companion(md).value;
    doc.taxonomy = Some(std::sync::Arc::new(Taxonomy::builtin().merged(&project)));
    let c = source_coverage(&doc, "card", &card(), &[]);
    let bias = c.sections.iter().find(|s| s.id == "sec-bias").unwrap();
    assert_eq!(bias.risks, ["cbrn", "non-discrimination"]);
}

#[test]
fn disclosed_fields_the_document_does_not_cite_are_left_out() {
    let fields = |c: &SourceCoverage| -> Vec<&str> {
        c.fields_left_out.iter().map(|f| f.field).collect::<Vec<_>>()
    };
    let none = coverage("Nothing cited.\n");
    let all = fields(&none);
    assert!(all.contains(&"eu-mdf-2-parameters"), "{all:?}");
    assert!(all.contains(&"hf-model-details-developed-by"), "{all:?}");
    let parameters = none.fields_left_out.iter().find(|f| f.field == "eu-mdf-2-parameters");
    assert_eq!(parameters.and_then(|f| f.passage.as_deref()), Some("sec-model-details-p3"));

    // Citing the passage that discloses a field covers it; nothing else changes.
    let c = coverage(
        "Example Labs made it ([card](source:card#sec-model-details-p1)). It has 7 billion parameters ([card](source:card#sec-model-details-p3)).\n",
    );
    let left = fields(&c);
    assert!(
        !left.contains(&"eu-mdf-2-parameters") && !left.contains(&"hf-model-details-developed-by")
    );
    let now_covered: Vec<_> = all.iter().filter(|f| !left.contains(f)).copied().collect();
    assert_eq!(
        now_covered,
        [
            "eu-mdf-1-provider-name",
            "eu-mdf-2-parameters",
            // Found by its heading, "Model details": any cited passage of the section counts.
            "hf-model-details-description",
            "hf-model-details-developed-by"
        ]
    );
    assert!(left.iter().all(|f| all.contains(f)), "citing never adds a gap");

    // A field found by its heading is covered by any passage of that section.
    let c = coverage("It learnt from web text ([card](source:card#sec-training-data-p1)).\n");
    assert!(!fields(&c).contains(&"hf-training-details-data"), "{:?}", fields(&c));
}

#[test]
fn values_are_found_in_the_text_without_short_ones() {
    assert!(mentions_value("it is under the apache-2.0 licence", "license: apache-2.0"));
    assert!(!mentions_value("it is under an mit licence", "license: mit licence x"));
    assert!(!mentions_value("en", "language: en"), "too short to mean anything");
}

#[test]
fn what_the_removals_log_records_is_left_out_on_purpose() {
    let md = "---\ntitle: T\nlang: en\n---\n\nText.\n";
    let doc = candor_import::parse_companion(md).value;
    let c = source_coverage(&doc, "card", &card(), &["sec-cyber-security-p1", "sec-model-details"]);
    let left: Vec<_> = c.risk_sections_not_drawn_on().map(|s| s.id.as_str()).collect();
    assert_eq!(left, ["sec-bias", "sec-safeguards"]);
    let parameters = c.fields_left_out.iter().find(|f| f.field == "eu-mdf-2-parameters").unwrap();
    assert!(parameters.left_out_on_purpose, "its section is recorded");
    assert!(c.gaps_in_fields().all(|f| f.section.as_deref() != Some("sec-model-details")));
    assert!(c.gaps_in_fields().count() < c.fields_left_out.len());
}

#[test]
fn a_bill_of_materials_block_uses_every_item_of_the_bom() {
    let bom = r#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
"metadata": {"component": {"type": "machine-learning-model", "bom-ref": "m", "name": "example-1", "supplier": {"name": "Example Labs"}}},
"components": [{"type": "data", "bom-ref": "d", "name": "web-crawl"}]}"#;
    let content =
        candor_import::import_source(SourceFormat::CycloneDx, bom.as_bytes()).unwrap().value;
    let read = |body: &str| {
        let md = format!("---\ntitle: T\nlang: en\nsources:\n  - id: bom\n---\n\n{body}");
        let doc = candor_import::parse_companion(&md).value;
        source_coverage(&doc, "bom", &content, &[])
    };
    let without = read("Text.\n");
    assert!(!without.fields_left_out.is_empty());
    let with = read("```candor-bom\nsource: bom\n```\n");
    assert!(with.fields_left_out.is_empty(), "{:?}", with.fields_left_out);
    let other = read("```candor-bom\nsource: other\n```\n");
    assert_eq!(other.fields_left_out, without.fields_left_out);
}
