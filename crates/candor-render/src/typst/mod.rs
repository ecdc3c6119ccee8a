//! PDF and SVG output through typst, compiled in-process.

mod code;
mod preview;
mod review_sheet;
mod world;
mod writer;

use std::borrow::Cow;

use candor_model::{Block, Diagnostic, Document, Inline, Warned};
use typst::diag::{SourceDiagnostic, Warned as TypstWarned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard as TypstPdfStandard, PdfStandards, Timestamp};

pub use preview::{Preview, PreviewPage, PreviewPages};
pub use review_sheet::{ReviewSheet, SheetComment, review_sheet_pdf};
pub use world::MemoryWorld;

use crate::branding::{BrandFont, Branding, colour};
use crate::images::Images;

/// The companion template, bundled so rendering needs no files.
const TEMPLATE: &str = include_str!("../../../../templates/companion/companion.typ");

/// The companion template with the branding's colours and font written into its constants
/// (see the comment at its top); the bundled text itself when nothing of that is set.
pub(crate) fn template(branding: &Branding) -> Cow<'static, str> {
    let primary = colour(&branding.primary);
    let accent = colour(&branding.accent);
    let font = branding.font.filter(|f| *f != BrandFont::default());
    if primary.is_none() && accent.is_none() && font.is_none() {
        return Cow::Borrowed(TEMPLATE);
    }
    let mut text = TEMPLATE.to_owned();
    if let Some(primary) = primary {
        let value = format!("rgb(\"{primary}\")");
        text = text
            .replacen("#let heading-ink = ink\n", &format!("#let heading-ink = {value}\n"), 1)
            .replacen(
                "#let title-rule = rule-colour\n",
                &format!("#let title-rule = {value}\n"),
                1,
            );
    }
    if let Some(accent) = accent {
        text = text.replace(DEFAULT_ACCENT, &accent);
    }
    if let Some(font) = font {
        text = text.replacen(
            "#let body-font = \"Inter\"\n",
            &format!("#let body-font = (\"{}\", \"Inter\")\n", font.family()),
            1,
        );
    }
    Cow::Owned(text)
}

#[cfg(test)]
pub(crate) const TEMPLATE_FOR_TESTS: &str = TEMPLATE;

/// The template's accent colour, as written wherever it is used.
const DEFAULT_ACCENT: &str = "#1f5fa8";

/// Which PDF flavour to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfStandard {
    /// A tagged PDF 1.7 with title and language.
    #[default]
    Tagged,
    /// PDF/UA-1 (ISO 14289-1), checked by typst while writing.
    Ua1,
}

/// Why typesetting failed. Problems in the author's content are diagnostics instead.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// typst rejected the generated source or the PDF standard: a Candor bug, or content
    /// the standard cannot express.
    #[error("typesetting failed: {0}")]
    Typst(String),
}

/// A typst project written out as files, for inspection or for compiling with typst alone.
#[derive(Debug, Clone)]
pub struct TypstProject {
    /// (relative path, bytes), `main.typ` first.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Builds the in-memory typst project for a document.
pub fn typst_world(doc: &Document, images: &Images) -> MemoryWorld {
    let main = writer::write_main(doc, images);
    let today = doc.meta.date.and_then(|d| Datetime::from_ymd(d.year, d.month, d.day));
    let mut world = MemoryWorld::new(main.text, today);
    world.add_source(writer::TEMPLATE_PATH, template(images.branding()).into_owned());
    for (path, src) in &main.images {
        if let Some(image) = images.get(src) {
            world.add_file(path, image.data.clone());
        }
    }
    world
}

/// The typst source Candor generates for `doc` (main.typ, template and images).
pub fn typst_project(doc: &Document, images: &Images) -> TypstProject {
    let main = writer::write_main(doc, images);
    let mut files = vec![
        ("main.typ".to_owned(), main.text.into_bytes()),
        (
            writer::TEMPLATE_PATH.trim_start_matches('/').to_owned(),
            template(images.branding()).into_owned().into_bytes(),
        ),
    ];
    for (path, src) in &main.images {
        if let Some(image) = images.get(src) {
            files.push((path.trim_start_matches('/').to_owned(), image.data.clone()));
        }
    }
    TypstProject { files }
}

/// Typesets `doc` into a PDF. Content the chosen standard cannot carry (an image without
/// alternative text under PDF/UA-1) is reported as error diagnostics and no PDF is made.
pub fn export_pdf(
    doc: &Document,
    images: &Images,
    standard: PdfStandard,
) -> Result<Warned<Option<Vec<u8>>>, RenderError> {
    let diagnostics = check_for_standard(doc, standard);
    if diagnostics.iter().any(|d| d.severity == candor_model::Severity::Error) {
        return Ok(Warned { value: None, diagnostics });
    }
    let world = typst_world(doc, images);
    let paged = compile(&world)?;
    let standards = match standard {
        PdfStandard::Tagged => PdfStandards::default(),
        PdfStandard::Ua1 => PdfStandards::new(&[TypstPdfStandard::Ua_1])
            .map_err(|e| RenderError::Typst(e.message().to_string()))?,
    };
    let options = PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some(format!("Candor {}", env!("CARGO_PKG_VERSION")))),
        timestamp: doc
            .meta
            .date
            .and_then(|d| Datetime::from_ymd(d.year, d.month, d.day))
            .map(Timestamp::new_utc),
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    let pdf = typst_pdf::pdf(&paged, &options).map_err(|e| typst_failure(&world, &e))?;
    Ok(Warned { value: Some(pdf), diagnostics })
}

