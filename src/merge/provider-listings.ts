// What each provider brings to the merge: the models its probe listed, or, when its probe failed, what the last good
// snapshot knew of it.
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import type { ProbedModel } from "../providers/adapter.js";
import { failedRuns, type ProviderRun } from "../probe/provider-run.js";
import { lastKnownGoodOf, type LastKnownGood } from "./last-known-good.js";

export interface ProviderListing {
  readonly id: string;
  /** The models the probe listed; undefined when the provider was not probed or the probe failed. */
  readonly listed?: readonly ProbedModel[];
  /** For a provider whose probe failed: what the previous snapshot knew of it, to keep as stale. */
  readonly lastKnownGood?: LastKnownGood;
}

/** The last good snapshot, loaded only when it is needed. */
export interface PreviousLoader {
  load(): Promise<ProviderRegistrySnapshot>;
}

/** One listing per run. The previous snapshot is loaded only when some probe failed, and dropped on return. */
export async function providerListings(
  runs: readonly ProviderRun[],
  previous: PreviousLoader | undefined,
): Promise<ProviderListing[]> {
  const last = previous && failedRuns(runs).length > 0 ? await previous.load() : undefined;
  return runs.map(({ id, listed, failure }) => {
    if (listed !== undefined) return { id, listed };
    const lastKnownGood = failure !== undefined && last ? lastKnownGoodOf(last, id, failure) : undefined;
    return { id, ...(lastKnownGood !== undefined ? { lastKnownGood } : {}) };
  });
}
