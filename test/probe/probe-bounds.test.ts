// The probe's own limits, at the library level: what no misbehaving server alone can reach.
import { describe, expect, it } from "vitest";
import { startLoopbackServer } from "../../src/cli/demo/loopback-server.js";
import { defaultRequestTimeoutMs } from "../../src/probe/probe-all.js";
import { probeProvider } from "../../src/probe/probe-provider.js";
import type { ProviderAdapter } from "../../src/providers/adapter.js";
import { adapters } from "../../src/providers/adapters/index.js";
import { register } from "../../src/register.js";
import { CANARY, expectNoCanary, startProviderServers } from "../support/provider-servers.js";

describe("bounds", () => {
  it("a probe that would never return (a wait that never ends) is given up at the deadline; the run finishes", async () => {
    const providers = await startProviderServers({
      kimi: () => ({ status: 429, json: { error: { type: "rate_limit_reached_error" } } }),
    });
    try {
      const result = await register({
        env: { ...providers.env, SOURCE_DATE_EPOCH: "1764000000" },
        cwd: process.cwd(),
        generatorVersion: "0.0.0-test",
        // Long enough that the first answer and the backoff fit even on a loaded machine: a shorter deadline can
        // end the probe at the wait itself, before the backstop this case is about.
        timeoutMs: 2000,
        probe: { sleep: () => new Promise<void>(() => undefined) },
      });
      const probe = Object.fromEntries(result.snapshot.providers.map((p) => [p.id, p.probe]));
      expect(probe.kimi).toMatchObject({
        status: "failed",
        errorKind: "timeout",
        reason: "no answer before the deadline",
      });
      for (const id of ["glm", "openrouter", "custom"]) expect(probe[id]?.status).toBe("ok");
      expect(providers.servers.kimi.requests).toHaveLength(1);
    } finally {
      await providers.close();
    }
  });

  it("a per-provider deadline shorter than the overall one ends that provider's retries", async () => {
    const providers = await startProviderServers({ kimi: () => ({ status: 503, json: {} }) });
    let clock = Date.parse("2026-01-15T12:00:00Z");
    const sleeps: number[] = [];
    try {
      const result = await register({
        env: { ...providers.env, SOURCE_DATE_EPOCH: "1764000000" },
        cwd: process.cwd(),
        generatorVersion: "0.0.0-test",
        timeoutMs: 1_000_000,
        now: () => clock,
        probe: {
          providerTimeoutMs: 35_000,
          requestTimeoutMs: 5000,
          retry: { maxAttempts: 10, baseDelayMs: 10_000, maxDelayMs: 100_000 },
          random: () => 0.999,
          sleep: async (ms) => {
            sleeps.push(ms);
            clock += ms;
          },
        },
      });
      // Waits of 9990 and 19980 ms fit in 35 s; the next (39960) would end past it, so kimi stops after 3 of its
      // 10 allowed attempts, although the overall deadline is far away.
      expect(result.snapshot.providers.find((p) => p.id === "kimi")?.probe).toMatchObject({
        status: "failed",
        errorKind: "server_error",
        attempts: 3,
      });
      expect(sleeps).toEqual([9990, 19980]);
      expect(providers.servers.kimi.requests).toHaveLength(3);
    } finally {
      await providers.close();
    }
  });

  it("the default per-request timeout leaves room for retries but never exceeds the deadline", () => {
    expect(defaultRequestTimeoutMs(30_000, 3)).toBe(10_000);
    expect(defaultRequestTimeoutMs(120_000, 3)).toBe(40_000);
    expect(defaultRequestTimeoutMs(600, 3)).toBe(600);
    expect(defaultRequestTimeoutMs(5000, 0)).toBe(5000);
  });

  it("an adapter that throws something other than ResponseShapeError fails that provider's probe, not the run", async () => {
    const server = await startLoopbackServer(() => ({ json: { data: [{ id: CANARY.kimi }] } }));
    const broken: ProviderAdapter = {
      ...adapters.kimi!,
      translateModel: (raw) => {
        throw new TypeError(`cannot read ${JSON.stringify(raw)}`);
      },
    };
    try {
      const outcome = await probeProvider(
        { url: `${server.origin}/v1/models`, authorization: `Bearer ${CANARY.kimi}`, secrets: [CANARY.kimi] },
        broken,
        {
          deadline: Date.now() + 5000,
          requestTimeoutMs: 5000,
          maxBytes: 1 << 20,
        },
      );
      expect(outcome).toMatchObject({ status: "failed", errorKind: "internal_error", attempts: 1 });
      expect(outcome.reason).toBe(
        "the answer could not be read (internal error: TypeError); this is a bug, please report it",
      );
      expectNoCanary(JSON.stringify(outcome));
    } finally {
      await server.close();
    }
  });

  it("a model id that holds the key is dropped; one that holds a URL's query value or user name is kept", async () => {
    const ids = [CANARY.kimi, `kimi-${CANARY.kimi.toUpperCase()}`, "gpt-4o-2024-10-21", "probe-user/model"];
    const server = await startLoopbackServer(() => ({ json: { data: ids.map((id) => ({ id })) } }));
    try {
      const outcome = await probeProvider(
        { url: `${server.origin}/v1/models`, secrets: [CANARY.kimi, "2024-10-21", "probe-user"] },
        adapters.kimi!,
        {
          deadline: Date.now() + 5000,
          requestTimeoutMs: 5000,
          maxBytes: 1 << 20,
        },
      );
      expect(outcome.status === "ok" && outcome.models.map((m) => m.id)).toEqual([
        "gpt-4o-2024-10-21",
        "probe-user/model",
      ]);
      expect(outcome.reason).toBe("listed 2 models (2 unusable id(s) dropped)");
    } finally {
      await server.close();
    }
  });

  it("reasons are redacted in any letter case", async () => {
    const server = await startLoopbackServer(() => ({
      json: { error: { type: CANARY.kimi.toUpperCase(), code: "x" } },
    }));
    try {
      const outcome = await probeProvider(
        { url: `${server.origin}/v1/models`, secrets: [CANARY.kimi] },
        adapters.kimi!,
        {
          deadline: Date.now() + 5000,
          requestTimeoutMs: 5000,
          maxBytes: 1 << 20,
        },
      );
      expect(outcome.reason).toBe("HTTP 200 but the provider answered with an error ([REDACTED], x)");
    } finally {
      await server.close();
    }
  });
});
