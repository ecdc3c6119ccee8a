use super::*;

fn check(md: &str) -> Vec<Diagnostic> {
    let doc = candor_import::parse_companion(md).value;
    check_risks(&doc, md)
}

fn codes(md: &str) -> Vec<String> {
    check(md).into_iter().map(|d| d.code).collect()
}

const HEAD: &str = "---\ntitle: T\nlang: en\n---\n\n# Risks\n\n";

fn card(id: &str, category: &str, extra: &str) -> String {
    format!(
        "```risk\nid: {id}\ncategory: {category}\ntitle: Helping attackers break in\n{extra}```\n\n"
    )
}

fn all_four() -> String {
    ["cbrn", "loss-of-control", "cyber-offence", "harmful-manipulation"]
        .iter()
        .map(|c| card(c, c, ""))
        .collect()
}

#[test]
fn unknown_categories_and_kinds_point_at_their_value() {
    let md = format!(
        "{HEAD}{}{}",
        all_four(),
        card(
            "x",
            "cyber offense",
            "mitigations:\n  - kind: security\n    what_we_did: a\n  - kind: data filter\n    what_we_did: b\n"
        )
    );
    let found = check(&md);
    let codes: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["risk/unknown-category", "risk/unknown-mitigation"]);
    assert_eq!(&md[found[0].span.start..found[0].span.end], "cyber offense");
    assert_eq!(found[0].hints, ["Did you mean `cyber-offence`?"]);
    assert_eq!(&md[found[1].span.start..found[1].span.end], "data filter");
    assert_eq!(found[1].hints, ["Did you mean `data-filtering`?"]);
}

#[test]
fn a_project_category_is_known() {
    let md = format!("{HEAD}{}{}", all_four(), card("e", "election-integrity", ""));
    let mut doc = candor_import::parse_companion(&md).value;
    assert_eq!(codes(&md), ["risk/unknown-category"]);
    let project = Taxonomy::parse("[category election-integrity]\nen: Elections\n").unwrap();
    doc.taxonomy = Some(std::sync::Arc::new(Taxonomy::builtin().merged(&project)));
    assert!(check_risks(&doc, &md).is_empty());
}

#[test]
fn every_uncovered_specified_risk_is_a_warning_with_a_fix() {
    let md = format!("{HEAD}```candor-risk-overview\n```\n\n{}", card("c", "cyber-offence", ""));
    let found = check(&md);
    let names: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(names, ["risk/specified-risk-not-covered"; 3]);
    assert!(found[0].message.contains("Chemical, biological, radiological and nuclear"));
    // Reported on the overview, fixed after the last card.
    assert!(md[found[0].span.start..].starts_with("```candor-risk-overview"));
    let fix = found[0].fix.as_ref().unwrap();
    let mut fixed = md.clone();
    fixed.replace_range(fix.span.start..fix.span.end, &fix.replacement);
    let after = candor_import::parse_companion(&fixed);
    assert!(
        after.diagnostics.iter().all(|d| d.severity != candor_model::Severity::Error),
        "{:?}",
        after.diagnostics
    );
    assert_eq!(codes(&fixed).len(), 2, "one fewer warning after the fix");
    // A document without any risk content is not asked to cover risks.
    assert!(codes(&format!("{HEAD}Just text.\n")).is_empty());
    assert!(codes(&format!("{HEAD}{}", all_four())).is_empty());
}

#[test]
fn an_after_above_before_is_flagged() {
    let effect = |b: f64, a: f64| {
        format!(
            "mitigations:\n  - kind: security\n    what_we_did: x\n    effect: {{before: {b}, after: {a}, measure: m}}\n"
        )
    };
    let md = format!("{HEAD}{}{}", all_four(), card("w", "privacy", &effect(0.04, 0.2)));
    let found = check(&md);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, "risk/effect-got-worse");
    assert!(found[0].message.contains("4% before, 20% after"), "{}", found[0].message);
    assert!(md[found[0].span.start..].starts_with("{before: 0.04"));
    let md = format!("{HEAD}{}{}", all_four(), card("w", "privacy", &effect(0.2, 0.04)));
    assert!(codes(&md).is_empty());
}

const CYBER: &str = "likelihood:\n  estimate: 0.2\n  range: [0.1, 0.3]\n  per: attempt by a skilled attacker\nmitigations:\n  - kind: input-output-filtering\n    what_we_did: A filter.\n    effect: {before: 0.2, after: 0.04, measure: share of attacks that succeeded}\n";

#[test]
fn prose_that_contradicts_the_card_is_flagged() {
    let others: String = ["cbrn", "loss-of-control", "harmful-manipulation"]
        .iter()
        .map(|c| card(c, c, ""))
        .collect();
    let with_text =
        |text: &str| format!("{HEAD}{text}\n\n{}{others}", card("c", "cyber-offence", CYBER));
    // Agreeing figures: the estimate, a range bound, before/after, the relative drop.
    for fine in [
        "Skilled attackers succeeded in about 20% of attempts.",
        "Attackers succeeded in 1 in 5 attempts.",
        "Attackers succeeded in up to 30% of attempts.",
        "The filter cut successful attacks by 80%.",
        "After the filter, attacks succeeded 4 in 100 times.",
        "Attackers succeeded in 12 % of attempts, within the range.",
        // Figures in sentences about something else are left alone.
        "The model was trained on 35% more text than its predecessor.",
        "Without the model, skilled attackers succeeded in 11 in 100 attempts.",
    ] {
        assert!(codes(&with_text(fine)).is_empty(), "{fine}: {:?}", check(&with_text(fine)));
    }
    let md = with_text("Skilled attackers succeeded in 45% of attempts.");
    let found = check(&md);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, "risk/figure-contradicts-card");
    assert_eq!(&md[found[0].span.start..found[0].span.end], "45%");
    assert_eq!(
        found[0].message,
        "The text says 45%, but the risk card “Helping attackers break in” gives 20% (range 10%–30%)."
    );
    let md = with_text("Attackers succeeded in 9 out of 10 attempts.");
    assert_eq!(codes(&md), ["risk/figure-contradicts-card"]);
    // A card's own text is compared with its own figures.
    let own = CYBER.replace("A filter.", "A filter that stops 50% of attacks.");
    let md = format!("{HEAD}{}{others}", card("c", "cyber-offence", &own));
    assert_eq!(codes(&md), ["risk/figure-contradicts-card"]);
}

#[test]
fn figures_are_read_in_every_form() {
    let values = |t: &str| {
        figures_in(t).into_iter().map(|f| (f.value * 1e4).round() / 1e4).collect::<Vec<_>>()
    };
    assert_eq!(values("20% and 2.5 % and 2,5 Prozent"), [0.2, 0.025, 0.025]);
    assert_eq!(values("1 in 5, 20 von 100, 3 sur 1 000, 4 out of 1,000"), [0.2, 0.2, 0.003, 0.004]);
    assert_eq!(values("In 2026, version 1.5 had 400 attempts"), Vec::<f64>::new());
    assert_eq!(values("150% growth"), Vec::<f64>::new());
    assert_eq!(values("x20%"), Vec::<f64>::new());
}
