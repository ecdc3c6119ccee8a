//! Faithfulness of a companion document to its sources: do its citations point at passages
//! that exist and that say what the sentence says, and are its figures the sources' figures?
//!
//! [`check_faithfulness`] reads the prose of a document (paragraphs, list items, quotations,
//! footnotes and table cells; headings only for their links; code never) sentence by sentence.
//! A sentence cites the passages it links to (`source:ID#PASSAGE`, a section id meaning every
//! passage of the section, `source:ID` the whole source), also through footnotes; a sentence
//! without a link of its own is read with the links of its paragraph.
//!
//! Codes:
//! - `cite/unknown-passage` (error): the link names a loaded source but a passage, section or
//!   table id it does not have; the hint names the closest id, with a fix.
//! - `figure/contradicts` (warning): the sentence's own cited passage gives a figure of the
//!   same kind and unit, different beyond rounding, and no passage of any source has the
//!   document's figure. A warning, not an error: figures are read heuristically and an error
//!   would stop publishing.
//! - `figure/not-found` (warning): no source has the figure; the message shows the closest
//!   figure of the same kind with its passage.
//! - `figure/other-passage` (info): the figure is in a source, but not in the passage the
//!   sentence cites.
//! - `cite/missing` (info): a sentence with a figure that a source has, and no citation.
//! - `cite/unrelated` (warning): a cited passage (not a whole section) shares no content word
//!   (stop words of en/de/fr and words like "model" removed, first five letters compared) and
//!   no figure with the sentence citing it; skipped when the two are in different languages.
//!
//! Besides the importer's facts, the checker reads the cited passages' own text and table
//! cells (`numbers`): numbers before which the unit stands ("Hours used: 150000"), products
//! ("32 x 8 x A100" is 256), months and years written apart (BibTeX), and benchmark scores.
//! A bare decimal in the document ("scored 45.3", "89.0 for the largest version") is read as
//! a score; in a table row it must be in a source cell whose row and column share a word with
//! that row (when any do). Numbers listed before a unit take it ("7, 13 and 70 billion
//! parameters" are three figures; "and" makes a range only after "between"). Links' labels
//! are not words of the sentence; web addresses are not words of the passage; stems also match
//! through a few plain synonyms (picture = image) and short words that begin longer ones.
//!
//! A figure matches a source fact when it is equal, equivalent (20% = 0.2 = 1 in 5 = 20 in
//! 100; 7B = 7,000,000,000 = 7 billion; durations in hours; energy in kWh), or equal at the
//! precision the document writes ("17%" for 17.3%, "7 billion" for 6.7B; but not "8.3
//! billion" for 8B: the source does not give the ".3"), widened by the
//! document's own hedge ("about": 10% relative, 15% for "1 in 5"-style frequencies; "more
//! than"/"at least": any value above; "less than"/"up to": any value below). Frequencies also
//! match their complement ("4 in 5 were refused" for a 20% answer rate). Dates, durations and
//! counts of things are only checked in sentences that cite a source, and a date equal to the
//! document's own date is never checked. The EU AI Act's and the US order's compute thresholds
//! (10^23, 10^25, 10^26 FLOP) are known figures, never reported.

mod figures;
mod numbers;
mod words;

use std::collections::HashSet;
use std::ops::Range;

use candor_model::{
    Block, Diagnostic, Document, Fact, FactKind, Fix, Inline, LinkTarget, Severity, SourceContent,
    SourceLink, Span,
};

use crate::plain::prose::{Unit, block_units};
use crate::plain::tokens::sentences;
use figures::{Figure, Hedge, Lang};

/// An imported source the document may cite: its id (as in `source:ID`) and its content.
#[derive(Debug, Clone, Copy)]
pub struct CitedSource<'a> {
    pub id: &'a str,
    pub content: &'a SourceContent,
}

