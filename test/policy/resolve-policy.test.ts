// Environment lists → canonical ids in the snapshot's policy, and a diagnostic naming the variable for each problem.
import { describe, expect, it } from "vitest";
import type { Model } from "../../generated/snapshot-types.js";
import type { Env } from "../../src/config/env-values.js";
import { readSettings } from "../../src/config/read-settings.js";
import type { Diagnostic } from "../../src/core/diagnostic.js";
import { resolvePolicy, type ProviderState } from "../../src/policy/resolve-policy.js";
import { builtinDefinitions } from "../support/inputs.js";

const definitions = builtinDefinitions();

function model(
  provider: string,
  id: string,
  options: { aliases?: string[]; kind?: Model["kind"]; availability?: Model["availability"] } = {},
): Model {
  return {
    id,
    provider,
    name: id,
    aliases: options.aliases ?? [],
    kind: options.kind ?? "chat",
    availability: options.availability ?? "listed",
    status: "stable",
    movingAlias: false,
    tier: "standard",
    contextWindow: 131072,
    maxOutput: 8192,
    capabilities: { vision: false, tools: true, reasoning: false, json: true, streaming: true },
    pricing: null,
    freeTier: false,
    sources: {},
  };
}

// kimi, glm and custom were probed; openrouter was not.
const MODELS: Model[] = [
  model("kimi", "kimi-k2-0905-preview", { aliases: ["kimi-k2", "kimi-k2-0905"] }),
  model("kimi", "kimi-k2-turbo-preview", { aliases: ["kimi-k2-turbo"] }),
  model("kimi", "kimi-k2-0711-preview", { aliases: ["kimi-k2-0711"], availability: "not_listed" }),
  model("kimi", "moonshot-v1-8k"),
  model("kimi", "shared-model"),
  model("glm", "glm-4.6"),
  model("glm", "glm-4.5-flash"),
  model("glm", "embedding-3", { kind: "embedding" }),
  model("glm", "shared-model"),
  model("custom", "Qwen/Qwen2.5-7B-Instruct"),
  model("openrouter", "vendor/model-x", { availability: "unverified" }),
];
const STATES: ProviderState[] = [
  { id: "custom" },
  { id: "glm" },
  { id: "kimi" },
  { id: "openrouter", notProbedBecause: "no API key: set OPENROUTER_API_KEY" },
];

