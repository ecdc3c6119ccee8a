//! The rules, their catalogue entries, and how they are run over units and documents.

mod abbreviations;
mod hedges;
mod jargon;
mod length;
mod nominalisation;
mod numbers;
mod passive;
mod percentages;
mod structure;
mod vague;
mod words;

use candor_model::{Diagnostic, Document};

use super::prose::{Unit, UnitKind};
use super::tokens::sentences;
use super::{Finding, Setting};
use crate::Language;
use crate::glossary::Glossary;

pub(crate) use abbreviations::AbbreviationUse;
pub(crate) use jargon::TermUse;
pub(crate) use numbers::NumberUse;

/// A plain-language rule. [`Rule::ALL`] lists them in the order of the rule catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    LongSentence,
    LongParagraph,
    Passive,
    Nominalisation,
    Jargon,
    UndefinedAbbreviation,
    VagueQualifier,
    PercentageWithoutReference,
    MixedNumberFormat,
    StackedHedges,
    HeadingJump,
    MissingAltText,
    LinkText,
}

/// The languages of the word-list rules.
const EN_DE_FR: &[Language] = &[Language::En, Language::De, Language::Fr];

impl Rule {
    pub const ALL: [Rule; 13] = [
        Rule::LongSentence,
        Rule::LongParagraph,
        Rule::Passive,
        Rule::Nominalisation,
        Rule::Jargon,
        Rule::UndefinedAbbreviation,
        Rule::VagueQualifier,
        Rule::PercentageWithoutReference,
        Rule::MixedNumberFormat,
        Rule::StackedHedges,
        Rule::HeadingJump,
        Rule::MissingAltText,
        Rule::LinkText,
    ];

