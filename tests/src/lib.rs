//! Shared helpers for Candor's end-to-end tests: where fixtures, the shared corpus and the
//! independent checkers are, and how to run those checkers.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_owned).unwrap_or_default()
}

/// `tests/fixtures/NAME`.
pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// Every `*.md` file of a fixture folder, sorted.
pub fn fixture_documents(folder: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(fixture(folder))
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    found.retain(|p| p.extension().is_some_and(|e| e == "md"));
    found.sort();
    found
}

/// Whether we run in CI, where nothing may be skipped.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// A required external tool: present, or skip with a visible notice outside CI (and fail
/// in CI, where `make test` has installed everything).
pub fn require_tool(what: &str, available: bool) -> bool {
    if available {
        return true;
    }
    assert!(!in_ci(), "{what} is missing in CI; `make test` installs it");
    eprintln!("NOTICE: skipped, {what} is not installed here (run `make deps`)");
    false
}

/// Whether `program` can be started.
pub fn has_program(program: &str) -> bool {
    Command::new(program).arg("-v").output().is_ok()
}

/// The folder of the independent checkers (`tests/checkers`).
pub fn checkers_dir() -> PathBuf {
    std::env::var_os("CANDOR_CHECKERS")
        .map_or_else(|| repo_root().join("tests/checkers"), PathBuf::from)
}

/// The Python with the checkers' packages (`.venv`).
pub fn python() -> PathBuf {
    std::env::var_os("CANDOR_PYTHON")
        .map_or_else(|| repo_root().join(".venv/bin/python"), PathBuf::from)
}

/// The outcome of a checker run.
#[derive(Debug)]
pub struct CheckerRun {
    pub success: bool,
    pub output: String,
}

/// Runs `program args...` and collects its exit status and output.
pub fn run(program: &Path, args: &[&std::ffi::OsStr]) -> CheckerRun {
    match Command::new(program).args(args).output() {
        Ok(out) => CheckerRun {
            success: out.status.success(),
            output: format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        },
        Err(e) => CheckerRun {
            success: false,
            output: format!("cannot start {}: {e}", program.display()),
        },
    }
}

/// The shared corpus of real published documents (`../shared/corpus` beside the clone), or
/// `None` with a visible notice where it is absent (a user's clone). In CI it must exist.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = repo_root().join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(!in_ci(), "the shared corpus is missing in CI: expected {}", dir.display());
    eprintln!("NOTICE: skipped, the shared corpus is not here ({})", dir.display());
    None
}
