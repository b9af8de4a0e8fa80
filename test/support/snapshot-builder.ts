// Schema-valid snapshots from terse model lists, for tests.
import type {
  CategoryPreferences,
  Model,
  Policy,
  Provider,
  ProviderPolicy,
  ProviderRegistrySnapshot,
} from "../../generated/snapshot-types.js";

export interface ModelSpec {
  provider: string;
  id: string;
  aliases?: string[];
  kind?: Model["kind"];
  availability?: Model["availability"];
  status?: Model["status"];
  moving?: boolean;
  tier?: Model["tier"];
  ctx?: number | null;
  out?: number | null;
  vision?: boolean;
  tools?: boolean;
  reasoning?: boolean;
  json?: boolean;
  /** Per million tokens, USD; null (the default) when unknown. */
  price?: { input: number; output: number } | null;
  /** Long-context prices (pricing.tiers); needs `price`. */
  tiers?: { above: number; input: number; output: number }[];
  free?: boolean;
  /** Schema 2.0 facts; absent when not given, as register writes them. */
  described?: boolean;
  variant?: { of: string; tag: string };
  routing?: "merit" | "by_name";
  retiresAt?: string;
}

export interface ProviderPolicySpec extends Partial<Omit<ProviderPolicy, "preferredByCategory">> {
  preferredByCategory?: Partial<CategoryPreferences>;
}

export interface PolicySpec extends Partial<Omit<Policy, "providers">> {
  providers?: Record<string, ProviderPolicySpec>;
}

export interface SnapshotSpec {
  models: ModelSpec[];
  /** Providers without models, or to fix their order; those of the models are added. */
  providers?: string[];
  policy?: PolicySpec;
  schemaVersion?: string;
  /** Keep the models in the given order instead of sorting them as register does (provider, then id). */
  keepOrder?: boolean;
}

export const ZERO_HASH = `sha256:${"0".repeat(64)}`;
export const GENERATED_AT = "2026-01-01T00:00:00Z";

export function buildModel(spec: ModelSpec): Model {
  const model: Model = {
    id: spec.id,
    provider: spec.provider,
    name: spec.id,
    aliases: spec.aliases ?? [],
    kind: spec.kind ?? "chat",
    availability: spec.availability ?? "listed",
    status: spec.status ?? "stable",
    movingAlias: spec.moving ?? false,
    tier: spec.tier ?? "standard",
    contextWindow: spec.ctx === undefined ? 128000 : spec.ctx,
    maxOutput: spec.out === undefined ? 8192 : spec.out,
    capabilities: {
      vision: spec.vision ?? false,
      tools: spec.tools ?? false,
      reasoning: spec.reasoning ?? false,
      json: spec.json ?? false,
      streaming: true,
    },
    pricing: spec.price
      ? {
          currency: "USD",
          unit: "per_million_tokens",
          input: spec.price.input,
          output: spec.price.output,
          source: "catalog",
        }
      : null,
    freeTier: spec.free ?? false,
    sources: { name: "catalog" },
  };
  if (spec.tiers && model.pricing)
    model.pricing.tiers = spec.tiers.map((t) => ({ aboveInputTokens: t.above, input: t.input, output: t.output }));
  if (spec.described !== undefined) model.described = spec.described;
  if (spec.variant) model.variant = spec.variant;
  if (spec.routing) model.routing = spec.routing;
  if (spec.retiresAt) model.retiresAt = spec.retiresAt;
  if (model.availability === "stale") model.lastVerifiedAt = GENERATED_AT;
  return model;
}

function buildProvider(id: string, models: Model[]): Provider {
  const own = models.filter((m) => m.provider === id);
  const probed = own.length === 0 || own.some((m) => m.availability !== "unverified");
  const failed = own.length > 0 && own.every((m) => m.availability === "stale");
  const listed = own.filter((m) => m.availability === "listed").length;
  return {
    id,
    displayName: id,
    adapter: "openai-compatible",
    baseUrl: `https://${id}.example/v1`,
    apiKeyVariable: `${id.toUpperCase().replace(/-/g, "_")}_API_KEY`,
    probe: failed
      ? { status: "failed", reason: "connection refused", errorKind: "network", modelCount: 0 }
      : probed
        ? { status: "ok", reason: `listed ${listed} models`, modelCount: listed }
        : { status: "skipped", reason: "no API key configured", modelCount: 0 },
  };
}

function buildProviderPolicy(spec: ProviderPolicySpec = {}): ProviderPolicy {
  return {
    allowedModels: spec.allowedModels ?? null,
    preferredModels: spec.preferredModels ?? [],
    preferredByCategory: {
      fast_response: spec.preferredByCategory?.fast_response ?? [],
      balanced: spec.preferredByCategory?.balanced ?? [],
      extended_reasoning: spec.preferredByCategory?.extended_reasoning ?? [],
    },
    defaultModel: spec.defaultModel ?? null,
  };
}

export function buildSnapshot(spec: SnapshotSpec): ProviderRegistrySnapshot {
  const models = spec.models.map(buildModel);
  if (!spec.keepOrder) {
    models.sort((a, b) =>
      a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  }
  const ids = [...new Set([...(spec.providers ?? []), ...spec.models.map((m) => m.provider)])];
  const p = spec.policy ?? {};
  const policy: Policy = {
    providerPriority: p.providerPriority ?? ids,
    allowedProviders: p.allowedProviders ?? null,
    disabledProviders: p.disabledProviders ?? [],
    defaultModel: p.defaultModel ?? null,
    routeUnverified: p.routeUnverified ?? false,
    costAwareRouting: p.costAwareRouting ?? false,
    freeTierPreference: p.freeTierPreference ?? false,
    reasonableOutputPrice: p.reasonableOutputPrice ?? 10,
    providers: Object.fromEntries(ids.map((id) => [id, buildProviderPolicy(p.providers?.[id])])),
  };
  return {
    $schema: "https://provider-registry.dev/schema/v2/provider-registry-snapshot.schema.json",
    schemaVersion: spec.schemaVersion ?? "2.0.0",
    generatedAt: GENERATED_AT,
    generator: { name: "provider-registry", version: "0.1.0" },
    contentHash: ZERO_HASH,
    providers: [...ids].sort().map((id) => buildProvider(id, models)),
    models,
    policy,
    diagnostics: [],
  };
}
