//! The outline a BOM becomes, with caps that keep hostile files bounded.

use candor_model::{
    Bom, Diagnostic, PassageKind, SourceBuilder, SourceContent, SourceMetadata, Span, Warned,
};

/// Most sections, passages and table rows one BOM yields.
pub(super) const MAX_ITEMS: usize = 100_000;
/// Most components one BOM yields.
pub(super) const MAX_COMPONENTS: usize = 100_000;
/// Most relationships one BOM yields.
pub(super) const MAX_RELATIONSHIPS: usize = 100_000;
/// Longest text of one field, in characters; longer values are cut.
pub(super) const MAX_FIELD_CHARS: usize = 100_000;

/// Sections and passages in reading order, with stable ids from [`SourceBuilder`].
pub(super) struct Outline {
    builder: SourceBuilder,
    items: usize,
    dropped: usize,
    cut_fields: usize,
    diagnostics: Vec<Diagnostic>,
}

impl Outline {
    pub(super) fn new() -> Self {
        Self {
            builder: SourceBuilder::new(),
            items: 0,
            dropped: 0,
            cut_fields: 0,
            diagnostics: Vec::new(),
        }
    }

    pub(super) fn metadata(&mut self) -> &mut SourceMetadata {
        self.builder.metadata()
    }

    pub(super) fn section(&mut self, level: u8, title: &str) {
        if self.room() {
            let title = self.cut(title);
            self.builder.section(level, None, &title, None);
        }
    }

    /// A structured value, as "Label: value".
    pub(super) fn field(&mut self, label: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        if self.room() {
            let text = self.cut(&format!("{label}: {value}"));
            self.builder.passage(PassageKind::Field, &text, None);
        }
    }

    pub(super) fn passage(&mut self, kind: PassageKind, text: &str) {
        if !text.trim().is_empty() && self.room() {
            let text = self.cut(text);
            self.builder.passage(kind, &text, None);
        }
    }

    pub(super) fn table(&mut self, caption: &str, header: Vec<String>, rows: Vec<Vec<String>>) {
        if rows.is_empty() || !self.room() {
            return;
        }
        let room = MAX_ITEMS.saturating_sub(self.items);
        if rows.len() > room {
            self.dropped += rows.len() - room;
        }
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .take(room)
            .map(|row| row.iter().map(|cell| self.cut(cell)).collect())
            .collect();
        self.items += rows.len();
        self.builder.table(Some(caption.to_owned()), header, rows, None);
    }

    pub(super) fn warn(&mut self, code: &str, message: String) {
        self.diagnostics.push(Diagnostic::warning(code, Span::default(), message));
    }

    pub(super) fn finish(mut self, bom: Bom) -> Warned<SourceContent> {
        if self.dropped > 0 {
            self.warn(
                "bom/truncated",
                format!(
                    "the BOM is very large: Candor kept its first {MAX_ITEMS} sections, fields \
                     and table rows and left out {} more",
                    self.dropped
                ),
            );
        }
        if self.cut_fields > 0 {
            self.warn(
                "bom/long-field",
                format!(
                    "{} field value(s) were longer than {MAX_FIELD_CHARS} characters and were cut",
                    self.cut_fields
                ),
            );
        }
        self.builder.set_bom(bom);
        Warned { value: self.builder.finish(), diagnostics: self.diagnostics }
    }

    fn room(&mut self) -> bool {
        if self.items >= MAX_ITEMS {
            self.dropped += 1;
            false
        } else {
            self.items += 1;
            true
        }
    }

    fn cut(&mut self, text: &str) -> String {
        match text.char_indices().nth(MAX_FIELD_CHARS) {
            Some((end, _)) => {
                self.cut_fields += 1;
                format!("{}…", &text[..end])
            }
            None => text.to_owned(),
        }
    }
}
