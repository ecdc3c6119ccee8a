//! YAML fragments (front matter, risk blocks) read into a small tree with byte spans.
//!
//! The text is first walked as parser events so that hostile input (anchors, aliases, tags,
//! deep nesting) is refused before any tree is built; only then is it loaded with saphyr's
//! `MarkedYaml` and copied into [`Node`]s whose spans are byte ranges of the whole document.

use std::collections::HashSet;

use candor_model::{Diagnostic, Span};
use saphyr::{MarkedYaml, Scalar, YamlData, YamlLoader};
use saphyr_parser::{Event, Parser, ScanError};

/// Collections may nest this deep; deeper input is refused.
pub(crate) const MAX_DEPTH: usize = 16;

/// A YAML value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

/// A YAML node with its byte span in the whole document and, for scalars, its source text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub value: Value,
    pub span: Span,
    /// The scalar as written (`1.10` stays `1.10`); empty for collections.
    pub raw: String,
}

impl Node {
    /// What kind of value this is, in words for messages.
    pub(crate) fn kind_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "true or false",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a group of `key: value` lines",
        }
    }

    /// The text of a scalar: strings as they are, other scalars as written. `None` for null
    /// and collections.
    pub(crate) fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            Value::Bool(_) | Value::Int(_) | Value::Float(_) => Some(&self.raw),
            Value::Null | Value::Seq(_) | Value::Map(_) => None,
        }
    }

    /// The value as a number, if it is one.
    pub(crate) fn number(&self) -> Option<f64> {
        match self.value {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) => Some(f),
            _ => None,
        }
    }

    pub(crate) fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// A key as text, whatever its type (`1: x` has the key `1`).
    pub(crate) fn key_text(&self) -> String {
        match self.text() {
            Some(t) => t.to_owned(),
            None if self.raw.is_empty() => format!("({})", self.kind_name()),
            None => self.raw.clone(),
        }
    }
}

/// Maps byte offsets in a fragment to byte offsets in the whole document.
///
/// A fenced block inside a list or quote loses its indentation and `>` markers, so its
/// content is several pieces of the document; each piece is one chunk.
#[derive(Debug, Clone)]
pub(crate) struct SourceMap {
    /// (offset in the fragment, offset in the document), sorted by fragment offset.
    chunks: Vec<(usize, usize)>,
}

impl SourceMap {
    /// A fragment that is one contiguous piece of the document, starting at `start`.
    pub(crate) fn contiguous(start: usize) -> Self {
        Self { chunks: vec![(0, start)] }
    }

    pub(crate) fn from_chunks(chunks: Vec<(usize, usize)>) -> Self {
        if chunks.is_empty() { Self::contiguous(0) } else { Self { chunks } }
    }

    pub(crate) fn offset(&self, fragment_offset: usize) -> usize {
        let i = self.chunks.partition_point(|&(f, _)| f <= fragment_offset);
        match i.checked_sub(1).and_then(|i| self.chunks.get(i)) {
            Some(&(f, doc)) => doc + (fragment_offset - f),
            None => self.chunks.first().map_or(0, |&(_, doc)| doc),
        }
    }

    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        let s = self.offset(start);
        let e = self.offset(end.max(start));
        Span::new(s, e.max(s))
    }
}

/// Names used in diagnostics: the code prefix and what the reader calls the fragment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    /// `front-matter` or `risk`.
    pub prefix: &'static str,
    /// `front matter` or `risk block`.
    pub what: &'static str,
}

impl Context {
    pub(crate) fn code(&self, name: &str) -> String {
        format!("{}/{name}", self.prefix)
    }
}

/// Character index to byte offset within a fragment (saphyr counts characters).
struct CharIndex {
    /// Byte offset of every character, or empty for ASCII text where they are equal.
    starts: Vec<usize>,
    len: usize,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(i, _)| i).collect()
        };
        Self { starts, len: text.len() }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.starts.is_empty() {
            char_index.min(self.len)
        } else {
            self.starts.get(char_index).copied().unwrap_or(self.len)
        }
    }
}

