// Changes one value in a YAML text while leaving everything else as the author wrote it.
//
// The `yaml` package keeps comments and key order, but `toString()` re-renders the whole
// document: folded paragraphs are re-wrapped, aligned comments lose their column, `[a, b]`
// becomes `[ a, b ]`. So the change is first applied to a clone of the parsed document (the
// reference result), and then made in the text itself by splicing only the lines or the
// value that change. The spliced text is parsed again and must hold exactly the same data
// as the reference; if it does not (an unusual layout), the reference document is printed
// with `toString()` instead. Pure functions, no DOM.
import {
  Document,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  type Node,
  type Pair,
  type ToStringOptions,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";

export type PathKey = string | number;

export type YamlEditResult = { ok: true; text: string } | { ok: false; error: string };

export interface YamlEditOptions {
  /** The preferred key order of the map at `parentPath`; new keys are placed accordingly. */
  keyOrder?: (parentPath: readonly PathKey[]) => readonly string[] | undefined;
  /** Whether a new map created at `path` is written in flow style (`{ a: 1 }`). */
  flowMap?: (path: readonly PathKey[]) => boolean;
}

export interface YamlProblem {
  message: string;
  /** 1-based line in the YAML text. */
  line: number;
}

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

/** Parses a YAML text the way the editor reads risk blocks and front matter. */
export function parseYaml(text: string): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true });
}

/** The first syntax error of a parsed document, or null. */
export function firstProblem(doc: Document.Parsed, text: string): YamlProblem | null {
  const err = doc.errors[0];
  if (!err) return null;
  const at = Math.max(0, Math.min(err.pos?.[0] ?? 0, text.length));
  const line = text.slice(0, at).split("\n").length;
  // The package's messages end with a colon and source excerpt when prettyErrors is on;
  // with it off they are one sentence.
  return { message: err.message.split("\n")[0].replace(/:\s*$/, ""), line };
}

/**
 * Sets (`value` defined) or removes (`value` undefined) the value at `path` in `text`.
 * Removing the last entry of a map or list removes that map or list too (never the root).
 * `value` may be a plain value or a `yaml` node (e.g. a Scalar with `minFractionDigits`).
 */
export function editYaml(
  text: string,
  path: readonly PathKey[],
  value: unknown,
  options: YamlEditOptions = {},
): YamlEditResult {
  if (path.length === 0) return { ok: false, error: "empty path" };
  const doc = parseYaml(text);
  const problem = firstProblem(doc, text);
  if (problem) return { ok: false, error: problem.message };

  // A value on the way is never replaced by a map or list: that would lose it.
  for (let i = 1; i < path.length; i++) {
    const on = doc.getIn(path.slice(0, i), true);
    if (on === undefined || isCollection(on)) continue;
    if (isScalar(on) && (on.value === null || on.value === "")) break;
    return { ok: false, error: `${path.slice(0, i).join(".")} is not a map or list` };
  }

  let target = [...path];
  if (value === undefined) {
    if (!doc.hasIn(target)) return { ok: true, text };
    target = collapseEmptyParents(doc, target);
  }
  const reference = doc.clone();
  if (value === undefined) reference.deleteIn(target);
  else setPath(reference, target, value, options);

  let spliced: string | null = null;
  try {
    spliced = splice(doc, text, target, value, reference, options);
  } catch {
    spliced = null;
  }
  if (spliced !== null && sameData(spliced, reference)) return { ok: true, text: spliced };
  return { ok: true, text: reference.toString(fallbackOptions(text)) };
}

// ---------------------------------------------------------------------------------------
// The reference change on the document model

function keyOf(pair: Pair<unknown, unknown>): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

function findPair(map: YAMLMap<unknown, unknown>, key: PathKey): Pair<unknown, unknown> | undefined {
  return map.items.find((p) => String(keyOf(p)) === String(key));
}

function childOf(coll: Collection, key: PathKey): unknown {
  if (isMap(coll)) return findPair(coll, key)?.value;
  return typeof key === "number" ? coll.items[key] : undefined;
}

