// What the commands print for hostile snapshots and settings — escaped control characters, a diff that
// agrees with the content hash, own-property lookups, huge snapshots without stack overflows, a closed pipe, and
// the selector's { model } cache.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { compareSnapshots } from "../../src/compare/compare-snapshots.js";
import { markdownReport, textReport } from "../../src/compare/format-changes.js";
import { packageRoot } from "../../src/core/package-root.js";
import { createSelector, renderTrace, type TraceEntry } from "../../src/selector/index.js";
import { contentHash } from "../../src/snapshot/content-hash.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";
import { readJson } from "../support/inputs.js";

const tempDir = useTempDirs();
const BASE = readJson<ProviderRegistrySnapshot>("test/fixtures/snapshots/demo-register.json");
const BIN = path.join(packageRoot, "dist", "src", "cli", "bin.js");
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function files(cwd: string, named: Record<string, unknown>): Promise<void> {
  for (const [name, data] of Object.entries(named))
    await writeFile(path.join(cwd, name), typeof data === "string" ? data : JSON.stringify(data));
}

const byKey = (a: Model, b: Model) =>
  a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

describe("control characters are escaped in every human-readable output", () => {
  const ESC = "\u001b[2J\u001b[31mwiped\u0007\u009b";

  it("diff (text and Markdown) escapes a diagnostic's and a name's control characters", async () => {
    const cwd = await tempDir();
    const after = structuredClone(BASE);
    after.diagnostics.push({ level: "warning", code: "HOSTILE", message: `look ${ESC}` });
    after.models[0]!.name = `Name ${ESC}`;
    await files(cwd, { "old.json": BASE, "new.json": after });
    for (const flags of [[], ["--markdown"]]) {
      const run = await runCli(["diff", "old.json", "new.json", ...flags], { cwd });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("HOSTILE");
      expect(run.stdout).not.toMatch(CONTROL);
      expect(run.stdout).toContain(flags.length === 0 ? "\\u001b[2J" : "\\u001b");
    }
    const json = await runCli(["diff", "old.json", "new.json", "--json"], { cwd });
    expect(
      JSON.parse(json.stdout).changes.some((c: { after: { message?: string } }) => c.after?.message === `look ${ESC}`),
    ).toBe(true);
  });

  it("validate escapes a file name's control characters", async () => {
    const cwd = await tempDir();
    const name = "snap\u001b[2J.json";
    await files(cwd, { [name]: BASE });
    const run = await runCli(["validate", name, "missing\u001b]0;title\u0007.json"], { cwd });
    expect(run.stdout + run.stderr).not.toMatch(CONTROL);
    expect(run.stdout).toContain("snap\\u001b[2J.json: valid");
  });

  it("register escapes environment values echoed in warnings and errors", async () => {
    const cwd = await tempDir();
    const warned = await runCli(["register", "--quiet"], {
      cwd,
      env: { KIMI_PREFERRED_MODELS: `kimi-x${ESC}`, KIMI_API_KEY: "kimi-test-key-123456" },
    });
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toContain("KIMI_PREFERRED_MODELS");
    expect(warned.stderr).not.toMatch(CONTROL);
    const failed = await runCli(["register", "--quiet"], { cwd, env: { ENABLE_CUSTOM: `maybe${ESC}` } });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("ENABLE_CUSTOM");
    expect(failed.stderr).not.toMatch(CONTROL);
  });

  it("select and select --explain print no control character from the snapshot", async () => {
    const cwd = await tempDir();
    const s = structuredClone(BASE);
    for (const m of s.models) m.name = `${m.name} ${ESC}`;
    for (const p of s.providers) p.probe.reason = `${p.probe.reason} ${ESC}`;
    s.diagnostics.push({ level: "info", code: "HOSTILE", message: ESC });
    await files(cwd, { "s.json": s });
    for (const flags of [["--explain"], ["--json"], ["--model", "no-such-model", "--explain"]]) {
      const run = await runCli(["select", "--snapshot", "s.json", ...flags], { cwd });
      expect(run.stdout + run.stderr).not.toMatch(CONTROL);
    }
  });
});