/// Reads one YAML document. Problems are pushed to `diags`; `None` means nothing usable
/// (syntax error or refused input). An empty fragment gives a null node.
pub(crate) fn parse(
    fragment: &str,
    map: &SourceMap,
    cx: Context,
    diags: &mut Vec<Diagnostic>,
) -> Option<Node> {
    let chars = CharIndex::new(fragment);
    if !prescan(fragment, map, &chars, cx, diags) {
        return None;
    }
    let mut loader: YamlLoader<'_, MarkedYaml<'_>> = YamlLoader::default();
    // Duplicates were reported by the pre-scan; keep going with the last value.
    loader.allow_duplicate_keys(true);
    let mut parser = Parser::new_from_str(fragment);
    if let Err(e) = parser.load(&mut loader, true) {
        diags.push(syntax_error(&e, map, &chars, cx));
        return None;
    }
    if let Some(e) = loader.error() {
        diags.push(syntax_error(e, map, &chars, cx));
        return None;
    }
    let doc = loader.into_documents().into_iter().next();
    let empty = Node { value: Value::Null, span: map.span(0, 0), raw: String::new() };
    Some(doc.map_or(empty, |d| convert(&d, fragment, map, &chars, 0)))
}

/// One level of the pre-scan: a sequence, or a mapping with its keys so far.
enum Level {
    Seq,
    Map { expect_key: bool, keys: HashSet<String> },
}

/// Walks the events, refusing anchors, aliases, tags, deep nesting and several documents,
/// and reporting duplicate keys. Returns whether the fragment may be loaded.
fn prescan(
    fragment: &str,
    map: &SourceMap,
    chars: &CharIndex,
    cx: Context,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let span_of =
        |s: &saphyr_parser::Span| map.span(chars.byte(s.start.index()), chars.byte(s.end.index()));
    let mut levels: Vec<Level> = Vec::new();
    let mut documents = 0;
    for item in Parser::new_from_str(fragment) {
        let (event, span) = match item {
            Ok(pair) => pair,
            Err(e) => {
                diags.push(syntax_error(&e, map, chars, cx));
                return false;
            }
        };
        let (anchor, tagged) = match &event {
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(anchor, tag)
            | Event::MappingStart(anchor, tag) => (*anchor, tag.is_some()),
            _ => (0, false),
        };
        if anchor > 0 || matches!(event, Event::Alias(_)) {
            diags.push(alias_error(span_of(&span), cx));
            return false;
        }
        if tagged {
            diags.push(
                Diagnostic::error(
                    &cx.code("yaml-tag"),
                    span_of(&span),
                    format!("YAML tags such as `!!str` are not allowed in the {}.", cx.what),
                )
                .with_hint("Remove the tag; put the value in quotes if it must be text."),
            );
            return false;
        }
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    diags.push(
                        Diagnostic::error(
                            &cx.code("yaml-syntax"),
                            span_of(&span),
                            format!("The {} holds more than one YAML document.", cx.what),
                        )
                        .with_hint("Remove the `---` or `...` line inside it."),
                    );
                    return false;
                }
            }
            Event::Scalar(value, ..) => {
                if let Some(Level::Map { expect_key: true, keys }) = levels.last_mut()
                    && !keys.insert(value.to_string())
                {
                    diags.push(
                        Diagnostic::error(
                            &cx.code("duplicate-key"),
                            span_of(&span),
                            format!("`{value}` appears more than once here in the {}.", cx.what),
                        )
                        .with_hint("Keep one of them; only the last one is used."),
                    );
                }
                complete(&mut levels);
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if levels.len() >= MAX_DEPTH {
                    diags.push(
                        Diagnostic::error(
                            &cx.code("too-deep"),
                            span_of(&span),
                            format!("The {} is nested more than {MAX_DEPTH} levels deep.", cx.what),
                        )
                        .with_hint("Flatten the structure; Candor never needs this much nesting."),
                    );
                    return false;
                }
                levels.push(if matches!(event, Event::SequenceStart(..)) {
                    Level::Seq
                } else {
                    Level::Map { expect_key: true, keys: HashSet::new() }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                levels.pop();
                complete(&mut levels);
            }
            _ => {}
        }
    }
    // Duplicate keys are errors, but the rest of the fragment is still worth reading.
    true
}

