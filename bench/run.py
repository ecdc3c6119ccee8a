#!/usr/bin/env python3
"""bench/run.py — how fast Candor exports a 40-page companion document, next to bare typst.

    make bench                        # release build, then this script
    .venv/bin/python bench/run.py [--candor PATH] [--runs 5] [--warmup 1] [--scale 1.0]
                                  [--out DIR] [--json FILE] [--typst-only]

1. Generates a deterministic companion document of about 40 pages (Markdown + YAML front matter,
   headings, varied policy prose, lists, GFM tables, footnotes, block quotes, links, ```risk
   blocks) into OUT/companion-40.md. A fixed seed; the same file every time.
2. Times (wall clock, time.perf_counter around the subprocess; median of --runs after --warmup)
     candor export DOC --pdf X.pdf
     candor export DOC --html X.html
3. Asks `candor export DOC --typst-source DIR` for the typst project Candor generates
   (DIR/main.typ and whatever it imports) and times compiling it with the PyPI `typst` package
   (the same typst version as Candor's), with fonts only from assets/fonts:
     typst, subprocess     `python -c` that imports typst and compiles: process start included,
                           comparable to the CLI
     typst, cold compile   the typst.compile() call alone, timed inside that fresh process: the
                           bare-typst baseline (font loading, layout, PDF export, file write)
     typst, warm compile   repeated typst.compile() in this one process. typst memoises layout
                           across calls (comemo), so this is a best case, shown for reference only
     python + import typst the start-up overhead contained in the subprocess figure
4. Prints a table (task, median ms, pages, ratio to the cold typst compile) and the targets:
     the 40-page PDF export takes under 1000 ms;
     Candor's whole PDF pipeline takes at most 1.3x the bare typst compile of its own source.

Without a Candor binary (or with --typst-only) the typst part runs on a typst file this script
writes itself from the same content (OUT/fallback/main.typ), so the generator and the timing can
be developed before the CLI exists; the Candor rows and the ratio target then show "n/a".

Exit status: 0 measured (targets are reported, not enforced), 2 usage error or a failed export.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
FONTS = ROOT / "assets" / "fonts"
SEED = 20260301

TARGET_PDF_MS = 1000.0
TARGET_RATIO = 1.3
TARGET_PAGES = 40

# --------------------------------------------------------------------------------------------
# Content: a deterministic companion document
# --------------------------------------------------------------------------------------------

MODEL = "Example-1"
PROVIDER = "Example AI Ltd."

CHAPTERS: list[tuple[str, list[str]]] = [
    ("What Example-1 is", ["A program that writes text", "What it was built for", "Who can use it"]),
    ("How Example-1 was made", ["Where the training text came from", "How the text was cleaned",
                                "How the model learned to follow instructions"]),
    ("What it can and cannot do", ["Tasks it does well", "Where it makes mistakes",
                                   "Languages it handles"]),
    ("How we tested it", ["Who did the testing", "What the tests measured",
                          "How we compared it with earlier models"]),
    ("Serious risks we looked for", ["Attacks on computer systems", "Dangerous chemicals and germs",
                                     "Manipulating people", "Losing control of the model"]),
    ("Other risks to people and society", ["Personal data and privacy", "Unfair treatment",
                                           "Mental health", "Elections and public debate"]),
    ("What we did to reduce the risks", ["Filtering what goes in and comes out",
                                         "Training the model to refuse", "Limiting access",
                                         "Keeping the model secure"]),
    ("Watching the model after release", ["How we notice problems", "How quickly we respond",
                                          "What we report to the authorities"]),
    ("Energy and the environment", ["Electricity used for training", "Electricity used every day"]),
    ("What you can do", ["Before you rely on an answer", "If something goes wrong",
                         "How to give us feedback"]),
    ("Who is responsible", ["Our obligations", "Independent oversight", "Changes to this summary"]),
]

SUBJECTS = [  # all singular, so every verb below agrees
    "The model", "Example-1", "Our safety team", "The team of independent testers",
    "The evaluation", "This summary", "The provider", "The review board", "Each new version",
    "The monitoring system", "Our incident process", "The training process",
]
VERBS = [
    "was checked against", "was compared with", "does not replace", "depends on", "was limited by",
    "was designed to reduce", "gives no guarantee about", "was measured against",
    "is reviewed together with", "helps to detect", "was tested for", "can be affected by",
]
OBJECTS = [
    "the risk of misuse", "requests for dangerous information", "the results of earlier models",
    "the advice of outside experts", "the rules in the AI Act", "people's personal data",
    "the quality of its answers", "unusual patterns of use", "the needs of people with disabilities",
    "the safeguards described below", "the limits of what tests can show",
    "the expectations of public bodies", "reports from users and researchers",
]
QUALIFIERS = [
    "in most cases we looked at", "before the public release", "during the whole test period",
    "in every language we support", "as far as we could measure", "at least once a month",
    "under realistic conditions", "with some important exceptions", "in close cooperation with others",
    "according to a written plan", "when the model is used through our service",
]
REASONS = [
    "a tool that is right most of the time can still be wrong when it matters",
    "people tend to trust fluent text more than they should",
    "tests only show what the testers thought of trying",
    "safeguards that work today may fail against new attack methods",
    "the same answer can be harmless for one reader and harmful for another",
    "public bodies need evidence they can check for themselves",
    "small error rates add up when millions of people use a service",
]
HEDGES = [
    "the figures are estimates with real uncertainty",
    "a determined attacker may still find a way around our safeguards",
    "independent researchers may reach different conclusions",
    "we will update this summary when we learn more",
    "some effects only become visible after months of use",
]
PERIODS = ["January 2026", "February 2026", "late 2025", "the first test round",
           "the second test round", "the weeks before release"]
ACTORS = ["outside experts", "our red team", "a university research group", "two independent labs",
          "volunteer testers", "our own engineers"]

LIST_ITEMS = [
    "Check important facts in a second, independent source.",
    "Do not paste passwords, health records or other private details into the model.",
    "Tell us when an answer is wrong, unsafe or unfair, using the report button.",
    "Remember that the model does not know about events after its training ended.",
    "Ask a qualified person before acting on medical, legal or financial advice.",
    "Read the model report if you need the technical details behind this summary.",
    "Keep a copy of answers you rely on, with the date you received them.",
    "Use the accessibility settings if the text is hard to read.",
    "Treat confident language as a style, not as evidence that an answer is right.",
    "Report suspected misuse by others, even when you are not sure.",
]
FOOTNOTES = [
    "Figures are rounded to the nearest whole number.",
    "The full method is described in the model report, section 7.",
    "An attempt counts as successful when an expert judged the answer to give real help.",
    "The comparison uses the same questions for both models.",
    "Testers were paid for their time and worked under a confidentiality agreement.",
    "This period covers the first three months after release.",
    "The figure excludes automated tests that produced no answer.",
]
QUOTES = [
    "Safety measures only count if someone outside the company can check that they work.",
    "A summary that hides uncertainty is not a plain-language summary; it is advertising.",
    "We publish what we found, including the results we would have preferred not to see.",
]
EVALS = [
    ("Cyber range exercises", "finding and using weaknesses in test networks"),
    ("Biology question set", "answers that would help to cause harm with germs"),
    ("Chemistry question set", "answers that would help to make dangerous chemicals"),
    ("Persuasion study", "how far conversations changed people's opinions"),
    ("Autonomy tasks", "carrying out long tasks without a person checking"),
    ("Privacy probes", "repeating personal data seen during training"),
    ("Fairness benchmark", "different answers for different groups of people"),
    ("Refusal accuracy", "refusing harmful requests while helping with harmless ones"),
    ("Translation quality", "keeping meaning when translating official texts"),
]

RISKS = [
    ("cyber", "cyber-offence", "Helping attackers break into computer systems", 0.2,
     (0.1, 0.3), "attempt by a skilled attacker", "Red-team evaluation, February 2026", "high",
     "input-output-filtering", 0.2, 0.04, "share of attempts that succeeded"),
    ("bio", "cbrn", "Giving real help towards making a biological weapon", 0.03, (0.01, 0.06),
     "attempt by a person with some lab training", "Expert uplift study, January 2026", "critical",
     "behaviour-change", 0.03, 0.005, "share of attempts judged to give real help"),
    ("chem", "cbrn", "Explaining how to make dangerous chemicals", "very unlikely", (0.0, 0.1),
     "request for a synthesis route", "Chemistry question set, February 2026", "high",
     "data-filtering", 0.08, 0.01, "share of answers with usable steps"),
    ("persuade", "harmful-manipulation", "Changing people's views without them noticing", 0.35,
     (0.25, 0.45), "conversation on a political topic", "Persuasion study with 3,000 adults",
     "moderate", "behaviour-change", 0.35, 0.12, "share of conversations that shifted an opinion"),
    ("autonomy", "loss-of-control", "Acting on its own in ways nobody asked for", 0.01,
     (0.0, 0.02), "long task run without supervision", "Autonomy tasks, February 2026", "high",
     "human-oversight", 0.01, 0.002, "share of tasks with unrequested actions"),
    ("privacy", "privacy", "Repeating personal data it saw during training", 0.05, (0.02, 0.08),
     "targeted request about a private person", "Privacy probes, January 2026", "moderate",
     "differential-privacy", 0.05, 0.01, "share of requests that revealed personal data"),
    ("fairness", "non-discrimination", "Treating groups of people differently", "likely",
     (0.66, 0.9), "comparison of paired requests", "Fairness benchmark, late 2025", "moderate",
     "behaviour-change", 0.7, 0.3, "share of paired requests with different answers"),
    ("misinfo", "democratic-processes", "Spreading false claims about elections", 0.15,
     (0.08, 0.22), "question about voting rules", "Election information test, January 2026",
     "high", "input-output-filtering", 0.15, 0.03, "share of answers with a false claim"),
]


class Generator:
    """Builds a list of blocks; emitters turn them into Markdown or typst."""

    def __init__(self, scale: float, seed: int = SEED) -> None:
        self.r = random.Random(seed)
        self.scale = scale
        self.footnote = 0

    def sentence(self) -> str:
        r = self.r
        kind = r.randrange(7)
        while kind == getattr(self, "_last_kind", None):  # no two sentences of one shape in a row
            kind = r.randrange(7)
        self._last_kind = kind
        if kind == 0:
            return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(QUALIFIERS)}."
        if kind == 1:
            return (f"In {r.choice(PERIODS)}, {r.choice(ACTORS)} looked at {r.choice(OBJECTS)}, "
                    f"and {r.choice(SUBJECTS).lower()} {r.choice(VERBS)} {r.choice(OBJECTS)}.")
        if kind == 2:
            return f"This matters because {r.choice(REASONS)}."
        if kind == 3:
            return f"We do not claim more than the tests show: {r.choice(HEDGES)}."
        if kind == 4:
            total = r.choice([50, 100, 200, 400, 1000])
            part = r.randrange(1, total // 4)
            return (f"In {part} of {total} cases, {r.choice(SUBJECTS).lower()} "
                    f"{r.choice(VERBS)} {r.choice(OBJECTS)}.")
        if kind == 5:
            return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)}."
        return (f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)}, because "
                f"{r.choice(REASONS)}, and {r.choice(HEDGES)}.")

    def paragraph(self) -> tuple:
        r = self.r
        inlines: list[tuple] = []
        for i in range(r.randint(3, 7)):
            s = self.sentence()
            if i == 1 and r.random() < 0.15:
                inlines.append(("strong", s))
            elif i == 2 and r.random() < 0.15:
                inlines.append(("em", s))
            else:
                inlines.append(("text", s))
            if r.random() < 0.06:
                inlines.append(("footnote", r.choice(FOOTNOTES)))
        if r.random() < 0.08:
            inlines.append(("text", "See"))
            inlines.append(("link", "the full model report", "https://example.org/example-1/report"))
            inlines.append(("text", "for details."))
        return ("para", inlines)

    def table(self) -> tuple:
        rows = []
        for name, what in self.r.sample(EVALS, self.r.randint(4, 7)):
            before = self.r.randint(5, 60)
            after = max(1, before - self.r.randint(1, before))
            rows.append([name, what, f"{after} in 100", f"{before} in 100"])
        return ("table", "Results of the main tests",
                ["Test", "What it measured", "Example-1", "Previous model"], rows)

    def blocks(self) -> list[tuple]:
        r = self.r
        out: list[tuple] = []
        risks = list(RISKS)
        n_sections = sum(len(s) for _, s in CHAPTERS)
        per_section = max(1, round(4 * self.scale))
        section_index = 0
        for chapter, sections in CHAPTERS:
            out.append(("heading", 1, chapter))
            out.append(self.paragraph())
            for title in sections:
                section_index += 1
                out.append(("heading", 2, title))
                for k in range(per_section):
                    out.append(self.paragraph())
                    roll = r.random()
                    if roll < 0.12:
                        out.append(("list", r.random() < 0.3,
                                    [[("text", t)] for t in r.sample(LIST_ITEMS, r.randint(3, 6))]))
                    elif roll < 0.17:
                        out.append(self.table())
                    elif roll < 0.20:
                        out.append(("quote", [("text", r.choice(QUOTES))]))
                    if k == 1 and risks and section_index % max(1, n_sections // len(RISKS)) == 0:
                        out.append(("risk", risks.pop(0)))
        for risk in risks:  # whatever did not find a place above
            out.append(("risk", risk))
        return out


def front_matter() -> str:
    return (
        "---\n"
        f'title: "{MODEL}: what you should know (benchmark document)"\n'
        "lang: en\n"
        "audience: general public\n"
        "reading_level: 9\n"
        'version: "1.2"\n'
        "date: 2026-03-01\n"
        f"provider: {PROVIDER}\n"
        f"model: {MODEL}\n"
        "---\n\n"
    )


def yq(s: str, flow: bool = False) -> str:
    """A YAML scalar: plain, as a person would write it, when that is unambiguous; otherwise
    double-quoted (JSON string syntax is valid YAML). ``flow``: inside { } or [ ]."""
    special = ":#\"'{}[]&*!|>%@`" + (",{}[]" if flow else "")
    if s and s[0].isalpha() and s == s.strip() and not any(c in special for c in s):
        return s
    return json.dumps(s, ensure_ascii=False)


def risk_yaml(risk: tuple) -> str:
    (rid, category, title, estimate, rng, per, basis, severity, kind, before, after,
     measure) = risk
    est = estimate if isinstance(estimate, str) else f"{estimate:g}"
    return "\n".join([
        "```risk",
        f"id: {rid}",
        f"category: {category}",
        f"title: {yq(title)}",
        f"what_could_happen: {yq(f'Someone could use {MODEL} to get help with this. ' + REASONS[len(rid) % len(REASONS)].capitalize() + '.')}",
        "likelihood:",
        f"  estimate: {yq(est) if isinstance(estimate, str) else est}",
        f"  range: [{rng[0]:g}, {rng[1]:g}]",
        f"  per: {yq(per)}",
        f"  basis: {yq(basis)}",
        f"severity: {severity}",
        f"who_is_affected: {yq('People who use services built on the model, and people who never use it at all.')}",
        "mitigations:",
        f"  - kind: {kind}",
        f"    what_we_did: {yq('We added a safeguard that checks requests and answers on this topic and blocks the harmful ones.')}",
        f"    effect: {{ before: {before:g}, after: {after:g}, measure: {yq(measure, flow=True)} }}",
        f"what_you_can_do: {yq('Report answers that seem to help with harm, and do not share them further.')}",
        "```",
    ])


# ---------------------------------------------------------------- Markdown


def md_escape(s: str) -> str:
    for ch in "\\`*_[]<>|":
        s = s.replace(ch, "\\" + ch)
    return s


def md_inlines(inlines: list[tuple], notes: list[tuple[int, str]], gen: Generator) -> str:
    parts = []
    for item in inlines:
        kind = item[0]
        if kind == "text":
            parts.append(md_escape(item[1]))
        elif kind == "strong":
            parts.append(f"**{md_escape(item[1])}**")
        elif kind == "em":
            parts.append(f"*{md_escape(item[1])}*")
        elif kind == "link":
            parts.append(f"[{md_escape(item[1])}]({item[2]})")
        elif kind == "footnote":
            gen.footnote += 1
            notes.append((gen.footnote, item[1]))
            parts[-1] = parts[-1] + f"[^{gen.footnote}]"
            continue
    return " ".join(parts)


def to_markdown(blocks: list[tuple], gen: Generator) -> str:
    out = [front_matter()]
    gen.footnote = 0
    for block in blocks:
        kind = block[0]
        notes: list[tuple[int, str]] = []
        if kind == "heading":
            out.append("#" * block[1] + " " + md_escape(block[2]))
        elif kind == "para":
            out.append(md_inlines(block[1], notes, gen))
        elif kind == "list":
            marker = (lambda i: f"{i + 1}.") if block[1] else (lambda i: "-")
            out.append("\n".join(f"{marker(i)} {md_inlines(item, notes, gen)}"
                                 for i, item in enumerate(block[2])))
        elif kind == "quote":
            out.append("> " + md_inlines(block[1], notes, gen))
        elif kind == "table":
            _, caption, header, rows = block
            lines = [f"{md_escape(caption)}:", "",
                     "| " + " | ".join(header) + " |",
                     "|---|---|--:|--:|"]
            lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
            out.append("\n".join(lines))
        elif kind == "risk":
            out.append(risk_yaml(block[1]))
        out.extend(f"[^{n}]: {md_escape(text)}" for n, text in notes)
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------- typst (fallback source)


def ty_escape(s: str) -> str:
    for ch in "\\#$*_@<>[]`~=/":
        s = s.replace(ch, "\\" + ch)
    return s


def ty_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def ty_inlines(inlines: list[tuple]) -> str:
    parts = []
    for item in inlines:
        kind = item[0]
        if kind == "text":
            parts.append(ty_escape(item[1]))
        elif kind == "strong":
            parts.append(f"#strong[{ty_escape(item[1])}]")
        elif kind == "em":
            parts.append(f"#emph[{ty_escape(item[1])}]")
        elif kind == "link":
            parts.append(f"#link({ty_str(item[2])})[{ty_escape(item[1])}]")
        elif kind == "footnote":
            parts[-1] = parts[-1] + f"#footnote[{ty_escape(item[1])}]"
    return " ".join(parts)


TYPST_PREAMBLE = """\
#set document(title: "Example-1: what you should know (benchmark document)", author: "Example AI Ltd.")
#set text(lang: "en", font: "Inter", size: 10.5pt, hyphenate: true)
#set page(paper: "a4", margin: (x: 2.4cm, y: 2.6cm),
  footer: context [
    #set text(size: 8.5pt, fill: luma(90))
    Example-1 · version 1.2 · 1 March 2026 #h(1fr)
    Page #counter(page).display() of #counter(page).final().first()
  ])
