// Ranking on merit: how models without a written preference are ordered. The rules are data: each category is a
// list of named keys (MERIT_KEYS), each key turns a model's facts into a number (smaller ranks first), and models
// are compared key by key, then by id. docs/selection.md states the same lists; keep the two in step.
import type { Model, Policy } from "../../generated/snapshot-types.js";
import type { Category } from "./vocabulary.js";

const TIER_RANK = { fast: 0, standard: 1, flagship: 2 } as const;
const TIER_NAME = ["fast", "standard", "flagship"] as const;

/** The facts ranking looks at, read once per model. */
export interface MeritFacts {
  readonly id: string;
  /** False when no catalog or answer described the model: its facts are defaults. */
  readonly described: boolean;
  readonly deprecated: boolean;
  /** The provider's retirement date (retiresAt, YYYY-MM-DD), for people; the selector reads no clock, register applies it. */
  readonly retiresAt: string | null;
  readonly moving: boolean;
  readonly free: boolean;
  /** A `:free` variant of another model (variant.tag "free"). */
  readonly freeVariant: boolean;
  /** 0 stable, 1 preview, 2 deprecated. */
  readonly status: number;
  /** fast 0, standard 1, flagship 2. */
  readonly tier: number;
  readonly reasoning: boolean;
  readonly tools: boolean;
  /** -1 when unknown. */
  readonly context: number;
  readonly output: number;
  /** input + output per million tokens, and output alone, below any long-context tier; Infinity when unknown. */
  readonly price: Price;
  /** Long-context prices, by aboveInputTokens ascending; empty when none. */
  readonly tiers: readonly { readonly above: number; readonly price: Price }[];
}

export interface Price {
  /** input + output per million tokens; Infinity when unknown. */
  readonly total: number;
  readonly output: number;
}

const UNKNOWN_PRICE: Price = { total: Infinity, output: Infinity };
const NO_TIERS: MeritFacts["tiers"] = Object.freeze([]);

export function meritFacts(model: Model): MeritFacts {
  const p = model.pricing;
  return {
    id: model.id,
    described: model.described !== false,
    deprecated: model.status === "deprecated",
    retiresAt: model.retiresAt ?? null,
    moving: model.movingAlias,
    free: model.freeTier,
    freeVariant: model.variant?.tag === "free",
    status: model.status === "stable" ? 0 : model.status === "preview" ? 1 : 2,
    tier: TIER_RANK[model.tier],
    reasoning: model.capabilities.reasoning,
    tools: model.capabilities.tools,
    context: model.contextWindow ?? -1,
    output: model.maxOutput ?? -1,
    price: p === null ? UNKNOWN_PRICE : { total: p.input + p.output, output: p.output },
    tiers:
      p?.tiers?.map((t) => ({ above: t.aboveInputTokens, price: { total: t.input + t.output, output: t.output } })) ??
      NO_TIERS,
  };
}

/**
 * The price a request pays: that of the last long-context tier whose aboveInputTokens is below the request's
 * minContext (a prompt that long pays it), else the base price. `minContext` is negative when not asked for.
 */
export function priceAt(facts: MeritFacts, minContext: number): Price {
  let price = facts.price;
  if (price === UNKNOWN_PRICE) return price;
  for (const tier of facts.tiers) if (minContext > tier.above) price = tier.price;
  return price;
}

export type MeritKeyName =
  | "described"
  | "live"
  | "pinned"
  | "free"
  | "fast_tier"
  | "capable_tier"
  | "no_reasoning"
  | "reasoning"
  | "tools"
  | "price_known"
  | "price_band"
  | "cheaper"
  | "larger_context"
  | "larger_output"
  | "status";

interface MeritKey {
  /** Smaller ranks first. */
  readonly value: (f: MeritFacts, price: Price, policy: Policy) => number;
  /** The fact as people read it, or "" when not worth saying. */
  readonly fact: (f: MeritFacts, price: Price, policy: Policy) => string;
  /** What decided, when this key told two models apart. */
  readonly label: string;
}

const yes = (b: boolean) => (b ? 0 : 1);

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** The lower edge of balanced's mid price band, as a share of policy.reasonableOutputPrice. */
export const MID_BAND_FLOOR = 0.1;

