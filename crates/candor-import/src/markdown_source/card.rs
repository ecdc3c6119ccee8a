//! The YAML front matter of a Markdown source, read as Hugging Face model-card metadata:
//! licence, languages, datasets, base model, CO2 emissions and `model-index` evaluation
//! results. Each value becomes metadata and a `Field` passage a companion document can
//! cite; `model-index` becomes a table. Nothing here fails the import.

use candor_model::{Diagnostic, PassageKind, Severity, SourceBuilder, Span};

use crate::yaml::{self, Context, Node, SourceMap, Value};

const CX: Context = Context { prefix: "source", what: "front matter" };

/// Longest value kept in `SourceMetadata::extra`, in characters.
const MAX_EXTRA: usize = 300;

/// Most `model-index` rows kept.
const MAX_EVALUATIONS: usize = 10_000;

/// Keys that describe the Hub's page, not the model (gating forms, widgets).
fn ignored(key: &str) -> bool {
    key.starts_with("extra_gated")
        || matches!(key, "widget" | "inference" | "thumbnail" | "duplicated_from" | "viewer")
}

/// Reads the front matter at the start of `text` into `builder` and returns the byte
/// offset where the Markdown body starts.
pub(super) fn read(text: &str, builder: &mut SourceBuilder, diags: &mut Vec<Diagnostic>) -> usize {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut lines = Lines { text, pos: bom };
    let Some((first_start, first_end, yaml_start)) = lines.next() else { return bom };
    if !is_delimiter(&text[first_start..first_end], false) || yaml_start == first_end {
        return bom;
    }
    let Some((close_start, _, body_start)) =
        lines.find(|&(s, e, _)| is_delimiter(&text[s..e], true))
    else {
        diags.push(
            Diagnostic::warning(
                "source/front-matter-unterminated",
                Span::new(first_start, first_end),
                "The file starts with `---` but the front matter never ends; Candor read the whole file as Markdown.",
            )
            .with_hint("If the file has front matter, end it with a line containing only `---`."),
        );
        return bom;
    };
    let fragment = &text[yaml_start..close_start];
    let anchor = Span::new(first_start, first_end);
    if is_template(fragment) {
        diags.push(
            Diagnostic::warning(
                "source/front-matter-template",
                anchor,
                "The front matter is a template placeholder such as `{{ card_data }}`, not YAML; Candor skipped it and read the rest of the card.",
            )
            .with_hint("Import the card after it has been filled in to get its licence, languages and other metadata."),
        );
        return body_start;
    }
    let mut found = Vec::new();
    let root = yaml::parse(fragment, &SourceMap::contiguous(yaml_start), CX, &mut found);
    // A broken front matter never stops the import: its problems are warnings.
    diags.extend(found.into_iter().map(|mut d| {
        d.severity = Severity::Warning;
        if !d.message.contains("Candor") {
            d.message.push_str(" Candor skipped the front matter and read the rest of the card.");
        }
        d
    }));
    match root.map(|r| r.value) {
        Some(Value::Map(entries)) => card(&entries, builder),
        Some(Value::Null) | None => {}
        Some(_) => diags.push(
            Diagnostic::warning(
                "source/front-matter-wrong-type",
                anchor,
                "The front matter is not a list of `key: value` lines; Candor skipped it.",
            )
            .with_hint("Model-card metadata starts with lines such as `license: apache-2.0`."),
        ),
    }
    body_start
}

/// Placeholders of a template engine outside YAML comments (`{{ card_data }}`, `{% … %}`).
fn is_template(fragment: &str) -> bool {
    fragment
        .lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with('#'))
        .any(|l| l.contains("{{") || l.contains("{%"))
}

/// `---` opens front matter; `---` or `...` closes it. Trailing spaces are forgiven.
fn is_delimiter(line: &str, closing: bool) -> bool {
    let line = line.trim_end_matches([' ', '\t', '\r']);
    line == "---" || (closing && line == "...")
}

/// Lines as (start, end without the line break, start of the next line).
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Lines<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.pos..).filter(|r| !r.is_empty())?;
        let start = self.pos;
        let line = match rest.find('\n') {
            Some(i) => (start, start + i, start + i + 1),
            None => (start, self.text.len(), self.text.len()),
        };
        self.pos = line.2;
        Some(line)
    }
}

