// Every probe fault the registry promises to handle, as one table. Each case is a loopback server on 127.0.0.1
// that misbehaves on purpose, run through the real `provider-registry register` (in-process) with canary keys.
// Each asserts the defined outcome (status, errorKind, httpStatus, attempts, reason, requests the server got),
// that the other providers are unaffected, that a valid snapshot is written, and that no canary key appears in
// stdout, stderr, the snapshot or any thrown error.
//
// Waiting: cases that retry run on a virtual clock (fake `now` and `sleep`, fixed `random`), injected at the
// library boundary below, so a capped Retry-After of 5 s costs nothing and the waits can be asserted exactly.
// Deadline cases run on the real clock with short deadlines. Nothing asserts on elapsed time.
import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import {
  startLoopbackServer,
  type LoopbackHandler,
  type LoopbackServer,
  type RecordedRequest,
} from "../../src/cli/demo/loopback-server.js";
import { registerCommand } from "../../src/cli/commands/register.js";
import { ConfigError } from "../../src/core/errors.js";
import { register, type RegisterOptions } from "../../src/register.js";
import { checkSnapshot } from "../../src/selector/index.js";
import { CANARY, demoList, expectNoCanary, startProviderServers } from "../support/provider-servers.js";
import { runCliCommand } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";

// The command line cannot take test-only options (a fake clock, a tiny size cap, a short per-request timeout),
// so they are added where the command calls the library; errors thrown by the library are kept for the scan.
const hooks = { extra: {} as Record<string, unknown>, thrown: [] as unknown[] };
const hookedRegister = async (options: RegisterOptions) => {
  const extra = hooks.extra as Partial<RegisterOptions>;
  try {
    return await register({ ...options, ...extra, probe: { ...options.probe, ...extra.probe } });
  } catch (error) {
    hooks.thrown.push(error);
    throw error;
  }
};
const registerWithHooks = registerCommand({ register: hookedRegister });

type ProviderId = "kimi" | "glm" | "openrouter" | "custom";
const PROVIDERS: readonly ProviderId[] = ["custom", "glm", "kimi", "openrouter"];
const PREFIX: Record<ProviderId, string> = { kimi: "/v1", glm: "/api/paas/v4", openrouter: "/api/v1", custom: "/v1" };
const KEY_VARIABLE: Record<ProviderId, string> = {
  kimi: "KIMI_API_KEY",
  glm: "GLM_API_KEY",
  openrouter: "OPENROUTER_API_KEY",
  custom: "CUSTOM_API_KEY",
};
const LIST: Record<ProviderId, unknown> = {
  kimi: demoList("kimi"),
  glm: demoList("glm"),
  openrouter: demoList("openrouter"),
  custom: demoList("vllm"),
};

/** Virtual time: `sleep` records the wait and moves the clock; nothing really waits. Starts on a whole second. */
class VirtualClock {
  t = Date.parse("2026-01-15T12:00:00Z");
  readonly sleeps: number[] = [];
  readonly now = () => this.t;
  readonly sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.t += ms;
  };
}

interface Context {
  /** The server under test, once started (for handlers that redirect to themselves). */
  readonly self: { origin: string };
  /** Another origin, which must never see a key. */
  readonly other: LoopbackServer;
  readonly clock: VirtualClock;
  /** The origin of a server that was listening and is now closed. */
  readonly closedOrigin: string;
}

type Timing =
  /** Fake now/sleep/random (0.5): retries cost nothing and waits are exact. */
  | { readonly kind: "virtual" }
  /** The real clock, with --timeout-ms and optionally a per-request timeout and a fake sleep. */
  | {
      readonly kind: "real";
      readonly timeoutMs: number;
      readonly requestTimeoutMs?: number;
      readonly fakeSleep?: boolean;
    };

interface Expected {
  readonly status: "ok" | "failed";
  readonly errorKind?: string;
  readonly httpStatus?: number;
  readonly attempts: number;
  /** Requests the misbehaving server received (retries are counted here, not trusted from the outcome). */
  readonly requests?: number;
  readonly reason: RegExp;
  /** The waits between attempts, on the virtual clock (or recorded by the fake sleep). */
  readonly sleeps?: readonly number[];
  readonly modelCount?: number;
}

