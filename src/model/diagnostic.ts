import type { Diagnostic } from "../../generated/snapshot-types.js";

export type { Diagnostic };

const LEVEL_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then notes; within a level by provider, code, variable, model, message. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.provider ?? "", d.code, d.variable ?? "", d.model ?? "", d.message];
  return [...list].sort((a, b) => {
    const byLevel = LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level];
    if (byLevel !== 0) return byLevel;
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -1;
      if (ka[i]! > kb[i]!) return 1;
    }
    return 0;
  });
}
