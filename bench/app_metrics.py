#!/usr/bin/env python3
"""bench/app_metrics.py — how fast Candor's window starts and how much memory it uses.

    make bench                 # release build of the CLI, the UI and the app, then this script
    python3 bench/app_metrics.py [--app PATH] [--cli PATH] [--corpus DIR] [--runs 5]
                                 [--settle 3] [--json FILE]

Builds nothing: give it the release binaries ($CARGO_TARGET_DIR/release/candor-app and
.../candor by default). Needs Xvfb, and for the memory part tauri-driver (tests/e2e, installed by
`scripts/install-deps.sh e2e`) and WebKitWebDriver. Python standard library only.

1. Cold start to an interactive window: spawns the app under Xvfb with CANDOR_REPORT_STARTUP=1
   and fresh XDG folders, and times (wall clock) from the spawn to the line
   `candor: window ready after N ms`, which the app prints once the UI has mounted and called
   `app_ready`. --runs runs; median and max. Target: under 1500 ms.
2. Memory with a real project open: makes a project with the CLI (`candor new`, `candor import`
   with every importable file of the corpus, `candor doc put` of the bundled example document),
   lists it in the app's recent-projects file, starts the app through tauri-driver (WebDriver),
   opens the project from the welcome screen's recent list, waits until its sources are listed
   and the document's pages are typeset, waits --settle seconds, then sums the PSS
   (/proc/PID/smaps_rollup) of the app and every process below it (WebKitWebProcess,
   WebKitNetworkProcess, ...), with a per-process breakdown. Target: under 300 MB.
3. No network: in that same window, every TCP and UDP socket of the app's processes (`ss`) must
   be on the loopback interface (WebDriver's own link); anything else is reported.
4. Preview latency: the ~40-page benchmark document of bench/run.py (--long-doc; `make bench`
   writes it first) is put into the project too and opened; --keys single keystrokes are typed
   at its end, each after the previous page update, and the window's own measurement is read:
   from the keystroke to the changed pages decoded and ready to show (the `data-ms` of the
   preview's status line). Median and p95. Target: under 200 ms.

Exit status: 0 measured (targets are reported, not enforced), 2 usage error or a failed
measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import selectors
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
TARGET_START_MS = 1500.0
TARGET_PSS_MB = 300.0
TARGET_PREVIEW_MS = 200.0
READY_PREFIX = "candor: window ready after "
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
EXAMPLE_DOC = ROOT / "examples" / "example-1-companion.md"
# Corpus files that are broken on purpose, or not sources.
SKIP_CORPUS = ("MANIFEST.md", "INVALID")
SOURCE_SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".json"}


class BenchError(Exception):
    pass


# --------------------------------------------------------------------------------------------
# Processes
# --------------------------------------------------------------------------------------------


def start_xvfb(tmp: pathlib.Path) -> tuple[subprocess.Popen, str]:
    """Starts Xvfb on the first free display (-displayfd); returns it and ':N'."""
    if not shutil.which("Xvfb"):
        raise BenchError("Xvfb not found (apt install xvfb)")
    read_fd, write_fd = os.pipe()
    log = open(tmp / "xvfb.log", "wb")
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    os.close(write_fd)
    sel = selectors.DefaultSelector()
    sel.register(read_fd, selectors.EVENT_READ)
    data = b""
    deadline = time.monotonic() + 10
    while b"\n" not in data and time.monotonic() < deadline:
        if sel.select(timeout=0.2):
            chunk = os.read(read_fd, 64)
            if not chunk:
                break
            data += chunk
    os.close(read_fd)
    if b"\n" not in data:
        stop(proc)
        raise BenchError("Xvfb did not report a display within 10 s")
    return proc, ":" + data.decode().strip()


def stop(proc: subprocess.Popen | None, grace: float = 5.0) -> None:
    """Stops a process started with start_new_session=True, and its whole process group."""
    if proc is None or proc.poll() is not None and not _group_alive(proc.pid):
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            proc.poll()
            if not _group_alive(proc.pid):
                return
            time.sleep(0.1)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def app_env(display: str, home: pathlib.Path) -> dict[str, str]:
    """The environment the app runs in: the virtual display and its own XDG folders."""
    env = dict(os.environ)
    for sub in ("config", "data", "cache", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    env.update(
        DISPLAY=display,
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        NO_AT_BRIDGE="1",
        CANDOR_TEST_DIALOG_DIR=str(home / "dialogs"),
    )
    env.setdefault("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
    env.setdefault("LIBGL_ALWAYS_SOFTWARE", "1")
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("CANDOR_REPORT_STARTUP", None)
    return env


# --------------------------------------------------------------------------------------------
# 1. Cold start
# --------------------------------------------------------------------------------------------


def time_start(app: pathlib.Path, display: str, tmp: pathlib.Path, run: int, timeout: float) -> tuple[float, int]:
    """One start: (wall-clock ms from spawn to the ready line, the ms the app reports)."""
    home = tmp / f"start-{run}"
    env = app_env(display, home)
    env["CANDOR_REPORT_STARTUP"] = "1"
    err = open(home / "stderr.log", "wb")
    began = time.perf_counter()
    proc = subprocess.Popen([str(app)], env=env, stdout=subprocess.PIPE, stderr=err, start_new_session=True)
    try:
        assert proc.stdout is not None
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        buffer = b""
        deadline = began + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise BenchError(f"start {run}: no '{READY_PREFIX}N ms' line within {timeout:.0f} s")
            if not sel.select(timeout=min(left, 0.5)):
                if proc.poll() is not None:
                    raise BenchError(f"start {run}: the app exited with {proc.returncode} before the window was ready; "
                                     f"see {home / 'stderr.log'}")
                continue
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                proc.wait(timeout=5)
                raise BenchError(f"start {run}: the app closed its output (exit {proc.returncode}) before the window was ready")
            buffer += chunk
            for line in buffer.decode(errors="replace").splitlines():
                if line.startswith(READY_PREFIX):
                    wall = (time.perf_counter() - began) * 1000
                    reported = int(line[len(READY_PREFIX):].split()[0])
                    return wall, reported
    finally:
        stop(proc)
        err.close()


def measure_start(app: pathlib.Path, display: str, tmp: pathlib.Path, runs: int) -> dict:
    print(f"Cold start to an interactive window ({runs} runs, {app}):")
    walls, reported = [], []
    for run in range(1, runs + 1):
        wall, own = time_start(app, display, tmp, run, timeout=60)
        walls.append(wall)
        reported.append(own)
        print(f"  run {run}: {wall:7.0f} ms   (the app reports {own} ms from its process start)")
    median, worst = statistics.median(walls), max(walls)
    met = worst < TARGET_START_MS
    print(f"  median {median:.0f} ms, max {worst:.0f} ms; target under {TARGET_START_MS:.0f} ms: "
          f"{'met' if met else 'NOT met'}")
    return {"runs_ms": walls, "reported_ms": reported, "median_ms": median, "max_ms": worst,
            "target_ms": TARGET_START_MS, "met": met}


# --------------------------------------------------------------------------------------------
# 2. Memory
# --------------------------------------------------------------------------------------------


def make_project(cli: pathlib.Path, corpus: pathlib.Path, project: pathlib.Path,
                 long_doc: pathlib.Path | None = None) -> tuple[int, list[str]]:
    """A project with every importable corpus file and the example document; (sources, failures)."""
    files = sorted(
        p for p in corpus.iterdir()
        if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not any(s in p.name for s in SKIP_CORPUS)
    )
    if not files:
        raise BenchError(f"no importable files in {corpus}")
    run = lambda *args: subprocess.run([str(cli), *map(str, args)], capture_output=True, text=True, timeout=600)
    proc = run("new", project)
    if proc.returncode != 0:
        raise BenchError(f"candor new failed: {proc.stderr.strip()}")
    proc = run("import", project, *files, "--json")
    failures = []
    try:
        outcome = json.loads(proc.stdout)
        items = outcome if isinstance(outcome, list) else outcome.get("outcomes", outcome.get("files", []))
        for item in items:
            if isinstance(item, dict) and item.get("error"):
                error = item["error"]
                message = error.get("message", error) if isinstance(error, dict) else error
                failures.append(f"{pathlib.Path(item.get('file', '?')).name}: {message}")
    except (json.JSONDecodeError, AttributeError):
        if proc.returncode != 0:
            failures.append(proc.stderr.strip()[-500:])
    listed = run("sources", project, "--json")
    try:
        sources = json.loads(listed.stdout)
        count = len(sources if isinstance(sources, list) else sources.get("sources", []))
    except json.JSONDecodeError:
        count = -1
    if count <= 0:
        raise BenchError(f"the bench project has no sources after import:\n{proc.stderr.strip()[-1500:]}")
    if EXAMPLE_DOC.is_file():
        proc = run("doc", "put", project, EXAMPLE_DOC)
        if proc.returncode != 0:
            raise BenchError(f"candor doc put failed: {proc.stderr.strip()}")
    if long_doc is not None:
        proc = run("doc", "put", project, long_doc)
        if proc.returncode != 0:
            raise BenchError(f"candor doc put {long_doc} failed: {proc.stderr.strip()}")
    return count, failures


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wd(base: str, method: str, path: str, body: dict | None = None, timeout: float = 60) -> object:
    """One WebDriver command. tauri-driver forwards it over a pooled keep-alive connection that
    WebKitWebDriver may have closed; it then answers HTTP 500 "client error (SendRequest)"
    without having sent the command, which is therefore sent again (up to 4 times)."""
    data = None if body is None else json.dumps(body).encode()
    for attempt in range(1, 5):
        req = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"content-type": "application/json"} if data else {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as res:
                return json.loads(res.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            detail = e.read().decode(errors="replace")[:300]
            if e.code == 500 and "client error (SendRequest)" in detail and attempt < 4:
                time.sleep(0.1 * attempt)
                continue
            raise BenchError(f"WebDriver {method} {path}: HTTP {e.code}: {detail}") from None
    raise AssertionError("unreachable")


def wait_until(what: str, predicate, timeout: float) -> object:
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
            if value:
                return value
        except (BenchError, urllib.error.URLError, ConnectionError, OSError):
            pass
        if time.monotonic() >= deadline:
            raise BenchError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.2)


def children(pid: int) -> list[int]:
    kids = []
    task = pathlib.Path(f"/proc/{pid}/task")
    try:
        for t in task.iterdir():
            try:
                kids += [int(c) for c in (t / "children").read_text().split()]
            except OSError:
                pass
    except OSError:
        pass
    return kids


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children(p))
    return out


def process_name(pid: int) -> str:
    try:
        return pathlib.Path(os.readlink(f"/proc/{pid}/exe")).name
    except OSError:
        try:
            return pathlib.Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            return "?"


def pss_kb(pid: int) -> tuple[int, int] | None:
    """(PSS, RSS) in kB from /proc/PID/smaps_rollup, or None if the process is gone."""
    try:
        text = pathlib.Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    fields = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
            fields[parts[0][:-1]] = int(parts[1])
    return fields.get("Pss", 0), fields.get("Rss", 0)


def find_app_pid(root_pid: int, app: pathlib.Path) -> int | None:
    for pid in descendants(root_pid):
        try:
            if pathlib.Path(os.readlink(f"/proc/{pid}/exe")) == app:
                return pid
        except OSError:
            continue
    return None


def sockets_of(pids: set[int]) -> list[str]:
    """The TCP and UDP sockets (`ss` lines) that belong to any of `pids`."""
    try:
        out = subprocess.run(["ss", "-tuanpH"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.TimeoutExpired) as e:
        raise BenchError(f"cannot list sockets with ss: {e}") from e
    mine = []
    for line in out.splitlines():
        owners = {int(p) for p in __import__("re").findall(r"pid=(\d+)", line)}
        if owners & pids:
            mine.append(" ".join(line.split()))
    return mine


def is_loopback(address: str) -> bool:
    host = address.rsplit(":", 1)[0].strip("[]")
    return host.startswith("127.") or host in ("::1", "::ffff:127.0.0.1", "*", "0.0.0.0", "::")


def check_network(app_pid: int) -> dict:
    pids = {app_pid, *descendants(app_pid)}
    sockets = sockets_of(pids)
    outside = []
    for line in sockets:
        fields = line.split()
        # netid state recv-q send-q local peer process
        local, peer = fields[4], fields[5]
        if not (is_loopback(local) and is_loopback(peer)):
            outside.append(line)
    print(f"\nNetwork: {len(sockets)} TCP/UDP sockets in the app's {len(pids)} processes; "
          f"{len(outside)} not on loopback: {'none, as required' if not outside else 'NOT met'}")
    for line in outside:
        print(f"  {line}")
    return {"sockets": sockets, "outside_loopback": outside, "met": not outside}


def measure_latency(find, script, wd_call, keys: int) -> dict:
    """Types `keys` keystrokes at the end of the open document; reads the window's latency."""
    content = wait_until("the editor", lambda: find(".cm-content"), 30)[0]
    wd_call("POST", f"/element/{content}/click", {})
    # Ctrl+End (modifiers stay down until the NULL key), then settle.
    wd_call("POST", f"/element/{content}/value", {"text": "\ue009\ue010\ue000"})
    read = lambda: script(
        "const e = document.querySelector('[data-testid=\"preview-time\"][data-sample]');"
        "return e ? [Number(e.dataset.sample), Number(e.dataset.ms), JSON.parse(e.dataset.parts)] : [0, null, null];")
    time.sleep(1.0)
    samples = []
    parts = []
    for i in range(keys):
        before = read()[0]
        wd_call("POST", f"/element/{content}/value", {"text": "x" if i % 2 == 0 else "\ue003"})
        got = wait_until("the preview to follow a keystroke", lambda: (lambda r: r if r[0] > before else None)(read()), 30)
        samples.append(float(got[1]))
        parts.append(got[2])
        time.sleep(0.3)
    samples.sort()
    median = statistics.median(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    met = p95 < TARGET_PREVIEW_MS
    print(f"\nPreview latency, keystroke to updated page, {keys} keystrokes at the end of the document:")
    print(f"  median {median:.0f} ms, p95 {p95:.0f} ms, max {samples[-1]:.0f} ms; "
          f"target under {TARGET_PREVIEW_MS:.0f} ms: {'met' if met else 'NOT met'}")
    if parts and all(parts):
        mid = {k: statistics.median(p[k] for p in parts) for k in parts[0]}
        print("  median parts: " + ", ".join(f"{k} {v:.0f} ms" for k, v in mid.items())
              + " (wait: until the text is sent; roundTrip includes typeset; decode: changed pages ready)")
    return {"samples_ms": samples, "parts": parts, "median_ms": median, "p95_ms": p95, "target_ms": TARGET_PREVIEW_MS, "met": met}


def measure_memory(app: pathlib.Path, cli: pathlib.Path, corpus: pathlib.Path, display: str,
                   tmp: pathlib.Path, driver: pathlib.Path, settle: float,
                   long_doc: pathlib.Path | None = None, keys: int = 20) -> dict:
    native = shutil.which("WebKitWebDriver")
    if not native:
        raise BenchError("WebKitWebDriver not found (apt install webkit2gtk-driver)")
    if not (ROOT / "tests/e2e/node_modules/@crabnebula/tauri-driver-linux-x64-gnu").is_dir():
        raise BenchError("tauri-driver is not installed; run `bash scripts/install-deps.sh e2e`")
    home = tmp / "memory"
    env = app_env(display, home)
    project = home / "Bench.candor"
    print(f"\nMemory with a project open ({corpus}):")
    began = time.perf_counter()
    count, failures = make_project(cli, corpus, project, long_doc)
    print(f"  project: {count} corpus sources and the example document "
          f"(made with the CLI in {time.perf_counter() - began:.1f} s)")
    for failure in failures:
        print(f"  note: not imported: {failure}")
    recent = pathlib.Path(env["XDG_CONFIG_HOME"]) / "eu.candor.desktop" / "recent-projects.json"
    recent.parent.mkdir(parents=True, exist_ok=True)
    recent.write_text(json.dumps([{"path": str(project), "name": "Bench",
                                   "opened_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}]))

    port, native_port = free_port(), free_port()
    while native_port == port:
        native_port = free_port()
    log = open(home / "tauri-driver.log", "wb")
    proc = subprocess.Popen(
        ["node", str(driver), "--port", str(port), "--native-port", str(native_port), "--native-driver", native],
        env=env, stdout=log, stderr=log, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    session = None
    try:
        wait_until("tauri-driver", lambda: wd(base, "GET", "/status", timeout=2) is not None, 30)
        value = wd(base, "POST", "/session",
                   {"capabilities": {"alwaysMatch": {"tauri:options": {"application": str(app)}}}}, timeout=90)
        session = f"/session/{value['sessionId']}"

        def find(css: str) -> list[str]:
            found = wd(base, "POST", f"{session}/elements", {"using": "css selector", "value": css})
            return [f[ELEMENT] for f in found]

        def script(js: str) -> object:
            return wd(base, "POST", f"{session}/execute/sync", {"script": js, "args": []})

        recent_button = wait_until("the recent project on the welcome screen",
                                   lambda: find('[data-testid="recent-project"]'), 60)[0]
        wd(base, "POST", f"{session}/element/{recent_button}/click", {})
        wait_until("the project's sources", lambda: find('[data-testid="source-list"] li'), 60)
        wait_until("the document's typeset pages",
                   lambda: script('return document.querySelectorAll(\'[data-testid="preview-pages"] img[data-hash]\').length'),
                   120)
        shown = script('return document.querySelectorAll(\'[data-testid="source-list"] li\').length')
        time.sleep(settle)
        app_pid = find_app_pid(proc.pid, app)
        if app_pid is None:
            raise BenchError("could not find the app's process below tauri-driver")
        rows = []
        for pid in descendants(app_pid):
            mem = pss_kb(pid)
            if mem is not None:
                rows.append((pid, process_name(pid), *mem))
        total_pss = sum(r[2] for r in rows) / 1024
        print(f"  the window lists {shown} sources; measured {settle:.0f} s after the pages appeared")
        print(f"  {'process':<28} {'pid':>8} {'PSS MB':>9} {'RSS MB':>9}")
        for pid, name, pss, rss in rows:
            print(f"  {name:<28} {pid:>8} {pss / 1024:>9.1f} {rss / 1024:>9.1f}")
        met = total_pss < TARGET_PSS_MB
        print(f"  total PSS {total_pss:.1f} MB; target under {TARGET_PSS_MB:.0f} MB: {'met' if met else 'NOT met'}")
        result = {"sources": count, "processes": [{"pid": p, "name": n, "pss_kb": s, "rss_kb": r} for p, n, s, r in rows],
                  "total_pss_mb": total_pss, "target_mb": TARGET_PSS_MB, "met": met}
        result["network"] = check_network(app_pid)
        if long_doc is not None:
            title = long_doc.read_text(encoding="utf-8").split("title:", 1)[1].split("\n", 1)[0].strip().strip('"')
            items = find('[data-testid="document-list"] button')
            target = next((i for i in items
                           if title in wd(base, "GET", f"{session}/element/{i}/text")), None)
            if target is None:
                raise BenchError(f"the document “{title}” is not listed in the window")
            wd(base, "POST", f"{session}/element/{target}/click", {})
            wait_until("the long document's pages", lambda: script(
                'return document.querySelectorAll(\'[data-testid="preview-pages"] img\').length >= 30'), 120)
            wd_call = lambda method, path, body=None: wd(base, method, f"{session}{path}", body)
            result["preview_latency"] = measure_latency(find, script, wd_call, keys)
        return result
    finally:
        if session:
            try:
                wd(base, "DELETE", session, timeout=20)
            except Exception:  # noqa: BLE001 — the app may be gone already
                pass
        stop(proc)
        log.close()


# --------------------------------------------------------------------------------------------


def main() -> int:
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", pathlib.Path.home() / ".cache/candor/target"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--app", type=pathlib.Path, default=target / "release" / "candor-app")
    ap.add_argument("--cli", type=pathlib.Path, default=None, help="the candor CLI (default: beside --app)")
    ap.add_argument("--corpus", type=pathlib.Path,
                    default=pathlib.Path(os.environ.get("CANDOR_CORPUS", ROOT.parent / "shared" / "corpus")))
    ap.add_argument("--driver", type=pathlib.Path, default=ROOT / "tests/e2e/tauri-driver.cjs")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--settle", type=float, default=3.0, help="seconds to wait before reading memory")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--long-doc", type=pathlib.Path, default=ROOT / "out" / "bench" / "companion-40.md",
                    help="the ~40-page document for the preview latency (bench/run.py writes it)")
    ap.add_argument("--keys", type=int, default=20, help="keystrokes for the preview latency")
    ap.add_argument("--json", type=pathlib.Path, help="also write the figures to this file")
    args = ap.parse_args()
    app = args.app.resolve()
    cli = (args.cli or app.parent / "candor").resolve()
    if not os.access(app, os.X_OK):
        print(f"app_metrics: no app binary at {app} (build it: cargo build --release -p candor-app)", file=sys.stderr)
        return 2
    results: dict = {"app": str(app)}
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="candor-app-metrics."))
    xvfb = None
    try:
        xvfb, display = start_xvfb(tmp)
        results["startup"] = measure_start(app, display, tmp, args.runs)
        if not args.skip_memory:
            if not args.corpus.is_dir():
                print(f"\nMemory: skipped, no corpus at {args.corpus}")
            elif not os.access(cli, os.X_OK):
                print(f"\nMemory: skipped, no candor CLI at {cli} (cargo build --release -p candor-cli)")
            else:
                long_doc = args.long_doc.resolve() if args.long_doc.is_file() else None
                if long_doc is None:
                    print(f"\nPreview latency: skipped, no {args.long_doc} (run bench/run.py first)")
                results["memory"] = measure_memory(app, cli, args.corpus.resolve(), display, tmp,
                                                   args.driver, args.settle, long_doc, args.keys)
    except BenchError as e:
        print(f"app_metrics: {e}", file=sys.stderr)
        return 2
    finally:
        stop(xvfb)
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
