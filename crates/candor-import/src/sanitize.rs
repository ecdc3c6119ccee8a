//! Raw HTML in Markdown, cleaned by an allowlist (ammonia), and a small reader of single
//! tags so the Markdown reader can warn about what it drops.

use std::collections::{HashMap, HashSet};

use ammonia::{Builder, UrlRelative};
use candor_model::RawHtml;

/// Elements kept, with the attributes each may carry. Headings are kept by ammonia and then
/// demoted, because heading order belongs to the Markdown.
const TAGS: &[(&str, &[&str])] = &[
    ("p", &["lang"]),
    ("br", &[]),
    ("b", &[]),
    ("strong", &[]),
    ("i", &[]),
    ("em", &[]),
    ("u", &[]),
    ("s", &[]),
    ("del", &[]),
    ("sub", &[]),
    ("sup", &[]),
    ("code", &[]),
    ("pre", &[]),
    ("kbd", &[]),
    ("small", &[]),
    ("mark", &[]),
    ("abbr", &["title"]),
    ("blockquote", &["lang"]),
    ("ul", &[]),
    ("ol", &["start"]),
    ("li", &[]),
    ("dl", &[]),
    ("dt", &[]),
    ("dd", &[]),
    ("table", &[]),
    ("caption", &[]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tfoot", &[]),
    ("tr", &[]),
    ("th", &["scope", "colspan", "rowspan", "align"]),
    ("td", &["colspan", "rowspan", "align"]),
    ("details", &[]),
    ("summary", &[]),
    ("hr", &[]),
    ("span", &["lang"]),
    ("div", &["lang"]),
    ("a", &["href"]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
];

/// Elements removed together with their content.
const CLEAN_CONTENT: [&str; 2] = ["script", "style"];

/// Elements that can run code or load things; dropping them deserves a warning.
const SCRIPT_CAPABLE: [&str; 19] = [
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
    "form", "input", "button", "select", "textarea", "link", "meta", "base", "template",
];

/// Elements that show pictures, video or sound; Markdown images are the way to add those.
const MEDIA: [&str; 7] = ["img", "picture", "video", "audio", "source", "track", "image"];

/// Cleans raw HTML with Candor's allowlist and extracts its visible text.
///
/// Links keep only `http`, `https` and `mailto` addresses and get
/// `rel="noopener noreferrer"`; scripts, styles, event handlers, `style` and `class`
/// attributes, images, frames, forms and comments are removed; headings become bold
/// paragraphs.
pub fn sanitize_html(html: &str) -> RawHtml {
    let cleaned = builder().clean(html).to_string();
    let sanitized = demote_headings(&cleaned);
    let text = visible_text(&sanitized);
    RawHtml { sanitized, text }
}

fn builder() -> Builder<'static> {
    let mut b = Builder::empty();
    b.tags(TAGS.iter().map(|(t, _)| *t).collect())
        .tag_attributes(
            TAGS.iter()
                .filter(|(_, attrs)| !attrs.is_empty())
                .map(|(t, attrs)| (*t, attrs.iter().copied().collect()))
                .collect(),
        )
        .clean_content_tags(CLEAN_CONTENT.into_iter().collect())
        .generic_attributes(HashSet::new())
        .generic_attribute_prefixes(HashSet::new())
        .tag_attribute_values(HashMap::new())
        .set_tag_attribute_values(HashMap::new())
        .allowed_classes(HashMap::new())
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .url_relative(UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .id_prefix(None)
        // `lang` marks a part written in another language; only a valid tag is kept.
        .attribute_filter(|_, attribute, value| {
            if attribute == "lang" && !valid_lang(value) {
                return None;
            }
            Some(value.into())
        });
    b
}

/// A BCP 47 tag as far as HTML needs: `de`, `fr-CH`, `zh-Hant-TW` (letters and digits in
/// subtags of 1 to 8, the first of 2 to 3 letters).
fn valid_lang(value: &str) -> bool {
    let mut parts = value.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A piece of serialised HTML: text between tags, or one tag.
enum Piece<'a> {
    Text(&'a str),
    Tag(&'a str),
}

/// Splits ammonia's output (well-formed, attributes in double quotes) into pieces.
fn pieces(html: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = html;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            let (text, tail) = rest.split_at(end);
            rest = tail;
            return Some(Piece::Text(text));
        }
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(rest.len(), |(i, _)| i + 1);
        let (tag, tail) = rest.split_at(end);
        rest = tail;
        Some(Piece::Tag(tag))
    })
}

/// `<h2>…</h2>` becomes `<p><strong>…</strong></p>`.
fn demote_headings(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for piece in pieces(html) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Tag(t) if is_heading_tag(t, false) => out.push_str("<p><strong>"),
            Piece::Tag(t) if is_heading_tag(t, true) => out.push_str("</strong></p>"),
            Piece::Tag(t) => out.push_str(t),
        }
    }
    out
}

