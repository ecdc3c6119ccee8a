// Importing sources: from the open dialog or from files dropped on the window, with progress.
import * as api from "../api/commands";
import type { ImportOutcome, ProgressEvent } from "../api/types";
import { session } from "./session.svelte";

class Importer {
  running = $state(false);
  progress = $state<ProgressEvent | null>(null);
  results = $state<ImportOutcome[] | null>(null);

  private async run(work: (onProgress: (e: ProgressEvent) => void) => Promise<ImportOutcome[] | null>) {
    if (this.running) return;
    this.running = true;
    this.progress = null;
    this.results = null;
    try {
      const outcomes = await session.run(() => work((e) => (this.progress = e)));
      if (outcomes) {
        this.results = outcomes;
        await session.refreshProject();
      }
    } finally {
      this.running = false;
      this.progress = null;
    }
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
