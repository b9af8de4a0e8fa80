// Facts the code keeps in one place that also live elsewhere (data files, the schema, the selector): kept equal here.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_PROVIDER_IDS, DEFAULT_PROVIDER_PRIORITY } from "../../src/core/builtin-providers.js";
import { displayName, MAX_NAME_LENGTH } from "../../src/core/model-name.js";
import { priceFigures, pricing, priceTier } from "../../src/core/pricing.js";
import { LITELLM_PROVIDERS, MODELS_DEV_PROVIDERS } from "../../src/catalog/community-providers.js";
import { adapters } from "../../src/providers/adapters/index.js";
import { MAX_ID_LENGTH } from "../../src/selector/vocabulary.js";

const root = path.join(import.meta.dirname, "..", "..");

describe("single sources", () => {
  it("the built-in provider ids are the files of data/providers/, each once in the default priority", () => {
    const files = readdirSync(path.join(root, "data", "providers")).filter((f) => f.endsWith(".json"));
    const ids = files
      .map((f) => (JSON.parse(readFileSync(path.join(root, "data", "providers", f), "utf8")) as { id: string }).id)
      .sort();
    expect([...BUILTIN_PROVIDER_IDS]).toEqual(ids);
    expect(new Set(DEFAULT_PROVIDER_PRIORITY).size).toBe(DEFAULT_PROVIDER_PRIORITY.length);
  });

  it("the name limit is the snapshot schema's", () => {
    const schema = JSON.parse(
      readFileSync(path.join(root, "schema", "provider-registry-snapshot.schema.json"), "utf8"),
    );
    const name = schema.$defs.model.properties.name as { maxLength: number };
    expect(MAX_NAME_LENGTH).toBe(name.maxLength);
  });

  it("the selector's longest id is the snapshot schema's, in TypeScript and Python", () => {
    const schema = JSON.parse(
      readFileSync(path.join(root, "schema", "provider-registry-snapshot.schema.json"), "utf8"),
    );
    expect(MAX_ID_LENGTH).toBe((schema.$defs.modelId as { maxLength: number }).maxLength);
    const python = readFileSync(path.join(root, "python", "provider_registry_selector", "_js.py"), "utf8");
    expect(python).toContain(`MAX_ID_LENGTH = ${MAX_ID_LENGTH}\n`);
  });

  it.each([
    ["a name", "  GPT-5  ", "GPT-5"],
    ["empty", "   ", undefined],
    ["a terminal escape", "x\u001b[2J", undefined],
    ["too long", "n".repeat(MAX_NAME_LENGTH + 1), undefined],
    ["at the limit", "n".repeat(MAX_NAME_LENGTH), "n".repeat(MAX_NAME_LENGTH)],
    ["not a string", 42, undefined],
  ])("displayName: %s", (_, value, expected) => {
    expect(displayName(value)).toBe(expected);
  });

  it("a price leaves out what it does not have, and a tier takes the base prices it does not state", () => {
    expect(pricing({ input: 1, output: 2, source: "probe", tiers: [] })).toEqual({
      currency: "USD",
      unit: "per_million_tokens",
      input: 1,
      output: 2,
      source: "probe",
    });
    expect(priceTier(200_000, { input: 3 }, { input: 1, output: 2, cachedInput: 0.5 })).toEqual({
      aboveInputTokens: 200_000,
      input: 3,
      output: 2,
    });
  });

  it("a probed price and a written one leave out the same absent parts", () => {
    const cases = [
      { input: 1, output: 2 },
      {
        input: 1,
        output: 2,
        cachedInput: 0.5,
        perRequest: 0.01,
        perImage: 0.02,
        tiers: [priceTier(200_000, { input: 3 }, { input: 1, output: 2 })],
      },
      { input: 0, output: 0, cachedInput: undefined, perRequest: undefined, tiers: [] },
    ];
    for (const parts of cases) {
      expect(pricing({ ...parts, source: "probe" })).toEqual({
        currency: "USD",
        unit: "per_million_tokens",
        ...priceFigures(parts),
        source: "probe",
      });
      expect(Object.values(priceFigures(parts))).not.toContain(undefined);
      // Both in sorted key order, as the snapshot is written.
      for (const built of [priceFigures(parts), pricing({ ...parts, source: "probe", asOf: "2026-01-01" })])
        expect(Object.keys(built)).toEqual(Object.keys(built).sort());
    }
    expect(priceFigures({ input: 1, output: 2, tiers: [] })).toEqual({ input: 1, output: 2 });
  });

  it("each community catalog's provider table names every built-in provider, and no other", () => {
    expect(Object.keys(MODELS_DEV_PROVIDERS).sort()).toEqual([...BUILTIN_PROVIDER_IDS]);
    expect(Object.keys(LITELLM_PROVIDERS).sort()).toEqual([...BUILTIN_PROVIDER_IDS]);
  });

  it("the adapters are those the provider definition schema names, each under its own id", () => {
    const schema = JSON.parse(readFileSync(path.join(root, "schema", "provider-definition.schema.json"), "utf8"));
    expect(Object.keys(adapters).sort()).toEqual([...(schema.properties.adapter.enum as string[])].sort());
    for (const [name, adapter] of Object.entries(adapters)) expect(adapter.id).toBe(name);
  });
});
