//! How fast the live preview follows typing in a 40-page companion document.
//!
//!     cargo run --release -p candor-core --example preview_latency [-- DOC.md] [--keys N] [--at F]
//!
//! Builds a document shaped like bench/run.py's (chapters, sections, varied policy prose,
//! lists, tables, quotes, footnotes, risk blocks; a fixed seed) unless a file is given. Then:
//! one cold update, then N keystrokes (default 30) typed into a paragraph in the middle of
//! the document (or at fraction F of it), one update each, timed; then the same texts through a preview that reuses
//! nothing (a fresh session and typst's memo cache cleared before every update).
//!
//! Target: the UI waits ~50 ms after the last keystroke, so an update should take well
//! under 150 ms for the whole edit-to-page latency to stay below 200 ms.

use std::time::Instant;

use candor_core::{PreviewSession, PreviewUpdate};

const TARGET_MS: f64 = 150.0;
const TYPED: &str = "and the outside reviewers too ";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut keys = 30usize;
    let mut place = 0.5f64;
    let mut file = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--keys" => match rest.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => keys = n,
                _ => fail("--keys needs a positive number"),
            },
            "--at" => match rest.next().and_then(|n| n.parse().ok()) {
                Some(f) if (0.0..=1.0).contains(&f) => place = f,
                _ => fail("--at needs a fraction of the document, 0 to 1"),
            },
            "-h" | "--help" => {
                println!("usage: preview_latency [DOC.md] [--keys N] [--at FRACTION]");
                return;
            }
            path => file = Some(path.to_owned()),
        }
    }
    let text = match &file {
        Some(path) => std::fs::read_to_string(path)
            .unwrap_or_else(|e| fail(&format!("cannot read {path}: {e}"))),
        None => generate(),
    };
    let at = typing_position(&text, place).unwrap_or_else(|| fail("the document has no paragraph"));
    let texts: Vec<String> = (1..=keys)
        .map(|n| {
            let typed: String = TYPED.chars().cycle().take(n).collect();
            format!("{}{typed}{}", &text[..at], &text[at..])
        })
        .collect();

    let mut session = PreviewSession::new();
    let started = Instant::now();
    let cold = update(&mut session, &text);
    let cold_ms = ms(started);
    let line = text[..at].lines().count();
    println!(
        "document: {} ({} bytes, {} pages, {} problems); typing at line {line}",
        file.as_deref().unwrap_or("generated like bench/run.py"),
        text.len(),
        cold.page_count,
        cold.problems.len(),
    );
    println!("cold first update: {cold_ms:.0} ms ({:.0} ms typesetting)\n", cold.elapsed_ms);

    let incremental = measure(&texts, Some(&mut session));
    let peer = measure(&texts, None);

    println!("{keys} keystrokes, one update each (ms: whole update / typesetting and SVG only):");
    println!(
        "{:<28} {:>8} {:>8} {:>9} {:>9} {:>14}",
        "", "median", "p95", "render", "render", "SVG pages"
    );
    println!("{:<28} {:>8} {:>8} {:>9} {:>9} {:>14}", "", "", "", "median", "p95", "min/med/max");
    for (name, m) in
        [("incremental (PreviewSession)", &incremental), ("no reuse (fresh, evicted)", &peer)]
    {
        println!(
            "{name:<28} {:>8.1} {:>8.1} {:>9.1} {:>9.1} {:>14}",
            median(&m.wall),
            p95(&m.wall),
            median(&m.render),
            p95(&m.render),
            format!("{}/{}/{}", m.svgs[0], m.svgs[m.svgs.len() / 2], m.svgs[m.svgs.len() - 1]),
        );
    }
    let ratio = median(&peer.wall) / median(&incremental.wall);
    println!("\nincremental is {ratio:.1}x faster (median whole update)");
    let verdict = if p95(&incremental.wall) < TARGET_MS { "PASS" } else { "MISS" };
    println!(
        "{verdict}  p95 update {:.0} ms, target under {TARGET_MS:.0} ms (200 ms with the UI's 50 ms pause)",
        p95(&incremental.wall)
    );
}

