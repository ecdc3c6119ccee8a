//! The gap report: what a document leaves out of its sources or cannot back with them — risk
//! categories without a card, disclosed items it does not cite, sections about risks it does
//! not draw on, figures not found in the sources, citations to check, figures without a
//! citation and citations of passages that changed — as data, text, and a tagged PDF a
//! reviewer can read.
//!
//! It is built from the same reading as `candor check` ([`crate::faithfulness`]), so the two
//! never disagree.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use candor_model::{Block, Diagnostic, LineIndex};
use serde::Serialize;
#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::faithfulness::{CoveredSource, StaleCitation, read_sources};
use crate::{Error, get_document};

/// The `format` of the JSON report.
pub const GAPS_FORMAT: &str = "candor-gaps/1";

/// Everything the gap report lists for one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct GapReport {
    /// [`GAPS_FORMAT`].
    pub format: String,
    /// The document's id in the project, and its title.
    pub document: String,
    pub title: String,
    /// How many of each kind of gap, for a summary line.
    pub counts: GapCounts,
    /// Risk categories without a card: the four specified systemic risks, and every category
    /// a source has a section about.
    pub risks: Vec<RiskGap>,
    /// Per source the document names and the project has: what it draws on and leaves out.
    pub sources: Vec<SourceGaps>,
    /// Figures no source has, or that contradict the passage cited.
    pub figures: Vec<GapItem>,
    /// Citations that point at nothing, at a passage unrelated to the sentence, or away from
    /// the passage that has the figure.
    pub citations: Vec<GapItem>,
    /// Sentences with a figure a source has, and no citation.
    pub uncited: Vec<GapItem>,
    /// Citations of passages that changed, went or moved in a newer version of the source.
    pub stale: Vec<StaleItem>,
    /// Sources the front matter names that the project does not have.
    pub missing_sources: Vec<GapItem>,
}

/// How many gaps of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct GapCounts {
    pub risks: u32,
    /// Of those, specified systemic risks.
    pub specified_risks: u32,
    pub risk_sections: u32,
    pub fields: u32,
    pub figures: u32,
    pub citations: u32,
    pub uncited: u32,
    pub stale: u32,
    pub missing_sources: u32,
}

impl GapCounts {
    /// All gaps together.
    pub fn total(&self) -> u32 {
        self.risks
            + self.risk_sections
            + self.fields
            + self.figures
            + self.citations
            + self.uncited
            + self.stale
            + self.missing_sources
    }
}

/// A risk category the document has no card for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct RiskGap {
    pub category: String,
    /// The category's plain name in the document's language.
    pub name: String,
    /// One of the four specified systemic risks every provider must assess.
    pub specified: bool,
    /// The sections of the sources about it: "Llama 3.1 model card: “Critical and other
    /// risks”".
    pub discussed_in: Vec<String>,
}

/// What the document draws on in one source and what it leaves out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SourceGaps {
    /// The source as the document cites it.
    pub source: String,
    pub title: String,
    pub file: String,
    pub sections_drawn_on: u32,
    /// Every section of the source, in order.
    pub sections: Vec<SectionGap>,
    /// Items the source discloses that the document does not cite.
    pub fields_left_out: Vec<FieldGap>,
}

/// One section of a source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SectionGap {
    pub id: String,
    /// "7.3 Evaluation".
    pub name: String,
    pub level: u8,
    pub page: Option<u32>,
    pub passages: u32,
    pub cited_passages: u32,
    pub drawn_on: bool,
    /// Plain names of the risk categories and of the kinds of mitigation it is about.
    pub risks: Vec<String>,
    pub mitigations: Vec<String>,
    /// The removals log records it as left out.
    pub left_out_on_purpose: bool,
}

impl SectionGap {
    /// About risks or mitigations, not drawn on and not left out on purpose.
    pub fn is_gap(&self) -> bool {
        (!self.risks.is_empty() || !self.mitigations.is_empty())
            && !self.drawn_on
            && !self.left_out_on_purpose
    }
}

