// What the probes tell a person: a configured provider that failed is a warning, not a footnote.
import type { Diagnostic } from "../core/diagnostic.js";
import type { ProviderRun } from "../probe/provider-run.js";

/** `keptStale`: providers whose models were kept from the last good snapshot (see STALE_MODELS). */
export function probeDiagnostics(
  runs: readonly ProviderRun[],
  keptStale: ReadonlySet<string> = new Set(),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { id, probed, listed, failure } of runs) {
    if (!probed) continue;
    if (listed !== undefined) {
      if (listed.length === 0) {
        out.push({
          level: "warning",
          code: "PROVIDER_LISTED_NOTHING",
          provider: id,
          message: `${id} answered with an empty model list; none of its models can be routed.`,
        });
      }
      continue;
    }
    out.push({
      level: "warning",
      code: "PROBE_FAILED",
      provider: id,
      message: `${id} is configured but its probe failed: ${failure}. ${keptStale.has(id) ? "Its models from the last good snapshot are kept, marked stale." : "Its catalog models are unverified."}`,
    });
  }
  return out;
}
