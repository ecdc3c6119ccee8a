//! Pixel tests for icon arrays, as readers see them.
//!
//! - HTML: [`icon_array_svg`] for a set of (filled, total) figures, rasterised with resvg.
//! - PDF: a fixture document with three risk cards (a range, a before/after pair on 1,000
//!   figures, a word without a figure), typeset through the crate's typst path
//!   ([`typst_world`], [`compile`], [`export_svg_pages`]) and rasterised page by page.
//!
//! Each image is compared with a committed PNG in `tests/icon-arrays/`: the same size and
//! every channel of every pixel within ±2 (room for anti-aliasing differences between
//! machines; typesetting itself is deterministic, as the fonts are bundled). A failing
//! comparison writes the actual image next to the test's temporary directory and names it.
//!
//! After an intended change to the icon arrays or the PDF template, rewrite the references,
//! look at them, and commit them with the change:
//!
//! ```sh
//! CANDOR_UPDATE_REFERENCES=1 cargo test -p candor-render --test icon_arrays
//! ```

use std::path::PathBuf;

use candor_model::{Document, Severity};
use candor_render::{
    IconArrayView, Images, compile, export_svg_pages, icon_array_svg, laid_out_text, risk_report,
    typst_world,
};
use resvg::{tiny_skia, usvg};

/// Pixels per SVG unit (px for HTML, pt for typst pages).
const SCALE: f32 = 2.0;
/// Largest difference allowed in any channel of any pixel.
const TOLERANCE: u8 = 2;

/// (filled, total) of the HTML icon arrays under test.
const HTML_ARRAYS: &[(u32, u32)] =
    &[(0, 100), (1, 100), (20, 100), (99, 100), (100, 100), (4, 1000), (200, 1000)];

/// Three risk cards: a figure with its range, a mitigation whose effect needs 1,000
/// figures (20 -> 4 in 1,000), and a word from the scale without any figure.
const FIXTURE: &str = r#"---
title: "Icon arrays"
lang: en
date: 2026-03-01
provider: Example AI Ltd.
model: Example-1
---

# Risks

```risk
id: range
category: cyber-offence
title: A figure with its range
what_could_happen: Someone could use the answers in an attack.
likelihood:
  estimate: 0.2
  range: [0.1, 0.3]
  per: attempt by a skilled attacker
  basis: Red-team evaluation, February 2026
severity: high
```

```risk
id: pair
category: cbrn
title: A figure before and after a mitigation
what_could_happen: Someone could get help with dangerous substances.
likelihood:
  estimate: 0.004
  per: attempt by a skilled attacker
severity: critical
mitigations:
  - kind: input-output-filtering
    what_we_did: A second program checks requests and blocks dangerous ones.
    effect: { before: 0.02, after: 0.004, measure: share of attempts that succeeded }
```

```risk
id: word
category: harmful-manipulation
title: A word without a figure
what_could_happen: Messages could push people into decisions that harm them.
likelihood:
  estimate: unlikely
  per: conversation designed to manipulate
severity: moderate
```
"#;

fn reference_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/icon-arrays")
}

fn updating() -> bool {
    std::env::var_os("CANDOR_UPDATE_REFERENCES").is_some_and(|v| !v.is_empty() && v != "0")
}

/// An RGBA raster, straight (not premultiplied) alpha.
struct Raster {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

/// Rasterises `svg` at [`SCALE`] onto white, without system fonts (typst's SVG carries its
/// glyphs as paths, and the HTML icon arrays have no text).
fn rasterise(svg: &str) -> Raster {
    let options = usvg::Options::default();
    let tree = usvg::Tree::from_str(svg, &options).expect("the SVG parses");
    let size = tree.size().to_int_size().scale_by(SCALE).expect("a non-empty image");
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).expect("an image of sensible size");
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(SCALE, SCALE), &mut pixmap.as_mut());
    // On an opaque background, premultiplied and straight alpha are the same.
    Raster { width: pixmap.width(), height: pixmap.height(), rgba: pixmap.take() }
}

fn encode_png(raster: &Raster) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, raster.width, raster.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().expect("a PNG header");
    writer.write_image_data(&raster.rgba).expect("PNG data");
    writer.finish().expect("a complete PNG");
    out
}

fn decode_png(bytes: &[u8]) -> Result<Raster, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let mut buffer = vec![0; reader.output_buffer_size().ok_or("the PNG is too large")?];
    let info = reader.next_frame(&mut buffer).map_err(|e| e.to_string())?;
    if info.color_type != png::ColorType::Rgba || info.bit_depth != png::BitDepth::Eight {
        return Err(format!(
            "expected 8-bit RGBA, found {:?} {:?}",
            info.color_type, info.bit_depth
        ));
    }
    buffer.truncate(info.buffer_size());
    Ok(Raster { width: info.width, height: info.height, rgba: buffer })
}

