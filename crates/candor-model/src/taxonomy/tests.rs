use super::*;

fn lang(tag: &str) -> LanguageTag {
    LanguageTag::parse(tag).unwrap()
}

#[test]
fn the_builtin_taxonomy_parses_with_every_entry_complete() {
    let parsed = Taxonomy::parse(BUILTIN);
    let taxonomy = parsed.unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(taxonomy.categories().len(), 33);
    assert_eq!(taxonomy.mitigations().len(), 11);
    for entry in taxonomy.categories().iter().chain(taxonomy.mitigations()) {
        assert!(!entry.references.is_empty(), "{} has no reference", entry.id);
        assert!(!entry.terms.is_empty(), "{} has no terms", entry.id);
        for term in &entry.terms {
            let words = term_words(term);
            assert!(!words.is_empty() && term == &term.to_lowercase(), "{}: `{term}`", entry.id);
        }
        for code in ["en", "de", "fr"] {
            let text = entry.text.get(code).unwrap_or_else(|| panic!("{} lacks {code}", entry.id));
            assert!(!text.name.is_empty() && !text.about.is_empty(), "{} {code}", entry.id);
            assert!(text.name.split_whitespace().count() <= 8, "{} {code}: long name", entry.id);
            for sentence in text.about.split_terminator(['.', '!', '?']) {
                let words = sentence.split_whitespace().count();
                assert!(words <= 25, "{} {code}: {words} words in `{sentence}`", entry.id);
            }
        }
    }
    let specified: Vec<_> =
        taxonomy.categories().iter().filter(|c| c.specified()).map(|c| c.id.as_str()).collect();
    assert_eq!(specified, ["cbrn", "loss-of-control", "cyber-offence", "harmful-manipulation"]);
    for group in [
        CategoryGroup::Type,
        CategoryGroup::Example,
        CategoryGroup::FirstDraft,
        CategoryGroup::Broader,
    ] {
        assert!(taxonomy.categories().iter().any(|c| c.group == Some(group)), "{group:?}");
    }
    assert!(taxonomy.mitigations().iter().all(|m| m.group.is_none()));
    assert_eq!(Taxonomy::builtin(), &taxonomy);
}

#[test]
fn names_fall_back_to_english_then_to_the_id() {
    let taxonomy = Taxonomy::builtin();
    let cyber = RiskCategory::parse("Cyber Offence").unwrap();
    assert_eq!(cyber.id(), "cyber-offence");
    let english = taxonomy.category_name(&cyber, &lang("en"));
    let german = taxonomy.category_name(&cyber, &lang("de-AT"));
    assert_ne!(english, german);
    assert_eq!(taxonomy.category_name(&cyber, &lang("fi")), english);
    let unknown = RiskCategory::parse("weather").unwrap();
    assert_eq!(taxonomy.category_name(&unknown, &lang("en")), "weather");
    let kind = MitigationKind::parse("Behavior change").unwrap();
    assert_eq!(kind.id(), "behaviour-change");
    assert!(taxonomy.mitigation(&kind).is_some());
}

#[test]
fn ids_are_normalised() {
    assert_eq!(RiskCategory::parse(" loss_of  control ").unwrap().id(), "loss-of-control");
    assert_eq!(RiskCategory::parse(" - "), None);
    assert_eq!(MitigationKind::parse(""), None);
}

#[test]
fn a_near_miss_gets_a_suggestion() {
    let taxonomy = Taxonomy::builtin();
    assert_eq!(taxonomy.closest_category("cyber-offense"), Some("cyber-offence"));
    assert_eq!(taxonomy.closest_category("manipulation"), Some("harmful-manipulation"));
    assert_eq!(taxonomy.closest_category("weather"), None);
    assert_eq!(taxonomy.closest_mitigation("data-filter"), Some("data-filtering"));
}

