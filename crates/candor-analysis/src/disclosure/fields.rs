//! The transparency fields Candor maps sources onto, with what each looks like in a source.
//!
//! Two frameworks, from `shared/reference/transparency-fields.md`:
//! - the EU GPAI Code of Practice, Transparency chapter, Model Documentation Form (Measure 1.1):
//!   items 1–8 and their listed sub-points, with the official item number;
//! - the Hugging Face model card template (`huggingface_hub`): its sections and the
//!   "Model Details" / "Environmental Impact" sub-fields.
//!
//! Matching knowledge is written already normalised (lowercase words separated by one space,
//! see `text::norm`); metadata keys are lowercase with `_` (see `text::metadata_key`). A unit
//! test checks both.

use candor_model::FactKind;
use serde::Serialize;

/// A published list of what AI documentation should disclose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Framework {
    /// EU GPAI Code of Practice, Transparency chapter: the Model Documentation Form.
    EuModelDocumentationForm,
    /// The Hugging Face model card template.
    HuggingFaceCard,
}

impl Framework {
    /// Every framework, in the order of [`TRANSPARENCY_FIELDS`].
    pub const ALL: [Framework; 2] =
        [Framework::EuModelDocumentationForm, Framework::HuggingFaceCard];

    /// A stable id for files and scripts.
    pub fn id(self) -> &'static str {
        match self {
            Framework::EuModelDocumentationForm => "eu-model-documentation-form",
            Framework::HuggingFaceCard => "hugging-face-card",
        }
    }

    /// The full name, for headings.
    pub fn name(self) -> &'static str {
        match self {
            Framework::EuModelDocumentationForm => {
                "EU Model Documentation Form (GPAI Code of Practice)"
            }
            Framework::HuggingFaceCard => "Hugging Face model card",
        }
    }

    /// A short name, for one-line summaries.
    pub fn short_name(self) -> &'static str {
        match self {
            Framework::EuModelDocumentationForm => "EU form",
            Framework::HuggingFaceCard => "Hugging Face card",
        }
    }
}

/// Something an AI bill of materials (`SourceContent::bom`) can say about the model itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BomSignal {
    /// The name (and version) of the first model component.
    ModelName,
    /// The supplier of the first model component.
    ModelSupplier,
    /// The licences of the first model component.
    ModelLicence,
    /// The description of the first model component.
    ModelDescription,
    /// The dataset components.
    Datasets,
}

/// One field of a transparency framework, with what it looks like in a source.
///
/// Only `id`, `framework`, `number`, `group` and `label` are serialised; the matching
/// knowledge is Candor's own and may change between versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransparencyField {
    /// Stable id, e.g. `eu-mdf-2-parameters`, `hf-uses-out-of-scope`.
    pub id: &'static str,
    pub framework: Framework,
    /// The official item number (EU form: "1" to "8"); the Hugging Face template has none.
    pub number: Option<&'static str>,
    /// The item or section the field belongs to, e.g. "Model properties".
    pub group: &'static str,
    /// What the field asks for, in plain words.
    pub label: &'static str,
    /// Section titles that are this field's place (normalised). Multi-word entries also match
    /// at the start or end of a longer title ("Intended Use and Limitations").
    #[serde(skip)]
    pub headings: &'static [&'static str],
    /// "Label: value" prefixes (normalised), as in `- **Developed by:** …`; also used as
    /// section titles, table column or row headers and structured-field names.
    #[serde(skip)]
    pub labels: &'static [&'static str],
    /// Card-metadata keys (`SourceMetadata::extra`, and `provider`, `model`, `version`,
    /// `licence` for the built-in metadata), lowercase with `_`.
    #[serde(skip)]
    pub metadata_keys: &'static [&'static str],
    /// CycloneDX / SPDX field names (normalised: `architectureFamily` -> "architecture
    /// family", `ai_energyConsumption` -> "energy consumption"), matched against passages of
    /// kind `Field` only.
    #[serde(skip)]
    pub bom_fields: &'static [&'static str],
    /// What the bill of materials itself can show.
    #[serde(skip)]
    pub bom: &'static [BomSignal],
    /// Kinds of extracted numbers that disclose this field.
    #[serde(skip)]
    pub facts: &'static [FactKind],
    /// Phrases (normalised) that hint at the field in running text. Weak: never enough to
    /// count the field as disclosed.
    #[serde(skip)]
    pub mentions: &'static [&'static str],
}

/// The field with this id.
pub fn transparency_field(id: &str) -> Option<&'static TransparencyField> {
    TRANSPARENCY_FIELDS.iter().find(|f| f.id == id)
}

const fn eu(
    id: &'static str,
    number: &'static str,
    group: &'static str,
    label: &'static str,
) -> TransparencyField {
    TransparencyField {
        id,
        framework: Framework::EuModelDocumentationForm,
        number: Some(number),
        group,
        label,
        headings: &[],
        labels: &[],
        metadata_keys: &[],
        bom_fields: &[],
        bom: &[],
        facts: &[],
        mentions: &[],
    }
}

