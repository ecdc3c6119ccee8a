//! `make bench`: the plain-language checks and readability on a 100,000-word companion
//! document (target: under 200 ms in a release build), and a second check after one
//! paragraph was edited (target: under 5 ms). Prints medians of several runs.
//!
//! The document is the example companion document repeated until it has 100,000 words, each
//! copy's paragraphs made distinct (a sentence naming the copy is added to every line of
//! prose), so nothing is analysed once and reused.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Instant;

use candor_analysis::glossary::Glossary;
use candor_analysis::{PlainLanguageChecker, document_readability};

const EXAMPLE: &str = include_str!("../../../examples/example-project/aurora-2-public-summary.md");
const WORDS: usize = 100_000;
const RUNS: usize = 9;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let (front, body) = split_front_matter(EXAMPLE);
    let body_words = body.split_whitespace().count().max(1);
    let mut text = front.to_owned();
    let mut copy = 0;
    while text.split_whitespace().count() < WORDS + body_words / 2 && copy < 10_000 {
        copy += 1;
        text.push_str(&format!("\n# Part {copy}\n\n"));
        text.push_str(&distinct(body, copy));
    }
    let words = text.split_whitespace().count();
    let doc = candor_import::parse_companion(&text).value;
    let glossary = Arc::new(Glossary::builtin().clone());

    // Whole analysis, from nothing remembered: every rule and readability per section.
    let mut whole = Vec::new();
    let mut found = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let mut checker = PlainLanguageChecker::new(Arc::clone(&glossary));
        found = checker.check(&doc, &text).len();
        let readability = document_readability(&doc);
        std::hint::black_box(readability);
        whole.push(started.elapsed().as_secs_f64() * 1000.0);
    }

    // One paragraph edited: the checker remembers the rest.
    let mut checker = PlainLanguageChecker::new(Arc::clone(&glossary));
    checker.check(&doc, &text);
    let at = text.find("\n\n").map_or(0, |i| i + 2);
    let anchor = text[text.len() / 2..].find("\n\nThe ").map_or(at, |i| text.len() / 2 + i + 2);
    let mut readability = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        std::hint::black_box(document_readability(&doc));
        readability.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let mut edit = Vec::new();
    let mut analysed = 0;
    for run in 0..RUNS {
        let mut edited = text.clone();
        edited.insert_str(anchor, &format!("Edit {run} was made here. "));
        let edited_doc = candor_import::parse_companion(&edited).value;
        let started = Instant::now();
        std::hint::black_box(checker.check(&edited_doc, &edited));
        edit.push(started.elapsed().as_secs_f64() * 1000.0);
        analysed = checker.last_analysed();
    }
    println!("  {words} words, {found} findings");
    println!(
        "  readability per paragraph, section and whole, alone: median {:.1} ms",
        median(readability)
    );
    println!(
        "  whole analysis (all rules + readability): median {:.1} ms (target < 200 ms)",
        median(whole)
    );
    println!(
        "  re-check after editing one paragraph ({analysed} unit analysed again): median {:.2} ms (target < 5 ms)",
        median(edit)
    );
}

/// The body with "This is copy N." added to every line of prose outside fenced blocks.
fn distinct(body: &str, copy: usize) -> String {
    let mut out = String::with_capacity(body.len() + 4096);
    let mut fenced = false;
    for line in body.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        out.push_str(line);
        if !fenced && line.ends_with('.') && line.chars().next().is_some_and(char::is_alphabetic) {
            out.push_str(&format!(" This is copy {copy}."));
        }
        out.push('\n');
    }
    out
}

fn split_front_matter(text: &str) -> (&str, &str) {
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---\n")
    {
        let cut = 4 + end + 5;
        return (&text[..cut], &text[cut..]);
    }
    ("", text)
}
