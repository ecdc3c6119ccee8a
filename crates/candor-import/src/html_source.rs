//! HTML sources: the main content of a page as sections, passages and tables.
//!
//! The page is parsed by html5ever (as browsers do) into a small arena DOM, then walked
//! with an explicit stack, so nothing recurses; elements nested deeper than 256 levels are
//! flattened before parsing (html5ever's work grows with the square of the depth). Only
//! the main content is read: `<main>`, `[role=main]` or a single `<article>` when there is
//! one, else `<body>` without navigation, banners, footers, sidebars, scripts, styles,
//! forms and pictures. Headings h1–h6 open sections; `p`, `li`, `blockquote`, `pre`,
//! `figcaption`, footnote lists and loose text in `div`s become passages of their kind;
//! tables keep their header row (`th`, `thead`, or an all-bold first row) with `rowspan`
//! and `colspan` expanded. The same walk reads the raw HTML inside Markdown sources
//! ([`fragment_blocks`]).
//!
//! Diagnostics: `source/empty`, `source/too-deep`, `source/table-too-large`.

mod dom;

use candor_model::{
    Diagnostic, PassageKind, SourceBuilder, SourceContent, SourceMetadata, Span, Warned,
    collapse_whitespace,
};

use crate::facts;

use dom::{Data, Dom, NodeId, ROOT};

/// Table cells (after expanding `colspan` and `rowspan`) kept per table before spans are
/// ignored: a few bytes of `colspan=1000` must not become gigabytes.
const MAX_TABLE_CELLS: usize = 200_000;
const MAX_COLSPAN: usize = 100;
const MAX_ROWSPAN: usize = 1_000;

/// Heading, metadata and other short texts are cut to this many characters.
const MAX_SHORT_TEXT: usize = 500;

/// Imports an HTML page. Never fails on odd markup: browsers' error recovery applies.
pub(crate) fn import(text: &str) -> Warned<SourceContent> {
    let (dom, flattened) = Dom::parse(text);
    let mut diagnostics = Vec::new();
    if flattened {
        diagnostics.push(too_deep(Span::new(0, text.len())));
    }
    let mut builder = SourceBuilder::new();
    page_metadata(&dom, builder.metadata());
    let root = main_content(&dom);
    let mut first_h1 = None;
    for block in blocks(&dom, root, &mut diagnostics) {
        if let Block::Heading { level: 1, text } = &block
            && first_h1.is_none()
        {
            first_h1 = Some(text.clone());
        }
        add_block(&mut builder, block, None);
    }
    if builder.metadata().title.is_none() {
        builder.metadata().title = first_h1;
    }
    let mut content = builder.finish();
    let SourceContent { metadata, sections, passages, .. } = &mut content;
    facts::fill_metadata(metadata, sections, passages);
    if content.passages.is_empty() {
        diagnostics.push(
            Diagnostic::warning(
                "source/empty",
                Span::new(0, 0),
                "Candor found no readable text in this HTML page.",
            )
            .with_hint("If the page builds its text with JavaScript, save it from the browser after it has loaded (\"Save page as… complete\") and import that copy."),
        );
    }
    Warned { value: content, diagnostics }
}

/// What the walk finds, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Heading { level: u8, text: String },
    Text { kind: PassageKind, text: String },
    Table { caption: Option<String>, header: Vec<String>, rows: Vec<Vec<String>> },
}

/// Adds a block to a source. `kind` replaces the kind of plain paragraphs (the Markdown
/// reader passes the kind of the list item or quote the HTML sits in).
pub(crate) fn add_block(builder: &mut SourceBuilder, block: Block, kind: Option<PassageKind>) {
    match block {
        Block::Heading { level, text } => {
            builder.section(level, None, &text, None);
        }
        Block::Text { kind: own, text } => {
            let kind = match (own, kind) {
                (PassageKind::Paragraph, Some(outer)) => outer,
                (own, _) => own,
            };
            builder.passage(kind, &text, None);
        }
        Block::Table { caption, header, rows } => {
            builder.table(caption, header, rows, None);
        }
    }
}

