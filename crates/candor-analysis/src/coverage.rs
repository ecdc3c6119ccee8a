//! Coverage of the sources: which sections of a source a companion document draws on, which
//! of them are about risks or mitigations, and which transparency fields the source discloses
//! that the document leaves out.
//!
//! A document **draws on** what it cites: a link to a passage or table draws on the section
//! holding it; a link to a section draws on that section and its subsections; a link to the
//! whole source (`source:ID`) draws on no section in particular. A section that is only a
//! heading over subsections is drawn on when one of them is.
//!
//! A section is **about a risk or a mitigation** when its title or its own passages (not
//! code) use one of the taxonomy entry's `terms` ([`TaxonomyEntry::mentioned_in`]); a project
//! taxonomy can add terms. Changelogs, references and tables of contents name risks without
//! discussing them and are never about one. The terms are specific phrases ("biological weapon*", "ransomware",
//! "red team*"), so a match is a good reason to look at the section, not proof that it
//! assesses the risk.
//!
//! A **field is left out** when the source discloses it ([`Disclosure::Disclosed`]) and the
//! document cites neither its passage nor, for a field found by its heading, any passage of
//! that section; a field found in metadata (no passage) is left out unless the document's text
//! contains its value. A ```` ```candor-bom ```` block presenting the source shows all of it,
//! so it leaves no item out.
//!
//! Sections and fields the author **left out on purpose** (recorded in the removals log with
//! the passage or section they come from) are marked so, not reported as gaps.

use std::collections::{BTreeSet, HashSet};

use candor_model::{Block, Document, PassageKind, SourceContent, TaxonomyEntry, term_words};
use serde::Serialize;

use crate::disclosure::{Disclosure, Evidence, Framework, disclosure_map};
use crate::faithfulness::passages_of;
use crate::plain::prose::block_units;

/// What a document draws on in one source, and what it leaves out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceCoverage {
    /// The source id as the document cites it.
    pub source: String,
    /// Every section of the source, in document order.
    pub sections: Vec<SectionCoverage>,
    /// Whether the document cites the source as a whole somewhere (`source:ID`).
    pub cited_whole: bool,
    /// Fields the source discloses that the document leaves out, in the order of
    /// [`crate::TRANSPARENCY_FIELDS`].
    pub fields_left_out: Vec<FieldLeftOut>,
    /// Risk categories some section is about, in taxonomy order.
    pub risks_discussed: Vec<String>,
}

impl SourceCoverage {
    /// Sections about a risk or a mitigation that the document neither draws on nor left
    /// out on purpose.
    pub fn risk_sections_not_drawn_on(&self) -> impl Iterator<Item = &SectionCoverage> {
        self.sections.iter().filter(|s| s.about_risks() && !s.drawn_on && !s.left_out_on_purpose)
    }

    /// Fields left out that the removals log does not account for.
    pub fn gaps_in_fields(&self) -> impl Iterator<Item = &FieldLeftOut> {
        self.fields_left_out.iter().filter(|f| !f.left_out_on_purpose)
    }

    /// How many sections the document draws on.
    pub fn sections_drawn_on(&self) -> usize {
        self.sections.iter().filter(|s| s.drawn_on).count()
    }
}

/// One section of a source and how the document uses it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionCoverage {
    pub id: String,
    /// 1 for top-level sections.
    pub level: u8,
    pub number: Option<String>,
    pub title: String,
    pub page: Option<u32>,
    /// Passages of the section itself (not of its subsections).
    pub passages: usize,
    /// How many of those the document cites.
    pub cited_passages: usize,
    /// The document cites the section, one of its passages or tables, or a section it is in.
    pub drawn_on: bool,
    /// Risk categories the section is about (taxonomy ids, taxonomy order).
    pub risks: Vec<String>,
    /// Kinds of mitigation the section is about.
    pub mitigations: Vec<String>,
    /// The removals log records the section, or one of its passages, as left out.
    pub left_out_on_purpose: bool,
}

