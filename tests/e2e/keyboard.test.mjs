// Keyboard use: from the welcome screen, Tab reaches the first action ("New project") within a
// few presses, and the focused button shows a visible focus indicator.

import assert from "node:assert/strict";
import { test } from "node:test";
import { App, stepper, tid } from "./app.mjs";
import { Keys } from "./webdriver.mjs";

test("Tab from the welcome screen reaches the first action with a visible focus", { timeout: 180_000 }, async (t) => {
  const app = await App.launch("keyboard");
  const s = app.session;
  const step = stepper(t, app);
  const focused = () =>
    s.executeScript(`const a = document.activeElement;
      return a ? { testid: a.getAttribute("data-testid"), tag: a.tagName, text: (a.innerText || "").trim().slice(0, 60) } : null;`);
  try {
    await step("Tab reaches New project", async () => {
      await app.waitForId("new-project", { timeout: 60_000 });
      // Start from the document, as after the window opens.
      await s.executeScript(`document.activeElement && document.activeElement.blur(); window.focus();`);
      const path = [];
      for (let i = 0; i < 6; i++) {
        await s.pressKeys(Keys.TAB);
        const now = await focused();
        path.push(now?.testid ?? `${now?.tag}:${now?.text}`);
        if (now?.testid === "new-project") break;
      }
      t.diagnostic(`Tab order from the start: ${path.join(" → ")}`);
      assert.equal(path.at(-1), "new-project", `Tab reaches New project within 6 presses: ${path.join(" → ")}`);
      assert.ok(path.length <= 3, `New project is among the first three Tab stops: ${path.join(" → ")}`);
    });

    await step("the focus is visible", async () => {
      const style = await s.executeScript(
        `const el = document.querySelector(arguments[0]);
         const cs = getComputedStyle(el);
         return { focusVisible: el.matches(":focus-visible"), outlineStyle: cs.outlineStyle,
                  outlineWidth: parseFloat(cs.outlineWidth) || 0, outlineColor: cs.outlineColor,
                  boxShadow: cs.boxShadow };`,
        tid("new-project"),
      );
      t.diagnostic(`focus style: ${JSON.stringify(style)}`);
      assert.ok(style.focusVisible, "the button matches :focus-visible after keyboard focus");
      const outline = style.outlineStyle !== "none" && style.outlineWidth >= 2;
      const shadow = style.boxShadow && style.boxShadow !== "none";
      assert.ok(outline || shadow, `a focus outline of at least 2px (or a focus shadow) is drawn: ${JSON.stringify(style)}`);
      await app.shot("focus-new-project");
    });
  } finally {
    await app.close();
  }
});
