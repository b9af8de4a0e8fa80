// Which providers are probed, why the others are not, and where credentials may (and may not) go.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Env } from "../../src/config/env-values.js";
import { planProbes, type ProbeTarget, type ProviderFilters } from "../../src/providers/plan-probes.js";
import { allBuiltinDefinitions, builtinDefinitions, configErrorOf } from "../support/inputs.js";

const definitions = builtinDefinitions();
const NO_FILTERS: ProviderFilters = { allowedProviders: null, disabledProviders: [] };

function plan(env: Env, filters: ProviderFilters = NO_FILTERS): Record<string, ProbeTarget> {
  return Object.fromEntries(planProbes(definitions, env, filters).map((t) => [t.definition.id, t]));
}

/** Everything a target says except the places credentials are meant to be (Authorization, other headers, secrets). */
function publicPart(target: ProbeTarget): unknown {
  if (!target.plan.probe) return { ...target, definition: target.definition.id };
  const { authorization: _a, headers: _h, secrets: _s, credentials: _c, ...plan } = target.plan;
  return { ...target, definition: target.definition.id, plan };
}

const ALL_KEYS: Env = {
  KIMI_API_KEY: "kimi-key-1",
  GLM_API_KEY: "glm-key-1",
  OPENROUTER_API_KEY: "or-key-1",
  CUSTOM_API_URL: "http://127.0.0.1:11434/v1",
};

describe("planProbes: who is skipped and why", () => {
  it.each([
    {
      name: "no configuration: every keyed provider lacks a key, custom lacks a URL",
      env: {},
      filters: NO_FILTERS,
      provider: "kimi",
      reason: "no API key: set KIMI_API_KEY or MOONSHOT_API_KEY",
    },
    {
      name: "GLM without a key names both variables",
      env: {},
      filters: NO_FILTERS,
      provider: "glm",
      reason: "no API key: set GLM_API_KEY or ZHIPUAI_API_KEY",
    },
    {
      name: "OpenRouter without a key",
      env: {},
      filters: NO_FILTERS,
      provider: "openrouter",
      reason: "no API key: set OPENROUTER_API_KEY",
    },
    {
      name: "custom without a URL",
      env: { CUSTOM_API_KEY: "k" },
      filters: NO_FILTERS,
      provider: "custom",
      reason: "no endpoint: set CUSTOM_API_URL",
    },
    {
      name: "a blank key is no key",
      env: { KIMI_API_KEY: "   " },
      filters: NO_FILTERS,
      provider: "kimi",
      reason: "no API key: set KIMI_API_KEY or MOONSHOT_API_KEY",
    },
    {
      name: "not in ALLOWED_PROVIDERS",
      env: ALL_KEYS,
      filters: { allowedProviders: ["glm"], disabledProviders: [] },
      provider: "kimi",
      reason: "not in ALLOWED_PROVIDERS",
    },
    {
      name: "ALLOWED_PROVIDERS empty after unknown names",
      env: ALL_KEYS,
      filters: { allowedProviders: [], disabledProviders: [] },
      provider: "glm",
      reason: "not in ALLOWED_PROVIDERS",
    },
    {
      name: "in DISABLED_PROVIDERS",
      env: ALL_KEYS,
      filters: { allowedProviders: null, disabledProviders: ["openrouter"] },
      provider: "openrouter",
      reason: "listed in DISABLED_PROVIDERS",
    },
    {
      name: "allowed but disabled",
      env: ALL_KEYS,
      filters: { allowedProviders: ["kimi"], disabledProviders: ["kimi"] },
      provider: "kimi",
      reason: "listed in DISABLED_PROVIDERS",
    },
    {
      name: "ENABLE_OPENROUTER=false",
      env: { ...ALL_KEYS, ENABLE_OPENROUTER: "false" },
      filters: NO_FILTERS,
      provider: "openrouter",
      reason: "ENABLE_OPENROUTER is false",
    },
    {
      name: "ENABLE_OPENROUTER=0",
      env: { ...ALL_KEYS, ENABLE_OPENROUTER: "0" },
      filters: NO_FILTERS,
      provider: "openrouter",
      reason: "ENABLE_OPENROUTER is false",
    },
    {
      name: "ENABLE_OPENROUTER=off",
      env: { ...ALL_KEYS, ENABLE_OPENROUTER: "off" },
      filters: NO_FILTERS,
      provider: "openrouter",
      reason: "ENABLE_OPENROUTER is false",
    },
    {
      name: "ENABLE_CUSTOM=no",
      env: { ...ALL_KEYS, ENABLE_CUSTOM: "no" },
      filters: NO_FILTERS,
      provider: "custom",
      reason: "ENABLE_CUSTOM is false",
    },
    {
      name: "the filter is said before a missing key",
      env: {},
      filters: { allowedProviders: ["glm"], disabledProviders: [] },
      provider: "kimi",
      reason: "not in ALLOWED_PROVIDERS",
    },
  ])("$name", ({ env, filters, provider, reason }) => {
    const target = plan(env, filters)[provider]!;
    expect(target.plan).toEqual({ probe: false, reason });
  });

  it.each([
    { name: "ENABLE_OPENROUTER unset", env: ALL_KEYS },
    { name: "ENABLE_OPENROUTER=true", env: { ...ALL_KEYS, ENABLE_OPENROUTER: "true" } },
    { name: "ENABLE_OPENROUTER=Yes", env: { ...ALL_KEYS, ENABLE_OPENROUTER: "Yes" } },
    { name: "ENABLE_OPENROUTER blank", env: { ...ALL_KEYS, ENABLE_OPENROUTER: " " } },
  ])("OpenRouter is probed with $name", ({ env }) => {
    expect(plan(env).openrouter!.plan.probe).toBe(true);
  });

  it("an unreadable ENABLE_ flag is a ConfigError naming it", () => {
    expect(configErrorOf(() => plan({ ...ALL_KEYS, ENABLE_OPENROUTER: "sometimes" })).at.variable).toBe(
      "ENABLE_OPENROUTER",
    );
  });

  it("plans every definition, in the order given", () => {
    expect(planProbes(definitions, {}, NO_FILTERS).map((t) => t.definition.id)).toEqual([
      "custom",
      "glm",
      "kimi",
      "openrouter",
    ]);
  });
});

