//! Content words for comparing a sentence with the passage it cites: lowercase, stop words
//! of English, German and French removed, and stemmed lightly by keeping the first five
//! letters ("trained", "training", "Trainingsdaten" -> "train").

use std::collections::HashSet;

use super::figures::Lang;

/// Words that carry no substance, or that every passage about a model shares.
const STOP: &[&str] = &[
    // English
    "about",
    "above",
    "after",
    "again",
    "also",
    "among",
    "because",
    "been",
    "before",
    "being",
    "both",
    "could",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "every",
    "from",
    "further",
    "have",
    "having",
    "here",
    "into",
    "just",
    "like",
    "many",
    "more",
    "most",
    "much",
    "must",
    "only",
    "other",
    "over",
    "same",
    "should",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "under",
    "until",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "would",
    "your",
    "yours",
    "itself",
    "make",
    "made",
    "used",
    "uses",
    "using",
    "says",
    "said",
    "shows",
    "show",
    "report",
    "reports",
    "model",
    "models",
    "system",
    "systems",
    "source",
    "sources",
    "section",
    "document",
    "table",
    "figure",
    "page",
    "example",
    "provider",
    "according",
    "states",
    "stated",
    "describes",
    "explains",
    "around",
    "roughly",
    "nearly",
    "almost",
    "percent",
    // German
    "aber",
    "alle",
    "allem",
    "also",
    "auch",
    "auf",
    "aus",
    "bei",
    "beim",
    "bereits",
    "bisher",
    "damit",
    "dann",
    "dass",
    "deren",
    "dessen",
    "diese",
    "diesem",
    "diesen",
    "dieser",
    "dieses",
    "doch",
    "durch",
    "eine",
    "einem",
    "einen",
    "einer",
    "eines",
    "etwa",
    "für",
    "gegen",
    "haben",
    "hatte",
    "immer",
    "jede",
    "jedem",
    "jeden",
    "jeder",
    "kann",
    "können",
    "mehr",
    "muss",
    "nach",
    "nicht",
    "noch",
    "oder",
    "ohne",
    "sein",
    "seine",
    "sich",
    "sind",
    "soll",
    "sollen",
    "sowie",
    "über",
    "unter",
    "viele",
    "vom",
    "von",
    "wann",
    "wenn",
    "werden",
    "wird",
    "wurde",
    "wurden",
    "während",
    "zwischen",
    "modell",
    "modells",
    "modelle",
    "bericht",
    "quelle",
    "abschnitt",
    "prozent",
    "anbieter",
    // French
    "alors",
    "aussi",
    "autre",
    "autres",
    "avant",
    "avec",
    "avoir",
    "cela",
    "celle",
    "celui",
    "cette",
    "ces",
    "chaque",
    "comme",
    "dans",
    "depuis",
    "donc",
    "elle",
    "elles",
    "encore",
    "entre",
    "être",
    "leur",
    "leurs",
    "mais",
    "même",
    "moins",
    "notre",
    "nous",
    "peut",
    "plus",
    "pour",
    "quand",
    "quel",
    "quelle",
    "sans",
    "selon",
    "sont",
    "sous",
    "tous",
    "tout",
    "toute",
    "très",
    "vous",
    "modèle",
    "modèles",
    "rapport",
    "fournisseur",
    "environ",
];

/// Short words that carry no substance (content words of three letters, such as "art",
/// "web" or "GPU", are kept).
const STOP3: &[&str] = &[
    "the", "and", "for", "are", "was", "not", "but", "can", "may", "has", "had", "its", "all",
    "any", "our", "one", "two", "use", "who", "how", "why", "out", "yet", "per", "via", "did",
    "get", "got", "let", "set", "see", "say", "new", "own", "way", "too", "off", "now", "his",
    "her", "she", "him", "you", "few", "lot", "bit", "end", "put", "der", "die", "das", "und",
    "ist", "mit", "ein", "den", "dem", "von", "zur", "zum", "bei", "aus", "auf", "wie", "les",
    "des", "une", "est", "pas", "par", "sur", "aux", "qui", "que", "son", "ses", "nos",
];

