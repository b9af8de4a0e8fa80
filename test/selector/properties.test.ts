// Property-based tests over random snapshots and requests, against a brute-force oracle written from
// docs/selection.md without looking at the selector's indexes: it filters and sorts every model on every call.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { CATEGORIES, createSelector, SelectionError, type SelectionRequest } from "../../src/selector/index.js";
import {
  buildSnapshot,
  type ModelSpec,
  type PolicySpec,
  type ProviderPolicySpec,
} from "../support/snapshot-builder.js";

const PROVIDERS = ["a", "b", "c", "d"] as const;
/** Few names, so that ids, aliases, preferences and allow-lists collide often; "M1" and "m1" differ only in case. */
const NAMES = ["m1", "M1", "m2", "m3", "x", "y"] as const;

/** `value` with the given weight against `absent` (weight 1 each unless said). */
const weighted = <T, A>(
  value: fc.Arbitrary<T>,
  absent: A,
  absentWeight: number,
  valueWeight = 1,
): fc.Arbitrary<T | A> =>
  fc.oneof({ arbitrary: fc.constant(absent), weight: absentWeight }, { arbitrary: value, weight: valueWeight });
/** A requirement or request field that is usually absent, so that most requests can be served. */
const rarely = <T>(value: fc.Arbitrary<T>) => weighted(value, undefined, 4);

const modelArb: fc.Arbitrary<ModelSpec> = fc.record({
  provider: fc.constantFrom(...PROVIDERS),
  id: fc.constantFrom(...NAMES),
  aliases: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }),
  kind: fc.constantFrom("chat", "chat", "chat", "chat", "chat", "embedding", "router"),
  availability: fc.constantFrom("listed", "listed", "listed", "listed", "not_listed", "unverified", "stale"),
  status: fc.constantFrom("stable", "preview", "deprecated"),
  moving: fc.boolean(),
  tier: fc.constantFrom("fast", "standard", "flagship"),
  ctx: fc.constantFrom(null, 8192, 32768, 128000, 200000),
  out: fc.constantFrom(null, 2048, 8192),
  vision: fc.boolean(),
  tools: fc.boolean(),
  reasoning: fc.boolean(),
  json: fc.boolean(),
  price: fc.option(fc.record({ input: fc.constantFrom(0, 0.5, 1), output: fc.constantFrom(0, 0.1, 2, 8, 15) }), {
    nil: null,
  }),
  tiers: weighted(
    fc.constantFrom([{ above: 100000, input: 4, output: 40 }], [{ above: 50000, input: 0, output: 0.05 }]),
    undefined,
    1,
  ),
  free: fc.boolean(),
  described: weighted(fc.boolean(), undefined, 2),
  variant: weighted(
    fc.constantFrom({ of: "m1", tag: "free" }, { of: "m2", tag: "batch" }, { of: "x", tag: "thinking" }),
    undefined,
    3,
  ),
  routing: weighted(fc.constantFrom("merit" as const, "by_name" as const), undefined, 4),
});

/** Models alike in everything the categories rank on, so that the tie-breakers decide. */
const twinArb: fc.Arbitrary<ModelSpec> = fc.record({
  provider: fc.constantFrom(...PROVIDERS),
  id: fc.constantFrom(...NAMES),
  status: fc.constantFrom("stable", "preview", "deprecated"),
  moving: fc.boolean(),
  tier: fc.constant("standard" as const),
  ctx: fc.constant(128000),
  tools: fc.constant(true),
});
/** Models alike in everything but price, some with a long-context tier: the request's price tier decides. */
const priceTwinArb: fc.Arbitrary<ModelSpec> = fc.record({
  provider: fc.constantFrom(...PROVIDERS),
  id: fc.constantFrom(...NAMES),
  ctx: fc.constant(200000),
  tools: fc.constant(true),
  reasoning: fc.constant(true),
  price: fc.record({ input: fc.constantFrom(0, 0.5, 1), output: fc.constantFrom(0.1, 2, 8, 15) }),
  tiers: weighted(
    fc.constantFrom([{ above: 100000, input: 4, output: 40 }], [{ above: 50000, input: 0, output: 0.05 }]),
    undefined,
    1,
  ),
});
const anyModelArb = fc.oneof(
  { arbitrary: modelArb, weight: 3 },
  { arbitrary: twinArb, weight: 1 },
  { arbitrary: priceTwinArb, weight: 1 },
);

