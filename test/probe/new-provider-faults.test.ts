// The fault table of probe-faults.test.ts, run against every provider of NEW_PROVIDERS: retries, Retry-After,
// quota 429s not retried (in each provider's own words), HTML, HTTP 200 with an error body, redirects never followed
// across origins, keys never printed — a key in x-api-key or x-goog-api-key, echoed back in bodies and headers, or
// listed as a model id. Each case is a loopback server misbehaving on purpose, run through the real register on a
// virtual clock; each asserts the outcome, the requests the server got, and that no canary key appears anywhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltinCatalog, type Catalog } from "../../src/catalog/load-catalog.js";
import {
  startLoopbackServer,
  type LoopbackHandler,
  type LoopbackServer,
  type RecordedRequest,
} from "../../src/cli/demo/loopback-server.js";
import { register } from "../../src/register.js";
import { checkSnapshot } from "../../src/selector/index.js";
import {
  ANSWERS,
  expectNoNewCanary,
  KEY_VARIABLE,
  NEW_CANARY,
  NEW_PROVIDERS,
  providerHandler,
  startNewProviderServers,
  type NewProviderId,
} from "../support/new-provider-servers.js";

/** The key a request carried, wherever its provider puts it. */
function sentKey(request: RecordedRequest): string {
  const h = request.headers;
  return String(h["x-api-key"] ?? h["x-goog-api-key"] ?? h.authorization ?? "").replace(/^Bearer /, "");
}

/** The provider's answer with its first model renamed to the key (as a proxy that echoes it might). */
function listingTheKey(id: NewProviderId): unknown {
  const answer = structuredClone(ANSWERS[id]()) as any;
  const key = NEW_CANARY[id];
  if (id === "together") answer[0].id = key;
  else if (id === "gemini") answer.models[0].name = `models/${key}`;
  else if (id === "ollama") Object.assign(answer.models[0], { name: key, model: key });
  else answer.data[0].id = key;
  if (id === "anthropic") answer.has_more = false;
  return answer;
}

/** Each provider's own way of saying the balance or quota is gone, with HTTP 429; none for the local servers or Anthropic (a 400). */
const QUOTA_429: Partial<Record<NewProviderId, unknown>> = {
  openai: {
    error: { message: "You exceeded your current quota", type: "insufficient_quota", code: "insufficient_quota" },
  },
  deepseek: { error: { message: "Insufficient Balance", type: "insufficient_quota", code: "insufficient_quota" } },
  groq: { error: { message: "quota exceeded", type: "insufficient_quota", code: "insufficient_quota" } },
  xai: { error: { message: "credits exhausted", type: "insufficient_quota", code: "insufficient_quota" } },
  mistral: { error: { message: "quota exceeded", type: "insufficient_quota", code: "insufficient_quota" } },
  together: { error: { message: "credit limit reached", type: "insufficient_quota", code: "insufficient_quota" } },
  fireworks: { error: { message: "quota", type: "insufficient_quota", code: "insufficient_quota" } },
  gemini: {
    error: {
      code: 429,
      message: "You exceeded your current quota",
      status: "RESOURCE_EXHAUSTED",
      details: [
        {
          "@type": "type.googleapis.com/google.rpc.QuotaFailure",
          violations: [
            {
              quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests",
              quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
            },
          ],
        },
      ],
    },
  },
};

const HTML_PAGE =
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): LoopbackHandler =>
  () => ({ status, json: body, headers });
function sequence(...answers: LoopbackHandler[]): LoopbackHandler {
  let i = 0;
  return (request, response) => answers[Math.min(i++, answers.length - 1)]!(request, response);
}

interface Case {
  readonly name: string;
  readonly handler: (id: NewProviderId, ctx: { other: LoopbackServer }) => LoopbackHandler;
  readonly maxBytes?: number;
  readonly expect: {
    status: "ok" | "failed";
    errorKind?: string;
    attempts: number;
    requests?: number;
    reason: RegExp;
    sleeps?: number[];
  };
  readonly also?: (id: NewProviderId, server: LoopbackServer, ctx: { other: LoopbackServer }) => void;
  readonly only?: (id: NewProviderId) => boolean;
}

const BACKOFF = [125, 250];

