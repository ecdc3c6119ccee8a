//! Candor's readability scores and counts for plain-text files, with the time scoring takes,
//! as JSON on stdout (bench/readability_vs_textstat.py compares them with textstat's).
//!
//!     cargo run --release -p candor-analysis --example readability_scores -- \
//!         [--runs N] --lang en FILE... [--lang de FILE...] [FILE:lang ...]
//!
//! `--lang TAG` applies to the files after it; `FILE:TAG` sets one file's language. Each
//! non-empty line of a file is one unit (a paragraph, heading or list item), as Candor's
//! document model hands them to the readability code; the units' counts are summed, so the
//! scores are those of the whole text. The time is for scoring the whole text (splitting it
//! into units, counting, all formulas of its language): the median of N runs (default 7),
//! in milliseconds. `--per-line` adds each line's words and syllables ("lines"), for
//! comparing syllable counts word by word (a file of one word a line).

use std::hint::black_box;
use std::time::Instant;

use candor_analysis::{Formula, Language, Readability, TextStats};
use serde_json::{Map, Value, json};

fn main() {
    let mut runs = 7usize;
    let mut per_line = false;
    let mut lang: Option<String> = None;
    let mut files: Vec<(String, String)> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => runs = n,
                _ => fail("--runs needs a positive number"),
            },
            "--per-line" => per_line = true,
            "--lang" => match args.next() {
                Some(tag) => lang = Some(tag),
                None => fail("--lang needs a language tag (en, de, fr, es, it, nl)"),
            },
            "-h" | "--help" => {
                println!(
                    "usage: readability_scores [--runs N] [--per-line] --lang TAG FILE... | FILE:TAG ...\n\
                     prints Candor's readability scores, counts and timing per file as JSON"
                );
                return;
            }
            _ => {
                // FILE:TAG, unless the part after the last colon is no language tag.
                let split = arg
                    .rsplit_once(':')
                    .filter(|(_, tag)| Language::from_tag(tag).is_some())
                    .map(|(file, tag)| (file.to_owned(), tag.to_owned()));
                match (split, &lang) {
                    (Some(pair), _) => files.push(pair),
                    (None, Some(tag)) => files.push((arg, tag.clone())),
                    (None, None) => {
                        fail(&format!("{arg}: no language (use --lang TAG or FILE:TAG)"))
                    }
                }
            }
        }
    }
    if files.is_empty() {
        fail("no files given (usage: readability_scores --lang en FILE...)");
    }

    let mut out = Vec::new();
    for (path, tag) in &files {
        let language = Language::from_tag(tag)
            .unwrap_or_else(|| fail(&format!("{path}: Candor has no formulas for language {tag}")));
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| fail(&format!("cannot read {path}: {e}")));
        let readability = score(&text, language);
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                black_box(score(black_box(&text), language));
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median = if runs % 2 == 1 {
            times[runs / 2]
        } else {
            (times[runs / 2 - 1] + times[runs / 2]) / 2.0
        };
        let mut scores = Map::new();
        let mut names = Map::new();
        for s in &readability.scores {
            let key = formula_key(s.formula);
            scores.insert(key.clone(), json!(s.value));
            names.insert(key, json!(s.formula.name()));
        }
        let mut entry = json!({
            "file": path,
            "language": language.code(),
            "stats": readability.stats,
            "scores": scores,
            "names": names,
            "runs": runs,
            "ms_median": median,
            "ms_min": times[0],
            "ms_max": times[runs - 1],
        });
        if per_line {
            let lines: Vec<Value> = text
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(|line| {
                    let stats = TextStats::of(line, Some(language));
                    json!([line, stats.words, stats.syllables])
                })
                .collect();
            entry["lines"] = Value::Array(lines);
        }
        out.push(entry);
    }
    match serde_json::to_string_pretty(&Value::Array(out)) {
        Ok(text) => println!("{text}"),
        Err(e) => fail(&format!("cannot write JSON: {e}")),
    }
}

/// The scores of a whole text: each non-empty line is one unit; the counts are summed.
fn score(text: &str, language: Language) -> Readability {
    let mut stats = TextStats::default();
    for unit in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        stats.add(&TextStats::of(unit, Some(language)));
    }
    Readability::from_stats(stats, Some(language))
}

/// The formula's name as Candor serialises it ("flesch-reading-ease", "lix", ...).
fn formula_key(formula: Formula) -> String {
    match serde_json::to_value(formula) {
        Ok(Value::String(key)) => key,
        _ => formula.name().to_owned(),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("readability_scores: {message}");
    std::process::exit(2);
}
