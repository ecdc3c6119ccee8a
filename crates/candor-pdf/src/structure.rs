//! From lines in reading order to the outline a reader navigates: running headers and
//! footers dropped, lines joined into paragraphs and list items, headings found by size
//! (relative to the body text) and by numbering.

use std::collections::{HashMap, HashSet};

use candor_model::{PassageKind, SourceBuilder, split_numbering};

use crate::layout::Line;

/// A page's lines in reading order.
#[derive(Debug)]
pub(crate) struct PageLines {
    /// 1-based.
    pub number: u32,
    pub height: f32,
    pub lines: Vec<Line>,
}

/// Share of the page height at the top and at the bottom where running headers, footers
/// and page numbers are looked for.
const MARGIN: f32 = 0.12;
/// A heading's size is at least this many times the body size (or it has a numbering).
const HEADING_RATIO: f32 = 1.15;
/// Longest heading, in words.
const HEADING_WORDS: usize = 16;
const BULLETS: &[char] = &[
    '•', '●', '○', '◦', '▪', '▫', '■', '□', '‣', '⁃', '∙', '·', '–', '—', '-', '*', '➢', '►', '✓',
    '✔',
];

/// What a block of lines is.
#[derive(Debug, Clone, PartialEq)]
enum BlockKind {
    Heading { level: u8, number: Option<String> },
    Passage(PassageKind),
}

#[derive(Debug, Clone)]
struct Block {
    kind: BlockKind,
    lines: Vec<String>,
    page: u32,
    size: f32,
    x0: f32,
    /// Baseline of the first line.
    first_y: f32,
    /// Left and right edge and baseline of the last line.
    last_x0: f32,
    last_x1: f32,
    last_y: f32,
    /// Whether the block began with a list marker.
    bullet: bool,
    /// Whether the block began with a numbering ("7.3", "2.").
    numbered: bool,
    /// On a table-of-contents page.
    toc: bool,
    /// Written in capitals ("STEP 1: PREPARE DATA").
    caps: bool,
}

/// The document's structure, built into `builder`. Returns the title found on page 1
/// (its largest text), if any.
pub(crate) fn build(pages: &[PageLines], builder: &mut SourceBuilder) -> Option<String> {
    let body = body_size(pages);
    let pages = strip_running_lines(pages);
    let hyphenated = hyphenated_words(&pages);
    let mut blocks = Vec::new();
    let max_leading = (leading(&pages) * 1.3).max(1.45);
    for (number, height, lines) in &pages {
        blocks.extend(blocks_of_page(*number, *height, lines, body, max_leading, &hyphenated));
    }
    let blocks = join_across_pages(blocks, &hyphenated);
    let title = title_block(&blocks, body);
    let title_index = title.as_ref().map(|t| t.0);
    let title_page = title_index.and_then(|i| blocks.get(i)).map_or(1, |b| b.page);
    // A cover: the title's page with little body text. Its other large text is not headings.
    let body_lines = |page: u32| {
        blocks
            .iter()
            .filter(|b| b.page == page && (b.size - body).abs() < 0.1 * body)
            .map(|b| b.lines.len())
            .sum::<usize>()
    };
    let cover = title.as_ref().map(|_| title_page).filter(|&p| body_lines(p) < 5);
    let mut blocks: Vec<Block> = blocks
        .into_iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != title_index)
        .map(|(_, b)| b)
        .collect();
    blocks.retain(|b| {
        b.size < 2.5 * body || b.lines.iter().any(|l| l.chars().any(char::is_alphabetic))
    });
    classify(&mut blocks, body, cover);
    for block in &blocks {
        let text = block.lines.join(" ");
        match &block.kind {
            BlockKind::Heading { level, number } => {
                let title = match number {
                    Some(n) => {
                        split_numbering(&text).1.trim_start_matches(n.as_str()).trim().to_owned()
                    }
                    None => text.clone(),
                };
                builder.section(*level, number.clone(), &title, Some(block.page));
            }
            BlockKind::Passage(kind) => {
                builder.passage(*kind, &text, Some(block.page));
            }
        }
    }
    title.map(|t| t.1)
}