const namesArb = fc.shuffledSubarray([...NAMES, "M2", "ghost"], { maxLength: 3 });

const providerPolicyArb: fc.Arbitrary<ProviderPolicySpec> = fc.record({
  allowedModels: weighted(fc.shuffledSubarray([...NAMES, "M2", "ghost"], { minLength: 1, maxLength: 5 }), null, 4),
  preferredModels: namesArb,
  preferredByCategory: fc.record({ fast_response: namesArb, balanced: namesArb, extended_reasoning: namesArb }),
  defaultModel: fc.option(fc.constantFrom(...NAMES, "ghost"), { nil: null }),
});

const policyArb: fc.Arbitrary<PolicySpec> = fc.record({
  providerPriority: fc.shuffledSubarray([...PROVIDERS]),
  allowedProviders: weighted(fc.subarray([...PROVIDERS], { minLength: 1 }), null, 4),
  disabledProviders: weighted(fc.subarray([...PROVIDERS], { minLength: 1, maxLength: 1 }), [], 3),
  defaultModel: fc.option(fc.record({ model: fc.constantFrom(...NAMES), provider: fc.constantFrom(...PROVIDERS) }), {
    nil: null,
  }),
  routeUnverified: fc.boolean(),
  costAwareRouting: fc.boolean(),
  freeTierPreference: fc.boolean(),
  reasonableOutputPrice: fc.constantFrom(0, 2, 10),
  providers: fc.record(
    { a: providerPolicyArb, b: providerPolicyArb, c: providerPolicyArb, d: providerPolicyArb },
    { requiredKeys: [] },
  ),
});

const snapshotArb: fc.Arbitrary<ProviderRegistrySnapshot> = fc
  .record({
    models: fc.uniqueArray(anyModelArb, { selector: (m) => `${m.provider}/${m.id}`, minLength: 2, maxLength: 16 }),
    providers: fc.subarray([...PROVIDERS], { maxLength: 2 }),
    policy: policyArb,
    keepOrder: fc.boolean(),
  })
  .map((spec) => buildSnapshot(spec));

const requestArb: fc.Arbitrary<SelectionRequest> = fc
  .record({
    model: weighted(fc.constantFrom(...NAMES, "M2", "auto", "AUTO", "ghost"), undefined, 2),
    category: weighted(fc.constantFrom(...CATEGORIES), undefined, 1, 2),
    provider: rarely(fc.constantFrom(...PROVIDERS, "A")),
    requires: weighted(
      fc.record({
        vision: rarely(fc.boolean()),
        tools: rarely(fc.boolean()),
        reasoning: rarely(fc.boolean()),
        json: rarely(fc.boolean()),
        minContext: rarely(fc.constantFrom(0, 10000, 100000, 150000, 250000)),
        minOutput: rarely(fc.constantFrom(0, 4096, 10000)),
      }),
      undefined,
      1,
    ),
    exclude: rarely(fc.subarray([...NAMES, "M3", "ghost"], { minLength: 1, maxLength: 2 })),
  })
  .map((r) => JSON.parse(JSON.stringify(r)) as SelectionRequest); // drops the absent fields

// ---- the oracle -------------------------------------------------------------------------------------------------

type Outcome = { chosen: string[]; code?: undefined } | { chosen?: undefined; code: string };
const key = (m: { provider: string; id?: string; model?: string }) => `${m.provider}/${m.id ?? m.model}`;
const lower = (s: string) => s.toLowerCase();
const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
const TIER = { fast: 0, standard: 1, flagship: 2 };
const STATUS = { stable: 0, preview: 1, deprecated: 2 };

