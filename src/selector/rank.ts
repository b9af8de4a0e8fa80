// Ranking on merit: how models without any written preference are ordered within a provider.
// docs/selection.md states these rules; keep the two in step.
import type { Model, Policy } from "../../generated/snapshot-types.js";
import type { Category } from "./vocabulary.js";

const TIER_RANK = { fast: 0, standard: 1, flagship: 2 } as const;
const STATUS_RANK = { stable: 0, preview: 1, deprecated: 2 } as const;

/** The facts ranking looks at, precomputed once per model. */
export interface MeritFacts {
  readonly id: string;
  readonly free: boolean;
  /** fast 0, standard 1, flagship 2. */
  readonly tier: number;
  /** input + output per million tokens; Infinity when unknown, so it sorts last. */
  readonly price: number;
  readonly reasonable: boolean;
  readonly reasoning: boolean;
  /** -1 when unknown, so it sorts last among "larger first". */
  readonly context: number;
  readonly output: number;
  /** stable 0, preview 1, deprecated 2. */
  readonly status: number;
  readonly moving: boolean;
}

export function meritFacts(model: Model, policy: Policy): MeritFacts {
  return {
    id: model.id,
    free: model.freeTier,
    tier: TIER_RANK[model.tier],
    price: model.pricing === null ? Infinity : model.pricing.input + model.pricing.output,
    reasonable: model.pricing === null || model.pricing.output <= policy.reasonableOutputPrice,
    reasoning: model.capabilities.reasoning,
    context: model.contextWindow ?? -1,
    output: model.maxOutput ?? -1,
    status: STATUS_RANK[model.status],
    moving: model.movingAlias,
  };
}

type Compare = (a: MeritFacts, b: MeritFacts) => number;

const ascending = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
const trueFirst = (a: boolean, b: boolean) => (a === b ? 0 : a ? -1 : 1);

const fastResponse = (costAware: boolean): Compare =>
  costAware
    ? (a, b) => ascending(a.price, b.price) || ascending(a.tier, b.tier)
    : (a, b) => ascending(a.tier, b.tier) || ascending(a.price, b.price);

const extendedReasoning: Compare = (a, b) =>
  trueFirst(a.reasoning, b.reasoning) || ascending(b.tier, a.tier) || ascending(b.context, a.context) ||
  ascending(b.output, a.output);

// "Most capable at a reasonable price": capability is the tier, then the room the model has (its context window);
// price only decides between equals, so a cut-down cheap variant does not win on price alone.
const balanced: Compare = (a, b) =>
  trueFirst(a.reasonable, b.reasonable) || ascending(b.tier, a.tier) || ascending(b.context, a.context) ||
  ascending(a.price, b.price);

const DEPRECATED = STATUS_RANK.deprecated;

// A model its provider has deprecated is a last resort whatever else it offers: on merit it never beats a live one.
const liveFirst: Compare = (a, b) => trueFirst(a.status !== DEPRECATED, b.status !== DEPRECATED);

// Last, so that the order never depends on the order the provider listed its models in.
const tieBreak: Compare = (a, b) =>
  ascending(a.status, b.status) || trueFirst(b.moving, a.moving) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function compareOnMerit(category: Category, policy: Policy): Compare {
  const byCategory =
    category === "fast_response" ? fastResponse(policy.costAwareRouting) : category === "extended_reasoning" ? extendedReasoning : balanced;
  if (policy.freeTierPreference) return (a, b) => liveFirst(a, b) || trueFirst(a.free, b.free) || byCategory(a, b) || tieBreak(a, b);
  return (a, b) => liveFirst(a, b) || byCategory(a, b) || tieBreak(a, b);
}

const TIER_NAME = ["fast", "standard", "flagship"];
const STATUS_NAME = ["stable", "preview", "deprecated"];

function price(facts: MeritFacts): string {
  return facts.price === Infinity ? "price unknown" : `${formatNumber(facts.price)} per million tokens in+out`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** The facts that placed a model, in the order they counted: "fast tier, 0.6 per million tokens in+out, stable, pinned". */
export function describeMerit(facts: MeritFacts, category: Category, policy: Policy): string {
  const parts: string[] = [];
  if (policy.freeTierPreference) parts.push(facts.free ? "free tier" : "not free tier");
  const tier = `${TIER_NAME[facts.tier]} tier`;
  if (category === "fast_response") {
    if (policy.costAwareRouting) parts.push(price(facts), tier);
    else parts.push(tier, price(facts));
  } else if (category === "extended_reasoning") {
    parts.push(facts.reasoning ? "reasoning" : "no reasoning", tier);
    parts.push(facts.context < 0 ? "context unknown" : `context ${facts.context}`);
  } else {
    parts.push(
      facts.price === Infinity ? "reasonably priced (price unknown)" : facts.reasonable
        ? `reasonably priced (output at most ${formatNumber(policy.reasonableOutputPrice)})`
        : `above the reasonable output price ${formatNumber(policy.reasonableOutputPrice)}`,
      tier,
      facts.context < 0 ? "context unknown" : `context ${facts.context}`,
    );
    if (facts.price !== Infinity) parts.push(price(facts));
  }
  if (facts.status === DEPRECATED) parts.unshift("deprecated, so ranked after every live model");
  else parts.push(STATUS_NAME[facts.status] ?? "stable");
  parts.push(facts.moving ? "moving alias" : "pinned");
  return parts.join(", ");
}
