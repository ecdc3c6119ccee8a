use candor_model::{PassageKind, Severity, SourceContent};
use proptest::prelude::*;

use super::*;
use crate::test_support::{corpus, corpus_text, outline, titles};

fn content(md: &str) -> SourceContent {
    import(md).value
}

fn codes(md: &str) -> Vec<String> {
    import(md).diagnostics.into_iter().map(|d| d.code).collect()
}

/// (kind, text) of every passage.
fn passages(c: &SourceContent) -> Vec<(PassageKind, &str)> {
    c.passages.iter().map(|p| (p.kind, p.text.as_str())).collect()
}

use PassageKind::{Code, Field, Footnote, ListItem, Paragraph, Quote, Table};

const CARD: &str = r#"---
license: other
license_name: llama3
language:
- en
- fr
tags: [text-generation, llama]
datasets:
- EleutherAI/pile
base_model: meta-llama/Meta-Llama-3-8B
pipeline_tag: text-generation
library_name: transformers
extra_gated_prompt: >-
  A very long licence text that must not become metadata.
extra_gated_fields:
  Name: text
widget:
- messages:
  - role: user
    content: Hi
co2_eq_emissions:
  emissions: 149200
  source: CodeCarbon
  training_type: pre-training
  geographical_location: Paris
  hardware_used: 8 A100 GPUs
model-index:
- name: Example-7B
  results:
  - task:
      type: text-generation
      name: Text Generation
    dataset:
      name: MMLU
      type: cais/mmlu
      split: test
    metrics:
    - type: acc
      value: 66.6
      name: accuracy
    - type: f1
      value: 0.71
  - task:
      type: text-generation
    dataset:
      type: gsm8k
    metrics:
    - type: exact_match
      value: 41.2
---

# Example-7B model card

Body.
"#;

#[test]
fn hugging_face_card_metadata() {
    let w = import(CARD);
    assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
    let c = w.value;
    let m = &c.metadata;
    assert_eq!(m.licence.as_deref(), Some("llama3"));
    assert_eq!(m.title.as_deref(), Some("Example-7B model card"));
    assert_eq!(m.model.as_deref(), Some("Example-7B"));
    let keys: Vec<_> = m.extra.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "license",
            "license_name",
            "language",
            "tags",
            "datasets",
            "base_model",
            "pipeline_tag",
            "library_name",
            "co2_eq_emissions",
        ]
    );
    assert!(m.extra.contains(&("language".into(), "en, fr".into())));
    assert!(m.extra.iter().all(|(_, v)| !v.contains("very long licence")));
    let fields: Vec<_> =
        c.passages.iter().filter(|p| p.kind == Field).map(|p| p.text.as_str()).collect();
    assert_eq!(fields[5], "Base model: meta-llama/Meta-Llama-3-8B");
    assert_eq!(
        fields[8],
        "CO2 emissions: 149200 g CO2eq (source: CodeCarbon; training type: pre-training; geographical location: Paris; hardware used: 8 A100 GPUs)"
    );
    let t = &c.tables[0];
    assert_eq!(t.id, "t1");
    assert_eq!(t.header, ["task", "dataset", "metric", "value"]);
    assert_eq!(
        t.rows,
        [
            vec!["Text Generation", "MMLU (test)", "accuracy", "66.6"],
            vec!["Text Generation", "MMLU (test)", "f1", "0.71"],
            vec!["text-generation", "gsm8k", "exact_match", "41.2"],
        ]
    );
    assert_eq!(
        t.caption.as_deref(),
        Some("Evaluation results of Example-7B (model-index in the card metadata)")
    );
    // Card metadata comes before the body's first section.
    assert!(c.passages.iter().take_while(|p| p.section.is_none()).count() >= 10);
    assert_eq!(titles(&c), ["Example-7B model card"]);
    let facts = crate::facts::extract(&c.passages);
    assert!(
        facts
            .iter()
            .any(|f| f.kind == candor_model::FactKind::Co2e && (f.value - 0.1492).abs() < 1e-9)
    );
}

