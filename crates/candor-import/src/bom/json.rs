//! Parsing JSON with errors a person can act on, and reading values loosely.

use serde_json::Value;

use crate::source::ImportError;

/// Parses the whole text; on failure, says what is wrong, in plain words, and where.
///
/// serde_json refuses nesting deeper than 128 levels before it recurses further, so a
/// hostile file cannot overflow the stack here.
pub(super) fn parse(text: &str) -> Result<Value, ImportError> {
    serde_json::from_str(text).map_err(|e| malformed(text, &e))
}

fn malformed(text: &str, e: &serde_json::Error) -> ImportError {
    let raw = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let bare = raw.strip_suffix(&suffix).unwrap_or(&raw);
    let mut offset = byte_offset(text, e.line(), e.column());
    if bare.starts_with("trailing comma") {
        // serde_json notices the comma only at the `}` or `]` after it, often a line
        // later; point at the comma itself, where the fix is.
        if let Some(comma) = text[..offset].trim_end().strip_suffix(',') {
            offset = comma.len();
        }
    }
    let (line, column) = line_column(text, offset);
    ImportError::Malformed { line, column, message: format!("malformed JSON: {}", explain(bare)) }
}

/// serde_json's terse messages, said plainly.
fn explain(bare: &str) -> String {
    let plain = |m: &str| m.to_owned();
    if bare.starts_with("trailing comma") {
        plain(
            "there is a comma after the last item of an object or list; JSON allows no comma \
             before `}` or `]` (remove it)",
        )
    } else if bare.starts_with("recursion limit exceeded") {
        plain(
            "the JSON is nested too deeply: more than 128 levels of objects and lists inside \
             one another",
        )
    } else if bare.starts_with("EOF while parsing a string") {
        plain("the file ends inside a text string: a closing quote `\"` is missing")
    } else if bare.starts_with("EOF while parsing an object") {
        plain("the file ends before an object is closed: a `}` is missing")
    } else if bare.starts_with("EOF while parsing a list") {
        plain("the file ends before a list is closed: a `]` is missing")
    } else if bare.starts_with("EOF while parsing") {
        plain("the file ends where a value was expected (it is empty or cut short)")
    } else if bare.starts_with("expected `,` or `}`") {
        plain("a comma `,` or a closing `}` is missing before this point")
    } else if bare.starts_with("expected `,` or `]`") {
        plain("a comma `,` or a closing `]` is missing before this point")
    } else if bare.starts_with("expected `:`") {
        plain("a colon `:` is missing after the name of a field")
    } else if bare.starts_with("key must be a string") {
        plain("the name of a field must be text in double quotes")
    } else if bare.starts_with("expected value") {
        plain(
            "a value was expected here: text in double quotes, a number, true, false, null, \
             an object or a list",
        )
    } else if bare.starts_with("expected ident") {
        plain("an unknown word: JSON knows only true, false and null")
    } else if bare.starts_with("control character") {
        plain(
            "a text string contains a raw control character (such as a line break or a tab); \
             it must be written as an escape such as \\n",
        )
    } else if bare.starts_with("invalid escape") {
        plain("a text string contains an invalid escape sequence after a backslash")
    } else if bare.starts_with("invalid number") || bare.starts_with("number out of range") {
        plain("a number is not valid JSON (or is too large)")
    } else if bare.starts_with("trailing characters") {
        plain("there is more text after the end of the JSON document")
    } else if bare.contains("unicode") || bare.contains("surrogate") || bare.contains("hex escape")
    {
        plain("a \\u escape in a text string is not a valid character")
    } else {
        bare.to_owned()
    }
}

/// serde_json counts lines from 1 and columns in bytes from 1 (0 before the first byte).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
    };
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// 1-based line and column (in characters, as editors count) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A non-blank string member of an object.
pub(super) fn str_of<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

/// A scalar as text: strings trimmed, numbers as written, booleans as yes / no.
pub(super) fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "yes" } else { "no" }.to_owned()),
        _ => None,
    }
}

