// One provider's models: those it listed (each folded onto its catalog entry where the catalog knows it by another
// name), the catalog's models it did not list, or, when its probe failed, those kept from the last good snapshot.
import type { Model } from "../../generated/snapshot-types.js";
import type { CatalogEntry } from "../catalog/load-catalog.js";
import { isUsableModelId } from "../core/model-id.js";
import { compareText } from "../core/order.js";
import type { ProbedModel } from "../providers/adapter.js";
import { buildModel, type ModelContext } from "./build-model.js";
import { overrideKeptModel } from "./env-overrides.js";
import { staleModels } from "./last-known-good.js";
import type { ProviderListing } from "./provider-listings.js";

/** `entries`: the built-in catalog's entries for the provider. */
export function providerModels(
  provider: ProviderListing,
  entries: readonly CatalogEntry[],
  context: ModelContext,
): Model[] {
  const out = new Map<string, Model>();
  if (!provider.listed && provider.lastKnownGood) {
    for (const [key, model] of staleModels(provider.id, provider.lastKnownGood, context.asOf)) {
      overrideKeptModel(model, context.env.layersFor(model.id, model.aliases));
      out.set(key, model);
    }
  }
  const index = indexEntries(entries);
  // The catalog entry a listed model is: by its id or a catalog alias, else by an alias the answer gives (Mistral's).
  const entryOf = (probed: ProbedModel): CatalogEntry | undefined =>
    index.get(probed.id.toLowerCase()) ??
    probed.aliases?.map((a) => index.get(a.toLowerCase())).find((e) => e !== undefined);
  // Ids the provider lists under their own name: never folded into another listed id, never another model's alias.
  const ownName = new Set<string>();
  if (provider.listed) {
    const listedIds = new Set(entries.length > 0 ? provider.listed.map((p) => p.id.toLowerCase()) : []);
    const folded = new Set<CatalogEntry>();
    // Only a catalog makes one listed id another's alias: without one there is nothing to fold.
    const listedEntries = provider.listed.map(entryOf);
    for (const [i, probed] of (entries.length > 0 ? provider.listed : []).entries()) {
      const key = probed.id.toLowerCase();
      const entry = listedEntries[i];
      // A provider may list an alias (kimi-k2): it is the catalog's model, listed under another name — unless the
      // model's own id, or another of its aliases, is listed too: then each listed id is a model of its own.
      if (entry && entry.id.toLowerCase() !== key && (listedIds.has(entry.id.toLowerCase()) || folded.has(entry)))
        ownName.add(key);
      else if (entry && entry.id.toLowerCase() !== key) folded.add(entry);
    }
    for (const [i, probed] of provider.listed.entries()) {
      const key = probed.id.toLowerCase();
      const entry = listedEntries[i];
      const id = ownName.has(key) ? probed.id : (entry?.id ?? probed.id);
      const aliases = ownName.has(key) ? [] : aliasesOf(id, entry, probed, ownName);
      if (!out.has(id.toLowerCase()))
        out.set(id.toLowerCase(), buildModel(context, { id, entry, probed, availability: "listed", aliases }));
    }
  }
  const availability = provider.listed ? "not_listed" : "unverified";
  for (const entry of entries) {
    if (!out.has(entry.id.toLowerCase())) {
      out.set(
        entry.id.toLowerCase(),
        buildModel(context, {
          id: entry.id,
          entry,
          probed: undefined,
          availability,
          aliases: aliasesOf(entry.id, entry, undefined, ownName),
        }),
      );
    }
  }
  return [...out.values()];
}

/**
 * The catalog's aliases and those the answer gives (Mistral's), once each, never the model's own id, nor an id the
 * provider lists under its own name (that is a model of its own).
 */
function aliasesOf(
  id: string,
  entry: CatalogEntry | undefined,
  probed: ProbedModel | undefined,
  ownName: ReadonlySet<string>,
): string[] {
  if (entry?.aliases === undefined && probed?.aliases === undefined) return [];
  const seen = new Set([id.toLowerCase()]);
  const out: string[] = [];
  for (const alias of [...(entry?.aliases ?? []), ...(probed?.aliases ?? [])]) {
    const key = alias.toLowerCase();
    if (seen.has(key) || ownName.has(key) || !isUsableModelId(alias)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out.sort(compareText);
}

/** The catalog's entries by every name they go by (id and aliases), lower-cased. */
function indexEntries(entries: readonly CatalogEntry[]): Map<string, CatalogEntry> {
  const index = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    for (const name of [entry.id, ...(entry.aliases ?? [])]) index.set(name.toLowerCase(), entry);
  }
  return index;
}
