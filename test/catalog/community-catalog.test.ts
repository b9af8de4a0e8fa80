// The community catalog parsers: models.dev and LiteLLM → overlay entries holding only the facts each file states,
// units converted, ids mapped to our providers, and a malformed file named down to the field.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  detectCatalogFormat,
  LITELLM_SOURCE,
  MODELS_DEV_SOURCE,
  parseCommunityCatalog,
  parseLiteLLMCatalog,
  parseModelsDevCatalog,
  type OverlayCatalog,
  type OverlayEntry,
} from "../../src/catalog/community-catalog.js";
import { layerFacts } from "../../src/core/facts.js";
import { ConfigError, ExitCode } from "../../src/core/errors.js";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "catalogs");
const fixture = (name: string): any => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));
const MODELS_DEV = "models-dev-api.json";
const LITELLM = "litellm-model-prices.json";
const AS_OF = "2026-02-01";

function found(catalog: OverlayCatalog, provider: string, id: string): OverlayEntry {
  const hit = catalog.get(provider)?.find((e) => e.id === id);
  if (!hit)
    throw new Error(
      `no ${provider} ${id} in [${[...catalog].map(([p, es]) => `${p}: ${es.map((e) => e.id).join(" ")}`).join("; ")}]`,
    );
  return hit;
}

/** The facts the file states, with capabilities grouped as the snapshot groups them, for compact expectations. */
function entry(catalog: OverlayCatalog, provider: string, id: string) {
  const { vision, tools, reasoning, json, streaming, ...rest } = found(catalog, provider, id).facts;
  const capabilities = Object.fromEntries(
    Object.entries({ vision, tools, reasoning, json, streaming }).filter(([, v]) => v !== undefined),
  );
  return { ...rest, ...(Object.keys(capabilities).length > 0 ? { capabilities } : {}) };
}

const ids = (catalog: OverlayCatalog, provider: string) => (catalog.get(provider) ?? []).map((e) => e.id).sort();

describe("models.dev api.json", () => {
  const catalog = parseModelsDevCatalog(fixture(MODELS_DEV), { file: MODELS_DEV, asOf: AS_OF });

  it("maps moonshotai → kimi, zai and zhipuai → glm, openrouter → openrouter, and nothing else", () => {
    expect([...catalog.keys()]).toEqual(["glm", "kimi", "openrouter"]);
    expect(ids(catalog, "kimi")).toEqual(["kimi-k2-0905-preview", "kimi-k2-thinking", "kimi-vl-preview"]);
    expect(ids(catalog, "glm")).toEqual(["glm-4.7", "glm-4.7-flash"]);
    expect(ids(catalog, "openrouter")).toEqual(["z-ai/glm-4.6"]);
  });

  it("keeps prices per million tokens as they are, and exactly the facts it states (no tier, no streaming)", () => {
    // It gives this model no status: none is stated (the layers beneath decide).
    expect(entry(catalog, "kimi", "kimi-k2-thinking")).toEqual({
      name: "Kimi K2 Thinking",
      kind: "chat",
      contextWindow: 262144,
      maxOutput: 262144,
      capabilities: { vision: false, tools: true, reasoning: true, json: true },
      pricing: {
        currency: "USD",
        unit: "per_million_tokens",
        input: 0.6,
        output: 2.5,
        cachedInput: 0.15,
        source: MODELS_DEV_SOURCE,
        asOf: "2025-11-06",
      },
    });
  });

  it("reads beta as preview, image input as vision; an output limit of 0 and a missing cost state nothing", () => {
    const facts = entry(catalog, "kimi", "kimi-vl-preview");
    expect(facts).toMatchObject({
      status: "preview",
      capabilities: { vision: true, tools: false },
      contextWindow: 131072,
    });
    expect(facts).not.toHaveProperty("maxOutput");
    expect(facts).not.toHaveProperty("pricing");
  });

  it("a fact the file leaves out is filled by the layers beneath it, fact by fact", () => {
    const { facts, sources } = layerFacts("kimi-vl-preview", [
      { source: "catalog", facts: { tier: "flagship", maxOutput: 4096, streaming: false } },
      { source: "overlay:models.dev", facts: found(catalog, "kimi", "kimi-vl-preview").facts },
    ]);
    expect(facts).toMatchObject({
      tier: "flagship",
      maxOutput: 4096,
      streaming: false,
      contextWindow: 131072,
      status: "preview",
    });
    expect(sources).toMatchObject({ tier: "catalog", maxOutput: "catalog", contextWindow: "overlay:models.dev" });
  });

  it("prefers the first provider key of the mapping (zai over zhipuai) and ignores regional keys (moonshotai-cn)", () => {
    expect(entry(catalog, "glm", "glm-4.7")).toMatchObject({
      name: "GLM-4.7",
      pricing: { input: 0.6, output: 2.2 },
      contextWindow: 204800,
    });
    // Only zhipuai has it, so zhipuai's entry is used; its last_updated is not a whole date, so the price stays undated.
    expect(entry(catalog, "glm", "glm-4.7-flash")).toMatchObject({ pricing: { input: 0, output: 0 } });
    expect(entry(catalog, "glm", "glm-4.7-flash").pricing).not.toHaveProperty("asOf");
    expect(entry(catalog, "kimi", "kimi-k2-thinking").name).toBe("Kimi K2 Thinking");
  });

  it("gives a provider from a user's definition file the catalog's provider of the same id", () => {
    const json = {
      deepseek: {
        models: {
          "deepseek-chat": {
            name: "DeepSeek V3",
            tool_call: true,
            cost: { input: 0.28, output: 0.42 },
            limit: { context: 131072, output: 8192 },
          },
        },
      },
    };
    const own = parseModelsDevCatalog(json, { file: "api.json", asOf: AS_OF, providers: ["deepseek", "kimi"] });
    expect(entry(own, "deepseek", "deepseek-chat")).toMatchObject({
      name: "DeepSeek V3",
      contextWindow: 131072,
      pricing: { input: 0.28, output: 0.42 },
    });
  });
});

