//! Offline review: who is acting, comments and suggestions on a document, review copies sent
//! to reviewers and merged back, approvals of exact versions, and each document's status.
//!
//! A review copy is a copy of the project file marked with what it is for (document, version,
//! reviewer). The reviewer comments, suggests and approves in it; the author merges the
//! returned copies. Merging takes in what the copy added — comments keep the version and the
//! words they were made on, approvals the SHA-256 of the text they approved — so nothing is
//! lost, merging a copy twice changes nothing, and edits made meanwhile are fine: each comment
//! is found again in the latest text by its quote ([`anchor::locate`]), or shown as orphaned.

pub mod anchor;
mod identity;

use std::path::{Path, PathBuf};

use candor_model::Span;
use candor_store::{
    Anchor, Approval, Comment, Decision, DocumentStatus, NewComment, Person, Project, Quote,
    ReviewCopy, StatusChange, VersionKind, sha256_hex,
};
use serde::{Deserialize, Serialize};
#[cfg(feature = "ts")]
use ts_rs::TS;

pub use anchor::Location;
pub use identity::{Identity, default_config_dir, load_identity, save_identity};

use crate::{Error, open_project};

/// The project setting that marks a review copy.
const COPY_SETTING: &str = "review.copy";

/// What a review copy is for; stored in the copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CopyMark {
    pub id: String,
    pub document: String,
    /// The version the reviewer was sent.
    pub version: u32,
    pub reviewer: String,
    pub sent_at: String,
    pub sent_by: String,
}

/// Where a comment is asked to go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The document as a whole.
    Document,
    /// A byte range of the latest version.
    Range(Span),
    /// The words `quote` as they stand in the latest version; must occur exactly once
    /// (or give `occurrence`, 1-based).
    Quote { text: String, occurrence: Option<usize> },
}

/// A comment, reply or suggestion to add.
#[derive(Debug, Clone)]
pub struct CommentRequest<'a> {
    pub document: &'a str,
    pub target: Target,
    pub body: &'a str,
    /// Proposed replacement for the target's text.
    pub suggestion: Option<&'a str>,
    pub reply_to: Option<&'a str>,
}

/// A comment as the author or a reviewer sees it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CommentItem {
    pub id: String,
    pub author: String,
    pub author_role: String,
    pub body: String,
    pub created_at: String,
    /// The version it was made on.
    pub version: u32,
    /// The words it is about (range comments).
    pub quote: Option<String>,
    /// Where those words are in the latest version.
    #[cfg_attr(
        feature = "ts",
        ts(
            type = "{ kind: \"exact\" | \"moved\"; span: { start: number; end: number } } | { kind: \"orphaned\" } | null"
        )
    )]
    pub location: Option<Location>,
    pub suggestion: Option<String>,
    /// `accepted` or `rejected` for a decided suggestion.
    pub decision: Option<String>,
    pub resolved: bool,
    pub reply_to: Option<String>,
}

/// An approval as shown: does it still hold for the latest text?
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ApprovalItem {
    pub reviewer: String,
    pub role: String,
    pub at: String,
    pub version: u32,
    /// The approved text is the latest one.
    pub current: bool,
}

/// Where a document's review stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ReviewStatus {
    pub document: String,
    /// `draft`, `in-review`, `approved` or `published`.
    pub status: String,
    /// The latest version and its SHA-256.
    pub version: u32,
    pub sha256: String,
    /// A sentence for people: "Approved by Ana Ruiz (Legal) on 2026-05-01 for version 4."
    pub summary: String,
    pub approvals: Vec<ApprovalItem>,
    pub comments: Vec<CommentItem>,
    pub open_comments: u32,
    pub open_suggestions: u32,
    pub orphaned: u32,
    #[cfg_attr(feature = "ts", ts(skip))]
    pub history: Vec<StatusChange>,
    #[cfg_attr(feature = "ts", ts(skip))]
    pub copies: Vec<ReviewCopy>,
    /// Set when this project file is a review copy.
    pub copy: Option<CopyMark>,
}

