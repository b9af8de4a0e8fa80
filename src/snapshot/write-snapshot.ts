// Write so that a reader — or a crash — only ever sees the old file or the new one, whole.
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ConfigError } from "../errors.js";

/** Pieces are gathered up to this size before each write. */
const WRITE_BATCH = 1 << 20;

/**
 * `text` may be one string or pieces of one (canonicalChunks), so that a file larger than any string can be written;
 * the pieces are gathered into writes of about 1 MiB.
 */
export async function writeFileAtomic(file: string, text: string | Iterable<string>): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temp, "wx");
    if (typeof text === "string") {
      await handle.writeFile(text, "utf8");
    } else {
      // Each piece is encoded straight into one reused buffer: appending to a string first built a rope of
      // thousands of pieces that had to be flattened, then encoded, at every write.
      const buffer = Buffer.allocUnsafe(WRITE_BATCH);
      let at = 0;
      for (const piece of text) {
        // A UTF-16 code unit takes at most 3 bytes in UTF-8.
        if (at + piece.length * 3 > WRITE_BATCH) {
          if (at > 0) await handle.writeFile(buffer.subarray(0, at));
          at = 0;
        }
        if (piece.length * 3 > WRITE_BATCH) await handle.writeFile(piece, "utf8");
        else at += buffer.write(piece, at, "utf8");
      }
      if (at > 0) await handle.writeFile(buffer.subarray(0, at));
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot write ${file}: ${code ?? (error as Error).message}`, { file });
  }
  // The rename is durable only once the folder is flushed too; some file systems refuse, which is no reason to fail.
  const dirHandle = await open(dir, "r").catch(() => undefined);
  await dirHandle?.sync().catch(() => undefined);
  await dirHandle?.close().catch(() => undefined);
}
