#!/usr/bin/env bash
# e2e.sh — run the end-to-end tests (tests/e2e/) against the real Candor window.
#
#   scripts/e2e.sh [PATH/TO/candor-app]      (or CANDOR_APP=...; default: the debug build)
#
# Starts a virtual X display (Xvfb, first free display number), starts tauri-driver on free
# ports (it runs WebKitWebDriver, which launches the app for each test file), runs
# `node --test tests/e2e/` and stops everything it started on exit, also on failure, Ctrl-C or
# timeout. Nothing here builds the app: `make app` does (`make e2e` builds, then runs this).
#
# Environment:
#   CANDOR_APP        the app binary (the first argument wins)
#   CANDOR_CORPUS     the shared corpus (default: ../shared/corpus beside the clone); tests that
#                     need it are skipped with a notice when it is missing, and fail when CI=true
#   E2E_TIMEOUT       seconds the whole test run may take (default 600)
#   E2E_KEEP=1        keep the temporary run folder (projects, exports, app logs)
#   E2E_TESTS         test files to run instead of all of tests/e2e/ (space-separated paths)
# Output: screenshots in out/e2e/screenshots/, the app's and the drivers' logs in out/e2e/logs/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf 'e2e: %s\n' "$*" >&2; }
die() { printf 'e2e: error: %s\n' "$*" >&2; exit 2; }

TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/candor/target}"
APP="${1:-${CANDOR_APP:-$TARGET_DIR/debug/candor-app}}"
[[ -x "$APP" ]] || die "no app binary at $APP; build it with \`make app\` (or pass its path)"
APP="$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")"

E2E_DIR="$ROOT/tests/e2e"
DRIVER="$E2E_DIR/tauri-driver.cjs"
[[ -d "$E2E_DIR/node_modules/@crabnebula/tauri-driver-linux-x64-gnu" ]] || die "tauri-driver is not installed; run \`bash scripts/install-deps.sh e2e\`"
NATIVE_DRIVER="$(command -v WebKitWebDriver || true)"
[[ -n "$NATIVE_DRIVER" ]] || die "WebKitWebDriver not found; install webkit2gtk-driver (\`bash scripts/install-deps.sh apt\`)"
command -v Xvfb >/dev/null 2>&1 || die "Xvfb not found; install xvfb (\`bash scripts/install-deps.sh apt\`)"
command -v node >/dev/null 2>&1 || die "node not found; install Node.js 20 or newer"

TIMEOUT="${E2E_TIMEOUT:-600}"
OUT="$ROOT/out/e2e"
RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/candor-e2e.XXXXXX")"
# Every process started below inherits this marker; cleanup ends exactly those processes.
RUN_ID="candor-e2e-$$-$RANDOM$RANDOM"
export CANDOR_E2E_RUN="$RUN_ID"

XVFB_PID=""
DRIVER_PID=""

# The ids of the processes that carry this run's marker (the app, WebKit's helper processes,
# WebKitWebDriver, tauri-driver, the test runner), except this script itself.
marked_pids() {
  local environ pid
  for environ in /proc/[0-9]*/environ; do
    pid="${environ#/proc/}"
    pid="${pid%/environ}"
    [[ "$pid" == "$$" || "$pid" == "$BASHPID" ]] && continue
    if { tr '\0' '\n' <"$environ"; } 2>/dev/null | grep -qxF "CANDOR_E2E_RUN=$RUN_ID"; then
      echo "$pid"
    fi
  done
}

