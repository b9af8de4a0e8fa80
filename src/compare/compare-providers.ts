// Providers added, removed, or changed in their definition or probe result (timestamps aside).
import type { Provider } from "../../generated/snapshot-types.js";
import { withoutCheckedAt } from "../snapshot/content-hash.js";
import type { PushChange } from "./change.js";
import { jsonEquals } from "./json-values.js";

export function compareProviders(before: readonly Provider[], after: readonly Provider[], push: PushChange): void {
  const old = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  for (const [id, p] of old)
    if (!now.has(id))
      push({ kind: "provider_removed", provider: id, before: withoutCheckedAt(p), after: null, breaking: true });
  for (const [id, p] of now) {
    const was = old.get(id);
    if (!was) {
      push({ kind: "provider_added", provider: id, before: null, after: withoutCheckedAt(p), breaking: false });
      continue;
    }
    for (const field of ["displayName", "adapter", "baseUrl", "apiKeyVariable"] as const) {
      if (!jsonEquals(was[field], p[field]))
        push({ kind: "provider_changed", provider: id, field, before: was[field], after: p[field], breaking: false });
    }
    const a = withoutCheckedAt(was).probe;
    const b = withoutCheckedAt(p).probe;
    if (!jsonEquals(a, b))
      push({ kind: "provider_changed", provider: id, field: "probe", before: a, after: b, breaking: false });
  }
}
