// The compatibility promise (README, "Versioning"): schemaVersion is semver; within a major, a new version only adds
// optional fields, so every snapshot a released version accepted stays valid. Each released version keeps
// snapshots in test/fixtures/schema-versions/<version>/ and a copy of its schema in <version>.schema.json; a schema
// change that would reject one of them, or that changes the schema without a new version, fails here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSchema, schemaPath, schemaProblems } from "../../src/validate/schema-validator.js";
import { checkSnapshot, SUPPORTED_SCHEMA_VERSION } from "../../src/selector/index.js";
import { SCHEMA_ID, SCHEMA_VERSION } from "../../src/snapshot/schema-version.js";
import { pythonOrSkip, validateWithPython } from "../support/python-jsonschema.js";

const VERSIONS_DIR = path.join(import.meta.dirname, "..", "fixtures", "schema-versions");
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const HOW_TO_RELEASE =
  "a changed schema is a new schema version: bump SCHEMA_VERSION (patch: wording only; minor: optional fields added; " +
  "anything else is a new major with a new $id), copy the schema to test/fixtures/schema-versions/<version>.schema.json " +
  "and keep a snapshot written by it in test/fixtures/schema-versions/<version>/";

type Version = [number, number, number];
const parse = (v: string): Version => {
  const m = SEMVER.exec(v);
  if (!m) throw new Error(`not a version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};
const compareVersions = (a: string, b: string) => {
  const [x, y] = [parse(a), parse(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

const RELEASED = readdirSync(VERSIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort(compareVersions);
const snapshotsOf = (version: string) =>
  readdirSync(path.join(VERSIONS_DIR, version))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(VERSIONS_DIR, version, f));
const read = (file: string): any => JSON.parse(readFileSync(file, "utf8"));
const CURRENT_SCHEMA = loadSchema("provider-registry-snapshot");
const MAJOR = parse(SCHEMA_VERSION)[0];

describe("schema versions", () => {
  it("every released version is semver, has a copy of its schema and at least one snapshot", () => {
    expect(RELEASED.length).toBeGreaterThan(0);
    for (const version of RELEASED) {
      expect(version).toMatch(SEMVER);
      expect(existsSync(path.join(VERSIONS_DIR, `${version}.schema.json`)), `${version}.schema.json`).toBe(true);
      expect(snapshotsOf(version).length, version).toBeGreaterThan(0);
    }
  });

  it("the version register writes is the newest released one, and the selector reads it", () => {
    expect(RELEASED.at(-1), HOW_TO_RELEASE).toBe(SCHEMA_VERSION);
    expect(parse(SUPPORTED_SCHEMA_VERSION)[0]).toBe(MAJOR);
  });

  it("the schema today is the one kept for the current version (or it was changed without a new version)", () => {
    expect(CURRENT_SCHEMA, HOW_TO_RELEASE).toEqual(read(path.join(VERSIONS_DIR, `${SCHEMA_VERSION}.schema.json`)));
  });

  it("the major version is in the $id, and schemaVersion accepts every released version but no later major", () => {
    expect(SCHEMA_ID).toBe(CURRENT_SCHEMA.$id);
    expect(CURRENT_SCHEMA.$id).toMatch(new RegExp(`/v${MAJOR}/[^/]+\\.schema\\.json$`));
    const pattern = new RegExp((CURRENT_SCHEMA as any).properties.schemaVersion.pattern, "u");
    // Every released version stays readable (older majors included); a future major does not validate.
    for (const version of [...RELEASED, `${MAJOR}.99.0`]) expect(pattern.test(version), version).toBe(true);
    for (const version of [`${MAJOR + 1}.0.0`, `0.9.9`, `${MAJOR}.0`, `${MAJOR}.01.0`])
      expect(pattern.test(version), version).toBe(false);
  });
});

// Reading is promised across majors too: 2.0 only widened what ids, kinds and fact sources may be, so every snapshot
// a released 1.x wrote is still valid and loads (last-known-good keeps working across the upgrade).
describe.each(RELEASED)("snapshots written against %s", (version) => {
  const files = snapshotsOf(version);
  const sameMajor = parse(version)[0] === MAJOR;

  it.each(files.map((f) => [path.basename(f), f]))(
    "%s says schemaVersion %s, validates against today's schema and loads in the selector",
    (_name, file) => {
      const snapshot = read(file);
      expect(snapshot.schemaVersion).toBe(version);
      expect(snapshot.$schema).toBe(read(path.join(VERSIONS_DIR, `${version}.schema.json`)).$id);
      expect(schemaProblems("provider-registry-snapshot", snapshot)).toEqual([]);
      expect(() => checkSnapshot(snapshot, file)).not.toThrow();
    },
  );

  it("and Python's jsonschema accepts them too", { timeout: 60_000 }, (context) => {
    const python = pythonOrSkip(context);
    for (const result of validateWithPython(python, schemaPath("provider-registry-snapshot"), files))
      expect(result.errors, result.file).toEqual([]);
  });

  it.runIf(sameMajor)(
    "today's schema only adds to it: no field removed, none newly required, no allowed value dropped",
    () => {
      expect(additionsOnly(read(path.join(VERSIONS_DIR, `${version}.schema.json`)), CURRENT_SCHEMA)).toEqual([]);
    },
  );
});

/**
 * Walks the released schema and finds, at the same place in the current one, what a minor version may not do:
 * a property or $defs entry gone, a field required that was not, an enum value or const no longer accepted.
 * (Narrower patterns or bounds are caught by the fixtures above.)
 */
function additionsOnly(released: unknown, current: unknown, at = ""): string[] {
  if (typeof released !== "object" || released === null) return [];
  if (typeof current !== "object" || current === null) return [`${at || "/"}: gone`];
  const r = released as Record<string, unknown>;
  const c = current as Record<string, unknown>;
  const problems: string[] = [];
  if (Array.isArray(r.required)) {
    const before = new Set(r.required as string[]);
    for (const field of (c.required as string[] | undefined) ?? [])
      if (!before.has(field)) problems.push(`${at}/required: "${field}" is newly required`);
  }
  if (Array.isArray(r.enum)) {
    const now = (c.enum as unknown[] | undefined) ?? [];
    for (const value of r.enum)
      if (!now.some((v) => JSON.stringify(v) === JSON.stringify(value)))
        problems.push(`${at}/enum: ${JSON.stringify(value)} no longer accepted`);
  }
  if ("const" in r && JSON.stringify(r.const) !== JSON.stringify(c.const))
    problems.push(`${at}/const: ${JSON.stringify(r.const)} no longer accepted`);
  for (const key of ["properties", "$defs"]) {
    const before = r[key] as Record<string, unknown> | undefined;
    if (!before) continue;
    const now = (c[key] as Record<string, unknown> | undefined) ?? {};
    for (const [name, schema] of Object.entries(before)) {
      if (!(name in now)) problems.push(`${at}/${key}/${name}: removed`);
      else problems.push(...additionsOnly(schema, now[name], `${at}/${key}/${name}`));
    }
  }
  for (const key of ["items", "additionalProperties", "propertyNames"]) {
    if (typeof r[key] === "object") problems.push(...additionsOnly(r[key], c[key], `${at}/${key}`));
  }
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    const before = r[key] as unknown[] | undefined;
    const now = (c[key] as unknown[] | undefined) ?? [];
    before?.forEach((schema, i) => problems.push(...additionsOnly(schema, now[i], `${at}/${key}/${i}`)));
  }
  return problems;
}

describe("the additions-only check itself", () => {
  const released = {
    type: "object",
    required: ["a"],
    properties: { a: { enum: ["x", "y"] }, b: { const: 1 } },
    $defs: { d: { type: "string" } },
  };
  it.each([
    ["an optional field added", (s: any) => (s.properties.c = { type: "string" }), 0],
    ["a field newly required", (s: any) => s.required.push("b"), 1],
    ["a field removed", (s: any) => delete s.properties.b, 1],
    ["an enum value dropped", (s: any) => (s.properties.a.enum = ["x"]), 1],
    ["an enum value added", (s: any) => s.properties.a.enum.push("z"), 0],
    ["a const changed", (s: any) => (s.properties.b.const = 2), 1],
    ["a $defs entry removed", (s: any) => delete s.$defs.d, 1],
  ])("%s → %i problem(s)", (_what, change, count) => {
    const current = structuredClone(released);
    change(current);
    expect(additionsOnly(released, current)).toHaveLength(count);
  });
});
