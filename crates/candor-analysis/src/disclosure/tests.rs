use std::collections::HashSet;

use candor_model::{
    Bom, BomComponent, ComponentKind, Fact, FactKind, PassageKind, SourceBuilder, SourceContent,
};

use super::text::{metadata_key, norm};
use super::*;

/// Builds a source the way the importers do, in reading order.
struct Doc(SourceBuilder);

impl Doc {
    fn new() -> Self {
        Doc(SourceBuilder::new())
    }
    fn h(mut self, level: u8, title: &str) -> Self {
        self.0.section(level, None, title, None);
        self
    }
    fn add(mut self, kind: PassageKind, text: &str) -> Self {
        self.0.passage(kind, text, None);
        self
    }
    fn p(self, text: &str) -> Self {
        self.add(PassageKind::Paragraph, text)
    }
    fn li(self, text: &str) -> Self {
        self.add(PassageKind::ListItem, text)
    }
    fn code(self, text: &str) -> Self {
        self.add(PassageKind::Code, text)
    }
    fn field(self, text: &str) -> Self {
        self.add(PassageKind::Field, text)
    }
    fn table(mut self, header: &[&str], rows: &[&[&str]]) -> Self {
        let cells = |row: &[&str]| row.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        self.0.table(None, cells(header), rows.iter().map(|r| cells(r)).collect(), None);
        self
    }
    fn meta(mut self, key: &str, value: &str) -> Self {
        self.0.metadata().extra.push((key.to_owned(), value.to_owned()));
        self
    }
    fn done(self) -> SourceContent {
        self.0.finish()
    }
}

fn get<'m>(map: &'m [FieldDisclosure], id: &str) -> &'m FieldDisclosure {
    assert!(transparency_field(id).is_some(), "no field {id}");
    map.iter().find(|e| e.field.id == id).expect(id)
}

/// Asserts status, evidence and passage of one field.
#[track_caller]
fn check(
    map: &[FieldDisclosure],
    id: &str,
    status: Disclosure,
    evidence: Option<Evidence>,
    passage: Option<&str>,
) {
    let entry = get(map, id);
    assert_eq!(
        (entry.status, entry.evidence, entry.passage.as_deref()),
        (status, evidence, passage),
        "{id}: {entry:#?}"
    );
}

// ---------------------------------------------------------------- the field list

#[test]
fn field_list_covers_both_frameworks_with_official_numbering() {
    let eu: Vec<_> = TRANSPARENCY_FIELDS
        .iter()
        .filter(|f| f.framework == Framework::EuModelDocumentationForm)
        .collect();
    let hf: Vec<_> =
        TRANSPARENCY_FIELDS.iter().filter(|f| f.framework == Framework::HuggingFaceCard).collect();
    assert_eq!(eu.len(), 35);
    assert_eq!(hf.len(), 38);
    assert_eq!(eu.len() + hf.len(), TRANSPARENCY_FIELDS.len());
    // EU fields first, items 1 to 8 in order, each item present.
    let numbers: Vec<u32> =
        eu.iter().map(|f| f.number.and_then(|n| n.parse().ok()).expect(f.id)).collect();
    assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{numbers:?}");
    assert_eq!(numbers.iter().copied().collect::<HashSet<_>>(), (1..=8).collect());
    assert!(
        TRANSPARENCY_FIELDS[..35]
            .iter()
            .all(|f| f.framework == Framework::EuModelDocumentationForm)
    );
    for f in &eu {
        let n = f.number.unwrap_or_default();
        assert!(f.id.starts_with(&format!("eu-mdf-{n}-")), "{}", f.id);
    }
    for f in &hf {
        assert!(f.id.starts_with("hf-") && f.number.is_none(), "{}", f.id);
    }
    for id in [
        "eu-mdf-2-parameters",
        "hf-model-details-developed-by",
        "hf-uses-out-of-scope",
        "hf-environmental-impact-carbon-emitted",
    ] {
        assert!(transparency_field(id).is_some(), "{id}");
    }
    assert_eq!(
        transparency_field("eu-mdf-2-parameters").map(|f| f.group),
        Some("Model properties")
    );
    assert!(transparency_field("no-such-field").is_none());
}

