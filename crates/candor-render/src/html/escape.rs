//! The one escaping function every piece of the author's text goes through.

/// Appends `text` with `& < > " '` escaped, so it is literal in text and in quoted attributes.
///
/// NUL, which HTML parsers drop or reject, becomes U+FFFD as the HTML standard prescribes.
pub(super) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// `text` escaped as by [`escape_into`].
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters_and_nul() {
        assert_eq!(
            escape(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("a\0b"), "a\u{FFFD}b");
        assert_eq!(escape("ünï €"), "ünï €");
    }
}
