//! Sentences and words of a unit, as byte ranges of its text, split exactly as the
//! readability formulas split them (so "a 26-word sentence" means the same everywhere).

use std::ops::Range;

use crate::readability::text;

/// One word: its range in the unit's text and its lowercase form for matching.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub lower: String,
    pub range: Range<usize>,
    pub number: bool,
}

/// A sentence of a unit, with its words.
#[derive(Debug, Clone)]
pub(crate) struct Sentence<'a> {
    /// The whole unit's text; ranges are into it.
    pub unit: &'a str,
    pub range: Range<usize>,
    pub words: Vec<Token<'a>>,
}

impl<'a> Sentence<'a> {
    pub fn text(&self) -> &'a str {
        &self.unit[self.range.clone()]
    }

    /// The range from the start of word `first` to the end of word `last`.
    pub fn words_range(&self, first: usize, last: usize) -> Range<usize> {
        self.words[first].range.start..self.words[last].range.end
    }

    /// The text between two words (exclusive), e.g. to see whether a comma separates them.
    pub fn between(&self, left: usize, right: usize) -> &'a str {
        let start = self.words[left].range.end;
        let end = self.words[right].range.start.max(start);
        &self.unit[start..end]
    }

    /// The text after word `at` up to the next word (punctuation, brackets, spaces).
    pub fn after(&self, at: usize) -> &'a str {
        let start = self.words[at].range.end;
        let end = self.words.get(at + 1).map_or(self.range.end, |w| w.range.start);
        &self.unit[start..end.max(start)]
    }
}

/// The sentences of a unit's text.
pub(crate) fn sentences(unit: &str) -> Vec<Sentence<'_>> {
    text::sentences(unit)
        .into_iter()
        .map(|s| {
            let start = offset_in(unit, s);
            let words = words_at(unit, start, s);
            Sentence { unit, range: start..start + s.len(), words }
        })
        .collect()
}

fn words_at<'a>(unit: &'a str, start: usize, sentence: &'a str) -> Vec<Token<'a>> {
    text::words(sentence)
        .into_iter()
        .map(|w| {
            let at = start + offset_in(sentence, w.text);
            Token {
                text: &unit[at..at + w.text.len()],
                lower: w.text.to_lowercase(),
                range: at..at + w.text.len(),
                number: w.number,
            }
        })
        .collect()
}

/// The byte offset of a slice within the string it was cut from.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize).min(whole.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_point_into_the_unit() {
        let unit = "The model writes text. It was tested on 1,000 prompts.";
        let s = sentences(unit);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].text(), "It was tested on 1,000 prompts.");
        let w = &s[1].words[4];
        assert_eq!((&unit[w.range.clone()], w.number), ("1,000", true));
        assert_eq!(s[1].after(4), " ");
        assert_eq!(s[0].between(0, 1), " ");
    }
}
