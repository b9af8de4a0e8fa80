// OpenRouter's prices: per token as decimal strings, with per-request and per-image charges, long-context overrides,
// and "-1" for a router.
import type { Model, PriceTier } from "../../../generated/snapshot-types.js";
import type { ProbedPricing } from "../adapter.js";
import { isObject, type JsonObject } from "../../core/json-object.js";
import { nonNegativeDecimal, perTokenToPerMillion } from "../../core/price-units.js";
import { priceFigures, priceTier, type TokenPrices } from "../../core/pricing.js";
import { positiveInteger } from "./read-field.js";

/** "-1" (or -1): OpenRouter's price of a router, decided per request by the model it picks. */
export function isRouterPrice(value: unknown): boolean {
  return (typeof value === "string" && value.trim() === "-1") || value === -1;
}

/** A per-unit charge (per request, per image) when the answer states one above zero. */
function charge(value: unknown): number | undefined {
  if (value === undefined || value === "0" || value === 0) return undefined;
  const price = nonNegativeDecimal(value);
  return price !== undefined && price > 0 ? price : undefined;
}

/** pricing.overrides[] {min_prompt_tokens, prompt, completion, input_cache_read}: long-context prices, ascending. */
function priceTiers(overrides: unknown, base: TokenPrices): PriceTier[] | undefined {
  if (!Array.isArray(overrides)) return undefined;
  const tiers = new Map<number, PriceTier>();
  for (const override of overrides) {
    if (!isObject(override)) continue;
    const above = positiveInteger(override.min_prompt_tokens);
    const input = perTokenToPerMillion(override.prompt);
    const output = perTokenToPerMillion(override.completion);
    // Overrides of other charges only (web search, a day of the week) are not token tiers.
    if (above === undefined || (input === undefined && output === undefined) || tiers.has(above)) continue;
    const cachedInput = perTokenToPerMillion(override.input_cache_read);
    tiers.set(above, priceTier(above, { input, output, cachedInput }, base));
  }
  return tiers.size > 0 ? [...tiers.values()].sort((a, b) => a.aboveInputTokens - b.aboveInputTokens) : undefined;
}

/**
 * OpenRouter's pricing object {prompt, completion, input_cache_read, request, image, overrides} (USD per token, as
 * strings) → USD per million. null: the model has no token price worth quoting (a router; a non-chat model priced
 * 0/0 with no per-unit charge).
 */
export function openRouterPricing(raw: JsonObject | undefined, kind: Model["kind"]): ProbedPricing | null | undefined {
  if (kind === "router") return null;
  if (raw === undefined) return undefined;
  const input = perTokenToPerMillion(raw.prompt);
  const output = perTokenToPerMillion(raw.completion);
  if (input === undefined || output === undefined) return undefined;
  const perRequest = charge(raw.request);
  const perImage = charge(raw.image);
  // Token prices of 0 on a music or image model say nothing: it is charged per clip or image, at a price not given.
  if (kind !== "chat" && input === 0 && output === 0 && perRequest === undefined && perImage === undefined) return null;
  const cachedInput = perTokenToPerMillion(raw.input_cache_read);
  const tiers = raw.overrides === undefined ? undefined : priceTiers(raw.overrides, { input, output });
  return priceFigures({ input, output, cachedInput, perRequest, perImage, tiers });
}
