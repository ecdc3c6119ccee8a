import { describe, expect, it } from "vitest";
import type { GapCounts, SectionGap, SourceGaps, StaleItem } from "../api/types";
import { fixChange } from "../editor/fixes";
import {
  byteRange,
  citingSentence,
  isSectionGap,
  movedCitationFix,
  riskCard,
  riskCardInsertion,
  sectionGroups,
  sectionTopics,
  summaryItems,
  totalGaps,
} from "./gaps";

const bytes = (text: string, part: string, from = 0) => {
  const at = text.indexOf(part, from);
  const enc = new TextEncoder();
  const start = enc.encode(text.slice(0, at)).length;
  return { start, end: start + enc.encode(part).length };
};

function stale(text: string, link: string, change: string, passage: string, newPassage: string | null): StaleItem {
  const { start, end } = bytes(text, link);
  return {
    citation: {
      citation: `card#${passage}`,
      source: "card",
      passage,
      change,
      old_text: "Old.",
      new_text: change === "removed" ? null : "New.",
      new_passage: newPassage,
      start,
      end,
    },
    line: 1,
    column: 1,
    quote: link,
  };
}

const COUNTS: GapCounts = {
  risks: 5,
  specified_risks: 4,
  risk_sections: 2,
  fields: 3,
  figures: 0,
  citations: 1,
  uncited: 0,
  stale: 1,
  missing_sources: 0,
};

const section = (over: Partial<SectionGap>): SectionGap => ({
  id: "sec",
  name: "Section",
  level: 2,
  page: null,
  passages: 1,
  cited_passages: 0,
  drawn_on: false,
  risks: [],
  mitigations: [],
  left_out_on_purpose: false,
  ...over,
});

describe("the summary", () => {
  it("lists the kinds of gap there are, changed sources first, and adds them up", () => {
    expect(summaryItems(COUNTS)).toEqual([
      { part: "stale", count: 1 },
      { part: "risks", count: 5 },
      { part: "sources", count: 5 },
      { part: "citations", count: 1 },
    ]);
    // Specified risks are among the risks, not counted twice.
    expect(totalGaps(COUNTS)).toBe(12);
    expect(summaryItems({ ...COUNTS, risks: 0, specified_risks: 0, risk_sections: 0, fields: 0, citations: 0, stale: 0 })).toEqual([]);
  });
});

describe("sections of a source", () => {
  it("groups them as Rust's is_gap does: about risks, not cited, not left out on purpose", () => {
    const bias = section({ id: "bias", risks: ["Discrimination"] });
    const safeguards = section({ id: "safe", mitigations: ["Checking what goes in"] });
    const cited = section({ id: "cyber", risks: ["Cyber attacks"], drawn_on: true, cited_passages: 1 });
    const removed = section({ id: "secret", risks: ["Cyber attacks"], left_out_on_purpose: true });
    const plain = section({ id: "intro" });
    const source: SourceGaps = {
      source: "card",
      title: "Card",
      file: "card.md",
      sections_drawn_on: 1,
      sections: [plain, bias, cited, removed, safeguards],
      fields_left_out: [],
    };
    expect(isSectionGap(bias)).toBe(true);
    expect(isSectionGap(plain)).toBe(false);
    expect(isSectionGap(removed)).toBe(false);
    const groups = sectionGroups(source);
    expect(groups.notCited.map((s) => s.id)).toEqual(["bias", "safe"]);
    expect(groups.onPurpose.map((s) => s.id)).toEqual(["secret"]);
    expect(groups.drawnOn.map((s) => s.id)).toEqual(["cyber"]);
    expect(sectionTopics(section({ risks: ["A"], mitigations: ["B", "C"] }))).toBe("A; B; C");
  });
});

describe("the sentence citing a passage", () => {
  const text = [
    "---",
    "title: T",
    "---",
    "",
    "# What could go wrong",
    "In tests, 12% of attacks succeeded ([Example card](source:card#sec-cyber-p1)). An outside lab checked it.",
    "",
    "It has 7 billion parameters. It was trained on “2 trillion” tokens ([card, p. 2](source:card#sec-details-p3)) in 2025. More text.",
    "",
    "```risk",
    "id: cyber",
    "sources: [card#sec-cyber-p1]",
    "```",
  ].join("\n");

  it("is the sentence around the link, the link shown as its words, without the heading", () => {
    const link = "[Example card](source:card#sec-cyber-p1)";
    const { start, end } = bytes(text, link);
    expect(citingSentence(text, start, end)).toBe("In tests, 12% of attacks succeeded (Example card).");
  });

  it("starts after the previous sentence and counts bytes, not characters", () => {
    const link = "[card, p. 2](source:card#sec-details-p3)";
    const { start, end } = bytes(text, link);
    expect(citingSentence(text, start, end)).toBe("It was trained on “2 trillion” tokens (card, p. 2) in 2025.");
  });

  it("is null for a citation in a risk card, and for offsets that do not fit the text", () => {
    const { start, end } = bytes(text, "card#sec-cyber-p1]");
    expect(citingSentence(text, start, end)).toBeNull();
    expect(citingSentence("short", 10, 20)).toBeNull();
  });

  it("is shortened when very long", () => {
    const long = `${"word ".repeat(80)}[c](source:c#p1).`;
    const { start, end } = bytes(long, "[c](source:c#p1)");
    const sentence = citingSentence(long, start, end, 40)!;
    expect(sentence.length).toBe(40);
    expect(sentence.endsWith("…")).toBe(true);
  });
});

