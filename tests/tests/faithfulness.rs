//! Faithfulness of companion documents to real model cards (issue "Faithfulness", point 8):
//! for three corpus sources, a faithful companion document and a copy with planted errors
//! (`tests/faithfulness/*/`, described in its README). The planted errors must be found
//! (every wrong figure and every omitted specified risk, at least 90% of wrong citations)
//! and the faithful documents must raise at most one false alarm per 1,000 words.
//!
//! How it is measured:
//! - a wrong figure is found when a `figure/contradicts` or `figure/not-found` diagnostic
//!   overlaps its quote in `planted.md`;
//! - a wrong citation is found when a `cite/unrelated` or `cite/unknown-passage` diagnostic
//!   overlaps the link, or a `figure/other-passage` lies in the text that link supports (from
//!   the previous source link of its paragraph, or the paragraph's start, to the link's end);
//! - an omitted specified risk is found when a `risk/specified-risk-not-covered` diagnostic
//!   offers a card for that category (`category: ID` in its fix);
//! - false alarms are warnings and errors of the `cite/`, `figure/` and `source/` families on
//!   `faithful.md` (infos do not count), per 1,000 words of prose as `candor check` measures
//!   them (`candor_analysis::document_readability`: paragraphs, headings, list items and risk
//!   cards; not tables, code or front matter).
//!
//! The `update.json` files (staleness after a source update) are not measured here yet.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use candor_core::{CheckOptions, Diagnostic, Severity};
use candor_tests::{corpus_dir, repo_root};

const CASES: &[(&str, &str)] = &[
    ("llama-3.1", "llama-3.1-model-card.md"),
    ("llama-2", "llama-2-model-card.md"),
    ("stable-diffusion-v1", "stable-diffusion-v1-model-card.md"),
];

const NOW: &str = "2026-03-10T09:00:00Z";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Figure,
    Citation,
    Risk,
}

const KINDS: [Kind; 3] = [Kind::Figure, Kind::Citation, Kind::Risk];

#[derive(Debug)]
struct Planted {
    kind: Kind,
    quote: String,
    note: String,
}

/// What one case measured.
#[derive(Debug, Default)]
struct Tally {
    /// (found, planted) per kind, in the order of `KINDS`.
    counts: [(usize, usize); 3],
    false_alarms: usize,
    words: u32,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            a.0 += b.0;
            a.1 += b.1;
        }
        self.false_alarms += other.false_alarms;
        self.words += other.words;
    }

    fn per_thousand(&self) -> f64 {
        self.false_alarms as f64 * 1000.0 / f64::from(self.words.max(1))
    }
}

#[test]
fn planted_errors_are_found_and_faithful_documents_pass() {
    let Some(corpus) = corpus_dir() else { return };
    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<22} {:>8} {:>10} {:>6} {:>12} {:>6} {:>10}",
        "case", "figures", "citations", "risks", "false alarms", "words", "per 1,000"
    );
    let mut total = Tally::default();
    let mut details = String::new();
    for &(case, file) in CASES {
        let tally = run_case(&corpus, case, file, &mut details);
        row(&mut table, case, &tally);
        total.add(&tally);
    }
    row(&mut table, "total", &total);
    eprintln!("\nFaithfulness of the companion documents\n{details}\n{table}");

    let [figures, citations, risks] = total.counts;
    assert_eq!(figures.0, figures.1, "every planted wrong figure must be found\n{details}");
    assert_eq!(risks.0, risks.1, "every omitted specified risk must be found\n{details}");
    assert!(
        citations.0 * 10 >= citations.1 * 9,
        "at least 90% of wrong citations must be found\n{details}"
    );
    assert!(
        total.per_thousand() <= 1.0,
        "at most 1 false alarm per 1,000 words on the faithful documents\n{details}"
    );
}

fn row(table: &mut String, name: &str, t: &Tally) {
    let cell = |(found, planted): (usize, usize)| format!("{found}/{planted}");
    let _ = writeln!(
        table,
        "{:<22} {:>8} {:>10} {:>6} {:>12} {:>6} {:>10.2}",
        name,
        cell(t.counts[0]),
        cell(t.counts[1]),
        cell(t.counts[2]),
        t.false_alarms,
        t.words,
        t.per_thousand()
    );
}

fn case_dir(case: &str) -> PathBuf {
    repo_root().join("tests/faithfulness").join(case)
}

