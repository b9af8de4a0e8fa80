// What a choice carries: lazy but serialisable parts, a trace that covers every model, and its rendering.
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { createSelector, SelectionError } from "../../src/selector/index.js";
import { readFixture, ref, selectionError, selectorFor } from "../support/snapshots.js";

const selector = createSelector(readFixture("demo-register.json"));
const snapshot = selector.snapshot;

describe("a choice", () => {
  test("computes only model and provider up front; JSON.stringify still shows everything, in the documented shape", () => {
    const choice = selector.select({ category: "fast_response" });
    expect(Object.keys(choice)).toEqual(["model", "provider"]);
    const json = JSON.parse(JSON.stringify(choice)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["model", "provider", "reason", "fallbacks", "trace"]);
    expect(json.fallbacks).toEqual(choice.fallbacks.map((f) => ({ model: f.model, provider: f.provider })));
    expect(json.trace).toEqual(choice.trace);
    expect(inspect(choice)).toContain("reason:");
  });

  test("builds each lazy part once and hands out frozen values", () => {
    const choice = selector.select({});
    expect(choice.trace).toBe(choice.trace);
    expect(choice.fallbacks).toBe(choice.fallbacks);
    expect(choice.reason).toBe(choice.reason);
    expect(Object.isFrozen(choice.fallbacks)).toBe(true);
    expect(Object.isFrozen(choice.trace[0])).toBe(true);
  });

  test("the reason is one sentence", () => {
    for (const request of [
      {},
      { category: "extended_reasoning" as const },
      { model: "kimi-k2" },
      { provider: "glm", requires: { vision: true } },
    ]) {
      const reason = selector.select(request).reason;
      expect(reason).toMatch(/^[^.]+(\.[^ ][^.]*)*\.$/); // ends with the only full stop (ids may contain dots)
    }
  });

  test("the routing trace names every model of every provider exactly once, and its kept entries are the choice and fallbacks", () => {
    const choice = selector.select({ requires: { tools: true, minContext: 100000 } });
    const models = choice.trace
      .filter((e) => e.rule !== "not_in_snapshot")
      .map(ref)
      .sort();
    expect(models).toEqual(snapshot.models.map((m) => `${m.provider}/${m.id}`).sort());
    expect(choice.trace.filter((e) => e.outcome === "chosen").map(ref)).toEqual([ref(choice)]);
    // The trace goes provider by provider; within each, its fallbacks are in the fallbacks' (routing) order.
    expect(
      choice.trace
        .filter((e) => e.outcome === "fallback")
        .map(ref)
        .sort(),
    ).toEqual(choice.fallbacks.map(ref).sort());
    for (const p of new Set(choice.fallbacks.map((f) => f.provider))) {
      expect(choice.trace.filter((e) => e.outcome === "fallback" && e.provider === p).map(ref)).toEqual(
        choice.fallbacks.filter((f) => f.provider === p).map(ref),
      );
    }
    expect(choice.trace.find((e) => e.model === "embedding-3")).toMatchObject({ outcome: "dropped", rule: "not_chat" });
    expect(choice.trace.find((e) => e.model === "glm-4.5-x")).toMatchObject({ outcome: "dropped", rule: "not_listed" });
    expect(choice.trace.find((e) => e.model === "moonshot-v1-8k")).toMatchObject({
      outcome: "dropped",
      rule: "min_context",
    });
  });

  test("with a provider named, the trace covers that provider only", () => {
    const choice = selector.select({ provider: "glm" });
    expect(new Set(choice.trace.map((e) => e.provider))).toEqual(new Set(["glm"]));
  });

  test("the trace says when a written preference names a model the provider does not have, or cannot route", () => {
    const choice = selectorFor({
      models: [
        { provider: "p", id: "a" },
        { provider: "p", id: "b", availability: "not_listed" },
      ],
      policy: { providers: { p: { preferredModels: ["ghost", "b"] } } },
    }).select({});
    expect(choice.trace.slice(0, 2)).toEqual([
      {
        model: "ghost",
        provider: "p",
        outcome: "dropped",
        rule: "not_in_snapshot",
        detail:
          "p's preferred models (policy.providers.p.preferredModels) names it, but the snapshot has no such p model",
      },
      {
        model: "b",
        provider: "p",
        outcome: "dropped",
        rule: "not_listed",
        detail:
          "p's preferred models (policy.providers.p.preferredModels), passed over: p's probe succeeded and did not list it",
      },
    ]);
  });

  test("stale and unverified choices say so", () => {
    const stale = selectorFor({ models: [{ provider: "p", id: "a", availability: "stale" }] }).select({});
    expect(stale.trace[0]!.detail).toContain("stale: p's probe failed");
    const unverified = selectorFor({
      models: [{ provider: "p", id: "a", availability: "unverified" }],
      policy: { routeUnverified: true },
    }).select({});
    expect(unverified.trace[0]!.detail).toContain("unverified: p was not probed");
  });

  test("an explicit choice's trace covers the providers serving that name, and the other provider's copy when restricted", () => {
    const s = selectorFor({
      models: [
        { provider: "a", id: "m" },
        { provider: "b", id: "m" },
        { provider: "c", id: "m", vision: true },
      ],
    });
    const choice = s.select({ model: "M", requires: { vision: true } });
    expect(choice.trace.map((e) => [ref(e), e.outcome, e.rule])).toEqual([
      ["a/m", "dropped", "requires_vision"],
      ["b/m", "dropped", "requires_vision"],
      ["c/m", "chosen", "requested"],
    ]);
    const restricted = s.select({ model: "m", provider: "b" });
    expect(restricted.trace.map((e) => [ref(e), e.outcome, e.rule])).toEqual([
      ["a/m", "dropped", "other_provider"],
      ["b/m", "chosen", "requested"],
      ["c/m", "dropped", "other_provider"],
    ]);
  });
});

