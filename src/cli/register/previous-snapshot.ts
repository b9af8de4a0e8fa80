// The snapshot a run keeps models from when a probe fails: the one --previous names, or the file about to be replaced.
import type { PreviousSnapshot } from "../../register.js";
import { contentHash } from "../../snapshot/content-hash.js";
import { readSnapshotFile, requireSnapshotFile } from "../../snapshot/read-snapshot.js";
import { releaseMemory } from "../memory.js";

/**
 * Reading a large snapshot holds its bytes, then its text, then its objects: the bytes are let go before the parse,
 * and the text before validating and hashing.
 */
const RECLAIM = { beforeParse: releaseMemory, afterParse: releaseMemory };

export type Peeked =
  | { readonly status: "ok"; readonly previous: PreviousSnapshot }
  | { readonly status: "missing" | "unusable"; readonly why: string };

/** A snapshot file read, checked and hashed; what is kept is its status, its content hash and how to read it again. */
export async function peekSnapshotFile(file: string, what: string): Promise<Peeked> {
  const read = await readSnapshotFile(file, RECLAIM);
  if (read.status !== "ok") return read;
  return {
    status: "ok",
    previous: { contentHash: contentHash(read.snapshot), load: () => requireSnapshotFile(file, what, RECLAIM) },
  };
}

/** A file named by --previous must be a valid snapshot (exit 2 otherwise); the file about to be replaced may be anything. */
export async function previousSnapshot(
  explicit: string | undefined,
  onDisk: Peeked | undefined,
  warn: (why: string) => void,
): Promise<PreviousSnapshot | undefined> {
  if (explicit !== undefined) {
    const snapshot = await requireSnapshotFile(explicit, "--previous", RECLAIM);
    return { contentHash: contentHash(snapshot), load: () => requireSnapshotFile(explicit, "--previous", RECLAIM) };
  }
  if (onDisk?.status === "ok") return onDisk.previous;
  if (onDisk?.status === "unusable") warn(onDisk.why);
  return undefined;
}
