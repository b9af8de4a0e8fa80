// Untrusted JSON (a provider's answer, a community catalog, an environment variable) is read field by field from
// plain objects; arrays and null are not objects here, though typeof says they are.

export type JsonObject = Record<string, unknown>;

/** obj[key] when it is obj's own property; never a property of Object.prototype ("constructor", "toString"). */
export function ownValue<T>(obj: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
