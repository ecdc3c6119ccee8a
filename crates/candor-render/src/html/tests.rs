use std::collections::BTreeSet;

use candor_model::{
    Alignment, Block, CalibratedWord, Date, Document, Effect, Estimate, Footnote, Image, Inline,
    LanguageTag, Likelihood, LinkTarget, ListItem, Metadata, Mitigation, MitigationKind, RawHtml,
    RiskCategory, RiskEntry, SeverityLevel, SourceLink, SourceRef, Span, Table, TableCell,
};
use proptest::prelude::*;

use super::*;
use crate::images::{ImageFormat, PreparedImage};

fn t(text: &str) -> Inline {
    Inline::Text { text: text.into(), span: Default::default() }
}

fn p(content: Vec<Inline>) -> Block {
    Block::Paragraph { content, span: Span::default() }
}

fn h(level: u8, id: &str, text: &str) -> Block {
    Block::Heading { level, id: Some(id.into()), content: vec![t(text)], span: Span::default() }
}

fn item(checked: Option<bool>, blocks: Vec<Block>) -> ListItem {
    ListItem { checked, blocks, span: Span::default() }
}

fn cell(text: &str) -> TableCell {
    TableCell { content: vec![t(text)] }
}

fn link(url: &str, content: Vec<Inline>) -> Inline {
    Inline::Link {
        target: LinkTarget::Url { url: url.into() },
        title: None,
        content,
        span: Span::default(),
    }
}

fn source_link(source: &str, passage: &str, text: &str) -> Inline {
    Inline::Link {
        target: LinkTarget::Source {
            link: SourceLink { source: source.into(), passage: Some(passage.into()) },
        },
        title: None,
        content: vec![t(text)],
        span: Span::default(),
    }
}

fn risk(id: &str, title: &str) -> RiskEntry {
    RiskEntry {
        id: id.into(),
        category: RiskCategory::parse("cyber-offence").unwrap(),
        title: title.into(),
        what_could_happen: Some("Someone could use the model to find weak spots in computer systems.\n\nThis could help them break in faster.".into()),
        likelihood: Some(Likelihood {
            estimate: Estimate::Probability(0.2),
            range: Some((0.1, 0.3)),
            per: Some("attempt by a skilled attacker".into()),
            basis: Some("Red-team evaluation, February 2026".into()),
        }),
        severity: Some(SeverityLevel::High),
        who_is_affected: Some("Companies and public services that run computer systems.".into()),
        mitigations: vec![
            Mitigation {
                kind: MitigationKind::parse("input-output-filtering").unwrap(),
                what_we_did: "We check requests and answers for attack instructions.".into(),
                effect: Some(Effect {
                    before: 0.2,
                    after: 0.04,
                    measure: "share of attempts that succeeded".into(),
                }),
            },
            Mitigation {
                kind: MitigationKind::parse("access-restriction").unwrap(),
                what_we_did: "Only checked customers can use the advanced tools.".into(),
                effect: None,
            },
        ],
        what_you_can_do: Some("Keep your software up to date.".into()),
        sources: vec![SourceLink::parse("report#sec-7-3").unwrap()],
        span: Span::default(),
    }
}

fn png(width: u32, height: u32) -> PreparedImage {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 160])
    });
    let mut data = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut data), image::ImageFormat::Png).unwrap();
    PreparedImage { format: ImageFormat::Png, data, width, height }
}

fn svg_image() -> PreparedImage {
    let data = br##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#1d5e8c"/><circle cx="20" cy="20" r="12" fill="#fff"/></svg>"##;
    PreparedImage { format: ImageFormat::Svg, data: data.to_vec(), width: 120, height: 40 }
}

