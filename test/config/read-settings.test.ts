// Environment → RoutingSettings: the variables our users already have, read as the spec says.
import { describe, expect, it } from "vitest";
import { envBoolean, envList, envNumber, envString, firstSet, type Env } from "../../src/config/env-values.js";
import { DEFAULT_PROVIDER_PRIORITY } from "../../src/core/builtin-providers.js";
import { readSettings, type ProviderNaming } from "../../src/config/read-settings.js";
import type { Diagnostic } from "../../src/core/diagnostic.js";
import { builtinDefinitions, configErrorOf } from "../support/inputs.js";

const definitions = builtinDefinitions();
const read = (env: Env, providers: readonly ProviderNaming[] = definitions) => readSettings(env, providers);
const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.code}:${d.variable ?? ""}`);

describe("env-values", () => {
  it.each([
    { name: "unset", raw: undefined, expected: undefined },
    { name: "empty", raw: "", expected: undefined },
    { name: "blank", raw: "  \t ", expected: undefined },
    { name: "trimmed", raw: "  glm-4.6 ", expected: "glm-4.6" },
  ])("envString: $name", ({ raw, expected }) => {
    expect(envString({ X: raw }, "X")).toBe(expected);
  });

  it.each([
    { name: "first name wins", env: { A: "1", B: "2" }, expected: { name: "A", value: "1" } },
    { name: "blank first name falls through", env: { A: " ", B: "2" }, expected: { name: "B", value: "2" } },
    { name: "none set", env: {}, expected: undefined },
  ])("firstSet: $name", ({ env, expected }) => {
    expect(firstSet(env, ["A", "B"])).toEqual(expected);
  });

  it.each([
    { name: "unset", raw: undefined, expected: undefined },
    { name: "one value", raw: "glm-4.6", expected: ["glm-4.6"] },
    { name: "items trimmed", raw: " a ,  b,c  ", expected: ["a", "b", "c"] },
    { name: "blank items dropped", raw: "a,,b, ,", expected: ["a", "b"] },
    {
      name: "duplicates dropped ignoring case, first spelling kept",
      raw: "Kimi-K2,b,kimi-k2,B",
      expected: ["Kimi-K2", "b"],
    },
    { name: "only commas", raw: " , ,", expected: [] },
  ])("envList: $name", ({ raw, expected }) => {
    expect(envList({ L: raw }, "L")).toEqual(expected);
  });

  it.each([
    ...["true", "1", "yes", "on", "TRUE", " Yes ", "On"].map((raw) => ({ raw, expected: true })),
    ...["false", "0", "no", "off", "FALSE", " Off "].map((raw) => ({ raw, expected: false })),
  ])("envBoolean reads $raw as $expected", ({ raw, expected }) => {
    expect(envBoolean({ FLAG: raw }, "FLAG", !expected)).toBe(expected);
  });

  it.each([
    { name: "unset", raw: undefined },
    { name: "blank", raw: "  " },
  ])("envBoolean falls back when $name", ({ raw }) => {
    expect(envBoolean({ FLAG: raw }, "FLAG", true)).toBe(true);
    expect(envBoolean({ FLAG: raw }, "FLAG", false)).toBe(false);
  });

  it.each(["maybe", "2", "enabled", "tru", "y"])("envBoolean rejects %j naming the variable", (raw) => {
    const error = configErrorOf(() =>
      envBoolean({ FREE_TIER_PREFERENCE_ENABLED: raw }, "FREE_TIER_PREFERENCE_ENABLED", false),
    );
    expect(error.at.variable).toBe("FREE_TIER_PREFERENCE_ENABLED");
    expect(error.message).toContain("FREE_TIER_PREFERENCE_ENABLED");
  });

  it.each([
    { name: "unset gives the fallback", raw: undefined, expected: 10 },
    { name: "integer", raw: "5", expected: 5 },
    { name: "decimal", raw: " 2.5 ", expected: 2.5 },
    { name: "zero is allowed at min 0", raw: "0", expected: 0 },
  ])("envNumber: $name", ({ raw, expected }) => {
    expect(envNumber({ N: raw }, "N", 10)).toBe(expected);
  });

  it.each(["abc", "-1", "Infinity", "NaN", "1,5"])("envNumber rejects %j naming the variable", (raw) => {
    expect(configErrorOf(() => envNumber({ N: raw }, "N", 10)).at.variable).toBe("N");
  });
});

describe("readSettings: provider priority and filters", () => {
  it("defaults to kimi, glm, custom, openrouter, then the providers added later", () => {
    expect(DEFAULT_PROVIDER_PRIORITY.slice(0, 4)).toEqual(["kimi", "glm", "custom", "openrouter"]);
    expect(read({}).providerPriority).toEqual(["kimi", "glm", "custom", "openrouter"]);
  });

  it.each([
    { name: "one provider moves to the front", raw: "glm", expected: ["glm", "kimi", "custom", "openrouter"] },
    {
      name: "two providers, the rest in default order",
      raw: "openrouter, GLM",
      expected: ["openrouter", "glm", "kimi", "custom"],
    },
    {
      name: "full list as written",
      raw: "custom,openrouter,glm,kimi",
      expected: ["custom", "openrouter", "glm", "kimi"],
    },
    { name: "duplicates ignored", raw: "glm,Glm,glm", expected: ["glm", "kimi", "custom", "openrouter"] },
    { name: "blank is the default", raw: " ", expected: ["kimi", "glm", "custom", "openrouter"] },
  ])("PROVIDER_PRIORITY: $name", ({ raw, expected }) => {
    expect(read({ PROVIDER_PRIORITY: raw }).providerPriority).toEqual(expected);
  });

  it("puts user-defined providers after the built-in order, by id", () => {
    const extra = (id: string): ProviderNaming => ({
      id,
      baseUrl: { env: [`${id.toUpperCase()}_API_URL`] },
      apiKey: { env: [], required: false },
    });
    const providers = [extra("zeta"), ...definitions, extra("acme")];
    expect(read({}, providers).providerPriority).toEqual(["kimi", "glm", "custom", "openrouter", "acme", "zeta"]);
    expect(read({ PROVIDER_PRIORITY: "zeta" }, providers).providerPriority).toEqual([
      "zeta",
      "kimi",
      "glm",
      "custom",
      "openrouter",
      "acme",
    ]);
  });

  it.each([
    { name: "one unknown", raw: "kimi,kimmi", unknown: ["kimmi"] },
    { name: "several unknown", raw: "openai, anthropic", unknown: ["openai", "anthropic"] },
  ])("PROVIDER_PRIORITY with $name is a ConfigError naming the variable", ({ raw, unknown }) => {
    const error = configErrorOf(() => read({ PROVIDER_PRIORITY: raw }));
    expect(error.at.variable).toBe("PROVIDER_PRIORITY");
    expect(error.message).toContain("PROVIDER_PRIORITY");
    for (const id of unknown) expect(error.message).toContain(id);
  });

  it.each([
    { name: "unset means every provider", env: {}, allowed: null, disabled: [], warnings: [] },
    {
      name: "lower-cased and trimmed",
      env: { ALLOWED_PROVIDERS: " KIMI , glm " },
      allowed: ["kimi", "glm"],
      disabled: [],
      warnings: [],
    },
    {
      name: "unknown allowed provider warns and is dropped",
      env: { ALLOWED_PROVIDERS: "kimi,openai" },
      allowed: ["kimi"],
      disabled: [],
      warnings: ["UNKNOWN_PROVIDER:ALLOWED_PROVIDERS"],
    },
    {
      name: "unknown disabled provider warns and is dropped",
      env: { DISABLED_PROVIDERS: "OpenRouter, anthropic" },
      allowed: null,
      disabled: ["openrouter"],
      warnings: ["UNKNOWN_PROVIDER:DISABLED_PROVIDERS"],
    },
  ])("ALLOWED_PROVIDERS / DISABLED_PROVIDERS: $name", ({ env, allowed, disabled, warnings }) => {
    const settings = read(env);
    expect(settings.allowedProviders).toEqual(allowed);
    expect(settings.disabledProviders).toEqual(disabled);
    expect(codes(settings.diagnostics)).toEqual(warnings);
    for (const d of settings.diagnostics) expect(d.level).toBe("warning");
  });

  it("names the unknown provider in the warning", () => {
    const [warning] = read({ ALLOWED_PROVIDERS: "kimi,openai" }).diagnostics;
    expect(warning?.message).toContain('"openai"');
  });
});

describe("readSettings: per-provider lists", () => {
  it("reads allowed and preferred lists with their variable", () => {
    const settings = read({
      KIMI_PREFERRED_MODELS: "kimi-k2-0905-preview, kimi-k2-turbo-preview ,kimi-k2-0711-preview",
      GLM_PREFERRED_MODELS: "glm-4.5-flash,glm-4.6,,GLM-4.6,glm-4.5,glm-4.5-air",
      GLM_ALLOWED_MODELS: "glm-4.6",
    });
    expect(settings.providers.kimi?.preferredModels).toEqual({
      variable: "KIMI_PREFERRED_MODELS",
      values: ["kimi-k2-0905-preview", "kimi-k2-turbo-preview", "kimi-k2-0711-preview"],
    });
    expect(settings.providers.glm?.preferredModels).toEqual({
      variable: "GLM_PREFERRED_MODELS",
      values: ["glm-4.5-flash", "glm-4.6", "glm-4.5", "glm-4.5-air"],
    });
    expect(settings.providers.glm?.allowedModels).toEqual({ variable: "GLM_ALLOWED_MODELS", values: ["glm-4.6"] });
    expect(settings.providers.kimi?.allowedModels).toBeUndefined();
  });

  it("treats a list of only blanks as unset", () => {
    expect(read({ KIMI_ALLOWED_MODELS: " , ," }).providers.kimi?.allowedModels).toBeUndefined();
  });

  it.each([
    {
      name: "<P>_SPEED_MODEL feeds fast_response, after <P>_PREFERRED_MODELS_FAST_RESPONSE",
      env: { KIMI_SPEED_MODEL: "kimi-k2-turbo-preview", KIMI_PREFERRED_MODELS_FAST_RESPONSE: "moonshot-v1-8k" },
      expected: {
        fast_response: [
          { variable: "KIMI_PREFERRED_MODELS_FAST_RESPONSE", values: ["moonshot-v1-8k"] },
          { variable: "KIMI_SPEED_MODEL", values: ["kimi-k2-turbo-preview"] },
        ],
        balanced: [],
        extended_reasoning: [],
      },
    },
    {
      name: "<P>_SPEED_MODEL alone",
      env: { KIMI_SPEED_MODEL: "kimi-k2-turbo-preview" },
      expected: {
        fast_response: [{ variable: "KIMI_SPEED_MODEL", values: ["kimi-k2-turbo-preview"] }],
        balanced: [],
        extended_reasoning: [],
      },
    },
    {
      name: "<P>_QUALITY_MODEL feeds extended_reasoning, after <P>_PREFERRED_MODELS_EXTENDED_REASONING",
      env: {
        KIMI_QUALITY_MODEL: "kimi-thinking-preview",
        KIMI_PREFERRED_MODELS_EXTENDED_REASONING: "kimi-k2-0905-preview",
      },
      expected: {
        fast_response: [],
        balanced: [],
        extended_reasoning: [
          { variable: "KIMI_PREFERRED_MODELS_EXTENDED_REASONING", values: ["kimi-k2-0905-preview"] },
          { variable: "KIMI_QUALITY_MODEL", values: ["kimi-thinking-preview"] },
        ],
      },
    },
    {
      name: "balanced has only its own variable",
      env: { KIMI_PREFERRED_MODELS_BALANCED: "a,b" },
      expected: {
        fast_response: [],
        balanced: [{ variable: "KIMI_PREFERRED_MODELS_BALANCED", values: ["a", "b"] }],
        extended_reasoning: [],
      },
    },
  ])("categories: $name", ({ env, expected }) => {
    expect(read(env).providers.kimi?.preferredByCategory).toEqual(expected);
    expect(read(env).providers.glm?.preferredByCategory).toEqual({
      fast_response: [],
      balanced: [],
      extended_reasoning: [],
    });
  });

  it.each([
    {
      name: "KIMI_DEFAULT_MODEL",
      env: { KIMI_DEFAULT_MODEL: "kimi-k2-0905-preview" },
      provider: "kimi",
      expected: { variable: "KIMI_DEFAULT_MODEL", value: "kimi-k2-0905-preview" },
    },
    {
      name: "CUSTOM_MODEL_NAME is the custom provider's default",
      env: { CUSTOM_MODEL_NAME: " llama3.2:latest " },
      provider: "custom",
      expected: { variable: "CUSTOM_MODEL_NAME", value: "llama3.2:latest" },
    },
    {
      name: "CUSTOM_DEFAULT_MODEL wins over CUSTOM_MODEL_NAME",
      env: { CUSTOM_MODEL_NAME: "a", CUSTOM_DEFAULT_MODEL: "b" },
      provider: "custom",
      expected: { variable: "CUSTOM_DEFAULT_MODEL", value: "b" },
    },
    { name: "unset", env: {}, provider: "glm", expected: undefined },
  ])("provider default model: $name", ({ env, provider, expected }) => {
    expect(read(env).providers[provider]?.defaultModel).toEqual(expected);
  });

  it.each([
    { raw: "glm-4.5-flash", expected: { variable: "DEFAULT_MODEL", value: "glm-4.5-flash" } },
    { raw: " kimi-k2 ", expected: { variable: "DEFAULT_MODEL", value: "kimi-k2" } },
    { raw: "auto", expected: undefined },
    { raw: "AUTO", expected: undefined },
    { raw: " Auto ", expected: undefined },
    { raw: "", expected: undefined },
  ])("DEFAULT_MODEL=$raw", ({ raw, expected }) => {
    expect(read({ DEFAULT_MODEL: raw }).defaultModel).toEqual(expected);
  });
});

describe("readSettings: flags and numbers", () => {
  it("has the documented defaults", () => {
    const settings = read({});
    expect(settings).toMatchObject({
      costAwareRouting: false,
      freeTierPreference: false,
      routeUnverified: false,
      reasonableOutputPrice: 10,
      allowedProviders: null,
      disabledProviders: [],
      diagnostics: [],
    });
    expect(settings.modelCosts.size).toBe(0);
    expect(settings.freeModels).toBeUndefined();
    expect(settings.defaultModel).toBeUndefined();
  });

  it.each([
    { variable: "COST_AWARE_ROUTING_ENABLED", field: "costAwareRouting" },
    { variable: "FREE_TIER_PREFERENCE_ENABLED", field: "freeTierPreference" },
    { variable: "ROUTE_UNVERIFIED_MODELS", field: "routeUnverified" },
  ] as const)("$variable: yes → true, invalid → ConfigError naming it", ({ variable, field }) => {
    expect(read({ [variable]: "yes" })[field]).toBe(true);
    expect(read({ [variable]: "off" })[field]).toBe(false);
    const error = configErrorOf(() => read({ [variable]: "perhaps" }));
    expect(error.at.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it("BALANCED_MAX_OUTPUT_PRICE is read as a number and checked", () => {
    expect(read({ BALANCED_MAX_OUTPUT_PRICE: "4.5" }).reasonableOutputPrice).toBe(4.5);
    expect(configErrorOf(() => read({ BALANCED_MAX_OUTPUT_PRICE: "cheap" })).at.variable).toBe(
      "BALANCED_MAX_OUTPUT_PRICE",
    );
  });

  it("FREE_MODEL_LIST is a list with its variable", () => {
    expect(read({ FREE_MODEL_LIST: "glm-4.5-flash, moonshotai/kimi-k2:free" }).freeModels).toEqual({
      variable: "FREE_MODEL_LIST",
      values: ["glm-4.5-flash", "moonshotai/kimi-k2:free"],
    });
  });

  it("MAX_COST_PER_REQUEST is noted as not used (info, not a warning)", () => {
    const diagnostics = read({ MAX_COST_PER_REQUEST: "0.05" }).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      level: "info",
      code: "VARIABLE_NOT_USED",
      variable: "MAX_COST_PER_REQUEST",
    });
  });
});

describe("readSettings: MODEL_COSTS_JSON", () => {
  it.each([
    { name: "empty object", raw: "{}", expected: {} },
    {
      name: "number form is input and output alike",
      raw: '{"glm-4.5-air": 0.6}',
      expected: { "glm-4.5-air": { input: 0.6, output: 0.6 } },
    },
    { name: "zero is a price", raw: '{"glm-4.5-flash": 0}', expected: { "glm-4.5-flash": { input: 0, output: 0 } } },
    {
      name: "object form",
      raw: '{"glm-4.5": {"input": 0.6, "output": 2.2}}',
      expected: { "glm-4.5": { input: 0.6, output: 2.2 } },
    },
    {
      name: "object form with cachedInput",
      raw: '{"glm-4.6": {"input": 0.6, "output": 2.2, "cachedInput": 0.11}}',
      expected: { "glm-4.6": { input: 0.6, output: 2.2, cachedInput: 0.11 } },
    },
    {
      name: "both forms together, ids kept as written",
      raw: '{"Kimi-K2": 1, "glm-4.5": {"input": 0.6, "output": 2.2}}',
      expected: { "Kimi-K2": { input: 1, output: 1 }, "glm-4.5": { input: 0.6, output: 2.2 } },
    },
  ])("accepts $name", ({ raw, expected }) => {
    expect(Object.fromEntries(read({ MODEL_COSTS_JSON: raw }).modelCosts)).toEqual(expected);
  });

  it.each([
    { name: "not JSON", raw: "glm-4.5=0.6", field: undefined, mentions: [] },
    { name: "truncated JSON", raw: '{"glm-4.5": 0.6', field: undefined, mentions: [] },
    { name: "an array", raw: "[0.6]", field: undefined, mentions: [] },
    { name: "a number", raw: "0.6", field: undefined, mentions: [] },
    { name: "null", raw: "null", field: undefined, mentions: [] },
    { name: "a negative number", raw: '{"glm-4.5": -1}', field: "MODEL_COSTS_JSON.glm-4.5", mentions: [] },
    { name: "a price as a string", raw: '{"glm-4.5": "0.6"}', field: "MODEL_COSTS_JSON.glm-4.5", mentions: [] },
    { name: "a price of null", raw: '{"glm-4.5": null}', field: "MODEL_COSTS_JSON.glm-4.5", mentions: [] },
    { name: "a price as an array", raw: '{"glm-4.5": [0.6, 2.2]}', field: "MODEL_COSTS_JSON.glm-4.5", mentions: [] },
    {
      name: "an object without output",
      raw: '{"glm-4.5": {"input": 0.6}}',
      field: "MODEL_COSTS_JSON.glm-4.5",
      mentions: [".output"],
    },
    {
      name: "a negative input",
      raw: '{"glm-4.5": {"input": -0.1, "output": 1}}',
      field: "MODEL_COSTS_JSON.glm-4.5",
      mentions: [".input"],
    },
    {
      name: "a string cachedInput",
      raw: '{"glm-4.5": {"input": 1, "output": 1, "cachedInput": "x"}}',
      field: "MODEL_COSTS_JSON.glm-4.5",
      mentions: [".cachedInput"],
    },
    {
      name: "an unknown field",
      raw: '{"glm-4.5": {"input": 1, "output": 1, "cached": 0.1}}',
      field: "MODEL_COSTS_JSON.glm-4.5",
      mentions: ['"cached"'],
    },
  ])("rejects $name with a ConfigError naming the variable and field", ({ raw, field, mentions }) => {
    const error = configErrorOf(() => read({ MODEL_COSTS_JSON: raw }));
    expect(error.at.variable).toBe("MODEL_COSTS_JSON");
    expect(error.message).toContain("MODEL_COSTS_JSON");
    expect(error.at.field).toBe(field);
    if (field !== undefined) expect(error.message).toContain(field);
    for (const text of mentions) expect(error.message).toContain(text);
  });
});

describe("readSettings: variables that look like ours but are not", () => {
  it.each([
    { name: "KIMMI_PREFERRED_MODELS", suggestion: "KIMI_PREFERRED_MODELS" },
    { name: "GLN_ALLOWED_MODELS", suggestion: "GLM_ALLOWED_MODELS" },
    { name: "OPENRUTER_API_KEY", suggestion: "OPENROUTER_API_KEY" },
    { name: "CUSTOMM_DEFAULT_MODEL", suggestion: "CUSTOM_DEFAULT_MODEL" },
    { name: "KIM_SPEED_MODEL", suggestion: "KIMI_SPEED_MODEL" },
    { name: "GML_PREFERRED_MODELS_FAST_RESPONSE", suggestion: "GLM_PREFERRED_MODELS_FAST_RESPONSE" },
  ])("$name warns and suggests $suggestion", ({ name, suggestion }) => {
    const diagnostics = read({ [name]: "x" }).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ level: "warning", code: "UNKNOWN_VARIABLE_PREFIX", variable: name });
    expect(diagnostics[0]?.message).toContain(`did you mean ${suggestion}?`);
  });

  it("a prefix near no provider still warns for our own suffixes, listing the providers", () => {
    const [warning] = read({ ANTHROPIC_PREFERRED_MODELS: "claude" }).diagnostics;
    expect(warning).toMatchObject({
      level: "warning",
      code: "UNKNOWN_VARIABLE_PREFIX",
      variable: "ANTHROPIC_PREFERRED_MODELS",
    });
    expect(warning?.message).toContain("providers: custom, glm, kimi, openrouter");
  });

  it.each([
    { name: "MOONSHOT_API_KEY (kimi's alias)", env: { MOONSHOT_API_KEY: "k" } },
    { name: "MOONSHOT_API_URL (kimi's alias)", env: { MOONSHOT_API_URL: "https://api.moonshot.cn/v1" } },
    { name: "ZHIPUAI_API_KEY (glm's alias)", env: { ZHIPUAI_API_KEY: "k" } },
    { name: "ZHIPUAI_API_URL (glm's alias)", env: { ZHIPUAI_API_URL: "https://open.bigmodel.cn/api/paas/v4" } },
    { name: "CUSTOM_MODEL_NAME", env: { CUSTOM_MODEL_NAME: "llama3.2" } },
    { name: "ENABLE_OPENROUTER and ENABLE_CUSTOM", env: { ENABLE_OPENROUTER: "true", ENABLE_CUSTOM: "false" } },
    {
      name: "every category variable",
      env: {
        GLM_PREFERRED_MODELS_FAST_RESPONSE: "a",
        GLM_PREFERRED_MODELS_BALANCED: "a",
        GLM_PREFERRED_MODELS_EXTENDED_REASONING: "a",
      },
    },
    { name: "a blank typo (set to nothing)", env: { KIMMI_PREFERRED_MODELS: " " } },
    {
      name: "unrelated variables",
      env: { PATH: "/usr/bin", HOME: "/root", NODE_ENV: "production", SOURCE_DATE_EPOCH: "1" },
    },
    // Other tools' credentials and endpoints live in the same environment; they are not typos of ours.
    { name: "another vendor's key", env: { OPENAI_API_KEY: "k", ANTHROPIC_API_KEY: "k" } },
    { name: "GitHub Actions' GITHUB_API_URL", env: { GITHUB_API_URL: "https://api.github.com" } },
  ])("$name is not reported", ({ env }) => {
    expect(read(env).diagnostics).toEqual([]);
  });

  it.each([
    { name: "KIMI_PREFERRED_MODELS_FAST", category: "FAST" },
    { name: "GLM_PREFERRED_MODELS_QUALITY", category: "QUALITY" },
    { name: "KIMI_PREFERRED_MODELS_fast_response", category: "fast_response" },
  ])("$name names a category that does not exist", ({ name, category }) => {
    const diagnostics = read({ [name]: "x" }).diagnostics;
    expect(codes(diagnostics)).toEqual([`UNKNOWN_CATEGORY:${name}`]);
    expect(diagnostics[0]?.message).toContain(category);
    expect(diagnostics[0]?.message).toContain("FAST_RESPONSE, BALANCED, EXTENDED_REASONING");
  });

  it("reports every stray variable once, in name order", () => {
    const diagnostics = read({
      ZZZ_ALLOWED_MODELS: "a",
      KIMMI_PREFERRED_MODELS: "a",
      KIMI_PREFERRED_MODELS_FAST: "a",
    }).diagnostics;
    expect(codes(diagnostics)).toEqual([
      "UNKNOWN_CATEGORY:KIMI_PREFERRED_MODELS_FAST",
      "UNKNOWN_VARIABLE_PREFIX:KIMMI_PREFERRED_MODELS",
      "UNKNOWN_VARIABLE_PREFIX:ZZZ_ALLOWED_MODELS",
    ]);
  });
});
