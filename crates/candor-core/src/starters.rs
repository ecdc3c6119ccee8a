//! Starters: the outlines a new companion document is created from.
//!
//! A starter is a complete companion document: front matter, a section outline with a
//! ```` ```guidance ```` block in each section telling the author what a lay reader needs
//! there, example risk blocks where risks belong, and whatever the chosen sources disclose
//! (model name, provider, release date, size, intended uses, licence), each pre-filled value
//! cited with a `source:` link to the passage it came from. Nothing is invented: what the
//! sources do not disclose is named in the guidance, never written into the text.

use std::path::Path;

use candor_analysis::{Disclosure, Evidence, FieldDisclosure, disclosure_map};
use candor_model::{Date, FactKind, Passage, SourceContent, SourceLink};
use candor_store::{DocumentId, StoredSource};
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::{Error, open_project, put_document};

/// A starter a new document can be created from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct StarterInfo {
    /// Stable id, e.g. `model-report-summary`.
    pub id: String,
    /// A short name for menus.
    pub title: String,
    /// One sentence saying what the document is for.
    pub description: String,
}

/// (id, title, description) of every starter, in menu order.
const STARTERS: [(&str, &str, &str); 4] = [
    (
        "model-report-summary",
        "Public summary of a model report",
        "Explains a Model Report to the public: what the model is, the risks that were assessed, what was done about them, and how to report a concern.",
    ),
    (
        "framework-summary",
        "Public summary of a safety and security framework",
        "Explains a provider's Safety and Security Framework: which risks it covers, how they are measured, when a risk is too high and who is responsible.",
    ),
    (
        "risk-summary",
        "One-page risk summary",
        "Shows the main risks of one model on a single page, with their likelihood, what was done about them and what readers can do.",
    ),
    (
        "incident-notice",
        "Public notice of a serious incident",
        "Tells the public what happened in a serious incident, who was affected, what was done and what readers should do now.",
    ),
];

/// Every starter, in the order a menu lists them.
pub fn starters() -> Vec<StarterInfo> {
    STARTERS
        .iter()
        .map(|(id, title, description)| StarterInfo {
            id: (*id).to_owned(),
            title: (*title).to_owned(),
            description: (*description).to_owned(),
        })
        .collect()
}

/// The text of a new companion document made from a starter, pre-filled from `sources`
/// (imported sources of the project; their ids become the front matter's source ids, so
/// `source:` links resolve). `today` is the document's date.
pub fn new_document_text(
    starter_id: &str,
    sources: &[StoredSource],
    today: Date,
) -> Result<String, Error> {
    let mut unique: Vec<&StoredSource> = Vec::new();
    for source in sources {
        if !unique.iter().any(|s| s.summary.id == source.summary.id) {
            unique.push(source);
        }
    }
    let facts = Prefill::gather(&unique);
    let mut w = Writer { out: String::new(), facts: &facts, sources: &unique, today };
    match starter_id {
        "model-report-summary" => w.model_report_summary(),
        "framework-summary" => w.framework_summary(),
        "risk-summary" => w.risk_summary(),
        "incident-notice" => w.incident_notice(),
        _ => return Err(Error::UnknownStarter { id: starter_id.to_owned() }),
    }
    Ok(w.out)
}

/// Creates a document in a project from a starter and the project's sources `source_ids`,
/// and returns its id. `now` (ISO 8601, e.g. `2026-03-01T12:30:00Z`) is the creation time;
/// its day becomes the document's date.
pub fn new_document(
    project_path: &Path,
    starter_id: &str,
    source_ids: &[String],
    now: &str,
) -> Result<DocumentId, Error> {
    if !STARTERS.iter().any(|(id, ..)| *id == starter_id) {
        return Err(Error::UnknownStarter { id: starter_id.to_owned() });
    }
    let day = now.get(..10).unwrap_or(now);
    let today = Date::parse(day).map_err(|_| Error::InvalidDate { text: now.to_owned() })?;
    let project = open_project(project_path)?;
    let mut sources = Vec::with_capacity(source_ids.len());
    for id in source_ids {
        let source =
            project.source(id).map_err(|e| Error::store(project_path, e))?.ok_or_else(|| {
                Error::UnknownSource { project: project_path.to_owned(), id: id.clone() }
            })?;
        sources.push(source);
    }
    drop(project);
    let text = new_document_text(starter_id, &sources, today)?;
    let note = format!("created from the starter `{starter_id}`");
    put_document(project_path, None, &text, &note, now)
}

// --- what the sources disclose ------------------------------------------------------------

/// A passage a pre-filled value is cited from.
#[derive(Debug, Clone, PartialEq)]
struct Citation {
    source: String,
    passage: String,
    /// Link text: "Aurora-2 Model Report, section 1".
    label: String,
}

/// A value found in a source, with the passage that states it when there is one.
#[derive(Debug, Clone)]
struct Found {
    text: String,
    cite: Option<Citation>,
}

/// What the chosen sources disclose; for each item, the first source that discloses it.
#[derive(Debug, Default)]
struct Prefill {
    provider: Option<Found>,
    model: Option<Found>,
    /// The source document's own title (the framework's name).
    title: Option<Found>,
    /// The source document's own version and date (a framework's version).
    version: Option<Found>,
    date: Option<Found>,
    release: Option<Found>,
    /// Already in words: "about 34 billion" or "about 8 billion, 70 billion and 405 billion".
    parameters: Option<Found>,
    /// How many sizes `parameters` names.
    sizes: usize,
    intended: Option<Found>,
    prohibited: Option<Found>,
    licence: Option<Found>,
    contact: Option<Found>,
    /// Ids of the sources that are AI bills of materials.
    boms: Vec<String>,
}

