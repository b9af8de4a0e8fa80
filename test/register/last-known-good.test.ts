// register against loopback providers, run after run: a provider that fails keeps its last good models, stale;
// --strict refuses; a bad --previous or an unwritable output is a configuration error; large changes are flagged.
import { readdir, readFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { modelListHandler, type LoopbackHandler } from "../../src/cli/demo/loopback-server.js";
import { createSelector } from "../../src/selector/index.js";
import {
  CANARY,
  demoList,
  expectNoCanary,
  startProviderServers,
  type ProviderServers,
} from "../support/provider-servers.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
const FILE = "provider_registry_snapshot.json";
const T1 = { epoch: "1764000000", iso: "2025-11-24T16:00:00Z" };
const T2 = { epoch: "1764086400", iso: "2025-11-25T16:00:00Z" };
const T3 = { epoch: "1764172800", iso: "2025-11-26T16:00:00Z" };
/** A key the GLM loopback server refuses with 401: a failure that is never retried. */
const GLM_FAILS = { GLM_API_KEY: "wrong-glm-key-for-tests" };

/** The lists the servers answer with can be changed between runs. */
interface Lists {
  kimi: { data: Record<string, unknown>[] };
  openrouter: { data: Record<string, unknown>[] };
}
let lists: Lists;
let providers: ProviderServers;
beforeEach(async () => {
  lists = {
    kimi: structuredClone(demoList("kimi")) as Lists["kimi"],
    openrouter: structuredClone(demoList("openrouter")) as Lists["openrouter"],
  };
  const live =
    (name: keyof Lists, prefix: string, apiKey: string): LoopbackHandler =>
    (request, response) =>
      modelListHandler(lists[name], { prefix, apiKey })(request, response);
  providers = await startProviderServers({
    kimi: live("kimi", "/v1", CANARY.kimi),
    openrouter: live("openrouter", "/api/v1", CANARY.openrouter),
  });
});
afterEach(async () => {
  await providers.close();
});

async function register(cwd: string, args: string[] = [], env: Record<string, string> = {}, at = T1) {
  const run = await runCli(["register", ...args], {
    cwd,
    env: { ...providers.env, SOURCE_DATE_EPOCH: at.epoch, ...env },
  });
  expectNoCanary(run.stdout, run.stderr);
  expect(run.stderr).not.toMatch(/internal error/);
  return run;
}

async function snapshotIn(cwd: string, file = FILE): Promise<ProviderRegistrySnapshot> {
  return JSON.parse(await readFile(path.join(cwd, file), "utf8")) as ProviderRegistrySnapshot;
}

const ofProvider = (s: ProviderRegistrySnapshot, provider: string) => s.models.filter((m) => m.provider === provider);
const probeRequests = () => Object.values(providers.servers).reduce((n, s) => n + s.requests.length, 0);
const withoutFreshness = ({ availability: _a, lastVerifiedAt: _l, ...rest }: Model) => rest;

describe("last known good", () => {
  it("keeps a failed provider's models from the file it replaces: stale, when last verified, why, facts unchanged", async () => {
    const cwd = await tempDir();
    expect((await register(cwd)).code).toBe(0);
    const good = await snapshotIn(cwd);
    const listedBefore = ofProvider(good, "glm").filter((m) => m.availability === "listed");
    expect(listedBefore.length).toBeGreaterThan(3);

    const run = await register(cwd, [], GLM_FAILS, T2);
    expect(run.code).toBe(0);
    const s = await snapshotIn(cwd);
    const glm = s.providers.find((p) => p.id === "glm")!;
    expect(glm.probe).toMatchObject({ status: "failed", errorKind: "unauthorized", checkedAt: T2.iso });
    for (const was of listedBefore) {
      const now = s.models.find((m) => m.provider === "glm" && m.id === was.id)!;
      expect(now).toMatchObject({ availability: "stale", lastVerifiedAt: T1.iso });
      expect(withoutFreshness(now)).toEqual(withoutFreshness(was));
    }
    // Nothing else became stale, and the other providers are fresh.
    expect(s.models.filter((m) => m.availability === "stale").map((m) => m.provider)).toEqual(
      listedBefore.map(() => "glm"),
    );
    expect(
      s.providers.filter((p) => p.id !== "glm" && p.probe.status !== "skipped").every((p) => p.probe.status === "ok"),
    ).toBe(true);
    // Why, in the snapshot and on stderr.
    const stale = s.diagnostics.find((d) => d.code === "STALE_MODELS");
    expect(stale).toMatchObject({ level: "warning", provider: "glm" });
    expect(stale?.message).toContain(
      `${listedBefore.length} models kept from the last good snapshot, marked stale, last verified ${T1.iso}`,
    );
    expect(stale?.message).toContain(glm.probe.reason);
    expect(s.diagnostics.find((d) => d.code === "PROBE_FAILED" && d.provider === "glm")?.message).toContain(
      "kept, marked stale",
    );
    expect(run.stderr).toContain("[STALE_MODELS] glm's probe failed");

    // The selector may still route to them, and says they are stale.
    const choice = createSelector(s).select({ provider: "glm" });
    expect(choice.provider).toBe("glm");
    expect(listedBefore.map((m) => m.id)).toContain(choice.model);
    expect(choice.trace.find((t) => t.model === choice.model && t.outcome === "chosen")?.detail).toMatch(
      /stale: glm's probe failed; kept from the last good snapshot, last listed 2025-11-24T16:00:00Z/,
    );
  });

  it("keeps the first verification time through later failures, and is fresh again once the probe succeeds", async () => {
    const cwd = await tempDir();
    await register(cwd, [], {}, T1);
    await register(cwd, [], GLM_FAILS, T2);
    await register(cwd, [], GLM_FAILS, T3);
    const third = await snapshotIn(cwd);
    const stale = third.models.filter((m) => m.availability === "stale");
    expect(stale.length).toBeGreaterThan(3);
    expect(new Set(stale.map((m) => m.lastVerifiedAt))).toEqual(new Set([T1.iso]));

    expect((await register(cwd, [], {}, T3)).code).toBe(0);
    const recovered = await snapshotIn(cwd);
    expect(recovered.models.filter((m) => m.availability === "stale" || m.lastVerifiedAt !== undefined)).toEqual([]);
    expect(recovered.diagnostics.map((d) => d.code)).not.toContain("STALE_MODELS");
  });

  it("takes the last good snapshot from --previous when it is another file", async () => {
    const cwd = await tempDir();
    await register(cwd, ["--out", "good.json"]);
    expect((await register(cwd, ["--out", "next.json", "--previous", "good.json"], GLM_FAILS, T2)).code).toBe(0);
    expect(
      ofProvider(await snapshotIn(cwd, "next.json"), "glm").filter((m) => m.availability === "stale").length,
    ).toBeGreaterThan(3);
    // Without it, next.json's own folder holds no previous file for other.json: nothing is kept.
    await register(cwd, ["--out", "other.json"], GLM_FAILS, T2);
    expect(ofProvider(await snapshotIn(cwd, "other.json"), "glm").filter((m) => m.availability === "stale")).toEqual(
      [],
    );
  });

  it.each([
    ["no previous snapshot", async (_cwd: string) => undefined],
    [
      "a previous snapshot in which the provider was skipped",
      async (cwd: string) => void (await register(cwd, [], { OPENROUTER_API_KEY: "", ENABLE_OPENROUTER: "false" })),
    ],
  ])("reports, and does not invent, a failed provider with %s", async (_name, before) => {
    const cwd = await tempDir();
    await before(cwd);
    const run = await register(cwd, [], { OPENROUTER_API_KEY: "wrong-openrouter-key" }, T2);
    expect(run.code).toBe(0);
    const s = await snapshotIn(cwd);
    expect(s.providers.find((p) => p.id === "openrouter")?.probe.status).toBe("failed");
    // OpenRouter's models are known only from its answer: with no answer and nothing good before, there are none.
    expect(ofProvider(s, "openrouter")).toEqual([]);
    expect(s.models.filter((m) => m.availability === "stale")).toEqual([]);
    expect(s.diagnostics.find((d) => d.code === "PROBE_FAILED" && d.provider === "openrouter")?.message).toContain(
      "Its catalog models are unverified.",
    );
    expect(run.stderr).toMatch(/warning: \[PROBE_FAILED\] openrouter is configured but its probe failed/);
  });

  it("warns and carries on when the file it replaces is not a snapshot", async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, FILE), "not a snapshot\n");
    const run = await register(cwd, [], GLM_FAILS);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: \[PREVIOUS_UNUSABLE\] provider_registry_snapshot\.json is not JSON/);
    expect((await snapshotIn(cwd)).models.filter((m) => m.availability === "stale")).toEqual([]);
  });
});

