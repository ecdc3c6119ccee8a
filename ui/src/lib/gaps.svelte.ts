// The gap report of the document being edited, for the Gaps view: made from the editor's text
// (saved or not), again shortly after each change while the view is shown, after a citation is
// confirmed and after a source gets a new version.
import * as api from "../api/commands";
import { toApiError } from "../api/bridge";
import type { GapView, StaleItem } from "../api/types";
import { t } from "../i18n";
import { debounce, latestOnly } from "./debounce";
import { review } from "./review.svelte";
import { session } from "./session.svelte";

/** Pause after typing before the report is made again (ms). */
export const GAPS_DELAY_MS = 700;

class Gaps {
  view = $state<GapView | null>(null);
  /** The text `view` was made from: its byte offsets point into it. */
  basis = $state("");
  /** The document `view` is about. */
  document = $state<string | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  busy = $state(false);

  private run = latestOnly(
    ({ id, text }: { id: string; text: string }) => api.gapReport(id, text),
    (view, { id, text }) => {
      this.loading = false;
      if (session.document?.id !== id) return;
      this.view = view;
      this.basis = text;
      this.document = id;
      this.error = null;
    },
    (error) => {
      this.loading = false;
      this.error = toApiError(error).message;
    },
  );

  /** Makes the report again now, from the editor's current text. */
  refresh() {
    const doc = session.document;
    if (!doc) {
      this.view = null;
      this.document = null;
      return;
    }
    if (this.document !== doc.id) this.view = null;
    this.loading = true;
    this.run({ id: doc.id, text: session.text });
  }

  /** Makes the report again once typing pauses. */
  refreshSoon = debounce(() => this.refresh(), GAPS_DELAY_MS);

  /**
   * Confirms that the citation of `item`, as the editor's text has it, still holds against
   * the source as it is now, then makes the report and the problems again.
   */
  async confirm(item: StaleItem): Promise<boolean> {
    const doc = session.document;
    if (!doc || this.busy) return false;
    const citation = item.citation.citation;
    this.busy = true;
    try {
      const count = await review.act(() => api.confirmCitation(doc.id, citation, session.text));
      if (count === undefined) return false;
      session.notify("success", t("gaps.confirmed", { line: item.line }), 4000);
      this.refresh();
      session.refreshPreview();
      return true;
    } finally {
      this.busy = false;
    }
  }

  /** Writes the report as a PDF where the user chooses. */
  async savePdf() {
    const doc = session.document;
    if (!doc || this.busy) return;
    this.busy = true;
    try {
      const file = await session.run(() => api.saveGapReport(doc.id, session.text));
      if (file) session.notify("success", t("gaps.saved", { file }));
    } finally {
      this.busy = false;
    }
  }
}

export const gaps = new Gaps();
