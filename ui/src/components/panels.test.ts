// Component tests of the Problems and Readability panels and the glossary, risk categories and
// export dialogs, in jsdom.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { flushSync, mount, tick, unmount, type Component } from "svelte";
import type { ProblemItem, ScoreCard } from "../api/types";

vi.mock("../api/commands", () => ({
  projectGlossary: vi.fn(async () => "[old]\nen: old term\nen.def: Old."),
  setProjectGlossary: vi.fn(async (text: string) =>
    text.includes("en.def")
      ? { saved: true, entries: 1, problems: [] }
      : { saved: false, entries: 0, problems: ["line 2: every entry needs a definition (en.def)"] },
  ),
  projectTaxonomy: vi.fn(async () => ""),
  setProjectTaxonomy: vi.fn(async (text: string) =>
    text.includes("en:")
      ? { saved: true, entries: 1, problems: [] }
      : { saved: false, entries: 0, problems: ["line 1: `[categry …]` is neither `[category ID]` nor `[mitigation ID]`"] },
  ),
  riskVocabulary: vi.fn(async () => ({
    categories: [
      { id: "cbrn", name: "Weapons that harm many", about: "Help towards such weapons.", reference: null, group: "specified", specified: true },
      { id: "privacy", name: "Privacy", about: "", reference: null, group: "broader", specified: false },
      { id: "mine", name: "Ours", about: "The project's own.", reference: null, group: "project", specified: false },
    ],
    mitigation_kinds: [{ id: "security", name: "Security", about: "Protecting the weights.", reference: null, group: null, specified: false }],
    severities: [],
    likelihood_words: [],
  })),
}));

import * as api from "../api/commands";
import { session } from "../lib/session.svelte";
import ExportDialog from "./ExportDialog.svelte";
import GlossaryDialog from "./GlossaryDialog.svelte";
import ProblemList from "./ProblemList.svelte";
import ReadabilityPanel from "./ReadabilityPanel.svelte";
import RiskCategoriesDialog from "./RiskCategoriesDialog.svelte";

let target: HTMLElement;
let instance: ReturnType<typeof mount> | null = null;

function show<P extends Record<string, unknown>>(component: Component<P>, props: P) {
  target = document.createElement("div");
  document.body.append(target);
  instance = mount(component, { target, props });
  flushSync();
}

const q = <E extends Element>(css: string) => target.ownerDocument.querySelector<E>(css);

afterEach(() => {
  if (instance) unmount(instance);
  instance = null;
  target?.remove();
});

const PROBLEM: ProblemItem = {
  severity: "info",
  code: "plain/jargon",
  message: "“fine-tuning” is jargon.",
  hints: [],
  line: 3,
  column: 9,
  start: 20,
  end: 31,
  fix: { label: "Add “(extra training for one task)”", start: 31, end: 31, replacement: " (extra training for one task)" },
};

describe("ProblemList", () => {
  it("offers a fix as a button that hands the problem back", () => {
    const onfix = vi.fn();
    show(ProblemList, { problems: [PROBLEM, { ...PROBLEM, fix: null }], onfix });
    const buttons = target.querySelectorAll<HTMLButtonElement>('[data-testid="fix"]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].textContent?.trim()).toBe("Add “(extra training for one task)”");
    buttons[0].click();
    expect(onfix).toHaveBeenCalledWith(PROBLEM);
  });
});

describe("ReadabilityPanel", () => {
  const card: ScoreCard = {
    language: "en",
    target_grade: 9,
    whole: { label: "", start: 0, end: 500, words: 200, sentences: 10, grade: 10.4, above_target: true, scores: [] },
    sections: [
      { label: "What it is", start: 40, end: 200, words: 80, sentences: 5, grade: 7.2, above_target: false, scores: [] },
      { label: "Risks", start: 200, end: 500, words: 120, sentences: 5, grade: 12.8, above_target: true, scores: [] },
    ],
  };

  it("shows the grade against the target, with a marker in words, and goes to a section", () => {
    const ongoto = vi.fn();
    show(ReadabilityPanel, { card, ongoto });
    expect(target.querySelector('[data-testid="readability-main"]')?.textContent).toBe("Grade 10.4");
    expect(target.textContent).toContain("Target: grade 9");
    const rows = [...target.querySelectorAll<HTMLButtonElement>('[data-testid="readability-sections"] button')];
    expect(rows.map((r) => r.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "What it is Grade 7.2 ✓ Within the target 80 words in 5 sentences",
      "Risks Grade 12.8 ▲ Harder than the target 120 words in 5 sentences",
    ]);
    rows[1].click();
    expect(ongoto).toHaveBeenCalledWith(200);
  });

  it("says plainly when the language has no grade formula", () => {
    const scores = [{ formula: "Kandel–Moles", value: 72.4, higher_is_easier: true }];
    const french: ScoreCard = {
      language: "fr",
      target_grade: 9,
      whole: { ...card.whole, grade: null, above_target: false, scores },
      sections: [{ ...card.sections[0], grade: null, above_target: false, scores }],
    };
    show(ReadabilityPanel, { card: french });
    expect(target.querySelector('[data-testid="readability-main"]')?.textContent).toBe("Kandel–Moles 72 (higher is easier)");
    expect(target.querySelector('[data-testid="readability-no-grade"]')?.textContent).toContain("no school-grade formula");
    expect(target.textContent).not.toContain("Harder than the target");
  });
});

describe("GlossaryDialog", () => {
  beforeAll(() => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
  });

  it("lists the problems and stays open, then saves, refreshes the preview and closes", async () => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    const refresh = vi.spyOn(session, "refreshPreview").mockImplementation(() => {});
    const onclose = vi.fn();
    show(GlossaryDialog, { onclose });
    await vi.waitFor(() => expect(api.projectGlossary).toHaveBeenCalled());
    await tick();
    const area = target.ownerDocument.querySelector<HTMLTextAreaElement>('[data-testid="glossary-text"]')!;
    await vi.waitFor(() => expect(area.value).toContain("[old]"));

    area.value = "[new]\nen: new term";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    target.ownerDocument.querySelector<HTMLButtonElement>('[data-testid="save-glossary"]')!.click();
    await vi.waitFor(() =>
      expect(target.ownerDocument.querySelector('[data-testid="glossary-problems"]')?.textContent).toContain("line 2"),
    );
    expect(onclose).not.toHaveBeenCalled();

    area.value = "[new]\nen: new term\nen.def: New.";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    target.ownerDocument.querySelector<HTMLButtonElement>('[data-testid="save-glossary"]')!.click();
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(api.setProjectGlossary).toHaveBeenLastCalledWith("[new]\nen: new term\nen.def: New.");
    expect(refresh).toHaveBeenCalled();
    refresh.mockRestore();
  });
});

