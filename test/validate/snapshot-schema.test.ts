import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import {
  createAjv,
  loadSchema,
  schemaPath,
  schemaProblems,
  type SchemaName,
} from "../../src/validate/schema-validator.js";
import { pythonOrSkip, validateWithPython } from "../support/python-jsonschema.js";
import { registeredSnapshot } from "../support/register-snapshot.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
let valid: ProviderRegistrySnapshot;
beforeAll(async () => {
  valid = await registeredSnapshot();
});

type Mutation = readonly [name: string, pointer: string, mutate: (s: any) => void];

/** Damage that a consumer must be protected from; each names the pointer ajv reports. */
const INVALID: readonly Mutation[] = [
  ["missing schemaVersion", "/", (s) => delete s.schemaVersion],
  ["schemaVersion of another major", "/schemaVersion", (s) => (s.schemaVersion = "3.0.0")],
  ["unknown top-level field", "/", (s) => (s.extra = true)],
  ["$schema pointing elsewhere", "/$schema", (s) => (s.$schema = "https://example.com/other.json")],
  ["generatedAt without a time zone", "/generatedAt", (s) => (s.generatedAt = "2026-01-01T00:00:00")],
  ["contentHash not sha256", "/contentHash", (s) => (s.contentHash = "md5:abc")],
  ["model with an unknown field", "/models/0", (s) => (s.models[0].secretKey = "x")],
  ["model without capabilities", "/models/0", (s) => delete s.models[0].capabilities],
  [
    "capability that is not a boolean",
    "/models/0/capabilities/vision",
    (s) => (s.models[0].capabilities.vision = "yes"),
  ],
  ["context window of zero", "/models/0/contextWindow", (s) => (s.models[0].contextWindow = 0)],
  ["negative price", "/models/", (s) => (s.models.find((m: any) => m.pricing).pricing.input = -1)],
  ["unknown availability", "/models/0/availability", (s) => (s.models[0].availability = "maybe")],
  ["model id with a space", "/models/0/id", (s) => (s.models[0].id = "bad id")],
  ["provider id in upper case", "/providers/0/id", (s) => (s.providers[0].id = "KIMI")],
  ["probe status unknown", "/providers/0/probe/status", (s) => (s.providers[0].probe.status = "great")],
  ["policy without providerPriority", "/policy", (s) => delete s.policy.providerPriority],
  [
    "category preferences missing a category",
    "/policy/providers/kimi/preferredByCategory",
    (s) => delete s.policy.providers.kimi.preferredByCategory.balanced,
  ],
  [
    "diagnostic with a lower-case code",
    "/diagnostics/0/code",
    (s) => (s.diagnostics = [{ level: "warning", code: "oops", message: "m" }]),
  ],
  [
    "an API key where the variable name goes",
    "/providers/0/apiKeyVariable",
    (s) => (s.providers[0].apiKeyVariable = "sk-abc123"),
  ],
];

describe("the published snapshot schema", () => {
  it.each(["provider-registry-snapshot", "provider-definition", "model-catalog"] as SchemaName[])(
    "%s compiles under ajv strict mode",
    (name) => {
      expect(() => createAjv().compile(loadSchema(name))).not.toThrow();
    },
  );

  it("has an absolute $id that carries the major version, and date-times carry a pattern", () => {
    const schema = loadSchema("provider-registry-snapshot") as {
      $id: string;
      $defs: Record<string, { pattern?: string; format?: string }>;
    };
    expect(schema.$id).toMatch(/^https:\/\/.+\/v2\/provider-registry-snapshot\.schema\.json$/);
    expect(schema.$defs.dateTime).toMatchObject({ format: "date-time", pattern: expect.any(String) });
    expect(schema.$defs.calendarDate).toMatchObject({ format: "date", pattern: expect.any(String) });
  });

  it("accepts a snapshot written by register", () => {
    expect(schemaProblems("provider-registry-snapshot", valid)).toEqual([]);
  });

  it.each(INVALID)("rejects %s, naming %s", (_name, pointer, mutate) => {
    const damaged = structuredClone(valid);
    mutate(damaged);
    const problems = schemaProblems("provider-registry-snapshot", damaged);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.startsWith(pointer))).toBe(true);
  });

  it("and Python's jsonschema agrees on every case, valid and invalid", async (context) => {
    const python = pythonOrSkip(context);
    const dir = await tempDir();
    const files: string[] = [];
    const validFile = path.join(dir, "valid.json");
    await writeFile(validFile, JSON.stringify(valid));
    for (const [index, [, , mutate]] of INVALID.entries()) {
      const damaged = structuredClone(valid);
      mutate(damaged);
      const file = path.join(dir, `invalid-${index}.json`);
      await writeFile(file, JSON.stringify(damaged));
      files.push(file);
    }
    const results = validateWithPython(python, schemaPath("provider-registry-snapshot"), [validFile, ...files]);
    expect(results[0]?.errors).toEqual([]);
    for (const [index, result] of results.slice(1).entries()) {
      expect(result.errors.length, `python accepted: ${INVALID[index]![0]}`).toBeGreaterThan(0);
    }
  }, 60_000); // one python process for every case: seconds on a loaded machine
});
