// A file that cannot be imported (a .pdf of garbage bytes) is reported as failed, with what is
// wrong, and leaves the project's sources as they were.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { App, stepper } from "./app.mjs";
import { Session } from "./webdriver.mjs";

const CARD = `---
license: apache-2.0
---

# Model Card for Tiny-Test

Tiny-Test is a small language model made for Candor's end-to-end tests.

## Model Details

- **Developed by:** Candor test suite
- **Model type:** text generation

## Uses

It writes short test sentences.
`;

test("a failed import shows an error and leaves the sources unchanged", { timeout: 300_000 }, async (t) => {
  const app = await App.launch("import-failure");
  const s = app.session;
  const step = stepper(t, app);
  const project = join(app.files, "Broken import.candor");
  const card = join(app.files, "tiny-test-model-card.md");
  const garbage = join(app.files, "corrupt-report.pdf");
  let before = [];
  try {
    await step("a project with one good source", async () => {
      await writeFile(card, CARD);
      // Not a PDF at all: random-looking bytes with a .pdf name.
      const bytes = Buffer.alloc(4096);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
      await writeFile(garbage, bytes);
      await app.answerDialog(project);
      await app.clickId("new-project", { timeout: 60_000 });
      await app.waitForId("project-name", { timeout: 30_000 });
      assert.ok(existsSync(project));
      await app.answerDialog(card);
      await app.clickId("import");
      const results = await app.waitForId("import-results", { timeout: 60_000 });
      const text = await s.text(results);
      assert.equal((await s.findAll("li.failed", results)).length, 0, `the good card imports:\n${text}`);
      await app.closeModal();
      before = await app.listItems("source-list");
      assert.equal(before.length, 1, `one source: ${JSON.stringify(before)}`);
    });

    await step("importing the corrupt PDF reports the failure", async () => {
      await app.answerDialog(garbage);
      await app.clickId("import");
      const results = await app.waitForId("import-results", { timeout: 60_000 });
      await app.shot("import-failed");
      const failed = await s.findAll("li.failed", results);
      assert.equal(failed.length, 1, "the corrupt file is marked as failed");
      const text = await s.text(failed[0]);
      assert.ok(text.includes("corrupt-report.pdf"), `the failure names the file: ${text}`);
      // The message says what is wrong: more than the file name and the "failed" badge.
      const message = await s.executeScript(`return arguments[0].querySelector("p")?.innerText ?? ""`, Session.ref(failed[0]));
      assert.ok(message.trim().length > 10, `the failure explains what is wrong: "${message}"`);
      t.diagnostic(`the app says: ${message}`);
      await app.closeModal();
    });

    await step("the project's sources are unchanged", async () => {
      const after = await app.listItems("source-list");
      assert.deepEqual(after, before);
      await app.shot("sources-unchanged");
    });
  } finally {
    await app.close();
  }
});