/** Balanced's price bands: 0 mid, 1 low, 2 above the reasonable output price, 3 unknown. */
function priceBand(price: Price, policy: Policy): number {
  const o = price.output;
  if (o === Infinity) return 3;
  if (o > policy.reasonableOutputPrice) return 2;
  return o >= policy.reasonableOutputPrice * MID_BAND_FLOOR ? 0 : 1;
}

const KEYS: Record<MeritKeyName, MeritKey> = {
  described: {
    value: (f) => yes(f.described),
    fact: (f) => (f.described ? "" : "undescribed (no catalog or answer describes it; its facts are defaults)"),
    label: "described before undescribed",
  },
  live: {
    value: (f) => yes(!f.deprecated),
    fact: (f) => (f.deprecated ? "deprecated" : ""),
    label: "live before deprecated",
  },
  pinned: {
    value: (f) => yes(!f.moving),
    fact: (f) => (f.moving ? "a moving alias" : ""),
    label: "pinned before moving alias",
  },
  free: {
    value: (f, _, policy) => (policy.freeTierPreference ? yes(f.free) : yes(!f.free)),
    fact: (f, _, policy) =>
      policy.freeTierPreference
        ? f.free
          ? "free tier"
          : "not free tier"
        : f.free
          ? `free tier${f.freeVariant ? " (a :free variant)" : ""}, so after paid models`
          : "",
    label: "free tier (last unless free-tier preference is on, then first)",
  },
  fast_tier: {
    value: (f) => f.tier,
    fact: (f) => `${TIER_NAME[f.tier]} tier`,
    label: "tier (fast first)",
  },
  capable_tier: {
    value: (f) => -f.tier,
    fact: (f) => `${TIER_NAME[f.tier]} tier`,
    label: "tier (flagship first)",
  },
  no_reasoning: {
    value: (f) => yes(!f.reasoning),
    fact: (f) => (f.reasoning ? "reasoning (thinks before answering)" : "no reasoning"),
    label: "non-reasoning first",
  },
  reasoning: {
    value: (f) => yes(f.reasoning),
    fact: (f) => (f.reasoning ? "reasoning" : "no reasoning"),
    label: "reasoning first",
  },
  tools: {
    value: (f) => yes(f.tools),
    fact: (f) => (f.tools ? "tools" : "no tools"),
    label: "tool calling first",
  },
  price_known: {
    value: (_, price) => yes(price.total !== Infinity),
    fact: (_, price) => (price.total === Infinity ? "price unknown" : "price known"),
    label: "known price first",
  },
  price_band: {
    value: (_, price, policy) => priceBand(price, policy),
    fact: (_, price, policy) => {
      const r = formatNumber(policy.reasonableOutputPrice);
      const floor = formatNumber(policy.reasonableOutputPrice * MID_BAND_FLOOR);
      switch (priceBand(price, policy)) {
        case 0:
          return `mid price band (output ${formatNumber(price.output)}, from ${floor} to ${r})`;
        case 1:
          return `low price band (output ${formatNumber(price.output)}, below ${floor})`;
        case 2:
          return `above the reasonable output price ${r} (output ${formatNumber(price.output)})`;
        default:
          return "price unknown";
      }
    },
    label: "price band (mid first)",
  },
  cheaper: {
    value: (_, price) => price.total,
    fact: (_, price) =>
      price.total === Infinity ? "price unknown" : `${formatNumber(price.total)} per million tokens in+out`,
    label: "lower price",
  },
  larger_context: {
    value: (f) => -f.context,
    fact: (f) => (f.context < 0 ? "context unknown" : `context ${f.context}`),
    label: "larger context window",
  },
  larger_output: {
    value: (f) => -f.output,
    fact: (f) => (f.output < 0 ? "output limit unknown" : `output ${f.output}`),
    label: "larger output limit",
  },
  status: {
    value: (f) => f.status,
    fact: (f) => (f.status === 0 ? "stable" : f.status === 1 ? "preview" : ""),
    label: "stable before preview",
  },
};

/**
 * Standing (health): the keys every category starts with, and the only ones compared across providers (health
 * before priority). A model that fails one is a worse default whatever else it offers.
 */