/// What merging returned copies did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct MergeReport {
    pub copies: Vec<MergedCopy>,
}

/// What one returned copy brought.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct MergedCopy {
    pub file: String,
    pub reviewer: String,
    pub comments_added: u32,
    pub comments_known: u32,
    pub approvals_added: u32,
    /// Approvals of a version that has since been edited: recorded, but they do not approve
    /// the latest text.
    pub approvals_stale: u32,
    /// Comments whose words are no longer in the latest text.
    pub orphaned: u32,
    /// Suggestions that no longer fit the latest text and need the author's hand.
    pub conflicts: u32,
}

/// What deciding suggestions did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DecisionOutcome {
    pub accepted: u32,
    pub rejected: u32,
    /// Suggestions left open because their words changed or they overlap another.
    pub conflicts: Vec<String>,
    /// The version the accepted suggestions made, if any.
    pub version: Option<u32>,
}

/// The person acting: the identity, or one named with `as_name`.
pub fn acting(identity: Option<&Identity>, as_name: Option<&str>) -> Result<Person, Error> {
    match (as_name.map(str::trim).filter(|n| !n.is_empty()), identity) {
        (Some(name), Some(me)) if me.name == name => Ok(me.person()),
        (Some(name), _) => Ok(Person { name: name.to_owned(), ..Person::default() }),
        (None, Some(me)) if !me.name.trim().is_empty() => Ok(me.person()),
        (None, _) => Err(Error::NoIdentity),
    }
}

/// Makes a review copy of `project` for `reviewer` to review the latest version of `doc`,
/// written to `out` (never over an existing file), and records it; the document is now in
/// review.
pub fn send_for_review(
    project_path: &Path,
    doc: &str,
    reviewer: &str,
    out: &Path,
    by: &Person,
    now: &str,
) -> Result<CopyMark, Error> {
    let reviewer = reviewer.trim();
    if reviewer.is_empty() {
        return Err(review_error(project_path, "name the reviewer the copy is for"));
    }
    let mut project = open_project(project_path)?;
    refuse_copy(project_path, &project, "send a review copy")?;
    let latest = latest(project_path, &project, doc)?;
    let id = short_hash(&[project_path.to_string_lossy().as_ref(), doc, reviewer, now]);
    let mark = CopyMark {
        id,
        document: doc.to_owned(),
        version: latest.version.number,
        reviewer: reviewer.to_owned(),
        sent_at: now.to_owned(),
        sent_by: by.name.clone(),
    };
    project.copy_to(out).map_err(|e| Error::store(out, e))?;
    let marked = (|| -> Result<(), Error> {
        let mut copy = open_project(out)?;
        let json = serde_json::to_string(&mark).unwrap_or_default();
        copy.set_setting(COPY_SETTING, Some(&json)).map_err(|e| Error::store(out, e))
    })();
    if let Err(e) = marked {
        let _ = std::fs::remove_file(out);
        return Err(e);
    }
    let map = |e| Error::store(project_path, e);
    project
        .add_review_copy(&ReviewCopy {
            id: mark.id.clone(),
            document: doc.to_owned(),
            version: mark.version,
            reviewer: reviewer.to_owned(),
            sent_at: now.to_owned(),
            merged_at: None,
        })
        .map_err(map)?;
    let status = effective_status(&project, project_path, doc)?;
    if status != DocumentStatus::InReview {
        project
            .add_status_change(
                doc,
                DocumentStatus::InReview,
                mark.version,
                by,
                &format!("sent to {reviewer} for review"),
                now,
            )
            .map_err(map)?;
    }
    Ok(mark)
}

