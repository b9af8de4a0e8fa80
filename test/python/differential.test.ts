// TypeScript and Python, value for value: random requests over the conformance snapshots, over a snapshot
// registered just now from the recorded real provider answers (the demo), and over random policy and fact variants
// of them; the answer (what `select --json` prints) and the explanation must be the same, and both selectors must
// accept or refuse the same damaged snapshots with the same code.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { main } from "../../src/cli/main.js";
import { packageRoot } from "../../src/core/package-root.js";
import { checkSnapshot, createSelector, loadSnapshot, SelectionError, SnapshotError, type Selector } from "../../src/selector/index.js";
import { junk, mutated } from "../support/arbitraries.js";
import { pythonEnv, pythonOrSkip, PYTHON_DIR } from "../support/python.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
// DIFFERENTIAL_SEED picks another sample: the same check on requests and snapshots this file never saw.
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20261201);
const CONFORMANCE = path.join(packageRoot, "conformance", "snapshots");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "differential-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the Python driver once over every command; one answer per command, in order. */
async function python(bin: string, commands: readonly object[]): Promise<unknown[]> {
  const child = spawn(bin, [path.join(PYTHON_DIR, "tests", "driver.py")], { env: pythonEnv(), stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (t: string) => void (stdout += t));
  child.stderr.setEncoding("utf8").on("data", (t: string) => void (stderr += t));
  child.stdin.on("error", () => {}); // a driver that died is reported below, with its stderr
  child.stdin.end(commands.map((c) => JSON.stringify(c)).join("\n") + "\n");
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr, "the Python driver wrote to stderr").toBe("");
  expect(code).toBe(0);
  return stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as unknown);
}

function tsAnswer(selector: Selector, request: unknown, absent: boolean): { answer: unknown; explain: string } {
  const args = (absent ? [] : [request]) as [never];
  let answer: unknown;
  try {
    answer = JSON.parse(JSON.stringify(selector.select(...args)));
  } catch (error) {
    if (!(error instanceof SelectionError)) throw error;
    answer = JSON.parse(JSON.stringify(error));
  }
  return { answer, explain: selector.explain(...args) };
}

// ---- random requests, built from the names a snapshot has (and some it has not) -------------------------------

function names(snapshot: ProviderRegistrySnapshot): string[] {
  return [...new Set(snapshot.models.flatMap((m) => [m.id, ...m.aliases]))];
}

const recase = (name: string, how: number) => (how === 1 ? name.toUpperCase() : how === 2 ? name.replace(/^./, (c) => c.toUpperCase()) : name);

