// MODEL_COSTS_JSON and FREE_MODEL_LIST are the top fact layer. The oracle here is the rule as written before they
// were a layer: merge without them, then set each named model's price and free tier, by id or alias, on any
// provider. The layer must give the same models and the same warnings, for any names.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import type { Catalog, CatalogEntry } from "../../src/catalog/load-catalog.js";
import type { ListSetting, PriceOverride } from "../../src/config/read-settings.js";
import type { Diagnostic } from "../../src/core/diagnostic.js";
import { pricing } from "../../src/core/pricing.js";
import { didYouMean } from "../../src/core/suggest.js";
import { mergeModels, type ProviderListing } from "../../src/merge/merge-models.js";
import { catalogEntry } from "../support/catalog-entry.js";
import { readJson } from "../support/inputs.js";

const PREVIOUS = readJson<ProviderRegistrySnapshot>("test/fixtures/snapshots/demo-register.json");

// Small limits, no capability, and a per-request charge, so that the free-tier rule has something to refuse.
const entry = (id: string, overrides: Partial<CatalogEntry> = {}): CatalogEntry =>
  catalogEntry(id, {
    contextWindow: 1000,
    maxOutput: 100,
    capabilities: { vision: false, tools: false, reasoning: false, json: false, streaming: true },
    pricing: {
      currency: "USD",
      input: 1,
      output: 2,
      source: "https://example.test/pricing",
      asOf: "2026-01-01",
      perRequest: 0.01,
    },
    ...overrides,
  });

// A router, an embedding model, a free model charged per request, aliases shared across providers.
const CATALOG: Catalog = new Map([
  [
    "kimi",
    [
      entry("kimi-k2", { aliases: ["k2", "shared"], freeTier: true }),
      entry("kimi-embed", { kind: "embedding", freeTier: true }),
      entry("kimi-router", { kind: "router" }),
    ],
  ],
  ["custom", [entry("shared"), entry("custom-1", { aliases: ["K2"] })]],
]);

const PROVIDERS: ProviderListing[] = [
  {
    id: "kimi",
    listed: [{ id: "kimi-k2" }, { id: "kimi-new", aliases: ["new"] }, { id: "auto", kind: "router", pricing: null }],
  },
  { id: "custom" },
  {
    id: "glm",
    lastKnownGood: {
      models: structuredClone(PREVIOUS.models.filter((m) => m.provider === "glm")),
      verifiedAt: "2026-01-01T00:00:00Z",
      failure: "HTTP 401",
    },
  },
];

/** The overrides as they were applied before they were a layer: after the merge, model by model. */
function oracle(
  modelCosts: ReadonlyMap<string, PriceOverride>,
  freeModels: ListSetting | undefined,
): { models: Model[]; diagnostics: Diagnostic[] } {
  const merged = mergeModels({ providers: structuredClone(PROVIDERS), catalog: CATALOG });
  const models = merged.models;
  const apply = (variable: string, keys: readonly string[], set: (model: Model, key: string) => void): Diagnostic[] =>
    keys.flatMap((key) => {
      const matches = models.filter((m) =>
        [m.id, ...m.aliases].some((name) => name.toLowerCase() === key.toLowerCase()),
      );
      for (const model of matches) set(model, key);
      if (matches.length > 0) return [];
      const hint = didYouMean(
        key,
        mergeOrder(models).flatMap((m) => [m.id, ...m.aliases]),
      );
      return [
        {
          level: "warning",
          code: "UNKNOWN_MODEL",
          variable,
          message: `${variable} names "${key}", which no provider has${hint}; it has no effect.`,
        } as Diagnostic,
      ];
    });
  const diagnostics = [
    ...merged.diagnostics,
    ...apply("MODEL_COSTS_JSON", [...modelCosts.keys()], (model, key) => {
      const price = modelCosts.get(key)!;
      model.pricing = pricing({ ...price, source: "env:MODEL_COSTS_JSON" });
      model.sources.pricing = "env:MODEL_COSTS_JSON";
    }),
    ...apply(freeModels?.variable ?? "FREE_MODEL_LIST", freeModels?.values ?? [], (model) => {
      model.freeTier = true;
      model.sources.freeTier = `env:${freeModels!.variable}`;
    }),
  ];
  return { models, diagnostics };
}

/** The models in the order the merge made them (provider by provider), which is the order hints are drawn from. */
function mergeOrder(models: readonly Model[]): Model[] {
  const order = PROVIDERS.map((p) => p.id);
  return [...models].sort((a, b) => order.indexOf(a.provider) - order.indexOf(b.provider));
}

const NAMES = [
  "kimi-k2",
  "K2",
  "k2",
  "shared",
  "SHARED",
  "kimi-embed",
  "kimi-router",
  "auto",
  "new",
  "kimi-new",
  "custom-1",
  "glm-4.6",
  "glm-4.5-flash",
  "glm-4.6x",
  "nothing-like-it",
];
const price = fc
  .record({
    input: fc.integer({ min: 0, max: 9 }),
    output: fc.integer({ min: 0, max: 9 }),
    cachedInput: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
  })
  .map((p): PriceOverride => (p.cachedInput === undefined ? { input: p.input, output: p.output } : p));

describe("the environment's overrides as the top fact layer", () => {
  it("property: the same models and warnings as setting them after the merge", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...NAMES), price), { maxLength: 6 }),
        fc.array(fc.constantFrom(...NAMES), { maxLength: 6 }),
        fc.constantFrom("FREE_MODEL_LIST", "FREE_MODELS"),
        (costs, free, variable) => {
          const modelCosts = new Map(costs);
          const freeModels = free.length > 0 ? { variable, values: free } : undefined;
          const expected = oracle(modelCosts, freeModels);
          const actual = mergeModels({
            providers: structuredClone(PROVIDERS),
            catalog: CATALOG,
            modelCosts,
            ...(freeModels ? { freeModels } : {}),
          });
          expect(actual.models).toEqual(expected.models);
          expect(actual.diagnostics).toEqual(expected.diagnostics);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    {
      name: "a router keeps the price MODEL_COSTS_JSON gives it",
      id: "auto",
      costs: { auto: { input: 3, output: 4 } },
      expected: {
        pricing: pricing({ input: 3, output: 4, source: "env:MODEL_COSTS_JSON" }),
        sources: { pricing: "env:MODEL_COSTS_JSON" },
      },
    },
    {
      name: "an embedding model FREE_MODEL_LIST names is free",
      id: "kimi-embed",
      free: ["kimi-embed"],
      expected: { freeTier: true, sources: { freeTier: "env:FREE_MODEL_LIST" } },
    },
    {
      name: "without the variable, the rule holds",
      id: "kimi-embed",
      expected: { freeTier: false, sources: { freeTier: "catalog" } },
    },
    {
      name: "of two names for one model, the one written last wins",
      id: "kimi-k2",
      costs: { "kimi-k2": { input: 1, output: 1 }, k2: { input: 5, output: 5 } },
      expected: { pricing: pricing({ input: 5, output: 5, source: "env:MODEL_COSTS_JSON" }) },
    },
  ])("laid on after the rules: $name", ({ id, costs, free, expected }) => {
    const { models } = mergeModels({
      providers: structuredClone(PROVIDERS),
      catalog: CATALOG,
      ...(costs ? { modelCosts: new Map(Object.entries(costs)) } : {}),
      ...(free ? { freeModels: { variable: "FREE_MODEL_LIST", values: free } } : {}),
    });
    expect(models.find((m) => m.provider === "kimi" && m.id === id)).toMatchObject(expected);
  });
});
