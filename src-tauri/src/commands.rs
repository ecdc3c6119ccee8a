//! The commands the window calls. Each reads the state, runs one candor-core use case on a
//! blocking thread and converts its error; nothing else happens here.

use std::path::PathBuf;

use candor_core as core;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Emitter, Manager, State, Window, WindowEvent};

use crate::CommandError;
use crate::dialogs::{self, Ask};
use crate::progress::{ChannelProgress, ProgressEvent};
use crate::state::{self, AppState};

pub(crate) type Result<T> = std::result::Result<T, CommandError>;

const PROJECT_FILTER: (&str, &[&str]) = ("Candor project", &["candor"]);
pub(crate) const SOURCE_FILTER: (&str, &[&str]) =
    ("Technical documents", &["pdf", "docx", "html", "htm", "md", "markdown", "json"]);

/// Runs blocking work off the async runtime's threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| CommandError::internal(format!("The work stopped unexpectedly: {e}")))?
}

/// What the window learns when it is ready.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AppInfo {
    pub version: String,
    /// Milliseconds from the start of the process to the window being ready.
    pub startup_ms: u32,
}

#[tauri::command]
pub fn app_ready() -> AppInfo {
    let startup_ms = state::ms_since_start() as u32;
    if std::env::var_os("CANDOR_REPORT_STARTUP").is_some() {
        println!("candor: window ready after {startup_ms} ms");
    }
    AppInfo { version: env!("CARGO_PKG_VERSION").to_owned(), startup_ms }
}

#[tauri::command]
pub fn recent_projects(state: State<'_, AppState>) -> Vec<core::RecentProject> {
    core::recent_projects(&state.recent_file)
}

#[tauri::command]
pub fn forget_recent(state: State<'_, AppState>, path: String) -> Result<()> {
    Ok(core::forget_project(&state.recent_file, &path)?)
}

/// Opens `path` as the current project and remembers it among the recent ones.
fn open_path(state: &AppState, path: PathBuf) -> Result<core::ProjectOverview> {
    let overview = core::project_overview(&path)?;
    state.set_project(Some(path.clone()));
    // The list is a convenience: failing to update it does not stop the project opening.
    let _ = core::remember_project(&state.recent_file, &path, &core::now_utc());
    Ok(overview)
}

#[tauri::command]
pub async fn new_project(app: AppHandle) -> Result<Option<core::ProjectOverview>> {
    blocking(move || {
        let Some(path) =
            dialogs::ask_save(&app, "Create a project", PROJECT_FILTER, "Untitled.candor")
        else {
            return Ok(None);
        };
        if path.exists() {
            return Err(CommandError::invalid(format!(
                "{} already exists. Choose another name, or open it with “Open project”.",
                path.display()
            )));
        }
        core::create_project(&path)?;
        open_path(&app_state(&app), path).map(Some)
    })
    .await
}

#[tauri::command]
pub async fn open_project(app: AppHandle) -> Result<Option<core::ProjectOverview>> {
    blocking(move || {
        let ask = Ask::Open { title: "Open a project", filter: PROJECT_FILTER };
        let Some(path) = dialogs::ask(&app, ask).and_then(|p| p.into_iter().next()) else {
            return Ok(None);
        };
        open_path(&app_state(&app), path).map(Some)
    })
    .await
}

/// Opens a project of the recent list; any other path is refused.
#[tauri::command]
pub async fn open_recent(app: AppHandle, path: String) -> Result<core::ProjectOverview> {
    blocking(move || {
        let state = app_state(&app);
        if !core::recent_projects(&state.recent_file).iter().any(|p| p.path == path) {
            return Err(CommandError::invalid("That project is not in the recent list."));
        }
        open_path(&state, PathBuf::from(path))
    })
    .await
}

/// Opens the bundled example project, creating it on first use.
#[tauri::command]
pub async fn open_example(app: AppHandle) -> Result<core::ProjectOverview> {
    blocking(move || {
        let state = app_state(&app);
        if !state.example_file.exists() {
            core::create_example_project(&state.example_file, &core::now_utc())?;
        }
        open_path(&state, state.example_file.clone())
    })
    .await
}

