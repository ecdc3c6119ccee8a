//! Companion documents: front matter and Markdown, read into the document model.
//!
//! pulldown-cmark's events are folded into blocks with an explicit stack of open frames, so
//! deeply nested input never recurses here; nesting past [`MAX_DEPTH`] is flattened so that
//! renderers, which do recurse, get a tree of bounded depth.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use candor_model::{
    Alignment, Block, Diagnostic, Document, Footnote, Image, Inline, LinkTarget, ListItem,
    SourceLink, SourceRef, Span, Table, TableCell, Warned,
};
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::front_matter::{self, State};
use crate::risk_block::{self, Checks};
use crate::sanitize::{self, sanitize_html};
use crate::yaml::SourceMap;

/// Block quotes, lists, emphasis and links nest at most this deep; deeper levels are
/// flattened into their parent.
pub(crate) const MAX_DEPTH: usize = 32;

/// Generated blocks Candor can place (```` ```candor-NAME ````).
const GENERATED: [&str; 6] =
    ["risk-overview", "risk-coverage", "bom", "glossary", "changelog", "removals"];

/// Reads a companion document: YAML front matter, then Markdown with risk blocks, source
/// links and footnotes.
///
/// Never fails and never panics: every problem in the text is a [`Diagnostic`] whose span
/// is a byte range of `text` (front matter included). Codes, by prefix:
///
/// - `front-matter/`: `missing`, `unterminated`, `missing-title`, `missing-lang`,
///   `invalid-lang`, `invalid-date`, `invalid-reading-level`, `invalid-source`,
///   `duplicate-source`, `unknown-key`, `wrong-type`, `duplicate-key`, `yaml-syntax`,
///   `yaml-alias`, `yaml-tag`, `too-deep`
/// - `risk/`: `missing-field`, `wrong-type`, `unknown-key`, `invalid-id`, `duplicate-id`,
///   `unknown-severity`, `invalid-probability`, `invalid-range`, `invalid-source`, `unknown-source`, `duplicate-key`,
///   `yaml-syntax`, `yaml-alias`, `yaml-tag`, `too-deep`
/// - `link/`: `invalid-source`, `unknown-source`, `unsafe-url`, `unsupported-url`
/// - `image/`: `remote`, `unsupported-src`
/// - `footnote/`: `undefined`, `unused`, `duplicate`
/// - `html/`: `removed` (blocks), `inline-dropped`
/// - `generated/unknown`, `heading/duplicate-id`, `markdown/too-deep`
/// - `guidance/remaining`: a ```` ```guidance ```` block (advice for the author) is still in
///   the document; it is kept as [`Block::Guidance`] and never typeset
pub fn parse_companion(text: &str) -> Warned<Document> {
    let mut diags = Vec::new();
    let fm = front_matter::read(text, &mut diags);
    let mut reader = Reader::new(text, fm.body_start, &fm.meta.sources, diags);
    reader.run();
    let (blocks, footnotes, mut diags) = reader.finish();
    let mut meta = fm.meta;
    // Previews need a title even when the front matter lacks one; the error stays.
    if meta.title.is_empty()
        && let Some(title) = first_h1(&blocks)
    {
        meta.title = title;
    }
    if fm.state == State::Missing {
        diags.push(
            Diagnostic::warning(
                "front-matter/missing",
                fm.anchor,
                "This document has no front matter, so it has no language, date or sources.",
            )
            .with_hint("Start the file with a `---` line, then lines such as `title: ...` and `lang: en`, then another `---` line."),
        );
        if meta.title.is_empty() {
            diags.push(
                Diagnostic::error(
                    "front-matter/missing-title",
                    fm.anchor,
                    "This document has no title: there is no front matter and no `# heading`.",
                )
                .with_hint("Add front matter with a `title: ...` line, or start the text with `# Your title`."),
            );
        }
    }
    diags.sort_by_key(|d| d.span.start);
    Warned {
        value: Document { meta, blocks, footnotes, taxonomy: None, cited: None },
        diagnostics: diags,
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

fn first_h1(blocks: &[Block]) -> Option<String> {
    blocks.iter().find_map(|b| match b {
        Block::Heading { level: 1, content, .. } => {
            Some(plain_text(content).trim().to_owned()).filter(|t| !t.is_empty())
        }
        _ => None,
    })
}

pub(crate) use candor_model::plain_text;

/// A GitHub-style heading id: lowercase, punctuation dropped, spaces as hyphens.
fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            c if c.is_whitespace() => Some('-'),
            _ => None,
        })
        .collect()
}

/// Footnote labels match without regard to case or spacing, as in pulldown-cmark.
fn footnote_key(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Adds an inline, merging neighbouring text.
fn push_inline(list: &mut Vec<Inline>, inline: Inline) {
    match (list.last_mut(), inline) {
        // Text written as it reads stays one piece with an exact span; escaped or encoded
        // characters stay separate, so every span maps to its text.
        (Some(Inline::Text { text: last, span: last_span }), Inline::Text { text, span })
            if last_span.end == span.start
                && last.len() == last_span.end - last_span.start
                && text.len() == span.end - span.start =>
        {
            last.push_str(&text);
            last_span.end = span.end;
        }
        (_, inline) => list.push(inline),
    }
}

/// A container of blocks, with inline content not yet wrapped in a paragraph (tight list
/// items have no paragraph events).
struct Container {
    kind: ContainerKind,
    blocks: Vec<Block>,
    pending: Vec<Inline>,
    pending_span: Option<Span>,
}

enum ContainerKind {
    Root,
    BlockQuote(Span),
    Item { checked: Option<bool>, span: Span },
    Footnote { label: String, span: Span },
}

impl Container {
    fn new(kind: ContainerKind) -> Self {
        Self { kind, blocks: Vec::new(), pending: Vec::new(), pending_span: None }
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let content = std::mem::take(&mut self.pending);
            let span = self.pending_span.take().unwrap_or_default();
            self.blocks.push(Block::Paragraph { content, span });
        }
    }
}

enum InlineKind {
    Paragraph(Span),
    Heading {
        level: u8,
        id: Option<String>,
        span: Span,
    },
    Cell,
    Emphasis,
    Strong,
    Strikethrough,
    /// `target` is `None` for a link that was refused; its text is kept.
    Link {
        target: Option<LinkTarget>,
        title: Option<String>,
        span: Span,
    },
}

/// An open element.
enum Frame {
    Blocks(Container),
    List {
        start: Option<u64>,
        items: Vec<ListItem>,
        span: Span,
    },
    Inlines {
        kind: InlineKind,
        content: Vec<Inline>,
    },
    /// `src` is `None` for an image that was refused; its description is kept as text.
    Image {
        src: Option<String>,
        title: Option<String>,
        alt: String,
        span: Span,
    },
    Table {
        table: Table,
        span: Span,
    },
    Row {
        head: bool,
        cells: Vec<TableCell>,
    },
    Code {
        info: Option<String>,
        text: String,
        chunks: Vec<(usize, usize)>,
        span: Span,
    },
    Html {
        html: String,
        span: Span,
    },
}

/// One open Markdown tag: whether it has a frame (or was flattened) and whether it is a
/// list item (task-list markers belong to the innermost one).
#[derive(Clone, Copy)]
struct Open {
    real: bool,
    item: bool,
}

