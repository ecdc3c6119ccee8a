//! Word-level differences between two texts (two versions of a document).
//!
//! The texts are compared line by line first (Myers' algorithm over interned lines, after
//! trimming the common start and end); only the blocks of changed lines are then compared
//! word by word. Both passes have a bounded cost: each gives up after [`MAX_EDITS`] edits
//! and reports that stretch as replaced as a whole; the word pass also shares a budget of
//! [`WORD_BUDGET`] steps over the whole text and reports a block it cannot afford (or one with
//! more than [`MAX_BLOCK_TOKENS`] tokens a side) as whole lines removed and added. Time is
//! thus O(size × MAX_EDITS) at worst and memory proportional to the text plus MAX_EDITS².

use std::collections::HashMap;

use serde::Serialize;

/// Either pass reports a stretch needing more than this many inserted or removed lines
/// (or words) as one replaced block.
pub const MAX_EDITS: usize = 2_000;
/// The word pass compares no block with more tokens than this on one side.
pub const MAX_BLOCK_TOKENS: usize = 50_000;
/// Steps (tokens × edits) the word pass may spend on one whole text.
pub const WORD_BUDGET: usize = 40_000_000;

/// A stretch of text that is the same in both texts, only in the old one, or only in the new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "kebab-case")]
pub enum DiffRun {
    Equal(String),
    Deleted(String),
    Inserted(String),
}

impl DiffRun {
    pub fn text(&self) -> &str {
        match self {
            DiffRun::Equal(t) | DiffRun::Deleted(t) | DiffRun::Inserted(t) => t,
        }
    }
}

/// Part of a line in the side-by-side form; `changed` marks words removed (left) or added
/// (right).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    pub text: String,
    pub changed: bool,
}

/// One line of one side, without its line break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    /// The line's number in its text, from 1.
    pub number: usize,
    pub parts: Vec<DiffPart>,
    /// The line was removed (left) or added (right), or has changed words.
    pub changed: bool,
}

impl DiffLine {
    /// The whole line.
    pub fn text(&self) -> String {
        self.parts.iter().map(|p| p.text.as_str()).collect()
    }
}

/// One row of the side-by-side form: a line of the old text on the left, a line of the new
/// one on the right; one side is `None` where lines were only removed or only added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffRow {
    pub left: Option<DiffLine>,
    pub right: Option<DiffLine>,
}

impl DiffRow {
    pub fn changed(&self) -> bool {
        self.left.as_ref().is_none_or(|l| l.changed)
            || self.right.as_ref().is_none_or(|l| l.changed)
    }
}

/// How two texts differ, word by word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextDiff {
    /// The new text as runs, with what was removed in between: concatenating the equal and
    /// deleted runs gives the old text, the equal and inserted runs the new one.
    pub runs: Vec<DiffRun>,
    /// Both texts line by line, side by side.
    pub rows: Vec<DiffRow>,
    /// Words (letters and digits) only in the new text.
    pub words_added: usize,
    /// Words only in the old text.
    pub words_removed: usize,
}

impl TextDiff {
    /// The texts are the same.
    pub fn is_identical(&self) -> bool {
        self.runs.iter().all(|r| matches!(r, DiffRun::Equal(_)))
    }
}

/// Compares `old` with `new` word by word (see the module documentation for the cost).
pub fn diff_text(old: &str, new: &str) -> TextDiff {
    let old_lines = split_lines(old);
    let new_lines = split_lines(new);
    let mut interner = HashMap::new();
    let a = intern(&mut interner, &old_lines);
    let b = intern(&mut interner, &new_lines);
    let line_ops = diff_ids(&a, &b, MAX_EDITS);

    let mut out = Builder::default();
    let mut budget = WORD_BUDGET;
    let (mut i, mut j) = (0, 0);
    let mut k = 0;
    while k < line_ops.len() {
        if line_ops[k] == Op::Equal {
            out.equal_line(old_lines[i], i + 1, j + 1);
            i += 1;
            j += 1;
            k += 1;
            continue;
        }
        let (del_start, ins_start) = (i, j);
        while k < line_ops.len() && line_ops[k] != Op::Equal {
            match line_ops[k] {
                Op::Delete => i += 1,
                Op::Insert => j += 1,
                Op::Equal => {}
            }
            k += 1;
        }
        out.changed_block(
            &old_lines[del_start..i],
            &new_lines[ins_start..j],
            del_start,
            ins_start,
            &mut budget,
        );
    }
    out.finish()
}

