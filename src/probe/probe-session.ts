// One provider's probe while it runs: the request, the adapter, the limits and the clock, carried from request to
// request (ProviderRun, in provider-run.ts, is the record of it once probing is over).
import type { ProviderAdapter } from "../providers/adapter.js";
import type { RetryPolicy } from "./retry-delay.js";
import type { ProbeErrorKind, ProbeOptions, ProbeRequest } from "./probe-types.js";

export interface ProbeSession {
  readonly request: ProbeRequest;
  readonly adapter: ProviderAdapter;
  readonly options: ProbeOptions;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly retry: RetryPolicy;
  /** Requests made for the list so far, over every page and URL. */
  attempts: number;
}

export type ProbeFailure = {
  readonly ok: false;
  readonly kind: ProbeErrorKind;
  readonly reason: string;
  readonly httpStatus?: number;
};

/** A bug here (an adapter that throws on some body) fails this provider's probe, never the whole run. */
export function internalFailure(error: unknown): {
  readonly kind: "internal_error";
  readonly retry: false;
  readonly reason: string;
} {
  const what = error instanceof Error ? error.name : typeof error;
  return {
    kind: "internal_error",
    retry: false,
    reason: `the answer could not be read (internal error: ${what}); this is a bug, please report it`,
  };
}
