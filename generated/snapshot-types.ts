// @generated from schema/provider-registry-snapshot.schema.json by scripts/generate.ts. DO NOT EDIT BY HAND: run `npm run generate`.

/**
 * RFC 3339 date-time in UTC. Carries a pattern as well as a format, since some validators skip format.
 *
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "dateTime".
 */
export type DateTime = string;
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "providerId".
 */
export type ProviderId = string;
/**
 * A model id as its provider spells it. Printable, no whitespace; a leading `~` marks an OpenRouter moving alias (`~anthropic/claude-sonnet-latest`).
 *
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "modelId".
 */
export type ModelId = string;
/**
 * Other ids that resolve to this model (compared without regard to case).
 */
export type ModelIdList = ModelId[];
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "calendarDate".
 */
export type CalendarDate = string;
/**
 * Where a fact came from: the provider's live answer (probe), the built-in catalog, an overlaid community catalog (overlay:<name>), an environment variable (env:<NAME>), a rule applied to the model's id or answer when nothing stated it (inferred), or a default when nothing said.
 *
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "factSource".
 */
export type FactSource = string;
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "modelIdList".
 */
export type ModelIdList1 = ModelId[];

/**
 * The artifact written by `provider-registry register`: every configured provider, every known model with its facts and where each fact came from, the routing policy resolved from the environment, and what registration noticed. Schema major version 2: model ids may start with `~` (OpenRouter's moving aliases), `kind` has `router`, facts may be `inferred`; every 1.x snapshot is also a valid 2.x snapshot, so readers of 2.x read both. Minor versions only add optional fields.
 */
