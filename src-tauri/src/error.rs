//! Errors as the window receives them: a stable code to branch on and a message to show.

use serde::Serialize;

/// `{code, message}`: `code` is candor-core's [`candor_core::ErrorCode`] (`not-found`,
/// `import-failed`, …) or `no-project` / `internal`; `message` says what happened and what
/// to do, in words for the user.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl CommandError {
    pub fn no_project() -> Self {
        Self {
            code: "no-project".into(),
            message: "No project is open. Open or create a project first.".into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self { code: "internal".into(), message: message.into() }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self { code: "invalid-input".into(), message: message.into() }
    }
}

impl From<candor_core::Error> for CommandError {
    fn from(e: candor_core::Error) -> Self {
        let code = e.code();
        let advice = match code {
            candor_core::ErrorCode::NotFound => " Check that the file was not moved or deleted.",
            candor_core::ErrorCode::ProjectUnusable => {
                " Open another project, or restore this one from a copy."
            }
            candor_core::ErrorCode::WriteFailed => {
                " Choose another folder, or check that the disk is not full."
            }
            candor_core::ErrorCode::TooLarge => " Split the file, or import a smaller one.",
            _ => "",
        };
        Self { code: code.as_str().to_owned(), message: format!("{e}{advice}") }
    }
}

impl From<tauri::Error> for CommandError {
    fn from(e: tauri::Error) -> Self {
        Self::internal(format!("The window failed: {e}"))
    }
}
