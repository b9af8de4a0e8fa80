// The same entries in another order: not a change to a consumer, but a change to the content hash.
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import type { PushChange } from "./change.js";
import { modelKey } from "../core/model-id.js";
import { jsonEquals } from "./json-values.js";

/** `diagnosticKeys` holds each diagnostic's key (compactSortedJson), in the lists' order. */
export function compareOrder(
  before: ProviderRegistrySnapshot,
  after: ProviderRegistrySnapshot,
  diagnosticKeys: { readonly before: readonly string[]; readonly after: readonly string[] },
  push: PushChange,
): void {
  const inOrder = (name: string, a: readonly string[], b: readonly string[]) => {
    const inB = new Set(b);
    const inA = new Set(a);
    const x = a.filter((k) => inB.has(k));
    const y = b.filter((k) => inA.has(k));
    if (x.length !== y.length || x.some((k, i) => k !== y[i]))
      push({ kind: "order_changed", field: name, before: null, after: null, breaking: false });
  };
  inOrder(
    "providers",
    before.providers.map((p) => p.id),
    after.providers.map((p) => p.id),
  );
  inOrder("models", before.models.map(modelKey), after.models.map(modelKey));
  // Diagnostics are a multiset: only when none was added or removed can their order be told apart.
  const a = diagnosticKeys.before;
  const b = diagnosticKeys.after;
  if (a.length === b.length && a.some((d, i) => d !== b[i])) {
    const sortedA = [...a].sort();
    const sortedB = [...b].sort();
    if (sortedA.every((d, i) => d === sortedB[i]))
      push({ kind: "order_changed", field: "diagnostics", before: null, after: null, breaking: false });
  }
  const was = new Map(before.models.map((m) => [modelKey(m), m]));
  for (const m of after.models) {
    const old = was.get(modelKey(m));
    if (old === undefined || jsonEquals(old.aliases, m.aliases)) continue;
    const setBefore = new Set(old.aliases);
    const setAfter = new Set(m.aliases);
    if (setBefore.size === setAfter.size && [...setBefore].every((x) => setAfter.has(x))) {
      push({
        kind: "order_changed",
        provider: m.provider,
        model: m.id,
        field: "aliases",
        before: old.aliases,
        after: m.aliases,
        breaking: false,
      });
    }
  }
}
