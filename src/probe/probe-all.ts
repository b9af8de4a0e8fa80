// Probe every planned provider at once, a bounded number at a time, all within one overall deadline.
import { adapters } from "../providers/adapters/index.js";
import type { ProbeTarget } from "../providers/plan-probes.js";
import { DEFAULT_MAX_BYTES, probeProvider, type ProbeOptions, type ProbeOutcome } from "./probe-provider.js";

export interface ProbeAllOptions {
  readonly timeoutMs: number;
  readonly requestTimeoutMs?: number;
  readonly concurrency?: number;
  readonly maxBytes?: number;
  readonly onOutcome?: (target: ProbeTarget, outcome: ProbeOutcome) => void;
  readonly probe?: Partial<Pick<ProbeOptions, "retry" | "now" | "sleep" | "random">>;
}

export async function probeAll(targets: readonly ProbeTarget[], options: ProbeAllOptions): Promise<Map<string, ProbeOutcome>> {
  const now = options.probe?.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const outcomes = new Map<string, ProbeOutcome>();
  const queue = targets.filter((t) => t.plan.probe);
  const workers = Array.from({ length: Math.min(options.concurrency ?? 16, queue.length) }, async () => {
    for (let target = queue.shift(); target; target = queue.shift()) {
      if (!target.plan.probe) continue;
      const adapter = adapters[target.definition.adapter];
      if (!adapter) throw new Error(`no adapter "${target.definition.adapter}" for provider ${target.definition.id}`);
      const outcome = await probeProvider(target.plan, adapter, {
        ...options.probe,
        deadline,
        requestTimeoutMs: options.requestTimeoutMs ?? options.timeoutMs,
        maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      });
      outcomes.set(target.definition.id, outcome);
      options.onOutcome?.(target, outcome);
    }
  });
  await Promise.all(workers);
  return outcomes;
}
