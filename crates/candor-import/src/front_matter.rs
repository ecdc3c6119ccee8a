//! The YAML front matter between `---` lines at the top of a companion document.

use std::collections::HashSet;

use candor_model::{Date, Diagnostic, LanguageTag, Metadata, SourceRef, Span};

use crate::yaml::{self, Context, Node, SourceMap, Value};

const CX: Context = Context { prefix: "front-matter", what: "front matter" };

const KEYS: [&str; 9] = [
    "title",
    "lang",
    "audience",
    "reading_level",
    "version",
    "date",
    "provider",
    "model",
    "sources",
];

/// Words authors often write for a key, and the key Candor uses.
const SYNONYMS: [(&str, &str); 9] = [
    ("language", "lang"),
    ("locale", "lang"),
    ("grade", "reading_level"),
    ("author", "provider"),
    ("publisher", "provider"),
    ("company", "provider"),
    ("published", "date"),
    ("references", "sources"),
    ("name", "title"),
];

const SOURCE_KEYS: [&str; 3] = ["id", "title", "file"];

/// How a document starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    /// Front matter between two `---` lines.
    Present,
    /// No front matter at all.
    Missing,
    /// An opening `---` line without a closing one; the whole text is read as Markdown.
    Unterminated,
}

/// The front matter, validated, and where the Markdown starts.
#[derive(Debug)]
pub(crate) struct FrontMatter {
    pub meta: Metadata,
    pub state: State,
    /// Byte offset of the Markdown body.
    pub body_start: usize,
    /// Where document-level problems are shown: the opening `---`, or the document start.
    pub anchor: Span,
}

/// Splits off and validates the front matter. Never fails; problems go to `diags`.
pub(crate) fn read(text: &str, diags: &mut Vec<Diagnostic>) -> FrontMatter {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut fm = FrontMatter {
        meta: Metadata::default(),
        state: State::Missing,
        body_start: bom,
        anchor: Span::new(0, 0),
    };
    let mut lines = Lines { text, pos: bom };
    let Some(first) = lines.next() else { return fm };
    if !(first.has_newline && is_delimiter(&text[first.start..first.end], false)) {
        return fm;
    }
    fm.anchor = Span::new(first.start, first.end);
    let Some(close) = lines.find(|l| is_delimiter(&text[l.start..l.end], true)) else {
        fm.state = State::Unterminated;
        diags.push(
            Diagnostic::error(
                "front-matter/unterminated",
                fm.anchor,
                "The front matter starts with `---` but never ends.",
            )
            .with_hint("Add a line containing only `---` after the last front-matter line."),
        );
        return fm;
    };
    fm.state = State::Present;
    fm.body_start = close.next;
    let yaml_start = first.next;
    let fragment = &text[yaml_start..close.start];
    // After a syntax error nothing more is reported, "missing title" included.
    let Some(root) = yaml::parse(fragment, &SourceMap::contiguous(yaml_start), CX, diags) else {
        return fm;
    };
    let entries = match root.value {
        Value::Map(entries) => entries,
        Value::Null => Vec::new(),
        _ => {
            diags.push(
                Diagnostic::error(
                    "front-matter/wrong-type",
                    root.span,
                    format!(
                        "The front matter should be `key: value` lines, but it is {}.",
                        root.kind_name()
                    ),
                )
                .with_hint("Start with a line such as `title: \"What you should know\"`."),
            );
            return fm;
        }
    };
    let mut lang_seen = false;
    let mut title_seen = false;
    for (key, value) in &entries {
        let name = key.key_text();
        match name.as_str() {
            "title" => {
                // Any problem with the title is reported here, not as "missing" below.
                title_seen = true;
                match text_field("title", value, diags) {
                    Some(title) => fm.meta.title = title,
                    None if value.is_null() || value.text().is_some() => diags.push(
                        Diagnostic::error(
                            "front-matter/missing-title",
                            value.span,
                            "The `title` in the front matter is empty.",
                        )
                        .with_hint("Write the title readers will see, e.g. `title: \"Example-1: what you should know\"`."),
                    ),
                    None => {}
                }
            }
            "lang" => {
                lang_seen = true;
                if let Some(tag) = text_field("lang", value, diags) {
                    match LanguageTag::parse(&tag) {
                        Ok(tag) => fm.meta.lang = tag,
                        Err(why) => diags.push(
                            Diagnostic::error(
                                "front-matter/invalid-lang",
                                value.span,
                                format!("`lang` is not a language tag: {why}."),
                            )
                            .with_hint(
                                "Use a BCP 47 tag such as `en`, `de`, `fr-BE` or `sr-Latn`.",
                            ),
                        ),
                    }
                } else if value.is_null() {
                    lang_seen = false;
                }
            }
            "audience" => fm.meta.audience = text_field("audience", value, diags),
            "reading_level" => fm.meta.reading_level = reading_level(value, diags),
            "version" => fm.meta.version = text_field("version", value, diags),
            "date" => {
                if let Some(date) = text_field("date", value, diags) {
                    match Date::parse(&date) {
                        Ok(d) => fm.meta.date = Some(d),
                        Err(why) => diags.push(
                            Diagnostic::error(
                                "front-matter/invalid-date",
                                value.span,
                                format!("{why}."),
                            )
                            .with_hint("Write the publication date as YYYY-MM-DD, e.g. `date: 2026-03-01`."),
                        ),
                    }
                }
            }
            "provider" => fm.meta.provider = text_field("provider", value, diags),
            "model" => fm.meta.model = text_field("model", value, diags),
            "sources" => fm.meta.sources = sources(value, diags),
            _ => diags.push(unknown_key(&name, key.span, &KEYS, &SYNONYMS)),
        }
    }
    if !lang_seen {
        diags.push(
            Diagnostic::warning(
                "front-matter/missing-lang",
                fm.anchor,
                "The front matter does not say which language the document is in; Candor assumes English (`en`).",
            )
            .with_hint("Add a line such as `lang: en`; it sets hyphenation, quotes and readability formulas."),
        );
    }
    if !title_seen {
        diags.push(
            Diagnostic::error(
                "front-matter/missing-title",
                fm.anchor,
                "The front matter has no `title`.",
            )
            .with_hint("Add a line such as `title: \"Example-1: what you should know\"`."),
        );
    }
    fm
}

