//! The glossary: AI and EU AI Act terms with a plain definition, and often a plainer wording,
//! per language; and a one-pass search for those terms in a text.
//!
//! The built-in glossary ([`Glossary::builtin`]) is `assets/glossary/terms.txt`. A project may
//! bring its own entries in the same format ([`Glossary::parse`]) and lay them over the
//! built-in ones ([`Glossary::merged`]). [`Glossary::find_terms`] is what the jargon check and
//! a document's glossary build on.
//!
//! The format, one entry per `[id]` heading, `#` starting a comment line:
//!
//! ```text
//! [fine-tuning]
//! en: fine-tuning | fine-tuned, fine-tune
//! en.plain: extra training for one task
//! en.def: Training an existing model further on a smaller, chosen set of examples.
//! de: Feinabstimmung | Fine-Tuning, feinabgestimmt
//! de.def: …
//! ```
//!
//! `<lang>:` gives the headword and, after ` | `, comma-separated variants (plurals,
//! inflections, abbreviations); `<lang>.plain:` an optional plainer wording; `<lang>.def:` the
//! definition, required for every language an entry gives.

mod parse;
mod search;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use crate::Language;

/// The built-in glossary data, checked by the test suite.
const BUILTIN: &str = include_str!("../../../../assets/glossary/terms.txt");

/// A set of glossary entries with an index for finding their terms in a text.
#[derive(Debug, Clone)]
pub struct Glossary {
    entries: Vec<GlossaryEntry>,
    ids: HashMap<String, usize>,
    index: search::Index,
}

/// One concept, such as `fine-tuning`, with its wording in each language it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GlossaryEntry {
    /// A stable kebab-case id, such as `fine-tuning`.
    pub id: String,
    /// The wording per language, at most one per language, in the order of the file.
    pub terms: Vec<Term>,
}

/// The wording of a concept in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub language: Language,
    /// The headword, such as "large language model".
    pub term: String,
    /// Other written forms found in texts: plurals, inflections, abbreviations.
    pub variants: Vec<String>,
    /// A plainer word or phrase a writer can use instead, if there is one.
    pub plain: Option<String>,
    /// One or two short sentences for the general public.
    pub definition: String,
}

/// A problem in a glossary file, for the person who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GlossaryError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

/// One occurrence of a glossary term in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermMatch {
    /// Index into [`Glossary::entries`].
    pub entry: usize,
    /// Byte range of the occurrence in the searched text.
    pub range: Range<usize>,
}

impl Glossary {
    /// The built-in glossary (English, German and French for every entry), parsed on first use.
    pub fn builtin() -> &'static Glossary {
        static BUILT: OnceLock<Glossary> = OnceLock::new();
        // The tests prove the data parses; were it ever broken, an empty glossary beats a panic.
        BUILT.get_or_init(|| {
            Glossary::parse(BUILTIN).unwrap_or_else(|_| Glossary::from_entries(Vec::new()))
        })
    }

    /// Reads a glossary in the format above. Any subset of languages may be given per entry,
    /// each with its definition. Returns every problem found, in line order.
    pub fn parse(text: &str) -> Result<Glossary, Vec<GlossaryError>> {
        parse::entries(text).map(Glossary::from_entries)
    }

    /// This glossary with a project's entries laid over it: an entry with a known id replaces
    /// the wording of each language the project gives (other languages stay); new ids are
    /// appended in the project's order.
    pub fn merged(&self, project: &Glossary) -> Glossary {
        let mut entries = self.entries.clone();
        let mut ids = self.ids.clone();
        for entry in &project.entries {
            let Some(&at) = ids.get(&entry.id) else {
                ids.insert(entry.id.clone(), entries.len());
                entries.push(entry.clone());
                continue;
            };
            let Some(target) = entries.get_mut(at) else { continue };
            for term in &entry.terms {
                match target.terms.iter_mut().find(|t| t.language == term.language) {
                    Some(existing) => *existing = term.clone(),
                    None => target.terms.push(term.clone()),
                }
            }
        }
        Glossary::from_entries(entries)
    }

    /// All entries, in file order (built-in first after [`Glossary::merged`]).
    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&GlossaryEntry> {
        self.ids.get(id).and_then(|&at| self.entries.get(at))
    }

    /// The wording of entry number `entry` (an index into [`Glossary::entries`]) in `language`.
    pub fn term(&self, entry: usize, language: Language) -> Option<&Term> {
        self.entries.get(entry).and_then(|e| e.term(language))
    }

    /// Every occurrence of a headword or variant of `language` in `text`, in text order.
    ///
    /// Whole words only (no letter or digit may touch a match); case-insensitive, except forms
    /// written all in capitals ("LLM"), which match only in capitals; the longest form wins at
    /// a position and matches never overlap. One pass over the text.
    pub fn find_terms(&self, text: &str, language: Language) -> Vec<TermMatch> {
        self.index.find(text, language)
    }

    fn from_entries(entries: Vec<GlossaryEntry>) -> Glossary {
        let ids = entries.iter().enumerate().map(|(at, e)| (e.id.clone(), at)).collect();
        let index = search::Index::new(&entries);
        Glossary { entries, ids, index }
    }
}

impl GlossaryEntry {
    /// The wording in `language`, if the entry gives one.
    pub fn term(&self, language: Language) -> Option<&Term> {
        self.terms.iter().find(|t| t.language == language)
    }
}

impl Term {
    /// The headword followed by its variants.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

impl fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for GlossaryError {}