fn run_case(corpus: &Path, case: &str, file: &str, details: &mut String) -> Tally {
    let dir = case_dir(case);
    let faithful = std::fs::read_to_string(dir.join("faithful.md")).unwrap();
    let planted_text = std::fs::read_to_string(dir.join("planted.md")).unwrap();
    let planted = parse_planted(&std::fs::read_to_string(dir.join("planted.json")).unwrap());
    assert!(!planted.is_empty(), "{case}: no planted errors");

    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("faithfulness.candor");
    candor_core::create_project(&project).unwrap();
    let imported = candor_core::import_files(&project, &[corpus.join(file)], NOW, &mut ()).unwrap();
    for outcome in &imported {
        assert!(outcome.is_ok(), "{case}: {file} did not import: {outcome:?}");
    }

    let mut tally = Tally::default();
    let _ = writeln!(details, "== {case}");

    // The faithful document: its warnings and errors are false alarms.
    let (diagnostics, words) = check(&project, &faithful);
    tally.words = words;
    for d in diagnostics.iter().filter(|d| is_alarm(d)) {
        tally.false_alarms += 1;
        let _ = writeln!(
            details,
            "  false alarm {} at {}: {}",
            d.code,
            quote_at(&faithful, d.span.start, d.span.end),
            d.message
        );
    }

    // The planted document: each planted error found or missed.
    let (diagnostics, _) = check(&project, &planted_text);
    for p in &planted {
        let found = detected(p, &planted_text, &diagnostics);
        let slot = &mut tally.counts[KINDS.iter().position(|k| *k == p.kind).unwrap()];
        slot.1 += 1;
        if found {
            slot.0 += 1;
        } else {
            let _ = writeln!(details, "  missed {:?} {:?} ({})", p.kind, p.quote, p.note);
            // What was said on that line instead, to see why.
            if let Some(at) = planted_text.find(&p.quote) {
                let line_start = planted_text[..at].rfind('\n').map_or(0, |i| i + 1);
                let line_end = planted_text[at..].find('\n').map_or(planted_text.len(), |i| at + i);
                for d in diagnostics.iter().filter(|d| {
                    d.span.start < line_end
                        && line_start < d.span.end
                        && !d.code.starts_with("plain/")
                }) {
                    let _ = writeln!(details, "    on that line: {} {}", d.code, d.message);
                }
            }
        }
    }
    tally
}

/// The diagnostics of `text` stored as a document of `project`, and its word count.
fn check(project: &Path, text: &str) -> (Vec<Diagnostic>, u32) {
    let id = candor_core::put_document(project, None, text, "test", NOW).unwrap();
    let checked =
        candor_core::check_project(project, Some(id.as_str()), &CheckOptions::default()).unwrap();
    let report = checked.into_iter().next().unwrap().report;
    let words = report.readability.as_ref().map_or(0, |r| r.whole.stats.words);
    (report.diagnostics, words)
}

fn is_alarm(d: &Diagnostic) -> bool {
    matches!(d.severity, Severity::Warning | Severity::Error)
        && ["cite/", "figure/", "source/"].iter().any(|f| d.code.starts_with(f))
}

fn quote_at(text: &str, start: usize, end: usize) -> String {
    let line = text[..start.min(text.len())].matches('\n').count() + 1;
    let written = text.get(start..end).unwrap_or("");
    format!("line {line} “{}”", written.chars().take(90).collect::<String>())
}

fn detected(p: &Planted, text: &str, diagnostics: &[Diagnostic]) -> bool {
    let overlaps =
        |d: &Diagnostic, start: usize, end: usize| d.span.start < end && start < d.span.end;
    match p.kind {
        Kind::Risk => diagnostics.iter().any(|d| {
            d.code == "risk/specified-risk-not-covered"
                && d.fix
                    .as_ref()
                    .is_some_and(|f| f.replacement.contains(&format!("category: {}\n", p.quote)))
        }),
        Kind::Figure | Kind::Citation => {
            assert_eq!(text.matches(&p.quote).count(), 1, "quote not unique: {}", p.quote);
            let start = text.find(&p.quote).unwrap();
            let end = start + p.quote.len();
            if p.kind == Kind::Figure {
                return diagnostics.iter().any(|d| {
                    matches!(d.code.as_str(), "figure/contradicts" | "figure/not-found")
                        && overlaps(d, start, end)
                });
            }
            let supported = supported_from(text, start);
            diagnostics.iter().any(|d| match d.code.as_str() {
                "cite/unrelated" | "cite/unknown-passage" => overlaps(d, start, end),
                "figure/other-passage" => overlaps(d, supported, end),
                _ => false,
            })
        }
    }
}

/// Where the text a link at `start` supports begins: after the previous source link of its
/// paragraph, or at the paragraph's start.
fn supported_from(text: &str, start: usize) -> usize {
    let before = &text[..start];
    let paragraph = before.rfind("\n\n").map_or(0, |i| i + 2);
    let link = before[paragraph..].rfind("](source:").map(|i| {
        let from = paragraph + i;
        text[from..start].find(')').map_or(from, |j| from + j + 1)
    });
    link.unwrap_or(paragraph)
}

/// `planted.json`: an array of flat objects with string values (`kind`, `quote`, `note`).
fn parse_planted(json: &str) -> Vec<Planted> {
    let strings = json_strings(json);
    let mut out = Vec::new();
    let mut fields: Vec<(String, String)> = Vec::new();
    for pair in strings.chunks(2) {
        if let [key, value] = pair {
            fields.push((key.clone(), value.clone()));
        }
    }
    let get = |fields: &[(String, String)], key: &str| {
        fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default()
    };
    for object in fields.chunks(3) {
        let kind = match get(object, "kind").as_str() {
            "wrong-figure" => Kind::Figure,
            "wrong-citation" => Kind::Citation,
            "omitted-specified-risk" => Kind::Risk,
            other => panic!("unknown kind {other:?} in planted.json"),
        };
        out.push(Planted { kind, quote: get(object, "quote"), note: get(object, "note") });
    }
    out
}

/// Every string literal of a JSON text, in order (escapes decoded).
fn json_strings(json: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = json.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        let code = u32::from_str_radix(&hex, 16).unwrap();
                        s.push(char::from_u32(code).unwrap());
                    }
                    Some(other) => s.push(other),
                    None => break,
                },
                other => s.push(other),
            }
        }
        out.push(s);
    }
    out
}
