// `provider-registry select`, called as a function with a fake io: no process, no environment.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { select } from "../../src/cli/commands/select.js";
import type { CliIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { UsageError } from "../../src/core/errors.js";
import { fixturesDir } from "../support/snapshots.js";

const cwd = mkdtempSync(path.join(tmpdir(), "selector-cli-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
copyFileSync(path.join(fixturesDir, "kimi-glm-complaint.json"), path.join(cwd, "provider_registry_snapshot.json"));
const DEMO = path.join(fixturesDir, "demo-register.json");

/** The command must not read the environment: any access fails the test. */
const forbiddenEnv = new Proxy({} as Record<string, string>, {
  get(_, name) {
    throw new Error(`select read io.env.${String(name)}`);
  },
  has(_, name) {
    throw new Error(`select asked io.env for ${String(name)}`);
  },
  ownKeys() {
    throw new Error("select listed io.env");
  },
});

async function run(argv: string[], at = cwd): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: forbiddenEnv,
    cwd: at,
  };
  const code = await select(argv, io);
  return { code, stdout, stderr };
}

async function runMain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["select", ...argv], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: forbiddenEnv,
    cwd,
  });
  return { code, stdout, stderr };
}

describe("select command: choosing", () => {
  test("reads provider_registry_snapshot.json in the working folder and prints the choice, its reason and fallbacks", async () => {
    const { code, stdout, stderr } = await run(["--category", "fast_response"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const [first, second] = stdout.split("\n");
    expect(first).toBe(
      "kimi-k2-0905-preview (kimi): kimi-k2-0905-preview is kimi's default model (policy.providers.kimi.defaultModel), and kimi is first in provider priority.",
    );
    expect(second).toMatch(
      /^fallbacks: kimi-k2-turbo-preview \(kimi\)(, \S+ \(\w+\)){4} and \d+ more \(--fallbacks all lists them\)$/,
    );
    const all = (await run(["--category", "fast_response", "--fallbacks", "all"])).stdout.split("\n")[1]!;
    expect(all).toMatch(/^fallbacks: kimi-k2-turbo-preview \(kimi\), .*glm-4\.5-flash \(glm\)/);
    expect(all).not.toContain("more");
  });

  test("--fallbacks N prints N fallbacks; a bad value is a usage error", async () => {
    const two = (await run(["--fallbacks", "2"])).stdout.split("\n")[1]!;
    expect(two).toMatch(/^fallbacks: \S+ \(\w+\), \S+ \(\w+\) and \d+ more/);
    expect((await run(["--fallbacks", "0"])).stdout.split("\n")[1]).toMatch(/^fallbacks: and \d+ more/);
    await expect(run(["--fallbacks", "some"])).rejects.toSatisfy(
      (e) => e instanceof UsageError && /--fallbacks takes a whole number or all/.test((e as Error).message),
    );
  });

  test("--json prints model, provider, reason, fallbacks and trace", async () => {
    const { code, stdout } = await run([
      "--json",
      "--fallbacks",
      "all",
      "--require",
      "vision",
      "--min-context",
      "100000",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["model", "provider", "reason", "fallbacks", "trace"]);
    // Priced and in the mid band, ahead of kimi-thinking-preview, whose price is unknown.
    expect(json).toMatchObject({ model: "moonshot-v1-128k-vision-preview", provider: "kimi" });
    expect(json).not.toHaveProperty("omitted");
    expect((json.fallbacks as unknown[]).every((f) => Object.keys(f as object).join() === "model,provider")).toBe(true);
    expect((json.trace as { outcome: string }[]).filter((e) => e.outcome === "chosen")).toHaveLength(1);
  });

  test("--explain adds the trace: bounded by default, whole with --fallbacks all", async () => {
    const { stdout } = await run(["--explain", "--provider", "glm"]);
    expect(stdout).toMatch(/\ntrace:\n  glm\n    chosen +glm-4\.6 +merit/);
    expect(stdout).not.toMatch(/dropped +embedding-3/);
    expect(stdout).toMatch(/not shown: 1 more model \(1 not_chat\); --fallbacks all shows every one/);
    const all = await run(["--explain", "--provider", "glm", "--fallbacks", "all"]);
    expect(all.stdout).toMatch(/dropped +embedding-3 +not_chat/);
    expect(all.stdout).not.toContain("not shown");
  });

  test("--json is bounded too, and says what it left out and how to get it", async () => {
    const bounded = JSON.parse((await run(["--json", "--fallbacks", "1"])).stdout) as {
      fallbacks: unknown[];
      trace: { outcome: string }[];
      omitted: { fallbacks: number; trace: number; all: string };
    };
    const whole = JSON.parse((await run(["--json", "--fallbacks", "all"])).stdout) as {
      fallbacks: unknown[];
      trace: unknown[];
    };
    expect(bounded.fallbacks).toEqual(whole.fallbacks.slice(0, 1));
    expect(bounded.omitted).toEqual({
      fallbacks: whole.fallbacks.length - 1,
      trace: whole.trace.length - bounded.trace.length,
      all: "--fallbacks all",
    });
    expect(bounded.trace.filter((e) => e.outcome === "fallback")).toHaveLength(1);
    expect(whole).not.toHaveProperty("omitted");
  });

  test("every flag reaches the request", async () => {
    const { stdout } = await run([
      "--snapshot",
      DEMO,
      "--model",
      "GLM-4.6",
      "--provider",
      "glm",
      "--require",
      "tools, json",
      "--require",
      "reasoning",
      "--min-output",
      "1000",
      "--exclude",
      "glm-4.5",
      "--json",
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ model: "glm-4.6", provider: "glm" });
    const excluded = await run([
      "--snapshot",
      DEMO,
      "--exclude",
      "kimi-k2,glm-4.6",
      "--exclude",
      "kimi-thinking",
      "--json",
    ]);
    // Every listed Kimi model of the demo is deprecated, so health before priority routes to GLM's best that is left.
    expect(JSON.parse(excluded.stdout)).toMatchObject({ model: "glm-4.5", provider: "glm" });
  });

  test("--snapshot is resolved against the working folder, and the answer does not depend on the folder", async () => {
    const other = path.join(cwd, "elsewhere");
    mkdirSync(other, { recursive: true });
    const here = await run(["--snapshot", "provider_registry_snapshot.json", "--json"]);
    const there = await run(["--snapshot", "../provider_registry_snapshot.json", "--json"], other);
    expect(there.stdout).toBe(here.stdout);
  });

  test("--help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: provider-registry select");
    expect(stdout).toContain("--min-context N");
    expect(stdout).toContain("--fallbacks N|all");
  });
});

describe("select command: nothing to choose", () => {
  test("exit 1; with --json, the error and the trace on stdout", async () => {
    const { code, stdout } = await run(["--json", "--require", "vision,reasoning,json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { error: { code: string; message: string }; trace: { outcome: string }[] };
    expect(Object.keys(json)).toEqual(["error", "trace", "omitted"]);
    expect(json.error.code).toBe("NO_MODEL_AVAILABLE");
    expect(json.trace.length).toBeGreaterThan(0);
    expect(json.trace.every((e) => e.outcome === "dropped")).toBe(true);
  });

  test("exit 1; without --json, the message and a hint on stderr", async () => {
    const { code, stdout, stderr } = await run(["--model", "kimi-latest-8k"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(
      `provider-registry: "kimi-latest-8k" cannot be used: kimi-latest-8k at kimi: kimi's probe succeeded and did not list it`,
    );
    expect(stderr).toContain("hint: add --explain");
  });

  test("with --explain, the trace on stderr", async () => {
    const { stderr } = await run(["--model", "kimi-latest-8k", "--explain"]);
    expect(stderr).toMatch(/dropped +kimi-latest-8k +not_listed/);
  });
});

describe("select command: snapshot problems", () => {
  test.each([
    [
      "missing",
      "nope.json",
      null,
      "SNAPSHOT_NOT_FOUND",
      /no snapshot at .*nope\.json: run `provider-registry register`/,
    ],
    ["truncated", "truncated.json", '{"$schema": "https://provider-re', "SNAPSHOT_NOT_JSON", /is not JSON/],
    [
      "of another major version",
      "v3.json",
      JSON.stringify({ schemaVersion: "3.1.0" }),
      "UNSUPPORTED_SCHEMA_VERSION",
      /schemaVersion 3\.1\.0/,
    ],
    [
      "invalid",
      "invalid.json",
      JSON.stringify({ schemaVersion: "1.0.0" }),
      "SNAPSHOT_INVALID",
      /\/models: is required but missing/,
    ],
  ])("%s: exit 1, the message on stderr, no stack trace", async (_, file, content, errorCode, message) => {
    if (content !== null) writeFileSync(path.join(cwd, file), content);
    const plain = await run(["--snapshot", file]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(message);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    expect(plain.stdout).toBe("");
    const json = await run(["--snapshot", file, "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: errorCode } });
  });
});

describe("select command: bad flags are usage errors", () => {
  test.each([
    [["--min-context", "abc"], /--min-context takes a whole number/],
    [["--min-output", "-5"], /--min-output takes a whole number|argument missing|ambiguous/],
    [["--category", "fast"], /--category must be one of fast_response, balanced, extended_reasoning/],
    [["--require", "vision,telepathy"], /--require takes vision, tools, reasoning, json/],
    [["--colour"], /Unknown option '--colour'/],
    [["kimi-k2"], /Unexpected argument|positional/],
    [["--model"], /argument missing/],
  ])("%j", async (argv, message) => {
    await expect(run(argv)).rejects.toSatisfy((e) => e instanceof UsageError && message.test(e.message));
  });

  test("an unknown provider is a usage error", async () => {
    await expect(run(["--provider", "openai"])).rejects.toSatisfy(
      (e) => e instanceof UsageError && /unknown provider "openai"/.test((e as Error).message),
    );
  });

  test("through main: exit 2 for usage, 1 for nothing selectable, 0 for a choice", async () => {
    expect((await runMain(["--min-context", "abc"])).code).toBe(2);
    expect((await runMain(["--model", "gpt-5"])).code).toBe(1);
    expect((await runMain([])).code).toBe(0);
  });
});
