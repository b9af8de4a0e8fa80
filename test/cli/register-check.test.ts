// `register --check` as a pipeline uses it: exit 0 when the file on disk is what register would write (timestamps
// aside), exit 1 with a short summary when not; never a byte written. And the drift, as `diff` then shows it.
import { copyFile, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Change } from "../../src/compare/compare-snapshots.js";
import { expectNoCanary, startProviderServers, type ProviderServers } from "../support/provider-servers.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
const FILE = "provider_registry_snapshot.json";
let providers: ProviderServers;
beforeEach(async () => {
  providers = await startProviderServers();
});
afterEach(async () => {
  await providers.close();
});

async function cli(cwd: string, argv: string[], env: Record<string, string> = {}) {
  const run = await runCli(argv, { cwd, env: { ...providers.env, SOURCE_DATE_EPOCH: "1764000000", ...env } });
  expectNoCanary(run.stdout, run.stderr);
  expect(run.stderr).not.toMatch(/internal error/);
  return run;
}

/** A folder holding a freshly registered snapshot, with its bytes and modification time. */
async function registered() {
  const cwd = await tempDir();
  expect((await cli(cwd, ["register", "--quiet"])).code).toBe(0);
  const file = path.join(cwd, FILE);
  return { cwd, file, text: await readFile(file, "utf8"), mtime: (await stat(file)).mtimeMs };
}

async function expectUntouched(state: { cwd: string; file: string; text: string; mtime: number }) {
  expect(await readFile(state.file, "utf8")).toBe(state.text);
  expect((await stat(state.file)).mtimeMs).toBe(state.mtime);
  expect(await readdir(state.cwd)).toEqual([FILE]);
}

describe("register --check", () => {
  it.each([
    ["the same inputs", {}],
    ["the same inputs at another time (timestamps aside)", { SOURCE_DATE_EPOCH: "1790000000" }],
  ])("%s: exit 0, up to date, nothing written", async (_name, env) => {
    const state = await registered();
    const run = await cli(state.cwd, ["register", "--check", "--quiet"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^provider_registry_snapshot\.json is up to date \(sha256:[0-9a-f]{64}\)\n$/);
    await expectUntouched(state);
  });

  it.each([
    ["a preference changed", { GLM_PREFERRED_MODELS: "glm-4.6" }, ['glm: policy preferredModels [] → ["glm-4.6"]']],
    ["a default model changed", { KIMI_DEFAULT_MODEL: "kimi-k2-turbo-preview" }, ["breaking: kimi: default model"]],
    [
      "a provider now failing (its models kept, stale)",
      { GLM_API_KEY: "wrong-key" },
      ["glm/glm-4.6: availability listed → stale", "glm: probe ok (6 models) → failed (HTTP 401"],
    ],
    [
      "a provider now skipped",
      { ENABLE_OPENROUTER: "false" },
      ["breaking: openrouter/moonshotai/kimi-k2: model removed (was listed)"],
    ],
  ])("%s: exit 1 with a short summary, nothing written", async (_name, env, lines) => {
    const state = await registered();
    const run = await cli(state.cwd, ["register", "--check", "--quiet"], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^provider_registry_snapshot\.json differs from what register would write: \d+ changes?, \d+ breaking/m,
    );
    for (const line of lines) expect(run.stderr).toContain(line);
    // Short: at most ten change lines, then a pointer to diff.
    expect(run.stderr.split("\n").filter((l) => l.startsWith("  ") && !l.startsWith("  …")).length).toBeLessThanOrEqual(
      10,
    );
    await expectUntouched(state);
  });

  it("--json: both hashes and the changes, for a pipeline to read", async () => {
    const state = await registered();
    const run = await cli(state.cwd, ["register", "--check", "--json", "--quiet"], { GLM_PREFERRED_MODELS: "glm-4.6" });
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as {
      upToDate: boolean;
      contentHash: { onDisk: string; generated: string };
      changes: Change[];
    };
    expect(out.upToDate).toBe(false);
    expect(out.contentHash.onDisk).toBe((JSON.parse(state.text) as { contentHash: string }).contentHash);
    expect(out.contentHash.generated).not.toBe(out.contentHash.onDisk);
    expect(out.changes).toContainEqual({
      kind: "policy_changed",
      provider: "glm",
      field: "preferredModels",
      before: [],
      after: ["glm-4.6"],
      breaking: false,
    });
    // With a preference set, registration no longer notes that glm has none: the only other change.
    expect(out.changes.filter((c) => c.kind !== "policy_changed")).toEqual([
      expect.objectContaining({ kind: "diagnostic_removed", provider: "glm", field: "NO_PREFERENCE" }),
    ]);
    await expectUntouched(state);
  });

  it.each([
    ["no file", undefined, /provider_registry_snapshot\.json does not exist: register would write it/],
    [
      "a file that is not JSON",
      "{ half a snapshot",
      /provider_registry_snapshot\.json is not JSON .*: register would write it/,
    ],
  ])("%s on disk: exit 1, and it stays as it was", async (_name, content, message) => {
    const cwd = await tempDir();
    if (content !== undefined) await writeFile(path.join(cwd, FILE), content);
    const run = await cli(cwd, ["register", "--check", "--quiet"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(await readdir(cwd)).toEqual(content === undefined ? [] : [FILE]);
    if (content !== undefined) expect(await readFile(path.join(cwd, FILE), "utf8")).toBe(content);
  });

  it("the content hash on disk is recomputed, not trusted", async () => {
    const state = await registered();
    const tampered = JSON.parse(state.text) as { models: { name: string }[] };
    tampered.models[0]!.name = "edited by hand";
    await writeFile(state.file, JSON.stringify(tampered, null, 2));
    const run = await cli(state.cwd, ["register", "--check", "--quiet"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('name "edited by hand" → ');
  });

  it("a drift found by --check is what diff shows once registered", async () => {
    const state = await registered();
    await copyFile(state.file, path.join(state.cwd, "before.json"));
    const env = { KIMI_ALLOWED_MODELS: "kimi-k2-0905-preview,kimi-k2-turbo-preview" };
    expect((await cli(state.cwd, ["register", "--check", "--quiet"], env)).code).toBe(1);
    expect((await cli(state.cwd, ["register", "--quiet"], env)).code).toBe(0);
    expect((await cli(state.cwd, ["register", "--check", "--quiet"], env)).code).toBe(0);
    const diff = await cli(state.cwd, ["diff", "before.json", FILE, "--fail-on-breaking", "--json"]);
    expect(diff.code).toBe(1);
    const { changes } = JSON.parse(diff.stdout) as { changes: Change[] };
    expect(changes.filter((c) => c.kind === "model_disallowed").map((c) => c.model)).toEqual(
      expect.arrayContaining([
        "kimi-thinking-preview",
        "moonshot-v1-8k",
        "moonshot-v1-128k-vision-preview",
        "kimi-latest-128k",
      ]),
    );
    expect(changes.every((c) => c.kind !== "model_disallowed" || c.breaking)).toBe(true);
  });
});
