// `register --catalog FILE` end to end against loopback providers: community facts fill what the probe and the
// built-in catalog leave open, each fact names its source, and a bad file stops the run before anything is written.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { LITELLM_SOURCE, MODELS_DEV_SOURCE } from "../../src/catalog/community-catalog.js";
import { main } from "../../src/cli/main.js";
import { modelListHandler } from "../../src/cli/demo/loopback-server.js";
import { schemaProblems } from "../../src/validate/schema-validator.js";
import {
  CANARY,
  demoList,
  expectNoCanary,
  startProviderServers,
  type ProviderServers,
} from "../support/provider-servers.js";
import { useTempDirs } from "../support/temp-dir.js";
import { findModel as model } from "../support/find-model.js";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "catalogs");
const MODELS_DEV = path.join(FIXTURES, "models-dev-api.json");
const LITELLM = path.join(FIXTURES, "litellm-model-prices.json");

const tempDir = useTempDirs();
let providers: ProviderServers | undefined;
afterEach(async () => {
  await providers?.close();
  providers = undefined;
});

/** The demo lists, plus models the built-in catalog does not know: only a community catalog can describe them. */
async function servers(): Promise<ProviderServers> {
  const withExtra = (file: "kimi" | "glm", extra: object[]) => {
    const list = demoList(file) as { data: object[] };
    return { ...list, data: [...list.data, ...extra] };
  };
  return startProviderServers({
    kimi: modelListHandler(
      withExtra("kimi", [
        { id: "kimi-k2-thinking", object: "model", owned_by: "moonshot", created: 1762000000 },
        {
          id: "kimi-vl-preview",
          object: "model",
          owned_by: "moonshot",
          created: 1744000000,
          context_length: 65536,
          supports_image_in: true,
        },
      ]),
      { prefix: "/v1", apiKey: CANARY.kimi },
    ),
    glm: modelListHandler(
      withExtra("glm", [{ id: "glm-4.7", object: "model", owned_by: "z-ai", created: 1766000000 }]),
      { prefix: "/api/paas/v4", apiKey: CANARY.glm },
    ),
  });
}

async function register(args: string[]) {
  providers ??= await servers();
  const cwd = await tempDir();
  let stdout = "";
  let stderr = "";
  const code = await main(["register", ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { ...providers.env, SOURCE_DATE_EPOCH: "1769904000" /* 2026-02-01 */ },
    cwd,
  });
  const file = path.join(cwd, "provider_registry_snapshot.json");
  const snapshot = existsSync(file)
    ? (JSON.parse(await readFile(file, "utf8")) as ProviderRegistrySnapshot)
    : undefined;
  expectNoCanary(stdout, stderr);
  return { code, stdout, stderr, cwd, file, snapshot };
}

