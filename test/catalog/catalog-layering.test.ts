// The layering rule as docs/catalog.md ("How a model's facts are layered") writes it, case by case.
import { describe, expect, it } from "vitest";
import type { Model } from "../../generated/snapshot-types.js";
import type { OverlayCatalog } from "../../src/catalog/community-catalog.js";
import type { CatalogEntry } from "../../src/catalog/load-catalog.js";
import type { Facts } from "../../src/core/facts.js";
import { mergeModels } from "../../src/merge/merge-models.js";
import type { ProbedModel } from "../../src/providers/adapter.js";
import { catalogEntry } from "../support/catalog-entry.js";

const price = (input: number, output: number, source = "https://example.test/prices") => ({
  currency: "USD",
  unit: "per_million_tokens" as const,
  input,
  output,
  source,
});

const builtin = (id: string, overrides: Partial<CatalogEntry> = {}): CatalogEntry =>
  catalogEntry(id, {
    name: `Built-in ${id}`,
    pricing: { currency: "USD", input: 1, output: 2, source: "https://example.test/builtin", asOf: "2026-01-01" },
    ...overrides,
  });

const overlay = (id: string, facts: Facts): OverlayCatalog => new Map([["p", [{ id, facts }]]]);

interface Case {
  name: string;
  builtin?: CatalogEntry;
  probed?: ProbedModel;
  /** Lowest first, as --catalog gives them. */
  overlays?: { name: string; facts: Facts }[];
  env?: { costs?: Record<string, { input: number; output: number }>; free?: string[] };
  asOf?: string;
  expect: (m: Model) => void;
}

const ID = "m-1";

