// The embedded default: the whole flow with no keys and no network, as a newcomer runs it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaProblems } from "../../src/documents/schema-validator.js";
import { runCli } from "../helpers/run-cli.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

describe("provider-registry demo", () => {
  it("registers against its loopback providers, writes a valid snapshot, and shows the selector's choices with reasons", async () => {
    const cwd = await tempDir();
    // The user's own keys and preferences must not leak into the demo, nor change it.
    const run = await runCli(["demo"], { cwd, env: { KIMI_API_KEY: "sk-users-real-key-0a1b2c3d", KIMI_DEFAULT_MODEL: "moonshot-v1-8k" } });
    expect(run.code).toBe(0);
    for (const provider of ["kimi", "glm", "openrouter", "custom"]) expect(run.stdout).toMatch(new RegExp(`^  ${provider}\\s+ok\\s+listed \\d+ models?`, "m"));
    // The complaint that started the project: the user's KIMI_DEFAULT_MODEL, not the moving alias listed first.
    expect(run.stdout).toMatch(/no preference in the request\n {4}→ kimi-k2-0905-preview \(kimi\): kimi-k2-0905-preview is kimi's default model/);
    expect(run.stdout).toMatch(/explicit glm-4\.5-x \(not listed\)\n {4}→ refused, NO_SUCH_MODEL:/);
    expect(run.stdout).not.toContain("sk-users-real-key-0a1b2c3d");
    // The demo's own keys are not printed either.
    expect(run.stdout).not.toMatch(/sk-demo-kimi|demo-glm-0000|sk-or-demo/);
    const snapshot = JSON.parse(await readFile(path.join(cwd, "provider_registry_snapshot.json"), "utf8")) as unknown;
    expect(schemaProblems("provider-registry-snapshot", snapshot)).toEqual([]);
  });
});
