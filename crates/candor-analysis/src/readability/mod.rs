//! Readability: the classic formulas for the EU languages Candor knows, and LIX and RIX for
//! every language, per paragraph, per section and for the whole document.
//!
//! Coefficients follow ../shared/reference/readability-formulas.md (primary sources there).
//! Counting is done once ([`TextStats`]); every formula is a function of the counts, so scores
//! of sections and documents are exact sums, not averages of averages.

mod document;
mod language;
mod syllables;
pub(crate) mod text;

use serde::Serialize;

pub use document::{DocumentReadability, PartReadability, document_readability};
pub use language::Language;
pub(crate) use syllables::syllables;

/// What the formulas count in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct TextStats {
    pub sentences: u32,
    pub words: u32,
    pub syllables: u32,
    /// Letters only, without digits or punctuation (Gulpease).
    pub letters: u32,
    /// Words of more than six letters (LIX, RIX, Wiener Sachtextformel's IW).
    pub long_words: u32,
    /// Words of three or more syllables (Wiener Sachtextformel's MS).
    pub polysyllables: u32,
    /// Words of one syllable (Wiener Sachtextformel's ES).
    pub monosyllables: u32,
}

impl TextStats {
    /// Counts one unit of text (a paragraph, heading or list item: at least one sentence).
    pub fn of(text: &str, language: Option<Language>) -> TextStats {
        let mut stats = TextStats::default();
        for sentence in text::sentences(text) {
            let words = text::words(sentence);
            if words.is_empty() {
                continue;
            }
            stats.sentences += 1;
            for word in words {
                stats.words += 1;
                let letters = word.letters();
                stats.letters += letters;
                let count = if word.number {
                    1
                } else {
                    syllables(word.text, language.unwrap_or(Language::En)).max(1)
                };
                stats.syllables += count;
                if letters > 6 {
                    stats.long_words += 1;
                }
                if count >= 3 {
                    stats.polysyllables += 1;
                }
                if count == 1 {
                    stats.monosyllables += 1;
                }
            }
        }
        stats
    }

    pub fn add(&mut self, other: &TextStats) {
        self.sentences += other.sentences;
        self.words += other.words;
        self.syllables += other.syllables;
        self.letters += other.letters;
        self.long_words += other.long_words;
        self.polysyllables += other.polysyllables;
        self.monosyllables += other.monosyllables;
    }

    /// Average sentence length in words.
    fn asl(&self) -> f64 {
        f64::from(self.words) / f64::from(self.sentences.max(1))
    }

    /// Average syllables per word.
    fn asw(&self) -> f64 {
        f64::from(self.syllables) / f64::from(self.words.max(1))
    }

    fn percent(&self, count: u32) -> f64 {
        100.0 * f64::from(count) / f64::from(self.words.max(1))
    }
}

/// A readability formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Formula {
    /// English, 0–100, higher is easier (Flesch 1948).
    FleschReadingEase,
    /// English, a US school grade (Kincaid et al. 1975).
    FleschKincaidGrade,
    /// German Flesch, 0–100 (Amstad 1978).
    FleschAmstad,
    /// German, a school grade (first Wiener Sachtextformel, Bamberger & Vanecek 1984).
    WienerSachtextformel,
    /// French Flesch, 0–100 (Kandel & Moles 1958).
    KandelMoles,
    /// Spanish, 0–100 (Fernández-Huerta, corrected by Law 2011).
    FernandezHuerta,
    /// Spanish, 0–100 (Szigriszt-Pazos 1993; INFLESZ bands).
    SzigrisztPazos,
    /// Italian, 0–100 (Lucisano & Piemontese 1988).
    Gulpease,
    /// Dutch Flesch, 0–100 (Douma 1960).
    FleschDouma,
    /// Dutch, 0–100 (Brouwer).
    Brouwer,
    /// Any language: sentence length plus share of long words (Björnsson 1968); lower is easier.
    Lix,
    /// Any language: long words per sentence (Anderson 1983); lower is easier.
    Rix,
}

