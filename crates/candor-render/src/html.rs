//! Candor's own HTML writer: one self-contained, accessible HTML5 file per document.
//!
//! Contract:
//! - every piece of the author's text goes through one escaping function (`escape`), and
//!   every attribute value is quoted;
//! - `Block::Html` is written verbatim: `RawHtml` is only built by the importer's allowlist
//!   sanitiser, so its `sanitized` markup is trusted here and nowhere re-checked;
//! - nothing is loaded from elsewhere: the stylesheet is inline, images are `data:` URIs, there
//!   is no script, and a Content-Security-Policy forbids anything else;
//! - no clock and no hash-map order: the same input gives byte-identical output;
//! - the writer recurses over quotes and lists: the reader bounds their depth.
//!
//! The page: skip link, `<header>` with the title block, `<nav>` contents, `<main>` with the
//! document, its notes and its sources, `<footer>`. The document title is the only `h1`;
//! Markdown heading levels are shifted so the top level becomes `h2`, and never skip a level.

mod blocks;
mod escape;
mod fragment;
mod labels;
mod risk;

pub use fragment::write_risk_fragment;
pub use risk::icon_array_svg;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use candor_model::{Block, Document, RiskEntry, SourceLink};

use self::escape::{escape, escape_into};
use self::labels::PageLabels;
use crate::branding::{Branding, colour};
use crate::images::Images;
use crate::labels::Labels;
use crate::risk_card::{CardLabels, CardWriter, collect_risks};
use crate::risk_text::{Language, fill};

/// The stylesheet, inlined into every page.
const STYLE: &str = include_str!("../../../templates/companion/html/style.css");

/// Options of the HTML export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlOptions {
    /// Written into `<meta name="generator">`; no timestamp, so output stays reproducible.
    pub generator: String,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        Self { generator: concat!("Candor ", env!("CARGO_PKG_VERSION")).to_owned() }
    }
}

/// Writes `doc` as one self-contained HTML5 page; `images` holds the prepared pictures,
/// keyed by the `src` written in the Markdown. Never fails: odd content is written as text.
pub fn write_html(doc: &Document, images: &Images, options: &HtmlOptions) -> String {
    Writer::new(doc, images).page(options)
}

/// The branding's colours and font, as a second stylesheet after Candor's: brand colours on
/// screens in the light theme, their dark-theme counterparts in the dark one; print keeps
/// its black on white. Nothing is written when no branding is set.
fn brand_style(branding: &Branding, out: &mut String) {
    if !branding.is_set() {
        return;
    }
    let theme = |primary: Option<String>, accent: Option<String>| {
        let mut vars = String::new();
        if let Some(p) = primary {
            vars.push_str(&format!("--brand-primary: {p}; "));
        }
        if let Some(a) = accent {
            vars.push_str(&format!("--link: {a}; --accent: {a}; --icon-on: {a}; "));
        }
        vars
    };
    out.push_str("<style>\n");
    let light = theme(colour(&branding.primary), colour(&branding.accent));
    if !light.is_empty() {
        out.push_str(&format!(
            "@media screen and (prefers-color-scheme: light) {{ :root {{ {light}}} }}\n"
        ));
    }
    let dark = theme(colour(&branding.dark_primary), colour(&branding.dark_accent));
    if !dark.is_empty() {
        out.push_str(&format!(
            "@media screen and (prefers-color-scheme: dark) {{ :root {{ {dark}}} }}\n"
        ));
    }
    out.push_str(
        "h1, h2, h3, h4, h5, h6 { color: var(--brand-primary, var(--text)); }\n\
         .title-block { border-bottom-color: var(--brand-primary, var(--border)); }\n\
         .brand { margin: 0 0 1rem; font-weight: 600; color: var(--muted); }\n\
         .brand img { display: block; width: auto; height: auto; max-height: 4rem; max-width: 100%; }\n",
    );
    if let Some(font) = branding.font {
        out.push_str(&format!(
            "html {{ font-family: \"{}\", system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Liberation Sans\", Arial, sans-serif; }}\n",
            font.family()
        ));
    }
    out.push_str("</style>\n");
}

