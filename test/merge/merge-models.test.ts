// Probed lists + catalog + environment overrides → every model, every fact, and where each fact came from.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Model } from "../../generated/snapshot-types.js";
import type { Catalog, CatalogEntry } from "../../src/catalog/load-catalog.js";
import type { OverlayCatalog } from "../../src/catalog/community-catalog.js";
import type { PriceOverride } from "../../src/config/read-settings.js";
import { DEFAULT_FACTS, layerFacts } from "../../src/core/facts.js";
import { mergeModels, type MergeInput, type ProviderListing } from "../../src/merge/merge-models.js";
import type { ProbedModel } from "../../src/providers/adapter.js";
import { glmAdapter } from "../../src/providers/adapters/glm.js";
import { kimiAdapter } from "../../src/providers/adapters/kimi.js";
import { readJson } from "../support/inputs.js";
import { catalogEntry as entry } from "../support/catalog-entry.js";
import { findModel as find } from "../support/find-model.js";

const K2 = entry("kimi-k2-0905-preview", {
  aliases: ["kimi-k2-0905", "kimi-k2"],
  tier: "flagship",
  status: "preview",
  contextWindow: 200000,
});
const V1 = entry("moonshot-v1-8k", { contextWindow: 8192, pricing: null });
const LATEST = entry("kimi-latest", {
  movingAlias: true,
  capabilities: { vision: true, tools: true, reasoning: false, json: true, streaming: true },
});
const FLASH = entry("glm-4.5-flash", { freeTier: true, tier: "fast", pricing: null });
const G46 = entry("glm-4.6", { contextWindow: 204800 });
const EMB = entry("embedding-3", {
  kind: "embedding",
  capabilities: { vision: false, tools: false, reasoning: false, json: false, streaming: false },
});

const CATALOG: Catalog = new Map([
  ["kimi", [K2, V1, LATEST]],
  ["glm", [FLASH, G46, EMB]],
]);

function merge(providers: ProviderListing[], extra: Partial<MergeInput> = {}) {
  return mergeModels({ providers, catalog: CATALOG, ...extra });
}

describe("layerFacts", () => {
  it("gives every fact a default, with source 'default'", () => {
    const { facts, sources } = layerFacts("m", []);
    expect(facts).toEqual({ ...DEFAULT_FACTS, name: "m" });
    expect(Object.values(sources).every((s) => s === "default")).toBe(true);
    expect(Object.keys(sources).sort()).toEqual([
      "contextWindow",
      "freeTier",
      "json",
      "kind",
      "maxOutput",
      "movingAlias",
      "name",
      "pricing",
      "reasoning",
      "status",
      "streaming",
      "tier",
      "tools",
      "vision",
    ]);
  });

  it.each([
    {
      name: "a higher layer wins",
      layers: [
        { source: "catalog", facts: { contextWindow: 1 } },
        { source: "probe", facts: { contextWindow: 2 } },
      ],
      fact: "contextWindow",
      value: 2,
      source: "probe",
    },
    {
      name: "undefined does not override",
      layers: [
        { source: "catalog", facts: { contextWindow: 1 } },
        { source: "probe", facts: { contextWindow: undefined } },
      ],
      fact: "contextWindow",
      value: 1,
      source: "catalog",
    },
    {
      name: "null does override (the layer knows there is none)",
      layers: [{ source: "catalog", facts: { maxOutput: null } }],
      fact: "maxOutput",
      value: null,
      source: "catalog",
    },
    {
      name: "false overrides true",
      layers: [
        { source: "catalog", facts: { vision: true } },
        { source: "probe", facts: { vision: false } },
      ],
      fact: "vision",
      value: false,
      source: "probe",
    },
    {
      name: "a lower layer fills what a higher one leaves",
      layers: [
        { source: "overlay:x", facts: { tools: true } },
        { source: "catalog", facts: { vision: true } },
      ],
      fact: "tools",
      value: true,
      source: "overlay:x",
    },
  ])("$name", ({ layers, fact, value, source }) => {
    const { facts, sources } = layerFacts("m", layers);
    expect(facts[fact as keyof typeof facts]).toEqual(value);
    expect(sources[fact as keyof typeof sources]).toBe(source);
  });
});

