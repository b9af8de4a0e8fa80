// Assemble the snapshot from the stages' results: sorted, complete, hashed. Pure.
import type { Model, Policy, Provider, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { ConfigError } from "../core/errors.js";
import { sortDiagnostics, type Diagnostic } from "../core/diagnostic.js";
import { byProviderThenId, compareText } from "../core/order.js";
import type { ProbeOutcome } from "../probe/probe-provider.js";
import type { ProbeTarget } from "../providers/plan-probes.js";
import { contentHash } from "./content-hash.js";
import { SCHEMA_ID, SCHEMA_VERSION } from "./schema-version.js";

export interface SnapshotParts {
  readonly generatedAt: string;
  readonly generatorVersion: string;
  readonly targets: readonly ProbeTarget[];
  readonly outcomes: ReadonlyMap<string, ProbeOutcome>;
  readonly models: readonly Model[];
  readonly policy: Policy;
  readonly diagnostics: readonly Diagnostic[];
}

/** Stands in for the hash in a draft that is only read, never written: hashing 10,000 models is not free. */
export const UNHASHED = `sha256:${"0".repeat(64)}`;

export function buildSnapshot(parts: SnapshotParts, { hash = true } = {}): ProviderRegistrySnapshot {
  const providers = parts.targets
    .map((target) => providerEntry(target, parts.outcomes.get(target.definition.id), parts.generatedAt))
    .sort((a, b) => compareText(a.id, b.id));
  const draft = {
    $schema: SCHEMA_ID,
    schemaVersion: SCHEMA_VERSION,
    generatedAt: parts.generatedAt,
    generator: { name: "provider-registry", version: parts.generatorVersion },
    providers,
    models: [...parts.models].sort(byProviderThenId),
    policy: parts.policy,
    diagnostics: sortDiagnostics(parts.diagnostics),
  };
  return { ...draft, contentHash: hash ? contentHash(draft) : UNHASHED };
}

function providerEntry(target: ProbeTarget, outcome: ProbeOutcome | undefined, checkedAt: string): Provider {
  const base = {
    id: target.definition.id,
    displayName: target.definition.displayName,
    adapter: target.definition.adapter,
    baseUrl: target.baseUrl,
    apiKeyVariable: target.apiKeyVariable,
  };
  if (!target.plan.probe) return { ...base, probe: { status: "skipped", reason: target.plan.reason, modelCount: 0 } };
  if (!outcome) return { ...base, probe: { status: "failed", errorKind: "timeout", reason: "not probed before the overall deadline", modelCount: 0 } };
  if (outcome.status === "ok") {
    return {
      ...base,
      probe: { status: "ok", reason: outcome.reason, httpStatus: outcome.httpStatus, attempts: outcome.attempts, modelCount: outcome.models.length, checkedAt },
    };
  }
  return {
    ...base,
    probe: {
      status: "failed",
      errorKind: outcome.errorKind,
      reason: outcome.reason,
      ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
      attempts: outcome.attempts,
      modelCount: 0,
      checkedAt,
    },
  };
}

/** SOURCE_DATE_EPOCH (seconds) when set, for reproducible builds; else now. Whole seconds either way. */
/** The last second a four-digit year holds, as the schema's date-time pattern requires: 9999-12-31T23:59:59Z. */
export const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

export function snapshotTime(sourceDateEpoch: string | undefined, now: () => number): string {
  const raw = sourceDateEpoch?.trim();
  // Decimal seconds only (a fraction is floored): no hex (0x10), exponent (1e9), sign or word.
  const seconds = raw === undefined || raw === "" ? undefined : /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (seconds !== undefined && !(seconds >= 0 && seconds <= MAX_SOURCE_DATE_EPOCH)) {
    throw new ConfigError(
      `SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01T00:00:00Z, from 0 to ${MAX_SOURCE_DATE_EPOCH} (9999-12-31T23:59:59Z), in decimal digits, not ${JSON.stringify(sourceDateEpoch!.slice(0, 40))}`,
      { variable: "SOURCE_DATE_EPOCH" },
    );
  }
  const ms = seconds !== undefined ? seconds * 1000 : now();
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
