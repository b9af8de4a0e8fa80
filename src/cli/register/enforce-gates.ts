// The gates between a finished run and its snapshot file: fatal warnings (exit 2), a failed probe under --strict
// (exit 3), a large change named in --fail-on (exit 4). Each throws, and nothing is written.
import { ConfigError, LargeChangeError, StrictProbeError } from "../../core/errors.js";
import type { RegisterResult } from "../../register.js";
import type { FailOn } from "./fail-on.js";

export interface Gates {
  readonly failOn: FailOn;
  /** Whether --fail-on-warnings was given (named in the message). */
  readonly failOnWarnings: boolean;
  readonly strict: boolean;
  /** Codes of the warnings this run printed itself, beside the snapshot's diagnostics. */
  readonly cliWarnings: readonly string[];
  /** The previous snapshot, as shown to the user, for --fail-on's message. */
  readonly previousFile: string | undefined;
  /** What the message says about the output file: nothing was written, and it is untouched. */
  readonly untouched: string;
}

export function enforceGates(
  result: RegisterResult,
  { failOn, failOnWarnings, strict, cliWarnings, previousFile, untouched }: Gates,
): void {
  const { snapshot } = result;
  const fatalWarnings = [
    ...snapshot.diagnostics.filter((d) => d.level !== "info").map((d) => d.code),
    ...cliWarnings,
  ].filter((code) => failOn.codes.has(code));
  if (fatalWarnings.length > 0) {
    const codes = [...new Set(fatalWarnings)].sort().join(", ");
    const flag = failOnWarnings ? "--fail-on-warnings" : "--fail-on";
    throw new ConfigError(
      `${flag}: ${fatalWarnings.length} warning${fatalWarnings.length === 1 ? "" : "s"} (${codes}), printed above: ${untouched}.`,
    );
  }
  if (strict && result.failedProviders.length > 0) {
    const failed = result.failedProviders.map(
      (id) => `${id} (${snapshot.providers.find((p) => p.id === id)?.probe.reason ?? "no answer"})`,
    );
    throw new StrictProbeError(`--strict: the probe failed for ${failed.join(", ")}: ${untouched}.`);
  }
  const fatal = result.largeChanges.filter((c) => failOn.kinds.has(c.kind));
  if (fatal.length > 0) {
    const kinds = [...new Set(fatal.map((c) => c.kind))].join(", ");
    throw new LargeChangeError(
      `--fail-on: ${fatal.length} large change${fatal.length === 1 ? "" : "s"} (${kinds}) against ${previousFile!}: ${untouched}.`,
    );
  }
}
