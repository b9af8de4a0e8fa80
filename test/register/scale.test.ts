// Registration at scale, against real HTTP servers on 127.0.0.1: the response size cap and its option, probing
// hundreds of providers at once (and the option that bounds it), and a re-run that does not read the previous
// snapshot again when nothing changed. No timing is asserted: what is checked is what the servers and files saw.
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { modelListHandler, startLoopbackServer, type LoopbackResponse } from "../../src/cli/demo/loopback-server.js";
import { register, type PreviousSnapshot } from "../../src/register.js";
import { startProviderServers } from "../support/provider-servers.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
const FILE = "provider_registry_snapshot.json";
const EPOCH = { SOURCE_DATE_EPOCH: "1764000000" };

/** A vLLM-shaped list (a local OpenAI-compatible server) of `count` models. */
const vllmList = (count: number) => ({
  object: "list",
  data: Array.from({ length: count }, (_, i) => ({
    id: `org/model-${i}`,
    object: "model",
    owned_by: "vllm",
    max_model_len: 32768,
  })),
});

describe("--max-response-bytes", () => {
  // About 4.8 kB: over a 2,048-byte cap, well under a 1 MiB one.
  const list = vllmList(60);

  async function customOnly() {
    const providers = await startProviderServers({ custom: modelListHandler(list, { prefix: "/v1" }) });
    return { providers, env: { CUSTOM_API_URL: providers.env.CUSTOM_API_URL!, ...EPOCH } };
  }

  it("a provider cut by the cap fails loudly: a warning naming the option, the provider failed as too_large, never an empty success", async () => {
    const { providers, env } = await customOnly();
    try {
      const cwd = await tempDir();
      const run = await runCli(["register", "--quiet", "--max-response-bytes", "2048"], { cwd, env });
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(
        /RESPONSE_TOO_LARGE.*custom's model list is larger than --max-response-bytes \(2048 bytes\)/,
      );
      const snapshot = JSON.parse(await readFile(path.join(cwd, FILE), "utf8")) as ProviderRegistrySnapshot;
      const custom = snapshot.providers.find((p) => p.id === "custom")!;
      expect(custom.probe).toMatchObject({ status: "failed", errorKind: "too_large", modelCount: 0 });
      expect(snapshot.models.filter((m) => m.provider === "custom" && m.availability === "listed")).toEqual([]);
    } finally {
      await providers.close();
    }
  });

  it("under --strict it is exit 3, the option named, nothing written", async () => {
    const { providers, env } = await customOnly();
    try {
      const cwd = await tempDir();
      const run = await runCli(["register", "--quiet", "--strict", "--max-response-bytes", "2048"], { cwd, env });
      expect(run.code).toBe(3);
      expect(run.stderr).toContain("--max-response-bytes");
      expect(run.stderr).toMatch(/--strict: the probe failed for custom \(the answer is larger than 2048 bytes\)/);
      await expect(stat(path.join(cwd, FILE))).rejects.toThrow(/ENOENT/);
    } finally {
      await providers.close();
    }
  });

  it("raised, the same answer is read whole", async () => {
    const { providers, env } = await customOnly();
    try {
      const cwd = await tempDir();
      const run = await runCli(["register", "--quiet", "--strict", "--max-response-bytes", "1048576"], { cwd, env });
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain("RESPONSE_TOO_LARGE");
      const snapshot = JSON.parse(await readFile(path.join(cwd, FILE), "utf8")) as ProviderRegistrySnapshot;
      expect(snapshot.models.filter((m) => m.provider === "custom" && m.availability === "listed")).toHaveLength(60);
    } finally {
      await providers.close();
    }
  });

  it.each([
    ["0", /--max-response-bytes must be a whole number of at least 1024, not "0": it takes 1024 to 536870848/],
    ["1023", /not "1023": it takes 1024 to 536870848/],
    ["536870849", /not "536870849": it takes 1024 to 536870848/],
    ["32MB", /not "32MB": it takes 1024 to 536870848/],
    ["", /not "": it takes 1024 to 536870848/],
  ])("--max-response-bytes %j is a usage error (exit 2) stating the range", async (value, message) => {
    const run = await runCli(["register", "--max-response-bytes", value], { cwd: await tempDir(), env: EPOCH });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it.each(["0", "1025", "many"])("--probe-concurrency %j is a usage error (exit 2)", async (value) => {
    const run = await runCli(["register", "--probe-concurrency", value], { cwd: await tempDir(), env: EPOCH });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--probe-concurrency must be a whole number of at least 1, not "[^"]*": it takes 1 to 1024/,
    );
  });
});

