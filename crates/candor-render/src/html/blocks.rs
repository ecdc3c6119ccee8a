//! Blocks and inlines of the Markdown body.

use base64::Engine;
use candor_model::{Alignment, Block, Image, Inline, LinkTarget, ListItem, Table, TableCell};

use super::escape::{escape, escape_into};
use super::{TocEntry, Writer};
use crate::risk_text::fill;

/// Headings of these levels (after shifting) are listed in the contents.
const TOC_MAX_LEVEL: u8 = 3;

impl<'a> Writer<'a> {
    pub(super) fn blocks(&mut self, blocks: &'a [Block], out: &mut String) {
        for block in blocks {
            self.block(block, out);
        }
    }

    fn block(&mut self, block: &'a Block, out: &mut String) {
        match block {
            Block::Heading { level, id, content, .. } => {
                self.heading(*level, id.as_deref(), content, out);
            }
            Block::Paragraph { content, .. } => {
                if let Some(image) = figure_image(content) {
                    self.figure(image, out);
                } else {
                    out.push_str("<p>");
                    self.inlines(content, out);
                    out.push_str("</p>\n");
                }
            }
            Block::List { start, items, .. } => self.list(*start, items, out),
            Block::BlockQuote { blocks, .. } => {
                out.push_str("<blockquote>\n");
                self.blocks(blocks, out);
                out.push_str("</blockquote>\n");
            }
            Block::CodeBlock { lang, text, .. } => {
                out.push_str("<pre><code");
                if let Some(lang) = lang.as_deref().and_then(|l| l.split_whitespace().next()) {
                    out.push_str(" class=\"language-");
                    escape_into(out, lang);
                    out.push('"');
                }
                out.push('>');
                escape_into(out, text.strip_suffix('\n').unwrap_or(text));
                out.push_str("</code></pre>\n");
            }
            Block::Table { table, .. } => self.table(table, out),
            Block::ThematicBreak { .. } => out.push_str("<hr>\n"),
            Block::Html { html, .. } => {
                // Trusted: only the importer's allowlist sanitiser builds `RawHtml`.
                out.push_str(&html.sanitized);
                if !html.sanitized.ends_with('\n') {
                    out.push('\n');
                }
            }
            Block::Risk { risk, .. } => self.risk_card(risk, out),
            Block::Generated { name, .. } => {
                let name = name.trim();
                match name.strip_prefix("candor-").unwrap_or(name) {
                    "risk-overview" => self.risk_overview(out),
                    "risk-coverage" => self.risk_coverage(out),
                    _ => {}
                }
                // `bom` blocks are expanded into ordinary blocks by candor-core, which has
                // the project's sources; an unexpanded one shows nothing, as in other
                // Markdown tools.
            }
            // Advice for the author is never published.
            Block::Guidance { .. } => {}
        }
    }

    fn heading(&mut self, level: u8, id: Option<&str>, content: &'a [Inline], out: &mut String) {
        let text = plain_text(content);
        if text.trim().is_empty() {
            return; // an empty heading would only confuse navigation
        }
        let shifted = level.saturating_sub(self.heading_base).saturating_add(2);
        let level = shifted.clamp(2, (self.last_level + 1).min(6));
        self.last_level = level;
        self.section_level = level;
        let id = self.ids.claim(id.unwrap_or(&slug(&text)));
        out.push_str(&format!("<h{level} id=\""));
        escape_into(out, &id);
        out.push_str("\">");
        self.inlines(content, out);
        out.push_str(&format!("</h{level}>\n"));
        if level <= TOC_MAX_LEVEL {
            self.toc.push(TocEntry { level, id, text: text.trim().to_owned() });
        }
    }