interface FaultCase {
  readonly name: string;
  readonly provider: ProviderId;
  /** The misbehaving server; when absent, the provider's URL comes from `env` alone. */
  readonly handler?: (ctx: Context) => LoopbackHandler;
  readonly env?: (ctx: Context & { origin: string }) => Record<string, string>;
  readonly timing?: Timing;
  readonly maxBytes?: number;
  readonly expect: Expected;
  readonly also?: (run: Run, ctx: Context) => void;
  /** Used instead of `expect` when the machine's resolver did not give its final answer (ENOTFOUND). */
  readonly resolverFallback?: (probe: ProviderRegistrySnapshot["providers"][number]["probe"]) => void;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly text: string;
  readonly snapshot: ProviderRegistrySnapshot;
  readonly server: LoopbackServer | undefined;
}

// ── Handlers ────────────────────────────────────────────────────────────────────────────────────────────────

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): LoopbackHandler =>
  () => ({ status, json: body, headers });

/** Answers with `answers[i]` to the i-th request, the last one for every request after. */
function sequence(...answers: LoopbackHandler[]): LoopbackHandler {
  let i = 0;
  return (request, response) => answers[Math.min(i++, answers.length - 1)]!(request, response);
}

const list = (provider: ProviderId): LoopbackHandler => json(200, LIST[provider]);

const moonshot429 = (type: string, headers: Record<string, string> = {}) =>
  json(429, { error: { message: "slow down", type } }, headers);
const zhipu429 = (code: string) =>
  json(429, {
    error: { code, message: code === "1113" ? "余额不足或无可用资源包,请充值。" : "Rate limit reached for requests" },
  });

const HTML_PAGE =
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";

/** Accepts the request and never answers. */
const neverAnswers: LoopbackHandler = () => "handled";

/** Sends the status line and the start of a list, then one byte every 20 ms (for at most 10 s). */
const trickles: LoopbackHandler = (_request, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.write('{"object":"list","data":[');
  let ticks = 0;
  const timer = setInterval(() => {
    if (++ticks > 500 || response.destroyed) {
      clearInterval(timer);
      response.end("]}");
      return;
    }
    response.write(" ");
  }, 20);
  response.on("close", () => clearInterval(timer));
  return "handled";
};

function bigList(entries: number): unknown {
  return {
    object: "list",
    data: Array.from({ length: entries }, (_, i) => ({ id: `model-${i}`, object: "model", owned_by: "x", created: 1 })),
  };
}

/** The body without a Content-Length, in chunks, so only the streaming cap can stop it. */
const chunkedBody =
  (body: string): LoopbackHandler =>
  (_request, response: ServerResponse) => {
    response.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
    for (let i = 0; i < body.length; i += 256) response.write(body.slice(i, i + 256));
    response.end();
    return "handled";
  };

const redirect = (status: number, location: string): ReturnType<LoopbackHandler> => ({
  status,
  headers: { location },
  json: { moved: true },
});

/** Echoes the key it was sent in the body (message, type, code) and in headers, as some gateways do. */
const echoesKey =
  (status: number, shape: "openai" | "glm" = "openai"): LoopbackHandler =>
  (request) => {
    const sent = String(request.headers.authorization ?? "").replace(/^(Bearer|Basic) /, "");
    const body =
      shape === "glm"
        ? { code: 401, msg: `token expired or incorrect: ${sent}`, success: false, key: sent }
        : {
            error: {
              message: `Incorrect API key provided: ${sent}`,
              type: sent,
              code: sent,
              param: request.headers.authorization,
            },
          };
    return {
      status,
      json: body,
      headers: { "x-echo-key": sent, "www-authenticate": `Bearer realm="${sent}"`, "retry-after": sent },
    };
  };

// ── The table ───────────────────────────────────────────────────────────────────────────────────────────────

const V: Timing = { kind: "virtual" };
// DEFAULT_RETRY: 3 attempts, base 250 ms, cap 5 s. With random() = 0.5, full-jitter backoff waits 125 then 250 ms.
const BACKOFF = [125, 250];

