// One-click fixes of problems (FixItem: UTF-8 byte offsets into the text the problem was found
// in) as editor changes. Pure functions, no DOM.
import type { FixItem } from "../api/types";
import { byteOffsetsToIndices } from "./problems";

/** A change of the editor text, in string indices. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** How many characters on each side of a fix must be unchanged for it to still apply. */
export const FIX_CONTEXT = 16;

/**
 * Where `fix`, found in `basis` (the text the problems were computed for), goes in `current`
 * (the editor's text now); `null` when the fix is stale: its range is not in `basis`, or the
 * text in or near it (`FIX_CONTEXT` characters either side) changed since. Edits elsewhere
 * before the range shift it; edits after it leave it be. (So a fix applied once is not applied
 * again from the same, now outdated, problem.)
 */
export function fixChange(basis: string, current: string, fix: FixItem): TextChange | null {
  if (fix.start < 0 || fix.end < fix.start || fix.end > utf8Length(basis)) return null;
  const [from, to] = byteOffsetsToIndices(basis, [fix.start, fix.end]);
  if (basis === current) return { from, to, insert: fix.replacement };

  // The one region where `basis` and `current` differ: after their common start and before
  // their common end.
  const max = Math.min(basis.length, current.length);
  let prefix = 0;
  while (prefix < max && basis.charCodeAt(prefix) === current.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    basis.charCodeAt(basis.length - 1 - suffix) === current.charCodeAt(current.length - 1 - suffix)
  ) {
    suffix++;
  }
  const changedEnd = basis.length - suffix;
  const shift = to <= prefix ? 0 : from >= changedEnd ? current.length - basis.length : null;
  if (shift === null) return null;
  const around = (text: string, at: number, end: number) =>
    text.slice(Math.max(0, at - FIX_CONTEXT), end + FIX_CONTEXT);
  if (around(basis, from, to) !== around(current, from + shift, to + shift)) return null;
  return { from: from + shift, to: to + shift, insert: fix.replacement };
}
