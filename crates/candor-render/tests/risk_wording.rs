//! Golden tests for how risk figures are worded, in every language Candor words them in.
//!
//! For a table of probabilities from 1 in 10,000 to 99 in 100, each test builds a one-risk
//! document (estimate, a range around it, and one mitigation whose effect is a fifth of the
//! estimate), renders it with [`risk_report`] and compares the reader-facing wording with
//! the committed table `tests/wording/{en,de,fr}.tsv`: the card's summary, the overview
//! cell, the range sentence, the effect sentence, the icon arrays and the calibrated word.
//! A change to the wording or the rounding therefore shows up as a readable diff that a
//! reviewer can check line by line.
//!
//! A second test sweeps every p = i/10,000 and checks the rounding rules of
//! `src/risk_text/mod.rs` as properties: no percentages, no "0 in" for p > 0, counts within
//! 10% of the exact value, an estimate and its range on one denominator, before and after on
//! one denominator, and "about 1 in N" only where it is fair.
//!
//! After an intended change, rewrite the tables and review the diff before committing:
//!
//! ```sh
//! CANDOR_UPDATE_GOLDEN=1 cargo test -p candor-render --test risk_wording
//! git diff crates/candor-render/tests/wording/
//! ```

use std::fmt::Write as _;
use std::path::PathBuf;

use candor_model::{Document, Severity};
use candor_render::{LikelihoodKind, RiskCard, risk_report};

/// The probabilities of the golden tables: every step of the rounding rules (changes of
/// denominator, "1 in N" or not, the calibrated word boundaries at 1, 10, 33, 66, 90 and
/// 99 in 100) and the figures authors actually write.
const PROBABILITIES: &[f64] = &[
    0.0001, 0.00015, 0.0002, 0.0003, 0.0005, 0.0007, 0.00099, 0.001, 0.0012, 0.0014, 0.002, 0.0025,
    0.003, 0.004, 0.005, 0.0066, 0.0075, 0.008, 0.009, 0.0099, 0.01, 0.0125, 0.015, 0.02, 0.025,
    0.03, 0.033, 0.035, 0.04, 0.045, 0.05, 0.06, 0.066, 0.07, 0.08, 0.09, 0.095, 0.1, 0.105, 0.11,
    0.12, 0.125, 0.14, 0.15, 0.166, 0.175, 0.2, 0.22, 0.25, 0.3, 0.33, 0.35, 0.375, 0.4, 0.45,
    0.49, 0.5, 0.51, 0.55, 0.6, 0.65, 0.66, 0.67, 0.7, 0.75, 0.8, 0.85, 0.875, 0.9, 0.95, 0.97,
    0.98, 0.99, 0.995, 0.999,
];

/// One language of the tables: its tag, the unit phrase as authors write it there, and the
/// measure of the mitigation's effect.
struct Language {
    tag: &'static str,
    per: &'static str,
    measure: &'static str,
    /// "about 1 in " as the language writes it, to find the "1 in N" part of a summary.
    one_in: &'static str,
    /// "0 in" / "0 von" / "0 sur", which no figure above zero may read as.
    zero: &'static str,
    group_separator: &'static str,
}

const LANGUAGES: &[Language] = &[
    Language {
        tag: "en",
        per: "attempt by a skilled attacker",
        measure: "share of attempts that succeeded",
        one_in: "about 1 in ",
        zero: " 0 in ",
        group_separator: ",",
    },
    Language {
        tag: "de",
        per: "Versuchen eines erfahrenen Angreifers",
        measure: "Anteil der erfolgreichen Versuche",
        one_in: "etwa 1 von ",
        zero: " 0 von ",
        group_separator: ".",
    },
    Language {
        tag: "fr",
        per: "tentatives d'un attaquant expérimenté",
        measure: "part des tentatives réussies",
        one_in: "environ 1 sur ",
        zero: " 0 sur ",
        group_separator: "\u{202f}",
    },
];

const HEADER: &str = "probability\tsummary\tshort\trange\teffect\ticons\teffect icons\tword";

/// A one-risk document: estimate `p`, range [p/2, min(2p, 1)], and a mitigation that took
/// the figure from `p` to `p/5`.
fn document(language: &Language, p: f64) -> Document {
    let (low, high, after) = (p / 2.0, (2.0 * p).min(1.0), p / 5.0);
    let text = format!(
        "---\ntitle: Wording\nlang: {lang}\n---\n\n```risk\nid: r\ncategory: cyber-offence\n\
         title: Helping attackers\nlikelihood:\n  estimate: {p}\n  range: [{low}, {high}]\n  \
         per: \"{per}\"\nmitigations:\n  - kind: input-output-filtering\n    \
         what_we_did: A filter.\n    effect: {{ before: {p}, after: {after}, measure: {measure} }}\n```\n",
        lang = language.tag,
        per = language.per,
        measure = language.measure,
    );
    let parsed = candor_import::parse_companion(&text);
    let errors: Vec<_> =
        parsed.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(
        errors.is_empty(),
        "the fixture for p = {p} ({}) does not parse: {errors:?}",
        language.tag
    );
    parsed.value
}

