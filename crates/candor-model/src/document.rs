use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::{LanguageTag, RiskEntry, Span, Taxonomy};

/// A companion document: the plain-language text an author publishes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    pub meta: Metadata,
    pub blocks: Vec<Block>,
    /// Footnote definitions in the order they are first referenced.
    pub footnotes: Vec<Footnote>,
    /// The project's taxonomy (built-in plus the project's own categories) when the document
    /// belongs to a project that adds some; `None` reads it against the built-in one.
    #[serde(skip)]
    pub taxonomy: Option<Arc<Taxonomy>>,
    /// What the document's `source:` links point to, when it is read in a project that has
    /// those sources imported: renderers print section and page numbers and the list of
    /// sources from it. `None` outside a project.
    #[serde(skip)]
    pub cited: Option<Arc<CitedSources>>,
}

/// The imported sources a document's front matter names, as its citations need them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CitedSources {
    pub sources: Vec<CitedSourceInfo>,
}

/// One source a document names, matched to its imported file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CitedSourceInfo {
    /// The id the document's links use (its front matter's).
    pub id: String,
    pub title: String,
    pub file: String,
    /// As the source says of itself.
    pub version: Option<String>,
    pub date: Option<String>,
    /// SHA-256 of the exact imported file.
    pub sha256: String,
    /// Where each passage and section is, by id.
    pub places: std::collections::BTreeMap<String, PassagePlace>,
}

/// Where a passage (or section) is in its source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PassagePlace {
    /// "7.3 Evaluation": the section's own numbering and title.
    pub section: Option<String>,
    pub page: Option<u32>,
}

impl CitedSources {
    pub fn source(&self, id: &str) -> Option<&CitedSourceInfo> {
        self.sources.iter().find(|s| s.id == id)
    }
}

impl Document {
    /// The taxonomy the document's risk blocks are checked and rendered against.
    pub fn taxonomy(&self) -> &Taxonomy {
        self.taxonomy.as_deref().unwrap_or_else(|| Taxonomy::builtin())
    }

    /// Every `source:` link of the document with its span, in reading order, then those of
    /// the footnotes; a risk card's `sources` carry the card's span.
    pub fn source_links(&self) -> Vec<(&SourceLink, Span)> {
        let mut out = source_links_in(&self.blocks);
        for footnote in &self.footnotes {
            out.extend(source_links_in(&footnote.blocks));
        }
        out
    }
}

/// Every `source:` link in `blocks` with its span, in reading order: paragraphs, headings,
/// lists, quotations, table cells and risk cards (with the card's span).
pub fn source_links_in(blocks: &[Block]) -> Vec<(&SourceLink, Span)> {
    fn inlines<'a>(content: &'a [Inline], out: &mut Vec<(&'a SourceLink, Span)>) {
        // Iterative, like `plain_text`: nesting depth is the author's to choose.
        let mut stack: Vec<&Inline> = content.iter().rev().collect();
        while let Some(inline) = stack.pop() {
            match inline {
                Inline::Link { target: LinkTarget::Source { link }, content, span, .. } => {
                    out.push((link, *span));
                    stack.extend(content.iter().rev());
                }
                Inline::Link { content, .. }
                | Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Strikethrough { content } => stack.extend(content.iter().rev()),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                inlines(content, &mut out);
            }
            Block::BlockQuote { blocks, .. } => stack.extend(blocks.iter().rev()),
            Block::List { items, .. } => {
                stack.extend(items.iter().rev().flat_map(|i| i.blocks.iter().rev()));
            }
            Block::Table { table, .. } => {
                for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                    inlines(&cell.content, &mut out);
                }
            }
            Block::Risk { risk, span } => out.extend(risk.sources.iter().map(|l| (l, *span))),
            _ => {}
        }
    }
    out
}

/// The front matter, validated.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Metadata {
    pub title: String,
    pub lang: LanguageTag,
    pub audience: Option<String>,
    /// Target school grade; the editor warns above it.
    pub reading_level: Option<u8>,
    pub version: Option<String>,
    /// Publication date; also the PDF's creation date, so exports never read the clock.
    pub date: Option<Date>,
    pub provider: Option<String>,
    pub model: Option<String>,
    pub sources: Vec<SourceRef>,
}