function collapseEmptyParents(doc: Document.Parsed, path: PathKey[]): PathKey[] {
  let p = path;
  while (p.length > 1) {
    const parent = doc.getIn(p.slice(0, -1), true);
    if (isCollection(parent) && parent.items.length === 1) p = p.slice(0, -1);
    else break;
  }
  return p;
}

function nest(rest: readonly PathKey[], value: unknown): unknown {
  if (rest.length === 0) return value;
  const [key, ...more] = rest;
  if (typeof key === "number") {
    const arr: unknown[] = Array.from({ length: key }, () => null);
    arr.push(nest(more, value));
    return arr;
  }
  return { [key]: nest(more, value) };
}

const KEPT_STYLES = new Set(["BLOCK_FOLDED", "BLOCK_LITERAL", "QUOTE_DOUBLE", "QUOTE_SINGLE"]);

/** A node for `value`, written in a style that suits where it goes. */
function makeNode(
  doc: Document,
  value: unknown,
  path: readonly PathKey[],
  old: unknown,
  options: YamlEditOptions,
): unknown {
  const node = isNode(value) ? value : doc.createNode(value);
  // A string keeps the quoting or block style of the string it replaces (but "" had to be quoted).
  if (
    isScalar(node) &&
    isScalar(old) &&
    typeof node.value === "string" &&
    typeof old.value === "string" &&
    old.value !== "" &&
    node.type === undefined &&
    old.type &&
    KEPT_STYLES.has(old.type)
  ) {
    node.type = old.type;
  }
  if (isCollection(node) && isCollection(old) && old.flow) node.flow = true;
  markFlow(node, path, options);
  return node;
}

/** Short lists of plain values, and the maps the options name, are written `[a, b]` / `{ a: 1 }`. */
function markFlow(node: unknown, path: readonly PathKey[], options: YamlEditOptions): void {
  if (isSeq(node)) {
    if (node.items.every((i) => isScalar(i) || i === null)) node.flow = true;
    node.items.forEach((item, i) => markFlow(item, [...path, i], options));
  } else if (isMap(node)) {
    if (options.flowMap?.(path)) node.flow = true;
    for (const pair of node.items) markFlow(pair.value, [...path, String(keyOf(pair))], options);
  }
}

function setPath(doc: Document, path: readonly PathKey[], value: unknown, options: YamlEditOptions): void {
  if (!isCollection(doc.contents)) {
    const node = doc.createNode(nest(path, value));
    markFlow(node, [], options);
    doc.contents = node as Node;
    return;
  }
  let parent: Collection = doc.contents as Collection;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const existing = childOf(parent, key);
    if (i < path.length - 1 && isCollection(existing)) {
      parent = existing as Collection;
      continue;
    }
    const here = path.slice(0, i + 1);
    const node = makeNode(doc, nest(path.slice(i + 1), value), here, existing, options);
    putChild(doc, parent, key, node, path.slice(0, i), options);
    return;
  }
}

function putChild(
  doc: Document,
  parent: Collection,
  key: PathKey,
  node: unknown,
  parentPath: readonly PathKey[],
  options: YamlEditOptions,
): void {
  if (isMap(parent)) {
    const pair = findPair(parent, key);
    if (pair) {
      pair.value = node;
      return;
    }
    const fresh = doc.createPair(key, node) as Pair<unknown, unknown>;
    parent.items.splice(insertIndex(parent, key, parentPath, options), 0, fresh);
    return;
  }
  if (typeof key !== "number") throw new Error("a list needs a number as key");
  while (parent.items.length < key) parent.items.push(null);
  parent.items[key] = node;
}

/** Where a new key goes among the existing pairs: before the first that the order puts after it. */
function insertIndex(
  map: YAMLMap<unknown, unknown>,
  key: PathKey,
  parentPath: readonly PathKey[],
  options: YamlEditOptions,
): number {
  const order = options.keyOrder?.(parentPath);
  const rank = order ? order.indexOf(String(key)) : -1;
  if (!order || rank < 0) return map.items.length;
  const at = map.items.findIndex((p) => order.indexOf(String(keyOf(p))) > rank);
  return at < 0 ? map.items.length : at;
}

