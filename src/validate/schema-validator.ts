// Build-time validation with full ajv (formats included). The runtime selector uses the generated standalone validator instead.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { packageRoot } from "../core/package-root.js";

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule.default;

export type SchemaName = "provider-registry-snapshot" | "provider-definition" | "model-catalog";

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

export function schemaPath(name: SchemaName): string {
  return path.join(packageRoot, "schema", `${name}.schema.json`);
}

export function loadSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaPath(name), "utf8")) as Record<string, unknown>;
}

function validator(name: SchemaName): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    ajv ??= createAjv();
    fn = ajv.compile(loadSchema(name));
    compiled.set(name, fn);
  }
  return fn;
}

/** Strict draft 2020-12 with formats: the same settings a consumer is told to use. */
export function createAjv(): Ajv2020 {
  const instance = new Ajv2020({ strict: true, allErrors: true, unicode: false, logger: false });
  addFormats(instance);
  return instance;
}

/** Problems as "pointer: message" lines; empty when the document is valid. */
export function schemaProblems(name: SchemaName, document: unknown): string[] {
  const validate = validator(name);
  return validate(document) ? [] : formatErrors(validate.errors ?? []);
}

export function formatErrors(errors: readonly ErrorObject[]): string[] {
  return errors.map((e) => {
    const pointer = e.instancePath === "" ? "/" : e.instancePath;
    const detail =
      e.keyword === "additionalProperties"
        ? `unknown property "${String((e.params as { additionalProperty?: unknown }).additionalProperty)}"`
        : e.keyword === "enum"
          ? `${e.message} (${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(", ")})`
          : (e.message ?? e.keyword);
    return `${pointer}: ${detail}`;
  });
}