describe("mergeModels: which layer wins, fact by fact", () => {
  const probed: ProbedModel = {
    id: "kimi-k2-0905-preview",
    name: "Probed K2",
    contextWindow: 262144,
    maxOutput: 16384,
    capabilities: { vision: true, reasoning: true },
    pricing: { input: 0.5, output: 2, cachedInput: 0.1 },
    freeTier: false,
  };
  const withProbe = merge([{ id: "kimi", listed: [probed] }]).models;
  const catalogOnly = merge([{ id: "kimi", listed: [{ id: "kimi-k2-0905-preview" }] }]).models;
  const probeOnly = merge([{ id: "custom", listed: [{ id: "llama3.2:latest" }] }]).models;
  const costs = new Map<string, PriceOverride>([["kimi-k2-0905-preview", { input: 9, output: 9 }]]);
  const withEnv = merge([{ id: "kimi", listed: [probed] }], {
    modelCosts: costs,
    freeModels: { variable: "FREE_MODEL_LIST", values: ["kimi-k2"] },
  }).models;

  it.each([
    {
      name: "contextWindow: probe beats catalog",
      models: withProbe,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "contextWindow",
      value: 262144,
      source: "probe",
    },
    {
      name: "contextWindow: catalog when the probe is silent",
      models: catalogOnly,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "contextWindow",
      value: 200000,
      source: "catalog",
    },
    {
      name: "contextWindow: null by default",
      models: probeOnly,
      id: "llama3.2:latest",
      provider: "custom",
      fact: "contextWindow",
      value: null,
      source: "default",
    },
    {
      name: "maxOutput: probe beats catalog",
      models: withProbe,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "maxOutput",
      value: 16384,
      source: "probe",
    },
    {
      name: "maxOutput: catalog",
      models: catalogOnly,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "maxOutput",
      value: 8192,
      source: "catalog",
    },
    {
      name: "name: probe beats catalog",
      models: withProbe,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "name",
      value: "Probed K2",
      source: "probe",
    },
    {
      name: "name: catalog",
      models: catalogOnly,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "name",
      value: "Catalog kimi-k2-0905-preview",
      source: "catalog",
    },
    {
      name: "name: the id by default",
      models: probeOnly,
      id: "llama3.2:latest",
      provider: "custom",
      fact: "name",
      value: "llama3.2:latest",
      source: "default",
    },
    {
      name: "vision: probe beats catalog",
      models: withProbe,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "vision",
      value: true,
      source: "probe",
    },
    {
      name: "tools: catalog where the probe is silent",
      models: withProbe,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "tools",
      value: true,
      source: "catalog",
    },
    {
      name: "streaming: true by default",
      models: probeOnly,
      id: "llama3.2:latest",
      provider: "custom",
      fact: "streaming",
      value: true,
      source: "default",
    },
    {
      name: "status: catalog",
      models: withProbe,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "status",
      value: "preview",
      source: "catalog",
    },
    {
      name: "tier: catalog",
      models: withProbe,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "tier",
      value: "flagship",
      source: "catalog",
    },
    {
      name: "kind: chat by default",
      models: probeOnly,
      id: "llama3.2:latest",
      provider: "custom",
      fact: "kind",
      value: "chat",
      source: "default",
    },
    {
      name: "freeTier: probe",
      models: withProbe,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "freeTier",
      value: false,
      source: "probe",
    },
    {
      name: "freeTier: FREE_MODEL_LIST beats probe",
      models: withEnv,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "freeTier",
      value: true,
      source: "env:FREE_MODEL_LIST",
    },
    {
      name: "pricing: probe beats catalog",
      models: withProbe,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "pricing",
      value: { currency: "USD", unit: "per_million_tokens", input: 0.5, output: 2, cachedInput: 0.1, source: "probe" },
      source: "probe",
    },
    {
      name: "pricing: catalog, with its source and date",
      models: catalogOnly,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "pricing",
      value: {
        currency: "USD",
        unit: "per_million_tokens",
        input: 0.6,
        output: 2.5,
        source: "https://example.test/pricing",
        asOf: "2026-01-01",
      },
      source: "catalog",
    },
    {
      name: "pricing: MODEL_COSTS_JSON beats probe",
      models: withEnv,
      id: "kimi-k2-0905-preview",
      provider: "kimi",
      fact: "pricing",
      value: { currency: "USD", unit: "per_million_tokens", input: 9, output: 9, source: "env:MODEL_COSTS_JSON" },
      source: "env:MODEL_COSTS_JSON",
    },
    {
      name: "pricing: null by default",
      models: probeOnly,
      id: "llama3.2:latest",
      provider: "custom",
      fact: "pricing",
      value: null,
      source: "default",
    },
  ])("$name", ({ models, provider, id, fact, value, source }) => {
    const model = find(models, provider, id);
    const capability = ["vision", "tools", "reasoning", "json", "streaming"].includes(fact);
    const actual = capability ? model.capabilities[fact as keyof Model["capabilities"]] : model[fact as keyof Model];
    expect(actual).toEqual(value);
    expect(model.sources[fact as keyof Model["sources"]]).toBe(source);
  });

  it("a kind the probe reports (embedding) beats the default", () => {
    const model = find(
      merge([{ id: "glm", listed: [{ id: "embedding-9", kind: "embedding" }] }]).models,
      "glm",
      "embedding-9",
    );
    expect(model.kind).toBe("embedding");
    expect(model.sources.kind).toBe("probe");
  });

  it("overlays sit beneath the catalog, the last overlay highest", () => {
    const overlayA: OverlayCatalog = new Map([
      [
        "kimi",
        [
          { id: "kimi-k2-0905-preview", facts: { contextWindow: 1, maxOutput: 1 } },
          { id: "kimi-new", facts: { contextWindow: 5, tier: "fast" } },
        ],
      ],
    ]);
    const overlayB: OverlayCatalog = new Map([["kimi", [{ id: "kimi-new", facts: { contextWindow: 7 } }]]]);
    const { models } = merge([{ id: "kimi", listed: [{ id: "kimi-k2-0905-preview" }, { id: "kimi-new" }] }], {
      overlays: [
        { name: "a", catalog: overlayA },
        { name: "b", catalog: overlayB },
      ],
    });
    expect(find(models, "kimi", "kimi-k2-0905-preview")).toMatchObject({
      contextWindow: 200000,
      sources: { contextWindow: "catalog" },
    });
    // Fact by fact: b states only the context window, so a's tier still shows through.
    expect(find(models, "kimi", "kimi-new")).toMatchObject({
      contextWindow: 7,
      tier: "fast",
      sources: { contextWindow: "overlay:b", tier: "overlay:a" },
    });
  });

  it("movingAlias and aliases come from the catalog, aliases sorted", () => {
    const { models } = merge([{ id: "kimi" }]);
    expect(find(models, "kimi", "kimi-latest").movingAlias).toBe(true);
    expect(find(models, "kimi", "kimi-k2-0905-preview").aliases).toEqual(["kimi-k2", "kimi-k2-0905"]);
    expect(find(models, "kimi", "moonshot-v1-8k").aliases).toEqual([]);
  });
});