cleanup() {
  local status=$? pids i
  trap - EXIT INT TERM
  if [[ -n "$DRIVER_PID" ]]; then
    # tauri-driver runs in its own process group (setsid); TERM makes it stop WebKitWebDriver.
    kill -TERM -- "-$DRIVER_PID" 2>/dev/null || true
  fi
  for i in 1 2 3 4 5 6 7 8 9 10; do
    pids="$(marked_pids)"
    [[ -z "$pids" ]] && break
    if ((i == 1)); then
      # shellcheck disable=SC2086
      kill -TERM $pids 2>/dev/null || true
    elif ((i == 6)); then
      # shellcheck disable=SC2086
      kill -KILL $pids 2>/dev/null || true
    fi
    sleep 0.5
  done
  if [[ -n "$XVFB_PID" ]]; then
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  mkdir -p "$OUT/logs"
  cp "$RUN_DIR"/*.log "$OUT/logs/" 2>/dev/null || true
  local f
  for f in "$RUN_DIR"/*/app.log; do
    [[ -f "$f" ]] && cp "$f" "$OUT/logs/app-$(basename "$(dirname "$f")").log"
  done
  if [[ "${E2E_KEEP:-}" == 1 ]]; then
    log "kept the run folder $RUN_DIR"
  else
    rm -rf "$RUN_DIR"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$OUT/screenshots" "$OUT/logs"
mkdir -p "$OUT/screenshots" "$OUT/logs"

# ------------------------------------------------------------------ Xvfb
# -displayfd: Xvfb picks the first free display number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset \
  3>"$RUN_DIR/display" >"$RUN_DIR/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 100); do
  [[ -s "$RUN_DIR/display" ]] && break
  kill -0 "$XVFB_PID" 2>/dev/null || die "Xvfb stopped at start: $(cat "$RUN_DIR/xvfb.log")"
  sleep 0.1
done
[[ -s "$RUN_DIR/display" ]] || die "Xvfb did not report a display within 10 s"
export DISPLAY=":$(tr -d '[:space:]' <"$RUN_DIR/display")"

# ---------------------------------------------------------- tauri-driver
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
PORT="$(free_port)"
NATIVE_PORT="$(free_port)"
while [[ "$NATIVE_PORT" == "$PORT" ]]; do NATIVE_PORT="$(free_port)"; done

# What the app inherits. The tests give each app its own XDG folders and dialog folder through
# a wrapper (tests/e2e/app.mjs); these defaults keep anything else away from the real ones.
mkdir -p "$RUN_DIR/home/config" "$RUN_DIR/home/data" "$RUN_DIR/home/cache" "$RUN_DIR/dialogs" "$RUN_DIR/runtime"
chmod 700 "$RUN_DIR/runtime"
export XDG_CONFIG_HOME="$RUN_DIR/home/config"
export XDG_DATA_HOME="$RUN_DIR/home/data"
export XDG_CACHE_HOME="$RUN_DIR/home/cache"
export XDG_RUNTIME_DIR="$RUN_DIR/runtime"
export CANDOR_TEST_DIALOG_DIR="$RUN_DIR/dialogs"
export NO_AT_BRIDGE=1                                  # no accessibility bus under Xvfb
export WEBKIT_DISABLE_DMABUF_RENDERER="${WEBKIT_DISABLE_DMABUF_RENDERER:-1}"  # no GPU under Xvfb
export LIBGL_ALWAYS_SOFTWARE="${LIBGL_ALWAYS_SOFTWARE:-1}"
unset WAYLAND_DISPLAY

setsid node "$DRIVER" --port "$PORT" --native-port "$NATIVE_PORT" --native-driver "$NATIVE_DRIVER" \
  >"$RUN_DIR/tauri-driver.log" 2>&1 &
DRIVER_PID=$!

export E2E_WEBDRIVER_URL="http://127.0.0.1:$PORT"
if ! E2E_WEBDRIVER_URL="$E2E_WEBDRIVER_URL" timeout 30 node -e '
  const url = process.env.E2E_WEBDRIVER_URL + "/status";
  const end = Date.now() + 25000;
  (async () => {
    while (Date.now() < end) {
      try { const r = await fetch(url, { signal: AbortSignal.timeout(2000) }); if (r.ok) return; } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    process.exit(1);
  })();'; then
  die "tauri-driver did not answer on port $PORT within 25 s: $(tail -20 "$RUN_DIR/tauri-driver.log")"
fi

export CANDOR_APP="$APP"
export E2E_RUN_DIR="$RUN_DIR"
export E2E_SCREENSHOTS="$OUT/screenshots"
export CANDOR_CORPUS="${CANDOR_CORPUS:-$(cd "$ROOT/.." && pwd)/shared/corpus}"

log "app $APP"
log "display $DISPLAY, tauri-driver on $PORT (WebKitWebDriver on $NATIVE_PORT), corpus $CANDOR_CORPUS"
log "screenshots and logs go to $OUT"

# The test files run one after another, each with its own app; the whole run is bounded.
set +e
# shellcheck disable=SC2086
timeout --kill-after=15 "$TIMEOUT" node --test --test-concurrency=1 ${E2E_TESTS:-"$E2E_DIR/"}
status=$?
set -e
if ((status == 124 || status == 137)); then
  log "the test run took longer than $TIMEOUT s and was stopped"
fi
exit "$status"
