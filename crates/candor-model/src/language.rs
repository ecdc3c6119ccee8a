use std::fmt;

use serde::{Deserialize, Serialize};

/// A well-formed BCP 47 language tag such as `en`, `de-AT` or `sr-Latn`, in canonical case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageTag(String);

/// The 24 official languages of the European Union (ISO 639-1).
pub const EU_LANGUAGES: [&str; 24] = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
    "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
];

impl LanguageTag {
    /// Parses a tag, accepting `_` as separator and any letter case.
    ///
    /// Checks the shape of language, script, region and variant subtags (RFC 5646 section 2.1);
    /// extensions and private use (`-x-…`) are accepted as they are.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("the language tag is empty".into());
        }
        let mut parts = text.split(['-', '_']).peekable();
        let mut out: Vec<String> = Vec::new();
        let language = parts.next().unwrap_or_default();
        let alpha = |s: &str| s.chars().all(|c| c.is_ascii_alphabetic());
        if !(alpha(language) && (2..=3).contains(&language.len())) {
            return Err(format!(
                "`{language}` is not a language code; use a two- or three-letter code such as `en` or `de`"
            ));
        }
        out.push(language.to_ascii_lowercase());
        let mut stage = 0; // 0: script allowed, 1: region allowed, 2: variants
        while let Some(part) = parts.next() {
            let len = part.len();
            let alnum = part.chars().all(|c| c.is_ascii_alphanumeric());
            if !alnum || len == 0 || len > 8 {
                return Err(format!("`{part}` is not a valid part of a language tag"));
            }
            if len == 1 {
                // Extension or private use: keep the rest verbatim (lowercase).
                out.push(part.to_ascii_lowercase());
                for rest in parts.by_ref() {
                    if rest.is_empty()
                        || rest.len() > 8
                        || !rest.chars().all(|c| c.is_ascii_alphanumeric())
                    {
                        return Err(format!("`{rest}` is not a valid part of a language tag"));
                    }
                    out.push(rest.to_ascii_lowercase());
                }
                break;
            }
            if stage == 0 && len == 4 && alpha(part) {
                let mut script = part.to_ascii_lowercase();
                script[..1].make_ascii_uppercase();
                out.push(script);
                stage = 1;
            } else if stage <= 1
                && ((len == 2 && alpha(part))
                    || (len == 3 && part.chars().all(|c| c.is_ascii_digit())))
            {
                out.push(part.to_ascii_uppercase());
                stage = 2;
            } else if (5..=8).contains(&len)
                || (len == 4 && part.starts_with(|c: char| c.is_ascii_digit()))
            {
                out.push(part.to_ascii_lowercase());
                stage = 2;
            } else {
                return Err(format!(
                    "`{part}` is not a valid script, region or variant in `{text}`"
                ));
            }
        }
        Ok(Self(out.join("-")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, lowercase (`de` for `de-AT`).
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The region subtag, if any (`AT` for `de-AT`).
    pub fn region(&self) -> Option<&str> {
        self.0.split('-').skip(1).find(|p| {
            (p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()))
                || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
        })
    }

    /// Whether the primary language is an official language of the EU.
    pub fn is_eu_official(&self) -> bool {
        EU_LANGUAGES.contains(&self.language())
    }
}

impl Default for LanguageTag {
    fn default() -> Self {
        Self("en".into())
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for LanguageTag {
    type Error = String;
    fn try_from(value: String) -> Result<Self, String> {
        Self::parse(&value)
    }
}

impl From<LanguageTag> for String {
    fn from(tag: LanguageTag) -> String {
        tag.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_case_and_subtags() {
        let tag = LanguageTag::parse("sr_latn_rs").unwrap();
        assert_eq!(tag.as_str(), "sr-Latn-RS");
        assert_eq!(tag.language(), "sr");
        assert_eq!(tag.region(), Some("RS"));
        assert_eq!(LanguageTag::parse("DE-at").unwrap().as_str(), "de-AT");
        assert_eq!(LanguageTag::parse("es-419").unwrap().region(), Some("419"));
        assert!(LanguageTag::parse("en-GB-oxendict").is_ok());
        assert!(LanguageTag::parse("en-x-candor").is_ok());
    }

    #[test]
    fn rejects_malformed_tags() {
        for bad in ["", "english", "e", "en-", "en--GB", "en-GB-toolongvariant", "en GB", "12"] {
            assert!(LanguageTag::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn knows_the_eu_languages() {
        assert!(LanguageTag::parse("ga").unwrap().is_eu_official());
        assert!(!LanguageTag::parse("ja").unwrap().is_eu_official());
    }
}
