//! From characters to lines in reading order: characters are grouped into rows by
//! baseline, rows are split into segments at wide gaps (columns, table cells), and the
//! segments are ordered by a recursive cut of the page at column gutters and at full-width
//! lines, so two-column pages read down the left column first.

use std::cmp::Ordering;

use crate::glyphs::{Char, PageChars};

/// Gap between characters, in font sizes, from which a space is inserted.
const SPACE_GAP: f32 = 0.15;
/// Gap between characters, in font sizes, from which a line is split into segments.
const SEGMENT_GAP: f32 = 1.0;
/// Narrowest column gutter, in font sizes.
const GUTTER: f32 = 0.9;
/// More segments than this on one page are read top to bottom without the column analysis
/// (it is quadratic in the worst case).
const MAX_SEGMENTS_FOR_COLUMNS: usize = 4_000;

/// A line (or a segment of one) of text on a page, in page points (origin top-left).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// The baseline.
    pub y: f32,
    /// The font size most of the line's characters have.
    pub size: f32,
    /// Drawn at an angle (kept apart from the page's flow).
    pub rotated: bool,
}

impl Line {
    fn top(&self) -> f32 {
        self.y - self.size * 0.8
    }

    fn bottom(&self) -> f32 {
        self.y + self.size * 0.25
    }
}

/// The page's lines in reading order; text drawn at an angle comes last.
pub(crate) fn lines(page: &PageChars) -> Vec<Line> {
    let segments = segments(&page.chars);
    // Decorations (a chapter number 20 times the body size) would block every gutter.
    let typical = median(segments.iter().map(|l| l.size));
    let (decorations, mut segments): (Vec<Line>, Vec<Line>) =
        segments.into_iter().partition(|l| l.size > 3.0 * typical && l.text.chars().count() <= 3);
    let order = if segments.len() > MAX_SEGMENTS_FOR_COLUMNS {
        let mut all: Vec<usize> = (0..segments.len()).collect();
        all.sort_by(|&a, &b| cmp_top_left(&segments[a], &segments[b]));
        all
    } else {
        reading_order(&segments)
    };
    let mut out: Vec<Line> =
        Vec::with_capacity(segments.len() + page.rotated.len() + decorations.len());
    out.extend(decorations);
    let mut taken: Vec<Option<Line>> = segments.drain(..).map(Some).collect();
    for i in order {
        if let Some(line) = taken.get_mut(i).and_then(Option::take) {
            out.push(line);
        }
    }
    for text in &page.rotated {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(Line { text, x0: 0.0, x1: 0.0, y: 0.0, size: 0.0, rotated: true });
        }
    }
    out
}

fn cmp_f32(a: f32, b: f32) -> Ordering {
    a.partial_cmp(&b).unwrap_or(Ordering::Equal)
}

fn cmp_top_left(a: &Line, b: &Line) -> Ordering {
    cmp_f32(a.y, b.y).then(cmp_f32(a.x0, b.x0))
}

/// Rows of characters (by baseline), split into segments at wide gaps.
fn segments(chars: &[Char]) -> Vec<Line> {
    let mut order: Vec<usize> = (0..chars.len()).collect();
    order.sort_by(|&a, &b| cmp_f32(chars[a].y, chars[b].y));
    // Rows: (baseline, size, characters). A character joins a recent row whose baseline is
    // close and whose size is similar (superscripts join; a drop cap does not).
    let mut rows: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for i in order {
        let c = &chars[i];
        let fits = |&(y, size, _): &(f32, f32, Vec<usize>)| {
            let (small, large) = if c.size < size { (c.size, size) } else { (size, c.size) };
            large <= small * 1.8 && (c.y - y).abs() <= 0.4 * large
        };
        let recent = rows.len().saturating_sub(4);
        match rows[recent..].iter_mut().rev().find(|r| fits(r)) {
            Some(row) => {
                if c.size > row.1 * 1.05 && !c.text.is_space() {
                    row.0 = c.y;
                    row.1 = c.size;
                }
                row.2.push(i);
            }
            None => rows.push((c.y, c.size, vec![i])),
        }
    }
    let rows: Vec<Vec<usize>> = rows.into_iter().map(|r| r.2).collect();
    let mut out = Vec::new();
    for mut row in rows {
        // Stable: characters at the same x keep their drawing order.
        row.sort_by(|&a, &b| cmp_f32(chars[a].x0, chars[b].x0));
        let start = out.len();
        split_row(chars, &row, &mut out);
        merge_numbers(&mut out, start);
    }
    out
}

/// "1.2" or "A" set apart from its heading by a wide gap joins the heading after it.
fn merge_numbers(segments: &mut Vec<Line>, start: usize) {
    let mut i = start;
    while i + 1 < segments.len() {
        let (a, b) = (&segments[i], &segments[i + 1]);
        let label = a.text.trim_end_matches('.');
        let is_label = (!label.is_empty()
            && label.len() <= 8
            && label.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
            || (label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase()));
        let gap = b.x0 - a.x1;
        if is_label
            && gap < 4.0 * a.size.max(b.size)
            && a.size <= 1.5 * b.size
            && b.size <= 1.5 * a.size
            && b.text.starts_with(char::is_alphabetic)
        {
            let b = segments.remove(i + 1);
            let a = &mut segments[i];
            a.text = format!("{} {}", a.text, b.text);
            a.x1 = b.x1;
            a.size = a.size.max(b.size);
        }
        i += 1;
    }
}

