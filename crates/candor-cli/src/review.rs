//! `candor review …` and `candor publish`: offline review through project copies, approvals
//! and the publication bundle.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use candor_core::{CommentRequest, Identity, Target};
use clap::Subcommand;

use crate::output::{print_diagnostics, print_json};

#[derive(Subcommand)]
pub enum ReviewCommand {
    /// Show who you are in reviews, or set it (kept in Candor's preferences, shared with the
    /// app).
    Whoami {
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        email: Option<String>,
    },
    /// Write a review copy of the project for one reviewer (a .candor file to send them).
    Send {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: String,
        #[arg(long, value_name = "NAME")]
        reviewer: String,
        #[arg(long, value_name = "COPY.candor")]
        out: PathBuf,
        /// Act as this person instead of the identity in the preferences.
        #[arg(long = "as", value_name = "NAME")]
        as_name: Option<String>,
    },
    /// Comment on the latest version of a document (in a project or a review copy); with
    /// --suggest, propose replacement words.
    Comment {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: String,
        /// The words the comment is about, as they stand in the text.
        #[arg(long, value_name = "WORDS", conflicts_with = "whole")]
        at: Option<String>,
        /// Which occurrence of WORDS, when they occur more than once (1 is the first).
        #[arg(long, value_name = "N", requires = "at")]
        occurrence: Option<usize>,
        /// A comment on the whole document.
        #[arg(long)]
        whole: bool,
        /// What the comment says.
        #[arg(long, value_name = "TEXT", default_value = "")]
        text: String,
        /// The words proposed instead of WORDS.
        #[arg(long, value_name = "REPLACEMENT", requires = "at")]
        suggest: Option<String>,
        /// Answer this comment (its id, from `candor review status`).
        #[arg(long, value_name = "COMMENT-ID")]
        reply_to: Option<String>,
        #[arg(long = "as", value_name = "NAME")]
        as_name: Option<String>,
    },
    /// Mark a comment resolved.
    Resolve { project: PathBuf, comment: String },
    /// Approve the latest version of a document; the approval holds for exactly that text.
    Approve {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: String,
        #[arg(long = "as", value_name = "NAME")]
        as_name: Option<String>,
    },
    /// Take in the comments, suggestions and approvals of returned review copies.
    Merge {
        project: PathBuf,
        #[arg(required = true, value_name = "COPY.candor")]
        copies: Vec<PathBuf>,
        #[arg(long = "as", value_name = "NAME")]
        as_name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Accept suggestions (the ids given, or every open one with --all) as one new version.
    Accept(DecideArgs),
    /// Reject suggestions (the ids given, or every open one with --all).
    Reject(DecideArgs),
    /// Write a review sheet: the document's text with line numbers and every comment listed
    /// after it, as a PDF for reviewers who do not use Candor.
    Sheet {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: String,
        #[arg(long, value_name = "OUT.pdf")]
        out: PathBuf,
    },
    /// Where the review of each document (or one) stands: status, approvals, comments.
    Status {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// Which suggestions to accept or reject.
#[derive(clap::Args)]
pub struct DecideArgs {
    project: PathBuf,
    #[arg(long, value_name = "ID")]
    doc: String,
    #[arg(value_name = "COMMENT-ID", required_unless_present = "all")]
    ids: Vec<String>,
    #[arg(long, conflicts_with = "ids")]
    all: bool,
    #[arg(long = "as", value_name = "NAME")]
    as_name: Option<String>,
}

fn identity() -> Option<Identity> {
    candor_core::default_config_dir().and_then(|dir| candor_core::load_identity(&dir))
}

fn acting(as_name: Option<&str>) -> anyhow::Result<candor_core::Person> {
    Ok(candor_core::acting(identity().as_ref(), as_name)?)
}

pub fn run(command: ReviewCommand) -> anyhow::Result<ExitCode> {
    let now = candor_core::now_utc();
    match command {
        ReviewCommand::Whoami { name, role, email } => whoami(name, role, email),
        ReviewCommand::Send { project, doc, reviewer, out, as_name } => {
            let by = acting(as_name.as_deref())?;
            let mark = candor_core::send_for_review(&project, &doc, &reviewer, &out, &by, &now)?;
            println!(
                "wrote {} for {}: version {} of `{doc}` (copy {})",
                out.display(),
                mark.reviewer,
                mark.version,
                mark.id
            );
            Ok(ExitCode::SUCCESS)
        }
        ReviewCommand::Comment {
            project,
            doc,
            at,
            occurrence,
            whole,
            text,
            suggest,
            reply_to,
            as_name,
        } => {
            let by = acting(as_name.as_deref())?;
            let target = match (at, whole) {
                (Some(words), _) => Target::Quote { text: words, occurrence },
                (None, true) => Target::Document,
                (None, false) if reply_to.is_some() => Target::Document,
                (None, false) => {
                    eprintln!(
                        "candor review comment: say what it is about: --at \"WORDS\" or --whole"
                    );
                    return Ok(ExitCode::from(2));
                }
            };
            let request = CommentRequest {
                document: &doc,
                target,
                body: &text,
                suggestion: suggest.as_deref(),
                reply_to: reply_to.as_deref(),
            };
            let item = candor_core::add_comment(&project, &request, &by, &now)?;
            println!("added comment {} by {} on version {}", item.id, item.author, item.version);
            Ok(ExitCode::SUCCESS)
        }
        ReviewCommand::Resolve { project, comment } => {
            candor_core::resolve_comment(&project, &comment, &now)?;
            println!("resolved {comment}");
            Ok(ExitCode::SUCCESS)
        }
        ReviewCommand::Approve { project, doc, as_name } => {
            let by = acting(as_name.as_deref())?;
            let approval = candor_core::approve(&project, &doc, &by, &now)?;
            println!(
                "{} approved version {} of `{doc}`; any later edit clears the approval",
                approval.reviewer, approval.version
            );
            Ok(ExitCode::SUCCESS)
        }
        ReviewCommand::Merge { project, copies, as_name, json } => {
            let by = acting(as_name.as_deref())?;
            let report = candor_core::merge_review_copies(&project, &copies, &by, &now)?;
            if json {
                print_json(&report)?;
                return Ok(ExitCode::SUCCESS);
            }
            for c in &report.copies {
                println!(
                    "{} ({}): {} comment(s) added, {} already here; {} approval(s) added{}{}{}",
                    c.file,
                    c.reviewer,
                    c.comments_added,
                    c.comments_known,
                    c.approvals_added,
                    if c.approvals_stale > 0 {
                        format!(", {} for an earlier version", c.approvals_stale)
                    } else {
                        String::new()
                    },
                    if c.orphaned > 0 {
                        format!("; {} comment(s) on words no longer in the text", c.orphaned)
                    } else {
                        String::new()
                    },
                    if c.conflicts > 0 {
                        format!("; {} suggestion(s) no longer fit", c.conflicts)
                    } else {
                        String::new()
                    },
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ReviewCommand::Accept(args) => decide(&args, true, &now),
        ReviewCommand::Reject(args) => decide(&args, false, &now),
        ReviewCommand::Status { project, doc, json } => status(&project, doc.as_deref(), json),
        ReviewCommand::Sheet { project, doc, out } => {
            candor_core::save_review_sheet(&project, &doc, &out, &now)?;
            println!("wrote {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn whoami(
    name: Option<String>,
    role: Option<String>,
    email: Option<String>,
) -> anyhow::Result<ExitCode> {
    let Some(dir) = candor_core::default_config_dir() else {
        anyhow::bail!("no configuration folder: set HOME or CANDOR_CONFIG_DIR");
    };
    if name.is_none() && role.is_none() && email.is_none() {
        match candor_core::load_identity(&dir) {
            Some(me) => {
                let role =
                    if me.role.is_empty() { String::new() } else { format!(", {}", me.role) };
                let email =
                    if me.email.is_empty() { String::new() } else { format!(" <{}>", me.email) };
                println!("{}{role}{email}", me.name);
            }
            None => eprintln!(
                "no identity yet: candor review whoami --name \"Your Name\" [--role ROLE] [--email ADDRESS]"
            ),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut me = candor_core::load_identity(&dir).unwrap_or_default();
    if let Some(name) = name {
        me.name = name;
    }
    if let Some(role) = role {
        me.role = role;
    }
    if let Some(email) = email {
        me.email = email;
    }
    candor_core::save_identity(&dir, &me)?;
    println!("saved: {}", me.name.trim());
    Ok(ExitCode::SUCCESS)
}

fn decide(args: &DecideArgs, accept: bool, now: &str) -> anyhow::Result<ExitCode> {
    let DecideArgs { project, doc, ids, all: _, as_name } = args;
    let by = acting(as_name.as_deref())?;
    let outcome = candor_core::decide_suggestions(project, doc, ids, accept, &by, now)?;
    if accept {
        match outcome.version {
            Some(v) => println!("accepted {} suggestion(s) as version {v}", outcome.accepted),
            None => println!("no suggestion could be applied"),
        }
        for id in &outcome.conflicts {
            eprintln!(
                "{}: suggestion {id} no longer fits the text (its words changed or it overlaps another); edit by hand, then reject it",
                project.display()
            );
        }
    } else {
        println!("rejected {} suggestion(s)", outcome.rejected);
    }
    Ok(if outcome.conflicts.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn status(project: &Path, only: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let ids: Vec<String> = match only {
        Some(id) => vec![id.to_owned()],
        None => {
            candor_core::list_documents(project)?.into_iter().map(|d| d.id.to_string()).collect()
        }
    };
    let mut all = Vec::new();
    for id in &ids {
        all.push(candor_core::review_status(project, id)?);
    }
    if json {
        print_json(&all)?;
        return Ok(ExitCode::SUCCESS);
    }
    for s in &all {
        println!("{} — {} (version {})", s.document, s.summary, s.version);
        if let Some(copy) = &s.copy {
            println!("  this is a review copy for {}, sent {}", copy.reviewer, copy.sent_at);
        }
        for c in &s.comments {
            let state = match (&c.decision, c.resolved) {
                (Some(d), _) => d.clone(),
                (None, true) => "resolved".to_owned(),
                (None, false) => "open".to_owned(),
            };
            let place = match (&c.quote, c.location) {
                (Some(q), Some(candor_core::Location::Orphaned)) => {
                    format!(" on “{q}” (no longer in the text)")
                }
                (Some(q), _) => format!(" on “{q}”"),
                (None, _) => String::new(),
            };
            let suggestion =
                c.suggestion.as_ref().map(|r| format!(" → suggests “{r}”")).unwrap_or_default();
            let reply = c.reply_to.as_ref().map(|r| format!(" (reply to {r})")).unwrap_or_default();
            println!("  [{state}] {} {}{reply}{place}{suggestion}: {}", c.id, c.author, c.body);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `candor publish P.candor --doc ID --out DIR [--force REASON]`.
pub fn publish(
    project: PathBuf,
    doc: String,
    out: PathBuf,
    force: Option<String>,
    as_name: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let by = acting(as_name)?;
    let request =
        candor_core::PublishRequest { project: project.clone(), document: doc, out, force };
    let outcome = candor_core::publish(&request, &by, &candor_core::now_utc())?;
    print_diagnostics(&project, &outcome.report.text, &outcome.report.diagnostics);
    if !outcome.refused.is_empty() {
        for reason in &outcome.refused {
            eprintln!("candor publish: not published: {reason}");
        }
        eprintln!(
            "candor publish: fix this, or publish anyway with --force \"REASON\" (the reason is recorded in the manifest)"
        );
        return Ok(ExitCode::from(1));
    }
    for path in &outcome.report.written {
        println!("wrote {}", path.display());
    }
    if let Some(o) = outcome.manifest.as_ref().and_then(|m| m.forced.as_ref()) {
        println!(
            "published despite: {} — recorded with the reason “{}”",
            o.overridden.join("; "),
            o.reason
        );
    }
    Ok(ExitCode::SUCCESS)
}
