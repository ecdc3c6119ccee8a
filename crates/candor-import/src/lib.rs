//! Readers: bytes and text become Candor's document model.
//!
//! Companion documents are Markdown with YAML front matter. Readers are pure functions:
//! they never touch files, never fail on odd content (problems become diagnostics) and
//! never panic.

mod front_matter;
mod markdown;
mod risk_block;
mod sanitize;
mod yaml;

pub use markdown::parse_companion;
pub use sanitize::sanitize_html;
