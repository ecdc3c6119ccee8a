// UI strings come from a catalogue per language; English is the only one so far. Every
// string the window shows goes through t(), so a translation is a new catalogue file.
import { app } from "./en/app";
import { branding } from "./en/branding";
import { editor } from "./en/editor";
import { gaps } from "./en/gaps";
import { removals } from "./en/removals";
import { review } from "./en/review";

const en = { ...app, ...branding, ...editor, ...review, ...removals, ...gaps } as const;
export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

let catalogue: Catalogue = en;

/** The message for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogue[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Replaces the catalogue (for a translation, or in tests). */
export function useCatalogue(next: Partial<Catalogue>): void {
  catalogue = { ...en, ...next };
}

export const english: Catalogue = en;
