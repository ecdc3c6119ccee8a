//! Stacked hedges: two or more words of uncertainty in one sentence ("may possibly").

use super::super::Finding;
use super::super::tokens::Sentence;
use super::Rule;
use super::words::phrase_at;
use crate::Language;

#[rustfmt::skip]
const EN: &[&str] = &[
    "appears to", "appear to", "seems to", "seem to", "to some extent", "may", "might", "could",
    "possibly", "perhaps", "potentially", "probably", "likely", "somewhat", "arguably",
    "conceivably", "presumably", "maybe",
];
#[rustfmt::skip]
const DE: &[&str] = &[
    "unter umständen", "in gewisser weise", "kann", "können", "könnte", "könnten", "kannst",
    "möglicherweise", "eventuell", "vielleicht", "wahrscheinlich", "scheint", "scheinen",
    "gewissermaßen", "vermutlich", "womöglich", "mutmaßlich", "dürfte", "dürften", "könne",
    "anscheinend",
];
#[rustfmt::skip]
const FR: &[&str] = &[
    "dans une certaine mesure", "sans doute", "il se peut", "peut", "peuvent", "pourrait",
    "pourraient", "éventuellement", "peut-être", "probablement", "potentiellement", "semble",
    "semblent", "possiblement", "vraisemblablement", "sembler", "probable", "puisse", "puissent",
    "il est possible",
];
/// Adverbs that can be removed when they follow another hedge ("may possibly").
#[rustfmt::skip]
const REMOVABLE: &[&str] = &[
    "possibly", "perhaps", "potentially", "probably", "somewhat", "arguably", "conceivably",
    "möglicherweise", "eventuell", "vielleicht", "wahrscheinlich", "vermutlich", "womöglich",
    "éventuellement", "peut-être", "probablement", "potentiellement", "possiblement",
    "vraisemblablement",
];

pub(super) fn check(s: &Sentence<'_>, language: Language, out: &mut Vec<Finding>) {
    let list = match language {
        Language::En => EN,
        Language::De => DE,
        Language::Fr => FR,
        _ => return,
    };
    let mut hedges: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < s.words.len() {
        // "In May" is a month: a capital "May" inside the sentence is not a hedge.
        let month = i > 0 && s.words[i].text == "May";
        match phrase_at(s, i, list).filter(|_| !month) {
            // "could not" is inability, not a hedge; "sans aucun doute" is certainty.
            Some(_)
                if s.words
                    .get(i + 1)
                    .is_some_and(|w| matches!(w.lower.as_str(), "not" | "n't"))
                    && s.words[i].lower == "could" =>
            {
                i += 1
            }
            Some(n) => {
                hedges.push((i, i + n - 1));
                i += n;
            }
            None => i += 1,
        }
    }
    if hedges.len() < 2 {
        return;
    }
    let (first, _) = hedges[0];
    let (_, last) = hedges[hedges.len() - 1];
    let words: Vec<&str> = hedges.iter().map(|&(a, b)| &s.unit[s.words_range(a, b)]).collect();
    let mut finding = Finding::new(
        Rule::StackedHedges,
        s.words_range(first, last),
        match language {
            Language::De => format!("Mehrere Einschränkungen in einem Satz ({}) lassen die Aussage ausweichend klingen.", words.join(", ")),
            Language::Fr => format!("Plusieurs précautions dans une phrase ({}) rendent le propos évasif.", words.join(", ")),
            _ => format!("Several hedges in one sentence ({}) make it sound evasive.", words.join(", ")),
        },
    )
    .hint(match language {
        Language::De => "Sagen Sie die Unsicherheit einmal, am besten mit einer Zahl.",
        Language::Fr => "Exprimez l'incertitude une seule fois, de préférence avec un chiffre.",
        _ => "State the uncertainty once, ideally with a figure.",
    });
    // Two hedges side by side: offer to drop the second ("may possibly" → "may").
    if let [(a_start, a_end), (b_start, b_end), ..] = hedges[..]
        && b_start == a_end + 1
        && a_start <= a_end
        && b_start == b_end
        && REMOVABLE.contains(&s.words[b_start].lower.as_str())
    {
        let range = s.words[a_end].range.end..s.words[b_end].range.end;
        let removed = &s.unit[s.words[b_start].range.clone()];
        finding = finding.fix(format!("Remove “{removed}”"), range, String::new());
    }
    out.push(finding);
}
