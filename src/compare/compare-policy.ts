// The policy: the default model, provider filters (said per provider they let in or out), the ranking switches and
// each provider's allow-list, preferences and default.
import type { Policy, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { isObject, ownValue } from "../core/json-object.js";
import { EMPTY_PROVIDER_POLICY, modelAllowedIn, providerAllowed } from "../core/policy-rules.js";
import type { PushChange } from "./change.js";
import { jsonEquals } from "./json-values.js";

export function comparePolicy(
  beforeSnapshot: ProviderRegistrySnapshot,
  afterSnapshot: ProviderRegistrySnapshot,
  push: PushChange,
): void {
  const before = beforeSnapshot.policy;
  const after = afterSnapshot.policy;

  if (!jsonEquals(before.defaultModel, after.defaultModel))
    push({
      kind: "default_changed",
      field: "defaultModel",
      before: before.defaultModel,
      after: after.defaultModel,
      breaking: true,
    });

  // Provider filters: said per provider when they let one in or out, as a policy change otherwise.
  const known = [...new Set([...beforeSnapshot.providers, ...afterSnapshot.providers].map((p) => p.id))].sort();
  let filterEffect = false;
  for (const id of known) {
    const a = providerAllowed(before, id);
    const b = providerAllowed(after, id);
    if (a === b) continue;
    filterEffect = true;
    push({ kind: b ? "provider_allowed" : "provider_disallowed", provider: id, before: a, after: b, breaking: !b });
  }
  for (const field of ["allowedProviders", "disabledProviders"] as const) {
    if (!filterEffect && !jsonEquals(before[field], after[field]))
      push({ kind: "policy_changed", field, before: before[field], after: after[field], breaking: false });
  }

  const handled = new Set(["defaultModel", "allowedProviders", "disabledProviders", "providers"]);
  const record = (p: Policy) => p as unknown as Record<string, unknown>;
  for (const field of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (handled.has(field)) continue;
    const a = ownValue(record(before), field) ?? null;
    const b = ownValue(record(after), field) ?? null;
    if (!jsonEquals(a, b)) push({ kind: "policy_changed", field, before: a, after: b, breaking: false });
  }

  const modelsOf = (s: ProviderRegistrySnapshot, provider: string) =>
    new Set(s.models.filter((m) => m.provider === provider).map((m) => m.id));
  for (const id of [...new Set([...Object.keys(before.providers), ...Object.keys(after.providers)])].sort()) {
    const a = (ownValue(before.providers, id) ?? EMPTY_PROVIDER_POLICY) as unknown as Record<string, unknown>;
    const b = (ownValue(after.providers, id) ?? EMPTY_PROVIDER_POLICY) as unknown as Record<string, unknown>;
    for (const field of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const x = ownValue(a, field) ?? null;
      const y = ownValue(b, field) ?? null;
      if (jsonEquals(x, y)) continue;
      if (field === "defaultModel") {
        push({ kind: "default_changed", provider: id, field, before: x, after: y, breaking: true });
      } else if (field === "allowedModels") {
        // Said per model where a model both snapshots have is let in or out (see compareModels); otherwise here.
        const now = modelsOf(afterSnapshot, id);
        const common = [...modelsOf(beforeSnapshot, id)].filter((m) => now.has(m));
        const effect = common.some((m) => modelAllowedIn(before, id, m) !== modelAllowedIn(after, id, m));
        if (!effect) push({ kind: "policy_changed", provider: id, field, before: x, after: y, breaking: false });
      } else if (field === "preferredByCategory" && isObject(x) && isObject(y)) {
        for (const category of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
          const xs = ownValue(x, category) ?? null;
          const ys = ownValue(y, category) ?? null;
          if (!jsonEquals(xs, ys))
            push({
              kind: "policy_changed",
              provider: id,
              field: `preferredByCategory.${category}`,
              before: xs,
              after: ys,
              breaking: false,
            });
        }
      } else {
        push({ kind: "policy_changed", provider: id, field, before: x, after: y, breaking: false });
      }
    }
  }
}
