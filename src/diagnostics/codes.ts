// The warning codes register can give, and which of them are about the configuration (variables, --catalog): those
// `register --fail-on-warnings` makes fatal. test/diagnostics/codes.test.ts holds this list to the code.
import { closest } from "../core/suggest.js";

/** Warnings about what the user configured: a typo, a model that cannot be used as asked, a retiring choice. */
export const CONFIGURATION_WARNING_CODES = [
  "ALLOW_LIST_EMPTY",
  "CATALOG_UNUSED",
  "DEFAULT_MODEL_UNKNOWN",
  "MODEL_DEPRECATED",
  "MODEL_NOT_ALLOWED",
  "MODEL_NOT_CHAT",
  "MODEL_NOT_LISTED",
  "MODEL_RETIRING",
  "MOVING_ALIAS_PREFERRED",
  "PRIORITY_VARIABLES_DIFFER",
  "UNKNOWN_CATEGORY",
  "UNKNOWN_MODEL",
  "UNKNOWN_PROVIDER",
  "UNKNOWN_VARIABLE_PREFIX",
] as const;

/** Warnings about what the providers answered or what the run found: not the configuration's fault. */
export const DATA_WARNING_CODES = [
  "MODEL_INVALID",
  "PREVIOUS_UNUSABLE",
  "PROBE_FAILED",
  "PROVIDER_LISTED_NOTHING",
  "RESPONSE_TOO_LARGE",
  "STALE_MODELS",
  "UNCATALOGUED_MODELS",
] as const;

export const WARNING_CODES: readonly string[] = [...CONFIGURATION_WARNING_CODES, ...DATA_WARNING_CODES].sort();

const CODE = /^[A-Z][A-Z0-9_]*$/;

/** A word of --fail-on that is written as a diagnostic code (UNKNOWN_MODEL), not a large-change kind (price-jump). */
export function looksLikeCode(word: string): boolean {
  return CODE.test(word);
}

/** The codes of a --fail-on list that are diagnostic codes, and those that are no code register gives. */
export function parseFailOnCodes(words: readonly string[]): { codes: Set<string>; unknown: string[] } {
  const codes = new Set<string>();
  const unknown: string[] = [];
  for (const word of words) {
    if (WARNING_CODES.includes(word)) codes.add(word);
    else {
      const near = closest(word, WARNING_CODES, 3);
      unknown.push(near ? `${word} (did you mean ${near}?)` : word);
    }
  }
  return { codes, unknown };
}
