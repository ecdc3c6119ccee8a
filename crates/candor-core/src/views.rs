//! What the desktop window shows, as plain serialisable data: projects, sources, documents,
//! versions, search hits. The window's TypeScript types are generated from these (feature `ts`).

use candor_analysis::{Disclosure, FieldDisclosure};
use candor_store::{DocumentSummary, PassageHit, SourceSummary, VersionSummary};
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

/// A project as its navigator shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ProjectOverview {
    /// The file name without `.candor`.
    pub name: String,
    /// Where the project file is, for display.
    pub path: String,
    pub sources: Vec<SourceItem>,
    pub documents: Vec<DocumentItem>,
}

/// An imported source in a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SourceItem {
    pub id: String,
    pub title: String,
    pub file_name: String,
    /// `pdf`, `docx`, `html`, `markdown`, `cyclonedx`, `spdx`.
    pub format: String,
    pub imported_at: String,
    pub pages: Option<u32>,
    pub sections: u32,
    pub passages: u32,
}

impl From<&SourceSummary> for SourceItem {
    fn from(s: &SourceSummary) -> Self {
        Self {
            id: s.id.clone(),
            title: s.title.clone(),
            file_name: s.file_name.clone(),
            format: s.format.id().to_owned(),
            imported_at: s.imported_at.clone(),
            pages: s.pages,
            sections: s.sections,
            passages: s.passages,
        }
    }
}

/// A companion document in a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DocumentItem {
    pub id: String,
    pub title: String,
    pub created_at: String,
    pub latest: VersionItem,
}

impl From<&DocumentSummary> for DocumentItem {
    fn from(d: &DocumentSummary) -> Self {
        Self {
            id: d.id.as_str().to_owned(),
            title: d.title.clone(),
            created_at: d.created_at.clone(),
            latest: VersionItem::from(&d.latest),
        }
    }
}

/// One version of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct VersionItem {
    pub number: u32,
    pub at: String,
    /// `save`, `export`, `restore` or `import`.
    pub kind: String,
    pub note: String,
    pub restored_from: Option<u32>,
}

impl From<&VersionSummary> for VersionItem {
    fn from(v: &VersionSummary) -> Self {
        Self {
            number: v.number,
            at: v.at.clone(),
            kind: v.kind.id().to_owned(),
            note: v.note.clone(),
            restored_from: v.restored_from,
        }
    }
}

/// A source opened in the reader: its outline, passages and disclosure map.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SourceReader {
    pub source: SourceItem,
    /// What the document says about itself: (label, value) pairs.
    pub metadata: Vec<(String, String)>,
    pub outline: Vec<OutlineEntry>,
    pub passages: Vec<PassageItem>,
    pub disclosure: Vec<DisclosureRow>,
}

/// A section of a source's outline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct OutlineEntry {
    pub id: String,
    pub level: u8,
    pub number: Option<String>,
    pub title: String,
    pub page: Option<u32>,
}

/// A passage of a source, citable as `source:SOURCE#ID`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PassageItem {
    pub id: String,
    /// `paragraph`, `list-item`, `table`, `caption`, `footnote`, `code`, `quote`, `field`.
    pub kind: String,
    /// Index into the outline.
    pub section: Option<u32>,
    pub text: String,
    pub page: Option<u32>,
}

/// What a source says about one transparency field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DisclosureRow {
    /// e.g. "EU form", "Hugging Face card".
    pub framework: String,
    /// The official item number, where the framework has one.
    pub number: Option<String>,
    pub group: String,
    pub label: String,
    /// `disclosed`, `not-disclosed` or `unknown`.
    pub status: String,
    pub passage: Option<String>,
    pub excerpt: Option<String>,
}

impl From<&FieldDisclosure> for DisclosureRow {
    fn from(f: &FieldDisclosure) -> Self {
        Self {
            framework: f.field.framework.short_name().to_owned(),
            number: f.field.number.map(str::to_owned),
            group: f.field.group.to_owned(),
            label: f.field.label.to_owned(),
            status: match f.status {
                Disclosure::Disclosed => "disclosed",
                Disclosure::NotDisclosed => "not-disclosed",
                Disclosure::Unknown => "unknown",
            }
            .to_owned(),
            passage: f.passage.clone(),
            excerpt: f.excerpt.clone(),
        }
    }
}

/// A passage that matches a search of the project's sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SearchHit {
    pub source_id: String,
    pub passage_id: String,
    pub page: Option<u32>,
    pub section: Option<String>,
    /// An excerpt around the matches; `highlights` are its matched byte ranges.
    pub snippet: String,
    pub highlights: Vec<(u32, u32)>,
}

impl From<&PassageHit> for SearchHit {
    fn from(h: &PassageHit) -> Self {
        Self {
            source_id: h.source_id.clone(),
            passage_id: h.passage_id.clone(),
            page: h.page,
            section: h.section.clone(),
            snippet: h.snippet.clone(),
            highlights: h.highlights.iter().map(|s| (s.start as u32, s.end as u32)).collect(),
        }
    }
}

/// A document opened for editing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct EditingDocument {
    pub id: String,
    pub title: String,
    /// The working text: the autosaved text when there is unsaved work, else the latest version.
    pub text: String,
    pub latest_version: u32,
    /// Set when unsaved work from an earlier session was recovered.
    pub recovered_from: Option<String>,
}

/// What importing one file gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ImportOutcome {
    pub file_name: String,
    /// The new (or existing) source; `None` when the file could not be imported.
    pub source: Option<SourceItem>,
    pub already_present: bool,
    /// Why the file could not be imported, in words for the user.
    pub error: Option<String>,
    /// Problems in the file's content; it was imported anyway.
    pub warnings: Vec<String>,
}

