// What each source states of a model, as a fact layer: the id itself (inferred), a catalog entry, the provider's answer.
import type { PriceTier, Pricing } from "../../generated/snapshot-types.js";
import type { CatalogEntry } from "../catalog/load-catalog.js";
import type { Facts } from "../core/facts.js";
import { pricing } from "../core/pricing.js";
import type { ProbedModel, ProbedPricing } from "../providers/adapter.js";

// A "latest" word in the id (kimi-latest, kimi-latest-128k, gemini-flash-latest, ~openai/gpt-latest): the id points
// at whatever the provider serves now. Said only where nobody said otherwise, and marked as inferred.
const MOVING_ALIAS_ID = /(^|[-_/~.])latest($|[-_.:])/i;

/** What the id alone suggests (a moving alias), and the kind the answer hints at (an embedding, a speech model). */
export function inferredFacts(id: string, probed: ProbedModel | undefined): Facts | undefined {
  const moving = MOVING_ALIAS_ID.test(id);
  const kind = probed?.kindHint;
  if (!moving && kind === undefined) return undefined;
  return { ...(moving ? { movingAlias: true } : {}), ...(kind !== undefined ? { kind } : {}) };
}

// `null` in the built-in catalog means "not known here": it states nothing, so a community catalog beneath it (or
// the default) speaks for that fact. Only a value is a fact.
export function catalogFacts(entry: CatalogEntry): Facts {
  const facts: Facts = {
    name: entry.name,
    ...(entry.kind !== undefined ? { kind: entry.kind } : {}),
    status: entry.status,
    ...(entry.movingAlias !== undefined ? { movingAlias: entry.movingAlias } : {}),
    tier: entry.tier,
    ...(entry.contextWindow !== null ? { contextWindow: entry.contextWindow } : {}),
    ...(entry.maxOutput !== null ? { maxOutput: entry.maxOutput } : {}),
    ...entry.capabilities,
    ...(entry.freeTier !== undefined ? { freeTier: entry.freeTier } : {}),
    ...(entry.aliasOf !== undefined ? { aliasOf: entry.aliasOf } : {}),
    ...(entry.routing !== undefined ? { routing: entry.routing } : {}),
    ...(entry.retiresAt !== undefined ? { retiresAt: entry.retiresAt } : {}),
  };
  const p = entry.pricing;
  // In the catalog's own currency: the schema takes any three-letter code.
  if (p) facts.pricing = pricing({ ...p, tiers: p.tiers !== undefined ? sortTiers(p.tiers) : undefined });
  return facts;
}

export function probedFacts(probed: ProbedModel): Facts {
  // Assigned field by field rather than spread from conditional literals: this runs once per listed model.
  const facts: Facts = {};
  if (probed.name !== undefined) facts.name = probed.name;
  if (probed.kind !== undefined) facts.kind = probed.kind;
  if (probed.contextWindow !== undefined) facts.contextWindow = probed.contextWindow;
  if (probed.maxOutput !== undefined) facts.maxOutput = probed.maxOutput;
  const capabilities = probed.capabilities;
  if (capabilities) {
    if (capabilities.vision !== undefined) facts.vision = capabilities.vision;
    if (capabilities.tools !== undefined) facts.tools = capabilities.tools;
    if (capabilities.reasoning !== undefined) facts.reasoning = capabilities.reasoning;
    if (capabilities.json !== undefined) facts.json = capabilities.json;
    if (capabilities.streaming !== undefined) facts.streaming = capabilities.streaming;
  }
  const pricing = probed.pricing;
  // null is a fact too: the answer says the model has no token price (a router), and no catalog may give it one.
  if (pricing === null) facts.pricing = null;
  else if (pricing !== undefined) facts.pricing = probedPricing(pricing);
  if (probed.freeTier !== undefined) facts.freeTier = probed.freeTier;
  if (probed.movingAlias !== undefined) facts.movingAlias = probed.movingAlias;
  if (probed.aliasOf !== undefined) facts.aliasOf = probed.aliasOf;
  if (probed.variant !== undefined) facts.variant = { of: probed.variant.of, tag: probed.variant.tag };
  if (probed.routing !== undefined) facts.routing = probed.routing;
  if (probed.retiresAt !== undefined) facts.retiresAt = probed.retiresAt;
  if (probed.status !== undefined) facts.status = probed.status;
  return facts;
}

function probedPricing(p: ProbedPricing): Pricing {
  return pricing({
    input: p.input,
    output: p.output,
    cachedInput: p.cachedInput,
    perRequest: p.perRequest,
    perImage: p.perImage,
    tiers: p.tiers !== undefined ? sortTiers(p.tiers) : undefined,
    source: "probe",
  });
}

/** Tiers by their threshold, lowest first. */
function sortTiers(tiers: readonly PriceTier[]): PriceTier[] {
  return [...tiers]
    .sort((a, b) => a.aboveInputTokens - b.aboveInputTokens)
    .map((t) => ({
      aboveInputTokens: t.aboveInputTokens,
      ...(t.cachedInput !== undefined ? { cachedInput: t.cachedInput } : {}),
      input: t.input,
      output: t.output,
    }));
}
