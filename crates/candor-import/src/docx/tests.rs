use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use candor_model::{PassageKind, SourceContent, SourceFormat};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::import;
use crate::source::ImportError;

const NAMESPACES: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
     xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
     xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" \
     xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

/// A package with these parts, deflated as Word does.
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap_or_else(|e| panic!("{e}"));
        zip.write_all(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    }
    zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner()
}

fn document(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {NAMESPACES}><w:body>{body}</w:body></w:document>"
    )
}

fn p(style: &str, text: &str) -> String {
    let props = if style.is_empty() {
        String::new()
    } else {
        format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>")
    };
    format!("<w:p>{props}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn ok(bytes: &[u8]) -> SourceContent {
    match import(bytes) {
        Ok(w) => w.value,
        Err(e) => panic!("import failed: {e}"),
    }
}

fn err(bytes: &[u8]) -> ImportError {
    match import(bytes) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

fn outline(c: &SourceContent) -> Vec<String> {
    c.sections
        .iter()
        .map(|s| {
            let number = s.number.as_ref().map(|n| format!("{n} ")).unwrap_or_default();
            format!("{}{number}{}", "  ".repeat(usize::from(s.level.saturating_sub(1))), s.title)
        })
        .collect()
}

fn texts(c: &SourceContent) -> Vec<(PassageKind, &str)> {
    c.passages.iter().map(|p| (p.kind, p.text.as_str())).collect()
}

fn corpus(name: &str) -> Option<Vec<u8>> {
    crate::test_support::corpus_bytes(name)
}

/// The headings of a Markdown file, as plain text (emphasis and escapes dropped).
fn markdown_headings(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let hashes = line.chars().take_while(|c| *c == '#').count();
            let rest = line.get(hashes..)?;
            if hashes == 0 || hashes > 6 || !(rest.is_empty() || rest.starts_with(' ')) {
                return None;
            }
            let title: String = rest.replace("**", "").replace('\\', "");
            let (number, title) = candor_model::split_numbering(
                &title.split_whitespace().collect::<Vec<_>>().join(" "),
            );
            let number = number.map(|n| format!("{n} ")).unwrap_or_default();
            (!title.is_empty()).then(|| format!("{}{number}{title}", "  ".repeat(hashes - 1)))
        })
        .collect()
}

#[test]
fn corpus_docx_has_the_outline_of_its_markdown_original() {
    let (Some(docx), Some(md)) =
        (corpus("llama-3.3-model-card.pandoc-conversion.docx"), corpus("llama-3.3-model-card.md"))
    else {
        return;
    };
    let c = ok(&docx);
    let md = String::from_utf8_lossy(&md);
    assert_eq!(outline(&c), markdown_headings(&md));
    assert_eq!(c.sections[0].id, "sec-model-information");
    assert_eq!(
        c.sections.iter().find(|s| s.title == "Child Safety").and_then(|s| s.number.as_deref()),
        Some("2")
    );
    assert_eq!(c.tables.len(), 3);
    assert_eq!(c.tables[0].header[1], "Training Data");
    let kinds = |k: PassageKind| c.passages.iter().filter(|p| p.kind == k).count();
    assert_eq!(kinds(PassageKind::ListItem), 4);
    assert_eq!(kinds(PassageKind::Paragraph), 37);
    assert!(texts(&c).contains(&(PassageKind::Paragraph, "Model developer: Meta")));
    assert!(texts(&c).contains(&(PassageKind::ListItem, "70B Instruct: December 6, 2024")));
    // Hyperlinks keep their text; escapes are gone ("&amp;" -> "&").
    assert!(c.passages.iter().any(|p| p.text.contains("README. For more technical information")));
    assert!(c.sections.iter().any(|s| s.title == "Responsibility & Safety"));
    assert_eq!(c.metadata.title, None, "the conversion has an empty dc:title");
    assert_eq!(c.metadata.date.as_deref(), Some("2026-11-22T23:56:56Z"));
    assert!(
        c.metadata.extra.iter().any(|(k, v)| k == "subject" && v.starts_with("FORMAT CONVERSION"))
    );
    // The same through the public entry point.
    assert!(crate::import_source(SourceFormat::Docx, &docx).is_ok());
}

