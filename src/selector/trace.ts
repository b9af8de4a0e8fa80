// The trace: every model a request considered, and the rule that kept or dropped it. Built only when read.
import { providersInScope, type SelectionContext } from "./context.js";
import { describeDrop, dropRule, type DynamicRule } from "./fit.js";
import { describeMerit, TIE_BREAK_KEYS, type MeritKeyName } from "./rank.js";
import { decider, requestOrder, standoff } from "./order.js";
import { deciderLabel, healthOverride, preferenceSource } from "./phrases.js";
import { namesRoutingCriteria } from "./request.js";
import { isModelRecord, traceOrder, type ModelRecord, type StaticRule } from "./snapshot-index.js";
import type { TraceEntry, TraceOutcome, TraceRule } from "./trace-entry.js";

function entry(model: string, provider: string, outcome: TraceOutcome, rule: TraceRule, detail: string): TraceEntry {
  return Object.freeze({ model, provider, outcome, rule, detail });
}

function staleNote(r: ModelRecord): string {
  if (r.model.availability === "stale") {
    const when = r.model.lastVerifiedAt ? `, last listed ${r.model.lastVerifiedAt}` : "";
    return ` (stale: ${r.provider.id}'s probe failed; kept from the last good snapshot${when})`;
  }
  if (r.model.availability === "unverified") return ` (unverified: ${r.provider.id} was not probed)`;
  return "";
}

function keptDetail(r: ModelRecord, rank: number, ctx: SelectionContext, note: string): string {
  const rule = r.placement[ctx.categoryIndex]!;
  const why =
    rule === "merit"
      ? `ranked on merit: ${describeMerit(r.merit, ctx.category, ctx.index.policy, requestOrder(ctx).price(r))}`
      : rule === "provider_default"
        ? preferenceSource(rule, r.provider, ctx)
        : `listed in ${preferenceSource(rule, r.provider, ctx)}`;
  return `#${rank} in ${r.provider.id}'s ${ctx.category} ordering: ${why}${staleNote(r)}${note}`;
}

function droppedDetail(rule: StaticRule | DynamicRule, r: ModelRecord, ctx: SelectionContext): string {
  const placement = r.placement[ctx.categoryIndex];
  const passedOver =
    placement !== undefined && placement !== "merit"
      ? `${preferenceSource(placement, r.provider, ctx)}, passed over: `
      : "";
  return passedOver + describeDrop(rule, r, ctx);
}

/** Chosen on merit only when a request, the default model or a written preference names it. */
function byNameDetail(r: ModelRecord): string {
  const what =
    r.model.kind === "router"
      ? "a router (it forwards each request to a model it picks)"
      : `routed by name only (routing "by_name"${r.model.variant ? `, a :${r.model.variant.tag} variant` : ""})`;
  return `${what}: chosen only when a request names it, never on merit or as a fallback of another model`;
}

/** A note for the chosen model (what put it ahead of the runner-up, and any health override) and for ties. */
function notes(ctx: SelectionContext, chosen: ModelRecord | null): Map<ModelRecord, string> {
  const out = new Map<ModelRecord, string>();
  const order = requestOrder(ctx);
  const c = ctx.categoryIndex;
  // Models the tie-break placed: equal on every fact to the next model that fits in the same provider's order.
  for (const p of providersInScope(ctx)) {
    let previous: ModelRecord | null = null;
    for (const r of order.provider(p)) {
      if (r.placement[c] !== "merit" || dropRule(r, ctx) !== null) continue;
      if (previous !== null) {
        const key = decider(ctx, previous, r);
        if (key === "id" || TIE_BREAK_KEYS.includes(key as MeritKeyName))
          out.set(previous, `; ahead of ${r.id} on ${deciderLabel(key)}`);
      }
      previous = r;
    }
  }
  if (chosen !== null && chosen.placement[c] === "merit") {
    const { runnerUp, decidedBy, passedOver } = standoff(ctx, chosen);
    let note =
      runnerUp !== null && decidedBy !== null
        ? `; ahead of ${runnerUp.id} (${runnerUp.provider.id}) on ${deciderLabel(decidedBy)}`
        : "";
    if (passedOver.length > 0 && ctx.provider === null) note += `; ${healthOverride(ctx, chosen, passedOver)}`;
    out.set(chosen, note);
  } else if (chosen !== null && ctx.provider === null) {
    const { passedOver } = standoff(ctx, chosen);
    if (passedOver.length > 0) out.set(chosen, `; ${healthOverride(ctx, chosen, passedOver)}`);
  }
  return out;
}

