// The whole path of a companion document through the real window: create a project, import a
// corpus model card and a corpus PDF, create a document from a starter, write a paragraph and
// see the preview follow, cite a passage, save a version, export PDF and HTML, close the
// project, reopen it from the recent list and find everything again.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { App, corpusOrSkip, stepper, tid } from "./app.mjs";
import { Session } from "./webdriver.mjs";

const CARD = "llama-3.1-model-card.md";
const PDF = "fmti-indicators.pdf";

test("project scenario: import, write, cite, version, export, reopen", { timeout: 600_000 }, async (t) => {
  const corpus = corpusOrSkip(t, [CARD, PDF]);
  if (!corpus) return;

  const app = await App.launch("scenario");
  const s = app.session;
  const step = stepper(t, app);
  const project = join(app.files, "Scenario.candor");
  const token = `q${Date.now().toString(36)}`;
  const sentence = `This plain sentence ${token} tells readers what the model does.`;
  const note = `first draft ${token}`;
  const pdfOut = join(app.files, "companion.pdf");
  const htmlOut = join(app.files, "companion.html");
  let citation = null; // { source, passage }
  let citationsBefore = 0;

  const countCitations = (text) => (text.match(/\]\(source:/g) ?? []).length;

  try {
    await step("the welcome screen shows", async () => {
      await app.waitForId("new-project", { timeout: 60_000 });
      await app.shot("welcome");
    });

    await step("a new project is created through the save dialog", async () => {
      await app.answerDialog(project);
      await app.clickId("new-project");
      await app.waitForId("project-name", { timeout: 30_000 });
      assert.ok(app.dialogAnswered(), "the app did not read the scripted save dialog answer");
      assert.ok(existsSync(project), `the project file ${project} was not created`);
      assert.equal(await app.textOf("project-name"), "Scenario");
      await app.shot("new-project");
    });

    await step("a corpus model card and a corpus PDF are imported", async () => {
      await app.answerDialog(join(corpus, CARD), join(corpus, PDF));
      await app.clickId("import");
      const results = await app.waitForId("import-results", { timeout: 120_000 });
      await app.shot("import-results");
      const items = await s.executeScript(`return arguments[0].children.length`, Session.ref(results));
      assert.equal(items, 2, "the import results list two files");
      const text = await s.text(results);
      assert.match(text, new RegExp(CARD.replace(/\./g, "\\.")));
      assert.match(text, new RegExp(PDF.replace(/\./g, "\\.")));
      assert.equal((await s.findAll("li.failed", results)).length, 0, `an import failed:\n${text}`);
      assert.equal((await s.findAll(".status.good", results)).length, 2, `both files are added:\n${text}`);
      await app.closeModal();
      const sources = await app.listItems("source-list");
      assert.equal(sources.length, 2, `two sources in the navigator: ${JSON.stringify(sources)}`);
      assert.ok(sources.some((x) => /PDF/.test(x)), `a PDF source is listed: ${JSON.stringify(sources)}`);
    });

    await step("a document is created from a starter", async () => {
      await app.clickId("new-document");
      await app.clickId("starter-model-report-summary");
      await app.shot("new-document-dialog");
      await app.clickId("create-document");
      await app.waitForId("document-title", { timeout: 60_000 });
      await s.waitForElement(".cm-content");
      await app.waitFor(async () => (await app.editorText())?.length > 0, { what: "the starter text in the editor" });
      const docs = await app.listItems("document-list");
      assert.equal(docs.length, 1, `one document in the navigator: ${JSON.stringify(docs)}`);
      // The first preview of the starter.
      await app.clickId("tab-pages");
      await app.waitFor(async () => (await app.previewHashes()).length > 0, {
        timeout: 90_000,
        what: "the first page preview",
      });
      await app.waitForId("preview-time", { timeout: 60_000 });
      await app.shot("document-created");
    });

    await step("typing a paragraph changes the preview", async () => {
      const before = await app.previewHashes();
      citationsBefore = countCitations(await app.editorText());
      await app.typeAtEnd(sentence);
      await app.waitFor(async () => (await app.editorText()).includes(sentence), {
        what: "the typed sentence in the editor",
      });
      await app.waitFor(
        async () => {
          const now = await app.previewHashes();
          return now.length > 0 && JSON.stringify(now) !== JSON.stringify(before);
        },
        { timeout: 60_000, what: "the page images to change after typing" },
      );
      await app.shot("typed-pages");
      await app.clickId("tab-html");
      const frame = await app.waitForId("html-preview");
      await app.waitFor(async () => String(await s.property(frame, "srcdoc")).includes(sentence), {
        timeout: 60_000,
        what: "the HTML preview to contain the typed sentence",
      });
      await app.shot("typed-html");
      await app.waitFor(async () => (await s.attribute(await app.find("save-state"), "class")).split(/\s+/).includes("saved"), {
        timeout: 30_000,
        what: "the autosave to finish",
      });
    });

    await step("a passage is cited from the Sources tab", async () => {
      await app.clickId("tab-sources");
      await app.waitForId("passages", { timeout: 60_000 });
      const cite = await s.waitForElement(`${tid("passages")} ${tid("cite")}`, { timeout: 30_000 });
      const info = await s.executeScript(
        `const el = arguments[0];
         return { passage: el.closest("[data-passage]").getAttribute("data-passage"),
                  source: document.querySelector('[data-testid="reader-source"]').value };`,
        Session.ref(cite),
      );
      await s.click(cite);
      await app.waitFor(async () => countCitations(await app.editorText()) > citationsBefore, {
        what: "a new ](source: link in the editor",
      });
      const text = await app.editorText();
      assert.ok(text.includes(info.passage), `the citation names the passage ${info.passage}`);
      citation = info;
      const paragraph = text.slice(text.indexOf(sentence)).split(/\n\s*\n/)[0];
      t.diagnostic(`cited ${info.source}#${info.passage}; the typed paragraph is now: ${paragraph}`);
      await app.shot("cited");
    });

    await step("a version is saved with a note", async () => {
      await app.clickId("save-version");
      const input = await app.waitForId("version-note");
      await s.sendKeys(input, note);
      await app.shot("save-version-dialog");
      await app.clickId("confirm-save-version");
      await app.waitFor(async () => (await app.listItems("version-list")).some((v) => v.includes(note)), {
        timeout: 30_000,
        what: "the version list to show the note",
      });
      await app.shot("version-saved");
    });

    await step("the document exports as PDF and as HTML", async () => {
      await app.clickId("export");
      await app.clickId("format-pdf");
      await app.answerDialog(pdfOut);
      await app.clickId("start-export");
      await app.waitFor(async () => existsSync(pdfOut) && (await app.findAll("export-outcome")).length > 0, {
        timeout: 120_000,
        what: `the PDF export to ${pdfOut}`,
      });
      const outcome = await app.textOf("export-outcome");
      assert.ok(outcome.includes("companion.pdf"), `the outcome names the file: ${outcome}`);
      const pdf = await readFile(pdfOut);
      assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-", "the PDF starts with %PDF");
      await app.shot("exported-pdf");

      await app.clickId("format-html");
      await app.answerDialog(htmlOut);
      await app.clickId("start-export");
      await app.waitFor(
        async () => existsSync(htmlOut) && (await app.findAll("export-outcome")).length > 0 && (await app.textOf("export-outcome")).includes("companion.html"),
        { timeout: 120_000, what: `the HTML export to ${htmlOut}` },
      );
      const html = await readFile(htmlOut, "utf8");
      assert.ok(html.includes(sentence), "the exported HTML contains the typed sentence");
      await app.shot("exported-html");
      await app.closeModal();
    });

    await step("the project closes to the welcome screen", async () => {
      await app.clickId("close-project");
      await app.waitForId("new-project");
      await app.waitForId("recent-project");
      await app.shot("closed");
    });

    await step("the project reopens from the recent list with everything in it", async () => {
      let entry = null;
      await app.waitFor(
        async () => {
          for (const el of await app.findAll("recent-project")) {
            // innerText: WebKitWebDriver's Get Element Text leaves out the path, which is
            // shown in a one-line box that ellipsizes long paths.
            if ((await s.executeScript(`return arguments[0].innerText`, Session.ref(el))).includes(project)) {
              entry = el;
              return true;
            }
          }
          return false;
        },
        { what: `${project} in the recent list` },
      );
      await s.click(entry);
      await app.waitForId("project-name", { timeout: 30_000 });
      assert.equal(await app.textOf("project-name"), "Scenario");
      const sources = await app.listItems("source-list");
      assert.equal(sources.length, 2, `both sources are back: ${JSON.stringify(sources)}`);
      const docs = await app.listItems("document-list");
      assert.equal(docs.length, 1, `the document is back: ${JSON.stringify(docs)}`);
      await app.waitForId("document-title", { timeout: 30_000 });
      await app.waitFor(async () => (await app.editorText())?.includes(sentence), {
        timeout: 30_000,
        what: "the typed sentence in the reopened document",
      });
      const text = await app.editorText();
      assert.ok(text.includes(`](source:`), "the reopened text has citations");
      assert.ok(text.includes(citation.passage), `the reopened text keeps the citation of ${citation.passage}`);
      assert.ok(countCitations(text) > citationsBefore, "the added citation is still there");
      const versions = await app.listItems("version-list");
      assert.ok(versions.some((v) => v.includes(note)), `the saved version is listed: ${JSON.stringify(versions)}`);
      await app.clickId("tab-pages");
      await app.waitFor(async () => (await app.previewHashes()).length > 0, { timeout: 90_000, what: "the preview after reopening" });
      await app.shot("reopened");
    });
  } finally {
    await app.close();
  }
});
