//! Checks of a document's risk blocks: against the taxonomy (the category and each kind of
//! mitigation exist; every specified systemic risk is covered), against themselves (a
//! mitigation whose "after" is worse than its "before"), and against the text around them (a
//! percentage or "N in M" that contradicts the card).
//!
//! The reader (`candor-import`) already reports what one block alone gets wrong: a
//! probability outside 0–1 (`risk/invalid-probability`) and a range that does not contain its
//! estimate (`risk/invalid-range`). Everything that needs the project's taxonomy or the rest
//! of the document is here.

use std::ops::Range;

use candor_model::{Block, Diagnostic, Document, Estimate, Fix, RiskEntry, Span, Taxonomy};

use crate::plain::prose::{Unit, block_units};
use crate::plain::tokens::sentences;

/// Every risk diagnostic of `doc`; `source` is the text it was read from.
pub fn check_risks(doc: &Document, source: &str) -> Vec<Diagnostic> {
    let taxonomy = doc.taxonomy();
    let placed = placed_risks(&doc.blocks);
    let mut out = Vec::new();
    for risk in &placed {
        vocabulary(risk.entry, taxonomy, source, &mut out);
        worse_after(risk.entry, source, &mut out);
    }
    coverage(doc, &placed, taxonomy, &mut out);
    contradictions(doc, &placed, source, &mut out);
    out
}

/// A risk block with where it sits: its block span and its section (headings count up).
struct Placed<'a> {
    entry: &'a RiskEntry,
    block: Span,
    section: usize,
}

fn placed_risks(blocks: &[Block]) -> Vec<Placed<'_>> {
    let mut out = Vec::new();
    let mut section = 0;
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Heading { .. } => section += 1,
            Block::Risk { risk, span } => out.push(Placed { entry: risk, block: *span, section }),
            Block::BlockQuote { blocks, .. } => stack.extend(blocks.iter().rev()),
            Block::List { items, .. } => {
                stack.extend(items.iter().rev().flat_map(|i| i.blocks.iter().rev()));
            }
            _ => {}
        }
    }
    out
}

/// The span of the value of the `nth` line `key: value` inside `within` (any indentation,
/// list dashes and quote markers allowed); the whole of `within` when it is not found.
fn value_span(source: &str, within: Span, key: &str, nth: usize) -> Span {
    let Some(text) = source.get(within.start..within.end.min(source.len())) else {
        return within;
    };
    let mut seen = 0;
    let mut offset = within.start;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_start_matches([' ', '\t', '>', '-']);
        let Some(rest) = body.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        if seen < nth {
            seen += 1;
            continue;
        }
        let value = rest.trim();
        let at = start
            + (line.len() - body.len())
            + key.len()
            + 1
            + (rest.len() - rest.trim_start().len());
        return if value.is_empty() {
            Span::new(start, start + line.trim_end().len())
        } else {
            Span::new(at, at + value.len())
        };
    }
    within
}

/// Unknown categories and mitigation kinds.
fn vocabulary(risk: &RiskEntry, taxonomy: &Taxonomy, source: &str, out: &mut Vec<Diagnostic>) {
    let within = risk.span;
    if taxonomy.category(&risk.category).is_none() {
        let id = risk.category.id();
        let hint = match taxonomy.closest_category(id) {
            Some(known) => format!("Did you mean `{known}`?"),
            None => "Use a category of the risk taxonomy (the risk form lists them), or add this one to the project's own categories.".to_owned(),
        };
        out.push(
            Diagnostic::error(
                "risk/unknown-category",
                value_span(source, within, "category", 0),
                format!("`{id}` is not a risk category of this project."),
            )
            .with_hint(hint),
        );
    }
    for (nth, mitigation) in risk.mitigations.iter().enumerate() {
        if taxonomy.mitigation(&mitigation.kind).is_some() {
            continue;
        }
        let id = mitigation.kind.id();
        let hint = match taxonomy.closest_mitigation(id) {
            Some(known) => format!("Did you mean `{known}`?"),
            None => "Use a kind from the list of mitigations (the risk form lists them), or add this one to the project's own kinds.".to_owned(),
        };
        out.push(
            Diagnostic::error(
                "risk/unknown-mitigation",
                value_span(source, within, "kind", nth),
                format!("`{id}` is not a kind of mitigation of this project."),
            )
            .with_hint(hint),
        );
    }
}

