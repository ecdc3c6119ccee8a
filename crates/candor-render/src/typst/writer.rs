//! Document model -> the typst source of `main.typ`.
//!
//! The output is typst *code mode* only: structure is function calls into the companion
//! template, and every word of the author is a string literal (see `code.rs`). Nothing the
//! author writes can become typst syntax.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use candor_model::{Alignment, Block, Document, Inline, LinkTarget, ListItem, RiskEntry, Table};

use super::code::{opt_lit, push_str_lit, str_lit};
use crate::images::Images;
use crate::labels::Labels;
use crate::risk_card::{
    CardLabels, CardWriter, IconArrayView, LikelihoodKind, citation_text, collect_risks,
};
use crate::risk_text::{capitalise, fill};

/// The virtual path of the template, as main.typ imports it.
pub(crate) const TEMPLATE_PATH: &str = "/companion.typ";

/// The generated main file and the images it refers to (virtual path -> `src`).
pub(crate) struct MainFile {
    pub text: String,
    pub images: BTreeMap<String, String>,
}

pub(crate) fn write_main(doc: &Document, images: &Images) -> MainFile {
    let labels = Labels::for_language(&doc.meta.lang);
    let cards = CardWriter::new(doc);
    let mut w = Writer {
        out: String::with_capacity(4096),
        doc,
        labels,
        images,
        image_paths: BTreeMap::new(),
        levels: HeadingLevels::default(),
        labels_in_use: heading_labels(&doc.blocks),
        card_labels: cards.labels(),
        cards,
        any_card: false,
    };
    w.preamble();
    w.out.push_str("#{\n");
    w.blocks(&doc.blocks);
    w.about_figures();
    w.source_documents();
    w.out.push_str("}\n");
    MainFile { text: w.out, images: w.image_paths }
}

struct Writer<'a> {
    out: String,
    doc: &'a Document,
    labels: &'static Labels,
    images: &'a Images,
    /// Virtual path -> src, for every image used.
    image_paths: BTreeMap<String, String>,
    levels: HeadingLevels,
    /// Heading ids that became typst labels.
    labels_in_use: BTreeSet<String>,
    /// Words and figures of the document's risk cards.
    cards: CardWriter<'a>,
    card_labels: CardLabels,
    /// Whether a card was written (then the document explains the likelihood scale).
    any_card: bool,
}

/// Maps Markdown heading levels onto levels that never skip (PDF/UA and screen readers
/// rely on an unbroken outline).
#[derive(Default)]
pub(crate) struct HeadingLevels {
    /// The source levels currently open, outermost first.
    open: Vec<u8>,
}

impl HeadingLevels {
    /// The output level (1-based) for a heading written at `level`.
    pub(crate) fn place(&mut self, level: u8) -> u8 {
        while self.open.last().is_some_and(|&l| l >= level) {
            self.open.pop();
        }
        self.open.push(level);
        self.open.len() as u8
    }

    /// The level for a heading nested under the current one (risk-card titles).
    pub(crate) fn child(&self) -> u8 {
        (self.open.len() + 1).min(6) as u8
    }
}

