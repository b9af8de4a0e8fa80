// Loading and checking snapshots: every SnapshotError code, newer minor versions, and checking only once.
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import validate from "../../generated/validate-snapshot.js";
import {
  checkSnapshot,
  createSelector,
  loadSnapshot,
  SnapshotError,
  SUPPORTED_SCHEMA_VERSION,
} from "../../src/selector/index.js";
import { SCHEMA_VERSION } from "../../src/snapshot/schema-version.js";
import { fixturesDir, readFixture } from "../support/snapshots.js";
import { buildSnapshot, type SnapshotSpec } from "../support/snapshot-builder.js";

const dir = mkdtempSync(path.join(tmpdir(), "selector-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

function snapshotError(run: () => unknown): SnapshotError {
  try {
    run();
  } catch (error) {
    if (error instanceof SnapshotError) return error;
    throw error;
  }
  throw new Error("expected a SnapshotError");
}

const SPEC: SnapshotSpec = { models: [{ provider: "kimi", id: "kimi-k2", price: { input: 1, output: 2 } }] };
const valid = () =>
  buildSnapshot(SPEC) as unknown as Record<string, unknown> & {
    models: Record<string, unknown>[];
    policy: Record<string, unknown>;
  };

describe("fixtures and the builder", () => {
  test.each(readdirSync(fixturesDir).filter((f) => f.endsWith(".json")))("%s matches the schema", (file) => {
    const data = readFixture(file);
    expect(validate(data), JSON.stringify((validate as unknown as { errors: unknown }).errors)).toBe(true);
    expect(() => loadSnapshot(path.join(fixturesDir, file))).not.toThrow();
  });

  test("the builder writes schema-valid snapshots, with every option", () => {
    const snapshot = buildSnapshot({
      providers: ["empty"],
      models: [
        {
          provider: "a",
          id: "x",
          aliases: ["y"],
          kind: "embedding",
          availability: "stale",
          status: "deprecated",
          moving: true,
          tier: "flagship",
          ctx: null,
          out: null,
          vision: true,
          tools: true,
          reasoning: true,
          json: true,
          price: { input: 1, output: 2 },
          free: true,
        },
        { provider: "b", id: "z", availability: "unverified" },
      ],
      policy: {
        allowedProviders: ["a"],
        disabledProviders: ["b"],
        defaultModel: { model: "x", provider: "a" },
        providers: {
          a: {
            allowedModels: ["x"],
            preferredModels: ["x"],
            preferredByCategory: { balanced: ["x"] },
            defaultModel: "x",
          },
        },
      },
      schemaVersion: "1.4.2",
    });
    expect(validate(snapshot)).toBe(true);
  });
});

describe("loadSnapshot", () => {
  test("SNAPSHOT_NOT_FOUND says to run register", () => {
    const error = snapshotError(() => loadSnapshot(path.join(dir, "missing.json")));
    expect(error.code).toBe("SNAPSHOT_NOT_FOUND");
    expect(error.message).toContain("run `provider-registry register`");
    expect(error.exitCode).toBe(1);
  });

  test("SNAPSHOT_UNREADABLE for a folder", () => {
    const error = snapshotError(() => loadSnapshot(dir));
    expect(error.code).toBe("SNAPSHOT_UNREADABLE");
    expect(error.message).toContain("it is a folder");
  });

  test.skipIf(process.getuid?.() === 0)("SNAPSHOT_UNREADABLE without permission", () => {
    const file = write("locked.json", JSON.stringify(valid()));
    chmodSync(file, 0o000);
    expect(snapshotError(() => loadSnapshot(file)).code).toBe("SNAPSHOT_UNREADABLE");
  });

  test.each([
    ["truncated", JSON.stringify(valid()).slice(0, 200), /not JSON .*cut short/],
    ["empty", "", /is empty/],
    ["not JSON at all", "models: []", /not JSON/],
  ])("SNAPSHOT_NOT_JSON when %s", (name, content, message) => {
    const error = snapshotError(() => loadSnapshot(write(`${name}.json`, content)));
    expect(error.code).toBe("SNAPSHOT_NOT_JSON");
    expect(error.message).toMatch(message);
    expect(error.message).toContain("provider-registry register");
  });

  test("a byte-order mark is tolerated", () => {
    expect(loadSnapshot(write("bom.json", `\uFEFF${JSON.stringify(valid())}`)).models).toHaveLength(1);
  });
});

describe("checkSnapshot", () => {
  test("SUPPORTED_SCHEMA_VERSION is the version register writes (the selector may not import it, so this keeps them in step)", () => {
    expect(SUPPORTED_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });

  test.each([
    ["3.0.0", /upgrade provider-registry.*or regenerate/],
    ["0.9.0", /regenerate the snapshot/],
  ])("UNSUPPORTED_SCHEMA_VERSION for %s, before validating", (version, advice) => {
    // Also carries a v3-shaped field: the version is refused before its validation errors could drown it.
    const data = {
      ...valid(),
      schemaVersion: version,
      $schema: "https://provider-registry.dev/schema/v3/x.json",
      newThing: 1,
    };
    const error = snapshotError(() => checkSnapshot(data));
    expect(error.code).toBe("UNSUPPORTED_SCHEMA_VERSION");
    expect(error.message).toContain(version);
    expect(error.message).toMatch(advice);
  });

  test("SNAPSHOT_INVALID lists the JSON pointers of the problems", () => {
    const data = valid();
    data.models[0]!.tier = "huge";
    delete data.models[0]!.kind;
    (data.policy as { routeUnverified: unknown }).routeUnverified = "yes";
    data.surprise = true;
    const error = snapshotError(() => createSelector(data));
    expect(error.code).toBe("SNAPSHOT_INVALID");
    expect(error.problems).toEqual(
      expect.arrayContaining([
        '/models/0/tier: must be one of "fast", "standard", "flagship"',
        "/models/0/kind: is required but missing",
        "/policy/routeUnverified: must be boolean",
        "/surprise: is not a field of this schema version",
      ]),
    );
    expect(error.message).toContain("/models/0/tier");
    expect(error.message).toContain("provider-registry register");
  });

  test.each([
    ["a string", "snapshot"],
    ["null", null],
    ["an array", []],
    ["an empty object", {}],
  ])("SNAPSHOT_INVALID for %s", (_, data) => {
    expect(snapshotError(() => createSelector(data)).code).toBe("SNAPSHOT_INVALID");
  });

  test("a model listed twice is invalid", () => {
    const data = valid();
    data.models.push({ ...data.models[0]! });
    const error = snapshotError(() => checkSnapshot(data));
    expect(error.problems).toEqual(["/models/1: repeats /models/0 (kimi kimi-k2)"]);
  });

  test("repeats are found and named the same in a sorted list (one pass) and in any other order", () => {
    const ids = fc.constantFrom("a", "b", "b-1", "c");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("kimi", "acme", "zeta"), ids), { maxLength: 12 }),
        fc.boolean(),
        (keys, sort) => {
          if (sort) keys.sort(([p1, i1], [p2, i2]) => (p1 < p2 ? -1 : p1 > p2 ? 1 : i1 < i2 ? -1 : i1 > i2 ? 1 : 0));
          const data = valid();
          data.models = keys.map(([provider, id]) => ({ ...data.models[0]!, provider, id }));
          const firstAt = new Map<string, number>();
          const expected: string[] = [];
          keys.forEach(([provider, id], i) => {
            const first = firstAt.get(`${provider} ${id}`);
            if (first === undefined) firstAt.set(`${provider} ${id}`, i);
            else expected.push(`/models/${i}: repeats /models/${first} (${provider} ${id})`);
          });
          if (expected.length === 0) expect(() => checkSnapshot(data)).not.toThrow();
          else expect(snapshotError(() => checkSnapshot(data)).problems).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("many problems are listed up to a limit", () => {
    const data = valid();
    for (let i = 0; i < 30; i++) data.models.push({ ...data.models[0]!, id: `m${i}`, tier: "huge" });
    const error = snapshotError(() => checkSnapshot(data));
    expect(error.problems.length).toBe(30);
    expect(error.message).toContain("… and 10 more");
  });

  describe("a newer minor version", () => {
    const newer = () => {
      const data = valid();
      data.schemaVersion = "2.3.0";
      data.models[0]!.speedScore = 7; // a field 2.3 added
      (data.models[0]!.pricing as Record<string, unknown>).batchInput = 0.5; // inside a oneOf
      data.policy.routeByLatency = true;
      data.newTopLevel = { any: "thing" };
      return data;
    };

    test("loads, ignoring the fields it added", () => {
      const selector = createSelector(newer());
      expect(selector.select({}).model).toBe("kimi-k2");
    });

    test("is not changed by loading", () => {
      const data = newer();
      const copy = structuredClone(data);
      createSelector(data);
      expect(data).toEqual(copy);
    });

    test("still refuses any other problem", () => {
      const data = newer();
      data.models[0]!.tier = "huge";
      const error = snapshotError(() => createSelector(data));
      expect(error.code).toBe("SNAPSHOT_INVALID");
      expect(error.problems).toEqual(['/models/0/tier: must be one of "fast", "standard", "flagship"']);
    });

    test("the same minor with unknown fields is invalid", () => {
      const data = newer();
      data.schemaVersion = "2.0.7";
      expect(snapshotError(() => createSelector(data)).code).toBe("SNAPSHOT_INVALID");
    });
  });

  test("createSelector does not validate again what loadSnapshot returned", () => {
    const snapshot = loadSnapshot(write("once.json", JSON.stringify(valid())));
    // Already checked, and frozen so that it stays what was checked (a mutated snapshot must not be trusted).
    expect(() => ((snapshot as unknown as { surprise: boolean }).surprise = true)).toThrow(TypeError);
    expect(Object.isFrozen(snapshot.models[0]!.capabilities)).toBe(true);
    expect(() => createSelector(snapshot)).not.toThrow();
    // An object that was not checked (and can change) is validated.
    const copy = structuredClone(snapshot) as unknown as { surprise: boolean };
    copy.surprise = true;
    expect(() => createSelector(copy)).toThrow(SnapshotError);
  });
});

describe("loadSnapshot reads any UTF-8", () => {
  test("a snapshot with non-ASCII text loads with that text intact, as a pure-ASCII one does", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const pathModule = await import("node:path");
    const { loadSnapshot } = await import("../../src/selector/index.js");
    const { readFixture } = await import("../support/snapshots.js");
    const dir = mkdtempSync(pathModule.join(tmpdir(), "pr-utf8-"));
    const snapshot = readFixture("demo-register.json") as { models: { name: string }[] };
    const ascii = pathModule.join(dir, "ascii.json");
    writeFileSync(ascii, JSON.stringify(snapshot));
    snapshot.models[0]!.name = "智谱 GLM — “quoted” ✓";
    const utf8 = pathModule.join(dir, "utf8.json");
    writeFileSync(utf8, JSON.stringify(snapshot));
    expect(loadSnapshot(utf8).models[0]!.name).toBe("智谱 GLM — “quoted” ✓");
    expect(loadSnapshot(ascii).models[0]!.name).not.toBe("智谱 GLM — “quoted” ✓");
  });
});