#[tauri::command]
pub fn close_project(state: State<'_, AppState>) {
    state.set_project(None);
}

#[tauri::command]
pub async fn project_overview(app: AppHandle) -> Result<core::ProjectOverview> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::project_overview(&project)?)).await
}

fn import(
    app: &AppHandle,
    files: Vec<PathBuf>,
    on_progress: Channel<ProgressEvent>,
) -> Result<Vec<core::ImportOutcome>> {
    let state = app_state(app);
    let project = state.project()?;
    let mut progress = ChannelProgress::new(on_progress, state.cancel.clone());
    let outcomes = core::import_files(&project, &files, &core::now_utc(), &mut progress)?;
    Ok(core::import_outcomes(&files, outcomes))
}

#[tauri::command]
pub async fn import_sources(
    app: AppHandle,
    on_progress: Channel<ProgressEvent>,
) -> Result<Option<Vec<core::ImportOutcome>>> {
    app_state(&app).project()?;
    blocking(move || {
        let ask = Ask::OpenMany { title: "Import technical documents", filter: SOURCE_FILTER };
        let Some(files) = dialogs::ask(&app, ask) else { return Ok(None) };
        import(&app, files, on_progress).map(Some)
    })
    .await
}

/// Imports the files of a drop onto the window (see [`on_window_event`]).
#[tauri::command]
pub async fn import_dropped(
    app: AppHandle,
    drop_id: u32,
    on_progress: Channel<ProgressEvent>,
) -> Result<Vec<core::ImportOutcome>> {
    let files = app_state(&app)
        .take_drop(drop_id)
        .ok_or_else(|| CommandError::invalid("Those dropped files were already handled."))?;
    blocking(move || import(&app, files, on_progress)).await
}

#[tauri::command]
pub fn cancel_task(state: State<'_, AppState>) {
    state.cancel.store(true, std::sync::atomic::Ordering::SeqCst);
}

#[tauri::command]
pub async fn source_reader(app: AppHandle, id: String) -> Result<core::SourceReader> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::source_reader(&project, &id)?)).await
}

#[tauri::command]
pub async fn search_sources(app: AppHandle, query: String) -> Result<Vec<core::SearchHit>> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::search_sources(&project, &query, 50)?)).await
}

#[tauri::command]
pub fn starters() -> Vec<core::StarterInfo> {
    core::starters()
}

/// The categories, mitigation kinds, severities and likelihood words a risk block may use:
/// the built-in taxonomy with the open project's own categories and kinds.
#[tauri::command]
pub async fn risk_vocabulary(app: AppHandle) -> Result<core::RiskVocabulary> {
    let project = app_state(&app).project().ok();
    blocking(move || {
        let taxonomy = match project {
            Some(project) => core::project_taxonomy(&project)?,
            None => std::sync::Arc::new(candor_model::Taxonomy::builtin().clone()),
        };
        Ok(core::risk_vocabulary(&taxonomy))
    })
    .await
}

#[tauri::command]
pub async fn new_document(app: AppHandle, starter: String, sources: Vec<String>) -> Result<String> {
    let project = app_state(&app).project()?;
    blocking(move || {
        let id = core::new_document(&project, &starter, &sources, &core::now_utc())?;
        Ok(id.as_str().to_owned())
    })
    .await
}

#[tauri::command]
pub async fn open_document(app: AppHandle, id: String) -> Result<core::EditingDocument> {
    let project = app_state(&app).project()?;
    state::lock(&app_state(&app).preview).set_document(Some(id.clone()));
    blocking(move || Ok(core::open_for_editing(&project, &id)?)).await
}

#[tauri::command]
pub async fn autosave(app: AppHandle, id: String, text: String) -> Result<()> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::autosave_document(&project, &id, &text, &core::now_utc())?)).await
}

#[tauri::command]
pub async fn save_version(
    app: AppHandle,
    id: String,
    text: String,
    note: String,
) -> Result<core::VersionItem> {
    let project = app_state(&app).project()?;
    // Who saved, when known: an edit that clears an approval is recorded with their name.
    let config = app_state(&app).config_dir.clone();
    let by = core::load_identity(&config).map(|i| i.person()).unwrap_or_default();
    blocking(move || Ok(core::save_version_as(&project, &id, &text, &note, &core::now_utc(), &by)?))
        .await
}

