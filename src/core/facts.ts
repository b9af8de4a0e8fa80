// A model's facts come in layers, each naming its source; a higher layer wins fact by fact.
import type { Model } from "../../generated/snapshot-types.js";

export type Facts = {
  name?: string;
  kind?: Model["kind"];
  status?: Model["status"];
  movingAlias?: boolean;
  tier?: Model["tier"];
  contextWindow?: number | null;
  maxOutput?: number | null;
  vision?: boolean;
  tools?: boolean;
  reasoning?: boolean;
  json?: boolean;
  streaming?: boolean;
  pricing?: Model["pricing"];
  freeTier?: boolean;
  /** Optional facts: absent from the model unless a layer states them. */
  aliasOf?: string;
  variant?: NonNullable<Model["variant"]>;
  routing?: NonNullable<Model["routing"]>;
  retiresAt?: string;
};

/** The optional facts, which a model carries (with their source) only when a layer states them. */
export const OPTIONAL_FACTS = ["aliasOf", "retiresAt", "routing", "variant"] as const;
export type OptionalFact = (typeof OPTIONAL_FACTS)[number];

export interface FactLayer {
  /** From the top: env:<NAME>, probe, catalog, overlay:<name>, inferred; beneath them all, default. */
  readonly source: string;
  readonly facts: Facts;
}

export type RequiredFacts = Required<Omit<Facts, OptionalFact>> & Pick<Facts, OptionalFact>;

/** What nothing else said; every fact has one, so every model is complete. */
export const DEFAULT_FACTS: Omit<RequiredFacts, "name"> = Object.freeze(defaultFacts(""));

// Built by a literal per model rather than by spreading a shared object: one fixed shape, which V8 keeps fast
// (this runs once per model, 10,000 times for a big list).
function defaultFacts(id: string): RequiredFacts {
  return {
    name: id,
    kind: "chat",
    status: "stable",
    movingAlias: false,
    tier: "standard",
    contextWindow: null,
    maxOutput: null,
    vision: false,
    tools: false,
    reasoning: false,
    json: false,
    // Every chat API we probe streams; a server that does not is the exception worth writing down.
    streaming: true,
    pricing: null,
    freeTier: false,
  };
}

/** Every sourced fact starts out as the default's; in key order, so that `sources` is born canonical (see sortKeysDeep). */
function defaultSources(): Record<string, string> {
  return {
    contextWindow: "default",
    freeTier: "default",
    json: "default",
    kind: "default",
    maxOutput: "default",
    movingAlias: "default",
    name: "default",
    pricing: "default",
    reasoning: "default",
    status: "default",
    streaming: "default",
    tier: "default",
    tools: "default",
    vision: "default",
  };
}

/** Every key `sources` may hold, in order. */
const SOURCE_KEYS: readonly string[] = [...Object.keys(defaultSources()), ...OPTIONAL_FACTS].sort();

/** A model's facts once layered, and where each came from. */
export interface LayeredFacts {
  readonly facts: RequiredFacts;
  sources: Record<string, string>;
}

/** Layers from lowest to highest precedence → one model's facts and where each came from. */
export function layerFacts(id: string, layers: readonly FactLayer[]): LayeredFacts {
  return addLayers({ facts: defaultFacts(id), sources: defaultSources() }, layers);
}

/** Lays `layers` over facts already layered, each above the last: `layered` is changed in place and returned. */
export function addLayers(layered: LayeredFacts, layers: readonly FactLayer[]): LayeredFacts {
  const facts = layered.facts as Record<string, unknown>;
  const sources = layered.sources;
  let optional = false;
  for (const layer of layers) {
    const layerFacts = layer.facts as Record<string, unknown>;
    for (const key in layerFacts) {
      const value = layerFacts[key];
      if (value === undefined) continue;
      facts[key] = value;
      // sources holds every required fact's key already; an optional fact brings its own.
      if (key in sources) sources[key] = layer.source;
      else if ((OPTIONAL_FACTS as readonly string[]).includes(key)) {
        sources[key] = layer.source;
        optional = true;
      }
    }
  }
  // Rare (variants, aliases, retirement dates): only then is the key order restored, by one walk of every key in order.
  if (optional) {
    const sorted: Record<string, string> = {};
    for (const key of SOURCE_KEYS) if (sources[key] !== undefined) sorted[key] = sources[key];
    layered.sources = sorted;
  }
  return layered;
}
