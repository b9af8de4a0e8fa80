// Probed lists + the catalog + the environment's overrides → every model with every fact and its source. Pure.
import type { Model, PriceTier, Pricing } from "../../generated/snapshot-types.js";
import type { CatalogEntry, Catalog } from "../catalog/load-catalog.js";
import type { OverlayCatalog } from "../catalog/community-common.js";
import type { ListSetting, PriceOverride } from "../config/read-settings.js";
import { isRoutable } from "../core/availability.js";
import { isUsableModelId } from "../core/model-id.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { byProviderThenId, compareText } from "../core/order.js";
import { didYouMean } from "../core/suggest.js";
import type { ProbedModel, ProbedPricing } from "../providers/adapter.js";
import { layerFacts, type FactLayer, type Facts } from "../core/facts.js";

type LayeredFacts = ReturnType<typeof layerFacts>["facts"];

export interface ProviderListing {
  readonly id: string;
  /** The models the probe listed; undefined when the provider was not probed or the probe failed. */
  readonly listed?: readonly ProbedModel[];
  /** For a provider whose probe failed: what the previous snapshot knew of it, to keep as stale. */
  readonly lastKnownGood?: LastKnownGood;
}

export interface LastKnownGood {
  /** The previous snapshot's models of this provider; only those it could route (listed or stale) are kept. */
  readonly models: readonly Model[];
  /** When the previous snapshot last saw the provider answer: its probe's checkedAt, else its generatedAt. */
  readonly verifiedAt: string;
  /** Why this run's probe failed. */
  readonly failure: string;
}

export interface MergeInput {
  readonly providers: readonly ProviderListing[];
  readonly catalog: Catalog;
  /** Community catalogs beneath the built-in one, highest precedence last. */
  readonly overlays?: readonly { readonly name: string; readonly catalog: OverlayCatalog }[];
  readonly modelCosts?: ReadonlyMap<string, PriceOverride>;
  readonly freeModels?: ListSetting;
  /** The day of the run (YYYY-MM-DD): a model whose retirement date is on or before it is deprecated. */
  readonly asOf?: string;
}

export function mergeModels(input: MergeInput): { models: Model[]; diagnostics: Diagnostic[] } {
  const models: Model[] = [];
  const staleDiagnostics: Diagnostic[] = [];
  for (const provider of input.providers) {
    const merged = mergeProvider(provider, input);
    // Not push(...merged): a provider may list more models than a call can take arguments.
    for (const model of merged) models.push(model);
    const stale = merged.filter((m) => m.availability === "stale");
    if (stale.length > 0) staleDiagnostics.push(staleDiagnostic(provider.id, stale, provider.lastKnownGood!.failure));
  }
  // One pass over the models, not one per provider.
  const undescribed = new Map<string, string[]>();
  for (const m of models) {
    if (m.described !== false || m.availability !== "listed") continue;
    const ids = undescribed.get(m.provider);
    if (ids) ids.push(m.id);
    else undescribed.set(m.provider, [m.id]);
  }
  const uncatalogued = input.providers.map((p) => uncataloguedDiagnostic(p.id, undescribed.get(p.id) ?? [])).filter((d): d is Diagnostic => d !== undefined);
  const diagnostics = [
    ...staleDiagnostics,
    ...uncatalogued,
    ...applyOverride(models, "MODEL_COSTS_JSON", [...(input.modelCosts?.keys() ?? [])], (model, key) => {
      const price = input.modelCosts!.get(key)!;
      const pricing: Pricing = {
        currency: "USD",
        unit: "per_million_tokens",
        input: price.input,
        output: price.output,
        ...(price.cachedInput !== undefined ? { cachedInput: price.cachedInput } : {}),
        source: "env:MODEL_COSTS_JSON",
      };
      model.pricing = pricing;
      model.sources.pricing = "env:MODEL_COSTS_JSON";
    }),
    ...applyOverride(models, input.freeModels?.variable ?? "FREE_MODEL_LIST", input.freeModels?.values ?? [], (model) => {
      model.freeTier = true;
      model.sources.freeTier = `env:${input.freeModels!.variable}`;
    }),
  ];
  models.sort(byProviderThenId);
  return { models, diagnostics };
}

