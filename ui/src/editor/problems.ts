// Problems from Rust (ProblemItem, UTF-8 byte offsets) as CodeMirror diagnostics (UTF-16
// offsets). Pure functions, no DOM.
import type { Diagnostic } from "@codemirror/lint";
import type { FixItem, ProblemItem } from "../api/types";

/** The UTF-8 length of the character starting with UTF-16 unit `unit` (4 for a surrogate pair). */
function utf8Length(unit: number): number {
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  if (unit >= 0xd800 && unit <= 0xdbff) return 4;
  return 3;
}

/**
 * Converts UTF-8 byte offsets into `text` to string indices, in one pass. An offset inside a
 * character goes to that character's start; one past the end goes to `text.length`.
 */
export function byteOffsetsToIndices(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const result = new Array<number>(offsets.length);
  let index = 0;
  let bytes = 0;
  for (const i of order) {
    const target = Math.max(0, offsets[i]);
    while (index < text.length) {
      const unit = text.charCodeAt(index);
      const isPair = unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length;
      const len = isPair ? 4 : utf8Length(unit >= 0xd800 && unit <= 0xdbff ? 0xfffd : unit);
      if (bytes + len > target) break;
      bytes += len;
      index += isPair ? 2 : 1;
    }
    result[i] = index;
  }
  return result;
}

/** One byte offset; for many, `byteOffsetsToIndices` does it in one pass. */
export function byteOffsetToIndex(text: string, offset: number): number {
  return byteOffsetsToIndices(text, [offset])[0];
}

export type Severity = Diagnostic["severity"];

/** Candor's severities ("error", "warning", "info" …) as CodeMirror's. */
export function diagnosticSeverity(severity: string): Severity {
  switch (severity.toLowerCase()) {
    case "error":
    case "fatal":
      return "error";
    case "warning":
    case "warn":
      return "warning";
    case "hint":
    case "help":
      return "hint";
    default:
      return "info";
  }
}

/**
 * The problems as diagnostics of `text` (the editor's current text), ranges clamped to it. With
 * `onFix`, a problem that has a fix offers it as an action in its tooltip.
 */
export function problemsToDiagnostics(
  text: string,
  problems: readonly ProblemItem[],
  onFix?: (fix: FixItem) => void,
): Diagnostic[] {
  const offsets: number[] = [];
  for (const p of problems) offsets.push(Math.min(p.start, p.end), Math.max(p.start, p.end));
  const indices = byteOffsetsToIndices(text, offsets);
  return problems.map((p, i) => {
    const from = indices[2 * i];
    const to = indices[2 * i + 1];
    const message = p.hints.length > 0 ? `${p.message}\n${p.hints.map((h) => `• ${h}`).join("\n")}` : p.message;
    const diagnostic: Diagnostic = { from, to, severity: diagnosticSeverity(p.severity), source: p.code, message };
    const fix = p.fix;
    if (fix && onFix) diagnostic.actions = [{ name: fix.label, apply: () => onFix(fix) }];
    return diagnostic;
  });
}