/// Typesets `doc` and returns one SVG per page (for previews).
pub fn export_svg_pages(doc: &Document, images: &Images) -> Result<Vec<String>, RenderError> {
    let world = typst_world(doc, images);
    let paged = compile(&world)?;
    let options = typst_svg::SvgOptions::default();
    Ok(paged.pages().iter().map(|page| typst_svg::svg(page, &options)).collect())
}

/// Compiles a world into pages.
pub fn compile(world: &MemoryWorld) -> Result<PagedDocument, RenderError> {
    let TypstWarned { output, warnings: _ } = typst::compile::<PagedDocument>(world);
    output.map_err(|errors| typst_failure(world, &errors))
}

/// The text typst laid out, page by page, in reading order of the frames (for tests and
/// search in previews).
pub fn laid_out_text(paged: &PagedDocument) -> Vec<String> {
    use typst::layout::{Frame, FrameItem};
    fn walk(frame: &Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, out),
                FrameItem::Text(text) => {
                    out.push_str(&text.text);
                    out.push(' ');
                }
                _ => {}
            }
        }
    }
    paged
        .pages()
        .iter()
        .map(|page| {
            let mut out = String::new();
            walk(&page.frame, &mut out);
            out
        })
        .collect()
}

fn typst_failure(world: &MemoryWorld, errors: &[SourceDiagnostic]) -> RenderError {
    use typst::WorldExt;
    let messages: Vec<String> = errors
        .iter()
        .map(|e| {
            let place = world
                .range(e.span)
                .and_then(|r| world.main_source().map(|s| (r, s)))
                .and_then(|(r, s)| s.lines().byte_to_line(r.start))
                .map(|line| format!(" (main.typ line {})", line + 1))
                .unwrap_or_default();
            let hints: String = e.hints.iter().map(|h| format!("; hint: {}", h.v)).collect();
            format!("{}{place}{hints}", e.message)
        })
        .collect();
    RenderError::Typst(messages.join("\n"))
}

/// Problems that make `doc` impossible to publish under `standard`: images with no
/// alternative text under PDF/UA-1.
fn check_for_standard(doc: &Document, standard: PdfStandard) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for_each_image(doc, &mut |image| {
        if image.alt.trim().is_empty() && standard == PdfStandard::Ua1 {
            found.push(
                Diagnostic::error(
                    "pdf-ua/missing-alt",
                    image.span,
                    format!("The image `{}` has no description, which PDF/UA-1 requires.", image.src),
                )
                .with_hint("Describe the picture between the brackets: ![what the picture shows](file.png)"),
            );
        }
    });
    found
}

/// Calls `f` for every image of the document, footnotes included.
pub fn for_each_image(doc: &Document, f: &mut dyn FnMut(&candor_model::Image)) {
    let mut blocks: Vec<&Block> = doc.blocks.iter().collect();
    blocks.extend(doc.footnotes.iter().flat_map(|n| n.blocks.iter()));
    let mut inlines: Vec<&Inline> = Vec::new();
    while let Some(block) = blocks.pop() {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                inlines.extend(content)
            }
            Block::List { items, .. } => blocks.extend(items.iter().flat_map(|i| i.blocks.iter())),
            Block::BlockQuote { blocks: inner, .. } => blocks.extend(inner),
            Block::Table { table, .. } => {
                for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                    inlines.extend(&cell.content);
                }
            }
            _ => {}
        }
        while let Some(inline) = inlines.pop() {
            match inline {
                Inline::Image { image } => f(image),
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Strikethrough { content }
                | Inline::Link { content, .. } => inlines.extend(content),
                _ => {}
            }
        }
    }
}
