// The order a request tries models in. Precomputed per category at base prices; a request whose minContext reaches
// a long-context price tier is ranked again at the prices it would pay (docs/selection.md, "Price").
import { providersInScope, type SelectionContext } from "./context.js";
import { fits } from "./fit.js";
import {
  compareVectors,
  decidingKey,
  meritVector,
  priceAt,
  type MeritKeyName,
  type MeritVector,
  type Price,
} from "./rank.js";
import { band, mergeProviders, type ModelRecord, type ProviderRecord } from "./snapshot-index.js";

export interface RequestOrder {
  /** Every routable model in scope, in the order routing tries them. */
  readonly routing: readonly ModelRecord[];
  /** A provider's own ordering for this request. */
  provider(p: ProviderRecord): readonly ModelRecord[];
  /** A model's merit values at this request's prices. */
  vector(r: ModelRecord): MeritVector;
  /** The price this request would pay. */
  price(r: ModelRecord): Price;
}

/** Each request's order, made on first need: a trace asks for it once per entry and once per pair of neighbours. */
const orders = new WeakMap<SelectionContext, RequestOrder>();

/** Whether the request pays some model's long-context price, so that precomputed orders do not hold. */
export const isRepriced = (ctx: SelectionContext): boolean => ctx.minContext > ctx.index.tierThreshold;

/** The precomputed order a request in scope tries models in, at base prices. */
export const baseRouting = (ctx: SelectionContext): readonly ModelRecord[] =>
  ctx.provider === null ? ctx.index.routing[ctx.categoryIndex]! : ctx.provider.orderings[ctx.categoryIndex]!;

export function requestOrder(ctx: SelectionContext): RequestOrder {
  let order = orders.get(ctx);
  if (order === undefined) {
    order = isRepriced(ctx) ? reprice(ctx) : baseOrder(ctx);
    orders.set(ctx, order);
  }
  return order;
}

function baseOrder(ctx: SelectionContext): RequestOrder {
  const c = ctx.categoryIndex;
  return {
    routing: baseRouting(ctx),
    provider: (p) => p.orderings[c]!,
    vector: (r) => r.vectors[c]!,
    price: (r) => r.merit.price,
  };
}

function reprice(ctx: SelectionContext): RequestOrder {
  const c = ctx.categoryIndex;
  const { policy } = ctx.index;
  const keys = ctx.index.keys[c]!;
  const vectors = new Map<ModelRecord, MeritVector>();
  const price = (r: ModelRecord) => priceAt(r.merit, ctx.minContext);
  const vector = (r: ModelRecord) => {
    let v = vectors.get(r);
    if (v === undefined) {
      v = meritVector(keys, r.merit, price(r), policy);
      vectors.set(r, v);
    }
    return v;
  };
  const byProvider = new Map<ProviderRecord, ModelRecord[]>();
  for (const p of providersInScope(ctx)) {
    const base = p.orderings[c]!;
    // Written preferences keep their places; only the models placed on merit are ranked again.
    let split = 0;
    while (split < base.length && base[split]!.placement[c] !== "merit") split++;
    const onMerit = base.slice(split).sort((a, b) => compareVectors(vector(a), a.id, vector(b), b.id));
    byProvider.set(p, [...base.slice(0, split), ...onMerit]);
  }
  const routing = mergeProviders([...byProvider.values()], c);
  return { routing, provider: (p) => byProvider.get(p) ?? p.orderings[c]!, vector, price };
}

/** What told the choice apart from the model routing would try next. */
export type Decider = MeritKeyName | "id" | "provider_priority" | "written_preference";

export interface Standoff {
  /** The next model that fits, in routing order; null when there is none. */
  readonly runnerUp: ModelRecord | null;
  readonly decidedBy: Decider | null;
  /** The best fitting model of each provider earlier in priority than the choice's: each lost on standing (health before priority). */
  readonly passedOver: readonly ModelRecord[];
}

/** Why a routed choice came first: against the runner-up, and against earlier providers' best fits. */
export function standoff(ctx: SelectionContext, chosen: ModelRecord): Standoff {
  const order = requestOrder(ctx);
  const routing = order.routing;
  let runnerUp: ModelRecord | null = null;
  for (let i = routing.indexOf(chosen) + 1; i < routing.length; i++) {
    if (fits(routing[i]!, ctx)) {
      runnerUp = routing[i]!;
      break;
    }
  }
  const passedOver: ModelRecord[] = [];
  for (const p of providersInScope(ctx)) {
    if (p.priority >= chosen.provider.priority) continue;
    const best = order.provider(p).find((r) => fits(r, ctx));
    if (best !== undefined) passedOver.push(best);
  }
  return { runnerUp, decidedBy: runnerUp === null ? null : decider(ctx, chosen, runnerUp), passedOver };
}

/** What put a ahead of b, both fitting, a first in routing order. */
export function decider(ctx: SelectionContext, a: ModelRecord, b: ModelRecord): Decider {
  const c = ctx.categoryIndex;
  if (a.placement[c] !== "merit" || b.placement[c] !== "merit") {
    if (a.provider === b.provider || band(a, c) === band(b, c))
      return a.provider === b.provider ? "written_preference" : "provider_priority";
  }
  const order = requestOrder(ctx);
  const keys = ctx.index.keys[c]!;
  if (a.provider !== b.provider) {
    if (band(a, c) === band(b, c)) return "provider_priority";
    // Different bands: the first standing key that differs decided (a preference counts as the best standing).
    const va = a.placement[c] === "merit" ? order.vector(a) : keys.map(() => 0);
    return decidingKey(keys, va, order.vector(b), a.id, b.id) ?? "provider_priority";
  }
  return decidingKey(keys, order.vector(a), order.vector(b), a.id, b.id) ?? "id";
}
