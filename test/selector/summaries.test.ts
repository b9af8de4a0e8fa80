// A request nothing fits is answered from per-provider summaries of what the routable models can reach, not a walk
// of every model; fallbacks share one object per model; a data-driven SelectionError carries no stack.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSelector, SelectionError, type SelectionRequest } from "../../src/selector/index.js";
import { buildSnapshot, type ModelSpec } from "../support/snapshot-builder.js";
import { selectionError } from "../support/snapshots.js";

// The largest context and the largest output live on different models: the summary lets the request through, the walk decides.
const models: ModelSpec[] = [
  { provider: "kimi", id: "wide", ctx: 1_000_000, out: 8_192, tools: true },
  { provider: "kimi", id: "long", ctx: 32_768, out: 128_000, tools: true },
  { provider: "kimi", id: "seer", ctx: 200_000, out: 32_000, vision: true },
  { provider: "glm", id: "glm-a", ctx: 128_000, out: 16_000, tools: true, json: true },
  { provider: "glm", id: "glm-off", ctx: 2_000_000, out: 200_000, tools: true, availability: "not_listed" },
];
const selector = createSelector(buildSnapshot({ models }));

/** What a walk of every routable model would answer: the oracle the summaries must agree with. */
function walked(request: SelectionRequest): string | null {
  try {
    return selector.select(request).model;
  } catch (error) {
    if (error instanceof SelectionError && error.code === "NO_MODEL_AVAILABLE") return null;
    throw error;
  }
}

describe("a request nothing fits", () => {
  it.each([
    { name: "a context no model has", requires: { minContext: 1_500_000 }, expected: null },
    { name: "a context only a not-listed model has", requires: { minContext: 1_500_000, tools: true }, expected: null },
    {
      name: "each maximum alone is reachable, both together are not",
      requires: { minContext: 500_000, minOutput: 100_000 },
      expected: null,
    },
    { name: "a capability set nobody has", requires: { vision: true, tools: true }, expected: null },
    { name: "the widest context", requires: { minContext: 500_000 }, expected: "wide" },
    { name: "the longest output", requires: { minOutput: 100_000 }, expected: "long" },
    { name: "vision with a large context", requires: { vision: true, minContext: 150_000 }, expected: "seer" },
  ])("$name → $expected", ({ requires, expected }) => {
    expect(walked({ requires })).toBe(expected);
  });

  it("property: whatever is asked, a choice fits it, and NO_MODEL_AVAILABLE means no routable model would", () => {
    const routable = models.filter((m) => m.availability === undefined);
    fc.assert(
      fc.property(
        fc.record({
          vision: fc.boolean(),
          tools: fc.boolean(),
          json: fc.boolean(),
          minContext: fc.integer({ min: 0, max: 2_100_000 }),
          minOutput: fc.integer({ min: 0, max: 250_000 }),
        }),
        (requires) => {
          const fitting = routable.filter(
            (m) =>
              (!requires.vision || m.vision === true) &&
              (!requires.tools || m.tools === true) &&
              (!requires.json || m.json === true) &&
              (m.ctx ?? -1) >= requires.minContext &&
              (m.out ?? -1) >= requires.minOutput,
          );
          const answer = walked({ requires });
          if (fitting.length === 0) expect(answer).toBeNull();
          else expect(fitting.map((m) => m.id)).toContain(answer);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("says what was asked and where, and carries no stack: it is an answer about the snapshot, not a fault", () => {
    const error = selectionError(() => selector.select({ requires: { minContext: 1_500_000 } }));
    expect(error.code).toBe("NO_MODEL_AVAILABLE");
    expect(error.message).toMatch(
      /^no model fits a balanced request requiring a context window of at least 1500000 tokens at any provider \((glm, kimi|kimi, glm)\)/,
    );
    expect(error.stack?.split("\n")).toHaveLength(1);
    expect(error.trace.length).toBeGreaterThan(0);
  });

  it("a malformed request, a bug in the caller, keeps its stack", () => {
    const error = selectionError(() => selector.select({ category: "fastest" as never }));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.stack?.split("\n").length).toBeGreaterThan(1);
    expect(Error.stackTraceLimit).toBeGreaterThan(0);
  });
});

describe("fallbacks", () => {
  it("share one frozen object per model across choices, and list the same models as before", () => {
    const a = selector.select({ requires: { tools: true } });
    const b = selector.select({ category: "fast_response", requires: { tools: true } });
    expect(a.fallbacks.length).toBeGreaterThan(0);
    for (const f of a.fallbacks) expect(Object.isFrozen(f)).toBe(true);
    const shared = a.fallbacks.filter((f) => b.fallbacks.includes(f));
    expect(shared.length).toBeGreaterThan(0);
    expect(new Set([a.model, ...a.fallbacks.map((f) => f.model)])).toEqual(new Set(["wide", "long", "glm-a"]));
  });
});
