// The bundled example project opens from the welcome screen and shows a document: its title,
// its text in the editor and its typeset pages.

import assert from "node:assert/strict";
import { test } from "node:test";
import { App, stepper } from "./app.mjs";

test("the example project opens and shows a document", { timeout: 300_000 }, async (t) => {
  const app = await App.launch("example");
  const step = stepper(t, app);
  try {
    await step("open the example from the welcome screen", async () => {
      await app.clickId("open-example", { timeout: 60_000 });
      await app.waitForId("project-name", { timeout: 60_000 });
      assert.ok((await app.textOf("project-name")).length > 0, "the project has a name");
    });

    await step("its first document is open with text and pages", async () => {
      const title = await app.waitForId("document-title", { timeout: 30_000 });
      assert.ok((await app.session.text(title)).trim().length > 0, "the document has a title");
      const docs = await app.listItems("document-list");
      assert.ok(docs.length >= 1, "the navigator lists the example's documents");
      const sources = await app.listItems("source-list");
      assert.ok(sources.length >= 1, "the example project has sources");
      await app.waitFor(async () => ((await app.editorText()) ?? "").length > 200, {
        timeout: 30_000,
        what: "the document's text in the editor",
      });
      const text = await app.editorText();
      assert.match(text, /^---\n/, "the editor shows the document's front matter");
      await app.clickId("tab-pages");
      await app.waitFor(async () => (await app.previewHashes()).length > 0, {
        timeout: 90_000,
        what: "the typeset pages of the example",
      });
      await app.waitForId("preview-time", { timeout: 60_000 });
      await app.shot("example-pages");
      await app.clickId("tab-sources");
      await app.waitForId("passages", { timeout: 30_000 });
      await app.shot("example-sources");
    });

    await step("the layout holds at the smallest window size (900 x 600)", async () => {
      const s = app.session;
      const before = await s.cmd("GET", "/window/rect");
      await s.cmd("POST", "/window/rect", { width: 900, height: 600 });
      await app.waitFor(async () => (await s.executeScript("return innerWidth")) <= 900, {
        what: "the window to be 900 px wide",
      });
      await app.clickId("tab-pages");
      const layout = await s.executeScript(`
        const root = document.documentElement;
        const boxes = Array.from(document.querySelectorAll("header button"), (b) => {
          const r = b.getBoundingClientRect();
          return { text: b.innerText.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }).filter((b) => b.right > b.left);
        const overlaps = [];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
              overlaps.push(a.text + " / " + b.text);
          }
        const outside = boxes.filter((b) => b.left < 0 || b.right > innerWidth + 1).map((b) => b.text);
        const sticking = [];
        for (const el of document.querySelectorAll("body *")) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > innerWidth + 0.5 && !el.closest("[data-testid=preview-pages]"))
            sticking.push(\`\${el.tagName.toLowerCase()}\${el.dataset.testid ? \`[data-testid=\${el.dataset.testid}]\` : ""} ends at \${r.right.toFixed(0)} px\`);
        }
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, overlaps, outside, sticking: sticking.slice(0, 8) };`);
      await app.shot("example-900x600");
      // On failure the window stays small, so the failure screenshot shows the problem.
      assert.ok(layout.scrollWidth <= layout.clientWidth, `no sideways scrolling at 900 px: ${JSON.stringify(layout)}`);
      assert.deepEqual(layout.overlaps, [], "no header buttons overlap");
      assert.deepEqual(layout.outside, [], "every header button is inside the window");
      await s.cmd("POST", "/window/rect", { width: before.width, height: before.height });
    });
  } finally {
    await app.close();
  }
});
