//! The native open and save dialogs: the only way the window obtains a file path.
//!
//! For the end-to-end tests, which cannot click in a GTK dialog, `CANDOR_TEST_DIALOG_DIR`
//! names a folder: when a dialog would open, Candor answers it from the file
//! `next-dialog.json` there (`{"paths": ["…"]}` or `{"cancel": true}`) and deletes the file.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

/// What a dialog asks for.
pub enum Ask<'a> {
    /// One existing file.
    Open { title: &'a str, filter: (&'a str, &'a [&'a str]) },
    /// Several existing files.
    OpenMany { title: &'a str, filter: (&'a str, &'a [&'a str]) },
    /// A new file's name, with a suggested one.
    Save { title: &'a str, filter: (&'a str, &'a [&'a str]), suggested: &'a str },
}

/// Where PDFs are saved.
pub const PDF_FILTER: (&str, &[&str]) = ("PDF document", &["pdf"]);

/// Asks for a new file's name, as [`Ask::Save`]; the filter's first extension is added when
/// the name given lacks it. `None` if the user cancelled.
pub fn ask_save(
    app: &AppHandle,
    title: &str,
    filter: (&str, &[&str]),
    suggested: &str,
) -> Option<PathBuf> {
    let mut path = ask(app, Ask::Save { title, filter, suggested })?.into_iter().next()?;
    if let Some(extension) = filter.1.first()
        && path.extension().is_none_or(|e| e != *extension)
    {
        path.as_mut_os_string().push(format!(".{extension}"));
    }
    Some(path)
}

/// Shows a dialog and waits for the answer; `None` if the user cancelled. Must not run on
/// the main thread (commands call it on a blocking thread).
pub fn ask(app: &AppHandle, ask: Ask<'_>) -> Option<Vec<PathBuf>> {
    if let Some(dir) = std::env::var_os("CANDOR_TEST_DIALOG_DIR") {
        return scripted_answer(&PathBuf::from(dir));
    }
    let builder = |title: &str, (name, extensions): (&str, &[&str])| -> FileDialogBuilder<_> {
        app.dialog().file().set_title(title).add_filter(name, extensions)
    };
    let picked = match ask {
        Ask::Open { title, filter } => builder(title, filter).blocking_pick_file().map(|p| vec![p]),
        Ask::OpenMany { title, filter } => builder(title, filter).blocking_pick_files(),
        Ask::Save { title, filter, suggested } => {
            builder(title, filter).set_file_name(suggested).blocking_save_file().map(|p| vec![p])
        }
    }?;
    let paths: Vec<PathBuf> = picked.into_iter().filter_map(|p| p.into_path().ok()).collect();
    (!paths.is_empty()).then_some(paths)
}

fn scripted_answer(dir: &std::path::Path) -> Option<Vec<PathBuf>> {
    #[derive(serde::Deserialize)]
    struct Answer {
        #[serde(default)]
        paths: Vec<PathBuf>,
        #[serde(default)]
        cancel: bool,
    }
    let file = dir.join("next-dialog.json");
    let text = std::fs::read_to_string(&file).ok();
    let _ = std::fs::remove_file(&file);
    let Some(text) = text else {
        eprintln!("candor: a dialog opened with no scripted answer in {}", file.display());
        return None;
    };
    match serde_json::from_str::<Answer>(&text) {
        Ok(answer) if !answer.cancel && !answer.paths.is_empty() => Some(answer.paths),
        Ok(_) => None,
        Err(e) => {
            eprintln!("candor: {}: {e}", file.display());
            None
        }
    }
}
