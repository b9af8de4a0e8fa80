// The selector: rules 1–4 of docs/selection.md over the precomputed index.
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { checkSnapshot } from "./check-snapshot.js";
import { Choice, renewChoice } from "./choice.js";
import type { SelectionContext } from "./context.js";
import { SelectionError, type SelectionErrorCode } from "./errors.js";
import { renderExplanation, type ExplainOptions } from "./explain.js";
import { describeRequestedDrop, dropRule, fits, type DynamicRule } from "./fit.js";
import { defaultPassedOver } from "./reason.js";
import { describeRequest, namesRoutingCriteria, normalizeRequest, quoted, type SelectionRequest } from "./request.js";
import { MAX_ID_LENGTH, NO_MINIMUM } from "./vocabulary.js";
import { baseRouting, isRepriced, requestOrder } from "./order.js";
import {
  buildIndex,
  lookup,
  mightFit,
  type ModelRecord,
  type SnapshotIndex,
  type StaticRule,
} from "./snapshot-index.js";
import { autoTrace, requestedTrace } from "./trace.js";

export interface Selector {
  /** The choice for a request; throws SelectionError when there is none. */
  select(request?: SelectionRequest): Choice;
  /**
   * The choice (or why there is none) and its trace, rendered for people. Never throws for a request: failures are
   * rendered too. `options.fallbacks` bounds the output to that many fallbacks and the trace entries that matter.
   */
  explain(request?: SelectionRequest, options?: ExplainOptions): string;
  readonly snapshot: ProviderRegistrySnapshot;
}

/**
 * Checks the snapshot (at no cost when loadSnapshot already did) and indexes it, so that select only walks
 * precomputed orderings. The snapshot is read once, here: later changes to the object are not seen.
 */
export function createSelector(snapshot: unknown): Selector {
  return new SnapshotSelector(buildIndex(checkSnapshot(snapshot, "the snapshot passed to createSelector")));
}

/**
 * For `register` only (not exported by the package): a selector over a snapshot it has just built and will check
 * against the schema itself, so that a 10,000-model registration does not validate the same models twice.
 */
export function selectorForBuiltSnapshot(snapshot: ProviderRegistrySnapshot): Selector {
  return new SnapshotSelector(buildIndex(snapshot));
}

class SnapshotSelector implements Selector {
  readonly #index: SnapshotIndex;
  /**
   * Choices for requests that are `{ model }` alone, by the name as the index spells it: the commonest call, and its
   * answer can only change with the snapshot, which a selector never re-reads. Bounded by the index's names; filled
   * from a model's second request on (see #modelOnly).
   */
  readonly #byModelName = new Map<string, Choice>();

  constructor(index: SnapshotIndex) {
    this.#index = index;
  }

  get snapshot(): ProviderRegistrySnapshot {
    return this.#index.snapshot;
  }

  select(request?: SelectionRequest): Choice {
    // The commonest calls, `{ model }` and `{ model, category }` again for a name already answered, in as little code
    // as V8 will inline into the caller's loop; everything else goes through #answer.
    if (typeof request === "object" && request !== null) {
      const name = request.model;
      if (typeof name === "string") {
        const cached = this.#byModelName.get(name);
        if (cached !== undefined && namesOnlyModel(request)) {
          const category = request.category;
          if (category === undefined) return cached;
          if (isCategory(category)) return renewChoice(cached);
        }
      }
    }
    const outcome = this.#answer(request);
    // Thrown here, not where it is made: each frame an exception unwinds costs about as much as building its message.
    if (outcome instanceof SelectionError) throw outcome;
    return outcome;
  }