/// Every faithfulness diagnostic of `doc`, read from `text`, against the loaded `sources`.
/// Links to sources that are not loaded are left alone (the front-matter check reports
/// undeclared ids); without any source only the links are checked.
pub fn check_faithfulness(
    doc: &Document,
    text: &str,
    sources: &[CitedSource<'_>],
) -> Vec<Diagnostic> {
    let lang = Lang::from_tag(doc.meta.lang.language());
    let footnote_links: Vec<Vec<(SourceLink, Span)>> = doc
        .footnotes
        .iter()
        .map(|f| {
            candor_model::source_links_in(&f.blocks)
                .into_iter()
                .map(|(link, span)| (link.clone(), span))
                .collect()
        })
        .collect();
    let checker = Checker {
        doc,
        text,
        sources,
        lang,
        footnote_links,
        declares_sources: !doc.meta.sources.is_empty() || !sources.is_empty(),
    };
    let mut out = Vec::new();
    let mut reported_links = HashSet::new();
    checker.blocks(&doc.blocks, &mut out, &mut reported_links);
    for footnote in &doc.footnotes {
        checker.blocks(&footnote.blocks, &mut out, &mut reported_links);
    }
    out
}

/// A citation inside a unit: where it sits in the unit's text and what it points at.
#[derive(Debug, Clone)]
struct Cite {
    link: SourceLink,
    /// Byte range of the link's text in the unit's text.
    range: Range<usize>,
    span: Span,
}

/// What a citation covers in a loaded source.
struct Covered<'s> {
    source: &'s CitedSource<'s>,
    /// Passage ids; `None` for the whole source (or an id it does not have).
    passages: Option<HashSet<&'s str>>,
}

struct Checker<'a> {
    doc: &'a Document,
    text: &'a str,
    sources: &'a [CitedSource<'a>],
    lang: Lang,
    footnote_links: Vec<Vec<(SourceLink, Span)>>,
    declares_sources: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Context<'r> {
    Heading,
    Prose,
    /// A table cell, with the text of its row.
    TableCell(Option<&'r str>),
}

impl<'a> Checker<'a> {
    fn blocks(&self, blocks: &[Block], out: &mut Vec<Diagnostic>, seen: &mut HashSet<Span>) {
        // Iterative, so deeply nested lists and quotations cannot overflow the stack.
        let mut stack: Vec<&Block> = blocks.iter().rev().collect();
        while let Some(block) = stack.pop() {
            match block {
                Block::Heading { content, .. } => {
                    for unit in block_units(block, self.text) {
                        self.unit(&unit, content, Context::Heading, out, seen);
                    }
                }
                Block::Paragraph { content, .. } => {
                    for unit in block_units(block, self.text) {
                        self.unit(&unit, content, Context::Prose, out, seen);
                    }
                }
                Block::List { items, .. } => {
                    stack.extend(items.iter().rev().flat_map(|i| i.blocks.iter().rev()));
                }
                Block::BlockQuote { blocks, .. } => stack.extend(blocks.iter().rev()),
                Block::Table { table, .. } => {
                    let units = block_units(block, self.text);
                    // Each cell with the text of its whole row, which says what a score in
                    // it measures ("HumanEval | … | 89.0").
                    let rows = std::iter::once(&table.header).chain(table.rows.iter());
                    let mut at = 0;
                    for row in rows {
                        // (Link labels left out: "[benchmarks](…)" says nothing of the row.)
                        let texts: Vec<String> = units
                            .iter()
                            .skip(at)
                            .zip(row)
                            .map(|(u, cell)| {
                                let cites = cites_in(&cell.content, &self.footnote_links);
                                without_links(&u.text, 0..u.text.len(), &cites)
                            })
                            .collect();
                        let row_text = texts.join(" | ");
                        for (unit, cell) in units.iter().skip(at).zip(row) {
                            let context = Context::TableCell(Some(row_text.as_str()));
                            self.unit(unit, &cell.content, context, out, seen);
                        }
                        at += row.len();
                    }
                }
                _ => {}
            }
        }
    }