function resolve(env: Env, models: readonly Model[] = MODELS, states: readonly ProviderState[] = STATES) {
  const settings = readSettings(env, definitions);
  return resolvePolicy(settings, models, states);
}
const summary = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.level} ${d.code} ${d.variable ?? "-"}${d.model ? ` ${d.model}` : ""}`);

describe("lists resolve to canonical ids", () => {
  it.each([
    {
      name: "canonical ids as written",
      env: { KIMI_PREFERRED_MODELS: "kimi-k2-0905-preview,moonshot-v1-8k" },
      expected: ["kimi-k2-0905-preview", "moonshot-v1-8k"],
    },
    {
      name: "aliases",
      env: { KIMI_PREFERRED_MODELS: "kimi-k2-turbo,kimi-k2" },
      expected: ["kimi-k2-turbo-preview", "kimi-k2-0905-preview"],
    },
    {
      name: "any case",
      env: { KIMI_PREFERRED_MODELS: "KIMI-K2, Moonshot-V1-8K" },
      expected: ["kimi-k2-0905-preview", "moonshot-v1-8k"],
    },
    {
      name: "alias and id of one model count once, first place kept",
      env: { KIMI_PREFERRED_MODELS: "kimi-k2,moonshot-v1-8k,kimi-k2-0905-preview,kimi-k2-0905" },
      expected: ["kimi-k2-0905-preview", "moonshot-v1-8k"],
    },
    { name: "unset", env: {}, expected: [] },
  ])("preferredModels: $name", ({ env, expected }) => {
    const { policy, diagnostics } = resolve(env);
    expect(policy.providers.kimi?.preferredModels).toEqual(expected);
    expect(diagnostics).toEqual([]);
  });

  it("allowedModels resolve the same way; unset is null (everything allowed)", () => {
    const { policy } = resolve({ KIMI_ALLOWED_MODELS: "KIMI-K2,moonshot-v1-8k" });
    expect(policy.providers.kimi?.allowedModels).toEqual(["kimi-k2-0905-preview", "moonshot-v1-8k"]);
    expect(policy.providers.glm?.allowedModels).toBeNull();
  });

  it("the same id is resolved within each provider separately", () => {
    const { policy } = resolve({ KIMI_PREFERRED_MODELS: "shared-model", GLM_PREFERRED_MODELS: "Shared-Model" });
    expect(policy.providers.kimi?.preferredModels).toEqual(["shared-model"]);
    expect(policy.providers.glm?.preferredModels).toEqual(["shared-model"]);
  });

  it.each([
    {
      name: "<P>_PREFERRED_MODELS_FAST_RESPONSE then <P>_SPEED_MODEL",
      env: { KIMI_PREFERRED_MODELS_FAST_RESPONSE: "moonshot-v1-8k", KIMI_SPEED_MODEL: "kimi-k2-turbo" },
      expected: { fast_response: ["moonshot-v1-8k", "kimi-k2-turbo-preview"], balanced: [], extended_reasoning: [] },
    },
    {
      name: "a model in both is listed once, where it came first",
      env: {
        KIMI_PREFERRED_MODELS_FAST_RESPONSE: "kimi-k2-turbo-preview,moonshot-v1-8k",
        KIMI_SPEED_MODEL: "KIMI-K2-TURBO",
      },
      expected: { fast_response: ["kimi-k2-turbo-preview", "moonshot-v1-8k"], balanced: [], extended_reasoning: [] },
    },
    {
      name: "<P>_QUALITY_MODEL feeds extended_reasoning",
      env: { KIMI_QUALITY_MODEL: "kimi-k2" },
      expected: { fast_response: [], balanced: [], extended_reasoning: ["kimi-k2-0905-preview"] },
    },
    {
      name: "balanced",
      env: { KIMI_PREFERRED_MODELS_BALANCED: "moonshot-v1-8k" },
      expected: { fast_response: [], balanced: ["moonshot-v1-8k"], extended_reasoning: [] },
    },
  ])("categories: $name", ({ env, expected }) => {
    const { policy, diagnostics } = resolve(env);
    expect(policy.providers.kimi?.preferredByCategory).toEqual(expected);
    expect(diagnostics).toEqual([]);
  });

  it.each([
    {
      name: "KIMI_DEFAULT_MODEL by alias",
      env: { KIMI_DEFAULT_MODEL: "kimi-k2" },
      provider: "kimi",
      expected: "kimi-k2-0905-preview",
    },
    {
      name: "CUSTOM_MODEL_NAME in another case",
      env: { CUSTOM_MODEL_NAME: "qwen/qwen2.5-7b-instruct" },
      provider: "custom",
      expected: "Qwen/Qwen2.5-7B-Instruct",
    },
    { name: "unset", env: {}, provider: "glm", expected: null },
  ])("provider default: $name", ({ env, provider, expected }) => {
    expect(resolve(env).policy.providers[provider]?.defaultModel).toBe(expected);
  });
});

describe("diagnostics name the variable at fault", () => {
  it.each([
    {
      name: "an unknown preferred model is dropped",
      env: { KIMI_PREFERRED_MODELS: "kimi-k9,moonshot-v1-8k" },
      expected: ["warning UNKNOWN_MODEL KIMI_PREFERRED_MODELS"],
      mentions: "kimi-k9",
    },
    {
      name: "a model of another provider is unknown here",
      env: { KIMI_PREFERRED_MODELS: "glm-4.6" },
      expected: ["warning UNKNOWN_MODEL KIMI_PREFERRED_MODELS"],
      mentions: "glm-4.6",
    },
    {
      name: "an unknown allowed model",
      env: { GLM_ALLOWED_MODELS: "glm-4.6,glm-5" },
      expected: ["warning UNKNOWN_MODEL GLM_ALLOWED_MODELS"],
      mentions: "glm-5",
    },
    {
      name: "an unknown category preference",
      env: { KIMI_SPEED_MODEL: "kimi-k9-turbo" },
      expected: ["warning UNKNOWN_MODEL KIMI_SPEED_MODEL"],
      mentions: "kimi-k9-turbo",
    },
    {
      name: "an unknown provider default",
      env: { KIMI_DEFAULT_MODEL: "kimi-latest-128k" },
      expected: ["warning UNKNOWN_MODEL KIMI_DEFAULT_MODEL"],
      mentions: "kimi-latest-128k",
    },
    {
      name: "an unknown CUSTOM_MODEL_NAME",
      env: { CUSTOM_MODEL_NAME: "llama3.2" },
      expected: ["warning UNKNOWN_MODEL CUSTOM_MODEL_NAME"],
      mentions: "llama3.2",
    },
    {
      name: "a preferred model the allow-list excludes",
      env: { KIMI_ALLOWED_MODELS: "moonshot-v1-8k", KIMI_PREFERRED_MODELS: "kimi-k2" },
      expected: ["warning MODEL_NOT_ALLOWED KIMI_PREFERRED_MODELS kimi-k2-0905-preview"],
      mentions: "KIMI_ALLOWED_MODELS",
    },
    {
      name: "a category preference the allow-list excludes",
      env: { KIMI_ALLOWED_MODELS: "moonshot-v1-8k", KIMI_QUALITY_MODEL: "kimi-k2" },
      expected: ["warning MODEL_NOT_ALLOWED KIMI_QUALITY_MODEL kimi-k2-0905-preview"],
      mentions: "KIMI_ALLOWED_MODELS",
    },
    {
      name: "a default the allow-list excludes",
      env: { KIMI_ALLOWED_MODELS: "moonshot-v1-8k", KIMI_DEFAULT_MODEL: "kimi-k2-turbo" },
      expected: ["warning MODEL_NOT_ALLOWED KIMI_DEFAULT_MODEL kimi-k2-turbo-preview"],
      mentions: "KIMI_ALLOWED_MODELS",
    },
    {
      name: "a preferred model the provider did not list",
      env: { KIMI_PREFERRED_MODELS: "kimi-k2-0711" },
      expected: ["warning MODEL_NOT_LISTED KIMI_PREFERRED_MODELS kimi-k2-0711-preview"],
      mentions: "did not list",
    },
    {
      name: "a preferred model that is not a chat model",
      env: { GLM_PREFERRED_MODELS: "embedding-3,glm-4.6" },
      expected: ["warning MODEL_NOT_CHAT GLM_PREFERRED_MODELS embedding-3"],
      mentions: "embedding",
    },
    {
      name: "a preferred model of a provider that was not probed",
      env: { OPENROUTER_PREFERRED_MODELS: "vendor/model-x" },
      expected: ["info MODEL_UNVERIFIED OPENROUTER_PREFERRED_MODELS vendor/model-x"],
      mentions: "no API key",
    },
  ])("$name", ({ env, expected, mentions }) => {
    const { diagnostics } = resolve(env);
    expect(summary(diagnostics)).toEqual(expected);
    expect(diagnostics.map((d) => d.message).join("\n")).toContain(mentions);
    for (const d of diagnostics) expect(d.message).toContain(d.variable!);
  });

  it("an unknown name leaves the known ones in place", () => {
    expect(resolve({ KIMI_PREFERRED_MODELS: "kimi-k9,moonshot-v1-8k" }).policy.providers.kimi?.preferredModels).toEqual(
      ["moonshot-v1-8k"],
    );
  });

  it.each([
    {
      name: "only unknown names",
      env: { KIMI_ALLOWED_MODELS: "kimi-k9" },
      extra: ["warning UNKNOWN_MODEL KIMI_ALLOWED_MODELS"],
    },
    { name: "only models the provider did not list", env: { KIMI_ALLOWED_MODELS: "kimi-k2-0711-preview" }, extra: [] },
    { name: "only non-chat models", env: { GLM_ALLOWED_MODELS: "embedding-3" }, extra: [] },
  ])("an allow-list leaving the provider no model ($name) → ALLOW_LIST_EMPTY", ({ env, extra }) => {
    const { diagnostics } = resolve(env);
    const variable = Object.keys(env)[0]!;
    expect(summary(diagnostics)).toEqual([...extra, `warning ALLOW_LIST_EMPTY ${variable}`]);
    expect(diagnostics.find((d) => d.code === "ALLOW_LIST_EMPTY")?.provider).toBe(
      variable.startsWith("KIMI") ? "kimi" : "glm",
    );
  });

  it("an allow-list with one routable model is not empty", () => {
    expect(resolve({ KIMI_ALLOWED_MODELS: "kimi-k2-0711-preview,moonshot-v1-8k" }).diagnostics).toEqual([]);
  });

  it("an allow-list of unverified models is not empty (they may be routable)", () => {
    expect(resolve({ OPENROUTER_ALLOWED_MODELS: "vendor/model-x" }).diagnostics).toEqual([]);
  });
});

describe("DEFAULT_MODEL", () => {
  it.each([
    { name: "auto is no default", env: { DEFAULT_MODEL: "auto" }, expected: null, diagnostics: [] },
    { name: "unset is no default", env: {}, expected: null, diagnostics: [] },
    {
      name: "a model one provider has",
      env: { DEFAULT_MODEL: "glm-4.5-flash" },
      expected: { model: "glm-4.5-flash", provider: "glm" },
      diagnostics: [],
    },
    {
      name: "an alias, in another case",
      env: { DEFAULT_MODEL: "Kimi-K2" },
      expected: { model: "kimi-k2-0905-preview", provider: "kimi" },
      diagnostics: [],
    },
    {
      name: "a model two providers have: the first by default priority",
      env: { DEFAULT_MODEL: "shared-model" },
      expected: { model: "shared-model", provider: "kimi" },
      diagnostics: [],
    },
    {
      name: "a model two providers have: PROVIDER_PRIORITY decides",
      env: { DEFAULT_MODEL: "shared-model", PROVIDER_PRIORITY: "glm" },
      expected: { model: "shared-model", provider: "glm" },
      diagnostics: [],
    },
    {
      name: "the first provider does not allow it: the next that can serve it",
      env: { DEFAULT_MODEL: "shared-model", KIMI_ALLOWED_MODELS: "moonshot-v1-8k" },
      expected: { model: "shared-model", provider: "glm" },
      diagnostics: [],
    },
    {
      name: "unknown everywhere",
      env: { DEFAULT_MODEL: "gpt-9" },
      expected: null,
      diagnostics: ["warning DEFAULT_MODEL_UNKNOWN DEFAULT_MODEL"],
    },
    {
      name: "known but not listed",
      env: { DEFAULT_MODEL: "kimi-k2-0711-preview" },
      expected: { model: "kimi-k2-0711-preview", provider: "kimi" },
      diagnostics: ["warning MODEL_NOT_LISTED DEFAULT_MODEL kimi-k2-0711-preview"],
    },
    {
      name: "known but not allowed anywhere",
      env: { DEFAULT_MODEL: "glm-4.6", GLM_ALLOWED_MODELS: "glm-4.5-flash" },
      expected: { model: "glm-4.6", provider: "glm" },
      diagnostics: ["warning MODEL_NOT_ALLOWED DEFAULT_MODEL glm-4.6"],
    },
    {
      name: "not a chat model",
      env: { DEFAULT_MODEL: "embedding-3" },
      expected: { model: "embedding-3", provider: "glm" },
      diagnostics: ["warning MODEL_NOT_CHAT DEFAULT_MODEL embedding-3"],
    },
    {
      name: "on a provider that was not probed",
      env: { DEFAULT_MODEL: "vendor/model-x" },
      expected: { model: "vendor/model-x", provider: "openrouter" },
      diagnostics: ["info MODEL_UNVERIFIED DEFAULT_MODEL vendor/model-x"],
    },
  ])("$name", ({ env, expected, diagnostics }) => {
    const resolved = resolve(env);
    expect(resolved.policy.defaultModel).toEqual(expected);
    expect(summary(resolved.diagnostics)).toEqual(diagnostics);
  });

  it("DEFAULT_MODEL_UNKNOWN quotes the value as written", () => {
    const [warning] = resolve({ DEFAULT_MODEL: "GPT-9" }).diagnostics;
    expect(warning?.message).toContain('"GPT-9"');
  });
});

describe("the policy carries the settings through", () => {
  it("priority, filters and flags", () => {
    const { policy } = resolve({
      PROVIDER_PRIORITY: "glm",
      ALLOWED_PROVIDERS: "glm,kimi",
      DISABLED_PROVIDERS: "openrouter",
      COST_AWARE_ROUTING_ENABLED: "true",
      FREE_TIER_PREFERENCE_ENABLED: "1",
      ROUTE_UNVERIFIED_MODELS: "yes",
      BALANCED_MAX_OUTPUT_PRICE: "3",
    });
    expect(policy).toMatchObject({
      providerPriority: ["glm", "kimi", "custom", "openrouter"],
      allowedProviders: ["glm", "kimi"],
      disabledProviders: ["openrouter"],
      costAwareRouting: true,
      freeTierPreference: true,
      routeUnverified: true,
      reasonableOutputPrice: 3,
      defaultModel: null,
    });
  });

  it("every provider state gets a policy entry, even without settings or models", () => {
    const { policy } = resolve({});
    expect(Object.keys(policy.providers).sort()).toEqual(["custom", "glm", "kimi", "openrouter"]);
    expect(policy.providers.openrouter).toEqual({
      allowedModels: null,
      preferredModels: [],
      preferredByCategory: { fast_response: [], balanced: [], extended_reasoning: [] },
      defaultModel: null,
    });
  });

  it("the predecessor's complaint: both defaults are honoured and nothing is swapped", () => {
    const { policy, diagnostics } = resolve({
      DEFAULT_MODEL: "glm-4.5-flash",
      KIMI_DEFAULT_MODEL: "kimi-k2-0905-preview",
    });
    expect(policy.defaultModel).toEqual({ model: "glm-4.5-flash", provider: "glm" });
    expect(policy.providers.kimi?.defaultModel).toBe("kimi-k2-0905-preview");
    expect(diagnostics).toEqual([]);
  });

  it("the real user's preference lists from predecessor.md", () => {
    const { policy, diagnostics } = resolve({
      KIMI_PREFERRED_MODELS: "kimi-k2-0905-preview,kimi-k2-turbo-preview,kimi-k2-0711-preview",
      GLM_PREFERRED_MODELS: "glm-4.5-flash,glm-4.6,glm-4.5,glm-4.5-air",
    });
    expect(policy.providers.kimi?.preferredModels).toEqual([
      "kimi-k2-0905-preview",
      "kimi-k2-turbo-preview",
      "kimi-k2-0711-preview",
    ]);
    expect(policy.providers.glm?.preferredModels).toEqual(["glm-4.5-flash", "glm-4.6"]);
    // Order is the snapshot builder's job (sortDiagnostics); here only the set matters.
    expect(summary(diagnostics).sort()).toEqual([
      "warning MODEL_NOT_LISTED KIMI_PREFERRED_MODELS kimi-k2-0711-preview",
      "warning UNKNOWN_MODEL GLM_PREFERRED_MODELS",
      "warning UNKNOWN_MODEL GLM_PREFERRED_MODELS",
    ]);
    expect(diagnostics.filter((d) => d.code === "UNKNOWN_MODEL").map((d) => d.message.match(/"([^"]+)"/)?.[1])).toEqual(
      ["glm-4.5", "glm-4.5-air"],
    );
  });
});

describe("a preference for a deprecated model", () => {
  it("is honoured, with a warning that names the variable", async () => {
    const { resolvePolicy } = await import("../../src/policy/resolve-policy.js");
    const { readSettings } = await import("../../src/config/read-settings.js");
    const { builtinDefinitions } = await import("../support/inputs.js");
    const definitions = builtinDefinitions();
    const settings = readSettings({ KIMI_DEFAULT_MODEL: "old-model" }, definitions);
    const model = {
      id: "old-model",
      provider: "kimi",
      name: "Old",
      aliases: [],
      kind: "chat" as const,
      availability: "listed" as const,
      status: "deprecated" as const,
      movingAlias: false,
      tier: "standard" as const,
      contextWindow: 1000,
      maxOutput: 100,
      capabilities: { vision: false, tools: false, reasoning: false, json: false, streaming: true },
      pricing: null,
      freeTier: false,
      sources: {},
    };
    const { policy, diagnostics } = resolvePolicy(
      settings,
      [model],
      definitions.map((d) => ({ id: d.id })),
    );
    expect(policy.providers.kimi?.defaultModel).toBe("old-model");
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        level: "warning",
        code: "MODEL_DEPRECATED",
        variable: "KIMI_DEFAULT_MODEL",
        provider: "kimi",
        model: "old-model",
      }),
    );
  });
});

describe("legacy variable names, typos, moving aliases and retiring models", () => {
  const extra = (id: string, provider: string, facts: Partial<Model>): Model => ({ ...model(provider, id), ...facts });
  const MORE: Model[] = [
    ...MODELS,
    extra("kimi-latest-128k", "kimi", { movingAlias: true, status: "deprecated", retiresAt: "2026-01-28" }),
    extra("~moonshotai/kimi-latest", "openrouter", {
      movingAlias: true,
      aliasOf: "moonshotai/kimi-k3",
      availability: "listed",
    }),
    extra("openai/gpt-5.3-chat", "openrouter", { retiresAt: "2026-08-10", availability: "listed" }),
    extra("z-ai/glm-4.5", "openrouter", { retiresAt: "2026-12-31", availability: "listed" }),
    extra("openrouter/auto", "openrouter", { kind: "router", routing: "by_name", availability: "listed" }),
  ];
  const PROBED: ProviderState[] = [{ id: "custom" }, { id: "glm" }, { id: "kimi" }, { id: "openrouter" }];
  const run = (env: Env, asOf = "2026-08-01") => resolvePolicy(readSettings(env, definitions), MORE, PROBED, { asOf });

  it.each([
    {
      name: "DEFAULT_MODEL",
      env: { DEFAULT_MODEL: "glm-4.5-flahs" },
      code: "DEFAULT_MODEL_UNKNOWN",
      suggestion: "glm-4.5-flash",
    },
    {
      name: "<P>_PREFERRED_MODELS",
      env: { GLM_PREFERRED_MODELS: "glm-4.6,glm-4.5-flahs" },
      code: "UNKNOWN_MODEL",
      suggestion: "glm-4.5-flash",
    },
    {
      name: "<P>_ALLOWED_MODELS",
      env: { KIMI_ALLOWED_MODELS: "moonshot-v1-8", KIMI_PREFERRED_MODELS: "" },
      code: "UNKNOWN_MODEL",
      suggestion: "moonshot-v1-8k",
    },
    {
      name: "<P>_DEFAULT_MODEL, by alias",
      env: { KIMI_DEFAULT_MODEL: "kimi-k2-trubo" },
      code: "UNKNOWN_MODEL",
      suggestion: "kimi-k2-turbo",
    },
    { name: "<P>_SPEED_MODEL", env: { GLM_SPEED_MODEL: "glm4.6" }, code: "UNKNOWN_MODEL", suggestion: "glm-4.6" },
    {
      name: "<P>_PREFERRED_MODELS_<CATEGORY>",
      env: { KIMI_PREFERRED_MODELS_BALANCED: "Moonshot-v1-8kk" },
      code: "UNKNOWN_MODEL",
      suggestion: "moonshot-v1-8k",
    },
    {
      name: "CUSTOM_MODEL_NAME",
      env: { CUSTOM_MODEL_NAME: "Qwen/Qwen2.5-7B-Instuct" },
      code: "UNKNOWN_MODEL",
      suggestion: "Qwen/Qwen2.5-7B-Instruct",
    },
  ])("did you mean, for $name", ({ env, code, suggestion }) => {
    const found = run(env).diagnostics.filter((d) => d.code === code);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`did you mean ${suggestion}?`);
  });

  it("no suggestion when nothing is close", () => {
    const [d] = run({ DEFAULT_MODEL: "totally-different-name" }).diagnostics;
    expect(d?.code).toBe("DEFAULT_MODEL_UNKNOWN");
    expect(d?.message).not.toContain("did you mean");
  });

  it.each([
    {
      name: "a moving alias in a preference",
      env: { OPENROUTER_PREFERRED_MODELS: "~moonshotai/kimi-latest" },
      expected: ["warning MOVING_ALIAS_PREFERRED OPENROUTER_PREFERRED_MODELS ~moonshotai/kimi-latest"],
      mentions: "moonshotai/kimi-k3",
    },
    {
      name: "a deprecated moving alias as a default gets both warnings",
      env: { KIMI_DEFAULT_MODEL: "kimi-latest-128k" },
      expected: [
        "warning MODEL_DEPRECATED KIMI_DEFAULT_MODEL kimi-latest-128k",
        "warning MOVING_ALIAS_PREFERRED KIMI_DEFAULT_MODEL kimi-latest-128k",
      ],
      mentions: "retired on 2026-01-28",
    },
    {
      name: "a preferred model retiring within 30 days",
      env: { OPENROUTER_PREFERRED_MODELS: "openai/gpt-5.3-chat" },
      expected: ["warning MODEL_RETIRING OPENROUTER_PREFERRED_MODELS openai/gpt-5.3-chat"],
      mentions: "in 9 days",
    },
    {
      name: "a default retiring within 30 days",
      env: { DEFAULT_MODEL: "openai/gpt-5.3-chat" },
      expected: ["warning MODEL_RETIRING DEFAULT_MODEL openai/gpt-5.3-chat"],
      mentions: "2026-08-10",
    },
    {
      name: "a model retiring later than that",
      env: { OPENROUTER_PREFERRED_MODELS: "z-ai/glm-4.5" },
      expected: [],
      mentions: "",
    },
    {
      name: "a router in a preference",
      env: { OPENROUTER_PREFERRED_MODELS: "openrouter/auto" },
      expected: ["warning MODEL_NOT_CHAT OPENROUTER_PREFERRED_MODELS openrouter/auto"],
      mentions: "a router",
    },
  ])("$name", ({ env, expected, mentions }) => {
    const { diagnostics } = run(env);
    expect(summary(diagnostics)).toEqual(expected);
    expect(diagnostics.map((d) => d.message).join("\n")).toContain(mentions);
  });

  it("30 days ahead is still 'within 30 days'; 31 is not", () => {
    expect(summary(run({ OPENROUTER_PREFERRED_MODELS: "openai/gpt-5.3-chat" }, "2026-07-11").diagnostics)).toEqual([
      "warning MODEL_RETIRING OPENROUTER_PREFERRED_MODELS openai/gpt-5.3-chat",
    ]);
    expect(run({ OPENROUTER_PREFERRED_MODELS: "openai/gpt-5.3-chat" }, "2026-07-10").diagnostics).toEqual([]);
  });
});

describe("PROVIDER_PRIORITY_ORDER, the predecessor's name for PROVIDER_PRIORITY", () => {
  it.each([
    {
      name: "the predecessor's name alone",
      env: { PROVIDER_PRIORITY_ORDER: "GLM,KIMI" },
      priority: ["glm", "kimi", "custom", "openrouter"],
      codes: [],
    },
    {
      name: "both, the same",
      env: { PROVIDER_PRIORITY: "glm,kimi", PROVIDER_PRIORITY_ORDER: "GLM, KIMI" },
      priority: ["glm", "kimi", "custom", "openrouter"],
      codes: [],
    },
    {
      name: "both, different: PROVIDER_PRIORITY wins, with a warning",
      env: { PROVIDER_PRIORITY: "openrouter", PROVIDER_PRIORITY_ORDER: "glm,kimi" },
      priority: ["openrouter", "kimi", "glm", "custom"],
      codes: ["PRIORITY_VARIABLES_DIFFER"],
    },
  ])("$name", ({ env, priority, codes }) => {
    const settings = readSettings(env, definitions);
    expect(settings.providerPriority).toEqual(priority);
    expect(settings.diagnostics.map((d) => d.code)).toEqual(codes);
  });

  it("an unknown provider in it is an error naming it, with a suggestion", () => {
    expect(() => readSettings({ PROVIDER_PRIORITY_ORDER: "GLM,KIMMI" }, definitions)).toThrow(
      /PROVIDER_PRIORITY_ORDER names unknown provider "kimmi" \(did you mean kimi\?\)/,
    );
  });
});