describe("mergeModels: availability and identity", () => {
  it.each([
    {
      name: "provider not probed: every catalog model unverified",
      listing: { id: "kimi" },
      expected: { "kimi-k2-0905-preview": "unverified", "kimi-latest": "unverified", "moonshot-v1-8k": "unverified" },
    },
    {
      name: "probe listed nothing: every catalog model not_listed",
      listing: { id: "kimi", listed: [] },
      expected: { "kimi-k2-0905-preview": "not_listed", "kimi-latest": "not_listed", "moonshot-v1-8k": "not_listed" },
    },
    {
      name: "probe listed some: those listed, the rest not_listed, new ones added",
      listing: { id: "kimi", listed: [{ id: "moonshot-v1-8k" }, { id: "kimi-k3" }] },
      expected: {
        "kimi-k2-0905-preview": "not_listed",
        "kimi-latest": "not_listed",
        "moonshot-v1-8k": "listed",
        "kimi-k3": "listed",
      },
    },
    {
      name: "a provider with no catalog lists only what it answered",
      listing: { id: "custom", listed: [{ id: "Qwen/Qwen2.5-7B-Instruct" }] },
      expected: { "Qwen/Qwen2.5-7B-Instruct": "listed" },
    },
    { name: "a provider with no catalog and no probe has no models", listing: { id: "openrouter" }, expected: {} },
  ])("$name", ({ listing, expected }) => {
    const { models } = merge([listing]);
    expect(Object.fromEntries(models.map((m) => [m.id, m.availability]))).toEqual(expected);
  });

  it.each([
    { name: "an alias", listed: "kimi-k2" },
    { name: "an alias in upper case", listed: "KIMI-K2-0905" },
    { name: "the canonical id in another case", listed: "Kimi-K2-0905-Preview" },
  ])("a provider listing $name maps to the catalog's canonical id", ({ listed }) => {
    const { models } = merge([{ id: "kimi", listed: [{ id: listed, contextWindow: 262144 }] }]);
    const k2 = models.filter((m) => m.aliases.includes("kimi-k2") || m.id.toLowerCase().startsWith("kimi-k2"));
    expect(k2).toHaveLength(1);
    expect(k2[0]).toMatchObject({
      id: "kimi-k2-0905-preview",
      availability: "listed",
      contextWindow: 262144,
      sources: { contextWindow: "probe" },
    });
  });

  // A listed id is never folded into another listed id: the provider serves each under its own name.
  it.each([
    {
      name: "an alias and its canonical id",
      listed: ["kimi-k2-0905-preview", "kimi-k2-0905"],
      own: ["kimi-k2-0905-preview", "kimi-k2-0905"],
      aliases: ["kimi-k2"],
    },
    {
      name: "the alias listed first",
      listed: ["kimi-k2", "kimi-k2-0905-preview"],
      own: ["kimi-k2-0905-preview", "kimi-k2"],
      aliases: ["kimi-k2-0905"],
    },
    {
      name: "two aliases of one model, its own id not listed",
      listed: ["kimi-k2", "kimi-k2-0905"],
      own: ["kimi-k2-0905-preview", "kimi-k2-0905"],
      aliases: ["kimi-k2"],
    },
  ])("$name both listed stay separate models", ({ listed, own, aliases }) => {
    const { models } = merge([{ id: "kimi", listed: listed.map((id) => ({ id })) }]);
    for (const id of own) expect(find(models, "kimi", id).availability).toBe("listed");
    // The canonical model keeps only the aliases that are not listed under their own name.
    expect(find(models, "kimi", own[0]!).aliases).toEqual(aliases);
    expect(find(models, "kimi", own[1]!).aliases).toEqual([]);
    // Every name answers to one model only.
    const names = models
      .filter((m) => m.provider === "kimi")
      .flatMap((m) => [m.id, ...m.aliases].map((n) => n.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
  });

  it("an alias listed alone is folded into its catalog model", () => {
    const { models } = merge([{ id: "kimi", listed: [{ id: "kimi-k2" }] }]);
    expect(find(models, "kimi", "kimi-k2-0905-preview")).toMatchObject({
      availability: "listed",
      aliases: ["kimi-k2", "kimi-k2-0905"],
    });
    expect(models.map((m) => m.id)).not.toContain("kimi-k2");
  });

  it("the same id at two providers is two models", () => {
    const { models } = merge([
      { id: "glm", listed: [{ id: "glm-4.6" }] },
      { id: "custom", listed: [{ id: "glm-4.6" }] },
    ]);
    expect(models.filter((m) => m.id === "glm-4.6").map((m) => m.provider)).toEqual(["custom", "glm"]);
    // The custom server's copy gets no facts from GLM's catalog.
    expect(find(models, "custom", "glm-4.6").contextWindow).toBeNull();
    expect(find(models, "glm", "glm-4.6").contextWindow).toBe(204800);
  });
});

describe("mergeModels: environment overrides", () => {
  const costs = (entries: Record<string, PriceOverride>) => new Map(Object.entries(entries));

  it.each([
    { name: "by canonical id", key: "moonshot-v1-8k", provider: "kimi", id: "moonshot-v1-8k" },
    { name: "by alias", key: "kimi-k2", provider: "kimi", id: "kimi-k2-0905-preview" },
    { name: "ignoring case", key: "GLM-4.6", provider: "glm", id: "glm-4.6" },
  ])("MODEL_COSTS_JSON $name", ({ key, provider, id }) => {
    const { models, diagnostics } = merge([{ id: "kimi" }, { id: "glm" }], {
      modelCosts: costs({ [key]: { input: 1, output: 3, cachedInput: 0.5 } }),
    });
    expect(diagnostics).toEqual([]);
    expect(find(models, provider, id).pricing).toEqual({
      currency: "USD",
      unit: "per_million_tokens",
      input: 1,
      output: 3,
      cachedInput: 0.5,
      source: "env:MODEL_COSTS_JSON",
    });
    expect(find(models, provider, id).sources.pricing).toBe("env:MODEL_COSTS_JSON");
  });

  it("MODEL_COSTS_JSON applies to the id at every provider that has it", () => {
    const { models } = merge([{ id: "glm" }, { id: "custom", listed: [{ id: "glm-4.6" }] }], {
      modelCosts: costs({ "glm-4.6": { input: 2, output: 2 } }),
    });
    expect(models.filter((m) => m.id === "glm-4.6").map((m) => m.pricing?.input)).toEqual([2, 2]);
  });

  it.each([
    {
      name: "MODEL_COSTS_JSON",
      input: { modelCosts: costs({ "gpt-9": { input: 1, output: 1 } }) },
      variable: "MODEL_COSTS_JSON",
      unknown: "gpt-9",
    },
    {
      name: "FREE_MODEL_LIST",
      input: { freeModels: { variable: "FREE_MODEL_LIST", values: ["glm-4.5-flash", "glm-9-free"] } },
      variable: "FREE_MODEL_LIST",
      unknown: "glm-9-free",
    },
  ])("$name naming an unknown model warns, naming the variable and the model", ({ input, variable, unknown }) => {
    const { diagnostics } = merge([{ id: "kimi" }, { id: "glm" }], input);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ level: "warning", code: "UNKNOWN_MODEL", variable });
    expect(diagnostics[0]?.message).toContain(unknown);
  });

  it("FREE_MODEL_LIST marks models free (by id or alias) and leaves the others", () => {
    const { models } = merge([{ id: "kimi" }, { id: "glm" }], {
      freeModels: { variable: "FREE_MODEL_LIST", values: ["KIMI-K2", "moonshot-v1-8k"] },
    });
    expect(models.filter((m) => m.freeTier).map((m) => m.id)).toEqual([
      "glm-4.5-flash",
      "kimi-k2-0905-preview",
      "moonshot-v1-8k",
    ]);
    expect(find(models, "glm", "glm-4.5-flash").sources.freeTier).toBe("catalog");
    expect(find(models, "kimi", "moonshot-v1-8k").sources.freeTier).toBe("env:FREE_MODEL_LIST");
  });
});