function mergeProvider(provider: ProviderListing, input: MergeInput): Model[] {
  const entries = input.catalog.get(provider.id) ?? [];
  const overlays = (input.overlays ?? []).map((o) => ({ name: o.name, index: new Map((o.catalog.get(provider.id) ?? []).map((e) => [e.id.toLowerCase(), e])) }));
  const index = indexEntries(entries);
  const out = new Map<string, Model>();
  // The catalog entry a listed model is: by its id or a catalog alias, else by an alias the answer gives (Mistral's).
  const entryOf = (probed: ProbedModel): CatalogEntry | undefined =>
    index.get(probed.id.toLowerCase()) ?? probed.aliases?.map((a) => index.get(a.toLowerCase())).find((e) => e !== undefined);

  const build = (id: string, entry: CatalogEntry | undefined, probed: ProbedModel | undefined, availability: Model["availability"], aliases: readonly string[]): Model => {
    const layers: FactLayer[] = [];
    // What the id alone suggests (a moving alias, an embedding, a speech model) lies beneath every catalog: any of them outranks it.
    const inferred = inferredFacts(id, probed);
    if (inferred) layers.push({ source: "inferred", facts: inferred });
    let overlaid = false;
    for (const overlay of overlays) {
      const match = overlay.index.get(id.toLowerCase());
      if (match) {
        layers.push({ source: `overlay:${overlay.name}`, facts: match.facts });
        overlaid = true;
      }
    }
    if (entry) layers.push({ source: "catalog", facts: catalogFacts(entry) });
    if (probed) layers.push({ source: "probe", facts: probedFacts(probed) });
    const { facts, sources } = layerFacts(id, layers);
    applyRules(facts, sources, input.asOf);
    // Neither a catalog nor the answer said anything of it beyond its id: its facts are defaults.
    const described = entry !== undefined || overlaid || (probed !== undefined && describes(probed));
    // Keys in sorted order, here and in the objects below: the snapshot is then canonical as built (see sortKeysDeep).
    // One literal of fixed shape for the common model (V8 keeps it fast); the few with optional facts take the slow path.
    const model: Model = {
      aliases: aliases.length > 1 ? [...aliases].sort(compareText) : [...aliases],
      availability,
      capabilities: { json: facts.json, reasoning: facts.reasoning, streaming: facts.streaming, tools: facts.tools, vision: facts.vision },
      contextWindow: facts.contextWindow,
      freeTier: facts.freeTier,
      id,
      kind: facts.kind,
      maxOutput: facts.maxOutput,
      movingAlias: facts.movingAlias,
      name: facts.name,
      pricing: facts.pricing,
      provider: provider.id,
      sources: sources as Model["sources"],
      status: facts.status,
      tier: facts.tier,
    };
    if (described && facts.aliasOf === undefined && facts.retiresAt === undefined && facts.routing === undefined && facts.variant === undefined) return model;
    return withOptionalFacts(model, { described, aliasOf: facts.aliasOf, retiresAt: facts.retiresAt, routing: facts.routing, variant: facts.variant });
  };

  if (!provider.listed && provider.lastKnownGood) {
    // Last known good: what the previous snapshot could route is kept, facts and sources as they were, marked
    // stale with when it was last verified — never dropped, never passed off as fresh.
    for (const previous of provider.lastKnownGood.models) {
      if (previous.provider !== provider.id || !isRoutable(previous)) continue;
      if (out.has(previous.id.toLowerCase())) continue;
      const lastVerifiedAt = previous.availability === "stale" && previous.lastVerifiedAt !== undefined ? previous.lastVerifiedAt : provider.lastKnownGood.verifiedAt;
      const kept: Model = { ...structuredClone(previous), availability: "stale", lastVerifiedAt };
      // A retirement date that has come while the provider was down still retires the model.
      if (input.asOf !== undefined && kept.retiresAt !== undefined && kept.retiresAt <= input.asOf && kept.status !== "deprecated") {
        kept.status = "deprecated";
        kept.sources = { ...kept.sources, status: kept.sources.retiresAt ?? "inferred" };
      }
      out.set(previous.id.toLowerCase(), kept);
    }
  }
  // Ids the provider lists under their own name: never folded into another listed id, never another model's alias.
  const ownName = new Set<string>();
  if (provider.listed) {
    const listedIds = new Set(entries.length > 0 ? provider.listed.map((p) => p.id.toLowerCase()) : []);
    const folded = new Set<CatalogEntry>();
    // Only a catalog makes one listed id another's alias: without one there is nothing to fold.
    for (const probed of entries.length > 0 ? provider.listed : []) {
      const key = probed.id.toLowerCase();
      const entry = entryOf(probed);
      // A provider may list an alias (kimi-k2): it is the catalog's model, listed under another name — unless the
      // model's own id, or another of its aliases, is listed too: then each listed id is a model of its own.
      if (entry && entry.id.toLowerCase() !== key && (listedIds.has(entry.id.toLowerCase()) || folded.has(entry))) ownName.add(key);
      else if (entry && entry.id.toLowerCase() !== key) folded.add(entry);
    }
    for (const probed of provider.listed) {
      const key = probed.id.toLowerCase();
      const entry = entryOf(probed);
      const id = ownName.has(key) ? probed.id : (entry?.id ?? probed.id);
      const aliases = ownName.has(key) ? [] : aliasesOf(id, entry, probed, ownName);
      if (!out.has(id.toLowerCase())) out.set(id.toLowerCase(), build(id, entry, probed, "listed", aliases));
    }
  }
  for (const entry of entries) {
    if (!out.has(entry.id.toLowerCase())) out.set(entry.id.toLowerCase(), build(entry.id, entry, undefined, provider.listed ? "not_listed" : "unverified", aliasesOf(entry.id, entry, undefined, ownName)));
  }
  return [...out.values()];
}