    fn unit(
        &self,
        unit: &Unit,
        content: &[Inline],
        context: Context<'_>,
        out: &mut Vec<Diagnostic>,
        seen: &mut HashSet<Span>,
    ) {
        let cites = cites_in(content, &self.footnote_links);
        for cite in
            cites.iter().filter(|c| c.range.end > c.range.start || c.span != Span::default())
        {
            if seen.insert(cite.span) {
                self.unknown_passage(cite, out);
            }
        }
        if context == Context::Heading {
            return;
        }
        let all = sentences(&unit.text);
        for sentence in &all {
            let range = sentence.range.clone();
            let own: Vec<&Cite> = cites
                .iter()
                .filter(|c| {
                    c.range.start >= range.start && c.range.start < range.end.max(range.start + 1)
                })
                .collect();
            let context_cites: Vec<&Cite> =
                if own.is_empty() { cites.iter().collect() } else { own.clone() };
            let sentence_text = sentence.text();
            let found = figures::figures(sentence_text, self.lang);
            let shifted: Vec<Figure> = found
                .into_iter()
                .map(|mut f| {
                    f.range = f.range.start + range.start..f.range.end + range.start;
                    f
                })
                .filter(|f| unit.is_prose(&f.range))
                .collect();
            let sentence_ctx = SentenceCtx { unit, own: &own, cites: &context_cites, context };
            let mut missing_reported = false;
            for figure in &shifted {
                self.figure(figure, &sentence_ctx, &mut missing_reported, out);
            }
            // The words of the sentence, not of its links' labels ("[evaluation](…)").
            let sentence_words = without_links(&unit.text, range.clone(), &cites);
            let unit_words = without_links(&unit.text, 0..unit.text.len(), &cites);
            for cite in &own {
                let words_text = if words::stems(&sentence_words).len() >= 3 {
                    &sentence_words
                } else {
                    &unit_words
                };
                self.unrelated(cite, words_text, &shifted, out);
            }
        }
    }

    /// The loaded source a link names.
    fn source(&self, id: &str) -> Option<&'a CitedSource<'a>> {
        self.sources.iter().find(|s| s.id == id)
    }

    fn unknown_passage(&self, cite: &Cite, out: &mut Vec<Diagnostic>) {
        let Some(source) = self.source(&cite.link.source) else { return };
        let Some(passage) = cite.link.passage.as_deref() else { return };
        let content = source.content;
        let ids = all_ids(content);
        if ids.contains(&passage) {
            return;
        }
        let mut d = Diagnostic::error(
            "cite/unknown-passage",
            cite.span,
            format!(
                "The link points at “{passage}”, but the source “{}” has no passage or section with that id.",
                source.id
            ),
        );
        match closest_id(passage, &ids) {
            Some(known) => {
                d = d.with_hint(format!("Did you mean `{known}`?"));
                let needle = format!("#{passage}");
                if let Some(written) =
                    self.text.get(cite.span.start..cite.span.end.min(self.text.len()))
                    && let Some(at) = written.find(&needle)
                {
                    let start = cite.span.start + at + 1;
                    d = d.with_fix(Fix {
                        label: format!("Link to `{known}`"),
                        span: Span::new(start, start + passage.len()),
                        replacement: known.to_owned(),
                    });
                }
            }
            None => {
                d = d.with_hint(
                    "Pick the passage again in the source panel: the source may have been re-imported with a different structure.",
                );
            }
        }
        out.push(d);
    }

