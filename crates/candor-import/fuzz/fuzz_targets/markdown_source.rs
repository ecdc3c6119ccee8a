//! Any bytes through the Markdown importer: an import or a clear error, never a panic.
#![no_main]

use candor_model::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = candor_import::import_source(SourceFormat::Markdown, data);
});