describe("LiteLLM model_prices_and_context_window.json", () => {
  const catalog = parseLiteLLMCatalog(fixture(LITELLM), { file: LITELLM, asOf: AS_OF });

  it("maps litellm_provider moonshot → kimi, zai → glm, openrouter → openrouter, dropping the provider/ prefix", () => {
    expect([...catalog.keys()]).toEqual(["glm", "kimi", "openrouter", "together"]);
    expect(ids(catalog, "kimi")).toEqual(["kimi-k2-0905-preview", "kimi-k2-thinking", "moonshot-v1-8k-old"]);
    expect(ids(catalog, "glm")).toEqual(["embedding-3", "glm-4.7"]);
    expect(ids(catalog, "openrouter")).toEqual(["openai/gpt-4o-mini", "z-ai/glm-4.6"]);
  });

  it("converts USD per token to USD per million tokens exactly, and leaves the prices undated as the file does", () => {
    expect(entry(catalog, "kimi", "kimi-k2-thinking").pricing).toEqual({
      currency: "USD",
      unit: "per_million_tokens",
      input: 0.6,
      output: 2.5,
      cachedInput: 0.15,
      source: LITELLM_SOURCE,
    });
    expect(entry(catalog, "glm", "glm-4.7").pricing).toMatchObject({ input: 0.6, output: 2.2, cachedInput: 0.11 });
    expect(entry(catalog, "openrouter", "z-ai/glm-4.6").pricing).toMatchObject({ input: 0.4, output: 1.75 });
    expect(entry(catalog, "glm", "embedding-3").pricing).toMatchObject({ input: 0.07, output: 0 });
  });

  it("reads limits, capabilities, mode and a past deprecation date", () => {
    const k2 = entry(catalog, "kimi", "kimi-k2-thinking");
    expect(k2).toMatchObject({
      kind: "chat",
      contextWindow: 262144,
      maxOutput: 262144,
      capabilities: { tools: true, reasoning: true },
    });
    // Support flags the entry leaves out are not stated as false.
    expect(k2.capabilities).not.toHaveProperty("vision");
    // LiteLLM names no model and dates no retirement here: it states neither a name nor a status.
    expect(k2).not.toHaveProperty("name");
    expect(k2).not.toHaveProperty("status");
    expect(entry(catalog, "openrouter", "openai/gpt-4o-mini").capabilities).toMatchObject({
      vision: true,
      tools: true,
      json: true,
    });
    expect(entry(catalog, "glm", "embedding-3")).toMatchObject({ kind: "embedding" });
    expect(entry(catalog, "glm", "embedding-3")).not.toHaveProperty("maxOutput");
    // A deprecation date is the model's retirement date, past or not; the merge decides what it means on the run's day.
    expect(entry(catalog, "kimi", "moonshot-v1-8k-old")).toMatchObject({ retiresAt: "2025-01-01" });
    expect(entry(catalog, "kimi", "moonshot-v1-8k-old")).not.toHaveProperty("status");
  });

  it("skips sample_spec and every provider of no concern, however odd their fields", () => {
    const all = [...catalog.values()].flat().map((e) => e.id);
    expect(all).not.toContain("sample_spec");
    expect(all).not.toContain("command-r-x");
    // Together's copy of Kimi K2 is Together's model (together_ai → together), never Moonshot's.
    expect(ids(catalog, "kimi").some((id) => id.includes("Kimi-K2-Instruct"))).toBe(false);
    expect(ids(catalog, "together")).toEqual(["moonshotai/Kimi-K2-Instruct"]);
  });

  it("uses the first of the mapped names where two name one model (zai before zhipuai), whatever the file order", () => {
    const json = {
      "zhipuai/glm-4.7": { litellm_provider: "zhipuai", input_cost_per_token: 1e-6, output_cost_per_token: 1e-6 },
      "zai/glm-4.7": { litellm_provider: "zai", input_cost_per_token: 6e-7, output_cost_per_token: 2.2e-6 },
    };
    expect(entry(parseLiteLLMCatalog(json, { file: "x.json", asOf: AS_OF }), "glm", "glm-4.7").pricing).toMatchObject({
      input: 0.6,
    });
  });
});

