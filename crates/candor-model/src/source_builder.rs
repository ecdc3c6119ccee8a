//! Builds a [`SourceContent`] in reading order and gives every section, passage and table
//! a stable id. All importers go through it, so ids follow one scheme for every format.

use std::collections::{HashMap, HashSet};

use crate::{Bom, Passage, PassageKind, Section, SourceContent, SourceMetadata, SourceTable};

/// Longest slug used in a section id.
const MAX_SLUG: usize = 48;

/// Builds a source's content in reading order; see the module documentation.
#[derive(Debug, Default)]
pub struct SourceBuilder {
    content: SourceContent,
    /// Open sections, outermost first: (level, index).
    open: Vec<(u8, usize)>,
    /// Passages and tables counted per section (`None`: before the first section).
    passage_counts: HashMap<Option<usize>, u32>,
    table_counts: HashMap<Option<usize>, u32>,
    ids: HashSet<String>,
}

impl SourceBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn metadata(&mut self) -> &mut SourceMetadata {
        &mut self.content.metadata
    }

    pub fn set_pages(&mut self, pages: u32) {
        self.content.pages = Some(pages);
    }

    pub fn set_bom(&mut self, bom: Bom) {
        self.content.bom = Some(bom);
    }

    /// The section passages are currently added to.
    pub fn current_section(&self) -> Option<usize> {
        self.open.last().map(|&(_, index)| index)
    }

    /// Opens a section at `level` (1 = top). A numbering such as "7.3.2" at the start of
    /// `title` is split off unless `number` is given. Returns the section's index.
    pub fn section(
        &mut self,
        level: u8,
        number: Option<String>,
        title: &str,
        page: Option<u32>,
    ) -> usize {
        let (number, title) = match number {
            Some(n) => (Some(n), collapse_whitespace(title)),
            None => split_numbering(&collapse_whitespace(title)),
        };
        let level = level.max(1);
        while self.open.last().is_some_and(|&(l, _)| l >= level) {
            self.open.pop();
        }
        let parent = self.current_section();
        let base = match &number {
            Some(n) => format!("sec-{}", slug(n)),
            None => format!("sec-{}", slug(&title)),
        };
        let base = if base == "sec-" { "sec".to_owned() } else { base };
        let id = self.unique(base);
        let index = self.content.sections.len();
        self.content.sections.push(Section { id, level, number, title, parent, page });
        self.open.push((level, index));
        index
    }

    /// Adds a passage to the current section; blank text is skipped. Returns its id.
    pub fn passage(&mut self, kind: PassageKind, text: &str, page: Option<u32>) -> Option<String> {
        let text = collapse_whitespace(text);
        if text.is_empty() {
            return None;
        }
        let section = self.current_section();
        let count = self.passage_counts.entry(section).or_insert(0);
        *count += 1;
        let base = match section {
            Some(s) => format!("{}-p{count}", self.content.sections[s].id),
            None => format!("p{count}"),
        };
        let id = self.unique(base);
        self.content.passages.push(Passage { id: id.clone(), kind, section, text, page });
        Some(id)
    }

    /// Adds a table, with a passage holding its text (cells by ` | `, rows by `; `).
    pub fn table(
        &mut self,
        caption: Option<String>,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        page: Option<u32>,
    ) -> Option<String> {
        let clean = |cells: Vec<String>| -> Vec<String> {
            cells.into_iter().map(|c| collapse_whitespace(&c)).collect()
        };
        let header = clean(header);
        let rows: Vec<Vec<String>> = rows.into_iter().map(clean).collect();
        let mut lines: Vec<String> = Vec::new();
        if let Some(c) = &caption {
            lines.push(collapse_whitespace(c));
        }
        for row in std::iter::once(&header).chain(&rows) {
            if row.iter().any(|c| !c.is_empty()) {
                lines.push(row.join(" | "));
            }
        }
        let passage = self.passage(PassageKind::Table, &lines.join("; "), page)?;
        let section = self.current_section();
        let count = self.table_counts.entry(section).or_insert(0);
        *count += 1;
        let base = match section {
            Some(s) => format!("{}-t{count}", self.content.sections[s].id),
            None => format!("t{count}"),
        };
        let id = self.unique(base);
        self.content.tables.push(SourceTable {
            id: id.clone(),
            passage,
            caption,
            header,
            rows,
            page,
        });
        Some(id)
    }

    /// The finished content (facts are extracted afterwards, by the importer).
    pub fn finish(self) -> SourceContent {
        self.content
    }

    fn unique(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// "7.3.2 Risk estimates" -> ("7.3.2", "Risk estimates"); "2. Uses" -> ("2", "Uses").
pub fn split_numbering(title: &str) -> (Option<String>, String) {
    let trimmed = title.trim_start();
    let end = trimmed
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(trimmed.len(), |(i, _)| i);
    let candidate = &trimmed[..end];
    let rest = &trimmed[end..];
    let looks_numbered = candidate.starts_with(|c: char| c.is_ascii_digit())
        && !candidate.contains("..")
        && candidate.trim_end_matches('.').split('.').all(|p| (1..=3).contains(&p.len()))
        && rest.starts_with(char::is_whitespace)
        && !rest.trim().is_empty();
    if looks_numbered {
        (Some(candidate.trim_end_matches('.').to_owned()), rest.trim().to_owned())
    } else {
        (None, title.trim().to_owned())
    }
}

/// Lowercase ASCII letters and digits joined by single hyphens ("Model Card v1.0" ->
/// "model-card-v1-0"); other letters are kept lowercase, at most [`MAX_SLUG`] bytes.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut hyphen = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if hyphen && !out.is_empty() {
                out.push('-');
            }
            hyphen = false;
            if out.len() + c.len_utf8() > MAX_SLUG {
                break;
            }
            out.push(c);
        } else {
            hyphen = true;
        }
    }
    out
}

