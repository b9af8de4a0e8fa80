// Two snapshots → the list of what changed between them, each change typed and classified as breaking for
// consumers or not. Pure. One source of truth for `diff`, `register --check` and the large-change flags.
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { contentHash } from "../snapshot/content-hash.js";
import { byPlace, type Change } from "./change.js";
import { compareDiagnostics } from "./compare-diagnostics.js";
import { compareModels } from "./compare-models.js";
import { compareOrder } from "./compare-order.js";
import { comparePolicy } from "./compare-policy.js";
import { compareProviders } from "./compare-providers.js";
import { compactSortedJson, jsonEquals } from "./json-values.js";

export type { Change, ChangeKind } from "./change.js";

export function compareSnapshots(before: ProviderRegistrySnapshot, after: ProviderRegistrySnapshot): Change[] {
  const changes: Change[] = [];
  const push = (change: Change) => changes.push(change);

  for (const field of ["$schema", "schemaVersion", "generator"] as const) {
    if (!jsonEquals(before[field], after[field]))
      push({
        kind: "snapshot_changed",
        field,
        before: before[field],
        after: after[field],
        breaking: field === "$schema",
      });
  }

  compareProviders(before.providers, after.providers, push);
  compareModels(before, after, push);
  comparePolicy(before, after, push);
  // Each diagnostic's key (its compact sorted JSON), worked out once for both passes that compare diagnostics.
  const diagnosticKeys = {
    before: before.diagnostics.map(compactSortedJson),
    after: after.diagnostics.map(compactSortedJson),
  };
  compareDiagnostics(before.diagnostics, after.diagnostics, diagnosticKeys, push);
  compareOrder(before, after, diagnosticKeys, push);
  // A change exists exactly when the content hashes differ: whatever differs and was not itemised above is said so.
  if (changes.length === 0 && contentHash(before) !== contentHash(after)) {
    push({
      kind: "order_changed",
      field: "content",
      before: contentHash(before),
      after: contentHash(after),
      breaking: false,
    });
  }

  return changes.sort(byPlace);
}
