// The recorded (or, where none exists, documented) answers of the providers with a native API of their own, through their
// adapters: test/fixtures/providers/SOURCES.md says where each answer comes from.
import { describe, expect, it } from "vitest";
import { ResponseShapeError, type ProbedModel, type ProviderAdapter } from "../../src/providers/adapter.js";
import { adapters } from "../../src/providers/adapters/index.js";
import { allBuiltinDefinitions, readJson } from "../support/inputs.js";

const fixture = (name: string) => readJson(`test/fixtures/providers/${name}`);
const listOf = (adapter: ProviderAdapter, body: unknown): ProbedModel[] =>
  adapter.parseModels(body).map((raw) => adapter.translateModel(raw));
const byId = (models: readonly ProbedModel[]) => Object.fromEntries(models.map((m) => [m.id, m]));
const adapter = (name: string) => adapters[name] as ProviderAdapter;

describe("recorded answers → models", () => {
  it("OpenAI (openai-compatible): ids only; non-chat kinds only as hints beneath the catalogs", () => {
    const models = byId(listOf(adapter("openai-compatible"), fixture("openai-models.json")));
    expect(Object.keys(models)).toHaveLength(10);
    expect(models["gpt-4"]).toEqual({ id: "gpt-4" });
    expect(models["whisper-1"]).toEqual({ id: "whisper-1", kindHint: "audio" });
    expect(models["text-similarity-ada-001"]).toEqual({ id: "text-similarity-ada-001", kindHint: "embedding" });
    expect(models["babbage"]).toEqual({ id: "babbage", kindHint: "other" });
    // A hint is never a stated kind: the catalogs decide where they know the model.
    expect(Object.values(models).every((m) => m.kind === undefined)).toBe(true);
  });

  it("Anthropic: display names, every model chat; newer fields (limits, thinking) read when present", () => {
    const models = listOf(adapter("anthropic"), fixture("anthropic-models.json"));
    expect(models[0]).toEqual({ id: "claude-opus-4-6", name: "Claude Opus 4.6", kind: "chat" });
    const newer = adapter("anthropic").translateModel({
      type: "model",
      id: "claude-x",
      display_name: "Claude X",
      max_input_tokens: 1000000,
      max_tokens: 128000,
      capabilities: { thinking: { supported: true }, image_input: { supported: true } },
    });
    expect(newer).toEqual({
      id: "claude-x",
      name: "Claude X",
      kind: "chat",
      contextWindow: 1000000,
      maxOutput: 128000,
      capabilities: { reasoning: true, vision: true },
    });
  });

  it("Gemini: models/ stripped, generateContent is chat, embedContent is an embedding, limits and thinking", () => {
    const models = byId(listOf(adapter("gemini"), fixture("gemini-models.json")));
    expect(Object.keys(models)).toEqual([
      "gemini-2.5-flash",
      "gemini-2.5-pro",
      "gemini-2.0-flash",
      "gemini-2.0-flash-001",
      "gemini-2.0-flash-lite-001",
      "gemini-2.0-flash-lite",
      "gemini-2.5-flash-lite",
      "embedding-001",
      "text-embedding-004",
    ]);
    expect(models["gemini-2.5-pro"]).toEqual({
      id: "gemini-2.5-pro",
      name: "Gemini 2.5 Pro",
      kind: "chat",
      contextWindow: 1048576,
      maxOutput: 65536,
      capabilities: { reasoning: true },
    });
    expect(models["gemini-2.0-flash"]).toEqual({
      id: "gemini-2.0-flash",
      name: "Gemini 2.0 Flash",
      kind: "chat",
      contextWindow: 1048576,
      maxOutput: 8192,
    });
    // generateContent also serves speech and image models: their ids say so, as a hint beneath the catalogs.
    const gemini = adapter("gemini");
    expect(
      gemini.translateModel({
        name: "models/gemini-2.5-flash-preview-tts",
        supportedGenerationMethods: ["countTokens", "generateContent"],
        outputTokenLimit: 16384,
      }),
    ).toEqual({
      id: "gemini-2.5-flash-preview-tts",
      kindHint: "audio",
      maxOutput: 16384,
    });
    expect(
      gemini.translateModel({ name: "models/gemini-2.5-flash-image", supportedGenerationMethods: ["generateContent"] }),
    ).toMatchObject({ kindHint: "image" });
    expect(
      gemini.translateModel({
        name: "models/gemini-2.5-flash-native-audio-latest",
        supportedGenerationMethods: ["bidiGenerateContent"],
      }),
    ).toMatchObject({ kind: "other" });
    // An embedding's outputTokenLimit of 1 is no output cap worth stating.
    expect(models["text-embedding-004"]).toEqual({
      id: "text-embedding-004",
      name: "Text Embedding 004",
      kind: "embedding",
      contextWindow: 2048,
    });
  });

  it("Mistral: each alias group once, under its version id; capabilities, context, aliases, deprecation", () => {
    const models = byId(listOf(adapter("mistral"), fixture("mistral-models.json")));
    expect(Object.keys(models).sort()).toEqual([
      "magistral-medium-latest",
      "mistral-embed",
      "mistral-large-2512",
      "mistral-ocr-2503",
      "mistral-small-2506",
      "open-mistral-7b",
    ]);
    expect(models["mistral-large-2512"]).toEqual({
      id: "mistral-large-2512",
      kind: "chat",
      contextWindow: 262144,
      capabilities: { tools: true, vision: true },
      aliases: ["mistral-large-latest"],
    });
    expect(models["mistral-ocr-2503"]).toMatchObject({ kind: "other", aliases: ["mistral-ocr-latest"] });
    expect(models["mistral-embed"]).toMatchObject({ kind: "embedding" });
    expect(models["open-mistral-7b"]).toMatchObject({ status: "deprecated", aliases: ["mistral-tiny"] });
  });

  it("Groq: context_window and max_completion_tokens; inactive models are not listed", () => {
    const models = byId(listOf(adapter("groq"), fixture("groq-models.json")));
    expect(Object.keys(models)).not.toContain("gemma2-9b-it");
    expect(models["llama-3.3-70b-versatile"]).toEqual({
      id: "llama-3.3-70b-versatile",
      contextWindow: 131072,
      maxOutput: 32768,
    });
    expect(models["whisper-large-v3-turbo"]).toMatchObject({ kindHint: "audio" });
  });

  it("Together: a bare array; type, context_length, per-million prices (0/0 is no price)", () => {
    const models = byId(listOf(adapter("together"), fixture("together-models.json")));
    expect(models["meta-llama/Llama-3.3-70B-Instruct-Turbo"]).toEqual({
      id: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
      name: "Meta Llama 3.3 70B Instruct Turbo",
      kind: "chat",
      contextWindow: 131072,
      pricing: { input: 0.88, output: 0.88 },
    });
    expect(models["BAAI/bge-large-en-v1.5"]).toMatchObject({ kind: "embedding" });
    expect(models["black-forest-labs/FLUX.1-schnell"]).toMatchObject({ kind: "image" });
    expect(models["black-forest-labs/FLUX.1-schnell"]).not.toHaveProperty("contextWindow");
    expect(models["meta-llama/Llama-3-70b-chat-hf"]).not.toHaveProperty("pricing");
  });

  it("Fireworks: supports_chat, supports_image_input, supports_tools, context_length", () => {
    const models = byId(listOf(adapter("fireworks"), fixture("fireworks-models.json")));
    expect(models["accounts/fireworks/models/qwen2p5-vl-32b-instruct"]).toEqual({
      id: "accounts/fireworks/models/qwen2p5-vl-32b-instruct",
      kind: "chat",
      contextWindow: 128000,
      capabilities: { vision: true, tools: false },
    });
    expect(models["accounts/fireworks/models/nomic-embed-text-v1p5"]).toMatchObject({ kind: "embedding" });
  });

  it("Ollama: /api/tags names; /api/show adds the context length and capabilities", () => {
    const ollama = adapter("ollama");
    const models = listOf(ollama, fixture("ollama-tags.json"));
    expect(models.map((m) => m.id)).toEqual(["llama3:latest", "mistral:latest", "phi3:mini"]);
    const raw = ollama.parseModels(fixture("ollama-tags.json"))[0];
    expect(ollama.details!.body(raw)).toEqual({ model: "llama3:latest", name: "llama3:latest" });
    expect(ollama.details!.apply({ id: "gpt-oss:120b" }, fixture("ollama-show.json"))).toEqual({
      id: "gpt-oss:120b",
      contextWindow: 131072,
      kind: "other",
      capabilities: { vision: false, tools: false, reasoning: true },
    });
    expect(
      ollama.details!.apply(
        { id: "x" },
        {
          capabilities: ["completion", "tools", "vision"],
          model_info: { "general.architecture": "llama", "llama.context_length": 8192 },
        },
      ),
    ).toEqual({
      id: "x",
      contextWindow: 8192,
      kind: "chat",
      capabilities: { vision: true, tools: true, reasoning: false },
    });
    // An older server's /api/show without capabilities or model_info adds nothing.
    expect(ollama.details!.apply({ id: "x" }, { modelfile: "FROM x" })).toEqual({ id: "x" });
    expect(listOf(ollama, { models: null })).toEqual([]);
  });

  it("LM Studio: type llm / vlm / embeddings and max_context_length; the /v1/models fallback gives ids", () => {
    const models = byId(listOf(adapter("lmstudio"), fixture("lmstudio-models.json")));
    expect(models["qwen2-vl-7b-instruct"]).toEqual({
      id: "qwen2-vl-7b-instruct",
      kind: "chat",
      contextWindow: 32768,
      capabilities: { vision: true },
    });
    expect(models["meta-llama-3.1-8b-instruct"]).toEqual({
      id: "meta-llama-3.1-8b-instruct",
      kind: "chat",
      contextWindow: 131072,
      capabilities: { vision: false },
    });
    expect(models["text-embedding-nomic-embed-text-v1.5"]).toMatchObject({ kind: "embedding", contextWindow: 2048 });
    expect(
      listOf(adapter("lmstudio"), {
        object: "list",
        data: [{ id: "qwen3-8b", object: "model", owned_by: "organization_owner" }],
      }),
    ).toEqual([{ id: "qwen3-8b" }]);
  });

  it("DeepSeek and xAI: the OpenAI shape", () => {
    expect(listOf(adapter("openai-compatible"), fixture("deepseek-models.json")).map((m) => m.id)).toEqual([
      "deepseek-chat",
      "deepseek-reasoner",
    ]);
    expect(byId(listOf(adapter("openai-compatible"), fixture("xai-models.json")))["grok-2-image-1212"]).toMatchObject({
      kindHint: "image",
    });
  });
});

