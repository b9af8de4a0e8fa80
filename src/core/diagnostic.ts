// A note the run leaves in the snapshot: one sort order for all of them, and a message within the schema's limit.
import type { Diagnostic } from "../../generated/snapshot-types.js";
import { compareText } from "./order.js";

export type { Diagnostic };

/** The longest message the snapshot schema takes (diagnostics[].message). */
export const MAX_MESSAGE_LENGTH = 2000;

/** The message cut to MAX_MESSAGE_LENGTH, an ellipsis marking the cut. */
export function fitMessage(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 3)}...` : message;
}

/**
 * Diagnostics as the snapshot holds them: each message cut to what the schema takes, in sortDiagnostics' order. Every
 * diagnostic reaches the snapshot through here, whichever stage wrote it and whatever names it quotes (ten ids of
 * 256 characters make a message longer than the schema takes).
 */
export function snapshotDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return sortDiagnostics(
    list.map((d) => (d.message.length > MAX_MESSAGE_LENGTH ? { ...d, message: fitMessage(d.message) } : d)),
  );
}

const LEVEL_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then notes; within a level by provider, code, variable, model, message. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      compareText(a.provider ?? "", b.provider ?? "") ||
      compareText(a.code, b.code) ||
      compareText(a.variable ?? "", b.variable ?? "") ||
      compareText(a.model ?? "", b.model ?? "") ||
      compareText(a.message, b.message),
  );
}
