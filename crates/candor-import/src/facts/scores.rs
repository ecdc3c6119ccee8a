//! Benchmark scores in tables: bare numbers ("66.7") in cells whose row or column names a
//! benchmark or a metric ("MMLU", "HumanEval", "acc", "pass@1", "5-shot").
//!
//! A score is a fact of kind [`FactKind::Score`](candor_model::FactKind::Score) with the unit
//! "score" whatever the metric, and the value as written (66.7, not 0.667). Metrics are
//! written in too many ways ("macro_avg/acc_char", "em_maj1@1", "top-1") to be a unit two
//! facts could share, and a table rarely says whether its scale is 0–1 or 0–100. What the
//! score measures is in the fact's sentence instead, made of the row's labels and the
//! column's header: "General, MMLU, 5-shot, macro_avg/acc, Llama 3.1 8B Instruct: 69.4".
//!
//! A column holds scores when its header gives no unit, does not name sizes, counts or
//! years ("Params", "# Shots", "Year"; a header naming a model, "7B Params", is a model's
//! column), and at least half of its numbers are decimals: a whole number among decimals
//! ("58" beside "32.2" and "66.7") is a score too, a column of whole numbers (shots, layers,
//! sizes) is not, and a year never is. A cell of such a column is a score when its column
//! names a benchmark or metric, or when the header row names two or more (the columns
//! "Code" and "Math" of a table with "MMLU" and "BBH" columns), or when its row does:
//! a label cell names one, or the row has a cell under a "Benchmark", "Metric", "Task" or
//! "Dataset" column. Leading empty label cells take the value of the row above (rows
//! under a spanning cell: "| | Spanish | 41.5" after "General | MMLU | Portuguese | 39.8").

use std::collections::HashMap;

use super::{MAX_SENTENCE, units};

/// A score found in a table: where it is in its cell (chars), its value, its sentence.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Score {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub sentence: String,
}

/// The scores of a table, by (line index, column). `lines` are the table's lines and
/// `header_at` the index of its header line; the cells of a line are `cells(line)`.
pub(super) fn in_table(lines: &[&str], header_at: usize) -> HashMap<(usize, usize), Score> {
    let mut out = HashMap::new();
    let Some(header_line) = lines.get(header_at) else { return out };
    let header: Vec<&str> = super::cells(header_line).map(|(_, c)| c.trim()).collect();
    let body: Vec<(usize, Vec<(usize, &str)>)> = lines
        .iter()
        .enumerate()
        .skip(header_at + 1)
        .map(|(i, line)| (i, super::cells(line).collect()))
        .collect();
    let width = body.iter().map(|(_, row)| row.len()).chain([header.len()]).max().unwrap_or(0);
    let heads: Vec<&str> = (0..width).map(|c| header.get(c).copied().unwrap_or("")).collect();
    let scoring: Vec<bool> = (0..width)
        .map(|c| score_column(heads[c], body.iter().filter_map(|(_, row)| row.get(c))))
        .collect();
    if !scoring.iter().any(|&s| s) {
        return out;
    }
    let named_columns: Vec<bool> = heads.iter().map(|h| names_benchmark(h)).collect();
    let header_names_benchmarks =
        (0..width).filter(|&c| scoring[c] && named_columns[c]).count() >= 2;
    // Label columns whose cells name what a row measures ("Benchmark", "Metric").
    let naming_columns: Vec<bool> =
        heads.iter().zip(&scoring).map(|(h, &s)| !s && is_benchmark_heading(h)).collect();
    // The labels of a row: its cells left of the first score column, but those whose header
    // gives a unit ("Training FLOPs").
    let first_score = scoring.iter().position(|&s| s).unwrap_or(width);
    let labelling: Vec<bool> = heads
        .iter()
        .enumerate()
        .map(|(c, h)| c < first_score && units::in_header(&h.to_lowercase()).is_none())
        .collect();
    let mut above: Vec<String> = vec![String::new(); width];
    for (i, row) in &body {
        let labels = row_labels(row, &labelling, &mut above);
        let row_named = labels.iter().enumerate().any(|(c, l)| {
            !l.is_empty() && (names_benchmark(l) || naming_columns.get(c).copied().unwrap_or(false))
        });
        for (c, &(_, cell)) in row.iter().enumerate() {
            let column_named = named_columns[c] || header_names_benchmarks;
            if !scoring[c] || !(row_named || column_named) {
                continue;
            }
            let Some(bare) = bare_number(cell) else { continue };
            if bare.year_like {
                continue;
            }
            let written: String =
                cell.chars().skip(bare.start).take(bare.end - bare.start).collect();
            let sentence = score_sentence(&labels, &heads, heads[c], &written);
            out.insert(
                (*i, c),
                Score { start: bare.start, end: bare.end, value: bare.value, sentence },
            );
        }
    }
    out
}

