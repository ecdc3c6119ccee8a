use std::path::Path;

use candor_model::{ComponentKind, PassageKind, SourceContent, SourceFormat, Warned};
use serde_json::{Value, json};

use super::out::{MAX_COMPONENTS, MAX_FIELD_CHARS, MAX_ITEMS};
use super::{import_cyclonedx, import_spdx};
use crate::source::ImportError;

fn corpus(name: &str) -> Option<String> {
    crate::test_support::corpus_text(name)
}

fn ok(result: Result<Warned<SourceContent>, ImportError>) -> SourceContent {
    match result {
        Ok(w) => w.value,
        Err(e) => panic!("import failed: {e}"),
    }
}

fn outline(c: &SourceContent) -> Vec<String> {
    c.sections
        .iter()
        .map(|s| format!("{}{}", "  ".repeat(usize::from(s.level - 1)), s.title))
        .collect()
}

fn texts(c: &SourceContent) -> Vec<&str> {
    c.passages.iter().map(|p| p.text.as_str()).collect()
}

fn has(c: &SourceContent, text: &str) -> bool {
    c.passages.iter().any(|p| p.text == text)
}

fn cdx(body: Value) -> String {
    let mut bom = json!({"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1});
    if let (Some(target), Some(extra)) = (bom.as_object_mut(), body.as_object()) {
        target.extend(extra.clone());
    }
    bom.to_string()
}

#[test]
fn cyclonedx_reference_fixture_gives_the_model_card_outline() {
    let Some(text) = corpus("cyclonedx-1.6-valid-machine-learning.json") else { return };
    let c = ok(import_cyclonedx(&text));
    assert_eq!(
        outline(&c),
        [
            "Overview",
            "Model card: stable-diffusion 1.4",
            "  Model parameters",
            "  Quantitative analysis",
            "  Considerations",
            "  Properties",
        ]
    );
    assert_eq!(c.metadata.title.as_deref(), Some("stable-diffusion 1.4"));
    assert_eq!(c.metadata.model.as_deref(), Some("stable-diffusion"));
    assert_eq!(c.metadata.version.as_deref(), Some("1.4"));
    assert_eq!(c.metadata.provider.as_deref(), Some("Acme Inc"));
    for expected in [
        "Approach: supervised",
        "Task: task goes here",
        "Architecture family: the architecture family goes here",
        "Model architecture: The architecture of the model.",
        "Dataset: Training Data (classification: public) <https://example.com/path/to/dataset>",
        "Inputs: string",
        "Outputs: byte[]",
        "Graphics: Performance images",
        "Graphic: FID vs CLIP Scores on 512x512 samples for different v1-versions",
        "Use case: Text-to-image generation for creative applications",
        "Technical limitation: Limited performance on non-photographic styles",
        "Ethical consideration: The name of the risk. Mitigation: Strategy used to address this risk",
        "modelcard:custom-property: custom-value",
    ] {
        assert!(has(&c, expected), "missing {expected:?} in {:#?}", texts(&c));
    }
    // The base64 JPEG is dropped: nothing to cite, and it would swamp the text.
    assert!(c.passages.iter().all(|p| !p.text.contains("/9j/4AAQ")));
    assert!(c.passages.iter().all(|p| p.text.len() < 2_000));
    let metrics = &c.tables[0];
    assert_eq!(metrics.header, ["Metric", "Value", "Slice", "Confidence interval"]);
    assert_eq!(metrics.rows[0][0], "The type of performance metric");
    assert!(metrics.rows[0][3].contains(" to "));
    let field = c.passages.iter().find(|p| p.text.starts_with("Task:")).map(|p| p.kind);
    assert_eq!(field, Some(PassageKind::Field));
    let bom = c.bom.as_ref().map(|b| (b.spec.as_str(), b.components.len()));
    assert_eq!(bom, Some(("CycloneDX 1.6", 2)));
    let b = c.bom.as_ref().unwrap_or_else(|| unreachable!());
    assert_eq!(b.components[0].kind, ComponentKind::Model);
    assert_eq!(b.components[1].kind, ComponentKind::Dataset);
    assert_eq!(b.components[1].name, "Training Data");
    assert_eq!(
        b.relationships,
        [("component-a".to_owned(), "uses-dataset".to_owned(), "dataset:Training Data".to_owned())]
    );
}

#[test]
fn cyclonedx_gpt_4o_example_names_provider_and_modalities() {
    let Some(text) = corpus("cyclonedx-mlbom-gpt-4o.json") else { return };
    let c = ok(import_cyclonedx(&text));
    assert_eq!(c.metadata.title.as_deref(), Some("gpt-4o"));
    assert_eq!(c.metadata.provider.as_deref(), Some("OpenAI Inc"));
    assert_eq!(c.metadata.date.as_deref(), Some("2024-11-24T13:05:42Z"));
    // The BOM's own maker is not the model's provider.
    assert!(
        c.metadata.extra.contains(&("bom-created-by".to_owned(), "Noma Security Inc.".to_owned()))
    );
    for expected in ["Model architecture: GPT-4", "Inputs: string, image", "Outputs: string, image"]
    {
        assert!(has(&c, expected), "missing {expected:?} in {:#?}", texts(&c));
    }
}

#[test]
fn cyclonedx_invalid_corpus_file_is_refused_at_line_8() {
    let Some(text) = corpus("cyclonedx-mlbom-bert-base-cased.INVALID-JSON.json") else { return };
    let err = import_cyclonedx(&text).err();
    let Some(ImportError::Malformed { line, column, message }) = err else {
        panic!("expected a malformed-JSON error, got {err:?}");
    };
    assert_eq!(line, 8);
    assert_eq!(column, 44, "the comma after the timestamp");
    assert!(message.contains("comma after the last item"), "{message}");
    // The same through the public entry point, with the position in the message.
    let shown =
        crate::import_source(SourceFormat::CycloneDx, text.as_bytes()).err().map(|e| e.to_string());
    assert!(shown.as_deref().is_some_and(|s| s.contains("(line 8, column 44)")), "{shown:?}");
}

#[test]
fn cyclonedx_versions_and_formats_outside_the_range_are_unsupported() {
    let refused = |text: &str| match import_cyclonedx(text) {
        Err(ImportError::Unsupported(m)) => m,
        other => panic!("expected Unsupported, got {other:?}"),
    };
    let m = refused(&json!({"bomFormat": "CycloneDX", "specVersion": "1.4"}).to_string());
    assert!(m.contains("CycloneDX 1.4") && m.contains("1.5, 1.6 and 1.7"), "{m}");
    assert!(refused(&json!({"bomFormat": "CycloneDX"}).to_string()).contains("no \"specVersion\""));
    assert!(refused(&json!({"name": "x"}).to_string()).contains("no \"bomFormat\""));
    assert!(refused("[1, 2]").contains("not a JSON object"));
    assert!(refused(&json!({"@graph": []}).to_string()).contains("import it as SPDX"));
    for v in ["1.5", "1.6", "1.7"] {
        let text = json!({"bomFormat": "CycloneDX", "specVersion": v}).to_string();
        assert_eq!(ok(import_cyclonedx(&text)).bom.map(|b| b.spec), Some(format!("CycloneDX {v}")));
    }
}

#[test]
fn cyclonedx_components_licences_and_dependencies() {
    let text = cdx(json!({
        "metadata": {
            "timestamp": "2025-01-02T03:04:05Z",
            "component": {
                "bom-ref": "app", "type": "application", "name": "Chat", "version": "2",
                "manufacturer": {"name": "Example Labs"},
                "licenses": [{"expression": "Apache-2.0 OR MIT"}]
            }
        },
        "components": [
            {"bom-ref": "m", "type": "machine-learning-model", "name": "base-llm", "version": "7b",
             "supplier": {"name": "Model Maker"},
             "licenses": [{"license": {"id": "Apache-2.0"}}, {"license": {"name": "Custom terms"}}],
             "modelCard": {"modelParameters": {"task": "text-generation",
                 "datasets": [{"ref": "d"}]}},
             "components": [{"bom-ref": "tok", "type": "library", "name": "tokenizer"}]},
            {"bom-ref": "d", "type": "data", "name": "web-crawl"},
            {"bom-ref": "torch", "type": "framework", "name": "pytorch", "version": "2.3"}
        ],
        "dependencies": [{"ref": "app", "dependsOn": ["m", "torch"]}, {"ref": "m", "dependsOn": []}]
    }));
    let c = ok(import_cyclonedx(&text));
    assert_eq!(c.metadata.title.as_deref(), Some("Chat 2"));
    assert_eq!(c.metadata.provider.as_deref(), Some("Example Labs"));
    assert_eq!(c.metadata.licence.as_deref(), Some("Apache-2.0 OR MIT"));
    assert_eq!(c.metadata.model, None, "the subject is an application, not a model");
    let b = c.bom.as_ref().unwrap_or_else(|| unreachable!());
    let kinds: Vec<(&str, ComponentKind)> =
        b.components.iter().map(|c| (c.name.as_str(), c.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("Chat", ComponentKind::Application),
            ("base-llm", ComponentKind::Model),
            ("tokenizer", ComponentKind::Library),
            ("web-crawl", ComponentKind::Dataset),
            ("pytorch", ComponentKind::Library),
        ]
    );
    assert_eq!(b.components[1].licences, ["Apache-2.0", "Custom terms"]);
    assert_eq!(b.components[1].supplier.as_deref(), Some("Model Maker"));
    let rel = |a: &str, r: &str, z: &str| (a.to_owned(), r.to_owned(), z.to_owned());
    assert_eq!(
        b.relationships,
        [
            rel("m", "uses-dataset", "d"),
            rel("app", "depends-on", "m"),
            rel("app", "depends-on", "torch")
        ]
    );
    assert!(has(&c, "Chat 2 depends on: base-llm 7b, pytorch 2.3"), "{:#?}", texts(&c));
    assert!(has(&c, "Dataset: web-crawl"));
    // A model card of a component that is not the subject starts with its own fields.
    assert!(has(&c, "Supplier: Model Maker"));
    assert_eq!(
        outline(&c),
        ["Overview", "Model card: base-llm 7b", "  Model parameters", "Components", "Dependencies"]
    );
    assert_eq!(c.tables[0].header, ["Name", "Type", "Version", "Supplier", "Licences"]);
    assert_eq!(c.tables[0].rows.len(), 4);
}

#[test]
fn cyclonedx_considerations_cover_fairness_and_energy() {
    let text = cdx(json!({"components": [{"type": "machine-learning-model", "name": "m",
    "modelCard": {"considerations": {
        "fairnessAssessments": [{"groupAtRisk": "children", "harms": "exposure", "mitigationStrategy": "filters"}],
        "environmentalConsiderations": {"energyConsumptions": [{
            "activity": "training",
            "energyProviders": [{"organization": {"name": "Grid Co"}, "energySource": "wind",
                                 "energyProvided": {"value": 500, "unit": "kWh"}}],
            "activityEnergyCost": {"value": 1000.5, "unit": "kWh"},
            "co2CostEquivalent": {"value": 0.3, "unit": "tCO2eq"}}]}
    }}}]}));
    let c = ok(import_cyclonedx(&text));
    for expected in [
        "Fairness assessment: group at risk: children; harms: exposure; mitigation: filters",
        "Energy consumption (training): 1000.5 kWh",
        "CO2 equivalent (training): 0.3 tCO2eq",
        "Energy provider (training): Grid Co; source: wind; provided: 500 kWh",
    ] {
        assert!(has(&c, expected), "missing {expected:?} in {:#?}", texts(&c));
    }
}

#[test]
fn cyclonedx_ids_are_stable_across_imports() {
    let Some(text) = corpus("cyclonedx-1.6-valid-machine-learning.json") else { return };
    let ids = |c: SourceContent| c.passages.into_iter().map(|p| p.id).collect::<Vec<_>>();
    let first = ids(ok(import_cyclonedx(&text)));
    assert_eq!(first, ids(ok(import_cyclonedx(&text))));
    assert!(first.contains(&"sec-model-parameters-p2".to_owned()), "{first:?}");
}

#[test]
fn spdx_ai_example_gives_models_datasets_and_relationships() {
    let Some(text) = corpus("spdx3-ai-simplehtr-example.json") else { return };
    let c = ok(import_spdx(&text));
    assert_eq!(
        c.metadata.title.as_deref(),
        Some("SimpleHTR"),
        "two AI packages: the root package names it"
    );
    assert_eq!(c.metadata.model.as_deref(), Some("word-model, line-model"));
    assert_eq!(c.metadata.provider.as_deref(), Some("Harald Scheidl"));
    assert_eq!(c.metadata.licence.as_deref(), Some("MIT"));
    let top: Vec<String> = outline(&c).into_iter().filter(|s| !s.starts_with(' ')).collect();
    assert_eq!(
        top,
        [
            "Document",
            "AI model: word-model 0.0",
            "AI model: line-model 0.0",
            "Dataset: IAMdataset",
            "Software packages",
            "Relationships",
        ]
    );
    let word_model: Vec<String> = outline(&c).into_iter().skip(2).take(5).collect();
    assert_eq!(word_model, ["  General", "  Use", "  Training", "  Evaluation", "  Relationships"]);
    for expected in [
        "SPDX version: 3.0.1",
        "Created by: Gopi Krishnan Rajbahadur",
        "Supplied by: Harald Scheidl",
        "Autonomy type: no",
        "Domain: handwriting recognition, image recognition, optical character recognition",
        "Hyperparameter: cnn_kernel_vals = [5, 5, 3, 3, 3]",
        "Safety risk assessment: low",
        "Trained on: IAMdataset",
        "Tested on: IAMdataset",
        "Used to train: word-model 0.0",
        "Dataset size: 4620000000 bytes",
        "Dataset type: image",
        "Licence: MIT",
        "word-model 0.0 was trained on: IAMdataset",
    ] {
        assert!(has(&c, expected), "missing {expected:?} in {:#?}", texts(&c));
    }
    assert!(
        c.passages.iter().any(|p| p.text.starts_with("Information about training: We use a NN"))
    );
    assert!(c.passages.iter().any(|p| p.text.starts_with("Metric: charErrorRates = [ 0.98")));
    let b = c.bom.as_ref().unwrap_or_else(|| unreachable!());
    assert_eq!(b.spec, "SPDX 3.0.1");
    let find = |name: &str, kind: ComponentKind| {
        b.components
            .iter()
            .find(|c| c.name == name && c.kind == kind)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert_eq!(find("tensorflow", ComponentKind::Library).licences, ["OLDAP-2.8"]);
    assert_eq!(find("tensorflow", ComponentKind::Library).version.as_deref(), Some("2.4.0"));
    assert!(
        find("IAMdataset", ComponentKind::Dataset).licences[0]
            .starts_with("custom licence: This database")
    );
    find("word-model", ComponentKind::Model);
    let rel = |a: &str, r: &str, z: &str| (a.to_owned(), r.to_owned(), z.to_owned());
    for expected in [
        rel(
            "https://my-first-aibom.com/word-model",
            "trained-on",
            "https://my-first-aibom.com/IAMdataset",
        ),
        rel(
            "https://my-first-aibom.com/line-model",
            "tested-on",
            "https://my-first-aibom.com/IAMdataset",
        ),
        rel(
            "https://my-first-aibom.com/SimpleHTR",
            "depends-on",
            "https://pypi.org/project/numpy/1.19.5/",
        ),
    ] {
        assert!(b.relationships.contains(&expected), "missing {expected:?}");
    }
}

#[test]
fn spdx_dataset_example_gives_the_dataset_card() {
    let Some(text) = corpus("spdx3-dataset-example01.json") else { return };
    let c = ok(import_spdx(&text));
    assert_eq!(
        c.metadata.title.as_deref(),
        Some("Our World in Data CO2 and Greenhouse Gas Emissions dataset 2024-04-15")
    );
    assert_eq!(c.metadata.provider.as_deref(), Some("Our World in Data"));
    assert_eq!(c.metadata.licence.as_deref(), Some("CC-BY-4.0"));
    assert_eq!(c.metadata.date.as_deref(), Some("2024-04-15T08:10:00Z"));
    assert_eq!(c.metadata.model, None);
    for expected in [
        "Dataset size: 2689 bytes",
        "Dataset type: structured, timestamp",
        "Known bias: Data in some geographical areas are more completed than the others.",
        "Contains sensitive personal information: no",
        "Intended use: To make the data about greenhouse gas emissions accessible.",
        "Hash (sha256): 434d75c84cf86456c16193dbc53beef31eb63f3387425882ddb2ef6acb9d472c",
        "Our World in Data CO2 and Greenhouse Gas Emissions dataset 2024-04-15 contains: data.csv, codebook.csv",
    ] {
        assert!(has(&c, expected), "missing {expected:?} in {:#?}", texts(&c));
    }
    let b = c.bom.as_ref().unwrap_or_else(|| unreachable!());
    assert_eq!(b.components.len(), 1);
    assert_eq!(b.components[0].kind, ComponentKind::Dataset);
    assert_eq!(b.components[0].licences, ["CC-BY-4.0"]);
}

#[test]
fn spdx_accepts_unprefixed_and_iri_spellings() {
    let text = json!({
        "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
        "@graph": [
            {"type": "CreationInfo", "@id": "_:ci", "specVersion": "3.0.1", "created": "2025-01-01T00:00:00Z"},
            {"type": "Organization", "spdxId": "urn:org", "name": "Lab"},
            {"type": "AIPackage", "spdxId": "urn:m", "name": "m", "suppliedBy": "urn:org",
             "packageVersion": "1", "autonomyType": "noAssertion",
             "https://spdx.org/rdf/3.0.1/terms/AI/typeOfModel": ["transformer"],
             "energyConsumption": {"type": "EnergyConsumption",
                "trainingEnergyConsumption": [{"type": "EnergyConsumptionDescription",
                    "energyQuantity": 1.5, "energyUnit": "kilowattHour"}],
                "inferenceEnergyConsumption": [{"energyQuantity": 3, "energyUnit": "megajoule"}]},
             "ai_futureField": "kept"},
            {"type": "https://spdx.org/rdf/3.0.1/terms/Dataset/DatasetPackage", "spdxId": "urn:d", "name": "d"},
            {"type": "Relationship", "spdxId": "urn:r", "from": "urn:m", "relationshipType": "trainedOn", "to": "urn:d"}
        ]
    })
    .to_string();
    let c = ok(import_spdx(&text));
    assert_eq!(c.metadata.title.as_deref(), Some("m 1"));
    assert_eq!(c.metadata.provider.as_deref(), Some("Lab"));
    for expected in [
        "Autonomy type: not stated",
        "Type of model: transformer",
        "Energy consumption (training): 1.5 kWh",
        "Energy consumption (inference): 3 MJ",
        "Future field: kept",
    ] {
        assert!(has(&c, expected), "missing {expected:?} in {:#?}", texts(&c));
    }
    let b = c.bom.unwrap_or_default();
    assert_eq!(
        b.relationships,
        [("urn:m".to_owned(), "trained-on".to_owned(), "urn:d".to_owned())]
    );
}

#[test]
fn spdx_other_versions_and_formats_are_unsupported() {
    let refused = |text: String| match import_spdx(&text) {
        Err(ImportError::Unsupported(m)) => m,
        other => panic!("expected Unsupported, got {other:?}"),
    };
    assert!(refused(json!({"spdxVersion": "SPDX-2.3"}).to_string()).contains("SPDX-2.3"));
    assert!(
        refused(json!({"bomFormat": "CycloneDX"}).to_string()).contains("import it as CycloneDX")
    );
    assert!(refused(json!({"@graph": [{"type": "Thing"}]}).to_string()).contains("no SPDX"));
    let v2 = json!({"@graph": [{"type": "CreationInfo", "specVersion": "2.3"}]}).to_string();
    assert!(refused(v2).contains("SPDX 2.3"));
    assert!(refused("3".to_owned()).contains("neither an object nor a list"));
}

#[test]
fn hostile_json_is_bounded() {
    // 100 000 levels deep: a clear error, no stack overflow.
    let deep = format!(
        "{{\"bomFormat\": \"CycloneDX\", \"x\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = import_cyclonedx(&deep).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("nested too deeply") && err.contains("line 1"), "{err}");
    let err = import_spdx(&deep).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("nested too deeply"), "{err}");

    // A 50 MB string: imported, cut to the field limit, with a warning.
    let huge = "a".repeat(50 * 1024 * 1024);
    let text = cdx(
        json!({"components": [{"type": "machine-learning-model", "name": "m", "description": huge}]}),
    );
    let started = std::time::Instant::now();
    let w = import_cyclonedx(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(started.elapsed().as_secs() < 30);
    assert!(w.value.passages.iter().all(|p| p.text.chars().count() <= MAX_FIELD_CHARS + 20));
    assert!(w.diagnostics.iter().any(|d| d.code == "bom/long-field"), "{:?}", w.diagnostics);

    // Huge arrays: components and passages are capped, with warnings.
    let many: Vec<Value> = (0..MAX_COMPONENTS + 10)
        .map(|i| json!({"type": "library", "name": format!("lib{i}")}))
        .collect();
    let w = import_cyclonedx(&cdx(json!({"components": many}))).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(w.value.bom.as_ref().map(|b| b.components.len()), Some(MAX_COMPONENTS));
    assert!(w.diagnostics.iter().any(|d| d.code == "bom/too-many-components"));
    let uses: Vec<Value> = (0..MAX_ITEMS + 10).map(|i| json!(format!("use {i}"))).collect();
    let text = cdx(json!({"components": [{"type": "machine-learning-model", "name": "m",
        "modelCard": {"considerations": {"useCases": uses}}}]}));
    let w = import_cyclonedx(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(w.value.passages.len() + w.value.sections.len() <= MAX_ITEMS);
    assert!(w.diagnostics.iter().any(|d| d.code == "bom/truncated"));
}

#[test]
fn errors_carry_no_content() {
    // Nothing is half-imported: any failure is an Err, never a partial SourceContent.
    let Some(text) = corpus("cyclonedx-1.6-valid-machine-learning.json") else { return };
    let cut = &text[..text.len() / 2];
    assert!(matches!(import_cyclonedx(cut), Err(ImportError::Malformed { .. })));
    let Some(text) = corpus("spdx3-ai-simplehtr-example.json") else { return };
    let cut = &text[..text.len() - 3];
    assert!(matches!(import_spdx(cut), Err(ImportError::Malformed { .. })));
}

/// xorshift64*: a deterministic stream of pseudo-random numbers, no dependency.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

/// One byte-level mutation: flip, insert or delete bytes, duplicate or cut a range.
pub(crate) fn mutate_bytes(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    const INTERESTING: &[u8] = b"{}[],:\"\\0123456789-+.eEtrufalsn \n\x00\xff";
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let len = out.len().max(1);
        let at = rng.below(len).min(out.len());
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] = INTERESTING[rng.below(INTERESTING.len())];
            }
            1 => out.insert(at, INTERESTING[rng.below(INTERESTING.len())]),
            2 if !out.is_empty() => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(256)).min(out.len());
                let copy = out[at..end].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, copy);
            }
            4 => out.truncate(at),
            _ if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            _ => {}
        }
    }
    out
}

