// Each provider's recorded answer shape (the providers' documented examples and data/demo/*.json) → ProbedModel.
import { describe, expect, it } from "vitest";
import { ResponseShapeError, type ProbedModel, type ProviderAdapter } from "../../src/providers/adapter.js";
import { adapters } from "../../src/providers/adapters/index.js";
import { glmAdapter } from "../../src/providers/adapters/glm.js";
import { kimiAdapter } from "../../src/providers/adapters/kimi.js";
import { openAiCompatibleAdapter } from "../../src/providers/adapters/openai-compatible.js";
import { openRouterAdapter } from "../../src/providers/adapters/openrouter.js";
import { builtinDefinitions, readJson, thrown } from "../support/inputs.js";

const listOf = (adapter: ProviderAdapter, body: unknown): ProbedModel[] =>
  adapter.parseModels(body).map((raw) => adapter.translateModel(raw));
const byId = (models: readonly ProbedModel[]) => Object.fromEntries(models.map((m) => [m.id, m]));

// Recorded shapes, verbatim from the providers' documented examples.
const KIMI_NEW = {
  object: "list",
  data: [
    {
      id: "kimi-k2-0905-preview",
      object: "model",
      owned_by: "moonshot",
      created: 1757000000,
      context_length: 262144,
      supports_image_in: false,
      supports_video_in: false,
      supports_reasoning: false,
    },
  ],
};
const KIMI_OLD = {
  object: "list",
  data: [{ id: "moonshot-v1-8k", object: "model", created: 1711000000, owned_by: "moonshot" }],
};
const GLM = { object: "list", data: [{ id: "glm-4.6", object: "model", created: 1759000000, owned_by: "z-ai" }] };
const OPENROUTER = {
  data: [
    {
      id: "moonshotai/kimi-k2",
      canonical_slug: "moonshotai/kimi-k2",
      name: "MoonshotAI: Kimi K2",
      created: 1752000000,
      context_length: 131072,
      architecture: {
        modality: "text->text",
        input_modalities: ["text"],
        output_modalities: ["text"],
        tokenizer: "Other",
      },
      pricing: {
        prompt: "0.00000055",
        completion: "0.0000022",
        request: "0",
        image: "0",
        input_cache_read: "0.00000015",
      },
      top_provider: { context_length: 131072, max_completion_tokens: 16384, is_moderated: false },
      supported_parameters: [
        "tools",
        "tool_choice",
        "max_tokens",
        "temperature",
        "response_format",
        "structured_outputs",
      ],
    },
  ],
};
const OPENAI = { object: "list", data: [{ id: "gpt-4o", object: "model", created: 1715367049, owned_by: "system" }] };
const VLLM = {
  object: "list",
  data: [
    {
      id: "Qwen/Qwen2.5-7B-Instruct",
      object: "model",
      created: 1731878400,
      owned_by: "vllm",
      root: "Qwen/Qwen2.5-7B-Instruct",
      parent: null,
      max_model_len: 8192,
    },
  ],
};
const OLLAMA = {
  object: "list",
  data: [{ id: "llama3.2:latest", object: "model", created: 1731878400, owned_by: "library" }],
};

describe("adapter registry", () => {
  it.each(builtinDefinitions().map((d) => ({ provider: d.id, adapter: d.adapter })))(
    "$provider's adapter $adapter exists",
    ({ adapter }) => {
      expect(adapters[adapter]).toBeDefined();
      expect(adapters[adapter]!.id).toBe(adapter);
    },
  );
});