/// The one risk card of `doc`.
fn card(doc: &Document) -> RiskCard {
    let mut report = risk_report(doc);
    assert_eq!(report.risks.len(), 1, "one risk card expected");
    report.risks.remove(0)
}

/// A TSV cell: tabs and line breaks would break the table (none are expected).
fn cell(text: &str) -> String {
    text.replace(['\t', '\n'], " ")
}

fn row(p: f64, card: &RiskCard) -> String {
    let l = &card.likelihood;
    let effect = card.mitigations.first().and_then(|m| m.effect.as_ref());
    let icons = l.icons.as_ref().map_or("-".to_owned(), |i| format!("{}/{}", i.filled, i.total));
    let effect_icons = effect.and_then(|e| e.icons.as_ref()).map_or("-".to_owned(), |i| {
        format!("{}/{} → {}/{}", i.before.filled, i.before.total, i.after.filled, i.after.total)
    });
    [
        p.to_string(),
        cell(&l.summary),
        cell(&l.short),
        l.range.as_ref().map_or("-".to_owned(), |r| cell(&r.sentence)),
        effect.map_or("-".to_owned(), |e| cell(&e.sentence)),
        icons,
        effect_icons,
        l.word.as_ref().map_or("-", |w| w.id).to_owned(),
    ]
    .join("\t")
}

fn table(language: &Language) -> String {
    let mut out = format!("{HEADER}\n");
    for &p in PROBABILITIES {
        let _ = writeln!(out, "{}", row(p, &card(&document(language, p))));
    }
    out
}

fn golden_path(tag: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/wording").join(format!("{tag}.tsv"))
}

fn updating() -> bool {
    std::env::var_os("CANDOR_UPDATE_GOLDEN").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Compares `actual` with the committed table (or rewrites it), describing the first rows
/// that differ.
fn check_golden(tag: &str, actual: &str) -> Result<(), String> {
    let path = golden_path(tag);
    if updating() {
        std::fs::create_dir_all(path.parent().expect("a parent directory"))
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        std::fs::write(&path, actual)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read {}: {e}\nCreate it with CANDOR_UPDATE_GOLDEN=1 cargo test -p candor-render --test risk_wording",
            path.display()
        )
    })?;
    if expected == actual {
        return Ok(());
    }
    let (expected_rows, actual_rows): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    let header: Vec<&str> = HEADER.split('\t').collect();
    let mut report = format!("{}: the wording differs from the committed table.\n", path.display());
    let mut shown = 0;
    for i in 0..expected_rows.len().max(actual_rows.len()) {
        let (e, a) = (expected_rows.get(i).copied(), actual_rows.get(i).copied());
        if e == a {
            continue;
        }
        shown += 1;
        if shown > 5 {
            report.push_str("… (more rows differ)\n");
            break;
        }
        let _ = writeln!(report, "\nline {}:", i + 1);
        let (ec, ac): (Vec<&str>, Vec<&str>) = (
            e.map(|r| r.split('\t').collect()).unwrap_or_default(),
            a.map(|r| r.split('\t').collect()).unwrap_or_default(),
        );
        for c in 0..ec.len().max(ac.len()) {
            let (ev, av) = (ec.get(c).copied().unwrap_or("∅"), ac.get(c).copied().unwrap_or("∅"));
            let name = header.get(c).copied().unwrap_or("extra column");
            if ev == av {
                if c == 0 {
                    let _ = writeln!(report, "  {name}: {ev}");
                }
            } else {
                let _ = writeln!(report, "  {name}:\n    - expected: {ev}\n    + actual:   {av}");
            }
        }
    }
    report.push_str(
        "\nIf the change is intended, rewrite the tables and review the diff:\n  \
         CANDOR_UPDATE_GOLDEN=1 cargo test -p candor-render --test risk_wording\n",
    );
    Err(report)
}

#[test]
fn probability_table_has_enough_rows() {
    assert!(PROBABILITIES.len() >= 60);
    assert!(PROBABILITIES.windows(2).all(|w| w[0] < w[1]), "probabilities in increasing order");
}