describe("pagination cursors", () => {
  const anthropic = adapter("anthropic").pagination!;
  const gemini = adapter("gemini").pagination!;
  it.each([
    {
      name: "Anthropic, more to come",
      pagination: anthropic,
      body: { data: [], has_more: true, last_id: "claude-b" },
      cursor: "claude-b",
    },
    {
      name: "Anthropic, the last page",
      pagination: anthropic,
      body: { data: [], has_more: false, last_id: "claude-b" },
      cursor: undefined,
    },
    {
      name: "Gemini, more to come",
      pagination: gemini,
      body: { models: [], nextPageToken: "tok/+=" },
      cursor: "tok/+=",
    },
    { name: "Gemini, the last page", pagination: gemini, body: { models: [] }, cursor: undefined },
    { name: "Gemini, an empty token", pagination: gemini, body: { models: [], nextPageToken: "" }, cursor: undefined },
  ])("$name", ({ pagination, body, cursor }) => {
    expect(pagination.nextCursor(body)).toBe(cursor);
  });

  it("Anthropic: has_more without a last_id cannot be walked", () => {
    expect(() => anthropic.nextCursor({ data: [], has_more: true })).toThrow(ResponseShapeError);
  });

  it("the page size rides on every page", () => {
    expect(anthropic).toMatchObject({ query: { limit: "1000" }, cursorParam: "after_id" });
    expect(gemini).toMatchObject({ query: { pageSize: "1000" }, cursorParam: "pageToken" });
  });
});