/// A project in the welcome screen's list.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct RecentProject {
    pub path: String,
    pub name: String,
    pub opened_at: String,
    /// Whether the file is still there.
    #[serde(default)]
    pub exists: bool,
}

/// A problem in a document, placed for the editor.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ProblemItem {
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// A stable code such as `risk/unknown-category`.
    pub code: String,
    pub message: String,
    pub hints: Vec<String>,
    /// 1-based line and column of the start.
    pub line: u32,
    pub column: u32,
    /// Byte offsets of the problem in the text.
    pub start: u32,
    pub end: u32,
    /// A one-click fix, when the rule knows one.
    pub fix: Option<FixItem>,
}

/// Replace the text from `start` to `end` (byte offsets) with `replacement`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct FixItem {
    /// What the fix does, for its button ("Write “1,000”").
    pub label: String,
    pub start: u32,
    pub end: u32,
    pub replacement: String,
}

/// How readable a document is, per section, against the reading level its header asks for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ScoreCard {
    /// The language the formulas are for (`en`, `de` …); `None`: only LIX and RIX apply.
    pub language: Option<String>,
    /// The school grade the header's `reading_level` asks for.
    pub target_grade: Option<u8>,
    pub whole: ScoreLine,
    pub sections: Vec<ScoreLine>,
}

/// The readability of the whole document or of one section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ScoreLine {
    /// The section's heading; empty for text before the first heading and for the whole.
    pub label: String,
    /// Byte offsets of the section in the text.
    pub start: u32,
    pub end: u32,
    pub words: u32,
    pub sentences: u32,
    /// The school grade the text needs, where the language has a grade formula.
    pub grade: Option<f64>,
    /// Whether the grade is above the target.
    pub above_target: bool,
    pub scores: Vec<ScoreValue>,
}

/// One formula's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ScoreValue {
    pub formula: String,
    pub value: f64,
    /// `true` for reading-ease scores (higher is easier), `false` for grades and LIX.
    pub higher_is_easier: bool,
}

impl ScoreCard {
    pub fn of(r: &candor_analysis::DocumentReadability) -> ScoreCard {
        let line = |label: &str,
                    span: candor_model::Span,
                    readability: &candor_analysis::Readability| {
            let grade = readability.grade();
            ScoreLine {
                label: label.to_owned(),
                start: span.start as u32,
                end: span.end as u32,
                words: readability.stats.words,
                sentences: readability.stats.sentences,
                grade,
                above_target: matches!((grade, r.target_grade), (Some(g), Some(t)) if g > f64::from(t)),
                scores: readability
                    .scores
                    .iter()
                    .map(|s| ScoreValue {
                        formula: s.formula.name().to_owned(),
                        value: s.value,
                        higher_is_easier: s.formula.higher_is_easier(),
                    })
                    .collect(),
            }
        };
        let end = r.sections.last().map_or(0, |s| s.span.end);
        ScoreCard {
            language: r.whole.language.map(|l| l.code().to_owned()),
            target_grade: r.target_grade,
            whole: line("", candor_model::Span::new(0, end), &r.whole),
            sections: r
                .sections
                .iter()
                .filter(|s| s.readability.stats.words > 0)
                .map(|s| line(&s.label, s.span, &s.readability))
                .collect(),
        }
    }
}

/// The words a risk block may use, for the editor's risk form.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct RiskVocabulary {
    pub categories: Vec<VocabularyEntry>,
    pub mitigation_kinds: Vec<VocabularyEntry>,
    /// `low`, `moderate`, `high`, `critical`.
    pub severities: Vec<String>,
    /// The calibrated likelihood words ("very unlikely", …), lowest first.
    pub likelihood_words: Vec<String>,
}

/// One allowed value: its id in the text and its plain name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct VocabularyEntry {
    pub id: String,
    pub name: String,
    /// A plain description.
    pub about: String,
    /// Where the value comes from (official item numbers), if anywhere.
    pub reference: Option<String>,
    /// For categories: which list it comes from (`specified`, `type`, `example`,
    /// `first-draft`, `broader`, `project`).
    pub group: Option<String>,
    /// For categories: one of the four systemic risks the Code of Practice specifies.
    pub specified: bool,
}

/// Every risk category (of `taxonomy`: the built-in one plus a project's own), mitigation
/// kind, severity and likelihood word, named in English for the editor.
pub fn risk_vocabulary(taxonomy: &candor_model::Taxonomy) -> RiskVocabulary {
    let english = candor_model::LanguageTag::default();
    let entry = |e: &candor_model::TaxonomyEntry| VocabularyEntry {
        id: e.id.clone(),
        name: e.name(&english).to_owned(),
        about: e.about(&english).to_owned(),
        reference: (!e.references.is_empty()).then(|| e.references.join("; ")),
        group: e.group.map(|g| g.id().to_owned()),
        specified: e.specified(),
    };
    RiskVocabulary {
        categories: taxonomy.categories().iter().map(entry).collect(),
        mitigation_kinds: taxonomy.mitigations().iter().map(entry).collect(),
        severities: ["low", "moderate", "high", "critical"].map(str::to_owned).to_vec(),
        likelihood_words: [
            "exceptionally unlikely",
            "very unlikely",
            "unlikely",
            "about as likely as not",
            "likely",
            "very likely",
            "virtually certain",
        ]
        .map(str::to_owned)
        .to_vec(),
    }
}
