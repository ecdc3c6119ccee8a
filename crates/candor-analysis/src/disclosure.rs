//! The disclosure map: for one imported source, every field of [`TRANSPARENCY_FIELDS`]
//! marked as disclosed, not disclosed or unknown, with the passage that shows it.
//!
//! # Where a field can be found
//!
//! Titles, labels and keys are compared as whole normalised words (lowercase letters and
//! digits; "Out-of-Scope Use" is "out of scope use"), also without bracketed parts ("Funded
//! by [optional]" is "funded by", "Training Time (GPU hours)" is "training time"). Comments,
//! `{{ … }}` template expressions and link targets are ignored. A source can show a field in
//! these places:
//!
//! 1. **A labelled value** ([`Evidence::Label`]): a paragraph or list item that starts with one
//!    of the field's labels, as model cards write them: `Developed by: …`,
//!    `**Developed by:** …`, `**License**: …`, `**Input** …` (bold, if the importer kept the
//!    markers). Once the bold markers are gone, `**Intended Use Cases** Llama 3.1 is …`
//!    reads "Intended Use Cases Llama 3.1 is …": a label of two or more words at the very
//!    start still counts; a one-word label only in a short passage without a colon label of
//!    its own, followed by a capital or digit and at least three more words ("Input Models
//!    input text only."). A label with nothing after it (`**BibTeX:**`, or "Training Data" on
//!    a line of its own, written with a capital and not as a list item) takes its value from
//!    the next passage of the same section, unless that passage is another field's label.
//!    Passages in a "Table of contents" section are never labels.
//! 2. **A structured field** ([`Evidence::Field`]): a passage of kind `Field` ("Label: value",
//!    from AI-BOMs and card front matter) whose label is one of the field's labels, its
//!    CycloneDX / SPDX names (`architectureFamily`, `ai_energyConsumption`; of a dotted path
//!    the last part counts) or its card-metadata keys. BOM names such as "task" or "domain"
//!    count only here, never in prose.
//! 3. **A table** ([`Evidence::Table`]): a column header ("Params", "Knowledge cutoff") or the
//!    first cell of a row ("n_parameters") that is one of the field's labels, with the cells
//!    of that column or row as the value; or a caption that names the field like a heading
//!    ("Evaluation results of GPT-J (model-index …)"). A table without header cells uses its
//!    first row as the header (raw HTML tables).
//! 4. **A section heading** ([`Evidence::Heading`]): a section whose title is one of the
//!    field's headings or labels; one of two or more words also matches at the start or end
//!    of a longer title ("Intended Use and Limitations", "Misuse and Out-of-scope Use"). The
//!    value is the section's own passages, leaving out other fields' labelled values; a
//!    section without passages of its own takes those of its subsections, skipping
//!    subsections that are the place of another field of the same framework (and is no
//!    evidence at all if only such subsections remain). When a matching section lies inside
//!    another matching section, only the inner one counts.
//! 5. **Metadata** ([`Evidence::Metadata`]): the document's `licence`, `provider`, `model` and
//!    `version`, and card metadata in `SourceMetadata::extra` (`license`, `language`,
//!    `base_model`, `datasets`, `pipeline_tag`, `library_name`, `metrics`,
//!    `co2_eq_emissions`, …; list indices such as `datasets[0]` are ignored).
//! 6. **The bill of materials** ([`Evidence::Bom`]): the first model component's name,
//!    supplier, licences and description, and the dataset components.
//! 7. **An extracted number** ([`Evidence::Fact`]): a parameter count, FLOPs, energy or CO2e
//!    figure in a passage that is not a table (tables often compare other models).
//!
//! A phrase in running text ([`Evidence::Mention`], e.g. "GPU hours", "knowledge cutoff") is
//! never enough: the field stays [`Disclosure::Unknown`], with that passage as a hint for the
//! author to check.
//!
//! # Status
//!
//! - [`Disclosure::Disclosed`]: some place holds real content. Real content anywhere wins
//!   over placeholders elsewhere.
//! - [`Disclosure::NotDisclosed`]: the field has a place, but every place holds only a
//!   placeholder — "[More Information Needed]" (any case, with or without brackets, trailing
//!   punctuation or a link), "More information needed", "N/A", "TBD", "TODO", "Unknown",
//!   "Forthcoming …", "… goes here", a `{{ … }}` / `{% … %}` template expression — or
//!   nothing at all (an empty section, a label without a value, an empty metadata value).
//!   HTML comments and the Hugging Face template's helper sentences ("Use the code below to
//!   get started with the model.") count as nothing; its default recommendation ("… More
//!   information needed for further recommendations.") counts as a placeholder.
//! - [`Disclosure::Unknown`]: no place for the field was found.
//!
//! The passage reported is the first in reading order among the strongest evidence found:
//! labels, structured fields and tables first, then headings, then labelled list items
//! inside another field's section ("Training Data: …" in a list of limitations), then
//! metadata and the bill of materials, then extracted numbers. The map is deterministic and
//! follows the order of [`TRANSPARENCY_FIELDS`].

