//! What changed between two versions of a source, passage by passage.
//!
//! Passage ids are positions ("the second paragraph of section 7.3"), so when a passage is
//! added or removed the ids after it shift. Passages are therefore matched by their text: the
//! same text is the same passage wherever it moved; a passage of the old version whose text
//! is gone is matched to the most similar new passage of the same section (changed), or
//! reported removed.

use std::collections::{HashMap, HashSet};

use candor_model::SourceContent;
use serde::Serialize;

/// What became of one passage of the old version.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PassageChange {
    /// The same text, possibly under another id now.
    Same { old: String, new: String },
    /// Reworded or with other figures: the closest new passage.
    Changed { old: String, new: String, old_text: String, new_text: String, similarity: f64 },
    /// No longer in the source.
    Removed { old: String, old_text: String },
}

impl PassageChange {
    /// The passage id in the old version.
    pub fn old_id(&self) -> &str {
        match self {
            PassageChange::Same { old, .. }
            | PassageChange::Changed { old, .. }
            | PassageChange::Removed { old, .. } => old,
        }
    }
}

/// How similar two passages must be (word overlap) to count as one passage reworded.
const MIN_SIMILARITY: f64 = 0.5;

/// Every passage of `old` and what became of it in `new`, in the order of `old`.
pub fn source_changes(old: &SourceContent, new: &SourceContent) -> Vec<PassageChange> {
    let normal = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut by_text: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in new.passages.iter().enumerate() {
        by_text.entry(normal(&p.text)).or_default().push(i);
    }
    let mut taken: HashSet<usize> = HashSet::new();
    let mut out: Vec<Option<PassageChange>> = vec![None; old.passages.len()];
    // First the passages whose text is unchanged, preferring the same id.
    for (i, p) in old.passages.iter().enumerate() {
        let Some(candidates) = by_text.get(&normal(&p.text)) else { continue };
        let pick = candidates
            .iter()
            .copied()
            .filter(|c| !taken.contains(c))
            .min_by_key(|&c| (new.passages[c].id != p.id, c.abs_diff(i)));
        if let Some(c) = pick {
            taken.insert(c);
            out[i] =
                Some(PassageChange::Same { old: p.id.clone(), new: new.passages[c].id.clone() });
        }
    }
    // Then the rest: the most similar free passage of the same section, or removed.
    let section_title = |content: &SourceContent, index: Option<usize>| {
        index.and_then(|s| content.sections.get(s)).map(|s| s.title.clone())
    };
    for (i, p) in old.passages.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        let words = word_set(&p.text);
        let section = section_title(old, p.section);
        let best = new
            .passages
            .iter()
            .enumerate()
            .filter(|(c, q)| !taken.contains(c) && section_title(new, q.section) == section)
            .map(|(c, q)| (c, overlap(&words, &word_set(&q.text))))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        out[i] = Some(match best {
            Some((c, similarity)) if similarity >= MIN_SIMILARITY => {
                taken.insert(c);
                let q = &new.passages[c];
                PassageChange::Changed {
                    old: p.id.clone(),
                    new: q.id.clone(),
                    old_text: p.text.clone(),
                    new_text: q.text.clone(),
                    similarity,
                }
            }
            _ => PassageChange::Removed { old: p.id.clone(), old_text: p.text.clone() },
        });
    }
    out.into_iter().flatten().collect()
}

fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Shared words over the words of the larger passage (0..=1).
fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let larger = a.len().max(b.len());
    if larger == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / larger as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(paragraphs: &[&str]) -> SourceContent {
        let text = format!("# Evaluation\n\n{}\n", paragraphs.join("\n\n"));
        candor_import::import_source(candor_model::SourceFormat::Markdown, text.as_bytes())
            .unwrap()
            .value
    }

    #[test]
    fn passages_are_matched_by_text_even_when_their_ids_shift() {
        let old = source(&[
            "The model was tested on 400 prompts written by experts.",
            "It refused 96% of harmful requests in the test.",
            "Results were reviewed by an external lab.",
        ]);
        let new = source(&[
            "A new opening paragraph was added here.",
            "The model was tested on 400 prompts written by experts.",
            "It refused 91% of harmful requests in the test.",
        ]);
        let changes = source_changes(&old, &new);
        assert_eq!(changes.len(), 3);
        assert!(
            matches!(&changes[0], PassageChange::Same { old, new } if old != new),
            "{changes:?}"
        );
        match &changes[1] {
            PassageChange::Changed { old_text, new_text, .. } => {
                assert!(old_text.contains("96%") && new_text.contains("91%"));
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(&changes[2], PassageChange::Removed { old_text, .. } if old_text.contains("external lab"))
        );
        // Unchanged sources: everything the same, under the same ids.
        let same = source_changes(&old, &old);
        assert!(same.iter().all(|c| matches!(c, PassageChange::Same { old, new } if old == new)));
    }
}
