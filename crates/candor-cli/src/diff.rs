//! `candor diff`: how two versions of a document differ, word by word.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use candor_core::{DiffLineItem, DiffRowItem, VersionDiff};
use clap::ValueEnum;

use crate::output::print_json;

/// Unchanged lines shown around each change.
const CONTEXT: usize = 3;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// The text with [-removed-]{+added+} words, like `git diff --word-diff`.
    Inline,
    /// The two versions in two columns, fitted to the terminal.
    SideBySide,
    /// Everything (runs, side-by-side rows, counts) as JSON.
    Json,
}

pub fn diff(
    project: &Path,
    doc: &str,
    from: u32,
    to: u32,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let diff = candor_core::diff_versions(project, doc, from, to)?;
    let terminal = std::io::stdout().is_terminal();
    match format {
        Format::Json => print_json(&diff)?,
        _ if diff.identical => {
            println!("Versions {from} and {to} of `{doc}` are the same.");
        }
        Format::Inline => print!("{}", inline(&diff, terminal)),
        Format::SideBySide => {
            let width = if terminal { terminal_width() } else { 80 };
            print!("{}", side_by_side(&diff, width, terminal));
        }
    }
    if !matches!(format, Format::Json) && !diff.identical {
        println!(
            "{} word{} added, {} removed (version {} → {})",
            diff.words_added,
            if diff.words_added == 1 { "" } else { "s" },
            diff.words_removed,
            diff.from.number,
            diff.to.number
        );
    }
    Ok(ExitCode::SUCCESS)
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

/// The new text with removed and added words marked; long unchanged stretches are folded to
/// `@@ line N @@` headers (N counts lines of the newer version).
pub fn inline(diff: &VersionDiff, colour: bool) -> String {
    let mut out = String::new();
    let last = diff.runs.len().saturating_sub(1);
    let mut new_line = 1;
    for (i, run) in diff.runs.iter().enumerate() {
        match run.kind.as_str() {
            "deleted" if colour => write!(out, "{RED}[-{}-]{RESET}", run.text),
            "deleted" => write!(out, "[-{}-]", run.text),
            "inserted" if colour => write!(out, "{GREEN}{{+{}+}}{RESET}", run.text),
            "inserted" => write!(out, "{{+{}+}}", run.text),
            _ => {
                let pieces: Vec<&str> = run.text.split_inclusive('\n').collect();
                let head = if i == 0 { 0 } else { CONTEXT + 1 };
                let tail = if i == last { 0 } else { CONTEXT + 1 };
                if pieces.len() > head + tail {
                    out.extend(pieces[..head].iter().copied());
                    let skipped = pieces.len() - head - tail;
                    let line = new_line + head + skipped;
                    if tail == 0 {
                        // Nothing follows: no header for what is left out at the end.
                    } else if colour {
                        let _ = writeln!(out, "{CYAN}@@ line {line} @@{RESET}");
                    } else {
                        let _ = writeln!(out, "@@ line {line} @@");
                    }
                    out.extend(pieces[pieces.len() - tail..].iter().copied());
                } else {
                    out.push_str(&run.text);
                }
                Ok(())
            }
        }
        .ok();
        if run.kind != "deleted" {
            new_line += run.text.matches('\n').count();
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The two versions in two columns of `width` characters in all; long lines are wrapped,
/// long unchanged stretches folded.
pub fn side_by_side(diff: &VersionDiff, width: usize, colour: bool) -> String {
    // "1234 text │ 1234 text"
    let column = width.saturating_sub(3).max(24) / 2;
    let text_width = column.saturating_sub(5).max(8);
    let changed: Vec<bool> = diff.rows.iter().map(row_changed).collect();
    let near_change = |i: usize| {
        let lo = i.saturating_sub(CONTEXT);
        let hi = (i + CONTEXT).min(changed.len().saturating_sub(1));
        changed[lo..=hi].iter().any(|c| *c)
    };
    let mut out = String::new();
    let mut folded = false;
    for (i, row) in diff.rows.iter().enumerate() {
        if !near_change(i) {
            if !folded {
                let fold = format!("{:^width$}", "⋯", width = column * 2 + 3);
                let _ = writeln!(out, "{}", fold.trim_end());
                folded = true;
            }
            continue;
        }
        folded = false;
        let left = side(row.left.as_ref(), text_width, colour, (RED, "[-", "-]"));
        let right = side(row.right.as_ref(), text_width, colour, (GREEN, "{+", "+}"));
        for k in 0..left.len().max(right.len()) {
            let blank = " ".repeat(column);
            let l = left.get(k).map_or(blank.as_str(), String::as_str);
            let r = right.get(k).map_or("", String::as_str);
            let row = format!("{l} │ {r}");
            let _ = writeln!(out, "{}", row.trim_end());
        }
    }
    out
}

fn row_changed(row: &DiffRowItem) -> bool {
    row.left.as_ref().is_none_or(|l| l.changed) || row.right.as_ref().is_none_or(|l| l.changed)
}

/// One side of a row as screen lines of exactly `text_width + 5` visible characters: the line
/// number, then the text wrapped, changed words marked in colour or with `open`/`close`.
fn side(
    line: Option<&DiffLineItem>,
    text_width: usize,
    colour: bool,
    (paint, open, close): (&str, &str, &str),
) -> Vec<String> {
    let Some(line) = line else { return vec![" ".repeat(text_width + 5)] };
    // Characters with whether they are painted.
    let mut cells: Vec<(char, bool)> = Vec::new();
    for part in &line.parts {
        let text = part.text.replace('\t', "    ");
        if part.changed && !colour {
            cells.extend(open.chars().map(|c| (c, false)));
            cells.extend(text.chars().map(|c| (c, false)));
            cells.extend(close.chars().map(|c| (c, false)));
        } else {
            cells.extend(text.chars().map(|c| (c, part.changed)));
        }
    }
    let chunks: Vec<&[(char, bool)]> =
        if cells.is_empty() { vec![&[][..]] } else { cells.chunks(text_width).collect() };
    chunks
        .iter()
        .enumerate()
        .map(|(k, chunk)| {
            let mut s = if k == 0 { format!("{:>4} ", line.number) } else { " ".repeat(5) };
            let mut painted = false;
            for &(c, paint_it) in *chunk {
                if paint_it != painted {
                    s.push_str(if paint_it { paint } else { RESET });
                    painted = paint_it;
                }
                s.push(c);
            }
            if painted {
                s.push_str(RESET);
            }
            s.push_str(&" ".repeat(text_width - chunk.len()));
            s
        })
        .collect()
}

/// The terminal's width: $COLUMNS, else what `stty size` says, else 80.
fn terminal_width() -> usize {
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()) {
        return n;
    }
    let tty = std::fs::File::open("/dev/tty").ok();
    tty.and_then(|tty| std::process::Command::new("stty").arg("size").stdin(tty).output().ok())
        .and_then(|out| {
            String::from_utf8_lossy(&out.stdout).split_whitespace().nth(1)?.parse().ok()
        })
        .filter(|n: &usize| *n > 0)
        .unwrap_or(80)
}