/// Primary language subtags written right to left.
pub(super) const RIGHT_TO_LEFT: &[&str] =
    &["ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"];

/// Ids given out in one page; a wanted id that is taken gets a number appended.
#[derive(Default)]
pub(super) struct Ids(BTreeSet<String>);

impl Ids {
    pub(super) fn claim(&mut self, wanted: &str) -> String {
        // HTML ids may hold anything but whitespace, and must not be empty.
        let base: String =
            wanted.trim().chars().map(|c| if c.is_whitespace() { '-' } else { c }).collect();
        let base = if base.is_empty() { "section".to_owned() } else { base };
        if self.0.insert(base.clone()) {
            return base;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{base}-{n}");
            if self.0.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// A heading listed in the contents.
struct TocEntry {
    level: u8,
    id: String,
    text: String,
}

/// The ids of one risk card.
struct RiskIds {
    card: String,
    title: String,
}

impl RiskIds {
    fn claim(ids: &mut Ids, risk: &RiskEntry) -> Self {
        let card = match risk.id.trim() {
            "" => ids.claim("risk"),
            id => ids.claim(&format!("risk-{id}")),
        };
        let title = ids.claim(&format!("{card}-title"));
        Self { card, title }
    }
}

/// A cited source passage, numbered in order of first citation.
struct Citation {
    link: SourceLink,
    id: String,
}

/// The state of writing one page.
struct Writer<'a> {
    doc: &'a Document,
    images: &'a Images,
    /// Words shared with the PDF.
    labels: &'static Labels,
    /// Words of the HTML page only.
    page: &'static PageLabels,
    /// ` lang="en"` for Candor's own words when the document's language has no wording yet.
    ui_lang: &'static str,
    ids: Ids,
    /// The Markdown level that becomes `h2`.
    heading_base: u8,
    /// The level of the last heading written, 1 for the title.
    last_level: u8,
    /// The level of the last document heading (risk cards sit one level below it).
    section_level: u8,
    toc: Vec<TocEntry>,
    risks: Vec<(&'a RiskEntry, RiskIds)>,
    footnote_ids: Vec<String>,
    /// For each footnote, the ids of the references to it, for the back links.
    footnote_refs: Vec<Vec<String>>,
    citations: Vec<Citation>,
    tables: usize,
    /// Words and figures of the document's risk cards.
    cards: CardWriter<'a>,
    card_labels: CardLabels,
    /// Whether a card was written (then the page explains the likelihood scale).
    any_card: bool,
    /// The id of that explanation, claimed up front so that cards can link to it.
    scale_id: Option<String>,
}

impl<'a> Writer<'a> {
    fn new(doc: &'a Document, images: &'a Images) -> Self {
        let (language, has_wording) = Language::for_tag(&doc.meta.lang);
        let mut ids = Ids::default();
        for fixed in ["content", "contents-title", "notes-title", "sources-title"] {
            ids.claim(fixed);
        }
        // Footnote and risk-card ids are needed before the text that links to them.
        let footnote_ids: Vec<String> =
            (1..=doc.footnotes.len()).map(|n| ids.claim(&format!("fn-{n}"))).collect();
        let found = collect_risks(doc).into_iter();
        let risks: Vec<_> = found.map(|risk| (risk, RiskIds::claim(&mut ids, risk))).collect();
        let scale_id = (!risks.is_empty()).then(|| ids.claim("how-to-read-the-figures"));
        let cards = CardWriter::new(doc);
        let card_labels = cards.labels();
        Self {
            doc,
            images,
            labels: Labels::for_language(&doc.meta.lang),
            page: PageLabels::of(language),
            ui_lang: if has_wording { "" } else { " lang=\"en\"" },
            ids,
            heading_base: min_heading_level(&doc.blocks).unwrap_or(1),
            last_level: 1,
            section_level: 1,
            toc: Vec::new(),
            risks,
            footnote_refs: vec![Vec::new(); doc.footnotes.len()],
            footnote_ids,
            citations: Vec::new(),
            tables: 0,
            cards,
            card_labels,
            any_card: false,
            scale_id,
        }
    }

    fn page(mut self, options: &HtmlOptions) -> String {
        // The body first: it collects the contents, note references and citations.
        let mut main = String::new();
        let doc = self.doc;
        self.blocks(&doc.blocks, &mut main);
        self.about_figures(&mut main);
        self.endnotes(&mut main);
        self.sources(&mut main);

        let meta = &self.doc.meta;
        let title = if meta.title.trim().is_empty() { self.page.untitled } else { &meta.title };
        let lang = meta.lang.as_str();
        let dir = if RIGHT_TO_LEFT.contains(&meta.lang.language()) { " dir=\"rtl\"" } else { "" };

        let mut out = String::with_capacity(main.len() + STYLE.len() + 4096);
        out.push_str("<!DOCTYPE html>\n<html lang=\"");
        escape_into(&mut out, lang);
        out.push('"');
        out.push_str(dir);
        out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n",
        );
        out.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
        out.push_str("<meta name=\"generator\" content=\"");
        escape_into(&mut out, &options.generator);
        out.push_str("\">\n<title>");
        escape_into(&mut out, title);
        out.push_str("</title>\n<style>\n");
        out.push_str(STYLE);
        out.push_str("</style>\n");
        brand_style(self.images.branding(), &mut out);
        out.push_str("</head>\n<body>\n");

        out.push_str(&format!(
            "<a class=\"skip-link\" href=\"#content\"{}>{}</a>\n",
            self.ui_lang,
            escape(self.page.skip_link)
        ));
        self.title_block(title, &mut out);
        self.contents(&mut out);
        out.push_str("<main id=\"content\">\n");
        out.push_str(&main);
        out.push_str("</main>\n");
        self.footer(title, &mut out);
        out.push_str("</body>\n</html>\n");
        out
    }

    fn title_block(&self, title: &str, out: &mut String) {
        let meta = &self.doc.meta;
        let l = self.labels;
        out.push_str("<header class=\"title-block\">\n");
        self.brand_line(out);
        out.push_str("<h1>");
        escape_into(out, title);
        out.push_str("</h1>\n");

        let mut facts: Vec<(&str, String)> = Vec::new();
        let mut text = |label: &'static str, value: &Option<String>| {
            if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                facts.push((label, escape(v)));
            }
        };
        text(l.model, &meta.model);
        text(l.provider, &meta.provider);
        text(l.version, &meta.version);
        if let Some(date) = meta.date {
            facts.push((
                l.published,
                format!(
                    "<time datetime=\"{}\"{}>{}</time>",
                    date,
                    self.ui_lang,
                    escape(&self.labels.date(date))
                ),
            ));
        }
        if let Some(audience) = meta.audience.as_deref().filter(|a| !a.trim().is_empty()) {
            facts.push((l.audience, escape(audience.trim())));
        }
        let explained: Vec<String> = meta
            .sources
            .iter()
            .map(|s| escape(s.title.as_deref().or(s.file.as_deref()).unwrap_or(&s.id)))
            .collect();
        if !explained.is_empty() {
            facts.push((self.page.explains, explained.join("; ")));
        }
        if !facts.is_empty() {
            out.push_str("<dl class=\"document-facts\">\n");
            for (label, value) in facts {
                out.push_str(&format!(
                    "<div><dt{}>{}</dt><dd>{}</dd></div>\n",
                    self.ui_lang,
                    escape(label),
                    value
                ));
            }
            out.push_str("</dl>\n");
        }
        out.push_str("</header>\n");
    }

