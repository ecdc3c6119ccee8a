// A small W3C WebDriver client over fetch, enough to drive Candor's window through
// tauri-driver (which forwards to WebKitWebDriver). No dependencies.
//
//   const s = await Session.start(url, { application: "/abs/candor-app" });
//   const el = await s.find('[data-testid="new-project"]');
//   await s.click(el); await s.sendKeys(el, "text"); await s.text(el);
//   await s.waitFor(async () => ..., { timeout: 10_000, what: "the project view" });
//   await s.screenshot("/abs/out.png"); await s.end();

import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** Special keys of the WebDriver keyboard (W3C "normalized key values"). */
export const Keys = {
  TAB: "\uE004",
  ENTER: "\uE007",
  ESCAPE: "\uE00C",
  SHIFT: "\uE008",
  CONTROL: "\uE009",
  END: "\uE010",
  HOME: "\uE011",
  BACKSPACE: "\uE003",
};

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    const error = value?.error ?? `HTTP ${status}`;
    super(`WebDriver ${method} ${path}: ${error}: ${value?.message ?? ""}`.trim());
    this.error = error;
    this.status = status;
  }
}

export class TimeoutError extends Error {}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * tauri-driver forwards each command over a pooled keep-alive connection to WebKitWebDriver,
 * which may have closed it meanwhile; the command then never reaches WebKitWebDriver and
 * tauri-driver answers HTTP 500 "client error (SendRequest): connection error: Connection reset
 * by peer". Such a command is safe to send again.
 */
const NOT_SENT = /client error \(SendRequest\)|connection closed before message completed/;

/** One HTTP command; returns the `value` of the answer or throws WebDriverError. */
async function command(base, method, path, body, timeoutMs = 60_000) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commandOnce(base, method, path, body, timeoutMs);
    } catch (e) {
      if (!(e instanceof WebDriverError) || e.status !== 500 || !NOT_SENT.test(e.message) || attempt >= 4) throw e;
      await sleep(100 * attempt);
    }
  }
}

async function commandOnce(base, method, path, body, timeoutMs) {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new WebDriverError(method, path, res.status, { error: "bad answer", message: text.slice(0, 300) });
  }
  if (typeof json === "string") throw new WebDriverError(method, path, res.status, { error: `HTTP ${res.status}`, message: json });
  if (!res.ok || (json.value && json.value.error)) throw new WebDriverError(method, path, res.status, json.value);
  return json.value;
}

