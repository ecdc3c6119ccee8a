//! One XML part of the package as a stream of simple events.
//!
//! quick-xml never expands entities itself: it reports `&name;` as a reference. Only the
//! five predefined entities and character references are resolved here; a DOCTYPE that
//! declares entities is refused outright, so entity-expansion bombs ("billion laughs")
//! and external entities cannot work.

use std::borrow::Cow;

use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::source::ImportError;

/// The namespaces of the parts this importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    /// WordprocessingML, transitional or strict.
    W,
    /// Markup compatibility (`mc:AlternateContent`).
    Mc,
    /// Office math (`m:t` holds the text of equations).
    Math,
    Other,
}

fn namespace(uri: &str) -> Ns {
    match uri {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        | "http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
        "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
        "http://schemas.openxmlformats.org/officeDocument/2006/math"
        | "http://purl.oclc.org/ooxml/officeDocument/math" => Ns::Math,
        _ => Ns::Other,
    }
}

/// An element start (`empty` for `<x/>`, which has no matching end).
pub(super) struct Open<'a> {
    pub ns: Ns,
    pub local: String,
    pub element: BytesStart<'a>,
    pub empty: bool,
}

pub(super) enum Ev<'a> {
    Open(Open<'a>),
    Close { ns: Ns, local: String },
    Text(Cow<'a, str>),
    Eof,
}

/// A part's text: UTF-8 (a byte-order mark is dropped) or UTF-16 with its mark.
pub(super) fn decode<'a>(part: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(part, rest).map(Cow::Borrowed);
    }
    let utf16 = |rest: &[u8], little: bool| -> Result<Cow<'a, str>, ImportError> {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if little {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map(Cow::Owned).map_err(|_| ImportError::Malformed {
            line: 1,
            column: 1,
            message: format!("{part} claims to be UTF-16 text but is not"),
        })
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    }
    utf8(part, bytes).map(Cow::Borrowed)
}

fn utf8<'a>(part: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let before = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let (line, column) = line_column(&before, before.len());
        ImportError::Malformed { line, column, message: format!("{part} is not UTF-8 text") }
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

pub(super) struct Xml<'a> {
    reader: NsReader<&'a [u8]>,
    part: &'a str,
    text: &'a str,
    /// Elements open: a part that ends with some still open is cut short.
    depth: usize,
}

impl<'a> Xml<'a> {
    pub(super) fn new(part: &'a str, text: &'a str) -> Self {
        let mut reader = NsReader::from_str(text);
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = true;
        Self { reader, part, text, depth: 0 }
    }

