//! The document's structure: heading levels, image descriptions and link texts.

use candor_model::{Block, Diagnostic, Document, Fix, Inline, LinkTarget, Span, plain_text};

use super::Rule;
use crate::Language;

/// Descriptions that describe nothing (compared in lower case, without a trailing number).
#[rustfmt::skip]
const EMPTY_ALT: &[&str] = &[
    "image", "picture", "graph", "figure", "chart", "photo", "photograph", "img", "screenshot",
    "diagram", "icon", "illustration", "graphic", "bild", "grafik", "abbildung", "foto", "diagramm",
    "schaubild", "tabelle", "abb", "graphique", "schéma", "capture d'écran", "tableau", "diagramme",
    "table", "visual", "visuel",
];
/// Link texts that do not say where a link goes.
#[rustfmt::skip]
const VAGUE_LINKS: &[&str] = &[
    "here", "click here", "click", "this link", "link", "read more", "more", "learn more",
    "more info", "more information", "see here", "this page", "this", "go", "details", "continue",
    "hier", "hier klicken", "klicken sie hier", "mehr", "weiterlesen", "weiter", "diesen link",
    "mehr erfahren", "mehr lesen", "hier entlang", "über diesen link", "dieser link", "ici",
    "cliquez ici", "cliquer ici", "en savoir plus", "lien", "plus", "ce lien", "cette page",
    "lire la suite", "là", "c'est ici", "sur ce lien", "voir ici", "suite",
];

pub(super) fn check(doc: &Document, source: &str, language: Option<Language>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut previous: Option<u8> = None;
    let mut blocks: Vec<&Block> = Vec::new();
    flatten(&doc.blocks, &mut blocks);
    for footnote in &doc.footnotes {
        flatten(&footnote.blocks, &mut blocks);
    }
    for block in blocks {
        match block {
            Block::Heading { level, span, content, .. } => {
                heading_jump(*level, previous, *span, source, &mut out);
                previous = Some(*level);
                inlines(content, language, &mut out);
            }
            Block::Paragraph { content, .. } => inlines(content, language, &mut out),
            Block::Table { table, .. } => {
                for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                    inlines(&cell.content, language, &mut out);
                }
            }
            _ => {}
        }
    }
    out
}

/// Blocks in reading order, lists and quotations opened.
fn flatten<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
    for block in blocks {
        match block {
            Block::List { items, .. } => {
                for item in items {
                    flatten(&item.blocks, out);
                }
            }
            Block::BlockQuote { blocks, .. } => flatten(blocks, out),
            other => out.push(other),
        }
    }
}

fn heading_jump(
    level: u8,
    previous: Option<u8>,
    span: Span,
    source: &str,
    out: &mut Vec<Diagnostic>,
) {
    let allowed = previous.map_or(2, |p| p + 1);
    if level <= allowed {
        return;
    }
    let message = match previous {
        Some(p) => format!(
            "This heading is at level {level} right after a level-{p} heading; level {} is missing from the outline.",
            p + 1
        ),
        None => {
            format!("The first heading is at level {level}; start the outline at level 1 or 2.")
        }
    };
    let mut d = Diagnostic::new(Rule::HeadingJump.severity(), Rule::HeadingJump.code(), span, message)
        .with_hint("Screen readers and the table of contents use headings as an outline; give this one the next level.");
    // An ATX heading ("#### Title") can be fixed by changing its marker.
    let text = source.get(span.start..span.end).unwrap_or("");
    let hashes = text.chars().take_while(|&c| c == '#').count();
    if hashes == usize::from(level) {
        let marker = "#".repeat(usize::from(allowed));
        d = d.with_fix(Fix {
            label: format!("Make it a level-{allowed} heading"),
            span: Span::new(span.start, span.start + hashes),
            replacement: marker,
        });
    }
    out.push(d);
}

