//! SPDX 3.0 (JSON-LD): AI and Dataset packages, software packages and relationships.
//!
//! Published documents spell names three ways — `ai_autonomyType`, `autonomyType` and full
//! IRIs — so every type and property name is reduced to its local name first.

use std::collections::{HashMap, HashSet};

use candor_model::{Bom, BomComponent, ComponentKind, SourceContent, Warned};
use serde_json::Value;

use super::json::{flatten, label, scalar, words};
use super::out::{MAX_COMPONENTS, MAX_RELATIONSHIPS, Outline};
use crate::source::ImportError;

/// Most graph elements read; the rest are left out with a warning.
const MAX_ELEMENTS: usize = 100_000;
/// Most licences kept for one element.
const MAX_LICENCES: usize = 100;

/// Profile prefixes of the SPDX 3 JSON-LD context (`ai_`, `dataset_`, …).
const PROFILES: [&str; 11] = [
    "ai",
    "dataset",
    "software",
    "core",
    "simplelicensing",
    "expandedlicensing",
    "security",
    "build",
    "lite",
    "extension",
    "licensing",
];

/// Properties shown in an element's "General" group, in this order.
const GENERAL: &[&str] = &[
    "name",
    "packageVersion",
    "suppliedBy",
    "originatedBy",
    "releaseTime",
    "builtTime",
    "validUntilTime",
    "downloadLocation",
    "homePage",
    "packageUrl",
    "sourceInfo",
    "primaryPurpose",
    "additionalPurpose",
    "copyrightText",
    "attributionText",
    "summary",
    "description",
    "comment",
    "verifiedUsing",
    "externalIdentifier",
    "externalRef",
];

const AI_GROUPS: &[(&str, &[&str])] = &[
    (
        "Use",
        &[
            "informationAboutApplication",
            "domain",
            "autonomyType",
            "limitation",
            "standardCompliance",
            "safetyRiskAssessment",
            "useSensitivePersonalInformation",
        ],
    ),
    (
        "Training",
        &[
            "informationAboutTraining",
            "typeOfModel",
            "modelDataPreprocessing",
            "hyperparameter",
            "energyConsumption",
            "modelExplainability",
        ],
    ),
    ("Evaluation", &["metric", "metricDecisionThreshold"]),
];

const DATASET_GROUPS: &[(&str, &[&str])] = &[(
    "Dataset",
    &[
        "datasetType",
        "intendedUse",
        "dataCollectionProcess",
        "dataPreprocessing",
        "datasetSize",
        "datasetAvailability",
        "datasetUpdateMechanism",
        "datasetNoise",
        "knownBias",
        "hasSensitivePersonalInformation",
        "anonymizationMethodUsed",
        "confidentialityLevel",
        "sensor",
    ],
)];

/// Bookkeeping properties that say nothing to a reader.
const SKIPPED: &[&str] = &[
    "creationInfo",
    "spdxId",
    "type",
    "extension",
    "profileConformance",
    "rootElement",
    "element",
];

/// People-facing labels where the property name alone reads badly.
fn field_label(key: &str) -> String {
    let fixed = match key {
        "packageVersion" => "Version",
        "suppliedBy" => "Supplied by",
        "originatedBy" => "Originated by",
        "validUntilTime" => "Valid until",
        "packageUrl" => "Package URL",
        "sourceInfo" => "Source information",
        "copyrightText" => "Copyright",
        "attributionText" => "Attribution",
        "informationAboutApplication" => "Information about the application",
        "informationAboutTraining" => "Information about training",
        "modelDataPreprocessing" => "Data preprocessing",
        "modelExplainability" => "Explainability",
        "useSensitivePersonalInformation" => "Uses sensitive personal information",
        "hasSensitivePersonalInformation" => "Contains sensitive personal information",
        "anonymizationMethodUsed" => "Anonymization method",
        "datasetAvailability" => "Availability",
        "datasetUpdateMechanism" => "Update mechanism",
        "datasetNoise" => "Noise",
        _ => return label(key),
    };
    fixed.to_owned()
}

