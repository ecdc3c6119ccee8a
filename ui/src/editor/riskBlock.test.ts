// @vitest-environment node
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { VocabularyEntry } from "../api/types";
import {
  aboutOf,
  addRiskSource,
  groupCategories,
  findFencedBlocks,
  findRiskBlockAt,
  findRiskBlocks,
  numberOrText,
  parseRiskBody,
  rangeValue,
  riskIds,
  riskSkeleton,
  updateRiskField,
} from "./riskBlock";
import { editYaml } from "./yamlEdit";

const BODY = `id: cyber                          # unique in the document
category: cyber-offence
title: Helping attackers break into computer systems
what_could_happen: >-
  Someone could ask Example-1 to find weak points in a company's computers or to write
  harmful software, and use the answers in a real attack.
likelihood:
  estimate: 0.2                    # a probability, "20%", or a calibrated word
  range: [0.1, 0.3]
  per: attempt by a skilled attacker
severity: high
who_is_affected: Companies, hospitals, public bodies and the people who rely on them.
mitigations:
  - kind: input-output-filtering   # a mitigation kind
    what_we_did: A second program checks requests and answers and blocks attack instructions.
    effect: { before: 0.2, after: 0.04, measure: share of attempts that succeeded }
  - kind: behaviour-change
    what_we_did: We trained Example-1 to refuse requests for attack tools.
what_you_can_do: >-
  If you see Example-1 helping with an attack, report it at security@example.ai.
sources: [report#sec-7-3]
`;

const DOC = `---
title: "Example-1: what you should know"
sources:
  - id: report
    title: Example-1 Model Report
    file: example-1-model-report.pdf
---

# The risks

\`\`\`candor-risk-overview
\`\`\`

\`\`\`risk
${BODY}\`\`\`

Some text between.

\`\`\`\`markdown
\`\`\`risk
id: not-a-real-block
\`\`\`
\`\`\`\`

~~~risk
id: manipulation
title: Persuading people
~~~
`;

