// A plain-language problem with a one-click fix: typing a sentence with a jargon term into the
// example's document lists the term in the Problems tab with a fix; clicking the fix puts the
// plain alternative into the text. The Readability tab then shows a score.

import assert from "node:assert/strict";
import { test } from "node:test";
import { App, stepper, tid } from "./app.mjs";

const SENTENCE = "After that we used fine-tuning on the model.";
const PLAIN = "extra training for one task";

test("a jargon term is fixed with one click from the Problems list", { timeout: 300_000 }, async (t) => {
  const app = await App.launch("plain-fix");
  const step = stepper(t, app);
  try {
    await step("open the example and type a sentence with a jargon term", async () => {
      await app.clickId("open-example", { timeout: 60_000 });
      await app.waitFor(async () => ((await app.editorText()) ?? "").length > 200, {
        timeout: 60_000,
        what: "the example document's text in the editor",
      });
      assert.ok(!(await app.editorText()).includes(PLAIN), "the plain alternative is not in the text yet");
      await app.typeAtEnd(SENTENCE);
      await app.waitFor(async () => (await app.editorText()).includes(SENTENCE), {
        what: "the typed sentence in the editor",
      });
    });

    let fix = null;
    await step("the Problems list offers the plain alternative as a fix", async () => {
      await app.clickId("tab-problems");
      await app.waitFor(
        async () => {
          for (const el of await app.session.findAll(tid("fix"))) {
            if ((await app.session.text(el)).includes(PLAIN)) {
              fix = el;
              return true;
            }
          }
          return false;
        },
        { timeout: 60_000, what: `a fix button mentioning “${PLAIN}”` },
      );
      await app.shot("plain-fix-offered");
    });

    await step("clicking the fix puts the plain alternative into the text", async () => {
      await app.session.click(fix);
      await app.waitFor(async () => (await app.editorText()).includes(PLAIN), {
        timeout: 15_000,
        what: `“${PLAIN}” in the editor`,
      });
      const text = await app.editorText();
      assert.match(text, /fine-tuning[^.]*extra training for one task/, "the alternative is next to the term");
      await app.shot("plain-fix-applied");
    });

    await step("the Readability tab shows the document's score", async () => {
      await app.clickId("tab-readability");
      const main = await app.waitForId("readability-main", { timeout: 30_000 });
      assert.match(await app.session.text(main), /\d/, "the main score has a number");
      await app.shot("readability");
    });
  } finally {
    await app.close();
  }
});