/// The digit or sign a superscript character stands for ("²" is '2', "⁻" is '-'), as in
/// exponents written "10²⁵"; `None` for any other character.
pub fn from_superscript(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        '⁻' => '-',
        '⁺' => '+',
        _ => return None,
    })
}

/// Runs of white space (line breaks included) as single spaces, trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_numbering_and_stay_unique() {
        let mut b = SourceBuilder::new();
        b.passage(PassageKind::Paragraph, "Before any section.", None);
        b.section(1, None, "7 Risks", Some(3));
        b.section(2, None, "7.3 Estimates", Some(4));
        b.passage(PassageKind::Paragraph, "  first\n paragraph ", Some(4));
        b.passage(PassageKind::Paragraph, "", Some(4));
        b.table(None, vec!["A".into(), "B".into()], vec![vec!["1".into(), "2".into()]], Some(4));
        b.section(2, None, "Estimates", None);
        b.section(2, None, "Estimates", None);
        let content = b.finish();
        let ids: Vec<_> = content.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["sec-7", "sec-7-3", "sec-estimates", "sec-estimates-2"]);
        assert_eq!(content.sections[1].parent, Some(0));
        assert_eq!(content.sections[1].number.as_deref(), Some("7.3"));
        assert_eq!(content.sections[1].title, "Estimates");
        let passages: Vec<_> = content.passages.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(passages, ["p1", "sec-7-3-p1", "sec-7-3-p2"]);
        assert_eq!(content.passages[1].text, "first paragraph");
        assert_eq!(content.tables[0].id, "sec-7-3-t1");
        assert_eq!(content.passages[2].text, "A | B; 1 | 2");
    }

    #[test]
    fn numbering_is_split_only_when_it_is_one() {
        assert_eq!(split_numbering("2. Uses"), (Some("2".into()), "Uses".into()));
        assert_eq!(split_numbering("2024 was a year"), (None, "2024 was a year".into()));
        assert_eq!(split_numbering("3.8B parameters"), (None, "3.8B parameters".into()));
        assert_eq!(split_numbering("10.1.2 Data"), (Some("10.1.2".into()), "Data".into()));
        assert_eq!(split_numbering("1.5"), (None, "1.5".into()));
    }
}
