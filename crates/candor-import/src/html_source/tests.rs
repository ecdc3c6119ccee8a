use candor_model::{PassageKind, SourceContent};
use proptest::prelude::*;

use super::*;
use crate::test_support::{corpus, corpus_text, outline, titles};

fn content(html: &str) -> SourceContent {
    import(html).value
}

/// (kind, text) of every passage.
fn passages(c: &SourceContent) -> Vec<(PassageKind, &str)> {
    c.passages.iter().map(|p| (p.kind, p.text.as_str())).collect()
}

use PassageKind::{Caption, Code, Footnote, ListItem, Paragraph, Quote, Table};

#[test]
fn headings_become_sections_and_text_becomes_passages() {
    let c = content(
        "<!doctype html><title>Card</title><body><h1>Example-1</h1><p>Intro <b>bold</b> text.</p>\
         <h2>2. Uses</h2><ul><li>One</li><li>Two<ul><li>Nested</li></ul></li></ul>\
         <blockquote><p>Quoted.</p></blockquote><pre>fn main() {}\n  x</pre>\
         <figure><figcaption>Figure 1: a chart</figcaption></figure><h3>2.1 Direct</h3><div>Loose text</div>",
    );
    assert_eq!(titles(&c), ["Example-1", "Uses", "Direct"]);
    assert_eq!(c.sections[1].number.as_deref(), Some("2"));
    assert_eq!(c.sections[2].number.as_deref(), Some("2.1"));
    assert_eq!(c.sections[2].parent, Some(1));
    assert_eq!(
        passages(&c),
        [
            (Paragraph, "Intro bold text."),
            (ListItem, "One"),
            (ListItem, "Two"),
            (ListItem, "Nested"),
            (Quote, "Quoted."),
            (Code, "fn main() {} x"),
            (Caption, "Figure 1: a chart"),
            (Paragraph, "Loose text"),
        ]
    );
    assert_eq!(c.passages[1].id, "sec-2-p1");
    assert_eq!(c.metadata.title.as_deref(), Some("Card"));
}

#[test]
fn only_the_main_content_is_read() {
    let page = "<html><head><style>p{}</style><script>var x = '<p>no</p>';</script></head><body>\
        <header><a>Home</a> <a>About</a></header><nav><p>Menu</p></nav>\
        <div class='sidebar'><p>Side</p></div><main><h1>Report</h1><p>Body text that matters.</p>\
        <form><label>Name</label><input></form><svg><text>chart</text></svg>\
        <noscript><p>Enable JS</p></noscript><aside><p>Aside</p></aside>\
        <p hidden>Hidden</p><div aria-hidden='true'>Icon</div><template><p>T</p></template></main>\
        <footer><p>© 2024</p></footer></body></html>";
    let c = content(page);
    assert_eq!(titles(&c), ["Report"]);
    assert_eq!(passages(&c), [(Paragraph, "Body text that matters.")]);
    assert_eq!(c.metadata.title.as_deref(), Some("Report"));
}

#[test]
fn without_main_the_body_is_read_without_furniture() {
    let c = content(
        "<body><div class='nav nav-top'><ol><li>Overview</li></ol></div>\
         <div role='navigation'>Skip</div><div class='content'><h1>Spec</h1><p>Text.</p></div>\
         <header><h1>Kept title</h1><p>Published by Example Labs · version 2.0</p></header></body>",
    );
    assert_eq!(titles(&c), ["Spec", "Kept title"]);
    assert_eq!(
        passages(&c),
        [(Paragraph, "Text."), (Paragraph, "Published by Example Labs · version 2.0")]
    );
    assert_eq!(c.metadata.provider.as_deref(), Some("Example Labs"));
    assert_eq!(c.metadata.version.as_deref(), Some("2.0"));
}

#[test]
fn a_small_main_is_not_the_content() {
    let filler = "<p>Long article text goes on and on.</p>".repeat(40);
    let c = content(&format!("<body><main><p>Cookie notice</p></main>{filler}</body>"));
    assert_eq!(c.passages.len(), 41);
}

#[test]
fn metadata_from_head_and_page() {
    let c = content(
        "<html lang='en'><head><title>Model card</title><meta name='author' content='Example Labs'>\
         <meta property='article:published_time' content='2024-07-23'><meta name='version' content='1.2'>\
         <meta name='description' content='What the model does.'></head>\
         <body><h1>Other</h1><p>x</p></body></html>",
    );
    let m = &c.metadata;
    assert_eq!(m.title.as_deref(), Some("Model card"));
    assert_eq!(m.provider.as_deref(), Some("Example Labs"));
    assert_eq!(m.date.as_deref(), Some("2024-07-23"));
    assert_eq!(m.version.as_deref(), Some("1.2"));
    assert!(m.extra.contains(&("language".into(), "en".into())));
    assert!(m.extra.contains(&("description".into(), "What the model does.".into())));
    let dated =
        content("<body><div class='date'>February 12, 2025</div><h1>Spec</h1><p>x</p></body>");
    assert_eq!(dated.metadata.date.as_deref(), Some("February 12, 2025"));
    assert_eq!(dated.metadata.title.as_deref(), Some("Spec"));
}

