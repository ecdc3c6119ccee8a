import { describe, expect, it, vi } from "vitest";
import { toApiError, ApiError } from "../api/bridge";
import { english, t, useCatalogue } from "../i18n";
import { debounce, latestOnly } from "./debounce";
import { mergePages, type UrlMaker } from "./previewPages";
import { citationLabel, frontMatterTitle, highlightSegments } from "./text";

describe("highlightSegments", () => {
  it("splits by UTF-8 byte ranges, also after non-ASCII text", () => {
    // "Ü" is two bytes, "😀" four: "risk" starts at byte 2+1+4+1 = 8.
    const text = "Ü 😀 risk here";
    const segs = highlightSegments(text, [[8, 12]]);
    expect(segs).toEqual([
      { text: "Ü 😀 ", hit: false },
      { text: "risk", hit: true },
      { text: " here", hit: false },
    ]);
  });
  it("ignores empty and overlapping ranges", () => {
    const segs = highlightSegments("abcdef", [[2, 4], [3, 5], [1, 1]]);
    expect(segs.map((s) => s.text).join("")).toBe("abcdef");
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(["cd", "e"]);
  });
});

describe("frontMatterTitle", () => {
  it("reads the title of the front matter as typed", () => {
    expect(frontMatterTitle("---\ntitle: Llama 3.1 explained\nlang: en\n---\n\n# Text\n")).toBe("Llama 3.1 explained");
    expect(frontMatterTitle('---\ntitle: "Aurora-2: what you should know"\n---\n')).toBe("Aurora-2: what you should know");
    expect(frontMatterTitle("---\r\ntitle: Windows lines\r\n---\r\n")).toBe("Windows lines");
  });
  it("gives nothing without front matter, title or readable YAML", () => {
    expect(frontMatterTitle("# Just text\n")).toBeNull();
    expect(frontMatterTitle("---\nlang: en\n---\n")).toBeNull();
    expect(frontMatterTitle("---\ntitle: [unclosed\n---\n")).toBeNull();
    expect(frontMatterTitle("---\ntitle: \"  \"\n---\n")).toBeNull();
    expect(frontMatterTitle("---\ntitle: No end yet\n")).toBeNull();
    expect(frontMatterTitle("---\ntitle: 42\n---\n")).toBeNull();
  });
});

describe("citationLabel", () => {
  it("takes the first words and marks a cut", () => {
    expect(citationLabel("The model was evaluated on seven   benchmarks in total.")).toBe("The model was evaluated on seven…");
    expect(citationLabel("Short passage.")).toBe("Short passage");
  });
});

describe("t", () => {
  it("fills placeholders and falls back to English", () => {
    expect(t("preview.page", { number: 2, count: 9 })).toBe("Page 2 of 9");
    useCatalogue({ "preview.page": "Seite {number} von {count}" });
    expect(t("preview.page", { number: 2, count: 9 })).toBe("Seite 2 von 9");
    expect(t("app.name")).toBe(english["app.name"]);
    useCatalogue({});
  });
  it("leaves unknown placeholders visible", () => {
    expect(t("preview.page", { number: 1 })).toBe("Page 1 of {count}");
  });
});

describe("toApiError", () => {
  it("keeps the code and message of a command error", () => {
    const e = toApiError({ code: "import-failed", message: "x.pdf: not a PDF" });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe("import-failed");
    expect(e.message).toBe("x.pdf: not a PDF");
  });
  it("turns strings and errors into internal errors", () => {
    expect(toApiError("Command foo not allowed").code).toBe("internal");
    expect(toApiError(new Error("boom")).message).toBe("boom");
    expect(toApiError(undefined).code).toBe("internal");
  });
});

describe("debounce", () => {
  it("runs once with the latest arguments after a pause", () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const d = debounce((s: string) => seen.push(s), 50);
    d("a");
    d("b");
    vi.advanceTimersByTime(49);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(["b"]);
    d("c");
    d.flush();
    expect(seen).toEqual(["b", "c"]);
    d("d");
    d.cancel();
    vi.advanceTimersByTime(100);
    expect(seen).toEqual(["b", "c"]);
    vi.useRealTimers();
  });
});

describe("latestOnly", () => {
  it("skips inputs superseded while a run is in flight", async () => {
    const resolvers: ((v: string) => void)[] = [];
    const started: string[] = [];
    const done: string[] = [];
    const run = latestOnly(
      (input: string) => {
        started.push(input);
        return new Promise<string>((resolve) => resolvers.push(resolve));
      },
      (output) => done.push(output),
      () => {},
    );
    run("1");
    run("2");
    run("3");
    expect(started).toEqual(["1"]);
    resolvers[0]("out-1");
    await Promise.resolve();
    await Promise.resolve();
    // "1" finished while "3" was waiting: its result is stale and dropped; "3" runs next.
    expect(done).toEqual([]);
    expect(started).toEqual(["1", "3"]);
    resolvers[1]("out-3");
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toEqual(["out-3"]);
  });
});

describe("mergePages", () => {
  function urls() {
    let n = 0;
    const revoked: string[] = [];
    const maker: UrlMaker = { create: () => `url-${++n}`, revoke: (u) => revoked.push(u) };
    return { maker, revoked };
  }
  it("keeps images of unchanged pages and frees the others", () => {
    const { maker, revoked } = urls();
    const first = mergePages(
      [],
      [
        { index: 0, hash: "a", svg: "<svg/>", width: 595, height: 842 },
        { index: 1, hash: "b", svg: "<svg/>", width: 595, height: 842 },
      ],
      maker,
    );
    expect(first.map((p) => p.url)).toEqual(["url-1", "url-2"]);
    const second = mergePages(
      first,
      [
        { index: 0, hash: "a", svg: null, width: 595, height: 842 },
        { index: 1, hash: "c", svg: "<svg/>", width: 595, height: 842 },
      ],
      maker,
    );
    expect(second.map((p) => p.url)).toEqual(["url-1", "url-3"]);
    expect(revoked).toEqual(["url-2"]);
    const none = mergePages(second, [], maker);
    expect(none).toEqual([]);
    expect(revoked).toEqual(["url-2", "url-1", "url-3"]);
  });
});
