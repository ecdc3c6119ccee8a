use candor_model::{FactKind, Passage, PassageKind};
use proptest::prelude::*;

use super::*;
use crate::test_support::corpus_text;

fn passage(kind: PassageKind, text: &str) -> Passage {
    Passage { id: "p1".into(), kind, section: None, text: text.into(), page: None }
}

fn facts(text: &str) -> Vec<Fact> {
    extract(&[passage(PassageKind::Paragraph, text)])
}

/// (kind, value, unit, text) of every fact.
fn found(text: &str) -> Vec<(FactKind, f64, String, String)> {
    facts(text).into_iter().map(|f| (f.kind, f.value, f.unit, f.text)).collect()
}

fn one(text: &str) -> (FactKind, f64, String, String) {
    let all = found(text);
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    all.into_iter().next().unwrap_or((FactKind::Count, 0.0, String::new(), String::new()))
}

fn fact(kind: FactKind, value: f64, unit: &str, text: &str) -> (FactKind, f64, String, String) {
    (kind, value, unit.to_owned(), text.to_owned())
}

/// (kind, value, text, sentence) of every fact of a table passage.
fn table(text: &str) -> Vec<(FactKind, f64, String, String)> {
    extract(&[passage(PassageKind::Table, text)])
        .into_iter()
        .map(|f| (f.kind, f.value, f.text, f.sentence))
        .collect()
}

/// The scores of a table passage, as [`table`] gives them.
fn scores(text: &str) -> Vec<(FactKind, f64, String, String)> {
    table(text).into_iter().filter(|f| f.0 == Score).collect()
}

fn score(value: f64, sentence: &str) -> (FactKind, f64, String, String) {
    let text = sentence.rsplit(": ").next().unwrap_or_default().to_owned();
    (Score, value, text, sentence.to_owned())
}

use FactKind::*;

#[test]
fn percentages() {
    assert_eq!(one("Accuracy rose to 66.6% on MMLU."), fact(Percentage, 0.666, "%", "66.6%"));
    assert_eq!(one("about 20 percent of the data"), fact(Percentage, 0.2, "%", "20 percent"));
    assert_eq!(
        one("a drop of 3 percentage points"),
        fact(Percentage, 0.03, "percentage points", "3 percentage points")
    );
    assert_eq!(one("die Quote lag bei 3,5 % im Mittel"), fact(Percentage, 0.035, "%", "3,5 %"));
    assert_eq!(one("a change of -1.5%"), fact(Percentage, -0.015, "%", "-1.5%"));
    let range = found("sharing about 98-99% of their DNA");
    assert_eq!(range, [fact(Percentage, 0.98, "%", "98"), fact(Percentage, 0.99, "%", "99%")]);
}

#[test]
fn probabilities() {
    assert_eq!(one("significant at p = 0.2 only"), fact(Probability, 0.2, "p", "0.2"));
    assert_eq!(one("(p<0.05)"), fact(Probability, 0.05, "p", "0.05"));
    assert_eq!(one("a probability of 0.05 per year"), fact(Probability, 0.05, "p", "0.05"));
    assert_eq!(one("a chance of 5% that it fails"), fact(Probability, 0.05, "p", "5%"));
    // Not a probability once above one.
    assert!(found("p = 3").is_empty());
}

#[test]
fn parameter_counts() {
    assert_eq!(one("Gemma 7B is small."), fact(Parameters, 7e9, "parameters", "7B"));
    assert_eq!(
        one("70 billion parameters"),
        fact(Parameters, 7e10, "parameters", "70 billion parameters")
    );
    assert_eq!(one("a 1.3B params model"), fact(Parameters, 1.3e9, "parameters", "1.3B params"));
    assert_eq!(one("Mixtral 8x7B beats it"), fact(Parameters, 5.6e10, "parameters", "8x7B"));
    assert_eq!(
        one("the 7-billion-parameter model"),
        fact(Parameters, 7e9, "parameters", "7-billion-parameter")
    );
    let list =
        found("We have also released 124 million, 355 million, and 774 million parameter models.");
    let values: Vec<f64> = list.iter().map(|f| f.1).collect();
    assert_eq!(values, [1.24e8, 3.55e8, 7.74e8]);
    assert!(list.iter().all(|f| f.0 == Parameters));
    let range = found("ranging in scale from 7 billion to 70 billion parameters");
    assert_eq!(range.iter().map(|f| f.1).collect::<Vec<_>>(), [7e9, 7e10]);
    // Sizes named by the model are sizes, not counts of models.
    assert_eq!(one("We added 31M models."), fact(Parameters, 3.1e7, "parameters", "31M models"));
}