describe("probing many providers", () => {
  /**
   * `count` openai-compatible providers behind one loopback server. Each request is held until `gate` requests are in
   * flight together (or 3 s pass, so a pool that never gets there still ends): the most seen at once is how many
   * probes ran side by side.
   */
  async function fleet(count: number, gate: number) {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, "providers"));
    let inFlight = 0;
    let most = 0;
    let waiting: (() => void)[] = [];
    const server = await startLoopbackServer(async (request): Promise<LoopbackResponse> => {
      inFlight++;
      most = Math.max(most, inFlight);
      if (inFlight >= gate) for (const release of waiting.splice(0)) release();
      else {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 3000).unref();
        });
      }
      inFlight--;
      const n = /^\/(p\d+)\/v1\/models$/.exec(request.path)?.[1];
      return n
        ? { json: { object: "list", data: [{ id: `${n}-model`, object: "model" }] } }
        : { status: 404, json: {} };
    });
    const env: Record<string, string> = { ...EPOCH };
    for (let i = 0; i < count; i++) {
      const id = `p${String(i).padStart(3, "0")}`;
      const variable = `${id.toUpperCase()}_API_URL`;
      const definition = {
        id,
        displayName: `Provider ${i}`,
        adapter: "openai-compatible",
        baseUrl: { env: [variable] },
        apiKey: { env: [`${id.toUpperCase()}_API_KEY`], required: false },
      };
      await writeFile(path.join(cwd, "providers", `${id}.json`), JSON.stringify(definition));
      env[variable] = `${server.origin}/${id}/v1`;
    }
    return {
      cwd,
      env,
      most: () => most,
      close: async () => {
        for (const release of waiting.splice(0)) release();
        waiting = [];
        await server.close();
      },
    };
  }

  it("200 providers are probed side by side by default, in one wave, not in waves of a fixed size", async () => {
    const f = await fleet(200, 200);
    try {
      const result = await register({
        env: f.env,
        cwd: f.cwd,
        providerGlobs: ["providers/*.json"],
        generatorVersion: "0.0.0-test",
        timeoutMs: 60_000,
      });
      expect(result.snapshot.providers.filter((p) => p.probe.status === "ok")).toHaveLength(200);
      expect(f.most()).toBe(200);
    } finally {
      await f.close();
    }
  });

  it("--probe-concurrency bounds how many are in flight, and every provider is still probed", async () => {
    const f = await fleet(40, 8);
    try {
      const run = await runCli(["register", "--quiet", "--providers", "providers/*.json", "--probe-concurrency", "8"], {
        cwd: f.cwd,
        env: f.env,
      });
      expect(run.code).toBe(0);
      const snapshot = JSON.parse(await readFile(path.join(f.cwd, FILE), "utf8")) as ProviderRegistrySnapshot;
      expect(snapshot.providers.filter((p) => p.probe.status === "ok")).toHaveLength(40);
      expect(f.most()).toBe(8);
    } finally {
      await f.close();
    }
  });
});

describe("a re-run and the previous snapshot", () => {
  it("is loaded only when a probe failed or the content changed; equal content hashes skip the comparison", async () => {
    const providers = await startProviderServers();
    try {
      const cwd = await tempDir();
      const options = { env: { ...providers.env, ...EPOCH }, cwd, generatorVersion: "0.0.0-test" };
      const first = (await register(options)).snapshot;
      let loads = 0;
      const previous: PreviousSnapshot = {
        contentHash: first.contentHash,
        load: async () => {
          loads++;
          return first;
        },
      };

      const same = await register({ ...options, previous });
      expect(same.snapshot.contentHash).toBe(first.contentHash);
      expect(loads).toBe(0);
      expect(same.largeChanges).toEqual([]);

      // The content changed (a provider now skipped): compared, so the vanished models are reported.
      const changed = await register({ ...options, env: { ...options.env, ENABLE_OPENROUTER: "false" }, previous });
      expect(loads).toBe(1);
      expect(changed.largeChanges.map((c) => c.kind)).toContain("model-disappeared");

      // A probe failed: its models are kept from the previous snapshot, which has to be read for that.
      loads = 0;
      await providers.servers.glm.close();
      const failed = await register({ ...options, previous });
      expect(loads).toBeGreaterThanOrEqual(1);
      expect(failed.snapshot.models.some((m) => m.provider === "glm" && m.availability === "stale")).toBe(true);
    } finally {
      await providers.close();
    }
  });
});
