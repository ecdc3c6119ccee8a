use super::languages::english_plural;
use super::*;

fn nf(count: u64, out_of: u64) -> NaturalFrequency {
    NaturalFrequency { count, out_of }
}

#[test]
fn rounding_edge_cases() {
    assert_eq!(natural_frequency(0.0), nf(0, 100));
    assert_eq!(natural_frequency(0.0).to_string(), "0 in 100");
    assert_eq!(natural_frequency(1.0), nf(100, 100));
    assert_eq!(natural_frequency(1.0).to_string(), "100 in 100");
    assert_eq!(natural_frequency(0.004), nf(4, 1000));
    assert_eq!(natural_frequency(0.333), nf(33, 100));
    // 0.999 must not round to "100 in 100": that would read as certain.
    assert_eq!(natural_frequency(0.999), nf(999, 1000));
    assert_eq!(natural_frequency(0.999).to_string(), "about 999 in 1,000");
    assert_eq!(natural_frequency(0.2).to_string(), "about 20 in 100");
    // 1.5 in 100 would round to 2, a third off; 15 in 1000 is right.
    assert_eq!(natural_frequency(0.015), nf(15, 1000));
    assert_eq!(natural_frequency(0.0014), nf(14, 10_000));
    assert_eq!(natural_frequency(0.005), nf(5, 1000));
}

#[test]
fn odd_inputs_never_panic() {
    assert_eq!(natural_frequency(f64::NAN), nf(0, 100));
    assert_eq!(natural_frequency(-3.0), nf(0, 100));
    assert_eq!(natural_frequency(7.0), nf(100, 100));
    assert_eq!(natural_frequency(f64::INFINITY), nf(100, 100));
    assert_eq!(natural_frequency(1e-300), nf(1, MAX_DENOMINATOR));
    let almost = natural_frequency(1.0 - 1e-15);
    assert_eq!(almost, nf(MAX_DENOMINATOR - 1, MAX_DENOMINATOR));
    assert_eq!(natural_frequency(f64::MIN_POSITIVE).count, 1);
}

#[test]
fn positive_probabilities_never_show_as_zero_or_certain() {
    for i in 1..10_000 {
        let p = f64::from(i) / 10_000.0;
        let f = natural_frequency(p);
        assert!(f.count >= 1 && f.count < f.out_of, "{p}: {f:?}");
        let shown = f.count as f64 / f.out_of as f64;
        assert!((shown - p).abs() <= 0.1 * p + 1e-12, "{p}: {f:?}");
    }
}

#[test]
fn large_numbers_are_grouped() {
    assert_eq!(ENGLISH.number(999), "999");
    assert_eq!(ENGLISH.number(1000), "1,000");
    assert_eq!(ENGLISH.number(1_000_000), "1,000,000");
    assert_eq!(natural_frequency(0.00002).to_string(), "about 2 in 100,000");
}

fn effect(before: f64, after: f64) -> Effect {
    Effect { before, after, measure: "share of attempts that succeeded".into() }
}

#[test]
fn effects_share_a_denominator() {
    let t = describe_effect(&effect(0.2, 0.04), Some("attempt by a skilled attacker"));
    assert_eq!(
        t.change,
        "fell from about 20 in 100 attempts by a skilled attacker to about 4 in 100"
    );
    assert_eq!(t.relative.as_deref(), Some("about 5 times less often"));
    assert_eq!(
        t.sentence,
        "Share of attempts that succeeded fell from about 20 in 100 attempts by a skilled \
         attacker to about 4 in 100 (about 5 times less often)."
    );
    let t = describe_effect(&effect(0.2, 0.004), None);
    assert_eq!(t.change, "fell from about 200 in 1,000 to about 4 in 1,000");
    assert_eq!(t.relative.as_deref(), Some("about 50 times less often"));
    assert_eq!(t.before.out_of, t.after.out_of);
}

#[test]
fn effect_directions() {
    let t = describe_effect(&effect(0.04, 0.2), Some("attempt"));
    assert_eq!(t.change, "rose from about 4 in 100 attempts to about 20 in 100");
    assert_eq!(t.relative.as_deref(), Some("about 5 times as often"));
    let t = describe_effect(&effect(0.2, 0.199), None);
    assert_eq!(t.change, "did not change: about 20 in 100 before and after");
    assert_eq!(t.relative, None);
    let t = describe_effect(&effect(0.2, 0.0), None);
    assert_eq!(t.change, "fell from about 20 in 100 to 0 in 100");
    assert_eq!(t.relative, None);
    assert_eq!(
        t.sentence,
        "Share of attempts that succeeded fell from about 20 in 100 to 0 in 100."
    );
    let t = describe_effect(&effect(0.0, 0.3), None);
    assert_eq!(t.relative, None);
    let t = describe_effect(&effect(0.2, 0.15), None);
    assert_eq!(t.relative.as_deref(), Some("about a quarter less often"));
    let t = describe_effect(&effect(0.2, 0.1), None);
    assert_eq!(t.relative.as_deref(), Some("about half as often"));
    let t = describe_effect(&effect(0.3, 0.4), None);
    assert_eq!(t.relative.as_deref(), Some("about a third more often"));
    let t = describe_effect(&effect(0.2, 0.39), None);
    assert_eq!(t.relative.as_deref(), Some("about twice as often"));
    let t = describe_effect(&Effect { before: f64::NAN, after: 2.0, measure: " ".into() }, None);
    assert_eq!(t.sentence, "The figure rose from 0 in 100 to 100 in 100.");
}

