//! Numbers with units in passages: percentages, probabilities, parameter counts, FLOPs,
//! tokens, dates, energy, CO2e, durations, counts of things, and benchmark scores in tables.
//!
//! A hand-written scanner over the characters of each passage: dates first (so their
//! numbers are not read again), then every number with what follows it — a magnitude
//! ("7B", "70 billion"), an exponent ("3.8 × 10^25", "1e24") and a unit phrase. A number
//! without a unit is a fact only when its form says what it is ("405B" is a parameter
//! count); numbers in a list share the unit written after the last one ("124 million,
//! 355 million and 774 million parameters"). Separators are read conservatively: "1,000"
//! is a thousand only when exactly three digits follow the comma. Numbers joined by "x",
//! "×" or "*" are a product, read only as a count of hardware ("32 x 8 x A100 GPUs" is 256
//! GPUs; "1024x1024 images" and "2 x 2" are no fact). In tables, a bare number in a column
//! or row naming a benchmark or metric is a score ([`scores`]).

mod fields;
mod scores;
mod units;

pub(crate) use fields::fill_metadata;

use candor_model::{Fact, FactKind, Passage, PassageKind};

use units::{Unit, UnitMatch};

/// Longest sentence kept with a fact, in characters.
const MAX_SENTENCE: usize = 300;

/// How far the sentence search looks either side of a fact, in characters.
const SENTENCE_REACH: usize = 1_500;

/// Every fact found in the passages, in passage order.
pub(crate) fn extract(passages: &[Passage]) -> Vec<Fact> {
    let mut out = Vec::new();
    for passage in passages {
        let mut push = |found: Found, text: &Text<'_>, sentence: String| {
            out.push(Fact {
                kind: found.kind,
                value: round(found.value),
                unit: found.unit,
                text: text.slice(found.start, found.end).to_owned(),
                sentence,
                passage: passage.id.clone(),
            });
        };
        if passage.kind == PassageKind::Table && passage.text.contains('|') {
            table_facts(&passage.text, &mut push);
            continue;
        }
        let text = Text::new(&passage.text);
        let cx = Context { compute: mentions_compute(&passage.text), ..Context::default() };
        for found in scan(&text, &cx) {
            let s = sentence(&text, found.start, found.end, false);
            push(found, &text, s);
        }
    }
    out
}

/// Twelve significant digits: "57.2%" is 0.572, not 0.5720000000000001.
fn round(value: f64) -> f64 {
    format!("{value:.11e}").parse().unwrap_or(value)
}

fn mentions_compute(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("flop") || lower.contains("compute")
}

/// What the scanner knows about where a text sits.
#[derive(Debug, Default)]
struct Context {
    /// The text speaks of FLOPs or compute: a bare "3.8e25" is a FLOP count.
    compute: bool,
    /// The unit named in the column header of a table cell ("Time (GPU hours)").
    header: Option<UnitMatch>,
    /// A table column whose header does not rule out model sizes ("Params", "Model", "").
    table_cell: bool,
    sizes: bool,
}

/// Facts of a table passage ("caption; header; row; row", cells by "|"): each cell is
/// read with the unit of its column header, and the sentence of a fact is its row. A cell
/// with no fact of its own may hold a benchmark score ([`scores`]), whose sentence names
/// its row and column.
fn table_facts(text: &str, push: &mut impl FnMut(Found, &Text<'_>, String)) {
    let compute = mentions_compute(text);
    let lines: Vec<&str> = text.split("; ").collect();
    let Some(header_at) = lines.iter().position(|l| l.contains('|')) else { return };
    let header: Vec<String> =
        cells(lines[header_at]).map(|(_, c)| c.trim().to_lowercase()).collect();
    let units: Vec<Option<UnitMatch>> = header.iter().map(|h| units::in_header(h)).collect();
    let mut scores = scores::in_table(&lines, header_at);
    for (i, line) in lines.iter().enumerate() {
        let row = Text::new(line);
        for (col, (offset, cell)) in cells(line).enumerate() {
            let cell_text = Text::new(cell);
            let head = header.get(col).map(String::as_str).unwrap_or_default();
            let cx = Context {
                compute,
                header: if i > header_at { units.get(col).cloned().flatten() } else { None },
                table_cell: true,
                sizes: i <= header_at
                    || head.is_empty()
                    || head.contains("param")
                    || head.contains("model")
                    || head == "size",
            };
            let found = scan(&cell_text, &cx);
            if found.is_empty()
                && let Some(score) = scores.remove(&(i, col))
            {
                let found = Found {
                    kind: FactKind::Score,
                    value: score.value,
                    unit: "score".to_owned(),
                    start: offset + score.start,
                    end: offset + score.end,
                };
                push(found, &row, score.sentence);
            }
            for mut found in found {
                found.start += offset;
                found.end += offset;
                let s = sentence(&row, found.start, found.end, true);
                push(found, &row, s);
            }
        }
    }
}

/// The cells of a table line with the char offset of each ("a | | b" has an empty cell).
fn cells(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    line.split('|').map(move |cell| {
        let at = offset;
        offset += cell.chars().count() + 1;
        (at, cell)
    })
}

/// The first date written in `text`, as written ("July 23, 2024").
pub(crate) fn first_date(text: &str) -> Option<String> {
    let t = Text::new(text);
    dates(&t).into_iter().next().map(|d| t.slice(d.start, d.end).to_owned())
}

/// A fact found in one text: char positions `start..end`.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    kind: FactKind,
    value: f64,
    unit: String,
    start: usize,
    end: usize,
}