#[tauri::command]
pub async fn versions(app: AppHandle, id: String) -> Result<Vec<core::VersionItem>> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::versions(&project, &id)?)).await
}

#[tauri::command]
pub async fn version_text(app: AppHandle, id: String, number: u32) -> Result<String> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::get_document(&project, &id, Some(number))?)).await
}

#[tauri::command]
pub async fn restore_version(
    app: AppHandle,
    id: String,
    number: u32,
) -> Result<core::EditingDocument> {
    let project = app_state(&app).project()?;
    blocking(move || {
        core::restore_version(&project, &id, number, &core::now_utc())?;
        Ok(core::open_for_editing(&project, &id)?)
    })
    .await
}

/// Typesets the working text into page previews; only changed pages carry an SVG. With
/// `all_pages` (the window shows no pages yet: another document, a restored version) every
/// page carries one.
#[tauri::command]
pub async fn preview(app: AppHandle, text: String, all_pages: bool) -> Result<core::PreviewUpdate> {
    let project = app_state(&app).project().ok();
    blocking(move || {
        let state = app_state(&app);
        let mut session = state::lock(&state.preview);
        if all_pages {
            session.forget_pages();
        }
        Ok(session.update(&text, project.as_deref())?)
    })
    .await
}

/// The project's own risk categories and mitigation kinds, in the taxonomy text format
/// (empty when none).
#[tauri::command]
pub async fn project_taxonomy(app: AppHandle) -> Result<String> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::project_taxonomy_text(&project)?)).await
}

/// What saving the project's own categories did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TaxonomyOutcome {
    /// Whether the entries were saved; when not, `problems` says why and nothing changed.
    pub saved: bool,
    /// How many categories and kinds the project now adds or rewords.
    pub entries: u32,
    /// Problems with their line numbers ("line 3: …").
    pub problems: Vec<String>,
}

/// Replaces the project's own risk categories and mitigation kinds; the next preview and
/// check read documents against them.
#[tauri::command]
pub async fn set_project_taxonomy(app: AppHandle, text: String) -> Result<TaxonomyOutcome> {
    let project = app_state(&app).project()?;
    blocking(move || {
        Ok(match core::set_project_taxonomy(&project, &text)? {
            Ok(entries) => {
                TaxonomyOutcome { saved: true, entries: entries as u32, problems: Vec::new() }
            }
            Err(problems) => TaxonomyOutcome {
                saved: false,
                entries: 0,
                problems: problems.iter().map(ToString::to_string).collect(),
            },
        })
    })
    .await
}

/// The project's own glossary entries, in the glossary text format (empty when none).
#[tauri::command]
pub async fn project_glossary(app: AppHandle) -> Result<String> {
    let project = app_state(&app).project()?;
    blocking(move || Ok(core::project_glossary_text(&project)?)).await
}

/// What saving the project's glossary did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct GlossaryOutcome {
    /// Whether the entries were saved; when not, `problems` says why and nothing changed.
    pub saved: bool,
    pub entries: u32,
    /// Problems with their line numbers ("line 3: …").
    pub problems: Vec<String>,
}

/// Replaces the project's own glossary entries; the next preview checks with them.
#[tauri::command]
pub async fn set_project_glossary(app: AppHandle, text: String) -> Result<GlossaryOutcome> {
    let project = app_state(&app).project()?;
    blocking(move || {
        let outcome = match core::set_project_glossary(&project, &text)? {
            Ok(entries) => {
                state::lock(&app_state(&app).preview).glossary_changed();
                GlossaryOutcome { saved: true, entries: entries as u32, problems: Vec::new() }
            }
            Err(problems) => GlossaryOutcome {
                saved: false,
                entries: 0,
                problems: problems.iter().map(ToString::to_string).collect(),
            },
        };
        Ok(outcome)
    })
    .await
}

#[tauri::command]
pub async fn preview_html(app: AppHandle, text: String) -> Result<String> {
    let project = app_state(&app).project().ok();
    blocking(move || Ok(core::preview_html(&text, project.as_deref())?)).await
}