impl Prefill {
    fn gather(sources: &[&StoredSource]) -> Self {
        let mut p = Prefill::default();
        // The first source that names the model is asked first for everything, so that the
        // model's name and its provider come from the same source where one names both.
        let lead = sources.iter().find(|s| s.content.metadata.model.as_deref().is_some_and(real));
        let mut ordered: Vec<&StoredSource> = lead.into_iter().copied().collect();
        ordered
            .extend(sources.iter().filter(|s| lead.is_none_or(|l| l.summary.id != s.summary.id)));
        for source in ordered {
            let content = &source.content;
            let map = disclosure_map(content);
            let meta = &content.metadata;
            let is_bom = content.bom.is_some();
            if is_bom {
                p.boms.push(source.summary.id.clone());
            }
            fill(&mut p.provider, || {
                let value = meta.provider.as_deref().filter(|v| real(v))?;
                let fields = ["eu-mdf-1-provider-name", "hf-model-details-developed-by"];
                Some(found_value(source, &map, &fields, PROVIDER_LABELS, value))
            });
            fill(&mut p.model, || {
                let value = meta.model.as_deref().filter(|v| real(v))?;
                Some(found_value(source, &map, &["eu-mdf-1-model-name"], MODEL_LABELS, value))
            });
            if !is_bom {
                fill(&mut p.title, || {
                    let value = meta.title.as_deref().filter(|v| real(v))?;
                    Some(Found { text: clean(value), cite: None })
                });
                fill(&mut p.version, || {
                    let value = meta.version.as_deref().filter(|v| real(v))?;
                    let cite = passage_with(content, &format!("version {value}"), &[])
                        .or_else(|| passage_with(content, value, VERSION_LABELS))
                        .and_then(|at| citation(source, at));
                    Some(Found { text: clean(value), cite })
                });
                fill(&mut p.date, || {
                    let value = meta.date.as_deref().filter(|v| real(v))?;
                    let at = content
                        .facts
                        .iter()
                        .find(|f| f.kind == FactKind::Date && f.text == value)
                        .map(|f| f.passage.as_str())
                        .or_else(|| passage_with(content, value, DATE_LABELS));
                    Some(Found { text: clean(value), cite: at.and_then(|a| citation(source, a)) })
                });
            }
            fill(&mut p.release, || {
                let at = disclosed(&map, &["eu-mdf-1-release-date"])?;
                let text = content
                    .facts
                    .iter()
                    .find(|f| f.kind == FactKind::Date && f.passage == at)
                    .map(|f| f.text.clone())
                    .or_else(|| {
                        let date = meta.date.as_deref()?;
                        passage(content, at)?.text.contains(date).then(|| date.to_owned())
                    })?;
                Some(Found { text: clean(&text), cite: citation(source, at) })
            });
            if p.parameters.is_none()
                && let Some(at) = disclosed(&map, &["eu-mdf-2-parameters"])
            {
                let mut values: Vec<f64> = Vec::new();
                for fact in content.facts.iter().filter(|f| f.kind == FactKind::Parameters) {
                    let same = |v: &f64| (v - fact.value).abs() <= fact.value.abs() * 1e-6;
                    if fact.passage == at && fact.value > 0.0 && !values.iter().any(same) {
                        values.push(fact.value);
                    }
                }
                if !values.is_empty() {
                    let words: Vec<String> = values.iter().map(|v| parameter_words(*v)).collect();
                    p.sizes = words.len();
                    p.parameters =
                        Some(Found { text: join_and(&words), cite: citation(source, at) });
                }
            }
            fill(&mut p.intended, || {
                quoted(source, &map, &["eu-mdf-4-intended-uses", "hf-uses-direct"])
            });
            fill(&mut p.prohibited, || quoted(source, &map, &["hf-uses-out-of-scope"]));
            fill(&mut p.licence, || {
                let value = meta.licence.as_deref().filter(|v| real(v))?;
                let fields = ["eu-mdf-3-licence", "hf-model-details-license"];
                Some(found_value(source, &map, &fields, LICENCE_LABELS, value))
            });
            fill(&mut p.contact, || {
                quoted(source, &map, &["hf-model-card-contact"]).or_else(|| contact_passage(source))
            });
        }
        p
    }

    /// What a lay reader would want about the model that no chosen source disclosed.
    fn missing_basics(&self) -> Vec<&'static str> {
        [
            (self.model.is_none(), "the model's name"),
            (self.provider.is_none(), "who made it"),
            (self.release.is_none(), "when it was released"),
            (self.parameters.is_none(), "its size (the number of parameters)"),
        ]
        .into_iter()
        .filter_map(|(missing, what)| missing.then_some(what))
        .collect()
    }
}

fn fill(slot: &mut Option<Found>, find: impl FnOnce() -> Option<Found>) {
    if slot.is_none() {
        *slot = find();
    }
}

/// Not a placeholder such as "[More Information Needed]", "TBD" or `{{ … }}`.
fn real(value: &str) -> bool {
    let lower = value.trim().to_lowercase();
    !lower.is_empty()
        && !lower.contains("more information needed")
        && !lower.contains("{{")
        && !matches!(lower.as_str(), "tbd" | "todo" | "n/a" | "na" | "none" | "unknown" | "other")
}

