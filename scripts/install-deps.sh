#!/usr/bin/env bash
# install-deps.sh — install what Candor's build and tests need on a Debian 12 machine.
#
#   scripts/install-deps.sh [apt] [python] [node] [ui] [e2e]     (no argument: all of them)
#
# Idempotent and fast when everything is there: each part checks first and installs only what is
# missing (apt-get update runs only when a package is missing).
#   apt     Debian packages: poppler-utils (pdfinfo, pdftotext, pdftoppm), chromium, xvfb, fonts,
#           a C toolchain; the desktop app's libraries only once src-tauri/ exists.
#   python  a venv at .venv/ with the pinned packages of scripts/requirements.txt
#           (pdfua, typst and their dependencies).
#   node    `npm ci` in tests/checkers/ (axe-core, playwright-core; pinned by package-lock.json).
#           playwright-core drives Debian's /usr/bin/chromium; no browser is ever downloaded.
#   ui      `npm ci` in ui/ (Svelte, Vite, CodeMirror, Vitest; pinned by package-lock.json).
#   e2e     `npm ci` in tests/e2e/ (tauri-driver's prebuilt Linux x86-64 binary, an npm package
#           pinned by package-lock.json). It drives Debian's WebKitWebDriver (apt part).
# Works as root or as a user with sudo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Packages the tests need now.
APT_TEST_PACKAGES=(
  build-essential pkg-config     # C compiler and pkg-config for -sys crates
  poppler-utils                  # pdfinfo, pdftotext, pdftoppm: PDF checks and page previews
  chromium                       # headless browser for the axe-core HTML checks
  xvfb xauth                     # virtual X display for the desktop app's window tests
  fonts-inter fonts-noto-core    # the fonts Candor bundles, also for the browser
)
# Packages the Tauri desktop app (src-tauri/) needs; installed only once that folder exists.
APT_APP_PACKAGES=(
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev librsvg2-dev
  libayatana-appindicator3-dev libxdo-dev libssl-dev webkit2gtk-driver
)

BASE_PYTHON="${CANDOR_BASE_PYTHON:-python3}"
VENV="$ROOT/.venv"
REQUIREMENTS="$ROOT/scripts/requirements.txt"
CHECKERS="$ROOT/tests/checkers"
UI="$ROOT/ui"
E2E="$ROOT/tests/e2e"

log() { printf 'install-deps: %s\n' "$*"; }
die() { printf 'install-deps: error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root to run: $* (not root, and sudo is not installed)"
  fi
}

# ---------------------------------------------------------------- apt
apt_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" == ii* ]]
}

install_apt() {
  local wanted=("${APT_TEST_PACKAGES[@]}")
  if ! "$BASE_PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    wanted+=(python3-venv)
  fi
  if [[ -d "$ROOT/src-tauri" ]]; then
    wanted+=("${APT_APP_PACKAGES[@]}")
  fi
  local missing=() pkg
  for pkg in "${wanted[@]}"; do
    apt_installed "$pkg" || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    log "apt: all ${#wanted[@]} packages present"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install by hand: ${missing[*]}"
  log "apt: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

# ------------------------------------------------------------- python
venv_current() {
  [[ -x "$VENV/bin/python" ]] || return 1
  "$VENV/bin/python" - "$REQUIREMENTS" <<'EOF' >/dev/null 2>&1
import re, sys
from importlib import metadata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, version = re.split(r"==", line, maxsplit=1)
    if metadata.version(name.strip()) != version.strip():
        sys.exit(1)
EOF
}

install_python() {
  if venv_current; then
    log "python: .venv up to date ($("$VENV/bin/python" --version 2>&1))"
    return
  fi
  command -v "$BASE_PYTHON" >/dev/null 2>&1 || die "$BASE_PYTHON not found; install Python 3.10 or newer"
  "$BASE_PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' ||
    die "$BASE_PYTHON is older than 3.10 (pdfua needs 3.10+)"
  if ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    log "python: creating .venv with $("$BASE_PYTHON" --version 2>&1)"
    rm -rf "$VENV"
    "$BASE_PYTHON" -m venv "$VENV"
  fi
  log "python: installing scripts/requirements.txt into .venv"
  "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$REQUIREMENTS"
  venv_current || die "python: .venv still does not match scripts/requirements.txt"
}

# --------------------------------------------------------------- node
need_node() {
  command -v node >/dev/null 2>&1 || die "node not found; install Node.js 20 or newer"
  command -v npm >/dev/null 2>&1 || die "npm not found; install npm with Node.js"
  node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' ||
    die "Node.js $(node --version) is too old; Candor needs 20 or newer"
}

# `npm ci` in folder $1 unless its node_modules matches its package-lock.json already.
npm_ci() {
  local dir="$1" label="$2"
  local stamp="$dir/node_modules/.candor-lock" want
  want="$(node --version) $(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    log "$label: node_modules up to date"
    return
  fi
  log "$label: npm ci"
  # --ignore-scripts: nothing may download a browser or run install hooks.
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit \
    --no-fund --loglevel=error)
  printf '%s\n' "$want" >"$stamp"
}

install_node() {
  need_node
  npm_ci "$CHECKERS" "node (tests/checkers)"
}

install_ui() {
  need_node
  npm_ci "$UI" "ui"
}

install_e2e() {
  need_node
  npm_ci "$E2E" "e2e (tests/e2e)"
  node "$E2E/tauri-driver.cjs" --help >/dev/null 2>&1 ||
    die "e2e: tauri-driver does not start (node tests/e2e/tauri-driver.cjs --help)"
}

main() {
  local started=$SECONDS parts=("$@")
  ((${#parts[@]})) || parts=(apt python node ui e2e)
  local part
  for part in "${parts[@]}"; do
    case "$part" in
      apt) install_apt ;;
      python) install_python ;;
      node) install_node ;;
      ui) install_ui ;;
      e2e) install_e2e ;;
      *) die "unknown part '$part' (expected apt, python, node, ui or e2e)" ;;
    esac
  done
  log "done in $((SECONDS - started)) s"
}

main "$@"
