// Two snapshots → the list of what changed between them, each change typed and classified as breaking for
// consumers or not. Pure. One source of truth for `diff`, `register --check` and the large-change flags.
import type { Model, Policy, Provider, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { isObject } from "../core/json-object.js";
import { isRoutable } from "../core/availability.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { EMPTY_PROVIDER_POLICY, modelAllowed, providerAllowed, providerPolicy } from "../core/policy-rules.js";
import { compareText } from "../core/order.js";
import { sortKeysDeep } from "../snapshot/canonical-json.js";
import { contentHash, withoutCheckedAt } from "../snapshot/content-hash.js";

export type ChangeKind =
  /** $schema, schemaVersion or generator. */
  | "snapshot_changed"
  | "provider_added"
  | "provider_removed"
  /** displayName, adapter, baseUrl, apiKeyVariable or its probe result (timestamps aside). */
  | "provider_changed"
  /** The provider filters now let it through, or no longer do. */
  | "provider_allowed"
  | "provider_disallowed"
  | "model_added"
  | "model_removed"
  | "availability_changed"
  | "price_changed"
  | "context_changed"
  | "max_output_changed"
  | "capability_gained"
  | "capability_lost"
  | "alias_added"
  | "alias_removed"
  | "kind_changed"
  /** Any other fact (name, status, tier, freeTier, movingAlias) or where an unchanged fact came from. */
  | "model_changed"
  /** The provider's allow-list now includes the model, or no longer does. */
  | "model_allowed"
  | "model_disallowed"
  /** policy.defaultModel, or a provider's defaultModel. */
  | "default_changed"
  /** Priority, preferences, ranking switches, or a filter change that lets no known provider or model in or out. */
  | "policy_changed"
  | "diagnostic_added"
  | "diagnostic_removed"
  /**
   * The same entries in another order (providers, models, diagnostics, a model's aliases), or any other difference
   * of spelling the comparisons above do not itemise: the content hash differs, so a change is reported.
   */
  | "order_changed";

export interface Change {
  readonly kind: ChangeKind;
  /** Absent for snapshot-wide changes (schema, generator, the global policy). */
  readonly provider?: string;
  readonly model?: string;
  /** Which fact, capability or policy field, where the kind alone does not say. */
  readonly field?: string;
  /** JSON values; null when there was none. */
  readonly before: unknown;
  readonly after: unknown;
  /** Whether a consumer that worked with the old snapshot can stop working with the new one. */
  readonly breaking: boolean;
}

export function compareSnapshots(before: ProviderRegistrySnapshot, after: ProviderRegistrySnapshot): Change[] {
  const changes: Change[] = [];
  const push = (change: Change) => changes.push(change);

  for (const field of ["$schema", "schemaVersion", "generator"] as const) {
    if (!same(before[field], after[field])) push({ kind: "snapshot_changed", field, before: before[field], after: after[field], breaking: field === "$schema" });
  }

  compareProviders(before.providers, after.providers, push);
  compareModels(before, after, push);
  comparePolicy(before, after, push);
  compareDiagnostics(before.diagnostics, after.diagnostics, push);
  compareOrder(before, after, push);
  // A change exists exactly when the content hashes differ: whatever differs and was not itemised above is said so.
  if (changes.length === 0 && contentHash(before) !== contentHash(after)) {
    push({ kind: "order_changed", field: "content", before: contentHash(before), after: contentHash(after), breaking: false });
  }

  return changes.sort(byPlace);
}

// ---- providers ---------------------------------------------------------------------------------------------

function compareProviders(before: readonly Provider[], after: readonly Provider[], push: (c: Change) => void): void {
  const old = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  for (const [id, p] of old) if (!now.has(id)) push({ kind: "provider_removed", provider: id, before: withoutCheckedAt(p), after: null, breaking: true });
  for (const [id, p] of now) {
    const was = old.get(id);
    if (!was) {
      push({ kind: "provider_added", provider: id, before: null, after: withoutCheckedAt(p), breaking: false });
      continue;
    }
    for (const field of ["displayName", "adapter", "baseUrl", "apiKeyVariable"] as const) {
      if (!same(was[field], p[field])) push({ kind: "provider_changed", provider: id, field, before: was[field], after: p[field], breaking: false });
    }
    const a = withoutCheckedAt(was).probe;
    const b = withoutCheckedAt(p).probe;
    if (!same(a, b)) push({ kind: "provider_changed", provider: id, field: "probe", before: a, after: b, breaking: false });
  }
}

// ---- models ------------------------------------------------------------------------------------------------

const CAPABILITIES = ["vision", "tools", "reasoning", "json", "streaming"] as const;
/** Handled one by one below; every other field of a model is compared as a whole. */
const SPECIAL = new Set(["id", "provider", "lastVerifiedAt", "availability", "pricing", "contextWindow", "maxOutput", "capabilities", "aliases", "kind", "sources"]);

function compareModels(beforeSnapshot: ProviderRegistrySnapshot, afterSnapshot: ProviderRegistrySnapshot, push: (c: Change) => void): void {
  const key = (m: Model) => `${m.provider}\u0000${m.id}`;
  const old = new Map(beforeSnapshot.models.map((m) => [key(m), m]));
  const now = new Map(afterSnapshot.models.map((m) => [key(m), m]));
  for (const [k, m] of old) {
    if (!now.has(k)) push({ kind: "model_removed", provider: m.provider, model: m.id, before: m.availability, after: null, breaking: true });
  }
  for (const [k, m] of now) {
    const was = old.get(k);
    if (!was) {
      push({ kind: "model_added", provider: m.provider, model: m.id, before: null, after: m.availability, breaking: false });
      continue;
    }
    compareModel(was, m, push);
    const allowedBefore = allowedIn(beforeSnapshot.policy, m.provider, m.id);
    const allowedAfter = allowedIn(afterSnapshot.policy, m.provider, m.id);
    if (allowedBefore && !allowedAfter) push({ kind: "model_disallowed", provider: m.provider, model: m.id, before: true, after: false, breaking: true });
    if (!allowedBefore && allowedAfter) push({ kind: "model_allowed", provider: m.provider, model: m.id, before: false, after: true, breaking: false });
  }
}

function compareModel(was: Model, m: Model, push: (c: Change) => void): void {
  const at = { provider: m.provider, model: m.id };
  if (was.availability !== m.availability) {
    push({ kind: "availability_changed", ...at, before: was.availability, after: m.availability, breaking: isRoutable(was) && !isRoutable(m) });
  }
  if (!same(was.pricing, m.pricing)) push({ kind: "price_changed", ...at, before: was.pricing, after: m.pricing, breaking: false });
  if (was.contextWindow !== m.contextWindow) push({ kind: "context_changed", ...at, before: was.contextWindow, after: m.contextWindow, breaking: shrank(was.contextWindow, m.contextWindow) });
  if (was.maxOutput !== m.maxOutput) push({ kind: "max_output_changed", ...at, before: was.maxOutput, after: m.maxOutput, breaking: shrank(was.maxOutput, m.maxOutput) });
  for (const capability of CAPABILITIES) {
    const a = was.capabilities[capability];
    const b = m.capabilities[capability];
    if (a && !b) push({ kind: "capability_lost", ...at, field: capability, before: true, after: false, breaking: true });
    if (!a && b) push({ kind: "capability_gained", ...at, field: capability, before: false, after: true, breaking: false });
  }
  const aliasesBefore = new Set(was.aliases);
  const aliasesAfter = new Set(m.aliases);
  for (const alias of aliasesBefore) if (!aliasesAfter.has(alias)) push({ kind: "alias_removed", ...at, field: alias, before: alias, after: null, breaking: true });
  for (const alias of aliasesAfter) if (!aliasesBefore.has(alias)) push({ kind: "alias_added", ...at, field: alias, before: null, after: alias, breaking: false });
  // Only chat models are routed: a chat model that becomes something else can no longer be chosen.
  if (was.kind !== m.kind) push({ kind: "kind_changed", ...at, before: was.kind, after: m.kind, breaking: was.kind === "chat" });

  const record = (x: Model) => x as unknown as Record<string, unknown>;
  const fields = new Set([...Object.keys(was), ...Object.keys(m)].filter((f) => !SPECIAL.has(f)));
  for (const field of [...fields].sort()) {
    const a = own(record(was), field) ?? null;
    const b = own(record(m), field) ?? null;
    if (!same(a, b)) push({ kind: "model_changed", ...at, field, before: a, after: b, breaking: false });
  }
  // Where a fact came from matters on its own only when the fact kept its value; otherwise the change says enough.
  const sourcesBefore = was.sources as Record<string, string | undefined>;
  const sourcesAfter = m.sources as Record<string, string | undefined>;
  for (const fact of [...new Set([...Object.keys(sourcesBefore), ...Object.keys(sourcesAfter)])].sort()) {
    const a = sourcesBefore[fact] ?? null;
    const b = sourcesAfter[fact] ?? null;
    if (a === b || !same(factValue(was, fact), factValue(m, fact))) continue;
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

// ---- policy ------------------------------------------------------------------------------------------------

/** Whether the provider's allow-list in this policy lets the model in. */
function allowedIn(policy: Policy, provider: string, model: string): boolean {
  return modelAllowed(providerPolicy(policy, provider)?.allowedModels ?? null, model);
}

function comparePolicy(beforeSnapshot: ProviderRegistrySnapshot, afterSnapshot: ProviderRegistrySnapshot, push: (c: Change) => void): void {
  const before = beforeSnapshot.policy;
  const after = afterSnapshot.policy;

  if (!same(before.defaultModel, after.defaultModel)) push({ kind: "default_changed", field: "defaultModel", before: before.defaultModel, after: after.defaultModel, breaking: true });

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
    if (!filterEffect && !same(before[field], after[field])) push({ kind: "policy_changed", field, before: before[field], after: after[field], breaking: false });
  }

  const handled = new Set(["defaultModel", "allowedProviders", "disabledProviders", "providers"]);
  const record = (p: Policy) => p as unknown as Record<string, unknown>;
  for (const field of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (handled.has(field)) continue;
    const a = own(record(before), field) ?? null;
    const b = own(record(after), field) ?? null;
    if (!same(a, b)) push({ kind: "policy_changed", field, before: a, after: b, breaking: false });
  }

  const modelsOf = (s: ProviderRegistrySnapshot, provider: string) => new Set(s.models.filter((m) => m.provider === provider).map((m) => m.id));
  for (const id of [...new Set([...Object.keys(before.providers), ...Object.keys(after.providers)])].sort()) {
    const a = (own(before.providers, id) ?? EMPTY_PROVIDER_POLICY) as unknown as Record<string, unknown>;
    const b = (own(after.providers, id) ?? EMPTY_PROVIDER_POLICY) as unknown as Record<string, unknown>;
    for (const field of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const x = own(a, field) ?? null;
      const y = own(b, field) ?? null;
      if (same(x, y)) continue;
      if (field === "defaultModel") {
        push({ kind: "default_changed", provider: id, field, before: x, after: y, breaking: true });
      } else if (field === "allowedModels") {
        // Said per model where a model both snapshots have is let in or out (see compareModels); otherwise here.
        const now = modelsOf(afterSnapshot, id);
        const common = [...modelsOf(beforeSnapshot, id)].filter((m) => now.has(m));
        const effect = common.some((m) => allowedIn(before, id, m) !== allowedIn(after, id, m));
        if (!effect) push({ kind: "policy_changed", provider: id, field, before: x, after: y, breaking: false });
      } else if (field === "preferredByCategory" && isObject(x) && isObject(y)) {
        for (const category of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
          const xs = own(x, category) ?? null;
          const ys = own(y, category) ?? null;
          if (!same(xs, ys)) push({ kind: "policy_changed", provider: id, field: `preferredByCategory.${category}`, before: xs, after: ys, breaking: false });
        }
      } else {
        push({ kind: "policy_changed", provider: id, field, before: x, after: y, breaking: false });
      }
    }
  }
}

// ---- diagnostics -------------------------------------------------------------------------------------------

function compareDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[], push: (c: Change) => void): void {
  const remaining = new Map<string, number>();
  for (const d of before) remaining.set(canonical(d), (remaining.get(canonical(d)) ?? 0) + 1);
  const added: Diagnostic[] = [];
  for (const d of after) {
    const n = remaining.get(canonical(d)) ?? 0;
    if (n > 0) remaining.set(canonical(d), n - 1);
    else added.push(d);
  }
  const removed: Diagnostic[] = [];
  for (const d of before) {
    const n = remaining.get(canonical(d)) ?? 0;
    if (n > 0) {
      remaining.set(canonical(d), n - 1);
      removed.push(d);
    }
  }
  const at = (d: Diagnostic) => ({ ...(d.provider !== undefined ? { provider: d.provider } : {}), ...(d.model !== undefined ? { model: d.model } : {}), field: d.code });
  for (const d of removed) push({ kind: "diagnostic_removed", ...at(d), before: d, after: null, breaking: false });
  for (const d of added) push({ kind: "diagnostic_added", ...at(d), before: null, after: d, breaking: false });
}

// ---- order -------------------------------------------------------------------------------------------------

/** The same entries in another order: not a change to a consumer, but a change to the content hash. */
function compareOrder(before: ProviderRegistrySnapshot, after: ProviderRegistrySnapshot, push: (c: Change) => void): void {
  const inOrder = (name: string, a: readonly string[], b: readonly string[]) => {
    const inB = new Set(b);
    const inA = new Set(a);
    const x = a.filter((k) => inB.has(k));
    const y = b.filter((k) => inA.has(k));
    if (x.length !== y.length || x.some((k, i) => k !== y[i])) push({ kind: "order_changed", field: name, before: null, after: null, breaking: false });
  };
  inOrder("providers", before.providers.map((p) => p.id), after.providers.map((p) => p.id));
  const key = (m: Model) => `${m.provider}\u0000${m.id}`;
  inOrder("models", before.models.map(key), after.models.map(key));
  // Diagnostics are a multiset: only when none was added or removed can their order be told apart.
  const a = before.diagnostics.map(canonical);
  const b = after.diagnostics.map(canonical);
  if (a.length === b.length && a.some((d, i) => d !== b[i])) {
    const sortedA = [...a].sort();
    const sortedB = [...b].sort();
    if (sortedA.every((d, i) => d === sortedB[i])) push({ kind: "order_changed", field: "diagnostics", before: null, after: null, breaking: false });
  }
  const was = new Map(before.models.map((m) => [key(m), m]));
  for (const m of after.models) {
    const old = was.get(key(m));
    if (old === undefined || same(old.aliases, m.aliases)) continue;
    const setBefore = new Set(old.aliases);
    const setAfter = new Set(m.aliases);
    if (setBefore.size === setAfter.size && [...setBefore].every((x) => setAfter.has(x))) {
      push({ kind: "order_changed", provider: m.provider, model: m.id, field: "aliases", before: old.aliases, after: m.aliases, breaking: false });
    }
  }
}

// ---- helpers -----------------------------------------------------------------------------------------------

/** obj[key] when it is obj's own property; never a property of Object.prototype ("constructor", "toString"). */
function own<T>(obj: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function canonical(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value)) ?? "undefined";
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

const KIND_ORDER: readonly ChangeKind[] = [
  "snapshot_changed",
  "provider_removed",
  "provider_added",
  "provider_disallowed",
  "provider_allowed",
  "provider_changed",
  "model_removed",
  "model_added",
  "availability_changed",
  "model_disallowed",
  "model_allowed",
  "kind_changed",
  "context_changed",
  "max_output_changed",
  "capability_lost",
  "capability_gained",
  "alias_removed",
  "alias_added",
  "price_changed",
  "model_changed",
  "default_changed",
  "policy_changed",
  "diagnostic_removed",
  "diagnostic_added",
  "order_changed",
];

/** Snapshot-wide first, then by provider, the provider's own changes before its models', then by kind and field. */
function byPlace(a: Change, b: Change): number {
  return (
    compareText(a.provider ?? "", b.provider ?? "") ||
    compareText(a.model ?? "", b.model ?? "") ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compareText(a.field ?? "", b.field ?? "") ||
    compareText(canonical(a.before), canonical(b.before)) ||
    compareText(canonical(a.after), canonical(b.after))
  );
}
