// Probed lists + the catalog + the environment's overrides → every model with every fact and its source. Pure.
import type { Model, Pricing } from "../../generated/snapshot-types.js";
import type { CatalogEntry, Catalog } from "../catalog/load-catalog.js";
import type { OverlayCatalog } from "../catalog/community-common.js";
import type { ListSetting, PriceOverride } from "../config/read-settings.js";
import { isRoutable } from "../model/availability.js";
import { isUsableModelId } from "../model/model-id.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { byProviderThenId, compareText } from "../model/order.js";
import type { ProbedModel } from "../providers/adapter.js";
import { layerFacts, type FactLayer, type Facts } from "./fact-layers.js";

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
  const diagnostics = [
    ...staleDiagnostics,
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

  const build = (id: string, entry: CatalogEntry | undefined, probed: ProbedModel | undefined, availability: Model["availability"]): Model => {
    const layers: FactLayer[] = [];
    // What the id alone suggests (an embedding, a speech model) lies beneath every catalog: any of them outranks it.
    if (probed?.kindHint !== undefined) layers.push({ source: "inferred", facts: { kind: probed.kindHint } });
    for (const overlay of overlays) {
      const match = overlay.index.get(id.toLowerCase());
      if (match) layers.push({ source: `overlay:${overlay.name}`, facts: match.facts });
    }
    if (entry) layers.push({ source: "catalog", facts: catalogFacts(entry) });
    if (probed) layers.push({ source: "probe", facts: probedFacts(probed) });
    const { facts, sources } = layerFacts(id, layers);
    // Keys in sorted order, here and in the objects below: the snapshot is then canonical as built (see sortKeysDeep).
    return {
      aliases: aliasesOf(id, entry, probed),
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
      sources,
      status: facts.status,
      tier: facts.tier,
    };
  };

  if (!provider.listed && provider.lastKnownGood) {
    // Last known good: what the previous snapshot could route is kept, facts and sources as they were, marked
    // stale with when it was last verified — never dropped, never passed off as fresh.
    for (const previous of provider.lastKnownGood.models) {
      if (previous.provider !== provider.id || !isRoutable(previous)) continue;
      if (out.has(previous.id.toLowerCase())) continue;
      const lastVerifiedAt = previous.availability === "stale" && previous.lastVerifiedAt !== undefined ? previous.lastVerifiedAt : provider.lastKnownGood.verifiedAt;
      out.set(previous.id.toLowerCase(), { ...structuredClone(previous), availability: "stale", lastVerifiedAt });
    }
  }
  if (provider.listed) {
    for (const probed of provider.listed) {
      // A provider may list an alias (kimi-k2): it is the catalog's model, listed under another name.
      const entry = index.get(probed.id.toLowerCase()) ?? probed.aliases?.map((a) => index.get(a.toLowerCase())).find((e) => e !== undefined);
      const id = entry?.id ?? probed.id;
      if (!out.has(id.toLowerCase())) out.set(id.toLowerCase(), build(id, entry, probed, "listed"));
    }
  }
  for (const entry of entries) {
    if (!out.has(entry.id.toLowerCase())) out.set(entry.id.toLowerCase(), build(entry.id, entry, undefined, provider.listed ? "not_listed" : "unverified"));
  }
  return [...out.values()];
}

/** The catalog's aliases and those the answer gives (Mistral's), once each, never the model's own id. */
function aliasesOf(id: string, entry: CatalogEntry | undefined, probed: ProbedModel | undefined): string[] {
  if (!probed?.aliases?.length) return entry?.aliases ? [...entry.aliases].sort(compareText) : [];
  const seen = new Set([id.toLowerCase()]);
  const out: string[] = [];
  for (const alias of [...(entry?.aliases ?? []), ...probed.aliases]) {
    if (seen.has(alias.toLowerCase()) || !isUsableModelId(alias)) continue;
    seen.add(alias.toLowerCase());
    out.push(alias);
  }
  return out.sort(compareText);
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

function catalogFacts(entry: CatalogEntry): Facts {
  return {
    name: entry.name,
    ...(entry.kind !== undefined ? { kind: entry.kind } : {}),
    status: entry.status,
    ...(entry.movingAlias !== undefined ? { movingAlias: entry.movingAlias } : {}),
    tier: entry.tier,
    contextWindow: entry.contextWindow,
    maxOutput: entry.maxOutput,
    ...entry.capabilities,
    pricing: entry.pricing
      ? {
          asOf: entry.pricing.asOf,
          ...(entry.pricing.cachedInput !== undefined ? { cachedInput: entry.pricing.cachedInput } : {}),
          currency: entry.pricing.currency,
          input: entry.pricing.input,
          output: entry.pricing.output,
          source: entry.pricing.source,
          unit: "per_million_tokens",
        }
      : null,
    ...(entry.freeTier !== undefined ? { freeTier: entry.freeTier } : {}),
  };
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
  if (pricing !== undefined) {
    facts.pricing =
      pricing.cachedInput === undefined
        ? { currency: "USD", input: pricing.input, output: pricing.output, source: "probe", unit: "per_million_tokens" }
        : { cachedInput: pricing.cachedInput, currency: "USD", input: pricing.input, output: pricing.output, source: "probe", unit: "per_million_tokens" };
  }
  if (probed.freeTier !== undefined) facts.freeTier = probed.freeTier;
  if (probed.status !== undefined) facts.status = probed.status;
  return facts;
}

/** Applies a per-model override named by id or alias on any provider; names that match nothing are reported. */
function applyOverride(models: Model[], variable: string, keys: readonly string[], apply: (model: Model, key: string) => void): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const key of keys) {
    const wanted = key.toLowerCase();
    const matches = models.filter((m) => m.id.toLowerCase() === wanted || m.aliases.some((a) => a.toLowerCase() === wanted));
    if (matches.length === 0) {
      diagnostics.push({ level: "warning", code: "UNKNOWN_MODEL", variable, message: `${variable} names "${key}", which no provider has; it has no effect.` });
    }
    for (const model of matches) apply(model, key);
  }
  return diagnostics;
}