/// Plain words a companion document uses for a source's technical ones, as stems: both
/// sides are read as the first (picture = image = photo(realism); collection = dataset;
/// copies = duplicates; graphics chips = GPUs; latency = quick, fast, delay).
const SAME: &[&[&str]] = &[
    &["image", "pictu", "photo"],
    &["datas", "colle"],
    &["dupli", "dedup", "copie", "copy"],
    &["gpu", "chip", "chips"],
    &["laten", "quick", "fast", "delay", "speed"],
];

/// The stems of the content words of `text` (web addresses left out): lowercase, the first
/// five letters, plain synonyms read as one.
pub(super) fn stems(text: &str) -> HashSet<String> {
    text.split_whitespace()
        .filter(|w| !(w.contains("://") || w.starts_with("www.")))
        .flat_map(|w| w.split(|c: char| !(c.is_alphanumeric() || c == '\'')))
        .map(|w| w.trim_matches('\''))
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()) && !STOP3.contains(&w.as_str()))
        .map(|w| {
            let w = w.strip_suffix('s').filter(|s| s.chars().count() == 4).unwrap_or(&w);
            let stem: String = w.chars().take(5).collect();
            SAME.iter()
                .find(|group| group.contains(&stem.as_str()))
                .map_or(stem, |g| g[0].to_owned())
        })
        .collect()
}

/// Whether two sets of stems share a word: the same stem, or a word of three or four
/// letters that begins the other ("art" and "artworks").
pub(super) fn share(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    if !a.is_disjoint(b) {
        return true;
    }
    let short = |x: &String, y: &String| x.chars().count() < 5 && y.starts_with(x.as_str());
    a.iter().any(|x| b.iter().any(|y| short(x, y) || short(y, x)))
}

/// The language `text` is most likely written in, when its function words say so clearly.
pub(super) fn language_of(text: &str) -> Option<Lang> {
    const EN: &[&str] = &["the", "and", "of", "is", "are", "with", "this", "that", "for", "was"];
    const DE: &[&str] = &[
        "der", "die", "das", "und", "ist", "mit", "nicht", "ein", "eine", "für", "wird", "sind",
        "den", "dem", "von", "zu",
    ];
    const FR: &[&str] =
        &["le", "la", "les", "et", "est", "des", "une", "un", "pour", "avec", "dans", "du", "sont"];
    let mut counts = [0usize; 3];
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let w = word.to_lowercase();
        for (i, list) in [EN, DE, FR].iter().enumerate() {
            if list.contains(&w.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    let clear = n >= 2 && counts.iter().enumerate().all(|(i, &m)| i == best || m * 2 < n);
    clear.then_some([Lang::En, Lang::De, Lang::Fr][best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_shared_across_word_forms() {
        let a = stems("The model was trained on filtered web pages.");
        let b = stems("Training data: we filter pages from the web.");
        assert!(a.contains("train") && b.contains("train"));
        assert!(a.contains("filte") && b.contains("filte"));
        assert!(!a.contains("model"));
    }

    #[test]
    fn plain_words_for_technical_ones_are_shared() {
        let passage = stems("Latency bound scenarios");
        assert!(share(&stems("uses where answers must come quickly"), &passage));
        assert!(share(&stems("when a fast answer matters"), &passage));
        assert!(!share(&stems("uses where answers must be correct"), &passage));
    }

    #[test]
    fn languages_by_function_words() {
        assert_eq!(
            language_of("The model is safe and it is tested for the risks."),
            Some(Lang::En)
        );
        assert_eq!(
            language_of("Das Modell ist sicher und wird von der Firma geprüft."),
            Some(Lang::De)
        );
        assert_eq!(
            language_of("Le modèle est testé pour les risques et des abus."),
            Some(Lang::Fr)
        );
        assert_eq!(language_of("7B"), None);
    }
}
