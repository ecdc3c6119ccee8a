//! Word recovery: the share of a reference text's words (pdftotext's) that an extraction
//! holds, compared as multisets of normalised words.
//!
//! Normalising: compatibility ligatures expanded (ﬁ -> fi), a hyphen at a line end joined
//! with the next line when that starts lowercase ("evalu-\nation" -> "evaluation"), words
//! split at white space, lowercased, and every character that is not a letter or digit
//! dropped (so "red-teaming," and "redteaming" are one word). Empty words are ignored.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

/// The normalised words of `text`, counted.
pub fn words(text: &str) -> HashMap<String, usize> {
    let text = expand_ligatures(text);
    let joined = join_hyphenation(&text);
    let mut counts = HashMap::new();
    for raw in joined.split_whitespace() {
        let word: String =
            raw.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        if !word.is_empty() {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    counts
}

/// Share (0..=1) of the reference's words found in `extracted`, counting repeats.
pub fn recovery(reference: &str, extracted: &str) -> f64 {
    let reference = words(reference);
    let extracted = words(extracted);
    let total: usize = reference.values().sum();
    if total == 0 {
        return 1.0;
    }
    let found: usize =
        reference.iter().map(|(word, &n)| n.min(extracted.get(word).copied().unwrap_or(0))).sum();
    found as f64 / total as f64
}

/// pdftotext's plain text of `path`, or None when pdftotext cannot be run.
pub fn pdftotext(path: &Path) -> Option<String> {
    let output = Command::new("pdftotext").arg(path).arg("-").output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn expand_ligatures(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            '\u{AD}' => out.push('-'),
            _ => out.push(c),
        }
    }
    out
}

fn join_hyphenation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_end();
        let next_lower = lines
            .peek()
            .and_then(|n| n.trim_start().chars().next())
            .is_some_and(char::is_lowercase);
        let ends_hyphen =
            trimmed.ends_with('-') && trimmed.chars().rev().nth(1).is_some_and(char::is_alphabetic);
        if ends_hyphen && next_lower {
            out.push_str(&trimmed[..trimmed.len() - 1]);
            if let Some(next) = lines.next() {
                out.push_str(next.trim_start());
                out.push('\n');
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
