//! Risk cards, the risk overview table and icon arrays.

use candor_model::{Estimate, Likelihood, RiskEntry, SeverityLevel};

use super::escape::{escape, escape_into};
use super::{RiskIds, Writer};
use crate::labels::Labels;
use crate::risk_text::{capitalise, fill};

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
        let (l, page) = (self.labels, self.page);
        let ui = self.ui_lang;
        // A card sits one level below the section it is in, whatever came before it.
        let level = (self.section_level + 1).min(6);
        self.last_level = level;

        out.push_str(&format!(
            "<section class=\"risk-card\" id=\"{}\" aria-labelledby=\"{}\">\n",
            escape(&card_id),
            escape(&title_id)
        ));
        let category = risk.category.info();
        out.push_str(&format!(
            "<p class=\"risk-area\"{ui}>{}: {}</p>\n",
            escape(l.category),
            escape(category.name)
        ));
        out.push_str(&format!("<h{level} class=\"risk-title\" id=\"{}\">", escape(&title_id)));
        let title = risk.title.trim();
        if title.is_empty() {
            out.push_str(&format!("<span{ui}>{}</span>", escape(page.untitled_risk)));
        } else {
            escape_into(out, &risk.title);
        }
        out.push_str(&format!("</h{level}>\n<dl class=\"risk-facts\">\n"));

        self.fact(l.what_could_happen, out, |w, out| {
            w.paragraphs(risk.what_could_happen.as_deref(), out)
        });
        self.fact(l.how_likely, out, |w, out| w.likelihood(risk.likelihood.as_ref(), out));
        self.fact(l.how_serious, out, |w, out| w.severity(risk.severity, out));
        self.fact(l.who_is_affected, out, |w, out| {
            w.paragraphs(risk.who_is_affected.as_deref(), out)
        });
        self.fact(l.what_was_done, out, |w, out| w.mitigations(risk, out));
        self.fact(l.what_you_can_do, out, |w, out| {
            w.paragraphs(risk.what_you_can_do.as_deref(), out)
        });
        self.fact(l.sources, out, |w, out| w.card_sources(risk, out));
        out.push_str("</dl>\n</section>\n");
    }

    fn fact(&mut self, label: &str, out: &mut String, body: impl FnOnce(&mut Self, &mut String)) {
        out.push_str(&format!("<div>\n<dt{}>{}</dt>\n<dd>\n", self.ui_lang, escape(label)));
        body(self, out);
        out.push_str("</dd>\n</div>\n");
    }

    fn not_stated(&self, out: &mut String) {
        out.push_str(&format!(
            "<p{}>{}</p>\n",
            self.ui_lang,
            escape(&capitalise(self.labels.not_stated))
        ));
    }

    /// Plain text from a risk block: blank lines separate paragraphs.
    fn paragraphs(&self, text: Option<&str>, out: &mut String) {
        let paragraphs = text.map(split_paragraphs).unwrap_or_default();
        if paragraphs.is_empty() {
            return self.not_stated(out);
        }
        for paragraph in paragraphs {
            out.push_str("<p>");
            escape_into(out, &paragraph);
            out.push_str("</p>\n");
        }
    }

    fn likelihood(&self, likelihood: Option<&Likelihood>, out: &mut String) {
        let Some(likelihood) = likelihood else {
            return self.not_stated(out);
        };
        let ui = self.ui_lang;
        let text = self.words.likelihood(likelihood);
        let numeric = matches!(likelihood.estimate, Estimate::Probability(_));
        // The first line: the word, then the frequency (or, for a word alone, its range).
        let detail = text.frequency.as_ref().or(if numeric { None } else { text.range.as_ref() });
        out.push_str(&format!(
            "<p class=\"likelihood\"{ui}><strong>{}</strong>",
            escape(&capitalise(&text.word))
        ));
        if let Some(detail) = detail {
            out.push_str(": ");
            escape_into(out, detail);
        }
        out.push_str(".</p>\n");
        if let (Some(_), Some(range)) = (&text.frequency, &text.range) {
            out.push_str(&format!(
                "<p{ui}>{}</p>\n",
                escape(&fill(self.page.range, &[("range", range)]))
            ));
        }
        if let Some((filled, total)) = text.icon_array {
            icon_array(filled, total, &self.words.icon_array(filled, total), ui, out);
        }
        if let Some(basis) = &text.basis {
            out.push_str(&format!("<p class=\"basis\"{ui}>"));
            escape_into(out, basis);
            out.push_str("</p>\n");
        }
    }

    fn severity(&self, severity: Option<SeverityLevel>, out: &mut String) {
        let Some(severity) = severity else {
            return self.not_stated(out);
        };
        let position = SeverityLevel::ALL.iter().position(|s| *s == severity).unwrap_or(0) + 1;
        let words = &self.labels.severity_words;
        let scale = fill(
            self.page.severity_scale,
            &[
                ("n", &position.to_string()),
                ("count", &words.len().to_string()),
                ("words", &words.join(", ")),
            ],
        );
        // The boxes repeat the words for the eye; the words carry the meaning.
        let boxes: String = (1..=SeverityLevel::ALL.len())
            .map(|i| if i <= position { "<span class=\"on\"></span>" } else { "<span></span>" })
            .collect();
        out.push_str(&format!(
            "<p class=\"severity\"{}><span class=\"severity-scale\" aria-hidden=\"true\">{boxes}</span><strong>{}</strong>: {}.</p>\n",
            self.ui_lang,
            escape(&capitalise(severity_word(self.labels, severity))),
            escape(&scale)
        ));
    }

    fn mitigations(&self, risk: &RiskEntry, out: &mut String) {
        if risk.mitigations.is_empty() {
            return self.not_stated(out);
        }
        let per = risk.likelihood.as_ref().and_then(|l| l.per.as_deref());
        out.push_str("<ul class=\"mitigations\">\n");
        for mitigation in &risk.mitigations {
            out.push_str(&format!(
                "<li>\n<p class=\"mitigation-kind\"{}>{}</p>\n",
                self.ui_lang,
                escape(mitigation.kind.info().name)
            ));
            for paragraph in split_paragraphs(&mitigation.what_we_did) {
                out.push_str("<p>");
                escape_into(out, &paragraph);
                out.push_str("</p>\n");
            }
            if let Some(effect) = &mitigation.effect {
                let text = self.words.effect(effect, per);
                out.push_str(&format!("<p class=\"effect\"{}>", self.ui_lang));
                escape_into(out, &text.sentence);
                out.push_str("</p>\n");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }

    fn card_sources(&mut self, risk: &RiskEntry, out: &mut String) {
        if risk.sources.is_empty() {
            return self.not_stated(out);
        }
        out.push_str("<ul class=\"card-sources\">\n");
        for link in &risk.sources {
            let (_, id) = self.cite(link);
            out.push_str(&format!(
                "<li><a href=\"#{}\">{}</a></li>\n",
                escape(&id),
                self.source_name(link)
            ));
        }
        out.push_str("</ul>\n");
    }

    /// A table of every risk in the document, each linked to its card.
    pub(super) fn risk_overview(&mut self, out: &mut String) {
        let (l, page) = (self.labels, self.page);
        let ui = self.ui_lang;
        if self.risks.is_empty() {
            out.push_str(&format!("<p{ui}>{}</p>\n", escape(page.overview_empty)));
            return;
        }
        let caption = self.ids.claim("risk-overview-caption");
        out.push_str(&format!(
            "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{0}\" tabindex=\"0\">\n<table class=\"risk-overview\">\n<caption id=\"{0}\"{ui}>{1}</caption>\n",
            escape(&caption),
            escape(page.overview_caption)
        ));
        out.push_str(&format!("<thead>\n<tr{ui}>"));
        for head in [l.risk, l.category, l.likelihood, l.severity] {
            out.push_str(&format!("<th scope=\"col\">{}</th>", escape(head)));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        for (risk, ids) in &self.risks {
            out.push_str(&format!("<tr><th scope=\"row\"><a href=\"#{}\">", escape(&ids.card)));
            if risk.title.trim().is_empty() {
                out.push_str(&format!("<span{ui}>{}</span>", escape(page.untitled_risk)));
            } else {
                escape_into(out, &risk.title);
            }
            out.push_str(&format!("</a></th><td{ui}>{}</td>", escape(risk.category.info().name)));
            let likelihood = match &risk.likelihood {
                Some(likelihood) => {
                    let text = self.words.likelihood(likelihood);
                    let mut cell = capitalise(&text.word);
                    let numeric = matches!(likelihood.estimate, Estimate::Probability(_));
                    let detail = text.frequency.filter(|_| numeric).or(text.range);
                    if let Some(detail) = detail {
                        cell.push_str(": ");
                        cell.push_str(&detail);
                    }
                    cell
                }
                None => capitalise(l.not_stated),
            };
            let severity = capitalise(risk.severity.map_or(l.not_stated, |s| severity_word(l, s)));
            out.push_str(&format!(
                "<td{ui}>{}</td><td{ui}>{}</td></tr>\n",
                escape(&likelihood),
                escape(&severity)
            ));
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
    }
}

fn severity_word(labels: &Labels, severity: SeverityLevel) -> &'static str {
    let index = SeverityLevel::ALL.iter().position(|s| *s == severity).unwrap_or(0);
    labels.severity_words.get(index).copied().unwrap_or_default()
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

/// Side of one icon's cell and of the square drawn in it, in SVG units.
const CELL: u32 = 10;
const SQUARE: u32 = 8;

/// An icon array: `filled` solid squares, then `total - filled` outlined ones, row by row.
/// Solid against outlined, so the difference never rests on colour alone; `sentence` is both
/// the SVG's text alternative and the visible caption.
pub(super) fn icon_array(filled: u32, total: u32, sentence: &str, ui: &str, out: &mut String) {
    let filled = filled.min(total);
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
            on_outline(&mut off, x, y);
        }
    }
    let class = if total > 100 { "icon-array fine" } else { "icon-array" };
    out.push_str(&format!(
        "<div class=\"{class}\">\n<svg role=\"img\" aria-label=\"{}\"{ui} viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(sentence)
    ));
    if !on.is_empty() {
        out.push_str(&format!("<path class=\"on\" d=\"{on}\"/>"));
    }
    if !off.is_empty() {
        out.push_str(&format!("<path class=\"off\" d=\"{off}\"/>"));
    }
    out.push_str(&format!("</svg>\n<p{ui}>{}.</p>\n</div>\n", escape(sentence)));
}

fn on_outline(d: &mut String, x: u32, y: u32) {
    let inset = 0.75;
    let side = f64::from(SQUARE) - 2.0 * inset;
    d.push_str(&format!(
        "M{} {}h{side}v{side}h-{side}z",
        f64::from(x) + inset,
        f64::from(y) + inset
    ));
}
