import { stat } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "../../core/errors.js";
import { checkWritable } from "../../snapshot/write-snapshot.js";

/**
 * Fail before probing, not after, when the output cannot be written where it was asked for: a missing folder, a
 * folder or anything but a regular file at the path (a device, a FIFO: register never replaces one, so not even
 * `--out /dev/null` run as root), a read-only file system, an immutable file, a name too long.
 */
export async function checkOutputTarget(out: string): Promise<void> {
  const dir = await stat(path.dirname(out)).catch(() => undefined);
  if (!dir?.isDirectory())
    throw new ConfigError(`cannot write ${out}: the folder ${path.dirname(out)} does not exist`, { file: out });
  const target = await stat(out).catch(() => undefined);
  if (target?.isDirectory()) throw new ConfigError(`cannot write ${out}: it is a folder`, { file: out });
  if (target !== undefined && !target.isFile()) {
    const kind = target.isFIFO()
      ? "a FIFO (named pipe)"
      : target.isCharacterDevice()
        ? "a character device"
        : target.isBlockDevice()
          ? "a block device"
          : target.isSocket()
            ? "a socket"
            : "a special file";
    throw new ConfigError(
      `cannot write ${out}: it is ${kind}, not a regular file; register only replaces a regular file`,
      { file: out },
    );
  }
  await checkWritable(out);
}