impl Formula {
    /// The formulas for a language, its own first, then LIX and RIX.
    pub fn for_language(language: Option<Language>) -> &'static [Formula] {
        use Formula::*;
        match language {
            Some(Language::En) => &[FleschReadingEase, FleschKincaidGrade, Lix, Rix],
            Some(Language::De) => &[FleschAmstad, WienerSachtextformel, Lix, Rix],
            Some(Language::Fr) => &[KandelMoles, Lix, Rix],
            Some(Language::Es) => &[FernandezHuerta, SzigrisztPazos, Lix, Rix],
            Some(Language::It) => &[Gulpease, Lix, Rix],
            Some(Language::Nl) => &[FleschDouma, Brouwer, Lix, Rix],
            None => &[Lix, Rix],
        }
    }

    /// The formula's value for the counts; `None` for a text without words.
    pub fn score(self, s: &TextStats) -> Option<f64> {
        if s.words == 0 || s.sentences == 0 {
            return None;
        }
        let (asl, asw) = (s.asl(), s.asw());
        let per_100_words = 100.0 * asw;
        let value = match self {
            Formula::FleschReadingEase => 206.835 - 1.015 * asl - 84.6 * asw,
            Formula::FleschKincaidGrade => 0.39 * asl + 11.8 * asw - 15.59,
            Formula::FleschAmstad => 180.0 - asl - 58.5 * asw,
            Formula::WienerSachtextformel => {
                0.1935 * s.percent(s.polysyllables)
                    + 0.1672 * asl
                    + 0.1297 * s.percent(s.long_words)
                    - 0.0327 * s.percent(s.monosyllables)
                    - 0.875
            }
            Formula::KandelMoles => 207.0 - 1.015 * asl - 73.6 * asw,
            Formula::FernandezHuerta => 206.84 - 0.60 * per_100_words - 1.02 * asl,
            Formula::SzigrisztPazos => 206.835 - 62.3 * asw - asl,
            Formula::Gulpease => {
                89.0 + (300.0 * f64::from(s.sentences) - 10.0 * f64::from(s.letters))
                    / f64::from(s.words)
            }
            Formula::FleschDouma => 206.835 - 0.93 * asl - 77.0 * asw,
            Formula::Brouwer => 195.0 - 2.0 * asl - 0.67 * per_100_words,
            Formula::Lix => asl + s.percent(s.long_words),
            Formula::Rix => f64::from(s.long_words) / f64::from(s.sentences),
        };
        Some(value)
    }

    /// Whether a higher value means an easier text.
    pub fn higher_is_easier(self) -> bool {
        !matches!(
            self,
            Formula::FleschKincaidGrade
                | Formula::WienerSachtextformel
                | Formula::Lix
                | Formula::Rix
        )
    }

    /// The name shown to authors.
    pub fn name(self) -> &'static str {
        match self {
            Formula::FleschReadingEase => "Flesch Reading Ease",
            Formula::FleschKincaidGrade => "Flesch–Kincaid grade",
            Formula::FleschAmstad => "Flesch (Amstad)",
            Formula::WienerSachtextformel => "Wiener Sachtextformel",
            Formula::KandelMoles => "Kandel–Moles",
            Formula::FernandezHuerta => "Fernández-Huerta",
            Formula::SzigrisztPazos => "Szigriszt-Pazos",
            Formula::Gulpease => "Gulpease",
            Formula::FleschDouma => "Flesch–Douma",
            Formula::Brouwer => "Brouwer",
            Formula::Lix => "LIX",
            Formula::Rix => "RIX",
        }
    }
}

/// One formula's value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    pub formula: Formula,
    pub value: f64,
}

/// The readability of a text: its counts and the scores of its language's formulas.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readability {
    pub language: Option<Language>,
    pub stats: TextStats,
    pub scores: Vec<Score>,
}

impl Readability {
    pub fn from_stats(stats: TextStats, language: Option<Language>) -> Readability {
        let scores = Formula::for_language(language)
            .iter()
            .filter_map(|&formula| formula.score(&stats).map(|value| Score { formula, value }))
            .collect();
        Readability { language, stats, scores }
    }

    pub fn score(&self, formula: Formula) -> Option<f64> {
        self.scores.iter().find(|s| s.formula == formula).map(|s| s.value)
    }