describe("recorded shapes → models", () => {
  it.each([
    {
      name: "Kimi, newer shape with context_length and supports_*",
      adapter: kimiAdapter,
      body: KIMI_NEW,
      expected: [
        { id: "kimi-k2-0905-preview", contextWindow: 262144, capabilities: { vision: false, reasoning: false } },
      ],
    },
    {
      name: "Kimi, older shape with ids only",
      adapter: kimiAdapter,
      body: KIMI_OLD,
      expected: [{ id: "moonshot-v1-8k" }],
    },
    { name: "GLM, ids only", adapter: glmAdapter, body: GLM, expected: [{ id: "glm-4.6" }] },
    { name: "OpenAI itself", adapter: openAiCompatibleAdapter, body: OPENAI, expected: [{ id: "gpt-4o" }] },
    {
      name: "vLLM with max_model_len",
      adapter: openAiCompatibleAdapter,
      body: VLLM,
      expected: [{ id: "Qwen/Qwen2.5-7B-Instruct", contextWindow: 8192 }],
    },
    {
      name: "Ollama /v1/models, tag kept in the id",
      adapter: openAiCompatibleAdapter,
      body: OLLAMA,
      expected: [{ id: "llama3.2:latest" }],
    },
    {
      name: "OpenRouter, prices per token as strings",
      adapter: openRouterAdapter,
      body: OPENROUTER,
      expected: [
        {
          id: "moonshotai/kimi-k2",
          name: "MoonshotAI: Kimi K2",
          kind: "chat",
          contextWindow: 131072,
          maxOutput: 16384,
          capabilities: { vision: false, tools: true, reasoning: false, json: true, streaming: true },
          pricing: { input: 0.55, output: 2.2, cachedInput: 0.15 },
          freeTier: false,
          described: true,
        },
      ],
    },
  ])("$name", ({ adapter, body, expected }) => {
    // toStrictEqual: a fact the provider did not state must be absent, not undefined-but-present.
    expect(listOf(adapter, body)).toStrictEqual(expected);
  });

  it.each([
    { name: "context_length 0", raw: { context_length: 0 }, expected: { id: "m" } },
    { name: "context_length as a string", raw: { context_length: "262144" }, expected: { id: "m" } },
    { name: "context_length fractional", raw: { context_length: 1.5 }, expected: { id: "m" } },
    { name: "supports_image_in as a string", raw: { supports_image_in: "true" }, expected: { id: "m" } },
    {
      name: "only supports_reasoning",
      raw: { supports_reasoning: true },
      expected: { id: "m", capabilities: { reasoning: true } },
    },
    {
      name: "only supports_image_in",
      raw: { supports_image_in: true },
      expected: { id: "m", capabilities: { vision: true } },
    },
  ])("Kimi ignores or keeps untrusted fields: $name", ({ raw, expected }) => {
    expect(listOf(kimiAdapter, { data: [{ id: "m", ...raw }] })).toStrictEqual([expected]);
  });

  it.each([
    {
      name: "max_model_len wins over context_length",
      raw: { max_model_len: 8192, context_length: 4096 },
      expected: 8192,
    },
    { name: "context_length when there is no max_model_len", raw: { context_length: 4096 }, expected: 4096 },
    { name: "max_model_len null", raw: { max_model_len: null }, expected: undefined },
  ])("OpenAI-compatible context window: $name", ({ raw, expected }) => {
    expect(listOf(openAiCompatibleAdapter, { data: [{ id: "m", ...raw }] })[0]?.contextWindow).toBe(expected);
  });

  it.each([
    { id: "embedding-3", kind: "embedding" },
    { id: "embedding-2", kind: "embedding" },
    { id: "Embedding-3", kind: "embedding" },
    { id: "glm-4.5", kind: undefined },
    { id: "glm-embedding", kind: undefined },
  ])("GLM: $id has kind $kind", ({ id, kind }) => {
    expect(glmAdapter.translateModel({ id }).kind).toBe(kind);
  });
});

