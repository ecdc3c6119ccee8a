//! Markdown sources: model cards, READMEs and specs written in Markdown.
//!
//! The front matter is read as Hugging Face card metadata ([`card`]); the body is folded
//! from pulldown-cmark's events into sections (headings), passages (paragraphs, list
//! items, quotes, code, footnotes) and tables (GFM pipe tables and `<table>` in raw HTML,
//! read by the HTML walker). The fold keeps an explicit stack of open containers and never
//! recurses, so nesting depth costs memory, not stack. Jinja placeholders and "[More
//! Information Needed]" stay as written: they are what the card says.
//!
//! Diagnostics (all warnings: the body is always read): `source/front-matter-template`,
//! `source/front-matter-unterminated`, `source/front-matter-wrong-type`,
//! `source/yaml-syntax`, `source/yaml-alias`, `source/yaml-tag`, `source/duplicate-key`,
//! `source/too-deep`, `source/table-too-large`, `source/empty`.

mod card;

use std::borrow::Cow;
use std::collections::HashSet;

use candor_model::{
    Diagnostic, PassageKind, SourceBuilder, SourceContent, Span, Warned, collapse_whitespace,
};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::facts;
use crate::html_source::{self, Block};

/// Imports a Markdown source. Never fails: odd content gives diagnostics.
pub(crate) fn import(text: &str) -> Warned<SourceContent> {
    let mut diagnostics = Vec::new();
    let mut builder = SourceBuilder::new();
    let body_start = card::read(text, &mut builder, &mut diagnostics);
    let body = admonitions(text.get(body_start..).unwrap_or_default());
    let mut fold = Fold::new(builder, body_start, diagnostics);
    fold.run(&body);
    let Fold { builder, mut diagnostics, h1s, .. } = fold;
    let mut content = builder.finish();
    let meta = &mut content.metadata;
    if meta.title.is_none() {
        // The first top heading after any banner, unless it names a section.
        meta.title = h1s.iter().find(|h| !is_banner(h)).filter(|h| !is_section_name(h)).cloned();
    }
    if meta.model.is_none() {
        meta.model = meta.title.as_deref().and_then(model_from_title);
    }
    let SourceContent { metadata, sections, passages, .. } = &mut content;
    facts::fill_metadata(metadata, sections, passages);
    if content.passages.is_empty() && content.sections.is_empty() {
        diagnostics.push(
            Diagnostic::warning(
                "source/empty",
                Span::new(body_start, text.len()),
                "Candor found no text in this Markdown file.",
            )
            .with_hint("Check that this is the file you meant to import."),
        );
    }
    Warned { value: content, diagnostics }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A top heading that is a banner rather than the title ("DEPRECATED. This is now live at
/// https://…").
fn is_banner(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    ["deprecated", "note", "warning", "update", "important", "notice", "archived"]
        .iter()
        .any(|w| lower.starts_with(w))
        || lower.contains("http://")
        || lower.contains("https://")
}

/// A top heading that names a section of a document without a title ("Model Details").
fn is_section_name(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    [
        "overview",
        "introduction",
        "summary",
        "abstract",
        "contents",
        "table of contents",
        "model details",
        "model information",
        "model description",
    ]
    .contains(&lower.trim_end_matches([':', '.']).trim())
}

/// "GPT-J 6B" from "GPT-J 6B"; "Gemma" from "Gemma Model Card"; nothing from a sentence.
fn model_from_title(title: &str) -> Option<String> {
    if title.contains("{{") {
        return None;
    }
    let mut t = title.trim().to_owned();
    let lower = t.to_lowercase();
    for prefix in ["model card for ", "model card of ", "model card: ", "model card - "] {
        if lower.starts_with(prefix) {
            t = t[prefix.len()..].to_owned();
            break;
        }
    }
    let lower = t.to_lowercase();
    for suffix in [" model card", " modelcard", " readme", " card"] {
        if lower.ends_with(suffix) {
            t.truncate(t.len() - suffix.len());
            break;
        }
    }
    let stripped = t.len() < title.trim().len();
    let t = t.trim().trim_end_matches([':', '-', '—']).trim();
    let short = !t.is_empty() && t.chars().count() <= 60 && t.split_whitespace().count() <= 6;
    let model_word = t.to_lowercase().split_whitespace().any(|w| w == "model");
    // A name: the title said "model card", or it has a version or size ("GPT-J 6B").
    let named = stripped || t.chars().any(|c| c.is_ascii_digit());
    (short && named && !model_word).then(|| t.to_owned())
}

/// `!!! note "Title"` admonitions (Python-Markdown, MkDocs) with their indented body
/// become a plain paragraph "Title: body…", which CommonMark would otherwise read as a
/// paragraph followed by a code block. Fenced code is left alone.
fn admonitions(body: &str) -> Cow<'_, str> {
    if !body.lines().any(|l| l.starts_with("!!!") || l.starts_with("???")) {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<(char, usize)> = None;
    let mut in_admonition = false;
    // Right after the title line: blank lines are skipped so the body joins the title.
    let mut after_title = false;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let indent = content.len() - trimmed.len();
        if let Some((ch, len)) = fence {
            let closes = indent < 4
                && trimmed.chars().take_while(|&c| c == ch).count() >= len
                && trimmed.trim_start_matches(ch).trim().is_empty();
            if closes {
                fence = None;
            }
            out.push_str(if in_admonition { dedent(line) } else { line });
            continue;
        }
        if in_admonition {
            if after_title && content.trim().is_empty() {
                continue;
            }
            if content.trim().is_empty() || content.starts_with("    ") || content.starts_with('\t')
            {
                after_title = false;
                let inner = dedent(line);
                out.push_str(inner);
                fence = fence_open(inner.trim_end_matches(['\n', '\r']));
                continue;
            }
            if after_title {
                out.push('\n');
            }
            in_admonition = false;
            after_title = false;
        }
        if let Some(title) = admonition_title(content) {
            in_admonition = true;
            after_title = true;
            out.push_str(&title);
            out.push('\n');
            continue;
        }
        fence = fence_open(content);
        out.push_str(line);
    }
    Cow::Owned(out)
}

/// `!!! meta "Commentary"` -> "Commentary:"; `!!! warning` -> "Warning:".
fn admonition_title(line: &str) -> Option<String> {
    let rest = line.strip_prefix("!!!").or_else(|| line.strip_prefix("???"))?;
    let rest = rest.trim_start_matches('+').trim();
    let title = match (rest.find('"'), rest.rfind('"')) {
        (Some(a), Some(b)) if b > a => rest[a + 1..b].trim().to_owned(),
        _ => {
            let kind = rest.split_whitespace().next().unwrap_or("Note");
            let mut chars = kind.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
        }
    };
    Some(if title.is_empty() { String::new() } else { format!("{title}:") })
}

fn dedent(line: &str) -> &str {
    line.strip_prefix("    ")
        .or_else(|| line.strip_prefix('\t'))
        .unwrap_or(line.trim_start_matches(' '))
}

/// The fence character and length if `line` opens a fenced code block.
fn fence_open(line: &str) -> Option<(char, usize)> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() >= 4 {
        return None;
    }
    let ch = trimmed.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = trimmed.chars().take_while(|&c| c == ch).count();
    (len >= 3).then_some((ch, len))
}