    /// The stable diagnostic code.
    pub fn code(self) -> &'static str {
        match self {
            Rule::LongSentence => "plain/long-sentence",
            Rule::LongParagraph => "plain/long-paragraph",
            Rule::Passive => "plain/passive",
            Rule::Nominalisation => "plain/nominalisation",
            Rule::Jargon => "plain/jargon",
            Rule::UndefinedAbbreviation => "plain/undefined-abbreviation",
            Rule::VagueQualifier => "plain/vague-qualifier",
            Rule::PercentageWithoutReference => "plain/percentage-without-reference",
            Rule::MixedNumberFormat => "plain/mixed-number-format",
            Rule::StackedHedges => "plain/stacked-hedges",
            Rule::HeadingJump => "plain/heading-jump",
            Rule::MissingAltText => "plain/missing-alt-text",
            Rule::LinkText => "plain/link-text",
        }
    }

    /// The rule with this code.
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The languages the rule knows the words of; `None` means it works in every language.
    pub fn languages(self) -> Option<&'static [Language]> {
        match self {
            Rule::Passive
            | Rule::Nominalisation
            | Rule::Jargon
            | Rule::VagueQualifier
            | Rule::PercentageWithoutReference
            | Rule::StackedHedges
            | Rule::LinkText => Some(EN_DE_FR),
            _ => None,
        }
    }

    /// Whether the rule runs on a document in `language` (`None`: a language Candor has no
    /// word lists for).
    pub fn supports(self, language: Option<Language>) -> bool {
        match (self.languages(), language) {
            (None, _) => true,
            (Some(list), Some(l)) => list.contains(&l),
            (Some(_), None) => false,
        }
    }

    /// A short name for the catalogue and the editor.
    pub fn title(self) -> &'static str {
        match self {
            Rule::LongSentence => "Long sentence",
            Rule::LongParagraph => "Long paragraph",
            Rule::Passive => "Passive voice",
            Rule::Nominalisation => "Action hidden in a noun",
            Rule::Jargon => "Technical term without explanation",
            Rule::UndefinedAbbreviation => "Abbreviation used before it is explained",
            Rule::VagueQualifier => "Vague word that needs explaining",
            Rule::PercentageWithoutReference => "Percentage without saying of what",
            Rule::MixedNumberFormat => "Numbers written in different ways",
            Rule::StackedHedges => "Too many hedges in one sentence",
            Rule::HeadingJump => "Heading skips a level",
            Rule::MissingAltText => "Image without a useful description",
            Rule::LinkText => "Link text that does not say where it goes",
        }
    }

    /// Why the rule matters, for the catalogue.
    pub fn explanation(self) -> &'static str {
        match self {
            Rule::LongSentence => {
                "Long sentences make readers hold many ideas at once. For the general public a sentence should have at most 25 words (35 when the header's `audience` names experts, specialists or regulators)."
            }
            Rule::LongParagraph => {
                "A wall of text discourages readers. For the general public a paragraph should have at most 120 words (200 for experts); split it where the topic changes."
            }
            Rule::Passive => {
                "A passive sentence (\"the model was tested\") hides who acts. Readers trust and understand a text faster when it says who did what (\"we tested the model\")."
            }
            Rule::Nominalisation => {
                "An action turned into a noun (\"carry out an evaluation\") is longer and vaguer than the verb (\"evaluate\"). The rule looks for a weak verb with such a noun, and for \"the NOUN of\" used as the action of the sentence."
            }
            Rule::Jargon => {
                "A term from Candor's glossary that has a plainer alternative, used without an explanation in the same sentence. Explain it the first time (in brackets, or after \"that is\"), or use the plain words. Only the first unexplained use of each term is reported."
            }
            Rule::UndefinedAbbreviation => {
                "An abbreviation (two or more capitals, such as RLHF) used before the document says what it stands for. Write the long form first, with the abbreviation in brackets. Abbreviations everyone knows (EU, UN, PDF, AI …) and units are not reported."
            }
            Rule::VagueQualifier => {
                "Words such as \"appropriate\", \"significant\" or \"state of the art\" promise something without saying what. The rule reports them when the sentence gives no number, threshold or explanation."
            }
            Rule::PercentageWithoutReference => {
                "\"20%\" means little until readers know: 20% of what? Say what the share is of (\"20% of the answers\", \"in 20 out of 100 attempts\")."
            }
            Rule::MixedNumberFormat => {
                "A text that writes 1,000 in one place and 10 000 in another, or 0.5 and 0,5, or 20% and 20 per cent, makes readers wonder whether the numbers mean different things. The rule proposes the form the document uses most."
            }
            Rule::StackedHedges => {
                "One hedge (\"may\") states uncertainty; two (\"may possibly\") make the sentence sound evasive. Say how uncertain it is once, ideally with a figure."
            }
            Rule::HeadingJump => {
                "Headings are the outline that screen readers and tables of contents use. A level-3 heading right after a level-1 heading leaves a gap in that outline."
            }
            Rule::MissingAltText => {
                "People who cannot see an image rely on its description. A file name, or a word like \"image\", tells them nothing; say what the image shows and why it matters."
            }
            Rule::LinkText => {
                "Many readers jump from link to link. \"Click here\" or a bare web address does not tell them where the link goes; name the destination instead."
            }
        }
    }

    /// The one-click fix the rule offers, if any, in words.
    pub fn fix(self) -> Option<&'static str> {
        match self {
            Rule::Jargon => Some("adds the glossary's plain wording in brackets after the term"),
            Rule::UndefinedAbbreviation => Some(
                "writes the long form from the glossary, with the abbreviation in brackets (for abbreviations the glossary knows)",
            ),
            Rule::MixedNumberFormat => {
                Some("rewrites the number in the form the document uses most")
            }
            Rule::StackedHedges => {
                Some("removes the second of two hedges side by side (\"may possibly\" → \"may\")")
            }
            Rule::HeadingJump => Some("gives the heading the next level"),
            _ => None,
        }
    }

    /// An example that the rule reports, and a better version.
    pub fn example(self) -> (&'static str, &'static str) {
        match self {
            Rule::LongSentence => (
                "The model, which was trained on a large collection of public web pages, licensed books and code that the provider filtered for quality and safety, can answer questions in many languages.",
                "The model can answer questions in many languages. It learned from public web pages, licensed books and code. The provider filtered these for quality and safety.",
            ),
            Rule::LongParagraph => (
                "(a paragraph of more than 120 words)",
                "(two or three paragraphs, each about one thing)",
            ),
            Rule::Passive => (
                "The model was tested by independent experts.",
                "Independent experts tested the model.",
            ),
            Rule::Nominalisation => {
                ("We carried out an evaluation of the model.", "We evaluated the model.")
            }
            Rule::Jargon => (
                "The model was fine-tuned for customer support.",
                "The model was fine-tuned (given extra training for one task) for customer support.",
            ),
            Rule::UndefinedAbbreviation => (
                "We tested the model for CBRN risks.",
                "We tested the model for chemical, biological, radiological and nuclear (CBRN) risks.",
            ),
            Rule::VagueQualifier => (
                "The remaining risk is acceptable.",
                "The remaining risk is acceptable: fewer than 1 in 1,000 answers gave harmful advice.",
            ),
            Rule::PercentageWithoutReference => (
                "The filter cut harmful answers by 20%.",
                "The filter cut harmful answers from 10% to 8% of the test prompts.",
            ),
            Rule::MixedNumberFormat => (
                "We tested 1,000 prompts and 10 000 images.",
                "We tested 1,000 prompts and 10,000 images.",
            ),
            Rule::StackedHedges => (
                "The model may possibly reveal private data.",
                "The model may reveal private data (in about 1 in 500 tests).",
            ),
            Rule::HeadingJump => ("# Risks\n### Misuse", "# Risks\n## Misuse"),
            Rule::MissingAltText => (
                "![chart.png](chart.png)",
                "![Bar chart: harmful answers fell from 12 to 3 in 100](chart.png)",
            ),
            Rule::LinkText => (
                "For details, [click here](https://example.org/report).",
                "For details, read [the full model report](https://example.org/report).",
            ),
        }
    }
}

