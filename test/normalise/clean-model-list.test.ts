// Ids from a provider are untrusted: unusable ones and repeats are dropped, and counted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanModelList } from "../../src/normalise/clean-model-list.js";
import type { ProbedModel } from "../../src/providers/adapter.js";

const ID_PATTERN = /^~?[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
const models = (...ids: string[]): ProbedModel[] => ids.map((id) => ({ id }));

describe("cleanModelList", () => {
  it.each([
    { name: "Kimi ids", ids: ["kimi-k2-0905-preview", "moonshot-v1-8k"] },
    {
      name: "OpenRouter ids with a slash and :free",
      ids: ["moonshotai/kimi-k2", "moonshotai/kimi-k2:free", "openrouter/auto"],
    },
    { name: "vLLM Hugging Face ids", ids: ["Qwen/Qwen2.5-7B-Instruct", "meta-llama/Llama-3.1-8B-Instruct"] },
    { name: "Ollama tags", ids: ["llama3.2:latest", "qwen2.5-coder:7b-instruct-q4_K_M"] },
    { name: "@ and + in ids", ids: ["model@2024-01-01", "a+b"] },
    { name: "the longest allowed id", ids: ["a".repeat(256)] },
    {
      name: "OpenRouter's ~ moving aliases (real 2026 ids)",
      ids: ["~moonshotai/kimi-latest", "~anthropic/claude-sonnet-latest", "~google/gemini-flash-latest"],
    },
  ])("keeps usable ids: $name", ({ ids }) => {
    expect(cleanModelList(models(...ids))).toEqual({ models: models(...ids), dropped: { invalid: 0, duplicates: 0 } });
  });

  it.each([
    { name: "empty", id: "" },
    { name: "a space inside", id: "glm 4.6" },
    { name: "leading space", id: " glm-4.6" },
    { name: "a newline", id: "glm-4.6\nX-Injected: 1" },
    { name: "leading dash", id: "-glm" },
    { name: "leading dot", id: ".hidden" },
    { name: "leading slash", id: "/etc/passwd" },
    { name: "non-ASCII", id: "modèle" },
    { name: "a quote", id: 'glm"4' },
    { name: "HTML", id: "<script>" },
    { name: "one character too long", id: "a".repeat(257) },
  ])("drops an unusable id: $name", ({ id }) => {
    expect(cleanModelList(models("glm-4.6", id))).toEqual({
      models: models("glm-4.6"),
      dropped: { invalid: 1, duplicates: 0 },
    });
  });

  it.each([
    { name: "exact repeat", ids: ["glm-4.6", "glm-4.6"], kept: ["glm-4.6"], duplicates: 1 },
    {
      name: "repeat in another case, first spelling kept",
      ids: ["GLM-4.6", "glm-4.6", "Glm-4.6"],
      kept: ["GLM-4.6"],
      duplicates: 2,
    },
    { name: "repeats apart, order kept", ids: ["a", "b", "A", "c", "b"], kept: ["a", "b", "c"], duplicates: 2 },
  ])("drops repeats: $name", ({ ids, kept, duplicates }) => {
    expect(cleanModelList(models(...ids))).toEqual({ models: models(...kept), dropped: { invalid: 0, duplicates } });
  });

  it("keeps the first entry's facts when an id repeats", () => {
    const result = cleanModelList([
      { id: "kimi-k2-0905-preview", contextWindow: 262144 },
      { id: "KIMI-K2-0905-PREVIEW", contextWindow: 1 },
    ]);
    expect(result.models).toEqual([{ id: "kimi-k2-0905-preview", contextWindow: 262144 }]);
  });

  it("property: output ids are unique ignoring case, all well formed, and every input is accounted for", () => {
    const id = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,10}$/),
      fc.constantFrom("glm-4.6", "GLM-4.6", "moonshotai/kimi-k2:free", "", " ", "a".repeat(257)),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (ids) => {
        const { models: kept, dropped } = cleanModelList(models(...ids));
        const lower = kept.map((m) => m.id.toLowerCase());
        expect(new Set(lower).size).toBe(lower.length);
        for (const m of kept) {
          expect(m.id).toMatch(ID_PATTERN);
          expect(m.id.length).toBeLessThanOrEqual(256);
        }
        expect(kept.length + dropped.invalid + dropped.duplicates).toBe(ids.length);
        // Kept in the order given: the kept ids are a subsequence of the input.
        let at = 0;
        for (const m of kept) {
          at = ids.indexOf(m.id, at) + 1;
          expect(at).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