const cases: Case[] = [
  {
    name: "two --catalog files blend fact by fact, the later file's facts first",
    overlays: [
      { name: "models.dev", facts: { name: "From models.dev", pricing: price(3, 4), contextWindow: 1000 } },
      { name: "litellm", facts: { pricing: price(5, 6), maxOutput: 500 } },
    ],
    expect: (m) => {
      expect(m.name).toBe("From models.dev");
      expect(m.sources.name).toBe("overlay:models.dev");
      expect(m.pricing).toMatchObject({ input: 5, output: 6 });
      expect(m.sources.pricing).toBe("overlay:litellm");
      expect(m).toMatchObject({
        contextWindow: 1000,
        maxOutput: 500,
        sources: { contextWindow: "overlay:models.dev", maxOutput: "overlay:litellm" },
      });
    },
  },
  {
    name: "a null in the built-in catalog is not known here: a community file fills it",
    builtin: builtin(ID, { pricing: null, contextWindow: null }),
    overlays: [{ name: "litellm", facts: { pricing: price(2, 5), contextWindow: 131072 } }],
    expect: (m) => {
      expect(m.pricing).toMatchObject({ input: 2, output: 5 });
      expect(m).toMatchObject({
        contextWindow: 131072,
        sources: { pricing: "overlay:litellm", contextWindow: "overlay:litellm" },
      });
    },
  },
  {
    name: "a null in the built-in catalog with nothing beneath stays unknown, sourced default",
    builtin: builtin(ID, { pricing: null }),
    expect: (m) => expect(m).toMatchObject({ pricing: null, sources: { pricing: "default" } }),
  },
  {
    name: "a value in the built-in catalog wins over a community file",
    builtin: builtin(ID),
    overlays: [{ name: "litellm", facts: { pricing: price(9, 9), contextWindow: 1 } }],
    expect: (m) =>
      expect(m).toMatchObject({
        pricing: { input: 1, output: 2 },
        contextWindow: 128000,
        sources: { pricing: "catalog", contextWindow: "catalog" },
      }),
  },
  {
    name: "the probe wins over the built-in catalog",
    builtin: builtin(ID),
    probed: { id: ID, contextWindow: 200000, pricing: { input: 0.5, output: 1 } },
    expect: (m) =>
      expect(m).toMatchObject({
        contextWindow: 200000,
        pricing: { input: 0.5, output: 1, source: "probe" },
        sources: { pricing: "probe" },
      }),
  },
  {
    name: "a router's answer says it has no price: no catalog may price it (LiteLLM's 0/0)",
    probed: { id: ID, kind: "router", pricing: null, routing: "by_name" },
    overlays: [{ name: "litellm", facts: { kind: "chat", pricing: price(0, 0) } }],
    expect: (m) =>
      expect(m).toMatchObject({
        kind: "router",
        routing: "by_name",
        pricing: null,
        freeTier: false,
        sources: { pricing: "probe", kind: "probe" },
      }),
  },
  {
    name: "a catalog's router is routed by name and unpriced, whatever a community file says",
    builtin: builtin(ID, { kind: "router", pricing: null }),
    overlays: [{ name: "litellm", facts: { pricing: price(0, 0), freeTier: true } }],
    expect: (m) =>
      expect(m).toMatchObject({
        kind: "router",
        routing: "by_name",
        pricing: null,
        freeTier: false,
        sources: { routing: "catalog", pricing: "catalog" },
      }),
  },
  {
    name: "free tier only for a chat model: a catalog cannot make a music model free",
    probed: { id: ID, kind: "audio", pricing: null },
    overlays: [{ name: "models.dev", facts: { freeTier: true } }],
    expect: (m) => expect(m).toMatchObject({ kind: "audio", freeTier: false, sources: { freeTier: "probe" } }),
  },
  {
    name: "free tier only without a per-request charge",
    probed: { id: ID, kind: "chat", pricing: { input: 0, output: 0, perRequest: 0.04 }, freeTier: true },
    expect: (m) => expect(m).toMatchObject({ freeTier: false, pricing: { perRequest: 0.04 } }),
  },
  {
    name: "past its retirement date on the run's day, a model is deprecated",
    probed: { id: ID, retiresAt: "2026-08-10" },
    asOf: "2026-08-10",
    expect: (m) =>
      expect(m).toMatchObject({
        retiresAt: "2026-08-10",
        status: "deprecated",
        sources: { retiresAt: "probe", status: "probe" },
      }),
  },
  {
    name: "before its retirement date it keeps its status",
    probed: { id: ID, retiresAt: "2026-08-10" },
    asOf: "2026-08-09",
    expect: (m) => expect(m).toMatchObject({ retiresAt: "2026-08-10", status: "stable" }),
  },
  {
    name: "a community file's retirement date counts too",
    builtin: builtin(ID),
    overlays: [{ name: "litellm", facts: { retiresAt: "2026-01-28" } }],
    asOf: "2026-02-01",
    expect: (m) =>
      expect(m).toMatchObject({
        retiresAt: "2026-01-28",
        status: "deprecated",
        sources: { retiresAt: "overlay:litellm", status: "overlay:litellm" },
      }),
  },
  {
    name: "the environment is the top layer",
    probed: { id: ID, pricing: { input: 1, output: 1 } },
    env: { costs: { [ID]: { input: 7, output: 8 } } },
    expect: (m) =>
      expect(m).toMatchObject({
        pricing: { input: 7, output: 8, source: "env:MODEL_COSTS_JSON" },
        sources: { pricing: "env:MODEL_COSTS_JSON" },
      }),
  },
];