/// `---` opens front matter; `---` or `...` closes it. Trailing spaces are forgiven.
fn is_delimiter(line: &str, closing: bool) -> bool {
    let line = line.trim_end_matches([' ', '\t', '\r']);
    line == "---" || (closing && line == "...")
}

/// One line: content `start..end` (without the line break) and the start of the next line.
struct Line {
    start: usize,
    end: usize,
    next: usize,
    has_newline: bool,
}

struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let rest = self.text.get(self.pos..).filter(|r| !r.is_empty())?;
        let start = self.pos;
        let line = match rest.find('\n') {
            Some(i) => Line { start, end: start + i, next: start + i + 1, has_newline: true },
            None => Line { start, end: self.text.len(), next: self.text.len(), has_newline: false },
        };
        self.pos = line.next;
        Some(line)
    }
}

/// A text value; numbers and booleans count as the text they are written as.
fn text_field(key: &str, node: &Node, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match node.text() {
        Some(t) => Some(t.trim().to_owned()).filter(|t| !t.is_empty()),
        None if node.is_null() => None,
        None => {
            diags.push(wrong_type(key, "text", node, &format!("`{key}: ...` on one line")));
            None
        }
    }
}

fn wrong_type(key: &str, expected: &str, node: &Node, example: &str) -> Diagnostic {
    Diagnostic::error(
        "front-matter/wrong-type",
        node.span,
        format!("`{key}` should be {expected}, but it is {}.", node.kind_name()),
    )
    .with_hint(format!("Write it as {example}."))
}

