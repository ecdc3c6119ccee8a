//! Numbers written in more than one way in one document: thousands separators, decimal
//! marks, and "%" beside "per cent".

use std::ops::Range;
use std::sync::Arc;

use super::super::Finding;
use super::super::tokens::Sentence;
use super::words::phrase_at;
use super::{Rule, UnitFacts};
use crate::Language;

const PERCENT_WORDS: &[&str] = &["per cent", "percent", "prozent", "pour cent"];
/// Words before a number that make it a label, not a quantity ("Version 2.1", "Art. 55").
const LABELS: &[&str] = &[
    "version",
    "v",
    "release",
    "section",
    "sections",
    "chapter",
    "article",
    "art",
    "annex",
    "paragraph",
    "table",
    "figure",
    "fig",
    "abschnitt",
    "kapitel",
    "artikel",
    "anhang",
    "absatz",
    "tabelle",
    "abbildung",
    "nr",
    "no",
    "chapitre",
    "annexe",
    "paragraphe",
    "tableau",
    "fassung",
    "stand",
    "llama",
    "gpt",
    "claude",
    "gemini",
    "mistral",
    "phi",
    "qwen",
];

/// What a number's format says something about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum NumberAspect {
    Thousands,
    Decimals,
    Percent,
}

/// One number whose format is comparable with others.
#[derive(Debug, Clone)]
pub(crate) struct NumberUse {
    pub aspect: NumberAspect,
    /// The style, such as "," or " " for thousands, or the percent suffix as written.
    pub style: String,
    pub range: Range<usize>,
    /// The digits with their separators, to rewrite in another style.
    pub digits: String,
}

