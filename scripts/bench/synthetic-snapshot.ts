// A synthetic but realistic snapshot: 10 providers × 1,000 models, shaped like what `register` writes. Deterministic
// (seeded), so that every run measures the same data.
import type {
  Diagnostic,
  Model,
  Policy,
  Provider,
  ProviderPolicy,
  ProviderRegistrySnapshot,
} from "../../generated/snapshot-types.js";
import { contentHash } from "../../src/snapshot/content-hash.js";

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** Weighted choice: [value, weight] pairs. */
function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let x = random() * total;
  for (const [value, w] of choices) {
    x -= w;
    if (x < 0) return value;
  }
  return choices[choices.length - 1]![0];
}
function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const FAMILIES = [
  "nova",
  "atlas",
  "lumen",
  "orca",
  "pico",
  "sage",
  "tern",
  "vega",
  "zephyr",
  "quill",
  "raven",
  "ember",
  "delta",
  "fjord",
  "gale",
  "harbor",
  "iris",
  "jade",
  "kestrel",
  "lynx",
  "mistral",
  "nimbus",
  "onyx",
  "prism",
  "quartz",
];
const SIZES = ["nano", "mini", "small", "medium", "large", "xl"];
const VERSIONS = ["2024-05-13", "2024-11-20", "2025-03-01", "2025-08-07", "v1", "v2", "v3", "v4"];
const CONTEXTS = [8192, 16384, 32768, 65536, 128000, 131072, 200000, 262144, 1000000];
const OUTPUTS = [4096, 8192, 16384, 32768, 65536];

export const PROVIDER_IDS = [
  "acme",
  "borealis",
  "cirrus",
  "dynamo",
  "ember",
  "flux",
  "granite",
  "helix",
  "ion",
  "juniper",
] as const;

/** The roles some providers play, so that routing meets every rule. */
const FAILED = "helix"; // probe failed: its models are stale, kept from the last good snapshot
const SKIPPED = "juniper"; // not probed: its models are unverified
const DISABLED = "ion"; // in policy.disabledProviders
const WITH_ALLOW_LIST: Record<string, number> = { borealis: 60, flux: 200 };
const WITH_PREFERENCES = ["cirrus", "acme", "granite"];

export const GENERATED_AT = "2026-01-01T00:00:00Z";

export interface SyntheticOptions {
  readonly providers?: number;
  readonly modelsPerProvider?: number;
  readonly seed?: number;
}

export function syntheticSnapshot(options: SyntheticOptions = {}): ProviderRegistrySnapshot {
  const providerCount = options.providers ?? 10;
  const perProvider = options.modelsPerProvider ?? 1000;
  const random = prng(options.seed ?? 20260101);
  const providerIds = Array.from({ length: providerCount }, (_, i) => PROVIDER_IDS[i] ?? `p${i}`);

  // One pool of names; each provider serves a random part of it, so that many ids are served by several providers.
  const pool: string[] = [];
  for (const f of FAMILIES) for (const s of SIZES) for (const v of VERSIONS) pool.push(`${f}-${s}-${v}`);
  if (pool.length < perProvider) throw new Error(`the name pool has only ${pool.length} ids`);

  const models: Model[] = [];
  const byProvider = new Map<string, Model[]>();
  for (const provider of providerIds) {
    // Some providers prefix ids with a vendor, as gateways do.
    const vendored = provider === "dynamo" || provider === "granite";
    const ids = shuffle(random, [...pool])
      .slice(0, perProvider)
      .map((id) => (vendored ? `${id.split("-")[0]}/${id}` : id));
    const own = ids.map((id) => syntheticModel(random, provider, id));
    addAliases(own);
    byProvider.set(provider, own);
    models.push(...own);
  }
  models.sort((a, b) =>
    a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );

  const providers: Provider[] = providerIds
    .map((id) => syntheticProvider(id, byProvider.get(id) ?? []))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const policy = syntheticPolicy(random, providerIds, byProvider);
  const diagnostics: Diagnostic[] = [
    {
      level: "warning",
      code: "PROBE_FAILED",
      message: `${FAILED}: connection refused (ECONNREFUSED); its models are kept from the last good snapshot`,
      provider: FAILED,
    },
    {
      level: "info",
      code: "PROVIDER_SKIPPED",
      message: `${SKIPPED}: no API key: set JUNIPER_API_KEY`,
      provider: SKIPPED,
    },
    {
      level: "warning",
      code: "PREFERENCE_NOT_FOUND",
      message: "cirrus: CIRRUS_PREFERRED_MODELS names orca-ultra-v9, which cirrus does not serve",
      provider: "cirrus",
      model: "orca-ultra-v9",
    },
  ].filter((d) => providerIds.includes(d.provider as (typeof providerIds)[number])) as Diagnostic[];

  const draft = {
    $schema: "https://provider-registry.dev/schema/v2/provider-registry-snapshot.schema.json" as const,
    schemaVersion: "2.0.0",
    generatedAt: GENERATED_AT,
    generator: { name: "provider-registry", version: "0.1.0" },
    providers,
    models,
    policy,
    diagnostics,
  };
  return { ...draft, contentHash: contentHash(draft) };
}