const CASES: readonly Case[] = [
  {
    name: "401: the key is refused, no retry",
    handler: () => json(401, { error: { message: "invalid key", type: "authentication_error" } }),
    expect: {
      status: "failed",
      errorKind: "unauthorized",
      attempts: 1,
      requests: 1,
      reason: /^HTTP 401: the key was refused \(unauthorized\)$/,
      sleeps: [],
    },
  },
  {
    name: "429 with Retry-After 2: honoured, retried, bounded",
    handler: () => json(429, { error: { message: "slow down", type: "rate_limit_error" } }, { "retry-after": "2" }),
    expect: {
      status: "failed",
      errorKind: "rate_limited",
      attempts: 3,
      requests: 3,
      reason: /^HTTP 429: rate limited \(after 3 attempts\)$/,
      sleeps: [2000, 2000],
    },
  },
  {
    name: "429 with Retry-After of two minutes: capped at 5 s",
    handler: () => json(429, { error: { message: "slow down" } }, { "retry-after": "120" }),
    expect: {
      status: "failed",
      errorKind: "rate_limited",
      attempts: 3,
      requests: 3,
      reason: /after 3 attempts/,
      sleeps: [5000, 5000],
    },
  },
  {
    name: "429 saying the quota or balance is exhausted: not retried",
    only: (id) => QUOTA_429[id] !== undefined,
    handler: (id) => json(429, QUOTA_429[id], { "retry-after": "1" }),
    expect: {
      status: "failed",
      errorKind: "quota_exhausted",
      attempts: 1,
      requests: 1,
      reason: /^HTTP 429: quota or balance exhausted; not retried$/,
      sleeps: [],
    },
  },
  {
    name: "503 then the list: the retry succeeds",
    handler: (id) => sequence(json(503, { error: { message: "overloaded" } }), providerHandler(id, { pageSize: 100 })),
    expect: { status: "ok", attempts: 2, reason: /^listed \d+ models?/, sleeps: [125] },
  },
  {
    name: "500 every time: retried with backoff, bounded",
    handler: () => json(500, { error: { message: "internal" } }),
    expect: {
      status: "failed",
      errorKind: "server_error",
      attempts: 3,
      requests: 3,
      reason: /^HTTP 500: server error \(after 3 attempts\)$/,
      sleeps: BACKOFF,
    },
  },
  {
    name: "an HTML page with HTTP 200: not JSON, not retried",
    handler: () => () => ({ status: 200, text: HTML_PAGE }),
    expect: {
      status: "failed",
      errorKind: "invalid_response",
      attempts: 1,
      requests: 1,
      reason: /^HTTP 200 but the body is not JSON$/,
      sleeps: [],
    },
  },
  {
    name: "HTTP 200 with an error body: error_body, not retried",
    handler: () => json(200, { error: { message: "model list unavailable", type: "server_error" } }),
    expect: {
      status: "failed",
      errorKind: "error_body",
      attempts: 1,
      requests: 1,
      reason: /^HTTP 200 but the provider answered with an error( \(server_error\))?$/,
      sleeps: [],
    },
  },
  {
    name: "HTTP 200 with an error body that says 401: unauthorized",
    handler: () => json(200, { error: { code: 401, message: "token expired", status: "UNAUTHENTICATED" } }),
    expect: {
      status: "failed",
      errorKind: "unauthorized",
      attempts: 1,
      requests: 1,
      reason: /^HTTP 200 but the body says 401: the key was refused \(unauthorized\)$/,
    },
  },
  {
    name: "a redirect to another origin: refused, the other origin never contacted",
    handler: (_id, ctx) => () => ({ status: 302, headers: { location: `${ctx.other.origin}/models` }, json: {} }),
    expect: {
      status: "failed",
      errorKind: "redirect",
      attempts: 1,
      requests: 1,
      reason: /^redirected to another origin; not followed, so the key is not sent there$/,
      sleeps: [],
    },
    also: (_id, _server, ctx) => expect(ctx.other.requests).toEqual([]),
  },
  {
    name: "a same-origin redirect: followed, the key where the provider wants it",
    handler: (id) => {
      const real = providerHandler(id, { pageSize: 100 });
      return (request, response) =>
        request.path.startsWith("/moved")
          ? real({ ...request, path: request.path.replace("/moved", "") }, response)
          : { status: 307, headers: { location: `/moved${request.path}` }, json: {} };
    },
    expect: { status: "ok", attempts: 1, reason: /^listed \d+ models?/ },
    also: (id, server) => {
      const gets = server.requests.filter((r) => r.method === "GET");
      expect(gets.length).toBe(2);
      if (id !== "ollama" && id !== "lmstudio") for (const r of gets) expect(sentKey(r)).toBe(NEW_CANARY[id]);
    },
  },
  {
    name: "a provider that echoes the key in its 401 body and headers",
    handler: () => (request) => {
      const key = sentKey(request);
      return {
        status: 401,
        json: { error: { message: `Incorrect API key provided: ${key}`, type: key, code: key } },
        headers: { "x-echo-key": key, "retry-after": key },
      };
    },
    expect: {
      status: "failed",
      errorKind: "unauthorized",
      attempts: 1,
      requests: 1,
      reason: /^HTTP 401: the key was refused \(unauthorized\)$/,
    },
  },
  {
    name: "a provider that echoes the key in an HTTP 200 error body: redacted from the reason",
    only: (id) => id !== "ollama" && id !== "lmstudio",
    handler: () => (request) => ({
      status: 200,
      json: { error: { message: sentKey(request), type: sentKey(request), code: sentKey(request) } },
    }),
    expect: {
      status: "failed",
      errorKind: "error_body",
      attempts: 1,
      reason: /^HTTP 200 but the provider answered with an error( \(\[REDACTED\](, \[REDACTED\])?\))?$/,
    },
  },
  {
    name: "a provider that lists the key as a model id: dropped",
    only: (id) => id !== "ollama" && id !== "lmstudio",
    handler: (id) => (request) =>
      sentKey(request) === NEW_CANARY[id] ? { json: listingTheKey(id) } : { status: 401, json: {} },
    expect: { status: "ok", attempts: 1, reason: /\(1 unusable id\(s\) dropped\)$/ },
  },
  {
    name: "a body larger than the size cap",
    maxBytes: 100,
    handler: (id) => providerHandler(id, { pageSize: 100 }),
    expect: {
      status: "failed",
      errorKind: "too_large",
      attempts: 1,
      requests: 1,
      reason: /^the answer is larger than 100 bytes$/,
    },
  },
];