function requestArb(snapshot: ProviderRegistrySnapshot): fc.Arbitrary<{ request: Json; absent: boolean }> {
  const known = names(snapshot);
  const providers = [...new Set([...snapshot.providers.map((p) => p.id), ...snapshot.models.map((m) => m.provider)])];
  const name = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...(known.length ? known : ["none"])), fc.nat(2)).map(([n, how]) => recase(n, how)), weight: 6 },
    { arbitrary: fc.constantFrom("auto", "AUTO", "ghost-model", "glm", "kimi-k", "x"), weight: 2 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
    // Astral characters and lone surrogates: lengths, case and JSON as JavaScript sees them.
    { arbitrary: fc.string({ unit: "binary", maxLength: 6 }), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...(known.length ? known : ["none"])), fc.string({ unit: "binary", maxLength: 2 })).map(([n, tail]) => n.slice(0, 3) + tail), weight: 1 },
  );
  const requires = fc.record(
    {
      vision: fc.boolean(),
      tools: fc.boolean(),
      reasoning: fc.boolean(),
      json: fc.boolean(),
      minContext: fc.oneof(fc.constantFrom(0, 1, 8192, 32000, 32001, 32768, 100000, 128000, 128001, 200000, 200001, 1000000, 0.5), fc.nat(2_000_000)),
      minOutput: fc.oneof(fc.constantFrom(0, 1, 4096, 8192, 16000, 65536), fc.nat(200_000)),
    },
    { requiredKeys: [] },
  );
  const valid = fc.record(
    {
      model: name,
      category: fc.constantFrom("fast_response", "balanced", "extended_reasoning"),
      provider: fc.tuple(fc.constantFrom(...(providers.length ? providers : ["none"])), fc.nat(1)).map(([p, how]) => recase(p, how)),
      requires,
      exclude: fc.array(name, { maxLength: 4 }),
    },
    { requiredKeys: [] },
  );
  const invalid = fc.oneof(
    junk,
    fc.record({ category: fc.oneof(fc.string({ maxLength: 20 }), junk) }),
    fc.record({ requires: fc.dictionary(fc.constantFrom("vision", "minContext", "minOutput", "tools", "minContex"), junk, { maxKeys: 3 }) }),
    fc.record({ model: junk, provider: fc.oneof(fc.string({ maxLength: 8 }), junk) }, { requiredKeys: [] }),
    fc.record({ exclude: fc.oneof(junk, fc.array(fc.oneof(name, junk), { maxLength: 3 })) }),
    fc.dictionary(fc.string({ maxLength: 6 }), junk, { maxKeys: 3 }),
  );
  return fc.oneof(
    { arbitrary: valid.map((request) => ({ request: request as Json, absent: false })), weight: 8 },
    { arbitrary: invalid.map((request) => ({ request: request as Json, absent: false })), weight: 2 },
    { arbitrary: fc.constant({ request: null, absent: true }), weight: 1 },
  );
}

// ---- random valid snapshots: policy and facts varied over real ones ----------------------------------------------

