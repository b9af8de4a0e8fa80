// What register prints about a finished run before deciding whether it may be written: the community catalogs it
// used, the providers it skipped, the snapshot's diagnostics, lists cut by the size cap, and large changes.
import path from "node:path";
import { DEFAULT_MAX_BYTES, MAX_RESPONSE_BYTES } from "../../probe/probe-types.js";
import type { RegisterResult } from "../../register.js";
import { escapeLine } from "../../selector/shared.js";
import type { CliIO } from "../io.js";
import { formatDiagnostic, formatProbeLine, type OutputStyle } from "../report.js";

export interface RunReportOptions {
  readonly io: CliIO;
  readonly cwd: string;
  readonly style: OutputStyle;
  /** The --catalog files as typed, to name them as the user did. */
  readonly catalogFiles: readonly string[] | undefined;
  readonly maxBytes: number | undefined;
  readonly quiet: boolean;
  readonly strict: boolean;
  /** Prints a warning of this run (not written into the snapshot) and counts it for --fail-on. */
  readonly warn: (code: string, message: string) => void;
}

export function reportRun(
  result: RegisterResult,
  { io, cwd, style, catalogFiles, maxBytes, quiet, strict, warn }: RunReportOptions,
): void {
  const { snapshot } = result;
  for (const overlay of result.overlays) {
    const file = catalogFiles?.find((f) => path.resolve(cwd, f) === overlay.file) ?? overlay.file;
    if (overlay.models.length === 0) {
      warn(
        "CATALOG_UNUSED",
        `--catalog ${escapeLine(file)} (${overlay.name}) has no models for ${snapshot.providers.map((p) => p.id).join(", ")}: it changes nothing.`,
      );
    } else if (!quiet) {
      io.stderr(
        `catalog ${overlay.name.padEnd(10)} ${escapeLine(file)}: ${overlay.models.map((c) => `${c.provider} ${c.models}`).join(", ")}\n`,
      );
    }
  }
  if (!quiet) {
    for (const target of result.targets)
      if (!target.plan.probe)
        io.stderr(
          `${formatProbeLine(target.definition.id, { status: "skipped", reason: target.plan.reason }, style)}\n`,
        );
  }
  for (const d of snapshot.diagnostics) if (d.level !== "info" || !quiet) io.stderr(`${formatDiagnostic(d, style)}\n`);
  // A list cut by the size cap is the one failure the user can lift with a flag: say which.
  const cap = maxBytes ?? DEFAULT_MAX_BYTES;
  for (const p of snapshot.providers) {
    if (p.probe.errorKind !== "too_large") continue;
    warn(
      "RESPONSE_TOO_LARGE",
      `${p.id}'s model list is larger than --max-response-bytes (${cap} bytes), so none of it was read: ${p.id} counts as failed${strict ? "" : ", and keeps only what the previous snapshot or the catalog knew"}. Raise --max-response-bytes (at most ${MAX_RESPONSE_BYTES}) if the list is that long.`,
    );
  }
  // Large changes describe this run against the last one, not the registry: printed, never written into the snapshot.
  for (const change of result.largeChanges) io.stderr(`${formatDiagnostic(change.diagnostic, style)}\n`);
}