describe("planProbes: what is probed", () => {
  it.each([
    {
      name: "Kimi with KIMI_API_KEY at the default URL",
      env: { KIMI_API_KEY: "sk-kimi" },
      provider: "kimi",
      baseUrl: "https://api.moonshot.ai/v1",
      apiKeyVariable: "KIMI_API_KEY",
      url: "https://api.moonshot.ai/v1/models",
      authorization: "Bearer sk-kimi",
    },
    {
      name: "Kimi with the alias MOONSHOT_API_KEY and MOONSHOT_API_URL (.cn)",
      env: { MOONSHOT_API_KEY: "sk-moon", MOONSHOT_API_URL: "https://api.moonshot.cn/v1" },
      provider: "kimi",
      baseUrl: "https://api.moonshot.cn/v1",
      apiKeyVariable: "MOONSHOT_API_KEY",
      url: "https://api.moonshot.cn/v1/models",
      authorization: "Bearer sk-moon",
    },
    {
      name: "KIMI_API_KEY wins over MOONSHOT_API_KEY",
      env: { KIMI_API_KEY: "sk-kimi", MOONSHOT_API_KEY: "sk-moon" },
      provider: "kimi",
      baseUrl: "https://api.moonshot.ai/v1",
      apiKeyVariable: "KIMI_API_KEY",
      url: "https://api.moonshot.ai/v1/models",
      authorization: "Bearer sk-kimi",
    },
    {
      name: "GLM with ZHIPUAI_API_KEY and the older bigmodel URL in ZHIPUAI_API_URL (trailing slash)",
      env: { ZHIPUAI_API_KEY: "zk", ZHIPUAI_API_URL: "https://open.bigmodel.cn/api/paas/v4/" },
      provider: "glm",
      baseUrl: "https://open.bigmodel.cn/api/paas/v4",
      apiKeyVariable: "ZHIPUAI_API_KEY",
      url: "https://open.bigmodel.cn/api/paas/v4/models",
      authorization: "Bearer zk",
    },
    {
      name: "GLM coding plan URL in GLM_API_URL",
      env: { GLM_API_KEY: "gk", GLM_API_URL: " https://api.z.ai/api/coding/paas/v4 " },
      provider: "glm",
      baseUrl: "https://api.z.ai/api/coding/paas/v4",
      apiKeyVariable: "GLM_API_KEY",
      url: "https://api.z.ai/api/coding/paas/v4/models",
      authorization: "Bearer gk",
    },
    {
      name: "OpenRouter at its default URL",
      env: { OPENROUTER_API_KEY: "or" },
      provider: "openrouter",
      baseUrl: "https://openrouter.ai/api/v1",
      apiKeyVariable: "OPENROUTER_API_KEY",
      url: "https://openrouter.ai/api/v1/models",
      authorization: "Bearer or",
    },
    {
      name: "custom without a key (a local server)",
      env: { CUSTOM_API_URL: "http://127.0.0.1:11434/v1" },
      provider: "custom",
      baseUrl: "http://127.0.0.1:11434/v1",
      apiKeyVariable: null,
      url: "http://127.0.0.1:11434/v1/models",
      authorization: undefined,
    },
    {
      name: "custom with a key",
      env: { CUSTOM_API_URL: "http://localhost:8000/v1", CUSTOM_API_KEY: "ck" },
      provider: "custom",
      baseUrl: "http://localhost:8000/v1",
      apiKeyVariable: "CUSTOM_API_KEY",
      url: "http://localhost:8000/v1/models",
      authorization: "Bearer ck",
    },
  ])("$name", ({ env, provider, baseUrl, apiKeyVariable, url, authorization }) => {
    const target = plan(env)[provider]!;
    expect(target.baseUrl).toBe(baseUrl);
    expect(target.apiKeyVariable).toBe(apiKeyVariable);
    expect(target.plan.probe).toBe(true);
    if (!target.plan.probe) return;
    expect(target.plan.url).toBe(url);
    expect(target.plan.authorization).toBe(authorization);
  });

  it("a skipped provider still shows its (credential-free) URL and key variable", () => {
    const target = plan(
      { ...ALL_KEYS, MOONSHOT_API_URL: "https://api.moonshot.cn/v1" },
      { allowedProviders: ["glm"], disabledProviders: [] },
    ).kimi!;
    expect(target).toMatchObject({
      baseUrl: "https://api.moonshot.cn/v1",
      apiKeyVariable: "KIMI_API_KEY",
      plan: { probe: false },
    });
  });

  it("custom with no URL has a null baseUrl", () => {
    expect(plan({}).custom!.baseUrl).toBeNull();
  });
});