/// Numbers for strings, the same number for equal strings.
fn intern<'a>(interner: &mut HashMap<&'a str, u32>, items: &[&'a str]) -> Vec<u32> {
    items
        .iter()
        .map(|item| {
            let next = interner.len() as u32;
            *interner.entry(item).or_insert(next)
        })
        .collect()
}

/// Lines with their line breaks.
fn split_lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// Words, runs of spaces, single line breaks and single punctuation marks.
fn tokenize(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Other,
    }
    let class = |c: char| {
        if c == '\n' {
            Class::Other
        } else if c.is_whitespace() {
            Class::Space
        } else if is_word_char(c) {
            Class::Word
        } else {
            Class::Other
        }
    };
    let mut tokens = Vec::new();
    let mut start = 0;
    let mut current: Option<Class> = None;
    for (at, c) in text.char_indices() {
        let this = class(c);
        if current.is_some_and(|prev| prev != this || this == Class::Other) {
            tokens.push(&text[start..at]);
            start = at;
        }
        current = Some(this);
    }
    if start < text.len() {
        tokens.push(&text[start..]);
    }
    tokens
}

/// Letters, digits and marks: anything but spaces and punctuation.
fn is_word_char(c: char) -> bool {
    if c.is_alphanumeric() || c == '_' {
        return true;
    }
    if c.is_ascii() || c.is_whitespace() {
        return false;
    }
    // Combining marks (decomposed accents) belong to their word; general punctuation,
    // CJK punctuation, quotation marks and symbols do not.
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_word(token: &str) -> bool {
    token.chars().next().is_some_and(is_word_char)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Equal,
    Delete,
    Insert,
}

/// The edit script from `a` to `b`: common start and end trimmed, Myers in between; if that
/// needs more than `max_edits` edits, the middle is replaced as a whole.
fn diff_ids(a: &[u32], b: &[u32], max_edits: usize) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix =
        a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops = vec![Op::Equal; prefix];
    match myers(am, bm, max_edits) {
        Some(middle) => ops.extend(middle),
        None => anchored(am, bm, max_edits, &mut ops),
    }
    ops.extend(std::iter::repeat_n(Op::Equal, suffix));
    ops
}

/// For texts too far apart for [`myers`]: keeps the items that occur once in each text, in
/// the same order (the longest such sequence, as patience diff does), and compares the
/// stretches between them; a stretch still too far apart is replaced as a whole.
fn anchored(a: &[u32], b: &[u32], max_edits: usize, ops: &mut Vec<Op>) {
    let mut counts: HashMap<u32, (u32, u32, usize)> = HashMap::new();
    for (i, x) in a.iter().enumerate() {
        let entry = counts.entry(*x).or_insert((0, 0, 0));
        entry.0 += 1;
        entry.2 = i;
    }
    for y in b {
        if let Some(entry) = counts.get_mut(y) {
            entry.1 += 1;
        }
    }
    // (position in a, position in b) of the unique common items, in the order of b.
    let pairs: Vec<(usize, usize)> = b
        .iter()
        .enumerate()
        .filter_map(|(j, y)| match counts.get(y) {
            Some(&(1, 1, i)) => Some((i, j)),
            _ => None,
        })
        .collect();
    let anchors = longest_increasing(&pairs);
    let (mut i, mut j) = (0, 0);
    for (ai, bj) in anchors.into_iter().chain([(a.len(), b.len())]) {
        let (ga, gb) = (&a[i..ai], &b[j..bj]);
        match myers(ga, gb, max_edits) {
            Some(gap) => ops.extend(gap),
            None => {
                ops.extend(std::iter::repeat_n(Op::Delete, ga.len()));
                ops.extend(std::iter::repeat_n(Op::Insert, gb.len()));
            }
        }
        if ai < a.len() {
            ops.push(Op::Equal);
        }
        (i, j) = (ai + 1, bj + 1);
    }
}