#[test]
fn flops() {
    assert_eq!(
        one("trained with 3.8 × 10^25 FLOPs"),
        fact(Flops, 3.8e25, "FLOP", "3.8 × 10^25 FLOPs")
    );
    assert_eq!(one("about 1e24 FLOP of compute"), fact(Flops, 1e24, "FLOP", "1e24 FLOP"));
    assert_eq!(one("training compute was 3.8e25."), fact(Flops, 3.8e25, "FLOP", "3.8e25"));
    assert_eq!(
        one("roughly 2 x 10²⁴ floating point operations"),
        fact(Flops, 2e24, "FLOP", "2 x 10²⁴ floating point operations")
    );
    assert_eq!(
        one("needed 3640 petaflop/s-days"),
        fact(Flops, 3.14496e23, "FLOP", "3640 petaflop/s-days")
    );
    // An exponent without FLOPs or compute nearby is no FLOP count.
    assert!(found("a learning rate of 3.0e-4").is_empty());
    assert!(found("the constant is 6.02e23").is_empty());
}

#[test]
fn tokens() {
    assert_eq!(one("trained on 15T tokens"), fact(Tokens, 1.5e13, "tokens", "15T tokens"));
    assert_eq!(one("over 15T+ tokens of data"), fact(Tokens, 1.5e13, "tokens", "15T+ tokens"));
    assert_eq!(
        one("pretrained on 2 trillion tokens"),
        fact(Tokens, 2e12, "tokens", "2 trillion tokens")
    );
    assert_eq!(
        one("saw 300B training tokens"),
        fact(Tokens, 3e11, "tokens", "300B training tokens")
    );
    assert_eq!(one("a context of 2048 tokens"), fact(Tokens, 2048.0, "tokens", "2048 tokens"));
}

#[test]
fn dates() {
    assert_eq!(one("released in July 2024."), fact(Date, 20_240_700.0, "date", "July 2024"));
    assert_eq!(one("on 2024-07-23 we"), fact(Date, 20_240_723.0, "date", "2024-07-23"));
    assert_eq!(one("on 23 July 2024 we"), fact(Date, 20_240_723.0, "date", "23 July 2024"));
    assert_eq!(
        one("Model Release Date: July 23, 2024."),
        fact(Date, 20_240_723.0, "date", "July 23, 2024")
    );
    assert_eq!(one("Version 1.0 / 25.May.2022"), fact(Date, 20_220_525.0, "date", "25.May.2022"));
    assert_eq!(
        one("Started 11th March, 2022 11:42am"),
        fact(Date, 20_220_311.0, "date", "11th March, 2022")
    );
    assert_eq!(one("cutoff of Dec. 2023"), fact(Date, 20_231_200.0, "date", "Dec. 2023"));
    let span = found("International, May 2021-May 2022");
    assert_eq!(span.iter().map(|f| f.1).collect::<Vec<_>>(), [20_210_500.0, 20_220_500.0]);
    // "may" the verb, a bare year and impossible dates are not dates.
    assert!(found("Models may 2023 differ").is_empty());
    assert!(found("since 2020, and 2024-13-45").is_empty());
}

