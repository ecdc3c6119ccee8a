//! Live preview for the editor: after each pause in typing the text is checked and typeset
//! again, reusing what typst did for the previous text, and only changed pages are sent.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use candor_analysis::PlainLanguageChecker;
use candor_analysis::glossary::Glossary;

use candor_model::{Diagnostic, Document};
use candor_render::Preview;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::export::{Prepared, html, prepare, sort};
use crate::{Error, MAX_DOCUMENT_BYTES, ProblemItem, ScoreCard, problem_items};

/// The preview of one document being edited; keep it for as long as the editor is open.
/// It also runs the plain-language checks, remembering per paragraph what they found, so an
/// edit re-analyses only the paragraph that changed.
#[derive(Default)]
pub struct PreviewSession {
    preview: Preview,
    checker: Option<Checker>,
    /// The id of the document being edited, when it belongs to a project: its changelog and
    /// the author's confirmations of citations need it.
    document: Option<String>,
}

/// The plain-language checker for one project's glossary.
struct Checker {
    project: Option<PathBuf>,
    checker: PlainLanguageChecker,
}

impl std::fmt::Debug for PreviewSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreviewSession").finish_non_exhaustive()
    }
}

/// What changed in the preview after an edit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PreviewUpdate {
    /// Every page, in order; only changed pages carry their SVG.
    pub pages: Vec<PreviewPage>,
    /// How many pages the document has now; pages past it are gone.
    pub page_count: u32,
    /// Every problem in the document, errors first. Errors do not stop the preview.
    pub problems: Vec<ProblemItem>,
    /// How readable the document is, per section.
    pub score_card: ScoreCard,
    /// How long typesetting and drawing took, in milliseconds.
    pub elapsed_ms: f64,
}

/// One page of the preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PreviewPage {
    /// 0-based.
    pub index: u32,
    /// Equal hashes mean equal pages (within one run of the program).
    pub hash: String,
    /// The page's size in points.
    pub width: f64,
    pub height: f64,
    /// The page as SVG when it changed since the previous update; `None`: keep your copy.
    pub svg: Option<String>,
}

impl PreviewSession {
    pub fn new() -> Self {
        Self::default()
    }

    /// A session that reuses nothing between updates (and clears typst's process-wide memo
    /// cache before each one); only for measuring what reuse saves.
    pub fn without_reuse() -> Self {
        Self { preview: Preview::without_reuse(), checker: None, document: None }
    }

    /// Says which document of the project is being edited (`None`: a text of its own).
    pub fn set_document(&mut self, id: Option<String>) {
        self.document = id;
    }

    /// Reads the project's glossary again at the next update (after it was edited).
    pub fn glossary_changed(&mut self) {
        self.checker = None;
    }

    /// Makes the next update send every page's SVG, e.g. after the window reloaded.
    pub fn forget_pages(&mut self) {
        self.preview.forget_pages();
    }

    /// Checks and typesets `text` again. `project` is the project the document belongs to:
    /// it fills `candor-bom` blocks and its folder holds the images; without one, images are
    /// not shown. A document with errors is shown as far as it can be typeset, its problems
    /// listed; only a typesetting failure (a Candor bug) is an error.
    pub fn update(&mut self, text: &str, project: Option<&Path>) -> Result<PreviewUpdate, Error> {
        let (Prepared { document, images, mut diagnostics }, written) =
            prepared(text, project, self.document.as_deref())?;
        // The rules look at what the author wrote, not at blocks Candor generates.
        diagnostics.extend(self.checker(project)?.check(&written, text));
        let score_card = ScoreCard::of(&candor_analysis::document_readability(&written));
        let started = Instant::now();
        let rendered = self
            .preview
            .update(&document, &images)
            .map_err(|source| Error::Render { path: shown_path(project), source })?;
        let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        sort(&mut diagnostics);
        Ok(PreviewUpdate {
            pages: rendered
                .pages
                .into_iter()
                .map(|p| PreviewPage {
                    index: p.index as u32,
                    hash: p.hash,
                    width: p.width_pt,
                    height: p.height_pt,
                    svg: p.svg,
                })
                .collect(),
            page_count: rendered.page_count as u32,
            problems: problem_items(text, &diagnostics),
            score_card,
            elapsed_ms,
        })
    }

    /// The checker for `project`'s glossary, made when the project changes.
    fn checker(&mut self, project: Option<&Path>) -> Result<&mut PlainLanguageChecker, Error> {
        let current = self.checker.as_ref().is_some_and(|c| c.project.as_deref() == project);
        if !current {
            let glossary = match project {
                Some(p) => crate::project_glossary(p)?,
                None => Arc::new(Glossary::builtin().clone()),
            };
            self.checker = Some(Checker {
                project: project.map(Path::to_path_buf),
                checker: PlainLanguageChecker::new(glossary),
            });
        }
        match &mut self.checker {
            Some(c) => Ok(&mut c.checker),
            None => unreachable!("the checker was just made"),
        }
    }
}

/// The self-contained HTML page `export --html` would write for `text`, even when the
/// document has errors (for previewing; exporting refuses such a document).
pub fn preview_html(text: &str, project: Option<&Path>) -> Result<String, Error> {
    let (Prepared { document, images, .. }, _) = prepared(text, project, None)?;
    Ok(html(&document, &images))
}

