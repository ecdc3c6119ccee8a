//! AI bills of materials in JSON: CycloneDX 1.5–1.7 ML-BOMs and SPDX 3.0 AI / Dataset
//! documents become a [`SourceContent`] with a [`Bom`](candor_model::Bom) and sections of
//! `Field` passages ("Task: text-to-image").
//!
//! The JSON is parsed whole before anything is built, so a malformed file gives an error
//! with its line and column and no content. Hostile files are bounded: serde_json stops at
//! 128 levels of nesting, and [`out::Outline`] caps passages, components and field length
//! (a warning diagnostic says what was left out).

mod cyclonedx;
mod json;
mod out;
mod spdx;
#[cfg(test)]
pub(crate) mod tests;

use candor_model::{SourceContent, Warned};

use crate::source::ImportError;

/// Imports a CycloneDX 1.5–1.7 BOM (JSON), with the model cards of its ML components.
pub(crate) fn import_cyclonedx(text: &str) -> Result<Warned<SourceContent>, ImportError> {
    let root = json::parse(text)?;
    cyclonedx::import(&root)
}

/// Imports an SPDX 3.0 document (JSON-LD), with its AI and Dataset packages.
pub(crate) fn import_spdx(text: &str) -> Result<Warned<SourceContent>, ImportError> {
    let root = json::parse(text)?;
    spdx::import(&root)
}
