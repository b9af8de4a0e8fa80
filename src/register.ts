// The registration pipeline as one library call: probe → normalise → merge → resolve policy → validate.
// It writes nothing; the caller decides where the snapshot goes.
import type { ProviderRegistrySnapshot } from "../generated/snapshot-types.js";
import { largeChanges, type LargeChange } from "./compare/large-changes.js";
import { loadCommunityCatalog, overlayCounts, type CommunityOverlay } from "./catalog/community-catalog.js";
import { loadBuiltinCatalog, type Catalog } from "./catalog/load-catalog.js";
import type { Env } from "./config/env-values.js";
import { readSettings } from "./config/read-settings.js";
import { ConfigError, InvalidDocumentError } from "./core/errors.js";
import { mergeModels, type LastKnownGood } from "./merge/merge-models.js";
import type { Diagnostic } from "./core/diagnostic.js";
import { resolvePolicy } from "./policy/resolve-policy.js";
import { probeAll, type ProbeAllOptions } from "./probe/probe-all.js";
import type { ProbeOutcome } from "./probe/probe-provider.js";
import { loadProviderDefinitions } from "./providers/load-definitions.js";
import { planProbes, type ProbeTarget } from "./providers/plan-probes.js";
import { buildSnapshot, snapshotTime } from "./snapshot/build-snapshot.js";
import { contentHash } from "./snapshot/content-hash.js";
import { schemaProblems } from "./validate/schema-validator.js";
import { probeDiagnostics } from "./diagnostics/probe-diagnostics.js";
import { preferenceDiagnostics } from "./diagnostics/preference-diagnostics.js";

export interface RegisterOptions {
  /** The environment, .env already layered beneath it. */
  readonly env: Env;
  readonly cwd: string;
  readonly generatorVersion: string;
  /** Globs of the user's own provider definitions. */
  readonly providerGlobs?: readonly string[];
  /** The whole probing phase must end within this. */
  readonly timeoutMs?: number;
  /** How many providers are probed at once (a pool; default DEFAULT_CONCURRENCY). */
  readonly concurrency?: number;
  readonly requestTimeoutMs?: number;
  readonly catalog?: Catalog;
  /** Community catalogs (models.dev api.json, LiteLLM prices) to lay beneath the built-in one; a later file wins. */
  readonly catalogFiles?: readonly string[];
  readonly now?: () => number;
  /** Called once the providers are planned, before any is probed: who will be probed, who skipped and why. */
  readonly onPlan?: (targets: readonly ProbeTarget[]) => void;
  readonly onProbe?: ProbeAllOptions["onOutcome"];
  /**
   * Called between the stages that follow probing, each time the last stage's working data is garbage: `merged`
   * (lists merged and policy resolved) and `diagnosed` (the draft read and dropped). The command line collects
   * garbage there to keep its peak memory down; a library caller can ignore it.
   */
  readonly onStage?: (stage: "merged" | "diagnosed") => void;
  readonly probe?: ProbeAllOptions["probe"];
  /**
   * The last good snapshot: a provider whose probe fails keeps its models from here, marked stale; and the large
   * changes are measured against it. Either the snapshot itself, or its content hash and a way to load it: then it is
   * loaded only when a probe failed or the content changed, and not held while the rest of the run is in memory.
   */
  readonly previous?: ProviderRegistrySnapshot | PreviousSnapshot;
  /** Probe base URLs at link-local addresses and cloud metadata hosts (refused otherwise). */
  readonly allowLinkLocal?: boolean;
}

/** A last good snapshot that is read only when it is needed (a 100,000-model snapshot is some 60 MB of objects). */
export interface PreviousSnapshot {
  /** Its content hash, recomputed from its content (the one written in it is not trusted). */
  readonly contentHash: string;
  load(): Promise<ProviderRegistrySnapshot>;
}