/// The blocks of an HTML fragment (raw HTML inside Markdown); `span` is where it is.
pub(crate) fn fragment_blocks(
    html: &str,
    span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Block> {
    let (dom, flattened) = Dom::parse(html);
    if flattened {
        diagnostics.push(too_deep(span));
    }
    let root = dom.find(ROOT, "body").unwrap_or(ROOT);
    blocks(&dom, root, diagnostics)
}

fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::warning(
        "source/too-deep",
        span,
        format!("The HTML nests elements more than {} levels deep; Candor kept the text but flattened the deeper levels.", dom::MAX_DEPTH),
    )
    .with_hint("Check the structure of this part against the original.")
}

/// Elements whose content is never text of the document.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "form",
    "button", "input", "select", "option", "textarea", "iframe", "frame", "frameset", "object",
    "embed", "canvas", "audio", "video", "picture", "img", "map", "area", "source", "track",
    "link", "meta", "base", "dialog", "footer", "menu", "label", "datalist", "output", "progress",
    "meter", "title",
];

/// Roles of page furniture.
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "toolbar",
    "dialog",
    "alertdialog",
    "tablist",
    "tooltip",
];

/// Class or id words of page furniture (whole words of the attribute, or their start
/// before a hyphen: `nav`, `nav-top`).
const SKIPPED_CLASSES: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "toc",
    "table-of-contents",
    "sidebar",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "skip-link",
    "cookie-banner",
    "site-header",
    "site-footer",
];

/// Inline elements: their text runs on within the surrounding passage.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins",
    "font", "big", "tt", "strike", "nobr", "acronym", "ruby", "rt", "rp", "br",
];

/// Labels of `<summary>` that only say "click here".
const TOGGLE_LABELS: &[&str] = &[
    "click to expand",
    "click to see",
    "click to view",
    "click here",
    "expand",
    "show more",
    "show",
    "more",
    "details",
    "see more",
    "read more",
];

fn is_inline(tag: &str) -> bool {
    INLINE.contains(&tag)
}

