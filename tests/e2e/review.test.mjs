// Offline review, round trip: the author sends the example's document for review to two
// people; they comment, suggest and approve in their copies with the real CLI while the
// author edits on (one commented phrase disappears); merging both copies brings every comment
// into the Review tab (one marked as no longer in the text, the reviewer's approval marked as
// for an earlier version); accepting all suggestions puts them into the text; approving makes
// the badge say Approved; comparing versions shows the inserted words.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { App, stepper, tid } from "./app.mjs";
import { Keys } from "./webdriver.mjs";

const ALT = "\uE00A";

const ROOT = resolve(import.meta.dirname, "../..");
const CLI =
  process.env.CANDOR_CLI ||
  join(process.env.CARGO_TARGET_DIR || join(ROOT, "target"), "debug", process.platform === "win32" ? "candor.exe" : "candor");
const run = promisify(execFile);

const AUTHOR = "Dana Author";
const ANA = "Ana Ruiz";
const BEN = "Ben Okafor";
const ORPHANED = "describe pictures"; // Ana comments on it; the author rewrites it.
const SUGGEST_ANA = { at: "confidently wrong", to: "wrong while sounding sure" };
const SUGGEST_BEN = { at: "Check anything important", to: "Always check anything important" };
const TYPED = "Read this part first. ";

/** Runs the CLI as a reviewer would; returns its stdout. */
async function candor(app, ...args) {
  const env = { ...process.env, XDG_CONFIG_HOME: join(app.dir, "cli-config"), XDG_DATA_HOME: join(app.dir, "cli-data") };
  const { stdout } = await run(CLI, args, { env, timeout: 120_000 });
  return stdout;
}

/** Selects `words` in the editor (or puts the caret before them with `caret`), through the EditorView. */
function selectInEditor(app, words, caret = false) {
  return app.session.executeScript(
    `const content = document.querySelector(".cm-content");
     const tile = content && content.cmTile;
     const view = (tile && tile.root && tile.root.view) || (content && content.cmView && content.cmView.view);
     if (!view) return false;
     const at = view.state.doc.toString().indexOf(arguments[0]);
     if (at < 0) return false;
     const head = arguments[1] ? at : at + arguments[0].length;
     view.dispatch({ selection: { anchor: at, head }, scrollIntoView: true });
     view.focus();
     return true;`,
    words,
    caret,
  );
}

async function typeText(app, text) {
  await app.session.sendKeys(await app.session.activeElement(), text);
}

/** Dismisses the confirmations in the corner, which may cover the Review tab's buttons. */
async function dismissNotices(app) {
  for (const button of await app.session.findAll(`${tid("notice")} button.dismiss`)) {
    await app.session.click(button).catch(() => {});
  }
  await app.waitFor(async () => (await countId(app, "notice")) === 0, { what: "the notices to go" });
}

async function countId(app, id) {
  return app.count(tid(id));
}

