// Random and mutated answers from all four providers at once, through the whole registration: probe, id cleaning,
// merge (with and without a last good snapshot), policy, snapshot. Registration never fails because of what a
// provider answered, every snapshot it returns is valid (for the schema and for the selector), and no key a
// provider echoed back ends up in it.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { loadBuiltinCatalog, type Catalog } from "../../src/catalog/load-catalog.js";
import { startLoopbackServer, type LoopbackServer } from "../../src/cli/demo/loopback-server.js";
import { schemaProblems } from "../../src/validate/schema-validator.js";
import { register } from "../../src/register.js";
import { checkSnapshot, createSelector, SelectionError } from "../../src/selector/index.js";
import { canonicalJson } from "../../src/snapshot/canonical-json.js";
import { CANARY, expectNoCanary } from "../support/provider-servers.js";
import { body, junk, weirdString, type AdapterName } from "../support/arbitraries.js";

type ProviderId = "kimi" | "glm" | "openrouter" | "custom";
const ADAPTER: Record<ProviderId, AdapterName> = {
  kimi: "kimi",
  glm: "glm",
  openrouter: "openrouter",
  custom: "openai-compatible",
};
/** The providers whose answers are fuzzed, one loopback server each. */
const FUZZED = Object.keys(ADAPTER) as ProviderId[];
const PREVIOUS = JSON.parse(
  readFileSync(new URL("../fixtures/snapshots/demo-register.json", import.meta.url), "utf8"),
) as ProviderRegistrySnapshot;

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly headers: Record<string, string>;
}

/** An answer: mostly HTTP 200 with a fuzzed body, sometimes an error status, a redirect, or not JSON at all. */
function answer(provider: ProviderId): fc.Arbitrary<Answer> {
  const json = body(ADAPTER[provider]).map((b) => JSON.stringify(b));
  const text = fc.oneof(
    { arbitrary: json, weight: 8 },
    { arbitrary: weirdString, weight: 1 },
    { arbitrary: json.map((t) => t.slice(0, Math.floor(t.length / 2))), weight: 1 },
  );
  const status = fc.oneof(
    { arbitrary: fc.constant(200), weight: 8 },
    { arbitrary: fc.constantFrom(201, 204, 302, 400, 401, 402, 403, 404, 429, 500, 503), weight: 2 },
  );
  const headers = fc.oneof(
    fc.constant({}),
    fc.record({
      "retry-after": fc.oneof(
        fc.constantFrom("0", "1", "-1", "NaN", "Thu, 01 Jan 1970 00:00:00 GMT", CANARY.kimi),
        fc.string({ maxLength: 10 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
      ),
    }),
    fc.record({ location: fc.constantFrom("/elsewhere", "http://[::1", `http://127.0.0.1:9/?key=${CANARY.glm}`, "") }),
  );
  // A provider can only echo the key it was sent: every canary in its answer becomes its own.
  const own = (t: string) => Object.values(CANARY).reduce((out, key) => out.split(key).join(CANARY[provider]), t);
  return fc.record({
    status,
    text: text.map(own),
    headers: headers.map((h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, own(v)]))),
  });
}

const answers = fc.record({
  kimi: answer("kimi"),
  glm: answer("glm"),
  openrouter: answer("openrouter"),
  custom: answer("custom"),
});
const canaryEnv = {
  KIMI_API_KEY: CANARY.kimi,
  GLM_API_KEY: CANARY.glm,
  OPENROUTER_API_KEY: CANARY.openrouter,
  CUSTOM_API_KEY: CANARY.custom,
  SOURCE_DATE_EPOCH: "1764000000",
};

/** The same checks for every snapshot registration returns. */
function checkResult(snapshot: ProviderRegistrySnapshot): void {
  expect(schemaProblems("provider-registry-snapshot", snapshot)).toEqual([]);
  const copy = JSON.parse(canonicalJson(snapshot)) as unknown;
  expect(() => checkSnapshot(copy)).not.toThrow();
  expectNoCanary(canonicalJson(snapshot));
  try {
    createSelector(copy).select();
  } catch (error) {
    expect(error).toBeInstanceOf(SelectionError);
  }
}

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadBuiltinCatalog();
});