describe("citing the new id of a passage that moved", () => {
  it("replaces #old with #new inside the link, as an edit the editor applies", () => {
    const text = "Café ([card](source:card#sec-a-p1)) and ([card](source:card#sec-a-p10)).\n";
    const item = stale(text, "[card](source:card#sec-a-p1)", "moved", "sec-a-p1", "sec-b-p4");
    const fix = movedCitationFix(text, item)!;
    expect(fix).not.toBeNull();
    const change = fixChange(text, text, fix)!;
    const next = text.slice(0, change.from) + change.insert + text.slice(change.to);
    expect(next).toBe("Café ([card](source:card#sec-b-p4)) and ([card](source:card#sec-a-p10)).\n");
  });

  it("does not take #sec-p1 for the start of #sec-p10", () => {
    const text = "See [x](source:card#sec-p10).";
    const item = stale(text, "[x](source:card#sec-p10)", "moved", "sec-p1", "sec-p2");
    expect(movedCitationFix(text, item)).toBeNull();
  });

  it("works in a risk card's sources list", () => {
    const text = "```risk\nid: r\nsources: [card#sec-a-p1, card#sec-c-p2]\n```\n";
    const item = stale(text, "```risk\nid: r\nsources: [card#sec-a-p1, card#sec-c-p2]\n```", "moved", "sec-a-p1", "sec-b-p1");
    const fix = movedCitationFix(text, item)!;
    const change = fixChange(text, text, fix)!;
    expect(text.slice(0, change.from) + change.insert + text.slice(change.to)).toContain("[card#sec-b-p1, card#sec-c-p2]");
  });

  it("is null for a passage that changed or went, and when the link is not there", () => {
    const text = "See [x](source:card#sec-p1).";
    expect(movedCitationFix(text, stale(text, "[x](source:card#sec-p1)", "changed", "sec-p1", "sec-p1"))).toBeNull();
    expect(movedCitationFix(text, stale(text, "[x](source:card#sec-p1)", "removed", "sec-p1", null))).toBeNull();
    const elsewhere = stale(text, "See", "moved", "sec-p1", "sec-p2");
    expect(movedCitationFix(text, elsewhere)).toBeNull();
  });
});

describe("a risk card for a category without one", () => {
  it("uses the category as its id unless a card has it, and quotes odd titles", () => {
    expect(riskCard("", "cbrn", "Weapons that harm many")).toBe("```risk\nid: cbrn\ncategory: cbrn\ntitle: Weapons that harm many\n```");
    const taken = "```risk\nid: cbrn\ncategory: cbrn\n```\n";
    expect(riskCard(taken, "cbrn", "Weapons: chemical")).toBe('```risk\nid: cbrn-2\ncategory: cbrn\ntitle: "Weapons: chemical"\n```');
  });

  it("goes after the last card, or at the end, with blank lines around it", () => {
    const card = riskCard("", "cbrn", "Weapons");
    const none = "# Risks\n\nText.";
    const end = riskCardInsertion(none, card);
    expect(end.at).toBe(none.length);
    expect(end.insert).toBe(`\n\n${card}\n`);
    expect(end.insert.slice(end.titleAt, end.insert.indexOf("\n", end.titleAt))).toBe("Weapons");

    const withCards = "# Risks\n\n```risk\nid: a\n```\n\nLast words.\n";
    const after = riskCardInsertion(withCards, card);
    expect(withCards.slice(0, after.at).endsWith("```")).toBe(true);
    const next = withCards.slice(0, after.at) + after.insert + withCards.slice(after.at);
    expect(next).toBe(`# Risks\n\n\`\`\`risk\nid: a\n\`\`\`\n\n${card}\n\nLast words.\n`);
  });
});

describe("byte ranges", () => {
  it("turn UTF-8 offsets into string indices", () => {
    const text = "é🙂x";
    expect(byteRange(text, 2, 7)).toEqual({ from: 1, to: 4 });
  });
});
