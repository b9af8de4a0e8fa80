// The hash that says whether two snapshots hold the same content, whenever they were made.
import { createHash } from "node:crypto";
import type { Provider, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { canonicalChunks } from "./canonical-json.js";
import { utf8Batches } from "./utf8-batches.js";

/** The snapshot without contentHash and without its timestamps. */
export function withoutTimestamps(
  snapshot: Omit<ProviderRegistrySnapshot, "contentHash"> & { contentHash?: string },
): unknown {
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

/**
 * SHA-256 of the compact canonical JSON of the snapshot without its timestamps, fed to the hash a piece at a time:
 * the whole text is never one string (at a million models it would be longer than a string can be).
 */
export function contentHash(
  snapshot: Omit<ProviderRegistrySnapshot, "contentHash"> & { contentHash?: string },
): string {
  const hash = createHash("sha256");
  for (const batch of utf8Batches(canonicalChunks(withoutTimestamps(snapshot), { pretty: false }), HASH_BATCH))
    hash.update(batch);
  return `sha256:${hash.digest("hex")}`;
}

const HASH_BATCH = 1 << 16;