/// A container that sets the kind of the passages inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Item,
    Quote,
    Footnote,
}

/// A GFM table being read.
#[derive(Default)]
struct TableState {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Option<String>,
}

/// The fold of pulldown-cmark events into the builder.
struct Fold {
    builder: SourceBuilder,
    diagnostics: Vec<Diagnostic>,
    /// Byte offset of the body in the file (for diagnostic spans).
    base: usize,
    /// Text of the passage being read.
    buf: String,
    containers: Vec<Container>,
    /// Open footnote definitions (their kind wins over list items inside them).
    footnotes: usize,
    heading: Option<(u8, String)>,
    table: Option<TableState>,
    code: Option<String>,
    /// Raw HTML blocks in a row, read together when the next Markdown block starts (a
    /// `<table>` with blank lines inside is several HTML blocks).
    html: String,
    html_span: Option<Span>,
    in_html_block: bool,
    /// Inside an image: its description is not text of the document.
    images: usize,
    /// Put before the next passage ("[1]" for a footnote).
    prefix: Option<String>,
    /// Inline `<script>` or `<style>` whose content is skipped until its end tag.
    skip_until: Option<String>,
    defined_footnotes: HashSet<String>,
    h1s: Vec<String>,
}

impl Fold {
    fn new(builder: SourceBuilder, base: usize, diagnostics: Vec<Diagnostic>) -> Self {
        Self {
            builder,
            diagnostics,
            base,
            buf: String::new(),
            containers: Vec::new(),
            footnotes: 0,
            heading: None,
            table: None,
            code: None,
            html: String::new(),
            html_span: None,
            in_html_block: false,
            images: 0,
            prefix: None,
            skip_until: None,
            defined_footnotes: HashSet::new(),
            h1s: Vec::new(),
        }
    }

