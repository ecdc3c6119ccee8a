// The review state of the open document: its status, the text of its latest saved version
// (where comments are located), and who the user is. Review actions go through `act`, which
// asks for the user's name when none is saved yet and then tries again.
import * as api from "../api/commands";
import { toApiError } from "../api/bridge";
import type { Identity, ReviewStatus } from "../api/types";
import { needsIdentity } from "./review";
import { session } from "./session.svelte";

export interface IdentityPrompt {
  /** Called after the name was saved (the action that needed it, tried again). */
  saved: () => void;
  cancelled: () => void;
}

class Review {
  status = $state<ReviewStatus | null>(null);
  /** The text of the latest saved version, which comment spans refer to. */
  latestText = $state<string | null>(null);
  identity = $state<Identity | null>(null);
  /** Set while the identity dialog is open. */
  prompt = $state<IdentityPrompt | null>(null);
  loading = $state(false);
  private loadedFor = "";
  private ticket = 0;

  /** The editor holds text that is not the latest saved version. */
  get unsaved(): boolean {
    return this.latestText !== null && session.text !== this.latestText;
  }

  async loadIdentity() {
    try {
      this.identity = await api.identity();
    } catch {
      this.identity = null;
    }
  }

  /** Reads the status (and latest text) of the document being edited again. */
  async load() {
    const doc = session.document;
    const ticket = ++this.ticket;
    if (!doc) {
      this.status = null;
      this.latestText = null;
      this.loadedFor = "";
      return;
    }
    if (this.loadedFor !== doc.id) {
      this.status = null;
      this.latestText = null;
    }
    this.loading = true;
    try {
      const status = await api.reviewStatus(doc.id);
      const text = await api.versionText(doc.id, status.version);
      if (ticket !== this.ticket) return;
      this.status = status;
      this.latestText = text;
      this.loadedFor = doc.id;
    } catch (error) {
      if (ticket === this.ticket) session.fail(error);
    } finally {
      if (ticket === this.ticket) this.loading = false;
    }
  }

  /**
   * Runs a review action. When it fails because no name is saved, opens the identity dialog
   * and runs it again once the user saved one (`undefined` if they cancel). Other failures
   * become notices.
   */
  async act<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (raw) {
      const error = toApiError(raw);
      if (!needsIdentity(error)) {
        session.fail(error);
        return undefined;
      }
      const saved = await this.askIdentity();
      return saved ? this.act(work) : undefined;
    }
  }

  /** Opens the identity dialog; resolves `true` once a name was saved. */
  askIdentity(): Promise<boolean> {
    this.prompt?.cancelled();
    return new Promise((resolve) => {
      this.prompt = {
        saved: () => {
          this.prompt = null;
          resolve(true);
        },
        cancelled: () => {
          this.prompt = null;
          resolve(false);
        },
      };
    });
  }

  async saveIdentity(identity: Identity): Promise<boolean> {
    try {
      await api.setIdentity(identity);
    } catch (error) {
      session.fail(error);
      return false;
    }
    this.identity = identity;
    return true;
  }
}

export const review = new Review();