struct Element<'a> {
    id: &'a str,
    kind: &'a str,
    props: Vec<(&'a str, &'a Value)>,
}

impl<'a> Element<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.props.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    fn text(&self, key: &str) -> Option<&'a str> {
        self.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
    }

    /// String or list-of-strings members (`to`, `rootElement`, `createdBy`).
    fn ids(&self, key: &str) -> Vec<&'a str> {
        match self.get(key) {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

/// "https://spdx.org/rdf/3.0.1/terms/AI/AIPackage", "ai_AIPackage", "AIPackage" ->
/// "AIPackage".
fn local(name: &str) -> &str {
    let tail = name.rsplit(['/', '#']).next().unwrap_or(name);
    let tail = tail.rsplit(':').next().unwrap_or(tail);
    match tail.split_once('_') {
        Some((prefix, rest)) if PROFILES.contains(&prefix) && !rest.is_empty() => rest,
        _ => tail,
    }
}

struct Relationship<'a> {
    from: &'a str,
    kind: &'a str,
    to: Vec<&'a str>,
}

struct Graph<'a> {
    elements: Vec<Element<'a>>,
    by_id: HashMap<&'a str, usize>,
    /// Display names of every element with an id.
    names: HashMap<&'a str, String>,
    relationships: Vec<Relationship<'a>>,
    /// Licences by element id, from hasDeclaredLicense / hasConcludedLicense.
    licences: HashMap<&'a str, Vec<String>>,
    /// Indexes into `relationships` by source and by target, so lookups stay linear.
    outgoing: HashMap<&'a str, Vec<usize>>,
    incoming: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Graph<'a> {
    fn element(&self, id: &str) -> Option<&Element<'a>> {
        self.by_id.get(id).map(|&i| &self.elements[i])
    }

    fn name(&self, id: &str) -> String {
        self.names.get(id).cloned().unwrap_or_else(|| licence_from_iri(id).unwrap_or(id).to_owned())
    }

    fn names_of(&self, ids: &[&str]) -> String {
        ids.iter().map(|id| self.name(id)).collect::<Vec<_>>().join(", ")
    }
}

/// "https://spdx.org/licenses/MIT" -> "MIT": listed licences are often not in the graph.
fn licence_from_iri(id: &str) -> Option<&str> {
    id.strip_prefix("https://spdx.org/licenses/")
        .or_else(|| id.strip_prefix("http://spdx.org/licenses/"))
        .filter(|rest| !rest.is_empty() && !rest.contains('/'))
}

pub(super) fn import(root: &Value) -> Result<Warned<SourceContent>, ImportError> {
    let items = graph_items(root)?;
    let mut out = Outline::new();
    if items.len() > MAX_ELEMENTS {
        out.warn(
            "bom/too-many-elements",
            format!(
                "the SPDX document has {} elements; Candor read the first {MAX_ELEMENTS}",
                items.len()
            ),
        );
    }
    let graph = build_graph(&items[..items.len().min(MAX_ELEMENTS)]);
    let spec_version = check_version(root, &graph)?;
    let spec = format!("SPDX {spec_version}");

    let ai: Vec<&Element<'_>> = graph.elements.iter().filter(|e| e.kind == "AIPackage").collect();
    let datasets: Vec<&Element<'_>> =
        graph.elements.iter().filter(|e| e.kind == "DatasetPackage").collect();
    let packages: Vec<&Element<'_>> =
        graph.elements.iter().filter(|e| e.kind == "Package").collect();
    let document = graph.elements.iter().find(|e| e.kind == "SpdxDocument");
    let main = main_element(&graph, &ai, &datasets, document);

    write_metadata(&mut out, &graph, main, &ai, document, &spec);
    write_document(&mut out, &graph, document, &spec_version);
    for el in &ai {
        out.section(1, &format!("AI model: {}", package_name(el)));
        write_package(&mut out, &graph, el, AI_GROUPS);
    }
    for el in &datasets {
        out.section(1, &format!("Dataset: {}", package_name(el)));
        write_package(&mut out, &graph, el, DATASET_GROUPS);
    }
    write_package_table(&mut out, &graph, &packages);
    write_relationships(&mut out, &graph);

    let components = components(&graph, &mut out);
    let relationships = bom_relationships(&graph, &components);
    Ok(out.finish(Bom { spec, components, relationships }))
}

