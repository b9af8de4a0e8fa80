// Models added, removed, changed fact by fact, or let in or out by their provider's allow-list.
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { isRoutable } from "../core/availability.js";
import { modelAllowedIn } from "../core/policy-rules.js";
import type { PushChange } from "./change.js";
import { ownValue } from "../core/json-object.js";
import { jsonEquals } from "./json-values.js";
import { modelKey } from "../core/model-id.js";

const CAPABILITIES = ["vision", "tools", "reasoning", "json", "streaming"] as const;
/** Handled one by one below; every other field of a model is compared as a whole. */
const ITEMISED_FIELDS = new Set([
  "id",
  "provider",
  "lastVerifiedAt",
  "availability",
  "pricing",
  "contextWindow",
  "maxOutput",
  "capabilities",
  "aliases",
  "kind",
  "sources",
]);

export function compareModels(
  beforeSnapshot: ProviderRegistrySnapshot,
  afterSnapshot: ProviderRegistrySnapshot,
  push: PushChange,
): void {
  const old = new Map(beforeSnapshot.models.map((m) => [modelKey(m), m]));
  const now = new Map(afterSnapshot.models.map((m) => [modelKey(m), m]));
  for (const [k, m] of old) {
    if (!now.has(k))
      push({
        kind: "model_removed",
        provider: m.provider,
        model: m.id,
        before: m.availability,
        after: null,
        breaking: true,
      });
  }
  for (const [k, m] of now) {
    const was = old.get(k);
    if (!was) {
      push({
        kind: "model_added",
        provider: m.provider,
        model: m.id,
        before: null,
        after: m.availability,
        breaking: false,
      });
      continue;
    }
    compareModel(was, m, push);
    const allowedBefore = modelAllowedIn(beforeSnapshot.policy, m.provider, m.id);
    const allowedAfter = modelAllowedIn(afterSnapshot.policy, m.provider, m.id);
    if (allowedBefore && !allowedAfter)
      push({ kind: "model_disallowed", provider: m.provider, model: m.id, before: true, after: false, breaking: true });
    if (!allowedBefore && allowedAfter)
      push({ kind: "model_allowed", provider: m.provider, model: m.id, before: false, after: true, breaking: false });
  }
}

function compareModel(was: Model, m: Model, push: PushChange): void {
  const at = { provider: m.provider, model: m.id };
  if (was.availability !== m.availability) {
    push({
      kind: "availability_changed",
      ...at,
      before: was.availability,
      after: m.availability,
      breaking: isRoutable(was) && !isRoutable(m),
    });
  }
  if (!jsonEquals(was.pricing, m.pricing))
    push({ kind: "price_changed", ...at, before: was.pricing, after: m.pricing, breaking: false });
  if (was.contextWindow !== m.contextWindow)
    push({
      kind: "context_changed",
      ...at,
      before: was.contextWindow,
      after: m.contextWindow,
      breaking: shrank(was.contextWindow, m.contextWindow),
    });
  if (was.maxOutput !== m.maxOutput)
    push({
      kind: "max_output_changed",
      ...at,
      before: was.maxOutput,
      after: m.maxOutput,
      breaking: shrank(was.maxOutput, m.maxOutput),
    });
  for (const capability of CAPABILITIES) {
    const a = was.capabilities[capability];
    const b = m.capabilities[capability];
    if (a && !b)
      push({ kind: "capability_lost", ...at, field: capability, before: true, after: false, breaking: true });
    if (!a && b)
      push({ kind: "capability_gained", ...at, field: capability, before: false, after: true, breaking: false });
  }
  const aliasesBefore = new Set(was.aliases);
  const aliasesAfter = new Set(m.aliases);
  for (const alias of aliasesBefore)
    if (!aliasesAfter.has(alias))
      push({ kind: "alias_removed", ...at, field: alias, before: alias, after: null, breaking: true });
  for (const alias of aliasesAfter)
    if (!aliasesBefore.has(alias))
      push({ kind: "alias_added", ...at, field: alias, before: null, after: alias, breaking: false });
  // Only chat models are routed: a chat model that becomes something else can no longer be chosen.
  if (was.kind !== m.kind)
    push({ kind: "kind_changed", ...at, before: was.kind, after: m.kind, breaking: was.kind === "chat" });

  const record = (x: Model) => x as unknown as Record<string, unknown>;
  const fields = new Set([...Object.keys(was), ...Object.keys(m)].filter((f) => !ITEMISED_FIELDS.has(f)));
  for (const field of [...fields].sort()) {
    const a = ownValue(record(was), field) ?? null;
    const b = ownValue(record(m), field) ?? null;
    if (!jsonEquals(a, b)) push({ kind: "model_changed", ...at, field, before: a, after: b, breaking: false });
  }
  // Where a fact came from matters on its own only when the fact kept its value; otherwise the change says enough.
  const sourcesBefore = was.sources as Record<string, string | undefined>;
  const sourcesAfter = m.sources as Record<string, string | undefined>;
  for (const fact of [...new Set([...Object.keys(sourcesBefore), ...Object.keys(sourcesAfter)])].sort()) {
    const a = sourcesBefore[fact] ?? null;
    const b = sourcesAfter[fact] ?? null;
    if (a === b || !jsonEquals(factValue(was, fact), factValue(m, fact))) continue;
    push({ kind: "model_changed", ...at, field: `sources.${fact}`, before: a, after: b, breaking: false });
  }
}

function factValue(m: Model, fact: string): unknown {
  if ((CAPABILITIES as readonly string[]).includes(fact)) return m.capabilities[fact as (typeof CAPABILITIES)[number]];
  return (m as unknown as Record<string, unknown>)[fact] ?? null;
}

/** A known size that became smaller, or unknown: a request that fitted may no longer fit. */
function shrank(before: number | null, after: number | null): boolean {
  return before !== null && (after === null || after < before);
}
