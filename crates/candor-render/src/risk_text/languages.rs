//! The risk wording of each language. Templates name their parts in braces (`{count}`).

use super::capitalise;

/// The risk wording of one language.
pub(crate) struct Wording {
    /// Digit group separator for large numbers ("1,000").
    pub(super) group_separator: &'static str,
    pub(super) about: &'static str,
    pub(super) exactly: &'static str,
    pub(super) with_unit: &'static str,
    /// "about 1 in {n}".
    pub(super) one_in: &'static str,
    pub(super) range: &'static str,
    pub(super) range_same: &'static str,
    pub(super) range_defined: &'static str,
    pub(super) less_than: &'static str,
    pub(super) more_than: &'static str,
    pub(super) basis: &'static str,
    pub(super) fell: &'static str,
    pub(super) rose: &'static str,
    pub(super) stayed: &'static str,
    pub(super) sentence: &'static str,
    pub(super) sentence_relative: &'static str,
    pub(super) no_measure: &'static str,
    pub(super) times_less: &'static str,
    pub(super) half_as_often: &'static str,
    pub(super) fraction_less: &'static str,
    pub(super) little_less: &'static str,
    pub(super) times_more: &'static str,
    pub(super) twice_as_often: &'static str,
    pub(super) fraction_more: &'static str,
    pub(super) little_more: &'static str,
    /// Fractions from a tenth up, with their values, for changes under a factor of two.
    pub(super) fractions: &'static [(f64, &'static str)],
    pub(crate) not_stated: &'static str,
    pub(super) icon_array: &'static str,
    /// The calibrated words, in the order of `CalibratedWord::ALL`.
    pub(super) words: [&'static str; 7],
    /// The unit phrase as it follows a number: English takes the plural ("attempt by a
    /// skilled attacker" -> "attempts …"); German and French authors write it that way.
    pub(super) plural: fn(&str) -> String,
    /// ": " between a lead and what follows ("Unlikely: about …"); French puts a no-break
    /// space before the colon.
    pub(crate) colon: &'static str,
    /// " and " before the last item of a list.
    pub(super) and: &'static str,
    /// When the provider gave no likelihood at all.
    pub(crate) not_published: &'static str,
    /// When the provider gave a word but no figure; `{word}` and `{range}`.
    pub(crate) word_only: &'static str,
    /// The calibrated scale's name, as cards cite it.
    pub(crate) scale_name: &'static str,
    /// Under each likelihood: "Likelihood words follow the {scale}."
    pub(crate) scale_ref: &'static str,
    /// The full reference of the scale.
    pub(crate) scale_citation: &'static str,
    /// Heading of the note that explains the likelihood words and rounding.
    pub(crate) about_figures_title: &'static str,
    /// First sentence of that note; `{scale}`.
    pub(crate) about_scale: &'static str,
    /// How figures are rounded and shared; `{out_of}`.
    pub(crate) about_rounding: &'static str,
    /// Labels of a paired icon array.
    pub(crate) before: &'static str,
    pub(crate) after: &'static str,
    /// Text alternative of a before/after pair; `{before}` and `{after}` are icon sentences.
    pub(crate) pair: &'static str,
    /// Coverage statement: `{count}`, `{total}`, `{list}`; `does_not_cover` introduces the
    /// list of areas not covered.
    pub(crate) covers: &'static str,
    pub(crate) covers_none: &'static str,
    pub(crate) does_not_cover: &'static str,
    pub(crate) covers_all: &'static str,
    /// Where the list of areas comes from.
    pub(crate) coverage_source: &'static str,
    /// The heading of the embeddable risk fragment: `{model}`; without a model, the plain one.
    pub(crate) fragment_title: &'static str,
    pub(crate) fragment_title_plain: &'static str,
    /// Where the fragment comes from: `{title}` and `{date}`.
    pub(crate) fragment_from: &'static str,
    pub(crate) fragment_from_dated: &'static str,
    /// The caption of the fragment's overview table.
    pub(crate) fragment_overview: &'static str,
    /// The title of a risk whose block gives none.
    pub(crate) untitled_risk: &'static str,
    /// Where the risk overview would be, in a document without risks.
    pub(crate) no_risks: &'static str,
    /// When a risk lists no mitigation.
    pub(crate) no_mitigation: &'static str,
    /// "Range of the estimate: {range}."
    pub(crate) range_sentence: &'static str,
    /// "level {n} of {count} ({words})".
    pub(crate) severity_scale: &'static str,
}

