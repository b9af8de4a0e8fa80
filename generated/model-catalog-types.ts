/* eslint-disable */
// @generated from schema/model-catalog.schema.json by scripts/generate.ts. DO NOT EDIT BY HAND: run `npm run generate`.

/**
 * This interface was referenced by `ModelCatalog`'s JSON-Schema
 * via the `definition` "modelId".
 */
export type ModelId = string;

/**
 * Curated facts for one provider's models, for what its model-list endpoint does not say. One entry per model; each fact lives here and nowhere else.
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
    source: string;
    asOf: string;
  };
  freeTier?: boolean;
  notes?: string;
}