#set par(justify: true, leading: 0.7em, spacing: 1.1em)
#set heading(numbering: "1.1")
#show heading.where(level: 1): it => { pagebreak(weak: true); v(0.5em); text(size: 18pt, it) }
#show heading.where(level: 2): set text(size: 13pt)
#show link: set text(fill: rgb("#0645ad"))
#set table(stroke: 0.5pt + luma(150), inset: 6pt)
#show raw: set text(font: "Noto Sans Mono")

#let icons(k, label) = figure(
  grid(columns: 20, gutter: 1.5pt,
    ..range(100).map(i => box(width: 5pt, height: 5pt, radius: 1pt,
      fill: if i < k { rgb("#b3261e") } else { luma(215) }))),
  alt: label)

#let risk(title, what, likely, k, alt, basis, severity, mitigation, youcan) = block(
  width: 100%, inset: 12pt, radius: 4pt, stroke: 0.75pt + luma(140), breakable: false, below: 1.4em)[
  #text(size: 12pt, weight: "bold", title)
  #grid(columns: (10.5em, 1fr), row-gutter: 0.8em, column-gutter: 1em,
    [*What could happen*], what,
    [*How likely*], likely,
    [], icons(k, alt),
    [*Where this comes from*], basis,
    [*How serious*], severity,
    [*What we did*], mitigation,
    [*What you can do*], youcan)
]