describe("the demo fixtures (data/demo/*.json)", () => {
  it("Kimi: every id, and the new-shape facts where present", () => {
    const models = byId(listOf(kimiAdapter, readJson("data/demo/kimi-models.json")));
    expect(Object.keys(models).sort()).toEqual([
      "kimi-k2-0905-preview",
      "kimi-k2-turbo-preview",
      "kimi-k2.6",
      "kimi-k3.1-pro",
      "kimi-latest-128k",
      "kimi-thinking-preview",
      "moonshot-v1-128k-vision-preview",
      "moonshot-v1-8k",
    ]);
    expect(models["kimi-k3.1-pro"]).toStrictEqual({
      id: "kimi-k3.1-pro",
      contextWindow: 1048576,
      capabilities: { vision: true, reasoning: true },
    });
    expect(models["kimi-latest-128k"]).toStrictEqual({ id: "kimi-latest-128k" });
    expect(models["moonshot-v1-8k"]).toStrictEqual({ id: "moonshot-v1-8k" });
    expect(models["kimi-thinking-preview"]).toStrictEqual({
      id: "kimi-thinking-preview",
      contextWindow: 131072,
      capabilities: { vision: true, reasoning: true },
    });
    expect(models["moonshot-v1-128k-vision-preview"]?.capabilities).toEqual({ vision: true, reasoning: false });
  });

  it("GLM: ids, and embedding-3 is not a chat model", () => {
    const models = listOf(glmAdapter, readJson("data/demo/glm-models.json"));
    expect(models).toStrictEqual([
      { id: "glm-4.6" },
      { id: "glm-4.5" },
      { id: "glm-4.5-air" },
      { id: "glm-4.5-flash" },
      { id: "glm-4.5v" },
      { id: "embedding-3", kind: "embedding" },
    ]);
  });

  it("vLLM: max_model_len is the context window", () => {
    expect(listOf(openAiCompatibleAdapter, readJson("data/demo/vllm-models.json"))).toStrictEqual([
      { id: "Qwen/Qwen2.5-7B-Instruct", contextWindow: 32768 },
    ]);
  });

  const openrouter = byId(listOf(openRouterAdapter, readJson("data/demo/openrouter-models.json")));
  it.each([
    {
      id: "moonshotai/kimi-k2",
      expected: {
        pricing: { input: 0.55, output: 2.2, cachedInput: 0.15 },
        freeTier: false,
        contextWindow: 131072,
        maxOutput: 16384,
        capabilities: { vision: false, tools: true, reasoning: false, json: true, streaming: true },
      },
    },
    {
      id: "moonshotai/kimi-k2:free",
      expected: {
        pricing: { input: 0, output: 0 },
        freeTier: true,
        contextWindow: 32768,
        capabilities: { vision: false, tools: false, reasoning: false, json: false, streaming: true },
      },
    },
    {
      id: "z-ai/glm-4.6",
      expected: {
        pricing: { input: 0.6, output: 2.2, cachedInput: 0.11 },
        freeTier: false,
        contextWindow: 202752,
        maxOutput: 202752,
        capabilities: { vision: false, tools: true, reasoning: true, json: true, streaming: true },
      },
    },
    {
      id: "openai/gpt-4o-mini",
      expected: {
        pricing: { input: 0.15, output: 0.6, cachedInput: 0.075, perImage: 0.000217 },
        freeTier: false,
        contextWindow: 128000,
        maxOutput: 16384,
        capabilities: { vision: true, tools: true, reasoning: false, json: true, streaming: true },
      },
    },
    {
      // Router entries price "-1" (decided per request): a router, routed by name, no price rather than a wrong one, and not free.
      id: "openrouter/auto",
      expected: {
        kind: "router",
        routing: "by_name",
        pricing: null,
        freeTier: false,
        contextWindow: 2000000,
        maxOutput: undefined,
        capabilities: { vision: true, tools: false, reasoning: false, json: false, streaming: true },
      },
    },
  ])("OpenRouter $id", ({ id, expected }) => {
    const model = openrouter[id];
    expect(model).toBeDefined();
    expect(model).toMatchObject({ id, kind: "kind" in expected ? expected.kind : "chat" });
    for (const [key, value] of Object.entries(expected))
      expect(model?.[key as keyof ProbedModel], key).toStrictEqual(value);
  });
});