/// Parses `text` and prepares it exactly as exporting from `project` would; also returns the
/// document as written, before generated blocks were filled in.
fn prepared(
    text: &str,
    project: Option<&Path>,
    document: Option<&str>,
) -> Result<(Prepared, Document), Error> {
    let size = text.len() as u64;
    if size > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge { path: shown_path(project), size, limit: MAX_DOCUMENT_BYTES });
    }
    let parsed = candor_import::parse_companion(text);
    let written = parsed.value.clone();
    let mut prepared = prepare(parsed, text, project, document, project)?;
    if project.is_none() {
        let mut seen = BTreeSet::new();
        let diagnostics = &mut prepared.diagnostics;
        candor_render::for_each_image(&prepared.document, &mut |image| {
            if seen.insert(image.src.clone()) {
                let message = format!(
                    "The preview does not show the image `{}`: images are read from the folder of the document's project, and there is none.",
                    image.src
                );
                diagnostics.push(Diagnostic::warning(
                    "preview/image-not-shown",
                    image.span,
                    message,
                ));
            }
        });
    }
    Ok((prepared, written))
}

/// The path errors name: the project, or a word for a text that has no file.
fn shown_path(project: Option<&Path>) -> PathBuf {
    project.map_or_else(|| PathBuf::from("document"), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DocumentSource, ExportRequest, create_project, export_document, import_files};

    const DOC: &str = "---\ntitle: Preview\nlang: en\ndate: 2026-03-01\n---\n\n# What it is\n\nA program that writes text.\n";

    fn svg_count(update: &PreviewUpdate) -> usize {
        update.pages.iter().filter(|p| p.svg.is_some()).count()
    }

    #[test]
    fn the_preview_sends_only_what_changed() {
        let mut session = PreviewSession::new();
        let first = session.update(DOC, None).unwrap();
        assert_eq!(first.page_count, 1);
        assert_eq!(svg_count(&first), 1);
        assert!(first.problems.is_empty(), "{:?}", first.problems);
        assert!(first.elapsed_ms >= 0.0);
        assert_eq!(svg_count(&session.update(DOC, None).unwrap()), 0);
        let edited = session.update(&DOC.replace("writes", "writes long"), None).unwrap();
        assert_eq!(svg_count(&edited), 1);
        assert_ne!(edited.pages[0].hash, first.pages[0].hash);
        session.forget_pages();
        assert_eq!(svg_count(&session.update(DOC, None).unwrap()), 1);
    }

    #[test]
    fn a_document_with_errors_still_previews_and_lists_them() {
        let text = DOC.replace("2026-03-01", "2026-02-30");
        let update = PreviewSession::new().update(&text, None).unwrap();
        assert_eq!(update.page_count, 1);
        let problem = update.problems.iter().find(|d| d.code == "front-matter/invalid-date");
        let problem = problem.unwrap_or_else(|| panic!("{:?}", update.problems));
        assert_eq!(problem.severity, "error");
        assert_eq!((problem.line, problem.column), (4, 7));

        let json = serde_json::to_value(&update).unwrap();
        assert_eq!(json["problems"][0]["severity"], "error");
        assert_eq!(json["problems"][0]["line"], 4);
        assert!(json["pages"][0]["svg"].as_str().unwrap().starts_with("<svg"));
        assert_eq!(json["page_count"], 1);
    }

    #[test]
    fn the_html_is_the_html_export_writes() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("doc.md");
        std::fs::write(&doc, DOC).unwrap();
        let request = ExportRequest {
            document: DocumentSource::File(doc),
            html: Some(dir.path().join("doc.html")),
            ..ExportRequest::default()
        };
        let report = export_document(&request, &mut ()).unwrap();
        assert!(!report.has_errors(), "{:?}", report.diagnostics);
        let exported = std::fs::read_to_string(dir.path().join("doc.html")).unwrap();
        assert_eq!(preview_html(DOC, None).unwrap(), exported);
    }

    #[test]
    fn bom_blocks_and_images_come_from_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        let bom = r#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
"metadata": {"component": {"type": "machine-learning-model", "bom-ref": "m", "name": "example-1"}},
"components": [{"type": "library", "bom-ref": "l", "name": "pytorch", "version": "2.1"}]}"#;
        std::fs::write(p.join("bom.json"), bom).unwrap();
        let project = p.join("p.candor");
        create_project(&project).unwrap();
        let imported =
            import_files(&project, &[p.join("bom.json")], "2026-03-01T00:00:00Z", &mut ());
        assert!(imported.unwrap().iter().all(Result::is_ok));
        std::fs::write(p.join("square.png"), SQUARE_PNG).unwrap();
        let text = "---\ntitle: Parts\nlang: en\nsources:\n  - id: bom\n---\n\n# Parts\n\n```candor-bom\nsource: bom\n```\n\n![a square](square.png)\n";

        let outside = PreviewSession::new().update(text, None).unwrap();
        let codes: Vec<&str> = outside.problems.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["generated/needs-project", "preview/image-not-shown"]);
        assert!(!preview_html(text, None).unwrap().contains("pytorch"));

        let inside = PreviewSession::new().update(text, Some(&project)).unwrap();
        assert!(inside.problems.is_empty(), "{:?}", inside.problems);
        assert_ne!(inside.pages[0].hash, outside.pages[0].hash);
        let html = preview_html(text, Some(&project)).unwrap();
        assert!(html.contains("pytorch 2.1") && html.contains("data:image/png"), "{html}");
    }

    /// A valid 1×1 red PNG.
    const SQUARE_PNG: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
        0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
        0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];

    #[test]
    fn a_huge_text_is_refused() {
        let text = "a".repeat(MAX_DOCUMENT_BYTES as usize + 1);
        let err = PreviewSession::new().update(&text, None).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::TooLarge);
    }

    #[test]
    fn a_session_can_move_between_threads() {
        fn send<T: Send>() {}
        send::<PreviewSession>();
    }
}
