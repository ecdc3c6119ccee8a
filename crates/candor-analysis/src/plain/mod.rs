//! Plain-language checks: what in a companion document will stop a member of the public from
//! understanding it, and what to write instead.
//!
//! [`PlainLanguageChecker::check`] runs every [`Rule`] on a document and returns diagnostics
//! with stable codes (`plain/passive`, …), spans in the Markdown, a message written for a
//! non-linguist and, where a rule knows one, a one-click [`Fix`](candor_model::Fix). The checker
//! remembers what it found per paragraph, so checking again after an edit looks only at the
//! paragraphs that changed; the document-wide rules (abbreviations, number formats, headings)
//! then work from the remembered facts.

pub(crate) mod prose;
mod rules;
pub(crate) mod tokens;

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use candor_model::{Diagnostic, Document, Fix, Severity};

use crate::Language;
use crate::glossary::Glossary;
use prose::{Unit, UnitKind};
pub use rules::Rule;
use rules::{UnitFacts, analyse_unit};

/// Who a document is written for, which sets how long sentences and paragraphs may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The default: readers with no special knowledge.
    GeneralPublic,
    /// The header's `audience` names experts, specialists or regulators.
    Experts,
}

impl Audience {
    /// Reads the free-text `audience` of the front matter.
    pub fn from_header(audience: Option<&str>) -> Audience {
        let text = audience.unwrap_or("").to_lowercase();
        let expert = [
            "expert",
            "specialist",
            "regulator",
            "technical",
            "fachleute",
            "fachpublikum",
            "spécialist",
            "experte",
        ]
        .iter()
        .any(|w| text.contains(w));
        if expert { Audience::Experts } else { Audience::GeneralPublic }
    }

    /// The most words a sentence should have.
    pub fn sentence_words(self) -> usize {
        match self {
            Audience::GeneralPublic => 25,
            Audience::Experts => 35,
        }
    }

    /// The most words a paragraph should have.
    pub fn paragraph_words(self) -> usize {
        match self {
            Audience::GeneralPublic => 120,
            Audience::Experts => 200,
        }
    }
}

/// The settings every unit is checked with; part of what a remembered result depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Setting {
    pub language: Option<Language>,
    pub audience: Audience,
}

/// A problem found in one unit, with ranges into the unit's text.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub rule: Rule,
    pub range: Range<usize>,
    pub message: String,
    pub hint: Option<String>,
    pub fix: Option<LocalFix>,
}

#[derive(Debug, Clone)]
pub(crate) struct LocalFix {
    pub label: String,
    pub range: Range<usize>,
    pub replacement: String,
}

impl Finding {
    fn new(rule: Rule, range: Range<usize>, message: String) -> Finding {
        Finding { rule, range, message, hint: None, fix: None }
    }

    fn hint(mut self, hint: impl Into<String>) -> Finding {
        self.hint = Some(hint.into());
        self
    }

    fn fix(mut self, label: String, range: Range<usize>, replacement: String) -> Finding {
        self.fix = Some(LocalFix { label, range, replacement });
        self
    }
}

/// Checks documents against the plain-language rules, remembering per unit of text what it
/// found, so that a second check after an edit only analyses what changed.
pub struct PlainLanguageChecker {
    glossary: Arc<Glossary>,
    remembered: HashMap<u64, Remembered>,
    analysed: usize,
}

struct Remembered {
    text: String,
    kind: UnitKind,
    setting: Setting,
    facts: Arc<UnitFacts>,
}

impl PlainLanguageChecker {
    /// A checker that knows the terms of `glossary` (the built-in one, or it merged with a
    /// project's own terms).
    pub fn new(glossary: Arc<Glossary>) -> PlainLanguageChecker {
        PlainLanguageChecker { glossary, remembered: HashMap::new(), analysed: 0 }
    }

    /// How many units of text the last check analysed (the others were remembered).
    pub fn last_analysed(&self) -> usize {
        self.analysed
    }

    /// The glossary the checker uses.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Every plain-language problem of `doc`, read from `source`, in the order of the text.
    /// Rules that need word lists run only for the languages they support ([`Rule::languages`]).
    pub fn check(&mut self, doc: &Document, source: &str) -> Vec<Diagnostic> {
        let setting = Setting {
            language: Language::from_tag(doc.meta.lang.as_str()),
            audience: Audience::from_header(doc.meta.audience.as_deref()),
        };
        let units = prose::units(doc, source);
        let mut previous = std::mem::take(&mut self.remembered);
        let mut facts = Vec::with_capacity(units.len());
        self.analysed = 0;
        for unit in &units {
            let key = key_of(unit, setting);
            let same =
                |r: &Remembered| r.text == unit.text && r.kind == unit.kind && r.setting == setting;
            // A unit seen earlier in this check (repeated text), or in the last check.
            if let Some(r) = self.remembered.get(&key).filter(|r| same(r)) {
                facts.push(Arc::clone(&r.facts));
                continue;
            }
            let found = match previous.remove(&key) {
                Some(r) if same(&r) => r,
                _ => {
                    self.analysed += 1;
                    let facts = Arc::new(analyse_unit(unit, setting, &self.glossary));
                    Remembered { text: unit.text.clone(), kind: unit.kind, setting, facts }
                }
            };
            facts.push(Arc::clone(&found.facts));
            // Only what the document still contains stays remembered.
            self.remembered.insert(key, found);
        }

        let mut out = Vec::new();
        for (unit, facts) in units.iter().zip(&facts) {
            for finding in &facts.findings {
                out.push(diagnostic(unit, finding));
            }
        }
        for (unit_index, finding) in rules::across_units(&units, &facts, setting, &self.glossary) {
            out.push(diagnostic(&units[unit_index], &finding));
        }
        out.extend(rules::structure(doc, source, setting));
        out.sort_by_key(|d| (d.span.start, d.span.end));
        out
    }
}