/// The label cells of a row (empty strings for the columns not `labelling`), leading empty
/// ones filled from the row above; `above` is updated to this row's labels.
fn row_labels(row: &[(usize, &str)], labelling: &[bool], above: &mut [String]) -> Vec<String> {
    let mut leading = true;
    let mut labels = Vec::with_capacity(above.len());
    for (c, slot) in above.iter_mut().enumerate() {
        let cell = row.get(c).map_or("", |&(_, cell)| cell.trim());
        if !labelling.get(c).copied().unwrap_or(false) {
            labels.push(String::new());
            continue;
        }
        let label = if cell.is_empty() && leading { slot.clone() } else { cell.to_owned() };
        if !cell.is_empty() {
            leading = false;
        }
        slot.clone_from(&label);
        labels.push(label);
    }
    labels
}

/// "General, MMLU, 5-shot, macro_avg/acc, Llama 3.1 8B Instruct: 69.4": the row's labels,
/// the column's header and the score, at most [`MAX_SENTENCE`] characters.
fn score_sentence(labels: &[String], heads: &[&str], column: &str, written: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (label, head) in labels.iter().zip(heads) {
        let label = label.trim();
        // Empty, "-", "✓": nothing to say without the header.
        if !label.chars().any(char::is_alphanumeric) {
            continue;
        }
        let shots = head.to_lowercase().contains("shot")
            && label.chars().all(|c| c.is_ascii_digit() || c == '-');
        parts.push(if shots {
            format!("{label}-shot")
        } else if numeric(label) && !head.is_empty() {
            format!("{head} {label}")
        } else {
            label.to_owned()
        });
    }
    if !column.is_empty() {
        parts.push(column.to_owned());
    }
    let tail = format!(": {written}");
    let mut head = parts.join(", ");
    let room = MAX_SENTENCE.saturating_sub(tail.chars().count() + 1);
    if head.chars().count() > room {
        head = head.chars().take(room).collect::<String>().trim_end().to_owned();
        head.push('…');
    }
    head + &tail
}

/// A label that says nothing without its header: "7B", "40", "3.0e21" (not "5-shot").
fn numeric(label: &str) -> bool {
    label.starts_with(|c: char| c.is_ascii_digit())
        && !label.contains(char::is_whitespace)
        && label.chars().filter(|c| c.is_alphabetic()).count() <= 2
}

/// Whether a column holds scores: no unit or count in its header, and at least half of its
/// numbers decimals.
fn score_column<'c>(head: &str, cells: impl Iterator<Item = &'c (usize, &'c str)>) -> bool {
    if units::in_header(&head.to_lowercase()).is_some() || counts_things(head) {
        return false;
    }
    let (mut numbers, mut decimals) = (0, 0);
    for &(_, cell) in cells {
        if let Some(bare) = bare_number(cell) {
            numbers += 1;
            decimals += usize::from(bare.decimal);
        }
    }
    decimals > 0 && decimals * 2 >= numbers
}