/// The most common font size, counted by characters.
fn body_size(pages: &[PageLines]) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for line in pages.iter().flat_map(|p| &p.lines).filter(|l| !l.rotated) {
        *counts.entry((line.size * 2.0).round() as i32).or_insert(0) += line.text.chars().count();
    }
    counts.into_iter().max_by_key(|&(size, n)| (n, -size)).map_or(10.0, |(s, _)| s as f32 / 2.0)
}

/// Lines repeated at the same place on many pages, and bare page numbers, removed.
fn strip_running_lines(pages: &[PageLines]) -> Vec<(u32, f32, Vec<Line>)> {
    let in_margin = |line: &Line, height: f32| {
        !line.rotated && (line.y < height * MARGIN || line.y > height * (1.0 - MARGIN))
    };
    let key = |line: &Line| {
        let text: String = line
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c.to_ascii_lowercase() })
            .collect();
        (text, (line.y / 6.0).round() as i32)
    };
    let mut seen: HashMap<(String, i32), HashSet<u32>> = HashMap::new();
    for page in pages {
        for line in page.lines.iter().filter(|l| in_margin(l, page.height)) {
            seen.entry(key(line)).or_default().insert(page.number);
        }
    }
    let threshold = (pages.len() as f32 * 0.3).ceil().max(3.0) as usize;
    pages
        .iter()
        .map(|page| {
            let lines = page
                .lines
                .iter()
                .filter(|line| {
                    if !in_margin(line, page.height) {
                        return true;
                    }
                    let repeated = seen.get(&key(line)).is_some_and(|p| p.len() >= threshold);
                    !(repeated || is_page_number(&line.text))
                })
                .cloned()
                .collect();
            (page.number, page.height, lines)
        })
        .collect()
}

fn is_page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t.strip_prefix("page ").unwrap_or(&t);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    let roman = |s: &str| !s.is_empty() && s.len() <= 6 && s.chars().all(|c| "ivxlc".contains(c));
    if digits(t) || roman(t) {
        return true;
    }
    let parts: Vec<&str> = t.split(['/', '|']).map(str::trim).collect();
    if parts.len() == 2 && parts.iter().all(|p| digits(p)) {
        return true;
    }
    matches!(t.split_once(" of "), Some((a, b)) if digits(a.trim()) && digits(b.trim()))
        || (t.starts_with('-')
            && t.ends_with('-')
            && digits(t.trim_matches(|c| c == '-' || c == ' ')))
}

/// Words written with a hyphen inside a line ("red-teaming"), lowercased: a line-end
/// hyphen that would form one of them is kept.
fn hyphenated_words(pages: &[(u32, f32, Vec<Line>)]) -> HashSet<String> {
    let mut out = HashSet::new();
    for line in pages.iter().flat_map(|p| &p.2) {
        for word in line.text.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.contains('-') && !word.ends_with('-') {
                out.insert(word.to_lowercase());
            }
        }
    }
    out
}

fn bullet_start(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return false };
    if BULLETS.contains(&first) {
        // "-" and "*" only with a space after them ("-5%" is not a list item).
        return !matches!(first, '-' | '*' | '–' | '—')
            || chars.next().is_some_and(char::is_whitespace);
    }
    // "a)", "(a)", "1)", "(1)", "iv)": short markers followed by a space.
    let marker = text.split_whitespace().next().unwrap_or("");
    let inner = marker.trim_start_matches('(');
    if let Some(label) = inner.strip_suffix(')') {
        return !label.is_empty()
            && label.len() <= 3
            && label.chars().all(|c| c.is_ascii_alphanumeric())
            && text.len() > marker.len();
    }
    false
}

/// "7.3", "1." at the start of a line, as a list's or a heading's number.
fn numbering(text: &str) -> Option<String> {
    match split_numbering(text) {
        (Some(n), _) => Some(n),
        _ => None,
    }
}

