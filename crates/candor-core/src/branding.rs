//! A project's branding: the organisation's name, logo, colours and font, as stored in the
//! project file and as applied to every export and preview of its documents.
//!
//! Colours are checked by WCAG 2.2 against the backgrounds they appear on
//! (`candor_render::LIGHT_BACKDROPS`); a colour that fails is stored as the user chose it but
//! never published: the nearest accessible colour of the same hue is used instead, and a
//! `brand/low-contrast` warning says so. The HTML dark theme gets a lighter colour of the same
//! hue. Logos are re-encoded as PNG on the way in (`candor_render::prepare_logo`).

use std::path::{Path, PathBuf};

use candor_analysis::{Backdrop, BrandColour, ColourUse, Rgb};
use candor_model::Diagnostic;
use candor_render::{BrandFont, DARK_BACKDROPS, LIGHT_BACKDROPS};
use candor_store::{Colour, Logo};

use crate::Error;

/// The setting that holds the font's short name (`inter`).
const FONT: &str = "branding.font";

/// A project's branding as stored, and what of it is published.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectBranding {
    pub organisation: Option<String>,
    /// `#rrggbb`, as chosen.
    pub primary: Option<String>,
    pub accent: Option<String>,
    /// The short name of the bundled font (`inter`).
    pub font: Option<String>,
    pub logo: Option<LogoInfo>,
    /// The primary and accent colours actually used (accessible alternatives where the chosen
    /// ones fail).
    pub primary_used: Option<String>,
    pub accent_used: Option<String>,
    /// `brand/low-contrast` warnings, one per colour replaced.
    pub diagnostics: Vec<Diagnostic>,
}

/// The stored logo, described.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogoInfo {
    pub mime: String,
    pub bytes: usize,
    pub width: u32,
    pub height: u32,
}

/// What to change; `None` leaves a value as it is, an empty string clears it.
#[derive(Debug, Clone, Default)]
pub struct BrandingChange {
    pub organisation: Option<String>,
    pub primary: Option<String>,
    pub accent: Option<String>,
    pub font: Option<String>,
    /// A PNG, JPEG or WebP file to use as the logo.
    pub logo: Option<PathBuf>,
    /// Remove the logo.
    pub remove_logo: bool,
}

/// The project's branding, with the colours that will be published and any contrast warning.
pub fn project_branding(project: &Path) -> Result<ProjectBranding, Error> {
    let opened = crate::open_project(project)?;
    let stored = opened.branding().map_err(|e| Error::store(project, e))?;
    let font = opened.setting(FONT).map_err(|e| Error::store(project, e))?;
    let logo = match &stored.logo {
        Some(logo) => Some(
            candor_render::prepare_logo(&logo.bytes)
                .map(|p| LogoInfo {
                    mime: logo.mime.clone(),
                    bytes: logo.bytes.len(),
                    width: p.width,
                    height: p.height,
                })
                .map_err(|e| invalid(project, format!("the stored logo cannot be used: {e}")))?,
        ),
        None => None,
    };
    let checked = check(stored.primary, stored.accent);
    Ok(ProjectBranding {
        organisation: stored.organisation,
        primary: stored.primary.map(|c| c.to_string()),
        accent: stored.accent.map(|c| c.to_string()),
        font,
        logo,
        primary_used: checked.primary.map(|c| c.to_string()),
        accent_used: checked.accent.map(|c| c.to_string()),
        diagnostics: checked.diagnostics,
    })
}

/// The stored logo as `(mime, bytes)` (a PNG without metadata), to show it; `None` when the
/// project has no logo.
pub fn project_logo(project: &Path) -> Result<Option<(String, Vec<u8>)>, Error> {
    let opened = crate::open_project(project)?;
    let stored = opened.branding().map_err(|e| Error::store(project, e))?;
    Ok(stored.logo.map(|logo| (logo.mime, logo.bytes)))
}

