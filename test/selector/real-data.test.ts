// The choice on real provider answers (test/fixtures/real/SOURCES.md): each snapshot is built by `register` against
// loopback servers that answer with the recorded bodies, so these are the choices a user with those answers gets.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { modelListHandler, startLoopbackServer, type LoopbackServer } from "../../src/cli/demo/loopback-server.js";
import { packageRoot } from "../../src/core/package-root.js";
import { register } from "../../src/register.js";
import { CATEGORIES, createSelector, type SelectionRequest, type Selector } from "../../src/selector/index.js";
import { openRouterBody } from "../../scripts/selection-table.js";

const REAL = path.join(packageRoot, "test", "fixtures", "real");
const OPENROUTER_ANSWERS = [
  "openrouter-2026-02-27.json",
  "openrouter-2026-05-01.json",
  "openrouter-2026-08-01.json",
] as const;
const KIMI_18 = JSON.parse(readFileSync(path.join(REAL, "kimi-predecessor-18.json"), "utf8")) as unknown;
/**
 * GLM's /models answer carries ids only; these are the predecessor's five GLM ids (the model table of the registry this one replaces), in GLM's list shape. Written for this test: no recorded answer of that
 * era was found.
 */
const GLM_PREDECESSOR = {
  object: "list",
  data: ["glm-4.6", "glm-4.5-flash", "glm-4.5", "glm-4.5-air", "glm-4.5v"].map((id) => ({
    id,
    object: "model",
    created: 1759000000,
    owned_by: "z-ai",
  })),
};

const KEYS = { kimi: "sk-test-kimi-real", glm: "test-glm-real", openrouter: "sk-or-test-real" } as const;
const EPOCH = String(Date.UTC(2026, 7, 1) / 1000);

interface Answers {
  kimi?: unknown;
  glm?: unknown;
  openrouter?: unknown;
}

