// The Gaps tab and the Problems list's "Compare…" (in jsdom, with the commands mocked).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount, type Component } from "svelte";
import type { FixItem, GapView, ProblemItem } from "../api/types";

const TEXT = [
  "---",
  "title: Example-1 explained",
  "sources:",
  "  - id: card",
  "    file: card.md",
  "---",
  "",
  "In tests, 12% of attacks succeeded ([card](source:card#sec-cyber-p1)).",
  "",
].join("\n");
const LINK = "[card](source:card#sec-cyber-p1)";
const START = new TextEncoder().encode(TEXT.slice(0, TEXT.indexOf(LINK))).length;

const VIEW: GapView = {
  report: {
    format: "candor-gaps/1",
    document: "doc",
    title: "Example-1 explained",
    counts: { risks: 2, specified_risks: 1, risk_sections: 1, fields: 1, figures: 0, citations: 0, uncited: 0, stale: 1, missing_sources: 0 },
    risks: [
      { category: "cbrn", name: "Weapons that harm many", specified: true, discussed_in: [] },
      { category: "non-discrimination", name: "Discrimination", specified: false, discussed_in: ["Example-1 model card: “Bias”"] },
    ],
    sources: [
      {
        source: "card",
        title: "Example-1 model card",
        file: "card.md",
        sections_drawn_on: 1,
        sections: [
          { id: "sec-cyber", name: "Cyber security", level: 3, page: null, passages: 1, cited_passages: 1, drawn_on: true, risks: ["Cyber attacks"], mitigations: [], left_out_on_purpose: false },
          { id: "sec-bias", name: "Bias", level: 3, page: null, passages: 1, cited_passages: 0, drawn_on: false, risks: ["Discrimination"], mitigations: [], left_out_on_purpose: false },
        ],
        fields_left_out: [
          { field: "eu-licence", framework: "EU form 3", label: "Licence", passage: "sec-details-p2", section: "Model details", excerpt: "License: Apache 2.0", left_out_on_purpose: false },
        ],
      },
    ],
    figures: [],
    citations: [],
    uncited: [],
    stale: [
      {
        citation: {
          citation: "card#sec-cyber-p1",
          source: "card",
          passage: "sec-cyber-p1",
          change: "changed",
          old_text: "The study found that 12% of attempts succeeded.",
          new_text: "The study found that 15% of attempts succeeded.",
          new_passage: "sec-cyber-p1",
          start: START,
          end: START + LINK.length,
        },
        line: 8,
        column: 37,
        quote: LINK,
      },
    ],
    missing_sources: [],
  },
  compared: [
    {
      before: [
        { text: "The study found that ", changed: false },
        { text: "12", changed: true },
        { text: "% of attempts succeeded.", changed: false },
      ],
      now: [
        { text: "The study found that ", changed: false },
        { text: "15", changed: true },
        { text: "% of attempts succeeded.", changed: false },
      ],
      words_added: 1,
      words_removed: 1,
    },
  ],
};

const EMPTY: GapView = {
  report: {
    ...VIEW.report,
    counts: { risks: 0, specified_risks: 0, risk_sections: 0, fields: 0, figures: 0, citations: 0, uncited: 0, stale: 0, missing_sources: 0 },
    risks: [],
    sources: [{ ...VIEW.report.sources[0], sections: [], fields_left_out: [] }],
    stale: [],
  },
  compared: [],
};

let confirmed = false;
vi.mock("../api/commands", () => ({
  identity: vi.fn(async () => null),
  gapReport: vi.fn(async () => (confirmed ? EMPTY : VIEW)),
  confirmCitation: vi.fn(async () => {
    confirmed = true;
    return 1;
  }),
  saveGapReport: vi.fn(async () => "/tmp/doc-gaps.pdf"),
}));

import * as api from "../api/commands";
import { review } from "../lib/review.svelte";
import { session } from "../lib/session.svelte";
import GapsPanel from "./GapsPanel.svelte";
import ProblemList from "./ProblemList.svelte";