export const STANDING_KEYS: readonly MeritKeyName[] = ["described", "live", "pinned"];

/** The keys each category ranks on after standing, before the tie-break. */
export function categoryKeys(category: Category, policy: Policy): readonly MeritKeyName[] {
  switch (category) {
    case "fast_response":
      return policy.costAwareRouting
        ? ["free", "cheaper", "fast_tier", "no_reasoning"]
        : ["free", "price_known", "fast_tier", "no_reasoning", "cheaper"];
    case "balanced":
      return ["tools", "free", "price_band", "capable_tier", "larger_context", "cheaper"];
    case "extended_reasoning":
      return ["reasoning", "free", "price_known", "capable_tier", "larger_context", "larger_output", "cheaper"];
  }
}

/** The tie-break: status, then the id in UTF-16 code-unit order (not a key: it is compared as a string). */
export const TIE_BREAK_KEYS: readonly MeritKeyName[] = ["status"];

/** Every key of a category's ranking, in order; the id comes after them all. */
export function meritKeys(category: Category, policy: Policy): readonly MeritKeyName[] {
  return [...STANDING_KEYS, ...categoryKeys(category, policy), ...TIE_BREAK_KEYS];
}

/** A model's standing as one number (smaller is better): the STANDING_KEYS' values as binary digits. */
export function standing(f: MeritFacts, policy: Policy): number {
  let n = 0;
  for (const name of STANDING_KEYS) n = n * 2 + KEYS[name].value(f, f.price, policy);
  return n;
}

export type MeritVector = readonly number[];

/** Each list of keys' value functions, looked up once per list rather than once per key per model. */
const valueFunctions = new WeakMap<readonly MeritKeyName[], readonly MeritKey["value"][]>();

/** The values of a category's keys for one model at one request's price. */
export function meritVector(keys: readonly MeritKeyName[], f: MeritFacts, price: Price, policy: Policy): MeritVector {
  let values = valueFunctions.get(keys);
  if (values === undefined) valueFunctions.set(keys, (values = keys.map((k) => KEYS[k].value)));
  const vector = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) vector[i] = values[i]!(f, price, policy);
  return vector;
}

export function compareVectors(a: MeritVector, aId: string, b: MeritVector, bId: string): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/** The key that told a ahead of b ("id" when only the ids differ; null when they are the same model). */
export function decidingKey(
  keys: readonly MeritKeyName[],
  a: MeritVector,
  b: MeritVector,
  aId: string,
  bId: string,
): MeritKeyName | "id" | null {
  for (let i = 0; i < keys.length; i++) if (a[i] !== b[i]) return keys[i]!;
  return aId === bId ? null : "id";
}

export function keyLabel(key: MeritKeyName | "id"): string {
  return key === "id"
    ? "the tie-break on id (UTF-16 code-unit order): equal on every fact the ranking reads"
    : KEYS[key].label;
}

/** The facts the keys say of a model, in the keys' order; keys with nothing worth saying are left out. */
export function factsOf(keys: readonly MeritKeyName[], f: MeritFacts, price: Price, policy: Policy): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const fact = KEYS[key].fact(f, price, policy);
    if (fact !== "") out.push(fact);
  }
  return out;
}

/** The facts that placed a model, in the order they counted: "tools, mid price band (…), standard tier, …, stable, pinned". */
export function describeMerit(f: MeritFacts, category: Category, policy: Policy, price: Price = f.price): string {
  const parts = factsOf(STANDING_KEYS, f, price, policy);
  if (f.retiresAt !== null) parts.push(`retirement date ${f.retiresAt}`);
  // The price is said once: the band (or whether it is known) says enough when the exact price comes later.
  for (const fact of factsOf(categoryKeys(category, policy), f, price, policy))
    if (!parts.includes(fact)) parts.push(fact);
  parts.push(...factsOf(TIE_BREAK_KEYS, f, price, policy));
  if (!f.moving) parts.push("pinned");
  return parts.join(", ");
}

/** Every key a ranking may use, for documentation and ports of these rules. */
export const MERIT_KEY_NAMES = Object.keys(KEYS) as readonly MeritKeyName[];