fn split_row(chars: &[Char], row: &[usize], out: &mut Vec<Line>) {
    let mut current: Vec<&Char> = Vec::new();
    let mut space_pending = false;
    let mut last_x1 = f32::NEG_INFINITY;
    for &i in row {
        let c = &chars[i];
        if c.text.is_space() {
            space_pending = true;
            continue;
        }
        if let Some(prev) = current.last() {
            let size = c.size.max(prev.size);
            let gap = c.x0 - last_x1;
            // Fake bold: the same glyph drawn twice, a hair apart.
            if prev.text == c.text
                && (c.x0 - prev.x0).abs() < 0.1 * size
                && (c.y - prev.y).abs() < 0.1 * size
            {
                continue;
            }
            if gap > SEGMENT_GAP * size {
                out.push(segment(&current));
                current.clear();
                space_pending = false;
            }
        }
        if space_pending && !current.is_empty() {
            // Marked with a sentinel: a space glyph between the characters.
            current.push(&SPACE);
        }
        space_pending = false;
        last_x1 = if current.is_empty() { c.x1 } else { last_x1.max(c.x1) };
        current.push(c);
    }
    if !current.is_empty() {
        out.push(segment(&current));
    }
}

static SPACE: Char = Char {
    text: crate::glyphs::CharText::One(' '),
    x0: f32::NAN,
    x1: f32::NAN,
    y: f32::NAN,
    size: f32::NAN,
};

