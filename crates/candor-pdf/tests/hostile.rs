//! Hostile and broken input: every case ends in a clear error (or a best-effort import)
//! within the stated bounds, and nothing panics.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use candor_pdf::{Limits, PdfError};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A PDF from numbered object bodies (object n is `objects[n - 1]`), with a correct
/// cross-reference table. `1 0 R` must be the catalog.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).expect("write to a Vec");
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).expect("write to a Vec");
    for o in offsets {
        writeln!(out, "{o:010} 00000 n ").expect("write to a Vec");
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .expect("write to a Vec");
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(data).expect("write to a Vec");
    encoder.finish().expect("deflate into a Vec")
}

/// One page showing `content` (a content stream) with Helvetica.
fn one_page(content: Vec<u8>) -> Vec<u8> {
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ])
}

fn quickly<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let result = f();
    assert!(start.elapsed() < Duration::from_secs(20), "{what} took {:?}", start.elapsed());
    result
}

#[test]
fn a_hand_written_pdf_imports() {
    let bytes = one_page(stream("", b"BT /F1 12 Tf 20 250 Td (Hello hostile world.) Tj ET"));
    let content = candor_pdf::import(&bytes).expect("imports").value;
    assert_eq!(content.passages[0].text, "Hello hostile world.");
}

#[test]
fn a_broken_cross_reference_table_is_rebuilt() {
    let content = candor_pdf::import(&fixture("broken-xref.pdf")).expect("recovers").value;
    assert_eq!(content.sections.len(), 5);
    assert_eq!(content.pages, Some(3));
}

#[test]
fn random_bytes_and_other_formats_are_malformed() {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut noise = vec![0u8; 100_000];
    for b in &mut noise {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        *b = seed as u8;
    }
    for bytes in [noise.as_slice(), b"", b"PK\x03\x04 not a pdf", b"%PDF-1.7\n", b"%PDF-"] {
        let result = quickly("garbage", || candor_pdf::import(bytes));
        assert!(matches!(result, Err(PdfError::Malformed(_))), "{result:?}");
    }
}

#[test]
fn truncated_files_fail_cleanly_or_import_what_is_there() {
    let bytes = fixture("structure.pdf");
    for cut in [10, 100, 1_000, 5_000, bytes.len() / 2, bytes.len() - 200, bytes.len() - 10] {
        let result = quickly("truncation", || candor_pdf::import(&bytes[..cut]));
        if let Err(e) = result {
            assert!(matches!(e, PdfError::Malformed(_)), "cut at {cut}: {e:?}");
        }
    }
}

#[test]
fn deep_nesting_is_refused() {
    let mut body = b"<< /Type /Catalog /Pages 2 0 R /Deep ".to_vec();
    body.extend(std::iter::repeat_n(b'[', 200_000));
    body.extend(std::iter::repeat_n(b']', 200_000));
    body.extend_from_slice(b" >>");
    let bytes = pdf(&[body, b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec()]);
    let result = quickly("nesting", || candor_pdf::import(&bytes));
    assert!(matches!(&result, Err(PdfError::Malformed(m)) if m.contains("nested")), "{result:?}");
}

#[test]
fn deep_nesting_inside_a_compressed_content_stream_does_not_crash() {
    let mut content = b"BT /F1 12 Tf 20 250 Td ".to_vec();
    content.extend(std::iter::repeat_n(b'[', 100_000));
    content.extend_from_slice(b" (x) ");
    content.extend(std::iter::repeat_n(b']', 100_000));
    content.extend_from_slice(b" TJ (After.) Tj ET");
    let bytes = one_page(stream("/Filter /FlateDecode", &deflate(&content)));
    let result = quickly("nested content", || candor_pdf::import(&bytes));
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn a_decompression_bomb_is_too_large() {
    // 300 MiB of zeros in about 300 KiB: over the 64 MiB a stream may expand to.
    let bomb = deflate(&vec![0u8; 300 << 20]);
    let bytes = one_page(stream("/Filter /FlateDecode", &bomb));
    let start = Instant::now();
    let result = candor_pdf::import(&bytes);
    assert!(matches!(&result, Err(PdfError::TooLarge(m)) if m.contains("64 MiB")), "{result:?}");
    assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
}

#[test]
fn many_small_bombs_exceed_the_total() {
    let limits =
        Limits { max_stream_bytes: 1 << 20, max_decoded_bytes: 4 << 20, ..Limits::default() };
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
    ];
    let chunk = deflate(&vec![b' '; 1 << 20]);
    for _ in 0..6 {
        objects.push(stream("/Filter /FlateDecode", &chunk));
    }
    let result = candor_pdf::import_with(&pdf(&objects), &limits);
    assert!(matches!(&result, Err(PdfError::TooLarge(m)) if m.contains("in total")), "{result:?}");
}