/// Any value as one line of text: lists joined by "; ", objects as "key: value" pairs.
/// Depth and length are bounded, so a hostile value cannot make it slow.
pub(super) fn flatten(value: &Value) -> Option<String> {
    let mut out = String::new();
    flatten_into(value, 0, &mut out);
    let out = out.trim().to_owned();
    (!out.is_empty()).then_some(out)
}

const FLATTEN_DEPTH: usize = 4;
const FLATTEN_CHARS: usize = 20_000;

fn flatten_into(value: &Value, depth: usize, out: &mut String) {
    if out.len() > FLATTEN_CHARS {
        return;
    }
    match value {
        Value::Array(items) if depth < FLATTEN_DEPTH => {
            let mut first = true;
            for item in items {
                let mut part = String::new();
                flatten_into(item, depth + 1, &mut part);
                if part.is_empty() {
                    continue;
                }
                if !first {
                    out.push_str("; ");
                }
                first = false;
                out.push_str(&part);
                if out.len() > FLATTEN_CHARS {
                    return;
                }
            }
        }
        Value::Object(members) if depth < FLATTEN_DEPTH => {
            let mut first = true;
            for (key, member) in members {
                if key.starts_with('@') || key == "type" || key == "bom-ref" {
                    continue;
                }
                let mut part = String::new();
                flatten_into(member, depth + 1, &mut part);
                if part.is_empty() {
                    continue;
                }
                if !first {
                    out.push_str(", ");
                }
                first = false;
                out.push_str(key);
                out.push_str(": ");
                out.push_str(&part);
                if out.len() > FLATTEN_CHARS {
                    return;
                }
            }
        }
        other => {
            if let Some(s) = scalar(other) {
                out.push_str(&s);
            }
        }
    }
}

/// "machine-learning-model" / "architectureFamily" -> "machine learning model" /
/// "architecture family".
pub(super) fn words(key: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in key.chars() {
        if c == '-' || c == '_' {
            out.push(' ');
            prev_lower = false;
        } else if c.is_uppercase() && prev_lower {
            out.push(' ');
            out.extend(c.to_lowercase());
            prev_lower = false;
        } else {
            out.push(c);
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
        }
    }
    out
}

/// `words` with a capital first letter, for labels.
pub(super) fn label(key: &str) -> String {
    let w = words(key);
    let mut chars = w.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, usize, String) {
        match parse(text) {
            Err(ImportError::Malformed { line, column, message }) => (line, column, message),
            other => panic!("expected a malformed-JSON error, got {other:?}"),
        }
    }

    #[test]
    fn a_trailing_comma_is_reported_where_the_comma_is() {
        let (line, column, message) = error("{\n  \"a\": 1,\n  \"b\": 2,\n}\n");
        assert_eq!((line, column), (3, 9));
        assert!(message.contains("comma after the last item"), "{message}");
    }

    #[test]
    fn common_mistakes_are_explained_plainly() {
        assert!(error("{\"a\" 1}").2.contains("colon"));
        assert!(error("{\"a\": 1 \"b\": 2}").2.contains("comma `,` or a closing `}`"));
        assert!(error("{a: 1}").2.contains("double quotes"));
        assert!(error("{\"a\": [1, 2}").2.contains("`]`"));
        assert!(error("").2.contains("empty or cut short"));
        assert!(error("{\"a\": \"x").2.contains("closing quote"));
        assert!(error("{} {}").2.contains("more text after the end"));
        assert!(error("{\"a\": tru}").2.contains("true, false and null"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        let (line, column, message) = error(&text);
        assert_eq!(line, 1);
        assert!(column > 100 && column < 200, "{column}");
        assert!(message.contains("nested too deeply"), "{message}");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let (line, column, _) = error("{\"é\": x}");
        assert_eq!((line, column), (1, 7));
    }

    #[test]
    fn values_read_loosely() {
        let v: Value = serde_json::json!({"a": [" x ", 2, true, {"k": "v", "type": "t"}]});
        assert_eq!(flatten(&v).as_deref(), Some("a: x; 2; yes; k: v"));
        assert_eq!(words("architectureFamily"), "architecture family");
        assert_eq!(label("machine-learning-model"), "Machine learning model");
        assert_eq!(str_of(&serde_json::json!({"a": "  "}), "a"), None);
    }
}
