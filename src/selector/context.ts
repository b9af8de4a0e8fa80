// One select call's request, checked and resolved against the snapshot. The choice keeps it, so that its lazy
// parts can be built later; select allocates nothing else per call.
import type { Category } from "./vocabulary.js";
import type { ModelRecord, ProviderRecord, SnapshotIndex } from "./snapshot-index.js";

export interface SelectionContext {
  readonly index: SnapshotIndex;
  /** The name as given; null for auto. */
  readonly model: string | null;
  readonly category: Category;
  readonly categoryIndex: 0 | 1 | 2;
  readonly categoryNamed: boolean;
  /** request.provider resolved; null when the request does not restrict the provider. */
  readonly provider: ProviderRecord | null;
  /** Required capabilities as a bit mask of VISION, TOOLS, REASONING, JSON_MODE. */
  readonly need: number;
  /** NO_MINIMUM when not asked for. */
  readonly minContext: number;
  readonly minOutput: number;
  /** The models the request's exclude names; null when it names none. */
  readonly excluded: ReadonlySet<ModelRecord> | null;
}

/** How the choice was reached, which decides its reason, fallbacks and trace. */
export type Path = "requested" | "default_model" | "routed";

/** The providers a request may be routed to, in priority order. */
export function providersInScope(ctx: SelectionContext): readonly ProviderRecord[] {
  return ctx.provider === null ? ctx.index.providers : [ctx.provider];
}