#[test]
fn template_front_matter_warns_and_the_body_is_read() {
    let md = "---\n# comment\n{{ card_data }}\n---\n\n# Model Card for {{ model_id | default(\"Model ID\", true) }}\n\n<!-- Provide a quick summary. -->\n\n- **Developed by:** {{ developers | default(\"[More Information Needed]\", true)}}\n\n[More Information Needed]\n";
    let w = import(md);
    let codes: Vec<_> = w.diagnostics.iter().map(|d| (d.code.as_str(), d.severity)).collect();
    assert_eq!(codes, [("source/front-matter-template", Severity::Warning)]);
    let c = w.value;
    assert_eq!(titles(&c), ["Model Card for {{ model_id | default(\"Model ID\", true) }}"]);
    assert_eq!(
        passages(&c),
        [
            (
                ListItem,
                "Developed by: {{ developers | default(\"[More Information Needed]\", true)}}"
            ),
            (Paragraph, "[More Information Needed]"),
        ]
    );
    assert_eq!(c.metadata.provider, None);
    assert_eq!(c.metadata.model, None);
}

#[test]
fn broken_front_matter_warns_and_the_body_is_read() {
    assert_eq!(codes("---\nlicense: [mit\n---\n# T\n\nx\n"), ["source/yaml-syntax"]);
    assert_eq!(codes("---\na: &x 1\nb: *x\n---\nx\n"), ["source/yaml-alias"]);
    assert_eq!(codes("---\nlicense: mit\n# T\n"), ["source/front-matter-unterminated"]);
    assert_eq!(codes("---\n- a\n- b\n---\nx\n"), ["source/front-matter-wrong-type"]);
    let deep = format!("---\nx: {}{}\n---\nbody\n", "[".repeat(40), "]".repeat(40));
    assert_eq!(codes(&deep), ["source/too-deep"]);
    let w = import("---\nlicense: [mit\n---\n# T\n\nx\n");
    assert!(w.diagnostics.iter().all(|d| d.severity == Severity::Warning));
    assert_eq!(passages(&w.value), [(Paragraph, "x")]);
    // A thematic break is not front matter when the file does not start with it.
    assert!(codes("text\n\n---\n\nmore\n").is_empty());
}

#[test]
fn headings_lists_quotes_code_and_footnotes() {
    let c = content(
        "# Report {#top}\n\nIntro with a note[^1] and a missing one[^zz].\n\n## 2. Uses {#uses authority=root}\n\n\
         - one\n- two\n  - nested\n\n> quoted\n\n```python\nprint(1)\n```\n\n### 2.1 Direct\n\n\
         1. first\n\n   second paragraph\n\n[^1]: The note.\n",
    );
    assert_eq!(titles(&c), ["Report", "Uses", "Direct"]);
    assert_eq!(c.sections[1].number.as_deref(), Some("2"));
    assert_eq!(c.sections[1].id, "sec-2");
    assert_eq!(c.sections[2].number.as_deref(), Some("2.1"));
    assert_eq!(
        passages(&c),
        [
            (Paragraph, "Intro with a note[1] and a missing one."),
            (ListItem, "one"),
            (ListItem, "two"),
            (ListItem, "nested"),
            (Quote, "quoted"),
            (Code, "print(1)"),
            (ListItem, "first"),
            (ListItem, "second paragraph"),
            (Footnote, "[1] The note."),
        ]
    );
    assert_eq!(c.passages[1].id, "sec-2-p1");
}

#[test]
fn pipe_tables() {
    let c = content("| Params | Tokens |\n|---|---|\n| 7B | 2.0T |\n| **70B** | 2.0T |\n");
    let t = &c.tables[0];
    assert_eq!(t.header, ["Params", "Tokens"]);
    assert_eq!(t.rows, [vec!["7B", "2.0T"], vec!["70B", "2.0T"]]);
    assert_eq!(passages(&c), [(Table, "Params | Tokens; 7B | 2.0T; 70B | 2.0T")]);
}