/// An item of a transparency framework the source discloses and the document does not cite.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct FieldGap {
    pub field: String,
    /// "EU form 2" or "Hugging Face card".
    pub framework: String,
    pub label: String,
    /// Where the source discloses it: passage id, section name, and its words.
    pub passage: Option<String>,
    pub section: Option<String>,
    pub excerpt: Option<String>,
    pub left_out_on_purpose: bool,
}

/// A problem in the document's text, where it is and what it says.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct GapItem {
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    pub message: String,
    pub hints: Vec<String>,
    /// 1-based line and column, and byte offsets, of the text it is about.
    pub line: u32,
    pub column: u32,
    pub start: u32,
    pub end: u32,
    /// The text it is about, at most 160 characters.
    pub quote: String,
}

/// A stale citation and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct StaleItem {
    pub citation: StaleCitation,
    pub line: u32,
    pub column: u32,
    /// The sentence or card citing it, at most 160 characters.
    pub quote: String,
}

/// The gap report of document `doc` of `project`: of `text` when given (the editor's
/// unsaved text), else of its latest version.
pub fn gap_report(project: &Path, doc: &str, text: Option<&str>) -> Result<GapReport, Error> {
    let text = match text {
        Some(text) => text.to_owned(),
        None => get_document(project, doc, None)?,
    };
    let mut parsed = candor_import::parse_companion(&text).value;
    parsed.taxonomy = Some(Arc::clone(&crate::project_taxonomy(project)?));
    let reading = read_sources(&parsed, &text, project, Some(doc))?;
    let index = LineIndex::new(&text);
    let item = |d: &Diagnostic| gap_item(d, &text, &index);
    let pick = |codes: &[&str]| -> Vec<GapItem> {
        reading.diagnostics.iter().filter(|d| codes.contains(&d.code.as_str())).map(item).collect()
    };
    let figures = pick(&["figure/not-found", "figure/contradicts"]);
    let citations = pick(&["cite/unknown-passage", "cite/unrelated", "figure/other-passage"]);
    let uncited = pick(&["cite/missing"]);
    let missing_sources = pick(&["source/not-imported"]);
    let stale: Vec<StaleItem> = reading
        .stale
        .iter()
        .map(|s| {
            let (line, column) = line_column(&index, s.start as usize);
            StaleItem {
                citation: s.clone(),
                line,
                column,
                quote: quote(&text, s.start as usize, s.end as usize),
            }
        })
        .collect();

    let taxonomy = parsed.taxonomy();
    let lang = &parsed.meta.lang;
    let carded: BTreeSet<&str> = parsed
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Risk { risk, .. } => Some(risk.category.id()),
            _ => None,
        })
        .collect();
    let risks: Vec<RiskGap> = taxonomy
        .categories()
        .iter()
        .filter(|c| !carded.contains(c.id.as_str()))
        .filter_map(|c| {
            let discussed_in: Vec<String> = reading
                .coverage
                .iter()
                .flat_map(|s| {
                    s.coverage
                        .sections
                        .iter()
                        .filter(|sec| sec.risks.contains(&c.id))
                        .map(move |sec| format!("{}: “{}”", s.title, sec.name()))
                })
                .collect();
            (c.specified() || !discussed_in.is_empty()).then(|| RiskGap {
                category: c.id.clone(),
                name: c.name(lang).to_owned(),
                specified: c.specified(),
                discussed_in,
            })
        })
        .collect();
    let sources: Vec<SourceGaps> =
        reading.coverage.iter().map(|s| source_gaps(s, &parsed)).collect();

    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let counts = GapCounts {
        risks: count(risks.len()),
        specified_risks: count(risks.iter().filter(|r| r.specified).count()),
        risk_sections: count(
            sources.iter().flat_map(|s| &s.sections).filter(|s| s.is_gap()).count(),
        ),
        fields: count(
            sources
                .iter()
                .flat_map(|s| &s.fields_left_out)
                .filter(|f| !f.left_out_on_purpose)
                .count(),
        ),
        figures: count(figures.len()),
        citations: count(citations.len()),
        uncited: count(uncited.len()),
        stale: count(stale.len()),
        missing_sources: count(missing_sources.len()),
    };
    Ok(GapReport {
        format: GAPS_FORMAT.to_owned(),
        document: doc.to_owned(),
        title: parsed.meta.title.clone(),
        counts,
        risks,
        sources,
        figures,
        citations,
        uncited,
        stale,
        missing_sources,
    })
}