impl Writer<'_> {
    fn preamble(&mut self) {
        let meta = &self.doc.meta;
        let l = self.labels;
        let out = &mut self.out;
        let _ = writeln!(out, "#import {}: *", str_lit(TEMPLATE_PATH.trim_start_matches('/')));
        out.push_str("#show: companion.with((\n  title: ");
        push_str_lit(out, &meta.title);
        let _ = write!(out, ",\n  lang: {},\n  region: ", str_lit(meta.lang.language()));
        out.push_str(&opt_lit(meta.lang.region().filter(|r| r.len() == 2)));
        out.push_str(",\n  provider: ");
        out.push_str(&opt_lit(meta.provider.as_deref()));
        out.push_str(",\n  date: ");
        match meta.date {
            Some(d) => {
                let _ =
                    write!(out, "datetime(year: {}, month: {}, day: {})", d.year, d.month, d.day);
            }
            None => out.push_str("none"),
        }
        out.push_str(",\n  kicker: none,\n  details: (");
        let date = meta.date.map(|d| l.date(d));
        let details = [
            (l.model, meta.model.as_deref()),
            (l.provider, meta.provider.as_deref()),
            (l.version, meta.version.as_deref()),
            (l.published, date.as_deref()),
            (l.audience, meta.audience.as_deref()),
        ];
        for (label, value) in details {
            if let Some(value) = value {
                let _ = write!(out, "({}, {}), ", str_lit(label), str_lit(value));
            }
        }
        out.push_str("),\n  footer: ");
        let organisation = self.images.branding().organisation().map(str::to_owned);
        let footer: Vec<String> = [
            organisation,
            meta.model.clone(),
            meta.version.as_ref().map(|v| format!("{} {v}", l.version)),
            date.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        push_str_lit(out, &footer.join(" · "));
        let _ = write!(out, ",\n  page-label: {},\n", str_lit(l.page_of));
        let headings =
            self.doc.blocks.iter().filter(|b| matches!(b, Block::Heading { .. })).count();
        let _ = writeln!(out, "  contents: {},", headings >= 3);
        self.brand();
        self.out.push_str("))\n");
    }

    /// The `brand` entry of the template's `meta`, only when a branding is set (so unbranded
    /// output is unchanged): the organisation and the logo for the title block. Colours and
    /// the font are set in the template itself (see `branded_template`).
    fn brand(&mut self) {
        let branding = self.images.branding();
        let organisation = branding.organisation();
        let logo = branding.logo.is_some() && organisation.is_some();
        if organisation.is_none() {
            return;
        }
        self.out.push_str("  brand: (organisation: ");
        self.out.push_str(&opt_lit(organisation));
        self.out.push_str(", logo: ");
        if logo {
            let path = "/images/logo.png".to_owned();
            self.image_paths.insert(path.clone(), crate::images::LOGO_SRC.to_owned());
            push_str_lit(&mut self.out, &path);
        } else {
            self.out.push_str("none");
        }
        self.out.push_str("),\n");
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, content, id, .. } => {
                let level = self.levels.place(*level);
                // A label (markup `<id>`) lets `#id` links point at the heading.
                let label = id.clone().filter(|id| self.labels_in_use.contains(id));
                if label.is_some() {
                    self.out.push_str("[#");
                }
                let _ = write!(self.out, "heading(level: {level}, ");
                self.inline_body(content);
                self.out.push(')');
                if let Some(label) = label {
                    let _ = write!(self.out, " <{label}>]");
                }
                self.out.push('\n');
            }
            Block::Paragraph { content, .. } if self.is_lone_loaded_image(content) => {
                if let [Inline::Image { image }] = &content[..] {
                    let path = self.image_path(&image.src);
                    let _ = writeln!(
                        self.out,
                        "picture({}, {}, {})",
                        str_lit(&path),
                        str_lit(&image.alt),
                        opt_lit(image.title.as_deref())
                    );
                }
            }
            Block::Paragraph { content, .. } => {
                self.out.push_str("par(");
                self.inline_body(content);
                self.out.push_str(")\n");
            }
            Block::List { start, items, .. } => self.list(*start, items),
            Block::BlockQuote { blocks, .. } => {
                self.out.push_str("quote(block: true, {\n");
                self.blocks(blocks);
                self.out.push_str("})\n");
            }
            Block::CodeBlock { lang, text, .. } => {
                self.out.push_str("raw(block: true, lang: ");
                self.out.push_str(&opt_lit(lang.as_deref().filter(|l| is_plain_word(l))));
                self.out.push_str(", ");
                push_str_lit(&mut self.out, text.trim_end_matches('\n'));
                self.out.push_str(")\n");
            }
            Block::Table { table, .. } => self.table(table),
            Block::ThematicBreak { .. } => {
                self.out.push_str("line(length: 100%, stroke: 0.5pt + rule-colour)\n");
            }
            Block::Html { html, .. } => {
                // A block marked with its own language (`<div lang="fr">`) keeps it in the
                // PDF, so screen readers switch voice there too.
                let lang = outer_lang(&html.sanitized);
                if let Some(lang) = &lang {
                    let _ = write!(self.out, "text(lang: {}, ", str_lit(lang));
                }
                self.out.push_str("html-text((");
                for line in html.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    push_str_lit(&mut self.out, line);
                    self.out.push_str(", ");
                }
                self.out.push_str("))");
                if lang.is_some() {
                    self.out.push(')');
                }
                self.out.push('\n');
            }
            Block::Risk { risk, .. } => self.risk(risk),
            Block::Generated { name, .. } => match name.as_str() {
                "risk-overview" => self.risk_overview(),
                "risk-coverage" => self.risk_coverage(),
                _ => {}
            },
            // Advice for the author is never typeset.
            Block::Guidance { .. } => {}
        }
    }

    fn list(&mut self, start: Option<u64>, items: &[ListItem]) {
        if let Some(n) = start {
            let _ = write!(self.out, "enum(start: {n}, ");
            for item in items {
                self.list_item(item);
            }
            self.out.push_str(")\n");
            return;
        }
        // Task items have a box instead of a bullet: consecutive runs of them become task
        // lists, the other items ordinary lists.
        for run in items.chunk_by(|a, b| a.checked.is_some() == b.checked.is_some()) {
            let tasks = run[0].checked.is_some();
            self.out.push_str(if tasks { "task-list(" } else { "list(" });
            for item in run {
                self.list_item(item);
            }
            self.out.push_str(")\n");
        }
    }

    fn list_item(&mut self, item: &ListItem) {
        match item.checked {
            Some(done) => {
                let state = if done { self.labels.task_done } else { self.labels.task_not_done };
                let _ = writeln!(self.out, "task({done}, {}, {{", str_lit(state));
                self.item_body(&item.blocks);
                self.out.push_str("}), ");
            }
            None => {
                self.out.push_str("{\n");
                self.item_body(&item.blocks);
                self.out.push_str("}, ");
            }
        }
    }

    /// A list item: a lone paragraph stays inline (tight lists), anything else as blocks.
    fn item_body(&mut self, blocks: &[Block]) {
        match blocks {
            [Block::Paragraph { content, .. }] => {
                self.inline_seq(content);
            }
            _ => self.blocks(blocks),
        }
    }

    fn table(&mut self, table: &Table) {
        let columns = table.header.len().max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let _ = write!(self.out, "data-table({columns}, (");
        for i in 0..columns {
            let align = match table.alignments.get(i).copied().unwrap_or(Alignment::None) {
                Alignment::Center => "center",
                Alignment::Right => "right",
                Alignment::Left | Alignment::None => "left",
            };
            let _ = write!(self.out, "{align}, ");
        }
        self.out.push_str("), (");
        for i in 0..columns {
            let cell = table.header.get(i).map_or(&[][..], |c| &c.content[..]);
            self.inline_body(cell);
            self.out.push_str(", ");
        }
        self.out.push_str("), (");
        for row in &table.rows {
            self.out.push('(');
            for i in 0..columns {
                let cell = row.get(i).map_or(&[][..], |c| &c.content[..]);
                self.inline_body(cell);
                self.out.push_str(", ");
            }
            self.out.push_str("), ");
        }
        self.out.push_str("))\n");
    }

    /// Inline content as one typst expression: `{ ... }`.
    fn inline_body(&mut self, content: &[Inline]) {
        self.out.push('{');
        self.inline_seq(content);
        self.out.push('}');
    }

    /// Inline content as a sequence of statements (typst joins them).
    fn inline_seq(&mut self, content: &[Inline]) {
        // An empty block would be `none`; an empty string keeps it content-like.
        self.out.push_str("\"\"; ");
        for inline in content {
            self.inline(inline);
            self.out.push_str("; ");
        }
    }

    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text { text, .. } => push_str_lit(&mut self.out, text),
            Inline::Code { text } => {
                self.out.push_str("raw(");
                push_str_lit(&mut self.out, text);
                self.out.push(')');
            }
            Inline::Emphasis { content } => self.wrap("emph", content),
            Inline::Strong { content } => self.wrap("strong", content),
            Inline::Strikethrough { content } => self.wrap("strike", content),
            Inline::Link { target: LinkTarget::Url { url }, content, .. }
                if url.starts_with('#') =>
            {
                // An in-document anchor: a link to the heading's label, if there is one.
                let anchor = &url[1..];
                if self.labels_in_use.contains(anchor) {
                    let _ = write!(self.out, "link(label({}), ", str_lit(anchor));
                    self.inline_body(content);
                    self.out.push(')');
                } else {
                    self.inline_body(content);
                }
            }
            Inline::Link { target: LinkTarget::Url { url }, content, .. } => {
                self.out.push_str("link(");
                push_str_lit(&mut self.out, url);
                self.out.push_str(", ");
                self.inline_body(content);
                self.out.push(')');
            }
            Inline::Link { target: LinkTarget::Source { link }, content, .. } => {
                self.inline_seq(content);
                self.out.push_str("footnote(");
                push_str_lit(&mut self.out, &citation_text(self.doc, self.labels, link));
                self.out.push(')');
            }
            Inline::Image { image } if self.images.get(&image.src).is_none() => {
                // Not loaded (the loader reported why): show the description instead.
                push_str_lit(&mut self.out, &format!("[{}]", image.alt));
            }
            Inline::Image { image } => {
                // An image inside running text: as tall as a line.
                let path = self.image_path(&image.src);
                let _ = write!(
                    self.out,
                    "box(image({}, alt: {}, height: 1.2em))",
                    str_lit(&path),
                    str_lit(&image.alt)
                );
            }
            Inline::FootnoteRef { index, .. } => {
                self.out.push_str("footnote({\n");
                if let Some(note) = self.doc.footnotes.get(*index) {
                    match &note.blocks[..] {
                        [Block::Paragraph { content, .. }] => self.inline_seq(content),
                        blocks => self.blocks(blocks),
                    }
                }
                self.out.push_str("})");
            }
            Inline::SoftBreak => self.out.push_str("\" \""),
            Inline::HardBreak => self.out.push_str("linebreak()"),
        }
    }

    fn is_lone_loaded_image(&self, content: &[Inline]) -> bool {
        matches!(content, [Inline::Image { image }] if self.images.get(&image.src).is_some())
    }

    fn wrap(&mut self, function: &str, content: &[Inline]) {
        self.out.push_str(function);
        self.out.push('(');
        self.inline_body(content);
        self.out.push(')');
    }

    fn image_path(&mut self, src: &str) -> String {
        if let Some((path, _)) = self.image_paths.iter().find(|(_, s)| *s == src) {
            return path.clone();
        }
        let ext = self.images.get(src).map_or("png", |i| i.format.extension());
        let path = format!("/images/image-{}.{ext}", self.image_paths.len() + 1);
        self.image_paths.insert(path.clone(), src.to_owned());
        path
    }

    fn risk(&mut self, risk: &RiskEntry) {
        let level = self.levels.child();
        let card = self.cards.card(risk);
        self.any_card = true;
        let not_stated = capitalise(self.labels.not_stated);
        let out = &mut self.out;
        out.push_str("risk-card((\n  category: ");
        push_str_lit(out, &card.category.name);
        let _ = write!(out, ",\n  level: {level},\n  title: {}", str_lit(&card.title));
        let _ = write!(out, ",\n  what: {}", opt_lit(card.what_could_happen.as_deref()));
        let _ = write!(out, ",\n  who: {}", opt_lit(card.who_is_affected.as_deref()));
        let _ = write!(out, ",\n  you: {}", opt_lit(card.what_you_can_do.as_deref()));
        let l = &card.likelihood;
        let _ = write!(
            out,
            ",\n  likelihood: (summary: {}, missing: {}, range: {}, note: {}, basis: {}, scale: {}, icons: {})",
            str_lit(&l.summary),
            l.kind == LikelihoodKind::NotPublished,
            opt_lit(l.range.as_ref().map(|r| r.sentence.as_str())),
            opt_lit(l.note.as_deref()),
            opt_lit(l.basis.as_deref()),
            if l.kind == LikelihoodKind::NotPublished {
                "none".to_owned()
            } else {
                str_lit(&fill(
                    self.cards.words().scale_ref,
                    &[("scale", self.cards.words().scale_name)],
                ))
            },
            l.icons.as_ref().map_or_else(|| "none".to_owned(), icons_lit)
        );
        let _ = write!(
            out,
            ",\n  severity: {}",
            card.severity.as_ref().map_or_else(
                || "none".to_owned(),
                |s| format!(
                    "(text: {}, level: {}, levels: {}, sentence: {})",
                    str_lit(&s.text),
                    s.level,
                    s.levels,
                    str_lit(&s.sentence)
                )
            )
        );
        out.push_str(",\n  mitigations: (");
        for m in &card.mitigations {
            let effect = m.effect.as_ref().map_or_else(
                || "none".to_owned(),
                |e| {
                    let pair = e.icons.as_ref().map_or_else(
                        || "none".to_owned(),
                        |p| {
                            format!(
                                "(before: {}, after: {}, description: {})",
                                icons_lit(&p.before),
                                icons_lit(&p.after),
                                str_lit(&p.description)
                            )
                        },
                    );
                    format!("(sentence: {}, pair: {pair})", str_lit(&e.sentence))
                },
            );
            let _ = write!(
                out,
                "(kind: {}, what: {}, effect: {effect}), ",
                str_lit(&m.kind.name),
                str_lit(&m.what_we_did)
            );
        }
        out.push(')');
        let sources: Vec<&str> = card.sources.iter().map(|s| s.citation.as_str()).collect();
        let sources = (!sources.is_empty()).then(|| sources.join(" "));
        let _ = write!(out, ",\n  sources: {}", opt_lit(sources.as_deref()));
        let _ = write!(out, ",\n  no-mitigation: {}", str_lit(&card.no_mitigation));
        let _ = write!(out, ",\n  not-stated: {}", str_lit(&not_stated));
        let cl = &self.card_labels;
        let _ = write!(
            out,
            ",\n  labels: (what: {}, likelihood: {}, severity: {}, who: {}, mitigations: {}, you: {}, sources: {}, before: {}, after: {}),\n))\n",
            str_lit(&cl.what_could_happen),
            str_lit(&cl.how_likely),
            str_lit(&cl.how_serious),
            str_lit(&cl.who_is_affected),
            str_lit(&cl.what_was_done),
            str_lit(&cl.what_you_can_do),
            str_lit(&cl.sources),
            str_lit(&cl.before),
            str_lit(&cl.after)
        );
    }

    fn risk_overview(&mut self) {
        let risks: Vec<&RiskEntry> = collect_risks(self.doc);
        if risks.is_empty() {
            let _ = writeln!(self.out, "par({})", str_lit(self.cards.words().no_risks));
        } else {
            let cl = &self.card_labels;
            let _ = write!(
                self.out,
                "risk-overview(({}, {}, {}, {}, {}), (",
                str_lit(&cl.risk),
                str_lit(&cl.category),
                str_lit(&cl.likelihood),
                str_lit(&cl.severity),
                str_lit(&cl.mitigations)
            );
            let not_stated = capitalise(self.labels.not_stated);
            for risk in risks {
                let card = self.cards.card(risk);
                let severity =
                    card.severity.as_ref().map_or(not_stated.clone(), |s| s.text.clone());
                let kinds: Vec<&str> =
                    card.mitigations.iter().map(|m| m.kind.name.as_str()).collect();
                let kinds = if kinds.is_empty() { not_stated.clone() } else { kinds.join("; ") };
                let _ = write!(
                    self.out,
                    "({}, {}, {}, {}, {}), ",
                    str_lit(&card.title),
                    str_lit(&card.category.name),
                    str_lit(&card.likelihood.short),
                    str_lit(&severity),
                    str_lit(&kinds)
                );
            }
            self.out.push_str("))\n");
        }
        self.risk_coverage();
    }

    fn risk_coverage(&mut self) {
        let c = self.cards.coverage();
        let out = &mut self.out;
        let _ =
            write!(out, "coverage({}, {}, (", str_lit(&c.summary), str_lit(&c.not_covered_intro));
        for item in &c.not_covered {
            push_str_lit(out, &item.name);
            out.push_str(", ");
        }
        let _ = writeln!(out, "), {})", str_lit(&c.source));
    }

    /// The list of the documents the text cites, at its end: title, version, date and, in a
    /// project, the file's SHA-256.
    fn source_documents(&mut self) {
        if !has_source_links(&self.doc.blocks) {
            return;
        }
        let entries = crate::risk_card::source_entries(self.doc, self.labels);
        if entries.is_empty() {
            return;
        }
        let _ = write!(self.out, "source-documents({}, (", str_lit(self.labels.sources));
        for entry in &entries {
            push_str_lit(&mut self.out, entry);
            self.out.push_str(", ");
        }
        self.out.push_str("))\n");
    }

    /// The note after the text on the likelihood words and rounding; only with risk cards.
    fn about_figures(&mut self) {
        if !self.any_card {
            return;
        }
        let scale = self.cards.scale();
        let out = &mut self.out;
        let _ = write!(
            out,
            "about-figures({}, {}, (",
            str_lit(&scale.title),
            str_lit(&scale.explanation)
        );
        for word in &scale.words {
            let rest = format!("{}{}", scale.colon, word.range);
            let _ = write!(out, "({}, {}), ", str_lit(&capitalise(&word.text)), str_lit(&rest));
        }
        let _ = writeln!(out, "), {}, {})", str_lit(&scale.citation), str_lit(&scale.rounding));
    }
}

