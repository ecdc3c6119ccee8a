//! Accessibility checks that need no browser: the structure of a finished PDF (tagged,
//! structure tree, language, title, PDF/UA identification, figures' alternative text,
//! heading order, table headers, marked content), and two checks of the document itself —
//! paragraphs written in another language than the document's, and tables whose header
//! cells are empty. Publishing refuses a PDF with an `a11y/pdf-…` error; `candor check`
//! shows the document-level ones.

use candor_model::{Block, Diagnostic, Document, Span, plain_text};
use candor_pdf::{PdfStructure, pdf_structure};

/// The accessibility problems of a PDF meant to meet PDF/UA-1. Errors are what PDF/UA-1
/// forbids; an unreadable file is an error too.
pub fn check_pdf_accessibility(bytes: &[u8]) -> Vec<Diagnostic> {
    match pdf_structure(bytes) {
        Ok(structure) => pdf_diagnostics(&structure),
        Err(e) => vec![Diagnostic::error(
            "a11y/pdf-unreadable",
            Span::default(),
            format!("the PDF's accessibility structure cannot be read: {e}"),
        )],
    }
}

fn pdf_diagnostics(s: &PdfStructure) -> Vec<Diagnostic> {
    let at = Span::default();
    let mut out = Vec::new();
    if !s.tagged {
        out.push(
            Diagnostic::error(
                "a11y/pdf-untagged",
                at,
                "the PDF is not tagged (/MarkInfo /Marked is not true)",
            )
            .with_hint("export with PDF/UA-1 or tagged PDF"),
        );
    }
    if !s.has_struct_tree {
        out.push(Diagnostic::error(
            "a11y/pdf-no-structure-tree",
            at,
            "the PDF has no structure tree: screen readers cannot tell headings, lists and tables apart",
        ));
    }
    if s.lang.is_none() {
        out.push(
            Diagnostic::error("a11y/pdf-no-lang", at, "the PDF does not say its language (/Lang)")
                .with_hint("set `lang` in the front matter"),
        );
    }
    if s.title.is_none() {
        out.push(
            Diagnostic::error("a11y/pdf-no-title", at, "the PDF has no title")
                .with_hint("set `title` in the front matter"),
        );
    } else if !s.display_doc_title {
        out.push(Diagnostic::error(
            "a11y/pdf-title-not-shown",
            at,
            "viewers show the PDF's file name instead of its title (/DisplayDocTitle is not true)",
        ));
    }
    if s.pdfua_part.is_none() {
        out.push(Diagnostic::error(
            "a11y/pdf-no-pdfua-id",
            at,
            "the PDF does not identify itself as PDF/UA (no pdfuaid:part in its XMP metadata)",
        ));
    }
    if s.figures_without_alt > 0 {
        out.push(
            Diagnostic::error(
                "a11y/pdf-figure-without-alt",
                at,
                format!(
                    "{} of {} figures in the PDF have no alternative text",
                    s.figures_without_alt,
                    s.figures_without_alt + s.figures_with_alt
                ),
            )
            .with_hint("describe every picture: ![what it shows](picture.png)"),
        );
    }
    if let Some((index, from, to)) = s.heading_jump() {
        out.push(
            Diagnostic::error(
                "a11y/pdf-heading-order",
                at,
                format!("heading {} of the PDF jumps from level {from} to level {to}", index + 1),
            )
            .with_hint("go down one heading level at a time (## then ###)"),
        );
    }
    if s.tables_without_headers > 0 {
        out.push(Diagnostic::warning(
            "a11y/pdf-table-without-headers",
            at,
            format!("{} table(s) in the PDF have no header cells (TH)", s.tables_without_headers),
        ));
    }
    let unmarked = s.pages_with_content.saturating_sub(s.pages_marked);
    if s.has_struct_tree && unmarked > 0 {
        out.push(Diagnostic::error(
            "a11y/pdf-unmarked-content",
            at,
            format!(
                "{unmarked} of {} pages with content mark none of it for the structure tree (no BDC with an MCID)",
                s.pages_with_content
            ),
        ));
    }
    if s.truncated {
        out.push(Diagnostic::warning(
            "a11y/pdf-partly-checked",
            at,
            "the PDF's structure is too large or too deep to check completely",
        ));
    }
    out
}

