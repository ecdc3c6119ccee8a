// Pure helpers of the review features: what a selection quotes, comments as a tree, where a
// comment stands in the text, and a version diff in pieces to show. No DOM, no Tauri.
import type { CommentItem, DiffRunItem } from "../api/types";
import { byteOffsetsToIndices } from "../editor/problems";

export interface QuoteTarget {
  /** The selected words exactly as they stand in the text. */
  quote: string;
  /** Which appearance of `quote` (1-based), counting as Rust's `match_indices` does. */
  occurrence: number;
  /** How many times `quote` stands in the text. */
  total: number;
}

/** Where each non-overlapping appearance of `needle` starts in `text` (left to right). */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  let at = text.indexOf(needle);
  while (at !== -1) {
    found.push(at);
    at = text.indexOf(needle, at + needle.length);
  }
  return found;
}

/**
 * The quote and occurrence a comment on the selection `from`..`to` (string indices) of `text`
 * needs. Surrounding white space is left out of the quote; `null` for an empty (or blank)
 * selection, or one that only overlaps an appearance the backend would count differently.
 */
export function quoteAt(text: string, from: number, to: number): QuoteTarget | null {
  let start = Math.max(0, Math.min(from, to));
  let end = Math.min(text.length, Math.max(from, to));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end) return null;
  const quote = text.slice(start, end);
  const found = occurrences(text, quote);
  const index = found.indexOf(start);
  if (index === -1) return null;
  return { quote, occurrence: index + 1, total: found.length };
}

export interface CommentNode {
  comment: CommentItem;
  replies: CommentItem[];
}

/**
 * Comments as threads: each top-level comment with its replies (a reply to a reply joins the
 * same thread), in the order they were made. A reply whose parent is missing stands alone.
 */
export function commentTree(comments: readonly CommentItem[]): CommentNode[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: CommentItem): string => {
    let current = c;
    const seen = new Set<string>();
    while (current.reply_to && byId.has(current.reply_to) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.reply_to)!;
    }
    return current.id;
  };
  const nodes = new Map<string, CommentNode>();
  const order: CommentNode[] = [];
  const sorted = [...comments].sort((a, b) => a.created_at.localeCompare(b.created_at));
  for (const c of sorted) {
    const root = rootOf(c);
    if (root === c.id) {
      const node = { comment: c, replies: [] };
      nodes.set(c.id, node);
      order.push(node);
    }
  }
  for (const c of sorted) {
    const root = rootOf(c);
    if (root !== c.id) nodes.get(root)?.replies.push(c);
  }
  return order;
}

/** Whether a comment needs nothing more: resolved, or a suggestion that was decided. */
export function isSettled(c: CommentItem): boolean {
  return c.resolved || c.decision !== null;
}

/** An open suggestion the author can still accept or reject. */
export function isOpenSuggestion(c: CommentItem): boolean {
  return c.suggestion !== null && c.decision === null && !c.resolved;
}

/** The comment's words as string indices of `text` (the latest saved version), if located. */
export function commentRange(text: string, c: CommentItem): { from: number; to: number } | null {
  if (!c.location || c.location.kind === "orphaned") return null;
  const [from, to] = byteOffsetsToIndices(text, [c.location.span.start, c.location.span.end]);
  return { from, to };
}

export interface DiffPiece {
  kind: "equal" | "deleted" | "inserted";
  text: string;
}

/** The diff's runs, with unknown kinds shown as equal and empty runs dropped. */
export function diffPieces(runs: readonly DiffRunItem[]): DiffPiece[] {
  return runs
    .filter((r) => r.text.length > 0)
    .map((r) => ({
      kind: r.kind === "deleted" || r.kind === "inserted" ? r.kind : "equal",
      text: r.text,
    }));
}

/** A date-time as "2026-05-01 14:03" (UTC, as stored). */
export function when(iso: string): string {
  return iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, "");
}

/** True when an API error says no identity is saved on this computer. */
export function needsIdentity(error: { code?: string; message?: string } | null | undefined): boolean {
  return !!error && error.code === "invalid-input" && /^say who you are first/i.test(error.message ?? "");
}

export type FoldedPiece = DiffPiece | { kind: "fold"; lines: number };

/**
 * Folds long unchanged stretches of an inline diff, keeping `context` whole lines around each
 * change, so that the changes do not drown in the text. Stretches hiding fewer than 3 lines
 * stay as they are.
 */
export function foldUnchanged(pieces: readonly DiffPiece[], context = 2): FoldedPiece[] {
  const out: FoldedPiece[] = [];
  pieces.forEach((p, i) => {
    if (p.kind !== "equal") {
      out.push(p);
      return;
    }
    const lines = p.text.split("\n");
    // The first line of a stretch ends the changed line before it; the last starts the next.
    const keepHead = i === 0 ? 0 : context + 1;
    const keepTail = i === pieces.length - 1 ? 0 : context + 1;
    const hidden = lines.length - keepHead - keepTail;
    if (hidden < 3) {
      out.push(p);
      return;
    }
    if (keepHead > 0) out.push({ kind: "equal", text: lines.slice(0, keepHead).join("\n") + "\n" });
    out.push({ kind: "fold", lines: hidden });
    if (keepTail > 0) out.push({ kind: "equal", text: lines.slice(lines.length - keepTail).join("\n") });
  });
  return out;
}

/** Side-by-side rows with unchanged runs beyond `context` rows of a change folded away. */
export function foldRows<R extends { left: { changed: boolean } | null; right: { changed: boolean } | null }>(
  rows: readonly R[],
  context = 2,
): (R | { fold: number })[] {
  const changed = (r: R) => !r.left || !r.right || r.left.changed || r.right.changed;
  const keep = rows.map(() => false);
  rows.forEach((r, i) => {
    if (!changed(r)) return;
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) keep[j] = true;
  });
  const out: (R | { fold: number })[] = [];
  let hidden = 0;
  rows.forEach((r, i) => {
    if (keep[i]) {
      if (hidden > 0) out.push({ fold: hidden });
      hidden = 0;
      out.push(r);
    } else hidden++;
  });
  if (hidden > 0) out.push({ fold: hidden });
  return out;
}
