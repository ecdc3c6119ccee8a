//! `word/document.xml` as a list of paragraphs and tables, and the notes parts.
//!
//! One pass over the events with explicit state, no recursion: nesting depth in a hostile
//! file costs no stack.

use std::collections::HashMap;

use super::styles::NumRef;
use super::xml::{Ev, Ns, Xml, attr};
use crate::source::ImportError;

/// Most blocks kept; the rest are counted and reported.
pub(super) const MAX_BLOCKS: usize = 100_000;
/// Longest text kept for one paragraph or table cell, in bytes.
pub(super) const MAX_TEXT: usize = 1_000_000;

/// Footnote or endnote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum NoteKind {
    Foot,
    End,
}

/// A note referenced from the body, with the mark shown in the text ("[1]", "[i]").
#[derive(Debug, Clone, PartialEq)]
pub(super) struct NoteRef {
    pub kind: NoteKind,
    pub id: String,
    pub mark: String,
}

#[derive(Debug, Default)]
pub(super) struct Paragraph {
    pub style: Option<String>,
    pub num: Option<NumRef>,
    pub outline: Option<u8>,
    pub text: String,
    pub notes: Vec<NoteRef>,
}

#[derive(Debug)]
pub(super) enum Block {
    Paragraph(Paragraph),
    Table { rows: Vec<Vec<String>>, notes: Vec<NoteRef> },
}

#[derive(Debug, Default)]
pub(super) struct Body {
    pub blocks: Vec<Block>,
    /// Blocks left out past [`MAX_BLOCKS`].
    pub dropped: usize,
    /// Texts cut at [`MAX_TEXT`].
    pub cut: usize,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Option<Vec<String>>,
    cell: Option<String>,
    notes: Vec<NoteRef>,
}

#[derive(Default)]
struct State {
    body: Body,
    /// Open `w:p` elements (text boxes put paragraphs inside paragraphs).
    paragraphs: usize,
    current: Paragraph,
    in_properties: bool,
    in_num: bool,
    runs: usize,
    in_text: bool,
    tables: Vec<Table>,
    /// Tables inside a paragraph (in text boxes): their text flows into the paragraph.
    inline_tables: usize,
    note_marks: HashMap<(NoteKind, String), String>,
    footnotes: usize,
    endnotes: usize,
}

impl State {
    fn push_text(&mut self, text: &str) {
        if self.paragraphs == 0 {
            return;
        }
        let room = MAX_TEXT.saturating_sub(self.current.text.len());
        if text.len() <= room {
            self.current.text.push_str(text);
        } else if room > 0 {
            let mut end = room;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            self.current.text.push_str(&text[..end]);
            self.body.cut += 1;
        }
    }

    fn note(&mut self, kind: NoteKind, id: Option<String>) {
        let Some(id) = id else { return };
        let counter = match kind {
            NoteKind::Foot => &mut self.footnotes,
            NoteKind::End => &mut self.endnotes,
        };
        let mark = self
            .note_marks
            .entry((kind, id.clone()))
            .or_insert_with(|| {
                // Numbered in order of first reference, as Word shows them.
                *counter += 1;
                match kind {
                    NoteKind::Foot => format!("[{counter}]"),
                    NoteKind::End => format!("[{}]", roman_lower(*counter)),
                }
            })
            .clone();
        self.push_text(&mark);
        if self.current.notes.len() < 1_000 {
            self.current.notes.push(NoteRef { kind, id, mark });
        }
    }

    fn end_paragraph(&mut self) {
        let paragraph = std::mem::take(&mut self.current);
        if let Some(table) = self.tables.last_mut() {
            if let Some(cell) = table.cell.as_mut() {
                if !cell.is_empty() && !paragraph.text.trim().is_empty() {
                    cell.push(' ');
                }
                if cell.len() + paragraph.text.len() <= MAX_TEXT {
                    cell.push_str(&paragraph.text);
                } else {
                    self.body.cut += 1;
                }
            }
            table.notes.extend(paragraph.notes);
        } else if !paragraph.text.trim().is_empty() {
            self.push_block(Block::Paragraph(paragraph));
        }
    }

    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else { return };
        if let Some(outer) = self.tables.last_mut() {
            // A table in a cell: its rows become text of the cell.
            let text: Vec<String> = table.rows.iter().map(|r| r.join(" | ")).collect();
            if let Some(cell) = outer.cell.as_mut()
                && cell.len() < MAX_TEXT
            {
                cell.push(' ');
                cell.push_str(&text.join("; "));
            }
            outer.notes.extend(table.notes);
        } else if table.rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty())) {
            self.push_block(Block::Table { rows: table.rows, notes: table.notes });
        }
    }

    fn push_block(&mut self, block: Block) {
        if self.body.blocks.len() < MAX_BLOCKS {
            self.body.blocks.push(block);
        } else {
            self.body.dropped += 1;
        }
    }
}