describe("OpenRouter details", () => {
  const entry = (overrides: Record<string, unknown>) =>
    openRouterAdapter.translateModel({ id: "vendor/model", ...overrides });

  it.each([
    { name: "text output", outputs: ["text"], kind: "chat" },
    { name: "text and image output", outputs: ["text", "image"], kind: "image" },
    { name: "text and audio output (a music model)", outputs: ["text", "audio"], kind: "audio" },
    { name: "embeddings", outputs: ["embeddings"], kind: "embedding" },
    { name: "some other output", outputs: ["decisions"], kind: "other" },
    { name: "no output modalities given", outputs: undefined, kind: "chat" },
    { name: "image only", outputs: ["image"], kind: "image" },
    { name: "audio only", outputs: ["audio"], kind: "audio" },
  ])("kind from output modalities: $name", ({ outputs, kind }) => {
    expect(entry(outputs === undefined ? {} : { architecture: { output_modalities: outputs } }).kind).toBe(kind);
  });

  it.each([
    { name: "tools", params: ["tools"], inputs: ["text"], expected: { tools: true } },
    { name: "reasoning", params: ["reasoning"], inputs: ["text"], expected: { reasoning: true } },
    { name: "include_reasoning", params: ["include_reasoning"], inputs: ["text"], expected: { reasoning: true } },
    { name: "response_format", params: ["response_format"], inputs: ["text"], expected: { json: true } },
    { name: "structured_outputs", params: ["structured_outputs"], inputs: ["text"], expected: { json: true } },
    { name: "image input", params: [], inputs: ["text", "image"], expected: { vision: true } },
    { name: "file input alone is not vision", params: [], inputs: ["text", "file"], expected: { vision: false } },
    {
      name: "non-string parameters ignored",
      params: [1, null, "tools"],
      inputs: ["text"],
      expected: { tools: true, json: false },
    },
  ])("capabilities: $name", ({ params, inputs, expected }) => {
    expect(
      entry({ supported_parameters: params, architecture: { input_modalities: inputs } }).capabilities,
    ).toMatchObject(expected);
  });

  it.each([
    {
      name: "prices as strings",
      pricing: { prompt: "0.000003", completion: "0.000015" },
      expected: { input: 3, output: 15 },
      free: false,
    },
    {
      name: "prices as numbers",
      pricing: { prompt: 0.000003, completion: 0.000015 },
      expected: { input: 3, output: 15 },
      free: false,
    },
    {
      name: "zero prices are free",
      pricing: { prompt: "0", completion: "0" },
      expected: { input: 0, output: 0 },
      free: true,
    },
    {
      name: "-1 (a router) has no price, and says so",
      pricing: { prompt: "-1", completion: "-1" },
      expected: null,
      free: false,
    },
    { name: "a price missing is no price", pricing: { prompt: "0.000001" }, expected: undefined, free: false },
    {
      name: "garbage is no price",
      pricing: { prompt: "cheap", completion: "0.000001" },
      expected: undefined,
      free: false,
    },
    { name: "no pricing object", pricing: undefined, expected: undefined, free: false },
    {
      name: "cache read price kept",
      pricing: { prompt: "0.000001", completion: "0.000002", input_cache_read: "0.0000001" },
      expected: { input: 1, output: 2, cachedInput: 0.1 },
      free: false,
    },
  ])("pricing: $name", ({ pricing, expected, free }) => {
    const model = entry(pricing === undefined ? {} : { pricing });
    expect(model.pricing).toStrictEqual(expected);
    expect(model.freeTier).toBe(free);
  });

  it("a :free id is free whatever its prices say", () => {
    expect(
      openRouterAdapter.translateModel({
        id: "moonshotai/kimi-k2:free",
        pricing: { prompt: "0.000001", completion: "0.000001" },
      }).freeTier,
    ).toBe(true);
  });

  it.each([
    {
      name: "top-level context_length",
      raw: { context_length: 1000, top_provider: { context_length: 2000 } },
      expected: 1000,
    },
    {
      name: "top_provider's when the top level is missing",
      raw: { top_provider: { context_length: 2000 } },
      expected: 2000,
    },
    { name: "neither", raw: { top_provider: { context_length: null } }, expected: undefined },
  ])("context window: $name", ({ raw, expected }) => {
    expect(entry(raw).contextWindow).toBe(expected);
  });

  it.each([
    { name: "trimmed", raw: "  Vendor: Model  ", expected: "Vendor: Model" },
    { name: "blank is absent", raw: "   ", expected: undefined },
    { name: "non-string is absent", raw: 42, expected: undefined },
  ])("name: $name", ({ raw, expected }) => {
    expect(entry({ name: raw }).name).toBe(expected);
  });
});

