//! ```` ```risk ```` blocks: YAML describing one risk, validated into a [`RiskEntry`].

use std::collections::HashSet;

use candor_model::{
    CalibratedWord, Diagnostic, Effect, Estimate, Likelihood, Mitigation, MitigationKind,
    RiskCategory, RiskEntry, SeverityLevel, SourceLink, SourceRef, Span,
};

use crate::yaml::{self, Context, Node, SourceMap, Value};

const CX: Context = Context { prefix: "risk", what: "risk block" };

const KEYS: [&str; 10] = [
    "id",
    "category",
    "title",
    "what_could_happen",
    "likelihood",
    "severity",
    "who_is_affected",
    "mitigations",
    "what_you_can_do",
    "sources",
];
const LIKELIHOOD_KEYS: [&str; 4] = ["estimate", "range", "per", "basis"];
const MITIGATION_KEYS: [&str; 3] = ["kind", "what_we_did", "effect"];
const EFFECT_KEYS: [&str; 3] = ["before", "after", "measure"];

/// What a risk block is checked against: the declared sources and the ids used so far.
pub(crate) struct Checks<'a> {
    pub sources: &'a [SourceRef],
    pub ids: &'a mut HashSet<String>,
}

/// Reads the content of a risk fence. `map` places content offsets in the document.
/// `None` when errors prevent building an entry (they are reported).
pub(crate) fn parse(
    content: &str,
    map: &SourceMap,
    checks: &mut Checks<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<RiskEntry> {
    let root = yaml::parse(content, map, CX, diags)?;
    let whole = map.span(0, content.len());
    let entries = match &root.value {
        Value::Map(entries) => entries.as_slice(),
        Value::Null => &[],
        _ => {
            diags.push(wrong_type("The risk block", "`key: value` lines", &root));
            return None;
        }
    };
    let mut r = Reader { diags };
    let mut id = None;
    let mut category = None;
    let mut title = None;
    let mut entry_ok = true;
    let mut what_could_happen = None;
    let mut likelihood = None;
    let mut severity = None;
    let mut who_is_affected = None;
    let mut mitigations = Vec::new();
    let mut what_you_can_do = None;
    let mut sources = Vec::new();
    for (key, value) in entries {
        let name = key.key_text();
        match name.as_str() {
            "id" => {
                id = r.text("id", value).map(|t| (t, value.span));
                entry_ok &= id.is_some() || value.is_null();
            }
            "category" => {
                let Some(text) = r.text("category", value) else {
                    entry_ok &= value.is_null();
                    continue;
                };
                // Whether the category exists depends on the project's taxonomy: the
                // analysis checks it (`risk/unknown-category`).
                category = RiskCategory::parse(&text);
                entry_ok &= category.is_some();
            }
            "title" => {
                title = r.text("title", value);
                entry_ok &= title.is_some() || value.is_null();
            }
            "what_could_happen" => what_could_happen = r.text("what_could_happen", value),
            "likelihood" => likelihood = r.likelihood(value),
            "severity" => {
                if let Some(text) = r.text("severity", value) {
                    severity = SeverityLevel::parse(&text);
                    if severity.is_none() {
                        r.diags.push(
                            Diagnostic::error(
                                "risk/unknown-severity",
                                value.span,
                                format!("`{text}` is not a severity level."),
                            )
                            .with_hint("Use `low`, `moderate`, `high` or `critical`."),
                        );
                    }
                }
            }
            "who_is_affected" => who_is_affected = r.text("who_is_affected", value),
            "mitigations" => mitigations = r.mitigations(value),
            "what_you_can_do" => what_you_can_do = r.text("what_you_can_do", value),
            "sources" => sources = r.sources(value, checks.sources),
            _ => r.unknown_key(&name, key.span, "", &KEYS),
        }
    }
    for (field, present) in
        [("id", id.is_some()), ("category", category.is_some()), ("title", title.is_some())]
    {
        // A field that was given but wrong has its own error already.
        let given = entries.iter().any(|(k, v)| k.key_text() == field && !v.is_null());
        if !present && !given {
            r.missing(field, whole, root_example(field));
        }
    }
    let (id, id_span) = id?;
    if !is_kebab(&id) {
        r.diags.push(
            Diagnostic::error(
                "risk/invalid-id",
                id_span,
                format!("The risk id `{id}` should be lowercase words joined by hyphens."),
            )
            .with_hint(format!("Try `{}`.", kebab(&id))),
        );
    }
    if !checks.ids.insert(id.clone()) {
        r.diags.push(
            Diagnostic::error(
                "risk/duplicate-id",
                id_span,
                format!("Another risk block already has the id `{id}`."),
            )
            .with_hint("Give every risk its own id; links and the risk overview use it."),
        );
    }
    if !entry_ok {
        return None;
    }
    Some(RiskEntry {
        id,
        category: category?,
        title: title?,
        what_could_happen,
        likelihood,
        severity,
        who_is_affected,
        mitigations,
        what_you_can_do,
        sources,
        span: whole,
    })
}

fn root_example(field: &str) -> &'static str {
    match field {
        "id" => "Add a short id such as `id: cyber-attacks`.",
        "category" => "Add the risk category, e.g. `category: cyber-offence`.",
        _ => "Add a plain title, e.g. `title: Helping attackers break into computer systems`.",
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn kebab(id: &str) -> String {
    let lower: String = id
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { ' ' })
        .collect();
    let joined = lower.split_whitespace().collect::<Vec<_>>().join("-");
    if joined.is_empty() { "risk".to_owned() } else { joined }
}

fn wrong_type(what: &str, expected: &str, node: &Node) -> Diagnostic {
    Diagnostic::error(
        "risk/wrong-type",
        node.span,
        format!("{what} should be {expected}, but it is {}.", node.kind_name()),
    )
}

struct Reader<'d> {
    diags: &'d mut Vec<Diagnostic>,
}

