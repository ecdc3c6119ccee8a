//! Word documents (.docx): headings from paragraph styles, lists with their numbers,
//! tables, footnotes and endnotes, and the document properties.
//!
//! The package is a ZIP archive that may be hostile: [`archive`] refuses zip bombs,
//! encrypted and oversized packages before unpacking, and counts bytes while unpacking.
//! Every part is parsed before anything is built, so a broken part is an error and nothing
//! is half-imported.

mod archive;
mod body;
mod props;
mod styles;
#[cfg(test)]
mod tests;
mod xml;

use std::collections::{HashMap, HashSet};

use candor_model::{
    Diagnostic, PassageKind, SourceBuilder, SourceContent, Span, Warned, collapse_whitespace,
};

use self::archive::Package;
use self::body::{Block, Body, NoteKind, NoteRef, Paragraph};
use self::props::Properties;
use self::styles::{NumRef, Numbering, Role, Styles};
use crate::source::ImportError;

/// Most sections, passages and table rows one document yields.
const MAX_ITEMS: usize = body::MAX_BLOCKS;

/// Imports a .docx file.
pub(crate) fn import(bytes: &[u8]) -> Result<Warned<SourceContent>, ImportError> {
    let mut package = Package::open(bytes)?;
    let root_rels = match part_text(&mut package, "_rels/.rels")? {
        Some(text) => props::relationships("_rels/.rels", &text)?,
        None => Vec::new(),
    };
    let main = props::target(&root_rels, "officeDocument", "")
        .unwrap_or_else(|| "word/document.xml".to_owned());
    let Some(document) = part_text(&mut package, &main)? else {
        return Err(ImportError::Unsupported(format!(
            "this ZIP archive is not a Word document (.docx): it has no {main}"
        )));
    };
    let body = body::parse(&main, &document)?;
    drop(document);

    let rels_part = props::rels_of(&main);
    let rels = match part_text(&mut package, &rels_part)? {
        Some(text) => props::relationships(&rels_part, &text)?,
        None => Vec::new(),
    };
    // Parts are found through the relationships, as Word does; the usual names are the
    // fallback for packages without them.
    let part = |kind: &str, usual: &str| {
        props::target(&rels, kind, &main).unwrap_or_else(|| usual.to_owned())
    };
    let styles_part = part("styles", "word/styles.xml");
    let styles = match part_text(&mut package, &styles_part)? {
        Some(text) => Styles::parse(&styles_part, &text)?,
        None => Styles::default(),
    };
    let numbering_part = part("numbering", "word/numbering.xml");
    let mut numbering = match part_text(&mut package, &numbering_part)? {
        Some(text) => Numbering::parse(&numbering_part, &text)?,
        None => Numbering::default(),
    };
    let mut notes = HashMap::new();
    for (kind, rel, usual) in [
        (NoteKind::Foot, "footnotes", "word/footnotes.xml"),
        (NoteKind::End, "endnotes", "word/endnotes.xml"),
    ] {
        let name = part(rel, usual);
        if let Some(text) = part_text(&mut package, &name)? {
            notes.insert(kind, body::parse_notes(&name, &text)?);
        }
    }
    let mut properties = Properties::default();
    for (rel, usual) in
        [("core-properties", "docProps/core.xml"), ("extended-properties", "docProps/app.xml")]
    {
        let name = props::target(&root_rels, rel, "").unwrap_or_else(|| usual.to_owned());
        if let Some(text) = part_text(&mut package, &name)? {
            props::read_properties(&name, &text, &mut properties)?;
        }
    }
    Ok(emit(body, &styles, &mut numbering, &notes, &properties))
}

/// A part's text, or `None` if the package has no such part.
fn part_text(package: &mut Package<'_>, name: &str) -> Result<Option<String>, ImportError> {
    match package.read(name)? {
        Some(bytes) => Ok(Some(xml::decode(name, &bytes)?.into_owned())),
        None => Ok(None),
    }
}

/// Builds the source in reading order, with a cap on the number of items.
struct Emitter {
    builder: SourceBuilder,
    items: usize,
    dropped: usize,
}

impl Emitter {
    fn room(&mut self, n: usize) -> bool {
        if self.items + n > MAX_ITEMS {
            self.dropped += n;
            false
        } else {
            self.items += n;
            true
        }
    }

    fn passage(&mut self, kind: PassageKind, text: &str) {
        if self.room(1) {
            self.builder.passage(kind, text, None);
        }
    }
}

