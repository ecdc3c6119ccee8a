//! Import time of PDFs beside `pdftotext` on the same files, with the ratio (target: at
//! most 2). Best of several runs each.
//!
//! ```text
//! cargo run --release -p candor-pdf --example time_import [--runs N] [FILE.pdf ...]
//! ```
//! Without files it times the three corpus PDFs in ../shared/corpus. A 300-page PDF to time:
//! `.venv/bin/python -c "import typst; typst.compile('crates/candor-pdf/tests/fixtures/long.typ', output='/tmp/long-300.pdf')"`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn best(runs: usize, mut f: impl FnMut() -> bool) -> Option<Duration> {
    let mut best: Option<Duration> = None;
    for _ in 0..runs {
        let start = Instant::now();
        if !f() {
            return None;
        }
        let t = start.elapsed();
        best = Some(best.map_or(t, |b| b.min(t)));
    }
    best
}

fn main() {
    let mut runs = 5;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs);
        } else {
            files.push(arg.into());
        }
    }
    if files.is_empty() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
        for name in [
            "fmti-indicators.pdf",
            "llama-2-responsible-use-guide.pdf",
            "owasp-llm-ai-security-governance-checklist-v1.1.pdf",
        ] {
            files.push(corpus.join(name));
        }
    }
    println!(
        "{:<55} {:>6} {:>10} {:>11} {:>6}",
        "file", "pages", "candor ms", "pdftotext ms", "ratio"
    );
    let mut worst: f64 = 0.0;
    for path in &files {
        let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                println!("{name}: {e}");
                continue;
            }
        };
        let mut pages = 0;
        let ours = best(runs, || match candor_pdf::import(&bytes) {
            Ok(w) => {
                pages = w.value.pages.unwrap_or(0);
                true
            }
            Err(e) => {
                println!("{name}: {e}");
                false
            }
        });
        let theirs = best(runs, || {
            Command::new("pdftotext")
                .arg(path)
                .arg("-")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        });
        let ms = |d: Option<Duration>| d.map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0);
        let ratio = ms(ours) / ms(theirs);
        if ratio.is_finite() {
            worst = worst.max(ratio);
        }
        println!("{name:<55} {pages:>6} {:>10.1} {:>11.1} {ratio:>6.2}", ms(ours), ms(theirs));
    }
    println!("worst ratio: {worst:.2} (target: at most 2.00)");
}