    /// The next event; comments, processing instructions and the declaration are skipped.
    pub(super) fn next(&mut self) -> Result<Ev<'a>, ImportError> {
        loop {
            let (ns, event) = match self.reader.read_resolved_event() {
                Ok((ResolveResult::Bound(ns), event)) => (namespace(ns.0), event),
                Ok((_, event)) => (Ns::Other, event),
                Err(e) => {
                    let at = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
                    return Err(self.malformed_at(at, format!("is not well-formed XML: {e}")));
                }
            };
            return Ok(match event {
                Event::Start(element) => {
                    self.depth += 1;
                    let local = local_name(&element);
                    Ev::Open(Open { ns, local, element, empty: false })
                }
                Event::Empty(element) => {
                    let local = local_name(&element);
                    Ev::Open(Open { ns, local, element, empty: true })
                }
                Event::End(end) => {
                    self.depth = self.depth.saturating_sub(1);
                    let local = end.local_name().as_ref().to_owned();
                    Ev::Close { ns, local }
                }
                Event::Text(text) => Ev::Text(text.xml10_content()),
                Event::CData(data) => Ev::Text(data.xml10_content()),
                Event::GeneralRef(reference) => {
                    let name: &str = &reference;
                    if reference.is_char_ref() {
                        match reference.resolve_char_ref() {
                            Ok(Some(c)) => Ev::Text(Cow::Owned(c.to_string())),
                            _ => {
                                return Err(self.malformed(format!(
                                    "has an invalid character reference &{name};"
                                )));
                            }
                        }
                    } else if let Some(resolved) = resolve_xml_entity(name) {
                        Ev::Text(Cow::Borrowed(resolved))
                    } else {
                        return Err(self.malformed(format!(
                            "refers to an undefined entity &{name}; (Candor expands only the five \
                             predefined XML entities)"
                        )));
                    }
                }
                Event::DocType(doctype) => {
                    if doctype.as_ref().to_ascii_uppercase().contains("<!ENTITY") {
                        return Err(self.malformed(
                            "declares entities in a DOCTYPE; Candor refuses them, because entities \
                             can expand to gigabytes of text (a \"billion laughs\" attack) or read \
                             other files"
                                .to_owned(),
                        ));
                    }
                    continue;
                }
                Event::Eof if self.depth > 0 => {
                    return Err(self.malformed(
                        "ends before all its elements are closed (the part is cut short)"
                            .to_owned(),
                    ));
                }
                Event::Eof => Ev::Eof,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => continue,
            });
        }
    }

    /// Skips the content of an element just opened (not for empty elements).
    pub(super) fn skip(&mut self) -> Result<(), ImportError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Ev::Open(o) if !o.empty => depth += 1,
                Ev::Close { .. } => depth -= 1,
                Ev::Eof => {
                    return Err(self.malformed("ends in the middle of an element".to_owned()));
                }
                _ => {}
            }
        }
        Ok(())
    }

    pub(super) fn malformed(&self, what: String) -> ImportError {
        let at = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
        self.malformed_at(at, what)
    }

    fn malformed_at(&self, at: usize, what: String) -> ImportError {
        let (line, column) = line_column(self.text, at);
        ImportError::Malformed { line, column, message: format!("{} {what}", self.part) }
    }
}

fn local_name(element: &BytesStart<'_>) -> String {
    element.local_name().as_ref().to_owned()
}

/// The value of the attribute with this local name (`w:val` -> "val"), entities resolved.
pub(super) fn attr(element: &BytesStart<'_>, local: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .find(|a: &Attribute<'_>| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(Cow::into_owned)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Result<Vec<String>, ImportError> {
        let mut xml = Xml::new("part.xml", text);
        let mut out = Vec::new();
        loop {
            match xml.next()? {
                Ev::Open(o) => out.push(format!("<{}{}", o.local, if o.empty { "/" } else { "" })),
                Ev::Close { local, .. } => out.push(format!("</{local}")),
                Ev::Text(t) => out.push(t.into_owned()),
                Ev::Eof => return Ok(out),
            }
        }
    }

    #[test]
    fn predefined_entities_and_character_references_are_resolved() {
        let got = events("<a>x &amp; y &#169; &#x41;</a>").unwrap_or_default().concat();
        assert_eq!(got, "<ax & y © A</a");
    }

    #[test]
    fn entity_declarations_are_refused() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n \
                    <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n\
                    <lolz>&lol2;</lolz>";
        let Err(ImportError::Malformed { line, message, .. }) = events(bomb) else {
            panic!("expected a refusal");
        };
        assert!(message.contains("billion laughs"), "{message}");
        assert!(line <= 5, "{line}");
        let external = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><x>&xxe;</x>";
        assert!(matches!(events(external), Err(ImportError::Malformed { .. })));
        let undefined = events("<x>&nope;</x>").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(undefined.contains("undefined entity &nope;"), "{undefined}");
    }

    #[test]
    fn errors_give_the_part_line_and_column() {
        let Err(ImportError::Malformed { line, column, message }) = events("<a>\n  <b></c>\n</a>")
        else {
            panic!("expected an error");
        };
        assert_eq!(line, 2);
        assert!(column >= 3, "{column}");
        assert!(message.starts_with("part.xml is not well-formed XML"), "{message}");
    }

    #[test]
    fn utf16_parts_are_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("<a>é</a>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode("p", &bytes).ok().as_deref(), Some("<a>é</a>"));
        assert!(matches!(
            decode("p", b"<a>\xff</a>"),
            Err(ImportError::Malformed { column: 4, .. })
        ));
    }
}