describe("diff finds a change exactly when the content hashes differ", () => {
  const reorderings: [string, (s: ProviderRegistrySnapshot) => void][] = [
    ["models reordered", (s) => s.models.reverse()],
    ["diagnostics reordered", (s) => s.diagnostics.reverse()],
    ["a model's aliases reordered", (s) => s.models.find((m) => m.aliases.length > 1)!.aliases.reverse()],
    ["providers reordered", (s) => s.providers.reverse()],
  ];
  for (const [what, change] of reorderings) {
    it(`${what}: not "No changes"`, async () => {
      const before = structuredClone(BASE);
      before.diagnostics.push(
        { level: "info", code: "FIRST", message: "one" },
        { level: "info", code: "SECOND", message: "another, so that there is an order" },
      );
      const after = structuredClone(before);
      change(after);
      expect(contentHash(after)).not.toBe(contentHash(before));
      expect(compareSnapshots(before, after).length).toBeGreaterThan(0);
      const cwd = await tempDir();
      await files(cwd, { "old.json": before, "new.json": after });
      const run = await runCli(["diff", "old.json", "new.json"], { cwd });
      expect(run.stdout).not.toContain("No changes");
    });
  }

  const START: ProviderRegistrySnapshot = {
    ...BASE,
    diagnostics: ["A", "B", "C"].map((code) => ({ level: "warning" as const, code, message: `diagnostic ${code}` })),
  };
  it("property: changes are found exactly when the hashes differ, under any shuffle of the lists", () => {
    const shuffled = <T>(list: readonly T[], keys: readonly number[]) =>
      list
        .map((x, i) => [keys[i % keys.length]! + i / 1e6, x] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, x]) => x);
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: 0, max: 1 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 3 }),
        (keys, which) => {
          const after = structuredClone(START);
          if (which === 0) after.models = shuffled(after.models, keys);
          if (which === 1) after.diagnostics = shuffled(after.diagnostics, keys);
          if (which === 2) for (const m of after.models) m.aliases = shuffled(m.aliases, keys);
          if (which === 3) after.policy.providerPriority = shuffled(after.policy.providerPriority, keys);
          expect(compareSnapshots(START, after).length > 0).toBe(contentHash(after) !== contentHash(START));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("identical files: No changes", async () => {
    const cwd = await tempDir();
    await files(cwd, { "old.json": BASE, "new.json": BASE });
    expect((await runCli(["diff", "old.json", "new.json"], { cwd })).stdout).toBe("No changes.\n");
  });

  it("allow-lists are compared without regard to case, as the selector reads them", () => {
    const before = structuredClone(BASE);
    const glm = before.models.find((m) => m.provider === "glm" && m.kind === "chat")!;
    before.policy.providers.glm!.allowedModels = [glm.id];
    const after = structuredClone(before);
    after.policy.providers.glm!.allowedModels = [glm.id.toUpperCase()];
    const changes = compareSnapshots(before, after);
    expect(changes.filter((c) => c.breaking)).toEqual([]);
    expect(changes.some((c) => c.kind === "model_disallowed")).toBe(false);
    // The spelling did change, and so did the hash: a change is reported, not a breaking one.
    expect(changes.map((c) => c.kind)).toEqual(["policy_changed"]);
    expect(createSelector(after).select({ model: glm.id }).model).toBe(glm.id);
  });
});

describe("a provider named like an Object.prototype property", () => {
  function withProvider(id: string): ProviderRegistrySnapshot {
    const s = structuredClone(BASE);
    const template = s.providers.find((p) => p.id === "custom")!;
    s.providers.push({ ...structuredClone(template), id, displayName: id });
    s.providers.sort((a, b) => (a.id < b.id ? -1 : 1));
    const model = structuredClone(s.models.find((m) => m.kind === "chat" && m.availability === "listed")!);
    s.models.push({ ...model, provider: id, id: "proto-model", aliases: [] });
    s.models.sort(byKey);
    return s;
  }
  for (const id of ["constructor", "tostring", "valueof", "hasownproperty", "isprototypeof"]) {
    it(`${id}: select, createSelector, explain and diff work`, async () => {
      const s = withProvider(id);
      const selector = createSelector(s);
      expect(selector.select({ provider: id }).model).toBe("proto-model");
      expect(selector.explain({ provider: id })).toContain("proto-model");
      const cwd = await tempDir();
      await files(cwd, { "s.json": s, "base.json": BASE });
      const select = await runCli(["select", "--snapshot", "s.json", "--provider", id, "--explain"], { cwd });
      expect(select.code, select.stderr).toBe(0);
      for (const [a, b] of [
        ["base.json", "s.json"],
        ["s.json", "base.json"],
      ]) {
        const diff = await runCli(["diff", a!, b!], { cwd });
        expect(diff.code, diff.stderr).toBe(0);
        expect(diff.stdout).toContain(id);
      }
    });
  }
});

