// @vitest-environment node
import { describe, expect, it } from "vitest";
import type { ProblemItem } from "../api/types";
import { byteOffsetsToIndices, byteOffsetToIndex, diagnosticSeverity, problemsToDiagnostics } from "./problems";

const bytes = (s: string) => new TextEncoder().encode(s).length;

function problem(text: string, target: string, severity = "error"): ProblemItem {
  const at = text.indexOf(target);
  const start = bytes(text.slice(0, at));
  return {
    severity,
    code: "test/code",
    message: `about ${target}`,
    hints: [],
    line: 1,
    column: 1,
    start,
    end: start + bytes(target),
    fix: null,
  };
}

describe("byte offsets to string indices", () => {
  it("counts two bytes for Ü and four bytes (two UTF-16 units) for an emoji", () => {
    const text = "Ü🙂 risk";
    expect(byteOffsetToIndex(text, 0)).toBe(0);
    expect(byteOffsetToIndex(text, 2)).toBe(1); // after Ü
    expect(byteOffsetToIndex(text, 6)).toBe(3); // after 🙂
    expect(byteOffsetToIndex(text, 7)).toBe(4); // after the space
    expect(text.slice(byteOffsetToIndex(text, 7))).toBe("risk");
  });

  it("handles three-byte characters, offsets inside a character and past the end", () => {
    const text = "€x";
    expect(byteOffsetToIndex(text, 3)).toBe(1);
    expect(byteOffsetToIndex(text, 1)).toBe(0);
    expect(byteOffsetToIndex(text, 99)).toBe(2);
    expect(byteOffsetsToIndices(text, [4, 0, 3])).toEqual([2, 0, 1]);
  });
});

describe("problems as diagnostics", () => {
  it("underlines the right characters after non-ASCII text", () => {
    const text = "Grüße 👋🏽 und Ärger: [link](source:nope#x)\n";
    const [d] = problemsToDiagnostics(text, [problem(text, "source:nope#x")]);
    expect(text.slice(d.from, d.to)).toBe("source:nope#x");
    expect(d.severity).toBe("error");
    expect(d.source).toBe("test/code");
  });

  it("maps severities and appends hints to the message", () => {
    expect(diagnosticSeverity("warning")).toBe("warning");
    expect(diagnosticSeverity("error")).toBe("error");
    expect(diagnosticSeverity("info")).toBe("info");
    expect(diagnosticSeverity("hint")).toBe("hint");
    const text = "abc";
    const [d] = problemsToDiagnostics(text, [{ ...problem(text, "b", "warning"), hints: ["Try this."] }]);
    expect(d.message).toBe("about b\n• Try this.");
    expect(d.severity).toBe("warning");
  });

  it("clamps stale ranges to the text", () => {
    const [d] = problemsToDiagnostics("short", [{ ...problem("short", "s"), start: 40, end: 50 }]);
    expect([d.from, d.to]).toEqual([5, 5]);
  });
});
