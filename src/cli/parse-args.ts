// node:util parseArgs, with its errors turned into UsageError and numbers checked.
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../core/errors.js";
import { DEFAULT_SNAPSHOT_FILE } from "./io.js";

/** A command line that cannot be understood, pointing at the command's help. */
export function usageError(command: string, message: string): UsageError {
  return new UsageError(`${command}: ${message}. Run \`provider-registry ${command} --help\`.`);
}

export function parseCommandArgs<const T extends ParseArgsConfig>(
  command: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ strict: true, ...config });
  } catch (error) {
    // node:util reports bad flags as TypeErrors with an ERR_PARSE_ARGS_* code; anything else is a bad config, a bug here.
    if (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS"))
      throw usageError(command, error.message);
    throw error;
  }
}

/** A whole number in decimal digits (no sign, hex, exponent or fraction), within the option's documented range. */
export function integerOption(
  command: string,
  flag: string,
  value: string | undefined,
  { min = 0, max = Number.MAX_SAFE_INTEGER } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? "" : `: it takes ${min} to ${max}, in decimal digits`;
    throw new UsageError(
      `${command}: ${flag} must be a whole number of at least ${min}, not ${JSON.stringify(value)}${range}`,
    );
  }
  return n;
}

/** The snapshot file a command writes (`--out`, or the default), resolved against the working folder; never "". */
export function outputFile(command: string, out: string | undefined, cwd: string): string {
  if (out !== undefined && out.trim() === "")
    throw new UsageError(`${command}: --out is empty; name the file to write (default: ./${DEFAULT_SNAPSHOT_FILE})`);
  return path.resolve(cwd, out ?? DEFAULT_SNAPSHOT_FILE);
}