fn emit(
    body: Body,
    styles: &Styles,
    numbering: &mut Numbering,
    notes: &HashMap<NoteKind, HashMap<String, String>>,
    props: &Properties,
) -> Warned<SourceContent> {
    let mut e = Emitter { builder: SourceBuilder::new(), items: 0, dropped: body.dropped };
    let mut title_paragraph: Option<String> = None;
    let mut caption: Option<String> = None;
    let mut shown_notes = HashSet::new();
    let roles: Vec<Role> = body
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => role(styles, p),
            Block::Table { .. } => Role::Body,
        })
        .collect();
    let is_table = |i: usize| matches!(body.blocks.get(i), Some(Block::Table { .. }));
    let mut skip_next = false;
    for (i, block) in body.blocks.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        match block {
            Block::Paragraph(p) => {
                let text = collapse_whitespace(&p.text);
                let num = list_numbering(styles, p);
                let label = num.as_ref().and_then(|n| numbering.label(n));
                match roles[i] {
                    Role::Contents => {}
                    Role::Title => {
                        title_paragraph.get_or_insert(text);
                    }
                    Role::Heading(level) => {
                        // Empty headings (a lone "##" in the original) open no section.
                        if !text.is_empty() && e.room(1) {
                            let number = label
                                .map(|l| l.trim_end_matches(['.', ')', ':']).trim().to_owned())
                                .filter(|n| !n.is_empty());
                            e.builder.section(level, number, &text, None);
                        }
                    }
                    // A caption just before a table is that table's caption.
                    Role::Caption if is_table(i + 1) => caption = Some(text),
                    Role::Caption => e.passage(PassageKind::Caption, &text),
                    Role::Quote => e.passage(PassageKind::Quote, &text),
                    Role::Code => e.passage(PassageKind::Code, &p.text),
                    Role::Body if num.is_some() => match label {
                        Some(label) => e.passage(PassageKind::ListItem, &format!("{label} {text}")),
                        None => e.passage(PassageKind::ListItem, &text),
                    },
                    Role::Body => e.passage(PassageKind::Paragraph, &text),
                }
                write_notes(&mut e, &p.notes, notes, &mut shown_notes);
            }
            Block::Table { rows, notes: refs } => {
                // Or the caption just after it (Word's default for figures, used for tables too).
                let own_caption = caption.take().or_else(|| match body.blocks.get(i + 1) {
                    Some(Block::Paragraph(next)) if roles[i + 1] == Role::Caption => {
                        skip_next = true;
                        Some(collapse_whitespace(&next.text))
                    }
                    _ => None,
                });
                let mut rows = rows.clone();
                let header = if rows.is_empty() { Vec::new() } else { rows.remove(0) };
                let room = MAX_ITEMS.saturating_sub(e.items + 1);
                if rows.len() > room {
                    e.dropped += rows.len() - room;
                    rows.truncate(room);
                }
                if e.room(1 + rows.len()) {
                    e.builder.table(own_caption, header, rows, None);
                }
                write_notes(&mut e, refs, notes, &mut shown_notes);
            }
        }
    }

    let mut diagnostics = Vec::new();
    if e.dropped > 0 {
        diagnostics.push(Diagnostic::warning(
            "docx/truncated",
            Span::default(),
            format!(
                "the document is very large: Candor kept its first {MAX_ITEMS} headings, \
                 paragraphs and table rows and left out {} more",
                e.dropped
            ),
        ));
    }
    if body.cut > 0 {
        diagnostics.push(Diagnostic::warning(
            "docx/long-text",
            Span::default(),
            format!(
                "{} paragraph(s) or table cell(s) were longer than {} bytes and were cut",
                body.cut,
                body::MAX_TEXT
            ),
        ));
    }
    let md = e.builder.metadata();
    md.title = props.title.clone().or(title_paragraph).filter(|t| !t.is_empty());
    // The creator is whoever made the file, often a person at the provider; the company
    // of the extended properties says more, when it is there.
    md.provider = props.company.clone().or_else(|| props.creator.clone());
    md.date = props.created.clone().or_else(|| props.modified.clone());
    md.version.clone_from(&props.version);
    for (key, value) in [
        ("author", &props.creator),
        ("subject", &props.subject),
        ("description", &props.description),
        ("keywords", &props.keywords),
        ("modified", &props.modified),
        ("language", &props.language),
    ] {
        if let Some(v) = value {
            md.extra.push((key.to_owned(), v.clone()));
        }
    }
    Warned { value: e.builder.finish(), diagnostics }
}

/// The role of a paragraph: its style's, or a heading by a direct outline level.
fn role(styles: &Styles, p: &Paragraph) -> Role {
    match (styles.role(p.style.as_deref()), p.outline) {
        (Role::Body, Some(level)) if level < 9 => Role::Heading(level + 1),
        (role, _) => role,
    }
}

/// The list a paragraph belongs to: its own `w:numPr`, else its style's; `numId` 0 means
/// "no list" (Word's way of taking a paragraph out of its style's list).
fn list_numbering(styles: &Styles, p: &Paragraph) -> Option<NumRef> {
    let own = p.num.clone().filter(|n| n.num_id.is_some());
    let mut num = own.or_else(|| styles.numbering(p.style.as_deref()))?;
    if num.level.is_none()
        && let Some(style_num) = styles.numbering(p.style.as_deref())
    {
        num.level = style_num.level;
    }
    (num.num_id.as_deref() != Some("0")).then_some(num)
}

/// Footnote and endnote passages, after the block that first refers to them.
fn write_notes(
    e: &mut Emitter,
    refs: &[NoteRef],
    notes: &HashMap<NoteKind, HashMap<String, String>>,
    shown: &mut HashSet<(NoteKind, String)>,
) {
    for r in refs {
        if !shown.insert((r.kind, r.id.clone())) {
            continue;
        }
        if let Some(text) = notes.get(&r.kind).and_then(|n| n.get(&r.id)) {
            let text = collapse_whitespace(text);
            if !text.is_empty() {
                e.passage(PassageKind::Footnote, &format!("{} {text}", r.mark));
            }
        }
    }
}
