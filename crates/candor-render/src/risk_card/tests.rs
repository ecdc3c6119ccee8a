use std::sync::Arc;

use candor_model::{SourceLink, Taxonomy};

use super::*;

fn doc(lang: &str, cards: &str) -> Document {
    let text = format!("---\ntitle: T\nlang: {lang}\nmodel: M\n---\n\n# Risks\n\n{cards}");
    let parsed = candor_import::parse_companion(&text);
    assert!(
        parsed.diagnostics.iter().all(|d| d.severity != candor_model::Severity::Error),
        "{:?}",
        parsed.diagnostics
    );
    parsed.value
}

fn card(id: &str, category: &str, body: &str) -> String {
    format!("```risk\nid: {id}\ncategory: {category}\ntitle: Risk {id}\n{body}```\n\n")
}

#[test]
fn the_three_kinds_of_likelihood_are_worded_plainly() {
    let d = doc(
        "en",
        &[
            card(
                "a",
                "cyber-offence",
                "likelihood:\n  estimate: 0.2\n  range: [0.1, 0.3]\n  per: attempt\n",
            ),
            card("b", "harmful-manipulation", "likelihood:\n  estimate: unlikely\n"),
            card("c", "loss-of-control", ""),
        ]
        .concat(),
    );
    let report = risk_report(&d);
    let [a, b, c] = &report.risks[..] else { panic!("{:?}", report.risks) };
    assert_eq!(a.likelihood.kind, LikelihoodKind::Numeric);
    assert_eq!(a.likelihood.summary, "Unlikely: about 20 in 100 attempts (about 1 in 5).");
    assert_eq!(a.likelihood.short, "Unlikely: about 20 in 100");
    assert_eq!(
        a.likelihood.range.as_ref().unwrap().sentence,
        "Range of the estimate: between about 10 and 30 in 100."
    );
    assert_eq!(a.likelihood.icons.as_ref().map(|i| (i.filled, i.total)), Some((20, 100)));
    assert_eq!(b.likelihood.kind, LikelihoodKind::Word);
    assert_eq!(b.likelihood.summary, "Unlikely.");
    assert_eq!(
        b.likelihood.note.as_deref(),
        Some(
            "The provider gives a word, not a figure. On the scale used, “unlikely” means 33 in 100 or less."
        )
    );
    assert!(b.likelihood.icons.is_none() && b.likelihood.count.is_none());
    assert_eq!(c.likelihood.kind, LikelihoodKind::NotPublished);
    assert_eq!(c.likelihood.summary, "The provider has not published an estimate.");
    assert_eq!(c.no_mitigation, "The provider has not said what it did about this risk.");
    assert_eq!(report.scale.words.len(), 7);
    assert!(report.scale.citation.contains("Mastrandrea"));
}

#[test]
fn figures_share_a_denominator_across_the_document_and_within_a_card() {
    let effect = |b: f64, a: f64| {
        format!(
            "mitigations:\n  - kind: security\n    what_we_did: x\n    effect: {{before: {b}, after: {a}, measure: m}}\n"
        )
    };
    // 0.004 needs 1,000: every card of the document says "in 1,000".
    let d = doc(
        "en",
        &[
            card("a", "cyber-offence", "likelihood:\n  estimate: 0.2\n"),
            card("b", "cbrn", &format!("likelihood:\n  estimate: 0.004\n{}", effect(0.03, 0.004))),
        ]
        .concat(),
    );
    let report = risk_report(&d);
    assert_eq!(report.out_of, 1000);
    assert_eq!(report.risks[0].likelihood.short, "Unlikely: about 200 in 1,000");
    let e = report.risks[1].mitigations[0].effect.as_ref().unwrap();
    assert_eq!((e.before_count, e.after_count, e.out_of), (30, 4, 1000));
    // A figure rarer than 1 in 1,000 keeps a finer denominator, shared within its card only.
    let d = doc(
        "en",
        &[
            card("a", "cyber-offence", "likelihood:\n  estimate: 0.2\n"),
            card("b", "cbrn", &format!("likelihood:\n  estimate: 0.02\n{}", effect(0.02, 0.0002))),
        ]
        .concat(),
    );
    let report = risk_report(&d);
    assert_eq!(report.out_of, 100);
    assert_eq!(report.risks[0].likelihood.out_of, Some(100));
    let rare = &report.risks[1];
    assert_eq!(rare.likelihood.out_of, Some(10_000));
    assert_eq!(rare.mitigations[0].effect.as_ref().unwrap().out_of, 10_000);
    assert!(rare.likelihood.icons.is_none(), "no icon array beyond 1,000 figures");
}