/// The elements of the document: its `@graph`, or a bare list of elements.
fn graph_items(root: &Value) -> Result<&Vec<Value>, ImportError> {
    if let Some(version) = root.get("spdxVersion") {
        return Err(ImportError::Unsupported(format!(
            "this is an {} document; Candor reads SPDX 3.0 (JSON-LD), the version with the AI and \
             Dataset profiles",
            scalar(version).unwrap_or_else(|| "SPDX 2".to_owned())
        )));
    }
    match root {
        Value::Object(map) => match map.get("@graph") {
            Some(Value::Array(items)) => Ok(items),
            _ => {
                let hint = if root.get("bomFormat").is_some() {
                    " It looks like a CycloneDX BOM: import it as CycloneDX."
                } else {
                    ""
                };
                Err(ImportError::Unsupported(format!(
                    "this JSON file is not an SPDX 3.0 document: it has no \"@graph\" list of \
                     elements.{hint}"
                )))
            }
        },
        Value::Array(items) => Ok(items),
        _ => Err(ImportError::Unsupported(
            "this JSON file is not an SPDX 3.0 document: its top level is neither an object nor \
             a list"
                .to_owned(),
        )),
    }
}

fn build_graph(items: &[Value]) -> Graph<'_> {
    let mut elements = Vec::new();
    for item in items {
        let Some(map) = item.as_object() else { continue };
        let kind =
            map.get("type").or_else(|| map.get("@type")).and_then(Value::as_str).map_or("", local);
        let id = map.get("spdxId").or_else(|| map.get("@id")).and_then(Value::as_str).unwrap_or("");
        let props =
            map.iter().filter(|(k, _)| !k.starts_with('@')).map(|(k, v)| (local(k), v)).collect();
        elements.push(Element { id, kind, props });
    }
    let mut by_id = HashMap::new();
    let mut names = HashMap::new();
    for (i, el) in elements.iter().enumerate() {
        if el.id.is_empty() {
            continue;
        }
        by_id.entry(el.id).or_insert(i);
        if let Some(name) = display_name(el) {
            names.entry(el.id).or_insert(name);
        }
    }
    let mut relationships = Vec::new();
    let mut licences: HashMap<&str, Vec<String>> = HashMap::new();
    let mut seen = HashSet::new();
    for el in elements.iter().filter(|e| e.kind.ends_with("Relationship")) {
        let (Some(from), Some(kind)) = (el.text("from"), el.text("relationshipType").map(local))
        else {
            continue;
        };
        let to = el.ids("to");
        if kind == "hasDeclaredLicense" || kind == "hasConcludedLicense" {
            let list = licences.entry(from).or_default();
            for t in &to {
                let name = names
                    .get(t)
                    .cloned()
                    .unwrap_or_else(|| licence_from_iri(t).unwrap_or(t).to_owned());
                if list.len() < MAX_LICENCES && !list.contains(&name) {
                    list.push(name);
                }
            }
        } else if seen.insert((from, kind, to.clone())) {
            // Published documents repeat relationships under new ids; one is enough.
            relationships.push(Relationship { from, kind, to });
        }
    }
    let mut outgoing: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut incoming: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in relationships.iter().enumerate() {
        outgoing.entry(r.from).or_default().push(i);
        for t in &r.to {
            incoming.entry(t).or_default().push(i);
        }
    }
    Graph { elements, by_id, names, relationships, licences, outgoing, incoming }
}