    /// The organisation above the title: its logo, described by its name, or its name.
    fn brand_line(&self, out: &mut String) {
        let branding = self.images.branding();
        let Some(organisation) = branding.organisation() else { return };
        out.push_str("<p class=\"brand\">");
        match &branding.logo {
            Some(logo) => {
                out.push_str("<img src=\"data:");
                out.push_str(logo.format.mime());
                out.push_str(";base64,");
                out.push_str(&base64::Engine::encode(
                    &base64::engine::general_purpose::STANDARD,
                    &logo.data,
                ));
                out.push_str(&format!(
                    "\" width=\"{}\" height=\"{}\" alt=\"",
                    logo.width, logo.height
                ));
                escape_into(out, organisation);
                out.push_str("\">");
            }
            None => escape_into(out, organisation),
        }
        out.push_str("</p>\n");
    }

    /// The table of contents: `h2` and `h3` headings, as nested lists.
    fn contents(&self, out: &mut String) {
        if self.toc.is_empty() {
            return;
        }
        out.push_str(&format!(
            "<nav class=\"toc\" aria-labelledby=\"contents-title\">\n<h2 id=\"contents-title\"{}>{}</h2>\n",
            self.ui_lang,
            escape(self.page.contents)
        ));
        let mut depth = 0u8;
        for entry in &self.toc {
            // Levels never jump within the list, even where a risk card stood in between.
            let want = entry.level.saturating_sub(1).clamp(1, depth + 1);
            if want > depth {
                out.push_str("<ul>\n");
                depth = want;
            } else {
                out.push_str("</li>\n");
                while depth > want {
                    out.push_str("</ul></li>\n");
                    depth -= 1;
                }
            }
            out.push_str("<li><a href=\"#");
            escape_into(out, &entry.id);
            out.push_str("\">");
            escape_into(out, &entry.text);
            out.push_str("</a>");
        }
        out.push_str("</li>\n");
        while depth > 1 {
            out.push_str("</ul></li>\n");
            depth -= 1;
        }
        out.push_str("</ul>\n</nav>\n");
    }