#[test]
fn heading_badges_are_left_out_of_titles() {
    let c = content(
        "<h2>Follow all instructions<div class='authority'>Platform</div></h2><h2><div>Only badge</div></h2>",
    );
    assert_eq!(titles(&c), ["Follow all instructions", "Only badge"]);
}

#[test]
fn tables_keep_header_rows_and_spans() {
    let c = content(
        "<table><caption>Sizes</caption><thead><tr><th>Model</th><th>Params</th></tr></thead>\
         <tbody><tr><td>A</td><td>7B</td></tr><tr><td>B</td><td>70B</td></tr></tbody></table>",
    );
    let t = &c.tables[0];
    assert_eq!(t.caption.as_deref(), Some("Sizes"));
    assert_eq!(t.header, ["Model", "Params"]);
    assert_eq!(t.rows, [vec!["A", "7B"], vec!["B", "70B"]]);
    assert_eq!(passages(&c), [(Table, "Sizes; Model | Params; A | 7B; B | 70B")]);

    // Bold first row (as in the Llama 3.1 card), rowspan and colspan.
    let c = content(
        "<table><tr><td></td><td><strong>Params</strong></td><td><strong>Tokens</strong></td></tr>\
         <tr><td rowspan='2'>Llama</td><td>8B</td><td rowspan=2>15T+</td></tr>\
         <tr><td>70B</td></tr><tr><td colspan=3>Note</td></tr></table>",
    );
    let t = &c.tables[0];
    assert_eq!(t.header, ["", "Params", "Tokens"]);
    assert_eq!(
        t.rows,
        [vec!["Llama", "8B", "15T+"], vec!["Llama", "70B", "15T+"], vec!["Note", "Note", "Note"]]
    );
    // No header row: a plain first row stays a row.
    let c = content("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>");
    assert!(c.tables[0].header.is_empty());
    assert_eq!(c.tables[0].rows.len(), 2);
}

#[test]
fn nested_tables_are_text_of_their_cell() {
    let c = content(
        "<table><tr><th>A</th></tr><tr><td>x<table><tr><td>inner</td></tr></table></td></tr></table>",
    );
    assert_eq!(c.tables.len(), 1);
    assert_eq!(c.tables[0].rows, [vec!["x inner"]]);
}

#[test]
fn details_lists_and_boxes() {
    let c = content(
        "<details><summary>Click to expand</summary><p>Inside.</p></details>\
         <details><summary>Training data</summary><p>More.</p></details>\
         <dl><dt>Developer</dt><dd>Example Labs</dd><dt>Alone</dt></dl>\
         <div class='row'><div class='k'>scope_basis</div><div>capability_based</div></div>\
         <div><span class='tag'>CBRN</span><span class='tag'>cyber</span></div>\
         <p>E = 3.8 × 10<sup>25</sup> FLOPs, H<sub>2</sub>O<br>next</p>",
    );
    assert_eq!(
        passages(&c),
        [
            (Paragraph, "Inside."),
            (Paragraph, "Training data"),
            (Paragraph, "More."),
            (Paragraph, "Developer: Example Labs"),
            (Paragraph, "Alone"),
            (Paragraph, "scope_basis: capability_based"),
            (Paragraph, "CBRN cyber"),
            (Paragraph, "E = 3.8 × 10^25 FLOPs, H2O next"),
        ]
    );
    assert_eq!(c.metadata.provider.as_deref(), Some("Example Labs"));
}

#[test]
fn footnote_sections_give_footnote_passages() {
    let c = content(
        "<p>Text<sup>1</sup></p><section class='footnotes'><ol><li id='fn1'>A note.</li></ol></section>",
    );
    assert_eq!(passages(&c), [(Paragraph, "Text1"), (Footnote, "A note.")]);
}

#[test]
fn pages_without_text_warn() {
    let w = import("<html><body><script>render()</script></body></html>");
    assert!(w.value.passages.is_empty());
    let codes: Vec<_> = w.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["source/empty"]);
}

#[test]
fn deep_nesting_is_walked_without_recursion() {
    for depth in [10_000, 100_000] {
        let html = format!("{}<p>deep</p>{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let c = content(&html);
        assert_eq!(passages(&c), [(Paragraph, "deep")]);
    }
    let quotes = format!("{}x", "<blockquote>".repeat(10_000));
    assert_eq!(passages(&content(&quotes)), [(Quote, "x")]);
    let inline = format!("<p>{}x{}</p>", "<b><i>".repeat(20_000), "</i></b>".repeat(20_000));
    assert_eq!(passages(&content(&inline)), [(Paragraph, "x")]);
}

#[test]
fn huge_tables_and_spans_are_bounded() {
    let row = "<tr><td colspan=1000 rowspan=65534>x</td></tr>";
    let w = import(&format!("<table>{}</table>", row.repeat(3_000)));
    let cells: usize = w.value.tables.iter().flat_map(|t| &t.rows).map(Vec::len).sum();
    assert!(cells <= MAX_TABLE_CELLS * 2, "{cells} cells");
    assert!(w.diagnostics.iter().any(|d| d.code == "source/table-too-large"));
    let big = format!("<table>{}</table>", "<tr><td>a</td><td>b</td></tr>".repeat(50_000));
    let c = content(&big);
    assert_eq!(c.tables[0].rows.len(), 50_000);
}

#[test]
fn malformed_markup_is_read_as_browsers_do() {
    let c = content("<p>one<p>two</b></i><li>three<table><td>cell</table><h2>Title</h3>after");
    assert_eq!(titles(&c), ["Title"]);
    let texts: Vec<_> = c.passages.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["one", "two", "three", "cell", "after"]);
}

