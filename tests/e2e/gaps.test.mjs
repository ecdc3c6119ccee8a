// The Gaps tab and changed sources: a new project imports a small Markdown model card; a
// document citing two of its passages shows, under Gaps, risks without a card and a section
// about risks it does not cite. A changed version of the card is imported with "Import a new
// version…" in the source reader; Problems says the cited passage changed, "Compare…" opens
// Gaps with the passage before and now side by side (12% and 15%), and confirming that the
// sentence still holds makes the change and the problem go away. "Save as PDF…" writes the
// report; "Add a card" writes a risk card for a category without one.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { App, stepper, tid } from "./app.mjs";

const CARD_V1 = `# Example-1 model card

## Model details

- **Developed by:** Example Labs
- **License:** Apache 2.0

Example-1 has 7B parameters and was trained on 2 trillion tokens.

## Risks

### Cyber security

Our ransomware uplift study found that 12% of attempts succeeded with the model.

### Bias

The model reproduces stereotypes about some groups.

## Safeguards

A classifier blocks harmful requests.
`;

// The new version: the cyber figure changed.
const CARD_V2 = CARD_V1.replace("found that 12% of attempts", "found that 15% of attempts");

const DOC = `---
title: Example-1 explained
lang: en
sources:
  - id: card
    file: card.md
---

# What it is

Example-1 has 7 billion parameters ([Example-1 model card](source:card#sec-model-details-p3)).

# What could go wrong

In tests, 12% of attacks succeeded ([Example-1 model card](source:card#sec-cyber-security-p1)).
`;

/** Replaces the whole text of the editor, as one change (through the EditorView). */
function setEditorText(app, text) {
  return app.session.executeScript(
    `const content = document.querySelector(".cm-content");
     const tile = content && content.cmTile;
     const view = (tile && tile.root && tile.root.view) || (content && content.cmView && content.cmView.view);
     if (!view) return false;
     view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: arguments[0] } });
     return true;`,
    text,
  );
}

/** The visible text of every element matching `[data-testid=id]`. */
function textsOf(app, id) {
  return app.session.executeScript(
    `return Array.from(document.querySelectorAll(arguments[0]), (el) => el.innerText.replace(/\\s+/g, " ").trim());`,
    tid(id),
  );
}

/** Dismisses the confirmations in the corner, which may cover buttons near it. */
async function dismissNotices(app) {
  for (const button of await app.session.findAll(`${tid("notice")} button.dismiss`)) {
    await app.session.click(button).catch(() => {});
  }
  await app.waitFor(async () => (await app.findAll("notice")).length === 0, { what: "the notices to go" });
}

/** The problems' codes, as the Problems list shows them. */
function problemCodes(app) {
  return app.session.executeScript(
    `return Array.from(document.querySelectorAll('[data-testid="problems"] li code'), (c) => c.textContent);`,
  );
}