const CASES: FaultCase[] = [
  // Keys and addresses
  {
    name: "401: the key is refused — no retry, unauthorized",
    provider: "kimi",
    handler: () => json(401, { error: { message: "Invalid Authentication", type: "invalid_authentication_error" } }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "unauthorized",
      httpStatus: 401,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 401: the key was refused \(unauthorized\)$/,
      sleeps: [],
    },
  },
  {
    name: "403: forbidden — no retry, unauthorized",
    provider: "openrouter",
    handler: () => json(403, { error: { code: 403, message: "Forbidden" } }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "unauthorized",
      httpStatus: 403,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 403: the key was refused \(unauthorized\)$/,
      sleeps: [],
    },
  },
  {
    name: "404: wrong base URL — no retry, says to check it",
    provider: "custom",
    handler: () => json(404, { detail: "Not Found" }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "not_found",
      httpStatus: 404,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 404: not found \(check the base URL\)$/,
      sleeps: [],
    },
  },
  {
    name: "402 (OpenRouter out of credits) — no retry",
    provider: "openrouter",
    handler: () => json(402, { error: { code: 402, message: "Insufficient credits" } }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "payment_required",
      httpStatus: 402,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 402: payment required/,
      sleeps: [],
    },
  },

  // Rate limits
  {
    name: "429 with Retry-After in seconds — honoured, retried, bounded",
    provider: "kimi",
    handler: () => moonshot429("rate_limit_reached_error", { "retry-after": "2" }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "rate_limited",
      httpStatus: 429,
      attempts: 3,
      requests: 3,
      reason: /^HTTP 429: rate limited \(after 3 attempts\)$/,
      sleeps: [2000, 2000],
    },
  },
  {
    name: "429 with Retry-After of 2 minutes — capped at 5 s",
    provider: "openrouter",
    handler: () => json(429, { error: { code: 429, message: "Rate limit exceeded" } }, { "retry-after": "120" }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "rate_limited",
      httpStatus: 429,
      attempts: 3,
      requests: 3,
      reason: /after 3 attempts/,
      sleeps: [5000, 5000],
    },
  },
  {
    name: "429 with Retry-After as an HTTP date 4 s ahead — honoured",
    provider: "kimi",
    handler: (ctx) => () => ({
      status: 429,
      json: { error: { message: "slow down", type: "rate_limit_reached_error" } },
      headers: { "retry-after": new Date(ctx.clock.t + 4000).toUTCString() },
    }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "rate_limited",
      httpStatus: 429,
      attempts: 3,
      requests: 3,
      reason: /after 3 attempts/,
      sleeps: [4000, 4000],
    },
  },
  {
    name: "429 with Retry-After as an HTTP date an hour ahead — capped at 5 s",
    provider: "kimi",
    handler: (ctx) => () => ({
      status: 429,
      json: { error: { message: "slow down", type: "engine_overloaded_error" } },
      headers: { "retry-after": new Date(ctx.clock.t + 3_600_000).toUTCString() },
    }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "rate_limited",
      httpStatus: 429,
      attempts: 3,
      requests: 3,
      reason: /after 3 attempts/,
      sleeps: [5000, 5000],
    },
  },
  {
    name: "429 then 200 — the retry succeeds",
    provider: "kimi",
    handler: () => sequence(moonshot429("rate_limit_reached_error", { "retry-after": "1" }), list("kimi")),
    timing: V,
    expect: {
      status: "ok",
      httpStatus: 200,
      attempts: 2,
      requests: 2,
      reason: /^listed 8 models$/,
      sleeps: [1000],
      modelCount: 8,
    },
  },
  {
    name: "429 Moonshot exceeded_current_quota_error — balance exhausted, no retry",
    provider: "kimi",
    handler: () => moonshot429("exceeded_current_quota_error", { "retry-after": "1" }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "quota_exhausted",
      httpStatus: 429,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 429: quota or balance exhausted; not retried$/,
      sleeps: [],
    },
  },
  {
    name: "429 Moonshot rate_limit_reached_error without Retry-After — backoff with jitter",
    provider: "kimi",
    handler: () => moonshot429("rate_limit_reached_error"),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "rate_limited",
      httpStatus: 429,
      attempts: 3,
      requests: 3,
      reason: /after 3 attempts/,
      sleeps: BACKOFF,
    },
  },
  {
    name: "429 Zhipu code 1113 (insufficient balance) — no retry",
    provider: "glm",
    handler: () => zhipu429("1113"),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "quota_exhausted",
      httpStatus: 429,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 429: quota or balance exhausted; not retried$/,
      sleeps: [],
    },
  },
  {
    name: "429 Zhipu code 1308 (usage limit reached) — no retry",
    provider: "glm",
    handler: () => zhipu429("1308"),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "quota_exhausted",
      httpStatus: 429,
      attempts: 1,
      requests: 1,
      reason: /not retried/,
      sleeps: [],
    },
  },
  {
    name: "429 Zhipu code 1302 (rate limit) — retried, bounded",
    provider: "glm",
    handler: () => zhipu429("1302"),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "rate_limited",
      httpStatus: 429,
      attempts: 3,
      requests: 3,
      reason: /^HTTP 429: rate limited \(after 3 attempts\)$/,
      sleeps: BACKOFF,
    },
  },

  // Server errors
  ...[500, 502, 503].map((status): FaultCase => ({
    name: `${status} — retried with backoff, bounded`,
    provider: "glm",
    handler: () =>
      status === 502
        ? () => ({ status, text: HTML_PAGE })
        : json(status, { error: { code: "500", message: "internal" } }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "server_error",
      httpStatus: status,
      attempts: 3,
      requests: 3,
      reason: new RegExp(`^HTTP ${status}: server error \\(after 3 attempts\\)$`),
      sleeps: BACKOFF,
    },
  })),
  {
    name: "503 then 200 — the retry succeeds",
    provider: "openrouter",
    handler: () => sequence(json(503, { error: { code: 503, message: "overloaded" } }), list("openrouter")),
    timing: V,
    expect: { status: "ok", httpStatus: 200, attempts: 2, requests: 2, reason: /^listed 5 models$/, sleeps: [125] },
  },

  // Transport
  {
    name: "connection refused (a port that was listening and is closed) — retried, bounded",
    provider: "custom",
    env: (ctx) => ({ CUSTOM_API_URL: `${ctx.closedOrigin}/v1` }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "network",
      attempts: 3,
      reason: /^connection refused \(ECONNREFUSED\) \(after 3 attempts\)$/,
      sleeps: BACKOFF,
    },
  },
  {
    name: "a host that does not resolve (.invalid, RFC 6761) — not retried",
    provider: "kimi",
    env: () => ({ KIMI_API_URL: "http://provider-registry-fault-test.invalid/v1" }),
    timing: { kind: "real", timeoutMs: 3000, fakeSleep: true },
    expect: { status: "failed", errorKind: "network", attempts: 1, reason: /^host not found \(ENOTFOUND\)$/ },
    // Where no resolver answers at all, the lookup fails with EAI_AGAIN (which may yet work, so it is retried)
    // or hangs until the deadline; either way the run ends, and that is what must hold there.
    resolverFallback: (probe) => {
      if (/EAI_AGAIN/.test(probe.reason)) expect(probe).toMatchObject({ errorKind: "network", attempts: 3 });
      else expect(probe).toMatchObject({ errorKind: "timeout" });
    },
  },
  {
    name: "a server that accepts and never answers — the overall deadline ends it, the others are ok",
    provider: "kimi",
    handler: () => neverAnswers,
    timing: { kind: "real", timeoutMs: 600 },
    expect: {
      status: "failed",
      errorKind: "timeout",
      attempts: 1,
      requests: 1,
      reason: /^no complete answer before the deadline$/,
    },
  },
  {
    name: "a server that never answers, with a per-request timeout — each attempt times out, retried, bounded",
    provider: "glm",
    handler: () => neverAnswers,
    timing: { kind: "real", timeoutMs: 10_000, requestTimeoutMs: 150, fakeSleep: true },
    expect: {
      status: "failed",
      errorKind: "timeout",
      attempts: 3,
      requests: 3,
      reason: /^no complete answer before the deadline \(after 3 attempts\)$/,
      sleeps: BACKOFF,
    },
  },
  {
    name: "a body that trickles in slower than the deadline",
    provider: "openrouter",
    handler: () => trickles,
    timing: { kind: "real", timeoutMs: 600 },
    expect: {
      status: "failed",
      errorKind: "timeout",
      httpStatus: undefined,
      attempts: 1,
      requests: 1,
      reason: /^no complete answer before the deadline$/,
    },
  },

  // Bodies
  {
    name: "an HTML error page with HTTP 200 — not JSON, not retried",
    provider: "custom",
    handler: () => () => ({ status: 200, text: HTML_PAGE }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "invalid_response",
      httpStatus: 200,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 200 but the body is not JSON$/,
      sleeps: [],
    },
  },
  {
    name: "JSON of the wrong shape (no data array)",
    provider: "kimi",
    handler: () => json(200, { object: "list", models: [{ id: "kimi-k2-0905-preview" }] }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "invalid_response",
      httpStatus: 200,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 200 but expected a "data" array of models$/,
    },
  },
  {
    name: "JSON of the wrong shape (a bare array)",
    provider: "openrouter",
    handler: () => json(200, [{ id: "moonshotai/kimi-k2" }]),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "invalid_response",
      httpStatus: 200,
      attempts: 1,
      reason: /^HTTP 200 but expected a JSON object with a data array$/,
    },
  },
  {
    name: "HTTP 200 with GLM's error body {code: 401, success: false} — unauthorized, no retry",
    provider: "glm",
    handler: () => json(200, { code: 401, msg: "token expired or incorrect", success: false }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "unauthorized",
      httpStatus: 200,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 200 but the body says 401: the key was refused \(unauthorized\)$/,
      sleeps: [],
    },
  },
  {
    name: "HTTP 200 with an OpenAI-style error body — error_body, no retry",
    provider: "custom",
    handler: () => json(200, { error: { message: "model list unavailable", type: "server_error" } }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "error_body",
      httpStatus: 200,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 200 but the provider answered with an error \(server_error\)$/,
    },
  },
  {
    name: "an empty list — ok with no models, and a warning",
    provider: "kimi",
    handler: () => json(200, { object: "list", data: [] }),
    timing: V,
    expect: { status: "ok", httpStatus: 200, attempts: 1, requests: 1, reason: /^listed 0 models$/, modelCount: 0 },
    also: (run) => {
      expect(run.snapshot.diagnostics).toContainEqual(
        expect.objectContaining({ code: "PROVIDER_LISTED_NOTHING", provider: "kimi", level: "warning" }),
      );
      const kimi = run.snapshot.models.filter((m) => m.provider === "kimi");
      expect(kimi.length).toBeGreaterThan(0);
      expect(kimi.every((m) => m.availability === "not_listed")).toBe(true);
    },
  },
  {
    name: "a body larger than the size cap (Content-Length declared)",
    provider: "openrouter",
    handler: () => json(200, bigList(400)),
    maxBytes: 8192,
    timing: V,
    expect: {
      status: "failed",
      errorKind: "too_large",
      attempts: 1,
      requests: 1,
      reason: /^the answer is larger than 8192 bytes$/,
      sleeps: [],
    },
  },
  {
    name: "a body larger than the size cap (chunked, no Content-Length)",
    provider: "kimi",
    handler: () => chunkedBody(JSON.stringify(bigList(400))),
    maxBytes: 8192,
    timing: V,
    expect: {
      status: "failed",
      errorKind: "too_large",
      attempts: 1,
      requests: 1,
      reason: /^the answer is larger than 8192 bytes$/,
    },
  },
  {
    name: "duplicate ids — kept once, counted in the reason",
    provider: "kimi",
    handler: () =>
      json(200, {
        data: [
          { id: "kimi-k2-0905-preview" },
          { id: "kimi-k2-0905-preview", context_length: 1 },
          { id: "KIMI-K2-0905-PREVIEW" },
          { id: "moonshot-v1-8k" },
        ],
      }),
    timing: V,
    expect: {
      status: "ok",
      httpStatus: 200,
      attempts: 1,
      reason: /^listed 2 models \(2 duplicate\(s\) dropped\)$/,
      modelCount: 2,
    },
    also: (run) => {
      const listed = run.snapshot.models
        .filter((m) => m.provider === "kimi" && m.availability === "listed")
        .map((m) => m.id);
      expect(listed.sort()).toEqual(["kimi-k2-0905-preview", "moonshot-v1-8k"]);
    },
  },
  {
    name: "ids with control characters or of absurd length — dropped, counted in the reason",
    provider: "openrouter",
    handler: () =>
      json(200, {
        data: [
          { id: "moonshotai/kimi-k2" },
          { id: "evil\u001b[31m-model" },
          { id: "nul\u0000id" },
          { id: "line\nbreak" },
          { id: " leading-space" },
          { id: "x".repeat(100_000) },
          { id: "" },
        ],
      }),
    timing: V,
    expect: {
      status: "ok",
      httpStatus: 200,
      attempts: 1,
      reason: /^listed 1 model \(6 unusable id\(s\) dropped\)$/,
      modelCount: 1,
    },
    also: (run) => {
      for (const dropped of ["evil", "nul\\u0000", "line\\n", "leading-space", "x".repeat(257)])
        expect(run.text).not.toContain(dropped);
      expect(run.stderr).not.toMatch(/\u001b/);
    },
  },

  // Redirects
  {
    name: "a redirect to another origin — refused; the other origin is never contacted",
    provider: "kimi",
    handler: (ctx) => () => redirect(302, `${ctx.other.origin}/v1/models`),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "redirect",
      attempts: 1,
      requests: 1,
      reason: /^redirected to another origin; not followed, so the key is not sent there$/,
      sleeps: [],
    },
    also: (_run, ctx) => expect(ctx.other.requests).toEqual([]),
  },
  {
    name: "a same-origin redirect — followed, with the key",
    provider: "kimi",
    handler: () => (request) =>
      request.path === "/v1/models"
        ? redirect(301, `/v1/moved/models?from=${CANARY.kimi}`)
        : request.headers.authorization === `Bearer ${CANARY.kimi}`
          ? { json: LIST.kimi }
          : { status: 401, json: {} },
    timing: V,
    expect: { status: "ok", httpStatus: 200, attempts: 1, requests: 2, reason: /^listed 8 models$/, modelCount: 8 },
    also: (run) => {
      expect(run.server!.requests.map((r) => r.headers.authorization)).toEqual([
        `Bearer ${CANARY.kimi}`,
        `Bearer ${CANARY.kimi}`,
      ]);
      expect(run.server!.requests[1]!.path).toBe(`/v1/moved/models?from=${CANARY.kimi}`);
    },
  },
  {
    name: "a same-origin redirect loop — stops after 3 hops",
    provider: "custom",
    handler: () => (request) => redirect(307, `${request.path}x`),
    timing: V,
    expect: { status: "failed", errorKind: "redirect", attempts: 1, requests: 4, reason: /^too many redirects$/ },
  },
  {
    name: "a redirect whose Location is not a URL — a failed probe, not a crash",
    provider: "glm",
    handler: () => () => redirect(302, "http://[::1"),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "redirect",
      attempts: 1,
      requests: 1,
      reason: /^redirected to a Location that is not a URL$/,
    },
  },

  // Secrets echoed back
  {
    name: "a provider that echoes the key in its 401 body and headers",
    provider: "kimi",
    handler: () => echoesKey(401),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "unauthorized",
      httpStatus: 401,
      attempts: 1,
      requests: 1,
      reason: /^HTTP 401: the key was refused \(unauthorized\)$/,
    },
  },
  {
    name: "a provider that echoes the key in a 429 body and in Retry-After",
    provider: "kimi",
    handler: () => echoesKey(429),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "rate_limited",
      httpStatus: 429,
      attempts: 3,
      requests: 3,
      reason: /after 3 attempts/,
      sleeps: BACKOFF,
    },
  },
  {
    name: "a provider that echoes the key in an HTTP 200 error body (type, code) — redacted from the reason",
    provider: "openrouter",
    handler: () => echoesKey(200),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "error_body",
      httpStatus: 200,
      attempts: 1,
      reason: /^HTTP 200 but the provider answered with an error \(\[REDACTED\], \[REDACTED\]\)$/,
    },
  },
  {
    name: "GLM echoing the key in an HTTP 200 {code: 401} body",
    provider: "glm",
    handler: () => echoesKey(200, "glm"),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "unauthorized",
      httpStatus: 200,
      attempts: 1,
      reason: /^HTTP 200 but the body says 401/,
    },
  },
  {
    name: "a provider that lists the key as a model id and name — dropped",
    provider: "openrouter",
    handler: () =>
      json(200, {
        data: [
          { id: "moonshotai/kimi-k2", name: `Kimi via ${CANARY.openrouter}` },
          { id: CANARY.openrouter },
          { id: `${CANARY.openrouter}:free` },
        ],
      }),
    timing: V,
    expect: {
      status: "ok",
      httpStatus: 200,
      attempts: 1,
      reason: /^listed 1 model \(2 unusable id\(s\) dropped\)$/,
      modelCount: 1,
    },
  },
  {
    name: "credentials in the base URL (http://user:pass@host) — sent as Basic auth, never shown",
    provider: "custom",
    handler: () => echoesKey(500),
    env: (ctx) => ({
      CUSTOM_API_URL: `http://probe-user:${CANARY.urlPassword}@${ctx.origin.replace("http://", "")}/v1`,
      CUSTOM_API_KEY: "",
    }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "server_error",
      httpStatus: 500,
      attempts: 3,
      requests: 3,
      reason: /^HTTP 500: server error \(after 3 attempts\)$/,
      sleeps: BACKOFF,
    },
    also: (run) => {
      const basic = Buffer.from(`probe-user:${CANARY.urlPassword}`).toString("base64");
      expect(run.server!.requests[0]!.headers.authorization).toBe(`Basic ${basic}`);
      for (const text of [run.stdout, run.stderr, run.text]) expect(text).not.toContain(basic);
      const custom = run.snapshot.providers.find((p) => p.id === "custom")!;
      expect(custom.baseUrl).toBe(`${run.server!.origin}/v1`);
      expect(custom.apiKeyVariable).toBeNull();
    },
  },
  {
    name: "credentials in the base URL and a redirect to another origin — the other origin never sees them",
    provider: "custom",
    handler: (ctx) => () => redirect(302, `${ctx.other.origin}/v1/models`),
    env: (ctx) => ({
      CUSTOM_API_URL: `http://probe-user:${CANARY.urlPassword}@${ctx.origin.replace("http://", "")}/v1`,
      CUSTOM_API_KEY: "",
    }),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "redirect",
      attempts: 1,
      requests: 1,
      reason: /^redirected to another origin/,
    },
    also: (_run, ctx) => expect(ctx.other.requests).toEqual([]),
  },
  {
    name: "a key in a cross-origin redirect's Location (query, userinfo and host name)",
    provider: "glm",
    handler: () => () =>
      redirect(
        302,
        `http://${CANARY.glm}:${CANARY.glm}@${CANARY.glm.toUpperCase()}.invalid/v1/models?api_key=${CANARY.glm}`,
      ),
    timing: V,
    expect: {
      status: "failed",
      errorKind: "redirect",
      attempts: 1,
      requests: 1,
      reason: /^redirected to another origin/,
    },
  },
];