/// A document exercising styles, numbering, lists, tables, captions, notes and metadata.
fn rich_fixture() -> Vec<u8> {
    let styles = format!(
        "<w:styles {NAMESPACES}>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Kop1\"><w:name w:val=\"heading 1\"/>\
           <w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Kop2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Kop1\"/>\
           <w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Risk\"><w:name w:val=\"Risk Heading\"/><w:basedOn w:val=\"Normal\"/>\
           <w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"DocTitle\"><w:name w:val=\"Title\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Bijschrift\"><w:name w:val=\"caption\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/></w:style>\
         </w:styles>"
    );
    let numbering = format!(
        "<w:numbering {NAMESPACES}>\
         <w:abstractNum w:abstractNumId=\"0\">\
           <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>\
           <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>\
         </w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
         <w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>\
         <w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>\
         </w:numbering>"
    );
    let list = |num: &str, text: &str| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>\
             <w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    };
    let cell = |text: &str| format!("<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>");
    let body = [
        p("DocTitle", "Example Model Card"),
        p("TOC1", "1. Overview\t3"),
        p("Kop1", "Overview"),
        "<w:p><w:r><w:t xml:space=\"preserve\">The model has 7B parameters</w:t></w:r>\
         <w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t xml:space=\"preserve\"> and a </w:t></w:r>\
         <w:hyperlink r:id=\"rId9\"><w:r><w:t>licence</w:t></w:r></w:hyperlink>\
         <w:r><w:t xml:space=\"preserve\"> page.</w:t></w:r><w:r><w:endnoteReference w:id=\"1\"/></w:r></w:p>"
            .to_owned(),
        p("Kop2", "Intended uses"),
        list("2", "Research"),
        list("2", "Education"),
        list("3", "A bullet"),
        "<w:p><w:r><w:t xml:space=\"preserve\">Kept </w:t></w:r>\
         <w:del w:id=\"1\"><w:r><w:delText>deleted </w:delText></w:r></w:del>\
         <w:ins w:id=\"2\"><w:r><w:t xml:space=\"preserve\">inserted </w:t></w:r></w:ins>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
         <w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:t xml:space=\"preserve\"> box</w:t></mc:Choice>\
         <mc:Fallback><w:t>box again</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"
            .to_owned(),
        p("Bijschrift", "Table 1: Results"),
        format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}<w:tc><w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc></w:tr></w:tbl>",
            cell("Benchmark"),
            cell("Score"),
            cell("MMLU"),
            cell("86.0 &amp; more"),
            cell("Nested"),
            cell("a"),
            cell("b")
        ),
        p("Kop2", "Risks"),
        p("Risk", "Misuse"),
        p("Kop1", "Evaluation"),
        "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>Direct outline</w:t></w:r></w:p>".to_owned(),
        "<w:p><w:r><w:t>x</w:t><w:tab/><w:t>y</w:t><w:br/><w:t>z</w:t></w:r><m:oMath><m:r><m:t>E=mc²</m:t></m:r></m:oMath></w:p>"
            .to_owned(),
    ]
    .concat();
    let footnotes = format!(
        "<w:footnotes {NAMESPACES}>\
         <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Counted with embeddings.</w:t></w:r></w:p></w:footnote>\
         </w:footnotes>"
    );
    let endnotes = format!(
        "<w:endnotes {NAMESPACES}><w:endnote w:id=\"1\"><w:p><w:r><w:t>See the paper.</w:t></w:r></w:p></w:endnote></w:endnotes>"
    );
    let core = "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
                xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">\
                <dc:title></dc:title><dc:creator>Jane Doe</dc:creator>\
                <dcterms:created>2025-03-01T10:00:00Z</dcterms:created></cp:coreProperties>";
    let app = "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
               <Company>Example Labs</Company></Properties>";
    // Parts at unusual names, found through the relationships.
    let root_rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/main.xml\"/>\
        <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
        <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
        </Relationships>";
    let doc_rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"s.xml\"/>\
        <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"/word/n.xml\"/>\
        <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"f.xml\"/>\
        <Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes\" Target=\"e.xml\"/>\
        <Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.com\" TargetMode=\"External\"/>\
        </Relationships>";
    package(&[
        ("_rels/.rels", root_rels),
        ("word/main.xml", &document(&body)),
        ("word/_rels/main.xml.rels", doc_rels),
        ("word/s.xml", &styles),
        ("word/n.xml", &numbering),
        ("word/f.xml", &footnotes),
        ("word/e.xml", &endnotes),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
    ])
}

