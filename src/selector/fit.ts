// Does a routable model meet this request? The hot path asks `fits`; the trace asks `dynamicRule` for the why.
import type { SelectionContext } from "./context.js";
import { JSON_MODE, REASONING, TOOLS, VISION, type NormalizedRequest } from "./request.js";
import type { ModelRecord, SnapshotIndex, StaticRule } from "./snapshot-index.js";

/** Why a model falls away for this request in particular. */
export type DynamicRule =
  | "excluded"
  | "requires_vision"
  | "requires_tools"
  | "requires_reasoning"
  | "requires_json"
  | "min_context"
  | "min_output";

export function fits(r: ModelRecord, req: NormalizedRequest, excluded: ReadonlySet<ModelRecord> | null): boolean {
  return (
    (r.caps & req.need) === req.need &&
    r.context >= req.minContext &&
    r.output >= req.minOutput &&
    (excluded === null || !excluded.has(r))
  );
}

export function dynamicRule(r: ModelRecord, ctx: SelectionContext): DynamicRule | null {
  const { req } = ctx;
  if (ctx.excluded !== null && ctx.excluded.has(r)) return "excluded";
  const missing = req.need & ~r.caps;
  if (missing & VISION) return "requires_vision";
  if (missing & TOOLS) return "requires_tools";
  if (missing & REASONING) return "requires_reasoning";
  if (missing & JSON_MODE) return "requires_json";
  if (r.context < req.minContext) return "min_context";
  if (r.output < req.minOutput) return "min_output";
  return null;
}

/** The first rule that drops the model, or null when it can serve this request. */
export function dropRule(r: ModelRecord, ctx: SelectionContext): StaticRule | DynamicRule | null {
  return r.staticRule ?? dynamicRule(r, ctx);
}

export function resolveExcluded(index: SnapshotIndex, exclude: readonly string[] | null): ReadonlySet<ModelRecord> | null {
  if (exclude === null) return null;
  let excluded: Set<ModelRecord> | null = null;
  for (const name of exclude) {
    const records = index.byName.get(name) ?? index.byName.get(name.toLowerCase());
    if (!records) continue;
    excluded ??= new Set();
    for (const r of records) excluded.add(r);
  }
  return excluded;
}

/** A clause for people: why this rule drops this model. */
export function describeDrop(rule: StaticRule | DynamicRule, r: ModelRecord, ctx: SelectionContext): string {
  const p = r.provider.id;
  const { req } = ctx;
  switch (rule) {
    case "not_chat":
      return `it is ${article(r.model.kind)} ${r.model.kind} model, and only chat models are routed`;
    case "not_listed":
      return `${p}'s probe succeeded and did not list it`;
    case "unverified":
      return `${p} was not probed, and policy.routeUnverified is off`;
    case "provider_disabled":
      return `${p} is in policy.disabledProviders`;
    case "provider_not_allowed":
      return `${p} is not in policy.allowedProviders`;
    case "not_allowed":
      return `it is not in ${p}'s allow-list (policy.providers.${p}.allowedModels)`;
    case "excluded":
      return "the request excludes it";
    case "requires_vision":
      return "the request requires vision, which it lacks";
    case "requires_tools":
      return "the request requires tool calling, which it lacks";
    case "requires_reasoning":
      return "the request requires reasoning, which it lacks";
    case "requires_json":
      return "the request requires JSON mode, which it lacks";
    case "min_context":
      return r.context < 0
        ? `its context window is unknown, and the request requires at least ${req.minContext} tokens`
        : `its context window of ${r.context} tokens is below the ${req.minContext} required`;
    case "min_output":
      return r.output < 0
        ? `its output limit is unknown, and the request requires at least ${req.minOutput} tokens`
        : `its output limit of ${r.output} tokens is below the ${req.minOutput} required`;
  }
}

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a");
