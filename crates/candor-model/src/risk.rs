use serde::{Deserialize, Serialize};

use crate::{MitigationKind, RiskCategory, SourceLink, Span};

/// One risk, as written in a ```` ```risk ```` block and shown as a risk card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskEntry {
    pub id: String,
    pub category: RiskCategory,
    pub title: String,
    pub what_could_happen: Option<String>,
    pub likelihood: Option<Likelihood>,
    pub severity: Option<SeverityLevel>,
    pub who_is_affected: Option<String>,
    pub mitigations: Vec<Mitigation>,
    pub what_you_can_do: Option<String>,
    pub sources: Vec<SourceLink>,
    /// Where the YAML of this entry starts in the document.
    pub span: Span,
}

/// How likely the harm is, with its uncertainty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Likelihood {
    pub estimate: Estimate,
    /// Lower and upper bound of the probability; never dropped when given.
    pub range: Option<(f64, f64)>,
    /// What one "try" is: "attempt by a skilled attacker".
    pub per: Option<String>,
    /// Where the figure comes from: "Red-team evaluation, February 2026".
    pub basis: Option<String>,
}

/// A probability, or a word from the calibrated scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Estimate {
    Probability(f64),
    Word(CalibratedWord),
}

impl Estimate {
    /// The calibrated word for this estimate (a probability maps onto the IPCC ranges).
    pub fn word(self) -> CalibratedWord {
        match self {
            Estimate::Word(w) => w,
            Estimate::Probability(p) => CalibratedWord::for_probability(p),
        }
    }
}

/// The IPCC calibrated likelihood scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CalibratedWord {
    VirtuallyCertain,
    VeryLikely,
    Likely,
    AboutAsLikelyAsNot,
    Unlikely,
    VeryUnlikely,
    ExceptionallyUnlikely,
}

impl CalibratedWord {
    pub const ALL: [CalibratedWord; 7] = [
        CalibratedWord::VirtuallyCertain,
        CalibratedWord::VeryLikely,
        CalibratedWord::Likely,
        CalibratedWord::AboutAsLikelyAsNot,
        CalibratedWord::Unlikely,
        CalibratedWord::VeryUnlikely,
        CalibratedWord::ExceptionallyUnlikely,
    ];

    /// The id as written in risk blocks (`about-as-likely-as-not`).
    pub fn id(self) -> &'static str {
        match self {
            CalibratedWord::VirtuallyCertain => "virtually-certain",
            CalibratedWord::VeryLikely => "very-likely",
            CalibratedWord::Likely => "likely",
            CalibratedWord::AboutAsLikelyAsNot => "about-as-likely-as-not",
            CalibratedWord::Unlikely => "unlikely",
            CalibratedWord::VeryUnlikely => "very-unlikely",
            CalibratedWord::ExceptionallyUnlikely => "exceptionally-unlikely",
        }
    }

    /// Accepts the id with spaces or hyphens, any case.
    pub fn parse(text: &str) -> Option<Self> {
        let normal = text.trim().to_lowercase().replace([' ', '_'], "-");
        Self::ALL.into_iter().find(|w| w.id() == normal)
    }

    /// The probability range the IPCC gives the word.
    pub fn range(self) -> (f64, f64) {
        match self {
            CalibratedWord::VirtuallyCertain => (0.99, 1.0),
            CalibratedWord::VeryLikely => (0.90, 1.0),
            CalibratedWord::Likely => (0.66, 1.0),
            CalibratedWord::AboutAsLikelyAsNot => (0.33, 0.66),
            CalibratedWord::Unlikely => (0.0, 0.33),
            CalibratedWord::VeryUnlikely => (0.0, 0.10),
            CalibratedWord::ExceptionallyUnlikely => (0.0, 0.01),
        }
    }

    /// The narrowest word whose range holds `p`.
    pub fn for_probability(p: f64) -> Self {
        match p {
            p if p >= 0.99 => CalibratedWord::VirtuallyCertain,
            p if p >= 0.90 => CalibratedWord::VeryLikely,
            p if p >= 0.66 => CalibratedWord::Likely,
            p if p >= 0.33 => CalibratedWord::AboutAsLikelyAsNot,
            p if p >= 0.10 => CalibratedWord::Unlikely,
            p if p >= 0.01 => CalibratedWord::VeryUnlikely,
            _ => CalibratedWord::ExceptionallyUnlikely,
        }
    }

    /// The English phrase shown to readers.
    pub fn phrase(self) -> &'static str {
        match self {
            CalibratedWord::VirtuallyCertain => "virtually certain",
            CalibratedWord::VeryLikely => "very likely",
            CalibratedWord::Likely => "likely",
            CalibratedWord::AboutAsLikelyAsNot => "about as likely as not",
            CalibratedWord::Unlikely => "unlikely",
            CalibratedWord::VeryUnlikely => "very unlikely",
            CalibratedWord::ExceptionallyUnlikely => "exceptionally unlikely",
        }
    }
}

/// How bad the harm would be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SeverityLevel {
    Low,
    Moderate,
    High,
    Critical,
}

impl SeverityLevel {
    pub const ALL: [SeverityLevel; 4] =
        [SeverityLevel::Low, SeverityLevel::Moderate, SeverityLevel::High, SeverityLevel::Critical];

    pub fn id(self) -> &'static str {
        match self {
            SeverityLevel::Low => "low",
            SeverityLevel::Moderate => "moderate",
            SeverityLevel::High => "high",
            SeverityLevel::Critical => "critical",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let normal = text.trim().to_lowercase();
        let normal = if normal == "medium" { "moderate".to_owned() } else { normal };
        Self::ALL.into_iter().find(|s| s.id() == normal)
    }
}

/// What the provider did about a risk, and how much it helped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mitigation {
    pub kind: MitigationKind,
    pub what_we_did: String,
    pub effect: Option<Effect>,
}

/// A before/after measurement of a mitigation; both are probabilities per the same `measure`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Effect {
    pub before: f64,
    pub after: f64,
    pub measure: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibrated_words_accept_spaces_and_hyphens() {
        assert_eq!(
            CalibratedWord::parse("About as likely as not"),
            Some(CalibratedWord::AboutAsLikelyAsNot)
        );
        assert_eq!(CalibratedWord::parse("very-unlikely"), Some(CalibratedWord::VeryUnlikely));
        assert_eq!(CalibratedWord::parse("probable"), None);
    }

    #[test]
    fn probabilities_map_to_words() {
        assert_eq!(Estimate::Probability(0.2).word(), CalibratedWord::Unlikely);
        assert_eq!(Estimate::Probability(0.05).word(), CalibratedWord::VeryUnlikely);
        assert_eq!(Estimate::Probability(0.5).word(), CalibratedWord::AboutAsLikelyAsNot);
    }
}
