// What a probe is asked and what it answers: shared by the probe and the modules it is made of.
import type { FailureKind, ProbedModel } from "../providers/adapter.js";
import type { TransportFailureKind } from "./http-get-json.js";
import type { RetryPolicy } from "./retry-delay.js";

export type ProbeErrorKind = FailureKind | TransportFailureKind | "invalid_response" | "error_body" | "internal_error";

export type ProbeOutcome =
  | {
      readonly status: "ok";
      readonly models: ProbedModel[];
      readonly reason: string;
      readonly httpStatus: number;
      readonly attempts: number;
      readonly durationMs: number;
      readonly dropped: { readonly invalid: number; readonly duplicates: number };
    }
  | {
      readonly status: "failed";
      readonly errorKind: ProbeErrorKind;
      readonly reason: string;
      readonly httpStatus?: number;
      readonly attempts: number;
      readonly durationMs: number;
    };

export interface ProbeRequest {
  readonly url: string;
  readonly authorization?: string;
  /** Other request headers: a key in x-api-key or x-goog-api-key, anthropic-version. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Tried in order when the list URL answers 404. */
  readonly fallbackUrls?: readonly string[];
  /** Where the adapter's per-model details are POSTed. */
  readonly detailsUrl?: string;
  readonly secrets: readonly string[];
  /**
   * The credentials proper (key, URL user name and password, query token), of any length: a model id or name that
   * holds one is dropped. Without it, only secrets of key length (16 characters or more) count, since `secrets` may
   * hold settings such as ?api-version=2024-10-21 that a real model id contains.
   */
  readonly credentials?: readonly string[];
}

export interface ProbeOptions {
  /** Absolute time (ms since epoch, per `now`) by which this provider must be done. */
  readonly deadline: number;
  readonly requestTimeoutMs: number;
  readonly maxBytes: number;
  readonly retry?: RetryPolicy;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** A paginated list longer than this many pages fails the probe rather than walking on. */
  readonly maxPages?: number;
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
/** The range --max-response-bytes accepts: below 1 KiB no real list fits; above 512 MiB the text would not fit in one string. */
export const MIN_RESPONSE_BYTES = 1024;
export const MAX_RESPONSE_BYTES = 512 * 1024 * 1024 - 64;
