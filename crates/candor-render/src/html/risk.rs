//! Risk cards, the risk overview table, the coverage statement and icon arrays, from the
//! worded cards of `crate::risk_card`.

use candor_model::RiskEntry;

use super::escape::{escape, escape_into};
use super::{RiskIds, Writer};
use crate::risk_card::{CardLabels, Coverage, IconArrayView, LikelihoodKind, RiskCard, ScaleView};
use crate::risk_text::{Wording, capitalise};

/// The words around every card: field labels, "not stated", and the `lang` attribute for
/// Candor's own words when the document's language has no wording.
pub(super) struct CardWords<'w> {
    pub labels: &'w CardLabels,
    pub not_stated: &'w str,
    pub ui: &'w str,
    /// "Likelihood words follow the <a>IPCC likelihood scale</a>.", escaped HTML.
    pub scale_ref: Option<String>,
}

impl<'a> Writer<'a> {
    fn risk_ids(&mut self, risk: &RiskEntry) -> (String, String) {
        if let Some((_, ids)) = self.risks.iter().find(|(r, _)| std::ptr::eq(*r, risk)) {
            return (ids.card.clone(), ids.title.clone());
        }
        // Not seen by the first pass (cannot happen for blocks of the document); give it ids.
        let ids = RiskIds::claim(&mut self.ids, risk);
        (ids.card, ids.title)
    }

    pub(super) fn risk_card(&mut self, risk: &'a RiskEntry, out: &mut String) {
        let (card_id, title_id) = self.risk_ids(risk);
        let card = self.cards.card(risk);
        // A card sits one level below the section it is in, whatever came before it.
        let level = (self.section_level + 1).min(6);
        self.last_level = level;
        self.any_card = true;
        let sources: Vec<String> = risk
            .sources
            .iter()
            .map(|link| {
                let (_, id) = self.cite(link);
                format!("<a href=\"#{}\">{}</a>", escape(&id), self.source_name(link))
            })
            .collect();
        let words = CardWords {
            labels: &self.card_labels,
            not_stated: self.labels.not_stated,
            ui: self.ui_lang,
            scale_ref: self
                .scale_id
                .as_deref()
                .map(|id| scale_ref(self.cards.words(), &format!("#{id}"))),
        };
        write_card(&card, &card_id, &title_id, level, &sources, &words, out);
    }

    /// A table of every risk in the document, each linked to its card, then the coverage
    /// statement.
    pub(super) fn risk_overview(&mut self, out: &mut String) {
        let (page, ui) = (self.page, self.ui_lang);
        if self.risks.is_empty() {
            out.push_str(&format!("<p{ui}>{}</p>\n", escape(self.cards.words().no_risks)));
        } else {
            let caption = self.ids.claim("risk-overview-caption");
            let rows: Vec<(String, RiskCard)> = self
                .risks
                .iter()
                .map(|(risk, ids)| (format!("#{}", ids.card), self.cards.card(risk)))
                .collect();
            let words = CardWords {
                labels: &self.card_labels,
                not_stated: self.labels.not_stated,
                ui,
                scale_ref: None,
            };
            write_overview(&rows, &words, &caption, page.overview_caption, out);
        }
        self.risk_coverage(out);
    }

    pub(super) fn risk_coverage(&mut self, out: &mut String) {
        write_coverage(&self.cards.coverage(), self.ui_lang, out);
    }

    /// The note after the text that says what the likelihood words mean and how figures are
    /// rounded; only when there are risk cards.
    pub(super) fn about_figures(&mut self, out: &mut String) {
        if !self.any_card {
            return;
        }
        let Some(id) = self.scale_id.clone() else { return };
        let scale = self.cards.scale();
        out.push_str(&format!(
            "<section class=\"about-figures\" aria-labelledby=\"{0}\">\n<h2 id=\"{0}\"{1}>{2}</h2>\n",
            escape(&id),
            self.ui_lang,
            escape(&scale.title)
        ));
        write_scale(&scale, self.ui_lang, out);
        out.push_str("</section>\n");
    }
}