struct Measured {
    /// Whole update: parse, checks, typesetting, SVG.
    wall: Vec<f64>,
    /// Typesetting and SVG only (`elapsed_ms`).
    render: Vec<f64>,
    /// SVG pages sent per update, sorted.
    svgs: Vec<usize>,
}

/// Updates `session` with each text in turn; without one, a fresh session that reuses
/// nothing for each text.
fn measure(texts: &[String], mut session: Option<&mut PreviewSession>) -> Measured {
    let mut m = Measured { wall: Vec::new(), render: Vec::new(), svgs: Vec::new() };
    for text in texts {
        let mut fresh = PreviewSession::without_reuse();
        let started = Instant::now();
        let result = update(session.as_deref_mut().unwrap_or(&mut fresh), text);
        m.wall.push(ms(started));
        m.render.push(result.elapsed_ms);
        m.svgs.push(result.pages.iter().filter(|p| p.svg.is_some()).count());
    }
    for v in [&mut m.wall, &mut m.render] {
        v.sort_by(f64::total_cmp);
    }
    m.svgs.sort_unstable();
    m
}

fn update(session: &mut PreviewSession, text: &str) -> PreviewUpdate {
    session.update(text, None).unwrap_or_else(|e| fail(&e.to_string()))
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn median(sorted: &[f64]) -> f64 {
    sorted[sorted.len() / 2]
}

/// Nearest-rank 95th percentile.
fn p95(sorted: &[f64]) -> f64 {
    let rank = (sorted.len() as f64 * 0.95).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn fail(message: &str) -> ! {
    eprintln!("preview_latency: {message}");
    std::process::exit(2);
}

/// After the middle word of the plain paragraph nearest `place` (a fraction of the text).
fn typing_position(text: &str, place: f64) -> Option<usize> {
    let mut offset = 0;
    let mut fenced = false;
    let mut in_header = text.starts_with("---\n");
    let mut candidates = Vec::new();
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if in_header {
            in_header = !(n > 0 && line.trim_end() == "---");
            continue;
        }
        if line.starts_with("```") {
            fenced = !fenced;
            continue;
        }
        let plain = line.len() > 200 && line.starts_with(|c: char| c.is_ascii_uppercase());
        if !fenced && plain {
            candidates.push((start, line));
        }
    }
    let wanted = (text.len() as f64 * place) as usize;
    let (start, line) = candidates.into_iter().min_by_key(|(s, _)| s.abs_diff(wanted))?;
    let space = line[line.len() / 2..].find(' ')? + line.len() / 2 + 1;
    Some(start + space)
}

// ------------------------------------------------------------------------------------------
// A deterministic document shaped like bench/run.py's (the same lists, a smaller generator).

const CHAPTERS: &[(&str, &[&str])] = &[
    (
        "What Example-1 is",
        &["A program that writes text", "What it was built for", "Who can use it"],
    ),
    (
        "How Example-1 was made",
        &[
            "Where the training text came from",
            "How the text was cleaned",
            "How the model learned to follow instructions",
        ],
    ),
    (
        "What it can and cannot do",
        &["Tasks it does well", "Where it makes mistakes", "Languages it handles"],
    ),
    (
        "How we tested it",
        &[
            "Who did the testing",
            "What the tests measured",
            "How we compared it with earlier models",
        ],
    ),
    (
        "Serious risks we looked for",
        &[
            "Attacks on computer systems",
            "Dangerous chemicals and germs",
            "Manipulating people",
            "Losing control of the model",
        ],
    ),
    (
        "Other risks to people and society",
        &[
            "Personal data and privacy",
            "Unfair treatment",
            "Mental health",
            "Elections and public debate",
        ],
    ),
    (
        "What we did to reduce the risks",
        &[
            "Filtering what goes in and comes out",
            "Training the model to refuse",
            "Limiting access",
            "Keeping the model secure",
        ],
    ),
    (
        "Watching the model after release",
        &["How we notice problems", "How quickly we respond", "What we report to the authorities"],
    ),
    (
        "Energy and the environment",
        &["Electricity used for training", "Electricity used every day"],
    ),
    (
        "What you can do",
        &["Before you rely on an answer", "If something goes wrong", "How to give us feedback"],
    ),
    (
        "Who is responsible",
        &["Our obligations", "Independent oversight", "Changes to this summary"],
    ),
];
const SUBJECTS: &[&str] = &[
    "The model",
    "Example-1",
    "Our safety team",
    "The team of independent testers",
    "The evaluation",
    "This summary",
    "The provider",
    "The review board",
    "Each new version",
    "The monitoring system",
    "Our incident process",
    "The training process",
];
const VERBS: &[&str] = &[
    "was checked against",
    "was compared with",
    "does not replace",
    "depends on",
    "was limited by",
    "was designed to reduce",
    "gives no guarantee about",
    "was measured against",
    "is reviewed together with",
    "helps to detect",
    "was tested for",
    "can be affected by",
];
const OBJECTS: &[&str] = &[
    "the risk of misuse",
    "requests for dangerous information",
    "the results of earlier models",
    "the advice of outside experts",
    "the rules in the AI Act",
    "people's personal data",
    "the quality of its answers",
    "unusual patterns of use",
    "the needs of people with disabilities",
    "the safeguards described below",
    "the limits of what tests can show",
    "the expectations of public bodies",
    "reports from users and researchers",
];
const QUALIFIERS: &[&str] = &[
    "in most cases we looked at",
    "before the public release",
    "during the whole test period",
    "in every language we support",
    "as far as we could measure",
    "at least once a month",
    "under realistic conditions",
    "with some important exceptions",
    "in close cooperation with others",
    "according to a written plan",
    "when the model is used through our service",
];
const REASONS: &[&str] = &[
    "a tool that is right most of the time can still be wrong when it matters",
    "people tend to trust fluent text more than they should",
    "tests only show what the testers thought of trying",
    "safeguards that work today may fail against new attack methods",
    "the same answer can be harmless for one reader and harmful for another",
    "public bodies need evidence they can check for themselves",
    "small error rates add up when millions of people use a service",
];
const HEDGES: &[&str] = &[
    "the figures are estimates with real uncertainty",
    "a determined attacker may still find a way around our safeguards",
    "independent researchers may reach different conclusions",
    "we will update this summary when we learn more",
    "some effects only become visible after months of use",
];
const PERIODS: &[&str] = &[
    "January 2026",
    "February 2026",
    "late 2025",
    "the first test round",
    "the second test round",
    "the weeks before release",
];
const ACTORS: &[&str] = &[
    "outside experts",
    "our red team",
    "a university research group",
    "two independent labs",
    "volunteer testers",
    "our own engineers",
];
const LIST_ITEMS: &[&str] = &[
    "Check important facts in a second, independent source.",
    "Do not paste passwords, health records or other private details into the model.",
    "Tell us when an answer is wrong, unsafe or unfair, using the report button.",
    "Remember that the model does not know about events after its training ended.",
    "Ask a qualified person before acting on medical, legal or financial advice.",
    "Read the model report if you need the technical details behind this summary.",
    "Keep a copy of answers you rely on, with the date you received them.",
    "Treat confident language as a style, not as evidence that an answer is right.",
];
const FOOTNOTES: &[&str] = &[
    "Figures are rounded to the nearest whole number.",
    "The full method is described in the model report, section 7.",
    "The comparison uses the same questions for both models.",
    "This period covers the first three months after release.",
];
const QUOTES: &[&str] = &[
    "Safety measures only count if someone outside the company can check that they work.",
    "A summary that hides uncertainty is not a plain-language summary; it is advertising.",
];
const EVALS: &[(&str, &str)] = &[
    ("Cyber range exercises", "finding and using weaknesses in test networks"),
    ("Biology question set", "answers that would help to cause harm with germs"),
    ("Persuasion study", "how far conversations changed people's opinions"),
    ("Autonomy tasks", "carrying out long tasks without a person checking"),
    ("Privacy probes", "repeating personal data seen during training"),
    ("Fairness benchmark", "different answers for different groups of people"),
    ("Refusal accuracy", "refusing harmful requests while helping with harmless ones"),
];
/// id, category, title, estimate, range, per, basis, severity, kind, before, after, measure.
type Risk = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    (f64, f64),
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
    &'static str,
);
const RISKS: &[Risk] = &[
    (
        "cyber",
        "cyber-offence",
        "Helping attackers break into computer systems",
        "0.2",
        (0.1, 0.3),
        "attempt by a skilled attacker",
        "Red-team evaluation, February 2026",
        "high",
        "input-output-filtering",
        0.2,
        0.04,
        "share of attempts that succeeded",
    ),
    (
        "bio",
        "cbrn",
        "Giving real help towards making a biological weapon",
        "0.03",
        (0.01, 0.06),
        "attempt by a person with some lab training",
        "Expert uplift study, January 2026",
        "critical",
        "behaviour-change",
        0.03,
        0.005,
        "share of attempts judged to give real help",
    ),
    (
        "chem",
        "cbrn",
        "Explaining how to make dangerous chemicals",
        "very unlikely",
        (0.0, 0.1),
        "request for a synthesis route",
        "Chemistry question set, February 2026",
        "high",
        "data-filtering",
        0.08,
        0.01,
        "share of answers with usable steps",
    ),
    (
        "persuade",
        "harmful-manipulation",
        "Changing people's views without them noticing",
        "0.35",
        (0.25, 0.45),
        "conversation on a political topic",
        "Persuasion study with 3000 adults",
        "moderate",
        "behaviour-change",
        0.35,
        0.12,
        "share of conversations that shifted an opinion",
    ),
    (
        "autonomy",
        "loss-of-control",
        "Acting on its own in ways nobody asked for",
        "0.01",
        (0.0, 0.02),
        "long task run without supervision",
        "Autonomy tasks, February 2026",
        "high",
        "human-oversight",
        0.01,
        0.002,
        "share of tasks with unrequested actions",
    ),
    (
        "privacy",
        "privacy",
        "Repeating personal data it saw during training",
        "0.05",
        (0.02, 0.08),
        "targeted request about a private person",
        "Privacy probes, January 2026",
        "moderate",
        "differential-privacy",
        0.05,
        0.01,
        "share of requests that revealed personal data",
    ),
    (
        "fairness",
        "non-discrimination",
        "Treating groups of people differently",
        "likely",
        (0.66, 0.9),
        "comparison of paired requests",
        "Fairness benchmark, late 2025",
        "moderate",
        "behaviour-change",
        0.7,
        0.3,
        "share of paired requests with different answers",
    ),
    (
        "misinfo",
        "democratic-processes",
        "Spreading false claims about elections",
        "0.15",
        (0.08, 0.22),
        "question about voting rules",
        "Election information test, January 2026",
        "high",
        "input-output-filtering",
        0.15,
        0.03,
        "share of answers with a false claim",
    ),
];

