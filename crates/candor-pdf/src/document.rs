//! One import: check the bytes, open them with hayro, read each page's lines, then build
//! the structure and the metadata.

use candor_model::{Diagnostic, SourceBuilder, SourceContent, Span, Warned};
use hayro_interpret::InterpreterCache;
use hayro_interpret::hayro_syntax::{DecryptionError, LoadPdfError, Pdf};

use crate::glyphs::page_chars;
use crate::layout::{self, Line};
use crate::structure::{self, PageLines};
use crate::{Limits, PdfError, limits, metadata};

struct Read {
    pdf: Pdf,
    pages: Vec<PageLines>,
    glyphs: usize,
    unmapped: usize,
}

pub(crate) fn open(bytes: &[u8], limits: &Limits) -> Result<Pdf, PdfError> {
    limits::check(bytes, limits)?;
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(DecryptionError::PasswordProtected) => PdfError::Encrypted,
        LoadPdfError::Decryption(DecryptionError::UnsupportedAlgorithm) => PdfError::Encrypted,
        LoadPdfError::Decryption(_) => {
            PdfError::Malformed("the PDF's encryption dictionary is damaged".into())
        }
        LoadPdfError::Invalid => PdfError::Malformed(
            "the PDF's structure (cross-reference table and page tree) cannot be read".into(),
        ),
    })?;
    let count = pdf.pages().len();
    if count > limits.max_pages {
        return Err(PdfError::TooLarge(format!(
            "the PDF has {count} pages, more than the {} that can be imported",
            limits.max_pages
        )));
    }
    Ok(pdf)
}

fn read(
    bytes: &[u8],
    limits: &Limits,
    on_page: &mut dyn FnMut(u32, u32),
) -> Result<Read, PdfError> {
    let pdf = open(bytes, limits)?;
    let cache = InterpreterCache::new();
    let mut pages = Vec::with_capacity(pdf.pages().len());
    let mut glyphs = 0usize;
    let mut unmapped = 0usize;
    let total = u32::try_from(pdf.pages().len()).unwrap_or(u32::MAX);
    for (i, page) in pdf.pages().iter().enumerate() {
        on_page(u32::try_from(i + 1).unwrap_or(u32::MAX), total);
        let budget = limits.max_glyphs.saturating_sub(glyphs);
        let chars = page_chars(page, &cache, budget);
        glyphs += chars.glyphs;
        unmapped += chars.unmapped;
        if glyphs > limits.max_glyphs {
            return Err(PdfError::TooLarge(format!(
                "the PDF draws more than {} characters",
                limits.max_glyphs
            )));
        }
        let lines: Vec<Line> = layout::lines(&chars);
        pages.push(PageLines {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            height: chars.height,
            lines,
        });
    }
    drop(cache);
    Ok(Read { pdf, pages, glyphs, unmapped })
}

pub(crate) fn text(bytes: &[u8], limits: &Limits) -> Result<String, PdfError> {
    let read = read(bytes, limits, &mut |_, _| {})?;
    let mut out = String::new();
    for page in &read.pages {
        out.push_str(&layout::page_text(&page.lines));
        out.push('\u{c}');
    }
    Ok(out)
}

pub(crate) fn import(
    bytes: &[u8],
    limits: &Limits,
    on_page: &mut dyn FnMut(u32, u32),
) -> Result<Warned<SourceContent>, PdfError> {
    let read = read(bytes, limits, on_page)?;
    let mut builder = SourceBuilder::new();
    builder.set_pages(u32::try_from(read.pages.len()).unwrap_or(u32::MAX));
    metadata::read(&read.pdf, builder.metadata());
    let title = structure::build(&read.pages, &mut builder);
    if builder.metadata().title.is_none() {
        builder.metadata().title = title;
    }
    let mut diagnostics = Vec::new();
    let chars: usize = read.pages.iter().flat_map(|p| &p.lines).map(|l| l.text.len()).sum();
    if chars == 0 && !read.pages.is_empty() {
        diagnostics.push(
            Diagnostic::warning(
                "pdf/no-text",
                Span::default(),
                "the PDF has no text layer (a scan?): nothing can be cited from it",
            )
            .with_hint("run OCR on the PDF (e.g. ocrmypdf) and import the result"),
        );
    } else if read.unmapped * 20 > read.glyphs {
        diagnostics.push(Diagnostic::warning(
            "pdf/unmapped-glyphs",
            Span::default(),
            format!(
                "{} of {} characters have no known Unicode value and are missing from the text",
                read.unmapped, read.glyphs
            ),
        ));
    }
    Ok(Warned { value: builder.finish(), diagnostics })
}
