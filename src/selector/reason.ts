// The one-sentence reason a choice carries, built only when read.
import type { Path, SelectionContext } from "./context.js";
import { describeDrop, dropRule } from "./fit.js";
import { describeMerit } from "./rank.js";
import { requestOrder, standoff } from "./order.js";
import { deciderLabel, healthOverride, preferenceSource } from "./phrases.js";
import { joinWords, namesRoutingCriteria } from "./request.js";
import { lookup, type ModelRecord } from "./snapshot-index.js";

export function buildReason(ctx: SelectionContext, chosen: ModelRecord, path: Path): string {
  switch (path) {
    case "requested":
      return requestedReason(ctx, chosen);
    case "default_model":
      return `${chosen.id} (${chosen.provider.id}) is the default model (policy.defaultModel), used because the request names no category, provider or requirement.`;
    case "routed":
      return `${routedReason(ctx, chosen)}${defaultPassedOver(ctx)}.`;
  }
}

function requestedReason(ctx: SelectionContext, chosen: ModelRecord): string {
  const name = ctx.model!;
  const as = name.toLowerCase() === chosen.id.toLowerCase() ? "" : ` as "${name}"`;
  const earlier = (lookup(ctx.index, name) ?? []).filter(
    (r) => r.provider.priority < chosen.provider.priority && (ctx.provider === null || r.provider === ctx.provider),
  );
  const notes = earlier.map((r) => {
    const rule = dropRule(r, ctx);
    return rule === null
      ? `${r.provider.id} serves it too`
      : `${r.provider.id}, earlier in priority, cannot serve it: ${describeDrop(rule, r, ctx)}`;
  });
  return `${chosen.id} (${chosen.provider.id}) was requested by name${as} and meets the request${notes.length ? `; ${notes.join("; ")}` : ""}.`;
}

function routedReason(ctx: SelectionContext, chosen: ModelRecord): string {
  const p = chosen.provider;
  const category = ctx.category;
  const placement = chosen.placement[ctx.categoryIndex]!;
  const order = requestOrder(ctx);
  const { runnerUp, decidedBy, passedOver } = standoff(ctx, chosen);
  const what =
    placement === "merit"
      ? `${chosen.id} ranks first on merit for ${category} among the models that fit (${describeMerit(chosen.merit, category, ctx.index.policy, order.price(chosen))})`
      : placement === "provider_default"
        ? `${chosen.id} is ${preferenceSource(placement, p, ctx)}`
        : `${chosen.id} is the first model that fits in ${preferenceSource(placement, p, ctx)}`;
  const ahead =
    runnerUp !== null && decidedBy !== null && placement === "merit" && decidedBy !== "provider_priority"
      ? `, ahead of ${runnerUp.id}${runnerUp.provider === p ? "" : ` (${runnerUp.provider.id})`} on ${deciderLabel(decidedBy)}`
      : "";
  if (ctx.provider !== null) return `${what}${ahead}, and ${p.id} is the requested provider`;
  if (passedOver.length > 0) return `${what}${ahead}, and ${healthOverride(ctx, chosen, passedOver)}`;
  const earlier = ctx.index.providers.filter((q) => q.priority < p.priority).map((q) => q.id);
  if (earlier.length === 0) return `${what}${ahead}, and ${p.id} is first in provider priority`;
  return `${what}${ahead}, and ${p.id} is the first provider in priority order with a model that fits (${joinWords(earlier)} had none)`;
}

/** Rule 2 was tried and failed: say why, since the user wrote that default down. */
export function defaultPassedOver(ctx: SelectionContext): string {
  const ref = ctx.index.defaultModel;
  if (ref === null || namesRoutingCriteria(ctx)) return "";
  const first = ref.records[0];
  const why =
    first === undefined
      ? "the snapshot has no such model"
      : describeDrop(dropRule(first, ctx) ?? "excluded", first, ctx);
  return `; the default model ${ref.model} (${ref.provider}) was passed over because ${why}`;
}