fn segment(chars: &[&Char]) -> Line {
    let mut text = String::new();
    let mut x0 = f32::INFINITY;
    let mut x1 = f32::NEG_INFINITY;
    let mut prev: Option<&Char> = None;
    let mut space = false;
    // The size and baseline of most characters.
    let mut sizes: Vec<(f32, f32, usize)> = Vec::new();
    for c in chars {
        if c.x0.is_nan() {
            space = true;
            continue;
        }
        if let Some(p) = prev {
            let gap = c.x0 - p.x1;
            if (space || gap > SPACE_GAP * c.size.max(p.size)) && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        space = false;
        c.text.push_to(&mut text);
        x0 = x0.min(c.x0);
        x1 = x1.max(c.x1);
        match sizes.iter_mut().find(|(s, _, _)| (s - c.size).abs() < 0.25) {
            Some(entry) => entry.2 += 1,
            None => sizes.push((c.size, c.y, 1)),
        }
        prev = Some(c);
    }
    let (size, y) = sizes
        .iter()
        .max_by(|a, b| a.2.cmp(&b.2).then(cmp_f32(a.0, b.0)))
        .map_or((0.0, 0.0), |&(s, y, _)| (s, y));
    Line { text: text.trim().to_owned(), x0, x1, y, size, rotated: false }
}

/// Reading order of `lines` by recursive cuts; see the module documentation.
fn reading_order(lines: &[Line]) -> Vec<usize> {
    let mut out = Vec::with_capacity(lines.len());
    // Work stack of regions, the next region to read on top.
    let mut stack: Vec<Vec<usize>> = vec![(0..lines.len()).collect()];
    while let Some(region) = stack.pop() {
        match split(lines, &region) {
            Some(parts) => stack.extend(parts.into_iter().rev()),
            None => {
                let mut region = region;
                region.sort_by(|&a, &b| cmp_top_left(&lines[a], &lines[b]));
                out.extend(region);
            }
        }
    }
    out
}

/// Splits a region into parts to be read in order, or None when it is one column.
fn split(lines: &[Line], region: &[usize]) -> Option<Vec<Vec<usize>>> {
    if region.len() < 2 {
        return None;
    }
    let size = median(region.iter().map(|&i| lines[i].size));
    let gutter = (GUTTER * size).max(4.0);
    // 1. A gutter that runs the full height: left part first.
    if let Some(x) = widest_gap(lines, region, gutter) {
        let (left, right): (Vec<usize>, Vec<usize>) =
            region.iter().partition(|&&i| lines[i].x1 <= x);
        if !left.is_empty() && !right.is_empty() {
            return Some(vec![left, right]);
        }
    }
    // 2. A gutter crossed only by a few lines (a title, a full-width paragraph, a centred
    //    page number above or below the columns): cut into bands at those lines.
    let x_min = region.iter().map(|&i| lines[i].x0).fold(f32::INFINITY, f32::min);
    let x_max = region.iter().map(|&i| lines[i].x1).fold(f32::NEG_INFINITY, f32::max);
    let body: Vec<usize> = region
        .iter()
        .copied()
        .filter(|&i| {
            let l = &lines[i];
            (l.size - size).abs() <= 0.15 * size && l.x1 - l.x0 <= 0.55 * (x_max - x_min)
        })
        .collect();
    let x = widest_gap(lines, &body, gutter)
        .filter(|&x| {
            let left = body.iter().filter(|&&i| lines[i].x1 <= x).count();
            left >= 2 && body.len() - left >= 2
        })
        .or_else(|| blocked_gutter(lines, region, gutter))?;
    let blocker = |i: usize| lines[i].x0 < x && lines[i].x1 > x;
    let mut sorted = region.to_vec();
    sorted.sort_by(|&a, &b| cmp_f32(lines[a].top(), lines[b].top()));
    let mut bands: Vec<Vec<usize>> = Vec::new();
    let mut band_is_blocker = false;
    let mut band_bottom = f32::NEG_INFINITY;
    for i in sorted {
        let is_blocker = blocker(i);
        let overlaps = lines[i].top() < band_bottom - 0.5;
        match bands.last_mut() {
            Some(band) if is_blocker == band_is_blocker || overlaps => {
                band.push(i);
                band_bottom = band_bottom.max(lines[i].bottom());
            }
            _ => {
                bands.push(vec![i]);
                band_is_blocker = is_blocker;
                band_bottom = lines[i].bottom();
            }
        }
    }
    (bands.len() > 1).then_some(bands)
}

/// The middle of the widest vertical strip (at least `min` wide) that few lines cross
/// (wide lines not counted), with at least two lines wholly on each side.
fn blocked_gutter(lines: &[Line], region: &[usize], min: f32) -> Option<f32> {
    let x_min = region.iter().map(|&i| lines[i].x0).fold(f32::INFINITY, f32::min).max(-10_000.0);
    let x_max = region.iter().map(|&i| lines[i].x1).fold(f32::NEG_INFINITY, f32::max).min(20_000.0);
    let width = x_max - x_min;
    if width.is_nan() || width <= 2.0 * min {
        return None;
    }
    let bins = (width.ceil() as usize).min(4_000);
    let scale = bins as f32 / width;
    let mut coverage = vec![0u32; bins + 1];
    for &i in region {
        let l = &lines[i];
        if l.x1 - l.x0 > 0.55 * width {
            continue;
        }
        let a = (((l.x0 - x_min) * scale) as usize).min(bins);
        let b = (((l.x1 - x_min) * scale) as usize).min(bins);
        for c in &mut coverage[a..=b] {
            *c += 1;
        }
    }
    let allowed = (region.len() / 20).max(1) as u32;
    // Runs of bins few lines cover: (start, end, highest coverage).
    let mut runs: Vec<(usize, usize, u32)> = Vec::new();
    let mut run: Option<(usize, u32)> = None;
    for (bin, &c) in coverage.iter().enumerate() {
        match (c <= allowed, run) {
            (true, None) => run = Some((bin, c)),
            (true, Some((start, top))) => run = Some((start, top.max(c))),
            (false, Some((start, top))) => {
                runs.push((start, bin, top));
                run = None;
            }
            (false, None) => {}
        }
    }
    let mut best: Option<(u32, f32, f32)> = None;
    for (start, end, top) in runs {
        let w = (end - start) as f32 / scale;
        if w < min {
            continue;
        }
        let x = x_min + (start + end) as f32 / 2.0 / scale;
        let left = region.iter().filter(|&&i| lines[i].x1 <= x).count();
        let right = region.iter().filter(|&&i| lines[i].x0 >= x).count();
        if left >= 2 && right >= 2 && best.is_none_or(|(t, bw, _)| top < t || (top == t && w > bw))
        {
            best = Some((top, w, x));
        }
    }
    best.map(|(_, _, x)| x)
}

/// The x of the middle of the widest vertical gap (at least `min` wide) between the
/// lines `counted`, with lines on both sides.
fn widest_gap(lines: &[Line], region: &[usize], min: f32) -> Option<f32> {
    let mut spans: Vec<(f32, f32)> = region.iter().map(|&i| (lines[i].x0, lines[i].x1)).collect();
    if spans.is_empty() {
        return None;
    }
    spans.sort_by(|a, b| cmp_f32(a.0, b.0));
    let mut best: Option<(f32, f32)> = None;
    let mut reach = spans.first()?.1;
    for &(x0, x1) in &spans[1..] {
        let gap = x0 - reach;
        if gap >= min && best.is_none_or(|(w, _)| gap > w) {
            best = Some((gap, reach + gap / 2.0));
        }
        reach = reach.max(x1);
    }
    best.map(|(_, x)| x)
}

fn median(values: impl Iterator<Item = f32>) -> f32 {
    let mut v: Vec<f32> = values.filter(|s| s.is_finite() && *s > 0.0).collect();
    if v.is_empty() {
        return 10.0;
    }
    v.sort_by(|a, b| cmp_f32(*a, *b));
    v[v.len() / 2]
}

/// The page's text in reading order, one line per line.
pub(crate) fn page_text(lines: &[Line]) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}