describe("catalog layering (docs/catalog.md)", () => {
  it.each(cases)("$name", (c) => {
    const { models } = mergeModels({
      providers: [{ id: "p", listed: [c.probed ?? { id: ID }] }],
      catalog: new Map([["p", c.builtin ? [c.builtin] : []]]),
      overlays: (c.overlays ?? []).map((o) => ({ name: o.name, catalog: overlay(ID, o.facts) })),
      ...(c.env?.costs ? { modelCosts: new Map(Object.entries(c.env.costs)) } : {}),
      ...(c.env?.free ? { freeModels: { variable: "FREE_MODEL_LIST", values: c.env.free } } : {}),
      asOf: c.asOf ?? "2026-08-01",
    });
    c.expect(models.find((m) => m.id === ID)!);
  });

  it.each([
    { id: "kimi-latest", moving: true },
    { id: "kimi-latest-128k-vision", moving: true },
    { id: "gemini-flash-latest", moving: true },
    { id: "~openai/gpt-latest", moving: true },
    { id: "chatgpt-4o-latest", moving: true },
    { id: "llama3.2:latest", moving: false },
    { id: "latestmodel-1", moving: false },
    { id: "glm-4.6", moving: false },
  ])("a 'latest' word in $id infers movingAlias $moving", ({ id, moving }) => {
    const { models } = mergeModels({ providers: [{ id: "p", listed: [{ id }] }], catalog: new Map() });
    const m = models[0]!;
    expect(m.movingAlias).toBe(moving);
    expect(m.sources.movingAlias).toBe(moving ? "inferred" : "default");
  });

  it("a catalog's movingAlias: false wins over the inference", () => {
    const { models } = mergeModels({
      providers: [{ id: "p", listed: [{ id: "x-latest" }] }],
      catalog: new Map([["p", [builtin("x-latest", { movingAlias: false })]]]),
    });
    expect(models[0]).toMatchObject({ movingAlias: false, sources: { movingAlias: "catalog" } });
  });
});

describe("a model kept from the last good snapshot", () => {
  const previous = (retiresAt: string): Model => ({
    id: "kept-1",
    provider: "p",
    name: "Kept",
    aliases: [],
    kind: "chat",
    availability: "listed",
    status: "stable",
    movingAlias: false,
    tier: "standard",
    contextWindow: 1000,
    maxOutput: 100,
    capabilities: { vision: false, tools: false, reasoning: false, json: false, streaming: true },
    pricing: null,
    freeTier: false,
    retiresAt,
    sources: { retiresAt: "probe", status: "default" },
  });
  it.each([
    { asOf: "2026-08-10", status: "deprecated", source: "probe" },
    { asOf: "2026-08-09", status: "stable", source: "default" },
  ])("retiring 2026-08-10, on $asOf: $status", ({ asOf, status, source }) => {
    const { models } = mergeModels({
      providers: [
        {
          id: "p",
          lastKnownGood: { models: [previous("2026-08-10")], verifiedAt: "2026-08-01T00:00:00Z", failure: "HTTP 503" },
        },
      ],
      catalog: new Map(),
      asOf,
    });
    expect(models[0]).toMatchObject({ availability: "stale", status, sources: { status: source } });
  });
});

describe("UNCATALOGUED_MODELS", () => {
  it.each([
    { n: 1, named: 1, more: "" },
    { n: 10, named: 10, more: "" },
    { n: 13, named: 10, more: " and 3 more" },
  ])("$n undescribed ids: one warning naming $named of them", ({ n, named, more }) => {
    const ids = Array.from({ length: n }, (_, i) => `unknown-${String(i).padStart(2, "0")}`);
    const { models, diagnostics } = mergeModels({
      providers: [{ id: "p", listed: [...ids.map((id) => ({ id })), { id: "described-1", contextWindow: 8192 }] }],
      catalog: new Map(),
    });
    const notes = diagnostics.filter((d) => d.code === "UNCATALOGUED_MODELS");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ level: "warning", provider: "p" });
    const message = notes[0]!.message;
    expect(ids.filter((id) => message.includes(id))).toHaveLength(named);
    if (more) expect(message).toContain(`${ids[9]}${more}.`);
    expect(message).not.toContain("described-1");
    expect(message).toMatch(/--catalog/);
    expect(models.filter((m) => m.described === false)).toHaveLength(n);
    expect(models.find((m) => m.id === "described-1")).not.toHaveProperty("described");
  });

  it("no warning when every listed model is described", () => {
    const { diagnostics } = mergeModels({
      providers: [{ id: "p", listed: [{ id: "a", contextWindow: 1 }] }],
      catalog: new Map(),
    });
    expect(diagnostics.filter((d) => d.code === "UNCATALOGUED_MODELS")).toEqual([]);
  });
});