let target: HTMLElement;
let instance: ReturnType<typeof mount> | null = null;
const q = <E extends Element>(css: string) => target.querySelector<E>(css);
const qa = <E extends Element>(css: string) => [...target.querySelectorAll<E>(css)];
const words = (el: Element | null) => el?.textContent?.replace(/\s+/g, " ").trim() ?? "";

function show<P extends Record<string, unknown>>(component: Component<P>, props: P) {
  target = document.createElement("div");
  document.body.append(target);
  instance = mount(component, { target, props });
  flushSync();
}

const handlers = () => ({
  ongoto: vi.fn(),
  onfix: vi.fn((_fix: FixItem) => true),
  onaddcard: vi.fn(),
  onshowsource: vi.fn(),
  focus: null,
});

beforeEach(() => {
  confirmed = false;
  session.document = { id: "doc", title: "Example-1 explained", text: TEXT, latest_version: 1, recovered_from: null };
  session.text = TEXT;
  session.project = {
    name: "p",
    path: "/p.candor",
    sources: [{ id: "card", title: "Example-1 model card", file_name: "card.md" }],
    documents: [],
  } as unknown as typeof session.project;
  review.latestText = TEXT;
  Element.prototype.scrollIntoView ??= function () {};
});

afterEach(() => {
  if (instance) unmount(instance);
  instance = null;
  target?.remove();
  vi.clearAllMocks();
});