describe("registration on fuzzed answers (fetch answered in-process)", () => {
  let current: Record<ProviderId, Answer>;
  beforeAll(() => {
    // The probe's own fetch, answered from the generated bodies by the path's first segment: no socket at all.
    vi.stubGlobal("fetch", async (input: string | URL) => {
      const url = new URL(String(input));
      const provider = url.pathname.split("/")[1] as ProviderId;
      const a = current[provider];
      // A Fetch Response cannot have a body with 204.
      const headers = { "content-type": "application/json", ...a.headers };
      return new Response(a.status === 204 ? null : a.text, { status: a.status, headers });
    });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it(
    "never throws, and every snapshot is valid, selectable or a typed refusal, and free of keys",
    { timeout: 30_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(answers, fc.boolean(), async (generated, withPrevious) => {
          current = generated;
          const env = {
            ...canaryEnv,
            ...Object.fromEntries(FUZZED.map((p) => [`${p.toUpperCase()}_API_URL`, `http://127.0.0.1:9/${p}`])),
          };
          const result = await register({
            env,
            cwd: process.cwd(),
            generatorVersion: "0.0.0-fuzz",
            catalog,
            timeoutMs: 5000,
            ...(withPrevious ? { previous: PREVIOUS } : {}),
            probe: { sleep: async () => undefined, random: () => 0.5 },
          });
          checkResult(result.snapshot);
          // Every configured provider was probed and has an outcome, ok or failed, with a reason; the rest (no key) are skipped.
          const configured = new Set<string>(FUZZED);
          for (const p of result.snapshot.providers)
            expect(configured.has(p.id) ? ["ok", "failed"] : ["skipped"]).toContain(p.probe.status);
        }),
        { numRuns: 120 },
      );
    },
  );
});

describe("registration on fuzzed answers from real loopback servers", () => {
  let current: Record<ProviderId, Answer>;
  const servers: Partial<Record<ProviderId, LoopbackServer>> = {};
  beforeAll(async () => {
    for (const p of FUZZED) {
      servers[p] = await startLoopbackServer((_request, response) => {
        const a = current[p];
        response.writeHead(a.status, { "content-type": "application/json", ...a.headers });
        response.end(a.status === 204 ? undefined : a.text);
        return "handled";
      });
    }
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((s) => s.close()));
  });

  it("the same holds over HTTP", { timeout: 30_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(answers, async (generated) => {
        current = generated;
        const env = {
          ...canaryEnv,
          ...Object.fromEntries(
            Object.entries(servers).map(([p, s]) => [`${p.toUpperCase()}_API_URL`, `${s.origin}/v1`]),
          ),
        };
        const result = await register({
          env,
          cwd: process.cwd(),
          generatorVersion: "0.0.0-fuzz",
          catalog,
          timeoutMs: 5000,
          probe: { sleep: async () => undefined, random: () => 0.5 },
        });
        checkResult(result.snapshot);
      }),
      { numRuns: 15 },
    );
  });
});

describe("hostile bodies that broke registration before", () => {
  it.each([
    ["an error type of 5000 characters (the reason outgrew the schema's 1000)", { error: { type: "x".repeat(5000) } }],
    [
      "an OpenRouter name of 5000 characters (the schema allows 300)",
      { data: [{ id: "a/b", name: "n".repeat(5000) }] },
    ],
    ["a GLM code that is an object with its own toString", { error: { code: { toString: 1 } } }],
  ])("%s", async (_name, hostile) => {
    const server = await startLoopbackServer(() => ({ status: 200, json: hostile }));
    const glm = await startLoopbackServer(() => ({ status: 429, json: hostile }));
    try {
      const env = {
        ...canaryEnv,
        OPENROUTER_API_URL: `${server.origin}/v1`,
        GLM_API_URL: `${glm.origin}/v1`,
        ALLOWED_PROVIDERS: "openrouter,glm",
      };
      const result = await register({
        env,
        cwd: process.cwd(),
        generatorVersion: "0.0.0-fuzz",
        catalog,
        timeoutMs: 5000,
        probe: { sleep: async () => undefined },
      });
      checkResult(result.snapshot);
    } finally {
      await Promise.all([server.close(), glm.close()]);
    }
  });

  it("the junk generator reaches objects with special keys", () => {
    // A guard on the generator itself: without such keys, the toString bug above would never have been found.
    const samples = fc.sample(junk, { numRuns: 2000, seed: 42 });
    expect(
      samples.some(
        (s) =>
          typeof s === "object" &&
          s !== null &&
          !Array.isArray(s) &&
          Object.keys(s).some((k) => k === "toString" || k === "valueOf"),
      ),
    ).toBe(true);
  });
});