#[test]
fn field_ids_are_unique_and_labels_plain() {
    let mut ids = HashSet::new();
    for f in TRANSPARENCY_FIELDS {
        assert!(ids.insert(f.id), "duplicate id {}", f.id);
        assert!(f.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        assert!(!f.label.is_empty() && !f.group.is_empty(), "{}", f.id);
        assert!(!f.label.ends_with('.') && !f.label.contains(':'), "{}", f.label);
        assert!(f.label.chars().next().is_some_and(char::is_uppercase), "{}", f.label);
    }
}

#[test]
fn matching_knowledge_is_written_normalised_and_present() {
    for f in TRANSPARENCY_FIELDS {
        let words = f.headings.iter().chain(f.labels).chain(f.bom_fields).chain(f.mentions);
        for alias in words {
            assert_eq!(norm(alias), *alias, "{}: {alias:?} is not normalised", f.id);
        }
        for key in f.metadata_keys {
            assert_eq!(metadata_key(key), *key, "{}: {key:?}", f.id);
        }
        let places = f.headings.len()
            + f.labels.len()
            + f.metadata_keys.len()
            + f.bom_fields.len()
            + f.bom.len()
            + f.facts.len();
        assert!(places > 0, "{} has no way to be found", f.id);
    }
}

// ---------------------------------------------------------------- realistic sources

/// The Hugging Face model card template (huggingface_hub), either raw (Jinja expressions,
/// bold labels kept) or rendered with its defaults ("[More Information Needed]").
fn hf_template(rendered: bool) -> SourceContent {
    const MI: &str = "[More Information Needed]";
    let v = |name: &str, default: &str| {
        if rendered {
            default.to_owned()
        } else {
            format!("{{{{ {name} | default(\"{default}\", true)}}}}")
        }
    };
    let label = |label: &str, name: &str| {
        if rendered { format!("{label}: {MI}") } else { format!("**{label}:** {}", v(name, MI)) }
    };
    let title = if rendered {
        "Model Card for Model ID".to_owned()
    } else {
        "Model Card for {{ model_id | default(\"Model ID\", true) }}".to_owned()
    };
    let mut d = Doc::new()
        .h(1, &title)
        .p("<!-- Provide a quick summary of what the model is/does. -->")
        .p(&v("model_summary", ""))
        .h(2, "Model Details")
        .h(3, "Model Description")
        .p(&v("model_description", ""));
    for (l, n) in [
        ("Developed by", "developers"),
        ("Funded by [optional]", "funded_by"),
        ("Shared by [optional]", "shared_by"),
        ("Model type", "model_type"),
        ("Language(s) (NLP)", "language"),
        ("License", "license"),
        ("Finetuned from model [optional]", "base_model"),
    ] {
        d = d.li(&label(l, n));
    }
    d = d.h(3, "Model Sources [optional]");
    for (l, n) in
        [("Repository", "repo"), ("Paper [optional]", "paper"), ("Demo [optional]", "demo")]
    {
        d = d.li(&label(l, n));
    }
    d = d
        .h(2, "Uses")
        .h(3, "Direct Use")
        .p(&v("direct_use", MI))
        .h(3, "Downstream Use [optional]")
        .p(&v("downstream_use", MI))
        .h(3, "Out-of-Scope Use")
        .p(&v("out_of_scope_use", MI))
        .h(2, "Bias, Risks, and Limitations")
        .p(&v("bias_risks_limitations", MI))
        .h(3, "Recommendations")
        .p(&v(
            "bias_recommendations",
            "Users (both direct and downstream) should be made aware of the risks, biases and \
             limitations of the model. More information needed for further recommendations.",
        ))
        .h(2, "How to Get Started with the Model")
        .p("Use the code below to get started with the model.")
        .p(&v("get_started_code", MI))
        .h(2, "Training Details")
        .h(3, "Training Data")
        .p(&v("training_data", MI))
        .h(3, "Training Procedure")
        .h(4, "Preprocessing [optional]")
        .p(&v("preprocessing", MI))
        .h(4, "Training Hyperparameters")
        .li(&format!(
            "{} <!--fp32, fp16 mixed precision, bf16 mixed precision -->",
            label("Training regime", "training_regime")
        ))
        .h(4, "Speeds, Sizes, Times [optional]")
        .p(&v("speeds_sizes_times", MI))
        .h(2, "Evaluation")
        .h(3, "Testing Data, Factors & Metrics")
        .h(4, "Testing Data")
        .p(&v("testing_data", MI))
        .h(4, "Factors")
        .p(&v("testing_factors", MI))
        .h(4, "Metrics")
        .p(&v("testing_metrics", MI))
        .h(3, "Results")
        .p(&v("results", MI))
        .h(4, "Summary")
        .p(&v("results_summary", ""))
        .h(2, "Model Examination [optional]")
        .p(&v("model_examination", MI))
        .h(2, "Environmental Impact")
        .p("Carbon emissions can be estimated using the [Machine Learning Impact \
             calculator](https://mlco2.github.io/impact#compute) presented in [Lacoste et al. \
             (2019)](https://arxiv.org/abs/1910.09700).");
    for (l, n) in [
        ("Hardware Type", "hardware_type"),
        ("Hours used", "hours_used"),
        ("Cloud Provider", "cloud_provider"),
        ("Compute Region", "cloud_region"),
        ("Carbon Emitted", "co2_emitted"),
    ] {
        d = d.li(&label(l, n));
    }
    d.h(2, "Technical Specifications [optional]")
        .h(3, "Model Architecture and Objective")
        .p(&v("model_specs", MI))
        .h(3, "Compute Infrastructure")
        .p(&v("compute_infrastructure", MI))
        .h(4, "Hardware")
        .p(&v("hardware_requirements", MI))
        .h(4, "Software")
        .p(&v("software", MI))
        .h(2, "Citation [optional]")
        .p(if rendered { "BibTeX:" } else { "**BibTeX:**" })
        .p(&v("citation_bibtex", MI))
        .p(if rendered { "APA:" } else { "**APA:**" })
        .p(&v("citation_apa", MI))
        .h(2, "Glossary [optional]")
        .p(&v("glossary", MI))
        .h(2, "More Information [optional]")
        .p(&v("more_information", MI))
        .h(2, "Model Card Authors [optional]")
        .p(&v("model_card_authors", MI))
        .h(2, "Model Card Contact")
        .p(&v("model_card_contact", MI))
        .done()
}

#[test]
fn the_empty_hf_template_discloses_nothing() {
    for rendered in [false, true] {
        let map = disclosure_map(&hf_template(rendered));
        for entry in &map {
            assert_ne!(entry.status, Disclosure::Disclosed, "{rendered}: {entry:#?}");
            if entry.field.framework == Framework::HuggingFaceCard {
                assert_eq!(entry.status, Disclosure::NotDisclosed, "{rendered}: {entry:#?}");
            }
        }
        let summary = DisclosureSummary::of(&map);
        let hf = summary.framework(Framework::HuggingFaceCard).expect("hf counts");
        assert_eq!((hf.disclosed, hf.not_disclosed, hf.unknown), (0, 38, 0));
        // EU fields the template has a place for are "not disclosed" too.
        for id in [
            "eu-mdf-1-provider-name",
            "eu-mdf-1-dependencies",
            "eu-mdf-3-licence",
            "eu-mdf-4-intended-uses",
            "eu-mdf-6-provenance",
        ] {
            assert_eq!(get(&map, id).status, Disclosure::NotDisclosed, "{rendered} {id}");
        }
        assert_eq!(get(&map, "eu-mdf-2-parameters").status, Disclosure::Unknown);
        assert_eq!(get(&map, "eu-mdf-1-eu-release-date").status, Disclosure::Unknown);
    }
}

#[test]
fn the_template_cites_the_passage_that_says_more_information_needed() {
    let map = disclosure_map(&hf_template(true));
    let developed = get(&map, "hf-model-details-developed-by");
    assert_eq!(developed.evidence, Some(Evidence::Label));
    assert_eq!(developed.passage.as_deref(), Some("sec-model-description-p1"));
    assert_eq!(developed.section.as_deref(), Some("sec-model-description"));
    assert_eq!(developed.excerpt.as_deref(), Some("Developed by: [More Information Needed]"));
    // The template's helper sentence is skipped; the placeholder after it is cited.
    let started = get(&map, "hf-how-to-get-started");
    assert_eq!(started.evidence, Some(Evidence::Heading));
    assert_eq!(started.excerpt.as_deref(), Some("[More Information Needed]"));
    // An empty "Model Description" (the default is ""): the section itself is cited.
    let description = get(&map, "hf-model-details-description");
    assert_eq!(description.passage, None);
    assert_eq!(description.section.as_deref(), Some("sec-model-description"));
    assert_eq!(description.excerpt.as_deref(), Some("Model Description"));
    // "Results" inside "Evaluation": the inner section is the place.
    assert_eq!(get(&map, "hf-evaluation-results").section.as_deref(), Some("sec-results"));
    // "**BibTeX:**" with its value in the next passage.
    check(
        &map,
        "hf-citation",
        Disclosure::NotDisclosed,
        Some(Evidence::Label),
        Some("sec-citation-optional-p2"),
    );
}

/// GPT-J 6B as published on Hugging Face (abridged), as the Markdown importer reads it.
fn gpt_j() -> SourceContent {
    Doc::new()
        .meta("language", "en")
        .meta("tags", "pytorch, causal-lm")
        .meta("license", "apache-2.0")
        .meta("datasets", "EleutherAI/pile")
        .h(1, "GPT-J 6B")
        .h(2, "Model Description")
        .p("GPT-J 6B is a transformer model trained using Ben Wang's Mesh Transformer JAX. \
            \"GPT-J\" refers to the class of model, while \"6B\" represents the number of \
            trainable parameters.")
        .table(
            &["Hyperparameter", "Value"],
            &[
                &["\\(n_{parameters}\\)", "6053381344"],
                &["\\(n_{layers}\\)", "28*"],
                &["\\(n_{ctx}\\)", "2048"],
            ],
        )
        .p("The model consists of 28 layers with a model dimension of 4096, and a feedforward \
            dimension of 16384.")
        .h(2, "Intended Use and Limitations")
        .p("GPT-J learns an inner representation of the English language that can be used to \
            extract features useful for downstream tasks.")
        .h(3, "Out-of-scope use")
        .p("GPT-J-6B is not intended for deployment without fine-tuning, supervision, and/or \
            moderation.")
        .h(3, "Limitations and Biases")
        .p("The core functionality of GPT-J is taking a string of text and predicting the next \
            token.")
        .h(3, "How to use")
        .p("This model can be easily loaded using the AutoModelForCausalLM functionality:")
        .code("from transformers import AutoTokenizer, AutoModelForCausalLM")
        .h(2, "Training data")
        .p("GPT-J 6B was trained on the Pile, a large-scale curated dataset created by EleutherAI.")
        .h(2, "Training procedure")
        .p("This model was trained for 402 billion tokens over 383,500 steps on TPU v3-256 pod. \
            It was trained as an autoregressive language model, using cross-entropy loss.")
        .h(2, "Evaluation results")
        .table(
            &["Model", "Public", "Training FLOPs", "LAMBADA PPL ↓", "Dataset Size (GB)"],
            &[
                &["Random Chance", "✓", "0", "~a lot", "0"],
                &["GPT-J 6B", "✓", "1.5e22", "3.99", "825"],
            ],
        )
        .h(2, "Citation and Related Information")
        .h(3, "BibTeX entry")
        .p("To cite this model:")
        .code("@misc{gpt-j, author = {Wang, Ben and Komatsuzaki, Aran}}")
        .h(2, "Acknowledgements")
        .p("This project would not have been possible without compute generously provided by \
            Google through the TPU Research Cloud.")
        .done()
}

#[test]
fn gpt_j_headings_tables_and_metadata() {
    let map = disclosure_map(&gpt_j());
    use Disclosure::*;
    use Evidence::*;
    check(
        &map,
        "hf-model-details-description",
        Disclosed,
        Some(Heading),
        Some("sec-model-description-p1"),
    );
    check(&map, "eu-mdf-2-parameters", Disclosed, Some(Table), Some("sec-model-description-p2"));
    assert_eq!(
        get(&map, "eu-mdf-2-parameters").excerpt.as_deref(),
        Some("\\(n_{parameters}\\): 6053381344")
    );
    check(&map, "eu-mdf-2-input", Disclosed, Some(Table), Some("sec-model-description-p2"));
    // "Intended Use and Limitations": a two-word heading at the start of a longer title.
    check(
        &map,
        "hf-uses-direct",
        Disclosed,
        Some(Heading),
        Some("sec-intended-use-and-limitations-p1"),
    );
    check(&map, "hf-uses-out-of-scope", Disclosed, Some(Heading), Some("sec-out-of-scope-use-p1"));
    check(
        &map,
        "hf-bias-risks-limitations",
        Disclosed,
        Some(Heading),
        Some("sec-limitations-and-biases-p1"),
    );
    check(&map, "hf-how-to-get-started", Disclosed, Some(Heading), Some("sec-how-to-use-p1"));
    check(&map, "eu-mdf-4-integration-means", Disclosed, Some(Heading), Some("sec-how-to-use-p1"));
    check(&map, "hf-training-details-data", Disclosed, Some(Heading), Some("sec-training-data-p1"));
    check(&map, "eu-mdf-6-provenance", Disclosed, Some(Heading), Some("sec-training-data-p1"));
    check(
        &map,
        "eu-mdf-5-training-design",
        Disclosed,
        Some(Heading),
        Some("sec-training-procedure-p1"),
    );
    check(
        &map,
        "hf-evaluation-results",
        Disclosed,
        Some(Heading),
        Some("sec-evaluation-results-p1"),
    );
    // A comparison table still shows the model's own compute.
    check(&map, "eu-mdf-7-computation", Disclosed, Some(Table), Some("sec-evaluation-results-p1"));
    // Citation: the heading has no text of its own; its subsection holds it.
    check(&map, "hf-citation", Disclosed, Some(Heading), Some("sec-bibtex-entry-p1"));
    // Front matter only.
    check(&map, "hf-model-details-license", Disclosed, Some(Metadata), None);
    assert_eq!(
        get(&map, "hf-model-details-license").excerpt.as_deref(),
        Some("license: apache-2.0")
    );
    check(&map, "hf-model-details-languages", Disclosed, Some(Metadata), None);
    // Nothing about it at all.
    check(&map, "hf-model-details-funded-by", Unknown, None, None);
    check(&map, "eu-mdf-1-eu-release-date", Unknown, None, None);
    assert_eq!(get(&map, "eu-mdf-1-eu-release-date").excerpt, None);
    // "Dataset Size (GB)" in the comparison table.
    check(&map, "eu-mdf-6-data-points", Disclosed, Some(Table), Some("sec-evaluation-results-p1"));
    // Only a mention in running text ("… created by EleutherAI"): unknown, with a hint.
    check(
        &map,
        "hf-model-details-developed-by",
        Unknown,
        Some(Mention),
        Some("sec-training-data-p1"),
    );
    check(
        &map,
        "eu-mdf-5-training-design",
        Disclosed,
        Some(Heading),
        Some("sec-training-procedure-p1"),
    );
    check(&map, "eu-mdf-7-training-time", Unknown, None, None);
}

/// Meta Llama 3.1 model card (abridged): bold lead-ins without colons, raw HTML tables
/// without header cells.
fn llama_31() -> SourceContent {
    Doc::new()
        .h(2, "Model Information")
        .p("The Meta Llama 3.1 collection of multilingual large language models (LLMs) is a \
            collection of pretrained and instruction tuned generative models in 8B, 70B and 405B \
            sizes (text in/text out).")
        .p("Model developer: Meta")
        .p("Model Architecture: Llama 3.1 is an auto-regressive language model that uses an \
            optimized transformer architecture.")
        .table(
            &[],
            &[
                &[
                    "",
                    "Training Data",
                    "Params",
                    "Input modalities",
                    "Output modalities",
                    "Context length",
                    "GQA",
                    "Token count",
                    "Knowledge cutoff",
                ],
                &[
                    "Llama 3.1 (text only)",
                    "A new mix of publicly available online data.",
                    "8B",
                    "Multilingual Text",
                    "Multilingual Text and code",
                    "128k",
                    "Yes",
                    "15T+",
                    "December 2023",
                ],
                &["70B", "Multilingual Text", "Multilingual Text and code", "128k", "Yes"],
            ],
        )
        .p("Supported languages: English, German, French, Italian, Portuguese, Hindi, Spanish, \
            and Thai.")
        .p("Model Release Date: July 23, 2024.")
        .p("License: A custom commercial license, the Llama 3.1 Community License, is available \
            at: https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE")
        .p("Feedback: Instructions on how to provide feedback or comments on the model can be \
            found in the Llama Models README.")
        .h(2, "Intended Use")
        .p("Intended Use Cases Llama 3.1 is intended for commercial and research use in multiple \
            languages.")
        .p("Out-of-scope Use in any manner that violates applicable laws or regulations \
            (including trade compliance laws). Use in any other way that is prohibited by the \
            Acceptable Use Policy and Llama 3.1 Community License.")
        .h(2, "Hardware and Software")
        .p("Training Factors We used custom training libraries, Meta's custom built GPU cluster, \
            and production infrastructure for pretraining.")
        .p("Training Energy Use Training utilized a cumulative of 39.3M GPU hours of computation \
            on H100-80GB (TDP of 700W) type hardware, per the table below.")
        .p("Training Greenhouse Gas Emissions Estimated total location-based greenhouse gas \
            emissions were 11,390 tons CO2eq for training.")
        .table(
            &["", "Training Time (GPU hours)", "Training Power Consumption (W)"],
            &[&["Llama 3.1 8B", "1.46M", "700"], &["Total", "39.3M", ""]],
        )
        .h(2, "Training Data")
        .p("Overview: Llama 3.1 was pretrained on ~15 trillion tokens of data from publicly \
            available sources.")
        .p("Data Freshness: The pretraining data has a cutoff of December 2023.")
        .done()
}

#[test]
fn llama_lead_ins_labels_and_header_rows() {
    let map = disclosure_map(&llama_31());
    use Disclosure::*;
    use Evidence::*;
    check(&map, "eu-mdf-1-provider-name", Disclosed, Some(Label), Some("sec-model-information-p2"));
    check(
        &map,
        "hf-model-details-developed-by",
        Disclosed,
        Some(Label),
        Some("sec-model-information-p2"),
    );
    check(&map, "eu-mdf-2-architecture", Disclosed, Some(Label), Some("sec-model-information-p3"));
    // A table whose first row is the header (HTML <td> cells).
    check(&map, "eu-mdf-2-parameters", Disclosed, Some(Table), Some("sec-model-information-p4"));
    assert!(
        get(&map, "eu-mdf-2-parameters")
            .excerpt
            .as_deref()
            .is_some_and(|e| e.starts_with("Params: 8B, "))
    );
    check(&map, "eu-mdf-2-input", Disclosed, Some(Table), Some("sec-model-information-p4"));
    check(&map, "eu-mdf-6-data-points", Disclosed, Some(Table), Some("sec-model-information-p4"));
    // The table comes before the "Data Freshness:" label in reading order.
    check(
        &map,
        "eu-mdf-6-acquisition-date",
        Disclosed,
        Some(Table),
        Some("sec-model-information-p4"),
    );
    check(
        &map,
        "hf-model-details-languages",
        Disclosed,
        Some(Label),
        Some("sec-model-information-p5"),
    );
    check(&map, "eu-mdf-1-release-date", Disclosed, Some(Label), Some("sec-model-information-p6"));
    check(&map, "eu-mdf-3-licence", Disclosed, Some(Label), Some("sec-model-information-p7"));
    check(&map, "hf-model-card-contact", Disclosed, Some(Label), Some("sec-model-information-p8"));
    // Lead-ins without a colon (bold markers dropped by the importer).
    check(&map, "hf-uses-direct", Disclosed, Some(Label), Some("sec-intended-use-p1"));
    check(&map, "hf-uses-out-of-scope", Disclosed, Some(Label), Some("sec-intended-use-p2"));
    check(&map, "eu-mdf-4-intended-uses", Disclosed, Some(Label), Some("sec-intended-use-p1"));
    check(
        &map,
        "hf-technical-specifications-compute-infrastructure",
        Disclosed,
        Some(Label),
        Some("sec-hardware-and-software-p1"),
    );
    check(&map, "eu-mdf-8-energy", Disclosed, Some(Label), Some("sec-hardware-and-software-p2"));
    check(
        &map,
        "hf-environmental-impact-carbon-emitted",
        Disclosed,
        Some(Label),
        Some("sec-hardware-and-software-p3"),
    );
    // "Training Time (GPU hours)": a header with its unit in brackets.
    check(
        &map,
        "eu-mdf-7-training-time",
        Disclosed,
        Some(Table),
        Some("sec-hardware-and-software-p4"),
    );
    check(
        &map,
        "hf-environmental-impact-hours-used",
        Disclosed,
        Some(Table),
        Some("sec-hardware-and-software-p4"),
    );
    check(
        &map,
        "hf-training-details-data",
        Disclosed,
        Some(Table),
        Some("sec-model-information-p4"),
    );
    // Mentioned in passing only.
    check(
        &map,
        "eu-mdf-4-acceptable-use-policy",
        Unknown,
        Some(Mention),
        Some("sec-intended-use-p2"),
    );
    check(&map, "eu-mdf-1-eu-release-date", Unknown, None, None);
}

// ---------------------------------------------------------------- one mechanism at a time

#[test]
fn a_label_takes_its_value_from_the_next_passage() {
    let content = Doc::new()
        .h(2, "Basics")
        .p("Funded by:")
        .p("<!-- a comment in between -->")
        .li("The French government.")
        .p("Developed by:")
        .p("Shared by: Hugging Face")
        .p("Glossary:")
        .h(2, "Next")
        .p("Not the glossary.")
        .done();
    let map = disclosure_map(&content);
    check(
        &map,
        "hf-model-details-funded-by",
        Disclosure::Disclosed,
        Some(Evidence::Label),
        Some("sec-basics-p3"),
    );
    assert_eq!(
        get(&map, "hf-model-details-funded-by").excerpt.as_deref(),
        Some("Funded by: The French government.")
    );
    // The next passage is another field's label: nothing was given.
    check(
        &map,
        "hf-model-details-developed-by",
        Disclosure::NotDisclosed,
        Some(Evidence::Label),
        Some("sec-basics-p4"),
    );
    check(
        &map,
        "hf-model-details-shared-by",
        Disclosure::Disclosed,
        Some(Evidence::Label),
        Some("sec-basics-p5"),
    );
    // The value does not come from another section.
    check(
        &map,
        "hf-glossary",
        Disclosure::NotDisclosed,
        Some(Evidence::Label),
        Some("sec-basics-p6"),
    );
}

#[test]
fn bold_labels_kept_by_the_importer_are_read() {
    let content = Doc::new()
        .li("**Developed by:** EleutherAI")
        .p("**Input** Models input text only.")
        .p("**Model Page**: [Gemma](https://ai.google.dev/gemma/docs)")
        .done();
    let map = disclosure_map(&content);
    check(
        &map,
        "hf-model-details-developed-by",
        Disclosure::Disclosed,
        Some(Evidence::Label),
        Some("p1"),
    );
    check(&map, "eu-mdf-2-input", Disclosure::Disclosed, Some(Evidence::Label), Some("p2"));
    check(
        &map,
        "eu-mdf-3-distribution-channels",
        Disclosure::Disclosed,
        Some(Evidence::Label),
        Some("p3"),
    );
}

#[test]
fn one_word_lead_ins_need_a_capital_after_them_or_a_line_of_their_own() {
    // "**Input** Models input text only." once the importer dropped the bold markers.
    let content = Doc::new()
        .p("Input Models input text only.")
        .p("License A custom commercial license is available at: https://ai.meta.com/llama")
        .done();
    let map = disclosure_map(&content);
    check(&map, "eu-mdf-2-input", Disclosure::Disclosed, Some(Evidence::Label), Some("p1"));
    check(&map, "eu-mdf-3-licence", Disclosure::Disclosed, Some(Evidence::Label), Some("p2"));
    // A sentence that merely starts with the word is no label.
    let content = Doc::new()
        .p("Input data is tokenised before it reaches the model.")
        .p("License terms are discussed with each customer.")
        .li("Language Learning Tools: Support interactive language learning experiences.")
        .li("Output Text")
        .p("Version Two Beta")
        .p(&format!("License A {}", "very long paragraph about many things ".repeat(8)))
        .done();
    let map = disclosure_map(&content);
    check(&map, "eu-mdf-2-input", Disclosure::Unknown, None, None);
    assert_ne!(get(&map, "eu-mdf-3-licence").status, Disclosure::Disclosed);
    check(&map, "hf-model-details-languages", Disclosure::Unknown, None, None);
    check(&map, "eu-mdf-2-output", Disclosure::Unknown, None, None);
    check(&map, "eu-mdf-1-model-name", Disclosure::Unknown, None, None);
    // A label on a line of its own takes the next passage as its value, unless it is a
    // list item (a contents list) or not written like a label.
    let content = Doc::new()
        .p("Demo")
        .p("https://example.org/demo")
        .li("Glossary")
        .li("Citation")
        .p("[... contact]")
        .p("Violation")
        .done();
    let map = disclosure_map(&content);
    check(&map, "hf-model-sources-demo", Disclosure::Disclosed, Some(Evidence::Label), Some("p2"));
    check(&map, "hf-glossary", Disclosure::Unknown, None, None);
    check(&map, "hf-model-card-contact", Disclosure::Unknown, None, None);
}

#[test]
fn contents_lists_are_not_labels() {
    let content = Doc::new()
        .h(2, "Table of Contents")
        .p("Risks and Limitations")
        .p("Evaluation")
        .h(2, "Model Details")
        .p("Developed by: BigScience")
        .done();
    let map = disclosure_map(&content);
    check(&map, "hf-bias-risks-limitations", Disclosure::Unknown, None, None);
    check(
        &map,
        "hf-model-details-developed-by",
        Disclosure::Disclosed,
        Some(Evidence::Label),
        Some("sec-model-details-p1"),
    );
}

#[test]
fn a_label_inside_another_fields_section_yields_to_a_heading() {
    // Gemma: "Training Data:" in a list of limitations, and a "Training Dataset" section.
    let content = Doc::new()
        .h(2, "Limitations")
        .li("Training Data: The quality and diversity of the training data influence the model.")
        .h(2, "Training Dataset")
        .p("These models were trained on a dataset of text data.")
        .done();
    let map = disclosure_map(&content);
    check(
        &map,
        "hf-training-details-data",
        Disclosure::Disclosed,
        Some(Evidence::Heading),
        Some("sec-training-dataset-p1"),
    );
    // Without the heading, the label still counts.
    let content = Doc::new()
        .h(2, "Limitations")
        .li("Training Data: The quality and diversity of the training data influence the model.")
        .done();
    let map = disclosure_map(&content);
    check(
        &map,
        "hf-training-details-data",
        Disclosure::Disclosed,
        Some(Evidence::Label),
        Some("sec-limitations-p1"),
    );
}

#[test]
fn table_captions_name_their_table() {
    let mut builder = SourceBuilder::new();
    builder.table(
        Some("Evaluation results of GPT-J 6B (model-index in the card metadata)".into()),
        vec!["task".into(), "dataset".into(), "metric".into(), "value".into()],
        vec![vec!["text-generation".into(), "LAMBADA".into(), "accuracy".into(), "69.7".into()]],
        None,
    );
    let map = disclosure_map(&builder.finish());
    check(&map, "hf-evaluation-results", Disclosure::Disclosed, Some(Evidence::Table), Some("p1"));
    check(&map, "hf-evaluation-metrics", Disclosure::Disclosed, Some(Evidence::Table), Some("p1"));
    assert_eq!(get(&map, "hf-evaluation-metrics").excerpt.as_deref(), Some("metric: accuracy"));
}

#[test]
fn every_placeholder_spelling_is_not_disclosed() {
    for value in [
        "[More Information Needed]",
        "[more information needed].",
        "More information needed",
        "N/A",
        "TBD",
        "TODO",
        "{{ funded_by | default(\"[More Information Needed]\", true)}}",
        "{{ funded_by }}",
        "",
    ] {
        let content = Doc::new().li(&format!("Funded by: {value}")).done();
        let map = disclosure_map(&content);
        check(
            &map,
            "hf-model-details-funded-by",
            Disclosure::NotDisclosed,
            Some(Evidence::Label),
            Some("p1"),
        );
    }
}

#[test]
fn real_content_anywhere_beats_a_placeholder_elsewhere() {
    let content = Doc::new()
        .h(2, "Details")
        .li("License: TBD")
        .h(2, "License")
        .p("Released under the MIT licence.")
        .done();
    let map = disclosure_map(&content);
    check(
        &map,
        "eu-mdf-3-licence",
        Disclosure::Disclosed,
        Some(Evidence::Heading),
        Some("sec-license-p1"),
    );
    // With only placeholders, the first one is cited.
    let content = Doc::new().li("License: TBD").h(2, "License").p("N/A").done();
    let map = disclosure_map(&content);
    check(&map, "eu-mdf-3-licence", Disclosure::NotDisclosed, Some(Evidence::Label), Some("p1"));
}

#[test]
fn labels_win_over_headings_and_headings_over_metadata() {
    let content = Doc::new()
        .meta("license", "mit")
        .h(2, "Licensing")
        .p("Our terms are generous.")
        .p("License: Apache-2.0")
        .done();
    let map = disclosure_map(&content);
    check(
        &map,
        "hf-model-details-license",
        Disclosure::Disclosed,
        Some(Evidence::Label),
        Some("sec-licensing-p2"),
    );
    let content = Doc::new().meta("license", "mit").h(2, "Licensing").p("Our terms.").done();
    let map = disclosure_map(&content);
    check(
        &map,
        "hf-model-details-license",
        Disclosure::Disclosed,
        Some(Evidence::Heading),
        Some("sec-licensing-p1"),
    );
}

#[test]
fn structured_fields_from_ai_boms() {
    let content = Doc::new()
        .h(1, "stable-diffusion")
        .field("modelCard.modelParameters.architectureFamily: latent diffusion")
        .field("ai_energyConsumption: 1200 kWh for training")
        .field("useCases: Text-to-image generation for creative applications")
        .field("task: TBD")
        .p("Task: summarise the paragraph above.")
        .done();
    let map = disclosure_map(&content);
    use Evidence::Field;
    check(
        &map,
        "eu-mdf-2-architecture",
        Disclosure::Disclosed,
        Some(Field),
        Some("sec-stable-diffusion-p1"),
    );
    check(
        &map,
        "eu-mdf-8-energy",
        Disclosure::Disclosed,
        Some(Field),
        Some("sec-stable-diffusion-p2"),
    );
    check(
        &map,
        "eu-mdf-4-intended-uses",
        Disclosure::Disclosed,
        Some(Field),
        Some("sec-stable-diffusion-p3"),
    );
    check(
        &map,
        "hf-uses-direct",
        Disclosure::Disclosed,
        Some(Field),
        Some("sec-stable-diffusion-p3"),
    );
    // A BOM name such as "task" counts only in structured fields, not in prose.
    check(
        &map,
        "hf-model-details-model-type",
        Disclosure::NotDisclosed,
        Some(Field),
        Some("sec-stable-diffusion-p4"),
    );
}

#[test]
fn card_metadata_keys() {
    let content = Doc::new()
        .meta("datasets[0]", "EleutherAI/pile")
        .meta("base_model", "[More Information Needed]")
        .meta("co2_eq_emissions.hardware_used", "8 x A100")
        .meta("model-index", "results for 3 tasks")
        .meta("pipeline_tag", "text-generation")
        .meta("library_name", "")
        .done();
    let map = disclosure_map(&content);
    use Evidence::Metadata;
    check(&map, "hf-training-details-data", Disclosure::Disclosed, Some(Metadata), None);
    assert_eq!(
        get(&map, "hf-training-details-data").excerpt.as_deref(),
        Some("datasets[0]: EleutherAI/pile")
    );
    check(&map, "hf-model-details-finetuned-from", Disclosure::NotDisclosed, Some(Metadata), None);
    check(&map, "eu-mdf-1-dependencies", Disclosure::NotDisclosed, Some(Metadata), None);
    check(
        &map,
        "hf-environmental-impact-hardware-type",
        Disclosure::Disclosed,
        Some(Metadata),
        None,
    );
    check(&map, "hf-evaluation-results", Disclosure::Disclosed, Some(Metadata), None);
    check(&map, "hf-model-details-model-type", Disclosure::Disclosed, Some(Metadata), None);
    check(&map, "eu-mdf-4-software", Disclosure::NotDisclosed, Some(Metadata), None);
    // The built-in metadata counts too.
    let mut builder = SourceBuilder::new();
    builder.metadata().licence = Some("Apache-2.0".into());
    builder.metadata().provider = Some("EleutherAI".into());
    let map = disclosure_map(&builder.finish());
    check(&map, "eu-mdf-3-licence", Disclosure::Disclosed, Some(Metadata), None);
    assert_eq!(
        get(&map, "eu-mdf-1-provider-name").excerpt.as_deref(),
        Some("provider: EleutherAI")
    );
}

fn component(kind: ComponentKind, name: &str) -> BomComponent {
    BomComponent {
        reference: name.to_owned(),
        kind,
        name: name.to_owned(),
        version: None,
        supplier: None,
        licences: Vec::new(),
        description: None,
    }
}

#[test]
fn the_bill_of_materials_itself() {
    let mut model = component(ComponentKind::Model, "gpt-4o");
    model.supplier = Some("OpenAI Inc".into());
    model.version = Some("2024-11".into());
    let mut builder = SourceBuilder::new();
    builder.set_bom(Bom {
        spec: "CycloneDX 1.6".into(),
        components: vec![
            component(ComponentKind::Library, "pytorch"),
            model,
            component(ComponentKind::Dataset, "LAION-2B"),
        ],
        relationships: Vec::new(),
    });
    let map = disclosure_map(&builder.finish());
    let bom = Some(Evidence::Bom);
    check(&map, "eu-mdf-1-provider-name", Disclosure::Disclosed, bom, None);
    assert_eq!(
        get(&map, "eu-mdf-1-provider-name").excerpt.as_deref(),
        Some("Supplier: OpenAI Inc")
    );
    check(&map, "eu-mdf-1-model-name", Disclosure::Disclosed, bom, None);
    assert_eq!(get(&map, "eu-mdf-1-model-name").excerpt.as_deref(), Some("Model: gpt-4o 2024-11"));
    check(&map, "eu-mdf-6-provenance", Disclosure::Disclosed, bom, None);
    // No licence and no description in the BOM: no trace.
    check(&map, "eu-mdf-3-licence", Disclosure::Unknown, None, None);
    check(&map, "hf-model-details-description", Disclosure::Unknown, None, None);
}

#[test]
fn extracted_numbers_outside_tables() {
    let mut content = Doc::new()
        .p("The model has 6.05 billion parameters.")
        .table(&["Model", "Size"], &[&["GPT-3", "175B"]])
        .done();
    let fact = |passage: &str, kind: FactKind| Fact {
        kind,
        value: 6.05e9,
        unit: "parameters".into(),
        text: "6.05 billion".into(),
        sentence: "The model has 6.05 billion parameters.".into(),
        passage: passage.into(),
    };
    content.facts = vec![fact("p2", FactKind::Flops), fact("p1", FactKind::Parameters)];
    let map = disclosure_map(&content);
    check(&map, "eu-mdf-2-parameters", Disclosure::Disclosed, Some(Evidence::Fact), Some("p1"));
    // A number in a table may be another model's: ignored.
    assert_eq!(get(&map, "eu-mdf-7-computation").status, Disclosure::Unknown);
}

#[test]
fn mentions_are_hints_never_disclosures() {
    let content = Doc::new()
        .p("Use the code below to get started with the model.")
        .code("# GPU hours are logged here")
        .p("Training took about 4,000 GPU hours on our cluster, which is a lot.")
        .done();
    let map = disclosure_map(&content);
    let entry = get(&map, "eu-mdf-7-training-time");
    assert_eq!(entry.status, Disclosure::Unknown);
    assert_eq!(entry.evidence, Some(Evidence::Mention));
    assert_eq!(entry.passage.as_deref(), Some("p3"));
    assert!(entry.excerpt.as_deref().is_some_and(|e| e.contains("4,000 GPU hours")));
}

#[test]
fn an_empty_section_is_not_disclosed() {
    let content = Doc::new().h(2, "Glossary").h(2, "Limitations").p("It hallucinates.").done();
    let map = disclosure_map(&content);
    let glossary = get(&map, "hf-glossary");
    assert_eq!(glossary.status, Disclosure::NotDisclosed);
    assert_eq!(glossary.evidence, Some(Evidence::Heading));
    assert_eq!(
        (glossary.passage.as_deref(), glossary.section.as_deref()),
        (None, Some("sec-glossary"))
    );
    check(
        &map,
        "hf-bias-risks-limitations",
        Disclosure::Disclosed,
        Some(Evidence::Heading),
        Some("sec-limitations-p1"),
    );
}

#[test]
fn sections_do_not_borrow_other_fields_subsections() {
    let content = Doc::new()
        .h(2, "Evaluation")
        .h(3, "Testing Data")
        .p("The held-out split of the Pile.")
        .h(3, "Metrics")
        .p("Perplexity and accuracy.")
        .h(2, "Training Procedure")
        .h(3, "Preprocessing")
        .p("Texts were deduplicated.")
        .done();
    let map = disclosure_map(&content);
    // "Evaluation" holds no results of its own, only other fields' subsections.
    check(&map, "hf-evaluation-results", Disclosure::Unknown, None, None);
    check(
        &map,
        "hf-evaluation-testing-data",
        Disclosure::Disclosed,
        Some(Evidence::Heading),
        Some("sec-testing-data-p1"),
    );
    // "Training Procedure" likewise holds only "Preprocessing", another field's place.
    check(&map, "eu-mdf-5-training-design", Disclosure::Unknown, None, None);
    // A heading inside a matching heading: the inner one is the place.
    let content = Doc::new()
        .h(2, "Evaluation")
        .p("We evaluate on five benchmarks.")
        .h(3, "Results")
        .p("[More Information Needed]")
        .done();
    let map = disclosure_map(&content);
    check(
        &map,
        "hf-evaluation-results",
        Disclosure::NotDisclosed,
        Some(Evidence::Heading),
        Some("sec-results-p1"),
    );
}

#[test]
fn subsections_of_the_other_framework_are_not_skipped() {
    // GPT-2: "Datasets" is an EU field's place (data provenance) but holds the test data.
    let content = Doc::new()
        .h(2, "Evaluation Data")
        .h(3, "Datasets")
        .p("This model was trained on (and evaluated against) WebText.")
        .h(3, "Caveats and Recommendations")
        .p("Use with care.")
        .done();
    let map = disclosure_map(&content);
    check(
        &map,
        "hf-evaluation-testing-data",
        Disclosure::Disclosed,
        Some(Evidence::Heading),
        Some("sec-datasets-p1"),
    );
    check(
        &map,
        "eu-mdf-6-provenance",
        Disclosure::Disclosed,
        Some(Evidence::Heading),
        Some("sec-datasets-p1"),
    );
}

#[test]
fn paragraph_labels_keep_their_rank_in_other_fields_sections() {
    // Llama 3.2: "Supported Languages:" in "Model Information", and a benchmark table with a
    // "Language" column further down.
    let content = Doc::new()
        .h(2, "Model Information")
        .p("The Llama 3.2 collection of multilingual large language models.")
        .p("Supported Languages: English, German, French.")
        .h(2, "Multilingual benchmarks")
        .table(&["Benchmark", "Language", "Score"], &[&["MMLU", "Portuguese", "62.1"]])
        .done();
    let map = disclosure_map(&content);
    check(
        &map,
        "hf-model-details-languages",
        Disclosure::Disclosed,
        Some(Evidence::Label),
        Some("sec-model-information-p2"),
    );
}

#[test]
fn headings_match_whole_words_at_the_ends_of_titles_only() {
    let content = Doc::new()
        .h(2, "Misuse, Malicious Use, and Out-of-Scope Use")
        .p("Do not use it to harass people.")
        .h(2, "How training data determines model behavior")
        .p("A research direction.")
        .done();
    let map = disclosure_map(&content);
    check(
        &map,
        "hf-uses-out-of-scope",
        Disclosure::Disclosed,
        Some(Evidence::Heading),
        Some("sec-misuse-malicious-use-and-out-of-scope-use-p1"),
    );
    check(&map, "hf-training-details-data", Disclosure::Unknown, None, None);
}

// ---------------------------------------------------------------- the whole map

#[test]
fn an_empty_source_is_all_unknown_in_field_order() {
    let map = disclosure_map(&SourceContent::default());
    assert_eq!(map.len(), TRANSPARENCY_FIELDS.len());
    for (entry, field) in map.iter().zip(TRANSPARENCY_FIELDS) {
        assert_eq!(entry.field.id, field.id);
        assert_eq!(entry.status, Disclosure::Unknown);
        assert_eq!((entry.evidence, &entry.passage, &entry.excerpt), (None, &None, &None));
    }
    assert_eq!(DisclosureSummary::of(&map).to_string(), "EU form 0/35, Hugging Face card 0/38");
}

#[test]
fn malformed_content_does_not_panic() {
    let mut content = Doc::new().h(1, "Intro").h(2, "License").p("MIT").done();
    content.passages[0].section = Some(99);
    content.sections[0].parent = Some(1); // a cycle
    content.sections[1].parent = Some(0);
    content.tables.push(candor_model::SourceTable {
        id: "t9".into(),
        passage: "missing".into(),
        caption: None,
        header: Vec::new(),
        rows: Vec::new(),
        page: None,
    });
    content.facts.push(Fact {
        kind: FactKind::Parameters,
        value: 1.0,
        unit: "parameters".into(),
        text: "1".into(),
        sentence: String::new(),
        passage: "missing".into(),
    });
    let map = disclosure_map(&content);
    assert_eq!(map.len(), TRANSPARENCY_FIELDS.len());
}

#[test]
fn the_map_is_deterministic() {
    let content = llama_31();
    assert_eq!(disclosure_map(&content), disclosure_map(&content));
}

#[test]
fn excerpts_are_at_most_200_characters() {
    let long = format!("Developed by: {}", "EleutherAI and friends ".repeat(30));
    let map = disclosure_map(&Doc::new().p(&long).done());
    let excerpt = get(&map, "hf-model-details-developed-by").excerpt.clone().expect("excerpt");
    assert!(excerpt.chars().count() <= 200 && excerpt.ends_with('…'), "{excerpt}");
    for entry in disclosure_map(&llama_31()) {
        assert!(entry.excerpt.is_none_or(|e| e.chars().count() <= 200));
    }
}

#[test]
fn summary_counts_per_framework() {
    let map = disclosure_map(&llama_31());
    let summary = DisclosureSummary::of(&map);
    assert_eq!(summary.frameworks.len(), 2);
    for counts in &summary.frameworks {
        let expected = |status| {
            map.iter()
                .filter(|e| e.field.framework == counts.framework && e.status == status)
                .count()
        };
        assert_eq!(counts.disclosed, expected(Disclosure::Disclosed));
        assert_eq!(counts.not_disclosed, expected(Disclosure::NotDisclosed));
        assert_eq!(counts.unknown, expected(Disclosure::Unknown));
    }
    let eu = summary.framework(Framework::EuModelDocumentationForm).expect("eu");
    assert_eq!(eu.total(), 35);
    let hf = summary.framework(Framework::HuggingFaceCard).expect("hf");
    assert_eq!(
        summary.to_string(),
        format!("EU form {}/35, Hugging Face card {}/38", eu.disclosed, hf.disclosed)
    );
    // Only the frameworks present in the map are counted.
    let eu_only: Vec<_> = map
        .into_iter()
        .filter(|e| e.field.framework == Framework::EuModelDocumentationForm)
        .collect();
    assert_eq!(DisclosureSummary::of(&eu_only).frameworks.len(), 1);
    assert_eq!(Disclosure::NotDisclosed.label(), "Not disclosed");
}

#[test]
fn json_shows_the_field_without_matching_knowledge() {
    let map = disclosure_map(&Doc::new().li("Developed by: EleutherAI").done());
    let json = serde_json::to_value(get(&map, "hf-model-details-developed-by")).expect("json");
    assert_eq!(
        json,
        serde_json::json!({
            "field": {
                "id": "hf-model-details-developed-by",
                "framework": "hugging-face-card",
                "number": null,
                "group": "Model details",
                "label": "Who developed it",
            },
            "status": "disclosed",
            "evidence": "label",
            "section": null,
            "passage": "p1",
            "excerpt": "Developed by: EleutherAI",
        })
    );
    let summary = serde_json::to_value(DisclosureSummary::of(&map)).expect("json");
    assert_eq!(summary["frameworks"][0]["framework"], "eu-model-documentation-form");
}