describe("a SelectionError", () => {
  test("carries code, message and a trace, and serialises as the CLI prints it", () => {
    const error = selectionError(() => selector.select({ requires: { vision: true, reasoning: true, json: true } }));
    expect(error).toBeInstanceOf(SelectionError);
    expect(error.code).toBe("NO_MODEL_AVAILABLE");
    expect(error.trace.length).toBe(snapshot.models.length);
    expect(error.trace.every((e) => e.outcome === "dropped")).toBe(true);
    expect(error.trace).toBe(error.trace);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      error: { code: error.code, message: error.message },
      trace: error.trace,
    });
  });
});

describe("explain", () => {
  test("renders the request, the choice, its reason, fallbacks and the trace grouped by provider", () => {
    const text = selector.explain({ category: "fast_response", requires: { tools: true } });
    expect(text).toMatch(
      /^request: \{"category":"fast_response","requires":\{"tools":true\}\} \(a fast_response request requiring tools\)\n/,
    );
    expect(text).toMatch(
      /\nchoice: kimi-k2-0905-preview \(kimi\)\nreason: .+\nfallbacks: .+\ntrace:\n  kimi\n    chosen {4}kimi-k2-0905-preview +provider_default +#1 in kimi's fast_response ordering/,
    );
    expect(text).toMatch(/\n  glm\n/);
    expect(text.endsWith("\n")).toBe(true);
  });

  test("renders a failure instead of throwing", () => {
    const text = selector.explain({ model: "glm-4.5-x" });
    expect(text).toContain("no choice: NO_SUCH_MODEL");
    expect(text).toMatch(/dropped +glm-4\.5-x +not_listed/);
  });

  test("renders an unknown model with an empty trace", () => {
    expect(selector.explain({ model: "nothing-like-it" })).toContain("trace: no model was considered");
  });
});

describe("a repeated { model } request", () => {
  test("gets, from its second answer on, the same frozen choice, whose lazy parts still build, and equals a fresh selector's", () => {
    const selector = selectorFor({
      models: [
        { provider: "kimi", id: "kimi-k2-0905-preview", aliases: ["kimi-k2"] },
        { provider: "glm", id: "glm-4.6" },
      ],
    });
    // The first answer is the caller's own: a name asked once is not cached (see SnapshotSelector.#modelOnly).
    const once = selector.select({ model: "kimi-k2" });
    expect(Object.isFrozen(once)).toBe(false);
    const first = selector.select({ model: "kimi-k2" });
    const second = selector.select({ model: "kimi-k2" });
    expect(first).not.toBe(once);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.reason).toMatch(/requested by name/);
    expect(first.trace.length).toBeGreaterThan(0);
    expect(() => {
      (first as { model: string }).model = "other";
    }).toThrow(TypeError);
    // A request that names anything besides the model is answered afresh, not from the cache.
    expect(selector.select({ model: "kimi-k2", category: "balanced" })).not.toBe(first);
    expect(JSON.parse(JSON.stringify(second))).toEqual(
      JSON.parse(
        JSON.stringify(
          selectorFor({
            models: [
              { provider: "kimi", id: "kimi-k2-0905-preview", aliases: ["kimi-k2"] },
              { provider: "glm", id: "glm-4.6" },
            ],
          }).select({ model: "kimi-k2" }),
        ),
      ),
    );
  });
});