/// A passage as characters, with the byte offset of each.
struct Text<'a> {
    text: &'a str,
    chars: Vec<char>,
    bytes: Vec<usize>,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Self {
        let (bytes, chars) = text.char_indices().unzip();
        Self { text, chars, bytes }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The char before `i`, if any.
    fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|j| self.at(j))
    }

    fn byte(&self, i: usize) -> usize {
        self.bytes.get(i).copied().unwrap_or(self.text.len())
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(self.byte(start)..self.byte(end)).unwrap_or_default()
    }

    fn is_digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    fn is_alnum(&self, i: usize) -> bool {
        self.at(i).is_some_and(char::is_alphanumeric)
    }

    /// Index after a run of ASCII digits starting at `i`.
    fn digits_end(&self, i: usize) -> usize {
        let mut j = i;
        while self.is_digit(j) {
            j += 1;
        }
        j
    }

    /// Lowercase letters of the word starting at `i` and the index after it.
    fn word(&self, i: usize) -> (String, usize) {
        let mut j = i;
        let mut w = String::new();
        while let Some(c) = self.at(j).filter(|c| c.is_alphabetic()) {
            w.extend(c.to_lowercase());
            j += 1;
        }
        (w, j)
    }

    fn skip_spaces(&self, mut i: usize, max: usize) -> usize {
        let start = i;
        while i - start < max && self.at(i).is_some_and(is_space) {
            i += 1;
        }
        i
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// All facts in a text, ordered by position.
fn scan(t: &Text<'_>, cx: &Context) -> Vec<Found> {
    let mut found = dates(t);
    // Dates are in order and do not overlap: the next one is `found[next]`.
    let mut next = 0;
    let mut numbers: Vec<Number> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let date = found.get(next).map(|d| (d.start, d.end));
        if let Some((start, end)) = date
            && i >= start
        {
            i = i.max(end);
            next += 1;
            continue;
        }
        let date_start = date.map_or(usize::MAX, |(start, _)| start);
        if t.is_digit(i) && starts_number(t, i) {
            match number(t, i) {
                Some(n) if !in_link(t, n.start) && n.end <= date_start => {
                    i = n.end.max(i + 1);
                    numbers.push(n);
                }
                _ => i = skip_token(t, i),
            }
        } else {
            i += 1;
        }
    }
    share_units(t, &mut numbers);
    let single = numbers.len() == 1;
    for n in numbers {
        // A table cell holding just this number takes the unit of its column.
        let alone = single
            && cx.table_cell
            && t.slice(0, n.start)
                .chars()
                .chain(t.slice(n.end, t.len()).chars())
                .all(|c| is_space(c) || "~<>≈+*†‡±".contains(c));
        if let Some(f) = n.fact(cx, alone) {
            found.push(f);
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// Whether the number at `i` is part of a web address or e-mail address.
fn in_link(t: &Text<'_>, i: usize) -> bool {
    let mut s = i;
    while s > 0 && t.before(s).is_some_and(|c| !is_space(c)) && i - s < 200 {
        s -= 1;
    }
    let mut e = i;
    while t.at(e).is_some_and(|c| !is_space(c)) && e - i < 200 {
        e += 1;
    }
    let token = t.slice(s, e);
    token.contains("://") || token.starts_with("www.") || token.contains('@')
}

/// Whether a digit at `i` starts a number (not the inside of "A100", "GPT-4", "v1.2").
fn starts_number(t: &Text<'_>, i: usize) -> bool {
    match t.before(i) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('.') => !t.before(i - 1).is_some_and(|c| c.is_alphanumeric()),
        // "10-20%" is a range; "GPT-4", "Llama-3" and "tr11-176B" are names.
        Some('-' | '–') => {
            let mut j = i - 1;
            while t.before(j).is_some_and(|c| c.is_ascii_digit() || c == '.') {
                j -= 1;
            }
            !(t.before(j).is_some_and(char::is_alphabetic) || t.before(j) == Some('_'))
        }
        Some('/' | '+') => !t.before(i - 1).is_some_and(|c| c.is_alphanumeric()),
        // The rest of "1,0000" or "3,14": not a number of its own.
        Some(',') => !t.before(i - 1).is_some_and(|c| c.is_ascii_digit()),
        // "1 000" with a plain space may be a thousand or two numbers: neither is read.
        Some(c) if is_space(c) && t.digits_end(i) == i + 3 && !t.is_alnum(i + 3) => {
            let mut j = i - 1;
            let digits_end = j;
            while t.before(j).is_some_and(|c| c.is_ascii_digit()) {
                j -= 1;
            }
            let run = digits_end - j;
            !(1..=3).contains(&run) || t.before(j).is_some_and(char::is_alphanumeric)
        }
        Some(_) => true,
    }
}

/// The index after the alphanumeric token at `i` (and its dotted parts, "1.2.3").
fn skip_token(t: &Text<'_>, mut i: usize) -> usize {
    while t.at(i).is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',') {
        i += 1;
    }
    i.max(1)
}

/// A number as read, with its magnitude and unit if any.
#[derive(Debug, Clone)]
struct Number {
    start: usize,
    end: usize,
    /// The value with its magnitude applied ("7B" -> 7e9), before any unit factor.
    value: f64,
    /// "B" or "M" attached ("7B"): without a unit, a parameter count by convention.
    size_suffix: bool,
    /// A magnitude word or letter was written ("million", "M").
    magnitude: bool,
    /// The power of ten written ("× 10^25", "e25"), for FLOP guesses.
    exponent: Option<i32>,
    /// Written as a year would be (four digits, 1900–2100, nothing else).
    year_like: bool,
    unit: Option<UnitMatch>,
    probability: bool,
    /// Written right after a capitalised name ("Llama 2 models"): a version, not a count.
    after_name: bool,
    /// Written with a multiplication sign: a product ("32 x 8 x A100 GPUs" is 256) or a
    /// multiplier ("8x A100 GPUs"). Only a count of hardware takes it: "1024x1024 images"
    /// is a resolution and "2 x 2" a grid.
    times: bool,
}

impl Number {
    fn fact(&self, cx: &Context, alone: bool) -> Option<Found> {
        let found = |kind, value, unit: &str| Found {
            kind,
            value,
            unit: unit.to_owned(),
            start: self.start,
            end: self.end,
        };
        if self.probability {
            let value = match &self.unit {
                Some(u) if u.unit == Unit::Percent => self.value * 0.01,
                Some(_) => return None,
                None => self.value,
            };
            return (0.0..=1.0).contains(&value).then(|| found(FactKind::Probability, value, "p"));
        }
        // A column of parameters or tokens holds big numbers ("7B", "6053381344"); small
        // ones there are something else (a score, a ratio).
        let big = self.magnitude || self.value.abs() >= 1e5;
        let header = cx.header.as_ref().filter(|h| {
            alone && (big || !matches!(h.kind, FactKind::Parameters | FactKind::Tokens))
        });
        let unit = self.unit.as_ref().or(header);
        if self.times && !unit.is_some_and(units::is_hardware) {
            return None;
        }
        match unit {
            // "14M and 31M models": sizes named by the model, not a count of models.
            Some(u) if self.size_suffix && u.kind == FactKind::Count && u.name == "models" => {
                Some(found(FactKind::Parameters, self.value, "parameters"))
            }
            Some(u) => {
                let whole = self.value.fract() == 0.0 || self.magnitude || u.name == "epochs";
                if u.kind == FactKind::Count && (self.year_like || !whole || self.after_name) {
                    return None;
                }
                Some(found(u.kind, self.value * u.factor, &u.name))
            }
            None if self.size_suffix && (!cx.table_cell || cx.sizes) => {
                Some(found(FactKind::Parameters, self.value, "parameters"))
            }
            None if cx.compute && self.exponent.is_some_and(|e| e >= 18) => {
                Some(found(FactKind::Flops, self.value, "FLOP"))
            }
            None => None,
        }
    }
}

/// Reads the number starting at `start` (a digit), or `None` when what is written there
/// is not a quantity ("80GB", "3rd", a version number).
fn number(t: &Text<'_>, start: usize) -> Option<Number> {
    let negative = matches!(t.before(start), Some('-' | '−'))
        && !t.before(start.saturating_sub(1)).is_some_and(|c| c.is_alphanumeric())
        && start > 0;
    let first = t.digits_end(start);
    let mut digits: String = t.chars[start..first].iter().collect();
    let mut i = first;
    let mut grouped = false;
    // Thousands: "1,000", "1 000" (non-breaking or thin space), "1.000.000".
    if first - start <= 3 {
        loop {
            let sep = t.at(i);
            let group_end = t.digits_end(i + 1);
            let ok = matches!(sep, Some(',' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
                && group_end == i + 4
                && !matches!(t.at(group_end), Some(c) if c.is_ascii_digit());
            // A comma followed by a digit group and another comma and digits is a list.
            if !ok {
                break;
            }
            digits.extend(&t.chars[i + 1..group_end]);
            i = group_end;
            grouped = true;
        }
        if !grouped && t.at(i) == Some('.') && t.digits_end(i + 1) == i + 4 {
            // "1.000.000": only with two dot groups is it a thousands separator.
            let second = i + 4;
            if t.at(second) == Some('.') && t.digits_end(second + 1) == second + 4 {
                let mut j = i;
                while t.at(j) == Some('.') && t.digits_end(j + 1) == j + 4 {
                    digits.extend(&t.chars[j + 1..j + 4]);
                    j += 4;
                }
                i = j;
                grouped = true;
            }
        }
    }
    let mut decimal = false;
    if t.at(i) == Some('.') && t.is_digit(i + 1) {
        let end = t.digits_end(i + 1);
        // "1.2.3" is a version or a section number, not a quantity.
        if t.at(end) == Some('.') && t.is_digit(end + 1) {
            return None;
        }
        digits.push('.');
        digits.extend(&t.chars[i + 1..end]);
        i = end;
        decimal = true;
    } else if !grouped && t.at(i) == Some(',') && t.is_digit(i + 1) {
        // "3,5 %": a decimal comma, only trusted right before a percent sign.
        let end = t.digits_end(i + 1);
        let after = t.skip_spaces(end, 1);
        if end - (i + 1) <= 2 && t.at(after) == Some('%') {
            digits.push('.');
            digits.extend(&t.chars[i + 1..end]);
            i = end;
            decimal = true;
        }
    }
    let mut value: f64 = digits.parse().ok()?;
    if negative {
        value = -value;
    }
    let int_len = first - start;
    let year_like = !grouped && !decimal && int_len == 4 && (1900.0..=2100.0).contains(&value);
    let mut n = Number {
        start: if negative { start - 1 } else { start },
        end: i,
        value,
        size_suffix: false,
        magnitude: false,
        exponent: None,
        year_like,
        unit: None,
        probability: false,
        after_name: after_name(t, start),
        times: false,
    };
    exponent(t, &mut n);
    // "8x7B": experts times size.
    if matches!(t.at(n.end), Some('x' | '×')) && t.is_digit(n.end + 1) {
        let inner_end = t.digits_end(n.end + 1);
        let inner: String = t.chars[n.end + 1..inner_end].iter().collect();
        if let (Ok(b), Some(m)) = (inner.parse::<f64>(), t.at(inner_end).and_then(size_letter))
            && !t.is_alnum(inner_end + 1)
        {
            n.value *= b * m;
            n.end = inner_end + 1;
            n.size_suffix = true;
            n.magnitude = true;
        }
    }
    if !n.magnitude && n.exponent.is_none() {
        product(t, &mut n);
    }
    if t.is_alnum(n.end) && !n.magnitude {
        // Something is glued on: a magnitude ("7B", "15T"), a unit ("539tCO2eq", "10MWh")
        // or something else ("80GB", "3rd"), which ends the reading.
        let (glued, after) = glued_token(t, n.end);
        if let Some(m) = units::glued_unit(&glued) {
            n.unit = Some(m);
            n.end = after;
        } else if let Some(m) = magnitude_suffix(&glued) {
            n.value *= m;
            n.magnitude = true;
            n.size_suffix = matches!(glued.as_str(), "B" | "b" | "M" | "Bn" | "bn");
            n.end = after;
        } else {
            return None;
        }
    }
    if !n.magnitude && n.unit.is_none() {
        // "70 billion", "7-billion-parameter".
        let at = if t.at(n.end) == Some('-') { n.end + 1 } else { t.skip_spaces(n.end, 2) };
        let (word, after) = t.word(at);
        if let Some(m) = magnitude_word(&word) {
            n.value *= m;
            n.magnitude = true;
            n.end = after;
        }
    }
    // "15T+" and "100+ languages".
    if t.at(n.end) == Some('+') && !t.is_alnum(n.end + 1) {
        n.end += 1;
    }
    if n.unit.is_none()
        && let Some((m, end)) = units::after(t, n.end, n.magnitude)
    {
        n.unit = Some(m);
        n.end = end;
    }
    n.probability = probability_before(t, n.start);
    if currency_before(t, n.start) {
        return None;
    }
    Some(n)
}

/// The factors after a number written with multiplication signs ("32 x 8 x A100", "4×8",
/// "2*8"), multiplied into it; or a multiplier sign glued to it before a word ("8x A100").
/// Every factor is a whole number ("3.8 × 10^25" has been read as an exponent before, and
/// "8x7B" as experts times size); a factor with letters glued on ("x 80GB") ends the
/// product before it.
fn product(t: &Text<'_>, n: &mut Number) {
    let sign = |c: Option<char>| matches!(c, Some('x' | 'X' | '×' | '*'));
    if sign(t.at(n.end)) && t.at(n.end + 1).is_some_and(is_space) {
        let k = t.skip_spaces(n.end + 1, 2);
        if !t.is_digit(k) && t.is_alnum(k) {
            n.end += 1;
            n.times = true;
            n.year_like = false;
            return;
        }
    }
    if n.value.fract() != 0.0 || n.value < 0.0 {
        return;
    }
    loop {
        let j = t.skip_spaces(n.end, 2);
        if !sign(t.at(j)) {
            return;
        }
        let k = t.skip_spaces(j + 1, 2);
        let end = t.digits_end(k);
        let whole = end > k
            && (!t.is_alnum(end) || sign(t.at(end)))
            && !(matches!(t.at(end), Some('.' | ',')) && t.is_digit(end + 1));
        let Some(factor) = whole.then(|| t.slice(k, end).parse::<f64>().ok()).flatten() else {
            return;
        };
        n.value *= factor;
        n.end = end;
        n.times = true;
        n.year_like = false;
    }
}

/// Whether the word before `start` is a capitalised name inside a sentence ("the Llama 2
/// models"), not the first word of a sentence ("Over 300 models").
fn after_name(t: &Text<'_>, start: usize) -> bool {
    let mut i = start;
    if !t.before(i).is_some_and(is_space) {
        return false;
    }
    while t.before(i).is_some_and(is_space) {
        i -= 1;
    }
    let end = i;
    while t.before(i).is_some_and(|c| c.is_alphanumeric() || c == '-') {
        i -= 1;
    }
    if i == end || !t.at(i).is_some_and(char::is_uppercase) {
        return false;
    }
    let mut j = i;
    while t.before(j).is_some_and(is_space) {
        j -= 1;
    }
    j > 0 && !matches!(t.before(j), Some('.' | '!' | '?' | ':' | '(' | '[' | '"' | '“'))
}

/// "× 10^25", "x 10²⁵", "e25", "E+25" after a mantissa; also a bare "10^25".
fn exponent(t: &Text<'_>, n: &mut Number) {
    let mut i = n.end;
    if matches!(t.at(i), Some('e' | 'E')) {
        let sign_at = i + 1;
        let digits_at =
            if matches!(t.at(sign_at), Some('+' | '-')) { sign_at + 1 } else { sign_at };
        let end = t.digits_end(digits_at);
        if end > digits_at && end - digits_at <= 3 && !t.is_alnum(end) {
            let text: String = t.chars[sign_at..end].iter().collect();
            if let Ok(e) = text.trim_start_matches('+').parse::<i32>() {
                n.value *= 10f64.powi(e);
                n.exponent = Some(e);
                n.end = end;
            }
        }
        return;
    }
    // A bare power of ten: the number itself is "10".
    let (base_end, mantissa) = if n.value == 10.0 && matches!(t.at(i), Some('^')) {
        (i, 1.0)
    } else {
        let j = t.skip_spaces(i, 2);
        if !matches!(t.at(j), Some('×' | 'x' | 'X' | '*' | '·')) {
            return;
        }
        let k = t.skip_spaces(j + 1, 2);
        if !(t.at(k) == Some('1') && t.at(k + 1) == Some('0')) {
            return;
        }
        i = k + 2;
        (i, n.value)
    };
    if let Some((e, end)) = power(t, base_end) {
        n.value = mantissa * 10f64.powi(e);
        n.exponent = Some(e);
        n.end = end;
    }
}

/// The exponent after a "10": "^25", "^-4", "^{25}", or superscript digits "²⁵".
fn power(t: &Text<'_>, i: usize) -> Option<(i32, usize)> {
    let mut j = i;
    let mut text = String::new();
    if t.at(j) == Some('^') {
        j += 1;
        let braced = t.at(j) == Some('{');
        if braced {
            j += 1;
        }
        if let Some(c @ ('-' | '−' | '+')) = t.at(j) {
            text.push(if c == '+' { '+' } else { '-' });
            j += 1;
        }
        let end = t.digits_end(j);
        if end == j || end - j > 3 {
            return None;
        }
        text.extend(&t.chars[j..end]);
        j = end;
        if braced {
            if t.at(j) != Some('}') {
                return None;
            }
            j += 1;
        }
    } else {
        while let Some(d) = t.at(j).and_then(candor_model::from_superscript) {
            text.push(d);
            j += 1;
        }
        if text.is_empty() || text.len() > 4 {
            return None;
        }
    }
    let e = text.trim_start_matches('+').parse::<i32>().ok()?;
    Some((e, j))
}

/// The letters and digits glued to a number ("B", "GB", "tCO2eq", "CO₂").
fn glued_token(t: &Text<'_>, i: usize) -> (String, usize) {
    let mut j = i;
    let mut s = String::new();
    while let Some(c) = t.at(j).filter(|c| c.is_alphanumeric()) {
        s.push(c);
        j += 1;
    }
    (s, j)
}

fn size_letter(c: char) -> Option<f64> {
    match c {
        'B' | 'b' => Some(1e9),
        'M' => Some(1e6),
        'T' => Some(1e12),
        _ => None,
    }
}

/// A magnitude letter glued to a number. Lowercase "m" is left alone: it is metres or
/// minutes as often as millions.
fn magnitude_suffix(s: &str) -> Option<f64> {
    match s {
        "K" | "k" => Some(1e3),
        "M" => Some(1e6),
        "B" | "b" | "Bn" | "bn" => Some(1e9),
        "T" => Some(1e12),
        _ => None,
    }
}

fn magnitude_word(w: &str) -> Option<f64> {
    match w {
        "thousand" => Some(1e3),
        "million" | "millions" => Some(1e6),
        "billion" | "billions" | "bn" => Some(1e9),
        "trillion" | "trillions" => Some(1e12),
        "quadrillion" => Some(1e15),
        _ => None,
    }
}

/// "p = 0.2", "p < 0.05", "probability of 0.05", "a 5% chance of" is not (the word
/// comes after).
fn probability_before(t: &Text<'_>, start: usize) -> bool {
    let from = start.saturating_sub(40);
    let before: String = t.chars[from..start].iter().collect::<String>().to_lowercase();
    let before = before.trim_end();
    let stripped = before
        .strip_suffix('=')
        .or_else(|| before.strip_suffix('<'))
        .or_else(|| before.strip_suffix('>'))
        .or_else(|| before.strip_suffix('≤'))
        .or_else(|| before.strip_suffix('≥'))
        .or_else(|| before.strip_suffix(':'))
        .or_else(|| before.strip_suffix(" of"))
        .or_else(|| before.strip_suffix(" is"))
        .or_else(|| before.strip_suffix(" was"))
        .unwrap_or(before)
        .trim_end();
    if stripped.len() == before.len() {
        // "probability 0.2" without a verb or sign.
        return ends_with_word(before, "probability");
    }
    ends_with_word(stripped, "p")
        || ends_with_word(stripped, "p-value")
        || ends_with_word(stripped, "probability")
        || ends_with_word(stripped, "probabilities")
        || ends_with_word(stripped, "chance")
        || ends_with_word(stripped, "likelihood")
}

fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word)
        .is_some_and(|rest| !rest.chars().last().is_some_and(char::is_alphanumeric))
}

/// "$5M", "€ 20 billion", "$7-15M": money is not one of the facts Candor collects.
fn currency_before(t: &Text<'_>, start: usize) -> bool {
    let mut i = start;
    while start - i < 12
        && t.before(i).is_some_and(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '–') || is_space(c)
        })
    {
        i -= 1;
    }
    matches!(t.before(i), Some('$' | '€' | '£' | '¥'))
}