fn reading_level(node: &Node, diags: &mut Vec<Diagnostic>) -> Option<u8> {
    if node.is_null() {
        return None;
    }
    let level = match &node.value {
        Value::Int(i) => Some(*i),
        Value::Str(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    let Some(level) = level else {
        diags.push(wrong_type(
            "reading_level",
            "a whole number (a school grade from 1 to 18)",
            node,
            "`reading_level: 9`",
        ));
        return None;
    };
    match u8::try_from(level) {
        Ok(l @ 1..=18) => Some(l),
        _ => {
            diags.push(
                Diagnostic::error(
                    "front-matter/invalid-reading-level",
                    node.span,
                    format!(
                        "`reading_level` is {level}, but it must be a school grade from 1 to 18."
                    ),
                )
                .with_hint("Most general-public texts aim at grade 8 or 9."),
            );
            None
        }
    }
}

fn sources(node: &Node, diags: &mut Vec<Diagnostic>) -> Vec<SourceRef> {
    let example = "a list of `- id: report` entries, each with an optional `title` and `file`";
    let items = match &node.value {
        Value::Null => return Vec::new(),
        Value::Seq(items) => items,
        _ => {
            diags.push(wrong_type("sources", "a list", node, example));
            return Vec::new();
        }
    };
    let mut out: Vec<SourceRef> = Vec::new();
    let mut seen = HashSet::new();
    for item in items {
        let Value::Map(entries) = &item.value else {
            diags.push(wrong_type("sources", "a list of `id: ...` entries", item, example));
            continue;
        };
        let mut source = SourceRef { span: item.span, ..SourceRef::default() };
        let mut id_node = None;
        for (key, value) in entries {
            let name = key.key_text();
            match name.as_str() {
                "id" => {
                    source.id = text_field("id", value, diags).unwrap_or_default();
                    id_node = Some(value);
                }
                "title" => source.title = text_field("title", value, diags),
                "file" => source.file = text_field("file", value, diags),
                _ => diags.push(unknown_key(&name, key.span, &SOURCE_KEYS, &[])),
            }
        }
        let id_span = id_node.map_or(item.span, |n| n.span);
        if source.id.is_empty() {
            diags.push(
                Diagnostic::error(
                    "front-matter/invalid-source",
                    id_span,
                    "This source has no `id`; links and risk blocks need it to cite the source.",
                )
                .with_hint("Add a short id such as `id: report`."),
            );
        } else if !source
            .id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            let suggestion: String = source
                .id
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_') { c } else { '-' })
                .collect();
            diags.push(
                Diagnostic::error(
                    "front-matter/invalid-source",
                    id_span,
                    format!(
                        "`{}` cannot be a source id: ids use only the letters A to Z, digits, `.`, `_` and `-`.",
                        source.id
                    ),
                )
                .with_hint(format!("Try `{suggestion}`.")),
            );
        } else if !seen.insert(source.id.clone()) {
            diags.push(
                Diagnostic::error(
                    "front-matter/duplicate-source",
                    id_span,
                    format!("Two sources have the id `{}`.", source.id),
                )
                .with_hint("Give each source its own id."),
            );
        } else {
            out.push(source);
        }
    }
    out
}

/// A warning for a key Candor does not know, with a "did you mean" hint.
pub(crate) fn unknown_key(
    name: &str,
    span: Span,
    known: &[&str],
    synonyms: &[(&str, &str)],
) -> Diagnostic {
    let lower = name.trim().to_lowercase();
    let guess = synonyms
        .iter()
        .find(|(word, _)| *word == lower)
        .map(|(_, key)| *key)
        .or_else(|| yaml::closest(name, known));
    let d = Diagnostic::warning(
        "front-matter/unknown-key",
        span,
        format!("Candor does not know the front-matter key `{name}`; it is ignored."),
    );
    match guess {
        Some(key) => d.with_hint(format!("Did you mean `{key}`?")),
        None => d.with_hint(format!("Known keys: {}.", known.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{located, one};

    use super::*;

    fn run(text: &str) -> (FrontMatter, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let fm = read(text, &mut diags);
        (fm, diags)
    }

    /// (code, line, column) of every diagnostic.
    fn found(text: &str) -> Vec<(String, usize, usize)> {
        located(text, run(text).1)
    }

    const FULL: &str = "---\ntitle: \"Example-1: what you should know\"\nlang: de_at\naudience: general public\nreading_level: 9\nversion: 1.10\ndate: 2026-03-01\nprovider: Example AI Ltd.\nmodel: Example-1\nsources:\n  - id: report\n    title: Example-1 Model Report\n    file: example-1-model-report.pdf\n  - id: card\n---\n# Body\n";

    #[test]
    fn reads_every_key() {
        let (fm, diags) = run(FULL);
        assert!(diags.is_empty(), "{diags:?}");
        let m = &fm.meta;
        assert_eq!(m.title, "Example-1: what you should know");
        assert_eq!(m.lang.as_str(), "de-AT");
        assert_eq!(m.audience.as_deref(), Some("general public"));
        assert_eq!(m.reading_level, Some(9));
        assert_eq!(m.version.as_deref(), Some("1.10"));
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2026-03-01"));
        assert_eq!(m.provider.as_deref(), Some("Example AI Ltd."));
        assert_eq!(m.model.as_deref(), Some("Example-1"));
        assert_eq!(m.sources.len(), 2);
        assert_eq!(m.sources[0].file.as_deref(), Some("example-1-model-report.pdf"));
        assert_eq!(&FULL[m.sources[1].span.start..m.sources[1].span.start + 8], "id: card");
        assert_eq!(&FULL[fm.body_start..], "# Body\n");
        assert_eq!(fm.state, State::Present);
    }

    #[test]
    fn bom_and_crlf() {
        let text = "\u{feff}---\r\ntitle: T\r\nlang: en\r\n---\r\nBody\r\n";
        let (fm, diags) = run(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(fm.meta.title, "T");
        assert_eq!(&text[fm.body_start..], "Body\r\n");
        let text = "\u{feff}---\r\ntitle: T\r\nlang: xx-123456789\r\n---\r\n";
        assert_eq!(found(text), one("front-matter/invalid-lang", 3, 7));
        assert_eq!(run(text).1[0].span.start, 3 + 5 + 10 + 6);
    }

    #[test]
    fn missing_and_unterminated() {
        let (fm, diags) = run("# Title\n");
        assert_eq!(fm.state, State::Missing);
        assert!(diags.is_empty());
        assert_eq!(found("---\ntitle: T\nlang: en\n"), one("front-matter/unterminated", 1, 1));
        assert_eq!(run("---\ntitle: T\n").0.state, State::Unterminated);
        // A lone thematic break is Markdown, not front matter.
        assert_eq!(run("---").0.state, State::Missing);
        assert_eq!(run("---\nlang: en\n...\nx").0.state, State::Present);
    }

    #[test]
    fn title_and_lang_problems() {
        assert_eq!(found("---\nlang: en\n---\n"), one("front-matter/missing-title", 1, 1));
        assert_eq!(
            found("---\ntitle: \"\"\nlang: en\n---\n"),
            one("front-matter/missing-title", 2, 8)
        );
        assert_eq!(found("---\ntitle: T\n---\n"), one("front-matter/missing-lang", 1, 1));
        assert_eq!(
            found("---\ntitle: T\nlang: english\n---\n"),
            one("front-matter/invalid-lang", 3, 7)
        );
        assert_eq!(found("---\ntitle: [a]\nlang: en\n---\n"), one("front-matter/wrong-type", 2, 8));
        let (_, d) = run("---\ntitle: T\nlang: {a: b}\n---\n");
        assert_eq!(d[0].code, "front-matter/wrong-type");
        assert!(
            d[0].message.contains("`lang`") && d[0].message.contains("text"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn values_are_checked() {
        let pre = "---\ntitle: T\nlang: en\n";
        let f = |rest: &str| found(&format!("{pre}{rest}---\n"));
        assert_eq!(f("date: 2026-02-30\n"), one("front-matter/invalid-date", 4, 7));
        assert_eq!(f("date: March 2026\n"), one("front-matter/invalid-date", 4, 7));
        assert_eq!(f("reading_level: 40\n"), one("front-matter/invalid-reading-level", 4, 16));
        assert_eq!(f("reading_level: 8.5\n"), one("front-matter/wrong-type", 4, 16));
        assert_eq!(f("reading_level: \"7\"\n"), vec![]);
        assert_eq!(f("version: 2\n"), vec![]);
        assert_eq!(f("sources: report\n"), one("front-matter/wrong-type", 4, 10));
        assert_eq!(f("sources:\n  - report\n"), one("front-matter/wrong-type", 5, 5));
        assert_eq!(f("sources:\n  - title: x\n"), one("front-matter/invalid-source", 5, 5));
        assert_eq!(f("sources:\n  - id: my report\n"), one("front-matter/invalid-source", 5, 9));
        assert_eq!(
            f("sources:\n  - id: a\n  - id: a\n"),
            one("front-matter/duplicate-source", 6, 9)
        );
        assert_eq!(f("sources:\n  - id: a\n    fiel: x\n"), one("front-matter/unknown-key", 6, 5));
    }

    #[test]
    fn unknown_keys_suggest_the_right_one() {
        let (_, d) = run("---\ntitle: T\nlang: en\ntilte: x\nlanguage: en\nfoo: 1\n---\n");
        let hints: Vec<_> = d.iter().map(|d| (d.code.as_str(), d.hints[0].as_str())).collect();
        assert_eq!(hints[0], ("front-matter/unknown-key", "Did you mean `title`?"));
        assert_eq!(hints[1].1, "Did you mean `lang`?");
        assert!(hints[2].1.starts_with("Known keys: title, lang"));
        assert!(d.iter().all(|d| d.severity == candor_model::Severity::Warning));
    }

    #[test]
    fn yaml_problems_have_positions() {
        assert_eq!(
            found("---\ntitle: T\nlang: en\na: [1\n---\n"),
            one("front-matter/yaml-syntax", 5, 1)
        );
        assert_eq!(
            found("---\ntitle: &t T\nlang: en\n---\n"),
            one("front-matter/yaml-alias", 2, 8)
        );
        assert_eq!(
            found("---\ntitle: !!str T\nlang: en\n---\n"),
            one("front-matter/yaml-tag", 2, 8)
        );
        assert_eq!(
            found("---\ntitle: T\ntitle: U\nlang: en\n---\n"),
            one("front-matter/duplicate-key", 3, 1)
        );
        assert_eq!(found("---\n- a\n---\n"), one("front-matter/wrong-type", 2, 1));
        let deep = format!("---\ntitle: T\nlang: en\nx: {}\n---\n", "[".repeat(20));
        assert_eq!(found(&deep), one("front-matter/too-deep", 4, 19));
        // After a syntax error nothing else is reported, not even the missing title.
        assert_eq!(found("---\na: [\n---\n"), one("front-matter/yaml-syntax", 3, 1));
    }
}
