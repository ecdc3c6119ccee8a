//! CycloneDX 1.5–1.7 (JSON): components, dependencies and the model cards of ML components.

use std::collections::{HashMap, HashSet};

use candor_model::{Bom, BomComponent, ComponentKind, PassageKind, SourceContent, Warned};
use serde_json::Value;

use super::json::{flatten, label, scalar, str_of, words};
use super::out::{MAX_COMPONENTS, MAX_RELATIONSHIPS, Outline};
use crate::source::ImportError;

const SUPPORTED: [&str; 3] = ["1.5", "1.6", "1.7"];

pub(super) fn import(root: &Value) -> Result<Warned<SourceContent>, ImportError> {
    let spec = check_format(root)?;
    let mut out = Outline::new();
    let (components, truncated) = collect_components(root);
    if truncated {
        out.warn(
            "bom/too-many-components",
            format!("the BOM lists more than {MAX_COMPONENTS} components; Candor kept the first {MAX_COMPONENTS}"),
        );
    }
    let names: HashMap<&str, String> =
        components.iter().map(|c| (c.reference.as_str(), display_name(&c.model))).collect();
    let main = components.first();

    write_metadata(&mut out, root, main, &spec);
    write_overview(&mut out, root, main);
    let mut relationships = Vec::new();
    let mut dataset_components = Vec::new();
    for component in &components {
        if let Some(card) = component.value.get("modelCard").filter(|c| c.is_object()) {
            let is_main = main.is_some_and(|m| std::ptr::eq(m, component));
            out.section(1, &format!("Model card: {}", display_name(&component.model)));
            if !is_main {
                write_component_fields(&mut out, component.value);
            }
            write_model_card(&mut out, card, &names);
            for dataset in card
                .pointer("/modelParameters/datasets")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(reference) = str_of(dataset, "ref") {
                    relationships.push((
                        component.reference.clone(),
                        "uses-dataset".to_owned(),
                        reference.to_owned(),
                    ));
                } else if let Some(name) = str_of(dataset, "name") {
                    let reference = str_of(dataset, "bom-ref")
                        .map_or_else(|| format!("dataset:{name}"), str::to_owned);
                    relationships.push((
                        component.reference.clone(),
                        "uses-dataset".to_owned(),
                        reference.clone(),
                    ));
                    dataset_components.push(BomComponent {
                        reference,
                        kind: ComponentKind::Dataset,
                        name: name.to_owned(),
                        version: str_of(dataset, "version").map(str::to_owned),
                        supplier: dataset
                            .pointer("/governance/owners/0/organization/name")
                            .and_then(scalar),
                        licences: licences(dataset),
                        description: str_of(dataset, "description").map(str::to_owned),
                    });
                }
            }
        }
    }
    write_component_table(&mut out, &components, main);
    relationships.extend(write_dependencies(&mut out, root, &names));

    let mut bom_components: Vec<BomComponent> = components.into_iter().map(|c| c.model).collect();
    let known: HashSet<String> = bom_components.iter().map(|c| c.reference.clone()).collect();
    for dataset in dataset_components {
        if !known.contains(&dataset.reference) && bom_components.len() < MAX_COMPONENTS {
            bom_components.push(dataset);
        }
    }
    Ok(out.finish(Bom { spec, components: bom_components, relationships }))
}

