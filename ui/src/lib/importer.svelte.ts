// Importing sources: from the open dialog or from files dropped on the window, with progress;
// and a new version of a source already imported.
import * as api from "../api/commands";
import type { ImportOutcome, ProgressEvent } from "../api/types";
import { gaps } from "./gaps.svelte";
import { session } from "./session.svelte";

class Importer {
  running = $state(false);
  progress = $state<ProgressEvent | null>(null);
  results = $state<ImportOutcome[] | null>(null);
  /** The results are of a new version of this source (its title), not of new sources. */
  updated = $state<string | null>(null);
  /** Bumped after sources changed, so that views showing one read it again. */
  revision = $state(0);

  private async run(work: (onProgress: (e: ProgressEvent) => void) => Promise<ImportOutcome[] | null>, updated: string | null = null) {
    if (this.running) return;
    this.running = true;
    this.progress = null;
    this.results = null;
    this.updated = updated;
    try {
      const outcomes = await session.run(() => work((e) => (this.progress = e)));
      if (outcomes) {
        this.results = outcomes;
        await session.refreshProject();
        if (outcomes.some((o) => o.source && !o.already_present)) this.sourcesChanged();
      }
    } finally {
      this.running = false;
      this.progress = null;
    }
  }

  /** The open document is read against its sources again: its problems, the gap report, the reader. */
  private sourcesChanged() {
    this.revision++;
    session.refreshPreview();
    if (gaps.document) gaps.refresh();
  }

  /** Asks for a file and imports it as a new version of source `id` (titled `title`). */
  newVersion(id: string, title: string) {
    return this.run(async () => {
      const outcome = await api.updateSource(id);
      return outcome ? [outcome] : null;
    }, title);
  }

  fromDialog() {
    return this.run((onProgress) => api.importSources(onProgress));
  }

  fromDrop(dropId: number) {
    return this.run((onProgress) => api.importDropped(dropId, onProgress));
  }

  cancel() {
    void session.run(api.cancelTask);
  }

  close() {
    this.results = null;
  }
}

export const importer = new Importer();
