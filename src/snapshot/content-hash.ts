// The hash that says whether two snapshots hold the same content, whenever they were made.
import { createHash } from "node:crypto";
import type { Provider, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { sortKeysDeep } from "./canonical-json.js";

/** The snapshot without contentHash and without its timestamps. */
export function withoutTimestamps(snapshot: Omit<ProviderRegistrySnapshot, "contentHash"> & { contentHash?: string }): unknown {
  const { contentHash: _hash, generatedAt: _at, ...rest } = snapshot;
  return {
    ...rest,
    providers: rest.providers.map(withoutCheckedAt),
    // Only stale models carry a timestamp: the rest go through as they are, uncopied (there may be ten thousand).
    models: rest.models.map((model) => {
      if (model.lastVerifiedAt === undefined) return model;
      const { lastVerifiedAt: _verified, ...m } = model;
      return m;
    }),
  };
}

/** A provider as the hash (and so `diff` and `register --check`) sees it: when it was last probed aside. */
export function withoutCheckedAt(provider: Provider): Provider {
  const { checkedAt: _checked, ...probe } = provider.probe;
  return { ...provider, probe };
}

export function contentHash(snapshot: Omit<ProviderRegistrySnapshot, "contentHash"> & { contentHash?: string }): string {
  const text = JSON.stringify(sortKeysDeep(withoutTimestamps(snapshot)));
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}