/// A document with every feature the writer knows.
fn demo() -> (Document, Images) {
    let meta = Metadata {
        title: "Example-1: what you should know".into(),
        lang: LanguageTag::parse("en").unwrap(),
        audience: Some("general public".into()),
        reading_level: Some(9),
        version: Some("1.2".into()),
        date: Some(Date::parse("2026-03-01").unwrap()),
        provider: Some("Example AI Ltd.".into()),
        model: Some("Example-1".into()),
        sources: vec![SourceRef {
            id: "report".into(),
            title: Some("Example-1 Model Report".into()),
            file: Some("example-1-model-report.pdf".into()),
            span: Span::default(),
        }],
    };
    let mut unlikely = risk("manipulation", "Persuading people to believe false things");
    unlikely.category = RiskCategory::parse("harmful-manipulation").unwrap();
    unlikely.likelihood = Some(Likelihood {
        estimate: Estimate::Word(CalibratedWord::Unlikely),
        range: None,
        per: None,
        basis: Some("Expert review, January 2026".into()),
    });
    unlikely.severity = Some(SeverityLevel::Moderate);
    unlikely.mitigations.truncate(0);
    unlikely.sources = vec![];
    let mut rare = risk("bio", "Helping someone make a dangerous germ");
    rare.category = RiskCategory::parse("cbrn").unwrap();
    rare.likelihood = Some(Likelihood {
        estimate: Estimate::Probability(0.004),
        range: Some((0.001, 0.01)),
        per: Some("conversation with an expert user".into()),
        basis: None,
    });
    rare.severity = Some(SeverityLevel::Critical);
    rare.mitigations = vec![Mitigation {
        kind: MitigationKind::parse("behaviour-change").unwrap(),
        what_we_did: "We trained the model to refuse such requests.".into(),
        effect: Some(Effect {
            before: 0.05,
            after: 0.004,
            measure: "share of answers that helped".into(),
        }),
    }];
    rare.sources =
        vec![SourceLink::parse("report#sec-7-5").unwrap(), SourceLink::parse("report").unwrap()];

    let blocks = vec![
        h(1, "what-example-1-is", "What Example-1 is"),
        p(vec![
            t("Example-1 is a program that writes text "),
            source_link("report", "sec-7-1", "model report, 7.1"),
            t(". It can be "),
            Inline::Emphasis { content: vec![t("helpful")] },
            t(", but it is "),
            Inline::Strong { content: vec![t("not always right")] },
            t(". An older claim was "),
            Inline::Strikethrough { content: vec![t("it never makes mistakes")] },
            t(". Settings live in "),
            Inline::Code { text: "config.toml".into() },
            t("."),
            Inline::FootnoteRef { index: 0, span: Span::default() },
            Inline::SoftBreak,
            t("Read more on "),
            link("https://example.org/model?a=1&b=2", vec![t("the provider's website")]),
            t("."),
            Inline::HardBreak,
            t("A second line after a hard break."),
        ]),
        h(2, "how-it-works", "How it works"),
        p(vec![
            t("It learned from a large amount of text."),
            Inline::FootnoteRef { index: 0, span: Span::default() },
        ]),
        Block::List {
            start: None,
            items: vec![
                item(None, vec![p(vec![t("It predicts the next word.")])]),
                item(
                    None,
                    vec![
                        p(vec![t("It can be wrong:")]),
                        Block::List {
                            start: Some(3),
                            items: vec![
                                item(None, vec![p(vec![t("about facts,")])]),
                                item(None, vec![p(vec![t("about people.")])]),
                            ],
                            span: Span::default(),
                        },
                    ],
                ),
            ],
            span: Span::default(),
        },
        h(3, "what-was-checked", "What was checked"),
        Block::List {
            start: None,
            items: vec![
                item(Some(true), vec![p(vec![t("Tests for attacks on computers")])]),
                item(Some(false), vec![p(vec![t("Tests in languages other than English")])]),
            ],
            span: Span::default(),
        },
        Block::BlockQuote {
            blocks: vec![p(vec![t(
                "“We publish this summary so that everyone can follow our safety work.”",
            )])],
            span: Span::default(),
        },
        Block::CodeBlock {
            lang: Some("text".into()),
            text: "curl https://api.example.org/v1/generate <prompt>\n".into(),
            span: Span::default(),
        },
        Block::Table {
            table: Table {
                alignments: vec![Alignment::Left, Alignment::Right, Alignment::Center],
                header: vec![cell("Test"), cell("Attempts"), cell("Passed")],
                rows: vec![
                    vec![cell("Attack instructions"), cell("1,200"), cell("yes")],
                    vec![cell("Persuasion"), cell("800"), cell("partly")],
                ],
            },
            span: Span::default(),
        },
        p(vec![Inline::Image {
            image: Image {
                src: "chart.png".into(),
                alt: "A bar chart: refusals rose from 60 to 95 in 100 requests.".into(),
                title: Some("Refusals before and after safety training".into()),
                span: Span::default(),
            },
        }]),
        p(vec![
            t("The logo "),
            Inline::Image {
                image: Image {
                    src: "logo.svg".into(),
                    alt: "Example AI logo".into(),
                    title: Some("Our logo".into()),
                    span: Span::default(),
                },
            },
            t(" and a missing picture: "),
            Inline::Image {
                image: Image {
                    src: "missing.png".into(),
                    alt: "a diagram".into(),
                    title: None,
                    span: Span::default(),
                },
            },
        ]),
        Block::Html {
            html: RawHtml {
                sanitized: "<p><abbr title=\"artificial intelligence\">AI</abbr> in raw HTML</p>"
                    .into(),
                text: "AI in raw HTML".into(),
            },
            span: Span::default(),
        },
        Block::ThematicBreak { span: Span::default() },
        h(1, "risks", "Risks and what was done"),
        Block::Generated { name: "risk-overview".into(), source: None, span: Span::default() },
        Block::Risk {
            risk: Box::new(risk("cyber", "Helping attackers break into computer systems")),
            span: Span::default(),
        },
        Block::Risk { risk: Box::new(unlikely), span: Span::default() },
        Block::Risk { risk: Box::new(rare), span: Span::default() },
        h(2, "more", "More to read"),
        p(vec![
            t("See the "),
            link("#risks", vec![t("list of risks")]),
            t(" and write to "),
            link("mailto:safety@example.org", vec![]),
            t("."),
        ]),
    ];
    let footnotes = vec![Footnote {
        label: "data".into(),
        blocks: vec![p(vec![t("The text came from public web pages and licensed books.")])],
    }];
    let mut images = Images::new();
    images.insert("chart.png", png(480, 160));
    images.insert("logo.svg", svg_image());
    (Document { meta, blocks, footnotes, taxonomy: None, cited: None }, images)
}

