// What register prints while probing: a line per provider as its answer arrives and, on a terminal, a live status
// line. Each raw answer is garbage once its outcome is reported; memory is released after the last one.
import type { RegisterOptions } from "../../register.js";
import type { CliIO } from "../io.js";
import { releaseMemory } from "../memory.js";
import { formatProbeLine, ProbeProgress, type OutputStyle } from "../report.js";

export interface ProbeProgressHooks {
  readonly onPlan: NonNullable<RegisterOptions["onPlan"]>;
  readonly onProbe: NonNullable<RegisterOptions["onProbe"]>;
  /** Ends the live line, whether the run finished or failed. */
  readonly stop: () => void;
}

export function probeProgressHooks(io: CliIO, style: OutputStyle, quiet: boolean): ProbeProgressHooks {
  let progress: ProbeProgress | undefined;
  let probing = 0;
  let probed = 0;
  return {
    onPlan: (targets) => {
      const ids = targets.filter((t) => t.plan.probe).map((t) => t.definition.id);
      probing = ids.length;
      progress = new ProbeProgress(io.stderr, style, ids);
      progress.start();
    },
    onProbe: (target, outcome) => {
      progress?.done(target.definition.id, quiet ? undefined : formatProbeLine(target.definition.id, outcome, style));
      // Each raw answer is garbage once its outcome is here; the last one ends the probing.
      if (++probed === probing) releaseMemory();
    },
    stop: () => progress?.stop(),
  };
}
