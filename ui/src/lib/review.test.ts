// The pure review helpers: quotes and occurrences, comment threads, spans, diff folding.
import { describe, expect, it } from "vitest";
import type { CommentItem } from "../api/types";
import { commentRange, commentTree, diffPieces, foldRows, foldUnchanged, needsIdentity, occurrences, quoteAt, when } from "./review";

const comment = (over: Partial<CommentItem>): CommentItem => ({
  id: "c1",
  author: "Ana Ruiz",
  author_role: "",
  body: "",
  created_at: "2026-05-01T10:00:00Z",
  version: 1,
  quote: null,
  location: null,
  suggestion: null,
  decision: null,
  resolved: false,
  reply_to: null,
  ...over,
});

describe("quoteAt", () => {
  const text = "the cat and the dog and the cat";

  it("quotes the selection and counts which appearance it is", () => {
    expect(quoteAt(text, 0, 7)).toEqual({ quote: "the cat", occurrence: 1, total: 2 });
    expect(quoteAt(text, 24, 31)).toEqual({ quote: "the cat", occurrence: 2, total: 2 });
    expect(quoteAt(text, 12, 19)).toEqual({ quote: "the dog", occurrence: 1, total: 1 });
  });

  it("accepts a backwards selection and trims white space around it", () => {
    expect(quoteAt(text, 19, 11)).toEqual({ quote: "the dog", occurrence: 1, total: 1 });
  });

  it("gives nothing for an empty or blank selection", () => {
    expect(quoteAt(text, 5, 5)).toBeNull();
    expect(quoteAt("a   b", 1, 4)).toBeNull();
  });

  it("counts appearances without overlaps, as Rust's match_indices does", () => {
    expect(occurrences("aaaa", "aa")).toEqual([0, 2]);
    expect(quoteAt("aaaa", 2, 4)).toEqual({ quote: "aa", occurrence: 2, total: 2 });
    // Starting inside an appearance the backend skips: no occurrence number fits.
    expect(quoteAt("aaaa", 1, 3)).toBeNull();
  });

  it("works with text beyond ASCII", () => {
    expect(quoteAt("Café 🙂 und Café", 12, 16)).toEqual({ quote: "Café", occurrence: 2, total: 2 });
  });
});

describe("commentTree", () => {
  it("puts replies (and replies to replies) under their thread, in order", () => {
    const tree = commentTree([
      comment({ id: "r2", reply_to: "r1", created_at: "2026-05-01T12:00:00Z" }),
      comment({ id: "a", created_at: "2026-05-01T10:00:00Z" }),
      comment({ id: "r1", reply_to: "a", created_at: "2026-05-01T11:00:00Z" }),
      comment({ id: "b", created_at: "2026-05-01T10:30:00Z" }),
      comment({ id: "lost", reply_to: "gone", created_at: "2026-05-01T13:00:00Z" }),
    ]);
    expect(tree.map((n) => [n.comment.id, n.replies.map((r) => r.id)])).toEqual([
      ["a", ["r1", "r2"]],
      ["b", []],
      ["lost", []],
    ]);
  });
});

describe("commentRange", () => {
  it("turns the byte span of the latest version into string indices", () => {
    const text = "Grüße: the words";
    // "the words" starts at byte 9 (ü and ß are two bytes each).
    const c = comment({ quote: "the words", location: { kind: "exact", span: { start: 9, end: 18 } } });
    const range = commentRange(text, c)!;
    expect(text.slice(range.from, range.to)).toBe("the words");
    expect(commentRange(text, comment({ location: { kind: "orphaned" } }))).toBeNull();
  });
});

describe("diff folding", () => {
  const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`).join("\n");

  it("keeps a few lines around each change and folds the rest", () => {
    const pieces = diffPieces([
      { kind: "equal", text: lines(1, 20) + "\nstart " },
      { kind: "deleted", text: "old" },
      { kind: "inserted", text: "new" },
      { kind: "equal", text: " end\n" + lines(22, 40) },
      { kind: "mystery", text: "" },
    ]);
    const folded = foldUnchanged(pieces);
    expect(folded[0]).toEqual({ kind: "fold", lines: 18 });
    expect(folded[1]).toEqual({ kind: "equal", text: "line 19\nline 20\nstart " });
    expect(folded[2]).toEqual({ kind: "deleted", text: "old" });
    expect(folded[3]).toEqual({ kind: "inserted", text: "new" });
    expect(folded[4]).toEqual({ kind: "equal", text: " end\nline 22\nline 23\n" });
    expect(folded[5]).toEqual({ kind: "fold", lines: 17 });
    expect(folded).toHaveLength(6);
  });

  it("folds side-by-side rows far from a change", () => {
    const line = (n: number, changed = false) => ({ number: n, parts: [{ text: `l${n}`, changed }], changed });
    const rows = Array.from({ length: 10 }, (_, i) => ({ left: line(i + 1, i === 5), right: line(i + 1, i === 5) }));
    const folded = foldRows(rows);
    expect(folded.map((r) => ("fold" in r ? `fold ${r.fold}` : r.left!.number))).toEqual(["fold 3", 4, 5, 6, 7, 8, "fold 2"]);
  });
});

describe("small helpers", () => {
  it("recognises the missing-identity refusal", () => {
    expect(needsIdentity({ code: "invalid-input", message: "say who you are first: candor review whoami --set NAME" })).toBe(true);
    expect(needsIdentity({ code: "invalid-input", message: "the words are not in the text" })).toBe(false);
    expect(needsIdentity(null)).toBe(false);
  });

  it("shows times to the minute", () => {
    expect(when("2026-05-01T14:03:22Z")).toBe("2026-05-01 14:03");
  });
});
