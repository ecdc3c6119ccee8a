// The Removals log dialog (in jsdom, with the commands mocked) and its logic.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, tick, unmount } from "svelte";
import type { RemovalItem } from "../api/types";

const FIRST: RemovalItem = {
  id: "r1",
  document: "doc",
  what: "The red-team prompts",
  why: "security",
  reason: "They would teach misuse.",
  decided_by: "Sam Author",
  decided_by_role: "Policy",
  decided_at: "2026-05-02T09:00:00Z",
  source: "report",
  passage: "sec-7-3-p1",
  withdrawn_at: null,
  active: true,
};

vi.mock("../api/commands", () => ({
  identity: vi.fn(async () => null),
  removals: vi.fn(async () => [FIRST]),
  recordRemoval: vi.fn(
    async (id: string, what: string, why: string, reason: string, source: string | null, passage: string | null) => ({
      ...FIRST,
      id: "r2",
      document: id,
      what,
      why,
      reason,
      source,
      passage,
      decided_at: "2026-05-03T10:00:00Z",
    }),
  ),
  withdrawRemoval: vi.fn(async (id: string) => ({ ...FIRST, id, active: false, withdrawn_at: "2026-05-04T08:00:00Z" })),
}));

import * as api from "../api/commands";
import { counts, emptyForm, formProblem, formToSend, when } from "../lib/removals";
import { session } from "../lib/session.svelte";
import RemovalsDialog from "./RemovalsDialog.svelte";

describe("removals logic", () => {
  it("needs what was left out, and a reason for other grounds", () => {
    expect(formProblem(emptyForm())).toBe("what");
    expect(formProblem({ ...emptyForm(), what: "x" })).toBeNull();
    expect(formProblem({ ...emptyForm(), what: "x", why: "other" })).toBe("reason");
    expect(formProblem({ ...emptyForm(), what: "x", why: "other", reason: "because" })).toBeNull();
  });

  it("sends trimmed values, a passage only with its source", () => {
    const form = { what: " x ", why: "commercial" as const, reason: " r ", source: "", passage: "p1" };
    expect(formToSend(form)).toEqual(["x", "commercial", "r", null, null]);
    expect(formToSend({ ...form, source: "report" })).toEqual(["x", "commercial", "r", "report", "p1"]);
    expect(counts([FIRST, { ...FIRST, active: false }])).toEqual({ active: 1, withdrawn: 1 });
    expect(when("2026-05-02T09:00:00Z")).toBe("2026-05-02 09:00");
  });
});

describe("RemovalsDialog", () => {
  let target: HTMLElement;
  let instance: ReturnType<typeof mount> | null = null;
  const q = <E extends Element>(css: string) => document.querySelector<E>(css);

  beforeAll(() => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
  });

  beforeEach(() => {
    session.document = { id: "doc", title: "Doc", text: "text", latest_version: 2, recovered_from: null };
    session.project = {
      name: "p",
      path: "/p.candor",
      sources: [{ id: "report", title: "Model report" }],
      documents: [],
    } as unknown as typeof session.project;
    session.notices = [];
    vi.clearAllMocks();
  });

  afterEach(() => {
    if (instance) unmount(instance);
    instance = null;
    document.body.innerHTML = "";
  });

  async function open(onclose = vi.fn()) {
    target = document.createElement("div");
    document.body.append(target);
    instance = mount(RemovalsDialog, { target, props: { onclose } });
    flushSync();
    await tick();
    await tick();
    flushSync();
    return onclose;
  }

  it("lists the log with what, why, who and when, and says it is never published", async () => {
    await open();
    expect(api.removals).toHaveBeenCalledWith("doc");
    expect(q("[data-testid=removals-never]")?.textContent).toContain("never published");
    const item = q("[data-testid=removal-r1]")!;
    expect(item.textContent).toContain("The red-team prompts");
    expect(item.textContent).toContain("They would teach misuse.");
    expect(item.textContent).toContain("Security");
    expect(item.textContent).toContain("Sam Author (Policy) · 2026-05-02 09:00");
    expect(item.textContent).toContain("From Model report, passage sec-7-3-p1");
    expect(q("[data-testid=removals-count]")?.textContent).toBe("1 active, 0 withdrawn");
  });

  it("records a removal and refuses an incomplete one", async () => {
    await open();
    q<HTMLButtonElement>("[data-testid=removal-add]")!.click();
    await tick();
    expect(api.recordRemoval).not.toHaveBeenCalled();
    expect(q("[data-testid=removal-what]")?.getAttribute("aria-invalid")).toBe("true");

    const what = q<HTMLTextAreaElement>("[data-testid=removal-what]")!;
    what.value = "Training cost";
    what.dispatchEvent(new Event("input"));
    q<HTMLInputElement>("[data-testid=removal-why-other]")!.click();
    flushSync();
    q<HTMLButtonElement>("[data-testid=removal-add]")!.click();
    await tick();
    flushSync();
    expect(api.recordRemoval).not.toHaveBeenCalled();
    expect(document.body.textContent).toContain("Give the reason for leaving it out.");

    const reason = q<HTMLTextAreaElement>("[data-testid=removal-reason]")!;
    reason.value = "Price negotiations";
    reason.dispatchEvent(new Event("input"));
    flushSync();
    q<HTMLButtonElement>("[data-testid=removal-add]")!.click();
    await tick();
    await tick();
    flushSync();
    expect(api.recordRemoval).toHaveBeenCalledWith("doc", "Training cost", "other", "Price negotiations", null, null);
    expect(q("[data-testid=removal-r2]")?.textContent).toContain("Training cost");
    expect(q("[data-testid=removals-count]")?.textContent).toBe("2 active, 0 withdrawn");
    expect(q<HTMLTextAreaElement>("[data-testid=removal-what]")?.value).toBe("");
  });

  it("withdraws a removal, which stays in the log", async () => {
    await open();
    q<HTMLButtonElement>("[data-testid=withdraw-r1]")!.click();
    await tick();
    await tick();
    flushSync();
    expect(api.withdrawRemoval).toHaveBeenCalledWith("r1");
    expect(q("[data-testid=removal-r1]")?.classList.contains("withdrawn")).toBe(true);
    expect(q("[data-testid=removal-withdrawn]")?.textContent).toContain("Withdrawn 2026-05-04 08:00");
    expect(q("[data-testid=withdraw-r1]")).toBeNull();
    expect(q("[data-testid=removals-count]")?.textContent).toBe("0 active, 1 withdrawn");
  });
});
