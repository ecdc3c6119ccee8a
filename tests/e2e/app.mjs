// Starting Candor's window for one test file, and the helpers the tests share.
//
// scripts/e2e.sh starts Xvfb and tauri-driver and sets:
//   E2E_WEBDRIVER_URL  tauri-driver's address, e.g. http://127.0.0.1:4444
//   CANDOR_APP         the candor-app binary under test
//   E2E_RUN_DIR        a temporary folder for this run (each test file gets its own below it)
//   E2E_SCREENSHOTS    where screenshots go (out/e2e/screenshots)
//   CANDOR_CORPUS      the shared corpus folder (may be absent outside CI)
//
// Each test file launches the app through a small wrapper script, so every file has its own
// recent-projects list and example project (XDG_CONFIG_HOME, XDG_DATA_HOME), its own scripted
// dialog folder (CANDOR_TEST_DIALOG_DIR) and its own log of the app's stdout and stderr.

import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { Keys, Session, waitForServer } from "./webdriver.mjs";

const ROOT = resolve(import.meta.dirname, "../..");

export const env = {
  url: process.env.E2E_WEBDRIVER_URL ?? "",
  app: process.env.CANDOR_APP ?? "",
  runDir: process.env.E2E_RUN_DIR ?? "",
  screenshots: process.env.E2E_SCREENSHOTS ?? join(ROOT, "out/e2e/screenshots"),
  corpus: process.env.CANDOR_CORPUS ?? resolve(ROOT, "../shared/corpus"),
  ci: !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0",
};

/** `[data-testid="…"]` */
export const tid = (id) => `[data-testid="${id}"]`;

/**
 * The corpus folder, or null after telling the test runner to skip (outside CI) when it is
 * missing. In CI a missing corpus is a failure.
 */
export function corpusOrSkip(t, files) {
  const missing = files.filter((f) => !existsSync(join(env.corpus, f)));
  if (missing.length === 0) return env.corpus;
  const message = `corpus files missing in ${env.corpus}: ${missing.join(", ")}`;
  if (env.ci) throw new Error(`${message} (CI=true: the shared corpus must be beside the clone)`);
  console.log(`# NOTICE: skipping, ${message}`);
  t.diagnostic(`NOTICE: skipped because ${message}`);
  t.skip(message);
  return null;
}

