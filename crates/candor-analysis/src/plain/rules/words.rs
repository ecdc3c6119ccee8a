//! Word shapes shared by the rules: past participles, clause boundaries, matching.

use super::super::tokens::Sentence;

/// English irregular past participles (regular ones end in -ed).
#[rustfmt::skip]
const EN_IRREGULAR: &[&str] = &[
    "done", "made", "given", "taken", "shown", "known", "seen", "found", "built", "held", "kept",
    "left", "written", "chosen", "driven", "hidden", "run", "set", "put", "cut", "read", "sent",
    "spent", "taught", "thought", "brought", "bought", "told", "sold", "paid", "led", "met", "won",
    "understood", "withdrawn", "undertaken", "overseen", "begun", "broken", "drawn", "eaten",
    "fallen", "forgotten", "forbidden", "frozen", "grown", "laid", "lost", "meant", "proven",
    "shaken", "shot", "shut", "spoken", "stolen", "struck", "thrown", "torn", "worn", "bound",
    "fed", "felt", "heard", "sought", "spread", "stuck", "upheld", "withheld", "rewritten",
    "overwritten", "rerun", "retaken", "beaten", "bitten", "blown", "flown", "ridden", "sworn",
    "woken", "dealt", "built-in", "caught", "got", "gotten", "hit", "let", "lit", "outweighed",
    "mistaken", "foreseen", "forgiven", "misled", "misunderstood", "overtaken", "redone", "remade",
    "rebuilt", "resent", "reset", "sewn", "shrunk", "slain", "spun", "split", "stricken", "swept",
    "swung", "thrust", "trodden", "underwritten", "wound", "wrung", "borne", "born",
];

/// Words ending in -ed that are adjectives after *be*, or not participles at all.
#[rustfmt::skip]
const EN_NOT_PASSIVE: &[&str] = &[
    "tired", "interested", "concerned", "worried", "pleased", "surprised", "excited", "bored",
    "scared", "satisfied", "advanced", "detailed", "sophisticated", "complicated", "skilled",
    "experienced", "related", "supposed", "committed", "dedicated", "unparalleled", "balanced",
    "biased", "informed", "qualified", "mixed", "united", "unexpected", "indeed", "hundred", "need",
    "speed", "seed", "feed", "breed", "bleed", "exceed", "succeed", "proceed", "embed", "shed",
    "bed", "red", "led", "wed", "sacred", "naked", "wicked", "rugged", "ragged", "beloved",
    "learned", "aged", "alleged", "limited", "unlimited", "crowded", "talented", "gifted",
    "prepared", "determined", "convinced", "confused", "disappointed", "amazed", "annoyed",
    "ashamed", "embarrassed", "frightened", "relieved", "shocked", "upset", "involved", "engaged",
    "married", "closed", "open", "sized", "shaped", "based", "varied", "unrelated", "outdated",
    "automated", "unprecedented", "unsupervised", "supervised", "undisclosed", "unspecified",
    "unverified", "uninformed", "unintended", "intended", "expected", "well-known",
    "well-documented",
];