/// Table of contents lines: dot leaders, or a title followed by a page number far right.
fn is_toc_line(text: &str) -> bool {
    text.contains(". . .") || text.contains("....") || text.contains('…') || text.contains("···")
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ':', ';', '"', '”', ')'])
}

/// Appends `next` to `text`, joining a hyphenated word split at the line end.
fn join_line(text: &mut String, next: &str, hyphenated: &HashSet<String>) {
    let next = next.trim();
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    let soft = text.ends_with('\u{AD}');
    let hard = text.ends_with('-') && text.chars().rev().nth(1).is_some_and(char::is_alphabetic);
    if (soft || hard) && starts_lower {
        let head = text.trim_end_matches(['-', '\u{AD}']);
        let prefix = head.rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
        let suffix: String = next
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let keep = hard && hyphenated.contains(&format!("{prefix}-{suffix}"));
        if !keep {
            let len = head.len();
            text.truncate(len);
        }
        text.push_str(next);
        return;
    }
    text.push(' ');
    text.push_str(next);
}

/// Whether `line` lines up with the block's last line: left edges (a first-line indent
/// aside), right edges or centres; under a list item, anything right of the marker.
fn aligned(b: &Block, line: &Line) -> bool {
    let size = line.size.max(b.size);
    if b.bullet {
        return line.x0 > b.x0 - 0.5 * size && line.x0 < b.last_x1;
    }
    if b.numbered {
        // Only a hanging indent continues a numbered line ("3. Address input- and / output…").
        return line.x0 > b.x0 + 0.5 * size && line.x0 < b.last_x1;
    }
    let left = (line.x0 - b.last_x0).abs() <= size
        || (b.lines.len() == 1 && b.last_x0 > line.x0 && b.last_x0 - line.x0 <= 3.0 * size);
    let right = (line.x1 - b.last_x1).abs() <= size;
    let centre = ((line.x0 + line.x1) - (b.last_x0 + b.last_x1)).abs() <= 2.0 * size;
    left || right || centre
}

/// The usual distance between baselines, in font sizes (the most common one).
fn leading(pages: &[(u32, f32, Vec<Line>)]) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for (_, _, lines) in pages {
        for pair in lines.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let dy = b.y - a.y;
            if !a.rotated
                && (a.size - b.size).abs() < 0.05 * a.size
                && a.size > 0.0
                && b.x0 < a.x1
                && a.x0 < b.x1
                && dy > 0.9 * a.size
                && dy < 3.5 * a.size
            {
                *counts.entry((dy / a.size * 20.0).round() as i32).or_insert(0) += 1;
            }
        }
    }
    counts.into_iter().max_by_key(|&(k, n)| (n, -k)).map_or(1.2, |(k, _)| k as f32 / 20.0)
}

fn blocks_of_page(
    page: u32,
    height: f32,
    lines: &[Line],
    body: f32,
    max_leading: f32,
    hyphenated: &HashSet<String>,
) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let toc_lines = lines.iter().filter(|l| is_toc_line(&l.text)).count();
    let toc_page = toc_lines >= 4 && toc_lines * 4 >= lines.len();
    for line in lines {
        let starts_item = bullet_start(&line.text);
        let numbered = numbering(&line.text).is_some();
        let caps = is_caps_heading(&line.text);
        let continues = blocks.last().is_some_and(|b| {
            !line.rotated
                && caps == b.caps
                && !starts_item
                && !numbered
                && !is_toc_line(&line.text)
                && !b.lines.last().is_some_and(|l| is_toc_line(l))
                && (line.size - b.size).abs() <= 0.12 * b.size.max(line.size)
                && line.y > b.last_y
                && line.y - b.last_y <= max_leading * line.size.max(b.size)
                && aligned(b, line)
        });
        if continues {
            if let Some(b) = blocks.last_mut() {
                if let Some(last) = b.lines.last_mut() {
                    join_line(last, &line.text, hyphenated);
                }
                b.last_x0 = line.x0;
                b.last_x1 = line.x1;
                b.last_y = line.y;
            }
            continue;
        }
        let footnote = !line.rotated
            && line.size <= body * 0.85
            && line.y > height * 0.7
            && line.text.starts_with(|c: char| c.is_ascii_digit() || "*†‡§".contains(c));
        let kind = if line.rotated {
            PassageKind::Paragraph
        } else if footnote {
            PassageKind::Footnote
        } else if starts_item {
            PassageKind::ListItem
        } else if is_caption(&line.text) {
            PassageKind::Caption
        } else {
            PassageKind::Paragraph
        };
        blocks.push(Block {
            kind: BlockKind::Passage(kind),
            lines: vec![strip_bullet(&line.text, starts_item)],
            page,
            size: if line.rotated { body } else { line.size },
            x0: line.x0,
            first_y: line.y,
            last_x0: line.x0,
            last_x1: line.x1,
            last_y: line.y,
            bullet: starts_item,
            numbered,
            toc: toc_page,
            caps,
        });
    }
    blocks
}