pub(super) static ENGLISH: Wording = Wording {
    group_separator: ",",
    about: "about {count} in {out_of}",
    exactly: "{count} in {out_of}",
    with_unit: "{frequency} {unit}",
    one_in: "about 1 in {n}",
    range: "between about {low} and {high} in {out_of}",
    range_same: "the lowest and the highest estimate are both {frequency}",
    range_defined: "between {low} and {high} in {out_of}",
    less_than: "{count} in {out_of} or less",
    more_than: "{count} in {out_of} or more",
    basis: "Where the figure comes from: {basis}",
    fell: "fell from {before} to {after}",
    rose: "rose from {before} to {after}",
    stayed: "did not change: {before} before and after",
    sentence: "{measure} {change}.",
    sentence_relative: "{measure} {change} ({relative}).",
    no_measure: "The figure",
    times_less: "about {factor} times less often",
    half_as_often: "about half as often",
    fraction_less: "about {fraction} less often",
    little_less: "a little less often",
    times_more: "about {factor} times as often",
    twice_as_often: "about twice as often",
    fraction_more: "about {fraction} more often",
    little_more: "a little more often",
    fractions: &[
        (0.1, "a tenth"),
        (0.2, "a fifth"),
        (0.25, "a quarter"),
        (1.0 / 3.0, "a third"),
        (0.4, "two fifths"),
        (0.5, "half"),
        (2.0 / 3.0, "two thirds"),
        (0.75, "three quarters"),
    ],
    not_stated: "not stated",
    icon_array: "{filled} of {total} squares are filled in",
    words: [
        "virtually certain",
        "very likely",
        "likely",
        "about as likely as not",
        "unlikely",
        "very unlikely",
        "exceptionally unlikely",
    ],
    plural: english_plural,
    and: " and ",
    colon: ": ",
    not_published: "The provider has not published an estimate.",
    word_only: "The provider gives a word, not a figure. On the scale used, “{word}” means {range}.",
    scale_name: "IPCC likelihood scale",
    scale_ref: "Likelihood words follow the {scale}.",
    scale_citation: "Mastrandrea, M. D. and others (2010). Guidance Note for Lead Authors of the IPCC Fifth Assessment Report on Consistent Treatment of Uncertainties. Intergovernmental Panel on Climate Change.",
    about_figures_title: "How to read the figures",
    about_scale: "The words for how likely something is come from the {scale}. Each word stands for a range of chances:",
    about_rounding: "Chances are given as “about so many in {out_of}” and rounded to whole numbers, so that they can be compared. Figures that are rarer get a larger number after “in”.",
    before: "Before",
    after: "After",
    pair: "Before: {before}. After: {after}.",
    covers: "This summary covers {count} of {total} risk areas: {list}.",
    covers_none: "This summary covers none of the {total} risk areas.",
    does_not_cover: "It does not cover these {count}:",
    covers_all: "It covers all of them.",
    coverage_source: "The list of risk areas comes from the EU Code of Practice for general-purpose AI models and from risks that civil-society groups asked to add.",
    no_mitigation: "The provider has not said what it did about this risk.",
    no_risks: "This document describes no risks.",
    untitled_risk: "Untitled risk",
    fragment_title: "Risks of {model}",
    fragment_title_plain: "Risks",
    fragment_from: "From “{title}”.",
    fragment_from_dated: "From “{title}”, published {date}.",
    fragment_overview: "The risks at a glance",
    range_sentence: "Range of the estimate: {range}.",
    severity_scale: "level {n} of {count} ({words})",
};

