// Probe one provider: GET its model list, retry what is worth retrying, and describe the outcome without secrets.
import type { FailureKind, ProbedModel, ProviderAdapter } from "../providers/adapter.js";
import { ResponseShapeError } from "../providers/adapter.js";
import { holdsAnyCredential, scrub as scrubText } from "../core/redact.js";
import { sortKeysDeep } from "../snapshot/canonical-json.js";
import { cleanModelList } from "../normalise/clean-model-list.js";
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

/** Far beyond any real list (Anthropic and Gemini fit theirs in one page of 1000), short of a walk that never ends. */
export const DEFAULT_MAX_PAGES = 50;

/** Per-model detail requests (Ollama's /api/show): at most this many models, this many at a time. */
const MAX_DETAILED_MODELS = 200;
const DETAILS_CONCURRENCY = 4;

type Attempt =
  | { readonly done: true; readonly entries: readonly unknown[]; readonly cursor: string | undefined; readonly httpStatus: number }
  | {
      readonly done: false;
      readonly kind: ProbeErrorKind;
      readonly retry: boolean;
      readonly reason: string;
      readonly httpStatus?: number;
      readonly retryAfterMs?: number;
    };

type Failure = { readonly ok: false; readonly kind: ProbeErrorKind; readonly reason: string; readonly httpStatus?: number };
type Listing = { readonly ok: true; readonly entries: unknown[]; readonly httpStatus: number };

interface Run {
  readonly request: ProbeRequest;
  readonly adapter: ProviderAdapter;
  readonly options: ProbeOptions;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly retry: RetryPolicy;
  attempts: number;
}

export async function probeProvider(request: ProbeRequest, adapter: ProviderAdapter, options: ProbeOptions): Promise<ProbeOutcome> {
  const run: Run = {
    request,
    adapter,
    options,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    retry: options.retry ?? DEFAULT_RETRY,
    attempts: 0,
  };
  const started = run.now();
  const failed = (failure: Failure): ProbeOutcome =>
    scrub(
      {
        status: "failed",
        errorKind: failure.kind,
        reason: failure.reason,
        ...(failure.httpStatus !== undefined ? { httpStatus: failure.httpStatus } : {}),
        attempts: run.attempts,
        durationMs: run.now() - started,
      },
      request.secrets,
    );
  try {
    // The list, from the first URL that has one: a 404 moves on to the next (LM Studio's /v1/models).
    const urls = [request.url, ...(request.fallbackUrls ?? [])];
    let listing: Listing | undefined;
    let via = "";
    for (const [i, url] of urls.entries()) {
      const walked = await walkPages(run, url);
      if (walked.ok) {
        listing = walked;
        if (i > 0) via = ` via ${new URL(url).pathname} (${new URL(urls[0]!).pathname}: HTTP 404)`;
        break;
      }
      if (walked.kind !== "not_found" || i === urls.length - 1) return failed(walked);
    }
    const models = await withDetails(run, listing!.entries);
    return scrub(finish(models, request, listing!.httpStatus, run.attempts, run.now() - started, via), request.secrets);
  } catch (error) {
    return failed({ ok: false, ...internalFailure(error) });
  }
}

/** Every page of one list, each fetched with retries, within the page bound; a repeated cursor ends the walk. */
async function walkPages(run: Run, url: string): Promise<Listing | Failure> {
  const pagination = run.adapter.pagination;
  const first = new URL(url);
  for (const [name, value] of Object.entries(pagination?.query ?? {})) first.searchParams.set(name, value);
  const maxPages = run.options.maxPages ?? DEFAULT_MAX_PAGES;
  const seen = new Set<string>();
  const entries: unknown[] = [];
  let next = first.toString();
  for (let page = 1; ; page++) {
    const got = await fetchPage(run, next);
    // The cursor is untrusted: it never reaches a message, and neither does the URL it went into.
    if (!got.ok) return page > 1 ? { ...got, reason: `page ${page}: ${got.reason}` } : got;
    for (const entry of got.entries) entries.push(entry);
    if (got.cursor === undefined) return { ok: true, entries, httpStatus: got.httpStatus };
    if (seen.has(got.cursor) || !pagination) {
      return { ok: false, kind: "invalid_response", reason: `page ${page} points back to an earlier page (a repeated cursor); the list was not walked further`, httpStatus: got.httpStatus };
    }
    if (page >= maxPages) return { ok: false, kind: "too_large", reason: `the list did not end within ${maxPages} pages`, httpStatus: got.httpStatus };
    seen.add(got.cursor);
    const following = new URL(first);
    following.searchParams.set(pagination.cursorParam, got.cursor);
    next = following.toString();
  }
}

/** One page, retried as the answer deserves. */
async function fetchPage(run: Run, url: string): Promise<Failure | { ok: true; entries: readonly unknown[]; cursor: string | undefined; httpStatus: number }> {
  let attempts = 0;
  for (;;) {
    attempts++;
    run.attempts++;
    const result = await attempt(run, url).catch(internalFailure);
    if (result.done) return { ok: true, entries: result.entries, cursor: result.cursor, httpStatus: result.httpStatus };
    const failure: Failure = {
      ok: false,
      kind: result.kind,
      reason: attempts > 1 ? `${result.reason} (after ${attempts} attempts)` : result.reason,
      ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
    };
    if (!result.retry || attempts >= run.retry.maxAttempts) return failure;
    const wait = retryDelay(attempts, result.retryAfterMs, run.retry, run.random);
    // A wait that would end past the deadline cannot lead to an answer in time.
    if (run.now() + wait >= run.options.deadline) return failure;
    await run.sleep(wait);
  }
}