const fn hf(id: &'static str, group: &'static str, label: &'static str) -> TransparencyField {
    TransparencyField {
        framework: Framework::HuggingFaceCard,
        number: None,
        ..eu(id, "", group, label)
    }
}

impl TransparencyField {
    const fn headings(mut self, headings: &'static [&'static str]) -> Self {
        self.headings = headings;
        self
    }
    const fn labels(mut self, labels: &'static [&'static str]) -> Self {
        self.labels = labels;
        self
    }
    const fn metadata(mut self, keys: &'static [&'static str]) -> Self {
        self.metadata_keys = keys;
        self
    }
    const fn bom_fields(mut self, fields: &'static [&'static str]) -> Self {
        self.bom_fields = fields;
        self
    }
    const fn bom(mut self, signals: &'static [BomSignal]) -> Self {
        self.bom = signals;
        self
    }
    const fn facts(mut self, kinds: &'static [FactKind]) -> Self {
        self.facts = kinds;
        self
    }
    const fn mentions(mut self, phrases: &'static [&'static str]) -> Self {
        self.mentions = phrases;
        self
    }
}

const EU1: &str = "General information";
const EU2: &str = "Model properties";
const EU3: &str = "Methods of distribution and licences";
const EU4: &str = "Use";
const EU5: &str = "Training process";
const EU6: &str = "Data for training, testing and validation";
const EU7: &str = "Computational resources used in training";
const EU8: &str = "Energy consumption in training and inference";

const LICENCE_LABELS: &[&str] = &[
    "license",
    "licence",
    "licenses",
    "licences",
    "license name",
    "model license",
    "model licence",
    "licensing",
    "terms of use",
    "license link",
];
const LICENCE_HEADINGS: &[&str] =
    &["license", "licence", "licensing", "model license", "terms of use"];
const LICENCE_METADATA: &[&str] = &["licence", "license", "license_name", "license_link"];
const LICENCE_BOM_FIELDS: &[&str] =
    &["license", "licenses", "licence", "declared license", "concluded license"];
const LICENCE_MENTIONS: &[&str] =
    &["licensed under", "license agreement", "community license", "released under"];

const BASE_MODEL_LABELS: &[&str] = &[
    "base model",
    "finetuned from model",
    "finetuned from",
    "fine tuned from",
    "fine tuned from model",
    "parent model",
];
const BASE_MODEL_MENTIONS: &[&str] =
    &["base model", "fine tuned from", "finetuned from", "fine tuned version of", "derived from"];

const USE_GUIDE_HEADINGS: &[&str] = &[
    "how to get started with the model",
    "how to get started",
    "how to use",
    "usage",
    "quickstart",
    "quick start",
    "getting started",
    "use with transformers",
    "sample inference code",
    "using the model",
];