fn inlines(content: &[Inline], language: Option<Language>, out: &mut Vec<Diagnostic>) {
    let mut stack = vec![content.iter()];
    while let Some(top) = stack.last_mut() {
        let Some(inline) = top.next() else {
            stack.pop();
            continue;
        };
        match inline {
            Inline::Image { image } => {
                if let Some(problem) = alt_problem(&image.alt, &image.src) {
                    out.push(
                        Diagnostic::new(Rule::MissingAltText.severity(), Rule::MissingAltText.code(), image.span, problem)
                            .with_hint(match language {
                                Some(Language::De) => "Beschreiben Sie, was das Bild zeigt und warum es wichtig ist: ![Balkendiagramm: schädliche Antworten sanken von 12 auf 3 von 100](…)",
                                Some(Language::Fr) => "Décrivez ce que montre l'image et pourquoi elle compte : ![Graphique : les réponses nuisibles passent de 12 à 3 sur 100](…)",
                                _ => "Say what the image shows and why it matters: ![Bar chart: harmful answers fell from 12 to 3 in 100](…)",
                            }),
                    );
                }
            }
            Inline::Link { target, content, span, .. } => {
                if let LinkTarget::Url { url } = target
                    && !url.starts_with('#')
                {
                    link_text(content, *span, language, out);
                }
                stack.push(content.iter());
            }
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content } => {
                stack.push(content.iter());
            }
            _ => {}
        }
    }
}

fn alt_problem(alt: &str, src: &str) -> Option<String> {
    let alt = alt.trim();
    if alt.is_empty() {
        return Some(
            "This image has no description, so people who cannot see it miss what it shows."
                .to_owned(),
        );
    }
    let lower = alt.to_lowercase();
    let file = src.rsplit('/').next().unwrap_or(src).to_lowercase();
    let looks_like_file = lower == file
        || [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".tif", ".tiff"]
            .iter()
            .any(|e| lower.ends_with(e));
    // "Figure 3", "Abbildung 2:": a word for "image" and a number say nothing.
    let words: String = lower
        .trim_end_matches(|c: char| {
            c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | ':' | '-')
        })
        .to_owned();
    if looks_like_file || EMPTY_ALT.contains(&words.as_str()) {
        return Some(format!("The description “{alt}” does not say what the image shows."));
    }
    None
}

fn link_text(
    content: &[Inline],
    span: Span,
    language: Option<Language>,
    out: &mut Vec<Diagnostic>,
) {
    let text = plain_text(content);
    let trimmed = text
        .trim()
        .trim_end_matches(['.', ':', '!', '…', '»', '›'])
        .trim_start_matches(['«', '‹'])
        .trim();
    let lower = trimmed.to_lowercase();
    let address = lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || looks_like_domain(&lower);
    if !(address || VAGUE_LINKS.contains(&lower.as_str())) {
        return;
    }
    let message = if address {
        format!(
            "The link text is a web address (“{trimmed}”); readers cannot tell what they will find there."
        )
    } else {
        format!("The link text “{trimmed}” does not say where the link goes.")
    };
    out.push(
        Diagnostic::new(Rule::LinkText.severity(), Rule::LinkText.code(), span, message).with_hint(
            match language {
                Some(Language::De) => {
                    "Nennen Sie das Ziel: „[den vollständigen Modellbericht](…) lesen“."
                }
                Some(Language::Fr) => {
                    "Nommez la destination : « lire [le rapport complet sur le modèle](…) »."
                }
                _ => "Name the destination: “read [the full model report](…)”.",
            },
        ),
    );
}

/// "example.org/report": a host with a dot and a known top-level domain, no spaces.
fn looks_like_domain(text: &str) -> bool {
    if text.contains(' ') || text.contains('@') {
        return false;
    }
    let host = text.split('/').next().unwrap_or("");
    let tld = host.rsplit('.').next().unwrap_or("");
    host.contains('.')
        && [
            "org", "com", "net", "eu", "de", "fr", "uk", "io", "ai", "gov", "int", "edu", "info",
            "be", "at", "ch", "nl", "it", "es",
        ]
        .contains(&tld)
}