async function attempt(run: Run, url: string): Promise<Attempt> {
  const { adapter, options, request, now } = run;
  const remaining = options.deadline - now();
  if (remaining <= 0) return { done: false, kind: "timeout", retry: false, reason: "no time left before the deadline" };
  const signal = AbortSignal.timeout(Math.min(remaining, options.requestTimeoutMs));
  let answer;
  try {
    answer = await httpGetJson(url, {
      signal,
      maxBytes: options.maxBytes,
      ...(request.authorization ? { authorization: request.authorization } : {}),
      ...(request.headers ? { headers: request.headers } : {}),
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
  try {
    const entries = adapter.parseModels(answer.json);
    const cursor = adapter.pagination?.nextCursor(answer.json);
    return { done: true, entries, cursor: cursor === "" ? undefined : cursor, httpStatus: status };
  } catch (error) {
    if (!(error instanceof ResponseShapeError)) throw error;
    // An error that says its own status (GLM answers a bad key with HTTP 200 and {"code":401}) means what that status means.
    if (error.kind === "error_body" && error.bodyStatus !== undefined) return failedWith(error.bodyStatus, `HTTP ${status} but the body says ${error.bodyStatus}`);
    return { done: false, kind: error.kind, retry: false, reason: `HTTP ${status} but ${error.message}`, httpStatus: status };
  }
}

/** Each listed model, translated, with what a per-model request adds where the adapter asks for one (best effort). */
async function withDetails(run: Run, entries: readonly unknown[]): Promise<ProbedModel[]> {
  const models = entries.map((raw) => run.adapter.translateModel(raw));
  const details = run.adapter.details;
  const url = run.request.detailsUrl;
  if (!details || !url) return models;
  const queue = models.slice(0, MAX_DETAILED_MODELS).map((_, i) => i);
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const remaining = run.options.deadline - run.now();
      if (remaining <= 0) return;
      try {
        const answer = await httpGetJson(url, {
          signal: AbortSignal.timeout(Math.min(remaining, run.options.requestTimeoutMs)),
          maxBytes: run.options.maxBytes,
          postJson: details.body(entries[i]),
          ...(run.request.authorization ? { authorization: run.request.authorization } : {}),
          ...(run.request.headers ? { headers: run.request.headers } : {}),
        });
        // A model the server cannot describe keeps what the list said: details are a bonus, never a failure.
        if (answer.status >= 200 && answer.status < 300 && answer.isJson) models[i] = details.apply(models[i]!, answer.json);
      } catch {
        // As above: a detail that does not come is no fact, and no reason to fail the list.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DETAILS_CONCURRENCY, queue.length) }, worker));
  return models;
}

/** The listed models, cleaned: no echoed key, no unusable or repeated id. */
function finish(models: readonly ProbedModel[], request: ProbeRequest, httpStatus: number, attempts: number, durationMs: number, via: string): ProbeOutcome {
  // A provider (or a proxy) that echoes a credential back as a model id, name or alias must not carry it into the
  // snapshot, whatever its length (a short one counts as a whole word: see holdsCredential).
  const keys = request.credentials ?? request.secrets.filter((secret) => secret.length >= MIN_ECHOED_KEY_LENGTH);
  const withoutSecrets = models.filter((m) => !holdsAnyCredential(m.id, keys));
  const echoed = models.length - withoutSecrets.length;
  // In a fixed order before repeats are dropped, so that which of `Model-A` and `model-a` is kept (the first) depends
  // on the ids and facts alone, never on the order the provider happened to list them in.
  const cleaned = cleanModelList(inFixedOrder(withoutSecrets.map((m) => withoutEchoes(m, keys))));
  const invalid = cleaned.dropped.invalid + echoed;
  const notes = [
    invalid > 0 ? `${invalid} unusable id(s) dropped` : "",
    cleaned.dropped.duplicates > 0 ? `${cleaned.dropped.duplicates} duplicate(s) dropped` : "",
  ].filter(Boolean);
  return {
    status: "ok",
    models: cleaned.models,
    reason: `listed ${cleaned.models.length} model${cleaned.models.length === 1 ? "" : "s"}${via}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`,
    httpStatus,
    attempts,
    durationMs,
    dropped: { invalid, duplicates: cleaned.dropped.duplicates },
  };
}

/** A name or alias that carries the key is dropped; the model stays. */
function withoutEchoes(model: ProbedModel, keys: readonly string[]): ProbedModel {
  let out = model;
  if (out.name !== undefined && holdsAnyCredential(out.name, keys)) out = withoutName(out);
  if (out.aliases && out.aliases.some((a) => holdsAnyCredential(a, keys))) out = { ...out, aliases: out.aliases.filter((a) => !holdsAnyCredential(a, keys)) };
  return out;
}

/** Without `credentials`: provider API keys are far longer (Moonshot 51, Zhipu 49, OpenRouter 73 characters). */
const MIN_ECHOED_KEY_LENGTH = 16;

/** By id in code-unit order, then by content: the same list in any order comes out the same. */
function inFixedOrder(models: readonly ProbedModel[]): ProbedModel[] {
  // Facts are spelt out only for the rare ids listed twice.
  const facts = new Map<ProbedModel, string>();
  const factsOf = (m: ProbedModel) => facts.get(m) ?? facts.set(m, JSON.stringify(sortKeysDeep(m))).get(m)!;
  return [...models].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : factsOf(a) < factsOf(b) ? -1 : factsOf(a) > factsOf(b) ? 1 : 0));
}

function withoutName(model: ProbedModel): ProbedModel {
  const { name: _name, ...rest } = model;
  return rest;
}

/** A bug here (an adapter that throws on some body) fails this provider's probe, never the whole run. */
function internalFailure(error: unknown): Attempt & { done: false } {
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
  const reason = scrubText(outcome.reason, secrets).replace(/\p{Cc}/gu, " ");
  return { ...outcome, reason: reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason };
}