/// Adds a comment, reply or suggestion to the latest version of a document (in a project or
/// a review copy).
pub fn add_comment(
    project_path: &Path,
    request: &CommentRequest<'_>,
    by: &Person,
    now: &str,
) -> Result<CommentItem, Error> {
    let mut project = open_project(project_path)?;
    let doc = request.document;
    let latest = latest(project_path, &project, doc)?;
    let anchor = match &request.target {
        Target::Document => Anchor::Document,
        Target::Range(span) => Anchor::Range { span: *span },
        Target::Quote { text, occurrence } => {
            Anchor::Range { span: find_quote(project_path, &latest.text, text, *occurrence)? }
        }
    };
    if request.suggestion.is_none() && request.body.trim().is_empty() {
        return Err(review_error(project_path, "write what the comment says"));
    }
    let count = project.comments(doc).map_err(|e| Error::store(project_path, e))?.len();
    let id = short_hash(&[doc, &by.name, now, request.body, &count.to_string()]);
    let new = NewComment {
        reply_to: request.reply_to,
        suggestion: request.suggestion,
        author_role: &by.role,
        author_email: &by.email,
        ..NewComment::new(&id, doc, latest.version.number, anchor, &by.name, request.body, now)
    };
    let comment = project.add_comment(&new).map_err(|e| Error::store(project_path, e))?;
    Ok(item(&comment, &latest.text))
}

/// Marks a comment resolved.
pub fn resolve_comment(project_path: &Path, id: &str, now: &str) -> Result<(), Error> {
    let mut project = open_project(project_path)?;
    project.resolve_comment(id, now).map_err(|e| Error::store(project_path, e))
}

/// Approves the latest version of `doc` as `by`: the approval holds for exactly this text.
pub fn approve(
    project_path: &Path,
    doc: &str,
    by: &Person,
    now: &str,
) -> Result<ApprovalItem, Error> {
    let mut project = open_project(project_path)?;
    let latest = latest(project_path, &project, doc)?;
    let version = latest.version.number;
    let approval = Approval {
        id: short_hash(&[doc, &version.to_string(), &by.name, now]),
        document: doc.to_owned(),
        version,
        sha256: latest.version.sha256.clone(),
        reviewer: by.clone(),
        at: now.to_owned(),
    };
    let map = |e| Error::store(project_path, e);
    project.add_approval(&approval).map_err(map)?;
    // In a review copy the status is the author's to keep; there, only the approval counts.
    if copy_mark(&project, project_path)?.is_none() {
        project
            .add_status_change(doc, DocumentStatus::Approved, version, by, "approved", now)
            .map_err(map)?;
    }
    Ok(ApprovalItem {
        reviewer: by.name.clone(),
        role: by.role.clone(),
        at: now.to_owned(),
        version,
        current: true,
    })
}

/// Where the review of `doc` stands, with every comment located in the latest text.
pub fn review_status(project_path: &Path, doc: &str) -> Result<ReviewStatus, Error> {
    status_in(&open_project(project_path)?, project_path, doc)
}

/// [`review_status`] of a project already open.
fn status_in(
    project: &candor_store::Project,
    project_path: &Path,
    doc: &str,
) -> Result<ReviewStatus, Error> {
    let latest = latest(project_path, project, doc)?;
    let map = |e| Error::store(project_path, e);
    let status = effective_status(project, project_path, doc)?;
    let approvals: Vec<ApprovalItem> = project
        .approvals(doc)
        .map_err(map)?
        .into_iter()
        .map(|a| ApprovalItem {
            current: a.sha256 == latest.version.sha256,
            reviewer: a.reviewer.name,
            role: a.reviewer.role,
            at: a.at,
            version: a.version,
        })
        .collect();
    let comments: Vec<CommentItem> =
        project.comments(doc).map_err(map)?.iter().map(|c| item(c, &latest.text)).collect();
    let open = |c: &&CommentItem| !c.resolved;
    let open_comments = comments.iter().filter(open).count() as u32;
    let open_suggestions =
        comments.iter().filter(open).filter(|c| c.suggestion.is_some()).count() as u32;
    let orphaned =
        comments.iter().filter(|c| c.location == Some(Location::Orphaned)).count() as u32;
    let summary = summary(status, &approvals, latest.version.number);
    Ok(ReviewStatus {
        document: doc.to_owned(),
        status: status.id().to_owned(),
        version: latest.version.number,
        sha256: latest.version.sha256.clone(),
        summary,
        approvals,
        comments,
        open_comments,
        open_suggestions,
        orphaned,
        history: project.status_history(doc).map_err(map)?,
        copies: project.review_copies(doc).map_err(map)?,
        copy: copy_mark(project, project_path)?,
    })
}