fn source_gaps(covered: &CoveredSource, doc: &candor_model::Document) -> SourceGaps {
    let taxonomy = doc.taxonomy();
    let lang = &doc.meta.lang;
    let coverage = &covered.coverage;
    let names = |ids: &[String], entries: &[candor_model::TaxonomyEntry]| -> Vec<String> {
        ids.iter()
            .map(|id| {
                entries.iter().find(|e| &e.id == id).map_or(id.clone(), |e| e.name(lang).to_owned())
            })
            .collect()
    };
    let section_name = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| coverage.sections.iter().find(|s| s.id == id))
            .map(candor_analysis::SectionCoverage::name)
    };
    SourceGaps {
        source: covered.declared.clone(),
        title: covered.title.clone(),
        file: covered.file.clone(),
        sections_drawn_on: u32::try_from(coverage.sections_drawn_on()).unwrap_or(u32::MAX),
        sections: coverage
            .sections
            .iter()
            .map(|s| SectionGap {
                id: s.id.clone(),
                name: s.name(),
                level: s.level,
                page: s.page,
                passages: u32::try_from(s.passages).unwrap_or(u32::MAX),
                cited_passages: u32::try_from(s.cited_passages).unwrap_or(u32::MAX),
                drawn_on: s.drawn_on,
                risks: names(&s.risks, taxonomy.categories()),
                mitigations: names(&s.mitigations, taxonomy.mitigations()),
                left_out_on_purpose: s.left_out_on_purpose,
            })
            .collect(),
        fields_left_out: coverage
            .fields_left_out
            .iter()
            .map(|f| FieldGap {
                field: f.field.to_owned(),
                framework: match f.number {
                    Some(n) => format!("{} {n}", f.framework.short_name()),
                    None => f.framework.short_name().to_owned(),
                },
                label: f.label.to_owned(),
                passage: f.passage.clone(),
                section: section_name(&f.section),
                excerpt: f.excerpt.clone(),
                left_out_on_purpose: f.left_out_on_purpose,
            })
            .collect(),
    }
}

fn line_column(index: &LineIndex<'_>, offset: usize) -> (u32, u32) {
    let at = index.line_col(offset);
    let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    (clamp(at.line), clamp(at.column))
}

fn gap_item(d: &Diagnostic, text: &str, index: &LineIndex<'_>) -> GapItem {
    let (line, column) = line_column(index, d.span.start);
    GapItem {
        code: d.code.clone(),
        severity: d.severity.as_str().to_owned(),
        message: d.message.clone(),
        hints: d.hints.clone(),
        line,
        column,
        start: u32::try_from(d.span.start).unwrap_or(u32::MAX),
        end: u32::try_from(d.span.end).unwrap_or(u32::MAX),
        quote: quote(text, d.span.start, d.span.end),
    }
}

/// The text from `start` to `end` on one line, at most 160 characters.
fn quote(text: &str, start: usize, end: usize) -> String {
    let words = text.get(start..end.min(text.len())).unwrap_or("");
    let one_line = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one_line.chars().take(160).collect();
    if out.len() < one_line.len() {
        out.push('…');
    }
    out
}