// ---------------------------------------------------------------------------------------
// The same change, made in the text

function lineStart(src: string, pos: number): number {
  return src.lastIndexOf("\n", pos - 1) + 1;
}

function afterLine(src: string, pos: number): number {
  const nl = src.indexOf("\n", pos);
  return nl < 0 ? src.length : nl + 1;
}

function rangeOf(node: unknown): [number, number, number] | null {
  if (!isNode(node) || !node.range) return null;
  return node.range as [number, number, number];
}

/** Where the lines of an entry (pair or list item) end, trailing comment and newline included. */
function entryEnd(src: string, node: unknown): number {
  const r = rangeOf(node);
  if (!r) throw new Error("no range");
  const end = r[2];
  if (end > 0 && src[end - 1] === "\n") return end;
  return afterLine(src, end);
}

function pairEndNode(pair: Pair<unknown, unknown>): unknown {
  return isNode(pair.value) && pair.value.range ? pair.value : pair.key;
}

function keyStart(pair: Pair<unknown, unknown>): number {
  const r = rangeOf(pair.key);
  if (!r) throw new Error("no key range");
  return r[0];
}

function indentLines(text: string, indent: string, first = true): string {
  return text
    .split("\n")
    .map((line, i) => (line === "" || (i === 0 && !first) ? line : indent + line))
    .join("\n");
}

function onlySpace(s: string): boolean {
  return /^[ \t]*$/.test(s);
}

function insertLines(src: string, at: number, lines: string): string {
  const gap = at === src.length && src.length > 0 && !src.endsWith("\n") ? "\n" : "";
  return src.slice(0, at) + gap + lines + "\n" + src.slice(at);
}

function printed(contents: unknown, options: ToStringOptions): string {
  const d = new Document();
  d.contents = contents as Node;
  return d.toString({ lineWidth: 0, minContentWidth: 0, ...options }).replace(/\n$/, "");
}

/** `key: value` as block YAML at indentation 0, without the final newline. */
function printPair(key: PathKey, node: unknown, options: ToStringOptions = {}): string {
  const d = new Document({});
  (d.contents as YAMLMap<unknown, unknown>).items.push(d.createPair(key, node) as Pair<unknown, unknown>);
  return d.toString({ lineWidth: 0, minContentWidth: 0, ...options }).replace(/\n$/, "");
}

