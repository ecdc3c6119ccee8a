//! Precision and recall of every plain-language rule on the labelled cases in `lint-cases/`
//! (see its README): fails below precision 0.9 or recall 0.8, or with fewer than 40 cases
//! for a rule and language. `CANDOR_LINT_CASES=show` prints every case the rules get wrong.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::path::Path;
use std::sync::Arc;

use candor_analysis::Rule;
use candor_analysis::glossary::Glossary;

const MIN_CASES: usize = 40;
const MIN_PRECISION: f64 = 0.9;
const MIN_RECALL: f64 = 0.8;

struct Case {
    expected: bool,
    markdown: String,
    line: usize,
}

fn cases(path: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let (mark, body) = l.split_at(2);
            let expected = match mark {
                "+ " => true,
                "- " => false,
                _ => panic!("{}:{}: a case starts with `+ ` or `- `", path.display(), n + 1),
            };
            Case { expected, markdown: body.replace("\\n", "\n"), line: n + 1 }
        })
        .collect()
}

fn fires(rule: Rule, lang: &str, markdown: &str, glossary: &Arc<Glossary>) -> bool {
    let text = format!("---\ntitle: Case\nlang: {lang}\n---\n{markdown}\n");
    let doc = candor_import::parse_companion(&text).value;
    candor_analysis::check_plain_language(&doc, &text, Arc::clone(glossary))
        .iter()
        .any(|d| d.code == rule.code())
}

#[test]
fn every_rule_meets_its_precision_and_recall() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint-cases");
    let show = std::env::var("CANDOR_LINT_CASES").is_ok_and(|v| v == "show");
    let glossary = Arc::new(Glossary::builtin().clone());
    let mut failures = Vec::new();
    println!("{:<36} {:<4} {:>5} {:>9} {:>7}", "rule", "lang", "cases", "precision", "recall");
    for rule in Rule::ALL {
        let name = rule.code().trim_start_matches("plain/");
        for lang in ["en", "de", "fr"] {
            let path = root.join(lang).join(format!("{name}.txt"));
            let supported = rule.supports(candor_analysis::Language::from_tag(lang));
            if !path.exists() {
                if supported {
                    failures
                        .push(format!("{name} ({lang}): no labelled cases at {}", path.display()));
                }
                continue;
            }
            let cases = cases(&path);
            let (mut tp, mut fp, mut fn_, mut tn) = (0u32, 0u32, 0u32, 0u32);
            for case in &cases {
                let got = fires(rule, lang, &case.markdown, &glossary);
                match (case.expected, got) {
                    (true, true) => tp += 1,
                    (false, true) => fp += 1,
                    (true, false) => fn_ += 1,
                    (false, false) => tn += 1,
                }
                if show && got != case.expected {
                    let what = if got { "false alarm" } else { "missed" };
                    println!(
                        "  {lang}/{name}.txt:{} {what}: {}",
                        case.line,
                        case.markdown.replace('\n', "\\n")
                    );
                }
            }
            let precision = if tp + fp == 0 {
                if tp + fn_ == 0 { 1.0 } else { 0.0 }
            } else {
                f64::from(tp) / f64::from(tp + fp)
            };
            let recall = if tp + fn_ == 0 { 1.0 } else { f64::from(tp) / f64::from(tp + fn_) };
            println!(
                "{:<36} {:<4} {:>5} {:>9.3} {:>7.3}   (tp {tp}, fp {fp}, fn {fn_}, tn {tn})",
                rule.code(),
                lang,
                cases.len(),
                precision,
                recall
            );
            if cases.len() < MIN_CASES {
                failures.push(format!("{name} ({lang}): {} cases, need {MIN_CASES}", cases.len()));
            }
            if precision < MIN_PRECISION || recall < MIN_RECALL {
                failures
                    .push(format!("{name} ({lang}): precision {precision:.3}, recall {recall:.3}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "rules below target (run with CANDOR_LINT_CASES=show to see the cases):\n{}",
        failures.join("\n")
    );
}