/// Every field, EU form first (in official order), then the Hugging Face card (in template
/// order). The disclosure map follows this order.
pub static TRANSPARENCY_FIELDS: &[TransparencyField] = &[
    // ---- EU Model Documentation Form, item 1: general information
    eu("eu-mdf-1-provider-name", "1", EU1, "Legal name of the provider")
        .labels(&[
            "provider",
            "model provider",
            "provided by",
            "developed by",
            "model developer",
            "model developers",
            "organization",
            "organisation",
            "company",
            "supplier",
            "supplied by",
            "manufacturer",
        ])
        .metadata(&["provider"])
        .bom_fields(&["supplier", "supplied by", "manufacturer"])
        .bom(&[BomSignal::ModelSupplier])
        .mentions(&["developed by", "created by"]),
    eu("eu-mdf-1-model-name", "1", EU1, "Model name, model family and versions")
        .headings(&["model version", "model versions", "model variants", "model family"])
        .labels(&[
            "model name",
            "model id",
            "model identifier",
            "model family",
            "model version",
            "version",
            "versions",
            "variations",
            "model variants",
            "variants",
        ])
        .metadata(&["model", "model_name", "model_id", "version"])
        .bom_fields(&["package version", "model version"])
        .bom(&[BomSignal::ModelName]),
    eu(
        "eu-mdf-1-authenticity",
        "1",
        EU1,
        "Proof the model is genuine (secure hash or official endpoint)",
    )
    .labels(&[
        "hash",
        "hashes",
        "checksum",
        "checksums",
        "sha256",
        "sha 256",
        "model hash",
        "authenticity",
        "model authenticity",
        "official endpoint",
        "api endpoint",
    ])
    .bom_fields(&["hashes", "hash", "verified using"])
    .mentions(&["sha256", "sha 256", "checksum", "secure hash"]),
    eu("eu-mdf-1-release-date", "1", EU1, "Release date")
        .headings(&["release date", "model date"])
        .labels(&[
            "release date",
            "model release date",
            "release dates",
            "release date estimate",
            "date released",
            "model date",
            "publication date",
            "release time",
        ])
        .metadata(&["release_date"])
        .bom_fields(&["release time", "release date"])
        .mentions(&["released on", "release date"]),
    eu("eu-mdf-1-eu-release-date", "1", EU1, "Date of release on the EU market")
        .labels(&[
            "eu release date",
            "union market release date",
            "eu market release date",
            "release date in the eu",
            "eu availability",
        ])
        .mentions(&["union market", "eu market", "european market", "european union"]),
    eu(
        "eu-mdf-1-dependencies",
        "1",
        EU1,
        "Models it is built on (base model, if fine-tuned or derived)",
    )
    .headings(&["base model", "model dependencies"])
    .labels(BASE_MODEL_LABELS)
    .metadata(&["base_model"])
    .bom_fields(&["base model"])
    .mentions(BASE_MODEL_MENTIONS),
    // ---- item 2: model properties
    eu("eu-mdf-2-architecture", "2", EU2, "Architecture, in short")
        .headings(&["model architecture", "architecture", "model architecture and objective"])
        .labels(&[
            "architecture",
            "model architecture",
            "architecture family",
            "network architecture",
        ])
        .bom_fields(&["model architecture", "architecture family", "type of model"])
        .mentions(&["transformer architecture", "decoder only", "mixture of experts"]),
    eu(
        "eu-mdf-2-design-specification",
        "2",
        EU2,
        "Design of the model, with the reasons and assumptions behind it",
    )
    .headings(&["model design", "design", "design specification", "design choices"])
    .labels(&[
        "design specification",
        "model design",
        "design choices",
        "design decisions",
        "design rationale",
        "key design decisions",
    ])
    .mentions(&["design choice", "design choices", "design decision"]),
    eu("eu-mdf-2-input", "2", EU2, "What it takes as input (text, images…) and the largest input")
        .headings(&["inputs and outputs", "input and output", "input", "inputs", "context length"])
        .labels(&[
            "input",
            "inputs",
            "input modalities",
            "input modality",
            "input format",
            "input type",
            "input types",
            "context length",
            "context window",
            "max input length",
            "maximum input size",
            "max sequence length",
            "sequence length",
            "n ctx",
        ])
        .bom_fields(&["inputs", "input"])
        .mentions(&["context length", "context window", "input modalities", "maximum input"]),
    eu("eu-mdf-2-output", "2", EU2, "What it produces as output and the largest output")
        .headings(&["inputs and outputs", "input and output", "output", "outputs"])
        .labels(&[
            "output",
            "outputs",
            "output modalities",
            "output modality",
            "output format",
            "output type",
            "output types",
            "max output length",
            "maximum output size",
            "max new tokens",
            "maximum output tokens",
        ])
        .bom_fields(&["outputs", "output"])
        .mentions(&["output modalities", "maximum output"]),
    eu("eu-mdf-2-parameters", "2", EU2, "Total number of parameters")
        .headings(&["model size", "parameters", "number of parameters", "parameter count"])
        .labels(&[
            "parameters",
            "params",
            "number of parameters",
            "parameter count",
            "total parameters",
            "model size",
            "n parameters",
            "parameter size",
        ])
        .bom_fields(&["parameters", "parameter count"])
        .facts(&[FactKind::Parameters])
        .mentions(&[
            "billion parameters",
            "million parameters",
            "billion parameter",
            "parameter count",
            "number of parameters",
            "trainable parameters",
        ]),
    // ---- item 3: methods of distribution and licences
    eu("eu-mdf-3-distribution-channels", "3", EU3, "Where and how the model is made available")
        .headings(&[
            "availability",
            "distribution",
            "model access",
            "access",
            "download",
            "downloads",
            "how to access",
        ])
        .labels(&[
            "distribution",
            "distribution channels",
            "distribution channel",
            "availability",
            "download",
            "download location",
            "downloads",
            "model page",
            "model access",
            "access",
        ])
        .bom_fields(&["download location", "distribution"])
        .mentions(&[
            "hugging face hub",
            "available on hugging face",
            "available through",
            "api access",
        ]),
    eu("eu-mdf-3-licence", "3", EU3, "Licence")
        .headings(LICENCE_HEADINGS)
        .labels(LICENCE_LABELS)
        .metadata(LICENCE_METADATA)
        .bom_fields(LICENCE_BOM_FIELDS)
        .bom(&[BomSignal::ModelLicence])
        .mentions(LICENCE_MENTIONS),
    eu(
        "eu-mdf-3-other-assets",
        "3",
        EU3,
        "Other material made available with it (code, data, weights)",
    )
    .headings(&[
        "resources",
        "checkpoints",
        "model checkpoints",
        "released assets",
        "assets",
        "artifacts",
    ])
    .labels(&[
        "resources",
        "resources and technical documentation",
        "additional resources",
        "other assets",
        "released assets",
        "model weights",
        "weights",
        "checkpoints",
    ])
    .mentions(&["we release", "we are also releasing", "open weights", "checkpoints"]),
    // ---- item 4: use
    eu("eu-mdf-4-acceptable-use-policy", "4", EU4, "Acceptable use policy")
        .headings(&[
            "acceptable use policy",
            "acceptable use",
            "use policy",
            "usage policy",
            "usage policies",
        ])
        .labels(&[
            "acceptable use policy",
            "use policy",
            "usage policy",
            "aup",
            "prohibited use policy",
        ])
        .mentions(&["acceptable use policy", "usage policy", "use policy"]),
    eu("eu-mdf-4-intended-uses", "4", EU4, "Intended uses, and restricted or prohibited uses")
        .headings(&[
            "uses",
            "intended use",
            "intended uses",
            "intended usage",
            "use cases",
            "direct use",
            "out of scope use",
            "out of scope uses",
            "primary intended uses",
            "out of scope use cases",
            "prohibited uses",
        ])
        .labels(&[
            "intended use",
            "intended uses",
            "intended use cases",
            "primary intended uses",
            "primary use cases",
            "use cases",
            "intended usage",
            "direct use",
            "out of scope",
            "out of scope use",
            "out of scope uses",
            "prohibited uses",
            "restricted uses",
        ])
        .bom_fields(&["use cases", "domain"])
        .mentions(&["intended for", "not intended for", "should not be used"]),
    eu("eu-mdf-4-integration-systems", "4", EU4, "Kinds of AI systems it can be built into")
        .headings(&[
            "downstream use",
            "downstream uses",
            "integration",
            "ai systems",
            "downstream applications",
        ])
        .labels(&[
            "ai system integration",
            "integration",
            "type of ai systems",
            "types of ai systems",
            "downstream applications",
            "downstream use",
        ])
        .bom_fields(&["information about application"])
        .mentions(&["integrated into", "building block", "ai systems"]),
    eu(
        "eu-mdf-4-integration-means",
        "4",
        EU4,
        "Technical means to build it in (APIs, code, instructions)",
    )
    .headings(USE_GUIDE_HEADINGS)
    .labels(&[
        "api",
        "apis",
        "sdk",
        "how to use",
        "usage",
        "getting started",
        "integration instructions",
        "inference code",
    ])
    .mentions(&["pip install", "inference api", "rest api", "api endpoint"]),
    eu("eu-mdf-4-hardware", "4", EU4, "Hardware needed to run it")
        .headings(&[
            "hardware requirements",
            "system requirements",
            "required hardware",
            "minimum requirements",
        ])
        .labels(&[
            "hardware requirements",
            "required hardware",
            "minimum hardware",
            "system requirements",
            "recommended hardware",
            "gpu requirements",
            "memory requirements",
        ])
        .mentions(&["gpu memory", "vram", "requires a gpu", "single gpu", "gb of memory"]),
    eu("eu-mdf-4-software", "4", EU4, "Software needed to run it")
        .headings(&[
            "software requirements",
            "requirements",
            "dependencies",
            "required software",
            "installation",
        ])
        .labels(&[
            "software requirements",
            "required software",
            "dependencies",
            "library",
            "library name",
            "libraries",
            "framework",
        ])
        .metadata(&["library_name"])
        .mentions(&["pip install", "transformers library", "requires transformers"]),
    // ---- item 5: training process
    eu("eu-mdf-5-training-design", "5", EU5, "How the model was trained")
        .headings(&[
            "training procedure",
            "training process",
            "training",
            "training method",
            "training methodology",
            "pre training",
            "pretraining",
            "post training",
            "training details",
            "training hyperparameters",
            "hyperparameters",
        ])
        .labels(&[
            "training procedure",
            "training process",
            "training method",
            "training methodology",
            "training regime",
            "training approach",
            "training objective",
            "objective function",
        ])
        .bom_fields(&["approach", "information about training"])
        .mentions(&[
            "supervised fine tuning",
            "reinforcement learning from human feedback",
            "rlhf",
            "direct preference optimization",
            "pretrained on",
            "trained using",
        ]),
    eu("eu-mdf-5-decision-rationale", "5", EU5, "Reasons for the main training decisions")
        .headings(&["rationale", "training rationale", "design decisions"])
        .labels(&["rationale", "design rationale", "training rationale", "key decisions"])
        .mentions(&["we chose", "we decided to", "rationale"]),
    // ---- item 6: data for training, testing and validation
    eu("eu-mdf-6-data-type", "6", EU6, "Type of data (text, images, audio…)")
        .headings(&["data type", "data types", "data modalities"])
        .labels(&[
            "data type",
            "data types",
            "type of data",
            "data modality",
            "data modalities",
            "modality",
            "modalities",
        ])
        .mentions(&["text data", "image data", "audio data", "video data", "image text pairs"]),
    eu("eu-mdf-6-provenance", "6", EU6, "Where the data came from")
        .headings(&[
            "training data",
            "training dataset",
            "training datasets",
            "data sources",
            "data provenance",
            "pretraining data",
            "model data",
            "datasets",
            "dataset",
            "evaluation data",
            "testing data",
        ])
        .labels(&[
            "training data",
            "training dataset",
            "training datasets",
            "pretraining data",
            "fine tuning data",
            "datasets",
            "dataset",
            "data sources",
            "data source",
            "source of data",
            "data provenance",
            "provenance",
        ])
        .metadata(&["datasets"])
        .bom_fields(&["datasets", "dataset", "trained on", "tested on"])
        .bom(&[BomSignal::Datasets])
        .mentions(&[
            "publicly available sources",
            "publicly available data",
            "common crawl",
            "licensed data",
            "synthetic data",
        ]),
    eu("eu-mdf-6-collection", "6", EU6, "How the data was obtained and selected")
        .headings(&[
            "data collection",
            "dataset creation",
            "data acquisition",
            "collection process",
            "data selection",
        ])
        .labels(&[
            "data collection",
            "collection process",
            "collection method",
            "data selection",
            "data acquisition",
            "dataset creation",
        ])
        .mentions(&["crawled", "scraped", "web crawl", "data was collected", "were collected"]),
    eu("eu-mdf-6-data-points", "6", EU6, "Amount of data (number of data points)")
        .headings(&["dataset size", "data size", "training data size"])
        .labels(&[
            "token count",
            "number of tokens",
            "dataset size",
            "data size",
            "training tokens",
            "number of examples",
            "number of data points",
            "data points",
            "size of dataset",
        ])
        .mentions(&[
            "trillion tokens",
            "billion tokens",
            "million tokens",
            "data points",
            "training examples",
        ]),
    eu("eu-mdf-6-scope", "6", EU6, "Scope and main characteristics of the data")
        .headings(&[
            "data characteristics",
            "dataset composition",
            "data composition",
            "dataset description",
            "data statistics",
            "dataset statistics",
        ])
        .labels(&[
            "data characteristics",
            "data composition",
            "dataset composition",
            "data description",
            "dataset description",
        ])
        .mentions(&["data mix", "data mixture", "composition of the"]),
    eu("eu-mdf-6-acquisition-date", "6", EU6, "Latest date the data was collected")
        .headings(&["data freshness", "knowledge cutoff"])
        .labels(&[
            "knowledge cutoff",
            "knowledge cutoff date",
            "data freshness",
            "cutoff date",
            "data cutoff",
            "training data cutoff",
            "latest acquisition date",
            "cutoff",
        ])
        .mentions(&[
            "knowledge cutoff",
            "data cutoff",
            "cutoff date",
            "cutoff of",
            "training cutoff",
        ]),
    eu("eu-mdf-6-curation", "6", EU6, "How the data was cleaned and prepared")
        .headings(&[
            "preprocessing",
            "data preprocessing",
            "data processing",
            "data curation",
            "data cleaning",
            "data filtering",
            "filtering",
            "deduplication",
        ])
        .labels(&[
            "data preprocessing",
            "preprocessing",
            "pre processing",
            "data processing",
            "data curation",
            "curation",
            "data cleaning",
            "filtering",
            "data filtering",
        ])
        .bom_fields(&["model data preprocessing", "data preprocessing", "preprocessing"])
        .mentions(&["deduplicated", "deduplication", "quality filtering", "data cleaning"]),
    eu(
        "eu-mdf-6-unsuitable-data-and-bias",
        "6",
        EU6,
        "Checks for unsuitable data sources and for bias in the data",
    )
    .headings(&["data bias", "bias in training data", "sensitive data", "data safety"])
    .labels(&[
        "csam filtering",
        "sensitive data filtering",
        "personal data filtering",
        "pii filtering",
        "toxicity filtering",
        "bias analysis",
        "data bias",
    ])
    .mentions(&[
        "csam",
        "child sexual abuse material",
        "personally identifiable information",
        "sensitive data",
    ]),
    // ---- item 7: computational resources used in training
    eu("eu-mdf-7-training-time", "7", EU7, "Training time")
        .headings(&["training time"])
        .labels(&[
            "training time",
            "training duration",
            "training hours",
            "gpu hours",
            "hours used",
        ])
        .mentions(&[
            "gpu hours",
            "tpu hours",
            "training time",
            "days of training",
            "weeks of training",
        ]),
    eu("eu-mdf-7-computation", "7", EU7, "Amount of computing used for training")
        .headings(&["training compute", "computational resources", "compute resources"])
        .labels(&[
            "training compute",
            "amount of compute",
            "flops",
            "training flops",
            "total compute",
            "computation",
            "compute budget",
            "petaflop days",
            "gpu hours",
        ])
        .facts(&[FactKind::Flops])
        .mentions(&["flops", "flop", "petaflop", "gpu hours", "tpu hours", "compute budget"]),
    eu("eu-mdf-7-measurement", "7", EU7, "How the amount of computing was measured or estimated")
        .headings(&["compute methodology", "compute estimation"])
        .labels(&["compute methodology", "compute measurement", "compute estimation"])
        .mentions(&["estimated using", "measured using", "calculated as"]),
    // ---- item 8: energy consumption in training and inference
    eu("eu-mdf-8-energy", "8", EU8, "Energy used in training and in use (measured or estimated)")
        .headings(&[
            "energy consumption",
            "energy use",
            "energy",
            "training energy use",
            "energy usage",
        ])
        .labels(&[
            "energy consumption",
            "energy use",
            "training energy use",
            "energy",
            "energy usage",
            "electricity usage",
            "estimated electricity usage",
            "electricity use",
        ])
        .bom_fields(&[
            "energy consumption",
            "energy consumptions",
            "energy quantity",
            "activity energy cost",
        ])
        .facts(&[FactKind::Energy])
        .mentions(&["kwh", "mwh", "gwh", "energy consumption", "energy use", "electricity"]),
    eu("eu-mdf-8-energy-method", "8", EU8, "How the energy use was measured or estimated")
        .headings(&["energy methodology"])
        .labels(&["energy methodology", "energy measurement", "energy estimation method"])
        .mentions(&[
            "machine learning impact calculator",
            "mlco2",
            "methodology used to determine",
            "codecarbon",
            "carbontracker",
        ]),
    // ---- Hugging Face model card: Model Details
    hf("hf-model-details-description", "Model details", "Model description")
        .headings(&[
            "model description",
            "description",
            "model summary",
            "summary",
            "model overview",
            "introduction",
            "model information",
            "model details",
        ])
        .labels(&["model description", "description", "model summary", "summary"])
        .bom_fields(&["description"])
        .bom(&[BomSignal::ModelDescription]),
    hf("hf-model-details-developed-by", "Model details", "Who developed it")
        .labels(&["developed by", "model developer", "model developers", "authors"])
        .metadata(&["provider"])
        .bom_fields(&["manufacturer", "authors", "author", "originated by"])
        .mentions(&["developed by", "created by"]),
    hf("hf-model-details-funded-by", "Model details", "Who funded it")
        .headings(&["funding", "funders"])
        .labels(&["funded by", "funding", "funders", "sponsor", "sponsored by", "funding sources"])
        .mentions(&["funded by", "sponsored by", "funding from"]),
    hf("hf-model-details-shared-by", "Model details", "Who shared it")
        .labels(&["shared by", "published by", "publisher", "uploaded by"])
        .bom_fields(&["publisher"]),
    hf("hf-model-details-model-type", "Model details", "Model type")
        .headings(&["model type"])
        .labels(&["model type", "type of model", "model category"])
        .metadata(&["pipeline_tag"])
        .bom_fields(&["task", "type of model"]),
    hf("hf-model-details-languages", "Model details", "Languages")
        .headings(&["languages", "language", "supported languages"])
        .labels(&["language", "languages", "supported languages"])
        .metadata(&["language"])
        .mentions(&["supported languages", "multilingual", "english only", "english language"]),
    hf("hf-model-details-license", "Model details", "Licence")
        .headings(LICENCE_HEADINGS)
        .labels(LICENCE_LABELS)
        .metadata(LICENCE_METADATA)
        .bom_fields(LICENCE_BOM_FIELDS)
        .bom(&[BomSignal::ModelLicence])
        .mentions(LICENCE_MENTIONS),
    hf("hf-model-details-finetuned-from", "Model details", "Model it was fine-tuned from")
        .labels(BASE_MODEL_LABELS)
        .metadata(&["base_model"])
        .bom_fields(&["base model"])
        .mentions(BASE_MODEL_MENTIONS),
    // ---- Model Sources
    hf("hf-model-sources-repository", "Model sources", "Code repository")
        .headings(&["repository", "source code"])
        .labels(&[
            "repository",
            "repo",
            "github",
            "github repository",
            "source code",
            "code repository",
        ])
        .bom_fields(&["vcs", "repository"]),
    hf("hf-model-sources-paper", "Model sources", "Paper or report")
        .headings(&[
            "paper",
            "paper or other resource for more information",
            "technical report",
            "research paper",
            "publications",
        ])
        .labels(&[
            "paper",
            "research paper",
            "technical report",
            "paper or other resource for more information",
            "report",
        ])
        .mentions(&["technical report", "arxiv"]),
    hf("hf-model-sources-demo", "Model sources", "Demo")
        .headings(&["demo"])
        .labels(&["demo", "try it", "playground", "live demo", "web demo"])
        .mentions(&["demo"]),
    // ---- Uses
    hf("hf-uses-direct", "Uses", "Direct use")
        .headings(&[
            "direct use",
            "intended use",
            "intended uses",
            "intended usage",
            "primary intended uses",
            "use cases",
            "primary use cases",
        ])
        .labels(&[
            "direct use",
            "intended use",
            "intended uses",
            "intended use cases",
            "primary intended uses",
            "primary use cases",
            "primary uses",
            "use cases",
            "intended usage",
        ])
        .bom_fields(&["use cases"]),
    hf("hf-uses-downstream", "Uses", "Downstream use (fine-tuned or built into an app)")
        .headings(&["downstream use", "downstream uses", "secondary uses"])
        .labels(&["downstream use", "downstream uses", "secondary uses", "secondary use"]),
    hf("hf-uses-out-of-scope", "Uses", "Out-of-scope use and misuse")
        .headings(&[
            "out of scope use",
            "out of scope uses",
            "out of scope use cases",
            "misuse",
            "misuse and malicious use",
            "misuse and out of scope use",
            "prohibited uses",
            "restricted uses",
        ])
        .labels(&[
            "out of scope",
            "out of scope use",
            "out of scope uses",
            "out of scope use cases",
            "misuse",
            "prohibited uses",
        ])
        .mentions(&["should not be used", "not intended for", "not suitable for"]),
    // ---- Bias, Risks, and Limitations
    hf("hf-bias-risks-limitations", "Bias, risks and limitations", "Bias, risks and limitations")
        .headings(&[
            "bias risks and limitations",
            "limitations",
            "limitations and biases",
            "limitations and bias",
            "bias",
            "biases",
            "risks",
            "risks and limitations",
            "known limitations",
            "ethical considerations",
            "ethical considerations and limitations",
            "ethical considerations and risks",
            "responsible ai considerations",
            "ethics and safety",
            "responsibility safety",
        ])
        .labels(&[
            "limitations",
            "known limitations",
            "risks",
            "bias",
            "biases",
            "limitations and biases",
            "risks and limitations",
            "ethical considerations",
        ])
        .bom_fields(&[
            "technical limitations",
            "performance tradeoffs",
            "ethical considerations",
            "fairness assessments",
            "limitation",
            "safety risk assessment",
        ]),
    hf(
        "hf-bias-risks-limitations-recommendations",
        "Bias, risks and limitations",
        "Recommendations to users",
    )
    .headings(&["recommendations", "caveats and recommendations", "recommendations for use"])
    .labels(&["recommendations", "recommendation", "caveats and recommendations"])
    .bom_fields(&["mitigation strategy"]),
    // ---- How to Get Started
    hf("hf-how-to-get-started", "How to get started", "How to get started with the model")
        .headings(USE_GUIDE_HEADINGS)
        .labels(&["how to use", "usage", "getting started", "quickstart", "quick start"]),
    // ---- Training Details
    hf("hf-training-details-data", "Training details", "Training data")
        .headings(&[
            "training data",
            "training dataset",
            "training datasets",
            "pretraining data",
            "training corpus",
            "model data",
        ])
        .labels(&[
            "training data",
            "training dataset",
            "training datasets",
            "pretraining data",
            "training corpus",
        ])
        .metadata(&["datasets"])
        .bom_fields(&["datasets", "trained on"]),
    hf("hf-training-details-preprocessing", "Training details", "Data preparation (preprocessing)")
        .headings(&[
            "preprocessing",
            "data preprocessing",
            "pre processing",
            "tokenization",
            "data processing",
        ])
        .labels(&["preprocessing", "pre processing", "data preprocessing", "tokenization"])
        .bom_fields(&["model data preprocessing", "preprocessing"]),
    hf(
        "hf-training-details-hyperparameters",
        "Training details",
        "Training settings (hyperparameters)",
    )
    .headings(&[
        "training hyperparameters",
        "hyperparameters",
        "training configuration",
        "training setup",
    ])
    .labels(&[
        "training regime",
        "hyperparameters",
        "training hyperparameters",
        "learning rate",
        "batch size",
        "optimizer",
    ])
    .bom_fields(&["hyperparameter", "hyperparameters"]),
    hf(
        "hf-training-details-speeds-sizes-times",
        "Training details",
        "Training speed, size and duration",
    )
    .headings(&["speeds sizes times", "training speed", "throughput"])
    .labels(&[
        "speeds sizes times",
        "throughput",
        "training throughput",
        "checkpoint size",
        "training duration",
    ])
    .mentions(&["tokens per second", "checkpoint size"]),
    // ---- Evaluation
    hf("hf-evaluation-testing-data", "Evaluation", "Test data")
        .headings(&[
            "testing data",
            "test data",
            "evaluation data",
            "evaluation datasets",
            "evaluation dataset",
        ])
        .labels(&[
            "testing data",
            "test data",
            "evaluation data",
            "evaluation datasets",
            "evaluation dataset",
            "test set",
        ])
        .bom_fields(&["tested on"]),
    hf("hf-evaluation-factors", "Evaluation", "What results are broken down by (factors)")
        .headings(&["factors", "evaluation factors"])
        .labels(&["factors", "evaluation factors", "relevant factors"])
        .bom_fields(&["slice"]),
    hf("hf-evaluation-metrics", "Evaluation", "Measures used (metrics)")
        .headings(&["metrics", "evaluation metrics"])
        .labels(&["metrics", "metric", "evaluation metrics"])
        .metadata(&["metrics"])
        .bom_fields(&["metric", "metric decision threshold"]),
    hf("hf-evaluation-results", "Evaluation", "Evaluation results")
        .headings(&[
            "results",
            "evaluation results",
            "benchmark results",
            "benchmark scores",
            "benchmarks",
            "evaluation",
            "performance",
            "initial results",
        ])
        .labels(&["results", "evaluation results", "benchmark results", "benchmark scores"])
        .metadata(&["model_index"])
        .bom_fields(&["performance metrics", "quantitative analysis", "metric"]),
    // ---- Model Examination
    hf("hf-model-examination", "Model examination", "Model examination (how it works inside)")
        .headings(&["model examination", "interpretability", "explainability"])
        .labels(&[
            "model examination",
            "interpretability",
            "explainability",
            "model explainability",
        ])
        .bom_fields(&["model explainability"]),
    // ---- Environmental Impact
    hf(
        "hf-environmental-impact-hardware-type",
        "Environmental impact",
        "Hardware used for training",
    )
    .headings(&["hardware", "training hardware"])
    .labels(&[
        "hardware type",
        "hardware",
        "gpus",
        "gpu type",
        "hardware used",
        "training hardware",
        "tpus",
        "accelerators",
    ])
    .metadata(&["co2_eq_emissions.hardware_used"]),
    hf("hf-environmental-impact-hours-used", "Environmental impact", "Hours of computing used")
        .labels(&["hours used", "gpu hours", "training hours", "compute hours", "training time"])
        .mentions(&["gpu hours", "tpu hours"]),
    hf("hf-environmental-impact-cloud-provider", "Environmental impact", "Cloud provider")
        .labels(&["cloud provider", "cloud platform"])
        .metadata(&["co2_eq_emissions.cloud_provider"])
        .mentions(&["google cloud", "amazon web services", "microsoft azure", "aws"]),
    hf(
        "hf-environmental-impact-compute-region",
        "Environmental impact",
        "Where the computing took place",
    )
    .labels(&[
        "compute region",
        "region",
        "cloud region",
        "training location",
        "geographical location",
        "data center location",
    ])
    .metadata(&["co2_eq_emissions.geographical_location"]),
    hf("hf-environmental-impact-carbon-emitted", "Environmental impact", "Carbon emitted")
        .headings(&["carbon emissions", "carbon footprint", "co2 emissions"])
        .labels(&[
            "carbon emitted",
            "carbon emissions",
            "estimated carbon emissions",
            "co2 emissions",
            "co2 emitted",
            "carbon footprint",
            "estimated emissions",
            "emissions",
            "greenhouse gas emissions",
            "training greenhouse gas emissions",
            "co2 emissions during pretraining",
            "co2 emissions during pre training",
        ])
        .metadata(&["co2_eq_emissions", "co2_eq_emissions.emissions"])
        .bom_fields(&["co2 cost equivalent", "co2 emissions"])
        .facts(&[FactKind::Co2e])
        .mentions(&[
            "tco2eq",
            "tco2e",
            "co2eq",
            "co2e",
            "carbon emissions",
            "greenhouse gas emissions",
        ]),
    // ---- Technical Specifications
    hf(
        "hf-technical-specifications-architecture-objective",
        "Technical specifications",
        "Architecture and training objective",
    )
    .headings(&[
        "model architecture and objective",
        "model architecture",
        "architecture",
        "architecture and objective",
    ])
    .labels(&[
        "model architecture",
        "architecture",
        "architecture family",
        "objective function",
        "training objective",
        "model architecture and objective",
    ])
    .bom_fields(&["model architecture", "architecture family"]),
    hf(
        "hf-technical-specifications-compute-infrastructure",
        "Technical specifications",
        "Computing infrastructure (hardware and software)",
    )
    .headings(&[
        "compute infrastructure",
        "hardware",
        "software",
        "hardware and software",
        "infrastructure",
        "implementation information",
        "training infrastructure",
    ])
    .labels(&[
        "compute infrastructure",
        "infrastructure",
        "training infrastructure",
        "hardware",
        "software",
        "training factors",
    ]),
    // ---- Citation, Glossary, More Information, authors, contact
    hf("hf-citation", "Citation", "How to cite it")
        .headings(&[
            "citation",
            "citation details",
            "citation information",
            "citation instructions",
            "citation and related information",
            "bibtex",
            "how to cite",
            "citing",
        ])
        .labels(&["citation", "bibtex", "apa", "cite as", "how to cite", "citation information"]),
    hf("hf-glossary", "Glossary", "Glossary")
        .headings(&["glossary", "glossary and calculations", "definitions"])
        .labels(&["glossary"]),
    hf("hf-more-information", "More information", "More information")
        .headings(&["more information", "additional information", "further information"])
        .labels(&[
            "more information",
            "resources for more information",
            "further information",
            "additional information",
        ]),
    hf("hf-model-card-authors", "Model card authors", "Who wrote this model card")
        .headings(&["model card authors"])
        .labels(&["model card authors", "card authors"]),
    hf("hf-model-card-contact", "Model card contact", "Contact for questions")
        .headings(&[
            "model card contact",
            "contact",
            "contact information",
            "feedback",
            "where to send questions or comments about the model",
        ])
        .labels(&[
            "model card contact",
            "contact",
            "contact information",
            "send questions to",
            "where to send questions or comments about the model",
            "feedback",
            "email",
        ]),
];