function update(body: string, path: (string | number)[], value: unknown): string {
  const result = updateRiskField(body, path, value);
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

/** The lines of `after` that are not in `before` and the other way round, in order. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

describe("finding risk blocks", () => {
  it("finds every risk fence of the body, not those inside other fences", () => {
    const blocks = findRiskBlocks(DOC);
    expect(blocks).toHaveLength(2);
    expect(DOC.slice(blocks[0].bodyFrom, blocks[0].bodyTo)).toBe(BODY);
    expect(DOC.slice(blocks[1].bodyFrom, blocks[1].bodyTo)).toBe("id: manipulation\ntitle: Persuading people\n");
    expect(DOC.slice(blocks[1].from, blocks[1].to)).toBe("~~~risk\nid: manipulation\ntitle: Persuading people\n~~~");
    // The ```` fence around the example is one block with info "markdown".
    expect(findFencedBlocks(DOC).map((b) => b.info)).toEqual(["candor-risk-overview", "risk", "markdown", "risk"]);
  });

  it("finds the block around a position, fence lines included", () => {
    const [first, second] = findRiskBlocks(DOC);
    expect(findRiskBlockAt(DOC, DOC.indexOf("severity: high"))).toEqual(first);
    expect(findRiskBlockAt(DOC, first.from)).toEqual(first);
    expect(findRiskBlockAt(DOC, first.to)).toEqual(first);
    expect(findRiskBlockAt(DOC, DOC.indexOf("Persuading"))).toEqual(second);
  });

  it("finds nothing outside risk blocks", () => {
    expect(findRiskBlockAt(DOC, DOC.indexOf("Some text between"))).toBeNull();
    expect(findRiskBlockAt(DOC, DOC.indexOf("# The risks"))).toBeNull();
    expect(findRiskBlockAt(DOC, DOC.indexOf("not-a-real-block"))).toBeNull();
    expect(findRiskBlockAt(DOC, 0)).toBeNull();
    expect(findRiskBlockAt("no fences at all", 3)).toBeNull();
  });

  it("takes an unclosed fence to the end of the text", () => {
    const text = "Intro\n\n```risk\nid: open\n";
    const [block] = findRiskBlocks(text);
    expect(block.closed).toBe(false);
    expect(text.slice(block.bodyFrom, block.bodyTo)).toBe("id: open\n");
  });

  it("only counts `risk` as the first word of the info string", () => {
    expect(findRiskBlocks("```risky\na: 1\n```\n```text risk\nb: 2\n```\n")).toHaveLength(0);
    expect(findRiskBlocks("```risk extra\na: 1\n```\n")).toHaveLength(1);
  });

  it("skips the front matter", () => {
    const text = "---\ntitle: x\n---\n```risk\nid: a\n```\n";
    expect(findRiskBlocks(text)).toHaveLength(1);
    expect(riskIds(DOC)).toEqual(["cyber", "manipulation"]);
  });
});

describe("reading a risk block", () => {
  it("reads every field as text, numbers as written", () => {
    const parsed = parseRiskBody(BODY.replace("estimate: 0.2 ", "estimate: 0.20"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const f = parsed.fields;
    expect(f.id).toBe("cyber");
    expect(f.category).toBe("cyber-offence");
    expect(f.what_could_happen).toBe(
      "Someone could ask Example-1 to find weak points in a company's computers or to write harmful software, and use the answers in a real attack.",
    );
    expect(f.likelihood).toEqual({ estimate: "0.20", range: ["0.1", "0.3"], per: "attempt by a skilled attacker", basis: "" });
    expect(f.severity).toBe("high");
    expect(f.mitigations).toEqual([
      {
        kind: "input-output-filtering",
        what_we_did: "A second program checks requests and answers and blocks attack instructions.",
        effect: { before: "0.2", after: "0.04", measure: "share of attempts that succeeded" },
      },
      {
        kind: "behaviour-change",
        what_we_did: "We trained Example-1 to refuse requests for attack tools.",
        effect: { before: "", after: "", measure: "" },
      },
    ]);
    expect(f.sources).toEqual(["report#sec-7-3"]);
  });

  it("reports invalid YAML with its line instead of fields", () => {
    const parsed = parseRiskBody("id: x\ntitle: [unclosed\nseverity: high\n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).not.toBe("");
    expect(parsed.error.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses a block that is not key: value lines", () => {
    expect(parseRiskBody("- a\n- b\n").ok).toBe(false);
  });

  it("reads an empty block as empty fields", () => {
    const parsed = parseRiskBody("");
    expect(parsed.ok && parsed.fields.title).toBe("");
  });
});

describe("updating one field", () => {
  it("changes only the value, keeping comments and the rest byte for byte", () => {
    const after = update(BODY, ["severity"], "critical");
    expect(after).toBe(BODY.replace("severity: high", "severity: critical"));
  });

  it("keeps an aligned comment in its column", () => {
    const after = update(BODY, ["likelihood", "estimate"], numberOrText("0.25"));
    expect(after).toBe(BODY.replace("estimate: 0.2                    #", "estimate: 0.25                   #"));
    expect(update(BODY, ["id"], "cyber-attack")).toContain("id: cyber-attack                   # unique in the document\n");
  });

  it("quotes what YAML would misread", () => {
    const after = update(BODY, ["title"], "Risk: yes");
    expect(after).toContain('title: "Risk: yes"\n');
    expect(parseDocument(after).get("title")).toBe("Risk: yes");
    expect(update(BODY, ["title"], "true")).toContain('title: "true"\n');
  });

  it("keeps quotes the author chose, but not the quotes an empty value needed", () => {
    expect(update('id: a\ntitle: "Quoted"\n', ["title"], "Still quoted")).toBe('id: a\ntitle: "Still quoted"\n');
    expect(update('id: a\nkind: ""\n', ["kind"], "security")).toBe("id: a\nkind: security\n");
  });

  it("keeps a folded paragraph folded and leaves the other one alone", () => {
    const text =
      "Someone could ask Example-1 to find weak points in a company's computers or to write harmful software, and use the answers in a real attack, or many more.";
    const after = update(BODY, ["what_could_happen"], text);
    expect(parseDocument(after).get("what_could_happen")).toBe(text);
    expect(after).toContain("what_could_happen: >-\n  Someone could ask");
    expect(after).toContain(
      "what_you_can_do: >-\n  If you see Example-1 helping with an attack, report it at security@example.ai.\n",
    );
    expect(after.split("\n").every((l) => l.length <= 100)).toBe(true);
  });

  it("adds a missing key where the format lists it", () => {
    const after = update(BODY, ["likelihood", "basis"], "Red-team evaluation, February 2026");
    expect(lineDiff(BODY, after)).toEqual({ removed: [], added: ["  basis: Red-team evaluation, February 2026"] });
    expect(after.indexOf("  basis:")).toBeGreaterThan(after.indexOf("  per:"));
    expect(after.indexOf("  basis:")).toBeLessThan(after.indexOf("severity:"));

    const noSeverity = BODY.replace("severity: high\n", "");
    const back = update(noSeverity, ["severity"], "low");
    expect(back).toBe(BODY.replace("severity: high", "severity: low"));
  });

  it("edits inside a flow mapping and a flow list", () => {
    const after = update(BODY, ["mitigations", 0, "effect", "after"], numberOrText("0.05"));
    expect(after).toBe(BODY.replace("after: 0.04,", "after: 0.05,"));
    const ranged = update(BODY, ["likelihood", "range"], rangeValue("0.1", "0.35"));
    expect(ranged).toBe(BODY.replace("[0.1, 0.3]", "[0.1, 0.35]"));
  });

  it("creates a missing effect in flow style", () => {
    const after = update(BODY, ["mitigations", 1, "effect", "before"], numberOrText("0.5"));
    expect(lineDiff(BODY, after)).toEqual({ removed: [], added: ["    effect: { before: 0.5 }"] });
  });

  it("adds and removes a mitigation", () => {
    const added = update(BODY, ["mitigations", 2], { kind: "security", what_we_did: "Locked the weights away." });
    expect(lineDiff(BODY, added).added).toEqual(["  - kind: security", "    what_we_did: Locked the weights away."]);
    expect(added.indexOf("  - kind: security")).toBeLessThan(added.indexOf("what_you_can_do"));

    const removed = update(BODY, ["mitigations", 0], undefined);
    expect(lineDiff(BODY, removed)).toEqual({
      removed: [
        "  - kind: input-output-filtering   # a mitigation kind",
        "    what_we_did: A second program checks requests and answers and blocks attack instructions.",
        "    effect: { before: 0.2, after: 0.04, measure: share of attempts that succeeded }",
      ],
      added: [],
    });
  });

  it("removes a list or map that would be left empty", () => {
    const one = update(BODY, ["mitigations", 1], undefined);
    const none = update(one, ["mitigations", 0], undefined);
    expect(none).not.toContain("mitigations");
    expect(none).toContain("who_is_affected:");
    expect(none).toContain("what_you_can_do:");
  });

  it("removes a key and leaves the others", () => {
    const after = update(BODY, ["likelihood", "per"], undefined);
    expect(lineDiff(BODY, after)).toEqual({ removed: ["  per: attempt by a skilled attacker"], added: [] });
  });

  it("removes the first key of a list item without losing the dash", () => {
    const after = update(BODY, ["mitigations", 1, "kind"], undefined);
    expect(after).toContain("  - what_we_did: We trained Example-1");
    expect(parseDocument(after).toJS().mitigations[1]).toEqual({
      what_we_did: "We trained Example-1 to refuse requests for attack tools.",
    });
  });

  it("fills the empty fields of a new block", () => {
    const skeleton = riskSkeleton(["risk-1"]);
    expect(skeleton.text.slice(skeleton.idFrom, skeleton.idTo)).toBe("risk-2");
    const body = skeleton.text.replace(/^```risk\n/, "").replace(/```$/, "");
    let next = update(body, ["title"], "A new risk");
    next = update(next, ["mitigations", 0, "kind"], "security");
    next = update(next, ["mitigations", 0, "effect", "before"], numberOrText("0.3"));
    next = update(next, ["likelihood", "range"], rangeValue("0.1", ""));
    expect(next).toContain("\ntitle: A new risk\n");
    expect(next).toContain("\n  - kind: security\n");
    expect(next).toContain("\n    effect: { before: 0.3 }\n");
    expect(next).toContain("\n  range: [0.1, null]\n");
    const parsed = parseRiskBody(next);
    expect(parsed.ok && parsed.fields.likelihood.range).toEqual(["0.1", ""]);
  });

  it("turns `likelihood: word` into a map instead of losing the word", () => {
    const body = "id: a\nlikelihood: unlikely\nseverity: low\n";
    const parsed = parseRiskBody(body);
    expect(parsed.ok && parsed.fields.likelihood.estimate).toBe("unlikely");
    const after = update(body, ["likelihood", "per"], "attempt");
    expect(after).toBe("id: a\nlikelihood:\n  estimate: unlikely\n  per: attempt\nseverity: low\n");
    // Elsewhere a value in the way is refused rather than replaced.
    expect(updateRiskField("id: a\nmitigations: none\n", ["mitigations", 0, "kind"], "x").ok).toBe(false);
  });

  it("does not touch invalid YAML", () => {
    const broken = "id: x\ntitle: [unclosed\n";
    const result = updateRiskField(broken, ["severity"], "high");
    expect(result.ok).toBe(false);
  });

  it("falls back to printing the document when the text cannot be spliced, data intact", () => {
    // A block list where a flow list is expected cannot be replaced in place.
    const body = "id: a\nlikelihood:\n  range:\n    - 0.1\n    - 0.3\n  per: try\n";
    const after = update(body, ["likelihood", "range"], rangeValue("0.2", "0.3"));
    expect(parseDocument(after).toJS()).toEqual({ id: "a", likelihood: { range: [0.2, 0.3], per: "try" } });
  });
});

describe("adding a cited passage", () => {
  it("appends to the list once, and creates or converts it when needed", () => {
    const add = (body: string, ref: string) => {
      const r = addRiskSource(body, ref);
      if (!r.ok) throw new Error(r.error);
      return r.text;
    };
    expect(add(BODY, "report#sec-7-4")).toBe(BODY.replace("[report#sec-7-3]", "[report#sec-7-3, report#sec-7-4]"));
    expect(add(BODY, "report#sec-7-3")).toBe(BODY);
    expect(add("id: a\n", "report#x")).toBe("id: a\nsources: [report#x]\n");
    expect(add("id: a\nsources: report#x\n", "report#y")).toBe("id: a\nsources: [report#x, report#y]\n");
    expect(add("id: a\nsources:\n  - report#x\n", "report#y")).toBe("id: a\nsources:\n  - report#x\n  - report#y\n");
    expect(addRiskSource("id: [\n", "r").ok).toBe(false);
  });
});

describe("values typed into the form", () => {
  it("turns numbers into YAML numbers with their decimals, the rest into text", () => {
    const n = numberOrText("0.20");
    expect(typeof n).toBe("object");
    expect(editYaml("estimate: 1\n", ["estimate"], n)).toEqual({ ok: true, text: "estimate: 0.20\n" });
    expect(numberOrText("20%")).toBe("20%");
    expect(numberOrText("unlikely")).toBe("unlikely");
    expect(numberOrText("  ")).toBeUndefined();
    expect(rangeValue("", "")).toBeUndefined();
  });
});

describe("categories by where they come from", () => {
  const entry = (id: string, group: string | null, specified = false, about = ""): VocabularyEntry => ({
    id,
    name: id,
    about,
    reference: null,
    group,
    specified,
  });

  it("groups in a fixed order, keeping the vocabulary's order inside a group", () => {
    const groups = groupCategories([
      entry("mine", "project"),
      entry("privacy", "broader"),
      entry("cbrn", "specified", true),
      entry("discrimination", "type"),
      entry("cyber-offence", "specified", true),
      entry("deception", "example"),
      entry("old", "first-draft"),
      entry("environment", "broader"),
    ]);
    expect(groups.map((g) => [g.group, g.entries.map((e) => e.id)])).toEqual([
      ["specified", ["cbrn", "cyber-offence"]],
      ["type", ["discrimination"]],
      ["example", ["deception"]],
      ["first-draft", ["old"]],
      ["broader", ["privacy", "environment"]],
      ["project", ["mine"]],
    ]);
  });

  it("puts categories without a known group where they fit", () => {
    const groups = groupCategories([entry("a", null, true), entry("b", null), entry("c", "someday")]);
    expect(groups.map((g) => [g.group, g.entries.map((e) => e.id)])).toEqual([
      ["specified", ["a"]],
      ["other", ["b", "c"]],
    ]);
    expect(groupCategories([])).toEqual([]);
  });

  it("finds the plain description of an id", () => {
    const list = [entry("cbrn", "specified", true, " Weapons that harm many. "), entry("x", "project")];
    expect(aboutOf(list, "cbrn")).toBe("Weapons that harm many.");
    expect(aboutOf(list, "x")).toBe("");
    expect(aboutOf(list, "missing")).toBe("");
    expect(aboutOf(list, "")).toBe("");
    expect(aboutOf(undefined, "cbrn")).toBe("");
  });
});