    /// What a citation covers, if it names a loaded source.
    fn covered(&self, link: &SourceLink) -> Option<Covered<'a>> {
        let source = self.source(&link.source)?;
        let content = source.content;
        let passages = link.passage.as_deref().and_then(|p| passages_of(content, p));
        Some(Covered { source, passages })
    }

    fn figure(
        &self,
        figure: &Figure,
        cx: &SentenceCtx<'_>,
        missing_reported: &mut bool,
        out: &mut Vec<Diagnostic>,
    ) {
        if self.sources.is_empty() || self.known_figure(figure) {
            return;
        }
        let weak = matches!(figure.kind, FactKind::Date | FactKind::Duration | FactKind::Count);
        let covered: Vec<Covered<'a>> =
            cx.cites.iter().filter_map(|c| self.covered(&c.link)).collect();
        if !cx.cites.is_empty() && covered.is_empty() {
            // It cites only sources that are not loaded: nothing to compare with.
            return;
        }
        if weak && covered.is_empty() {
            return;
        }
        let written = &cx.unit.text[figure.range.clone()];
        let span = cx.unit.span(&figure.range);
        // 1. The passages it cites (a whole-source link covers the whole source).
        let row = match cx.context {
            Context::TableCell(row) => row,
            _ => None,
        };
        let in_cited = covered.iter().any(|c| in_covered(figure, c, row));
        if in_cited {
            return;
        }
        // 2. Elsewhere in a cited source, then in any source.
        let elsewhere = covered.iter().map(|c| c.source).chain(self.sources.iter()).find_map(|s| {
            let fact = (!numbers::is_score(figure))
                .then(|| s.content.facts.iter().find(|f| matches(figure, f)))
                .flatten();
            match fact {
                Some(f) => Some((s, f.passage.as_str())),
                None => s
                    .content
                    .passages
                    .iter()
                    .find(|p| {
                        let one = HashSet::from([p.id.as_str()]);
                        written_in(figure, &Covered { source: s, passages: Some(one) }, row)
                    })
                    .map(|p| (s, p.id.as_str())),
            }
        });
        if let Some((source, passage)) = elsewhere {
            if covered.is_empty() {
                if cx.context == Context::Prose && self.declares_sources && !*missing_reported {
                    *missing_reported = true;
                    out.push(
                        Diagnostic::new(
                            Severity::Info,
                            "cite/missing",
                            span,
                            format!(
                                "This sentence gives a figure ({written}) but cites no source."
                            ),
                        )
                        .with_hint(format!(
                            "It is in “{}”, passage {passage}: add a link such as [{}](source:{}#{passage}).",
                            source.id, source.id, source.id
                        )),
                    );
                }
            } else {
                out.push(
                    Diagnostic::new(
                        Severity::Info,
                        "figure/other-passage",
                        span,
                        format!(
                            "{written} is in “{}”, passage {passage}, not in the passage this sentence cites.",
                            source.id
                        ),
                    )
                    .with_hint(format!(
                        "Cite source:{}#{passage} for this figure, so readers land on the right place.",
                        source.id
                    )),
                );
            }
            return;
        }
        // 3. Nowhere: a contradiction of the sentence's own cited passage, or not found.
        let own_covered: Vec<Covered<'a>> = cx
            .own
            .iter()
            .filter_map(|c| self.covered(&c.link))
            .filter(|c| c.passages.is_some())
            .collect();
        if numbers::is_score(figure) {
            self.score_not_found(figure, written, span, &own_covered, out);
            return;
        }
        let in_own = closest(figure, &own_covered);
        if let Some((source, fact)) = in_own {
            out.push(
                Diagnostic::warning(
                    "figure/contradicts",
                    span,
                    format!(
                        "The text says {written}, but the passage it cites ({}) says {}: ‘{}’",
                        fact.passage,
                        fact.text,
                        excerpt(&fact.sentence)
                    ),
                )
                .with_hint(format!(
                    "Use the figure of “{}”, or cite the passage your figure comes from. If you rounded, say so (“about”, “nearly”).",
                    source.id
                )),
            );
            return;
        }
        let all: Vec<Covered<'a>> =
            self.sources.iter().map(|s| Covered { source: s, passages: None }).collect();
        let nearest = closest(figure, &covered).or_else(|| closest(figure, &all));
        let where_ = if covered.is_empty() {
            "any of the sources"
        } else {
            "the sources it cites or any other"
        };
        let message = match nearest {
            Some((source, fact)) => format!(
                "{written} is not in {where_}. The closest figure is in “{}”: {} ({}): ‘{}’",
                source.id,
                fact.text,
                fact.passage,
                excerpt(&fact.sentence)
            ),
            None => format!("{written} is not in {where_}, and they give no figure of this kind."),
        };
        out.push(
            Diagnostic::warning("figure/not-found", span, message).with_hint(
                "Check the figure against the source. If it comes from somewhere else, cite that; if it is your own calculation, say how you got it.",
            ),
        );
    }

    /// A score found in no source: it contradicts the numbers of the passage it cites.
    fn score_not_found(
        &self,
        figure: &Figure,
        written: &str,
        span: Span,
        own: &[Covered<'a>],
        out: &mut Vec<Diagnostic>,
    ) {
        let nearest = own
            .iter()
            .flat_map(|c| {
                c.source.content.passages.iter().filter(move |p| {
                    c.passages.as_ref().is_some_and(|ids| ids.contains(p.id.as_str()))
                })
            })
            .flat_map(|p| numbers::numbers(&p.text).into_iter().map(move |w| (p, w)))
            .filter(|(_, w)| !w.percent)
            .min_by(|(_, a), (_, b)| {
                distance(figure.low, a.value).total_cmp(&distance(figure.low, b.value))
            });
        let d = match nearest {
            // The number is there, but not where the sentence's table row puts it.
            Some((passage, w)) if distance(figure.low, w.value) < 1e-9 => Diagnostic::warning(
                "figure/contradicts",
                span,
                format!(
                    "The text says {written}, and the passage it cites ({}) has {}, but not in the row and column the text gives it: ‘{}’",
                    passage.id,
                    w.text,
                    excerpt(&passage.text)
                ),
            ),
            Some((passage, w)) => Diagnostic::warning(
                "figure/contradicts",
                span,
                format!(
                    "The text says {written}, but the passage it cites ({}) does not have it; its nearest number is {}: ‘{}’",
                    passage.id,
                    w.text,
                    excerpt(&passage.text)
                ),
            ),
            None => Diagnostic::warning(
                "figure/not-found",
                span,
                format!("{written} is not in the sources it cites or any other."),
            ),
        };
        out.push(d.with_hint(
            "Check the figure against the source: copy it from the row and column it belongs to, or cite the passage it comes from.",
        ));
    }

    /// Thresholds of the law every reader may be told about: 10^23, 10^25 and 10^26 FLOP.
    fn known_figure(&self, figure: &Figure) -> bool {
        let date = self
            .doc
            .meta
            .date
            .map(|d| f64::from(d.year as u32 * 10_000 + u32::from(d.month) * 100));
        match figure.kind {
            FactKind::Flops => {
                [1e23, 1e25, 1e26].iter().any(|&t| (figure.low - t).abs() <= t * 1e-9)
            }
            FactKind::Date => date.is_some_and(|d| (figure.low / 100.0).floor() * 100.0 == d),
            _ => false,
        }
    }

    fn unrelated(
        &self,
        cite: &Cite,
        sentence: &str,
        figures_: &[Figure],
        out: &mut Vec<Diagnostic>,
    ) {
        let Some(source) = self.source(&cite.link.source) else { return };
        let Some(passage_id) = cite.link.passage.as_deref() else { return };
        let content = source.content;
        // A section ("see section 7") is a pointer to read on, not the basis of one sentence.
        if content.sections.iter().any(|s| s.id == passage_id) {
            return;
        }
        let Some(ids) = passages_of(content, passage_id) else { return };
        let texts: Vec<&str> = content
            .passages
            .iter()
            .filter(|p| ids.contains(p.id.as_str()))
            .take(40)
            .map(|p| p.text.as_str())
            .collect();
        let passage_text = texts.join(" ");
        let mine = words::stems(sentence);
        let theirs = words::stems(&passage_text);
        if mine.len() < 3 || theirs.len() < 2 {
            return;
        }
        if let (Some(a), Some(b)) =
            (words::language_of(sentence), words::language_of(&passage_text))
            && a != b
        {
            return;
        }
        if words::share(&mine, &theirs) {
            return;
        }
        let covered = Covered { source, passages: Some(ids.clone()) };
        let shared_figure = figures_.iter().any(|fig| {
            content.facts.iter().any(|f| ids.contains(f.passage.as_str()) && matches(fig, f))
                || written_in(fig, &covered, None)
        });
        if shared_figure {
            return;
        }
        out.push(
            Diagnostic::warning(
                "cite/unrelated",
                cite.span,
                format!(
                    "The passage this links to ({passage_id} of “{}”) shares no words or figures with the sentence: likely a wrong citation. It reads: ‘{}’",
                    source.id,
                    excerpt(&passage_text)
                ),
            )
            .with_hint("Check that the link points at the passage the sentence is based on; pick it again in the source panel if not."),
        );
    }
}