/// One card. `sources` are the links to the card's sources, already escaped.
pub(super) fn write_card(
    card: &RiskCard,
    card_id: &str,
    title_id: &str,
    level: u8,
    sources: &[String],
    words: &CardWords<'_>,
    out: &mut String,
) {
    let (ui, l, missing) = (words.ui, words.labels, words.not_stated);
    out.push_str(&format!(
        "<section class=\"risk-card\" id=\"{}\" aria-labelledby=\"{}\">\n",
        escape(card_id),
        escape(title_id)
    ));
    out.push_str(&format!(
        "<p class=\"risk-area\"{ui}>{}: {}</p>\n",
        escape(&l.category),
        escape(&card.category.name)
    ));
    out.push_str(&format!("<h{level} class=\"risk-title\" id=\"{}\">", escape(title_id)));
    escape_into(out, &card.title);
    out.push_str(&format!("</h{level}>\n<dl class=\"risk-facts\">\n"));
    fact(&l.what_could_happen, ui, out, |out| {
        paragraphs(card.what_could_happen.as_deref(), missing, ui, out)
    });
    fact(&l.how_likely, ui, out, |out| likelihood(card, words, out));
    fact(&l.how_serious, ui, out, |out| match &card.severity {
        Some(severity) => {
            // The boxes repeat the words for the eye; the words carry the meaning.
            let boxes: String = (1..=severity.levels)
                .map(|i| {
                    if i <= severity.level { "<span class=\"on\"></span>" } else { "<span></span>" }
                })
                .collect();
            out.push_str(&format!(
                "<p class=\"severity\"{ui}><span class=\"severity-scale\" aria-hidden=\"true\">{boxes}</span>{}</p>\n",
                strong_lead(&severity.sentence)
            ));
        }
        None => not_stated(missing, ui, out),
    });
    fact(&l.who_is_affected, ui, out, |out| {
        paragraphs(card.who_is_affected.as_deref(), missing, ui, out)
    });
    fact(&l.what_was_done, ui, out, |out| mitigations(card, l, ui, out));
    fact(&l.what_you_can_do, ui, out, |out| {
        paragraphs(card.what_you_can_do.as_deref(), missing, ui, out)
    });
    if !sources.is_empty() {
        fact(&l.sources, ui, out, |out| {
            out.push_str("<ul class=\"card-sources\">\n");
            for source in sources {
                out.push_str(&format!("<li>{source}</li>\n"));
            }
            out.push_str("</ul>\n");
        });
    }
    out.push_str("</dl>\n</section>\n");
}

/// "High: level 3 of 4 …" with the part before the first colon in bold.
fn strong_lead(sentence: &str) -> String {
    match sentence.split_once(':') {
        Some((lead, rest)) => {
            // French puts a no-break space before the colon; it stays outside the bold.
            let trimmed = lead.trim_end_matches('\u{a0}');
            let space = &lead[trimmed.len()..];
            format!("<strong>{}</strong>{space}:{}", escape(trimmed), escape(rest))
        }
        None => escape(sentence),
    }
}

fn fact(label: &str, ui: &str, out: &mut String, body: impl FnOnce(&mut String)) {
    out.push_str(&format!("<div>\n<dt{ui}>{}</dt>\n<dd>\n", escape(label)));
    body(out);
    out.push_str("</dd>\n</div>\n");
}

fn not_stated(text: &str, ui: &str, out: &mut String) {
    out.push_str(&format!("<p class=\"not-stated\"{ui}>{}</p>\n", escape(&capitalise(text))));
}

/// Plain text from a risk block: blank lines separate paragraphs.
fn paragraphs(text: Option<&str>, missing: &str, ui: &str, out: &mut String) {
    let paragraphs = text.map(split_paragraphs).unwrap_or_default();
    if paragraphs.is_empty() {
        return not_stated(missing, ui, out);
    }
    for paragraph in paragraphs {
        out.push_str("<p>");
        escape_into(out, &paragraph);
        out.push_str("</p>\n");
    }
}