pub(super) static GERMAN: Wording = Wording {
    group_separator: ".",
    about: "etwa {count} von {out_of}",
    exactly: "{count} von {out_of}",
    with_unit: "{frequency} {unit}",
    one_in: "etwa 1 von {n}",
    range: "zwischen etwa {low} und {high} von {out_of}",
    range_same: "die niedrigste und die höchste Schätzung liegen beide bei {frequency}",
    range_defined: "zwischen {low} und {high} von {out_of}",
    less_than: "{count} von {out_of} oder weniger",
    more_than: "{count} von {out_of} oder mehr",
    basis: "Woher die Zahl stammt: {basis}",
    fell: "sank: vorher {before}, nachher {after}",
    rose: "stieg: vorher {before}, nachher {after}",
    stayed: "blieb gleich: vorher und nachher {before}",
    sentence: "{measure} {change}.",
    sentence_relative: "{measure} {change} ({relative}).",
    no_measure: "Die Zahl",
    times_less: "etwa {factor}-mal seltener",
    half_as_often: "etwa halb so oft",
    fraction_less: "etwa {fraction} seltener",
    little_less: "etwas seltener",
    times_more: "etwa {factor}-mal so oft",
    twice_as_often: "etwa doppelt so oft",
    fraction_more: "etwa {fraction} häufiger",
    little_more: "etwas häufiger",
    fractions: &[
        (0.1, "ein Zehntel"),
        (0.2, "ein Fünftel"),
        (0.25, "ein Viertel"),
        (1.0 / 3.0, "ein Drittel"),
        (0.4, "zwei Fünftel"),
        (0.5, "die Hälfte"),
        (2.0 / 3.0, "zwei Drittel"),
        (0.75, "drei Viertel"),
    ],
    not_stated: "nicht angegeben",
    icon_array: "{filled} von {total} Quadraten sind ausgefüllt",
    words: [
        "praktisch sicher",
        "sehr wahrscheinlich",
        "wahrscheinlich",
        "etwa ebenso wahrscheinlich wie nicht",
        "unwahrscheinlich",
        "sehr unwahrscheinlich",
        "besonders unwahrscheinlich",
    ],
    plural: as_written,
    and: " und ",
    colon: ": ",
    not_published: "Der Anbieter hat keine Schätzung veröffentlicht.",
    word_only: "Der Anbieter nennt ein Wort, keine Zahl. Auf der verwendeten Skala bedeutet „{word}“: {range}.",
    scale_name: "Wahrscheinlichkeitsskala des Weltklimarats (IPCC)",
    scale_ref: "Die Wahrscheinlichkeitswörter folgen der {scale}.",
    scale_citation: "Mastrandrea, M. D. und andere (2010). Guidance Note for Lead Authors of the IPCC Fifth Assessment Report on Consistent Treatment of Uncertainties. Zwischenstaatlicher Ausschuss für Klimaänderungen (IPCC).",
    about_figures_title: "So lesen Sie die Zahlen",
    about_scale: "Die Wörter dafür, wie wahrscheinlich etwas ist, stammen aus der {scale}. Jedes Wort steht für einen Bereich:",
    about_rounding: "Wahrscheinlichkeiten stehen als „etwa so viele von {out_of}“ da und sind auf ganze Zahlen gerundet, damit man sie vergleichen kann. Seltenere Ereignisse bekommen eine größere Zahl nach „von“.",
    before: "Vorher",
    after: "Nachher",
    pair: "Vorher: {before}. Nachher: {after}.",
    covers: "Diese Zusammenfassung behandelt {count} von {total} Risikobereichen: {list}.",
    covers_none: "Diese Zusammenfassung behandelt keinen der {total} Risikobereiche.",
    does_not_cover: "Diese {count} behandelt sie nicht:",
    covers_all: "Sie behandelt alle.",
    coverage_source: "Die Liste der Risikobereiche stammt aus dem EU-Verhaltenskodex für KI-Modelle mit allgemeinem Verwendungszweck und aus Risiken, deren Aufnahme zivilgesellschaftliche Gruppen gefordert haben.",
    no_mitigation: "Der Anbieter hat nicht gesagt, was er gegen dieses Risiko getan hat.",
    no_risks: "Dieses Dokument beschreibt keine Risiken.",
    untitled_risk: "Risiko ohne Titel",
    fragment_title: "Risiken von {model}",
    fragment_title_plain: "Risiken",
    fragment_from: "Aus „{title}“.",
    fragment_from_dated: "Aus „{title}“, veröffentlicht am {date}.",
    fragment_overview: "Die Risiken im Überblick",
    range_sentence: "Spanne der Schätzung: {range}.",
    severity_scale: "Stufe {n} von {count} ({words})",
};

