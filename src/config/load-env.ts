// The environment a run sees: an optional .env file under the real environment, which wins.
import path from "node:path";
import { parse } from "dotenv";
import { ConfigError } from "../core/errors.js";
import { readTextFile } from "../selector/shared.js";
import { readFailureReason } from "../core/read-failure.js";
import type { Env } from "./env-values.js";

/** A .env of a thousand variables is some 100 kB. */
export const MAX_ENV_FILE_BYTES = 1024 * 1024;

/** Pure: the file's variables, overridden by those set in the real environment. */
export function layerEnv(fileVars: Env, realEnv: Env): Env {
  const merged: Record<string, string | undefined> = { ...fileVars };
  for (const [name, value] of Object.entries(realEnv)) if (value !== undefined) merged[name] = value;
  return merged;
}

/**
 * Reads `.env` from the working folder when there is one, or the file named by --env-file, which must exist.
 * Never touches process.env. A `.env` folder in the working folder (a Python virtualenv is often called that) is
 * not a settings file and is passed over; a FIFO, a device or a file over the cap is refused, never read.
 */
export async function loadEnv(options: { cwd: string; envFile?: string; realEnv: Env }): Promise<Env> {
  const file = path.resolve(options.cwd, options.envFile ?? ".env");
  let text: string;
  try {
    text = readTextFile(file, MAX_ENV_FILE_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === "ENOENT" || code === "EISDIR") && options.envFile === undefined) return layerEnv({}, options.realEnv);
    throw new ConfigError(`cannot read env file ${file}: ${readFailureReason(error)}`, { file });
  }
  return layerEnv(parseEnvFile(text, file), options.realEnv);
}

/** dotenv skips lines it cannot read; a skipped line is a setting the user thinks they made, so say so. */
export function parseEnvFile(text: string, file: string): Env {
  const lines = text.split(/\r?\n/);
  for (let start = 0; start < lines.length;) start = checkLines(lines, start, file);
  return parse(text);
}

/** Checks from `start`; returns where to check again: the end, or the line after a quote that never closed. */
function checkLines(lines: readonly string[], start: number, file: string): number {
  let inQuote: string | undefined;
  let openedAt = -1;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    if (inQuote) {
      if (line.includes(inQuote)) inQuote = undefined;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    // As dotenv reads it: NAME=value, or NAME: value with a space (dotenv drops NAME:value and NAME : value).
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)(?:\s*=|:\s)\s?(.*)$/.exec(trimmed);
    if (!match) {
      throw new ConfigError(`${file}:${index + 1}: cannot read this line; expected NAME=value`, {
        file,
        field: `line ${index + 1}`,
      });
    }
    const value = match[2]!.trim();
    const quote = value[0];
    // A quoted value that does not close on its line goes on to the line that closes it.
    if ((quote === '"' || quote === "'" || quote === "`") && value.indexOf(quote, 1) === -1) {
      inQuote = quote;
      openedAt = index;
    }
  }
  // A quote that never closes is read by dotenv as a value on its own line, and the lines after it as lines of their own.
  return inQuote ? openedAt + 1 : lines.length;
}
