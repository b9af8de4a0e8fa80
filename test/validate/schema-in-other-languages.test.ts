// The published schema as other repos apply it: Python's jsonschema (what check-jsonschema runs) must agree with
// ajv on every snapshot we have — the demo's, every fixture's — and on every damaged file in
// test/fixtures/invalid-snapshots. (test/validate/snapshot-schema.test.ts checks mutations of a fresh snapshot.)
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { schemaPath, schemaProblems } from "../../src/validate/schema-validator.js";
import { checkSnapshot, SnapshotError } from "../../src/selector/index.js";
import { pythonOrSkip, validateWithPython } from "../support/python-jsonschema.js";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");
const INVALID_DIR = path.join(FIXTURES, "invalid-snapshots");
const SNAPSHOT_SCHEMA = schemaPath("provider-registry-snapshot");
const read = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every snapshot fixture anyone keeps under test/fixtures: a JSON file that names the snapshot schema, damaged ones aside. */
const SNAPSHOT_FIXTURES = jsonFiles(FIXTURES).filter(
  (file) =>
    !file.startsWith(INVALID_DIR + path.sep) &&
    /\/schema\/v[0-9]+\/provider-registry-snapshot\.schema\.json$/.test(
      String((read(file) as { $schema?: unknown })?.$schema),
    ),
);

/** Each damaged file, and the JSON pointer both validators must fault. */
const INVALID: Record<string, string> = {
  "array.json": "/",
  "empty-object.json": "/",
  "future-major.json": "/$schema",
  "capability-missing.json": "/models/0/capabilities",
  "context-window-as-text.json": "/models/0/contextWindow",
  "default-model-without-provider.json": "/policy/defaultModel",
  "diagnostic-level-unknown.json": "/diagnostics/0/level",
  "last-verified-not-a-time.json": "/models/1/lastVerifiedAt",
  "negative-model-count.json": "/providers/0/probe/modelCount",
  "policy-provider-in-upper-case.json": "/policy/providers",
  "price-per-token.json": "/models/0/pricing",
  "unknown-fact-source.json": "/models/1/sources/pricing",
};

let dir: string;
let demoFile: string;
beforeAll(async () => {
  // The demo snapshot as `provider-registry demo` writes it today.
  dir = await mkdtemp(path.join(tmpdir(), "provider-registry-demo-"));
  demoFile = path.join(dir, "demo-snapshot.json");
  const code = await main(["demo", "--out", demoFile], {
    stdout: () => {},
    stderr: () => {},
    env: { SOURCE_DATE_EPOCH: "1764000000" },
    cwd: dir,
  });
  expect(code).toBe(0);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("valid snapshots: ajv and Python's jsonschema both accept", () => {
  it("finds the fixture snapshots (the registered demo, the complaint, every released schema version's)", () => {
    const names = SNAPSHOT_FIXTURES.map((f) => path.relative(FIXTURES, f));
    expect(names).toEqual(
      expect.arrayContaining([
        "snapshots/demo-register.json",
        "snapshots/kimi-glm-complaint.json",
        "schema-versions/1.0.0/all-fields.json",
        "schema-versions/2.0.0/all-fields.json",
      ]),
    );
  });

  it("ajv: the demo snapshot and every fixture snapshot", () => {
    for (const file of [demoFile, ...SNAPSHOT_FIXTURES])
      expect(schemaProblems("provider-registry-snapshot", read(file)), file).toEqual([]);
  });

  it("python: the demo snapshot and every fixture snapshot", { timeout: 60_000 }, (context) => {
    const python = pythonOrSkip(context);
    const results = validateWithPython(python, SNAPSHOT_SCHEMA, [demoFile, ...SNAPSHOT_FIXTURES]);
    expect(results).toHaveLength(SNAPSHOT_FIXTURES.length + 1);
    for (const result of results) expect(result.errors, result.file).toEqual([]);
  });
});

describe("damaged snapshots: rejected by ajv, by Python's jsonschema and by the selector alike", () => {
  it("every file in invalid-snapshots/ has an expected fault, and every expected fault a file", () => {
    expect(jsonFiles(INVALID_DIR).map((f) => path.basename(f))).toEqual(Object.keys(INVALID).sort());
  });

  it.each(Object.entries(INVALID))("ajv rejects %s at %s", (name, pointer) => {
    const problems = schemaProblems("provider-registry-snapshot", read(path.join(INVALID_DIR, name)));
    expect(
      problems.some((p) => p.startsWith(`${pointer}:`)),
      problems.join("\n"),
    ).toBe(true);
  });

  it.each(Object.entries(INVALID))("the selector refuses %s", (name) => {
    expect(() => checkSnapshot(read(path.join(INVALID_DIR, name)), name)).toThrow(SnapshotError);
  });

  it("python rejects each at the same pointer", { timeout: 60_000 }, (context) => {
    const python = pythonOrSkip(context);
    const names = Object.keys(INVALID);
    const results = validateWithPython(
      python,
      SNAPSHOT_SCHEMA,
      names.map((n) => path.join(INVALID_DIR, n)),
    );
    for (const [index, result] of results.entries()) {
      const pointer = INVALID[names[index]!]!;
      expect(result.errors.length, `python accepted ${names[index]}`).toBeGreaterThan(0);
      expect(
        result.errors.some((e) => e.startsWith(`${pointer}:`)),
        `${names[index]}: python says\n${result.errors.join("\n")}`,
      ).toBe(true);
    }
  });
});