describe("--strict", () => {
  it.each([
    ["with no previous file", false],
    ["with a previous file", true],
  ])("a failed provider is exit 3 and nothing is written (%s)", async (_name, withPrevious) => {
    const cwd = await tempDir();
    if (withPrevious) await register(cwd);
    const before = withPrevious ? await readFile(path.join(cwd, FILE), "utf8") : undefined;
    const run = await register(cwd, ["--strict"], GLM_FAILS, T2);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /--strict: the probe failed for glm \(HTTP 401: the key was refused \(unauthorized\)\): nothing was written/,
    );
    expect(await readdir(cwd)).toEqual(withPrevious ? [FILE] : []);
    if (before !== undefined) expect(await readFile(path.join(cwd, FILE), "utf8")).toBe(before);
  });

  it("writes as usual when every probe succeeds", async () => {
    const cwd = await tempDir();
    expect((await register(cwd, ["--strict"])).code).toBe(0);
    expect(
      (await snapshotIn(cwd)).providers
        .filter((p) => p.probe.status !== "skipped")
        .every((p) => p.probe.status === "ok"),
    ).toBe(true);
  });
});

describe("bad --previous files and unwritable outputs: exit 2, before probing, nothing written", () => {
  const snapshotOfAnotherMajor = async (cwd: string) => {
    await register(cwd, ["--out", "v1.json"]);
    const s = JSON.parse(await readFile(path.join(cwd, "v1.json"), "utf8")) as Record<string, unknown>;
    s.$schema = "https://provider-registry.dev/schema/v3/provider-registry-snapshot.schema.json";
    s.schemaVersion = "3.0.0";
    await writeFile(path.join(cwd, "prev.json"), JSON.stringify(s));
    await writeFile(path.join(cwd, "v1.json"), "");
  };
  it.each([
    [
      "a --previous that does not exist",
      async () => undefined,
      ["--previous", "prev.json"],
      /--previous .*prev\.json does not exist/,
    ],
    [
      "a --previous that is a folder",
      async (cwd: string) => mkdir(path.join(cwd, "prev.json")),
      ["--previous", "prev.json"],
      /--previous .*prev\.json cannot be read \(it is a folder\)/,
    ],
    [
      "a --previous that is not JSON",
      async (cwd: string) => writeFile(path.join(cwd, "prev.json"), '{"models": ['),
      ["--previous", "prev.json"],
      /--previous .*prev\.json is not JSON/,
    ],
    [
      "a --previous that is JSON but no snapshot",
      async (cwd: string) => writeFile(path.join(cwd, "prev.json"), '{"models": []}'),
      ["--previous", "prev.json"],
      /--previous .*prev\.json is not a valid snapshot: \/: must have required property/,
    ],
    [
      "a --previous of another schema major version",
      snapshotOfAnotherMajor,
      ["--previous", "prev.json"],
      /--previous .*prev\.json is not a valid snapshot: \/\$schema/,
    ],
    [
      "an output in a folder that does not exist",
      async () => undefined,
      ["--out", "no/such/dir/s.json"],
      /cannot write .*s\.json: the folder .*dir does not exist/,
    ],
    [
      "an output that is a folder",
      async (cwd: string) => mkdir(path.join(cwd, "out")),
      ["--out", "out"],
      /cannot write .*out: it is a folder/,
    ],
    [
      "an output beneath a file",
      async (cwd: string) => writeFile(path.join(cwd, "plain"), "x"),
      ["--out", "plain/s.json"],
      /cannot write .*s\.json: the folder .*plain does not exist/,
    ],
  ])("%s", async (_name, setup, args, message) => {
    const cwd = await tempDir();
    await setup(cwd);
    await writeFile(path.join(cwd, FILE), "previous contents\n");
    const listing = (await readdir(cwd)).sort();
    const requests = probeRequests();
    const run = await register(cwd, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(probeRequests()).toBe(requests);
    expect((await readdir(cwd)).sort()).toEqual(listing);
    expect(await readFile(path.join(cwd, FILE), "utf8")).toBe("previous contents\n");
  });
});

describe("large changes against the previous snapshot", () => {
  /** Kimi lists 2 of its 8 models, K2's context halves; OpenRouter's Kimi K2 costs 100 times more. */
  function changeTheProviders() {
    lists.kimi.data = lists.kimi.data.filter(
      (m) => m.id === "kimi-k2-0905-preview" || m.id === "kimi-k2-turbo-preview",
    );
    lists.kimi.data[0]!.context_length = 131072;
    const k2 = lists.openrouter.data.find((m) => m.id === "moonshotai/kimi-k2")!;
    k2.pricing = { ...(k2.pricing as object), prompt: "0.000055" };
  }
  const EXPECTED = [
    "CONTEXT_SHRANK kimi/kimi-k2-0905-preview",
    "LIST_SHRANK kimi",
    "MODEL_DISAPPEARED kimi/kimi-k2.6",
    "MODEL_DISAPPEARED kimi/kimi-k3.1-pro",
    "MODEL_DISAPPEARED kimi/kimi-latest-128k",
    "MODEL_DISAPPEARED kimi/kimi-thinking-preview",
    "MODEL_DISAPPEARED kimi/moonshot-v1-128k-vision-preview",
    "MODEL_DISAPPEARED kimi/moonshot-v1-8k",
    "PRICE_JUMP openrouter/moonshotai/kimi-k2",
  ];

  it("flags each on stderr and in the --json summary, writes the snapshot, and keeps them out of it", async () => {
    const cwd = await tempDir();
    await register(cwd);
    changeTheProviders();
    const run = await register(cwd, ["--json"], {}, T2);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      largeChanges: { kind: string; code: string; provider: string; model?: string; level: string }[];
    };
    expect(summary.largeChanges.map((c) => `${c.code} ${c.provider}${c.model ? `/${c.model}` : ""}`).sort()).toEqual(
      EXPECTED,
    );
    expect(new Set(summary.largeChanges.map((c) => c.level))).toEqual(new Set(["warning"]));
    expect(run.stderr).toContain(
      "warning: [LIST_SHRANK] kimi has 2 routable models, down from 8 in the previous snapshot",
    );
    expect(run.stderr).toContain("warning: [PRICE_JUMP] openrouter/moonshotai/kimi-k2: price 0.55/2.2");
    expect(run.stderr).toContain("input moved more than 10-fold: 0.55 → 55");
    const written = await snapshotIn(cwd);
    expect(written.generatedAt).toBe(T2.iso);
    // They describe the run, not the registry: the file stays a function of its inputs.
    expect(written.diagnostics.map((d) => d.code)).not.toEqual(expect.arrayContaining(["LIST_SHRANK"]));
    expect(
      written.diagnostics.filter((d) =>
        ["LIST_SHRANK", "MODEL_DISAPPEARED", "PRICE_JUMP", "CONTEXT_SHRANK"].includes(d.code),
      ),
    ).toEqual([]);
  });

  it.each([
    ["price-jump", 4],
    ["list-shrank,context-shrank", 4],
    ["MODEL-DISAPPEARED", 4],
    ["any", 4],
  ])("--fail-on %s: exit %i, nothing written", async (kinds, code) => {
    const cwd = await tempDir();
    await register(cwd);
    const before = await readFile(path.join(cwd, FILE), "utf8");
    changeTheProviders();
    const run = await register(cwd, ["--fail-on", kinds], {}, T2);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(
      /--fail-on: \d+ large changes? \([a-z-, ]+\) against provider_registry_snapshot\.json: nothing was written; provider_registry_snapshot\.json is untouched\./,
    );
    expect(await readFile(path.join(cwd, FILE), "utf8")).toBe(before);
    expect(await readdir(cwd)).toEqual([FILE]);
  });

  it("--fail-on a kind that did not happen writes as usual", async () => {
    const cwd = await tempDir();
    await register(cwd);
    const k2 = lists.openrouter.data.find((m) => m.id === "moonshotai/kimi-k2")!;
    k2.pricing = { ...(k2.pricing as object), prompt: "0.000055" };
    const run = await register(cwd, ["--fail-on", "context-shrank,list-shrank,model-disappeared"], {}, T2);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("[PRICE_JUMP]");
    expect((await snapshotIn(cwd)).generatedAt).toBe(T2.iso);
  });

  it("nothing is flagged without a previous snapshot", async () => {
    const cwd = await tempDir();
    changeTheProviders();
    const run = await register(cwd, ["--json", "--fail-on", "any"]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { largeChanges: unknown[] }).largeChanges).toEqual([]);
  });

  it("an unknown --fail-on kind is a usage error, before probing", async () => {
    const cwd = await tempDir();
    const run = await register(cwd, ["--fail-on", "price-jump,prices"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'register: --fail-on does not know "prices"; use list-shrank, model-disappeared, price-jump, context-shrank, any, or a warning code (',
    );
    expect(probeRequests()).toBe(0);
    expect(await readdir(cwd)).toEqual([]);
  });
});