/// Card metadata into the builder: metadata fields, one `Field` passage per value, and the
/// evaluation results table.
fn card(entries: &[(Node, Node)], builder: &mut SourceBuilder) {
    let mut evaluations = None;
    let mut licence_name = None;
    for (key, value) in entries {
        let key = key.key_text();
        let lower = key.to_lowercase();
        if ignored(&lower) {
            continue;
        }
        match lower.as_str() {
            "model-index" | "model_index" => {
                evaluations = Some(value);
                continue;
            }
            "co2_eq_emissions" => {
                if let Some(text) = co2(value) {
                    field(builder, "CO2 emissions", &key, &text);
                }
                continue;
            }
            _ => {}
        }
        let Some(text) = render(value) else { continue };
        let meta = builder.metadata();
        match lower.as_str() {
            "model_name" | "title" | "pretty_name" => {
                meta.title.get_or_insert_with(|| text.clone());
                if lower == "model_name" {
                    meta.model.get_or_insert_with(|| text.clone());
                }
            }
            "model_id" => {
                meta.model.get_or_insert_with(|| text.clone());
            }
            "model_creator" | "developers" | "developer" | "developed_by" | "provider"
            | "author" | "authors" | "organization" | "publisher" => {
                meta.provider.get_or_insert_with(|| text.clone());
            }
            "version" | "model_version" => {
                meta.version.get_or_insert_with(|| text.clone());
            }
            "date" | "release_date" | "model_date" => {
                meta.date.get_or_insert_with(|| text.clone());
            }
            "license" | "licence" => meta.licence = Some(text.clone()),
            "license_name" => licence_name = Some(text.clone()),
            _ => {}
        }
        field(builder, &label(&key), &key, &text);
    }
    // `license: other` with `license_name: llama3` names the licence in the second key.
    if let Some(name) = licence_name {
        let meta = builder.metadata();
        if meta.licence.as_deref().is_none_or(|l| l.eq_ignore_ascii_case("other")) {
            meta.licence = Some(name);
        }
    }
    if let Some(index) = evaluations {
        evaluation_table(index, builder);
    }
}

/// A metadata value as a `Field` passage ("License: apache-2.0") and an `extra` entry.
fn field(builder: &mut SourceBuilder, label: &str, key: &str, text: &str) {
    let extra = match text.char_indices().nth(MAX_EXTRA) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    };
    builder.metadata().extra.push((key.to_owned(), extra));
    builder.passage(PassageKind::Field, &format!("{label}: {text}"), None);
}

/// "base_model" -> "Base model".
fn label(key: &str) -> String {
    let words = key.replace(['_', '-'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A scalar, or a list of scalars joined by commas; nothing for maps and empty values.
fn render(node: &Node) -> Option<String> {
    let text = match &node.value {
        Value::Seq(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(Node::text)
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect();
            parts.join(", ")
        }
        _ => node.text()?.trim().to_owned(),
    };
    (!text.is_empty()).then_some(text)
}

fn get<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.text() == Some(key)).map(|(_, v)| v),
        _ => None,
    }
}

fn get_text(node: &Node, key: &str) -> Option<String> {
    get(node, key).and_then(render)
}

/// `co2_eq_emissions`: grams of CO2 equivalent, alone or with its source and context.
fn co2(node: &Node) -> Option<String> {
    if let Some(grams) = node.text() {
        return Some(format!("{} g CO2eq", grams.trim()));
    }
    let emissions = get_text(node, "emissions")?;
    let details: Vec<String> = [
        ("source", "source"),
        ("training_type", "training type"),
        ("geographical_location", "geographical location"),
        ("hardware_used", "hardware used"),
    ]
    .iter()
    .filter_map(|(key, name)| get_text(node, key).map(|v| format!("{name}: {v}")))
    .collect();
    Some(if details.is_empty() {
        format!("{emissions} g CO2eq")
    } else {
        format!("{emissions} g CO2eq ({})", details.join("; "))
    })
}

/// `model-index` as a table of task, dataset, metric and value.
fn evaluation_table(index: &Node, builder: &mut SourceBuilder) {
    let Value::Seq(models) = &index.value else { return };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for model in models {
        if let Some(name) = get_text(model, "name") {
            names.push(name);
        }
        let Some(Node { value: Value::Seq(results), .. }) = get(model, "results") else { continue };
        for result in results {
            let task = get(result, "task")
                .and_then(|t| get_text(t, "name").or_else(|| get_text(t, "type")))
                .unwrap_or_default();
            let dataset = get(result, "dataset").map(dataset_name).unwrap_or_default();
            let Some(Node { value: Value::Seq(metrics), .. }) = get(result, "metrics") else {
                continue;
            };
            for metric in metrics {
                if rows.len() >= MAX_EVALUATIONS {
                    break;
                }
                let name = get_text(metric, "name")
                    .or_else(|| get_text(metric, "type"))
                    .unwrap_or_default();
                let value = get_text(metric, "value").unwrap_or_default();
                rows.push(vec![task.clone(), dataset.clone(), name, value]);
            }
        }
    }
    if rows.is_empty() {
        return;
    }
    if let Some(first) = names.first() {
        builder.metadata().model.get_or_insert_with(|| first.clone());
    }
    let caption = match names.as_slice() {
        [one] => format!("Evaluation results of {one} (model-index in the card metadata)"),
        _ => "Evaluation results (model-index in the card metadata)".to_owned(),
    };
    let header = ["task", "dataset", "metric", "value"].map(str::to_owned).to_vec();
    builder.table(Some(caption), header, rows, None);
}

/// "MMLU (test, 5-shot)": the dataset's name with its split and configuration.
fn dataset_name(dataset: &Node) -> String {
    let name = get_text(dataset, "name").or_else(|| get_text(dataset, "type")).unwrap_or_default();
    let details: Vec<String> =
        ["config", "split"].iter().filter_map(|k| get_text(dataset, k)).collect();
    if details.is_empty() || name.is_empty() {
        name
    } else {
        format!("{name} ({})", details.join(", "))
    }
}
