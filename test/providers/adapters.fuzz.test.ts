// Random and mutated provider answers through each adapter and the id cleaning: the only thing that may be thrown
// is ResponseShapeError, and whatever comes out is something the snapshot can hold.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanModelList } from "../../src/normalise/clean-model-list.js";
import {
  ResponseShapeError,
  type FailureKind,
  type ProbedModel,
  type ProviderAdapter,
} from "../../src/providers/adapter.js";
import { adapters } from "../../src/providers/adapters/index.js";
import { body, junk, throughJson, type AdapterName } from "../support/arbitraries.js";

const ADAPTERS: readonly AdapterName[] = [
  "kimi",
  "glm",
  "openrouter",
  "openai-compatible",
  "anthropic",
  "gemini",
  "mistral",
  "groq",
  "together",
  "fireworks",
  "ollama",
  "lmstudio",
];
const FAILURE_KINDS: readonly FailureKind[] = [
  "unauthorized",
  "payment_required",
  "quota_exhausted",
  "rate_limited",
  "not_found",
  "bad_request",
  "server_error",
];
const MODEL_ID = /^~?[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/; // the snapshot schema's modelId
const RUNS = 300;

/** What the snapshot schema allows for each fact a probe may give. */
function checkTranslated(model: ProbedModel): void {
  expect(typeof model.id).toBe("string");
  if (model.name !== undefined) {
    expect(model.name.length).toBeGreaterThan(0);
    expect(model.name.length).toBeLessThanOrEqual(300);
    expect(model.name).not.toMatch(/\p{Cc}/u);
  }
  if (model.kind !== undefined)
    expect(["chat", "router", "embedding", "image", "audio", "other"]).toContain(model.kind);
  for (const limit of [model.contextWindow, model.maxOutput]) {
    if (limit !== undefined) {
      expect(Number.isSafeInteger(limit)).toBe(true);
      expect(limit).toBeGreaterThanOrEqual(1);
    }
  }
  for (const value of Object.values(model.capabilities ?? {})) expect(typeof value).toBe("boolean");
  if (model.pricing != null) {
    const tiers = model.pricing.tiers ?? [];
    for (const price of [
      model.pricing.input,
      model.pricing.output,
      model.pricing.cachedInput,
      model.pricing.perRequest,
      model.pricing.perImage,
      ...tiers.flatMap((t) => [t.input, t.output, t.cachedInput]),
    ]) {
      if (price === undefined) continue;
      expect(Number.isFinite(price)).toBe(true);
      expect(price).toBeGreaterThanOrEqual(0);
    }
    for (const tier of tiers) {
      expect(Number.isSafeInteger(tier.aboveInputTokens)).toBe(true);
      expect(tier.aboveInputTokens).toBeGreaterThanOrEqual(1);
    }
  }
  if (model.freeTier !== undefined) expect(typeof model.freeTier).toBe("boolean");
  // Ids the snapshot must accept, and dates in its calendar-date form.
  if (model.aliasOf !== undefined) expect(model.aliasOf).toMatch(/^~?[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/);
  if (model.variant !== undefined) {
    expect(model.variant.tag).toMatch(/^[a-z0-9][a-z0-9-]{0,31}$/);
    expect(model.variant.of).toMatch(/^~?[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/);
  }
  if (model.retiresAt !== undefined) expect(model.retiresAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (model.routing !== undefined) expect(["merit", "by_name"]).toContain(model.routing);
  // Invariants whatever the answer: a router is routed by name and unpriced; only a chat model without a
  // per-request or per-image charge is free.
  if (model.kind === "router") expect(model).toMatchObject({ routing: "by_name", pricing: null, freeTier: false });
  if (model.freeTier === true) {
    expect(model.kind ?? "chat").toBe("chat");
    expect(model.pricing?.perRequest).toBeUndefined();
    expect(model.pricing?.perImage).toBeUndefined();
  }
}

describe.each(ADAPTERS)("the %s adapter on random and mutated answers", (name) => {
  const adapter = adapters[name] as ProviderAdapter;

  it(
    "parseModels throws nothing but ResponseShapeError; translateModel and cleanModelList throw nothing; what is kept fits the snapshot",
    { timeout: 30_000 },
    () => {
      let parsed = 0;
      fc.assert(
        fc.property(body(name), (raw) => {
          const data = throughJson(raw);
          let entries: unknown[];
          try {
            entries = adapter.parseModels(data);
          } catch (error) {
            expect(error).toBeInstanceOf(ResponseShapeError);
            const shape = error as ResponseShapeError;
            // Messages are printed: short, and no control characters from the body.
            expect(shape.message.length).toBeLessThanOrEqual(200);
            expect(shape.message).not.toMatch(/\p{Cc}/u);
            if (shape.bodyStatus !== undefined) expect(shape.bodyStatus >= 400 && shape.bodyStatus <= 599).toBe(true);
            return;
          }
          parsed++;
          const models = entries.map((e) => adapter.translateModel(e));
          models.forEach(checkTranslated);
          const cleaned = cleanModelList(models);
          const seen = new Set<string>();
          for (const model of cleaned.models) {
            expect(model.id).toMatch(MODEL_ID);
            expect(model.id.length).toBeLessThanOrEqual(256);
            expect(seen.has(model.id.toLowerCase())).toBe(false);
            seen.add(model.id.toLowerCase());
          }
          expect(cleaned.models.length + cleaned.dropped.invalid + cleaned.dropped.duplicates).toBe(models.length);
        }),
        { numRuns: RUNS },
      );
      // The generator must reach the translation, not only the shape check.
      expect(parsed).toBeGreaterThan(RUNS / 3);
    },
  );

  it("classifyFailure never throws, whatever the status and body, and answers a known kind", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.oneof(body(name), junk), (status, raw) => {
        const failure = adapter.classifyFailure(status, throughJson(raw));
        expect(FAILURE_KINDS).toContain(failure.kind);
        expect(typeof failure.retry).toBe("boolean");
      }),
      { numRuns: RUNS },
    );
  });
});

describe.each(ADAPTERS.filter((n) => adapters[n]!.pagination !== undefined || adapters[n]!.details !== undefined))(
  "the %s adapter's pages and details on random answers",
  (name) => {
    const adapter = adapters[name] as ProviderAdapter;

    it("nextCursor throws nothing but ResponseShapeError and gives a string or nothing; details.apply never throws and keeps the id", () => {
      fc.assert(
        fc.property(fc.oneof(body(name), junk), (raw) => {
          const data = throughJson(raw);
          if (adapter.pagination) {
            try {
              const cursor = adapter.pagination.nextCursor(data);
              if (cursor !== undefined) expect(typeof cursor).toBe("string");
            } catch (error) {
              expect(error).toBeInstanceOf(ResponseShapeError);
            }
          }
          if (adapter.details) {
            const model = adapter.details.apply({ id: "m" }, data);
            expect(model.id).toBe("m");
            checkTranslated(model);
          }
        }),
        { numRuns: RUNS },
      );
    });
  },
);

describe("known hostile bodies", () => {
  it.each([
    ["glm", 429, '{"error":{"code":{"toString":1}}}'],
    ["glm", 429, '{"code":{"valueOf":{}},"success":false}'],
    ["glm", 429, '{"error":{"code":{"__proto__":null}}}'],
    ["kimi", 429, '{"error":{"type":{"toString":1}}}'],
  ] as const)("%s classifyFailure(%i, %s) does not throw", (name, status, text) => {
    expect(() => adapters[name]!.classifyFailure(status, JSON.parse(text))).not.toThrow();
  });

  it("an error type or code of any length or content is not quoted into the message", () => {
    for (const name of ADAPTERS) {
      for (const type of ["x".repeat(5000), "evil\u001b[2J", "two words"]) {
        const error = (() => {
          try {
            adapters[name]!.parseModels({ error: { type, code: type } });
          } catch (e) {
            return e as ResponseShapeError;
          }
          throw new Error("expected a ResponseShapeError");
        })();
        expect(error.message).toBe("the provider answered with an error");
      }
    }
  });

  it("an OpenRouter name too long for the snapshot, or with control characters, is left out", () => {
    const translate = (nameValue: string) =>
      adapters.openrouter!.translateModel({ id: "a/b", name: nameValue }) as ProbedModel;
    expect(translate("x".repeat(301)).name).toBeUndefined();
    expect(translate("Kimi\u001b[31m").name).toBeUndefined();
    expect(translate("  MoonshotAI: Kimi K2  ").name).toBe("MoonshotAI: Kimi K2");
    expect(translate("x".repeat(300)).name).toHaveLength(300);
  });
});
