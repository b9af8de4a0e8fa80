// What `npm run generate` writes, computed in memory so a test can compare it with the committed files.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { _, Ajv2020 } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";

// ajv ships CommonJS; under NodeNext its default export arrives wrapped.
const standaloneCode = standalone.default;

import { isObject } from "../src/core/json-object.js";
import { packageRoot as repoRoot } from "../src/core/package-root.js";

export { repoRoot };

const banner = (from: string) =>
  `// @generated from ${from} by scripts/generate.ts. DO NOT EDIT BY HAND: run \`npm run generate\`.\n`;

const typeSources = [
  { schema: "schema/provider-registry-snapshot.schema.json", out: "generated/snapshot-types.ts" },
  { schema: "schema/provider-definition.schema.json", out: "generated/provider-definition-types.ts" },
  { schema: "schema/model-catalog.schema.json", out: "generated/model-catalog-types.ts" },
] as const;

async function readSchema(rel: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(repoRoot, rel), "utf8")) as Record<string, unknown>;
}

async function renderTypes(rel: string): Promise<string> {
  const schema = await readSchema(rel);
  const ts = await compile(schema as JSONSchema, String(schema.title), {
    bannerComment: banner(rel),
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    format: true,
    cwd: path.join(repoRoot, "schema"),
  });
  return ts;
}

/**
 * The formats the snapshot schema uses, as the standalone validator carries them: written once, here, as source,
 * and both compiled into the validator and evaluated to compile it. They accept exactly what ajv-formats' full
 * formats accept for the schema's patterns (a test compares the two), so the selector refuses 2025-13-45T99:99:99Z
 * as the build side does.
 * A snapshot holds thousands of dates, so the shapes it is written in (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS[.f]Z) are
 * decided from character codes, without a regular expression or an allocation; any other date-time string takes
 * the general way, which is ajv-formats' own reading (a test holds the two to the same answers).
 */
export const SNAPSHOT_FORMATS_SOURCE = `const isDigitAt = (text, i) => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const twoDigits = (text, i) => (text.charCodeAt(i) - 48) * 10 + text.charCodeAt(i + 1) - 48;
const digitsBetween = (text, from, to) => {
  for (let i = from; i < to; i++) if (!isDigitAt(text, i)) return false;
  return true;
};
// YYYY-MM-DD at the start of text, digits and dashes only.
const calendarShape = (text) =>
  text.length >= 10 &&
  digitsBetween(text, 0, 4) &&
  text.charCodeAt(4) === 45 &&
  digitsBetween(text, 5, 7) &&
  text.charCodeAt(7) === 45 &&
  digitsBetween(text, 8, 10);
// The date at the start of text, once calendarShape holds: a real day of a real month.
const realDay = (text) => {
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2), month = twoDigits(text, 5), day = twoDigits(text, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2) return day <= (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28);
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
};
// YYYY-MM-DDTHH:MM:SS[.fraction]Z, the shape a snapshot writes (and its dateTime pattern requires).
const utcShape = (text) => {
  const n = text.length;
  return (
    n >= 20 &&
    calendarShape(text) &&
    text.charCodeAt(10) === 84 &&
    digitsBetween(text, 11, 13) &&
    text.charCodeAt(13) === 58 &&
    digitsBetween(text, 14, 16) &&
    text.charCodeAt(16) === 58 &&
    digitsBetween(text, 17, 19) &&
    text.charCodeAt(n - 1) === 90 &&
    (n === 20 || (n >= 22 && text.charCodeAt(19) === 46 && digitsBetween(text, 20, n - 1)))
  );
};
const snapshotFormats = {
  date: function date(text) {
    return text.length === 10 && calendarShape(text) && realDay(text);
  },
  "date-time": function dateTime(text) {
    if (utcShape(text)) {
      const hour = twoDigits(text, 11), minute = twoDigits(text, 14), second = twoDigits(text, 17);
      // A fraction can round seconds up (59.9999999999999999 is 60): near the minute's end, take the general way.
      if (text.length === 20 || second <= 58) {
        if (!realDay(text)) return false;
        if (hour <= 23 && minute <= 59 && second <= 59) return true;
        return hour === 23 && minute === 59 && second === 60; // a leap second
      }
    }
    return generalDateTime(text);
  },
};
function generalDateTime(text) {
  const parts = text.split(/t|\\s/i);
  if (parts.length !== 2 || !snapshotFormats.date(parts[0])) return false;
  const m = /^(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)(z|([+-])(\\d\\d)(?::?(\\d\\d))?)$/i.exec(parts[1]);
  if (m === null) return false;
  const hour = Number(m[1]), minute = Number(m[2]), second = Number(m[3]);
  const zoneHour = Number(m[6] || 0), zoneMinute = Number(m[7] || 0);
  if (zoneHour > 23 || zoneMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  // A leap second: 23:59:60 in UTC.
  const sign = m[5] === "-" ? -1 : 1;
  const utcMinute = minute - zoneMinute * sign;
  const utcHour = hour - zoneHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}`;