function syntheticModel(random: Random, provider: string, id: string): Model {
  const kind = weighted<Model["kind"]>(random, [
    ["chat", 90],
    ["embedding", 4],
    ["image", 3],
    ["audio", 1],
    ["other", 2],
  ]);
  const availability: Model["availability"] =
    provider === FAILED ? "stale" : provider === SKIPPED ? "unverified" : random() < 0.08 ? "not_listed" : "listed";
  const tier = weighted<Model["tier"]>(random, [
    ["fast", 35],
    ["standard", 45],
    ["flagship", 20],
  ]);
  const status = weighted<Model["status"]>(random, [
    ["stable", 75],
    ["preview", 18],
    ["deprecated", 7],
  ]);
  const contextWindow =
    random() < 0.08 ? null : pick(random, tier === "fast" ? CONTEXTS.slice(0, 6) : CONTEXTS.slice(3));
  const maxOutput = random() < 0.15 ? null : pick(random, OUTPUTS);
  const reasoning = random() < (tier === "flagship" ? 0.6 : tier === "standard" ? 0.25 : 0.05);
  const capabilities = {
    vision: random() < 0.3,
    tools: random() < 0.6,
    reasoning,
    json: random() < 0.5,
    streaming: random() < 0.95,
  };
  const free = random() < 0.05;
  const priced = free || random() < 0.9;
  const input = free
    ? 0
    : Math.round(
        (tier === "fast" ? 0.05 + random() * 0.5 : tier === "standard" ? 0.3 + random() * 3 : 2 + random() * 13) * 1000,
      ) / 1000;
  const output = free ? 0 : Math.round(input * (2 + random() * 3) * 1000) / 1000;
  const fromProbe = random() < 0.4;
  const model: Model = {
    id,
    provider,
    name: id.replace(/[-/]/g, " "),
    aliases: [],
    kind,
    availability,
    status,
    movingAlias: random() < 0.05,
    tier,
    contextWindow,
    maxOutput,
    capabilities,
    pricing: priced
      ? {
          currency: "USD",
          unit: "per_million_tokens",
          input,
          output,
          ...(random() < 0.3 ? { cachedInput: Math.round(input * 0.25 * 1000) / 1000 } : {}),
          source: fromProbe ? "probe" : "catalog",
          ...(fromProbe ? {} : { asOf: "2025-10-01" }),
        }
      : null,
    freeTier: free,
    sources: {
      name: fromProbe ? "probe" : "catalog",
      contextWindow: contextWindow === null ? "default" : fromProbe ? "probe" : "catalog",
      maxOutput: maxOutput === null ? "default" : "catalog",
      vision: "catalog",
      tools: "catalog",
      reasoning: "catalog",
      json: "catalog",
      streaming: "default",
      pricing: priced ? (fromProbe ? "probe" : "catalog") : "default",
      freeTier: free ? "probe" : "default",
      status: "catalog",
      tier: "catalog",
      kind: "probe",
    },
  };
  if (availability === "stale") model.lastVerifiedAt = "2025-12-30T08:00:00Z";
  return model;
}