function shellQuote(s) {
  return `'${String(s).replaceAll("'", `'\\''`)}'`;
}

/** The running app of one test file. */
export class App {
  /** @param {string} name  short name of the test file, used in screenshot and folder names */
  static async launch(name) {
    if (!env.url || !env.app || !env.runDir) {
      throw new Error("E2E_WEBDRIVER_URL, CANDOR_APP and E2E_RUN_DIR are not set: run the suite with scripts/e2e.sh");
    }
    if (!existsSync(env.app)) throw new Error(`CANDOR_APP ${env.app} does not exist; build it with \`make app\``);
    const dir = join(env.runDir, name);
    await rm(dir, { recursive: true, force: true });
    const app = new App(name, dir);
    for (const sub of ["config", "data", "cache", "dialogs", "files"]) await mkdir(join(dir, sub), { recursive: true });
    const wrapper = join(dir, "candor-app.sh");
    await writeFile(
      wrapper,
      [
        "#!/bin/sh",
        `# Launches Candor for the e2e test file ${name} with its own folders.`,
        `export XDG_CONFIG_HOME=${shellQuote(join(dir, "config"))}`,
        `export XDG_DATA_HOME=${shellQuote(join(dir, "data"))}`,
        `export XDG_CACHE_HOME=${shellQuote(join(dir, "cache"))}`,
        `export CANDOR_TEST_DIALOG_DIR=${shellQuote(join(dir, "dialogs"))}`,
        `echo $$ >${shellQuote(app.pidFile)}`,
        `exec ${shellQuote(env.app)} "$@" >>${shellQuote(app.log)} 2>&1`,
        "",
      ].join("\n"),
    );
    await chmod(wrapper, 0o755);
    await waitForServer(env.url);
    app.session = await Session.start(env.url, { application: wrapper });
    return app;
  }

  constructor(name, dir) {
    this.name = name;
    this.dir = dir;
    this.files = join(dir, "files");
    this.log = join(dir, "app.log");
    this.pidFile = join(dir, "app.pid");
    this.shots = 0;
    /** @type {Session} */
    this.session = null;
  }

  /** Ends the session; if the app is still running 10 s later, stops it (SIGTERM, then SIGKILL). */
  async close() {
    if (this.session) await this.session.end();
    this.session = null;
    let pid = 0;
    try {
      pid = Number((await readFile(this.pidFile, "utf8")).trim());
    } catch {
      return;
    }
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (const [signal, ms] of [[null, 10_000], ["SIGTERM", 5_000], ["SIGKILL", 2_000]]) {
      if (signal && alive()) {
        console.log(`# the app (pid ${pid}) still runs after its WebDriver session ended; sending ${signal}`);
        try {
          process.kill(pid, signal);
        } catch {
          // gone meanwhile
        }
      }
      const end = Date.now() + ms;
      while (alive() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      if (!alive()) return;
    }
  }

  /** The app's stdout and stderr so far (last `max` characters). */
  async logTail(max = 4000) {
    try {
      const text = await readFile(this.log, "utf8");
      return text.slice(-max);
    } catch {
      return "";
    }
  }

  // ---------------------------------------------------------------- dialogs
  /** The next open or save dialog answers with these paths. */
  async answerDialog(...paths) {
    await writeFile(join(this.dir, "dialogs", "next-dialog.json"), JSON.stringify({ paths }));
  }

  async cancelDialog() {
    await writeFile(join(this.dir, "dialogs", "next-dialog.json"), JSON.stringify({ cancel: true }));
  }

  /** True once the app has read (and deleted) the scripted answer. */
  dialogAnswered() {
    return !existsSync(join(this.dir, "dialogs", "next-dialog.json"));
  }

  // -------------------------------------------------------------- screenshots
  /**
   * Saves out/e2e/screenshots/<file>-NN-<step>.png; never fails the test.
   *
   * WebKitWebDriver takes the screenshot at the page's next rendering update, and under Xvfb
   * an idle page (nothing animating, no blinking caret) may never have one: the command then
   * hangs. So a 1-pixel, nearly transparent element flickers in a corner while it is taken.
   */
  async shot(step) {
    this.shots += 1;
    const file = join(env.screenshots, `${this.name}-${String(this.shots).padStart(2, "0")}-${step}.png`);
    try {
      await this.session.executeScript(`
        const tick = document.createElement("div");
        tick.id = "e2e-repaint";
        tick.setAttribute("aria-hidden", "true");
        tick.style.cssText = "position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647";
        document.body.appendChild(tick);
        let n = 0;
        window.__e2eRepaint = setInterval(() => {
          tick.style.background = n++ % 2 ? "rgba(0,0,0,0.01)" : "rgba(0,0,0,0.02)";
        }, 30);`);
      await this.session.screenshot(file);
    } catch (e) {
      console.log(`# screenshot ${file} failed: ${e.message}`);
    } finally {
      await this.session
        .executeScript(`clearInterval(window.__e2eRepaint); document.getElementById("e2e-repaint")?.remove();`)
        .catch(() => {});
    }
    return file;
  }

  // ------------------------------------------------------------ conveniences
  find(id) {
    return this.session.find(tid(id));
  }

  findAll(id) {
    return this.session.findAll(tid(id));
  }

  waitFor(predicate, options) {
    return this.session.waitFor(predicate, options);
  }

  /** Waits for `[data-testid=id]` to be displayed; returns it. */
  waitForId(id, options) {
    return this.session.waitForElement(tid(id), options);
  }

  /** Waits until `[data-testid=id]` is displayed and enabled, then clicks it. */
  async clickId(id, { timeout = 15_000 } = {}) {
    let target = null;
    await this.waitFor(
      async () => {
        for (const el of await this.findAll(id)) {
          if ((await this.session.displayed(el)) && (await this.session.enabled(el))) {
            target = el;
            return true;
          }
        }
        return false;
      },
      { timeout, what: `${tid(id)} to be displayed and enabled` },
    );
    await this.session.click(target);
    return target;
  }

  async textOf(id) {
    return this.session.text(await this.find(id));
  }

  /** Count of elements matching a CSS selector. */
  async count(css) {
    return (await this.session.findAll(css)).length;
  }

  /** Closes the open modal dialog (<dialog open>) with its × button. */
  async closeModal() {
    const dialogs = await this.session.findAll("dialog[open]");
    if (dialogs.length === 0) return;
    const close = await this.session.find("header button.close", dialogs[dialogs.length - 1]);
    await this.session.click(close);
    await this.waitFor(async () => (await this.session.findAll("dialog[open]")).length < dialogs.length, {
      what: "the dialog to close",
    });
  }

  // ----------------------------------------------------------------- editor
  /**
   * The whole text of the CodeMirror editor (its DOM shows only the visible lines, so this asks
   * the EditorView, found the way EditorView.findFromDOM does), or null when there is no editor.
   */
  editorText() {
    return this.session.executeScript(`
      const content = document.querySelector(".cm-content");
      if (!content) return null;
      const tile = content.cmTile;
      const view = (tile && tile.root && tile.root.view) || (content.cmView && content.cmView.view);
      return view ? view.state.doc.toString() : content.innerText;
    `);
  }

  /**
   * Moves the caret to the end of the document (Ctrl+End), starts a new paragraph (Enter twice)
   * and types `text` with the keyboard.
   */
  async typeAtEnd(text) {
    const content = await this.session.waitForElement(".cm-content");
    await this.session.click(content);
    await this.session.chord(Keys.CONTROL, Keys.END);
    await this.session.pressKeys(Keys.ENTER, Keys.ENTER);
    await this.session.sendKeys(await this.session.activeElement(), text);
  }

  /** The data-hash of every page image in the Pages preview, in order. */
  previewHashes() {
    return this.session.executeScript(`
      return Array.from(document.querySelectorAll('[data-testid="preview-pages"] img[data-hash]'),
        (img) => img.getAttribute("data-hash"));
    `);
  }

  /** The texts of the list items of `[data-testid=id]` (a source, document or version list). */
  listItems(id) {
    return this.session.executeScript(
      `const list = document.querySelector(arguments[0]);
       return list ? Array.from(list.children, (li) => li.innerText.trim()) : [];`,
      tid(id),
    );
  }
}

/**
 * Runs the steps of one scenario in order as subtests of `t`: once a step fails, the later
 * ones are skipped (they depend on it). A failing step saves a screenshot and prints the
 * end of the app's log.
 */
export function stepper(t, app) {
  let broken = null;
  return async (name, fn, options = {}) => {
    const skip = broken ? `skipped: the step "${broken}" failed` : false;
    await t.test(name, { skip, timeout: options.timeout ?? 180_000 }, async () => {
      try {
        await fn();
      } catch (error) {
        broken = name;
        const file = await app.shot(`FAILED-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`);
        console.log(`# step "${name}" failed; screenshot ${file}`);
        const tail = await app.logTail();
        if (tail) console.log(`# app log (${app.log}), last lines:\n${tail.replace(/^/gm, "#   ")}`);
        throw error;
      }
    });
  };
}
