// One record per planned provider once probing is over: what was planned, what came back, and whether it listed
// models. Worked out here once; the merge, the policy, the diagnostics and the snapshot read it.
import type { ProbedModel } from "../providers/adapter.js";
import type { ProbeTarget } from "../providers/plan-probes.js";
import type { ProbeOutcome } from "./probe-types.js";

export interface ProviderRun {
  readonly id: string;
  readonly target: ProbeTarget;
  /** What its probe returned; undefined when it was not probed, or gave no answer before the overall deadline. */
  readonly outcome: ProbeOutcome | undefined;
  /** The plan probes it (it has a base URL and the filters let it through); its reason otherwise is `target.plan.reason`. */
  readonly probed: boolean;
  /** Its probe answered with a model list (perhaps an empty one). */
  readonly succeeded: boolean;
  /** The models its probe listed, when it succeeded. */
  readonly listed: readonly ProbedModel[] | undefined;
  /** Why a probed provider has no list: its probe's reason, or that no answer came before the overall deadline. */
  readonly failure: string | undefined;
}

/** The failure of a probe that had not answered when the overall deadline passed. */
export const NO_ANSWER = "no answer before the overall deadline";

/** Every target, in plan order, with its outcome. */
export function providerRuns(
  targets: readonly ProbeTarget[],
  outcomes: ReadonlyMap<string, ProbeOutcome>,
): ProviderRun[] {
  return targets.map((target) => providerRun(target, outcomes.get(target.definition.id)));
}

export function providerRun(target: ProbeTarget, outcome: ProbeOutcome | undefined): ProviderRun {
  const probed = target.plan.probe;
  const listed = outcome?.status === "ok" ? outcome.models : undefined;
  return {
    id: target.definition.id,
    target,
    outcome,
    probed,
    succeeded: listed !== undefined,
    listed,
    failure: probed && listed === undefined ? (outcome?.reason ?? NO_ANSWER) : undefined,
  };
}

/** Providers that were to be probed and have no list: their probe failed or did not answer in time. */
export function failedRuns(runs: readonly ProviderRun[]): ProviderRun[] {
  return runs.filter((run) => run.probed && !run.succeeded);
}