struct SentenceCtx<'u> {
    unit: &'u Unit,
    /// The sentence's own citations.
    own: &'u [&'u Cite],
    /// Its own citations, or those of its paragraph when it has none.
    cites: &'u [&'u Cite],
    context: Context<'u>,
}

/// The text of `range` of a unit with the labels of its source links blanked out.
fn without_links(text: &str, range: Range<usize>, cites: &[Cite]) -> String {
    let mut out = String::with_capacity(range.len());
    for (i, c) in text.get(range.clone()).unwrap_or_default().char_indices() {
        let at = range.start + i;
        let in_link = cites.iter().any(|l| l.range.contains(&at));
        out.push(if in_link { ' ' } else { c });
    }
    out
}

/// Ids a link may name: passages, sections and tables.
fn all_ids(content: &SourceContent) -> Vec<&str> {
    content
        .passages
        .iter()
        .map(|p| p.id.as_str())
        .chain(content.sections.iter().map(|s| s.id.as_str()))
        .chain(content.tables.iter().map(|t| t.id.as_str()))
        .collect()
}

/// The passages an id covers: itself, a table's passage, or every passage of a section and
/// its subsections. `None` when the source has no such id.
pub(crate) fn passages_of<'s>(content: &'s SourceContent, id: &str) -> Option<HashSet<&'s str>> {
    if let Some(p) = content.passages.iter().find(|p| p.id == id) {
        return Some(HashSet::from([p.id.as_str()]));
    }
    if let Some(t) = content.tables.iter().find(|t| t.id == id) {
        return Some(HashSet::from([t.passage.as_str()]));
    }
    let index = content.sections.iter().position(|s| s.id == id)?;
    let inside = |mut s: Option<usize>| {
        // Parents come before children; the walk ends within the list's length.
        for _ in 0..=content.sections.len() {
            match s {
                Some(i) if i == index => return true,
                Some(i) => s = content.sections.get(i).and_then(|x| x.parent),
                None => return false,
            }
        }
        false
    };
    Some(content.passages.iter().filter(|p| inside(p.section)).map(|p| p.id.as_str()).collect())
}