#[test]
fn fragments_for_markdown() {
    let mut diags = Vec::new();
    let blocks = fragment_blocks(
        "<table>\n<tr><td><b>A</b></td><td><b>B</b></td></tr>\n\n<tr><td>1</td><td>2</td></tr></table><!-- note -->",
        Span::new(0, 0),
        &mut diags,
    );
    assert_eq!(
        blocks,
        [Block::Table {
            caption: None,
            header: vec!["A".into(), "B".into()],
            rows: vec![vec!["1".into(), "2".into()]]
        }]
    );
}

#[test]
fn model_spec_page() {
    let Some(text) = corpus_text("openai-model-spec-2025-02-12.html") else { return };
    let w = import(&text);
    let c = &w.value;
    eprintln!("{}", outline(c));
    assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
    assert_eq!(c.metadata.title.as_deref(), Some("Model Spec (2025/02/12)"));
    assert_eq!(c.metadata.date.as_deref(), Some("February 12, 2025"));
    assert_eq!(
        titles(c)[..8],
        [
            "Overview",
            "General principles",
            "Specific risks",
            "Instructions and levels of authority",
            "Structure of the document",
            "Definitions",
            "The chain of command",
            "Follow all applicable instructions",
        ]
    );
    assert_eq!(c.sections.len(), 71);
    assert_eq!(c.sections.iter().filter(|s| s.level == 1).count(), 8);
    assert!(c.passages.len() > 2_000, "{}", c.passages.len());
    // The table of contents, the styles and the scripts are not content.
    assert_eq!(c.passages[0].text, "February 12, 2025");
    assert_eq!(c.passages[1].text, "OpenAI Model Spec");
    assert!(c.passages.iter().all(|p| !p.text.contains("document.addEventListener")));
    assert!(c.passages.iter().all(|p| !p.text.contains("--content-width")));
    assert_eq!(c.passages.iter().filter(|p| p.text == "Overview").count(), 0);
    let overview = &c.passages[3];
    assert_eq!(overview.id, "sec-overview-p1");
    assert!(overview.text.starts_with("The Model Spec outlines the intended behavior"));
}

#[test]
fn safety_framework_card() {
    let Some(text) = corpus_text("safety-framework-card-anthropic-rsp.html") else { return };
    let c = content(&text);
    eprintln!("{}", outline(&c));
    let m = &c.metadata;
    assert_eq!(m.title.as_deref(), Some("Responsible Scaling Policy"));
    assert_eq!(m.provider.as_deref(), Some("Anthropic"));
    assert_eq!(m.version.as_deref(), Some("3.1"));
    assert_eq!(m.date.as_deref(), Some("2026-04-02"));
    assert_eq!(
        titles(&c),
        [
            "Responsible Scaling Policy",
            "D1. Risk Ontology",
            "D2. Capability Thresholds",
            "D3. Evaluation Methodology",
            "D4. Mitigation Commitments",
            "D5. Governance Triggers",
            "D6. Revision Protocol",
        ]
    );
    assert_eq!(c.sections[1].level, 2);
    let texts: Vec<_> = c.passages.iter().map(|p| p.text.as_str()).collect();
    assert!(texts.contains(&"scope_basis: capability_based"));
    assert!(texts.iter().any(|t| t.starts_with("in_scope_harms: CBRN_uplift biological_uplift")));
}

#[test]
fn every_corpus_page_imports() {
    let Some(dir) = corpus() else { return };
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let c = content(&text);
        eprintln!("== {}\n{}", path.display(), outline(&c));
        assert!(!c.sections.is_empty() && !c.passages.is_empty(), "{}", path.display());
        // Scripts and styles are not content (escaped markup in examples is).
        for p in &c.passages {
            assert!(
                !p.text.contains("addEventListener") && !p.text.contains("font-family:"),
                "{}: {}",
                p.id,
                p.text
            );
        }
        seen += 1;
    }
    assert!(seen >= 2);
}

proptest! {
    #[test]
    fn never_panics_on_any_text(s in "\\PC*") {
        let _ = import(&s);
    }

    #[test]
    fn never_panics_on_tag_soup(s in "(<(/)?(p|div|h[1-6]|table|tr|td|th|li|ul|pre|details|summary|sup|script|main|nav|dt|dd|br)( (rowspan|colspan|class|hidden)=[\"']?[0-9a-z ]{0,6}[\"']?)?>|[a-z0-9 .%]{1,6}){0,60}") {
        let c = import(&s).value;
        for p in &c.passages {
            prop_assert!(!p.text.is_empty());
        }
    }
}