describe("parseModels: bodies that are not model lists", () => {
  const all = [kimiAdapter, glmAdapter, openRouterAdapter, openAiCompatibleAdapter] as const;

  it.each([
    {
      name: "GLM's HTTP-200 bad-key body",
      body: { code: 401, msg: "token expired or incorrect", success: false },
      hidden: "token expired",
    },
    {
      name: "Moonshot 401",
      body: { error: { message: "Invalid Authentication", type: "invalid_authentication_error" } },
      hidden: "Invalid Authentication",
    },
    {
      name: "OpenAI 401",
      body: {
        error: {
          message: "Incorrect API key provided: sk-abc***",
          type: "invalid_request_error",
          code: "invalid_api_key",
        },
      },
      hidden: "Incorrect API key",
    },
    {
      name: "vLLM error object",
      body: { object: "error", message: "The model `x` does not exist.", type: "NotFoundError", code: 404 },
      hidden: "does not exist",
    },
    {
      name: "OpenRouter error",
      body: { error: { code: 429, message: "Rate limit exceeded: free-models-per-day", metadata: {} } },
      hidden: "free-models-per-day",
    },
    {
      name: "GLM 429 business code",
      body: { error: { code: "1302", message: "Rate limit reached for requests" } },
      hidden: "Rate limit reached",
    },
    {
      name: "an error next to a data array",
      body: { data: [{ id: "x" }], error: { message: "partial outage" } },
      hidden: "partial outage",
    },
  ])("$name → ResponseShapeError error_body, without quoting the body", ({ body, hidden }) => {
    for (const adapter of all) {
      const error = thrown(() => adapter.parseModels(body));
      expect(error).toBeInstanceOf(ResponseShapeError);
      expect((error as ResponseShapeError).kind).toBe("error_body");
      expect(error.message).not.toContain(hidden);
    }
  });

  it("names the error's type and code, which are not secret", () => {
    const error = thrown(() =>
      glmAdapter.parseModels({ code: 401, msg: "token expired or incorrect", success: false }),
    );
    expect(error.message).toContain("401");
  });

  it.each([
    { name: "null", body: null },
    { name: "a string", body: "<html>Bad Gateway</html>" },
    { name: "a number", body: 42 },
    { name: "an array", body: [{ id: "glm-4.6" }] },
    { name: "an empty object", body: {} },
    { name: "data is an object", body: { data: { id: "glm-4.6" } } },
    { name: "data is a string", body: { data: "glm-4.6" } },
    { name: "models instead of data (Ollama /api/tags)", body: { models: [{ name: "llama3.2:latest" }] } },
    { name: "success: true without data", body: { success: true } },
  ])("$name → ResponseShapeError invalid_response", ({ body }) => {
    for (const adapter of all) {
      const error = thrown(() => adapter.parseModels(body));
      expect(error).toBeInstanceOf(ResponseShapeError);
      expect((error as ResponseShapeError).kind).toBe("invalid_response");
    }
  });

  it("drops entries without a string id and keeps the rest", () => {
    const body = {
      data: [
        { id: 1 },
        {},
        null,
        "glm-4.6",
        ["x"],
        { id: null },
        { id: "glm-4.6" },
        { name: "no id" },
        { id: "glm-4.5" },
      ],
    };
    for (const adapter of all) expect(adapter.parseModels(body).map((m) => m.id)).toEqual(["glm-4.6", "glm-4.5"]);
  });

  it("an empty list is a list", () => {
    for (const adapter of all) expect(adapter.parseModels({ object: "list", data: [] })).toEqual([]);
  });
});