// ── Running a case ──────────────────────────────────────────────────────────────────────────────────────────

const tempDir = useTempDirs();
let other: LoopbackServer;
let closedOrigin: string;
beforeAll(async () => {
  // Answers like a provider, so that if a probe ever followed a redirect here, it would be seen.
  other = await startLoopbackServer((request: RecordedRequest) => ({
    json: LIST.kimi,
    headers: { "x-saw-authorization": String(request.headers.authorization !== undefined) },
  }));
  const closed = await startLoopbackServer(() => ({ json: {} }));
  closedOrigin = closed.origin;
  await closed.close();
});
afterAll(async () => {
  await other.close();
});

async function runCase(c: FaultCase): Promise<{ run: Run; ctx: Context }> {
  other.requests.length = 0;
  hooks.thrown.length = 0;
  const clock = new VirtualClock();
  const self = { origin: "" };
  const ctx: Context = { self, other, clock, closedOrigin };
  const providers = await startProviderServers(c.handler ? { [c.provider]: c.handler(ctx) } : {});
  self.origin = providers.servers[c.provider].origin;
  const timing = c.timing ?? V;
  const fakeSleep = timing.kind === "virtual" || timing.fakeSleep === true;
  hooks.extra = {
    ...(timing.kind === "virtual" ? { now: clock.now } : {}),
    ...(timing.kind === "real" && timing.requestTimeoutMs !== undefined
      ? { requestTimeoutMs: timing.requestTimeoutMs }
      : {}),
    probe: {
      random: () => 0.5,
      ...(fakeSleep ? { sleep: clock.sleep } : {}),
      ...(c.maxBytes !== undefined ? { maxBytes: c.maxBytes } : {}),
    },
  };
  try {
    const cwd = await tempDir();
    const env = { ...providers.env, SOURCE_DATE_EPOCH: "1764000000", ...c.env?.({ ...ctx, origin: self.origin }) };
    const timeoutMs = timing.kind === "real" ? timing.timeoutMs : 30_000;
    const cli = await runCliCommand(registerWithHooks, ["--json", "--timeout-ms", String(timeoutMs)], { cwd, env });
    const text = await readFile(path.join(cwd, "provider_registry_snapshot.json"), "utf8").catch(() => "");
    // The canary scan: every output of every case, and any error the library threw (message and stack).
    const errors = hooks.thrown.map((e) => (e instanceof Error ? `${e.message}\n${e.stack}` : String(e)));
    expectNoCanary(cli.stdout, cli.stderr, text, ...errors);
    expect(cli.stderr).not.toMatch(/internal error/);
    expect(errors).toEqual([]);
    expect(cli.code).toBe(0);
    const snapshot = JSON.parse(text) as ProviderRegistrySnapshot;
    return {
      run: { ...cli, text, snapshot, server: c.handler ? providers.servers[c.provider] : undefined },
      ctx: { ...ctx, clock },
    };
  } finally {
    hooks.extra = {};
    await providers.close();
  }
}