mod fields;
mod text;

use std::collections::{HashMap, HashSet};
use std::fmt;

use candor_model::{ComponentKind, PassageKind, SourceContent};
use serde::Serialize;

pub use fields::{
    BomSignal, Framework, TRANSPARENCY_FIELDS, TransparencyField, transparency_field,
};
use text::{
    LabelSplit, Value, classify, contains_words, excerpt, field_name, metadata_key, norm,
    norm_core, split_label, starts_with_words, strip_markup,
};

/// Whether a source discloses a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Disclosure {
    /// The source gives the information.
    Disclosed,
    /// The source has a place for it but leaves it empty or says "more information needed".
    NotDisclosed,
    /// The source does not clearly address it.
    Unknown,
}

impl Disclosure {
    /// Plain words for people: "Disclosed", "Not disclosed", "Unknown".
    pub fn label(self) -> &'static str {
        match self {
            Disclosure::Disclosed => "Disclosed",
            Disclosure::NotDisclosed => "Not disclosed",
            Disclosure::Unknown => "Unknown",
        }
    }
}

/// How the map found a field in the source; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// A structured field (AI-BOM, card metadata) passage.
    Field,
    /// A "Label: value" paragraph or list item.
    Label,
    /// A table column or row header.
    Table,
    /// A section heading.
    Heading,
    /// Document or card metadata.
    Metadata,
    /// The AI bill of materials.
    Bom,
    /// An extracted number with a unit.
    Fact,
    /// A phrase in running text: a hint only.
    Mention,
}

impl Evidence {
    /// Which evidence wins when a field shows up in several places (lower wins); see
    /// [`LABEL_ELSEWHERE`] for labels inside another field's section.
    fn rank(self) -> u8 {
        match self {
            Evidence::Field | Evidence::Label | Evidence::Table => 0,
            Evidence::Heading => 1,
            Evidence::Metadata | Evidence::Bom => 3,
            Evidence::Fact => 4,
            Evidence::Mention => 5,
        }
    }
}

/// The rank of a labelled list item inside a section that is another field's place
/// ("Training Data: …" in a list of limitations): after headings, before metadata.
const LABEL_ELSEWHERE: u8 = 2;

/// What one source says about one transparency field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldDisclosure {
    pub field: &'static TransparencyField,
    pub status: Disclosure,
    /// How the field was found; `None` when there is no trace of it.
    pub evidence: Option<Evidence>,
    /// The section that holds the passage (or, for an empty section, the section itself).
    pub section: Option<String>,
    /// The passage that discloses the field, or that says it is not disclosed; for
    /// `Unknown`, a passage that mentions the topic in passing (a hint), if any.
    pub passage: Option<String>,
    /// The text shown as evidence, at most 200 characters.
    pub excerpt: Option<String>,
}

/// Marks every field of [`TRANSPARENCY_FIELDS`] for `content`, in that order.
///
/// A field is [`Disclosure::Disclosed`] when one of its places — a "Label: value" passage,
/// a structured field, a table header, a section heading, card metadata, the bill of
/// materials, an extracted number — holds real content; [`Disclosure::NotDisclosed`] when
/// its places hold only placeholders ("[More Information Needed]", "TBD", "N/A", `{{ … }}`)
/// or nothing; [`Disclosure::Unknown`] when it has no place in the source. A keyword in
/// running text never makes a field disclosed ([`Evidence::Mention`] is a hint only). The
/// full rules are in the documentation of the `disclosure` module's source.
pub fn disclosure_map(content: &SourceContent) -> Vec<FieldDisclosure> {
    let index = Index::new(content);
    TRANSPARENCY_FIELDS.iter().enumerate().map(|(k, field)| index.disclose(k, field)).collect()
}

