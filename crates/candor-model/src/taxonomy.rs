//! The risk taxonomy: the categories risk blocks may name and the kinds of mitigation.
//!
//! The built-in taxonomy is data (`assets/taxonomy/taxonomy.txt`): every category of the EU
//! Code of Practice's lists and of the broader lists civil society asked for, each with the
//! same entry structure — a plain name and description per language and its official
//! references. The four specified systemic risks (Appendix 1.4) are marked so that a summary
//! can be checked for them; nothing ranks them above the rest. A project adds its own
//! categories and kinds in the same format ([`Taxonomy::merged`]).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::LanguageTag;

/// The id of a risk category as a risk block names it: lowercase, words joined by hyphens.
/// Whether the category exists is a question for the [`Taxonomy`] the document is read with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RiskCategory(String);

impl RiskCategory {
    /// The normalised id (case-insensitive, spaces or underscores for hyphens); `None` when
    /// nothing is left.
    pub fn parse(text: &str) -> Option<Self> {
        Some(RiskCategory(normalise_id(text)?))
    }

    pub fn id(&self) -> &str {
        &self.0
    }
}

/// The id of a kind of mitigation; "behavior" is read as "behaviour".
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MitigationKind(String);

impl MitigationKind {
    pub fn parse(text: &str) -> Option<Self> {
        Some(MitigationKind(normalise_id(text)?.replace("behavior", "behaviour")))
    }

    pub fn id(&self) -> &str {
        &self.0
    }
}

fn normalise_id(text: &str) -> Option<String> {
    let id: String = text
        .trim()
        .to_lowercase()
        .split([' ', '_', '-'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    (!id.is_empty()).then_some(id)
}

/// Which list a category comes from. It says where the category was named, not how much it
/// matters: every group is shown with the same structure and prominence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CategoryGroup {
    /// The four specified systemic risks every provider must assess (Appendix 1.4).
    Specified,
    /// The five types of risk (Appendix 1.1).
    Type,
    /// The examples named under those types.
    Example,
    /// The first draft's initial taxonomy (November 2024).
    FirstDraft,
    /// Risks civil-society feedback says the taxonomy omits.
    Broader,
    /// Added by the project.
    Project,
}

impl CategoryGroup {
    pub const ALL: [CategoryGroup; 6] = [
        CategoryGroup::Specified,
        CategoryGroup::Type,
        CategoryGroup::Example,
        CategoryGroup::FirstDraft,
        CategoryGroup::Broader,
        CategoryGroup::Project,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CategoryGroup::Specified => "specified",
            CategoryGroup::Type => "type",
            CategoryGroup::Example => "example",
            CategoryGroup::FirstDraft => "first-draft",
            CategoryGroup::Broader => "broader",
            CategoryGroup::Project => "project",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.id() == text.trim())
    }
}

/// The plain name and description of an entry in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EntryText {
    pub name: String,
    pub about: String,
}

/// One category or one mitigation kind: the same structure for every entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxonomyEntry {
    pub id: String,
    /// For categories; `None` for mitigation kinds.
    pub group: Option<CategoryGroup>,
    /// Where the entry comes from, with official item numbers.
    pub references: Vec<String>,
    /// Name and description by primary language subtag (`en`, `de`, `fr`, …).
    pub text: BTreeMap<String, EntryText>,
    /// Words and phrases a technical source uses for this risk or mitigation (lowercase;
    /// a final `*` allows any ending: `cyber*`), used to find the passages that discuss it.
    #[serde(default)]
    pub terms: Vec<String>,
}

impl TaxonomyEntry {
    /// Whether `words` (a text split into lowercase words, see [`term_words`]) contain one of
    /// the entry's terms, word for word; a term word ending in `*` matches any word it begins.
    pub fn mentioned_in(&self, words: &[String]) -> bool {
        self.terms.iter().any(|term| {
            let parts = term_words(term);
            !parts.is_empty()
                && words.windows(parts.len()).any(|window| {
                    window.iter().zip(&parts).all(|(word, part)| match part.strip_suffix('*') {
                        Some(stem) => word.starts_with(stem),
                        None => word == part,
                    })
                })
        })
    }

    /// One of the four specified systemic risks of Appendix 1.4.
    pub fn specified(&self) -> bool {
        self.group == Some(CategoryGroup::Specified)
    }

    /// The name in `lang`, else in English, else the id.
    pub fn name(&self, lang: &LanguageTag) -> &str {
        self.text_in(lang).map_or(&self.id, |t| t.name.as_str())
    }

    /// The description in `lang`, else in English; empty when there is none.
    pub fn about(&self, lang: &LanguageTag) -> &str {
        self.text_in(lang).map_or("", |t| t.about.as_str())
    }

    /// The text in `lang` or English, and whether it is in `lang` itself.
    pub fn text_in(&self, lang: &LanguageTag) -> Option<&EntryText> {
        self.text.get(lang.language()).or_else(|| self.text.get("en"))
    }

    /// Whether the entry has wording in `lang` itself (not only the English fallback).
    pub fn has_language(&self, lang: &LanguageTag) -> bool {
        self.text.contains_key(lang.language())
    }
}