/// Compares `actual` with the reference `name`.png (or writes it), describing any
/// difference.
fn check_reference(name: &str, actual: &Raster) -> Result<(), String> {
    let path = reference_dir().join(format!("{name}.png"));
    if updating() {
        std::fs::create_dir_all(reference_dir()).map_err(|e| e.to_string())?;
        std::fs::write(&path, encode_png(actual))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        return Ok(());
    }
    let keep_actual = || {
        let kept = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.actual.png"));
        match std::fs::write(&kept, encode_png(actual)) {
            Ok(()) => format!("the actual image is at {}", kept.display()),
            Err(e) => format!("the actual image could not be kept: {e}"),
        }
    };
    let hint = "if the change is intended: CANDOR_UPDATE_REFERENCES=1 cargo test -p candor-render --test icon_arrays";
    let bytes = std::fs::read(&path)
        .map_err(|e| format!("{name}: cannot read {}: {e}; {hint}", path.display()))?;
    let expected = decode_png(&bytes).map_err(|e| format!("{name}: {}: {e}", path.display()))?;
    if (expected.width, expected.height) != (actual.width, actual.height) {
        return Err(format!(
            "{name}: the image is {}×{} px, the reference {}×{}; {}; {hint}",
            actual.width,
            actual.height,
            expected.width,
            expected.height,
            keep_actual()
        ));
    }
    let (mut differing, mut largest, mut first) = (0usize, 0u8, None);
    for (i, (e, a)) in expected.rgba.chunks_exact(4).zip(actual.rgba.chunks_exact(4)).enumerate() {
        let diff = e.iter().zip(a).map(|(e, a)| e.abs_diff(*a)).max().unwrap_or(0);
        if diff > TOLERANCE {
            differing += 1;
            first.get_or_insert(i);
        }
        largest = largest.max(diff);
    }
    match first {
        None => Ok(()),
        Some(i) => {
            let (x, y) = (i as u32 % actual.width, i as u32 / actual.width);
            Err(format!(
                "{name}: {differing} of {} pixels differ by more than {TOLERANCE} (largest \
                 difference {largest}, first at x {x}, y {y}); {}; {hint}",
                actual.width as usize * actual.height as usize,
                keep_actual()
            ))
        }
    }
}

fn fixture() -> Document {
    let parsed = candor_import::parse_companion(FIXTURE);
    let errors: Vec<_> =
        parsed.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "the fixture does not parse: {errors:?}");
    parsed.value
}

#[test]
fn html_icon_arrays_match_references() {
    let failures: Vec<String> = HTML_ARRAYS
        .iter()
        .filter_map(|&(filled, total)| {
            let icons = IconArrayView {
                filled,
                total,
                description: format!("{filled} of {total} squares are filled in"),
            };
            let svg = icon_array_svg(&icons);
            check_reference(&format!("html-{filled}-of-{total}"), &rasterise(&svg)).err()
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The fixture says what the references should show: the icon arrays the cards carry.
#[test]
fn fixture_has_the_icon_arrays_under_test() {
    let report = risk_report(&fixture());
    let [range, pair, word] = report.risks.as_slice() else {
        panic!("three risk cards expected, found {}", report.risks.len());
    };
    let icons = range.likelihood.icons.as_ref().expect("icons for 0.2");
    assert_eq!((icons.filled, icons.total), (200, 1000), "the document shares 1,000");
    assert!(range.likelihood.range.is_some());
    let effect = pair.mitigations[0].effect.as_ref().expect("an effect");
    let pair_icons = effect.icons.as_ref().expect("a before/after pair");
    assert_eq!(
        (pair_icons.before.filled, pair_icons.after.filled, pair_icons.before.total),
        (20, 4, 1000)
    );
    assert!(word.likelihood.icons.is_none(), "a word alone has no icon array");
}

#[test]
fn pdf_icon_arrays_match_references() {
    let doc = fixture();
    let images = Images::new();
    // The typst path the PDF takes: the world compiles, and its text carries the captions.
    let paged = compile(&typst_world(&doc, &images)).expect("the fixture typesets");
    let text = laid_out_text(&paged).join("\n");
    assert!(text.contains("squares"), "an icon array caption is typeset:\n{text}");
    let pages = export_svg_pages(&doc, &images).expect("SVG pages");
    assert_eq!(pages.len(), paged.pages().len());
    let failures: Vec<String> = pages
        .iter()
        .enumerate()
        .filter_map(|(i, svg)| {
            check_reference(&format!("pdf-page-{}", i + 1), &rasterise(svg)).err()
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    if !updating() {
        // A page that went away would leave its reference behind unnoticed.
        let extra = reference_dir().join(format!("pdf-page-{}.png", pages.len() + 1));
        assert!(!extra.exists(), "{} has no page any more", extra.display());
    }
}