/// How many fields of one framework a source discloses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DisclosureCounts {
    pub framework: Framework,
    pub disclosed: usize,
    pub not_disclosed: usize,
    pub unknown: usize,
}

impl DisclosureCounts {
    /// All fields of the framework that were counted.
    pub fn total(&self) -> usize {
        self.disclosed + self.not_disclosed + self.unknown
    }
}

/// "EU form 9/35"
impl fmt::Display for DisclosureCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}/{}", self.framework.short_name(), self.disclosed, self.total())
    }
}

/// Counts per framework, for one-line summaries ("fields disclosed: EU form 9/35, Hugging
/// Face card 15/38").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisclosureSummary {
    /// One entry per framework present in the map, in [`Framework::ALL`] order.
    pub frameworks: Vec<DisclosureCounts>,
}

impl DisclosureSummary {
    /// Counts the statuses of a disclosure map.
    pub fn of(map: &[FieldDisclosure]) -> Self {
        let frameworks = Framework::ALL
            .into_iter()
            .map(|framework| {
                let mut counts =
                    DisclosureCounts { framework, disclosed: 0, not_disclosed: 0, unknown: 0 };
                for entry in map.iter().filter(|e| e.field.framework == framework) {
                    match entry.status {
                        Disclosure::Disclosed => counts.disclosed += 1,
                        Disclosure::NotDisclosed => counts.not_disclosed += 1,
                        Disclosure::Unknown => counts.unknown += 1,
                    }
                }
                counts
            })
            .filter(|counts| counts.total() > 0)
            .collect();
        Self { frameworks }
    }

    /// The counts of one framework.
    pub fn framework(&self, framework: Framework) -> Option<&DisclosureCounts> {
        self.frameworks.iter().find(|c| c.framework == framework)
    }
}

/// "EU form 9/35, Hugging Face card 15/38"
impl fmt::Display for DisclosureSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, counts) in self.frameworks.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{counts}")?;
        }
        Ok(())
    }
}

/// Titles of sections that list the document's sections (normalised).
const CONTENTS_TITLES: &[&str] = &["table of contents", "contents", "toc"];

/// Most passages after an empty label that may hold its value (comments are skipped).
const VALUE_LOOKAHEAD: usize = 3;

/// A passage, read once for all fields.
struct PassageInfo<'a> {
    /// The normalised text, without comments, template expressions and link targets.
    words: String,
    /// An explicit "Label: value" or bold lead-in.
    label: Option<PassageLabel<'a>>,
    /// Whether the passage is some field's labelled value.
    known_label: bool,
    /// Whether labels are read in this passage (not in code, table text or contents lists).
    labelled_kind: bool,
    /// Whether the passage is in a table of contents.
    contents: bool,
    value: Value,
}

struct PassageLabel<'a> {
    words: String,
    core: String,
    /// For `Field` passages: the structured field's name as words.
    field: Option<String>,
    value: &'a str,
}

struct SectionInfo {
    words: String,
    core: String,
    /// One past the last section of this section's subtree.
    end: usize,
}

/// Where and how a field was found, before the best place is chosen.
struct Candidate {
    content: bool,
    evidence: Evidence,
    /// Lower wins; see [`Evidence::rank`].
    rank: u8,
    /// Reading-order position (passage index; `usize::MAX` without a passage).
    order: usize,
    passage: Option<usize>,
    section: Option<usize>,
    /// Shown instead of the passage text.
    excerpt: Option<String>,
}

/// A source's content prepared for matching.
struct Index<'a> {
    content: &'a SourceContent,
    passages: Vec<PassageInfo<'a>>,
    sections: Vec<SectionInfo>,
    /// For each section, the fields whose place it is.
    section_fields: Vec<Vec<usize>>,
    positions: HashMap<&'a str, usize>,
    /// (normalised key, key as written, value).
    metadata: Vec<(String, &'a str, &'a str)>,
}

