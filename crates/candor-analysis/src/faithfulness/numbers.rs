//! Numbers as a source's passages and table cells write them, read directly from the text
//! rather than from the importer's facts. The facts hold numbers with a recognised unit after
//! them or in their column's header, products of hardware counts ("32 x 8 x A100 GPUs" is 256
//! GPUs) and benchmark scores in tables (`FactKind::Score`), but not numbers before which the
//! unit stands ("Hours used: 150000") or months and years written apart ("month = {June},
//! year = {2022}"). Scores are still read from the cells themselves: a score in the document
//! must be in a cell whose row and column relate to the document's row, and it is compared as
//! the cell writes it, whatever fact the importer made of it.

use candor_model::{Fact, FactKind};

use super::figures::{Figure, SCORE};

/// A number written in a passage: its value (shares as fractions: "10%" is 0.1) and how.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Written {
    pub value: f64,
    pub text: String,
    pub percent: bool,
}

/// Every number of `text`: "150000", "11,250", "45.3", "225k", "405B", "2.0T", "1.46M",
/// "100%", and the products of "32 x 8 x A100" (256) as well as their factors.
pub(super) fn numbers(text: &str) -> Vec<Written> {
    let bytes = text.as_bytes();
    let mut out: Vec<Written> = Vec::new();
    let mut i = 0;
    // The factors of a product being read ("32 x 8 x …").
    let mut product: Option<(f64, usize)> = None;
    while i < bytes.len() {
        let c = bytes[i];
        let starts = c.is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut decimal_seen = false;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_digit() {
                digits.push(b as char);
                i += 1;
            } else if b == b','
                && !decimal_seen
                && bytes.get(i + 1..i + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
            {
                i += 1;
            } else if b == b'.' && !decimal_seen && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                decimal_seen = true;
                digits.push('.');
                i += 1;
            } else {
                break;
            }
        }
        let Ok(mut value) = digits.parse::<f64>() else { continue };
        // A glued magnitude: "225k", "405B", "2.0T", "1.46M" (not "80GB", "3rd").
        let glued = bytes.get(i).copied();
        let after_glued = bytes.get(i + 1).is_none_or(|b| !b.is_ascii_alphabetic());
        let factor = match glued {
            Some(b'k' | b'K') if after_glued => Some(1e3),
            Some(b'M') if after_glued => Some(1e6),
            Some(b'B') if after_glued => Some(1e9),
            Some(b'T') if after_glued => Some(1e12),
            _ => None,
        };
        if let Some(f) = factor {
            value *= f;
            i += 1;
        } else {
            let rest = text[i..].trim_start();
            let word: String =
                rest.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
            let magnitude = match word.as_str() {
                "thousand" => Some(1e3),
                "million" | "millions" => Some(1e6),
                "billion" | "billions" => Some(1e9),
                "trillion" | "trillions" => Some(1e12),
                _ => None,
            };
            if let Some(m) = magnitude {
                value *= m;
            }
        }
        let percent = text[i..].trim_start().starts_with('%');
        let written = text[start..i].to_owned();
        let shown = if percent { value * 0.01 } else { value };
        out.push(Written { value: shown, text: written.clone(), percent });
        // "32 x 8 x A100": the product of the factors so far.
        let joined_before = product.filter(|&(_, end)| {
            text.get(end..start)
                .is_some_and(|between| matches!(between.trim(), "x" | "×" | "*" | "X"))
        });
        let total = joined_before.map_or(value, |(p, _)| p * value);
        if joined_before.is_some() && !percent {
            out.push(Written { value: total, text: written, percent: false });
        }
        product = (!percent).then_some((total, i));
    }
    out
}

/// A number of a passage as a fact of the figure's kind, for `matches`. Shares only match
/// numbers written with "%", other figures only numbers without; dates never.
pub(super) fn as_fact(figure: &Figure, written: &Written, passage: &str) -> Option<Fact> {
    if figure.kind == FactKind::Date || written.percent != (figure.unit == "%") {
        return None;
    }
    if figure.kind == FactKind::Percentage && figure.unit != "%" {
        return None;
    }
    Some(Fact {
        kind: figure.kind,
        value: written.value,
        unit: figure.unit.to_owned(),
        text: written.text.clone(),
        sentence: String::new(),
        passage: passage.to_owned(),
    })
}

/// Whether a figure is a score read from a bare decimal.
pub(super) fn is_score(figure: &Figure) -> bool {
    figure.unit == SCORE
}

/// Whether a passage names the figure's month and year as words ("month = {June}, year =
/// {2022}", "Released: June, 2022").
pub(super) fn names_date(figure: &Figure, text: &str) -> bool {
    if figure.kind != FactKind::Date {
        return false;
    }
    let date = figure.low as u64;
    let (year, month) = (date / 10_000, (date / 100) % 100);
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let has_year = words.contains(&year.to_string().as_str());
    let has_month =
        month == 0 || super::figures::month_names(month as u32).iter().any(|m| words.contains(m));
    has_year && has_month
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        numbers(text).into_iter().map(|w| w.value).collect()
    }

    #[test]
    fn products_suffixes_and_groups() {
        assert_eq!(values("Hardware: 32 x 8 x A100 GPUs"), [32.0, 8.0, 256.0]);
        assert_eq!(values("Hours used: 150000"), [150_000.0]);
        assert_eq!(values("225k steps, 11,250 kg, 405B, 2.0T"), [225e3, 11_250.0, 405e9, 2e12]);
        assert_eq!(values("100% and 45.3; A100 and 80GB"), [1.0, 45.3, 80.0]);
        assert_eq!(values("1.46M hours, 3 trillion"), [1.46e6, 3e12]);
    }
}