/// splitmix64: a fixed, dependency-free random sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

fn generate() -> String {
    let mut r = Rng(20260301);
    let mut out = String::from(
        "---\ntitle: \"Example-1: what you should know (benchmark document)\"\nlang: en\n\
         audience: general public\nreading_level: 9\nversion: \"1.2\"\ndate: 2026-03-01\n\
         provider: Example AI Ltd.\nmodel: Example-1\n---\n\n```candor-risk-overview\n```\n\n",
    );
    let mut notes = 0;
    let mut risks = RISKS.iter();
    for (chapter, sections) in CHAPTERS {
        out.push_str(&format!("# {chapter}\n\n"));
        paragraph(&mut r, &mut out, &mut notes);
        for (s, section) in sections.iter().enumerate() {
            out.push_str(&format!("## {section}\n\n"));
            for k in 0..4 {
                paragraph(&mut r, &mut out, &mut notes);
                match r.below(100) {
                    0..12 => {
                        for i in 0..3 + r.below(4) {
                            let item = LIST_ITEMS[(i + r.below(3)) % LIST_ITEMS.len()];
                            out.push_str(&format!("- {item}\n"));
                        }
                        out.push('\n');
                    }
                    12..17 => {
                        out.push_str("Results of the main tests:\n\n| Test | What it measured | Example-1 | Previous model |\n|---|---|--:|--:|\n");
                        for _ in 0..4 + r.below(3) {
                            let (name, what) = r.pick(EVALS);
                            let before = 5 + r.below(55);
                            let after = 1 + r.below(before);
                            out.push_str(&format!(
                                "| {name} | {what} | {after} in 100 | {before} in 100 |\n"
                            ));
                        }
                        out.push('\n');
                    }
                    17..20 => out.push_str(&format!("> {}\n\n", r.pick(QUOTES))),
                    _ => {}
                }
                if k == 1
                    && s == 0
                    && let Some(risk) = risks.next()
                {
                    out.push_str(&risk_block(risk));
                }
            }
        }
    }
    for risk in risks {
        out.push_str(&risk_block(risk));
    }
    out
}

