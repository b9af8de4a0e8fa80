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

export function pricing(parts: PriceParts): Pricing {
  return {
    currency: "USD",
    unit: "per_million_tokens",
    input: parts.input,
    output: parts.output,
    ...(parts.cachedInput !== undefined ? { cachedInput: parts.cachedInput } : {}),
    ...(parts.perRequest !== undefined ? { perRequest: parts.perRequest } : {}),
    ...(parts.perImage !== undefined ? { perImage: parts.perImage } : {}),
    ...(parts.tiers !== undefined && parts.tiers.length > 0 ? { tiers: [...parts.tiers] } : {}),
    source: parts.source,
    ...(parts.asOf !== undefined ? { asOf: parts.asOf } : {}),
  };
}

/** A long-context tier: prices the tier does not state are the base prices. */
export function priceTier(aboveInputTokens: number, stated: Partial<TokenPrices>, base: TokenPrices): PriceTier {
  const cachedInput = stated.cachedInput;
  return {
    aboveInputTokens,
    input: stated.input ?? base.input,
    output: stated.output ?? base.output,
    ...(cachedInput !== undefined ? { cachedInput } : {}),
  };
}