/// The longest subsequence of `pairs` (increasing in the second item) that also increases
/// in the first item (patience sorting, O(n log n)).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new(); // index into pairs of the smallest tail per length
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(x, _)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].0 < x);
        previous[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = Vec::new();
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        out.push(pairs[k]);
        cursor = previous[k];
    }
    out.reverse();
    out
}

/// Myers' O((N+M)·D) shortest edit script, keeping the frontier of every step for the way
/// back (about D² numbers); `None` when more than `max_d` edits are needed.
fn myers(a: &[u32], b: &[u32], max_d: usize) -> Option<Vec<Op>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    if n == 0 || m == 0 {
        let mut ops = vec![Op::Delete; a.len()];
        ops.extend(std::iter::repeat_n(Op::Insert, b.len()));
        return Some(ops);
    }
    let max = (n + m).min(max_d as isize);
    let offset = max + 1;
    let mut v = vec![0isize; 2 * max as usize + 3];
    // trace[d] holds v[-d..=d] as it was before step d.
    let mut trace: Vec<Vec<u32>> = Vec::new();
    for d in 0..=max {
        let lo = (offset - d) as usize;
        let hi = (offset + d) as usize;
        trace.push(v[lo..=hi].iter().map(|&x| x as u32).collect());
        let mut k = -d;
        while k <= d {
            let at = (offset + k) as usize;
            let mut x = if k == -d || (k != d && v[at - 1] < v[at + 1]) {
                v[at + 1]
            } else {
                v[at - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at] = x;
            if x >= n && y >= m {
                return Some(backtrack(&trace, n, m));
            }
            k += 2;
        }
    }
    None
}

fn backtrack(trace: &[Vec<u32>], n: isize, m: isize) -> Vec<Op> {
    let mut ops = Vec::with_capacity((n + m) as usize);
    let (mut x, mut y) = (n, m);
    for (d, v) in trace.iter().enumerate().rev() {
        let d = d as isize;
        let get = |k: isize| v[(k + d) as usize] as isize;
        let k = x - y;
        let (prev_x, prev_y) = if d == 0 {
            (0, 0)
        } else {
            let prev_k = if k == -d || (k != d && get(k - 1) < get(k + 1)) { k + 1 } else { k - 1 };
            let prev_x = get(prev_k);
            (prev_x, prev_x - prev_k)
        };
        while x > prev_x && y > prev_y {
            ops.push(Op::Equal);
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            if x == prev_x {
                ops.push(Op::Insert);
            } else {
                ops.push(Op::Delete);
            }
        }
        x = prev_x;
        y = prev_y;
    }
    ops.reverse();
    ops
}

/// Collects runs and rows as the line pass walks both texts.
#[derive(Default)]
struct Builder {
    runs: Vec<DiffRun>,
    rows: Vec<DiffRow>,
    words_added: usize,
    words_removed: usize,
}

impl Builder {
    fn push_run(&mut self, run: DiffRun) {
        if run.text().is_empty() {
            return;
        }
        match (self.runs.last_mut(), run) {
            (Some(DiffRun::Equal(last)), DiffRun::Equal(t))
            | (Some(DiffRun::Deleted(last)), DiffRun::Deleted(t))
            | (Some(DiffRun::Inserted(last)), DiffRun::Inserted(t)) => last.push_str(&t),
            (_, run) => self.runs.push(run),
        }
    }

    fn equal_line(&mut self, line: &str, left: usize, right: usize) {
        self.push_run(DiffRun::Equal(line.to_owned()));
        let body = line.strip_suffix('\n').unwrap_or(line);
        let side = |number| DiffLine {
            number,
            parts: vec![DiffPart { text: body.to_owned(), changed: false }],
            changed: false,
        };
        self.rows.push(DiffRow { left: Some(side(left)), right: Some(side(right)) });
    }