    fn run(&mut self, body: &str) {
        for event in Parser::new_ext(body, options()) {
            if let Event::Start(Tag::FootnoteDefinition(label)) = event {
                self.defined_footnotes.insert(label.to_lowercase());
            }
        }
        for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
            // pulldown-cmark gives the indentation of an HTML block's first line as text.
            let html_event = self.in_html_block
                || matches!(event, Event::Start(Tag::HtmlBlock) | Event::Html(_));
            if !html_event {
                self.flush_html();
            }
            let span = Span::new(self.base + range.start, self.base + range.end);
            self.event(event, span);
        }
        self.flush_html();
        self.flush();
        if let Some(table) = self.table.take() {
            self.builder.table(None, table.header, table.rows, None);
        }
    }

    fn event(&mut self, event: Event<'_>, span: Span) {
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_html_block => self.html.push_str(&text),
            Event::Text(text) => self.text(&text),
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.text(&text);
            }
            Event::Html(html) => {
                if self.in_html_block {
                    self.html.push_str(&html);
                } else {
                    self.inline_html(&html);
                }
            }
            Event::InlineHtml(html) => self.inline_html(&html),
            Event::FootnoteReference(label) => {
                if self.defined_footnotes.contains(&label.to_lowercase()) {
                    self.text(&format!("[{label}]"));
                }
            }
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Rule => self.flush(),
            Event::TaskListMarker(checked) => self.text(if checked { "[x] " } else { "[ ] " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>, span: Span) {
        match tag {
            Tag::Paragraph | Tag::List(_) => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some((level as u8, String::new()));
            }
            Tag::BlockQuote(_) => self.open(Container::Quote),
            Tag::Item => self.open(Container::Item),
            Tag::FootnoteDefinition(label) => {
                self.open(Container::Footnote);
                self.prefix = Some(format!("[{label}]"));
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = Some(String::new());
            }
            Tag::HtmlBlock => {
                self.flush();
                self.in_html_block = true;
                if self.html_span.is_none() {
                    self.html_span = Some(span);
                }
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(TableState::default());
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.row.clear();
                }
            }
            Tag::TableCell => {
                if let Some(t) = &mut self.table {
                    t.cell = Some(String::new());
                }
            }
            Tag::Image { .. } => self.images += 1,
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                self.flush();
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::List(_) => self.flush(),
            TagEnd::Heading(_) => {
                if let Some((level, text)) = self.heading.take() {
                    let title = heading_title(&text);
                    if !title.is_empty() {
                        if level == 1 {
                            self.h1s.push(title.clone());
                        }
                        self.builder.section(level, None, &title, None);
                    }
                }
            }
            TagEnd::BlockQuote(_) | TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.flush();
                if self.containers.pop() == Some(Container::Footnote) {
                    self.footnotes = self.footnotes.saturating_sub(1);
                    self.prefix = None;
                }
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    self.builder.passage(PassageKind::Code, &code, None);
                }
            }
            TagEnd::HtmlBlock => {
                self.in_html_block = false;
                self.html.push('\n');
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.header = std::mem::take(&mut t.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            TagEnd::TableCell => {
                if let Some(t) = &mut self.table
                    && let Some(cell) = t.cell.take()
                {
                    t.row.push(clean(&cell));
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.builder.table(None, t.header, t.rows, None);
                }
            }
            TagEnd::Image => self.images = self.images.saturating_sub(1),
            TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition => self.flush(),
            _ => {}
        }
    }

    fn open(&mut self, container: Container) {
        self.flush();
        if container == Container::Footnote {
            self.footnotes += 1;
        }
        self.containers.push(container);
    }

    /// Where text goes now: code, a table cell, a heading or the passage.
    fn target(&mut self) -> &mut String {
        if let Some(code) = &mut self.code {
            return code;
        }
        if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            return cell;
        }
        if let Some((_, heading)) = &mut self.heading {
            return heading;
        }
        &mut self.buf
    }

    fn text(&mut self, text: &str) {
        if self.images > 0 || self.skip_until.is_some() {
            return;
        }
        self.target().push_str(text);
    }

    /// Inline HTML: tags are dropped and their text kept; `<br>` and block tags separate
    /// words; "10<sup>25</sup>" reads "10^25"; comments, scripts and styles are dropped.
    fn inline_html(&mut self, html: &str) {
        let h = html.trim();
        if h.starts_with("<!") || h.starts_with("<?") {
            return;
        }
        let closing = h.starts_with("</");
        let name: String = h
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(until) = &self.skip_until {
            if closing && name == *until {
                self.skip_until = None;
            }
            return;
        }
        match name.as_str() {
            "script" | "style" | "textarea" | "title" if !closing && !h.ends_with("/>") => {
                self.skip_until = Some(name);
            }
            "br" | "p" | "div" | "li" | "tr" | "td" | "th" | "hr" | "table" | "dd" | "dt" => {
                self.text(" ");
            }
            "sup" if !closing && self.target().trim_end().ends_with("10") => self.text("^"),
            _ => {}
        }
    }

    /// The kind of a passage here: footnote, list item, quote or paragraph.
    fn kind(&self) -> PassageKind {
        if self.footnotes > 0 {
            return PassageKind::Footnote;
        }
        match self.containers.last() {
            Some(Container::Item) => PassageKind::ListItem,
            Some(Container::Quote) => PassageKind::Quote,
            Some(Container::Footnote) => PassageKind::Footnote,
            None => PassageKind::Paragraph,
        }
    }

    fn flush(&mut self) {
        if self.buf.trim().is_empty() {
            self.buf.clear();
            return;
        }
        let text = clean(&std::mem::take(&mut self.buf));
        let text = match self.prefix.take() {
            Some(p) => format!("{p} {text}"),
            None => text,
        };
        let kind = self.kind();
        self.builder.passage(kind, &text, None);
    }

    /// Reads the raw HTML blocks collected so far.
    fn flush_html(&mut self) {
        if self.html.trim().is_empty() {
            self.html.clear();
            self.html_span = None;
            return;
        }
        let html = std::mem::take(&mut self.html);
        let span = self.html_span.take().unwrap_or_default();
        let outer = (!self.containers.is_empty()).then(|| self.kind());
        for block in html_source::fragment_blocks(&html, span, &mut self.diagnostics) {
            if let Block::Heading { level: 1, text } = &block {
                self.h1s.push(text.clone());
            }
            html_source::add_block(&mut self.builder, block, outer);
        }
    }
}

/// A heading's text without a trailing `{#anchor}` that the parser left in place.
fn heading_title(text: &str) -> String {
    let t = collapse_whitespace(&clean(text));
    match t.rfind(" {#") {
        Some(at) if t.ends_with('}') => t[..at].trim().to_owned(),
        _ => t,
    }
}

/// Whitespace collapsed and footnote marks without a definition (`[^8ep1]`) removed: they
/// point at nothing the reader can see.
fn clean(text: &str) -> String {
    if !text.contains("[^") {
        return collapse_whitespace(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("[^") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let label_end = after
            .char_indices()
            .take(100)
            .find(|&(_, c)| c == ']' || c.is_whitespace() || c == '[')
            .filter(|&(i, c)| c == ']' && i > 0);
        match label_end {
            Some((i, _)) => rest = &after[i + 1..],
            None => {
                out.push_str("[^");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    collapse_whitespace(&out)
}

#[cfg(test)]
mod tests;