describe("planProbes: credentials in URLs", () => {
  const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

  it.each([
    {
      name: "user:pass in the URL becomes Basic auth and leaves the displayed URL",
      raw: "https://user:pass@gateway.example/v1",
      extra: {},
      baseUrl: "https://gateway.example/v1",
      authorization: basic("user", "pass"),
      secrets: ["pass", "user", Buffer.from("user:pass").toString("base64")],
    },
    {
      name: "percent-encoded credentials are decoded for auth",
      raw: "https://us%40er:p%3Ass%2Fw@gateway.example/v1/",
      extra: {},
      baseUrl: "https://gateway.example/v1",
      authorization: basic("us@er", "p:ss/w"),
      secrets: ["p:ss/w", "us@er", Buffer.from("us@er:p:ss/w").toString("base64")],
    },
    {
      name: "username only",
      raw: "http://token123@localhost:8000/v1",
      extra: {},
      baseUrl: "http://localhost:8000/v1",
      authorization: basic("token123", ""),
      secrets: ["token123", Buffer.from("token123:").toString("base64")],
    },
    {
      name: "an API key wins over URL credentials, which are still kept secret",
      raw: "https://user:pass@gateway.example/v1",
      extra: { CUSTOM_API_KEY: "ck-123" },
      baseUrl: "https://gateway.example/v1",
      authorization: "Bearer ck-123",
      secrets: ["ck-123", "pass", "user"],
    },
    {
      name: "query string and fragment are not displayed; the query is sent and its values are secrets",
      raw: "http://localhost:8000/v1?api_key=qs-secret#frag",
      extra: {},
      baseUrl: "http://localhost:8000/v1",
      query: "?api_key=qs-secret",
      authorization: undefined,
      secrets: ["qs-secret"],
    },
    {
      name: "malformed percent-encoding in credentials is used as written",
      raw: "https://us%zzer:p%ss@gateway.example/v1",
      extra: {},
      baseUrl: "https://gateway.example/v1",
      authorization: basic("us%zzer", "p%ss"),
      secrets: ["p%ss", "us%zzer", Buffer.from("us%zzer:p%ss").toString("base64")],
    },
  ])("$name", ({ raw, extra, baseUrl, authorization, secrets, ...rest }) => {
    const target = plan({ CUSTOM_API_URL: raw, ...extra }).custom!;
    expect(target.baseUrl).toBe(baseUrl);
    if (!target.plan.probe) throw new Error(`not probed: ${target.plan.reason}`);
    expect(target.plan.url).toBe(`${baseUrl}/models${"query" in rest ? rest.query : ""}`);
    expect(target.plan.authorization).toBe(authorization);
    expect([...target.plan.secrets].sort()).toEqual([...secrets].sort());
  });

  it.each([
    { name: "not a URL", variable: "KIMI_API_URL", raw: "api.moonshot.ai/v1?key=sk-hidden" },
    { name: "words", variable: "GLM_API_URL", raw: "my secret sk-hidden" },
    { name: "another scheme", variable: "CUSTOM_API_URL", raw: "ftp://user:sk-hidden@host/v1" },
    { name: "file URL", variable: "OPENROUTER_API_URL", raw: "file:///etc/sk-hidden" },
    { name: "the alias variable is named when it is the one set", variable: "ZHIPUAI_API_URL", raw: "::sk-hidden::" },
  ])("a bad URL ($name) is a ConfigError naming $variable without echoing the value", ({ variable, raw }) => {
    const error = configErrorOf(() => plan({ ...ALL_KEYS, [variable]: raw }));
    expect(error.at.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).not.toContain("sk-hidden");
  });

  it("property: no credential appears anywhere but plan.authorization, plan.headers and plan.secrets", () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{8,24}$/).map((s) => `S3cr3t${s}`);
    fc.assert(
      fc.property(secret, secret, secret, secret, fc.boolean(), (kimiKey, customKey, user, pass, withCustomKey) => {
        const env: Env = {
          MOONSHOT_API_KEY: kimiKey,
          CUSTOM_API_URL: `https://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@gateway.example/v1`,
          ...(withCustomKey ? { CUSTOM_API_KEY: customKey } : {}),
        };
        const targets = planProbes(definitions, env, NO_FILTERS);
        const text = JSON.stringify(targets.map(publicPart));
        for (const value of [kimiKey, customKey, user, pass]) expect(text).not.toContain(value);
        const custom = targets.find((t) => t.definition.id === "custom")!;
        if (!custom.plan.probe) throw new Error("custom not probed");
        // Whatever is sent is known as secret, so the probe can redact it from every message.
        for (const value of [user, pass, ...(withCustomKey ? [customKey] : [])])
          expect(custom.plan.secrets).toContain(value);
        const sent = custom.plan.authorization!.replace(/^(Bearer|Basic) /, "");
        expect(custom.plan.secrets).toContain(sent);
      }),
      { numRuns: 200 },
    );
  });
});