    /// Lines `old` (from line `old_at` + 1) were replaced by `new` (from `new_at` + 1).
    fn changed_block(
        &mut self,
        old: &[&str],
        new: &[&str],
        old_at: usize,
        new_at: usize,
        budget: &mut usize,
    ) {
        let old_text: String = old.concat();
        let new_text: String = new.concat();
        let a_tokens = tokenize(&old_text);
        let b_tokens = tokenize(&new_text);
        let size = a_tokens.len() + b_tokens.len() + 1;
        let affordable = *budget / size;
        let ops = if !old.is_empty()
            && !new.is_empty()
            && a_tokens.len().max(b_tokens.len()) <= MAX_BLOCK_TOKENS
            && affordable > 0
        {
            let mut interner = HashMap::new();
            let (a, b) = (intern(&mut interner, &a_tokens), intern(&mut interner, &b_tokens));
            let ops = diff_ids(&a, &b, affordable.min(MAX_EDITS));
            let edits = ops.iter().filter(|o| **o != Op::Equal).count();
            *budget = budget.saturating_sub(size.saturating_mul(edits.max(1)));
            ops
        } else {
            let mut ops = vec![Op::Delete; a_tokens.len()];
            ops.extend(std::iter::repeat_n(Op::Insert, b_tokens.len()));
            ops
        };
        let ops = absorb_spaces(ops, &a_tokens);
        self.word_edits(&ops, &a_tokens, &b_tokens, old_at, new_at);
    }

    fn word_edits(&mut self, ops: &[Op], a: &[&str], b: &[&str], old_at: usize, new_at: usize) {
        let mut left = SideLines::new(old_at + 1);
        let mut right = SideLines::new(new_at + 1);
        let (mut i, mut j) = (0, 0);
        let mut k = 0;
        while k < ops.len() {
            if ops[k] == Op::Equal {
                self.push_run(DiffRun::Equal(a[i].to_owned()));
                left.push(a[i], false);
                right.push(b[j], false);
                i += 1;
                j += 1;
                k += 1;
                continue;
            }
            // A stretch of changes: everything removed first, then everything added.
            let (mut deleted, mut inserted) = (String::new(), String::new());
            while k < ops.len() && ops[k] != Op::Equal {
                if ops[k] == Op::Delete {
                    deleted.push_str(a[i]);
                    self.words_removed += usize::from(is_word(a[i]));
                    left.push(a[i], true);
                    i += 1;
                } else {
                    inserted.push_str(b[j]);
                    self.words_added += usize::from(is_word(b[j]));
                    right.push(b[j], true);
                    j += 1;
                }
                k += 1;
            }
            self.push_run(DiffRun::Deleted(deleted));
            self.push_run(DiffRun::Inserted(inserted));
        }
        let (left, right) = (left.finish(), right.finish());
        let rows = left.len().max(right.len());
        let mut left = left.into_iter();
        let mut right = right.into_iter();
        for _ in 0..rows {
            self.rows.push(DiffRow { left: left.next(), right: right.next() });
        }
    }

    fn finish(self) -> TextDiff {
        TextDiff {
            runs: self.runs,
            rows: self.rows,
            words_added: self.words_added,
            words_removed: self.words_removed,
        }
    }
}

/// Spaces kept between two changes become part of the change, so that "[-a b-]{+c d+}" reads
/// as one replacement rather than "[-a-]{+c+} [-b-]{+d+}".
fn absorb_spaces(ops: Vec<Op>, a: &[&str]) -> Vec<Op> {
    let mut i = 0; // position in `a`
    let mut k = 0;
    let mut out = Vec::with_capacity(ops.len());
    while k < ops.len() {
        let op = ops[k];
        if op == Op::Equal {
            let changed_before = out.last().is_some_and(|o| *o != Op::Equal);
            let changed_after = ops.get(k + 1).is_some_and(|o| *o != Op::Equal);
            let token = a[i];
            let space = !token.is_empty() && token.chars().all(|c| c.is_whitespace() && c != '\n');
            if changed_before && changed_after && space {
                out.push(Op::Delete);
                out.push(Op::Insert);
            } else {
                out.push(Op::Equal);
            }
            i += 1;
        } else {
            if op == Op::Delete {
                i += 1;
            }
            out.push(op);
        }
        k += 1;
    }
    out
}

