// Diagnostics added or removed, compared as a multiset: a diagnostic written twice and now once is one removal.
import type { Diagnostic } from "../core/diagnostic.js";
import type { PushChange } from "./change.js";

/** `keys` holds each diagnostic's key (compactSortedJson), in the lists' order. */
export function compareDiagnostics(
  before: readonly Diagnostic[],
  after: readonly Diagnostic[],
  keys: { readonly before: readonly string[]; readonly after: readonly string[] },
  push: PushChange,
): void {
  const beforeKeys = keys.before;
  const remaining = new Map<string, number>();
  for (const key of beforeKeys) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  const added: Diagnostic[] = [];
  for (const [i, d] of after.entries()) {
    const key = keys.after[i]!;
    const n = remaining.get(key) ?? 0;
    if (n > 0) remaining.set(key, n - 1);
    else added.push(d);
  }
  const removed: Diagnostic[] = [];
  before.forEach((d, i) => {
    const key = beforeKeys[i]!;
    const n = remaining.get(key) ?? 0;
    if (n > 0) {
      remaining.set(key, n - 1);
      removed.push(d);
    }
  });
  const at = (d: Diagnostic) => ({
    ...(d.provider !== undefined ? { provider: d.provider } : {}),
    ...(d.model !== undefined ? { model: d.model } : {}),
    field: d.code,
  });
  for (const d of removed) push({ kind: "diagnostic_removed", ...at(d), before: d, after: null, breaking: false });
  for (const d of added) push({ kind: "diagnostic_added", ...at(d), before: null, after: d, breaking: false });
}