/// In "124 million, 355 million and 774 million parameters" the unit after the last
/// number is the unit of all: unitless numbers take the unit of the next number when only
/// list words stand between them and both are written the same way.
fn share_units(t: &Text<'_>, numbers: &mut [Number]) {
    for k in (0..numbers.len().saturating_sub(1)).rev() {
        let (left, right) = numbers.split_at_mut(k + 1);
        let (a, b) = (&mut left[k], &right[0]);
        if a.unit.is_some() || a.size_suffix || b.unit.is_none() || a.magnitude != b.magnitude {
            continue;
        }
        let Some(unit) = &b.unit else { continue };
        if unit.unit == Unit::Percent && unit.name == "%" && !a.magnitude {
            // "10 to 20%" is common, but "3, 20%" in a table row is not a range.
            if !connector(t.slice(a.end, b.start), true) {
                continue;
            }
        } else if !connector(t.slice(a.end, b.start), false) {
            continue;
        }
        a.unit = Some(unit.clone());
    }
}

/// Only list or range words between two numbers.
fn connector(gap: &str, range_only: bool) -> bool {
    if gap.chars().count() > 12 {
        return false;
    }
    let words: Vec<&str> = gap
        .split(|c: char| is_space(c) || matches!(c, ',' | '-' | '–' | '—' | '/' | '&'))
        .filter(|w| !w.is_empty())
        .collect();
    let list_words: &[&str] = if range_only { &["to", "and"] } else { &["to", "and", "or"] };
    if range_only && words.is_empty() {
        return gap.trim() == "-" || gap.trim() == "–";
    }
    words.iter().all(|w| list_words.contains(&w.to_lowercase().as_str()))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a capitalised word names ("July", "Jul", "Sept"), 1-based.
fn month(t: &Text<'_>, i: usize) -> Option<(u32, usize)> {
    if !t.at(i).is_some_and(char::is_uppercase) || t.before(i).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let (w, end) = t.word(i);
    if t.is_digit(end) {
        return None;
    }
    let index = MONTHS.iter().position(|m| {
        *m == w || (w.len() == 3 && m.starts_with(&w)) || (w == "sept" && *m == "september")
    })?;
    // "May" alone is too often the verb; it needs a day or a year right after.
    let end = if w.len() <= 4 && w != "may" && t.at(end) == Some('.') { end + 1 } else { end };
    Some((u32::try_from(index).ok()? + 1, end))
}

fn year_at(t: &Text<'_>, i: usize) -> Option<(u32, usize)> {
    let end = t.digits_end(i);
    if end - i != 4 || t.is_alnum(end) {
        return None;
    }
    let y: u32 = t.slice(i, end).parse().ok()?;
    (1900..=2199).contains(&y).then_some((y, end))
}

fn day_at(t: &Text<'_>, i: usize) -> Option<(u32, usize)> {
    let end = t.digits_end(i);
    if end == i || end - i > 2 {
        return None;
    }
    let d: u32 = t.slice(i, end).parse().ok()?;
    let mut after = end;
    let (suffix, suffix_end) = t.word(end);
    if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
        after = suffix_end;
    } else if t.is_alnum(end) {
        return None;
    }
    (1..=31).contains(&d).then_some((d, after))
}