pub(super) static FRENCH: Wording = Wording {
    group_separator: "\u{202f}",
    about: "environ {count} sur {out_of}",
    exactly: "{count} sur {out_of}",
    with_unit: "{frequency} {unit}",
    one_in: "environ 1 sur {n}",
    range: "entre environ {low} et {high} sur {out_of}",
    range_same: "l’estimation la plus basse et la plus haute sont toutes deux de {frequency}",
    range_defined: "entre {low} et {high} sur {out_of}",
    less_than: "{count} sur {out_of} ou moins",
    more_than: "{count} sur {out_of} ou plus",
    basis: "D’où vient ce chiffre\u{a0}: {basis}",
    fell: "a baissé\u{a0}: avant, {before}\u{202f}; après, {after}",
    rose: "a augmenté\u{a0}: avant, {before}\u{202f}; après, {after}",
    stayed: "n’a pas changé\u{a0}: {before} avant comme après",
    sentence: "{measure} {change}.",
    sentence_relative: "{measure} {change} ({relative}).",
    no_measure: "Le chiffre",
    times_less: "environ {factor} fois moins souvent",
    half_as_often: "environ deux fois moins souvent",
    fraction_less: "environ {fraction} de moins",
    little_less: "un peu moins souvent",
    times_more: "environ {factor} fois plus souvent",
    twice_as_often: "environ deux fois plus souvent",
    fraction_more: "environ {fraction} de plus",
    little_more: "un peu plus souvent",
    fractions: &[
        (0.1, "un dixième"),
        (0.2, "un cinquième"),
        (0.25, "un quart"),
        (1.0 / 3.0, "un tiers"),
        (0.4, "deux cinquièmes"),
        (0.5, "la moitié"),
        (2.0 / 3.0, "deux tiers"),
        (0.75, "trois quarts"),
    ],
    not_stated: "non indiqué",
    icon_array: "{filled} carrés sur {total} sont remplis",
    words: [
        "quasiment certain",
        "très probable",
        "probable",
        "à peu près aussi probable qu’improbable",
        "improbable",
        "très improbable",
        "exceptionnellement improbable",
    ],
    plural: as_written,
    and: " et ",
    colon: "\u{a0}: ",
    not_published: "Le fournisseur n’a pas publié d’estimation.",
    word_only: "Le fournisseur donne un mot, pas un chiffre. Sur l’échelle utilisée, «\u{a0}{word}\u{a0}» signifie {range}.",
    scale_name: "échelle de vraisemblance du GIEC",
    scale_ref: "Les mots de probabilité suivent l’{scale}.",
    scale_citation: "Mastrandrea, M. D. et autres (2010). Guidance Note for Lead Authors of the IPCC Fifth Assessment Report on Consistent Treatment of Uncertainties. Groupe d’experts intergouvernemental sur l’évolution du climat (GIEC).",
    about_figures_title: "Comment lire les chiffres",
    about_scale: "Les mots qui disent à quel point une chose est probable viennent de l’{scale}. Chaque mot correspond à une fourchette\u{a0}:",
    about_rounding: "Les probabilités sont données sous la forme «\u{a0}environ tant sur {out_of}\u{a0}» et arrondies à des nombres entiers, pour pouvoir les comparer. Les événements plus rares ont un plus grand nombre après «\u{a0}sur\u{a0}».",
    before: "Avant",
    after: "Après",
    pair: "Avant\u{a0}: {before}. Après\u{a0}: {after}.",
    covers: "Ce résumé traite {count} des {total} domaines de risque\u{a0}: {list}.",
    covers_none: "Ce résumé ne traite aucun des {total} domaines de risque.",
    does_not_cover: "Il ne traite pas ces {count}\u{a0}:",
    covers_all: "Il les traite tous.",
    coverage_source: "La liste des domaines de risque vient du code de bonnes pratiques de l’UE pour les modèles d’IA à usage général et des risques que des associations de la société civile ont demandé d’ajouter.",
    no_mitigation: "Le fournisseur n’a pas dit ce qu’il a fait contre ce risque.",
    no_risks: "Ce document ne décrit aucun risque.",
    untitled_risk: "Risque sans titre",
    fragment_title: "Les risques de {model}",
    fragment_title_plain: "Les risques",
    fragment_from: "Extrait de «\u{a0}{title}\u{a0}».",
    fragment_from_dated: "Extrait de «\u{a0}{title}\u{a0}», publié le {date}.",
    fragment_overview: "Les risques en bref",
    range_sentence: "Fourchette de l’estimation\u{a0}: {range}.",
    severity_scale: "niveau {n} sur {count} ({words})",
};

