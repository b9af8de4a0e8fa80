// USD per token (OpenRouter's strings, LiteLLM's numbers) → USD per million tokens, exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { perTokenToPerMillion } from "../../src/core/price-units.js";

describe("perTokenToPerMillion", () => {
  it.each([
    // Exact where float multiplication is not: 0.00000055 * 1e6 is 0.5499999999999999.
    { input: "0.00000055", expected: 0.55 },
    { input: "0.0000022", expected: 2.2 },
    { input: "0.00000015", expected: 0.15 },
    { input: "0.000000075", expected: 0.075 },
    { input: "0.0000006", expected: 0.6 },
    { input: "0.00000011", expected: 0.11 },
    { input: "0.000217", expected: 217 },
    { input: "0", expected: 0 },
    { input: "0.0", expected: 0 },
    { input: "1", expected: 1_000_000 },
    { input: "12.5", expected: 12_500_000 },
    { input: " 0.000003 ", expected: 3 },
    { input: "5.5e-7", expected: 0.55 },
    { input: "5.5E-7", expected: 0.55 },
    { input: "1e-7", expected: 0.1 },
    { input: "1e+2", expected: 100_000_000 },
    { input: "0.000000000001", expected: 0.000001 },
    { input: 5.5e-7, expected: 0.55 },
    { input: 0.0000022, expected: 2.2 },
    { input: 0.000002, expected: 2 },
    { input: 0, expected: 0 },
  ])("$input → $expected", ({ input, expected }) => {
    expect(perTokenToPerMillion(input)).toBe(expected);
  });

  it.each([
    { name: "-1 (OpenRouter's 'decided per request')", input: "-1" },
    { name: "a negative price", input: "-0.000001" },
    { name: "a negative number", input: -0.000001 },
    { name: "empty", input: "" },
    { name: "words", input: "free" },
    { name: "leading dot", input: ".5" },
    { name: "trailing dot", input: "5." },
    { name: "hex", input: "0x10" },
    { name: "NaN text", input: "NaN" },
    { name: "Infinity text", input: "Infinity" },
    { name: "NaN", input: Number.NaN },
    { name: "Infinity", input: Number.POSITIVE_INFINITY },
    { name: "null", input: null },
    { name: "undefined", input: undefined },
    { name: "an object", input: { usd: "0.000001" } },
    { name: "a boolean", input: false },
    { name: "comma decimal", input: "0,000001" },
    { name: "with a currency sign", input: "$0.000001" },
    { name: "too large to represent", input: "1e400" },
  ])("$name → undefined", ({ input }) => {
    expect(perTokenToPerMillion(input)).toBeUndefined();
  });

  // The body is untrusted: an absurd exponent must neither throw nor build a gigabyte string.
  it.each([
    { input: "1e999999999", expected: undefined },
    { input: "1e300000000", expected: undefined },
    { input: "1e-999999999", expected: 0 },
    { input: "5e-300000000", expected: 0 },
  ])("absurd exponent $input → $expected without throwing", ({ input, expected }) => {
    expect(perTokenToPerMillion(input)).toBe(expected);
  });

  it("property: a decimal string gives exactly the correctly rounded per-million value", () => {
    // Number(`${s}e6`) is the decimal value s × 10⁶ rounded once; the text shift must agree to the last bit.
    const decimal = fc
      .tuple(fc.stringMatching(/^(0|[1-9]\d{0,6})$/), fc.option(fc.stringMatching(/^\d{1,18}$/), { nil: undefined }))
      .map(([whole, fraction]) => (fraction === undefined ? whole : `${whole}.${fraction}`));
    fc.assert(
      fc.property(decimal, (text) => {
        expect(perTokenToPerMillion(text)).toBe(Number(`${text}e6`));
      }),
      { numRuns: 2000 },
    );
  });

  it("property: for any non-negative double x, perTokenToPerMillion(String(x)) agrees with x × 1e6 to 1e-9 relative", () => {
    const x = fc.oneof(
      fc.constant(0),
      fc.double({ min: 1e-200, max: 1e12, noNaN: true }),
      fc.double({ min: 1e-9, max: 1e-4, noNaN: true }),
    );
    fc.assert(
      fc.property(x, (value) => {
        const expected = value * 1e6;
        for (const input of [String(value), value]) {
          const result = perTokenToPerMillion(input);
          expect(result).toBeDefined();
          expect(Math.abs(result! - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
