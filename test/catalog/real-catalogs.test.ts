// The real LiteLLM and models.dev excerpts (test/fixtures/real) through the community catalog parsers: long-context
// tiers, retirement dates, kinds from output modalities, and a router priced at 0/0.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCommunityCatalog, type OverlayCatalog } from "../../src/catalog/community-catalog.js";
import { LITELLM, MODELS_DEV_2025, MODELS_DEV_2026 } from "../support/real-data.js";

const parse = (file: string): { name: string; catalog: OverlayCatalog } =>
  parseCommunityCatalog(JSON.parse(readFileSync(file, "utf8")), { file, asOf: "2026-08-01" });
const facts = (catalog: OverlayCatalog, provider: string, id: string) => {
  const hit = catalog.get(provider)?.find((e) => e.id === id);
  if (!hit) throw new Error(`no ${provider} ${id}`);
  return hit.facts;
};

describe("LiteLLM, 2026-08-01", () => {
  const { name, catalog } = parse(LITELLM);

  it("is read as LiteLLM, for kimi, glm and openrouter", () => {
    expect(name).toBe("litellm");
    expect([...catalog.keys()].sort()).toEqual(["glm", "kimi", "openrouter"]);
  });

  it.each([
    {
      id: "anthropic/claude-sonnet-4.6",
      tiers: [{ aboveInputTokens: 200000, input: 6, output: 22.5, cachedInput: 0.6 }],
    },
    { id: "google/gemini-3.1-pro-preview", tiers: [{ aboveInputTokens: 200000 }] },
  ])("openrouter $id: *_above_200k_tokens become a tier", ({ id, tiers }) => {
    expect(facts(catalog, "openrouter", id).pricing?.tiers).toMatchObject(tiers);
  });

  it("openrouter/openrouter/auto is listed at 0/0 (the merge, not the parser, refuses it)", () => {
    expect(facts(catalog, "openrouter", "openrouter/auto").pricing).toMatchObject({ input: 0, output: 0 });
  });

  it.each([
    { id: "kimi-latest", retiresAt: "2026-01-28", input: 2, output: 5 },
    { id: "kimi-thinking-preview", retiresAt: "2025-11-11", input: 0.6, output: 2.5 },
    { id: "moonshot-v1-auto", retiresAt: undefined, input: 2, output: 5 },
  ])("kimi $id: priced $input/$output, retiring $retiresAt", ({ id, retiresAt, input, output }) => {
    const f = facts(catalog, "kimi", id);
    expect(f.pricing).toMatchObject({ input, output });
    expect(f.retiresAt).toBe(retiresAt);
    expect(f).not.toHaveProperty("status");
  });
});

describe("models.dev", () => {
  it("2026-07-02: kimi-k2.7-code priced, lyria an audio model, tiers from cost.tiers at their exact size", () => {
    const { name, catalog } = parse(MODELS_DEV_2026);
    expect(name).toBe("models.dev");
    expect(facts(catalog, "kimi", "kimi-k2.7-code").pricing).toMatchObject({
      input: 0.95,
      output: 4,
      cachedInput: 0.19,
    });
    expect(facts(catalog, "openrouter", "google/lyria-3-clip-preview").kind).toBe("audio");
    expect(facts(catalog, "openrouter", "anthropic/claude-sonnet-4.6").pricing?.tiers).toEqual([
      { aboveInputTokens: 200000, input: 6, output: 22.5, cachedInput: 0.6 },
    ]);
    expect(facts(catalog, "openrouter", "~moonshotai/kimi-latest")).toMatchObject({
      kind: "chat",
      pricing: { input: 0.55, output: 3.2 },
    });
    // The router has no cost here: no price stated.
    expect(facts(catalog, "openrouter", "openrouter/auto").pricing).toBeUndefined();
  });

  it("2025-11-18: the real api.json reads whole", () => {
    const { name, catalog } = parse(MODELS_DEV_2025);
    expect(name).toBe("models.dev");
    expect(
      catalog
        .get("kimi")
        ?.map((e) => e.id)
        .sort(),
    ).toEqual([
      "kimi-k2-0711-preview",
      "kimi-k2-0905-preview",
      "kimi-k2-thinking",
      "kimi-k2-thinking-turbo",
      "kimi-k2-turbo-preview",
    ]);
    expect(catalog.get("openrouter")?.length).toBe(128);
  });
});