/// What the checker remembers about one unit of text.
#[derive(Debug, Default)]
pub(crate) struct UnitFacts {
    /// Problems inside the unit, found without looking at the rest of the document.
    pub findings: Vec<Finding>,
    pub abbreviations: Vec<AbbreviationUse>,
    pub numbers: Vec<NumberUse>,
    pub terms: Vec<TermUse>,
}

/// Runs the rules that need only this unit, and collects what the document-wide rules need.
pub(crate) fn analyse_unit(unit: &Unit, setting: Setting, glossary: &Glossary) -> UnitFacts {
    let mut facts = UnitFacts::default();
    let sentences = sentences(&unit.text);
    let language = setting.language;
    let mut found = Vec::new();
    if unit.kind == UnitKind::Paragraph {
        length::long_paragraph(&sentences, setting.audience, &mut found);
    }
    for sentence in &sentences {
        if unit.kind != UnitKind::Heading {
            length::long_sentence(sentence, setting.audience, &mut found);
        }
        let Some(language) = language.filter(|l| EN_DE_FR.contains(l)) else { continue };
        passive::check(sentence, language, &mut found);
        nominalisation::check(sentence, language, &mut found);
        vague::check(sentence, language, &mut found);
        percentages::check(sentence, language, &mut found);
        hedges::check(sentence, language, &mut found);
    }
    facts.findings = found.into_iter().filter(|f| unit.is_prose(&f.range)).collect();
    facts.abbreviations = abbreviations::collect(&sentences)
        .into_iter()
        .filter(|a| unit.is_prose(&a.range))
        .collect();
    facts.numbers = numbers::collect(&sentences, language)
        .into_iter()
        .filter(|n| unit.is_prose(&n.range))
        .collect();
    if let Some(language) = language.filter(|l| EN_DE_FR.contains(l)) {
        facts.terms = jargon::collect(&unit.text, &sentences, language, glossary)
            .into_iter()
            .filter(|t| unit.is_prose(&t.range))
            .collect();
    }
    facts
}

/// The rules that compare units: first uses of abbreviations and terms, number formats.
/// Returns each finding with the index of its unit.
pub(crate) fn across_units(
    units: &[Unit],
    facts: &[std::sync::Arc<UnitFacts>],
    setting: Setting,
    glossary: &Glossary,
) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    abbreviations::first_uses(facts, setting.language, glossary, &mut out);
    numbers::mixed_formats(facts, setting.language, &mut out);
    if let Some(language) = setting.language.filter(|l| EN_DE_FR.contains(l)) {
        jargon::first_uses(units, facts, language, glossary, &mut out);
    }
    out
}

/// Whether a sentence rule reports anything in `text` (for the rules' own tests).
#[cfg(test)]
fn fires(
    check: fn(&super::tokens::Sentence<'_>, Language, &mut Vec<Finding>),
    text: &str,
    language: Language,
) -> bool {
    let mut out = Vec::new();
    for s in sentences(text) {
        check(&s, language, &mut out);
    }
    !out.is_empty()
}

/// The rules about the document's structure: heading levels, image descriptions, link texts.
pub(crate) fn structure(doc: &Document, source: &str, setting: Setting) -> Vec<Diagnostic> {
    structure::check(doc, source, setting.language)
}
