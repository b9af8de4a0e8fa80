// Everything select needs, computed once per snapshot: which models can ever be routed, how each provider's
// models are ordered for each category, and a case-insensitive name lookup. The orders of a category are built on
// its first use (ensureCategory): a program that only asks for models by name, or for one category, never pays for
// ranking every model three times.
import type { Model, Policy, ProviderPolicy, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import {
  CATEGORIES,
  JSON_MODE,
  MAX_ID_LENGTH,
  REASONING,
  TOOLS,
  UNKNOWN_SIZE,
  VISION,
  type ModelChoice,
} from "./vocabulary.js";
import {
  compareVectors,
  meritFacts,
  meritKeys,
  meritVector,
  standing,
  type MeritFacts,
  type MeritKeyName,
  type MeritVector,
} from "./rank.js";

/** Why a model can never be chosen under this snapshot, whatever the request. */
export type StaticRule =
  "not_chat" | "not_listed" | "unverified" | "provider_disabled" | "provider_not_allowed" | "not_allowed";
/** What put a routable model where it is in its provider's ordering. */
export type PlacementRule = "category_preference" | "provider_preference" | "provider_default" | "merit";

export interface ModelRecord {
  readonly model: Model;
  readonly id: string;
  readonly provider: ProviderRecord;
  /** null when the model is routable. */
  readonly staticRule: StaticRule | null;
  /** Capabilities as a bit mask, compared against the request's in one step. */
  readonly caps: number;
  readonly context: number;
  readonly output: number;
  /** Filled with the first category built (ensureMerit): a program that asks only by name never ranks. */
  readonly merit: MeritFacts;
  /**
   * Chosen only when named (a router, or `routing: "by_name"` such as a `:batch` variant): by a request's model, the
   * default model or a written preference; never placed on merit.
   */
  readonly byName: boolean;
  /** STANDING_KEYS as one number, smaller first: the only part of merit compared across providers. */
  readonly standing: number;
  /** By category index, once the category is built: the values of the category's merit keys at base prices. */
  readonly vectors: readonly MeritVector[];
  /** By category index; "merit" until the category is built. */
  readonly placement: readonly PlacementRule[];
  /**
   * This model as a fallback, made on first need and shared by every choice that lists it: reading the fallbacks
   * of many choices allocates one frozen object per model at most, not one per model per choice.
   */
  ref: ModelChoice | undefined;
  /** 0 until a `{ model }` request was answered with this record, then 1: the selector caches from the second. */
  askedByName: 0 | 1;
}

/** A preference naming a model the provider does not have: kept so that the trace can say so. */
export interface UnresolvedPreference {
  readonly name: string;
  readonly rule: PlacementRule;
}
export type TraceSlot = ModelRecord | UnresolvedPreference;

export interface ProviderRecord {
  readonly id: string;
  /** 0 for the first provider tried. */
  readonly priority: number;
  readonly staticRule: "provider_disabled" | "provider_not_allowed" | null;
  readonly policy: ProviderPolicy;
  /** By id, in code-unit order. */
  readonly models: readonly ModelRecord[];
  /**
   * By category index, once the category is built: the routable models, best first. select walks these and stops
   * at the first fit.
   */
  readonly orderings: readonly (readonly ModelRecord[])[];
  /**
   * By category index: the written preferences, in order — models (routable or not) and names the snapshot lacks.
   * The trace shows these, then the rest of the ordering, then the models never routable (see traceOrder).
   */
  readonly preferenceSlots: readonly (readonly TraceSlot[])[];
  /** What the provider's routable models can reach at most: see Reach. */
  readonly reach: Reach;
}

/**
 * For each set of capabilities (a 4-bit mask of VISION, TOOLS, REASONING, JSON_MODE), the largest context window
 * and the largest output among the provider's routable models that have at least those capabilities. A request
 * asking more than either fits none of them, so routing skips the provider without walking its models: a request
 * nothing fits costs one check per provider, not one per model. (The two maxima may come from different models, so
 * passing the check does not promise a fit; the walk decides.)
 */
export interface Reach {
  readonly context: Float64Array;
  readonly output: Float64Array;
}

/** Whether some routable model of the provider might fit: false means none does. */
export function mightFit(reach: Reach, need: number, minContext: number, minOutput: number): boolean {
  return reach.context[need]! >= minContext && reach.output[need]! >= minOutput;
}

const MASKS = 16;

function reachOf(models: readonly ModelRecord[]): Reach {
  const context = new Float64Array(MASKS).fill(-Infinity);
  const output = new Float64Array(MASKS).fill(-Infinity);
  for (const r of models) {
    if (r.staticRule !== null) continue;
    const caps = r.caps & (MASKS - 1);
    if (r.context > context[caps]!) context[caps] = r.context;
    if (r.output > output[caps]!) output[caps] = r.output;
  }
  // A request needing a set of capabilities is served by any model having more: fold each mask's supersets into it.
  // Every superset m | bit is larger than m, so going down from the full mask sees it already folded.
  for (let m = MASKS - 1; m >= 0; m--) {
    for (let bit = 1; bit < MASKS; bit <<= 1) {
      if ((m & bit) !== 0) continue;
      if (context[m | bit]! > context[m]!) context[m] = context[m | bit]!;
      if (output[m | bit]! > output[m]!) output[m] = output[m | bit]!;
    }
  }
  return { context, output };
}

export interface SnapshotIndex {
  readonly snapshot: ProviderRegistrySnapshot;
  readonly policy: Policy;
  /** In the order they are tried. */
  readonly providers: readonly ProviderRecord[];
  readonly providerById: ReadonlyMap<string, ProviderRecord>;
  /** Lower-cased id or alias → the models it names, in provider priority order; within a provider an id wins over an alias. */
  readonly byName: ReadonlyMap<string, readonly ModelRecord[]>;
  /**
   * By category index, once the category is built: every routable model of every provider in the order routing
   * tries them — by band (0 for a written preference, else the model's standing), then provider priority, then the
   * provider's own order.
   */
  readonly routing: readonly (readonly ModelRecord[])[];
  /** By category index, once the category is built: the choice for a request with nothing to filter. */
  readonly firstRoutable: readonly (ModelRecord | null)[];
  /** Reach of every provider's routable models together: a request beyond it fits nowhere, and no provider is walked. */
  readonly reach: Reach;
  /** By category index: the merit keys ranked on (meritKeys). */
  readonly keys: readonly (readonly MeritKeyName[])[];
  /**
   * A request whose minContext exceeds this reaches some model's long-context price tier; Infinity when none has
   * tiers. Worked out with the models' merit, on the first category built.
   */
  readonly tierThreshold: number;
  /** policy.defaultModel and the models it names (none when the snapshot lacks it). */
  readonly defaultModel: {
    readonly model: string;
    readonly provider: string;
    readonly records: readonly ModelRecord[];
  } | null;
}

export const isModelRecord = (slot: TraceSlot): slot is ModelRecord => "staticRule" in slot;

const NO_POLICY: ProviderPolicy = {
  allowedModels: null,
  preferredModels: [],
  preferredByCategory: { fast_response: [], balanced: [], extended_reasoning: [] },
  defaultModel: null,
};

function reachOfAll(providers: readonly ProviderRecord[]): Reach {
  const context = new Float64Array(MASKS).fill(-Infinity);
  const output = new Float64Array(MASKS).fill(-Infinity);
  for (const p of providers) {
    for (let m = 0; m < MASKS; m++) {
      if (p.reach.context[m]! > context[m]!) context[m] = p.reach.context[m]!;
      if (p.reach.output[m]! > output[m]!) output[m] = p.reach.output[m]!;
    }
  }
  return { context, output };
}

const NO_REACH: Reach = {
  context: new Float64Array(MASKS).fill(-Infinity),
  output: new Float64Array(MASKS).fill(-Infinity),
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildIndex(snapshot: ProviderRegistrySnapshot): SnapshotIndex {
  const { policy } = snapshot;
  const providers = orderProviders(snapshot).map((id, priority) => newProvider(id, priority, policy));
  const providerById = new Map(providers.map((p) => [p.id, p]));

  for (const model of snapshot.models) {
    const provider = providerById.get(model.provider)!;
    provider.models.push(newModel(model, provider, policy));
  }

  const byName = new Map<string, ModelRecord[]>();
  for (const provider of providers) {
    provider.models.sort(byId);
    provider.reach = reachOf(provider.models);
    addNames(byName, provider.models);
  }

  const ref = policy.defaultModel;
  const defaultModel = ref && {
    model: ref.model,
    provider: ref.provider,
    records: (byName.get(ref.model.toLowerCase()) ?? []).filter((r) => r.provider.id === ref.provider),
  };

  return {
    snapshot,
    policy,
    providers,
    providerById,
    byName,
    routing: [],
    firstRoutable: [],
    reach: reachOfAll(providers),
    // The merit keys depend on the category and the policy only: worked out once here, not three times per model.
    keys: CATEGORIES.map((category) => meritKeys(category, policy)),
    tierThreshold: Infinity,
    defaultModel,
  };
}

/** Every model's merit facts and standing, and the index's tierThreshold: what ranking needs, made once. */
function ensureMerit(index: SnapshotIndex): void {
  if (index.routing.length > 0) return; // a category is built, and with it every model's merit
  let lowest = Infinity;
  for (const provider of index.providers) {
    for (const r of provider.models as Mutable<ModelRecord>[]) {
      r.merit = meritFacts(r.model);
      r.standing = standing(r.merit, index.policy);
      for (const t of r.merit.tiers) if (t.above < lowest) lowest = t.above;
    }
  }
  (index as Mutable<SnapshotIndex>).tierThreshold = lowest;
}

/**
 * Builds a category's merit vectors, provider orderings, preference slots and routing order on its first use.
 * Every request context is made for one category and calls this first, so the code reading `[categoryIndex]` finds
 * it built. (A `{ model }` request reads none of it.)
 */
export function ensureCategory(index: SnapshotIndex, c: 0 | 1 | 2): void {
  if (index.routing[c] !== undefined) return;
  ensureMerit(index);
  const keys = index.keys[c]!;
  for (const provider of index.providers as readonly ProviderDraft[]) {
    for (const r of provider.models as Mutable<ModelRecord>[]) {
      if (r.vectors === UNBUILT) r.vectors = [];
      (r.vectors as MeritVector[])[c] = meritVector(keys, r.merit, r.merit.price, index.policy);
    }
    const { ordering, preferenceSlots } = orderProvider(provider, index.byName, c);
    provider.orderings[c] = ordering;
    provider.preferenceSlots[c] = preferenceSlots;
  }
  const routing = mergeProviders(
    index.providers.map((p) => p.orderings[c]!),
    c,
  );
  (index.firstRoutable as (ModelRecord | null)[])[c] = routing[0] ?? null;
  (index.routing as ModelRecord[][])[c] = routing;
}

/** A model's band in a category: 0 when a written preference placed it, else its standing. */
export function band(r: ModelRecord, c: number): number {
  return r.placement[c] === "merit" ? r.standing : 0;
}

/**
 * Providers' orderings (each in priority order) into the one routing order: by band, then provider priority, then
 * each provider's own order. Within a provider bands never decrease, so its own order is kept.
 */
export function mergeProviders(orderings: readonly (readonly ModelRecord[])[], c: number): ModelRecord[] {
  const merged: ModelRecord[] = [];
  const next = orderings.map(() => 0);
  for (;;) {
    let best = -1;
    let bestBand = Infinity;
    for (let i = 0; i < orderings.length; i++) {
      const r = orderings[i]![next[i]!];
      if (r !== undefined && band(r, c) < bestBand) {
        best = i;
        bestBand = band(r, c);
      }
    }
    if (best < 0) return merged;
    // Take the whole run of this band from the provider: later providers come after it within the band.
    const list = orderings[best]!;
    let j = next[best]!;
    while (j < list.length && band(list[j]!, c) === bestBand) merged.push(list[j++]!);
    next[best] = j;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface ProviderDraft extends Omit<Mutable<ProviderRecord>, "models" | "orderings" | "preferenceSlots"> {
  /** policy.allowedModels lower-cased, for one lookup per model (a scan of the list per model was O(models × list)). */
  readonly allowed: ReadonlySet<string> | null;
  models: ModelRecord[];
  orderings: ModelRecord[][];
  preferenceSlots: TraceSlot[][];
}

/** policy.providerPriority first; any provider it forgets goes after, by id, so that none is lost. */
function orderProviders(snapshot: ProviderRegistrySnapshot): string[] {
  const known = new Set<string>();
  for (const p of snapshot.providers) known.add(p.id);
  for (const m of snapshot.models) known.add(m.provider);
  const ordered = [...new Set(snapshot.policy.providerPriority.filter((id) => known.has(id)))];
  const rest = [...known].filter((id) => !ordered.includes(id)).sort();
  return [...ordered, ...rest];
}

function newProvider(id: string, priority: number, policy: Policy): ProviderDraft {
  const staticRule = policy.disabledProviders.includes(id)
    ? "provider_disabled"
    : policy.allowedProviders !== null && !policy.allowedProviders.includes(id)
      ? "provider_not_allowed"
      : null;
  // An own property only: a provider named "constructor" must not find Object.prototype.constructor here.
  const own = Object.hasOwn(policy.providers, id) ? policy.providers[id]! : NO_POLICY;
  const allowed = own.allowedModels === null ? null : new Set(own.allowedModels.map((name) => name.toLowerCase()));
  return {
    id,
    priority,
    staticRule,
    policy: own,
    allowed,
    models: [],
    orderings: [],
    preferenceSlots: [],
    reach: NO_REACH,
  };
}

/**
 * Placeholders every record shares until ensureMerit and ensureCategory give it its own, so that indexing allocates
 * nothing for ranking. Nothing reads them before: every request that ranks is normalised, which builds its category.
 */
const UNRANKED: MeritFacts = meritFacts({
  id: "",
  status: "stable",
  tier: "standard",
  movingAlias: false,
  freeTier: false,
  capabilities: { vision: false, tools: false, reasoning: false, json: false },
  contextWindow: null,
  maxOutput: null,
  pricing: null,
} as unknown as Model);
const UNBUILT: readonly MeritVector[] = Object.freeze([]);
const ON_MERIT: readonly PlacementRule[] = Object.freeze(["merit", "merit", "merit"]);

function newModel(model: Model, provider: ProviderDraft, policy: Policy): ModelRecord {
  const c = model.capabilities;
  return {
    model,
    id: model.id,
    provider,
    staticRule: staticRule(model, provider, policy),
    caps: (c.vision ? VISION : 0) | (c.tools ? TOOLS : 0) | (c.reasoning ? REASONING : 0) | (c.json ? JSON_MODE : 0),
    context: model.contextWindow ?? UNKNOWN_SIZE,
    output: model.maxOutput ?? UNKNOWN_SIZE,
    merit: UNRANKED,
    byName: model.kind === "router" || model.routing === "by_name",
    standing: 0,
    vectors: UNBUILT,
    placement: ON_MERIT,
    ref: undefined,
    askedByName: 0,
  };
}

/** Routers answer chat requests (they forward them), so they are routable by name; other kinds never are. */
function staticRule(model: Model, provider: ProviderDraft, policy: Policy): StaticRule | null {
  if (model.kind !== "chat" && model.kind !== "router") return "not_chat";
  if (model.availability === "not_listed") return "not_listed";
  if (model.availability === "unverified" && !policy.routeUnverified) return "unverified";
  if (provider.staticRule) return provider.staticRule;
  if (provider.allowed !== null && !provider.allowed.has(lowerCase(model.id))) return "not_allowed";
  return null;
}

/**
 * Adds a provider's names to the lookup, after those of the providers before it: its ids first, then its aliases,
 * so that an alias never shadows one of its own models' ids.
 */
function addNames(byName: Map<string, ModelRecord[]>, models: readonly ModelRecord[]): void {
  for (const r of models) push(byName, lowerCase(r.id), r);
  for (const r of models) {
    for (const alias of r.model.aliases) {
      const key = lowerCase(alias);
      if (!namesOwnId(byName.get(key), r.provider, key)) push(byName, key, r);
    }
  }
}

/** Whether the list for `key` holds a model of `provider` whose id is `key`: this provider's records come last. */
function namesOwnId(list: readonly ModelRecord[] | undefined, provider: ProviderRecord, key: string): boolean {
  if (list === undefined) return false;
  for (let i = list.length - 1; i >= 0 && list[i]!.provider === provider; i--) {
    if (lowerCase(list[i]!.id) === key) return true;
  }
  return false;
}

/**
 * A name as the lookup keys it. Ids are nearly always lower case already, and toLowerCase copies even those: the
 * index would hold a second copy of every id.
 */
function lowerCase(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return name.toLowerCase();
  }
  return name;
}

function push(map: Map<string, ModelRecord[]>, key: string, record: ModelRecord): void {
  const list = map.get(key);
  if (!list) map.set(key, [record]);
  else if (!list.includes(record)) list.push(record);
}

/**
 * Written preferences in their order (category list, provider list, provider default), then the rest on merit.
 * `names` is the index's lookup; a preference names the provider's own models only.
 */
function orderProvider(
  provider: ProviderDraft,
  names: ReadonlyMap<string, readonly ModelRecord[]>,
  c: number,
): { ordering: ModelRecord[]; preferenceSlots: TraceSlot[] } {
  const category = CATEGORIES[c]!;
  const p = provider.policy;
  const preferences: [readonly string[], PlacementRule][] = [
    [p.preferredByCategory[category], "category_preference"],
    [p.preferredModels, "provider_preference"],
    [p.defaultModel === null ? [] : [p.defaultModel], "provider_default"],
  ];
  const placed = new Set<ModelRecord>();
  const unresolved = new Set<string>();
  const preferenceSlots: TraceSlot[] = [];
  for (const [list, rule] of preferences) {
    for (const name of list) {
      const records = names.get(name.toLowerCase())?.filter((r) => r.provider === provider);
      if (!records || records.length === 0) {
        if (!unresolved.has(name.toLowerCase())) preferenceSlots.push({ name, rule });
        unresolved.add(name.toLowerCase());
        continue;
      }
      for (const r of records) {
        if (placed.has(r)) continue;
        placed.add(r);
        if (r.placement === ON_MERIT) (r as Mutable<ModelRecord>).placement = ["merit", "merit", "merit"];
        (r.placement as PlacementRule[])[c] = rule;
        preferenceSlots.push(r);
      }
    }
  }
  const onMerit: ModelRecord[] = [];
  for (const r of provider.models) if (r.staticRule === null && !r.byName && !placed.has(r)) onMerit.push(r);
  onMerit.sort((a, b) => compareVectors(a.vectors[c]!, a.id, b.vectors[c]!, b.id));
  const ordering: ModelRecord[] = [];
  for (const slot of preferenceSlots) if (isModelRecord(slot) && slot.staticRule === null) ordering.push(slot);
  for (const r of onMerit) ordering.push(r);
  return { ordering, preferenceSlots };
}

/**
 * Every model of a provider and every unresolvable preference, in the order the trace shows them: the written
 * preferences, then the rest of the ordering on merit (`ordering`, the provider's order for this request), then the
 * models chosen by name only, then the models it can never route. Built only when a trace is read, so that indexing
 * a snapshot does not pay for it.
 */
export function traceOrder(provider: ProviderRecord, c: number, ordering: readonly ModelRecord[]): TraceSlot[] {
  const slots: TraceSlot[] = [...(provider.preferenceSlots[c] ?? [])];
  const placed = new Set(slots.filter(isModelRecord));
  for (const r of ordering) if (!placed.has(r)) slots.push(r);
  for (const r of provider.models) if (r.staticRule === null && r.byName && !placed.has(r)) slots.push(r);
  for (const r of provider.models) if (r.staticRule !== null && !placed.has(r)) slots.push(r);
  return slots;
}

/** The models a name (id or alias, any case) stands for, in provider priority order. */
export function lookup(index: SnapshotIndex, name: string): readonly ModelRecord[] | undefined {
  if (name.length > MAX_ID_LENGTH) return undefined;
  // Lower-casing allocates, so try the name as given first: ids are usually written in lower case.
  return index.byName.get(name) ?? index.byName.get(name.toLowerCase());
}
