// Ranking on merit (docs/selection.md, "Ranking on merit"): the whole order of one provider, as choice + fallbacks.
import { describe, expect, test } from "vitest";
import type { Category } from "../../src/selector/index.js";
import { ref, selectorFor } from "../support/snapshots.js";
import type { ModelSpec, PolicySpec } from "../support/snapshot-builder.js";

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
    name: "fast_response, cost-aware: lowest known price, unknown last, then the faster tier, then non-reasoning",
    category: "fast_response",
    policy: { costAwareRouting: true },
    models: [
      { id: "unknown-fast", tier: "fast" },
      { id: "cheap-flagship", tier: "flagship", price: price(0.1, 0.2) },
      { id: "cheap-fast", tier: "fast", price: price(0.1, 0.2) },
      { id: "cheap-fast-thinking", tier: "fast", price: price(0.1, 0.2), reasoning: true },
      { id: "dear-fast", tier: "fast", price: price(1, 4) },
    ],
    order: ["cheap-fast", "cheap-fast-thinking", "cheap-flagship", "dear-fast", "unknown-fast"],
  },
  {
    name: "fast_response, not cost-aware: known price first, then the faster tier, then non-reasoning, then the lower price",
    category: "fast_response",
    models: [
      { id: "flagship", tier: "flagship", price: price(0, 0) },
      { id: "standard", tier: "standard", price: price(0, 0) },
      { id: "fast-unknown", tier: "fast" },
      { id: "fast-dear", tier: "fast", price: price(2, 2) },
      { id: "fast-cheap", tier: "fast", price: price(1, 1) },
      { id: "fast-cheap-reasoning", tier: "fast", price: price(0.1, 0.1), reasoning: true },
    ],
    order: ["fast-cheap", "fast-dear", "fast-cheap-reasoning", "standard", "flagship", "fast-unknown"],
  },
  {
    name: "fast_response on data without tiers (all standard): cheap non-reasoning models first",
    category: "fast_response",
    models: [
      { id: "big-reasoner", reasoning: true, ctx: 1000000, price: price(1, 4) },
      { id: "tiny", ctx: 8192, price: price(0.02, 0.03) },
      { id: "small", price: price(0.1, 0.4) },
      { id: "cheap-reasoner", reasoning: true, price: price(0.01, 0.02) },
    ],
    order: ["tiny", "small", "cheap-reasoner", "big-reasoner"],
  },
  {
    name: "extended_reasoning: reasoning first, then a known price, then flagship > standard > fast, then context (unknown last), then output, then price",
    category: "extended_reasoning",
    models: [
      { id: "flagship-no-reasoning", tier: "flagship", price: price(1, 1) },
      { id: "fast-reasoning", tier: "fast", reasoning: true, price: price(1, 1) },
      { id: "flagship-reasoning-unpriced", tier: "flagship", reasoning: true, ctx: 1000000 },
      { id: "flagship-reasoning-small", tier: "flagship", reasoning: true, ctx: 64000, price: price(1, 1) },
      { id: "flagship-reasoning-unknown", tier: "flagship", reasoning: true, ctx: null, price: price(1, 1) },
      { id: "flagship-reasoning-big", tier: "flagship", reasoning: true, ctx: 200000, out: 8192, price: price(1, 1) },
      {
        id: "flagship-reasoning-big-out",
        tier: "flagship",
        reasoning: true,
        ctx: 200000,
        out: 65536,
        price: price(3, 15),
      },
      {
        id: "flagship-reasoning-big-out-cheap",
        tier: "flagship",
        reasoning: true,
        ctx: 200000,
        out: 65536,
        price: price(1, 5),
      },
    ],
    order: [
      "flagship-reasoning-big-out-cheap",
      "flagship-reasoning-big-out",
      "flagship-reasoning-big",
      "flagship-reasoning-small",
      "flagship-reasoning-unknown",
      "fast-reasoning",
      "flagship-reasoning-unpriced",
      "flagship-no-reasoning",
    ],
  },
  {
    name: "balanced: tools first, then the mid price band, low, above, unknown; then the higher tier, the larger context, the lower price",
    category: "balanced",
    policy: { reasonableOutputPrice: 10 },
    models: [
      { id: "dear-flagship", tier: "flagship", tools: true, price: price(1, 15) },
      { id: "mid-flagship", tier: "flagship", tools: true, price: price(1, 5) },
      { id: "mid-flagship-big", tier: "flagship", tools: true, ctx: 1000000, price: price(2, 8) },
      { id: "low-flagship", tier: "flagship", tools: true, price: price(0.1, 0.4) },
      { id: "unpriced-flagship", tier: "flagship", tools: true, ctx: 2000000 },
      { id: "mid-standard", tools: true, ctx: 2000000, price: price(1, 2) },
      { id: "mid-no-tools", tier: "flagship", ctx: 2000000, price: price(1, 2) },
    ],
    order: [
      "mid-flagship-big",
      "mid-flagship",
      "mid-standard",
      "low-flagship",
      "dear-flagship",
      "unpriced-flagship",
      "mid-no-tools",
    ],
  },
  {
    name: "balanced: the band's edges are BALANCED_MAX_OUTPUT_PRICE and a tenth of it, both inside",
    category: "balanced",
    policy: { reasonableOutputPrice: 5 },
    models: [
      { id: "at-ceiling", price: price(1, 5) },
      { id: "at-floor", price: price(1, 0.5) },
      { id: "below-floor", price: price(0, 0.49) },
      { id: "above-ceiling", price: price(0, 5.01) },
    ],
    order: ["at-floor", "at-ceiling", "below-floor", "above-ceiling"],
  },
  {
    name: "free tier first when the preference is on, right after the category's own capability",
    category: "extended_reasoning",
    policy: { freeTierPreference: true },
    models: [
      { id: "paid-reasoning", tier: "flagship", reasoning: true, price: price(1, 1) },
      { id: "free-reasoning", tier: "fast", reasoning: true, free: true, price: price(0, 0) },
      { id: "free-fast", tier: "fast", free: true, price: price(0, 0) },
    ],
    order: ["free-reasoning", "paid-reasoning", "free-fast"],
  },
  {
    name: "free tier last when the preference is off, in every category",
    category: "extended_reasoning",
    models: [
      { id: "paid-reasoning", reasoning: true, price: price(1, 1) },
      { id: "free-reasoning", tier: "flagship", reasoning: true, free: true, price: price(0, 0) },
      { id: "paid-fast", tier: "fast", price: price(1, 1) },
    ],
    order: ["paid-reasoning", "free-reasoning", "paid-fast"],
  },
  {
    name: "without the preference, a paid model comes before a :free variant or a free model, whatever they cost",
    category: "fast_response",
    models: [
      { id: "x", price: price(1, 1) },
      { id: "x:free", free: true, price: price(0, 0), variant: { of: "x", tag: "free" } },
      { id: "free-model", free: true, price: price(0, 0) },
      { id: "dear", price: price(5, 5) },
    ],
    order: ["x", "dear", "free-model", "x:free"],
  },
  {
    name: "with the preference on, the :free variant comes before its paid equivalent",
    category: "fast_response",
    policy: { freeTierPreference: true },
    models: [
      { id: "x", price: price(1, 1) },
      { id: "x:free", free: true, price: price(0, 0), variant: { of: "x", tag: "free" } },
    ],
    order: ["x:free", "x"],
  },
  {
    name: "standing: described, then live, then pinned, whatever else they offer",
    category: "extended_reasoning",
    models: [
      {
        id: "undescribed-flagship",
        tier: "flagship",
        reasoning: true,
        ctx: 1000000,
        price: price(1, 1),
        described: false,
      },
      {
        id: "deprecated-flagship",
        tier: "flagship",
        reasoning: true,
        ctx: 1000000,
        price: price(1, 1),
        status: "deprecated",
      },
      { id: "moving-flagship", tier: "flagship", reasoning: true, ctx: 1000000, price: price(1, 1), moving: true },
      {
        id: "deprecated-moving",
        tier: "flagship",
        reasoning: true,
        price: price(1, 1),
        status: "deprecated",
        moving: true,
      },
      { id: "plain-fast", tier: "fast", ctx: 8000 },
    ],
    order: ["plain-fast", "moving-flagship", "deprecated-flagship", "deprecated-moving", "undescribed-flagship"],
  },
  {
    name: "ties: stable before preview, then id in code-unit order",
    category: "balanced",
    models: [
      { id: "preview", status: "preview" },
      { id: "Z-pinned" },
      { id: "a-pinned" },
      { id: "a-moving", moving: true },
    ],
    order: ["Z-pinned", "a-pinned", "preview", "a-moving"],
  },
  {
    name: "routers and by-name models are never placed on merit",
    category: "balanced",
    models: [
      { id: "openrouter/auto", kind: "router", tools: true, ctx: 2000000 },
      {
        id: "x:batch",
        routing: "by_name",
        tools: true,
        ctx: 2000000,
        price: price(0.5, 1),
        variant: { of: "x", tag: "batch" },
      },
      { id: "x", tools: true, price: price(1, 2) },
    ],
    order: ["x"],
  },
];