#[test]
fn wording_matches_golden_tables() {
    let failures: Vec<String> = LANGUAGES
        .iter()
        .filter_map(|language| check_golden(language.tag, &table(language)).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The number N of "about 1 in N" in `summary`, if the summary has one.
fn one_in(summary: &str, language: &Language) -> Option<f64> {
    let start = summary.find(&format!("({}", language.one_in))? + 1 + language.one_in.len();
    let digits: String = summary[start..]
        .split(')')
        .next()?
        .replace(language.group_separator, "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    digits.parse().ok()
}

/// Every violated rounding rule for the card of probability `p`.
fn rule_violations(p: f64, language: &Language, card: &RiskCard) -> Vec<String> {
    let mut problems = Vec::new();
    let l = &card.likelihood;
    if l.kind != LikelihoodKind::Numeric {
        problems.push(format!("kind is {:?}, not numeric", l.kind));
        return problems;
    }
    for (name, text) in [("summary", &l.summary), ("short", &l.short)] {
        if text.contains('%') {
            problems.push(format!("{name} has a percentage: {text}"));
        }
        if text.contains(language.zero) {
            problems.push(format!("{name} says 0 for p > 0: {text}"));
        }
    }
    let (Some(count), Some(out_of)) = (l.count, l.out_of) else {
        problems.push("a numeric likelihood without count".to_owned());
        return problems;
    };
    if count < 1 || count >= out_of {
        problems.push(format!("count {count} of {out_of} is not in 1..out_of"));
    }
    let exact = p * out_of as f64;
    if (count as f64 - exact).abs() > 0.1 * exact + 1e-9 {
        problems.push(format!("{count} in {out_of} is more than 10% from {exact}"));
    }
    match &l.range {
        Some(range) if range.out_of != out_of => {
            problems.push(format!("the estimate is in {out_of}, its range in {}", range.out_of))
        }
        Some(range) if !(range.low_count <= count && count <= range.high_count) => problems.push(
            format!("{count} lies outside its range {}..{}", range.low_count, range.high_count),
        ),
        Some(_) => {}
        None => problems.push("the range is missing".to_owned()),
    }
    // "1 in N" reads the figure as shown, to two significant digits.
    let shown = count as f64 / out_of as f64;
    if let Some(n) = one_in(&l.summary, language)
        && (shown > 0.5 || (1.0 / n - shown).abs() > 0.05 * shown + 1e-12)
    {
        problems.push(format!("\"1 in {n}\" is not a fair reading of {count} in {out_of}"));
    }
    match card.mitigations.first().and_then(|m| m.effect.as_ref()) {
        Some(effect) => {
            if effect.before_count < 1 || effect.after_count < 1 {
                problems.push(format!(
                    "the effect says 0: {} -> {} in {}",
                    effect.before_count, effect.after_count, effect.out_of
                ));
            }
            if effect.before_count >= effect.out_of || effect.after_count >= effect.out_of {
                problems.push(format!(
                    "the effect reaches {} in {}",
                    effect.before_count, effect.out_of
                ));
            }
            if let Some(icons) = &effect.icons
                && (icons.before.total != icons.after.total
                    || u64::from(icons.before.total) != effect.out_of)
            {
                problems.push(format!(
                    "before/after icon arrays differ: {} and {} figures, effect in {}",
                    icons.before.total, icons.after.total, effect.out_of
                ));
            }
            if effect.sentence.contains('%') {
                problems.push(format!("the effect has a percentage: {}", effect.sentence));
            }
            if effect.sentence.contains(language.zero) {
                problems.push(format!("the effect says 0: {}", effect.sentence));
            }
        }
        None => problems.push("the effect is missing".to_owned()),
    }
    problems
}

#[test]
fn rounding_rules_hold_for_every_ten_thousandth() {
    let mut failures = Vec::new();
    for language in LANGUAGES {
        for i in 1..10_000u32 {
            let p = f64::from(i) / 10_000.0;
            let problems = rule_violations(p, language, &card(&document(language, p)));
            if !problems.is_empty() {
                failures.push(format!("{} p = {p}: {}", language.tag, problems.join("; ")));
            }
        }
    }
    let shown: Vec<&String> = failures.iter().take(20).collect();
    assert!(
        failures.is_empty(),
        "{} cards break the rounding rules, first ones:\n{shown:#?}",
        failures.len()
    );
}

#[test]
fn rounding_rules_hold_for_the_golden_probabilities() {
    for language in LANGUAGES {
        for &p in PROBABILITIES {
            let problems = rule_violations(p, language, &card(&document(language, p)));
            assert!(problems.is_empty(), "{} p = {p}: {problems:?}", language.tag);
        }
    }
}

/// The "1 in N" check above is not vacuous: it finds N in every language.
#[test]
fn one_in_is_read_in_every_language() {
    for language in LANGUAGES {
        let summary = card(&document(language, 0.2)).likelihood.summary;
        assert_eq!(one_in(&summary, language), Some(5.0), "{summary}");
        let summary = card(&document(language, 0.00015)).likelihood.summary;
        assert_eq!(one_in(&summary, language), Some(6700.0), "{summary}");
    }
}