fn closest_id<'s>(id: &str, ids: &[&'s str]) -> Option<&'s str> {
    ids.iter()
        .map(|&c| (c, candor_model::edit_distance(id, c)))
        .filter(|&(c, d)| d <= (c.len().max(id.len()) / 3).max(2))
        .min_by_key(|&(c, d)| (d, c.len()))
        .map(|(c, _)| c)
}

/// Whether the passages a citation covers give the figure: as an extracted fact, or written
/// in their text or table cells.
fn in_covered(figure: &Figure, c: &Covered<'_>, row: Option<&str>) -> bool {
    let facts = !numbers::is_score(figure)
        && c.source.content.facts.iter().any(|f| {
            c.passages.as_ref().is_none_or(|p| p.contains(f.passage.as_str())) && matches(figure, f)
        });
    facts || written_in(figure, c, row)
}

/// Whether the text of the covered passages writes the figure's number (for a date, its
/// month and year). A score in a table cell of the document must be in a source table cell
/// whose row or column shares a word with the document's row, when any does.
fn written_in(figure: &Figure, c: &Covered<'_>, row: Option<&str>) -> bool {
    let content = c.source.content;
    let covers = |id: &str| c.passages.as_ref().is_none_or(|p| p.contains(id));
    if numbers::is_score(figure)
        && let Some(row) = row
    {
        let tables: Vec<_> = content.tables.iter().filter(|t| covers(&t.passage)).collect();
        if !tables.is_empty() {
            return tables.iter().any(|t| table_has_score(figure, t, row));
        }
    }
    content.passages.iter().filter(|p| covers(&p.id)).any(|p| {
        numbers::names_date(figure, &p.text)
            || numbers::numbers(&p.text).iter().any(|w| written_matches(figure, w, &p.id))
    })
}