    fn endnotes(&mut self, out: &mut String) {
        let doc = self.doc;
        let notes = &doc.footnotes;
        if notes.is_empty() {
            return;
        }
        out.push_str(&format!(
            "<section class=\"endnotes\" aria-labelledby=\"notes-title\">\n<h2 id=\"notes-title\"{}>{}</h2>\n<ol>\n",
            self.ui_lang,
            escape(self.page.notes)
        ));
        self.last_level = 2;
        self.section_level = 2;
        for (index, note) in notes.iter().enumerate() {
            let id = self.footnote_ids.get(index).cloned().unwrap_or_default();
            out.push_str(&format!("<li id=\"{}\">\n", escape(&id)));
            // The back links close the note's last paragraph, or stand on their own.
            match note.blocks.split_last() {
                Some((Block::Paragraph { content, .. }, rest)) => {
                    self.blocks(rest, out);
                    out.push_str("<p>");
                    self.inlines(content, out);
                    self.back_links(index, out);
                    out.push_str("</p>\n");
                }
                _ => {
                    self.blocks(&note.blocks, out);
                    if self.footnote_refs.get(index).is_some_and(|refs| !refs.is_empty()) {
                        out.push_str("<p>");
                        self.back_links(index, out);
                        out.push_str("</p>\n");
                    }
                }
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }

    /// Links from note `index` back to each reference to it.
    fn back_links(&self, index: usize, out: &mut String) {
        let refs = self.footnote_refs.get(index).map(Vec::as_slice).unwrap_or_default();
        for (i, r) in refs.iter().enumerate() {
            // Several references to one note get numbered back links.
            let which = if refs.len() > 1 { format!(" {}", i + 1) } else { String::new() };
            out.push_str(&format!(
                " <a class=\"backref\" href=\"#{}\"><span aria-hidden=\"true\">↩{}</span><span class=\"visually-hidden\"{}>{}{}</span></a>",
                escape(r),
                which,
                self.ui_lang,
                escape(self.page.back_to_text),
                which
            ));
        }
    }

    /// The list of cited source passages.
    fn sources(&mut self, out: &mut String) {
        if self.citations.is_empty() {
            return;
        }
        out.push_str(&format!(
            "<section class=\"sources\" aria-labelledby=\"sources-title\">\n<h2 id=\"sources-title\"{}>{}</h2>\n<ol>\n",
            self.ui_lang,
            escape(self.labels.sources)
        ));
        for citation in &self.citations {
            out.push_str(&format!(
                "<li id=\"{}\">{}</li>\n",
                escape(&citation.id),
                self.source_name(&citation.link)
            ));
        }
        out.push_str("</ol>\n");
        // The documents themselves: title, version, date and, in a project, the file's
        // SHA-256, so a reader can tell exactly which text was summarised.
        let entries = crate::risk_card::source_entries(self.doc, self.labels);
        if !entries.is_empty() {
            let id = self.ids.claim("sources-documents");
            out.push_str(&format!(
                "<h3 id=\"{}\"{}>{}</h3>\n<ul class=\"source-documents\">\n",
                escape(&id),
                self.ui_lang,
                escape(self.labels.sources_documents)
            ));
            for entry in entries {
                out.push_str("<li>");
                escape_into(out, &entry);
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }

    /// "Example-1 Model Report, passage sec-7-1", escaped.
    fn source_name(&self, link: &SourceLink) -> String {
        // Read in a project: section and page of the passage.
        if self.doc.cited.as_deref().is_some_and(|c| c.source(&link.source).is_some()) {
            let text = crate::risk_card::citation_text(self.doc, self.labels, link);
            return escape(text.strip_suffix('.').unwrap_or(&text));
        }
        let source = self.doc.meta.sources.iter().find(|s| s.id == link.source);
        let title =
            source.and_then(|s| s.title.as_deref().or(s.file.as_deref())).unwrap_or(&link.source);
        let mut name = escape(title);
        if let Some(passage) = &link.passage {
            name.push_str(", ");
            name.push_str(&format!(
                "<span{}>{}</span>",
                self.ui_lang,
                escape(&format!("{} {passage}", self.labels.source_passage))
            ));
        }
        name
    }

    /// The number and id of a cited passage, numbering it on first citation.
    fn cite(&mut self, link: &SourceLink) -> (usize, String) {
        if let Some(i) = self.citations.iter().position(|c| c.link == *link) {
            return (i + 1, self.citations[i].id.clone());
        }
        let n = self.citations.len() + 1;
        let id = self.ids.claim(&format!("source-{n}"));
        self.citations.push(Citation { link: link.clone(), id: id.clone() });
        (n, id)
    }

    fn footer(&self, title: &str, out: &mut String) {
        let meta = &self.doc.meta;
        out.push_str("<footer class=\"page-footer\">\n");
        let mut any = false;
        if let Some(organisation) = self.images.branding().organisation() {
            out.push_str("<p class=\"brand-name\">");
            escape_into(out, organisation);
            out.push_str("</p>\n");
        }
        if let Some(version) = meta.version.as_deref().filter(|v| !v.trim().is_empty()) {
            out.push_str(&format!(
                "<p{}>{}</p>\n",
                self.ui_lang,
                escape(&fill(self.page.footer_version, &[("version", version.trim())]))
            ));
            any = true;
        }
        if let Some(date) = meta.date {
            let text = fill(self.page.footer_published, &[("date", &self.labels.date(date))]);
            out.push_str(&format!(
                "<p{}><time datetime=\"{}\">{}</time></p>\n",
                self.ui_lang,
                date,
                escape(&text)
            ));
            any = true;
        }
        if !any {
            out.push_str("<p>");
            escape_into(out, title);
            out.push_str("</p>\n");
        }
        out.push_str("</footer>\n");
    }
}

/// The smallest heading level under `blocks` (the one that becomes `h2`).
fn min_heading_level(blocks: &[Block]) -> Option<u8> {
    blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            Block::BlockQuote { blocks, .. } => min_heading_level(blocks),
            Block::List { items, .. } => {
                items.iter().filter_map(|item| min_heading_level(&item.blocks)).min()
            }
            _ => None,
        })
        .min()
}
