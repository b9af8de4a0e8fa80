// One model from its fact layers, lowest first: what the id suggests, the community catalogs, the built-in catalog,
// the provider's answer; then the rules; then the environment's overrides on top.
import type { Model } from "../../generated/snapshot-types.js";
import type { OverlayEntry } from "../catalog/community-common.js";
import type { CatalogEntry } from "../catalog/load-catalog.js";
import { addLayers, layerFacts, type FactLayer } from "../core/facts.js";
import { compareText } from "../core/order.js";
import type { ProbedModel } from "../providers/adapter.js";
import type { EnvOverrides } from "./env-overrides.js";
import { catalogFacts, inferredFacts, probedFacts } from "./fact-layers.js";
import { applyFactRules } from "./fact-rules.js";

/** A community catalog's entries for one provider, by lower-cased id. */
export interface OverlayIndex {
  readonly name: string;
  readonly index: ReadonlyMap<string, OverlayEntry>;
}

/** What every model of one provider is built with. */
export interface ModelContext {
  readonly provider: string;
  /** Highest precedence last. */
  readonly overlays: readonly OverlayIndex[];
  /** The day of the run (YYYY-MM-DD): a model whose retirement date is on or before it is deprecated. */
  readonly asOf: string | undefined;
  readonly env: EnvOverrides;
}

export interface ModelSources {
  readonly id: string;
  readonly entry: CatalogEntry | undefined;
  readonly probed: ProbedModel | undefined;
  readonly availability: Model["availability"];
  readonly aliases: readonly string[];
}

export function buildModel(context: ModelContext, { id, entry, probed, availability, aliases }: ModelSources): Model {
  const layers: FactLayer[] = [];
  // What the id alone suggests (a moving alias, an embedding, a speech model) lies beneath every catalog: any of them outranks it.
  const inferred = inferredFacts(id, probed);
  if (inferred) layers.push({ source: "inferred", facts: inferred });
  let overlaid = false;
  for (const overlay of context.overlays) {
    const match = overlay.index.get(id.toLowerCase());
    if (match) {
      layers.push({ source: `overlay:${overlay.name}`, facts: match.facts });
      overlaid = true;
    }
  }
  if (entry) layers.push({ source: "catalog", facts: catalogFacts(entry) });
  if (probed) layers.push({ source: "probe", facts: probedFacts(probed) });
  const layered = layerFacts(id, layers);
  applyFactRules(layered, context.asOf);
  const { facts, sources } = addLayers(layered, context.env.layersFor(id, aliases));
  // Neither a catalog nor the answer said anything of it beyond its id: its facts are defaults.
  const described = entry !== undefined || overlaid || (probed !== undefined && describes(probed));
  // Keys in sorted order, here and in the objects below: the snapshot is then canonical as built (see sortKeysDeep).
  // One literal of fixed shape for the common model (V8 keeps it fast); the few with optional facts take the slow path.
  const model: Model = {
    aliases: aliases.length > 1 ? [...aliases].sort(compareText) : [...aliases],
    availability,
    capabilities: {
      json: facts.json,
      reasoning: facts.reasoning,
      streaming: facts.streaming,
      tools: facts.tools,
      vision: facts.vision,
    },
    contextWindow: facts.contextWindow,
    freeTier: facts.freeTier,
    id,
    kind: facts.kind,
    maxOutput: facts.maxOutput,
    movingAlias: facts.movingAlias,
    name: facts.name,
    pricing: facts.pricing,
    provider: context.provider,
    sources: sources as Model["sources"],
    status: facts.status,
    tier: facts.tier,
  };
  if (
    described &&
    facts.aliasOf === undefined &&
    facts.retiresAt === undefined &&
    facts.routing === undefined &&
    facts.variant === undefined
  )
    return model;
  return withOptionalFacts(model, {
    described,
    aliasOf: facts.aliasOf,
    retiresAt: facts.retiresAt,
    routing: facts.routing,
    variant: facts.variant,
  });
}

/** Whether a provider's answer says anything of a model beyond its id and name. */
function describes(probed: ProbedModel): boolean {
  return (
    probed.described ??
    (probed.contextWindow !== undefined || probed.pricing != null || probed.capabilities !== undefined)
  );
}

/** The model with its optional facts, every key in sorted order. */
function withOptionalFacts(
  model: Model,
  extra: {
    described: boolean;
    aliasOf?: string;
    retiresAt?: string;
    routing?: Model["routing"];
    variant?: Model["variant"];
  },
): Model {
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
  "aliasOf",
  "aliases",
  "availability",
  "capabilities",
  "contextWindow",
  "described",
  "freeTier",
  "id",
  "kind",
  "maxOutput",
  "movingAlias",
  "name",
  "pricing",
  "provider",
  "retiresAt",
  "routing",
  "sources",
  "status",
  "tier",
  "variant",
].sort(compareText);