fn written_matches(figure: &Figure, w: &numbers::Written, passage: &str) -> bool {
    numbers::as_fact(figure, w, passage).is_some_and(|fact| matches(figure, &fact))
}

/// Whether a source table has the score in a cell related to the document's row: a cell
/// whose row shares a word with it (when any row does) and whose column does (when any
/// column does).
fn table_has_score(figure: &Figure, table: &candor_model::SourceTable, doc_row: &str) -> bool {
    let mine = words::stems(doc_row);
    let related = |text: &str| words::share(&words::stems(text), &mine);
    let rows: Vec<bool> = table.rows.iter().map(|r| related(&r.join(" "))).collect();
    let columns: Vec<bool> = table.header.iter().map(|h| related(h)).collect();
    let any_row = rows.iter().any(|&r| r);
    let any_column = columns.iter().any(|&c| c);
    table.rows.iter().zip(&rows).any(|(row, &row_related)| {
        row.iter().enumerate().any(|(j, cell)| {
            let column_related = columns.get(j).copied().unwrap_or(false);
            (row_related || !any_row)
                && (column_related || !any_column)
                && numbers::numbers(cell).iter().any(|w| written_matches(figure, w, &table.passage))
        })
    })
}

/// Whether a source fact can be compared with the figure at all.
fn comparable(figure: &Figure, fact: &Fact) -> bool {
    match figure.kind {
        FactKind::Percentage if figure.unit == "%" => {
            (fact.kind == FactKind::Percentage) || fact.kind == FactKind::Probability
        }
        FactKind::Percentage => fact.kind == FactKind::Percentage && fact.unit == figure.unit,
        FactKind::Count => fact.kind == FactKind::Count && fact.unit == figure.unit,
        kind => fact.kind == kind,
    }
}

/// A fact's value in the figure's unit (durations in hours).
fn fact_value(fact: &Fact) -> f64 {
    match (fact.kind, fact.unit.as_str()) {
        (FactKind::Duration, "months") => fact.value * 730.5,
        (FactKind::Duration, "years") => fact.value * 8766.0,
        _ => fact.value,
    }
}