describe("register --catalog", () => {
  it("a models.dev file fills a listed model the built-in catalog lacks, every fact sourced overlay:models.dev", async () => {
    const { code, stderr, snapshot } = await register(["--catalog", MODELS_DEV]);
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(0);
    expect(schemaProblems("provider-registry-snapshot", snapshot)).toEqual([]);
    expect(model(snapshot, "kimi", "kimi-k2-thinking")).toMatchObject({
      availability: "listed",
      name: "Kimi K2 Thinking",
      contextWindow: 262144,
      capabilities: { reasoning: true, tools: true, json: true },
      pricing: {
        currency: "USD",
        unit: "per_million_tokens",
        input: 0.6,
        output: 2.5,
        cachedInput: 0.15,
        source: MODELS_DEV_SOURCE,
        asOf: "2025-11-06",
      },
      sources: {
        name: "overlay:models.dev",
        contextWindow: "overlay:models.dev",
        reasoning: "overlay:models.dev",
        pricing: "overlay:models.dev",
      },
    });
    // glm-4.7 is in the built-in catalog (since 2026-11-25), so its facts stand; models.dev's entry still counts below.
    expect(model(snapshot, "glm", "glm-4.7")).toMatchObject({
      contextWindow: 204800,
      pricing: { input: 0.6, output: 2.2 },
      sources: { pricing: "catalog" },
    });
    // It says which file fed which provider.
    expect(stderr).toMatch(/^catalog models\.dev\s+\S*models-dev-api\.json: glm 2, kimi 3, openrouter 1$/m);
  });

  it("the probe beats the overlay, and the built-in catalog wins where it has the fact", async () => {
    const { snapshot } = await register(["--catalog", MODELS_DEV]);
    // Kimi's live answer says 65536; models.dev says 131072.
    expect(model(snapshot, "kimi", "kimi-vl-preview")).toMatchObject({
      contextWindow: 65536,
      status: "preview",
      sources: { contextWindow: "probe", status: "overlay:models.dev" },
    });
    // models.dev's fixture prices kimi-k2-0905-preview at 9.9; the built-in catalog's price stands.
    const k2 = model(snapshot, "kimi", "kimi-k2-0905-preview");
    expect(k2.sources.pricing).toBe("catalog");
    expect(k2.pricing?.input).not.toBe(9.9);
    // OpenRouter prices live: the probe's price, not models.dev's.
    expect(model(snapshot, "openrouter", "z-ai/glm-4.6")).toMatchObject({
      pricing: { input: 0.6, source: "probe" },
      sources: { pricing: "probe" },
    });
  });

  it("adds no model by itself: a catalog model no probe listed and the built-in catalog lacks stays out", async () => {
    const { snapshot } = await register(["--catalog", LITELLM]);
    expect(snapshot?.models.some((m) => m.id === "moonshot-v1-8k-old")).toBe(false);
  });

  it("a LiteLLM file: per-token prices become per-million, sourced overlay:litellm", async () => {
    const { code, snapshot } = await register(["--catalog", LITELLM]);
    expect(code).toBe(0);
    expect(model(snapshot, "kimi", "kimi-k2-thinking")).toMatchObject({
      contextWindow: 262144,
      capabilities: { reasoning: true, tools: true },
      pricing: { input: 0.6, output: 2.5, cachedInput: 0.15, source: LITELLM_SOURCE },
      sources: { pricing: "overlay:litellm", contextWindow: "overlay:litellm" },
    });
  });

  it("of two files, the later one wins; without --catalog nothing is overlaid", async () => {
    const litellmLast = await register(["--catalog", MODELS_DEV, "--catalog", LITELLM]);
    expect(model(litellmLast.snapshot, "kimi", "kimi-k2-thinking").sources.pricing).toBe("overlay:litellm");
    const modelsDevLast = await register(["--catalog", LITELLM, "--catalog", MODELS_DEV]);
    expect(model(modelsDevLast.snapshot, "kimi", "kimi-k2-thinking").sources.pricing).toBe("overlay:models.dev");
    const none = await register([]);
    const sources = none.snapshot!.models.flatMap((m) => Object.values(m.sources));
    expect(sources.some((s) => s.startsWith("overlay:"))).toBe(false);
    expect(model(none.snapshot, "kimi", "kimi-k2-thinking").pricing).toBeNull();
  });

  it("a file with nothing for our providers is a warning, even with --quiet", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "other.json");
    await writeFile(file, JSON.stringify({ cohere: { models: { "command-x": { name: "Command X" } } } }));
    const { code, stderr } = await register(["--catalog", file, "--quiet"]);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /warning: \[CATALOG_UNUSED\] --catalog \S*other\.json \(models\.dev\) has no models for anthropic, custom, deepseek, .*openrouter, together, xai: it changes nothing/,
    );
  });

  it.each([
    [
      "a price written as text",
      (j: any) => (j.moonshotai.models["kimi-k2-thinking"].cost.input = "0.6"),
      /models-dev-api\.json: models\.dev catalog: \/moonshotai\/models\/kimi-k2-thinking\/cost\/input: must be a price/,
    ],
    [
      "a provider's models as a list",
      (j: any) => (j.zai.models = []),
      /: \/zai\/models: must be an object of models by id/,
    ],
  ])("a malformed file (%s) exits 2 naming file and field; nothing is written", async (_what, damage, message) => {
    const dir = await tempDir();
    const file = path.join(dir, "models-dev-api.json");
    const json = JSON.parse(await readFile(MODELS_DEV, "utf8"));
    damage(json);
    await writeFile(file, JSON.stringify(json));
    const run = await register(["--catalog", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.snapshot).toBeUndefined();
  });

  it.each([
    ["missing", undefined, /--catalog \S*missing\.json: cannot read it: ENOENT/],
    ["not JSON", "{ models: ", /broken\.json is not valid JSON/],
    [
      "of another format",
      JSON.stringify({ data: [{ id: "x" }] }),
      /other-format\.json: not a community catalog this version reads/,
    ],
  ])("a file that is %s exits 2 and writes nothing", async (what, content, message) => {
    const dir = await tempDir();
    const file = path.join(
      dir,
      what === "missing" ? "missing.json" : what === "not JSON" ? "broken.json" : "other-format.json",
    );
    if (content !== undefined) await writeFile(file, content);
    const run = await register(["--catalog", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.snapshot).toBeUndefined();
  });

  it("--help documents the flag", async () => {
    const { code, stdout } = await register(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--catalog FILE\s+overlay model facts from a community catalog: models\.dev's api\.json/);
  });
});