function variantArb(base: ProviderRegistrySnapshot): fc.Arbitrary<ProviderRegistrySnapshot> {
  const known = names(base);
  const providers = [...new Set([...base.providers.map((p) => p.id), ...base.models.map((m) => m.provider)])];
  const nameList = fc.array(fc.oneof(fc.constantFrom(...known), fc.constantFrom("ghost", "GHOST"), fc.constantFrom(...known).map((n) => n.toUpperCase())), { maxLength: 4 });
  const price = fc.oneof(fc.constant(null), fc.record({ input: fc.constantFrom(0, 0.1, 0.6, 1.15, 2, 15, 0.12345), output: fc.constantFrom(0, 0.4, 2.2, 2.5, 8, 10, 60, 0.98765) }));
  const facts = fc.record({
    availability: fc.constantFrom<Model["availability"]>("listed", "listed", "listed", "stale", "unverified", "not_listed"),
    status: fc.constantFrom<Model["status"]>("stable", "stable", "preview", "deprecated"),
    tier: fc.constantFrom<Model["tier"]>("fast", "standard", "flagship"),
    movingAlias: fc.boolean(),
    freeTier: fc.boolean(),
    contextWindow: fc.oneof(fc.constant(null), fc.constantFrom(8192, 32768, 128000, 131072, 200000, 1000000)),
    maxOutput: fc.oneof(fc.constant(null), fc.constantFrom(4096, 8192, 16384, 65536)),
    vision: fc.boolean(),
    tools: fc.boolean(),
    reasoning: fc.boolean(),
    json: fc.boolean(),
    price,
    // Schema 2.0 facts the ranking reads: undescribed models, :free and :batch variants, routers, long-context tiers.
    described: fc.constantFrom<boolean | undefined>(undefined, undefined, true, false),
    variant: fc.constantFrom<string | null>(null, null, null, "free", "batch", "extended"),
    router: fc.constantFrom(false, false, false, false, true),
    routing: fc.constantFrom<"merit" | "by_name" | undefined>(undefined, undefined, undefined, "merit", "by_name"),
    tiers: fc.oneof(
      fc.constant([] as { above: number; input: number; output: number }[]),
      fc.array(fc.record({ above: fc.constantFrom(32000, 128000, 200000), input: fc.constantFrom(0.5, 1, 3, 6), output: fc.constantFrom(1, 4, 12, 22.5) }), { maxLength: 2 }),
    ),
    keep: fc.boolean(),
  });
  const perProvider = fc.record({
    allowedModels: fc.oneof(fc.constant(null), nameList),
    preferredModels: nameList,
    fast_response: nameList,
    balanced: nameList,
    extended_reasoning: nameList,
    defaultModel: fc.oneof(fc.constant(null), fc.constantFrom(...known, "ghost")),
  });
  return fc
    .record({
      priority: fc.shuffledSubarray(providers),
      allowed: fc.oneof(fc.constant(null), fc.subarray(providers)),
      disabled: fc.subarray(providers, { maxLength: 1 }),
      defaultModel: fc.oneof(fc.constant(null), fc.tuple(fc.constantFrom(...known, "ghost"), fc.constantFrom(...providers))),
      routeUnverified: fc.boolean(),
      costAwareRouting: fc.boolean(),
      freeTierPreference: fc.boolean(),
      reasonableOutputPrice: fc.constantFrom(0, 1, 2.2, 2.5, 10, 100),
      facts: fc.array(facts, { minLength: base.models.length, maxLength: base.models.length }),
      policies: fc.array(perProvider, { minLength: providers.length, maxLength: providers.length }),
    })
    .map((v) => {
      const s = structuredClone(base);
      s.models.forEach((m, i) => {
        const f = v.facts[i]!;
        if (f.keep) return;
        Object.assign(m, { availability: f.availability, status: f.status, tier: f.tier, movingAlias: f.movingAlias, freeTier: f.freeTier, contextWindow: f.contextWindow, maxOutput: f.maxOutput });
        m.capabilities = { ...m.capabilities, vision: f.vision, tools: f.tools, reasoning: f.reasoning, json: f.json };
        m.pricing = f.price === null ? null : { currency: "USD", unit: "per_million_tokens", input: f.price.input, output: f.price.output, source: "catalog" };
        if (f.availability === "stale") m.lastVerifiedAt = "2026-01-01T00:00:00Z";
        else delete m.lastVerifiedAt;
        if (f.described === undefined) delete m.described;
        else m.described = f.described;
        if (f.variant === null) delete m.variant;
        else m.variant = { of: m.id.replace(/:.*$/, ""), tag: f.variant };
        if (f.router) m.kind = "router";
        if (f.routing === undefined) delete m.routing;
        else m.routing = f.routing;
        if (m.pricing !== null && f.tiers.length > 0) {
          const tiers = [...f.tiers].sort((a, b) => a.above - b.above).map((t) => ({ aboveInputTokens: t.above, input: t.input, output: t.output }));
          m.pricing = { ...m.pricing, tiers } as typeof m.pricing;
        }
      });
      Object.assign(s.policy, {
        providerPriority: v.priority,
        allowedProviders: v.allowed,
        disabledProviders: v.disabled,
        defaultModel: v.defaultModel && { model: v.defaultModel[0], provider: v.defaultModel[1] },
        routeUnverified: v.routeUnverified,
        costAwareRouting: v.costAwareRouting,
        freeTierPreference: v.freeTierPreference,
        reasonableOutputPrice: v.reasonableOutputPrice,
      });
      providers.forEach((id, i) => {
        const p = v.policies[i]!;
        s.policy.providers[id] = {
          allowedModels: p.allowedModels,
          preferredModels: p.preferredModels,
          preferredByCategory: { fast_response: p.fast_response, balanced: p.balanced, extended_reasoning: p.extended_reasoning },
          defaultModel: p.defaultModel,
        };
      });
      return s;
    });
}

const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as ProviderRegistrySnapshot;

