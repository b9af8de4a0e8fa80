import { isRoutable } from "../../core/availability.js";
import type { RegisterResult } from "../../register.js";

/** What `register --json` prints after writing: the file, its hash, each provider's probe, and counts. */
export function runSummary(result: RegisterResult, out: string, previousFile: string | undefined) {
  const { snapshot } = result;
  return {
    file: out,
    contentHash: snapshot.contentHash,
    providers: snapshot.providers.map((p) => ({
      id: p.id,
      status: p.probe.status,
      reason: p.probe.reason,
      models: p.probe.modelCount,
      durationMs: result.outcomes.get(p.id)?.durationMs ?? null,
    })),
    models: snapshot.models.length,
    routable: snapshot.models.filter(isRoutable).length,
    stale: snapshot.models.filter((m) => m.availability === "stale").length,
    previous: previousFile ?? null,
    largeChanges: result.largeChanges.map((c) => ({ kind: c.kind, ...c.diagnostic })),
    diagnostics: {
      error: count(snapshot.diagnostics, "error"),
      warning: count(snapshot.diagnostics, "warning"),
      info: count(snapshot.diagnostics, "info"),
    },
  };
}

function count(list: readonly { level: string }[], level: string): number {
  return list.filter((d) => d.level === level).length;
}