/** `register` over loopback providers answering with the given bodies; providers without a body are not configured. */
async function registered(answers: Answers, env: Record<string, string> = {}): Promise<ProviderRegistrySnapshot> {
  const servers: LoopbackServer[] = [];
  const vars: Record<string, string> = { SOURCE_DATE_EPOCH: EPOCH, ...env };
  try {
    if (answers.kimi !== undefined) {
      const s = await startLoopbackServer(modelListHandler(answers.kimi, { prefix: "/v1", apiKey: KEYS.kimi }));
      servers.push(s);
      Object.assign(vars, { KIMI_API_URL: `${s.origin}/v1`, KIMI_API_KEY: KEYS.kimi });
    }
    if (answers.glm !== undefined) {
      const s = await startLoopbackServer(modelListHandler(answers.glm, { prefix: "/api/paas/v4", apiKey: KEYS.glm }));
      servers.push(s);
      Object.assign(vars, { GLM_API_URL: `${s.origin}/api/paas/v4`, GLM_API_KEY: KEYS.glm });
    }
    if (answers.openrouter !== undefined) {
      const s = await startLoopbackServer(
        modelListHandler(answers.openrouter, { prefix: "/api/v1", apiKey: KEYS.openrouter }),
      );
      servers.push(s);
      Object.assign(vars, { OPENROUTER_API_URL: `${s.origin}/api/v1`, OPENROUTER_API_KEY: KEYS.openrouter });
    }
    return (await register({ env: vars, cwd: packageRoot, generatorVersion: "0.0.0-test" })).snapshot;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}

const REQUIREMENTS: readonly { label: string; requires?: SelectionRequest["requires"] }[] = [
  { label: "no requirement" },
  { label: "vision", requires: { vision: true } },
  { label: "tools", requires: { tools: true } },
  { label: "a 1M context", requires: { minContext: 1_000_000 } },
];

const REQUESTS = CATEGORIES.flatMap((category) =>
  REQUIREMENTS.map(({ label, requires }) => ({
    label: `${category}, ${label}`,
    request: { category, ...(requires ? { requires } : {}) } as SelectionRequest,
  })),
);

interface RawEntry {
  id: string;
  architecture?: { input_modalities?: string[]; output_modalities?: string[]; tokenizer?: string };
  pricing?: { prompt?: string; completion?: string };
}

function rawEntries(body: unknown): Map<string, RawEntry> {
  return new Map((body as { data: RawEntry[] }).data.map((m) => [m.id, m]));
}

const find = (snapshot: ProviderRegistrySnapshot, ref: { model: string; provider: string }): Model =>
  snapshot.models.find((m) => m.id === ref.model && m.provider === ref.provider)!;

/** Does any model that could serve the request have the property? (So that "then it is" is asked only when it can be.) */
function anyFits(selector: Selector, request: SelectionRequest, property: (m: Model) => boolean): boolean {
  try {
    const choice = selector.select(request);
    return [choice, ...choice.fallbacks].some((ref) => property(find(selector.snapshot, ref)));
  } catch {
    return false;
  }
}

/** What a category ranks first, before free tier (docs/selection.md): reasoning, tool calling, nothing. */
function hasCategoryCapability(request: SelectionRequest, m: Model): boolean {
  if (request.category === "extended_reasoning") return m.capabilities.reasoning;
  if (request.category === "balanced") return m.capabilities.tools;
  return true;
}

describe.each(OPENROUTER_ANSWERS)("the rubric, on OpenRouter's real answer %s", (file) => {
  let body: unknown;
  let raw: Map<string, RawEntry>;
  const selectors: Record<"off" | "on", Selector | undefined> = { off: undefined, on: undefined };

  beforeAll(async () => {
    body = await openRouterBody(path.join("test", "fixtures", "real", file));
    raw = rawEntries(body);
    selectors.off = createSelector(await registered({ openrouter: body }));
    selectors.on = createSelector(await registered({ openrouter: body }, { FREE_TIER_PREFERENCE_ENABLED: "true" }));
  }, 60_000);

  test.each(REQUESTS.flatMap((r) => (["off", "on"] as const).map((free) => ({ ...r, free }))))(
    "$label, free-tier preference $free",
    ({ request, free }) => {
      const selector = selectors[free]!;
      const choice = selector.select(request);
      const model = find(selector.snapshot, choice);
      const answer = raw.get(model.id)!;
      // Not a router, nor anything chosen by name only.
      expect(model.kind).toBe("chat");
      expect(model.routing ?? "merit").toBe("merit");
      expect(answer.architecture?.tokenizer).not.toBe("Router");
      expect(answer.pricing?.prompt).not.toBe("-1");
      // A text chat model: text in, text out, as the answer itself says.
      expect(answer.architecture?.input_modalities).toContain("text");
      expect(answer.architecture?.output_modalities).toEqual(["text"]);
      // A known price, and a real one in the answer.
      expect(model.pricing).not.toBeNull();
      expect(Number(answer.pricing?.prompt)).toBeGreaterThanOrEqual(0);
      expect(Number(answer.pricing?.completion)).toBeGreaterThanOrEqual(0);
      // Never a batch variant.
      expect(model.id).not.toMatch(/:batch$/);
      expect(model.variant?.tag).not.toBe("batch");
      // Free only when asked for, and then free whenever a free model fits.
      if (free === "off") {
        expect(model.id).not.toMatch(/:free$/);
        expect(model.variant?.tag).not.toBe("free");
      } else if (anyFits(selector, request, (m) => m.freeTier && hasCategoryCapability(request, m))) {
        // Free whenever a free model fits that also has what the category is for (reasoning, tool calling).
        expect(model.freeTier).toBe(true);
      }
      if (request.category === "extended_reasoning") expect(model.capabilities.reasoning).toBe(true);
      // The requirements hold, and no fallback is a router or by-name model either.
      if (request.requires?.vision) expect(model.capabilities.vision).toBe(true);
      if (request.requires?.tools) expect(model.capabilities.tools).toBe(true);
      if (request.requires?.minContext) expect(model.contextWindow).toBeGreaterThanOrEqual(request.requires.minContext);
      for (const ref of choice.fallbacks) {
        const m = find(selector.snapshot, ref);
        expect(m.kind).toBe("chat");
        expect(m.routing ?? "merit").toBe("merit");
      }
    },
  );

  test("routers are still routable by name", () => {
    const routers = selectors.off!.snapshot.models.filter((m) => m.kind === "router");
    expect(routers.length).toBeGreaterThan(0);
    for (const r of routers) expect(selectors.off!.select({ model: r.id }).model).toBe(r.id);
  });

  test("--explain on the whole answer stays a screenful by default", () => {
    const text = selectors.off!.explain({ category: "balanced" }, { fallbacks: 5 });
    expect(text.split("\n").length).toBeLessThan(40);
    expect(text.length).toBeLessThan(8000);
    expect(text).toMatch(
      /fallbacks: (\S+ \(openrouter\), ){4}\S+ \(openrouter\) and \d+ more \(--fallbacks all lists them\)/,
    );
    expect(text).toMatch(/not shown: \d+ more models \(\d+ fallbacks, /);
    // The whole trace is still there for whoever asks.
    expect(selectors.off!.explain({ category: "balanced" }).split("\n").length).toBeGreaterThan(300);
  });
});

describe("the complaint, on the predecessor's real Kimi list (kimi-latest-128k first, 18 ids)", () => {
  let kimiOnly: Selector;
  let kimiAndGlm: Selector;
  let kimiAndOpenRouter: Selector;
  let openRouterAnswer: unknown;
  beforeAll(async () => {
    openRouterAnswer = await openRouterBody(path.join("test", "fixtures", "real", "openrouter-2026-08-01.json"));
    kimiOnly = createSelector(await registered({ kimi: KIMI_18 }));
    kimiAndGlm = createSelector(await registered({ kimi: KIMI_18, glm: GLM_PREDECESSOR }));
    kimiAndOpenRouter = createSelector(await registered({ kimi: KIMI_18, openrouter: openRouterAnswer }));
  }, 60_000);

  test.each(CATEGORIES)(
    "no preference set, %s: a pinned, described model, never the uncatalogued kimi-latest-128k-vision",
    (category) => {
      const choice = kimiOnly.select({ category });
      const model = find(kimiOnly.snapshot, choice);
      expect(model.movingAlias).toBe(false);
      expect(model.described ?? true).toBe(true);
      expect(choice.model).not.toBe("kimi-latest-128k-vision");
      expect(choice.trace.find((e) => e.outcome === "chosen")!.rule).toBe("merit");
    },
  );

  test("--require vision --require tools over Kimi and GLM: the live, pinned glm-4.5v over the deprecated moving kimi-latest, and the reason says health overrode priority", () => {
    expect(kimiAndGlm.snapshot.policy.providerPriority.indexOf("kimi")).toBeLessThan(
      kimiAndGlm.snapshot.policy.providerPriority.indexOf("glm"),
    );
    const choice = kimiAndGlm.select({ requires: { vision: true, tools: true } });
    expect([choice.model, choice.provider]).toEqual(["glm-4.5v", "glm"]);
    expect(choice.reason).toMatch(
      /health overrode provider priority: glm-4\.5v is described, live and pinned, while kimi's best fit \S+ is /,
    );
    const kimiLatest = find(kimiAndGlm.snapshot, { model: "kimi-latest", provider: "kimi" });
    expect([kimiLatest.status, kimiLatest.movingAlias]).toEqual(["deprecated", true]);
    expect(choice.fallbacks.map((f) => f.provider)).toContain("kimi");
  });

  test.each(CATEGORIES)(
    "the real 2025 Kimi list (every id deprecated) with OpenRouter live: %s does not go to a deprecated Kimi model",
    (category) => {
      const choice = kimiAndOpenRouter.select({ category });
      const model = find(kimiAndOpenRouter.snapshot, choice);
      expect(model.status).not.toBe("deprecated");
      expect(choice.provider).toBe("openrouter");
      expect(choice.reason).toContain("health overrode provider priority");
    },
  );

  test("a preference for a deprecated Kimi model is still honoured first", async () => {
    const selector = createSelector(
      await registered({ kimi: KIMI_18, openrouter: openRouterAnswer }, { KIMI_DEFAULT_MODEL: "kimi-k2-0905-preview" }),
    );
    const choice = selector.select({ category: "fast_response" });
    expect([choice.model, choice.provider, choice.trace.find((e) => e.outcome === "chosen")!.rule]).toEqual([
      "kimi-k2-0905-preview",
      "kimi",
      "provider_default",
    ]);
  }, 30_000);
});

afterAll(() => undefined);