pub(super) fn collect(sentences: &[Sentence<'_>], language: Option<Language>) -> Vec<NumberUse> {
    let continental = language.is_some_and(|l| l != Language::En);
    let mut out = Vec::new();
    for s in sentences {
        let w = &s.words;
        let mut i = 0;
        while i < w.len() {
            let token = &w[i];
            if !token.number || label(s, i) {
                i += 1;
                continue;
            }
            let text = token.text;
            // "10 000": groups of three digits after a space.
            let mut end = i;
            while end + 1 < w.len()
                && w[end + 1].number
                && w[end + 1].text.len() == 3
                && w[end + 1].text.chars().all(|c| c.is_ascii_digit())
                && matches!(s.between(end, end + 1), " " | "\u{a0}" | "\u{202f}")
                && w[end].text.len() <= 3
            {
                end += 1;
            }
            let range = token.range.start..w[end].range.end;
            if end > i && text.chars().all(|c| c.is_ascii_digit()) {
                let space = s.between(i, i + 1).to_owned();
                out.push(NumberUse {
                    aspect: NumberAspect::Thousands,
                    style: space,
                    range: range.clone(),
                    digits: s.unit[range].to_owned(),
                });
                i = end + 1;
                continue;
            }
            if let Some(kind) = classify(text, continental) {
                out.push(NumberUse {
                    aspect: kind.0,
                    style: kind.1.to_owned(),
                    range: token.range.clone(),
                    digits: text.to_owned(),
                });
            }
            // The percent sign or words after it.
            let after = s.after(i);
            let trimmed = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
            if trimmed.starts_with('%') {
                let suffix = &after[..after.len() - trimmed.len() + 1];
                let range = token.range.start..token.range.end + suffix.len();
                out.push(NumberUse {
                    aspect: NumberAspect::Percent,
                    style: "%".to_owned(),
                    range,
                    digits: text.to_owned(),
                });
            } else if let Some(n) = phrase_at(s, i + 1, PERCENT_WORDS) {
                let range = token.range.start..w[i + n].range.end;
                let words = s.unit[w[i + 1].range.start..w[i + n].range.end].to_owned();
                out.push(NumberUse {
                    aspect: NumberAspect::Percent,
                    style: format!("word:{words}"),
                    range,
                    digits: text.to_owned(),
                });
            }
            i += 1;
        }
    }
    out
}

/// A number's thousands or decimal style: "1,000" is a thousands comma in English and a
/// decimal comma elsewhere; "2024" is neither; four digits without a separator are allowed
/// everywhere, so they are not compared.
fn classify(text: &str, continental: bool) -> Option<(NumberAspect, &'static str)> {
    let separators: Vec<char> = text.chars().filter(|c| matches!(c, ',' | '.')).collect();
    let groups: Vec<&str> = text.split([',', '.']).collect();
    match separators.as_slice() {
        [] if text.len() >= 5 && text.chars().all(|c| c.is_ascii_digit()) => {
            Some((NumberAspect::Thousands, "none"))
        }
        [] => None,
        [sep] => {
            let three = groups[1].len() == 3 && groups[0].len() <= 3 && groups[0] != "0";
            match (sep, three, continental) {
                (',', true, false) => Some((NumberAspect::Thousands, ",")),
                ('.', true, true) => Some((NumberAspect::Thousands, ".")),
                (',', _, _) => Some((NumberAspect::Decimals, ",")),
                ('.', _, _) => Some((NumberAspect::Decimals, ".")),
                _ => None,
            }
        }
        // "1,000,000" or "1.000.000"; "1,000.5" and dates like 15.03.2025 are neither.
        [a, rest @ ..]
            if rest.iter().all(|c| c == a)
                && groups[0].len() <= 3
                && groups[1..].iter().all(|g| g.len() == 3) =>
        {
            Some((NumberAspect::Thousands, if *a == ',' { "," } else { "." }))
        }
        _ => None,
    }
}

fn label(s: &Sentence<'_>, i: usize) -> bool {
    i > 0 && (LABELS.contains(&s.words[i - 1].lower.as_str()) || s.between(i - 1, i) == "-")
}

/// Reports the numbers written in a style other than the one the document uses most.
pub(super) fn mixed_formats(
    facts: &[Arc<UnitFacts>],
    language: Option<Language>,
    out: &mut Vec<(usize, Finding)>,
) {
    for aspect in [NumberAspect::Thousands, NumberAspect::Decimals, NumberAspect::Percent] {
        let uses: Vec<(usize, &NumberUse)> = facts
            .iter()
            .enumerate()
            .flat_map(|(u, f)| f.numbers.iter().filter(|n| n.aspect == aspect).map(move |n| (u, n)))
            .collect();
        let mut styles: Vec<(&str, usize, usize)> = Vec::new(); // style, count, first
        for (k, (_, n)) in uses.iter().enumerate() {
            match styles.iter_mut().find(|(s, _, _)| *s == n.style) {
                Some(entry) => entry.1 += 1,
                None => styles.push((n.style.as_str(), 1, k)),
            }
        }
        if styles.len() < 2 {
            continue;
        }
        // The most used style; on a tie, the one used first.
        let main = styles
            .iter()
            .max_by_key(|(_, count, first)| (*count, usize::MAX - first))
            .map(|s| s.0)
            .unwrap_or_default();
        for (unit, n) in uses.iter().filter(|(_, n)| n.style != main) {
            let better = rewrite(n, main, language);
            let written = &n.digits;
            let mut finding = Finding::new(
                Rule::MixedNumberFormat,
                n.range.clone(),
                match aspect {
                    NumberAspect::Thousands => format!("“{written}” separates thousands differently from the rest of the document ({})", describe(main)),
                    NumberAspect::Decimals => format!("“{written}” uses a different decimal mark from the rest of the document ({})", describe(main)),
                    NumberAspect::Percent => "This percentage is written differently from the others in the document.".to_owned(),
                },
            )
            .hint("Write every number the same way, so readers do not wonder whether they mean different things.");
            if let Some(better) = better {
                finding = finding.fix(format!("Write “{better}”"), n.range.clone(), better);
            }
            out.push((*unit, finding));
        }
    }
}

fn describe(style: &str) -> String {
    match style {
        "," => "a comma".to_owned(),
        "." => "a full stop".to_owned(),
        "none" => "no separator".to_owned(),
        "%" => "the % sign".to_owned(),
        s if s.starts_with("word:") => format!("“{}”", &s[5..]),
        _ => "a space".to_owned(),
    }
}

/// The number rewritten in `style`.
fn rewrite(n: &NumberUse, style: &str, language: Option<Language>) -> Option<String> {
    match n.aspect {
        NumberAspect::Thousands => {
            let digits: String = n.digits.chars().filter(char::is_ascii_digit).collect();
            let sep = match style {
                "none" => return Some(digits),
                s => s,
            };
            let mut out = String::new();
            for (k, c) in digits.chars().enumerate() {
                if k > 0 && (digits.len() - k).is_multiple_of(3) {
                    out.push_str(sep);
                }
                out.push(c);
            }
            Some(out)
        }
        NumberAspect::Decimals => Some(n.digits.replace([',', '.'], style)),
        NumberAspect::Percent => {
            let space = if language.is_some_and(|l| l != Language::En) { "\u{a0}" } else { "" };
            match style.strip_prefix("word:") {
                Some(words) => Some(format!("{} {words}", n.digits)),
                None => Some(format!("{}{space}%", n.digits)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::sentences;
    use super::*;

    fn styles(text: &str, language: Language) -> Vec<(NumberAspect, String)> {
        collect(&sentences(text), Some(language)).into_iter().map(|n| (n.aspect, n.style)).collect()
    }

    #[test]
    fn styles_by_language() {
        assert_eq!(
            styles("We tested 1,000 prompts in 2024.", Language::En),
            [(NumberAspect::Thousands, ",".to_owned())]
        );
        assert_eq!(
            styles("Wir prüften 1.000 Antworten.", Language::De),
            [(NumberAspect::Thousands, ".".to_owned())]
        );
        assert_eq!(
            styles("Nous avons testé 10 000 réponses.", Language::Fr),
            [(NumberAspect::Thousands, " ".to_owned())]
        );
        assert_eq!(
            styles("Le taux est de 0,5.", Language::Fr),
            [(NumberAspect::Decimals, ",".to_owned())]
        );
        assert_eq!(styles("Version 2.1 of the model", Language::En), []);
        let p = styles("It is 20% or 20 per cent.", Language::En);
        assert_eq!(p[0], (NumberAspect::Percent, "%".to_owned()));
        assert_eq!(p[1], (NumberAspect::Percent, "word:per cent".to_owned()));
    }
}