/** The same functions, to compile with. */
export function snapshotFormats(): Record<"date" | "date-time", (text: string) => boolean> {
  return new Function(`${SNAPSHOT_FORMATS_SOURCE}\nreturn snapshotFormats;`)() as Record<
    "date" | "date-time",
    (text: string) => boolean
  >;
}

/**
 * How the standalone validator builds its `pattern` checks (ajv's `code.regExp`). A snapshot has a fact source per
 * fact, about 13 per model, nearly all one of four plain words: those are accepted by comparison, every other string
 * (overlay:…, env:…, anything wrong) and every other pattern is left to the RegExp. (Hand-written loops for model
 * and provider ids measured no faster than V8's RegExps, so there are none.) A property test holds each matcher to
 * its RegExp. Error messages still quote the schema's pattern: ajv writes them from the schema, not from this.
 */
export const SNAPSHOT_PATTERNS_SOURCE = `const snapshotPatternMatchers = {
  // The four plain sources are nearly every fact's; overlay: and env: sources go to the RegExp.
  "^(probe|catalog|default|inferred|overlay:[A-Za-z0-9._-]+|env:[A-Z][A-Z0-9_]*)$": (regExp) => (text) =>
    text === "catalog" || text === "probe" || text === "default" || text === "inferred" || regExp.test(text),
};
function snapshotPattern(source, flags) {
  const regExp = new RegExp(source, flags);
  if (!Object.hasOwn(snapshotPatternMatchers, source)) return regExp;
  // toString: ajv tells patterns apart by it.
  return { test: snapshotPatternMatchers[source](regExp), toString: () => String(regExp) };
}
snapshotPattern.code = "snapshotPattern";`;

/** The same function, to compile with (and to test the matchers against their RegExps). */
export function snapshotPattern(): ((source: string, flags: string) => { test(text: string): boolean }) & {
  code: string;
} {
  return new Function(`${SNAPSHOT_PATTERNS_SOURCE}\nreturn snapshotPattern;`)() as never;
}

/** The patterns snapshotPattern answers without its RegExp, for the test that compares them. */
export function snapshotPatternSources(): string[] {
  return Object.keys(new Function(`${SNAPSHOT_PATTERNS_SOURCE}\nreturn snapshotPatternMatchers;`)() as object);
}

const ANNOTATIONS = new Set(["title", "description", "$comment", "examples"]);
const SUBSCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
const SUBSCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);

/**
 * A schema without its annotations (title, description…), which validate nothing: ajv embeds the schema objects it
 * reads at run time (property names for additionalProperties, enum values), and their prose would ship in the
 * selector's bundle for nothing. Only keyword positions are touched, never a property that happens to be called
 * "description".
 */
