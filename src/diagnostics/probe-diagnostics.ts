// What the probes tell a person: a configured provider that failed is a warning, not a footnote.
import type { Diagnostic } from "../core/diagnostic.js";
import type { ProbeOutcome } from "../probe/probe-provider.js";
import type { ProbeTarget } from "../providers/plan-probes.js";

/** `keptStale`: providers whose models were kept from the last good snapshot (see STALE_MODELS). */
export function probeDiagnostics(targets: readonly ProbeTarget[], outcomes: ReadonlyMap<string, ProbeOutcome>, keptStale: ReadonlySet<string> = new Set()): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const target of targets) {
    if (!target.plan.probe) continue;
    const id = target.definition.id;
    const outcome = outcomes.get(id);
    if (outcome?.status === "ok") {
      if (outcome.models.length === 0) {
        out.push({ level: "warning", code: "PROVIDER_LISTED_NOTHING", provider: id, message: `${id} answered with an empty model list; none of its models can be routed.` });
      }
      continue;
    }
    out.push({
      level: "warning",
      code: "PROBE_FAILED",
      provider: id,
      message: `${id} is configured but its probe failed: ${outcome?.reason ?? "no answer before the overall deadline"}. ${keptStale.has(id) ? "Its models from the last good snapshot are kept, marked stale." : "Its catalog models are unverified."}`,
    });
  }
  return out;
}