fn render(doc: &Document) -> String {
    write_html(doc, &Images::new(), &HtmlOptions::default())
}

/// Every `id="…"` of the page (the author's raw HTML has none in these tests).
fn ids_of(html: &str) -> Vec<String> {
    html.split(" id=\"").skip(1).filter_map(|s| s.split('"').next()).map(str::to_owned).collect()
}

fn heading_levels(html: &str) -> Vec<u8> {
    html.match_indices("<h")
        .filter_map(|(i, _)| html.as_bytes().get(i + 2).copied())
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

#[test]
fn demo_page_has_every_part() {
    let (doc, images) = demo();
    let html = write_html(&doc, &images, &HtmlOptions::default());
    if let Ok(path) = std::env::var("CANDOR_HTML_DEMO") {
        std::fs::write(path, &html).unwrap();
    }
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for needle in [
        "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\"",
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
        &format!("<meta name=\"generator\" content=\"Candor {}\">", env!("CARGO_PKG_VERSION")),
        "<title>Example-1: what you should know</title>",
        "@media print",
        "@media (prefers-color-scheme: dark)",
        "<a class=\"skip-link\" href=\"#content\">Skip to main content</a>",
        "<h1>Example-1: what you should know</h1>",
        "<time datetime=\"2026-03-01\">1 March 2026</time>",
        "<nav class=\"toc\" aria-labelledby=\"contents-title\">",
        "<main id=\"content\">",
        "<footer class=\"page-footer\">",
        "<p>Version 1.2</p>",
        "<em>helpful</em>",
        "<strong>not always right</strong>",
        "<del>it never makes mistakes</del>",
        "<code>config.toml</code>",
        "<br>",
        "<a href=\"https://example.org/model?a=1&amp;b=2\">the provider&#39;s website</a>",
        "<a href=\"mailto:safety@example.org\">mailto:safety@example.org</a>",
        "<ol start=\"3\">",
        "<ul class=\"task-list\">",
        "<span class=\"task-mark\" aria-hidden=\"true\">☑</span><span class=\"visually-hidden\">Done: </span>",
        "<span class=\"visually-hidden\">Not done: </span>",
        "<blockquote>",
        "<pre><code class=\"language-text\">curl https://api.example.org/v1/generate &lt;prompt&gt;</code></pre>",
        "role=\"region\" aria-label=\"Table 1\" tabindex=\"0\"",
        "<th scope=\"col\" class=\"align-left\">Test</th>",
        "<td class=\"align-right\">1,200</td>",
        "<figure>\n<img src=\"data:image/png;base64,",
        "width=\"480\" height=\"160\">",
        "<figcaption>Refusals before and after safety training</figcaption>",
        "<img src=\"data:image/svg+xml;base64,",
        "Picture not available: a diagram",
        "alt=\"Example AI logo\" title=\"Our logo\" width=\"120\" height=\"40\">",
        "<abbr title=\"artificial intelligence\">AI</abbr>",
        "<hr>",
        "<caption id=\"risk-overview-caption\">The risks in this document</caption>",
        "<th scope=\"row\"><a href=\"#risk-cyber\">Helping attackers break into computer systems</a></th>",
        "<td>Unlikely: about 200 in 1,000</td>",
        "<td>Checking what goes in and comes out; Limiting who can use the model</td>",
        "<td>Unlikely</td>",
        "<section class=\"risk-card\" id=\"risk-cyber\" aria-labelledby=\"risk-cyber-title\">",
        "<p class=\"risk-area\">Area: Cyber attacks</p>",
        "<h3 class=\"risk-title\" id=\"risk-cyber-title\">",
        "<strong>Unlikely</strong>: about 200 in 1,000 attempts by a skilled attacker (about 1 in 5).",
        "Range of the estimate: between about 100 and 300 in 1,000.",
        "<svg class=\"fine\" role=\"img\" aria-label=\"200 of 1,000 squares are filled in\"",
        "<p>200 of 1,000 squares are filled in.</p>",
        "<div class=\"icon-pair\" role=\"group\" aria-label=\"Before: 200 of 1,000 squares are filled in. After: 40 of 1,000 squares are filled in.\">",
        "<figure class=\"icon-array fine\">\n<figcaption>Before</figcaption>",
        "<p class=\"scale-ref\">Likelihood words follow the <a href=\"#how-to-read-the-figures\">IPCC likelihood scale</a>.</p>",
        "Where the figure comes from: Red-team evaluation, February 2026",
        "<strong>High</strong>: level 3 of 4 (low, moderate, high and critical).",
        "Checking what goes in and comes out",
        "Share of attempts that succeeded fell from about 200 in 1,000 attempts by a skilled attacker to about 40 in 1,000 (about 5 times less often).",
        "<strong>Unlikely</strong>.",
        "The provider gives a word, not a figure. On the scale used, “unlikely” means 33 in 100 or less.",
        "<p class=\"not-stated\">The provider has not said what it did about this risk.</p>",
        "<p>This summary covers 3 of 33 risk areas: Chemical, biological, radiological and nuclear weapons; Cyber attacks and Harmful manipulation of people.</p>",
        "<p>It does not cover these 30:</p>\n<ul class=\"not-covered\">\n<li>Loss of human control over the model</li>",
        "<section class=\"about-figures\" aria-labelledby=\"how-to-read-the-figures\">",
        "<li><strong>Unlikely</strong>: 33 in 100 or less</li>",
        "about 4 in 1,000 conversations with an expert user",
        "4 of 1,000 squares are filled in",
        "fell from about 50 in 1,000 conversations with an expert user to about 4 in 1,000 (about 13 times less often).",
        "<section class=\"endnotes\" aria-labelledby=\"notes-title\">",
        "<li id=\"fn-1\">",
        "<sup class=\"fnref\"><a id=\"fnref-1\" href=\"#fn-1\"><span class=\"visually-hidden\">Note </span>1</a></sup>",
        "href=\"#fnref-1-2\"",
        "<section class=\"sources\" aria-labelledby=\"sources-title\">",
        "<li id=\"source-1\">Example-1 Model Report, <span>passage sec-7-1</span></li>",
        "<li id=\"source-4\">Example-1 Model Report</li>",
        "<a class=\"cite\" href=\"#source-1\">model report, 7.1<span class=\"cite-mark\">[1]</span></a>",
    ] {
        assert!(html.contains(needle), "missing: {needle}");
    }
    // No script, no way to load anything.
    let lower = html.to_lowercase();
    for banned in
        ["<script", "<link", "<iframe", "<object", "<embed", "url(", "@import", "src=\"http"]
    {
        assert!(!lower.contains(banned), "found {banned}");
    }
    assert_eq!(html.matches("<h1").count(), 1);
}

#[test]
fn heading_levels_never_skip() {
    let (doc, images) = demo();
    let html = write_html(&doc, &images, &HtmlOptions::default());
    let levels = heading_levels(&html);
    assert_eq!(levels[0], 1);
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "{levels:?}");
    }
    // Jumps in the Markdown are clamped; the first level becomes h2.
    let doc = Document {
        blocks: vec![
            h(2, "a", "A"),
            h(5, "b", "B"),
            h(3, "c", "C"),
            h(2, "d", "D"),
            h(6, "e", "E"),
        ],
        ..Document::default()
    };
    let html = render(&doc);
    assert_eq!(heading_levels(&html), vec![1, 2, 2, 3, 3, 2, 3]);
    assert!(html.contains("<h3 id=\"b\">B</h3>"));
}

