// Component tests of the review pieces in jsdom: the Review tab, the diff view, the comment,
// identity and publish dialogs, and asking for a name when an action needs one.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, tick, unmount, type Component } from "svelte";
import type { CommentItem, ReviewStatus, VersionDiff } from "../api/types";
import { ApiError } from "../api/bridge";

vi.mock("../api/commands", () => ({
  identity: vi.fn(async () => null),
  setIdentity: vi.fn(async () => undefined),
  reviewStatus: vi.fn(),
  versionText: vi.fn(async () => "text"),
  addComment: vi.fn(),
  resolveComment: vi.fn(async () => undefined),
  decideSuggestions: vi.fn(),
  approveDocument: vi.fn(),
  publishDocument: vi.fn(),
}));

import * as api from "../api/commands";
import { review } from "../lib/review.svelte";
import { session } from "../lib/session.svelte";
import CommentDialog from "./CommentDialog.svelte";
import DiffView from "./DiffView.svelte";
import IdentityDialog from "./IdentityDialog.svelte";
import PublishDialog from "./PublishDialog.svelte";
import ReviewPanel from "./ReviewPanel.svelte";

let target: HTMLElement;
let instances: ReturnType<typeof mount>[] = [];

function show<P extends Record<string, unknown>>(component: Component<P>, props: P) {
  target = document.createElement("div");
  document.body.append(target);
  instances.push(mount(component, { target, props }));
  flushSync();
}

const q = <E extends Element>(css: string) => document.querySelector<E>(css);
const all = (css: string) => [...document.querySelectorAll<HTMLElement>(css)];

beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});

beforeEach(() => {
  session.document = { id: "doc", title: "Doc", text: "text", latest_version: 2, recovered_from: null };
  session.text = "text";
  session.notices = [];
});

afterEach(() => {
  for (const i of instances) unmount(i);
  instances = [];
  document.body.innerHTML = "";
  review.status = null;
  review.latestText = null;
  review.identity = null;
  review.prompt = null;
  session.document = null;
  vi.clearAllMocks();
});

const comment = (over: Partial<CommentItem>): CommentItem => ({
  id: "c1",
  author: "Ana Ruiz",
  author_role: "Legal",
  body: "Plainer, please.",
  created_at: "2026-05-01T10:00:00Z",
  version: 1,
  quote: "confidently wrong",
  location: { kind: "exact", span: { start: 0, end: 4 } },
  suggestion: null,
  decision: null,
  resolved: false,
  reply_to: null,
  ...over,
});

const STATUS: ReviewStatus = {
  document: "doc",
  status: "in-review",
  version: 2,
  sha256: "x",
  summary: "In review. Ana Ruiz approved version 1; the text has changed since.",
  approvals: [{ reviewer: "Ana Ruiz", role: "Legal", at: "2026-05-01T10:00:00Z", version: 1, current: false }],
  comments: [
    comment({ id: "s", suggestion: "wrong while sounding sure" }),
    comment({ id: "o", quote: "describe pictures", location: { kind: "orphaned" }, body: "Which pictures?" }),
    comment({ id: "r", quote: null, location: null, reply_to: "s", body: "Agreed.", author: "Ben Okafor", created_at: "2026-05-02T10:00:00Z" }),
    comment({ id: "done", resolved: true, body: "Old note" }),
  ],
  open_comments: 3,
  open_suggestions: 1,
  orphaned: 1,
  copy: null,
};

function panelProps() {
  return {
    ongoto: vi.fn(),
    onreply: vi.fn(),
    oncommentdocument: vi.fn(),
    onsend: vi.fn(),
    onmerged: vi.fn(),
    oncompare: vi.fn(),
    onpublish: vi.fn(),
  };
}