#[test]
fn styles_numbering_lists_tables_and_notes() {
    let c = ok(&rich_fixture());
    assert_eq!(
        outline(&c),
        [
            "1 Overview",
            "  1.1 Intended uses",
            "  1.2 Risks",
            "    Misuse",
            "2 Evaluation",
            "  Direct outline"
        ]
    );
    let ids: Vec<&str> = c.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["sec-1", "sec-1-1", "sec-1-2", "sec-misuse", "sec-2", "sec-direct-outline"]);
    assert_eq!(c.sections[3].parent, Some(2));
    assert_eq!(
        texts(&c),
        [
            (PassageKind::Paragraph, "The model has 7B parameters[1] and a licence page.[i]"),
            (PassageKind::Footnote, "[1] Counted with embeddings."),
            (PassageKind::Footnote, "[i] See the paper."),
            (PassageKind::ListItem, "a) Research"),
            (PassageKind::ListItem, "b) Education"),
            (PassageKind::ListItem, "A bullet"),
            (PassageKind::Paragraph, "Kept inserted 5 box"),
            (
                PassageKind::Table,
                "Table 1: Results; Benchmark | Score; MMLU | 86.0 & more; Nested | a | b"
            ),
            (PassageKind::Paragraph, "x y zE=mc²"),
        ]
    );
    let table = &c.tables[0];
    assert_eq!(table.caption.as_deref(), Some("Table 1: Results"));
    assert_eq!(table.header, ["Benchmark", "Score"]);
    assert_eq!(table.rows, [vec!["MMLU", "86.0 & more"], vec!["Nested", "a | b"]]);
    assert_eq!(c.metadata.title.as_deref(), Some("Example Model Card"), "from the Title paragraph");
    assert_eq!(
        c.metadata.provider.as_deref(),
        Some("Example Labs"),
        "the company, not the file's author"
    );
    assert_eq!(c.metadata.date.as_deref(), Some("2025-03-01T10:00:00Z"));
    assert!(c.metadata.extra.contains(&("author".to_owned(), "Jane Doe".to_owned())));
}

#[test]
fn the_creator_is_the_provider_only_when_nothing_better_is_known() {
    let core = "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
                <dc:title>A Card</dc:title><dc:creator>Jane Doe</dc:creator></cp:coreProperties>";
    let c = ok(&package(&[
        ("word/document.xml", &document(&p("", "Hello"))),
        ("docProps/core.xml", core),
    ]));
    assert_eq!(c.metadata.title.as_deref(), Some("A Card"));
    assert_eq!(c.metadata.provider.as_deref(), Some("Jane Doe"));
    assert_eq!(texts(&c), [(PassageKind::Paragraph, "Hello")]);
}

#[test]
fn a_zip_bomb_is_refused_before_unpacking() {
    // One part of 1 GiB of zeros, deflated to about 1 MiB.
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap_or_else(|e| panic!("{e}"));
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..1024 {
        zip.write_all(&zeros).unwrap_or_else(|e| panic!("{e}"));
    }
    let bomb = zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner();
    assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
    let started = std::time::Instant::now();
    let e = err(&bomb);
    let elapsed = started.elapsed();
    eprintln!("zip bomb ({} bytes packed): {e} [{elapsed:?}]", bomb.len());
    assert!(matches!(e, ImportError::TooLarge(_)), "{e:?}");
    let message = e.to_string();
    assert!(message.contains("zip bomb") && message.contains("word/document.xml"), "{message}");
    assert!(message.contains("1073741824 bytes (1.0 GiB)"), "{message}");
    assert!(elapsed.as_millis() < 1_000, "refused without unpacking: {elapsed:?}");
}

/// Sets the declared sizes of every entry to `size`, in local and central headers.
fn lie_about_sizes(bytes: &mut [u8], size: u32) {
    let mut i = 0;
    while i + 46 <= bytes.len() {
        match &bytes[i..i + 4] {
            b"PK\x03\x04" => bytes[i + 22..i + 26].copy_from_slice(&size.to_le_bytes()),
            b"PK\x01\x02" => bytes[i + 24..i + 28].copy_from_slice(&size.to_le_bytes()),
            _ => {}
        }
        i += 1;
    }
}

