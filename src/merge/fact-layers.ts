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
};

export interface FactLayer {
  /** probe, catalog, overlay:<name>, env:<NAME>, default. */
  readonly source: string;
  readonly facts: Facts;
}

/** What nothing else said; every fact has one, so every model is complete. */
export const DEFAULT_FACTS: Required<Omit<Facts, "name">> = {
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

// In key order, so that every model's `sources` is born canonical (see sortKeysDeep).
const SOURCED: ReadonlySet<string> = new Set(["contextWindow", "freeTier", "json", "kind", "maxOutput", "name", "pricing", "reasoning", "status", "streaming", "tier", "tools", "vision"]);

/** Every sourced fact starts out as the default's. */
const DEFAULT_SOURCES: Readonly<Record<string, string>> = Object.fromEntries([...SOURCED].map((key) => [key, "default"]));

/** Layers from lowest to highest precedence → one model's facts and where each came from. */
export function layerFacts(id: string, layers: readonly FactLayer[]): { facts: Required<Facts>; sources: Model["sources"] } {
  const facts: Record<string, unknown> = { ...DEFAULT_FACTS, name: id };
  const sources: Record<string, string> = { ...DEFAULT_SOURCES };
  for (const layer of layers) {
    const layerFacts = layer.facts as Record<string, unknown>;
    for (const key in layerFacts) {
      const value = layerFacts[key];
      if (value === undefined) continue;
      facts[key] = value;
      if (SOURCED.has(key)) sources[key] = layer.source;
    }
  }
  return { facts: facts as Required<Facts>, sources };
}