async function registeredDemo(): Promise<string> {
  const file = path.join(dir, "registered-demo.json");
  const code = await main(["demo", "--out", file], { stdout: () => {}, stderr: () => {}, env: { SOURCE_DATE_EPOCH: "1764000000" }, cwd: dir });
  expect(code).toBe(0);
  return file;
}

describe("differential: the Python selector answers as the TypeScript one", () => {
  it("on random requests over the conformance snapshots, a freshly registered demo and random variants of them", { timeout: 240_000 }, async (context) => {
    const bin = pythonOrSkip(context);
    const files = readdirSync(CONFORMANCE).filter((f) => f.endsWith(".json")).map((f) => path.join(CONFORMANCE, f));
    files.push(await registeredDemo());
    const bases = ["demo.json", "ties.json", "schema-2-all-fields.json"].map((f) => read(path.join(CONFORMANCE, f)));
    bases.push(read(files.at(-1)!));
    fc.sample(fc.tuple(fc.constantFrom(...bases), fc.nat()), { seed: SEED, numRuns: 24 }).forEach(([base, n], i) => {
      const [variant] = fc.sample(variantArb(base), { seed: SEED + n, numRuns: 1 });
      const snapshot = checkSnapshot(variant); // a variant must be valid: it is there for the rules, not the check
      const file = path.join(dir, `variant-${i}.json`);
      writeFileSync(file, JSON.stringify(snapshot));
      files.push(file);
    });

    const commands: object[] = [];
    const expected: unknown[] = [];
    files.forEach((file, f) => {
      const snapshot = read(file);
      const selector = createSelector(loadSnapshot(file));
      const perFile = file.includes("registered-demo") ? 120 : file.includes("variant-") ? 30 : 25;
      for (const { request, absent } of fc.sample(requestArb(snapshot), { seed: SEED + 1000 + f, numRuns: perFile })) {
        commands.push({ op: "select", path: file, request, absent });
        expected.push(tsAnswer(selector, request, absent));
      }
    });
    expect(commands.length).toBeGreaterThanOrEqual(1000);
    const answers = await python(bin, commands);
    expect(answers).toHaveLength(commands.length);
    let differ = 0;
    answers.forEach((answer, i) => {
      if (differ < 3) expect(answer, `request ${JSON.stringify(commands[i])}`).toEqual(expected[i]);
      if (JSON.stringify(answer) !== JSON.stringify(expected[i])) differ++;
    });
    expect(differ).toBe(0);
  });

  it("accepts and refuses the same damaged snapshots, with the same code, under either Python validator", { timeout: 240_000 }, async (context) => {
    const bin = pythonOrSkip(context);
    const valid = fc.constantFrom(...["demo.json", "ties.json", "demo-policy.json"].map((f) => JSON.parse(readFileSync(path.join(CONFORMANCE, f), "utf8")) as Json));
    const damaged = fc.oneof({ arbitrary: mutated(valid), weight: 8 }, { arbitrary: junk, weight: 1 }, { arbitrary: valid, weight: 1 });
    const commands: object[] = [];
    const expected: unknown[] = [];
    fc.sample(damaged, { seed: SEED, numRuns: 120 }).forEach((value, i) => {
      const file = path.join(dir, `damaged-${i}.json`);
      writeFileSync(file, JSON.stringify(value) ?? "");
      let outcome: unknown;
      try {
        loadSnapshot(file);
        outcome = { ok: true };
      } catch (error) {
        if (!(error instanceof SnapshotError)) throw error;
        outcome = { error: error.code };
      }
      for (const validator of ["structure", null]) {
        commands.push({ op: "load", path: file, validator });
        expected.push(outcome);
      }
    });
    expect(new Set(expected.map((e) => JSON.stringify(e))).size, "the sample holds both accepted and refused files").toBeGreaterThan(1);
    const answers = await python(bin, commands);
    answers.forEach((answer, i) => expect(answer, JSON.stringify(commands[i])).toEqual(expected[i]));
  });
});
