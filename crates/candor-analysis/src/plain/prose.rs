//! The reader's text of a document, unit by unit, with a map back to where it was written.
//!
//! Rules look at plain text ("The model was trained.") but report spans in the Markdown
//! ("The *model* was [trained](source:r#p)."). Each unit keeps the pieces it was built from,
//! so any byte range of its text maps to a span of the source.

use std::ops::Range;

use candor_model::{Block, Document, Inline, Span};

/// What a unit of text is; rules about length look only at paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum UnitKind {
    Heading,
    Paragraph,
    /// A table cell or a field of a risk card: short text, never a paragraph.
    Fragment,
}

/// One heading, paragraph, table cell or risk-card field.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub kind: UnitKind,
    pub text: String,
    pieces: Vec<Piece>,
    /// The whole block, for ranges no piece covers.
    block: Span,
}

/// A stretch of the unit's text and where it came from.
#[derive(Debug, Clone)]
struct Piece {
    at: usize,
    len: usize,
    source: Option<Span>,
    /// Code, image descriptions and line breaks: part of the text, never reported on.
    checked: bool,
}

impl Unit {
    fn new(kind: UnitKind, block: Span) -> Unit {
        Unit { kind, text: String::new(), pieces: Vec::new(), block }
    }

    fn push(&mut self, text: &str, source: Option<Span>, checked: bool) {
        if text.is_empty() {
            return;
        }
        self.pieces.push(Piece { at: self.text.len(), len: text.len(), source, checked });
        self.text.push_str(text);
    }

    /// Whether every byte of `range` is text the author wrote as prose (not code).
    pub fn is_prose(&self, range: &Range<usize>) -> bool {
        self.pieces
            .iter()
            .filter(|p| p.at < range.end && range.start < p.at + p.len)
            .all(|p| p.checked)
    }

    /// The source span of a byte range of the unit's text.
    pub fn span(&self, range: &Range<usize>) -> Span {
        let start = self.position(range.start, false);
        let end = self.position(range.end, true).max(start);
        Span::new(start, end)
    }

    /// The source offset of a text offset; `end` picks the piece a range ends in.
    fn position(&self, offset: usize, end: bool) -> usize {
        let inside = |p: &&Piece| {
            if end {
                p.at < offset && offset <= p.at + p.len
            } else {
                p.at <= offset && offset < p.at + p.len
            }
        };
        let Some(piece) = self.pieces.iter().find(inside) else {
            return if end { self.block.end } else { self.block.start };
        };
        match piece.source {
            // Written as it reads: exact.
            Some(s) if s.end - s.start == piece.len => s.start + (offset - piece.at),
            // Escaped or encoded: the piece as a whole.
            Some(s) => {
                if offset == piece.at {
                    s.start
                } else {
                    s.end
                }
            }
            None => self.nearest(piece, end),
        }
    }

    /// For pieces with no span of their own (line breaks): the end of the piece before, or
    /// the start of the one after.
    fn nearest(&self, piece: &Piece, end: bool) -> usize {
        let before = self.pieces.iter().rev().filter(|p| p.at < piece.at).find_map(|p| p.source);
        let after = self.pieces.iter().filter(|p| p.at > piece.at).find_map(|p| p.source);
        match (before, after, end) {
            (Some(b), _, true) | (Some(b), None, false) => b.end,
            (_, Some(a), _) => a.start,
            (None, None, _) => self.block.start,
        }
    }
}

/// Every unit of reader text in `doc`, in reading order: headings, paragraphs (also in lists,
/// quotations and footnotes), table cells and the fields of risk cards. `source` is the text
/// the document was read from; risk-card fields are found in it.
pub(crate) fn units(doc: &Document, source: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    collect(&doc.blocks, source, &mut out);
    for footnote in &doc.footnotes {
        collect(&footnote.blocks, source, &mut out);
    }
    out
}

/// The units of one block (and the blocks inside it).
pub(crate) fn block_units(block: &Block, source: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    collect(std::slice::from_ref(block), source, &mut out);
    out
}

