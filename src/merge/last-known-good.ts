// A provider whose probe failed keeps what the last good snapshot could route of it, marked stale with when it was
// last verified: never dropped, never passed off as fresh.
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { isRoutable } from "../core/availability.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { isRetired } from "../core/calendar-date.js";

export interface LastKnownGood {
  /** The previous snapshot's models of this provider; only those it could route (listed or stale) are kept. */
  readonly models: readonly Model[];
  /** When the previous snapshot last saw the provider answer: its probe's checkedAt, else its generatedAt. */
  readonly verifiedAt: string;
  /** Why this run's probe failed. */
  readonly failure: string;
}

/** What the previous snapshot knew of `provider`, whose probe failed with `failure`. */
export function lastKnownGoodOf(previous: ProviderRegistrySnapshot, provider: string, failure: string): LastKnownGood {
  const entry = previous.providers.find((p) => p.id === provider);
  return {
    models: previous.models.filter((m) => m.provider === provider),
    // Its listed models were verified when that probe succeeded; stale ones carry their own lastVerifiedAt.
    verifiedAt: (entry?.probe.status === "ok" ? entry.probe.checkedAt : undefined) ?? previous.generatedAt,
    failure,
  };
}

/**
 * The models kept for `provider`, by lower-cased id: facts and sources as they were, availability stale. A
 * retirement date that has come (on or before `asOf`) while the provider was down still retires the model.
 */
export function staleModels(
  provider: string,
  lastKnownGood: LastKnownGood,
  asOf: string | undefined,
): Map<string, Model> {
  const kept = new Map<string, Model>();
  for (const previous of lastKnownGood.models) {
    if (previous.provider !== provider || !isRoutable(previous)) continue;
    if (kept.has(previous.id.toLowerCase())) continue;
    const lastVerifiedAt =
      previous.availability === "stale" && previous.lastVerifiedAt !== undefined
        ? previous.lastVerifiedAt
        : lastKnownGood.verifiedAt;
    const model: Model = { ...structuredClone(previous), availability: "stale", lastVerifiedAt };
    if (isRetired(model.retiresAt, asOf) && model.status !== "deprecated") {
      model.status = "deprecated";
      model.sources = { ...model.sources, status: model.sources.retiresAt ?? "inferred" };
    }
    kept.set(previous.id.toLowerCase(), model);
  }
  return kept;
}

export function staleDiagnostic(provider: string, stale: readonly Model[], failure: string): Diagnostic {
  const oldest = stale.map((m) => m.lastVerifiedAt ?? "").sort()[0];
  const n = stale.length;
  return {
    level: "warning",
    code: "STALE_MODELS",
    provider,
    message: `${provider}'s probe failed (${failure}): ${n} model${n === 1 ? "" : "s"} kept from the last good snapshot, marked stale, last verified ${oldest || "at an unknown time"}.`,
  };
}

/** The providers some of whose models were kept stale. */
export function providersKeptStale(models: readonly Pick<Model, "provider" | "availability">[]): Set<string> {
  return new Set(models.filter((m) => m.availability === "stale").map((m) => m.provider));
}