#[test]
fn raw_html_tables_details_and_comments() {
    let md = "Intro.\n\n<table>\n  <tr>\n   <td>\n   </td>\n   <td><strong>Params</strong>\n   </td>\n   <td><strong>Tokens</strong></td>\n  </tr>\n\n  <tr>\n   <td>Llama\n   </td>\n   <td>8B\n   </td><td>15T+</td>\n  </tr>\n</table>\n\n\
              <details>\n<summary>Click to expand</summary> <br/>\n\n**Developed by:** Example Labs\n\n</details>\n\n\
              <details><summary>Limitations</summary>\n\nIt hallucinates.\n\n</details>\n\n<!-- a comment\nover lines -->\n\n\
              <h2 align=center>From HTML</h2>\n\nA <span style=\"x\">span</span> and E = 10<sup>25</sup>, line<br>break.\n";
    let c = content(md);
    assert_eq!(c.tables.len(), 1);
    assert_eq!(c.tables[0].header, ["", "Params", "Tokens"]);
    assert_eq!(c.tables[0].rows, [vec!["Llama", "8B", "15T+"]]);
    assert_eq!(titles(&c), ["From HTML"]);
    assert_eq!(
        passages(&c),
        [
            (Paragraph, "Intro."),
            (Table, "| Params | Tokens; Llama | 8B | 15T+"),
            (Paragraph, "Developed by: Example Labs"),
            (Paragraph, "Limitations"),
            (Paragraph, "It hallucinates."),
            (Paragraph, "A span and E = 10^25, line break."),
        ]
    );
    assert_eq!(c.metadata.provider.as_deref(), Some("Example Labs"));
}

#[test]
fn html_inside_list_items_keeps_the_item_kind() {
    let c = content("- item\n\n  <p>inside html</p>\n");
    assert_eq!(passages(&c), [(ListItem, "item"), (ListItem, "inside html")]);
}

#[test]
fn admonitions_are_paragraphs() {
    let md = "!!! meta \"Commentary\"\n    In the main body, commentary sits here.\n\n    A second paragraph.\n\nAfter.\n\n```\n!!! not an admonition\n    code\n```\n";
    let c = content(md);
    assert_eq!(
        passages(&c),
        [
            (Paragraph, "Commentary: In the main body, commentary sits here."),
            (Paragraph, "A second paragraph."),
            (Paragraph, "After."),
            (Code, "!!! not an admonition code"),
        ]
    );
    assert_eq!(
        passages(&content("!!! warning\n    Careful.\n")),
        [(Paragraph, "Warning: Careful.")]
    );
    assert_eq!(passages(&content("!!! note \"N\"\n\n    Body.\n")), [(Paragraph, "N: Body.")]);
    assert_eq!(
        passages(&content("!!! note \"N\"\n\nOutside.\n")),
        [(Paragraph, "N:"), (Paragraph, "Outside.")]
    );
}

#[test]
fn images_and_inline_scripts_are_not_text() {
    let c = content("See ![BigScience Logo](logo.png) here <script>alert(1)</script> now.\n");
    assert_eq!(passages(&c), [(Paragraph, "See here now.")]);
}

#[test]
fn titles_skip_banners_and_models_come_from_titles() {
    let c =
        content("# DEPRECATED. This is now live at https://example.org\n\n# GPT-J 6B\n\ntext\n");
    assert_eq!(c.metadata.title.as_deref(), Some("GPT-J 6B"));
    assert_eq!(c.metadata.model.as_deref(), Some("GPT-J 6B"));
    assert_eq!(content("# Overview\n\nx\n").metadata.title, None);
    assert_eq!(content("# Model Details\n\nx\n\n# Intended Use\n\ny\n").metadata.title, None);
    assert_eq!(model_from_title("Gemma Model Card").as_deref(), Some("Gemma"));
    assert_eq!(model_from_title("Model Card for Example-1").as_deref(), Some("Example-1"));
    assert_eq!(model_from_title("Pythia: Interpreting Transformers Across Time and Scale"), None);
    assert_eq!(model_from_title("Overview"), None);
}

#[test]
fn labelled_fields_fill_metadata() {
    let c = content(
        "# Card\n\n**Model Developers** Meta\n\n**Model Release Date:** July 23, 2024.\n\n**License:** Use of it is governed by the Example 3 Community License (a custom licence).\n\n**Version:** 1.0.0\n",
    );
    let m = &c.metadata;
    assert_eq!(m.provider.as_deref(), Some("Meta"));
    assert_eq!(m.date.as_deref(), Some("July 23, 2024"));
    assert_eq!(m.licence.as_deref(), Some("Example 3 Community License"));
    assert_eq!(m.version.as_deref(), Some("1.0.0"));
}

#[test]
fn empty_files_warn() {
    assert_eq!(codes(""), ["source/empty"]);
    assert_eq!(codes("<!-- only a comment -->\n"), ["source/empty"]);
}

