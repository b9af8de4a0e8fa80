// The providers beyond the first four, against loopback servers in their real shapes: each one's authentication, its
// pagination (two and more pages, a repeated cursor, a failing later page, the page bound), Ollama's per-model
// details, LM Studio's fallback list, and which facts come from the answer (source probe) and which from the catalog.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltinCatalog, type Catalog } from "../../src/catalog/load-catalog.js";
import { startLoopbackServer, type LoopbackHandler } from "../../src/cli/demo/loopback-server.js";
import { register, type RegisterResult } from "../../src/register.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";
import { findModel as modelOf } from "../support/find-model.js";
import {
  authorized,
  BASE_PATH,
  expectNoNewCanary,
  NEW_CANARY,
  NEW_PROVIDERS,
  paged,
  providerFixture,
  providerHandler,
  startNewProviderServers,
  type NewProviderId,
  type NewProviderServers,
} from "../support/new-provider-servers.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadBuiltinCatalog();
});

const EPOCH = { SOURCE_DATE_EPOCH: "1764000000" };

async function registerWith(env: Record<string, string>, probe: Record<string, unknown> = {}): Promise<RegisterResult> {
  return register({
    env: { ...EPOCH, ...env },
    cwd: process.cwd(),
    generatorVersion: "0.0.0-test",
    catalog,
    timeoutMs: 10_000,
    probe: { sleep: async () => undefined, random: () => 0.5, ...probe },
  });
}

function scan(result: RegisterResult): void {
  expectNoNewCanary(JSON.stringify(result.snapshot), ...[...result.outcomes.values()].map((o) => o.reason));
}

const probeOf = (result: RegisterResult, id: string) => result.snapshot.providers.find((p) => p.id === id)!.probe;