/// The passage that discloses one of `fields`, if the map found real content with a passage.
fn disclosed<'m>(map: &'m [FieldDisclosure], fields: &[&str]) -> Option<&'m str> {
    fields.iter().find_map(|id| {
        map.iter()
            .find(|f| f.field.id == *id && f.status == Disclosure::Disclosed)
            .and_then(|f| f.passage.as_deref())
    })
}

fn passage<'c>(content: &'c SourceContent, id: &str) -> Option<&'c Passage> {
    content.passages.iter().find(|p| p.id == id)
}

/// Words of the labels under which a source states each kind of value ("Developed by:").
const PROVIDER_LABELS: &[&str] =
    &["provider", "develop", "author", "organi", "supplier", "creator", "publish", "made by"];
const MODEL_LABELS: &[&str] = &["model", "name"];
const VERSION_LABELS: &[&str] = &["version"];
const DATE_LABELS: &[&str] = &["date", "release", "publish", "effective", "updated"];
const LICENCE_LABELS: &[&str] = &["licen"];

/// The passage that states `value`: one that gives it under a fitting label ("Provider:
/// Meta", for `labels` holding "provider") if any, else the first that mentions it outside
/// a label of its own ("License: gemma" does not state the model's name).
fn passage_with<'c>(content: &'c SourceContent, value: &str, labels: &[&str]) -> Option<&'c str> {
    let needle = value.to_lowercase();
    let mut first = None;
    for p in &content.passages {
        let text = p.text.to_lowercase();
        let Some(at) = text.find(&needle) else { continue };
        match text[..at].trim_end().strip_suffix(':') {
            Some(label) if labels.iter().any(|l| label.contains(l)) => return Some(&p.id),
            Some(_) => {}
            None => {
                first.get_or_insert(p.id.as_str());
            }
        }
    }
    first
}

/// A metadata value, cited from the passage that discloses its field when that passage
/// states the value, else from a passage that states it.
fn found_value(
    source: &StoredSource,
    map: &[FieldDisclosure],
    fields: &[&str],
    labels: &[&str],
    value: &str,
) -> Found {
    let content = &source.content;
    let lower = value.to_lowercase();
    let at = disclosed(map, fields)
        .filter(|at| passage(content, at).is_some_and(|p| p.text.to_lowercase().contains(&lower)))
        .or_else(|| passage_with(content, value, labels));
    Found { text: clean(value), cite: at.and_then(|at| citation(source, at)) }
}

/// The text of the passage that discloses one of `fields` (found under a label, heading,
/// table or structured field, not merely in metadata), shortened for quoting.
fn quoted(source: &StoredSource, map: &[FieldDisclosure], fields: &[&str]) -> Option<Found> {
    let field = fields.iter().find_map(|id| {
        map.iter().find(|f| {
            f.field.id == *id
                && f.status == Disclosure::Disclosed
                && matches!(
                    f.evidence,
                    Some(Evidence::Label | Evidence::Heading | Evidence::Table | Evidence::Field)
                )
        })
    })?;
    let at = field.passage.as_deref()?;
    let text = shorten(&clean(&passage(&source.content, at)?.text), 400);
    Some(Found { text, cite: citation(source, at) })
}

/// A passage that gives an address (`@` or a web address) in a section about contact,
/// reporting, concerns, incidents or feedback.
fn contact_passage(source: &StoredSource) -> Option<Found> {
    const TOPICS: [&str; 5] = ["contact", "report", "concern", "incident", "feedback"];
    let content = &source.content;
    let p = content.passages.iter().find(|p| {
        let about = p.section.and_then(|i| content.sections.get(i)).is_some_and(|s| {
            let title = s.title.to_lowercase();
            TOPICS.iter().any(|t| title.contains(t))
        });
        about && (p.text.contains('@') || p.text.contains("https://"))
    })?;
    Some(Found { text: shorten(&clean(&p.text), 400), cite: citation(source, &p.id) })
}

/// A citation of passage `at`, labelled with the source's name and the passage's section.
fn citation(source: &StoredSource, at: &str) -> Option<Citation> {
    let content = &source.content;
    let p = passage(content, at)?;
    let link = SourceLink::parse(&format!("{}#{}", source.summary.id, p.id)).ok()?;
    let name = source_name(source);
    let label = match p.section.and_then(|i| content.sections.get(i)) {
        Some(section) => match &section.number {
            Some(n) => format!("{name}, section {n}"),
            // The document's title as its first heading names nothing more.
            None if clean(&section.title).eq_ignore_ascii_case(&name) => name,
            None => format!("{name}, “{}”", shorten(&clean(&section.title), 50)),
        },
        None => name,
    };
    Some(Citation { source: link.source, passage: link.passage.unwrap_or_default(), label })
}

/// A name for a source: its title, else its file name in words.
fn source_name(source: &StoredSource) -> String {
    let summary = &source.summary;
    let title = source.content.metadata.title.as_deref().filter(|t| real(t));
    let title = title.or(Some(summary.title.as_str()).filter(|t| *t != summary.file_name));
    match title {
        Some(t) => shorten(&clean(t), 60),
        None => {
            let stem = summary.file_name.rsplit_once('.').map_or(&*summary.file_name, |(s, _)| s);
            let words = clean(&stem.replace(['-', '_'], " "));
            let mut chars = words.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => summary.id.clone(),
            }
        }
    }
}

