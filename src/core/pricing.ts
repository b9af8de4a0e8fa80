// Every price the registry writes has one shape: USD per million tokens, optional parts left out when absent.
import type { PriceTier, Pricing } from "../../generated/snapshot-types.js";

export interface TokenPrices {
  readonly input: number;
  readonly output: number;
  readonly cachedInput?: number | undefined;
}

/** The figures of a price, without where it was read: what a provider's answer states (a probed price). */
export interface PriceFigures extends TokenPrices {
  readonly perRequest?: number | undefined;
  readonly perImage?: number | undefined;
  /** Long-context tiers; an empty list is the same as none. */
  readonly tiers?: readonly PriceTier[] | undefined;
}

export interface PriceParts extends PriceFigures {
  /** Where the price was read: a URL, or a fact source such as `probe` or `env:MODEL_COSTS_JSON`. */
  readonly source: string;
  readonly asOf?: string | undefined;
  /** Three letters; USD unless a catalog states another (the schema takes any). */
  readonly currency?: string;
}

/** The figures of a written price: `Pricing` without its currency, unit and source. */
export type WrittenFigures = Pick<Pricing, "input" | "output" | "cachedInput" | "perRequest" | "perImage" | "tiers">;

// Both builders write keys in sorted order: the snapshot is written key-sorted, and an object already in order is
// written without a copy. They leave out the same absent parts (test/core/single-sources.test.ts holds them equal).

/** The figures with the parts that are absent left out (an empty tier list among them). */
export function priceFigures(parts: PriceFigures): WrittenFigures {
  // Assigned field by field rather than spread from conditional literals: a probe prices every listed model.
  const out: WrittenFigures =
    parts.cachedInput !== undefined
      ? { cachedInput: parts.cachedInput, input: parts.input, output: parts.output }
      : { input: parts.input, output: parts.output };
  if (parts.perImage !== undefined) out.perImage = parts.perImage;
  if (parts.perRequest !== undefined) out.perRequest = parts.perRequest;
  if (parts.tiers !== undefined && parts.tiers.length > 0) out.tiers = [...parts.tiers];
  return out;
}

export function pricing(parts: PriceParts): Pricing {
  return {
    ...(parts.asOf !== undefined ? { asOf: parts.asOf } : {}),
    ...(parts.cachedInput !== undefined ? { cachedInput: parts.cachedInput } : {}),
    currency: parts.currency ?? "USD",
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
