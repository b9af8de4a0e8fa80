// Determinism: one spelling per value, a hash over content but not time, and timestamps from SOURCE_DATE_EPOCH.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { readSettings } from "../../src/config/read-settings.js";
import { mergeModels } from "../../src/merge/merge-models.js";
import { sortDiagnostics, type Diagnostic } from "../../src/core/diagnostic.js";
import { resolvePolicy } from "../../src/policy/resolve-policy.js";
import type { ProbeOutcome } from "../../src/probe/probe-types.js";
import { planProbes } from "../../src/providers/plan-probes.js";
import { providerRuns } from "../../src/probe/provider-run.js";
import type { ProbeTarget } from "../../src/providers/plan-probes.js";
import { buildSnapshot as buildFromRuns, snapshotTime, type SnapshotInput } from "../../src/snapshot/build-snapshot.js";
import { canonicalChunks, canonicalJson, sortKeysDeep } from "../../src/snapshot/canonical-json.js";
import { contentHash, withoutTimestamps } from "../../src/snapshot/content-hash.js";
import { writeFileAtomic } from "../../src/snapshot/write-snapshot.js";
import { builtinDefinitions, configErrorOf } from "../support/inputs.js";

/** The same value with every object's keys inserted in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe("canonicalJson", () => {
  it.each([
    { name: "flat object", a: { b: 1, a: 2 }, b: { a: 2, b: 1 } },
    { name: "nested objects", a: { z: { y: 1, x: [1, 2] }, a: null }, b: { a: null, z: { x: [1, 2], y: 1 } } },
    {
      name: "objects inside arrays",
      a: [
        { b: 1, a: 2 },
        { d: 1, c: 2 },
      ],
      b: [
        { a: 2, b: 1 },
        { c: 2, d: 1 },
      ],
    },
    { name: "undefined members are left out", a: { a: 1, b: undefined }, b: { a: 1 } },
  ])("$name: insertion order does not matter", ({ a, b }) => {
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it.each([
    { name: "array order is kept", a: [1, 2], b: [2, 1] },
    { name: "values matter", a: { a: 1 }, b: { a: 2 } },
    { name: "null is not absent", a: { a: null }, b: {} },
  ])("$name", ({ a, b }) => {
    expect(canonicalJson(a)).not.toBe(canonicalJson(b));
  });

  it("is pretty-printed with two spaces, keys sorted, and ends with one newline", () => {
    expect(canonicalJson({ b: [1], a: { d: true, c: "x" } })).toBe(
      '{\n  "a": {\n    "c": "x",\n    "d": true\n  },\n  "b": [\n    1\n  ]\n}\n',
    );
  });

  it('keeps a "__proto__" key as data, as JSON.parse made it (found by the chunks property)', () => {
    const value = JSON.parse('{"b": 1, "__proto__": {"x": 2}, "": ""}') as unknown;
    expect(canonicalJson(value)).toBe('{\n  "": "",\n  "__proto__": {\n    "x": 2\n  },\n  "b": 1\n}\n');
    expect([...canonicalChunks(value, { pretty: true })].join("")).toBe(canonicalJson(value));
  });

  it("sorts keys by code unit, not by locale", () => {
    expect(Object.keys(sortKeysDeep({ b: 1, é: 0, B: 2, a: 3, _: 4 }) as object)).toEqual(["B", "_", "a", "b", "é"]);
  });

  it("property: insensitive to key insertion order, and idempotent", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

/** The stages' results with the plan's targets and the probes' outcomes in place of the run records. */
interface SnapshotParts extends Omit<SnapshotInput, "runs"> {
  readonly targets: readonly ProbeTarget[];
  readonly outcomes: ReadonlyMap<string, ProbeOutcome>;
}

const buildSnapshot = ({ targets, outcomes, ...rest }: SnapshotParts) =>
  buildFromRuns({ ...rest, runs: providerRuns(targets, outcomes) });

