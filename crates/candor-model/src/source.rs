//! Imported technical documents: the structure a person navigates and cites.

use serde::{Deserialize, Serialize};

/// The file format a source was imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceFormat {
    Markdown,
    Html,
    Pdf,
    Docx,
    CycloneDx,
    Spdx,
}

impl SourceFormat {
    pub fn id(self) -> &'static str {
        match self {
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Pdf => "pdf",
            SourceFormat::Docx => "docx",
            SourceFormat::CycloneDx => "cyclonedx",
            SourceFormat::Spdx => "spdx",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Markdown, Self::Html, Self::Pdf, Self::Docx, Self::CycloneDx, Self::Spdx]
            .into_iter()
            .find(|f| f.id() == text)
    }

    /// A name for people: "PDF", "CycloneDX AI-BOM".
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Markdown => "Markdown",
            SourceFormat::Html => "HTML",
            SourceFormat::Pdf => "PDF",
            SourceFormat::Docx => "Word (DOCX)",
            SourceFormat::CycloneDx => "CycloneDX AI-BOM",
            SourceFormat::Spdx => "SPDX AI-BOM",
        }
    }
}

/// An imported document's content, as the importers extract it.
///
/// Ids of sections and passages are stable: importing the same bytes again gives the same
/// ids, so citations (`source:ID#PASSAGE`) keep pointing at the same text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SourceContent {
    pub metadata: SourceMetadata,
    /// Sections in document order; `parent` indexes this list.
    pub sections: Vec<Section>,
    /// Paragraph-level passages in reading order.
    pub passages: Vec<Passage>,
    pub tables: Vec<SourceTable>,
    /// Numbers with units found in the passages.
    pub facts: Vec<Fact>,
    /// Page count, for formats with pages.
    pub pages: Option<u32>,
    /// The bill of materials, for AI-BOM sources.
    pub bom: Option<Bom>,
}

/// What the document says about itself, where it can be detected.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SourceMetadata {
    pub title: Option<String>,
    pub provider: Option<String>,
    pub model: Option<String>,
    pub version: Option<String>,
    /// As written in the document (formats vary too much to normalise safely).
    pub date: Option<String>,
    pub licence: Option<String>,
    /// Other key-value facts (e.g. Hugging Face card metadata: `pipeline_tag`, `datasets`).
    pub extra: Vec<(String, String)>,
}

/// A section of the document's outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id: `sec-7-3-2` from the document's own numbering, else from the title.
    pub id: String,
    /// 1 for top-level sections.
    pub level: u8,
    /// The document's own numbering, e.g. "7.3.2".
    pub number: Option<String>,
    pub title: String,
    pub parent: Option<usize>,
    /// First page of the section, for formats with pages.
    pub page: Option<u32>,
}

/// What kind of text a passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PassageKind {
    Paragraph,
    ListItem,
    /// A table, as text (one passage per table; the structure is in `SourceContent::tables`).
    Table,
    Caption,
    Footnote,
    Code,
    Quote,
    /// A value of a structured field (AI-BOM JSON, card metadata).
    Field,
}

/// A paragraph-level piece of text a companion document can cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Stable id: `SECTION-pN` (e.g. `sec-7-3-p2`), or `pN` before the first section.
    pub id: String,
    pub kind: PassageKind,
    /// Index into `SourceContent::sections`.
    pub section: Option<usize>,
    pub text: String,
    pub page: Option<u32>,
}

/// A table of the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceTable {
    pub id: String,
    /// The passage holding this table's text.
    pub passage: String,
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub page: Option<u32>,
}

/// What a number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    Percentage,
    Probability,
    Parameters,
    Flops,
    Tokens,
    Date,
    Energy,
    Co2e,
    Duration,
    Count,
    /// A benchmark score in a table cell ("66.7" in the MMLU row): unit "score" whatever the
    /// metric, the value as written; the benchmark, metric and model are in the sentence.
    Score,
}

/// A number found in a passage, with its unit and the sentence around it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub kind: FactKind,
    /// The value in the unit below (e.g. 7e9 for "7B parameters", 0.2 for "20%").
    pub value: f64,
    /// The normalised unit: "%", "parameters", "FLOP", "tokens", "kWh", "tCO2e", "hours",
    /// "score", ….
    pub unit: String,
    /// The text as written ("7B", "3.8 × 10^25 FLOPs").
    pub text: String,
    pub sentence: String,
    pub passage: String,
}

/// An AI bill of materials: what a model is built from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Bom {
    /// The spec and version, e.g. "CycloneDX 1.6" or "SPDX 3.0".
    pub spec: String,
    pub components: Vec<BomComponent>,
    /// (from, relationship, to) by component `reference`.
    pub relationships: Vec<(String, String, String)>,
}

/// What a BOM component is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ComponentKind {
    Model,
    Dataset,
    Library,
    Application,
    Other,
}

/// One component of an AI bill of materials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BomComponent {
    /// The BOM's own reference (`bom-ref`, SPDX id).
    pub reference: String,
    pub kind: ComponentKind,
    pub name: String,
    pub version: Option<String>,
    pub supplier: Option<String>,
    pub licences: Vec<String>,
    pub description: Option<String>,
}
