//! What a PDF offers assistive technology: whether it is tagged, its structure tree (element
//! types, heading levels in reading order, figures with alternative text, tables with
//! header cells), the catalog's language, the title and whether viewers show it, the PDF/UA
//! identification in XMP, and how many pages mark their content for the structure tree.
//!
//! Everything is bounded: the file passes the same [`Limits`] as an import before hayro reads
//! it, the structure tree is walked without recursion up to [`MAX_NODES`] elements and
//! [`MAX_DEPTH`] levels, and each page's content stream is read up to [`MAX_OPS_PER_PAGE`]
//! operators. What lies beyond a bound is left out and [`PdfStructure::truncated`] is set.

use std::collections::{BTreeMap, HashSet};

use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::hayro_syntax::content::ops::TypedInstruction;
use hayro_interpret::hayro_syntax::object::{Dict, MaybeRef, Name, Object, String as PdfString};
use hayro_interpret::hayro_syntax::xref::XRef;

use crate::metadata::{decode_text, xmp_packet, xmp_value};
use crate::{Limits, PdfError, document};

/// The most structure elements visited.
pub const MAX_NODES: usize = 200_000;
/// The deepest structure element visited (the root's children are at depth 1).
pub const MAX_DEPTH: usize = 256;
/// The most content-stream operators read on one page.
pub const MAX_OPS_PER_PAGE: usize = 2_000_000;
/// The most role-map hops followed from a custom element type to a standard one.
const MAX_ROLE_HOPS: usize = 8;

/// A PDF's accessibility structure, as far as it can be read within the bounds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfStructure {
    /// `/MarkInfo << /Marked true >>` in the catalog.
    pub tagged: bool,
    /// The catalog has a `/StructTreeRoot` dictionary.
    pub has_struct_tree: bool,
    /// The catalog's `/Lang`, when not empty.
    pub lang: Option<String>,
    /// The title from the Info dictionary, or else XMP `dc:title`.
    pub title: Option<String>,
    /// `/ViewerPreferences << /DisplayDocTitle true >>`.
    pub display_doc_title: bool,
    /// `pdfuaid:part` in the XMP metadata (1 for PDF/UA-1).
    pub pdfua_part: Option<u32>,
    /// How many structure elements of each type (`/S`, after the role map), e.g. `P`, `H1`.
    pub elements: BTreeMap<String, usize>,
    /// The levels of the headings `H1`…`H6` in reading order (`H` without a level is 0).
    pub headings: Vec<u8>,
    /// `Figure` elements with a non-empty `/Alt` (or `/ActualText`).
    pub figures_with_alt: usize,
    /// `Figure` elements without one.
    pub figures_without_alt: usize,
    /// `Table` elements with at least one `TH` cell.
    pub tables_with_headers: usize,
    /// `Table` elements without any.
    pub tables_without_headers: usize,
    /// Pages of the document.
    pub pages: usize,
    /// Pages whose content streams draw or show anything (have any operator).
    pub pages_with_content: usize,
    /// Pages whose content streams have marked content with an MCID (`BDC` … `/MCID n`).
    pub pages_marked: usize,
    /// A bound was reached: the counts cover only part of the file.
    pub truncated: bool,
}

impl PdfStructure {
    /// Pages with content that mark none of it, as a share of the pages with content (0 to 1).
    pub fn unmarked_share(&self) -> f64 {
        if self.pages_with_content == 0 {
            return 0.0;
        }
        let unmarked = self.pages_with_content.saturating_sub(self.pages_marked);
        unmarked as f64 / self.pages_with_content as f64
    }

    /// The first heading that skips a level (`H2` followed by `H4`): its position among the
    /// headings and the two levels. The first heading may be of any level.
    pub fn heading_jump(&self) -> Option<(usize, u8, u8)> {
        let levels: Vec<(usize, u8)> =
            self.headings.iter().copied().enumerate().filter(|(_, l)| *l > 0).collect();
        levels.windows(2).find(|w| w[1].1 > w[0].1 + 1).map(|w| (w[1].0, w[0].1, w[1].1))
    }
}

/// Reads the accessibility structure of a PDF within the default [`Limits`].
pub fn pdf_structure(bytes: &[u8]) -> Result<PdfStructure, PdfError> {
    pdf_structure_with(bytes, &Limits::default())
}

