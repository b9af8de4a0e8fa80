// The built-in catalog of model facts: data/catalog/*.json, one entry per model.
import type { Entry, ModelCatalog } from "../../generated/model-catalog-types.js";
import { loadJsonDocuments } from "../validate/load-json-documents.js";
import { ConfigError } from "../core/errors.js";
import { packageRoot } from "../core/package-root.js";

export type CatalogEntry = Entry;
/** Entries by provider id. */
export type Catalog = ReadonlyMap<string, readonly CatalogEntry[]>;

export const BUILTIN_CATALOG_GLOB = "data/catalog/*.json";

export async function loadBuiltinCatalog(): Promise<Catalog> {
  const docs = await loadJsonDocuments<ModelCatalog>([BUILTIN_CATALOG_GLOB], packageRoot, "model-catalog");
  const catalog = new Map<string, CatalogEntry[]>();
  for (const { file, document } of docs) {
    const entries = catalog.get(document.provider) ?? [];
    entries.push(...document.models);
    catalog.set(document.provider, entries);
    checkUniqueNames(document.provider, entries, file);
  }
  return catalog;
}

/** Two entries answering to one id would make a fact live in two places. */
export function checkUniqueNames(provider: string, entries: readonly CatalogEntry[], file: string): void {
  const owner = new Map<string, string>();
  for (const entry of entries) {
    for (const name of [entry.id, ...(entry.aliases ?? [])]) {
      const key = name.toLowerCase();
      const other = owner.get(key);
      if (other !== undefined) {
        throw new ConfigError(`${file}: "${name}" names both ${other} and ${entry.id} in the ${provider} catalog`, {
          file,
          field: `/models/${entry.id}`,
        });
      }
      owner.set(key, entry.id);
    }
  }
}
