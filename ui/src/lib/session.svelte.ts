// The window's state: the open project, the document being edited, saving and previewing.
// Components read it and call its methods; only this module and src/api talk to Rust.
import { tick } from "svelte";
import * as api from "../api/commands";
import { ApiError, toApiError } from "../api/bridge";
import type { EditingDocument, ProblemItem, ProjectOverview, ScoreCard, VersionItem } from "../api/types";
import { t } from "../i18n";
import { debounce, latestOnly } from "./debounce";
import { mergePages, type ShownPage } from "./previewPages";

export type SaveState = "saved" | "saving" | "unsaved" | "failed";
export interface Notice {
  id: number;
  kind: "info" | "success" | "error";
  text: string;
}

/** Pause after typing before the text is autosaved into the project (ms). */
export const AUTOSAVE_DELAY_MS = 600;

/** Resolves when the image at `url` is decoded (or failed to), so it shows without delay. */
function decoded(url: string): Promise<void> {
  if (typeof Image === "undefined") return Promise.resolve();
  const img = new Image();
  img.src = url;
  return img.decode().catch(() => undefined);
}

class Session {
  project = $state<ProjectOverview | null>(null);
  document = $state<EditingDocument | null>(null);
  /** Changes when the editor must load new text (another document, a restored version). */
  documentKey = $state("");
  text = $state("");
  saveState = $state<SaveState>("saved");
  versions = $state<VersionItem[]>([]);
  problems = $state<ProblemItem[]>([]);
  /** The text `problems` (and their fixes' byte offsets) were found in. */
  problemsText = $state("");
  /** How readable the text is, from the last preview. */
  scoreCard = $state<ScoreCard | null>(null);
  pages = $state<ShownPage[]>([]);
  previewMs = $state<number | null>(null);
  /** From the last keystroke to the changed pages decoded and ready to show (ms). */
  keystrokeToPageMs = $state<number | null>(null);
  /** Counts keystroke-to-page measurements, so a benchmark can tell a new one from the last. */
  latencySamples = $state(0);
  /** Where the last keystroke-to-page time went (ms): waiting, the round trip to Rust (of which
   *  typesetting), and decoding the changed pages. */
  latencyParts = $state({ wait: 0, roundTrip: 0, typeset: 0, update: 0, decode: 0 });
  private sentAt = 0;
  private lastEditAt: number | null = null;
  previewBusy = $state(false);
  previewError = $state<string | null>(null);
  /** Bumped when the preview changed, so the HTML tab knows to refresh. */
  previewRevision = $state(0);
  notices = $state<Notice[]>([]);
  private nextNotice = 1;

  notify(kind: Notice["kind"], text: string, ms = 6000) {
    const id = this.nextNotice++;
    this.notices.push({ id, kind, text });
    if (ms > 0) setTimeout(() => this.dismiss(id), ms);
  }