/// What a reader should call an element: its name, a licence's expression, a package's
/// name with its version.
fn display_name(el: &Element<'_>) -> Option<String> {
    if let Some(expression) = el.text("licenseExpression") {
        return Some(expression.to_owned());
    }
    if el.kind.ends_with("License") && el.text("name").is_none() {
        let id = el.text("licenseId");
        let text = el.text("licenseText").map(|t| {
            let short: String = t.chars().take(80).collect();
            if short.len() < t.len() {
                format!("custom licence: {short}…")
            } else {
                format!("custom licence: {short}")
            }
        });
        return id.map(str::to_owned).or(text);
    }
    let name = el.text("name")?;
    Some(match el.text("packageVersion") {
        Some(v) if el.kind.ends_with("Package") => format!("{name} {v}"),
        _ => name.to_owned(),
    })
}

fn package_name(el: &Element<'_>) -> String {
    display_name(el).unwrap_or_else(|| el.id.to_owned())
}

/// The SPDX version ("3.0.1"), or why the file is not an SPDX 3 document.
fn check_version(root: &Value, graph: &Graph<'_>) -> Result<String, ImportError> {
    let declared = graph
        .elements
        .iter()
        .filter(|e| e.kind == "CreationInfo")
        .find_map(|e| e.text("specVersion"))
        .map(str::to_owned);
    let context = root.get("@context").map(Value::to_string).unwrap_or_default();
    let from_context = context.find("spdx.org/rdf/").map(|i| {
        context[i + "spdx.org/rdf/".len()..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect::<String>()
    });
    let known_kinds = ["SpdxDocument", "CreationInfo", "AIPackage", "DatasetPackage", "Package"];
    let spdx_like = graph.elements.iter().any(|e| known_kinds.contains(&e.kind));
    let version = declared.or(from_context.filter(|v| !v.is_empty()));
    match version {
        Some(v) if v.starts_with("3.") || v == "3" => Ok(v),
        Some(v) => Err(ImportError::Unsupported(format!(
            "this is an SPDX {v} document; Candor reads SPDX 3.0"
        ))),
        None if spdx_like => Ok("3.0".to_owned()),
        None => Err(ImportError::Unsupported(
            "this JSON-LD file is not an SPDX 3.0 document: it has no SPDX context and no SPDX \
             elements"
                .to_owned(),
        )),
    }
}

/// The element the document is about: its only AI package, else its root package, else
/// its first AI or dataset package.
fn main_element<'g, 'a>(
    graph: &'g Graph<'a>,
    ai: &[&'g Element<'a>],
    datasets: &[&'g Element<'a>],
    document: Option<&'g Element<'a>>,
) -> Option<&'g Element<'a>> {
    if ai.len() == 1 {
        return ai.first().copied();
    }
    let mut current = document;
    for _ in 0..8 {
        let Some(el) = current else { break };
        if el.kind.ends_with("Package") {
            return Some(el);
        }
        current = el.ids("rootElement").first().and_then(|id| graph.element(id));
    }
    ai.first().or(datasets.first()).copied()
}

fn write_metadata(
    out: &mut Outline,
    graph: &Graph<'_>,
    main: Option<&Element<'_>>,
    ai: &[&Element<'_>],
    document: Option<&Element<'_>>,
    spec: &str,
) {
    let created =
        graph.elements.iter().filter(|e| e.kind == "CreationInfo").find_map(|e| e.text("created"));
    let md = out.metadata();
    md.extra.push(("bom".to_owned(), spec.to_owned()));
    md.title =
        main.map(package_name).or_else(|| document.and_then(|d| d.text("name")).map(str::to_owned));
    if let Some(main) = main {
        let supplier = main.text("suppliedBy").map(|id| graph.name(id));
        let originators = main.ids("originatedBy");
        md.provider =
            supplier.or_else(|| (!originators.is_empty()).then(|| graph.names_of(&originators)));
        md.version = main.text("packageVersion").map(str::to_owned);
        md.date = main.text("releaseTime").or_else(|| main.text("builtTime")).map(str::to_owned);
        md.licence = graph.licences.get(main.id).map(|l| l.join("; "));
    }
    md.date = md.date.take().or_else(|| created.map(str::to_owned));
    md.model = if main.is_some_and(|m| m.kind == "AIPackage") {
        main.and_then(|m| m.text("name")).map(str::to_owned)
    } else {
        let names: Vec<&str> = ai.iter().filter_map(|e| e.text("name")).collect();
        (!names.is_empty()).then(|| names.join(", "))
    };
}

fn write_document(
    out: &mut Outline,
    graph: &Graph<'_>,
    document: Option<&Element<'_>>,
    version: &str,
) {
    out.section(1, "Document");
    out.field("SPDX version", version);
    let info = document
        .and_then(|d| d.text("creationInfo"))
        .and_then(|id| graph.element(id))
        .or_else(|| graph.elements.iter().find(|e| e.kind == "CreationInfo"));
    if let Some(doc) = document {
        if let Some(name) = doc.text("name") {
            out.field("Document name", name);
        }
        if let Some(profiles) = doc.get("profileConformance").and_then(flatten) {
            out.field("Profiles", &profiles.replace("; ", ", "));
        }
        for key in ["comment", "dataLicense"] {
            if let Some(v) = doc.text(key) {
                out.field(&field_label(key), &graph.name(v));
            }
        }
    }
    if let Some(info) = info {
        if let Some(created) = info.text("created") {
            out.field("Created", created);
        }
        let by = info.ids("createdBy");
        if !by.is_empty() {
            out.field("Created by", &graph.names_of(&by));
        }
    }
}

fn write_package(
    out: &mut Outline,
    graph: &Graph<'_>,
    el: &Element<'_>,
    groups: &[(&str, &[&str])],
) {
    out.section(2, "General");
    for key in GENERAL {
        write_property(out, graph, key, el.get(key));
        if *key == "additionalPurpose"
            && let Some(l) = graph.licences.get(el.id)
        {
            out.field("Licence", &l.join("; "));
        }
    }
    for (title, keys) in groups {
        if keys.iter().any(|k| el.get(k).is_some()) {
            out.section(2, title);
            for key in *keys {
                write_property(out, graph, key, el.get(key));
            }
        }
    }
    let listed = |k: &str| GENERAL.contains(&k) || groups.iter().any(|(_, keys)| keys.contains(&k));
    let other: Vec<&(&str, &Value)> =
        el.props.iter().filter(|(k, _)| !listed(k) && !SKIPPED.contains(k)).collect();
    if !other.is_empty() {
        out.section(2, "Other details");
        for (key, value) in other {
            write_property(out, graph, key, Some(value));
        }
    }
    let related = |index: &HashMap<&str, Vec<usize>>| -> Vec<&Relationship<'_>> {
        let mut list: Vec<usize> = index.get(el.id).cloned().unwrap_or_default();
        list.dedup();
        list.into_iter().map(|i| &graph.relationships[i]).collect()
    };
    let outgoing = related(&graph.outgoing);
    let incoming = related(&graph.incoming);
    if !outgoing.is_empty() || !incoming.is_empty() {
        out.section(2, "Relationships");
        for r in outgoing {
            out.field(&label(&words(r.kind)), &graph.names_of(&r.to));
        }
        for r in incoming {
            out.field(&incoming_label(r.kind), &graph.name(r.from));
        }
    }
}

/// How a relationship reads from its target's side ("Used to train: word-model").
fn incoming_label(kind: &str) -> String {
    match kind {
        "trainedOn" => "Used to train".to_owned(),
        "testedOn" => "Used to test".to_owned(),
        "dependsOn" => "Needed by".to_owned(),
        "contains" => "Part of".to_owned(),
        other => format!("{} (from)", label(&words(other))),
    }
}

/// One property as Field passages; lists of long texts give one passage per item.
fn write_property(out: &mut Outline, graph: &Graph<'_>, key: &str, value: Option<&Value>) {
    let Some(value) = value else { return };
    let title = field_label(key);
    match key {
        "suppliedBy" | "originatedBy" => {
            let ids: Vec<&str> = match value {
                Value::String(s) => vec![s.as_str()],
                Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            out.field(&title, &graph.names_of(&ids));
        }
        "energyConsumption" => write_energy(out, value),
        "verifiedUsing" => {
            let hashes = match value {
                Value::Array(items) => items.iter().collect(),
                other => vec![other],
            };
            for hash in hashes {
                let get = |k: &str| {
                    hash.as_object()?.iter().find(|(key, _)| local(key) == k).map(|(_, v)| v)
                };
                match (get("algorithm").and_then(scalar), get("hashValue").and_then(scalar)) {
                    (Some(alg), Some(value)) => out.field(&format!("Hash ({alg})"), &value),
                    _ => out.field("Verified using", &flatten(hash).unwrap_or_default()),
                }
            }
        }
        "datasetSize" => {
            if let Some(size) = scalar(value) {
                out.field(&title, &format!("{size} bytes"));
            }
        }
        _ => match value {
            Value::Array(items) => {
                let short = items.len() <= 20
                    && items.iter().all(|i| i.as_str().is_some_and(|s| s.chars().count() <= 80));
                if short {
                    let texts: Vec<String> =
                        items.iter().filter_map(|i| text_of(graph, i)).collect();
                    out.field(&title, &texts.join(", "));
                } else {
                    for item in items {
                        if let Some(text) = text_of(graph, item) {
                            out.field(&title, &text);
                        }
                    }
                }
            }
            other => {
                if let Some(text) = text_of(graph, other) {
                    out.field(&title, &text);
                }
            }
        },
    }
}

/// A value as text: element ids become names, dictionary entries "key = value", hashes
/// "sha256 abc…", vocabulary words plain ("noAssertion" -> "not stated").
fn text_of(graph: &Graph<'_>, value: &Value) -> Option<String> {
    match value {
        Value::String(s) => {
            let s = s.trim();
            if graph.names.contains_key(s) {
                return Some(graph.name(s));
            }
            match s {
                "" => None,
                "noAssertion" => Some("not stated".to_owned()),
                _ => Some(s.to_owned()),
            }
        }
        Value::Object(_) => {
            let get = |k: &str| {
                value
                    .as_object()
                    .and_then(|m| m.iter().find(|(key, _)| local(key) == k))
                    .map(|(_, v)| v)
            };
            if let Some(key) = get("key").and_then(scalar) {
                return Some(match get("value").and_then(scalar) {
                    Some(v) => format!("{key} = {v}"),
                    None => key,
                });
            }
            if let (Some(alg), Some(hash)) =
                (get("algorithm").and_then(scalar), get("hashValue").and_then(scalar))
            {
                return Some(format!("{alg} {hash}"));
            }
            if let Some(id) = get("identifier").and_then(scalar) {
                return Some(match get("externalIdentifierType").and_then(scalar) {
                    Some(t) => format!("{id} ({})", words(&t)),
                    None => id,
                });
            }
            if let Some(locators) = get("locator").and_then(flatten) {
                return Some(match get("externalRefType").and_then(scalar) {
                    Some(t) => format!("{locators} ({})", words(&t)),
                    None => locators,
                });
            }
            flatten(value)
        }
        other => flatten(other),
    }
}

/// `energyConsumption` per phase, e.g. "Energy consumption (training): 1.2 kWh".
fn write_energy(out: &mut Outline, value: &Value) {
    let Some(map) = value.as_object() else {
        if let Some(text) = flatten(value) {
            out.field("Energy consumption", &text);
        }
        return;
    };
    for (key, member) in map {
        let phase = match local(key) {
            "trainingEnergyConsumption" => "training",
            "finetuningEnergyConsumption" => "fine-tuning",
            "inferenceEnergyConsumption" => "inference",
            _ => continue,
        };
        let items = match member {
            Value::Array(items) => items.iter().collect::<Vec<_>>(),
            other => vec![other],
        };
        for item in items {
            let Some(obj) = item.as_object() else { continue };
            let get = |k: &str| obj.iter().find(|(key, _)| local(key) == k).map(|(_, v)| v);
            let Some(quantity) = get("energyQuantity").and_then(scalar) else { continue };
            let unit = match get("energyUnit").and_then(Value::as_str).map(local) {
                Some("kilowattHour") => "kWh".to_owned(),
                Some("megajoule") => "MJ".to_owned(),
                Some(other) => words(other),
                None => String::new(),
            };
            out.field(
                &format!("Energy consumption ({phase})"),
                format!("{quantity} {unit}").trim(),
            );
        }
    }
}

fn write_package_table(out: &mut Outline, graph: &Graph<'_>, packages: &[&Element<'_>]) {
    if packages.is_empty() {
        return;
    }
    out.section(1, "Software packages");
    let rows = packages
        .iter()
        .map(|p| {
            vec![
                p.text("name").unwrap_or("").to_owned(),
                p.text("packageVersion").unwrap_or("").to_owned(),
                p.text("primaryPurpose").map(words).unwrap_or_default(),
                graph.licences.get(p.id).map(|l| l.join("; ")).unwrap_or_default(),
                p.text("suppliedBy")
                    .map(|s| graph.name(s))
                    .or_else(|| {
                        let o = p.ids("originatedBy");
                        (!o.is_empty()).then(|| graph.names_of(&o))
                    })
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let header = ["Name", "Version", "Purpose", "Licence", "Supplier"].map(str::to_owned).to_vec();
    out.table("Software packages", header, rows);
}

fn write_relationships(out: &mut Outline, graph: &Graph<'_>) {
    if graph.relationships.is_empty() {
        return;
    }
    out.section(1, "Relationships");
    for r in &graph.relationships {
        out.field(&format!("{} {}", graph.name(r.from), verb(r.kind)), &graph.names_of(&r.to));
    }
}

fn verb(kind: &str) -> String {
    match kind {
        "trainedOn" => "was trained on".to_owned(),
        "testedOn" => "was tested on".to_owned(),
        other => words(other),
    }
}

fn components(graph: &Graph<'_>, out: &mut Outline) -> Vec<BomComponent> {
    let mut list = Vec::new();
    for el in &graph.elements {
        let kind = match el.kind {
            "AIPackage" => ComponentKind::Model,
            "DatasetPackage" => ComponentKind::Dataset,
            "Package" => match el.text("primaryPurpose").map(local) {
                Some("library" | "framework" | "module") => ComponentKind::Library,
                Some("application" | "executable" | "install") => ComponentKind::Application,
                Some("model") => ComponentKind::Model,
                Some("data") => ComponentKind::Dataset,
                _ => ComponentKind::Other,
            },
            _ => continue,
        };
        if list.len() >= MAX_COMPONENTS {
            out.warn(
                "bom/too-many-components",
                format!("the document lists more than {MAX_COMPONENTS} packages; Candor kept the first {MAX_COMPONENTS}"),
            );
            break;
        }
        let originators = el.ids("originatedBy");
        list.push(BomComponent {
            reference: el.id.to_owned(),
            kind,
            name: el.text("name").unwrap_or("(unnamed package)").to_owned(),
            version: el.text("packageVersion").map(str::to_owned),
            supplier: el
                .text("suppliedBy")
                .map(|s| graph.name(s))
                .or_else(|| (!originators.is_empty()).then(|| graph.names_of(&originators))),
            licences: graph.licences.get(el.id).cloned().unwrap_or_default(),
            description: el
                .text("description")
                .or_else(|| el.text("summary"))
                .or_else(|| el.text("comment"))
                .map(str::to_owned),
        });
    }
    list
}

/// Relationships between components, by reference, with kebab-case names ("trained-on").
fn bom_relationships(
    graph: &Graph<'_>,
    components: &[BomComponent],
) -> Vec<(String, String, String)> {
    let known: HashSet<&str> = components.iter().map(|c| c.reference.as_str()).collect();
    let mut out = Vec::new();
    for r in &graph.relationships {
        if !known.contains(r.from) {
            continue;
        }
        let name = words(r.kind).replace(' ', "-");
        for to in r.to.iter().filter(|t| known.contains(*t)) {
            if out.len() >= MAX_RELATIONSHIPS {
                return out;
            }
            out.push((r.from.to_owned(), name.clone(), (*to).to_owned()));
        }
    }
    out
}