/// Whether any block cites a source (`source:` links), in text, lists, quotes or tables.
fn has_source_links(blocks: &[Block]) -> bool {
    fn inlines(content: &[Inline]) -> bool {
        content.iter().any(|i| match i {
            Inline::Link { target: LinkTarget::Source { .. }, .. } => true,
            Inline::Link { content, .. }
            | Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content } => inlines(content),
            _ => false,
        })
    }
    blocks.iter().any(|b| match b {
        Block::Paragraph { content, .. } | Block::Heading { content, .. } => inlines(content),
        Block::BlockQuote { blocks, .. } => has_source_links(blocks),
        Block::List { items, .. } => items.iter().any(|i| has_source_links(&i.blocks)),
        Block::Table { table, .. } => {
            table.header.iter().chain(table.rows.iter().flatten()).any(|c| inlines(&c.content))
        }
        Block::Risk { risk, .. } => !risk.sources.is_empty(),
        _ => false,
    })
}

/// The primary language subtag of the outer element's `lang` attribute (the sanitiser keeps
/// only valid tags), as typst takes it: two or three lowercase letters.
fn outer_lang(sanitized: &str) -> Option<String> {
    let open = sanitized.trim_start();
    let tag_end = open.find('>')?;
    let tag = &open[..tag_end];
    let at = tag.find(" lang=\"")? + " lang=\"".len();
    let value = &tag[at..at + tag[at..].find('"')?];
    let primary = value.split('-').next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(primary)
}

