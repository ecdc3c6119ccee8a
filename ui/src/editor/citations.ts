// Citations: `[label](source:SOURCE#PASSAGE)` links, and declaring the cited source in the
// front matter. Pure functions, no DOM.
import { isMap, isScalar, isSeq } from "yaml";
import { bodyStart, findFencedBlocks } from "./riskBlock";
import { editYaml, parseYaml, type PathKey } from "./yamlEdit";

export interface SourceDeclaration {
  id: string;
  title: string;
  file: string;
}

const FRONT_MATTER_KEYS = [
  "title",
  "lang",
  "audience",
  "reading_level",
  "version",
  "date",
  "provider",
  "model",
  "sources",
] as const;
const SOURCE_KEYS = ["id", "title", "file"] as const;

function frontMatterOrder(parent: readonly PathKey[]): readonly string[] | undefined {
  if (parent.length === 0) return FRONT_MATTER_KEYS;
  if (parent.length === 2 && parent[0] === "sources") return SOURCE_KEYS;
  return undefined;
}

/** Escapes what would end or confuse a link text: backslashes and square brackets. */
export function escapeLinkLabel(label: string): string {
  return label.replace(/[\\[\]]/g, (c) => "\\" + c);
}

/** `[label](source:SOURCE#PASSAGE)`, or `[label](source:SOURCE)` without a passage. */
export function citationLink(label: string, sourceId: string, passageId: string): string {
  let target = `source:${sourceId}${passageId ? `#${passageId}` : ""}`;
  if (/[\s()<>]/.test(target)) target = `<${target.replace(/[<>]/g, (c) => "\\" + c)}>`;
  return `[${escapeLinkLabel(label)}](${target})`;
}

/** Where the front matter's YAML lies, if the text has front matter. */
export function frontMatterRange(text: string): { yamlFrom: number; yamlTo: number } | null {
  const start = text.startsWith("\uFEFF") ? 1 : 0;
  const body = bodyStart(text);
  if (body === start) return null;
  const yamlFrom = text.indexOf("\n", start) + 1;
  // The closing line is the last line before the body.
  const closeEnd = text[body - 1] === "\n" ? body - 1 : body;
  const yamlTo = text.lastIndexOf("\n", closeEnd - 1) + 1;
  return { yamlFrom, yamlTo: Math.max(yamlFrom, yamlTo) };
}

/** The first `# Heading` of the body, as plain text, for the title of a new front matter. */
function firstHeading(text: string): string | null {
  const fences = findFencedBlocks(text);
  const re = /^ {0,3}#[ \t]+(.+?)[ \t]*$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    if (fences.some((f) => at >= f.from && at <= f.to)) continue;
    const title = m[1]
      .replace(/\s+\{#[^}]*\}$/, "")
      .replace(/\s+#+$/, "")
      .replace(/[*_`]/g, "")
      .trim();
    if (title) return title;
  }
  return null;
}

/**
 * Adds `source` to the front matter's `sources:` list unless a source with its id is
 * declared already. Creates `sources:`, or the whole front matter, when missing. Leaves the
 * text unchanged when the front matter is not valid YAML or `sources` is not a list.
 */
export function ensureSourceDeclared(
  text: string,
  source: SourceDeclaration,
): { text: string; changed: boolean } {
  const entry = { id: source.id, title: source.title, file: source.file };
  const range = frontMatterRange(text);
  if (!range) {
    const start = text.startsWith("\uFEFF") ? 1 : 0;
    const heading = firstHeading(text);
    const fresh = editYaml("", ["sources"], [entry], { keyOrder: frontMatterOrder });
    if (!fresh.ok) return { text, changed: false };
    let yaml = fresh.text;
    if (heading) {
      const titled = editYaml(yaml, ["title"], heading, { keyOrder: frontMatterOrder });
      if (titled.ok) yaml = titled.text;
    }
    if (!yaml.endsWith("\n")) yaml += "\n";
    const rest = text.slice(start);
    const gap = rest === "" || rest.startsWith("\n") ? "" : "\n";
    return { text: text.slice(0, start) + "---\n" + yaml + "---\n" + gap + rest, changed: true };
  }
  const yaml = text.slice(range.yamlFrom, range.yamlTo);
  const doc = parseYaml(yaml);
  if (doc.errors.length > 0) return { text, changed: false };
  const root = doc.contents;
  if (root !== null && !isMap(root)) return { text, changed: false };
  const sources = isMap(root) ? root.get("sources", true) : undefined;
  let path: PathKey[];
  let value: unknown;
  if (sources === undefined || (isScalar(sources) && sources.value === null)) {
    path = ["sources"];
    value = [entry];
  } else if (isSeq(sources)) {
    const declared = sources.items.some((item) => isMap(item) && String(item.get("id")) === source.id);
    if (declared) return { text, changed: false };
    path = ["sources", sources.items.length];
    value = entry;
  } else {
    return { text, changed: false };
  }
  const edited = editYaml(yaml, path, value, { keyOrder: frontMatterOrder });
  if (!edited.ok) return { text, changed: false };
  let next = edited.text;
  if (next !== "" && !next.endsWith("\n")) next += "\n";
  return { text: text.slice(0, range.yamlFrom) + next + text.slice(range.yamlTo), changed: true };
}