#[test]
fn ids_are_unique_and_every_internal_link_has_a_target() {
    let (mut doc, images) = demo();
    // Author ids that collide with the page's own ids.
    doc.blocks.push(h(2, "content", "Content"));
    doc.blocks.push(h(2, "fn-1", "Footnote-like"));
    doc.blocks.push(h(2, "risk-cyber", "Risk-like"));
    doc.blocks.push(h(2, "content", "Content again"));
    let html = write_html(&doc, &images, &HtmlOptions::default());
    let ids = ids_of(&html);
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    for target in html.split("href=\"#").skip(1).filter_map(|s| s.split('"').next()) {
        assert!(unique.contains(&target.to_owned()), "no id for #{target}");
    }
    assert!(html.contains(" id=\"content-2\">Content</h"));
    assert!(html.contains(" id=\"content-3\">Content again</h"));
}

#[test]
fn only_web_mail_and_anchor_links_become_links() {
    for bad in [
        "javascript:alert(1)",
        " https://x.org",
        "\tjavascript:x",
        "data:text/html,x",
        "JAVASCRIPT:x",
        "ht",
    ] {
        let html = render(&Document {
            blocks: vec![p(vec![link(bad, vec![t("click")])])],
            ..Document::default()
        });
        assert!(html.contains("<p>click</p>"), "{bad}");
    }
    for good in ["https://x.org", "HTTP://x.org", "mailto:a@b.org", "#top"] {
        let html = render(&Document {
            blocks: vec![p(vec![link(good, vec![t("click")])])],
            ..Document::default()
        });
        assert!(html.contains("\">click</a>"), "{good}");
    }
}

