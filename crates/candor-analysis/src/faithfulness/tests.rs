use std::collections::HashSet;

use candor_model::{SourceContent, SourceFormat};

use super::*;

const REPORT: &str = "# Example-1 Model Report

## 2 Model

Example-1 is a transformer with 7B parameters. It was trained on 15 trillion tokens of public web text over 3 months.

Training used 3.8 × 10^25 FLOPs of compute and consumed 1,200 MWh of energy.

## 7 Risks

### 7.3 Estimates

In our cyber evaluation, the model solved 17% of the capture-the-flag challenges.

Refusal rate on harmful requests was 96.2% across 2,000 prompts.

### 7.4 Persuasion

Participants changed their opinion in 20% of conversations after talking with the model.

## 8 Release

The model was released in March 2026 and supports 30 languages.
";

fn report() -> SourceContent {
    candor_import::import_source(SourceFormat::Markdown, REPORT.as_bytes())
        .map(|w| w.value)
        .unwrap_or_default()
}

const HEAD: &str = "---\ntitle: Example-1 explained\nlang: en\ndate: 2026-04-01\nsources:\n  - id: report\n---\n\n";

fn check_with(body: &str, content: &SourceContent) -> Vec<Diagnostic> {
    let md = format!("{HEAD}{body}");
    let doc = candor_import::parse_companion(&md).value;
    check_faithfulness(&doc, &md, &[CitedSource { id: "report", content }])
}

fn check(body: &str) -> Vec<Diagnostic> {
    check_with(body, &report())
}

fn codes(body: &str) -> Vec<String> {
    check(body).into_iter().map(|d| d.code).collect()
}

#[test]
fn the_test_source_has_the_expected_ids_and_facts() {
    let r = report();
    let ids: Vec<_> = r.passages.iter().map(|p| p.id.as_str()).collect();
    assert!(
        ids.contains(&"sec-2-p1") && ids.contains(&"sec-7-3-p1") && ids.contains(&"sec-8-p1"),
        "{ids:?}"
    );
    let facts: Vec<_> =
        r.facts.iter().map(|f| (f.kind, f.value, f.text.as_str(), f.passage.as_str())).collect();
    assert!(facts.len() >= 9, "{facts:#?}");
}