impl SectionCoverage {
    /// Whether the section is about a risk category or a kind of mitigation.
    pub fn about_risks(&self) -> bool {
        !self.risks.is_empty() || !self.mitigations.is_empty()
    }

    /// "7.3 Evaluation" or "Evaluation".
    pub fn name(&self) -> String {
        match &self.number {
            Some(n) => format!("{n} {}", self.title),
            None => self.title.clone(),
        }
    }
}

/// A transparency field the source discloses and the document leaves out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldLeftOut {
    /// The field id, e.g. `eu-mdf-2-parameters`.
    pub field: &'static str,
    pub framework: Framework,
    /// The official item number, for the EU form.
    pub number: Option<&'static str>,
    /// What the field asks for, in plain words.
    pub label: &'static str,
    /// Where the source discloses it.
    pub section: Option<String>,
    pub passage: Option<String>,
    /// The source's text, at most 200 characters.
    pub excerpt: Option<String>,
    /// The removals log records its passage or section as left out.
    pub left_out_on_purpose: bool,
}

/// How `doc` covers `content`, the source it cites as `cited_as`; `removed` holds the
/// passage and section ids of this source that the removals log records as left out.
pub fn source_coverage(
    doc: &Document,
    cited_as: &str,
    content: &SourceContent,
    removed: &[&str],
) -> SourceCoverage {
    let mut cited: HashSet<&str> = HashSet::new();
    let mut sections_cited: HashSet<usize> = HashSet::new();
    let mut cited_whole = false;
    for (link, _) in doc.source_links() {
        if link.source != cited_as {
            continue;
        }
        let Some(id) = link.passage.as_deref() else {
            cited_whole = true;
            continue;
        };
        if let Some(index) = content.sections.iter().position(|s| s.id == id) {
            sections_cited.insert(index);
        }
        cited.extend(passages_of(content, id).unwrap_or_default());
    }
    let within_cited = |index: usize| {
        let mut at = Some(index);
        // Parents come before children; the walk ends within the list's length.
        for _ in 0..=content.sections.len() {
            match at {
                Some(i) if sections_cited.contains(&i) => return true,
                Some(i) => at = content.sections.get(i).and_then(|s| s.parent),
                None => return false,
            }
        }
        false
    };

    let taxonomy = doc.taxonomy();
    let matching = |entries: &[TaxonomyEntry], words: &[String]| -> Vec<String> {
        entries.iter().filter(|e| e.mentioned_in(words)).map(|e| e.id.clone()).collect()
    };
    let mut sections = Vec::with_capacity(content.sections.len());
    let back_matter = |title: &str| BACK_MATTER.contains(&term_words(title).join(" ").as_str());
    let mut risks_discussed = BTreeSet::new();
    for (index, section) in content.sections.iter().enumerate() {
        let own: Vec<_> = content.passages.iter().filter(|p| p.section == Some(index)).collect();
        let mut words = term_words(&section.title);
        for passage in own.iter().filter(|p| p.kind != PassageKind::Code) {
            words.extend(term_words(&passage.text));
        }
        let cited_passages = own.iter().filter(|p| cited.contains(p.id.as_str())).count();
        if back_matter(&section.title) {
            words.clear();
        }
        let risks = matching(taxonomy.categories(), &words);
        risks_discussed.extend(
            risks.iter().filter_map(|r| taxonomy.categories().iter().position(|c| &c.id == r)),
        );
        sections.push(SectionCoverage {
            id: section.id.clone(),
            level: section.level,
            number: section.number.clone(),
            title: section.title.clone(),
            page: section.page.or_else(|| own.iter().find_map(|p| p.page)),
            passages: own.len(),
            cited_passages,
            drawn_on: cited_passages > 0 || within_cited(index),
            risks,
            mitigations: matching(taxonomy.mitigations(), &words),
            left_out_on_purpose: removed.contains(&section.id.as_str())
                || own.iter().any(|p| removed.contains(&p.id.as_str())),
        });
    }

    // A section with no passages of its own (only a heading over subsections) is drawn on
    // when one of its subsections is: there is nothing else in it to cite. Children come
    // after their parents, so one pass from the end carries this up any depth.
    for index in (0..sections.len()).rev() {
        let parent = content.sections[index].parent;
        if let Some(p) = parent.filter(|&p| p < index && sections[p].passages == 0)
            && sections[index].drawn_on
        {
            sections[p].drawn_on = true;
        }
    }

    let text = document_text(doc).to_lowercase();
    let presents_bom = presents_bom(&doc.blocks, cited_as);
    let fields_left_out = disclosure_map(content)
        .into_iter()
        .filter(|f| f.status == Disclosure::Disclosed)
        .filter(|f| {
            let drawn_on_section = f
                .section
                .as_deref()
                .is_some_and(|id| sections.iter().any(|s| s.id == id && s.drawn_on));
            let used = presents_bom
                || match f.passage.as_deref() {
                    Some(p) => {
                        cited.contains(p)
                            || (f.evidence == Some(Evidence::Heading) && drawn_on_section)
                    }
                    None => f.excerpt.as_deref().is_some_and(|e| mentions_value(&text, e)),
                };
            !used
        })
        .map(|f| {
            let on_purpose = [&f.passage, &f.section]
                .into_iter()
                .flatten()
                .any(|id| removed.contains(&id.as_str()));
            (f, on_purpose)
        })
        .map(|(f, left_out_on_purpose)| FieldLeftOut {
            left_out_on_purpose,
            field: f.field.id,
            framework: f.field.framework,
            number: f.field.number,
            label: f.field.label,
            section: f.section,
            passage: f.passage,
            excerpt: f.excerpt,
        })
        .collect();

    SourceCoverage {
        source: cited_as.to_owned(),
        sections,
        cited_whole,
        fields_left_out,
        risks_discussed: risks_discussed
            .into_iter()
            .map(|i| taxonomy.categories()[i].id.clone())
            .collect(),
    }
}

