// The Branding dialog: in the example project, set the organisation, a too-light accent colour,
// the Atkinson Hyperlegible font and a logo (through the scripted open dialog), and save. The
// dialog says plainly that the accent has too little contrast and which colour is used instead,
// with a swatch of each; the web page preview then carries the organisation's name above the
// title (as the logo's description) and in the footer, the accessible accent and the font.

import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { App, stepper, tid } from "./app.mjs";

const ORGANISATION = "Northlight AI";
const LIGHT_ACCENT = "#7fb3ff";
const LOGO = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "branding", "logo.png");

/** What the web page preview shows of the branding, or null before it has a page. */
function previewBranding(app) {
  return app.session.executeScript(
    `const frame = document.querySelector('[data-testid="html-preview"]');
     if (!frame || !frame.srcdoc) return null;
     const page = new DOMParser().parseFromString(frame.srcdoc, "text/html");
     const brand = page.querySelector("p.brand");
     const logo = brand && brand.querySelector("img");
     const footer = page.querySelector("footer .brand-name");
     return {
       brandText: brand ? brand.textContent.trim() : null,
       logoAlt: logo ? logo.getAttribute("alt") : null,
       footer: footer ? footer.textContent.trim() : null,
       styles: Array.from(page.querySelectorAll("style"), (s) => s.textContent).join("\\n"),
     };`,
  );
}

/** Sets a text field's value by typing, after clearing it. */
async function typeInto(app, id, text) {
  const field = await app.waitForId(id);
  await app.session.clear(field);
  await app.session.sendKeys(field, text);
  await app.waitFor(async () => (await app.session.property(field, "value")) === text, {
    what: `“${text}” in ${tid(id)}`,
  });
}

test("branding set in the dialog shows its contrast warning and reaches the preview", { timeout: 300_000 }, async (t) => {
  const app = await App.launch("branding");
  const step = stepper(t, app);
  try {
    await step("open the example and the Branding dialog", async () => {
      await app.clickId("open-example", { timeout: 60_000 });
      await app.waitFor(async () => ((await app.editorText()) ?? "").length > 0, {
        timeout: 60_000,
        what: "the example's document in the editor",
      });
      await app.clickId("open-branding");
      const organisation = await app.waitForId("branding-organisation", { timeout: 15_000 });
      await app.waitFor(async () => (await app.session.property(organisation, "readOnly")) === false, {
        what: "the branding to load",
      });
      assert.equal(
        await app.session.executeScript(`return document.activeElement?.getAttribute("data-testid")`),
        "branding-organisation",
        "the organisation's name has the focus",
      );
      await app.shot("branding-dialog-open");
    });

    await step("set the organisation, a too-light accent, the font and the logo", async () => {
      await typeInto(app, "branding-organisation", ORGANISATION);
      await typeInto(app, "branding-accent", LIGHT_ACCENT);
      assert.equal(
        await app.session.property(await app.find("branding-accent-picker"), "value"),
        LIGHT_ACCENT,
        "the colour picker follows the text field",
      );
      await app.session.executeScript(
        `const select = document.querySelector('[data-testid="branding-font"]');
         select.value = "atkinson";
         select.dispatchEvent(new Event("change", { bubbles: true }));`,
      );
      await app.waitFor(async () => /low vision/.test(await app.session.text(await app.session.find("#branding-font-about"))), {
        what: "the Atkinson Hyperlegible description",
      });

      await app.answerDialog(LOGO);
      await app.clickId("branding-choose-logo");
      await app.waitFor(() => app.dialogAnswered(), { what: "the app to read the scripted open dialog" });
      await app.waitForId("branding-logo", { timeout: 30_000 });
      const logo = await app.session.executeScript(
        `const img = document.querySelector('[data-testid="branding-logo"] img');
         return img ? { alt: img.getAttribute("alt"), src: img.getAttribute("src").slice(0, 22), loaded: img.naturalWidth } : null;`,
      );
      assert.ok(logo, "the dialog shows the logo");
      assert.equal(logo.alt, `The logo of ${ORGANISATION}`);
      assert.equal(logo.src, "data:image/png;base64,");
      assert.match(await app.textOf("branding-logo"), /600 × 160 pixels/, "the logo was scaled to at most 600 × 300");
    });

    let used = "";
    await step("save: the dialog says the accent has too little contrast and which colour is used", async () => {
      await app.clickId("save-branding");
      await app.waitForId("branding-contrast", { timeout: 30_000 });
      const line = await app.textOf("contrast-accent");
      const m = new RegExp(`${LIGHT_ACCENT} has too little contrast on white; (#[0-9a-f]{6}) will be used`).exec(line);
      assert.ok(m, `the warning names both colours: “${line}”`);
      used = m[1];
      assert.notEqual(used, LIGHT_ACCENT);
      const swatches = await app.session.executeScript(
        `return Array.from(document.querySelectorAll('[data-testid="contrast-accent"] .swatch'), (s) => getComputedStyle(s).backgroundColor);`,
      );
      const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
      assert.deepEqual(swatches, [rgb(LIGHT_ACCENT), rgb(used)], "a swatch of the chosen and of the used colour");
      assert.equal(await app.textOf("branding-saved"), "Branding saved. Some colours are replaced; see below.");
      await app.shot("branding-contrast-warning");

      await app.clickId("branding-close");
      await app.waitFor(async () => (await app.session.findAll("dialog[open]")).length === 0, {
        what: "the dialog to close",
      });
    });

    await step("the web page preview shows the organisation, the logo, the used accent and the font", async () => {
      await app.clickId("tab-html");
      let seen = null;
      await app.waitFor(async () => (seen = await previewBranding(app))?.footer === ORGANISATION, {
        timeout: 60_000,
        what: `“${ORGANISATION}” in the web page's footer (it shows ${JSON.stringify(seen && { ...seen, styles: undefined })})`,
      });
      assert.equal(seen.logoAlt, ORGANISATION, "the logo above the title is described by the organisation's name");
      assert.ok(seen.styles.includes(`--accent: ${used}`), `the page uses the accessible accent ${used}`);
      assert.ok(!seen.styles.includes(LIGHT_ACCENT), "the too-light accent is never published");
      assert.match(seen.styles, /font-family: "Atkinson Hyperlegible"/, "the page asks for Atkinson Hyperlegible first");
      await app.shot("branding-html-preview");
    });
  } finally {
    await app.close();
  }
});
