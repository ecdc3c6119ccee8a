//! The review sheet: a document's Markdown text with line numbers and the review comments
//! listed after it, as a tagged PDF for reviewers who do not use Candor.

use std::fmt::Write;

use typst::foundations::{Datetime, Smart};
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

use super::code::{opt_lit, push_str_lit, str_lit};
use super::world::MemoryWorld;
use super::{RenderError, compile, typst_failure};

const TEMPLATE: &str = include_str!("../../../../templates/review/review.typ");
const TEMPLATE_PATH: &str = "/review.typ";

/// Everything the sheet shows, in words ready to print.
#[derive(Debug, Clone, Default)]
pub struct ReviewSheet {
    pub title: String,
    /// BCP 47 primary language of the labels and text (`en`).
    pub lang: String,
    /// Lines under the title: document, version, date, status.
    pub details: Vec<String>,
    pub footer: String,
    /// The source text, one entry per line.
    pub lines: Vec<String>,
    /// For each line (0-based), the comment marks placed on it ("[1] [3]").
    pub marks: Vec<(usize, String)>,
    pub comments: Vec<SheetComment>,
    /// (year, month, day) of the sheet, for the PDF's date; `None` leaves it out.
    pub date: Option<(i32, u8, u8)>,
}

/// One comment as listed after the text.
#[derive(Debug, Clone, Default)]
pub struct SheetComment {
    /// "[3]".
    pub mark: String,
    pub author: String,
    /// "line 12, 2 May 2026".
    pub place: String,
    pub quote: Option<String>,
    pub body: Option<String>,
    /// "Suggests instead: …".
    pub suggestion: Option<String>,
    /// "Resolved", "Accepted", "The words are no longer in the text".
    pub state: Option<String>,
    /// "Ana Ruiz: Which lab?".
    pub replies: Vec<String>,
}

/// Typesets the sheet into a tagged PDF.
pub fn review_sheet_pdf(sheet: &ReviewSheet) -> Result<Vec<u8>, RenderError> {
    let today = sheet.date.and_then(|(y, m, d)| Datetime::from_ymd(y, m, d));
    let mut main = String::new();
    let _ = writeln!(main, "#import {}: *", str_lit(TEMPLATE_PATH.trim_start_matches('/')));
    main.push_str("#sheet((\n  title: ");
    push_str_lit(&mut main, &sheet.title);
    let _ = write!(
        main,
        ",\n  lang: {}",
        str_lit(if sheet.lang.is_empty() { "en" } else { &sheet.lang })
    );
    main.push_str(",\n  date: ");
    match sheet.date {
        Some((y, m, d)) => {
            let _ = write!(main, "datetime(year: {y}, month: {m}, day: {d})");
        }
        None => main.push_str("none"),
    }
    main.push_str(",\n  details: (");
    for d in &sheet.details {
        push_str_lit(&mut main, d);
        main.push_str(", ");
    }
    let _ = write!(
        main,
        "),\n  footer: {},\n  page-label: \"Page {{n}} of {{total}}\",\n  text-heading: \"The text\",\n  comments-heading: \"Comments\",\n  no-comments: \"There are no comments.\",\n  line-label: \"Line\",\n  marks-label: \"Notes\",\n  source-label: \"Text as written\",\n), (",
        str_lit(&sheet.footer)
    );
    for (i, line) in sheet.lines.iter().enumerate() {
        let marks = sheet.marks.iter().find(|(l, _)| *l == i).map_or("", |(_, m)| m.as_str());
        // An empty line still needs a cell; a space keeps the row.
        let text = if line.is_empty() { " " } else { line.as_str() };
        let _ = write!(
            main,
            "(number: {}, marks: {}, text: {}), ",
            str_lit(&(i + 1).to_string()),
            str_lit(marks),
            str_lit(text)
        );
    }
    main.push_str("), (");
    for c in &sheet.comments {
        let _ = write!(
            main,
            "(mark: {}, author: {}, place: {}, quote: {}, body: {}, suggestion: {}, state: {}, replies: (",
            str_lit(&c.mark),
            str_lit(&c.author),
            str_lit(&c.place),
            opt_lit(c.quote.as_deref()),
            opt_lit(c.body.as_deref()),
            opt_lit(c.suggestion.as_deref()),
            opt_lit(c.state.as_deref())
        );
        for r in &c.replies {
            push_str_lit(&mut main, r);
            main.push_str(", ");
        }
        main.push_str(")), ");
    }
    main.push_str("))\n");
    let mut world = MemoryWorld::new(main, today);
    world.add_source(TEMPLATE_PATH, TEMPLATE.to_owned());
    let paged = compile(&world)?;
    let options = PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some(format!("Candor {}", env!("CARGO_PKG_VERSION")))),
        timestamp: today.map(Timestamp::new_utc),
        page_ranges: None,
        standards: PdfStandards::default(),
        tagged: true,
        pretty: false,
    };
    typst_pdf::pdf(&paged, &options).map_err(|e| typst_failure(&world, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_with_comments_and_odd_text_typesets() {
        let sheet = ReviewSheet {
            title: "Review: \"Risks\" #1 $x$".into(),
            lang: "en".into(),
            details: vec!["Version 3".into()],
            footer: "Example".into(),
            lines: vec!["# Risks".into(), String::new(), "Text with *stars* and #hash".into()],
            marks: vec![(2, "[1]".into())],
            comments: vec![SheetComment {
                mark: "[1]".into(),
                author: "Ana Ruiz (Legal)".into(),
                place: "line 3".into(),
                quote: Some("“stars”".into()),
                body: Some("Why #hash? ]) }".into()),
                suggestion: Some("Suggests instead: plain words".into()),
                state: None,
                replies: vec!["Sam: fixed".into()],
            }],
            date: Some((2026, 5, 2)),
        };
        let pdf = review_sheet_pdf(&sheet).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(review_sheet_pdf(&sheet).unwrap(), pdf, "deterministic");
        let empty = review_sheet_pdf(&ReviewSheet::default()).unwrap();
        assert!(empty.starts_with(b"%PDF-"));
    }
}