#[test]
fn a_zip_bomb_with_lying_headers_is_stopped_while_unpacking() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap_or_else(|e| panic!("{e}"));
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..80 {
        zip.write_all(&zeros).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut bomb = zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner();
    lie_about_sizes(&mut bomb, 1000);
    let e = err(&bomb);
    assert!(matches!(e, ImportError::TooLarge(_)), "{e:?}");
    assert!(e.to_string().contains("more than the 1000 bytes the archive says"), "{e}");
}

#[test]
fn too_many_parts_are_refused() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for i in 0..10_001 {
        zip.start_file(format!("x/{i}"), options).unwrap_or_else(|e| panic!("{e}"));
    }
    let bytes = zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner();
    let e = err(&bytes);
    assert!(e.to_string().contains("10001 parts"), "{e}");
}

/// A document whose DOCTYPE declares nested entities ("billion laughs").
fn laughs() -> Vec<u8> {
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n\
                <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n\
                <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n]>\n"
        .to_owned()
        + &document(&p("", "&lol2;"))[38..];
    package(&[("word/document.xml", &text)])
}

#[test]
fn entity_expansion_is_refused() {
    let e = err(&laughs());
    let ImportError::Malformed { line, message, .. } = &e else { panic!("{e:?}") };
    assert!(message.starts_with("word/document.xml declares entities"), "{message}");
    assert!(*line <= 6, "{line}");
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx")
}

