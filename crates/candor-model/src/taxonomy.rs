//! The risk categories and mitigation kinds that risk blocks may name.
//!
//! Every category has the same structure; the four systemic risks the EU Code of Practice
//! names for mandatory assessment (Appendix 1.4) are marked, never ranked above the rest.

use serde::{Deserialize, Serialize};

/// A risk category of the taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RiskCategory(&'static CategoryInfo);

/// What Candor knows about one category.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct CategoryInfo {
    /// Kebab-case id used in risk blocks.
    pub id: &'static str,
    /// A plain name for readers.
    pub name: &'static str,
    /// Where the category comes from (official item number).
    pub reference: &'static str,
    /// One of the four specified systemic risks of Appendix 1.4.
    pub specified: bool,
}

macro_rules! categories {
    ($( $id:literal, $name:literal, $reference:literal, $specified:literal; )*) => {
        /// Every category, in the order summaries list them.
        pub static RISK_CATEGORIES: &[CategoryInfo] = &[
            $( CategoryInfo { id: $id, name: $name, reference: $reference, specified: $specified }, )*
        ];
    };
}

categories! {
    "cbrn", "Chemical, biological, radiological and nuclear threats", "CoP S&S Appendix 1.4(1)", true;
    "loss-of-control", "Loss of human control over the model", "CoP S&S Appendix 1.4(2)", true;
    "cyber-offence", "Cyber attacks", "CoP S&S Appendix 1.4(3)", true;
    "harmful-manipulation", "Harmful manipulation of people", "CoP S&S Appendix 1.4(4)", true;
    "public-health", "Public health", "CoP S&S Appendix 1.1(1)", false;
    "safety", "Safety", "CoP S&S Appendix 1.1(2)", false;
    "public-security", "Public security", "CoP S&S Appendix 1.1(3)", false;
    "fundamental-rights", "Fundamental rights", "CoP S&S Appendix 1.1(4)", false;
    "society-as-a-whole", "Society as a whole", "CoP S&S Appendix 1.1(5)", false;
    "major-accidents", "Major accidents", "CoP S&S Appendix 1.1, examples", false;
    "critical-infrastructure", "Critical sectors and infrastructure", "CoP S&S Appendix 1.1, examples", false;
    "public-mental-health", "Public mental health", "CoP S&S Appendix 1.1, examples", false;
    "freedom-of-expression", "Freedom of expression and information", "CoP S&S Appendix 1.1, examples", false;
    "non-discrimination", "Discrimination", "CoP S&S Appendix 1.1, examples", false;
    "privacy", "Privacy and personal data", "CoP S&S Appendix 1.1, examples", false;
    "environment", "The environment", "CoP S&S Appendix 1.1, examples", false;
    "non-human-welfare", "Welfare of animals and other non-humans", "CoP S&S Appendix 1.1, examples", false;
    "economic-security", "Economic security", "CoP S&S Appendix 1.1, examples", false;
    "democratic-processes", "Democratic processes", "CoP S&S Appendix 1.1, examples", false;
    "concentration-of-power", "Concentration of power", "CoP S&S Appendix 1.1, examples", false;
    "illegal-harmful-content", "Illegal, violent, hateful or false content", "CoP S&S Appendix 1.1, examples", false;
}

impl RiskCategory {
    /// Looks up a category by id (case-insensitive, spaces or underscores for hyphens).
    pub fn parse(text: &str) -> Option<Self> {
        let normal = text.trim().to_lowercase().replace([' ', '_'], "-");
        RISK_CATEGORIES.iter().find(|c| c.id == normal).map(RiskCategory)
    }

    pub fn info(self) -> &'static CategoryInfo {
        self.0
    }

    pub fn id(self) -> &'static str {
        self.0.id
    }
}

impl TryFrom<String> for RiskCategory {
    type Error = String;
    fn try_from(value: String) -> Result<Self, String> {
        Self::parse(&value).ok_or_else(|| format!("unknown risk category `{value}`"))
    }
}

impl From<RiskCategory> for String {
    fn from(c: RiskCategory) -> String {
        c.id().to_owned()
    }
}

/// A kind of mitigation (Measure II.6.1 of the third draft, with the proposed additions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MitigationKind(&'static MitigationInfo);

#[derive(Debug, PartialEq, Eq, Hash)]
pub struct MitigationInfo {
    pub id: &'static str,
    pub name: &'static str,
}

/// Every mitigation kind.
pub static MITIGATION_KINDS: &[MitigationInfo] = &[
    MitigationInfo { id: "data-filtering", name: "Filtering the training data" },
    MitigationInfo { id: "input-output-filtering", name: "Checking what goes in and comes out" },
    MitigationInfo { id: "behaviour-change", name: "Training the model to behave more safely" },
    MitigationInfo { id: "access-restriction", name: "Limiting who can use the model" },
    MitigationInfo { id: "safety-tools-for-others", name: "Safety tools offered to others" },
    MitigationInfo { id: "quantitative-guarantees", name: "Measured safety guarantees" },
    MitigationInfo { id: "agent-infrastructure", name: "Safeguards for AI agents" },
    MitigationInfo { id: "interpretability", name: "Tools to understand the model" },
    MitigationInfo { id: "differential-privacy", name: "Protecting personal data in training" },
    MitigationInfo { id: "human-oversight", name: "People overseeing the model" },
    MitigationInfo { id: "security", name: "Protecting the model from theft and tampering" },
];

impl MitigationKind {
    pub fn parse(text: &str) -> Option<Self> {
        let normal = text.trim().to_lowercase().replace([' ', '_'], "-");
        let normal = normal.replace("behavior", "behaviour");
        MITIGATION_KINDS.iter().find(|m| m.id == normal).map(MitigationKind)
    }

    pub fn info(self) -> &'static MitigationInfo {
        self.0
    }

    pub fn id(self) -> &'static str {
        self.0.id
    }
}

impl TryFrom<String> for MitigationKind {
    type Error = String;
    fn try_from(value: String) -> Result<Self, String> {
        Self::parse(&value).ok_or_else(|| format!("unknown mitigation kind `{value}`"))
    }
}

impl From<MitigationKind> for String {
    fn from(m: MitigationKind) -> String {
        m.id().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_specified_risks_exist() {
        for id in ["cbrn", "loss-of-control", "cyber-offence", "harmful-manipulation"] {
            assert!(RiskCategory::parse(id).unwrap().info().specified);
        }
        assert_eq!(RiskCategory::parse("Cyber Offence").unwrap().id(), "cyber-offence");
        assert!(RiskCategory::parse("weather").is_none());
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<_> = RISK_CATEGORIES.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RISK_CATEGORIES.len());
        assert!(MitigationKind::parse("behavior-change").is_some());
    }
}
