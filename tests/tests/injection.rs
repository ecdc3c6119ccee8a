//! No injection, ever: arbitrary text in every position of a document compiles, and comes
//! out literally in both the typeset pages and the HTML.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use candor_model::{
    Block, CalibratedWord, Document, Estimate, Inline, Likelihood, Metadata, RiskCategory,
    RiskEntry, Span, Table, TableCell,
};
use candor_render::{Images, compile, laid_out_text, typst_world, write_html};
use proptest::prelude::*;

fn text(t: &str) -> Vec<Inline> {
    vec![Inline::Text { text: t.to_owned(), span: Default::default() }]
}

fn document_with(s: &str) -> Document {
    let risk = RiskEntry {
        id: "r".into(),
        category: RiskCategory::parse("cyber-offence").unwrap(),
        title: format!("risk {s}"),
        what_could_happen: Some(format!("harm {s}")),
        likelihood: Some(Likelihood {
            estimate: Estimate::Word(CalibratedWord::Unlikely),
            range: None,
            per: Some(format!("per {s}")),
            basis: Some(format!("basis {s}")),
        }),
        severity: None,
        who_is_affected: Some(format!("who {s}")),
        mitigations: Vec::new(),
        what_you_can_do: Some(format!("you {s}")),
        sources: Vec::new(),
        span: Span::default(),
    };
    Document {
        meta: Metadata { title: format!("title {s}"), ..Metadata::default() },
        blocks: vec![
            Block::Heading {
                level: 1,
                id: Some("h".into()),
                content: text(&format!("heading {s}")),
                span: Span::default(),
            },
            Block::Paragraph { content: text(&format!("para {s}")), span: Span::default() },
            Block::Paragraph {
                content: vec![Inline::Strong { content: text(&format!("strong {s}")) }],
                span: Span::default(),
            },
            Block::Table {
                table: Table {
                    alignments: Vec::new(),
                    header: vec![TableCell { content: text("head") }],
                    rows: vec![vec![TableCell { content: text(&format!("cell {s}")) }]],
                },
                span: Span::default(),
            },
            Block::Risk { risk: Box::new(risk), span: Span::default() },
        ],
        footnotes: Vec::new(),
        taxonomy: None,
        cited: None,
    }
}

/// Whitespace and hyphens are layout (line breaks, hyphenation), not content.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}').collect()
}

fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

const NASTY: &str = "#let x = 1 $a$ @ref <lbl> \\ * _ ` [ ] = / ~ \" ' //c /*c*/ #{1} ]) } #set page(width: 1pt) <script>alert(1)</script> &amp;";

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_comes_out_literally(s in "[#$@<>\\\\*_`\\[\\]=/~\"'{}()&;a-zA-Zäßπж0-9 ]{0,24}") {
        check(&s);
    }
}

#[test]
fn typst_and_html_syntax_stays_text() {
    check(NASTY);
}

fn check(s: &str) {
    let doc = document_with(s);
    let world = typst_world(&doc, &Images::new());
    let paged = compile(&world).unwrap_or_else(|e| panic!("compilation failed for {s:?}: {e}"));
    let pages = squash(&laid_out_text(&paged).concat());
    for label in ["title", "heading", "para", "strong", "cell", "risk", "harm", "who", "you"] {
        let wanted = squash(&format!("{label} {s}"));
        assert!(pages.contains(&wanted), "{label} {s:?} not typeset literally");
    }
    let html = write_html(&doc, &Images::new(), &Default::default());
    assert!(!html.contains("<script>alert"), "script survived: {s:?}");
    // Runs of white space are one space in HTML, and fields may be trimmed.
    let collapse = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = collapse(&unescape_html(&html));
    for label in ["title", "heading", "para", "strong", "cell", "risk", "harm", "who", "you"] {
        let wanted = collapse(&format!("{label} {s}"));
        assert!(text.contains(&wanted), "{label} {s:?} not in the HTML literally");
    }
}
