// Reading a community catalog's untrusted JSON field by field, with errors that name the file and the field (a JSON
// pointer) and never quote more of a value than a short, escaped string.
import { isObject, type JsonObject } from "../core/json-object.js";
import { ConfigError } from "../core/errors.js";
import { hasControlCharacter, MAX_NAME_LENGTH } from "../core/model-name.js";

/** RFC 6901: a key becomes one pointer token. */
export function pointer(...tokens: readonly string[]): string {
  return tokens.map((t) => `/${t.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** A value as a message may show it: its type, or a short string with control characters escaped. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value).replace(
      /[\u007f-\u009f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  if (typeof value === "object") return "an object";
  return String(value);
}

/** Reads fields of one file; every failure is a ConfigError naming the file and the field. */
export class FieldReader {
  constructor(
    readonly file: string,
    readonly format: string,
  ) {}

  fail(at: string, message: string): never {
    throw new ConfigError(`${this.file}: ${this.format} catalog: ${at || "/"}: ${message}`, {
      file: this.file,
      field: at || "/",
    });
  }

  object(value: unknown, at: string, what = "an object"): JsonObject {
    if (!isObject(value)) this.fail(at, `must be ${what}, not ${describe(value)}`);
    return value;
  }

  optionalObject(parent: JsonObject, key: string, at: string): JsonObject | undefined {
    const value = parent[key];
    return value === undefined || value === null ? undefined : this.object(value, `${at}${pointer(key)}`);
  }

  optionalBoolean(parent: JsonObject, key: string, at: string): boolean | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "boolean") this.fail(`${at}${pointer(key)}`, `must be true or false, not ${describe(value)}`);
    return value;
  }

  optionalString(parent: JsonObject, key: string, at: string): string | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") this.fail(`${at}${pointer(key)}`, `must be a string, not ${describe(value)}`);
    return value;
  }

  optionalStrings(parent: JsonObject, key: string, at: string): string[] | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (!isStringList(value)) this.fail(`${at}${pointer(key)}`, `must be a list of strings, not ${describe(value)}`);
    return value;
  }

  /** A token count: a whole number ≥ 0; 0 means the file does not know, so it is undefined here. */
  optionalTokens(parent: JsonObject, key: string, at: string): number | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
      this.fail(`${at}${pointer(key)}`, `must be a whole number of tokens, not ${describe(value)}`);
    }
    return value === 0 ? undefined : value;
  }

  /** A price as the file states it: a finite number ≥ 0. */
  optionalPrice(parent: JsonObject, key: string, at: string, unit: string): number | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      this.fail(`${at}${pointer(key)}`, `must be a price in ${unit} (a number, at least 0), not ${describe(value)}`);
    }
    return value;
  }

  name(parent: JsonObject, at: string): string | undefined {
    const name = this.optionalString(parent, "name", at)?.trim();
    if (name === undefined || name === "") return undefined;
    // A name is printed and written: a control character in one would be a terminal escape in someone's output.
    if (hasControlCharacter(name))
      this.fail(`${at}${pointer("name")}`, "must not contain a control character (a line break, an escape sequence)");
    return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…` : name;
  }
}