/// A mitigation is listed as something that helped; an "after" above "before" says otherwise.
fn worse_after(risk: &RiskEntry, source: &str, out: &mut Vec<Diagnostic>) {
    let mut nth_effect = 0;
    for mitigation in &risk.mitigations {
        let Some(effect) = &mitigation.effect else { continue };
        let nth = nth_effect;
        nth_effect += 1;
        if !(effect.before.is_finite() && effect.after.is_finite()) || effect.after <= effect.before
        {
            continue;
        }
        out.push(
            Diagnostic::warning(
                "risk/effect-got-worse",
                value_span(source, risk.span, "effect", nth),
                format!(
                    "After this mitigation the figure is higher ({} before, {} after), yet the card lists it as something that helped.",
                    percent(effect.before),
                    percent(effect.after)
                ),
            )
            .with_hint("Check whether `before` and `after` are swapped. If the figure really rose, say so in `what_we_did`: the card will read \"rose from … to …\"."),
        );
    }
}

/// A warning for each specified systemic risk no risk block covers, when the document
/// presents risks at all.
fn coverage(doc: &Document, placed: &[Placed<'_>], taxonomy: &Taxonomy, out: &mut Vec<Diagnostic>) {
    let overview = generated_block(&doc.blocks);
    if placed.is_empty() && overview.is_none() {
        return;
    }
    let at = overview.or_else(|| placed.first().map(|p| p.block)).unwrap_or_default();
    // A new card goes after the last card (or after the overview when there is none).
    let insert_at = placed.last().map_or(at.end, |p| p.block.end);
    let lang = &doc.meta.lang;
    for category in taxonomy.categories().iter().filter(|c| c.specified()) {
        if placed.iter().any(|p| p.entry.category.id() == category.id) {
            continue;
        }
        let name = category.name(lang);
        let skeleton =
            format!("\n```risk\nid: {id}\ncategory: {id}\ntitle: {name}\n```\n", id = category.id,);
        out.push(
            Diagnostic::warning(
                "risk/specified-risk-not-covered",
                at,
                format!(
                    "No risk card covers “{name}”, one of the four systemic risks every provider must assess."
                ),
            )
            .with_hint("Add a card even when the provider judged the risk low: readers need to see that it was assessed, and how.")
            .with_fix(Fix {
                label: format!("Add a card for “{name}”"),
                span: Span::new(insert_at, insert_at),
                replacement: skeleton,
            }),
        );
    }
}

/// The first ```` ```candor-risk-overview ```` or ```` ```candor-risk-coverage ```` block.
fn generated_block(blocks: &[Block]) -> Option<Span> {
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Generated { name, span, .. }
                if name == "risk-overview" || name == "risk-coverage" =>
            {
                return Some(*span);
            }
            Block::BlockQuote { blocks, .. } => stack.extend(blocks.iter().rev()),
            Block::List { items, .. } => {
                stack.extend(items.iter().rev().flat_map(|i| i.blocks.iter().rev()));
            }
            _ => {}
        }
    }
    None
}

/// What a risk block says in figures: exact values and intervals a sentence may quote.
struct RiskFigures<'a> {
    entry: &'a RiskEntry,
    values: Vec<f64>,
    intervals: Vec<(f64, f64)>,
    /// Words that tie a sentence to this risk (first five letters, lowercase).
    stems: Vec<String>,
}

impl<'a> RiskFigures<'a> {
    fn new(entry: &'a RiskEntry, taxonomy: &Taxonomy, doc: &Document) -> Self {
        let (mut values, mut intervals) = (Vec::new(), Vec::new());
        if let Some(l) = &entry.likelihood {
            match l.estimate {
                Estimate::Probability(p) => values.push(p),
                Estimate::Word(w) => intervals.push(w.range()),
            }
            if let Some((lo, hi)) = l.range {
                values.extend([lo, hi]);
                intervals.push((lo.min(hi), lo.max(hi)));
            }
        }
        let mut keywords = entry.title.clone();
        keywords.push(' ');
        keywords.push_str(taxonomy.category_name(&entry.category, &doc.meta.lang));
        if let Some(per) = entry.likelihood.as_ref().and_then(|l| l.per.as_deref()) {
            keywords.push(' ');
            keywords.push_str(per);
        }
        for m in &entry.mitigations {
            if let Some(e) = &m.effect {
                values.extend([e.before, e.after, (e.before - e.after).abs()]);
                if e.before > 0.0 {
                    values.extend([1.0 - e.after / e.before, e.after / e.before]);
                }
                keywords.push(' ');
                keywords.push_str(&e.measure);
            }
        }
        values.retain(|v| v.is_finite());
        Self { entry, values, intervals, stems: stems(&keywords) }
    }

    fn has_figures(&self) -> bool {
        !self.values.is_empty() || !self.intervals.is_empty()
    }

    /// Whether `v` agrees with one of the figures, allowing for rounding.
    fn agrees(&self, v: f64) -> bool {
        let near = |f: f64| (v - f).abs() <= (0.1 * f.abs()).max(0.006);
        self.values.iter().any(|&f| near(f))
            || self.intervals.iter().any(|&(lo, hi)| v >= lo - 0.006 && v <= hi + 0.006)
    }