#[test]
fn energy_and_co2() {
    assert_eq!(one("used 1,000 MWh of power"), fact(Energy, 1e6, "kWh", "1,000 MWh"));
    assert_eq!(one("about 50 kWh"), fact(Energy, 50.0, "kWh", "50 kWh"));
    assert_eq!(one("1.2 GWh in total"), fact(Energy, 1.2e6, "kWh", "1.2 GWh"));
    assert_eq!(one("433 megawatt-hours"), fact(Energy, 433_000.0, "kWh", "433 megawatt-hours"));
    assert_eq!(one("emissions were 539 tCO2eq, offset"), fact(Co2e, 539.0, "tCO2e", "539 tCO2eq"));
    assert_eq!(
        one("were 11,390 tons CO2eq for training"),
        fact(Co2e, 11_390.0, "tCO2e", "11,390 tons CO2eq")
    );
    assert_eq!(one("25 t CO2e"), fact(Co2e, 25.0, "tCO2e", "25 t CO2e"));
    assert_eq!(
        one("30 metric tons of CO₂ equivalent"),
        fact(Co2e, 30.0, "tCO2e", "30 metric tons of CO₂ equivalent")
    );
    assert_eq!(one("149200 g CO2eq"), fact(Co2e, 0.1492, "tCO2e", "149200 g CO2eq"));
}

#[test]
fn durations_and_counts() {
    assert_eq!(
        one("a cumulative of 39.3M GPU hours of computation"),
        fact(Duration, 3.93e7, "GPU hours", "39.3M GPU hours")
    );
    assert_eq!(one("took 3 days"), fact(Duration, 72.0, "hours", "3 days"));
    assert_eq!(
        one("Hardware: 384 A100 80GB GPUs"),
        fact(Count, 384.0, "GPUs", "384 A100 80GB GPUs")
    );
    assert_eq!(one("70 layers deep"), fact(Count, 70.0, "layers", "70 layers"));
    assert_eq!(
        one("over 25M synthetically generated examples"),
        fact(Count, 2.5e7, "examples", "25M synthetically generated examples")
    );
    // Ages, versions and years are not counts or durations.
    assert!(found("I'm a 41-year-old guy").is_empty());
    assert!(found("developers may fine-tune Llama 3.1 models").is_empty());
    assert!(found("for the Llama 2 models").is_empty());
    assert!(found("unlike the 2023 models").is_empty());
    assert_eq!(one("Over 300 models were tested."), fact(Count, 300.0, "models", "300 models"));
}

#[test]
fn products_are_counts_of_hardware() {
    assert_eq!(
        one("Hardware: 32 x 8 x A100 GPUs"),
        fact(Count, 256.0, "GPUs", "32 x 8 x A100 GPUs")
    );
    assert_eq!(one("on 4×8 H100 GPUs"), fact(Count, 32.0, "GPUs", "4×8 H100 GPUs"));
    assert_eq!(one("using 2*8 TPUs"), fact(Count, 16.0, "TPUs", "2*8 TPUs"));
    assert_eq!(one("64 X 4 nodes"), fact(Count, 256.0, "nodes", "64 X 4 nodes"));
    // A multiplier sign glued to one number: a count of that many.
    assert_eq!(one("trained on 8x A100 GPUs"), fact(Count, 8.0, "GPUs", "8x A100 GPUs"));
    assert_eq!(one("a node of 8 x A100 GPUs"), fact(Count, 8.0, "GPUs", "8 x A100 GPUs"));
    // In a table, the unit of the column.
    let cell = table("Model | Hardware (GPUs); SD v1 | 32 x 8");
    assert_eq!(cell, [(Count, 256.0, "32 x 8".into(), "SD v1 | 32 x 8".into())]);
}