#[test]
fn unknown_passages_get_the_closest_id_and_a_fix() {
    let body = "The model solved 17% of the challenges ([report](source:report#sec-7-3-p3)).\n";
    let found = check(body);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!((d.code.as_str(), d.severity), ("cite/unknown-passage", Severity::Error));
    assert!(d.hints[0].contains("sec-7-3-p"), "{:?}", d.hints);
    let fix = d.fix.as_ref().map(|f| f.replacement.clone()).unwrap_or_default();
    assert!(fix.starts_with("sec-7-3-p"));
    let md = format!("{HEAD}{body}");
    let f = d.fix.as_ref().map(|f| f.span).unwrap_or_default();
    assert_eq!(&md[f.start..f.end], "sec-7-3-p3");
    // Sections and tables are valid targets; unloaded sources are not checked.
    assert!(
        codes("The model solved 17% of the challenges ([report](source:report#sec-7-3)).\n")
            .is_empty()
    );
    let md = format!(
        "{}  - id: card\n---\n\nIt solved 17% of them ([card](source:card#nowhere)).\n",
        &HEAD[..HEAD.len() - 5]
    );
    let doc = candor_import::parse_companion(&md).value;
    let r = report();
    let found = check_faithfulness(&doc, &md, &[CitedSource { id: "report", content: &r }]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn equivalent_and_rounded_figures_are_found() {
    for sentence in [
        "The model has 7 billion parameters ([report](source:report#sec-2-p1)).",
        "The model has 7,000,000,000 parameters ([report](source:report#sec-2-p1)).",
        "It learned from 15 trillion tokens of text ([report](source:report#sec-2-p1)).",
        "Training took about 3 months ([report](source:report#sec-2-p1)).",
        "Training took around 90 days ([report](source:report#sec-2-p1)).",
        "Training needed 3.8 × 10^25 FLOP ([report](source:report#sec-2-p2)).",
        "Training needed 3.8e25 FLOP of computing ([report](source:report#sec-2-p2)).",
        "It used 1.2 GWh of electricity ([report](source:report#sec-2-p2)).",
        "It solved about 1 in 6 of the hacking challenges ([report](source:report#sec-7-3-p1)).",
        "It solved 17 in 100 hacking challenges ([report](source:report#sec-7-3-p1)).",
        "It refused 96% of harmful requests ([report](source:report#sec-7-3-p2)).",
        "It refused nearly all harmful requests: more than 95% ([report](source:report#sec-7-3-p2)).",
        "People changed their mind in 1 in 5 conversations ([report](source:report#sec-7-4-p1)).",
        "People kept their opinion in 4 out of 5 conversations ([report](source:report#sec-7-4-p1)).",
        "It was released in March 2026 and speaks 30 languages ([report](source:report#sec-8-p1)).",
        "This guide was written in April 2026 for the public.",
        "The EU sets a threshold of 10^25 FLOP; the model passed it ([report](source:report#sec-2-p2)).",
        "See section 7.3 of [the report](source:report#sec-7-3) for 2 tables and step 3.",
        "1. The first of 3 points about [persuasion](source:report#sec-7-4).",
        "Version 2.1 of this guide covers GPT-4 and Llama 3.",
    ] {
        let found = check(&format!("{sentence}\n"));
        assert!(found.is_empty(), "{sentence}\n{found:#?}");
    }
}

#[test]
fn a_figure_more_precise_than_the_source_is_not_the_source_figure() {
    // The source says 7B and 96.2%: "7.3 billion" adds a digit the source does not give,
    // while "96%" only rounds the source's figure.
    let found = codes("The model has 7.3 billion parameters ([report](source:report#sec-2-p1)).\n");
    assert_eq!(found, ["figure/contradicts"]);
    assert!(
        codes("It refused 96% of harmful requests ([report](source:report#sec-7-3-p2)).\n")
            .is_empty()
    );
    assert_eq!(
        codes("It refused 96.4% of harmful requests ([report](source:report#sec-7-3-p2)).\n"),
        ["figure/contradicts"]
    );
}

#[test]
fn a_figure_from_another_passage_is_an_info_not_a_warning() {
    let found =
        check("The model refused 96% of harmful requests ([report](source:report#sec-7-3)).\n");
    assert!(found.is_empty(), "a section covers its passages: {found:#?}");
    let found =
        check("The model refused 96% of harmful requests ([report](source:report#sec-7-3-p1)).\n");
    // The cited passage is about something else, too.
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[1].code, "cite/unrelated");
    assert_eq!(
        (found[0].code.as_str(), found[0].severity),
        ("figure/other-passage", Severity::Info)
    );
    assert!(found[0].message.contains("sec-7-3-p2"));
}

#[test]
fn contradictions_quote_the_cited_passage() {
    let body =
        "The model solved 25% of the hacking challenges ([report](source:report#sec-7-3-p1)).\n";
    let found = check(body);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!((d.code.as_str(), d.severity), ("figure/contradicts", Severity::Warning));
    assert!(d.message.contains("17%") && d.message.contains("sec-7-3-p1"), "{}", d.message);
    let md = format!("{HEAD}{body}");
    assert_eq!(&md[d.span.start..d.span.end], "25%");
    // "about" widens only so far.
    assert_eq!(
        codes("It solved about 1 in 3 hacking challenges ([report](source:report#sec-7-3-p1)).\n"),
        ["figure/contradicts"]
    );
}

#[test]
fn figures_in_no_source_show_the_closest() {
    let found = check("The model has 13 billion parameters ([report](source:report#sec-8-p1)).\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, "figure/not-found");
    assert!(
        found[0].message.contains("7B") && found[0].message.contains("sec-2-p1"),
        "{}",
        found[0].message
    );
    // Uncited, and in no source.
    assert_eq!(codes("The model has 40 billion parameters.\n"), ["figure/not-found"]);
}

#[test]
fn uncited_figures_that_a_source_has_ask_for_a_citation() {
    let found = check("The model has 7 billion parameters. It solved 17% of the challenges.\n");
    assert_eq!(found.len(), 2, "one per sentence: {found:#?}");
    assert_eq!((found[0].code.as_str(), found[0].severity), ("cite/missing", Severity::Info));
    assert!(found[0].hints[0].contains("source:report#sec-2-p1"));
    // A citation elsewhere in the paragraph covers it.
    assert!(
        codes(
            "The model has 7 billion parameters. This is in [the report](source:report#sec-2-p1).\n"
        )
        .is_empty()
    );
    // Without sources nothing is compared.
    let md = "---\ntitle: T\nlang: en\n---\n\nThe model has 40 billion parameters.\n";
    let doc = candor_import::parse_companion(md).value;
    assert!(check_faithfulness(&doc, md, &[]).is_empty());
}

#[test]
fn unrelated_citations_are_flagged() {
    let found = check(
        "Participants changed their opinion after talking to it ([report](source:report#sec-8-p1)).\n",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, "cite/unrelated");
    // Plain rewording that shares a word stem is fine.
    assert!(codes("People changed their opinions after chatting with it ([report](source:report#sec-7-4-p1)).\n").is_empty());
    // A short sentence is read with its paragraph.
    assert!(
        codes("The model learned from public web text. See [here](source:report#sec-2-p1).\n")
            .is_empty()
    );
}

#[test]
fn code_headings_and_tables_are_read_as_documented() {
    assert!(
        codes("Run it with `--tokens 40B` ([report](source:report#sec-2-p1)) for public text.\n")
            .is_empty()
    );
    assert!(codes("# About 40 billion parameters\n").is_empty());
    // Table cells are compared with the sources but never asked for a citation.
    assert!(codes("| Measure | Value |\n|---|---|\n| Refusals | 96.2% |\n").is_empty());
    assert_eq!(
        codes("| Measure | Value |\n|---|---|\n| Refusals | 99.9% |\n"),
        ["figure/not-found"]
    );
}

#[test]
fn footnotes_carry_citations() {
    let body = "The model solved 25% of the hacking challenges.[^1]\n\n[^1]: [Report](source:report#sec-7-3-p1), challenges.\n";
    let found = check(body);
    assert_eq!(
        found.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(),
        ["figure/not-found"],
        "{found:#?}"
    );
}

#[test]
fn odd_input_does_not_panic() {
    let empty = SourceContent::default();
    for body in [
        "",
        "NaN% of inf in 1e999999 and 99999999999999999999999999999999999999999999% ([r](source:report#x)).",
        "1 in 0 and 0 in 0 and 10^9999 FLOP and 1e-400 tokens ([r](source:report)).",
        "Étrange: 3,5 % ou 1 000 000 jetons — ²⁵ ^ × 10^ in 2024-13-45, March 99999.",
        "[](source:report#) [x](source:report#sec-2-p1)",
    ] {
        let _ = check_with(body, &empty);
        let _ = check(body);
    }
    let mut odd = report();
    odd.facts.push(Fact {
        kind: FactKind::Percentage,
        value: f64::NAN,
        unit: "%".into(),
        text: "".into(),
        sentence: "".into(),
        passage: "nowhere".into(),
    });
    odd.passages.iter_mut().for_each(|p| p.text.clear());
    let _ = check_with("It solved 17% of it ([r](source:report#sec-7-3-p1)).", &odd);
}

/// Sentences labelled with the code they should raise ("" for none), one paragraph each.
const LABELLED: &[(&str, &str)] = &[
    (
        "Example-1 is a text model with about 7 billion parameters ([report](source:report#sec-2-p1)).",
        "",
    ),
    (
        "It learned from roughly 15 trillion tokens of public web text ([report](source:report#sec-2-p1)).",
        "",
    ),
    ("Training ran for 3 months ([report](source:report#sec-2-p1)).", ""),
    (
        "Training needed 3.8 × 10^25 FLOP, above the EU threshold of 10^25 FLOP ([report](source:report#sec-2-p2)).",
        "",
    ),
    (
        "That used 1,200 MWh of electricity, about what 400 homes use in a year ([report](source:report#sec-2-p2)).",
        "",
    ),
    (
        "In a hacking test it solved 17% of the challenges, fewer than 1 in 5 ([report](source:report#sec-7-3-p1)).",
        "",
    ),
    (
        "It refused 96.2% of harmful requests in 2,000 prompts ([report](source:report#sec-7-3-p2)).",
        "",
    ),
    (
        "In 1 in 5 conversations, people changed their opinion ([report](source:report#sec-7-4-p1)).",
        "",
    ),
    (
        "It was released in March 2026 and speaks 30 languages ([report](source:report#sec-8-p1)).",
        "",
    ),
    ("This guide follows section 7 of [the report](source:report#sec-7) step by step.", ""),
    ("We last checked it on 2026-04-01 against version 1.2 of the report.", ""),
    (
        "The model has 70 billion parameters ([report](source:report#sec-2-p1)).",
        "figure/contradicts",
    ),
    (
        "It solved 35% of the hacking challenges ([report](source:report#sec-7-3-p1)).",
        "figure/contradicts",
    ),
    (
        "It refused 90% of harmful requests ([report](source:report#sec-7-3-p2)).",
        "figure/contradicts",
    ),
    (
        "Training took 6 months of computing ([report](source:report#sec-2-p1)).",
        "figure/contradicts",
    ),
    ("It learned from 2 trillion tokens of text.", "figure/not-found"),
    ("It solved 17% of the hacking challenges.", "cite/missing"),
    (
        "People changed their minds in 1 in 5 conversations ([report](source:report#sec-8-p1)).",
        "cite/unrelated",
    ),
    (
        "Hacking challenges were solved by the model ([report](source:report#sec-7-3-p9)).",
        "cite/unknown-passage",
    ),
    (
        "It speaks 30 languages and was released in March 2026 ([report](source:report#sec-7-4-p1)).",
        "cite/unrelated",
    ),
    ("It was released in May 2025 ([report](source:report#sec-8-p1)).", "figure/contradicts"),
];

#[test]
fn precision_and_recall_on_a_labelled_set() {
    let body: String = LABELLED.iter().map(|(s, _)| format!("{s}\n\n")).collect();
    let md = format!("{HEAD}{body}");
    let doc = candor_import::parse_companion(&md).value;
    let r = report();
    let found = check_faithfulness(&doc, &md, &[CitedSource { id: "report", content: &r }]);
    // Which labelled paragraph each diagnostic falls in.
    let mut starts = Vec::new();
    let mut at = HEAD.len();
    for (s, _) in LABELLED {
        starts.push(at);
        at += s.len() + 2;
    }
    let paragraph = |span: Span| starts.iter().rposition(|&s| s <= span.start).unwrap_or(0);
    let rules = [
        "cite/unknown-passage",
        "figure/not-found",
        "figure/contradicts",
        "cite/unrelated",
        "cite/missing",
    ];
    let mut report = String::new();
    let mut all_fp = 0;
    for rule in rules {
        let hits: HashSet<usize> =
            found.iter().filter(|d| d.code == rule).map(|d| paragraph(d.span)).collect();
        let expected: HashSet<usize> =
            LABELLED.iter().enumerate().filter(|(_, (_, c))| *c == rule).map(|(i, _)| i).collect();
        let tp = hits.intersection(&expected).count();
        let fp = hits.difference(&expected).count();
        let fn_ = expected.difference(&hits).count();
        all_fp += fp;
        report.push_str(&format!("{rule}: tp {tp} fp {fp} fn {fn_}\n"));
    }
    let words: usize = LABELLED.iter().map(|(s, _)| s.split_whitespace().count()).sum();
    println!("{report}{words} words\n{found:#?}");
    // Faithful sentences raise nothing but infos.
    let on_faithful: Vec<_> = found
        .iter()
        .filter(|d| d.severity != Severity::Info && LABELLED[paragraph(d.span)].1.is_empty())
        .collect();
    assert!(on_faithful.is_empty(), "false alarms: {on_faithful:#?}");
    assert_eq!(all_fp, 0, "{report}");
}

/// A model card written as the corpus's are: figures in key-value lists, products, tables
/// of scores and BibTeX, which the importer's facts miss or misread.
const CARD: &str = "# Card

## Details

- Sizes: 7B, 13B and 70B parameters.
- Hours used: 150000
- Hardware: 32 x 8 x A100 GPUs
- Optimizer: AdamW
- sd-v1-4.ckpt: 225k steps at resolution 512x512.
- sd-v1-1.ckpt: 237k steps at resolution 256x256.

## Scores

| Benchmark | Small | Large |
|---|---|---|
| HumanEval | 72.6 | 89.0 |
| API-Bank | 82.6 | 92.0 |

## Citation

    @InProceedings{x, month = {June}, year = {2022}}
";

fn card() -> SourceContent {
    candor_import::import_source(SourceFormat::Markdown, CARD.as_bytes())
        .map(|w| w.value)
        .unwrap_or_default()
}

fn card_codes(body: &str) -> Vec<String> {
    check_with(body, &card()).into_iter().map(|d| d.code).collect()
}

fn card_passage(starts: &str) -> String {
    card().passages.iter().find(|p| p.text.starts_with(starts)).map(|p| p.id.clone()).unwrap()
}

#[test]
fn figures_written_in_the_cited_text_are_found() {
    let hours = card_passage("Hours used");
    let hardware = card_passage("Hardware");
    let citation = card_passage("@InProceedings");
    // "Hours used: 150000" (unit before the number), "32 x 8 x A100" (256), BibTeX dates.
    for body in [
        format!("It took 150,000 hours of chip time [card](source:report#{hours})."),
        format!("It ran on 256 graphics chips [card](source:report#{hardware})."),
        format!("The paper came out in June 2022 [card](source:report#{citation})."),
    ] {
        let found = card_codes(&body);
        assert!(!found.iter().any(|c| c.starts_with("figure/")), "{body}: {found:?}");
    }
    let wrong = format!("It ran on 128 graphics chips [card](source:report#{hardware}).");
    assert_eq!(card_codes(&wrong), ["figure/contradicts"]);
}

#[test]
fn every_figure_of_a_list_takes_the_unit_at_its_end() {
    let sizes = card_passage("Sizes");
    let right = format!(
        "It comes in 7 billion, 13 billion and 70 billion \"parameters\" [card](source:report#{sizes})."
    );
    assert!(card_codes(&right).is_empty(), "{:?}", card_codes(&right));
    // Not a range from 31 to 70 billion that the 70B would satisfy.
    let wrong = format!(
        "It comes in 7 billion, 31 billion and 70 billion parameters [card](source:report#{sizes})."
    );
    assert_eq!(card_codes(&wrong), ["figure/contradicts"]);
}

#[test]
fn round_numbers_are_as_precise_as_their_last_digit() {
    let steps = card_passage("sd-v1-4");
    let right = format!("It trained for 225,000 steps [card](source:report#{steps}).");
    assert!(card_codes(&right).is_empty(), "{:?}", card_codes(&right));
    // 252,000 is not "about" 237,000 (another checkpoint's figure).
    let wrong = format!("It trained for 252,000 steps [card](source:report#{steps}).");
    assert_eq!(card_codes(&wrong), ["figure/contradicts"]);
}

#[test]
fn scores_in_table_rows_are_read_in_their_row() {
    let table = card().tables.first().map(|t| t.passage.clone()).unwrap();
    let row = |score: &str| {
        format!(
            "| Test | Score |\n|---|---|\n| HumanEval | {score} for the large version ([scores](source:report#{table})) |\n"
        )
    };
    assert!(card_codes(&row("89.0")).is_empty(), "{:?}", card_codes(&row("89.0")));
    // 92.0 is in the table, but in the API-Bank row.
    assert_eq!(card_codes(&row("92.0")), ["figure/contradicts"]);
    // In prose, a score cites the passage it is in.
    let hours = card_passage("Hours used");
    let elsewhere =
        format!("The small version scored 72.6 on coding [card](source:report#{hours}).");
    assert!(card_codes(&elsewhere).contains(&"figure/other-passage".to_owned()));
    // "Llama 3.1" and "section 7.1" are names and labels, not scores.
    let names = format!("Llama 3.1 is described in section 7.1 [card](source:report#{table}).");
    assert!(!card_codes(&names).iter().any(|c| c.starts_with("figure/")));
}

#[test]
fn link_labels_and_web_addresses_are_not_shared_words() {
    let optimizer = card_passage("Optimizer");
    // The label "optimizer" says nothing about whether the passage fits.
    let body = format!(
        "It learned from pictures gathered from the internet ([card, optimizer](source:report#{optimizer}))."
    );
    assert_eq!(card_codes(&body), ["cite/unrelated"]);
    let a = words::stems("Meta wrote a licence for it");
    let b = words::stems("More information in the paper at https://ai.meta.com/research/");
    assert!(!words::share(&a, &b));
    // Plain words for technical ones, and short words that begin longer ones.
    assert!(words::share(&words::stems("copies of pictures"), &words::stems("duplicated images")));
    assert!(words::share(&words::stems("making art"), &words::stems("Generation of artworks")));
}