    fn list(&mut self, start: Option<u64>, items: &'a [ListItem], out: &mut String) {
        let tasks = items.iter().any(|i| i.checked.is_some());
        let tag = if start.is_some() { "ol" } else { "ul" };
        out.push('<');
        out.push_str(tag);
        if let Some(start) = start.filter(|s| *s != 1) {
            out.push_str(&format!(" start=\"{start}\""));
        }
        if tasks {
            out.push_str(" class=\"task-list\"");
        }
        out.push_str(">\n");
        for item in items {
            out.push_str("<li>");
            // A disabled checkbox is announced as an unusable control; a mark with words is
            // clearer to everyone.
            let mark = item.checked.map(|done| {
                let (glyph, words) = if done {
                    ("☑", self.page.task_done)
                } else {
                    ("☐", self.page.task_not_done)
                };
                format!(
                    "<span class=\"task-mark\" aria-hidden=\"true\">{glyph}</span><span class=\"visually-hidden\"{}>{}</span>",
                    self.ui_lang,
                    escape(words)
                )
            });
            match item.blocks.as_slice() {
                // A tight item: its text without a paragraph around it.
                [Block::Paragraph { content, .. }] if figure_image(content).is_none() => {
                    out.push_str(mark.as_deref().unwrap_or_default());
                    self.inlines(content, out);
                }
                [Block::Paragraph { content, .. }, rest @ ..]
                    if mark.is_some() && figure_image(content).is_none() =>
                {
                    out.push_str("<p>");
                    out.push_str(mark.as_deref().unwrap_or_default());
                    self.inlines(content, out);
                    out.push_str("</p>\n");
                    self.blocks(rest, out);
                }
                blocks => {
                    out.push_str(mark.as_deref().unwrap_or_default());
                    out.push('\n');
                    self.blocks(blocks, out);
                }
            }
            out.push_str("</li>\n");
        }
        out.push_str("</");
        out.push_str(tag);
        out.push_str(">\n");
    }