test("gaps: risks and sections left out, a changed source compared and confirmed", { timeout: 400_000 }, async (t) => {
  const app = await App.launch("gaps");
  const s = app.session;
  const step = stepper(t, app);
  const project = join(app.files, "Gaps.candor");
  const card = join(app.files, "card.md");
  const newer = join(app.files, "newer", "card.md");

  try {
    await step("a new project imports a small Markdown model card", async () => {
      await writeFile(card, CARD_V1);
      await mkdir(join(app.files, "newer"), { recursive: true });
      await app.waitForId("new-project", { timeout: 60_000 });
      await app.answerDialog(project);
      await app.clickId("new-project");
      await app.waitForId("project-name", { timeout: 30_000 });
      assert.ok(existsSync(project), "the project file was created");
      await app.answerDialog(card);
      await app.clickId("import");
      const results = await app.waitForId("import-results", { timeout: 60_000 });
      assert.match(await s.text(results), /card\.md/);
      assert.equal((await s.findAll("li.failed", results)).length, 0, await s.text(results));
      await app.closeModal();
    });

    await step("a document citing two of its passages is written and saved as a version", async () => {
      await app.clickId("new-document");
      await app.clickId("starter-model-report-summary");
      await app.clickId("create-document");
      await app.waitForId("document-title", { timeout: 60_000 });
      await s.waitForElement(".cm-content");
      await app.waitFor(async () => ((await app.editorText()) ?? "").length > 0, { what: "the starter text" });
      assert.ok(await setEditorText(app, DOC), "the editor took the text");
      await app.waitFor(async () => (await app.editorText()) === DOC, { what: "the document's text in the editor" });
      // The header follows the title typed in the front matter, not the starter's.
      await app.waitFor(async () => (await s.text(await app.find("document-title"))) === "Example-1 explained", {
        what: "the header to show the typed title",
      });
      await app.waitFor(async () => (await s.attribute(await app.find("save-state"), "class")).split(/\s+/).includes("saved"), {
        timeout: 30_000,
        what: "the autosave to finish",
      });
      await app.clickId("save-version");
      await s.sendKeys(await app.waitForId("version-note"), "Two citations of the card");
      await app.clickId("confirm-save-version");
      await app.waitFor(async () => (await app.listItems("version-list")).length >= 2, {
        timeout: 15_000,
        what: "the saved version in the list",
      });
      await app.waitFor(async () => (await s.findAll("dialog[open]")).length === 0, { what: "the dialog to close" });
    });

    await step("Gaps lists risks without a card and a section about risks that is not cited", async () => {
      await app.clickId("tab-gaps");
      await app.waitForId("gaps-summary", { timeout: 60_000 });
      const risks = await textsOf(app, "gaps-risk");
      assert.ok(risks.some((r) => /Specified risk/.test(r)), `a specified risk without a card: ${JSON.stringify(risks)}`);
      assert.ok(risks.some((r) => /Discussed in: Example-1 model card: “Bias”/.test(r)), `bias, discussed in the card: ${JSON.stringify(risks)}`);
      const sections = await textsOf(app, "gaps-section-gap");
      assert.ok(sections.some((x) => x.startsWith("Bias Not cited")), `the Bias section is not cited: ${JSON.stringify(sections)}`);
      assert.ok(sections.some((x) => x.startsWith("Safeguards Not cited")), `nor Safeguards: ${JSON.stringify(sections)}`);
      assert.match(await app.textOf("gaps-stale"), /No cited passage changed/);
      await app.shot("gaps-before-update");
      // "Save as PDF…" writes the report where the save dialog says.
      const pdf = join(app.files, "gaps-report.pdf");
      await app.answerDialog(pdf);
      await app.clickId("gaps-save-pdf");
      await app.waitFor(async () => existsSync(pdf), { timeout: 60_000, what: "the gap report PDF on disk" });
      assert.equal((await readFile(pdf)).subarray(0, 5).toString(), "%PDF-");
      // Its "Show in source" opens the reader at that section.
      await dismissNotices(app);
      const show = await s.find(`${tid("gaps-section-gap")} button`);
      await s.click(show);
      await app.waitForId("passages", { timeout: 30_000 });
      await app.waitFor(
        async () =>
          (await s.executeScript(`return document.activeElement && document.activeElement.getAttribute("data-passage")`)) === "sec-bias-p1",
        { what: "the reader to show the first passage of the Bias section" },
      );
      await app.shot("gaps-show-in-source");
    });

    await step("a changed version of the card is imported with “Import a new version…”", async () => {
      await writeFile(newer, CARD_V2);
      await app.clickId("tab-sources");
      await app.answerDialog(newer);
      await app.clickId("source-new-version");
      await app.waitForId("import-updated", { timeout: 60_000 });
      assert.ok(app.dialogAnswered(), "the open dialog was asked");
      await app.shot("new-version-imported");
      await app.closeModal();
    });

    await step("Problems says the cited passage changed and offers Compare…", async () => {
      await app.clickId("tab-problems");
      await app.waitFor(async () => (await problemCodes(app)).includes("source/changed-since-cited"), {
        timeout: 60_000,
        what: "a source/changed-since-cited problem",
      });
      const problems = await app.textOf("problems");
      assert.match(problems, /12%/);
      assert.match(problems, /15%/);
      await app.shot("problems-changed-source");
    });

    await step("Compare… shows the passage before and now side by side", async () => {
      await app.clickId("compare-source");
      const item = await app.waitForId("gaps-stale-item", { timeout: 30_000 });
      assert.match(await s.text(item), /The cited passage changed/);
      assert.match(await app.textOf("gaps-stale-sentence"), /In tests, 12% of attacks succeeded/);
      const compare = await s.executeScript(`
        const box = (id) => document.querySelector('[data-testid="' + id + '"]');
        const before = box("gaps-before"), now = box("gaps-now");
        const a = before.getBoundingClientRect(), b = now.getBoundingClientRect();
        return {
          before: before.innerText, now: now.innerText,
          deleted: Array.from(before.querySelectorAll("del"), (d) => d.textContent),
          inserted: Array.from(now.querySelectorAll("ins"), (d) => d.textContent),
          sideBySide: a.right <= b.left + 1 && Math.abs(a.top - b.top) < 2,
          focused: document.activeElement && document.activeElement.getAttribute("data-testid"),
        };`);
      assert.match(compare.before, /^before/i);
      assert.match(compare.before, /12%/);
      assert.match(compare.now, /^now/i);
      assert.match(compare.now, /15%/);
      assert.ok(compare.deleted.some((d) => d.includes("12")), `12 is marked as removed: ${JSON.stringify(compare)}`);
      assert.ok(compare.inserted.some((d) => d.includes("15")), `15 is marked as added: ${JSON.stringify(compare)}`);
      assert.ok(compare.sideBySide, `Before and Now are side by side: ${JSON.stringify(compare)}`);
      assert.equal(compare.focused, "gaps-stale-item", "the changed citation has the focus");
      await app.shot("gaps-compare");
      // The same in the dark theme.
      await app.clickId("theme");
      await app.waitFor(async () => (await s.executeScript(`return document.documentElement.dataset.theme`)) === "dark", {
        what: "the dark theme",
      });
      await app.shot("gaps-compare-dark");
      await app.clickId("theme");
    });

    await step("the layout of the comparison holds at 900 x 600", async () => {
      const before = await s.cmd("GET", "/window/rect");
      await s.cmd("POST", "/window/rect", { width: 900, height: 600 });
      await app.waitFor(async () => (await s.executeScript("return innerWidth")) <= 900, { what: "the window to be 900 px wide" });
      const layout = await s.executeScript(`
        const panel = document.querySelector('[data-testid="gaps-panel"]');
        const sticking = Array.from(panel.querySelectorAll("*"))
          .filter((el) => el.getBoundingClientRect().right > panel.getBoundingClientRect().right + 1)
          .map((el) => el.tagName + (el.dataset.testid ? "[" + el.dataset.testid + "]" : ""));
        return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, sticking: sticking.slice(0, 8) };`);
      await app.shot("gaps-compare-900x600");
      assert.ok(layout.scrollWidth <= layout.clientWidth, `no sideways scrolling at 900 px: ${JSON.stringify(layout)}`);
      assert.deepEqual(layout.sticking, [], "nothing in the Gaps tab sticks out of it");
      await s.cmd("POST", "/window/rect", { width: before.width, height: before.height });
    });

    await step("confirming that the sentence still holds removes the change and the problem", async () => {
      await dismissNotices(app);
      await app.clickId("gaps-confirm");
      // No name for this computer yet: the app asks for it, then confirms.
      const who = await app.waitForId("identity-name", { timeout: 15_000 });
      await s.sendKeys(who, "Dana Author");
      await app.clickId("identity-save");
      await app.waitFor(async () => (await app.findAll("gaps-stale-item")).length === 0, {
        timeout: 30_000,
        what: "the changed citation to leave the Gaps tab",
      });
      assert.match(await app.textOf("gaps-stale"), /No cited passage changed/);
      await app.shot("gaps-confirmed");
      await app.clickId("tab-problems");
      await app.waitFor(async () => !(await problemCodes(app)).includes("source/changed-since-cited"), {
        timeout: 30_000,
        what: "the problem to go",
      });
      assert.equal((await app.findAll("compare-source")).length, 0, "no Compare… left");
      await app.shot("problems-after-confirm");
    });

    await step("“Add a card” puts a card for the risk into the text, and Gaps no longer lists it", async () => {
      await dismissNotices(app);
      await app.clickId("tab-gaps");
      await app.waitForId("gaps-risk", { timeout: 30_000 });
      const before = await textsOf(app, "gaps-risk");
      const discrimination = before.findIndex((r) => r.startsWith("Discrimination"));
      assert.ok(discrimination >= 0, `Discrimination is listed: ${JSON.stringify(before)}`);
      await s.click((await app.findAll("gaps-add-card"))[discrimination]);
      await app.waitFor(async () => /```risk\nid: non-discrimination\ncategory: non-discrimination\ntitle: Discrimination\n```/.test(await app.editorText()), {
        what: "the new card in the editor",
      });
      await app.waitFor(async () => (await textsOf(app, "gaps-risk")).length === before.length - 1, {
        timeout: 30_000,
        what: "Gaps to list one risk fewer",
      });
      assert.ok(!(await textsOf(app, "gaps-risk")).some((r) => r.startsWith("Discrimination")), "Discrimination has a card now");
      await app.shot("gaps-card-added");
    });
  } finally {
    await app.close();
  }
});
