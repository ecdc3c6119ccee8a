//! Candor's desktop window: a Tauri 2 shell over candor-core.
//!
//! Commands are thin (read state, call one candor-core use case on a blocking thread,
//! convert the error to `{code, message}`). Files reach Rust only through the native open
//! and save dialogs, drops onto the window and the recent-projects list: the window never
//! names a path itself. The app makes no network connection.

#[cfg(test)]
mod bindings;
mod branding_commands;
#[cfg(test)]
mod command_names;
mod commands;
mod dialogs;
mod error;
mod gaps_commands;
mod progress;
mod removals_commands;
mod review_commands;
mod state;

use tauri::Manager;

pub use error::CommandError;
pub use progress::ProgressEvent;

/// Starts the app and blocks until its window closes.
pub fn run() {
    state::mark_process_start();
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let state = state::AppState::new(app.handle())?;
            app.manage(state);
            Ok(())
        })
        .on_window_event(commands::on_window_event)
        .invoke_handler(tauri::generate_handler![
            commands::app_ready,
            commands::recent_projects,
            commands::forget_recent,
            commands::new_project,
            commands::open_project,
            commands::open_recent,
            commands::open_example,
            commands::close_project,
            commands::project_overview,
            commands::import_sources,
            commands::import_dropped,
            commands::cancel_task,
            commands::source_reader,
            commands::search_sources,
            commands::starters,
            commands::risk_vocabulary,
            commands::new_document,
            commands::open_document,
            commands::autosave,
            commands::save_version,
            commands::versions,
            commands::version_text,
            commands::restore_version,
            commands::preview,
            commands::preview_html,
            commands::project_glossary,
            commands::set_project_glossary,
            commands::project_taxonomy,
            commands::set_project_taxonomy,
            branding_commands::project_branding,
            branding_commands::set_branding,
            branding_commands::set_branding_logo,
            branding_commands::clear_branding_logo,
            review_commands::identity,
            review_commands::set_identity,
            review_commands::review_status,
            review_commands::add_comment,
            review_commands::resolve_comment,
            review_commands::decide_suggestions,
            review_commands::approve_document,
            review_commands::send_for_review,
            review_commands::merge_review_copies,
            review_commands::save_review_sheet,
            review_commands::diff_versions,
            review_commands::publish_document,
            removals_commands::removals,
            removals_commands::record_removal,
            removals_commands::withdraw_removal,
            gaps_commands::gap_report,
            gaps_commands::save_gap_report,
            gaps_commands::confirm_citation,
            gaps_commands::update_source,
            commands::export_document,
            commands::reveal_export,
        ]);
    if let Err(e) = builder.run(tauri::generate_context!()) {
        eprintln!("candor: the window could not start: {e}");
        std::process::exit(1);
    }
}