fn paragraph(r: &mut Rng, out: &mut String, notes: &mut usize) {
    let mut sentences = Vec::new();
    let mut footnotes = Vec::new();
    for i in 0..3 + r.below(5) {
        let s = sentence(r);
        sentences.push(match i {
            1 if r.chance(0.15) => format!("**{s}**"),
            2 if r.chance(0.15) => format!("*{s}*"),
            _ => s,
        });
        if r.chance(0.06) {
            *notes += 1;
            if let Some(last) = sentences.last_mut() {
                last.push_str(&format!("[^{notes}]"));
            }
            footnotes.push(format!("[^{notes}]: {}\n\n", r.pick(FOOTNOTES)));
        }
    }
    if r.chance(0.08) {
        sentences.push(
            "See [the full model report](https://example.org/example-1/report) for details.".into(),
        );
    }
    out.push_str(&sentences.join(" "));
    out.push_str("\n\n");
    footnotes.iter().for_each(|f| out.push_str(f));
}

fn sentence(r: &mut Rng) -> String {
    let (s, v, o) = (r.pick(SUBJECTS), r.pick(VERBS), r.pick(OBJECTS));
    match r.below(6) {
        0 => format!("{s} {v} {o} {}.", r.pick(QUALIFIERS)),
        1 => format!(
            "In {}, {} looked at {o}, and {} {v} {}.",
            r.pick(PERIODS),
            r.pick(ACTORS),
            r.pick(SUBJECTS).to_lowercase(),
            r.pick(OBJECTS)
        ),
        2 => format!("This matters because {}.", r.pick(REASONS)),
        3 => format!("We do not claim more than the tests show: {}.", r.pick(HEDGES)),
        4 => {
            let total = r.pick(&[50, 100, 200, 400, 1000]);
            format!("In {} of {total} cases, {} {v} {o}.", 1 + r.below(total / 4), s.to_lowercase())
        }
        _ => format!("{s} {v} {o}, because {}, and {}.", r.pick(REASONS), r.pick(HEDGES)),
    }
}

fn risk_block(risk: &Risk) -> String {
    let (
        id,
        category,
        title,
        estimate,
        (low, high),
        per,
        basis,
        severity,
        kind,
        before,
        after,
        measure,
    ) = *risk;
    format!(
        "```risk\nid: {id}\ncategory: {category}\ntitle: \"{title}\"\n\
         what_could_happen: Someone could use Example-1 to get help with this.\n\
         likelihood:\n  estimate: {estimate}\n  range: [{low}, {high}]\n  per: {per}\n  basis: \"{basis}\"\n\
         severity: {severity}\n\
         who_is_affected: People who use services built on the model, and people who never use it at all.\n\
         mitigations:\n  - kind: {kind}\n    what_we_did: We added a safeguard that checks requests and answers on this topic and blocks the harmful ones.\n\
         \x20   effect: {{ before: {before}, after: {after}, measure: {measure} }}\n\
         what_you_can_do: Report answers that seem to help with harm, and do not share them further.\n```\n\n"
    )
}
