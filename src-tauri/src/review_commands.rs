//! The review and publication commands: identity, comments and suggestions, review copies,
//! approvals, version compare and publishing. Thin, like the others: one candor-core use
//! case each, on a blocking thread.

use candor_core as core;
use serde::Serialize;
use tauri::AppHandle;

use crate::commands::{Result, app_state, blocking};
use crate::dialogs::{self, Ask, PDF_FILTER};
use crate::state;

const PROJECT_FILTER: (&str, &[&str]) = ("Candor project", &["candor"]);

/// The reviewer's identity saved on this computer, if any.
#[tauri::command]
pub fn identity(app: AppHandle) -> Option<core::Identity> {
    core::load_identity(&app_state(&app).config_dir)
}

/// Saves who is using Candor here (name required; role and e-mail optional).
#[tauri::command]
pub async fn set_identity(app: AppHandle, identity: core::Identity) -> Result<()> {
    let dir = app_state(&app).config_dir.clone();
    blocking(move || Ok(core::save_identity(&dir, &identity)?)).await
}

fn me(app: &AppHandle) -> Result<core::Person> {
    Ok(core::acting(core::load_identity(&app_state(app).config_dir).as_ref(), None)?)
}

/// Where a document's review stands, with every comment located in the latest version.
#[tauri::command]
pub async fn review_status(app: AppHandle, id: String) -> Result<core::ReviewStatus> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::review_status(&project, &id)?)).await
}

/// Comments on the words `quote` (the `occurrence`-th time they stand in the latest
/// version), or on the whole document when `quote` is empty; with `suggestion`, proposes
/// replacement words; with `reply_to`, answers a comment.
#[tauri::command]
pub async fn add_comment(
    app: AppHandle,
    id: String,
    quote: String,
    occurrence: Option<u32>,
    body: String,
    suggestion: Option<String>,
    reply_to: Option<String>,
) -> Result<core::CommentItem> {
    let project = app_state(&app).project()?;
    let by = me(&app)?;
    blocking(move || {
        let target = if quote.is_empty() {
            core::Target::Document
        } else {
            core::Target::Quote { text: quote, occurrence: occurrence.map(|n| n as usize) }
        };
        let request = core::CommentRequest {
            document: &id,
            target,
            body: &body,
            suggestion: suggestion.as_deref(),
            reply_to: reply_to.as_deref(),
        };
        Ok(core::add_comment(&project, &request, &by, &core::now_utc())?)
    })
    .await
}

#[tauri::command]
pub async fn resolve_comment(app: AppHandle, comment: String) -> Result<()> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::resolve_comment(&project, &comment, &core::now_utc())?)).await
}

/// Accepts (as one new version) or rejects suggestions; `ids` empty means every open one.
#[tauri::command]
pub async fn decide_suggestions(
    app: AppHandle,
    id: String,
    ids: Vec<String>,
    accept: bool,
) -> Result<core::DecisionOutcome> {
    let project = app_state(&app).project()?;
    let by = me(&app)?;
    blocking(move || {
        let outcome = core::decide_suggestions(&project, &id, &ids, accept, &by, &core::now_utc())?;
        Ok(outcome)
    })
    .await
}

/// Approves the latest version as the identity on this computer.
#[tauri::command]
pub async fn approve_document(app: AppHandle, id: String) -> Result<core::ApprovalItem> {
    let project = app_state(&app).project()?;
    let by = me(&app)?;
    blocking(move || Ok(core::approve(&project, &id, &by, &core::now_utc())?)).await
}

/// Writes a review copy for `reviewer` where the user chooses; `None` when cancelled.
#[tauri::command]
pub async fn send_for_review(
    app: AppHandle,
    id: String,
    reviewer: String,
) -> Result<Option<core::CopyMark>> {
    let project = app_state(&app).project()?;
    let by = me(&app)?;
    blocking(move || {
        let suggested = format!("{id} - for {}.candor", reviewer.trim());
        let Some(out) = dialogs::ask_save(&app, "Save the review copy", PROJECT_FILTER, &suggested)
        else {
            return Ok(None);
        };
        Ok(Some(core::send_for_review(&project, &id, &reviewer, &out, &by, &core::now_utc())?))
    })
    .await
}

/// Merges review copies the user picks; `None` when cancelled.
#[tauri::command]
pub async fn merge_review_copies(app: AppHandle) -> Result<Option<core::MergeReport>> {
    let project = app_state(&app).project()?;
    let by = me(&app)?;
    blocking(move || {
        let ask = Ask::OpenMany { title: "Merge returned review copies", filter: PROJECT_FILTER };
        let Some(copies) = dialogs::ask(&app, ask) else {
            return Ok(None);
        };
        let report = core::merge_review_copies(&project, &copies, &by, &core::now_utc())?;
        state::lock(&app_state(&app).preview).forget_pages();
        Ok(Some(report))
    })
    .await
}

/// Writes the review sheet (the text with line numbers and every comment) as a PDF where the
/// user chooses; returns the file, or `None` when cancelled.
#[tauri::command]
pub async fn save_review_sheet(app: AppHandle, id: String) -> Result<Option<String>> {
    let project = app_state(&app).project()?;
    blocking(move || {
        let suggested = format!("{id} - review sheet.pdf");
        let Some(out) = dialogs::ask_save(&app, "Save the review sheet", PDF_FILTER, &suggested)
        else {
            return Ok(None);
        };
        core::save_review_sheet(&project, &id, &out, &core::now_utc())?;
        Ok(Some(out.display().to_string()))
    })
    .await
}

/// The word-level differences between two versions.
#[tauri::command]
pub async fn diff_versions(
    app: AppHandle,
    id: String,
    from: u32,
    to: u32,
) -> Result<core::VersionDiff> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::diff_versions(&project, &id, from, to)?)).await
}

/// What publishing did: the folder written, or why it was refused.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PublishOutcome {
    /// The folder of the bundle; `None` when refused or cancelled.
    pub folder: Option<String>,
    /// Why nothing was published (not approved, errors); empty when it was.
    pub refused: Vec<String>,
    pub problems: Vec<core::ProblemItem>,
    /// The reason recorded when publishing was forced.
    pub forced: Option<String>,
}

/// Publishes the document into a new folder the user names; `force` publishes anyway,
/// recording the reason in the manifest.
#[tauri::command]
pub async fn publish_document(
    app: AppHandle,
    id: String,
    force: Option<String>,
) -> Result<Option<PublishOutcome>> {
    let project = app_state(&app).project()?;
    let by = me(&app)?;
    blocking(move || {
        let suggested = format!("{id} - publication");
        let ask = Ask::Save {
            title: "Publish into a new folder",
            filter: ("Folder", &["*"]),
            suggested: &suggested,
        };
        let Some(out) = dialogs::ask(&app, ask).and_then(|p| p.into_iter().next()) else {
            return Ok(None);
        };
        let request = core::PublishRequest {
            project: project.clone(),
            document: id,
            out: out.clone(),
            force,
        };
        let report = core::publish(&request, &by, &core::now_utc())?;
        let problems = core::problem_items(&report.report.text, &report.report.diagnostics);
        Ok(Some(PublishOutcome {
            folder: report.refused.is_empty().then(|| out.display().to_string()),
            forced: report.manifest.and_then(|m| m.forced).map(|f| f.reason),
            refused: report.refused,
            problems,
        }))
    })
    .await
}