/** Waits until the WebDriver server answers /status (tauri-driver starts WebKitWebDriver first). */
export async function waitForServer(base, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      await command(base, "GET", "/status", undefined, 2_000);
      return;
    } catch (e) {
      last = e;
      await sleep(200);
    }
  }
  throw new TimeoutError(`no WebDriver server at ${base} after ${timeoutMs} ms (${last?.message ?? "no answer"})`);
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /** Starts the application named by `application` (an absolute path) in a new session. */
  static async start(base, { application, args = [], timeoutMs = 90_000 } = {}) {
    const value = await command(
      base,
      "POST",
      "/session",
      { capabilities: { alwaysMatch: { "tauri:options": { application, args } } } },
      timeoutMs,
    );
    const session = new Session(base, value.sessionId);
    await session.cmd("POST", "/timeouts", { script: 30_000, pageLoad: 60_000, implicit: 0 });
    return session;
  }

  cmd(method, path, body, timeoutMs) {
    return command(this.base, method, `/session/${this.id}${path}`, body, timeoutMs);
  }

  /** Ends the session; WebKitWebDriver then closes the application. Never throws. */
  async end() {
    try {
      await command(this.base, "DELETE", `/session/${this.id}`, undefined, 20_000);
    } catch {
      // The app may already be gone; the runner script cleans up what is left.
    }
  }

  // ----------------------------------------------------------------- finding
  /** The first element matching `css` (throws WebDriverError "no such element"). */
  async find(css, from = null) {
    const path = from ? `/element/${from}/element` : "/element";
    const value = await this.cmd("POST", path, { using: "css selector", value: css });
    return value[ELEMENT];
  }

  /** Every element matching `css` (possibly none). */
  async findAll(css, from = null) {
    const path = from ? `/element/${from}/elements` : "/elements";
    const value = await this.cmd("POST", path, { using: "css selector", value: css });
    return value.map((v) => v[ELEMENT]);
  }

  /** Waits until an element matching `css` exists (and is displayed, unless `displayed: false`). */
  async waitForElement(css, { timeout = 15_000, displayed = true } = {}) {
    let found = null;
    await this.waitFor(
      async () => {
        const all = await this.findAll(css);
        for (const el of all) {
          if (!displayed || (await this.displayed(el))) {
            found = el;
            return true;
          }
        }
        return false;
      },
      { timeout, what: `element ${css}${displayed ? " (displayed)" : ""}` },
    );
    return found;
  }

  // --------------------------------------------------------------- elements
  async click(el) {
    await this.cmd("POST", `/element/${el}/click`, {});
  }

  /** Types `text` into the element (W3C Element Send Keys: focuses it first). */
  async sendKeys(el, text) {
    await this.cmd("POST", `/element/${el}/value`, { text, value: [...text] });
  }

  async clear(el) {
    await this.cmd("POST", `/element/${el}/clear`, {});
  }

  async text(el) {
    return this.cmd("GET", `/element/${el}/text`);
  }

  async attribute(el, name) {
    return this.cmd("GET", `/element/${el}/attribute/${encodeURIComponent(name)}`);
  }

  async property(el, name) {
    return this.cmd("GET", `/element/${el}/property/${encodeURIComponent(name)}`);
  }

  async displayed(el) {
    try {
      return Boolean(await this.cmd("GET", `/element/${el}/displayed`));
    } catch (e) {
      if (e.error === "stale element reference") return false;
      throw e;
    }
  }

  async enabled(el) {
    return Boolean(await this.cmd("GET", `/element/${el}/enabled`));
  }

  async selected(el) {
    return Boolean(await this.cmd("GET", `/element/${el}/selected`));
  }

  async activeElement() {
    const value = await this.cmd("GET", "/element/active");
    return value?.[ELEMENT] ?? null;
  }

  /** Wraps an element id so it can be passed to executeScript as an argument. */
  static ref(el) {
    return { [ELEMENT]: el };
  }

  // --------------------------------------------------------------- keyboard
  /** Presses keys on whatever has focus, one after another (W3C Perform Actions). */
  async pressKeys(...keys) {
    const actions = [];
    for (const key of keys) actions.push({ type: "keyDown", value: key }, { type: "keyUp", value: key });
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions").catch(() => {});
  }

  /** Presses a chord such as Ctrl+End: every key down in order, then up in reverse. */
  async chord(...keys) {
    const actions = [
      ...keys.map((value) => ({ type: "keyDown", value })),
      ...[...keys].reverse().map((value) => ({ type: "keyUp", value })),
    ];
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions").catch(() => {});
  }

  // ---------------------------------------------------------------- scripts
  /** Runs `script` (a function body; `arguments` holds `args`) in the window; returns its value. */
  async executeScript(script, ...args) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  // ---------------------------------------------------------------- waiting
  /**
   * Polls `predicate` until it returns a truthy value, which is returned. WebDriver errors
   * such as "no such element" or "stale element reference" count as "not yet".
   */
  async waitFor(predicate, { timeout = 15_000, interval = 150, what = "a condition" } = {}) {
    const end = Date.now() + timeout;
    let lastError = null;
    for (;;) {
      try {
        const value = await predicate();
        if (value) return value;
        lastError = null;
      } catch (e) {
        if (!(e instanceof WebDriverError)) throw e;
        lastError = e;
      }
      if (Date.now() >= end) {
        const why = lastError ? ` (last error: ${lastError.message})` : "";
        throw new TimeoutError(`timed out after ${timeout} ms waiting for ${what}${why}`);
      }
      await sleep(interval);
    }
  }

  // ------------------------------------------------------------ screenshots
  /** Saves a PNG of the window to `file` (its folder is created). */
  async screenshot(file) {
    const b64 = await this.cmd("GET", "/screenshot", undefined, 15_000);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, Buffer.from(b64, "base64"));
    return file;
  }

  async source() {
    return this.cmd("GET", "/source");
  }
}
