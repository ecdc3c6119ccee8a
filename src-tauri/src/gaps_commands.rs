//! The gap report of a document — what it leaves out of its sources or cannot back with them —
//! and what the author does about changed sources: confirm that a citation still holds, or
//! import a new version of a source. Thin, like the others: one candor-core use case each,
//! on a blocking thread.

use std::path::PathBuf;

use candor_core as core;
use serde::Serialize;
use tauri::AppHandle;

use crate::commands::{Result, SOURCE_FILTER, app_state, blocking};
use crate::dialogs::{self, Ask, PDF_FILTER};

/// The gap report, with each changed passage compared word by word for the side-by-side view.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct GapView {
    pub report: core::GapReport,
    /// One per `report.stale`, in the same order: the passage as cited and as it is now.
    pub compared: Vec<core::PassageDiff>,
}

/// The gap report of document `id`: of `text` (the editor's unsaved text) when given, else of
/// its latest version.
#[tauri::command]
pub async fn gap_report(app: AppHandle, id: String, text: Option<String>) -> Result<GapView> {
    let project = app_state(&app).project()?;
    blocking(move || {
        let report = core::gap_report(&project, &id, text.as_deref())?;
        let compared = report
            .stale
            .iter()
            .map(|s| core::passage_diff(&s.citation.old_text, s.citation.new_text.as_deref()))
            .collect();
        Ok(GapView { report, compared })
    })
    .await
}

/// Writes the gap report as a tagged PDF where the user chooses; returns the file, or `None`
/// when cancelled.
#[tauri::command]
pub async fn save_gap_report(
    app: AppHandle,
    id: String,
    text: Option<String>,
) -> Result<Option<String>> {
    let project = app_state(&app).project()?;
    blocking(move || {
        let suggested = format!("{id}-gaps.pdf");
        let Some(out) = dialogs::ask_save(&app, "Save the gap report", PDF_FILTER, &suggested)
        else {
            return Ok(None);
        };
        let pdf = core::GapFormat::Pdf;
        core::save_gap_report(&project, &id, text.as_deref(), pdf, &out, &core::now_utc())?;
        Ok(Some(out.display().to_string()))
    })
    .await
}

/// Records, as the identity saved here, that document `id`'s citation `citation`
/// (`SOURCE#PASSAGE`, as written in `text`, the editor's text, or else in its latest version)
/// still holds against the source's current version; returns how many were confirmed.
#[tauri::command]
pub async fn confirm_citation(
    app: AppHandle,
    id: String,
    citation: String,
    text: Option<String>,
) -> Result<u32> {
    let project = app_state(&app).project()?;
    let by = core::acting(core::load_identity(&app_state(&app).config_dir).as_ref(), None)?;
    blocking(move || {
        let n = core::confirm_citations(
            &project,
            &id,
            text.as_deref(),
            Some(&citation),
            &by,
            &core::now_utc(),
        )?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    })
    .await
}

/// Imports a file the user picks as a new version of source `source`; `None` when cancelled.
/// A file that cannot be imported is reported in the outcome, and the source stays as it was.
#[tauri::command]
pub async fn update_source(app: AppHandle, source: String) -> Result<Option<core::ImportOutcome>> {
    let project = app_state(&app).project()?;
    blocking(move || {
        let ask = Ask::Open { title: "Import a new version of the source", filter: SOURCE_FILTER };
        let Some(file) = dialogs::ask(&app, ask).and_then(|p| p.into_iter().next()) else {
            return Ok(None);
        };
        let outcome = core::update_source(&project, &source, &file, &core::now_utc());
        let files: [PathBuf; 1] = [file];
        Ok(core::import_outcomes(&files, vec![outcome]).pop())
    })
    .await
}