describe("ReviewPanel", () => {
  it("shows the status, the stale approval, threads, the orphan label and the suggestion", () => {
    review.status = STATUS;
    review.latestText = "text";
    const props = panelProps();
    show(ReviewPanel, props);
    expect(q('[data-testid="review-badge"]')?.textContent).toBe("In review");
    expect(q('[data-testid="approval-stale"]')?.textContent).toContain("for an earlier version — the text has changed since");
    // Top-level open comments; the reply sits under its parent; the resolved one is folded away.
    expect(all('[data-testid="review-comment"]')).toHaveLength(2);
    const reply = q('[data-testid="review-reply"]')!;
    expect(reply.closest(".thread")?.querySelector('[data-testid="comment-suggestion"]')).not.toBeNull();
    expect(q('[data-testid="comment-orphaned"]')?.textContent).toContain("no longer in the text");
    const suggestion = q('[data-testid="comment-suggestion"]')!;
    expect(suggestion.querySelector("del")?.textContent).toContain("confidently wrong");
    expect(suggestion.querySelector("ins")?.textContent).toContain("wrong while sounding sure");
    expect(all('[data-testid="comment-accept"]')).toHaveLength(1);

    q<HTMLButtonElement>('[data-testid="review-show-settled"]')!.click();
    flushSync();
    expect(document.body.textContent).toContain("Old note");

    q<HTMLButtonElement>('[data-testid="comment-quote-link"]')!.click();
    expect(props.ongoto).toHaveBeenCalledWith(expect.objectContaining({ id: "s" }));
    q<HTMLButtonElement>('[data-testid="comment-reply"]')!.click();
    expect(props.onreply).toHaveBeenCalled();
  });

  it("hides sending, merging and publishing in a review copy", () => {
    review.status = {
      ...STATUS,
      copy: { id: "k", document: "doc", version: 1, reviewer: "Ana Ruiz", sent_at: "2026-05-01T10:00:00Z", sent_by: "Dana" },
    };
    show(ReviewPanel, panelProps());
    expect(q('[data-testid="review-send"]')).toBeNull();
    expect(q('[data-testid="review-merge"]')).toBeNull();
    expect(q('[data-testid="review-publish"]')).toBeNull();
    expect(q('[data-testid="review-accept-all"]')).toBeNull();
    expect(q('[data-testid="comment-accept"]')).toBeNull();
    expect(q('[data-testid="review-approve"]')).not.toBeNull();
  });

  it("asks for a name when approving needs one, then approves", async () => {
    review.status = STATUS;
    review.latestText = "text";
    vi.mocked(api.approveDocument)
      .mockRejectedValueOnce(new ApiError("invalid-input", "say who you are first: no name is saved"))
      .mockResolvedValueOnce({ reviewer: "Dana", role: "", at: "2026-05-03T10:00:00Z", version: 2, current: true });
    vi.mocked(api.reviewStatus).mockResolvedValue({ ...STATUS, status: "approved" });
    show(ReviewPanel, panelProps());
    q<HTMLButtonElement>('[data-testid="review-approve"]')!.click();
    await vi.waitFor(() => expect(review.prompt).not.toBeNull());
    const prompt = review.prompt!;
    show(IdentityDialog, { needed: true, onsaved: prompt.saved, onclose: prompt.cancelled });
    expect(document.body.textContent).toContain("Say who you are first");
    const name = q<HTMLInputElement>('[data-testid="identity-name"]')!;
    name.value = "Dana";
    name.dispatchEvent(new Event("input"));
    q<HTMLFormElement>("#identity-form")!.requestSubmit();
    await vi.waitFor(() => expect(api.approveDocument).toHaveBeenCalledTimes(2));
    expect(api.setIdentity).toHaveBeenCalledWith({ name: "Dana", role: "", email: "" });
    await vi.waitFor(() => expect(review.status?.status).toBe("approved"));
  });

  it("will not accept suggestions over unsaved changes", async () => {
    review.status = STATUS;
    review.latestText = "saved text";
    session.text = "edited text";
    show(ReviewPanel, panelProps());
    q<HTMLButtonElement>('[data-testid="review-accept-all"]')!.click();
    await tick();
    expect(api.decideSuggestions).not.toHaveBeenCalled();
    expect(session.notices.map((n) => n.text).join()).toContain("Save a version first");
  });
});