describe("every new provider, configured, answers in its own shape", () => {
  let servers: NewProviderServers;
  let result: RegisterResult;
  beforeAll(async () => {
    servers = await startNewProviderServers();
    result = await registerWith({ ...servers.env, ENABLE_OLLAMA: "true", ENABLE_LMSTUDIO: "true" });
  });
  afterAll(async () => servers.close());

  it("each is probed and lists what its answer holds", () => {
    const listed = Object.fromEntries(
      NEW_PROVIDERS.map((id) => [id, [probeOf(result, id).status, probeOf(result, id).modelCount]]),
    );
    expect(listed).toEqual({
      anthropic: ["ok", 5],
      deepseek: ["ok", 2],
      fireworks: ["ok", 4],
      gemini: ["ok", 9],
      // One of the six is inactive.
      groq: ["ok", 5],
      lmstudio: ["ok", 3],
      // Nine entries, three of them aliases listed as entries of their own.
      mistral: ["ok", 6],
      ollama: ["ok", 3],
      openai: ["ok", 20],
      together: ["ok", 6],
      xai: ["ok", 6],
    });
    scan(result);
  });

  it("each request carried its provider's key where that provider wants it (x-api-key, x-goog-api-key, bearer) and nowhere else", () => {
    for (const id of NEW_PROVIDERS) {
      const requests = servers.servers[id].requests;
      expect(requests.length, id).toBeGreaterThan(0);
      for (const r of requests) expect(authorized(id, r), `${id} ${r.path}`).toBe(true);
    }
    expect(servers.servers.anthropic.requests[0]!.headers["anthropic-version"]).toBe("2023-06-01");
    expect(servers.servers.gemini.requests.every((r) => !r.path.includes("key="))).toBe(true);
  });

  it("walks Anthropic's pages with after_id and Gemini's with pageToken, the page size on every page", () => {
    expect(servers.servers.anthropic.requests.map((r) => r.path)).toEqual([
      "/v1/models?limit=1000",
      "/v1/models?limit=1000&after_id=claude-sonnet-4-5-20250929",
      "/v1/models?limit=1000&after_id=claude-opus-4-5-20251101",
    ]);
    expect(servers.servers.gemini.requests.map((r) => r.path)).toEqual([
      "/v1beta/models?pageSize=1000",
      "/v1beta/models?pageSize=1000&pageToken=page-2",
      "/v1beta/models?pageSize=1000&pageToken=page-4",
      "/v1beta/models?pageSize=1000&pageToken=page-6",
      "/v1beta/models?pageSize=1000&pageToken=page-8",
    ]);
  });

  it("what an answer states is sourced probe; the rest comes from the built-in catalog, priced and dated", () => {
    const s = result.snapshot;
    expect(modelOf(s, "gemini", "gemini-2.5-pro")).toMatchObject({
      availability: "listed",
      contextWindow: 1048576,
      maxOutput: 65536,
      capabilities: { reasoning: true },
      pricing: { input: 1.25, output: 10, source: "https://ai.google.dev/gemini-api/docs/pricing", asOf: "2026-03-21" },
      sources: {
        contextWindow: "probe",
        maxOutput: "probe",
        reasoning: "probe",
        pricing: "catalog",
        name: "probe",
        tier: "catalog",
      },
    });
    expect(modelOf(s, "gemini", "text-embedding-004")).toMatchObject({ kind: "embedding", sources: { kind: "probe" } });
    expect(modelOf(s, "anthropic", "claude-haiku-4-5-20251001")).toMatchObject({
      tier: "fast",
      pricing: { input: 1, output: 5 },
      sources: { name: "probe", pricing: "catalog" },
    });
    expect(modelOf(s, "mistral", "mistral-large-2512")).toMatchObject({
      aliases: ["mistral-large-latest"],
      contextWindow: 262144,
      capabilities: { vision: true, tools: true },
      sources: { contextWindow: "probe", vision: "probe", pricing: "catalog" },
    });
    expect(modelOf(s, "mistral", "open-mistral-7b")).toMatchObject({
      status: "deprecated",
      sources: { status: "probe" },
    });
    expect(modelOf(s, "groq", "llama-3.3-70b-versatile")).toMatchObject({
      contextWindow: 131072,
      maxOutput: 32768,
      sources: { contextWindow: "probe", maxOutput: "probe", pricing: "catalog" },
    });
    expect(modelOf(s, "together", "meta-llama/Llama-3.3-70B-Instruct-Turbo")).toMatchObject({
      pricing: { input: 0.88, output: 0.88, source: "probe" },
      sources: { pricing: "probe" },
    });
    expect(modelOf(s, "fireworks", "accounts/fireworks/models/qwen2p5-vl-32b-instruct")).toMatchObject({
      capabilities: { vision: true },
      sources: { vision: "probe" },
    });
    expect(modelOf(s, "deepseek", "deepseek-reasoner")).toMatchObject({
      capabilities: { reasoning: true },
      pricing: { input: 0.56, output: 1.68, cachedInput: 0.07 },
    });
    expect(modelOf(s, "xai", "grok-3-mini")).toMatchObject({ tier: "fast", pricing: { input: 0.3, output: 0.5 } });
    expect(modelOf(s, "lmstudio", "qwen2-vl-7b-instruct")).toMatchObject({
      kind: "chat",
      contextWindow: 32768,
      capabilities: { vision: true },
      sources: { vision: "probe" },
    });
  });

  it("OpenAI's non-chat models are told by kind from the catalog where it knows them, from the id only where none does", () => {
    const s = result.snapshot;
    for (const id of ["tts-1", "dall-e-3", "text-embedding-3-small", "omni-moderation-latest", "whisper-1"]) {
      expect(modelOf(s, "openai", id).sources.kind, id).toBe("catalog");
      expect(modelOf(s, "openai", id).kind, id).not.toBe("chat");
    }
    // No catalog knows these: the id is all there is.
    expect(modelOf(s, "openai", "text-similarity-ada-001")).toMatchObject({
      kind: "embedding",
      sources: { kind: "inferred" },
    });
    expect(modelOf(s, "openai", "babbage")).toMatchObject({ kind: "other", sources: { kind: "inferred" } });
    expect(modelOf(s, "openai", "gpt-4")).toMatchObject({ kind: "chat", sources: { kind: "default" } });
    expect(modelOf(s, "openai", "gpt-5.4-nano")).toMatchObject({
      kind: "chat",
      tier: "fast",
      pricing: { input: 0.2, output: 1.25 },
    });
  });

  it("Ollama: each listed model asked about with POST /api/show; its context length and capabilities are the answer's", () => {
    const shows = servers.servers.ollama.requests.filter((r) => r.method === "POST");
    expect(shows.map((r) => r.path)).toEqual(["/api/show", "/api/show", "/api/show"]);
    expect(shows.map((r) => JSON.parse(r.body).model).sort()).toEqual(["llama3:latest", "mistral:latest", "phi3:mini"]);
    expect(modelOf(result.snapshot, "ollama", "llama3:latest")).toMatchObject({
      kind: "chat",
      contextWindow: 8192,
      capabilities: { tools: true },
      sources: { contextWindow: "probe", tools: "probe" },
    });
  });

  it("the command line prints no key either", async () => {
    const cwd = await useTempDirs()();
    const run = await runCli(["register", "--json"], {
      cwd,
      env: { ...servers.env, ...EPOCH, ENABLE_OLLAMA: "true", ENABLE_LMSTUDIO: "true" },
    });
    expect(run.code).toBe(0);
    expectNoNewCanary(run.stdout, run.stderr);
    for (const id of NEW_PROVIDERS) expect(run.stderr).toMatch(new RegExp(`^${id}\\s+ok\\s`, "m"));
  });
});

