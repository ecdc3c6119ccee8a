//! A cited passage before and now, word by word: what the app shows side by side when a newer
//! version of a source changed a passage a document cites. Same comparison as
//! [`crate::diff_versions`] (candor-analysis' word diff).

use candor_analysis::{DiffRun, diff_text};
use serde::Serialize;
#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::DiffPartItem;

/// The old and the new text of a passage in pieces; `changed` marks the words only the old
/// text has (in `before`) or only the new one has (in `now`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PassageDiff {
    pub before: Vec<DiffPartItem>,
    pub now: Vec<DiffPartItem>,
    pub words_added: u32,
    pub words_removed: u32,
}

/// Compares a passage's text `old` (as cited) with `new` (as the source has it now); `new`
/// is `None` when the passage is gone, and everything before counts as removed.
pub fn passage_diff(old: &str, new: Option<&str>) -> PassageDiff {
    let diff = diff_text(old, new.unwrap_or_default());
    let mut out = PassageDiff {
        words_added: u32::try_from(diff.words_added).unwrap_or(u32::MAX),
        words_removed: u32::try_from(diff.words_removed).unwrap_or(u32::MAX),
        ..PassageDiff::default()
    };
    for run in &diff.runs {
        match run {
            DiffRun::Equal(text) => {
                push(&mut out.before, text, false);
                push(&mut out.now, text, false);
            }
            DiffRun::Deleted(text) => push(&mut out.before, text, true),
            DiffRun::Inserted(text) => push(&mut out.now, text, true),
        }
    }
    out
}

/// Appends `text`, joining it to the last piece when that is marked the same.
fn push(parts: &mut Vec<DiffPartItem>, text: &str, changed: bool) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => parts.push(DiffPartItem { text: text.to_owned(), changed }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(parts: &[DiffPartItem]) -> String {
        parts
            .iter()
            .map(|p| if p.changed { format!("[{}]", p.text) } else { p.text.clone() })
            .collect()
    }

    #[test]
    fn marks_the_words_that_changed_on_each_side() {
        let d = passage_diff(
            "The model refused 96% of harmful requests in testing.",
            Some("The model refused 91% of harmful requests in testing."),
        );
        assert_eq!(marked(&d.before), "The model refused [96]% of harmful requests in testing.");
        assert_eq!(marked(&d.now), "The model refused [91]% of harmful requests in testing.");
        assert_eq!((d.words_added, d.words_removed), (1, 1));
    }

    #[test]
    fn a_passage_that_went_is_all_removed_and_an_unchanged_one_has_no_marks() {
        let gone = passage_diff("An outside lab reviewed the results.", None);
        assert_eq!(marked(&gone.before), "[An outside lab reviewed the results.]");
        assert!(gone.now.is_empty());
        assert_eq!(gone.words_removed, 6);

        let same = passage_diff("Tests ran in March.", Some("Tests ran in March."));
        assert_eq!(same.before, same.now);
        assert!(same.before.iter().all(|p| !p.changed));
        assert_eq!((same.words_added, same.words_removed), (0, 0));
    }
}