function oracle(s: ProviderRegistrySnapshot, request: SelectionRequest): Outcome {
  const policy = s.policy;
  const known = new Set([...s.providers.map((p) => p.id), ...s.models.map((m) => m.provider)]);
  const listed = [...new Set(policy.providerPriority.filter((p) => known.has(p)))];
  const order = [...listed, ...[...known].filter((p) => !listed.includes(p)).sort()];
  if (request.provider !== undefined && !known.has(lower(request.provider))) return { code: "INVALID_REQUEST" };
  const scope = request.provider === undefined ? order : [lower(request.provider)];

  const at = (p: string) => s.models.filter((m) => m.provider === p).sort((x, y) => cmp(x.id, y.id));
  /** Within a provider, an id wins over an alias. */
  const named = (p: string, name: string): Model[] => {
    const byId = at(p).filter((m) => lower(m.id) === lower(name));
    return byId.length > 0 ? byId : at(p).filter((m) => m.aliases.some((a) => lower(a) === lower(name)));
  };
  const pp = (p: string) => policy.providers[p]!;
  const staticFail = (m: Model): string | null => {
    if (m.kind !== "chat" && m.kind !== "router") return "NO_SUCH_MODEL";
    if (!(
      m.availability === "listed" ||
      m.availability === "stale" ||
      (m.availability === "unverified" && policy.routeUnverified)
    ))
      return "NO_SUCH_MODEL";
    if (policy.disabledProviders.includes(m.provider)) return "MODEL_NOT_ALLOWED";
    if (policy.allowedProviders !== null && !policy.allowedProviders.includes(m.provider)) return "MODEL_NOT_ALLOWED";
    const allow = pp(m.provider).allowedModels;
    if (allow !== null && !allow.some((a) => lower(a) === lower(m.id))) return "MODEL_NOT_ALLOWED";
    return null;
  };
  const r = request.requires ?? {};
  const dynamicFail = (m: Model): string | null => {
    if ((request.exclude ?? []).some((name) => named(m.provider, name).includes(m))) return "MODEL_NOT_ALLOWED";
    const c = m.capabilities;
    if ((r.vision && !c.vision) || (r.tools && !c.tools) || (r.reasoning && !c.reasoning) || (r.json && !c.json))
      return "REQUIREMENTS_NOT_MET";
    if (r.minContext !== undefined && (m.contextWindow === null || m.contextWindow < r.minContext))
      return "REQUIREMENTS_NOT_MET";
    if (r.minOutput !== undefined && (m.maxOutput === null || m.maxOutput < r.minOutput)) return "REQUIREMENTS_NOT_MET";
    return null;
  };
  const fits = (m: Model) => staticFail(m) === null && dynamicFail(m) === null;

  const model = request.model === undefined || lower(request.model) === "auto" ? null : request.model;
  if (model !== null) {
    const inScope = scope.flatMap((p) => named(p, model));
    const fitting = inScope.filter(fits);
    if (fitting.length > 0) return { chosen: fitting.map(key) };
    const severity = ["NO_SUCH_MODEL", "MODEL_NOT_ALLOWED", "REQUIREMENTS_NOT_MET"];
    const codes = inScope.map((m) => staticFail(m) ?? dynamicFail(m)!);
    return { code: codes.reduce((a, b) => (severity.indexOf(b) > severity.indexOf(a) ? b : a), "NO_SUCH_MODEL") };
  }

  const category = request.category ?? "balanced";
  const minContext = r.minContext ?? -1;
  // docs/selection.md, "Ranking on merit": standing keys, then the category's keys, then status, then the id.
  const priceAt = (m: Model): { total: number; output: number } => {
    if (m.pricing === null) return { total: Infinity, output: Infinity };
    let { input, output } = m.pricing;
    for (const t of m.pricing.tiers ?? []) if (minContext > t.aboveInputTokens) ({ input, output } = t);
    return { total: input + output, output };
  };
  const standingKeys = (m: Model): number[] => [
    m.described === false ? 1 : 0,
    m.status === "deprecated" ? 1 : 0,
    m.movingAlias ? 1 : 0,
  ];
  const merit = (m: Model): (number | string)[] => {
    const { total, output } = priceAt(m);
    const known = total === Infinity ? 1 : 0;
    const tier = TIER[m.tier];
    const c = m.capabilities;
    const free = policy.freeTierPreference === m.freeTier ? 0 : 1;
    const keys: (number | string)[] = standingKeys(m);
    if (category === "fast_response")
      keys.push(
        ...(policy.costAwareRouting
          ? [free, total, tier, c.reasoning ? 1 : 0]
          : [free, known, tier, c.reasoning ? 1 : 0, total]),
      );
    if (category === "extended_reasoning")
      keys.push(c.reasoning ? 0 : 1, free, known, -tier, -(m.contextWindow ?? -1), -(m.maxOutput ?? -1), total);
    if (category === "balanced") {
      const R = policy.reasonableOutputPrice;
      const band = output === Infinity ? 3 : output > R ? 2 : output >= R / 10 ? 0 : 1;
      keys.push(c.tools ? 0 : 1, free, band, -tier, -(m.contextWindow ?? -1), total);
    }
    return [...keys, STATUS[m.status], m.id];
  };
  const byNameOnly = (m: Model) => m.kind === "router" || m.routing === "by_name";
  /** Each provider's order: written preferences first (by name only or not), then the rest on merit. */
  const ranked = (p: string): { model: Model; band: number }[] => {
    const prefs = [
      ...pp(p).preferredByCategory[category],
      ...pp(p).preferredModels,
      ...(pp(p).defaultModel ? [pp(p).defaultModel!] : []),
    ];
    const place = (m: Model) => {
      const i = prefs.findIndex((name) => named(p, name).includes(m));
      return i < 0 ? Infinity : i;
    };
    return at(p)
      .filter((m) => fits(m) && (place(m) !== Infinity || !byNameOnly(m)))
      .sort((x, y) => {
        const byPlace = cmp(place(x), place(y));
        if (byPlace !== 0 || place(x) !== Infinity) return byPlace;
        const [kx, ky] = [merit(x), merit(y)];
        for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i]) return cmp(kx[i]!, ky[i]!);
        return 0;
      })
      .map((m) => ({ model: m, band: place(m) !== Infinity ? 0 : standingKeys(m).reduce((n, k) => n * 2 + k, 0) }));
  };
  // Health before priority: by band, then provider priority, then the provider's own order.
  const routed = scope
    .flatMap((p, priority) => ranked(p).map((e, position) => ({ ...e, priority, position })))
    .sort((x, y) => cmp(x.band, y.band) || cmp(x.priority, y.priority) || cmp(x.position, y.position))
    .map((e) => key(e.model));

  const criteria =
    request.category !== undefined ||
    request.provider !== undefined ||
    r.vision ||
    r.tools ||
    r.reasoning ||
    r.json ||
    r.minContext !== undefined ||
    r.minOutput !== undefined;
  if (policy.defaultModel !== null && !criteria) {
    const def = named(policy.defaultModel.provider, policy.defaultModel.model).filter(fits)[0];
    if (def) return { chosen: [key(def), ...routed.filter((k) => k !== key(def))] };
  }
  return routed.length > 0 ? { chosen: routed } : { code: "NO_MODEL_AVAILABLE" };
}

