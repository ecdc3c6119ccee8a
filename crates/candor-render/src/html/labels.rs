//! The words only the HTML page needs (skip link, contents, back links, …), one table per
//! language. Words shared with the PDF come from `crate::labels::Labels`.

use crate::risk_text::Language;

/// Page words of one language. Templates name their parts in braces (`{n}`).
pub(super) struct PageLabels {
    pub skip_link: &'static str,
    pub contents: &'static str,
    pub untitled: &'static str,
    pub explains: &'static str,
    pub footer_version: &'static str,
    pub footer_published: &'static str,
    pub notes: &'static str,
    pub note: &'static str,
    pub back_to_text: &'static str,
    pub source: &'static str,
    pub table: &'static str,
    pub task_done: &'static str,
    pub task_not_done: &'static str,
    pub image_missing: &'static str,
    pub untitled_risk: &'static str,
    pub range: &'static str,
    pub severity_scale: &'static str,
    pub overview_caption: &'static str,
    pub overview_empty: &'static str,
}

impl PageLabels {
    pub fn of(language: Language) -> &'static PageLabels {
        match language {
            Language::English => &ENGLISH,
        }
    }
}

static ENGLISH: PageLabels = PageLabels {
    skip_link: "Skip to main content",
    contents: "Contents",
    untitled: "Untitled document",
    explains: "Explains",
    footer_version: "Version {version}",
    footer_published: "Published {date}",
    notes: "Notes",
    note: "Note",
    back_to_text: "Back to the text",
    source: "Source",
    table: "Table {n}",
    task_done: "Done: ",
    task_not_done: "Not done: ",
    image_missing: "Picture not available: {alt}",
    untitled_risk: "Untitled risk",
    range: "Range of the estimate: {range}.",
    severity_scale: "level {n} of {count} ({words})",
    overview_caption: "The risks in this document",
    overview_empty: "This document describes no risks.",
};
