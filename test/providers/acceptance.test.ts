// The acceptance case for the added providers: a user with only OPENAI_API_KEY and ANTHROPIC_API_KEY set (their URLs pointed at
// loopback servers answering in OpenAI's and Anthropic's shapes) registers, and `select --category fast_response`
// and `--category extended_reasoning`, restricted to either provider, answer with a priced model of that provider.
// The OpenAI answer is the recorded one of test/fixtures/providers plus current ids (see openAiAnswer); Anthropic's
// is walked in pages.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { runCli } from "../support/run-cli.js";
import {
  expectNoNewCanary,
  NEW_CANARY,
  startNewProviderServers,
  type NewProviderServers,
} from "../support/new-provider-servers.js";

let servers: NewProviderServers;
let cwd: string;
let snapshot: ProviderRegistrySnapshot;
let registerOutput: string;

beforeAll(async () => {
  servers = await startNewProviderServers({}, ["openai", "anthropic"]);
  // One folder for the whole file: the selects read the snapshot register wrote.
  cwd = await mkdtemp(path.join(tmpdir(), "provider-registry-acceptance-"));
  // Exactly what the user has: two keys (and, here, where their loopback stand-ins listen).
  const env = {
    OPENAI_API_KEY: NEW_CANARY.openai,
    ANTHROPIC_API_KEY: NEW_CANARY.anthropic,
    OPENAI_API_URL: servers.env.OPENAI_API_URL!,
    ANTHROPIC_API_URL: servers.env.ANTHROPIC_API_URL!,
  };
  const run = await runCli(["register"], { cwd, env });
  registerOutput = run.stdout + run.stderr;
  expect(run.code).toBe(0);
  snapshot = JSON.parse(
    await readFile(path.join(cwd, "provider_registry_snapshot.json"), "utf8"),
  ) as ProviderRegistrySnapshot;
});
afterAll(async () => {
  await servers.close();
  await rm(cwd, { recursive: true, force: true });
});

describe("only OPENAI_API_KEY and ANTHROPIC_API_KEY set", () => {
  it("probes exactly those two; every other provider is skipped for want of a key or a URL", () => {
    const probed = snapshot.providers.filter((p) => p.probe.status !== "skipped").map((p) => [p.id, p.probe.status]);
    expect(probed).toEqual([
      ["anthropic", "ok"],
      ["openai", "ok"],
    ]);
    expectNoNewCanary(registerOutput, JSON.stringify(snapshot));
  });

  it.each([
    ["openai", "fast_response"],
    ["openai", "extended_reasoning"],
    ["anthropic", "fast_response"],
    ["anthropic", "extended_reasoning"],
  ])(
    "select --provider %s --category %s answers with a priced, listed chat model of that provider",
    async (provider, category) => {
      const run = await runCli(["select", "--category", category, "--provider", provider, "--json"], { cwd, env: {} });
      expect(run.code, run.stderr).toBe(0);
      const choice = JSON.parse(run.stdout) as { model: string; provider: string };
      expect(choice.provider).toBe(provider);
      const model = snapshot.models.find((m) => m.provider === provider && m.id === choice.model)!;
      expect(model).toMatchObject({ kind: "chat", availability: "listed" });
      expect(model.pricing).not.toBeNull();
      expect(model.pricing!.input + model.pricing!.output).toBeGreaterThan(0);
      // Reasoning requests get a reasoning model; fast ones a fast-tier model.
      if (category === "extended_reasoning") expect(model.capabilities.reasoning).toBe(true);
      else expect(model.tier).toBe("fast");
    },
  );
});