export interface RegisterResult {
  readonly snapshot: ProviderRegistrySnapshot;
  readonly targets: readonly ProbeTarget[];
  readonly outcomes: ReadonlyMap<string, ProbeOutcome>;
  /** Providers that were to be probed and failed (or got no answer before the deadline), sorted. */
  readonly failedProviders: readonly string[];
  /** Against `previous`: shrunk lists, vanished models, price jumps, shrunk context windows. Empty without one. */
  readonly largeChanges: readonly LargeChange[];
  /** The community catalogs read, with how many models each gave each provider. */
  readonly overlays: readonly { readonly name: string; readonly file: string; readonly models: readonly { provider: string; models: number }[] }[];
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** One hour: far past any probe worth waiting for, far below what a timer can hold (2^31 - 1 ms, about 24.8 days). */
export const MAX_TIMEOUT_MS = 3_600_000;

export async function register(options: RegisterOptions): Promise<RegisterResult> {
  const now = options.now ?? Date.now;
  // Everything the configuration says is checked before any probe: a bad SOURCE_DATE_EPOCH or timeout found only
  // once the answers are in would have cost every provider a request for nothing.
  const generatedAt = snapshotTime(options.env.SOURCE_DATE_EPOCH, now);
  // The run's day, from the one clock reading the snapshot is stamped with: retirement is judged on that day.
  const asOf = generatedAt.slice(0, 10);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new ConfigError(`timeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, not ${timeoutMs}`, { field: "timeoutMs" });
  }
  const definitions = await loadProviderDefinitions(options.providerGlobs ?? [], options.cwd);
  const settings = readSettings(options.env, definitions);
  const targets = planProbes(definitions, options.env, settings, { allowLinkLocal: options.allowLinkLocal === true });
  // Read before probing: a bad catalog file is a configuration error, and should cost no provider a request.
  const overlays = await loadOverlays(options.catalogFiles ?? [], options.cwd, definitions.map((d) => d.id), asOf);
  options.onPlan?.(targets);
  const catalogPromise = options.catalog ? Promise.resolve(options.catalog) : loadBuiltinCatalog();
  const outcomes = await probeAll(targets, {
    timeoutMs,
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.onProbe ? { onOutcome: options.onProbe } : {}),
    probe: { ...options.probe, now },
  });
  const catalog = await catalogPromise;

  const previous = options.previous === undefined ? undefined : "load" in options.previous ? options.previous : asPrevious(options.previous);
  const listings = await listingsOf(targets, outcomes, previous);
  const merged = mergeModels({
    providers: listings,
    catalog,
    overlays,
    asOf,
    modelCosts: settings.modelCosts,
    ...(settings.freeModels ? { freeModels: settings.freeModels } : {}),
  });
  const states = targets.map((t) => {
    const outcome = outcomes.get(t.definition.id);
    const why = !t.plan.probe ? t.plan.reason : outcome?.status === "ok" ? undefined : `probe failed: ${outcome?.reason ?? "no answer"}`;
    return { id: t.definition.id, ...(why !== undefined ? { notProbedBecause: why } : {}) };
  });
  const resolved = resolvePolicy(settings, merged.models, states, { asOf });
  const diagnostics: Diagnostic[] = [...settings.diagnostics, ...merged.diagnostics, ...resolved.diagnostics, ...probeDiagnostics(targets, outcomes, keptStale(merged.models))];
  options.onStage?.("merged");

  const parts = {
    generatedAt,
    generatorVersion: options.generatorVersion,
    targets,
    outcomes,
    models: merged.models,
    policy: resolved.policy,
    diagnostics,
  };
  // What the selector will do where the user said nothing can only be told by asking the selector itself, of a draft
  // that is read and dropped (so it is neither hashed nor checked here: the snapshot that is returned is).
  const draft = buildSnapshot(parts, { hash: false });
  let preference: Diagnostic[];
  try {
    preference = preferenceDiagnostics(draft);
  } catch (error) {
    // A draft the selector cannot read breaks the schema somewhere: say where, rather than how it tripped.
    checked(draft);
    throw error;
  }
  options.onStage?.("diagnosed");
  const snapshot = checked(buildSnapshot({ ...parts, diagnostics: [...diagnostics, ...preference] }));
  const failedProviders = targets.filter((t) => t.plan.probe && outcomes.get(t.definition.id)?.status !== "ok").map((t) => t.definition.id).sort();
  return {
    snapshot,
    targets,
    outcomes,
    failedProviders,
    // Equal content hashes mean equal content: nothing to compare (a re-run of an unchanged registry, the common case).
    largeChanges: previous && previous.contentHash !== snapshot.contentHash ? largeChanges(await previous.load(), snapshot) : [],
    overlays: overlays.map((o) => ({ name: o.name, file: o.file, models: overlayCounts(o.catalog) })),
  };
}

/** Each community catalog file, in order, read for the providers there are; deprecation dates compare with the run's day. */
async function loadOverlays(files: readonly string[], cwd: string, providers: readonly string[], asOf: string): Promise<CommunityOverlay[]> {
  const overlays: CommunityOverlay[] = [];
  for (const file of files) overlays.push(await loadCommunityCatalog(file, { cwd, asOf, providers }));
  return overlays;
}

function asPrevious(snapshot: ProviderRegistrySnapshot): PreviousSnapshot {
  return { contentHash: contentHash(snapshot), load: () => Promise.resolve(snapshot) };
}

/**
 * What each provider contributes to the merge: its listed models, or for one whose probe failed, what the previous
 * snapshot knew of it. The previous snapshot is loaded only when some probe failed, and dropped on return.
 */
async function listingsOf(targets: readonly ProbeTarget[], outcomes: ReadonlyMap<string, ProbeOutcome>, previous: PreviousSnapshot | undefined) {
  const failed = targets.some((t) => t.plan.probe && outcomes.get(t.definition.id)?.status !== "ok");
  const last = failed && previous ? await previous.load() : undefined;
  return targets.map((t) => {
    const id = t.definition.id;
    const outcome = outcomes.get(id);
    if (outcome?.status === "ok") return { id, listed: outcome.models };
    const lastKnownGood = t.plan.probe && last ? lastKnownGoodOf(last, id, outcome?.reason ?? "no answer before the overall deadline") : undefined;
    return { id, ...(lastKnownGood ? { lastKnownGood } : {}) };
  });
}

function lastKnownGoodOf(previous: ProviderRegistrySnapshot, provider: string, failure: string): LastKnownGood {
  const entry = previous.providers.find((p) => p.id === provider);
  return {
    models: previous.models.filter((m) => m.provider === provider),
    // Its listed models were verified when that probe succeeded; stale ones carry their own lastVerifiedAt.
    verifiedAt: (entry?.probe.status === "ok" ? entry.probe.checkedAt : undefined) ?? previous.generatedAt,
    failure,
  };
}

function keptStale(models: readonly { provider: string; availability: string }[]): Set<string> {
  return new Set(models.filter((m) => m.availability === "stale").map((m) => m.provider));
}

/** Never hand on a snapshot that breaks the schema: that is a bug here, and it must stop the run before anything is written. */
function checked(snapshot: ProviderRegistrySnapshot): ProviderRegistrySnapshot {
  const problems = schemaProblems("provider-registry-snapshot", snapshot);
  if (problems.length > 0) throw new InvalidDocumentError("the generated snapshot", problems);
  return snapshot;
}