let catalog: Catalog;
let other: LoopbackServer;
beforeAll(async () => {
  catalog = await loadBuiltinCatalog();
  other = await startLoopbackServer(() => ({ json: { data: [{ id: "stolen" }] } }));
});
afterAll(async () => other.close());

const TABLE = CASES.flatMap((c) =>
  NEW_PROVIDERS.filter((id) => c.only?.(id) ?? true).map((id) => [`${id}: ${c.name}`, id, c] as const),
);

describe("probe faults, for every provider beyond the first four", () => {
  it.each(TABLE)("%s", async (_name, id, c) => {
    other.requests.length = 0;
    const ctx = { other };
    const servers = await startNewProviderServers({ [id]: c.handler(id, ctx) }, [id]);
    const clock = { t: Date.parse("2026-01-15T12:00:00Z"), sleeps: [] as number[] };
    try {
      // Local servers are probed because their URL is set; a key is sent to them too, so the key cases apply.
      const env = { ...servers.env, SOURCE_DATE_EPOCH: "1764000000" };
      const result = await register({
        env,
        cwd: process.cwd(),
        generatorVersion: "0.0.0-test",
        catalog,
        now: () => clock.t,
        probe: {
          random: () => 0.5,
          sleep: async (ms: number) => {
            clock.sleeps.push(ms);
            clock.t += ms;
          },
          ...(c.maxBytes !== undefined ? { maxBytes: c.maxBytes } : {}),
        },
      });
      expect(() => checkSnapshot(JSON.parse(JSON.stringify(result.snapshot)))).not.toThrow();
      expectNoNewCanary(JSON.stringify(result.snapshot), ...[...result.outcomes.values()].map((o) => o.reason));
      const entry = result.snapshot.providers.find((p) => p.id === id)!;
      expect(entry.probe.status).toBe(c.expect.status);
      expect(entry.probe.reason).toMatch(c.expect.reason);
      expect(entry.probe.attempts).toBe(c.expect.attempts);
      if (c.expect.errorKind !== undefined) expect(entry.probe.errorKind).toBe(c.expect.errorKind);
      if (c.expect.status === "failed")
        expect(result.snapshot.diagnostics).toContainEqual(
          expect.objectContaining({ code: "PROBE_FAILED", provider: id }),
        );
      if (c.expect.requests !== undefined)
        expect(servers.servers[id].requests.filter((r) => r.method === "GET")).toHaveLength(c.expect.requests);
      if (c.expect.sleeps !== undefined) expect(clock.sleeps).toEqual(c.expect.sleeps);
      // The variable's name is recorded, never its value.
      expect(entry.apiKeyVariable).toBe(KEY_VARIABLE[id]);
      c.also?.(id, servers.servers[id], ctx);
    } finally {
      await servers.close();
    }
  });
});

describe("one slow provider never holds the build, whatever its adapter", () => {
  it("every new provider accepts and never answers: the run ends at the deadline, each timed out", async () => {
    const hang: LoopbackHandler = () => "handled";
    const servers = await startNewProviderServers(Object.fromEntries(NEW_PROVIDERS.map((id) => [id, hang])));
    try {
      const result = await register({
        env: { ...servers.env, SOURCE_DATE_EPOCH: "1764000000" },
        cwd: process.cwd(),
        generatorVersion: "0.0.0-test",
        catalog,
        timeoutMs: 600,
      });
      expect(
        Object.fromEntries(
          NEW_PROVIDERS.map((id) => [id, result.snapshot.providers.find((p) => p.id === id)!.probe.errorKind]),
        ),
      ).toEqual(Object.fromEntries(NEW_PROVIDERS.map((id) => [id, "timeout"])));
      expectNoNewCanary(JSON.stringify(result.snapshot));
    } finally {
      await servers.close();
    }
  });
});
