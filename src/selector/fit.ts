// Does a routable model meet this request? The hot path asks `fits`; the trace asks `dynamicRule` for the why.
import type { SelectionContext } from "./context.js";
import { JSON_MODE, REASONING, TOOLS, VISION } from "./vocabulary.js";
import type { ModelRecord, StaticRule } from "./snapshot-index.js";

/** Why a model falls away for this request in particular. */
export type DynamicRule =
  | "excluded"
  | "requires_vision"
  | "requires_tools"
  | "requires_reasoning"
  | "requires_json"
  | "min_context"
  | "min_output";

export function fits(r: ModelRecord, ctx: SelectionContext): boolean {
  return (
    (r.caps & ctx.need) === ctx.need &&
    r.context >= ctx.minContext &&
    r.output >= ctx.minOutput &&
    (ctx.excluded === null || !ctx.excluded.has(r))
  );
}

export function dynamicRule(r: ModelRecord, ctx: SelectionContext): DynamicRule | null {
  if (ctx.excluded !== null && ctx.excluded.has(r)) return "excluded";
  const missing = ctx.need & ~r.caps;
  if (missing & VISION) return "requires_vision";
  if (missing & TOOLS) return "requires_tools";
  if (missing & REASONING) return "requires_reasoning";
  if (missing & JSON_MODE) return "requires_json";
  if (r.context < ctx.minContext) return "min_context";
  if (r.output < ctx.minOutput) return "min_output";
  return null;
}

/** The first rule that drops the model, or null when it can serve this request. */
export function dropRule(r: ModelRecord, ctx: SelectionContext): StaticRule | DynamicRule | null {
  return r.staticRule ?? dynamicRule(r, ctx);
}

/** A clause for people: why this rule drops this model. */
export function describeDrop(rule: StaticRule | DynamicRule, r: ModelRecord, ctx: SelectionContext): string {
  const p = r.provider.id;
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
      return `it is not in ${p}'s allow-list (policy.providers.${p}.allowedModels, from ${p.toUpperCase()}_ALLOWED_MODELS)`;
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
        ? `its context window is unknown, and the request requires at least ${ctx.minContext} tokens`
        : `its context window of ${r.context} tokens is below the ${ctx.minContext} required`;
    case "min_output":
      return r.output < 0
        ? `its output limit is unknown, and the request requires at least ${ctx.minOutput} tokens`
        : `its output limit of ${r.output} tokens is below the ${ctx.minOutput} required`;
  }
}

/** The same rule as a clause naming the model, for the error of a request that named it: one wording for both. */
export function describeRequestedDrop(rule: StaticRule | DynamicRule, r: ModelRecord, ctx: SelectionContext): string {
  return `${r.id} at ${r.provider.id}: ${describeDrop(rule, r, ctx)}`;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a");
