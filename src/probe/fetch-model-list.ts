// A provider's model list over HTTP: every page, each request retried as its answer deserves, a failed answer
// classified by the adapter. What a 2xx body says is read by normalise/.
import type { FailureKind } from "../providers/adapter.js";
import { readModelPage } from "../normalise/read-model-page.js";
import { httpGetJson, TransportError } from "./http-get-json.js";
import { internalFailure, type ProbeFailure, type ProbeSession } from "./probe-session.js";
import type { ProbeErrorKind } from "./probe-types.js";
import { parseRetryAfter, retryDelay } from "./retry-delay.js";

/** Far beyond any real list (Anthropic and Gemini fit theirs in one page of 1000), short of a walk that never ends. */
const DEFAULT_MAX_PAGES = 50;

export type ModelListing = { readonly ok: true; readonly entries: unknown[]; readonly httpStatus: number };

type Page = {
  readonly ok: true;
  readonly entries: readonly unknown[];
  readonly cursor: string | undefined;
  readonly httpStatus: number;
};

type Attempt =
  | {
      readonly done: true;
      readonly entries: readonly unknown[];
      readonly cursor: string | undefined;
      readonly httpStatus: number;
    }
  | {
      readonly done: false;
      readonly kind: ProbeErrorKind;
      readonly retry: boolean;
      readonly reason: string;
      readonly httpStatus?: number;
      readonly retryAfterMs?: number;
    };

/** Every page of one list, each fetched with retries, within the page bound; a repeated cursor ends the walk. */
export async function fetchModelList(session: ProbeSession, url: string): Promise<ModelListing | ProbeFailure> {
  const pagination = session.adapter.pagination;
  const first = new URL(url);
  for (const [name, value] of Object.entries(pagination?.query ?? {})) first.searchParams.set(name, value);
  const maxPages = session.options.maxPages ?? DEFAULT_MAX_PAGES;
  const seen = new Set<string>();
  const entries: unknown[] = [];
  let next = first.toString();
  for (let page = 1; ; page++) {
    const got = await fetchPage(session, next);
    // The cursor is untrusted: it never reaches a message, and neither does the URL it went into.
    if (!got.ok) return page > 1 ? { ...got, reason: `page ${page}: ${got.reason}` } : got;
    for (const entry of got.entries) entries.push(entry);
    if (got.cursor === undefined) return { ok: true, entries, httpStatus: got.httpStatus };
    if (seen.has(got.cursor) || !pagination) {
      return {
        ok: false,
        kind: "invalid_response",
        reason: `page ${page} points back to an earlier page (a repeated cursor); the list was not walked further`,
        httpStatus: got.httpStatus,
      };
    }
    if (page >= maxPages)
      return {
        ok: false,
        kind: "too_large",
        reason: `the list did not end within ${maxPages} pages`,
        httpStatus: got.httpStatus,
      };
    seen.add(got.cursor);
    const following = new URL(first);
    following.searchParams.set(pagination.cursorParam, got.cursor);
    next = following.toString();
  }
}

/** One page, retried as the answer deserves. */
async function fetchPage(session: ProbeSession, url: string): Promise<ProbeFailure | Page> {
  let attempts = 0;
  for (;;) {
    attempts++;
    session.attempts++;
    const result = await attempt(session, url).catch((error: unknown): Attempt => ({
      done: false,
      ...internalFailure(error),
    }));
    if (result.done) return { ok: true, entries: result.entries, cursor: result.cursor, httpStatus: result.httpStatus };
    const failure: ProbeFailure = {
      ok: false,
      kind: result.kind,
      reason: attempts > 1 ? `${result.reason} (after ${attempts} attempts)` : result.reason,
      ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
    };
    if (!result.retry || attempts >= session.retry.maxAttempts) return failure;
    const wait = retryDelay(attempts, result.retryAfterMs, session.retry, session.random);
    // A wait that would end past the deadline cannot lead to an answer in time.
    if (session.now() + wait >= session.options.deadline) return failure;
    await session.sleep(wait);
  }
}

/** One request: fetch, classify a failed answer, and read a 2xx one. */
async function attempt(session: ProbeSession, url: string): Promise<Attempt> {
  const { adapter, options, request, now } = session;
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
    if (error instanceof TransportError)
      return { done: false, kind: error.kind, retry: error.retryable, reason: error.message };
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
  const page = readModelPage(adapter, answer);
  if (page.ok) return { done: true, entries: page.entries, cursor: page.cursor, httpStatus: status };
  if (page.statedStatus !== undefined) return failedWith(page.statedStatus, page.reason);
  return { done: false, kind: page.kind, retry: false, reason: page.reason, httpStatus: status };
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
