// Keeps the preview's pages: each update from Rust carries an SVG only for pages that
// changed; the others keep the image they had.
import type { PreviewPage } from "../api/types";

export interface ShownPage {
  index: number;
  hash: string;
  url: string;
  width: number;
  height: number;
}

export interface UrlMaker {
  create(svg: string): string;
  revoke(url: string): void;
}

export const blobUrls: UrlMaker = {
  create: (svg) => URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })),
  revoke: (url) => URL.revokeObjectURL(url),
};

/** The pages after an update; pages without an SVG keep the old image with the same hash. */
export function mergePages(old: ShownPage[], update: PreviewPage[], urls: UrlMaker = blobUrls): ShownPage[] {
  const byHash = new Map(old.map((p) => [p.hash, p]));
  const kept = new Set<string>();
  const next: ShownPage[] = [];
  for (const page of update) {
    let url: string | undefined;
    if (page.svg != null) {
      url = urls.create(page.svg);
    } else {
      const previous = byHash.get(page.hash) ?? old[page.index];
      url = previous?.url;
      if (url) kept.add(url);
    }
    if (!url) continue;
    next.push({ index: page.index, hash: page.hash, url, width: page.width, height: page.height });
  }
  for (const page of old) if (!kept.has(page.url)) urls.revoke(page.url);
  return next;
}
