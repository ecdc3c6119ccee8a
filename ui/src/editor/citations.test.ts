// @vitest-environment node
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { citationLink, ensureSourceDeclared, escapeLinkLabel, frontMatterRange } from "./citations";

const FRAMEWORK = { id: "framework", title: "Example AI Safety and Security Framework", file: "example-ai-framework.pdf" };

const HEADER = `---
title: "Example-1: what you should know"   # required
lang: en
sources:                 # the technical documents this summary explains
  - id: report           # letters, digits, - _ . ; used in source: links
    title: Example-1 Model Report
    file: example-1-model-report.pdf
---

# What Example-1 is

Text.
`;

function frontMatter(text: string): Record<string, unknown> {
  const range = frontMatterRange(text);
  if (!range) throw new Error("no front matter");
  return parseDocument(text.slice(range.yamlFrom, range.yamlTo)).toJS();
}

describe("citationLink", () => {
  it("writes a source link", () => {
    expect(citationLink("the model report", "report", "sec-7-1")).toBe("[the model report](source:report#sec-7-1)");
    expect(citationLink("the report", "report", "")).toBe("[the report](source:report)");
  });

  it("escapes brackets and backslashes in the label", () => {
    expect(escapeLinkLabel("a [b] \\ c")).toBe("a \\[b\\] \\\\ c");
    expect(citationLink("see [1]", "report", "p-2")).toBe("[see \\[1\\]](source:report#p-2)");
  });
});

describe("ensureSourceDeclared", () => {
  it("appends to the sources list, keeping comments and layout", () => {
    const { text, changed } = ensureSourceDeclared(HEADER, FRAMEWORK);
    expect(changed).toBe(true);
    expect(text).toBe(
      HEADER.replace(
        "    file: example-1-model-report.pdf\n",
        "    file: example-1-model-report.pdf\n" +
          "  - id: framework\n    title: Example AI Safety and Security Framework\n    file: example-ai-framework.pdf\n",
      ),
    );
  });

  it("changes nothing when the id is declared already", () => {
    const result = ensureSourceDeclared(HEADER, { id: "report", title: "Other", file: "other.pdf" });
    expect(result).toEqual({ text: HEADER, changed: false });
  });

  it("adds sources: to a front matter without it", () => {
    const text = "---\ntitle: A title\nlang: en\n---\nBody\n";
    const result = ensureSourceDeclared(text, FRAMEWORK);
    expect(result.changed).toBe(true);
    expect(result.text.startsWith("---\ntitle: A title\nlang: en\nsources:\n  - id: framework\n")).toBe(true);
    expect(result.text.endsWith("---\nBody\n")).toBe(true);
    expect(frontMatter(result.text)).toEqual({ title: "A title", lang: "en", sources: [FRAMEWORK] });
  });

  it("puts sources before keys the format lists after it, and fills an empty sources:", () => {
    const empty = "---\ntitle: T\nsources:\n---\n";
    const filled = ensureSourceDeclared(empty, FRAMEWORK);
    expect(frontMatter(filled.text)).toEqual({ title: "T", sources: [FRAMEWORK] });
    expect(filled.text).toContain("sources:\n  - id: framework\n");
  });

  it("creates the front matter, with the first heading as its title", () => {
    const text = "# My summary\n\nSome text.\n";
    const result = ensureSourceDeclared(text, FRAMEWORK);
    expect(result.changed).toBe(true);
    expect(result.text.endsWith("---\n\n# My summary\n\nSome text.\n")).toBe(true);
    expect(frontMatter(result.text)).toEqual({ title: "My summary", sources: [FRAMEWORK] });
  });

  it("creates the front matter of an empty text", () => {
    const result = ensureSourceDeclared("", FRAMEWORK);
    expect(frontMatter(result.text)).toEqual({ sources: [FRAMEWORK] });
  });

  it("leaves invalid front matter alone", () => {
    const text = "---\ntitle: [unclosed\n---\nBody\n";
    expect(ensureSourceDeclared(text, FRAMEWORK)).toEqual({ text, changed: false });
  });

  it("declares into a flow list too", () => {
    const text = "---\ntitle: T\nsources: []\n---\n";
    const result = ensureSourceDeclared(text, FRAMEWORK);
    expect(frontMatter(result.text)).toEqual({ title: "T", sources: [FRAMEWORK] });
  });
});