#[test]
fn every_problem_is_reported_with_its_line() {
    let text = "\
[category ok]
en: Fine
[category Bad Id]
[thing x]
[category dup]
en: One
[category dup]
en: Two
[category empty]
group: sideways
de.about: Nur Beschreibung
colour: red
no colon here
[category unclosed
";
    let errors = Taxonomy::parse(text).unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4, 7, 10, 12, 13, 9, 14], "{errors:#?}");
    assert!(errors[0].message.contains("lowercase words joined by hyphens"));
    assert!(errors[1].message.contains("neither"));
    assert!(errors[2].message.contains("defined twice"));
    assert!(errors[3].message.contains("not a group"));
    assert!(errors[4].message.contains("unknown key `colour`"));
    assert!(errors[6].message.contains("no `de:` name"));
    assert_eq!(errors[6].to_string(), format!("line 9: {}", errors[6].message));
    let before_any = Taxonomy::parse("en: Orphan\n").unwrap_err();
    assert!(before_any[0].message.contains("start an entry"));
}

#[test]
fn a_project_adds_categories_and_rewords_known_ones() {
    let project = Taxonomy::parse(
        "\
[category election-integrity]
reference: Our own risk register, item 4
en: Interfering with elections
en.about: Using the model to mislead voters.

[category cbrn]
group: broader
en: Weapons of mass destruction
reference: Our policy, section 2

[mitigation watermarking]
en: Marking generated text
",
    )
    .unwrap();
    let merged = Taxonomy::builtin().merged(&project);
    let builtin = Taxonomy::builtin();
    assert_eq!(merged.categories().len(), builtin.categories().len() + 1);
    let added = merged.categories().last().unwrap();
    assert_eq!(
        (added.id.as_str(), added.group),
        ("election-integrity", Some(CategoryGroup::Project))
    );
    let cbrn = merged.category(&RiskCategory::parse("cbrn").unwrap()).unwrap();
    assert!(cbrn.specified(), "a project cannot move a specified risk to another group");
    assert_eq!(cbrn.name(&lang("en")), "Weapons of mass destruction");
    assert_eq!(cbrn.about(&lang("en")), builtin.categories()[0].about(&lang("en")));
    assert_eq!(cbrn.name(&lang("de")), builtin.categories()[0].name(&lang("de")));
    assert!(cbrn.references.iter().any(|r| r == "Our policy, section 2"));
    assert!(merged.mitigation(&MitigationKind::parse("watermarking").unwrap()).is_some());
    assert_eq!(merged.merged(&project), merged, "merging twice changes nothing");
}

#[test]
fn terms_match_whole_words_or_stems() {
    let taxonomy = Taxonomy::builtin();
    let cyber = taxonomy.category(&RiskCategory::parse("cyber-offence").unwrap()).unwrap();
    let cbrn = taxonomy.category(&RiskCategory::parse("cbrn").unwrap()).unwrap();
    let words = |t: &str| term_words(t);
    assert!(cyber.mentioned_in(&words("Our cyber-attack uplift study")));
    assert!(cyber.mentioned_in(&words("RANSOMWARE attacks")));
    assert!(!cyber.mentioned_in(&words("The hack week")), "`hacking` is a whole word");
    assert!(cbrn.mentioned_in(&words("**1. CBRNE (Chemical, Biological …) helpfulness**")));
    assert!(cbrn.mentioned_in(&words("proliferation of chemical and biological weapons")));
    assert!(!cbrn.mentioned_in(&words("chemical engineering benchmarks")));
    assert!(cbrn.mentioned_in(&words("risks from biological weapons")));
    assert_eq!(words("Cyber-attacks (CBRNE), R&D * x"), ["cyber", "attacks", "cbrne", "r&d", "x"]);

    let project = Taxonomy::parse("[category cbrn]\nterms: anthrax, sarin\nen: Weapons\n").unwrap();
    let merged = taxonomy.merged(&project);
    let cbrn = merged.category(&RiskCategory::parse("cbrn").unwrap()).unwrap();
    assert!(cbrn.mentioned_in(&words("sarin gas")), "a project adds terms");
    assert!(cbrn.mentioned_in(&words("a pathogen")), "and keeps the built-in ones");
}
