//! The removals log: what the author deliberately left out of a document's public version,
//! and why. Thin, like the others: one candor-core use case each, on a blocking thread. The
//! log stays in the project file; exports only state that removals were made.

use candor_core as core;
use tauri::AppHandle;

use crate::commands::{Result, app_state, blocking};

/// The removals log of document `id`, oldest first, withdrawn entries included.
#[tauri::command]
pub async fn removals(app: AppHandle, id: String) -> Result<Vec<core::RemovalItem>> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::list_removals(&project, &id)?)).await
}

/// Records that `what` was left out of document `id` on the ground `why` (`security`,
/// `commercial`, `personal-data`, `other`), decided now by the identity saved here.
#[tauri::command]
pub async fn record_removal(
    app: AppHandle,
    id: String,
    what: String,
    why: String,
    reason: String,
    source: Option<String>,
    passage: Option<String>,
) -> Result<core::RemovalItem> {
    let project = app_state(&app).project()?;
    let by = core::acting(core::load_identity(&app_state(&app).config_dir).as_ref(), None)?;
    blocking(move || {
        let request = core::RemovalRequest {
            document: &id,
            what: &what,
            why: &why,
            reason: &reason,
            source: source.as_deref(),
            passage: passage.as_deref(),
        };
        Ok(core::record_removal(&project, &request, &by, &core::now_utc())?)
    })
    .await
}

/// Withdraws a removal: it stays in the log, marked withdrawn, and no longer counts.
#[tauri::command]
pub async fn withdraw_removal(app: AppHandle, removal: String) -> Result<core::RemovalItem> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::withdraw_removal(&project, &removal, &core::now_utc())?)).await
}