    /// The card's figures in words for the message: "20% (range 10–30%)".
    fn summary(&self) -> String {
        match self.entry.likelihood.as_ref().map(|l| (l.estimate, l.range)) {
            Some((Estimate::Probability(p), Some((lo, hi)))) => {
                format!("{} (range {}–{})", percent(p), percent(lo), percent(hi))
            }
            Some((Estimate::Probability(p), None)) => percent(p),
            Some((Estimate::Word(w), _)) => format!("“{}”", w.id().replace('-', " ")),
            None => "other figures".to_owned(),
        }
    }
}

/// Percentages and "N in M" in the prose of a section that disagree with every figure of the
/// section's risk cards (a card's own text is compared with its own figures).
fn contradictions(doc: &Document, placed: &[Placed<'_>], source: &str, out: &mut Vec<Diagnostic>) {
    if placed.is_empty() {
        return;
    }
    let taxonomy = doc.taxonomy();
    let figures: Vec<(usize, RiskFigures<'_>)> = placed
        .iter()
        .map(|p| (p.section, RiskFigures::new(p.entry, taxonomy, doc)))
        .filter(|(_, f)| f.has_figures())
        .collect();
    if figures.is_empty() {
        return;
    }
    let mut section = 0;
    let mut stack: Vec<&Block> = doc.blocks.iter().rev().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Heading { .. } => {
                section += 1;
                continue;
            }
            Block::BlockQuote { blocks, .. } => {
                stack.extend(blocks.iter().rev());
                continue;
            }
            Block::List { items, .. } => {
                stack.extend(items.iter().rev().flat_map(|i| i.blocks.iter().rev()));
                continue;
            }
            _ => {}
        }
        let own = match block {
            Block::Risk { risk, .. } => {
                figures.iter().find(|(_, f)| std::ptr::eq(f.entry, &**risk))
            }
            _ => None,
        };
        for unit in block_units(block, source) {
            for sentence in sentences(&unit.text) {
                let found = figures_in(sentence.text());
                if found.is_empty() {
                    continue;
                }
                let about = match own {
                    Some((_, f)) => Some(f),
                    None => related(sentence.text(), section, &figures),
                };
                let Some(risk) = about else { continue };
                // "Without the model, experts succeeded in 11 in 100 attempts": a figure for
                // another situation, not the card's.
                if mentions_other_situation(sentence.text()) {
                    continue;
                }
                for figure in found {
                    if risk.agrees(figure.value) {
                        continue;
                    }
                    let range = sentence.range.start + figure.range.start
                        ..sentence.range.start + figure.range.end;
                    let mut d = contradiction(&unit, range, &figure, risk);
                    // A folded YAML field maps to no exact place: point at the block.
                    if d.span.start == d.span.end {
                        d.span = block.span();
                    }
                    out.push(d);
                }
            }
        }
    }
}

fn contradiction(
    unit: &Unit,
    range: Range<usize>,
    figure: &Figure,
    risk: &RiskFigures<'_>,
) -> Diagnostic {
    Diagnostic::warning(
        "risk/figure-contradicts-card",
        unit.span(&range),
        format!(
            "The text says {}, but the risk card “{}” gives {}.",
            figure.text,
            risk.entry.title.trim(),
            risk.summary()
        ),
    )
    .with_hint("Use the card's figure here, or correct the card if the text is right. Readers notice when two figures for one risk disagree.")
}

