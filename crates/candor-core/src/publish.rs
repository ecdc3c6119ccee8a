//! Publication: an approved document becomes a bundle — the PDF (PDF/UA-1), the HTML page,
//! the risk cards as JSON and a `manifest.json` that lists every file's SHA-256, the
//! document's version and date, the SHA-256 of each source it summarises and the approvals it
//! was published on. Publishing the same version twice gives the same bytes.

use std::path::{Path, PathBuf};

use candor_model::Severity;
use candor_store::{Person, sha256_hex};
use serde::Serialize;
#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::export::{html, prepare, risk_json, sort, write_atomically};
use crate::review::{current_approvals, record_published};
use crate::{Error, ExportReport, open_project};

/// Identifies the manifest format; bump it when the manifest changes shape.
pub const MANIFEST_FORMAT: &str = "candor-publication/1";

/// What to publish.
#[derive(Debug, Clone)]
pub struct PublishRequest {
    pub project: PathBuf,
    pub document: String,
    pub out: PathBuf,
    /// Publish although the document is not approved or has errors; the reason is recorded
    /// in the manifest and in the project.
    pub force: Option<String>,
}

/// The outcome: the files written (none when refused) and why it was refused.
#[derive(Debug, Clone)]
pub struct PublishReport {
    pub report: ExportReport,
    /// Why nothing was published; empty when it was.
    pub refused: Vec<String>,
    pub manifest: Option<Manifest>,
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Manifest {
    pub format: String,
    pub document: ManifestDocument,
    pub files: Vec<ManifestFile>,
    pub sources: Vec<ManifestSource>,
    pub approvals: Vec<ManifestApproval>,
    /// Set when it was published without approval or with errors.
    #[serde(rename = "override")]
    pub forced: Option<ManifestOverride>,
    pub generator: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ManifestDocument {
    pub id: String,
    pub title: String,
    pub lang: String,
    /// The document's own version (front matter `version`).
    pub version: Option<String>,
    /// The version number in the project.
    pub project_version: u32,
    /// The publication date (front matter `date`), `YYYY-MM-DD`.
    pub date: Option<String>,
    /// SHA-256 of the published Markdown text.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ManifestFile {
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ManifestSource {
    pub id: String,
    pub title: Option<String>,
    pub file: Option<String>,
    /// SHA-256 of the imported original; `None` when the project has no such source.
    pub sha256: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ManifestApproval {
    pub reviewer: String,
    pub role: String,
    pub at: String,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ManifestOverride {
    pub reason: String,
    pub by: String,
    /// What was overridden: "not approved", "2 errors".
    pub overridden: Vec<String>,
}

/// Publishes the latest version of a document. Refuses (writing nothing) when it is not
/// approved for its exact text or has errors, unless `force` gives a reason.
pub fn publish(request: &PublishRequest, by: &Person, now: &str) -> Result<PublishReport, Error> {
    let project_path = request.project.as_path();
    let doc = request.document.as_str();
    let mut project = open_project(project_path)?;
    let map = |e| Error::store(project_path, e);
    let stored = project.document(doc).map_err(map)?.ok_or_else(|| Error::UnknownDocument {
        project: project_path.to_owned(),
        id: doc.to_owned(),
    })?;
    let text = stored.text.clone();
    let parsed = candor_import::parse_companion(&text);
    let prepared = prepare(parsed, &text, Some(project_path), Some(doc), Some(project_path))?;
    let mut diagnostics = prepared.diagnostics;
    let document = prepared.document;

    let approvals = current_approvals(&project, project_path, doc)?;
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let mut blocking = Vec::new();
    if approvals.is_empty() {
        blocking.push(format!(
            "version {} of `{doc}` is not approved (candor review approve)",
            stored.version.number
        ));
    }
    if errors > 0 {
        blocking
            .push(format!("the document has {errors} error{}", if errors == 1 { "" } else { "s" }));
    }
    let forced = match (&request.force, blocking.is_empty()) {
        (_, true) => None,
        (Some(reason), false) if !reason.trim().is_empty() => Some(ManifestOverride {
            reason: reason.trim().to_owned(),
            by: by.name.clone(),
            overridden: blocking.clone(),
        }),
        _ => {
            sort(&mut diagnostics);
            return Ok(PublishReport {
                report: ExportReport { text, diagnostics, written: Vec::new(), readability: None },
                refused: blocking,
                manifest: None,
            });
        }
    };

    // Render everything first; write only when all of it succeeded.
    let stem = doc.to_owned();
    let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
    let pdf =
        candor_render::export_pdf(&document, &prepared.images, candor_render::PdfStandard::Ua1)
            .map_err(|source| Error::Render { path: project_path.to_owned(), source })?;
    diagnostics.extend(pdf.diagnostics);
    let Some(pdf) = pdf.value else {
        sort(&mut diagnostics);
        return Ok(PublishReport {
            report: ExportReport { text, diagnostics, written: Vec::new(), readability: None },
            refused: vec!["the PDF does not meet PDF/UA-1 (see the errors)".to_owned()],
            manifest: None,
        });
    };
    // The PDF about to be written, checked by the built-in accessibility checks: their
    // errors refuse publication like the document's own, unless forced.
    let a11y = crate::accessibility::check_pdf_accessibility(&pdf);
    let a11y_errors = a11y.iter().filter(|d| d.severity == Severity::Error).count();
    diagnostics.extend(a11y);
    let mut forced = forced;
    if a11y_errors > 0 {
        let s = if a11y_errors == 1 { "" } else { "s" };
        let problem = format!("the PDF has {a11y_errors} accessibility error{s} (a11y/pdf-…)");
        match (&mut forced, &request.force) {
            (Some(o), _) => o.overridden.push(problem),
            (None, Some(reason)) if !reason.trim().is_empty() => {
                forced = Some(ManifestOverride {
                    reason: reason.trim().to_owned(),
                    by: by.name.clone(),
                    overridden: vec![problem],
                });
            }
            (None, _) => {
                sort(&mut diagnostics);
                return Ok(PublishReport {
                    report: ExportReport {
                        text,
                        diagnostics,
                        written: Vec::new(),
                        readability: None,
                    },
                    refused: vec![problem],
                    manifest: None,
                });
            }
        }
    }
    outputs.push((format!("{stem}.pdf"), pdf));
    outputs.push((format!("{stem}.html"), html(&document, &prepared.images).into_bytes()));
    outputs.push((format!("{stem}-risks.json"), risk_json(&document).into_bytes()));

    let imported = project.sources().map_err(map)?;
    let meta = &document.meta;
    let manifest = Manifest {
        format: MANIFEST_FORMAT.to_owned(),
        document: ManifestDocument {
            id: doc.to_owned(),
            title: meta.title.clone(),
            lang: meta.lang.as_str().to_owned(),
            version: meta.version.clone(),
            project_version: stored.version.number,
            date: meta.date.map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
            sha256: stored.version.sha256.clone(),
        },
        files: outputs
            .iter()
            .map(|(name, bytes)| ManifestFile {
                name: name.clone(),
                bytes: bytes.len() as u64,
                sha256: sha256_hex(bytes),
            })
            .collect(),
        sources: meta
            .sources
            .iter()
            .map(|s| ManifestSource {
                id: s.id.clone(),
                title: s.title.clone(),
                file: s.file.clone(),
                sha256: imported
                    .iter()
                    .find(|i| i.id == s.id || s.file.as_deref() == Some(i.file_name.as_str()))
                    .map(|i| i.sha256.clone()),
            })
            .collect(),
        approvals: approvals
            .iter()
            .map(|a| ManifestApproval {
                reviewer: a.reviewer.name.clone(),
                role: a.reviewer.role.clone(),
                at: a.at.clone(),
                version: a.version,
            })
            .collect(),
        forced,
        generator: format!("Candor {}", env!("CARGO_PKG_VERSION")),
    };
    let mut json = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    json.push('\n');
    outputs.push(("manifest.json".to_owned(), json.into_bytes()));

    let mut written = Vec::new();
    for (name, bytes) in &outputs {
        let path = request.out.join(name);
        write_atomically(&path, bytes)?;
        written.push(path);
    }
    let note = match &manifest.forced {
        Some(o) => format!(
            "published to {} despite: {} — {}",
            request.out.display(),
            o.overridden.join("; "),
            o.reason
        ),
        None => format!("published to {}", request.out.display()),
    };
    record_published(&mut project, project_path, doc, stored.version.number, by, &note, now)?;
    sort(&mut diagnostics);
    Ok(PublishReport {
        report: ExportReport { text, diagnostics, written, readability: None },
        refused: Vec::new(),
        manifest: Some(manifest),
    })
}

/// The bundle's files as `manifest.json` lists them, checked against the files in `dir`:
/// the names whose bytes no longer match.
pub fn verify_bundle(dir: &Path) -> Result<Vec<String>, Error> {
    let path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&path).map_err(|e| Error::read(&path, e))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| Error::Review {
        path: path.clone(),
        message: format!("not a manifest: {e}"),
    })?;
    let mut changed = Vec::new();
    for file in value["files"].as_array().into_iter().flatten() {
        let name = file["name"].as_str().unwrap_or_default();
        // Only plain names: a manifest from elsewhere must not send us outside the folder.
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            changed.push(name.to_owned());
            continue;
        }
        let bytes = std::fs::read(dir.join(name)).unwrap_or_default();
        if file["sha256"].as_str() != Some(sha256_hex(&bytes).as_str()) {
            changed.push(name.to_owned());
        }
    }
    Ok(changed)
}
