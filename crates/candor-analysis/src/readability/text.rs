//! Splitting text into sentences and words for the readability formulas.
//!
//! A sentence ends at `.`, `!`, `?` or `…` followed by a space and then something that can
//! start a sentence, except after a known abbreviation ("e.g.", "z. B.", "etc.") or a single
//! initial ("J. Smith"). A decimal point ("3.5") never ends one. The caller hands in headings,
//! paragraphs and list items one by one: each is at least one sentence, punctuated or not.

/// Abbreviations that end with a full stop without ending the sentence (lowercase, without
/// their final stop). Several languages share the list; a clash costs one sentence boundary.
const ABBREVIATIONS: &[&str] = &[
    // English
    "e.g", "i.e", "etc", "vs", "cf", "approx", "fig", "no", "nos", "p", "pp", "vol", "ed", "eds",
    "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "art", "para", "sec", "ch", "e.u", "u.s",
    "u.k", "al", "est", "min", "max", // German
    "z.b", "z", "b", "bzw", "usw", "ca", "d.h", "u.a", "s", "nr", "abs", "vgl", "ggf", "bzgl",
    "inkl", "evtl", "sog", "d", "h", "u", "a", "o", "ä", // French
    "cf", "env", "mme", "mlle", "m", "p.ex", "c.-à-d", "n°", // Spanish, Italian, Dutch
    "sr", "sra", "ej", "pág", "núm", "sig", "ecc", "es", "dott", "sig.ra", "bijv", "o.a", "m.a.w",
    "d.w.z", "enz", "nl",
];

/// The sentences of one unit of text (a paragraph, heading or list item).
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take the whole run of closing punctuation and quotes: `?!`, `."`, `.)`.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | '»')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            let next_is_space = j >= chars.len() || chars[j].1.is_whitespace();
            if next_is_space && ends_sentence(text, at, c, &chars[j..]) {
                let sentence = text[start..end].trim();
                if has_word(sentence) {
                    out.push(sentence);
                }
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    let rest = text[start..].trim();
    if has_word(rest) {
        out.push(rest);
    }
    out
}

/// Whether the stop at byte `at` ends a sentence, given what follows it.
fn ends_sentence(text: &str, at: usize, stop: char, after: &[(usize, char)]) -> bool {
    // What comes next must be able to start a sentence (or there is nothing more).
    let next = after.iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
    let Some(next) = next else { return true };
    let can_start = next.is_uppercase()
        || next.is_numeric()
        || matches!(next, '"' | '“' | '«' | '(' | '\'' | '‘' | '-' | '–' | '¿' | '¡');
    if !can_start {
        return false;
    }
    if stop != '.' {
        return true;
    }
    // The word before the stop: an abbreviation or an initial does not end the sentence.
    let before = &text[..at];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = before[word_start..].to_lowercase();
    if word.is_empty() {
        return true;
    }
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return false;
    }
    !ABBREVIATIONS.contains(&word.as_str())
}

fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// One word of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    /// A number ("2024", "3.5", "20%"): counted as a word of one syllable and no letters.
    pub number: bool,
}

impl Word<'_> {
    /// Letters only (no digits, hyphens or apostrophes), as Gulpease and LIX count them.
    pub fn letters(&self) -> u32 {
        if self.number { 0 } else { self.text.chars().filter(|c| c.is_alphabetic()).count() as u32 }
    }
}

/// The words of a sentence: runs of letters and digits, joined by inner hyphens, apostrophes
/// and (in numbers) decimal points and separators.
pub(crate) fn words(sentence: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let bytes: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = bytes[i].0;
        let mut j = i;
        while j < bytes.len() {
            let c = bytes[j].1;
            let joiner = matches!(c, '-' | '\'' | '’' | '.' | ',' | '\u{00AD}');
            if c.is_alphanumeric() {
                j += 1;
            } else if joiner && j + 1 < bytes.len() && bytes[j + 1].1.is_alphanumeric() {
                // A full stop or comma joins only digits ("3.5", "1,000"); hyphens and
                // apostrophes join letters too ("state-of-the-art", "don't").
                let digits = bytes[j - 1].1.is_numeric() && bytes[j + 1].1.is_numeric();
                if matches!(c, '.' | ',') && !digits {
                    break;
                }
                j += 1;
            } else {
                break;
            }
        }
        let end = bytes.get(j).map_or(sentence.len(), |&(b, _)| b);
        let text = &sentence[start..end];
        let number = text.chars().next().is_some_and(char::is_numeric)
            && !text.chars().any(char::is_alphabetic);
        out.push(Word { text, number });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_before_a_capital() {
        let got = sentences("The model writes text. It can also translate! Does it? Yes.");
        assert_eq!(got, ["The model writes text.", "It can also translate!", "Does it?", "Yes."]);
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end_sentences() {
        let got =
            sentences("Tools, e.g. search, help. J. Smith said so. It scored 3.5 points. Next.");
        assert_eq!(
            got,
            ["Tools, e.g. search, help.", "J. Smith said so.", "It scored 3.5 points.", "Next."]
        );
        let got = sentences("Das gilt z. B. für Texte. Und usw. Ende.");
        assert_eq!(got, ["Das gilt z. B. für Texte.", "Und usw. Ende."]);
    }

    #[test]
    fn a_lowercase_continuation_is_the_same_sentence() {
        assert_eq!(
            sentences("It failed in approx. nine cases."),
            ["It failed in approx. nine cases."]
        );
        assert_eq!(sentences("See section 7. the rest follows").len(), 1);
    }

    #[test]
    fn units_without_punctuation_are_one_sentence() {
        assert_eq!(sentences("What the model is"), ["What the model is"]);
        assert!(sentences("  — ").is_empty());
    }

    #[test]
    fn quotes_and_brackets_after_the_stop_stay_with_the_sentence() {
        let got = sentences("He said \"stop.\" Then it stopped. (It did.) Done.");
        assert_eq!(got, ["He said \"stop.\"", "Then it stopped.", "(It did.)", "Done."]);
    }

    #[test]
    fn words_keep_hyphens_apostrophes_and_numbers_whole() {
        let got: Vec<&str> =
            words("State-of-the-art models don't fail 3.5% of 1,000 times (e.g.).")
                .iter()
                .map(|w| w.text)
                .collect();
        assert_eq!(
            got,
            [
                "State-of-the-art",
                "models",
                "don't",
                "fail",
                "3.5",
                "of",
                "1,000",
                "times",
                "e",
                "g"
            ]
        );
        let w = words("Größe 2024");
        assert_eq!((w[0].letters(), w[0].number), (5, false));
        assert_eq!((w[1].letters(), w[1].number), (0, true));
    }
}