export function withoutAnnotations(schema: unknown): unknown {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (SUBSCHEMA_MAPS.has(keyword) && typeof value === "object" && value !== null)
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)]));
    else if (SUBSCHEMA_LISTS.has(keyword) && Array.isArray(value)) out[keyword] = value.map(withoutAnnotations);
    else if (
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      keyword !== "enum" &&
      keyword !== "const"
    )
      out[keyword] = withoutAnnotations(value); // items, additionalProperties, not, if/then/else, propertyNames…
    else out[keyword] = value;
  }
  return out;
}

/**
 * The snapshot validator as standalone code: the selector ships it so that it needs no ajv at run time.
 * Formats are compiled in from SNAPSHOT_FORMATS_SOURCE, which keeps the output free of imports.
 */
async function renderValidator(): Promise<string> {
  const rel = "schema/provider-registry-snapshot.schema.json";
  const schema = withoutAnnotations(await readSchema(rel)) as Record<string, unknown>;
  const ajv = new Ajv2020({
    strict: true,
    // Every problem at once: readers of a newer minor version skip only the additions they do not know.
    allErrors: true,
    unicode: false, // counts UTF-16 units, as JSON.parse sees them, and so needs no runtime helper
    logger: false,
    formats: snapshotFormats(),
    code: {
      source: true,
      esm: true,
      lines: false,
      optimize: true,
      formats: _`snapshotFormats`,
      regExp: snapshotPattern(),
    },
  });
  const validate = ajv.compile(schema);
  const code = inlineFieldTests(standaloneCode(ajv, validate));
  if (/\brequire\(|^\s*import\s/m.test(code)) {
    throw new Error("the standalone snapshot validator needs a runtime import; adjust the schema or the ajv options");
  }
  return `${banner(rel)}// @ts-nocheck\n${SNAPSHOT_FORMATS_SOURCE}\n${SNAPSHOT_PATTERNS_SOURCE}\n${code}\n`;
}

/**
 * ajv checks a field name against an object schema of more than 8 properties with hasOwnProperty on the schema's
 * `properties` object, and for up to 8 by comparing it with each name. For a snapshot's models (22 fields) and fact
 * sources (18) that lookup was a third of the validator's time, so here each such test becomes the comparisons ajv
 * writes for 8: they accept the same names (a field called "constructor" or "__proto__" is still not one). A test
 * on an object this cannot read is left as ajv wrote it.
 */
export function inlineFieldTests(code: string): string {
  const own = /\bconst (func\d+) = Object\.prototype\.hasOwnProperty;/.exec(code);
  if (own === null) return code;
  const call = new RegExp(
    `\\b${own[1]}\\.call\\((schema\\d+)((?:\\.[A-Za-z_$][\\w$]*)*\\.properties), (key\\d+)\\)`,
    "g",
  );
  return code.replace(call, (whole, root: string, path: string, key: string) => {
    let value = schemaLiteral(code, root);
    for (const step of path.split(".").slice(1))
      value = isObject(value) && Object.hasOwn(value, step) ? value[step] : undefined;
    if (!isObject(value)) return whole;
    const names = Object.keys(value);
    if (names.length === 0 || names.includes("__proto__")) return whole;
    return `(${names.map((name) => `${key} === ${JSON.stringify(name)}`).join(" || ")})`;
  });
}

/** The JSON literal ajv wrote for `const <name> = …;`, or undefined. */
function schemaLiteral(code: string, name: string): unknown {
  const head = `const ${name} = `;
  const from = code.indexOf(head) + head.length;
  if (from < head.length || (code[from] !== "{" && code[from] !== "[")) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if ((c === "}" || c === "]") && --depth === 0) return JSON.parse(code.slice(from, i + 1)) as unknown;
  }
  return undefined;
}

export async function renderGeneratedFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const { schema, out } of typeSources) files.set(out, await renderTypes(schema));
  files.set("generated/validate-snapshot.ts", await renderValidator());
  return files;
}
