// Probe every planned provider at once, a bounded number at a time, all within one overall deadline.
import { adapters } from "../providers/adapters/index.js";
import type { ProbeTarget } from "../providers/plan-probes.js";
import { probeProvider } from "./probe-provider.js";
import { DEFAULT_MAX_BYTES, type ProbeOptions, type ProbeOutcome } from "./probe-types.js";
import { DEFAULT_RETRY } from "./retry-delay.js";

/** How probing behaves, for callers that need other limits (and tests that need a fake clock). */
export interface ProbeTuning extends Partial<
  Pick<ProbeOptions, "retry" | "now" | "sleep" | "random" | "maxBytes" | "requestTimeoutMs" | "maxPages">
> {
  /** Each provider must be done this long after its probe starts, and by the overall deadline in any case. */
  readonly providerTimeoutMs?: number;
}

export interface ProbeAllOptions {
  readonly timeoutMs: number;
  readonly requestTimeoutMs?: number;
  readonly concurrency?: number;
  readonly onOutcome?: (target: ProbeTarget, outcome: ProbeOutcome) => void;
  readonly probe?: ProbeTuning;
}

/** A single request never takes more than this by default, so a hung one leaves time to try again. */
export const MIN_DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Past the deadline, a probe that has still not returned (it should have been aborted) is given up on after this. */
const BACKSTOP_GRACE_MS = 250;

/**
 * One request's timeout when none is given: a share of the deadline that leaves room for every attempt,
 * but never under 10 s (lists are large), and never past the deadline itself.
 */
export function defaultRequestTimeoutMs(timeoutMs: number, maxAttempts: number): number {
  return Math.min(timeoutMs, Math.max(MIN_DEFAULT_REQUEST_TIMEOUT_MS, Math.ceil(timeoutMs / Math.max(1, maxAttempts))));
}

/**
 * Probes in flight at once. Each is one GET to its own origin that mostly waits, so a registry of a few hundred
 * providers is probed in one wave; past this, a pool: a finished probe hands its slot to the next at once.
 */
export const DEFAULT_CONCURRENCY = 256;
/** The most --probe-concurrency accepts. */
export const MAX_CONCURRENCY = 1024;

export async function probeAll(
  targets: readonly ProbeTarget[],
  options: ProbeAllOptions,
): Promise<Map<string, ProbeOutcome>> {
  const { providerTimeoutMs, ...tuning } = options.probe ?? {};
  const now = tuning.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const requestTimeoutMs =
    options.requestTimeoutMs ??
    tuning.requestTimeoutMs ??
    defaultRequestTimeoutMs(options.timeoutMs, (tuning.retry ?? DEFAULT_RETRY).maxAttempts);
  const maxBytes = tuning.maxBytes ?? DEFAULT_MAX_BYTES;
  const outcomes = new Map<string, ProbeOutcome>();
  const queue = targets.filter((t) => t.plan.probe);
  const workers = Array.from(
    { length: Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, queue.length) },
    async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        if (!target.plan.probe) continue;
        const adapter = adapters[target.definition.adapter];
        if (!adapter) throw new Error(`no adapter "${target.definition.adapter}" for provider ${target.definition.id}`);
        const started = now();
        const providerDeadline =
          providerTimeoutMs !== undefined ? Math.min(deadline, started + providerTimeoutMs) : deadline;
        const outcome = await withBackstop(
          probeProvider(target.plan, adapter, { ...tuning, deadline: providerDeadline, requestTimeoutMs, maxBytes }),
          providerDeadline - started,
          () => ({
            status: "failed",
            errorKind: "timeout",
            reason: "no answer before the deadline",
            attempts: 1,
            durationMs: now() - started,
          }),
        );
        outcomes.set(target.definition.id, outcome);
        options.onOutcome?.(target, outcome);
      }
    },
  );
  await Promise.all(workers);
  return outcomes;
}

/**
 * Every request is aborted at the deadline, so a probe should always return by then; should one not (a body that
 * will not cancel, a `sleep` that never wakes), the run does not wait for it: one provider never holds the build.
 */
async function withBackstop(
  probe: Promise<ProbeOutcome>,
  remainingMs: number,
  late: () => ProbeOutcome,
): Promise<ProbeOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const backstop = new Promise<ProbeOutcome>((resolve) => {
    // Not unref'd: while a probe is pending, this timer is what guarantees the run ends.
    timer = setTimeout(() => resolve(late()), Math.max(0, remainingMs) + BACKSTOP_GRACE_MS);
  });
  try {
    return await Promise.race([probe, backstop]);
  } finally {
    clearTimeout(timer);
  }
}
