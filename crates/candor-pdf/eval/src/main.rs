//! Measures each candidate crate's word recovery against pdftotext on the corpus PDFs.
//! `cargo run --release [CORPUS_DIR]` prints a Markdown table (see ../EVALUATION.md).

#[path = "../../tests/support/recovery.rs"]
mod recovery;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

const FILES: [&str; 3] = [
    "fmti-indicators.pdf",
    "llama-2-responsible-use-guide.pdf",
    "owasp-llm-ai-security-governance-checklist-v1.1.pdf",
];

type Extractor = fn(&Path, &[u8]) -> Result<String, String>;

fn main() {
    let corpus = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/corpus"));
    let candidates: [(&str, Extractor); 7] = [
        ("candor-pdf (hayro-interpret 0.9.0 + own layout)", candor),
        ("hayro-interpret 0.9.0 (glyphs in drawing order)", hayro_naive),
        ("pdf-extract 0.12.1", pdf_extract_text),
        ("lopdf 0.47.0 (Document::extract_text)", lopdf_text),
        ("pdf 0.10.0 (pdf-rs, own Tj/TJ decoding)", pdf_rs_text),
        ("pdf_oxide 0.3.78", pdf_oxide_text),
        ("oxidize-pdf 5.5.6", oxidize_text),
    ];
    let mut reference = HashMap::new();
    for file in FILES {
        let path = corpus.join(file);
        let start = Instant::now();
        let text = recovery::pdftotext(&path).expect("pdftotext");
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        println!(
            "pdftotext {file}: {} words, {ms:.0} ms",
            recovery::words(&text).values().sum::<usize>()
        );
        reference.insert(file, text);
    }
    println!();
    println!("| crate | {} |", FILES.join(" | "));
    println!("|---|---|---|---|");
    for (name, extract) in candidates {
        let mut cells = Vec::new();
        for file in FILES {
            let path = corpus.join(file);
            let bytes = std::fs::read(&path).expect("corpus file");
            let start = Instant::now();
            let result = catch_unwind(AssertUnwindSafe(|| extract(&path, &bytes)));
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            let cell = match result {
                Ok(Ok(text)) => {
                    if std::env::var_os("EVAL_DUMP").is_some() {
                        let dump = format!(
                            "/tmp/eval-{}-{file}.txt",
                            name.split_whitespace().next().unwrap_or("x")
                        );
                        let _ = std::fs::write(dump, &text);
                    }
                    let r = recovery::recovery(&reference[file], &text);
                    format!("{:.1} % ({ms:.0} ms)", r * 100.0)
                }
                Ok(Err(e)) => {
                    format!("error: {} ({ms:.0} ms)", e.chars().take(60).collect::<String>())
                }
                Err(_) => format!("panic ({ms:.0} ms)"),
            };
            cells.push(cell);
        }
        println!("| {name} | {} |", cells.join(" | "));
    }
}

fn candor(_: &Path, bytes: &[u8]) -> Result<String, String> {
    candor_pdf::extract_text(bytes).map_err(|e| e.to_string())
}

fn pdf_extract_text(_: &Path, bytes: &[u8]) -> Result<String, String> {
    pdf_extract::extract_text_from_mem(bytes).map_err(|e| e.to_string())
}

fn lopdf_text(_: &Path, bytes: &[u8]) -> Result<String, String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).map_err(|e| e.to_string())
}

fn pdf_oxide_text(_: &Path, bytes: &[u8]) -> Result<String, String> {
    let doc =
        pdf_oxide::document::PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| e.to_string())?;
    let n = doc.page_count().map_err(|e| e.to_string())?;
    let mut out = String::new();
    for i in 0..n {
        out.push_str(&doc.extract_text(i).map_err(|e| e.to_string())?);
        out.push('\n');
    }
    Ok(out)
}

fn oxidize_text(path: &Path, _: &[u8]) -> Result<String, String> {
    let reader = oxidize_pdf::PdfReader::open(path).map_err(|e| e.to_string())?;
    let doc = oxidize_pdf::PdfDocument::new(reader);
    let pages = doc.extract_text().map_err(|e| e.to_string())?;
    Ok(pages.into_iter().map(|p| p.text).collect::<Vec<_>>().join("\n"))
}