fn is_heading_tag(tag: &str, closing: bool) -> bool {
    let inner = if closing { tag.strip_prefix("</") } else { tag.strip_prefix('<') };
    matches!(inner.map(str::as_bytes), Some([b'h', b'1'..=b'6', b'>']))
}

/// The text a reader sees: tags stripped, entities decoded, whitespace collapsed, blocks
/// and table rows on lines of their own.
fn visible_text(html: &str) -> String {
    let mut raw = String::new();
    for piece in pieces(html) {
        match piece {
            Piece::Text(t) => decode_entities(t, &mut raw),
            Piece::Tag(t) => {
                let name = read_tag(t).map(|t| t.name).unwrap_or_default();
                match name.as_str() {
                    "td" | "th" => raw.push(' '),
                    "p" | "div" | "br" | "li" | "tr" | "ul" | "ol" | "dl" | "dt" | "dd"
                    | "table" | "thead" | "tbody" | "tfoot" | "caption" | "blockquote" | "pre"
                    | "details" | "summary" | "hr" => raw.push('\n'),
                    _ => {}
                }
            }
        }
    }
    let lines: Vec<String> = raw
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// Decodes the entities an HTML serialiser writes (and numeric ones, for good measure).
fn decode_entities(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let entity = rest.bytes().take(12).position(|b| b == b';').map(|e| &rest[1..e]);
        let decoded = entity.and_then(|name| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => {
                let num = name.strip_prefix('#')?;
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (decoded, entity) {
            (Some(c), Some(name)) => {
                out.push(c);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// One tag as written in the Markdown, e.g. `<img src=x onerror=alert(1)>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TagInfo {
    /// Lowercase element name.
    pub name: String,
    pub closing: bool,
    /// Can run code or load things: a script-capable element, an `on…` attribute or a
    /// `javascript:`-like address.
    pub risky: bool,
    /// Shows a picture, video or sound.
    pub media: bool,
}

/// Reads a single tag. `None` for comments, declarations and anything that is not a tag.
pub(crate) fn read_tag(tag: &str) -> Option<TagInfo> {
    let rest = tag.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(rest.len());
    let name = rest[..name_end].to_ascii_lowercase();
    let mut risky = SCRIPT_CAPABLE.contains(&name.as_str());
    let media = MEDIA.contains(&name.as_str());
    let mut attrs = &rest[name_end..];
    loop {
        attrs = attrs.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if attrs.is_empty() || attrs.starts_with('>') {
            break;
        }
        let n = attrs
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(attrs.len())
            .max(1);
        let attr = attrs.get(..n).unwrap_or(attrs).to_ascii_lowercase();
        attrs = attrs.get(n..).unwrap_or_default().trim_start();
        let mut value = "";
        if let Some(r) = attrs.strip_prefix('=') {
            let r = r.trim_start();
            if let Some(q) = r.chars().next().filter(|&c| c == '"' || c == '\'') {
                let body = &r[1..];
                let end = body.find(q).unwrap_or(body.len());
                value = &body[..end];
                attrs = body.get(end + 1..).unwrap_or_default();
            } else {
                let end = r.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(r.len());
                value = &r[..end];
                attrs = &r[end..];
            }
        }
        if attr.starts_with("on")
            || matches!(url_scheme(value).as_deref(), Some("javascript" | "vbscript" | "data"))
        {
            risky = true;
        }
    }
    Some(TagInfo { name, closing, risky, media })
}

/// Every tag in a piece of raw HTML (comments skipped), for warnings only: the sanitiser,
/// not this scan, is what keeps the output safe.
pub(crate) fn tags(html: &str) -> impl Iterator<Item = TagInfo> + '_ {
    let mut rest = html;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find('<')?;
            rest = &rest[start..];
            if let Some(comment) = rest.strip_prefix("<!--") {
                rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
                continue;
            }
            let mut quote = None;
            let end = rest
                .char_indices()
                .skip(1)
                .find(|&(_, c)| match quote {
                    Some(q) if c == q => {
                        quote = None;
                        false
                    }
                    Some(_) => false,
                    None if c == '"' || c == '\'' => {
                        quote = Some(c);
                        false
                    }
                    None => c == '>' || c == '<',
                })
                .map_or(rest.len(), |(i, c)| if c == '>' { i + 1 } else { i });
            let (tag, tail) = rest.split_at(end.max(1));
            rest = tail;
            if let Some(info) = read_tag(tag) {
                return Some(info);
            }
        }
    })
}

/// The scheme of an address as a browser would see it (control characters and spaces are
/// ignored, case folded), or `None` for relative addresses and `#fragments`.
pub(crate) fn url_scheme(url: &str) -> Option<String> {
    let cleaned: String =
        url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(html: &str) -> String {
        sanitize_html(html).sanitized
    }

    #[test]
    fn scripts_and_styles_vanish_with_their_content() {
        assert_eq!(clean("<p>Hi<script>alert(1)</script></p>"), "<p>Hi</p>");
        assert_eq!(clean("<style>p { color: red }</style><p>x</p>"), "<p>x</p>");
        let raw = sanitize_html("<div><script>evil()</script>Kept</div>");
        assert_eq!(raw.text, "Kept");
        assert!(!raw.sanitized.contains("evil"));
    }

    #[test]
    fn event_handlers_styles_and_classes_are_removed() {
        assert_eq!(
            clean("<p onclick=\"x()\" style=\"color:red\" class=\"big\" id=\"a\">t</p>"),
            "<p>t</p>"
        );
        assert_eq!(clean("<img src=x onerror=alert(1)>after"), "after");
        assert_eq!(clean("<img src=\"http://example.com/a.png\" alt=\"A\">"), "");
    }

    #[test]
    fn links_keep_only_web_and_mail_addresses() {
        assert_eq!(
            clean("<a href=\"https://example.com\" target=\"_blank\">x</a>"),
            "<a href=\"https://example.com\" rel=\"noopener noreferrer\">x</a>"
        );
        assert_eq!(
            clean("<a href=\"javascript:alert(1)\">x</a>"),
            "<a rel=\"noopener noreferrer\">x</a>"
        );
        assert_eq!(
            clean("<a href=\"jav&#x09;ascript:alert(1)\">x</a>"),
            "<a rel=\"noopener noreferrer\">x</a>"
        );
        assert_eq!(
            clean("<a href=\"data:text/html,x\">x</a>"),
            "<a rel=\"noopener noreferrer\">x</a>"
        );
        assert!(clean("<a href=\"mailto:a@b.org\">m</a>").contains("href=\"mailto:a@b.org\""));
    }

    #[test]
    fn frames_objects_forms_and_media_are_dropped() {
        assert_eq!(clean("<iframe src=\"https://evil.example\"></iframe><p>x</p>"), "<p>x</p>");
        assert_eq!(clean("<object data=\"x.swf\"><embed src=\"x.swf\"></object>"), "");
        assert_eq!(
            clean("<form action=\"/x\"><input value=\"v\"><button>Go</button></form>"),
            "Go"
        );
        assert_eq!(clean("<video src=\"v.mp4\">Your browser</video>"), "Your browser");
        // Foreign (SVG, MathML) content goes entirely, scripts inside it included.
        assert_eq!(clean("<svg><script>alert(1)</script><text>T</text></svg>"), "");
        assert_eq!(clean("<link rel=\"stylesheet\" href=\"x.css\"><p>x</p>"), "<p>x</p>");
        assert_eq!(clean("<p>a<!-- secret -->b</p>"), "<p>ab</p>");
    }

    #[test]
    fn headings_become_bold_paragraphs() {
        assert_eq!(
            clean("<h1 id=\"x\">Big</h1><h6>Small</h6>"),
            "<p><strong>Big</strong></p><p><strong>Small</strong></p>"
        );
        // Only real tags are demoted, never text inside an attribute.
        assert_eq!(clean("<abbr title=\"<h1>\">A</abbr>"), "<abbr title=\"&lt;h1&gt;\">A</abbr>");
    }

    #[test]
    fn tables_details_and_allowed_attributes_survive() {
        let html = "<table><caption>C</caption><thead><tr><th scope=\"col\" align=\"left\">H</th></tr></thead><tbody><tr><td colspan=\"2\"><table><tr><td>inner</td></tr></table></td></tr></tbody></table>";
        let raw = sanitize_html(html);
        assert!(
            raw.sanitized.contains("<th scope=\"col\" align=\"left\">H</th>"),
            "{}",
            raw.sanitized
        );
        assert!(
            raw.sanitized.contains("<td colspan=\"2\"><table><tbody><tr><td>inner</td>"),
            "{}",
            raw.sanitized
        );
        assert_eq!(raw.text, "C\nH\ninner");
        let details = "<details><summary>More</summary><p>Hidden <b>text</b></p></details>";
        assert_eq!(clean(details), details);
        assert_eq!(sanitize_html(details).text, "More\nHidden text");
        assert_eq!(
            clean("<ol start=\"3\" type=\"a\"><li>x</li></ol>"),
            "<ol start=\"3\"><li>x</li></ol>"
        );
    }

    #[test]
    fn a_valid_lang_attribute_is_kept() {
        assert_eq!(
            clean("<div lang=\"de-CH\">Hallo <span lang=\"fr\">salut</span></div>"),
            "<div lang=\"de-CH\">Hallo <span lang=\"fr\">salut</span></div>"
        );
        assert_eq!(clean("<p lang=\"&quot;&gt;x\">a</p>"), "<p>a</p>");
        assert_eq!(clean("<div lang=\"en us\">a</div>"), "<div>a</div>");
        assert!(!clean("<a lang=\"de\" href=\"https://x.org\">a</a>").contains("lang"));
    }

    #[test]
    fn visible_text_decodes_and_collapses() {
        let raw = sanitize_html("<p>Fish &amp;   chips&nbsp;&lt;3</p>\n\n<p>a<br>b</p>");
        assert_eq!(raw.text, "Fish & chips <3\na\nb");
        let mut s = String::new();
        decode_entities("&#x41;&#66;&bogus;&", &mut s);
        assert_eq!(s, "AB&bogus;&");
    }

    #[test]
    fn deep_html_is_fine() {
        let html = "<div>".repeat(20_000) + "x";
        assert_eq!(sanitize_html(&html).text, "x");
    }

    #[test]
    fn tag_reader() {
        let t = read_tag("<IMG src=x onerror=alert(1)>").unwrap();
        assert_eq!((t.name.as_str(), t.closing, t.risky, t.media), ("img", false, true, true));
        assert!(read_tag("<b>").is_some_and(|t| !t.risky));
        assert!(read_tag("</script>").is_some_and(|t| t.closing && t.risky));
        assert!(read_tag("<a href=' javascript:x'>").is_some_and(|t| t.risky));
        assert!(read_tag("<a href=\"https://x\" title='on'>").is_some_and(|t| !t.risky));
        assert!(read_tag("<!-- x -->").is_none());
        assert!(read_tag("<é>").is_none());
        let names: Vec<_> =
            tags("<p>a<!-- <script> --><b title=\"<x>\">b</b><iframe>").map(|t| t.name).collect();
        assert_eq!(names, ["p", "b", "b", "iframe"]);
    }

    #[test]
    fn schemes() {
        assert_eq!(url_scheme(" JaVa\tScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(url_scheme("https://x").as_deref(), Some("https"));
        assert_eq!(url_scheme("#top"), None);
        assert_eq!(url_scheme("images/a.png"), None);
        assert_eq!(url_scheme("a/b:c"), None);
    }
}