export interface ProviderRegistrySnapshot {
  /**
   * The schema this snapshot conforms to: the v2 $id for what this version writes; the v1 $id for a snapshot written by 1.x, which is still readable.
   */
  $schema:
    | "https://provider-registry.dev/schema/v2/provider-registry-snapshot.schema.json"
    | "https://provider-registry.dev/schema/v1/provider-registry-snapshot.schema.json";
  /**
   * Semver of the schema this snapshot was written against. Readers of 2.x accept any 1.x.y or 2.x.y.
   */
  schemaVersion: string;
  generatedAt: DateTime;
  generator: {
    name: string;
    version: string;
  };
  /**
   * sha256 of the canonical JSON of this snapshot without its timestamps (generatedAt, providers[].probe.checkedAt, models[].lastVerifiedAt) and without contentHash itself.
   */
  contentHash: string;
  /**
   * Every known provider, probed or not, sorted by id.
   */
  providers: Provider[];
  /**
   * Every known model, sorted by provider then id.
   */
  models: Model[];
  policy: Policy;
  diagnostics: Diagnostic[];
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "provider".
 */
export interface Provider {
  id: ProviderId;
  displayName: string;
  /**
   * Which response shape the probe expected (kimi, glm, openrouter, openai-compatible).
   */
  adapter: string;
  /**
   * The endpoint base, with any credentials removed; null when none was configured.
   */
  baseUrl: string | null;
  /**
   * The name of the environment variable that held the key. Never the key itself.
   */
  apiKeyVariable: string | null;
  probe: ProbeResult;
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "probeResult".
 */
export interface ProbeResult {
  /**
   * ok: the model list was read; failed: the probe was attempted and failed; skipped: the provider was not probed.
   */
  status: "ok" | "failed" | "skipped";
  reason: string;
  /**
   * Present when status is failed.
   */
  errorKind?: string;
  httpStatus?: number;
  attempts?: number;
  /**
   * How many models the probe listed (0 when not ok).
   */
  modelCount: number;
  checkedAt?: DateTime;
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "model".
 */
export interface Model {
  id: ModelId;
  provider: ProviderId;
  name: string;
  aliases: ModelIdList;
  /**
   * What the model is for. Only chat models answer on merit; a router (a meta-model that forwards each request to a model it picks, such as openrouter/auto) is routed only when a request names it; the other kinds are never routed.
   */
  kind: "chat" | "router" | "embedding" | "image" | "audio" | "other";
  /**
   * listed: the provider's probe listed it; not_listed: the probe succeeded and did not list it (not routable); unverified: its provider was not probed; stale: the probe failed and this comes from the last good snapshot.
   */
  availability: "listed" | "not_listed" | "unverified" | "stale";
  /**
   * RFC 3339 date-time in UTC. Carries a pattern as well as a format, since some validators skip format.
   */
  lastVerifiedAt?: string;
  status: "stable" | "preview" | "deprecated";
  /**
   * True for ids that point at whatever the provider currently serves (kimi-latest*, OpenRouter's ~…-latest): pinned versions are preferred. sources.movingAlias says whether the provider, a catalog or a rule on the id (inferred) said so.
   */
  movingAlias: boolean;
  /**
   * Speed / capability class: fast (small, cheap, quick), standard, flagship (most capable).
   */
  tier: "fast" | "standard" | "flagship";
  contextWindow: number | null;
  maxOutput: number | null;
  capabilities: Capabilities;
  pricing: null | Pricing;
  freeTier: boolean;
  /**
   * For each fact, where its value came from.
   */
  sources: {
    aliasOf?: FactSource;
    contextWindow?: FactSource;
    freeTier?: FactSource;
    json?: FactSource;
    kind?: FactSource;
    maxOutput?: FactSource;
    movingAlias?: FactSource;
    name?: FactSource;
    pricing?: FactSource;
    reasoning?: FactSource;
    retiresAt?: FactSource;
    routing?: FactSource;
    status?: FactSource;
    streaming?: FactSource;
    tier?: FactSource;
    tools?: FactSource;
    variant?: FactSource;
    vision?: FactSource;
  };
  /**
   * A model id as its provider spells it. Printable, no whitespace; a leading `~` marks an OpenRouter moving alias (`~anthropic/claude-sonnet-latest`).
   */
  aliasOf?: string;
  /**
   * For a variant that a provider serves under its own id (OpenRouter's `:free`, `:batch`, …): the id of the model it is a variant of, and the variant's tag.
   */
  variant?: {
    of: ModelId;
    tag: string;
  };
  /**
   * merit (the default when absent): the selector may choose the model for any request it fits. by_name: only a request that names it gets it (routers, batch variants and other ids not meant for interactive calls).
   */
  routing?: "merit" | "by_name";
  /**
   * False when neither a catalog nor the provider's answer described the model beyond its id, so its facts are defaults: it ranks on merit after every described model. Absent means true.
   */
  described?: boolean;
  /**
   * When the provider retires the model (OpenRouter's expiration_date, a catalog's deprecation date). Past it at registration, status is deprecated.
   */
  retiresAt?: string;
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "capabilities".
 */
export interface Capabilities {
  /**
   * Accepts image input.
   */
  vision: boolean;
  /**
   * Function / tool calling.
   */
  tools: boolean;
  /**
   * Extended reasoning (thinking).
   */
  reasoning: boolean;
  /**
   * JSON mode or structured output.
   */
  json: boolean;
  /**
   * Streamed responses.
   */
  streaming: boolean;
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "pricing".
 */
export interface Pricing {
  currency: string;
  unit: "per_million_tokens";
  /**
   * USD (or currency) per million input tokens; for tiered prices, the price up to the first tier.
   */
  input: number;
  /**
   * Per million output tokens, up to the first tier.
   */
  output: number;
  cachedInput?: number;
  /**
   * Where the price was read: a URL, or the fact source (probe, env:MODEL_COSTS_JSON, overlay:...).
   */
  source: string;
  asOf?: CalendarDate;
  /**
   * A charge per request on top of token prices.
   */
  perRequest?: number;
  /**
   * A charge per input image on top of token prices.
   */
  perImage?: number;
  /**
   * Long-context prices, sorted by aboveInputTokens ascending: a request whose prompt is longer than a tier's aboveInputTokens pays the prices of the last such tier instead of input/output/cachedInput.
   */
  tiers?: PriceTier[];
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "priceTier".
 */
export interface PriceTier {
  /**
   * The tier applies to requests whose prompt is longer than this many tokens.
   */
  aboveInputTokens: number;
  input: number;
  output: number;
  cachedInput?: number;
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "policy".
 */
export interface Policy {
  /**
   * The order in which providers are tried; every known provider appears once.
   */
  providerPriority: ProviderId[];
  allowedProviders: null | ProviderId[];
  disabledProviders: ProviderId[];
  /**
   * DEFAULT_MODEL resolved to a canonical model; null when it is auto or unset.
   */
  defaultModel: null | ModelRef;
  /**
   * Whether models of providers that were not probed may be chosen.
   */
  routeUnverified: boolean;
  costAwareRouting: boolean;
  freeTierPreference: boolean;
  /**
   * For the balanced category: models whose output price (USD per million tokens) is at most this count as reasonably priced.
   */
  reasonableOutputPrice: number;
  providers: {
    [k: string]: ProviderPolicy | undefined;
  };
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "modelRef".
 */
export interface ModelRef {
  model: ModelId;
  provider: ProviderId;
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "providerPolicy".
 */
export interface ProviderPolicy {
  /**
   * Canonical ids the provider may route to; null when every model is allowed.
   */
  allowedModels: null | ModelIdList1;
  preferredModels: ModelIdList1;
  preferredByCategory: CategoryPreferences;
  defaultModel: null | ModelId;
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "categoryPreferences".
 */
export interface CategoryPreferences {
  fast_response: ModelIdList1;
  balanced: ModelIdList1;
  extended_reasoning: ModelIdList1;
}
/**
 * This interface was referenced by `ProviderRegistrySnapshot`'s JSON-Schema
 * via the `definition` "diagnostic".
 */
export interface Diagnostic {
  level: "error" | "warning" | "info";
  code: string;
  message: string;
  variable?: string;
  provider?: ProviderId;
  model?: ModelId;
}