/// Checks one document with a fresh checker (see [`PlainLanguageChecker::check`]).
pub fn check_plain_language(
    doc: &Document,
    source: &str,
    glossary: Arc<Glossary>,
) -> Vec<Diagnostic> {
    PlainLanguageChecker::new(glossary).check(doc, source)
}

fn key_of(unit: &Unit, setting: Setting) -> u64 {
    let mut hasher = DefaultHasher::new();
    unit.text.hash(&mut hasher);
    unit.kind.hash(&mut hasher);
    setting.hash(&mut hasher);
    hasher.finish()
}

fn diagnostic(unit: &Unit, finding: &Finding) -> Diagnostic {
    let rule = finding.rule;
    let mut d = Diagnostic::new(
        rule.severity(),
        rule.code(),
        unit.span(&finding.range),
        finding.message.clone(),
    );
    if let Some(hint) = &finding.hint {
        d = d.with_hint(hint.clone());
    }
    if let Some(fix) = &finding.fix {
        d = d.with_fix(Fix {
            label: fix.label.clone(),
            span: unit.span(&fix.range),
            replacement: fix.replacement.clone(),
        });
    }
    d
}

/// The glossary entries whose terms occur in the reader's text of `doc` (in the document's
/// language), each once, sorted by the term as written in that language. For the generated
/// "terms used in this document" block.
pub fn glossary_terms_used(doc: &Document, glossary: &Glossary) -> Vec<usize> {
    let Some(language) = Language::from_tag(doc.meta.lang.as_str()) else { return Vec::new() };
    let mut used: Vec<usize> = Vec::new();
    for unit in prose::units(doc, "") {
        for m in glossary.find_terms(&unit.text, language) {
            if unit.is_prose(&m.range) && !used.contains(&m.entry) {
                used.push(m.entry);
            }
        }
    }
    let key = |entry: &usize| {
        glossary.term(*entry, language).map(|t| t.term.to_lowercase()).unwrap_or_default()
    };
    used.sort_by_key(key);
    used
}

impl Rule {
    /// How serious the rule's findings are.
    pub fn severity(self) -> Severity {
        match self {
            Rule::Passive
            | Rule::Nominalisation
            | Rule::StackedHedges
            | Rule::Jargon
            | Rule::LongParagraph => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use candor_model::{Block, Inline, LanguageTag, Span};

    /// A document of paragraphs, as the importer would read `text` (paragraphs separated by
    /// blank lines, plain text only).
    fn doc(text: &str) -> Document {
        let mut d = Document::default();
        d.meta.lang = LanguageTag::parse("en").unwrap();
        let mut at = 0;
        for para in text.split("\n\n") {
            let span = Span::new(at, at + para.len());
            d.blocks.push(Block::Paragraph {
                content: vec![Inline::Text { text: para.to_owned(), span }],
                span,
            });
            at += para.len() + 2;
        }
        d
    }

    fn checker() -> PlainLanguageChecker {
        PlainLanguageChecker::new(Arc::new(Glossary::builtin().clone()))
    }

    #[test]
    fn spans_point_at_the_words() {
        let text = "Our team checked it.\n\nThe model was trained on web pages.";
        let found = checker().check(&doc(text), text);
        let passive = found.iter().find(|d| d.code == "plain/passive").unwrap();
        assert_eq!(&text[passive.span.start..passive.span.end], "was trained");
    }

    #[test]
    fn a_second_check_analyses_only_what_changed() {
        let before =
            "The first paragraph stays.\n\nThe second one changes.\n\nThe third stays too.";
        let after =
            "The first paragraph stays.\n\nThe second one was changed.\n\nThe third stays too.";
        let mut c = checker();
        c.check(&doc(before), before);
        assert_eq!(c.last_analysed(), 3);
        let found = c.check(&doc(after), after);
        assert_eq!(c.last_analysed(), 1);
        assert!(found.iter().any(|d| d.code == "plain/passive"));
        // The same result as a fresh checker's.
        assert_eq!(found, checker().check(&doc(after), after));
    }

    #[test]
    fn every_fix_removes_its_problem() {
        let text = "We tested 1,000 prompts and 10 000 images.\n\nThe model may possibly leak data.\n\nIt was fine-tuned for support.\n\nWe checked CBRN risks.";
        let found = checker().check(&doc(text), text);
        let fixes: Vec<_> = found
            .iter()
            .filter_map(|d| d.fix.clone().map(|f| (d.code.clone(), d.message.clone(), f)))
            .collect();
        let codes: Vec<&str> = fixes.iter().map(|(c, _, _)| c.as_str()).collect();
        for code in [
            "plain/mixed-number-format",
            "plain/stacked-hedges",
            "plain/jargon",
            "plain/undefined-abbreviation",
        ] {
            assert!(codes.contains(&code), "no fix for {code}: {found:?}");
        }
        for (code, message, fix) in fixes {
            let mut fixed = text.to_owned();
            fixed.replace_range(fix.span.start..fix.span.end, &fix.replacement);
            let again = checker().check(&doc(&fixed), &fixed);
            let remains = again.iter().any(|d| d.code == code && d.message == message);
            assert!(!remains, "{code} remains after “{}”: {fixed}", fix.label);
        }
    }
}
