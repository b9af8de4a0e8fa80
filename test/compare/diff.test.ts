// `provider-registry diff OLD NEW`: what a pipeline and a reviewer see, and the exit codes they rely on.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import type { Change } from "../../src/compare/compare-snapshots.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";
import { readJson } from "../support/inputs.js";
import { findModel as model } from "../support/find-model.js";

const tempDir = useTempDirs();
const BASE = readJson<ProviderRegistrySnapshot>("test/fixtures/snapshots/demo-register.json");

/** OLD is the fixture; NEW is the fixture after `mutation`. */
async function pair(mutation: (s: ProviderRegistrySnapshot) => void = () => undefined) {
  const cwd = await tempDir();
  const after = structuredClone(BASE);
  mutation(after);
  await writeFile(path.join(cwd, "old.json"), JSON.stringify(BASE));
  await writeFile(path.join(cwd, "new.json"), JSON.stringify(after));
  return cwd;
}

const breakingAndNot = (s: ProviderRegistrySnapshot) => {
  s.models = s.models.filter((m) => m.id !== "glm-4.5-air"); // breaking
  model(s, "kimi", "kimi-k2-0905-preview").contextWindow = 131072; // breaking
  model(s, "glm", "glm-4.6").pricing!.output = 3; // not
  s.policy.providers.glm!.preferredModels = ["glm-4.6"]; // not
};
const notBreaking = (s: ProviderRegistrySnapshot) => {
  model(s, "glm", "glm-4.6").pricing!.output = 3;
  model(s, "glm", "glm-4.6").capabilities.vision = true;
};

