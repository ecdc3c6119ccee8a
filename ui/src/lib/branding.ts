// The Branding dialog's logic, apart from the component so it can be tested on its own.
import type { BrandingForm, BrandingView } from "../api/types";
import type { MessageKey } from "../i18n";

/** The fonts bundled with Candor, as `candor brand --font` names them. */
export const FONTS: readonly { id: string; name: MessageKey; about: MessageKey }[] = [
  { id: "inter", name: "branding.font.inter", about: "branding.font.interAbout" },
  { id: "atkinson", name: "branding.font.atkinson", about: "branding.font.atkinsonAbout" },
];

/** What the colour pickers show while a colour is empty (Candor's own is used then). */
export const PICKER_FALLBACK = "#000000";

/** `#rrggbb` in lower case, or `null` when `text` is not a colour (`#` is optional). */
export function normaliseHex(text: string): string | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(text.trim());
  return m ? `#${m[1].toLowerCase()}` : null;
}

/** Whether `text` can be saved as a colour: empty (Candor's own) or `#rrggbb`. */
export function colourOk(text: string): boolean {
  return text.trim() === "" || normaliseHex(text) !== null;
}

/** The value for an `<input type="color">`, which must always hold `#rrggbb`. */
export function pickerValue(text: string): string {
  return normaliseHex(text) ?? PICKER_FALLBACK;
}

/** The form's fields for the stored branding. */
export function formFromView(view: BrandingView): BrandingForm {
  return {
    organisation: view.organisation ?? "",
    primary: view.primary ?? "",
    accent: view.accent ?? "",
    font: view.font ?? "",
  };
}

/** The form as sent: trimmed, colours normalised. Call only when both colours are ok. */
export function formToSend(form: BrandingForm): BrandingForm {
  const colour = (c: string) => (c.trim() === "" ? "" : (normaliseHex(c) ?? c.trim()));
  return {
    organisation: form.organisation.trim(),
    primary: colour(form.primary),
    accent: colour(form.accent),
    font: form.font,
  };
}

/** The logo's size in kilobytes, for display (one decimal under 10 KB). */
export function kilobytes(bytes: number): string {
  const kb = bytes / 1024;
  return kb < 10 ? kb.toFixed(1) : String(Math.round(kb));
}
