// The complaint that started the project, on the fixture that reproduces its settings: DEFAULT_MODEL=glm-4.5-flash,
// KIMI_DEFAULT_MODEL=kimi-k2-0905-preview, no KIMI_PREFERRED_MODELS, Kimi first and listing kimi-latest-128k first.
import { describe, expect, test } from "vitest";
import { createSelector } from "../../src/selector/index.js";
import { readFixture } from "../support/snapshots.js";

const selector = createSelector(readFixture("kimi-glm-complaint.json"));

describe("the complaint", () => {
  test.each(["fast_response", "balanced", "extended_reasoning"] as const)(
    "a %s request gets KIMI_DEFAULT_MODEL, and the trace says why",
    (category) => {
      const choice = selector.select({ category });
      expect([choice.model, choice.provider]).toEqual(["kimi-k2-0905-preview", "kimi"]);
      expect(choice.trace[0]).toMatchObject({
        model: "kimi-k2-0905-preview",
        provider: "kimi",
        outcome: "chosen",
        rule: "provider_default",
      });
      expect(choice.trace[0]!.detail).toContain("kimi's default model (policy.providers.kimi.defaultModel)");
      expect(choice.reason).toBe(
        "kimi-k2-0905-preview is kimi's default model (policy.providers.kimi.defaultModel), and kimi is first in provider priority.",
      );
      const latest = choice.trace.find((e) => e.model === "kimi-latest-128k");
      expect(latest).toMatchObject({ outcome: "fallback", rule: "merit" });
    },
  );

  test("a bare request gets DEFAULT_MODEL, since it names no category, provider or requirement", () => {
    const choice = selector.select({});
    expect([choice.model, choice.provider, choice.trace[0]?.rule]).toEqual(["glm-4.5-flash", "glm", "default_model"]);
  });

  test("explain says the default model did not apply to a request naming a category", () => {
    const text = selector.explain({ category: "fast_response" });
    expect(text).toContain(
      "default model: glm-4.5-flash (glm) not considered, since the request names a category, provider or requirement",
    );
    expect(text).toMatch(/chosen\s+kimi-k2-0905-preview\s+provider_default/);
  });

  test("a listing order that puts kimi-latest-128k first changes nothing: the fixture's models reversed", () => {
    const snapshot = readFixture("kimi-glm-complaint.json") as { models: unknown[] };
    snapshot.models.reverse();
    const reversed = createSelector(snapshot);
    for (const category of ["fast_response", "balanced", "extended_reasoning"] as const) {
      expect(JSON.stringify(reversed.select({ category }))).toBe(JSON.stringify(selector.select({ category })));
    }
  });
});