/// Parses the main document part. Fails if its root is not `w:document`.
pub(super) fn parse(part: &str, text: &str) -> Result<Body, ImportError> {
    let mut xml = Xml::new(part, text);
    let mut s = State::default();
    let mut root_seen = false;
    loop {
        match xml.next()? {
            Ev::Open(o) => {
                if !root_seen {
                    root_seen = true;
                    if o.ns != Ns::W || o.local != "document" {
                        return Err(ImportError::Unsupported(format!(
                            "this is not a Word document: its main part {part} holds a \
                             <{}> element, not a Word <w:document>",
                            o.local
                        )));
                    }
                    continue;
                }
                match (o.ns, o.local.as_str()) {
                    // Alternative content for old readers: the same text a second time.
                    (Ns::Mc, "Fallback") if !o.empty => xml.skip()?,
                    // Deleted or moved-away text of tracked changes, field codes, and
                    // earlier formatting: none of it is the document's text.
                    (
                        Ns::W,
                        "delText" | "instrText" | "delInstrText" | "moveFrom" | "pPrChange"
                        | "rPrChange",
                    ) if !o.empty => {
                        xml.skip()?;
                    }
                    (Ns::W, "p") if !o.empty => {
                        s.paragraphs += 1;
                        if s.paragraphs > 1 {
                            s.push_text(" ");
                        }
                    }
                    (Ns::W, "pPr") if !o.empty && s.paragraphs == 1 => s.in_properties = true,
                    (Ns::W, "pStyle") if s.in_properties => {
                        s.current.style = attr(&o.element, "val")
                    }
                    (Ns::W, "outlineLvl") if s.in_properties => {
                        s.current.outline = attr(&o.element, "val").and_then(|v| v.parse().ok());
                    }
                    (Ns::W, "numPr") if s.in_properties && !o.empty => {
                        s.in_num = true;
                        s.current.num.get_or_insert_with(NumRef::default);
                    }
                    (Ns::W, "numId") if s.in_num => {
                        s.current.num.get_or_insert_with(NumRef::default).num_id =
                            attr(&o.element, "val");
                    }
                    (Ns::W, "ilvl") if s.in_num => {
                        s.current.num.get_or_insert_with(NumRef::default).level =
                            attr(&o.element, "val").and_then(|v| v.parse().ok());
                    }
                    (Ns::W, "r") if !o.empty => s.runs += 1,
                    (Ns::W, "t") | (Ns::Math, "t") if !o.empty => s.in_text = true,
                    (Ns::W, "tab" | "ptab") if s.runs > 0 => s.push_text("\t"),
                    (Ns::W, "br" | "cr") if s.runs > 0 => s.push_text("\n"),
                    (Ns::W, "noBreakHyphen") => s.push_text("-"),
                    (Ns::W, "footnoteReference") => s.note(NoteKind::Foot, attr(&o.element, "id")),
                    (Ns::W, "endnoteReference") => s.note(NoteKind::End, attr(&o.element, "id")),
                    (Ns::W, "tbl") if !o.empty => {
                        if s.paragraphs > 0 || s.inline_tables > 0 {
                            s.inline_tables += 1;
                        } else {
                            s.tables.push(Table::default());
                        }
                    }
                    (Ns::W, "tr") if !o.empty && s.inline_tables == 0 => {
                        if let Some(t) = s.tables.last_mut() {
                            t.row = Some(Vec::new());
                        }
                    }
                    (Ns::W, "tc") if !o.empty && s.inline_tables == 0 => {
                        if let Some(t) = s.tables.last_mut() {
                            t.cell = Some(String::new());
                        }
                    }
                    _ => {}
                }
            }
            Ev::Close { ns, local } => match (ns, local.as_str()) {
                (Ns::W, "p") if s.paragraphs > 0 => {
                    s.paragraphs -= 1;
                    if s.paragraphs == 0 {
                        s.in_properties = false;
                        s.end_paragraph();
                    }
                }
                (Ns::W, "pPr") => s.in_properties = false,
                (Ns::W, "numPr") => s.in_num = false,
                (Ns::W, "r") => s.runs = s.runs.saturating_sub(1),
                (Ns::W, "t") | (Ns::Math, "t") => s.in_text = false,
                (Ns::W, "tbl") => {
                    if s.inline_tables > 0 {
                        s.inline_tables -= 1;
                    } else {
                        s.end_table();
                    }
                }
                (Ns::W, "tr") if s.inline_tables == 0 => {
                    if let Some(t) = s.tables.last_mut()
                        && let Some(row) = t.row.take()
                        && t.rows.len() < MAX_BLOCKS
                    {
                        t.rows.push(row);
                    }
                }
                (Ns::W, "tc") if s.inline_tables == 0 => {
                    if let Some(t) = s.tables.last_mut()
                        && let Some(cell) = t.cell.take()
                        && let Some(row) = t.row.as_mut()
                        && row.len() < 1_000
                    {
                        row.push(cell);
                    }
                }
                _ => {}
            },
            Ev::Text(text) if s.in_text => s.push_text(&text),
            Ev::Text(_) => {}
            Ev::Eof => break,
        }
    }
    if !root_seen {
        return Err(xml.malformed("is empty: it has no root element".to_owned()));
    }
    Ok(s.body)
}

