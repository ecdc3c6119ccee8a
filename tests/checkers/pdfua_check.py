#!/usr/bin/env python3
"""pdfua_check.py — check PDFs against the machine-checkable subset of PDF/UA-1.

    python pdfua_check.py [--ignore RULE]... [--certain-only] FILE.pdf...

An independent checker for Candor's PDF/UA-1 exports: it runs every rule of the PyPI ``pdfua``
package (pinned 0.1.3; built on pikepdf/QPDF, no JVM). That package decides 16 of the 106
machine-checkable PDF/UA-1 rules (structure tree, MarkInfo, untagged content, /Lang, figure
alt text, table headers, link and annotation descriptions, empty headings, title,
DisplayDocTitle, pdfuaid in XMP). A clean run means "those rules found nothing", not
"this file conforms"; veraPDF remains the reference for a conformance claim.

Output: one line per finding, ``FILE: RULE: severity: message (where)``. A rule that could not
run on a file is reported as a finding too (``FILE: RULE: skipped: reason``): silence must not
pass for success. A closing summary line follows.

Exit status: 0 no findings, 1 findings, 2 usage error or a file that cannot be read as a PDF.
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 already; keep the message short
        self.print_usage(sys.stderr)
        print(f"pdfua_check: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _import_pdfua():
    try:
        import pdfua
    except ImportError as exc:
        print(
            f"pdfua_check: the `pdfua` package is not importable ({exc}); run `make deps` and use "
            "the project's .venv/bin/python",
            file=sys.stderr,
        )
        sys.exit(EXIT_USAGE)
    _patch_as_integer()
    return pdfua


def _patch_as_integer() -> None:
    """Work around a crash in pdfua 0.1.3's EmptyHeadingRule (UA-14-001).

    ``pdfua.document.as_integer`` probes ``getattr(value, "is_integer", False)``. On a pikepdf
    Array, pikepdf turns attribute access into a dictionary-key lookup and raises ValueError
    (not AttributeError), so getattr's default never applies. Every heading whose /K is an array
    of marked-content ids (which is how typst tags headings) makes the rule raise, and pdfua then
    reports UA-14-001 as skipped for the whole file. The replacement below decides the same
    question ("is this a PDF integer?") without the attribute probe. It is installed only when
    the bug is actually present, so a fixed pdfua release is used as shipped.
    """
    import pikepdf
    from pdfua import document
    from pdfua.rules import structure

    try:
        document.as_integer(pikepdf.Array([1]))
    except Exception:  # noqa: BLE001 - the bug raises ValueError; any failure means "patch"
        affected = True
    else:
        affected = False
    if not affected:
        return

    def as_integer(value: object) -> int | None:
        if isinstance(value, bool):
            return None
        if isinstance(value, int):
            return int(value)
        if isinstance(value, pikepdf.Object):
            try:
                if value._type_code == pikepdf.ObjectType.integer:
                    return int(value)
            except Exception:  # noqa: BLE001 - a malformed object is "not an integer"
                return None
        return None

    document.as_integer = as_integer
    for module in (structure,):
        if hasattr(module, "as_integer"):
            module.as_integer = as_integer


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(
        prog="pdfua_check.py",
        description="Check PDFs with the PyPI pdfua package (a subset of PDF/UA-1).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE.pdf")
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULE",
        help="drop findings of RULE (exact id or prefix such as UA-28); repeatable",
    )
    parser.add_argument(
        "--certain-only",
        action="store_true",
        help="drop findings pdfua marks as heuristic (not recommended for PDF/UA exports)",
    )
    args = parser.parse_args(argv)

    pdfua = _import_pdfua()
    from pdfua.model import Confidence

    findings_total = 0
    unreadable = 0
    for path in args.files:
        if not os.path.isfile(path):
            print(f"{path}: error: no such file", file=sys.stderr)
            unreadable += 1
            continue
        try:
            report = pdfua.validate(path)
        except pdfua.PdfuaError as exc:
            print(f"{path}: error: {exc}", file=sys.stderr)
            unreadable += 1
            continue

        def ignored(rule_id: str) -> bool:
            return any(rule_id == r or rule_id.startswith(f"{r}-") for r in args.ignore)

        for f in report.findings:
            if ignored(f.rule_id):
                continue
            if args.certain_only and f.confidence is not Confidence.CERTAIN:
                continue
            where = f.location.describe()
            tag = f.severity.name.lower()
            if f.confidence is not Confidence.CERTAIN:
                tag += f" ({f.confidence.value})"
            print(f"{path}: {f.rule_id}: {tag}: {f.message} (at {where})")
            findings_total += 1
        for outcome in report.skipped:
            if ignored(outcome.rule_id):
                continue
            print(f"{path}: {outcome.rule_id}: skipped: the rule could not run: {outcome.skipped_reason}")
            findings_total += 1

    cov = pdfua.coverage()
    print(
        f"pdfua_check: {len(args.files)} file(s), {findings_total} finding(s), "
        f"{unreadable} unreadable (pdfua {pdfua.__version__}: {cov.summary()})"
    )
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if findings_total else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