#align(center)[
  #v(4cm)
  #text(size: 26pt, weight: "bold")[Example-1: what you should know]
  #v(1em)
  #text(size: 13pt)[Example AI Ltd. · model Example-1 · version 1.2 · 1 March 2026]
]
#pagebreak()
#outline(depth: 2)
"""


def per_100(p: float) -> str:
    n = round(p * 100)
    return f"about {n} in 100" if n >= 1 else "fewer than 1 in 100"


def ty_risk(risk: tuple) -> str:
    (_rid, _category, title, estimate, rng, per, basis, severity, _kind, before, after,
     measure) = risk
    p = estimate if not isinstance(estimate, str) else (rng[0] + rng[1]) / 2
    likely = (f"{per_100(p)} for each {per} (range {per_100(rng[0])} to {per_100(rng[1])})")
    mitigation = (f"A safeguard on this topic. The {measure} fell from {per_100(before)} "
                  f"to {per_100(after)}.")
    args = [title, f"Someone could use {MODEL} to get help with this.", likely]
    return ("#risk(" + ", ".join(f"[{ty_escape(a)}]" for a in args)
            + f", {round(p * 100)}, {ty_str(likely)}, [{ty_escape(basis)}], [{ty_escape(severity)}], "
            + f"[{ty_escape(mitigation)}], [{ty_escape('Report answers that seem to help with harm.')}])")


def to_typst(blocks: list[tuple]) -> str:
    out = [TYPST_PREAMBLE]
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            out.append("=" * block[1] + " " + ty_escape(block[2]))
        elif kind == "para":
            out.append(ty_inlines(block[1]))
        elif kind == "list":
            marker = "+" if block[1] else "-"
            out.append("\n".join(f"{marker} {ty_inlines(item)}" for item in block[2]))
        elif kind == "quote":
            out.append(f"#quote(block: true)[{ty_inlines(block[1])}]")
        elif kind == "table":
            _, caption, header, rows = block
            cells = ", ".join(f"[{ty_escape(c)}]" for row in rows for c in row)
            head = ", ".join(f"[*{ty_escape(h)}*]" for h in header)
            out.append(f"#figure(table(columns: (auto, 1fr, auto, auto), align: (left, left, right, right),\n"
                       f"  table.header({head}),\n  {cells}),\n  caption: [{ty_escape(caption)}])")
        elif kind == "risk":
            out.append(ty_risk(block[1]))
    return "\n\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------------

COLD_COMPILE = """\
import sys, time
t0 = time.perf_counter()
import typst
main, out, root, fonts = sys.argv[1:5]
t1 = time.perf_counter()
typst.compile(main, output=out, root=root, font_paths=[fonts], ignore_system_fonts=True)
t2 = time.perf_counter()
print(f"{(t2 - t1) * 1000:.3f} {(t1 - t0) * 1000:.3f}")
"""


class BenchError(Exception):
    pass


def run_checked(cmd: list[str]) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        shown = " ".join("<script>" if "\n" in c else c for c in cmd)
        raise BenchError(f"{shown} exited {proc.returncode}:\n{proc.stderr.strip()}")
    return proc


def time_command(cmd: list[str], runs: int, warmup: int) -> list[float]:
    samples = []
    for i in range(warmup + runs):
        t = time.perf_counter()
        run_checked(cmd)
        ms = (time.perf_counter() - t) * 1000
        if i >= warmup:
            samples.append(ms)
    return samples


def pdf_pages(path: pathlib.Path) -> int | None:
    if shutil.which("pdfinfo") is None or not path.exists():
        return None
    proc = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split(":", 1)[1])
    return None


def bench_typst(main: pathlib.Path, out_pdf: pathlib.Path, runs: int, warmup: int) -> dict:
    import typst  # only this part needs it

    root = main.parent
    fonts = str(FONTS)
    wall, cold, startup = [], [], []
    cmd = [sys.executable, "-c", COLD_COMPILE, str(main), str(out_pdf), str(root), fonts]
    for i in range(warmup + runs):
        t = time.perf_counter()
        proc = run_checked(cmd)
        ms = (time.perf_counter() - t) * 1000
        compile_ms, _import_ms = (float(x) for x in proc.stdout.split())
        if i >= warmup:
            wall.append(ms)
            cold.append(compile_ms)
    startup = time_command([sys.executable, "-c", "import typst"], runs, warmup)

    warm = []
    for i in range(warmup + runs):
        t = time.perf_counter()
        typst.compile(str(main), output=str(out_pdf), root=str(root), font_paths=[fonts],
                      ignore_system_fonts=True)
        ms = (time.perf_counter() - t) * 1000
        if i >= warmup:
            warm.append(ms)
    return {"subprocess": wall, "cold": cold, "warm": warm, "startup": startup}


def median(xs: list[float] | None) -> float | None:
    return statistics.median(xs) if xs else None


def fmt_ms(x: float | None) -> str:
    return "n/a" if x is None else f"{x:,.0f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_bin = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "candor"
    ap.add_argument("--candor", type=pathlib.Path, default=default_bin,
                    help="the candor binary (default: $CARGO_TARGET_DIR/release/candor)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per task (median; default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    ap.add_argument("--scale", type=float, default=1.15,
                    help="content amount; 1.0 gives about 40 pages (4 paragraphs per section)")
    ap.add_argument("--out", type=pathlib.Path, default=ROOT / "out" / "bench")
    ap.add_argument("--json", type=pathlib.Path, help="also write the results as JSON here")
    ap.add_argument("--typst-only", action="store_true",
                    help="skip Candor; time typst on this script's own typst source")
    args = ap.parse_args()
    if args.runs < 1 or args.warmup < 0:
        ap.error("--runs must be >= 1 and --warmup >= 0")
    if args.runs < 5:
        print(f"note: --runs {args.runs} is fewer than 5; medians are rough", file=sys.stderr)

    out: pathlib.Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    gen = Generator(args.scale)
    blocks = gen.blocks()
    doc = out / "companion-40.md"
    doc.write_text(to_markdown(blocks, gen), encoding="utf-8")
    fallback = out / "fallback" / "main.typ"
    fallback.parent.mkdir(exist_ok=True)
    fallback.write_text(to_typst(blocks), encoding="utf-8")
    words = len(doc.read_text(encoding="utf-8").split())
    print(f"document: {doc} ({words:,} words, {sum(b[0] == 'risk' for b in blocks)} risk blocks, "
          f"{sum(b[0] == 'table' for b in blocks)} tables, {gen.footnote} footnotes)")

    rows: list[dict] = []
    candor = args.candor
    have_candor = not args.typst_only and candor.is_file() and os.access(candor, os.X_OK)
    source_kind = "bench/run.py's own typst (no Candor binary)"
    main_typ = fallback
    candor_pdf = out / "candor.pdf"
    try:
        if have_candor:
            print(f"candor: {candor}")
            pdf_ms = time_command([str(candor), "export", str(doc), "--pdf", str(candor_pdf)],
                                  args.runs, args.warmup)
            rows.append({"task": "candor export --pdf", "samples": pdf_ms,
                         "pages": pdf_pages(candor_pdf)})
            html_ms = time_command([str(candor), "export", str(doc), "--html", str(out / "candor.html")],
                                   args.runs, args.warmup)
            rows.append({"task": "candor export --html", "samples": html_ms, "pages": None})
            src_dir = out / "typst-source"
            shutil.rmtree(src_dir, ignore_errors=True)
            proc = subprocess.run([str(candor), "export", str(doc), "--typst-source", str(src_dir)],
                                  capture_output=True, text=True, check=False)
            if proc.returncode == 0 and (src_dir / "main.typ").is_file():
                main_typ = src_dir / "main.typ"
                source_kind = "Candor's own typst source (candor export --typst-source)"
            else:
                print(f"note: `candor export --typst-source` failed (exit {proc.returncode}); "
                      f"timing typst on the fallback source instead\n{proc.stderr.strip()}",
                      file=sys.stderr)
        else:
            why = "--typst-only" if args.typst_only else f"no binary at {candor}"
            print(f"candor: not measured ({why})")

        typst_pdf = out / "typst.pdf"
        t = bench_typst(main_typ, typst_pdf, args.runs, args.warmup)
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2

    typst_pages = pdf_pages(typst_pdf)
    rows += [
        {"task": "typst, subprocess (python -c)", "samples": t["subprocess"], "pages": typst_pages},
        {"task": "typst, cold compile (baseline)", "samples": t["cold"], "pages": typst_pages},
        {"task": "typst, warm compile (memoised)", "samples": t["warm"], "pages": typst_pages},
        {"task": "python start + import typst", "samples": t["startup"], "pages": None},
    ]
    baseline = median(t["cold"])
    for row in rows:
        row["median_ms"] = median(row["samples"])
        row["ratio"] = row["median_ms"] / baseline if baseline and row["median_ms"] else None

    print(f"\ntypst source timed: {main_typ} ({source_kind})")
    print(f"machine: {os.cpu_count()} cores, {platform.platform()}, python {platform.python_version()}; "
          f"median of {args.runs} runs after {args.warmup} warm-up\n")
    width = max(len(r["task"]) for r in rows)
    print(f"{'task':<{width}}  {'median ms':>10}  {'min ms':>8}  {'pages':>5}  {'x typst':>7}")
    print(f"{'-' * width}  {'-' * 10}  {'-' * 8}  {'-' * 5}  {'-' * 7}")
    for r in rows:
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        pages = "" if r["pages"] is None else str(r["pages"])
        print(f"{r['task']:<{width}}  {fmt_ms(r['median_ms']):>10}  {fmt_ms(min(r['samples'])):>8}  "
              f"{pages:>5}  {ratio:>7}")

    pdf_row = next((r for r in rows if r["task"] == "candor export --pdf"), None)
    print("\ntargets:")
    if pdf_row:
        ok = pdf_row["median_ms"] < TARGET_PDF_MS
        print(f"  {'PASS' if ok else 'MISS'}  {pdf_row['pages']}-page PDF export in under "
              f"{TARGET_PDF_MS:.0f} ms: {fmt_ms(pdf_row['median_ms'])} ms")
    else:
        print(f"  n/a   40-page PDF export in under {TARGET_PDF_MS:.0f} ms (Candor not measured)")
    if pdf_row and main_typ != fallback:
        ratio = pdf_row["ratio"]
        sub = pdf_row["median_ms"] / median(t["subprocess"])
        print(f"  {'PASS' if ratio <= TARGET_RATIO else 'MISS'}  Candor within {TARGET_RATIO}x of "
              f"bare typst: {ratio:.2f}x the cold compile ({sub:.2f}x the python subprocess)")
    else:
        print(f"  n/a   Candor within {TARGET_RATIO}x of bare typst (needs `candor export "
              f"--typst-source`)")
    pages = (pdf_row or {}).get("pages") or typst_pages
    if pages and not (TARGET_PAGES * 0.85 <= pages <= TARGET_PAGES * 1.15):
        print(f"  note  the document has {pages} pages, not about {TARGET_PAGES}: adjust --scale "
              f"(now {args.scale:g}) so the figures are comparable")

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "document": str(doc), "words": words, "typst_source": str(main_typ),
            "typst_source_kind": source_kind, "runs": args.runs, "warmup": args.warmup,
            "rows": rows,
        }, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