fn strip_bullet(text: &str, item: bool) -> String {
    let first = text.chars().next();
    if item && first.is_some_and(|c| BULLETS.contains(&c)) {
        text.trim_start_matches(BULLETS).trim_start().to_owned()
    } else {
        text.to_owned()
    }
}

/// A short line in capitals, which documents use as a run-in heading.
fn is_caps_heading(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && text.split_whitespace().count() <= 12
        && text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

fn is_caption(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    matches!(first, "Figure" | "Fig." | "Table" | "Exhibit")
        && second.starts_with(|c: char| c.is_ascii_digit())
}

/// A paragraph cut by a page or column break continues on the next page or column.
fn join_across_pages(blocks: Vec<Block>, hyphenated: &HashSet<String>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if let Some(prev) = out.last_mut() {
            let paragraph = |b: &Block| b.kind == BlockKind::Passage(PassageKind::Paragraph);
            let prev_text = prev.lines.last().map_or("", String::as_str);
            let first = block.lines.first().map_or("", String::as_str);
            let next_column = block.page == prev.page && block.first_y < prev.last_y - prev.size;
            if (block.page == prev.page + 1 || next_column)
                && (paragraph(prev) || prev.bullet)
                && paragraph(&block)
                && !ends_sentence(prev_text)
                && first.starts_with(char::is_lowercase)
                && (block.size - prev.size).abs() <= 0.12 * prev.size
            {
                if let Some(last) = prev.lines.last_mut() {
                    join_line(last, first, hyphenated);
                }
                prev.lines.extend(block.lines.into_iter().skip(1));
                prev.last_y = block.last_y;
                continue;
            }
        }
        out.push(block);
    }
    out
}

/// The block with the largest text on page 1, when it is clearly larger than the body.
fn title_block(blocks: &[Block], body: f32) -> Option<(usize, String)> {
    let (i, b) = blocks
        .iter()
        .enumerate()
        .take_while(|(_, b)| b.page == 1)
        .max_by(|a, b| a.1.size.partial_cmp(&b.1.size).unwrap_or(std::cmp::Ordering::Equal))?;
    let text = b.lines.join(" ");
    (b.size >= body * 1.4 && text.split_whitespace().count() <= 24).then_some((i, text))
}

