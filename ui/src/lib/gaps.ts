// The Gaps view's logic: the summary of a gap report, the sections of a source grouped by how
// the document uses them, the sentence that cites a changed passage, the edit that points a
// citation at a passage's new id, and the risk card for a category without one. Pure
// functions, no DOM.
import type { FixItem, GapCounts, SectionGap, SourceGaps, StaleItem } from "../api/types";
import { byteOffsetsToIndices } from "../editor/problems";
import { findRiskBlocks, riskIds } from "../editor/riskBlock";

/** The parts of the Gaps view, in the order it shows them. */
export type GapPart = "stale" | "risks" | "sources" | "figures" | "citations" | "uncited" | "missing";

export interface SummaryItem {
  part: GapPart;
  count: number;
}

/** One entry per kind of gap that has any, in the order of the view. */
export function summaryItems(counts: GapCounts): SummaryItem[] {
  const items: SummaryItem[] = [
    { part: "stale", count: counts.stale },
    { part: "risks", count: counts.risks },
    { part: "sources", count: counts.risk_sections + counts.fields },
    { part: "figures", count: counts.figures },
    { part: "citations", count: counts.citations },
    { part: "uncited", count: counts.uncited },
    { part: "missing", count: counts.missing_sources },
  ];
  return items.filter((i) => i.count > 0);
}

/** Every gap counted once (what the summary line adds up). */
export function totalGaps(counts: GapCounts): number {
  return (
    counts.risks +
    counts.risk_sections +
    counts.fields +
    counts.figures +
    counts.citations +
    counts.uncited +
    counts.stale +
    counts.missing_sources
  );
}

/** Mirrors `SectionGap::is_gap` in Rust: about risks or mitigations, not drawn on, not left out on purpose. */
export function isSectionGap(s: SectionGap): boolean {
  return (s.risks.length > 0 || s.mitigations.length > 0) && !s.drawn_on && !s.left_out_on_purpose;
}

export interface SectionGroups {
  /** About risks or safety measures, and nothing cited from them. */
  notCited: SectionGap[];
  /** The removals log says they were left out. */
  onPurpose: SectionGap[];
  /** The document cites them. */
  drawnOn: SectionGap[];
}

/** A source's sections by how the document uses them (sections about nothing in particular and not cited are left out). */
export function sectionGroups(source: SourceGaps): SectionGroups {
  return {
    notCited: source.sections.filter(isSectionGap),
    onPurpose: source.sections.filter((s) => s.left_out_on_purpose && !s.drawn_on),
    drawnOn: source.sections.filter((s) => s.drawn_on),
  };
}

/** What a section is about, in one line ("Discrimination; Checking what goes in"). */
export function sectionTopics(s: SectionGap): string {
  return [...s.risks, ...s.mitigations].join("; ");
}

/** Where `[start, end)` (UTF-8 byte offsets, as Rust gives them) lies in `text`, as string indices. */
export function byteRange(text: string, start: number, end: number): { from: number; to: number } {
  const [from, to] = byteOffsetsToIndices(text, [start, end]);
  return { from, to: Math.max(from, to) };
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Markdown links as their words: `[label](target)` -> `label`. */
function linkWords(text: string): string {
  return text.replace(/\[((?:\\.|[^\]\\])*)\]\((?:<[^>]*>|[^)\s]*)\)/g, (_, label: string) => label.replace(/\\(.)/g, "$1"));
}

/**
 * The sentence of `text` that holds the citation at bytes `[start, end)`, its links shown as
 * their words; `null` when the citation is not in running text (a risk card, a table row) or
 * the offsets do not fit the text.
 */
export function citingSentence(text: string, start: number, end: number, max = 240): string | null {
  if (end > utf8Length(text) || start > end) return null;
  const { from, to } = byteRange(text, start, end);
  const cited = text.slice(from, to);
  if (!cited.startsWith("[") || cited.includes("\n")) return null;
  // The paragraph: between blank lines, after a heading line.
  const prevBreak = text.lastIndexOf("\n\n", from);
  const paraStart = prevBreak < 0 ? 0 : prevBreak + 2;
  const nextBreak = text.indexOf("\n\n", to);
  const paraEnd = nextBreak < 0 ? text.length : nextBreak;
  if (/^\s*(```|~~~|\||---)/.test(text.slice(paraStart, paraEnd))) return null;
  let before = text.slice(paraStart, from);
  const heading = /^ {0,3}#.*\n/gm;
  for (let m = heading.exec(before); m; m = heading.exec(before)) before = before.slice(m.index + m[0].length);
  const after = text.slice(to, paraEnd);
  // Back to the end of the previous sentence, forward to the end of this one (outside links).
  const plainBefore = before.replace(/\[[^\]]*\]\([^)]*\)/g, (m) => "x".repeat(m.length));
  let s = 0;
  for (const m of plainBefore.matchAll(/[.!?](?=\s+\S)/g)) s = m.index + 1;
  const plainAfter = after.replace(/\[[^\]]*\]\([^)]*\)/g, (m) => "x".repeat(m.length));
  const stop = /[.!?](?=\s|$)/.exec(plainAfter);
  const e = stop ? stop.index + 1 : after.length;
  const sentence = linkWords(before.slice(s) + cited + after.slice(0, e))
    .replace(/^#+\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!sentence) return null;
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence;
}

/**
 * The edit that points the citation of `stale` (a passage that moved) at its new id: `#old`
 * becomes `#new` inside the link, in `text`, the text the report was made for. `null` when
 * the passage did not move or the link is not where the report says.
 */
export function movedCitationFix(text: string, stale: StaleItem): FixItem | null {
  const c = stale.citation;
  if (c.change !== "moved" || !c.new_passage || c.new_passage === c.passage) return null;
  if (c.end > utf8Length(text) || c.start > c.end) return null;
  const { from, to } = byteRange(text, c.start, c.end);
  const span = text.slice(from, to);
  const needle = `#${c.passage}`;
  let at = span.indexOf(needle);
  // The id must end there: `#sec-p1` is not the start of `#sec-p10`.
  while (at >= 0 && /[\w.:-]/.test(span.charAt(at + needle.length))) at = span.indexOf(needle, at + 1);
  if (at < 0) return null;
  const start = utf8Length(text.slice(0, from + at + 1));
  return {
    label: c.new_passage,
    start,
    end: start + utf8Length(c.passage),
    replacement: c.new_passage,
  };
}

/** A risk card for `category` titled `title`, with an id no card in `text` has yet. */
export function riskCard(text: string, category: string, title: string): string {
  const taken = riskIds(text);
  let id = category;
  for (let n = 2; taken.includes(id); n++) id = `${category}-${n}`;
  const safeTitle = /^[\w ,()'-]+$/.test(title) ? title : JSON.stringify(title);
  return `\`\`\`risk\nid: ${id}\ncategory: ${category}\ntitle: ${safeTitle}\n\`\`\``;
}

/**
 * Where a new risk card goes in `text` and what to insert there (blank lines around it): after
 * the last risk card, or at the end when there is none. `titleAt` is where its title starts in
 * `insert`.
 */
export function riskCardInsertion(text: string, card: string): { at: number; insert: string; titleAt: number } {
  const blocks = findRiskBlocks(text);
  const at = blocks.length > 0 ? blocks[blocks.length - 1].to : text.length;
  const before = text.slice(0, at);
  const after = text.slice(at);
  const prefix = at === 0 || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const suffix = after === "" ? "\n" : after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  const insert = prefix + card + suffix;
  return { at, insert, titleAt: prefix.length + card.indexOf("title: ") + "title: ".length };
}
