// Rules 1–4 of docs/selection.md, one row per behaviour.
import { describe, expect, test } from "vitest";
import type { SelectionRequest } from "../../src/selector/index.js";
import { outcome, selectorFor, type Outcome } from "../support/snapshots.js";
import type { ModelSpec, PolicySpec, SnapshotSpec } from "../support/snapshot-builder.js";

interface Case {
  name: string;
  models?: ModelSpec[];
  policy?: PolicySpec;
  providers?: string[];
  keepOrder?: boolean;
  request: SelectionRequest;
  expect: Outcome;
}

/** Two providers, kimi first, with the shapes the predecessor's users had. */
const MODELS: ModelSpec[] = [
  { provider: "kimi", id: "kimi-latest-128k", moving: true, ctx: 131072, vision: true, tools: true },
  {
    provider: "kimi",
    id: "kimi-k2-0905-preview",
    aliases: ["kimi-k2", "kimi-k2-0905"],
    tier: "flagship",
    ctx: 262144,
    tools: true,
    status: "preview",
  },
  {
    provider: "kimi",
    id: "kimi-k2-turbo-preview",
    aliases: ["kimi-k2-turbo"],
    tier: "fast",
    ctx: 262144,
    tools: true,
    status: "preview",
  },
  { provider: "kimi", id: "moonshot-v1-8k", ctx: 8192, out: 2048, price: { input: 0.2, output: 2 } },
  {
    provider: "kimi",
    id: "kimi-thinking-preview",
    aliases: ["kimi-thinking"],
    tier: "flagship",
    reasoning: true,
    vision: true,
    ctx: 131072,
    status: "preview",
  },
  { provider: "kimi", id: "kimi-latest-8k", moving: true, availability: "not_listed" },
  {
    provider: "glm",
    id: "glm-4.6",
    tier: "flagship",
    reasoning: true,
    tools: true,
    ctx: 200000,
    price: { input: 0.6, output: 2.2 },
  },
  { provider: "glm", id: "glm-4.5-flash", tier: "fast", free: true, reasoning: true, price: { input: 0, output: 0 } },
  { provider: "glm", id: "glm-4.5v", vision: true, ctx: 65536 },
  { provider: "glm", id: "embedding-3", kind: "embedding" },
  {
    provider: "openrouter",
    id: "z-ai/glm-4.6",
    aliases: ["glm-4.6"],
    tier: "flagship",
    reasoning: true,
    ctx: 202752,
    out: null,
  },
];

const KIMI_DEFAULT: PolicySpec = { providers: { kimi: { defaultModel: "kimi-k2-0905-preview" } } };
const USER_DEFAULT: PolicySpec = { ...KIMI_DEFAULT, defaultModel: { model: "glm-4.5-flash", provider: "glm" } };