/// Reads the accessibility structure of a PDF within `limits`.
pub fn pdf_structure_with(bytes: &[u8], limits: &Limits) -> Result<PdfStructure, PdfError> {
    let pdf = document::open(bytes, limits)?;
    let mut out = PdfStructure::default();
    let xref = pdf.xref();
    let catalog: Dict<'_> = xref
        .get(xref.root_id())
        .ok_or_else(|| PdfError::Malformed("the PDF has no document catalog".into()))?;

    out.tagged = catalog
        .get::<Dict<'_>>(b"MarkInfo")
        .and_then(|m| m.get::<bool>(b"Marked"))
        .unwrap_or(false);
    out.lang = catalog
        .get::<PdfString<'_>>(b"Lang")
        .map(|s| decode_text(s.as_bytes()))
        .filter(|l| !l.is_empty());
    out.display_doc_title = catalog
        .get::<Dict<'_>>(b"ViewerPreferences")
        .and_then(|v| v.get::<bool>(b"DisplayDocTitle"))
        .unwrap_or(false);
    let xmp = xmp_packet(&pdf);
    out.title = pdf
        .metadata()
        .title
        .as_deref()
        .map(decode_text)
        .filter(|t| !t.is_empty())
        .or_else(|| xmp.as_deref().and_then(|x| xmp_value(x, "dc:title")));
    out.pdfua_part = xmp.as_deref().and_then(pdfua_part);

    if let Some(root) = catalog.get::<Dict<'_>>(b"StructTreeRoot") {
        out.has_struct_tree = true;
        walk(xref, &root, &mut out);
    }
    marked_pages(&pdf, &mut out);
    Ok(out)
}

/// `pdfuaid:part` as an element (`<pdfuaid:part>1</pdfuaid:part>`) or an attribute
/// (`pdfuaid:part="1"`).
fn pdfua_part(xmp: &str) -> Option<u32> {
    if let Some(v) = xmp_value(xmp, "pdfuaid:part") {
        return v.trim().parse().ok();
    }
    let at = xmp.find("pdfuaid:part=")? + "pdfuaid:part=".len();
    let rest = xmp.get(at..)?;
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = &rest[1..];
    body.get(..body.find(quote)?)?.trim().parse().ok()
}

struct Node<'a> {
    dict: Dict<'a>,
    depth: usize,
    /// The innermost `Table` this element is inside (an index into `tables`).
    table: Option<usize>,
}

/// Walks the structure tree depth first in reading order, without recursion.
fn walk<'a>(xref: &'a XRef, root: &Dict<'a>, out: &mut PdfStructure) {
    let role_map = root.get::<Dict<'_>>(b"RoleMap");
    let mut seen = HashSet::new();
    let mut tables: Vec<bool> = Vec::new();
    let mut stack: Vec<Node<'a>> = Vec::new();
    let mut visited = 0usize;
    push_children(xref, root, 1, None, &mut stack, &mut seen, out);
    while let Some(node) = stack.pop() {
        visited += 1;
        if visited > MAX_NODES {
            out.truncated = true;
            break;
        }
        let Some(raw) = node.dict.get::<Name<'_>>(b"S") else { continue };
        let kind = standard_type(raw.as_ref(), role_map.as_ref());
        let name = String::from_utf8_lossy(&kind).into_owned();
        *out.elements.entry(name).or_default() += 1;
        let mut table = node.table;
        match kind.as_slice() {
            b"H" => out.headings.push(0),
            [b'H', d @ b'1'..=b'6'] => out.headings.push(d - b'0'),
            b"Figure" => {
                let has = |key: &[u8]| {
                    node.dict
                        .get::<PdfString<'_>>(key)
                        .is_some_and(|s| !decode_text(s.as_bytes()).is_empty())
                };
                if has(b"Alt") || has(b"ActualText") {
                    out.figures_with_alt += 1;
                } else {
                    out.figures_without_alt += 1;
                }
            }
            b"Table" => {
                tables.push(false);
                table = Some(tables.len() - 1);
            }
            b"TH" => {
                if let Some(t) = node.table.and_then(|i| tables.get_mut(i)) {
                    *t = true;
                }
            }
            _ => {}
        }
        if node.depth >= MAX_DEPTH {
            if node.dict.contains_key(b"K") {
                out.truncated = true;
            }
            continue;
        }
        push_children(xref, &node.dict, node.depth + 1, table, &mut stack, &mut seen, out);
    }
    out.tables_with_headers = tables.iter().filter(|t| **t).count();
    out.tables_without_headers = tables.len() - out.tables_with_headers;
}