describe("RiskCategoriesDialog", () => {
  beforeAll(() => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
  });

  it("is a labelled dialog that focuses the entries and lists the built-in categories by group", async () => {
    show(RiskCategoriesDialog, { onclose: vi.fn() });
    const area = q<HTMLTextAreaElement>('[data-testid="taxonomy-text"]')!;
    await vi.waitFor(() => expect(area.readOnly).toBe(false));
    await tick();
    expect(document.activeElement).toBe(area);
    const dialog = area.closest("dialog")!;
    expect(document.getElementById(dialog.getAttribute("aria-labelledby")!)?.textContent).toBe("Risk categories");
    expect(document.querySelector<HTMLLabelElement>('label[for="taxonomy-text"]')?.textContent).toBe("This project's entries");
    expect(dialog.querySelector(".example")?.textContent).toContain("[category election-integrity]");

    await vi.waitFor(() => expect(q('[data-testid="taxonomy-builtin"]')).not.toBeNull());
    const list = q('[data-testid="taxonomy-builtin"]')!;
    expect([...list.querySelectorAll("h4")].map((h) => h.textContent)).toEqual([
      "Specified systemic risks (Code of Practice, Appendix 1.4)",
      "Raised by civil society",
      "Kinds of mitigation",
    ]);
    const entries = [...list.querySelectorAll(".entry")].map((e) => e.textContent?.replace(/\s+/g, " ").trim());
    expect(entries).toEqual([
      "Weapons that harm many cbrn Help towards such weapons.",
      "Privacy privacy No description.",
      "Security security Protecting the weights.",
    ]);
  });

  it("keeps the text and shows the problems when refused, then saves, reloads and closes", async () => {
    const refresh = vi.spyOn(session, "refreshPreview").mockImplementation(() => {});
    const onclose = vi.fn();
    const onsaved = vi.fn();
    const notify = vi.spyOn(session, "notify").mockImplementation(() => {});
    show(RiskCategoriesDialog, { onclose, onsaved });
    const area = q<HTMLTextAreaElement>('[data-testid="taxonomy-text"]')!;
    await vi.waitFor(() => expect(area.readOnly).toBe(false));

    area.value = "[categry election-integrity]";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    q<HTMLButtonElement>('[data-testid="save-taxonomy"]')!.click();
    await vi.waitFor(() => expect(q('[data-testid="taxonomy-problems"]')?.textContent).toContain("line 1:"));
    expect(q('[data-testid="taxonomy-problems"]')?.getAttribute("role")).toBe("alert");
    expect(area.value).toBe("[categry election-integrity]");
    expect(area.getAttribute("aria-invalid")).toBe("true");
    expect(onclose).not.toHaveBeenCalled();
    expect(onsaved).not.toHaveBeenCalled();

    const good = "[category election-integrity]\nen: Interfering with elections\nen.about: Using the model to mislead voters.";
    area.value = good;
    area.dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    q<HTMLButtonElement>('[data-testid="save-taxonomy"]')!.click();
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(api.setProjectTaxonomy).toHaveBeenLastCalledWith(good);
    expect(onsaved).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalled();
    expect(notify).toHaveBeenCalledWith("success", "Risk categories saved. The risk form offers this project's entry now.");
    refresh.mockRestore();
    notify.mockRestore();
  });

  it("closes on Escape", async () => {
    const onclose = vi.fn();
    show(RiskCategoriesDialog, { onclose });
    const dialog = q<HTMLDialogElement>("dialog")!;
    dialog.dispatchEvent(new Event("cancel", { cancelable: true }));
    expect(onclose).toHaveBeenCalled();
  });
});

describe("ExportDialog", () => {
  it("offers the risk cards as data and to embed, each with a hint", () => {
    show(ExportDialog, { onclose: vi.fn() });
    const choice = (id: string) => {
      const label = q<HTMLInputElement>(`[data-testid="format-${id}"]`)?.closest("label");
      return [label?.querySelector("strong")?.textContent, label?.querySelector(".muted")?.textContent];
    };
    expect(choice("risk-json")).toEqual([
      "Risk cards as data (JSON)",
      "Only the risk cards, as structured data for a risk register or another program.",
    ]);
    expect(choice("risk-html")).toEqual([
      "Risk cards to embed (HTML)",
      "Only the risk cards, as a piece of a web page with its own styles, to paste into a product page.",
    ]);
    expect(choice("pdf")[0]).toBe("PDF (tagged, accessible)");
  });
});
