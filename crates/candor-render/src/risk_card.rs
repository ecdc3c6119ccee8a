//! Risk cards as readers see them: every figure, word and label of a document's risks,
//! worded in its language, decided once and shared by the PDF, the HTML page, the
//! embeddable fragment and the risk JSON — so all four always say the same thing.

use std::collections::BTreeSet;

use candor_model::{
    Block, CalibratedWord, Document, Estimate, Likelihood, RiskEntry, SeverityLevel, SourceLink,
};
use serde::Serialize;

use crate::labels::Labels;
use crate::risk_text::{
    Language, MAX_ICONS, Wording, capitalise, comparison_denominator,
    comparison_denominator_at_least, fill,
};

/// Identifies the JSON format; bump it with the schema (`schemas/risk-cards.schema.json`).
pub const RISK_JSON_FORMAT: &str = "candor-risk-cards/1";

/// Every risk of a document, worded for readers: the content of the risk JSON.
#[derive(Debug, Clone, Serialize)]
pub struct RiskReport {
    pub format: &'static str,
    pub document: ReportDocument,
    /// The denominator the document's figures share ("in 100").
    pub out_of: u64,
    pub scale: ScaleView,
    pub labels: CardLabels,
    pub risks: Vec<RiskCard>,
    pub coverage: Coverage,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportDocument {
    pub title: String,
    pub lang: String,
    pub model: Option<String>,
    pub provider: Option<String>,
    pub version: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// The calibrated likelihood scale the cards' words come from, with its citation.
#[derive(Debug, Clone, Serialize)]
pub struct ScaleView {
    pub name: String,
    pub citation: String,
    pub words: Vec<ScaleWord>,
    /// The sentences of the "how to read the figures" note.
    pub explanation: String,
    pub rounding: String,
    pub title: String,
    /// ": " in the document's language.
    pub colon: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScaleWord {
    pub id: &'static str,
    pub text: String,
    /// "more than 99 in 100".
    pub range: String,
    pub low: f64,
    pub high: f64,
}

/// The field labels of a card, in the document's language.
#[derive(Debug, Clone, Serialize)]
pub struct CardLabels {
    pub category: String,
    pub what_could_happen: String,
    pub how_likely: String,
    pub how_serious: String,
    pub who_is_affected: String,
    pub what_was_done: String,
    pub what_you_can_do: String,
    pub sources: String,
    pub before: String,
    pub after: String,
    pub risk: String,
    pub likelihood: String,
    pub severity: String,
    pub mitigations: String,
}

/// One risk card.
#[derive(Debug, Clone, Serialize)]
pub struct RiskCard {
    pub id: String,
    pub category: CategoryView,
    pub title: String,
    pub what_could_happen: Option<String>,
    pub who_is_affected: Option<String>,
    pub likelihood: LikelihoodView,
    pub severity: Option<SeverityView>,
    pub mitigations: Vec<MitigationView>,
    /// Shown when `mitigations` is empty.
    pub no_mitigation: String,
    pub what_you_can_do: Option<String>,
    pub sources: Vec<SourceView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryView {
    pub id: String,
    pub name: String,
    pub about: String,
    /// Which list the category comes from (`specified`, `type`, …); `None` when unknown.
    pub group: Option<&'static str>,
    pub specified: bool,
    pub references: Vec<String>,
}

/// What kind of likelihood the provider gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LikelihoodKind {
    /// A probability.
    Numeric,
    /// A word from the calibrated scale, no figure.
    Word,
    /// Nothing.
    NotPublished,
}

#[derive(Debug, Clone, Serialize)]
pub struct LikelihoodView {
    pub kind: LikelihoodKind,
    /// The first line of the card: "Unlikely: about 20 in 100 attempts (about 1 in 5)."
    pub summary: String,
    /// The overview table's cell: "Unlikely: about 20 in 100".
    pub short: String,
    pub word: Option<WordView>,
    pub estimate: Option<f64>,
    pub count: Option<u64>,
    pub out_of: Option<u64>,
    pub range: Option<RangeView>,
    /// For a word alone: what the word means on the scale, and that no figure was given.
    pub note: Option<String>,
    pub per: Option<String>,
    /// "Where the figure comes from: …".
    pub basis: Option<String>,
    pub icons: Option<IconArrayView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WordView {
    pub id: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RangeView {
    pub low: f64,
    pub high: f64,
    pub low_count: u64,
    pub high_count: u64,
    pub out_of: u64,
    /// "Range of the estimate: between about 10 and 30 in 100."
    pub sentence: String,
}

/// An icon array: `filled` of `total` figures highlighted; `description` is its text
/// alternative and visible caption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IconArrayView {
    pub filled: u32,
    pub total: u32,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeverityView {
    pub id: &'static str,
    pub text: String,
    /// 1-based position on the scale.
    pub level: u8,
    pub levels: u8,
    /// "High: level 3 of 4 (low, moderate, high, critical)."
    pub sentence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MitigationView {
    pub kind: KindView,
    pub what_we_did: String,
    pub effect: Option<EffectView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindView {
    pub id: String,
    pub name: String,
    pub about: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EffectView {
    pub before: f64,
    pub after: f64,
    pub measure: String,
    pub out_of: u64,
    pub before_count: u64,
    pub after_count: u64,
    /// `fell`, `rose` or `same`.
    pub direction: &'static str,
    pub sentence: String,
    /// Paired icon arrays (before, after) on one denominator, up to 1,000 figures.
    pub icons: Option<EffectIcons>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EffectIcons {
    pub before: IconArrayView,
    pub after: IconArrayView,
    /// The text alternative of the pair.
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub source: String,
    pub passage: Option<String>,
    /// "Example-1 Model Report, passage sec-7-3."
    pub citation: String,
}

/// Which taxonomy categories the document's risks cover.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub covered: Vec<CoverageItem>,
    pub not_covered: Vec<CoverageItem>,
    /// "This summary covers 2 of 33 risk areas: …".
    pub summary: String,
    /// "It does not cover these 31:" (then the names of `not_covered`), or "It covers all of
    /// them."
    pub not_covered_intro: String,
    /// Where the list of areas comes from.
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverageItem {
    pub id: String,
    pub name: String,
    pub specified: bool,
}

/// Every risk entry of the document, in reading order (also inside quotes, lists and notes).
pub fn collect_risks(doc: &Document) -> Vec<&RiskEntry> {
    let mut found = Vec::new();
    let notes = doc.footnotes.iter().flat_map(|n| n.blocks.iter());
    for top in doc.blocks.iter().chain(notes) {
        let mut stack = vec![top];
        while let Some(block) = stack.pop() {
            match block {
                Block::Risk { risk, .. } => found.push(&**risk),
                Block::BlockQuote { blocks, .. } => stack.extend(blocks.iter().rev()),
                Block::List { items, .. } => {
                    stack.extend(items.iter().rev().flat_map(|i| i.blocks.iter().rev()));
                }
                _ => {}
            }
        }
    }
    found
}

/// Words every card of one document shares.
pub(crate) struct CardWriter<'a> {
    doc: &'a Document,
    words: &'static Wording,
    labels: &'static Labels,
    out_of: u64,
}

impl<'a> CardWriter<'a> {
    pub(crate) fn new(doc: &'a Document) -> Self {
        let (language, _) = Language::for_tag(&doc.meta.lang);
        let figures: Vec<f64> = collect_risks(doc).into_iter().flat_map(figures).collect();
        Self {
            doc,
            words: language.wording(),
            labels: Labels::for_language(&doc.meta.lang),
            out_of: comparison_denominator(figures),
        }
    }

    pub(crate) fn words(&self) -> &'static Wording {
        self.words
    }

    /// The denominator the document's figures share.
    pub(crate) fn out_of(&self) -> u64 {
        self.out_of
    }

    pub(crate) fn card(&self, risk: &RiskEntry) -> RiskCard {
        let (w, lang) = (self.words, &self.doc.meta.lang);
        // All figures of one card share a denominator: the document's, or a finer one when
        // one of them is too rare for it.
        let out_of = comparison_denominator_at_least(&figures(risk), self.out_of);
        let taxonomy = self.doc.taxonomy();
        let category = taxonomy.category(&risk.category);
        let per = risk.likelihood.as_ref().and_then(|l| l.per.as_deref());
        RiskCard {
            id: risk.id.clone(),
            category: CategoryView {
                id: risk.category.id().to_owned(),
                name: taxonomy.category_name(&risk.category, lang).to_owned(),
                about: category.map(|c| c.about(lang).to_owned()).unwrap_or_default(),
                group: category.and_then(|c| c.group).map(|g| g.id()),
                specified: category.is_some_and(|c| c.specified()),
                references: category.map(|c| c.references.clone()).unwrap_or_default(),
            },
            title: if risk.title.trim().is_empty() {
                w.untitled_risk.to_owned()
            } else {
                risk.title.clone()
            },
            what_could_happen: non_empty(risk.what_could_happen.as_deref()),
            who_is_affected: non_empty(risk.who_is_affected.as_deref()),
            likelihood: self.likelihood(risk.likelihood.as_ref(), out_of),
            severity: risk.severity.map(|s| self.severity(s)),
            mitigations: risk
                .mitigations
                .iter()
                .map(|m| MitigationView {
                    kind: KindView {
                        id: m.kind.id().to_owned(),
                        name: taxonomy.mitigation_name(&m.kind, lang).to_owned(),
                        about: taxonomy
                            .mitigation(&m.kind)
                            .map(|k| k.about(lang).to_owned())
                            .unwrap_or_default(),
                    },
                    what_we_did: m.what_we_did.trim().to_owned(),
                    effect: m.effect.as_ref().map(|e| {
                        let text = w.effect(e, per, out_of);
                        let icons = (text.before.out_of <= MAX_ICONS).then(|| {
                            let before = self.icons(text.before.count, text.before.out_of);
                            let after = self.icons(text.after.count, text.after.out_of);
                            let description = fill(
                                w.pair,
                                &[("before", &before.description), ("after", &after.description)],
                            );
                            EffectIcons { before, after, description }
                        });
                        EffectView {
                            before: e.before,
                            after: e.after,
                            measure: e.measure.trim().to_owned(),
                            out_of: text.before.out_of,
                            before_count: text.before.count,
                            after_count: text.after.count,
                            direction: text.direction.id(),
                            sentence: text.sentence,
                            icons,
                        }
                    }),
                })
                .collect(),
            no_mitigation: w.no_mitigation.to_owned(),
            what_you_can_do: non_empty(risk.what_you_can_do.as_deref()),
            sources: risk.sources.iter().map(|s| self.source(s)).collect(),
        }
    }

    fn icons(&self, filled: u64, total: u64) -> IconArrayView {
        // Callers check `total <= MAX_ICONS`.
        let (filled, total) = (filled.min(total) as u32, total as u32);
        IconArrayView { filled, total, description: self.words.icon_array(filled, total) }
    }

    fn likelihood(&self, likelihood: Option<&Likelihood>, out_of: u64) -> LikelihoodView {
        let w = self.words;
        let Some(l) = likelihood else {
            return LikelihoodView {
                kind: LikelihoodKind::NotPublished,
                summary: w.not_published.to_owned(),
                short: capitalise(w.not_stated),
                word: None,
                estimate: None,
                count: None,
                out_of: None,
                range: None,
                note: None,
                per: None,
                basis: None,
                icons: None,
            };
        };
        let text = w.likelihood(l, out_of);
        let numeric = text.natural.is_some();
        let word = match (l.estimate, text.natural) {
            (Estimate::Word(w), _) => Some(w),
            (Estimate::Probability(_), Some(f)) => {
                Some(CalibratedWord::for_probability(f.count as f64 / f.out_of as f64))
            }
            (Estimate::Probability(_), None) => None,
        };
        let kind = match (numeric, word) {
            (true, _) => LikelihoodKind::Numeric,
            (false, Some(_)) => LikelihoodKind::Word,
            (false, None) => LikelihoodKind::NotPublished,
        };
        let (summary, short, note) = match (kind, word) {
            (LikelihoodKind::Numeric, _) => {
                let frequency = text.frequency.clone().unwrap_or_default();
                let mut summary = format!("{}{}{frequency}", capitalise(&text.word), w.colon);
                if let Some(one_in) = &text.one_in {
                    summary.push_str(&format!(" ({one_in})"));
                }
                summary.push('.');
                let short = text.natural.map(|f| w.frequency(f)).unwrap_or_default();
                (summary, format!("{}{}{short}", capitalise(&text.word), w.colon), None)
            }
            (LikelihoodKind::Word, Some(word)) => {
                let range = w.defined_range(word);
                let note = fill(w.word_only, &[("word", w.word(word)), ("range", &range)]);
                (format!("{}.", capitalise(w.word(word))), capitalise(w.word(word)), Some(note))
            }
            _ => (w.not_published.to_owned(), capitalise(w.not_stated), None),
        };
        let range = match (text.range_counts, l.range) {
            (Some((low, high)), Some((lo, hi))) if numeric || kind == LikelihoodKind::Word => {
                Some(RangeView {
                    low: lo.min(hi),
                    high: lo.max(hi),
                    low_count: low.count,
                    high_count: high.count,
                    out_of: low.out_of,
                    sentence: fill(
                        w.range_sentence,
                        &[("range", text.range.as_deref().unwrap_or_default())],
                    ),
                })
            }
            _ => None,
        };
        LikelihoodView {
            kind,
            summary,
            short,
            word: word.map(|word| WordView { id: word.id(), text: w.word(word).to_owned() }),
            estimate: match l.estimate {
                Estimate::Probability(p) if numeric => Some(p),
                _ => None,
            },
            count: text.natural.map(|f| f.count),
            out_of: text.natural.map(|f| f.out_of),
            range,
            note,
            per: non_empty(l.per.as_deref()),
            basis: text.basis.map(|b| sentence(&b)),
            icons: text.icon_array.map(|(filled, total)| self.icons(filled.into(), total.into())),
        }
    }

    fn severity(&self, severity: SeverityLevel) -> SeverityView {
        let words = &self.labels.severity_words;
        let index = SeverityLevel::ALL.iter().position(|s| *s == severity).unwrap_or(0);
        let text = words.get(index).copied().unwrap_or_default();
        let scale = fill(
            self.words.severity_scale,
            &[
                ("n", &(index + 1).to_string()),
                ("count", &words.len().to_string()),
                ("words", &self.words.list(words)),
            ],
        );
        SeverityView {
            id: severity.id(),
            text: capitalise(text),
            level: (index + 1) as u8,
            levels: SeverityLevel::ALL.len() as u8,
            sentence: format!("{}{}{scale}.", capitalise(text), self.words.colon),
        }
    }

    fn source(&self, link: &SourceLink) -> SourceView {
        SourceView {
            source: link.source.clone(),
            passage: link.passage.clone(),
            citation: citation_text(self.doc, self.labels, link),
        }
    }

    /// The scale the likelihood words come from, with what each word means.
    pub(crate) fn scale(&self) -> ScaleView {
        let w = self.words;
        ScaleView {
            name: w.scale_name.to_owned(),
            citation: w.scale_citation.to_owned(),
            words: CalibratedWord::ALL
                .into_iter()
                .map(|word| ScaleWord {
                    id: word.id(),
                    text: w.word(word).to_owned(),
                    range: w.defined_range(word),
                    low: word.range().0,
                    high: word.range().1,
                })
                .collect(),
            explanation: fill(w.about_scale, &[("scale", w.scale_name)]),
            rounding: fill(w.about_rounding, &[("out_of", &w.number(self.out_of))]),
            title: w.about_figures_title.to_owned(),
            colon: w.colon.to_owned(),
        }
    }

    /// Which taxonomy categories the document covers, in the taxonomy's order.
    pub(crate) fn coverage(&self) -> Coverage {
        let lang = &self.doc.meta.lang;
        let covered_ids: BTreeSet<&str> =
            collect_risks(self.doc).into_iter().map(|r| r.category.id()).collect();
        let (mut covered, mut not_covered) = (Vec::new(), Vec::new());
        for category in self.doc.taxonomy().categories() {
            let item = CoverageItem {
                id: category.id.clone(),
                name: category.name(lang).to_owned(),
                specified: category.specified(),
            };
            if covered_ids.contains(category.id.as_str()) {
                covered.push(item);
            } else {
                not_covered.push(item);
            }
        }
        let w = self.words;
        let total = (covered.len() + not_covered.len()).to_string();
        let names = |items: &[CoverageItem]| -> String {
            let names: Vec<&str> = items.iter().map(|i| i.name.as_str()).collect();
            w.list(&names)
        };
        let summary = if covered.is_empty() {
            fill(w.covers_none, &[("total", &total)])
        } else {
            fill(
                w.covers,
                &[
                    ("count", &covered.len().to_string()),
                    ("total", &total),
                    ("list", &names(&covered)),
                ],
            )
        };
        let not_covered_intro = if not_covered.is_empty() {
            w.covers_all.to_owned()
        } else {
            fill(w.does_not_cover, &[("count", &not_covered.len().to_string())])
        };
        Coverage {
            covered,
            not_covered,
            summary,
            not_covered_intro,
            source: w.coverage_source.to_owned(),
        }
    }

    pub(crate) fn labels(&self) -> CardLabels {
        let l = self.labels;
        CardLabels {
            category: l.category.to_owned(),
            what_could_happen: l.what_could_happen.to_owned(),
            how_likely: l.how_likely.to_owned(),
            how_serious: l.how_serious.to_owned(),
            who_is_affected: l.who_is_affected.to_owned(),
            what_was_done: l.what_was_done.to_owned(),
            what_you_can_do: l.what_you_can_do.to_owned(),
            sources: l.sources.to_owned(),
            before: self.words.before.to_owned(),
            after: self.words.after.to_owned(),
            risk: l.risk.to_owned(),
            likelihood: l.likelihood.to_owned(),
            severity: l.severity.to_owned(),
            mitigations: l.mitigations.to_owned(),
        }
    }
}

/// Every risk of `doc`, worded for readers, with the scale and the coverage statement.
pub fn risk_report(doc: &Document) -> RiskReport {
    let writer = CardWriter::new(doc);
    let meta = &doc.meta;
    RiskReport {
        format: RISK_JSON_FORMAT,
        document: ReportDocument {
            title: meta.title.clone(),
            lang: meta.lang.as_str().to_owned(),
            model: meta.model.clone(),
            provider: meta.provider.clone(),
            version: meta.version.clone(),
            date: meta.date.map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
        },
        out_of: writer.out_of(),
        scale: writer.scale(),
        labels: writer.labels(),
        risks: collect_risks(doc).into_iter().map(|r| writer.card(r)).collect(),
        coverage: writer.coverage(),
    }
}

/// Every probability a risk entry gives: estimate, range and mitigation effects.
fn figures(risk: &RiskEntry) -> Vec<f64> {
    let mut out = Vec::new();
    if let Some(l) = &risk.likelihood {
        if let Estimate::Probability(p) = l.estimate {
            out.push(p);
        }
        if let Some((lo, hi)) = l.range {
            out.extend([lo, hi]);
        }
    }
    for m in &risk.mitigations {
        if let Some(e) = &m.effect {
            out.extend([e.before, e.after]);
        }
    }
    out
}

/// "Example-1 Model Report, section 7.1 What it is, page 3." — or, when the document is not
/// read in a project that has the source, "Example-1 Model Report, passage sec-7-1."
pub(crate) fn citation_text(doc: &Document, labels: &Labels, link: &SourceLink) -> String {
    let declared = doc.meta.sources.iter().find(|s| s.id == link.source);
    let info = doc.cited.as_deref().and_then(|c| c.source(&link.source));
    let title = declared
        .and_then(|s| s.title.clone())
        .or_else(|| info.map(|i| i.title.clone()))
        .or_else(|| declared.and_then(|s| s.file.clone()))
        .unwrap_or_else(|| link.source.clone());
    let Some(passage) = &link.passage else {
        return format!("{title}.");
    };
    match info.and_then(|i| i.places.get(passage)) {
        Some(place) => {
            let mut parts = vec![title];
            if let Some(section) = &place.section {
                parts.push(format!("{} {section}", labels.source_section));
            }
            if let Some(page) = place.page {
                parts.push(format!("{} {page}", labels.source_page));
            }
            if parts.len() == 1 {
                parts.push(format!("{} {passage}", labels.source_passage));
            }
            format!("{}.", parts.join(", "))
        }
        None => format!("{title}, {} {passage}.", labels.source_passage),
    }
}

/// One line per source the document names, for the list at its end: "Example-1 Model
/// Report, version 1.1, 2026-02-19. File example-1.pdf, SHA-256 3a7bd3e2360a…".
pub(crate) fn source_entries(doc: &Document, labels: &Labels) -> Vec<String> {
    doc.meta
        .sources
        .iter()
        .map(|declared| {
            let info = doc.cited.as_deref().and_then(|c| c.source(&declared.id));
            let title = declared
                .title
                .clone()
                .or_else(|| info.map(|i| i.title.clone()))
                .or_else(|| declared.file.clone())
                .unwrap_or_else(|| declared.id.clone());
            let mut parts = vec![title];
            // A title that already names a version ("…, version 1.1") gets no second one.
            let named = parts[0].to_lowercase();
            if let Some(version) = info.and_then(|i| i.version.as_deref())
                && !named.contains(version)
                && !named.contains(labels.source_version.split(' ').next().unwrap_or_default())
            {
                parts.push(labels.source_version.replace("{version}", version));
            }
            if let Some(date) = info.and_then(|i| i.date.as_deref()) {
                parts.push(date.to_owned());
            }
            let mut line = format!("{}.", parts.join(", "));
            if let Some(info) = info {
                let sha = info.sha256.get(..12).unwrap_or(&info.sha256);
                let file = labels
                    .source_file
                    .replace("{file}", &info.file)
                    .replace("{sha}", &format!("{sha}…"));
                // The shortened sum ends the line; no full stop after the ellipsis.
                line.push(' ');
                line.push_str(&capitalise(&file));
            } else if let Some(file) = &declared.file {
                line.push_str(&format!(" ({file})"));
            }
            line
        })
        .collect()
}

fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
}

/// Ends `text` with a full stop unless it ends with punctuation already.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?', '…']) { text.to_owned() } else { format!("{text}.") }
}

#[cfg(test)]
mod tests;
