#!/usr/bin/env bash
# selftest.sh — show that each checker can fail: known-bad fixtures must be caught, known-good
# ones must pass. Run by `make test` (after scripts/install-deps.sh). Closing line:
#   checkers: N passed, M failed
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="${CANDOR_PYTHON:-$ROOT/.venv/bin/python}"
FIX="$HERE/fixtures"

[[ -x "$PY" ]] || { echo "selftest: no Python venv at $PY; run \`make deps\`" >&2; exit 2; }
command -v node >/dev/null 2>&1 || { echo "selftest: node not found" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/candor-checkers.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0

# expect NAME WANT_RC PATTERN CMD...: CMD must exit WANT_RC and, when PATTERN is not empty,
# print a line matching the extended regular expression PATTERN.
expect() {
  local name="$1" want="$2" pattern="$3"
  shift 3
  local out rc=0
  out="$("$@" 2>&1)" || rc=$?
  if [[ "$rc" -eq "$want" ]] && { [[ -z "$pattern" ]] || grep -Eq -- "$pattern" <<<"$out"; }; then
    echo "ok     $name"
    passed=$((passed + 1))
  else
    echo "FAILED $name (exit $rc, wanted $want${pattern:+, output matching /$pattern/})"
    sed 's/^/       | /' <<<"$out"
    failed=$((failed + 1))
  fi
}

echo "selftest: building PDF fixtures with the typst package"
"$PY" "$FIX/make_pdfs.py" "$WORK"

PDFUA=("$PY" "$HERE/pdfua_check.py")
PDF=("$PY" "$HERE/pdf_check.py")
AXE=(node "$HERE/axe_check.mjs")
echo not a pdf >"$WORK/not-a.pdf"

# pdfua_check.py
expect "pdfua: PDF/UA-1 export has no findings" 0 ", 0 finding" "${PDFUA[@]}" "$WORK/good-ua.pdf"
expect "pdfua: untagged PDF -> UA-01-005" 1 "UA-01-005: error" "${PDFUA[@]}" "$WORK/untagged.pdf"
expect "pdfua: tagged, not UA -> UA-28-004" 1 "UA-28-004" "${PDFUA[@]}" "$WORK/tagged.pdf"
expect "pdfua: --ignore drops those rules" 0 ", 0 finding" \
  "${PDFUA[@]}" --ignore UA-28-004 --ignore UA-07 "$WORK/tagged.pdf"
expect "pdfua: image without alt -> UA-13-004" 1 "UA-13-004: error" "${PDFUA[@]}" "$WORK/no-alt.pdf"
expect "pdfua: empty heading -> UA-14-001 (rule runs)" 1 "UA-14-001: warning" \
  "${PDFUA[@]}" "$WORK/empty-heading.pdf"
expect "pdfua: not a PDF -> exit 2" 2 "not a readable PDF" "${PDFUA[@]}" "$WORK/not-a.pdf"
expect "pdfua: no arguments -> exit 2" 2 "" "${PDFUA[@]}"

# pdf_check.py
expect "pdf: good PDF passes every check" 0 ", 0 with failed" "${PDF[@]}" "$WORK/good-ua.pdf" \
  --title "Checker fixture" --lang en --pages 1 \
  --expect-text "What Example-1 is" --expect-text "about 1 in 5 attempts"
expect "pdf: untagged -> tagged check fails" 1 ": tagged: " "${PDF[@]}" "$WORK/untagged.pdf"
expect "pdf: wrong title" 1 ": title: " "${PDF[@]}" "$WORK/good-ua.pdf" --title "Another title"
expect "pdf: wrong language" 1 ": lang: " "${PDF[@]}" "$WORK/good-ua.pdf" --lang de
expect "pdf: German PDF has lang de" 0 "" "${PDF[@]}" "$WORK/german.pdf" --lang de \
  --title "Was Sie über Example-1 wissen sollten" --expect-text "Überblick"
expect "pdf: missing text" 1 "expect-text: text not found" \
  "${PDF[@]}" "$WORK/good-ua.pdf" --expect-text "words that are not there"
expect "pdf: shapes only -> no text" 1 ": text: " "${PDF[@]}" "$WORK/no-text.pdf"
expect "pdf: text across hyphenated lines" 0 "" "${PDF[@]}" "$WORK/hyphenated.pdf" \
  --expect-text "Internationalisation responsibilities notwithstanding, the characteristically uncompromising administrators reconsidered."
expect "pdf: wrong page count" 1 ": pages: " "${PDF[@]}" "$WORK/good-ua.pdf" --pages 2
expect "pdf: not a PDF -> exit 2" 2 "" "${PDF[@]}" "$WORK/not-a.pdf"

# axe_check.mjs (one browser start per call; each file is checked in light and dark mode)
expect "axe: accessible page passes (light + dark)" 0 ", 0 problem" "${AXE[@]}" "$FIX/good.html"
expect "axe: missing lang -> html-has-lang" 1 "html-has-lang" "${AXE[@]}" "$FIX/bad.html"
expect "axe: image without alt -> image-alt" 1 "image-alt \(critical\)" "${AXE[@]}" "$FIX/bad.html"
expect "axe: outside request -> network-request" 1 "network-request: .*https://" \
  "${AXE[@]}" "$FIX/network.html"
expect "axe: sibling file -> network-request" 1 "network-request: .*file://" \
  "${AXE[@]}" "$FIX/sibling.html"
expect "axe: contrast failing only in dark mode" 1 "\[dark\]: color-contrast" \
  "${AXE[@]}" "$FIX/dark-contrast.html"
expect "axe: ... which the light pass alone misses" 0 "" "${AXE[@]}" --no-dark "$FIX/dark-contrast.html"
expect "axe: missing file -> exit 2" 2 "no such file" "${AXE[@]}" "$WORK/missing.html"

# schema_check.py
SCHEMA=("$PY" "$HERE/schema_check.py")
RISKS="$ROOT/schemas/risk-cards.schema.json"
"$PY" - "$FIX/risk-cards.json" "$WORK" <<'PYEOF'
import json, sys
good = json.load(open(sys.argv[1], encoding="utf-8"))
bad = json.loads(json.dumps(good))
bad["risks"][0]["likelihood"]["estimate"] = 1.5   # a probability above 1
del bad["risks"][0]["title"]                       # a required field
bad["risks"][0]["severity"]["id"] = "dire"          # a value outside the enum
json.dump(bad, open(sys.argv[2] + "/bad-risks.json", "w"))
PYEOF
expect "schema: valid risk cards pass" 0 ", 0 problem" "${SCHEMA[@]}" "$RISKS" "$FIX/risk-cards.json"
expect "schema: probability above 1" 1 "likelihood/estimate" "${SCHEMA[@]}" "$RISKS" "$WORK/bad-risks.json"
expect "schema: missing title" 1 "'title' is a required property" "${SCHEMA[@]}" "$RISKS" "$WORK/bad-risks.json"
expect "schema: unknown severity" 1 "severity" "${SCHEMA[@]}" "$RISKS" "$WORK/bad-risks.json"
expect "schema: not JSON -> exit 2" 2 "" "${SCHEMA[@]}" "$RISKS" "$WORK/not-a.pdf"

GAPS="$ROOT/schemas/gaps.schema.json"
"$PY" - "$FIX/gaps.json" "$WORK" <<'PYEOF'
import json, sys
good = json.load(open(sys.argv[1], encoding="utf-8"))
bad = json.loads(json.dumps(good))
bad["stale"][0]["citation"]["change"] = "edited"   # a value outside the enum
del bad["counts"]["figures"]                        # a required field
bad["figures"][0]["line"] = 0                       # lines start at 1
json.dump(bad, open(sys.argv[2] + "/bad-gaps.json", "w"))
PYEOF
expect "schema: a valid gap report passes" 0 ", 0 problem" "${SCHEMA[@]}" "$GAPS" "$FIX/gaps.json"
expect "schema: unknown kind of change" 1 "change" "${SCHEMA[@]}" "$GAPS" "$WORK/bad-gaps.json"
expect "schema: missing count" 1 "'figures' is a required property" "${SCHEMA[@]}" "$GAPS" "$WORK/bad-gaps.json"
expect "schema: line 0" 1 "line" "${SCHEMA[@]}" "$GAPS" "$WORK/bad-gaps.json"

echo "checkers: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
