//! Paragraph styles (what a paragraph is: heading, caption, quote…) and list numbering
//! (the "1.", "a)" and "7.3.2" that Word computes rather than stores).

use std::collections::{HashMap, HashSet};

use super::xml::{Ev, Ns, Xml, attr};
use crate::source::ImportError;

/// What a paragraph style makes of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A heading of level 1–9.
    Heading(u8),
    Title,
    Quote,
    Code,
    Caption,
    /// Table-of-contents entries: they repeat the headings, so they are left out.
    Contents,
    Body,
}

/// A paragraph's list membership: `w:numId` and `w:ilvl`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct NumRef {
    pub num_id: Option<String>,
    pub level: Option<u8>,
}

#[derive(Debug, Default)]
struct Style {
    name: Option<String>,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<NumRef>,
}

/// The paragraph styles of `styles.xml`.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
    default_id: Option<String>,
}

/// Longest `basedOn` chain followed; real ones are a few steps, cycles end here too.
const MAX_CHAIN: usize = 32;

impl Styles {
    pub(super) fn parse(part: &str, text: &str) -> Result<Self, ImportError> {
        let mut xml = Xml::new(part, text);
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        let mut in_num = false;
        loop {
            match xml.next()? {
                Ev::Open(o) if o.ns == Ns::W => match o.local.as_str() {
                    "style" if !o.empty => {
                        let paragraph = attr(&o.element, "type").is_none_or(|t| t == "paragraph");
                        match attr(&o.element, "styleId") {
                            Some(id) if paragraph => {
                                if attr(&o.element, "default").is_some_and(|d| truthy(&d)) {
                                    styles.default_id.get_or_insert(id.clone());
                                }
                                current = Some((id, Style::default()));
                            }
                            _ => xml.skip()?,
                        }
                    }
                    name => {
                        let Some((_, style)) = current.as_mut() else { continue };
                        let val = attr(&o.element, "val");
                        match name {
                            "name" => style.name = val,
                            "basedOn" => style.based_on = val,
                            "outlineLvl" => style.outline = val.and_then(|v| v.parse().ok()),
                            "numPr" if !o.empty => {
                                in_num = true;
                                style.num.get_or_insert_with(NumRef::default);
                            }
                            "numId" if in_num => {
                                style.num.get_or_insert_with(NumRef::default).num_id = val;
                            }
                            "ilvl" if in_num => {
                                style.num.get_or_insert_with(NumRef::default).level =
                                    val.and_then(|v| v.parse().ok());
                            }
                            // Tracked changes keep the old formatting: not the style's own.
                            "pPrChange" | "rPrChange" if !o.empty => xml.skip()?,
                            _ => {}
                        }
                    }
                },
                Ev::Close { ns: Ns::W, local } => match local.as_str() {
                    "style" => {
                        if let Some((id, style)) = current.take() {
                            styles.by_id.entry(id).or_insert(style);
                        }
                    }
                    "numPr" => in_num = false,
                    _ => {}
                },
                Ev::Eof => return Ok(styles),
                _ => {}
            }
        }
    }

    /// The styles from `start` up its `basedOn` chain (the default style if `None`).
    fn chain<'s>(&'s self, start: Option<&'s str>) -> Vec<(&'s str, &'s Style)> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut id = start.or(self.default_id.as_deref());
        while let Some(current) = id {
            if out.len() >= MAX_CHAIN || !seen.insert(current) {
                break;
            }
            let Some(style) = self.by_id.get(current) else {
                // A style id used but not defined: its id alone may still say "Heading2".
                out.push((current, EMPTY));
                break;
            };
            out.push((current, style));
            id = style.based_on.as_deref();
        }
        out
    }

    /// The role of a paragraph style, from its name or id, its outline level, or those of
    /// the styles it is based on.
    pub(super) fn role(&self, style: Option<&str>) -> Role {
        for (id, s) in self.chain(style) {
            for label in s.name.iter().map(String::as_str).chain([id]) {
                if let Some(role) = role_of(label) {
                    return role;
                }
            }
            if let Some(level) = s.outline.filter(|l| *l < 9) {
                return Role::Heading(level + 1);
            }
        }
        Role::Body
    }

    /// The list numbering a style gives its paragraphs (heading numbering, mostly).
    pub(super) fn numbering(&self, style: Option<&str>) -> Option<NumRef> {
        let mut found = NumRef::default();
        for (_, s) in self.chain(style) {
            if let Some(num) = &s.num {
                if found.num_id.is_none() {
                    found.num_id.clone_from(&num.num_id);
                }
                if found.level.is_none() {
                    found.level = num.level;
                }
            }
        }
        found.num_id.is_some().then_some(found)
    }
}

