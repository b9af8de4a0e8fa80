// Typed errors of the build-time side. The CLI turns them into exit codes; nothing else does.

export const ExitCode = {
  ok: 0,
  /** A snapshot is invalid, a check found a difference, or nothing could be selected. */
  invalid: 1,
  /** Bad usage or bad configuration: nothing was written. */
  usage: 2,
  /** A probe failed and the run was told to be strict: nothing was written. */
  probeFailed: 3,
  /** A large change of a kind named in --fail-on: nothing was written. */
  largeChange: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export abstract class RegistryError extends Error {
  abstract readonly exitCode: ExitCode;
  abstract readonly code: string;
}

/** A command line that cannot be understood. */
export class UsageError extends RegistryError {
  readonly exitCode = ExitCode.usage;
  readonly code = "USAGE";
  override name = "UsageError";
}

/** Configuration that cannot be used; names the variable, file or field at fault. */
export class ConfigError extends RegistryError {
  readonly exitCode = ExitCode.usage;
  readonly code = "CONFIG";
  override name = "ConfigError";
  constructor(
    message: string,
    readonly at: { variable?: string; file?: string; field?: string } = {},
  ) {
    super(message);
  }
}

/** A document that does not match its schema; each problem names its JSON pointer. */
export class InvalidDocumentError extends RegistryError {
  readonly exitCode = ExitCode.invalid;
  readonly code = "INVALID";
  override name = "InvalidDocumentError";
  constructor(
    readonly what: string,
    readonly problems: readonly string[],
  ) {
    super(`${what} is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Probes failed and the run was strict. */
export class StrictProbeError extends RegistryError {
  readonly exitCode = ExitCode.probeFailed;
  readonly code = "PROBE_FAILED";
  override name = "StrictProbeError";
}

/** A large change (shrunk list, vanished model, price jump, shrunk context) of a kind the run was told to fail on. */
export class LargeChangeError extends RegistryError {
  readonly exitCode = ExitCode.largeChange;
  readonly code = "LARGE_CHANGE";
  override name = "LargeChangeError";
}