/// Whether a source fact says the same as the figure, allowing for how both are written.
fn matches(figure: &Figure, fact: &Fact) -> bool {
    if !comparable(figure, fact) {
        return false;
    }
    let f = fact_value(fact);
    if !f.is_finite() || !figure.low.is_finite() {
        return false;
    }
    if figure.kind == FactKind::Date {
        let (a, b) = (figure.low as u64, f as u64);
        let same_month = a / 100 == b / 100;
        return same_month && (a % 100 == 0 || b % 100 == 0 || a == b);
    }
    // The document's figure must round to the source's: "17%" for 17.3% agrees, but "8.3
    // billion" does not agree with "8B", since the source does not give the ".3".
    let v = figure.low.abs().max(figure.high.abs());
    let mut tol = figure.precision + 1e-9 * v.max(f.abs());
    if figure.frequency.is_some() {
        let (_, m) = figure.frequency.unwrap_or((0.0, 1.0));
        tol = tol.max(if m <= 10.0 { 0.15 * v } else { (0.5 / m).max(0.1 * v) });
    }
    if figure.hedge == Hedge::About {
        let relative = if figure.frequency.is_some() { 0.2 } else { 0.1 };
        tol = tol.max(relative * v);
    }
    let fits = |f: f64| match figure.hedge {
        Hedge::Exact | Hedge::About => f >= figure.low - tol && f <= figure.high + tol,
        Hedge::AtLeast => f >= figure.low - tol,
        Hedge::AtMost => f <= figure.high + tol,
    };
    let share = matches!(fact.kind, FactKind::Percentage | FactKind::Probability)
        && fact.unit != "percentage points";
    fits(f) || (figure.frequency.is_some() && share && (0.0..=1.0).contains(&f) && fits(1.0 - f))
}

/// The fact of the figure's kind nearest to it in the covered passages.
fn closest<'s>(
    figure: &Figure,
    covered: &[Covered<'s>],
) -> Option<(&'s CitedSource<'s>, &'s Fact)> {
    let v = figure.low;
    covered
        .iter()
        .flat_map(|c| {
            c.source
                .content
                .facts
                .iter()
                .filter(move |f| {
                    c.passages.as_ref().is_none_or(|p| p.contains(f.passage.as_str()))
                        && comparable(figure, f)
                })
                .map(move |f| (c.source, f))
        })
        .filter(|(_, f)| fact_value(f).is_finite())
        .min_by(|(_, a), (_, b)| {
            let da = distance(v, fact_value(a));
            let db = distance(v, fact_value(b));
            da.total_cmp(&db)
        })
}

fn distance(a: f64, b: f64) -> f64 {
    let scale = a.abs().max(b.abs()).max(f64::MIN_POSITIVE);
    (a - b).abs() / scale
}

/// At most 160 characters of a passage or sentence, for messages.
fn excerpt(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= 160 {
        return text.to_owned();
    }
    let cut: String = text.chars().take(157).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

/// The source links of a unit's inlines, with their ranges in the unit's text (built exactly
/// as `plain::prose` builds it); a footnote reference carries the links of its footnote.
fn cites_in(content: &[Inline], footnotes: &[Vec<(SourceLink, Span)>]) -> Vec<Cite> {
    let mut out: Vec<Cite> = Vec::new();
    let mut offset = 0;
    // (inlines left, index in `out` of the link they belong to).
    let mut stack: Vec<(std::slice::Iter<'_, Inline>, Option<usize>)> =
        vec![(content.iter(), None)];
    while let Some((top, _)) = stack.last_mut() {
        let Some(inline) = top.next() else {
            if let Some((_, Some(i))) = stack.pop() {
                out[i].range.end = offset;
            }
            continue;
        };
        match inline {
            Inline::Text { text, .. } | Inline::Code { text } => offset += text.len(),
            Inline::Image { image } => offset += image.alt.len(),
            Inline::SoftBreak | Inline::HardBreak => offset += 1,
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content } => {
                stack.push((content.iter(), None));
            }
            Inline::Link { target, content, span, .. } => match target {
                LinkTarget::Source { link } => {
                    out.push(Cite { link: link.clone(), range: offset..offset, span: *span });
                    let i = out.len() - 1;
                    stack.push((content.iter(), Some(i)));
                }
                LinkTarget::Url { .. } => stack.push((content.iter(), None)),
            },
            Inline::FootnoteRef { index, .. } => {
                for (link, _) in footnotes.get(*index).into_iter().flatten() {
                    // Reported where the footnote is read, so no span of its own here.
                    out.push(Cite {
                        link: link.clone(),
                        range: offset..offset,
                        span: Span::default(),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