    /// The school grade the text needs, from the language's grade formula (Flesch–Kincaid for
    /// English, the Wiener Sachtextformel for German); `None` where there is none.
    pub fn grade(&self) -> Option<f64> {
        match self.language {
            Some(Language::En) => self.score(Formula::FleschKincaidGrade),
            Some(Language::De) => self.score(Formula::WienerSachtextformel),
            _ => None,
        }
    }
}

/// The readability of one piece of text (a paragraph or more; split into sentences here).
pub fn readability(text: &str, language: Option<Language>) -> Readability {
    Readability::from_stats(TextStats::of(text, language), language)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(sentences: u32, words: u32, syllables: u32) -> TextStats {
        TextStats { sentences, words, syllables, ..TextStats::default() }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// The coefficients, checked on round numbers: 100 words, 5 sentences (ASL 20),
    /// 150 syllables (ASW 1.5).
    #[test]
    fn coefficients_match_the_reference() {
        let s = stats(5, 100, 150);
        let score = |f: Formula| f.score(&s).unwrap_or(f64::NAN);
        assert!(close(score(Formula::FleschReadingEase), 206.835 - 20.3 - 126.9));
        assert!(close(score(Formula::FleschKincaidGrade), 7.8 + 17.7 - 15.59));
        assert!(close(score(Formula::FleschAmstad), 180.0 - 20.0 - 87.75));
        assert!(close(score(Formula::KandelMoles), 207.0 - 20.3 - 110.4));
        assert!(close(score(Formula::FernandezHuerta), 206.84 - 90.0 - 20.4));
        assert!(close(score(Formula::SzigrisztPazos), 206.835 - 93.45 - 20.0));
        assert!(close(score(Formula::FleschDouma), 206.835 - 18.6 - 115.5));
        assert!(close(score(Formula::Brouwer), 195.0 - 40.0 - 100.5));
    }

    #[test]
    fn gulpease_lix_rix_and_wiener_use_letters_and_long_words() {
        let s = TextStats {
            sentences: 4,
            words: 80,
            syllables: 120,
            letters: 400,
            long_words: 20,
            polysyllables: 10,
            monosyllables: 40,
        };
        assert!(close(Formula::Gulpease.score(&s).unwrap_or(0.0), 89.0 + (1200.0 - 4000.0) / 80.0));
        assert!(close(Formula::Lix.score(&s).unwrap_or(0.0), 20.0 + 25.0));
        assert!(close(Formula::Rix.score(&s).unwrap_or(0.0), 5.0));
        let wiener = 0.1935 * 12.5 + 0.1672 * 20.0 + 0.1297 * 25.0 - 0.0327 * 50.0 - 0.875;
        assert!(close(Formula::WienerSachtextformel.score(&s).unwrap_or(0.0), wiener));
    }

    #[test]
    fn an_empty_text_has_no_scores() {
        let r = readability("", Some(Language::En));
        assert!(r.scores.is_empty());
        assert_eq!(r.stats, TextStats::default());
    }

    #[test]
    fn plain_english_scores_easier_than_dense_english() {
        let plain = readability(
            "The model writes text. You ask it a question. It answers.",
            Some(Language::En),
        );
        let dense = readability(
            "Comprehensive evaluation methodologies necessitate multidimensional quantification of \
             systemic vulnerabilities, incorporating probabilistic characterisation of catastrophic \
             consequences attributable to autonomous capabilities.",
            Some(Language::En),
        );
        let ease = |r: &Readability| r.score(Formula::FleschReadingEase).unwrap_or(f64::NAN);
        assert!(ease(&plain) > 80.0, "{}", ease(&plain));
        assert!(ease(&dense) < 10.0, "{}", ease(&dense));
        assert_eq!(plain.stats.sentences, 3);
        assert_eq!(plain.stats.words, 11);
    }

    #[test]
    fn other_languages_get_lix_and_rix() {
        let r = readability("Dit is een korte zin.", Language::from_tag("sv"));
        let names: Vec<Formula> = r.scores.iter().map(|s| s.formula).collect();
        assert_eq!(names, [Formula::Lix, Formula::Rix]);
        assert_eq!(Language::from_tag("de-AT"), Some(Language::De));
    }
}
