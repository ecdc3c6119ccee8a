//! `candor`: Candor on the command line. A thin layer over candor-core: it parses
//! arguments, calls one use case and prints the outcome for people or, with `--json`,
//! for scripts.

mod brand;
mod check;
mod diff;
mod documents;
mod export;
mod output;
mod removals;
mod review;
mod sources;
mod taxonomy;

use std::path::PathBuf;
use std::process::ExitCode;

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
    /// Typeset a companion document to PDF and/or HTML, and write its risks as JSON or
    /// as an embeddable HTML fragment.
    ///
    /// DOCUMENT is a Markdown file, or a project file followed by a document id.
    Export {
        /// The companion document (DOC.md), or a project (P.candor) …
        document: PathBuf,
        /// … and the id of a document in it.
        id: Option<String>,
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
        /// Write the risks as JSON (described by schemas/risk-cards.schema.json) here.
        #[arg(long, value_name = "OUT.json")]
        risk_json: Option<PathBuf>,
        /// Write the risks as an HTML fragment with scoped styles, to embed in a product.
        #[arg(long, value_name = "OUT.html")]
        risk_html: Option<PathBuf>,
        /// Print the files written and the diagnostics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Report every problem and the readability of a companion document, or of every
    /// document of a project, writing nothing. Exits with 1 when there are errors.
    Check {
        /// A companion document (DOC.md) or a project (P.candor).
        document: PathBuf,
        /// Only this document of the project.
        #[arg(long, value_name = "ID")]
        doc: Option<String>,
        /// Check as if the document were in this language (en, de, fr, es, it, nl …).
        #[arg(long, value_name = "xx")]
        lang: Option<String>,
        /// How to print the outcome.
        #[arg(long, value_enum, default_value_t = check::Format::Text)]
        format: check::Format,
        /// The same as --format json.
        #[arg(long)]
        json: bool,
    },
    /// Show a project's own glossary entries, or replace them with --set FILE.
    ///
    /// The entries use the built-in glossary's format (docs/glossary.md); they add terms and
    /// override built-in ones with the same id.
    Glossary {
        project: PathBuf,
        /// A file with the project's entries (- for standard input).
        #[arg(long, value_name = "FILE")]
        set: Option<PathBuf>,
    },
    /// Show or replace a project's own risk categories and kinds of mitigation, or list
    /// every category and kind risk blocks may name (--list).
    Taxonomy {
        /// The project (P.candor); optional with --list.
        project: Option<PathBuf>,
        /// A file with the project's own entries (- for standard input).
        #[arg(long, value_name = "FILE", conflicts_with = "list")]
        set: Option<PathBuf>,
        /// List every category and kind: the built-in ones, and the project's own.
        #[arg(long)]
        list: bool,
        /// Names and descriptions in this language (en, de, fr) with --list.
        #[arg(long, value_name = "xx", requires = "list")]
        lang: Option<String>,
        /// Print the list as JSON.
        #[arg(long, requires = "list")]
        json: bool,
    },
    /// Create an empty project file, or with --example the bundled example project.
    New {
        /// The project file to create (P.candor); an existing file is never overwritten.
        project: PathBuf,
        /// Fill it with the bundled example: a fictional model report and its public summary.
        #[arg(long)]
        example: bool,
    },
    /// List the starters a new document can be created from (`candor doc new --starter`).
    Starters {
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import technical sources (PDF, DOCX, HTML, Markdown, CycloneDX or SPDX JSON).
    Import {
        project: PathBuf,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Import the file as a new version of this source (the old content is kept, and
        /// documents citing passages that changed are told so).
        #[arg(long, value_name = "SOURCE-ID")]
        update: Option<String>,
        /// Print the outcome as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Confirm that a document's citations still hold after its sources changed (all of
    /// them, or one: --citation SOURCE#PASSAGE as the document writes it).
    Confirm {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: String,
        #[arg(long, value_name = "SOURCE#PASSAGE")]
        citation: Option<String>,
        #[arg(long = "as", value_name = "NAME")]
        as_name: Option<String>,
    },
    /// List what a document leaves out of its sources or cannot back with them: risks
    /// without a card, sections about risks and disclosed items it does not cite, figures not
    /// found, citations to check, figures without a citation, citations of changed passages.
    Gaps {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: String,
        /// text for people, json for scripts (format candor-gaps/1), pdf for reviewers.
        #[arg(long, value_enum, default_value_t = sources::GapsFormat::Text)]
        format: sources::GapsFormat,
        /// Write the report here instead of printing it (required for pdf).
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// List the sources of a project.
    Sources {
        project: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Show one source: its outline, its disclosure map, or everything as JSON.
    Show {
        project: PathBuf,
        source: String,
        /// The section outline (the default).
        #[arg(long, group = "view")]
        outline: bool,
        /// Which transparency fields the source discloses.
        #[arg(long, group = "view")]
        fields: bool,
        /// The whole source (content, outline, disclosure map) as JSON.
        #[arg(long, group = "view")]
        json: bool,
    },
    /// Show how two versions of a document differ, word by word.
    Diff {
        project: PathBuf,
        /// The document.
        #[arg(long, value_name = "ID")]
        doc: String,
        /// The older version (`candor doc history` lists them) …
        from: u32,
        /// … and the newer one.
        to: u32,
        /// How to print the differences.
        #[arg(long, value_enum, default_value_t = diff::Format::Inline)]
        format: diff::Format,
    },
    /// Show or set the branding of a project's documents: organisation, logo, colours, font.
    Brand(brand::BrandArgs),
    /// Companion documents stored in a project.
    Doc {
        #[command(subcommand)]
        command: documents::DocCommand,
    },
    /// Review offline: send review copies, comment and suggest, merge the copies back,
    /// approve, see where a review stands.
    Review {
        #[command(subcommand)]
        command: review::ReviewCommand,
    },
    /// The removals log: what was deliberately left out of a document's public version and
    /// why (list; --add; --withdraw). It stays in the project and is never exported.
    Removals(removals::RemovalsArgs),
    /// Publish an approved document: PDF/UA-1, HTML, risk cards as JSON and a manifest of
    /// SHA-256 sums, into one folder. The same version always gives the same bytes.
    Publish {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Publish although the document is not approved or has errors; the reason is
        /// recorded in the manifest and the project.
        #[arg(long, value_name = "REASON")]
        force: Option<String>,
        #[arg(long = "as", value_name = "NAME")]
        as_name: Option<String>,
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
        Command::Export {
            document,
            id,
            pdf,
            html,
            pdf_standard,
            typst_source,
            risk_json,
            risk_html,
            json,
        } => {
            let standard = match pdf_standard {
                Standard::Tagged => candor_core::PdfStandard::Tagged,
                Standard::Ua1 => candor_core::PdfStandard::Ua1,
            };
            export::export(
                export::Outputs {
                    pdf,
                    html,
                    pdf_standard: standard,
                    typst_source,
                    risk_json,
                    risk_html,
                },
                document,
                id,
                json,
            )
        }
        Command::Check { document, doc, lang, format, json } => {
            let format = if json { check::Format::Json } else { format };
            check::check(&document, doc.as_deref(), lang, format)
        }
        Command::Glossary { project, set } => check::glossary(&project, set.as_deref()),
        Command::Taxonomy { project, set, list, lang, json } => {
            taxonomy::taxonomy(project.as_deref(), set.as_deref(), list, lang.as_deref(), json)
        }
        Command::New { project, example } => sources::new(&project, example),
        Command::Starters { json } => documents::list_starters(json),
        Command::Import { project, files, update: Some(id), json: _ } => {
            sources::update(&project, &id, &files)
        }
        Command::Import { project, files, update: None, json } => {
            sources::import(&project, &files, json)
        }
        Command::Confirm { project, doc, citation, as_name } => {
            sources::confirm(&project, &doc, citation.as_deref(), as_name.as_deref())
        }
        Command::Gaps { project, doc, format, out } => {
            sources::gaps(&project, &doc, format, out.as_deref())
        }
        Command::Sources { project, json } => sources::list(&project, json),
        Command::Show { project, source, outline: _, fields, json } => {
            sources::show(&project, &source, fields, json)
        }
        Command::Diff { project, doc, from, to, format } => {
            diff::diff(&project, &doc, from, to, format)
        }
        Command::Brand(args) => brand::brand(args),
        Command::Doc { command } => documents::run(command),
        Command::Review { command } => review::run(command),
        Command::Removals(args) => removals::removals(args),
        Command::Publish { project, doc, out, force, as_name } => {
            review::publish(project, doc, out, force, as_name.as_deref())
        }
    }
}
