#!/usr/bin/env python3
"""pdf_check.py — basic accessibility facts of an exported PDF, checked with poppler-utils.

    python pdf_check.py FILE.pdf [--title T] [--lang L] [--pages N] [--expect-text S]...

Checks, independently of the program that wrote the file:
  tagged       `pdfinfo` reports "Tagged: yes" (a structure tree and /MarkInfo /Marked true)
  title        the document title (`pdfinfo` Title) equals T, or is non-empty when --title is absent
  lang         the catalog /Lang equals L (case-insensitive, BCP 47), or is present when --lang
               is absent; pdfinfo does not print /Lang, so it is read with pikepdf (QPDF), which
               the pinned `pdfua` package brings into the project's venv
  text         `pdftotext` extracts some text (the PDF is not just pictures of text)
  expect-text  each S occurs in the extracted text; whitespace is collapsed, words hyphenated at a
               line end are joined again and Unicode is NFKC-normalised on both sides, so
               S may span lines
  pages        the page count equals N (only with --pages)

Output: one line per failed check, ``FILE: check: message``, then a summary line.
Exit status: 0 all checks pass, 1 some check failed, 2 usage error, missing tool or unreadable
file.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import unicodedata

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        print(f"pdf_check: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


class UsageError(Exception):
    """A missing tool or an unreadable file: exit 2."""


def _run(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        raise UsageError(f"`{tool}` not found; run `make deps` (Debian package poppler-utils)")
    proc = subprocess.run(
        [tool, *args], capture_output=True, check=False, env={**os.environ, "LC_ALL": "C.UTF-8"}
    )
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"`{tool}` failed: {err[-1] if err else 'exit ' + str(proc.returncode)}")
    return proc.stdout.decode("utf-8", "replace")


def pdfinfo(path: str) -> dict[str, str]:
    info: dict[str, str] = {}
    for line in _run("pdfinfo", "-enc", "UTF-8", path).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
    return info


def catalog_lang(path: str) -> str | None:
    """The document catalog's /Lang, read with pikepdf."""
    try:
        import pikepdf
    except ImportError as exc:
        raise UsageError(
            f"pikepdf is not importable ({exc}); run `make deps` and use .venv/bin/python"
        ) from exc
    try:
        with pikepdf.open(path) as pdf:
            value = pdf.Root.get("/Lang")
            return None if value is None else str(value)
    except pikepdf.PdfError as exc:
        raise UsageError(f"not a readable PDF ({exc})") from exc


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def line_joins(text: str) -> list[str]:
    """Variants of ``text`` with words split across lines joined again.

    typst breaks words with a soft hyphen (U+00AD) at a line end; a real hyphen at a line end may
    belong to the word ("well-known") or not, so both readings are tried.
    """
    text = unicodedata.normalize("NFKC", text)
    dropped = re.sub(r"(\w)[-\u00ad\u2010]\s*\n\s*(\w)", r"\1\2", text)
    kept = re.sub(r"(\w)\u00ad\s*\n\s*(\w)", r"\1\2", text)
    kept = re.sub(r"(\w)([-\u2010])\s*\n\s*(\w)", r"\1\2\3", kept)
    return [normalise(dropped), normalise(kept)]


def check(path: str, args: argparse.Namespace) -> list[tuple[str, str]]:
    failures: list[tuple[str, str]] = []
    info = pdfinfo(path)

    tagged = info.get("Tagged", "")
    if tagged != "yes":
        failures.append(("tagged", f"pdfinfo reports Tagged: {tagged or '(missing)'}, expected yes"))

    title = info.get("Title", "")
    if args.title is not None:
        if normalise(title) != normalise(args.title):
            failures.append(("title", f"title is {title!r}, expected {args.title!r}"))
    elif not title:
        failures.append(("title", "the document has no title"))

    lang = catalog_lang(path)
    if lang is None or not lang.strip():
        failures.append(("lang", "the catalog has no /Lang"))
    elif args.lang is not None and lang.strip().lower() != args.lang.strip().lower():
        failures.append(("lang", f"catalog /Lang is {lang!r}, expected {args.lang!r}"))

    if args.pages is not None:
        pages = info.get("Pages", "")
        if pages != str(args.pages):
            failures.append(("pages", f"the document has {pages or '?'} page(s), expected {args.pages}"))

    raw = _run("pdftotext", "-enc", "UTF-8", path, "-")
    plain = normalise(raw)
    variants = [plain, *line_joins(raw)]
    if not plain:
        failures.append(("text", "pdftotext extracted no text"))
    for wanted in args.expect_text:
        w = normalise(wanted)
        if not any(w in v for v in variants):
            failures.append(("expect-text", f"text not found: {wanted!r}"))
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(
        prog="pdf_check.py",
        description="Check that a PDF is tagged, titled, has a language and real text.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE.pdf")
    parser.add_argument("--title", help="the expected document title (exact, whitespace-normalised)")
    parser.add_argument("--lang", help="the expected catalog /Lang, e.g. en or de-AT")
    parser.add_argument("--pages", type=int, help="the expected page count")
    parser.add_argument(
        "--expect-text",
        action="append",
        default=[],
        metavar="S",
        help="text that must occur in the extracted text; repeatable",
    )
    args = parser.parse_args(argv)

    failed = 0
    unusable = 0
    for path in args.files:
        if not os.path.isfile(path):
            print(f"{path}: error: no such file", file=sys.stderr)
            unusable += 1
            continue
        try:
            failures = check(path, args)
        except UsageError as exc:
            print(f"{path}: error: {exc}", file=sys.stderr)
            unusable += 1
            continue
        for name, message in failures:
            print(f"{path}: {name}: {message}")
        failed += bool(failures)
    print(f"pdf_check: {len(args.files)} file(s), {failed} with failed checks, {unusable} unreadable")
    if unusable:
        return EXIT_USAGE
    return EXIT_FAILED if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