// A small but complete snapshot: four providers (ok, failed, skipped, no answer in time), models and policy from the real stages.
function parts(): SnapshotParts {
  const definitions = builtinDefinitions();
  const env = {
    KIMI_API_KEY: "sk-test-kimi",
    GLM_API_KEY: "glm-test",
    CUSTOM_API_URL: "http://127.0.0.1:8000/v1",
    KIMI_PREFERRED_MODELS: "kimi-k9",
  };
  const settings = readSettings(env, definitions);
  const targets = planProbes(definitions, env, settings);
  const outcomes = new Map<string, ProbeOutcome>([
    [
      "kimi",
      {
        status: "ok",
        models: [{ id: "kimi-k2-0905-preview", contextWindow: 262144 }, { id: "moonshot-v1-8k" }],
        reason: "listed 2 models",
        httpStatus: 200,
        attempts: 1,
        durationMs: 12,
        dropped: { invalid: 0, duplicates: 0 },
      },
    ],
    [
      "glm",
      {
        status: "failed",
        errorKind: "unauthorized",
        reason: "HTTP 401: the key was refused (unauthorized)",
        httpStatus: 401,
        attempts: 1,
        durationMs: 7,
      },
    ],
  ]);
  const merged = mergeModels({
    providers: [
      { id: "kimi", listed: (outcomes.get("kimi") as Extract<ProbeOutcome, { status: "ok" }>).models },
      { id: "glm" },
      { id: "custom" },
      { id: "openrouter" },
    ],
    catalog: new Map([
      [
        "glm",
        [
          {
            id: "glm-4.6",
            name: "GLM-4.6",
            status: "stable",
            tier: "flagship",
            contextWindow: 204800,
            maxOutput: 131072,
            capabilities: { vision: false, tools: true, reasoning: true, json: true, streaming: true },
            pricing: {
              currency: "USD",
              input: 0.6,
              output: 2.2,
              source: "https://docs.z.ai/guides/overview/pricing",
              asOf: "2026-01-01",
            },
          },
        ],
      ],
    ]),
  });
  const resolved = resolvePolicy(settings, merged.models, [
    { id: "custom" },
    { id: "glm", notProbedBecause: "probe failed" },
    { id: "kimi" },
    { id: "openrouter", notProbedBecause: "no API key" },
  ]);
  return {
    generatedAt: "2025-11-24T16:00:00Z",
    generatorVersion: "0.1.0",
    targets,
    outcomes,
    models: merged.models,
    policy: resolved.policy,
    diagnostics: [
      ...settings.diagnostics,
      ...merged.diagnostics,
      ...resolved.diagnostics,
      { level: "error", code: "PROBE_FAILED", provider: "glm", message: "glm: probe failed" },
    ],
  };
}

type Snapshot = ProviderRegistrySnapshot;
const clone = (s: Snapshot): Snapshot => structuredClone(s);

