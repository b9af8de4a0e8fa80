// Further choices for retries, built only when read.
import type { SelectionContext } from "./context.js";
import { requestOrder } from "./order.js";
import { fits } from "./fit.js";
import type { ModelRecord } from "./snapshot-index.js";
import type { ModelChoice } from "./vocabulary.js";

const ref = (r: ModelRecord): ModelChoice => (r.ref ??= Object.freeze({ model: r.id, provider: r.provider.id }));

/**
 * Every model that fits, in routing order (band, then provider priority, then each provider's order), but the choice.
 */
export function routedFallbacks(ctx: SelectionContext, chosen: ModelRecord): ModelChoice[] {
  const list: ModelChoice[] = [];
  for (const r of requestOrder(ctx).routing) {
    if (r !== chosen && fits(r, ctx)) list.push(ref(r));
  }
  return list;
}

/** A model asked for by name is never swapped for another: its fallbacks are the same model at later providers. */
export function requestedFallbacks(
  ctx: SelectionContext,
  records: readonly ModelRecord[],
  chosen: ModelRecord,
): ModelChoice[] {
  const list: ModelChoice[] = [];
  for (const r of records) {
    if (r === chosen || r.staticRule !== null) continue;
    if (ctx.provider !== null && r.provider !== ctx.provider) continue;
    if (fits(r, ctx)) list.push(ref(r));
  }
  return list;
}
