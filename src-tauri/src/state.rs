//! What the app keeps while it runs: the open project, the preview, files dropped on the
//! window and files exported, each reachable by the window only through an id.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
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
    drops: Mutex<Kept<Vec<PathBuf>>>,
    exports: Mutex<Kept<PathBuf>>,
    pub cancel: Arc<AtomicBool>,
    /// The recent-projects list.
    pub recent_file: PathBuf,
    /// Where the example project is created.
    pub example_file: PathBuf,
    /// Candor's preferences folder (the reviewer's identity), shared with the CLI.
    pub config_dir: PathBuf,
}

impl AppState {
    pub fn new(app: &AppHandle) -> Result<Self, Box<dyn std::error::Error>> {
        let config = app.path().app_config_dir()?;
        let data = app.path().app_data_dir()?;
        Ok(Self {
            project: Mutex::new(None),
            preview: Mutex::new(candor_core::PreviewSession::default()),
            drops: Mutex::new(Kept::new(16)),
            exports: Mutex::new(Kept::new(64)),
            cancel: Arc::new(AtomicBool::new(false)),
            recent_file: config.join("recent-projects.json"),
            example_file: data.join("Example - Aurora-2 public summary.candor"),
            config_dir: config,
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
        lock(&self.drops).keep(paths)
    }

    /// The files of a drop, once: a drop is imported at most one time.
    pub fn take_drop(&self, id: u32) -> Option<Vec<PathBuf>> {
        lock(&self.drops).take(id)
    }

    pub fn remember_export(&self, path: PathBuf) -> u32 {
        lock(&self.exports).keep(path)
    }

    pub fn export_path(&self, id: u32) -> Option<PathBuf> {
        lock(&self.exports).get(id).cloned()
    }
}

/// Values the window refers to by a number it was given: the newest `capacity` are kept.
pub struct Kept<T> {
    next: u32,
    capacity: usize,
    items: BTreeMap<u32, T>,
}

impl<T> Kept<T> {
    pub fn new(capacity: usize) -> Self {
        Self { next: 1, capacity, items: BTreeMap::new() }
    }

    /// Keeps `value`, forgetting the oldest one when full; returns its number.
    pub fn keep(&mut self, value: T) -> u32 {
        let id = self.next;
        self.next = self.next.wrapping_add(1).max(1);
        self.items.insert(id, value);
        while self.items.len() > self.capacity {
            self.items.pop_first();
        }
        id
    }

    pub fn get(&self, id: u32) -> Option<&T> {
        self.items.get(&id)
    }

    pub fn take(&mut self, id: u32) -> Option<T> {
        self.items.remove(&id)
    }
}

/// Locks a mutex, recovering it if a panicking thread left it poisoned: the data inside is
/// plain values that stay consistent.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::Kept;

    #[test]
    fn kept_values_are_found_once_and_the_oldest_go_first() {
        let mut kept = Kept::new(2);
        let a = kept.keep("a");
        let b = kept.keep("b");
        assert_ne!(a, b);
        assert_eq!(kept.get(a), Some(&"a"));
        assert_eq!(kept.take(a), Some("a"));
        assert_eq!(kept.take(a), None, "a drop is imported at most once");
        let c = kept.keep("c");
        let d = kept.keep("d");
        assert_eq!(kept.get(b), None, "the oldest is forgotten when full");
        assert_eq!((kept.get(c), kept.get(d)), (Some(&"c"), Some(&"d")));
        assert_eq!(kept.get(999), None);
    }
}