fn likelihood(card: &RiskCard, words: &CardWords<'_>, out: &mut String) {
    let (l, ui) = (&card.likelihood, words.ui);
    let class = match l.kind {
        LikelihoodKind::NotPublished => "likelihood not-stated",
        _ => "likelihood",
    };
    let summary = match l.kind {
        LikelihoodKind::NotPublished => escape(&l.summary),
        LikelihoodKind::Word => {
            let word = l.summary.trim_end_matches('.');
            format!("<strong>{}</strong>{}", escape(word), escape(&l.summary[word.len()..]))
        }
        LikelihoodKind::Numeric => strong_lead(&l.summary),
    };
    out.push_str(&format!("<p class=\"{class}\"{ui}>{summary}</p>\n"));
    if let Some(range) = &l.range {
        out.push_str(&format!("<p{ui}>{}</p>\n", escape(&range.sentence)));
    }
    if let Some(note) = &l.note {
        out.push_str(&format!("<p{ui}>{}</p>\n", escape(note)));
    }
    if let Some(icons) = &l.icons {
        out.push_str("<div class=\"icon-array\">\n");
        icon_svg(icons, ui, out);
        out.push_str(&format!("<p{ui}>{}.</p>\n</div>\n", escape(&icons.description)));
    }
    if let Some(basis) = &l.basis {
        out.push_str(&format!("<p class=\"basis\"{ui}>"));
        escape_into(out, basis);
        out.push_str("</p>\n");
    }
    if let (Some(scale_ref), false) = (&words.scale_ref, l.kind == LikelihoodKind::NotPublished) {
        out.push_str(&format!("<p class=\"scale-ref\"{ui}>{scale_ref}</p>\n"));
    }
}

/// "Likelihood words follow the <a href=…>IPCC likelihood scale</a>.", escaped.
pub(super) fn scale_ref(words: &Wording, href: &str) -> String {
    let link = format!("<a href=\"{}\">{}</a>", escape(href), escape(words.scale_name));
    let template = escape(words.scale_ref);
    template.replace("{scale}", &link)
}