    fn table(&mut self, table: &'a Table, out: &mut String) {
        self.tables += 1;
        let label = fill(self.page.table, &[("n", &self.tables.to_string())]);
        // Focusable so that keyboard users can scroll a wide table; labelled for the region.
        out.push_str(&format!(
            "<div class=\"table-wrap\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">\n<table>\n",
            escape(&label)
        ));
        let columns = table.header.len().max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
        // Header cells without data cells fail checks; a header-only table is just a row.
        let header_cell = if table.rows.is_empty() { "td" } else { "th" };
        if !table.header.is_empty() {
            out.push_str(if table.rows.is_empty() { "<tbody>\n<tr>" } else { "<thead>\n<tr>" });
            self.row(&table.header, header_cell, columns, &table.alignments, out);
            out.push_str(if table.rows.is_empty() {
                "</tr>\n</tbody>\n"
            } else {
                "</tr>\n</thead>\n"
            });
        }
        if !table.rows.is_empty() {
            out.push_str("<tbody>\n");
            for row in &table.rows {
                out.push_str("<tr>");
                self.row(row, "td", columns, &table.alignments, out);
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n");
        }
        out.push_str("</table>\n</div>\n");
    }

    /// One row, padded with empty cells to `columns` so the grid stays rectangular.
    fn row(
        &mut self,
        cells: &'a [TableCell],
        tag: &str,
        columns: usize,
        alignments: &[Alignment],
        out: &mut String,
    ) {
        for i in 0..columns {
            out.push('<');
            out.push_str(tag);
            if tag == "th" {
                out.push_str(" scope=\"col\"");
            }
            match alignments.get(i) {
                Some(Alignment::Left) => out.push_str(" class=\"align-left\""),
                Some(Alignment::Center) => out.push_str(" class=\"align-center\""),
                Some(Alignment::Right) => out.push_str(" class=\"align-right\""),
                Some(Alignment::None) | None => {}
            }
            out.push('>');
            if let Some(cell) = cells.get(i) {
                self.inlines(&cell.content, out);
            }
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
    }

    pub(super) fn inlines(&mut self, inlines: &'a [Inline], out: &mut String) {
        for inline in inlines {
            self.inline(inline, out);
        }
    }

    fn inline(&mut self, inline: &'a Inline, out: &mut String) {
        match inline {
            Inline::Text { text, .. } => escape_into(out, text),
            Inline::Code { text } => {
                out.push_str("<code>");
                escape_into(out, text);
                out.push_str("</code>");
            }
            Inline::Emphasis { content } => self.wrap("em", content, out),
            Inline::Strong { content } => self.wrap("strong", content, out),
            Inline::Strikethrough { content } => self.wrap("del", content, out),
            Inline::Link { target: LinkTarget::Url { url }, content, .. } if !safe_url(url) => {
                // The reader only lets these addresses through; anything else stays text.
                self.inlines(content, out);
            }
            Inline::Link { target: LinkTarget::Url { url }, title, content, .. } => {
                out.push_str("<a href=\"");
                escape_into(out, url);
                out.push('"');
                if let Some(title) = title.as_deref().filter(|t| !t.trim().is_empty()) {
                    out.push_str(" title=\"");
                    escape_into(out, title);
                    out.push('"');
                }
                out.push('>');
                if has_text(content) {
                    self.inlines(content, out);
                } else {
                    escape_into(out, url); // a link always has a name
                }
                out.push_str("</a>");
            }
            Inline::Link { target: LinkTarget::Source { link }, content, .. } => {
                let (n, id) = self.cite(link);
                out.push_str("<a class=\"cite\" href=\"#");
                escape_into(out, &id);
                out.push_str("\">");
                if has_text(content) {
                    self.inlines(content, out);
                } else {
                    out.push_str(&format!(
                        "<span class=\"visually-hidden\"{}>{}</span>",
                        self.ui_lang,
                        escape(self.page.source)
                    ));
                }
                out.push_str(&format!("<span class=\"cite-mark\">[{n}]</span></a>"));
            }
            Inline::Image { image } => self.image(image, true, out),
            Inline::FootnoteRef { index, .. } => {
                let Some(target) = self.footnote_ids.get(*index).cloned() else {
                    return; // the reader reports dangling references
                };
                let n = index + 1;
                let id = self.ids.claim(&format!("fnref-{n}"));
                if let Some(refs) = self.footnote_refs.get_mut(*index) {
                    refs.push(id.clone());
                }
                out.push_str(&format!(
                    "<sup class=\"fnref\"><a id=\"{}\" href=\"#{}\"><span class=\"visually-hidden\"{}>{} </span>{n}</a></sup>",
                    escape(&id),
                    escape(&target),
                    self.ui_lang,
                    escape(self.page.note)
                ));
            }
            Inline::SoftBreak => out.push('\n'),
            Inline::HardBreak => out.push_str("<br>\n"),
        }
    }

    fn wrap(&mut self, tag: &str, content: &'a [Inline], out: &mut String) {
        out.push('<');
        out.push_str(tag);
        out.push('>');
        self.inlines(content, out);
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
    }

    /// An `<img>` with a `data:` URI, or the alt text where the picture is not available.
    /// `with_title` keeps the Markdown title as a tooltip (a figure shows it as caption).
    fn image(&self, image: &Image, with_title: bool, out: &mut String) {
        let Some(prepared) = self.images.get(&image.src) else {
            if !image.alt.trim().is_empty() {
                out.push_str(&format!("<span class=\"image-missing\"{}>", self.ui_lang));
                escape_into(out, &fill(self.page.image_missing, &[("alt", image.alt.trim())]));
                out.push_str("</span>");
            }
            return;
        };
        out.push_str("<img src=\"data:");
        out.push_str(prepared.format.mime());
        out.push_str(";base64,");
        out.push_str(&base64::engine::general_purpose::STANDARD.encode(&prepared.data));
        out.push_str("\" alt=\"");
        escape_into(out, &image.alt);
        out.push('"');
        if let Some(title) = image.title.as_deref().filter(|t| with_title && !t.trim().is_empty()) {
            out.push_str(" title=\"");
            escape_into(out, title);
            out.push('"');
        }
        if prepared.width > 0 && prepared.height > 0 {
            out.push_str(&format!(" width=\"{}\" height=\"{}\"", prepared.width, prepared.height));
        }
        out.push('>');
    }

    /// A paragraph holding only a titled picture: the title becomes its caption.
    fn figure(&self, image: &Image, out: &mut String) {
        out.push_str("<figure>\n");
        self.image(image, false, out);
        out.push_str("\n<figcaption>");
        escape_into(out, image.title.as_deref().unwrap_or_default().trim());
        out.push_str("</figcaption>\n</figure>\n");
    }
}

/// Whether a link address is one the model allows: web, mail or in-document. Checked from
/// the first character, so no leading blank or control character can hide another scheme.
fn safe_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    ["https://", "http://", "mailto:", "#"].iter().any(|prefix| lower.starts_with(prefix))
}

/// The image of a paragraph that holds nothing but one titled image.
fn figure_image(content: &[Inline]) -> Option<&Image> {
    let mut found = None;
    for inline in content {
        match inline {
            Inline::Image { image } if found.is_none() => found = Some(image),
            Inline::Text { text, .. } if text.trim().is_empty() => {}
            Inline::SoftBreak | Inline::HardBreak => {}
            _ => return None,
        }
    }
    found.filter(|i| i.title.as_deref().is_some_and(|t| !t.trim().is_empty()))
}

/// Whether inlines give a link a name (text, or an image's alternative text).
fn has_text(content: &[Inline]) -> bool {
    !plain_text(content).trim().is_empty()
}

pub(super) use candor_model::plain_text;

/// An id from heading text, for headings the reader gave none.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() { "section".to_owned() } else { trimmed.to_owned() }
}
