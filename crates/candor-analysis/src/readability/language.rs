//! The languages Candor measures readability in.

use serde::Serialize;

/// A language with its own readability formulas and syllable rules. Other languages get the
/// language-independent measures (LIX, RIX) only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    De,
    Fr,
    Es,
    It,
    Nl,
}

impl Language {
    pub const ALL: [Language; 6] =
        [Language::En, Language::De, Language::Fr, Language::Es, Language::It, Language::Nl];

    /// The language of a BCP 47 tag (`en`, `de-AT`, `fr-BE` …), if Candor has formulas for it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Language::En),
            "de" => Some(Language::De),
            "fr" => Some(Language::Fr),
            "es" => Some(Language::Es),
            "it" => Some(Language::It),
            "nl" => Some(Language::Nl),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::It => "it",
            Language::Nl => "nl",
        }
    }
}