/// The lines of one side of a changed block, built token by token.
struct SideLines {
    next_number: usize,
    lines: Vec<DiffLine>,
    current: Option<DiffLine>,
}

impl SideLines {
    fn new(first: usize) -> Self {
        SideLines { next_number: first, lines: Vec::new(), current: None }
    }

    fn push(&mut self, token: &str, changed: bool) {
        let number = self.next_number;
        let line = self.current.get_or_insert_with(|| DiffLine {
            number,
            parts: Vec::new(),
            changed: false,
        });
        line.changed |= changed;
        if token == "\n" {
            let done = self.current.take();
            self.lines.extend(done);
            self.next_number += 1;
            return;
        }
        match line.parts.last_mut() {
            Some(last) if last.changed == changed => last.text.push_str(token),
            _ => line.parts.push(DiffPart { text: token.to_owned(), changed }),
        }
    }

    fn finish(mut self) -> Vec<DiffLine> {
        self.lines.extend(self.current.take());
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(old: &str, new: &str) -> Vec<DiffRun> {
        let diff = diff_text(old, new);
        let old_again: String = diff
            .runs
            .iter()
            .filter(|r| !matches!(r, DiffRun::Inserted(_)))
            .map(DiffRun::text)
            .collect();
        let new_again: String = diff
            .runs
            .iter()
            .filter(|r| !matches!(r, DiffRun::Deleted(_)))
            .map(DiffRun::text)
            .collect();
        assert_eq!(old_again, old);
        assert_eq!(new_again, new);
        diff.runs
    }

    fn eq(t: &str) -> DiffRun {
        DiffRun::Equal(t.into())
    }
    fn del(t: &str) -> DiffRun {
        DiffRun::Deleted(t.into())
    }
    fn ins(t: &str) -> DiffRun {
        DiffRun::Inserted(t.into())
    }

    #[test]
    fn identical_texts() {
        let text = "# Title\n\nSome text, with words.\n";
        let diff = diff_text(text, text);
        assert!(diff.is_identical());
        assert_eq!(diff.runs, vec![eq(text)]);
        assert_eq!(diff.rows.len(), 3);
        assert!(diff.rows.iter().all(|r| !r.changed()));
        assert_eq!((diff.words_added, diff.words_removed), (0, 0));
        assert!(diff_text("", "").runs.is_empty());
    }

    #[test]
    fn insert_at_start_middle_and_end() {
        assert_eq!(runs("b c\n", "a b c\n"), vec![ins("a "), eq("b c\n")]);
        assert_eq!(runs("a c\n", "a b c\n"), vec![eq("a "), ins("b "), eq("c\n")]);
        assert_eq!(runs("a b", "a b c"), vec![eq("a b"), ins(" c")]);
        assert_eq!(runs("", "new\n"), vec![ins("new\n")]);
    }

    #[test]
    fn delete_at_start_middle_and_end() {
        assert_eq!(runs("a b c\n", "b c\n"), vec![del("a "), eq("b c\n")]);
        assert_eq!(runs("a b c\n", "a c\n"), vec![eq("a "), del("b "), eq("c\n")]);
        let diff = diff_text("one\ntwo\nthree\n", "one\ntwo\n");
        assert_eq!(diff.runs, vec![eq("one\ntwo\n"), del("three\n")]);
        assert_eq!(diff.words_removed, 1);
        let last = diff.rows.last().unwrap();
        assert!(last.right.is_none() && last.left.as_ref().unwrap().number == 3);
    }

    #[test]
    fn replace_words() {
        assert_eq!(runs("old start.", "new start."), vec![del("old"), ins("new"), eq(" start.")]);
        assert_eq!(
            runs("The risk is low today.\n", "The risk is very high today.\n"),
            vec![eq("The risk is "), del("low"), ins("very high"), eq(" today.\n")]
        );
        assert_eq!(runs("end here", "end there"), vec![eq("end "), del("here"), ins("there")]);
        // Spaces between changed words join the change.
        assert_eq!(runs("x a b y", "x c d y"), vec![eq("x "), del("a b"), ins("c d"), eq(" y")]);
        let diff = diff_text("The risk is low today.\n", "The risk is very high today.\n");
        assert_eq!((diff.words_added, diff.words_removed), (2, 1));
    }

    #[test]
    fn side_by_side_marks_changed_words() {
        let diff =
            diff_text("same\nthe old word\nkept\n", "same\nthe new word\nadded line\nkept\n");
        assert_eq!(diff.rows.len(), 4);
        let row = &diff.rows[1];
        let left = row.left.as_ref().unwrap();
        let right = row.right.as_ref().unwrap();
        assert_eq!((left.number, right.number), (2, 2));
        assert_eq!(left.text(), "the old word");
        assert_eq!(
            right.parts,
            vec![
                DiffPart { text: "the ".into(), changed: false },
                DiffPart { text: "new".into(), changed: true },
                DiffPart { text: " word".into(), changed: false },
            ]
        );
        assert!(diff.rows[2].left.is_none());
        assert_eq!(diff.rows[2].right.as_ref().unwrap().text(), "added line");
        assert!(!diff.rows[3].changed());
        assert_eq!(diff.rows[3].left.as_ref().unwrap().number, 3);
        assert_eq!(diff.rows[3].right.as_ref().unwrap().number, 4);
    }

    #[test]
    fn unicode_words() {
        assert_eq!(
            runs("Größe — schön «très» 日本\n", "Größe — schöner «très» 日本語\n"),
            vec![
                eq("Größe — "),
                del("schön"),
                ins("schöner"),
                eq(" «très» "),
                del("日本"),
                ins("日本語"),
                eq("\n")
            ]
        );
        // A decomposed accent stays with its word.
        assert_eq!(tokenize("cafe\u{301} ok"), vec!["cafe\u{301}", " ", "ok"]);
        assert_eq!(tokenize("a,b\n\nc"), vec!["a", ",", "b", "\n", "\n", "c"]);
    }

    #[test]
    fn myers_finds_a_shortest_script() {
        let a = [1, 2, 3, 1, 2, 2, 1];
        let b = [3, 2, 1, 2, 1, 3];
        let ops = myers(&a, &b, 100).unwrap();
        assert_eq!(ops.iter().filter(|o| **o != Op::Equal).count(), 5);
        assert!(myers(&a, &b, 2).is_none());
    }

    #[test]
    fn a_megabyte_with_scattered_edits_finishes() {
        let line = "The model can write text in many languages and may be wrong about facts.\n";
        let old: String = (0..14_000).map(|i| format!("{i}: {line}")).collect();
        assert!(old.len() > 1_000_000);
        let mut new_lines: Vec<String> = old.lines().map(|l| format!("{l}\n")).collect();
        for i in (0..new_lines.len()).step_by(97) {
            new_lines[i] = new_lines[i].replace("many", "several");
        }
        for i in (50..new_lines.len()).step_by(1_001) {
            new_lines.insert(i, "An added line.\n".to_owned());
        }
        let new: String = new_lines.concat();
        let diff = diff_text(&old, &new);
        assert_eq!(diff.words_removed, 14_000usize.div_ceil(97));
        assert_eq!(diff.words_added, diff.words_removed + 3 * 14);

        // Edits on every fifth line are more than Myers may make; the unique lines anchor it.
        let mut busy: Vec<String> = old.lines().map(|l| format!("{l}\n")).collect();
        for i in (0..busy.len()).step_by(5) {
            busy[i] = busy[i].replace("wrong", "mistaken");
        }
        let diff = diff_text(&old, &busy.concat());
        assert_eq!((diff.words_added, diff.words_removed), (2_800, 2_800));

        // Completely different texts fall back to whole blocks and still finish.
        let other: String =
            (0..14_000).map(|i| format!("{} other words here\n", i * 7 + 3)).collect();
        let diff = diff_text(&old, &other);
        assert!(!diff.is_identical());
    }
}
