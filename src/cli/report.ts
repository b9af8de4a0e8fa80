// How the command line shows probes and diagnostics to a person.
import type { Diagnostic } from "../model/diagnostic.js";

type ProbeLine = { status: "ok"; reason: string; durationMs: number } | { status: "failed"; reason: string; durationMs: number } | { status: "skipped"; reason: string };

export function formatProbeLine(provider: string, outcome: ProbeLine): string {
  const ms = "durationMs" in outcome ? `${outcome.durationMs} ms` : "";
  return `${provider.padEnd(12)} ${outcome.status.padEnd(8)} ${outcome.reason}${ms ? `  (${ms})` : ""}`;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.level}: [${d.code}] ${d.message}`;
}