#[test]
fn chained_filters_are_measured_too() {
    let limits = Limits { max_stream_bytes: 1 << 20, ..Limits::default() };
    let bomb = deflate(&vec![0u8; 4 << 20]);
    let hex: String = bomb.iter().map(|b| format!("{b:02x}")).collect::<String>() + ">";
    let bytes = one_page(stream("/Filter [/ASCIIHexDecode /FlateDecode]", hex.as_bytes()));
    let result = candor_pdf::import_with(&bytes, &limits);
    assert!(matches!(result, Err(PdfError::TooLarge(_))), "{result:?}");
}

#[test]
fn too_many_pages_is_too_large() {
    let pages = 5_001;
    let kids: String = (0..pages).map(|i| format!("{} 0 R ", i + 3)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{kids}] /Count {pages} >>").into_bytes(),
    ];
    for _ in 0..pages {
        objects.push(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>".to_vec());
    }
    let result = quickly("pages", || candor_pdf::import(&pdf(&objects)));
    assert!(
        matches!(&result, Err(PdfError::TooLarge(m)) if m.contains("5001 pages")),
        "{result:?}"
    );
}

#[test]
fn cyclic_and_exploding_page_trees_end() {
    // A Pages node that is its own kid, and one that lists the same kid 10 000 times.
    let cyclic = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>".to_vec(),
    ]);
    let result = quickly("cycle", || candor_pdf::import(&cyclic));
    assert!(result.is_ok() || matches!(result, Err(PdfError::Malformed(_))), "{result:?}");
    let repeated: String = "3 0 R ".repeat(10_000);
    let exploding = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{repeated}] /Count 10000 >>").into_bytes(),
        format!("<< /Type /Pages /Parent 2 0 R /Kids [{repeated}] /Count 10000 >>").into_bytes(),
    ]);
    let result = quickly("explosion", || candor_pdf::import(&exploding));
    assert!(
        result.is_ok() || matches!(result, Err(PdfError::Malformed(_) | PdfError::TooLarge(_))),
        "{result:?}"
    );
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let limits = Limits { max_file_bytes: 1 << 10, ..Limits::default() };
    let result = candor_pdf::import_with(&fixture("structure.pdf"), &limits);
    assert!(matches!(&result, Err(PdfError::TooLarge(m)) if m.contains("more than")), "{result:?}");
}

#[test]
fn the_glyph_budget_is_enforced() {
    let limits = Limits { max_glyphs: 100, ..Limits::default() };
    let result = candor_pdf::import_with(&fixture("structure.pdf"), &limits);
    assert!(matches!(result, Err(PdfError::TooLarge(_))), "{result:?}");
}

#[test]
fn a_page_without_text_warns() {
    let bytes = one_page(stream("", b"0 0 m 100 100 l S"));
    let warned = candor_pdf::import(&bytes).expect("imports");
    assert!(warned.value.passages.is_empty());
    assert_eq!(warned.diagnostics[0].code, "pdf/no-text");
}

/// Random mutations of real PDFs (bytes flipped, ranges dropped or duplicated): the
/// importer returns, never panics. A bounded stand-in for the fuzz target, run by
/// `cargo test`; CANDOR_PDF_MUTATIONS raises the count.
#[test]
fn mutated_pdfs_never_panic() {
    let rounds: usize =
        std::env::var("CANDOR_PDF_MUTATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(150);
    let mut seeds = vec![fixture("structure.pdf"), fixture("broken-xref.pdf")];
    seeds.push(one_page(stream(
        "/Filter /FlateDecode",
        &deflate(b"BT /F1 12 Tf 20 250 Td [(Hel) -20 (lo)] TJ ET"),
    )));
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let limits = Limits { max_glyphs: 200_000, ..Limits::default() };
    for round in 0..rounds {
        let seed = &seeds[round % seeds.len()];
        let mut bytes = seed.clone();
        for _ in 0..1 + next() % 8 {
            let len = bytes.len().max(1);
            let at = (next() as usize) % len;
            match next() % 4 {
                0 => {
                    if let Some(b) = bytes.get_mut(at) {
                        *b ^= 1 << (next() % 8);
                    }
                }
                1 => {
                    let end = (at + (next() as usize) % 64).min(bytes.len());
                    bytes.drain(at..end);
                }
                2 => {
                    let end = (at + (next() as usize) % 256).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    let to = (next() as usize) % len;
                    bytes.splice(to.min(bytes.len())..to.min(bytes.len()), copy);
                }
                _ => {
                    let value = [b'(', b')', b'[', b'<', b'>', b'0', b'9', b'/', b'R', b' ']
                        [(next() % 10) as usize];
                    if let Some(b) = bytes.get_mut(at) {
                        *b = value;
                    }
                }
            }
        }
        let _ = candor_pdf::import_with(&bytes, &limits);
    }
}