/// A problem in a taxonomy file, with the 1-based line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxonomyError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for TaxonomyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The categories and mitigation kinds a document is checked and rendered against.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Taxonomy {
    categories: Vec<TaxonomyEntry>,
    mitigations: Vec<TaxonomyEntry>,
}

const BUILTIN: &str = include_str!("../../../assets/taxonomy/taxonomy.txt");

/// The most a project's own taxonomy text may hold; a taxonomy is a few dozen entries.
pub const MAX_TAXONOMY_BYTES: usize = 1024 * 1024;

impl Taxonomy {
    /// Candor's built-in taxonomy.
    pub fn builtin() -> &'static Taxonomy {
        static BUILT: OnceLock<Taxonomy> = OnceLock::new();
        // The tests prove the data parses; were it ever broken, an empty taxonomy beats a panic.
        BUILT.get_or_init(|| Taxonomy::parse(BUILTIN).unwrap_or_default())
    }

    /// Reads a taxonomy:
    ///
    /// ```text
    /// [category my-risk]          # or [mitigation my-kind]
    /// group: broader              # categories only; a project's own default to `project`
    /// reference: Where it comes from (one line each, any number)
    /// terms: words, phrases, prefix*   # how sources speak of it (any number of lines)
    /// en: Plain name
    /// en.about: One or two plain sentences.
    /// ```
    ///
    /// Every problem is reported with its line; nothing is read when there is one.
    pub fn parse(text: &str) -> Result<Taxonomy, Vec<TaxonomyError>> {
        let mut taxonomy = Taxonomy::default();
        let mut errors = Vec::new();
        let mut current: Option<(usize, bool, TaxonomyEntry)> = None;
        /// Checks the entry just read and files it.
        fn finish(
            entry: Option<(usize, bool, TaxonomyEntry)>,
            taxonomy: &mut Taxonomy,
            errors: &mut Vec<TaxonomyError>,
        ) {
            let Some((line, is_category, entry)) = entry else { return };
            if entry.text.is_empty() {
                errors.push(TaxonomyError {
                    line,
                    message: format!("`{}` has no name: add a line such as `en: …`", entry.id),
                });
            }
            for (lang, t) in &entry.text {
                if t.name.is_empty() {
                    errors.push(TaxonomyError {
                        line,
                        message: format!("`{}` has `{lang}.about` but no `{lang}:` name", entry.id),
                    });
                }
            }
            let list =
                if is_category { &mut taxonomy.categories } else { &mut taxonomy.mitigations };
            if list.iter().any(|e| e.id == entry.id) {
                errors.push(TaxonomyError {
                    line,
                    message: format!("`{}` is defined twice", entry.id),
                });
                return;
            }
            list.push(entry);
        }
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if let Some(header) = trimmed.strip_prefix('[') {
                finish(current.take(), &mut taxonomy, &mut errors);
                let Some(header) = header.strip_suffix(']') else {
                    errors.push(TaxonomyError { line, message: "a header ends with `]`".into() });
                    continue;
                };
                let (kind, id) = header.trim().split_once(' ').unwrap_or((header.trim(), ""));
                let is_category = match kind {
                    "category" => true,
                    "mitigation" => false,
                    other => {
                        errors.push(TaxonomyError {
                            line,
                            message: format!(
                                "`[{other} …]` is neither `[category ID]` nor `[mitigation ID]`"
                            ),
                        });
                        continue;
                    }
                };
                let id = id.trim();
                match normalise_id(id).filter(|n| n == id) {
                    Some(id) => {
                        let entry = TaxonomyEntry {
                            id,
                            group: is_category.then_some(CategoryGroup::Project),
                            references: Vec::new(),
                            text: BTreeMap::new(),
                            terms: Vec::new(),
                        };
                        current = Some((line, is_category, entry));
                    }
                    None => errors.push(TaxonomyError {
                        line,
                        message: format!(
                            "the id `{id}` should be lowercase words joined by hyphens, e.g. `my-risk`"
                        ),
                    }),
                }
                continue;
            }
            let Some((key, value)) = trimmed.split_once(':') else {
                errors.push(TaxonomyError {
                    line,
                    message: "expected `key: value`, e.g. `en: Plain name`".into(),
                });
                continue;
            };
            let (key, value) = (key.trim(), value.trim());
            let Some((_, is_category, entry)) = current.as_mut() else {
                errors.push(TaxonomyError {
                    line,
                    message: "start an entry with `[category ID]` or `[mitigation ID]` first"
                        .into(),
                });
                continue;
            };
            if value.is_empty() {
                errors.push(TaxonomyError { line, message: format!("`{key}` has no value") });
                continue;
            }
            match key {
                "group" if *is_category => match CategoryGroup::parse(value) {
                    Some(group) => entry.group = Some(group),
                    None => errors.push(TaxonomyError {
                        line,
                        message: format!(
                            "`{value}` is not a group; use one of: {}",
                            CategoryGroup::ALL.map(CategoryGroup::id).join(", ")
                        ),
                    }),
                },
                "reference" => entry.references.push(value.to_owned()),
                "terms" => entry.terms.extend(
                    value.split(',').map(|t| t.trim().to_lowercase()).filter(|t| !t.is_empty()),
                ),
                _ => {
                    let (lang, about) = match key.split_once('.') {
                        Some((lang, "about")) => (lang, true),
                        Some(_) => ("", false),
                        None => (key, false),
                    };
                    if !is_language_code(lang) {
                        errors.push(TaxonomyError {
                            line,
                            message: format!(
                                "unknown key `{key}`: use `group`, `reference`, `terms`, `LANG` or `LANG.about` (e.g. `en`, `de.about`)"
                            ),
                        });
                        continue;
                    }
                    let text = entry.text.entry(lang.to_owned()).or_default();
                    let slot = if about { &mut text.about } else { &mut text.name };
                    if !slot.is_empty() {
                        errors.push(TaxonomyError {
                            line,
                            message: format!("`{key}` is given twice for `{}`", entry.id),
                        });
                    }
                    *slot = value.to_owned();
                }
            }
        }
        finish(current.take(), &mut taxonomy, &mut errors);
        if errors.is_empty() { Ok(taxonomy) } else { Err(errors) }
    }

    /// This taxonomy with a project's entries added: a project entry with a new id is added
    /// at the end; one with a known id replaces the wording of the languages it gives and adds
    /// its references, but keeps the built-in group (a project cannot un-specify a risk).
    pub fn merged(&self, project: &Taxonomy) -> Taxonomy {
        let mut out = self.clone();
        for (mine, theirs) in [
            (&mut out.categories, &project.categories),
            (&mut out.mitigations, &project.mitigations),
        ] {
            for entry in theirs {
                match mine.iter_mut().find(|e| e.id == entry.id) {
                    Some(known) => {
                        for (lang, text) in &entry.text {
                            let slot = known.text.entry(lang.clone()).or_default();
                            slot.name.clone_from(&text.name);
                            if !text.about.is_empty() {
                                slot.about.clone_from(&text.about);
                            }
                        }
                        for reference in &entry.references {
                            if !known.references.contains(reference) {
                                known.references.push(reference.clone());
                            }
                        }
                        for term in &entry.terms {
                            if !known.terms.contains(term) {
                                known.terms.push(term.clone());
                            }
                        }
                    }
                    None => mine.push(entry.clone()),
                }
            }
        }
        out
    }

    /// Every category, in the order summaries list them.
    pub fn categories(&self) -> &[TaxonomyEntry] {
        &self.categories
    }

    /// Every mitigation kind.
    pub fn mitigations(&self) -> &[TaxonomyEntry] {
        &self.mitigations
    }

    pub fn category(&self, id: &RiskCategory) -> Option<&TaxonomyEntry> {
        self.categories.iter().find(|c| c.id == id.id())
    }

    pub fn mitigation(&self, kind: &MitigationKind) -> Option<&TaxonomyEntry> {
        self.mitigations.iter().find(|m| m.id == kind.id())
    }

    /// The category's name in `lang`; an unknown id shows as itself.
    pub fn category_name<'a>(&'a self, id: &'a RiskCategory, lang: &LanguageTag) -> &'a str {
        self.category(id).map_or(id.id(), |c| c.name(lang))
    }

    /// The mitigation kind's name in `lang`; an unknown id shows as itself.
    pub fn mitigation_name<'a>(&'a self, kind: &'a MitigationKind, lang: &LanguageTag) -> &'a str {
        self.mitigation(kind).map_or(kind.id(), |m| m.name(lang))
    }

    /// The known category id closest to `id`, for a "did you mean" hint.
    pub fn closest_category(&self, id: &str) -> Option<&str> {
        closest(id, self.categories.iter().map(|c| c.id.as_str()))
    }

    /// The known mitigation kind closest to `id`.
    pub fn closest_mitigation(&self, id: &str) -> Option<&str> {
        closest(id, self.mitigations.iter().map(|m| m.id.as_str()))
    }
}

/// A text as lowercase words (letters, digits, `&` and a final `*`), for
/// [`TaxonomyEntry::mentioned_in`]: "Cyber-attacks (CBRNE)" is `cyber`, `attacks`, `cbrne`.
pub fn term_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '&' || c == '*'))
        .filter(|w| !w.is_empty() && *w != "*")
        .map(str::to_lowercase)
        .collect()
}

fn is_language_code(text: &str) -> bool {
    (2..=3).contains(&text.len()) && text.chars().all(|c| c.is_ascii_lowercase())
}

/// The candidate within an edit distance of a third of its length, or containing `word`.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let word = normalise_id(word).unwrap_or_default();
    candidates
        .map(|c| (c, edit_distance(&word, c)))
        .filter(|&(c, d)| d <= c.len().max(3) / 3 || (word.len() >= 4 && c.contains(&word)))
        .min_by_key(|&(_, d)| d)
        .map(|(c, _)| c)
}

/// The Levenshtein distance between two strings, in characters (for "did you mean" hints).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests;