describe("classifyFailure", () => {
  it.each([
    {
      name: "Moonshot 429 rate_limit_reached_error",
      adapter: kimiAdapter,
      status: 429,
      body: { error: { message: "…", type: "rate_limit_reached_error" } },
      kind: "rate_limited",
      retry: true,
    },
    {
      name: "Moonshot 429 engine_overloaded_error",
      adapter: kimiAdapter,
      status: 429,
      body: { error: { message: "…", type: "engine_overloaded_error" } },
      kind: "rate_limited",
      retry: true,
    },
    {
      name: "Moonshot 429 exceeded_current_quota_error",
      adapter: kimiAdapter,
      status: 429,
      body: { error: { message: "…", type: "exceeded_current_quota_error" } },
      kind: "quota_exhausted",
      retry: false,
    },
    {
      name: "Moonshot 429 without a body",
      adapter: kimiAdapter,
      status: 429,
      body: undefined,
      kind: "rate_limited",
      retry: true,
    },
    {
      name: "Moonshot 401",
      adapter: kimiAdapter,
      status: 401,
      body: { error: { message: "Invalid Authentication", type: "invalid_authentication_error" } },
      kind: "unauthorized",
      retry: false,
    },
    {
      name: "Moonshot quota type on a 500 is still a server error",
      adapter: kimiAdapter,
      status: 500,
      body: { error: { type: "exceeded_current_quota_error" } },
      kind: "server_error",
      retry: true,
    },
    {
      name: "GLM 429 code 1113 (balance)",
      adapter: glmAdapter,
      status: 429,
      body: { error: { code: "1113", message: "余额不足" } },
      kind: "quota_exhausted",
      retry: false,
    },
    {
      name: "GLM 429 code 1113 as a number",
      adapter: glmAdapter,
      status: 429,
      body: { error: { code: 1113, message: "…" } },
      kind: "quota_exhausted",
      retry: false,
    },
    {
      name: "GLM 429 code 1113 in the older top-level shape",
      adapter: glmAdapter,
      status: 429,
      body: { code: 1113, msg: "余额不足", success: false },
      kind: "quota_exhausted",
      retry: false,
    },
    {
      name: "GLM 429 code 1308 (usage limit)",
      adapter: glmAdapter,
      status: 429,
      body: { error: { code: "1308", message: "…" } },
      kind: "quota_exhausted",
      retry: false,
    },
    {
      name: "GLM 429 code 1302 (rate limit)",
      adapter: glmAdapter,
      status: 429,
      body: { error: { code: "1302", message: "Rate limit reached for requests" } },
      kind: "rate_limited",
      retry: true,
    },
    {
      name: "GLM 429 with an unreadable body",
      adapter: glmAdapter,
      status: 429,
      body: "Too Many Requests",
      kind: "rate_limited",
      retry: true,
    },
    {
      name: "GLM 401",
      adapter: glmAdapter,
      status: 401,
      body: { error: { code: "1000", message: "…" } },
      kind: "unauthorized",
      retry: false,
    },
    {
      name: "OpenRouter 402 (out of credits)",
      adapter: openRouterAdapter,
      status: 402,
      body: { error: { code: 402, message: "Insufficient credits" } },
      kind: "payment_required",
      retry: false,
    },
    {
      name: "OpenRouter 429",
      adapter: openRouterAdapter,
      status: 429,
      body: { error: { code: 429, message: "…" } },
      kind: "rate_limited",
      retry: true,
    },
    {
      name: "OpenAI-compatible 401",
      adapter: openAiCompatibleAdapter,
      status: 401,
      body: { error: { code: "invalid_api_key" } },
      kind: "unauthorized",
      retry: false,
    },
  ])("$name → $kind, retry $retry", ({ adapter, status, body, kind, retry }) => {
    expect((adapter as ProviderAdapter).classifyFailure(status, body)).toEqual({ kind, retry });
  });

  const byStatus = [
    { status: 400, kind: "bad_request", retry: false },
    { status: 401, kind: "unauthorized", retry: false },
    { status: 402, kind: "payment_required", retry: false },
    { status: 403, kind: "unauthorized", retry: false },
    { status: 404, kind: "not_found", retry: false },
    { status: 408, kind: "rate_limited", retry: true },
    { status: 422, kind: "bad_request", retry: false },
    { status: 429, kind: "rate_limited", retry: true },
    { status: 500, kind: "server_error", retry: true },
    { status: 502, kind: "server_error", retry: true },
    { status: 503, kind: "server_error", retry: true },
    { status: 504, kind: "server_error", retry: true },
  ];
  const adapterList = Object.values(adapters);
  it.each(
    byStatus.flatMap((row) =>
      adapterList.map((adapter) => ({ ...row, adapter: adapter.id, classify: adapter.classifyFailure })),
    ),
  )("$adapter: HTTP $status → $kind, retry $retry", ({ status, kind, retry, classify }) => {
    expect(classify(status, null)).toEqual({ kind, retry });
    expect(classify(status, { unexpected: [1, 2, 3] })).toEqual({ kind, retry });
  });
});