#[test]
fn exponents_resolutions_and_grids_are_not_products() {
    assert_eq!(
        found("32 x 8 GPUs ran 3.8 × 10^25 FLOPs"),
        [
            fact(Count, 256.0, "GPUs", "32 x 8 GPUs"),
            fact(Flops, 3.8e25, "FLOP", "3.8 × 10^25 FLOPs")
        ]
    );
    assert_eq!(one("about 2 x 10^24 FLOP"), fact(Flops, 2e24, "FLOP", "2 x 10^24 FLOP"));
    for text in [
        "trained at resolution 512x512 on laion-high-resolution",
        "with resolution >= 1024x1024",
        "we generated 1024x1024 images",
        "we generated 1024 x 1024 images",
        "shown in a 2 x 2 grid",
        "a 3 × 3 kernel over 2 x 2 patches",
        "Batch: 32 x 8 x 2 x 4 = 2048",
        "it is 2.6x faster",
        "4x larger models",
        "8 x 80GB cards",
        // A superscript lost in a PDF's text ("10²⁵" read as "1025"): neither 5125 nor 1025.
        "(e.g. 5 x 1025 FLOPS)",
    ] {
        assert!(found(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
    // The sizes of experts stay a parameter count.
    assert_eq!(one("Mixtral 8x7B beats it"), fact(Parameters, 5.6e10, "parameters", "8x7B"));
}

#[test]
fn table_scores_with_a_metric_column() {
    let text = "Category | Benchmark | # Shots | Metric | Llama 3 8B | Llama 3.1 8B Instruct; \
                General | MMLU | 5 | macro_avg/acc | 66.7 | 69.4; \
                | MMLU-Pro (CoT) | 5 | macro_avg/acc | 36.2 | 58; \
                Code | HumanEval | 0 | pass@1 | - | 72.6*";
    assert_eq!(
        scores(text),
        [
            score(66.7, "General, MMLU, 5-shot, macro_avg/acc, Llama 3 8B: 66.7"),
            score(69.4, "General, MMLU, 5-shot, macro_avg/acc, Llama 3.1 8B Instruct: 69.4"),
            score(36.2, "General, MMLU-Pro (CoT), 5-shot, macro_avg/acc, Llama 3 8B: 36.2"),
            // A whole number among decimals is a score too.
            score(
                58.0,
                "General, MMLU-Pro (CoT), 5-shot, macro_avg/acc, Llama 3.1 8B Instruct: 58"
            ),
            score(72.6, "Code, HumanEval, 0-shot, pass@1, Llama 3.1 8B Instruct: 72.6"),
        ]
    );
    // Rows under a spanning cell take its label; a "Benchmark" column names every row.
    let text = "Benchmark | Language | Model A; MMLU (5-shot) | French | 62.34; | Thai | 50.32; \
                Average | | 56.1";
    assert_eq!(
        table(text),
        [
            score(62.34, "MMLU (5-shot), French, Model A: 62.34"),
            score(50.32, "MMLU (5-shot), Thai, Model A: 50.32"),
            score(56.1, "Average, Model A: 56.1"),
        ]
    );
}

#[test]
fn table_scores_without_a_metric_column() {
    // Benchmarks in the header: every score column of the table ("Code") holds scores.
    let text = "Model | Size | Code | MMLU | BBH; Llama 1 | 65B | 30.7 | 63.4 | 43.5; \
                Llama 2 | 70B | 37.5 | 68.9 | 51.2";
    assert_eq!(
        table(text),
        [
            (Parameters, 6.5e10, "65B".into(), "Llama 1 | 65B | 30.7 | 63.4 | 43.5".into()),
            score(30.7, "Llama 1, Size 65B, Code: 30.7"),
            score(63.4, "Llama 1, Size 65B, MMLU: 63.4"),
            score(43.5, "Llama 1, Size 65B, BBH: 43.5"),
            (Parameters, 7e10, "70B".into(), "Llama 2 | 70B | 37.5 | 68.9 | 51.2".into()),
            score(37.5, "Llama 2, Size 70B, Code: 37.5"),
            score(68.9, "Llama 2, Size 70B, MMLU: 68.9"),
            score(51.2, "Llama 2, Size 70B, BBH: 51.2"),
        ]
    );
    // One benchmark column; a row naming the benchmark.
    let got = table("| | TruthfulQA | Notes; Llama-2-Chat | 70B | 64.14 | 0.5");
    assert_eq!(got[1], score(64.14, "Llama-2-Chat, 70B, TruthfulQA: 64.14"));
    assert_eq!(got.len(), 2, "{got:?}");
    let got = scores("Benchmarks | Original | June 2024 Update; MMLU | 68.1 | 69.7");
    assert_eq!(
        got,
        [score(68.1, "MMLU, Original: 68.1"), score(69.7, "MMLU, June 2024 Update: 69.7")]
    );
}

#[test]
fn years_sizes_and_counts_in_tables_are_not_scores() {
    for text in [
        // Nothing names a benchmark or metric.
        "Hyperparameter | Value; dropout | 0.1; learning rate | 0.0003; layers | 28",
        "Model | 4K | 8K; Original | 86.7 | 78.1",
        // Whole numbers: shots, examples, years.
        "Benchmark | # Shots | Examples | Year; MMLU | 5 | 14042 | 2020; GSM8K | 8 | 1319 | 2021",
        // Sizes, counts and units in the header.
        "Benchmark | Size | Time (GPU hours); MMLU | 7B | 1.5",
    ] {
        assert!(scores(text).is_empty(), "{text:?} gave {:?}", scores(text));
    }
    // A year among decimal scores is not one of them.
    let got = table("Benchmark | Model A | Model B; MMLU | 66.7 | 2024; GSM8K | 50.1 | 80.2");
    let texts: Vec<_> = got.iter().map(|f| (f.0, f.2.as_str())).collect();
    assert_eq!(texts, [(Score, "66.7"), (Score, "50.1"), (Score, "80.2")]);
    // A unit in the header wins ("Accuracy (%)"); a size stays a size.
    let got = table("Benchmark | Accuracy (%) | Params; MMLU | 66.7 | 8B");
    let kinds: Vec<_> = got.iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(kinds, [(Percentage, 0.667), (Parameters, 8e9)]);
}

#[test]
fn separators_are_read_conservatively() {
    assert_eq!(one("11,390 tokens"), fact(Tokens, 11_390.0, "tokens", "11,390 tokens"));
    assert_eq!(one("1,000,000 tokens"), fact(Tokens, 1e6, "tokens", "1,000,000 tokens"));
    assert_eq!(one("1\u{a0}000 tokens"), fact(Tokens, 1000.0, "tokens", "1\u{a0}000 tokens"));
    assert_eq!(one("1.000.000 tokens"), fact(Tokens, 1e6, "tokens", "1.000.000 tokens"));
    // "1.000" alone is one; "1,5" is not fifteen; "1 000" with a plain space is two numbers.
    assert_eq!(one("1.000 tokens"), fact(Tokens, 1.0, "tokens", "1.000 tokens"));
    assert!(found("1,0000 tokens").is_empty());
    assert!(found("1 000 tokens").is_empty());
    assert_eq!(
        one("Table 3 has 100 rows and 512 tokens"),
        fact(Tokens, 512.0, "tokens", "512 tokens")
    );
}

#[test]
fn names_links_and_money_are_not_facts() {
    for text in [
        "GPT-4 and A100 GPUs",
        "see https://example.org/tr11-176B-ml/7B for more",
        "mail me at team2024@example.org",
        "It cost $7-15M and €20 billion.",
        "H100-80GB hardware",
        "Llama 3.1 is out; section 7.3.2 explains",
        "we use bf16 and 80GB of memory",
    ] {
        assert!(found(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
}

#[test]
fn sentences_are_the_sentence_and_at_most_300_chars() {
    let text = "Intro sentence here. The model has 7B parameters, e.g. for chat. Next one.";
    let f = &facts(text)[0];
    assert_eq!(f.sentence, "The model has 7B parameters, e.g. for chat.");
    assert_eq!(f.passage, "p1");
    let long = format!("{} It used 15T tokens {}", "word ".repeat(200), "more ".repeat(200));
    let f = &facts(&long)[0];
    assert!(f.sentence.chars().count() <= 300, "{}", f.sentence.chars().count());
    assert!(f.sentence.contains("15T tokens"));
    assert!(f.sentence.starts_with('…') && f.sentence.ends_with('…'));
}

#[test]
fn table_cells_take_the_unit_of_their_column() {
    let text = "| Training Time (GPU hours) | Power (W) | Emissions (tons CO2eq) | Params | Batch Size; \
                Llama 3.1 8B | 1.46M | 700 | 420 | 8B | 2M; Total | 39.3M | | 11,390 | |";
    let got: Vec<_> = extract(&[passage(PassageKind::Table, text)])
        .into_iter()
        .map(|f| (f.kind, f.value, f.text, f.sentence))
        .collect();
    let row = "Llama 3.1 8B | 1.46M | 700 | 420 | 8B | 2M";
    assert_eq!(
        got,
        [
            (Parameters, 8e9, "8B".into(), row.into()),
            (Duration, 1.46e6, "1.46M".into(), row.into()),
            (Co2e, 420.0, "420".into(), row.into()),
            (Parameters, 8e9, "8B".into(), row.into()),
            (Duration, 3.93e7, "39.3M".into(), "Total | 39.3M | | 11,390 | |".into()),
            (Co2e, 11_390.0, "11,390".into(), "Total | 39.3M | | 11,390 | |".into()),
        ]
    );
}

#[test]
fn headers_naming_models_give_no_unit() {
    let text = "Benchmark | Metric | 2B Params | 7B Params; MMLU | 5-shot | 42.3 | 64.3";
    let got: Vec<_> = extract(&[passage(PassageKind::Table, text)])
        .into_iter()
        .map(|f| (f.kind, f.text))
        .collect();
    let s = |text: &str| (Score, text.to_owned());
    let p = |text: &str| (Parameters, text.to_owned());
    // The model columns hold scores, not parameter counts.
    assert_eq!(got, [p("2B Params"), p("7B Params"), s("42.3"), s("64.3")]);
    let sizes = "Hyperparameter | Value; n_parameters | 6053381344; n_layers | 28";
    assert!(extract(&[passage(PassageKind::Table, sizes)]).is_empty());
    let params = "Model | Params | Tokens; A | 6053381344 | 402B; B | 12 | 3";
    let got: Vec<_> = extract(&[passage(PassageKind::Table, params)])
        .into_iter()
        .map(|f| (f.kind, f.value))
        .collect();
    assert_eq!(got, [(Parameters, 6_053_381_344.0), (Tokens, 4.02e11)]);
}

#[test]
fn first_date_is_as_written() {
    assert_eq!(first_date("Monday, 11.July.2022").as_deref(), Some("11.July.2022"));
    assert_eq!(first_date("no date here"), None);
}

#[test]
fn llama_3_1_card_facts() {
    let Some(text) = corpus_text("llama-3.1-model-card.md") else { return };
    let content = crate::markdown_source::import(&text).value;
    let facts = extract(&content.passages);
    let has = |kind: FactKind, written: &str, value: f64| {
        facts.iter().any(|f| {
            f.kind == kind
                && f.text == written
                && (f.value - value).abs() < 1e-6 * value.abs().max(1.0)
        })
    };
    assert!(has(Duration, "39.3M GPU hours", 3.93e7));
    assert!(has(Co2e, "11,390 tons CO2eq", 11_390.0));
    assert!(has(Tokens, "15 trillion tokens", 1.5e13));
    assert!(has(Tokens, "15T+", 1.5e13), "the table's token count");
    assert!(has(Parameters, "405B", 4.05e11));
    assert!(has(Date, "July 23, 2024", 20_240_723.0));
    assert!(has(Duration, "30.84M", 3.084e7), "the table's GPU hours");
    let sentence = |kind: FactKind, passage: &str, written: &str| {
        facts
            .iter()
            .find(|f| f.kind == kind && f.passage == passage && f.text == written)
            .map(|f| f.sentence.as_str())
    };
    assert_eq!(
        sentence(Score, "sec-instruction-tuned-models-p1", "69.4"),
        Some("General, MMLU, 5-shot, macro_avg/acc, Llama 3.1 8B Instruct: 69.4")
    );
    assert_eq!(
        sentence(Score, "sec-multilingual-benchmarks-p1", "50.32"),
        Some("General, MMLU (5-shot, macro_avg/acc), Thai, Llama 3.1 8B Instruct: 50.32")
    );
    let scores = facts.iter().filter(|f| f.kind == Score);
    let per_table = |id: &str| scores.clone().filter(|f| f.passage == id).count();
    // Every cell of the benchmark tables but the "-" ones; none in the other tables.
    assert_eq!(per_table("sec-base-pretrained-models-p1"), 12 * 5 - 2);
    assert_eq!(per_table("sec-instruction-tuned-models-p1"), 17 * 5 - 6);
    assert_eq!(per_table("sec-multilingual-benchmarks-p1"), 7 * 3);
    assert_eq!(scores.count(), 58 + 79 + 21);
    let gpu = facts.iter().find(|f| f.text == "39.3M GPU hours").map(|f| f.sentence.as_str());
    assert_eq!(
        gpu,
        Some(
            "Training Energy Use Training utilized a cumulative of 39.3M GPU hours of computation on H100-80GB (TDP of 700W) type hardware, per the table below."
        )
    );
    for f in &facts {
        assert!(f.sentence.chars().count() <= 300);
        assert!(content.passages.iter().any(|p| p.id == f.passage && p.text.contains(&f.text)));
    }
}

#[test]
fn long_passages_stay_linear() {
    let text = "On July 23, 2024 we used 7B and 15T tokens. ".repeat(20_000);
    let started = std::time::Instant::now();
    let found = facts(&text);
    assert_eq!(found.len(), 60_000);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

proptest! {
    #[test]
    fn never_panics_on_any_text(s in "\\PC*") {
        let facts = facts(&s);
        for f in facts {
            prop_assert!(f.sentence.chars().count() <= 300);
            prop_assert!(s.contains(&f.text));
        }
    }

    #[test]
    fn never_panics_on_number_soup(s in "[0-9.,%x×^eE+\\-–$ BMTKkbnt²⁵CO₂qGPUhoursparmtokn|;]{0,80}") {
        let _ = facts(&s);
        let _ = extract(&[passage(PassageKind::Table, &s)]);
    }
}

#[test]
fn llama_2_card_scores() {
    let Some(text) = corpus_text("llama-2-model-card.md") else { return };
    let content = crate::markdown_source::import(&text).value;
    let facts = extract(&content.passages);
    let score = |written: &str, sentence: &str| {
        facts.iter().any(|f| f.kind == Score && f.text == written && f.sentence == sentence)
    };
    assert!(score("68.9", "Llama 2, Size 70B, MMLU: 68.9"));
    assert!(score("37.5", "Llama 2, Size 70B, Code: 37.5"));
    assert!(score("64.14", "Llama-2-Chat, 70B, TruthfulQA: 64.14"));
    // Sizes, GPU hours, emissions and learning rates stay what they are.
    for f in facts.iter().filter(|f| f.kind == Score) {
        assert!(f.passage.starts_with("sec-evaluation-results-p"), "{f:?}");
        assert!(f.value < 100.0 && !f.text.ends_with('B'), "{f:?}");
    }
    assert!(facts.iter().any(|f| f.kind == Parameters && f.text == "70B"));
    assert!(facts.iter().any(|f| f.kind == Co2e && f.text == "291.42"));
    assert_eq!(facts.iter().filter(|f| f.kind == Score).count(), 56 + 14 + 6);
}

#[test]
fn stable_diffusion_card_counts_256_gpus() {
    let Some(text) = corpus_text("stable-diffusion-v1-model-card.md") else { return };
    let content = crate::markdown_source::import(&text).value;
    let gpus: Vec<_> = extract(&content.passages)
        .into_iter()
        .filter(|f| f.unit == "GPUs")
        .map(|f| (f.value, f.text, f.sentence))
        .collect();
    assert_eq!(gpus, [(256.0, "32 x 8 x A100 GPUs".into(), "Hardware: 32 x 8 x A100 GPUs".into())]);
}