/// Words of a header whose column holds sizes, counts, years or times, not scores. A header
/// with a digit names a model ("7B Params", "Llama 3.1 8B"), whatever its words.
fn counts_things(head: &str) -> bool {
    if head.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    head.contains('#')
        || words(head).iter().any(|w| {
            matches!(
                w.as_str(),
                "param"
                    | "params"
                    | "parameters"
                    | "size"
                    | "shots"
                    | "year"
                    | "years"
                    | "date"
                    | "count"
                    | "number"
                    | "layers"
                    | "heads"
                    | "tokens"
                    | "length"
                    | "context"
                    | "batch"
                    | "steps"
                    | "epochs"
                    | "version"
                    | "time"
                    | "hours"
                    | "power"
                    | "emissions"
                    | "memory"
                    | "cost"
                    | "price"
                    | "lr"
            )
        })
}

/// A header naming the column whose cells say what each row measures.
fn is_benchmark_heading(head: &str) -> bool {
    let w = words(head);
    w.len() <= 2
        && w.iter().any(|w| {
            matches!(
                w.as_str(),
                "benchmark" | "benchmarks" | "metric" | "metrics" | "task" | "tasks" | "dataset"
            )
        })
}

/// Benchmarks known by name. Names of four letters or more (but those in [`WHOLE_WORDS`])
/// also match words they begin ("MMMUval", "DocVQAtest"); those of five or more also inside
/// a text's letters ("AGI Eval", "Big-Bench").
const BENCHMARKS: &[&str] = &[
    "agieval",
    "aime",
    "alpacaeval",
    "anli",
    "apps",
    "arc",
    "bbh",
    "bbq",
    "bfcl",
    "bigbench",
    "bold",
    "boolq",
    "chartqa",
    "commonsenseqa",
    "crows",
    "docvqa",
    "drop",
    "egoschema",
    "flores",
    "glue",
    "govreport",
    "gpqa",
    "gsm",
    "gsm8k",
    "hellaswag",
    "humaneval",
    "ifeval",
    "infinitebench",
    "infovqa",
    "lambada",
    "livecodebench",
    "math",
    "mathvista",
    "mbpp",
    "medqa",
    "mgsm",
    "mmbench",
    "mme",
    "mmlu",
    "mmmu",
    "mmstar",
    "mmvet",
    "mtvqa",
    "mvbench",
    "naturalquestions",
    "openbookqa",
    "piqa",
    "qasper",
    "qmsum",
    "quac",
    "realtoxicity",
    "realworldqa",
    "ruler",
    "siqa",
    "socialiqa",
    "squad",
    "squality",
    "summscreen",
    "superglue",
    "textvqa",
    "toxigen",
    "triviaqa",
    "truthfulqa",
    "winobias",
    "winogender",
    "winogrande",
    "wmt",
    "xnli",
];

/// Benchmark names that begin other words ("dropout", "bolder", "mathematician").
const WHOLE_WORDS: &[&str] = &["aime", "apps", "bold", "drop", "glue", "math"];

/// Words naming a metric.
const METRICS: &[&str] = &[
    "acc",
    "accuracy",
    "auc",
    "benchmark",
    "benchmarks",
    "bleu",
    "cer",
    "chrf",
    "elo",
    "em",
    "f1",
    "fid",
    "metric",
    "mrr",
    "ndcg",
    "perplexity",
    "ppl",
    "rouge",
    "rouge1",
    "rouge2",
    "rougel",
    "score",
    "scores",
    "wer",
];

/// Whether a text names a benchmark ("MMLU (CoT)", "GSM-8K", "TriviaQA-Wiki", "MT-Bench") or
/// a metric ("macro_avg/acc", "pass@1", "5-shot", "top-1", "F1").
fn names_benchmark(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words = words(&lower);
    let letters: String = lower.chars().filter(char::is_ascii_alphanumeric).collect();
    let known = |w: &str| {
        BENCHMARKS
            .iter()
            .any(|b| w == *b || (b.len() >= 4 && !WHOLE_WORDS.contains(b) && w.starts_with(b)))
            || METRICS.contains(&w)
            || (w.len() >= 5 && (w.ends_with("qa") || w.contains("bench")))
    };
    words.iter().any(|w| known(w))
        || BENCHMARKS.iter().any(|b| b.len() >= 5 && letters.contains(b))
        || metric_sign(&lower)
}

