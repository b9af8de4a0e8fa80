// Whether a provider's probe succeeded is worked out once, in its run record; the policy, the diagnostics, the
// snapshot and register's result all read it. And the snapshot is built once: sealing it with the diagnostics found
// by reading it gives the snapshot that building it with every diagnostic at once would give, byte for byte.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProbeOutcome } from "../../src/probe/probe-types.js";
import { failedRuns, NO_ANSWER, providerRun } from "../../src/probe/provider-run.js";
import { register, type RegisterResult } from "../../src/register.js";
import { buildSnapshot, sealSnapshot } from "../../src/snapshot/build-snapshot.js";
import { canonicalJson } from "../../src/snapshot/canonical-json.js";
import { startProviderServers } from "../support/provider-servers.js";

let result: RegisterResult;
beforeAll(async () => {
  const providers = await startProviderServers();
  try {
    // GLM's key is refused (a failed probe); OpenRouter has no key (skipped); Kimi and the custom server answer.
    const env = {
      ...providers.env,
      GLM_API_KEY: "wrong-glm-key-for-tests",
      OPENROUTER_API_KEY: "",
      SOURCE_DATE_EPOCH: "1764000000",
    };
    result = await register({ env, cwd: process.cwd(), generatorVersion: "0.0.0-test" });
  } finally {
    await providers.close();
  }
});

const runOf = (id: string) => result.runs.find((r) => r.id === id)!;

describe("the run records", () => {
  it("one per target, in plan order, each with its outcome", () => {
    expect(result.runs.map((r) => r.target)).toEqual(result.targets);
    for (const run of result.runs) expect(run.outcome).toBe(result.outcomes.get(run.id));
  });

  it.each([
    { id: "kimi", probed: true, succeeded: true, failure: undefined },
    { id: "glm", probed: true, succeeded: false, failure: expect.stringMatching(/401/) },
    { id: "openrouter", probed: false, succeeded: false, failure: undefined },
  ])("$id: probed $probed, succeeded $succeeded", ({ id, ...expected }) => {
    expect(runOf(id)).toMatchObject(expected);
  });

  it("a probed provider that gave no answer before the deadline failed, and says so", () => {
    const run = providerRun(runOf("kimi").target, undefined);
    expect(run).toMatchObject({ probed: true, succeeded: false, listed: undefined, failure: NO_ANSWER });
  });

  it("an empty list is a success", () => {
    const ok = runOf("kimi").outcome as Extract<ProbeOutcome, { status: "ok" }>;
    expect(providerRun(runOf("kimi").target, { ...ok, models: [] })).toMatchObject({
      succeeded: true,
      listed: [],
      failure: undefined,
    });
  });

  it("register's failedProviders, the snapshot's providers and the diagnostics agree with the records", () => {
    expect(result.failedProviders).toEqual(
      failedRuns(result.runs)
        .map((r) => r.id)
        .sort(),
    );
    expect(result.failedProviders).toEqual(["glm"]);
    for (const run of result.runs) {
      const status = result.snapshot.providers.find((p) => p.id === run.id)!.probe.status;
      expect(status).toBe(!run.probed ? "skipped" : run.succeeded ? "ok" : "failed");
    }
    const probeFailed = result.snapshot.diagnostics.filter((d) => d.code === "PROBE_FAILED").map((d) => d.provider);
    expect(probeFailed).toEqual(failedRuns(result.runs).map((r) => r.id));
  });
});

describe("the snapshot, built once and sealed", () => {
  const parts = () => ({
    generatedAt: result.snapshot.generatedAt,
    generatorVersion: result.snapshot.generator.version,
    runs: result.runs,
    models: result.snapshot.models,
    policy: result.snapshot.policy,
  });

  it("register's snapshot is the one built with every diagnostic at once", () => {
    const all = buildSnapshot({ ...parts(), diagnostics: result.snapshot.diagnostics });
    expect(canonicalJson(result.snapshot)).toBe(canonicalJson(all));
    expect(result.snapshot.diagnostics.some((d) => d.code === "NO_PREFERENCE")).toBe(true);
  });

  it("property: however the diagnostics are split between the build and the seal, the same bytes and hash", () => {
    const diagnostics = result.snapshot.diagnostics;
    fc.assert(
      fc.property(fc.shuffledSubarray(diagnostics), (extra) => {
        const built = buildSnapshot(
          { ...parts(), diagnostics: diagnostics.filter((d) => !extra.includes(d)) },
          { hash: false },
        );
        const before = canonicalJson(built);
        const sealed = sealSnapshot(built, extra);
        expect(canonicalJson(sealed)).toBe(canonicalJson(result.snapshot));
        expect(sealed.contentHash).toBe(result.snapshot.contentHash);
        expect(canonicalJson(built)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});
