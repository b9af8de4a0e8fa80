// `register --check`: is the snapshot on disk the one registration would write now, timestamps aside? Pure.
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { contentHash } from "../snapshot/content-hash.js";
import type { SnapshotRead } from "../snapshot/read-snapshot.js";
import { compareSnapshots, type Change } from "./compare-snapshots.js";

export interface CheckResult {
  readonly upToDate: boolean;
  /** The content hash recomputed from the file on disk (its own field is not trusted); null when there is none. */
  readonly onDisk: string | null;
  readonly generated: string;
  /** Why the file on disk could not be compared at all (missing, unreadable, invalid). */
  readonly problem?: string;
  /** From the file on disk to the generated snapshot. */
  readonly changes: readonly Change[];
}

export function checkAgainstFile(generated: ProviderRegistrySnapshot, onDisk: SnapshotRead): CheckResult {
  if (onDisk.status !== "ok") {
    return {
      upToDate: false,
      onDisk: null,
      generated: generated.contentHash,
      problem: onDisk.status === "missing" ? "does not exist" : onDisk.why,
      changes: [],
    };
  }
  const hash = contentHash(onDisk.snapshot);
  if (hash === generated.contentHash)
    return { upToDate: true, onDisk: hash, generated: generated.contentHash, changes: [] };
  return {
    upToDate: false,
    onDisk: hash,
    generated: generated.contentHash,
    changes: compareSnapshots(onDisk.snapshot, generated),
  };
}