/// The notes of `footnotes.xml` or `endnotes.xml`, as text by note id. Separators and
/// continuation notices are not notes.
pub(super) fn parse_notes(part: &str, text: &str) -> Result<HashMap<String, String>, ImportError> {
    let mut xml = Xml::new(part, text);
    let mut notes = HashMap::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    let mut runs = 0usize;
    loop {
        match xml.next()? {
            Ev::Open(o) => match (o.ns, o.local.as_str()) {
                (Ns::Mc, "Fallback") if !o.empty => xml.skip()?,
                (Ns::W, "delText" | "instrText" | "delInstrText" | "moveFrom") if !o.empty => {
                    xml.skip()?
                }
                (Ns::W, "footnote" | "endnote") if !o.empty => {
                    let kind = attr(&o.element, "type").unwrap_or_default();
                    match attr(&o.element, "id") {
                        Some(id) if kind.is_empty() || kind == "normal" => {
                            current = Some((id, String::new()))
                        }
                        _ => xml.skip()?,
                    }
                }
                (Ns::W, "p") if !o.empty => {
                    if let Some((_, t)) = current.as_mut() {
                        t.push(' ');
                    }
                }
                (Ns::W, "r") if !o.empty => runs += 1,
                (Ns::W, "t") | (Ns::Math, "t") if !o.empty => in_text = true,
                (Ns::W, "tab" | "br" | "cr") if runs > 0 => {
                    if let Some((_, t)) = current.as_mut() {
                        t.push(' ');
                    }
                }
                _ => {}
            },
            Ev::Close { ns, local } => match (ns, local.as_str()) {
                (Ns::W, "footnote" | "endnote") => {
                    if let Some((id, t)) = current.take()
                        && notes.len() < MAX_BLOCKS
                    {
                        notes.insert(id, t);
                    }
                }
                (Ns::W, "r") => runs = runs.saturating_sub(1),
                (Ns::W, "t") | (Ns::Math, "t") => in_text = false,
                _ => {}
            },
            Ev::Text(text) if in_text => {
                if let Some((_, t)) = current.as_mut()
                    && t.len() + text.len() <= MAX_TEXT
                {
                    t.push_str(&text);
                }
            }
            Ev::Text(_) => {}
            Ev::Eof => return Ok(notes),
        }
    }
}

fn roman_lower(n: usize) -> String {
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}