/// One structural mutation: a random node of the JSON tree gets a value of another type.
fn mutate_json(rng: &mut Rng, root: &Value) -> Value {
    let mut pointer = String::new();
    let mut node = root;
    for _ in 0..rng.below(12) {
        let step = match node {
            Value::Object(m) if !m.is_empty() => {
                let i = rng.below(m.len());
                m.iter().nth(i).map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v))
            }
            Value::Array(a) if !a.is_empty() => {
                let i = rng.below(a.len());
                a.get(i).map(|v| (i.to_string(), v))
            }
            _ => None,
        };
        let Some((key, child)) = step else { break };
        pointer.push('/');
        pointer.push_str(&key);
        node = child;
    }
    let replacement = match rng.below(8) {
        0 => Value::Null,
        1 => json!(rng.next() % 1000),
        2 => json!(""),
        3 => json!([1, "x", null, {"name": 5}]),
        4 => json!({"name": ["nested"], "type": 3, "ref": {}}),
        5 => json!("noAssertion"),
        6 => Value::Array(vec![node.clone(), node.clone()]),
        _ => json!(true),
    };
    let mut out = root.clone();
    if let Some(target) = out.pointer_mut(&pointer) {
        *target = replacement;
    }
    out
}

/// Bounded, deterministic fuzzing of both JSON importers through the public entry point:
/// no input may panic; every result is a value or a clear error.
#[test]
fn mutated_boms_never_panic() {
    let files = [
        ("cyclonedx-1.6-valid-machine-learning.json", SourceFormat::CycloneDx),
        ("cyclonedx-mlbom-gpt-4o.json", SourceFormat::CycloneDx),
        ("cyclonedx-mlbom-bert-base-cased.INVALID-JSON.json", SourceFormat::CycloneDx),
        ("spdx3-ai-simplehtr-example.json", SourceFormat::Spdx),
        ("spdx3-dataset-example01.json", SourceFormat::Spdx),
    ];
    let mut rng = Rng::new(0x00C0_FFEE);
    let (mut runs, mut accepted) = (0, 0);
    for (name, format) in files {
        let Some(text) = corpus(name) else { return };
        let tree: Option<Value> = serde_json::from_str(&text).ok();
        for i in 0..2_000 {
            let bytes = match (&tree, i % 2) {
                (Some(tree), 0) => mutate_json(&mut rng, tree).to_string().into_bytes(),
                _ => mutate_bytes(&mut rng, text.as_bytes()),
            };
            runs += 1;
            if crate::import_source(format, &bytes).is_ok() {
                accepted += 1;
            }
        }
    }
    eprintln!("bom mutation test: {runs} imports, {accepted} accepted, no panic");
    assert_eq!(runs, 10_000);
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bom").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn committed_cyclonedx_1_7_fixture() {
    let c = ok(import_cyclonedx(&fixture("cyclonedx-1.7-model-card.json")));
    assert_eq!(
        outline(&c),
        [
            "Overview",
            "Model card: orca-chat 2.1",
            "  Model parameters",
            "  Quantitative analysis",
            "  Considerations",
            "  Properties",
            "Components",
            "Dependencies",
        ]
    );
    assert_eq!(c.metadata.title.as_deref(), Some("orca-chat 2.1"));
    assert_eq!(c.metadata.provider.as_deref(), Some("Example Labs Ltd"), "the manufacturer");
    assert_eq!(c.metadata.licence.as_deref(), Some("Apache-2.0"));
    for expected in [
        "Dataset: filtered-web-crawl 2024-12",
        "Dataset: orca-instructions (classification: proprietary). Instruction pairs written by \
         contractors <https://example.com/data/instructions>",
        "Hash (SHA-256): 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "Energy consumption (training): 210000 kWh",
        "CO2 equivalent (training): 38.5 tCO2eq",
        "orca-chat 2.1 depends on: orca-base 2.0, pytorch 2.5.1, tokenizers 0.21.0",
        "training-tokens: 2.0e12",
    ] {
        assert!(has(&c, expected), "missing {expected:?} in {:#?}", texts(&c));
    }
    assert_eq!(c.tables[0].rows[0], ["accuracy", "71.3%", "MMLU 5-shot", "70.1% to 72.5%"]);
    let b = c.bom.unwrap_or_default();
    assert_eq!(b.spec, "CycloneDX 1.7");
    assert_eq!(b.components.len(), 6, "subject, 4 components and the inline dataset");
    assert!(b.relationships.contains(&(
        "model-base".into(),
        "depends-on".into(),
        "data-web".into()
    )));
    let e = import_cyclonedx(&fixture("cyclonedx-1.4-unsupported.json")).err();
    assert!(matches!(e, Some(ImportError::Unsupported(m)) if m.contains("CycloneDX 1.4")));
}