/// Words that put a figure in another situation than the card's: a baseline, an earlier
/// model, a comparison.
fn mentions_other_situation(sentence: &str) -> bool {
    const CUES: &[&str] = &[
        "without",
        "compared",
        "baseline",
        "previous",
        "earlier",
        "predecessor",
        "instead",
        "ohne",
        "verglichen",
        "vergleich",
        "vorgänger",
        "früher",
        "sans",
        "comparé",
        "par rapport",
        "précédent",
        "auparavant",
    ];
    let lower = sentence.to_lowercase();
    CUES.iter().any(|cue| {
        lower.match_indices(cue).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + cue.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// The risk of `section` the sentence is about: the one sharing most words with it.
fn related<'f, 'a>(
    sentence: &str,
    section: usize,
    figures: &'f [(usize, RiskFigures<'a>)],
) -> Option<&'f RiskFigures<'a>> {
    let words = stems(sentence);
    figures
        .iter()
        .filter(|(s, _)| *s == section)
        .map(|(_, f)| (f.stems.iter().filter(|s| words.contains(s)).count(), f))
        .filter(|(shared, _)| *shared > 0)
        .max_by_key(|(shared, _)| *shared)
        .map(|(_, f)| f)
}

/// Lowercase first five letters of each word of four letters or more, minus common words.
fn stems(text: &str) -> Vec<String> {
    const COMMON: &[&str] = &[
        "about", "after", "before", "could", "their", "there", "these", "those", "which", "while",
        "with", "would", "this", "that", "from", "have", "were", "will", "when", "what", "into",
        "eine", "einer", "einen", "nicht", "oder", "sind", "wird", "wurde", "dans", "pour", "avec",
        "sont", "plus", "moins",
    ];
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !COMMON.contains(&w.as_str()))
        .map(|w| w.chars().take(5).collect())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A share written in the text: "35%", "35 Prozent", "1 in 5", "20 von 100".
#[derive(Debug, Clone, PartialEq)]
struct Figure {
    value: f64,
    /// Byte range in the sentence.
    range: Range<usize>,
    text: String,
}

/// Every percentage and natural frequency in `text`.
fn figures_in(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else { break };
        let starts_number = c.is_ascii_digit()
            && !text[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric() || p == '.' || p == ',');
        if !starts_number {
            i += c.len_utf8();
            continue;
        }
        let (number, len) = read_number(&text[i..]);
        let after = &text[i + len..];
        let gap = after.len() - after.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
        let rest = &after[gap..];
        let percent_len = ["%", "per cent", "percent", "Prozent", "pour cent"]
            .iter()
            .find(|w| starts_with_word(rest, w))
            .map(|w| w.len());
        if let (Some(value), Some(plen)) = (number, percent_len) {
            let end = i + len + gap + plen;
            if value <= 100.0 {
                out.push(Figure {
                    value: value / 100.0,
                    range: i..end,
                    text: text[i..end].to_owned(),
                });
            }
            i = end;
            continue;
        }
        let joiner =
            ["out of", "in", "von", "sur"].iter().find(|w| starts_with_word(rest, w)).copied();
        if let (Some(count), Some(joiner)) = (number, joiner) {
            let after_joiner = &rest[joiner.len()..];
            let gap2 = after_joiner.len()
                - after_joiner.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
            let tail = &after_joiner[gap2..];
            if tail.starts_with(|c: char| c.is_ascii_digit()) {
                let (out_of, len2) = read_grouped(tail);
                if let Some(out_of) = out_of.filter(|&m| m >= 2.0 && count <= m) {
                    let end = i + len + gap + joiner.len() + gap2 + len2;
                    out.push(Figure {
                        value: count / out_of,
                        range: i..end,
                        text: text[i..end].to_owned(),
                    });
                    i = end;
                    continue;
                }
            }
        }
        i += len.max(1);
    }
    out
}

fn starts_with_word(text: &str, word: &str) -> bool {
    text.get(..word.len()).is_some_and(|head| head.eq_ignore_ascii_case(word))
        && (word == "%" || !text[word.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

/// A number with a decimal point or comma ("12.5", "12,5"); (value, bytes read).
fn read_number(text: &str) -> (Option<f64>, usize) {
    let len = text
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || ((c == '.' || c == ',')
                    && text[i + 1..].starts_with(|d: char| d.is_ascii_digit())))
        })
        .map_or(text.len(), |(i, _)| i);
    let raw = &text[..len];
    let separators = raw.matches([',', '.']).count();
    let normal = match raw.rsplit_once([',', '.']) {
        None => raw.to_owned(),
        // "1,000,000", "1.000.000": groups of thousands.
        Some(_) if separators > 1 => raw.replace([',', '.'], ""),
        // "1,000" groups thousands; "0,125" and "2,5" are decimal commas.
        Some((head, tail)) if raw.contains(',') && tail.len() == 3 && head != "0" => {
            raw.replace(',', "")
        }
        Some(_) => raw.replace(',', "."),
    };
    (normal.parse().ok(), len)
}

/// A whole number with group separators ("1,000", "1.000", "1 000"); (value, bytes read).
fn read_grouped(text: &str) -> (Option<f64>, usize) {
    let mut len = 0;
    let mut digits = String::new();
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            digits.push(c);
            len = i + 1;
        } else if matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}')
            && text[i + c.len_utf8()..].chars().take(3).filter(char::is_ascii_digit).count() == 3
            && !text[i + c.len_utf8()..].chars().nth(3).is_some_and(|d| d.is_ascii_digit())
        {
            continue;
        } else {
            break;
        }
    }
    (digits.parse().ok(), len)
}

fn percent(p: f64) -> String {
    let v = p * 100.0;
    if (v - v.round()).abs() < 0.05 { format!("{}%", v.round()) } else { format!("{v:.1}%") }
}

#[cfg(test)]
mod tests;