fn mitigations(card: &RiskCard, labels: &CardLabels, ui: &str, out: &mut String) {
    if card.mitigations.is_empty() {
        return not_stated(&card.no_mitigation, ui, out);
    }
    out.push_str("<ul class=\"mitigations\">\n");
    for mitigation in &card.mitigations {
        out.push_str(&format!(
            "<li>\n<p class=\"mitigation-kind\"{ui}>{}</p>\n",
            escape(&mitigation.kind.name)
        ));
        for paragraph in split_paragraphs(&mitigation.what_we_did) {
            out.push_str("<p>");
            escape_into(out, &paragraph);
            out.push_str("</p>\n");
        }
        if let Some(effect) = &mitigation.effect {
            out.push_str(&format!("<p class=\"effect\"{ui}>"));
            escape_into(out, &effect.sentence);
            out.push_str("</p>\n");
            if let Some(icons) = &effect.icons {
                // The sentence above says it all; the pair shows it, with its own text
                // alternative for those who meet the figure first.
                out.push_str(&format!(
                    "<div class=\"icon-pair\" role=\"group\" aria-label=\"{}\"{ui}>\n",
                    escape(&icons.description)
                ));
                for (label, array) in
                    [(&labels.before, &icons.before), (&labels.after, &icons.after)]
                {
                    let fine = if array.total > 100 { " fine" } else { "" };
                    out.push_str(&format!(
                        "<figure class=\"icon-array{fine}\">\n<figcaption{ui}>{}</figcaption>\n",
                        escape(label)
                    ));
                    icon_svg(array, ui, out);
                    out.push_str("</figure>\n");
                }
                out.push_str("</div>\n");
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// The overview table. `rows` are (link to the card, card).
pub(super) fn write_overview(
    rows: &[(String, RiskCard)],
    words: &CardWords<'_>,
    caption_id: &str,
    caption: &str,
    out: &mut String,
) {
    let (ui, l) = (words.ui, words.labels);
    let head = [&l.risk, &l.category, &l.likelihood, &l.severity, &l.mitigations];
    out.push_str(&format!(
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{0}\" tabindex=\"0\">\n<table class=\"risk-overview\">\n<caption id=\"{0}\"{ui}>{1}</caption>\n",
        escape(caption_id),
        escape(caption)
    ));
    out.push_str(&format!("<thead>\n<tr{ui}>"));
    for head in head {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(head)));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for (href, card) in rows {
        out.push_str(&format!("<tr><th scope=\"row\"><a href=\"{}\">", escape(href)));
        escape_into(out, &card.title);
        out.push_str(&format!("</a></th><td{ui}>{}</td>", escape(&card.category.name)));
        let severity =
            card.severity.as_ref().map_or(capitalise(words.not_stated), |s| s.text.clone());
        let kinds: Vec<&str> = card.mitigations.iter().map(|m| m.kind.name.as_str()).collect();
        let kinds = if kinds.is_empty() { capitalise(words.not_stated) } else { kinds.join("; ") };
        out.push_str(&format!(
            "<td{ui}>{}</td><td{ui}>{}</td><td{ui}>{}</td></tr>\n",
            escape(&card.likelihood.short),
            escape(&severity),
            escape(&kinds)
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

pub(super) fn write_coverage(coverage: &Coverage, ui: &str, out: &mut String) {
    out.push_str(&format!("<div class=\"coverage\"{ui}>\n<p>"));
    escape_into(out, &coverage.summary);
    out.push_str("</p>\n<p>");
    escape_into(out, &coverage.not_covered_intro);
    out.push_str("</p>\n");
    if !coverage.not_covered.is_empty() {
        out.push_str("<ul class=\"not-covered\">\n");
        for item in &coverage.not_covered {
            out.push_str("<li>");
            escape_into(out, &item.name);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<p class=\"coverage-source\">");
    escape_into(out, &coverage.source);
    out.push_str("</p>\n</div>\n");
}

pub(super) fn write_scale(scale: &ScaleView, ui: &str, out: &mut String) {
    out.push_str(&format!("<p{ui}>"));
    escape_into(out, &scale.explanation);
    out.push_str("</p>\n<ul class=\"scale-words\">\n");
    for word in &scale.words {
        out.push_str(&format!(
            "<li{ui}>{}</li>\n",
            strong_lead(&format!("{}{}{}", capitalise(&word.text), scale.colon, word.range)),
        ));
    }
    out.push_str(&format!("</ul>\n<p class=\"scale-citation\"{ui}>"));
    escape_into(out, &scale.citation);
    out.push_str(&format!("</p>\n<p{ui}>"));
    escape_into(out, &scale.rounding);
    out.push_str("</p>\n");
}

/// Paragraphs of plain text: blank lines separate them, single line breaks join.
fn split_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// An icon array as a standalone SVG image (the one HTML pages and the app show).
pub fn icon_array_svg(icons: &IconArrayView) -> String {
    let mut out = String::new();
    icon_svg(icons, "", &mut out);
    // Standalone, the classes have no stylesheet: give the paths their colours inline.
    out.replace("<path class=\"on\"", &format!("<path class=\"on\" fill=\"{ICON_ON}\"")).replace(
        "<path class=\"off\"",
        &format!("<path class=\"off\" fill=\"none\" stroke=\"{ICON_OFF}\" stroke-width=\"1.5\""),
    )
}

/// The light-theme icon colours of `style.css` (`--icon-on`, `--icon-off`).
const ICON_ON: &str = "#1d5e8c";
const ICON_OFF: &str = "#6f7782";

/// Side of one icon's cell and of the square drawn in it, in SVG units.
const CELL: u32 = 10;
const SQUARE: u32 = 8;

/// An icon array as SVG: `filled` solid squares, then outlined ones, row by row. Solid
/// against outlined, so the difference never rests on colour alone; the description is the
/// SVG's text alternative.
pub(crate) fn icon_svg(icons: &IconArrayView, ui: &str, out: &mut String) {
    let (total, filled) = (icons.total, icons.filled.min(icons.total));
    let columns = if total <= 100 { 10 } else { 50 };
    let rows = total.div_ceil(columns).max(1);
    let (width, height) = (columns * CELL - (CELL - SQUARE), rows * CELL - (CELL - SQUARE));
    let mut on = String::new();
    let mut off = String::new();
    for i in 0..total {
        let (x, y) = ((i % columns) * CELL, (i / columns) * CELL);
        if i < filled {
            on.push_str(&format!("M{x} {y}h{SQUARE}v{SQUARE}h-{SQUARE}z"));
        } else {
            // The stroke (1.5 wide) is centred on the path: inset it to keep the same size.
            outline(&mut off, x, y);
        }
    }
    let class = if total > 100 { " class=\"fine\"" } else { "" };
    out.push_str(&format!(
        "<svg{class} role=\"img\" aria-label=\"{}\"{ui} viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(&icons.description)
    ));
    if !on.is_empty() {
        out.push_str(&format!("<path class=\"on\" d=\"{on}\"/>"));
    }
    if !off.is_empty() {
        out.push_str(&format!("<path class=\"off\" d=\"{off}\"/>"));
    }
    out.push_str("</svg>\n");
}

fn outline(d: &mut String, x: u32, y: u32) {
    let inset = 0.75;
    let side = f64::from(SQUARE) - 2.0 * inset;
    d.push_str(&format!(
        "M{} {}h{side}v{side}h-{side}z",
        f64::from(x) + inset,
        f64::from(y) + inset
    ));
}
