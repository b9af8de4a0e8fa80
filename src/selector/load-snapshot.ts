// The only file the selector reads: the snapshot it is handed.
import { isAscii } from "node:buffer";
import { readFileSync } from "node:fs";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { checkSnapshot } from "./check-snapshot.js";
import { SnapshotError } from "./errors.js";

const REGISTER = "run `provider-registry register` to write it";

/** Reads, parses and checks a snapshot file; every failure is a SnapshotError that says what to do. */
export function loadSnapshot(path: string): ProviderRegistrySnapshot {
  let text: string;
  try {
    const bytes = readFileSync(path);
    // A snapshot is nearly always pure ASCII (ids, numbers, English names), and ASCII decoded as Latin-1 is the same
    // text without UTF-8 validation: about half the read time of a 10,000-model snapshot. Anything else is UTF-8.
    text = isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new SnapshotError("SNAPSHOT_NOT_FOUND", `no snapshot at ${path}: ${REGISTER}, or pass the path of an existing one.`, [], { cause: error });
    }
    const why = code === "EISDIR" ? "it is a folder" : code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? String(error));
    throw new SnapshotError("SNAPSHOT_UNREADABLE", `cannot read the snapshot ${path} (${why}): check the path and its permissions.`, [], { cause: error });
  }
  // Editors on some systems add a byte-order mark, which JSON.parse refuses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const what = text.trim() === "" ? "is empty" : `is not JSON (${(error as Error).message}); it may have been cut short`;
    throw new SnapshotError("SNAPSHOT_NOT_JSON", `the snapshot ${path} ${what}: ${REGISTER} again.`, [], { cause: error });
  }
  return checkSnapshot(data, path);
}