/// An icon array as a typst dictionary.
fn icons_lit(icons: &IconArrayView) -> String {
    format!(
        "(filled: {}, total: {}, description: {})",
        icons.filled,
        icons.total,
        str_lit(&icons.description)
    )
}

/// Heading ids usable as typst labels (safe to write and used once), top-level and nested
/// in quotes and lists.
fn heading_labels(blocks: &[Block]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut repeated = BTreeSet::new();
    let mut stack: Vec<&Block> = blocks.iter().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Heading { id: Some(id), .. }
                if is_label_safe(id) && !found.insert(id.clone()) =>
            {
                repeated.insert(id.clone());
            }
            Block::BlockQuote { blocks, .. } => stack.extend(blocks),
            Block::List { items, .. } => stack.extend(items.iter().flat_map(|i| &i.blocks)),
            _ => {}
        }
    }
    found.retain(|id| !repeated.contains(id));
    found
}

/// Whether `id` can be written as a typst label `<id>` verbatim.
fn is_label_safe(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        && !id.ends_with(['.', ':'])
}

/// A code-block language name typst can use for highlighting.
fn is_plain_word(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 32
        && text.chars().all(|c| c.is_ascii_alphanumeric() || "+-_.#".contains(c))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_block_in_another_language_keeps_it() {
        assert_eq!(super::outer_lang("<div lang=\"fr-BE\">Bonjour</div>").as_deref(), Some("fr"));
        assert_eq!(super::outer_lang("<p>no</p>"), None);
        assert_eq!(super::outer_lang("<div lang=\"x1\">"), None);
        assert_eq!(super::outer_lang("<div title=\"a\"><span lang=\"de\">x</span></div>"), None);
    }
}