impl<'a> Index<'a> {
    fn new(content: &'a SourceContent) -> Self {
        let known: HashSet<&str> = TRANSPARENCY_FIELDS
            .iter()
            .flat_map(|f| f.labels.iter().chain(f.bom_fields))
            .copied()
            .collect();
        let sections: Vec<SectionInfo> = (0..content.sections.len())
            .map(|s| {
                let title = &content.sections[s].title;
                SectionInfo {
                    words: norm(title),
                    core: norm_core(title),
                    end: subtree_end(content, s),
                }
            })
            .collect();
        let passages = content
            .passages
            .iter()
            .map(|p| {
                let contents = p
                    .section
                    .and_then(|s| sections.get(s))
                    .is_some_and(|s| CONTENTS_TITLES.contains(&s.words.as_str()));
                let labelled_kind =
                    !contents && !matches!(p.kind, PassageKind::Code | PassageKind::Table);
                let words = norm(&strip_markup(&p.text).0);
                let label = if labelled_kind { split_label(&p.text) } else { None }.map(
                    |LabelSplit { label, value }| PassageLabel {
                        words: norm(label),
                        core: norm_core(label),
                        field: (p.kind == PassageKind::Field).then(|| field_name(label)),
                        value,
                    },
                );
                let known_label = labelled_kind
                    && (known.contains(words.as_str())
                        || label.as_ref().is_some_and(|l| {
                            known.contains(l.words.as_str())
                                || known.contains(l.core.as_str())
                                || l.field.as_deref().is_some_and(|f| known.contains(f))
                        }));
                let value = classify(&p.text);
                PassageInfo { words, label, known_label, labelled_kind, contents, value }
            })
            .collect();
        let section_fields = sections
            .iter()
            .map(|section| {
                TRANSPARENCY_FIELDS
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| {
                        f.headings.iter().chain(f.labels).any(|h| heading_matches(section, h))
                    })
                    .map(|(k, _)| k)
                    .collect()
            })
            .collect();
        let positions =
            content.passages.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let meta = &content.metadata;
        let mut metadata: Vec<(String, &str, &str)> = [
            ("provider", &meta.provider),
            ("model", &meta.model),
            ("version", &meta.version),
            ("licence", &meta.licence),
        ]
        .into_iter()
        .filter_map(|(key, value)| value.as_deref().map(|v| (key.to_owned(), key, v)))
        .collect();
        metadata.extend(meta.extra.iter().map(|(k, v)| (metadata_key(k), k.as_str(), v.as_str())));
        Self { content, passages, sections, section_fields, positions, metadata }
    }

    fn disclose(&self, k: usize, field: &'static TransparencyField) -> FieldDisclosure {
        let mut found = Vec::new();
        self.labels(k, field, &mut found);
        self.tables(field, &mut found);
        self.headings(k, &mut found);
        self.metadata(field, &mut found);
        self.bom(field, &mut found);
        self.facts(field, &mut found);
        let best = |content: bool| {
            found.iter().filter(|c| c.content == content).min_by_key(|c| (c.rank, c.order))
        };
        if let Some(c) = best(true) {
            self.entry(field, Disclosure::Disclosed, Some(c))
        } else if let Some(c) = best(false) {
            self.entry(field, Disclosure::NotDisclosed, Some(c))
        } else {
            let hint = self.mention(field);
            self.entry(field, Disclosure::Unknown, hint.as_ref())
        }
    }

    fn entry(
        &self,
        field: &'static TransparencyField,
        status: Disclosure,
        found: Option<&Candidate>,
    ) -> FieldDisclosure {
        let Some(c) = found else {
            return FieldDisclosure {
                field,
                status,
                evidence: None,
                section: None,
                passage: None,
                excerpt: None,
            };
        };
        let passage = c.passage.and_then(|i| self.content.passages.get(i));
        let section = passage.and_then(|p| p.section).or(c.section);
        let text = c
            .excerpt
            .as_deref()
            .or(passage.map(|p| p.text.as_str()))
            .or(section.and_then(|s| self.content.sections.get(s)).map(|s| s.title.as_str()));
        FieldDisclosure {
            field,
            status,
            evidence: Some(c.evidence),
            section: section.and_then(|s| self.content.sections.get(s)).map(|s| s.id.clone()),
            passage: passage.map(|p| p.id.clone()),
            excerpt: text.map(excerpt).filter(|t| !t.is_empty()),
        }
    }

    /// Labelled values and structured fields.
    fn labels(&self, k: usize, field: &TransparencyField, found: &mut Vec<Candidate>) {
        let metadata_words: Vec<String> = field.metadata_keys.iter().map(|k| norm(k)).collect();
        for (i, info) in self.passages.iter().enumerate() {
            if !info.labelled_kind || info.value == Value::Empty {
                continue; // code, tables, contents lists, comments, template helper sentences
            }
            let passage = &self.content.passages[i];
            let is_field = passage.kind == PassageKind::Field;
            let evidence = if is_field { Evidence::Field } else { Evidence::Label };
            let rank = match passage.section {
                Some(s)
                    if passage.kind == PassageKind::ListItem
                        && self.claimed_by_other(s, k, false) =>
                {
                    LABEL_ELSEWHERE
                }
                _ => evidence.rank(),
            };
            let explicit = info.label.as_ref().filter(|l| {
                let names = [Some(&l.words), Some(&l.core), l.field.as_ref()];
                names.into_iter().flatten().any(|name| {
                    field.labels.contains(&name.as_str())
                        || (is_field
                            && (field.bom_fields.contains(&name.as_str())
                                || metadata_words.contains(name)))
                })
            });
            if let Some(label) = explicit {
                found.push(self.labelled(i, classify(label.value), evidence, rank));
                continue;
            }
            if (info.label.is_some() && info.known_label) || info.value != Value::Content {
                continue; // another field's label, or a bare "[More Information Needed]"
            }
            // "Language Learning Tools: …" has a label of its own; "License A custom
            // commercial license is available at: …" does not (the colon comes too late).
            let explicit_label = info
                .label
                .as_ref()
                .is_some_and(|l| l.words.split(' ').count() <= MAX_OWN_LABEL_WORDS);
            if let Some(rest) =
                lead_in(&passage.text, &info.words, passage.kind, explicit_label, field.labels)
            {
                found.push(self.labelled(i, classify(rest), evidence, rank));
            }
        }
    }

    /// A label at passage `i` whose own value is `value`; an empty value is taken from the
    /// passages that follow.
    fn labelled(&self, i: usize, value: Value, evidence: Evidence, rank: u8) -> Candidate {
        let text = |j: usize| self.content.passages.get(j).map_or("", |p| p.text.as_str());
        let at = |j: usize, content: bool| Candidate {
            content,
            evidence,
            rank,
            order: j,
            passage: Some(j),
            section: None,
            // "Funded by:" + "The French government." reads as one.
            excerpt: (j != i).then(|| format!("{} {}", text(i), text(j))),
        };
        match value {
            Value::Content => at(i, true),
            Value::Placeholder => at(i, false),
            Value::Empty => match self.value_after(i) {
                Some(j) => at(j, self.passages[j].value == Value::Content),
                None => at(i, false),
            },
        }
    }

    /// The passage that holds the value of an empty label at `i`.
    fn value_after(&self, i: usize) -> Option<usize> {
        let section = self.content.passages.get(i)?.section;
        let end = (i + 1 + VALUE_LOOKAHEAD).min(self.passages.len());
        for j in i + 1..end {
            let info = &self.passages[j];
            if self.content.passages[j].section != section || info.known_label {
                return None;
            }
            if info.value != Value::Empty {
                return Some(j);
            }
        }
        None
    }

    /// Whether section `s` is the place of some field other than `k` (of the same framework
    /// only, if `same_framework`) and not of `k`.
    fn claimed_by_other(&self, s: usize, k: usize, same_framework: bool) -> bool {
        let Some(fields) = self.section_fields.get(s) else {
            return false;
        };
        let framework = TRANSPARENCY_FIELDS.get(k).map(|f| f.framework);
        !fields.contains(&k)
            && fields.iter().any(|&j| {
                !same_framework || TRANSPARENCY_FIELDS.get(j).map(|f| f.framework) == framework
            })
    }

    /// Table column headers and row headers.
    fn tables(&self, field: &TransparencyField, found: &mut Vec<Candidate>) {
        let matches = |cell: &str| {
            let (words, core) = (norm(cell), norm_core(cell));
            field.labels.iter().any(|l| *l == words || *l == core)
        };
        for table in &self.content.tables {
            let Some(&position) = self.positions.get(table.passage.as_str()) else {
                continue;
            };
            let (header, body) = if table.header.iter().any(|c| !c.trim().is_empty()) {
                (table.header.as_slice(), table.rows.as_slice())
            } else if let Some((first, rest)) = table.rows.split_first() {
                (first.as_slice(), rest)
            } else {
                continue;
            };
            if let Some(caption) = &table.caption {
                let (words, core) = (norm(caption), norm_core(caption));
                if field
                    .headings
                    .iter()
                    .chain(field.labels)
                    .any(|h| title_matches(&words, &core, h))
                {
                    let cells = table.rows.iter().flatten();
                    found.push(Candidate {
                        content: cells.map(|c| classify(c)).any(|v| v == Value::Content),
                        evidence: Evidence::Table,
                        rank: Evidence::Table.rank(),
                        order: position,
                        passage: Some(position),
                        section: None,
                        excerpt: Some(caption.clone()),
                    });
                }
            }
            let mut places: Vec<(&str, Vec<&str>)> = Vec::new();
            for (column, cell) in header.iter().enumerate() {
                if matches(cell) {
                    let cells = body.iter().filter_map(|row| row.get(column));
                    places.push((cell, cells.map(String::as_str).collect()));
                }
            }
            for row in body {
                if let Some((first, rest)) = row.split_first()
                    && !rest.is_empty()
                    && matches(first)
                {
                    places.push((first, rest.iter().map(String::as_str).collect()));
                }
            }
            for (label, cells) in places {
                let values: Vec<Value> = cells.iter().map(|c| classify(c)).collect();
                let content = values.contains(&Value::Content);
                let shown: Vec<&str> =
                    cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
                found.push(Candidate {
                    content,
                    evidence: Evidence::Table,
                    rank: Evidence::Table.rank(),
                    order: position,
                    passage: Some(position),
                    section: None,
                    excerpt: Some(format!("{}: {}", label.trim(), shown.join(", "))),
                });
            }
        }
    }

    /// Sections whose title is the field's place.
    fn headings(&self, k: usize, found: &mut Vec<Candidate>) {
        let matched: Vec<usize> =
            (0..self.sections.len()).filter(|&s| self.section_fields[s].contains(&k)).collect();
        for &s in &matched {
            let end = self.sections[s].end;
            if matched.iter().any(|&t| t > s && t < end) {
                continue; // a more specific section inside this one is the place
            }
            let Some(passages) = self.section_passages(s, k) else {
                continue; // only other fields' subsections: not this field's place
            };
            let first_content =
                passages.iter().copied().find(|&i| self.passages[i].value == Value::Content);
            let first_placeholder =
                passages.iter().copied().find(|&i| self.passages[i].value == Value::Placeholder);
            let (content, passage) = match (first_content, first_placeholder) {
                (Some(i), _) => (true, Some(i)),
                (None, placeholder) => (false, placeholder),
            };
            let order = passage.unwrap_or_else(|| self.section_position(s));
            found.push(Candidate {
                content,
                evidence: Evidence::Heading,
                rank: Evidence::Heading.rank(),
                order,
                passage,
                section: Some(s),
                excerpt: None,
            });
        }
    }

    /// The passages that make up section `s` as the place of field `k`: its own, or, when
    /// it has none, those of its subsections that are not another field's place. `None` when
    /// the section has no passages of its own and all its subsections are other fields'.
    fn section_passages(&self, s: usize, k: usize) -> Option<Vec<usize>> {
        let usable = |i: &usize| {
            let info = &self.passages[*i];
            info.value != Value::Empty && !info.known_label
        };
        let own: Vec<usize> = (0..self.passages.len())
            .filter(|&i| self.content.passages[i].section == Some(s))
            .filter(usable)
            .collect();
        if !own.is_empty() {
            return Some(own);
        }
        let end = self.sections[s].end;
        let mut included = vec![false; self.sections.len()];
        let mut any = false;
        let mut d = s + 1;
        while d < end {
            if self.claimed_by_other(d, k, true) {
                d = self.sections[d].end.max(d + 1);
                continue;
            }
            if let Some(flag) = included.get_mut(d) {
                *flag = true;
                any = true;
            }
            d += 1;
        }
        if !any && end > s + 1 {
            return None;
        }
        let passages = (0..self.passages.len())
            .filter(|&i| {
                self.content.passages[i].section.is_some_and(|x| included.get(x) == Some(&true))
            })
            .filter(usable)
            .collect();
        Some(passages)
    }

    /// The reading-order position of section `s`: its first passage or the next one after it.
    fn section_position(&self, s: usize) -> usize {
        self.content
            .passages
            .iter()
            .position(|p| p.section.is_some_and(|x| x >= s))
            .unwrap_or(self.passages.len())
    }

    fn metadata(&self, field: &TransparencyField, found: &mut Vec<Candidate>) {
        for (key, shown, value) in &self.metadata {
            if field.metadata_keys.contains(&key.as_str()) {
                found.push(Candidate {
                    content: classify(value) == Value::Content,
                    evidence: Evidence::Metadata,
                    rank: Evidence::Metadata.rank(),
                    order: usize::MAX,
                    passage: None,
                    section: None,
                    excerpt: Some(format!("{shown}: {value}")),
                });
            }
        }
    }

    fn bom(&self, field: &TransparencyField, found: &mut Vec<Candidate>) {
        let Some(bom) = &self.content.bom else {
            return;
        };
        let model = bom.components.iter().find(|c| c.kind == ComponentKind::Model);
        for signal in field.bom {
            let shown = match signal {
                BomSignal::ModelName => model.map(|m| match &m.version {
                    Some(v) => format!("Model: {} {v}", m.name),
                    None => format!("Model: {}", m.name),
                }),
                BomSignal::ModelSupplier => {
                    model.and_then(|m| m.supplier.as_ref()).map(|s| format!("Supplier: {s}"))
                }
                BomSignal::ModelLicence => model
                    .filter(|m| !m.licences.is_empty())
                    .map(|m| format!("Licences: {}", m.licences.join(", "))),
                BomSignal::ModelDescription => {
                    model.and_then(|m| m.description.as_ref()).map(|d| format!("Description: {d}"))
                }
                BomSignal::Datasets => {
                    let names: Vec<&str> = bom
                        .components
                        .iter()
                        .filter(|c| c.kind == ComponentKind::Dataset)
                        .map(|c| c.name.as_str())
                        .collect();
                    (!names.is_empty()).then(|| format!("Datasets: {}", names.join(", ")))
                }
            };
            if let Some(shown) = shown {
                let value = shown.split_once(": ").map_or(shown.as_str(), |(_, v)| v);
                found.push(Candidate {
                    content: classify(value) == Value::Content,
                    evidence: Evidence::Bom,
                    rank: Evidence::Bom.rank(),
                    order: usize::MAX,
                    passage: None,
                    section: None,
                    excerpt: Some(shown),
                });
            }
        }
    }

    fn facts(&self, field: &TransparencyField, found: &mut Vec<Candidate>) {
        for fact in self.content.facts.iter().filter(|f| field.facts.contains(&f.kind)) {
            let Some(&i) = self.positions.get(fact.passage.as_str()) else {
                continue;
            };
            if self.content.passages[i].kind == PassageKind::Table {
                continue;
            }
            let sentence = Some(fact.sentence.clone()).filter(|s| !s.trim().is_empty());
            found.push(Candidate {
                content: true,
                evidence: Evidence::Fact,
                rank: Evidence::Fact.rank(),
                order: i,
                passage: Some(i),
                section: None,
                excerpt: sentence,
            });
        }
    }

    /// The first passage that mentions one of the field's phrases in running text.
    fn mention(&self, field: &TransparencyField) -> Option<Candidate> {
        if field.mentions.is_empty() {
            return None;
        }
        let i = self.passages.iter().enumerate().position(|(i, info)| {
            self.content.passages[i].kind != PassageKind::Code
                && !info.contents
                && info.value != Value::Empty
                && field.mentions.iter().any(|m| contains_words(&info.words, m))
        })?;
        Some(Candidate {
            content: false,
            evidence: Evidence::Mention,
            rank: Evidence::Mention.rank(),
            order: i,
            passage: Some(i),
            section: None,
            excerpt: None,
        })
    }
}

