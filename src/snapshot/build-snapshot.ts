// Assemble the snapshot from the stages' results: sorted, complete, hashed. Pure.
import type { Model, Policy, Provider, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { ConfigError } from "../core/errors.js";
import { snapshotDiagnostics, type Diagnostic } from "../core/diagnostic.js";
import { byProviderThenId, compareText } from "../core/order.js";
import type { ProviderRun } from "../probe/provider-run.js";
import { contentHash } from "./content-hash.js";
import { SCHEMA_ID, SCHEMA_VERSION } from "./schema-version.js";

/** What the stages made: each provider's run, the merged models, the policy and the diagnostics. */
export interface SnapshotInput {
  readonly generatedAt: string;
  readonly generatorVersion: string;
  readonly runs: readonly ProviderRun[];
  readonly models: readonly Model[];
  readonly policy: Policy;
  readonly diagnostics: readonly Diagnostic[];
}

/** Stands in for the hash of a snapshot that is not complete yet (see sealSnapshot): hashing 10,000 models is not free. */
export const UNHASHED = `sha256:${"0".repeat(64)}`;

/** The snapshot; with `hash: false` its contentHash is UNHASHED, for a snapshot sealSnapshot completes. */
export function buildSnapshot(input: SnapshotInput, { hash = true } = {}): ProviderRegistrySnapshot {
  const providers = input.runs
    .map((run) => providerEntry(run, input.generatedAt))
    .sort((a, b) => compareText(a.id, b.id));
  const unhashed = {
    $schema: SCHEMA_ID,
    schemaVersion: SCHEMA_VERSION,
    generatedAt: input.generatedAt,
    generator: { name: "provider-registry", version: input.generatorVersion },
    providers,
    models: [...input.models].sort(byProviderThenId),
    policy: input.policy,
    diagnostics: snapshotDiagnostics(input.diagnostics),
  };
  return { ...unhashed, contentHash: hash ? contentHash(unhashed) : UNHASHED };
}

/**
 * The snapshot with diagnostics that could only be found by reading it (what the selector makes of it) added in
 * their sorted places, and hashed. `snapshot` is left as it was.
 */
export function sealSnapshot(
  snapshot: ProviderRegistrySnapshot,
  diagnostics: readonly Diagnostic[],
): ProviderRegistrySnapshot {
  const { contentHash: _unhashed, ...rest } = snapshot;
  const complete = { ...rest, diagnostics: snapshotDiagnostics([...rest.diagnostics, ...diagnostics]) };
  return { ...complete, contentHash: contentHash(complete) };
}

function providerEntry({ target, outcome }: ProviderRun, checkedAt: string): Provider {
  const base = {
    id: target.definition.id,
    displayName: target.definition.displayName,
    adapter: target.definition.adapter,
    baseUrl: target.baseUrl,
    apiKeyVariable: target.apiKeyVariable,
  };
  if (!target.plan.probe) return { ...base, probe: { status: "skipped", reason: target.plan.reason, modelCount: 0 } };
  if (!outcome)
    return {
      ...base,
      probe: {
        status: "failed",
        errorKind: "timeout",
        reason: "not probed before the overall deadline",
        modelCount: 0,
      },
    };
  if (outcome.status === "ok") {
    return {
      ...base,
      probe: {
        status: "ok",
        reason: outcome.reason,
        httpStatus: outcome.httpStatus,
        attempts: outcome.attempts,
        modelCount: outcome.models.length,
        checkedAt,
      },
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

/** The last second a four-digit year holds, as the schema's date-time pattern requires: 9999-12-31T23:59:59Z. */
export const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/** SOURCE_DATE_EPOCH (seconds) when set, for reproducible builds; else now. Whole seconds either way. */
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