/// The outcome of an export from the window.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportOutcome {
    /// The written file, for display; `None` when problems stopped the export.
    pub file: Option<String>,
    /// Pass this to `reveal_export` to show the file in its folder.
    pub export_id: Option<u32>,
    /// Every problem found, errors first.
    pub problems: Vec<core::ProblemItem>,
}

/// Exports the working text as `pdf`, `pdf-ua`, `html`, `risk-json` or `risk-html` to a file
/// the user chooses; a successful export is recorded as a version, a failed one changes
/// nothing.
#[tauri::command]
pub async fn export_document(
    app: AppHandle,
    id: String,
    text: String,
    format: String,
    on_progress: Channel<ProgressEvent>,
) -> Result<Option<ExportOutcome>> {
    let project = app_state(&app).project()?;
    let (extension, filter_name, standard) = match format.as_str() {
        "pdf" => ("pdf", "PDF document", core::PdfStandard::Tagged),
        "pdf-ua" => ("pdf", "PDF/UA-1 document", core::PdfStandard::Ua1),
        "html" => ("html", "Web page", core::PdfStandard::Tagged),
        "risk-json" => ("json", "Risk cards as data (JSON)", core::PdfStandard::Tagged),
        "risk-html" => ("html", "Risk cards to embed (HTML)", core::PdfStandard::Tagged),
        other => return Err(CommandError::invalid(format!("Unknown export format “{other}”."))),
    };
    blocking(move || {
        let state = app_state(&app);
        let title = candor_core::document_file_stem(&text, &id);
        let suggested = format!("{title}.{extension}");
        let Some(path) = dialogs::ask_save(&app, "Export", (filter_name, &[extension]), &suggested)
        else {
            return Ok(None);
        };
        let request = core::ExportRequest {
            document: core::DocumentSource::Draft { project: project.clone(), id, text },
            pdf: (extension == "pdf").then(|| path.clone()),
            html: (format == "html").then(|| path.clone()),
            pdf_standard: standard,
            typst_source: None,
            risk_json: (format == "risk-json").then(|| path.clone()),
            risk_html: (format == "risk-html").then(|| path.clone()),
        };
        let mut progress = ChannelProgress::new(on_progress, state.cancel.clone());
        let report = core::export_document(&request, &mut progress)?;
        let problems = core::problem_items(&report.text, &report.diagnostics);
        let written = report.written.first().cloned();
        Ok(Some(ExportOutcome {
            file: written.as_ref().map(|p| p.display().to_string()),
            export_id: written.map(|p| state.remember_export(p)),
            problems,
        }))
    })
    .await
}

/// Shows an exported file in the system's file manager.
#[tauri::command]
pub fn reveal_export(state: State<'_, AppState>, export_id: u32) -> Result<()> {
    let path = state
        .export_path(export_id)
        .ok_or_else(|| CommandError::invalid("Candor does not know that exported file."))?;
    tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| {
        CommandError::internal(format!(
            "Could not show {} in its folder: {e}. The file is there; open its folder by hand.",
            path.display()
        ))
    })
}

/// What the window hears about files dragged over it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DropEvent {
    /// Files are being dragged over the window.
    Over,
    /// The drag left the window.
    Left,
    /// Files were dropped; import them with `import_dropped(drop_id)`.
    Dropped { drop_id: u32, names: Vec<String> },
}

/// Keeps the paths of files dropped on the window; the window only learns their names.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::DragDrop(drag) = event else { return };
    let message = match drag {
        tauri::DragDropEvent::Enter { .. } | tauri::DragDropEvent::Over { .. } => DropEvent::Over,
        tauri::DragDropEvent::Leave => DropEvent::Left,
        tauri::DragDropEvent::Drop { paths, .. } => {
            let names = paths
                .iter()
                .map(|p| {
                    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
                })
                .collect();
            let drop_id = app_state(window.app_handle()).remember_drop(paths.clone());
            DropEvent::Dropped { drop_id, names }
        }
        _ => return,
    };
    let _ = window.emit("candor://drop", message);
}

pub(crate) fn app_state(app: &AppHandle) -> tauri::State<'_, AppState> {
    app.state::<AppState>()
}
