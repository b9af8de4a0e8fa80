// A date from outside is written only when the day exists: the snapshot schema's format "date" refuses the rest, and
// one impossible expiration_date in a provider's answer made the whole generated snapshot invalid.
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../src/core/calendar-date.js";
import { openRouterAdapter } from "../../src/providers/adapters/openrouter.js";

describe("isCalendarDate", () => {
  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-12-31", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-1-01", false],
    ["2026-01-01T00:00:00Z", false],
    ["not a date", false],
    [20260101, false],
    [null, false],
  ])("%s → %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe("OpenRouter's expiration_date", () => {
  const entry = (expiration_date: unknown) => ({
    id: "vendor/model",
    architecture: { input_modalities: ["text"], output_modalities: ["text"], tokenizer: "Other" },
    pricing: { prompt: "0.000001", completion: "0.000002" },
    context_length: 8192,
    expiration_date,
  });
  it.each([["2026-02-30"], ["2026-13-45"], ["someday"], [1767225600]])("%s is no retirement date", (value) => {
    expect(openRouterAdapter.translateModel(entry(value) as never).retiresAt).toBeUndefined();
  });
  it("a real date is kept", () => {
    expect(openRouterAdapter.translateModel(entry("2026-03-31") as never).retiresAt).toBe("2026-03-31");
  });
});
