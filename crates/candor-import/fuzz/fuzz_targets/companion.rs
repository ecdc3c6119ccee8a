//! Any UTF-8 text through the companion-document reader (YAML front matter, Markdown body,
//! risk blocks): a document with diagnostics, never a panic. Bytes that are not UTF-8 are
//! skipped, since `parse_companion` takes `&str`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = candor_import::parse_companion(text);
    }
});
