// Write so that a reader — or a crash — only ever sees the old file or the new one, whole.
import { constants } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ConfigError } from "../core/errors.js";
import { utf8Batches } from "./utf8-batches.js";

/**
 * The temporary file beside `file`: `.<file>.<pid>.<random>.tmp`, the name cut short so that a file name near the
 * file system's limit (255 bytes) still leaves room for the rest.
 */
export function tempFileFor(file: string): string {
  return path.join(
    path.dirname(file),
    `.${shortened(path.basename(file), 120)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
}

function shortened(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  let cut = name.slice(0, maxBytes);
  while (Buffer.byteLength(cut) > maxBytes) cut = cut.slice(0, -1);
  return cut;
}

/**
 * Whether `file` can be written as writeFileAtomic writes it, found without touching it: a temporary file can be
 * made and removed beside it, and the file, when it exists, is a regular file that may be replaced (not immutable,
 * not on a read-only file system). Throws the ConfigError writeFileAtomic would throw later.
 */
export async function checkWritable(file: string): Promise<void> {
  const temp = tempFileFor(file);
  try {
    const handle = await open(temp, "wx");
    await handle.close();
  } catch (error) {
    throw new ConfigError(
      `cannot write ${file}: ${describeWriteError(error)} (a temporary file beside it could not be made)`,
      { file },
    );
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
  // An immutable or append-only file cannot be replaced, though a file can be made beside it. Opening it for writing
  // (nothing is written, nor truncated) says so. Permission alone (EACCES) is no obstacle: the rename replaces it.
  const existing = await open(file, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0)).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "EPERM" || error.code === "EROFS" || error.code === "ETXTBSY") {
        throw new ConfigError(`cannot write ${file}: ${describeWriteError(error)}`, { file });
      }
      return undefined;
    },
  );
  await existing?.close();
}

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EROFS":
      return "the file system is read-only (EROFS)";
    case "EPERM":
      return "the operation is not permitted: the file or its folder may be immutable (EPERM)";
    case "EACCES":
      return "permission denied (EACCES)";
    case "ENAMETOOLONG":
      return "the name is too long (ENAMETOOLONG)";
    case "ENOSPC":
      return "no space left on the device (ENOSPC)";
    default:
      return code ?? (error as Error).message;
  }
}

/** Pieces are gathered up to this size before each write. */
const WRITE_BATCH = 1 << 20;

/**
 * `text` may be one string or pieces of one (canonicalChunks), so that a file larger than any string can be written;
 * the pieces are gathered into writes of about 1 MiB.
 */
export async function writeFileAtomic(file: string, text: string | Iterable<string>): Promise<void> {
  const dir = path.dirname(file);
  const temp = tempFileFor(file);
  let handle;
  try {
    handle = await open(temp, "wx");
    if (typeof text === "string") {
      await handle.writeFile(text, "utf8");
    } else {
      // writeFile on a handle continues from where the last write ended, and loops until all is written.
      for (const batch of utf8Batches(text, WRITE_BATCH)) await handle.writeFile(batch, "utf8");
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw new ConfigError(`cannot write ${file}: ${describeWriteError(error)}`, { file });
  }
  // The rename is durable only once the folder is flushed too; some file systems refuse, which is no reason to fail.
  const dirHandle = await open(dir, "r").catch(() => undefined);
  await dirHandle?.sync().catch(() => undefined);
  await dirHandle?.close().catch(() => undefined);
}