test("review copies go out, come back, merge, and their suggestions are accepted", { timeout: 600_000 }, async (t) => {
  if (!existsSync(CLI)) {
    throw new Error(`the CLI ${CLI} does not exist; build it with \`cargo build -p candor-cli\` (or set CANDOR_CLI)`);
  }
  const app = await App.launch("review");
  const step = stepper(t, app);
  const copies = join(app.files, "copies");
  const anaCopy = join(copies, "for-ana.candor");
  const benCopy = join(copies, "for-ben.candor");
  let docId = "";
  try {
    await step("open the example project", async () => {
      await mkdir(copies, { recursive: true });
      await app.clickId("open-example", { timeout: 60_000 });
      await app.waitFor(async () => ((await app.editorText()) ?? "").includes(SUGGEST_ANA.at), {
        timeout: 60_000,
        what: "the example document's text in the editor",
      });
      await app.clickId("tab-review");
      const badge = await app.waitForId("review-badge", { timeout: 30_000 });
      assert.match(await app.session.text(badge), /Draft/i);
    });

    await step("sending for review without a name asks for it, then sends to Ana", async () => {
      await app.clickId("review-send");
      const name = await app.waitForId("send-reviewer");
      await app.session.sendKeys(name, ANA);
      await app.answerDialog(anaCopy);
      await app.clickId("send-confirm");
      // No identity yet: the dialog asks for one, and the send goes on after saving it.
      const who = await app.waitForId("identity-name");
      await app.shot("identity-needed");
      await app.session.sendKeys(who, AUTHOR);
      await app.session.sendKeys(await app.find("identity-role"), "Policy lead");
      await app.clickId("identity-save");
      await app.waitFor(async () => existsSync(anaCopy), { timeout: 30_000, what: "Ana's review copy on disk" });
      assert.ok(app.dialogAnswered(), "the save dialog was asked");
      await app.waitFor(async () => (await app.textOf("identity-current")).includes(AUTHOR), {
        what: "the navigator to show the saved name",
      });
    });

    await step("send a second copy to Ben", async () => {
      await app.waitFor(async () => (await app.count("dialog[open]")) === 0, { what: "the dialogs to close" });
      await app.clickId("review-send");
      await app.session.sendKeys(await app.waitForId("send-reviewer"), BEN);
      await app.answerDialog(benCopy);
      await app.clickId("send-confirm");
      await app.waitFor(async () => existsSync(benCopy), { timeout: 30_000, what: "Ben's review copy on disk" });
      await app.waitFor(async () => /In review/i.test(await app.textOf("review-badge")), {
        timeout: 15_000,
        what: "the badge to say In review",
      });
      await app.shot("sent-for-review");
    });

    await step("the reviewers comment, suggest and approve in their copies with the CLI", async () => {
      const list = await candor(app, "doc", "list", anaCopy);
      docId = list.trim().split(/\s+/)[0];
      assert.ok(docId, `a document id in: ${list}`);
      await candor(app, "review", "comment", anaCopy, "--doc", docId, "--at", ORPHANED, "--text", "Which kinds of pictures?", "--as", ANA);
      await candor(app, "review", "comment", anaCopy, "--doc", docId, "--at", SUGGEST_ANA.at, "--text", "Plainer, please.", "--suggest", SUGGEST_ANA.to, "--as", ANA);
      await candor(app, "review", "approve", anaCopy, "--doc", docId, "--as", ANA);
      await candor(app, "review", "comment", benCopy, "--doc", docId, "--at", "a company in Utrecht", "--text", "Say when it was founded?", "--as", BEN);
      await candor(app, "review", "comment", benCopy, "--doc", docId, "--at", SUGGEST_BEN.at, "--text", "Make it an instruction.", "--suggest", SUGGEST_BEN.to, "--as", BEN);
    });

    await step("meanwhile the author types a sentence, rewrites a commented phrase and saves a version", async () => {
      assert.ok(await selectInEditor(app, "Aurora-2 is a computer program", true), "caret before the first paragraph");
      await typeText(app, TYPED);
      assert.ok(await selectInEditor(app, ORPHANED), "the phrase Ana commented on is selected");
      await typeText(app, "explain photos");
      await app.waitFor(async () => {
        const text = await app.editorText();
        return text.includes(TYPED) && text.includes("explain photos") && !text.includes(ORPHANED);
      }, { what: "both edits in the editor" });
      await app.clickId("save-version");
      await app.session.sendKeys(await app.waitForId("version-note"), "Photos, and a first sentence");
      await app.clickId("confirm-save-version");
      await app.waitFor(async () => (await app.listItems("version-list")).length >= 2, {
        timeout: 15_000,
        what: "the new version in the list",
      });
    });

    await step("merging both copies brings in every comment", async () => {
      await app.waitFor(async () => (await app.count("dialog[open]")) === 0, { what: "the dialogs to close" });
      await app.answerDialog(anaCopy, benCopy);
      await app.clickId("review-merge");
      await app.waitForId("merge-report", { timeout: 30_000 });
      const rows = await app.findAll("merge-row");
      assert.equal(rows.length, 2, "one row per copy");
      const report = await app.textOf("merge-report");
      assert.match(report, new RegExp(ANA));
      assert.match(report, new RegExp(BEN));
      await app.shot("merge-report");
      await app.clickId("merge-close");
      await app.waitFor(async () => (await countId(app, "review-comment")) === 4, {
        timeout: 15_000,
        what: "four comments in the Review tab",
      });
      assert.equal(await countId(app, "comment-orphaned"), 1, "one comment is about words no longer in the text");
      const orphan = await app.textOf("comment-orphaned");
      assert.match(orphan, /no longer in the text/);
      const stale = await app.textOf("approval-stale");
      assert.match(stale, new RegExp(ANA));
      assert.match(stale, /earlier version/);
      await app.shot("review-merged");
    });

    await step("clicking a comment's words selects them in the editor", async () => {
      await dismissNotices(app);
      for (const el of await app.findAll("comment-quote-link")) {
        if ((await app.session.text(el)).includes("Utrecht")) {
          await app.session.click(el);
          break;
        }
      }
      await app.waitFor(
        async () =>
          (await app.session.executeScript(`
            const content = document.querySelector(".cm-content");
            const tile = content.cmTile;
            const view = (tile && tile.root && tile.root.view) || (content.cmView && content.cmView.view);
            const s = view.state.selection.main;
            return view.state.sliceDoc(s.from, s.to);`)) === "a company in Utrecht",
        { what: "the commented words selected in the editor" },
      );
    });

    await step("Accept all puts the suggested words into the text", async () => {
      await dismissNotices(app);
      await app.clickId("review-accept-all");
      await app.waitFor(async () => {
        const text = (await app.editorText()) ?? "";
        return text.includes(SUGGEST_ANA.to) && text.includes(SUGGEST_BEN.to);
      }, { timeout: 30_000, what: "both suggestions in the editor" });
      await app.waitFor(async () => (await countId(app, "comment-accept")) === 0, {
        what: "no suggestion left to accept",
      });
      await app.shot("suggestions-accepted");
    });

    await step("a comment from the editor, on selected words", async () => {
      assert.ok(await selectInEditor(app, "a company in Utrecht"));
      // The keyboard shortcut opens the dialog; so does the toolbar button.
      await app.session.chord(Keys.CONTROL, ALT, "m");
      await app.waitForId("comment-body");
      await app.closeModal();
      assert.ok(await selectInEditor(app, "a company in Utrecht"));
      await app.clickId("editor-comment");
      assert.equal(await app.textOf("comment-quote"), "a company in Utrecht");
      await app.session.sendKeys(await app.waitForId("comment-body"), "Fine as it is.");
      await app.shot("comment-dialog");
      await app.clickId("comment-submit");
      await app.waitFor(async () => (await countId(app, "review-comment")) === 3, {
        timeout: 15_000,
        what: "the new comment among the open ones (two suggestions were decided)",
      });
    });

    await step("publishing before approval is refused, saying why", async () => {
      await dismissNotices(app);
      await app.clickId("review-publish");
      await app.answerDialog(join(app.files, "too-early"));
      await app.clickId("publish-confirm");
      const refused = await app.waitForId("publish-refused", { timeout: 60_000 });
      assert.match(await app.session.text(refused), /approv/i, "the reason names the missing approval");
      await app.waitForId("publish-reason");
      await app.shot("publish-refused");
      await app.closeModal();
      assert.ok(!existsSync(join(app.files, "too-early")), "nothing was written");
    });

    await step("Approve makes the badge say Approved", async () => {
      await dismissNotices(app);
      await app.clickId("review-approve");
      await app.waitFor(async () => /^Approved$/i.test((await app.textOf("review-badge")).trim()), {
        timeout: 15_000,
        what: "the badge to say Approved",
      });
      assert.ok((await app.count(tid("approval-current"))) >= 1, "a current approval is listed");
      await app.shot("approved");
    });

    await step("Compare versions shows the inserted words", async () => {
      await dismissNotices(app);
      await app.clickId("review-compare");
      await app.waitForId("diff-inline", { timeout: 30_000 });
      const inserted = await app.session.executeScript(
        `return Array.from(document.querySelectorAll('[data-testid="diff-inline"] ins'), (e) => e.textContent).join(" | ");`,
      );
      assert.match(inserted, /sounding/, `inserted words: ${inserted}`);
      assert.match(await app.textOf("compare-counts"), /\d+ words added/);
      await app.shot("compare-inline");
      await app.clickId("compare-side");
      await app.waitForId("diff-side");
      await app.shot("compare-side-by-side");
      await app.closeModal();
    });

    await step("Publish writes the approved version into a new folder", async () => {
      await dismissNotices(app);
      const folder = join(app.files, "published");
      await app.clickId("review-publish");
      await app.answerDialog(folder);
      await app.clickId("publish-confirm");
      await app.waitFor(async () => (await app.count(tid("publish-folder"))) + (await app.count(tid("publish-refused"))) > 0, {
        timeout: 60_000,
        what: "the folder written, or why it was refused",
      });
      if ((await app.count(tid("publish-refused"))) > 0) {
        await app.shot("publish-refused-after-approval");
        await app.session.sendKeys(await app.find("publish-reason"), "The board meets today.");
        await app.answerDialog(folder);
        await app.clickId("publish-force");
        await app.waitForId("publish-folder", { timeout: 60_000 });
      }
      assert.equal(await app.textOf("publish-folder"), folder);
      assert.ok(existsSync(folder), "the folder exists");
      await app.shot("published");
      await app.closeModal();
    });

    await step("the review sheet is saved as a PDF", async () => {
      await dismissNotices(app);
      const sheet = join(app.files, "sheet.pdf");
      await app.answerDialog(sheet);
      await app.clickId("review-sheet");
      await app.waitFor(async () => existsSync(sheet), { timeout: 60_000, what: "the review sheet PDF" });
      await dismissNotices(app);
    });

    await step("the Review tab fits at the smallest window size (900 × 600)", async () => {
      const s = app.session;
      await s.cmd("POST", "/window/rect", { width: 900, height: 600 });
      await app.waitFor(async () => (await s.executeScript("return innerWidth")) <= 900, {
        what: "the window to be 900 px wide",
      });
      const layout = await s.executeScript(`
        const root = document.documentElement;
        const sticking = [];
        for (const el of document.querySelectorAll("body *")) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > innerWidth + 0.5 && !el.closest("[data-testid=preview-pages]"))
            sticking.push(el.tagName.toLowerCase() + (el.dataset.testid ? "[" + el.dataset.testid + "]" : "") + " ends at " + r.right.toFixed(0));
        }
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, sticking: sticking.slice(0, 8) };`);
      await app.shot("review-900x600");
      assert.ok(layout.scrollWidth <= layout.clientWidth, `no sideways scrolling at 900 px: ${JSON.stringify(layout)}`);
      assert.deepEqual(layout.sticking, [], "nothing sticks out of the window");
    });

    await step("Ana's review copy opened in the app says so, without send, merge or publish", async () => {
      await app.clickId("close-project");
      await app.answerDialog(anaCopy);
      await app.clickId("open-project");
      const banner = await app.waitForId("review-copy-banner", { timeout: 60_000 });
      assert.match(await app.session.text(banner), /Review copy for Ana Ruiz/);
      await app.clickId("tab-review");
      await app.waitForId("review-approve");
      assert.equal(await app.count(tid("review-send")), 0, "no Send for review in a copy");
      assert.equal(await app.count(tid("review-merge")), 0, "no Merge in a copy");
      assert.equal(await app.count(tid("review-publish")), 0, "no Publish in a copy");
      await app.shot("review-copy");
    });
  } finally {
    await app.close();
  }
});