impl GapReport {
    /// The report for a terminal: a summary, then each kind of gap with where it is.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let title = if self.title.trim().is_empty() { &self.document } else { &self.title };
        let _ = writeln!(out, "Gap report: {title} (document {})\n", self.document);
        for (label, n) in self.summary_lines() {
            let _ = writeln!(out, "  {label:<38} {n}");
        }
        if !self.risks.is_empty() {
            out.push_str("\nRisks without a card\n");
            for r in &self.risks {
                let specified = if r.specified { " (one of the four specified risks)" } else { "" };
                let _ = writeln!(out, "  - {}{specified}", r.name);
                for place in &r.discussed_in {
                    let _ = writeln!(out, "      discussed in {place}");
                }
            }
        }
        for s in &self.sources {
            if s.title == s.file {
                let _ = writeln!(out, "\nCoverage of {}", s.file);
            } else {
                let _ = writeln!(out, "\nCoverage of {} ({})", s.title, s.file);
            }
            let _ = writeln!(
                out,
                "  The summary draws on {} of {} sections.",
                s.sections_drawn_on,
                s.sections.len()
            );
            let gaps: Vec<&SectionGap> = s.sections.iter().filter(|x| x.is_gap()).collect();
            if !gaps.is_empty() {
                out.push_str("  Sections about risks or safety measures it does not draw on:\n");
                for x in gaps {
                    let about: Vec<&str> =
                        x.risks.iter().chain(&x.mitigations).map(String::as_str).collect();
                    let _ = writeln!(out, "    - “{}” [{}]: {}", x.name, x.id, about.join("; "));
                }
            }
            let fields: Vec<&FieldGap> =
                s.fields_left_out.iter().filter(|f| !f.left_out_on_purpose).collect();
            if !fields.is_empty() {
                out.push_str("  Items the source discloses that the summary does not cite:\n");
                for f in fields {
                    let place = f.passage.as_deref().map(|p| format!(" [{p}]")).unwrap_or_default();
                    let _ = writeln!(out, "    - {}: {}{place}", f.framework, f.label);
                }
            }
            let on_purpose = s.sections.iter().filter(|x| x.left_out_on_purpose).count()
                + s.fields_left_out.iter().filter(|f| f.left_out_on_purpose).count();
            if on_purpose > 0 {
                let _ = writeln!(
                    out,
                    "  Left out on purpose (removals log): {on_purpose} section(s) or item(s)."
                );
            }
        }
        for (heading, items) in [
            ("Figures not found in the sources", &self.figures),
            ("Citations to check", &self.citations),
            ("Figures without a citation", &self.uncited),
            ("Sources not imported", &self.missing_sources),
        ] {
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{heading}");
            for i in items {
                let _ = writeln!(out, "  {}:{} {} “{}”", i.line, i.column, i.code, i.quote);
                let _ = writeln!(out, "      {}", i.message);
            }
        }
        if !self.stale.is_empty() {
            out.push_str("\nCitations of passages that changed\n");
            for s in &self.stale {
                let c = &s.citation;
                let _ = writeln!(out, "  {}:{} {} ({})", s.line, s.column, c.citation, c.change);
                let _ = writeln!(out, "      Before: {}", c.old_text);
                match &c.new_text {
                    Some(new) if c.change != "moved" => {
                        let _ = writeln!(out, "      Now:    {new}");
                    }
                    Some(_) => {
                        let new = c.new_passage.as_deref().unwrap_or_default();
                        let _ = writeln!(out, "      Now at {new}, unchanged.");
                    }
                    None => out.push_str("      Now:    (removed)\n"),
                }
            }
        }
        if self.counts.total() == 0 {
            out.push_str("\nNo gaps found.\n");
        }
        out
    }

    /// (label, count) for the summary, in report order.
    fn summary_lines(&self) -> Vec<(&'static str, String)> {
        let c = &self.counts;
        vec![
            (
                "Risks without a card",
                match c.specified_risks {
                    0 => c.risks.to_string(),
                    n if n == c.risks => format!("{n}, all of them specified risks"),
                    n => format!("{}, {n} of them specified risks", c.risks),
                },
            ),
            ("Sections about risks not drawn on", c.risk_sections.to_string()),
            ("Disclosed items not cited", c.fields.to_string()),
            ("Figures not found in the sources", c.figures.to_string()),
            ("Citations to check", c.citations.to_string()),
            ("Figures without a citation", c.uncited.to_string()),
            ("Citations of changed passages", c.stale.to_string()),
            ("Sources not imported", c.missing_sources.to_string()),
        ]
    }

    /// The report as a Candor document, for typesetting: `today` (`YYYY-MM-DD`) dates it.
    pub fn to_markdown(&self, project_name: &str, today: &str) -> String {
        let mut out = String::new();
        let title = if self.title.trim().is_empty() { &self.document } else { &self.title };
        let _ = writeln!(
            out,
            "---\ntitle: \"Gap report: {}\"\nlang: en\n---\n",
            title.replace(['"', '\\'], "'")
        );
        let _ = writeln!(
            out,
            "This report lists what the document {} of the project {} leaves out of its sources or cannot back with them, as of {}. It is for the people who write and review the document; it is never published.\n",
            code(&self.document),
            escape(project_name),
            escape(&today[..today.len().min(10)])
        );
        out.push_str("| What | How many |\n|---|---|\n");
        for (label, n) in self.summary_lines() {
            let _ = writeln!(out, "| {label} | {n} |");
        }
        out.push('\n');
        out.push_str("## Risks without a card\n\n");
        if self.risks.is_empty() {
            out.push_str(
                "Every specified risk, and every risk the sources discuss, has a card.\n\n",
            );
        }
        for r in &self.risks {
            let specified = if r.specified { " (one of the four specified risks)" } else { "" };
            let _ = write!(out, "- **{}**{specified}", escape(&r.name));
            if !r.discussed_in.is_empty() {
                let places: Vec<String> = r.discussed_in.iter().map(|p| escape(p)).collect();
                let _ = write!(out, ". Discussed in {}", places.join("; "));
            }
            out.push_str(".\n");
        }
        out.push('\n');
        for s in &self.sources {
            let _ = writeln!(out, "## Coverage of {}\n", escape(&s.title));
            let _ = writeln!(
                out,
                "File {}. The summary draws on {} of its {} sections.\n",
                escape(&s.file),
                s.sections_drawn_on,
                s.sections.len()
            );
            let about: Vec<&SectionGap> = s
                .sections
                .iter()
                .filter(|x| !x.risks.is_empty() || !x.mitigations.is_empty())
                .collect();
            if !about.is_empty() {
                out.push_str("Sections about risks or safety measures:\n\n");
                out.push_str("| Section | About | Used |\n|---|---|---|\n");
                for x in about {
                    let topics: Vec<String> =
                        x.risks.iter().chain(&x.mitigations).map(|t| escape(t)).collect();
                    let used = if x.drawn_on {
                        "Cited"
                    } else if x.left_out_on_purpose {
                        "Left out on purpose"
                    } else {
                        "**Not cited**"
                    };
                    let _ =
                        writeln!(out, "| {} | {} | {used} |", escape(&x.name), topics.join("; "));
                }
                out.push('\n');
            }
            let fields: Vec<&FieldGap> =
                s.fields_left_out.iter().filter(|f| !f.left_out_on_purpose).collect();
            if !fields.is_empty() {
                out.push_str("Items the source discloses that the summary does not cite:\n\n");
                for f in fields {
                    let _ = write!(out, "- **{}**, {}", escape(&f.label), escape(&f.framework));
                    if let Some(section) = &f.section {
                        let _ = write!(out, ", in “{}”", escape(section));
                    }
                    if let Some(excerpt) = &f.excerpt {
                        let _ = write!(out, ": “{}”", escape(excerpt));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
        }
        for (heading, empty, items) in [
            ("Figures not found in the sources", "Every figure was found.", &self.figures),
            ("Citations to check", "No citation looks wrong.", &self.citations),
            ("Figures without a citation", "Every figure a source has is cited.", &self.uncited),
        ] {
            let _ = writeln!(out, "## {heading}\n");
            if items.is_empty() {
                let _ = writeln!(out, "{empty}\n");
            }
            for i in items {
                let _ = writeln!(
                    out,
                    "- Line {}: “{}”. {}\n",
                    i.line,
                    escape(&i.quote),
                    escape(&i.message)
                );
            }
        }
        out.push_str("## Citations of passages that changed\n\n");
        if self.stale.is_empty() {
            out.push_str(
                "No cited passage changed since it was cited, or every change was confirmed.\n\n",
            );
        }
        for s in &self.stale {
            let c = &s.citation;
            let _ = writeln!(out, "- Line {}, {}:", s.line, code(&c.citation));
            let _ = writeln!(out, "  - Before: “{}”", escape(&c.old_text));
            match (&c.new_text, c.change.as_str()) {
                (Some(_), "moved") => {
                    let _ = writeln!(
                        out,
                        "  - Now: unchanged, under the id {}.",
                        code(c.new_passage.as_deref().unwrap_or_default())
                    );
                }
                (Some(new), _) => {
                    let _ = writeln!(out, "  - Now: “{}”", escape(new));
                }
                (None, _) => out.push_str("  - Now: the passage is no longer in the source.\n"),
            }
        }
        if !self.missing_sources.is_empty() {
            out.push_str("\n## Sources not imported\n\n");
            for i in &self.missing_sources {
                let _ = writeln!(out, "- Line {}: {}", i.line, escape(&i.message));
            }
        }
        out
    }
}

/// Text as a code span: backslashes are literal there, so nothing is escaped; a backtick
/// (never in an id) would end it and becomes an apostrophe.
fn code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'").replace(['\n', '\r'], " "))
}

/// Text as literal Markdown: every character Markdown or Candor could read as syntax is
/// escaped, and line breaks become spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '$' | '@' | '~' | '!'
            | '&' | '{' | '}' | '=' | '+' | '^' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// How a gap report is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapFormat {
    /// For reading in a terminal ([`GapReport::to_text`]).
    Text,
    /// For scripts: [`GAPS_FORMAT`], described by `schemas/gaps.schema.json`.
    Json,
    /// A tagged PDF for reviewers.
    Pdf,
}