pub(super) fn en_participle(word: &str) -> bool {
    if EN_NOT_PASSIVE.contains(&word) {
        return false;
    }
    if EN_IRREGULAR.contains(&word) {
        return true;
    }
    word.len() >= 5
        && word.ends_with("ed")
        && !word.ends_with("eed")
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// German infinitives that begin with ge- ("gelten", "gewährleisten"), never participles.
#[rustfmt::skip]
const DE_GE_INFINITIVES: &[&str] = &[
    "gehen", "gelten", "gewinnen", "genießen", "gebrauchen", "gehören", "gestalten",
    "gewährleisten", "genehmigen", "geben", "gefallen", "gelingen", "geschehen", "gestehen",
    "gewähren", "gewöhnen", "gedenken", "gebären",
];
/// Separable prefixes before -ge- ("eingesetzt", "durchgeführt").
#[rustfmt::skip]
const DE_SEPARABLE: &[&str] = &[
    "ab", "an", "auf", "aus", "bei", "dar", "durch", "ein", "fest", "fort", "frei", "her", "heraus",
    "herunter", "hin", "hinzu", "los", "mit", "nach", "offen", "um", "vor", "voran", "vorab", "weg",
    "weiter", "wieder", "zu", "zurück", "zusammen", "bereit", "sicher", "klar", "statt", "teil",
    "gegenüber", "über", "unter",
];
/// Inseparable prefixes: their participles have no ge- ("bewertet", "veröffentlicht").
const DE_INSEPARABLE: &[&str] =
    &["be", "ver", "ent", "er", "zer", "über", "miss", "emp", "hinter", "unter", "wider", "voll"];
/// Words that look like participles but are not (after werden they are adjectives or nouns).
#[rustfmt::skip]
const DE_NOT_PARTICIPLE: &[&str] = &[
    "bekannt", "bestimmt", "gesamt", "geheim", "gerecht", "gesund", "gering", "genau", "gerade",
    "getrennt", "verrückt", "erst", "mehr", "meist", "jetzt", "nicht", "selbst", "sonst", "bereit",
    "beliebt", "berühmt", "verwandt", "bewusst", "gewiss", "gut", "zuerst", "zuletzt", "geeignet",
    "berechtigt", "verantwortlich",
];

/// Whether a German word (as written, with its capital) is a past participle.
pub(super) fn de_participle(word: &str) -> bool {
    // Participles are not nouns: a capital means a noun (sentences start with a subject).
    if word.chars().next().is_none_or(|c| !c.is_lowercase()) || word.contains('-') {
        return false;
    }
    let lower = word;
    if DE_GE_INFINITIVES.contains(&lower) {
        return false;
    }
    // Words that after werden are adjectives or adverbs, though shaped like participles.
    if DE_NOT_PARTICIPLE.contains(&lower) {
        return false;
    }
    let ends_t = lower.ends_with('t')
        && !lower.ends_with("keit")
        && !lower.ends_with("heit")
        && !lower.ends_with("schaft");
    let ends_en = lower.ends_with("en");
    if lower.ends_with("iert") && lower.len() > 6 {
        return true;
    }
    let stem = |rest: &str| -> bool {
        // ge + at least three letters + t/en ("gegeben", "geprüft").
        if let Some(after) = rest.strip_prefix("ge") {
            let core = after.chars().count();
            return (ends_t && core >= 3) || (ends_en && core >= 4);
        }
        false
    };
    if stem(lower) {
        return true;
    }
    for prefix in DE_SEPARABLE {
        if let Some(rest) = lower.strip_prefix(prefix)
            && stem(rest)
        {
            return true;
        }
    }
    for prefix in DE_INSEPARABLE {
        if let Some(rest) = lower.strip_prefix(prefix)
            && rest.chars().count() >= 3
            && (ends_t || (ends_en && !rest.ends_with("ten")))
            && !rest.starts_with("ge")
        {
            return ends_t || DE_STRONG_INSEPARABLE.iter().any(|p| lower.ends_with(p));
        }
    }
    false
}

/// Endings of strong participles with an inseparable prefix ("vermieden", "beschrieben").
#[rustfmt::skip]
const DE_STRONG_INSEPARABLE: &[&str] = &[
    "mieden", "schrieben", "hoben", "boten", "schieden", "tragen", "nommen", "geben", "halten",
    "lassen", "wiesen", "zogen", "worfen", "fahren", "schlossen", "sprochen", "brochen", "griffen",
    "fangen", "gangen", "standen", "laden", "stohlen", "wogen", "lesen", "sehen", "funden",
    "wunden", "bunden", "sungen",
];

/// French past participles after être; motion verbs (perfect with être) and adjectives excluded.
pub(super) fn fr_participle(word: &str) -> bool {
    const NOT: &[&str] = &[
        "allé",
        "allée",
        "allés",
        "allées",
        "venu",
        "venue",
        "venus",
        "venues",
        "arrivé",
        "arrivée",
        "arrivés",
        "arrivées",
        "parti",
        "partie",
        "partis",
        "parties",
        "sorti",
        "sortie",
        "sortis",
        "sorties",
        "entré",
        "entrée",
        "entrés",
        "entrées",
        "monté",
        "montée",
        "montés",
        "montées",
        "descendu",
        "descendue",
        "descendus",
        "tombé",
        "tombée",
        "tombés",
        "resté",
        "restée",
        "restés",
        "restées",
        "né",
        "née",
        "nés",
        "nées",
        "mort",
        "morte",
        "morts",
        "devenu",
        "devenue",
        "devenus",
        "devenues",
        "revenu",
        "revenue",
        "revenus",
        "retourné",
        "retournée",
        "apparu",
        "apparue",
        "apparus",
        "intervenu",
        "intervenue",
        "parvenu",
        "parvenue",
        "parvenus",
        "survenu",
        "survenue",
        "survenus",
        "élevé",
        "élevée",
        "élevés",
        "élevées",
        "modéré",
        "modérée",
        "modérés",
        "modérées",
        "limité",
        "limitée",
        "limités",
        "limitées",
        "varié",
        "variée",
        "variés",
        "variées",
        "détaillé",
        "détaillée",
        "compliqué",
        "compliquée",
        "avancé",
        "avancée",
        "avancés",
        "désolé",
        "désolée",
        "fatigué",
        "fatiguée",
        "occupé",
        "occupée",
        "âgé",
        "âgée",
        "situé",
        "située",
        "situés",
        "doué",
        "censé",
        "censée",
        "censés",
        "adapté",
        "adaptée",
        "adaptés",
        "adaptées",
        "prêt",
        "prête",
        "fini",
        "ouvert",
        "ouverte",
        "dit",
        "passé",
        "passée",
        "passés",
        "clair",
        "claire",
        "lié",
        "liée",
        "liés",
        "liées",
        "capable",
        "nécessaire",
        "possible",
        "disponible",
        "important",
        "élevé",
        "réel",
        "réelle",
        "été",
        "qualifié",
        "qualifiée",
        "spécialisé",
        "spécialisée",
        "sécurisé",
        "sécurisée",
        "inédit",
        "inédite",
        "précis",
        "complexe",
        "ici",
        "suffisant",
    ];
    if NOT.contains(&word) || word.chars().count() < 3 {
        return false;
    }
    const ENDINGS: &[&str] = &[
        "é", "ée", "és", "ées", "it", "ite", "its", "ites", "u", "ue", "us", "ues", "is", "ise",
        "ises", "ert", "erte", "erts", "ertes", "eint", "einte", "eints", "eintes", "ait", "aite",
        "aits", "aites",
    ];
    if !ENDINGS.iter().any(|e| word.ends_with(e)) {
        return false;
    }
    // -u/-is/-it words are participles only for known verbs; -é forms are regular.
    if ["é", "ée", "és", "ées"].iter().any(|e| word.ends_with(e)) {
        return true;
    }
    const KNOWN: &[&str] = &[
        "conçu",
        "reçu",
        "perçu",
        "vendu",
        "entendu",
        "prévu",
        "attendu",
        "rendu",
        "tenu",
        "retenu",
        "obtenu",
        "maintenu",
        "soutenu",
        "contenu",
        "détenu",
        "interdit",
        "écrit",
        "décrit",
        "inscrit",
        "construit",
        "produit",
        "réduit",
        "traduit",
        "introduit",
        "conduit",
        "prescrit",
        "transcrit",
        "mis",
        "pris",
        "compris",
        "soumis",
        "admis",
        "permis",
        "transmis",
        "remis",
        "surpris",
        "repris",
        "appris",
        "omis",
        "acquis",
        "requis",
        "choisi",
        "établi",
        "fourni",
        "réuni",
        "défini",
        "saisi",
        "garanti",
        "fait",
        "extrait",
        "distrait",
        "soustrait",
        "ouvert",
        "couvert",
        "découvert",
        "offert",
        "souffert",
        "restreint",
        "atteint",
        "peint",
        "craint",
        "contraint",
        "joint",
        "rejoint",
        "vu",
        "revu",
        "lu",
        "relu",
        "connu",
        "reconnu",
        "exclu",
        "inclus",
        "résolu",
        "dissous",
        "battu",
        "combattu",
        "abattu",
        "mû",
        "dû",
        "cru",
        "su",
        "bu",
        "pu",
        "voulu",
        "fondu",
        "répandu",
        "suspendu",
        "étendu",
        "défendu",
        "tendu",
        "vaincu",
        "convaincu",
        "publié",
    ];
    let base = word.trim_end_matches('s').trim_end_matches('e');
    KNOWN.contains(&word)
        || KNOWN.contains(&base)
        || KNOWN.iter().any(|k| word.starts_with(k) && word.len() <= k.len() + 3)
}

/// The clauses of a sentence as word-index ranges, split at commas, semicolons, colons, dashes
/// and brackets between words.
pub(super) fn clause_breaks(s: &Sentence<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..s.words.len() {
        if s.between(i - 1, i).chars().any(|c| matches!(c, ',' | ';' | ':' | '–' | '—' | '(' | ')'))
        {
            out.push((start, i));
            start = i;
        }
    }
    if start < s.words.len() {
        out.push((start, s.words.len()));
    }
    out
}

/// Whether any of `phrases` (lowercase, words separated by spaces) starts at word `at`;
/// returns the number of words matched.
pub(super) fn phrase_at(s: &Sentence<'_>, at: usize, phrases: &[&str]) -> Option<usize> {
    let first = s.words.get(at)?.lower.as_str();
    phrases.iter().find_map(|p| {
        // Cheap test on the first word before walking the rest, without allocating.
        let mut parts = p.split(' ');
        if parts.next() != Some(first) {
            return None;
        }
        let mut n = 1;
        for part in parts {
            if s.words.get(at + n).is_none_or(|w| w.lower != part) {
                return None;
            }
            n += 1;
        }
        Some(n)
    })
}

/// Whether the sentence contains one of `markers` (lowercase text, matched on the sentence's
/// lowercase text; markers of letters only match whole words).
pub(super) fn contains_marker(s: &Sentence<'_>, markers: &[&str]) -> bool {
    let text = s.text().to_lowercase();
    markers.iter().any(|m| {
        let letters = m.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '\'' || c == '-');
        if !letters {
            return text.contains(m);
        }
        text.match_indices(m).any(|(at, _)| {
            let before = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = text[at + m.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participles() {
        for w in ["trained", "withheld", "tested", "given"] {
            assert!(en_participle(w), "{w}");
        }
        for w in ["available", "concerned", "indeed", "need"] {
            assert!(!en_participle(w), "{w}");
        }
        for w in [
            "trainiert",
            "geprüft",
            "eingesetzt",
            "durchgeführt",
            "bewertet",
            "veröffentlicht",
            "gegeben",
            "vermieden",
            "entfernt",
        ] {
            assert!(de_participle(w), "{w}");
        }
        for w in ["prüfen", "besser", "Prüfung", "geben", "gewährleisten", "bekannt", "verwenden"]
        {
            assert!(!de_participle(w), "{w}");
        }
        for w in ["entraîné", "vérifiées", "conçu", "écrit", "interdits", "mises"] {
            assert!(fr_participle(w), "{w}");
        }
        for w in ["disponible", "sorti", "élevé", "arrivée"] {
            assert!(!fr_participle(w), "{w}");
        }
    }
}