/// "pass@1", "maj@1", "5-shot", "0 shot", "top-1".
fn metric_sign(lower: &str) -> bool {
    let chars: Vec<char> = lower.chars().collect();
    chars.windows(2).any(|w| w[0] == '@' && w[1].is_ascii_digit())
        || lower.match_indices("shot").any(|(at, _)| {
            let before = lower[..at].trim_end_matches([' ', '-']);
            before.ends_with(|c: char| c.is_ascii_digit())
        })
        || lower.contains("top-1")
        || lower.contains("top-5")
        || lower.contains("top1")
}

/// The lowercase words of a text, split at anything not a letter or digit ("macro_avg/acc"
/// is "macro", "avg", "acc").
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A cell holding only a number ("66.7", "58", "45.0*"): its char range in the cell.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bare {
    start: usize,
    end: usize,
    value: f64,
    decimal: bool,
    year_like: bool,
}

/// The number a cell holds alone, with at most footnote marks after it.
fn bare_number(cell: &str) -> Option<Bare> {
    let chars: Vec<char> = cell.chars().collect();
    let mut start = 0;
    while chars.get(start).is_some_and(|c| super::is_space(*c)) {
        start += 1;
    }
    let mut end = start;
    while chars.get(end).is_some_and(char::is_ascii_digit) {
        end += 1;
    }
    let int_len = end - start;
    if int_len == 0 || int_len > 7 {
        return None;
    }
    let mut decimal = false;
    if chars.get(end) == Some(&'.') && chars.get(end + 1).is_some_and(char::is_ascii_digit) {
        decimal = true;
        end += 1;
        while chars.get(end).is_some_and(char::is_ascii_digit) && end - start < 16 {
            end += 1;
        }
    }
    let rest_ok = chars[end..].iter().all(|&c| super::is_space(c) || matches!(c, '*' | '†' | '‡'));
    if !rest_ok {
        return None;
    }
    let text: String = chars[start..end].iter().collect();
    let value: f64 = text.parse().ok()?;
    let year_like = !decimal && int_len == 4 && (1900.0..=2100.0).contains(&value);
    Some(Bare { start, end, value, decimal, year_like })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_benchmarks_and_metrics() {
        for text in [
            "MMLU",
            "MMLU-Pro (CoT)",
            "GSM-8K (CoT)",
            "TriviaQA-Wiki",
            "AGI Eval",
            "BIG-Bench Hard",
            "HumanEval",
            "MMMUval",
            "macro_avg/acc_char",
            "pass@1",
            "em_maj1@1",
            "5-shot, top-1",
            "QuAC (F1)",
            "sympy_intersection_score",
            "Benchmark",
        ] {
            assert!(names_benchmark(text), "{text:?}");
        }
        for text in ["Llama 3.1 8B", "GQA", "Params", "# Shots", "Architecture", "Spanish", ""] {
            assert!(!names_benchmark(text), "{text:?}");
        }
    }

    #[test]
    fn bare_numbers() {
        let b = bare_number(" 66.7 ").map(|b| (b.start, b.end, b.value, b.decimal));
        assert_eq!(b, Some((1, 5, 66.7, true)));
        assert_eq!(bare_number("58").map(|b| b.decimal), Some(false));
        assert_eq!(bare_number("45.0*").map(|b| b.value), Some(45.0));
        assert!(bare_number("2023").is_some_and(|b| b.year_like));
        for cell in ["7B", "51.6%", "-", "~800", "54.0/56.9", "1.0e-3", "2,040", "v1.2", ""] {
            assert_eq!(bare_number(cell), None, "{cell:?}");
        }
    }
}