/// Writes the review sheet of `doc` (see [`review_sheet`]) to `out`, atomically: a failed
/// write leaves any file already at `out` as it was.
pub fn save_review_sheet(
    project_path: &Path,
    doc: &str,
    out: &Path,
    today: &str,
) -> Result<(), Error> {
    let pdf = review_sheet(project_path, doc, today)?;
    crate::export::write_atomically(out, &pdf)
}

/// The review sheet of `doc`: its latest text with line numbers and every comment listed
/// after it (where it is, who wrote it, the words, the suggestion, the replies), as a tagged
/// PDF for reviewers who do not use Candor. `today` (`YYYY-MM-DD…`) dates it.
pub fn review_sheet(project_path: &Path, doc: &str, today: &str) -> Result<Vec<u8>, Error> {
    let project = open_project(project_path)?;
    let status = status_in(&project, project_path, doc)?;
    let latest = latest(project_path, &project, doc)?;
    let text = &latest.text;
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count();
    let parents: Vec<&CommentItem> =
        status.comments.iter().filter(|c| c.reply_to.is_none()).collect();
    let mut marks: Vec<(usize, String)> = Vec::new();
    let mut comments = Vec::new();
    for (i, c) in parents.iter().enumerate() {
        let mark = format!("[{}]", i + 1);
        let span = c.location.and_then(Location::span);
        let place = match (span, &c.location) {
            (Some(span), _) => {
                let line = line_of(span.start);
                match marks.iter_mut().find(|(l, _)| *l == line) {
                    Some((_, m)) => {
                        m.push(' ');
                        m.push_str(&mark);
                    }
                    None => marks.push((line, mark.clone())),
                }
                format!("line {}, {}", line + 1, day(&c.created_at))
            }
            (None, Some(Location::Orphaned)) => {
                format!("version {}, {}", c.version, day(&c.created_at))
            }
            (None, _) => format!("the whole document, {}", day(&c.created_at)),
        };
        let author = if c.author_role.is_empty() {
            c.author.clone()
        } else {
            format!("{} ({})", c.author, c.author_role)
        };
        let state = match (&c.decision, c.resolved, &c.location) {
            (Some(d), _, _) => Some(format!("Suggestion {d}.")),
            (None, true, _) => Some("Resolved.".to_owned()),
            (None, false, Some(Location::Orphaned)) => {
                Some("The words it is about are no longer in the text.".to_owned())
            }
            _ => None,
        };
        comments.push(candor_render::SheetComment {
            mark,
            author,
            place,
            quote: c.quote.as_ref().map(|q| format!("“{q}”")),
            body: (!c.body.trim().is_empty()).then(|| c.body.clone()),
            suggestion: c.suggestion.as_ref().map(|r| format!("Suggests instead: “{r}”")),
            state,
            replies: status
                .comments
                .iter()
                .filter(|r| r.reply_to.as_deref() == Some(c.id.as_str()))
                .map(|r| format!("{}: {}", r.author, r.body))
                .collect(),
        });
    }
    marks.sort();
    let title = candor_import::parse_companion(text).value.meta.title;
    let date = parse_day(today);
    let sheet = candor_render::ReviewSheet {
        title: format!(
            "Review sheet: {}",
            if title.trim().is_empty() { doc } else { title.trim() }
        ),
        lang: "en".to_owned(),
        details: vec![
            format!(
                "Document `{doc}`, version {} (SHA-256 {}…)",
                latest.version.number,
                &latest.version.sha256[..12]
            ),
            status.summary.clone(),
            format!("{} comment(s), {} open.", status.comments.len(), status.open_comments),
        ],
        footer: format!(
            "{} · version {}",
            project_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            latest.version.number
        ),
        lines: text.split('\n').map(str::to_owned).collect(),
        marks,
        comments,
        date,
    };
    candor_render::review_sheet_pdf(&sheet)
        .map_err(|source| Error::Render { path: project_path.to_owned(), source })
}