describe("pagination", () => {
  const tempDir = useTempDirs();
  void tempDir;

  async function only(
    id: NewProviderId,
    handler: LoopbackHandler,
    extraEnv: Record<string, string> = {},
    probe: Record<string, unknown> = {},
  ) {
    const servers = await startNewProviderServers({ [id]: handler }, [id]);
    try {
      const result = await registerWith({ ...servers.env, ...extraEnv }, probe);
      scan(result);
      return { result, probe: probeOf(result, id), requests: servers.servers[id].requests };
    } finally {
      await servers.close();
    }
  }

  it("Anthropic one model a page: five pages, every model, in order", async () => {
    const { probe, requests } = await only("anthropic", (r) =>
      authorized("anthropic", r) ? paged("anthropic", 1)(r, undefined as never) : { status: 401, json: {} },
    );
    expect(probe).toMatchObject({ status: "ok", modelCount: 5, attempts: 5 });
    expect(requests.map((r) => new URL(r.path, "http://x").searchParams.get("after_id"))).toEqual([
      null,
      "claude-opus-4-6",
      "claude-sonnet-4-5-20250929",
      "claude-haiku-4-5-20251001",
      "claude-opus-4-5-20251101",
    ]);
  });

  it.each([
    {
      name: "Anthropic repeats a cursor",
      id: "anthropic" as const,
      handler: (): LoopbackHandler => () => ({
        json: { data: [{ type: "model", id: "claude-a" }], has_more: true, last_id: "claude-a" },
      }),
      requests: 2,
    },
    {
      name: "Gemini repeats a page token",
      id: "gemini" as const,
      handler: (): LoopbackHandler => () => ({
        json: {
          models: [{ name: "models/gemini-a", supportedGenerationMethods: ["generateContent"] }],
          nextPageToken: "same",
        },
      }),
      requests: 2,
    },
  ])("$name: the walk ends, clearly, without a loop", async ({ id, handler, requests }) => {
    const run = await only(id, handler());
    expect(run.probe).toMatchObject({ status: "failed", errorKind: "invalid_response", modelCount: 0 });
    expect(run.probe.reason).toBe(
      "page 2 points back to an earlier page (a repeated cursor); the list was not walked further",
    );
    expect(run.requests).toHaveLength(requests);
  });

  it("a cursor that never ends stops at the page bound", async () => {
    let n = 0;
    const run = await only(
      "gemini",
      () => ({ json: { models: [{ name: `models/m-${n}` }], nextPageToken: `t-${n++}` } }),
      {},
      { maxPages: 5 },
    );
    expect(run.probe).toMatchObject({
      status: "failed",
      errorKind: "too_large",
      reason: "the list did not end within 5 pages",
    });
    expect(run.requests).toHaveLength(5);
  });

  it.each([
    {
      name: "a second page that keeps failing with 500",
      status: 500,
      body: { type: "error", error: { type: "api_error", message: "Internal server error" } },
      want: {
        errorKind: "server_error",
        httpStatus: 500,
        attempts: 4,
        reason: "page 2: HTTP 500: server error (after 3 attempts)",
      },
      requests: 4,
    },
    {
      name: "a second page refused with 401",
      status: 401,
      body: { type: "error", error: { type: "authentication_error", message: "invalid x-api-key" } },
      want: {
        errorKind: "unauthorized",
        httpStatus: 401,
        attempts: 2,
        reason: "page 2: HTTP 401: the key was refused (unauthorized)",
      },
      requests: 2,
    },
  ])("Anthropic: $name fails the whole probe, saying which page", async ({ status, body, want, requests }) => {
    const first = paged("anthropic", 2);
    const run = await only("anthropic", (r, res) =>
      r.path.includes("after_id") ? { status, json: body } : first(r, res),
    );
    expect(run.probe).toMatchObject({ status: "failed", modelCount: 0, ...want });
    expect(run.requests).toHaveLength(requests);
  });

  it("Gemini: a second page that never comes ends at the overall deadline, saying which page", async () => {
    const first = paged("gemini", 4);
    const servers = await startNewProviderServers(
      { gemini: (r, res) => (r.path.includes("pageToken") ? "handled" : first(r, res)) },
      ["gemini"],
    );
    try {
      const result = await register({
        env: { ...EPOCH, ...servers.env },
        cwd: process.cwd(),
        generatorVersion: "0.0.0-test",
        catalog,
        timeoutMs: 700,
      });
      expect(probeOf(result, "gemini")).toMatchObject({
        status: "failed",
        errorKind: "timeout",
        reason: "page 2: no complete answer before the deadline",
      });
    } finally {
      await servers.close();
    }
  });

  it("Gemini: a second page that is HTML fails the probe as not JSON", async () => {
    const first = paged("gemini", 4);
    const run = await only("gemini", (r, res) =>
      r.path.includes("pageToken") ? { status: 200, text: "<html>oops</html>" } : first(r, res),
    );
    expect(run.probe).toMatchObject({
      status: "failed",
      errorKind: "invalid_response",
      reason: "page 2: HTTP 200 but the body is not JSON",
    });
  });

  it("Gemini: a query the base URL carries (?key=…) rides on every page and is never printed", async () => {
    const servers = await startNewProviderServers({ gemini: paged("gemini", 4) }, ["gemini"]);
    try {
      const secret = "AIzaSy-canary-in-the-query-77e1";
      const result = await registerWith({
        GEMINI_API_URL: `${servers.servers.gemini.origin}/v1beta?key=${secret}`,
        GOOGLE_API_KEY: NEW_CANARY.gemini,
      });
      const probe = probeOf(result, "gemini");
      expect(probe).toMatchObject({ status: "ok", modelCount: 9 });
      const requests = servers.servers.gemini.requests;
      expect(requests).toHaveLength(3);
      for (const r of requests) {
        expect(new URL(r.path, "http://x").searchParams.get("key")).toBe(secret);
        expect(r.headers["x-goog-api-key"]).toBe(NEW_CANARY.gemini);
      }
      const entry = result.snapshot.providers.find((p) => p.id === "gemini")!;
      expect(entry).toMatchObject({
        baseUrl: `${servers.servers.gemini.origin}/v1beta`,
        apiKeyVariable: "GOOGLE_API_KEY",
      });
      expect(JSON.stringify(result.snapshot)).not.toContain(secret);
      scan(result);
    } finally {
      await servers.close();
    }
  });
});