/// "on" for a day ("on 10 February 2026", "on July 23, 2024"), "in" for a month or year
/// ("in February 2019").
fn date_preposition(date: &str) -> &'static str {
    let numbers = date.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).count();
    if numbers >= 2 { "on" } else { "in" }
}

/// "34 billion", "1.3 trillion", "124 million".
fn parameter_words(value: f64) -> String {
    let (scaled, unit) = match value {
        v if v >= 1e12 => (v / 1e12, " trillion"),
        v if v >= 1e9 => (v / 1e9, " billion"),
        v if v >= 1e6 => (v / 1e6, " million"),
        v => (v, ""),
    };
    let number = if unit.is_empty() {
        format!("{:.0}", scaled.round())
    } else {
        let text = format!("{scaled:.1}");
        text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
    };
    format!("{number}{unit}")
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whitespace collapsed and control characters dropped.
fn clean(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most `max` characters, cut after a sentence when one ends late enough, else at a word,
/// with "…" when cut.
fn shorten(text: &str, max: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max) else { return text.to_owned() };
    let head = &text[..cut];
    if let Some(end) = head.rfind(". ").filter(|&e| e >= cut / 2) {
        return head[..=end].to_owned();
    }
    let word = head.rfind(' ').unwrap_or(cut);
    format!("{}…", head[..word].trim_end_matches([',', ';', ':', ' ']))
}

/// Text that Markdown shows as written: punctuation that could start markup is escaped.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '^'
                | '!'
                | '&'
                | '{'
                | '}'
                | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A YAML double-quoted string.
fn yaml(text: &str) -> String {
    let mut out = String::from("\"");
    for c in clean(text).chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// " ([a](source:…); [b](source:…))" for the citations given, each passage once; empty
/// without any.
fn cites(list: &[Option<&Citation>]) -> String {
    let mut seen: Vec<&Citation> = Vec::new();
    for cite in list.iter().flatten() {
        if !seen.iter().any(|c| c.source == cite.source && c.passage == cite.passage) {
            seen.push(cite);
        }
    }
    if seen.is_empty() {
        return String::new();
    }
    let links: Vec<String> = seen
        .iter()
        .map(|c| format!("[{}](source:{}#{})", md(&c.label), c.source, c.passage))
        .collect();
    format!(" ({})", links.join("; "))
}

fn cite_of(found: &Option<Found>) -> Option<&Citation> {
    found.as_ref().and_then(|f| f.cite.as_ref())
}

// --- writing the documents ----------------------------------------------------------------

/// The four systemic risks that must always be assessed (Code of Practice, Safety and
/// Security chapter, Appendix 1.4): id, plain title, what one "try" is, a likely mitigation
/// kind and what it measures.
const SPECIFIED_RISKS: [(&str, &str, &str, &str, &str); 4] = [
    (
        "cbrn",
        "Helping someone make chemical, biological, radiological or nuclear weapons",
        "request for help with a weapon",
        "data-filtering",
        "share of answers that gave meaningful help",
    ),
    (
        "cyber-offence",
        "Helping attackers break into computer systems",
        "attempt by a skilled attacker",
        "input-output-filtering",
        "share of attempts that succeeded",
    ),
    (
        "harmful-manipulation",
        "Persuading or deceiving people in harmful ways",
        "conversation designed to mislead",
        "behaviour-change",
        "share of conversations that changed a view",
    ),
    (
        "loss-of-control",
        "The model acting outside human control",
        "test task carried out by the model on its own",
        "human-oversight",
        "share of test tasks completed",
    ),
];

struct Writer<'a> {
    out: String,
    facts: &'a Prefill,
    sources: &'a [&'a StoredSource],
    today: Date,
}

