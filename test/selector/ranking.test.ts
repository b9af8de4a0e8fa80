// Ranking on merit (docs/selection.md, "Ranking on merit"): the whole order of one provider, as choice + fallbacks.
import { describe, expect, test } from "vitest";
import type { Category } from "../../src/selector/index.js";
import { ref, selectorFor } from "./helpers.js";
import type { ModelSpec, PolicySpec } from "./snapshot-builder.js";

interface Case {
  name: string;
  category: Category;
  policy?: PolicySpec;
  models: Omit<ModelSpec, "provider">[];
  order: string[];
}

const price = (input: number, output: number) => ({ input, output });

const cases: Case[] = [
  {
    name: "fast_response, cost-aware: lowest known price, unknown last, then the faster tier",
    category: "fast_response",
    policy: { costAwareRouting: true },
    models: [
      { id: "unknown-fast", tier: "fast" },
      { id: "cheap-flagship", tier: "flagship", price: price(0.1, 0.2) },
      { id: "cheap-fast", tier: "fast", price: price(0.1, 0.2) },
      { id: "dear-fast", tier: "fast", price: price(1, 4) },
    ],
    order: ["cheap-fast", "cheap-flagship", "dear-fast", "unknown-fast"],
  },
  {
    name: "fast_response, not cost-aware: the faster tier, then the lower known price",
    category: "fast_response",
    models: [
      { id: "flagship", tier: "flagship", price: price(0, 0) },
      { id: "standard", tier: "standard", price: price(0, 0) },
      { id: "fast-unknown", tier: "fast" },
      { id: "fast-dear", tier: "fast", price: price(2, 2) },
      { id: "fast-cheap", tier: "fast", price: price(1, 1) },
    ],
    order: ["fast-cheap", "fast-dear", "fast-unknown", "standard", "flagship"],
  },
  {
    name: "extended_reasoning: reasoning first, then flagship > standard > fast, then context (unknown last), then output",
    category: "extended_reasoning",
    models: [
      { id: "flagship-no-reasoning", tier: "flagship" },
      { id: "fast-reasoning", tier: "fast", reasoning: true },
      { id: "flagship-reasoning-small", tier: "flagship", reasoning: true, ctx: 64000 },
      { id: "flagship-reasoning-unknown", tier: "flagship", reasoning: true, ctx: null },
      { id: "flagship-reasoning-big", tier: "flagship", reasoning: true, ctx: 200000, out: 8192 },
      { id: "flagship-reasoning-big-out", tier: "flagship", reasoning: true, ctx: 200000, out: 65536 },
    ],
    order: ["flagship-reasoning-big-out", "flagship-reasoning-big", "flagship-reasoning-small", "flagship-reasoning-unknown", "fast-reasoning", "flagship-no-reasoning"],
  },
  {
    name: "balanced: reasonably priced (unknown counts as reasonable) first, then the higher tier, then the larger context, then the lower price",
    category: "balanced",
    policy: { reasonableOutputPrice: 5 },
    models: [
      { id: "dear-flagship", tier: "flagship", price: price(1, 15) },
      { id: "ok-flagship", tier: "flagship", price: price(1, 5) },
      { id: "cheap-flagship", tier: "flagship", price: price(0.5, 1) },
      { id: "unpriced-flagship-small", tier: "flagship", ctx: 32000 },
      { id: "unpriced-flagship-big", tier: "flagship", ctx: 256000 },
      { id: "ok-standard", tier: "standard", price: price(0, 1) },
    ],
    order: ["unpriced-flagship-big", "cheap-flagship", "ok-flagship", "unpriced-flagship-small", "ok-standard", "dear-flagship"],
  },
  {
    name: "free tier first when the preference is on, in every category",
    category: "extended_reasoning",
    policy: { freeTierPreference: true },
    models: [
      { id: "paid-reasoning", tier: "flagship", reasoning: true },
      { id: "free-fast", tier: "fast", free: true },
    ],
    order: ["free-fast", "paid-reasoning"],
  },
  {
    name: "free tier counts for nothing when the preference is off",
    category: "extended_reasoning",
    models: [
      { id: "paid-reasoning", tier: "flagship", reasoning: true },
      { id: "free-fast", tier: "fast", free: true },
    ],
    order: ["paid-reasoning", "free-fast"],
  },
  {
    name: "ties: stable before preview before deprecated, pinned before moving aliases, then id in code-unit order",
    category: "balanced",
    models: [
      { id: "b-moving", moving: true },
      { id: "deprecated", status: "deprecated" },
      { id: "preview", status: "preview" },
      { id: "a-moving", moving: true },
      { id: "Z-pinned" },
      { id: "a-pinned" },
    ],
    order: ["Z-pinned", "a-pinned", "a-moving", "b-moving", "preview", "deprecated"],
  },
];

describe("ranking on merit", () => {
  test.each(cases)("$name", ({ category, policy, models, order }) => {
    const snapshot = { models: models.map((m) => ({ provider: "p", ...m })), ...(policy ? { policy } : {}) };
    const choice = selectorFor(snapshot).select({ category });
    expect([ref(choice), ...choice.fallbacks.map(ref)]).toEqual(order.map((id) => `p/${id}`));
    // Never on list order: the same models in reverse give the same ranking.
    const reversed = selectorFor({ ...snapshot, models: [...snapshot.models].reverse(), keepOrder: true }).select({ category });
    expect([ref(reversed), ...reversed.fallbacks.map(ref)]).toEqual(order.map((id) => `p/${id}`));
  });
});

describe("deprecated models on merit", () => {
  test.each(["fast_response", "balanced", "extended_reasoning"] as const)("%s: a live model beats a deprecated one whatever its tier, price or reasoning", (category) => {
    const snapshot = {
      models: [
        { provider: "p", id: "retired-flagship", tier: "flagship" as const, reasoning: true, ctx: 1000000, status: "deprecated" as const, price: { input: 0, output: 0 } },
        { provider: "p", id: "live-standard", tier: "standard" as const, ctx: 8000, price: { input: 5, output: 9 } },
      ],
    };
    const choice = selectorFor(snapshot).select({ category });
    expect(choice.model).toBe("live-standard");
    expect(choice.fallbacks.map((f) => f.model)).toEqual(["retired-flagship"]);
  });
});
