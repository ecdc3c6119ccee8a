// Component tests: Editor.svelte with CodeMirror and the risk form, in jsdom. (A .svelte.ts
// file, so that the props can be $state and change while mounted.)
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { EditorView } from "@codemirror/view";
import { forEachDiagnostic } from "@codemirror/lint";
import type { ProblemItem, RiskVocabulary } from "../api/types";
import Editor from "./Editor.svelte";

const VOCABULARY: RiskVocabulary = {
  categories: [
    {
      id: "cbrn",
      name: "Chemical, biological, radiological and nuclear",
      about: "Help towards weapons that can harm many people.",
      reference: null,
      group: "specified",
      specified: true,
    },
    {
      id: "cyber-offence",
      name: "Cyber offence",
      about: "Help with attacks on computer systems.",
      reference: null,
      group: "specified",
      specified: true,
    },
    { id: "election-integrity", name: "Interfering with elections", about: "", reference: null, group: "project", specified: false },
    { id: "privacy", name: "Privacy", about: "Revealing what people want to keep to themselves.", reference: null, group: "broader", specified: false },
    { id: "discrimination", name: "Discrimination", about: "Treating people unfairly.", reference: null, group: "type", specified: false },
  ],
  mitigation_kinds: [
    {
      id: "behaviour-change",
      name: "Behaviour change",
      about: "Training the model to act differently.",
      reference: null,
      group: null,
      specified: false,
    },
    { id: "security", name: "Security", about: "Protecting the model's weights.", reference: null, group: null, specified: false },
  ],
  severities: ["low", "moderate", "high", "critical"],
  likelihood_words: ["likely", "unlikely"],
};

const TEXT = `---
title: Test
sources:
  - id: report
    title: Report
    file: report.pdf
---

# Risks

Intro paragraph.

\`\`\`risk
id: cyber
category: cyber-offence
title: Helping attackers
severity: high  # how bad
mitigations:
  - kind: behaviour-change
    what_we_did: Trained it to refuse.
\`\`\`

The end.
`;

beforeAll(() => {
  // jsdom does no layout; CodeMirror measures with these.
  const rect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) };
  const rects = Object.assign([], { item: () => null });
  Range.prototype.getClientRects ??= () => rects as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => rect as DOMRect;
  document.elementFromPoint ??= () => null;
});

type Instance = ReturnType<typeof Editor>;
let target: HTMLElement;
let instance: Instance | null = null;

interface Setup {
  text?: string;
  problems?: ProblemItem[];
}

function setup({ text = TEXT, problems = [] }: Setup = {}) {
  target = document.createElement("div");
  document.body.append(target);
  const onchange = vi.fn<(text: string) => void>();
  const props = $state({ text, docKey: "doc-1", problems, vocabulary: VOCABULARY, onchange });
  instance = mount(Editor, { target, props });
  flushSync();
  const view = EditorView.findFromDOM(target.querySelector(".cm-editor") as HTMLElement);
  if (!view) throw new Error("no CodeMirror view");
  return { editor: instance, view, onchange, props };
}

function putCursor(view: EditorView, pos: number) {
  view.dispatch({ selection: { anchor: pos } });
  flushSync();
}

function form(): HTMLElement | null {
  return target.querySelector('[data-testid="risk-form"]');
}

function field(labelText: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const label = [...target.querySelectorAll("label")].find((l) => l.textContent?.trim() === labelText);
  if (!label) throw new Error(`no label ${labelText}`);
  const control = document.getElementById(label.htmlFor);
  if (!control) throw new Error(`label ${labelText} points at nothing`);
  return control as HTMLInputElement;
}

function type(control: HTMLInputElement | HTMLTextAreaElement, value: string) {
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
}

function choose(control: HTMLSelectElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event("change", { bubbles: true }));
  flushSync();
}

afterEach(() => {
  if (instance) unmount(instance);
  instance = null;
  target?.remove();
});

