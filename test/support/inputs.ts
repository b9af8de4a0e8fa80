// Shared by the unit tests: the built-in data files, read as plain JSON (no schema loading, no network).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ProviderDefinition } from "../../generated/provider-definition-types.js";
import { BUILTIN_PROVIDER_IDS } from "../../src/core/builtin-providers.js";
import { ConfigError } from "../../src/core/errors.js";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export function readJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(new URL(`../../${relativePath}`, import.meta.url), "utf8")) as T;
}

/** The four providers the registry started with: many unit tests plan against just these. */
export const SEED_PROVIDER_IDS = ["custom", "glm", "kimi", "openrouter"] as const;

export function allBuiltinDefinitions(): ProviderDefinition[] {
  return BUILTIN_PROVIDER_IDS.map((id) => readJson<ProviderDefinition>(`data/providers/${id}.json`));
}

/** The seed's four built-in provider definitions, sorted by id as loadProviderDefinitions returns them. */
export function builtinDefinitions(): ProviderDefinition[] {
  return SEED_PROVIDER_IDS.map((id) => readJson<ProviderDefinition>(`data/providers/${id}.json`));
}

/** The error a function throws, or a failure when it throws nothing. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error("expected the call to throw, and it returned");
}

/** The ConfigError a call throws; fails the test when it throws something else or nothing. */
export function configErrorOf(fn: () => unknown): ConfigError {
  const error = thrown(fn);
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${error.name}: ${error.message}`);
  return error;
}