#[test]
fn output_is_deterministic() {
    let (doc, images) = demo();
    let a = write_html(&doc, &images, &HtmlOptions::default());
    let b = write_html(&doc, &images, &HtmlOptions::default());
    assert_eq!(a, b);
}

#[test]
fn empty_and_odd_documents_still_make_a_valid_page() {
    let html = render(&Document::default());
    assert!(html.contains("<title>Untitled document</title>"));
    assert!(html.contains("<h1>Untitled document</h1>"));
    assert!(!html.contains("<nav"));
    assert!(html.contains("<footer class=\"page-footer\">\n<p>Untitled document</p>"));

    let mut card = risk("", "   ");
    card.likelihood = None;
    card.severity = None;
    card.what_could_happen = None;
    card.mitigations.clear();
    card.sources.clear();
    let doc = Document {
        blocks: vec![
            h(2, "", "   "), // an empty heading is left out
            Block::Risk { risk: Box::new(card), span: Span::default() },
            Block::Generated { name: "glossary".into(), source: None, span: Span::default() },
            p(vec![Inline::FootnoteRef { index: 7, span: Span::default() }]),
            Block::Table {
                table: Table {
                    alignments: vec![],
                    header: vec![cell("Only a header")],
                    rows: vec![],
                },
                span: Span::default(),
            },
            Block::List { start: Some(0), items: vec![item(None, vec![])], span: Span::default() },
        ],
        ..Document::default()
    };
    let html = render(&doc);
    // The card's title and the note on reading the figures are the only h2s.
    assert_eq!(html.matches("<h2").count(), 2, "{html}");
    assert!(html.contains("<h2 id=\"how-to-read-the-figures\">"));
    assert!(html.contains("id=\"risk\" aria-labelledby=\"risk-title\""));
    assert!(html.contains(">Untitled risk</h2>"));
    assert!(html.contains("<p class=\"not-stated\">Not stated</p>"));
    assert!(html.contains(
        "<p class=\"likelihood not-stated\">The provider has not published an estimate.</p>"
    ));
    assert!(html.contains("<tbody>\n<tr><td>Only a header</td></tr>"));
    assert!(html.contains("<ol start=\"0\">"));
    let no_risks = render(&Document {
        blocks: vec![Block::Generated {
            name: "risk-overview".into(),
            source: None,
            span: Span::default(),
        }],
        ..Document::default()
    });
    assert!(no_risks.contains("<p>This document describes no risks.</p>"));
}

