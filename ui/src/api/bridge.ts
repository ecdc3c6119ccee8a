// The only place the window talks to Rust. Every failure becomes an ApiError with a
// stable code (see candor-core's ErrorCode) and a message meant for the user.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { CommandError, ProgressEvent } from "./types";

export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = "ApiError";
  }
}

/** Turns whatever invoke rejected with into an ApiError. */
export function toApiError(raw: unknown): ApiError {
  if (raw instanceof ApiError) return raw;
  if (raw && typeof raw === "object" && "code" in raw && "message" in raw) {
    const e = raw as CommandError;
    return new ApiError(String(e.code), String(e.message));
  }
  if (typeof raw === "string") return new ApiError("internal", raw);
  if (raw instanceof Error) return new ApiError("internal", raw.message);
  return new ApiError("internal", "Something went wrong inside Candor.");
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toApiError(raw);
  }
}

/** A channel that hands each progress step to `onStep`. */
export function progressChannel(onStep: (event: ProgressEvent) => void): Channel<ProgressEvent> {
  const channel = new Channel<ProgressEvent>();
  channel.onmessage = onStep;
  return channel;
}