// ---- the properties ---------------------------------------------------------------------------------------------

function run(snapshot: ProviderRegistrySnapshot, request: SelectionRequest): { json: string; outcome: Outcome } {
  try {
    const choice = createSelector(snapshot).select(request);
    return { json: JSON.stringify(choice), outcome: { chosen: [key(choice), ...choice.fallbacks.map(key)] } };
  } catch (error) {
    if (!(error instanceof SelectionError)) throw error;
    return { json: JSON.stringify(error), outcome: { code: error.code } };
  }
}

/** Hundreds of runs each: seconds alone, more on a loaded machine; this bounds a hang, not speed. */
const PROPERTY_TIMEOUT = 120_000;

describe("over random snapshots and requests", () => {
  test(
    "the choice and its fallbacks are exactly what the brute-force oracle finds, in its order",
    () => {
      fc.assert(
        fc.property(snapshotArb, requestArb, (snapshot, request) => {
          expect(run(snapshot, request).outcome).toEqual(oracle(snapshot, request));
        }),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  test(
    "with a long prompt (minContext at or past the price tiers), the order is still the oracle's",
    () => {
      const longRequestArb = fc.record({
        category: fc.constantFrom(...CATEGORIES),
        requires: fc.record({ minContext: fc.constantFrom(99999, 100000, 100001, 150000) }),
      });
      fc.assert(
        fc.property(snapshotArb, longRequestArb, (snapshot, request) => {
          expect(run(snapshot, request).outcome).toEqual(oracle(snapshot, request));
        }),
        { numRuns: 400 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  test(
    "a choice meets the allow-lists, provider filters, exclude and requirements; fallbacks never repeat it or themselves",
    () => {
      fc.assert(
        fc.property(snapshotArb, requestArb, (snapshot, request) => {
          let choice;
          try {
            choice = createSelector(snapshot).select(request);
          } catch (error) {
            expect(error).toBeInstanceOf(SelectionError);
            return;
          }
          const all = [key(choice), ...choice.fallbacks.map(key)];
          expect(new Set(all).size).toBe(all.length);
          const p = snapshot.policy;
          for (const ref of [choice, ...choice.fallbacks]) {
            const m = snapshot.models.find((x) => key(x) === key(ref))!;
            expect(["chat", "router"]).toContain(m.kind);
            // By name only: never a fallback, and chosen only when named (by the request, the default or a preference).
            if (m.kind === "router" || m.routing === "by_name") {
              if (ref !== choice) expect(choice.trace.find((e) => key(e) === key(ref))?.rule).not.toBe("merit");
              else expect(choice.trace.find((e) => e.outcome === "chosen")?.rule).not.toBe("merit");
            }
            expect(m.availability).not.toBe("not_listed");
            if (m.availability === "unverified") expect(p.routeUnverified).toBe(true);
            expect(p.disabledProviders).not.toContain(m.provider);
            if (p.allowedProviders !== null) expect(p.allowedProviders).toContain(m.provider);
            const allow = p.providers[m.provider]!.allowedModels;
            if (allow !== null) expect(allow.map(lower)).toContain(lower(m.id));
            if (request.provider !== undefined) expect(m.provider).toBe(lower(request.provider));
            for (const name of request.exclude ?? []) expect(lower(m.id)).not.toBe(lower(name));
            const r = request.requires ?? {};
            for (const c of ["vision", "tools", "reasoning", "json"] as const)
              if (r[c]) expect(m.capabilities[c]).toBe(true);
            if (r.minContext !== undefined) expect(m.contextWindow ?? -1).toBeGreaterThanOrEqual(r.minContext);
            if (r.minOutput !== undefined) expect(m.maxOutput ?? -1).toBeGreaterThanOrEqual(r.minOutput);
          }
          // The trace agrees with the choice and the fallbacks.
          expect(choice.trace.filter((e) => e.outcome === "chosen").map(key)).toEqual([key(choice)]);
          expect(
            choice.trace
              .filter((e) => e.outcome === "fallback")
              .map(key)
              .sort(),
          ).toEqual(choice.fallbacks.map(key).sort());
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  test(
    "the same input gives the same output, trace and all, from a fresh selector or the same one",
    () => {
      fc.assert(
        fc.property(snapshotArb, requestArb, (snapshot, request) => {
          const first = run(snapshot, request).json;
          expect(run(structuredClone(snapshot), structuredClone(request)).json).toBe(first);
          const selector = createSelector(snapshot);
          const once = (() => {
            try {
              return JSON.stringify(selector.select(request));
            } catch (error) {
              return JSON.stringify(error);
            }
          })();
          expect(once).toBe(first);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  test(
    "NO_MODEL_AVAILABLE only when no model fits",
    () => {
      fc.assert(
        fc.property(snapshotArb, requestArb, (snapshot, request) => {
          const { outcome } = run(snapshot, request);
          if (outcome.code === "NO_MODEL_AVAILABLE") expect(oracle(snapshot, request).chosen).toBeUndefined();
          if (
            oracle(snapshot, request).chosen === undefined &&
            request.model === undefined &&
            request.provider === undefined
          ) {
            expect(outcome.code).toBe("NO_MODEL_AVAILABLE");
          }
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  test(
    "whatever the request, select returns a choice or throws a SelectionError, and explain never throws",
    () => {
      const selector = createSelector(
        buildSnapshot({
          models: [
            { provider: "a", id: "m1", aliases: ["x"] },
            { provider: "b", id: "m2", vision: true },
          ],
        }),
      );
      const value = fc.anything({
        withBigInt: true,
        withBoxedValues: true,
        withNullPrototype: true,
        withMap: true,
        withSet: true,
      });
      const anyRequest = fc.oneof(
        value,
        fc.record(
          { model: value, category: value, provider: value, requires: value, exclude: value },
          { requiredKeys: [] },
        ),
        fc.record({
          requires: fc.dictionary(fc.constantFrom("vision", "tools", "minContext", "minOutput", "other"), value),
        }),
        fc.record({ exclude: fc.array(value) }),
      );
      fc.assert(
        fc.property(anyRequest, (request) => {
          try {
            selector.select(request as SelectionRequest);
          } catch (error) {
            expect(error).toBeInstanceOf(SelectionError);
          }
          expect(typeof selector.explain(request as SelectionRequest)).toBe("string");
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