/// German and French unit phrases are written by the author as they follow the number.
fn as_written(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words that end the head noun of an English unit phrase ("attempt BY a skilled attacker").
const ENGLISH_BOUNDARIES: &[&str] = &[
    "about", "against", "at", "by", "during", "for", "from", "in", "into", "of", "on", "over",
    "per", "that", "through", "to", "under", "using", "when", "where", "which", "who", "with",
    "without",
];

/// "attempt by a skilled attacker" -> "attempts by a skilled attacker"; "a conversation" ->
/// "conversations". A leading article goes; the head noun (the last word before the first
/// preposition or relative word) takes the plural.
pub(super) fn english_plural(phrase: &str) -> String {
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    if words.len() > 1
        && matches!(words[0].to_lowercase().as_str(), "a" | "an" | "one" | "each" | "every" | "per")
    {
        words.remove(0);
    }
    let boundary = words
        .iter()
        .position(|w| ENGLISH_BOUNDARIES.contains(&w.to_lowercase().as_str()))
        .unwrap_or(words.len());
    let Some(mut head) = boundary.checked_sub(1) else {
        return words.join(" ");
    };
    // A participle after the noun is not the head: "conversation designed to manipulate".
    while head > 0 && {
        let w = words[head].to_lowercase();
        w.ends_with("ed") || w.ends_with("ing")
    } {
        head -= 1;
    }
    let plural = english_plural_word(words[head]);
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    out[head] = plural;
    out.join(" ")
}

fn english_plural_word(word: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("person", "people"),
        ("child", "children"),
        ("man", "men"),
        ("woman", "women"),
        ("query", "queries"),
    ];
    let lower = word.to_lowercase();
    if let Some((_, plural)) = IRREGULAR.iter().find(|(s, _)| *s == lower) {
        return if word.starts_with(char::is_uppercase) {
            capitalise(plural)
        } else {
            (*plural).to_owned()
        };
    }
    let ends = |s: &str| lower.ends_with(s);
    if ends("ss") || ends("sh") || ends("ch") || ends("x") || ends("z") {
        return format!("{word}es");
    }
    if ends("s") {
        return word.to_owned(); // already plural ("attempts")
    }
    let mut chars = lower.chars().rev();
    if let (Some('y'), Some(before)) = (chars.next(), chars.next())
        && !"aeiou".contains(before)
        && before.is_ascii_alphabetic()
    {
        return format!("{}ies", &word[..word.len() - 1]);
    }
    // Only Latin letters take an "s"; anything else (digits, other scripts) stays as it is.
    if word.chars().last().is_some_and(|c| c.is_ascii_alphabetic()) {
        format!("{word}s")
    } else {
        word.to_owned()
    }
}