/** The newest version of each family and size gets a "-latest" alias; a few get a short one too. */
function addAliases(models: Model[]): void {
  const newest = new Map<string, Model>();
  for (const m of models) {
    const stem = m.id.replace(/-(?:\d{4}-\d{2}-\d{2}|v\d)$/, "");
    const seen = newest.get(stem);
    if (!seen || seen.id < m.id) newest.set(stem, m);
  }
  for (const [stem, m] of newest) {
    m.aliases.push(`${stem}-latest`);
    if (stem.endsWith("-large")) m.aliases.push(stem.replace(/-large$/, ""));
  }
}

function syntheticProvider(id: string, models: readonly Model[]): Provider {
  const base = {
    id,
    displayName: id[0]!.toUpperCase() + id.slice(1),
    adapter: id === "granite" ? "openrouter" : "openai-compatible",
    baseUrl: `https://api.${id}.example/v1`,
    apiKeyVariable: id === SKIPPED ? null : `${id.toUpperCase()}_API_KEY`,
  };
  if (id === SKIPPED)
    return { ...base, probe: { status: "skipped", reason: "no API key: set JUNIPER_API_KEY", modelCount: 0 } };
  if (id === FAILED) {
    return {
      ...base,
      probe: {
        status: "failed",
        errorKind: "network",
        reason: "connection refused (ECONNREFUSED) (after 3 attempts)",
        attempts: 3,
        modelCount: 0,
        checkedAt: GENERATED_AT,
      },
    };
  }
  const listed = models.filter((m) => m.availability === "listed").length;
  return {
    ...base,
    probe: {
      status: "ok",
      reason: `listed ${listed} models`,
      httpStatus: 200,
      attempts: 1,
      modelCount: listed,
      checkedAt: GENERATED_AT,
    },
  };
}

const EMPTY_PREFERENCES = { fast_response: [], balanced: [], extended_reasoning: [] };

function syntheticPolicy(
  random: Random,
  providerIds: readonly string[],
  byProvider: ReadonlyMap<string, Model[]>,
): Policy {
  const providers: Record<string, ProviderPolicy> = {};
  for (const id of providerIds) {
    const own = byProvider.get(id) ?? [];
    const chat = own.filter((m) => m.kind === "chat");
    const allowCount = WITH_ALLOW_LIST[id];
    const policy: ProviderPolicy = {
      // Allow-lists as people write them: some names in another case.
      allowedModels:
        allowCount === undefined
          ? null
          : shuffle(
              random,
              chat.map((m) => m.id),
            )
              .slice(0, allowCount)
              .map((name, i) => (i % 7 === 0 ? name.toUpperCase() : name)),
      preferredModels: [],
      preferredByCategory: { ...EMPTY_PREFERENCES },
      defaultModel: null,
    };
    if (WITH_PREFERENCES.includes(id)) {
      const names = (n: number) =>
        shuffle(
          random,
          chat.map((m) => (m.aliases[0] !== undefined && random() < 0.3 ? m.aliases[0] : m.id)),
        ).slice(0, n);
      policy.preferredByCategory = {
        fast_response: names(3),
        // A preference naming a model the provider no longer serves.
        balanced: [...names(4), "orca-ultra-v9"],
        extended_reasoning: names(3),
      };
      policy.preferredModels = names(2);
      policy.defaultModel = names(1)[0] ?? null;
    }
    providers[id] = policy;
  }
  const acme = byProvider.get("acme")?.find((m) => m.kind === "chat" && m.availability === "listed");
  return {
    // Not alphabetical: the order the user wrote.
    providerPriority: [...providerIds].sort((a, b) => (a === "cirrus" ? -1 : b === "cirrus" ? 1 : 0)),
    allowedProviders: null,
    disabledProviders: providerIds.includes(DISABLED) ? [DISABLED] : [],
    defaultModel: acme ? { model: acme.id, provider: "acme" } : null,
    routeUnverified: false,
    costAwareRouting: false,
    freeTierPreference: false,
    reasonableOutputPrice: 10,
    providers,
  };
}