const EMPTY: &Style = &Style { name: None, based_on: None, outline: None, num: None };

fn truthy(value: &str) -> bool {
    matches!(value, "1" | "true" | "on")
}

/// Built-in style names ("heading 2") and the ids Word and pandoc give them ("Heading2").
fn role_of(label: &str) -> Option<Role> {
    let key: String =
        label.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    if let Some(level) = key.strip_prefix("heading").and_then(|n| n.parse::<u8>().ok()) {
        return (1..=9).contains(&level).then_some(Role::Heading(level));
    }
    Some(match key.as_str() {
        "title" => Role::Title,
        "quote" | "intensequote" | "blocktext" | "blockquote" => Role::Quote,
        "sourcecode" | "code" | "htmlpreformatted" | "macrotext" | "plaintext" => Role::Code,
        "caption" | "tablecaption" | "imagecaption" | "figurecaption" => Role::Caption,
        k if k.starts_with("toc") || k == "tableoffigures" => Role::Contents,
        _ => return None,
    })
}

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    /// `startOverride` per level.
    starts: HashMap<u8, u32>,
}

/// The list definitions of `numbering.xml`, with counters to number paragraphs in order.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    nums: HashMap<String, Num>,
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    pub(super) fn parse(part: &str, text: &str) -> Result<Self, ImportError> {
        let mut xml = Xml::new(part, text);
        let mut out = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut override_level: Option<u8> = None;
        loop {
            match xml.next()? {
                Ev::Open(o) if o.ns == Ns::W => {
                    let val = || attr(&o.element, "val");
                    match o.local.as_str() {
                        "abstractNum" => abstract_id = attr(&o.element, "abstractNumId"),
                        "num" => num_id = attr(&o.element, "numId"),
                        "abstractNumId" => {
                            if let (Some(id), Some(target)) = (&num_id, val()) {
                                out.nums.entry(id.clone()).or_default().abstract_id = target;
                            }
                        }
                        "lvlOverride" => {
                            override_level = attr(&o.element, "ilvl").and_then(|v| v.parse().ok())
                        }
                        "startOverride" => {
                            if let (Some(id), Some(l), Some(start)) =
                                (&num_id, override_level, val().and_then(|v| v.parse().ok()))
                            {
                                out.nums.entry(id.clone()).or_default().starts.insert(l, start);
                            }
                        }
                        "lvl" if abstract_id.is_some() && num_id.is_none() => {
                            let l =
                                attr(&o.element, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                            level = Some((l, Level { start: 1, ..Level::default() }));
                        }
                        "start" => {
                            if let Some((_, lvl)) = level.as_mut() {
                                lvl.start = val().and_then(|v| v.parse().ok()).unwrap_or(1);
                            }
                        }
                        "numFmt" => {
                            if let Some((_, lvl)) = level.as_mut() {
                                lvl.format = val().unwrap_or_default();
                            }
                        }
                        "lvlText" => {
                            if let Some((_, lvl)) = level.as_mut() {
                                lvl.text = val().unwrap_or_default();
                            }
                        }
                        // Paragraph and run properties of a level say nothing about numbers.
                        "pPr" | "rPr" if !o.empty => xml.skip()?,
                        _ => {}
                    }
                }
                Ev::Close { ns: Ns::W, local } => match local.as_str() {
                    "lvl" => {
                        if let (Some(id), Some((l, lvl))) = (&abstract_id, level.take()) {
                            out.abstracts.entry(id.clone()).or_default().entry(l).or_insert(lvl);
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    "lvlOverride" => override_level = None,
                    _ => {}
                },
                Ev::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    /// Counts one more paragraph of this list and returns its label ("1.", "a)", "7.3.2"),
    /// or `None` for bullets and lists without a visible number.
    pub(super) fn label(&mut self, num: &NumRef) -> Option<String> {
        let num_id = num.num_id.as_deref()?;
        let level = usize::from(num.level.unwrap_or(0).min(8));
        let def = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&def.abstract_id)?;
        let start = |l: usize| -> u32 {
            let key = u8::try_from(l).unwrap_or(0);
            def.starts.get(&key).copied().or_else(|| levels.get(&key).map(|x| x.start)).unwrap_or(1)
        };
        let counters = self.counters.entry(num_id.to_owned()).or_insert([0; 9]);
        // A level's first paragraph starts at its start value; deeper levels restart.
        counters[level] =
            if counters[level] == 0 { start(level) } else { counters[level].saturating_add(1) };
        for deeper in counters.iter_mut().skip(level + 1) {
            *deeper = 0;
        }
        let lvl = levels.get(&u8::try_from(level).unwrap_or(0))?;
        if matches!(lvl.format.as_str(), "bullet" | "none") || lvl.text.is_empty() {
            return None;
        }
        let mut out = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d));
            match (c, digit) {
                ('%', Some(d)) => {
                    chars.next();
                    let l = usize::try_from(d - 1).unwrap_or(0);
                    let value = if counters[l] == 0 { start(l) } else { counters[l] };
                    let format = levels
                        .get(&u8::try_from(l).unwrap_or(0))
                        .map_or("decimal", |x| x.format.as_str());
                    out.push_str(&format_number(value, format));
                }
                _ => out.push(c),
            }
        }
        let out = out.trim().to_owned();
        (!out.is_empty()).then_some(out)
    }
}

/// A counter in a list's number format.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// 1 -> A, 26 -> Z, 27 -> AA (Word repeats the letter).
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(b'A' + u8::try_from((n - 1) % 26).unwrap_or(0));
    std::iter::repeat_n(letter, usize::try_from((n - 1) / 26 + 1).unwrap_or(1).min(10)).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in table {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn styles(body: &str) -> Styles {
        Styles::parse("word/styles.xml", &format!("<w:styles {W}>{body}</w:styles>"))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn roles_come_from_names_ids_outline_levels_and_based_on_chains() {
        let s = styles(
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"MyHead\"><w:name w:val=\"My Head\"/><w:basedOn w:val=\"berschrift1\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Custom\"><w:name w:val=\"Custom\"/><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"A\"><w:basedOn w:val=\"B\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"B\"><w:basedOn w:val=\"A\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"TOC2\"><w:name w:val=\"toc 2\"/></w:style>\
             <w:style w:type=\"character\" w:styleId=\"Heading1Char\"><w:name w:val=\"Heading 1 Char\"/></w:style>",
        );
        assert_eq!(s.role(Some("berschrift1")), Role::Heading(1));
        assert_eq!(s.role(Some("MyHead")), Role::Heading(1));
        assert_eq!(s.role(Some("Custom")), Role::Heading(3));
        assert_eq!(s.role(Some("A")), Role::Body, "a basedOn cycle ends");
        assert_eq!(s.role(Some("TOC2")), Role::Contents);
        assert_eq!(s.role(None), Role::Body);
        // Undefined ids still tell (pandoc's documents use these ids).
        assert_eq!(s.role(Some("Heading4")), Role::Heading(4));
        assert_eq!(s.role(Some("BlockText")), Role::Quote);
        assert_eq!(s.role(Some("Heading1Char")), Role::Body, "a character style is no heading");
    }

    #[test]
    fn numbering_counts_per_list_and_level() {
        let text = format!(
            "<w:numbering {W}>\
             <w:abstractNum w:abstractNumId=\"1\">\
               <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:pPr><w:ind w:left=\"1\"/></w:pPr></w:lvl>\
               <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1.%2)\"/></w:lvl>\
             </w:abstractNum>\
             <w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>\
             <w:num w:numId=\"5\"><w:abstractNumId w:val=\"1\"/></w:num>\
             <w:num w:numId=\"6\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/></w:lvlOverride></w:num>\
             <w:num w:numId=\"7\"><w:abstractNumId w:val=\"2\"/></w:num>\
             </w:numbering>"
        );
        let mut n = Numbering::parse("word/numbering.xml", &text).unwrap_or_else(|e| panic!("{e}"));
        let at = |id: &str, level: u8| NumRef { num_id: Some(id.into()), level: Some(level) };
        let labels: Vec<Option<String>> = [
            at("5", 0),
            at("5", 1),
            at("5", 1),
            at("5", 0),
            at("5", 1),
            at("6", 0),
            at("7", 0),
            at("9", 0),
        ]
        .iter()
        .map(|r| n.label(r))
        .collect();
        let want = [
            Some("1."),
            Some("1.a)"),
            Some("1.b)"),
            Some("2."),
            Some("2.a)"),
            Some("7."),
            None,
            None,
        ];
        assert_eq!(labels, want.map(|w| w.map(str::to_owned)));
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
    }
}
