// Risk blocks: finding the ```risk fence around a position, reading its YAML into form
// fields and writing one field back. Pure functions, no DOM. Positions are JavaScript
// string indices (UTF-16 code units), the same as CodeMirror's.
import { isCollection, isMap, isScalar, isSeq, Scalar, type Node } from "yaml";
import type { VocabularyEntry } from "../api/types";
import { editYaml, firstProblem, parseYaml, type PathKey, type YamlEditResult, type YamlProblem } from "./yamlEdit";

export type { PathKey } from "./yamlEdit";

/** A fenced code block of the Markdown body. */
export interface FencedBlock {
  /** Start of the opening fence line. */
  from: number;
  /** End of the closing fence line (before its line break); the text end when unclosed. */
  to: number;
  /** Start of the first line after the opening fence. */
  bodyFrom: number;
  /** Start of the closing fence line; the text end when unclosed. */
  bodyTo: number;
  /** The info string, trimmed (`risk`, `yaml title="x"` …). */
  info: string;
  closed: boolean;
}

/** The fields of a risk block as the form shows them: text, "" when absent. */
export interface RiskFields {
  id: string;
  category: string;
  title: string;
  what_could_happen: string;
  likelihood: {
    /** As written: `0.2`, `20%` or a calibrated word. */
    estimate: string;
    range: [string, string];
    per: string;
    basis: string;
  };
  severity: string;
  who_is_affected: string;
  mitigations: MitigationFields[];
  what_you_can_do: string;
  sources: string[];
}

export interface MitigationFields {
  kind: string;
  what_we_did: string;
  effect: { before: string; after: string; measure: string };
}

export type RiskParse =
  | { ok: true; fields: RiskFields }
  | { ok: false; error: YamlProblem };

/** The keys of a risk block and of its parts, in the order the format documents them. */
export const RISK_KEYS = [
  "id",
  "category",
  "title",
  "what_could_happen",
  "likelihood",
  "severity",
  "who_is_affected",
  "mitigations",
  "what_you_can_do",
  "sources",
] as const;
const LIKELIHOOD_KEYS = ["estimate", "range", "per", "basis"] as const;
const MITIGATION_KEYS = ["kind", "what_we_did", "effect"] as const;
const EFFECT_KEYS = ["before", "after", "measure"] as const;

function riskKeyOrder(parent: readonly PathKey[]): readonly string[] | undefined {
  if (parent.length === 0) return RISK_KEYS;
  if (parent.length === 1 && parent[0] === "likelihood") return LIKELIHOOD_KEYS;
  if (parent.length === 2 && parent[0] === "mitigations") return MITIGATION_KEYS;
  if (parent.length === 3 && parent[0] === "mitigations" && parent[2] === "effect") return EFFECT_KEYS;
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Finding blocks

const OPEN_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Where the Markdown body starts: after the front matter, as Candor reads it. */
export function bodyStart(text: string): number {
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  const firstEnd = text.indexOf("\n", bom);
  if (firstEnd < 0 || text.slice(bom, firstEnd).replace(/[ \t\r]+$/, "") !== "---") return bom;
  let pos = firstEnd + 1;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end).replace(/[ \t\r]+$/, "");
    if (line === "---" || line === "...") return nl < 0 ? text.length : nl + 1;
    pos = end + 1;
  }
  return bom; // unterminated: the whole text is Markdown
}

/** Every fenced code block at the top level of the Markdown body (not in lists or quotes). */
export function findFencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let pos = bodyStart(text);
  let open: { from: number; bodyFrom: number; char: string; length: number; info: string } | null = null;
  while (pos <= text.length) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end).replace(/\r$/, "");
    const next = nl < 0 ? text.length + 1 : nl + 1;
    if (open) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m && m[1][0] === open.char && m[1].length >= open.length) {
        blocks.push({ from: open.from, to: end, bodyFrom: open.bodyFrom, bodyTo: pos, info: open.info, closed: true });
        open = null;
      }
    } else {
      const m = OPEN_FENCE.exec(line);
      if (m && !(m[2][0] === "`" && m[3].includes("`"))) {
        open = {
          from: pos,
          bodyFrom: Math.min(next, text.length),
          char: m[2][0],
          length: m[2].length,
          info: m[3].trim(),
        };
      }
    }
    if (nl < 0) break;
    pos = next;
  }
  if (open) {
    blocks.push({ from: open.from, to: text.length, bodyFrom: open.bodyFrom, bodyTo: text.length, info: open.info, closed: false });
  }
  return blocks;
}

/** Whether a block is a risk block: the first word of its info string is `risk`. */
export function isRiskBlock(block: FencedBlock): boolean {
  return block.info.split(/\s+/)[0] === "risk";
}

