// The selector's errors. It cannot import the build-time side's errors (its import graph is closed), so it
// carries `exitCode` itself: the CLI's reportError maps any error with a numeric exitCode.
import type { TraceEntry } from "./trace.js";

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
  | "INVALID_REQUEST"
  | "NO_SUCH_MODEL"
  | "MODEL_NOT_ALLOWED"
  | "REQUIREMENTS_NOT_MET"
  | "NO_MODEL_AVAILABLE";

const noTrace = (): readonly TraceEntry[] => [];

/** No model can be chosen for the request; `trace` says why each candidate fell away. */
export class SelectionError extends Error {
  override name = "SelectionError";
  /** A malformed request is a usage error (2); anything else means nothing could be selected (1). */
  readonly exitCode: 1 | 2;
  #trace: readonly TraceEntry[] | (() => readonly TraceEntry[]);

  constructor(
    readonly code: SelectionErrorCode,
    message: string,
    trace: () => readonly TraceEntry[] = noTrace,
  ) {
    super(message);
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