#[test]
fn a_language_without_wording_marks_candors_words_as_english() {
    let (mut doc, images) = demo();
    doc.meta.lang = LanguageTag::parse("nl-BE").unwrap();
    let html = write_html(&doc, &images, &HtmlOptions::default());
    assert!(html.contains("<html lang=\"nl-BE\">"));
    assert!(html.contains("<a class=\"skip-link\" href=\"#content\" lang=\"en\">"));
    assert!(html.contains("<dt lang=\"en\">What could happen</dt>"));
    // German and French have wording of their own.
    for (tag, skip, label) in [
        ("de-AT", "Zum Hauptinhalt springen", "Was passieren könnte"),
        ("fr", "Aller au contenu principal", "Ce qui pourrait arriver"),
    ] {
        let (mut doc, images) = demo();
        doc.meta.lang = LanguageTag::parse(tag).unwrap();
        let html = write_html(&doc, &images, &HtmlOptions::default());
        assert!(
            html.contains(&format!("<a class=\"skip-link\" href=\"#content\">{skip}</a>")),
            "{tag}"
        );
        assert!(html.contains(&format!("<dt>{label}</dt>")), "{tag}");
        assert!(!html.contains(" lang=\"en\""), "{tag}");
    }
    let (mut doc, images) = demo();
    doc.meta.lang = LanguageTag::parse("ar").unwrap();
    assert!(
        write_html(&doc, &images, &HtmlOptions::default())
            .contains("<html lang=\"ar\" dir=\"rtl\">")
    );
}

#[test]
fn icon_arrays_draw_every_figure() {
    let mut out = String::new();
    let icons = |filled, total| crate::IconArrayView { filled, total, description: "d".into() };
    super::risk::icon_svg(&icons(3, 100), "", &mut out);
    assert_eq!(out.matches("h8v8h-8z").count(), 3);
    assert_eq!(out.matches("h6.5v6.5h-6.5z").count(), 97);
    assert!(out.contains("viewBox=\"0 0 98 98\""));
    let mut out = String::new();
    super::risk::icon_svg(&icons(0, 1000), "", &mut out);
    assert!(!out.contains("class=\"on\""));
    assert_eq!(out.matches("h6.5v6.5h-6.5z").count(), 1000);
    assert!(out.contains("viewBox=\"0 0 498 198\""));
}

/// WCAG relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The custom properties of the first `:root { … }` after `after` in the stylesheet.
fn palette(after: &str) -> Vec<(String, String)> {
    let start = STYLE.find(after).unwrap();
    let block = &STYLE[start..];
    let block = &block[block.find(":root {").unwrap()..];
    let block = &block[..block.find('}').unwrap()];
    block
        .lines()
        .filter_map(|line| line.trim().strip_prefix("--"))
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().trim_end_matches(';').to_owned()))
        .collect()
}

