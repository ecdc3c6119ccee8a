//! Text helpers of the disclosure map: normalising labels and titles, telling real content
//! from placeholders, splitting "Label: value" passages, cutting excerpts.

/// Longest excerpt, in characters.
pub(super) const MAX_EXCERPT: usize = 200;

/// What a piece of text holds, for the disclosure map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Value {
    /// Something real.
    Content,
    /// A stand-in: "[More Information Needed]", "TBD", "N/A", a `{{ … }}` template field.
    Placeholder,
    /// Nothing at all, or only a comment or the template's own boilerplate.
    Empty,
}

/// Lowercase alphanumeric words separated by single spaces: "Language(s) (NLP)" ->
/// "language s nlp", "**Developed by:**" -> "developed by".
pub(super) fn norm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// [`norm`] without bracketed or parenthesised parts: "Language(s) (NLP)" -> "language",
/// "Funded by [optional]" -> "funded by", "Training Time (GPU hours)" -> "training time".
pub(super) fn norm_core(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    norm(&kept)
}

/// The name of a structured field as words: the last part of a dotted path, without an
/// SPDX namespace prefix, camelCase split: "modelCard.modelParameters.architectureFamily"
/// -> "architecture family", "ai_energyConsumption" -> "energy consumption".
pub(super) fn field_name(label: &str) -> String {
    let last = label.rsplit(['.', '/', '>']).find(|part| !part.trim().is_empty()).unwrap_or(label);
    let last = last.trim();
    let lower = last.to_ascii_lowercase();
    let mut rest = last;
    for prefix in ["ai_", "software_", "dataset_", "ai:", "software:", "dataset:"] {
        if lower.starts_with(prefix) {
            rest = &last[prefix.len()..];
            break;
        }
    }
    let mut split = String::with_capacity(rest.len() + 8);
    let mut previous_lower = false;
    for c in rest.chars() {
        if c.is_uppercase() && previous_lower {
            split.push(' ');
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        split.push(c);
    }
    norm(&split)
}

/// A metadata key as the field table writes it: lowercase, `-` as `_`, without a trailing
/// list index ("datasets[0]", "datasets.0" -> "datasets").
pub(super) fn metadata_key(key: &str) -> String {
    let mut key = key.trim().to_lowercase().replace('-', "_");
    loop {
        let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if key.ends_with(']')
            && let Some(open) = key.rfind('[')
            && all_digits(&key[open + 1..key.len() - 1])
        {
            key.truncate(open);
        } else if let Some(dot) = key.rfind('.')
            && all_digits(&key[dot + 1..])
        {
            key.truncate(dot);
        } else {
            return key;
        }
    }
}

/// Whether `text` holds something real, a placeholder, or nothing.
pub(super) fn classify(text: &str) -> Value {
    let (plain, templated) = strip_markup(text);
    let words = norm(&plain);
    if words.is_empty() {
        return if templated { Value::Placeholder } else { Value::Empty };
    }
    if is_placeholder(&words) {
        Value::Placeholder
    } else if is_boilerplate(&words) {
        Value::Empty
    } else {
        Value::Content
    }
}

/// Stand-ins that say the information is missing, normalised.
const PLACEHOLDERS: &[&str] = &[
    "more information needed",
    "more info needed",
    "information needed",
    "needs more information",
    "n a",
    "na",
    "tbd",
    "tba",
    "tbc",
    "todo",
    "to do",
    "to be determined",
    "to be announced",
    "to be added",
    "to be confirmed",
    "coming soon",
    "forthcoming",
    "not available",
    "not applicable",
    "unknown",
    "not known",
    "not disclosed",
    "not publicly disclosed",
    "not specified",
    "unspecified",
    "not provided",
];

/// Openings of short texts that promise the information later ("Forthcoming upon completion
/// of training").
const PLACEHOLDER_OPENINGS: &[&str] = &[
    "more information needed",
    "forthcoming",
    "coming soon",
    "to be determined",
    "to be announced",
    "to be added",
    "tbd",
    "todo",
];

/// Longest text, in words, that a placeholder opening still makes a placeholder.
const PLACEHOLDER_MAX_WORDS: usize = 8;

fn is_placeholder(words: &str) -> bool {
    if PLACEHOLDERS.contains(&words) {
        return true;
    }
    let short = words.split(' ').count() <= PLACEHOLDER_MAX_WORDS;
    if short && PLACEHOLDER_OPENINGS.iter().any(|o| starts_with_words(words, o)) {
        return true;
    }
    // Example files: "the architecture family goes here".
    if short && (words == "goes here" || words.ends_with(" goes here")) {
        return true;
    }
    // The Hugging Face template's default recommendation ends with this sentence.
    words.contains("more information needed for further recommendations")
}

/// Template sentences that surround a field without filling it.
fn is_boilerplate(words: &str) -> bool {
    words == "use the code below to get started with the model"
        || words.starts_with(
            "carbon emissions can be estimated using the machine learning impact calculator",
        )
}

/// `text` without HTML comments, template expressions (`{{ … }}`, `{% … %}`, `{# … #}`) and
/// link targets (`[label](url)` keeps `[label]`); the flag says whether a template expression
/// was found.
pub(super) fn strip_markup(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut templated = false;
    let mut rest = text;
    while !rest.is_empty() {
        let (close, is_template) = if rest.starts_with("<!--") {
            ("-->", false)
        } else if rest.starts_with("{{") {
            ("}}", true)
        } else if rest.starts_with("{%") {
            ("%}", true)
        } else if rest.starts_with("{#") {
            ("#}", true)
        } else if rest.starts_with("](") {
            out.push(']');
            (")", false)
        } else {
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                out.push(c);
            }
            rest = chars.as_str();
            continue;
        };
        templated |= is_template;
        rest = match rest[2..].find(close) {
            Some(end) => &rest[2 + end + close.len()..],
            None => "",
        };
        out.push(' ');
    }
    (out, templated)
}

