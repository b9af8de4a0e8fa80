// The embedded default: the whole flow with no keys and no network, as a newcomer runs it.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaProblems } from "../../src/validate/schema-validator.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();

describe("provider-registry demo", () => {
  it("registers against its loopback providers, writes a valid snapshot, and shows the selector's choices with reasons", async () => {
    const cwd = await tempDir();
    // The user's own keys and preferences must not leak into the demo, nor change it.
    const run = await runCli(["demo"], {
      cwd,
      env: { KIMI_API_KEY: "sk-users-real-key-0a1b2c3d", KIMI_DEFAULT_MODEL: "moonshot-v1-8k" },
    });
    expect(run.code).toBe(0);
    for (const provider of ["kimi", "glm", "openrouter", "custom"])
      expect(run.stdout).toMatch(new RegExp(`^  ${provider}\\s+ok\\s+listed \\d+ models?`, "m"));
    // The complaint that started the project: the user's KIMI_DEFAULT_MODEL, not the moving alias listed first.
    expect(run.stdout).toMatch(
      /no preference in the request\n {4}→ kimi-k2-0905-preview \(kimi\): kimi-k2-0905-preview is kimi's default model/,
    );
    expect(run.stdout).toMatch(/explicit glm-4\.5-x \(not listed\)\n {4}→ refused, NO_SUCH_MODEL:/);
    expect(run.stdout).not.toContain("sk-users-real-key-0a1b2c3d");
    // The demo's own keys are not printed either.
    expect(run.stdout).not.toMatch(/sk-demo-kimi|demo-glm-0000|sk-or-demo/);
    const snapshot = JSON.parse(await readFile(path.join(cwd, "provider_registry_snapshot.json"), "utf8")) as unknown;
    expect(schemaProblems("provider-registry-snapshot", snapshot)).toEqual([]);
  });

  // Run in a project folder, the default file name is that project's real snapshot.
  it("does not replace a snapshot it did not write: exit 2 naming the file, the file unchanged", async () => {
    const cwd = await tempDir();
    const file = path.join(cwd, "provider_registry_snapshot.json");
    const theirs = await readFile(new URL("../fixtures/snapshots/demo-register.json", import.meta.url), "utf8");
    await writeFile(file, theirs);
    const run = await runCli(["demo"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("provider_registry_snapshot.json already exists and was not written by the demo");
    expect(run.stderr).toMatch(/--out PATH .* --force/);
    expect(await readFile(file, "utf8")).toBe(theirs);
    // Nor a file that is not a snapshot at all.
    await writeFile(file, "my notes\n");
    expect((await runCli(["demo"], { cwd })).code).toBe(2);
    expect(await readFile(file, "utf8")).toBe("my notes\n");
    const empty = await runCli(["demo", "--out", ""], { cwd });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("--out is empty");
  });

  it("writes elsewhere with --out, replaces its own snapshot on a second run, and replaces any file with --force", async () => {
    const cwd = await tempDir();
    const file = path.join(cwd, "provider_registry_snapshot.json");
    await writeFile(file, "my notes\n");
    expect((await runCli(["demo", "--out", "demo.json"], { cwd })).code).toBe(0);
    expect(await readFile(file, "utf8")).toBe("my notes\n");
    const written = JSON.parse(await readFile(path.join(cwd, "demo.json"), "utf8")) as {
      generator: { version: string };
    };
    expect(written.generator.version).toMatch(/\+demo$/);
    // npm run demo twice on a fresh clone: the second run replaces the first run's file.
    expect((await runCli(["demo", "--out", "demo.json"], { cwd })).code).toBe(0);
    expect((await runCli(["demo", "--force"], { cwd })).code).toBe(0);
    expect(schemaProblems("provider-registry-snapshot", JSON.parse(await readFile(file, "utf8")))).toEqual([]);
  });
});