struct Reader<'a> {
    body: &'a str,
    /// Offset of `body` in the whole text.
    base: usize,
    /// The 1-based line on which `body` starts.
    base_line: usize,
    sources: &'a [SourceRef],
    diags: Vec<Diagnostic>,
    frames: Vec<Frame>,
    opens: Vec<Open>,
    /// How many nesting frames (quotes, lists, emphasis, links) are open.
    level: usize,
    too_deep_reported: bool,
    /// Span of the current event.
    at: Span,
    heading_ids: HashSet<String>,
    defined_footnotes: HashSet<String>,
    /// Footnote key → index, in order of first reference.
    footnote_index: HashMap<String, usize>,
    footnote_labels: Vec<String>,
    footnote_defs: HashMap<String, Vec<Block>>,
    /// (key, label, span) of each definition, in document order.
    footnote_def_order: Vec<(String, String, Span)>,
    risk_ids: HashSet<String>,
    /// Inside an inline `<script>` or `<style>`: its text is dropped up to the end tag.
    skip_until: Option<String>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, base: usize, sources: &'a [SourceRef], diags: Vec<Diagnostic>) -> Self {
        let body = text.get(base..).unwrap_or_default();
        let base_line = text.get(..base).map_or(0, |h| h.matches('\n').count()) + 1;
        Self {
            body,
            base,
            base_line,
            sources,
            diags,
            frames: vec![Frame::Blocks(Container::new(ContainerKind::Root))],
            opens: Vec::new(),
            level: 0,
            too_deep_reported: false,
            at: Span::new(base, base),
            heading_ids: HashSet::new(),
            defined_footnotes: HashSet::new(),
            footnote_index: HashMap::new(),
            footnote_labels: Vec::new(),
            footnote_defs: HashMap::new(),
            footnote_def_order: Vec::new(),
            risk_ids: HashSet::new(),
            skip_until: None,
        }
    }

    fn span(&self, r: &Range<usize>) -> Span {
        Span::new(self.base + r.start, self.base + r.end)
    }

    fn run(&mut self) {
        let body = self.body;
        let events: Vec<(Event<'_>, Range<usize>)> =
            Parser::new_ext(body, options()).into_offset_iter().collect();
        for (event, _) in &events {
            if let Event::Start(Tag::FootnoteDefinition(label)) = event {
                self.defined_footnotes.insert(footnote_key(label));
            }
        }
        for (event, range) in events {
            self.at = self.span(&range);
            self.event(event, &range);
        }
        // pulldown-cmark balances its tags; this only guards against surprises.
        while self.frames.len() > 1 {
            if let Some(frame) = self.frames.pop() {
                self.close(frame);
            }
        }
    }

    fn finish(mut self) -> (Vec<Block>, Vec<Footnote>, Vec<Diagnostic>) {
        let blocks = match self.frames.pop() {
            Some(Frame::Blocks(mut root)) => {
                root.flush();
                root.blocks
            }
            _ => Vec::new(),
        };
        let footnotes = self
            .footnote_labels
            .iter()
            .map(|label| Footnote {
                label: label.clone(),
                blocks: self.footnote_defs.remove(&footnote_key(label)).unwrap_or_default(),
            })
            .collect();
        for (key, label, span) in &self.footnote_def_order {
            if !self.footnote_index.contains_key(key) {
                self.diags.push(
                    Diagnostic::warning(
                        "footnote/unused",
                        *span,
                        format!("The footnote `[^{label}]` is never referred to, so readers will not see it."),
                    )
                    .with_hint(format!("Refer to it with `[^{label}]` in the text, or delete it.")),
                );
            }
        }
        (blocks, footnotes, self.diags)
    }

    fn event(&mut self, event: Event<'_>, range: &Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if self.skip_until.is_some() {
                    return;
                }
                match self.frames.last_mut() {
                    Some(Frame::Code { text: code, chunks, .. }) => {
                        chunks.push((code.len(), self.at.start));
                        code.push_str(&text);
                    }
                    Some(Frame::Html { html, .. }) => html.push_str(&text),
                    _ => {
                        self.check_undefined_footnote(range);
                        let span = self.at;
                        self.add_inline(Inline::Text { text: text.into_string(), span });
                    }
                }
            }
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                if self.skip_until.is_none() {
                    self.add_inline(Inline::Code { text: text.into_string() });
                }
            }
            Event::Html(html) => match self.frames.last_mut() {
                Some(Frame::Html { html: block, .. }) => block.push_str(&html),
                _ => self.inline_html(&html),
            },
            Event::InlineHtml(html) => self.inline_html(&html),
            Event::FootnoteReference(label) => self.footnote_reference(&label),
            Event::SoftBreak | Event::HardBreak if self.skip_until.is_some() => {}
            Event::SoftBreak => self.add_inline(Inline::SoftBreak),
            Event::HardBreak => self.add_inline(Inline::HardBreak),
            Event::Rule => self.add_block(Block::ThematicBreak { span: self.at }),
            Event::TaskListMarker(checked) => self.task_marker(checked),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let span = self.at;
        let item = matches!(tag, Tag::Item);
        // In an image everything is description text; nothing nests.
        if matches!(self.frames.last(), Some(Frame::Image { .. })) {
            self.opens.push(Open { real: false, item });
            return;
        }
        let frame = match tag {
            Tag::Paragraph => {
                self.flush_pending();
                Some(Frame::Inlines { kind: InlineKind::Paragraph(span), content: Vec::new() })
            }
            Tag::Heading { level, id, .. } => {
                self.flush_pending();
                let kind = InlineKind::Heading {
                    level: level as u8,
                    id: id.map(|id| id.into_string()),
                    span,
                };
                Some(Frame::Inlines { kind, content: Vec::new() })
            }
            Tag::BlockQuote(_) => {
                self.flush_pending();
                self.enter().then(|| Frame::Blocks(Container::new(ContainerKind::BlockQuote(span))))
            }
            Tag::CodeBlock(kind) => {
                self.flush_pending();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => Some(info.into_string()),
                    CodeBlockKind::Indented => None,
                };
                Some(Frame::Code { info, text: String::new(), chunks: Vec::new(), span })
            }
            Tag::HtmlBlock => {
                self.flush_pending();
                Some(Frame::Html { html: String::new(), span })
            }
            Tag::List(start) => {
                self.flush_pending();
                self.enter().then(|| Frame::List { start, items: Vec::new(), span })
            }
            Tag::Item => {
                if matches!(self.frames.last(), Some(Frame::List { .. })) {
                    let kind = ContainerKind::Item { checked: None, span };
                    Some(Frame::Blocks(Container::new(kind)))
                } else {
                    // An item of a flattened list: its content joins the enclosing block.
                    self.flush_pending();
                    None
                }
            }
            Tag::FootnoteDefinition(label) => {
                self.flush_pending();
                let kind = ContainerKind::Footnote { label: label.into_string(), span };
                Some(Frame::Blocks(Container::new(kind)))
            }
            Tag::Table(alignments) => {
                self.flush_pending();
                let alignments = alignments
                    .into_iter()
                    .map(|a| match a {
                        pulldown_cmark::Alignment::None => Alignment::None,
                        pulldown_cmark::Alignment::Left => Alignment::Left,
                        pulldown_cmark::Alignment::Center => Alignment::Center,
                        pulldown_cmark::Alignment::Right => Alignment::Right,
                    })
                    .collect();
                Some(Frame::Table { table: Table { alignments, ..Table::default() }, span })
            }
            Tag::TableHead => Some(Frame::Row { head: true, cells: Vec::new() }),
            Tag::TableRow => Some(Frame::Row { head: false, cells: Vec::new() }),
            Tag::TableCell => Some(Frame::Inlines { kind: InlineKind::Cell, content: Vec::new() }),
            Tag::Emphasis => self.nested(InlineKind::Emphasis),
            Tag::Strong => self.nested(InlineKind::Strong),
            Tag::Strikethrough => self.nested(InlineKind::Strikethrough),
            Tag::Link { link_type, dest_url, title, .. } => {
                if self.enter() {
                    let target = self.link_target(link_type, &dest_url, span);
                    let title = Some(title.into_string()).filter(|t| !t.is_empty());
                    let kind = InlineKind::Link { target, title, span };
                    Some(Frame::Inlines { kind, content: Vec::new() })
                } else {
                    None
                }
            }
            Tag::Image { dest_url, title, .. } => {
                let src = self.image_src(&dest_url, span);
                let title = Some(title.into_string()).filter(|t| !t.is_empty());
                Some(Frame::Image { src, title, alt: String::new(), span })
            }
            // Not enabled in `options()`; their content is kept.
            _ => None,
        };
        let real = frame.is_some();
        if let Some(frame) = frame {
            self.frames.push(frame);
        }
        self.opens.push(Open { real, item });
    }

    fn nested(&mut self, kind: InlineKind) -> Option<Frame> {
        self.enter().then(|| Frame::Inlines { kind, content: Vec::new() })
    }

    /// Opens one nesting level, or reports that the text is too deep and flattens it.
    fn enter(&mut self) -> bool {
        if self.level < MAX_DEPTH {
            self.level += 1;
            return true;
        }
        if !self.too_deep_reported {
            self.too_deep_reported = true;
            self.diags.push(
                Diagnostic::warning(
                    "markdown/too-deep",
                    self.at,
                    format!("This part is nested more than {MAX_DEPTH} levels deep (quotes, lists or emphasis inside each other); Candor keeps the text but flattens the deeper levels."),
                )
                .with_hint("Use fewer levels; readers lose track after two or three."),
            );
        }
        false
    }

    fn end(&mut self, tag: TagEnd) {
        let inline = matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript
        );
        if !inline {
            // An unclosed inline `<script>` ends with its block.
            self.skip_until = None;
        }
        let open = self.opens.pop().unwrap_or(Open { real: false, item: false });
        if !open.real {
            if matches!(tag, TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) {
                self.flush_pending();
            }
            return;
        }
        if let Some(frame) = self.frames.pop() {
            self.close(frame);
        }
    }

    fn close(&mut self, frame: Frame) {
        match frame {
            Frame::Blocks(mut c) => {
                c.flush();
                match c.kind {
                    ContainerKind::Root => self.frames.push(Frame::Blocks(c)),
                    ContainerKind::BlockQuote(span) => {
                        self.level = self.level.saturating_sub(1);
                        self.add_block(Block::BlockQuote { blocks: c.blocks, span });
                    }
                    ContainerKind::Item { checked, span } => {
                        if let Some(Frame::List { items, .. }) = self.frames.last_mut() {
                            items.push(ListItem { checked, blocks: c.blocks, span });
                        }
                    }
                    ContainerKind::Footnote { label, span } => {
                        self.define_footnote(label, c.blocks, span);
                    }
                }
            }
            Frame::List { start, items, span } => {
                self.level = self.level.saturating_sub(1);
                self.add_block(Block::List { start, items, span });
            }
            Frame::Inlines { kind, content } => self.close_inlines(kind, content),
            Frame::Image { src, title, alt, span } => match src {
                // A missing or useless description is `plain/missing-alt-text`, a check of
                // candor-analysis.
                Some(src) => {
                    self.add_inline(Inline::Image { image: Image { src, alt, title, span } });
                }
                None if alt.is_empty() => {}
                None => self.add_inline(Inline::Text { text: alt, span }),
            },
            Frame::Table { table, span } => self.add_block(Block::Table { table, span }),
            Frame::Row { head, cells } => {
                if let Some(Frame::Table { table, .. }) = self.frames.last_mut() {
                    if head {
                        table.header = cells;
                    } else {
                        table.rows.push(cells);
                    }
                }
            }
            Frame::Code { info, text, chunks, span } => self.code_block(info, text, chunks, span),
            Frame::Html { html, span } => self.html_block(&html, span),
        }
    }

    fn close_inlines(&mut self, kind: InlineKind, content: Vec<Inline>) {
        match kind {
            InlineKind::Paragraph(span) => {
                if !content.is_empty() {
                    self.add_block(Block::Paragraph { content, span });
                }
            }
            InlineKind::Heading { level, id, span } => {
                let id = self.heading_id(id, &content, span);
                self.add_block(Block::Heading { level, id: Some(id), content, span });
            }
            InlineKind::Cell => {
                if let Some(Frame::Row { cells, .. }) = self.frames.last_mut() {
                    cells.push(TableCell { content });
                }
            }
            InlineKind::Emphasis | InlineKind::Strong | InlineKind::Strikethrough => {
                self.level = self.level.saturating_sub(1);
                self.add_inline(match kind {
                    InlineKind::Emphasis => Inline::Emphasis { content },
                    InlineKind::Strong => Inline::Strong { content },
                    _ => Inline::Strikethrough { content },
                });
            }
            InlineKind::Link { target, title, span } => {
                self.level = self.level.saturating_sub(1);
                match target {
                    Some(target) => self.add_inline(Inline::Link { target, title, content, span }),
                    None => content.into_iter().for_each(|i| self.add_inline(i)),
                }
            }
        }
    }

    fn flush_pending(&mut self) {
        if let Some(Frame::Blocks(c)) = self.frames.last_mut() {
            c.flush();
        }
    }

    /// Adds a block to the innermost block container.
    fn add_block(&mut self, block: Block) {
        let container = self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Blocks(c) => Some(c),
            _ => None,
        });
        if let Some(c) = container {
            c.flush();
            c.blocks.push(block);
        }
    }

    fn add_inline(&mut self, inline: Inline) {
        let at = self.at;
        match self.frames.last_mut() {
            Some(Frame::Inlines { content, .. }) => push_inline(content, inline),
            Some(Frame::Image { alt, .. }) => alt.push_str(&plain_text(&[inline])),
            Some(Frame::Blocks(c)) => {
                push_inline(&mut c.pending, inline);
                c.pending_span = Some(match c.pending_span {
                    Some(s) => Span::new(s.start.min(at.start), s.end.max(at.end)),
                    None => at,
                });
            }
            // Tables, rows, lists and code never hold inline content directly.
            _ => {}
        }
    }

    fn task_marker(&mut self, checked: bool) {
        // The marker sits in the item, or in the first paragraph of a loose item.
        let innermost_item = self.opens.iter().rev().take(2).find(|o| o.item);
        if !innermost_item.is_some_and(|o| o.real) {
            return;
        }
        for frame in self.frames.iter_mut().rev().take(2) {
            if let Frame::Blocks(Container {
                kind: ContainerKind::Item { checked: c, .. }, ..
            }) = frame
            {
                *c = Some(checked);
                return;
            }
        }
    }

    fn heading_id(&mut self, explicit: Option<String>, content: &[Inline], span: Span) -> String {
        let explicit = explicit.filter(|id| !id.trim().is_empty());
        let given = explicit.is_some();
        let base = explicit.unwrap_or_else(|| slug(&plain_text(content)));
        let base = if base.is_empty() { "section".to_owned() } else { base };
        if self.heading_ids.insert(base.clone()) {
            return base;
        }
        if given {
            self.diags.push(
                Diagnostic::warning(
                    "heading/duplicate-id",
                    span,
                    format!(
                        "Another heading already has the id `{base}`; this one gets a number added."
                    ),
                )
                .with_hint("Give each heading its own `{#id}`."),
            );
        }
        let mut n = 1;
        loop {
            let candidate = format!("{base}-{n}");
            if self.heading_ids.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }

    fn link_target(&mut self, link_type: LinkType, dest: &str, span: Span) -> Option<LinkTarget> {
        let dest = dest.trim();
        if link_type == LinkType::Email {
            return Some(LinkTarget::Url { url: format!("mailto:{dest}") });
        }
        if dest.starts_with('#') && dest.len() > 1 {
            return Some(LinkTarget::Url { url: dest.to_owned() });
        }
        if let Some(rest) =
            dest.get(..7).filter(|p| p.eq_ignore_ascii_case("source:")).and(dest.get(7..))
        {
            return match SourceLink::parse(rest) {
                Err(why) => {
                    self.diags.push(
                        Diagnostic::error("link/invalid-source", span, format!("{why}."))
                            .with_hint("Write a source link as `source:ID#PASSAGE`, e.g. `[model report, 7.1](source:report#sec-7-1)`."),
                    );
                    None
                }
                Ok(link) if !self.sources.iter().any(|s| s.id == link.source) => {
                    self.diags.push(risk_block::unknown_source(
                        &link.source,
                        span,
                        self.sources,
                        "link/unknown-source",
                    ));
                    None
                }
                Ok(link) => Some(LinkTarget::Source { link }),
            };
        }
        let scheme = sanitize::url_scheme(dest);
        match scheme.as_deref() {
            Some("http" | "https" | "mailto") => Some(LinkTarget::Url { url: dest.to_owned() }),
            Some(s @ ("javascript" | "vbscript" | "livescript" | "data")) => {
                self.diags.push(
                    Diagnostic::error(
                        "link/unsafe-url",
                        span,
                        format!("This link uses `{s}:`, which can run code in the reader's browser; Candor removed the link and kept its text."),
                    )
                    .with_hint(LINK_KINDS),
                );
                None
            }
            _ => {
                let shown: String = dest.chars().take(60).collect();
                let d = Diagnostic::warning(
                    "link/unsupported-url",
                    span,
                    format!(
                        "Candor cannot link to `{shown}`; the link was removed and its text kept."
                    ),
                )
                .with_hint(LINK_KINDS);
                self.diags.push(if scheme.is_none() && !dest.is_empty() {
                    d.with_hint("For a web page, write its full address starting with `https://`.")
                } else {
                    d
                });
                None
            }
        }
    }

    fn image_src(&mut self, dest: &str, span: Span) -> Option<String> {
        let dest = dest.trim();
        match sanitize::url_scheme(dest).as_deref() {
            Some("http" | "https") => {
                self.diags.push(
                    Diagnostic::error(
                        "image/remote",
                        span,
                        "This image is on the web; Candor never downloads anything, so it cannot show it.",
                    )
                    .with_hint("Save the picture next to the document and refer to the file: ![description](picture.png)"),
                );
                None
            }
            // A one-letter "scheme" is a Windows drive (`C:\pictures\a.png`).
            Some(s) if s.len() > 1 => {
                self.diags.push(
                    Diagnostic::warning(
                        "image/unsupported-src",
                        span,
                        format!(
                            "Candor cannot show an image from a `{s}:` address; it was left out."
                        ),
                    )
                    .with_hint(
                        "Refer to a picture file next to the document: ![description](picture.png)",
                    ),
                );
                None
            }
            _ if dest.is_empty() => {
                self.diags.push(
                    Diagnostic::warning(
                        "image/unsupported-src",
                        span,
                        "This image names no file; it was left out.",
                    )
                    .with_hint("Write the file name in the brackets: ![description](picture.png)"),
                );
                None
            }
            _ => Some(dest.to_owned()),
        }
    }

    fn code_block(
        &mut self,
        info: Option<String>,
        text: String,
        chunks: Vec<(usize, usize)>,
        span: Span,
    ) {
        let lang = info.as_deref().and_then(|i| i.split_whitespace().next()).map(str::to_owned);
        let kind = lang.as_deref().map(str::to_ascii_lowercase);
        match kind.as_deref() {
            Some("risk") => {
                let map = if chunks.is_empty() {
                    SourceMap::contiguous(span.start)
                } else {
                    SourceMap::from_chunks(chunks)
                };
                let mut checks = Checks { sources: self.sources, ids: &mut self.risk_ids };
                if let Some(risk) = risk_block::parse(&text, &map, &mut checks, &mut self.diags) {
                    self.add_block(Block::Risk { risk: Box::new(risk), span });
                }
            }
            Some("guidance") => self.guidance_block(text, span),
            Some(name) if name.starts_with("candor-") => {
                let name = &name["candor-".len()..];
                if name == "bom" {
                    self.bom_block(&text, span);
                } else if GENERATED.contains(&name) {
                    self.add_block(Block::Generated { name: name.to_owned(), source: None, span });
                } else {
                    let known: Vec<String> =
                        GENERATED.iter().map(|g| format!("candor-{g}")).collect();
                    self.diags.push(
                        Diagnostic::warning(
                            "generated/unknown",
                            span,
                            format!("Candor does not know the generated block `candor-{name}`; it is left out."),
                        )
                        .with_hint(format!("Generated blocks: {}.", known.join(", "))),
                    );
                }
            }
            _ => self.add_block(Block::CodeBlock { lang, text, span }),
        }
    }

    /// ```` ```guidance ```` holds advice for the author: kept in the model for editors,
    /// skipped by every renderer, and reported until it is removed.
    fn guidance_block(&mut self, text: String, span: Span) {
        let line = self.line_of(span.start);
        self.diags.push(
            Diagnostic::warning(
                "guidance/remaining",
                span,
                format!("Guidance for the author is still in the document (line {line}); remove it before publishing."),
            )
            .with_hint("Write the part the guidance asks for, then delete the whole ```guidance block; it never appears in the PDF or the HTML."),
        );
        self.add_block(Block::Guidance { text, span });
    }

    /// The 1-based line of a byte offset of the whole document.
    fn line_of(&self, offset: usize) -> usize {
        let in_body = offset.saturating_sub(self.base);
        let body_lines = self.body.get(..in_body).map_or(0, |b| b.matches('\n').count());
        self.base_line + body_lines
    }

    /// ```` ```candor-bom ```` names the AI-BOM source it presents: `source: ID`.
    fn bom_block(&mut self, text: &str, span: Span) {
        let named = text
            .lines()
            .filter_map(|line| line.trim().strip_prefix("source:"))
            .map(|id| id.trim().trim_matches(['"', '\'']).to_owned())
            .next();
        let declared: Vec<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        match named {
            None => self.diags.push(
                Diagnostic::error(
                    "generated/missing-source",
                    span,
                    "This `candor-bom` block does not say which AI bill of materials to present.",
                )
                .with_hint("Write `source: ID` inside the block, where ID is a source from the front matter."),
            ),
            Some(id) if !declared.contains(&id.as_str()) => self.diags.push(
                Diagnostic::error(
                    "generated/unknown-source",
                    span,
                    format!("The source `{id}` is not listed under `sources` in the front matter."),
                )
                .with_hint(if declared.is_empty() {
                    "Declare the AI-BOM under `sources` in the front matter.".to_owned()
                } else {
                    format!("Declared sources: {}.", declared.join(", "))
                }),
            ),
            Some(id) => {
                self.add_block(Block::Generated { name: "bom".into(), source: Some(id), span });
            }
        }
    }

    fn html_block(&mut self, html: &str, span: Span) {
        let mut risky: Vec<String> = Vec::new();
        let mut media = false;
        for tag in sanitize::tags(html).filter(|t| !t.closing) {
            media |= tag.media;
            if tag.risky && !risky.contains(&tag.name) {
                risky.push(tag.name);
            }
        }
        if !risky.is_empty() || media {
            let mut parts = Vec::new();
            if !risky.is_empty() {
                let names: Vec<String> = risky.iter().map(|n| format!("`<{n}>`")).collect();
                parts.push(format!(
                    "Candor removed HTML that could run code or load content ({}).",
                    names.join(", ")
                ));
            }
            if media {
                parts.push("Pictures, video and sound in HTML are left out.".to_owned());
            }
            self.diags.push(Diagnostic::warning("html/removed", span, parts.join(" ")).with_hint(
                "Write this part in Markdown; add pictures with ![description](picture.png).",
            ));
        }
        let raw = sanitize_html(html);
        if !raw.sanitized.trim().is_empty() {
            self.add_block(Block::Html { html: raw, span });
        }
    }

    /// Inline HTML: `<br>` is a line break; other tags are dropped and their text kept;
    /// the content of `<script>` and `<style>` is dropped too.
    fn inline_html(&mut self, html: &str) {
        let Some(tag) = sanitize::read_tag(html.trim()) else { return };
        if let Some(skip) = &self.skip_until {
            if tag.closing && tag.name == *skip {
                self.skip_until = None;
            }
            return;
        }
        if tag.closing {
            return;
        }
        if tag.name == "br" {
            self.add_inline(Inline::HardBreak);
            return;
        }
        if matches!(tag.name.as_str(), "script" | "style" | "textarea" | "title") {
            self.skip_until = Some(tag.name.clone());
        }
        if tag.media {
            self.diags.push(
                Diagnostic::warning(
                    "html/inline-dropped",
                    self.at,
                    format!("Candor removed the HTML `<{}>` here: pictures and media in HTML are not shown.", tag.name),
                )
                .with_hint("Add pictures with Markdown: ![description](picture.png)"),
            );
        } else if tag.risky {
            self.diags.push(
                Diagnostic::warning(
                    "html/inline-dropped",
                    self.at,
                    format!("Candor removed the HTML `<{}>` here because it could run code or load content.", tag.name),
                )
                .with_hint("Use Markdown instead of HTML for this part."),
            );
        }
    }

    fn footnote_reference(&mut self, label: &str) {
        let key = footnote_key(label);
        if !self.defined_footnotes.contains(&key) {
            self.undefined_footnote(label, self.at);
            self.add_inline(Inline::Text { text: format!("[^{label}]"), span: self.at });
            return;
        }
        let next = self.footnote_labels.len();
        let index = *self.footnote_index.entry(key).or_insert(next);
        if index == next {
            self.footnote_labels.push(label.to_owned());
        }
        self.add_inline(Inline::FootnoteRef { index, span: self.at });
    }

    /// pulldown-cmark leaves `[^x]` as text when `x` has no definition; find it in the source.
    fn check_undefined_footnote(&mut self, range: &Range<usize>) {
        if self.body.get(range.clone()) != Some("[") {
            return;
        }
        let Some(rest) = self.body.get(range.end..).and_then(|r| r.strip_prefix('^')) else {
            return;
        };
        let Some(close) = rest
            .char_indices()
            .take(100)
            .find_map(|(i, c)| match c {
                ']' => Some(Some(i)),
                c if c.is_whitespace() || c == '[' => Some(None),
                _ => None,
            })
            .flatten()
        else {
            return;
        };
        let label = &rest[..close];
        if label.is_empty() || self.defined_footnotes.contains(&footnote_key(label)) {
            return;
        }
        let span = Span::new(self.at.start, self.at.end + 1 + close + 1);
        self.undefined_footnote(label, span);
    }

    fn undefined_footnote(&mut self, label: &str, span: Span) {
        self.diags.push(
            Diagnostic::warning(
                "footnote/undefined",
                span,
                format!("The footnote `[^{label}]` is not defined, so it shows as plain text."),
            )
            .with_hint(format!("Add a line `[^{label}]: ...` with the footnote text, usually at the end of the document.")),
        );
    }

    fn define_footnote(&mut self, label: String, blocks: Vec<Block>, span: Span) {
        let key = footnote_key(&label);
        if self.footnote_defs.contains_key(&key) {
            self.diags.push(
                Diagnostic::warning(
                    "footnote/duplicate",
                    span,
                    format!("The footnote `[^{label}]` is defined twice; only the first is used."),
                )
                .with_hint("Delete one of the definitions or give it another label."),
            );
            return;
        }
        self.footnote_defs.insert(key.clone(), blocks);
        self.footnote_def_order.push((key, label, span));
    }
}

