// Text helpers shared by the reader and tests.

import { parse } from "yaml";

export interface Segment {
  text: string;
  hit: boolean;
}

/** Splits `text` into plain and highlighted segments from UTF-8 byte ranges (as Rust gives them). */
export function highlightSegments(text: string, ranges: [number, number][]): Segment[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    const s = Math.max(start, at);
    const e = Math.min(end, bytes.length);
    if (s >= e) continue;
    if (s > at) segments.push({ text: decoder.decode(bytes.slice(at, s)), hit: false });
    segments.push({ text: decoder.decode(bytes.slice(s, e)), hit: true });
    at = e;
  }
  if (at < bytes.length) segments.push({ text: decoder.decode(bytes.slice(at)), hit: false });
  return segments;
}

/** A short label for a citation: the first words of a passage. */
export function citationLabel(passage: string, words = 6): string {
  const all = passage.replace(/\s+/g, " ").trim().split(" ");
  const head = all.slice(0, words).join(" ").replace(/[.,;:]+$/, "");
  return all.length > words ? `${head}…` : head;
}

/**
 * The `title` of a Markdown text's front matter as the author has typed it so far, or `null`
 * when there is no front matter, no title, or the YAML does not read (yet).
 */
export function frontMatterTitle(text: string): string | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
  if (!match) return null;
  try {
    const data: unknown = parse(match[1]);
    if (data && typeof data === "object" && "title" in data) {
      const title = (data as { title: unknown }).title;
      if (typeof title === "string" && title.trim()) return title.trim();
    }
  } catch {
    // Half-typed YAML: keep the last title shown.
  }
  return null;
}