fn heading_level(tag: &str) -> Option<u8> {
    match tag {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Whether an element and its content are page furniture rather than content.
fn skipped(dom: &Dom, id: NodeId) -> bool {
    let Some(tag) = dom.tag(id) else { return false };
    if tag == "header" || dom.attr(id, "role") == Some("banner") {
        // A page banner is furniture, but a header holding the document's title is not.
        return dom.find(id, "h1").is_none();
    }
    if SKIPPED.contains(&tag) {
        return true;
    }
    if dom.attr(id, "hidden").is_some()
        || dom.attr(id, "aria-hidden") == Some("true")
        || dom.attr(id, "role").is_some_and(|r| SKIPPED_ROLES.contains(&r.trim()))
    {
        return true;
    }
    let furniture = |value: &str| {
        value.split_whitespace().any(|word| {
            let word = word.to_ascii_lowercase();
            SKIPPED_CLASSES
                .iter()
                .any(|c| word == *c || word.strip_prefix(c).is_some_and(|r| r.starts_with('-')))
        })
    };
    dom.attr(id, "class").is_some_and(furniture) || dom.attr(id, "id").is_some_and(furniture)
}

/// Where the main content is: `<main>`, `[role=main]`, a single `<article>`, else `<body>`.
fn main_content(dom: &Dom) -> NodeId {
    let body = dom.find(ROOT, "body").unwrap_or(ROOT);
    let mut main = None;
    let mut role_main = None;
    let mut articles = Vec::new();
    for id in dom.descendants(body) {
        match dom.tag(id) {
            Some("main") if main.is_none() && !skipped(dom, id) => main = Some(id),
            Some("article") => articles.push(id),
            _ => {}
        }
        if role_main.is_none() && dom.attr(id, "role") == Some("main") {
            role_main = Some(id);
        }
    }
    let single_article = match articles.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let candidate = main.or(role_main).or(single_article);
    // A `<main>` holding a small part of the text is a wrapper of something else.
    match candidate {
        Some(c) if text_len(dom, c) * 4 >= text_len(dom, body) => c,
        _ => body,
    }
}

fn text_len(dom: &Dom, id: NodeId) -> usize {
    let mut len = 0;
    let mut walk = dom.descendants(id);
    while let Some(n) = walk.next() {
        if skipped(dom, n) {
            walk.skip_children();
            continue;
        }
        if let Some(dom::Node { data: Data::Text(t), .. }) = dom.node(n) {
            len += t.trim().len();
        }
    }
    len
}

/// Title, provider, date and more from `<title>` and `<meta>` tags.
fn page_metadata(dom: &Dom, meta: &mut SourceMetadata) {
    let head = dom.find(ROOT, "head").unwrap_or(ROOT);
    if let Some(title) = dom.find(head, "title") {
        meta.title = Some(short(&inline_text(dom, title, false))).filter(|t| !t.is_empty());
    }
    let html = dom.find(ROOT, "html");
    if let Some(lang) = html.and_then(|h| dom.attr(h, "lang")) {
        meta.extra.push(("language".to_owned(), short(lang)));
    }
    for id in dom.descendants(head) {
        if dom.tag(id) != Some("meta") {
            continue;
        }
        let key = dom
            .attr(id, "name")
            .or_else(|| dom.attr(id, "property"))
            .or_else(|| dom.attr(id, "itemprop"))
            .map(str::to_ascii_lowercase);
        let (Some(key), Some(value)) = (key, dom.attr(id, "content")) else { continue };
        let value = short(value);
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "og:title" | "dc.title" | "citation_title" if meta.title.is_none() => {
                meta.title = Some(value);
            }
            "author" | "dc.creator" | "citation_author" | "publisher" | "dc.publisher"
            | "og:site_name" | "article:author"
                if meta.provider.is_none() =>
            {
                meta.provider = Some(value);
            }
            "date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.date"
            | "dcterms.issued"
            | "citation_publication_date"
            | "citation_date"
            | "article:published_time"
            | "datepublished"
                if meta.date.is_none() =>
            {
                meta.date = Some(value);
            }
            "version" if meta.version.is_none() => meta.version = Some(value),
            "description" | "og:description" | "keywords" | "generator"
                if !meta.extra.iter().any(|(k, _)| *k == key) =>
            {
                meta.extra.push((key, value));
            }
            _ => {}
        }
    }
    if meta.date.is_none() {
        meta.date = visible_date(dom);
    }
}

/// A date shown near the top of the page: `<time>` or an element of class `date`.
fn visible_date(dom: &Dom) -> Option<String> {
    let body = dom.find(ROOT, "body")?;
    let mut walk = dom.descendants(body);
    while let Some(id) = walk.next() {
        if skipped(dom, id) {
            walk.skip_children();
            continue;
        }
        let dated_class = dom.attr(id, "class").is_some_and(|c| {
            c.split_whitespace()
                .any(|w| matches!(w, "date" | "published" | "pub-date" | "post-date"))
        });
        if dom.tag(id) == Some("time") || dated_class {
            let text = if dom.tag(id) == Some("time") {
                dom.attr(id, "datetime")
                    .map(short)
                    .unwrap_or_else(|| short(&inline_text(dom, id, false)))
            } else {
                short(&inline_text(dom, id, false))
            };
            if let Some(date) = facts::first_date(&text) {
                return Some(date);
            }
        }
        if heading_level(dom.tag(id).unwrap_or("")) == Some(2) {
            // Past the opening of the page.
            return None;
        }
    }
    None
}

fn short(text: &str) -> String {
    let text = collapse_whitespace(text);
    match text.char_indices().nth(MAX_SHORT_TEXT) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// The text of an element as one line: `<br>` and block boundaries become spaces, and
/// "10<sup>25</sup>" becomes "10^25". With `own_only`, text inside nested block elements
/// (the badge boxes some sites put in headings) is left out when there is other text.
fn inline_text(dom: &Dom, id: NodeId, own_only: bool) -> String {
    let mut out = String::new();
    let mut nested = String::new();
    let mut depth = 0usize;
    let mut stack: Vec<Step> = Vec::new();
    push_children(dom, id, &mut stack);
    while let Some(step) = stack.pop() {
        let target = if depth > 0 { &mut nested } else { &mut out };
        let n = match step {
            Step::Space => {
                target.push(' ');
                continue;
            }
            Step::Leave { .. } => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Step::Enter(n) => n,
        };
        match dom.node(n).map(|node| &node.data) {
            Some(Data::Text(t)) => target.push_str(t),
            Some(Data::Element { .. }) => {
                if skipped(dom, n) {
                    continue;
                }
                let tag = dom.tag(n).unwrap_or_default();
                match tag {
                    "br" => target.push(' '),
                    "sup" if target.trim_end().ends_with("10") => target.push('^'),
                    _ if !is_inline(tag) => {
                        target.push(' ');
                        stack.push(Step::Space);
                        if own_only {
                            depth += 1;
                            stack.push(Step::Leave { kind: false });
                        }
                    }
                    _ => {}
                }
                push_children(dom, n, &mut stack);
            }
            _ => {}
        }
    }
    if out.trim().is_empty() {
        out.push(' ');
        out.push_str(&nested);
    }
    collapse_whitespace(&out)
}

/// Inline elements drawn as separate boxes: side by side they read as separate words
/// (`<span class="tag">a</span><span class="tag">b</span>`).
const BOXES: &[&str] = &["span", "a", "code", "time", "data", "abbr", "kbd", "mark", "cite"];

/// Pushes the children of `id` for a walk in document order, with a space between two
/// neighbouring boxes.
fn push_children(dom: &Dom, id: NodeId, stack: &mut Vec<Step>) {
    let children = dom.children(id);
    for (i, &c) in children.iter().enumerate().rev() {
        stack.push(Step::Enter(c));
        let boxed = |n: NodeId| dom.tag(n).is_some_and(|t| BOXES.contains(&t));
        if i > 0 && boxed(c) && boxed(children[i - 1]) {
            stack.push(Step::Space);
        }
    }
}

/// A step of a walk: entering a node, a word break, or leaving a block element.
enum Step {
    Enter(NodeId),
    Space,
    /// Leaving a block; `kind` says whether it set the passage kind.
    Leave {
        kind: bool,
    },
}

/// Walks the content below `root` into blocks; see the module documentation.
fn blocks(dom: &Dom, root: NodeId, diagnostics: &mut Vec<Diagnostic>) -> Vec<Block> {
    let mut w = Walk {
        out: Vec::new(),
        buf: String::new(),
        kinds: Vec::new(),
        footnotes: 0,
        term: None,
        prefix: None,
    };
    let mut stack: Vec<Step> = Vec::new();
    push_children(dom, root, &mut stack);
    while let Some(step) = stack.pop() {
        let id = match step {
            Step::Space => {
                w.buf.push(' ');
                continue;
            }
            Step::Leave { kind } => {
                w.flush();
                if kind
                    && let Some(k) = w.kinds.pop()
                    && k == PassageKind::Footnote
                {
                    w.footnotes -= 1;
                }
                continue;
            }
            Step::Enter(id) => id,
        };
        let Some(node) = dom.node(id) else { continue };
        let tag = match &node.data {
            Data::Text(t) => {
                w.buf.push_str(t);
                continue;
            }
            Data::Element { .. } => dom.tag(id).unwrap_or_default(),
            _ => continue,
        };
        if skipped(dom, id) {
            continue;
        }
        if let Some(level) = heading_level(tag) {
            w.flush();
            w.flush_term();
            let text = inline_text(dom, id, true);
            if !text.is_empty() {
                w.out.push(Block::Heading { level, text: short(&text) });
            }
            continue;
        }
        match tag {
            "table" => {
                w.flush();
                w.flush_term();
                let (caption, header, rows) = table(dom, id, diagnostics);
                if !header.is_empty() || !rows.is_empty() {
                    w.out.push(Block::Table { caption, header, rows });
                }
                continue;
            }
            "pre" => {
                w.flush();
                let text = inline_text(dom, id, false);
                w.push(PassageKind::Code, text);
                continue;
            }
            "summary" => {
                w.flush();
                let text = inline_text(dom, id, false);
                let label = text.trim().trim_end_matches(['.', ':', '…']).to_lowercase();
                if !TOGGLE_LABELS.contains(&label.as_str()) {
                    w.push(PassageKind::Paragraph, text);
                }
                continue;
            }
            "dt" => {
                w.flush();
                w.flush_term();
                w.term = Some(inline_text(dom, id, false)).filter(|t| !t.is_empty());
                continue;
            }
            "br" => {
                w.buf.push(' ');
                continue;
            }
            "sup" if w.buf.trim_end().ends_with("10") => w.buf.push('^'),
            _ => {}
        }
        if is_inline(tag) {
            push_children(dom, id, &mut stack);
            continue;
        }
        // A block element.
        w.flush();
        if tag == "dd" {
            w.prefix = w.term.take();
        } else {
            w.flush_term();
        }
        if let Some(text) = key_value_row(dom, id) {
            w.push(PassageKind::Paragraph, text);
            continue;
        }
        let kind = block_kind(dom, id, tag);
        if let Some(k) = kind {
            if k == PassageKind::Footnote {
                w.footnotes += 1;
            }
            w.kinds.push(k);
        }
        stack.push(Step::Leave { kind: kind.is_some() });
        push_children(dom, id, &mut stack);
    }
    w.flush();
    w.flush_term();
    w.out
}

/// The passage kind a block element gives the text inside it.
fn block_kind(dom: &Dom, id: NodeId, tag: &str) -> Option<PassageKind> {
    let role = dom.attr(id, "role").unwrap_or_default();
    let class = dom.attr(id, "class").unwrap_or_default().to_ascii_lowercase();
    if matches!(role, "doc-endnotes" | "doc-footnote" | "doc-endnote")
        || class.split_whitespace().any(|c| matches!(c, "footnotes" | "footnote" | "endnotes"))
    {
        return Some(PassageKind::Footnote);
    }
    match tag {
        "li" => Some(PassageKind::ListItem),
        "blockquote" => Some(PassageKind::Quote),
        "figcaption" | "caption" => Some(PassageKind::Caption),
        _ => None,
    }
}

/// A row of two short `<div>` boxes, label and value
/// (`<div><div>scope</div><div>open</div></div>`), read as one passage "scope: open".
fn key_value_row(dom: &Dom, id: NodeId) -> Option<String> {
    if dom.tag(id) != Some("div") {
        return None;
    }
    let mut parts = Vec::new();
    for &child in dom.children(id) {
        match dom.node(child).map(|n| &n.data) {
            Some(Data::Text(t)) if t.trim().is_empty() => {}
            Some(Data::Element { .. }) if parts.len() < 2 => parts.push(child),
            _ => return None,
        }
    }
    for &part in &parts {
        if dom.tag(part) != Some("div") || skipped(dom, part) {
            return None;
        }
        // Only small leaf boxes: no block inside.
        let mut inside = dom.descendants(part);
        for _ in 0..200 {
            match inside.next() {
                Some(d) if dom.tag(d).is_some_and(|t| !is_inline(t)) => return None,
                Some(_) => {}
                None => break,
            }
        }
        if inside.next().is_some() {
            return None;
        }
    }
    let [key, value] = parts.as_slice() else { return None };
    let key = inline_text(dom, *key, false);
    let value = inline_text(dom, *value, false);
    let short_key = !key.is_empty() && key.chars().count() <= 60 && !key.ends_with(['.', '!', '?']);
    (short_key && !value.is_empty()).then(|| {
        if key.ends_with(':') { format!("{key} {value}") } else { format!("{key}: {value}") }
    })
}

/// The walk's state: finished blocks and the passage being collected.
struct Walk {
    out: Vec<Block>,
    buf: String,
    /// Passage kinds set by open block elements, innermost last.
    kinds: Vec<PassageKind>,
    /// Open footnote containers (their kind wins over list items inside them).
    footnotes: usize,
    /// A `<dt>` waiting for its `<dd>`.
    term: Option<String>,
    /// Text put before the next passage (the term of a `<dd>`).
    prefix: Option<String>,
}

impl Walk {
    fn kind(&self) -> PassageKind {
        if self.footnotes > 0 {
            PassageKind::Footnote
        } else {
            self.kinds.last().copied().unwrap_or(PassageKind::Paragraph)
        }
    }

    fn flush(&mut self) {
        if self.buf.trim().is_empty() {
            self.buf.clear();
            return;
        }
        let text = std::mem::take(&mut self.buf);
        let kind = self.kind();
        self.push(kind, text);
    }

    fn flush_term(&mut self) {
        if let Some(term) = self.term.take() {
            let kind = self.kind();
            self.push(kind, term);
        }
    }

    fn push(&mut self, kind: PassageKind, text: String) {
        let text = collapse_whitespace(&text);
        let text = match self.prefix.take() {
            Some(p) if !text.is_empty() => format!("{p}: {text}"),
            Some(p) => p,
            None => text,
        };
        if !text.is_empty() {
            self.out.push(Block::Text { kind, text });
        }
    }
}

/// A table cell as read.
struct Cell {
    text: String,
    header: bool,
    bold: bool,
    colspan: usize,
    rowspan: usize,
}

/// Caption, header row and body rows of a table, with spans expanded.
fn table(
    dom: &Dom,
    id: NodeId,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<String>, Vec<String>, Vec<Vec<String>>) {
    let mut caption = None;
    let mut raw_rows: Vec<(bool, Vec<Cell>)> = Vec::new();
    let mut walk = dom.descendants(id);
    while let Some(n) = walk.next() {
        match dom.tag(n) {
            Some("table") => walk.skip_children(),
            Some("caption") if caption.is_none() => {
                caption = Some(inline_text(dom, n, false)).filter(|c| !c.is_empty());
                walk.skip_children();
            }
            Some("tr") => {
                let in_head =
                    dom.node(n).and_then(|x| x.parent).and_then(|p| dom.tag(p)) == Some("thead");
                let cells = dom
                    .children(n)
                    .iter()
                    .filter(|&&c| matches!(dom.tag(c), Some("td" | "th")))
                    .map(|&c| cell(dom, c))
                    .collect();
                raw_rows.push((in_head, cells));
                walk.skip_children();
            }
            _ if skipped(dom, n) => walk.skip_children(),
            _ => {}
        }
    }
    let header_rows = raw_rows.iter().take_while(|(head, _)| *head).count();
    let first_is_header = header_rows > 0
        || raw_rows.first().is_some_and(|(_, cells)| {
            let filled: Vec<&Cell> = cells.iter().filter(|c| !c.text.is_empty()).collect();
            !filled.is_empty()
                && raw_rows.len() > 1
                && (cells.iter().all(|c| c.header)
                    || (filled.len() >= 2 && filled.iter().all(|c| c.bold || c.header)))
        });
    let mut grid = expand(raw_rows.into_iter().map(|(_, cells)| cells).collect(), diagnostics);
    let header = if first_is_header && !grid.is_empty() { grid.remove(0) } else { Vec::new() };
    (caption, header, grid)
}

/// Text and attributes of a `<td>` or `<th>`.
fn cell(dom: &Dom, id: NodeId) -> Cell {
    let span = |name: &str, max: usize| {
        dom.attr(id, name)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .map_or(1, |v| v.clamp(1, max))
    };
    let text = inline_text(dom, id, false);
    // Bold when every piece of text sits inside <b> or <strong> (a header row in disguise).
    let mut bold = true;
    for n in dom.descendants(id) {
        if let Some(dom::Node { data: Data::Text(t), parent, .. }) = dom.node(n)
            && !t.trim().is_empty()
        {
            let mut cur = *parent;
            let mut strong = false;
            for _ in 0..16 {
                match cur {
                    Some(c) if c == id => break,
                    Some(c) => {
                        if matches!(dom.tag(c), Some("b" | "strong")) {
                            strong = true;
                            break;
                        }
                        cur = dom.node(c).and_then(|x| x.parent);
                    }
                    None => break,
                }
            }
            bold &= strong;
        }
    }
    Cell {
        text,
        header: dom.tag(id) == Some("th"),
        bold,
        colspan: span("colspan", MAX_COLSPAN),
        rowspan: span("rowspan", MAX_ROWSPAN),
    }
}

/// Rows of cells with `colspan` and `rowspan` expanded into a grid (the text repeated in
/// every row and column it spans, so each row reads on its own).
fn expand(rows: Vec<Vec<Cell>>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::with_capacity(rows.len());
    // Per column: rows still covered by a cell above, and its text.
    let mut carry: Vec<(usize, String)> = Vec::new();
    let mut budget = MAX_TABLE_CELLS;
    let mut spans_dropped = false;
    for cells in rows {
        let mut row: Vec<String> = Vec::new();
        let mut col = 0;
        for c in cells {
            take_carried(&mut carry, &mut row, &mut col);
            let spans = budget > c.colspan * c.rowspan;
            let (colspan, rowspan) = if spans { (c.colspan, c.rowspan) } else { (1, 1) };
            spans_dropped |= !spans && (c.colspan > 1 || c.rowspan > 1);
            for _ in 0..colspan {
                if carry.len() <= col {
                    carry.resize(col + 1, (0, String::new()));
                }
                if rowspan > 1 {
                    carry[col] = (rowspan - 1, c.text.clone());
                }
                row.push(c.text.clone());
                col += 1;
            }
            budget = budget.saturating_sub(colspan * rowspan);
        }
        take_carried(&mut carry, &mut row, &mut col);
        // Columns carried beyond the written cells.
        while col < carry.len() {
            if let Some((left, text)) = carry.get_mut(col).filter(|(left, _)| *left > 0) {
                *left -= 1;
                row.push(text.clone());
            } else {
                row.push(String::new());
            }
            col += 1;
        }
        while row.last().is_some_and(String::is_empty) {
            row.pop();
        }
        budget = budget.saturating_sub(1);
        out.push(row);
    }
    if spans_dropped {
        diagnostics.push(
            Diagnostic::warning(
                "source/table-too-large",
                Span::new(0, 0),
                format!("A table spans more than {MAX_TABLE_CELLS} cells; Candor kept its text but not its merged cells."),
            )
            .with_hint("Check this table against the original; rows may be shorter than they look there."),
        );
    }
    out
}

/// Cells covered by a `rowspan` from above, from column `col` on.
fn take_carried(carry: &mut [(usize, String)], row: &mut Vec<String>, col: &mut usize) {
    while let Some((left, text)) = carry.get_mut(*col).filter(|(left, _)| *left > 0) {
        *left -= 1;
        row.push(text.clone());
        *col += 1;
    }
}

#[cfg(test)]
mod tests;