#[test]
fn committed_spdx_ai_fixture() {
    let c = ok(import_spdx(&fixture("spdx3-ai-package.json")));
    assert_eq!(c.metadata.title.as_deref(), Some("orca-speech 1.0"));
    assert_eq!(c.metadata.provider.as_deref(), Some("Example Labs Ltd"));
    assert_eq!(c.metadata.licence.as_deref(), Some("Apache-2.0"));
    assert_eq!(c.metadata.model.as_deref(), Some("orca-speech"));
    for expected in [
        "Limitation: Accuracy drops for strong accents and noisy audio.",
        "Standard compliance: ISO/IEC 42001",
        "Uses sensitive personal information: yes",
        "Metric: word error rate = 6.2%",
        "Metric decision threshold: confidence = 0.5",
        "Energy consumption (training): 5200 kWh",
        "Energy consumption (inference): 0.002 kWh",
        "Explainability: Attention maps are available for each output token.",
        "Anonymization method: Names removed from transcripts",
        "Dataset size: 900000000000 bytes",
        "Trained on: speech-hours",
    ] {
        assert!(has(&c, expected), "missing {expected:?} in {:#?}", texts(&c));
    }
    let b = c.bom.unwrap_or_default();
    let kinds: Vec<ComponentKind> = b.components.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ComponentKind::Model, ComponentKind::Dataset, ComponentKind::Library]);
}