/// Longest passage, in words, where a one-word label without colon or bold markers still
/// counts as a lead-in ("License A custom commercial license is available at …").
const MAX_ONE_WORD_LEAD_IN: usize = 40;
/// Most words of a colon label that stops a one-word lead-in (longer ones are sentences).
const MAX_OWN_LABEL_WORDS: usize = 4;
/// Fewest words after a one-word label without colon ("Training Data" is a title, not the
/// label "Training" with the value "Data").
const MIN_ONE_WORD_VALUE: usize = 3;

/// The value after a label that opens a passage without a colon, the way `**Label** text`
/// reads once the importer has dropped the bold markers; `None` if no label of `labels`
/// opens the passage. `words` is the passage's normalised text.
///
/// - A label of two or more words opens the passage: "Intended Use Cases Llama 3.1 is …".
/// - A one-word label opens a short passage without a label of its own ("Language Learning
///   Tools: …" is not about languages) and is followed by a capital or a digit and at least
///   [`MIN_ONE_WORD_VALUE`] words: "Input Models input text only.", "License A custom
///   commercial license …".
/// - A label that is the whole passage ("Training Data" on a line of its own) takes its
///   value from the next passage; it must start with a capital or digit and not be a list
///   item (lists of bare topics are contents lists, not labels).
fn lead_in<'w>(
    text: &str,
    words: &'w str,
    kind: PassageKind,
    explicit_label: bool,
    labels: &[&str],
) -> Option<&'w str> {
    let raw = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let capital =
        |s: &str| s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let label = labels.iter().find(|label| {
        if words == **label {
            return kind != PassageKind::ListItem && capital(raw);
        }
        if !starts_with_words(words, label) {
            return false;
        }
        if label.contains(' ') {
            return true;
        }
        // One word: "Input Models …" — the label word, then a capital.
        let after = raw.get(label.len()..).unwrap_or("");
        let value_words = words.split(' ').count().saturating_sub(1);
        !explicit_label
            && value_words >= MIN_ONE_WORD_VALUE
            && raw.get(..label.len()).is_some_and(|w| w.eq_ignore_ascii_case(label))
            && after.starts_with(|c: char| c.is_whitespace())
            && capital(after.trim_start())
            && words.split(' ').count() <= MAX_ONE_WORD_LEAD_IN
    })?;
    Some(words[label.len()..].trim_start())
}

/// Whether a section title is the place named by `heading` (normalised).
fn heading_matches(section: &SectionInfo, heading: &str) -> bool {
    title_matches(&section.words, &section.core, heading)
}

/// Whether a title (normalised, and without bracketed parts) is the place named by
/// `heading`: the whole title, or, for headings of two or more words, its start or end.
fn title_matches(words: &str, core: &str, heading: &str) -> bool {
    if words.is_empty() {
        return false;
    }
    if words == heading || core == heading {
        return true;
    }
    heading.contains(' ')
        && (starts_with_words(words, heading)
            || starts_with_words(core, heading)
            || words.strip_suffix(heading).is_some_and(|before| before.ends_with(' ')))
}

/// One past the last section inside section `s` (sections are in document order).
fn subtree_end(content: &SourceContent, s: usize) -> usize {
    let inside = |t: usize| {
        let mut current = t;
        while let Some(parent) = content.sections.get(current).and_then(|x| x.parent) {
            if parent == s {
                return true;
            }
            if parent >= current || parent < s {
                return false;
            }
            current = parent;
        }
        false
    };
    (s + 1..content.sections.len()).find(|&t| !inside(t)).unwrap_or(content.sections.len())
}

#[cfg(test)]
mod tests;