describe("Editor", () => {
  it("shows the text in an accessible CodeMirror editor with a toolbar", () => {
    const { view } = setup();
    expect(view.state.doc.toString()).toBe(TEXT);
    const content = target.querySelector(".cm-content") as HTMLElement;
    expect(content.getAttribute("aria-label")).toBe("Companion document text");
    const toolbar = target.querySelector('[role="toolbar"]') as HTMLElement;
    const names = [...toolbar.querySelectorAll("button")].map((b) => b.getAttribute("aria-label"));
    expect(names).toEqual(["Undo", "Redo", "Find", "Insert risk"]);
  });

  it("inserts at the cursor, replacing the selection, and reports the change", () => {
    const { editor, view, onchange } = setup({ text: "Hello world" });
    view.dispatch({ selection: { anchor: 6, head: 11 } });
    editor.insertAtCursor("there");
    expect(view.state.doc.toString()).toBe("Hello there");
    expect(editor.getText()).toBe("Hello there");
    expect(onchange).toHaveBeenLastCalledWith("Hello there");
    expect(view.state.selection.main.head).toBe(11);
    expect(view.hasFocus || document.activeElement === view.contentDOM).toBe(true);
  });

  it("undoes and redoes, from the API and the toolbar", () => {
    const { editor, view, onchange } = setup({ text: "abc" });
    putCursor(view, 3);
    editor.insertAtCursor("def");
    flushSync();
    const undoButton = target.querySelector('[data-testid="editor-undo"]') as HTMLButtonElement;
    expect(undoButton.getAttribute("aria-disabled")).toBe("false");
    expect(editor.undo()).toBe(true);
    expect(view.state.doc.toString()).toBe("abc");
    expect(onchange).toHaveBeenLastCalledWith("abc");
    (target.querySelector('[data-testid="editor-redo"]') as HTMLButtonElement).click();
    expect(view.state.doc.toString()).toBe("abcdef");
    undoButton.click();
    flushSync();
    expect(view.state.doc.toString()).toBe("abc");
    expect(undoButton.getAttribute("aria-disabled")).toBe("true");
  });

  it("replaces the text and forgets the undo history when docKey changes", () => {
    const { editor, view, props, onchange } = setup({ text: "first" });
    putCursor(view, 5);
    editor.insertAtCursor("!");
    props.text = "second document";
    flushSync();
    expect(view.state.doc.toString()).toBe("first!");
    props.docKey = "doc-2";
    flushSync();
    expect(view.state.doc.toString()).toBe("second document");
    expect(editor.undo()).toBe(false);
    expect(view.state.doc.toString()).toBe("second document");
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  it("leaves Tab alone, so that it moves the focus on", () => {
    const { view } = setup({ text: "text" });
    view.focus();
    const tab = new KeyboardEvent("keydown", { key: "Tab", code: "Tab", keyCode: 9, bubbles: true, cancelable: true });
    view.contentDOM.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    expect(view.state.doc.toString()).toBe("text");
    const undo = new KeyboardEvent("keydown", { key: "z", code: "KeyZ", keyCode: 90, ctrlKey: true, bubbles: true, cancelable: true });
    view.contentDOM.dispatchEvent(undo);
    expect(undo.defaultPrevented).toBe(true);
  });

  it("opens the find bar", () => {
    const { editor } = setup({ text: "find me" });
    editor.openFind();
    expect(target.querySelector(".cm-search")).not.toBeNull();
  });

  it("shows the risk form only while the cursor is in a risk block", () => {
    const { view } = setup();
    putCursor(view, TEXT.indexOf("Intro"));
    expect(form()).toBeNull();
    putCursor(view, TEXT.indexOf("title: Helping"));
    expect(form()).not.toBeNull();
    expect((field("Title") as HTMLInputElement).value).toBe("Helping attackers");
    expect((field("Category") as HTMLSelectElement).value).toBe("cyber-offence");
    expect((field("Severity") as HTMLSelectElement).value).toBe("high");
    const groups = [...form()!.querySelectorAll("#" + field("Category").id + " optgroup")].map((g) =>
      g.getAttribute("label"),
    );
    // Grouped by where they come from, in a fixed order, each group styled alike.
    expect(groups).toEqual([
      "Specified systemic risks (Code of Practice, Appendix 1.4)",
      "Types of risk (Appendix 1.1)",
      "Raised by civil society",
      "This project's own",
    ]);
    putCursor(view, TEXT.indexOf("The end"));
    expect(form()).toBeNull();
  });

  it("writes a form edit into the block as one undoable change", () => {
    const { editor, view, onchange } = setup();
    putCursor(view, TEXT.indexOf("id: cyber"));
    type(field("Title") as HTMLInputElement, "Helping attackers break in");
    const changed = TEXT.replace("title: Helping attackers\n", "title: Helping attackers break in\n");
    expect(view.state.doc.toString()).toBe(changed);
    expect(onchange).toHaveBeenLastCalledWith(changed);

    choose(field("Severity") as HTMLSelectElement, "critical");
    expect(view.state.doc.toString()).toContain("severity: critical # how bad\n");

    editor.undo();
    expect(view.state.doc.toString()).toBe(changed);
    editor.undo();
    expect(view.state.doc.toString()).toBe(TEXT);
  });

  it("describes the chosen category and mitigation kind under their selects", () => {
    const { view } = setup();
    putCursor(view, TEXT.indexOf("id: cyber"));
    const category = field("Category") as HTMLSelectElement;
    const hint = document.getElementById(category.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent?.trim()).toBe("Help with attacks on computer systems.");
    const options = [...category.querySelectorAll("optgroup")].map((g) => [
      g.getAttribute("label"),
      [...g.querySelectorAll("option")].map((o) => o.value),
    ]);
    expect(options).toEqual([
      ["Specified systemic risks (Code of Practice, Appendix 1.4)", ["cbrn", "cyber-offence"]],
      ["Types of risk (Appendix 1.1)", ["discrimination"]],
      ["Raised by civil society", ["privacy"]],
      ["This project's own", ["election-integrity"]],
    ]);
    // The optgroups carry no class or style of their own: every group looks the same.
    expect([...category.querySelectorAll("optgroup")].every((g) => !g.getAttribute("style"))).toBe(true);

    choose(category, "privacy");
    expect(view.state.doc.toString()).toContain("category: privacy\n");
    expect(hint?.textContent?.trim()).toBe("Revealing what people want to keep to themselves.");
    // A category without a description falls back to the general hint.
    choose(field("Category") as HTMLSelectElement, "election-integrity");
    expect(hint?.textContent?.trim()).toBe("Choose the category that fits best; its description appears here.");

    const kind = field("Kind") as HTMLSelectElement;
    const kindHint = document.getElementById(kind.getAttribute("aria-describedby") ?? "");
    expect(kindHint?.textContent?.trim()).toBe("Training the model to act differently.");
    choose(kind, "security");
    expect(document.getElementById(kind.getAttribute("aria-describedby") ?? "")?.textContent?.trim()).toBe(
      "Protecting the model's weights.",
    );
  });

  it("keeps what is typed in a number field while it has the focus", () => {
    const { view } = setup();
    putCursor(view, TEXT.indexOf("id: cyber"));
    const estimate = field("Estimate") as HTMLInputElement;
    type(estimate, "0.");
    expect(estimate.value).toBe("0.");
    expect(view.state.doc.toString()).toContain("title: Helping attackers\nlikelihood:\n  estimate: 0\nseverity: high");
    type(estimate, "0.05");
    expect(view.state.doc.toString()).toContain("  estimate: 0.05\n");
    type(estimate, "unlikely");
    expect(view.state.doc.toString()).toContain("  estimate: unlikely\n");
    type(estimate, "");
    expect(view.state.doc.toString()).toBe(TEXT);
  });

  it("reports the cursor", () => {
    const oncursor = vi.fn();
    target = document.createElement("div");
    document.body.append(target);
    instance = mount(Editor, {
      target,
      props: { text: TEXT, docKey: "k", problems: [], vocabulary: null, onchange: () => {}, oncursor },
    });
    flushSync();
    const view = EditorView.findFromDOM(target.querySelector(".cm-editor") as HTMLElement)!;
    putCursor(view, TEXT.indexOf("severity"));
    expect(oncursor).toHaveBeenLastCalledWith(
      expect.objectContaining({ line: 17, column: 1, inRiskBlock: true, riskId: "cyber", selected: 0 }),
    );
    putCursor(view, TEXT.indexOf("The end") + 4);
    expect(oncursor).toHaveBeenLastCalledWith(expect.objectContaining({ line: 23, column: 5, inRiskBlock: false }));
    // Without a vocabulary the category is a text field.
    putCursor(view, TEXT.indexOf("id: cyber"));
    expect(field("Category").tagName).toBe("INPUT");
  });

  it("follows text typed in the editor", () => {
    const { view } = setup();
    const at = TEXT.indexOf("Helping attackers") + "Helping attackers".length;
    putCursor(view, at);
    view.dispatch({ changes: { from: at, insert: " and defenders" } });
    flushSync();
    expect((field("Title") as HTMLInputElement).value).toBe("Helping attackers and defenders");
  });

  it("shows a message instead of fields when the YAML is invalid, and writes nothing", () => {
    const broken = TEXT.replace("title: Helping attackers", "title: [Helping attackers");
    const { view, onchange } = setup({ text: broken });
    putCursor(view, broken.indexOf("id: cyber"));
    const message = target.querySelector('[data-testid="risk-form-invalid"]')?.textContent ?? "";
    const line = Number(/line (\d+)/.exec(message)?.[1]);
    expect(line).toBeGreaterThanOrEqual(16); // the document's line, not the block's
    expect(line).toBeLessThanOrEqual(22);
    expect(target.querySelector('[data-testid="risk-form"] input')).toBeNull();
    expect(onchange).not.toHaveBeenCalled();
  });

  it("adds and removes mitigations from the form", () => {
    const { view } = setup();
    putCursor(view, TEXT.indexOf("id: cyber"));
    (target.querySelector('[data-testid="add-mitigation"]') as HTMLButtonElement).click();
    flushSync();
    expect(target.querySelectorAll('[data-testid="mitigation"]')).toHaveLength(2);
    choose(field("Kind") as HTMLSelectElement, "behaviour-change");
    const kinds = [...target.querySelectorAll<HTMLSelectElement>('[data-testid="mitigation"] select')];
    choose(kinds[1], "security");
    expect(view.state.doc.toString()).toContain('  - kind: security\n    what_we_did: ""\n```');
    const remove = target.querySelector('[aria-label="Remove mitigation 1"]') as HTMLButtonElement;
    remove.click();
    flushSync();
    expect(view.state.doc.toString()).not.toContain("Trained it to refuse.");
    expect(target.querySelectorAll('[data-testid="mitigation"]')).toHaveLength(1);
  });

  it("inserts a risk skeleton that opens the form", () => {
    const { view } = setup({ text: "# Risks\n" });
    putCursor(view, 8);
    (target.querySelector('[data-testid="editor-insert-risk"]') as HTMLButtonElement).click();
    flushSync();
    const doc = view.state.doc.toString();
    expect(doc.startsWith("# Risks\n\n```risk\nid: risk-1\ncategory:\n")).toBe(true);
    expect(doc.endsWith("sources: []\n```\n")).toBe(true);
    const sel = view.state.selection.main;
    expect(doc.slice(sel.from, sel.to)).toBe("risk-1");
    expect(form()).not.toBeNull();
  });

  it("cites a source: declares it and inserts the link, undone in one step", () => {
    const { editor, view } = setup();
    putCursor(view, TEXT.indexOf("Intro paragraph") + "Intro paragraph".length);
    editor.cite("the framework", { id: "framework", title: "Framework", file: "framework.pdf" }, "sec-1");
    const doc = view.state.doc.toString();
    expect(doc).toContain("Intro paragraph [the framework](source:framework#sec-1).");
    expect(doc).toContain("    file: report.pdf\n  - id: framework\n    title: Framework\n    file: framework.pdf\n---");
    editor.undo();
    expect(view.state.doc.toString()).toBe(TEXT);
  });

  it("cites into the sources list when the cursor is in a risk block", () => {
    const { editor, view } = setup();
    putCursor(view, TEXT.indexOf("severity"));
    editor.cite("ignored", { id: "framework", title: "Framework", file: "framework.pdf" }, "sec-2");
    const doc = view.state.doc.toString();
    expect(doc).toContain("    what_we_did: Trained it to refuse.\nsources: [framework#sec-2]\n```");
    expect(doc).toContain("  - id: framework\n");
    expect(doc).not.toContain("[ignored]");
    editor.undo();
    expect(view.state.doc.toString()).toBe(TEXT);
  });

  it("shows problems as diagnostics at the right place after non-ASCII text", () => {
    const text = "Grüße 🙂 [x](source:nope#a)\n";
    const target1 = text.indexOf("source:nope#a");
    const start = new TextEncoder().encode(text.slice(0, target1)).length;
    const problem: ProblemItem = {
      severity: "warning",
      code: "citation/unknown-source",
      message: "Unknown source",
      hints: [],
      line: 1,
      column: 1,
      start,
      end: start + "source:nope#a".length,
      fix: null,
    };
    const { view } = setup({ text, problems: [problem] });
    const found: { from: number; to: number; severity: string }[] = [];
    forEachDiagnostic(view.state, (d, from, to) => found.push({ from, to, severity: d.severity }));
    expect(found).toHaveLength(1);
    expect(text.slice(found[0].from, found[0].to)).toBe("source:nope#a");
    expect(found[0].severity).toBe("warning");
  });

  it("applies a fix as one undoable change, and not when the text there changed", () => {
    const text = "Grüße. We used fine-tuning here. Then a few more words follow.\n";
    const start = new TextEncoder().encode(text.slice(0, text.indexOf("fine-tuning"))).length;
    const fix = { label: "Write “extra training”", start, end: start + "fine-tuning".length, replacement: "extra training" };
    const { editor, view, onchange } = setup({ text });
    view.dispatch({ changes: { from: text.length, insert: "More." } });
    expect(editor.applyFix(fix, text)).toBe(true);
    const fixed = "Grüße. We used extra training here. Then a few more words follow.\nMore.";
    expect(view.state.doc.toString()).toBe(fixed);
    expect(onchange).toHaveBeenLastCalledWith(fixed);
    editor.undo();
    expect(view.state.doc.toString()).toBe(text + "More.");
    view.dispatch({ changes: { from: text.indexOf("tuning"), to: text.indexOf("tuning") + 1, insert: "T" } });
    const before = view.state.doc.toString();
    expect(editor.applyFix(fix, text)).toBe(false);
    expect(view.state.doc.toString()).toBe(before);
  });

  it("offers a problem's fix in its tooltip", () => {
    const text = "We used fine-tuning.\n";
    const start = text.indexOf("fine-tuning");
    const problem: ProblemItem = {
      severity: "info",
      code: "plain/jargon",
      message: "Jargon",
      hints: [],
      line: 1,
      column: start + 1,
      start,
      end: start + "fine-tuning".length,
      fix: { label: "Add “(extra training)”", start: start + 11, end: start + 11, replacement: " (extra training)" },
    };
    const { view } = setup({ text, problems: [problem] });
    const actions: { name: string; apply: (view: EditorView, from: number, to: number) => void }[] = [];
    forEachDiagnostic(view.state, (d) => actions.push(...(d.actions ?? [])));
    expect(actions.map((a) => a.name)).toEqual(["Add “(extra training)”"]);
    actions[0].apply(view, start, start + 11);
    expect(view.state.doc.toString()).toBe("We used fine-tuning (extra training).\n");
  });
});
