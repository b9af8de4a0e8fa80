// Every price the registry writes has one shape: USD per million tokens, optional parts left out when absent.
import type { PriceTier, Pricing } from "../../generated/snapshot-types.js";

export interface TokenPrices {
  readonly input: number;
  readonly output: number;
  readonly cachedInput?: number | undefined;
}

export interface PriceParts extends TokenPrices {
  /** Where the price was read: a URL, or a fact source such as `probe` or `env:MODEL_COSTS_JSON`. */
  readonly source: string;
  readonly asOf?: string | undefined;
  readonly perRequest?: number | undefined;
  readonly perImage?: number | undefined;
  /** Long-context tiers; an empty list is the same as none. */
  readonly tiers?: readonly PriceTier[] | undefined;
}

// Keys in sorted order: the snapshot is written key-sorted, and an object already in order is written without a copy.
export function pricing(parts: PriceParts): Pricing {
  return {
    ...(parts.asOf !== undefined ? { asOf: parts.asOf } : {}),
    ...(parts.cachedInput !== undefined ? { cachedInput: parts.cachedInput } : {}),
    currency: "USD",
    input: parts.input,
    output: parts.output,
    ...(parts.perImage !== undefined ? { perImage: parts.perImage } : {}),
    ...(parts.perRequest !== undefined ? { perRequest: parts.perRequest } : {}),
    source: parts.source,
    ...(parts.tiers !== undefined && parts.tiers.length > 0 ? { tiers: [...parts.tiers] } : {}),
    unit: "per_million_tokens",
  };
}

/** A long-context tier: prices the tier does not state are the base prices. */
export function priceTier(aboveInputTokens: number, stated: Partial<TokenPrices>, base: TokenPrices): PriceTier {
  const cachedInput = stated.cachedInput;
  return {
    aboveInputTokens,
    ...(cachedInput !== undefined ? { cachedInput } : {}),
    input: stated.input ?? base.input,
    output: stated.output ?? base.output,
  };
}