describe("OpenRouter: routers, variants, moving aliases, retirement, per-unit and long-context prices", () => {
  const entry = (raw: Record<string, unknown>) => openRouterAdapter.translateModel({ id: "vendor/model", ...raw });
  const text = { input_modalities: ["text"], output_modalities: ["text"] };

  it.each([
    {
      name: "price -1",
      raw: {
        id: "openrouter/fusion",
        pricing: { prompt: "-1", completion: "-1" },
        architecture: { ...text, tokenizer: "Other" },
      },
    },
    {
      name: "tokenizer Router at price 0 (openrouter/free)",
      raw: {
        id: "openrouter/free",
        pricing: { prompt: "0", completion: "0" },
        architecture: { ...text, tokenizer: "Router" },
      },
    },
    { name: "price -1 as a number", raw: { id: "x/router", pricing: { prompt: -1, completion: -1 } } },
  ])("a router: $name", ({ raw }) => {
    expect(entry(raw)).toMatchObject({ kind: "router", routing: "by_name", pricing: null, freeTier: false });
  });

  it("a ~ id carries tokenizer Router but is a priced chat model, a moving alias pointing at alias_target.slug", () => {
    const m = entry({
      id: "~moonshotai/kimi-latest",
      alias_target: { name: "MoonshotAI: Kimi K3", slug: "moonshotai/kimi-k3" },
      pricing: { prompt: "0.0000029", completion: "0.000014" },
      architecture: { ...text, tokenizer: "Router" },
    });
    expect(m).toMatchObject({
      kind: "chat",
      movingAlias: true,
      aliasOf: "moonshotai/kimi-k3",
      pricing: { input: 2.9, output: 14 },
    });
    expect(m.routing).toBeUndefined();
  });

  it.each([
    { name: "no alias_target (the May 2026 answers)", raw: {} },
    { name: "a slug that is no usable id", raw: { alias_target: { slug: "has space" } } },
    { name: "a slug that is not a string", raw: { alias_target: { slug: 7 } } },
    { name: "alias_target not an object", raw: { alias_target: "moonshotai/kimi-k3" } },
  ])("a ~ id with $name has no aliasOf", ({ raw }) => {
    const m = entry({ id: "~vendor/x-latest", ...raw });
    expect(m.movingAlias).toBe(true);
    expect(m.aliasOf).toBeUndefined();
  });

  it.each([
    { id: "vendor/model:free", variant: { of: "vendor/model", tag: "free" }, routing: undefined, free: true },
    { id: "vendor/model:batch", variant: { of: "vendor/model", tag: "batch" }, routing: "by_name", free: false },
    {
      id: "anthropic/claude-3.7-sonnet:thinking",
      variant: { of: "anthropic/claude-3.7-sonnet", tag: "thinking" },
      routing: undefined,
      free: false,
    },
    { id: "vendor/model:exacto", variant: { of: "vendor/model", tag: "exacto" }, routing: undefined, free: false },
    { id: "vendor/model:Weird_Tag", variant: undefined, routing: undefined, free: false },
    { id: "vendor/model", variant: undefined, routing: undefined, free: false },
  ])("variant of $id", ({ id, variant, routing, free }) => {
    const m = entry({
      id,
      pricing: id.endsWith(":free") ? { prompt: "0", completion: "0" } : { prompt: "0.000001", completion: "0.000002" },
      architecture: text,
    });
    expect(m.variant).toEqual(variant);
    expect(m.routing).toBe(routing);
    expect(m.freeTier).toBe(free);
  });

  it.each([
    { name: "a date", value: "2026-08-10", expected: "2026-08-10" },
    { name: "null", value: null, expected: undefined },
    { name: "a time, not a date", value: "2026-08-10T00:00:00Z", expected: undefined },
    { name: "not a day", value: "2026-13-45", expected: undefined },
  ])("expiration_date: $name", ({ value, expected }) => {
    expect(entry({ expiration_date: value }).retiresAt).toBe(expected);
  });

  it.each([
    {
      name: "a per-request charge",
      pricing: { prompt: "0", completion: "0", request: "0.04" },
      expected: { input: 0, output: 0, perRequest: 0.04 },
      free: false,
    },
    {
      name: "a per-image charge",
      pricing: { prompt: "0.000001", completion: "0.000002", image: "0.001" },
      expected: { input: 1, output: 2, perImage: 0.001 },
      free: false,
    },
    {
      name: "zero per-unit charges are none",
      pricing: { prompt: "0", completion: "0", request: "0", image: "0" },
      expected: { input: 0, output: 0 },
      free: true,
    },
    {
      name: "long-context overrides, sorted, missing prices from the base",
      pricing: {
        prompt: "0.00000003",
        completion: "0.00000013",
        overrides: [
          { min_prompt_tokens: 256000, prompt: "0.0000002", completion: "0.0000008", input_cache_read: "0.00000004" },
          { min_prompt_tokens: 32000, prompt: "0.0000001" },
          { min_prompt_tokens: 64000, web_search: "0.02" },
          { utc_days: ["saturday"], prompt: "0.01" },
          "garbage",
        ],
      },
      expected: {
        input: 0.03,
        output: 0.13,
        tiers: [
          { aboveInputTokens: 32000, input: 0.1, output: 0.13 },
          { aboveInputTokens: 256000, input: 0.2, output: 0.8, cachedInput: 0.04 },
        ],
      },
      free: false,
    },
  ])("pricing: $name", ({ pricing, expected, free }) => {
    const m = entry({ pricing, architecture: text });
    expect(m.pricing).toStrictEqual(expected);
    expect(m.freeTier).toBe(free);
  });

  it("a music model priced 0/0 per token has no price and is not free (it is charged per clip)", () => {
    const m = entry({
      id: "google/lyria-3-clip-preview",
      pricing: { prompt: "0", completion: "0" },
      architecture: { input_modalities: ["text", "image"], output_modalities: ["text", "audio"], tokenizer: "Other" },
    });
    expect(m).toMatchObject({ kind: "audio", pricing: null, freeTier: false });
  });

  it("an image model keeps its real token prices, and is not free", () => {
    const m = entry({
      pricing: { prompt: "0.0000005", completion: "0.000003", image_output: "0.00006" },
      architecture: { input_modalities: ["text", "image"], output_modalities: ["image", "text"] },
    });
    expect(m).toMatchObject({ kind: "image", pricing: { input: 0.5, output: 3 }, freeTier: false });
  });
});