describe("mergeModels: order", () => {
  it("sorts by provider, then id, whatever the input order", () => {
    const { models } = merge([
      { id: "openrouter", listed: [{ id: "z/b" }, { id: "a/c" }] },
      { id: "kimi", listed: [{ id: "moonshot-v1-8k" }] },
      { id: "glm" },
      { id: "custom", listed: [{ id: "B" }, { id: "a" }] },
    ]);
    expect(models.map((m) => `${m.provider}/${m.id}`)).toEqual([
      "custom/B",
      "custom/a",
      "glm/embedding-3",
      "glm/glm-4.5-flash",
      "glm/glm-4.6",
      "kimi/kimi-k2-0905-preview",
      "kimi/kimi-latest",
      "kimi/moonshot-v1-8k",
      "openrouter/a/c",
      "openrouter/z/b",
    ]);
  });

  it("property: output sorted, one model per provider and id (ignoring case), every listed model present", () => {
    const ids = fc.array(
      fc.constantFrom(
        "kimi-k2",
        "KIMI-K2-0905",
        "moonshot-v1-8k",
        "Moonshot-V1-8K",
        "kimi-k3",
        "x/y",
        "X/Y",
        "glm-4.6",
        "a",
        "b",
      ),
      { maxLength: 12 },
    );
    const listing = (id: string) =>
      fc
        .option(
          ids.map((l) => l.map((m) => ({ id: m }))),
          { nil: undefined },
        )
        .map((listed) => ({ id, ...(listed ? { listed } : {}) }));
    fc.assert(
      fc.property(
        fc.tuple(listing("kimi"), listing("glm"), listing("custom")).chain((all) => fc.shuffledSubarray(all)),
        (providers) => {
          const { models } = merge(providers);
          const keys = models.map((m) => [m.provider, m.id] as const);
          const sorted = [...keys].sort((a, b) =>
            a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
          );
          expect(keys).toEqual(sorted);
          const lower = models.map((m) => `${m.provider}\u0000${m.id.toLowerCase()}`);
          expect(new Set(lower).size).toBe(lower.length);
          for (const p of providers) {
            for (const listed of p.listed ?? []) {
              const match = models.find(
                (m) =>
                  m.provider === p.id &&
                  (m.id.toLowerCase() === listed.id.toLowerCase() ||
                    m.aliases.some((a) => a.toLowerCase() === listed.id.toLowerCase())),
              );
              expect(match?.availability).toBe("listed");
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("mergeModels with the built-in catalog and the demo answers", () => {
  const catalog: Catalog = new Map(
    ["kimi", "glm"].map((p) => [p, readJson<{ models: CatalogEntry[] }>(`data/catalog/${p}.json`).models] as const),
  );
  const listOf = (adapter: typeof kimiAdapter | typeof glmAdapter, file: string) =>
    adapter.parseModels(readJson(file)).map((raw) => adapter.translateModel(raw));
  const { models } = mergeModels({
    providers: [
      { id: "kimi", listed: listOf(kimiAdapter, "data/demo/kimi-models.json") },
      { id: "glm", listed: listOf(glmAdapter, "data/demo/glm-models.json") },
      { id: "openrouter" },
    ],
    catalog,
  });

  it.each([
    { provider: "kimi", id: "kimi-k2-0905-preview", availability: "listed", contextWindow: 262144, source: "probe" },
    { provider: "kimi", id: "kimi-thinking-preview", availability: "listed", contextWindow: 131072, source: "probe" },
    { provider: "kimi", id: "moonshot-v1-8k", availability: "listed", contextWindow: 8192, source: "catalog" },
    {
      provider: "kimi",
      id: "kimi-k2-0711-preview",
      availability: "not_listed",
      contextWindow: 131072,
      source: "catalog",
    },
    { provider: "glm", id: "glm-4.6", availability: "listed", contextWindow: 204800, source: "catalog" },
    { provider: "glm", id: "glm-4.5-x", availability: "not_listed", contextWindow: 131072, source: "catalog" },
  ])(
    "$provider/$id: $availability, context $contextWindow from $source",
    ({ provider, id, availability, contextWindow, source }) => {
      expect(find(models, provider, id)).toMatchObject({
        availability,
        contextWindow,
        sources: { contextWindow: source },
      });
    },
  );

  it("embedding-3 stays an embedding model, and glm-4.5-flash is free from the catalog", () => {
    expect(find(models, "glm", "embedding-3").kind).toBe("embedding");
    expect(find(models, "glm", "glm-4.5-flash")).toMatchObject({ freeTier: true, sources: { freeTier: "catalog" } });
  });

  it("every catalog entry of both providers appears exactly once", () => {
    for (const [provider, entries] of catalog) {
      for (const e of entries) expect(models.filter((m) => m.provider === provider && m.id === e.id)).toHaveLength(1);
    }
    expect(models.filter((m) => m.provider === "openrouter")).toEqual([]);
  });
});

describe("mergeModels: an override naming no model suggests the nearest", () => {
  it.each([
    {
      name: "MODEL_COSTS_JSON",
      input: { modelCosts: new Map([["glm-4.6x", { input: 1, output: 1 }]]) },
      variable: "MODEL_COSTS_JSON",
      hint: "did you mean glm-4.6?",
    },
    {
      name: "FREE_MODEL_LIST",
      input: { freeModels: { variable: "FREE_MODEL_LIST", values: ["kimi-k2-0905-previwe"] } },
      variable: "FREE_MODEL_LIST",
      hint: "did you mean kimi-k2-0905-preview?",
    },
    {
      name: "nothing close",
      input: { freeModels: { variable: "FREE_MODEL_LIST", values: ["entirely-unrelated"] } },
      variable: "FREE_MODEL_LIST",
      hint: undefined,
    },
  ])("$name", ({ input, variable, hint }) => {
    const { diagnostics } = merge(
      [
        { id: "kimi", listed: [{ id: "kimi-k2-0905-preview" }] },
        { id: "glm", listed: [{ id: "glm-4.6" }] },
      ],
      input,
    );
    const [d] = diagnostics.filter((x) => x.code === "UNKNOWN_MODEL");
    expect(d?.variable).toBe(variable);
    if (hint) expect(d?.message).toContain(hint);
    else expect(d?.message).not.toContain("did you mean");
  });
});
