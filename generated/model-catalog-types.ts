// @generated from schema/model-catalog.schema.json by scripts/generate.ts. DO NOT EDIT BY HAND: run `npm run generate`.

/**
 * This interface was referenced by `ModelCatalog`'s JSON-Schema
 * via the `definition` "modelId".
 */
export type ModelId = string;

/**
 * Curated facts for one provider's models, for what its model-list endpoint does not say. One entry per model; each fact lives here and nowhere else. null (contextWindow, maxOutput, pricing) means not known here: a community catalog given with --catalog may fill it.
 */
export interface ModelCatalog {
  $schema?: string;
  provider: string;
  models: Entry[];
}
/**
 * This interface was referenced by `ModelCatalog`'s JSON-Schema
 * via the `definition` "entry".
 */
export interface Entry {
  id: ModelId;
  name: string;
  aliases?: ModelId[];
  kind?: "chat" | "router" | "embedding" | "image" | "audio" | "other";
  status: "stable" | "preview" | "deprecated";
  movingAlias?: boolean;
  tier: "fast" | "standard" | "flagship";
  contextWindow: number | null;
  maxOutput: number | null;
  capabilities: {
    vision: boolean;
    tools: boolean;
    reasoning: boolean;
    json: boolean;
    streaming: boolean;
  };
  pricing: null | {
    currency: string;
    /**
     * Per million input tokens.
     */
    input: number;
    /**
     * Per million output tokens.
     */
    output: number;
    /**
     * Per million cached input tokens.
     */
    cachedInput?: number;
    /**
     * A charge per request on top of token prices.
     */
    perRequest?: number;
    /**
     * A charge per input image on top of token prices.
     */
    perImage?: number;
    /**
     * Long-context prices: a request whose prompt is longer than a tier's aboveInputTokens pays that tier's prices (the last such tier).
     */
    tiers?: {
      aboveInputTokens: number;
      input: number;
      output: number;
      cachedInput?: number;
    }[];
    source: string;
    asOf: string;
  };
  freeTier?: boolean;
  /**
   * For a moving alias: the id it points at now.
   */
  aliasOf?: string;
  /**
   * by_name: routed only when a request names the model (routers, batch variants). Default merit.
   */
  routing?: "merit" | "by_name";
  /**
   * When the provider retires the model; past it at registration, the model is deprecated.
   */
  retiresAt?: string;
  notes?: string;
}