describe("DiffView", () => {
  const diff: VersionDiff = {
    document: "doc",
    from: { number: 1, at: "", kind: "save", note: "", restored_from: null },
    to: { number: 2, at: "", kind: "save", note: "", restored_from: null },
    runs: [
      { kind: "equal", text: "It can be " },
      { kind: "deleted", text: "confidently wrong" },
      { kind: "inserted", text: "wrong while sounding sure" },
      { kind: "equal", text: "." },
    ],
    rows: [
      {
        left: { number: 1, parts: [{ text: "It can be ", changed: false }, { text: "confidently wrong", changed: true }], changed: true },
        right: { number: 1, parts: [{ text: "It can be ", changed: false }, { text: "wrong while sounding sure", changed: true }], changed: true },
      },
    ],
    words_added: 4,
    words_removed: 2,
    identical: false,
  };

  it("marks deleted and inserted words with labels screen readers announce", () => {
    show(DiffView, { diff, mode: "inline" as const });
    const inline = q('[data-testid="diff-inline"]')!;
    expect(inline.querySelector("del")?.textContent).toBe("deleted: confidently wrong");
    expect(inline.querySelector("ins")?.textContent).toBe("inserted: wrong while sounding sure");
    expect(inline.querySelector("del .visually-hidden")).not.toBeNull();
  });

  it("shows the versions side by side", () => {
    show(DiffView, { diff, mode: "side" as const });
    const side = q('[data-testid="diff-side"]')!;
    expect(side.querySelector("th")?.textContent).toBe("v1");
    expect(side.querySelector("td.left del")?.textContent).toContain("confidently wrong");
    expect(side.querySelector("td.right ins")?.textContent).toContain("wrong while sounding sure");
  });
});

describe("CommentDialog", () => {
  it("sends the quote, its occurrence and the suggested words", async () => {
    vi.mocked(api.addComment).mockResolvedValue(comment({}));
    vi.mocked(api.reviewStatus).mockResolvedValue(STATUS);
    const onclose = vi.fn();
    show(CommentDialog, { target: { quote: "the cat", occurrence: 2, total: 2 }, onclose });
    expect(q('[data-testid="comment-quote"]')?.textContent).toBe("the cat");
    expect(document.body.textContent).toContain("appearance 2 of 2");
    const body = q<HTMLTextAreaElement>('[data-testid="comment-body"]')!;
    body.value = "Which cat?";
    body.dispatchEvent(new Event("input"));
    q<HTMLInputElement>('[data-testid="comment-suggest"]')!.click();
    flushSync();
    const suggestion = q<HTMLTextAreaElement>('[data-testid="comment-suggestion"]')!;
    expect(suggestion.value).toBe("the cat");
    suggestion.value = "the black cat";
    suggestion.dispatchEvent(new Event("input"));
    q<HTMLFormElement>("#comment-form")!.requestSubmit();
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(api.addComment).toHaveBeenCalledWith("doc", "the cat", 2, "Which cat?", "the black cat", null);
  });

  it("asks for the comment's text", async () => {
    show(CommentDialog, { target: null, onclose: vi.fn() });
    q<HTMLFormElement>("#comment-form")!.requestSubmit();
    await tick();
    expect(api.addComment).not.toHaveBeenCalled();
    expect(document.body.textContent).toContain("Write the comment.");
  });
});

describe("PublishDialog", () => {
  it("shows why it was refused and publishes anyway with a reason", async () => {
    vi.mocked(api.publishDocument)
      .mockResolvedValueOnce({ folder: null, refused: ["version 2 is not approved"], problems: [], forced: null })
      .mockResolvedValueOnce({ folder: "/tmp/out", refused: [], problems: [], forced: "Board deadline" });
    vi.mocked(api.reviewStatus).mockResolvedValue({ ...STATUS, status: "published" });
    show(PublishDialog, { onclose: vi.fn() });
    q<HTMLButtonElement>('[data-testid="publish-confirm"]')!.click();
    await vi.waitFor(() => expect(q('[data-testid="publish-refused"]')?.textContent).toContain("not approved"));
    q<HTMLFormElement>("#publish-force")!.requestSubmit();
    await tick();
    expect(document.body.textContent).toContain("Give the reason");
    expect(api.publishDocument).toHaveBeenCalledTimes(1);
    const reason = q<HTMLTextAreaElement>('[data-testid="publish-reason"]')!;
    reason.value = "Board deadline";
    reason.dispatchEvent(new Event("input"));
    q<HTMLFormElement>("#publish-force")!.requestSubmit();
    await vi.waitFor(() => expect(q('[data-testid="publish-folder"]')?.textContent).toBe("/tmp/out"));
    expect(api.publishDocument).toHaveBeenLastCalledWith("doc", "Board deadline");
    expect(document.body.textContent).toContain("Board deadline");
  });
});
