//! The rule catalogue in docs/plain-language-rules.md is generated from the rules; this test
//! fails when it is stale (`CANDOR_UPDATE_DOCS=1` rewrites it) and checks that every example
//! in it does what it says: the first is reported, the better version is not.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use candor_analysis::Rule;
use candor_analysis::glossary::Glossary;

fn catalogue() -> String {
    let mut out = String::from(
        "<!-- Generated from crates/candor-analysis/src/plain/rules/mod.rs by the rule_catalogue test; \
         do not edit. Update: CANDOR_UPDATE_DOCS=1 cargo test -p candor-analysis --test rule_catalogue -->\n\n\
         # Plain-language rules\n\n\
         Candor checks every companion document against these rules while you write (underlined in the \
         editor, listed under Problems) and in `candor check`. Each finding has a stable code, says what \
         the problem is and what to do, and some offer a one-click fix. None of them stops an export: \
         they are warnings or notes, for you to weigh.\n\n\
         Sentence and paragraph lengths depend on who the document is for. When the header's `audience` \
         names experts, specialists or regulators, sentences may have up to 35 words and paragraphs up \
         to 200; otherwise (the general public) 25 and 120. Rules that need word lists work in English, \
         German and French; the others in every language.\n\n\
         How well each rule does is measured on labelled sentences in \
         `crates/candor-analysis/tests/lint-cases/`: every rule must reach a precision of at least 0.9 \
         and a recall of at least 0.8 in each language, or the tests fail.\n\n\
         | code | rule | languages | severity | one-click fix |\n|---|---|---|---|---|\n",
    );
    for rule in Rule::ALL {
        let languages = rule.languages().map_or("all".to_owned(), |l| {
            l.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")
        });
        let fix = if rule.fix().is_some() { "yes" } else { "—" };
        writeln!(
            out,
            "| `{}` | {} | {languages} | {} | {fix} |",
            rule.code(),
            rule.title(),
            rule.severity().as_str()
        )
        .unwrap();
    }
    for rule in Rule::ALL {
        let (bad, good) = rule.example();
        write!(out, "\n## {} — `{}`\n\n{}\n\n", rule.title(), rule.code(), rule.explanation())
            .unwrap();
        writeln!(out, "Reported:\n\n{}\n\nBetter:\n\n{}\n", quote(bad), quote(good)).unwrap();
        if let Some(fix) = rule.fix() {
            writeln!(out, "One-click fix: {fix}.").unwrap();
        }
    }
    out
}

fn quote(text: &str) -> String {
    if text.contains('\n') { format!("```markdown\n{text}\n```") } else { format!("> {text}") }
}

#[test]
fn the_rule_catalogue_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/plain-language-rules.md");
    let want = catalogue();
    if std::env::var_os("CANDOR_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/plain-language-rules.md is stale; run CANDOR_UPDATE_DOCS=1 cargo test -p candor-analysis --test rule_catalogue"
    );
}

#[test]
fn every_example_does_what_the_catalogue_says() {
    let glossary = Arc::new(Glossary::builtin().clone());
    let fires = |rule: Rule, markdown: &str| {
        let text = format!("---\ntitle: Example\nlang: en\n---\n{markdown}\n");
        let doc = candor_import::parse_companion(&text).value;
        candor_analysis::check_plain_language(&doc, &text, Arc::clone(&glossary))
            .iter()
            .any(|d| d.code == rule.code())
    };
    for rule in Rule::ALL {
        let (bad, good) = rule.example();
        if bad.starts_with('(') {
            continue; // described, not written out
        }
        assert!(fires(rule, bad), "{}: the example is not reported: {bad}", rule.code());
        assert!(!fires(rule, good), "{}: the better version is reported: {good}", rule.code());
    }
}