describe("ranking on merit", () => {
  test.each(cases)("$name", ({ category, policy, models, order }) => {
    const snapshot = { models: models.map((m) => ({ provider: "p", ...m })), ...(policy ? { policy } : {}) };
    const choice = selectorFor(snapshot).select({ category });
    expect([ref(choice), ...choice.fallbacks.map(ref)]).toEqual(order.map((id) => `p/${id}`));
    // Never on list order: the same models in reverse give the same ranking.
    const reversed = selectorFor({ ...snapshot, models: [...snapshot.models].reverse(), keepOrder: true }).select({
      category,
    });
    expect([ref(reversed), ...reversed.fallbacks.map(ref)]).toEqual(order.map((id) => `p/${id}`));
  });
});

describe("deprecated models on merit", () => {
  test.each(["fast_response", "balanced", "extended_reasoning"] as const)(
    "%s: a live model beats a deprecated one whatever its tier, price or reasoning",
    (category) => {
      const snapshot = {
        models: [
          {
            provider: "p",
            id: "retired-flagship",
            tier: "flagship" as const,
            reasoning: true,
            ctx: 1000000,
            status: "deprecated" as const,
            price: { input: 0, output: 0 },
          },
          { provider: "p", id: "live-standard", tier: "standard" as const, ctx: 8000, price: { input: 5, output: 9 } },
        ],
      };
      const choice = selectorFor(snapshot).select({ category });
      expect(choice.model).toBe("live-standard");
      expect(choice.fallbacks.map((f) => f.model)).toEqual(["retired-flagship"]);
    },
  );
});