impl Reader<'_> {
    /// A text field; numbers count as the text they are written as. Empty counts as absent.
    fn text(&mut self, field: &str, node: &Node) -> Option<String> {
        match node.text() {
            Some(t) => Some(t.trim().to_owned()).filter(|t| !t.is_empty()),
            None if node.is_null() => None,
            None => {
                self.diags.push(wrong_type(&format!("`{field}`"), "text", node));
                None
            }
        }
    }

    /// `field` is a path such as `mitigations.kind`; the message names its owner.
    fn missing(&mut self, field: &str, span: Span, hint: &str) {
        let message = match field.split_once('.') {
            Some(("likelihood", f)) => format!("The likelihood has no `{f}`."),
            Some(("mitigations", f)) => format!("This mitigation has no `{f}`."),
            Some((owner, f)) => format!("This `{owner}` has no `{f}`."),
            None => format!("This risk block has no `{field}`, which every risk needs."),
        };
        self.diags.push(Diagnostic::error("risk/missing-field", span, message).with_hint(hint));
    }

    fn unknown_key(&mut self, name: &str, span: Span, parent: &str, known: &[&str]) {
        let d = Diagnostic::warning(
            "risk/unknown-key",
            span,
            format!("Candor does not know the risk field `{parent}{name}`; it is ignored."),
        );
        self.diags.push(match yaml::closest(name, known) {
            Some(k) => d.with_hint(format!("Did you mean `{k}`?")),
            None => d.with_hint(format!("Known fields here: {}.", known.join(", "))),
        });
    }

    /// A probability: a number from 0 to 1, a percentage such as `"20%"`, or (if `words`)
    /// a word from the calibrated scale.
    fn probability(&mut self, field: &str, node: &Node, words: bool) -> Option<Estimate> {
        let invalid = |why: String| {
            let hint = if words {
                "Write a number from 0 to 1 (0.2), a percentage (\"20%\") or a word such as `unlikely` or `very likely`."
            } else {
                "Write a number from 0 to 1 (0.2) or a percentage (\"20%\")."
            };
            Diagnostic::error("risk/invalid-probability", node.span, why).with_hint(hint)
        };
        let (p, shown) = match &node.value {
            Value::Int(_) | Value::Float(_) => (node.number(), node.raw.clone()),
            Value::Str(s) => {
                let s = s.trim();
                if let Some(percent) = s.strip_suffix('%') {
                    match percent.trim().parse::<f64>() {
                        Ok(v) if (0.0..=100.0).contains(&v) => {
                            return Some(Estimate::Probability(v / 100.0));
                        }
                        _ => {
                            self.diags.push(invalid(format!(
                                "`{field}` is `{s}`, but a percentage must be between 0% and 100%."
                            )));
                            return None;
                        }
                    }
                }
                if words && let Some(w) = CalibratedWord::parse(s) {
                    return Some(Estimate::Word(w));
                }
                (s.parse::<f64>().ok(), s.to_owned())
            }
            Value::Null => {
                self.diags.push(invalid(format!("`{field}` is empty.")));
                return None;
            }
            _ => {
                self.diags.push(wrong_type(&format!("`{field}`"), "a probability", node));
                return None;
            }
        };
        match p {
            Some(p) if (0.0..=1.0).contains(&p) => Some(Estimate::Probability(p)),
            Some(p) if p > 1.0 && p <= 100.0 => {
                self.diags.push(
                    invalid(format!("`{field}` is {shown}, but a probability is between 0 and 1."))
                        .with_hint(format!("If you mean {shown} percent, write \"{shown}%\".")),
                );
                None
            }
            Some(_) => {
                self.diags.push(invalid(format!(
                    "`{field}` is {shown}, but a probability is between 0 and 1."
                )));
                None
            }
            None => {
                let why = if words {
                    format!(
                        "`{field}` is `{shown}`, which is neither a probability nor a word of the likelihood scale."
                    )
                } else {
                    format!("`{field}` is `{shown}`, which is not a probability.")
                };
                self.diags.push(invalid(why));
                None
            }
        }
    }

    fn likelihood(&mut self, node: &Node) -> Option<Likelihood> {
        let entries = match &node.value {
            Value::Map(entries) => entries,
            Value::Null => return None,
            // `likelihood: 0.2` is short for `likelihood: { estimate: 0.2 }`.
            Value::Str(_) | Value::Int(_) | Value::Float(_) => {
                let estimate = self.probability("likelihood", node, true)?;
                return Some(Likelihood { estimate, range: None, per: None, basis: None });
            }
            _ => {
                self.diags.push(wrong_type(
                    "`likelihood`",
                    "`estimate`, `range`, `per` and `basis` lines",
                    node,
                ));
                return None;
            }
        };
        let mut estimate = None;
        let mut range_node = None;
        let mut per = None;
        let mut basis = None;
        let mut estimate_given = false;
        for (key, value) in entries {
            let name = key.key_text();
            match name.as_str() {
                "estimate" => {
                    estimate_given = true;
                    estimate = self.probability("likelihood.estimate", value, true);
                }
                "range" => range_node = Some(value),
                "per" => per = self.text("likelihood.per", value),
                "basis" => basis = self.text("likelihood.basis", value),
                _ => self.unknown_key(&name, key.span, "likelihood.", &LIKELIHOOD_KEYS),
            }
        }
        if !estimate_given {
            self.missing(
                "likelihood.estimate",
                node.span,
                "Add `estimate: 0.2` (or a word such as `unlikely`) under `likelihood`.",
            );
        }
        // The range is checked even when the estimate is wrong, so both errors show at once.
        let range = range_node.and_then(|n| self.range(n, estimate));
        Some(Likelihood { estimate: estimate?, range, per, basis })
    }

    fn range(&mut self, node: &Node, estimate: Option<Estimate>) -> Option<(f64, f64)> {
        let invalid = |message: String| {
            Diagnostic::error("risk/invalid-range", node.span, message)
                .with_hint("Write the lowest and highest probability, e.g. `range: [0.1, 0.3]`.")
        };
        let items = match &node.value {
            Value::Null => return None,
            Value::Seq(items) if items.len() == 2 => items,
            Value::Seq(items) => {
                self.diags.push(invalid(format!(
                    "`likelihood.range` needs exactly two numbers, but it has {}.",
                    items.len()
                )));
                return None;
            }
            _ => {
                self.diags.push(wrong_type(
                    "`likelihood.range`",
                    "a list of two probabilities",
                    node,
                ));
                return None;
            }
        };
        let lo = self.probability("likelihood.range", &items[0], false);
        let hi = self.probability("likelihood.range", &items[1], false);
        let (Some(Estimate::Probability(lo)), Some(Estimate::Probability(hi))) = (lo, hi) else {
            return None;
        };
        if lo > hi {
            self.diags.push(invalid(format!(
                "`likelihood.range` goes from {lo} down to {hi}; the lower bound comes first."
            )));
            return None;
        }
        if let Some(Estimate::Probability(p)) = estimate
            && !(lo..=hi).contains(&p)
        {
            self.diags.push(invalid(format!(
                "The estimate {p} lies outside its own range [{lo}, {hi}]."
            )));
            return None;
        }
        Some((lo, hi))
    }

    fn mitigations(&mut self, node: &Node) -> Vec<Mitigation> {
        let items = match &node.value {
            Value::Null => return Vec::new(),
            Value::Seq(items) => items,
            _ => {
                self.diags.push(wrong_type(
                    "`mitigations`",
                    "a list of `- kind: ...` entries",
                    node,
                ));
                return Vec::new();
            }
        };
        items.iter().filter_map(|item| self.mitigation(item)).collect()
    }

    fn mitigation(&mut self, node: &Node) -> Option<Mitigation> {
        let Value::Map(entries) = &node.value else {
            self.diags.push(wrong_type(
                "A mitigation",
                "`kind`, `what_we_did` and `effect` lines",
                node,
            ));
            return None;
        };
        let mut kind = None;
        let mut kind_given = false;
        let mut what_we_did = None;
        let mut effect = None;
        for (key, value) in entries {
            let name = key.key_text();
            match name.as_str() {
                "kind" => {
                    kind_given = !value.is_null();
                    let Some(text) = self.text("mitigations.kind", value) else { continue };
                    // Checked against the project's taxonomy by the analysis.
                    kind = MitigationKind::parse(&text);
                }
                "what_we_did" => what_we_did = self.text("mitigations.what_we_did", value),
                "effect" => effect = self.effect(value),
                _ => self.unknown_key(&name, key.span, "mitigations.", &MITIGATION_KEYS),
            }
        }
        if !kind_given {
            self.missing(
                "mitigations.kind",
                node.span,
                "Add the kind of mitigation, e.g. `kind: input-output-filtering`.",
            );
        }
        if what_we_did.is_none() {
            self.missing("mitigations.what_we_did", node.span, "Say in plain words what was done, e.g. `what_we_did: We check every request for attack instructions.`");
        }
        Some(Mitigation { kind: kind?, what_we_did: what_we_did?, effect })
    }

    fn effect(&mut self, node: &Node) -> Option<Effect> {
        let entries = match &node.value {
            Value::Null => return None,
            Value::Map(entries) => entries,
            _ => {
                self.diags.push(wrong_type(
                    "`effect`",
                    "`before`, `after` and `measure` lines",
                    node,
                ));
                return None;
            }
        };
        let (mut before, mut after, mut measure) = (None, None, None);
        let mut given = [false; 3];
        for (key, value) in entries {
            let name = key.key_text();
            match name.as_str() {
                "before" => {
                    given[0] = true;
                    before = self.probability("effect.before", value, false);
                }
                "after" => {
                    given[1] = true;
                    after = self.probability("effect.after", value, false);
                }
                "measure" => {
                    given[2] = true;
                    measure = self.text("effect.measure", value);
                    if measure.is_none() && value.is_null() {
                        given[2] = false;
                    }
                }
                _ => self.unknown_key(&name, key.span, "effect.", &EFFECT_KEYS),
            }
        }
        for (field, was_given) in
            ["effect.before", "effect.after", "effect.measure"].iter().zip(given)
        {
            if !was_given {
                self.missing(
                    field,
                    node.span,
                    "An effect compares `before` and `after` (probabilities) for the same `measure`, e.g. `share of attempts that succeeded`.",
                );
            }
        }
        match (before?, after?) {
            (Estimate::Probability(before), Estimate::Probability(after)) => {
                Some(Effect { before, after, measure: measure? })
            }
            _ => None,
        }
    }

    fn sources(&mut self, node: &Node, declared: &[SourceRef]) -> Vec<SourceLink> {
        let items = match &node.value {
            Value::Null => return Vec::new(),
            Value::Seq(items) => items.iter().collect::<Vec<_>>(),
            Value::Str(_) => vec![node],
            _ => {
                self.diags.push(wrong_type("`sources`", "a list such as `[report#sec-7-3]`", node));
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            let Some(text) = item.text() else {
                self.diags.push(wrong_type("Each source", "text such as `report#sec-7-3`", item));
                continue;
            };
            let text = text.trim();
            let bare = text.strip_prefix("source:").unwrap_or(text);
            match SourceLink::parse(bare) {
                Err(why) => self.diags.push(
                    Diagnostic::error("risk/invalid-source", item.span, format!("{why}."))
                        .with_hint("Write a source as `ID#PASSAGE`, e.g. `report#sec-7-3`."),
                ),
                Ok(link) if !declared.iter().any(|s| s.id == link.source) => {
                    self.diags.push(unknown_source(
                        &link.source,
                        item.span,
                        declared,
                        "risk/unknown-source",
                    ));
                }
                Ok(link) => out.push(link),
            }
        }
        out
    }
}

