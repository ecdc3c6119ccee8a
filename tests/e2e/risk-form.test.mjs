// The risk form and the project's own risk categories: with the cursor in a risk block of the
// example's document the form shows; changing the estimate there rewrites the block's YAML and
// the web page preview shows the card with the new natural frequency. A category added in the
// Risk categories dialog is offered by the form's category select right after saving.

import assert from "node:assert/strict";
import { test } from "node:test";
import { App, stepper, tid } from "./app.mjs";
import { Keys } from "./webdriver.mjs";

const NEW_ESTIMATE = "0.25";
const TAXONOMY = "[category election-integrity]\nen: Interfering with elections\nen.about: Using the model to mislead voters.";
const NEW_CATEGORY = "Interfering with elections";

/** Puts the editor's cursor at the first occurrence of `needle` (through the EditorView). */
function putCursorAt(app, needle) {
  return app.session.executeScript(
    `const content = document.querySelector(".cm-content");
     const tile = content && content.cmTile;
     const view = (tile && tile.root && tile.root.view) || (content && content.cmView && content.cmView.view);
     if (!view) return -1;
     const at = view.state.doc.toString().indexOf(arguments[0]);
     if (at < 0) return -1;
     view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
     view.focus();
     return at;`,
    needle,
  );
}

/** The likelihood line of the risk card titled `title` in the web page preview, or null. */
function cardLikelihood(app, title) {
  return app.session.executeScript(
    `const frame = document.querySelector('[data-testid="html-preview"]');
     if (!frame || !frame.srcdoc) return null;
     const page = new DOMParser().parseFromString(frame.srcdoc, "text/html");
     for (const card of page.querySelectorAll("section.risk-card")) {
       const heading = card.querySelector(".risk-title");
       if (heading && heading.textContent.includes(arguments[0])) {
         const line = card.querySelector(".likelihood");
         return line ? line.textContent.replace(/\\s+/g, " ").trim() : "";
       }
     }
     return null;`,
    title,
  );
}

/** The visible texts of the options of the form's category select. */
function categoryOptions(app) {
  return app.session.executeScript(
    `const select = document.querySelector('[data-testid="risk-category"]');
     return select ? Array.from(select.options, (o) => o.textContent.trim()) : [];`,
  );
}

