// What `npm run generate` writes, computed in memory so a test can compare it with the committed files.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { Ajv2020 } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";

// ajv ships CommonJS; under NodeNext its default export arrives wrapped.
const standaloneCode = standalone.default;

import { packageRoot as repoRoot } from "../src/package-root.js";

export { repoRoot };

const banner = (from: string) =>
  `/* eslint-disable */\n// @generated from ${from} by scripts/generate.ts. DO NOT EDIT BY HAND: run \`npm run generate\`.\n`;

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
 * The snapshot validator as standalone code: the selector ships it so that it needs no ajv at run time.
 * Formats are checked by the schema's patterns instead, which keeps the output free of imports.
 */
async function renderValidator(): Promise<string> {
  const rel = "schema/provider-registry-snapshot.schema.json";
  const schema = await readSchema(rel);
  const ajv = new Ajv2020({
    strict: true,
    // Every problem at once: readers of a newer minor version skip only the additions they do not know.
    allErrors: true,
    unicode: false, // counts UTF-16 units, as JSON.parse sees them, and so needs no runtime helper
    logger: false,
    formats: { "date-time": true, date: true },
    code: { source: true, esm: true, lines: false, optimize: true },
  });
  const validate = ajv.compile(schema);
  const code = standaloneCode(ajv, validate);
  if (/\brequire\(|^\s*import\s/m.test(code)) {
    throw new Error("the standalone snapshot validator needs a runtime import; adjust the schema or the ajv options");
  }
  return `${banner(rel)}// @ts-nocheck\n${code}\n`;
}

export async function renderGeneratedFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const { schema, out } of typeSources) files.set(out, await renderTypes(schema));
  files.set("generated/validate-snapshot.ts", await renderValidator());
  return files;
}