describe("long-context price tiers", () => {
  // a is cheap below 200k prompt tokens and dear above; b costs the same at any length.
  const snapshot = {
    models: [
      {
        provider: "p",
        id: "a",
        ctx: 1000000,
        tools: true,
        price: price(1, 2),
        tiers: [{ above: 200000, input: 10, output: 40 }],
      },
      { provider: "p", id: "b", ctx: 1000000, tools: true, price: price(3, 6) },
    ],
    policy: { costAwareRouting: true },
  };
  const selector = selectorFor(snapshot);
  test.each([
    ["no minContext: base prices", undefined, "fast_response", ["p/a", "p/b"]],
    ["a prompt within the base tier", 150000, "fast_response", ["p/a", "p/b"]],
    ["at the tier's edge: not above it", 200000, "fast_response", ["p/a", "p/b"]],
    ["past the tier: a pays 10/40", 300000, "fast_response", ["p/b", "p/a"]],
    ["balanced past the tier: a's output price leaves the mid band", 300000, "balanced", ["p/b", "p/a"]],
  ] as const)("%s", (_, minContext, category, order) => {
    const choice = selector.select({ category, ...(minContext === undefined ? {} : { requires: { minContext } }) });
    expect([ref(choice), ...choice.fallbacks.map(ref)]).toEqual(order);
  });

  test("the trace and the reason state the price the request pays", () => {
    const choice = selector.select({ category: "fast_response", requires: { minContext: 300000 } });
    expect(choice.trace.find((e) => e.model === "a")!.detail).toContain("50 per million tokens in+out");
    expect(choice.reason).toContain("9 per million tokens in+out");
  });
});

describe("the reason and the trace name what decided", () => {
  test("the key that put the choice ahead of the runner-up", () => {
    const choice = selectorFor({
      models: [
        { provider: "p", id: "big", tools: true, ctx: 200000 },
        { provider: "p", id: "small", tools: true, ctx: 100000 },
      ],
    }).select({});
    expect(choice.reason).toContain("ahead of small on larger context window");
    expect(choice.trace[0]!.detail).toContain("ahead of small (p) on larger context window");
  });

  test("a tie on every fact, decided by the id, says so", () => {
    const choice = selectorFor({
      models: [
        { provider: "p", id: "twin-b" },
        { provider: "p", id: "twin-a" },
        { provider: "p", id: "twin-c" },
      ],
    }).select({});
    expect(choice.model).toBe("twin-a");
    expect(choice.reason).toContain(
      "ahead of twin-b on the tie-break on id (UTF-16 code-unit order): equal on every fact the ranking reads",
    );
    // A fallback placed over the next by the id says so too.
    expect(choice.trace.find((e) => e.model === "twin-b")!.detail).toContain("ahead of twin-c on the tie-break on id");
  });

  test("a retirement date is shown with the facts (register applies it; the selector reads no clock)", () => {
    const choice = selectorFor({
      models: [{ provider: "p", id: "old", status: "deprecated", retiresAt: "2026-07-01" }],
    }).select({});
    expect(choice.reason).toContain("(deprecated, retirement date 2026-07-01,");
  });

  test("status as the tie-break", () => {
    const choice = selectorFor({
      models: [
        { provider: "p", id: "a", status: "preview" },
        { provider: "p", id: "b" },
      ],
    }).select({});
    expect(choice.model).toBe("b");
    expect(choice.reason).toContain("ahead of a on stable before preview");
  });
});