describe("GapsPanel", () => {
  it("reads the editor's text and lists every kind of gap, with headings and a summary", async () => {
    const h = handlers();
    show(GapsPanel, h);
    await vi.waitFor(() => expect(q('[data-testid="gaps-summary"]')).not.toBeNull());
    expect(api.gapReport).toHaveBeenCalledWith("doc", TEXT);
    expect(words(q('[data-testid="gaps-summary"]'))).toBe("5 things to look at in this document.");
    expect(qa("h3").map((h3) => words(h3))).toEqual([
      "Changed sources 1",
      "Risks without a card 2",
      "What the sources say that the document does not use 2",
      "Figures not found in the sources",
      "Citations to check",
      "Figures without a citation",
    ]);
    const risks = qa('[data-testid="gaps-risk"]').map(words);
    expect(risks[0]).toContain("Weapons that harm many Specified risk");
    expect(risks[0]).toContain("The sources do not discuss it.");
    expect(risks[1]).toContain("Discussed in: Example-1 model card: “Bias”");
    expect(words(q('[data-testid="gaps-section-gap"]'))).toContain("Bias Not cited Discrimination");
    expect(words(q('[data-testid="gaps-field"]'))).toContain("Licence EU form 3 “License: Apache 2.0” in “Model details”");
    expect(words(q('[data-testid="gaps-figures"]'))).toBe("");
    expect(target.textContent).toContain("Every figure was found in the sources.");

    // Adding a card and showing a section in the reader go to the parent.
    q<HTMLButtonElement>('[data-testid="gaps-add-card"]')!.click();
    expect(h.onaddcard).toHaveBeenCalledWith("cbrn", "Weapons that harm many");
    q<HTMLButtonElement>('[data-testid="gaps-section-gap"] button')!.click();
    expect(h.onshowsource).toHaveBeenCalledWith("card", "card.md", { section: "sec-bias" });
    q<HTMLButtonElement>('[data-testid="gaps-field"] button')!.click();
    expect(h.onshowsource).toHaveBeenLastCalledWith("card", "card.md", { passage: "sec-details-p2" });
  });

  it("shows a changed passage before and now, the changed words marked for everyone", async () => {
    const h = handlers();
    show(GapsPanel, h);
    await vi.waitFor(() => expect(q('[data-testid="gaps-stale-item"]')).not.toBeNull());
    const item = q('[data-testid="gaps-stale-item"]')!;
    expect(words(item.querySelector("h4"))).toContain("The cited passage changed");
    expect(words(q('[data-testid="gaps-stale-sentence"]'))).toBe("“In tests, 12% of attacks succeeded (card).”");
    const before = q('[data-testid="gaps-before"]')!;
    const now = q('[data-testid="gaps-now"]')!;
    expect(words(before.querySelector("h5"))).toBe("Before");
    expect(words(now.querySelector("h5"))).toBe("Now");
    // Screen readers hear "removed:" and "added:"; everyone sees the strike-through and underline.
    expect(words(before.querySelector("del"))).toBe("removed: 12");
    expect(words(now.querySelector("ins"))).toBe("added: 15");
    expect(q('[data-testid="gaps-cite-new"]')).toBeNull();

    q<HTMLButtonElement>('[data-testid="gaps-goto-text"]')!.click();
    expect(h.ongoto).toHaveBeenCalledWith(START, START + LINK.length);
  });

  it("confirms a citation, then reads the report again and refreshes the problems", async () => {
    const refresh = vi.spyOn(session, "refreshPreview").mockImplementation(() => {});
    const notify = vi.spyOn(session, "notify").mockImplementation(() => {});
    show(GapsPanel, handlers());
    await vi.waitFor(() => expect(q('[data-testid="gaps-confirm"]')).not.toBeNull());
    const confirm = q<HTMLButtonElement>('[data-testid="gaps-confirm"]')!;
    expect(confirm.getAttribute("aria-label")).toBe("The sentence on line 8 still holds: confirm the citation card#sec-cyber-p1");
    confirm.click();
    await vi.waitFor(() => expect(q('[data-testid="gaps-stale-item"]')).toBeNull());
    expect(api.confirmCitation).toHaveBeenCalledWith("doc", "card#sec-cyber-p1", session.text);
    expect(refresh).toHaveBeenCalled();
    expect(target.textContent).toContain("No cited passage changed since it was cited");
    expect(target.textContent).toContain("Every specified risk, and every risk the sources discuss, has a card.");
    expect(words(q('[data-testid="gaps-summary"]'))).toContain("Nothing left out: every specified risk has a card");
    refresh.mockRestore();
    notify.mockRestore();
  });

  it("offers to cite the new id of a passage that moved", async () => {
    const moved: GapView = {
      ...VIEW,
      report: {
        ...VIEW.report,
        stale: [{ ...VIEW.report.stale[0], citation: { ...VIEW.report.stale[0].citation, change: "moved", new_passage: "sec-risks-p4", new_text: VIEW.report.stale[0].citation.old_text } }],
      },
    };
    vi.mocked(api.gapReport).mockResolvedValueOnce(moved);
    const h = handlers();
    show(GapsPanel, h);
    await vi.waitFor(() => expect(q('[data-testid="gaps-cite-new"]')).not.toBeNull());
    expect(target.textContent).toContain("Same words, now under the id sec-risks-p4.");
    q<HTMLButtonElement>('[data-testid="gaps-cite-new"]')!.click();
    const fix = h.onfix.mock.calls[0][0];
    expect(fix.replacement).toBe("sec-risks-p4");
    expect(new TextDecoder().decode(new TextEncoder().encode(TEXT).slice(fix.start, fix.end))).toBe("sec-cyber-p1");
  });
});

describe("ProblemList", () => {
  it("offers Compare… for a citation of a changed passage, Show in Gaps for what the sources say", () => {
    const changed: ProblemItem = {
      severity: "warning",
      code: "source/changed-since-cited",
      message: "The source changed since this was written.",
      hints: [],
      line: 8,
      column: 37,
      start: START,
      end: START + LINK.length,
      fix: null,
    };
    const coverage = { ...changed, severity: "info", code: "coverage/risk-sections-not-used" };
    const ongaps = vi.fn();
    show(ProblemList, { problems: [changed, { ...changed, code: "plain/jargon" }, coverage], ongaps });
    const buttons = qa<HTMLButtonElement>('[data-testid="compare-source"]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].textContent?.trim()).toBe("Compare…");
    buttons[0].click();
    expect(ongaps).toHaveBeenCalledWith(changed);
    const more = qa<HTMLButtonElement>('[data-testid="show-gaps"]');
    expect(more.map((b) => b.textContent?.trim())).toEqual(["Show in Gaps"]);
    more[0].click();
    expect(ongaps).toHaveBeenLastCalledWith(coverage);
  });
});
