// The registration pipeline as one library call, one call per stage: plan (configuration → provider definitions →
// probe targets) → probe → merge → resolve policy → build the snapshot → validate. It writes nothing; the caller
// decides where the snapshot goes.
import type { Model, ProviderRegistrySnapshot } from "../generated/snapshot-types.js";
import { largeChanges, type LargeChange } from "./compare/large-changes.js";
import { loadCommunityCatalog, overlayCounts, type CommunityOverlay } from "./catalog/community-catalog.js";
import { loadBuiltinCatalog, type Catalog } from "./catalog/load-catalog.js";
import type { Env } from "./config/env-values.js";
import { readSettings, type RoutingSettings } from "./config/read-settings.js";
import { ConfigError, InvalidDocumentError } from "./core/errors.js";
import type { Diagnostic } from "./core/diagnostic.js";
import { modelKey } from "./core/model-id.js";
import { preferenceDiagnostics } from "./diagnostics/preference-diagnostics.js";
import { probeDiagnostics } from "./diagnostics/probe-diagnostics.js";
import { providersKeptStale } from "./merge/last-known-good.js";
import { mergeModels } from "./merge/merge-models.js";
import { providerListings, type PreviousLoader } from "./merge/provider-listings.js";
import { resolvePolicy, type ProviderState } from "./policy/resolve-policy.js";
import { probeAll, type ProbeAllOptions } from "./probe/probe-all.js";
import type { ProbeOutcome } from "./probe/probe-types.js";
import { failedRuns, providerRuns, type ProviderRun } from "./probe/provider-run.js";
import { loadProviderDefinitions } from "./providers/load-definitions.js";
import { planProbes, type ProbeTarget } from "./providers/plan-probes.js";
import { buildSnapshot, sealSnapshot, snapshotTime } from "./snapshot/build-snapshot.js";
import { contentHash } from "./snapshot/content-hash.js";
import { invalidModelDiagnostic, invalidModels } from "./validate/invalid-models.js";
import { schemaProblems } from "./validate/schema-validator.js";

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
   * (lists merged and policy resolved) and `diagnosed` (the selector's reading of the snapshot dropped). The command
   * line collects garbage there to keep its peak memory down; a library caller can ignore it.
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
export interface PreviousSnapshot extends PreviousLoader {
  /** Its content hash, recomputed from its content (the one written in it is not trusted). */
  readonly contentHash: string;
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
  readonly overlays: readonly {
    readonly name: string;
    readonly file: string;
    readonly models: readonly { provider: string; models: number }[];
  }[];
  /** One record per planned provider: its target, its probe's outcome, and whether it listed models. */
  readonly runs: readonly ProviderRun[];
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** One hour: far past any probe worth waiting for, far below what a timer can hold (2^31 - 1 ms, about 24.8 days). */
export const MAX_TIMEOUT_MS = 3_600_000;

export async function register(options: RegisterOptions): Promise<RegisterResult> {
  const plan = await planRun(options);
  options.onPlan?.(plan.targets);
  const catalogLoading = options.catalog ? Promise.resolve(options.catalog) : loadBuiltinCatalog();
  const outcomes = await probeAll(plan.targets, probeOptions(options, plan.timeoutMs));
  const runs = providerRuns(plan.targets, outcomes);
  const catalog = await catalogLoading;
  const previous = previousSnapshot(options.previous);

  const merged = mergeModels({
    providers: await providerListings(runs, previous),
    catalog,
    overlays: plan.overlays,
    asOf: plan.asOf,
    modelCosts: plan.settings.modelCosts,
    ...(plan.settings.freeModels !== undefined ? { freeModels: plan.settings.freeModels } : {}),
  });
  const stages = { plan, runs, merged, options };
  let built = resolveAndBuild(stages, merged.models, []);
  if (built.problems.length > 0) {
    // Models the schema refuses are left out, named, and the rest is built again; any other problem stops the run.
    const invalid = invalidModels(built.problems, built.snapshot.models);
    if (invalid === undefined) throw new InvalidDocumentError("the generated snapshot", built.problems);
    const refused = new Set(invalid.map(modelKey));
    const kept = merged.models.filter((m) => !refused.has(modelKey(m)));
    built = resolveAndBuild(stages, kept, invalid.map(invalidModelDiagnostic));
    if (built.problems.length > 0) throw new InvalidDocumentError("the generated snapshot", built.problems);
  }
  const { snapshot } = built;
  return {
    snapshot,
    targets: plan.targets,
    outcomes,
    runs,
    failedProviders: failedRuns(runs)
      .map((run) => run.id)
      .sort(),
    // Equal content hashes mean equal content: nothing to compare (a re-run of an unchanged registry, the common case).
    largeChanges:
      previous && previous.contentHash !== snapshot.contentHash ? largeChanges(await previous.load(), snapshot) : [],
    overlays: plan.overlays.map((o) => ({ name: o.name, file: o.file, models: overlayCounts(o.catalog) })),
  };
}

interface RunPlan {
  readonly generatedAt: string;
  /** The run's day (YYYY-MM-DD), from the one clock reading the snapshot is stamped with: retirement is judged on it. */
  readonly asOf: string;
  readonly timeoutMs: number;
  readonly settings: RoutingSettings;
  readonly targets: readonly ProbeTarget[];
  readonly overlays: readonly CommunityOverlay[];
}

/**
 * Everything the configuration says, read and checked before any probe: a bad SOURCE_DATE_EPOCH, timeout or catalog
 * file found only once the answers are in would have cost every provider a request for nothing.
 */
async function planRun(options: RegisterOptions): Promise<RunPlan> {
  const generatedAt = snapshotTime(options.env.SOURCE_DATE_EPOCH, options.now ?? Date.now);
  const asOf = generatedAt.slice(0, 10);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new ConfigError(
      `timeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, not ${timeoutMs}`,
      { field: "timeoutMs" },
    );
  }
  const definitions = await loadProviderDefinitions(options.providerGlobs ?? [], options.cwd);
  const settings = readSettings(options.env, definitions);
  const targets = planProbes(definitions, options.env, settings, { allowLinkLocal: options.allowLinkLocal === true });
  const overlays = await loadOverlays(
    options.catalogFiles ?? [],
    options.cwd,
    definitions.map((d) => d.id),
    asOf,
  );
  return { generatedAt, asOf, timeoutMs, settings, targets, overlays };
}

function probeOptions(options: RegisterOptions, timeoutMs: number): ProbeAllOptions {
  return {
    timeoutMs,
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.onProbe !== undefined ? { onOutcome: options.onProbe } : {}),
    probe: { ...options.probe, now: options.now ?? Date.now },
  };
}