describe("error bodies and failure classes", () => {
  it.each([
    {
      name: "Anthropic's {type: error}",
      adapter: "anthropic",
      body: { type: "error", error: { type: "authentication_error", message: "invalid x-api-key" } },
      kind: "error_body",
    },
    {
      name: "Gemini's error with a status code",
      adapter: "gemini",
      body: { error: { code: 403, message: "denied", status: "PERMISSION_DENIED" } },
      kind: "error_body",
      bodyStatus: 403,
    },
    {
      name: "Together's object where an array should be",
      adapter: "together",
      body: { data: [] },
      kind: "invalid_response",
    },
    {
      name: "Together's error object",
      adapter: "together",
      body: { error: { message: "invalid api key", type: "invalid_request_error", code: "invalid_api_key" } },
      kind: "error_body",
    },
    { name: "Ollama's {error: text}", adapter: "ollama", body: { error: "something went wrong" }, kind: "error_body" },
    { name: "Gemini's data where models should be", adapter: "gemini", body: { data: [] }, kind: "invalid_response" },
  ])("$name", ({ adapter: name, body, kind, bodyStatus }) => {
    let error: unknown;
    try {
      adapter(name).parseModels(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as ResponseShapeError).kind).toBe(kind);
    if (bodyStatus !== undefined) expect((error as ResponseShapeError).bodyStatus).toBe(bodyStatus);
    // Free text of the body never reaches the message.
    expect((error as Error).message).not.toMatch(/invalid x-api-key|something went wrong|denied/);
  });

  it.each([
    {
      name: "OpenAI insufficient_quota 429: not retried",
      adapter: "openai-compatible",
      status: 429,
      body: { error: { type: "insufficient_quota", code: "insufficient_quota" } },
      want: { kind: "quota_exhausted", retry: false },
    },
    {
      name: "OpenAI rate_limit_exceeded 429: retried",
      adapter: "openai-compatible",
      status: 429,
      body: { error: { type: "requests", code: "rate_limit_exceeded" } },
      want: { kind: "rate_limited", retry: true },
    },
    {
      name: "Anthropic 529 overloaded: retried",
      adapter: "anthropic",
      status: 529,
      body: { type: "error", error: { type: "overloaded_error" } },
      want: { kind: "server_error", retry: true },
    },
    {
      name: "Gemini per-day quota: not retried",
      adapter: "gemini",
      status: 429,
      body: {
        error: {
          code: 429,
          status: "RESOURCE_EXHAUSTED",
          details: [
            {
              "@type": "type.googleapis.com/google.rpc.QuotaFailure",
              violations: [{ quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier" }],
            },
          ],
        },
      },
      want: { kind: "quota_exhausted", retry: false },
    },
    {
      name: "Gemini per-minute quota: retried",
      adapter: "gemini",
      status: 429,
      body: {
        error: {
          code: 429,
          status: "RESOURCE_EXHAUSTED",
          details: [
            {
              "@type": "type.googleapis.com/google.rpc.QuotaFailure",
              violations: [{ quotaId: "GenerateRequestsPerMinutePerProjectPerModel" }],
            },
          ],
        },
      },
      want: { kind: "rate_limited", retry: true },
    },
    {
      name: "Gemini bad key is a 400 that means unauthorized",
      adapter: "gemini",
      status: 400,
      body: {
        error: {
          code: 400,
          status: "INVALID_ARGUMENT",
          details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID" }],
        },
      },
      want: { kind: "unauthorized", retry: false },
    },
    {
      name: "Groq 498 (flex capacity): not retried",
      adapter: "groq",
      status: 498,
      body: {},
      want: { kind: "bad_request", retry: false },
    },
  ])("$name", ({ adapter: name, status, body, want }) => {
    expect(adapter(name).classifyFailure(status, body)).toEqual(want);
  });
});

describe("every built-in provider", () => {
  it.each(allBuiltinDefinitions().map((d) => ({ provider: d.id, adapter: d.adapter })))(
    "$provider's adapter $adapter exists",
    ({ adapter: name }) => {
      expect(adapters[name]).toBeDefined();
      expect(adapters[name]!.id).toBe(name);
    },
  );
});
