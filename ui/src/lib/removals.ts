// The removals log's logic, apart from the dialog: grounds, the form and the counts.
import type { RemovalItem } from "../api/types";

export const GROUNDS = ["security", "commercial", "personal-data", "other"] as const;
export type Ground = (typeof GROUNDS)[number];

export interface RemovalForm {
  what: string;
  why: Ground;
  reason: string;
  source: string;
  passage: string;
}

export const emptyForm = (): RemovalForm => ({ what: "", why: "security", reason: "", source: "", passage: "" });

/** Why the form cannot be sent yet: `what` missing, or a reason missing for "other"; `null` when it can. */
export function formProblem(form: RemovalForm): "what" | "reason" | null {
  if (!form.what.trim()) return "what";
  if (form.why === "other" && !form.reason.trim()) return "reason";
  return null;
}

/** The arguments of `recordRemoval` after `id`: trimmed, empty source/passage as `null`. */
export function formToSend(form: RemovalForm): [string, string, string, string | null, string | null] {
  const source = form.source.trim() || null;
  return [form.what.trim(), form.why, form.reason.trim(), source, source ? form.passage.trim() || null : null];
}

export function counts(items: RemovalItem[]): { active: number; withdrawn: number } {
  const active = items.filter((i) => i.active).length;
  return { active, withdrawn: items.length - active };
}

/** "2026-05-02 09:00" from an RFC 3339 time. */
export const when = (iso: string) => iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, "");