describe("planProbes: filters come before the URL", () => {
  it.each([
    {
      name: "disabled",
      env: { DISABLED_PROVIDERS: "x" },
      filters: { allowedProviders: null, disabledProviders: ["custom"] },
    },
    { name: "not allowed", env: {}, filters: { allowedProviders: ["kimi"], disabledProviders: [] } },
    { name: "its enable flag is false", env: { ENABLE_CUSTOM: "false" }, filters: NO_FILTERS },
  ])("a bad URL of a provider that is $name does not stop the run", ({ env, filters }) => {
    const target = plan({ CUSTOM_API_URL: "not a url", ...env }, filters).custom!;
    expect(target.plan.probe).toBe(false);
    expect(target.baseUrl).toBeNull();
  });
});

describe("planProbes: the providers beyond the first four", () => {
  const all = allBuiltinDefinitions();
  const plan = (env: Env): Record<string, ProbeTarget> =>
    Object.fromEntries(planProbes(all, env, NO_FILTERS).map((t) => [t.definition.id, t]));

  it.each([
    {
      name: "Anthropic: the key in x-api-key, with anthropic-version; no Authorization",
      env: { ANTHROPIC_API_KEY: "sk-ant-1234567890" },
      provider: "anthropic",
      url: "https://api.anthropic.com/v1/models",
      headers: { "x-api-key": "sk-ant-1234567890", "anthropic-version": "2023-06-01" },
      authorization: undefined,
    },
    {
      name: "Gemini: the key in x-goog-api-key",
      env: { GEMINI_API_KEY: "AIza-1234567890" },
      provider: "gemini",
      url: "https://generativelanguage.googleapis.com/v1beta/models",
      headers: { "x-goog-api-key": "AIza-1234567890" },
      authorization: undefined,
    },
    {
      name: "Gemini: GOOGLE_API_KEY when GEMINI_API_KEY is not set",
      env: { GOOGLE_API_KEY: "AIza-google-123456" },
      provider: "gemini",
      url: "https://generativelanguage.googleapis.com/v1beta/models",
      headers: { "x-goog-api-key": "AIza-google-123456" },
      authorization: undefined,
      variable: "GOOGLE_API_KEY",
    },
    {
      name: "Groq at /openai/v1",
      env: { GROQ_API_KEY: "gsk_1234567890" },
      provider: "groq",
      url: "https://api.groq.com/openai/v1/models",
      authorization: "Bearer gsk_1234567890",
    },
    {
      name: "Fireworks at /inference/v1",
      env: { FIREWORKS_API_KEY: "fw_1234567890" },
      provider: "fireworks",
      url: "https://api.fireworks.ai/inference/v1/models",
      authorization: "Bearer fw_1234567890",
    },
    {
      name: "DeepSeek at its root",
      env: { DEEPSEEK_API_KEY: "sk-1234567890" },
      provider: "deepseek",
      url: "https://api.deepseek.com/models",
      authorization: "Bearer sk-1234567890",
    },
    {
      name: "OpenAI, xAI, Mistral, Together: bearer",
      env: { OPENAI_API_KEY: "sk-proj-123456789" },
      provider: "openai",
      url: "https://api.openai.com/v1/models",
      authorization: "Bearer sk-proj-123456789",
    },
    {
      name: "Ollama enabled: its default address, /api/tags, details at /api/show, no key",
      env: { ENABLE_OLLAMA: "true" },
      provider: "ollama",
      url: "http://127.0.0.1:11434/api/tags",
      authorization: undefined,
    },
    {
      name: "Ollama from OLLAMA_HOST written as host:port",
      env: { OLLAMA_HOST: "192.168.1.20:11434" },
      provider: "ollama",
      url: "http://192.168.1.20:11434/api/tags",
      authorization: undefined,
    },
    {
      name: "Ollama from OLLAMA_HOST with a scheme",
      env: { OLLAMA_HOST: "https://ollama.example" },
      provider: "ollama",
      url: "https://ollama.example/api/tags",
      authorization: undefined,
    },
    {
      name: "LM Studio enabled: /api/v0/models, falling back to /v1/models",
      env: { ENABLE_LMSTUDIO: "1" },
      provider: "lmstudio",
      url: "http://127.0.0.1:1234/api/v0/models",
      authorization: undefined,
    },
  ])("$name", ({ env, provider, url, headers, authorization, variable }) => {
    const target = plan(env)[provider]!;
    if (!target.plan.probe) throw new Error(`${provider} not probed: ${target.plan.reason}`);
    expect(target.plan.url).toBe(url);
    expect(target.plan.authorization).toBe(authorization);
    if (headers) expect(target.plan.headers).toEqual(headers);
    else expect(target.plan.headers).toBeUndefined();
    if (variable) expect(target.apiKeyVariable).toBe(variable);
    for (const value of Object.values(headers ?? {}))
      if (value !== "2023-06-01") expect(target.plan.secrets).toContain(value);
    if (provider === "ollama") expect(target.plan.detailsUrl).toBe(url.replace("/api/tags", "/api/show"));
    if (provider === "lmstudio") expect(target.plan.fallbackUrls).toEqual(["http://127.0.0.1:1234/v1/models"]);
  });

  it.each([
    { provider: "ollama", env: {}, reason: "not enabled: set OLLAMA_API_URL or OLLAMA_HOST, or ENABLE_OLLAMA=true" },
    {
      provider: "ollama",
      env: { ENABLE_OLLAMA: "false", OLLAMA_HOST: "127.0.0.1:11434" },
      reason: "ENABLE_OLLAMA is false",
    },
    { provider: "lmstudio", env: {}, reason: "not enabled: set LMSTUDIO_API_URL, or ENABLE_LMSTUDIO=true" },
    { provider: "anthropic", env: {}, reason: "no API key: set ANTHROPIC_API_KEY" },
    { provider: "gemini", env: {}, reason: "no API key: set GEMINI_API_KEY or GOOGLE_API_KEY" },
    { provider: "openai", env: { OPENAI_API_KEY: "sk-1", ENABLE_OPENAI: "no" }, reason: "ENABLE_OPENAI is false" },
  ])("$provider is skipped: $reason", ({ provider, env, reason }) => {
    const target = plan(env)[provider]!;
    expect(target.plan).toEqual({ probe: false, reason });
  });

  it("a key put in x-goog-api-key is a secret, and a ?key= in the base URL too; neither is in what is shown", () => {
    const target = plan({
      GEMINI_API_URL: "https://proxy.example/v1beta?key=AIza-in-query-123",
      GEMINI_API_KEY: "AIza-header-456789",
    }).gemini!;
    if (!target.plan.probe) throw new Error("gemini not probed");
    expect(target.plan.url).toBe("https://proxy.example/v1beta/models?key=AIza-in-query-123");
    expect(target.plan.secrets).toEqual(expect.arrayContaining(["AIza-in-query-123", "AIza-header-456789"]));
    // The URL is sent with its query, and never shown: what is shown (the base URL, the variable) holds neither key.
    expect(JSON.stringify({ baseUrl: target.baseUrl, apiKeyVariable: target.apiKeyVariable })).not.toMatch(
      /AIza-in-query|AIza-header/,
    );
    expect(target.baseUrl).toBe("https://proxy.example/v1beta");
  });
});
