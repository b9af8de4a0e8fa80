// The only file the selector reads: the snapshot it is handed. The build side reads snapshots through here too
// (validate, diff, --previous, --check), so that a file means the same to every command; and every other file it
// reads (.env, catalogs, provider definitions) through readRegularFile below: only a regular file, never more than a
// cap. A FIFO, a device (/dev/zero, /dev/stdin) or a socket is refused without reading a byte, so no input can hang
// a run or fill memory. (Here, since the selector may import nothing from the build side, and only this module
// may use node:fs.)
import { isAscii } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { checkSnapshot, trustFrozen } from "./check-snapshot.js";
import { SnapshotError } from "./errors.js";

const REGISTER = "run `provider-registry register` to write it";

/**
 * The largest snapshot read: about 250,000 models. A bigger file (or /dev/zero, which never ends) is refused
 * before it is read, rather than filling memory.
 */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

/** Reads, parses and checks a snapshot file; every failure is a SnapshotError that says what to do. */
export function loadSnapshot(path: string): ProviderRegistrySnapshot {
  const snapshot = checkSnapshot(readSnapshotJson(path), path);
  // Frozen, so that what was checked stays true: createSelector trusts it without checking again.
  deepFreeze(snapshot);
  trustFrozen(snapshot);
  return snapshot;
}

/** A snapshot file's JSON, not yet checked: SNAPSHOT_NOT_FOUND, SNAPSHOT_UNREADABLE or SNAPSHOT_NOT_JSON otherwise. */
/**
 * `beforeParse` runs once the bytes are decoded and let go, before the parse: a caller that reads a large file can
 * reclaim them there (the build side's command line does; the selector never passes one).
 */
export function readSnapshotJson(path: string, beforeParse?: () => void): unknown {
  let text: string;
  try {
    text = snapshotText(readRegularFile(path, MAX_SNAPSHOT_BYTES));
  } catch (error) {
    const code = error instanceof FileReadError ? error.code : (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new SnapshotError(
        "SNAPSHOT_NOT_FOUND",
        `no snapshot at ${path}: ${REGISTER}, or pass the path of an existing one.`,
        [],
        { cause: error },
      );
    }
    const why = error instanceof FileReadError ? error.why : String(error);
    throw new SnapshotError(
      "SNAPSHOT_UNREADABLE",
      `cannot read the snapshot ${path} (${why}): check the path and its permissions.`,
      [],
      { cause: error },
    );
  }
  // Editors on some systems add a byte-order mark, which JSON.parse refuses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  beforeParse?.();
  try {
    return JSON.parse(text);
  } catch (error) {
    const what =
      text.trim() === "" ? "is empty" : `is not JSON (${(error as Error).message}); it may have been cut short`;
    throw new SnapshotError("SNAPSHOT_NOT_JSON", `the snapshot ${path} ${what}: ${REGISTER} again.`, [], {
      cause: error,
    });
  }
}

/**
 * A snapshot is nearly always pure ASCII (ids, numbers, English names), and ASCII decoded as Latin-1 is the same
 * text without UTF-8 validation: about half the read time of a 10,000-model snapshot. Anything else is UTF-8.
 */
export function snapshotText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

/** Iterative: a newer minor version's unknown field may nest deeper than the stack goes. */
export function deepFreeze(root: object): void {
  const pending: object[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    Object.freeze(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (typeof child === "object" && child !== null) pending.push(child);
      }
    } else {
      for (const key in node) {
        const child = (node as Record<string, unknown>)[key];
        if (typeof child === "object" && child !== null) pending.push(child);
      }
    }
  }
}

// ---- reading a file ----------------------------------------------------------------------------------------

/** Why a file could not be read: ENOENT, EISDIR, EACCES… as the system says, or one of our own two. */
export type ReadFailureCode = "ENOENT" | "EISDIR" | "ENOTREG" | "EFBIG" | string;

export class FileReadError extends Error {
  override name = "FileReadError";
  constructor(
    readonly code: ReadFailureCode,
    /** A few words for a message: "no such file", "it is a folder", "it is a FIFO, not a regular file". */
    readonly why: string,
    options?: ErrorOptions,
  ) {
    super(why, options);
  }
}

/** Megabytes (MiB) of a cap, for messages. */
export const mib = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 100) / 100} MiB`;

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. It changes nothing for a
// regular file. Windows has no such flag, and no FIFOs to open this way.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The bytes of a regular file of at most `maxBytes`; FileReadError for anything else. */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw systemFailure(error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new FileReadError("EISDIR", "it is a folder");
    if (!stats.isFile()) throw new FileReadError("ENOTREG", `it is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw tooBig(maxBytes);
    // The size may change while we read (a file being written): read to the end, but never past the cap.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size - total, 64 * 1024), maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooBig(maxBytes);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof FileReadError ? error : systemFailure(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Text of a regular file: a UTF-8 byte-order mark is dropped; UTF-16 (by its byte-order mark, or the NUL bytes of
 * ASCII text in it) is refused with a message saying so, since read as UTF-8 it would be noise.
 */
export function readTextFile(path: string, maxBytes: number): string {
  const bytes = readRegularFile(path, maxBytes);
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0));
  if (utf16) throw new FileReadError("EENCODING", "it is UTF-16 text; save it as UTF-8");
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooBig(maxBytes: number): FileReadError {
  return new FileReadError("EFBIG", `it is larger than the ${mib(maxBytes)} cap for this file`);
}

function kindOf(stats: ReturnType<typeof fstatSync>): string {
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}

function systemFailure(error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException).code ?? "EIO";
  const why =
    code === "ENOENT" || code === "ENOTDIR"
      ? "ENOENT: no such file"
      : code === "EISDIR"
        ? "it is a folder"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "ENAMETOOLONG"
            ? "the name is too long"
            : code;
  return new FileReadError(code === "ENOTDIR" ? "ENOENT" : code, why, { cause: error });
}