function flowPadding(src: string, node: unknown): boolean {
  const r = rangeOf(node);
  if (!r) return isMap(node);
  const t = src.slice(r[0], r[1]);
  if (/^[[{]\s*[\]}]$/.test(t)) return isMap(node);
  return /^[[{][ \t]/.test(t);
}

function isBlockScalarType(type: unknown): boolean {
  return type === "BLOCK_FOLDED" || type === "BLOCK_LITERAL";
}

function splice(
  doc: Document.Parsed,
  src: string,
  path: readonly PathKey[],
  value: unknown,
  reference: Document,
  options: YamlEditOptions,
): string | null {
  let parent: unknown = doc.contents;
  if (!isCollection(parent)) return null;
  for (let i = 0; ; i++) {
    const coll = parent as Collection;
    if (coll.flow) {
      // Inside `[...]` or `{...}` the whole flow collection is printed again.
      const r = rangeOf(coll);
      const fresh = i === 0 ? reference.contents : reference.getIn(path.slice(0, i), true);
      if (!r || !isCollection(fresh)) return null;
      fresh.flow = true;
      return src.slice(0, r[0]) + printed(fresh, { flowCollectionPadding: flowPadding(src, coll) }) + src.slice(r[1]);
    }
    const key = path[i];
    const last = i === path.length - 1;
    const pair = isMap(coll) ? findPair(coll, key) : undefined;
    const exists = isMap(coll) ? pair !== undefined : typeof key === "number" && key < coll.items.length;
    const child = childOf(coll, key);
    if (last && value === undefined) return exists ? removeEntry(src, coll, key, pair) : src;
    if (!last && exists && isCollection(child)) {
      parent = child;
      continue;
    }
    const fresh = reference.getIn(path.slice(0, i + 1), true);
    if (exists) return replaceValue(src, pair, child, fresh);
    return insertEntry(src, coll, key, fresh, path.slice(0, i), options);
  }
}

function removeEntry(
  src: string,
  coll: Collection,
  key: PathKey,
  pair: Pair<unknown, unknown> | undefined,
): string | null {
  if (pair && isMap(coll)) {
    const ks = keyStart(pair);
    const ls = lineStart(src, ks);
    if (onlySpace(src.slice(ls, ks))) return src.slice(0, ls) + src.slice(entryEnd(src, pairEndNode(pair)));
    // `- key: value` — the key shares its line with the list dash: keep the dash.
    const next = coll.items[coll.items.indexOf(pair) + 1];
    if (!next) return null;
    return src.slice(0, ks) + src.slice(keyStart(next));
  }
  if (isSeq(coll) && typeof key === "number") {
    const r = rangeOf(coll.items[key]);
    if (!r) return null;
    const ls = lineStart(src, r[0]);
    if (!/^[ \t]*-[ \t]*$/.test(src.slice(ls, r[0]))) return null;
    return src.slice(0, ls) + src.slice(entryEnd(src, coll.items[key]));
  }
  return null;
}

/** The column the entry holding `node` starts at: its key, or its list dash. */
function entryColumn(src: string, pair: Pair<unknown, unknown> | undefined, node: unknown): number | null {
  if (pair) {
    const ks = keyStart(pair);
    return ks - lineStart(src, ks);
  }
  const r = rangeOf(node);
  if (!r) return null;
  const ls = lineStart(src, r[0]);
  const m = /^([ \t]*)-/.exec(src.slice(ls, r[0]));
  return m ? m[1].length : null;
}

function replaceValue(
  src: string,
  pair: Pair<unknown, unknown> | undefined,
  old: unknown,
  fresh: unknown,
): string | null {
  const r = rangeOf(old);
  const column = entryColumn(src, pair, old);
  if (!r || column === null) return null;
  const [a, b] = r;
  if (isCollection(old) && !old.flow) return null;

  if (isScalar(fresh)) {
    let text = printScalar(src, fresh, old, column);
    if (a === b) text = " " + text;
    // A block scalar's range ends after its last line break; a plain one's before it.
    if (src.slice(a, b).endsWith("\n")) text += "\n";
    // An aligned comment after a one-line value keeps its column where it can.
    const comment = /^([ \t]+)#/.exec(src.slice(b));
    const oldText = src.slice(a, b);
    if (comment && !text.includes("\n") && !oldText.includes("\n") && !comment[1].includes("\t")) {
      const spaces = Math.max(1, comment[1].length - (text.length - oldText.length));
      return src.slice(0, a) + text + " ".repeat(spaces) + src.slice(b + comment[1].length);
    }
    return src.slice(0, a) + text + src.slice(b);
  }
  if (!isCollection(fresh)) return null;
  if (fresh.flow || isCollection(old)) {
    fresh.flow = true;
    const padding = isCollection(old) ? flowPadding(src, old) : isMap(fresh);
    const text = printed(fresh, { flowCollectionPadding: padding });
    return src.slice(0, a) + (a === b ? " " : "") + text + src.slice(b);
  }
  // A block list or map where there was nothing (`key:`) or a one-line value: new lines
  // below the key line, the old value taken out.
  if (src.slice(a, b).includes("\n")) return null;
  const rest = src.slice(b);
  const lineEnd = b + (rest.indexOf("\n") < 0 ? rest.length : rest.indexOf("\n"));
  if (!/^[ \t]*(#.*)?$/.test(src.slice(b, lineEnd))) return null;
  const head = src.slice(0, a).replace(/[ \t]+$/, "") + src.slice(b, lineEnd);
  const block = printed(fresh, {});
  return head + "\n" + indentLines(block, " ".repeat(column + 2)) + src.slice(lineEnd);
}

/** A scalar as it follows `key: ` (or `- `) on a line whose entry starts at `column`. */
function printScalar(src: string, fresh: Scalar, old: unknown, column: number): string {
  let lineWidth = 0;
  let contentIndent = column + 2;
  if (isScalar(old) && isBlockScalarType(old.type)) {
    const r = rangeOf(old)!;
    const lines = src.slice(r[0], r[1]).split("\n").slice(1).filter((l) => l.trim() !== "");
    if (lines.length > 0) {
      contentIndent = /^ */.exec(lines[0])![0].length;
      if (fresh.type === "BLOCK_FOLDED" && lines.length > 1) {
        const widest = Math.max(...lines.map((l) => l.length - contentIndent));
        if (widest >= 40) lineWidth = widest + 2;
      }
    }
  }
  const out = printPair("k", fresh, { lineWidth });
  let text = out.replace(/^k: ?/, "");
  if (text.includes("\n")) {
    const pad = " ".repeat(contentIndent);
    text = text
      .split("\n")
      .map((line, i) => (i === 0 || line === "" ? line : pad + line.replace(/^ {2}/, "")))
      .join("\n");
  }
  return text;
}

function insertEntry(
  src: string,
  coll: Collection,
  key: PathKey,
  fresh: unknown,
  parentPath: readonly PathKey[],
  options: YamlEditOptions,
): string | null {
  if (coll.items.length === 0) return null;
  if (isMap(coll)) {
    const pairs = coll.items;
    const firstKey = keyStart(pairs[0]);
    const indent = " ".repeat(firstKey - lineStart(src, firstKey));
    const text = printPair(key, fresh, { flowCollectionPadding: isMap(fresh) });
    const order = options.keyOrder?.(parentPath);
    const rank = order ? order.indexOf(String(key)) : -1;
    const before = rank >= 0 && order ? pairs.find((p) => order.indexOf(String(keyOf(p))) > rank) : undefined;
    if (before) {
      const ks = keyStart(before);
      const ls = lineStart(src, ks);
      if (!onlySpace(src.slice(ls, ks))) {
        // Before the first key of a `- key: value` item: after the dash, then the old key.
        return src.slice(0, ks) + indentLines(text, indent, false) + "\n" + indent + src.slice(ks);
      }
      // Comment lines directly above a key belong to it: go above them.
      let at = ls;
      while (at > 0) {
        const prev = lineStart(src, at - 1);
        if (/^[ \t]*#/.test(src.slice(prev, at - 1))) at = prev;
        else break;
      }
      return insertLines(src, at, indentLines(text, indent));
    }
    return insertLines(src, entryEnd(src, pairEndNode(pairs[pairs.length - 1])), indentLines(text, indent));
  }
  if (typeof key !== "number" || key !== coll.items.length) return null;
  const r = rangeOf(coll.items[0]);
  if (!r) return null;
  const m = /^([ \t]*)-[ \t]*$/.exec(src.slice(lineStart(src, r[0]), r[0]));
  if (!m) return null;
  // The entry is printed as the only item of a list: "- kind: …\n  what_we_did: …".
  const d = new Document([]);
  (d.contents as YAMLSeq<unknown>).items.push(fresh);
  const text = d.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: isMap(fresh) }).replace(/\n$/, "");
  return insertLines(src, entryEnd(src, coll.items[coll.items.length - 1]), indentLines(text, m[1]));
}

// ---------------------------------------------------------------------------------------
// Checking and falling back

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.prototype.hasOwnProperty.call(b, k) &&
      deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function sameData(text: string, reference: Document): boolean {
  const again = parseYaml(text);
  if (again.errors.length > 0) return false;
  return deepEqual(again.toJS(), reference.toJS());
}

function fallbackOptions(src: string): ToStringOptions {
  return {
    lineWidth: 0,
    minContentWidth: 0,
    flowCollectionPadding: /[[{][ \t]+[^\s\]}]/.test(src),
    indentSeq: !/^([ \t]*)[^\s#-][^\n]*:[ \t]*\n\1-[ \t]/m.test(src),
  };
}