/// The gap report of `doc` (of `text` when given, as [`gap_report`]) as a file of `format`;
/// `today` (`YYYY-MM-DD…`) dates the PDF.
pub fn gap_report_file(
    project: &Path,
    doc: &str,
    text: Option<&str>,
    format: GapFormat,
    today: &str,
) -> Result<Vec<u8>, Error> {
    let report = gap_report(project, doc, text)?;
    match format {
        GapFormat::Text => Ok(report.to_text().into_bytes()),
        GapFormat::Json => {
            // Strings, numbers and lists only: serialising it cannot fail.
            let mut json = serde_json::to_string_pretty(&report).unwrap_or_default();
            json.push('\n');
            Ok(json.into_bytes())
        }
        GapFormat::Pdf => gap_report_pdf(project, &report, today),
    }
}

/// Writes the gap report of `doc` (of `text` when given) as `format` to `out`, atomically.
pub fn save_gap_report(
    project: &Path,
    doc: &str,
    text: Option<&str>,
    format: GapFormat,
    out: &Path,
    today: &str,
) -> Result<(), Error> {
    let bytes = gap_report_file(project, doc, text, format, today)?;
    crate::export::write_atomically(out, &bytes)
}

/// The report typeset as a Candor document, through the companion template.
fn gap_report_pdf(project: &Path, report: &GapReport, today: &str) -> Result<Vec<u8>, Error> {
    let name = project.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let markdown = report.to_markdown(&name, today);
    let parsed = candor_import::parse_companion(&markdown);
    let images = candor_render::Images::new();
    let rendered =
        candor_render::export_pdf(&parsed.value, &images, candor_render::PdfStandard::Tagged)
            .map_err(|source| Error::Render { path: project.to_owned(), source })?;
    rendered.value.ok_or_else(|| Error::Render {
        path: project.to_owned(),
        source: candor_render::RenderError::Typst(format!(
            "the gap report could not be typeset: {}",
            rendered.diagnostics.iter().map(|d| d.message.as_str()).collect::<Vec<_>>().join("; ")
        )),
    })
}

#[cfg(test)]
mod tests;