#[test]
fn deep_nesting_is_bounded() {
    for md in [
        format!("{} deep", ">".repeat(10_000)),
        format!("{}deep", "- ".repeat(10_000)),
        format!(
            "{}deep",
            "  ".repeat(5_000)
                .chars()
                .enumerate()
                .map(|(i, _)| if i % 2 == 0 { '-' } else { ' ' })
                .collect::<String>()
        ),
        format!("{}deep{}", "<div>".repeat(10_000), "</div>".repeat(10_000)),
        format!("{}deep{}", "*".repeat(10_000), "*".repeat(10_000)),
        format!("{}x{}", "[".repeat(10_000), "](u)".repeat(10_000)),
    ] {
        let c = content(&md);
        assert!(
            c.passages.iter().any(|p| p.text.contains("deep") || p.text.contains('x')),
            "{:?}",
            &md[..20]
        );
    }
}

#[test]
fn huge_tables_are_read() {
    let mut md = String::from("| a | b |\n|---|---|\n");
    for i in 0..20_000 {
        md.push_str(&format!("| {i} | 7B |\n"));
    }
    let c = content(&md);
    assert_eq!(c.tables[0].rows.len(), 20_000);
    let wide = format!("{}|\n{}|\n", "| c ".repeat(5_000), "|---".repeat(5_000));
    assert_eq!(content(&wide).tables[0].header.len(), 5_000);
}

#[test]
fn clean_removes_undefined_footnote_marks_only() {
    assert_eq!(clean("Spec[^8ep1]. Note [^a b] and [^] stay"), "Spec. Note [^a b] and [^] stay");
}

/// The corpus Markdown files: each imports without error, with an outline a reader can use.
#[test]
fn every_corpus_markdown_file_imports() {
    let Some(dir) = corpus() else { return };
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let w = import(&text);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        eprintln!("== {name}\n{}", outline(&w.value));
        assert!(!w.has_errors(), "{name}: {:?}", w.diagnostics);
        let c = &w.value;
        assert!(c.passages.len() >= 10, "{name}: {} passages", c.passages.len());
        for s in &c.sections {
            assert!(
                !s.title.is_empty() && !s.title.contains("{#") && !s.title.contains('<'),
                "{name}: {}",
                s.title
            );
        }
        for p in &c.passages {
            let leaked = p.kind != Code
                && (p.text.contains("</td>")
                    || p.text.contains("<!--")
                    || p.text.starts_with("!!!"));
            assert!(!leaked, "{name}: markup in {}: {}", p.id, p.text);
        }
        seen += 1;
    }
    assert!(seen >= 16, "{seen} Markdown files");
}

#[test]
fn bloom_card() {
    let Some(text) = corpus_text("bloom-model-card.md") else { return };
    let c = content(&text);
    let m = &c.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some(
            "BLOOM LM BigScience Large Open-science Open-access Multilingual Language Model Model Card"
        )
    );
    assert_eq!(m.licence.as_deref(), Some("bigscience-bloom-rail-1.0"));
    assert_eq!(m.provider.as_deref(), Some("BigScience"));
    assert_eq!(m.date.as_deref(), Some("11.July.2022"));
    assert_eq!(
        titles(&c)[..8],
        [
            "DEPRECATED. This is now live at https://huggingface.co/bigscience/bloom . Please make additional changes there!",
            "BLOOM LM BigScience Large Open-science Open-access Multilingual Language Model Model Card",
            "Table of Contents",
            "Model Details",
            "Basics",
            "Technical Specifications",
            "Training",
            "Tokenization",
        ]
    );
    assert_eq!((c.sections.len(), c.tables.len()), (35, 3));
    // The content of the twelve <details> blocks is imported; "Click to expand" is not.
    let basics = c.sections.iter().position(|s| s.title == "Basics");
    let in_basics: Vec<_> =
        c.passages.iter().filter(|p| p.section == basics).map(|p| p.text.as_str()).collect();
    assert_eq!(in_basics[1], "Developed by: BigScience (website)");
    assert!(c.passages.iter().all(|p| !p.text.contains("Click to expand")));
    assert!(c.passages.iter().any(|p| p.text == "176 billion parameters:"));
}

