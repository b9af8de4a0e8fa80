// The trace: every model a request considered, and the rule that kept or dropped it. Built only when read.
import { providersInScope, type SelectionContext } from "./context.js";
import { describeDrop, dropRule, type DynamicRule } from "./fit.js";
import { describeMerit } from "./rank.js";
import { namesRoutingCriteria } from "./request.js";
import { isModelRecord, traceOrder, type ModelRecord, type PlacementRule, type ProviderRecord, type StaticRule } from "./snapshot-index.js";

export type TraceOutcome = "chosen" | "fallback" | "dropped";

/** A stable machine code; docs/selection.md lists them all. */
export type TraceRule =
  | "requested"
  | "default_model"
  | PlacementRule
  | "not_in_snapshot"
  | "other_provider"
  | StaticRule
  | DynamicRule;

export interface TraceEntry {
  readonly model: string;
  readonly provider: string;
  readonly outcome: TraceOutcome;
  readonly rule: TraceRule;
  readonly detail: string;
}

function entry(model: string, provider: string, outcome: TraceOutcome, rule: TraceRule, detail: string): TraceEntry {
  return Object.freeze({ model, provider, outcome, rule, detail });
}

/** Where a written preference lives in the snapshot, for people to find and change it. */
export function preferenceSource(rule: PlacementRule, p: ProviderRecord, ctx: SelectionContext): string {
  switch (rule) {
    case "category_preference":
      return `${p.id}'s ${ctx.category} preference list (policy.providers.${p.id}.preferredByCategory.${ctx.category})`;
    case "provider_preference":
      return `${p.id}'s preferred models (policy.providers.${p.id}.preferredModels)`;
    case "provider_default":
      return `${p.id}'s default model (policy.providers.${p.id}.defaultModel)`;
    case "merit":
      return `${p.id}'s ranking on merit`;
  }
}

function staleNote(r: ModelRecord): string {
  if (r.model.availability === "stale") {
    const when = r.model.lastVerifiedAt ? `, last listed ${r.model.lastVerifiedAt}` : "";
    return ` (stale: ${r.provider.id}'s probe failed; kept from the last good snapshot${when})`;
  }
  if (r.model.availability === "unverified") return ` (unverified: ${r.provider.id} was not probed)`;
  return "";
}

function keptDetail(r: ModelRecord, rank: number, ctx: SelectionContext): string {
  const rule = r.placement[ctx.categoryIndex]!;
  const why =
    rule === "merit"
      ? `ranked on merit: ${describeMerit(r.merit, ctx.category, ctx.index.policy)}`
      : rule === "provider_default"
        ? preferenceSource(rule, r.provider, ctx)
        : `listed in ${preferenceSource(rule, r.provider, ctx)}`;
  return `#${rank} in ${r.provider.id}'s ${ctx.category} ordering: ${why}${staleNote(r)}`;
}

function droppedDetail(rule: StaticRule | DynamicRule, r: ModelRecord, ctx: SelectionContext): string {
  const placement = r.placement[ctx.categoryIndex];
  const passedOver = placement !== undefined && placement !== "merit" ? `${preferenceSource(placement, r.provider, ctx)}, passed over: ` : "";
  return passedOver + describeDrop(rule, r, ctx);
}

/** Rule 3: each provider in scope, in priority order, each model in its ordering, then the models it can never route. */
export function routingTrace(ctx: SelectionContext, chosen: ModelRecord | null, skip: ReadonlySet<ModelRecord>): TraceEntry[] {
  const trace: TraceEntry[] = [];
  for (const p of providersInScope(ctx)) {
    let rank = 0;
    for (const slot of traceOrder(p, ctx.categoryIndex)) {
      if (!isModelRecord(slot)) {
        trace.push(entry(slot.name, p.id, "dropped", "not_in_snapshot", `${preferenceSource(slot.rule, p, ctx)} names it, but the snapshot has no such ${p.id} model`));
        continue;
      }
      if (slot.staticRule === null) rank++;
      if (skip.has(slot)) continue;
      const rule = dropRule(slot, ctx);
      if (rule !== null) trace.push(entry(slot.id, p.id, "dropped", rule, droppedDetail(rule, slot, ctx)));
      else trace.push(entry(slot.id, p.id, slot === chosen ? "chosen" : "fallback", slot.placement[ctx.categoryIndex]!, keptDetail(slot, rank, ctx)));
    }
  }
  return trace;
}

/** Rule 1: every model the name resolves to, in provider priority order. */
export function requestedTrace(ctx: SelectionContext, name: string, records: readonly ModelRecord[], chosen: ModelRecord | null): TraceEntry[] {
  return records.map((r) => {
    if (ctx.provider !== null && r.provider !== ctx.provider) {
      return entry(r.id, r.provider.id, "dropped", "other_provider", `the request is restricted to provider ${ctx.provider.id}`);
    }
    const rule = dropRule(r, ctx);
    if (rule !== null) return entry(r.id, r.provider.id, "dropped", rule, describeDrop(rule, r, ctx));
    return entry(r.id, r.provider.id, r === chosen ? "chosen" : "fallback", "requested", `requested as "${name}"${staleNote(r)}`);
  });
}

/** Rule 2: the default model, chosen or passed over. */
export function defaultTrace(ctx: SelectionContext, chosen: ModelRecord | null): TraceEntry[] {
  const ref = ctx.index.defaultModel;
  if (ref === null) return [];
  if (ref.records.length === 0) {
    return [entry(ref.model, ref.provider, "dropped", "not_in_snapshot", `the default model (policy.defaultModel), passed over: the snapshot has no such ${ref.provider} model`)];
  }
  return ref.records.map((r) => {
    const rule = dropRule(r, ctx);
    if (rule !== null) return entry(r.id, r.provider.id, "dropped", rule, `the default model (policy.defaultModel), passed over: ${describeDrop(rule, r, ctx)}`);
    return entry(r.id, r.provider.id, r === chosen ? "chosen" : "fallback", "default_model", `the default model (policy.defaultModel), used because the request names no category, provider or requirement${staleNote(r)}`);
  });
}

/** Rules 2 and 3: the default model's entries first (when rule 2 applied), then routing, without repeating them. */
export function autoTrace(ctx: SelectionContext, chosen: ModelRecord | null): TraceEntry[] {
  const ref = ctx.index.defaultModel;
  if (ref === null || namesRoutingCriteria(ctx)) return routingTrace(ctx, chosen, new Set());
  return [...defaultTrace(ctx, chosen), ...routingTrace(ctx, chosen, new Set(ref.records))];
}
