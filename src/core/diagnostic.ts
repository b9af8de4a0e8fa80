import type { Diagnostic } from "../../generated/snapshot-types.js";
import { compareText } from "./order.js";

export type { Diagnostic };

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