#[test]
fn llama_3_1_card_with_raw_html_tables() {
    let Some(text) = corpus_text("llama-3.1-model-card.md") else { return };
    let c = content(&text);
    let m = &c.metadata;
    assert_eq!(m.provider.as_deref(), Some("Meta"));
    assert_eq!(m.date.as_deref(), Some("July 23, 2024"));
    assert_eq!(m.licence.as_deref(), Some("Llama 3.1 Community License"));
    assert_eq!(
        titles(&c)[..4],
        ["Model Information", "Intended Use", "Hardware and Software", "Training Data"]
    );
    assert_eq!(c.tables.len(), 5);
    let t = &c.tables[0];
    assert_eq!(
        t.header,
        [
            "",
            "Training Data",
            "Params",
            "Input modalities",
            "Output modalities",
            "Context length",
            "GQA",
            "Token count",
            "Knowledge cutoff"
        ]
    );
    assert_eq!(t.rows.len(), 3);
    assert_eq!(
        t.rows[2][..3],
        ["Llama 3.1 (text only)", "A new mix of publicly available online data.", "405B"]
    );
    assert_eq!(t.rows[2][7..], ["15T+", "December 2023"]);
    let energy = &c.tables[1];
    assert_eq!(energy.rows[3][..2], ["Total", "39.3M"]);
}

#[test]
fn pythia_pipe_tables() {
    let Some(text) = corpus_text("pythia-readme.md") else { return };
    let c = content(&text);
    assert_eq!(
        c.metadata.title.as_deref(),
        Some("Pythia: Interpreting Transformers Across Time and Scale")
    );
    assert_eq!(
        titles(&c)[..4],
        [
            "Pythia: Interpreting Transformers Across Time and Scale",
            "Changelog",
            "Table of contents",
            "Models"
        ]
    );
    let t = &c.tables[0];
    assert_eq!(
        t.header,
        [
            "Params",
            "n_layers",
            "d_model",
            "n_heads",
            "d_head",
            "Batch Size",
            "Learning Rate",
            "Hugging Face Checkpoints"
        ]
    );
    assert_eq!(t.rows.len(), 10);
    assert_eq!(t.rows[0][..7], ["14M", "6", "128", "4", "32", "2M", "1.0e-3"]);
    assert_eq!(t.rows[9][0], "12B");
}

#[test]
fn gemma_card_front_matter() {
    let Some(text) = corpus_text("gemma-7b-hf-model-card.md") else { return };
    let w = import(&text);
    assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
    let c = w.value;
    let m = &c.metadata;
    assert_eq!(m.title.as_deref(), Some("Gemma Model Card"));
    assert_eq!(m.model.as_deref(), Some("Gemma"));
    assert_eq!(m.provider.as_deref(), Some("Google"));
    assert_eq!(m.licence.as_deref(), Some("gemma"));
    assert_eq!(
        m.extra,
        [
            ("library_name".to_owned(), "transformers".to_owned()),
            ("license".to_owned(), "gemma".to_owned())
        ]
    );
    assert_eq!(
        passages(&c)[..2],
        [(Field, "Library name: transformers"), (Field, "License: gemma")]
    );
    assert_eq!(
        titles(&c)[..4],
        ["Gemma Model Card", "Model Information", "Description", "Context Length"]
    );
    assert_eq!(c.sections.len(), 28);
    assert_eq!(c.tables.len(), 2);
}

#[test]
fn model_spec_markdown() {
    let Some(text) = corpus_text("openai-model-spec-2025-12-18.md") else { return };
    let c = content(&text);
    assert_eq!(titles(&c)[..3], ["Overview", "Structure of the document", "Red-line principles"]);
    assert!(c.sections.iter().all(|s| !s.title.contains('{')));
    let commentary = c.passages.iter().filter(|p| p.text.starts_with("Commentary: ")).count();
    assert_eq!(commentary, 28);
    assert!(c.passages.iter().all(|p| !p.text.contains("[^")));
}

proptest! {
    #[test]
    fn never_panics_on_any_text(s in "\\PC*") {
        let _ = import(&s);
    }

    #[test]
    fn never_panics_on_markdown_soup(s in "(---\n)?[-*_>#`~\\[\\]()!<>/|:^{}\" \n\tazAZ0-9%\u{e9}]{0,300}") {
        let c = import(&s).value;
        for p in &c.passages {
            prop_assert!(!p.text.is_empty());
        }
    }
}
