//! What the PDF says about itself: the document information dictionary and the XMP
//! packet (title, author, dates, producer).

use candor_model::SourceMetadata;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::hayro_syntax::object::{DateTime, Dict, Stream};

/// Fills `meta` from the Info dictionary, falling back to XMP for the title and author.
pub(crate) fn read(pdf: &Pdf, meta: &mut SourceMetadata) {
    let info = pdf.metadata();
    let text =
        |bytes: &Option<Box<[u8]>>| bytes.as_deref().map(decode_text).filter(|t| !t.is_empty());
    let xmp = xmp_packet(pdf);
    let from_xmp = |tag: &str| xmp.as_deref().and_then(|x| xmp_value(x, tag));
    meta.title = text(&info.title).or_else(|| from_xmp("dc:title"));
    meta.provider = text(&info.author).or_else(|| from_xmp("dc:creator"));
    meta.date = info
        .creation_date
        .map(format_date)
        .or_else(|| from_xmp("xmp:CreateDate").map(|d| d.chars().take(10).collect()));
    if let Some(subject) = text(&info.subject).or_else(|| from_xmp("dc:description")) {
        meta.extra.push(("subject".into(), subject));
    }
    if let Some(keywords) = text(&info.keywords) {
        meta.extra.push(("keywords".into(), keywords));
    }
    if let Some(creator) = text(&info.creator) {
        meta.extra.push(("pdf-creator".into(), creator));
    }
    if let Some(producer) = text(&info.producer) {
        meta.extra.push(("pdf-producer".into(), producer));
    }
}

fn format_date(d: DateTime) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month.max(1), d.day.max(1))
}

/// A PDF text string: UTF-16 with a byte order mark, UTF-8 with one, or PDFDocEncoding
/// (read as Latin-1, which it matches for letters). Control characters are dropped.
pub(crate) fn decode_text(bytes: &[u8]) -> String {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p.get(1).copied().unwrap_or(0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|p| u16::from_le_bytes([p[0], p.get(1).copied().unwrap_or(0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| b as char).collect()
    };
    text.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The catalog's XMP metadata stream, decoded (at most 1 MiB).
pub(crate) fn xmp_packet(pdf: &Pdf) -> Option<String> {
    let xref = pdf.xref();
    let catalog: Dict<'_> = xref.get(xref.root_id())?;
    let stream: Stream<'_> = catalog.get(b"Metadata")?;
    let data = stream.decoded().ok()?;
    if data.len() > 1 << 20 {
        return None;
    }
    Some(String::from_utf8_lossy(&data).into_owned())
}

/// The first value of an XMP property: the first `rdf:li` inside it, or its text.
pub(crate) fn xmp_value(xmp: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}");
    let start = xmp.find(&open)?;
    let after = &xmp[start + open.len()..];
    // Attribute form: <xmp:CreateDate>…</xmp:CreateDate> or tag="value" are both used.
    let body_start = after.find('>')? + 1;
    if after[..body_start].ends_with("/>") {
        return None;
    }
    let close = format!("</{tag}>");
    let body = after.get(body_start..after.find(&close)?)?;
    let inner = match body.find("<rdf:li") {
        Some(li) => {
            let rest = &body[li..];
            let s = rest.find('>')? + 1;
            let e = rest.find("</rdf:li>")?;
            rest.get(s..e)?
        }
        None => body,
    };
    let text = unescape(inner.trim());
    (!text.is_empty() && !text.contains('<')).then_some(text)
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_are_decoded() {
        assert_eq!(decode_text(b"\xFE\xFF\x00H\x00i"), "Hi");
        assert_eq!(decode_text(b"Caf\xE9  au lait\n"), "Café au lait");
    }

    #[test]
    fn xmp_values_are_found() {
        let xmp = r#"<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Guide &amp; more</rdf:li></rdf:Alt></dc:title><xmp:CreateDate>2023-07-14T13:10:05-07:00</xmp:CreateDate>"#;
        assert_eq!(xmp_value(xmp, "dc:title").as_deref(), Some("Guide & more"));
        assert_eq!(xmp_value(xmp, "xmp:CreateDate").as_deref(), Some("2023-07-14T13:10:05-07:00"));
        assert_eq!(xmp_value(xmp, "dc:creator"), None);
        assert_eq!(xmp_value("<dc:title</dc:title>>", "dc:title"), None);
    }
}