test("the risk form edits a card, and a project category is offered after saving", { timeout: 300_000 }, async (t) => {
  const app = await App.launch("risk-form");
  const step = stepper(t, app);
  let title = "";
  try {
    await step("open the example and put the cursor in a risk block", async () => {
      await app.clickId("open-example", { timeout: 60_000 });
      await app.waitFor(async () => /```risk\n/.test((await app.editorText()) ?? ""), {
        timeout: 60_000,
        what: "a risk block in the example document",
      });
      const text = await app.editorText();
      const block = /```risk\n([\s\S]*?)\n```/.exec(text.slice(text.search(/```risk\n(?:(?!```)[\s\S])*?\n {2}estimate: [\d.]+\n/)));
      assert.ok(block, "the example has a risk block with a numeric estimate");
      title = /^title: (.+)$/m.exec(block[1])[1].trim();
      assert.ok((await putCursorAt(app, `title: ${title}`)) >= 0, "the cursor is in the block");
      await app.waitForId("risk-form", { timeout: 15_000 });
      const form = await app.session.executeScript(
        `const form = document.querySelector('[data-testid="risk-form"]');
         return { heading: form.querySelector("h2").textContent, estimate: form.querySelector('input[id$="-estimate"]').value };`,
      );
      assert.match(form.heading, /Risk card/, "the form is headed as a risk card");
      assert.match(form.estimate, /^[\d.]+$/, "the form shows the numeric estimate");
      await app.shot("risk-form-shown");
    });

    let before = "";
    let denominator = 100;
    await step("the web page preview shows the card's natural frequency", async () => {
      await app.clickId("tab-html");
      await app.waitFor(async () => !!(before = (await cardLikelihood(app, title)) ?? ""), {
        timeout: 60_000,
        what: `the card “${title}” in the web page preview`,
      });
      const m = /(\d[\d,]*) in ([\d,]+)/.exec(before);
      assert.ok(m, `the likelihood is a natural frequency: “${before}”`);
      denominator = Number(m[2].replaceAll(",", ""));
    });

    await step("changing the estimate in the form rewrites the block and the card", async () => {
      const estimate = await app.session.find(`${tid("risk-form")} input[id$="-estimate"]`);
      await app.session.clear(estimate);
      await app.session.sendKeys(estimate, NEW_ESTIMATE);
      await app.waitFor(async () => (await app.editorText()).includes(`  estimate: ${NEW_ESTIMATE}\n`), {
        what: `“estimate: ${NEW_ESTIMATE}” in the editor`,
      });
      const text = await app.editorText();
      const block = text.slice(text.lastIndexOf("```risk", text.indexOf(`title: ${title}`)));
      assert.match(block.slice(0, block.indexOf("\n```")), new RegExp(`\\n {2}estimate: ${NEW_ESTIMATE.replace(".", "\\.")}\\n`));

      const count = Math.round(Number(NEW_ESTIMATE) * denominator);
      const expected = new RegExp(`\\b${count.toLocaleString("en")} in ${denominator.toLocaleString("en")}\\b`);
      let now = "";
      await app.waitFor(async () => expected.test((now = (await cardLikelihood(app, title)) ?? "")), {
        timeout: 60_000,
        what: `the card to read ${expected} (it reads “${now}”; before the change “${before}”)`,
      });
      assert.notEqual(now, before, "the card's likelihood changed");
      await app.shot("risk-estimate-changed");
    });

    await step("a category added in the Risk categories dialog is offered by the form", async () => {
      assert.ok(!(await categoryOptions(app)).some((o) => o.includes(NEW_CATEGORY)), "not offered before");
      await app.clickId("open-taxonomy");
      const area = await app.waitForId("taxonomy-text", { timeout: 15_000 });
      await app.waitFor(async () => (await app.session.property(area, "readOnly")) === false, {
        what: "the project's entries to load",
      });
      assert.equal(
        await app.session.executeScript(`return document.activeElement?.getAttribute("data-testid")`),
        "taxonomy-text",
        "the entries have the focus",
      );
      await app.session.clear(area);
      // Typed line by line: WebKitWebDriver drops a "\n" in the text, so each line ends with Enter.
      await app.session.sendKeys(area, TAXONOMY.split("\n").join(Keys.ENTER));
      await app.waitFor(async () => (await app.session.property(area, "value")) === TAXONOMY, {
        what: "the entries typed into the text area",
      });
      await app.waitForId("taxonomy-builtin", { timeout: 15_000 });
      await app.shot("risk-categories-dialog");
      await app.clickId("save-taxonomy");
      await app.waitFor(async () => (await app.session.findAll("dialog[open]")).length === 0, {
        timeout: 15_000,
        what: "the dialog to close after saving",
      });
      assert.ok((await putCursorAt(app, `title: ${title}`)) >= 0, "the cursor is back in the block");
      await app.waitFor(async () => (await categoryOptions(app)).some((o) => o.includes(NEW_CATEGORY)), {
        timeout: 15_000,
        what: `“${NEW_CATEGORY}” among the category select's options`,
      });
      const group = await app.session.executeScript(
        `const select = document.querySelector('[data-testid="risk-category"]');
         const option = Array.from(select.options).find((o) => o.textContent.includes(arguments[0]));
         return option && option.parentElement.tagName === "OPTGROUP" ? option.parentElement.label : null;`,
        NEW_CATEGORY,
      );
      assert.equal(group, "This project's own", "the new category is in the project's group");
      await app.shot("risk-category-offered");
    });
  } finally {
    await app.close();
  }
});