  /**
   * Any request: rules 1–3, the failure returned rather than thrown (only a malformed request throws). `{ model }`
   * and `{ model, category }` cannot change a named model's choice (rule 1 ignores the category), so they are answered
   * without normalising the request; `{ model, category }` gets a new choice made from the `{ model }` one.
   */
  #answer(request: SelectionRequest | undefined): Choice | SelectionError {
    if (typeof request === "object" && request !== null) {
      const name = request.model;
      const category = request.category;
      if (typeof name === "string" && isCategory(category) && namesOnlyModel(request)) {
        const choice = this.#byModelName.get(name) ?? this.#modelOnly(name);
        if (choice !== null) return category === undefined ? choice : renewChoice(choice);
      }
    }
    const index = this.#index;
    const ctx = normalizeRequest(request, index);
    if (ctx.model !== null) return selectRequested(ctx, ctx.model);
    if (index.defaultModel !== null && !namesRoutingCriteria(ctx)) {
      for (const r of index.defaultModel.records) {
        if (r.staticRule === null && fits(r, ctx)) return new Choice(ctx, r, "default_model");
      }
    }
    return route(ctx);
  }

  /**
   * A `{ model }` answer the per-name cache does not have. With no requirement every record fits, so the first
   * routable one is the choice. null when the name is "auto", empty, unknown or not routable: the generic path
   * answers (or throws) then.
   */
  #modelOnly(name: string): Choice | null {
    const index = this.#index;
    if (name === "" || name.length > MAX_ID_LENGTH || (name.length === 4 && name.toLowerCase() === "auto")) return null;
    let records = index.byName.get(name);
    const exact = records !== undefined;
    records ??= index.byName.get(name.toLowerCase());
    if (records === undefined) return null;
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      if (r.staticRule !== null) continue;
      const choice = new Choice(modelOnlyContext(index, name), r, "requested");
      // Cached when the name is spelt as the index spells it (which bounds the cache by the index's names), and only
      // once its model has been asked for before: keeping an object costs a pointer store, which while the GC is
      // marking costs several times the rest of the call; a number (askedByName) does not. Frozen, since every
      // caller of the name shares it; its lazy parts live in private fields.
      if (exact) {
        if (r.askedByName === 0) {
          r.askedByName = 1;
        } else {
          Object.freeze(choice);
          this.#byModelName.set(name, choice);
        }
      }
      return choice;
    }
    return null;
  }

  explain(request?: SelectionRequest, options?: ExplainOptions): string {
    let outcome: Choice | SelectionError;
    try {
      outcome = this.#answer(request);
    } catch (error) {
      if (!(error instanceof SelectionError)) throw error;
      outcome = error;
    }
    return renderExplanation(this.#index, request, outcome, options);
  }
}

/**
 * Whether a request names nothing but a model and perhaps a category (checked apart, by isCategory). Read as
 * normalizeRequest reads it — by name, not only by its enumerable keys — so that a `requires` or `exclude` that is a
 * getter or not enumerable is never answered from the cache without being checked.
 */
function namesOnlyModel(request: SelectionRequest): boolean {
  if (request.requires !== undefined || request.exclude !== undefined || request.provider !== undefined) return false;
  for (const key in request) if (key !== "model" && key !== "category") return false;
  return true;
}

const isCategory = (category: unknown): boolean =>
  category === undefined ||
  category === "balanced" ||
  category === "fast_response" ||
  category === "extended_reasoning";

/** What normalizeRequest makes of `{ model }` (the same shape, so that the code reading it stays monomorphic). */
function modelOnlyContext(index: SnapshotIndex, model: string): SelectionContext {
  return {
    index,
    model,
    category: "balanced",
    categoryIndex: 1,
    categoryNamed: false,
    provider: null,
    need: 0,
    minContext: NO_MINIMUM,
    minOutput: NO_MINIMUM,
    excluded: null,
  };
}

/** Rule 1: the named model at the first provider (in priority order) that can serve it, or why not. Never another model. */
function selectRequested(ctx: SelectionContext, name: string): Choice | SelectionError {
  const records = lookup(ctx.index, name);
  if (records !== undefined) {
    for (const r of records) {
      if (ctx.provider !== null && r.provider !== ctx.provider) continue;
      if (r.staticRule === null && fits(r, ctx)) return new Choice(ctx, r, "requested");
    }
  }
  return requestedFailure(ctx, name, records ?? []);
}

/** Rule 3, walking precomputed orderings and stopping at the first fit; why nothing fits otherwise. */
function route(ctx: SelectionContext): Choice | SelectionError {
  const c = ctx.categoryIndex;
  if (ctx.need === 0 && ctx.minContext === NO_MINIMUM && ctx.minOutput === NO_MINIMUM && ctx.excluded === null) {
    const first = ctx.provider === null ? ctx.index.firstRoutable[c] : ctx.provider.orderings[c]?.[0];
    if (first) return new Choice(ctx, first, "routed");
  } else if (
    mightFit(ctx.provider === null ? ctx.index.reach : ctx.provider.reach, ctx.need, ctx.minContext, ctx.minOutput)
  ) {
    // The precomputed order unless the request pays a long-context price somewhere (then it is ranked again).
    const ordering = isRepriced(ctx) ? requestOrder(ctx).routing : baseRouting(ctx);
    for (let j = 0; j < ordering.length; j++) {
      const r = ordering[j]!;
      if (fits(r, ctx)) return new Choice(ctx, r, "routed");
    }
  }
  return noModelAvailable(ctx);
}

function noModelAvailable(ctx: SelectionContext): SelectionError {
  const scope = failureScope(ctx);
  return new SelectionError(
    "NO_MODEL_AVAILABLE",
    `no model fits ${describeRequest(ctx)}${scope.where}${defaultPassedOver(ctx)}${scope.advice}`,
    () => autoTrace(ctx, null),
  );
}

