import type { CatalogEntry } from "../../src/catalog/load-catalog.js";

/** A built-in catalog entry: a standard, stable chat model with tools and JSON, priced, unless `overrides` says otherwise. */
export function catalogEntry(id: string, overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id,
    name: `Catalog ${id}`,
    status: "stable",
    tier: "standard",
    contextWindow: 128000,
    maxOutput: 8192,
    capabilities: { vision: false, tools: true, reasoning: false, json: true, streaming: true },
    pricing: { currency: "USD", input: 0.6, output: 2.5, source: "https://example.test/pricing", asOf: "2026-01-01" },
    ...overrides,
  };
}