fn collect(blocks: &[Block], source: &str, out: &mut Vec<Unit>) {
    for block in blocks {
        match block {
            Block::Heading { content, span, .. } => {
                out.push(inline_unit(UnitKind::Heading, content, *span));
            }
            Block::Paragraph { content, span } => {
                out.push(inline_unit(UnitKind::Paragraph, content, *span));
            }
            Block::List { items, .. } => {
                for item in items {
                    collect(&item.blocks, source, out);
                }
            }
            Block::BlockQuote { blocks, .. } => collect(blocks, source, out),
            Block::Table { table, span } => {
                for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                    out.push(inline_unit(UnitKind::Fragment, &cell.content, *span));
                }
            }
            Block::Risk { risk, span } => {
                let fields = [
                    Some(&risk.title),
                    risk.what_could_happen.as_ref(),
                    risk.who_is_affected.as_ref(),
                ]
                .into_iter()
                .flatten()
                .chain(risk.mitigations.iter().map(|m| &m.what_we_did))
                .chain(risk.what_you_can_do.as_ref());
                let mut from = span.start;
                for field in fields {
                    let mut unit = Unit::new(UnitKind::Fragment, *span);
                    let found = find_loosely(source, field, from, span.end);
                    if let Some(found) = found {
                        from = found.end;
                    }
                    // A field found as written maps exactly; a folded one maps to its block.
                    unit.push(field, found.filter(|f| f.end - f.start == field.len()), true);
                    out.push(unit);
                }
            }
            _ => {}
        }
    }
}

fn inline_unit(kind: UnitKind, content: &[Inline], block: Span) -> Unit {
    let mut unit = Unit::new(kind, block);
    // Iterative, like `plain_text`, so deep nesting cannot overflow the stack.
    let mut stack = vec![content.iter()];
    while let Some(top) = stack.last_mut() {
        let Some(inline) = top.next() else {
            stack.pop();
            continue;
        };
        match inline {
            Inline::Text { text, span } => {
                let known = *span != Span::default();
                unit.push(text, known.then_some(*span), true);
            }
            Inline::Code { text } => unit.push(text, None, false),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content }
            | Inline::Link { content, .. } => stack.push(content.iter()),
            Inline::Image { image } => unit.push(&image.alt, Some(image.span), false),
            Inline::SoftBreak | Inline::HardBreak => unit.push(" ", None, false),
            Inline::FootnoteRef { .. } => {}
        }
    }
    unit
}

/// Where `needle` is written in `haystack[from..to]`, letting any run of blank space in the
/// needle match any run in the haystack (YAML folds long strings over several lines).
fn find_loosely(haystack: &str, needle: &str, from: usize, to: usize) -> Option<Span> {
    let region = haystack.get(from..to.min(haystack.len()))?;
    let words: Vec<&str> = needle.split_whitespace().collect();
    let first = *words.first()?;
    for (at, _) in region.match_indices(first) {
        let mut pos = at + first.len();
        let mut ok = true;
        for word in &words[1..] {
            let rest = &region[pos..];
            let trimmed =
                rest.trim_start_matches(|c: char| c.is_whitespace() || c == '>' || c == '|');
            let skipped = rest.len() - trimmed.len();
            if skipped == 0 || !trimmed.starts_with(word) {
                ok = false;
                break;
            }
            pos += skipped + word.len();
        }
        if ok {
            return Some(Span::new(from + at, from + pos));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(text: &str, start: usize) -> Inline {
        Inline::Text { text: text.to_owned(), span: Span::new(start, start + text.len()) }
    }

    #[test]
    fn ranges_of_the_text_map_to_the_markdown() {
        // "The *model* was trained." with the emphasis markers in the source.
        let content = vec![
            text("The ", 0),
            Inline::Emphasis { content: vec![text("model", 5)] },
            text(" was trained.", 11),
        ];
        let unit = inline_unit(UnitKind::Paragraph, &content, Span::new(0, 24));
        assert_eq!(unit.text, "The model was trained.");
        let at = unit.text.find("was trained").unwrap_or_default();
        assert_eq!(unit.span(&(at..at + 11)), Span::new(12, 23));
        assert_eq!(unit.span(&(4..9)), Span::new(5, 10));
    }

    #[test]
    fn escaped_text_maps_to_its_whole_piece_and_code_is_not_prose() {
        let content = vec![
            text("a ", 0),
            Inline::Text { text: "*".into(), span: Span::new(2, 4) },
            Inline::Code { text: "x".into() },
        ];
        let unit = inline_unit(UnitKind::Paragraph, &content, Span::new(0, 8));
        assert_eq!(unit.span(&(2..3)), Span::new(2, 4));
        assert!(unit.is_prose(&(0..3)));
        assert!(!unit.is_prose(&(2..4)));
    }

    #[test]
    fn folded_strings_are_found_across_lines() {
        let src = "what_could_happen: >\n  It could help\n  someone.\n";
        let found = find_loosely(src, "It could help someone.", 0, src.len());
        assert_eq!(found.map(|s| &src[s.start..s.end]), Some("It could help\n  someone."));
        assert_eq!(find_loosely(src, "not there", 0, src.len()), None);
    }
}
