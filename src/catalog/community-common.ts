// What the community catalog parsers share: reading untrusted JSON field by field, with errors that name the file
// and the field (a JSON pointer), and collecting entries per provider without two answering to one id.
import { isObject, type JsonObject } from "../core/json-object.js";
import { ConfigError } from "../core/errors.js";
import type { Facts } from "../core/facts.js";
import { compareText } from "../core/order.js";
import { isCalendarDate } from "../core/calendar-date.js";
import { hasControlCharacter, MAX_NAME_LENGTH } from "../core/model-name.js";

/** One model in a community catalog: only the facts the file states, so that facts blend one by one. */
export interface OverlayEntry {
  readonly id: string;
  readonly facts: Facts;
}

/** Overlay entries by our provider id. */
export type OverlayCatalog = ReadonlyMap<string, readonly OverlayEntry[]>;

export interface CommunityCatalogOptions {
  /** The file the JSON came from, for messages. */
  readonly file: string;
  /**
   * The day of the run (YYYY-MM-DD; SOURCE_DATE_EPOCH's day when set): a retirement date on or before it makes a
   * model deprecated. Prices are never dated with it: a file that does not date its prices leaves them undated.
   */
  readonly asOf: string;
  /** Our provider ids to collect facts for; default: the built-in providers. */
  readonly providers?: readonly string[];
}

/** RFC 6901: a key becomes one pointer token. */
export function pointer(...tokens: readonly string[]): string {
  return tokens.map((t) => `/${t.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
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
    throw new ConfigError(`${this.file}: ${this.format} catalog: ${at || "/"}: ${message}`, { file: this.file, field: at || "/" });
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
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) this.fail(`${at}${pointer(key)}`, `must be a list of strings, not ${describe(value)}`);
    return value as string[];
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
    if (hasControlCharacter(name)) this.fail(`${at}${pointer("name")}`, "must not contain a control character (a line break, an escape sequence)");
    return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…` : name;
  }
}

export function checkOptions(options: CommunityCatalogOptions): void {
  if (!isCalendarDate(options.asOf)) throw new TypeError(`asOf must be a calendar date (YYYY-MM-DD), not ${JSON.stringify(options.asOf)}`);
}

/** Entries per provider; the first entry to claim an id (compared without regard to case) keeps it. */
export class CatalogBuilder {
  private readonly byProvider = new Map<string, Map<string, OverlayEntry>>();

  add(provider: string, entry: OverlayEntry): void {
    let entries = this.byProvider.get(provider);
    if (!entries) this.byProvider.set(provider, (entries = new Map()));
    const key = entry.id.toLowerCase();
    if (!entries.has(key)) entries.set(key, entry);
  }

  build(): OverlayCatalog {
    const catalog = new Map<string, OverlayEntry[]>();
    for (const [provider, entries] of [...this.byProvider].sort(([a], [b]) => compareText(a, b))) {
      catalog.set(provider, [...entries.values()]);
    }
    return catalog;
  }
}

/** Drops the keys whose value is undefined: a fact the file did not state is no fact at all. */
export function stated(facts: { [K in keyof Facts]: Facts[K] | undefined }): Facts {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Facts;
}