/// A calendar date (proleptic Gregorian), as written in front matter: `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01");
        let mut parts = text.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let day: u8 = d.parse().map_err(|_| bad())?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(format!("`{text}` has no month {month}; months run from 01 to 12")),
        };
        if day == 0 || day > days {
            return Err(format!("`{text}` is not a day of the calendar"));
        }
        Ok(Self { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A technical document this companion document explains (front matter `sources`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SourceRef {
    pub id: String,
    pub title: Option<String>,
    pub file: Option<String>,
    pub span: Span,
}

/// A block-level element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Block {
    Heading {
        level: u8,
        id: Option<String>,
        content: Vec<Inline>,
        span: Span,
    },
    Paragraph {
        content: Vec<Inline>,
        span: Span,
    },
    List {
        start: Option<u64>,
        items: Vec<ListItem>,
        span: Span,
    },
    BlockQuote {
        blocks: Vec<Block>,
        span: Span,
    },
    CodeBlock {
        lang: Option<String>,
        text: String,
        span: Span,
    },
    Table {
        table: Table,
        span: Span,
    },
    ThematicBreak {
        span: Span,
    },
    /// Raw HTML from the Markdown, already sanitised.
    Html {
        html: RawHtml,
        span: Span,
    },
    Risk {
        risk: Box<RiskEntry>,
        span: Span,
    },
    /// A block Candor generates at export, placed with a ```` ```candor-NAME ```` fence.
    Generated {
        name: String,
        /// For blocks that present one imported source (`candor-bom`): its id.
        source: Option<String>,
        span: Span,
    },
    /// Advice for the author (a ```` ```guidance ```` fence): shown while editing, never
    /// typeset. Every renderer skips it; checks warn while one is left in the document.
    Guidance {
        /// The advice as written, without the fences.
        text: String,
        span: Span,
    },
}

impl Block {
    pub fn span(&self) -> Span {
        match self {
            Block::Heading { span, .. }
            | Block::Paragraph { span, .. }
            | Block::List { span, .. }
            | Block::BlockQuote { span, .. }
            | Block::CodeBlock { span, .. }
            | Block::Table { span, .. }
            | Block::ThematicBreak { span }
            | Block::Html { span, .. }
            | Block::Risk { span, .. }
            | Block::Generated { span, .. }
            | Block::Guidance { span, .. } => *span,
        }
    }
}

/// One item of a list; `checked` is set for GFM task-list items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListItem {
    pub checked: Option<bool>,
    pub blocks: Vec<Block>,
    pub span: Span,
}

/// A GFM table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Table {
    pub alignments: Vec<Alignment>,
    pub header: Vec<TableCell>,
    pub rows: Vec<Vec<TableCell>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Alignment {
    None,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TableCell {
    pub content: Vec<Inline>,
}

/// Raw HTML that went through Candor's allowlist sanitiser, with its visible text for
/// outputs that cannot show HTML. Only the importer's sanitiser should construct it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RawHtml {
    pub sanitized: String,
    pub text: String,
}

/// An inline element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Inline {
    /// Text as the reader sees it. `span` is where it was written; `text` has the same
    /// length as the span unless Markdown escaped or encoded it (`\*`, `&amp;`).
    Text {
        text: String,
        #[serde(default)]
        span: Span,
    },
    Code {
        text: String,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    Strong {
        content: Vec<Inline>,
    },
    Strikethrough {
        content: Vec<Inline>,
    },
    Link {
        target: LinkTarget,
        title: Option<String>,
        content: Vec<Inline>,
        span: Span,
    },
    Image {
        image: Image,
    },
    /// A reference to `Document::footnotes[index]`.
    FootnoteRef {
        index: usize,
        span: Span,
    },
    SoftBreak,
    HardBreak,
}

/// Where a link points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LinkTarget {
    /// A web or mail address (`http`, `https`, `mailto`) or an in-document `#anchor`.
    Url { url: String },
    /// A passage of an imported source: `source:ID#PASSAGE`.
    Source { link: SourceLink },
}

/// `source:ID#PASSAGE`, a citation of an imported source.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourceLink {
    pub source: String,
    pub passage: Option<String>,
}

impl SourceLink {
    /// Parses the part after `source:` (`report#sec-7-1`), or `report#sec-7-1` in risk blocks.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (source, passage) = match text.split_once('#') {
            Some((s, p)) => (s, Some(p)),
            None => (text, None),
        };
        let valid = |s: &str| {
            !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        };
        if !valid(source) {
            return Err(format!(
                "`{text}` does not name a source; write source:ID or source:ID#PASSAGE, where ID is a source id from the front matter"
            ));
        }
        if let Some(p) = passage
            && !valid(p)
        {
            return Err(format!(
                "`{p}` is not a passage id; passage ids use letters, digits, - _ and ."
            ));
        }
        Ok(Self { source: source.to_owned(), passage: passage.map(str::to_owned) })
    }
}

impl fmt::Display for SourceLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.passage {
            Some(p) => write!(f, "{}#{p}", self.source),
            None => f.write_str(&self.source),
        }
    }
}

/// An image reference; the bytes are loaded and checked at export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub title: Option<String>,
    pub span: Span,
}

/// A footnote's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    pub label: String,
    pub blocks: Vec<Block>,
}

/// The text of inlines as a reader hears it: formatting dropped, image descriptions kept,
/// line breaks as spaces. Iterative, so deeply nested emphasis cannot overflow the stack.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    let mut stack = vec![inlines.iter()];
    while let Some(top) = stack.last_mut() {
        let Some(inline) = top.next() else {
            stack.pop();
            continue;
        };
        match inline {
            Inline::Text { text, .. } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content }
            | Inline::Link { content, .. } => stack.push(content.iter()),
            Inline::Image { image } => out.push_str(&image.alt),
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
            Inline::FootnoteRef { .. } => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        for bad in ["2023-02-29", "2026-13-01", "2026-1-1", "1 March 2026", "2026-04-31"] {
            assert!(Date::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn source_links() {
        let link = SourceLink::parse("report#sec-7-1").unwrap();
        assert_eq!(link.source, "report");
        assert_eq!(link.passage.as_deref(), Some("sec-7-1"));
        assert!(SourceLink::parse("").is_err());
        assert!(SourceLink::parse("a b#c").is_err());
    }
}