/// A node ended: in a mapping, a key is followed by a value and a value by a key.
fn complete(levels: &mut [Level]) {
    if let Some(Level::Map { expect_key, .. }) = levels.last_mut() {
        *expect_key = !*expect_key;
    }
}

fn alias_error(span: Span, cx: Context) -> Diagnostic {
    Diagnostic::error(
        &cx.code("yaml-alias"),
        span,
        format!("YAML anchors (`&name`) and aliases (`*name`) are not allowed in the {}.", cx.what),
    )
    .with_hint("Write the value out in full where it is needed.")
}

fn syntax_error(e: &ScanError, map: &SourceMap, chars: &CharIndex, cx: Context) -> Diagnostic {
    let at = chars.byte(e.marker().index());
    // An alias of an unknown anchor fails to parse before any event shows it.
    if e.info().contains("anchor") {
        return alias_error(map.span(at, at), cx);
    }
    let mut info = e.info().to_owned();
    if let Some(first) = info.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    Diagnostic::error(
        &cx.code("yaml-syntax"),
        map.span(at, at),
        format!("The {} is not valid YAML: {info}.", cx.what),
    )
    .with_hint(
        "Check the indentation and that each line reads `key: value`. Put text in quotes if it \
         contains `: ` or ` #`, or starts with one of [ ] { } & * ! | > % @ `",
    )
}

fn convert(
    y: &MarkedYaml<'_>,
    fragment: &str,
    map: &SourceMap,
    chars: &CharIndex,
    depth: usize,
) -> Node {
    let start = chars.byte(y.span.start.index());
    let end = chars.byte(y.span.end.index()).max(start);
    let span = map.span(start, end);
    let scalar = |value: Value| {
        let raw = fragment.get(start..end).unwrap_or_default().trim().to_owned();
        Node { value, span, raw }
    };
    let collection = |value: Value| Node { value, span, raw: String::new() };
    // The pre-scan bounds the depth; this guard only keeps the recursion obviously finite.
    if depth > MAX_DEPTH {
        return collection(Value::Null);
    }
    match &y.data {
        YamlData::Value(s) => scalar(match s {
            Scalar::Null => Value::Null,
            Scalar::Boolean(b) => Value::Bool(*b),
            Scalar::Integer(i) => Value::Int(*i),
            Scalar::FloatingPoint(f) => Value::Float(f.into_inner()),
            Scalar::String(s) => Value::Str(s.to_string()),
        }),
        YamlData::Representation(text, ..) => scalar(Value::Str(text.to_string())),
        YamlData::Sequence(items) => collection(Value::Seq(
            items.iter().map(|i| convert(i, fragment, map, chars, depth + 1)).collect(),
        )),
        YamlData::Mapping(entries) => collection(Value::Map(
            entries
                .iter()
                .map(|(k, v)| {
                    (
                        convert(k, fragment, map, chars, depth + 1),
                        convert(v, fragment, map, chars, depth + 1),
                    )
                })
                .collect(),
        )),
        YamlData::Tagged(_, inner) => convert(inner, fragment, map, chars, depth + 1),
        YamlData::Alias(_) | YamlData::BadValue => scalar(Value::Null),
    }
}