describe("probe faults: each misbehaving provider has a defined outcome, and the others are unaffected", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { run, ctx } = await runCase(c);
    const { snapshot } = run;
    // What was written is a snapshot the selector accepts.
    expect(() => checkSnapshot(JSON.parse(run.text))).not.toThrow();

    const entry = snapshot.providers.find((p) => p.id === c.provider)!;
    const want = c.expect;
    if (c.resolverFallback && !/ENOTFOUND/.test(entry.probe.reason)) {
      expect(entry.probe.status).toBe("failed");
      c.resolverFallback(entry.probe);
      return;
    }
    expect(entry.probe.status).toBe(want.status);
    expect(entry.probe.reason).toMatch(want.reason);
    expect(entry.probe.attempts).toBe(want.attempts);
    if (want.status === "failed") {
      expect(entry.probe.errorKind).toBe(want.errorKind);
      expect(entry.probe.modelCount).toBe(0);
      expect(snapshot.diagnostics).toContainEqual(
        expect.objectContaining({ code: "PROBE_FAILED", provider: c.provider }),
      );
    } else {
      expect(entry.probe.errorKind).toBeUndefined();
    }
    expect(entry.probe.httpStatus).toBe(want.httpStatus);
    if (want.modelCount !== undefined) expect(entry.probe.modelCount).toBe(want.modelCount);
    if (want.requests !== undefined) expect(run.server?.requests.length).toBe(want.requests);
    if (want.sleeps !== undefined) expect(ctx.clock.sleeps).toEqual(want.sleeps);
    // The variable's name is recorded, never its value.
    if (!c.env) expect(entry.apiKeyVariable).toBe(KEY_VARIABLE[c.provider]);

    // One provider's fault never touches another.
    for (const id of PROVIDERS.filter((p) => p !== c.provider)) {
      expect(snapshot.providers.find((p) => p.id === id)?.probe.status, id).toBe("ok");
    }
    // The progress line and the --json summary say the same as the snapshot.
    expect(run.stderr).toMatch(new RegExp(`^${c.provider}\\s+${want.status}\\s`, "m"));
    const summary = JSON.parse(run.stdout) as { providers: { id: string; status: string; reason: string }[] };
    expect(summary.providers.find((p) => p.id === c.provider)).toMatchObject({
      status: want.status,
      reason: entry.probe.reason,
    });
    c.also?.(run, ctx);
  });
});

