//! Finding glossary terms in a text in one pass: the text is cut into words, and each word is
//! looked up in an index from a form's first word to the forms that start with it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::{GlossaryEntry, TermMatch};
use crate::Language;

/// Forms by their lowercased first word, per language; longest forms first.
#[derive(Debug, Clone, Default)]
pub(super) struct Index {
    languages: HashMap<Language, HashMap<String, Vec<Form>, Fnv>>,
}

/// One written form of a term, cut into words and the gaps between them.
#[derive(Debug, Clone)]
struct Form {
    entry: usize,
    /// The words lowercased, or as written when the form is all capitals (`exact`).
    words: Vec<String>,
    /// What stands between two words (" ", "-", "'"), normalised by [`gap`].
    gaps: Vec<String>,
    exact: bool,
}

/// A word of a searched text: its bytes in the text and its lowercase in [`Words::lower`].
struct Word {
    text: Range<usize>,
    lower: Range<usize>,
}

/// A text cut into words, with all lowercased words in one buffer.
struct Words {
    words: Vec<Word>,
    lower: String,
}

impl Index {
    pub(super) fn new(entries: &[GlossaryEntry]) -> Index {
        let mut languages: HashMap<Language, HashMap<String, Vec<Form>, Fnv>> = HashMap::new();
        for (entry, e) in entries.iter().enumerate() {
            for term in &e.terms {
                let forms = languages.entry(term.language).or_default();
                for written in term.forms() {
                    let Some((key, form)) = Form::new(entry, written) else { continue };
                    let list = forms.entry(key).or_default();
                    let same = |f: &Form| f.words == form.words && f.gaps == form.gaps;
                    if !list.iter().any(|f| f.exact == form.exact && same(f)) {
                        list.push(form);
                    }
                }
            }
        }
        for forms in languages.values_mut() {
            for list in forms.values_mut() {
                // Stable: among equally long forms the earlier entry wins.
                list.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
            }
        }
        Index { languages }
    }

    pub(super) fn find(&self, text: &str, language: Language) -> Vec<TermMatch> {
        let Some(forms) = self.languages.get(&language) else { return Vec::new() };
        let words = Words::new(text);
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(word) = words.words.get(at) {
            let key = words.lower.get(word.lower.clone()).unwrap_or("");
            let hit = forms.get(key).and_then(|list| {
                list.iter()
                    .find(|form| form.matches(text, &words, at))
                    .map(|f| (f.entry, f.words.len()))
            });
            match hit {
                Some((entry, len)) => {
                    let end = words.words.get(at + len - 1).map_or(word.text.end, |w| w.text.end);
                    found.push(TermMatch { entry, range: word.text.start..end });
                    at += len;
                }
                None => at += 1,
            }
        }
        found
    }
}

impl Form {
    /// The index key and form of a written form; `None` if it has no word at all.
    fn new(entry: usize, written: &str) -> Option<(String, Form)> {
        let cut = Words::new(written);
        let first = cut.words.first()?;
        let key = cut.lower.get(first.lower.clone())?.to_owned();
        let exact =
            written.chars().any(char::is_uppercase) && !written.chars().any(char::is_lowercase);
        let words = cut
            .words
            .iter()
            .map(|w| {
                let range = if exact { w.text.clone() } else { w.lower.clone() };
                let source = if exact { written } else { cut.lower.as_str() };
                source.get(range).unwrap_or("").to_owned()
            })
            .collect();
        let gaps = cut
            .words
            .windows(2)
            .map(|pair| gap(written.get(pair[0].text.end..pair[1].text.start).unwrap_or("")))
            .collect();
        Some((key, Form { entry, words, gaps, exact }))
    }

    /// Whether this form starts at word `at` of `text`.
    fn matches(&self, text: &str, words: &Words, at: usize) -> bool {
        let Some(span) = words.words.get(at..at + self.words.len()) else { return false };
        let same_words = span.iter().zip(&self.words).all(|(word, form)| {
            let seen = if self.exact {
                text.get(word.text.clone())
            } else {
                words.lower.get(word.lower.clone())
            };
            seen == Some(form.as_str())
        });
        same_words
            && span.windows(2).zip(&self.gaps).all(|(pair, form)| {
                text.get(pair[0].text.end..pair[1].text.start).is_some_and(|g| gap(g) == *form)
            })
    }
}

impl Words {
    /// Cuts `text` into maximal runs of letters and digits.
    fn new(text: &str) -> Words {
        let mut words = Vec::new();
        let mut lower = String::with_capacity(text.len());
        let mut start = None;
        for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => {
                    start = None;
                    let word = text.get(from..at).unwrap_or("");
                    let lower_from = lower.len();
                    if word.is_ascii() {
                        lower.push_str(word);
                        if let Some(added) = lower.get_mut(lower_from..) {
                            added.make_ascii_lowercase();
                        }
                    } else {
                        lower.extend(word.chars().flat_map(char::to_lowercase));
                    }
                    words.push(Word { text: from..at, lower: lower_from..lower.len() });
                }
                _ => {}
            }
        }
        Words { words, lower }
    }
}

/// The text between two words, made comparable: any run of white space is one space and the
/// typographic apostrophes and hyphens are the plain ones.
fn gap(between: &str) -> String {
    let mut out = String::with_capacity(between.len());
    for c in between.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

/// FNV-1a: the index is looked up once per word of the text, and short keys hash faster this
/// way than with the default hasher (no untrusted keys can flood it: they come from the glossary).
#[derive(Default)]
struct FnvHasher(u64);

type Fnv = BuildHasherDefault<FnvHasher>;

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}