/// Dates: "July 2024", "July 23, 2024", "23 July 2024", "25.May.2022", "2024-07-23".
/// The value is YYYYMMDD (day 00 when only the month is written).
fn dates(t: &Text<'_>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let Some(c) = t.at(i) else { break };
        if c.is_ascii_digit() && !t.before(i).is_some_and(char::is_alphanumeric) {
            if let Some(f) = iso_date(t, i).or_else(|| day_month_year(t, i)) {
                i = f.end;
                out.push(f);
                continue;
            }
            i = t.digits_end(i);
            continue;
        }
        if let Some((m, end)) = month(t, i) {
            if let Some(f) = month_day_year(t, i, m, end) {
                i = f.end;
                out.push(f);
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

fn date_found(start: usize, end: usize, y: u32, m: u32, d: u32) -> Found {
    Found {
        kind: FactKind::Date,
        value: f64::from(y * 10_000 + m * 100 + d),
        unit: "date".to_owned(),
        start,
        end,
    }
}

fn iso_date(t: &Text<'_>, i: usize) -> Option<Found> {
    let (y, end) = {
        let end = t.digits_end(i);
        if end - i != 4 {
            return None;
        }
        (t.slice(i, end).parse::<u32>().ok()?, end)
    };
    let sep = t.at(end).filter(|c| matches!(c, '-' | '/'))?;
    let m_end = t.digits_end(end + 1);
    if m_end - (end + 1) != 2 || t.at(m_end) != Some(sep) {
        return None;
    }
    let d_end = t.digits_end(m_end + 1);
    if d_end - (m_end + 1) != 2 || t.is_alnum(d_end) {
        return None;
    }
    let m: u32 = t.slice(end + 1, m_end).parse().ok()?;
    let d: u32 = t.slice(m_end + 1, d_end).parse().ok()?;
    ((1900..=2199).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| date_found(i, d_end, y, m, d))
}

/// "23 July 2024", "23rd of July, 2024", "25.May.2022".
fn day_month_year(t: &Text<'_>, i: usize) -> Option<Found> {
    let (d, after_day) = day_at(t, i)?;
    let mut j = after_day;
    let dotted = t.at(j) == Some('.') || t.at(j) == Some('-');
    if dotted {
        j += 1;
    } else {
        j = t.skip_spaces(j, 2);
        let (w, end) = t.word(j);
        if w == "of" {
            j = t.skip_spaces(end, 2);
        }
    }
    let (m, after_month) = month(t, j)?;
    let mut k = after_month;
    if dotted && matches!(t.at(k), Some('.' | '-')) {
        k += 1;
    } else {
        if t.at(k) == Some(',') {
            k += 1;
        }
        k = t.skip_spaces(k, 2);
    }
    let (y, end) = year_at(t, k)?;
    Some(date_found(i, end, y, m, d))
}

/// "July 2024", "July 23, 2024", "Jul. 23rd 2024".
fn month_day_year(t: &Text<'_>, start: usize, m: u32, after_month: usize) -> Option<Found> {
    let j = t.skip_spaces(after_month, 2);
    if j == after_month && !matches!(t.at(j), Some('.')) {
        return None;
    }
    if let Some((y, end)) = year_at(t, j) {
        return Some(date_found(start, end, y, m, 0));
    }
    let (d, after_day) = day_at(t, j)?;
    let mut k = after_day;
    if t.at(k) == Some(',') {
        k += 1;
    }
    let k2 = t.skip_spaces(k, 2);
    let (y, end) = year_at(t, k2)?;
    Some(date_found(start, end, y, m, d))
}

/// The sentence around `start..end`, at most [`MAX_SENTENCE`] characters (shortened
/// around the fact with "…" where it is longer).
fn sentence(t: &Text<'_>, start: usize, end: usize, table: bool) -> String {
    let floor = start.saturating_sub(SENTENCE_REACH);
    let mut s = start;
    while s > floor && !boundary_before(t, s, table) {
        s -= 1;
    }
    let ceil = (end + SENTENCE_REACH).min(t.len());
    let mut e = end;
    while e < ceil && !boundary_after(t, e, table) {
        e += 1;
    }
    if matches!(t.at(e), Some('.' | '!' | '?')) {
        e += 1;
    }
    // Trim spaces and, for tables, the row separator.
    while s < e && t.at(s).is_some_and(is_space) {
        s += 1;
    }
    while e > s && t.before(e).is_some_and(is_space) {
        e -= 1;
    }
    let len = e - s;
    if len <= MAX_SENTENCE {
        return t.slice(s, e).to_owned();
    }
    // Keep the fact and as much around it as fits, with an ellipsis at each cut.
    let budget = MAX_SENTENCE - 2;
    let fact = end - start;
    let room = budget.saturating_sub(fact);
    let mut from = start.saturating_sub(room / 2).max(s);
    let to = (from + budget).min(e);
    from = to.saturating_sub(budget).max(s);
    let mut out = String::new();
    if from > s {
        out.push('…');
    }
    out.push_str(t.slice(from, to).trim());
    if to < e {
        out.push('…');
    }
    out
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 16] = [
    "e.g", "i.e", "vs", "al", "fig", "figs", "no", "approx", "ca", "cf", "dr", "mr", "ms", "inc",
    "ltd", "eq",
];

/// Whether a sentence starts at char `i` (the previous sentence ended just before).
fn boundary_before(t: &Text<'_>, i: usize, table: bool) -> bool {
    if i == 0 {
        return true;
    }
    if table && t.before(i) == Some(';') {
        return true;
    }
    // `i` follows "<terminator><space>".
    if !t.before(i).is_some_and(is_space) {
        return false;
    }
    let Some(term_at) = i.checked_sub(2) else { return false };
    ends_sentence(t, term_at)
        && t.at(i).is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '(' | '\'')
        })
}

fn boundary_after(t: &Text<'_>, i: usize, table: bool) -> bool {
    if i >= t.len() {
        return true;
    }
    if table && t.at(i) == Some(';') {
        return true;
    }
    if !matches!(t.at(i), Some('.' | '!' | '?')) {
        return false;
    }
    let next = i + 1;
    if next >= t.len() {
        return false;
    }
    t.at(next).is_some_and(is_space)
        && t.at(next + 1).is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '(' | '\'')
        })
        && ends_sentence(t, i)
}

/// Whether the terminator at `i` ends a sentence (not "e.g." or an initial).
fn ends_sentence(t: &Text<'_>, i: usize) -> bool {
    match t.at(i) {
        Some('!' | '?') => true,
        Some('.') => {
            let mut j = i;
            while j > 0 && t.at(j - 1).is_some_and(|c| c.is_alphanumeric() || c == '.') {
                j -= 1;
            }
            let word = t.slice(j, i).to_lowercase();
            let single_capital =
                word.chars().count() == 1 && t.at(j).is_some_and(char::is_uppercase);
            !single_capital && !ABBREVIATIONS.contains(&word.as_str())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
