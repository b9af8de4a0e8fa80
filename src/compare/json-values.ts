// Comparing snapshot parts as JSON values: key order never matters, and a missing value is null.
import { sortKeysDeep } from "../snapshot/canonical-json.js";

/** The value as compact JSON with its keys sorted at every level: equal text, equal value. (The snapshot file is
 * snapshot/canonical-json.ts's pretty form.) */
export function compactSortedJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value)) ?? "undefined";
}

/** Whether two values are equal as JSON, undefined counting as null. */
export function jsonEquals(a: unknown, b: unknown): boolean {
  return compactSortedJson(a ?? null) === compactSortedJson(b ?? null);
}
