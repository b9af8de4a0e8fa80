// Safety classifiers take and return text but answer with a verdict: they must never be routed as chat models.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kindFromId, SAFETY_CLASSIFIER_ID } from "../../src/providers/adapters/kind-from-id.js";
import { openRouterAdapter } from "../../src/providers/adapters/openrouter.js";

describe("safety classifiers are told by their id", () => {
  it.each([
    ["meta-llama/llama-guard-4-12b", true],
    ["meta-llama/llama-guard-3-8b", true],
    ["llamaguard-7b", true],
    ["openai/gpt-oss-safeguard-20b", true],
    ["nvidia/nemotron-3.5-content-safety:free", true],
    ["google/shieldgemma-2b", true],
    ["omni-moderation-latest", true],
    ["text-moderation-stable", true],
    // Not classifiers: words that merely contain the letters.
    ["vanguard-70b", false],
    ["mistralai/mistral-guardian-instruct", false],
    ["openai/gpt-5.6-luna", false],
    ["x-ai/grok-4.20", false],
  ])("%s → classifier %s", (id, classifier) => {
    expect(SAFETY_CLASSIFIER_ID.test(id)).toBe(classifier);
    expect(kindFromId(id) === "other").toBe(classifier);
  });

  it("on the recorded August 2026 OpenRouter answer, every guard and safety model is kind other, and only those", () => {
    const body = JSON.parse(
      readFileSync(new URL("../fixtures/real/openrouter-2026-08-01.json", import.meta.url), "utf8"),
    );
    const models = openRouterAdapter.parseModels(body).map((raw) => openRouterAdapter.translateModel(raw));
    const classifiers = models.filter((m) => SAFETY_CLASSIFIER_ID.test(m.id));
    expect(classifiers.map((m) => m.id).sort()).toEqual([
      "meta-llama/llama-guard-4-12b",
      "nvidia/nemotron-3.5-content-safety:free",
      "openai/gpt-oss-safeguard-20b",
    ]);
    for (const m of classifiers) expect(m.kind, m.id).toBe("other");
  });
});
