//! What the app keeps while it runs: the open project, the preview, files dropped on the
//! window and files exported, each reachable by the window only through an id.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Instant;

use tauri::{AppHandle, Manager};

use crate::CommandError;

static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Notes when the process started, for the startup time `app_ready` reports.
pub fn mark_process_start() {
    let _ = PROCESS_START.set(Instant::now());
}

/// Milliseconds since [`mark_process_start`].
pub fn ms_since_start() -> u64 {
    PROCESS_START.get().map_or(0, |t| t.elapsed().as_millis() as u64)
}

pub struct AppState {
    project: Mutex<Option<PathBuf>>,
    pub preview: Mutex<candor_core::PreviewSession>,
    drops: Mutex<HashMap<u32, Vec<PathBuf>>>,
    next_id: AtomicU32,
    exports: Mutex<HashMap<u32, PathBuf>>,
    pub cancel: Arc<AtomicBool>,
    /// The recent-projects list.
    pub recent_file: PathBuf,
    /// Where the example project is created.
    pub example_file: PathBuf,
}

impl AppState {
    pub fn new(app: &AppHandle) -> Result<Self, Box<dyn std::error::Error>> {
        let config = app.path().app_config_dir()?;
        let data = app.path().app_data_dir()?;
        Ok(Self {
            project: Mutex::new(None),
            preview: Mutex::new(candor_core::PreviewSession::default()),
            drops: Mutex::new(HashMap::new()),
            next_id: AtomicU32::new(1),
            exports: Mutex::new(HashMap::new()),
            cancel: Arc::new(AtomicBool::new(false)),
            recent_file: config.join("recent-projects.json"),
            example_file: data.join("Example - Aurora-2 public summary.candor"),
        })
    }

    /// The open project's file, or the error the window shows when none is open.
    pub fn project(&self) -> Result<PathBuf, CommandError> {
        lock(&self.project).clone().ok_or_else(CommandError::no_project)
    }

    pub fn set_project(&self, path: Option<PathBuf>) {
        *lock(&self.project) = path;
        *lock(&self.preview) = candor_core::PreviewSession::default();
    }

    /// Keeps files dropped on the window until the window asks to import them.
    pub fn remember_drop(&self, paths: Vec<PathBuf>) -> u32 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut drops = lock(&self.drops);
        // Only the latest few drops matter; the window imports or ignores them at once.
        if drops.len() > 16 {
            drops.clear();
        }
        drops.insert(id, paths);
        id
    }

    pub fn take_drop(&self, id: u32) -> Option<Vec<PathBuf>> {
        lock(&self.drops).remove(&id)
    }

    pub fn remember_export(&self, path: PathBuf) -> u32 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        lock(&self.exports).insert(id, path);
        id
    }

    pub fn export_path(&self, id: u32) -> Option<PathBuf> {
        lock(&self.exports).get(&id).cloned()
    }
}

/// Locks a mutex, recovering it if a panicking thread left it poisoned: the data inside is
/// plain values that stay consistent.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