  dismiss(id: number) {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /** Shows a failure as a notice that stays until dismissed. */
  fail(error: unknown) {
    const e = toApiError(error);
    if (e.code === "cancelled") return;
    const text = e.code === "internal" ? `${t("app.error.internal")} (${e.message})` : e.message;
    this.notify("error", text, 0);
  }

  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  // ------------------------------------------------------------------ projects
  async enterProject(overview: ProjectOverview | null | undefined) {
    if (!overview) return;
    await this.leaveDocument();
    this.project = overview;
    const first = overview.documents[0];
    if (first) await this.openDocument(first.id);
  }

  async refreshProject() {
    const overview = await this.run(api.projectOverview);
    if (overview) this.project = overview;
  }

  async closeProject() {
    await this.leaveDocument();
    await this.run(api.closeProject);
    this.project = null;
    // Confirmations belong to the project just closed; errors stay until dismissed.
    this.notices = this.notices.filter((n) => n.kind === "error");
  }

  // ----------------------------------------------------------------- documents
  async openDocument(id: string) {
    await this.leaveDocument();
    const doc = await this.run(() => api.openDocument(id));
    if (!doc) return;
    this.load(doc);
    if (doc.recovered_from) this.notify("info", t("project.recovered", { when: doc.recovered_from }), 0);
    await this.loadVersions();
  }

  private load(doc: EditingDocument) {
    this.document = doc;
    this.lastEditAt = null;
    this.keystrokeToPageMs = null;
    this.text = doc.text;
    this.documentKey = `${doc.id}@${doc.latest_version}:${Date.now()}`;
    this.saveState = doc.recovered_from ? "unsaved" : "saved";
    this.pages = mergePages(this.pages, []);
    this.clearChecks();
    this.requestPreview(doc.text);
    if (doc.recovered_from) this.autosaveSoon(doc.id, doc.text);
  }

  /** Saves pending work before switching away from the document. */
  async leaveDocument() {
    this.autosaveSoon.flush();
    await this.autosaveIdle();
    this.document = null;
    this.text = "";
    this.versions = [];
    this.clearChecks();
    this.pages = mergePages(this.pages, []);
  }

  private clearChecks() {
    this.problems = [];
    this.problemsText = "";
    this.scoreCard = null;
  }

  async loadVersions() {
    const doc = this.document;
    if (!doc) return;
    const list = await this.run(() => api.versions(doc.id));
    if (list) this.versions = list;
  }

  /** The editor reports every change here. */
  edit(text: string) {
    if (!this.document || text === this.text) return;
    this.text = text;
    this.lastEditAt = performance.now();
    this.saveState = "unsaved";
    this.autosaveSoon(this.document.id, text);
    this.requestPreview(text);
  }

  private saving: Promise<void> = Promise.resolve();
  private autosaveIdle() {
    return this.saving;
  }

  private autosaveSoon = debounce((id: string, text: string) => {
    this.saveState = "saving";
    this.saving = api
      .autosave(id, text)
      .then(() => {
        if (this.document?.id === id && this.text === text) this.saveState = "saved";
      })
      .catch((error) => {
        this.saveState = "failed";
        this.notify("error", t("project.saveFailed", { message: toApiError(error).message }), 0);
      });
  }, AUTOSAVE_DELAY_MS);

  async saveVersion(note: string) {
    const doc = this.document;
    if (!doc) return;
    const version = await this.run(() => api.saveVersion(doc.id, this.text, note));
    if (!version) return;
    this.saveState = "saved";
    this.notify("success", t("saveVersion.done", { number: version.number }));
    await Promise.all([this.loadVersions(), this.refreshProject()]);
  }

  async restoreVersion(number: number) {
    const doc = this.document;
    if (!doc) return;
    this.autosaveSoon.cancel();
    const restored = await this.run(() => api.restoreVersion(doc.id, number));
    if (!restored) return;
    this.load(restored);
    this.notify("success", t("version.restored", { number }));
    await Promise.all([this.loadVersions(), this.refreshProject()]);
  }

  /**
   * Loads the document's latest saved version into the editor again, as restoring does (used
   * after accepted suggestions saved a new version).
   */
  async reloadDocument() {
    const doc = this.document;
    if (!doc) return;
    this.autosaveSoon.cancel();
    const fresh = await this.run(() => api.openDocument(doc.id));
    if (!fresh) return;
    this.load(fresh);
    await Promise.all([this.loadVersions(), this.refreshProject()]);
  }

  async createDocument(starter: string, sources: string[]) {
    const id = await this.run(() => api.newDocument(starter, sources));
    if (!id) return;
    await this.refreshProject();
    await this.openDocument(id);
  }

  // ------------------------------------------------------------------- preview
  /** Checks and typesets the text again, e.g. after the project's glossary changed. */
  refreshPreview() {
    if (this.document) this.requestPreview(this.text);
  }

  /** Typesets at once; keystrokes that come while Rust is busy are merged into one update. */
  requestPreview(text: string) {
    this.previewBusy = true;
    this.previewLatest(text);
  }

  private previewLatest = latestOnly(
    (text: string) => {
      this.sentAt = performance.now();
      return api.preview(text, this.pages.length === 0);
    },
    (update, text) => {
      const receivedAt = performance.now();
      this.previewBusy = false;
      if (text !== this.text) return;
      const before = new Set(this.pages.map((p) => p.url));
      this.pages = mergePages(this.pages, update.pages);
      this.problems = update.problems;
      this.problemsText = text;
      this.scoreCard = update.score_card;
      this.previewMs = update.elapsed_ms;
      this.previewError = null;
      this.previewRevision++;
      const editAt = this.lastEditAt;
      if (editAt !== null) {
        const sentAt = this.sentAt;
        void tick().then(async () => {
          const updatedAt = performance.now();
          await Promise.all(this.pages.filter((p) => !before.has(p.url)).map((p) => decoded(p.url)));
          if (this.lastEditAt !== editAt) return;
          const now = performance.now();
          this.latencyParts = {
            wait: sentAt - editAt,
            roundTrip: receivedAt - sentAt,
            typeset: update.elapsed_ms,
            update: updatedAt - receivedAt,
            decode: now - updatedAt,
          };
          this.keystrokeToPageMs = now - editAt;
          this.latencySamples++;
        });
      }
    },
    (error) => {
      this.previewBusy = false;
      this.previewError = toApiError(error).message;
    },
  );
}

export const session = new Session();
export { ApiError };