/// Whether a ```` ```candor-bom ```` block (read as `Generated { name: "bom" }`) presents the
/// source: it shows every component, so
/// every item of the bill of materials is in the document.
fn presents_bom(blocks: &[Block], source: &str) -> bool {
    let mut stack: Vec<&Block> = blocks.iter().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Generated { name, source: Some(s), .. } if name == "bom" && s == source => {
                return true;
            }
            Block::BlockQuote { blocks, .. } => stack.extend(blocks),
            Block::List { items, .. } => stack.extend(items.iter().flat_map(|i| &i.blocks)),
            _ => {}
        }
    }
    false
}

/// Titles of sections that list changes, references or contents: they name risks without
/// discussing them (lowercase words).
const BACK_MATTER: &[&str] = &[
    "changelog",
    "change log",
    "changes",
    "version history",
    "revision history",
    "release notes",
    "references",
    "bibliography",
    "citation",
    "citations",
    "how to cite",
    "acknowledgements",
    "acknowledgments",
    "table of contents",
    "contents",
];

/// Whether the document's text contains the value of a metadata excerpt ("license:
/// apache-2.0" → "apache-2.0"); values shorter than three characters never count.
fn mentions_value(text: &str, excerpt: &str) -> bool {
    let value = excerpt.rsplit_once(": ").map_or(excerpt, |(_, v)| v).trim().to_lowercase();
    value.chars().count() >= 3 && text.contains(&value)
}

/// The prose of a document as the plain-language checks read it (paragraphs, headings,
/// lists, quotations, table cells, risk cards' own words and footnotes), a unit a line.
fn document_text(doc: &Document) -> String {
    let footnotes = doc.footnotes.iter().flat_map(|f| &f.blocks);
    let units = doc.blocks.iter().chain(footnotes).flat_map(|b| block_units(b, ""));
    units.map(|u| u.text).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests;