/// "CycloneDX 1.6", or why the file is not a BOM Candor reads.
fn check_format(root: &Value) -> Result<String, ImportError> {
    let unsupported = |why: &str| {
        let hint = if root.get("spdxVersion").is_some() || root.get("@graph").is_some() {
            " It looks like an SPDX document: import it as SPDX."
        } else {
            ""
        };
        ImportError::Unsupported(format!("this JSON file is not a CycloneDX BOM: {why}.{hint}"))
    };
    if !root.is_object() {
        return Err(unsupported("its top level is not a JSON object"));
    }
    match root.get("bomFormat") {
        Some(Value::String(format)) if format == "CycloneDX" => {}
        Some(other) => {
            return Err(unsupported(&format!(
                "its \"bomFormat\" is {} instead of \"CycloneDX\"",
                short(other)
            )));
        }
        None => return Err(unsupported("it has no \"bomFormat\": \"CycloneDX\" field")),
    }
    match root.get("specVersion").and_then(Value::as_str) {
        Some(v) if SUPPORTED.contains(&v) => Ok(format!("CycloneDX {v}")),
        Some(v) => Err(ImportError::Unsupported(format!(
            "this is a CycloneDX {} BOM; Candor reads CycloneDX 1.5, 1.6 and 1.7, the versions \
             with machine-learning model cards",
            short_str(v)
        ))),
        None => Err(ImportError::Unsupported(
            "this CycloneDX BOM has no \"specVersion\"; Candor reads CycloneDX 1.5, 1.6 and 1.7"
                .to_owned(),
        )),
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    short_str(&text)
}

fn short_str(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

struct Component<'a> {
    value: &'a Value,
    reference: String,
    model: BomComponent,
}

/// The BOM's subject (`metadata.component`) first, then every component, nested ones
/// included, in document order. The walk uses its own stack: nesting cannot overflow ours.
fn collect_components(root: &Value) -> (Vec<Component<'_>>, bool) {
    let mut stack: Vec<&Value> = Vec::new();
    if let Some(list) = root.get("components").and_then(Value::as_array) {
        stack.extend(list.iter().rev());
    }
    if let Some(subject) = root.pointer("/metadata/component").filter(|c| c.is_object()) {
        stack.push(subject);
    }
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    while let Some(value) = stack.pop() {
        if !value.is_object() {
            continue;
        }
        if out.len() >= MAX_COMPONENTS {
            return (out, true);
        }
        if let Some(children) = value.get("components").and_then(Value::as_array) {
            stack.extend(children.iter().rev());
        }
        let n = out.len() + 1;
        let name = str_of(value, "name").unwrap_or("(unnamed component)").to_owned();
        let version = str_of(value, "version").map(str::to_owned);
        let mut reference = str_of(value, "bom-ref")
            .or_else(|| str_of(value, "purl"))
            .map_or_else(|| format!("component-{n}"), str::to_owned);
        if !seen.insert(reference.clone()) {
            reference = format!("{reference}#{n}");
            seen.insert(reference.clone());
        }
        let kind = match str_of(value, "type") {
            Some("machine-learning-model") => ComponentKind::Model,
            Some("data") => ComponentKind::Dataset,
            Some("library" | "framework") => ComponentKind::Library,
            Some("application") => ComponentKind::Application,
            _ => ComponentKind::Other,
        };
        let model = BomComponent {
            reference: reference.clone(),
            kind,
            name,
            version,
            supplier: supplier(value),
            licences: licences(value),
            description: str_of(value, "description").map(str::to_owned),
        };
        out.push(Component { value, reference, model });
    }
    (out, false)
}

/// "name 1.4", leaving out versions that are commit or content hashes.
fn display_name(c: &BomComponent) -> String {
    match &c.version {
        Some(v) if !looks_like_hash(v) => format!("{} {v}", c.name),
        _ => c.name.clone(),
    }
}

fn looks_like_hash(text: &str) -> bool {
    text.len() >= 32 && text.chars().all(|c| c.is_ascii_hexdigit())
}

/// The name of an organizational entity or contact member (`{"name": …}`).
fn party(value: &Value, key: &str) -> Option<String> {
    let member = value.get(key)?;
    match member {
        Value::String(_) => scalar(member),
        Value::Array(items) => {
            let names: Vec<String> =
                items.iter().filter_map(|i| str_of(i, "name").map(str::to_owned)).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        Value::Object(_) => str_of(member, "name").map(str::to_owned),
        _ => None,
    }
}

/// Who supplies a component: supplier, else manufacturer, publisher or authors.
fn supplier(value: &Value) -> Option<String> {
    party(value, "supplier")
        .or_else(|| party(value, "manufacturer"))
        .or_else(|| str_of(value, "publisher").map(str::to_owned))
        .or_else(|| party(value, "authors"))
        .or_else(|| str_of(value, "author").map(str::to_owned))
}

/// Who made a component, for the source's provider: the manufacturer first.
fn maker(value: &Value) -> Option<String> {
    party(value, "manufacturer")
        .or_else(|| party(value, "supplier"))
        .or_else(|| str_of(value, "publisher").map(str::to_owned))
        .or_else(|| party(value, "authors"))
        .or_else(|| str_of(value, "author").map(str::to_owned))
}

/// SPDX ids, licence names and expressions of a `licenses` list.
fn licences(value: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for choice in value.get("licenses").and_then(Value::as_array).into_iter().flatten() {
        let text = str_of(choice, "expression").or_else(|| {
            let licence = choice.get("license")?;
            str_of(licence, "id").or_else(|| str_of(licence, "name"))
        });
        if let Some(text) = text
            && !out.iter().any(|l| l == text)
        {
            out.push(text.to_owned());
        }
    }
    out
}

fn write_metadata(out: &mut Outline, root: &Value, main: Option<&Component<'_>>, spec: &str) {
    let meta = root.get("metadata");
    let timestamp = meta.and_then(|m| str_of(m, "timestamp")).map(str::to_owned);
    let bom_maker = meta.and_then(|m| party(m, "manufacturer").or_else(|| party(m, "manufacture")));
    let bom_supplier = meta.and_then(|m| party(m, "supplier"));
    let serial = str_of(root, "serialNumber").map(str::to_owned);
    let md = out.metadata();
    md.date = timestamp;
    md.extra.push(("bom".to_owned(), spec.to_owned()));
    if let Some(serial) = serial {
        md.extra.push(("bom-serial-number".to_owned(), serial));
    }
    if let Some(maker) = bom_maker {
        // The organisation that made the BOM document, not the model.
        md.extra.push(("bom-created-by".to_owned(), maker));
    }
    let Some(main) = main else {
        md.provider = bom_supplier;
        return;
    };
    md.title = Some(display_name(&main.model));
    md.provider = maker(main.value).or(bom_supplier);
    if !main.model.licences.is_empty() {
        md.licence = Some(main.model.licences.join("; "));
    }
    if main.model.kind == ComponentKind::Model {
        md.model = Some(main.model.name.clone());
        md.version = main.model.version.clone();
    }
}

fn write_overview(out: &mut Outline, root: &Value, main: Option<&Component<'_>>) {
    out.section(1, "Overview");
    if let Some(main) = main {
        write_component_fields(out, main.value);
    }
    let Some(meta) = root.get("metadata") else { return };
    if let Some(t) = str_of(meta, "timestamp") {
        out.field("BOM created", t);
    }
    if let Some(maker) = party(meta, "manufacturer").or_else(|| party(meta, "manufacture")) {
        out.field("BOM created by", &maker);
    }
    if let Some(authors) = party(meta, "authors") {
        out.field("BOM authors", &authors);
    }
    if let Some(supplier) = party(meta, "supplier") {
        out.field("Supplier of the described product", &supplier);
    }
    let bom_licences = licences(meta);
    if !bom_licences.is_empty() {
        out.field("Licence of this BOM", &bom_licences.join("; "));
    }
}

/// A component's own fields: name, version, who made it, licences, hashes, links.
fn write_component_fields(out: &mut Outline, c: &Value) {
    if let Some(name) = str_of(c, "name") {
        out.field("Name", name);
    }
    for (key, title) in [("version", "Version"), ("group", "Group")] {
        if let Some(v) = str_of(c, key) {
            out.field(title, v);
        }
    }
    if let Some(kind) = str_of(c, "type") {
        out.field("Type", &words(kind));
    }
    for (key, title) in
        [("supplier", "Supplier"), ("manufacturer", "Manufacturer"), ("authors", "Authors")]
    {
        if let Some(who) = party(c, key) {
            out.field(title, &who);
        }
    }
    for (key, title) in
        [("publisher", "Publisher"), ("author", "Author"), ("copyright", "Copyright")]
    {
        if let Some(v) = str_of(c, key) {
            out.field(title, v);
        }
    }
    let licences = licences(c);
    if !licences.is_empty() {
        out.field("Licence", &licences.join("; "));
    }
    if let Some(d) = str_of(c, "description") {
        out.field("Description", d);
    }
    for (key, title) in [("purl", "Package URL"), ("cpe", "CPE")] {
        if let Some(v) = str_of(c, key) {
            out.field(title, v);
        }
    }
    for hash in c.get("hashes").and_then(Value::as_array).into_iter().flatten() {
        if let (Some(alg), Some(content)) = (str_of(hash, "alg"), str_of(hash, "content")) {
            out.field(&format!("Hash ({alg})"), content);
        }
    }
    for reference in c.get("externalReferences").and_then(Value::as_array).into_iter().flatten() {
        if let Some(url) = str_of(reference, "url") {
            let kind = str_of(reference, "type").map_or_else(|| "Link".to_owned(), label);
            out.field(&kind, url);
        }
    }
    if let Some(tags) = c.get("tags").and_then(flatten) {
        out.field("Tags", &tags.replace("; ", ", "));
    }
    write_properties(out, c.get("properties"));
}

fn write_properties(out: &mut Outline, properties: Option<&Value>) {
    for p in properties.and_then(Value::as_array).into_iter().flatten() {
        if let Some(name) = str_of(p, "name") {
            out.field(name, &p.get("value").and_then(scalar).unwrap_or_default());
        }
    }
}

fn write_model_card(out: &mut Outline, card: &Value, names: &HashMap<&str, String>) {
    if let Some(params) = card.get("modelParameters").filter(|p| p.is_object()) {
        out.section(2, "Model parameters");
        write_model_parameters(out, params, names);
    }
    if let Some(qa) = card.get("quantitativeAnalysis").filter(|q| q.is_object()) {
        out.section(2, "Quantitative analysis");
        write_quantitative_analysis(out, qa);
    }
    if let Some(considerations) = card.get("considerations").filter(|c| c.is_object()) {
        out.section(2, "Considerations");
        write_considerations(out, considerations);
    }
    if card.get("properties").and_then(Value::as_array).is_some_and(|p| !p.is_empty()) {
        out.section(2, "Properties");
        write_properties(out, card.get("properties"));
    }
}

fn write_model_parameters(out: &mut Outline, params: &Value, names: &HashMap<&str, String>) {
    if let Some(approach) = params.pointer("/approach/type").and_then(scalar) {
        out.field("Approach", &words(&approach));
    }
    for (key, title) in [
        ("task", "Task"),
        ("architectureFamily", "Architecture family"),
        ("modelArchitecture", "Model architecture"),
    ] {
        if let Some(v) = params.get(key).and_then(flatten) {
            out.field(title, &v);
        }
    }
    for dataset in params.get("datasets").and_then(Value::as_array).into_iter().flatten() {
        if let Some(reference) = str_of(dataset, "ref") {
            let name = names.get(reference).cloned().unwrap_or_else(|| reference.to_owned());
            out.field("Dataset", &name);
            continue;
        }
        let mut text = str_of(dataset, "name").unwrap_or("(unnamed dataset)").to_owned();
        let mut details = Vec::new();
        if let Some(kind) = str_of(dataset, "type").filter(|t| *t != "dataset") {
            details.push(words(kind));
        }
        if let Some(class) = str_of(dataset, "classification") {
            details.push(format!("classification: {class}"));
        }
        if !details.is_empty() {
            text.push_str(&format!(" ({})", details.join("; ")));
        }
        if let Some(d) = str_of(dataset, "description") {
            text.push_str(&format!(". {d}"));
        }
        if let Some(url) = dataset.pointer("/contents/url").and_then(scalar) {
            text.push_str(&format!(" <{url}>"));
        }
        if let Some(sensitive) = dataset.get("sensitiveData").and_then(flatten) {
            text.push_str(&format!(". Sensitive data: {sensitive}"));
        }
        out.field("Dataset", &text);
    }
    for (key, title) in [("inputs", "Inputs"), ("outputs", "Outputs")] {
        let formats: Vec<String> = params
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|io| str_of(io, "format").map(str::to_owned))
            .collect();
        if !formats.is_empty() {
            out.field(title, &formats.join(", "));
        }
    }
}

fn write_quantitative_analysis(out: &mut Outline, qa: &Value) {
    let mut rows = Vec::new();
    for m in qa.get("performanceMetrics").and_then(Value::as_array).into_iter().flatten() {
        let text = |key: &str| m.get(key).and_then(flatten).unwrap_or_default();
        let interval = match (
            m.pointer("/confidenceInterval/lowerBound").and_then(scalar),
            m.pointer("/confidenceInterval/upperBound").and_then(scalar),
        ) {
            (Some(low), Some(high)) => format!("{low} to {high}"),
            (Some(low), None) => format!("from {low}"),
            (None, Some(high)) => format!("up to {high}"),
            (None, None) => String::new(),
        };
        rows.push(vec![text("type"), text("value"), text("slice"), interval]);
    }
    let header = ["Metric", "Value", "Slice", "Confidence interval"].map(str::to_owned).to_vec();
    out.table("Performance metrics", header, rows);
    if let Some(graphics) = qa.get("graphics") {
        if let Some(d) = str_of(graphics, "description") {
            out.field("Graphics", d);
        }
        // Only names: the images themselves (base64) are no text to cite.
        for g in graphics.get("collection").and_then(Value::as_array).into_iter().flatten() {
            if let Some(name) = str_of(g, "name") {
                out.passage(PassageKind::Caption, &format!("Graphic: {name}"));
            }
        }
    }
}

fn write_considerations(out: &mut Outline, c: &Value) {
    for (key, title) in [
        ("users", "Intended users"),
        ("useCases", "Use case"),
        ("technicalLimitations", "Technical limitation"),
        ("performanceTradeoffs", "Performance trade-off"),
    ] {
        for item in c.get(key).and_then(Value::as_array).into_iter().flatten() {
            if let Some(text) = flatten(item) {
                out.field(title, &text);
            }
        }
    }
    for e in c.get("ethicalConsiderations").and_then(Value::as_array).into_iter().flatten() {
        let mut text = str_of(e, "name").unwrap_or("(unnamed)").to_owned();
        if let Some(m) = str_of(e, "mitigationStrategy") {
            text.push_str(&format!(". Mitigation: {m}"));
        }
        out.field("Ethical consideration", &text);
    }
    for f in c.get("fairnessAssessments").and_then(Value::as_array).into_iter().flatten() {
        let parts: Vec<String> = [
            ("groupAtRisk", "group at risk"),
            ("benefits", "benefits"),
            ("harms", "harms"),
            ("mitigationStrategy", "mitigation"),
        ]
        .iter()
        .filter_map(|(key, title)| str_of(f, key).map(|v| format!("{title}: {v}")))
        .collect();
        if !parts.is_empty() {
            out.field("Fairness assessment", &parts.join("; "));
        }
    }
    if let Some(env) = c.get("environmentalConsiderations") {
        write_environment(out, env);
    }
}

/// Energy and CO2 per activity ("Energy consumption (training): 1,000 kWh").
fn write_environment(out: &mut Outline, env: &Value) {
    let amount = |v: Option<&Value>| -> Option<String> {
        let v = v?;
        let value = v.get("value").and_then(scalar)?;
        Some(match str_of(v, "unit") {
            Some(unit) => format!("{value} {unit}"),
            None => value,
        })
    };
    for e in env.get("energyConsumptions").and_then(Value::as_array).into_iter().flatten() {
        let activity =
            str_of(e, "activity").map_or_else(String::new, |a| format!(" ({})", words(a)));
        if let Some(cost) = amount(e.get("activityEnergyCost")) {
            out.field(&format!("Energy consumption{activity}"), &cost);
        }
        if let Some(co2) = amount(e.get("co2CostEquivalent")) {
            out.field(&format!("CO2 equivalent{activity}"), &co2);
        }
        if let Some(offset) = amount(e.get("co2CostOffset")) {
            out.field(&format!("CO2 offset{activity}"), &offset);
        }
        for p in e.get("energyProviders").and_then(Value::as_array).into_iter().flatten() {
            let mut parts = Vec::new();
            if let Some(org) = party(p, "organization") {
                parts.push(org);
            }
            if let Some(d) = str_of(p, "description") {
                parts.push(d.to_owned());
            }
            if let Some(source) = str_of(p, "energySource") {
                parts.push(format!("source: {}", words(source)));
            }
            if let Some(provided) = amount(p.get("energyProvided")) {
                parts.push(format!("provided: {provided}"));
            }
            if !parts.is_empty() {
                out.field(&format!("Energy provider{activity}"), &parts.join("; "));
            }
        }
        write_properties(out, e.get("properties"));
    }
    write_properties(out, env.get("properties"));
}

fn write_component_table(
    out: &mut Outline,
    components: &[Component<'_>],
    main: Option<&Component<'_>>,
) {
    let rows: Vec<Vec<String>> = components
        .iter()
        .filter(|c| !main.is_some_and(|m| std::ptr::eq(m, *c)))
        .map(|c| {
            let m = &c.model;
            vec![
                m.name.clone(),
                str_of(c.value, "type").map(words).unwrap_or_default(),
                m.version.clone().unwrap_or_default(),
                m.supplier.clone().unwrap_or_default(),
                m.licences.join("; "),
            ]
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    out.section(1, "Components");
    let header = ["Name", "Type", "Version", "Supplier", "Licences"].map(str::to_owned).to_vec();
    out.table("Components", header, rows);
}

/// `dependencies` as relationships, with one readable field per component.
fn write_dependencies(
    out: &mut Outline,
    root: &Value,
    names: &HashMap<&str, String>,
) -> Vec<(String, String, String)> {
    let mut relationships = Vec::new();
    let entries = root.get("dependencies").and_then(Value::as_array);
    let name = |r: &str| names.get(r).cloned().unwrap_or_else(|| r.to_owned());
    let mut opened = false;
    for entry in entries.into_iter().flatten() {
        let Some(from) = str_of(entry, "ref") else { continue };
        for (key, relation, verb) in
            [("dependsOn", "depends-on", "depends on"), ("provides", "provides", "provides")]
        {
            let targets: Vec<&str> = entry
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            if targets.is_empty() {
                continue;
            }
            if !opened {
                out.section(1, "Dependencies");
                opened = true;
            }
            let readable: Vec<String> = targets.iter().map(|t| name(t)).collect();
            out.field(&format!("{} {verb}", name(from)), &readable.join(", "));
            for t in targets {
                if relationships.len() < MAX_RELATIONSHIPS {
                    relationships.push((from.to_owned(), relation.to_owned(), t.to_owned()));
                }
            }
        }
    }
    relationships
}