/** Each community catalog file, in order, read for the providers there are; deprecation dates compare with the run's day. */
async function loadOverlays(
  files: readonly string[],
  cwd: string,
  providers: readonly string[],
  asOf: string,
): Promise<CommunityOverlay[]> {
  const overlays: CommunityOverlay[] = [];
  for (const file of files) overlays.push(await loadCommunityCatalog(file, { cwd, asOf, providers }));
  return overlays;
}

/** `previous` as a PreviousSnapshot; a snapshot given whole is hashed here. */
function previousSnapshot(previous: RegisterOptions["previous"]): PreviousSnapshot | undefined {
  if (previous === undefined || "load" in previous) return previous;
  return { contentHash: contentHash(previous), load: () => Promise.resolve(previous) };
}

/**
 * A provider as the policy sees it: why it was not probed, or why its probe gave no list. A probe with no answer by
 * the deadline reads "probe failed: no answer" here (MODEL_UNVERIFIED), shorter than PROBE_FAILED's NO_ANSWER.
 */
function providerState(run: ProviderRun): ProviderState {
  const why = !run.target.plan.probe
    ? run.target.plan.reason
    : run.succeeded
      ? undefined
      : `probe failed: ${run.outcome?.reason ?? "no answer"}`;
  return { id: run.id, ...(why !== undefined ? { notProbedBecause: why } : {}) };
}

/** Policy resolved over the merged models, the run's diagnostics gathered, the snapshot built and checked. */
function resolveAndBuild(
  {
    plan,
    runs,
    merged,
    options,
  }: {
    plan: RunPlan;
    runs: readonly ProviderRun[];
    merged: { readonly diagnostics: readonly Diagnostic[] };
    options: RegisterOptions;
  },
  models: readonly Model[],
  extra: readonly Diagnostic[],
): { snapshot: ProviderRegistrySnapshot; problems: string[] } {
  const resolved = resolvePolicy(plan.settings, models, runs.map(providerState), { asOf: plan.asOf });
  const diagnostics = [
    ...plan.settings.diagnostics,
    ...merged.diagnostics,
    ...resolved.diagnostics,
    ...probeDiagnostics(runs, providersKeptStale(models)),
    ...extra,
  ];
  options.onStage?.("merged");
  return buildAndCheck(
    {
      generatedAt: plan.generatedAt,
      generatorVersion: options.generatorVersion,
      runs,
      models,
      policy: resolved.policy,
      diagnostics,
    },
    options,
  );
}

/**
 * The snapshot built once, the selector's reading of it added (what it will do where the user said nothing can only
 * be told by asking the selector itself), sealed, and checked against the schema. A snapshot the selector cannot read
 * breaks the schema somewhere: then the problems say where, rather than how the selector tripped.
 */
function buildAndCheck(
  parts: Parameters<typeof buildSnapshot>[0],
  options: Pick<RegisterOptions, "onStage">,
): { snapshot: ProviderRegistrySnapshot; problems: string[] } {
  const unsealed = buildSnapshot(parts, { hash: false });
  let preference: Diagnostic[];
  try {
    preference = preferenceDiagnostics(unsealed);
  } catch (error) {
    const problems = schemaProblems("provider-registry-snapshot", unsealed);
    if (problems.length > 0) return { snapshot: unsealed, problems };
    throw error;
  }
  options.onStage?.("diagnosed");
  const snapshot = sealSnapshot(unsealed, preference);
  return { snapshot, problems: schemaProblems("provider-registry-snapshot", snapshot) };
}
