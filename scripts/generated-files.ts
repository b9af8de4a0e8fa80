// What `npm run generate` writes, computed in memory so a test can compare it with the committed files.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { _, Ajv2020 } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";

// ajv ships CommonJS; under NodeNext its default export arrives wrapped.
const standaloneCode = standalone.default;

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
 */
export const SNAPSHOT_FORMATS_SOURCE = `const snapshotFormats = {
  date: function date(text) {
    const m = /^(\\d{4})-(\\d{2})-(\\d{2})$/.exec(text);
    if (m === null) return false;
    const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
  },
  "date-time": function dateTime(text) {
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
  },
};`;

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
      value = isRecord(value) && Object.hasOwn(value, step) ? value[step] : undefined;
    if (!isRecord(value)) return whole;
    const names = Object.keys(value);
    if (names.length === 0 || names.includes("__proto__")) return whole;
    return `(${names.map((name) => `${key} === ${JSON.stringify(name)}`).join(" || ")})`;
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

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
