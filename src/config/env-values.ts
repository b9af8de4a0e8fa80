// Reading typed values out of plain environment strings. Every failure names the variable.
import { ConfigError } from "../core/errors.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** A set, non-blank value, trimmed; undefined otherwise. */
export function envString(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** The first of several variables that is set, with its name (aliases such as MOONSHOT_API_KEY). */
export function firstSet(env: Env, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = envString(env, name);
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

/**
 * Comma-separated, trimmed, blanks dropped, duplicates (ignoring case) dropped keeping the first. A list of no items
 * (`",,,"`) is [] here; every reader of a list treats [] as it treats an unset variable (one rule for empty lists).
 */
export function envList(env: Env, name: string): string[] | undefined {
  const raw = envString(env, name);
  if (raw === undefined) return undefined;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of raw.split(",")) {
    const value = item.trim();
    if (value === "" || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}

const TRUE = new Set(["1", "true", "yes", "on"]);
const FALSE = new Set(["0", "false", "no", "off"]);

export function envBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = envString(env, name);
  if (raw === undefined) return fallback;
  const value = raw.toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new ConfigError(
    `${name} must be true or false (also 1/0, yes/no, on/off), not ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)}`,
    { variable: name },
  );
}

export function envNumber(env: Env, name: string, fallback: number, { min = 0 } = {}): number {
  const raw = envString(env, name);
  if (raw === undefined) return fallback;
  // Decimal only: Number() would also take 0x10, 1e3 and Infinity.
  const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < min) {
    throw new ConfigError(
      `${name} must be a number of at least ${min} in decimal digits, not ${JSON.stringify(raw.slice(0, 40))}`,
      { variable: name },
    );
  }
  return value;
}
