// What register writes for OpenRouter's real /models answers of February, May and August 2026 (test/fixtures/real),
// with LiteLLM's and models.dev's catalogs laid beneath: every fact checked against the raw entry it came from.
import { beforeAll, describe, expect, it } from "vitest";
import type { Model } from "../../generated/snapshot-types.js";
import {
  LITELLM,
  MODELS_DEV_2026,
  OPENROUTER_ANSWERS,
  openRouterAnswer,
  openRouterModels,
  registerReal,
  type RawOpenRouterModel,
  type RealRun,
} from "../support/real-data.js";
import { SAFETY_CLASSIFIER_ID } from "../../src/providers/adapters/kind-from-id.js";

const perMillion = (value: unknown) => Number(value) * 1e6;
const isRouterEntry = (raw: RawOpenRouterModel) =>
  raw.pricing.prompt === "-1" || (raw.architecture.tokenizer === "Router" && !raw.id.startsWith("~"));
const textOnly = (raw: RawOpenRouterModel) => {
  const outputs = raw.architecture.output_modalities ?? [];
  return outputs.length > 0 && outputs.every((o) => o === "text");
};

describe.each(OPENROUTER_ANSWERS)("OpenRouter's answer of $day", ({ file, day }) => {
  const raw = openRouterModels(file);
  let run: RealRun;
  let byId: Map<string, Model>;
  beforeAll(async () => {
    // Both community catalogs, LiteLLM last (it lists openrouter/openrouter/auto at 0/0): they must not undo a fact below.
    run = await registerReal({ openrouter: openRouterAnswer(file) }, { day, catalogFiles: [MODELS_DEV_2026, LITELLM] });
    byId = new Map(run.snapshot.models.filter((m) => m.provider === "openrouter").map((m) => [m.id, m]));
  }, 60_000);
  const model = (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`openrouter/${id} is not in the snapshot`);
    return found;
  };

  it("keeps every listed id, ~ moving aliases included, as a listed model: one count everywhere", () => {
    const listed = run.snapshot.models.filter((m) => m.provider === "openrouter" && m.availability === "listed");
    expect(listed.map((m) => m.id).sort()).toEqual(raw.map((r) => r.id).sort());
    expect(run.snapshot.providers.find((p) => p.id === "openrouter")?.probe.modelCount).toBe(raw.length);
  });

  it("routers (price -1, tokenizer Router) are kind router, routed by name, never priced or free, LiteLLM's 0/0 notwithstanding", () => {
    const routers = raw.filter(isRouterEntry);
    expect(routers.map((r) => r.id)).toEqual(expect.arrayContaining(["openrouter/auto", "openrouter/bodybuilder"]));
    for (const r of routers) {
      expect(model(r.id), r.id).toMatchObject({ kind: "router", routing: "by_name", pricing: null, freeTier: false });
    }
    // And nothing else is a router.
    expect([...byId.values()].filter((m) => m.kind === "router").length).toBe(routers.length);
  });

  it("a model is chat only when it returns text alone; music, image and audio models are other kinds", () => {
    for (const r of raw) {
      if (isRouterEntry(r)) continue;
      // Safety classifiers (llama-guard, …-content-safety) are text in, text out, yet answer with a verdict.
      expect(model(r.id).kind === "chat", r.id).toBe(textOnly(r) && !SAFETY_CLASSIFIER_ID.test(r.id));
    }
  });

  it("free only for a chat model charged nothing, or a :free variant; never a music or image model", () => {
    for (const m of byId.values()) {
      if (!m.freeTier) continue;
      expect(m.kind, m.id).toBe("chat");
      expect(m.pricing?.perRequest ?? 0, m.id).toBe(0);
      expect(m.pricing?.perImage ?? 0, m.id).toBe(0);
    }
    const lyria = byId.get("google/lyria-3-clip-preview");
    if (lyria) expect(lyria).toMatchObject({ kind: "audio", freeTier: false, pricing: null });
  });

  it("every :tag id is a variant of its base id; :free ones are free tier", () => {
    for (const r of raw) {
      const colon = r.id.lastIndexOf(":");
      const m = model(r.id);
      if (colon < 0) {
        expect(m.variant, r.id).toBeUndefined();
        continue;
      }
      expect(m.variant, r.id).toEqual({ of: r.id.slice(0, colon), tag: r.id.slice(colon + 1) });
      expect(m.sources.variant).toBe("probe");
      if (r.id.endsWith(":free")) expect(m.freeTier, r.id).toBe(m.kind === "chat");
    }
  });

  it("~ ids are moving aliases, said by the probe, pointing where the answer says", () => {
    for (const r of raw.filter((x) => x.id.startsWith("~"))) {
      const m = model(r.id);
      expect(m, r.id).toMatchObject({ movingAlias: true, kind: "chat" });
      expect(m.sources.movingAlias).toBe("probe");
      if (r.alias_target?.slug) expect(m.aliasOf, r.id).toBe(r.alias_target.slug);
      else expect(m.aliasOf, r.id).toBeUndefined();
    }
  });

  it("token prices are copied exactly; per-request, per-image and long-context prices are kept", () => {
    for (const r of raw) {
      const m = model(r.id);
      if (m.pricing === null || m.sources.pricing !== "probe") continue;
      expect(m.pricing.input, r.id).toBeCloseTo(perMillion(r.pricing.prompt), 9);
      expect(m.pricing.output, r.id).toBeCloseTo(perMillion(r.pricing.completion), 9);
      if (Number(r.pricing.image ?? 0) > 0) expect(m.pricing.perImage, r.id).toBe(Number(r.pricing.image));
      if (Number(r.pricing.request ?? 0) > 0) expect(m.pricing.perRequest, r.id).toBe(Number(r.pricing.request));
      const overrides = (r.pricing.overrides ?? []) as {
        min_prompt_tokens: number;
        prompt?: string;
        completion?: string;
      }[];
      const tiers = overrides.filter((o) => o.prompt !== undefined || o.completion !== undefined);
      expect(m.pricing.tiers?.length ?? 0, r.id).toBe(new Set(tiers.map((o) => o.min_prompt_tokens)).size);
      for (const o of tiers) {
        const tier = m.pricing.tiers!.find((t) => t.aboveInputTokens === o.min_prompt_tokens)!;
        if (o.prompt !== undefined) expect(tier.input, r.id).toBeCloseTo(perMillion(o.prompt), 9);
        if (o.completion !== undefined) expect(tier.output, r.id).toBeCloseTo(perMillion(o.completion), 9);
      }
    }
  });

  it("expiration_date is the retirement date; a model past it on the run's day is deprecated", () => {
    for (const r of raw) {
      const m = model(r.id);
      if (!r.expiration_date) {
        // Only a catalog beneath may date it.
        if (m.retiresAt !== undefined) expect(m.sources.retiresAt, r.id).toMatch(/^overlay:/);
        continue;
      }
      expect(m.retiresAt, r.id).toBe(r.expiration_date);
      expect(m.sources.retiresAt).toBe("probe");
      if (r.expiration_date <= day) expect(m.status, r.id).toBe("deprecated");
    }
  });

  it("registering the same answer again gives the same models and diagnostics (only the loopback port differs)", async () => {
    const again = await registerReal(
      { openrouter: openRouterAnswer(file) },
      { day, catalogFiles: [MODELS_DEV_2026, LITELLM] },
    );
    expect(JSON.stringify(again.snapshot.models)).toBe(JSON.stringify(run.snapshot.models));
    expect(again.snapshot.diagnostics).toEqual(run.snapshot.diagnostics);
  }, 60_000);

  it("every model the answer lists is described (OpenRouter's answer is rich)", () => {
    expect([...byId.values()].filter((m) => m.described === false)).toEqual([]);
    expect(run.snapshot.diagnostics.filter((d) => d.code === "UNCATALOGUED_MODELS")).toEqual([]);
  });
});

describe("what the real answers hold (the counts docs and notes quote)", () => {
  it.each([
    { day: "2026-02-27", models: 344, routers: 3, tildes: 0, free: 25, overrides: 0 },
    { day: "2026-05-01", models: 371, routers: 4, tildes: 8, free: 29, overrides: 0 },
    { day: "2026-08-01", models: 336, routers: 6, tildes: 10, free: 14, overrides: 44 },
  ])(
    "$day: $models models, $routers routers, $tildes ~ aliases, $free :free variants, $overrides with long-context prices",
    ({ day, models, routers, tildes, free, overrides }) => {
      const raw = openRouterModels(OPENROUTER_ANSWERS.find((a) => a.day === day)!.file);
      expect(raw.length).toBe(models);
      expect(raw.filter(isRouterEntry).length).toBe(routers);
      expect(raw.filter((r) => r.id.startsWith("~")).length).toBe(tildes);
      expect(raw.filter((r) => r.id.endsWith(":free")).length).toBe(free);
      expect(raw.filter((r) => Array.isArray(r.pricing.overrides)).length).toBe(overrides);
    },
  );
});
