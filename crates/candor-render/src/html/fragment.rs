//! The embeddable risk fragment: a document's risk overview, coverage statement, cards and the
//! note on reading the figures, as one `<section>` with its own scoped styles, for a provider
//! to place in its product's interface (`candor export --risk-html`).

use candor_model::Document;

use super::escape::{escape, escape_into};
use super::risk::{CardWords, write_card, write_coverage, write_overview, write_scale};
use super::{Ids, RIGHT_TO_LEFT};
use crate::labels::Labels;
use crate::risk_card::{CardWriter, collect_risks};
use crate::risk_text::{Language, fill};

/// The styles of the fragment; every selector starts with `.candor-risks`.
const FRAGMENT_STYLE: &str = include_str!("../../../../templates/companion/html/risk-fragment.css");

/// The risks of `doc` as a self-contained HTML fragment: no script, nothing loaded, styles
/// scoped to the fragment, ids prefixed `candor-`. Headings start at `h2`, for a host page
/// with its own `h1`. Deterministic, like every export.
pub fn write_risk_fragment(doc: &Document) -> String {
    let (_, has_wording) = Language::for_tag(&doc.meta.lang);
    let ui = if has_wording { "" } else { " lang=\"en\"" };
    let cards = CardWriter::new(doc);
    let words = cards.words();
    let labels = Labels::for_language(&doc.meta.lang);
    let card_labels = cards.labels();
    let mut ids = Ids::default();
    let title_id = ids.claim("candor-risks-title");
    let caption_id = ids.claim("candor-risk-overview-caption");
    let scale_id = ids.claim("candor-how-to-read-the-figures");
    let risks = collect_risks(doc);
    let card_ids: Vec<(String, String)> = risks
        .iter()
        .map(|r| {
            let card = ids.claim(&format!("candor-risk-{}", r.id));
            let title = ids.claim(&format!("{card}-title"));
            (card, title)
        })
        .collect();

    let mut out = String::with_capacity(FRAGMENT_STYLE.len() + 16 * 1024);
    let dir = if RIGHT_TO_LEFT.contains(&doc.meta.lang.language()) { " dir=\"rtl\"" } else { "" };
    out.push_str(&format!(
        "<section class=\"candor-risks\" lang=\"{}\"{dir} aria-labelledby=\"{}\">\n<style>\n",
        escape(doc.meta.lang.as_str()),
        escape(&title_id)
    ));
    out.push_str(FRAGMENT_STYLE);
    out.push_str("</style>\n");
    let title = match doc.meta.model.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        Some(model) => fill(words.fragment_title, &[("model", model)]),
        None => words.fragment_title_plain.to_owned(),
    };
    out.push_str(&format!("<h2 id=\"{}\"{ui}>", escape(&title_id)));
    escape_into(&mut out, &title);
    out.push_str("</h2>\n");
    if !doc.meta.title.trim().is_empty() {
        let from = match doc.meta.date {
            Some(date) => fill(
                words.fragment_from_dated,
                &[("title", doc.meta.title.trim()), ("date", &labels.date(date))],
            ),
            None => fill(words.fragment_from, &[("title", doc.meta.title.trim())]),
        };
        out.push_str(&format!("<p class=\"candor-from\"{ui}>"));
        escape_into(&mut out, &from);
        out.push_str("</p>\n");
    }

    let rendered: Vec<_> = risks.iter().map(|r| cards.card(r)).collect();
    let words_around =
        CardWords { labels: &card_labels, not_stated: labels.not_stated, ui, scale_ref: None };
    if rendered.is_empty() {
        out.push_str(&format!("<p{ui}>"));
        escape_into(&mut out, words.no_risks);
        out.push_str("</p>\n");
    } else {
        let rows: Vec<(String, _)> = card_ids
            .iter()
            .zip(&rendered)
            .map(|((card, _), rendered)| (format!("#{card}"), rendered.clone()))
            .collect();
        let caption = words.fragment_overview;
        write_overview(&rows, &words_around, &caption_id, caption, &mut out);
    }
    write_coverage(&cards.coverage(), ui, &mut out);

    let card_words = CardWords {
        scale_ref: Some(super::risk::scale_ref(words, &format!("#{scale_id}"))),
        ..words_around
    };
    for (card, (card_id, title_id)) in rendered.iter().zip(&card_ids) {
        let sources: Vec<String> = card.sources.iter().map(|s| escape(&s.citation)).collect();
        write_card(card, card_id, title_id, 3, &sources, &card_words, &mut out);
    }
    if !rendered.is_empty() {
        let scale = cards.scale();
        out.push_str(&format!(
            "<section class=\"about-figures\" aria-labelledby=\"{0}\">\n<h3 id=\"{0}\"{ui}>",
            escape(&scale_id)
        ));
        escape_into(&mut out, &scale.title);
        out.push_str("</h3>\n");
        write_scale(&scale, ui, &mut out);
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
    out
}