/**
 * The catalog's aliases and those the answer gives (Mistral's), once each, never the model's own id, nor an id the
 * provider lists under its own name (that is a model of its own).
 */
function aliasesOf(id: string, entry: CatalogEntry | undefined, probed: ProbedModel | undefined, ownName: ReadonlySet<string>): string[] {
  if (entry?.aliases === undefined && probed?.aliases === undefined) return [];
  const seen = new Set([id.toLowerCase()]);
  const out: string[] = [];
  for (const alias of [...(entry?.aliases ?? []), ...(probed?.aliases ?? [])]) {
    const key = alias.toLowerCase();
    if (seen.has(key) || ownName.has(key) || !isUsableModelId(alias)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out.sort(compareText);
}

/** The model with its optional facts, every key in sorted order. */
function withOptionalFacts(model: Model, extra: { described: boolean; aliasOf?: string; retiresAt?: string; routing?: Model["routing"]; variant?: Model["variant"] }): Model {
  const all: Record<string, unknown> = { ...model };
  if (!extra.described) all.described = false;
  if (extra.aliasOf !== undefined) all.aliasOf = extra.aliasOf;
  if (extra.retiresAt !== undefined) all.retiresAt = extra.retiresAt;
  if (extra.routing !== undefined) all.routing = extra.routing;
  if (extra.variant !== undefined) all.variant = extra.variant;
  const sorted: Record<string, unknown> = {};
  for (const key of MODEL_KEYS) if (all[key] !== undefined) sorted[key] = all[key];
  return sorted as unknown as Model;
}

/** Every key a merged model may hold, in order. */
const MODEL_KEYS = [
  "aliasOf", "aliases", "availability", "capabilities", "contextWindow", "described", "freeTier", "id", "kind", "maxOutput", "movingAlias",
  "name", "pricing", "provider", "retiresAt", "routing", "sources", "status", "tier", "variant",
].sort(compareText);

/** Whether a provider's answer says anything of a model beyond its id and name. */
function describes(probed: ProbedModel): boolean {
  return probed.described ?? (probed.contextWindow !== undefined || probed.pricing != null || probed.capabilities !== undefined);
}

const MAX_NAMED_UNCATALOGUED = 10;

/** One note per provider: the listed models nobody describes, which rank after every described one. */
function uncataloguedDiagnostic(provider: string, ids: readonly string[]): Diagnostic | undefined {
  if (ids.length === 0) return undefined;
  const n = ids.length;
  const named = ids.slice(0, MAX_NAMED_UNCATALOGUED).join(", ") + (n > MAX_NAMED_UNCATALOGUED ? ` and ${n - MAX_NAMED_UNCATALOGUED} more` : "");
  return {
    level: "warning",
    code: "UNCATALOGUED_MODELS",
    provider,
    message:
      `${provider} lists ${n === 1 ? "a model" : `${n} models`} that no catalog describes and its answer does not: ${named}. ` +
      `${n === 1 ? "Its facts are" : "Their facts are"} defaults (unknown context, price and capabilities), so the selector ranks ${n === 1 ? "it" : "them"} after every described model. ` +
      `To describe ${n === 1 ? "it" : "them"}, pass --catalog with models.dev's api.json or LiteLLM's model_prices_and_context_window.json (or a file of your own in either shape), ` +
      `or add an entry to the built-in catalog (data/catalog/${provider}.json).`,
  };
}

function staleDiagnostic(provider: string, stale: readonly Model[], failure: string): Diagnostic {
  const oldest = stale.map((m) => m.lastVerifiedAt ?? "").sort()[0];
  const n = stale.length;
  return {
    level: "warning",
    code: "STALE_MODELS",
    provider,
    message: `${provider}'s probe failed (${failure}): ${n} model${n === 1 ? "" : "s"} kept from the last good snapshot, marked stale, last verified ${oldest || "at an unknown time"}.`,
  };
}

function indexEntries(entries: readonly CatalogEntry[]): Map<string, CatalogEntry> {
  const index = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    for (const name of [entry.id, ...(entry.aliases ?? [])]) index.set(name.toLowerCase(), entry);
  }
  return index;
}

// `null` in the built-in catalog means "not known here": it states nothing, so a community catalog beneath it (or
// the default) speaks for that fact. Only a value is a fact.
function catalogFacts(entry: CatalogEntry): Facts {
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
  if (p) {
    facts.pricing = {
      asOf: p.asOf,
      ...(p.cachedInput !== undefined ? { cachedInput: p.cachedInput } : {}),
      currency: p.currency,
      input: p.input,
      output: p.output,
      ...(p.perImage !== undefined ? { perImage: p.perImage } : {}),
      ...(p.perRequest !== undefined ? { perRequest: p.perRequest } : {}),
      source: p.source,
      ...(p.tiers !== undefined && p.tiers.length > 0 ? { tiers: sortedTiers(p.tiers) } : {}),
      unit: "per_million_tokens",
    };
  }
  return facts;
}

function sortedTiers(tiers: readonly PriceTier[]): PriceTier[] {
  return [...tiers]
    .sort((a, b) => a.aboveInputTokens - b.aboveInputTokens)
    .map((t) => ({ aboveInputTokens: t.aboveInputTokens, ...(t.cachedInput !== undefined ? { cachedInput: t.cachedInput } : {}), input: t.input, output: t.output }));
}

function probedFacts(probed: ProbedModel): Facts {
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
  // The two common shapes as literals of fixed shape (this runs once per listed model); the rest are rare.
  if (p.perRequest === undefined && p.perImage === undefined && p.tiers === undefined) {
    return p.cachedInput === undefined
      ? { currency: "USD", input: p.input, output: p.output, source: "probe", unit: "per_million_tokens" }
      : { cachedInput: p.cachedInput, currency: "USD", input: p.input, output: p.output, source: "probe", unit: "per_million_tokens" };
  }
  return {
    ...(p.cachedInput !== undefined ? { cachedInput: p.cachedInput } : {}),
    currency: "USD",
    input: p.input,
    output: p.output,
    ...(p.perImage !== undefined ? { perImage: p.perImage } : {}),
    ...(p.perRequest !== undefined ? { perRequest: p.perRequest } : {}),
    source: "probe",
    ...(p.tiers !== undefined && p.tiers.length > 0 ? { tiers: sortedTiers(p.tiers) } : {}),
    unit: "per_million_tokens",
  };
}

// A "latest" word in the id (kimi-latest, kimi-latest-128k, gemini-flash-latest, ~openai/gpt-latest): the id points
// at whatever the provider serves now. Said only where nobody said otherwise, and marked as inferred.
const MOVING_ALIAS_ID = /(^|[-_/~.])latest($|[-_.:])/i;

function inferredFacts(id: string, probed: ProbedModel | undefined): Facts | undefined {
  const moving = MOVING_ALIAS_ID.test(id);
  const kind = probed?.kindHint;
  if (!moving && kind === undefined) return undefined;
  return { ...(moving ? { movingAlias: true } : {}), ...(kind !== undefined ? { kind } : {}) };
}

/**
 * Rules that hold whatever the layers said, because they follow from other facts:
 * - a router is routed by name only, and has no price of its own (a catalog listing it at 0 does not make it free);
 * - only a chat model with no per-request or per-image charge is free tier;
 * - a model past its retirement date (on or before the run's day) is deprecated.
 */
function applyRules(facts: LayeredFacts, sources: Record<string, string>, asOf: string | undefined): void {
  if (facts.kind === "router") {
    if (facts.routing !== "by_name") {
      facts.routing = "by_name";
      sources.routing = sources.kind!;
    }
    if (facts.pricing !== null) {
      facts.pricing = null;
      sources.pricing = sources.kind!;
    }
  }
  const charged = facts.pricing !== null && (facts.pricing.perRequest !== undefined || facts.pricing.perImage !== undefined);
  if (facts.freeTier && (facts.kind !== "chat" || charged)) {
    facts.freeTier = false;
    sources.freeTier = facts.kind !== "chat" ? sources.kind! : sources.pricing!;
  }
  if (asOf !== undefined && facts.retiresAt !== undefined && facts.retiresAt <= asOf && facts.status !== "deprecated") {
    facts.status = "deprecated";
    sources.status = sources.retiresAt!;
  }
}

/** Applies a per-model override named by id or alias on any provider; names that match nothing are reported. */
function applyOverride(models: Model[], variable: string, keys: readonly string[], apply: (model: Model, key: string) => void): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (keys.length === 0) return diagnostics;
  // Every id and alias, lower-cased, indexed once: a list of names is not scanned against every model per name.
  const byName = new Map<string, Model[]>();
  for (const model of models) {
    for (const name of new Set([model.id.toLowerCase(), ...model.aliases.map((a) => a.toLowerCase())])) {
      const list = byName.get(name);
      if (list) list.push(model);
      else byName.set(name, [model]);
    }
  }
  for (const key of keys) {
    const matches = byName.get(key.toLowerCase()) ?? [];
    if (matches.length === 0) {
      const hint = didYouMean(key, models.flatMap((m) => [m.id, ...m.aliases]));
      diagnostics.push({ level: "warning", code: "UNKNOWN_MODEL", variable, message: `${variable} names "${key}", which no provider has${hint}; it has no effect.` });
    }
    for (const model of matches) apply(model, key);
  }
  return diagnostics;
}
