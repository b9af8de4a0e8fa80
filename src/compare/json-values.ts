// Comparing snapshot parts as JSON values: key order never matters, and a missing value is null.
import { sortKeysDeep } from "../snapshot/canonical-json.js";

/** obj[key] when it is obj's own property; never a property of Object.prototype ("constructor", "toString"). */
export function ownValue<T>(obj: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** The value as JSON with its keys sorted at every level: equal text, equal value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value)) ?? "undefined";
}

/** Whether two values are equal as JSON, undefined counting as null. */
export function jsonEquals(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}