/// Accessibility problems of the document itself, found without rendering it: paragraphs
/// in another language than the document's (`a11y/lang-of-part`) and tables whose header
/// cells are empty (`a11y/empty-table-header`).
pub fn check_document_accessibility(document: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let lang = document.meta.lang.language().to_ascii_lowercase();
    let lang = LANGUAGES.iter().find(|(code, _, _)| *code == lang).map(|(code, _, _)| *code);
    let mut stack: Vec<&Block> = document.blocks.iter().rev().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Paragraph { content, span } => {
                if let Some(doc) = lang {
                    lang_of_part(doc, &plain_text(content), *span, &mut out);
                }
            }
            Block::Html { html, span } => {
                if let Some(doc) = lang
                    && !html.sanitized.contains(" lang=\"")
                {
                    lang_of_part(doc, &html.text, *span, &mut out);
                }
            }
            Block::BlockQuote { blocks, .. } => stack.extend(blocks.iter().rev()),
            Block::List { items, .. } => {
                for item in items.iter().rev() {
                    stack.extend(item.blocks.iter().rev());
                }
            }
            Block::Table { table, span } => {
                let empty = table
                    .header
                    .iter()
                    .filter(|c| plain_text(&c.content).trim().is_empty())
                    .count();
                if empty > 0 {
                    out.push(
                        Diagnostic::warning(
                            "a11y/empty-table-header",
                            *span,
                            format!(
                                "{empty} of the table's {} header cells are empty: screen readers announce the column without a name",
                                table.header.len()
                            ),
                        )
                        .with_hint("give every column a short name in the header row"),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

/// The fewest words a paragraph needs before its language is guessed.
const MIN_WORDS: usize = 12;

fn lang_of_part(doc: &str, text: &str, span: Span, out: &mut Vec<Diagnostic>) {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS {
        return;
    }
    let Some(other) = guess_language(&words).filter(|l| *l != doc) else { return };
    let name = |code: &str| {
        LANGUAGES.iter().find(|(c, _, _)| *c == code).map_or("another language", |(_, n, _)| *n)
    };
    out.push(
        Diagnostic::warning(
            "a11y/lang-of-part",
            span,
            format!(
                "this paragraph reads as {}, but the document's language is {}: screen readers would read it with the wrong pronunciation",
                name(other),
                name(doc)
            ),
        )
        .with_hint(format!(
            "mark it as {}: put it in <div lang=\"{other}\">…</div> (a paragraph of its own, blank lines around it)",
            name(other)
        )),
    );
}

/// The language whose common function words clearly dominate `words`, if one does.
fn guess_language(words: &[String]) -> Option<&'static str> {
    let mut scores: Vec<(&'static str, f64)> = LANGUAGES
        .iter()
        .map(|(code, _, stop)| {
            let score: f64 = words
                .iter()
                .filter(|w| stop.contains(&w.as_str()))
                .map(|w| 1.0 / shared_by(w) as f64)
                .sum();
            (*code, score)
        })
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, top) = scores[0];
    let second = scores[1].1;
    let enough = top >= 3.0 && top >= words.len() as f64 * 0.12;
    (enough && top >= 2.0 * second).then_some(best)
}

/// In how many of the languages' lists a word appears (at least 1).
fn shared_by(word: &str) -> usize {
    LANGUAGES.iter().filter(|(_, _, stop)| stop.contains(&word)).count().max(1)
}

/// The languages told apart, their English names and their most frequent function words.
const LANGUAGES: &[(&str, &str, &[&str])] = &[
    (
        "en",
        "English",
        &[
            "the", "and", "of", "to", "a", "in", "is", "it", "that", "for", "you", "with", "on",
            "are", "this", "be", "as", "not", "or", "was", "by", "from", "they", "we", "have",
            "has", "what", "which", "can", "will", "your", "if", "an", "at", "but", "their",
            "there", "when", "who", "would", "should", "been", "these", "than", "its", "our",
        ],
    ),
    (
        "de",
        "German",
        &[
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "einem", "zu",
            "den", "dem", "des", "mit", "sich", "auf", "für", "sie", "es", "von", "auch", "wird",
            "werden", "sind", "bei", "nach", "wie", "oder", "aber", "wenn", "kann", "noch", "nur",
            "ich", "wir", "ihr", "sein", "hat", "haben", "im", "zum", "zur", "über", "durch",
            "dass", "diese", "dieser", "keine", "wo",
        ],
    ),
    (
        "fr",
        "French",
        &[
            "le", "la", "les", "et", "des", "un", "une", "est", "du", "que", "qui", "pour", "dans",
            "ne", "pas", "sur", "au", "aux", "avec", "il", "elle", "ce", "cette", "ces", "sont",
            "par", "plus", "ou", "vous", "nous", "se", "son", "sa", "ses", "mais", "leur", "être",
            "été", "peut", "l", "d", "qu", "n", "c", "s", "j", "à", "où", "comme",
        ],
    ),
    (
        "es",
        "Spanish",
        &[
            "el", "la", "los", "las", "y", "es", "un", "una", "que", "del", "por", "para", "con",
            "no", "se", "su", "sus", "lo", "al", "como", "más", "pero", "está", "son", "este",
            "esta", "estos", "ser", "ha", "han", "muy", "también", "cuando", "usted", "puede",
            "sobre", "entre", "sin", "hay", "o", "de", "en",
        ],
    ),
    (
        "it",
        "Italian",
        &[
            "il", "lo", "la", "gli", "le", "e", "è", "di", "che", "un", "una", "per", "non", "con",
            "del", "della", "dei", "delle", "al", "alla", "sono", "si", "come", "anche", "ma",
            "più", "questo", "questa", "nel", "nella", "da", "dal", "ha", "hanno", "essere", "può",
            "quando", "suo", "sua", "o", "in",
        ],
    ),
    (
        "nl",
        "Dutch",
        &[
            "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor",
            "met", "die", "er", "aan", "ook", "als", "maar", "bij", "om", "naar", "uit", "wordt",
            "worden", "kan", "dan", "wat", "hij", "zij", "wij", "u", "uw", "geen", "nog", "deze",
            "dit", "heeft", "hebben", "of", "in",
        ],
    ),
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn doc(lang: &str, body: &str) -> Document {
        let text = format!("---\ntitle: T\nlang: {lang}\n---\n\n{body}\n");
        candor_import::parse_companion(&text).value
    }

    fn codes(d: &[Diagnostic]) -> Vec<&str> {
        d.iter().map(|d| d.code.as_str()).collect()
    }

    const EN: &str = "The model can make mistakes, and you should check what it tells you before you rely on it for anything important.";
    const DE: &str = "Das Modell kann Fehler machen, und Sie sollten prüfen, was es Ihnen sagt, bevor Sie sich bei wichtigen Dingen auf die Antwort verlassen.";
    const FR: &str = "Le modèle peut faire des erreurs et vous devez vérifier ce qu'il vous dit avant de vous fier à sa réponse pour une chose importante.";

    #[test]
    fn a_paragraph_in_another_language_is_found_in_en_de_and_fr() {
        for (lang, same, other, expected) in [
            ("en", EN, DE, "German"),
            ("en", EN, FR, "French"),
            ("de", DE, EN, "English"),
            ("de", DE, FR, "French"),
            ("fr", FR, EN, "English"),
            ("fr", FR, DE, "German"),
        ] {
            let d = check_document_accessibility(&doc(lang, &format!("{same}\n\n{other}")));
            assert_eq!(codes(&d), ["a11y/lang-of-part"], "{lang}: {d:?}");
            assert!(d[0].message.contains(expected), "{}", d[0].message);
            assert!(d[0].hints[0].contains("<div lang="), "{:?}", d[0].hints);
        }
    }

    #[test]
    fn short_marked_or_unsupported_paragraphs_are_left_alone() {
        // Short: a German phrase is fine.
        assert!(
            check_document_accessibility(&doc("en", "Sie sollten das prüfen, bitte.")).is_empty()
        );
        // Marked with <div lang>: the sanitiser keeps the attribute, the check is satisfied.
        let marked = doc("en", &format!("{EN}\n\n<div lang=\"de\">{DE}</div>"));
        assert!(
            matches!(&marked.blocks[1], Block::Html { html, .. } if html.sanitized.contains("lang=\"de\""))
        );
        assert!(check_document_accessibility(&marked).is_empty());
        // The same HTML without lang is checked like a paragraph.
        let unmarked = doc("en", &format!("<div>{DE}</div>"));
        assert_eq!(codes(&check_document_accessibility(&unmarked)), ["a11y/lang-of-part"]);
        // A document language without a word list is not guessed against.
        assert!(check_document_accessibility(&doc("pt", DE)).is_empty());
        // Lists and quotes are looked into.
        let quoted = doc("en", &format!("> {DE}\n\n- {FR}"));
        assert_eq!(codes(&check_document_accessibility(&quoted)).len(), 2);
    }

    #[test]
    fn empty_table_header_cells_are_reported() {
        let d = doc("en", "|   | Before | After |\n|---|---|---|\n| Errors | 3 | 1 |\n");
        let found = check_document_accessibility(&d);
        assert_eq!(codes(&found), ["a11y/empty-table-header"]);
        assert!(found[0].message.starts_with("1 of the table's 3"), "{}", found[0].message);
        let d = doc("en", "| What | Before |\n|---|---|\n| Errors | 3 |\n");
        assert!(check_document_accessibility(&d).is_empty());
    }

    #[test]
    fn an_untagged_or_unreadable_pdf_fails() {
        let untagged = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
        let found = check_pdf_accessibility(untagged);
        let c = codes(&found);
        for code in [
            "a11y/pdf-untagged",
            "a11y/pdf-no-structure-tree",
            "a11y/pdf-no-lang",
            "a11y/pdf-no-title",
        ] {
            assert!(c.contains(&code), "{code} missing: {c:?}");
        }
        assert_eq!(
            codes(&check_pdf_accessibility(b"%PDF-1.7\n1 0 obj <<")),
            ["a11y/pdf-unreadable"]
        );
    }

    #[test]
    fn a_ua1_export_passes_the_built_in_checks() {
        let document = doc(
            "de",
            "# Überblick\n\nDas ist ein kurzer Text.\n\n## Tabelle\n\n| Was | Wert |\n|---|---|\n| A | 1 |\n",
        );
        let pdf = candor_render::export_pdf(
            &document,
            &Default::default(),
            candor_render::PdfStandard::Ua1,
        )
        .unwrap()
        .value
        .unwrap();
        let found = check_pdf_accessibility(&pdf);
        assert!(found.is_empty(), "{found:?}");
        let s = pdf_structure(&pdf).unwrap();
        assert_eq!(s.lang.as_deref(), Some("de"));
        assert_eq!(s.title.as_deref(), Some("T"));
        assert_eq!(s.pdfua_part, Some(1));
        assert!(!s.headings.is_empty() && s.tables_with_headers == 1, "{s:?}");
        assert_eq!(s.pages_marked, s.pages_with_content);
    }
}
