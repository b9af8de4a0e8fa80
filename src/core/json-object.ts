// Untrusted JSON (a provider's answer, a community catalog, an environment variable) is read field by field from
// plain objects; arrays and null are not objects here, though typeof says they are.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