describe("provider-registry diff", () => {
  it("prints breaking changes first, then the rest, then a count", async () => {
    const cwd = await pair(breakingAndNot);
    const run = await runCli(["diff", "old.json", "new.json"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      [
        "Breaking changes (2):",
        "  glm/glm-4.5-air: model removed (was listed)",
        "  kimi/kimi-k2-0905-preview: context window 262144 → 131072",
        "",
        "Other changes (2):",
        '  glm: policy preferredModels [] → ["glm-4.6"]',
        "  glm/glm-4.6: price 0.6/2.2, cached 0.11 USD per million tokens (in/out) → 0.6/3, cached 0.11 USD per million tokens (in/out)",
        "",
        "4 changes, 2 breaking (0 models added, 1 removed).",
        "",
      ].join("\n"),
    );
  });

  it("--json: every change with its kind, place, before, after and class", async () => {
    const cwd = await pair(breakingAndNot);
    const run = await runCli(["diff", "old.json", "new.json", "--json"], { cwd });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { breaking: number; changes: Change[] };
    expect(out.breaking).toBe(2);
    expect(out.changes).toContainEqual({
      kind: "context_changed",
      provider: "kimi",
      model: "kimi-k2-0905-preview",
      before: 262144,
      after: 131072,
      breaking: true,
    });
    expect(out.changes).toContainEqual({
      kind: "model_removed",
      provider: "glm",
      model: "glm-4.5-air",
      before: "listed",
      after: null,
      breaking: true,
    });
    expect(out.changes.map((c) => c.kind).sort()).toEqual([
      "context_changed",
      "model_removed",
      "policy_changed",
      "price_changed",
    ]);
  });

  it("--markdown: a heading, the counts, and a table per class, ready for a pull request", async () => {
    const cwd = await pair(breakingAndNot);
    const run = await runCli(["diff", "old.json", "new.json", "--markdown"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "## Provider registry changes",
        "",
        "4 changes, 2 breaking (0 models added, 1 removed).",
        "",
        "### ⚠️ Breaking (2)",
        "",
        "| where | change |",
        "| --- | --- |",
        "| `glm/glm-4.5-air` | model removed (was listed) |",
        "| `kimi/kimi-k2-0905-preview` | context window 262144 → 131072 |",
        "",
        "### Other (2)",
        "",
        "| where | change |",
        "| --- | --- |",
        '| `glm` | policy preferredModels \\[\\] → \\["glm-4.6"\\] |',
        "| `glm/glm-4.6` | price 0.6/2.2, cached 0.11 USD per million tokens (in/out) → 0.6/3, cached 0.11 USD per million tokens (in/out) |",
        "",
      ].join("\n"),
    );
  });

  it.each([
    ["identical snapshots", () => undefined, [], 0, "No changes.\n"],
    ["identical snapshots", () => undefined, ["--fail-on-breaking"], 0, "No changes.\n"],
    [
      "only timestamps differ",
      (s: ProviderRegistrySnapshot) => (s.generatedAt = "2030-01-01T00:00:00Z"),
      ["--fail-on-breaking"],
      0,
      "No changes.\n",
    ],
    ["changes, none breaking", notBreaking, ["--fail-on-breaking"], 0, "2 changes, 0 breaking"],
    ["a breaking change", breakingAndNot, [], 0, "2 breaking"],
    ["a breaking change", breakingAndNot, ["--fail-on-breaking"], 1, "2 breaking"],
    ["a breaking change", breakingAndNot, ["--fail-on-breaking", "--json"], 1, '"breaking": 2'],
    ["a breaking change", breakingAndNot, ["--fail-on-breaking", "--markdown"], 1, "### ⚠️ Breaking (2)"],
    [
      "a newly disallowed model",
      (s: ProviderRegistrySnapshot) => (s.policy.providers.custom!.allowedModels = []),
      ["--fail-on-breaking"],
      1,
      "custom/Qwen/Qwen2.5-7B-Instruct: no longer allowed",
    ],
    [
      "a default that changes",
      (s: ProviderRegistrySnapshot) => (s.policy.providers.kimi!.defaultModel = null),
      ["--fail-on-breaking"],
      1,
      "kimi: default model kimi-k2-0905-preview → none",
    ],
    [
      "a capability lost",
      (s: ProviderRegistrySnapshot) => (model(s, "openrouter", "openai/gpt-4o-mini").capabilities.tools = false),
      ["--fail-on-breaking"],
      1,
      "openrouter/openai/gpt-4o-mini: lost tools",
    ],
  ])("%s, %j: exit %i", async (_name, mutation, flags, code, output) => {
    const cwd = await pair(mutation);
    const run = await runCli(["diff", "old.json", "new.json", ...flags], { cwd });
    expect(run.code).toBe(code);
    expect(run.stdout).toContain(output);
  });

  it.each([
    [["diff"], "diff: name two snapshot files, OLD and NEW (got 0)"],
    [["diff", "old.json"], "diff: name two snapshot files, OLD and NEW (got 1)"],
    [["diff", "old.json", "new.json", "third.json"], "(got 3)"],
    [["diff", "old.json", "new.json", "--json", "--markdown"], "diff: --json and --markdown cannot be used together"],
    [["diff", "old.json", "new.json", "--html"], "diff: Unknown option '--html'"],
  ])("%j is a usage error: exit 2", async (argv, message) => {
    const cwd = await pair();
    const run = await runCli(argv, { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
  });

  it.each([
    ["OLD missing", "missing.json", "new.json", /OLD .*missing\.json does not exist/],
    ["NEW not JSON", "old.json", "broken.json", /NEW .*broken\.json is not JSON/],
    [
      "NEW not a snapshot",
      "old.json",
      "other.json",
      /NEW .*other\.json is not a valid snapshot: \/: must have required property/,
    ],
  ])("%s: exit 2, naming the file", async (_name, oldFile, newFile, message) => {
    const cwd = await pair();
    await writeFile(path.join(cwd, "broken.json"), '{"models": [');
    await writeFile(path.join(cwd, "other.json"), '{"name": "package.json"}');
    const run = await runCli(["diff", oldFile, newFile], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("--help prints its usage, exit 0", async () => {
    const run = await runCli(["diff", "--help"], { cwd: await tempDir() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Usage: provider-registry diff OLD NEW \[--json \| --markdown\] \[--fail-on-breaking\]/,
    );
    expect((await runCli(["--help"], { cwd: await tempDir() })).stdout).toMatch(
      /^ {2}diff +what changed between two snapshots/m,
    );
  });

  it("reads files, it does not change them", async () => {
    const cwd = await pair(breakingAndNot);
    const before = await readFile(path.join(cwd, "new.json"), "utf8");
    await runCli(["diff", "old.json", "new.json", "--fail-on-breaking"], { cwd });
    expect(await readFile(path.join(cwd, "new.json"), "utf8")).toBe(before);
  });
});
