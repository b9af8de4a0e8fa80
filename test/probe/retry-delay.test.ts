// How long to wait: Retry-After (seconds or HTTP date) when given, else exponential backoff with full jitter; never past the cap.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, parseRetryAfter, retryDelay, type RetryPolicy } from "../../src/probe/retry-delay.js";

const NOW = Date.parse("2026-01-15T12:00:00Z");
const POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 5000 };

describe("parseRetryAfter", () => {
  it.each([
    { name: "absent", value: null, expected: undefined },
    { name: "seconds", value: "120", expected: 120_000 },
    { name: "zero seconds", value: "0", expected: 0 },
    { name: "seconds with spaces", value: "  3 ", expected: 3000 },
    { name: "fractional seconds", value: "1.5", expected: 1500 },
    { name: "HTTP date 30 s ahead", value: "Thu, 15 Jan 2026 12:00:30 GMT", expected: 30_000 },
    { name: "HTTP date in the past is no wait", value: "Thu, 15 Jan 2026 11:59:00 GMT", expected: 0 },
    { name: "HTTP date exactly now", value: "Thu, 15 Jan 2026 12:00:00 GMT", expected: 0 },
    { name: "empty", value: "", expected: undefined },
    { name: "words", value: "soon", expected: undefined },
  ])("$name: $value → $expected", ({ value, expected }) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe("retryDelay", () => {
  it.each([
    { name: "Retry-After below the cap is honoured", attempt: 1, retryAfterMs: 2000, random: 0.5, expected: 2000 },
    { name: "Retry-After above the cap is capped", attempt: 1, retryAfterMs: 3_600_000, random: 0.5, expected: 5000 },
    { name: "Retry-After 0 means now", attempt: 3, retryAfterMs: 0, random: 0.9, expected: 0 },
    { name: "Retry-After ignores jitter", attempt: 2, retryAfterMs: 1234, random: 0, expected: 1234 },
    { name: "backoff, attempt 1, random 0", attempt: 1, retryAfterMs: undefined, random: 0, expected: 0 },
    {
      name: "backoff, attempt 1, random ~1 → base",
      attempt: 1,
      retryAfterMs: undefined,
      random: 0.999999,
      expected: 250,
    },
    { name: "backoff, attempt 2, random 0.5", attempt: 2, retryAfterMs: undefined, random: 0.5, expected: 250 },
    { name: "backoff, attempt 3, random ~1", attempt: 3, retryAfterMs: undefined, random: 0.999999, expected: 1000 },
    {
      name: "backoff, attempt 5, random ~1 → 4000",
      attempt: 5,
      retryAfterMs: undefined,
      random: 0.999999,
      expected: 4000,
    },
    {
      name: "backoff, attempt 6 reaches the cap",
      attempt: 6,
      retryAfterMs: undefined,
      random: 0.999999,
      expected: 5000,
    },
    {
      name: "backoff, attempt 2000 stays at the cap",
      attempt: 2000,
      retryAfterMs: undefined,
      random: 0.999999,
      expected: 5000,
    },
  ])("$name", ({ attempt, retryAfterMs, random, expected }) => {
    expect(retryDelay(attempt, retryAfterMs, POLICY, () => random)).toBe(expected);
  });

  it("the default policy caps at 5 s and retries 3 times", () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 5000 });
    expect(retryDelay(1, 60_000, DEFAULT_RETRY, () => 0)).toBe(5000);
  });

  it("property: backoff is a whole number of ms within [0, min(cap, base·2^(attempt-1))]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        (attempt, r, base, cap) => {
          const policy = { maxAttempts: 10, baseDelayMs: base, maxDelayMs: cap };
          const delay = retryDelay(attempt, undefined, policy, () => r);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(cap, base * 2 ** (attempt - 1)));
        },
      ),
    );
  });

  it("property: any Retry-After wait is capped at maxDelayMs", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 120_000 }), (retryAfterMs, cap) => {
        const delay = retryDelay(1, retryAfterMs, { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: cap }, () => 0.5);
        expect(delay).toBe(Math.min(retryAfterMs, cap));
      }),
    );
  });
});