/** Rule 3: each provider in scope, in priority order, each model in its ordering, then the models it can never route. */
export function routingTrace(
  ctx: SelectionContext,
  chosen: ModelRecord | null,
  skip: ReadonlySet<ModelRecord>,
): TraceEntry[] {
  const trace: TraceEntry[] = [];
  const order = requestOrder(ctx);
  const c = ctx.categoryIndex;
  const noted = notes(ctx, chosen);
  for (const p of providersInScope(ctx)) {
    let rank = 0;
    for (const slot of traceOrder(p, c, order.provider(p))) {
      if (!isModelRecord(slot)) {
        trace.push(
          entry(
            slot.name,
            p.id,
            "dropped",
            "not_in_snapshot",
            `${preferenceSource(slot.rule, p, ctx)} names it, but the snapshot has no such ${p.id} model`,
          ),
        );
        continue;
      }
      const byNameOnly = slot.staticRule === null && slot.byName && slot.placement[c] === "merit";
      if (slot.staticRule === null && !byNameOnly) rank++;
      if (skip.has(slot)) continue;
      if (byNameOnly) {
        trace.push(entry(slot.id, p.id, "dropped", "by_name_only", byNameDetail(slot)));
        continue;
      }
      const rule = dropRule(slot, ctx);
      if (rule !== null) trace.push(entry(slot.id, p.id, "dropped", rule, droppedDetail(rule, slot, ctx)));
      else
        trace.push(
          entry(
            slot.id,
            p.id,
            slot === chosen ? "chosen" : "fallback",
            slot.placement[c]!,
            keptDetail(slot, rank, ctx, noted.get(slot) ?? ""),
          ),
        );
    }
  }
  return trace;
}

/** Rule 1: every model the name resolves to, in provider priority order. */
export function requestedTrace(
  ctx: SelectionContext,
  name: string,
  records: readonly ModelRecord[],
  chosen: ModelRecord | null,
): TraceEntry[] {
  return records.map((r) => {
    if (ctx.provider !== null && r.provider !== ctx.provider) {
      return entry(
        r.id,
        r.provider.id,
        "dropped",
        "other_provider",
        `the request is restricted to provider ${ctx.provider.id}`,
      );
    }
    const rule = dropRule(r, ctx);
    if (rule !== null) return entry(r.id, r.provider.id, "dropped", rule, describeDrop(rule, r, ctx));
    return entry(
      r.id,
      r.provider.id,
      r === chosen ? "chosen" : "fallback",
      "requested",
      `requested as "${name}"${staleNote(r)}`,
    );
  });
}

/** Rule 2: the default model, chosen or passed over. */
export function defaultTrace(ctx: SelectionContext, chosen: ModelRecord | null): TraceEntry[] {
  const ref = ctx.index.defaultModel;
  if (ref === null) return [];
  if (ref.records.length === 0) {
    return [
      entry(
        ref.model,
        ref.provider,
        "dropped",
        "not_in_snapshot",
        `the default model (policy.defaultModel), passed over: the snapshot has no such ${ref.provider} model`,
      ),
    ];
  }
  return ref.records.map((r) => {
    const rule = dropRule(r, ctx);
    if (rule !== null)
      return entry(
        r.id,
        r.provider.id,
        "dropped",
        rule,
        `the default model (policy.defaultModel), passed over: ${describeDrop(rule, r, ctx)}`,
      );
    // Another model the default's name matches is a fallback only through routing, which never places this one.
    if (r !== chosen && r.byName && r.placement[ctx.categoryIndex] === "merit")
      return entry(r.id, r.provider.id, "dropped", "by_name_only", byNameDetail(r));
    return entry(
      r.id,
      r.provider.id,
      r === chosen ? "chosen" : "fallback",
      "default_model",
      `the default model (policy.defaultModel), used because the request names no category, provider or requirement${staleNote(r)}`,
    );
  });
}

/** Rules 2 and 3: the default model's entries first (when rule 2 applied), then routing, without repeating them. */
export function autoTrace(ctx: SelectionContext, chosen: ModelRecord | null): TraceEntry[] {
  const ref = ctx.index.defaultModel;
  if (ref === null || namesRoutingCriteria(ctx)) return routingTrace(ctx, chosen, new Set());
  return [...defaultTrace(ctx, chosen), ...routingTrace(ctx, chosen, new Set(ref.records))];
}