describe("local servers", () => {
  it("Ollama is not looked for unless asked: its URL, OLLAMA_HOST or ENABLE_OLLAMA", async () => {
    const result = await registerWith({});
    expect(probeOf(result, "ollama")).toMatchObject({
      status: "skipped",
      reason: "not enabled: set OLLAMA_API_URL or OLLAMA_HOST, or ENABLE_OLLAMA=true",
    });
    expect(probeOf(result, "lmstudio")).toMatchObject({
      status: "skipped",
      reason: "not enabled: set LMSTUDIO_API_URL, or ENABLE_LMSTUDIO=true",
    });
  });

  it("OLLAMA_HOST as Ollama itself writes it (host:port, no scheme); a model /api/show cannot describe keeps what the list said", async () => {
    const base = providerHandler("ollama");
    const server = await startLoopbackServer((r, res) =>
      r.method === "POST" && JSON.parse(r.body).model === "phi3:mini" ? { status: 500, text: "boom" } : base(r, res),
    );
    try {
      const result = await registerWith({ OLLAMA_HOST: server.origin.replace("http://", "") });
      expect(probeOf(result, "ollama")).toMatchObject({ status: "ok", modelCount: 3, reason: "listed 3 models" });
      expect(result.snapshot.providers.find((p) => p.id === "ollama")!.baseUrl).toBe(server.origin);
      expect(modelOf(result.snapshot, "ollama", "mistral:latest")).toMatchObject({
        contextWindow: 32768,
        sources: { contextWindow: "probe" },
      });
      expect(modelOf(result.snapshot, "ollama", "phi3:mini")).toMatchObject({
        contextWindow: null,
        sources: { contextWindow: "default" },
      });
    } finally {
      await server.close();
    }
  });

  it("LM Studio without /api/v0 (404) is listed from /v1/models, and says so", async () => {
    const server = await startLoopbackServer((r) =>
      r.path === "/v1/models"
        ? { json: { object: "list", data: [{ id: "qwen3-8b", object: "model", owned_by: "organization_owner" }] } }
        : { status: 404, json: { error: "Unexpected endpoint or method." } },
    );
    try {
      const result = await registerWith({ LMSTUDIO_API_URL: server.origin });
      expect(probeOf(result, "lmstudio")).toMatchObject({
        status: "ok",
        modelCount: 1,
        reason: "listed 1 model via /v1/models (/api/v0/models: HTTP 404)",
      });
      expect(server.requests.map((r) => r.path)).toEqual(["/api/v0/models", "/v1/models"]);
    } finally {
      await server.close();
    }
  });

  it("LM Studio: when neither list exists, the probe fails as not found", async () => {
    const server = await startLoopbackServer(() => ({
      status: 404,
      json: { error: "Unexpected endpoint or method." },
    }));
    try {
      const result = await registerWith({ LMSTUDIO_API_URL: server.origin });
      expect(probeOf(result, "lmstudio")).toMatchObject({
        status: "failed",
        errorKind: "not_found",
        reason: "HTTP 404: not found (check the base URL)",
      });
    } finally {
      await server.close();
    }
  });

  it("the base path of each provider is its documented one", () => {
    expect(BASE_PATH).toMatchObject({ groq: "/openai/v1", fireworks: "/inference/v1", gemini: "/v1beta" });
    expect(providerFixture("together-models.json")).toBeInstanceOf(Array);
  });
});