/// Pushes the structure elements among `/K` (a dictionary or an array; marked-content ids and
/// references are not elements) so that the first child is popped first. An element reached
/// twice through the same reference (a cycle, or listed twice) is visited once.
fn push_children<'a>(
    xref: &'a XRef,
    parent: &Dict<'a>,
    depth: usize,
    table: Option<usize>,
    stack: &mut Vec<Node<'a>>,
    seen: &mut HashSet<(u32, i32)>,
    out: &mut PdfStructure,
) {
    let mut resolve = |item: MaybeRef<Object<'a>>| -> Option<Object<'a>> {
        match item {
            MaybeRef::Ref(r) => {
                if !seen.insert((r.obj_number, r.gen_number)) {
                    return None;
                }
                xref.get::<Object<'a>>(r.into())
            }
            MaybeRef::NotRef(o) => Some(o),
        }
    };
    let mut kids: Vec<Dict<'a>> = Vec::new();
    match parent.get_raw::<Object<'a>>(b"K").and_then(&mut resolve) {
        Some(Object::Dict(d)) => kids.push(d),
        Some(Object::Array(array)) => {
            for item in array.raw_iter() {
                if let Some(Object::Dict(d)) = resolve(item) {
                    kids.push(d);
                }
                if kids.len() > MAX_NODES {
                    out.truncated = true;
                    break;
                }
            }
        }
        _ => {}
    }
    for dict in kids.into_iter().rev() {
        if dict.contains_key(b"S") {
            stack.push(Node { dict, depth, table });
        } // else a marked-content or object reference
    }
}

/// The standard type a (possibly custom) element type maps to through the role map.
fn standard_type(name: &[u8], role_map: Option<&Dict<'_>>) -> Vec<u8> {
    let mut current = name.to_vec();
    let Some(map) = role_map else { return current };
    for _ in 0..MAX_ROLE_HOPS {
        if is_standard(&current) {
            break;
        }
        match map.get::<Name<'_>>(&current) {
            Some(next) if next.as_ref() != current.as_slice() => current = next.as_ref().to_vec(),
            _ => break,
        }
    }
    current
}

fn is_standard(name: &[u8]) -> bool {
    const STANDARD: &[&[u8]] = &[
        b"Document",
        b"Part",
        b"Art",
        b"Sect",
        b"Div",
        b"BlockQuote",
        b"Caption",
        b"TOC",
        b"TOCI",
        b"Index",
        b"NonStruct",
        b"Private",
        b"P",
        b"H",
        b"H1",
        b"H2",
        b"H3",
        b"H4",
        b"H5",
        b"H6",
        b"L",
        b"LI",
        b"Lbl",
        b"LBody",
        b"Table",
        b"TR",
        b"TH",
        b"TD",
        b"THead",
        b"TBody",
        b"TFoot",
        b"Span",
        b"Quote",
        b"Note",
        b"Reference",
        b"BibEntry",
        b"Code",
        b"Link",
        b"Annot",
        b"Ruby",
        b"RB",
        b"RT",
        b"RP",
        b"Warichu",
        b"WT",
        b"WP",
        b"Figure",
        b"Formula",
        b"Form",
    ];
    STANDARD.contains(&name)
}