/// Whether `words` begins with the whole words of `prefix` (both normalised).
pub(super) fn starts_with_words(words: &str, prefix: &str) -> bool {
    words.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Whether `words` holds the whole words of `phrase` (both normalised).
pub(super) fn contains_words(words: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(found) = words[from..].find(phrase) {
        let start = from + found;
        let end = start + phrase.len();
        let before = start == 0 || words.as_bytes()[start - 1] == b' ';
        let after = end == words.len() || words.as_bytes()[end] == b' ';
        if before && after {
            return true;
        }
        from = start + 1;
        while !words.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// A passage read as "Label: value".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LabelSplit<'a> {
    pub label: &'a str,
    pub value: &'a str,
}

/// Longest label, in characters, before the colon of "Label: value".
const MAX_LABEL_CHARS: usize = 80;
/// Most words of a label.
const MAX_LABEL_WORDS: usize = 10;

/// Splits "Label: value", "**Label:** value", "**Label**: value" and "**Label** value"
/// (a bold lead-in, when the importer kept the emphasis markers).
pub(super) fn split_label(text: &str) -> Option<LabelSplit<'_>> {
    let s = text.trim_start();
    for marker in ["**", "__"] {
        if let Some(rest) = s.strip_prefix(marker)
            && let Some(end) = rest.find(marker)
        {
            let inner = rest[..end].trim();
            let after = &rest[end + marker.len()..];
            let (label, value) = if let Some(label) = inner.strip_suffix(':') {
                (label, after)
            } else if let Some(value) = after.trim_start().strip_prefix(':') {
                (inner, value)
            } else {
                (inner, after)
            };
            return plausible(label, value);
        }
    }
    let window = s.char_indices().nth(MAX_LABEL_CHARS).map_or(s.len(), |(i, _)| i);
    let colon = s[..window].find(':')?;
    let label = s[..colon].trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    plausible(label, &s[colon + 1..])
}

fn plausible<'a>(label: &'a str, value: &'a str) -> Option<LabelSplit<'a>> {
    let words = label.split_whitespace().count();
    let value = value.trim_start_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    (1..=MAX_LABEL_WORDS).contains(&words).then_some(LabelSplit { label: label.trim(), value })
}

/// `text` cut to at most [`MAX_EXCERPT`] characters, at a word boundary where one is near.
pub(super) fn excerpt(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= MAX_EXCERPT {
        return text.to_owned();
    }
    let cut = text.char_indices().nth(MAX_EXCERPT - 1).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if head[space..].chars().count() < 40 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_keeps_words_only() {
        assert_eq!(norm("**Developed by:**"), "developed by");
        assert_eq!(norm("Language(s) (NLP)"), "language s nlp");
        assert_eq!(norm_core("Language(s) (NLP)"), "language");
        assert_eq!(norm_core("Funded by [optional]"), "funded by");
        assert_eq!(norm_core("Training Time (GPU hours)"), "training time");
        assert_eq!(norm("Out-of-Scope Use"), "out of scope use");
        assert_eq!(norm("Responsibility & Safety"), "responsibility safety");
        assert_eq!(norm(""), "");
    }

    #[test]
    fn field_names_become_words() {
        assert_eq!(field_name("architectureFamily"), "architecture family");
        assert_eq!(field_name("modelCard.modelParameters.modelArchitecture"), "model architecture");
        assert_eq!(field_name("ai_energyConsumption"), "energy consumption");
        assert_eq!(field_name("software_downloadLocation"), "download location");
        assert_eq!(field_name("Architecture family"), "architecture family");
        assert_eq!(field_name("co2CostEquivalent"), "co2 cost equivalent");
        assert_eq!(field_name("."), "");
    }

    #[test]
    fn metadata_keys_lose_list_indices() {
        assert_eq!(metadata_key("datasets[0]"), "datasets");
        assert_eq!(metadata_key("datasets.1"), "datasets");
        assert_eq!(metadata_key("model-index"), "model_index");
        assert_eq!(metadata_key("co2_eq_emissions.emissions"), "co2_eq_emissions.emissions");
        assert_eq!(metadata_key("License"), "license");
        assert_eq!(metadata_key("gpt2"), "gpt2");
    }

    #[test]
    fn placeholders_in_every_spelling() {
        for text in [
            "[More Information Needed]",
            "[more information needed].",
            "More information needed",
            "MORE INFORMATION NEEDED!",
            "[More Information Needed](https://huggingface.co/docs/hub/model-cards)",
            "N/A",
            "n/a.",
            "TBD",
            "TODO",
            "tbd - will be added",
            "{{ developers | default(\"[More Information Needed]\", true)}}",
            "{{ model_description | default(\"\", true) }}",
            "{% if x %}{% endif %}",
            "*(Forthcoming upon completion of training.)*",
            "[More Information Needed] <!--fp32, fp16 mixed precision -->",
            "Users (both direct and downstream) should be made aware of the risks, biases and \
             limitations of the model. More information needed for further recommendations.",
            "Unknown",
            "the architecture family goes here",
        ] {
            assert_eq!(classify(text), Value::Placeholder, "{text}");
        }
    }

    #[test]
    fn empty_and_boilerplate_are_empty() {
        for text in [
            "",
            "  ",
            "-",
            "<!-- Provide a longer summary of what this model is. -->",
            "Use the code below to get started with the model.",
            "Carbon emissions can be estimated using the Machine Learning Impact calculator \
             presented in Lacoste et al. (2019).",
        ] {
            assert_eq!(classify(text), Value::Empty, "{text:?}");
        }
    }

    #[test]
    fn real_text_is_content() {
        for text in [
            "EleutherAI",
            "apache-2.0",
            "This model is not available in the EU yet, but it will be shortly after launch \
             once we have all approvals and the paperwork is done.",
            "None",
            "Forthcoming work by many people will extend this model to cover more languages, \
             more modalities and more tasks.",
            "See [the paper](https://arxiv.org/abs/2101.00027).",
        ] {
            assert_eq!(classify(text), Value::Content, "{text}");
        }
        assert_eq!(classify("{{ an unclosed template"), Value::Placeholder);
    }

    #[test]
    fn labels_split_in_card_spellings() {
        let split = |t| split_label(t).map(|s| (s.label, s.value));
        assert_eq!(split("Developed by: EleutherAI"), Some(("Developed by", "EleutherAI")));
        assert_eq!(split("**Developed by:** EleutherAI"), Some(("Developed by", "EleutherAI")));
        assert_eq!(split("**Model Page**: [Gemma](x)"), Some(("Model Page", "[Gemma](x)")));
        assert_eq!(
            split("**Input** Models input text only."),
            Some(("Input", "Models input text only."))
        );
        assert_eq!(split("**BibTeX:**"), Some(("BibTeX", "")));
        assert_eq!(split("No label here at all."), None);
        assert_eq!(
            split("A long sentence that goes on and on without a colon until here: value"),
            None
        );
        assert_eq!(split(": value"), None);
    }

    #[test]
    fn whole_words_only() {
        assert!(contains_words("trained for 10 gpu hours", "gpu hours"));
        assert!(!contains_words("the gpu hoursx", "gpu hours"));
        assert!(!contains_words("agpu hours", "gpu hours"));
        assert!(contains_words("agpu hours and gpu hours", "gpu hours"));
        assert!(starts_with_words("out of scope use", "out of scope"));
        assert!(!starts_with_words("outside", "out"));
    }

    #[test]
    fn excerpts_are_short_and_cut_at_words() {
        assert_eq!(excerpt("short"), "short");
        let long = "word ".repeat(100);
        let cut = excerpt(&long);
        assert!(cut.chars().count() <= MAX_EXCERPT);
        assert!(cut.ends_with("word…"));
        let unbroken = "é".repeat(500);
        assert_eq!(excerpt(&unbroken).chars().count(), MAX_EXCERPT);
    }
}