const LINK_KINDS: &str = "Links can point to web pages (https://…), email addresses (mailto:…), headings (#id) and sources (source:ID#PASSAGE).";

#[cfg(test)]
mod tests {

    use candor_model::Severity;
    use proptest::prelude::*;

    use super::*;
    use crate::test_support::{located, one};

    const FM: &str = "---\ntitle: T\nlang: en\nsources:\n  - id: report\n  - id: card\n---\n";

    fn parse(md: &str) -> Warned<Document> {
        parse_companion(&format!("{FM}{md}"))
    }

    /// (code, line, column) of every diagnostic of a whole text.
    fn found_in(text: &str) -> Vec<(String, usize, usize)> {
        located(text, parse_companion(text).diagnostics)
    }

    /// Like `found_in`, for Markdown after the standard front matter (7 lines).
    fn found(md: &str) -> Vec<(String, usize, usize)> {
        found_in(&format!("{FM}{md}"))
            .into_iter()
            .map(|(code, line, column)| (code, line - 7, column))
            .collect()
    }

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.to_owned(), span: Span::default() }
    }

    /// Inlines with their text spans cleared and neighbouring text joined, to compare content.
    fn unspanned(inlines: &[Inline]) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        for inline in inlines {
            let inline = match inline {
                Inline::Text { text, .. } => {
                    if let Some(Inline::Text { text: last, .. }) = out.last_mut() {
                        last.push_str(text);
                        continue;
                    }
                    Inline::Text { text: text.clone(), span: Span::default() }
                }
                Inline::Emphasis { content } => Inline::Emphasis { content: unspanned(content) },
                Inline::Strong { content } => Inline::Strong { content: unspanned(content) },
                Inline::Strikethrough { content } => {
                    Inline::Strikethrough { content: unspanned(content) }
                }
                Inline::Link { target, title, content, span } => Inline::Link {
                    target: target.clone(),
                    title: title.clone(),
                    content: unspanned(content),
                    span: *span,
                },
                other => other.clone(),
            };
            out.push(inline);
        }
        out
    }

    fn paragraph(block: &Block) -> Vec<Inline> {
        match block {
            Block::Paragraph { content, .. } => unspanned(content),
            other => panic!("not a paragraph: {other:?}"),
        }
    }

    /// The deepest nesting of blocks and inlines, measured without recursion.
    fn depth(blocks: &[Block]) -> usize {
        enum Node<'a> {
            B(&'a Block),
            I(&'a Inline),
        }
        let mut stack: Vec<(Node<'_>, usize)> = blocks.iter().map(|b| (Node::B(b), 1)).collect();
        let mut max = 0;
        while let Some((node, d)) = stack.pop() {
            max = max.max(d);
            match node {
                Node::B(Block::BlockQuote { blocks, .. }) => {
                    stack.extend(blocks.iter().map(|b| (Node::B(b), d + 1)));
                }
                Node::B(Block::List { items, .. }) => {
                    for item in items {
                        stack.extend(item.blocks.iter().map(|b| (Node::B(b), d + 2)));
                    }
                }
                Node::B(Block::Paragraph { content, .. } | Block::Heading { content, .. }) => {
                    stack.extend(content.iter().map(|i| (Node::I(i), d + 1)));
                }
                Node::I(
                    Inline::Emphasis { content }
                    | Inline::Strong { content }
                    | Inline::Strikethrough { content }
                    | Inline::Link { content, .. },
                ) => stack.extend(content.iter().map(|i| (Node::I(i), d + 1))),
                _ => {}
            }
        }
        max
    }

    const EXAMPLE: &str = r#"---
title: "Example-1: what you should know"
lang: en
audience: general public
reading_level: 9
version: "1.2"
date: 2026-03-01
provider: Example AI Ltd.
model: Example-1
sources:
  - id: report
    title: Example-1 Model Report
    file: example-1-model-report.pdf
---

# What Example-1 is

Example-1 is a program that writes text ([model report, 7.1](source:report#sec-7-1)).

```risk
id: cyber
category: cyber-offence
title: Helping attackers break into computer systems
what_could_happen: Attackers could get help.
likelihood:
  estimate: 0.2
  range: [0.1, 0.3]
  per: attempt by a skilled attacker
  basis: Red-team evaluation, February 2026
severity: high
who_is_affected: Companies and public bodies.
mitigations:
  - kind: input-output-filtering
    what_we_did: We check requests.
    effect: { before: 0.2, after: 0.04, measure: share of attempts that succeeded }
what_you_can_do: Keep your systems updated.
sources: [report#sec-7-3]
```

```candor-risk-overview
```
"#;

    #[test]
    fn the_documented_example_reads_cleanly() {
        let doc = parse_companion(EXAMPLE);
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
        let d = doc.value;
        assert_eq!(d.meta.title, "Example-1: what you should know");
        assert_eq!(d.blocks.len(), 4);
        assert!(
            matches!(&d.blocks[0], Block::Heading { level: 1, id: Some(id), .. } if id == "what-example-1-is")
        );
        let Inline::Link { target: LinkTarget::Source { link }, content, .. } =
            &paragraph(&d.blocks[1])[1]
        else {
            panic!("{:?}", d.blocks[1]);
        };
        assert_eq!(link.to_string(), "report#sec-7-1");
        assert_eq!(unspanned(content), [text("model report, 7.1")]);
        let Block::Risk { risk, span } = &d.blocks[2] else { panic!() };
        assert_eq!(risk.id, "cyber");
        assert!(EXAMPLE[span.start..].starts_with("```risk"));
        assert!(EXAMPLE[risk.span.start..].starts_with("id: cyber"));
        assert_eq!(
            d.blocks[3],
            Block::Generated {
                name: "risk-overview".into(),
                source: None,
                span: d.blocks[3].span()
            }
        );
    }

    #[test]
    fn block_spans_are_offsets_into_the_whole_text() {
        let text = format!("{FM}Para one.\n\n> quoted\n");
        let doc = parse_companion(&text).value;
        let spans: Vec<&str> =
            doc.blocks.iter().map(|b| &text[b.span().start..b.span().end]).collect();
        assert_eq!(spans, ["Para one.\n", "> quoted\n"]);
    }

    #[test]
    fn headings_get_unique_ids() {
        let doc = parse("# Hello, World!\n\n## Hello World\n\n## Hello world\n\n### Custom {#mine}\n\n#### ?!\n").value;
        let ids: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| match b {
                Block::Heading { id, level, .. } => (id.clone().unwrap(), *level),
                _ => panic!(),
            })
            .collect();
        assert_eq!(
            ids,
            [
                ("hello-world".into(), 1),
                ("hello-world-1".into(), 2),
                ("hello-world-2".into(), 2),
                ("mine".into(), 3),
                ("section".into(), 4)
            ]
        );
        assert_eq!(found("# A {#x}\n\n# B {#x}\n"), one("heading/duplicate-id", 3, 1));
    }

    #[test]
    fn lists_and_task_items() {
        let doc = parse("- [x] done\n- [ ] open\n- plain\n\n3. three\n\n   more\n4. four\n").value;
        let Block::List { start: None, items, .. } = &doc.blocks[0] else { panic!() };
        let checked: Vec<_> = items.iter().map(|i| i.checked).collect();
        assert_eq!(checked, [Some(true), Some(false), None]);
        assert_eq!(paragraph(&items[0].blocks[0]), [text("done")]);
        let Block::List { start: Some(3), items, .. } = &doc.blocks[1] else { panic!() };
        assert_eq!(items[0].blocks.len(), 2);
        let doc = parse("1. [x] loose\n\n2. two\n").value;
        let Block::List { items, .. } = &doc.blocks[0] else { panic!() };
        assert_eq!(items[0].checked, Some(true));
    }

    #[test]
    fn tables() {
        let doc = parse("| a | *b* | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n").value;
        let Block::Table { table, .. } = &doc.blocks[0] else { panic!() };
        assert_eq!(table.alignments, [Alignment::Left, Alignment::Center, Alignment::Right]);
        assert_eq!(
            unspanned(&table.header[1].content),
            [Inline::Emphasis { content: vec![text("b")] }]
        );
        assert_eq!(table.rows.len(), 2);
        assert_eq!(unspanned(&table.rows[1][2].content), [text("6")]);
    }

    #[test]
    fn inline_formatting() {
        let doc = parse("*em* **strong** ~~gone~~ `code`  \nnext\nline\n").value;
        assert_eq!(
            paragraph(&doc.blocks[0]),
            [
                Inline::Emphasis { content: vec![text("em")] },
                text(" "),
                Inline::Strong { content: vec![text("strong")] },
                text(" "),
                Inline::Strikethrough { content: vec![text("gone")] },
                text(" "),
                Inline::Code { text: "code".into() },
                Inline::HardBreak,
                text("next"),
                Inline::SoftBreak,
                text("line"),
            ]
        );
    }

    #[test]
    fn footnotes_in_order_of_first_reference() {
        let w = parse("B[^b] and A[^a] and B again[^B].\n\n[^a]: Note A.\n[^b]: Note B.\n");
        assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
        let doc = w.value;
        let refs: Vec<usize> = paragraph(&doc.blocks[0])
            .iter()
            .filter_map(|i| match i {
                Inline::FootnoteRef { index, .. } => Some(*index),
                _ => None,
            })
            .collect();
        assert_eq!(refs, [0, 1, 0]);
        let labels: Vec<_> = doc.footnotes.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["b", "a"]);
        assert_eq!(paragraph(&doc.footnotes[0].blocks[0]), [text("Note B.")]);
        assert_eq!(doc.blocks.len(), 1);
    }

    #[test]
    fn footnote_problems() {
        assert_eq!(found("Text [^nope] here.\n"), one("footnote/undefined", 1, 6));
        let doc = parse("Text [^nope] here.\n").value;
        assert_eq!(paragraph(&doc.blocks[0]), [text("Text [^nope] here.")]);
        assert_eq!(found("Text.\n\n[^lonely]: Never used.\n"), one("footnote/unused", 3, 1));
        assert_eq!(found("X[^a].\n\n[^a]: One.\n\n[^a]: Two.\n"), one("footnote/duplicate", 5, 1));
        assert_eq!(found("Escaped \\[^x] and [^a b] are not footnotes.\n"), vec![]);
    }

    fn link_target_of(md: &str) -> Option<LinkTarget> {
        let doc = parse(md).value;
        paragraph(&doc.blocks[0]).iter().find_map(|i| match i {
            Inline::Link { target, .. } => Some(target.clone()),
            _ => None,
        })
    }

    #[test]
    fn links() {
        let url = |u: &str| Some(LinkTarget::Url { url: u.into() });
        assert_eq!(link_target_of("[a](https://example.com/x)"), url("https://example.com/x"));
        assert_eq!(link_target_of("[a](HTTP://example.com)"), url("HTTP://example.com"));
        assert_eq!(link_target_of("[a](mailto:a@b.org)"), url("mailto:a@b.org"));
        assert_eq!(link_target_of("[a](#section)"), url("#section"));
        assert_eq!(link_target_of("<https://example.com>"), url("https://example.com"));
        assert_eq!(link_target_of("<me@example.org>"), url("mailto:me@example.org"));
        assert_eq!(
            link_target_of("[c](source:card)"),
            Some(LinkTarget::Source { link: SourceLink { source: "card".into(), passage: None } })
        );
        let doc = parse("[a](https://x.org \"Title\")").value;
        assert!(
            matches!(&paragraph(&doc.blocks[0])[0], Inline::Link { title: Some(t), .. } if t == "Title")
        );
    }

    #[test]
    fn refused_links_keep_their_text() {
        for md in [
            "[click *me*](javascript:alert(1))",
            "[click *me*](file:///etc/passwd)",
            "[click *me*](other.md)",
        ] {
            let doc = parse(md).value;
            assert_eq!(
                paragraph(&doc.blocks[0]),
                [text("click "), Inline::Emphasis { content: vec![text("me")] }],
                "{md}"
            );
        }
        assert_eq!(found("See [x](javascript:alert(1))."), one("link/unsafe-url", 1, 5));
        assert_eq!(found("[x](JaVaScRiPt:alert(1))"), one("link/unsafe-url", 1, 1));
        assert_eq!(found("[x](vbscript:msgbox)"), one("link/unsafe-url", 1, 1));
        assert_eq!(found("[x](data:text/html;base64,PHNjcmlwdD4=)"), one("link/unsafe-url", 1, 1));
        assert_eq!(found("<javascript:alert(1)>"), one("link/unsafe-url", 1, 1));
        assert_eq!(found("[x](file:///etc/passwd)"), one("link/unsupported-url", 1, 1));
        assert_eq!(found("[x](notes/other.md)"), one("link/unsupported-url", 1, 1));
        assert_eq!(found("[x]()"), one("link/unsupported-url", 1, 1));
        let d = &parse("[x](javascript:alert(1))").diagnostics[0];
        assert_eq!(d.severity, Severity::Error);
        let d = &parse("[x](ftp://example.com)").diagnostics[0];
        assert_eq!(d.severity, Severity::Warning);
    }

    #[test]
    fn source_links_are_checked() {
        assert_eq!(found("\n[x](source:nope#s1)"), one("link/unknown-source", 2, 1));
        let d = &parse("[x](source:reprt#s1)").diagnostics[0];
        assert_eq!(d.hints, ["Declared sources: report, card.", "Did you mean `report`?"]);
        assert_eq!(found("[x](source:#s1)"), one("link/invalid-source", 1, 1));
        assert_eq!(found("[x](<source:a b>)"), one("link/invalid-source", 1, 1));
        let no_sources = "---\ntitle: T\nlang: en\n---\n[x](source:a)";
        let w = parse_companion(no_sources);
        assert_eq!(w.diagnostics[0].code, "link/unknown-source");
        assert!(w.diagnostics[0].hints[0].starts_with("No sources are declared"));
    }

    #[test]
    fn images() {
        let doc = parse("![A *chart*](img/chart.png \"T\")").value;
        let Inline::Image { image } = &paragraph(&doc.blocks[0])[0] else { panic!() };
        assert_eq!((image.src.as_str(), image.alt.as_str()), ("img/chart.png", "A chart"));
        assert_eq!(image.title.as_deref(), Some("T"));
        assert!(
            found("x ![](a.png)").is_empty(),
            "reported by candor-analysis as plain/missing-alt-text"
        );
        assert_eq!(found("![Chart](https://example.com/c.png)"), one("image/remote", 1, 1));
        assert_eq!(
            parse("![Chart](https://example.com/c.png)").diagnostics[0].severity,
            Severity::Error
        );
        assert_eq!(paragraph(&parse("![Chart](http://x/c.png)").value.blocks[0]), [text("Chart")]);
        assert_eq!(
            found("![Chart](data:image/png;base64,AAAA)"),
            one("image/unsupported-src", 1, 1)
        );
        assert_eq!(found("![Chart](C:\\pics\\c.png)"), vec![]);
        // An image inside a link: both survive.
        let doc = parse("[![Logo](logo.png)](https://x.org)").value;
        assert!(
            matches!(&paragraph(&doc.blocks[0])[0], Inline::Link { content, .. } if matches!(content[0], Inline::Image { .. }))
        );
    }

    #[test]
    fn code_and_generated_blocks() {
        let doc = parse(
            "```rust ignore\nfn main() {}\n```\n\n    indented\n\n```candor-risk-overview\n```\n",
        )
        .value;
        assert_eq!(
            doc.blocks[0],
            Block::CodeBlock {
                lang: Some("rust".into()),
                text: "fn main() {}\n".into(),
                span: doc.blocks[0].span()
            }
        );
        assert!(
            matches!(&doc.blocks[1], Block::CodeBlock { lang: None, text, .. } if text == "indented\n")
        );
        assert!(matches!(&doc.blocks[2], Block::Generated { name, .. } if name == "risk-overview"));
        assert_eq!(found("```candor-timeline\n```\n"), one("generated/unknown", 1, 1));
        assert!(parse("```candor-timeline\n```\n").value.blocks.is_empty());
        assert!(
            matches!(&parse("```candor-glossary\n```\n").value.blocks[0], Block::Generated { name, .. } if name == "glossary")
        );
    }

    #[test]
    fn guidance_blocks_are_kept_and_reported() {
        let md = "# Risks\n\n```guidance\nName each risk.\n```\n\n> ```Guidance extra words\n> In a quote.\n> ```\n\n```text guidance\nNot guidance.\n```\n";
        let w = parse(md);
        assert_eq!(
            located(&format!("{FM}{md}"), w.diagnostics.clone()),
            vec![("guidance/remaining".into(), 10, 1), ("guidance/remaining".into(), 14, 3)]
        );
        assert_eq!(
            w.diagnostics[0].message,
            "Guidance for the author is still in the document (line 10); remove it before publishing."
        );
        assert!(w.diagnostics.iter().all(|d| d.severity == Severity::Warning));
        assert!(
            matches!(&w.value.blocks[1], Block::Guidance { text, .. } if text == "Name each risk.\n")
        );
        assert!(
            matches!(&w.value.blocks[2], Block::BlockQuote { blocks, .. } if matches!(&blocks[0], Block::Guidance { text, .. } if text == "In a quote.\n"))
        );
        assert!(
            matches!(&w.value.blocks[3], Block::CodeBlock { lang: Some(l), .. } if l == "text")
        );
        // Line numbers count from the top of the file, front matter included; CRLF too.
        let w =
            parse_companion("---\r\ntitle: T\r\nlang: en\r\n---\r\n```guidance\r\nx\r\n```\r\n");
        assert!(w.diagnostics[0].message.contains("(line 5)"), "{}", w.diagnostics[0].message);
        let w = parse_companion("```guidance\n```\n");
        assert!(w.diagnostics.iter().any(|d| d.message.contains("(line 1)")));
    }

    #[test]
    fn risk_block_positions_are_in_the_document() {
        let md = "Intro.\n\n```risk\nid: x\ncategory: cbrn\ntitle: T\nseverity: dire\n```\n";
        assert_eq!(found(md), one("risk/unknown-severity", 7, 11));
        // Inside a quote the fence content is not contiguous; positions still land right.
        let md = "> ```risk\n> id: x\n> category: cbrn\n> title: T\n> severity: dire\n> ```\n";
        assert_eq!(found(md), one("risk/unknown-severity", 5, 13));
        let doc = parse(md).value;
        assert!(
            matches!(&doc.blocks[0], Block::BlockQuote { blocks, .. } if matches!(blocks[0], Block::Risk { .. }))
        );
        // Errors that prevent an entry drop the block.
        let md = "```risk\nid: x\ncategory: cbrn\ntitle: [a, b]\n```\n";
        assert_eq!(found(md), one("risk/wrong-type", 4, 8));
        assert!(parse(md).value.blocks.is_empty());
        let md = "```risk\nid: x\ncategory: cbrn\ntitle: T\nsources: [nope#1]\n```\n\n```risk\nid: x\ncategory: cbrn\ntitle: U\n```\n";
        assert_eq!(
            found(md),
            vec![("risk/unknown-source".into(), 5, 11), ("risk/duplicate-id".into(), 9, 5)]
        );
        assert_eq!(found("```risk\nid: [\n```\n"), one("risk/yaml-syntax", 3, 1));
    }

    #[test]
    fn html_blocks_are_sanitised() {
        let w = parse(
            "<div onclick=\"x()\">\n<h2>Sub</h2>\n<script>alert(1)</script>\n</div>\n\nAfter.\n",
        );
        let Block::Html { html, span } = &w.value.blocks[0] else { panic!("{:?}", w.value.blocks) };
        assert_eq!(html.sanitized, "<div>\n<p><strong>Sub</strong></p>\n\n</div>\n");
        assert_eq!(html.text, "Sub");
        assert_eq!(span.start, FM.len());
        assert_eq!(w.diagnostics.len(), 1);
        assert_eq!(w.diagnostics[0].code, "html/removed");
        assert!(
            w.diagnostics[0].message.contains("`<div>`")
                && w.diagnostics[0].message.contains("`<script>`")
        );
        assert_eq!(found("text\n\n<img src=x onerror=alert(1)>\n"), one("html/removed", 3, 1));
        assert_eq!(
            found("<iframe src=\"https://evil.example\"></iframe>\n"),
            one("html/removed", 1, 1)
        );
        assert!(parse("<iframe src=\"https://evil.example\"></iframe>\n").value.blocks.is_empty());
        let w = parse("<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n");
        assert!(w.diagnostics.is_empty());
        // Each HTML block is cleaned on its own, so the element closes before the Markdown
        // inside it: the text stays visible, and the stray `</details>` block vanishes.
        let Block::Html { html, .. } = &w.value.blocks[0] else { panic!() };
        assert_eq!(html.sanitized, "<details>\n<summary>More</summary>\n</details>");
        assert_eq!(w.value.blocks.len(), 2);
        assert!(parse("<!-- a comment -->\n").value.blocks.is_empty());
        let table = "<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>\n";
        let Block::Html { html, .. } = &parse(table).value.blocks[0] else { panic!() };
        assert_eq!(html.sanitized.matches("<table>").count(), 2);
    }

    #[test]
    fn inline_html() {
        let w = parse("One<br>two<br/>three <b>bold</b> <!-- note --> <span style=\"x\">s</span>");
        assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
        assert_eq!(
            paragraph(&w.value.blocks[0]),
            [text("One"), Inline::HardBreak, text("two"), Inline::HardBreak, text("three bold  s")]
        );
        let w = parse("Hi <script>alert(1)</script> there <style>p{}</style>.");
        assert_eq!(paragraph(&w.value.blocks[0]), [text("Hi  there .")]);
        let codes: Vec<_> = w.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["html/inline-dropped", "html/inline-dropped"]);
        assert_eq!(found("a <img src=x onerror=alert(1)> b"), one("html/inline-dropped", 1, 3));
        assert_eq!(found("a <iframe src=x></iframe> b"), one("html/inline-dropped", 1, 3));
        assert_eq!(found("a <a href=\"javascript:x\">b</a>"), one("html/inline-dropped", 1, 3));
        // An unclosed script ends with its paragraph.
        let doc = parse("a <script> b\n\nvisible\n").value;
        assert_eq!(paragraph(&doc.blocks[1]), [text("visible")]);
    }

    #[test]
    fn crlf_and_bom() {
        let text = "\u{feff}---\r\ntitle: T\r\nlang: en\r\n---\r\n# Head\r\n\r\n[x](javascript:y)\r\n\r\n```risk\r\nid: x\r\ncategory: cbrn\r\ntitle: T\r\nseverity: dire\r\n```\r\n";
        assert_eq!(
            found_in(text),
            vec![("link/unsafe-url".into(), 7, 1), ("risk/unknown-severity".into(), 13, 11)]
        );
        let doc = parse_companion(text).value;
        assert_eq!(doc.meta.title, "T");
        assert!(matches!(&doc.blocks[0], Block::Heading { id: Some(id), .. } if id == "head"));
        assert_eq!(&text[doc.blocks[0].span().start..doc.blocks[0].span().start + 6], "# Head");
    }

    #[test]
    fn documents_without_front_matter() {
        let w = parse_companion("Intro.\n\n# The title\n\n# Another\n");
        assert_eq!(w.value.meta.title, "The title");
        assert_eq!(w.value.meta.lang.as_str(), "en");
        let codes: Vec<_> = w.diagnostics.iter().map(|d| (d.code.as_str(), d.severity)).collect();
        assert_eq!(codes, [("front-matter/missing", Severity::Warning)]);
        assert_eq!(
            found_in("## Not a title\n"),
            vec![
                ("front-matter/missing".into(), 1, 1),
                ("front-matter/missing-title".into(), 1, 1)
            ]
        );
        assert_eq!(
            found_in("\u{feff}Text"),
            vec![
                ("front-matter/missing".into(), 1, 1),
                ("front-matter/missing-title".into(), 1, 1)
            ]
        );
        // Front matter without a title: the error stays, previews still get a title.
        let w = parse_companion("---\nlang: en\n---\n# Fallback\n");
        assert_eq!(w.value.meta.title, "Fallback");
        assert_eq!(w.diagnostics[0].code, "front-matter/missing-title");
        // Unterminated front matter: one error; the text is read as Markdown.
        let w = parse_companion("---\ntitle: T\n\n# Heading\n");
        let codes: Vec<_> = w.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["front-matter/unterminated"]);
        assert_eq!(w.value.meta.title, "Heading");
    }

    fn assert_bounded(input: &str) -> Warned<Document> {
        // Speed is measured by benchmarks, not asserted here; a hang still fails the run.
        let w = parse_companion(input);
        let d = depth(&w.value.blocks);
        assert!(d <= 2 * MAX_DEPTH + 4, "depth {d}");
        w
    }

    #[test]
    fn deep_nesting_is_flattened_with_one_warning() {
        let w = assert_bounded(&format!("{FM}{} deep", ">".repeat(10_000)));
        let codes: Vec<_> = w.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["markdown/too-deep"]);
        assert_eq!(plain_text_of(&w.value.blocks), "deep");
        let w = assert_bounded(&format!("{FM}{}x{}", "*".repeat(10_000), "*".repeat(10_000)));
        assert_eq!(w.diagnostics.len(), 1);
        assert_bounded(&"*".repeat(10_000));
        assert_bounded(&format!("{}x{}(y)", "[".repeat(10_000), "]".repeat(10_000)));
        assert_bounded(&"[".repeat(10_000));
        let w = assert_bounded(&format!("{FM}{}x", "- ".repeat(10_000)));
        assert_eq!(w.diagnostics.len(), 1);
        let nested: String =
            (0..2_000).map(|i| format!("{}- item {i}\n", "  ".repeat(i))).collect();
        let w = assert_bounded(&format!("{FM}{nested}"));
        // Every item's text survives the flattening.
        let all = plain_text_of(&w.value.blocks);
        assert!(all.contains("item 0") && all.contains("item 1999"), "{}", &all[..100]);
        assert_bounded(&format!("{FM}{}x", "> - ".repeat(5_000)));
        assert_bounded(&format!("{FM}{}x{}", "<div>".repeat(5_000), "</div>".repeat(5_000)));
        assert_bounded(&format!("---\n{}\n---\n", "- ".repeat(10_000)));
        assert_bounded(&format!("---\n{}\n---\n", "[".repeat(10_000)));
        assert_bounded(&format!("```risk\n{}\n```\n", "{a: ".repeat(10_000)));
        assert_bounded(&format!("{FM}{}", "[^a]".repeat(10_000)));
        // Exactly at the limit nothing is flattened.
        let w = parse(&format!("{} x", ">".repeat(MAX_DEPTH)));
        assert!(w.diagnostics.is_empty());
        assert_eq!(depth(&w.value.blocks), MAX_DEPTH + 2);
    }

    fn plain_text_of(blocks: &[Block]) -> String {
        let mut out = Vec::new();
        let mut stack: Vec<&Block> = blocks.iter().rev().collect();
        while let Some(b) = stack.pop() {
            match b {
                Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                    out.push(plain_text(content));
                }
                Block::BlockQuote { blocks, .. } => stack.extend(blocks.iter().rev()),
                Block::List { items, .. } => {
                    for item in items.iter().rev() {
                        stack.extend(item.blocks.iter().rev());
                    }
                }
                _ => {}
            }
        }
        out.join(" ")
    }

    #[test]
    fn diagnostics_are_sorted_and_plain() {
        let w = parse("[x](javascript:y)\n\n![](a.png)\n\n[^u]: unused\n");
        let starts: Vec<_> = w.diagnostics.iter().map(|d| d.span.start).collect();
        let mut sorted = starts.clone();
        sorted.sort_unstable();
        assert_eq!(starts, sorted);
        for d in &w.diagnostics {
            assert!(d.message.ends_with('.'), "{}", d.message);
            assert!(!d.hints.is_empty(), "{}", d.code);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn never_panics_on_any_text(s in "\\PC*") {
            let w = parse_companion(&s);
            for d in &w.diagnostics {
                prop_assert!(d.span.start <= d.span.end && d.span.end <= s.len(), "{d:?}");
            }
        }

        #[test]
        fn never_panics_on_front_matter(s in "(\u{feff})?---\r?\n[a-z_:\\[\\]{}&*!|>'\"#%@ ,.\\-\n\r\t0-9]{0,200}(---\n)?[\\PC\n]{0,100}") {
            let w = parse_companion(&s);
            for d in &w.diagnostics {
                prop_assert!(d.span.end <= s.len(), "{d:?}");
            }
        }

        #[test]
        fn never_panics_on_markdown_soup(s in "[-*_>#`~\\[\\]()!<>/|:^ \n\tazAZ0-9\u{e9}\u{1f600}]{0,400}") {
            let w = parse_companion(&s);
            prop_assert!(depth(&w.value.blocks) <= 2 * MAX_DEPTH + 4);
            for d in &w.diagnostics {
                prop_assert!(d.span.end <= s.len() && s.is_char_boundary(d.span.start), "{d:?}");
            }
        }

        #[test]
        fn never_panics_on_risk_blocks(s in "[a-z_:\\[\\]{}&*!|>'\"#%@ ,.\\-\n0-9]{0,300}") {
            let text = format!("{FM}> ```risk\n> {}\n> ```\n", s.replace('\n', "\n> "));
            let w = parse_companion(&text);
            for d in &w.diagnostics {
                prop_assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start), "{d:?}");
            }
        }
    }
}