/// Counts the pages with content and those that mark it with MCIDs.
fn marked_pages(pdf: &Pdf, out: &mut PdfStructure) {
    out.pages = pdf.pages().len();
    for page in pdf.pages().iter() {
        let mut ops = page.typed_operations();
        let mut count = 0usize;
        let mut marked = false;
        while let Some(op) = ops.next() {
            count += 1;
            if count > MAX_OPS_PER_PAGE {
                out.truncated = true;
                break;
            }
            if let TypedInstruction::BeginMarkedContentWithProperties(bdc) = op
                && let Object::Dict(props) = bdc.1
                && props.contains_key(b"MCID")
            {
                marked = true;
                break;
            }
        }
        if count > 0 {
            out.pages_with_content += 1;
        }
        if marked {
            out.pages_marked += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A minimal PDF from its objects (without the trailing `endobj`s), with a correct
    /// cross-reference table.
    pub(crate) fn build_pdf(objects: &[String]) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for o in offsets {
            out.extend(format!("{o:010} 00000 n \n").bytes());
        }
        out.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .bytes(),
        );
        out
    }

    fn stream(content: &str) -> String {
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len())
    }

    fn untagged() -> Vec<u8> {
        build_pdf(&[
            "<< /Type /Catalog /Pages 2 0 R >>".into(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>".into(),
            stream("0 0 m 100 100 l S"),
        ])
    }

    /// A small tagged PDF: H1, P, a Figure without Alt, a Table without TH, an H3.
    fn tagged() -> Vec<u8> {
        build_pdf(&[
            "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /Lang (de-CH) /StructTreeRoot 5 0 R /ViewerPreferences << /DisplayDocTitle true >> >>".into(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>".into(),
            stream("/P << /MCID 0 >> BDC 0 0 m 100 100 l S EMC"),
            "<< /Type /StructTreeRoot /K 6 0 R /RoleMap << /Title /H1 >> >>".into(),
            "<< /S /Document /K [7 0 R << /S /P /K 0 >> << /S /Figure >> << /S /Table /K [<< /S /TR /K [<< /S /TD >>] >>] >> << /S /H3 >> 6 0 R] >>".into(),
            "<< /S /Title /K [0] >>".into(),
        ])
    }

    #[test]
    fn an_untagged_pdf_has_no_structure() {
        let s = pdf_structure(&untagged()).unwrap();
        assert!(!s.tagged && !s.has_struct_tree && !s.display_doc_title);
        assert_eq!((&s.lang, &s.title, s.pdfua_part), (&None, &None, None));
        assert_eq!((s.pages, s.pages_with_content, s.pages_marked), (1, 1, 0));
        assert!((s.unmarked_share() - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn a_hand_made_tagged_pdf_is_counted() {
        let s = pdf_structure(&tagged()).unwrap();
        assert!(s.tagged && s.has_struct_tree && s.display_doc_title, "{s:?}");
        assert_eq!(s.lang.as_deref(), Some("de-CH"));
        assert_eq!(s.headings, [1, 3], "the role map turns /Title into H1: {s:?}");
        assert_eq!(s.heading_jump(), Some((1, 1, 3)));
        assert_eq!((s.figures_with_alt, s.figures_without_alt), (0, 1));
        assert_eq!((s.tables_with_headers, s.tables_without_headers), (0, 1));
        assert_eq!(s.elements.get("Document"), Some(&1), "the cycle back to 6 0 R is cut");
        assert_eq!((s.pages_with_content, s.pages_marked), (1, 1));
        assert!(!s.truncated);
    }

    #[test]
    fn xmp_identification_is_read_in_both_forms() {
        assert_eq!(pdfua_part("<pdfuaid:part>1</pdfuaid:part>"), Some(1));
        assert_eq!(pdfua_part("<rdf:Description pdfuaid:part=\"2\"/>"), Some(2));
        assert_eq!(pdfua_part("<pdfuaid:part>x</pdfuaid:part>"), None);
        assert_eq!(pdfua_part(""), None);
    }

    #[test]
    fn hostile_files_give_errors_or_bounded_results() {
        let good = tagged();
        for cut in [0, 8, 40, good.len() / 2, good.len() - 30] {
            // Must not panic; hayro may recover a truncated file or refuse it.
            let _ = pdf_structure(&good[..cut]);
        }
        assert!(pdf_structure(b"not a pdf").is_err());

        // Structure elements nested far deeper than MAX_DEPTH, inline (no indirect objects).
        let depth = 5_000;
        let nested =
            format!("{}<< /S /P >>{}", "<< /S /Div /K ".repeat(depth), " >>".repeat(depth));
        let deep = build_pdf(&[
            "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 4 0 R >>"
                .into(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".into(),
            format!("<< /Type /StructTreeRoot /K {nested} >>"),
        ]);
        // The nesting limit refuses it before hayro reads it.
        assert!(matches!(
            pdf_structure(&deep),
            Err(PdfError::TooLarge(_) | PdfError::Malformed(_))
        ));

        // A long chain of indirect elements (each shallow in the file) stops at MAX_DEPTH.
        let chain = 400;
        let mut objects = vec![
            "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 4 0 R >>"
                .to_owned(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".into(),
            "<< /Type /StructTreeRoot /K 5 0 R >>".into(),
        ];
        for i in 0..chain {
            objects.push(format!("<< /S /Div /K {} 0 R >>", 6 + i));
        }
        objects.push("<< /S /H2 >>".into());
        let s = pdf_structure(&build_pdf(&objects)).unwrap();
        assert!(s.truncated);
        assert_eq!(s.elements.get("Div"), Some(&MAX_DEPTH));
        assert!(s.headings.is_empty());
    }
}