/// Changes the project's branding. Colours must be `#rrggbb`, the font one of the bundled
/// ones, a logo a PNG, JPEG or WebP file within the image limits; a logo needs the
/// organisation's name, which describes it to screen-reader users. Returns the branding as
/// now stored, with any contrast warning.
pub fn set_branding(project: &Path, change: &BrandingChange) -> Result<ProjectBranding, Error> {
    let mut opened = crate::open_project(project)?;
    let mut branding = opened.branding().map_err(|e| Error::store(project, e))?;
    let colour = |text: &str, role: &str| -> Result<Option<Colour>, Error> {
        match text.trim() {
            "" => Ok(None),
            t => Colour::parse(t).map(Some).ok_or_else(|| {
                invalid(
                    project,
                    format!(
                        "the {role} colour `{t}` is not a colour; write it as #rrggbb, e.g. #1d5e8c"
                    ),
                )
            }),
        }
    };
    if let Some(organisation) = &change.organisation {
        let organisation = organisation.trim();
        branding.organisation = (!organisation.is_empty()).then(|| organisation.to_owned());
    }
    if let Some(primary) = &change.primary {
        branding.primary = colour(primary, "primary")?;
    }
    if let Some(accent) = &change.accent {
        branding.accent = colour(accent, "accent")?;
    }
    let font = match change.font.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(name) => match BrandFont::parse(name) {
            Some(font) => Some(Some(font.name())),
            None => {
                let known: Vec<&str> = BrandFont::ALL.iter().map(|f| f.name()).collect();
                return Err(invalid(
                    project,
                    format!(
                        "the font `{name}` is not bundled with Candor; choose {}",
                        known.join(", ")
                    ),
                ));
            }
        },
    };
    if change.remove_logo {
        branding.logo = None;
    }
    if let Some(path) = &change.logo {
        let bytes = crate::document::read_limited(path, candor_render::MAX_IMAGE_BYTES as u64)?;
        let logo = candor_render::prepare_logo(&bytes)
            .map_err(|e| invalid(path, format!("cannot use this file as a logo: {e}")))?;
        branding.logo = Some(Logo { bytes: logo.data, mime: logo.format.mime().to_owned() });
    }
    if branding.logo.is_some() && branding.organisation.is_none() {
        return Err(invalid(
            project,
            "a logo needs the organisation's name, which describes it to people who cannot see it; set the organisation's name as well".to_owned(),
        ));
    }
    opened.set_branding(&branding).map_err(|e| Error::store(project, e))?;
    if let Some(font) = font {
        opened.set_setting(FONT, font).map_err(|e| Error::store(project, e))?;
    }
    drop(opened);
    project_branding(project)
}

/// The branding to render a document of `project` with, and the contrast warnings.
pub(crate) fn render_branding(
    project: &Path,
) -> Result<(candor_render::Branding, Vec<Diagnostic>), Error> {
    let opened = crate::open_project(project)?;
    let stored = opened.branding().map_err(|e| Error::store(project, e))?;
    let font = opened.setting(FONT).map_err(|e| Error::store(project, e))?;
    let logo = match &stored.logo {
        Some(logo) => Some(
            candor_render::prepare_logo(&logo.bytes)
                .map_err(|e| invalid(project, format!("the stored logo cannot be used: {e}")))?,
        ),
        None => None,
    };
    let checked = check(stored.primary, stored.accent);
    let dark = |c: Option<Rgb>| {
        c.map(|c| {
            candor_analysis::accessible_alternative(c, &backdrops(DARK_BACKDROPS)).to_string()
        })
    };
    let branding = candor_render::Branding {
        organisation: stored.organisation,
        logo,
        primary: checked.primary.map(|c| c.to_string()),
        accent: checked.accent.map(|c| c.to_string()),
        dark_primary: dark(checked.primary),
        dark_accent: dark(checked.accent),
        font: font.as_deref().and_then(BrandFont::parse),
    };
    Ok((branding, checked.diagnostics))
}

struct Checked {
    primary: Option<Rgb>,
    accent: Option<Rgb>,
    diagnostics: Vec<Diagnostic>,
}

