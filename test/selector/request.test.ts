// Malformed requests are refused with INVALID_REQUEST, never guessed at: a misspelt requirement would otherwise be
// dropped and a model returned that breaks it.
import { expect, test } from "vitest";
import { selectionError, selectorFor } from "../support/snapshots.js";

const selector = selectorFor({ models: [{ provider: "kimi", id: "kimi-k2" }] });

test.each([
  ["an unknown category", { category: "fast" }, /category must be one of fast_response, balanced, extended_reasoning/],
  ["an uppercase category", { category: "FAST_RESPONSE" }, /category must be one of/],
  ["an unknown provider", { provider: "openai" }, /unknown provider "openai"; the snapshot knows kimi/],
  ["an empty model", { model: "" }, /model must be/],
  ["a model that is not a string", { model: 4 }, /model must be/],
  ["a misspelt field", { categroy: "balanced" }, /unknown field categroy/],
  ["a misspelt requirement", { requires: { minContex: 1000 } }, /unknown field requires\.minContex/],
  ["a requirement that is not a boolean", { requires: { vision: "yes" } }, /requires\.vision must be true or false/],
  ["a negative minimum", { requires: { minContext: -1 } }, /requires\.minContext must be a number/],
  ["a minimum that is not a number", { requires: { minOutput: "8k" } }, /requires\.minOutput must be a number/],
  ["requires that is not an object", { requires: ["vision"] }, /requires must be an object/],
  ["exclude that is not an array", { exclude: "kimi-k2" }, /exclude must be an array/],
  ["exclude with a non-string", { exclude: [1] }, /exclude must be an array/],
  ["a request that is not an object", "kimi-k2", /must be an object/],
  ["null", null, /must be an object/],
])("%s", (_, request, message) => {
  const error = selectionError(() => selector.select(request as never));
  expect(error.code).toBe("INVALID_REQUEST");
  expect(error.exitCode).toBe(2);
  expect(error.message).toMatch(message);
  expect(error.trace).toEqual([]);
});

test("no request at all is a bare auto request", () => {
  expect(selector.select().model).toBe("kimi-k2");
});

test("false requirements require nothing, and unknown exclude names exclude nothing", () => {
  expect(selector.select({ requires: { vision: false, minContext: 0 }, exclude: ["gone"] }).model).toBe("kimi-k2");
});

test("explain renders an invalid request instead of throwing", () => {
  expect(selector.explain({ category: "fast" } as never)).toMatch(/no choice: INVALID_REQUEST/);
});

test("explain renders requests that have no JSON form", () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  expect(selector.explain(cyclic as never)).toMatch(
    /no choice: INVALID_REQUEST\n  invalid request: unknown field self/,
  );
  expect(selector.explain({ model: 10n } as never)).toMatch(/model must be/);
});

// A name or value of megabytes (read from an upload, say) is quoted in part: the message stays a few lines long.
test.each([
  [
    "a model name",
    { model: `kimi-k2${"x".repeat(1_000_000)}` },
    "NO_SUCH_MODEL",
    /"kimi-k2x+…" \(1000007 characters\)/,
  ],
  [
    "a provider",
    { provider: "p".repeat(1_000_000) },
    "INVALID_REQUEST",
    /unknown provider "p+…" \(1000000 characters\)/,
  ],
  ["a category", { category: "c".repeat(1_000_000) }, "INVALID_REQUEST", /\(got "c+…\)$/],
  [
    "an excluded name",
    { exclude: ["e".repeat(1_000_000)], provider: "nowhere" },
    "INVALID_REQUEST",
    /unknown provider/,
  ],
])("%s of a million characters is quoted in part", (_, request, code, message) => {
  const error = selectionError(() => selector.select(request as never));
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(error.message.length).toBeLessThan(1_200);
  expect(selector.explain(request as never).length).toBeLessThan(3_000);
});
