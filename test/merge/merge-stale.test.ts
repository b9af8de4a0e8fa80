// The merge stage keeps a failed provider's last good models: stale, with when they were last verified, facts and
// sources as they were; nothing it could not route, and nothing invented.
import { describe, expect, it } from "vitest";
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import type { Catalog } from "../../src/catalog/load-catalog.js";
import type { PriceOverride } from "../../src/config/read-settings.js";
import { mergeModels, type LastKnownGood, type ProviderListing } from "../../src/merge/merge-models.js";
import { readJson } from "../support/inputs.js";
import { catalogEntry } from "../support/catalog-entry.js";

const PREVIOUS = readJson<ProviderRegistrySnapshot>("test/fixtures/snapshots/demo-register.json");
const glmBefore = () => structuredClone(PREVIOUS.models.filter((m) => m.provider === "glm"));

const entry = (id: string) =>
  catalogEntry(id, {
    contextWindow: 1000,
    maxOutput: 100,
    capabilities: { vision: false, tools: false, reasoning: false, json: false, streaming: true },
    pricing: null,
  });

// The catalog has changed since: glm-4.6 now says 1000 tokens, and there is a glm-5 the previous snapshot never saw.
const CATALOG: Catalog = new Map([["glm", [entry("glm-4.6"), entry("glm-5")]]]);

function merge(listing: ProviderListing, modelCosts?: ReadonlyMap<string, PriceOverride>) {
  return mergeModels({ providers: [listing], catalog: CATALOG, ...(modelCosts ? { modelCosts } : {}) });
}

const lkg = (models: Model[], extra: Partial<LastKnownGood> = {}): LastKnownGood => ({
  models,
  verifiedAt: "2026-01-01T00:00:00Z",
  failure: "HTTP 401: unauthorized",
  ...extra,
});

describe("mergeModels with a last known good snapshot", () => {
  it("keeps every model the previous snapshot could route, marked stale, facts and sources as they were", () => {
    const previous = glmBefore();
    const { models } = merge({ id: "glm", lastKnownGood: lkg(previous) });
    const routable = previous.filter((m) => m.availability === "listed");
    expect(routable.length).toBeGreaterThan(3);
    for (const was of routable) {
      const now = models.find((m) => m.id === was.id);
      expect(now).toEqual({ ...was, availability: "stale", lastVerifiedAt: "2026-01-01T00:00:00Z" });
    }
  });

  it("does not keep what the previous snapshot could not route, and does not invent", () => {
    const { models } = merge({ id: "glm", lastKnownGood: lkg(glmBefore()) });
    const availability = Object.fromEntries(models.map((m) => [m.id, m.availability]));
    // not_listed before: not routable then, not kept now; its catalog entry is gone too, so it is gone.
    expect(availability["glm-4.5-x"]).toBeUndefined();
    // A catalog model the previous snapshot never saw is unverified, not stale.
    expect(availability["glm-5"]).toBe("unverified");
    // A stale model wins over the catalog entry of the same id: one model, the previous facts.
    expect(models.filter((m) => m.id === "glm-4.6")).toHaveLength(1);
    expect(models.find((m) => m.id === "glm-4.6")).toMatchObject({ availability: "stale", contextWindow: 204800 });
  });

  it.each([
    ["a listed model takes the time its provider was last verified", "listed", undefined, "2026-01-01T00:00:00Z"],
    ["an already stale model keeps its own", "stale", "2025-06-30T08:00:00Z", "2025-06-30T08:00:00Z"],
    ["a stale model with no time takes the snapshot's", "stale", undefined, "2026-01-01T00:00:00Z"],
  ] as const)("%s", (_name, availability, lastVerifiedAt, expected) => {
    const previous = glmBefore().filter((m) => m.id === "glm-4.5");
    previous[0]!.availability = availability;
    if (lastVerifiedAt) previous[0]!.lastVerifiedAt = lastVerifiedAt;
    const { models } = merge({ id: "glm", lastKnownGood: lkg(previous) });
    expect(models.find((m) => m.id === "glm-4.5")?.lastVerifiedAt).toBe(expected);
  });

  it.each([
    ["the probe succeeded", { id: "glm", listed: [{ id: "glm-4.6" }], lastKnownGood: lkg(glmBefore()) }],
    [
      "the previous snapshot had none of its models routable",
      { id: "glm", lastKnownGood: lkg(glmBefore().map((m) => ({ ...m, availability: "unverified" as const }))) },
    ],
    [
      "the previous models belong to another provider",
      { id: "glm", lastKnownGood: lkg(structuredClone(PREVIOUS.models.filter((m) => m.provider === "kimi"))) },
    ],
    ["there is no previous snapshot", { id: "glm" }],
  ])("keeps nothing stale when %s", (_name, listing) => {
    const { models, diagnostics } = merge(listing);
    expect(models.filter((m) => m.availability === "stale")).toEqual([]);
    expect(diagnostics.filter((d) => d.code === "STALE_MODELS")).toEqual([]);
  });

  it("says so in one diagnostic: how many, since when, and why the probe failed", () => {
    const previous = glmBefore();
    previous.find((m) => m.id === "glm-4.5")!.availability = "stale";
    previous.find((m) => m.id === "glm-4.5")!.lastVerifiedAt = "2025-12-24T10:00:00Z";
    const { diagnostics } = merge({ id: "glm", lastKnownGood: lkg(previous) });
    expect(diagnostics).toEqual([
      {
        level: "warning",
        code: "STALE_MODELS",
        provider: "glm",
        message:
          "glm's probe failed (HTTP 401: unauthorized): 6 models kept from the last good snapshot, marked stale, last verified 2025-12-24T10:00:00Z.",
      },
    ]);
  });

  it("applies today's MODEL_COSTS_JSON to a stale model, and leaves the previous snapshot as it was", () => {
    const previous = glmBefore();
    const frozen = structuredClone(previous);
    const { models } = merge(
      { id: "glm", lastKnownGood: lkg(previous) },
      new Map([["glm-4.6", { input: 7, output: 7 }]]),
    );
    expect(models.find((m) => m.id === "glm-4.6")).toMatchObject({
      availability: "stale",
      pricing: { input: 7, output: 7 },
      sources: { pricing: "env:MODEL_COSTS_JSON" },
    });
    expect(previous).toEqual(frozen);
  });
});
