//! `candor removals`: the log of what was deliberately left out of a document's public
//! version, and why. The log stays in the project file; exports only state that removals
//! were made.

use std::path::PathBuf;
use std::process::ExitCode;

use candor_core::RemovalRequest;
use clap::ValueEnum;

use crate::output::print_json;

/// Why something was left out.
#[derive(Clone, Copy, ValueEnum)]
pub enum Ground {
    /// Security-sensitive content.
    Security,
    /// Commercially sensitive content.
    Commercial,
    /// Personal data.
    #[value(name = "personal-data")]
    PersonalData,
    /// Another reason (give it with --reason).
    Other,
}

impl Ground {
    fn id(self) -> &'static str {
        match self {
            Ground::Security => "security",
            Ground::Commercial => "commercial",
            Ground::PersonalData => "personal-data",
            Ground::Other => "other",
        }
    }
}

/// List a document's removals log, record a removal, or withdraw one.
#[derive(clap::Args)]
pub struct RemovalsArgs {
    project: PathBuf,
    /// The document.
    #[arg(long, value_name = "ID")]
    doc: Option<String>,
    /// Record a removal: what was left out (--what), why (--why, --reason).
    #[arg(long, requires_all = ["doc", "what", "why"], conflicts_with = "withdraw")]
    add: bool,
    /// What was left out, in your words (never published).
    #[arg(long, value_name = "TEXT", requires = "add")]
    what: Option<String>,
    /// The ground for leaving it out.
    #[arg(long, value_enum, requires = "add")]
    why: Option<Ground>,
    /// The reason in your words (never published).
    #[arg(long, value_name = "TEXT", default_value = "", requires = "add")]
    reason: String,
    /// The source the left-out content comes from (`candor sources` lists them).
    #[arg(long, value_name = "ID", requires = "add")]
    source: Option<String>,
    /// The passage of that source (`candor show` lists them).
    #[arg(long, value_name = "PID", requires = "source")]
    passage: Option<String>,
    /// Withdraw a removal (its id, from the list): it stays in the log but no longer counts.
    #[arg(long, value_name = "REMOVAL-ID")]
    withdraw: Option<String>,
    /// Act as this person instead of the identity in the preferences.
    #[arg(long = "as", value_name = "NAME", requires = "add")]
    as_name: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn removals(args: RemovalsArgs) -> anyhow::Result<ExitCode> {
    let now = candor_core::now_utc();
    let project = &args.project;
    if let Some(id) = &args.withdraw {
        let item = candor_core::withdraw_removal(project, id, &now)?;
        if args.json {
            print_json(&item)?;
        } else {
            println!("withdrew removal {} from `{}`; it stays in the log", item.id, item.document);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(doc) = args.doc.as_deref() else {
        eprintln!("candor removals: name the document: --doc ID");
        return Ok(ExitCode::from(2));
    };
    if args.add {
        let identity =
            candor_core::default_config_dir().and_then(|dir| candor_core::load_identity(&dir));
        let by = candor_core::acting(identity.as_ref(), args.as_name.as_deref())?;
        let request = RemovalRequest {
            document: doc,
            what: args.what.as_deref().unwrap_or_default(),
            why: args.why.map(Ground::id).unwrap_or_default(),
            reason: &args.reason,
            source: args.source.as_deref(),
            passage: args.passage.as_deref(),
        };
        let item = candor_core::record_removal(project, &request, &by, &now)?;
        if args.json {
            print_json(&item)?;
        } else {
            println!(
                "recorded removal {} from `{doc}` ({}), decided by {}; the log is never exported",
                item.id, item.why, item.decided_by
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let items = candor_core::list_removals(project, doc)?;
    if args.json {
        print_json(&items)?;
        return Ok(ExitCode::SUCCESS);
    }
    if items.is_empty() {
        println!("nothing was recorded as left out of `{doc}`");
        return Ok(ExitCode::SUCCESS);
    }
    let active = items.iter().filter(|i| i.active).count();
    println!("{} removals from `{doc}` ({active} active); never exported:", items.len());
    for item in &items {
        let role = if item.decided_by_role.is_empty() {
            String::new()
        } else {
            format!(" ({})", item.decided_by_role)
        };
        let state = match &item.withdrawn_at {
            Some(at) => format!("  [withdrawn {at}]"),
            None => String::new(),
        };
        println!(
            "{}  {}  {}{role}  {}{state}",
            item.id, item.why, item.decided_by, item.decided_at
        );
        println!("    what: {}", item.what);
        if !item.reason.is_empty() {
            println!("    why:  {}", item.reason);
        }
        if let Some(source) = &item.source {
            match &item.passage {
                Some(p) => println!("    from: {source} #{p}"),
                None => println!("    from: {source}"),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