const cases: Record<string, Case[]> = {
  "the complaint": [
    {
      name: "kimi first, KIMI_DEFAULT_MODEL set, no preferred lists, kimi-latest-128k listed first: the provider default wins",
      keepOrder: true,
      policy: KIMI_DEFAULT,
      request: {},
      expect: {
        choice: "kimi/kimi-k2-0905-preview",
        rule: "provider_default",
        reason: /kimi's default model \(policy\.providers\.kimi\.defaultModel\)/,
      },
    },
    ...(["fast_response", "balanced", "extended_reasoning"] as const).map((category): Case => ({
      name: `with DEFAULT_MODEL=glm-4.5-flash too, a ${category} request still gets kimi's default`,
      keepOrder: true,
      policy: USER_DEFAULT,
      request: { category },
      expect: { choice: "kimi/kimi-k2-0905-preview", rule: "provider_default" },
    })),
    {
      name: "without any preference, merit decides, never list order: not the moving alias listed first",
      keepOrder: true,
      request: {},
      expect: { choice: "kimi/kimi-k2-0905-preview", rule: "merit", reason: /ranks first on merit for balanced/ },
    },
  ],
  "rule 1: an explicit model": [
    {
      name: "by id",
      request: { model: "moonshot-v1-8k" },
      expect: { choice: "kimi/moonshot-v1-8k", rule: "requested", fallbacks: [] },
    },
    {
      name: "by alias, any case",
      request: { model: "KIMI-K2" },
      expect: { choice: "kimi/kimi-k2-0905-preview", rule: "requested", reason: /as "KIMI-K2"/ },
    },
    {
      name: "served by two providers: the first in priority, the other as fallback",
      request: { model: "glm-4.6" },
      expect: { choice: "glm/glm-4.6", fallbacks: ["openrouter/z-ai/glm-4.6"] },
    },
    {
      name: "served by two providers, restricted to the second",
      request: { model: "glm-4.6", provider: "openrouter" },
      expect: { choice: "openrouter/z-ai/glm-4.6", fallbacks: [] },
    },
    {
      name: "the first provider cannot serve it: the next one does, and the reason says why",
      policy: { providers: { glm: { allowedModels: ["glm-4.5-flash"] } } },
      request: { model: "glm-4.6" },
      expect: { choice: "openrouter/z-ai/glm-4.6", reason: /glm, earlier in priority, cannot serve it/ },
    },
    {
      name: "auto is not a model name",
      policy: KIMI_DEFAULT,
      request: { model: "Auto" },
      expect: { choice: "kimi/kimi-k2-0905-preview" },
    },
    {
      name: "unverified, when the policy routes unverified models",
      models: [{ provider: "custom", id: "qwen", availability: "unverified" }],
      policy: { routeUnverified: true },
      request: { model: "qwen" },
      expect: { choice: "custom/qwen" },
    },
    {
      name: "stale models are routable",
      models: [{ provider: "glm", id: "glm-4.6", availability: "stale" }],
      request: { model: "glm-4.6" },
      expect: { choice: "glm/glm-4.6", reason: /requested by name/ },
    },
    {
      name: "unknown: NO_SUCH_MODEL",
      request: { model: "gpt-5" },
      expect: { error: "NO_SUCH_MODEL", message: /no model "gpt-5" in the snapshot/ },
    },
    {
      name: "unknown, with suggestions",
      request: { model: "thinking" },
      expect: { error: "NO_SUCH_MODEL", message: /did you mean "kimi-thinking-preview"/ },
    },
    {
      name: "known but not listed: NO_SUCH_MODEL, never a substitute",
      request: { model: "kimi-latest-8k" },
      expect: { error: "NO_SUCH_MODEL", message: /kimi-latest-8k at kimi: kimi's probe succeeded and did not list it/ },
    },
    {
      name: "its provider was not probed",
      models: [{ provider: "custom", id: "qwen", availability: "unverified" }],
      request: { model: "qwen" },
      expect: {
        error: "NO_SUCH_MODEL",
        message: /qwen at custom: custom was not probed, and policy\.routeUnverified is off/,
      },
    },
    {
      name: "not a chat model",
      request: { model: "embedding-3" },
      expect: { error: "NO_SUCH_MODEL", message: /embedding model/ },
    },
    {
      name: "another provider serves it",
      request: { model: "moonshot-v1-8k", provider: "glm" },
      expect: { error: "NO_SUCH_MODEL", message: /glm does not serve "moonshot-v1-8k" \(kimi does\)/ },
    },
    {
      name: "not in the allow-list",
      policy: { providers: { kimi: { allowedModels: ["KIMI-K2-0905-PREVIEW"] } } },
      request: { model: "moonshot-v1-8k" },
      expect: { error: "MODEL_NOT_ALLOWED", message: /KIMI_ALLOWED_MODELS/ },
    },
    {
      name: "the allow-list compares without regard to case",
      policy: { providers: { kimi: { allowedModels: ["MOONSHOT-V1-8K"] } } },
      request: { model: "moonshot-v1-8k" },
      expect: { choice: "kimi/moonshot-v1-8k" },
    },
    {
      name: "a disabled provider",
      policy: { disabledProviders: ["kimi"] },
      request: { model: "kimi-k2" },
      expect: { error: "MODEL_NOT_ALLOWED", message: /disabledProviders/ },
    },
    {
      name: "a provider outside allowedProviders",
      policy: { allowedProviders: ["glm"] },
      request: { model: "kimi-k2" },
      expect: { error: "MODEL_NOT_ALLOWED", message: /allowedProviders/ },
    },
    {
      name: "excluded by the request (by alias)",
      request: { model: "kimi-k2-0905-preview", exclude: ["kimi-k2"] },
      expect: { error: "MODEL_NOT_ALLOWED", message: /excludes it/ },
    },
    {
      name: "lacks a capability",
      request: { model: "kimi-k2", requires: { vision: true } },
      expect: { error: "REQUIREMENTS_NOT_MET", message: /requires vision/ },
    },
    {
      name: "context too small",
      request: { model: "moonshot-v1-8k", requires: { minContext: 100000 } },
      expect: { error: "REQUIREMENTS_NOT_MET", message: /8192 tokens is below the 100000 required/ },
    },
    {
      name: "an unknown output limit does not meet a minimum",
      request: { model: "z-ai/glm-4.6", requires: { minOutput: 1 } },
      expect: { error: "REQUIREMENTS_NOT_MET", message: /output limit is unknown/ },
    },
    {
      name: "the closest failure gives the code: not allowed at one provider, too small at the other",
      policy: { providers: { glm: { allowedModels: [] } } },
      request: { model: "glm-4.6", requires: { minContext: 300000 } },
      expect: {
        error: "REQUIREMENTS_NOT_MET",
        message: /glm-4\.6 at glm: it is not in glm's allow-list.*below the 300000 required/,
      },
    },
  ],
  "rule 2: the default model": [
    {
      name: "a bare request gets DEFAULT_MODEL",
      policy: USER_DEFAULT,
      request: {},
      expect: { choice: "glm/glm-4.5-flash", rule: "default_model", reason: /policy\.defaultModel/ },
    },
    {
      name: "so does model auto",
      policy: USER_DEFAULT,
      request: { model: "auto" },
      expect: { choice: "glm/glm-4.5-flash", rule: "default_model" },
    },
    {
      name: "its fallbacks are the routing order",
      policy: USER_DEFAULT,
      models: [
        { provider: "kimi", id: "a" },
        { provider: "glm", id: "glm-4.5-flash" },
        { provider: "glm", id: "b" },
      ],
      request: {},
      expect: { choice: "glm/glm-4.5-flash", fallbacks: ["kimi/a", "glm/b"] },
    },
    {
      name: "a named provider routes instead",
      policy: USER_DEFAULT,
      request: { provider: "glm" },
      expect: { choice: "glm/glm-4.6", rule: "merit" },
    },
    {
      name: "a requirement routes instead",
      policy: USER_DEFAULT,
      request: { requires: { tools: true } },
      expect: { choice: "kimi/kimi-k2-0905-preview" },
    },
    {
      name: "an exclude is not a routing criterion",
      policy: USER_DEFAULT,
      request: { exclude: ["moonshot-v1-8k"] },
      expect: { choice: "glm/glm-4.5-flash", rule: "default_model" },
    },
    {
      name: "a default that cannot serve is passed over, and the reason says why",
      policy: USER_DEFAULT,
      models: [
        { provider: "kimi", id: "kimi-k2-0905-preview" },
        { provider: "glm", id: "glm-4.5-flash", availability: "not_listed" },
      ],
      request: {},
      expect: {
        choice: "kimi/kimi-k2-0905-preview",
        rule: "provider_default",
        reason:
          /default model glm-4\.5-flash \(glm\) was passed over because glm's probe succeeded and did not list it/,
      },
    },
    {
      name: "an excluded default is passed over",
      policy: USER_DEFAULT,
      request: { exclude: ["GLM-4.5-FLASH"] },
      expect: { choice: "kimi/kimi-k2-0905-preview", reason: /passed over because the request excludes it/ },
    },
    {
      name: "a default missing from the snapshot is passed over",
      policy: { defaultModel: { model: "gone", provider: "glm" } },
      models: [{ provider: "glm", id: "glm-4.6" }],
      request: {},
      expect: {
        choice: "glm/glm-4.6",
        reason: /default model gone \(glm\) was passed over because the snapshot has no such model/,
      },
    },
  ],
  "rule 3: routing": [
    {
      name: "category preference, then provider preference, then provider default",
      models: [
        { provider: "p", id: "a" },
        { provider: "p", id: "b" },
        { provider: "p", id: "c" },
        { provider: "p", id: "d", tier: "flagship" },
      ],
      policy: {
        providers: { p: { preferredByCategory: { balanced: ["c"] }, preferredModels: ["b"], defaultModel: "a" } },
      },
      request: { category: "balanced" },
      expect: { choice: "p/c", rule: "category_preference", fallbacks: ["p/b", "p/a", "p/d"] },
    },
    {
      name: "another category's preference list does not count",
      models: [
        { provider: "p", id: "a" },
        { provider: "p", id: "b" },
      ],
      policy: { providers: { p: { preferredByCategory: { fast_response: ["b"] }, defaultModel: "a" } } },
      request: { category: "balanced" },
      expect: { choice: "p/a", rule: "provider_default" },
    },
    {
      name: "preferences are matched by alias, without regard to case",
      models: [
        { provider: "p", id: "long-name-v2", aliases: ["short"] },
        { provider: "p", id: "z", tier: "flagship" },
      ],
      policy: { providers: { p: { preferredModels: ["SHORT"] } } },
      request: {},
      expect: { choice: "p/long-name-v2", rule: "provider_preference" },
    },
    {
      name: "a preference that does not fit is skipped for the next",
      models: [
        { provider: "p", id: "a" },
        { provider: "p", id: "b", vision: true },
        { provider: "p", id: "c", vision: true, tier: "flagship" },
      ],
      policy: { providers: { p: { preferredModels: ["a", "b"] } } },
      request: { requires: { vision: true } },
      expect: { choice: "p/b", rule: "provider_preference", fallbacks: ["p/c"] },
    },
    {
      name: "the first provider with a candidate wins; later ones become fallbacks",
      models: [
        { provider: "a", id: "x" },
        { provider: "b", id: "y", vision: true },
        { provider: "c", id: "z", vision: true },
      ],
      policy: { providerPriority: ["a", "b", "c"] },
      request: { requires: { vision: true } },
      expect: {
        choice: "b/y",
        fallbacks: ["c/z"],
        reason: /b is the first provider in priority order with a model that fits \(a had none\)/,
      },
    },
    {
      name: "a provider missing from providerPriority goes after it, by id",
      models: [
        { provider: "zeta", id: "z1" },
        { provider: "alpha", id: "a1" },
        { provider: "mid", id: "m1" },
      ],
      policy: { providerPriority: ["mid"] },
      request: {},
      expect: { choice: "mid/m1", fallbacks: ["alpha/a1", "zeta/z1"] },
    },
    {
      name: "disabled providers are skipped",
      policy: { ...KIMI_DEFAULT, disabledProviders: ["kimi"] },
      request: {},
      expect: { choice: "glm/glm-4.6" },
    },
    {
      name: "only allowedProviders are tried",
      policy: { ...KIMI_DEFAULT, allowedProviders: ["openrouter"] },
      request: {},
      expect: { choice: "openrouter/z-ai/glm-4.6", fallbacks: [] },
    },
    {
      name: "the request's provider restricts the choice",
      policy: KIMI_DEFAULT,
      request: { provider: "GLM", category: "fast_response" },
      expect: { choice: "glm/glm-4.6", reason: /glm is the requested provider/ },
    },
    {
      name: "the allow-list restricts, and a preferred model outside it is passed over",
      policy: { providers: { kimi: { defaultModel: "kimi-k2-0905-preview", allowedModels: ["moonshot-v1-8k"] } } },
      request: {},
      expect: {
        choice: "kimi/moonshot-v1-8k",
        fallbacks: ["glm/glm-4.6", "glm/glm-4.5v", "glm/glm-4.5-flash", "openrouter/z-ai/glm-4.6"],
      },
    },
    {
      name: "unverified models only when the policy says so",
      models: [
        { provider: "a", id: "u", availability: "unverified" },
        { provider: "b", id: "l" },
      ],
      request: {},
      expect: { choice: "b/l", fallbacks: [] },
    },
    {
      name: "unverified models when routeUnverified is on",
      models: [
        { provider: "a", id: "u", availability: "unverified" },
        { provider: "b", id: "l" },
      ],
      policy: { routeUnverified: true },
      request: {},
      expect: { choice: "a/u", fallbacks: ["b/l"] },
    },
    {
      name: "stale models are routable; not_listed ones never",
      models: [
        { provider: "a", id: "gone", availability: "not_listed", tier: "flagship" },
        { provider: "a", id: "old", availability: "stale" },
      ],
      request: {},
      expect: { choice: "a/old", fallbacks: [] },
    },
    {
      name: "only chat models",
      models: [
        { provider: "a", id: "emb", kind: "embedding", tier: "flagship" },
        { provider: "a", id: "chat" },
      ],
      request: {},
      expect: { choice: "a/chat", fallbacks: [] },
    },
    {
      name: "exclude skips a model at every provider, by id or alias",
      policy: KIMI_DEFAULT,
      request: { model: "auto", exclude: ["KIMI-K2", "glm-4.6"] },
      expect: { choice: "kimi/kimi-k2-turbo-preview" },
    },
    {
      name: "an unknown context window does not meet a minimum",
      models: [
        { provider: "a", id: "unknown", ctx: null, tier: "flagship" },
        { provider: "a", id: "known", ctx: 100000 },
      ],
      request: { requires: { minContext: 50000 } },
      expect: { choice: "a/known", fallbacks: [] },
    },
    {
      name: "every requirement at once",
      request: { requires: { vision: true, tools: true, minContext: 100000, minOutput: 4096 } },
      expect: { choice: "kimi/kimi-latest-128k", fallbacks: [] },
    },
  ],
  "by name only: routers and by_name variants": [
    ...(
      [
        ["a router", { kind: "router" as const }],
        ["a :batch variant", { routing: "by_name" as const, variant: { of: "x", tag: "batch" } }],
      ] as const
    ).flatMap(([what, facts]): Case[] => {
      const models: ModelSpec[] = [
        {
          provider: "or",
          id: "special",
          tools: true,
          vision: true,
          ctx: 2000000,
          tier: "flagship",
          price: { input: 0, output: 0 },
          ...facts,
        },
        { provider: "or", id: "x", tools: true, price: { input: 1, output: 2 } },
        { provider: "glm", id: "glm-4.6", price: { input: 0.6, output: 2.2 } },
      ];
      return [
        {
          name: `${what} is never chosen on merit, nor as a fallback`,
          models,
          request: { category: "fast_response" },
          expect: { choice: "or/x", fallbacks: ["glm/glm-4.6"] },
        },
        {
          name: `${what}, when nothing else fits, is not chosen either`,
          models,
          request: { requires: { vision: true } },
          expect: { error: "NO_MODEL_AVAILABLE" },
        },
        {
          name: `${what} is chosen when the request names it`,
          models,
          request: { model: "SPECIAL" },
          expect: { choice: "or/special", rule: "requested", fallbacks: [] },
        },
        {
          name: `${what} as the default model is used`,
          models,
          policy: { defaultModel: { model: "special", provider: "or" } },
          request: {},
          expect: { choice: "or/special", rule: "default_model", fallbacks: ["or/x", "glm/glm-4.6"] },
        },
        {
          name: `${what} named by a written preference is honoured in its place`,
          models,
          policy: { providers: { or: { preferredModels: ["special"] } } },
          request: {},
          expect: { choice: "or/special", rule: "provider_preference", fallbacks: ["or/x", "glm/glm-4.6"] },
        },
      ];
    }),
    {
      name: "other kinds are never routable, even by name",
      models: [{ provider: "a", id: "lyria", kind: "audio" }],
      request: { model: "lyria" },
      expect: { error: "NO_SUCH_MODEL", message: /an audio model/ },
    },
  ],
  "health before priority, on merit": [
    {
      name: "a live pinned model of a later provider beats a deprecated moving alias of an earlier one, and the reason says so",
      models: [
        { provider: "kimi", id: "kimi-latest", moving: true, status: "deprecated", vision: true, tools: true },
        { provider: "glm", id: "glm-4.5v", vision: true, tools: true, price: { input: 0.6, output: 1.8 } },
      ],
      request: { requires: { vision: true, tools: true } },
      expect: {
        choice: "glm/glm-4.5v",
        rule: "merit",
        fallbacks: ["kimi/kimi-latest"],
        reason:
          /health overrode provider priority: glm-4\.5v is described, live and pinned, while kimi's best fit kimi-latest is deprecated and a moving alias/,
      },
    },
    {
      name: "an undescribed model of the first provider loses to a described one of the second",
      models: [
        { provider: "a", id: "mystery", described: false, tier: "flagship" },
        { provider: "b", id: "known" },
      ],
      request: {},
      expect: { choice: "b/known", fallbacks: ["a/mystery"], reason: /a's best fit mystery is undescribed/ },
    },
    {
      name: "among equals, provider priority decides",
      models: [
        { provider: "a", id: "old-a", status: "deprecated" },
        { provider: "b", id: "old-b", status: "deprecated", tier: "flagship" },
      ],
      request: {},
      expect: { choice: "a/old-a", fallbacks: ["b/old-b"], reason: /a is first in provider priority/ },
    },
    {
      name: "standing orders the unhealthy too: a live moving alias before a deprecated pinned model, before an undescribed one",
      models: [
        { provider: "a", id: "mystery", described: false },
        { provider: "b", id: "old", status: "deprecated" },
        { provider: "c", id: "latest", moving: true },
      ],
      request: {},
      expect: { choice: "c/latest", fallbacks: ["b/old", "a/mystery"] },
    },
    {
      name: "a written preference is honoured before health (register warns about it)",
      models: [
        { provider: "kimi", id: "kimi-latest", moving: true, status: "deprecated" },
        { provider: "glm", id: "glm-4.6" },
      ],
      policy: { providers: { kimi: { defaultModel: "kimi-latest" } } },
      request: { category: "balanced" },
      expect: { choice: "kimi/kimi-latest", rule: "provider_default", fallbacks: ["glm/glm-4.6"] },
    },
    {
      name: "a later provider's preference beats an earlier provider's unhealthy model on merit",
      models: [
        { provider: "a", id: "old", status: "deprecated" },
        { provider: "b", id: "p1" },
        { provider: "b", id: "p2", status: "deprecated" },
      ],
      policy: { providers: { b: { preferredModels: ["p2"] } } },
      request: {},
      expect: {
        choice: "b/p2",
        rule: "provider_preference",
        fallbacks: ["b/p1", "a/old"],
        reason: /health overrode provider priority: p2 is named by b's preferred models/,
      },
    },
    {
      name: "with a provider named, health does not cross providers",
      models: [
        { provider: "a", id: "old", status: "deprecated" },
        { provider: "b", id: "new" },
      ],
      request: { provider: "a" },
      expect: { choice: "a/old", fallbacks: [] },
    },
    {
      name: "free tier is not health: it orders a provider's models, and provider priority still orders providers",
      models: [
        { provider: "or", id: "m:free", free: true, price: { input: 0, output: 0 }, variant: { of: "m", tag: "free" } },
        { provider: "glm", id: "paid", price: { input: 1, output: 1 } },
      ],
      request: { category: "fast_response" },
      expect: { choice: "or/m:free", fallbacks: ["glm/paid"] },
    },
  ],
  "rule 4: nothing fits": [
    {
      name: "no model meets the requirements",
      request: { requires: { vision: true, reasoning: true, tools: true } },
      expect: {
        error: "NO_MODEL_AVAILABLE",
        message:
          /no model fits a balanced request requiring vision, tools and reasoning at any provider \(kimi, glm, openrouter\)/,
      },
    },
    {
      name: "the restricted provider has none",
      request: { provider: "openrouter", requires: { vision: true } },
      expect: { error: "NO_MODEL_AVAILABLE", message: /at openrouter/ },
    },
    {
      name: "nothing can be routed at all",
      models: [{ provider: "a", id: "x", availability: "not_listed" }],
      request: {},
      expect: { error: "NO_MODEL_AVAILABLE", message: /no model there can be routed at all/ },
    },
    {
      name: "an empty snapshot",
      models: [],
      providers: ["kimi"],
      request: {},
      expect: { error: "NO_MODEL_AVAILABLE", message: /the snapshot has no models: run `provider-registry register`/ },
    },
    {
      name: "every model excluded",
      models: [{ provider: "a", id: "x" }],
      request: { exclude: ["x"] },
      expect: { error: "NO_MODEL_AVAILABLE" },
    },
  ],
};

for (const [group, rows] of Object.entries(cases)) {
  describe(group, () => {
    test.each(rows)("$name", (row) => {
      const spec: SnapshotSpec = { models: row.models ?? MODELS, keepOrder: row.keepOrder ?? false };
      if (row.policy) spec.policy = row.policy;
      if (row.providers) spec.providers = row.providers;
      const got = outcome(selectorFor(spec), row.request);
      const want = row.expect;
      if ("error" in want) {
        expect(got).toMatchObject({ error: want.error });
        if (want.message && "message" in got) expect(got.message).toMatch(want.message);
        return;
      }
      expect(got).toMatchObject({ choice: want.choice });
      if (!("choice" in got)) return;
      if (want.rule) expect(got.rule).toBe(want.rule);
      if (want.fallbacks) expect(got.fallbacks).toEqual(want.fallbacks);
      if (want.reason) expect(got.reason).toMatch(want.reason);
    });
  });
}