describe("both formats", () => {
  it.each([
    [MODELS_DEV, "models.dev"],
    [LITELLM, "litellm"],
  ])("%s is told apart by its shape (%s)", (file, format) => {
    expect(detectCatalogFormat(fixture(file))).toBe(format);
    expect(parseCommunityCatalog(fixture(file), { file, asOf: AS_OF }).name).toBe(format);
  });

  it.each([MODELS_DEV, LITELLM])("every entry read from %s states at least one fact, and nothing undefined", (file) => {
    const { catalog } = parseCommunityCatalog(fixture(file), { file, asOf: AS_OF });
    expect(catalog.size).toBeGreaterThan(0);
    for (const entries of catalog.values()) {
      for (const e of entries) {
        expect(Object.keys(e.facts).length, e.id).toBeGreaterThan(0);
        expect(Object.values(e.facts)).not.toContain(undefined);
      }
    }
  });

  it.each([
    ["an array", [1, 2]],
    ["a snapshot", { schemaVersion: "1.0.0", models: [] }],
    ["an empty object", {}],
  ])("a file that is neither (%s) is a configuration error naming the file", (_what, json) => {
    const error = catchError(() => parseCommunityCatalog(json, { file: "catalogs/mystery.json", asOf: AS_OF }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toMatch(/^catalogs\/mystery\.json: not a community catalog/);
    expect(error.message).toMatch(/models\.dev.*LiteLLM/);
  });

  it("asOf must be a date", () => {
    expect(() => parseModelsDevCatalog({}, { file: "x", asOf: "yesterday" })).toThrow(/asOf/);
  });
});

type Damage = readonly [what: string, file: string, mutate: (json: any) => void, field: string, says: RegExp];

const DAMAGE: readonly Damage[] = [
  ["a provider that is not an object", MODELS_DEV, (j) => (j.zai = "gone"), "/zai", /must be an object/],
  [
    "models that are a list",
    MODELS_DEV,
    (j) => (j.moonshotai.models = []),
    "/moonshotai/models",
    /must be an object of models by id, not an array/,
  ],
  [
    "a model that is a string",
    MODELS_DEV,
    (j) => (j.moonshotai.models["kimi-k2-thinking"] = "k2"),
    "/moonshotai/models/kimi-k2-thinking",
    /must be an object/,
  ],
  [
    "a price written as text",
    MODELS_DEV,
    (j) => (j.moonshotai.models["kimi-k2-thinking"].cost.input = "0.60"),
    "/moonshotai/models/kimi-k2-thinking/cost/input",
    /USD per million tokens/,
  ],
  [
    "a negative price",
    MODELS_DEV,
    (j) => (j.zai.models["glm-4.7"].cost.output = -2.2),
    "/zai/models/glm-4.7/cost/output",
    /at least 0/,
  ],
  [
    "a fractional context window",
    MODELS_DEV,
    (j) => (j.zai.models["glm-4.7"].limit.context = 204.8),
    "/zai/models/glm-4.7/limit/context",
    /whole number of tokens/,
  ],
  [
    "a capability that is not a boolean",
    MODELS_DEV,
    (j) => (j.openrouter.models["z-ai/glm-4.6"].tool_call = "yes"),
    "/openrouter/models/z-ai~1glm-4.6/tool_call",
    /true or false/,
  ],
  [
    "modalities that are not a list",
    MODELS_DEV,
    (j) => (j.moonshotai.models["kimi-vl-preview"].modalities.input = "text,image"),
    "/moonshotai/models/kimi-vl-preview/modalities/input",
    /list of strings/,
  ],
  [
    "a per-token price written as text",
    LITELLM,
    (j) => (j["moonshot/kimi-k2-thinking"].input_cost_per_token = "6e-07"),
    "/moonshot~1kimi-k2-thinking/input_cost_per_token",
    /USD per token/,
  ],
  [
    "a negative per-token price",
    LITELLM,
    (j) => (j["zai/glm-4.7"].output_cost_per_token = -1),
    "/zai~1glm-4.7/output_cost_per_token",
    /at least 0/,
  ],
  [
    "a token limit written as text",
    LITELLM,
    (j) => (j["openrouter/z-ai/glm-4.6"].max_input_tokens = "200k"),
    "/openrouter~1z-ai~1glm-4.6/max_input_tokens",
    /whole number of tokens/,
  ],
  [
    "a support flag written as text",
    LITELLM,
    (j) => (j["openrouter/openai/gpt-4o-mini"].supports_vision = "true"),
    "/openrouter~1openai~1gpt-4o-mini/supports_vision",
    /true or false/,
  ],
  [
    "a deprecation date that is not a date",
    LITELLM,
    (j) => (j["moonshot/moonshot-v1-8k-old"].deprecation_date = "soon"),
    "/moonshot~1moonshot-v1-8k-old/deprecation_date",
    /YYYY-MM-DD/,
  ],
];

describe("a malformed file", () => {
  it.each(DAMAGE)("%s: ConfigError (exit 2) naming the file and the field", (_what, file, mutate, field, says) => {
    const json = fixture(file);
    mutate(json);
    const error = catchError(() => parseCommunityCatalog(json, { file: `catalogs/${file}`, asOf: AS_OF }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect((error as ConfigError).at).toEqual({ file: `catalogs/${file}`, field });
    expect(error.message).toContain(`catalogs/${file}: `);
    expect(error.message).toContain(`: ${field}: `);
    expect(error.message).toMatch(says);
  });
});

function catchError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error("expected an error");
}

describe("every built-in provider beyond the first four has its community names mapped", () => {
  // One model per provider, under the key each catalog files it by (models.dev provider key; LiteLLM
  // litellm_provider with its "<provider>/" prefix), as both catalogs spell them.
  const CASES = [
    { provider: "openai", modelsDev: "openai", litellm: "openai", id: "gpt-5.4-mini" },
    { provider: "anthropic", modelsDev: "anthropic", litellm: "anthropic", id: "claude-haiku-4-5-20251001" },
    { provider: "gemini", modelsDev: "google", litellm: "gemini", id: "gemini-2.5-flash" },
    { provider: "mistral", modelsDev: "mistral", litellm: "mistral", id: "mistral-small-latest" },
    { provider: "deepseek", modelsDev: "deepseek", litellm: "deepseek", id: "deepseek-chat" },
    { provider: "groq", modelsDev: "groq", litellm: "groq", id: "llama-3.1-8b-instant" },
    { provider: "xai", modelsDev: "xai", litellm: "xai", id: "grok-3-mini" },
    {
      provider: "together",
      modelsDev: "togetherai",
      litellm: "together_ai",
      id: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
    },
    {
      provider: "fireworks",
      modelsDev: "fireworks-ai",
      litellm: "fireworks_ai",
      id: "accounts/fireworks/models/deepseek-v3p1",
    },
  ];

  it.each(CASES)("$provider ← models.dev $modelsDev", ({ provider, modelsDev, id }) => {
    const json = {
      [modelsDev]: {
        id: modelsDev,
        models: { [id]: { name: "M", cost: { input: 1, output: 2 }, limit: { context: 1000, output: 100 } } },
      },
    };
    const catalog = parseModelsDevCatalog(json, { file: "api.json", asOf: AS_OF });
    expect(ids(catalog, provider)).toEqual([id]);
    expect(entry(catalog, provider, id)).toMatchObject({ contextWindow: 1000, pricing: { input: 1, output: 2 } });
  });

  it.each(CASES)("$provider ← LiteLLM $litellm", ({ provider, litellm, id }) => {
    const json = {
      [`${litellm}/${id}`]: {
        litellm_provider: litellm,
        mode: "chat",
        input_cost_per_token: 1e-6,
        output_cost_per_token: 2e-6,
        max_input_tokens: 1000,
      },
    };
    const catalog = parseLiteLLMCatalog(json, { file: "prices.json", asOf: AS_OF });
    expect(ids(catalog, provider)).toEqual([id]);
    expect(entry(catalog, provider, id)).toMatchObject({
      kind: "chat",
      contextWindow: 1000,
      pricing: { input: 1, output: 2 },
    });
  });

  it("local servers take no hosted provider's facts from models.dev, and Ollama's names from LiteLLM", () => {
    const devCatalog = parseModelsDevCatalog(
      { ollama: { models: { "llama3.2": { name: "x" } } }, lmstudio: { models: { "qwen3-8b": { name: "y" } } } },
      { file: "api.json", asOf: AS_OF },
    );
    expect([...devCatalog.keys()]).toEqual([]);
    const lite = parseLiteLLMCatalog(
      { "ollama/llama3.1": { litellm_provider: "ollama", mode: "chat", max_input_tokens: 8192 } },
      { file: "prices.json", asOf: AS_OF },
    );
    expect(ids(lite, "ollama")).toEqual(["llama3.1"]);
  });
});
