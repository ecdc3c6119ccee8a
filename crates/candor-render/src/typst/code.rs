//! Writing typst *code* safely: every piece of user text becomes a string literal.

use std::fmt::Write;

/// Appends `text` as a typst string literal. Nothing in `text` can end the literal or be
/// read as code or markup.
pub(crate) fn push_str_lit(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `text` as a typst string literal.
pub(crate) fn str_lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_str_lit(&mut out, text);
    out
}

/// `Some(text)` as a string literal, `None` as typst's `none`.
pub(crate) fn opt_lit(text: Option<&str>) -> String {
    text.map_or_else(|| "none".to_owned(), str_lit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_controls() {
        assert_eq!(str_lit(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(str_lit("x\ny\u{7}"), r#""x\ny\u{7}""#);
        assert_eq!(
            str_lit("#let x = 1 $ @ < > * _ ` [ ] = / ~"),
            "\"#let x = 1 $ @ < > * _ ` [ ] = / ~\""
        );
    }
}