interface FailureScope {
  /** " at kimi", " at any provider (glm, kimi)", or "" when there are no providers. */
  readonly where: string;
  /** ": <what to do>." */
  readonly advice: string;
}

/**
 * The unrestricted scope's parts of the message, by category index, made on the first failure in that category: a
 * long list of providers is not joined, nor their models counted, on every failure.
 */
const unrestricted = new WeakMap<SnapshotIndex, FailureScope[]>();

/** Where a request nothing fits looked, and what to do about it. */
function failureScope(ctx: SelectionContext): FailureScope {
  const { index } = ctx;
  const c = ctx.categoryIndex;
  if (ctx.provider !== null) {
    return { where: ` at ${ctx.provider.id}`, advice: failureAdvice(index, ctx.provider.orderings[c]!.length) };
  }
  let scopes = unrestricted.get(index);
  if (scopes === undefined) unrestricted.set(index, (scopes = []));
  return (scopes[c] ??= {
    where: index.providers.length === 0 ? "" : ` at any provider (${index.providers.map((p) => p.id).join(", ")})`,
    advice: failureAdvice(
      index,
      index.providers.reduce((n, p) => n + p.orderings[c]!.length, 0),
    ),
  });
}

function failureAdvice(index: SnapshotIndex, routable: number): string {
  return index.snapshot.models.length === 0
    ? ": the snapshot has no models: run `provider-registry register` with at least one provider configured."
    : routable === 0
      ? ": no model there can be routed at all (not listed, not probed, disabled or not allowed): check the providers and allow-lists, then run `provider-registry register`."
      : ": relax the request, or run `provider-registry select --explain` to see why each model fell away.";
}

const SEVERITY: Record<SelectionErrorCode, number> = {
  INVALID_REQUEST: -1,
  NO_SUCH_MODEL: 0,
  MODEL_NOT_ALLOWED: 1,
  REQUIREMENTS_NOT_MET: 2,
  NO_MODEL_AVAILABLE: -1,
};

function codeFor(rule: StaticRule | DynamicRule): SelectionErrorCode {
  switch (rule) {
    case "not_chat":
    case "not_listed":
    case "unverified":
      return "NO_SUCH_MODEL";
    case "provider_disabled":
    case "provider_not_allowed":
    case "not_allowed":
    case "excluded":
      return "MODEL_NOT_ALLOWED";
    default:
      return "REQUIREMENTS_NOT_MET";
  }
}

/** Why the named model cannot serve: the code of the provider that came closest, and every provider's reason. */
function requestedFailure(ctx: SelectionContext, name: string, records: readonly ModelRecord[]): SelectionError {
  const trace = () => requestedTrace(ctx, name, records, null);
  if (records.length === 0) {
    return new SelectionError(
      "NO_SUCH_MODEL",
      `no model ${quoted(name)} in the snapshot${suggest(ctx.index, name)}: check the name, or run \`provider-registry register\` again if its provider added it since.`,
      trace,
    );
  }
  const inScope = ctx.provider === null ? records : records.filter((r) => r.provider === ctx.provider);
  if (inScope.length === 0) {
    const others = [...new Set(records.map((r) => r.provider.id))].join(", ");
    return new SelectionError(
      "NO_SUCH_MODEL",
      `${ctx.provider!.id} does not serve "${name}" (${others} does): drop the provider restriction, or ask for a model ${ctx.provider!.id} serves.`,
      trace,
    );
  }
  const rules = inScope.map((r) => dropRule(r, ctx)!);
  const code = rules.map(codeFor).reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
  const reasons = inScope.map((r, i) => describeRequestedDrop(rules[i]!, r, ctx));
  const advice =
    code === "REQUIREMENTS_NOT_MET"
      ? `relax the request, or ask for "auto" to route to a model that meets it`
      : code === "MODEL_NOT_ALLOWED"
        ? "ask for an allowed model, or change the policy (allow-lists, ALLOWED_PROVIDERS, DISABLED_PROVIDERS) and run `provider-registry register`"
        : "ask for a model its provider lists, or run `provider-registry register` again once it does";
  return new SelectionError(code, `"${name}" cannot be used: ${reasons.join("; ")}. To fix: ${advice}.`, trace);
}

/** Up to three known ids close to a name that matched nothing. */
function suggest(index: SnapshotIndex, name: string): string {
  if (name.length > MAX_ID_LENGTH) return "";
  const wanted = name.toLowerCase();
  if (wanted.length < 3) return "";
  const close = new Set<string>();
  for (const [key, records] of index.byName) {
    if (key.includes(wanted) || (key.length >= 3 && wanted.includes(key))) for (const r of records) close.add(r.id);
    if (close.size >= 3) break;
  }
  return close.size === 0
    ? ""
    : ` (did you mean ${[...close]
        .slice(0, 3)
        .map((id) => `"${id}"`)
        .join(" or ")}?)`;
}
