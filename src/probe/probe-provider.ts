// Probe one provider: GET its model list, retry what is worth retrying, and describe the outcome without secrets.
import type { FailureKind, ProbedModel, ProviderAdapter } from "../providers/adapter.js";
import { ResponseShapeError } from "../providers/adapter.js";
import { containsSecret, redact } from "../secrets/redact.js";
import { cleanModelList } from "./clean-model-list.js";
import { httpGetJson, TransportError, type TransportFailureKind } from "./http-get-json.js";
import { DEFAULT_RETRY, parseRetryAfter, retryDelay, type RetryPolicy } from "./retry-delay.js";

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
  readonly secrets: readonly string[];
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
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
/** The range --max-response-bytes accepts: below 1 KiB no real list fits; above 512 MiB the text would not fit in one string. */
export const MIN_RESPONSE_BYTES = 1024;
export const MAX_RESPONSE_BYTES = 512 * 1024 * 1024 - 64;

type Attempt =
  | { readonly done: true; readonly outcome: ProbeOutcome }
  | {
      readonly done: false;
      readonly kind: ProbeErrorKind;
      readonly retry: boolean;
      readonly reason: string;
      readonly httpStatus?: number;
      readonly retryAfterMs?: number;
    };

export async function probeProvider(request: ProbeRequest, adapter: ProviderAdapter, options: ProbeOptions): Promise<ProbeOutcome> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const retry = options.retry ?? DEFAULT_RETRY;
  const started = now();
  let attempts = 0;
  for (;;) {
    attempts++;
    const result = await attempt(request, adapter, options, now, attempts, started).catch(internalFailure);
    if (result.done) return scrub(result.outcome, request.secrets);
    const failed = (): ProbeOutcome =>
      scrub(
        {
          status: "failed",
          errorKind: result.kind,
          reason: attempts > 1 ? `${result.reason} (after ${attempts} attempts)` : result.reason,
          ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
          attempts,
          durationMs: now() - started,
        },
        request.secrets,
      );
    if (!result.retry || attempts >= retry.maxAttempts) return failed();
    const wait = retryDelay(attempts, result.retryAfterMs, retry, random);
    // A wait that would end past the deadline cannot lead to an answer in time.
    if (now() + wait >= options.deadline) return failed();
    await sleep(wait);
  }
}

async function attempt(
  request: ProbeRequest,
  adapter: ProviderAdapter,
  options: ProbeOptions,
  now: () => number,
  attempts: number,
  started: number,
): Promise<Attempt> {
  const remaining = options.deadline - now();
  if (remaining <= 0) return { done: false, kind: "timeout", retry: false, reason: "no time left before the deadline" };
  const signal = AbortSignal.timeout(Math.min(remaining, options.requestTimeoutMs));
  let answer;
  try {
    answer = await httpGetJson(request.url, {
      signal,
      maxBytes: options.maxBytes,
      ...(request.authorization ? { authorization: request.authorization } : {}),
    });
  } catch (error) {
    // A dropped connection or a slow answer may go better next time; a refused redirect, an oversized list or a
    // host that does not exist will not.
    if (error instanceof TransportError) return { done: false, kind: error.kind, retry: error.retryable, reason: error.message };
    throw error;
  }
  const { status } = answer;
  const failedWith = (failureStatus: number, what: string): Attempt => {
    const failure = adapter.classifyFailure(failureStatus, answer.json);
    const retryAfterMs = parseRetryAfter(answer.retryAfter, now());
    return {
      done: false,
      kind: failure.kind,
      retry: failure.retry,
      reason: `${what}: ${describeKind(failure.kind)}`,
      httpStatus: status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  };
  if (status < 200 || status >= 300) return failedWith(status, `HTTP ${status}`);
  if (!answer.isJson) return { done: false, kind: "invalid_response", retry: false, reason: `HTTP ${status} but the body is not JSON`, httpStatus: status };
  let models: ProbedModel[];
  try {
    models = adapter.parseModels(answer.json).map((raw) => adapter.translateModel(raw));
  } catch (error) {
    if (!(error instanceof ResponseShapeError)) throw error;
    // An error that says its own status (GLM answers a bad key with HTTP 200 and {"code":401}) means what that status means.
    if (error.kind === "error_body" && error.bodyStatus !== undefined) return failedWith(error.bodyStatus, `HTTP ${status} but the body says ${error.bodyStatus}`);
    return { done: false, kind: error.kind, retry: false, reason: `HTTP ${status} but ${error.message}`, httpStatus: status };
  }
  // A provider (or a proxy) that echoes the key back as a model id or name must not carry it into the snapshot.
  // Only key-length secrets count here: the secrets also hold a URL's user name and query values
  // (?api-version=2024-10-21), which may well appear in a real model id.
  const keys = request.secrets.filter((secret) => secret.length >= MIN_ECHOED_KEY_LENGTH);
  const withoutSecrets = models.filter((m) => !containsSecret(m.id, keys));
  const echoed = models.length - withoutSecrets.length;
  const cleaned = cleanModelList(withoutSecrets.map((m) => (m.name !== undefined && containsSecret(m.name, keys) ? withoutName(m) : m)));
  const invalid = cleaned.dropped.invalid + echoed;
  const notes = [
    invalid > 0 ? `${invalid} unusable id(s) dropped` : "",
    cleaned.dropped.duplicates > 0 ? `${cleaned.dropped.duplicates} duplicate(s) dropped` : "",
  ].filter(Boolean);
  return {
    done: true,
    outcome: {
      status: "ok",
      models: cleaned.models,
      reason: `listed ${cleaned.models.length} model${cleaned.models.length === 1 ? "" : "s"}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`,
      httpStatus: status,
      attempts,
      durationMs: now() - started,
      dropped: { invalid, duplicates: cleaned.dropped.duplicates },
    },
  };
}

/** Provider API keys are far longer (Moonshot 51, Zhipu 49, OpenRouter 73 characters). */
const MIN_ECHOED_KEY_LENGTH = 16;

function withoutName(model: ProbedModel): ProbedModel {
  const { name: _name, ...rest } = model;
  return rest;
}

/** A bug here (an adapter that throws on some body) fails this provider's probe, never the whole run. */
function internalFailure(error: unknown): Attempt {
  const what = error instanceof Error ? error.name : typeof error;
  return { done: false, kind: "internal_error", retry: false, reason: `the answer could not be read (internal error: ${what}); this is a bug, please report it` };
}

function describeKind(kind: FailureKind): string {
  switch (kind) {
    case "unauthorized":
      return "the key was refused (unauthorized)";
    case "payment_required":
      return "payment required (out of credits)";
    case "quota_exhausted":
      return "quota or balance exhausted; not retried";
    case "rate_limited":
      return "rate limited";
    case "not_found":
      return "not found (check the base URL)";
    case "bad_request":
      return "the request was refused";
    case "server_error":
      return "server error";
  }
}

const MAX_REASON_LENGTH = 500;

/** Reasons are printed and written: no secret, no control character, and short whatever a provider sent. */
function scrub(outcome: ProbeOutcome, secrets: readonly string[]): ProbeOutcome {
  const reason = redact(outcome.reason, secrets).replace(/\p{Cc}/gu, " ");
  return { ...outcome, reason: reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason };
}
