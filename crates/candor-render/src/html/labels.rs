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
    pub overview_caption: &'static str,
}

impl PageLabels {
    pub fn of(language: Language) -> &'static PageLabels {
        match language {
            Language::English => &ENGLISH,
            Language::German => &GERMAN,
            Language::French => &FRENCH,
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
    overview_caption: "The risks in this document",
};

static GERMAN: PageLabels = PageLabels {
    skip_link: "Zum Hauptinhalt springen",
    contents: "Inhalt",
    untitled: "Dokument ohne Titel",
    explains: "Erklärt",
    footer_version: "Version {version}",
    footer_published: "Veröffentlicht am {date}",
    notes: "Anmerkungen",
    note: "Anmerkung",
    back_to_text: "Zurück zum Text",
    source: "Quelle",
    table: "Tabelle {n}",
    task_done: "Erledigt: ",
    task_not_done: "Nicht erledigt: ",
    image_missing: "Bild nicht verfügbar: {alt}",
    overview_caption: "Die Risiken in diesem Dokument",
};

static FRENCH: PageLabels = PageLabels {
    skip_link: "Aller au contenu principal",
    contents: "Sommaire",
    untitled: "Document sans titre",
    explains: "Explique",
    footer_version: "Version {version}",
    footer_published: "Publié le {date}",
    notes: "Notes",
    note: "Note",
    back_to_text: "Retour au texte",
    source: "Source",
    table: "Tableau {n}",
    task_done: "Fait\u{a0}: ",
    task_not_done: "Pas fait\u{a0}: ",
    image_missing: "Image non disponible\u{a0}: {alt}",
    overview_caption: "Les risques décrits dans ce document",
};
