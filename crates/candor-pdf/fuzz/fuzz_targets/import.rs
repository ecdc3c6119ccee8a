//! Any bytes through the importer: it must return (Ok or a PdfError), never panic, hang
//! or exhaust memory. The glyph budget is lowered so each input stays fast.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = candor_pdf::Limits {
        max_glyphs: 200_000,
        max_stream_bytes: 16 << 20,
        max_decoded_bytes: 64 << 20,
        ..candor_pdf::Limits::default()
    };
    let _ = candor_pdf::import_with(data, &limits);
});