/// The committed DOCX fixtures, made by this code. To make them again:
/// `cargo test -p candor-import --lib -- --ignored write_docx_fixtures`.
#[test]
#[ignore = "writes the committed fixtures; run by hand after changing them"]
fn write_docx_fixtures() {
    let mut truncated = rich_fixture();
    truncated.truncate(truncated.len() / 2);
    for (name, bytes) in [
        ("styled-model-card.docx", rich_fixture()),
        ("entity-expansion.docx", laughs()),
        ("corrupt.docx", truncated),
        ("not-a-zip.docx", b"This is plain text with a .docx name.".to_vec()),
    ] {
        std::fs::write(fixture_dir().join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn committed_docx_fixtures_import_as_expected() {
    let read = |name: &str| {
        std::fs::read(fixture_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let c = ok(&read("styled-model-card.docx"));
    assert_eq!(c.sections.len(), 6);
    assert_eq!(c.tables.len(), 1);
    assert!(matches!(err(&read("entity-expansion.docx")), ImportError::Malformed { .. }));
    assert!(matches!(err(&read("corrupt.docx")), ImportError::Unreadable(_)));
    assert!(matches!(err(&read("not-a-zip.docx")), ImportError::Unsupported(_)));
}

#[test]
fn broken_packages_get_clear_errors() {
    let text = err(b"Just some text, not a document.");
    assert!(
        matches!(&text, ImportError::Unsupported(m) if m.contains("not a Word document")),
        "{text:?}"
    );

    let mut corrupt = rich_fixture();
    let len = corrupt.len();
    corrupt.truncate(len / 2);
    assert!(matches!(err(&corrupt), ImportError::Unreadable(m) if m.contains("damaged")));

    let mut garbled = rich_fixture();
    for b in garbled.iter_mut().skip(200).take(300) {
        *b ^= 0x5A;
    }
    let e = err(&garbled);
    assert!(matches!(e, ImportError::Unreadable(_) | ImportError::Malformed { .. }), "{e:?}");

    let no_document = err(&package(&[("readme.txt", "hello")]));
    assert!(
        matches!(&no_document, ImportError::Unsupported(m) if m.contains("it has no word/document.xml"))
    );

    let workbook = package(&[
        (
            "_rels/.rels",
            "<Relationships><Relationship Type=\"http://x/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
        ),
        (
            "xl/workbook.xml",
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>",
        ),
    ]);
    assert!(matches!(err(&workbook), ImportError::Unsupported(m) if m.contains("<workbook>")));

    let bad_xml = document(&p("", "a")).replace("</w:body>", "\n  </w:bod>");
    let e = err(&package(&[("word/document.xml", &bad_xml)]));
    let ImportError::Malformed { line, message, .. } = &e else { panic!("{e:?}") };
    assert_eq!(*line, 2);
    assert!(message.starts_with("word/document.xml is not well-formed XML"), "{message}");
}

#[test]
fn nothing_is_half_imported() {
    // The body is fine, the footnotes part is not: the whole import fails.
    let e = err(&package(&[
        ("word/document.xml", &document(&p("", "Fine"))),
        ("word/footnotes.xml", "<w:footnotes><w:footnote>"),
    ]));
    assert!(
        matches!(&e, ImportError::Malformed { message, .. } if message.starts_with("word/footnotes.xml")),
        "{e:?}"
    );
}

#[test]
fn encrypted_packages_are_recognised() {
    let mut flagged = package(&[("word/document.xml", &document(&p("", "Secret")))]);
    // Set the "encrypted" flag of the entry, as a password-protected ZIP has it.
    for i in 0..flagged.len().saturating_sub(4) {
        match &flagged[i..i + 4] {
            b"PK\x03\x04" => flagged[i + 6] |= 1,
            b"PK\x01\x02" => flagged[i + 8] |= 1,
            _ => {}
        }
    }
    assert_eq!(err(&flagged), ImportError::Encrypted);

    // Word's own encryption wraps the package in an OLE compound file.
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend(vec![0u8; 100]);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(err(&ole), ImportError::Encrypted);
    let doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 WordDocument".to_vec();
    assert!(matches!(err(&doc), ImportError::Unsupported(m) if m.contains("Word 97–2003")));
}

#[test]
fn deep_nesting_and_many_paragraphs_are_bounded() {
    // 60 000 nested elements: no recursion, so no stack overflow.
    let nest = |n: usize| {
        format!(
            "{}{}{}",
            "<w:sdt><w:sdtContent>".repeat(n),
            p("", "Inside"),
            "</w:sdtContent></w:sdt>".repeat(n)
        )
    };
    let c = ok(&package(&[("word/document.xml", &document(&nest(30_000)))]));
    assert_eq!(texts(&c), [(PassageKind::Paragraph, "Inside")]);
    // Past quick-xml's limit of 65 535 levels: a clear error.
    let e = err(&package(&[("word/document.xml", &document(&nest(50_000)))]));
    assert!(e.to_string().contains("nests elements deeper than"), "{e}");

    let many = p("", "x").repeat(super::MAX_ITEMS + 10);
    let w = import(&package(&[("word/document.xml", &document(&many))]))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(w.value.passages.len(), super::MAX_ITEMS);
    assert!(w.diagnostics.iter().any(|d| d.code == "docx/truncated"), "{:?}", w.diagnostics);
}

/// Bounded, deterministic fuzzing through the public entry point: byte mutations of whole
/// packages, and mutations of `word/document.xml` packed again (to get past the CRC).
#[test]
fn mutated_docx_files_never_panic() {
    use crate::bom::tests::{Rng, mutate_bytes};
    let mut inputs = vec![("fixture", rich_fixture())];
    if let Some(bytes) = corpus("llama-3.3-model-card.pandoc-conversion.docx") {
        inputs.push(("corpus", bytes));
    }
    let mut rng = Rng::new(0x0D0C_5EED);
    let (mut runs, mut accepted) = (0, 0);
    for (_, bytes) in &inputs {
        let mut archive =
            zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap_or_else(|e| panic!("{e}"));
        let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap_or_else(|e| panic!("{e}"));
            let name = file.name().map(|n| n.into_owned()).unwrap_or_default();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut data).unwrap_or_else(|e| panic!("{e}"));
            parts.push((name, data));
        }
        for i in 0..2_000 {
            let input = if i % 2 == 0 {
                mutate_bytes(&mut rng, bytes)
            } else {
                let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
                let options =
                    SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
                let target = rng.below(parts.len());
                for (j, (name, data)) in parts.iter().enumerate() {
                    zip.start_file(name.as_str(), options).unwrap_or_else(|e| panic!("{e}"));
                    let data =
                        if j == target { mutate_bytes(&mut rng, data) } else { data.clone() };
                    zip.write_all(&data).unwrap_or_else(|e| panic!("{e}"));
                }
                zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner()
            };
            runs += 1;
            if crate::import_source(SourceFormat::Docx, &input).is_ok() {
                accepted += 1;
            }
        }
    }
    eprintln!("docx mutation test: {runs} imports, {accepted} accepted, no panic");
    assert!(runs >= 2_000);
}
