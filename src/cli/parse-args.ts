// node:util parseArgs, with its errors turned into UsageError and numbers checked.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";

export function parseCommandArgs<const T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ strict: true, ...config });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}. Run \`provider-registry ${command} --help\`.`);
  }
}

export function integerOption(command: string, flag: string, value: string | undefined, { min = 0 } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${command}: ${flag} must be a whole number of at least ${min}, not "${value}"`);
  return n;
}
