// @vitest-environment node
import { describe, expect, it } from "vitest";
import type { FixItem } from "../api/types";
import { fixChange } from "./fixes";

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** A fix replacing the first `target` in `text` (byte offsets, as Rust sends them). */
function fix(text: string, target: string, replacement: string, label = "Fix"): FixItem {
  const start = bytes(text.slice(0, text.indexOf(target)));
  return { label, start, end: start + bytes(target), replacement };
}

function apply(text: string, change: { from: number; to: number; insert: string }) {
  return text.slice(0, change.from) + change.insert + text.slice(change.to);
}

describe("fixChange", () => {
  it("replaces the byte range after non-ASCII text", () => {
    const text = "Grüße 🙂: we used fine-tuning here.";
    const change = fixChange(text, text, fix(text, "fine-tuning", "extra training"));
    expect(change).not.toBeNull();
    expect(apply(text, change!)).toBe("Grüße 🙂: we used extra training here.");
  });

  it("inserts at an empty range", () => {
    const text = "We used fine-tuning.";
    const at = bytes("We used fine-tuning");
    const insert: FixItem = { label: "Add", start: at, end: at, replacement: " (extra training for one task)" };
    expect(apply(text, fixChange(text, text, insert)!)).toBe("We used fine-tuning (extra training for one task).");
  });

  it("still applies when the text changed only after the fix", () => {
    const basis = "We used fine-tuning. Then, some time later";
    const current = "We used fine-tuning. Then, some time later, we tested it.";
    expect(apply(current, fixChange(basis, current, fix(basis, "fine-tuning", "extra training"))!)).toBe(
      "We used extra training. Then, some time later, we tested it.",
    );
  });

  it("shifts the fix when the text changed only before it", () => {
    const basis = "In the first weeks of the project we used fine-tuning.";
    const current = "Ärger! In the first weeks of the project we used fine-tuning.";
    expect(apply(current, fixChange(basis, current, fix(basis, "fine-tuning", "extra training"))!)).toBe(
      "Ärger! In the first weeks of the project we used extra training.",
    );
  });

  it("is stale when the text at the fix changed", () => {
    const basis = "We used fine-tuning.";
    expect(fixChange(basis, "We used fine-tunning.", fix(basis, "fine-tuning", "x"))).toBeNull();
    expect(fixChange(basis, "We used .", fix(basis, "fine-tuning", "x"))).toBeNull();
  });

  it("is stale when the text right next to the fix changed, e.g. after applying it once", () => {
    const basis = "After that we used fine-tuning on the model. More text follows here.";
    const at = bytes("After that we used fine-tuning");
    const insert: FixItem = { label: "Add", start: at, end: at, replacement: " (extra training)" };
    const once = apply(basis, fixChange(basis, basis, insert)!);
    expect(once).toBe("After that we used fine-tuning (extra training) on the model. More text follows here.");
    expect(fixChange(basis, once, insert)).toBeNull();
    expect(fixChange(basis, basis.replace("we used", "we tried"), insert)).toBeNull();
  });

  it("is stale when the range is not in the text it came from", () => {
    const basis = "short";
    expect(fixChange(basis, basis, { label: "x", start: 3, end: 99, replacement: "" })).toBeNull();
    expect(fixChange(basis, basis, { label: "x", start: 4, end: 2, replacement: "" })).toBeNull();
  });
});
