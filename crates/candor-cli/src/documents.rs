//! `candor doc new|put|get|list|history|restore` and `candor starters`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use crate::output::print_json;

#[derive(Subcommand)]
pub enum DocCommand {
    /// Create a document from a starter, pre-filled from the project's sources; prints its id.
    New {
        project: PathBuf,
        /// The starter (`candor starters` lists them).
        #[arg(long, value_name = "ID")]
        starter: String,
        /// A source of the project to explain and cite; repeat for several.
        #[arg(long = "source", value_name = "ID")]
        sources: Vec<String>,
        /// Print the new document's id, starter and sources as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Store a companion document (a new one, or with --id a new version); prints its id.
    Put {
        project: PathBuf,
        /// The Markdown file, or - for standard input.
        file: PathBuf,
        /// Save as a new version of this document instead of creating one.
        #[arg(long)]
        id: Option<String>,
        /// A note for the version history.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Print a document's text (the latest version, or --version N).
    Get {
        project: PathBuf,
        id: String,
        #[arg(long)]
        version: Option<u32>,
    },
    /// List the documents of a project.
    List {
        project: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// List every version of a document.
    History {
        project: PathBuf,
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Make an earlier version the latest again (as a new version).
    Restore {
        project: PathBuf,
        id: String,
        version: u32,
        /// Print the new version as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: DocCommand) -> anyhow::Result<ExitCode> {
    match command {
        DocCommand::New { project, starter, sources, json } => {
            let id =
                candor_core::new_document(&project, &starter, &sources, &candor_core::now_utc())?;
            if json {
                print_json(&serde_json::json!({
                    "id": id.to_string(),
                    "starter": starter,
                    "sources": sources,
                }))?;
            } else {
                println!("{id}");
            }
        }
        DocCommand::Put { project, file, id, note } => {
            let text = read_text(&file)?;
            let id = candor_core::put_document(
                &project,
                id.as_deref(),
                &text,
                &note,
                &candor_core::now_utc(),
            )?;
            println!("{id}");
        }
        DocCommand::Get { project, id, version } => {
            print!("{}", candor_core::get_document(&project, &id, version)?);
        }
        DocCommand::List { project, json } => {
            let documents = candor_core::list_documents(&project)?;
            if json {
                print_json(&documents)?;
            } else if documents.is_empty() {
                println!(
                    "{} has no documents yet; add one with `candor doc put`",
                    project.display()
                );
            } else {
                for d in documents {
                    println!(
                        "{}  {} (version {}, {})",
                        d.id, d.title, d.latest.number, d.latest.at
                    );
                }
            }
        }
        DocCommand::History { project, id, json } => {
            let versions = candor_core::document_history(&project, &id)?;
            if json {
                print_json(&versions)?;
            } else {
                for v in versions {
                    let from =
                        v.restored_from.map(|n| format!(" (from version {n})")).unwrap_or_default();
                    let note =
                        if v.note.is_empty() { String::new() } else { format!(": {}", v.note) };
                    println!("{:>4}  {}  {}{from}{note}", v.number, v.at, v.kind.id());
                }
            }
        }
        DocCommand::Restore { project, id, version, json } => {
            let v = candor_core::restore_version(&project, &id, version, &candor_core::now_utc())?;
            if json {
                print_json(&v)?;
            } else {
                println!("restored version {version} of {id} as version {}", v.number);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `candor starters`: one starter per line with its description, or JSON.
pub fn list_starters(json: bool) -> anyhow::Result<ExitCode> {
    let starters = candor_core::starters();
    if json {
        print_json(&starters)?;
    } else {
        for s in starters {
            println!("{}  {}\n    {}", s.id, s.title, s.description);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A companion document from a file or standard input, as UTF-8 text.
fn read_text(file: &Path) -> anyhow::Result<String> {
    if file == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        return Ok(text);
    }
    Ok(candor_core::load_document(file)?.text)
}