export function findRiskBlocks(text: string): FencedBlock[] {
  return findFencedBlocks(text).filter(isRiskBlock);
}

/** The risk block whose fences contain `pos` (fence lines included), or null. */
export function findRiskBlockAt(text: string, pos: number, blocks?: readonly FencedBlock[]): FencedBlock | null {
  for (const block of blocks ?? findRiskBlocks(text)) {
    if (pos >= block.from && pos <= block.to) return isRiskBlock(block) ? block : null;
    if (block.from > pos) break;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Reading fields

function scalarText(node: unknown, body: string): string {
  if (!isScalar(node)) return "";
  const value = node.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  // Numbers and booleans as written (0.20 stays 0.20).
  if (node.type === "PLAIN" && node.range) return body.slice(node.range[0], node.range[1]);
  return String(value);
}

function get(node: unknown, key: string | number): unknown {
  if (isMap(node)) return node.get(key, true);
  if (isSeq(node) && typeof key === "number") return node.get(key, true);
  return undefined;
}

/** Reads a risk block's YAML body. Invalid YAML, or YAML that is not `key: value` lines, fails. */
export function parseRiskBody(body: string): RiskParse {
  const doc = parseYaml(body);
  const problem = firstProblem(doc, body);
  if (problem) return { ok: false, error: problem };
  const root = doc.contents as Node | null;
  if (root !== null && !isMap(root)) {
    return { ok: false, error: { message: "not key: value lines", line: 1 } };
  }
  const text = (key: string, parent: unknown = root) => scalarText(get(parent, key), body);
  const likelihood = get(root, "likelihood");
  const range = get(likelihood, "range");
  const mitigations = get(root, "mitigations");
  const sources = get(root, "sources");
  return {
    ok: true,
    fields: {
      id: text("id"),
      category: text("category"),
      title: text("title"),
      what_could_happen: text("what_could_happen"),
      likelihood: {
        estimate: isScalar(likelihood) ? scalarText(likelihood, body) : text("estimate", likelihood),
        range: [scalarText(get(range, 0), body), scalarText(get(range, 1), body)],
        per: text("per", likelihood),
        basis: text("basis", likelihood),
      },
      severity: text("severity"),
      who_is_affected: text("who_is_affected"),
      mitigations: isSeq(mitigations)
        ? mitigations.items.map((m) => {
            const effect = get(m, "effect");
            return {
              kind: text("kind", m),
              what_we_did: text("what_we_did", m),
              effect: {
                before: text("before", effect),
                after: text("after", effect),
                measure: text("measure", effect),
              },
            };
          })
        : [],
      what_you_can_do: text("what_you_can_do"),
      sources: isSeq(sources)
        ? sources.items.map((s) => scalarText(s, body))
        : isScalar(sources) && typeof sources.value === "string"
          ? [sources.value]
          : [],
    },
  };
}

// ---------------------------------------------------------------------------------------
// Writing one field

/** Whether `path` has a value in the block (used to decide between "" and leaving it out). */
export function riskFieldExists(body: string, path: readonly PathKey[]): boolean {
  const doc = parseYaml(body);
  if (doc.errors.length > 0 || !isCollection(doc.contents)) return false;
  return doc.hasIn(path);
}

/**
 * Sets the value at `path` (e.g. `["likelihood", "per"]`, `["mitigations", 0, "kind"]`) and
 * returns the new block body; `undefined` removes it. Comments, key order and the layout of
 * everything else are kept; a new key goes where the format lists it.
 */
export function updateRiskField(body: string, path: readonly PathKey[], value: unknown): YamlEditResult {
  const options = { keyOrder: riskKeyOrder, flowMap: (p: readonly PathKey[]) => p[p.length - 1] === "effect" };
  // `likelihood: unlikely` is read as the estimate; a likelihood field makes it a map first.
  if (path[0] === "likelihood" && path.length > 1) {
    const doc = parseYaml(body);
    const likelihood: unknown = isMap(doc.contents) ? doc.contents.get("likelihood", true) : undefined;
    if (isScalar(likelihood) && likelihood.value !== null && String(likelihood.value) !== "") {
      const map = editYaml(body, ["likelihood"], { estimate: likelihood }, options);
      if (!map.ok) return map;
      return editYaml(map.text, path, value, options);
    }
  }
  return editYaml(body, path, value, options);
}

/**
 * Adds a citation (`report#sec-7-3`) to the block's `sources:` list, creating the list when
 * missing; the text is returned unchanged when the citation is listed already.
 */
export function addRiskSource(body: string, ref: string): YamlEditResult {
  const doc = parseYaml(body);
  const problem = firstProblem(doc, body);
  if (problem) return { ok: false, error: problem.message };
  const sources: unknown = isMap(doc.contents) ? doc.contents.get("sources", true) : undefined;
  if (isSeq(sources)) {
    if (sources.items.some((item) => isScalar(item) && String(item.value) === ref)) return { ok: true, text: body };
    return updateRiskField(body, ["sources", sources.items.length], ref);
  }
  if (isScalar(sources) && sources.value !== null && String(sources.value) !== "") {
    if (String(sources.value) === ref) return { ok: true, text: body };
    return updateRiskField(body, ["sources"], [String(sources.value), ref]);
  }
  return updateRiskField(body, ["sources"], [ref]);
}

const NUMBER = /^[-+]?(?:\d+(?:\.(\d*))?|\.(\d+))(?:[eE][-+]?\d+)?$/;

/**
 * A value typed into a number-or-words field (estimate, range, effect): a YAML number when
 * it is one (written with the same decimals), the text otherwise, undefined when blank.
 */
export function numberOrText(input: string): Scalar | string | undefined {
  const trimmed = input.trim();
  if (trimmed === "") return undefined;
  const m = NUMBER.exec(trimmed);
  if (!m) return input;
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return input;
  const scalar = new Scalar(n);
  const decimals = (m[1] ?? m[2] ?? "").length;
  if (decimals > 0 && !/[eE]/.test(trimmed)) scalar.minFractionDigits = decimals;
  return scalar;
}

/** The value for a likelihood range from two inputs; undefined when both are blank. */
export function rangeValue(low: string, high: string): unknown[] | undefined {
  const lo = numberOrText(low);
  const hi = numberOrText(high);
  if (lo === undefined && hi === undefined) return undefined;
  return [lo ?? null, hi ?? null];
}

/** A new risk block with every field, its id not used by `taken`. */
export function riskSkeleton(taken: readonly string[] = []): { text: string; idFrom: number; idTo: number } {
  let n = 1;
  while (taken.includes(`risk-${n}`)) n++;
  const id = `risk-${n}`;
  const head = "```risk\nid: ";
  const text =
    head +
    id +
    "\n" +
    [
      "category:",
      "title:",
      "what_could_happen:",
      "likelihood:",
      "  estimate:",
      "  range: []",
      "  per:",
      "  basis:",
      "severity:",
      "who_is_affected:",
      "mitigations:",
      "  - kind:",
      "    what_we_did:",
      "    effect: {}",
      "what_you_can_do:",
      "sources: []",
      "```",
    ].join("\n");
  return { text, idFrom: head.length, idTo: head.length + id.length };
}

/** The ids of the risk blocks in `text` (for a new unique id). */
export function riskIds(text: string): string[] {
  const ids: string[] = [];
  for (const block of findRiskBlocks(text)) {
    const m = /^id:[ \t]*["']?([^"'\s#]+)/m.exec(text.slice(block.bodyFrom, block.bodyTo));
    if (m) ids.push(m[1]);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------
// Categories by where they come from

/**
 * Where a category comes from, in the order the form lists them: the Code of Practice's
 * specified systemic risks, its types of risk and its examples, its first draft, lists raised
 * by civil society, and the project's own. `other` collects anything the app does not know.
 */
export const CATEGORY_GROUPS = ["specified", "type", "example", "first-draft", "broader", "project", "other"] as const;
export type CategoryGroup = (typeof CATEGORY_GROUPS)[number];

export interface CategoryGroupEntries {
  group: CategoryGroup;
  entries: VocabularyEntry[];
}

/** The group of one category: its `group`, else `specified` or `other`. */
export function categoryGroup(entry: VocabularyEntry): CategoryGroup {
  const group = entry.group ?? "";
  if ((CATEGORY_GROUPS as readonly string[]).includes(group)) return group as CategoryGroup;
  return entry.specified && group === "" ? "specified" : "other";
}

/**
 * The categories in groups, in the order of CATEGORY_GROUPS; within a group in the order the
 * vocabulary lists them. Empty groups are left out.
 */
export function groupCategories(categories: readonly VocabularyEntry[]): CategoryGroupEntries[] {
  const byGroup = new Map<CategoryGroup, VocabularyEntry[]>();
  for (const entry of categories) {
    const group = categoryGroup(entry);
    const list = byGroup.get(group);
    if (list) list.push(entry);
    else byGroup.set(group, [entry]);
  }
  return CATEGORY_GROUPS.filter((g) => byGroup.has(g)).map((group) => ({ group, entries: byGroup.get(group)! }));
}

/** The plain description of the entry with `id`, or "" when there is none. */
export function aboutOf(list: readonly VocabularyEntry[] | undefined, id: string): string {
  if (!list || id === "") return "";
  return list.find((e) => e.id === id)?.about.trim() ?? "";
}