/// The candidate closest to `word` (case, `_` and spaces ignored), if it is close enough to
/// be a likely typo.
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let normal = |s: &str| s.trim().to_lowercase().replace(['_', ' '], "-");
    let word = normal(word);
    if word.is_empty() || word.chars().count() > 64 {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for &c in candidates {
        let d = distance(&word, &normal(c));
        let limit = (c.chars().count() / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c).or_else(|| {
        // "cyber" for "cyber-offence": a clear prefix is a good guess too.
        let prefixed: Vec<_> = candidates
            .iter()
            .filter(|c| word.chars().count() >= 3 && normal(c).starts_with(&word))
            .collect();
        match prefixed.as_slice() {
            [one] => Some(**one),
            _ => None,
        }
    })
}

/// Edit distance counting a swap of neighbours as one edit (optimal string alignment).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two back, previous, current.
    let mut two_back: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(two_back[j - 2] + 1);
            }
        }
        std::mem::swap(&mut two_back, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const CX: Context = Context { prefix: "test", what: "test block" };

    fn load(text: &str) -> (Option<Node>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let node = parse(text, &SourceMap::contiguous(10), CX, &mut diags);
        (node, diags)
    }

    fn codes(diags: &[Diagnostic]) -> Vec<&str> {
        diags.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn spans_are_bytes_in_the_document() {
        let (node, diags) = load("title: é\nversion: 1.10\n");
        assert!(diags.is_empty(), "{diags:?}");
        let Some(Node { value: Value::Map(entries), .. }) = node else { panic!() };
        let (k, v) = &entries[1];
        assert_eq!(k.text(), Some("version"));
        // "title: é\n" is 10 bytes (é is 2) but 9 characters.
        assert_eq!(k.span, Span::new(20, 27));
        assert_eq!(v.raw, "1.10");
        assert_eq!(v.text(), Some("1.10"));
        assert_eq!(v.span, Span::new(29, 33));
    }

    #[test]
    fn hostile_yaml_is_refused_before_loading() {
        assert_eq!(codes(&load("a: &x 1\nb: *x\n").1), ["test/yaml-alias"]);
        assert_eq!(codes(&load("a: !!str 1\n").1), ["test/yaml-tag"]);
        let deep = format!("{}{}", "[".repeat(17), "]".repeat(17));
        assert_eq!(codes(&load(&deep).1), ["test/too-deep"]);
        let ok = format!("{}{}", "[".repeat(16), "]".repeat(16));
        assert!(load(&ok).1.is_empty());
        assert_eq!(codes(&load(&"- ".repeat(10_000)).1), ["test/too-deep"]);
        assert_eq!(codes(&load("a: 1\n---\nb: 2\n").1), ["test/yaml-syntax"]);
    }

    #[test]
    fn syntax_errors_and_duplicates() {
        let (node, diags) = load("a: [1, 2\n");
        assert!(node.is_none());
        assert_eq!(codes(&diags), ["test/yaml-syntax"]);
        let (node, diags) = load("a: 1\na: 2\n");
        assert_eq!(codes(&diags), ["test/duplicate-key"]);
        assert_eq!(diags[0].span, Span::new(15, 16));
        let Some(Node { value: Value::Map(entries), .. }) = node else { panic!() };
        assert_eq!(entries[0].1.value, Value::Int(2));
    }

    #[test]
    fn empty_fragment_is_null() {
        assert_eq!(load("").0.map(|n| n.value), Some(Value::Null));
        assert_eq!(load("# only a comment\n").0.map(|n| n.value), Some(Value::Null));
    }

    #[test]
    fn source_maps_follow_chunks() {
        let map = SourceMap::from_chunks(vec![(0, 100), (5, 200)]);
        assert_eq!(map.offset(0), 100);
        assert_eq!(map.offset(4), 104);
        assert_eq!(map.offset(6), 201);
    }

    #[test]
    fn suggestions() {
        assert_eq!(closest("titel", &["title", "lang"]), Some("title"));
        assert_eq!(closest("Reading-Level", &["reading_level"]), Some("reading_level"));
        assert_eq!(closest("cyber", &["cyber-offence", "cbrn"]), Some("cyber-offence"));
        assert_eq!(closest("zzzzzz", &["title", "lang"]), None);
        assert_eq!(distance("titel", "title"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
    }
}