describe("one slow provider never holds the build", () => {
  it("every provider hangs but one: the run finishes at the deadline, with that one ok and the rest timed out", async () => {
    const providers = await startProviderServers({ kimi: neverAnswers, glm: trickles, openrouter: neverAnswers });
    try {
      const cwd = await tempDir();
      const run = await runCliCommand(registerWithHooks, ["--json", "--timeout-ms", "700"], {
        cwd,
        env: { ...providers.env, SOURCE_DATE_EPOCH: "1764000000" },
      });
      expect(run.code).toBe(0);
      const snapshot = JSON.parse(
        await readFile(path.join(cwd, "provider_registry_snapshot.json"), "utf8"),
      ) as ProviderRegistrySnapshot;
      expect(
        Object.fromEntries(
          snapshot.providers
            .filter((p) => p.probe.status !== "skipped")
            .map((p) => [p.id, [p.probe.status, p.probe.errorKind ?? null]]),
        ),
      ).toEqual({
        custom: ["ok", null],
        glm: ["failed", "timeout"],
        kimi: ["failed", "timeout"],
        openrouter: ["failed", "timeout"],
      });
      expectNoCanary(run.stdout, run.stderr);
    } finally {
      await providers.close();
    }
  });
});

describe("secrets in thrown errors", () => {
  const env = {
    KIMI_API_KEY: CANARY.kimi,
    KIMI_API_URL: `ftp://user:${CANARY.urlPassword}@127.0.0.1:1/v1`,
    SOURCE_DATE_EPOCH: "1764000000",
  };

  it("a base URL with credentials that is not http(s): the library throws an error naming the variable, not the password", async () => {
    const error = await register({ env, cwd: process.cwd(), generatorVersion: "0.0.0-test" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/KIMI_API_URL/);
    expectNoCanary((error as Error).message, String((error as Error).stack), JSON.stringify(error));
  });

  it("…and the command exits 2 with that message, and no canary on stdout or stderr", async () => {
    const cwd = await tempDir();
    const run = await runCliCommand(registerWithHooks, [], { cwd, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/KIMI_API_URL/);
    expectNoCanary(run.stdout, run.stderr);
  });
});