/// Both colours are used for text (headings; links) on every light background: 4.5:1.
fn check(primary: Option<Colour>, accent: Option<Colour>) -> Checked {
    let light = backdrops(LIGHT_BACKDROPS);
    let rgb = |c: Colour| Rgb { r: c.r, g: c.g, b: c.b };
    let wanted: Vec<BrandColour<'_>> = [("primary", primary), ("accent", accent)]
        .into_iter()
        .filter_map(|(role, c)| c.map(|c| BrandColour { role, colour: rgb(c), backdrops: &light }))
        .collect();
    let result = candor_analysis::check_brand_colours(&wanted);
    let used = |role: &str| {
        wanted.iter().position(|w| w.role == role).and_then(|i| result.colours.get(i).copied())
    };
    Checked { primary: used("primary"), accent: used("accent"), diagnostics: result.diagnostics }
}

fn backdrops(list: &[(&'static str, &str)]) -> Vec<Backdrop> {
    list.iter()
        .filter_map(|&(name, hex)| {
            Rgb::parse(hex).map(|colour| Backdrop { name, colour, used_as: ColourUse::Text })
        })
        .collect()
}

fn invalid(path: &Path, message: String) -> Error {
    Error::Branding { path: path.to_owned(), message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.candor");
        crate::create_project(&path).unwrap();
        (dir, path)
    }

    #[test]
    fn colours_are_checked_and_the_accessible_one_is_rendered() {
        let (_dir, path) = project();
        let change = BrandingChange {
            organisation: Some("  Acme  ".into()),
            primary: Some("#1D5E8C".into()),
            accent: Some("#ffcc00".into()),
            ..BrandingChange::default()
        };
        let shown = set_branding(&path, &change).unwrap();
        assert_eq!(shown.organisation.as_deref(), Some("Acme"));
        assert_eq!(shown.primary.as_deref(), Some("#1d5e8c"));
        assert_eq!(shown.primary_used, shown.primary, "an accessible colour is kept");
        assert_eq!(shown.accent.as_deref(), Some("#ffcc00"));
        let used = shown.accent_used.clone().unwrap();
        assert_ne!(used, "#ffcc00");
        let [d] = shown.diagnostics.as_slice() else { panic!("{:?}", shown.diagnostics) };
        assert_eq!(d.code, "brand/low-contrast");
        assert!(d.message.contains(&used), "{}", d.message);

        let (branding, problems) = render_branding(&path).unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(branding.accent.as_deref(), Some(used.as_str()));
        let dark = Rgb::parse(branding.dark_accent.as_deref().unwrap()).unwrap();
        assert!(candor_analysis::contrast_ratio(dark, Rgb::parse("#15171b").unwrap()) >= 4.5);
        assert_eq!(project_branding(&path).unwrap(), shown);
    }

    #[test]
    fn bad_values_change_nothing() {
        let (dir, path) = project();
        let before = project_branding(&path).unwrap();
        let bad = [
            BrandingChange { primary: Some("blue".into()), ..BrandingChange::default() },
            BrandingChange { font: Some("papyrus".into()), ..BrandingChange::default() },
            BrandingChange { logo: Some(dir.path().join("none.png")), ..BrandingChange::default() },
        ];
        for change in &bad {
            assert!(set_branding(&path, change).is_err(), "{change:?}");
        }
        let corrupt = dir.path().join("corrupt.png");
        std::fs::write(&corrupt, b"\x89PNG\r\n\x1a\n broken").unwrap();
        let change = BrandingChange {
            organisation: Some("Acme".into()),
            logo: Some(corrupt.clone()),
            ..BrandingChange::default()
        };
        let err = set_branding(&path, &change).unwrap_err();
        assert!(err.to_string().contains("corrupt.png"), "{err}");
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
        assert_eq!(project_branding(&path).unwrap(), before);
        let (branding, problems) = render_branding(&path).unwrap();
        assert!(!branding.is_set() && problems.is_empty());
    }
}
