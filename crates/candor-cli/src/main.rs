//! `candor`: Candor on the command line. A thin layer over candor-core.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use candor_core::{Diagnostic, ExportReport, ExportRequest, LineIndex, PdfStandard};
use clap::{Parser, Subcommand, ValueEnum};

/// Candor turns technical AI documentation into plain-language public documents.
#[derive(Parser)]
#[command(name = "candor", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Typeset a companion document to PDF and/or HTML.
    Export {
        /// The companion document (Markdown with YAML front matter).
        document: PathBuf,
        /// Write a tagged PDF here.
        #[arg(long, value_name = "OUT.pdf")]
        pdf: Option<PathBuf>,
        /// Write a self-contained HTML file here.
        #[arg(long, value_name = "OUT.html")]
        html: Option<PathBuf>,
        /// The PDF standard to meet.
        #[arg(long, value_enum, default_value_t = Standard::Tagged)]
        pdf_standard: Standard,
        /// Also write the generated typst project into this folder.
        #[arg(long, value_name = "DIR")]
        typst_source: Option<PathBuf>,
    },
    /// Report every problem in a companion document without writing anything.
    Check {
        /// The companion document.
        document: PathBuf,
        /// Print diagnostics as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Standard {
    /// Tagged PDF with title and language.
    Tagged,
    /// PDF/UA-1 (ISO 14289-1).
    #[value(name = "ua-1")]
    Ua1,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("candor: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Export { document, pdf, html, pdf_standard, typst_source } => {
            if pdf.is_none() && html.is_none() && typst_source.is_none() {
                eprintln!(
                    "candor export: say what to write with --pdf OUT.pdf and/or --html OUT.html"
                );
                return Ok(ExitCode::from(2));
            }
            let request = ExportRequest {
                document: document.clone(),
                pdf,
                html,
                pdf_standard: match pdf_standard {
                    Standard::Tagged => PdfStandard::Tagged,
                    Standard::Ua1 => PdfStandard::Ua1,
                },
                typst_source,
            };
            let report = candor_core::export_document(&request, &mut ())?;
            print_diagnostics(&document, &report);
            if report.has_errors() {
                eprintln!(
                    "candor: {} was not exported because of the errors above",
                    document.display()
                );
                return Ok(ExitCode::from(1));
            }
            for path in &report.written {
                if !path.starts_with(request.typst_source.as_deref().unwrap_or(Path::new("\0"))) {
                    println!("wrote {}", path.display());
                }
            }
            if let Some(dir) = &request.typst_source {
                println!("wrote the typst project to {}", dir.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { document, json } => {
            let report = candor_core::check_document(&document)?;
            if json {
                let index = LineIndex::new(&report.text);
                let list: Vec<_> = report
                    .diagnostics
                    .iter()
                    .map(|d| {
                        let at = index.line_col(d.span.start);
                        serde_json::json!({
                            "file": document.display().to_string(),
                            "line": at.line,
                            "column": at.column,
                            "severity": d.severity.as_str(),
                            "code": d.code,
                            "message": d.message,
                            "hints": d.hints,
                        })
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                print_diagnostics(&document, &report);
                let errors = report.diagnostics.iter().filter(|d| is_error(d)).count();
                let warnings = report.diagnostics.len() - errors;
                eprintln!("{}: {errors} error(s), {warnings} warning(s)", document.display());
            }
            Ok(if report.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}

fn is_error(d: &Diagnostic) -> bool {
    d.severity == candor_core::Severity::Error
}

/// `file:line:col: severity[code]: message`, one per line, hints indented below.
fn print_diagnostics(file: &Path, report: &ExportReport) {
    let index = LineIndex::new(&report.text);
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    for d in &report.diagnostics {
        let at = index.line_col(d.span.start);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            file.display(),
            at.line,
            at.column,
            d.severity.as_str(),
            d.code,
            d.message
        );
        for hint in &d.hints {
            let _ = writeln!(out, "  hint: {hint}");
        }
    }
}