fn likelihood(estimate: Estimate, range: Option<(f64, f64)>) -> Likelihood {
    Likelihood {
        estimate,
        range,
        per: Some("attempt by a skilled attacker".into()),
        basis: Some("Red-team evaluation, February 2026".into()),
    }
}

#[test]
fn likelihood_with_range() {
    let t = describe_likelihood(&likelihood(Estimate::Probability(0.2), Some((0.1, 0.3))));
    assert_eq!(t.word, "unlikely");
    assert_eq!(t.frequency.as_deref(), Some("about 20 in 100 attempts by a skilled attacker"));
    assert_eq!(t.range.as_deref(), Some("between about 10 and 30 in 100"));
    assert_eq!(
        t.basis.as_deref(),
        Some("Where the figure comes from: Red-team evaluation, February 2026")
    );
    assert_eq!(t.icon_array, Some((20, 100)));
    // The range sets the shared denominator.
    let t = describe_likelihood(&likelihood(Estimate::Probability(0.02), Some((0.004, 0.05))));
    assert_eq!(t.frequency.as_deref(), Some("about 20 in 1,000 attempts by a skilled attacker"));
    assert_eq!(t.range.as_deref(), Some("between about 4 and 50 in 1,000"));
    assert_eq!(t.icon_array, Some((20, 1000)));
}

#[test]
fn range_edges() {
    let t = describe_likelihood(&likelihood(Estimate::Probability(0.2), Some((0.2, 0.2))));
    assert_eq!(
        t.range.as_deref(),
        Some("the lowest and the highest estimate are both about 20 in 100")
    );
    // Swapped bounds are put in order; bounds beyond 0..1 are clamped.
    let t = describe_likelihood(&likelihood(Estimate::Probability(0.5), Some((0.7, 0.3))));
    assert_eq!(t.range.as_deref(), Some("between about 30 and 70 in 100"));
    let t = describe_likelihood(&likelihood(Estimate::Probability(0.5), Some((f64::NAN, 0.3))));
    assert_eq!(t.range, None);
    let t = describe_likelihood(&likelihood(Estimate::Probability(f64::NAN), None));
    assert_eq!(t.word, "not stated");
    assert_eq!((t.frequency, t.icon_array), (None, None));
    // Too fine for an icon array: words only.
    let t = describe_likelihood(&likelihood(Estimate::Probability(0.00002), None));
    assert_eq!(t.icon_array, None);
    assert_eq!(t.frequency.as_deref(), Some("about 2 in 100,000 attempts by a skilled attacker"));
}

#[test]
fn a_word_alone_gets_its_calibrated_range() {
    let mut l = likelihood(Estimate::Word(CalibratedWord::Unlikely), None);
    l.basis = None;
    let t = describe_likelihood(&l);
    assert_eq!(t.word, "unlikely");
    assert_eq!(t.range.as_deref(), Some("33 in 100 or less"));
    assert_eq!((t.frequency, t.basis, t.icon_array), (None, None, None));
    let range = |w| describe_likelihood(&likelihood(Estimate::Word(w), None)).range.unwrap();
    assert_eq!(range(CalibratedWord::VirtuallyCertain), "99 in 100 or more");
    assert_eq!(range(CalibratedWord::Likely), "66 in 100 or more");
    assert_eq!(range(CalibratedWord::AboutAsLikelyAsNot), "between 33 and 66 in 100");
    assert_eq!(range(CalibratedWord::ExceptionallyUnlikely), "1 in 100 or less");
}

#[test]
fn unit_phrases_take_the_plural() {
    assert_eq!(english_plural("attempt by a skilled attacker"), "attempts by a skilled attacker");
    assert_eq!(english_plural("a conversation with a user"), "conversations with a user");
    assert_eq!(english_plural("query"), "queries");
    assert_eq!(english_plural("day"), "days");
    assert_eq!(english_plural("person"), "people");
    assert_eq!(english_plural("search"), "searches");
    assert_eq!(english_plural("attempts"), "attempts");
    assert_eq!(english_plural("by a user"), "by a user");
    assert_eq!(english_plural("试"), "试");
    assert_eq!(english_plural("2026"), "2026");
    assert_eq!(
        english_plural("conversation designed to manipulate"),
        "conversations designed to manipulate"
    );
}

#[test]
fn templates_fill_in_one_pass() {
    assert_eq!(fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]), "{b} and x");
    assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
}

#[test]
fn lists_use_semicolons_when_an_item_has_a_comma() {
    assert_eq!(ENGLISH.list(&["a", "b", "c"]), "a, b and c");
    assert_eq!(ENGLISH.list(&["x, y and z", "b", "c"]), "x, y and z; b and c");
    assert_eq!(GERMAN.list(&["a"]), "a");
    assert_eq!(FRENCH.list(&[]), "");
}
