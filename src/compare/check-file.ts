// `register --check`: is the snapshot on disk the one registration would write now, timestamps aside?
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

/**
 * The file as first read: its content hash, or why it has none. It is read again only when it differs, to list how:
 * an up-to-date file (the common case in CI) is read, checked and hashed once.
 */
export type FileOnDisk =
  | { readonly status: "ok"; readonly contentHash: string; readonly read: () => Promise<SnapshotRead> }
  | { readonly status: "missing" | "unusable"; readonly why: string };

export async function checkAgainstFile(generated: ProviderRegistrySnapshot, onDisk: FileOnDisk): Promise<CheckResult> {
  if (onDisk.status === "ok" && onDisk.contentHash === generated.contentHash)
    return { upToDate: true, onDisk: onDisk.contentHash, generated: generated.contentHash, changes: [] };
  // Read again, and hashed again: the file may have changed since it was first read.
  const read = onDisk.status === "ok" ? await onDisk.read() : onDisk;
  if (read.status !== "ok") {
    return {
      upToDate: false,
      onDisk: null,
      generated: generated.contentHash,
      problem: read.status === "missing" ? "does not exist" : read.why,
      changes: [],
    };
  }
  const hash = contentHash(read.snapshot);
  if (hash === generated.contentHash)
    return { upToDate: true, onDisk: hash, generated: generated.contentHash, changes: [] };
  return {
    upToDate: false,
    onDisk: hash,
    generated: generated.contentHash,
    changes: compareSnapshots(read.snapshot, generated),
  };
}
