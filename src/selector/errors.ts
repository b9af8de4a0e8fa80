// The selector's errors. It cannot import the build-time side's errors (its import graph is closed), so it
// carries `exitCode` itself: the CLI's reportError maps any error with a numeric exitCode.
import type { TraceEntry } from "./trace-entry.js";

export type SnapshotErrorCode =
  | "SNAPSHOT_NOT_FOUND"
  | "SNAPSHOT_UNREADABLE"
  | "SNAPSHOT_NOT_JSON"
  | "UNSUPPORTED_SCHEMA_VERSION"
  | "SNAPSHOT_INVALID";

/** The snapshot cannot be used: missing, unreadable, not JSON, of an unknown major version, or invalid. */
export class SnapshotError extends Error {
  override name = "SnapshotError";
  readonly exitCode = 1;
  constructor(
    readonly code: SnapshotErrorCode,
    message: string,
    /** For SNAPSHOT_INVALID: each problem as `<JSON pointer>: <what is wrong>`. */
    readonly problems: readonly string[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export type SelectionErrorCode =
  "INVALID_REQUEST" | "NO_SUCH_MODEL" | "MODEL_NOT_ALLOWED" | "REQUIREMENTS_NOT_MET" | "NO_MODEL_AVAILABLE";

const noTrace = (): readonly TraceEntry[] => [];

/**
 * No model can be chosen for the request; `trace` says why each candidate fell away.
 *
 * Only a malformed request (INVALID_REQUEST, a bug in the caller) carries a stack trace. The other codes are
 * answers about the snapshot, not faults in code: the message and the trace say everything, and capturing a stack
 * cost 4–15 µs, a hundred times the rest of a request nothing fits (see docs/benchmarks.md).
 */
export class SelectionError extends Error {
  override name = "SelectionError";
  readonly code: SelectionErrorCode;
  /** A malformed request is a usage error (2); anything else means nothing could be selected (1). */
  readonly exitCode: 1 | 2;
  #trace: readonly TraceEntry[] | (() => readonly TraceEntry[]);

  constructor(code: SelectionErrorCode, message: string, trace: () => readonly TraceEntry[] = noTrace) {
    // Nothing before super may touch `this`, and super cannot throw: the limit is restored on the next line.
    const limit = Error.stackTraceLimit;
    if (code !== "INVALID_REQUEST") Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.exitCode = code === "INVALID_REQUEST" ? 2 : 1;
    this.#trace = trace;
  }

  /** Built on first read: the message alone is enough for most callers, and a full trace walks every model. */
  get trace(): readonly TraceEntry[] {
    if (typeof this.#trace === "function") this.#trace = Object.freeze(this.#trace());
    return this.#trace;
  }

  /** The shape `provider-registry select --json` prints. */
  toJSON(): { error: { code: SelectionErrorCode; message: string }; trace: readonly TraceEntry[] } {
    return { error: { code: this.code, message: this.message }, trace: this.trace };
  }
}
