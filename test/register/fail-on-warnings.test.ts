// `register --fail-on-warnings` and `--fail-on CODE`: configuration warnings made fatal for CI (exit 2, nothing
// written), against loopback providers answering in their real shapes.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFIGURATION_WARNING_CODES } from "../../src/diagnostics/codes.js";
import { runCli } from "../support/run-cli.js";
import { expectNoCanary, startProviderServers, type ProviderServers } from "../support/provider-servers.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
let providers: ProviderServers;
beforeAll(async () => {
  providers = await startProviderServers();
});
afterAll(async () => {
  await providers.close();
});

async function register(args: string[], env: Record<string, string | undefined> = {}, cwd?: string) {
  const dir = cwd ?? (await tempDir());
  const run = await runCli(["register", ...args], {
    env: { ...providers.env, SOURCE_DATE_EPOCH: "1764000000", ...env },
    cwd: dir,
  });
  expectNoCanary(run.stdout, run.stderr);
  return { ...run, cwd: dir, file: path.join(dir, "provider_registry_snapshot.json") };
}

describe("register --fail-on-warnings / --fail-on CODE", { timeout: 60_000 }, () => {
  it.each([
    {
      name: "a typo in DEFAULT_MODEL",
      env: { DEFAULT_MODEL: "glm-4.5-flahs" },
      code: "DEFAULT_MODEL_UNKNOWN",
      hint: "did you mean glm-4.5-flash?",
    },
    {
      name: "a typo in a preference",
      env: { GLM_PREFERRED_MODELS: "glm-4.6,glm-4.5-ari" },
      code: "UNKNOWN_MODEL",
      hint: "did you mean glm-4.5-air?",
    },
    {
      name: "a deprecated default",
      env: { KIMI_DEFAULT_MODEL: "kimi-k2-0905-preview" },
      code: "MODEL_DEPRECATED",
      hint: "deprecated",
    },
    {
      name: "both priority variables, different",
      env: { PROVIDER_PRIORITY: "glm,kimi", PROVIDER_PRIORITY_ORDER: "kimi,glm" },
      code: "PRIORITY_VARIABLES_DIFFER",
      hint: "PROVIDER_PRIORITY_ORDER",
    },
  ])("$name: a warning without the flag, exit 2 and nothing written with it", async ({ env, code, hint }) => {
    const plain = await register([], env);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain(`[${code}]`);
    expect(plain.stderr).toContain(hint);

    const strict = await register(["--fail-on-warnings"], env);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(`[${code}]`);
    expect(strict.stderr).toMatch(
      new RegExp(
        `--fail-on-warnings: \\d+ warnings? \\([A-Z_, ]*${code}[A-Z_, ]*\\), printed above: nothing was written`,
      ),
    );
    expect(existsSync(strict.file)).toBe(false);

    const named = await register(["--fail-on", code], env);
    expect(named.code).toBe(2);
    expect(existsSync(named.file)).toBe(false);
  });

  it("a good configuration passes --fail-on-warnings and is written", async () => {
    const run = await register(["--fail-on-warnings"], {
      KIMI_PREFERRED_MODELS: "kimi-k3.1-pro",
      GLM_PREFERRED_MODELS: "glm-4.6",
      CUSTOM_MODEL_NAME: "Qwen/Qwen2.5-7B-Instruct",
      OPENROUTER_PREFERRED_MODELS: "z-ai/glm-4.6",
    });
    expect(run.stderr).not.toMatch(/warning:/);
    expect(run.code).toBe(0);
    expect(existsSync(run.file)).toBe(true);
  });

  it("a failed run leaves a good snapshot untouched", async () => {
    const cwd = await tempDir();
    const good = await register([], {}, cwd);
    expect(good.code).toBe(0);
    const before = await readFile(good.file, "utf8");
    const bad = await register(["--fail-on-warnings"], { DEFAULT_MODEL: "glm-4.5-flahs" }, cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("provider_registry_snapshot.json is untouched");
    expect(await readFile(good.file, "utf8")).toBe(before);
  });

  it("--fail-on a code names only that code: other warnings still pass", async () => {
    const run = await register(["--fail-on", "MODEL_NOT_ALLOWED"], { DEFAULT_MODEL: "glm-4.5-flahs" });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("[DEFAULT_MODEL_UNKNOWN]");
  });

  it("--fail-on mixes large-change kinds and warning codes", async () => {
    const run = await register(["--fail-on", "price-jump,UNKNOWN_MODEL"], { KIMI_PREFERRED_MODELS: "kimi-k9" });
    expect(run.code).toBe(2);
  });

  it("an unknown code is a usage error with a suggestion, before any probe", async () => {
    const requests = providers.servers.kimi.requests.length;
    const run = await register(["--fail-on", "UNKNOWN_MODELS"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--fail-on does not know UNKNOWN_MODELS (did you mean UNKNOWN_MODEL?)");
    expect(providers.servers.kimi.requests.length).toBe(requests);
  });

  it("a --catalog file that feeds nothing is a configuration warning too", async () => {
    const cwd = await tempDir();
    await writeFile(
      path.join(cwd, "other.json"),
      JSON.stringify({
        sample_spec: {},
        "some-model": {
          litellm_provider: "no-such-provider-here",
          input_cost_per_token: 1e-6,
          output_cost_per_token: 1e-6,
        },
      }),
    );
    const run = await register(["--catalog", "other.json", "--fail-on-warnings"], {}, cwd);
    expect(run.stderr).toContain("[CATALOG_UNUSED]");
    expect(run.code).toBe(2);
  });

  it("--help documents both, and every configuration code", async () => {
    const run = await runCli(["register", "--help"], { cwd: await tempDir() });
    expect(run.stdout).toContain("--fail-on-warnings");
    expect(run.stdout).toContain("exit 2");
    for (const code of CONFIGURATION_WARNING_CODES) expect(run.stdout.replace(/\s+/g, " ")).toContain(code);
  });
});