#[test]
fn coverage_lists_every_category_with_equal_weight() {
    let d = doc("en", &card("a", "cyber-offence", ""));
    let c = risk_report(&d).coverage;
    assert_eq!(c.covered.len(), 1);
    assert_eq!(c.not_covered.len(), 32);
    assert_eq!(c.summary, "This summary covers 1 of 33 risk areas: Cyber attacks.");
    assert_eq!(c.not_covered_intro, "It does not cover these 32:");
    assert!(c.not_covered.iter().filter(|i| i.specified).count() == 3);
    // A project's own category counts like any other.
    let mut d = doc("en", &card("e", "election-integrity", ""));
    let own = Taxonomy::parse(
        "[category election-integrity]\nen: Interfering with elections\nen.about: x\n",
    )
    .unwrap();
    d.taxonomy = Some(Arc::new(Taxonomy::builtin().merged(&own)));
    let report = risk_report(&d);
    assert_eq!(report.risks[0].category.name, "Interfering with elections");
    assert_eq!(report.risks[0].category.group, Some("project"));
    assert_eq!(
        report.coverage.summary,
        "This summary covers 1 of 34 risk areas: Interfering with elections."
    );
}

#[test]
fn german_and_french_cards_use_their_own_words() {
    let body = "likelihood:\n  estimate: 0.25\nseverity: high\n";
    let de = risk_report(&doc("de-AT", &card("a", "cyber-offence", body)));
    assert_eq!(de.risks[0].likelihood.summary, "Unwahrscheinlich: etwa 25 von 100 (etwa 1 von 4).");
    assert_eq!(
        de.risks[0].severity.as_ref().unwrap().sentence,
        "Hoch: Stufe 3 von 4 (gering, mittel, hoch und kritisch)."
    );
    assert_eq!(de.risks[0].category.name, "Cyberangriffe");
    assert_eq!(de.labels.how_likely, "Wie wahrscheinlich es ist");
    let fr = risk_report(&doc("fr", &card("a", "cyber-offence", body)));
    assert_eq!(
        fr.risks[0].likelihood.summary,
        "Improbable\u{a0}: environ 25 sur 100 (environ 1 sur 4)."
    );
    assert_eq!(fr.scale.name, "échelle de vraisemblance du GIEC");
    // A language without wording falls back to English words.
    let fi = risk_report(&doc("fi", &card("a", "cyber-offence", body)));
    assert_eq!(fi.risks[0].likelihood.summary, "Unlikely: about 25 in 100 (about 1 in 4).");
}

#[test]
fn an_unknown_category_shows_its_id_and_the_report_serialises() {
    let d = doc("en", &card("x", "weather", ""));
    let report = risk_report(&d);
    assert_eq!(report.risks[0].category.name, "weather");
    assert_eq!(report.risks[0].category.group, None);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["format"], RISK_JSON_FORMAT);
    assert_eq!(json["risks"][0]["likelihood"]["kind"], "not-published");
    assert!(json["risks"][0]["severity"].is_null());
}

#[test]
fn citations_name_section_and_page_and_the_sources_are_listed() {
    let mut d = doc("en", "");
    d.meta.sources = vec![candor_model::SourceRef {
        id: "report".into(),
        title: Some("Example Model Report".into()),
        file: Some("report.pdf".into()),
        span: Default::default(),
    }];
    let labels = Labels::for_language(&d.meta.lang);
    let link = |p: &str| SourceLink { source: "report".into(), passage: Some(p.into()) };
    // Outside a project: the passage id.
    assert_eq!(
        citation_text(&d, labels, &link("sec-7-3-p2")),
        "Example Model Report, passage sec-7-3-p2."
    );
    assert_eq!(source_entries(&d, labels), ["Example Model Report. (report.pdf)"]);
    let mut places = std::collections::BTreeMap::new();
    places.insert(
        "sec-7-3-p2".to_owned(),
        candor_model::PassagePlace { section: Some("7.3 Evaluation".into()), page: Some(12) },
    );
    d.cited = Some(Arc::new(candor_model::CitedSources {
        sources: vec![candor_model::CitedSourceInfo {
            id: "report".into(),
            title: "Model Report".into(),
            file: "report.pdf".into(),
            version: Some("2.0".into()),
            date: Some("2026-02-19".into()),
            sha256: "3bdfa89cf658aa".repeat(5),
            places,
        }],
    }));
    assert_eq!(
        citation_text(&d, labels, &link("sec-7-3-p2")),
        "Example Model Report, section 7.3 Evaluation, page 12."
    );
    assert_eq!(citation_text(&d, labels, &link("nope")), "Example Model Report, passage nope.");
    assert_eq!(
        source_entries(&d, labels),
        ["Example Model Report, version 2.0, 2026-02-19. File report.pdf, SHA-256 3bdfa89cf658…"]
    );
    let de = Labels::for_language(&candor_model::LanguageTag::parse("de").unwrap());
    assert_eq!(
        citation_text(&d, de, &link("sec-7-3-p2")),
        "Example Model Report, Abschnitt 7.3 Evaluation, Seite 12."
    );
}