describe("buildSnapshot", () => {
  const snapshot = buildSnapshot(parts());

  it("lists providers sorted by id, each with its probe result", () => {
    expect(snapshot.providers.map((p) => [p.id, p.probe.status, p.probe.errorKind ?? null])).toEqual([
      ["custom", "failed", "timeout"],
      ["glm", "failed", "unauthorized"],
      ["kimi", "ok", null],
      ["openrouter", "skipped", null],
    ]);
  });

  it.each([
    {
      id: "kimi",
      probe: {
        status: "ok",
        reason: "listed 2 models",
        httpStatus: 200,
        attempts: 1,
        modelCount: 2,
        checkedAt: "2025-11-24T16:00:00Z",
      },
    },
    {
      id: "glm",
      probe: {
        status: "failed",
        errorKind: "unauthorized",
        reason: "HTTP 401: the key was refused (unauthorized)",
        httpStatus: 401,
        attempts: 1,
        modelCount: 0,
        checkedAt: "2025-11-24T16:00:00Z",
      },
    },
    { id: "openrouter", probe: { status: "skipped", reason: "no API key: set OPENROUTER_API_KEY", modelCount: 0 } },
    {
      id: "custom",
      probe: {
        status: "failed",
        errorKind: "timeout",
        reason: "not probed before the overall deadline",
        modelCount: 0,
      },
    },
  ])("$id's probe entry", ({ id, probe }) => {
    expect(snapshot.providers.find((p) => p.id === id)?.probe).toStrictEqual(probe);
  });

  it("names key variables, never key values", () => {
    const text = canonicalJson(snapshot);
    expect(snapshot.providers.find((p) => p.id === "kimi")?.apiKeyVariable).toBe("KIMI_API_KEY");
    expect(text).not.toContain("sk-test-kimi");
    expect(text).not.toContain("glm-test");
  });

  it("sorts models by provider then id, and diagnostics errors first", () => {
    const keys = snapshot.models.map((m) => `${m.provider}/${m.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(snapshot.diagnostics[0]?.level).toBe("error");
    expect(snapshot.diagnostics).toEqual(sortDiagnostics(snapshot.diagnostics));
  });

  it("gives the same bytes whatever order the parts come in", () => {
    const p = parts();
    const shuffled: SnapshotParts = {
      ...p,
      targets: [...p.targets].reverse(),
      models: [...p.models].reverse().map((m) => reverseKeys(m) as Model),
      diagnostics: [...p.diagnostics].reverse(),
      outcomes: new Map([...p.outcomes].reverse()),
    };
    expect(canonicalJson(buildSnapshot(shuffled))).toBe(canonicalJson(snapshot));
  });

  it("has a contentHash over the rest of the snapshot", () => {
    expect(snapshot.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const { contentHash: hash, ...rest } = snapshot;
    expect(contentHash(rest)).toBe(hash);
    // The hash field itself does not feed the hash.
    expect(contentHash({ ...snapshot, contentHash: "sha256:other" })).toBe(hash);
  });
});

describe("contentHash", () => {
  const base = buildSnapshot(parts());
  const hash = contentHash(base);
  const kimiModel = (s: Snapshot) => s.models.find((m) => m.provider === "kimi" && m.id === "kimi-k2-0905-preview")!;

  it.each([
    { name: "generatedAt", change: (s: Snapshot) => void (s.generatedAt = "2030-01-01T00:00:00Z") },
    {
      name: "a provider's checkedAt",
      change: (s: Snapshot) =>
        void (s.providers.find((p) => p.id === "kimi")!.probe.checkedAt = "2030-01-01T00:00:00Z"),
    },
    {
      name: "a model's lastVerifiedAt",
      change: (s: Snapshot) => void (kimiModel(s).lastVerifiedAt = "2030-01-01T00:00:00Z"),
    },
    { name: "the contentHash field", change: (s: Snapshot) => void (s.contentHash = "sha256:0") },
    { name: "key order", change: (s: Snapshot) => Object.assign(s, reverseKeys(s)) },
  ])("ignores $name", ({ change }) => {
    const changed = clone(base);
    change(changed);
    expect(contentHash(changed)).toBe(hash);
  });

  it.each([
    { name: "contextWindow", change: (s: Snapshot) => void (kimiModel(s).contextWindow = 131072) },
    { name: "maxOutput", change: (s: Snapshot) => void (kimiModel(s).maxOutput = 1) },
    {
      name: "a capability",
      change: (s: Snapshot) => void (kimiModel(s).capabilities.vision = !kimiModel(s).capabilities.vision),
    },
    { name: "availability", change: (s: Snapshot) => void (kimiModel(s).availability = "not_listed") },
    { name: "an alias", change: (s: Snapshot) => void kimiModel(s).aliases.push("kimi-k2-new") },
    { name: "the name", change: (s: Snapshot) => void (kimiModel(s).name = "Renamed") },
    { name: "freeTier", change: (s: Snapshot) => void (kimiModel(s).freeTier = !kimiModel(s).freeTier) },
    {
      name: "status",
      change: (s: Snapshot) =>
        void (kimiModel(s).status = kimiModel(s).status === "deprecated" ? "stable" : "deprecated"),
    },
    { name: "tier", change: (s: Snapshot) => void (kimiModel(s).tier = "fast") },
    { name: "kind", change: (s: Snapshot) => void (kimiModel(s).kind = "embedding") },
    { name: "a fact's source", change: (s: Snapshot) => void (kimiModel(s).sources.contextWindow = "catalog") },
    {
      name: "a price",
      change: (s: Snapshot) => void (s.models.find((m) => m.id === "glm-4.6")!.pricing!.input = 0.61),
    },
    {
      name: "pricing removed",
      change: (s: Snapshot) => void (s.models.find((m) => m.id === "glm-4.6")!.pricing = null),
    },
    { name: "a model removed", change: (s: Snapshot) => void s.models.pop() },
    { name: "model order", change: (s: Snapshot) => void s.models.reverse() },
    {
      name: "a probe's status",
      change: (s: Snapshot) => void (s.providers.find((p) => p.id === "glm")!.probe.status = "ok"),
    },
    { name: "the policy", change: (s: Snapshot) => void (s.policy.costAwareRouting = !s.policy.costAwareRouting) },
    { name: "a diagnostic", change: (s: Snapshot) => void s.diagnostics.pop() },
    { name: "the schema version", change: (s: Snapshot) => void (s.schemaVersion = "1.0.1") },
  ])("changes with $name", ({ change }) => {
    const changed = clone(base);
    change(changed);
    expect(contentHash(changed)).not.toBe(hash);
  });

  it("does not modify the snapshot it hashes", () => {
    const copy = clone(base);
    contentHash(copy);
    expect(copy).toEqual(base);
  });
});

describe("snapshotTime", () => {
  const NOW = Date.parse("2026-03-01T10:20:30.456Z");
  it.each([
    { name: "SOURCE_DATE_EPOCH", epoch: "1764000000", expected: "2025-11-24T16:00:00Z" },
    { name: "SOURCE_DATE_EPOCH with spaces", epoch: " 1764000000 ", expected: "2025-11-24T16:00:00Z" },
    { name: "SOURCE_DATE_EPOCH 0", epoch: "0", expected: "1970-01-01T00:00:00Z" },
    { name: "fractional SOURCE_DATE_EPOCH is floored", epoch: "1764000000.999", expected: "2025-11-24T16:00:00Z" },
    { name: "unset: now, whole seconds", epoch: undefined, expected: "2026-03-01T10:20:30Z" },
    { name: "blank: now, whole seconds", epoch: "  ", expected: "2026-03-01T10:20:30Z" },
  ])("$name → $expected", ({ epoch, expected }) => {
    const time = snapshotTime(epoch, () => NOW);
    expect(time).toBe(expected);
    expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("property: any epoch second gives a whole-second UTC time that reads back to itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253402300799 }), (seconds) => {
        const time = snapshotTime(String(seconds), () => 0);
        expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(Date.parse(time) / 1000).toBe(seconds);
      }),
    );
  });

  it.each(["yesterday", "1764000000s", "1e20", "NaN", "Infinity"])(
    "SOURCE_DATE_EPOCH=%j is a ConfigError naming the variable",
    (epoch) => {
      const error = configErrorOf(() => snapshotTime(epoch, () => NOW));
      expect(error.at.variable).toBe("SOURCE_DATE_EPOCH");
      expect(error.message).toContain("SOURCE_DATE_EPOCH");
    },
  );
});

describe("sortDiagnostics", () => {
  const d = (level: Diagnostic["level"], code: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
    level,
    code,
    message: `${code} message`,
    ...extra,
  });

  it.each([
    {
      name: "errors, then warnings, then notes",
      input: [d("info", "A"), d("warning", "B"), d("error", "C")],
      expected: ["error C", "warning B", "info A"],
    },
    {
      name: "within a level, by provider first",
      input: [d("warning", "A", { provider: "kimi" }), d("warning", "Z", { provider: "glm" })],
      expected: ["warning Z", "warning A"],
    },
    {
      name: "no provider sorts before any provider",
      input: [d("warning", "A", { provider: "glm" }), d("warning", "Z")],
      expected: ["warning Z", "warning A"],
    },
    { name: "then by code", input: [d("warning", "B"), d("warning", "A")], expected: ["warning A", "warning B"] },
    {
      name: "then by variable",
      input: [d("warning", "A", { variable: "Y", message: "1" }), d("warning", "A", { variable: "X", message: "2" })],
      expected: ["warning A X", "warning A Y"],
    },
  ])("$name", ({ input, expected }) => {
    expect(sortDiagnostics(input).map((x) => [x.level, x.code, x.variable].filter(Boolean).join(" "))).toEqual(
      expected,
    );
  });

  it("property: the order does not depend on the input order", () => {
    const diagnostic = fc.record({
      level: fc.constantFrom("error", "warning", "info"),
      code: fc.constantFrom("A", "B"),
      variable: fc.option(fc.constantFrom("X", "Y"), { nil: undefined }),
      provider: fc.option(fc.constantFrom("glm", "kimi"), { nil: undefined }),
      model: fc.option(fc.constantFrom("m1", "m2"), { nil: undefined }),
      message: fc.constantFrom("one", "two"),
    });
    fc.assert(
      fc.property(
        fc
          .array(diagnostic, { maxLength: 12 })
          .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          expect(canonicalJson(sortDiagnostics(shuffled as Diagnostic[]))).toBe(
            canonicalJson(sortDiagnostics(list as Diagnostic[])),
          );
        },
      ),
    );
  });
});

describe("canonicalChunks: the snapshot in pieces, never one string", () => {
  const join = (value: unknown, pretty: boolean) => [...canonicalChunks(value, { pretty })].join("");
  /** What contentHash was before it streamed: one compact string, hashed at once. */
  const oneStringHash = (snapshot: Snapshot) =>
    `sha256:${createHash("sha256")
      .update(JSON.stringify(sortKeysDeep(withoutTimestamps(snapshot))))
      .digest("hex")}`;

  /** Everything that could tell the two paths apart: escapes, line separators, astral characters, integer-like and odd keys, empty containers, undefined members, nesting past the walked depth. */
  function trickySnapshot(): Snapshot {
    const s = clone(buildSnapshot(parts()));
    const m = s.models[0]!;
    m.name = 'quote " backslash \\ newline \n tab \t nul \u0000 line sep \u2028 para \u2029 astral 😀 lone \ud800 é';
    m.aliases = [];
    (s.policy.providers as Record<string, unknown>)["10"] = { z: [], a: {}, "9": [[], [{}]], "": null };
    (s.policy.providers as Record<string, unknown>)["9"] = { b: undefined, a: -0, big: 1e21, small: 5e-324 };
    (s as unknown as Record<string, unknown>).extra = {
      "key\nwith\u2028breaks": "v",
      undefinedMember: undefined,
      nested: { deeper: { deepest: [1, "two", null, true] } },
    };
    (s as unknown as Record<string, unknown>).empty = {};
    // Integer-like keys where the pieces are cut (the top level): an object puts them first, in numeric order.
    (s as unknown as Record<string, unknown>)["10"] = "ten";
    (s as unknown as Record<string, unknown>)["9"] = { "2": 2, "10": 10 };
    (s as unknown as Record<string, unknown>).list = [undefined, () => 1, { b: 2, a: 1 }];
    return reverseKeys(s) as Snapshot;
  }

  it("joined, pretty: byte for byte canonicalJson (the one-string path) on a tricky snapshot", () => {
    const s = trickySnapshot();
    expect(join(s, true)).toBe(canonicalJson(s));
  });

  it("joined, compact: byte for byte JSON.stringify(sortKeysDeep(value))", () => {
    const s = trickySnapshot();
    expect(join(s, false)).toBe(JSON.stringify(sortKeysDeep(s)));
  });

  it("contentHash, fed in pieces, equals the hash of the one compact string", () => {
    const plain = buildSnapshot(parts());
    expect(contentHash(plain)).toBe(oneStringHash(plain));
    const tricky = trickySnapshot();
    expect(contentHash(tricky)).toBe(oneStringHash(tricky));
  });

  it("property: for any JSON value, both forms join to the one-string output", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(join(value, true)).toBe(canonicalJson(value));
        expect(join(value, false)).toBe(JSON.stringify(sortKeysDeep(value)));
      }),
      { numRuns: 500 },
    );
  });

  it("writeFileAtomic of the pieces writes the same bytes as of the one string", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "canonical-chunks-"));
    try {
      const s = trickySnapshot();
      // Many models, so that the pieces cross the writer's 1 MiB batches.
      s.models = Array.from({ length: 4000 }, (_, i) => ({ ...s.models[i % s.models.length]!, id: `model-${i}` }));
      await writeFileAtomic(path.join(dir, "pieces.json"), canonicalChunks(s, { pretty: true }));
      const text = canonicalJson(s);
      expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
      expect(await readFile(path.join(dir, "pieces.json"), "utf8")).toBe(text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a value with no JSON form is refused, as JSON.stringify would give nothing", () => {
    expect(() => join(undefined, true)).toThrow(TypeError);
  });
});