describe("the { model } cache answers only requests that name nothing else", () => {
  const s = BASE;
  // Written in lower case, as the cache keys names.
  const plain = s.models.find(
    (m) => m.kind === "chat" && m.availability === "listed" && !m.capabilities.vision && m.id === m.id.toLowerCase(),
  )!;
  const hidden = (extra: Record<string, unknown>, how: "getter" | "non-enumerable" | "class getter") => {
    if (how === "class getter") {
      class Request {
        model = plain.id;
        get requires() {
          return extra.requires;
        }
        get exclude() {
          return extra.exclude;
        }
      }
      return new Request();
    }
    const request: Record<string, unknown> = { model: plain.id };
    for (const [key, value] of Object.entries(extra)) {
      Object.defineProperty(
        request,
        key,
        how === "getter" ? { get: () => value, enumerable: false } : { value, enumerable: false },
      );
    }
    return request;
  };
  for (const how of ["getter", "non-enumerable", "class getter"] as const) {
    it(`requires as a ${how} is checked even when the name is cached`, () => {
      const selector = createSelector(s);
      expect(selector.select({ model: plain.id }).model).toBe(plain.id);
      expect(() => selector.select(hidden({ requires: { vision: true } }, how) as never)).toThrow(
        /vision|requirement|cannot be used/i,
      );
      expect(selector.select({ model: plain.id }).model).toBe(plain.id);
      expect(() => selector.select(hidden({ exclude: [plain.id] }, how) as never)).toThrow();
    });
  }
});

describe("200,000 models: no stack overflow in explain, select --explain or diff", () => {
  const COUNT = 200_000;
  let big: ProviderRegistrySnapshot;
  let dir: string;
  beforeAll(async () => {
    const template = BASE.models.find((m) => m.provider === "custom" && m.kind === "chat")!;
    const bulk = Array.from({ length: COUNT }, (_, i) => ({
      ...template,
      id: `bulk-${String(i).padStart(6, "0")}`,
      aliases: [],
    }));
    big = { ...BASE, models: [...BASE.models, ...bulk].sort(byKey) };
    dir = await mkdtemp(path.join(tmpdir(), "provider-registry-big-"));
    await files(dir, { "big.json": big, "base.json": BASE });
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("renderTrace, the library's explain() and textReport/markdownReport", () => {
    const trace: TraceEntry[] = Array.from({ length: COUNT }, (_, i) => ({
      model: `m${i}`,
      provider: "p",
      outcome: "dropped",
      rule: "not_listed",
      detail: "x",
    }));
    expect(renderTrace(trace)).toHaveLength(COUNT + 2);
    const text = createSelector(big).explain({ provider: "custom" });
    expect(text.split("\n").length).toBeGreaterThan(COUNT);
    const changes = compareSnapshots(big, BASE);
    expect(changes.length).toBeGreaterThanOrEqual(COUNT);
    expect(textReport(changes).length).toBeGreaterThan(COUNT);
    expect(markdownReport(changes).length).toBeGreaterThan(COUNT);
  }, 120_000);

  it("select --explain and diff on the command line", async () => {
    const select = await runCli(["select", "--snapshot", "big.json", "--provider", "custom", "--explain"], {
      cwd: dir,
    });
    expect(select.code, select.stderr).toBe(0);
    const diff = await runCli(["diff", "big.json", "base.json"], { cwd: dir });
    expect(diff.code, diff.stderr.slice(0, 500)).toBe(0);
    expect(diff.stdout).toContain(`Breaking changes (${COUNT}`);
  }, 120_000);

  it("output piped into a reader that stops (head) ends quietly, without an EPIPE stack trace", async () => {
    const child = spawn(
      process.execPath,
      [BIN, "select", "--snapshot", "big.json", "--provider", "custom", "--explain"],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code).toBe(0);
  }, 120_000);
});

describe("--env-file is ours, not Node's", () => {
  it("a missing --env-file run through the bin is exit 2 with our message", async () => {
    const cwd = await tempDir();
    const child = spawn(BIN, ["register", "--env-file", "missing.env"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).toMatch(/^provider-registry: cannot read env file .*missing\.env/);
    expect(code).toBe(2);
  }, 60_000);
});

describe("register --check says why the file on disk cannot be compared, escaped", () => {
  it("a file on disk that is not JSON, with an escape sequence in it", async () => {
    const cwd = await tempDir();
    await files(cwd, { "provider_registry_snapshot.json": "{\u001b[2J not json" });
    const run = await runCli(["register", "--check"], { cwd, env: {} });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not JSON/);
    expect(run.stderr).not.toMatch(CONTROL);
  });
});