impl Writer<'_> {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.out.push_str(&"#".repeat(level));
        self.out.push(' ');
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    fn para(&mut self, text: &str) {
        self.line(text);
        self.out.push('\n');
    }

    fn guidance<S: AsRef<str>>(&mut self, lines: &[S]) {
        self.line("```guidance");
        for line in lines {
            self.line(line.as_ref());
        }
        self.line("```");
        self.out.push('\n');
    }

    /// The model's name for headings and sentences ("Aurora-2"), or `fallback`.
    fn model_or(&self, fallback: &str) -> String {
        self.facts.model.as_ref().map_or_else(|| fallback.to_owned(), |m| md(&m.text))
    }

    fn front_matter(&mut self, title: &str) {
        self.line("---");
        self.line(&format!("title: {}", yaml(title)));
        self.line("lang: en");
        self.line("audience: general public");
        self.line("reading_level: 9");
        self.line("version: \"1.0\"");
        self.line(&format!(
            "date: {}                # the day this draft was made; change it to the day you publish",
            self.today
        ));
        match &self.facts.provider {
            Some(p) => self.line(&format!("provider: {}", yaml(&p.text))),
            None => {
                self.line("# provider: the provider's legal name (not found in the chosen sources)")
            }
        }
        match &self.facts.model {
            Some(m) => self.line(&format!("model: {}", yaml(&m.text))),
            None => {
                self.line("# model: the model's name and version (not found in the chosen sources)")
            }
        }
        if self.sources.is_empty() {
            self.line("# sources: the technical documents this summary explains. Import them into");
            self.line("# the project, list them here (id, title, file) and cite their passages");
            self.line("# with links such as [model report, 7.1](source:ID#PASSAGE).");
        } else {
            self.line("sources:");
            for source in self.sources {
                self.line(&format!("  - id: {}", source.summary.id));
                self.line(&format!("    title: {}", yaml(&source_name(source))));
                self.line(&format!("    file: {}", yaml(&source.summary.file_name)));
            }
        }
        self.line("---");
        self.out.push('\n');
    }

    /// Sentences on what the model is, from what the sources disclose; guidance naming what
    /// they do not.
    fn model_basics(&mut self, intro: &[&str]) {
        let f = self.facts;
        let model = self.model_or("The model");
        match (&f.model, &f.provider) {
            (Some(_), Some(p)) => self.para(&format!(
                "{model} is an AI model made by {}{}.",
                md(&p.text),
                cites(&[cite_of(&f.model), cite_of(&f.provider)])
            )),
            (Some(_), None) => {
                self.para(&format!("{model} is an AI model{}.", cites(&[cite_of(&f.model)])));
            }
            (None, Some(p)) => self.para(&format!(
                "It was made by {}{}.",
                md(&p.text),
                cites(&[cite_of(&f.provider)])
            )),
            (None, None) => {}
        }
        if let Some(r) = &f.release {
            self.para(&format!(
                "It was released {} {}{}.",
                date_preposition(&r.text),
                md(&r.text),
                cites(&[cite_of(&f.release)])
            ));
        }
        if let Some(size) = &f.parameters {
            let sentence = if f.sizes > 1 {
                format!(
                    "It comes in {} sizes: about {} parameters{}. Parameters are the numbers a model adjusts while it learns; more parameters usually mean a more capable model.",
                    f.sizes,
                    md(&size.text),
                    cites(&[cite_of(&f.parameters)])
                )
            } else {
                format!(
                    "It has about {} parameters{}. Parameters are the numbers a model adjusts while it learns; more parameters usually mean a more capable model.",
                    md(&size.text),
                    cites(&[cite_of(&f.parameters)])
                )
            };
            self.para(&sentence);
        }
        let mut lines: Vec<String> = intro.iter().map(|l| (*l).to_owned()).collect();
        if f.model.is_some()
            || f.provider.is_some()
            || f.release.is_some()
            || f.parameters.is_some()
        {
            lines.push(
                "The sentences above were filled in from the chosen sources. Check each one".into(),
            );
            lines.push(
                "against the passage it cites, and rewrite it in your own words if needed.".into(),
            );
        }
        if f.sizes > 1 {
            lines.push(
                "The source names several sizes: say which one this summary is about.".into(),
            );
        }
        let missing = f.missing_basics();
        if !missing.is_empty() {
            lines.push(format!("Not found in the chosen sources: {}.", missing.join(", ")));
            lines.push(
                "Look for them in the model report. If the provider has not published them,".into(),
            );
            lines.push("say so plainly. Never guess.".into());
        }
        self.guidance(&lines);
    }

    /// "What it is built from": one `candor-bom` block per AI-BOM source.
    fn bill_of_materials(&mut self, level: usize) {
        if self.facts.boms.is_empty() {
            return;
        }
        let model = self.model_or("the model");
        self.heading(level, &format!("What {model} is built from"));
        self.guidance(&[
            "Candor fills in the list below from the AI bill of materials when you export:",
            "the models it builds on, its data and its main software, each with its licence.",
            "Add one or two sentences before it saying why this matters: for example, that",
            "the data it learned from shapes what it knows and what it gets wrong.",
        ]);
        let facts = self.facts;
        for id in &facts.boms {
            self.line("```candor-bom");
            self.line(&format!("source: {id}"));
            self.line("```");
            self.out.push('\n');
        }
    }

    fn uses(&mut self, level: usize) {
        let f = self.facts;
        self.heading(level, "What it is meant for, and what it must not be used for");
        if let Some(uses) = &f.intended {
            self.para(&format!(
                "> In the provider's words: “{}”{}",
                md(&uses.text),
                cites(&[cite_of(&f.intended)])
            ));
        }
        if let Some(misuse) = &f.prohibited {
            self.para(&format!(
                "> What it must not be used for, in the provider's words: “{}”{}",
                md(&misuse.text),
                cites(&[cite_of(&f.prohibited)])
            ));
        }
        let mut lines: Vec<String> = [
            "List the main uses as short bullet points in everyday words: \"writing and",
            "summarising letters\", not \"text generation\". Then say what it must not be used",
            "for, and what it is not good at (for example, that it can be confidently wrong).",
        ]
        .map(str::to_owned)
        .to_vec();
        if f.intended.is_some() || f.prohibited.is_some() {
            lines.push("Rewrite the quotes above in plain words, keep the citation, then delete the quotes.".into());
        }
        let mut missing = Vec::new();
        if f.intended.is_none() {
            missing.push("what the model is meant for");
        }
        if f.prohibited.is_none() {
            missing.push("what it must not be used for");
        }
        if !missing.is_empty() {
            lines.push(format!(
                "Not found in the chosen sources: {}. Look in the model documentation or the",
                missing.join(" and ")
            ));
            lines.push(
                "acceptable use policy; if the provider does not say, write that it does not."
                    .into(),
            );
        }
        self.guidance(&lines);
    }

    fn licence(&mut self, level: usize) {
        let f = self.facts;
        self.heading(level, "Who can use it");
        if let Some(l) = &f.licence {
            self.para(&format!(
                "It is shared under this licence: {}{}.",
                md(&l.text),
                cites(&[cite_of(&f.licence)])
            ));
        }
        let mut lines = vec![
            "Say in plain words what the licence allows: who may use the model, for what,"
                .to_owned(),
            "and whether it costs money. Say where people meet it: an app, a website, a".to_owned(),
            "service other companies build on, or files anyone can download.".to_owned(),
        ];
        if f.licence.is_none() {
            lines.push(
                "Not found in the chosen sources: the licence. If it is not published, say so."
                    .into(),
            );
        }
        self.guidance(&lines);
    }

    fn training(&mut self, level: usize) {
        self.heading(level, "What it was made from");
        self.guidance(&[
            "Say in two or three sentences what the model learned from: what kind of data",
            "(text, images, code), where it came from, and up to which date it was collected.",
            "If the model report states the computing power or energy used to train it, give",
            "it in everyday terms (for example, \"about as much electricity as N homes use in",
            "a year\") and cite the passage. A small table of \"what\" and \"in plain words\" works well.",
        ]);
    }

    /// The risk section: guidance, the overview table and one risk block per specified risk.
    fn risks(&mut self, level: usize, heading: &str) {
        self.heading(level, heading);
        self.guidance(&[
            "Name each kind of serious risk that was assessed, and give each the same care and",
            "space. The EU Code of Practice names four that must always be assessed (Safety and",
            "Security chapter, Appendix 1.4): chemical, biological, radiological and nuclear",
            "weapons (cbrn); loss of control (loss-of-control); cyber attacks (cyber-offence);",
            "harmful manipulation (harmful-manipulation). A risk card for each is below.",
            "",
            "For each risk, from the model report:",
            "- what could happen, in one or two sentences;",
            "- how likely it is, as the model is released, written as a share (0.03 is shown",
            "  as \"about 3 in 100\") with the range of uncertainty the report gives;",
            "  never drop the range, and never make a figure up;",
            "- what each try is (\"attempt by a skilled attacker\") and where the figure comes",
            "  from (which test, how many tries, when);",
            "- how serious it would be: low, moderate, high or critical;",
            "- who would be affected;",
            "- what was done about it and how much that helped: the figure before and after;",
            "- what the reader can do.",
            "",
            "Kinds of measures a card can name: data-filtering, input-output-filtering,",
            "behaviour-change, access-restriction, safety-tools-for-others,",
            "quantitative-guarantees, agent-infrastructure, interpretability,",
            "differential-privacy, human-oversight, security.",
            "",
            "Then list plainly any kind of risk that was not assessed, or whose results the",
            "report leaves out. Avoid words such as \"acceptable\" or \"state of the art\" unless",
            "you explain what they mean.",
        ]);
        self.line("```candor-risk-overview");
        self.line("```");
        self.out.push('\n');
        let source =
            self.sources.iter().find(|s| s.content.bom.is_none()).map(|s| s.summary.id.clone());
        for (id, title, per, kind, measure) in SPECIFIED_RISKS {
            self.risk_block(id, title, per, kind, measure, source.as_deref());
        }
    }

    /// A risk block with its id, category and title; every other field is a comment to fill in.
    fn risk_block(
        &mut self,
        id: &str,
        title: &str,
        per: &str,
        kind: &str,
        measure: &str,
        source: Option<&str>,
    ) {
        let source = source.unwrap_or("SOURCE");
        for line in [
            "```risk".to_owned(),
            format!("id: {id}"),
            format!("category: {id}"),
            format!("title: {title}"),
            "# Fill in what the model report says, then remove the # at the start of each line."
                .to_owned(),
            "# Leave out any line the report gives no figure for; never guess one.".to_owned(),
            "# Words in CAPITALS are placeholders: replace every one.".to_owned(),
            "# what_could_happen: What someone could do with the model, in one or two sentences."
                .to_owned(),
            "# likelihood:".to_owned(),
            "#   estimate: SHARE      # as released: 0.03 is shown as \"about 3 in 100\""
                .to_owned(),
            "#   range: [LOW, HIGH]   # the lowest and highest share the report gives".to_owned(),
            format!("#   per: {per}"),
            "#   basis: Which test, how many tries, and when.".to_owned(),
            "# severity: LEVEL        # low, moderate, high or critical".to_owned(),
            "# who_is_affected: Who would be harmed.".to_owned(),
            "# mitigations:".to_owned(),
            format!("#   - kind: {kind}"),
            "#     what_we_did: What was done, in one sentence.".to_owned(),
            format!("#     effect: {{ before: SHARE, after: SHARE, measure: {measure} }}"),
            "# what_you_can_do: What a reader can do about it.".to_owned(),
            format!("# sources: [{source}#PASSAGE]"),
            "```".to_owned(),
        ] {
            self.line(&line);
        }
        self.out.push('\n');
    }

    fn made_safer(&mut self, level: usize) {
        self.heading(level, "What was done to make it safer");
        self.guidance(&[
            "List the main safety measures as short bullet points, each with what it does in",
            "everyday words and, where the report measures it, how much it helped (\"attacks",
            "that succeeded fell from about 18 in 100 to about 3 in 100\"). Include how the",
            "model itself is protected from theft (security). Then say plainly what the measures",
            "cannot do: their known limits and ways around them.",
        ]);
    }

    fn reasons(&mut self, level: usize) {
        self.heading(level, "Why the provider decided to release it");
        self.guidance(&[
            "Say in two or three sentences why the provider judged it safe enough to release,",
            "and what would make it stop or change course (Code of Practice, Model Report,",
            "Measure 7.2). Report the provider's reasons as theirs: \"The provider says …\".",
        ]);
    }

    fn what_you_can_do(&mut self, level: usize) {
        self.heading(level, "What you can do");
        self.guidance(&[
            "Give practical advice as short bullet points, based on the risks above: what to",
            "check, what not to share, what to do when something seems wrong. Write to the",
            "reader as \"you\".",
        ]);
    }

    /// The section every starter ends with: how to report a concern or an incident.
    fn report_concern(&mut self, level: usize) {
        self.heading(level, "How to report a concern or an incident");
        let mut lines: Vec<String> = [
            "Give a real contact that someone reads every working day: an email address, a",
            "web form or a phone number. Check that it works before you publish: do not",
            "publish this document without a working contact.",
            "Say what to put in a report (what happened, when, which product, a screenshot if",
            "possible) and how soon people will hear back. Add that people can also contact the",
            "market surveillance authority of their country. If the provider reports serious",
            "incidents to the EU AI Office, say so.",
        ]
        .map(str::to_owned)
        .to_vec();
        if let Some(contact) = &self.facts.contact {
            lines.push(String::new());
            let place = contact.cite.as_ref().map_or(String::new(), |c| {
                format!(" (source {}, passage {})", c.source, c.passage)
            });
            lines.push(format!("A chosen source gives this contact{place}:"));
            lines.push(format!("\"{}\"", shorten(&contact.text, 200)));
            lines.push("Check that it is meant for the public before you use it.".into());
        } else {
            lines.push(String::new());
            lines.push(
                "Not found in the chosen sources: a contact for concerns or incidents.".into(),
            );
        }
        self.guidance(&lines);
    }

    fn about(&mut self, level: usize, what: &str) {
        self.heading(level, "About this summary");
        if !self.sources.is_empty() {
            self.para(&format!("This summary explains {what}:"));
            let names: Vec<String> = self.sources.iter().map(|s| source_name(s)).collect();
            for name in names {
                self.line(&format!("- {}", md(&name)));
            }
            self.out.push('\n');
        }
        self.guidance(&[
            "Say which documents this summary explains, their version and date, and where",
            "readers can find them (a web address). Say what was left out and why, for example",
            "details that would help attackers (Code of Practice, Measure 10.2).",
            "Each time you update this summary, raise the version in the header and add a line",
            "here with the new version, the date and what changed (Measures 1.3 and 7.6).",
        ]);
    }

    // --- the starters -------------------------------------------------------------------

    fn model_report_summary(&mut self) {
        let title = match &self.facts.model {
            Some(m) => format!("{}: what you should know", m.text),
            None => "What you should know about this AI model".to_owned(),
        };
        self.front_matter(&title);
        let model = self.model_or("the model");
        self.heading(1, &format!("What {model} is"));
        self.model_basics(&[
            "Say in one or two sentences what the model does, in everyday words: for example,",
            "\"a computer program that writes text when you type a question\". Say who made it",
            "and when it came out. Explain every technical word the first time you use it.",
        ]);
        self.bill_of_materials(2);
        self.training(2);
        self.uses(2);
        self.licence(2);
        self.risks(1, "The risks we looked at");
        self.made_safer(1);
        self.reasons(1);
        self.what_you_can_do(1);
        self.report_concern(1);
        self.about(1, "the following documents");
    }

    fn framework_summary(&mut self) {
        let f = self.facts;
        let title = match (&f.title, &f.provider) {
            (Some(t), _) => format!("{}: a summary for the public", t.text),
            (None, Some(p)) => format!("How {} keeps its AI models safe", p.text),
            (None, None) => "Our safety and security framework, in plain words".to_owned(),
        };
        self.front_matter(&title);
        self.heading(1, "What this framework is");
        let name = f.title.as_ref().map_or_else(|| "The framework".to_owned(), |t| md(&t.text));
        if let Some(p) = &f.provider {
            self.para(&format!(
                "{name} is published by {}{}.",
                md(&p.text),
                cites(&[cite_of(&f.title), cite_of(&f.provider)])
            ));
        }
        match (&f.version, &f.date) {
            (Some(v), Some(d)) => self.para(&format!(
                "This summary explains version {}, dated {}{}.",
                md(&v.text),
                md(&d.text),
                cites(&[cite_of(&f.version), cite_of(&f.date)])
            )),
            (Some(v), None) => self.para(&format!(
                "This summary explains version {}{}.",
                md(&v.text),
                cites(&[cite_of(&f.version)])
            )),
            (None, Some(d)) => self.para(&format!(
                "This summary explains the version dated {}{}.",
                md(&d.text),
                cites(&[cite_of(&f.date)])
            )),
            (None, None) => {}
        }
        let mut lines: Vec<String> = [
            "Say in two or three sentences what the framework is: the provider's own rules for",
            "finding, measuring and reducing the most serious risks of its AI models, before",
            "and after they are released (Code of Practice, Safety and Security chapter,",
            "Commitment 1). Say which models it applies to.",
        ]
        .map(str::to_owned)
        .to_vec();
        let mut missing = Vec::new();
        if f.title.is_none() {
            missing.push("the framework's name");
        }
        if f.provider.is_none() {
            missing.push("who publishes it");
        }
        if f.version.is_none() && f.date.is_none() {
            missing.push("its version and date");
        }
        if !missing.is_empty() {
            lines.push(format!(
                "Not found in the chosen sources: {}. Never guess them.",
                missing.join(", ")
            ));
        }
        self.guidance(&lines);
        self.bill_of_materials(2);
        self.heading(1, "Which risks it covers");
        self.guidance(&[
            "List each kind of risk the framework covers, each with the same care and space.",
            "The Code of Practice names four that must always be assessed (Appendix 1.4):",
            "chemical, biological, radiological and nuclear weapons; loss of control; cyber",
            "attacks; harmful manipulation. Then list plainly any kind of risk it does not cover.",
        ]);
        self.heading(1, "How risks are found and measured");
        self.guidance(&[
            "Say when the provider checks its models (during training, before release, after",
            "release, when something changes) and what makes it run a new check. Say who does",
            "the checks and whether outside experts take part. Give one concrete example of a test.",
        ]);
        self.heading(1, "When a risk is too high");
        self.guidance(&[
            "Explain the levels of risk the framework uses and what each means, with an example.",
            "Say what the provider does when a model reaches a level: add safeguards, pause",
            "training, or not release it. If the framework calls a risk \"acceptable\", explain",
            "who decides that and on what grounds.",
        ]);
        self.heading(1, "What safeguards are used");
        self.guidance(&[
            "List the kinds of safeguards the framework requires at each level, in everyday",
            "words: for example, filtering what goes in and comes out, training the model to",
            "refuse, limiting who can use it, and protecting the model from theft.",
        ]);
        self.heading(1, "Who is responsible");
        self.guidance(&[
            "Say who inside the company is responsible for the framework and for decisions under",
            "it, and who outside the company checks the work (for example, independent evaluators).",
        ]);
        self.heading(1, "How the framework is kept up to date");
        self.guidance(&[
            "Say how often the framework is reviewed, what triggers an update, and where",
            "readers can find earlier versions and the list of changes (Measure 1.3).",
        ]);
        self.report_concern(1);
        self.about(1, "the following documents");
    }

    fn risk_summary(&mut self) {
        let title = match &self.facts.model {
            Some(m) => format!("{}: the risks in brief", m.text),
            None => "The risks of this AI model, in brief".to_owned(),
        };
        self.front_matter(&title);
        let model = self.model_or("The model");
        self.heading(1, &format!("{model} in brief"));
        self.model_basics(&[
            "Keep this whole document to one page. Here: two or three short sentences on what",
            "the model is, who made it and who uses it.",
        ]);
        self.bill_of_materials(2);
        self.risks(1, "The main risks");
        self.what_you_can_do(1);
        self.report_concern(1);
    }

    fn incident_notice(&mut self) {
        let title = match &self.facts.model {
            Some(m) => format!("Notice of a serious incident involving {}", m.text),
            None => "Notice of a serious incident".to_owned(),
        };
        self.front_matter(&title);
        self.heading(1, "What happened");
        let f = self.facts;
        if let Some(m) = &f.model {
            let by = f
                .provider
                .as_ref()
                .map(|p| format!(", made by {}", md(&p.text)))
                .unwrap_or_default();
            self.para(&format!(
                "The incident involved {}{by}{}.",
                md(&m.text),
                cites(&[cite_of(&f.model), cite_of(&f.provider)])
            ));
        }
        let mut lines: Vec<String> = [
            "Say in plain words what happened, as facts: what the model did or was used for,",
            "and what harm followed. Give the date it started and, if it is over, the date it",
            "ended. Name the model and version involved. Do not speculate: say what is still",
            "unknown and when you expect to know more (Code of Practice, Measure 9.2).",
        ]
        .map(str::to_owned)
        .to_vec();
        if f.model.is_none() {
            lines.push("Not found in the chosen sources: the model involved.".into());
        }
        self.guidance(&lines);
        self.bill_of_materials(2);
        self.heading(1, "Who was affected");
        self.guidance(&[
            "Say who was harmed or could have been, how many people (a number or a range), and",
            "where. Do not name the people affected or give details that could identify them.",
        ]);
        self.heading(1, "What we did");
        self.guidance(&[
            "List what was done, with dates, in the order it happened: when the incident was",
            "found, when it was stopped, who was told (for example, the EU AI Office and",
            "national authorities) and what was changed in the model or its safeguards.",
        ]);
        self.heading(1, "Why it happened");
        self.guidance(&[
            "Give the cause in plain words, once it is known. Say whether something similar has",
            "happened before and what was learned. If the cause is not yet known, say so and say",
            "when this notice will be updated.",
        ]);
        self.heading(1, "What you should do");
        self.guidance(&[
            "Tell readers exactly what to do, as short steps: for example, update an app,",
            "change a password, check certain messages or stop using a feature. Say what to do",
            "if they think they were affected.",
        ]);
        self.report_concern(1);
        self.heading(1, "Updates to this notice");
        self.guidance(&[
            "Keep a dated list of every change to this notice, newest first. Raise the version",
            "in the header each time.",
        ]);
    }
}

#[cfg(test)]
mod tests;