/// "2026-05-02T08:00:00Z" → "2026-05-02".
fn day(at: &str) -> &str {
    at.get(..10).unwrap_or(at)
}

fn parse_day(at: &str) -> Option<(i32, u8, u8)> {
    let d = day(at);
    let mut parts = d.split('-');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// Takes in what returned review copies added: comments, replies, suggestions, decisions and
/// approvals. Copies may be merged in any order, after edits, and more than once.
pub fn merge_review_copies(
    project_path: &Path,
    copies: &[PathBuf],
    by: &Person,
    now: &str,
) -> Result<MergeReport, Error> {
    let mut project = open_project(project_path)?;
    refuse_copy(project_path, &project, "merge review copies into it")?;
    let map = |e| Error::store(project_path, e);
    let mut report = MergeReport { copies: Vec::new() };
    for path in copies {
        let copy = open_project(path)?;
        let Some(mark) = copy_mark(&copy, path)? else {
            return Err(review_error(path, "this file is not a review copy"));
        };
        let sent = project.review_copies(&mark.document).map_err(map)?;
        if !sent.iter().any(|c| c.id == mark.id) {
            return Err(review_error(
                path,
                &format!(
                    "this review copy was not sent from {} (its document is `{}`, sent to {} on {})",
                    project_path.display(),
                    mark.document,
                    mark.reviewer,
                    mark.sent_at
                ),
            ));
        }
        let latest = latest(project_path, &project, &mark.document)?;
        let mut merged = MergedCopy {
            file: path.display().to_string(),
            reviewer: mark.reviewer.clone(),
            comments_added: 0,
            comments_known: 0,
            approvals_added: 0,
            approvals_stale: 0,
            orphaned: 0,
            conflicts: 0,
        };
        let theirs = copy.comments(&mark.document).map_err(|e| Error::store(path, e))?;
        // Parents before replies: `comments` lists oldest first.
        for comment in theirs {
            let comment = onto_sent_version(&copy, path, comment, &mark)?;
            if project.take_in_comment(&comment).map_err(map)? {
                merged.comments_added += 1;
                let shown = item(&comment, &latest.text);
                if shown.location == Some(Location::Orphaned) {
                    merged.orphaned += 1;
                }
                if comment.suggestion.is_some()
                    && comment.decision.is_none()
                    && shown.location.and_then(Location::span).is_none()
                {
                    merged.conflicts += 1;
                }
            } else {
                merged.comments_known += 1;
            }
        }
        for approval in copy.approvals(&mark.document).map_err(|e| Error::store(path, e))? {
            let known = project
                .version_text(&approval.document, approval.version)
                .map_err(map)?
                .is_some_and(|t| sha256_hex(t.as_bytes()) == approval.sha256);
            if !known {
                continue; // approved text the author never had (edited in the copy)
            }
            if project.add_approval(&approval).map_err(map)? {
                merged.approvals_added += 1;
                if approval.sha256 == latest.version.sha256 {
                    project
                        .add_status_change(
                            &mark.document,
                            DocumentStatus::Approved,
                            approval.version,
                            &approval.reviewer,
                            &format!("approved in the review copy merged by {}", by.name),
                            now,
                        )
                        .map_err(map)?;
                } else {
                    merged.approvals_stale += 1;
                }
            }
        }
        project.mark_copy_merged(&mark.id, now).map_err(map)?;
        report.copies.push(merged);
    }
    Ok(report)
}

/// Accepts or rejects suggestions on `doc`: the ones named, or with `ids` empty every open
/// one. Accepted replacements are applied to the latest text together, as one new version;
/// a suggestion whose words changed meanwhile or that overlaps another stays open and is
/// reported, never applied at a guess.
pub fn decide_suggestions(
    project_path: &Path,
    doc: &str,
    ids: &[String],
    accept: bool,
    by: &Person,
    now: &str,
) -> Result<DecisionOutcome, Error> {
    let mut project = open_project(project_path)?;
    let map = |e| Error::store(project_path, e);
    let latest = latest(project_path, &project, doc)?;
    let comments = project.comments(doc).map_err(map)?;
    let open: Vec<&Comment> = comments
        .iter()
        .filter(|c| c.suggestion.is_some() && c.decision.is_none() && c.resolved_at.is_none())
        .collect();
    let chosen: Vec<&Comment> = if ids.is_empty() {
        open
    } else {
        let mut chosen = Vec::new();
        for id in ids {
            match open.iter().find(|c| &c.id == id) {
                Some(c) => chosen.push(*c),
                None => {
                    return Err(review_error(
                        project_path,
                        &format!("there is no open suggestion `{id}` on `{doc}`"),
                    ));
                }
            }
        }
        chosen
    };
    let mut outcome =
        DecisionOutcome { accepted: 0, rejected: 0, conflicts: Vec::new(), version: None };
    if !accept {
        for c in &chosen {
            project.decide_suggestion(&c.id, Decision::Rejected, now).map_err(map)?;
            outcome.rejected += 1;
        }
        return Ok(outcome);
    }
    // Where each one applies now; overlapping or lost ones stay open.
    let mut edits: Vec<(Span, &Comment)> = Vec::new();
    for c in chosen {
        match item(c, &latest.text).location.and_then(Location::span) {
            Some(span) if !edits.iter().any(|(s, _)| s.start < span.end && span.start < s.end) => {
                edits.push((span, c));
            }
            _ => outcome.conflicts.push(c.id.clone()),
        }
    }
    if edits.is_empty() {
        return Ok(outcome);
    }
    edits.sort_by_key(|(s, _)| std::cmp::Reverse(s.start));
    let mut text = latest.text.clone();
    for (span, c) in &edits {
        text.replace_range(span.start..span.end, c.suggestion.as_deref().unwrap_or_default());
    }
    let names: Vec<&str> = edits.iter().map(|(_, c)| c.author.as_str()).collect();
    let note = format!(
        "Accepted {} suggestion{} by {}",
        edits.len(),
        if edits.len() == 1 { "" } else { "s" },
        dedup(&names).join(", ")
    );
    let version = project.save_version(doc, &text, now, &note, VersionKind::Save).map_err(map)?;
    for (_, c) in &edits {
        project.decide_suggestion(&c.id, Decision::Accepted, now).map_err(map)?;
        outcome.accepted += 1;
    }
    outcome.version = Some(version.number);
    record_edit(&mut project, project_path, doc, &latest.version.sha256, by, now)?;
    Ok(outcome)
}

/// After a new version of `doc` was saved: when the text that was approved (`before_sha`)
/// changed, the approval no longer holds — record that visibly in the status history.
pub fn record_edit(
    project: &mut Project,
    project_path: &Path,
    doc: &str,
    before_sha: &str,
    by: &Person,
    now: &str,
) -> Result<(), Error> {
    let map = |e| Error::store(project_path, e);
    let approved_before =
        project.approvals(doc).map_err(map)?.iter().any(|a| a.sha256 == before_sha);
    let latest = latest(project_path, project, doc)?;
    if approved_before && latest.version.sha256 != before_sha {
        project
            .add_status_change(
                doc,
                DocumentStatus::InReview,
                latest.version.number,
                by,
                &format!(
                    "approval cleared: version {} changed the approved text",
                    latest.version.number
                ),
                now,
            )
            .map_err(map)?;
    }
    Ok(())
}

/// Records that `doc` was published (by [`crate::publish`]).
pub(crate) fn record_published(
    project: &mut Project,
    project_path: &Path,
    doc: &str,
    version: u32,
    by: &Person,
    note: &str,
    now: &str,
) -> Result<(), Error> {
    project
        .add_status_change(doc, DocumentStatus::Published, version, by, note, now)
        .map(|_| ())
        .map_err(|e| Error::store(project_path, e))
}

/// The status that holds now: approvals count only for the exact latest text.
pub(crate) fn effective_status(
    project: &Project,
    project_path: &Path,
    doc: &str,
) -> Result<DocumentStatus, Error> {
    let map = |e| Error::store(project_path, e);
    let latest = latest(project_path, project, doc)?;
    let history = project.status_history(doc).map_err(map)?;
    if history.last().is_some_and(|c| {
        c.status == DocumentStatus::Published && c.version == latest.version.number
    }) {
        return Ok(DocumentStatus::Published);
    }
    if project.approvals(doc).map_err(map)?.iter().any(|a| a.sha256 == latest.version.sha256) {
        return Ok(DocumentStatus::Approved);
    }
    let reviewed = !project.review_copies(doc).map_err(map)?.is_empty()
        || history.iter().any(|c| c.status != DocumentStatus::Draft);
    Ok(if reviewed { DocumentStatus::InReview } else { DocumentStatus::Draft })
}

/// The approvals that hold for the latest text of `doc`.
pub(crate) fn current_approvals(
    project: &Project,
    project_path: &Path,
    doc: &str,
) -> Result<Vec<Approval>, Error> {
    let latest = latest(project_path, project, doc)?;
    Ok(project
        .approvals(doc)
        .map_err(|e| Error::store(project_path, e))?
        .into_iter()
        .filter(|a| a.sha256 == latest.version.sha256)
        .collect())
}

fn summary(status: DocumentStatus, approvals: &[ApprovalItem], version: u32) -> String {
    let current: Vec<String> = approvals
        .iter()
        .filter(|a| a.current)
        .map(|a| {
            if a.role.is_empty() {
                a.reviewer.clone()
            } else {
                format!("{} ({})", a.reviewer, a.role)
            }
        })
        .collect();
    match status {
        DocumentStatus::Published => format!("Published: version {version}."),
        DocumentStatus::Approved => {
            format!("Approved by {} for version {version}.", current.join(", "))
        }
        DocumentStatus::InReview => match approvals.iter().rev().find(|a| !a.current) {
            Some(stale) => format!(
                "In review. {} approved version {}; the text has changed since, so it needs approval again.",
                stale.reviewer, stale.version
            ),
            None => "In review.".to_owned(),
        },
        DocumentStatus::Draft => "Draft: not yet sent for review.".to_owned(),
    }
}

/// A comment of a returned copy, on a version the author also has. A comment the reviewer
/// made on a version only the copy has (they saved an edit there) is moved onto the version
/// they were sent, by its quote; if its words are not there, it becomes a comment on the
/// whole document that keeps the quote in its text, so it is not lost.
fn onto_sent_version(
    copy: &Project,
    path: &Path,
    mut comment: Comment,
    mark: &CopyMark,
) -> Result<Comment, Error> {
    if comment.version <= mark.version {
        return Ok(comment);
    }
    let sent = copy
        .version_text(&mark.document, mark.version)
        .map_err(|e| Error::store(path, e))?
        .unwrap_or_default();
    comment.version = mark.version;
    if let (Anchor::Range { span }, Some(quote)) = (&comment.anchor, &comment.quote) {
        match anchor::locate(quote, *span, &sent).span() {
            Some(found) => {
                comment.quote = Some(Quote::of(&sent, found));
                comment.anchor = Anchor::Range { span: found };
            }
            None => {
                comment.body = format!("“{}”: {}", quote.text, comment.body);
                comment.anchor = Anchor::Document;
                comment.quote = None;
                comment.suggestion = None;
            }
        }
    }
    Ok(comment)
}

fn item(c: &Comment, latest: &str) -> CommentItem {
    let location = match (&c.anchor, &c.quote) {
        (Anchor::Range { span }, Some(quote)) => Some(anchor::locate(quote, *span, latest)),
        _ => None,
    };
    CommentItem {
        id: c.id.clone(),
        author: c.author.clone(),
        author_role: c.author_role.clone(),
        body: c.body.clone(),
        created_at: c.created_at.clone(),
        version: c.version,
        quote: c.quote.as_ref().map(|q| q.text.clone()),
        location,
        suggestion: c.suggestion.clone(),
        decision: c.decision.map(|d| d.id().to_owned()),
        resolved: c.resolved_at.is_some(),
        reply_to: c.reply_to.clone(),
    }
}

fn find_quote(
    project_path: &Path,
    text: &str,
    quote: &str,
    occurrence: Option<usize>,
) -> Result<Span, Error> {
    if quote.is_empty() {
        return Err(review_error(project_path, "give the words the comment is about"));
    }
    let found: Vec<usize> = text.match_indices(quote).map(|(at, _)| at).collect();
    let at = match (found.len(), occurrence) {
        (0, _) => {
            return Err(review_error(
                project_path,
                &format!("“{quote}” is not in the latest version of the document"),
            ));
        }
        (1, None) => found[0],
        (n, None) => {
            return Err(review_error(
                project_path,
                &format!(
                    "“{quote}” occurs {n} times; quote more words, or say which (--occurrence 1 to {n})"
                ),
            ));
        }
        (n, Some(k)) if k == 0 || k > n => {
            return Err(review_error(
                project_path,
                &format!("“{quote}” occurs {n} times; --occurrence must be 1 to {n}"),
            ));
        }
        (_, Some(k)) => found[k - 1],
    };
    Ok(Span::new(at, at + quote.len()))
}

fn latest(
    project_path: &Path,
    project: &Project,
    doc: &str,
) -> Result<candor_store::StoredDocument, Error> {
    project.document(doc).map_err(|e| Error::store(project_path, e))?.ok_or_else(|| {
        Error::UnknownDocument { project: project_path.to_owned(), id: doc.to_owned() }
    })
}

fn copy_mark(project: &Project, path: &Path) -> Result<Option<CopyMark>, Error> {
    let stored = project.setting(COPY_SETTING).map_err(|e| Error::store(path, e))?;
    Ok(stored.and_then(|json| serde_json::from_str(&json).ok()))
}

pub(crate) fn refuse_copy(path: &Path, project: &Project, what: &str) -> Result<(), Error> {
    match copy_mark(project, path)? {
        Some(mark) => Err(review_error(
            path,
            &format!(
                "this is a review copy (for {}, sent {}); {what} from the author's project instead",
                mark.reviewer, mark.sent_at
            ),
        )),
        None => Ok(()),
    }
}

pub(crate) fn review_error(path: &Path, message: &str) -> Error {
    Error::Review { path: path.to_owned(), message: message.to_owned() }
}

/// 16 hex digits of the SHA-256 of the parts: ids that differ between reviewers and times.
pub(crate) fn short_hash(parts: &[&str]) -> String {
    let joined = parts.join("\u{1f}");
    sha256_hex(joined.as_bytes())[..16].to_owned()
}

fn dedup<'a>(names: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for n in names {
        if !out.contains(n) {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests;
