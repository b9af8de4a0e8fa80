import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { schemaPath } from "../../src/validate/schema-validator.js";
import { pythonOrSkip, validateWithPython } from "../support/python-jsonschema.js";
import { CANARY, expectNoCanary, startProviderServers, type ProviderServers } from "../support/provider-servers.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";
import { findModel } from "../support/find-model.js";

const tempDir = useTempDirs();
let providers: ProviderServers;
beforeEach(async () => {
  providers = await startProviderServers();
});
afterEach(async () => {
  await providers.close();
});

async function registerOnce(extraEnv: Record<string, string> = {}) {
  const cwd = await tempDir();
  const run = await runCli(["register", "--json"], {
    cwd,
    env: { ...providers.env, SOURCE_DATE_EPOCH: "1764000000", ...extraEnv },
  });
  const file = path.join(cwd, "provider_registry_snapshot.json");
  const text = await readFile(file, "utf8").catch(() => "");
  return { ...run, file, text, snapshot: text ? (JSON.parse(text) as ProviderRegistrySnapshot) : undefined };
}

describe("register against loopback providers in their real shapes", () => {
  it("writes every listed model with its facts and where they came from", async () => {
    const { code, snapshot, stderr } = await registerOnce();
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(0);
    const s = snapshot!;
    // The other built-in providers have no key here: skipped, and so not shown.
    expect(
      s.providers.filter((p) => p.probe.status !== "skipped").map((p) => [p.id, p.probe.status, p.probe.modelCount]),
    ).toEqual([
      ["custom", "ok", 1],
      ["glm", "ok", 6],
      ["kimi", "ok", 8],
      ["openrouter", "ok", 5],
    ]);
    const model = (provider: string, id: string) => findModel(s, provider, id);

    // Kimi reports context and vision live: the live answer beats the catalog, and says so.
    expect(model("kimi", "kimi-k2-0905-preview")).toMatchObject({
      availability: "listed",
      contextWindow: 262144,
      sources: { contextWindow: "probe" },
    });
    expect(model("kimi", "moonshot-v1-128k-vision-preview")).toMatchObject({
      capabilities: { vision: true },
      sources: { vision: "probe" },
    });
    // An old-shape entry (id only) keeps the catalog's facts.
    expect(model("kimi", "moonshot-v1-8k").sources.contextWindow).toBe("catalog");
    // Catalog models the probe did not list are kept, and marked as not routable.
    expect(model("kimi", "kimi-k2-0711-preview").availability).toBe("not_listed");
    expect(model("kimi", "kimi-latest-128k").movingAlias).toBe(true);
    // GLM lists ids only; embedding-3 is not a chat model.
    expect(model("glm", "glm-4.6")).toMatchObject({ availability: "listed", sources: { contextWindow: "catalog" } });
    expect(model("glm", "embedding-3").kind).toBe("embedding");
    expect(model("glm", "glm-4.5-x").availability).toBe("not_listed");
    // OpenRouter: per-token strings become exact per-million prices; :free is free tier.
    expect(model("openrouter", "moonshotai/kimi-k2").pricing).toMatchObject({
      input: 0.55,
      output: 2.2,
      cachedInput: 0.15,
      unit: "per_million_tokens",
      source: "probe",
    });
    expect(model("openrouter", "moonshotai/kimi-k2:free")).toMatchObject({
      freeTier: true,
      pricing: { input: 0, output: 0 },
    });
    expect(model("openrouter", "openrouter/auto").pricing).toBeNull();
    expect(model("openrouter", "openai/gpt-4o-mini").capabilities).toMatchObject({
      vision: true,
      tools: true,
      json: true,
    });
    // vLLM reports max_model_len.
    expect(model("custom", "Qwen/Qwen2.5-7B-Instruct")).toMatchObject({
      contextWindow: 32768,
      sources: { contextWindow: "probe" },
    });
  });

  it("sends each provider its key, and no key appears in the snapshot, on stdout or on stderr", async () => {
    const { code, text, stdout, stderr } = await registerOnce();
    expect(code).toBe(0);
    expect(providers.servers.kimi.requests[0]?.headers.authorization).toBe(`Bearer ${CANARY.kimi}`);
    expect(providers.servers.glm.requests[0]?.headers.authorization).toBe(`Bearer ${CANARY.glm}`);
    expectNoCanary(text, stdout, stderr);
    // The snapshot names the variable that held the key, never the key.
    const snapshot = JSON.parse(text) as ProviderRegistrySnapshot;
    expect(snapshot.providers.find((p) => p.id === "kimi")?.apiKeyVariable).toBe("KIMI_API_KEY");
  });

  it("gives the same bytes twice in a row", async () => {
    const first = await registerOnce();
    const second = await registerOnce();
    expect(first.text.length).toBeGreaterThan(1000);
    expect(second.text).toBe(first.text);
  });

  it(
    "writes a snapshot that Python's jsonschema accepts against the published schema",
    { timeout: 60_000 },
    async (context) => {
      const python = pythonOrSkip(context);
      const { file } = await registerOnce();
      const [result] = validateWithPython(python, schemaPath("provider-registry-snapshot"), [file]);
      expect(result?.errors).toEqual([]);
    },
  );

  it("prints one progress line per provider, and the summary on stdout with --json", async () => {
    const { stdout, stderr } = await registerOnce();
    for (const id of ["kimi", "glm", "openrouter", "custom"])
      expect(stderr).toMatch(new RegExp(`^${id}\\s+ok\\s+listed \\d+ models?\\s+\\(\\d+ ms\\)$`, "m"));
    const summary = JSON.parse(stdout) as { models: number; providers: { id: string; status: string }[] };
    expect(summary.providers.filter((p) => p.status !== "skipped")).toHaveLength(4);
    expect(summary.models).toBeGreaterThan(20);
  });

  it("says why each provider was skipped", async () => {
    const cwd = await tempDir();
    const run = await runCli(["register"], {
      cwd,
      env: {
        CUSTOM_API_URL: providers.env.CUSTOM_API_URL!,
        ENABLE_OPENROUTER: "false",
        OPENROUTER_API_KEY: "x-unused-key",
      },
    });
    expect(run.code).toBe(0);
    const snapshot = JSON.parse(
      await readFile(path.join(cwd, "provider_registry_snapshot.json"), "utf8"),
    ) as ProviderRegistrySnapshot;
    const probe = Object.fromEntries(snapshot.providers.map((p) => [p.id, p.probe]));
    expect(probe.kimi).toMatchObject({ status: "skipped", reason: "no API key: set KIMI_API_KEY or MOONSHOT_API_KEY" });
    expect(probe.openrouter).toMatchObject({ status: "skipped", reason: "ENABLE_OPENROUTER is false" });
    expect(probe.custom).toMatchObject({ status: "ok" });
    // Catalog models of providers that were not probed are kept, unverified.
    expect(snapshot.models.filter((m) => m.provider === "kimi").every((m) => m.availability === "unverified")).toBe(
      true,
    );
  });

  it("reads .env from the working folder, and the real environment wins over it", async () => {
    const cwd = await tempDir();
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      path.join(cwd, ".env"),
      `CUSTOM_API_URL=${providers.env.CUSTOM_API_URL}\nCUSTOM_DEFAULT_MODEL=from-file\n`,
    );
    const run = await runCli(["register"], { cwd, env: { CUSTOM_DEFAULT_MODEL: "qwen/qwen2.5-7b-instruct" } });
    expect(run.code).toBe(0);
    const snapshot = JSON.parse(
      await readFile(path.join(cwd, "provider_registry_snapshot.json"), "utf8"),
    ) as ProviderRegistrySnapshot;
    expect(snapshot.providers.find((p) => p.id === "custom")?.probe.status).toBe("ok");
    expect(snapshot.policy.providers.custom?.defaultModel).toBe("Qwen/Qwen2.5-7B-Instruct");
  });

  it("resolves the routing policy and reports what it sees, naming the variable", async () => {
    const { snapshot, stderr } = await registerOnce({
      KIMI_PREFERRED_MODELS: "KIMI-K2, kimi-k2-0711-preview",
      KIMMI_DEFAULT_MODEL: "kimi-k2",
      GLM_ALLOWED_MODELS: "glm-4.5-flash,glm-4.6",
      GLM_PREFERRED_MODELS: "glm-4.5",
      DEFAULT_MODEL: "no-such-model",
      PROVIDER_PRIORITY: "glm,kimi",
    });
    const s = snapshot!;
    expect(s.policy.providerPriority.slice(0, 4)).toEqual(["glm", "kimi", "custom", "openrouter"]);
    expect(s.policy.providers.kimi?.preferredModels).toEqual(["kimi-k2-0905-preview", "kimi-k2-0711-preview"]);
    expect(s.policy.providers.glm?.allowedModels).toEqual(["glm-4.5-flash", "glm-4.6"]);
    const codes = s.diagnostics.map((d) => `${d.code}:${d.variable ?? ""}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "MODEL_NOT_LISTED:KIMI_PREFERRED_MODELS",
        "UNKNOWN_VARIABLE_PREFIX:KIMMI_DEFAULT_MODEL",
        "MODEL_NOT_ALLOWED:GLM_PREFERRED_MODELS",
        "DEFAULT_MODEL_UNKNOWN:DEFAULT_MODEL",
      ]),
    );
    expect(stderr).toMatch(
      /warning: \[UNKNOWN_VARIABLE_PREFIX\] KIMMI_DEFAULT_MODEL .*did you mean KIMI_DEFAULT_MODEL/,
    );
  });

  it("marks a provider whose probe failed, and warns", async () => {
    await providers.servers.glm.close();
    const { code, snapshot } = await registerOnce();
    expect(code).toBe(0);
    const glm = snapshot!.providers.find((p) => p.id === "glm")!;
    expect(glm.probe).toMatchObject({ status: "failed", errorKind: "network" });
    expect(snapshot!.diagnostics).toContainEqual(
      expect.objectContaining({ code: "PROBE_FAILED", provider: "glm", level: "warning" }),
    );
  });

  it("probes a user's own OpenAI-compatible provider from a data file (--providers), with its own variables", async () => {
    const { startLoopbackServer, modelListHandler } = await import("../../src/cli/demo/loopback-server.js");
    const { writeFile, mkdir } = await import("node:fs/promises");
    const lmstudio = await startLoopbackServer(
      modelListHandler(
        {
          object: "list",
          data: [
            { id: "qwen2.5-coder-7b", object: "model" },
            { id: "llama-3.2-3b", object: "model" },
          ],
        },
        { prefix: "/v1" },
      ),
    );
    try {
      const cwd = await tempDir();
      await mkdir(path.join(cwd, "providers"));
      await writeFile(
        path.join(cwd, "providers", "myllm.json"),
        JSON.stringify({
          id: "myllm",
          displayName: "LM Studio",
          adapter: "openai-compatible",
          baseUrl: { env: ["MYLLM_API_URL"] },
          apiKey: { env: ["MYLLM_API_KEY"], required: false },
        }),
      );
      const run = await runCli(["register", "--providers", "providers/*.json"], {
        cwd,
        env: { MYLLM_API_URL: `${lmstudio.origin}/v1`, MYLLM_PREFERRED_MODELS: "LLAMA-3.2-3B" },
      });
      expect(run.code).toBe(0);
      const snapshot = JSON.parse(
        await readFile(path.join(cwd, "provider_registry_snapshot.json"), "utf8"),
      ) as ProviderRegistrySnapshot;
      expect(snapshot.providers.find((p) => p.id === "myllm")?.probe).toMatchObject({ status: "ok", modelCount: 2 });
      expect(snapshot.models.filter((m) => m.provider === "myllm").map((m) => m.id)).toEqual([
        "llama-3.2-3b",
        "qwen2.5-coder-7b",
      ]);
      expect(snapshot.policy.providers.myllm?.preferredModels).toEqual(["llama-3.2-3b"]);
      // A user's provider comes after the built-in ones in the default priority.
      expect(snapshot.policy.providerPriority.slice(0, 4)).toEqual(["kimi", "glm", "custom", "openrouter"]);
      expect(snapshot.policy.providerPriority.at(-1)).toBe("myllm");
    } finally {
      await lmstudio.close();
    }
  });

  it("a provider file that breaks its schema is a configuration error naming the file and field", async () => {
    const { writeFile } = await import("node:fs/promises");
    const cwd = await tempDir();
    await writeFile(
      path.join(cwd, "bad.json"),
      JSON.stringify({
        id: "bad",
        displayName: "Bad",
        adapter: "soap",
        baseUrl: { env: ["BAD_URL"] },
        apiKey: { env: [], required: false },
      }),
    );
    const run = await runCli(["register", "--providers", "bad.json"], { cwd, env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bad.json does not match provider-definition.schema.json");
    expect(run.stderr).toContain("/adapter");
  });

  it("tells, for a provider with several models and no preference, what each category will get", async () => {
    const { snapshot } = await registerOnce();
    const note = snapshot!.diagnostics.find((d) => d.code === "NO_PREFERENCE" && d.provider === "glm");
    expect(note?.level).toBe("info");
    expect(note?.message).toMatch(/fast_response → \S+ .*; balanced → \S+ .*; extended_reasoning → \S+/);
  });
});