/// Marks headings and gives them levels. On the title's page (a cover) only numbered
/// headings count.
fn classify(blocks: &mut [Block], body: f32, cover: Option<u32>) {
    let is_heading_text = |b: &Block| {
        let text = b.lines.join(" ");
        let words = text.split_whitespace().count();
        words > 0
            && words <= HEADING_WORDS
            && !is_toc_line(&text)
            && text.chars().any(char::is_alphabetic)
            && !text.trim_end().ends_with([',', ';'])
    };
    // Numbered headings: "7.3 Title" at body size or larger, not in a run of list items.
    let numbered: Vec<Option<String>> = blocks
        .iter()
        .map(|b| {
            let text = b.lines.join(" ");
            let n = numbering(&text)?;
            let passage = matches!(b.kind, BlockKind::Passage(PassageKind::Paragraph));
            (passage
                && !b.toc
                && b.size >= body * 0.95
                && is_heading_text(b)
                && !ends_sentence(&text))
            .then_some(n)
        })
        .collect();
    let mut sizes: Vec<i32> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let big = b.size >= body * HEADING_RATIO
            && Some(b.page) != cover
            && matches!(b.kind, BlockKind::Passage(PassageKind::Paragraph));
        let text = b.lines.join(" ");
        if (big && is_heading_text(b) && !text.trim_end().ends_with('.')) || numbered[i].is_some() {
            let key = (b.size * 2.0).round() as i32;
            if !sizes.contains(&key) {
                sizes.push(key);
            }
        }
    }
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    for i in 0..blocks.len() {
        // A run of single-level numbers with nothing between them is a numbered list.
        let single =
            |j: usize| numbered.get(j).and_then(|n| n.as_ref()).is_some_and(|n| !n.contains('.'));
        let in_list = single(i) && ((i > 0 && single(i - 1)) || single(i + 1));
        let b = &blocks[i];
        let text = b.lines.join(" ");
        let big = b.size >= body * HEADING_RATIO
            && Some(b.page) != cover
            && matches!(b.kind, BlockKind::Passage(PassageKind::Paragraph))
            && is_heading_text(b)
            && !text.trim_end().ends_with('.');
        let key = (b.size * 2.0).round() as i32;
        let rank = sizes.iter().position(|&s| s == key).map_or(1, |p| p + 1);
        let caps = b.caps
            && !big
            && b.size >= body * 0.95
            && Some(b.page) != cover
            && !b.toc
            && matches!(b.kind, BlockKind::Passage(PassageKind::Paragraph))
            && is_heading_text(b);
        let kind = match &numbered[i] {
            Some(n) if !in_list => {
                let depth = n.split('.').count();
                Some(BlockKind::Heading { level: depth.min(6) as u8, number: Some(n.clone()) })
            }
            Some(_) => Some(BlockKind::Passage(PassageKind::ListItem)),
            None if big => Some(BlockKind::Heading { level: rank.min(6) as u8, number: None }),
            None if caps => {
                Some(BlockKind::Heading { level: (sizes.len() + 1).min(6) as u8, number: None })
            }
            None => None,
        };
        if let Some(kind) = kind {
            blocks[i].kind = kind;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognised() {
        for text in ["12", "Page 3", "page 3 of 10", "4 / 20", "xiv", "- 7 -"] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["2024 was a year", "12.5%", "Table 3", "live"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn list_markers_need_a_space_after_dashes() {
        assert!(bullet_start("• Item"));
        assert!(bullet_start("- item"));
        assert!(bullet_start("(a) first"));
        assert!(bullet_start("iv) fourth"));
        assert!(!bullet_start("-5% change"));
        assert!(!bullet_start("(see above)"));
        assert!(!bullet_start("Plain text"));
    }

    #[test]
    fn hyphens_join_before_lowercase_unless_the_word_is_hyphenated() {
        let known: HashSet<String> = ["red-teaming".to_owned()].into();
        let join = |a: &str, b: &str| {
            let mut s = a.to_owned();
            join_line(&mut s, b, &known);
            s
        };
        assert_eq!(join("the evalu-", "ation of"), "the evaluation of");
        assert_eq!(join("we did red-", "teaming again"), "we did red-teaming again");
        assert_eq!(join("see Section-", "Two"), "see Section- Two");
        assert_eq!(join("soft\u{AD}", "ly"), "softly");
        assert_eq!(join("one line", "and the next"), "one line and the next");
    }

    #[test]
    fn contents_lines_and_caps_headings() {
        assert!(is_toc_line("1.2 Who is This For? . . . . . . 7"));
        assert!(!is_toc_line("1.2 Who is This For?"));
        assert!(is_caps_heading("STEP 2: PREPARE DATA"));
        assert!(!is_caps_heading("Step 2: Prepare data"));
        assert!(!is_caps_heading("AI"));
    }
}