/// An error for a citation of a source the front matter does not declare.
pub(crate) fn unknown_source(
    id: &str,
    span: Span,
    declared: &[SourceRef],
    code: &str,
) -> Diagnostic {
    let d = Diagnostic::error(
        code,
        span,
        format!("The source `{id}` is not listed under `sources` in the front matter."),
    );
    if declared.is_empty() {
        d.with_hint("No sources are declared yet; add `sources:` with `- id: ...` entries to the front matter.")
    } else {
        let ids: Vec<&str> = declared.iter().map(|s| s.id.as_str()).collect();
        let d = d.with_hint(format!("Declared sources: {}.", ids.join(", ")));
        match yaml::closest(id, &ids) {
            Some(guess) => d.with_hint(format!("Did you mean `{guess}`?")),
            None => d,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{located, one};

    use super::*;

    fn declared() -> Vec<SourceRef> {
        vec![SourceRef { id: "report".into(), ..SourceRef::default() }]
    }

    fn run(yaml: &str) -> (Option<RiskEntry>, Vec<Diagnostic>) {
        let sources = declared();
        let mut ids = HashSet::new();
        let mut checks = Checks { sources: &sources, ids: &mut ids };
        let mut diags = Vec::new();
        let entry = parse(yaml, &SourceMap::contiguous(0), &mut checks, &mut diags);
        (entry, diags)
    }

    /// (code, line, column) of each diagnostic.
    fn found(yaml: &str) -> Vec<(String, usize, usize)> {
        located(yaml, run(yaml).1)
    }

    const BASE: &str = "id: cyber\ncategory: cyber-offence\ntitle: Helping attackers\n";

    fn with(extra: &str) -> String {
        format!("{BASE}{extra}")
    }

    #[test]
    fn the_documented_example() {
        let yaml = with(
            "what_could_happen: Attackers get help.\nlikelihood:\n  estimate: 0.2\n  range: [0.1, 0.3]\n  per: attempt by a skilled attacker\n  basis: Red-team evaluation, February 2026\nseverity: high\nwho_is_affected: Companies\nmitigations:\n  - kind: input-output-filtering\n    what_we_did: We filter.\n    effect: { before: 0.2, after: 0.04, measure: share of attempts that succeeded }\nwhat_you_can_do: Patch.\nsources: [report#sec-7-3]\n",
        );
        let (entry, diags) = run(&yaml);
        assert!(diags.is_empty(), "{diags:?}");
        let e = entry.unwrap();
        assert_eq!(e.id, "cyber");
        assert_eq!(e.category.id(), "cyber-offence");
        let l = e.likelihood.unwrap();
        assert_eq!(l.estimate, Estimate::Probability(0.2));
        assert_eq!(l.range, Some((0.1, 0.3)));
        assert_eq!(l.per.as_deref(), Some("attempt by a skilled attacker"));
        assert_eq!(e.severity, Some(SeverityLevel::High));
        let m = &e.mitigations[0];
        assert_eq!(m.kind.id(), "input-output-filtering");
        assert_eq!(m.effect.as_ref().unwrap().after, 0.04);
        assert_eq!(e.sources[0].passage.as_deref(), Some("sec-7-3"));
        assert_eq!(e.span, Span::new(0, yaml.len()));
    }

    #[test]
    fn estimates_in_every_form() {
        let est = |v: &str| {
            run(&with(&format!("likelihood:\n  estimate: {v}\n")))
                .0
                .unwrap()
                .likelihood
                .unwrap()
                .estimate
        };
        assert_eq!(est("\"20%\""), Estimate::Probability(0.2));
        assert_eq!(est("1"), Estimate::Probability(1.0));
        assert_eq!(
            est("about as likely as not"),
            Estimate::Word(CalibratedWord::AboutAsLikelyAsNot)
        );
        assert_eq!(est("very-unlikely"), Estimate::Word(CalibratedWord::VeryUnlikely));
        let short = run(&with("likelihood: unlikely\n")).0.unwrap();
        assert_eq!(short.likelihood.unwrap().estimate, Estimate::Word(CalibratedWord::Unlikely));
    }

    #[test]
    fn required_fields() {
        assert_eq!(found("category: cbrn\ntitle: T\n"), one("risk/missing-field", 1, 1));
        let (entry, diags) = run("id: x\n");
        assert!(entry.is_none());
        assert_eq!(diags.len(), 2);
        assert!(diags[0].message.contains("`category`"));
        assert_eq!(
            found(""),
            vec![
                ("risk/missing-field".into(), 1, 1),
                ("risk/missing-field".into(), 1, 1),
                ("risk/missing-field".into(), 1, 1),
            ]
        );
    }

    #[test]
    fn every_risk_code_has_a_position() {
        // Whether a category or mitigation kind exists is checked by the analysis, against
        // the project's taxonomy; the reader keeps what was written.
        let (entry, d) = run("id: x\ncategory: Cyber Offense\ntitle: T\n");
        assert!(d.is_empty());
        assert_eq!(entry.unwrap().category.id(), "cyber-offense");
        assert_eq!(found(&with("likelihod: 0.2\n")), one("risk/unknown-key", 4, 1));
        assert_eq!(run(&with("likelihod: 0.2\n")).1[0].hints, ["Did you mean `likelihood`?"]);
        assert_eq!(
            found(&with("likelihood:\n  estimate: 20\n")),
            one("risk/invalid-probability", 5, 13)
        );
        assert_eq!(
            found(&with("likelihood:\n  estimate: probable\n")),
            one("risk/invalid-probability", 5, 13)
        );
        assert_eq!(
            found(&with("likelihood:\n  estimate: \"120%\"\n")),
            one("risk/invalid-probability", 5, 13)
        );
        assert_eq!(
            found(&with("likelihood:\n  estimate: 0.5\n  range: [0.1, 0.3]\n")),
            one("risk/invalid-range", 6, 10)
        );
        assert_eq!(
            found(&with("likelihood:\n  estimate: 0.2\n  range: [0.3, 0.1]\n")),
            one("risk/invalid-range", 6, 10)
        );
        assert_eq!(
            found(&with("likelihood:\n  estimate: 0.2\n  range: [0.1]\n")),
            one("risk/invalid-range", 6, 10)
        );
        assert_eq!(
            found(&with("likelihood:\n  range: [0.1, 0.2]\n")),
            one("risk/missing-field", 5, 3)
        );
        assert_eq!(found(&with("severity: dire\n")), one("risk/unknown-severity", 4, 11));
        assert_eq!(found(&with("mitigations:\n  - kind: filtering\n    what_we_did: x\n")), []);
        assert_eq!(
            found(&with("mitigations:\n  - kind: security\n")),
            one("risk/missing-field", 5, 5)
        );
        assert_eq!(
            found(&with(
                "mitigations:\n  - kind: security\n    what_we_did: x\n    effect: {before: 2, after: 0.1, measure: m}\n"
            )),
            one("risk/invalid-probability", 7, 22)
        );
        assert_eq!(found(&with("sources: [other#x]\n")), one("risk/unknown-source", 4, 11));
        assert_eq!(found(&with("sources: [\"a b\"]\n")), one("risk/invalid-source", 4, 11));
        assert_eq!(
            found(&with("title2: x\nwho_is_affected: [a]\n")).last().cloned(),
            Some(("risk/wrong-type".into(), 5, 18))
        );
        assert_eq!(
            found("id: Cyber Risk\ncategory: cbrn\ntitle: T\n"),
            one("risk/invalid-id", 1, 5)
        );
        assert_eq!(found(&with("a: [1\n")), one("risk/yaml-syntax", 5, 1));
        assert_eq!(found(&with("severity: &s high\n")), one("risk/yaml-alias", 4, 11));
        assert_eq!(found(&with("severity: *s\n")), one("risk/yaml-alias", 4, 11));
        assert_eq!(found(&with("severity: !x high\n")), one("risk/yaml-tag", 4, 11));
        assert_eq!(found(&with("title: again\n")), one("risk/duplicate-key", 4, 1));
        assert_eq!(found(&with(&format!("x: {}", "{a: ".repeat(20)))), one("risk/too-deep", 4, 64));
    }

    #[test]
    fn unknown_source_hints_list_the_declared_ids() {
        let (_, d) = run(&with("sources: [reprot#x]\n"));
        assert_eq!(d[0].hints, ["Declared sources: report.", "Did you mean `report`?"]);
        // The `source:` prefix of links is accepted too.
        assert!(run(&with("sources: [\"source:report#x\"]\n")).1.is_empty());
    }

    #[test]
    fn duplicate_ids_across_blocks() {
        let sources = declared();
        let mut ids = HashSet::new();
        let mut diags = Vec::new();
        for _ in 0..2 {
            let mut checks = Checks { sources: &sources, ids: &mut ids };
            assert!(parse(BASE, &SourceMap::contiguous(0), &mut checks, &mut diags).is_some());
        }
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "risk/duplicate-id");
    }

    #[test]
    fn bad_optional_parts_are_dropped_not_the_entry() {
        let (entry, diags) = run(&with(
            "likelihood:\n  estimate: 3\nmitigations:\n  - kind: security\n  - kind: security\n    what_we_did: y\n",
        ));
        let entry = entry.unwrap();
        assert!(entry.likelihood.is_none());
        assert_eq!(entry.mitigations.len(), 1);
        assert_eq!(diags.len(), 2);
        // A wrong estimate does not hide a wrong range.
        let codes: Vec<_> = found(&with("likelihood:\n  estimate: 20\n  range: [0.5, 0.1]\n"))
            .into_iter()
            .map(|(c, ..)| c)
            .collect();
        assert_eq!(codes, ["risk/invalid-probability", "risk/invalid-range"]);
        let (_, d) = run(&with("mitigations:\n  - kind: security\n"));
        assert_eq!(d[0].message, "This mitigation has no `what_we_did`.");
    }
}