fn pdf_rs_text(_: &Path, bytes: &[u8]) -> Result<String, String> {
    use pdf::content::{Op, TextDrawAdjusted};
    use pdf::file::FileOptions;
    let file = FileOptions::cached().load(bytes.to_vec()).map_err(|e| e.to_string())?;
    let resolver = file.resolver();
    let mut out = String::new();
    for page in file.pages() {
        let page = page.map_err(|e| e.to_string())?;
        let Some(contents) = &page.contents else { continue };
        let ops = contents.operations(&resolver).map_err(|e| e.to_string())?;
        let resources = page.resources().map_err(|e| e.to_string())?;
        let mut map: Option<pdf::font::ToUnicodeMap> = None;
        let mut two_byte = false;
        let decode =
            |bytes: &[u8], map: &Option<pdf::font::ToUnicodeMap>, two: bool, out: &mut String| {
                if two {
                    for pair in bytes.chunks(2) {
                        let code = pair.iter().fold(0u16, |a, &b| (a << 8) | b as u16);
                        if let Some(s) = map.as_ref().and_then(|m| m.get(code)) {
                            out.push_str(s);
                        }
                    }
                } else {
                    for &b in bytes {
                        match map.as_ref().and_then(|m| m.get(b as u16)) {
                            Some(s) => out.push_str(s),
                            None => out.push(b as char),
                        }
                    }
                }
            };
        for op in ops {
            match op {
                Op::TextFont { name, .. } => {
                    let font = resources.fonts.get(&name).and_then(|f| f.load(&resolver).ok());
                    two_byte = font.as_ref().is_some_and(|f| f.is_cid());
                    map = font.and_then(|f| f.to_unicode(&resolver)).and_then(Result::ok);
                }
                Op::TextDraw { text } => decode(text.as_bytes(), &map, two_byte, &mut out),
                Op::TextDrawAdjusted { array } => {
                    for item in array {
                        match item {
                            TextDrawAdjusted::Text(t) => {
                                decode(t.as_bytes(), &map, two_byte, &mut out)
                            }
                            TextDrawAdjusted::Spacing(s) if s < -200.0 => out.push(' '),
                            TextDrawAdjusted::Spacing(_) => {}
                        }
                    }
                }
                Op::TextNewline
                | Op::MoveTextPosition { .. }
                | Op::SetTextMatrix { .. }
                | Op::EndText => out.push('\n'),
                _ => {}
            }
        }
        out.push('\n');
    }
    Ok(out)
}

/// hayro's glyphs in the order they are drawn, a space where the gap to the previous glyph
/// is wide and a line break where the baseline moves: no layout analysis.
fn hayro_naive(_: &Path, bytes: &[u8]) -> Result<String, String> {
    use hayro_interpret::font::{Glyph, GlyphRun};
    use hayro_interpret::hayro_syntax::Pdf;
    use hayro_interpret::util::TransformExt;
    use hayro_interpret::*;
    use kurbo::{BezPath, Point, Rect};

    struct Text {
        out: String,
        last: Option<(f64, f64, f64)>,
    }
    impl<'a> Device<'a> for Text {
        fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}
        fn push_clip_path(&mut self, _: &ClipPath) {}
        fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
        fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}
        fn pop_clip(&mut self) {}
        fn pop_transparency_group(&mut self) {}
        fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
            for g in run.glyphs() {
                let m = props.transform * g.transform();
                let origin = m * Point::ZERO;
                let size = m.as_coeffs()[3].abs() * 1000.0;
                let adv = match &**g {
                    Glyph::Outline(o) => o.advance_width().unwrap_or(500.0) as f64,
                    Glyph::Type3(t) => t.advance_width().unwrap_or(500.0) as f64,
                };
                let end = (m * Point::new(adv, 0.0)).x;
                if let Some((lx, ly, ls)) = self.last {
                    if (origin.y - ly).abs() > ls * 0.5 {
                        self.out.push('\n');
                    } else if origin.x - lx > ls * 0.15 {
                        self.out.push(' ');
                    }
                }
                match g.as_unicode() {
                    Some(hayro_cmap::BfString::Char(c)) => self.out.push(c),
                    Some(hayro_cmap::BfString::String(s)) => self.out.push_str(&s),
                    None => {}
                }
                self.last = Some((end, origin.y, size.max(1.0)));
            }
        }
    }
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| format!("{e:?}"))?;
    let cache = InterpreterCache::new();
    let mut dev = Text { out: String::new(), last: None };
    for page in pdf.pages().iter() {
        let (w, h) = page.render_dimensions();
        let mut ctx = Context::new(
            page.initial_transform(true).to_kurbo(),
            Rect::new(0.0, 0.0, w as f64, h as f64),
            &cache,
            page.xref(),
            InterpreterSettings::default(),
        );
        interpret_page(page, &mut ctx, &mut dev);
        dev.out.push('\n');
        dev.last = None;
    }
    Ok(dev.out)
}
