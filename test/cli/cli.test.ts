import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { packageRoot } from "../../src/core/package-root.js";
import { registeredSnapshot } from "../support/register-snapshot.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
const version = (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string })
  .version;
let snapshot: ProviderRegistrySnapshot;
beforeAll(async () => {
  snapshot = await registeredSnapshot();
});

describe("provider-registry validate", () => {
  it("accepts a snapshot written by register", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "s.json"), JSON.stringify(snapshot));
    const run = await runCli(["validate", "s.json"], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: "s.json: valid\n" });
  });

  it.each([
    ["a field of the wrong type", (s: any) => (s.models[3].contextWindow = "large"), "/models/3/contextWindow"],
    [
      "a missing field",
      (s: any) => delete s.policy.routeUnverified,
      "/policy: must have required property 'routeUnverified'",
    ],
    ["an unknown field", (s: any) => (s.providers[1].token = "x"), '/providers/1: unknown property "token"'],
  ])("rejects a snapshot with %s, exit 1, pointing at the field", async (_name, damage, pointer) => {
    const dir = await tempDir();
    const damaged = structuredClone(snapshot);
    damage(damaged);
    await writeFile(path.join(dir, "good.json"), JSON.stringify(snapshot));
    await writeFile(path.join(dir, "bad.json"), JSON.stringify(damaged));
    const run = await runCli(["validate", "good.json", "bad.json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("good.json: valid\n");
    expect(run.stderr).toContain("bad.json: invalid");
    expect(run.stderr).toContain(pointer);
  });

  it.each([
    ["a missing file", undefined, "cannot read: ENOENT"],
    ["a truncated file", '{"$schema": "https://provider-registry.dev/schema/v1/provid', "not JSON"],
  ])("rejects %s with exit 1 and says why", async (_name, content, message) => {
    const dir = await tempDir();
    if (content !== undefined) await writeFile(path.join(dir, "s.json"), content);
    const run = await runCli(["validate", "s.json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
  });
});

describe("the command line", () => {
  it.each(["register", "validate", "select", "demo"])("%s --help prints usage and exits 0", async (command) => {
    const run = await runCli([command, "--help"], { cwd: packageRoot });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: provider-registry ${command}`));
  });

  it("--version prints the package version", async () => {
    expect(await runCli(["--version"], { cwd: packageRoot })).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([
    [["frobnicate"], 'unknown command "frobnicate"'],
    [["register", "--no-such-flag"], "register: Unknown option '--no-such-flag'"],
    [["register", "--timeout-ms", "soon"], '--timeout-ms must be a whole number of at least 1, not "soon"'],
    [["validate"], "name at least one snapshot file"],
  ])("%j is a usage error: exit 2", async (argv, message) => {
    const run = await runCli(argv, { cwd: packageRoot });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it.each([
    [{ PROVIDER_PRIORITY: "kimi,gml" }, 'PROVIDER_PRIORITY names unknown provider "gml"'],
    [{ MODEL_COSTS_JSON: "{glm-4.6: 1}" }, "MODEL_COSTS_JSON is not valid JSON"],
    [{ MODEL_COSTS_JSON: '{"glm-4.6": -1}' }, "MODEL_COSTS_JSON.glm-4.6 must be a non-negative number"],
    [{ COST_AWARE_ROUTING_ENABLED: "sometimes" }, "COST_AWARE_ROUTING_ENABLED must be true or false"],
    [{ CUSTOM_API_URL: "not a url" }, "CUSTOM_API_URL is not a URL"],
  ])("bad configuration %j: exit 2, names the variable, and the old snapshot is untouched", async (env, message) => {
    const dir = await tempDir();
    const file = path.join(dir, "provider_registry_snapshot.json");
    await writeFile(file, "previous contents\n");
    const run = await runCli(["register"], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(await readFile(file, "utf8")).toBe("previous contents\n");
  });

  it("a malformed .env line is a configuration error that names the file and line, not its content", async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, ".env"),
      "KIMI_API_KEY=sk-secret-value-123\nthis line sk-secret-value-456 is broken\n",
    );
    const run = await runCli(["register"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.env:2: cannot read this line/);
    expect(run.stderr).not.toContain("sk-secret-value");
  });

  it("an error a run ends with is scrubbed of keys from .env too, which the command line itself never saw", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, ".env"), "KIMI_API_KEY=sk-dotenv-canary-7f3e9b21\n");
    // Contrived on purpose: a file name that carries the key ends up in the error's message.
    const run = await runCli(["register", "--previous", "sk-dotenv-canary-7f3e9b21.json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("[REDACTED]");
    expect(run.stderr).not.toContain("sk-dotenv-canary-7f3e9b21");
  });

  it("the built bin runs on plain node", () => {
    const bin = path.join(packageRoot, "dist/src/cli/bin.js");
    const result = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });
});