#[test]
fn colour_pairs_have_enough_contrast() {
    let text = ["text", "muted", "link", "visited"];
    let text_backgrounds = ["bg", "surface", "code-bg", "thead-bg"];
    let graphics = ["border", "accent", "icon-on", "icon-off", "focus"];
    for (theme, marker) in
        [("light", "/* Candor"), ("dark", "prefers-color-scheme: dark"), ("print", "@media print")]
    {
        let colours = palette(marker);
        let colour = |name: &str| -> &str {
            &colours
                .iter()
                .find(|(k, _)| k == name)
                .unwrap_or_else(|| panic!("{theme}: no --{name}"))
                .1
        };
        for fg in text {
            for bg in text_backgrounds {
                let ratio = contrast(colour(fg), colour(bg));
                assert!(ratio >= 4.5, "{theme}: --{fg} on --{bg} is {ratio:.2}:1");
            }
        }
        for fg in graphics {
            for bg in ["bg", "surface"] {
                let ratio = contrast(colour(fg), colour(bg));
                assert!(ratio >= 3.0, "{theme}: --{fg} on --{bg} is {ratio:.2}:1");
            }
        }
        // The skip link is the page colours swapped.
        assert!(contrast(colour("bg"), colour("text")) >= 4.5);
    }
}

/// Undoes the escaping.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text between `open` (after its end) and the next `close`.
fn between<'h>(html: &'h str, open: &str, close: &str) -> Option<&'h str> {
    let start = html.find(open)? + open.len();
    let end = html[start..].find(close)? + start;
    Some(&html[start..end])
}

fn text_everywhere(text: &str) -> Document {
    let mut card = risk("r", text);
    card.sources.clear();
    Document {
        meta: Metadata { title: text.into(), ..Metadata::default() },
        blocks: vec![
            h(2, "h", text),
            p(vec![t(text)]),
            Block::Table {
                table: Table {
                    alignments: vec![],
                    header: vec![cell("x")],
                    rows: vec![vec![cell(text)]],
                },
                span: Span::default(),
            },
            p(vec![link("https://example.org/", vec![t(text)])]),
            Block::Risk { risk: Box::new(card), span: Span::default() },
        ],
        footnotes: vec![],
        taxonomy: None,
        cited: None,
    }
}

fn awkward_string() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '#', '$', '@', '<', '>', '\\', '*', '_', '`', '[', ']', '=', '/', '~', '&', '"', '\'', ' ',
        '\n', '{', '}', ';', 'é', '€', '\u{202e}',
    ]);
    // NUL is turned into U+FFFD on purpose (see `escape`), so it cannot come back literally.
    let any = any::<char>().prop_filter("NUL", |c| *c != '\0');
    prop::collection::vec(prop_oneof![special, any], 0..40).prop_map(String::from_iter)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_authors_text_comes_out_literally(text in awkward_string()) {
        let html = render(&text_everywhere(&text));
        let blank = text.trim().is_empty();
        // Same markup as for a harmless text: no `<` or `>` of the input survives unescaped.
        let plain = render(&text_everywhere(if blank { " " } else { "x" }));
        prop_assert_eq!(html.matches('<').count(), plain.matches('<').count());
        prop_assert_eq!(html.matches('>').count(), plain.matches('>').count());
        if !blank {
            let main = &html[html.find("<main").unwrap()..];
            for (found, what) in [
                (between(&html, "<title>", "</title>"), "title"),
                (between(&html, "<h1>", "</h1>"), "h1"),
                (between(main, "<h2 id=\"h\">", "</h2>"), "heading"),
                (between(main, "<p>", "</p>"), "paragraph"),
                (between(main, "<tbody>\n<tr><td>", "</td>"), "table cell"),
                (between(main, "<a href=\"https://example.org/\">", "</a>"), "link"),
                (between(main, "id=\"risk-r-title\">", "</h3>"), "risk title"),
            ] {
                prop_assert_eq!(found.map(unescape), Some(text.clone()), "{}", what);
            }
        }
    }
}
