//! The project's branding (organisation, colours, font, logo): shown and changed from the
//! Branding dialog. A logo reaches Rust only through the native open dialog, in the same
//! command that stores it; the window never names a file.

use std::path::Path;

use base64::Engine;
use candor_core as core;
use serde::{Deserialize, Serialize};
use tauri::AppHandle;

use crate::commands::{Result, app_state, blocking};
use crate::dialogs::{self, Ask};
use crate::state;

const LOGO_FILTER: (&str, &[&str]) = ("Logo image", &["png", "jpg", "jpeg", "webp"]);

/// The project's branding as the dialog shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BrandingView {
    pub organisation: Option<String>,
    /// `#rrggbb`, as chosen; `None`: Candor's own.
    pub primary: Option<String>,
    pub accent: Option<String>,
    /// The colours actually published (the nearest accessible ones where the chosen fail).
    pub primary_used: Option<String>,
    pub accent_used: Option<String>,
    /// The bundled font's short name (`inter`, `atkinson`); `None`: Inter.
    pub font: Option<String>,
    pub logo: Option<LogoView>,
    /// One per colour replaced because it has too little contrast.
    pub contrast: Vec<ContrastNote>,
}

/// The stored logo.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LogoView {
    pub mime: String,
    pub bytes: u32,
    pub width: u32,
    pub height: u32,
    /// The logo as a `data:` URI, to show it.
    pub data_uri: Option<String>,
}

/// A colour that is not published as chosen (`brand/low-contrast`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ContrastNote {
    /// `primary` or `accent`.
    pub role: String,
    pub chosen: String,
    pub used: String,
    /// The full warning: which background fails, the ratio and the ratio needed.
    pub message: String,
}

/// What the dialog sends: every field as typed; an empty string clears it.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BrandingForm {
    pub organisation: String,
    pub primary: String,
    pub accent: String,
    pub font: String,
}

/// What saving did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BrandingOutcome {
    /// Whether the change was saved; when not, `problems` says why and nothing changed.
    pub saved: bool,
    /// The branding as it is now stored.
    pub branding: BrandingView,
    /// Why the change was refused (a colour not written #rrggbb, an unusable logo).
    pub problems: Vec<String>,
    /// Warnings about what was saved (each `brand/low-contrast` message).
    pub warnings: Vec<String>,
}

fn view(project: &Path, b: core::ProjectBranding) -> Result<BrandingView> {
    let data_uri = match b.logo {
        Some(_) => core::project_logo(project)?.map(|(mime, bytes)| {
            let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
            format!("data:{mime};base64,{encoded}")
        }),
        None => None,
    };
    let mut contrast = Vec::new();
    for (role, chosen, used) in
        [("primary", &b.primary, &b.primary_used), ("accent", &b.accent, &b.accent_used)]
    {
        if let (Some(chosen), Some(used)) = (chosen, used)
            && !chosen.eq_ignore_ascii_case(used)
        {
            let message = b
                .diagnostics
                .iter()
                .find(|d| d.message.starts_with(&format!("The {role} colour ")))
                .map(|d| d.message.clone())
                .unwrap_or_default();
            contrast.push(ContrastNote {
                role: role.to_owned(),
                chosen: chosen.clone(),
                used: used.clone(),
                message,
            });
        }
    }
    Ok(BrandingView {
        organisation: b.organisation,
        primary: b.primary,
        accent: b.accent,
        primary_used: b.primary_used,
        accent_used: b.accent_used,
        font: b.font,
        logo: b.logo.map(|l| LogoView {
            mime: l.mime,
            bytes: l.bytes as u32,
            width: l.width,
            height: l.height,
            data_uri,
        }),
        contrast,
    })
}

/// Applies `change`; a value the core refuses is returned as a problem, not an error.
fn apply(
    app: &AppHandle,
    project: &Path,
    change: &core::BrandingChange,
) -> Result<BrandingOutcome> {
    match core::set_branding(project, change) {
        Ok(branding) => {
            // The pages and the web page are drawn again in the new look.
            let preview = &app_state(app).preview;
            state::lock(preview).forget_pages();
            let warnings = branding.diagnostics.iter().map(|d| d.message.clone()).collect();
            Ok(BrandingOutcome {
                saved: true,
                branding: view(project, branding)?,
                problems: Vec::new(),
                warnings,
            })
        }
        Err(e) if e.code() == core::ErrorCode::InvalidInput => Ok(BrandingOutcome {
            saved: false,
            branding: view(project, core::project_branding(project)?)?,
            problems: vec![e.to_string()],
            warnings: Vec::new(),
        }),
        Err(e) => Err(e.into()),
    }
}

#[tauri::command]
pub async fn project_branding(app: AppHandle) -> Result<BrandingView> {
    let project = app_state(&app).project()?;
    blocking(move || view(&project, core::project_branding(&project)?)).await
}

/// Saves the organisation, colours and font (the logo has its own commands).
#[tauri::command]
pub async fn set_branding(app: AppHandle, form: BrandingForm) -> Result<BrandingOutcome> {
    let project = app_state(&app).project()?;
    blocking(move || {
        let change = core::BrandingChange {
            organisation: Some(form.organisation),
            primary: Some(form.primary),
            accent: Some(form.accent),
            font: Some(form.font),
            ..core::BrandingChange::default()
        };
        apply(&app, &project, &change)
    })
    .await
}

/// Asks for a PNG, JPEG or WebP file and stores it as the logo, with `organisation` (the
/// logo's description; empty keeps the stored one). `None` when the user cancelled.
#[tauri::command]
pub async fn set_branding_logo(
    app: AppHandle,
    organisation: String,
) -> Result<Option<BrandingOutcome>> {
    let project = app_state(&app).project()?;
    blocking(move || {
        let ask = Ask::Open { title: "Choose a logo", filter: LOGO_FILTER };
        let Some(path) = dialogs::ask(&app, ask).and_then(|p| p.into_iter().next()) else {
            return Ok(None);
        };
        let organisation = organisation.trim();
        let change = core::BrandingChange {
            organisation: (!organisation.is_empty()).then(|| organisation.to_owned()),
            logo: Some(path),
            ..core::BrandingChange::default()
        };
        apply(&app, &project, &change).map(Some)
    })
    .await
}

/// Removes the logo.
#[tauri::command]
pub async fn clear_branding_logo(app: AppHandle) -> Result<BrandingOutcome> {
    let project = app_state(&app).project()?;
    blocking(move || {
        let change = core::BrandingChange { remove_logo: true, ..core::BrandingChange::default() };
        apply(&app, &project, &change)
    })
    .await
}
